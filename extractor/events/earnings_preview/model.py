"""The contract model of an earnings preview and its metrics."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict

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


@with_config(ConfigDict(extra="forbid"))
class MetricFields(TypedDict, total=False):
    """One figure as the recognizer reads it: fields of `Metric`."""

    metric: str
    value: Money | None
    yoy_pct: float | None
    yoy_pct_range: list[float] | None


@with_config(ConfigDict(extra="forbid"))
class EarningsPreviewFields(TypedDict, total=False):
    """What the recognizer reads for a preview: fields of `EarningsPreview`, its metrics as `MetricFields`."""

    company: str | None
    period: str | None
    metrics: list[MetricFields]
