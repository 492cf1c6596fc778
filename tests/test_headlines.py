"""Which lines are headlines (facts of low priority): short lines or title-cased ones, without closing punctuation."""

from __future__ import annotations

import pytest

from extractor.facts.analysis import _mark_headlines
from extractor.facts.sentences import split_sentences

CASES = [
    ("China's Country Garden expects to swing to net loss in first half", True),
    (
        "Breakthroughs in Overseas Partnerships and Financial Performance Drive Hong Kong-Listed Innovative Drug "
        "Stocks' Rally, ETF 520880 Surges 3.86% on Heavy Volume",
        True,  # long, but in title case
    ),
    ("to lower the reserve requirement ratio (RRR) for rural lenders by a quarter point", False),  # lower case
    (
        "A PBOC official said the RRR cut will help offset cash demand ahead of the Spring Festival, and banking "
        "system liquidity will remain basically stable",
        False,  # a long sentence that lost its full stop
    ),
    ("The ETF rose 3% on Monday.", False),
    ("Fund flows [1]", False),  # a summary bullet ends with its citation
    (
        "DENVER (dpa-AFX) - Chipmaker Harbor Technology Inc. (HRBT), Monday said it agreed to buy Delta Corp. (DLTA) "
        "for about $2.1 billion",
        False,  # a wire story's first sentence after its dateline, though it lost its full stop
    ),
    ("HONG KONG, March 3 (Reuters) - Delta Land Sells Harbor Project to Cedar Group", False),
    ("* Deal for a consideration of HK$2.3 billion", False),  # an item of a list of facts, no title
    ("* Harbor Says Unit Signs Supply Deal", False),
    ("*Star Picks of the Week", True),  # no bullet without a space after it
    ("iShares MSCI Nordic ETF Trading Down 1.5 %", True),  # a brand with a capital after its first letter
]


@pytest.mark.parametrize("line, headline", CASES, ids=[c[0][:30] for c in CASES])
def test_headlines(line: str, headline: bool) -> None:
    assert {s.headline for s in _mark_headlines(split_sentences(line))} == {headline}
