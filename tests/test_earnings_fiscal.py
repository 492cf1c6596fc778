"""Parts of fiscal years that close in another month than December, labelled by the fiscal year."""

from __future__ import annotations

import datetime as dt

import pytest
from readers import previews

from extractor.datafiles import TableError, checked
from extractor.events.earnings_preview.fiscal import part_close, relabel
from extractor.tables import CompanyRow

RELABEL = [
    # a part named by its months: the fiscal part that ends then
    ("H1 2024", "six months ended 30 September 2024", 3, "2024-11-28", "H1 FY2024/25"),
    ("Q4 2018", "quarter ended December 29", 9, "2019-01-03", "Q1 FY2018/19"),
    ("9M2016", "nine months ended December 31, 2016", 3, "2017-02-02", "9M FY2016/17"),
    ("Q1 2024", "January-March", 3, "2024-04-20", "Q4 FY2023/24"),
    # months that end no part of that size: left as they are
    ("Q2 2024", "quarter ended June 30", 4, "2024-07-20", None),
    # a part named by its rank: that part of the fiscal year whose part ends nearest publication
    ("H1 2016", "first half", 3, "2016-09-28", "H1 FY2016/17"),
    ("Q3 2012", "fiscal third quarter", 9, "2012-06-26", "Q3 FY2011/12"),
    ("H1 2024", "first-half", 6, "2024-02-08", "H1 FY2023/24"),
    ("FY2023", "full-year", 3, "2023-11-01", "FY2024"),
    # a year written beside the rank: the company's own numbering, left as written
    ("H1 2024", "first half of 2024", 3, "2024-08-01", None),
    ("FY2016", "fiscal 2016", 3, "2017-02-02", None),
    ("H1 2025", "1H2025", 3, "2025-11-10", None),
    # a year named by its closing month: the rules label it already
    ("FY2022", "year ended March 31, 2022", 3, "2022-06-21", None),
]


@pytest.mark.parametrize(
    "label, written, close, published, expected", RELABEL, ids=[f"{c[1]} ({c[2]})" for c in RELABEL]
)
def test_a_calendar_label_as_the_company_s_fiscal_part(
    label: str, written: str, close: int, published: str, expected: str | None
) -> None:
    assert relabel(label, written, close, dt.date.fromisoformat(published)) == expected


@pytest.mark.parametrize(
    "label, close, expected",
    [
        ("H1 FY2024/25", 3, "2024-09-30"),
        ("Q3 FY2011/12", 9, "2012-06-30"),
        ("9M FY2016/17", 3, "2016-12-31"),
        ("H2 FY2025/26", 3, "2026-03-31"),
        ("H1 2025", 3, None),
    ],
)
def test_the_close_of_a_fiscal_part(label: str, close: int, expected: str | None) -> None:
    found = part_close(label, close)
    assert (found.isoformat() if found else None) == expected


PREVIEWS = [
    # the gazetteer knows the company's year runs to March
    (
        "Toyota Motor expects first-half operating profit to rise 20% to 1.5 trillion yen.",
        "2023-08-01",
        [("Toyota Motor", "H1 FY2023/24")],
    ),
    # a company with a calendar year keeps the calendar half
    (
        "Harbor Foods Holdings expects first-half net profit to rise 30% to 40%.",
        "2024-07-10",
        [("Harbor Foods Holdings", "H1 2024")],
    ),
    # the article says when the company's year closes: a quarter named by its rank and its closing month
    (
        "Orchid Lifting Services said the group expects to post a net loss in its second quarter ended Dec 31, 2016.",
        "2017-01-27",
        [("Orchid Lifting Services", "Q2 FY2016/17")],
    ),
    (
        "Kestrel Builders Limited expects to post a net loss in the third quarter ended March 31, the "
        "builder said on Friday.",
        "2019-05-10",
        [("Kestrel Builders Limited", "Q3 FY2018/19")],
    ),
    # a half year that closes in June is no fiscal year closing in June
    (
        "Harbor Foods Holdings expects to post a net loss for its half year ended 30 June 2025.",
        "2025-08-01",
        [("Harbor Foods Holdings", "H1 2025")],
    ),
    # six months to a month that closes no calendar half: the interim half of a year closing six months later, read
    # from a heading line above the figures
    (
        "TRADING UPDATE FOR THE SIX MONTHS ENDED 31 AUGUST 2024\n\nHarbor Quarries Limited expects earnings per "
        "share to be between 110 cents and 120 cents, up between 5% and 15%.",
        "2024-09-26",
        [("Harbor Quarries Limited", "H1 FY2024/25")],
    ),
    # a half of a fiscal year named by its number, the calendar half not yet closed: a half of a split year
    (
        "Harbor Energy Traders Ltd warned that net profit for the first half of FY 2025 would be 40% lower than a "
        "year earlier.",
        "2024-12-18",
        [("Harbor Energy Traders Ltd", "H1 FY2024/25")],
    ),
    # the same words after the calendar half closed: the calendar half
    (
        "Harbor Plasma Co Ltd sees H1 FY 2025 net profit to rise by 30 percent to 50 percent.",
        "2025-07-08",
        [("Harbor Plasma Co Ltd", "H1 2025")],
    ),
    # six months counted to December: the first half of a year to June, in the sentence that names it and in a
    # later one of the same company that names no period
    (
        "Karoo Platinum expects earnings per share to rise by between 30% and 40% for the six months to "
        "December 31. Karoo Platinum said earnings per share would be about 12 cents.",
        "2024-02-06",
        [("Karoo Platinum", "H1 FY2023/24")],
    ),
    # 'full-year' in January is the year just closed, unless the article reports trading weeks into the new year
    (
        "Brookmoor Flooring now expects full-year profit of between 3 million pounds and 5 million pounds. "
        "In the 9 weeks to 12 January, like-for-like sales at Brookmoor Flooring fell 2.1%.",
        "2019-01-18",
        [("Brookmoor Flooring", "FY2019")],
    ),
    (
        "Brookmoor Flooring now expects full-year profit of between 3 million pounds and 5 million pounds.",
        "2019-01-18",
        [("Brookmoor Flooring", "FY2018")],
    ),
    (
        "Brookmoor Flooring now expects full-year profit of between 3 million pounds and 5 million pounds. "
        "Like-for-like sales at Brookmoor Flooring fell 2.1% in the 16 weeks to 29 December.",
        "2019-01-08",
        [("Brookmoor Flooring", "FY2019")],
    ),
    # fifty-two weeks to the turn of the year are the whole year just closed
    (
        "Brookmoor Flooring now expects full-year profit of between 3 million pounds and 5 million pounds. "
        "Like-for-like sales at Brookmoor Flooring fell 2.1% in the 52 weeks to 29 December.",
        "2019-01-08",
        [("Brookmoor Flooring", "FY2018")],
    ),
    # the article calls the months it names the last of the company's year: the year closes in the last of them
    (
        "Fernhill Apparel said full-year profit would now be about 8 million pounds. Fernhill Apparel expects weak "
        "sales over January and February, the last two months of its fiscal year.",
        "2019-12-10",
        [("Fernhill Apparel", "FY2020")],
    ),
    # a warning for 'the fiscal year ending June 30' given in August is of the year just closed
    (
        "Harbour Junket Group warned that it expects to record a loss for its fiscal year ending June 30.",
        "2016-08-12",
        [("Harbour Junket Group", "FY2016")],
    ),
    # with a figure it stays a forecast of the year to come
    (
        "Harbour Junket Group expects revenue of 90 million dollars for its fiscal year ending June 30.",
        "2016-08-12",
        [("Harbour Junket Group", "FY2017")],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    PREVIEWS,
    ids=[
        "year to March",
        "calendar year",
        "second quarter to December",
        "third quarter to March",
        "half to June",
        "six months to August",
        "half of a named fiscal year",
        "half of a named calendar year",
        "six months to December",
        "trading weeks into the new year",
        "full year just closed",
        "trading weeks to the turn of the year",
        "fifty-two weeks to the turn of the year",
        "the final months of its year",
        "warning, year ending just closed",
        "figures, year ending to come",
    ],
)
def test_a_preview_is_labelled_by_the_company_s_fiscal_year(extractor, text: str, published: str, expected) -> None:
    assert previews(extractor, text, published) == expected


@pytest.mark.parametrize("month", [0, 12, 13])
def test_a_fiscal_year_end_is_a_month_other_than_december(month: int) -> None:
    row = {"name": "Harbor Foods", "aliases": [], "tickers": [], "fiscal_year_end": month}
    with pytest.raises(TableError, match="fiscal_year_end"):
        checked(row, CompanyRow, "companies.jsonl")
