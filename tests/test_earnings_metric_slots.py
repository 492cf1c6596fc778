"""Earnings previews: the metric slots, read right (a bound that is no direction, a change before the metric it is of, a
goal that is no change, a loss of a named profit, the figure revised from), and others' expectations that are no word
of preview; one short invented case a line."""

from __future__ import annotations

import pytest
from readers import earnings_previews

SLOTS = [
    # 'up to' is a bound, not a rise: the fall stands
    (
        "Harbor Jewellery sees net profit for the first half falling by up to 40 percent.",
        "2024-07-10",
        [("Harbor Jewellery", "H1 2024", [("net_profit", None, -40.0)])],
    ),
    # a change joined to its metric by a noun of change and 'in': 'a 90% rise in its quarterly operating profit'
    (
        "Harbor Cells estimated a 90% rise in its third-quarter operating profit on Monday.",
        "2024-10-07",
        [("Harbor Cells", "Q3 2024", [("operating_profit", None, 90.0)])],
    ),
    # two words of change before 'in': 'a 40% to 50% year-on-year rise in net profit'
    (
        "Harbor Airways expects to post a 40% to 50% year-on-year rise in net profit for the first quarter.",
        "2024-04-12",
        [("Harbor Airways", "Q1 2024", [("net_profit", None, 45.0)])],
    ),
    # metrics listed together take the changes listed after them in order with 'respectively'
    (
        "Harbor Foods expects revenue and net profit to rise 12% and 20%, respectively, in the first half.",
        "2020-08-05",
        [("Harbor Foods", "H1 2020", [("net_profit", None, 20.0), ("revenue", None, 12.0)])],
    ),
    # the verb of the listed metrics signs the listed changes, however far before them
    (
        "Harbor Resorts said its revenue and operating profit are expected to decrease in the third quarter of 2024 "
        "by 15 percent and 40 percent, respectively.",
        "2024-10-05",
        [("Harbor Resorts", "Q3 2024", [("operating_profit", None, -40.0), ("revenue", None, -15.0)])],
    ),
    # a year among the words between the change and its metric
    (
        "Harbor Steel said it expects a 300 to 400 percent surge in 2024 net profit.",
        "2024-10-21",
        [("Harbor Steel", "FY2024", [("net_profit", None, 350.0)])],
    ),
    # an inflection of a verb of rise ('gaining') makes a change
    (
        "Harbor Distillers expects revenue of CNY50 billion in 2024, gaining 12 percent.",
        "2024-12-20",
        [("Harbor Distillers", "FY2024", [("revenue", 5e10, 12.0)])],
    ),
    # a percentage before a noun of goal is the goal, not the change
    (
        "Harbor Distillers expects revenue of CNY50 billion in 2024, above a 10 percent goal, rising 14 percent.",
        "2024-12-20",
        [("Harbor Distillers", "FY2024", [("revenue", 5e10, 14.0)])],
    ),
    # a generic loss right after a named profit is that profit's loss; the figure revised from is left out
    (
        "Harbor Metals sees operating profit forecast to a loss of 900 mln yen from 2,100 mln yen for the year ending "
        "March 31, 2025.",
        "2025-02-10",
        [("Harbor Metals", "FY2025", [("operating_profit", -9e8, None)])],
    ),
    # the same after 'ordinary profit': its loss, not a net loss
    (
        "Harbor Metals sees ordinary profit forecast to a loss of 700 mln yen from 1,500 mln yen for the year ending "
        "March 31, 2025.",
        "2025-02-10",
        [("Harbor Metals", "FY2025", [("ordinary_profit", -7e8, None)])],
    ),
    # the figure revised to comes first, the one it came from after 'from'
    (
        "Harbor Metals lowered its revenue outlook to 95,000 mln yen from 99,000 mln yen for the year ending March 31, "
        "2025.",
        "2025-02-10",
        [("Harbor Metals", "FY2025", [("revenue", 9.5e10, None)])],
    ),
    # metrics joined by 'and' share the change that follows them
    (
        "Harbor Watches said it expects operating profit and net income for the first half to be down around 30%.",
        "2024-07-15",
        [("Harbor Watches", "H1 2024", [("net_profit", None, -30.0), ("operating_profit", None, -30.0)])],
    ),
    # headline earnings per share are 'heps'
    (
        "Harbor Retail expects headline earnings per share for the year to end-June to fall by about 8%.",
        "2024-08-02",
        [("Harbor Retail", "FY2024", [("heps", None, -8.0)])],
    ),
    # a change with its own metric right before it is that metric's, not that of the figure after it
    (
        "Maple Orchard Foods now expects annual sales to grow 3% to 5%, and earnings per share of $4.00 to $4.50.",
        "2023-08-30",
        [("Maple Orchard Foods", "FY2023", [("eps", 4.25, None), ("revenue", None, 4.0)])],
    ),
    # the percentage a word of comparison introduces is the earlier forecast, not the change
    (
        "Maple Orchard Foods now expects annual sales to grow 3% to 5%, up from a prior 1% to 2% view, and earnings "
        "per share of $4.00 to $4.50.",
        "2023-08-30",
        [("Maple Orchard Foods", "FY2023", [("eps", 4.25, None), ("revenue", None, 4.0)])],
    ),
    # a change after a figure with a metric word of its own between them is that metric's, not the figure's
    (
        "For fiscal 2021, Ostrava Controls projects earnings per share of $3.10 to $3.30, on a revenue decline of 2 "
        "to 4 percent.",
        "2021-02-10",
        [("Ostrava Controls", "FY2021", [("eps", 3.2, None), ("revenue", None, -3.0)])],
    ),
    # a bound written far before the figure gives way to the range right after it
    (
        "Larch Holdings expects first-half net profit to rise by up to 40% year on year, the company said in a filing "
        "on Monday, and put net profit for the period at HK$20 million to HK$28 million, a year-on-year increase "
        "of 10% to 40%.",
        "2024-08-12",
        [("Larch Holdings", "H1 2024", [("net_profit", 24e6, 25.0)])],
    ),
    # a change right before its figure stays its own, whatever change follows
    (
        "Fernbrook Ltd said net profit for 2023 rose 20% to NZ$15 million, while costs grew 8%.",
        "2024-02-20",
        [("Fernbrook Ltd", "FY2023", [("net_profit", 15e6, 20.0)])],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    SLOTS,
    ids=[
        "up to",
        "rise in",
        "two words before in",
        "respectively",
        "respectively far verb",
        "surge in year",
        "gaining",
        "goal",
        "loss of profit",
        "ordinary loss",
        "to then from",
        "joined",
        "heps",
        "own metric before",
        "prior range",
        "own metric after figure",
        "far bound",
        "near change",
    ],
)
def test_the_metric_slots(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


NOT_CUES = [
    # results of a half closed two months before, told against others' expectations: the formal report's
    ("Harbor Insurance reported a better-than-expected 40 percent rise in first-half net profit.", "2024-08-28", []),
    ("Harbor Insurance posted first-half net profit of HK$3 billion, beating market expectations.", "2024-08-28", []),
    # a word of preview of its own keeps them
    (
        "Harbor Insurance expects first-half net profit of HK$3 billion, beating market expectations.",
        "2024-08-28",
        [("Harbor Insurance", "H1 2024", [("net_profit", 3e9, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", NOT_CUES, ids=["than expected", "market expectations", "expects"])
def test_others_expectations_are_no_word_of_preview(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


AGGREGATES = [
    # a government's or an industry's figures are no company's, whatever company the article named before
    (
        "Harbor Bank expects 2024 net profit of HK$2 billion.\n\nThe government is expected to gain HK$8 billion in "
        "revenue each year from the new duty.",
        "2024-03-01",
        [("Harbor Bank", "FY2024", [("net_profit", 2e9, None)])],
    ),
    (
        "Harbor Spirits expects 2024 net profit of CNY2 billion. Industry-wide liquor revenue rose 9% year-on-year.",
        "2024-03-01",
        [("Harbor Spirits", "FY2024", [("net_profit", 2e9, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", AGGREGATES, ids=["government", "industry-wide"])
def test_a_sector_or_a_government_reports_no_results(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


ADJUSTED = [
    # a figure after a sentence's opening phrase of what it leaves out is adjusted; the next sentence gives the result
    (
        "However, excluding tax credits, Harbor Cells said it saw an operating loss of 50 billion won in the first "
        "quarter. Harbor Cells said its first-quarter operating profit was likely 300 billion won.",
        "2025-04-07",
        [("Harbor Cells", "Q1 2025", [("operating_profit", 3e11, None)])],
    ),
    # 'quarterly' figures told soon after a quarter's close are of that quarter
    (
        "Harbor Cells estimated on Monday a 90% rise in its quarterly operating profit.",
        "2025-04-07",
        [("Harbor Cells", "Q1 2025", [("operating_profit", None, 90.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", ADJUSTED, ids=["excluding", "quarterly"])
def test_adjusted_figures_and_quarterly_ones(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


VOLUMES = [
    # a change of sales counted in units is no change of revenue
    ("From January to October, Harbor Motors reached sales of 1,204,300, up 11% year on year.", "2024-11-15", []),
    # sales in money keep their change
    (
        "Harbor Motors expects 2024 sales of $12 billion, up 11% year on year.",
        "2024-11-15",
        [("Harbor Motors", "FY2024", [("revenue", 1.2e10, 11.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", VOLUMES, ids=["units", "money"])
def test_a_volume_is_no_revenue(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected
