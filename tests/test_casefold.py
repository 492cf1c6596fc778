"""Words a case-blind pattern matched are looked up as it read them: 'yeſterday' is 'yesterday', never a crash.

A case-blind match takes four letters beyond ASCII for ASCII ones ('İ' and 'ı' for 'i', 'ſ' for 's',
the Kelvin sign for 'k'); `str.lower()` alone leaves them (or, for 'İ', makes two characters), and a
table lookup of the matched words then failed with a KeyError. Digits of a newer Unicode than
Python's, which the `regex` engine's \\d accepts and int() cannot read, make no date or period.
The date cases are in test_dates.py, with the other sentences of unusual case and script.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractor.facts.amounts import find_amounts
from extractor.facts.casefold import fold
from extractor.facts.lexicon import roles
from extractor.facts.numbers import find_quantities
from extractor.facts.percentages import find_percentages
from extractor.facts.periods import find_periods

P = date(2026, 2, 10)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("YESTERDAY", "yesterday"),
        ("yeſterday", "yesterday"),
        ("FRİDAY", "friday"),
        ("\u212aEY", "key"),
        ("ıN", "in"),
        ("Straße", "straße"),
        ("人民币", "人民币"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("firſt half of 2025", ["H1 2025"]),
        ("the firſt quarter of 2025", ["Q1 2025"]),
        ("FY20\U00016130\U00016131", []),
        ("annual results for 20\U00016130\U00016131", ["FY2025"]),  # the year cannot be read: the last year ended
    ],
)
def test_periods(text: str, found: list[str]) -> None:
    assert [p.item for p in find_periods(text, P)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("at leaſt $5 million", [("at leaſt $5 million", 5e6, "at_least")]),
        ("$5 and 43 centſ", [("$5 and 43 centſ", 5.43, "exact")]),
        ("USD 5 thouſand", [("USD 5 thouſand", 5000.0, "exact")]),
    ],
)
def test_amounts(text: str, found: list[tuple[str, float, str]]) -> None:
    assert [(a.item.text, a.item.value, a.item.qualifier) for a in find_amounts(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("almoſt 5%", [("almoſt 5%", 5.0, "about")]),
        ("at leaſt 5%", [("at leaſt 5%", 5.0, "at_least")]),
    ],
)
def test_percentages(text: str, found: list[tuple[str, float, str]]) -> None:
    assert [(p.item.text, p.item.value, p.item.qualifier) for p in find_percentages(text)] == found


def test_number_words() -> None:
    assert [(q.value, q.scale) for q in find_quantities("two thouſand")] == [(2000.0, 1000.0)]


@pytest.mark.parametrize(
    "text",
    ["İstanbul: milestone paymentſ", "ıstanbul: milestone payments", "İstanbul: milestone payments"],
)
def test_role_phrases(text: str) -> None:
    assert roles("deal", "money_roles").hits(text) == [(10, 28, "milestones")]
