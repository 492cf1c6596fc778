"""corpus/save_excerpts.py: which copy of a search answer's excerpt is saved for a recipe (the script's pure parts)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest
from readers import load_script

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def save() -> ModuleType:
    sys.path.insert(0, str(CORPUS))  # the script imports rebuild.py beside it
    return load_script(CORPUS / "save_excerpts.py", "corpus_save_excerpts")


ORIGINAL = " date 2024-05-06 Orvano Bank said on Monday it would buy Kestrel’s unit — for $5 million.\n"


def _recipe(save: ModuleType, body_from: str) -> dict:
    ops = [{"op": "slice", "start": 17}]
    return {"ops": ops, "sha256": save.checksum(save.apply_ops(body_from, ops))}


@pytest.mark.parametrize(
    ("copies", "verdict"),
    [
        ([ORIGINAL], "OK"),
        (["a page that changed", ORIGINAL], "OK"),
        ([ORIGINAL.replace("’", "'")], "OK after a one-character slip"),
        ([ORIGINAL.replace("—", "-")], "OK after a one-character slip"),
        ([ORIGINAL.replace("Monday", "monday")], "OK after a one-character slip"),
        ([ORIGINAL.replace("unit", "unitt")], "OK after a one-character slip"),
        ([ORIGINAL.replace("$5", "$6")], "CHECKSUM DIFFERS"),
        ([ORIGINAL.replace("’s", "'S")], "CHECKSUM DIFFERS"),
    ],
    ids=["same", "second copy", "apostrophe", "dash", "case", "one too many", "other digit", "two slips"],
)
def test_the_copy_that_rebuilds_to_the_checksum_is_kept(save: ModuleType, copies: list[str], verdict: str) -> None:
    excerpt, found = save.matching_excerpt(copies, _recipe(save, ORIGINAL))
    assert found == verdict
    assert (excerpt == ORIGINAL) == verdict.startswith("OK")
