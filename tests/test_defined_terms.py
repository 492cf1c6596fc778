"""No section heading or defined term of a filing is a party or a company."""

from __future__ import annotations

import pytest

from extractor.facts.analysis import clean_org_text
from extractor.facts.defined_terms import is_defined_term, without_heading


@pytest.mark.parametrize(
    "name, before, defined",
    [
        ("Company", "", True),
        ("Licensed Products", "", True),
        ("Territory", "in the ", True),
        ("Baoji Target", "the entire registered capital of the ", True),  # a term ending so, after 'the'
        ("Yili Target Company", "sell The ", True),
        ("Share Purchase Agreement", "entered into the ", True),  # a filing's document, after 'the'
        ("Shareholder’s Loan", "conditionally agreed to acquire the ", True),
        ("Sale Equity", "the consideration for the ", True),
        ("Upfront Fees", "pay the ", True),
        ("Harbor Financial Services", "", False),  # no 'the': perhaps a name
        ("Baoji Target", "", False),  # no 'the': perhaps a name
        ("Target Corporation", "the ", False),  # it does not end as a defined term
        ("Novexa Group", "the ", False),
        ("China Tower Company", "", False),
    ],
)
def test_defined_terms_of_a_filing(name, before, defined):
    assert is_defined_term(name, before) is defined


@pytest.mark.parametrize(
    "name, kept",
    [
        ("Major Collaboration Events Novexa Biopharmaceuticals", "Novexa Biopharmaceuticals"),
        ("Key Deals", None),
        ("Weekly Market Highlights", None),
        ("Novexa Biopharmaceuticals", "Novexa Biopharmaceuticals"),
        ("Updates Group", "Updates Group"),  # a heading noun first is a name's own word
    ],
)
def test_a_section_heading_is_no_name_and_is_cut_off_the_name_after_it(name, kept):
    assert without_heading(name) == kept


@pytest.mark.parametrize(
    "name",
    [
        "the Company",
        "The Group",
        "Licensed Products",
        "the Territory",
        "Key Deals",
        "YoY",
        "Phase",
        "Consolidated",
        "Software",
        "Spot Ether ETFs",  # funds are no parties
    ],
)
def test_the_model_s_organisations_that_are_terms_or_headings_are_dropped(name):
    assert clean_org_text(name) is None


@pytest.mark.parametrize("name", ["Consolidated Edison", "Software AG"])
def test_a_generic_word_with_a_name_s_own_word_is_a_name(name):
    assert clean_org_text(name) == name


BODY = "Novexa Biopharmaceuticals signed a licensing agreement with Brightwell Therapeutics worth $500 million."


@pytest.mark.parametrize(
    "text, parties",
    [
        ("Major Collaboration Events\n" + BODY, ["Novexa Biopharmaceuticals", "Brightwell Therapeutics"]),
        ("Major Collaboration Events " + BODY, ["Novexa Biopharmaceuticals", "Brightwell Therapeutics"]),
        (
            "The Company and the Licensee entered into a licence agreement for the Licensed Products in the Territory, "
            "with an upfront payment of US$20 million.",
            [],
        ),
        (
            "Under the agreement, Novexa Holdings has conditionally agreed to purchase all the registered "
            "capital of the Weinan Target, for a consideration of RMB212,400,000.",
            ["Novexa Holdings"],
        ),
    ],
    ids=["heading line", "heading glued to the sentence", "defined terms", "a defined target"],
)
def test_no_heading_or_defined_term_becomes_a_party(extractor, text, parties):
    [deal] = extractor.extract(text, published="2026-02-10")
    assert deal.parties == parties


def test_the_group_of_a_filing_is_no_reporting_company(extractor):
    text = "The Group expects to record a net loss of HK$20 million for 2025, compared with a profit of HK$5 million."
    assert all(e.company is None for e in extractor.extract(text, published="2026-02-10"))
