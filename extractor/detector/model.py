"""The fitted detector: each event type's score of a sentence, and the types a sentence is flagged for."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise
from math import fsum

from extractor.datafiles import load_json
from extractor.detector.features import BIAS, HEADLINE, PAIR, WORD, tokens
from extractor.facts.memo import remember


@dataclass(frozen=True)
class DetectorModel:
    """The weights of detector.json, ready to score: per feature one weight per type."""

    types: tuple[str, ...]
    thresholds: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    #: the development batches it was fitted on, and per type the held-out false flags per 10 articles its threshold allows
    trained_on: tuple[str, ...] = ()
    flag_rates: tuple[float, ...] = ()

    @cached_property
    def _by_word(self) -> dict[str, tuple[float, ...]]:
        """The weights of the word features, keyed by the word."""
        return {name[2:]: row for name, row in self.weights.items() if name.startswith(WORD)}

    @cached_property
    def _by_pair(self) -> dict[tuple[str, str], tuple[float, ...]]:
        """The weights of the word-pair features, keyed by the pair."""
        pairs = (name[2:].partition(" ") for name in self.weights if name.startswith(PAIR))
        return {(a, b): self.weights[f"{PAIR}{a} {b}"] for a, _, b in pairs}

    def scores(self, text: str, headline: bool = False) -> dict[str, float]:
        """Each type's score of a sentence (a logit: above its threshold, the sentence is flagged): the sum of the
        weights of its `features` (summed exactly, so in any order), looked up by word and by pair without spelling each
        feature's name."""
        words = tokens(text)
        fixed = (self.weights.get(name) for name in ((BIAS, HEADLINE) if headline else (BIAS,)))
        by_word, by_pair = self._by_word, self._by_pair
        rows = [row for row in fixed if row is not None]
        rows += [row for w in set(words) if (row := by_word.get(w)) is not None]
        rows += [row for p in set(pairwise(words)) if (row := by_pair.get(p)) is not None]
        totals = [fsum(column) for column in zip(*rows)] if rows else [0.0] * len(self.types)
        return dict(zip(self.types, totals))

    @cached_property
    def _flags(self) -> OrderedDict[tuple[str, bool], tuple[str, ...]]:
        """The types flagged for the sentences read last (news repeats sentences across articles)."""
        return OrderedDict()

    def flagged(self, text: str, headline: bool = False) -> list[str]:
        """The types whose score of the sentence passes their threshold."""
        flags: tuple[str, ...] = remember(self._flags, (text, headline), lambda: self._flagged(text, headline))
        return list(flags)

    def _flagged(self, text: str, headline: bool) -> tuple[str, ...]:
        scored = self.scores(text, headline)
        return tuple(t for t, limit in zip(self.types, self.thresholds) if scored[t] > limit)


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
        tuple(float(table["flag_rates"].get(t, 0.0)) for t in types),
    )
