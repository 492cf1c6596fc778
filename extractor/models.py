"""Pydantic models for output contract v1: money, evidence, the four event types, documents."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Generic, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Qualifier = Literal["exact", "about", "over", "under", "up_to", "at_least", "range"]
EventType = Literal["etf_move", "deal", "policy_change", "earnings_preview"]
DealType = Literal["licensing", "collaboration", "acquisition", "co_development", "newco", "other"]

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ISO_DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A parsed item with the character offsets of its mention in the parsed text."""

    start: int
    end: int
    item: T


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Money(_Strict):
    """An amount of money as written, normalized to an ISO 4217 currency and converted."""

    text: str = Field(description="the mention as written, e.g. 'up to $8.85 billion'")
    value: float = Field(description="in units of `currency`; the midpoint for a range")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code")
    qualifier: Qualifier = "exact"
    low: float | None = Field(default=None, description="lower bound of a range")
    high: float | None = Field(default=None, description="upper bound of a range")
    usd: float | None = Field(default=None, description="value in US dollars")
    rmb: float | None = Field(default=None, description="value in renminbi")
    fx_date: str | None = Field(
        default=None, pattern=ISO_DAY_PATTERN, description="date of the exchange rates used"
    )


class Percentage(_Strict):
    """A percentage as written; `value` is in percent (3.86 means 3.86 %)."""

    text: str
    value: float
    qualifier: Qualifier = "exact"
    low: float | None = None
    high: float | None = None


class Evidence(_Strict):
    """A sentence an event was read from; `text == article_text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class _EventBase(_Strict):
    schema_version: Literal["1"] = SCHEMA_VERSION
    event_id: str = Field(description="deterministic id: same input, same id")
    doc_id: str
    event_date: str | None = Field(default=None, pattern=DATE_PATTERN)
    evidence: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)


class EtfMove(_EventBase):
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


class Deal(_EventBase):
    """A licensing, collaboration, acquisition or similar agreement between companies."""

    event_type: Literal["deal"] = "deal"
    parties: list[str] = Field(default_factory=list)
    deal_type: DealType = "other"
    asset: str | None = None
    total_value: Money | None = None
    upfront: Money | None = None
    milestones: Money | None = None


class PolicyChange(_EventBase):
    """A government, regulator or central-bank measure."""

    event_type: Literal["policy_change"] = "policy_change"
    issuer: str | None = None
    policy: str
    action: str | None = None


class Metric(_Strict):
    """One reported figure of an earnings preview."""

    metric: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    value: Money | None = None
    yoy_pct: float | None = None
    yoy_pct_range: list[float] | None = Field(default=None, min_length=2, max_length=2)


class EarningsPreview(_EventBase):
    """A company's results for a period stated ahead of or outside the formal report."""

    event_type: Literal["earnings_preview"] = "earnings_preview"
    company: str | None = None
    period: str | None = None
    metrics: list[Metric] = Field(default_factory=list)


Event = Annotated[Union[EtfMove, Deal, PolicyChange, EarningsPreview], Field(discriminator="event_type")]

EVENT_CLASSES: dict[str, type[_EventBase]] = {
    "etf_move": EtfMove,
    "deal": Deal,
    "policy_change": PolicyChange,
    "earnings_preview": EarningsPreview,
}


class DocumentRecord(_Strict):
    """Everything extracted from one article, with the warnings met on the way."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    doc_id: str
    published: str | None = Field(default=None, pattern=ISO_DAY_PATTERN)
    model: str = Field(description="the NLP model that ran, or 'rules-only'")
    encoding: str | None = Field(default=None, description="the text encoding the article file was read in (detected)")
    content_hash: str | None = Field(default=None, description="identity of the article text: identical articles share it")
    duplicate_of: str | None = Field(
        default=None, description="doc_id of an identical article met earlier in the run; its events are not repeated")
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
