"""How far confidence can be trusted: a reliability table and the expected calibration error (ECE).

A prediction is right when it pairs with a gold event (required or optional) and wrong when it is an
extra; predictions of documents the gold does not name are not counted. The table puts predictions
in ten equal bins of confidence and compares, in each, the mean confidence with the share that is right;
the ECE is the mean gap, weighted by how many predictions each bin holds.

On a few dozen predictions the ECE is large even for a perfectly calibrated model, so the report also gives the
ECE such a model would show on the same confidences by chance: outcomes drawn right with probability equal to
their confidence (a fixed seed, so the figure is reproducible).
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass

from extractor.evaluation.matching import Pairing
from extractor.events.confidence import fitted_on

BINS = 10
DRAWS = 400


@dataclass(frozen=True, slots=True)
class Bin:
    """One confidence bin: its bounds, how many predictions fell in it, their mean confidence and the share right."""

    low: float
    high: float
    count: int
    confidence: float
    right: float


def outcomes(pairings: list[Pairing]) -> list[tuple[float, bool]]:
    """(confidence, right) of every scored prediction."""
    found: list[tuple[float, bool]] = []
    for p in pairings:
        found += [(float(pred.get("confidence", 0.0)), True) for _, pred, _ in p.matched]
        found += [(float(pred.get("confidence", 0.0)), True) for pred in p.optional]
        found += [(float(pred.get("confidence", 0.0)), False) for pred in p.extra]
    return found


def reliability(found: list[tuple[float, bool]], bins: int = BINS) -> list[Bin]:
    """The non-empty bins of equal width over [0, 1], in order."""
    grouped: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for conf, right in found:
        grouped[min(int(conf * bins), bins - 1)].append((conf, right))
    return [
        Bin(k / bins, (k + 1) / bins, len(g), sum(c for c, _ in g) / len(g), sum(r for _, r in g) / len(g))
        for k, g in enumerate(grouped)
        if g
    ]


def ece(table: list[Bin]) -> float:
    """The expected calibration error: the count-weighted mean of |share right - mean confidence|."""
    total = sum(b.count for b in table)
    return sum(b.count * abs(b.right - b.confidence) for b in table) / total if total else 0.0


def chance_ece(confidences: list[float], draws: int = DRAWS) -> tuple[float, float]:
    """The median and 90th percentile of the ECE a perfectly calibrated model shows on these confidences by chance."""
    if not confidences:
        return 0.0, 0.0
    rng = random.Random(0)
    found = sorted(ece(reliability([(c, rng.random() < c) for c in confidences])) for _ in range(draws))
    return statistics.median(found), found[int(0.9 * (draws - 1))]


def high_confidence(found: list[tuple[float, bool]], at: float = 0.9) -> tuple[int, float]:
    """How many predictions have confidence >= `at`, and the share of them that is right."""
    high = [right for conf, right in found if conf >= at]
    return len(high), (sum(high) / len(high) if high else 0.0)


def text_lines(found: list[tuple[float, bool]], this_build: bool = True) -> list[str]:
    """The reliability table and the ECE, as printed by `extractor eval` (`this_build`: the confidences are this
    build's, so say what its confidence model was fitted on)."""
    table = reliability(found)
    n, share = high_confidence(found)
    median, high = chance_ece([c for c, _ in found])
    lines = [
        f"calibration: ECE {ece(table):.3f} over {len(found)} predictions; "
        f"confidence >= 0.9: {n} predictions, {share:.0%} right",
        f"(a perfectly calibrated model would show ECE {median:.3f} on these confidences by chance, "
        f"under {high:.3f} nine times in ten)",
        *([f"(the confidence model of this build was fitted on: {fitted_on()})"] if this_build else []),
        "confidence      n   mean   right",
    ]
    lines += [f"{b.low:.1f}-{b.high:.1f}  {b.count:>6}  {b.confidence:.3f}  {b.right:.3f}" for b in table]
    return lines


def as_dict(found: list[tuple[float, bool]]) -> dict[str, object]:
    """The reliability table and the ECE as JSON-ready data."""
    table = reliability(found)
    n, share = high_confidence(found)
    median, high = chance_ece([c for c, _ in found])
    return {
        "ece": round(ece(table), 4),
        "ece_by_chance": {"median": round(median, 4), "p90": round(high, 4)},
        "predictions": len(found),
        "at_least_0.9": {"predictions": n, "right": round(share, 4)},
        "bins": [
            {
                "low": b.low,
                "high": b.high,
                "count": b.count,
                "confidence": round(b.confidence, 4),
                "right": round(b.right, 4),
            }
            for b in table
        ],
    }
