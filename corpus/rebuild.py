#!/usr/bin/env python3
"""Rebuild the real-article corpus from saved page excerpts and check it against its recipes.

The article texts are third-party text and stay out of git. What git holds, per batch, is
``recipes/BATCH.jsonl`` (where each article comes from and how its body is cut from the page
excerpt, with a checksum) and ``gold/BATCH.gold.jsonl`` (the events, written by us).

Whoever runs a search in the stored ``pages`` corpus saves the excerpt it returned, as
``excerpts/BATCH/DOC.json`` (``{"url", "query", "excerpt"}``, the excerpt the JSON string of
the answer). This script applies each recipe's operations to its excerpt, checks the checksum
and writes ``articles/DOC`` (front matter with the publication date, then the body). It names
every article it could not rebuild and why, and with ``--missing`` the searches to run again.
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*(?=\s|$)")


def normalise(text: str) -> str:
    """The form a body is checksummed and written in: NFC, LF line ends, no trailing blanks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip() + "\n"


def apply_ops(excerpt: str, ops: list[dict[str, Any]]) -> str:
    """Cut an article body out of a page excerpt with a recipe's operations, in order."""
    text = excerpt
    for op in ops:
        kind = op.get("op")
        if kind == "slice":
            text = text[op.get("start", 0) : op.get("end")]
        elif kind == "drop_trailing_fragment":
            ends = list(SENTENCE_END.finditer(text))
            if ends:
                text = text[: ends[-1].end()]
        elif kind == "drop_lines":
            pattern = re.compile(op["match"])
            text = "\n".join(line for line in text.split("\n") if not pattern.search(line))
        elif kind == "cut_from":
            at = text.find(op["marker"])
            if at >= 0:
                text = text[:at]
        else:
            raise ValueError(f"unknown operation {kind!r}")
    return normalise(text)


def checksum(body: str) -> str:
    """SHA-256 of a normalised body."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, blank lines skipped."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rebuild(
    batch_path: Path, out: Path, write_checksums: bool, excerpts: Path = HERE / "excerpts"
) -> tuple[int, list[str], list[dict[str, Any]]]:
    """Rebuild one batch from the excerpts saved under `excerpts`; returns (built, problems, recipes with missing excerpts)."""
    batch = batch_path.name.removesuffix(".jsonl")
    recipes = read_jsonl(batch_path)
    built, problems, missing = 0, [], []
    for recipe in recipes:
        doc = recipe["doc_id"]
        source = excerpts / batch / (Path(doc).stem + ".json")
        if not source.is_file():
            problems.append(f"{batch}/{doc}: no saved excerpt ({source})")
            missing.append(recipe)
            continue
        saved = json.loads(source.read_text(encoding="utf-8"))
        if saved.get("url") != recipe["url"]:
            problems.append(f"{batch}/{doc}: saved excerpt is of {saved.get('url')!r}, recipe names {recipe['url']!r}")
            continue
        body = apply_ops(saved["excerpt"], recipe.get("ops", []))
        digest = checksum(body)
        if write_checksums and not recipe.get("sha256"):
            recipe["sha256"], recipe["chars"] = digest, len(body)
        if recipe.get("sha256") != digest:
            problems.append(f"{batch}/{doc}: checksum differs (excerpt saved differently, or the page changed)")
            continue
        out.mkdir(parents=True, exist_ok=True)
        (out / doc).write_text(f"---\npublished: {recipe['published']}\n---\n{body}", encoding="utf-8")
        built += 1
    if write_checksums:
        batch_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recipes), encoding="utf-8")
    return built, problems, missing


def sealed_batches() -> set[str]:
    """The batches listed in corpus/sealed (not yet scored)."""
    path = HERE / "sealed"
    return set(path.read_text().split()) if path.exists() else set()


def searches_to_run(wanted: list[tuple[str, dict[str, Any]]], sealed: set[str]) -> list[dict[str, Any]]:
    """One search per distinct query of the missing excerpts, with the documents it brings back, most needed first.

    A session's search budget (shared with its helpers) is smaller than the whole corpus needs, so the order
    matters: sealed batches first (their first score is owed), then the newest batches, oldest last.
    """
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for batch, recipe in wanted:
        key = (batch, recipe["query"])
        search = grouped.setdefault(key, {"batch": batch, "corpus": "pages", "query": recipe["query"], "docs": []})
        search["docs"].append({"doc_id": recipe["doc_id"], "url": recipe["url"]})
    return sorted(grouped.values(), key=lambda s: (s["batch"] not in sealed, [-ord(c) for c in s["batch"]]))


def add_excerpts_option(parser: argparse.ArgumentParser) -> None:
    """The --excerpts option: where the saved excerpts are ($CORPUS_EXCERPTS, else corpus/excerpts)."""
    parser.add_argument(
        "--excerpts",
        type=Path,
        default=Path(os.environ.get("CORPUS_EXCERPTS", HERE / "excerpts")),
        help="where the saved excerpts are (default: $CORPUS_EXCERPTS, else corpus/excerpts)",
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild every batch (or those named) into articles/."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="batch names (default: every recipes/*.jsonl)")
    parser.add_argument("--out", type=Path, default=HERE / "articles", help="where articles go (one folder per batch)")
    parser.add_argument("--write-checksums", action="store_true", help="fill sha256/chars where a recipe has none")
    parser.add_argument(
        "--missing",
        action="store_true",
        help="print the searches that would bring back missing excerpts, one per query, most needed first",
    )
    add_excerpts_option(parser)
    args = parser.parse_args(argv)
    paths = sorted((HERE / "recipes").glob("*.jsonl"))
    if args.batches:
        paths = [p for p in paths if p.name.removesuffix(".jsonl") in args.batches]
    total, failures = 0, 0
    wanted: list[tuple[str, dict[str, Any]]] = []
    for path in paths:
        batch = path.name.removesuffix(".jsonl")
        built, problems, missing = rebuild(path, args.out / batch, args.write_checksums, args.excerpts)
        total += built
        failures += len(problems)
        print(f"{batch}: {built} rebuilt, {len(problems)} not")
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        wanted += [(batch, recipe) for recipe in missing]
    if args.missing:
        for search in searches_to_run(wanted, sealed_batches()):
            print(json.dumps(search, ensure_ascii=False))
    print(f"corpus: {total} articles rebuilt, {failures} could not be")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
