#!/usr/bin/env python3
"""Extract and score the seeds, the fixtures and the real-article batches, per event type.

Rebuilds the corpus first (see rebuild.py), runs the extractor of this checkout over each article
folder and scores its output against the gold with the team's scorer (../shared/eval/score.py).
Sealed batches (listed in corpus/sealed) are left out unless named with --sealed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "out" / "eval"


def sealed() -> set[str]:
    """The batches not yet scored."""
    path = HERE / "sealed"
    return set(path.read_text().split()) if path.exists() else set()


def extract(articles: Path, output: Path) -> None:
    """Run the extractor of this checkout over a folder of articles."""
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in output.parent.glob(output.name + "*"):
        stale.unlink()
    subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(articles), "--output", str(output)],
        check=True,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )


def score(name: str, gold: Path, pred: Path, show: bool) -> str:
    """The scorer's table for one set, each line prefixed with the set's name."""
    args = [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred)]
    out = subprocess.run([*args, *(["--show"] if show else [])], check=True, capture_output=True, text=True).stdout
    return "\n".join(f"{name:>9}: {line}" for line in out.splitlines() if line.strip())


def main(argv: list[str] | None = None) -> int:
    """Command line: the sets to score (default: seeds, fixtures, every unsealed batch)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="batch names (default: every unsealed batch)")
    parser.add_argument("--sealed", nargs="*", default=[], help="sealed batches to score as well")
    parser.add_argument("--show", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    if not (SHARED / "eval" / "score.py").exists():
        print(f"no scorer at {SHARED / 'eval' / 'score.py'}", file=sys.stderr)
        return 2
    subprocess.run([sys.executable, str(HERE / "rebuild.py")], check=False, stdout=subprocess.DEVNULL)
    every = sorted(p.name.removesuffix(".jsonl") for p in (HERE / "recipes").glob("*.jsonl"))
    chosen = args.batches or [b for b in every if b not in sealed()]
    chosen += [b for b in args.sealed if b not in chosen]
    sets: list[tuple[str, Path, Path]] = []
    if not args.batches:
        sets.append(("seeds", SHARED / "seeds", SHARED / "gold" / "seeds.gold.jsonl"))
        sets.append(("fixtures", ROOT / "fixtures" / "articles", ROOT / "fixtures" / "gold" / "fixtures.gold.jsonl"))
    sets += [(b, HERE / "articles" / b, HERE / "gold" / f"{b}.gold.jsonl") for b in chosen]
    corpus_gold, corpus_pred = OUT / "corpus.gold.jsonl", OUT / "corpus.jsonl"
    merged_gold, merged_pred = [], []
    for name, articles, gold in sets:
        if not articles.is_dir():
            print(f"{name:>9}: no articles at {articles} (rebuild the corpus first)")
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
