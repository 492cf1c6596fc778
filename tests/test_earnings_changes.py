"""Earnings previews: the amount a result changed by is no result, and lines of figures listed under the sentence that
announces them are its figures."""

from __future__ import annotations

import pytest
from readers import earnings_previews

CHANGE_AMOUNTS = [
    # the amount a result rose by is not the result, and its change in percent stays with the result
    (
        "Fenghua Tech expects net profit of 800 million yuan to 900 million yuan for the first half of 2025, an "
        "increase of 200 million yuan to 300 million yuan over a year before, that is a year-on-year increase of "
        "33% to 50%.",
        "2025-07-10",
        [("Fenghua Tech", "H1 2025", [("net_profit", 8.5e8, 41.5)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", CHANGE_AMOUNTS, ids=["increase of an amount"])
def test_the_amount_of_a_change_is_no_result(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


LISTED = [
    # lines 'Metric: figure' under the sentence that announces the guidance are its figures
    (
        "Daehan Electronics announced its earnings guidance for the third quarter of 2023.\n"
        "Consolidated Sales: Approximately 40 trillion Korean won\n"
        "Consolidated Operating Profit: Approximately 2.1 trillion Korean won\n",
        "2023-10-06",
        [("Daehan Electronics", "Q3 2023", [("operating_profit", 2.1e12, None), ("revenue", 4e13, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", LISTED, ids=["labelled lines"])
def test_lines_listed_under_an_announcement(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


BASES = [
    # the year after 'up 8% from' is the base of the change, not the period of the figure
    (
        "Tidewater Glass said it expects a net loss of CNY 40 million for 2023. Sales are expected to reach "
        "CNY 510 million for the year, up 12% from 2022.",
        "2024-03-20",
        [("Tidewater Glass", "FY2023", [("net_profit", -4e7, None), ("revenue", 5.1e8, 12.0)])],
    ),
    # amounts listed after 'from' are the bases of the change, last year's figures, each of them
    (
        "Cobalt Ridge Mining forecast revenue and net profit growth of 3 percent from VND2.5 trillion and VND400 "
        "billion respectively last year.",
        "2021-04-12",
        [("Cobalt Ridge Mining", "FY2021", [("net_profit", None, 3.0), ("revenue", None, 3.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", BASES, ids=["year after from", "listed bases"])
def test_the_base_of_a_change_is_no_result(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected
