"""Which market an article is about (extractor/facts/markets.py, extractor/data/markets.json)."""

from __future__ import annotations

import pytest

from extractor.facts.markets import is_greater_china

ARTICLES = [
    # (text, about the Hong Kong and mainland markets?)
    (
        "Shares of the Shenzhen-listed maker rose 4% after it said first-half profit would double to 1.2 billion yuan.",
        True,
    ),
    ("The Hang Seng Index fell 1.1% as mainland developers slid; HKEX turnover was HK$98 billion.", True),
    ("The CSRC said on Friday it would tighten rules for A-share listings.", True),
    ("The iShares MSCI Brazil ETF fell 3% on Friday as the real weakened against the dollar.", False),
    ("Chinalco's Australian unit said its SSEC-linked notes were unaffected by the rate decision in Canberra.", False),
    # one mention in a long worldwide story is not enough: the words must be dense
    (
        "The Reserve Bank of New Zealand held its cash rate at 5.5% on Wednesday, saying inflation was still too high "
        "and that rates would stay restrictive for some time. Dairy prices, which depend on demand from China, fell "
        "again at the latest auction, and the kiwi dollar slipped against the US dollar after the statement, while "
        "economists said the first cut was now unlikely before the middle of next year given wage growth. Retail "
        "sales data due next week and the quarterly labour report will be watched closely by traders, who have "
        "pushed back bets on easing; bond yields rose across the curve and the main share index ended lower.",
        False,
    ),
    ("", False),
]


@pytest.mark.parametrize(("text", "home"), ARTICLES)
def test_an_article_is_about_the_hong_kong_and_mainland_markets_when_their_words_are_dense(text, home):
    assert is_greater_china(text) is home
