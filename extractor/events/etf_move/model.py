"""The contract model of an ETF move."""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict

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


MoneyField = Literal["turnover", "net_inflow", "fund_size"]
#: the fields of an ETF move that hold one amount, in the order they are converted
MONEY_FIELDS: tuple[MoneyField, ...] = ("turnover", "net_inflow", "fund_size")


@with_config(ConfigDict(extra="forbid"))
class EtfMoveFields(TypedDict, total=False):
    """What the recognizer reads for a move: fields of `EtfMove`, each present once read."""

    etf_code: str | None
    etf_name: str | None
    change_pct: float
    change_pct_range: list[float]
    intraday_high_pct: float
    intraday_low_pct: float
    turnover: Money
    net_inflow: Money
    fund_size: Money
    tracked_index: str


#: the fields a sentence's figures and words are read into (not the fund's identity)
ReadField = Literal[
    "change_pct", "intraday_high_pct", "intraday_low_pct", "turnover", "net_inflow", "fund_size", "tracked_index"
]


_READ_FIELDS = frozenset(get_args(ReadField))


def is_read_field(name: str) -> TypeGuard[ReadField]:
    """Whether a role's name is a field a move's reading fills."""
    return name in _READ_FIELDS
