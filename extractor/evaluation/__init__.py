"""Scoring extracted events against hand-made gold: the rules of `extractor eval` (see docs/evaluation.md).

`score(load_gold(GOLD), load_predictions(PRED))` gives the Figures of every event type and of all (under OVERALL).
"""

from __future__ import annotations

from typing import Any

from extractor.evaluation.figures import OVERALL, Figures, summarize
from extractor.evaluation.loading import EvaluationInputError, load_gold, load_predictions
from extractor.evaluation.matching import Pairing, pair_documents

__all__ = [
    "OVERALL",
    "EvaluationInputError",
    "Figures",
    "Pairing",
    "load_gold",
    "load_predictions",
    "pair_documents",
    "score",
]


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, Figures]:
    """The figures of every scored type and of all (under OVERALL) for gold and predicted events."""
    return summarize(pair_documents(gold, predicted))
