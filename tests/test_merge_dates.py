"""Table-driven tests for the date a merged draft keeps (extractor.events.merge._finer)."""

from __future__ import annotations

import pytest

from extractor.events.merge import _finer


@pytest.mark.parametrize(
    ("date", "than", "expected"),
    [
        ("2024-02-04", "2024-02", True),  # 'recently' then 'on Feb. 4'
        ("2024-02-04", "2024", True),  # a day of the year named
        ("2024-12-10", "2024-10", True),  # 'the merger agreed in October' then 'the sale agreed on Tuesday'
        ("2024-09-10", "2024-10", False),  # a day before the month: the month stays
        ("2024-10", "2024", True),  # a month within the year
        ("2025-03", "2024", False),  # a month of another year is no finer
        ("2024-10", "2024-10-02", False),  # never coarser
        ("2024-10-03", "2024-10-02", False),  # two days: the first stays
        (None, "2024-10", False),
    ],
)
def test_finer(date: str | None, than: str, expected: bool) -> None:
    assert _finer(date, than) is expected
