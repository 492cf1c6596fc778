#!/usr/bin/env python3
"""Fit the earnings-preview candidate filter (extractor/events/earnings_preview/candidates.json) on the corpus.

Reads every draft the earnings rules find in the chosen batches' articles (the filter left open), labels it right
when it pairs, on its own, with a gold earnings preview of its article (required or optional), and fits a
logistic regression of right on the draft's signals (extractor/events/earnings_preview/candidates.py). The
threshold is chosen on the drafts of each batch scored by the fit that left that batch out: the one with the best
F-score (beta below 1 weighs precision, as a dropped draft costs less than a kept wrong one where recall is high).

    python3 corpus/fit_candidates.py b01 b02 ... b16          # leave-one-batch-out figures only
    python3 corpus/fit_candidates.py b01 b02 ... b16 --write  # then fit on all and write the table
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
TARGET = ROOT / "extractor" / "events" / "earnings_preview" / "candidates.json"

from calibrate import Sample, fit, out_of_batch, sealed  # noqa: E402


def _as_event(doc_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A draft's fields as the scorer reads a predicted event."""
    metrics = []
    for m in fields.get("metrics") or []:
        value = m.get("value")
        metrics.append({**m, "value": value.model_dump(mode="json") if value is not None else None})
    return {
        "doc_id": doc_id,
        "event_type": "earnings_preview",
        "company": fields.get("company"),
        "period": fields.get("period"),
        "metrics": metrics,
    }


def samples(batches: list[str], model: str | None) -> list[Sample]:
    """Every earnings draft the rules find in the batches' articles: its batch, signals and whether it is right."""
    from extractor.evaluation import load_gold
    from extractor.evaluation.compare import doc_key
    from extractor.evaluation.matching import pair_events
    from extractor.events.draft import Draft
    from extractor.events.earnings_preview import candidates
    from extractor.events.earnings_preview.recognizer import EarningsRecognizer
    from extractor.events.registry import all_recognizers
    from extractor.facts.analysis import ArticleView
    from extractor.io.inputs import Article, iter_articles
    from extractor.pipeline import Extractor

    seen: list[tuple[str, dict[str, float], dict[str, Any]]] = []

    class Open(EarningsRecognizer):
        """The earnings rules with the filter left open, recording every draft's signals."""

        @staticmethod
        def filter(view: ArticleView, drafts: list[Draft]) -> list[Draft]:
            for d in drafts:
                seen.append((view.article.doc_id, candidates.features(view, d), dict(d.fields)))
            return drafts

    recognizers = [Open() if isinstance(r, EarningsRecognizer) else r for r in all_recognizers()]
    extractor = Extractor(model, recognizers=recognizers)
    print(f"model {extractor.model_name}", file=sys.stderr)
    found: list[Sample] = []
    for batch in batches:
        seen.clear()
        articles = [a for a in iter_articles([str(HERE / "articles" / batch)]) if isinstance(a, Article)]
        for _ in extractor.extract_articles(articles):
            pass
        gold: dict[str, list[dict[str, Any]]] = {}
        for g in load_gold(str(HERE / "gold" / f"{batch}.gold.jsonl")):
            if g["event_type"] == "earnings_preview":
                gold.setdefault(doc_key(g["doc_id"]), []).append(g)
        for doc_id, signals, fields in seen:
            pairing = pair_events(
                doc_key(doc_id), "earnings_preview", gold.get(doc_key(doc_id), []), [_as_event(doc_id, fields)]
            )
            found.append(Sample(batch, signals, bool(pairing.matched or pairing.optional)))
    return found


def best_threshold(scored: list[tuple[float, bool]], beta: float) -> tuple[float, float, int, int]:
    """(probability threshold, F-beta, drafts dropped, right drafts dropped) best on the out-of-batch scores."""
    import math

    right = sum(ok for _, ok in scored)
    best = (0.0, -1.0, 0, 0)
    for step in range(0, 60):
        t = step / 100
        z = math.log(t / (1 - t)) if t > 0 else -math.inf
        kept = [ok for s, ok in scored if s >= z]
        hits = sum(kept)
        precision = hits / len(kept) if kept else 0.0
        recall = hits / right if right else 0.0
        b2 = beta * beta
        f = (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0
        if f > best[1] + 1e-9:
            best = (t, f, len(scored) - len(kept), right - hits)
    return best


def main(argv: list[str] | None = None) -> int:
    """Command line: leave-one-batch-out figures, then (with --write) the fit on every batch."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="development batches (default: every unsealed batch)")
    parser.add_argument("--l2", type=float, default=3.0, help="L2 penalty on the weights")
    parser.add_argument("--beta", type=float, default=0.7, help="F-beta of the threshold choice (below 1: precision)")
    parser.add_argument("--model", default=None, help="spaCy model (default: as the extractor chooses)")
    parser.add_argument("--write", action="store_true", help=f"write the fit on every batch to {TARGET}")
    args = parser.parse_args(argv)
    every = sorted(p.name.removesuffix(".jsonl") for p in (HERE / "recipes").glob("*.jsonl"))
    chosen = [b for b in (args.batches or every) if b not in sealed()]
    subprocess.run(
        [sys.executable, str(HERE / "rebuild.py"), *chosen], check=False, stdout=subprocess.DEVNULL, env=os.environ
    )
    data = samples(chosen, args.model)
    print(f"{len(data)} drafts from {len(chosen)} batches; {sum(s.right for s in data)} right")
    threshold, f, dropped, lost = best_threshold(out_of_batch(data, args.l2), args.beta)
    print(
        f"left out a batch at a time: threshold {threshold:.2f}, F{args.beta} {f:.3f}, drops {dropped} ({lost} right)"
    )
    intercept, weights = fit(data, args.l2)
    for name, w in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:22} {w:+.3f}")
    if args.write:
        table: dict[str, Any] = json.loads(TARGET.read_text(encoding="utf-8"))
        table.update(fitted_on=" ".join(chosen), intercept=round(intercept, 4), weights=weights, threshold=threshold)
        TARGET.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
