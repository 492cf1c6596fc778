"""Table-driven tests of the money parser (extractor.facts.amounts)."""

from __future__ import annotations

import math

import pytest

from extractor.facts.amounts import dollar_of, find_amounts, local_of, parse_amounts, yen_of


def one(text: str, **kw):
    """The single amount found in `text`, checking that its span is consistent."""
    found = find_amounts(text, **kw)
    assert len(found) == 1, [m.item for m in found]
    loc = found[0]
    assert loc.item.text == text[loc.start : loc.end]
    return loc.item


# text, value, currency, qualifier
SINGLE = [
    ("The deal is worth up to $8.85 billion in total", 8.85e9, "USD", "up_to"),
    ("with turnover reaching 590 million yuan on Monday", 5.9e8, "CNY", "exact"),
    ("the fund size reached RMB 1.641 billion, a record", 1.641e9, "CNY", "exact"),
    ("the fund size reached 1.641 billion RMB, a record", 1.641e9, "CNY", "exact"),
    ("前三季度归母净利润5.9亿元", 5.9e8, "CNY", "exact"),
    ("Innovent raised HK$2.3bn in a placement", 2.3e9, "HKD", "exact"),
    ("Hengrui gets US$1.2bn upfront", 1.2e9, "USD", "exact"),
    ("Ipsen pays €10M upfront", 1e7, "EUR", "exact"),
    ("an upfront payment of EUR 50 million", 5e7, "EUR", "exact"),
    ("priced at £2,000 per course", 2000.0, "GBP", "exact"),
    ("a USD 350 million loan facility", 3.5e8, "USD", "exact"),
    ("单笔认购2.5万元起", 2.5e4, "CNY", "exact"),
    ("募资三十亿元用于研发", 3e9, "CNY", "exact"),
    ("Takeda pays ¥8.76 billion", 8.76e9, "CNY", "exact"),
    ("The licence brings in JP¥5 billion", 5e9, "JPY", "exact"),
    ("Astellas will pay 300 million yen", 3e8, "JPY", "exact"),
    ("the purchase price is 2.4 billion Swedish crowns", 2.4e9, "SEK", "exact"),
    ("it sold the ferry line for 850 million Norwegian crowns", 8.5e8, "NOK", "exact"),
    ("a stake worth about 1.2 billion Danish crowns", 1.2e9, "DKK", "about"),
    ("the plant cost 3 billion Czech crowns to build", 3e9, "CZK", "exact"),
    ("首付款3亿日元", 3e8, "JPY", "exact"),
    ("a one-off charge of -$5 million", -5e6, "USD", "exact"),
    ("quarterly net loss of ($99.99)", -99.99, "USD", "exact"),
    ("net loss narrowed to (RMB 12.3 million)", -1.23e7, "CNY", "exact"),
    ("about RMB 19.151 billion, surging 102.65%", 1.9151e10, "CNY", "about"),
    ("approximately RMB 45.456 billion in revenue", 4.5456e10, "CNY", "about"),
    ("nearly HK$3 billion of inflows", 3e9, "HKD", "about"),
    ("revenue exceeded 36 billion yuan last year", 3.6e10, "CNY", "over"),
    ("net profit of over 2 billion yuan", 2e9, "CNY", "over"),
    ("inflows of more than RMB 60 billion", 6e10, "CNY", "over"),
    ("a net profit of not less than RMB 800 million", 8e8, "CNY", "at_least"),
    ("guidance of at least $560 million", 5.6e8, "USD", "at_least"),
    ("a loss of less than RMB 50 million", 5e7, "CNY", "under"),
    ("milestones of as much as $1.77 billion", 1.77e9, "USD", "up_to"),
    ("the total rose to roughly $1.97 billion", 1.97e9, "USD", "about"),
    ("预计净利润约120.8亿元", 1.208e10, "CNY", "about"),
    ("营收超过1000亿元", 1e11, "CNY", "over"),
    ("募资逾5亿港元", 5e8, "HKD", "over"),
    ("净利润5亿元以上", 5e8, "CNY", "over"),
    ("研发投入30亿元左右", 3e9, "CNY", "about"),
    ("合同金额1.2亿多元", 1.2e8, "CNY", "over"),
    ("hk $ 10.05 billion in exports", 1.005e10, "HKD", "exact"),
    ("a us $ 150 million world bank loan", 1.5e8, "USD", "exact"),
    ("a charge of c $ 16.4 million", 1.64e7, "CAD", "exact"),
    ("the fund raised S$45 million", 4.5e7, "SGD", "exact"),
    ("NT$1,160 per share", 1160.0, "TWD", "exact"),
    ("a 1.2 trillion won investment", 1.2e12, "KRW", "exact"),
    ("Rmb1.2bn of orders", 1.2e9, "CNY", "exact"),
    ("RMB500m in the first half", 5e8, "CNY", "exact"),
    ("$2.5 mln of seed funding", 2.5e6, "USD", "exact"),
    ("a CNH 3 billion dim sum bond", 3e9, "CNY", "exact"),
    ("the 1,000 yuan subsidy per patient", 1000.0, "CNY", "exact"),
    ("two billion dollars in deals", 2e9, "USD", "exact"),
    ("half a billion dollars of orders", 5e8, "USD", "exact"),
    ("a 20 million Hong Kong dollars facility", 2e7, "HKD", "exact"),
    ("sales of 1,599.00 € in the shop", 1599.0, "EUR", "exact"),
    ("Preis 1.599,00 € inkl. MwSt", 1599.0, "EUR", "exact"),
    ("cena 1 995,00 Kč", 1995.0, "CZK", "exact"),
    ("price CHF 1'049,95", 1049.95, "CHF", "exact"),
    ("only .75 € per unit", 0.75, "EUR", "exact"),
    ("Rp 31.500 per tablet", 31500.0, "IDR", "exact"),
    ("the fee was 3 dollars 50 cents", 3.5, "USD", "exact"),
    ("这个药盒五元三毛", 5.3, "CNY", "exact"),
    ("They lost 75 USD million in the quarter", 7.5e7, "USD", "exact"),
    ("30 MUSD of new orders", 3e7, "USD", "exact"),
    ("Huadong pays 首付款2.5亿元 upfront", 2.5e8, "CNY", "exact"),
    ("人民币 8千元", 8000.0, "CNY", "exact"),
    ("8亿元人民币的合同", 8e8, "CNY", "exact"),
    ("a $ SGD4.90 fee", 4.9, "SGD", "exact"),
    ("listed at $1,190.00 AUD", 1190.0, "AUD", "exact"),
    ("shares closed at HK$45.20 on Friday", 45.2, "HKD", "exact"),
    ("a Series A of $300 million from a syndicate", 3e8, "USD", "exact"),
    ("净亏损约1.34亿元", 1.34e8, "CNY", "about"),
    ("value traded fell to 210K units/RM512K in May", 512000.0, "MYR", "exact"),  # a slash before: no currency pair
    ("the fund's size stood at RM2.45mil", 2.45e6, "MYR", "exact"),
    ("a net loss of 420-million yuan for the half", 4.2e8, "CNY", "exact"),  # a scale word joined by a hyphen
    ("profit of $12.5-billion in the year", 1.25e10, "USD", "exact"),
    ("a loss of NZ$4.2\nbillion for the half", 4.2e9, "NZD", "exact"),  # a hard-wrapped line before the scale word
]


@pytest.mark.parametrize(("text", "value", "currency", "qualifier"), SINGLE)
def test_single_amount(text: str, value: float, currency: str, qualifier: str) -> None:
    money = one(text)
    assert math.isclose(money.value, value, rel_tol=1e-9)
    assert money.currency == currency
    assert money.qualifier == qualifier
    assert money.usd is None and money.rmb is None and money.fx_date is None


# text, low, high, currency, mention
RANGES = [
    # a per-share range with 'between': the second figure without its currency or scale
    ("a loss per share of between SGD 2.15 and 2.60", 2.15, 2.6, "SGD", "between SGD 2.15 and 2.60"),
    (
        "a net loss of between RMB 6.333 billion and 6.501 billion",
        6.333e9,
        6.501e9,
        "CNY",
        "between RMB 6.333 billion and 6.501 billion",
    ),
    ("revenue of RMB 6.3-6.5 billion", 6.3e9, 6.5e9, "CNY", "RMB 6.3-6.5 billion"),
    ("valued at $1 million to $2 million", 1e6, 2e6, "USD", "$1 million to $2 million"),
    ("a placement of HK$1.2bn–1.5bn", 1.2e9, 1.5e9, "HKD", "HK$1.2bn–1.5bn"),
    (
        "to between RMB 450 million and RMB 520 million",
        4.5e8,
        5.2e8,
        "CNY",
        "between RMB 450 million and RMB 520 million",
    ),
    ("EPS of RMB 0.98 to RMB 1.08", 0.98, 1.08, "CNY", "RMB 0.98 to RMB 1.08"),
    ("预计净利润为5亿元至6亿元", 5e8, 6e8, "CNY", "5亿元至6亿元"),
    ("预计亏损5-6亿元", 5e8, 6e8, "CNY", "5-6亿元"),
    ("亏损3000万元-4000万元", 3e7, 4e7, "CNY", "3000万元-4000万元"),
    ("a fee of $10-$20 million", 1e7, 2e7, "USD", "$10-$20 million"),
    # 'from A to B' is a change, but after 'range' or 'ranging' a range
    (
        "profit will range from RMB 54 million to RMB 55 million",
        5.4e7,
        5.5e7,
        "CNY",
        "RMB 54 million to RMB 55 million",
    ),
    ("ranging from 71.0 million to 93.0 million yuan", 7.1e7, 9.3e7, "CNY", "71.0 million to 93.0 million yuan"),
    # a range of two negative figures, the second's sign inside the link
    ("a result of -64~-52 million yuan for the half", -6.4e7, -5.2e7, "CNY", "-64~-52 million yuan"),
    ("a result of -3 to -2 billion yuan", -3e9, -2e9, "CNY", "-3 to -2 billion yuan"),
    ("净利润-6400万元~-5200万元", -6.4e7, -5.2e7, "CNY", "-6400万元~-5200万元"),
    ("a shortfall of between -$310 and -$340 million", -3.4e8, -3.1e8, "USD", "between -$310 and -$340 million"),
    ("a deficit of -$6 to -$7 million", -7e6, -6e6, "USD", "-$6 to -$7 million"),
    # a text wrapped at a fixed width breaks a line inside the range
    (
        "profit may reach 1.15 billion to\n1.35 billion yuan this half",
        1.15e9,
        1.35e9,
        "CNY",
        "1.15 billion to\n1.35 billion yuan",
    ),
    # a range whose two figures are the same, as a flash may write it
    ("SEES Q3 SALES AT $4.4-4.4 BILLION", 4.4e9, 4.4e9, "USD", "$4.4-4.4 BILLION"),
    # after 'in a range of' two figures joined by 'and', or by nothing at all
    ("expects EPS in a range of $4.12 and $4.47 a share", 4.12, 4.47, "USD", "$4.12 and $4.47"),
    (
        "sales in the range of $6.40 billion $6.55 billion this year",
        6.4e9,
        6.55e9,
        "USD",
        "$6.40 billion $6.55 billion",
    ),
    (
        "a margin in the expected range of $2.1 billion and $2.3 billion",
        2.1e9,
        2.3e9,
        "USD",
        "$2.1 billion and $2.3 billion",
    ),
]


@pytest.mark.parametrize(("text", "low", "high", "currency", "mention"), RANGES)
def test_range(text: str, low: float, high: float, currency: str, mention: str) -> None:
    money = one(text)
    assert money.qualifier == "range"
    assert math.isclose(money.low, low, rel_tol=1e-9)
    assert math.isclose(money.high, high, rel_tol=1e-9)
    assert math.isclose(money.value, (low + high) / 2, rel_tol=1e-9)
    assert money.currency == currency
    assert money.text == mention


# text, value, currency: the parenthetical or 'or' conversion is part of the one mention
CONVERSIONS = [
    ("Lilly pays US$1.2 billion (¥8.76 billion RMB) upfront", 1.2e9, "USD"),
    ("revenue of RMB 100 million (about US$13.8 million)", 1e8, "CNY"),
    ("the deal is worth HK$780 million (US$100 million)", 7.8e8, "HKD"),
    ("3 billion yuan ($414 million) in milestones", 3e9, "CNY"),
    ("HK$1.2 billion, or about US$154 million, from the placing", 1.2e9, "HKD"),
    ("RMB 5 billion（约6.9亿美元）的交易", 5e9, "CNY"),
    # a range and its conversion, of one bound or of both
    ("profit of RMB 3.2 billion-RMB 3.6 billion ($510 million) for the half", 3.4e9, "CNY"),
    (
        "a net profit of 150 million to 170 million HK dollars (about 19.2 million to 21.8 million U.S. dollars)",
        1.6e8,
        "HKD",
    ),
]


@pytest.mark.parametrize(("text", "value", "currency"), CONVERSIONS)
def test_conversion_is_one_amount(text: str, value: float, currency: str) -> None:
    money = one(text)
    assert money.value == pytest.approx(value)
    assert money.currency == currency
    assert money.text.endswith((")", "）", "million"))


# text, [(value, currency), ...]
SEVERAL = [
    ("an upfront payment of $350 million and up to $8.85 billion in milestones", [(3.5e8, "USD"), (8.85e9, "USD")]),
    ("its size grows from RMB 1 billion to about RMB 1.1 billion", [(1e9, "CNY"), (1.1e9, "CNY")]),
    # a revision from a figure named before it is no range
    ("revised up from the previous forecast of 300 million yen to 450 million yen", [(3e8, "JPY"), (4.5e8, "JPY")]),
    ("cut from its earlier estimate of $2 billion to $1.6 billion", [(2e9, "USD"), (1.6e9, "USD")]),
    ("a loss of 300 million yen to 450 million yen for the year", [(3.75e8, "JPY")]),  # a range
    ("bids of $4.1 billion $4.6 billion and $5 billion", [(4.1e9, "USD"), (4.6e9, "USD"), (5e9, "USD")]),  # no range
    ("* capex $80 million\n- $95 million of buybacks", [(8e7, "USD"), (9.5e7, "USD")]),  # a bullet is no link
    ("a range of plans: $3 million and $5 million", [(3e6, "USD"), (5e6, "USD")]),  # 'range of' not before the figure
    # a bracket after a figure with no currency holds its conversion, not an amount in accounting notation
    ("a 17 billion ($150 million) net profit", [(1.5e8, "USD")]),
    ("a net loss of ($42 million) for the quarter", [(-4.2e7, "USD")]),
    ("shares fell 5 yuan to 30 yuan", [(5.0, "CNY"), (30.0, "CNY")]),
    ("net inflows of RMB 326 million and RMB 188 million respectively", [(3.26e8, "CNY"), (1.88e8, "CNY")]),
    ("revenue of US$2 billion and RMB 500 million", [(2e9, "USD"), (5e8, "CNY")]),
    ("净亏损约1.34亿元, or about RMB 134 million", [(1.34e8, "CNY"), (1.34e8, "CNY")]),
    ("$39 million, or $0.21 per share", [(3.9e7, "USD"), (0.21, "USD")]),
    ("10 rmb 20 usd", [(10.0, "CNY"), (20.0, "USD")]),
    ("rmb 10 usd 20", [(10.0, "CNY"), (20.0, "USD")]),
    ("The annual loss is -15€ ($-99.99).", [(-15.0, "EUR"), (-99.99, "USD")]),
    # a currency written once after a list of figures with the same scale word is every figure's
    (
        "short sales of 4.21 billion and 1.05 billion Hong Kong dollars respectively",
        [(4.21e9, "HKD"), (1.05e9, "HKD")],
    ),
    ("inflows of 3 billion, 2 billion and 1.5 billion yuan", [(3e9, "CNY"), (2e9, "CNY"), (1.5e9, "CNY")]),
    ("sold 5 million shares and 3 million dollars of bonds", [(3e6, "USD")]),  # a figure of something else
    ("2.1 billion and US$3 billion", [(3e9, "USD")]),  # the currency stands before the next figure only
    ("1.2 million and 3 billion euros", [(3e9, "EUR")]),  # another scale word: not one list
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL)
def test_several_amounts(text: str, expected: list[tuple[float, str]]) -> None:
    found = find_amounts(text)
    got = [(m.item.value, m.item.currency) for m in found]
    assert len(got) == len(expected), got
    for (gv, gc), (wv, wc) in zip(got, expected):
        assert gv == pytest.approx(wv)
        assert gc == wc
    for m in found:
        assert m.item.text == text[m.start : m.end]


NO_MONEY = [
    "ETF 520880 rose 3.86%",
    "the fund code 520880",
    "520880",
    "Innovent (01801.HK) and Hengrui (600276.SH) rallied",
    "BeiGene 688235.SH closed higher",
    "in 2025 the company grew",
    "The ETF supports T+0 trading",
    "which offers 100% exposure to innovative drugs",
    "3.86%",
    "It weighs no more than 2,000.45±0.01 pounds",
    "a twenty-pound bag of rice",
    "One pound of coal burns hot",
    "exactly dollars",
    "I counted the dollars thousand of times.",
    "All 70 of us",
    "Q3 2025 revenue rose 12% year on year",
    "several hundred million yuan",
    "数亿元的投入",
    "the yuan weakened to 7.25 per dollar",
    "5G and 3D printing",
    "the top 10 BD deals",
    "两块蛋糕",
    "On February 8, 2026, the company said",
    "订单号 A202107211321363588510367",
    "USD/CNY 7.1 at the close",
    "the CNY/MYR 0.65 cross",
    "",
]


@pytest.mark.parametrize("text", NO_MONEY)
def test_no_money(text: str) -> None:
    assert parse_amounts(text) == []


def test_yen_argument_decides_the_yen_sign() -> None:
    assert one("Takeda pays ¥8.76 billion", yen="JPY").currency == "JPY"
    assert one("Takeda pays ¥8.76 billion").currency == "CNY"
    assert one("Takeda pays 8.76 billion yen", yen="CNY").currency == "JPY"


@pytest.mark.parametrize(
    "article, yen",
    [
        # no yen sign: the default, without reading the article
        ("The Tokyo-based Japanese carmaker expects a record year.", "CNY"),
        # an article that names Japan more often than China means yen
        ("Tokyo-listed Kanto Electric expects net profit of ¥70 billion.", "JPY"),
        ("The Japanese miller cut its forecast to ¥12 billion, citing a weaker yen.", "JPY"),
        ("The Bank of  Japan bought ¥70.1 billion of funds on Friday.", "JPY"),
        # an article that names China as often or more means yuan
        ("The Shanghai-listed brewer expects ¥4.9 billion, more than peers in Japan and China.", "CNY"),
        ("The fund drew ¥4.9 billion; China's ETF market overtook Japan's.", "CNY"),
        ("The fund drew ¥4.9 billion in 20 days.", "CNY"),
        # markers are whole words: 'Japanese-made' holds one, 'Chinatown' none
        ("Japanese-made robots sold in Chinatown for ¥3 million.", "JPY"),
    ],
)
def test_an_article_tells_what_a_bare_yen_sign_means(article: str, yen: str) -> None:
    assert yen_of(article) == yen


def test_an_article_about_japan_reads_its_yen_signs_as_yen() -> None:
    import extractor

    text = (
        "Kanto Electric, the Tokyo-listed Japanese maker of transformers, said on Monday it now expects net profit "
        "of ¥70 billion for the year to March 2017, up from ¥52 billion a year earlier."
    )
    events = extractor.extract(text, published="2016-09-28")
    assert [m.value.currency for e in events for m in e.metrics] == ["JPY"]


@pytest.mark.parametrize(
    "article, dollar",
    [
        ("Cochlear (ASX: COH) now guides to net profit of $385 million to $400 million.", "AUD"),
        ("The company now expects revenue of NZ$1.2 billion; its shares fell to $6.14.", "NZD"),
        ("AltaGas will sell the stake for C$922m ($707.87m); it plans to raise $2bn.", "CAD"),
        ("The SGX-listed group expects a loss; its shares fell to $0.12.", "SGD"),
        ("Intel (Nasdaq: INTC) expects revenue of $12 billion to $12.5 billion.", "USD"),
        ("Lilly will pay up to $8.85 billion.", "USD"),
        ("Shares of the ASX-listed miner fell; the NYSE and Nasdaq and Wall Street closed lower at $5.", "USD"),
        ("No dollar here, though the ASX fell.", "USD"),
        (
            "A Korean brewer will buy two Australian cider labels for $310 million, adding the Australian brands "
            "to its range after its Melbourne plant opened.",
            "AUD",
        ),
        ("A Canadian pension fund agreed to pay $4 billion for a Chilean toll road.", "USD"),
        (
            "Canada's Canadian miners, listed in Toronto, took in $2 billion; in the U.S. and American markets, ...",
            "USD",
        ),
        (
            "Funds listed in Canada took in US$1.35 Bn in May. Canadian funds listed in Canada gathered $1.35 Bn.",
            "USD",
        ),
        ("A Wellington carmaker listed on the NZX and the ASX expects a profit of $40m.", "NZD"),
    ],
    ids=[
        "exchange",
        "written form",
        "form and conversion",
        "SGX",
        "US exchange",
        "nothing",
        "US places win",
        "no $",
        "country named often",
        "country named once",
        "US named as often",
        "figure restated with US$",
        "tie goes to the country named",
    ],
)
def test_an_article_tells_what_a_bare_dollar_sign_means(article: str, dollar: str) -> None:
    assert dollar_of(article) == dollar


@pytest.mark.parametrize(
    "text, dollar, expected",
    [
        ("guided to net profit of $355 million", "AUD", [(355e6, "AUD")]),
        ("for C$922m ($707.87m) in cash", "CAD", [(922e6, "CAD")]),
        ("for A$1.2 billion ($800 million) in cash", "AUD", [(1.2e9, "AUD")]),
        ("revenue of US$1.74 billion", "CAD", [(1.74e9, "USD")]),
        ("revenue of HK$1.74 billion", "AUD", [(1.74e9, "HKD")]),
    ],
    ids=["bare", "conversion into US dollars", "range of forms", "US$ stays", "HK$ stays"],
)
def test_a_bare_dollar_takes_the_article_s_dollar(text: str, dollar: str, expected: list[tuple[float, str]]) -> None:
    assert [(m.item.value, m.item.currency) for m in find_amounts(text, dollar=dollar)] == expected


@pytest.mark.parametrize(
    "article, expected",
    [
        ("A Manila lender booked P240-million in fees and P1,500 a unit.", [(240e6, "PHP"), (1500.0, "PHP")]),
        ("The Philippine developer sold the lot for P2.5 billion.", [(2.5e9, "PHP")]),
        ("A Lagos bank earned N18.5 billion, and N4.2bn a quarter earlier.", [(18.5e9, "NGN"), (4.2e9, "NGN")]),
        ("The JSE-listed miner lost R4.8bn, against R52,0 million a year ago.", [(4.8e9, "ZAR"), (52e6, "ZAR")]),
        ("An Oslo insurer valued itself at 6.2 billion kroner ($700 million).", [(6.2e9, "NOK")]),
        ("A Copenhagen brewer paid 900 million kroner for it.", [(900e6, "DKK")]),
        ("A Mexican chain sold it for 3 billion pesos.", [(3e9, "MXN")]),
        ("The board paid P240 million for it.", []),
        ("A Nigerian hospital ordered N95 masks in Q3, with a P/E of 12.5 and H1 2024 sales.", []),
        ("A Philippine lender plans a P3 coupon.", []),
        ("Both Oslo and Copenhagen funds paid 50 million kroner.", []),
        ("A Karachi broker bought the stake for Rs 12,500,000.00.", [(12.5e6, "PKR")]),
        ("A Colombo tea firm earned Rs. 2.1 billion.", [(2.1e9, "LKR")]),
        ("A Mumbai lender earned Rs 300 crore; a Lahore rival earned less.", [(3e9, "INR")]),
    ],
    ids=[
        "peso letter",
        "peso decimals",
        "naira letter",
        "rand letter",
        "kroner and its conversion",
        "danish kroner",
        "mexican pesos",
        "no country, no letter",
        "letters that are no currency",
        "bare letter before a plain figure",
        "two countries tie",
        "rupees in a Pakistani story",
        "rupees in a Sri Lankan story",
        "a tie leaves the form its own currency",
    ],
)
def test_an_article_tells_what_bare_letters_and_family_words_mean(
    article: str, expected: list[tuple[float, str]]
) -> None:
    found = find_amounts(article, local=local_of(article))
    assert [(m.item.value, m.item.currency) for m in found] == expected


@pytest.mark.xfail(strict=True, reason="two scale words in a row ('lakh crore') apply only the first (facts/numbers)")
def test_a_compound_indian_scale() -> None:
    assert [m.value for m in parse_amounts("the lender's book grew to Rs 2.4 lakh crore this year")] == [2.4e12]


def test_figure_and_currency_word_before_a_bracket_keep_it_a_conversion() -> None:
    """'5 billion crowns ($600 million)': the bracket holds a conversion, not a loss in accounting notation."""
    found = find_amounts("It paid 5 billion crowns ($600 million) for the unit.")
    assert [(m.item.value, m.item.currency) for m in found] == [(600e6, "USD")]


def test_offsets_cover_qualifier_and_currency_words() -> None:
    text = "Lilly will pay up to $8.85 billion, including $350 million upfront."
    found = find_amounts(text)
    assert [(m.start, m.end) for m in found] == [(15, 34), (46, 58)]
    assert [m.item.text for m in found] == ["up to $8.85 billion", "$350 million"]


PATHOLOGICAL = [
    "up to " * 10000 + "$5",
    "up to " * 10000,
    "1" * 100000,
    "$" + "1" * 100000,
    "$" * 50000,
    "$ " * 50000 + "5",
    "1," * 50000,
    "1.234" * 20000 + " yuan",
    "一" * 50000 + "元",
    "one " * 20000 + "dollars",
    "between " * 10000 + "$5 and $6",
    "($5) " * 5000,
    "-" * 50000 + "$5",
    "hk $ " * 20000 + "5",
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_inputs_finish(text: str) -> None:
    found = find_amounts(text)
    for m in found:
        assert m.item.text == text[m.start : m.end]


@pytest.mark.parametrize(
    ("before", "after"),
    [("5 ", ""), ("5", " million"), ("5-", ""), ("5 多", ""), ("", " 5"), ("", "5"), ("", ": -5"), ("", " − 5")],
)
def test_the_currency_gates_pass_wherever_a_currency_stands(before: str, after: str) -> None:
    """Every form of the currency table, after and before a figure: where the full pattern finds it, so does its
    cheap gate (which is tried first)."""
    from extractor.facts.amounts import _currency_table

    table = _currency_table()
    forms = [*table["ci"], *table["cs"], *(f.upper() for f in table["ci"]), *(f.title() for f in table["ci"])]
    for form in forms:
        text = f"{before}{form}{after}"
        pos = len(before.rstrip(" 多-")) if before else 0
        if before and table["after"].match(text, pos):
            assert table["after_gate"].match(text, pos), form
        end = len(before) + len(form) + len(after) - len(after.lstrip(" :-−"))
        if not before and table["before"].match(text, max(0, end - 48), end):
            assert table["before_gate"].match(text, max(0, end - 48), end), form


@pytest.mark.parametrize(
    ("words", "text", "count"),
    [
        (["ASX", "Sydney"], "Listed on the ASX, the Sydney miner said", 2),
        (["ASX"], "the ASXL index rose", 0),
        (["New Zealand"], "New\u00a0Zealand and New Zealand dairy", 2),
        (["New Zealand"], "a new zealand farm", 0),
        (["TSX"], "no market named here", 0),
    ],
)
def test_marker_counts_skip_texts_without_a_word_opening(words: list[str], text: str, count: int) -> None:
    from extractor.facts.amounts import REGEX_TIMEOUT, _count_markers, _markers

    pattern = _markers(words)
    assert _count_markers(pattern, text) == count == len(pattern.findall(text, timeout=REGEX_TIMEOUT))
