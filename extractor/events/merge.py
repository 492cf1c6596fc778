"""Merging drafts that speak of the same event in one article, by each event unit's own rule."""

from __future__ import annotations

from typing import Any

from extractor.events.draft import Draft
from extractor.events.registry import unit_of


def merge_drafts(drafts: list[Draft[Any]]) -> list[Draft[Any]]:
    """One draft per event: body sentences first, headlines only fill what the body left empty."""
    ordered = sorted(drafts, key=lambda d: (d.headline, d.sentences[0]))
    merged: list[Draft[Any]] = []
    for draft in ordered:
        same = unit_of(draft.event_type).same
        target = next((m for m in merged if m.event_type == draft.event_type and same(m, draft)), None)
        if target is None:
            merged.append(draft)
            continue
        _absorb(target, draft)
        # what the target now holds may make it one with a draft merged earlier ('X signed a sales agreement with Y'
        # and 'Y agreed to sell Z to X', once 'X acquires Z' has taken the second)
        for other in [m for m in merged if m is not target and m.event_type == draft.event_type and same(target, m)]:
            _absorb(target, other)
            merged.remove(other)
    # a headline that the body does not bear out is no event: titles tease, bodies report
    return sorted((d for d in merged if not d.headline), key=lambda d: d.sentences[0])


def _absorb(target: Draft[Any], other: Draft[Any]) -> None:
    unit_of(target.event_type).combine(target, other)
    target.sentences = sorted(set(target.sentences) | set(other.sentences))
    target.keys |= other.keys
    if target.date is None or _finer(other.date, target.date):
        target.date = other.date
    target.signals += other.signals
    target.detected = target.detected and other.detected  # an event the rules read too is theirs


def _finer(date: str | None, than: str) -> bool:
    """A day against a month or year: the day within it ('recently' then 'on Feb. 4'), or a day of a later month
    ('the takeover agreed in October' then 'the deal agreed on Tuesday' in December): a month a later sentence names
    beside the event tells of something before it, a day names the event's own."""
    if date is None or len(date) <= len(than):
        return False
    return date.startswith(than) or (len(date) == len("2024-01-01") and date > than)
