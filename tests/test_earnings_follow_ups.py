"""Earnings previews: figures told around the results sentence (a change before its metric, a paragraph or a sentence
that goes on about the figures before it, a figure per share), one short case a line."""

from __future__ import annotations

import pytest

from extractor.events.earnings_preview.recognizer import _anchor


def _previews(extractor, text: str, published: str) -> list[tuple[object, object, list[tuple[str, object, object]]]]:
    return sorted(
        (
            (e.company, e.period, sorted((m.metric, m.value.value if m.value else None, m.yoy_pct) for m in e.metrics))
            for e in extractor.extract(text, published=published)
            if e.event_type == "earnings_preview"
        ),
        key=str,
    )


PARAGRAPHS_THAT_GO_ON = [
    # a paragraph of its own that opens with a metric and names no company goes on about the results before it
    (
        "LG Electronics Inc. on Tuesday estimated its first-quarter operating profit at 1.09 trillion won, up 21.1 "
        "percent from a year earlier.\n\nSales decreased 1.2 percent to 14.72 trillion won.",
        "2020-04-07",
        [("LG Electronics Inc.", "Q1 2020", [("operating_profit", 1.09e12, 21.1), ("revenue", 1.472e13, -1.2)])],
    ),
    # a paragraph that names another company is its own
    (
        "LG Electronics Inc. on Tuesday estimated its first-quarter operating profit at 1.09 trillion won, up 21.1 "
        "percent from a year earlier.\n\nSamsung Electronics said first-quarter sales decreased 1.2 percent to 50 trillion won.",
        "2020-04-07",
        [
            ("LG Electronics Inc.", "Q1 2020", [("operating_profit", 1.09e12, 21.1)]),
            ("Samsung Electronics", "Q1 2020", [("revenue", 5e13, -1.2)]),
        ],
    ),
]


@pytest.mark.parametrize("text, published, expected", PARAGRAPHS_THAT_GO_ON, ids=["metric opens", "company named"])
def test_a_paragraph_opening_with_a_metric_goes_on(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


EARNINGS_PER_SHARE = [
    # 'earnings' own a figure per share only: earnings per share
    (
        "For fiscal 2025, Eli Lilly now projects earnings in a range of $20.85 to $22.10 per share on revenues "
        "between $60.0 billion and $62.0 billion.",
        "2025-08-07",
        [("Eli Lilly", "FY2025", [("eps", 21.475, None), ("revenue", 6.1e10, None)])],
    ),
    (
        "Agrium sees 2016 profit outlook $5.50-$7.00/shr.",
        "2016-02-09",
        [("Agrium", "FY2016", [("eps", 6.25, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", EARNINGS_PER_SHARE, ids=["range per share", "/shr"])
def test_earnings_per_share(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


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
    assert all(m[0] != "earnings" for _, _, ms in _previews(extractor, text, "2024-05-14") for m in ms)


SUBJECTS_REPORTING_AFTER = [
    # 'the company said' after the figures: the subject the article named
    (
        "Norwegian Cruise Line Holdings Ltd. raised its full-year profit outlook.\n\nEarnings will now be about $1.42 "
        "per share, up from a previous estimate of $1.32 per share, the company said in a statement.",
        "2024-05-20",
        [("Norwegian Cruise Line Holdings", "FY2024", [("eps", 1.42, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", SUBJECTS_REPORTING_AFTER, ids=["the company said"])
def test_the_subject_reporting_after_the_figures(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


REFERRING_CHANGES = [
    # 'This represents growth of 13%': a sentence that refers back gives the change of the figure just read
    (
        "Jumbo Interactive said first half net profit is expected to be $14.3 million. This represents growth of "
        "just 13% on the prior corresponding period.",
        "2019-12-10",
        [("Jumbo Interactive", "H1 2019", [("net_profit", 1.43e7, 13.0)])],
    ),
    (
        "JSE Limited said headline earnings per share for the six months ending June 2019 are expected to be between "
        "490.95 cents and 425.49 cents. This is between 25% and 35% lower than the 654.6 cents reported a year "
        "earlier.",
        "2019-06-24",
        [("JSE Limited", "H1 2019", [("headline_eps", 4.5822, -30.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", REFERRING_CHANGES, ids=["this represents", "this is lower"])
def test_a_sentence_referring_back_gives_the_change(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


MULTIPLES = [
    # a change written as a multiple or a fraction: 'halved' is -50%, 'tripled' +200%
    (
        "Pioneer Foods warned shareholders on October 23 it expected to report that HEPS for the year to "
        "end-September had halved.",
        "2017-10-23",
        [("Pioneer Foods", "FY2017", [("headline_eps", None, -50.0)])],
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
    assert _previews(extractor, text, published) == expected
