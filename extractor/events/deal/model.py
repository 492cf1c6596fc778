"""The contract model of a deal."""

from __future__ import annotations

from typing import Literal, TypeGuard

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict

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


MoneyField = Literal["total_value", "upfront", "milestones"]
#: the fields of a deal that hold one amount, in the order they are converted
MONEY_FIELDS: tuple[MoneyField, ...] = ("total_value", "upfront", "milestones")


@with_config(ConfigDict(extra="forbid"))
class DealFields(TypedDict, total=False):
    """What the recognizer reads for a deal: fields of `Deal`, each present once read."""

    parties: list[str]
    deal_type: DealType
    asset: str | None
    total_value: Money
    upfront: Money
    milestones: Money


def is_money_field(name: str) -> TypeGuard[MoneyField]:
    """Whether a role's name is one of a deal's money fields."""
    return name in MONEY_FIELDS
