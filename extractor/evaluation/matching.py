"""Pairing gold and predicted events of one document and type, and checking a pair's slots."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from extractor.evaluation.compare import (
    code_key,
    doc_key,
    metric_name,
    period_key,
    same_date,
    same_money,
    same_name,
    same_percent,
    words,
)
from extractor.evaluation.rules import table, weight, word_set

Event = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Slot:
    """One scored unit of a gold event: a field, a party or a metric figure, and whether the prediction has it."""

    label: str
    want: Any
    got: Any
    ok: bool


@dataclass(slots=True)
class Pairing:
    """The events of one document and type: gold events paired with predictions, those missed, predictions left over."""

    doc: str
    event_type: str
    matched: list[tuple[Event, Event, list[Slot]]] = field(default_factory=list)
    missed: list[tuple[Event, list[Slot]]] = field(default_factory=list)
    extra: list[Event] = field(default_factory=list)
    #: predictions of optional gold events: neither hits nor extras, but right
    optional: list[Event] = field(default_factory=list)


def _metric_agrees(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Same metric, and its stated value agrees (or, without a value, its year-on-year change)."""
    if metric_name(gold) != metric_name(pred):
        return False
    if gold.get("value") is not None:
        return same_money(gold["value"], pred.get("value"))
    if gold.get("yoy_pct") is not None:
        return same_percent(gold["yoy_pct"], pred.get("yoy_pct"))
    return True


def _etf_score(gold: Event, pred: Event) -> float:
    code = code_key(pred.get("etf_code"))
    return weight("same_code") if code and code == code_key(gold.get("etf_code")) else 0.0


def _deal_score(gold: Event, pred: Event) -> float:
    gold_parties: list[str] = gold.get("parties") or []
    pred_parties: list[str] = pred.get("parties") or []
    monies = [f for f in table()["deal_money_fields"] if f in gold]
    money_hit = any(same_money(gold[f], pred.get(f)) for f in monies)
    if gold_parties:
        hits = sum(any(same_name(g, p) for p in pred_parties) for g in gold_parties)
        return hits / len(gold_parties) + weight("deal_money_bonus") * money_hit if hits else 0.0
    if monies:
        return weight("deal_money_only") if money_hit else 0.0
    return weight("deal_unnamed")  # a deal the gold names no party or figure of: any leftover deal may be it


def _policy_overlap(gold: Event, pred: Event) -> float:
    """The largest share of a gold policy name's words (or an alias's) found in the predicted policy."""
    names = [gold.get("policy"), *(gold.get("policy_aliases") or [])]
    candidates = [set(words(pred.get("policy") or "")), set(words(pred.get("policy_name") or ""))]
    best = 0.0
    for name in names:
        wanted = set(words(name)) - word_set("policy_ignored_words")
        if wanted:
            for got in candidates:
                if got:
                    best = max(best, len(wanted & got) / len(wanted))
    return best


def _policy_score(gold: Event, pred: Event) -> float:
    overlap = _policy_overlap(gold, pred)
    if overlap >= table()["policy_min_overlap"]:
        return overlap
    if gold.get("issuer") and pred.get("issuer") and same_name(gold["issuer"], pred["issuer"]):
        return weight("policy_issuer_only")
    return 0.0


def _earnings_score(gold: Event, pred: Event) -> float:
    metric_hit = any(_metric_agrees(g, p) for g in gold.get("metrics") or [] for p in pred.get("metrics") or [])
    if not gold.get("company"):
        return weight("earnings_metric_only") if metric_hit else 0.0
    if not (pred.get("company") and same_name(gold["company"], pred["company"])):
        return 0.0
    period_hit = period_key(gold.get("period")) == period_key(pred.get("period"))
    if not (period_hit or metric_hit):
        return 0.0
    return weight("earnings_base") + weight("earnings_period") * period_hit + weight("earnings_metric") * metric_hit


_SCORES: dict[str, Callable[[Event, Event], float]] = {
    "etf_move": _etf_score,
    "deal": _deal_score,
    "policy_change": _policy_score,
    "earnings_preview": _earnings_score,
}


def match_score(gold: Event, pred: Event) -> float:
    """How well a prediction fits a gold event of the same type: 0 when they cannot be one event, higher is better."""
    score = _SCORES.get(gold["event_type"])
    return score(gold, pred) if score else 0.0


def _metric_slots(wanted: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[Slot]:
    slots = []
    for metric in wanted:
        name = metric_name(metric)
        same = [m for m in got if metric_name(m) == name]
        if metric.get("value") is not None:
            found = [m.get("value") for m in same] or None
            same = [m for m in same if same_money(metric["value"], m.get("value"))]
            slots.append(Slot(f"metrics.{name}.value", metric["value"], found, bool(same)))
        if metric.get("yoy_pct") is not None:  # looked for only among the metrics whose value agreed, if one is given
            ok = any(same_percent(metric["yoy_pct"], m.get("yoy_pct")) for m in same)
            slots.append(
                Slot(f"metrics.{name}.yoy_pct", metric["yoy_pct"], [m.get("yoy_pct") for m in same] or None, ok)
            )
    return slots


def slot_kind(name: str, value: Any) -> str:
    """How a gold field is compared: by its name, else money for an object, else by the end of its name, else as a name."""
    kinds: dict[str, str] = table()["slot_kinds"]
    if kinds.get(name) in ("names", "metrics"):
        return kinds[name]
    if isinstance(value, dict):
        return "money"
    suffixes: dict[str, str] = table()["slot_suffixes"]
    for suffix, kind in suffixes.items():
        if name.endswith(suffix):
            return kind
    return kinds.get(name, "name")


_SAME: dict[str, Callable[[Any, Any], bool]] = {
    "money": same_money,
    "percent": same_percent,
    "date": same_date,
    "period": lambda want, got: period_key(want) == period_key(got),
    "code": lambda want, got: bool(got) and code_key(got) == code_key(want),
    "name": lambda want, got: bool(got) and same_name(str(want), str(got)),
}


def slots(gold: Event, pred: Event | None) -> list[Slot]:
    """Every scored unit of a gold event (each party, each metric figure, every other field) against a prediction."""
    pred = pred or {}
    out: list[Slot] = []
    skipped = word_set("not_slots")
    for name, want in gold.items():
        if name in skipped or want is None:
            continue
        got = pred.get(name)
        kind = slot_kind(name, want)
        if kind == "names":
            out += [Slot(name, p, got, any(same_name(p, g) for g in got or [])) for p in want]
        elif kind == "metrics":
            out += _metric_slots(want, got or [])
        else:
            out.append(Slot(name, want, got, _SAME[kind](want, got)))
    return out


def _pair(pool: list[Event], preds: list[Event], free: set[int]) -> dict[int, int]:
    """Greedy pairing, best score first (ties: earlier gold, then earlier prediction); paired predictions leave `free`."""
    ranked = sorted((-match_score(g, preds[j]), i, j) for i, g in enumerate(pool) for j in free)
    paired: dict[int, int] = {}
    for negative, i, j in ranked:
        if negative < 0 and i not in paired and j in free:
            paired[i] = j
            free.discard(j)
    return paired


def pair_events(doc: str, event_type: str, golds: list[Event], preds: list[Event]) -> Pairing:
    """Pair one document's gold and predicted events of one type: required gold first, then optional gold."""
    required = [g for g in golds if not g.get("optional")]
    optional = [g for g in golds if g.get("optional")]
    free = set(range(len(preds)))
    result = Pairing(doc, event_type)
    paired = _pair(required, preds, free)
    for i, gold in enumerate(required):
        if i in paired:
            pred = preds[paired[i]]
            result.matched.append((gold, pred, slots(gold, pred)))
        else:
            result.missed.append((gold, slots(gold, None)))
    # a prediction of an optional event is neither a hit nor an extra
    result.optional = [preds[j] for j in _pair(optional, preds, free).values()]
    result.extra = [preds[j] for j in sorted(free)]
    return result


def pair_documents(gold: list[Event], predicted: list[Event]) -> list[Pairing]:
    """Pair every document and type named in the gold (documents compared by the last part of their doc_id).

    Predictions of documents the gold does not name, and of types that are not scored, are left out.
    """
    scored = table()["event_types"]
    docs = {doc_key(g["doc_id"]) for g in gold}
    golds: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in gold:
        if event["event_type"] in scored:
            golds[doc_key(event["doc_id"]), event["event_type"]].append(event)
    preds: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in predicted:
        doc = doc_key(event.get("doc_id"))
        if doc in docs and event.get("event_type") in scored:
            preds[doc, event["event_type"]].append(event)
    keys = sorted(set(golds) | set(preds), key=lambda k: (k[0], scored.index(k[1])))
    return [pair_events(doc, kind, golds.get((doc, kind), []), preds.get((doc, kind), [])) for doc, kind in keys]
