"""The contract model of an ETF move."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from extractor.contract import EventBase, Money


class EtfMove(EventBase):
    """A fund's price move, trading or flows as reported for a day or period."""

    event_type: Literal["etf_move"] = "etf_move"
    etf_code: str | None = None
    etf_name: str | None = None
    change_pct: float | None = Field(default=None, description="close, or at time of report")
    change_pct_range: list[float] | None = Field(default=None, min_length=2, max_length=2)
    intraday_high_pct: float | None = Field(default=None, description="'climbed as much as'")
    intraday_low_pct: float | None = Field(default=None, description="'fell as much as', negative")
    turnover: Money | None = None
    net_inflow: Money | None = Field(default=None, description="negative for an outflow")
    fund_size: Money | None = None
    tracked_index: str | None = None


#: the fields of an ETF move that hold one amount, in the order they are converted
MONEY_FIELDS = ("turnover", "net_inflow", "fund_size")
