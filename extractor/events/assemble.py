"""Turning merged drafts into validated contract events: dates, FX, evidence, ids, confidence."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from typing import Any

from extractor.contract import EventBase, Evidence, Money
from extractor.events.common import headline_month
from extractor.events.confidence import features, probability, roles_of
from extractor.events.conflicts import describe, settle
from extractor.events.draft import Draft
from extractor.events.key import KeyContext, event_key
from extractor.events.registry import unit_of
from extractor.facts.analysis import ArticleView
from extractor.facts.canonical import canonical_name
from extractor.facts.entities import resolve
from extractor.facts.markets import is_greater_china
from extractor.fx import FxTable

#: the dateline dates the events of the lead: those first read in this many opening sentences
LEAD_SENTENCES = 8


def _day(value: str | None) -> dt.date | None:
    if value and len(value) == 10:
        return dt.date.fromisoformat(value)
    return None


def event_id(doc_id: str, draft: Draft[Any], evidence_start: int) -> str:
    """A deterministic id: the same article and event give the same id on every run."""
    key = "|".join([doc_id, draft.event_type, ",".join(sorted(draft.keys)), str(evidence_start)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


#: evidence sentences kept per event: a text that repeats one sentence thousands of times gets no longer record
MAX_EVIDENCE = 50


def assemble(
    view: ArticleView, drafts: list[Draft[Any]], doc_id: str, fx: FxTable, warnings: list[str]
) -> list[EventBase]:
    """Validated events for the merged drafts of one article: values settled, conflicts listed, keys made."""
    published = view.article.published
    key_context = KeyContext(published, functools.partial(canonical_name, gazetteer=view.gazetteer))
    events = []
    home = is_greater_china(view.article.text) if drafts else False
    for draft in drafts:
        unit = unit_of(draft.event_type)
        date = draft.date
        if date is None and draft.sentences[0] < LEAD_SENTENCES:
            # an event the lead reports and dates no other way: the day the lead says it was told ('said on
            # Monday'); a fund's day is the dateline's or the publication's
            date = None if unit.dated_by_publication else view.lead_day
        if date is None and not unit.dated_by_publication:
            date = view.news_day  # the day a later sentence says the news was told ('in a statement late Sunday')
        if date is None and not unit.dated_by_publication:
            date = headline_month(view)  # a roundup's month ('During May, M&A deals in the region ...')
        if date is None:
            date = view.document_day or view.dateline  # a notice's own date line, else the page's dateline
        if date is None and unit.dated_by_publication and published is not None:
            date = published.isoformat()
        told = date  # the date the text gives (or a fund's publication day), which the confidence reads
        if date is None and unit.news_of_the_day and published is not None:
            date = published.isoformat()
        fx_day = _day(date) or published
        convert = functools.partial(_convert, day=fx_day, fx=fx, warnings=warnings)
        conflicts = settle(draft, unit, view, convert)
        fields = dict(draft.fields)
        unit.convert(fields, convert)
        unit.resolve_names(fields, lambda name, kind: resolve(name, view.gazetteer, kind))
        sentences = [view.sentences[i] for i in draft.sentences[:MAX_EVIDENCE]]
        if len(draft.sentences) > MAX_EVIDENCE:
            warnings.append(
                f"{draft.event_type} event told in {len(draft.sentences):,} sentences: "
                f"its evidence keeps the first {MAX_EVIDENCE}"
            )
        evidence = [Evidence(text=s.text, start=s.start, end=s.end) for s in sentences]
        signals = features(draft, fields, told, roles_of(unit.model), bool(conflicts), home)
        event = unit.model(
            event_id=event_id(doc_id, draft, evidence[0].start),
            doc_id=doc_id,
            event_date=date,
            evidence=evidence,
            confidence=probability(signals),
            conflicts=conflicts,
            **{k: v for k, v in fields.items() if v is not None},
        )
        event._signals = signals
        parts = unit.identity(event, key_context) if unit.identity is not None else None
        event.event_key = event_key(draft.event_type, event.event_id, parts)
        warnings.extend(f"{draft.event_type} event {event.event_id}: {describe(c)}" for c in conflicts)
        events.append(event)
    return events


def _convert(money: Money, day: dt.date | None, fx: FxTable, warnings: list[str]) -> Money:
    converted, warning = fx.convert(money, day)
    if warning and warning not in warnings:
        warnings.append(warning)
    return converted
