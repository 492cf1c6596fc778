"""Inputs built to make patterns backtrack or rules go quadratic: every one must finish.

No timing is asserted here (benchmarks/pathological.py measures how long each takes); a run that
backtracked catastrophically would not finish, and a pattern over its time budget would raise.
"""

from __future__ import annotations

import pytest

from extractor.pipeline import _pieces

PATHOLOGICAL = {
    "100,000 digits in a row": "1" * 100_000,
    "1 MB without a space": "a" * 1_000_000,
    "1 MB without a space, figures inside": ("abc$1.5%xyz" * 100_000)[:1_000_000],
    "50,000 currency signs": "$" * 50_000,
    "50,000 currency signs and spaces": "$ " * 50_000,
    "50,000 yuan signs": "元" * 50_000,
    "'up to' repeated": "up to " * 20_000 + "$5 billion",
    "'up to' repeated without spaces": "upto" * 50_000,
    "digits and dots": "1." * 100_000,
    "digits and commas": "1," * 100_000,
    "percent signs": "%" * 100_000,
    "nested figures": "1.1.1,1,1 " * 20_000,
    "line breaks only": "\n" * 200_000,
    "one sentence of 2,000 event words": "ETF rose 3% licensing deal upfront payment of $350 million " * 2_000,
    "open brackets": "(" * 50_000 + "ETF 159567",
    "open quotes": "“" * 50_000,
    "Chinese numerals": "一二三四五六七八九十百千万亿" * 10_000,
    # each sentence looks for the body the article named last or next: once an article, not once a sentence
    "3,000 sentences naming a body by description": "The country's top securities regulator said on Monday it "
    "would cut the stamp duty on share trades. " * 3_000,
    # each 'the central bank' means the central bank the article names: looked up once an article, not once a mention
    "3,000 mentions of 'the central bank' before its name": "The central bank said on Monday it would cut the "
    "reserve requirement ratio for lenders. " * 3_000 + "Analysts watched the Czech National Bank.",
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_text_finishes_with_valid_output(extractor, text):
    events = extractor.extract(text, published="2026-02-10")
    assert isinstance(events, list)


def test_an_article_longer_than_spacy_max_length_is_processed_in_pieces(extractor):
    filler = (
        "Analysts said the sector had been volatile for months, as investors weighed valuations "
        "against the pace of new approvals. "
    ) * 6 + "\n\n"
    text = (
        filler * (1_050_000 // len(filler) + 1)
        + "The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10.\n"
    )
    assert len(text) > extractor.model.nlp.max_length
    [event] = extractor.extract(text, published="2026-02-10")
    assert (event.etf_code, event.change_pct) == ("159567", 3.72)
    assert text[event.evidence[0].start : event.evidence[0].end] == event.evidence[0].text


def test_a_sentence_longer_than_max_length_reaches_the_model_in_pieces(extractor, monkeypatch):
    monkeypatch.setattr(extractor.model.nlp, "max_length", 60)
    text = (
        "Zenith Biologics entered into an exclusive licensing agreement with Orbital Therapeutics for a "
        "bispecific antibody, receiving an upfront payment of $120 million."
    )
    events = extractor.extract(text, published="2026-02-10")
    assert [e.event_type for e in events] == ["deal"]


@pytest.mark.parametrize(
    "text, limit, pieces",
    [
        ("short", 10, [(0, "short")]),
        ("aaa bbb ccc ddd", 8, [(0, "aaa bbb"), (7, " ccc ddd")]),
        ("aaa bbb ccc ddd", 6, [(0, "aaa"), (3, " bbb"), (7, " ccc"), (11, " ddd")]),
        ("abcdefghij", 4, [(0, "abcd"), (4, "efgh"), (8, "ij")]),
    ],
)
def test_pieces_cover_the_text_at_spaces(text, limit, pieces):
    got = list(_pieces(text, limit))
    assert got == pieces
    assert "".join(p for _, p in got) == text
    assert all(len(p) <= limit for _, p in got)
