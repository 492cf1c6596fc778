#!/usr/bin/env python3
"""Fit the sentence-level event detector on the development batches, measure it by leaving batches out, write it.

Reads the labels of corpus/detector_data.py (out/detector/BATCH.json: each sentence, the event types the rules drafted
in it, the gold events aligned with it, and whether the extractor found each). One logistic regression per event type
over the sentence's words and word pairs (extractor/detector/features.py), fitted with numpy.

    python corpus/train_detector.py --cv        # leave-batches-out signal per type (docs/detector.md)
    python corpus/train_detector.py --write     # fit on every development batch, write extractor/data/detector.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from extractor.detector.features import features  # noqa: E402

LABELS = ROOT / "out" / "detector"
WEIGHTS = ROOT / "extractor" / "data" / "detector.json"
TYPES = ("etf_move", "deal", "policy_change", "earnings_preview")
DEVELOPMENT = tuple(f"b{n:02d}" for n in (*range(1, 37), *range(41, 56)))
#: leave-batches-out folds: seven of five or six batches, every seventh batch (each mixes home-ground and worldwide feeds)
FOLDS = tuple(DEVELOPMENT[i::7] for i in range(7))
#: a feature must occur in this many training sentences to be kept
MIN_COUNT = 2
L2 = 1.0
STEPS = 400
RATE = 0.05
#: false sentence flags per 10 articles at which the signal is read
FLAG_RATES = (0.5, 1.0, 2.0, 5.0)
#: weights smaller than this are left out of the written file
PRUNE = 0.02


@dataclass
class Sentences:
    """The labelled sentences of some batches."""

    batch: list[str] = field(default_factory=list)
    doc: list[str] = field(default_factory=list)
    feats: list[list[str]] = field(default_factory=list)
    #: per sentence and type: 1 states a required event, 0 states none, -1 only an optional one (not scored)
    label: list[list[int]] = field(default_factory=list)
    #: per sentence and type: a rule drafted an event of that type in it
    drafted: list[list[bool]] = field(default_factory=list)
    #: per required gold event: (type, its sentences' rows, found by the extractor)
    events: list[tuple[str, list[int], bool]] = field(default_factory=list)
    articles: int = 0


def load(batches: list[str]) -> Sentences:
    """The labelled sentences of the batches whose labels exist."""
    data = Sentences()
    for batch in batches:
        path = LABELS / f"{batch}.json"
        if not path.exists():
            continue
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            data.articles += 1
            base = len(data.feats)
            labels = [[0] * len(TYPES) for _ in article["sentences"]]
            for event in article["gold"]:
                k = TYPES.index(event["event_type"])
                rows = sorted(set(event["aligned"]) | set(event["evidence"]))
                for i in rows:
                    if event["optional"]:
                        labels[i][k] = labels[i][k] or -1
                    else:
                        labels[i][k] = 1
                if not event["optional"]:
                    data.events.append((event["event_type"], [base + i for i in event["aligned"]], event["found"]))
            for s, lab in zip(article["sentences"], labels):
                data.batch.append(batch)
                data.doc.append(article["doc_id"])
                data.feats.append(features(s["text"], s["headline"]))
                data.label.append(lab)
                data.drafted.append([t in s["rules"] for t in TYPES])
    return data


def vocabulary(feats: list[list[str]]) -> dict[str, int]:
    """The features seen in at least MIN_COUNT sentences, numbered."""
    counts = Counter(f for fs in feats for f in fs)
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}


def matrix(feats: list[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(row starts, column indices) of the sentences' known features; every row holds at least the bias."""
    cols: list[int] = []
    starts: list[int] = []
    for fs in feats:
        starts.append(len(cols))
        cols.extend(vocab[f] for f in fs if f in vocab)
    return np.array(starts, dtype=np.int64), np.array(cols, dtype=np.int64)


def scores(starts: np.ndarray, cols: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The linear score of every row and type."""
    return np.add.reduceat(weights[cols], starts, axis=0)


def fit(starts: np.ndarray, cols: np.ndarray, labels: np.ndarray, size: int) -> np.ndarray:
    """Logistic regressions (one per type column) with an L2 penalty, by Adam over the full batch; -1 labels skipped."""
    lengths = np.diff(np.append(starts, len(cols)))
    weights = np.zeros((size, labels.shape[1]))
    m, v = np.zeros_like(weights), np.zeros_like(weights)
    scored = labels >= 0
    target = np.where(scored, labels, 0).astype(float)
    n = len(starts)
    for step in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-scores(starts, cols, weights)))
        resid = np.where(scored, p - target, 0.0) / n
        per_nnz = np.repeat(resid, lengths, axis=0)
        grad = np.stack([np.bincount(cols, weights=per_nnz[:, k], minlength=size) for k in range(labels.shape[1])], 1)
        grad += L2 / n * weights
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        weights -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return weights


def train(data: Sentences) -> tuple[dict[str, int], np.ndarray]:
    """The vocabulary and weights fitted on some labelled sentences."""
    vocab = vocabulary(data.feats)
    starts, cols = matrix(data.feats, vocab)
    return vocab, fit(starts, cols, np.array(data.label), len(vocab))


def predict(data: Sentences, vocab: dict[str, int], weights: np.ndarray) -> np.ndarray:
    """The scores of every sentence and type."""
    starts, cols = matrix(data.feats, vocab)
    return scores(starts, cols, weights)


def held_out_scores(data: Sentences) -> np.ndarray:
    """Each sentence's scores from the model fitted without its fold of batches."""
    out = np.zeros((len(data.feats), len(TYPES)))
    for fold in FOLDS:
        inside = [i for i, b in enumerate(data.batch) if b not in fold]
        outside = [i for i, b in enumerate(data.batch) if b in fold]
        if not outside:
            continue
        vocab, weights = train(subset(data, inside))
        out[outside] = predict(subset(data, outside), vocab, weights)
    return out


def subset(data: Sentences, rows: list[int]) -> Sentences:
    """The sentences of some rows (without the event list)."""
    return Sentences(
        [data.batch[i] for i in rows],
        [data.doc[i] for i in rows],
        [data.feats[i] for i in rows],
        [data.label[i] for i in rows],
        [data.drafted[i] for i in rows],
    )


def threshold(values: np.ndarray, flags: float) -> float:
    """The score above which `flags` of the given negative sentences' scores lie."""
    ordered = np.sort(values)[::-1]
    k = round(flags)
    return float(ordered[k]) if k < len(ordered) else float(ordered[-1]) - 1e-9


def signal(data: Sentences, held: np.ndarray) -> list[dict[str, Any]]:
    """Per type and flag rate: the events the extractor misses that a held-out flag finds."""
    labels, drafted = np.array(data.label), np.array(data.drafted)
    rows = []
    for k, kind in enumerate(TYPES):
        negatives = held[:, k][labels[:, k] == 0]
        free = (labels[:, k] == 0) & ~drafted[:, k]  # where no rule drafted this type: what a new step would read
        positives = labels[:, k] == 1
        missed = [(r, found) for t, r, found in data.events if t == kind and not found]
        aligned_missed = [r for r, _ in missed if r]
        for rate in FLAG_RATES:
            flags = rate * data.articles / 10
            for where, pool in (("all sentences", negatives), ("undrafted sentences", held[:, k][free])):
                t = threshold(pool, flags)
                rows.append(
                    {
                        "type": kind,
                        "false_flags_per_10_articles": rate,
                        "counted_over": where,
                        "threshold": round(t, 3),
                        "missed_events": len(missed),
                        "missed_aligned": len(aligned_missed),
                        "missed_flagged": sum(any(held[i, k] > t for i in r) for r in aligned_missed),
                        "missed_flagged_undrafted": sum(
                            any(held[i, k] > t and not drafted[i, k] for i in r) for r in aligned_missed
                        ),
                        "sentence_recall": round(float((held[:, k][positives] > t).mean()), 3),
                        "positives": int(positives.sum()),
                    }
                )
    return rows


def thresholds(data: Sentences, held: np.ndarray, rate: float | dict[str, float]) -> dict[str, float]:
    """Per type, the held-out score above which `rate` (or the type's rate) false flags per 10 articles fall, among the
    sentences where no rule drafted the type (those the detector's step reads)."""
    labels, drafted = np.array(data.label), np.array(data.drafted)
    out = {}
    for k, kind in enumerate(TYPES):
        free = (labels[:, k] == 0) & ~drafted[:, k]
        flags = rate.get(kind, 0.0) if isinstance(rate, dict) else rate
        out[kind] = round(threshold(held[:, k][free], flags * data.articles / 10), 3)
    return out


def write(
    vocab: dict[str, int], weights: np.ndarray, limits: dict[str, float], rates: dict[str, float], trained_on: list[str]
) -> None:
    """The weights file: per feature the weights of the types it moves by more than PRUNE."""
    table: dict[str, list[float]] = {}
    for name, i in vocab.items():
        row = weights[i]
        if name == "bias" or np.abs(row).max() >= PRUNE:
            table[name] = [round(float(x), 3) for x in row]
    payload = {
        "_about": "Sentence-level event detector: logistic weights per feature, one per type in `types` order. "
        "Fitted by corpus/train_detector.py; do not edit by hand.",
        "types": list(TYPES),
        "trained_on": trained_on,
        "flag_rates": rates,
        "thresholds": limits,
        "weights": table,
    }
    WEIGHTS.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: --cv for the held-out signal, --write to fit on every batch and write the weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="measure by leaving batches out")
    parser.add_argument("--write", action="store_true", help="fit on every development batch and write the weights")
    parser.add_argument("--json", help="write the measurement to this file as well")
    parser.add_argument("--without", nargs="*", default=[], help="development batches to leave out of the fit")
    parser.add_argument("--rate", type=float, default=0.5, help="false flags per 10 articles the thresholds allow")
    parser.add_argument(
        "--type-rate", nargs="*", default=[], metavar="TYPE=RATE", help="a type's own rate, in place of --rate"
    )
    args = parser.parse_args(argv)
    data = load([b for b in DEVELOPMENT if b not in args.without])
    print(f"{data.articles} articles, {len(data.feats)} sentences, {len(data.events)} required events")
    held = held_out_scores(data) if args.cv or args.write else None
    if held is not None and args.cv:
        rows = signal(data, held)
        print(
            f"{'type':>17} {'flags/10':>8} {'counted over':>20} {'missed':>6} {'aligned':>7} {'flagged':>7} "
            f"{'undrafted':>9} {'sent.rec':>8}"
        )
        for r in rows:
            print(
                f"{r['type']:>17} {r['false_flags_per_10_articles']:>8} {r['counted_over']:>20} {r['missed_events']:>6} "
                f"{r['missed_aligned']:>7} {r['missed_flagged']:>7} {r['missed_flagged_undrafted']:>9} "
                f"{r['sentence_recall']:>8}"
            )
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if held is not None and args.write:
        rates = {t: args.rate for t in TYPES} | {t: float(r) for t, r in (x.split("=") for x in args.type_rate)}
        vocab, weights = train(data)
        write(vocab, weights, thresholds(data, held, rates), rates, sorted(set(data.batch)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
