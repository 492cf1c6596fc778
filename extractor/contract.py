"""The pieces of output contract v1 that every event type shares: money, percentages, evidence, the event base."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION: Literal["1"] = "1"

Qualifier = Literal["exact", "about", "over", "under", "up_to", "at_least", "range"]

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ISO_DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A parsed item with the character offsets of its mention in the parsed text."""

    start: int
    end: int
    item: T


class Strict(BaseModel):
    """A contract object: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class Money(Strict):
    """An amount of money as written, normalized to an ISO 4217 currency and converted."""

    text: str = Field(description="the mention as written, e.g. 'up to $8.85 billion'")
    value: float = Field(description="in units of `currency`; the midpoint for a range")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code")
    qualifier: Qualifier = "exact"
    low: float | None = Field(default=None, description="lower bound of a range")
    high: float | None = Field(default=None, description="upper bound of a range")
    usd: float | None = Field(default=None, description="value in US dollars")
    rmb: float | None = Field(default=None, description="value in renminbi")
    fx_date: str | None = Field(default=None, pattern=ISO_DAY_PATTERN, description="date of the exchange rates used")


class Percentage(Strict):
    """A percentage as written; `value` is in percent (3.86 means 3.86 %)."""

    text: str
    value: float
    qualifier: Qualifier = "exact"
    low: float | None = None
    high: float | None = None


class Evidence(Strict):
    """A sentence an event was read from; `text == article_text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EventBase(Strict):
    """What every event carries, whatever its type."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    event_id: str = Field(description="deterministic id: same input, same id")
    doc_id: str
    event_date: str | None = Field(default=None, pattern=DATE_PATTERN)
    evidence: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)
    #: the signals the confidence was computed from (not serialised; read by corpus/calibrate.py)
    _signals: dict[str, float] = PrivateAttr(default_factory=dict)
