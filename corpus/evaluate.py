#!/usr/bin/env python3
"""Extract and score the seeds, the fixtures and the real-article batches, per event type.

Rebuilds the corpus first (see rebuild.py), runs the extractor of this checkout over each article
folder and scores its output against the gold with the package's scorer (`extractor eval`, whose rules
are in docs/evaluation.md). The seeds are the five real articles copied into fixtures/, with their gold.
Sealed batches (listed in corpus/sealed) are left out unless named with --sealed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from extractor.evaluation import load_gold, load_predictions, pair_documents  # noqa: E402
from extractor.evaluation.figures import summarize  # noqa: E402
from extractor.evaluation.report import documents, text_lines  # noqa: E402

OUT = ROOT / "out" / "eval"
FIXTURES = ROOT / "fixtures"
#: the real seed articles among the fixtures (fixtures/README.md)
SEEDS = sorted((FIXTURES / "articles").glob("00[0-4]_*.txt"))


def sealed() -> set[str]:
    """The batches not yet scored."""
    path = HERE / "sealed"
    return set(path.read_text().split()) if path.exists() else set()


def extract(articles: list[Path], output: Path) -> None:
    """Run the extractor of this checkout over article folders or files."""
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in [*output.parent.glob(output.name + "*"), *output.parent.glob(output.stem + ".errors.*")]:
        stale.unlink()
    subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", *map(str, articles), "--output", str(output), "--force"],
        check=True,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )


def score(name: str, gold: Path, pred: Path, show: bool) -> str:
    """The scorer's table for one set, each line prefixed with the set's name."""
    pairings = pair_documents(load_gold(str(gold)), load_predictions(str(pred)))
    lines = text_lines(summarize(pairings), documents(pairings) if show else None)
    return "\n".join(f"{name:>9}: {line}" for line in lines)


def seed_gold() -> Path:
    """The gold of the seed articles, taken from the fixtures' gold."""
    names = {p.name for p in SEEDS}
    path = OUT / "seeds.gold.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = (FIXTURES / "gold" / "fixtures.gold.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if line.strip() and json.loads(line)["doc_id"] in names), "utf-8")
    return path


def rebuilt_gold(batch: str) -> tuple[Path, str]:
    """The batch's gold, cut to the articles rebuilt here (a saved copy under out/eval when some are missing), and a note."""
    gold = HERE / "gold" / f"{batch}.gold.jsonl"
    folder = HERE / "articles" / batch
    present = {p.name for p in folder.glob("*.txt")} if folder.is_dir() else set()
    lines = [line for line in gold.read_text(encoding="utf-8").splitlines(keepends=True) if line.strip()]
    docs = {json.loads(line)["doc_id"] for line in lines}
    kept = OUT / f"{batch}.rebuilt.gold.jsonl"
    if not present or docs <= present:
        kept.unlink(missing_ok=True)  # a cut copy left from a time when some articles were missing
        return gold, ""
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text("".join(line for line in lines if json.loads(line)["doc_id"] in present), encoding="utf-8")
    return kept, f"{batch:>9}: scored on the {len(docs & present)} of {len(docs)} articles rebuilt here"


def main(argv: list[str] | None = None) -> int:
    """Command line: the sets to score (default: seeds, fixtures, every unsealed batch)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="batch names (default: every unsealed batch)")
    parser.add_argument("--sealed", nargs="*", default=[], help="sealed batches to score as well")
    parser.add_argument("--show", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    subprocess.run([sys.executable, str(HERE / "rebuild.py")], check=False, stdout=subprocess.DEVNULL)
    every = sorted(p.name.removesuffix(".jsonl") for p in (HERE / "recipes").glob("*.jsonl"))
    chosen = args.batches or [b for b in every if b not in sealed()]
    chosen += [b for b in args.sealed if b not in chosen]
    sets: list[tuple[str, list[Path], Path]] = []
    if not args.batches:
        sets.append(("seeds", SEEDS, seed_gold()))
        sets.append(("fixtures", [FIXTURES / "articles"], FIXTURES / "gold" / "fixtures.gold.jsonl"))
    for batch in chosen:
        gold, note = rebuilt_gold(batch)
        if note:
            print(note)
        sets.append((batch, [HERE / "articles" / batch], gold))
    corpus_gold, corpus_pred = OUT / "corpus.gold.jsonl", OUT / "corpus.jsonl"
    merged_gold, merged_pred = [], []
    for name, articles, gold in sets:
        missing = [str(a) for a in articles if not a.exists()]
        if missing or not articles:
            print(f"{name:>9}: no articles at {', '.join(missing) or 'the fixtures'} (rebuild the corpus first)")
            continue
        pred = OUT / f"{name}.jsonl"
        extract(articles, pred)
        print(score(name, gold, pred, args.show))
        if name.startswith("b"):
            merged_gold.append(gold.read_text(encoding="utf-8"))
            merged_pred.append(pred.read_text(encoding="utf-8"))
    if len(merged_gold) > 1:
        corpus_gold.write_text("".join(merged_gold), encoding="utf-8")
        corpus_pred.write_text("".join(merged_pred), encoding="utf-8")
        print(score("corpus", corpus_gold, corpus_pred, False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
