"""The contract model of a policy change."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from extractor.contract import Entity, EventBase


class PolicyChange(EventBase):
    """A government, regulator or central-bank measure.

    `issuer` is the body's name; `issuer_entity` resolves it to its canonical name, kind and identifiers.
    """

    event_type: Literal["policy_change"] = "policy_change"
    issuer: str | None = None
    issuer_entity: Entity | None = Field(default=None, description="`issuer` resolved to its entity")
    policy: str
    action: str | None = None
