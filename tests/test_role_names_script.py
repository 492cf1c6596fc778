"""corpus/role_names.py: the role-name experiment's pure parts (gold forms, matching, candidate spans, the fit)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from readers import load_script

SCRIPT = Path(__file__).resolve().parent.parent / "corpus" / "role_names.py"


@pytest.fixture(scope="module")
def role_names() -> ModuleType:
    return load_script(SCRIPT, "corpus_role_names")


@pytest.mark.parametrize(
    ("gold", "forms"),
    [
        ("Bank of Korea (BOK)", ["Bank of Korea (BOK)", "Bank of Korea", "BOK"]),
        ("Ministry of Finance", ["Ministry of Finance"]),
    ],
)
def test_gold_forms(role_names: ModuleType, gold: str, forms: list[str]) -> None:
    assert role_names.forms(gold) == forms


@pytest.mark.parametrize(
    ("gold", "candidate", "strict"),
    [
        ("Bank of Korea (BOK)", "Bank of Korea", True),
        ("Bank of Korea (BOK)", "BOK", True),
        ("Harbour Gate Therapeutics Inc.", "Harbour Gate", True),  # corporate suffixes aside
        ("Harbour Gate Therapeutics Inc.", "Harbour", False),  # a shorter name: same_name, not strict
        ("Bank of Korea (BOK)", "Korea", False),
    ],
)
def test_strict_name(role_names: ModuleType, gold: str, candidate: str, strict: bool) -> None:
    assert role_names.strict_name(gold, candidate) is strict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of Harbour Gate Holdings rose after the deal.", "Harbour Gate Holdings"),
        ("The Reserve Bank of Kenya cut its rate.", "Reserve Bank of Kenya"),
        ("Alto & Brio Co., Ltd. signed a licence with Kestrel.", "Alto & Brio Co."),
        ("A deal was signed with Lumen Energía.", "Lumen Energía"),
    ],
)
def test_candidate_spans_hold_the_name(role_names: ModuleType, text: str, expected: str) -> None:
    found, _ = role_names.spans(text)
    assert expected in {text[start:end] for start, end, *_ in found}


def test_spans_stop_at_commas_and_lines(role_names: ModuleType) -> None:
    text = "Kestrel, Harbour Gate\nAlto Brio"
    found = {text[start:end] for start, end, *_ in role_names.spans(text)[0]}
    assert found == {"Kestrel", "Harbour", "Gate", "Harbour Gate", "Alto", "Brio", "Alto Brio"}


def test_fit_ranks_the_labelled_spans_first(role_names: ModuleType) -> None:
    doc = role_names.Doc("b00", "x.txt", "Harbour Gate Therapeutics agreed to buy Kestrel Labs on Monday.", [])
    doc.gold = [("parties", "Harbour Gate Therapeutics"), ("parties", "Kestrel Labs")]
    table = role_names.build_table([doc] * 20)
    rows = np.arange(len(table.y))
    p = role_names.score(table, rows, role_names.fit(table, rows, epochs=40))
    best = role_names.proposals(table, rows[: len(rows) // 20], p[: len(rows) // 20], 0.0, 2)
    assert {
        role_names.strict_name("Kestrel Labs", s) or role_names.strict_name("Harbour Gate Therapeutics", s)
        for s in best["x.txt"]
    } == {True}


def test_propose_reads_a_new_text(role_names: ModuleType) -> None:
    doc = role_names.Doc("b00", "x.txt", "Harbour Gate Therapeutics agreed to buy Kestrel Labs on Monday.", [])
    doc.gold = [("parties", "Kestrel Labs")]
    table = role_names.build_table([doc] * 10)
    rows = np.arange(len(table.y))
    w = role_names.fit(table, rows, epochs=40)
    text = "Harbour Gate Therapeutics agreed to buy Kestrel Labs on Friday."  # a sentence it was not fitted on
    found = [text[a:b] for a, b, _ in role_names.propose(text, w, 0.5)]
    assert "Kestrel Labs" in found and set(found) <= {"Kestrel", "Kestrel Labs"}  # "Labs" is a suffix word
