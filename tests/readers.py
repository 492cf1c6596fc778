"""What the tests read off the extractor's events, shared by the test modules of several event types."""

from __future__ import annotations


def previews(extractor, text: str, published: str) -> list[tuple[object, object]]:
    """(company, period) of every earnings preview found in the text."""
    return [
        (e.company, e.period)
        for e in extractor.extract(text, published=published)
        if e.event_type == "earnings_preview"
    ]


def deal_parties(extractor, text: str, published: str) -> list[list[str]]:
    """The parties of every deal found in the text."""
    return [e.parties for e in extractor.extract(text, published=published) if e.event_type == "deal"]
