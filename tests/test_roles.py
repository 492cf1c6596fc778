"""Which role each figure of a sentence gets from the phrases around it."""

from __future__ import annotations

import pytest

from extractor.events.roles import assign_roles
from extractor.facts.amounts import find_amounts
from extractor.facts.lexicon import roles

DEAL_ROLES = [
    ("an upfront payment of $20 million and up to $100 million in milestones", ["upfront", "milestones"]),
    # the phrase right after the first figure is that figure's, not the next one's
    (
        "Bayer pays $40 million upfront, and is eligible for up to $600 million in development, regulatory "
        "and commercial milestones.",
        ["upfront", "milestones"],
    ),
    (
        "the licensee pays €15 million up-front, and the licensor can collect as much as €310 million once "
        "clinical and commercial milestones are met",
        ["upfront", "milestones"],
    ),
    # a phrase nearer the next figure still speaks for this one when the next has a nearer phrase of its own
    (
        "an upfront payment of RMB 250 million and up to RMB 1.2 billion in development and sales milestones, "
        "bringing the total to RMB 1.45 billion",
        ["upfront", "milestones", "total_value"],
    ),
    # 'sales-based' modifies 'milestones': it does not block them
    ("it may receive up to $300 million in sales-based milestones", ["milestones"]),
    ("with royalties on net sales of up to $50 million", [None]),
    ("a deal worth $1.2 billion, including $90 million upfront", ["total_value", "upfront"]),
    # a phrase inside an aside speaks for the figure in that aside, and for no figure outside it
    (
        "a collaboration worth up to $8.85 billion, including an upfront payment of $350 million, the company said",
        ["total_value", "upfront"],
    ),
    ("a deal worth $500 million, including royalties, and $20 million in cash", ["total_value", "total_value"]),
]


@pytest.mark.parametrize("text, want", DEAL_ROLES)
def test_deal_money_roles(text, want):
    spans = [(a.start, a.end) for a in find_amounts(text)]
    assert assign_roles(text, spans, roles("deal", "money_roles"), right=60) == want


EARNINGS_ROLES = [
    ("Revenue climbed 270% to roughly RMB 310 million, as sales of its vaccines rose", ["revenue"]),
    ("Revenue rose to RMB 2 billion, and net profit to RMB 400 million", ["revenue", "net_profit"]),
    ("it booked RMB 300 million in product sales", ["sales"]),
]


@pytest.mark.parametrize("text, want", EARNINGS_ROLES)
def test_earnings_metric_roles(text, want):
    spans = [(a.start, a.end) for a in find_amounts(text)]
    got = assign_roles(
        text,
        spans,
        roles("earnings_preview", "metrics"),
        left=90,
        right=20,
        right_weight=3.0,
        right_stops_at_comma=True,
    )
    assert got == want
