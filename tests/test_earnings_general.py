"""Earnings previews: general mechanisms read from the layout and syntax of results sentences, one short case a line."""

from __future__ import annotations

import pytest
from readers import earnings_previews

from extractor.contract import Money
from extractor.events.common import negated
from extractor.events.earnings_preview.recognizer import (
    _described,
    _description_name,
    _estimated_by_others,
    _named,
    _owners,
    _written,
)
from extractor.facts.amounts import find_amounts
from extractor.facts.analysis import Facts, OrgRef
from extractor.facts.gazetteer import Gazetteer, default_gazetteer
from extractor.facts.sentences import Sentence

PARTS_OF_ONE_METRIC = [
    # a metric read twice for one company and period: each reading fills what the other lacks
    (
        "Hyundai Mobis expects its third-quarter operating profit to fall 20% from a year earlier. "
        "Hyundai Mobis said its operating profit is expected at 1.5 trillion won for the July-September quarter.",
        "2024-10-08",
        [("Hyundai Mobis", "Q3 2024", [("operating_profit", 1.5e12, -20.0)])],
    ),
    (
        "Hyundai Mobis said its operating profit is expected at 1.5 trillion won for the July-September quarter. "
        "Hyundai Mobis expects its third-quarter operating profit to fall 20% from a year earlier.",
        "2024-10-08",
        [("Hyundai Mobis", "Q3 2024", [("operating_profit", 1.5e12, -20.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", PARTS_OF_ONE_METRIC, ids=["change first", "value first"])
def test_a_metric_read_twice_keeps_its_value_and_its_change(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


DEFINITE_PERIODS = [
    # 'for the quarter', 'in the half': the part of a year of that kind the article named before
    (
        "Hyundai Mobis expects its third-quarter operating profit of 1.5 trillion won. "
        "Hyundai Mobis said revenue is expected to rise 4% to 15 trillion won for the quarter.",
        "2024-10-08",
        [("Hyundai Mobis", "Q3 2024", [("operating_profit", 1.5e12, None), ("revenue", 1.5e13, 4.0)])],
    ),
    (
        "Minth Group expects first-half net profit of 900 million yuan. "
        "Minth Group said revenue for the half is expected to grow 10% to 11 billion yuan.",
        "2024-07-10",
        [("Minth Group", "H1 2024", [("net_profit", 9e8, None), ("revenue", 1.1e10, 10.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", DEFINITE_PERIODS, ids=["the quarter", "the half"])
def test_the_quarter_is_the_quarter_named_before(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


def test_a_clause_without_a_period_takes_that_of_the_clause_before_it(extractor) -> None:
    text = (
        "Hyundai Mobis said that for 2024, operating profit is expected to fall 8% to 2.1 trillion won, "
        "while revenue is forecast to rise 3% to 58 trillion won."
    )
    assert earnings_previews(extractor, text, "2024-10-08") == [
        ("Hyundai Mobis", "FY2024", [("operating_profit", 2.1e12, -8.0), ("revenue", 5.8e13, 3.0)])
    ]


RANGES_WITH_A_CONVERSION = [
    # a range's first figure may carry its conversion in brackets before the range goes on
    ("a loss of between 45 billion yuan ($6.2 billion) and 55 billion yuan", (50e9, 45e9, 55e9)),
    ("a loss of HK$260 million (US$33 million) to HK$300 million", (280e6, 260e6, 300e6)),
    ("a loss of between HKD20 million (US$2.56 million) and HKD35 million", (27.5e6, 20e6, 35e6)),
]


@pytest.mark.parametrize("text, expected", RANGES_WITH_A_CONVERSION, ids=["between yuan", "to HK$", "between HKD"])
def test_a_range_with_a_conversion_inside_is_one_range(text: str, expected: tuple[float, float, float]) -> None:
    [amount] = find_amounts(text)
    assert (amount.item.value, amount.item.low, amount.item.high) == expected


def test_two_amounts_with_a_conversion_are_no_range() -> None:
    amounts = find_amounts("revenue of HK$260 million (US$33 million) and profit of HK$30 million")
    assert [(a.item.value, a.item.low) for a in amounts] == [(260e6, None), (30e6, None)]


OWNERS = [
    # a name the model may miss, told by syntax: the owner of results, or the name a place's description leads to
    ("Zhengbang Technology's performance forecast predicts a net loss of 3.8 billion yuan.", ["Zhengbang Technology"]),
    ("China's leading hog producer Muyuan Foods expected a net profit of 20 billion yuan.", ["Muyuan Foods"]),
    ("Japan's top carmaker said net profit rose.", []),
    ("Toyota's new factory in Texas opened on Monday.", []),
]


@pytest.mark.parametrize(
    "text, expected", OWNERS, ids=["owner of results", "after a description", "no name", "no results"]
)
def test_names_told_by_a_possessive(text: str, expected: list[str]) -> None:
    facts = Facts(Sentence(0, 0, 0, len(text), text), None, Gazetteer())
    assert [c.item.text for c in _owners(facts)] == expected


DESCRIBED = [
    # a name the model may miss, told by the description before it
    ("Building supplies firm Harlow Timber has warned over weak demand.", ["Harlow Timber"]),
    ("Shares of Leeds-based Quarry Consult slumped 33% after the warning.", ["Quarry Consult"]),
    (
        "Mainboard-listed Kestrel Builders and its subsidiary Kestrel Land issued profit guidances.",
        ["Kestrel Builders", "Kestrel Land"],
    ),
    ("Major Chinese steelmaker Tanshan Iron expects net profit to fall.", ["Tanshan Iron"]),
    ("Shares in auto parts giant Veltmann dropped after it cut its outlook.", ["Veltmann"]),
    # a place or a month is no name; nor is who gave the figures
    ("The Hong Kong-based firm Monday said profit fell.", []),
    ("estimates provided by market intelligence firm FnGuide", []),
]


@pytest.mark.parametrize(
    "text, expected",
    DESCRIBED,
    ids=["firm", "-based", "-listed, subsidiary", "steelmaker", "giant", "weekday", "agent of a passive"],
)
def test_names_told_by_a_description(text: str, expected: list[str]) -> None:
    facts = Facts(Sentence(0, 0, 0, len(text), text), None, Gazetteer())
    assert [c.item.text for c in _described(facts)] == expected


FUNDS = [
    # a fund named with its code reports no results, whatever figure stands beside it
    ("TRACKER FUND (02800) saw sales of HK$3.4 billion in the first half.", []),
    ("Hang Lung Properties (00101) saw sales of HK$3.4 billion in the first half.", ["Hang Lung Properties"]),
]


@pytest.mark.parametrize("text, expected", FUNDS, ids=["fund", "company"])
def test_a_fund_named_by_its_code_is_no_company(text: str, expected: list[str]) -> None:
    facts = Facts(Sentence(0, 0, 0, len(text), text), None, default_gazetteer())
    assert [c.item.text for c in _named(facts)] == expected


WARNINGS_WITHOUT_FIGURES = [
    # names that 'all' or 'both' make one subject each change their outlook; with no period, for the year running
    (
        "Crocs, the shoemaker; Cardlytics, the advertising platform; and Essentra all cut their outlooks as demand slowed.",
        "2019-09-25",
        [("Cardlytics", "FY2019", []), ("Crocs", "FY2019", []), ("Essentra", "FY2019", [])],
    ),
    (
        "Crocs and Cardlytics both cut their outlooks as demand slowed.",
        "2019-05-14",
        [("Cardlytics", "FY2019", []), ("Crocs", "FY2019", [])],
    ),
    # a warning in the plural is one each for the companies listed together as its subject
    (
        "Orchid Homes Ltd and Kestrel Builders Limited have issued profit warnings for FY 2020.",
        "2021-01-20",
        [("Kestrel Builders Limited", "FY2020", []), ("Orchid Homes Ltd", "FY2020", [])],
    ),
    # of one company, or of none, the plural is a remark
    (
        "Profit warnings rarely come alone, said Kestrel Builders Limited about its sector in 2020.",
        "2021-01-20",
        [],
    ),
    # a warning of a company whose results the article reads elsewhere is of their period
    (
        "Essentra issued a profit warning on Tuesday. Essentra now expects first-half net profit of 30 million pounds.",
        "2019-06-12",
        [("Essentra", "H1 2019", [("net_profit", 3e7, None)])],
    ),
    # an outlook changed 'for the year', its number unwritten, in the opening sentences: of the year running
    (
        "Shares in Veltmann fell sharply on Thursday after the valve maker lowered its guidance for the year.",
        "2021-08-05",
        [("Veltmann", "FY2021", [])],
    ),
    (
        "Quarry Consult raised its forecast for the current year, citing strong demand for gravel.",
        "2022-03-10",
        [("Quarry Consult", "FY2022", [])],
    ),
    # an outlook withdrawn is a preview without a figure, of the year it names
    (
        "Shares in Veltmann sank after the valve maker scrapped its 2026 profit forecast.",
        "2024-10-27",
        [("Veltmann", "FY2026", [])],
    ),
    (
        "Quarry Consult suspended its full-year guidance as quarries closed.",
        "2020-06-02",
        [("Quarry Consult", "FY2020", [])],
    ),
    # 'for the year' after the opening sentences is a remark on an earlier change, not the article's news
    (
        "Veltmann shares fell on Thursday. The market was quiet. Traders waited for data. Bonds were flat. "
        "Oil rose slightly. Veltmann had lowered its guidance for the year in May.",
        "2021-08-05",
        [],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    WARNINGS_WITHOUT_FIGURES,
    ids=[
        "all, appositives",
        "both",
        "plural, companies listed",
        "plural, a remark",
        "period read elsewhere",
        "for the year",
        "for the current year",
        "scrapped",
        "suspended",
        "year, later",
    ],
)
def test_warnings_without_figures(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


ARTICLE_SUBJECTS = [
    # figures whose sentences name no company belong to the company the article's lead names: listed with its stock
    # code in the headline, or named again later in the article
    (
        "Performance Forecast of Dongling Electric Power Institute (300417)\n\n"
        "Date of announcement: 2026-01-20\n\n"
        "It is expected that the net profit attributable to shareholders for January to December 2025 will be "
        "between 12 million yuan and 15 million yuan.",
        "2026-01-20",
        [("Dongling Electric Power Institute", "FY2025", [("net_profit", 13.5e6, None)])],
    ),
    (
        "Norvale Mining (600517) Limit-Up Analysis: Traders Bet on Earnings Growth\n\n"
        "Norvale Mining shares closed at the daily limit on Tuesday.\n\n"
        "The company expects net profit of 300 million yuan to 360 million yuan for 2025.",
        "2026-01-20",
        [("Norvale Mining", "FY2025", [("net_profit", 330e6, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", ARTICLE_SUBJECTS, ids=["coded headline", "named again"])
def test_unnamed_figures_are_the_article_subjects(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


def test_a_bare_acronym_of_the_lead_is_no_subject(extractor) -> None:
    """'(ASX: XJO)': the model takes the exchange for a company; an acronym it guesses never makes the subject."""
    text = (
        "The S&P/ASX 200 Index (ASX: XJO) is up 0.9% today, but the ASX lost ground on Friday.\n\n"
        "The company now expects revenue of NZ$840 million to NZ$870 million for the year."
    )
    assert all(company != "ASX" for company, _, _ in earnings_previews(extractor, text, "2021-05-10"))


HEADED_SUBJECTS = [
    # a name heading the lead before a colon (a wire's brief, an ad hoc filing) is the company of the figures below it
    (
        "Aug 30 (Reuters) - Tallberg Optics Oyj :\n\n"
        "* Tallberg-Optics H1 operating loss 1.2 million euros versus loss 0.9 million euros year ago\n\n"
        "* Repeats its guidance and estimates that the full-year revenue in 2024 will be 4 million - 4.5 million euros",
        "2024-08-30",
        [("Tallberg Optics Oyj", "FY2024", [("revenue", 4.25e6, None)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", HEADED_SUBJECTS, ids=["wire brief"])
def test_a_name_heading_the_lead_is_the_subject(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


RELATIVE_YEARS = [
    # 'this year', 'next year': the full year counted from the publication year
    (
        "Halden Robotics said first-quarter sales fell 8%. The company expects sales of over $2 billion this year.",
        "2024-05-04",
        [("Halden Robotics", "FY2024", [("revenue", 2e9, None)])],
    ),
    (
        "Halden Robotics said it will reach sales of 9 billion yuan this year. "
        "Next year, it expects to achieve sales revenue of 10 billion yuan.",
        "2018-07-17",
        [
            ("Halden Robotics", "FY2018", [("revenue", 9e9, None)]),
            ("Halden Robotics", "FY2019", [("revenue", 1e10, None)]),
        ],
    ),
]


@pytest.mark.parametrize("text, published, expected", RELATIVE_YEARS, ids=["this year", "next year"])
def test_a_year_named_from_the_publication_year(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


CHANGE_WORDS = [
    # every form of a verb of change signs the change it governs
    (
        "Ardent Steel expects net profit for 2023 of 1.2 billion yuan, decreasing by 1.5 percent year on year.",
        "2024-01-30",
        [("Ardent Steel", "FY2023", [("net_profit", 1.2e9, -1.5)])],
    ),
    (
        "Ardent Steel expects 2023 operating profit of 3 billion yuan, plummeting 40% year on year.",
        "2024-01-30",
        [("Ardent Steel", "FY2023", [("operating_profit", 3e9, -40.0)])],
    ),
    (
        "Ardent Steel expects net profit for 2023 to be 2 billion yuan, sliding 8% from a year earlier.",
        "2024-01-30",
        [("Ardent Steel", "FY2023", [("net_profit", 2e9, -8.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", CHANGE_WORDS, ids=["decreasing", "plummeting", "sliding"])
def test_forms_of_a_verb_of_change_sign_the_change(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


NAMES_THAT_QUALIFY = [
    # a name right before a noun of description qualifies it: the company is the name the noun leads to
    (
        "Cement maker Holcim Lanka forecast revenue growth of 4 percent this year.",
        "2023-03-02",
        [("Holcim Lanka", "FY2023", [("revenue", None, 4.0)])],
    ),
    (
        "Qantas parent Oneworld Holdings expects net profit of A$1.2 billion this year.",
        "2023-03-02",
        [("Oneworld Holdings", "FY2023", [("net_profit", 1.2e9, None)])],
    ),
    # a name right before 'segment' or 'division' is a part of the company, not one reporting results
    (
        "The company expects its Industrial Gases segment operating income to grow 6 percent in 2023 while Linde "
        "said revenue would rise 3 percent.",
        "2023-03-02",
        [("Linde", "FY2023", [("operating_profit", None, 6.0), ("revenue", None, 3.0)])],
    ),
    # a capitalised word before 'market' names a market, no company reporting the figures
    (
        "In the Board's view the drop in net profit attributable to shareholders it expects comes mostly from: "
        "(i) fiercer competition in the Bakery market as the outside environment shifted during the "
        "2031 fiscal year; (ii) closure losses amounting to not more than RMB 95 million.",
        "2032-03-02",
        [],
    ),
]


@pytest.mark.parametrize("text, published, expected", NAMES_THAT_QUALIFY, ids=["maker", "parent", "segment", "market"])
def test_a_name_that_qualifies_another_word_reports_nothing(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


WRITTEN_SIGNS = [
    # a change without a direction word keeps the signs it is written with, a spaced minus too
    (
        "Minth Group expects first-half net profit of 900 million yuan, a year-on-year change of - 22.4% to - 17.35%.",
        "2024-07-10",
        [("Minth Group", "H1 2024", [("net_profit", 9e8, -19.875)])],
    ),
    # a direction word still gives the sign
    (
        "Minth Group expects first-half net profit of 900 million yuan, down 22.4% to 17.35% year on year.",
        "2024-07-10",
        [("Minth Group", "H1 2024", [("net_profit", 9e8, -19.875)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", WRITTEN_SIGNS, ids=["written signs", "direction word"])
def test_a_change_without_a_direction_word_keeps_its_signs(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


LOSS_RANGES = [
    # a loss's range is negative whether or not the text signed it: its bounds keep their order
    ((2e8, 3e8), (-3e8, -2e8)),
    ((-3e8, -2e8), (-3e8, -2e8)),
]


@pytest.mark.parametrize("bounds, expected", LOSS_RANGES, ids=["unsigned", "signed"])
def test_a_loss_range_is_negative_and_ordered(bounds: tuple[float, float], expected: tuple[float, float]) -> None:
    low, high = bounds
    money = Money(text="x", value=(low + high) / 2, currency="CNY", qualifier="range", low=low, high=high)
    lost = negated(money)
    assert (lost.low, lost.high) == expected
    assert lost.value == (expected[0] + expected[1]) / 2


NAMES_PRINTED_TWICE = [
    # a stock line that prints the name twice over, the second copy glued to the first
    ("ZXQTZXQT", "ZXQT"),
    ("BrightwaterBrightwater", "Brightwater"),
    ("Lumen ParkLumen Park", "Lumen Park"),
    # a name that only repeats a syllable, or differs between its copies, stays as written
    ("Bora Bora Foods", "Bora Bora Foods"),
    ("Lumen ParkLumen Parks", "Lumen ParkLumen Parks"),
]


@pytest.mark.parametrize("text, written", NAMES_PRINTED_TWICE, ids=[c[0] for c in NAMES_PRINTED_TWICE])
def test_a_name_printed_twice_over_is_written_once(text: str, written: str) -> None:
    assert _written(OrgRef(text, text, "pattern")) == written


DESCRIPTIONS_AS_NAMES = [
    # a description of a company in capitals, or a unit of a figure, that the model may take for a name
    ("Listed Company", "ner", True),
    ("Parent  Company", "ner", True),
    ("CNY/Share", "ner", True),
    ("USD / share", "pattern", True),
    # a name the gazetteer knows stays, and so does a name with a head of its own
    ("Listed Company", "company", False),
    ("Ardmore Listed Company", "ner", False),
    ("ABC/Share", "ner", False),
]


@pytest.mark.parametrize(
    "text, kind, description", DESCRIPTIONS_AS_NAMES, ids=[f"{c[0]} {c[1]}" for c in DESCRIPTIONS_AS_NAMES]
)
def test_a_description_or_a_unit_is_no_company(text: str, kind: str, description: bool) -> None:
    assert _description_name(OrgRef(text, text, kind)) is description


COMPARED_PERIODS = [
    # a period after 'than that of' is the base of a comparison, not the period of the figures
    (
        "Kestrel Builders Limited warned of an expected loss for the year. Kestrel Builders Limited expects to "
        "record a net loss which is higher than that of FY 2017.",
        "2018-11-27",
        [("Kestrel Builders Limited", "FY2018", [])],
    ),
]


@pytest.mark.parametrize("text, published, expected", COMPARED_PERIODS, ids=["than that of"])
def test_a_period_compared_with_is_no_period_of_the_figures(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


EXTRAPOSED_IT = [
    # an 'it' that stands for nothing ('it is expected that ...') is no word for the company; the subject is the clause
    (
        "Orchard Paper reports record sales\n\nOrchard Paper said sales rose last year. Overall, it is expected that "
        "most listed companies will post profits in 2024, and nearly 30% with a growth rate of over 40%.",
        "2024-02-01",
        [],
    ),
    # what frames the clause before such an 'it' is not its subject: the figures are the company's
    (
        "Orchard Paper issued a notice. Taking into account the industry outlook, it is estimated that net profit "
        "for 2024 will rise by 10% to 14%.",
        "2024-02-01",
        [("Orchard Paper", "FY2024", [("net_profit", None, 12.0)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", EXTRAPOSED_IT, ids=["group subject", "framing before"])
def test_an_it_that_stands_for_nothing_names_no_company(extractor, text: str, published: str, expected) -> None:
    assert earnings_previews(extractor, text, published) == expected


MEASURED_AGAINST = [
    # a verb of measuring against estimates before the figures: they are others' estimates
    ("Traders count on Kestrel Retail to at least meet projections for quarterly sales growth of over 40%.", True),
    ("Heron Games must beat the forecasts of revenue of $2 billion.", True),
    # the company's own forecast, or no measuring at all: the figures may be its preview
    ("Kestrel Retail said it would beat its forecast for 2024 revenue growth of 8%.", False),
    ("Kestrel Retail expects to meet demand, with revenue growth of 8%.", False),
]


@pytest.mark.parametrize(
    "text, expected", MEASURED_AGAINST, ids=["meet projections", "beat forecasts", "its own", "demand"]
)
def test_figures_to_be_matched_are_others_estimates(text: str, expected: bool) -> None:
    first = min(i for i in (text.find("sales"), text.find("revenue")) if i >= 0)
    assert _estimated_by_others(text, 0, first) is expected
