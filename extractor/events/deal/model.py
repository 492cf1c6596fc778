"""The contract model of a deal."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from extractor.contract import Entity, EventBase, Money

DealType = Literal["licensing", "collaboration", "acquisition", "co_development", "newco", "other"]


class Deal(EventBase):
    """A licensing, collaboration, acquisition or similar agreement between companies.

    `parties` are the names as written; `party_entities` resolves each of them, in the same order, to its canonical
    name, kind, tickers and LEI (see `extractor.contract.Entity`).
    """

    event_type: Literal["deal"] = "deal"
    parties: list[str] = Field(default_factory=list)
    party_entities: list[Entity] = Field(
        default_factory=list, description="each of `parties`, in the same order, resolved to its entity"
    )
    deal_type: DealType = "other"
    asset: str | None = None
    total_value: Money | None = None
    upfront: Money | None = None
    milestones: Money | None = None


#: the fields of a deal that hold one amount, in the order they are converted
MONEY_FIELDS = ("total_value", "upfront", "milestones")
