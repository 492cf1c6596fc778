"""Phrase sets: a phrase is found where it stands alone, not inside a longer word; CJK text needs no spaces."""

from __future__ import annotations

import pytest

from extractor.facts.lexicon import PhraseSet

PHRASES = PhraseSet.of(["upfront payment", "deal"])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("an upfront payment of $50 million", ["upfront payment"]),
        ("An Upfront Payment", ["Upfront Payment"]),
        ("upfront payments", []),  # runs on into a longer word
        ("nondeal roadshow", []),  # a letter before it
        ("deal2", []),  # a digit after it
        ("(deal)", ["deal"]),
        ("upfront payment收到", ["upfront payment"]),  # an ideograph follows: no space needed
        ("upfront payment\U00020000", ["upfront payment"]),  # an ideograph beyond the Basic Multilingual Plane
        ("deal and deal", ["deal", "deal"]),
    ],
)
def test_phrases_stand_alone(text: str, found: list[str]) -> None:
    assert [m.group() for m in PHRASES.finditer(text)] == found
