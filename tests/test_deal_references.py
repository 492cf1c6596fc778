"""A deal clause whose subject refers to the parties of the sentence before takes them as its parties."""

from __future__ import annotations

import pytest
from readers import deal_parties

from extractor.events.deal.recognizer import _subject_reference

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
        "pronoun-after-a-phrase",
        "In March, Harbor Pharma Holdings Ltd. announced two licensing deals. "
        "First, it entered into an agreement with Delta Bio Inc. for rights to an antibody for RMB 90 million.",
        ["Harbor Pharma", "Delta Bio"],
    ),
    (
        "chain-of-references",
        "In March, Harbor Pharma Holdings Ltd. announced two licensing deals. "
        "First, it entered into an agreement with Delta Bio Inc. for rights to an antibody for RMB 90 million. "
        "Then, its wholly-owned subsidiary signed a licence agreement with Orion Gene Ltd. for RMB 40 million.",
        ["Harbor Pharma", "Orion Gene"],
    ),
    (
        "described-singular-head",
        "German carmaker Cedar Motors AG said on Friday it would invest in two battery makers. "
        "The Stuttgart-based company said it has signed an agreement to pay $1 billion for a 30% stake in Delta Cells.",
        ["Cedar Motors", "Delta Cells"],
    ),
    (
        "described-after-a-day",
        "Orion Life Corp. is growing in Asia. On Tuesday, the Denver, Colorado-based insurer said it agreed to buy "
        "a block of policies from Delta Financial Inc. for about $500 million.",
        ["Orion Life", "Delta Financial"],
    ),
    (
        "stake-bought-with-money",
        "Harbor Pharma Holdings Ltd. will spend $30 million for a 9.9% stake in Delta Bio Inc.",
        ["Harbor Pharma", "Delta Bio"],
    ),
    # the counterparty named only in the next sentence, beside a party of the deal, with no verb announcing another
    (
        "counterparty-in-the-next-sentence",
        "Quillon Therapeutics has entered into a research and license agreement worth up to 90 million euros. "
        "In this research collaboration Quillon Therapeutics and Swiss drugmaker Ardent Pharma AG will work on "
        "oral inhibitors.",
        ["Quillon Therapeutics", "Ardent Pharma"],
    ),
]


@pytest.mark.parametrize("name, text, first", REFERENCES, ids=[r[0] for r in REFERENCES])
def test_parties_named_by_reference(extractor, name: str, text: str, first: list[str]) -> None:
    found = deal_parties(extractor, text, "2024-06-12")
    assert found, "no deal"
    # the last deal of the text is the one its last sentence announces
    assert all(any(p.startswith(want) for p in found[-1]) for want in first), found


NO_REFERENCE = [
    (
        "a-stake-held-is-no-deal",
        "Harbor Pharma Holdings Ltd. reported higher sales on Monday. The company holds a 7.5% stake in Delta Bio Inc.",
    ),
]


@pytest.mark.parametrize("name, text", NO_REFERENCE, ids=[r[0] for r in NO_REFERENCE])
def test_no_deal_without_one(extractor, name: str, text: str) -> None:
    assert deal_parties(extractor, text, "2024-06-12") == []


OPENINGS = [
    ("plural", "The two companies signed a pact.", "plural"),
    ("singular", "The group acquired a stake.", "singular"),
    ("described", "The Stuttgart-based company said it signed a deal.", "singular"),
    ("place-and-description", "On Tuesday, the Denver, Colorado-based insurer said it agreed.", "singular"),
    ("pronoun", "First, it entered into an agreement.", "pronouns"),
    ("subsidiary", "Then, its wholly-owned subsidiary obtained rights.", "pronouns"),
    ("a-deal-is-no-party", "The deal with the company closed.", None),
    ("owner-is-no-pronoun", "Its shares rose after the deal.", None),
    ("lower-case-words-between", "The deal of the company was signed.", None),
]


@pytest.mark.parametrize("name, text, kind", OPENINGS, ids=[o[0] for o in OPENINGS])
def test_clause_openings_that_refer_to_parties(name: str, text: str, kind: str | None) -> None:
    found = [k for k in ("plural", "singular", "pronouns") if _subject_reference(k).match(text) is not None]
    assert found == ([kind] if kind else [])


GLUED_AND_OWNED = [
    (
        "glued-sentences",
        "Funds raised their stakes in listed carmakers this week.Pellham Motors led the gains, followed by Orvano "
        "Auto.Delta Bio rose too.",
        [],
    ),
    (
        "owner-opens-the-clause",
        "Orvano Auto rose 3 percent. Pellham Motors’s shares jumped after the Ohio-based carmaker on Monday announced "
        "a deal worth up to $2 billion with Delta Bio to co-develop batteries.",
        [["Pellham Motors", "Delta Bio"]],
    ),
]


@pytest.mark.parametrize("name, text, want", GLUED_AND_OWNED, ids=[c[0] for c in GLUED_AND_OWNED])
def test_glued_sentences_part_and_an_owner_opening_a_clause_acts(extractor, name: str, text: str, want) -> None:
    """'week.Pellham': a full stop glued to the next word still ends a clause; "Pellham Motors's shares jumped after
    the carmaker announced a deal": the owner opening the clause is its party."""
    assert deal_parties(extractor, text, "2024-06-12") == want
