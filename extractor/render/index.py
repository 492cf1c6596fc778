"""The index page model: every rendered article with its event counts, and the articles that failed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extractor.io.inputs import InputError
from extractor.render.page import Kind, kinds


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One rendered article: its id, page, publication date, events per type and number of warnings."""

    doc_id: str
    href: str
    published: str
    counts: Counter[str]
    total: int
    warnings: int
    model: str


@dataclass(frozen=True, slots=True)
class Index:
    """The index page: the rendered articles, the failed ones, and totals per event type."""

    title: str
    rows: list[IndexRow]
    failures: list[InputError]
    kinds: list[Kind]
    total: int
    models: list[str]


def index_row(record: Mapping[str, Any], href: str) -> IndexRow:
    """The index row of an article's document record, whose page is `href`."""
    counts = Counter(str(e["event_type"]) for e in record.get("events") or [])
    return IndexRow(
        doc_id=str(record["doc_id"]),
        href=href,
        published=str(record.get("published") or ""),
        counts=counts,
        total=sum(counts.values()),
        warnings=len(record.get("warnings") or []),
        model=str(record.get("model") or ""),
    )


def build_index(title: str, rows: Sequence[IndexRow], failures: Sequence[InputError]) -> Index:
    """The index of a rendered set."""
    totals: Counter[str] = Counter()
    for row in rows:
        totals.update(row.counts)
    return Index(
        title=title,
        rows=list(rows),
        failures=list(failures),
        kinds=kinds(totals),
        total=sum(totals.values()),
        models=sorted({row.model for row in rows if row.model}),
    )
