"""Earnings previews: per-share figures written in minor units alone, previews no sentence dates and reaction days,
profits that fell below zero."""

from __future__ import annotations

import pytest


def _per_share(extractor, text: str, published: str) -> list[tuple[object, object, list[tuple[object, ...]]]]:
    return sorted(
        (
            (
                e.company,
                e.period,
                sorted(
                    (m.metric, round(m.value.value, 4) if m.value else None, m.value.currency if m.value else None)
                    for m in e.metrics
                ),
            )
            for e in extractor.extract(text, published=published)
            if e.event_type == "earnings_preview"
        ),
        key=str,
    )


MINOR_UNITS = [
    # a South African trading statement: its cents are the rand's, a range of them one range
    (
        "JSE-listed Impala Platinum said on Monday that its earnings per share for the six months ending "
        "30 June 2023 are expected to be between 812.40 cents and 866.10 cents.",
        "2023-07-10",
        [("Impala Platinum", "H1 2023", [("eps", 8.3925, "ZAR")])],
    ),
    # a decimal comma, and a loss per share
    (
        "Johannesburg-based Harmony Gold expects a loss per share of 46,5 cents for the year ended 30 June 2024.",
        "2024-07-22",
        [("Harmony Gold", "FY2024", [("eps", -0.465, "ZAR")])],
    ),
    # an American company's cents are the dollar's
    (
        "General Mills expects fourth-quarter earnings per share of 88 cents, the company said on Tuesday.",
        "2024-01-09",
        [("General Mills", "Q4 2023", [("eps", 0.88, "USD")])],
    ),
    # headline earnings per share is a measure of its own, not the EPS
    (
        "Sasol, listed in Johannesburg, expects headline earnings per share for the year ended "
        "30 June 2022 to be at least 410 cents.",
        "2022-08-01",
        [("Sasol", "FY2022", [("heps", 4.1, "ZAR")])],
    ),
]


@pytest.mark.parametrize("text, published, expected", MINOR_UNITS, ids=["rand range", "comma", "dollar", "headline"])
def test_per_share_figures_in_cents(extractor, text: str, published: str, expected) -> None:
    assert _per_share(extractor, text, published) == expected


def test_cents_of_a_share_price_are_no_metric(extractor) -> None:
    text = (
        "Brightline Foods expects fourth-quarter revenue of $2.1 billion, and its shares rose 45 cents to $31.20 "
        "in early trading."
    )
    assert _per_share(extractor, text, "2024-01-09") == [("Brightline Foods", "Q4 2023", [("revenue", 2.1e9, "USD")])]


UNDATED = [
    # no day in the article: a preview told as the news is of the publication day
    (
        "Brightline Foods expects fourth-quarter revenue of $2.1 billion, above the $1.9 billion of a year earlier.",
        "2024-01-09",
        "2024-01-09",
    ),
    # a day the text gives still wins
    (
        "Brightline Foods said on Friday it expects fourth-quarter revenue of $2.1 billion.",
        "2024-01-09",
        "2024-01-05",
    ),
]


def test_an_undated_preview_is_still_read_as_undated_by_the_confidence(extractor) -> None:
    text = "Brightline Foods expects fourth-quarter revenue of $2.1 billion."
    undated = [e for e in extractor.extract(text, published="2024-01-09") if e.event_type == "earnings_preview"]
    assert [e._signals["dated"] for e in undated] == [0.0]


REACTION_DAYS = [
    # the day shares reacted is not the day of the news they reacted to: the statement's day is
    (
        "Shares in Lufthansa fell 9% on Tuesday after the airline issued a statement. In the statement, released "
        "late on Monday, the group said demand had slowed. Lufthansa now expects operating profit of 2.2 billion "
        "euros for 2024.",
        "2024-05-15",
        "2024-05-13",
    ),
    # a day told as the news's own still dates it
    (
        "Lufthansa said on Monday that demand had slowed. Lufthansa now expects operating profit of 2.2 billion "
        "euros for 2024.",
        "2024-05-14",
        "2024-05-13",
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    [*UNDATED, *REACTION_DAYS],
    ids=["undated: publication day", "undated: day written", "reaction first", "report day"],
)
def test_the_day_of_a_preview(extractor, text: str, published: str, expected) -> None:
    """An undated preview is the news of the publication day; a day shares reacted on is not the news's day."""
    dates = [e.event_date for e in extractor.extract(text, published=published) if e.event_type == "earnings_preview"]
    assert dates == [expected]


BELOW_ZERO = [
    # a profit written by its size that fell by more than all of it is a loss
    (
        "Guangxi Hog Farming expects net profit attributable to shareholders of 1.2 billion to 1.5 billion yuan for "
        "the first half of 2024, a decrease of 150% to 180% from a year earlier.",
        -1.35e9,
    ),
    # a fall of less than all of it leaves a profit
    (
        "Guangxi Hog Farming expects net profit attributable to shareholders of 1.2 billion to 1.5 billion yuan for "
        "the first half of 2024, a decrease of 50% to 60% from a year earlier.",
        1.35e9,
    ),
]


@pytest.mark.parametrize("text, value", BELOW_ZERO, ids=["fell below zero", "fell"])
def test_a_profit_that_fell_by_more_than_all_of_it_is_a_loss(extractor, text: str, value: float) -> None:
    [event] = [e for e in extractor.extract(text, published="2024-07-12") if e.event_type == "earnings_preview"]
    assert [m.value.value for m in event.metrics if m.metric == "net_profit"] == [pytest.approx(value)]
