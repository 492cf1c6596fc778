"""The contract model of a policy change."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict

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


@with_config(ConfigDict(extra="forbid"))
class PolicyChangeFields(TypedDict, total=False):
    """What the recognizer reads for a policy change: fields of `PolicyChange`, each present once read."""

    issuer: str | None
    policy: str
    action: str | None
