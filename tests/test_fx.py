"""USD and RMB values from the ECB table: the rate of the day, else the nearest earlier day."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.fx import default_table
from extractor.models import Money


def money(value, currency):
    return Money(text=f"{value} {currency}", value=value, currency=currency)


@pytest.mark.parametrize(
    "day, fx_date",
    [
        (dt.date(2026, 2, 10), "2026-02-10"),  # a Tuesday: that day's rates
        (dt.date(2026, 2, 8), "2026-02-06"),  # a Sunday: Friday's rates
        (dt.date(2025, 12, 25), "2025-12-24"),  # a TARGET holiday
    ],
)
def test_rate_date_is_the_day_or_the_nearest_earlier(day, fx_date):
    converted, warning = default_table().convert(money(100.0, "USD"), day)
    assert warning is None and converted.fx_date == fx_date


def test_usd_stays_usd_and_rmb_uses_the_same_day():
    converted, _ = default_table().convert(money(350e6, "USD"), dt.date(2026, 2, 8))
    assert converted.usd == pytest.approx(350e6)
    assert 6.0 < converted.rmb / 350e6 < 8.0


def test_cny_to_usd_roundtrip_consistent():
    converted, _ = default_table().convert(money(590e6, "CNY"), dt.date(2026, 2, 10))
    assert converted.rmb == pytest.approx(590e6)
    assert 70e6 < converted.usd < 95e6


def test_hkd_and_eur_convert():
    hkd, _ = default_table().convert(money(1e9, "HKD"), dt.date(2025, 6, 3))
    eur, _ = default_table().convert(money(1e9, "EUR"), dt.date(2025, 6, 3))
    assert hkd.usd == pytest.approx(1e9 / 7.84, rel=0.01)
    assert eur.usd > 1e9


@pytest.mark.parametrize("currency", ["KWD", "XYZ", "FIM"])
def test_unknown_currency_left_null_with_warning(currency):
    converted, warning = default_table().convert(money(10.0, currency), dt.date(2025, 6, 3))
    assert converted.usd is None and converted.rmb is None and converted.fx_date is None
    assert currency in warning


def test_date_before_the_table_left_null():
    converted, warning = default_table().convert(money(10.0, "CNY"), dt.date(1990, 1, 1))
    assert converted.usd is None and "on or before 1990-01-01" in warning


def test_no_date_left_null():
    converted, warning = default_table().convert(money(10.0, "USD"), None)
    assert converted.fx_date is None and warning
