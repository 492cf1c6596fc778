"""Earnings previews: figures told around the results sentence (a change before its metric, a paragraph or a sentence
that goes on about the figures before it, a figure per share), one short case a line."""

from __future__ import annotations

import pytest


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
