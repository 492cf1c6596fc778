#!/usr/bin/env python3
"""Score the extractor with the detector held out: each development batch read with a detector fitted without its
fold (train_detector.FOLDS), each other batch (a check set) with the detector fitted on every development batch.

Reads each article once and assembles its events under several operating points (false flags per 10 articles; a type
at no rate is never flagged), beside the rules alone, then prints the scorer's figures per set and operating point.

    python corpus/detector_heldout.py dev=b01-b36,b41-b55 check=b37-b40 --rates 0.5 1 2 --types deal earnings_preview
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import train_detector as td  # noqa: E402

import extractor.pipeline as pipeline  # noqa: E402
from extractor.detector.model import DetectorModel, detector  # noqa: E402
from extractor.detector.step import detected_drafts  # noqa: E402
from extractor.evaluation import OVERALL, score  # noqa: E402
from extractor.facts.analysis import ArticleView  # noqa: E402
from extractor.io.inputs import make_article  # noqa: E402

#: a name, the detector (None: the rules alone), and how far below its threshold a rule draft's best sentence may score
#: before the draft is dropped (None: no draft is dropped)
Config = tuple[str, DetectorModel | None, float | None]


def expand(spec: str) -> list[str]:
    """'b01-b03,b07' -> ['b01', 'b02', 'b03', 'b07']."""
    out: list[str] = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out += [f"b{i:02d}" for i in range(int(a[1:]), int(b[1:]) + 1)]
        else:
            out.append(part)
    return out


def as_model(vocab: dict[str, int], weights: np.ndarray, limits: dict[str, float]) -> DetectorModel:
    """A DetectorModel of fitted weights and per-type thresholds (a type not in `limits` is never flagged)."""
    rows = {name: tuple(float(x) for x in weights[i]) for name, i in vocab.items()}
    return DetectorModel(td.TYPES, tuple(limits.get(t, float("inf")) for t in td.TYPES), rows)


Maker = Callable[[float, list[str]], DetectorModel]


def fold_models(data: td.Sentences, cache: Path | None = None) -> tuple[dict[str, Maker], Maker, np.ndarray]:
    """Per development batch, a maker of its fold's model at a rate for some types; the maker of the model fitted on
    all; the held-out scores (read from `cache` when it exists, else written there)."""
    if cache is not None and cache.exists():
        held, fitted, full = pickle.loads(cache.read_bytes())
    else:
        held = np.zeros((len(data.feats), len(td.TYPES)))
        fitted = {}
        for fold in td.FOLDS:
            inside = [i for i, b in enumerate(data.batch) if b not in fold]
            outside = [i for i, b in enumerate(data.batch) if b in fold]
            vocab, weights = td.train(td.subset(data, inside))
            held[outside] = td.predict(td.subset(data, outside), vocab, weights)
            for b in fold:
                fitted[b] = (vocab, weights)
        full = td.train(data)
        if cache is not None:
            cache.write_bytes(pickle.dumps((held, fitted, full)))

    def limits(rate: float, types: list[str]) -> dict[str, float]:
        found = td.thresholds(data, held, rate)
        return {t: v for t, v in found.items() if t in types}

    makers: dict[str, Maker] = {
        b: (lambda rate, ts, vw=vw: as_model(*vw, limits(rate, ts))) for b, vw in fitted.items()
    }
    return makers, (lambda rate, ts: as_model(*full, limits(rate, ts))), held


def step(view: ArticleView, drafts: list[Any], model: DetectorModel, margin: float | None) -> list[Any]:
    """The detector's step, dropping first (in place) the rule drafts whose sentences all score `margin` or more below
    their type's threshold."""
    if margin is not None:
        limits = dict(zip(model.types, model.thresholds))

        def kept(d: Any) -> bool:
            limit = limits.get(d.event_type, float("inf"))
            if limit == float("inf"):
                return True
            best = max(
                model.scores(view.sentences[i].text, view.sentences[i].headline)[d.event_type] for i in d.sentences
            )
            return bool(best >= limit - margin)

        drafts[:] = [d for d in drafts if kept(d)]
    return detected_drafts(view, drafts, model)


def records(extractor: pipeline.Extractor, batch: str, configs: list[Config]) -> dict[str, list[dict[str, Any]]]:
    """The events of every article of a batch under each configuration (None: the rules alone)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name, _, _ in configs}
    for path in sorted((HERE / "articles" / batch).glob("*.txt")):
        article = make_article(path.name, path.read_text(encoding="utf-8"))
        view = ArticleView.build(article, extractor.gazetteer, None, extractor.fx)
        if not extractor.model.rules_only:
            extractor._add_ner_orgs([view])
        for name, model, margin in configs:
            extractor.detect = model is not None
            pipeline.detected_drafts = lambda v, d, m=model, x=margin: step(v, d, m, x)  # type: ignore[attr-defined,misc]
            record = extractor._record(view).model_dump(mode="json")
            out[name].append({"hash": article.content_hash, "events": record["events"]})
    return out


def figures(gold: list[dict[str, Any]], docs: list[dict[str, Any]]) -> dict[str, Any]:
    """The scorer's figures, an article identical to an earlier one giving no events (as `extractor eval` does)."""
    seen: set[str] = set()
    events = []
    for doc in docs:
        if doc["hash"] and doc["hash"] in seen:
            continue
        seen.add(doc["hash"])
        events += doc["events"]
    return score(gold, events)


def main(argv: list[str] | None = None) -> int:
    """Command line: NAME=BATCHES sets, the rates and the types flagged."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--rates", nargs="*", type=float, default=[0.5, 1.0, 2.0])
    parser.add_argument("--types", nargs="*", default=list(td.TYPES))
    parser.add_argument("--more-types", nargs="*", default=[], help="types flagged as well in a second set of configs")
    parser.add_argument("--drop", nargs="*", type=float, default=[], help="margins below the threshold to drop at")
    parser.add_argument("--shipped", action="store_true", help="score the shipped detector.json as well")
    parser.add_argument("--cache", help="a file keeping the fitted models between runs (delete it after refitting)")
    parser.add_argument("--out", help="a folder for each set's gold and each operating point's events")
    parser.add_argument("--json", help="write the figures here as well")
    args = parser.parse_args(argv)
    sealed = set((HERE / "sealed").read_text().split()) if (HERE / "sealed").exists() else set()
    asked = {b for spec in args.sets for b in expand(spec.split("=", 1)[1])}
    if asked & sealed:
        raise SystemExit(f"sealed batches are never read: {' '.join(sorted(asked & sealed))}")
    start = time.time()
    data = td.load(list(td.DEVELOPMENT))
    makers, full, _ = fold_models(data, Path(args.cache) if args.cache else None)
    print(f"fitted in {time.time() - start:.0f} s", file=sys.stderr)
    extractor = pipeline.Extractor()
    table: dict[str, dict[str, Any]] = {}
    for spec in args.sets:
        name, batches = spec.split("=", 1)
        docs: dict[str, list[dict[str, Any]]] = {}
        gold: list[dict[str, Any]] = []
        for batch in expand(batches):
            maker = makers.get(batch, full)
            configs: list[Config] = [("rules", None, None)]
            configs += [(f"rate {r:g}", maker(r, args.types), None) for r in args.rates]
            if args.more_types:
                configs += [(f"rate {r:g}+", maker(r, args.types + args.more_types), None) for r in args.rates]
            configs += [(f"drop {x:g}", maker(args.rates[0], args.types), x) for x in args.drop]
            if args.shipped:
                shipped = detector()  # the types not flagged here keep no threshold
                limits = tuple(
                    t if k in args.types else float("inf") for k, t in zip(shipped.types, shipped.thresholds)
                )
                configs.append(("shipped", DetectorModel(shipped.types, limits, shipped.weights), None))
            for cname, docs_of in records(extractor, batch, configs).items():
                docs.setdefault(cname, []).extend(docs_of)
            gold += [json.loads(x) for x in (HERE / "gold" / f"{batch}.gold.jsonl").read_text().splitlines() if x]
            print(f"{name} {batch} {time.time() - start:.0f} s", file=sys.stderr)
        for cname, docs_of in docs.items():
            if args.out:
                folder = Path(args.out)
                folder.mkdir(parents=True, exist_ok=True)
                lines = [json.dumps(e, ensure_ascii=False) for d in docs_of for e in d["events"]]
                (folder / f"{name}-{cname.replace(' ', '')}.jsonl").write_text(
                    "\n".join(lines) + "\n", encoding="utf-8"
                )
                (folder / f"{name}.gold.jsonl").write_text("\n".join(json.dumps(g) for g in gold) + "\n", "utf-8")
                (folder / f"{name}-{cname.replace(' ', '')}.docs.json").write_text(json.dumps(docs_of), "utf-8")
            figs = figures(gold, docs_of)
            table[f"{name} {cname}"] = {k: asdict(f) for k, f in figs.items()}
            row = [f"{name:>6} {cname:>9}"]
            for kind in (OVERALL, *td.TYPES):
                f = figs[kind]
                row.append(f"{kind[:8]} {f.precision:.3f}/{f.recall:.3f}/{f.f1:.3f} s{f.slot_recall:.3f}")
            print(" | ".join(row), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
