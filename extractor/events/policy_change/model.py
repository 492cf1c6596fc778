"""The contract model of a policy change."""

from __future__ import annotations

from typing import Literal

from extractor.contract import EventBase


class PolicyChange(EventBase):
    """A government, regulator or central-bank measure."""

    event_type: Literal["policy_change"] = "policy_change"
    issuer: str | None = None
    policy: str
    action: str | None = None
