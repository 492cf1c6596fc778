"""Whose results and which: formal results are no preview; a filing's issuer is the company it defines."""

from __future__ import annotations

import datetime as dt

import pytest
from readers import previews

from extractor.facts.periods import period_close

FORMAL = [
    # a quarter's or a half's figures, exact and told two months after its close: the formal report
    ("Harbor Bank said its net profit for the third quarter grew 12% to RM1.2 billion.", "2022-11-29", []),
    ("Delta Foods reported a 3% drop in revenue for the first half of 2024.", "2024-08-27", []),
    # a year's figures told in the spring: the annual report
    ("Cedar Spirits said its net profit rose 19% to 62.7 billion yuan in 2022.", "2023-03-31", []),
    # within a month of the close: preliminary figures
    (
        "Harbor Bank said its net profit for the first half grew 12% to RM1.2 billion.",
        "2022-07-20",
        [("Harbor Bank", "H1 2022")],
    ),
    # a year's figures in January or February are preliminary
    (
        "Cedar Spirits said its net profit rose 19% to 62.7 billion yuan in 2022.",
        "2023-02-20",
        [("Cedar Spirits", "FY2022")],
    ),
    # a word of a preview, however late
    (
        "Delta Foods expects revenue for the first half of 2024 to drop 3%.",
        "2024-08-27",
        [("Delta Foods", "H1 2024")],
    ),
    ("Delta Foods said revenue for the first half may fall 3%.", "2024-08-27", [("Delta Foods", "H1 2024")]),
    # an amount given as a bound or about, not as the report gives it
    ("Delta Foods said first-half revenue exceeded 3 billion yuan.", "2024-08-27", [("Delta Foods", "H1 2024")]),
    ("Delta Foods said first-half revenue rose 3% to 5%.", "2024-08-27", [("Delta Foods", "H1 2024")]),
    # an amount given as about half a year after the close: the report's figure rounded
    ("In the first half of 2024, Delta Foods registered revenue of about 3 billion yuan.", "2025-01-03", []),
    # a period closed a year or more before: background, whatever words stand beside it
    ("Delta Foods expects revenue for the first half of 2022 to have dropped 3%.", "2024-08-27", []),
    (
        "Cedar Spirits said its profit may top the record 60 billion yuan it earned in fiscal 2019.",
        "2023-03-31",
        [],
    ),
    # the sentence that announces the figures tells them as a preview
    (
        "Delta Foods issued a profit alert on Monday. Revenue for the first half of 2024 rose 3% to 9 billion yuan.",
        "2024-08-27",
        [("Delta Foods", "H1 2024")],
    ),
]


@pytest.mark.parametrize("text, published, expected", FORMAL, ids=[f"{c[0][:30]} {c[1]}" for c in FORMAL])
def test_formal_results_are_no_preview(extractor, text: str, published: str, expected) -> None:
    assert previews(extractor, text, published) == expected


def test_a_figure_beside_a_preview_of_the_same_company_and_period_stays(extractor) -> None:
    text = (
        "Delta Foods expects net profit of 2 billion yuan for the first half of 2024. "
        "Delta Foods said revenue for the first half of 2024 rose 3% to 9 billion yuan."
    )
    [event] = [e for e in extractor.extract(text, published="2024-08-27") if e.event_type == "earnings_preview"]
    assert {m.metric for m in event.metrics} == {"net_profit", "revenue"}


@pytest.mark.parametrize(
    "label, close",
    [
        ("H1 2025", dt.date(2025, 6, 30)),
        ("Q3 2024", dt.date(2024, 9, 30)),
        ("9M2019", dt.date(2019, 9, 30)),
        ("FY2023", dt.date(2023, 12, 31)),
        ("H1 FY2024/25", None),
        (None, None),
    ],
)
def test_the_close_of_a_period(label: str | None, close: dt.date | None) -> None:
    assert period_close(label) == close


@pytest.mark.parametrize(
    "line, company",
    [
        ("NQPCNQPC(SH:600111) 2024-07-11 08:28\n\nNQPC expects its first-half net profit to rise 55%.", "NQPC"),
        ("Harbor Foods Holdings expects its first-half net profit to rise 55%.", "Harbor Foods Holdings"),
    ],
    ids=["doubled short name", "written once"],
)
def test_a_short_name_printed_twice_over_is_written_once(extractor, line: str, company: str) -> None:
    assert [c for c, _ in previews(extractor, line, "2024-07-11")] == [company]


DEFINED = [
    (
        "PROFIT WARNING\n\nThe Board expects the Group to record a loss of approximately HK$50 million for the six "
        'months ended 30 June 2024.\n\nThis announcement is made by Harbor Foods Holdings Limited (the "Company", '
        'and with its subsidiaries, the "Group") under Rule 13.09 of the Listing Rules.',
        "Harbor Foods Holdings Limited",
    ),
    (
        "The Board expects the Group to record a loss of approximately HK$50 million for the six months ended 30 "
        "June 2024.\n\nThis announcement is made by Luen Wah (Asia) Company Limited (the “Company”).",
        "Luen Wah (Asia) Company Limited",
    ),
    # no definition: no company
    (
        "The Board expects the Group to record a loss of approximately HK$50 million for the six months ended 30 "
        "June 2024.",
        None,
    ),
]


@pytest.mark.parametrize("text, company", DEFINED, ids=["Limited", "bracketed part", "none defined"])
@pytest.mark.usefixtures("unfiltered")
def test_a_filing_s_figures_are_those_of_the_company_it_defines(extractor, text: str, company: str | None) -> None:
    assert [c for c, _ in previews(extractor, text, "2024-07-20")] == [company]


LATER_NAMES = [
    # a name after the figures that reports them is their company
    (
        "First-half operating profit is expected to rise 30% to 9 trillion won, Samsung Electronics said on Tuesday.",
        ["Samsung Electronics"],
    ),
    (
        "Operating profit for the second quarter probably rose 30% to 9 trillion won, LG Electronics (066570.KS) "
        "estimated on Tuesday.",
        ["LG Electronics"],
    ),
    # a peer or a partner named after the figures is not
    (
        "Second-quarter operating profit likely rose 30% to 9 trillion won, ranking the TV maker behind Samsung "
        "Electronics.",
        [None],
    ),
    (
        "Revenue is expected to reach $90 million this year, helped by two drugs partnered with AstraZeneca.",
        [None],
    ),
]


@pytest.mark.usefixtures("unfiltered")
@pytest.mark.parametrize("text, companies", LATER_NAMES, ids=["said", "estimated", "behind", "partnered with"])
def test_a_name_after_the_figures_is_their_company_only_when_it_reports_them(extractor, text: str, companies) -> None:
    assert [c for c, _ in previews(extractor, text, "2025-07-08")] == companies


FOR_YEAR = [
    # the sentence before names the year the outlook is for: the figures after it are of that year
    (
        "Harbor Aerospace reported second-quarter revenue of $15.9 billion.\n\n"
        "The company now expects earnings for 2021 between $2.10 and $2.25 a share.\n\n"
        "Revenue is expected to be between $58 billion and $59 billion, above its earlier view.",
        [("Harbor Aerospace", "Q2 2021"), ("Harbor Aerospace", "FY2021")],
    ),
    # a year no figure is for ('since 2019'): the figures go on about the quarter
    (
        "Harbor Aerospace reported second-quarter revenue of $15.9 billion.\n\n"
        "Its shares have doubled since 2019.\n\n"
        "Revenue grew 9% to $15.9 billion, up from its previous view.",
        [("Harbor Aerospace", "Q2 2021")],
    ),
]


@pytest.mark.parametrize("text, expected", FOR_YEAR, ids=["earnings for 2021", "since 2019"])
def test_figures_without_a_period_take_the_year_written_before_them(extractor, text: str, expected) -> None:
    assert previews(extractor, text, "2021-07-20") == expected


NAMES_AFTER_FIGURES = [
    # companies listed after every figure, as partners: no subjects of the figures
    (
        "Revenue is expected to reach about $90 million this year, helped by drugs partnered with AstraZeneca, Eli "
        "Lilly and Novartis.",
        [None],
    ),
    # companies listed after the figures that report them: each has the figures
    (
        "First-half net profit is expected to fall about 40%, Samsung Electronics and LG Electronics said on Tuesday.",
        ["Samsung Electronics", "LG Electronics"],
    ),
]


@pytest.mark.usefixtures("unfiltered")
@pytest.mark.parametrize("text, companies", NAMES_AFTER_FIGURES, ids=["partners", "reporters"])
def test_companies_listed_after_the_figures_have_them_only_when_they_report_them(
    extractor, text: str, companies
) -> None:
    assert [c for c, _ in previews(extractor, text, "2025-07-08")] == companies
