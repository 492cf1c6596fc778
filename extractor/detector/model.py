"""The fitted detector: each event type's score of a sentence, and the types a sentence is flagged for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extractor.datafiles import load_json
from extractor.detector.features import features


@dataclass(frozen=True)
class DetectorModel:
    """The weights of detector.json, ready to score: per feature one weight per type."""

    types: tuple[str, ...]
    thresholds: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    #: the development batches it was fitted on, and the held-out false flags per 10 articles its thresholds allow
    trained_on: tuple[str, ...] = ()
    flag_rate: float = 0.0

    def scores(self, text: str, headline: bool = False) -> dict[str, float]:
        """Each type's score of a sentence (a logit: above its threshold, the sentence is flagged)."""
        totals = [0.0] * len(self.types)
        for name in features(text, headline):
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    totals[k] += w
        return dict(zip(self.types, totals))

    def flagged(self, text: str, headline: bool = False) -> list[str]:
        """The types whose score of the sentence passes their threshold."""
        scored = self.scores(text, headline)
        return [t for t, limit in zip(self.types, self.thresholds) if scored[t] > limit]


@cache
def detector() -> DetectorModel:
    """The detector shipped in extractor/data/detector.json (types without a threshold are never flagged)."""
    table = load_json("detector.json")
    types = tuple(table["types"])
    never = float("inf")
    return DetectorModel(
        types,
        tuple(float(table["thresholds"].get(t, never)) for t in types),
        {name: tuple(row) for name, row in table["weights"].items()},
        tuple(table["trained_on"]),
        float(table["flag_rate"]),
    )
