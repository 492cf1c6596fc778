#!/usr/bin/env python3
"""Attach to each recorded blind event (corpus/blind/<batch>.events.jsonl) its document and the article-level
signals added to the confidence model since it was recorded, by re-running the build that recorded it.

Blind events recorded before 2026-12-07 name no document. For those, this script checks out each recording build
(a git worktree at its commit), runs it over the batch's articles with this checkout's virtualenv, and pairs its
events with the recorded ones by their signals and confidence (a build's output is deterministic). Each row then
gets its `doc_id` and the signals of ARTICLE_SIGNALS, computed by this checkout from the article's text; a row whose
article has left the batch since (b32_003, a repeat of b24_025 removed after b32 was scored) gets `doc_id` null and
no article signals, which the fit reads as 0. `right`, `confidence`, `build` and the recorded signals stay as recorded.

    python3 corpus/blind_docs.py              # every recorded batch
    python3 corpus/blind_docs.py b12 b13      # some
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from extractor.facts.markets import is_greater_china  # noqa: E402
from extractor.io.inputs import Article, iter_articles  # noqa: E402

BLIND = HERE / "blind"
#: the signals read from the whole article, which an old build's rows may lack
ARTICLE_SIGNALS: dict[str, Callable[[str], float]] = {"greater_china": lambda text: float(is_greater_china(text))}

#: run under an old build (its checkout first on the path): each event of a batch, with its document
_RUN = """
import json, sys
from extractor.io.inputs import Article, iter_articles
from extractor.pipeline import Extractor
articles = [a for a in iter_articles([sys.argv[1]]) if isinstance(a, Article)]
for record in Extractor(None).extract_articles(articles):
    for event in record.events:
        print(json.dumps({"doc_id": record.doc_id, "confidence": event.confidence, "signals": event._signals}))
"""


def _key(signals: dict[str, float], confidence: float) -> tuple[Any, ...]:
    """What pairs a recorded row with a re-run event: its confidence and every signal it recorded."""
    return round(confidence, 4), tuple(sorted((name, round(value, 6)) for name, value in signals.items()))


def rerun(build: str, batch: str) -> list[dict[str, Any]]:
    """The events the build finds in the batch's articles (corpus/articles/<batch>, rebuilt), with their documents."""
    with tempfile.TemporaryDirectory(prefix=f"blind-{build}-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-f", "--detach", str(tree), build],
            check=True,
            capture_output=True,
        )
        try:
            done = subprocess.run(
                [sys.executable, "-c", _RUN, str(HERE / "articles" / batch)],
                cwd=tmp,
                env=dict(os.environ, PYTHONPATH=str(tree)),
                check=True,
                capture_output=True,
                text=True,
            )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False, capture_output=True
            )
    return [json.loads(line) for line in done.stdout.splitlines()]


def attach(batch: str) -> str:
    """Give the batch's recorded rows their documents and article signals; a line saying what was done."""
    path = BLIND / f"{batch}.events.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if any("doc_id" not in row for row in rows):  # recorded before documents were
        pool: dict[tuple[Any, ...], list[str]] = defaultdict(list)
        for build in sorted({row["build"] for row in rows}):
            for event in rerun(build, batch):
                pool[_key(event["signals"], event["confidence"])].append(event["doc_id"])
        found = [
            pool[key].pop(0) if pool[key] else None for key in (_key(row["signals"], row["confidence"]) for row in rows)
        ]
        for row, doc_id in zip(rows, found):
            row["doc_id"] = doc_id
    lost = sum(1 for row in rows if row.get("doc_id") is None)
    texts = {a.doc_id: a.text for a in iter_articles([str(HERE / "articles" / batch)]) if isinstance(a, Article)}
    for row in rows:
        if row.get("doc_id") is not None:
            for name, signal in ARTICLE_SIGNALS.items():
                row["signals"][name] = signal(texts[row["doc_id"]])
    path.write_text("".join(json.dumps(row, sort_keys=True) + "\n" for row in rows), encoding="utf-8")
    note = f" ({lost} not found again: their article has left the batch since; no document, no article signals)"
    return f"{batch}: {len(rows)} events, {len({row['doc_id'] for row in rows} - {None})} documents" + (
        note if lost else ""
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: attach documents and article signals to the named (default: every) recorded batch."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="recorded batches (default: all)")
    args = parser.parse_args(argv)
    batches = args.batches or sorted(p.name.split(".")[0] for p in BLIND.glob("*.events.jsonl"))
    subprocess.run([sys.executable, str(HERE / "rebuild.py"), *batches], check=False, stdout=subprocess.DEVNULL)
    for batch in batches:
        print(attach(batch), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
