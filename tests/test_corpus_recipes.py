"""The real-article corpus's recipes and gold (corpus/): each article once, each gold line on an article of its batch."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RECIPES = sorted((CORPUS / "recipes").glob("*.jsonl"))


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("field", ["doc_id", "url", "sha256"])
def test_no_article_is_in_the_corpus_twice(field):
    seen: dict[str, list[str]] = defaultdict(list)
    for path in RECIPES:
        for recipe in _rows(path):
            seen[recipe[field]].append(f"{path.stem}/{recipe['doc_id']}")
    assert {value: where for value, where in seen.items() if len(where) > 1} == {}


@pytest.mark.parametrize("recipes", RECIPES, ids=lambda p: p.stem)
def test_every_gold_line_names_an_article_of_its_batch_and_every_article_has_gold(recipes):
    articles = {r["doc_id"] for r in _rows(recipes)}
    gold = {row["doc_id"] for row in _rows(CORPUS / "gold" / f"{recipes.stem}.gold.jsonl")}
    assert gold - articles == set()
    assert articles - gold == set()
