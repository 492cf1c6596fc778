#!/usr/bin/env python3
"""Save the excerpts of a stored-page search answer for every recipe it serves, and check each against its checksum.

Whoever restores the corpus runs a search printed by ``rebuild.py --missing`` and writes the answer to a
file as ``{"query": ..., "results": [{"url": ..., "excerpt": ...}, ...]}`` (the excerpts copied as the
answer's JSON strings). This script finds every recipe with that query whose url is in the answer, saves
``excerpts/BATCH/DOC.json``, rebuilds the body and says for each document ``OK``, ``CHECKSUM DIFFERS`` or
``NOT IN ANSWER``. Where an answer lists a url twice, the excerpt that rebuilds to the checksum is kept.
Where none does, one-character copying slips (a quote or dash of another form, a letter's case, a doubled character) are tried
against the checksum: a variant that matches proves the body is the original, and it is saved as such.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rebuild import HERE, add_excerpts_option, apply_ops, checksum, read_jsonl

#: characters a copy may have written in another form; each is tried in the place of the others
CONFUSABLE = ["'‘’", '"“”', "-–—", " \u00a0"]


def variants(text: str) -> Iterator[str]:
    """Every text that differs from `text` by one confusable character, one letter's case, or one character fewer."""
    swaps = {c: group.replace(c, "") for group in CONFUSABLE for c in group}
    for i, c in enumerate(text):
        yield text[:i] + text[i + 1 :]
        others = swaps.get(c, "")
        if c.isalpha() and c.swapcase() != c and len(c.swapcase()) == 1:
            others += c.swapcase()
        for other in others:
            yield text[:i] + other + text[i + 1 :]


def matching_excerpt(excerpts: list[str], recipe: dict[str, Any]) -> tuple[str | None, str]:
    """The excerpt (or its one-slip variant) that rebuilds to the recipe's checksum, and how it was found."""
    ops = recipe.get("ops", [])
    for excerpt in excerpts:
        if checksum(apply_ops(excerpt, ops)) == recipe["sha256"]:
            return excerpt, "OK"
    for excerpt in excerpts:
        for variant in variants(excerpt):
            if checksum(apply_ops(variant, ops)) == recipe["sha256"]:
                return variant, "OK after a one-character slip"
    return None, "CHECKSUM DIFFERS"


def recipes_by_query() -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Every recipe of every batch, grouped by its search query."""
    grouped: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for path in sorted((HERE / "recipes").glob("*.jsonl")):
        for recipe in read_jsonl(path):
            grouped.setdefault(recipe["query"], []).append((path.stem, recipe))
    return grouped


def save(answer_path: Path, excerpts_dir: Path, grouped: dict[str, list[tuple[str, dict[str, Any]]]]) -> list[str]:
    """Save what one answer file serves; returns one report line per recipe of its query."""
    answer = json.loads(answer_path.read_text(encoding="utf-8"))
    query = answer.get("query", "")
    if query not in grouped:
        return [f"{answer_path}: no recipe has the query {query!r}"]
    lines = []
    for batch, recipe in grouped[query]:
        doc = Path(recipe["doc_id"]).stem
        found = [r["excerpt"] for r in answer.get("results", []) if r.get("url") == recipe["url"]]
        if not found:
            lines.append(f"{batch}/{doc}: NOT IN ANSWER")
            continue
        excerpt, verdict = matching_excerpt(found, recipe)
        target = excerpts_dir / batch / f"{doc}.json"
        if excerpt is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            saved = {"url": recipe["url"], "query": query, "excerpt": excerpt}
            target.write_text(json.dumps(saved, ensure_ascii=False) + "\n", encoding="utf-8")
        lines.append(f"{batch}/{doc}: {verdict}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Command line: save the excerpts of each answer file named."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", nargs="+", type=Path, help="answer files ({query, results: [{url, excerpt}]})")
    add_excerpts_option(parser)
    args = parser.parse_args(argv)
    grouped = recipes_by_query()
    failed = False
    for path in args.answers:
        try:
            lines = save(path, args.excerpts, grouped)
        except (OSError, ValueError, KeyError) as error:
            lines = [f"{path}: cannot read the answer ({error})"]
        for line in lines:
            print(line)
            failed = failed or not line.split(": ", 1)[-1].startswith("OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
