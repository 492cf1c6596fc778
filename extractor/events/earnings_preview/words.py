"""The models of the earnings unit's tables: its words (words.json) and its candidate filter (candidates.json)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from extractor.tables import Table

MetricName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class Words(Table):
    """Metric words by metric, losses and what they negate, change words, and what marks a comparison."""

    metrics: dict[MetricName, list[str]]
    loss_metrics: dict[MetricName, MetricName]
    per_share_metrics: dict[MetricName, MetricName]
    amount_only_metrics: list[MetricName]
    per_share_only_metrics: list[MetricName]
    non_metrics: list[MetricName]
    passive_forecasts: list[str]
    measuring_verbs: list[str]
    other_losses: list[str]
    other_amounts: list[str]
    estimate_sources: list[str]
    preview_words: list[str]
    preview_cues: list[str]
    not_cues: list[str]
    report_verbs: list[str]
    yoy_words: list[str]
    other_bases: list[str]
    up_words: list[str]
    down_words: list[str]
    not_direction_words: list[str]
    goal_nouns: list[str]
    adjusting_openers: list[str]
    company_anaphora: list[str]
    extraposed_links: list[str]
    results_announcements: list[str]
    aggregate_subjects: list[str]
    deal_words: list[str]
    financing_verbs: list[str]
    description_names: list[str]
    comparison_openers: list[str]
    comparison_words: list[str]
    change_base_links: list[str]
    qualitative_previews: list[str]
    described_by: list[str]
    described_by_suffixes: list[str]
    part_nouns: list[str]
    reporting_heads: list[str]
    outlook_verbs: list[str]
    outlook_nouns: list[str]
    product_words: list[str]
    multiple_words: dict[str, float]
    referring_subjects: list[str]
    referring_verbs: list[str]
    relative_years: dict[str, int]
    running_years: list[str]
    shared_warnings: list[str]
    year_links: list[str]
    period_links: list[str]
    minor_units: dict[str, float]
    minor_unit_metrics: list[MetricName]
    minor_unit_currencies: dict[str, str]
    minor_unit_places: dict[str, list[str]]

    @model_validator(mode="after")
    def _known_metrics(self) -> Words:
        for key in (
            "loss_metrics",
            "amount_only_metrics",
            "per_share_metrics",
            "per_share_only_metrics",
            "non_metrics",
        ):
            unknown = [m for m in getattr(self, key) if m not in self.metrics]
            if unknown:
                raise ValueError(f"{key} names metrics not in 'metrics': {unknown}")
        return self


class CandidateModel(Table):
    """candidates.json: the fitted intercept, weights by signal name, and the probability a draft must reach."""

    fitted_on: str
    intercept: float
    weights: dict[str, float]
    threshold: float = Field(ge=0.0, le=1.0)
