"""Remembered findings: the same answers as the finders, each caller with a list of its own."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

import pytest

from extractor.facts.amounts import find_amounts
from extractor.facts.dates import _date_pieces, find_dates
from extractor.facts.memo import remember, remembered
from extractor.facts.percentages import find_percentages
from extractor.facts.periods import _period_mentions, find_periods

SENTENCES = [
    "The company expects net profit of 1.2 billion yuan for the first half, up 35% from a year earlier.",
    "Shares rose 4.1% on Tuesday after the drugmaker agreed to pay $50 million upfront.",
    "Revenue for the year ending March is forecast to reach HK$3 billion.",
    "No figures here.",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("published", [dt.date(2025, 8, 14), dt.date(2026, 2, 3), None])
def test_remembered_findings_are_those_found_afresh(text: str, published: dt.date | None) -> None:
    _date_pieces.cache_clear()  # type: ignore[attr-defined]
    _period_mentions.cache_clear()
    dates, periods = find_dates(text, published), find_periods(text, published)
    for _ in range(2):  # the second time from the memo
        assert find_amounts(text) == find_amounts.__wrapped__(text)  # type: ignore[attr-defined]
        assert find_percentages(text) == find_percentages.__wrapped__(text)  # type: ignore[attr-defined]
        assert find_dates(text, published) == dates
        assert find_periods(text, published) == periods


def test_each_caller_gets_a_list_of_its_own() -> None:
    first = find_amounts(SENTENCES[1])
    first.clear()
    assert find_amounts(SENTENCES[1]) != []


def test_a_finder_is_called_once_per_argument() -> None:
    calls: list[str] = []

    @remembered
    def words(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    assert words("a b") == words("a b") == ["a", "b"]
    assert calls == ["a b"]


@pytest.mark.parametrize(
    ("asked", "kept"),
    [
        ([1, 2, 3, 4], [2, 3, 4]),  # full: the least recently used key is forgotten, one at a time
        ([1, 2, 3, 1, 4], [3, 1, 4]),  # a key read again is the most recent
        ([1, 2, 1, 2, 3], [1, 2, 3]),  # repeated keys take no room
        ([1, 2, 3, 4, 5, 6], [4, 5, 6]),
    ],
)
def test_a_full_memo_forgets_the_least_recently_used_key(asked: list[int], kept: list[int]) -> None:
    memo: OrderedDict[int, int] = OrderedDict()
    for key in asked:
        assert remember(memo, key, lambda key=key: key * 2, size=3) == key * 2  # type: ignore[misc]
    assert list(memo) == kept


def test_a_remembered_key_is_not_computed_again() -> None:
    memo: OrderedDict[str, int] = OrderedDict()
    calls: list[str] = []

    def compute() -> int:
        calls.append("x")
        return 1

    assert remember(memo, "x", compute) == remember(memo, "x", compute) == 1
    assert calls == ["x"]
