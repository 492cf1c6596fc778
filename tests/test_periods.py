"""Table-driven tests for extractor.facts.periods: normal forms, spans and the publication-year rule."""

from __future__ import annotations

from datetime import date

import pytest

from extractor.facts.periods import find_periods, parse_period

P = date(2026, 2, 10)


def _check(text: str, published: date | None, expected: list[tuple[str, str]]) -> None:
    """find_periods gives exactly `expected` (span text, period), in order, at the right offsets."""
    found = find_periods(text, published)
    assert [(text[x.start : x.end], x.item) for x in found] == expected
    pos = 0
    for loc in found:
        assert loc.start == text.find(text[loc.start : loc.end], pos)
        pos = loc.end


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # fiscal years
        ("guidance for FY2025 was raised", None, [("FY2025", "FY2025")]),
        ("FY25 revenue", None, [("FY25", "FY2025")]),
        ("in fiscal 2025", None, [("fiscal 2025", "FY2025")]),
        ("in fiscal year 2025", None, [("fiscal year 2025", "FY2025")]),
        ("full-year 2025 results", None, [("full-year 2025", "FY2025")]),
        ("the 2025 annual report", None, [("2025 annual report", "FY2025")]),
        ("net profit for the year 2025 rose", None, [("for the year 2025", "FY2025")]),
        ("released its 2025 earnings pre-announcement, forecasting", None, [("2025 earnings", "FY2025")]),
        ("disclosed their 2025 earnings forecasts", None, [("2025 earnings", "FY2025")]),
        ("its 2024 results beat", None, [("2024 results", "FY2024")]),
        ("its forecast for the 2023 financial year", None, [("2023 financial year", "FY2023")]),
        ("for the year ended December 31, 2024", None, [("year ended December 31, 2024", "FY2024")]),
        ("annual net profit for 2024 rose", None, [("annual net profit", "FY2024")]),
        ("In 2024, the annual revenue was", None, [("annual revenue", "FY2024")]),
        ("reported an annual net profit attributable to shareholders", P, [("annual net profit", "FY2025")]),
        ("expected to exceed 2 billion USD for the entire year", date(2025, 2, 26), [("the entire year", "FY2024")]),
        ("2025年度业绩预告", None, [("2025年度", "FY2025")]),
        # halves
        ("H1 2025 revenue", None, [("H1 2025", "H1 2025")]),
        ("1H25 margin", None, [("1H25", "H1 2025")]),
        ("2H25 and 2025H2", None, [("2H25", "H2 2025"), ("2025H2", "H2 2025")]),
        ("in the first half of 2025", None, [("first half of 2025", "H1 2025")]),
        ("second-half 2025 sales", None, [("second-half 2025", "H2 2025")]),
        ("its interim results for 2025", None, [("interim results for 2025", "H1 2025")]),
        ("the 2025 interim report", None, [("2025 interim", "H1 2025")]),
        ("after mid-year performance reports", P, [("mid-year performance", "H1 2025")]),
        # a fiscal year named by the two years it spans is the year it closes in
        ("for the 2024|25 financial year", None, [("2024|25 financial year", "FY2025")]),
        ("FY2024/25 revenue", None, [("FY2024/25", "FY2025")]),
        ("guidance for fiscal 2025-26", None, [("fiscal 2025-26", "FY2026")]),
        ("the 2022/2023 financial year", None, [("2022/2023 financial year", "FY2023")]),
        ("the 2025/26 season", None, []),
        ("for the six months ended June 30, 2025", None, [("six months ended June 30, 2025", "H1 2025")]),
        ("2025年上半年营收", None, [("2025年上半年", "H1 2025")]),
        ("first half of this year", P, [("first half of this year", "H1 2026")]),
        ("去年上半年", P, [("去年上半年", "H1 2025")]),
        # quarters
        ("funding in Q1 2025 increased", None, [("Q1 2025", "Q1 2025")]),
        ("3Q25 and Q3'25 and 2025Q3", None, [("3Q25", "Q3 2025"), ("Q3'25", "Q3 2025"), ("2025Q3", "Q3 2025")]),
        ("The first quarter of 2025 showed", None, [("first quarter of 2025", "Q1 2025")]),
        ("third quarter of 2025", None, [("third quarter of 2025", "Q3 2025")]),
        ("the quarter ended September 30, 2025", None, [("quarter ended September 30, 2025", "Q3 2025")]),
        ("three months ended March 31, 2025", None, [("three months ended March 31, 2025", "Q1 2025")]),
        # 'to <month>' ends a period too; without a year, the latest such period ended by publication
        ("for the six months to June narrowed", date(2024, 8, 27), [("six months to June", "H1 2024")]),
        ("in the nine months to September 30, 2025", None, [("nine months to September 30, 2025", "9M2025")]),
        ("the quarter ended September 30", date(2025, 11, 3), [("quarter ended September 30", "Q3 2025")]),
        ("the year to date", date(2025, 11, 3), []),
        ("2025年第三季度", None, [("2025年第三季度", "Q3 2025")]),
        # nine months
        ("revenue for the first three quarters of 2024 is", None, [("first three quarters of 2024", "9M2024")]),
        ("9M2024 and 9M24", None, [("9M2024", "9M2024"), ("9M24", "9M2024")]),
        ("Q1-Q3 2024 sales", None, [("Q1-Q3 2024", "9M2024")]),
        ("the nine months ended September 30, 2024", None, [("nine months ended September 30, 2024", "9M2024")]),
        ("2025年前三季度", None, [("2025年前三季度", "9M2025")]),
        # no year: the latest such period ended on or before publication
        ("in the first quarter", date(2025, 4, 24), [("first quarter", "Q1 2025")]),
        ("in the first quarter", date(2025, 2, 26), [("first quarter", "Q1 2024")]),
        ("in the first half", P, [("first half", "H1 2025")]),
        ("in the first half", date(2025, 6, 30), [("first half", "H1 2025")]),
        ("in the first half", date(2025, 6, 29), [("first half", "H1 2024")]),
        ("Q4 revenue", P, [("Q4", "Q4 2025")]),
        ("前三季度", date(2025, 10, 31), [("前三季度", "9M2025")]),
        ("in the first half", None, []),
        # not periods
        ("adjusting for nearly two quarters", P, []),
        ("up 102.65% year-on-year", P, []),
        ("the ESMO Annual Congress (10/17–10/21/2025)", P, []),
        ("20-day moving average, T+0 trading, 3.86%", P, []),
        ("ETF 520880 rose; $8.85 billion deal", P, []),
        ("In 2025, over 70% of companies; since 2026", P, []),
        ("the 2025 national medical insurance negotiations", P, []),
        ("H1N1 flu and q3 lowercase", P, []),
        ("", P, []),
    ],
)
def test_find_periods(text: str, published: date | None, expected: list[tuple[str, str]]) -> None:
    _check(text, published, expected)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("FY2025", None, "FY2025"),
        ("the first three quarters of 2024", None, "9M2024"),
        ("for the entire year", date(2025, 2, 26), "FY2024"),
        ("the first half", None, None),
        ("Q3 2025", None, "Q3 2025"),
        ("nothing here", P, None),
    ],
)
def test_parse_period(text: str, published: date | None, expected: str | None) -> None:
    assert parse_period(text, published) == expected


FISCAL_YEARS = [
    # a fiscal year written by the month it closes in, with no year: 'ended' looks back, 'ending' forward,
    # 'to' with a forecast to the nearest close
    ("now expects operating profit of 30 billion yen in the year to March", "2019-11-06", ["FY2020"]),
    ("net profit for the year ended March 31", "2019-11-06", ["FY2019"]),
    ("a forecast for the fiscal year ending February", "2023-04-10", ["FY2024"]),
    ("net profit for the year ended June 30", "2025-08-20", ["FY2025"]),
    ("it now expects a net profit in the fiscal year through March", "2016-02-26", ["FY2016"]),  # 'through' as 'to'
    ("earnings per share for the half year that ended June would fall", "2020-08-21", ["H1 2020"]),  # a relative
    ("the six months ending June 30", "2025-05-01", ["H1 2025"]),
    # the day written before the month, 'on' or 'period' in between, 'next' before the month
    ("profit for the six months ended 30 June 2023 rose", "2023-07-20", ["H1 2023"]),
    ("for the six-month period ending on September 30, 2024", "2024-11-11", ["H1 2024"]),
    # six months to a month that ends no calendar half: an interim half, relabelled by the earnings reader
    ("for the six months ended 28 February 2025", "2025-04-11", ["H1 2025"]),
    # the day with an ordinal ending, then the year: the year written, not the one from publication
    ("sales for the six months ending June 30th, 2031 could double", "2031-07-20", ["H1 2031"]),
    # a whole year named 'full financial year': the year just closed, as 'full year' is
    ("a loss of 4 billion pesos for the full financial year", "2030-01-22", ["FY2029"]),
    # a year or a part closing at a month's end written 'end-September', 'to-end March', 'the end of June'
    ("earnings per share for the year to end-September rose 8%", "2031-11-14", ["FY2031"]),
    ("sales for the year to-end March fell", "2031-05-02", ["FY2031"]),
    ("profit for the six months to the end of June doubled", "2031-07-25", ["H1 2031"]),
    # a brief's part code with its year written 'FY 2031' apart: that part of the year, one period
    ("* Sees Q3 FY 2031 net profit to rise by 20 percent", "2031-10-02", ["Q3 2031"]),
    ("* Sees H1 FY 2031 net loss of 5 million yuan", "2031-07-02", ["H1 2031"]),
    ("net profit for the year ending next March", "2023-11-01", ["FY2024"]),
    # a fiscal year named by the year it starts, closing in the next: the year it closes in names it
    ("its forecast for fiscal 2025 ending next March", "2025-09-12", ["FY2026"]),
    ("its forecast for fiscal 2016 ending March 2017", "2016-05-10", ["FY2017"]),
    ("its forecast for fiscal 2025 ending June", "2025-02-10", ["FY2025"]),
    # six months to September, nine to December: a fiscal year closing in March
    ("losses for the six months to 30 September 2022", "2022-10-21", ["H1 2022"]),
    ("the nine months ended December 31, 2016", "2017-02-03", ["9M2016"]),
    ("sales for the first six months of the year fell", "2016-07-31", ["H1 2016"]),
    # the first three months of a year are its first quarter, as the first six are its half
    ("operating profit for the first three months of 2031 rose", "2031-04-07", ["Q1 2031"]),
    ("sales in the first 3 months of the year fell", "2031-04-20", ["Q1 2031"]),
]

MONTH_SPANS = [
    # whole months from one to another name a quarter, a half or nine months by their count and last month
    ("operating profit fell 78% in the July-September quarter", "2019-11-06", ["Q3 2019"]),
    ("profit likely rose 16.1 percent in April-June, the company said", "2018-07-06", ["Q2 2018"]),
    ("For the April-December period, net profit rose", "2017-02-03", ["9M2016"]),
    ("sales in the January to June period", "2024-08-01", ["H1 2024"]),
    # 'between' one month 'and' another is a span too
    ("it sees earnings between January and September rising", "2022-10-12", ["9M2022"]),
    ("turnover between April and June 2021 slipped", "2021-08-02", ["Q2 2021"]),
    # the first three months are the first quarter; a counted span before a results noun starts with the year
    ("margins for the first three months of 2019 widened", "2019-04-20", ["Q1 2019"]),
    ("a warning that nine-month earnings would shrink", "2023-10-20", ["9M2023"]),
    ("it flagged lower six-month sales", "2024-07-15", ["H1 2024"]),
    # 'last quarter' is the calendar quarter closed last before publication
    ("operating income for the last quarter missed forecasts", "2022-01-09", ["Q4 2021"]),
    ("margins narrowed in the previous quarter", "2023-08-03", ["Q2 2023"]),
    # 'the current quarter' is the one running in a forecast, else the one just reported
    ("it expects sales for the current quarter of about $4 billion", "2023-08-03", ["Q3 2023"]),
    ("it reported sales of $4 billion in the current quarter", "2023-08-03", ["Q2 2023"]),
    # a year to 'next' March is still to end: the fiscal year closing in the March after publication
    ("income for the twelve months to the end of next March", "2021-09-02", ["FY2022"]),
    # spans that make no reporting period, and single months, are none
    ("the impact of the epidemic from March to May 2022", "2022-08-15", []),
    ("shares traded from July 1 to September 30", "2025-10-01", []),
    # 'between' two months of other things, and a counted span that is no results period, are none
    ("choose a day between June and August for the vote", "2025-05-01", []),
    ("the stock hit a six-month high", "2025-05-01", []),
    ("its best run in the past quarter-century", "2025-05-01", []),
]


@pytest.mark.parametrize("text, published, expected", MONTH_SPANS, ids=[c[0][:40] for c in MONTH_SPANS])
def test_spans_of_whole_months(text: str, published: str, expected: list[str]) -> None:
    import datetime as _dt

    assert [p.item for p in find_periods(text, _dt.date.fromisoformat(published))] == expected


@pytest.mark.parametrize("text, published, expected", FISCAL_YEARS, ids=[c[0][:40] for c in FISCAL_YEARS])
def test_fiscal_years_closing_in_a_named_month(text: str, published: str, expected: list[str]) -> None:
    import datetime as _dt

    assert [p.item for p in find_periods(text, _dt.date.fromisoformat(published))] == expected


FORECAST_YEARS = [
    # a forecast of the year without its number: the year just closed in the season of annual previews
    ("expects full-year profit to rise", "2024-02-10", ["FY2023"]),
    ("Moutai expects annual net profit to rise about 19%", "2024-01-02", ["FY2023"]),
    # later, the year running
    ("Lufthansa cut its full-year profit forecast", "2019-06-17", ["FY2019"]),
    ("expects operating profit in the year to March", "2020-08-05", ["FY2021"]),
    ("expects operating profit in the year to March", "2020-05-12", ["FY2020"]),
    # twelve months to a month: a fiscal year
    ("For the 12 months to March 2022, JAL swung to a loss", "2021-10-29", ["FY2022"]),
    ("expects profit in the 12 months to March", "2021-10-29", ["FY2022"]),
]


@pytest.mark.parametrize(
    "text, published, expected", FORECAST_YEARS, ids=[f"{c[0][:36]} ({c[1]})" for c in FORECAST_YEARS]
)
def test_the_year_a_forecast_is_of(text: str, published: str, expected: list[str]) -> None:
    import datetime as _dt

    assert [p.item for p in find_periods(text, _dt.date.fromisoformat(published))] == expected
