"""Fund mentions with codes (extractor.facts.funds): the name before a head word, the code after it."""

from __future__ import annotations

import pytest

from extractor.facts.funds import find_funds, listed_fund_code

CASES = [
    # mainland codes in brackets, names from the words before the head
    ("The Hong Kong Biotech ETF (159567) increased by 0.74%", [("159567", "Hong Kong Biotech ETF")]),
    (
        "The Harvest CSI 300 ETF (159919), ChinaAMC CSI 300 ETF (510330) saw",
        [("159919", "Harvest CSI 300 ETF"), ("510330", "ChinaAMC CSI 300 ETF")],
    ),
    ("港股创新药ETF(513120)份额增加", [("513120", None)]),
    ("the STAR Market 50 ETF (code: 588000) rose", [("588000", "STAR Market 50 ETF")]),
    # Hong Kong codes, with or without a market suffix, and a head in capitals
    ("the Harbor Hang Seng TECH Index ETF (3088 HK), ranked first", [("3088", "Harbor Hang Seng TECH Index ETF")]),
    ("TRACKER FUND (02800) was registered at 2:21p.m.", [("02800", "TRACKER FUND")]),
    ("the ChinaAMC Hang Seng Biotech Index ETF (3069.HK) listed", [("3069", "ChinaAMC Hang Seng Biotech Index ETF")]),
    # US letter tickers: in brackets, with an exchange prefix, after ', or', right after the head
    (
        "iShares China Large-Cap ETF (FXI), Global X MSCI China ETF (CHIQ), and KraneShares CSI China Internet ETF (KWEB).",
        [
            ("FXI", "iShares China Large-Cap ETF"),
            ("CHIQ", "Global X MSCI China ETF"),
            ("KWEB", "KraneShares CSI China Internet ETF"),
        ],
    ),
    ("Shares of SPDR Gold Shares (NYSEARCA:GLD) saw high volume", [("GLD", "SPDR Gold Shares")]),
    ("Franklin FTSE China ETF (NYSEARCA:FLCH – Free Report) got the nod", [("FLCH", "Franklin FTSE China ETF")]),
    (
        "The $1.2 billion Global X China Consumer ETF, or CHIQ, was up 2.3 percent",
        [("CHIQ", "Global X China Consumer ETF")],
    ),
    (
        "The iShares Semiconductor ETF SOXX, which tracks the index, dropped 7.6% and the VanEck Semiconductor ETF SMH slid",
        [("SOXX", "iShares Semiconductor ETF"), ("SMH", "VanEck Semiconductor ETF")],
    ),
    # a code introduced after a comma, and a ticker standing before the head
    ("Outflows hit the Global Clean Energy ETF, also called CLNX, on Monday", [("CLNX", "Global Clean Energy ETF")]),
    (
        "Investors pulled cash from the Vanguard Europe exchange-traded fund, ticker VGKX, last week",
        [("VGKX", "Vanguard Europe exchange-traded fund")],
    ),
    ("Demand for the LQDX ETF jumped after the auction", [("LQDX", None)]),
    # a date or a time before the name is no part of it
    ("2024-05-02 Invesco Solar ETF (NYSEARCA:TANX) fell", [("TANX", "Invesco Solar ETF")]),
    ("11:05 SPDR Energy Fund (XLEX) gained", [("XLEX", "SPDR Energy Fund")]),
    # an issuer after the head, a second counter's code, an exchange prefix with a space, a name opened by a bracket
    ("the resources ETF Harvest (159930) rose", [("159930", "resources ETF")]),
    ("The 10-year treasury ETF, Guotai (511260), was quoted at 120 yuan", [("511260", "10-year treasury ETF")]),
    ("The Dividend ETF by China Southern (515180) gained 0.8%", [("515180", "Dividend ETF")]),
    ("红利ETF华泰柏瑞(510880)成交额超5亿元", [("510880", None)]),
    ("investors bought the Tracker Fund of Hong Kong (02800) on Monday", [("02800", "Tracker Fund")]),
    ("国债ETF7至10年(511260)净流入1.2亿元", [("511260", None)]),
    # a description in lower case after an article: the name; without an article, none
    ("the company bond ETF (511030) rose 0.02%", [("511030", "company bond ETF")]),
    ("The Hong Kong innovative drug ETF (513120) gained", [("513120", "Hong Kong innovative drug ETF")]),
    ("flows into semiconductor ETF (588170) rose", [("588170", None)]),
    ("the ChinaAMC Dividend ETF (83199/03199) recorded", [("83199", "ChinaAMC Dividend ETF")]),
    ("The Japan Small Cap ETF (NYSEMKT: SCJX) opened higher", [("SCJX", "Japan Small Cap ETF")]),
    ("the [SPDR Short Treasury ETF (SPTX)](https://example.com/SPTX) drew", [("SPTX", "SPDR Short Treasury ETF")]),
    ("SPDR Gold ETF Trust (GLDT) rose", [("GLDT", "SPDR Gold ETF Trust")]),  # a second head word is no issuer
    # a fund family's brand opens the name: no head word needed
    (
        "Leveraged funds such as the Direxion Daily Gold Miners Bull 2x Shares (NUGX) and VanEck Gold Miners (GDXX) rose",
        [("NUGX", "Direxion Daily Gold Miners Bull 2x Shares"), ("GDXX", "VanEck Gold Miners")],
    ),
    ("the biggest outflow hit the ProShares UltraShort Yen (YCSX) this week", [("YCSX", "ProShares UltraShort Yen")]),
    ("Global X Lithium (LITX) fell 3%", [("LITX", "Global X Lithium")]),
    # a ticker may spell the initials of a name that only a fund ends in ('ETF')
    ("the Vanguard Nordic Shares Index ETF (ASX: VNS) fell", [("VNS", "Vanguard Nordic Shares Index ETF")]),
    # a leveraged product's name needs no exchange prefix after 'Shares'; bold marks of web copy open the name
    (
        "The [**Nordix Daily Baltic Bull 3X Shares (BLTX)**](https://example.com/bltx) has lost 9%",
        [("BLTX", "Nordix Daily Baltic Bull 3X Shares")],
    ),
    # a brand's name in quotes, and a code with a data terminal's market code
    (
        "bought the 'Direxion Daily Baltic Bull 3x (BLTU)' listed in New York",
        [("BLTU", "Direxion Daily Baltic Bull 3x")],
    ),
    ("The Maple Europe Covered Call ETF (MECC CN) drew", [("MECC", "Maple Europe Covered Call ETF")]),
    # a longer code after its exchange, the name after a lower-case head; a code of capitals and figures before the
    # head; a code with the index it tracks in brackets; a fund family's brand before a six-digit code
    (
        "The domestic exchange-traded fund VNXM Growth (HoSE: FUEVNXMG) on Tuesday issued units",
        [("FUEVNXMG", "domestic exchange-traded fund")],
    ),
    (
        "The E2VFVN40 fund (tracking VN40) gained 1%, while FUEVXYZD (tracking VNStar) slipped",
        [("E2VFVN40", None), ("FUEVXYZD", None)],
    ),
    ("Retail investors bought KODEX 300 (069900) on Monday", [("069900", "KODEX 300")]),
    ("The COVID19 fund rose", []),  # a word with figures, too short for such a code
    # not funds with codes
    ("Invesco Ltd. (IVZX) shares rose after its results", []),  # a brand with a legal form: the manager
    # both counters of a Hong Kong fund listed with '&': the Hong Kong dollar one
    ("the Harbor Asia 50 ETF (82866 & 02866) drew", [("02866", "Harbor Asia 50 ETF")]),
    # an exchange-traded note or product, and a leveraged product's code led by its leverage after an exchange
    ("the Harbor Silver 3x Daily Long ETN (LSE:3HSL) rose", [("3HSL", "Harbor Silver 3x Daily Long ETN")]),
    ("the Harbor Tin 2x Daily Short ETP (LSE:2HTS) fell", [("2HTS", "Harbor Tin 2x Daily Short ETP")]),
    ("the Harbor Tin Short ETP (3XYZ) fell", []),  # a code led by a figure only after an exchange
    # a bracket that describes the fund is no code
    ("the XBNK ETF (an ETF of small lenders) slid", [("XBNK", None)]),
    ("the Global X MSCI ETF rose", []),  # capitals before the letters: they belong to a name
    ("the AI ETF boom", []),  # an acronym that is no ticker
    ("the National Social Security Fund (NSSF) bought", []),  # an acronym of the name
    ("a Real Estate Investment Trust (REIT) listing", []),
    ("China Merchants Bank Shares (600036) rose", []),  # 'Shares' ends company names too: needs an exchange prefix
    ("the Exchange Traded Fund (ETF) market", []),
    ("E Fund CSI 300 index products", []),  # a capitalised word after the head goes on with a name
    ("an ETF in the US, and the fund (HKD) class", []),
    ("3033.HK has received US$24 million", []),  # a code with no fund named
    ("investors bought the ETF, Tencent (0700) and Meituan (3690)", []),
    (
        "Shares of Harbor Chip Corp (NASDAQ:HBCX) rose 5%",
        [],
    ),  # 'Shares of' opens a company  # after a comma, only a mainland fund's code
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_fund_mentions(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(f.code, f.name) for f in find_funds(text)] == expected


def test_a_mention_spans_the_name_and_the_code() -> None:
    text = "Yesterday the iShares MSCI China ETF (MCHI) fell."
    (fund,) = find_funds(text)
    assert text[fund.start : fund.end] == "iShares MSCI China ETF (MCHI)"


BARE = [
    # a fund named with its code, then by its ticker alone or by its name alone
    (
        "Among the funds were iShares China Large-Cap ETF (FXI) and Invesco Golden Dragon China ETF (PGJ). "
        "FXI fell 2.9% and PGJ dropped 3.6%.",
        {"FXI": -2.9, "PGJ": -3.6},
    ),
    (
        "A manual trade of TRACKER FUND (02800) was registered. TRACKER FUND is now trading up 1.8% to HK$25.96.",
        {"02800": 1.8},
    ),
]


@pytest.mark.parametrize("text, moves", BARE, ids=["tickers", "name"])
def test_a_fund_named_with_its_code_is_known_by_code_or_name_alone(
    extractor, text: str, moves: dict[str, float]
) -> None:
    events = [e for e in extractor.extract(text, published="2026-03-06") if e.event_type == "etf_move"]
    assert {e.etf_code: e.change_pct for e in events} == moves


def test_a_currency_code_in_brackets_is_no_ticker() -> None:
    assert find_funds("the Bosera Money Market Fund (RMB) class") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # an exchange or a label introduces it: a ticker, though it spells a currency's code
        ("the Harbor Total Bond ETF (NASDAQ:BND) slid", [("BND", "Harbor Total Bond ETF")]),
        ("the Harbor Yen Income Fund (ticker: JPY) slid", [("JPY", "Harbor Yen Income Fund")]),
        # alone in brackets: still a currency
        ("the Harbor Total Bond ETF (BND) class", []),
    ],
)
def test_a_currency_code_an_exchange_introduces_is_a_ticker(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.code, f.name) for f in find_funds(text)] == expected


@pytest.mark.parametrize(
    "code, fund",
    [
        ("159915", True),  # Shenzhen ETF
        ("510300", True),  # Shanghai ETF
        ("588000", True),  # Shanghai STAR ETF
        ("600519", False),  # Shanghai stock
        ("000001", False),  # Shenzhen stock
        ("2800", True),  # Hong Kong ETF
        ("02828", True),  # with a leading zero
        ("83188", True),  # renminbi counter of 3188
        ("0700", False),  # Hong Kong stock
        ("09988", False),
    ],
)
def test_listed_fund_codes(code: str, fund: bool) -> None:
    assert listed_fund_code(code) is fund
