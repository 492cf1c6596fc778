"""Changes told in a sentence (or clause) of their own that refers back to the figures just read: 'This represents
growth of 18% on the prior corresponding period', 'This is between 10% and 20% higher than the 550 cents of a year
before', 'The new forecast represents a rise of 5 percent on last year'."""

from __future__ import annotations

from functools import cache

import regex

from extractor.events.common import RESPECTIVELY
from extractor.events.draft import Draft
from extractor.events.earnings_preview.model import EarningsPreviewFields, MetricFields
from extractor.facts.analysis import ArticleView
from extractor.facts.lexicon import words
from extractor.facts.patterns import alternation

#: a change as read from a percentage: its `yoy_pct`, and its `yoy_pct_range` or None
Change = tuple[float, list[float] | None]


@cache
def _referring() -> regex.Pattern[str]:
    """A subject that refers back to figures, then a verb that equates ('This represents', 'This would be')."""
    table = words("earnings_preview")
    subjects = alternation(table["referring_subjects"], space=r"\s++")
    verbs = alternation(table["referring_verbs"], space=r"\s++")
    return regex.compile(
        rf"(?i)[^\p{{L}}\p{{N}}]*+(?:{subjects})\s++(?:(?:would|will|could|may|should)\s++)?(?:{verbs})(?![\w-])"
    )


def refers_back(text: str, lo: int = 0) -> bool:
    """Whether text[lo:] opens with a subject that refers back to figures and a verb that equates."""
    return _referring().match(text, lo) is not None


def apply_referred(
    view: ArticleView,
    index: int,
    hi: int,
    draft: Draft[EarningsPreviewFields],
    changes: list[Change],
) -> None:
    """Set the changes of a referring sentence (`index`, its text up to `hi`) on the metrics of the draft read in the
    sentence before (or earlier in it) that have a figure and no change yet: one change to the last of them; several
    'respectively' to the figures of that sentence in their order."""
    if not changes or index - draft.sentences[-1] > 1:
        return
    free = [m for m in draft.fields.get("metrics", []) if m.get("value") is not None and m.get("yoy_pct") is None]
    if not free:
        return
    if len(changes) == 1:
        _set(free[-1], changes[0])
        return
    text = view.facts[index].text
    if RESPECTIVELY.search(text, 0, hi) is None:
        return
    figures = view.facts[draft.sentences[-1]].amounts
    if len(figures) != len(changes):
        return
    for figure, change in zip(figures, changes):
        owner = next((m for m in free if m["value"] is not None and m["value"].value == figure.item.value), None)
        if owner is not None:
            _set(owner, change)


def _set(metric: MetricFields, change: Change) -> None:
    """A metric's change (and its range) as read."""
    metric["yoy_pct"] = change[0]
    if change[1] is not None:
        metric["yoy_pct_range"] = change[1]
