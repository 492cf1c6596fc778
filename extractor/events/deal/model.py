"""The contract model of a deal."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from extractor.contract import EventBase, Money

DealType = Literal["licensing", "collaboration", "acquisition", "co_development", "newco", "other"]


class Deal(EventBase):
    """A licensing, collaboration, acquisition or similar agreement between companies."""

    event_type: Literal["deal"] = "deal"
    parties: list[str] = Field(default_factory=list)
    deal_type: DealType = "other"
    asset: str | None = None
    total_value: Money | None = None
    upfront: Money | None = None
    milestones: Money | None = None


#: the fields of a deal that hold one amount, in the order they are converted
MONEY_FIELDS = ("total_value", "upfront", "milestones")
