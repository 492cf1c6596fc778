"""The contract model of an earnings preview and its metrics."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from extractor.contract import Entity, EventBase, Money, Strict


class Metric(Strict):
    """One reported figure of an earnings preview."""

    metric: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    value: Money | None = None
    yoy_pct: float | None = None
    yoy_pct_range: list[float] | None = Field(default=None, min_length=2, max_length=2)


class EarningsPreview(EventBase):
    """A company's results for a period stated ahead of or outside the formal report.

    `company` is the name as written; `company_entity` resolves it to its canonical name, kind, tickers and LEI.
    """

    event_type: Literal["earnings_preview"] = "earnings_preview"
    company: str | None = None
    company_entity: Entity | None = Field(default=None, description="`company` resolved to its entity")
    period: str | None = None
    metrics: list[Metric] = Field(default_factory=list)
