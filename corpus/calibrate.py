#!/usr/bin/env python3
"""Fit the confidence model (extractor/data/confidence.json) on the real-article development batches.

Extracts every article of the chosen batches in-process, pairs the events with the gold as `extractor eval`
does (an event is right when it pairs with a gold event, required or optional, and wrong when it is an
extra), and fits a logistic regression (L2-penalised, Newton's method) of "right" on the signals each event
was assembled with (extractor/events/confidence.py). Prints the held-out calibration first: fitted without
`--holdout` batches, scored on them. `--write` then fits on every chosen batch and writes the coefficients.

    python3 corpus/calibrate.py                       # every unsealed batch, b10 b11 held out for the check
    python3 corpus/calibrate.py --holdout b09 --write # check on b09, then write the fit on all
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
TARGET = ROOT / "extractor" / "data" / "confidence.json"

Sample = tuple[str, dict[str, float], bool]  # batch, signals, right


def sealed() -> set[str]:
    """The batches nobody may read yet."""
    path = HERE / "sealed"
    return set(path.read_text().split()) if path.exists() else set()


def samples(batches: list[str], model: str | None) -> list[Sample]:
    """(batch, signals, right) of every event the extractor finds in the batches' articles."""
    from extractor.evaluation import load_gold, pair_documents
    from extractor.io.inputs import Article, iter_articles
    from extractor.pipeline import Extractor

    extractor = Extractor(model)
    print(f"model {extractor.model_name}", file=sys.stderr)
    found: list[Sample] = []
    for batch in batches:
        articles = [a for a in iter_articles([str(HERE / "articles" / batch)]) if isinstance(a, Article)]
        events, signals = [], {}
        for record in extractor.extract_articles(articles):
            for event in record.events:
                dumped = event.model_dump(mode="json")
                events.append(dumped)
                signals[record.doc_id, event.event_id] = event._signals
        for pairing in pair_documents(load_gold(str(HERE / "gold" / f"{batch}.gold.jsonl")), events):
            right = [pred for _, pred, _ in pairing.matched] + pairing.optional
            for pred, ok in [(p, True) for p in right] + [(p, False) for p in pairing.extra]:
                found.append((batch, signals[pred["doc_id"], pred["event_id"]], ok))
    return found


def fit(data: list[Sample], l2: float) -> tuple[float, dict[str, float]]:
    """Intercept and weights of the penalised logistic regression of right on the signals."""
    names = sorted({name for _, signals, _ in data for name in signals})
    x = np.array([[1.0] + [signals.get(n, 0.0) for n in names] for _, signals, _ in data])
    y = np.array([1.0 if ok else 0.0 for _, _, ok in data])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0  # the intercept is not penalised
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), {n: round(float(v), 4) for n, v in zip(names, w[1:])}


def logit(intercept: float, weights: dict[str, float], signals: dict[str, float]) -> float:
    """The model's log-odds that an event with these signals is right."""
    return intercept + sum(weights.get(n, 0.0) * v for n, v in signals.items())


def out_of_batch(data: list[Sample], l2: float) -> list[tuple[float, bool]]:
    """(log-odds, right) of every sample from a fit that left its batch out: how the model scores a batch it never saw."""
    scored = []
    for batch in sorted({b for b, _, _ in data}):
        train = [s for s in data if s[0] != batch]
        intercept, weights = fit(train, l2)
        scored += [(logit(intercept, weights, signals), ok) for b, signals, ok in data if b == batch]
    return scored


def recalibration(data: list[Sample], l2: float) -> tuple[float, float]:
    """(scale, shift) of the log-odds that make out-of-batch predictions calibrated (Platt scaling, fitted on the
    leave-one-batch-out log-odds): a fit is over-confident on batches it never saw, which the in-sample fit hides."""
    scored = out_of_batch(data, l2)
    platt = [("", {"z": z}, ok) for z, ok in scored]
    shift, weights = fit(platt, 0.0)
    return weights["z"], shift


def scaled(intercept: float, weights: dict[str, float], scale: float, shift: float) -> tuple[float, dict[str, float]]:
    """The coefficients of the recalibrated model: log-odds x scale + shift."""
    return intercept * scale + shift, {n: round(v * scale, 4) for n, v in weights.items()}


def report(title: str, data: list[Sample], intercept: float, weights: dict[str, float]) -> None:
    """The reliability table of a fit on some samples."""
    import math

    from extractor.evaluation.calibration import text_lines

    found = []
    for _, signals, ok in data:
        z = logit(intercept, weights, signals)
        found.append((round(min(0.99, max(0.01, 1 / (1 + math.exp(-z)))), 2), ok))
    print(f"\n{title}")
    print("\n".join(text_lines(found, this_build=False)))


def main(argv: list[str] | None = None) -> int:
    """Command line: check the fit on held-out batches, then (with --write) fit on all and write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="development batches (default: every unsealed batch)")
    parser.add_argument("--holdout", nargs="*", default=["b10", "b11"], help="batches the check is scored on")
    parser.add_argument(
        "--l2", type=float, default=10.0, help="L2 penalty on the weights (10 gave the best held-out ECE)"
    )
    parser.add_argument(
        "--no-recalibration",
        action="store_true",
        help="keep the plain fit (by default its log-odds are rescaled so that batches it never saw are calibrated)",
    )
    parser.add_argument("--model", default=None, help="spaCy model (default: as the extractor chooses)")
    parser.add_argument("--write", action="store_true", help=f"write the fit on every batch to {TARGET}")
    args = parser.parse_args(argv)
    every = sorted(p.name.removesuffix(".jsonl") for p in (HERE / "recipes").glob("*.jsonl"))
    chosen = [b for b in (args.batches or every) if b not in sealed()]
    if set(args.batches) & sealed():
        print(f"sealed batches are not read: {sorted(set(args.batches) & sealed())}", file=sys.stderr)
    subprocess.run(
        [sys.executable, str(HERE / "rebuild.py"), *chosen], check=False, stdout=subprocess.DEVNULL, env=os.environ
    )
    data = samples(chosen, args.model)
    held = [s for s in data if s[0] in args.holdout]
    train = [s for s in data if s[0] not in args.holdout]
    print(f"{len(data)} events from {len(chosen)} batches; {sum(ok for *_, ok in data)} right")
    if held and train:
        intercept, weights = fit(train, args.l2)
        title = f"fitted without {' '.join(args.holdout)} ({len(train)} events), scored on them ({len(held)})"
        report(f"{title}:", held, intercept, weights)
        if not args.no_recalibration:
            scale, shift = recalibration(train, args.l2)
            report(
                f"{title}, recalibrated on its own batches left out one at a time (scale {scale:.3f}, shift {shift:.3f}):",
                held,
                *scaled(intercept, weights, scale, shift),
            )
    intercept, weights = fit(data, args.l2)
    report(f"fitted on all {len(data)} events, scored on them:", data, intercept, weights)
    scale, shift = 1.0, 0.0
    if not args.no_recalibration:
        scale, shift = recalibration(data, args.l2)
        intercept, weights = scaled(intercept, weights, scale, shift)
        report(
            f"fitted on all, recalibrated (scale {scale:.3f}, shift {shift:.3f}), scored on them:",
            data,
            intercept,
            weights,
        )
    if args.write:
        table: dict[str, Any] = json.loads(TARGET.read_text(encoding="utf-8"))
        table.update(fitted_on=" ".join(chosen), intercept=round(intercept, 4), weights=weights)
        TARGET.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
