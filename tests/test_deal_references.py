"""A deal clause whose subject refers to the parties of the sentence before takes them as its parties."""

from __future__ import annotations

import pytest
from readers import deal_parties

REFERENCES = [
    (
        "plural-subject",
        "Harbor Pharma Holdings Ltd. named Delta Bio Inc. its partner in China on Monday. "
        "The two companies signed a licensing agreement worth up to $300 million.",
        ["Harbor Pharma", "Delta Bio"],
    ),
    (
        "singular-subject",
        "Cedar Motors Group, a mid-sized carmaker, has become the largest shareholder of Delta Auto Corp. "
        "The group acquired a 30% stake for about 120 billion won.",
        ["Cedar Motors"],
    ),
    (
        "stake-bought-with-money",
        "Harbor Pharma Holdings Ltd. will spend $25 million for a 7.6% stake in Delta Bio Inc.",
        ["Harbor Pharma", "Delta Bio"],
    ),
]


@pytest.mark.parametrize("name, text, first", REFERENCES, ids=[r[0] for r in REFERENCES])
def test_parties_named_by_reference(extractor, name: str, text: str, first: list[str]) -> None:
    found = deal_parties(extractor, text, "2024-06-12")
    assert found, "no deal"
    assert all(any(p.startswith(want) for p in found[0]) for want in first), found


NO_REFERENCE = [
    (
        "a-stake-held-is-no-deal",
        "Harbor Pharma Holdings Ltd. reported higher sales on Monday. The company holds a 7.5% stake in Delta Bio Inc.",
    ),
]


@pytest.mark.parametrize("name, text", NO_REFERENCE, ids=[r[0] for r in NO_REFERENCE])
def test_no_deal_without_one(extractor, name: str, text: str) -> None:
    assert deal_parties(extractor, text, "2024-06-12") == []
