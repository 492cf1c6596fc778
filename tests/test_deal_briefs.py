"""A wire brief names its company once, in a header line; a bullet that tells a deal before naming anyone is its deal."""

from __future__ import annotations

import pytest
from readers import deal_parties

from extractor.events.deal.recognizer import _brief_header

BRIEFS = [
    (
        "says-with-a-counterparty",
        "June 3 (Reuters) - Harbor Pharma Holdings Ltd :\n\n"
        "* Says has signed an agreement with Delta Bio Inc to acquire a research site in Lyon\n\n"
        "* Purchase price is 40 million euros\n",
        ["Harbor Pharma Holdings Ltd", "Delta Bio"],
    ),
    (
        "said-on-a-day",
        "Sept 9 (Reuters) - Orion Gene AG :\n\n"
        "* Said on Monday it entered into an agreement with Cedar Motors SpA for the sale of its 60 percent "
        "interest in Delta Cells Srl\n",
        ["Orion Gene AG", "Cedar Motors"],
    ),
    (
        "a-noun-first",
        "April 2 (Reuters) - Cedar Motors Plc :\n\n* Collaboration with Orion Gene Inc\n\n"
        "* Under terms of the agreement, Orion Gene Inc will pay a $150 mln up-front fee\n",
        ["Cedar Motors Plc", "Orion Gene"],
    ),
    (
        "no-wire-and-a-glued-day",
        "Feb 1Delta Bio SpA :\n* Said on Friday it acquired 60 pct stake in Harbor Retail,\ncompany active in Italy\n",
        ["Delta Bio SpA", "Harbor Retail"],
    ),
    (
        "no-counterparty",
        "Aug 21 (Reuters) - Harbor Pharma Holdings Co Ltd\n\n"
        "* Says to acquire chip design firm valued at about 1.2 billion yuan via cash, share issue\n",
        ["Harbor Pharma Holdings Co Ltd"],
    ),
]


@pytest.mark.parametrize("name, text, parties", BRIEFS, ids=[b[0] for b in BRIEFS])
def test_bullets_tell_the_deals_of_the_brief_company(extractor, name: str, text: str, parties: list[str]) -> None:
    found = deal_parties(extractor, text, "2024-06-12")
    assert found, "no deal"
    assert all(any(p.startswith(want) for p in found[0]) for want in parties), found
    assert found[0][0] == parties[0], found


NOT_BRIEFS = [
    (
        "a-bullet-naming-its-own-subject",
        "June 3 (Reuters) - Harbor Pharma Holdings Ltd :\n\n"
        "* Orion Gene Inc agreed to buy Delta Bio Inc for 40 million euros\n",
        "Harbor Pharma Holdings Ltd",
    ),
    (
        "no-bullets-after-the-line",
        "Orion Gene AG :\n\nSaid it signed an agreement with Delta Bio Inc to acquire a site in Lyon for $40 million.\n",
        "Orion Gene AG",
    ),
]


@pytest.mark.parametrize("name, text, absent", NOT_BRIEFS, ids=[b[0] for b in NOT_BRIEFS])
def test_no_brief_company_where_the_layout_gives_none(extractor, name: str, text: str, absent: str) -> None:
    found = deal_parties(extractor, text, "2024-06-12")
    assert found, "no deal"
    assert absent not in [p for parties in found for p in parties], found


HEADERS = [
    ("wire-and-colon", "Oct 18 (Reuters) - Acme Tools SpA :", "Acme Tools SpA"),
    ("date-and-colon", "May 24 Delta Bio Oyj :", "Delta Bio Oyj"),
    ("no-colon", "July 17 (Reuters) - Harbor Pharma Co Ltd", "Harbor Pharma Co Ltd"),
    ("a-sentence-is-no-header", "Harbor Pharma said on Monday it would buy Delta Bio.", None),
    ("lower-case-words", "Shares of Harbor Pharma rose :", None),
]


@pytest.mark.parametrize("name, text, company", HEADERS, ids=[h[0] for h in HEADERS])
def test_brief_header_lines(name: str, text: str, company: str | None) -> None:
    m = _brief_header().fullmatch(text)
    assert (m.group("name") if m else None) == company


#: a listed company's announcement names its issuer on the line before its line of incorporation; a deal clause that
#: names it only as 'the Company' or 'the Group' is the issuer's
FILINGS = [
    (
        "the-group",
        "QUILLON LEARNING HOLDINGS LTD.\n\n(Incorporated in the Cayman Islands with limited liability)\n\n"
        "(Stock Code: 9123)\n\nMAJOR TRANSACTION\n\nThe Board is pleased to announce that on 4 March 2024, the Group "
        "entered into the Sale and Purchase Agreements, pursuant to which the Group agreed to purchase 70% of the "
        "equity interest in the Target Company.\n\nThe total consideration for the Acquisitions is RMB820,000,000.\n",
        ["QUILLON LEARNING HOLDINGS LTD."],
        820_000_000,
    ),
    (
        "the-company",
        "Ardent Care Group Limited\n\n(incorporated in Bermuda with limited liability)\n\n"
        "The Board announces that on 2 May 2024 the Purchaser, the Vendor and the Company entered into the "
        "Acquisition Agreement, under which the Purchaser agreed to acquire the Sale Shares at the consideration of "
        "HK$61,500,000.\n",
        ["Ardent Care Group Limited"],
        61_500_000,
    ),
]


@pytest.mark.parametrize("name, text, parties, value", FILINGS, ids=[f[0] for f in FILINGS])
def test_a_filing_deal_is_its_issuers(extractor, name: str, text: str, parties: list[str], value: float) -> None:
    [deal] = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert deal.parties == parties
    assert deal.total_value is not None and deal.total_value.value == value


BULLET_LISTS = [
    (
        "subject-then-a-pronoun",
        "WELLINGTON Mar 3 Shares were seen opening flat.\n"
        "COMPANY NEWS\n"
        "** Kestrel Holding posted lower first-half revenue and named a new chairman; it announced the\n"
        "purchase of Orion Lane's aircraft leasing business\n"
        "** Delta Marine raised its outlook for the year\n",
        ["Kestrel Holding", "Orion Lane"],
    ),
]


@pytest.mark.parametrize("name, text, parties", BULLET_LISTS, ids=[b[0] for b in BULLET_LISTS])
def test_a_bullet_opened_by_its_company_is_its_deal(extractor, name: str, text: str, parties: list[str]) -> None:
    assert deal_parties(extractor, text, "2024-06-12") == [parties]


def test_a_bullet_without_subject_names_no_company() -> None:
    from extractor.events.deal.names import bullet_subjects

    assert bullet_subjects("* Says has signed a deal with Delta\n* Deal values Delta at 5 mln euros\n") == []
    assert [c.item.text for c in bullet_subjects("** Delta Marine reported a loss")] == ["Delta Marine"]
