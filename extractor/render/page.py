"""The page model of `extractor render`: an article's text with its evidence marked, and its events as tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.contract import Money
from extractor.datafiles import load_json
from extractor.events.registry import units
from extractor.render.marks import Node, Span, SpanError, nest

#: the fields every event has, shown in its card's heading rather than among its fields
_HEADING_FIELDS = ("schema_version", "event_id", "event_type", "doc_id", "event_date", "evidence", "confidence")
#: the fields of a document record shown elsewhere on the page than its list of facts
_RECORD_SHOWN = ("schema_version", "doc_id", "events", "warnings")
#: the fields an amount must have; any it has beyond the contract's are shown in the money row's last column
_MONEY_REQUIRED = tuple(name for name, f in Money.model_fields.items() if f.is_required())


class PageError(ValueError):
    """A record that does not fit its article's text (its evidence is elsewhere or different)."""


@dataclass(frozen=True, slots=True)
class Kind:
    """An event type on a page: its name, CSS class, colour and how many events of it there are."""

    name: str
    css: str
    colour: str
    count: int = 0


@dataclass(frozen=True, slots=True)
class MoneyRow:
    """An amount: as written, its value, qualifier (with a range's bounds), USD and RMB, the rates' date, anything more."""

    field: str
    text: str
    value: str
    qualifier: str
    usd: str
    rmb: str
    fx_date: str
    more: str


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """Where one evidence span of an event is marked: its element id, label and character offsets."""

    key: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventCard:
    """One event as shown beside the text."""

    number: int
    anchor: str
    kind: Kind
    event_id: str
    event_date: str
    confidence: str
    fields: list[tuple[str, str]]
    money: list[MoneyRow]
    evidence: list[EvidenceRef]


@dataclass(frozen=True, slots=True)
class Page:
    """Everything one article's page shows."""

    doc_id: str
    facts: list[tuple[str, str]]
    warnings: list[str]
    kinds: list[Kind]
    events: list[EventCard]
    nodes: list[Node]
    evidence_count: int


@cache
def _colours() -> tuple[dict[str, str], str]:
    table = load_json("render.json")
    return dict(table["colours"]), table["other"]


def kind_of(event_type: str, count: int = 0) -> Kind:
    """The CSS class and colour of an event type (a type the colour table does not name shares one colour)."""
    colours, other = _colours()
    if event_type in colours:
        return Kind(event_type, f"t-{event_type}", colours[event_type], count)
    return Kind(event_type, "t-other", other, count)


def palette() -> list[tuple[str, str]]:
    """(CSS class, colour) of every event type the colour table names, and of the others."""
    colours, other = _colours()
    return [(f"t-{name}", colour) for name, colour in colours.items()] + [("t-other", other)]


def kinds(counts: Mapping[str, int]) -> list[Kind]:
    """Every registered event type, then any other type counted, with its count."""
    names = [u.event_type for u in units()]
    names += sorted(set(counts) - set(names))
    return [kind_of(name, counts.get(name, 0)) for name in names]


def build_page(text: str, record: Mapping[str, Any]) -> Page:
    """The page of one article from its text and its document record (as JSON: a dict)."""
    events: Sequence[Mapping[str, Any]] = record.get("events") or []
    cards = [_card(number, event) for number, event in enumerate(events, 1)]
    spans: list[Span] = []
    for card, event in zip(cards, events):
        for ref, evidence in zip(card.evidence, event["evidence"]):
            if text[ref.start : ref.end] != evidence["text"]:
                raise PageError(
                    f"evidence {ref.label} [{ref.start}, {ref.end}) is not in this text as the record gives it; "
                    "were the events extracted from another version of the article?"
                )
            spans.append(Span(ref.start, ref.end, ref.key, card.kind.css, f"E{card.number}", card.anchor))
    try:
        nodes = nest(text, spans)
    except SpanError as err:
        raise PageError(str(err)) from None
    counts = Counter(card.kind.name for card in cards)
    return Page(
        doc_id=str(record["doc_id"]),
        facts=[(k, _scalar(k, v)) for k, v in record.items() if k not in _RECORD_SHOWN and v is not None],
        warnings=[str(w) for w in record.get("warnings") or []],
        kinds=[k for k in kinds(counts) if k.count],
        events=cards,
        nodes=nodes,
        evidence_count=len(spans),
    )


def _card(number: int, event: Mapping[str, Any]) -> EventCard:
    fields: list[tuple[str, str]] = []
    money: list[MoneyRow] = []
    for key, value in event.items():
        if key not in _HEADING_FIELDS:
            _flatten(key, value, fields, money)
    evidence = [
        EvidenceRef(f"e{number}-{i}", f"E{number}.{i}", int(e["start"]), int(e["end"]))
        for i, e in enumerate(event["evidence"], 1)
    ]
    return EventCard(
        number=number,
        anchor=f"event-{number}",
        kind=kind_of(str(event["event_type"])),
        event_id=str(event.get("event_id", "")),
        event_date=str(event.get("event_date") or "no date"),
        confidence=f"{float(event['confidence']):.2f}",
        fields=fields,
        money=money,
        evidence=evidence,
    )


def _flatten(path: str, value: Any, fields: list[tuple[str, str]], money: list[MoneyRow]) -> None:
    """Rows for a field: an amount becomes a money row, objects and lists of objects are walked, the rest shown as is."""
    if value is None:
        return
    if _is_money(value):
        money.append(_money_row(path, value))
    elif isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{path}.{key}", inner, fields, money)
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for i, item in enumerate(value, 1):
            _flatten(f"{path}[{i}]", item, fields, money)
    else:
        fields.append((path, _scalar(path, value)))


def _is_money(value: Any) -> bool:
    return isinstance(value, dict) and all(key in value for key in _MONEY_REQUIRED)


def _money_row(path: str, money: Mapping[str, Any]) -> MoneyRow:
    qualifier = str(money.get("qualifier") or "exact")
    if money.get("low") is not None and money.get("high") is not None:
        qualifier += f" {_number(money['low'])} to {_number(money['high'])}"
    more = "; ".join(f"{k}: {_scalar(k, v)}" for k, v in money.items() if k not in Money.model_fields and v is not None)
    return MoneyRow(
        field=path,
        text=str(money["text"]),
        value=f"{_number(money['value'])} {money['currency']}",
        qualifier=qualifier,
        usd=_number(money.get("usd")),
        rmb=_number(money.get("rmb")),
        fx_date=str(money.get("fx_date") or ""),
        more=more,
    )


def _number(value: Any) -> str:
    """A figure with thousands separated: whole numbers without decimals, others with two; '' for none."""
    if value is None:
        return ""
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,.2f}"


def _scalar(path: str, value: Any) -> str:
    """A field's value as text: lists joined, percentages (fields ending in _pct or _pct_range) with a % sign."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        shown = [_scalar("", item) for item in value]
        joined = " to ".join(shown) if path.endswith("_pct_range") else ", ".join(shown)
        return joined + " %" if path.endswith("_pct_range") else joined
    text = str(value)
    return text + " %" if path.endswith("_pct") else text
