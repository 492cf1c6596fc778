"""Earnings previews: a company's figures for a period, stated ahead of or outside the formal report."""

from __future__ import annotations

from typing import Any

from extractor.events.draft import Draft
from extractor.events.earnings_preview.fuller import fuller_change, fuller_value
from extractor.events.earnings_preview.model import EarningsPreview, EarningsPreviewFields, Metric
from extractor.events.earnings_preview.names import same_company
from extractor.events.earnings_preview.recognizer import EarningsRecognizer, lead, read_flagged
from extractor.events.earnings_preview.warnings import find_warning, may_warn
from extractor.events.key import KeyContext, KeyParts, month, names
from extractor.events.unit import Converter, EventUnit, Place, top_level_figures
from extractor.facts.analysis import ArticleView, Facts
from extractor.facts.lexicon import phrases, roles


def same_results(a: Draft[EarningsPreviewFields], b: Draft[EarningsPreviewFields]) -> bool:
    """Two drafts of one company's results for one period, the company written the same way or not ('Honda Motor
    Co.' and 'Honda')."""
    if a.keys & b.keys:
        return True
    period = a.fields.get("period")
    return period is not None and period == b.fields.get("period") and same_company(a.subject, b.subject)


#: the parts of a metric that a later draft of the same results may fill: its value, or its change with its range
METRIC_PARTS = (("value",), ("yoy_pct", "yoy_pct_range"))


def add_metrics(target: Draft[EarningsPreviewFields], name: str, value: Any) -> None:
    """Metrics read later join the list; one of a name already in it fills only the parts it lacks ('operating
    profit to fall 35%' in the headline, 'operating profit is expected at 2.8 trillion won' in the body), or gives more
    fully a figure it holds (a range holding it, the same figure more precisely: see fuller.py)."""
    fields = target.values
    kept = {m["metric"]: m for m in fields.get(name, [])}
    fresh = []
    for m in value:
        old = kept.get(m["metric"])
        if old is None:
            fresh.append(m)
            continue
        for part in METRIC_PARTS:
            if old.get(part[0]) is None and m.get(part[0]) is not None:
                old.update({k: m[k] for k in part if k in m})
            elif m.get(part[0]) is not None and _fuller(old, m, part[0]):
                old.update({k: m.get(k) for k in part})
    fields[name] = fields.get(name, []) + fresh


def _fuller(old: Any, new: Any, part: str) -> bool:
    """Whether a later metric gives the same figure as an earlier one more fully: a range holding it, or more precisely
    ('up about 50%' in the lead, 'up 49.84 percent' in the body)."""
    if part == "value":
        return fuller_value(old["value"], new["value"])
    return fuller_change(old["yoy_pct"], old.get("yoy_pct_range"), new["yoy_pct"], new.get("yoy_pct_range"))


def convert_metrics(fields: dict[str, Any], convert: Converter) -> None:
    """The metrics as contract objects, their values converted."""
    if "metrics" in fields:
        fields["metrics"] = [
            Metric(**{**m, "value": convert(m["value"]) if m.get("value") else None}) for m in fields["metrics"]
        ]


def figures(fields: dict[str, Any]) -> dict[str, Place]:
    """The top-level figures, and each metric's value and change on a year earlier ('metrics.net_profit.value')."""
    out = top_level_figures(fields)
    for m in fields.get("metrics", []):
        for key in ("value", "yoy_pct"):
            if m.get(key) is not None:
                out.setdefault(f"metrics.{m['metric']}.{key}", (m, key))
    return out


def identity(preview: EarningsPreview, ctx: KeyContext) -> KeyParts:
    """Its company; its period (else its month)."""
    return names([preview.company], ctx), preview.period or "-", "-" if preview.period else month(preview, ctx)


def needs_names(f: Facts) -> bool:
    """A results sentence with figures (amounts, or changes) and a period or a word of preview but no company
    named, or a warning without figures."""
    text = f.text
    metric = roles("earnings_preview", "metrics").phrases.search(text) is not None
    if not (metric or may_warn(text)) or f.companies:
        return False
    previewish = phrases("earnings_preview", "preview_words").search(text) is not None or bool(f.periods)
    if metric and previewish and (f.amounts or (f.percentages and _changes(text))):
        return True
    return find_warning(f) is not None


def context_names(view: ArticleView, wanted: list[Facts]) -> list[Facts]:
    """The lead of an article with results that name no company, for the model to read: the article's subject is
    the company of figures whose sentences name none ('The company now expects revenue of ...')."""
    if not any(needs_names(f) for f in wanted):
        return []
    return [f for f in lead(view) if not f.companies]


def _changes(text: str) -> bool:
    """Whether a sentence has a word of change ('rose', 'down', 'year-on-year')."""
    return any(
        phrases("earnings_preview", key).search(text) is not None for key in ("up_words", "down_words", "yoy_words")
    )


UNIT = EventUnit(
    event_type="earnings_preview",
    model=EarningsPreview,
    recognizer=EarningsRecognizer,
    same=same_results,
    draft_fields=EarningsPreviewFields,
    combiners={"metrics": add_metrics},
    convert_more=convert_metrics,
    needs_names=needs_names,
    context_names=context_names,
    figures=figures,
    identity=identity,
    entities={"company": ("company_entity", "company")},
    read_flagged=read_flagged,
    news_of_the_day=True,
)
