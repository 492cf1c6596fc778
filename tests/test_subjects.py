"""A company named only as the subject of a sentence: a capitalised name opening it, before a verb of report."""

from __future__ import annotations

import pytest

from extractor.facts.analysis import Facts, clean_org_text
from extractor.facts.gazetteer import Gazetteer, default_gazetteer
from extractor.facts.sentences import Sentence


def _subjects(text: str) -> list[str]:
    # an empty gazetteer: the rule is for the names no gazetteer knows (the bundled one knows these companies)
    facts = Facts(Sentence(0, 0, 0, len(text), text), None, Gazetteer())
    return [m.item.text for m in facts.orgs if m.item.kind == "subject"]


CASES = [
    ("Infineon cut its revenue outlook to EUR 15.1 billion.", ["Infineon"]),
    ("Risen Energy projected a net loss of CNY 2.3 billion.", ["Risen Energy"]),
    ("Wing Lee Properties issues profit warning.", ["Wing Lee Properties"]),
    ("Aug 14 (Reuters) - Sino Land 0083.HK said on Monday it expects a loss.", ["Sino Land"]),
    ("Mitsubishi Motors on Wednesday cut its full-year profit outlook by 67%.", ["Mitsubishi Motors"]),
    ("date 2026-02-09 Tongwei Solar Industry forecasts a full-year 2025 net loss.", ["Tongwei Solar Industry"]),
    # an auxiliary or an adverb may stand before the verb
    ("Kloeckner & Co has lowered its sales guidance for 2024.", ["Kloeckner & Co"]),
    ("Kirin also raised its net income outlook.", ["Kirin"]),
    # no subject company
    ("Analysts expected net profit of 3 billion yuan.", []),  # a generic noun
    ("Meanwhile, the group said revenue rose.", []),
    ("The Company expects a loss for the period.", []),  # a defined term
    ("Hong Kong said it would cut rates.", []),  # a place
    ("Revenue rose 3% to RMB 2 billion.", []),  # no verb of report
    ("Shares of Infineon fell 3%.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_the_subject_company_of_a_sentence(text: str, expected: list[str]) -> None:
    assert _subjects(text) == expected


@pytest.mark.parametrize(
    "text, headline, expected",
    [
        ("Hock Lian Seng Issues Profit Warning for 1H 2025", True, ["Hock Lian Seng"]),
        ("Hock Lian Seng Issues Profit Warning for 1H 2025", False, []),  # title case only in a headline
        ("Rising Rates Hit Lenders", True, []),
    ],
)
def test_a_headline_may_write_its_verb_in_title_case(text: str, headline: bool, expected: list[str]) -> None:
    facts = Facts(Sentence(0, 0, 0, len(text), text, headline), None, default_gazetteer())
    assert [m.item.text for m in facts.orgs if m.item.kind == "subject"] == expected


TICKERS = [
    # a capitalised name followed by its ticker in brackets is a company, whatever the ticker's form
    ("Shares of Acme Devices Corp (NASDAQ:ACMD) rose about 5%.", ["Acme Devices Corp"]),
    ("Nordtel (NORDTEL.HE) reported bleak quarterly results.", ["Nordtel"]),
    ("Shares of Acme Robotics (HK:3737) jumped.", ["Acme Robotics"]),
    ("Kwong Lee Properties (00866) issues profit warning.", ["Kwong Lee Properties"]),
    ("Harbor Media (HBRM) reiterated its outlook.", ["Harbor Media"]),
    ("While reporting, Varex Imaging, Inc. (VREX) cut its guidance.", ["Varex Imaging, Inc."]),
    ("Shares of Cardex (CDEX -6.87%) skyrocketed.", ["Cardex"]),
    # letters spelling the initials of the words before them are an acronym; an all-capital name is a dateline
    ("The Consumer Price Index (CPI) rose 2%.", []),
    ("The European Securities and Markets Authority (ESMA) agreed new rules.", []),
    ("LONDON (AFP) - Shares fell on Monday.", []),
    ("Exchange-traded funds (ETF) saw inflows.", []),
]


@pytest.mark.parametrize("text, expected", TICKERS, ids=[c[0][:30] for c in TICKERS])
def test_a_name_followed_by_its_ticker_is_a_company(text: str, expected: list[str]) -> None:
    facts = Facts(Sentence(0, 0, 0, len(text), text), None, default_gazetteer())
    assert [m.item.text for m in facts.companies] == expected


@pytest.mark.parametrize("name", ["Group", "Bank", "Inc.", "Ltd", "Co., Ltd.", "The Company", "Analysts"])
def test_suffixes_and_generic_nouns_alone_are_no_company(name: str) -> None:
    assert clean_org_text(name) is None


@pytest.mark.parametrize(
    "name, key",
    [
        ("Panasonic Corp.", "Panasonic"),
        ("RWE AG", "RWE"),
        ("Irico Group New Energy Co. Ltd.", "Irico Group New Energy"),
        ("Jiangsu Hengrui Pharmaceuticals Co., Ltd.", "Jiangsu Hengrui Pharmaceuticals"),
        ("Co.", "Co."),
    ],
)
def test_one_company_written_two_ways_has_one_key(name: str, key: str) -> None:
    from extractor.facts.analysis import company_key

    assert company_key(name) == key


@pytest.mark.parametrize(
    "text, companies",
    [
        ("Intel forecast revenue of $12 billion, above estimates, according to Refinitiv IBES data.", ["Intel"]),
        ("Intel forecast revenue of $12 billion, above LSEG Data estimates.", ["Intel"]),
        ("Intel forecast revenue of $12 billion.", ["Intel"]),
    ],
)
def test_the_source_of_a_figure_is_no_company(extractor, text: str, companies: list[str]) -> None:
    [event] = [e for e in extractor.extract(text, published="2023-05-31") if e.event_type == "earnings_preview"]
    assert [event.company] == companies


def test_an_ampersand_joins_the_words_of_a_name(extractor) -> None:
    text = "Seven & I Holdings said it expects operating profit of 477 billion yen in the year to February."
    [event] = [e for e in extractor.extract(text, published="2022-10-06") if e.event_type == "earnings_preview"]
    assert (event.company, event.period) == ("Seven & I Holdings", "FY2023")


LEGAL_FORMS = [
    ("Malaysian", "The group agreed to buy a stake in Sapura Timber Bhd's plantation unit.", ["Sapura Timber Bhd"]),
    ("Berhad", "It signed a deal with Kenari Timber Berhad on Monday.", ["Kenari Timber Berhad"]),
    ("after-holdings", "It signed a deal with Kenari Holdings Berhad on Monday.", ["Kenari Holdings"]),  # as Limited
    ("Indonesian", "The lender will take over PT Bumi Sentosa Tbk next year.", ["PT Bumi Sentosa Tbk"]),
    ("no-stop", "The buyer paid cash for Orion Cable Corp and its units.", ["Orion Cable Corp"]),
    ("subject", "Mitsubishi Motors Corp on Wednesday cut its outlook.", ["Mitsubishi Motors Corp"]),
    ("manager-llc", "Flows were tracked by Granite Point Advisors LLC last week.", []),  # LLC alone makes no company
]


@pytest.mark.parametrize("name, text, expected", LEGAL_FORMS, ids=[c[0] for c in LEGAL_FORMS])
def test_names_ending_in_a_legal_form(name: str, text: str, expected: list[str]) -> None:
    facts = Facts(Sentence(0, 0, 0, len(text), text), None, Gazetteer())
    assert [m.item.text for m in facts.orgs if m.item.kind == "pattern"] == expected


CAPITALS = [
    (
        "glued",
        "Results NoticeTAKARA KOGYO CO., LTD. <4321> [TSE Prime] reported on Friday.",
        ["TAKARA KOGYO CO., LTD."],
    ),
    ("no-space", "4321 HOKUTO SEIKI CO.,LTD. 【J-GAAP】", ["HOKUTO SEIKI CO.,LTD."]),
    ("corporation", "MINATO DENKI CORPORATION <6999> raised its forecast.", ["MINATO DENKI CORPORATION"]),
    ("after-by", "ANNOUNCEMENT BY PEARL RIVER TEXTILES HOLDINGS LIMITED", ["PEARL RIVER TEXTILES HOLDINGS LIMITED"]),
    ("bracket", "LOTUS BAY (ASIA HOLDINGS) COMPANY LIMITED", ["LOTUS BAY (ASIA HOLDINGS) COMPANY LIMITED"]),
    ("generic", "NOTICE TO THE COMPANY LIMITED", []),  # generic words make no name
    ("short-form", "SIGNED BY THE CEO OF ACME SE", []),  # a form of two or three capitals is no sign of a name
    ("title-case", "Minato Denki Corporation raised its forecast.", []),  # the title-case pattern's, not this one's
]


@pytest.mark.parametrize("name, text, expected", CAPITALS, ids=[c[0] for c in CAPITALS])
def test_names_in_capitals_ending_in_a_legal_form_in_capitals(name: str, text: str, expected: list[str]) -> None:
    facts = Facts(Sentence(0, 0, 0, len(text), text), None, Gazetteer())
    found = [m.item.text for m in facts.orgs if m.item.kind == "pattern"]
    assert [n for n in found if n.isupper() or n.replace(".", "").replace(",", "").isupper()] == expected
