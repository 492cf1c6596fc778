"""`extractor render`: read articles as `extract` does, extract them (or take their records from an events file),
and write a page per article and an index of the set."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.io.batch import SHARD_SIZE, Options, Outcome, extract_all
from extractor.io.inputs import Article, InputError, Source, extraction_failure, list_sources, read_source
from extractor.render.html import INDEX, PageNames, index_html, page_html
from extractor.render.index import IndexRow, build_index, index_row
from extractor.render.page import PageError, build_page

if TYPE_CHECKING:
    from extractor.pipeline import Extractor


@dataclass(slots=True)
class Rendered:
    """What a render run wrote: a row per page, and the articles that failed."""

    rows: list[IndexRow] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)


def render_set(
    paths: Sequence[str],
    output: Path,
    options: Options,
    records: Mapping[str, dict[str, Any]] | Extractor,
    say: Callable[[str], None],
    events_name: str = "the events file",
) -> Rendered:
    """Write a page per article under `paths` into `output`, and index.html; `say` reports each failure.

    `records` is either document records by doc_id (from an events file named `events_name`) or the
    Extractor that makes them.
    """
    output.mkdir(parents=True, exist_ok=True)
    names = PageNames()
    done = Rendered()
    for articles, outcomes in _outcomes(list_sources(paths, options.max_bytes), options, records, events_name):
        for article, outcome in zip(articles, outcomes):
            error = outcome.error
            if outcome.record is not None and isinstance(article, Article):
                error = _write_page(article, outcome.record, output, names, done)
            if error is not None:
                done.failures.append(error)
                say(f"extractor: {error}")
    (output / INDEX).write_text(
        index_html(build_index(f"{len(done.rows)} articles · extractor render", done.rows, done.failures)),
        encoding="utf-8",
    )
    return done


def _outcomes(
    sources: Iterable[Source],
    options: Options,
    records: Mapping[str, dict[str, Any]] | Extractor,
    events_name: str,
) -> Iterator[tuple[list[Article | InputError], list[Outcome]]]:
    """Shard by shard, the articles read and what became of each: its document record, or why there is none."""
    it = iter(sources)
    while chunk := list(islice(it, SHARD_SIZE)):
        read = [_read(source, options) for source in chunk]
        articles = [a for a in read if isinstance(a, Article)]
        if isinstance(records, Mapping):
            found = iter([_recorded(a, records, events_name) for a in articles])
        else:
            found = iter(extract_all(articles, records, options))
        yield read, [next(found) if isinstance(a, Article) else Outcome(a.doc_id, error=a) for a in read]


def _read(source: Source, options: Options) -> Article | InputError:
    try:
        return read_source(source, options.published, options.max_bytes)
    except Exception as err:
        return extraction_failure(source.doc_id, err, options.debug)


def _recorded(article: Article, records: Mapping[str, dict[str, Any]], events_name: str) -> Outcome:
    record = records.get(article.doc_id)
    if record is None:
        message = f"no document record with this doc_id in {events_name}"
        return Outcome(article.doc_id, error=InputError(article.doc_id, "render", "no_record", message))
    return Outcome(article.doc_id, article.content_hash, record)


def _write_page(
    article: Article, record: dict[str, Any], output: Path, names: PageNames, done: Rendered
) -> InputError | None:
    """Write the page of one article and add its index row; or say why the record does not fit the article."""
    try:
        page = build_page(article.text, record)
    except PageError as err:
        return InputError(article.doc_id, "render", "evidence_mismatch", str(err))
    href = names.name(article.doc_id)
    (output / href).write_text(page_html(page), encoding="utf-8")
    done.rows.append(index_row(record, href))
    return None
