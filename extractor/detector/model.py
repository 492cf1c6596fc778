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

#: a bound on the relative rounding error of one float addition, with room to spare (2**-53 is the exact one)
_EPS = 2.0**-50


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

    def _rows(self, text: str, headline: bool) -> list[tuple[float, ...]]:
        """The weight rows of a sentence's `features`, looked up by word and by pair without spelling each feature's
        name (every row is a non-empty tuple, so `filter` keeps exactly the ones found)."""
        words = tokens(text)
        rows = [row for row in (self.weights.get(n) for n in ((BIAS, HEADLINE) if headline else (BIAS,))) if row]
        rows += filter(None, map(self._by_word.get, set(words)))
        rows += filter(None, map(self._by_pair.get, set(pairwise(words))))
        return rows

    def scores(self, text: str, headline: bool = False) -> dict[str, float]:
        """Each type's score of a sentence (a logit: above its threshold, the sentence is flagged): the sum of the
        weights of its `features`, summed exactly, so in any order."""
        rows = self._rows(text, headline)
        totals = [fsum(column) for column in zip(*rows)] if rows else [0.0] * len(self.types)
        return dict(zip(self.types, totals))

    @cached_property
    def _margins(self) -> tuple[tuple[float, float], ...]:
        """Per type, its largest weight (in size) and its threshold's own rounding margin, for `_flagged`'s bound."""
        largest = [max((abs(row[i]) for row in self.weights.values()), default=0.0) for i in range(len(self.types))]
        return tuple((w, abs(t) * _EPS if t != float("inf") else 0.0) for w, t in zip(largest, self.thresholds))

    @cached_property
    def _flags(self) -> OrderedDict[tuple[str, bool], tuple[str, ...]]:
        """The types flagged for the sentences read last (news repeats sentences across articles)."""
        return OrderedDict()

    def flagged(self, text: str, headline: bool = False) -> list[str]:
        """The types whose score of the sentence passes their threshold."""
        flags: tuple[str, ...] = remember(self._flags, (text, headline), lambda: self._flagged(text, headline))
        return list(flags)

    def _flagged(self, text: str, headline: bool) -> tuple[str, ...]:
        """The types whose exact score (`scores`) passes its threshold. The weights are first summed in order: that sum
        is within n * n * largest weight * 2**-53 of the exact one (n rows), so where it stands further than that (and
        than the threshold's own rounding) from the threshold it decides as the exact sum would; only a score that
        close is summed exactly."""
        rows = self._rows(text, headline)
        n = len(rows)
        columns = zip(*rows) if rows else [()] * len(self.types)
        flagged = []
        for t, limit, column, (largest, margin) in zip(self.types, self.thresholds, columns, self._margins):
            if limit == float("inf"):
                continue
            rough = sum(column)
            bound = n * n * largest * _EPS + margin
            if rough > limit + bound or (rough >= limit - bound and fsum(column) > limit):
                flagged.append(t)
        return tuple(flagged)


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
