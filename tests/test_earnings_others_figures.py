"""Earnings previews: figures beside results words that are no company's preview (a market's trading, others'
forecasts of a company)."""

from __future__ import annotations

import pytest


def _previews(extractor, text: str, published: str) -> list[tuple[object, object]]:
    return sorted(
        (
            (e.company, e.period)
            for e in extractor.extract(text, published=published)
            if e.event_type == "earnings_preview"
        ),
        key=str,
    )


NOT_PREVIEWS = [
    # a market close report: short sales are the market's trading of a stock
    (
        "CK HUTCHISON (00001) and TRACKER FUND (02800) registered HK$2.4 billion and HK$1.1 billion of short sales, "
        "accounting for 5.1% and 2.3% of the total short sales values respectively.",
        "2025-06-12",
    ),
    (
        "Short selling in Geely Automobile reached HK$610 million on Thursday, the most among carmakers.",
        "2025-06-12",
    ),
    # the company as the subject of a passive forecast: the consensus of others
    (
        "Hyundai Motor was forecast to post 3.9 trillion won in operating profit for the third quarter, "
        "up 12 percent from a year earlier.",
        "2025-10-02",
    ),
    (
        "Kia is projected to log third-quarter sales of 27 trillion won, a rise of 8 percent on-year.",
        "2025-10-02",
    ),
    # a clause closed by the brokerage that estimates it
    (
        "Orvane Chemicals' second-quarter net profit is likely 9 percent lower than a year ago, the brokerage said.",
        "2031-07-02",
    ),
    # a figure according to a named data provider of consensus estimates
    (
        "The carmaker Velto Motors' revenue is expected to come in at 80.5 billion yuan, according to Visible Alpha.",
        "2031-10-20",
    ),
]


@pytest.mark.parametrize(
    "text, published",
    NOT_PREVIEWS,
    ids=["short sales", "short selling", "was forecast", "is projected", "brokerage said", "data provider"],
)
def test_figures_of_others_are_no_preview(extractor, text: str, published: str) -> None:
    assert _previews(extractor, text, published) == []


PREVIEWS = [
    # a metric that is itself forecast stays the company's preview
    (
        "Hyundai Motor said its operating profit is forecast to reach 3.9 trillion won in the third quarter.",
        "2025-10-02",
        [("Hyundai Motor", "Q3 2025")],
    ),
    # sales beside short sales in another clause
    (
        "Geely Automobile expects first-half sales of 150 billion yuan, while its short sales reached HK$610 million.",
        "2025-06-12",
        [("Geely Automobile", "H1 2025")],
    ),
]


@pytest.mark.parametrize("text, published, expected", PREVIEWS, ids=["metric forecast", "sales beside short sales"])
def test_a_company_forecasting_its_own_figures_is_a_preview(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


YARDSTICKS = [
    # 'the Street' is the analysts' consensus: its figures are no preview of the company
    (
        "The Street expects Pellworth Dining to report earnings of $2.10 per share on revenue of $3.2 billion.",
        "2032-01-30",
        [],
    ),
    # a clause opened as a comparison gives a rival's figures beside the subject's
    (
        "Corvane Instruments expects 2031 revenue of between 12 billion yuan and 14 billion yuan. "
        "Corvane Instruments grew fast last year. By comparison, rival Halden Optics recorded 30 billion yuan in "
        "2031 revenue.",
        "2032-01-20",
        [("Corvane Instruments", "FY2031")],
    ),
]


YARDSTICKS.append(
    # a market's losses over a week are fund flows, not a manager's results
    (
        "Quillon Asset Management said its funds held steady. Spot gold funds recorded $700 million in outflows on "
        "Monday, pushing weekly losses to $1.9 billion.",
        "2032-03-04",
        [],
    )
)


@pytest.mark.parametrize("text, published, expected", YARDSTICKS, ids=["the street", "by comparison", "weekly losses"])
def test_consensus_and_comparisons_are_no_preview(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


OWNERS = [
    # a parent reporting a listed unit's figures: the unit named as the metric's owner is their company
    (
        "Vantor Resorts Inc., Kessel Holdings Ltd's controlling shareholder, also released its unaudited results, "
        "reporting Kessel Holdings Ltd's net revenues of US$1.2 billion in the current quarter, a 15 percent increase "
        "from the prior year.",
        "2031-10-30",
        ["Kessel Holdings Ltd"],
    ),
    # the owner of a later metric is not the company of the first ('A guides profit up, B's loss narrows')
    (
        "Ostrava Pharma Ltd expects first-half net profit to rise 40% to 1.2 billion yuan, while Kessel Holdings "
        "Ltd's first-half loss is expected to narrow.",
        "2031-07-10",
        ["Ostrava Pharma"],
    ),
]


@pytest.mark.parametrize("text, published, expected", OWNERS, ids=["unit's revenue", "later owner"])
def test_the_owner_of_a_metric_is_its_company(extractor, text: str, published: str, expected) -> None:
    assert [company for company, _ in _previews(extractor, text, published)] == expected
