"""Earnings previews: a figure given twice (rounded in the lead, in full in the body) is kept in full."""

from __future__ import annotations

import pytest
from readers import earnings_previews

from extractor.contract import Money
from extractor.events.earnings_preview.fuller import fuller_change, fuller_value

CHANGES = [
    # (old, old range, new, new range, whether new is the fuller reading)
    (50.0, None, 49.84, None, True),  # the same change with more decimals
    (-78.0, None, -77.9, None, True),
    (49.84, None, 50.0, None, False),  # the rounded one never replaces the precise one
    (50.0, None, 46.0, None, False),  # another figure
    (25.0, None, 30.0, [25.0, 35.0], True),  # a range holding the point
    (40.0, None, 30.0, [25.0, 35.0], False),  # a range beside it
    (30.0, [25.0, 35.0], 31.25, None, False),  # a point never replaces a range
]


@pytest.mark.parametrize("old, old_range, new, new_range, expected", CHANGES)
def test_fuller_change(old, old_range, new, new_range, expected) -> None:
    assert fuller_change(old, old_range, new, new_range) is expected


def _money(value: float, currency: str = "USD", low: float | None = None, high: float | None = None) -> Money:
    qualifier = "range" if low is not None else "exact"
    return Money(text="-", value=value, currency=currency, qualifier=qualifier, low=low, high=high)


AMOUNTS = [
    (_money(4.2e9), _money(4.23e9), True),  # '$4.2 billion' and '$4.23 billion'
    (_money(4.23e9), _money(4.2e9), False),
    (_money(4.2e9), _money(4.4e9), False),
    (_money(4.2e9, "EUR"), _money(4.23e9), False),  # another currency
    (_money(3.9), _money(3.7, low=3.5, high=3.9), True),  # a range holding the point
    (_money(4.1), _money(3.7, low=3.5, high=3.9), False),
    (_money(-2e8), _money(-1.9e8, low=-2e8, high=-1.8e8), True),  # a loss and a range of losses
]


@pytest.mark.parametrize("old, new, expected", AMOUNTS)
def test_fuller_value(old: Money, new: Money, expected: bool) -> None:
    assert fuller_value(old, new) is expected


TOLD_TWICE = [
    # the lead rounds the change, the next paragraph gives it in full
    (
        "Hanwha Motors said on Monday its third-quarter operating profit probably rose about 30 percent.\n\n"
        "Operating profit is estimated at 1.2 trillion won for July-September, up 30.42 percent from a year earlier, "
        "Hanwha Motors said in a filing.",
        "2023-10-09",
        [("Hanwha Motors", "Q3 2023", [("operating_profit", 1.2e12, 30.42)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", TOLD_TWICE, ids=["change rounded first"])
def test_the_figure_given_in_full_is_kept(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected
