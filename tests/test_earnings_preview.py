"""Earnings previews read from real-article phrasings: one line per case, grouped by the rule it shows."""

from __future__ import annotations

import pytest

from extractor.facts.analysis import clean_org_text


def _previews(
    extractor, text: str, published: str = "2024-10-08"
) -> list[tuple[object, object, list[tuple[str, float | None]]]]:
    return [
        (e.company, e.period, [(m.metric, m.value.value if m.value else m.yoy_pct) for m in e.metrics])
        for e in extractor.extract(text, published=published)
        if e.event_type == "earnings_preview"
    ]


SALES = [
    # a company's sales are its revenue; a product's sales stay sales
    ("Samsung Electronics expects third-quarter sales of 79 trillion won.", "revenue"),
    ("Nokia now expects full-year net sales of EUR 23.9 billion.", "revenue"),
    ("Legend Biotech said net trade sales of Carvykti reached $524 million in the third quarter.", "sales"),
]


@pytest.mark.parametrize("text, metric", SALES, ids=[c[0][:40] for c in SALES])
def test_sales_of_a_company_are_revenue(extractor, text: str, metric: str) -> None:
    [(_, _, metrics)] = _previews(extractor, text)
    assert [m for m, _ in metrics] == [metric]


def test_a_preview_with_no_company_of_its_own_takes_the_company_named_before(extractor) -> None:
    text = (
        "Infineon Technologies cut its outlook on Tuesday. "
        "Revenue for the fiscal year is now expected at EUR 15.1 billion, down from EUR 16 billion forecast before."
    )
    assert [c for c, _, _ in _previews(extractor, text)] == ["Infineon Technologies"]


@pytest.mark.parametrize(
    "written, name",
    [
        ("Hong Kong-based China Taiping", "China Taiping"),
        ("Shanghai-listed Hengrui", "Hengrui"),
        ("the U.S.-based Pfizer", "Pfizer"),
    ],
)
def test_a_description_before_a_name_is_no_part_of_it(written: str, name: str) -> None:
    assert clean_org_text(written) == name


def test_a_product_named_as_subject_keeps_its_sales_apart_from_revenue(extractor) -> None:
    text = (
        "Its core product, Zebrutinib, generated global sales of 1.3 billion USD; BeiGene's revenue for "
        "the first three quarters of 2024 is expected to reach 1.816 billion USD."
    )
    metrics = {m for _, _, ms in _previews(extractor, text, "2025-02-26") for m, _ in ms}
    assert metrics == {"sales", "revenue"}


ROUND_UPS = [
    # each company owns the text up to the next company's name
    (
        "Great Wall Motor (601633.SH) headed the list in 2018, with expected net profit at 5 billion yuan, and BAIC "
        "Motor (600733.SH) estimated its net profit up 40 percent to 60 percent on year.",
        [("Great Wall Motor", "FY2018", [("net_profit", 5e9)]), ("BAIC Motor", "FY2018", [("net_profit", 50.0)])],
    ),
    # companies named together take one figure each with 'respectively', the direction word speaking for all
    (
        "Jiangling Motors (000550.SZ), Zhongtong Bus (000957.SZ) and Haima Motor (000572.SZ) saw their 2018 net "
        "profit fall 87 percent, 86.93 percent and 81.02 percent, respectively.",
        [
            ("Jiangling Motors", "FY2018", [("net_profit", -87.0)]),
            ("Zhongtong Bus", "FY2018", [("net_profit", -86.93)]),
            ("Haima Motor", "FY2018", [("net_profit", -81.02)]),
        ],
    ),
    # a company named inside another's results is no subject of results
    (
        "Legend Biotech, which sells Carvykti with Johnson & Johnson, said preliminary net trade sales of Carvykti "
        "reached $524 million in the fourth quarter of 2018.",
        [("Legend Biotech", "Q4 2018", [("sales", 524e6)])],
    ),
]


@pytest.mark.parametrize("text, expected", ROUND_UPS, ids=["two owners", "respectively", "named inside"])
def test_round_ups_give_each_company_its_own_figures(extractor, text: str, expected) -> None:
    assert _previews(extractor, text, "2019-02-13") == expected


WITHOUT_FIGURES = [
    # a warning that names the company and the period but gives no figure is a preview all the same
    (
        "Hang Lung Group (0010.HK) warned Thursday that it expects to record a loss for the first half of this year.",
        "2019-06-20",
        [("Hang Lung Group", "H1 2019", [])],
    ),
    ("Tiong Seng issues profit warning for the first half of 2025.", "2025-08-01", [("Tiong Seng", "H1 2025", [])]),
    # a year written in the clause is its period
    (
        "Hotel owner Regal Hotels International also put out a profit warning, saying it expects to "
        "post a net loss for 2018.",
        "2019-03-12",
        [("Regal Hotels International", "FY2018", [])],
    ),
    # with neither a company nor a figure it tells nothing; without a period it waits for the figures that follow
    ("A string of companies issued profit warnings yesterday.", "2019-09-27", []),
    ("Keymed Biosciences issued a profit alert on Monday evening.", "2025-07-15", []),
    (
        "Keymed Biosciences issued a profit alert on Monday evening. The company expects revenue of RMB 500 "
        "million for the first half of 2025.",
        "2025-07-15",
        [("Keymed Biosciences", "H1 2025", [("revenue", 500e6)])],
    ),
    # a year the warning compares with is not its period
    ("Dalian Wanda Commercial issued a profit warning saying earnings will be lower than in 2014.", "2016-03-14", []),
]


@pytest.mark.parametrize(
    "text, published, expected",
    WITHOUT_FIGURES,
    ids=["expects a loss", "warning", "year", "nobody", "no period", "figures follow", "compared year"],
)
def test_previews_without_figures(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


RAISED = [
    # raising a forecast is guidance; raising money from investors is no result
    (
        "Kirin Holdings raised its full-year operating profit forecast to 190 billion yen from 175 billion yen.",
        [("Kirin Holdings", "FY2024", [("operating_profit", 190e9)])],
    ),
    ("The start-up, whose revenue tripled last year, raised $50 million from investors led by Tencent.", []),
    ("Meituan raised HK$10 billion in a share placement as its revenue growth slowed.", []),
    # 'from X to Y': the figure revised to, not the one revised from
    (
        "Kirin Holdings lifted its net profit forecast for 2024 from 100 billion yen to 120 billion yen.",
        [("Kirin Holdings", "FY2024", [("net_profit", 120e9)])],
    ),
]


@pytest.mark.parametrize("text, expected", RAISED, ids=["forecast raised", "money raised", "placement", "from to"])
def test_raised_forecasts_and_raised_money(extractor, text: str, expected) -> None:
    assert _previews(extractor, text) == expected


SPREAD_OVER_SENTENCES = [
    # figures without a period of their own take the one written nearest before them
    (
        "Suzuki Motor raised its operating profit forecast for the year ending next March to 500 billion yen. "
        "Sales are now seen at 5.8 trillion yen.",
        "2024-11-05",
        [("Suzuki Motor", "FY2025", [("operating_profit", 500e9), ("revenue", 5.8e12)])],
    ),
    (
        "Wuliangye said it expects revenue of about 50 billion yuan in the first half of 2024.\n\n"
        "It expects net profit of about 19 billion yuan, up 11%.",
        "2024-07-10",
        [("Wuliangye", "H1 2024", [("revenue", 50e9), ("net_profit", 19e9)])],
    ),
    # else the period of the company's results read just after them
    (
        "Mazda Motor Corp. cut its net profit forecast to 150 billion yen. Mazda's new outlook for the fiscal year "
        "ending March 2025 puts operating profit at 200 billion yen.",
        "2024-11-07",
        [("Mazda Motor Corp.", "FY2025", [("net_profit", 150e9), ("operating_profit", 200e9)])],
    ),
    # a period named in between, with no figure of its own, is the one the figures after it belong to
    (
        "Asahi Group said third-quarter revenue rose 5% to 700 billion yen. Asahi also revised its fiscal 2024 "
        "forecasts. Revenue is now expected to be 2.9 trillion yen.",
        "2024-10-15",
        [
            ("Asahi Group", "Q3 2024", [("revenue", 700e9)]),
            ("Asahi Group", "FY2024", [("revenue", 2.9e12)]),
        ],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected", SPREAD_OVER_SENTENCES, ids=["before", "next paragraph", "after", "period between"]
)
def test_figures_without_a_period_take_the_nearest_one(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


@pytest.mark.parametrize(
    "text, company",
    [
        (
            "Japan's Fuji Media Holdings raised its net profit forecast for 2025 to 16.5 billion yen.",
            "Fuji Media Holdings",
        ),
        ("South Korea’s LG Electronics Inc said operating profit rose 16% in April-June.", "LG Electronics Inc"),
        ("McDonald's Corp expects 2025 revenue of $27 billion.", "McDonald's Corp"),
    ],
    ids=["Japan's", "South Korea’s", "McDonald's"],
)
def test_a_place_owning_a_name_is_no_part_of_it(extractor, text: str, company: str) -> None:
    [(written, _, _)] = _previews(extractor, text, "2025-07-08")
    assert written == company


LOSSES = [
    # a loss written without 'net' is a negative net profit, its amount before or after the word
    (
        "Chow Sang Sang issued a profit warning on expected losses of about HK$85 million for the six months to "
        "30 September 2022.",
        "2022-10-21",
        [("Chow Sang Sang", "H1 FY2022/23", [("net_profit", -85e6)])],
    ),
    (
        "Daqo Energy forecast a full-year loss for 2025 of CNY 2 billion–2.6 billion.",
        "2026-02-06",
        [("Daqo Energy", "FY2025", [("net_profit", -2.3e9)])],
    ),
    (
        "Air China reported a 9.9 billion yuan loss in the first half.",
        "2020-07-14",
        [("Air China", "H1 2020", [("net_profit", -9.9e9)])],
    ),
    # a part of results is no net loss, and a share price's losses are no change of results
    ("Keppel Corp said the drop was due to an impairment loss of S$6.2 million on its associate.", "2018-01-08", []),
    ("Li Ning shares closed 0.5% lower, taking their losses this year to 7.0%.", "2024-01-31", []),
]


@pytest.mark.parametrize(
    "text, published, expected", LOSSES, ids=["losses of", "loss for", "amount before", "impairment", "share losses"]
)
def test_a_loss_is_a_negative_net_profit(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


OTHER_PEOPLES_FIGURES = [
    # analysts' estimates and consensus figures are nobody's preview
    ("Analysts had forecast Qantas would report a full-year loss averaging A$1.8 billion.", "2020-08-20", []),
    (
        "Operating profit of Hynix likely rose to 6 trillion won in the quarter ended September, according to a "
        "consensus of 20 analysts.",
        "2021-10-06",
        [],
    ),
    # a research desk's own estimates, and a quotation an analyst speaks
    (
        "First-half revenue of Harbor Foods accounted for 40% of our 2024 full-year estimates of RMB 30.9 billion.",
        "2024-07-11",
        [],
    ),
    (
        "“Harbor Foods' profits are up almost 50% in the third quarter,” said Jane Doe, an analyst at CMC Markets.",
        "2015-10-23",
        [],
    ),
    # while the company's figure beside them stays
    (
        "Hynix said its operating profit rose to 6 trillion won in the quarter ended September, while analysts "
        "had expected 5.5 trillion won.",
        "2021-10-14",
        [("Hynix", "Q3 2021", [("operating_profit", 6e12)])],
    ),
    # an exchange rate and a figure of a previous year are no figures of the period
    (
        "Cathay Pacific expects a first-half loss of HK$9.9 billion. Its previous record loss was HK$8.7 billion in "
        "2008. ($1 = 7.75 Hong Kong dollars)",
        "2020-07-15",
        [("Cathay Pacific", "H1 2020", [("net_profit", -9.9e9)])],
    ),
    # a figure the new one replaces, and a year the change is measured on, are not the preview's
    (
        "Rather than earlier hopes for 47 billion yuan of sales, Harbor Foods now expects 46 billion yuan of sales "
        "in 2018.",
        "2018-08-23",
        [("Harbor Foods", "FY2018", [("revenue", 46e9)])],
    ),
    (
        "Harbor Foods now guides to net profit of $390 million, an increase on FY2023's result.",
        "2024-02-08",
        [("Harbor Foods", "FY2024", [("net_profit", 3.9e8)])],  # the year running, not the one compared with
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    OTHER_PEOPLES_FIGURES,
    ids=[
        "analysts",
        "consensus",
        "our estimates",
        "quoted analyst",
        "beside",
        "rate and past",
        "rather than",
        "increase on",
    ],
)
def test_figures_that_are_not_the_companys_preview(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


def test_a_round_up_of_changes_only_asks_the_model_for_names(extractor) -> None:
    text = "Separately, Zhenhai Textiles expects its net profit to rise by over 80% in the first half."
    assert _previews(extractor, text, "2025-07-15") == [("Zhenhai Textiles", "H1 2025", [("net_profit", 80.0)])]


WHOSE_RESULTS = [
    # 'the company', 'the parent' and 'it' mean the company whose results were read last, not an analyst's firm
    # quoted in between
    (
        'Kubota Corp. raised its forecast for first-half operating profit to 90 billion yen. "Demand held up," '
        "an analyst at Jefferies Group said in a note. The company kept its forecast for 150 billion yen in net "
        "income for the fiscal year ending December 2016.",
        "2016-09-28",
        [
            ("Kubota Corp.", "H1 2016", [("operating_profit", 90e9)]),
            ("Kubota Corp.", "FY2016", [("net_profit", 150e9)]),
        ],
    ),
    # 'fiscal 2025' alone is the year an article named as 'fiscal 2025 ending next March'
    (
        "Toho Co. lifted its net profit outlook for fiscal 2025 ending next March to 42 billion yen. The parent "
        "projects an operating loss of 5 billion yen for fiscal 2025.",
        "2025-09-12",
        [("Toho Co.", "FY2026", [("net_profit", 42e9), ("operating_profit", -5e9)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", WHOSE_RESULTS, ids=["analyst between", "fiscal year named twice"])
def test_the_company_whose_results_were_read_last(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


OUTLOOK_CHANGES = [
    # a company changing its outlook is a preview even without a figure
    (
        "Heidelberg Materials raised its earnings forecast for the 2024 financial year on Tuesday.",
        "2024-07-30",
        [("Heidelberg Materials", "FY2024", [])],
    ),
    (
        "Hong Kong's Swire Pacific Ltd said on Monday it expects a sharply wider second-half loss.",
        "2020-12-14",
        [("Swire Pacific", "H2 2020", [])],
    ),
    # an outlook for something else is none, nor is a target price
    ("Goldman Sachs Group cut its forecast for copper prices in 2024.", "2024-03-01", []),
    ("Morgan Stanley Asia raised its target price for the stock for 2024.", "2024-03-01", []),
    # a yearless 'full-year' is the fiscal year the article says its figures run to
    (
        "Suzuki Motor Corp on Wednesday cut its full-year profit outlook. It now expects operating profit of "
        "150 billion yen in the year to March.",
        "2019-11-06",
        [("Suzuki Motor Corp", "FY2020", [("operating_profit", 150e9)])],
    ),
    # a dateline's place in capitals is no company
    (
        "MUNICH, June 26 (Reuters) - German chipmaker Siltronic lowered its sales outlook for its fiscal third "
        "quarter, it said on Tuesday.",
        "2012-06-26",
        [("Siltronic", "Q3 2012", [])],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    OUTLOOK_CHANGES,
    ids=["raised forecast", "wider loss", "copper", "target price", "fiscal full year", "dateline"],
)
def test_outlook_changes(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


NAMES_AND_METRICS = [
    # brokers are never a deal's party, but they report results of their own
    (
        "Haitong Securities Co. said it expects a net profit of 2 billion yuan in the first half of this year.",
        "2019-07-16",
        [("Haitong Securities", "H1 2019", [("net_profit", 2e9)])],
    ),
    (
        "Among them, Zheshang Securities and Dongwu Securities expect their net profits to rise by over 300% "
        "year-on-year in the first half.",
        "2025-07-15",
        [
            ("Zheshang Securities", "H1 2025", [("net_profit", 300.0)]),
            ("Dongwu Securities", "H1 2025", [("net_profit", 300.0)]),
        ],
    ),
    # 'profit' alone is the net profit; a change word may speak for a list ('revenue expanded 73% and net profit, 56%')
    (
        "Gree Electric expects a 12% gain in profit to 13 billion yuan for the first half of 2019.",
        "2019-07-16",
        [("Gree Electric", "H1 2019", [("net_profit", 13e9)])],
    ),
    (
        "Midea Group said it expects that first-half revenue expanded 23% and net profit, 16%.",
        "2019-07-16",
        [("Midea Group", "H1 2019", [("revenue", 23.0), ("net_profit", 16.0)])],
    ),
    # an ordinary profit and a pre-tax profit are profits of their own
    (
        "Sekisui House cut its full-year ordinary profit forecast to 200 billion yen for the fiscal year ending "
        "January 2026.",
        "2025-09-05",
        [("Sekisui House", "FY2026", [("ordinary_profit", 200e9)])],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    NAMES_AND_METRICS,
    ids=["broker", "brokers together", "profit alone", "list of changes", "ordinary profit"],
)
def test_names_and_metrics_of_results(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


def test_figures_with_no_company_named_join_the_companys_results_for_the_period(extractor) -> None:
    text = (
        "Original report: shipping group expects first-half profit of about $5.7 billion.\n\n"
        "Evergreen Marine Corp. said it expects net profit of 37 billion yuan in the first half of 2021."
    )
    [(company, period, _)] = _previews(extractor, text, "2021-07-08")
    assert (company, period) == ("Evergreen Marine Corp.", "H1 2021")


FIGURES_READ_RIGHT = [
    # an amount per share of a profit is earnings per share; 'by X to Y' revises by X to Y
    (
        "Ericsson lowered its full-year profit outlook by 0.05 euros to a midpoint of 0.40 euros per share for 2020.",
        "2020-10-29",
        [("Ericsson", "FY2020", [("eps", 0.40)])],
    ),
    # a change written before its metric ('an increase of over 20% in the consolidated profit')
    (
        "Vitasoy International expects to record an increase of over 30% in the consolidated profit attributable to "
        "shareholders for the year ended 31 March 2024.",
        "2024-05-02",
        [("Vitasoy International", "FY2024", [("net_profit", 30.0)])],
    ),
    # a revision from a previous forecast: the figure and the growth rate it went to, not an aside's loss
    (
        "Kanto Seiki said the forecast for full-year net income had been revised upward 25%, from the previous "
        "forecast of 400 million yen to 500 million yen (compared to a loss of 80 million yen in the previous period).",
        "2025-11-10",
        [("Kanto Seiki", "FY2025", [("net_profit", 500000000.0)])],
    ),
    (
        "Kanto Seiki raised its full-year net income forecast to 5 billion yen, increasing the growth rate from 2% "
        "to 12%.",
        "2025-11-10",
        [("Kanto Seiki", "FY2025", [("net_profit", 5000000000.0)])],
    ),
    # the clause's only metric, however far before its change
    (
        "Pacific Basin Shipping said profit attributable to equity holders for the six months ended "
        "30 June 2023 was expected to drop markedly and show a decrease of not less than 70%.",
        "2023-07-12",
        [("Pacific Basin Shipping", "H1 2023", [("net_profit", -70.0)])],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    FIGURES_READ_RIGHT,
    ids=["per share", "change before metric", "revised from previous", "growth rate revised", "only metric"],
)
def test_figures_read_with_their_metric(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


def test_figures_summing_up_a_round_up_are_no_event(extractor) -> None:
    text = (
        "Several insurers issued profit warnings, projecting first-half earnings to fall by more than 40 per cent. "
        "Ping An Insurance said its net profit for the first half of 2016 may fall 60 per cent. "
        "Sunshine Life Insurance forecast its net profit for the first half of 2016 would fall 50 per cent."
    )
    assert [c for c, _, _ in _previews(extractor, text, "2016-07-31")] == [
        "Ping An Insurance",
        "Sunshine Life Insurance",
    ]


GROUP_AND_OTHER_AMOUNTS = [
    # a warning of 'the Group' under a headline that names the company
    (
        "Lum Chang Holdings Issues Profit Warning for 1H 2025\n\nThe Group expects a net loss for its half year "
        "ended 30 June 2025.",
        "2025-08-01",
        [("Lum Chang Holdings", "H1 2025", [])],
    ),
    # 'the Group's profit' is the company's own, not a company called 'Group'
    (
        "Marlow Toys International expects first-half revenue to rise 80%. It also expects the Group's profit for "
        "the first half of 2031 to grow by no less than 90%.",
        "2031-07-10",
        [("Marlow Toys International", "H1 2031", [("revenue", 80.0), ("net_profit", 90.0)])],
    ),
    # an amount announced as a charge, a dividend or savings is no result
    (
        "Tribune Publishing expects full-year 2024 net income to improve, after excluding an impairment charge of "
        "approximately $46 million.",
        "2024-08-01",
        [],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected",
    GROUP_AND_OTHER_AMOUNTS,
    ids=["the Group", "the Group's", "charge"],
)
def test_warnings_of_the_group_and_other_amounts(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


BROKER_HEADS = [
    ("Citic Securities Co. expects first-half profit to rise 20%.", ["Citic Securities Co."]),
    ("Huaxi Securities expects first-half profit to rise 20%.", ["Huaxi Securities"]),
    # a capitalised word going on from the head makes another name: a paper, not a broker reporting results
    ("Profits rose 20% in 2021, the China Securities Journal reported.", []),
]


@pytest.mark.parametrize("text, expected", BROKER_HEADS, ids=[c[0][:30] for c in BROKER_HEADS])
def test_names_ending_in_a_brokers_head(text: str, expected: list[str]) -> None:
    from extractor.events.earnings_preview.recognizer import _named
    from extractor.facts.analysis import Facts
    from extractor.facts.gazetteer import Gazetteer
    from extractor.facts.sentences import Sentence

    facts = Facts(Sentence(0, 0, 0, len(text), text), None, Gazetteer())
    assert [c.item.text for c in _named(facts) if "Securities" in c.item.text] == expected


DATELINES = [
    # a place in capitals with a colon opening the story's first sentence is a dateline, no company
    (
        "BENGALURU : Indian IT firm Mphasis on Friday cut its full-year revenue growth forecast to 5 per cent.",
        "2023-07-20",
        [("Mphasis", "FY2023", [("revenue", 5.0)])],
    ),
    (
        "MUMBAI: Indian IT firm Mphasis on Friday cut its full-year revenue growth forecast to 5 per cent.",
        "2023-07-20",
        [("Mphasis", "FY2023", [("revenue", 5.0)])],
    ),
    # in a headline the name before a colon is the company's
    (
        "ALCO HOLDINGS: PROFIT WARNING\n\nThe Group expects a net loss of HK$20 million for the six months ended "
        "September 30, 2024.",
        "2024-11-28",
        [("ALCO HOLDINGS", "H1 FY2024/25", [("net_profit", -20e6)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", DATELINES, ids=["spaced colon", "colon", "headline"])
def test_a_colon_dateline_names_no_company(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


RUNNING_YEAR = [
    # a forecast figure no period reaches is of the fiscal year running at publication
    (
        "Nordwind Airlines now expects operating profit of between 1.2 billion and 1.5 billion euros, it said.",
        "2019-07-02",
        [("Nordwind Airlines", "FY2019", [("operating_profit", 1.35e9)])],
    ),
    # ... closing in the month the gazetteer knows for the company (Toyota: March)
    (
        "Toyota raised its outlook on Friday. It now expects operating profit of 1.3 trillion yen, up from 500 "
        "billion yen.",
        "2020-11-06",
        [("Toyota", "FY2021", [("operating_profit", 1.3e12)])],
    ),
    # ... and the year the article names as closing in another month
    (
        "Nordwind Airlines expects revenue of 9 billion euros, up from 8.1 billion euros in the year to March.",
        "2020-05-20",
        [("Nordwind Airlines", "FY2021", [("revenue", 9e9)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", RUNNING_YEAR, ids=["running", "fiscal year known", "year to"])
def test_forecast_figures_without_a_period_are_of_the_running_year(
    extractor, text: str, published: str, expected
) -> None:
    assert _previews(extractor, text, published) == expected


CLAUSES_AND_LISTS = [
    # the year of a day ('On January 12, 2026') is no year of the figures
    (
        "On January 12, 2026, Hanwa Bio said it expects a net loss of 1.2 billion yuan for 2025.",
        "2026-01-19",
        [("Hanwa Bio", "FY2025", [("net_profit", -1.2e9)])],
    ),
    # a clause names its own company ('..., while B predicted ...')
    (
        "Tianlu Mining Corp. forecast a net profit of up to 155 million yuan for the first half, while Ganlin "
        "Minerals Group Co. predicted a net loss of 300 million yuan to 550 million yuan for the same period.",
        "2025-07-15",
        [
            ("Tianlu Mining Corp.", "H1 2025", [("net_profit", 1.55e8)]),
            ("Ganlin Minerals Group", "H1 2025", [("net_profit", -4.25e8)]),
        ],
    ),
    # metrics named before figures given 'respectively' take them in their order
    (
        "Kitano Games now expects revenue and operating profit of 500 billion yen and 33 billion yen, respectively, "
        "for the year to March.",
        "2016-02-03",
        [("Kitano Games", "FY2016", [("revenue", 5e11), ("operating_profit", 3.3e10)])],
    ),
]


@pytest.mark.parametrize(
    "text, published, expected", CLAUSES_AND_LISTS, ids=["day's year", "clause's own company", "respectively"]
)
def test_clauses_and_lists(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


FORWARD_WORDS = [
    # a yearless full year 'seen' or 'warned' of is the year running, not the one closed
    (
        "Mphasis Ltd said its full-year revenue growth was seen at 1-3 per cent.",
        "2023-07-20",
        [("Mphasis Ltd", "FY2023", [("revenue", 2.0)])],
    ),
    (
        "British engineering group Vesuvius Plc warned of its annual operating profit missing market forecasts on "
        "Tuesday.",
        "2024-09-17",
        [("Vesuvius Plc", "FY2024", [])],
    ),
    # the year closing a period is the period's year, though written as a day
    (
        "Pacific Harbour Holdings Limited expects a net profit of HK$2 million to HK$10 million for the eighteen "
        "months ended 31 December 2019.",
        "2020-02-16",
        [("Pacific Harbour Holdings", "FY2019", [("net_profit", 6e6)])],
    ),
]


@pytest.mark.parametrize("text, published, expected", FORWARD_WORDS, ids=["seen", "warned", "period closing day"])
def test_forward_words_and_closing_days(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected


REVISIONS = [
    # figures 'revised down' with no word of expecting: a forecast revision of the year running
    (
        "Kanto Amusement Corp has announced that it is revising down its results forecast for this year. Operating "
        "profit has been revised down by some 60 percent, to JPY70 million, while net sales have been revised down "
        "by 12 percent to JPY95 billion.",
        "2031-11-10",
        [
            (
                "Kanto Amusement Corp",
                "FY2031",
                [("operating_profit", 70000000.0), ("revenue", 95000000000.0)],
            )
        ],
    ),
]


@pytest.mark.parametrize("text, published, expected", REVISIONS, ids=["revised down"])
def test_revised_figures_are_a_preview(extractor, text: str, published: str, expected) -> None:
    assert _previews(extractor, text, published) == expected
