"""corpus/rebuild.py: the searches that bring back missing excerpts, most needed first."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from readers import load_script

SCRIPT = Path(__file__).resolve().parent.parent / "corpus" / "rebuild.py"


@pytest.fixture(scope="module")
def rebuild() -> ModuleType:
    return load_script(SCRIPT, "corpus_rebuild")


def recipe(doc: str, query: str) -> dict[str, str]:
    return {"doc_id": doc, "query": query, "url": f"https://example.org/{doc}"}


@pytest.mark.parametrize(
    ("wanted", "sealed", "order"),
    [
        # one search per query, however many documents it brings back
        ([("b01", recipe("b01_001.txt", "q")), ("b01", recipe("b01_002.txt", "q"))], set(), [("b01", "q", 2)]),
        # newest batch first
        (
            [("b01", recipe("b01_001.txt", "a")), ("b12", recipe("b12_001.txt", "b"))],
            set(),
            [("b12", "b", 1), ("b01", "a", 1)],
        ),
        # a sealed batch before any other, whatever its age
        (
            [
                ("b03", recipe("b03_001.txt", "a")),
                ("b12", recipe("b12_001.txt", "b")),
                ("b02", recipe("b02_001.txt", "c")),
            ],
            {"b02"},
            [("b02", "c", 1), ("b12", "b", 1), ("b03", "a", 1)],
        ),
        # the same query in two batches is two searches (each saves to its own batch)
        (
            [("b01", recipe("b01_001.txt", "q")), ("b02", recipe("b02_001.txt", "q"))],
            set(),
            [("b02", "q", 1), ("b01", "q", 1)],
        ),
    ],
)
def test_searches_to_run(rebuild, wanted, sealed, order):
    searches = rebuild.searches_to_run(wanted, sealed)
    assert [(s["batch"], s["query"], len(s["docs"])) for s in searches] == order
    assert all(s["corpus"] == "pages" for s in searches)
