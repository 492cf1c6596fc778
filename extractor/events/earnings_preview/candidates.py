"""The candidate filter: a logistic model, fitted on the real-article corpus, of whether a draft is a company's preview.

The rules read every company, period and figure a results sentence holds; many of those are no preview (a broker's
or a newswire's name, a peer named beside the company, results reported for a period long closed, other people's
estimates). The signals below say what the rules saw around a draft; `candidates.json` beside this file weighs them
(fitted by `corpus/fit_candidates.py`, a batch left out at a time to choose the threshold) and a draft whose
probability falls under the threshold is dropped.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache

from extractor.datafiles import load_package_json
from extractor.events.confidence import logistic
from extractor.events.draft import Draft
from extractor.events.earnings_preview.fiscal import part_close, year_end_month
from extractor.events.earnings_preview.model import EarningsPreviewFields
from extractor.events.earnings_preview.words import CandidateModel
from extractor.facts.analysis import ArticleView, company_key
from extractor.facts.entities import resolve
from extractor.facts.lexicon import phrases
from extractor.facts.periods import period_close

#: the opening sentences that say what an article is about (the headline among them)
LEAD = 3
#: days after a period's close beyond which nothing changes any more
CLOSED_DAYS_CAP = 730


@cache
def model() -> CandidateModel:
    """The fitted candidate model (candidates.json beside this module)."""
    table = load_package_json("events", "earnings_preview", "candidates.json", model=CandidateModel)
    return CandidateModel.model_validate({k: v for k, v in table.items() if not k.startswith("_")})


def _cue(text: str) -> bool:
    return phrases("earnings_preview", "preview_cues").search(text) is not None


def _any(key: str, texts: list[str]) -> bool:
    found = phrases("earnings_preview", key)
    return any(found.search(t) is not None for t in texts)


def _lead(view: ArticleView) -> list[str]:
    """The headline and the first sentences of the body, computed once per article."""
    return view.kept("earnings_candidate_lead", lambda: [f.text for f in view.facts[:LEAD]])


def _period_signals(period: str | None, published: dt.date | None, close_month: int | None = None) -> dict[str, float]:
    """How the period stands to the publication day: none, still running or to come, or closed and how long ago
    (`close_month`: the month the company's fiscal year closes in, for a fiscal part such as 'H1 FY2024/25')."""
    if period is None:
        return {"period_none": 1.0}
    out: dict[str, float] = {}
    close = period_close(period) or (part_close(period, close_month) if close_month else None)
    if close is None or published is None:
        return out
    days = (published - close).days
    if days < 0:
        out["period_open"] = 1.0
    else:
        out["period_closed"] = 1.0
        out["closed_days"] = math.log1p(min(days, CLOSED_DAYS_CAP)) / math.log1p(CLOSED_DAYS_CAP)
    out["stale"] = float(published.year - close.year > 1)
    return out


def _company_signals(view: ArticleView, draft: Draft[EarningsPreviewFields], texts: list[str]) -> dict[str, float]:
    """Whether a company is named, in the draft's own sentences, in the article's lead, and how many others beside."""
    subject = draft.subject
    if subject is None:
        # an article that names no company is one company's own notice ('The Group expects ...'): no name is no doubt
        return {"company_none": 0.0 if _names_none(view) else 1.0}
    key = company_key(subject.text).casefold()
    first = view.facts[draft.sentences[0]]
    others = {c.item.name for c in first.companies if company_key(c.item.text).casefold() != key}
    return {
        "company_in_sentence": float(any(key in t.casefold() for t in texts)),
        "company_in_lead": float(any(key in t.casefold() for t in _lead(view))),
        "company_known": float(resolve(subject.text, view.gazetteer).known),
        "company_words": min(len(subject.text.split()), 4) / 4,
        "other_companies": min(len(others), 3) / 3,
    }


def _names_none(view: ArticleView) -> bool:
    """Whether no sentence of the article names a company, computed once per article."""
    return view.kept("earnings_names_none", lambda: not any(f.companies for f in view.facts))


def features(view: ArticleView, draft: Draft[EarningsPreviewFields]) -> dict[str, float]:
    """The signals of one draft, by name (see the module docstring)."""
    texts = [view.facts[i].text for i in draft.sentences]
    first = draft.sentences[0]
    before = [view.facts[first - 1].text] if first > 0 else []
    metrics = draft.fields.get("metrics") or []
    values = [v for m in metrics if (v := m.get("value")) is not None]
    signals = {
        "cue": float(any(_cue(t) for t in texts)),
        "cue_before": float(any(_cue(t) for t in before)),
        "cue_lead": float(any(_cue(t) for t in _lead(view))),
        "warning": float(_any("qualitative_previews", texts)),
        "reported": float(_any("report_verbs", texts)),
        "estimates": float(_any("estimate_sources", texts)),
        "inexact": float(any(v.qualifier != "exact" for v in values) or any(m.get("yoy_pct_range") for m in metrics)),
        "no_metrics": float(not metrics),
        "values": min(len(values), 3) / 3,
        "changes": float(any(m.get("yoy_pct") is not None for m in metrics)),
        "headline": float(draft.headline),
        "position": min(first, 30) / 30,
    }
    period = draft.fields.get("period")
    close_month = year_end_month(view, draft) if period and "/" in period else None
    signals.update(_period_signals(period, view.article.published, close_month))
    signals.update(_company_signals(view, draft, texts))
    return signals


def probability(signals: dict[str, float]) -> float:
    """The model's probability that a draft with these signals is a preview of the company it names."""
    table = model()
    return logistic(table.intercept, table.weights, signals)


def keep(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> list[Draft[EarningsPreviewFields]]:
    """The drafts the candidate model does not reject."""
    threshold = model().threshold
    return [d for d in drafts if probability(features(view, d)) >= threshold]
