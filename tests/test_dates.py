"""Table-driven tests for extractor.facts.dates: spans, values, kinds and the year-choice rule."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extractor.facts.dates import FUTURE_DAYS_WINDOW, ResolvedDate, find_dates, resolve_date

P = date(2026, 2, 10)  # a Tuesday
OCT31 = date(2025, 10, 31)
FEB26 = date(2025, 2, 26)
JAN13 = date(2026, 1, 13)


def _check(text: str, published: date | None, expected: list[tuple[str, str, str]]) -> None:
    """find_dates gives exactly `expected` (text, value, kind), in order, at the right offsets."""
    found = find_dates(text, published)
    got = [(x.item.text, x.item.value, x.item.kind) for x in found]
    assert got == expected
    pos = 0
    for loc in found:
        assert isinstance(loc.item, ResolvedDate)
        assert text[loc.start : loc.end] == loc.item.text
        assert loc.start == text.find(loc.item.text, pos)
        pos = loc.end


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # month-name dates
        ("On February 8, Innovent announced a deal", P, [("February 8", "2026-02-08", "day")]),
        ("signed on Feb 8 with Lilly", P, [("Feb 8", "2026-02-08", "day")]),
        ("dated Feb. 8, 2026.", P, [("Feb. 8, 2026", "2026-02-08", "day")]),
        ("on 8 February 2026", None, [("8 February 2026", "2026-02-08", "day")]),
        # a day, a month's name and a year joined by dashes
        ("expects (8-Feb-2026) to report", None, [("8-Feb-2026", "2026-02-08", "day")]),
        ("opened on April 24th with", date(2025, 4, 24), [("April 24th", "2025-04-24", "day")]),
        ("the 8th of February", P, [("8th of February", "2026-02-08", "day")]),
        ("Sept. 30, 2025 was", P, [("Sept. 30, 2025", "2025-09-30", "day")]),
        ("Oct 31", OCT31, [("Oct 31", "2025-10-31", "day")]),
        ("cls.cn ·  Feb 26 09:01", FEB26, [("Feb 26 09:01", "2025-02-26", "day")]),
        ("On the evening of January 12, a leading company", JAN13, [("January 12", "2026-01-12", "day")]),
        (
            "Monday, February 9 and February 9 (Monday)",
            P,
            [("Monday, February 9", "2026-02-09", "day"), ("February 9 (Monday)", "2026-02-09", "day")],
        ),
        # months and years
        ("In January, CSPC entered a collaboration", P, [("January", "2026-01", "month")]),
        ("in January 2026 the index", None, [("January 2026", "2026-01", "month")]),
        ("revised in August 2025 to exclude", OCT31, [("August 2025", "2025-08", "month")]),
        ("In 2025, over 70% of companies", P, [("2025", "2025", "year")]),
        ("momentum seen in 2025, with", None, [("2025", "2025", "year")]),
        ("by mid-2025 and in early 2024", P, [("2025", "2025", "year"), ("2024", "2024", "year")]),
        ("in mid-January", P, [("January", "2026-01", "month")]),
        ("for the first time since mid-January", P, [("January", "2026-01", "since")]),
        ("2025年 was busy", None, [("2025年", "2025", "year")]),
        # numeric
        (
            "on 2026-01-12 and 2026/01/12",
            None,
            [("2026-01-12", "2026-01-12", "day"), ("2026/01/12", "2026-01-12", "day")],
        ),
        ("surged yesterday (10/30).", OCT31, [("yesterday", "2025-10-30", "day"), ("10/30", "2025-10-30", "day")]),
        ("Source: Industrial Securities, 10/26/2025, report", None, [("10/26/2025", "2025-10-26", "day")]),
        ("on 30/10/2025 in London", None, [("30/10/2025", "2025-10-30", "day")]),
        ("closed 10/30/25 higher", None, [("10/30/25", "2025-10-30", "day")]),
        ("on 8/1 the fund", OCT31, [("8/1", "2025-08-01", "day")]),
        # Chinese
        ("2025年10月30日发布", None, [("2025年10月30日", "2025-10-30", "day")]),
        ("10月30日收盘", OCT31, [("10月30日", "2025-10-30", "day")]),
        ("2025年10月", None, [("2025年10月", "2025-10", "month")]),
        ("昨天上涨", OCT31, [("昨天", "2025-10-30", "day")]),
        # relative
        (
            "yesterday, today and this morning",
            P,
            [("yesterday", "2026-02-09", "day"), ("today", "2026-02-10", "day"), ("this morning", "2026-02-10", "day")],
        ),
        ("opened strong in early trading today", OCT31, [("today", "2025-10-31", "day")]),
        (
            "three days ago and 2 weeks ago",
            P,
            [("three days ago", "2026-02-07", "day"), ("2 weeks ago", "2026-01-27", "day")],
        ),
        ("up from last year", P, [("last year", "2025", "since")]),  # a comparison base: no event date
        ("cut the RRR by 50 basis points from January 6", P, [("January 6", "2026-01-06", "since")]),
        ("the rules take effect with effect from March 1", P, [("March 1", "2026-03-01", "since")]),
        ("Effective on February 2, the cap doubles", P, [("February 2", "2026-02-02", "since")]),
        ("since last month", P, [("last month", "2026-01", "since")]),
        # weekdays (published Tuesday 2026-02-10)
        ("shares rose on Monday", P, [("Monday", "2026-02-09", "day")]),
        ("shares rose Tuesday", P, [("Tuesday", "2026-02-10", "day")]),
        ("since last Friday", P, [("last Friday", "2026-02-06", "since")]),
        ("last Tuesday", P, [("last Tuesday", "2026-02-03", "day")]),
        ("this Friday", P, [("this Friday", "2026-02-13", "day")]),
        ("next Monday", P, [("next Monday", "2026-02-16", "day")]),
        # ranges
        (
            "since August 2025 (8/1/2025–10/30/2025), with",
            OCT31,
            [
                ("August 2025", "2025-08", "since"),
                ("8/1/2025", "2025-08-01", "range_start"),
                ("10/30/2025", "2025-10-30", "range_end"),
            ],
        ),
        (
            "in October (10/1–10/30)",
            OCT31,
            [
                ("October", "2025-10", "month"),
                ("10/1", "2025-10-01", "range_start"),
                ("10/30", "2025-10-30", "range_end"),
            ],
        ),
        (
            "ESMO Congress (10/17–10/21/2025)",
            None,
            [("10/17", "2025-10-17", "range_start"), ("10/21/2025", "2025-10-21", "range_end")],
        ),
        (
            "held from January 12 to 15.",
            JAN13,
            [("January 12", "2026-01-12", "range_start"), ("15", "2026-01-15", "range_end")],
        ),
        (
            "From October 16 to 17, five deals",
            OCT31,
            [("October 16", "2025-10-16", "range_start"), ("17", "2025-10-17", "range_end")],
        ),
        (
            "January 12-15, 2026",
            None,
            [("January 12", "2026-01-12", "range_start"), ("15, 2026", "2026-01-15", "range_end")],
        ),
        (
            "12-15 January 2026",
            None,
            [("12", "2026-01-12", "range_start"), ("15 January 2026", "2026-01-15", "range_end")],
        ),
        (
            "December 28 to January 3, 2026",
            None,
            [("December 28", "2025-12-28", "range_start"), ("January 3, 2026", "2026-01-03", "range_end")],
        ),
        ("between 2024 and 2025", None, [("2024", "2024", "range_start"), ("2025", "2025", "range_end")]),
        # two close days of one month linked by 'and': a span; two days further apart: two days
        (
            "its board met on March 9 and 10, 2026 to",
            None,
            [("March 9", "2026-03-09", "range_start"), ("10, 2026", "2026-03-10", "range_end")],
        ),
        (
            "talks on 4 & 5 October",
            OCT31,
            [("4", "2025-10-04", "range_start"), ("5 October", "2025-10-05", "range_end")],
        ),
        ("votes on June 2 and 19, 2025", None, [("June 2", "2025-06-02", "day"), ("19, 2025", "2025-06-19", "day")]),
        ("on 8 and 9 percent of it", OCT31, []),
        # roles
        ("as of 12/31/2024, the fund size", OCT31, [("12/31/2024", "2024-12-31", "as_of")]),
        ("as of the week ending February 23, the PE", FEB26, [("February 23", "2025-02-23", "week_ending")]),
        ("for the six months ended June 30, 2025, compared", OCT31, [("June 30, 2025", "2025-06-30", "period_end")]),
        ("for the year ending December 31, 2025", OCT31, [("December 31, 2025", "2025-12-31", "period_end")]),
        ("in the quarter ended September 30", OCT31, [("September 30", "2025-09-30", "period_end")]),
        ("for the six months to June 30, 2025", OCT31, [("June 30, 2025", "2025-06-30", "period_end")]),
        ("the fund ended October 30 down 2%", OCT31, [("October 30", "2025-10-30", "day")]),
        ("a loss in the financial year ended in June.", OCT31, [("June", "2025-06", "period_end")]),
        ("sales up 4% in the month ended July 20, while", OCT31, [("July 20", "2025-07-20", "period_end")]),
        # the close of a span of days: 'leading up to' a day
        ("gained 3% in the ten days leading up to October 17", OCT31, [("October 17", "2025-10-17", "period_end")]),
        ("Since the beginning of 2026, several drugs", JAN13, [("2026", "2026", "since")]),
        ("Since entering 2025, there have been", FEB26, [("2025", "2025", "since")]),
        ("since the beginning of April, over 400", date(2025, 4, 24), [("April", "2025-04", "since")]),
        # a day of the month alone: the latest such day on or before publication
        ("On the 7th, Samsung announced", date(2022, 1, 23), [("7th", "2022-01-07", "day")]),
        ("said on the 25th that it had signed", date(2022, 1, 23), [("25th", "2021-12-25", "day")]),
        ("on the afternoon of the 21st, when", date(2022, 1, 23), [("21st", "2022-01-21", "day")]),
        ("its office on the 2nd floor", P, []),
        ("in the 21st century", P, []),
        # year choice around New Year and the future window
        ("December 30", date(2026, 1, 5), [("December 30", "2025-12-30", "day")]),
        ("January 3", date(2025, 12, 30), [("January 3", "2026-01-03", "day")]),
        ("December 30", P, [("December 30", "2025-12-30", "day")]),
        ("March 15", P, [("March 15", "2026-03-15", "day")]),
        ("April 12", P, [("April 12", "2026-04-12", "day")]),  # 61 days ahead: allowed
        ("April 13", P, [("April 13", "2025-04-13", "day")]),  # 62 days ahead: last year
        ("February 29", date(2025, 3, 10), [("February 29", "2024-02-29", "day")]),
        ("In December, sales", date(2026, 1, 5), [("December", "2025-12", "month")]),
        ("In January, sales", date(2025, 12, 30), [("January", "2026-01", "month")]),
        ("In March, sales", P, [("March", "2026-03", "month")]),
        ("In April, sales", P, [("April", "2025-04", "month")]),
        ("In February, sales", P, [("February", "2026-02", "month")]),
        # no publication date: partial and relative dates stay unresolved
        ("On February 8, Innovent", None, []),
        ("surged yesterday (10/30)", None, []),
        ("shares rose on Monday", None, []),
        # a filing's day with hyphens
        ("the board met (7-Sep-2025) to approve", P, [("7-Sep-2025", "2025-09-07", "day")]),
        ("notice of 21-Nov-24 on the bond", P, [("21-Nov-24", "2024-11-21", "day")]),
        ("the 3-4 May window", P, [("3", "2025-05-03", "range_start"), ("4 May", "2025-05-04", "range_end")]),
        # a range whose first day a comma closes ('from March 1, 2024, to May 31, 2024')
        (
            "covering March 1, 2024, to May 31, 2024 in all",
            P,
            [("March 1, 2024", "2024-03-01", "range_start"), ("May 31, 2024", "2024-05-31", "range_end")],
        ),
        ("it closed on March 1, to the surprise of many", P, [("March 1", "2026-03-01", "day")]),
        ("In January, CSPC", None, []),
        # not dates
        ("a deal worth up to $8.85 billion", P, []),
        ("climbed as much as 3.86% and 15.84%", P, []),
        ("ETF 520880 and (159137) and INNOVENT BIO (01801.HK)", P, []),
        ("48 Innovative Drugs were approved", P, []),
        ("intraday T+0 trading", P, []),
        ("reclaiming its 20-day moving average", P, []),
        ("funding in Q3 2025 rose", P, []),
        ("its 2025 earnings pre-announcement", P, []),
        ("the first half of 2025 and the first three quarters of 2024", P, []),
        ("2025年上半年 and 2025年度", P, []),
        ("the 2025 national medical insurance negotiations", P, []),
        ("RMB 1.641 billion, up 102.65% year-on-year", P, []),
        ("1/3 of the market, open 24/7", P, []),
        ("the sector may persist and march on", P, []),
        ("In March 2 billion yuan flowed in", P, [("March", "2026-03", "month")]),
        ("compared to the same period last year", P, []),
        ("the 44th J.P. Morgan Healthcare Conference", P, []),
        ("Black Friday sales", P, []),
        ("", P, []),
    ],
)
def test_find_dates(text: str, published: date | None, expected: list[tuple[str, str, str]]) -> None:
    _check(text, published, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SHARES ROSE ON FEBRUARY 5", [("FEBRUARY 5", "2026-02-05", "day")]),
        ("shares rose on february 5", [("february 5", "2026-02-05", "day")]),
        # letters that lower-case to two characters, or that a case-blind match reads as ASCII ones
        ("İstanbul listing on February 5", [("February 5", "2026-02-05", "day")]),
        ("the \u212aelvin fund fell yesterday", [("yesterday", "2026-02-09", "day")]),
        ("ſome said on September 5, 2025", [("September 5, 2025", "2025-09-05", "day")]),
        # ... and the words matched are read as the match read them (tests/test_casefold.py)
        ("shares fell yeſterday", [("yeſterday", "2026-02-09", "day")]),
        ("shares fell on FRİDAY", [("FRİDAY", "2026-02-06", "day")]),
        ("laſt Friday", [("laſt Friday", "2026-02-06", "day")]),
        ("3 dayſ ago", [("3 dayſ ago", "2026-02-07", "day")]),
        ("ſince March 2025", [("March 2025", "2025-03", "since")]),
        # characters beyond the Basic Multilingual Plane; digits int() cannot read make no date
        ("\U0001f4c8 ETF up 3% on February 5", [("February 5", "2026-02-05", "day")]),
        ("on 2\U00016130/5", []),
        ("in 20\U00016130\U00016131", []),
        ("Mondays and Fridays", []),
    ],
)
def test_find_dates_whatever_the_case_and_script_of_the_sentence(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    _check(text, P, expected)


@pytest.mark.parametrize(
    ("span", "published", "expected"),
    [
        ("February 8", P, "2026-02-08"),
        ("on Feb 8", P, "2026-02-08"),
        ("January", P, "2026-01"),
        ("2025", None, "2025"),
        ("since August 2025", None, "2025-08"),
        ("the week ending February 23", FEB26, "2025-02-23"),
        ("10/30", OCT31, "2025-10-30"),
        ("yesterday", datetime(2025, 10, 31, 9, 30), "2025-10-30"),
        ("next Tuesday", P, "2026-02-17"),
        ("January 12 to 15", JAN13, "2026-01-12"),
        ("February 8", None, None),
        ("$8.85 billion", P, None),
        ("3.86%", P, None),
        ("Q3 2025", P, None),
        ("520880", P, None),
        # off the ends of the calendar: no date, and no crash
        ("yesterday", date(1, 1, 1), None),
        ("last Friday", date(1, 1, 1), None),
        ("tomorrow", date(9999, 12, 31), None),
    ],
)
def test_resolve_date(span: str, published: date | None, expected: str | None) -> None:
    assert resolve_date(span, published) == expected


def test_future_window_constant() -> None:
    assert FUTURE_DAYS_WINDOW == 61


@pytest.mark.parametrize(
    ("text", "gated"),
    [
        ("the merger closed the day before yesterday", ["the", "yesterday"]),
        ("the firm said the board met", []),
        ("a week ago shares rose", ["a"]),
        ("a rise of two points", []),
        ("on Monday it said", ["monday"]),
        ("last month and the past Friday", ["last", "past", "friday"]),
        ("the past quarter was weak", []),
        ("earlier today it fell", ["earlier", "today"]),
    ],
)
def test_date_gate_offers_only_words_a_date_can_start_at(text: str, gated: list[str]) -> None:
    from extractor.facts.dates import _GATE_LOWER_RE, _GATE_RE

    for gate in (_GATE_RE, _GATE_LOWER_RE):
        assert [m.group().lower() for m in gate.finditer(text.lower())] == gated


@pytest.mark.parametrize(
    "text",
    [
        "The Day Before Yesterday the deal closed",
        "It fell A Week Ago",
        "This Coming Friday is the vote",
        "results due next\u00a0Tuesday",
    ],
)
def test_date_gate_keeps_every_date(text: str) -> None:
    from extractor.facts.dates import _DATE_RE, _GATE_RE
    from extractor.facts.gated import scan

    assert [m.group() for m in scan(_DATE_RE, _GATE_RE, text)] == [m.group() for m in _DATE_RE.finditer(text)]
