"""Earnings previews: readings of structure rather than of words, so that they carry to new text (a year written
split over two, ...)."""

from __future__ import annotations

import pytest
from readers import earnings_previews

SPLIT_YEARS = [
    # a year written split over two is the fiscal year it closes in
    (
        "Quillfeather Gaming plc said 2018-19 core profit would be between £40m and £44m.",
        "2019-03-04",
        [("Quillfeather Gaming plc", "FY2019", [("net_profit", 42e6, None)])],
    ),
    (
        "Quillfeather Gaming plc said its 2018/2019 core profit would be about £42m.",
        "2019-03-04",
        [("Quillfeather Gaming plc", "FY2019", [("net_profit", 42e6, None)])],
    ),
    # two years that do not follow each other are no split year
    (
        "Quillfeather Gaming plc said 2019 core profit would be about £42m, against £30m in 2017.",
        "2019-03-04",
        [("Quillfeather Gaming plc", "FY2019", [("net_profit", 42e6, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", SPLIT_YEARS, ids=["2018-19", "2018/2019", "no split"])
def test_a_year_split_over_two_is_the_one_it_closes_in(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected
