"""Merging drafts that speak of the same fund, deal, measure or company results in one article."""
from __future__ import annotations

from typing import Callable

from .recognizers import Draft

MONEY_FIELDS = ("total_value", "upfront", "milestones")


def _same_etf(a: Draft, b: Draft) -> bool:
    return bool(a.keys & b.keys)


def _same_deal(a: Draft, b: Draft) -> bool:
    if a.keys and b.keys:
        return len(a.keys & b.keys) >= min(2, len(a.keys), len(b.keys))
    if not a.keys and not b.keys:
        return any(
            a.fields.get(k) is not None and b.fields.get(k) is not None
            and abs(a.fields[k].value - b.fields[k].value) <= 0.005 * abs(a.fields[k].value)
            and a.fields[k].currency == b.fields[k].currency
            for k in MONEY_FIELDS
        )
    return False


def _same_policy(a: Draft, b: Draft) -> bool:
    if a.keys & b.keys:
        return True
    wa = {w for k in a.keys for w in k.split()}
    wb = {w for k in b.keys for w in k.split()}
    small = min(len(wa), len(wb)) or 1
    return len(wa & wb) / small >= 0.6


def _same_results(a: Draft, b: Draft) -> bool:
    return bool(a.keys & b.keys)


SAME: dict[str, Callable[[Draft, Draft], bool]] = {
    "etf_move": _same_etf,
    "deal": _same_deal,
    "policy_change": _same_policy,
    "earnings_preview": _same_results,
}


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One draft per event: body sentences first, headlines only fill what the body left empty."""
    ordered = sorted(drafts, key=lambda d: (d.headline, d.sentences[0]))
    merged: list[Draft] = []
    for draft in ordered:
        same = SAME[draft.event_type]
        target = next((m for m in merged if m.event_type == draft.event_type and same(m, draft)), None)
        if target is None:
            merged.append(draft)
        else:
            _absorb(target, draft)
    # a headline that the body does not bear out is no event: titles tease, bodies report
    return sorted((d for d in merged if not d.headline), key=lambda d: d.sentences[0])


def _absorb(target: Draft, other: Draft) -> None:
    for name, value in other.fields.items():
        if name == "parties":
            known = {p.lower() for p in target.fields.get("parties", [])}
            target.fields["parties"] = target.fields.get("parties", []) + [p for p in value if p.lower() not in known]
        elif name == "metrics":
            names = {m["metric"] for m in target.fields.get("metrics", [])}
            target.fields["metrics"] = target.fields.get("metrics", []) + [m for m in value if m["metric"] not in names]
        elif name == "deal_type" and target.fields.get(name) == "other":
            target.fields[name] = value
        else:
            target.fill(name, value)
    target.sentences = sorted(set(target.sentences) | set(other.sentences))
    target.keys |= other.keys
    if target.date is None:
        target.date = other.date
    target.signals += other.signals
