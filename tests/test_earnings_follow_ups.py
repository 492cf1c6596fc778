"""Earnings previews: figures told around the results sentence (a change before its metric, a paragraph or a sentence
that goes on about the figures before it, a figure per share), one short case a line."""

from __future__ import annotations

import pytest
from readers import earnings_previews

from extractor.events.earnings_preview.recognizer import _anchor

PARAGRAPHS_THAT_GO_ON = [
    # a paragraph of its own that opens with a metric and names no company goes on about the results before it
    (
        "LG Electronics Inc. said on Thursday its third-quarter operating profit would be about 750 billion won, a "
        "rise of 8.4 percent on a year earlier.\n\nRevenue fell 3.5 percent to 20.1 trillion won.",
        "2023-10-05",
        [("LG Electronics Inc.", "Q3 2023", [("operating_profit", 7.5e11, 8.4), ("revenue", 2.01e13, -3.5)])],
    ),
    # a paragraph that names another company is its own
    (
        "LG Electronics Inc. said on Thursday its third-quarter operating profit would be about 750 billion won, a "
        "rise of 8.4 percent on a year earlier.\n\nSamsung Electronics said third-quarter revenue fell 3.5 percent "
        "to 67 trillion won.",
        "2023-10-05",
        [
            ("LG Electronics Inc.", "Q3 2023", [("operating_profit", 7.5e11, 8.4)]),
            ("Samsung Electronics", "Q3 2023", [("revenue", 6.7e13, -3.5)]),
        ],
    ),
]


@pytest.mark.parametrize("text, published, expected", PARAGRAPHS_THAT_GO_ON, ids=["metric opens", "company named"])
def test_a_paragraph_opening_with_a_metric_goes_on(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


EARNINGS_PER_SHARE = [
    # 'earnings' own a figure per share only: earnings per share
    (
        "Eli Lilly now sees 2024 earnings of $12.20 to $12.70 per share, on revenue of $42.4 billion to $43.6 billion.",
        "2024-04-30",
        [("Eli Lilly", "FY2024", [("eps", 12.45, None), ("revenue", 4.3e10, None)])],
    ),
    (
        "Agrium sees 2015 profit $6.00-$7.50/shr.",
        "2015-02-10",
        [("Agrium", "FY2015", [("eps", 6.75, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", EARNINGS_PER_SHARE, ids=["range per share", "/shr"])
def test_earnings_per_share(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


ANCHORS = [
    # where a clause's first metric stands: not at 'earnings' (read per share only) when another metric follows
    ([(3, 11, "earnings"), (140, 147, "revenue")], 140),
    ([(0, 8, "earnings")], 0),
    ([(0, 7, "revenue"), (20, 28, "earnings")], 0),
    ([], None),
]


@pytest.mark.parametrize("hits, expected", ANCHORS, ids=["earnings then revenue", "earnings alone", "revenue", "none"])
def test_the_first_metric_of_a_clause(hits, expected) -> None:
    assert _anchor(hits) == expected


def test_earnings_not_per_share_are_no_metric(extractor) -> None:
    text = "Sony expects earnings of 500 billion yen for the year ending March 2025."
    assert all(m[0] != "earnings" for _, _, ms in earnings_previews(extractor, text, "2024-05-14") for m in ms)


SUBJECTS_REPORTING_AFTER = [
    # 'the company said' after the figures: the subject the article named
    (
        "Norwegian Cruise Line Holdings Ltd. lifted its forecast for the year.\n\nEarnings are now expected to be "
        "about $1.60 per share, against $1.50 per share before, the company said on Tuesday.",
        "2024-08-01",
        [("Norwegian Cruise Line Holdings", "FY2024", [("eps", 1.6, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", SUBJECTS_REPORTING_AFTER, ids=["the company said"])
def test_the_subject_reporting_after_the_figures(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


REFERRING_CHANGES = [
    # 'This represents growth of 13%': a sentence that refers back gives the change of the figure just read
    (
        "Jumbo Interactive expects first-half net profit of $21.5 million. This represents growth of 18% on the "
        "prior corresponding period.",
        "2020-12-08",
        [("Jumbo Interactive", "H1 2020", [("net_profit", 2.15e7, 18.0)])],
    ),
    (
        "JSE Limited expects headline earnings per share for the six months ending June 2021 of between 600 cents "
        "and 660 cents. This is between 10% and 20% higher than the 550 cents of the same period a year before.",
        "2021-07-20",
        [("JSE Limited", "H1 2021", [("heps", 6.3, 15.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", REFERRING_CHANGES, ids=["this represents", "this is lower"])
def test_a_sentence_referring_back_gives_the_change(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


MULTIPLES = [
    # a change written as a multiple or a fraction: 'halved' is -50%, 'tripled' +200%
    (
        "Pioneer Foods said on Monday that it expects HEPS for the year to end-September 2018 to have halved.",
        "2018-10-22",
        [("Pioneer Foods", "FY2018", [("heps", None, -50.0)])],
    ),
    (
        "Great Wall Motor said its first-half net profit tripled to 2.83 billion yuan.",
        "2021-07-20",
        [("Great Wall Motor", "H1 2021", [("net_profit", 2.83e9, 200.0)])],
    ),
    # a bound before the word tells no figure of the change
    (
        "Great Wall Motor said its first-half net profit more than tripled to 2.83 billion yuan.",
        "2021-07-20",
        [("Great Wall Motor", "H1 2021", [("net_profit", 2.83e9, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", MULTIPLES, ids=["halved", "tripled", "more than tripled"])
def test_a_change_written_as_a_multiple(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected
