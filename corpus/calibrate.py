#!/usr/bin/env python3
"""Fit the confidence model (extractor/data/confidence.json) on the real-article development batches.

Extracts every article of the chosen batches in-process, pairs the events with the gold as `extractor eval`
does (an event is right when it pairs with a gold event, required or optional, and wrong when it is an
extra), and fits a logistic regression (L2-penalised, Newton's method) of "right" on the signals each event
was assembled with (extractor/events/confidence.py).

A fit on the development batches is over-confident on new text: the rules were written from those batches,
so their events are right more often there. The fit's log-odds are therefore rescaled (Platt scaling) on
*blind* events: the events each sealed batch got from the build that first scored it, before any rule had
seen it, recorded at that moment in corpus/blind/<batch>.events.jsonl (`--record`). Where no batch has been
recorded, the rescaling falls back to each development batch scored by the fit that left it out.

    python3 corpus/calibrate.py                        # every unsealed batch; check on b17 b18 held out
    python3 corpus/calibrate.py --holdout b17 b18 --write
    python3 corpus/calibrate.py b19 b20 --record REV   # at sealed batches' first score, with the build REV
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
TARGET = ROOT / "extractor" / "data" / "confidence.json"

BLIND = HERE / "blind"


class Sample(NamedTuple):
    """One event the extractor found: its batch, its signals, whether it is right, and the confidence it got."""

    batch: str
    signals: dict[str, float]
    right: bool
    confidence: float = 0.0
    build: str = ""
    doc_id: str = ""


def sealed() -> set[str]:
    """The batches nobody may read yet."""
    path = HERE / "sealed"
    return set(path.read_text().split()) if path.exists() else set()


def samples(batches: list[str], model: str | None) -> list[Sample]:
    """Every event the extractor of the importable build finds in the batches' articles, paired with the gold."""
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
                key = pred["doc_id"], pred["event_id"]
                found.append(Sample(batch, signals[key], ok, float(pred["confidence"]), doc_id=pred["doc_id"]))
    return found


def record(batches: list[str], model: str | None, build: str) -> None:
    """Write the events this build finds in each batch to corpus/blind/<batch>.events.jsonl: run it when a sealed
    batch is first scored, so that the rescaling learns how the rules do on text they never saw."""
    for batch in batches:
        path = BLIND / f"{batch}.events.jsonl"
        rows = [
            {"build": build, "doc_id": s.doc_id, "right": s.right, "confidence": s.confidence, "signals": s.signals}
            for s in samples([batch], model)
        ]
        path.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}: {len(rows)} events, {sum(r['right'] for r in rows)} right")


def recorded(batches: list[str]) -> list[Sample]:
    """The blind events recorded for those of the batches that have them."""
    found = []
    for batch in batches:
        path = BLIND / f"{batch}.events.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                found.append(
                    Sample(batch, row["signals"], row["right"], row["confidence"], row["build"], row.get("doc_id", ""))
                )
    return found


def fit(
    data: list[Sample], l2: float, importance: list[float] | None = None, free: frozenset[str] = frozenset()
) -> tuple[float, dict[str, float]]:
    """Intercept and weights of the penalised logistic regression of right on the signals, each sample
    counted with its importance (1 unless given); the intercept and the signals named in `free` are not penalised."""
    names = sorted({name for s in data for name in s.signals})
    x = np.array([[1.0] + [s.signals.get(n, 0.0) for n in names] for s in data])
    y = np.array([1.0 if s.right else 0.0 for s in data])
    r = np.ones(len(data)) if importance is None else np.array(importance)
    w = np.zeros(x.shape[1])
    penalty = np.diag([0.0] + [0.0 if n in free else l2 for n in names])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (r * (p - y)) + penalty @ w
        hessian = (x.T * (r * p * (1 - p))) @ x + penalty
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
    for batch in sorted({s.batch for s in data}):
        intercept, weights = fit([s for s in data if s.batch != batch], l2)
        scored += [(logit(intercept, weights, s.signals), s.right) for s in data if s.batch == batch]
    return scored


def recency(blind: list[Sample], half_life: float) -> list[float]:
    """How much each blind event counts in the rescaling: halved for every `half_life` builds scored after its
    own (the rules improve from build to build, so older blind events understate how the current rules do)."""
    order = sorted({s.build for s in blind}, key=lambda build: min(s.batch for s in blind if s.build == build))
    age = {build: len(order) - 1 - i for i, build in enumerate(order)}
    return [0.5 ** (age[s.build] / half_life) if half_life > 0 else 1.0 for s in blind]


class Rescaling(NamedTuple):
    """How the fit's log-odds are mapped for text the rules never saw: log-odds x scale + shift, plus a shift of
    each event type's own (the rules carry over to new text better for some types than for others)."""

    scale: float
    shift: float
    by_type: dict[str, float]


def recalibration(
    dev: list[Sample],
    blind: list[Sample],
    l2: float,
    intercept: float,
    weights: dict[str, float],
    half_life: float = 0.0,
    type_l2: float = 0.0,
) -> Rescaling:
    """The rescaling that makes the fit calibrated on text its rules never saw (Platt scaling): fitted on the
    recorded blind events scored by the fit (the later builds' counting more, see `recency`), or, where none are
    recorded, on each development batch scored by the fit that left it out. With `type_l2` > 0, each event type
    also gets a shift of its own, penalised by that much toward the common one."""
    if blind:
        scored = [(logit(intercept, weights, s.signals), s.right, _shifted(s)) for s in blind]
        importance = recency(blind, half_life)
    else:
        scored = [(z, ok, {}) for z, ok in out_of_batch(dev, l2)]
        importance = None
    rows = [Sample("", {"z": z, **(types if type_l2 > 0 else {})}, ok) for z, ok, types in scored]
    shift, platt = fit(rows, type_l2, importance, free=frozenset({"z"}))
    return Rescaling(platt.pop("z"), shift, platt)


#: signals that say how far a text is from the ground the rules were written on: the dev fit cannot learn what they
#: do to new text (its rules fit every dev article), so the rescaling on blind events gives each a shift of its own
CARRY_OVER = ("greater_china",)


def _without(data: list[Sample], names: tuple[str, ...]) -> list[Sample]:
    """The samples with the named signals left out."""
    return [s._replace(signals={n: v for n, v in s.signals.items() if n not in names}) for s in data]


def _shifted(sample: Sample) -> dict[str, float]:
    """The signals the rescaling gives a shift of their own: the event-type indicators and the CARRY_OVER signals."""
    return {n: v for n, v in sample.signals.items() if n.startswith("type:") or n in CARRY_OVER}


def scaled(intercept: float, weights: dict[str, float], rescaling: Rescaling) -> tuple[float, dict[str, float]]:
    """The coefficients of the recalibrated model: log-odds x scale + shift (+ the event type's own shift)."""
    scale, shift, by_type = rescaling
    rescaled = {n: round(v * scale + by_type.get(n, 0.0), 4) for n, v in weights.items()}
    rescaled.update({n: round(v, 4) for n, v in by_type.items() if n not in weights})
    return intercept * scale + shift, rescaled


def report(title: str, data: list[Sample], intercept: float, weights: dict[str, float]) -> None:
    """The reliability table of a fit on some samples."""
    print(f"\n{title}")
    print("\n".join(_lines([(probability(intercept, weights, s.signals), s.right) for s in data])))


def batches_of(data: list[Sample]) -> str:
    """The batches some samples come from, in order."""
    return " ".join(sorted({s.batch for s in data}))


def prequential(data: list[Sample], blind: list[Sample], l2: float, half_life: float, type_l2: float) -> None:
    """Report how the fit did on each group of blind batches scored together (by one build), fitted only on what
    came before it: the development batches before the group's first and the blind events of earlier groups."""
    groups: dict[str, list[Sample]] = {}
    for s in sorted(blind, key=lambda s: s.batch):
        groups.setdefault(s.build, []).append(s)
    pooled: dict[str, list[Sample]] = {"plain": [], "rescaled": []}
    scored: dict[str, list[tuple[float, bool]]] = {"plain": [], "rescaled": []}
    for build, held in groups.items():
        first = held[0].batch
        dev = [s for s in data if s.batch < first]
        earlier = [s for s in blind if s.batch < first]
        if not dev or not earlier:
            continue
        intercept, weights = fit(dev, l2)
        rescaling = recalibration(dev, earlier, l2, intercept, weights, half_life, type_l2)
        for name, (i, w) in {
            "plain": (intercept, weights),
            "rescaled": scaled(intercept, weights, rescaling),
        }.items():
            pooled[name] += held
            scored[name] += [(probability(i, w, s.signals), s.right) for s in held]
        print(
            f"{batches_of(held)} (build {build}): fitted on {batches_of(dev)}, rescaled on {batches_of(earlier)}; "
            f"ECE {_ece(scored['rescaled'][-len(held) :]):.3f} over {len(held)}"
        )
    for name, found in scored.items():
        print(f"\nprequential, {name}, pooled over {batches_of(pooled[name])}:")
        print("\n".join(_lines(found)))
        brier = sum((p - ok) ** 2 for p, ok in found) / len(found)
        print(f"Brier score {brier:.4f} (the mean squared gap between confidence and outcome; lower is better)")


def _described(rescaling: Rescaling) -> str:
    """A rescaling in words, for the reports."""
    types = ", ".join(f"{n.removeprefix('type:')} {v:+.3f}" for n, v in sorted(rescaling.by_type.items()))
    return f"scale {rescaling.scale:.3f}, shift {rescaling.shift:.3f}" + (f"; by type {types}" if types else "")


def probability(intercept: float, weights: dict[str, float], signals: dict[str, float]) -> float:
    """The confidence the extractor would give: the model's probability, kept off the ends, to two decimals."""
    import math

    z = logit(intercept, weights, signals)
    return round(min(0.99, max(0.01, 1 / (1 + math.exp(-z)))), 2)


def _ece(found: list[tuple[float, bool]]) -> float:
    from extractor.evaluation.calibration import ece, reliability

    return ece(reliability(found))


def _lines(found: list[tuple[float, bool]]) -> list[str]:
    from extractor.evaluation.calibration import text_lines

    return text_lines(found, this_build=False)


def main(argv: list[str] | None = None) -> int:
    """Command line: check the fit on held-out batches, then (with --write) fit on all and write it; or record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="development batches (default: every unsealed batch)")
    parser.add_argument(
        "--holdout",
        nargs="*",
        default=None,
        help="batches the check is scored on (default: the two latest with recorded blind events)",
    )
    parser.add_argument(
        "--l2", type=float, default=10.0, help="L2 penalty on the weights (10 gave the best held-out ECE)"
    )
    parser.add_argument(
        "--half-life",
        type=float,
        default=2.0,
        help="in the rescaling, a blind event counts half as much for every this many builds scored after its own "
        "(0: all count alike; 2 gave the best pooled prequential ECE)",
    )
    parser.add_argument(
        "--type-l2",
        type=float,
        default=10.0,
        help="in the rescaling, give each event type a shift of its own, penalised by this much (0: one shift for "
        "all; 10 gave the best pooled prequential ECE)",
    )
    parser.add_argument(
        "--no-recalibration",
        action="store_true",
        help="keep the plain fit (by default its log-odds are rescaled on the recorded blind events)",
    )
    parser.add_argument(
        "--prequential",
        action="store_true",
        help="also score each group of recorded blind batches with a fit on what came before it, and pool them",
    )
    parser.add_argument(
        "--no-carry-over",
        action="store_true",
        help=f"leave the carry-over signals ({', '.join(CARRY_OVER)}) out of the fit: to measure what they do",
    )
    parser.add_argument("--model", default=None, help="spaCy model (default: as the extractor chooses)")
    parser.add_argument("--write", action="store_true", help=f"write the fit on every batch to {TARGET}")
    parser.add_argument(
        "--record",
        metavar="BUILD",
        help="record the events of the named batches (sealed ones included) as blind events of this build, "
        "named BUILD (a commit), instead of fitting",
    )
    parser.add_argument(
        "--build-root",
        type=Path,
        default=ROOT,
        help="the checkout whose extractor runs (default: this one; an older worktree to record its blind events)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.build_root.resolve()))
    every = sorted(p.name.removesuffix(".jsonl") for p in (HERE / "recipes").glob("*.jsonl"))
    subprocess.run(
        [sys.executable, str(HERE / "rebuild.py"), *(args.batches or every)],
        check=False,
        stdout=subprocess.DEVNULL,
        env=os.environ,
    )
    if args.record:
        record(args.batches, args.model, args.record)
        return 0
    chosen = [b for b in (args.batches or every) if b not in sealed()]
    if set(args.batches) & sealed():
        print(f"sealed batches are not read: {sorted(set(args.batches) & sealed())}", file=sys.stderr)
    blind = recorded(chosen)
    holdout = args.holdout if args.holdout is not None else sorted({s.batch for s in blind})[-2:]
    data = samples(chosen, args.model)
    if args.no_carry_over:
        data, blind = _without(data, CARRY_OVER), _without(blind, CARRY_OVER)
    print(f"{len(data)} events from {len(chosen)} batches; {sum(s.right for s in data)} right")
    print(f"{len(blind)} recorded blind events from {batches_of(blind) or 'no batch'}")
    if args.prequential:
        prequential(data, blind, args.l2, args.half_life, args.type_l2)
    train = [s for s in data if s.batch not in holdout]
    held = [s for s in blind if s.batch in holdout] or [s for s in data if s.batch in holdout]
    if held and train:
        intercept, weights = fit(train, args.l2)
        title = f"fitted without {' '.join(holdout)} ({len(train)} events), scored on their {len(held)}"
        title += " recorded blind events" if held[0] in blind else " events"
        report(f"{title}:", held, intercept, weights)
        if not args.no_recalibration:
            rest = [s for s in blind if s.batch not in holdout]
            rescaling = recalibration(train, rest, args.l2, intercept, weights, args.half_life, args.type_l2)
            how = f"the blind events of {batches_of(rest)}" if rest else "its own batches left out one at a time"
            report(
                f"{title}, rescaled on {how} ({_described(rescaling)}):",
                held,
                *scaled(intercept, weights, rescaling),
            )
    intercept, weights = fit(data, args.l2)
    report(f"fitted on all {len(data)} events, scored on them:", data, intercept, weights)
    if not args.no_recalibration:
        rescaling = recalibration(data, blind, args.l2, intercept, weights, args.half_life, args.type_l2)
        intercept, weights = scaled(intercept, weights, rescaling)
        if blind:
            report(
                f"fitted on all, rescaled ({_described(rescaling)}), on the blind events:",
                blind,
                intercept,
                weights,
            )
    if args.write:
        table: dict[str, Any] = json.loads(TARGET.read_text(encoding="utf-8"))
        table.update(
            fitted_on=" ".join(chosen),
            rescaled_on=batches_of(blind) if blind and not args.no_recalibration else "",
            intercept=round(intercept, 4),
            weights=weights,
        )
        TARGET.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
