"""Earnings previews: the period a figure is joined to, the company that reports among several names, the subject
an article's lead writes where no rule sees a name, and the bound a percentage carries."""

from __future__ import annotations

import datetime as dt

import pytest
from readers import earnings_previews, previews

from extractor.events.earnings_preview.fiscal import written_close
from extractor.facts.periods import find_periods

JOINED = [
    # a bare year joined to the figure beats a quarter named earlier in the sentence
    (
        "Brightwater Stoves AS said weak demand in the fourth quarter hurt margins and it now expects an "
        "operating profit of NOK 40-50 million for 2023.",
        "2023-12-12",
        [("Brightwater Stoves AS", "FY2023", [("operating_profit", 45e6, None)])],
    ),
    # a period joined right after the figure, its conversion between, beats a quarter named nearer the end
    (
        "Harbourline Shipping Co said it expects a net loss of RMB5 billion, or $0.7 billion, for the full "
        "financial year 2016, though freight rates in the fourth quarter improved.",
        "2017-01-20",
        [("Harbourline Shipping Co", "FY2016", [("net_profit", -5e9, None)])],
    ),
    # a figure joined to an earlier bare year is that year's, though the sentence names a later period; the figure
    # it moved from is a base
    (
        "Savanna Print Ltd reported a net profit of KES 90.5mn in 2022 from a loss of KES 12.5mn in 2021 and now expects "
        "at most a profit of KES 70.5mn in the year ending December 2023.",
        "2023-03-10",
        [
            ("Savanna Print Ltd", "FY2022", [("net_profit", 90.5e6, None)]),
            ("Savanna Print Ltd", "FY2023", [("net_profit", 70.5e6, None)]),
        ],
    ),
    # 'full year' takes its year from the sentence's periods outside the comparison
    (
        "Kestrel Engineering Ltd now sees full-year revenue for the year ending December 31, 2020 coming in 5 to 15 "
        "percent lower, compared to the 2019 fiscal year.",
        "2020-05-15",
        [("Kestrel Engineering Ltd", "FY2020", [("revenue", None, -10.0)])],
    ),
    # a bare year qualifying the metric word is the figure's year, though a quarter is named later in the sentence
    (
        "Maple Diagnostics Inc. raised its 2024 EPS outlook to $5.00 - $5.50, helped by a one-off licence fee "
        "received in the first quarter.",
        "2024-08-02",
        [("Maple Diagnostics Inc.", "FY2024", [("eps", 5.25, None)])],
    ),
]

REPORTING = [
    # of two names before the figures, the one that reports ('B said it expected')
    (
        "On the day Granite Mining Corp made its filing, salt maker Saltmere Group said it expected annual net "
        "profit to have risen 40 percent to CNY2 billion.",
        "2023-01-20",
        [("Saltmere Group", "FY2022", [("net_profit", 2e9, 40.0)])],
    ),
    # names inside a relative clause are the subject's rivals, not the company of its results
    (
        "Orchid Jewellery Group, which competes with Topaz Holdings Ltd and Garnet Ltd, on Monday forecast its "
        "first-half net profit to fall by about 30 to 40 percent.",
        "2015-11-10",
        [("Orchid Jewellery Group", "H1 2015", [("net_profit", None, -35.0)])],
    ),
]

BOUNDS = [
    # 'up to 10%' carries a bound, not a direction: the change is a fall
    (
        "Larkspur Hospitals Ltd said headline earnings per share for the year to end-September declined by up to 10%.",
        "2017-11-20",
        [("Larkspur Hospitals Ltd", "FY2017", [("heps", None, -10.0)])],
    ),
    # 'have grown' is a rise; 26 weeks to September are a fiscal first half
    (
        "Juniper Stores Ltd said headline earnings per share for the 26 weeks to September 30 were expected "
        "to have grown by 20% to 25%.",
        "2017-11-07",
        [("Juniper Stores Ltd", "H1 FY2017/18", [("heps", None, 22.5)])],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    JOINED,
    ids=[
        "bare year after figure",
        "period after figure",
        "earlier year after figure",
        "full year ending",
        "year before metric",
    ],
)
def test_the_period_joined_to_a_figure(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


@pytest.mark.parametrize("text, published, expected", REPORTING, ids=["the name that reports", "relative clause"])
def test_the_company_that_reports(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


@pytest.mark.parametrize("text, published, expected", BOUNDS, ids=["up to", "have grown"])
def test_the_direction_of_a_change(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


def test_a_lead_names_its_company_where_no_rule_sees_a_name(extractor) -> None:
    text = (
        "It is Thistledown’s second warning this year.\n\n"
        "The retailer now expects full-year pre-tax profit of between £20 million and £25 million.\n\n"
        "Thistledown shares fell 8% in early trade.\n\n"
        "Thistledown said it would cut costs further."
    )
    assert previews(extractor, text, "2018-06-19") == [("Thistledown", "FY2018")]


WEEKS = [
    ("profit for the 26 weeks to September 30 rose", "H1 2017"),
    ("sales for the 52 weeks ended 3 March 2024 rose", "FY2024"),
    ("sales in the 11 weeks to 13 January fell", None),
]


@pytest.mark.parametrize("text, expected", WEEKS, ids=["26 weeks", "52 weeks", "11 weeks"])
def test_weeks_counted_to_a_day_are_a_period(text: str, expected: str | None) -> None:
    found = [p.item for p in find_periods(text, dt.date(2017, 11, 7))]
    assert found == ([expected] if expected else [])


CLOSES = [
    ("H1 2017", "six months to September 30", 3),
    ("9M2017", "nine months to December", 3),
    ("H1 2017", "six months ended June 30", None),
    ("Q3 2017", "quarter ended September 30", None),
    ("H1 2017", "first half", None),
    # a half counted in months to December is the first half of a year to June; a ranked half or a quarter is not
    ("H2 2017", "six months to end December 31", 6),
    ("H2 2017", "6-month period ended December", 6),
    ("H2 2017", "second half ended December 31", None),
    ("Q4 2017", "three months to December 31", None),
]


@pytest.mark.parametrize("label, written, expected", CLOSES, ids=[c[1] for c in CLOSES])
def test_a_part_ending_in_no_calendar_part_s_month_tells_the_close(label: str, written: str, expected) -> None:
    assert written_close(label, written) == expected


FISCAL_RANKS = [
    # a fiscal second quarter reported in November closed in October: the year runs to April
    (
        "Bramble Preserves Co said on Monday that net sales rose 9% in its fiscal second quarter. The company now "
        "expects full-year net sales to rise 5% to 6%.",
        "2022-11-21",
        [("Bramble Preserves Co", "FY2023", [("revenue", None, 5.5)])],
    ),
    # a fiscal third quarter reported in October is a calendar quarter; an outlook for the fourth tells no close
    (
        "Fjordline Networks Inc said it sees fiscal third-quarter revenue of about $114 million, and "
        "gave an outlook for the fiscal fourth quarter.",
        "2019-10-10",
        [("Fjordline Networks Inc", "Q3 2019", [("revenue", 114e6, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", FISCAL_RANKS, ids=["year to April", "calendar year"])
def test_a_fiscal_quarter_reported_tells_the_year_s_close(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


OTHER_BASES = [
    # a change against the quarter before is no change on the year; the one on the year stands
    (
        "Compared with a quarter earlier, fourth-quarter operating profit at Lumen Chips Co surged 60 percent, the "
        "company said. Fourth-quarter sales are estimated at 40 trillion won, down 1.5 "
        "percent on year, Lumen Chips Co said.",
        "2017-01-06",
        [("Lumen Chips Co", "Q4 2016", [("revenue", 40e12, -1.5)])],
    ),
    # a forecast on another base only: a preview of the period without a figure of the contract's
    (
        "Quartz Foundry Corp reported record revenue on Thursday. Revenue for the fourth quarter is expected to grow "
        "2% to 4% sequentially.",
        "2021-11-12",
        [("Quartz Foundry Corp", "Q4 2021", [])],
    ),
]


@pytest.mark.parametrize("text, published, expected", OTHER_BASES, ids=["a quarter earlier", "sequentially"])
def test_a_change_on_another_base_is_no_yoy(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected
