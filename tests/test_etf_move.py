"""ETF moves read from real-world layouts: how funds are known, listed and dated (extractor.events.etf_move)."""

from __future__ import annotations

import pytest
from readers import etf_moves

PUBLISHED = "2026-03-10"


def moves(extractor, text: str, published: str = PUBLISHED) -> dict[str, dict[str, object]]:
    """{code: {field: value}} of the ETF moves of a text; money as (value, currency)."""
    return etf_moves(extractor, text, published)


def table(rows: list[tuple[object, ...]]) -> list[object]:
    """Parameters of a table of cases (name, inputs..., expected), named by their first column."""
    return [pytest.param(*row[1:], id=str(row[0])) for row in rows]


def check(got: dict[str, dict[str, object]], want: dict[str, dict[str, object]]) -> None:
    """The funds are exactly those wanted, each with at least the wanted fields."""
    assert set(got) == set(want)
    for code, fields in want.items():
        for name, value in fields.items():
            assert got[code].get(name) == value, (code, name, got[code].get(name))


IDENTITY = [
    (
        "name-before-code",
        "The Clean Grid ETF rose 2.1% on Monday. Data later showed the Clean Grid ETF (516160) drew net inflows "
        "of 50 million yuan.",
        {"516160": {"change_pct": 2.1, "net_inflow": (5e7, "CNY")}},
    ),
    ("name-only", "The Asia Dividend ETF rose 1.2% on Tuesday.", {}),
    (
        # a name that one coded name ends with is that fund, by its full name
        "last-words-of-a-coded-name",
        "Regulators cleared the Harbor Cocoa ETF (CHOX) last week. The first Cocoa ETF in Europe drew inflows of "
        "$30 million on its debut on Monday.",
        {"CHOX": {"etf_name": "Harbor Cocoa ETF", "net_inflow": (3e7, "USD")}},
    ),
    (
        # a short name of capitals spelling the initials of a coded name is that fund
        "initials-of-a-coded-name",
        "The Green Hydrogen ETF (516990) rose 2.4% on Monday. In terms of scale, GH ETF's net assets reached "
        "RMB 3.2 billion.",
        {"516990": {"change_pct": 2.4, "fund_size": (3.2e9, "CNY")}},
    ),
    (
        "body-name-over-headline",
        "Updated 10:02 AM ETSolar Leaders ETF (SOLX), TSLA\n\nThe Solar Leaders ETF (SOLX) climbed 3.2% on Monday. "
        "SOLX also drew inflows of $40 million.",
        {"SOLX": {"etf_name": "Solar Leaders ETF", "change_pct": 3.2, "net_inflow": (4e7, "USD")}},
    ),
    (
        "also-called",
        "The Frontier Robotics ETF, also called BOTZX, saw $1.2 billion in outflows in the quarter.",
        {"BOTZX": {"net_inflow": (-1.2e9, "USD")}},
    ),
]


TICKERS = [
    (
        # a ticker the word 'ticker' introduces, quoted or as a cashtag, in an article about funds
        "quoted-after-ticker",
        "Cocoa ETF trading under ticker ‘CHOX,’ sinks 12% on Monday\n\nThe cocoa ETF fell sharply. Traders said "
        "CHOX lost 12% on Monday.",
        {"CHOX": {"change_pct": -12.0}},
    ),
    (
        "cashtag-after-ticker-symbol",
        "A new timber ETF began trading on Monday under the ticker symbol $ TMBX and saw over $ 40 million in "
        "trading volume.",
        {"TMBX": {"turnover": (4e7, "USD")}},
    ),
    (
        # the one fund the sentence names before the word 'ticker' is that ticker's
        "named-then-ticker-symbol",
        "The Harbor Timber ETF began trading on Monday under the ticker symbol $ TMBX and saw over $ 40 million in "
        "trading volume. The older Nordic Timber ETF (NTMB) traded $5 million.",
        {"TMBX": {"etf_name": "Harbor Timber ETF", "turnover": (4e7, "USD")}, "NTMB": {"turnover": (5e6, "USD")}},
    ),
    (
        "quoted-before-ticker",
        "Trading in the Cocoa Fund, an exchange-traded fund known for its ‘CHOX’ ticker, was halted on Monday. "
        "CHOX later fell 9%.",
        {"CHOX": {"change_pct": -9.0}},
    ),
    (
        "signed-list",
        "Asian equity ETFs extended gains on Monday. Leaders included (NYSEARCA:AAXJX) +2.1%, (EWTX) +3.4% "
        "and (INDAX) -0.8%.",
        {"AAXJX": {"change_pct": 2.1}, "EWTX": {"change_pct": 3.4}, "INDAX": {"change_pct": -0.8}},
    ),
    (
        "stock-list",
        "Chip ETFs slipped on Monday as names like Nvidia (NVDAX) and Intel (INTCX) fell. "
        "Daily moves: NVDAX -3.1%, INTCX -2.2%, and AMDX -4.0%.",
        {},
    ),
    (
        "exchange-prefix",
        "Gold ETFs drew buyers this week.\n\nNYSEARCA:GLDX is trading at $190, down $1.10 (-0.58%) on the day.",
        {"GLDX": {"change_pct": -0.58}},
    ),
    (
        "opening-subject",
        "Japan ETF outflows mount\n\nInvestors are leaving the biggest Japan equity ETFs. "
        "EWJX, the largest Japan ETF, with $12 billion in total assets, has bled $400 million this year.",
        {"EWJX": {"net_inflow": (-4e8, "USD"), "fund_size": (1.2e10, "USD")}},
    ),
    (
        "signed-flows",
        "US-listed India ETFs saw heavy inflows this year (e.g., INDYX +$1.2B, EPIX +$0.8B), while broad "
        "funds (e.g., SMINX -$0.5B) lost money.",
        {
            "INDYX": {"net_inflow": (1.2e9, "USD")},
            "EPIX": {"net_inflow": (8e8, "USD")},
            "SMINX": {"net_inflow": (-5e8, "USD")},
        },
    ),
    (
        "a-ticker-and-its-signed-flow-in-brackets",
        "Bond ETFs saw net redemptions in the week to Friday. Harbor Nordic Bond Trust 2 (NBDQ, -$0.9 billion) "
        "had the largest net redemptions of any ETF.",
        {"NBDQ": {"net_inflow": (-9e8, "USD")}},
    ),
    (
        "a-ticker-and-a-signed-percentage-after-a-comma-is-a-quote",
        "Chip ETFs slipped on Monday as Nordic Chips NCHPX, -3.1% fell with its peers.",
        {},
    ),
    (
        "respectively-for-the-last-named",
        "Flows favoured the Long Bond ETF (LBNX). Its rivals, the [Short Bond ETF (SBNX)](https://example.com/SBNX) "
        "and the [Mid Bond ETF (MBNX)](https://example.com/MBNX), drew inflows of $10 million and $2 million, respectively.",
        {"SBNX": {"net_inflow": (1e7, "USD")}, "MBNX": {"net_inflow": (2e6, "USD")}},
    ),
    (
        "opening-possessive",
        "Oil ETF trading hits a record\n\nTraders piled into oil funds this week. "
        "OILX's own chart tells the story: the fund dropped 3.5% on Monday.",
        {"OILX": {"change_pct": -3.5}},
    ),
    (
        "figures-by-the-funds-then-respectively",
        "Big index funds keep growing. The Core Index ETF (CIXX +0.4%) and the Total Index ETF (TIXX -0.2%) are "
        "the second and third largest funds, respectively.",
        {"CIXX": {"change_pct": 0.4}, "TIXX": {"change_pct": -0.2}},
    ),
    (
        "opening-verb-is-no-ticker",
        "Asian ETF issuers are busy.\n\nBRKX launched two bond ETFs on Monday, and its shares rose 2.5%.",
        {},
    ),
    ("no-fund-article", "Markets rallied on Monday. TCOMX, the travel group, rose 4% after results.", {}),
    (
        "a-quote-service-suffix-after-a-dot",
        "The Harbor Europe 600 UCITS ETF (HEUR.L) rose 0.6% on Monday, and the Harbor Canada ETF (HCAN.TO) fell 0.3%.",
        {"HEUR": {"change_pct": 0.6, "tracked_index": None}, "HCAN": {"change_pct": -0.3}},
    ),
    (
        "a-code-of-capitals-and-figures",
        "The Harbor Australia 300 ETF (H300) rose 0.8% on Monday. The Harbor FTSE World UCITS ETF (HW8) drew "
        "€120 million in February.",
        {
            "H300": {"change_pct": 0.8},
            "HW8": {"net_inflow": (1.2e8, "EUR"), "tracked_index": "FTSE World Index"},
        },
    ),
    ("a-period-in-brackets-is-no-code", "The Harbor Grain Fund (Q3) rose 0.8% on Monday.", {}),
    (
        "a-ticker-after-its-managers-possessive",
        "Spot bitcoin ETFs drew buyers for a fifth day.\n\nBlackRock's BTCX drew $520 million on Monday, while "
        "Fidelity’s FBTX saw outflows of $30 million.",
        {"BTCX": {"net_inflow": (5.2e8, "USD")}, "FBTX": {"net_inflow": (-3e7, "USD")}},
    ),
    (
        "the-flow-before-the-fund-in-its-own-clause",
        "The Harbor Nordic ETF (NRDX) is up 5% this year. Last month, investors pulled $4 million from NRDX, "
        "compared to $13 million of inflows in January.",
        {"NRDX": {"net_inflow": (-4e6, "USD")}},
    ),
    (
        "a-brand-in-a-name-is-no-ticker",
        "Gold ETFs bled on Monday.\n\nInvestors pulled $1 billion from State Street’s SPDR Harbor Gold Shares on "
        "Monday.",
        {},
    ),
    (
        "a-sector-fund-named-by-its-brand-last",
        "The Harbor Select Sector SPDR (XLHB) fell 2.3% on Monday.",
        {"XLHB": {"etf_name": "Harbor Select Sector SPDR", "change_pct": -2.3}},
    ),
    (
        "a-wire-code-in-angle-or-square-brackets",
        "The Harbor Gold ETF <HGLD.P> fell 0.4% on Monday, and the Harbor Silver ETF [HSLV] rose 0.2%.",
        {"HGLD": {"change_pct": -0.4}, "HSLV": {"change_pct": 0.2}},
    ),
    (
        "the-flows-of-all-funds-before-the-one-leading-them",
        "Bitcoin ETFs saw net inflows of $500 million on Monday, led by BlackRock's BTCX with $300 million and "
        "Fidelity's FBTX with $100 million.",
        {"BTCX": {"net_inflow": (3e8, "USD")}, "FBTX": {"net_inflow": (1e8, "USD")}},
    ),
]


SIGNS = [
    ("plus", "The Korea Value ETF (KVLX) was +1.9% on the day.", {"change_pct": 1.9}),
    ("minus-with-neutral-verb", "The Korea Value ETF (KVLX) closed -1.4% on Friday.", {"change_pct": -1.4}),
]


@pytest.mark.parametrize("text, want", table(SIGNS))
def test_a_sign_tells_the_direction(rules_only, text: str, want: dict[str, object]) -> None:
    check(moves(rules_only, text), {"KVLX": want})


LISTS = [
    (
        # a sentence opening on 'These funds' gives its figures to every fund the sentence before listed
        "these-funds",
        "Korea funds led the region last week, with the Korea Growth ETF (KGRX), the Korea Value ETF (KVLX) and the "
        "Korea Tech ETF (KTCX) ahead of the rest. These funds climbed about 6% over the week.",
        {"KGRX": {"change_pct": 6.0}, "KVLX": {"change_pct": 6.0}, "KTCX": {"change_pct": 6.0}},
    ),
    (
        "paired-without-respectively",
        "The Harvest CSI 500 ETF (159922) and the E Fund CSI 500 ETF (510580) recorded trading volumes of "
        "RMB 3.2 billion and RMB 1.1 billion on Tuesday.",
        {"159922": {"turnover": (3.2e9, "CNY")}, "510580": {"turnover": (1.1e9, "CNY")}},
    ),
    (
        "one-figure-for-all",
        "Three Korea funds in New York — the Korea Growth ETF (KGRX), the Korea Value ETF (KVLX) and the Korea "
        "Tech ETF (KTCX) — all climbed more than 3% on Thursday.",
        {"KGRX": {"change_pct": 3.0}, "KVLX": {"change_pct": 3.0}, "KTCX": {"change_pct": 3.0}},
    ),
    (
        "one-figure-for-the-last",
        "The Korea Growth ETF (KGRX) and the Korea Value ETF (KVLX) drew a combined $300 million in inflows.",
        {"KVLX": {"net_inflow": (3e8, "USD")}},
    ),
    (
        "not-a-list",
        "The Korea Growth ETF (KGRX) rose 1.5%, while the Korea Value ETF (KVLX) fell 0.4%.",
        {"KGRX": {"change_pct": 1.5}, "KVLX": {"change_pct": -0.4}},
    ),
    (
        "role-named-before-the-funds",
        "Net inflows came mainly from the Harbor CSI 500 ETF (83905), estimated at Rmb 0.8 billion, followed by "
        "the Harbor Dividend ETF (83199), estimated at Rmb 0.3 billion.",
        {"83905": {"net_inflow": (8e8, "CNY")}, "83199": {"net_inflow": (3e8, "CNY")}},
    ),
    (
        "no-role-before-the-funds",
        "Trading was busiest in the Harbor CSI 500 ETF (83905), at Rmb 0.8 billion, and in the Harbor Dividend ETF "
        "(83199), at Rmb 0.3 billion.",
        {},
    ),
]


MOVES = [
    ("risen", "The Nordic Banks ETF (NBNK) has risen 2.7% since the open on Monday.", {"change_pct": 2.7}),
    ("off", "The Nordic Banks ETF (NBNK) was off 4.1% on Tuesday, its worst day in a year.", {"change_pct": -4.1}),
    (
        "the-day-not-the-week",
        "The Nordic Banks ETF (NBNK) has climbed 6.2% cumulatively in the past week, and gained 0.8% on Monday.",
        {"change_pct": 0.8},
    ),
    (
        "a-year-figure-stands-in-for-the-day",
        "For 2025, the Nordic Banks ETF (NBNK) has traded lower by roughly 12%, and it drew inflows of $30 million "
        "on Monday.",
        {"change_pct": -12.0, "net_inflow": (3e7, "USD")},
    ),
    (
        "a-period-move-alone",
        "The Nordic Banks ETF (NBNK) has gained 14% in the past year as rates rose.",
        {"change_pct": 14.0},
    ),
    (
        "a-span-opened-by-since",
        "The Nordic Banks ETF (NBNK) pays a quarterly dividend. Since 3 March, NBNK units have returned 0.8%, while "
        "they gained 11% in the past year.",
        {"change_pct": 0.8},
    ),
    (
        "since-after-the-figure-is-no-span",
        "The Nordic Banks ETF (NBNK) tumbled 5.2% to the lowest close since Nov. 30. It has lost 4.8% year to date.",
        {"change_pct": -5.2},
    ),
    (
        "a-noun-of-a-move",
        "The Nordic Banks ETF (NBNK) reported a close of $3.65, a decrease of 1.35% at market close on Friday.",
        {"change_pct": -1.35},
    ),
    (
        "its-after-the-figure",
        "The Nordic Banks ETF (NBNK) drew inflows of $30 million on Monday. The Nordic 30 Index has dropped 8% from "
        "its record.",
        {"change_pct": None, "net_inflow": (3e7, "USD")},
    ),
    (
        "dating-back-to",
        "The Nordic Banks ETF (NBNK) rose 0.4% on Monday. The ETF is down 9% dating back to last week.",
        {"change_pct": 0.4},
    ),
    (
        "its-holdings",
        "The Nordic Banks ETF (NBNK) drew inflows of $30 million on Monday. Among its constituent stocks, Fjord "
        "Bank jumped 7.5%.",
        {"change_pct": None, "net_inflow": (3e7, "USD")},
    ),
    (
        "a-block-trade-premium",
        "A block of 5 million units of the Nordic Banks ETF (NBNK) was registered at $26.30 per unit, 0.2% higher "
        "than the previous close. The Nordic Banks ETF is now trading down 0.3%, with $91 million changing hands.",
        {"change_pct": -0.3, "turnover": (9.1e7, "USD")},
    ),
    (
        "an-ing-verb-down",
        "Bank stocks slid on Monday, with the Nordic Banks ETF (NBNK) shedding 1.8% as rates fell.",
        {"change_pct": -1.8},
    ),
    (
        "an-ing-verb-up",
        "The Nordic Banks ETF (NBNK) led the market on Tuesday, climbing 2.3% by the close.",
        {"change_pct": 2.3},
    ),
    # a change followed by 'before paring' is the session's extreme; the close comes after it
    (
        "an-extreme-before-the-close",
        "The Nordic Banks ETF (NBNK) climbed over 2% before paring its gain to end the day up 0.6%.",
        {"change_pct": 0.6, "intraday_high_pct": 2.0},
    ),
]


@pytest.mark.parametrize("text, want", table(MOVES))
def test_the_day_move_of_the_fund(rules_only, text: str, want: dict[str, object]) -> None:
    check(moves(rules_only, text), {"NBNK": want})


SIZES_AND_INDEXES = [
    (
        # a fund overtaken by the one before it keeps only its own size; the figures after it are the first's
        "figures-after-an-overtaken-fund",
        "The Harbor Cocoa ETF (ticker CHOX) surpassed the $3 billion Nordic Cocoa Trust (NCOC) in total assets, "
        "reaching $3.4 billion once a $1.1 billion inflow, its largest ever, arrived on Thursday.",
        {
            "CHOX": {"fund_size": (3.4e9, "USD"), "net_inflow": (1.1e9, "USD")},
            "NCOC": {"fund_size": (3e9, "USD"), "net_inflow": None},
        },
    ),
    (
        # a fund's market cap on a quote page is its size
        "market-cap-of-a-quote-page",
        "The 7288.HK stock is trading at HK$2.10 in Hong Kong on 09 Jan 2026, and the leveraged ETF is among the "
        "most active. Today's low is HK$2.05 and high is HK$2.15, with market cap 1234567890.00 HKD and shares "
        "outstanding 587900000.00.",
        {"7288": {"fund_size": (1234567890.0, "HKD")}},
    ),
    (
        "an-index-in-brackets-by-its-short-name",
        "The N1NORD30 fund (tracking NORD30) gained 0.4% on Monday.",
        {"N1NORD30": {"tracked_index": "NORD30", "change_pct": 0.4}},
    ),
    (
        "an-index-it-does-not-track",
        "Instead of tracking the Nordic 40 Index, the Nordic Banks ETF (NBNK) tracks the S&P/Nordic 120 Index. It rose "
        "1% on Monday.",
        {"NBNK": {"tracked_index": "S&P/Nordic 120 Index", "change_pct": 1.0}},
    ),
    (
        "size-before-the-name",
        "The $2.8 billion Nordic Banks ETF (NBNK) fell 1.2% on Monday.",
        {"NBNK": {"fund_size": (2.8e9, "USD"), "change_pct": -1.2}},
    ),
    (
        "size-before-the-second-name",
        "The Nordic Banks ETF (NBNK) fell 1.2% and the $900 million Baltic Value Fund (BLTV) slipped 0.5% on Monday.",
        {"NBNK": {"change_pct": -1.2, "fund_size": None}, "BLTV": {"fund_size": (9e8, "USD"), "change_pct": -0.5}},
    ),
    (
        "latest-size",
        "The Rare Earth ETF (516150) rose 2.2% on Monday. The ETF's latest size reached 4.3 billion yuan.",
        {"516150": {"fund_size": (4.3e9, "CNY")}},
    ),
    (
        "a-size-in-brackets-is-no-negative",
        "The Rare Earth ETF (516150) drew 30 million yuan on Monday, reaching a record scale (4.3 billion yuan).",
        {"516150": {"fund_size": (4.3e9, "CNY")}},
    ),
    (
        "a-turnover-in-brackets-is-no-negative",
        "Shares of the Solar Leaders ETF (SOLR) changed hands worth ($640 million) on Tuesday, its busiest session.",
        {"SOLR": {"turnover": (6.4e8, "USD")}},
    ),
    (
        "tickers-a-sentence-calls-stocks",
        "The Andes Equity ETF (NYSEARCA:ANDE) rose 4.2% on Monday. Other local stocks that gained include (QRTZ) "
        "+6.1%, (NYSE:MNRL) +7.3% and (PLTA) +5.0%.",
        {"ANDE": {"change_pct": 4.2}},
    ),
    (
        "withdrawal",
        "The Nordic Banks ETF (NBNK) suffered a $120 million withdrawal on Thursday.",
        {"NBNK": {"net_inflow": (-1.2e8, "USD")}},
    ),
    (
        "a-price-is-no-size",
        "The Rare Earth ETF (516150) jumped 3.1% to 1.52 yuan. Size: the fund stands at 4.3 billion yuan.",
        {"516150": {"change_pct": 3.1, "fund_size": (4.3e9, "CNY")}},
    ),
    (
        "linked-to",
        "The Nordic Banks ETF (NBNK) is linked to the Solactive Nordic Banks Index and rose 0.9% on Monday.",
        {"NBNK": {"tracked_index": "Solactive Nordic Banks Index"}},
    ),
    (
        "index-with-a-percentage",
        "The Nordic Ten ETF (NBNK) is based on the MSCI Nordic 10% Capped Index, and rose 0.9% on Monday.",
        {"NBNK": {"tracked_index": "MSCI Nordic 10% Capped Index"}},
    ),
    (
        "index-from-the-name",
        "The Harbor Hang Seng Consumer Index ETF (3128) rose 1.1% on Monday.",
        {"3128": {"tracked_index": "Hang Seng Consumer Index", "change_pct": 1.1}},
    ),
    (
        "index-read-beats-the-name",
        "The Harbor CSI Dividend Index ETF (515990) rose 1.1% on Monday. It tracks the CSI Dividend Total Return Index.",
        {"515990": {"tracked_index": "CSI Dividend Total Return Index"}},
    ),
    (
        "no-provider-no-index",
        "The Harbor Dividend Index ETF (515990) rose 1.1% on Monday.",
        {"515990": {"tracked_index": None}},
    ),
]

GLUED = [
    (
        "trading-names-with-etf-glued-in",
        "ETF Monthly Report\n\nTrading in SILVERETF picked up in May. Total value traded for SILVERETF rose from "
        "RM512K in April to RM790K in May, while ASIAETF-MYR saw its value traded fall to RM120K.",
        {"SILVERETF": {"turnover": (790000.0, "MYR")}, "ASIAETF-MYR": {"turnover": (120000.0, "MYR")}},
    ),
    ("plural-of-etf-is-no-name", "ETFS and other ETF issuers drew $3 billion of inflows last week.", {}),
]


LISTED_CODES = [
    (
        "hong-kong-code-with-market",
        "Harbor Asset Management has listed the Harbor Hang Seng Consumer Index ETF in Hong Kong. Upon inception, "
        "3128.HK has received US$30 million initial investment.",
        {"3128": {"net_inflow": (3e7, "USD"), "etf_name": "Harbor Hang Seng Consumer Index ETF"}},
    ),
    (
        "mainland-code-alone",
        "Among A-share ETFs on Monday, 159915 rose 2.1% and 510300 gained 0.8%.",
        {"159915": {"change_pct": 2.1}, "510300": {"change_pct": 0.8}},
    ),
    (
        "stock-codes-are-none",
        "Among A-share ETFs on Monday, Tencent (0700.HK) rose 2.1% and Moutai (600519) gained 0.8%.",
        {},
    ),
]


ONLY_FUND = [
    (
        "chinese-headline-english-body",
        "连续3天净流入!红利指数ETF(515990)规模创新高\n\nThe Dividend Index ETF has drawn net inflows of 120 million yuan "
        "over the past three days and its size reached 2.4 billion yuan on Monday.",
        {"515990": {"etf_name": "Dividend Index ETF", "fund_size": (2.4e9, "CNY")}},
    ),
    (
        "two-named-funds-pair-with-none",
        "红利指数ETF(515990)规模创新高\n\nThe Dividend Index ETF's size reached 2.4 billion yuan on Monday, while the "
        "Value Index ETF's size reached 1.1 billion yuan.",
        {},
    ),
]


DATES = [
    (
        "a-day-over-the-year",
        "The Japan Value ETF (JPVX), which has gained 9% so far this year, suffered a $300 million outflow on "
        "Thursday.",
        "2026-03-05",
    ),
    (
        "the-dateline-gives-way",
        "date 2026-03-09 Shares of the Japan Value ETF (JPVX) saw net outflows of $50 million on Friday.",
        "2026-03-06",
    ),
    ("as-of", "As of 10:05 on March 6, 2026, the Japan Value ETF (JPVX) rose 1.1%.", "2026-03-06"),
    (
        "a-figure-left-out",
        "The Japan Value ETF (JPVX) was off 3.5% to log its worst drop since it shed 6.1% on March 18, 2020.",
        PUBLISHED,
    ),
    (
        "an-index-dates-nothing",
        "The Japan Value ETF (JPVX) rose 1.1%.\n\nJPVX was listed in May 2011. It tracks the Solactive Japan Value "
        "Index.",
        PUBLISHED,
    ),
    (
        "the-same-day-over-a-month",
        "The Japan Growth ETF (JPGX) fell 0.7% on Monday. The Japan Value ETF (JPVX) rose 1.1% on the same day, "
        "after a weak run in February.",
        "2026-03-09",
    ),
    (
        "a-dateline-after-titles",
        "Japan funds draw buyers\nMarket wrap\nBy a staff reporter\nTranslated from a wire service\nTOKYO, March 6 (Wire) - Japan "
        "equity funds drew buyers. Brokers were busy. Volumes rose.\n\nFlows picked up late in the session.\n\n"
        "The Japan Value ETF (JPVX) drew net inflows of $20 million.",
        "2026-03-06",
    ),
    (
        "the-day-a-headline-names",
        "Japan Funds See More Than $90 Million In Outflows Monday\n\nby a staff reporter\nTuesday, Mar 10, 2026 - "
        "10:15 AM\n\nJapan equity funds lost money on Monday as the yen rose.\n\nA weak yen had helped them for a "
        "year.\n\nThe Japan Value ETF (JPVX) had $40 million of outflows, its worst run in a year.",
        "2026-03-09",
    ),
    # 'recently' gives the month; a later sentence's day within that month is finer
    (
        "a-day-within-the-month",
        "The Japan Value ETF (JPVX) recently passed $2 billion in assets.\n\nThe issuer said JPVX held $2.04 billion "
        "in assets as of Thursday, March 5.",
        "2026-03-05",
    ),
    # an undated item of a list takes the day an item above it names
    (
        "a-list-of-one-day",
        "Funds swung widely:\n\n  • The Japan Growth ETF (JPGX) rose 2.2% on Friday\n  • The Japan Value ETF (JPVX) "
        "fell 0.4%.\n  • The Japan Small ETF (JPSX) fell 1% on Friday.",
        "2026-03-06",
    ),
    # a year after publication is a forecast's horizon, not the date of the move
    (
        "a-horizon-dates-nothing",
        "Japan Value ETF (JPVX) jumps nearly 3% in early trade; brokers see Japanese exports topping USD 900 billion "
        "by 2028\n\nThe Japan Value ETF (JPVX) rose 2.9% in early trade.",
        PUBLISHED,
    ),
]


@pytest.mark.parametrize("text, day", table(DATES))
def test_the_day_of_a_move(rules_only, text: str, day: str) -> None:
    assert moves(rules_only, text)["JPVX"]["event_date"] == day


@pytest.mark.parametrize(
    "text, want", table([*IDENTITY, *TICKERS, *LISTS, *SIZES_AND_INDEXES, *GLUED, *LISTED_CODES, *ONLY_FUND])
)
def test_funds_and_their_figures(rules_only, text: str, want: dict[str, dict[str, object]]) -> None:
    """How funds are known (by code, name, ticker, trading name, a code of the funds' ranges, or as the one fund an
    article codes), listed together, sized and indexed."""
    check(moves(rules_only, text), want)


FLOWS = [
    (
        # money that 'has left' a fund is an outflow
        "money-that-has-left",
        "The Harbor Cocoa ETF (CHOX) fell on Monday. The over $40 million that has left CHOX in recent sessions is "
        "small next to its asset base.",
        {"CHOX": {"net_inflow": (-4e7, "USD")}},
    ),
    (
        # an amount 'in volume' is a turnover; a share 'of that total' takes the role of the total before it
        "a-share-of-the-total-before",
        "The new cocoa ETFs traded $900 million in volume on Monday. The Harbor Cocoa ETF (CHOX) accounted for "
        "$520 million of that total.",
        {"CHOX": {"turnover": (5.2e8, "USD")}},
    ),
    (
        "total-volume",
        "The Harbor Cocoa ETF (CHOX) ended Monday at $30 million in total volume.",
        {"CHOX": {"turnover": (3e7, "USD")}},
    ),
    (
        "no-new-money",
        "The Nordic Banks ETF (NBNK) took in no new money on Monday, its first day without inflows since launch.",
        {"NBNK": {"net_inflow": (0.0, "USD")}},
    ),
    (
        "flows-flat-in-the-sentence-currency",
        "The Baltic Value ETF (516160) rose 1.1% on turnover of 40 million yuan, and its net inflows were flat.",
        {"516160": {"change_pct": 1.1, "turnover": (4e7, "CNY"), "net_inflow": (0.0, "CNY")}},
    ),
    (
        "flat-price-is-no-flow",
        "The Nordic Banks ETF (NBNK) was flat on Monday, with $80 million changing hands.",
        {"NBNK": {"turnover": (8e7, "USD"), "net_inflow": None}},
    ),
    (
        "withdrew-before-the-fund",
        "Investors withdrew $1.2 billion from the Nordic Banks ETF (NBNK) in one week, the issuer said.",
        {"NBNK": {"net_inflow": (-1.2e9, "USD")}},
    ),
    (
        "poured-before-the-fund",
        "Investors poured $300 million into the Nordic Banks ETF (NBNK) on Monday.",
        {"NBNK": {"net_inflow": (3e8, "USD")}},
    ),
    (
        "an-injection",
        "The Nordic Banks ETF (NBNK) received an injection of $650 million on Monday.",
        {"NBNK": {"net_inflow": (6.5e8, "USD")}},
    ),
    (
        "shed-assets",
        "The Nordic Banks ETF (NBNK) shed $210 million on Monday as investors sold.",
        {"NBNK": {"net_inflow": (-2.1e8, "USD")}},
    ),
]


LABELLED = [
    (
        "brand-with-a-ticker-label",
        "The Direxion Daily Nordic Bull 3x Shares (ticker NRDL) tumbled 12% on Monday.",
        {"NRDL": {"etf_name": "Direxion Daily Nordic Bull 3x Shares", "change_pct": -12.0}},
    ),
    (
        "ticker-as-name-labelled",
        "Shares of the Nordic Timber Fund rallied on Monday.\n\nNTMB (ticker: NTMB), which holds over $2 billion in "
        "assets, gained 3.4% on the day.",
        {"NTMB": {"fund_size": (2e9, "USD"), "change_pct": 3.4}},
    ),
    (
        "ticker-labelled-without-a-fund-is-a-stock",
        "Shares of the timber group rallied on Monday.\n\nNTMB (ticker: NTMB) gained 3.4% on the day.",
        {},
    ),
    (
        "a-ticker-label-is-no-acronym",
        "The $3 billion Nordic Oil Fund (ticker NOF) dropped 9% on Monday.",
        {"NOF": {"etf_name": "Nordic Oil Fund", "change_pct": -9.0, "fund_size": (3e9, "USD")}},
    ),
    (
        "initials-in-brackets-are-an-acronym",
        "The Nordic Oil Fund (NOF) said on Monday it would sell 9% of its holdings.",
        {},
    ),
    (
        "sizes-before-names-paired-respectively",
        "The $21 billion ProShares Nordic Tech (NTEC) and the $4 billion ProShares Baltic Tech (BTEC) fell 7% and "
        "11% on Monday, respectively.",
        {
            "NTEC": {"fund_size": (2.1e10, "USD"), "change_pct": -7.0},
            "BTEC": {"fund_size": (4e9, "USD"), "change_pct": -11.0},
        },
    ),
]


NAMES_AND_QUOTES = [
    (
        "letters-before-the-head-named-with-a-code",
        "NRDIX ETF (02829) and BALTIC ETF (02831) led turnover.\n\nNRDIX ETF declined by 1.5%, and BALTIC ETF "
        "rose 0.4%.",
        {"02829": {"etf_name": "NRDIX ETF", "change_pct": -1.5}, "02831": {"change_pct": 0.4}},
    ),
    (
        "a-quote-beside-the-ticker",
        "The Nordic Banks ETF NBNK, -4.20% sank 3% on heavy volume before the open.",
        {"NBNK": {"change_pct": -3.0}},
    ),
    (
        # a move 'in early trade' is the change at the time of the report, no peak
        "in-early-trade",
        "The news lifted the Harbor Grain ETF (159866), which gained more than 0.7% in early trade on Monday.",
        {"159866": {"change_pct": 0.7, "intraday_high_pct": None}},
    ),
    (
        # 'N% intraday to <a price>' is the change at the time of the report, no peak
        "intraday-to-a-price",
        "As of 10:15 on March 9, the Harbor Grain ETF (159866) rose 0.92% intraday to RMB 1.12 per share, and the "
        "grain index it follows gained 0.81%.",
        {"159866": {"change_pct": 0.92}},
    ),
    (
        # a change the text rounds ('about 4.2%') gives way to the exact quote beside the ticker
        "a-rounded-change-gives-way-to-the-quote",
        "The Nordic Banks ETF NBNK, -4.21% closed down by about 4.2% on Monday.",
        {"NBNK": {"change_pct": -4.21}},
    ),
    (
        "a-quote-alone",
        "The Nordic Banks ETF NBNK, +1.25% drew buyers before the open.",
        {"NBNK": {"change_pct": 1.25}},
    ),
    (
        "a-paragraph-opened-on-the-fund",
        "The Nordic Banks ETF (NBNK) fell 1% on Monday.\n\nThe ETF's metrics tell a mixed story. While net assets "
        "remain at $15.08 million, volume is thin.",
        {"NBNK": {"change_pct": -1.0, "fund_size": (1.508e7, "USD")}},
    ),
    (
        "net-new-assets-taken-in",
        "The Nordix Baltic Bull 3X Shares (NBLX) has lost 9% this month.\n\nNBLX has taken in $450 million in net "
        "new assets over the last five sessions, data providers said.",
        {"NBLX": {"change_pct": -9.0, "net_inflow": (4.5e8, "USD")}},
    ),
    (
        "a-net-asset-value-with-its-acronym",
        "The exchange-traded fund Nordic Diamond (HoSE: FUENORDX) issued 300,000 units on Tuesday. At the close of "
        "October 3, the net asset value (NAV) of the fund was VND2.4 trillion.",
        {"FUENORDX": {"fund_size": (2.4e12, "VND")}},
    ),
    (
        "fund-flows-named-before-the-fund",
        "The Nordic Banks ETF (NBNK) fell 3% on Monday. Year-to-date, fund flows have been healthy in NBNK (over "
        "$788 million in).",
        {"NBNK": {"change_pct": -3.0, "net_inflow": (7.88e8, "USD")}},
    ),
    (
        "a-ticker-that-speaks-is-a-firm",
        "Nordic ETF flows hit a record.\n\nNFRS, a leading independent research firm on ETFs, reported today that "
        "ETFs listed in Norway gathered $2.27 billion in net inflows in March. NFRS said bond funds led.",
        {},
    ),
    (
        "that-etf",
        "Nordic Asset launched the Nordic Banks ETF (NBNK) in May.\n\nThat ETF now holds over $2 billion in assets.",
        {"NBNK": {"fund_size": (2e9, "USD")}},
    ),
]


PEAKS = [
    (
        "a-peak-then-the-total",
        "The Baltic Value ETF (516160) has drawn inflows for ten days, with the highest single-day net inflow "
        "reaching 120 million yuan and net inflows of 640 million yuan in all.",
        {"516160": {"net_inflow": (6.4e8, "CNY")}},
    ),
    (
        "an-average-then-the-day",
        "The Baltic Value ETF (516160) has averaged a daily turnover of 90 million yuan this month, and its "
        "turnover on Tuesday was 150 million yuan.",
        {"516160": {"turnover": (1.5e8, "CNY")}},
    ),
    (
        "a-peak-then-what-it-totals",
        "Net inflows: the Baltic Value ETF (516160) has drawn inflows for four days running, the biggest single-day "
        "amount being 90 million yuan, totalling 250 million yuan.",
        {"516160": {"net_inflow": (2.5e8, "CNY")}},
    ),
    (
        "a-peak-of-one-day-then-the-total-with-it",
        "As for flows, the Baltic Value ETF (516160) has drawn net inflows on 12 straight days, with the largest net "
        "inflow of 70 million yuan on a single day, with a total of 480 million yuan.",
        {"516160": {"net_inflow": (4.8e8, "CNY")}},
    ),
    (
        "a-peak-alone-stays",
        "The Baltic Value ETF (516160) recorded its largest single-day net inflow of 120 million yuan on Tuesday.",
        {"516160": {"net_inflow": (1.2e8, "CNY")}},
    ),
]


CONTEXT = [
    (
        "a-ticker-described-in-brackets",
        "Investors are leaving bond funds.\n\nNBND (the largest Nordic bond ETF) has seen an exodus. On Monday it "
        "lost some $300 million in outflows.",
        {"NBND": {"net_inflow": (-3e8, "USD")}},
    ),
    (
        "a-description-between-dashes",
        "The Nordic Banks ETF (NBNK)—the largest Nordic ETF, with $4 billion in assets—was hit hard, sliding 5% on "
        "Monday.",
        {"NBNK": {"change_pct": -5.0, "fund_size": (4e9, "USD")}},
    ),
    (
        "a-day-before-the-head-is-no-name",
        "Monday's ETF with Heavy Volume: TMBR\n\nThe Nordic Timber ETF is seeing unusually high volume on Monday. "
        "Shares of TMBR were down about 1.5% on the day.",
        {"TMBR": {"etf_name": "Nordic Timber ETF", "change_pct": -1.5}},
    ),
    (
        "ticker-then-lower-case-fund",
        "The Nordic Frontier ETF fell 12% in premarket trading Monday.\n\nThe NFRX fund is designed to track the "
        "Solactive Nordic Frontier Index.",
        {"NFRX": {"etf_name": "Nordic Frontier ETF", "change_pct": -12.0}},
    ),
    (
        "lower-case-fund-then-ticker",
        "Bears cashed in on Monday, and the inverse Nordic fund NBRX (up 14% today) drew a crowd.",
        {"NBRX": {"change_pct": 14.0}},
    ),
    (
        "a-brand-before-fund-is-no-ticker",
        "The SPDR fund family drew $2 billion of inflows on Monday.",
        {},
    ),
    (
        "a-dateline-place-is-no-ticker",
        "OSLO, March 9 (Wire) - Nordic ETFs drew $2 billion of inflows last week, and the Nordic Banks ETF (NBNK) "
        "rose 1.2% on Monday.",
        {"NBNK": {"change_pct": 1.2}},
    ),
    (
        "a-market-before-the-head-is-no-ticker",
        "Fund wrap\n\nThe net value of the STAR ETF rose by 2.5% on Monday.",
        {},
    ),
    (
        "a-fund-named-in-a-description",
        "The Nordic Media Fund (NCOM) drew inflows of $500 million. The Nordic Tech Fund (NTEC), the tech fund that "
        "lost members to NCOM, led outflows with $1.2 billion.",
        {"NTEC": {"net_inflow": (-1.2e9, "USD")}, "NCOM": {"net_inflow": (5e8, "USD")}},
    ),
    (
        "a-labelled-line-of-a-fund-note",
        "As of 10:15 on March 10, the Baltic Value ETF (516160) rose 2.1%.\n\nLiquidity: intraday turnover is 1.5% "
        "with 210 million yuan traded.",
        {"516160": {"change_pct": 2.1, "turnover": (2.1e8, "CNY")}},
    ),
    (
        "the-one-name-and-the-one-ticker",
        "An ETF focused on Norway surged on Monday.\n\nThe Global Nordic Norway ETF, which holds oil stocks, soared "
        "9% on Monday.\n\nNORW, one of a number of small country ETFs, has about $50 million in assets.",
        {"NORW": {"etf_name": "Global Nordic Norway ETF", "change_pct": 9.0, "fund_size": (5e7, "USD")}},
    ),
    (
        "the-one-name-and-the-ticker-traded",
        "The Nordic Timber ETF is seeing unusually high volume on Monday, with 900,000 shares traded. Shares of "
        "TMBR were up about 6% on the day.",
        {"TMBR": {"etf_name": "Nordic Timber ETF", "change_pct": 6.0}},
    ),
    (
        "two-names-leave-the-ticker-traded-unpaired",
        "The Nordic Timber ETF and the Nordic Fishing ETF saw heavy volume on Monday. Shares of TMBR were up 6%.",
        {},
    ),
    (
        "a-fund-with-a-code-leaves-the-shares-of-a-stock-alone",
        "The Nordic Timber ETF (TMBR) rose 2% on Monday. Shares of FRST, its largest holding, were up 6%.",
        {"TMBR": {"change_pct": 2.0}},
    ),
]


@pytest.mark.parametrize("text, want", table([*FLOWS, *LABELLED, *NAMES_AND_QUOTES, *PEAKS, *CONTEXT]))
def test_flows_sizes_and_labelled_tickers(rules_only, text: str, want: dict[str, dict[str, object]]) -> None:
    """Flows nil, withdrawn or poured in before the fund is named; sizes before brand names; tickers labelled; names
    in capitals before a head; quotes a page prints beside a ticker; 'that ETF'; peaks and averages give way;
    tickers known by context."""
    check(moves(rules_only, text), want)


WEEKS = [
    (
        "the-week-the-article-opens-with",
        "ETF flows for the week ending Thursday, March 5, slowed.\n\nInvestors favoured banks.\n\n"
        "The Japan Value ETF (JPVX) drew net inflows of $20 million for the week.",
        "2026-03-05",
    ),
    (
        "a-day-before-the-week",
        "As of 10:19 on March 10, the Japan Growth ETF (JPGX) rose 1%. Over the past week ended March 9 it gained 4%."
        "\n\nThe Japan Value ETF (JPVX) drew net inflows of $20 million.",
        "2026-03-10",
    ),
]


@pytest.mark.parametrize("text, day", table(WEEKS))
def test_the_week_an_article_reports(rules_only, text: str, day: str) -> None:
    assert moves(rules_only, text)["JPVX"]["event_date"] == day


def days_of(extractor, text: str) -> dict[tuple[str, str], dict[str, object]]:
    """{(code, day): {field: value}} of the ETF moves of a text (figures and index), one per fund and day; money as
    (value, currency)."""
    out: dict[tuple[str, str], dict[str, object]] = {}
    for event in extractor.extract(text, published=PUBLISHED, doc_id="t"):
        if event.event_type == "etf_move":
            fields = event.model_dump(
                exclude_none=True, include={"change_pct", "net_inflow", "fund_size", "tracked_index"}
            )
            for name, value in fields.items():
                if isinstance(value, dict):
                    fields[name] = (value["value"], value["currency"])
            out[(str(event.etf_code), str(event.event_date))] = fields
    return out


DAYS = [
    (
        "two-named-days",
        "The $3 billion Nordic Oil Fund (ticker NOF) slumped 11% on Monday. The ETF tumbled a further 20% on Tuesday.",
        {
            ("NOF", "2026-03-09"): {"change_pct": -11.0, "fund_size": (3e9, "USD")},
            ("NOF", "2026-03-10"): {"change_pct": -20.0},
        },
    ),
    (
        "a-level-goes-with-the-day-before-it",
        "The Nordic Bond ETF (NBDX) saw outflows of $500 million on Wednesday. That left the fund with $10 billion in "
        "assets at the end of trading on Tuesday. NBDX was down 1.2% on Thursday.",
        {
            ("NBDX", "2026-03-04"): {"net_inflow": (-5e8, "USD"), "fund_size": (1e10, "USD")},
            ("NBDX", "2026-03-05"): {"change_pct": -1.2},
        },
    ),
    (
        "a-moment-is-no-day-of-its-own",
        "As of 10:05 on March 10, the Baltic Value ETF (516160) rose 0.8%. As of March 9, it drew net inflows of "
        "40 million yuan.",
        {("516160", "2026-03-10"): {"change_pct": 0.8, "net_inflow": (4e7, "CNY")}},
    ),
    (
        "a-span-from-a-day",
        "The Nordic Mining ETF (NMIN) rose 2% on Monday and is up 30% from its March 2 low.",
        {("NMIN", "2026-03-09"): {"change_pct": 2.0}},
    ),
    (
        "two-days-in-one-sentence",
        "The Nordic Lira ETF (NASDAQ:NLIR) closed Monday -1.2% and has slid 8.5% in pre-market trading for Tuesday "
        "morning. The fund has $400 million in assets.",
        {
            ("NLIR", "2026-03-09"): {"change_pct": -1.2},
            ("NLIR", "2026-03-10"): {"change_pct": -8.5, "fund_size": (4e8, "USD")},
        },
    ),
    (
        "one-index-for-every-day-of-a-fund",
        "The Nordic Lira ETF (NLIR) slid 8.5% on Tuesday. It had closed Monday down 1.2%. The fund is the largest "
        "ETF that tracks the MSCI Nordic Lira Index.",
        {
            ("NLIR", "2026-03-09"): {"change_pct": -1.2, "tracked_index": "MSCI Nordic Lira Index"},
            ("NLIR", "2026-03-10"): {"change_pct": -8.5, "tracked_index": "MSCI Nordic Lira Index"},
        },
    ),
    (
        "a-span-dating-back-to-a-day",
        "The Nordic Lira ETF (NASDAQ:NLIR) slid 8.5% on Tuesday. The ETF is down 15.3%, dating back to last week, "
        "March 2.",
        {("NLIR", "2026-03-10"): {"change_pct": -8.5}},
    ),
]


@pytest.mark.parametrize("text, want", table(DAYS))
def test_one_event_per_fund_and_day(rules_only, text: str, want: dict[tuple[str, str], dict[str, object]]) -> None:
    """A fund's figures on two days the text names make two events, in two sentences or one, both with the index it
    tracks; a level (size), a moment ('as of') and a span's start ('dating back to') make none."""
    assert days_of(rules_only, text) == want


WEB_COPY = [
    (
        "an-article-glued-to-the-name",
        "The Lumen CSI Water Theme ETF (159861) rose 0.8% on Monday.\n\nIn terms of liquidity, theLumen CSI Water "
        "Theme ETF recorded a trading volume of RMB 42.5 million.",
        {"159861": {"etf_name": "Lumen CSI Water Theme ETF", "change_pct": 0.8, "turnover": (4.25e7, "CNY")}},
    ),
    (
        "a-capital-article-glued-to-the-name",
        "TheLumen CSI Water Theme ETF (159861) rose 0.8% on Monday.",
        {"159861": {"etf_name": "Lumen CSI Water Theme ETF", "change_pct": 0.8}},
    ),
    (
        "topic-paragraphs-go-on-with-the-fund",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday.\n\nIn terms of liquidity, grain funds changed hands "
        "with a turnover of 18.3 million yuan.\n\nIn terms of capital flows, the latest inflows and outflows of "
        "grain funds were flat.",
        {"159866": {"change_pct": 1.1, "turnover": (1.83e7, "CNY"), "net_inflow": (0.0, "CNY")}},
    ),
    (
        "a-paragraph-without-a-topic-does-not",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday.\n\nGrain futures drew inflows of 50 million yuan.",
        {"159866": {"change_pct": 1.1, "net_inflow": None}},
    ),
    (
        "capital-absorption-is-an-inflow",
        'The Harbor Grain ETF (159866) rose 1.1% on Monday, accumulating a total of RMB 19.6 million in "capital '
        'absorption" over the recent 10 trading days.',
        {"159866": {"net_inflow": (1.96e7, "CNY")}},
    ),
    (
        "size-increased-by-is-no-size",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday.\n\nIn terms of scale, the fund's size increased by "
        "RMB 26 million in the past two weeks.",
        {"159866": {"fund_size": None}},
    ),
]

PARAGRAPHS = [
    (
        "quote-chips-on-lines-of-their-own",
        "Nordic funds slump\n\nThe Harbor Nordic ETF\n\nNRDC, -4.12%\n\n fell 3.9% on Friday, the Harbor Baltic ETF"
        "\n\nBLTC, -2.55%\n\n dropped 2.4%.\n\nThe Harbor Arctic ETF\n\nARCE, -0.71%\n\nand the Harbor Fjord ETF\n\n"
        "FJRD, -1.04%\n\n were each down 1%.",
        {
            "NRDC": {"change_pct": -3.9, "event_date": "2026-03-06"},
            "BLTC": {"change_pct": -2.4},
            "ARCE": {"change_pct": -1.0},
            "FJRD": {"change_pct": -1.0},
        },
    ),
    (
        "a-day-of-the-paragraph-over-a-month-between",
        "The Harbor Nordic ETF (NRDC) slid on Friday as the krona fell. The central bank had cut rates in January. "
        "The Harbor Nordic ETF (NRDC) closed down 3.9%.",
        {"NRDC": {"change_pct": -3.9, "event_date": "2026-03-06"}},
    ),
    (
        "a-peak-gives-way-to-the-total-of-the-next-sentence",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday.\n\nIn terms of capital inflows, the ETF drew net "
        "inflows on five straight days, its maximum single-day net inflow being RMB 40 million. The total "
        "net inflow reached RMB 150 million.",
        {"159866": {"net_inflow": (1.5e8, "CNY")}},
    ),
    (
        "a-peak-alone-stays",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday, with a maximum single-day net inflow of RMB 40 million "
        "this week.",
        {"159866": {"net_inflow": (4e7, "CNY")}},
    ),
    (
        "a-rounded-change-gives-way-to-the-exact-one",
        "Sake Makers Under Pressure\n\nWeak sales hit distillers; the Harbor Sake Index ETF (03177.HK) turned lower "
        "in intraday trade, sinking more than 2%.\n\nOn 9 March the sell-off went on; as of 14:10 the Harbor Sake "
        "Index ETF (03177.HK) was still lower in choppy trade, down 2.37%.",
        {"03177": {"change_pct": -2.37}},
    ),
    (
        "a-sum-of-several-days-gives-way-to-the-day-flow",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday, with net inflows of RMB 310 million over the recent 12 "
        "trading days.\n\nRegarding capital flows, the Harbor Grain ETF recorded a latest net capital inflow of "
        "RMB 21.5 million. Over the recent 12 trading days it drew net inflows on 9 days, taking in a total of "
        "RMB 310 million.",
        {"159866": {"net_inflow": (2.15e7, "CNY")}},
    ),
    (
        "a-sum-of-several-days-alone-stays",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday. Over the recent 12 trading days it drew net inflows on "
        "9 days, taking in a total of RMB 310 million.",
        {"159866": {"net_inflow": (3.1e8, "CNY")}},
    ),
    (
        "a-rounded-change-far-from-the-other-stays",
        "The Harbor Sake Index ETF (03177.HK) slipped about 2% on Monday.\n\nThe Harbor Sake Index ETF (03177.HK) "
        "was down 9.5% on Monday from a week earlier.",
        {"03177": {"change_pct": -2.0}},
    ),
    (
        "the-one-fund-described",
        "Treasury ETF (511010) draws inflows\n\nThe liquidity for the 5-10 year treasury bond ETF showed a "
        "transaction volume of 30.7 million yuan on Monday.",
        {"511010": {"turnover": (3.07e7, "CNY")}},
    ),
    (
        "a-description-of-another-fund-when-two-are-coded",
        "The Treasury ETF (511010) rose 0.1% and the Policy Bank ETF (511520) fell 0.1% on Monday.\n\nThe "
        "liquidity for the 5-10 year treasury bond ETF showed a transaction volume of 30.7 million yuan.",
        {"511010": {"turnover": None}, "511520": {"turnover": None}},
    ),
    (
        "the-market-is-another-subject",
        "I bought the Harbor Bear ETF (ASX: HBER) a week ago. The market has fallen 10% since then.",
        {},
    ),
    (
        "a-ticker-after-an-opening-phrase",
        "Nordic bank funds lost ground this week as ETF investors fled.\n\nIn fact, NBNK saw $120 million exit "
        "the fund on Wednesday.",
        {"NBNK": {"net_inflow": (-1.2e8, "USD")}},
    ),
    (
        "a-known-body-after-an-opening-phrase-is-none",
        "Nordic bank funds lost ground this week as ETF investors fled.\n\nOn Monday, IMF said inflows of $120 "
        "million were expected.",
        {},
    ),
]

HOLDINGS_AND_HEADLINES = [
    (
        "a-ticker-by-the-holdings-of-the-fund-just-named",
        "Measured by units outstanding, the largest drop came in the Harbor Nordic Banks ETF, which lost 900,000 "
        "units, a 4.2% decline from a week earlier. Of the biggest holdings of NBNK, "
        "Nordea is down about 1.1% in morning trade.",
        {"NBNK": {"etf_name": "Harbor Nordic Banks ETF"}},
    ),
    (
        "a-headline-figure-borne-out-by-the-body",
        "Harbor Grain ETF (159866) Rises 1.1% Intraday\n\nGrain stocks gained on Monday. The Harbor Grain ETF "
        "(159866) is among the most traded grain funds.",
        {"159866": {"intraday_high_pct": 1.1}},
    ),
    (
        "a-headline-figure-alone-is-no-event",
        "Harbor Grain ETF (159866) Rises 1.1% Intraday\n\nGrain stocks gained on Monday.",
        {},
    ),
]

RESPECTIVE = [
    (
        "respectively-pairs-the-last-list-only",
        "The Nordic Banks ETF (NBNK) jumped 6% on Monday, while the Baltic Value Fund (BLTV) and the Arctic Energy "
        "ETF (ARCE) rose 2.1% and 1.4%, respectively.",
        {"NBNK": {"change_pct": 6.0}, "BLTV": {"change_pct": 2.1}, "ARCE": {"change_pct": 1.4}},
    ),
    (
        # an amount after the word 'respectively' pairs with no fund, and the next sentence's 'it' is neither
        "figures-after-respectively-are-left-out",
        "Gold ETFs saw record outflows on Tuesday. Fidelity's FGLX and BlackRock's BGLX led the selling flow with "
        "$210.5 million and $98.2 million, respectively, while other funds saw less than $50 million. It far "
        "exceeds the $400 million outflow of May 3.",
        {"FGLX": {"net_inflow": (-2.105e8, "USD")}, "BGLX": {"net_inflow": (-9.82e7, "USD")}},
    ),
    (
        # a bare percentage of a fund in a later clause goes the way of the change the sentence gave before
        "a-later-clause-takes-the-direction-before",
        "The Harbor Grain ETF (GRNX) returned 12.2% over May, while the Nordic Timber ETF (TMBX) came in close "
        "behind at 11.5%.",
        {"GRNX": {"change_pct": 12.2}, "TMBX": {"change_pct": 11.5}},
    ),
    (
        # 'an N% return' is a rise
        "a-return-after-the-figure",
        "The Harbor Grain ETF (GRNX) delivered a 9.3 per cent return over May.",
        {"GRNX": {"change_pct": 9.3}},
    ),
    (
        "a-slide-of",
        "The Nordic Banks ETF (NBNK) closed Tuesday lower at $18.40 a share, a slide of 2.6% for the session.",
        {"NBNK": {"change_pct": -2.6}},
    ),
    (
        "a-bump-after-the-figure",
        "The Nordic Banks ETF (NBNK) enjoyed a 5.2% bump on Monday.",
        {"NBNK": {"change_pct": 5.2}},
    ),
    (
        "chinese-headline",
        "粮食ETF(159866)收涨1.5%,近5个交易日净流入1.2亿元\n\nThe grain ETF (159866) rose 1.5% on Monday.",
        {"159866": {"change_pct": 1.5, "net_inflow": (1.2e8, "CNY")}},
    ),
]

INDEXES = [
    (
        "benchmark-is-the-return-rate-of",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday. The performance benchmark for the Harbor Grain ETF "
        "is the return rate of the CSI Grain Industry Index.",
        {"159866": {"tracked_index": "CSI Grain Industry Index"}},
    ),
    (
        "based-on-the-return-rate-of",
        "The Harbor Grain ETF (159866) rose 1.1% on Monday. The performance of the Harbor Grain ETF (159866) is "
        "based on the return rate of the CSI Grain Industry Index.",
        {"159866": {"tracked_index": "CSI Grain Industry Index"}},
    ),
    (
        "index-tracked-by-the-fund",
        "The price-to-book ratio of the CSI Grain Industry Index tracked by the grain ETF (159866) is 1.6, and the "
        "fund rose 1.1% on Monday.",
        {"159866": {"tracked_index": "CSI Grain Industry Index", "change_pct": 1.1}},
    ),
    (
        "index-from-a-name-without-index",
        "The Harbor CSI Grain ETF (159866) rose 1.1% on Monday.",
        {"159866": {"tracked_index": "CSI Grain Index"}},
    ),
    (
        "the-coded-index-of-an-article-of-one-fund",
        "Tea Stocks Climb\n\nAs of 10:02 on March 9, the CSI Tea Index (931999) rose 1.4%, led by its growers.\n\n"
        "The Tea ETF (561234) rose 1.1%, with a turnover of 20 million yuan.",
        {"561234": {"tracked_index": "CSI Tea Index", "change_pct": 1.1}},
    ),
    (
        "a-coded-index-of-another-theme-is-the-market",
        "Tea Stocks Climb\n\nAs of 10:02 on March 9, the Shanghai Composite Index (000001) rose 0.2%.\n\n"
        "The Tea ETF (561234) rose 1.1%, with a turnover of 20 million yuan.",
        {"561234": {"tracked_index": None, "change_pct": 1.1}},
    ),
]


@pytest.mark.parametrize("text, want", table([*WEB_COPY, *PARAGRAPHS, *HOLDINGS_AND_HEADLINES, *RESPECTIVE, *INDEXES]))
def test_web_copy_lists_and_indexes(rules_only, text: str, want: dict[str, dict[str, object]]) -> None:
    """Articles glued to names and topic paragraphs of web copy; peaks that give way to totals; tickers after an
    opening phrase; tickers by the holdings they name; headline figures the body bears out; rounded changes and
    sums of several days' flows that give way to exact ones and the day's; 'respectively' for the last list; nouns
    of a move; Chinese headlines; indexes named by a benchmark, before the fund, by the fund's name, or with its code in an article of one fund."""
    check(moves(rules_only, text), want)


REPORT_MONTHS = [
    (
        "an-undated-figure-of-a-monthly-report",
        "Asia ETF Roundup - May 2018\n\nNet inflows came mainly from the Harbor CSI 300 ETF (83188), estimated at "
        "Rmb 1.0 billion.",
        "2018-05",
    ),
    (
        "a-heading-takes-the-day-under-it",
        "Nordic Timber Trust Fund (OTCMKTS:NTMBF) saw short interest grow in September.\n\nNordic Timber Trust "
        "Fund Stock Up 3.9 %\n\nNordic Timber Trust Fund stock traded up 0.41 during mid-day trading on Friday.",
        "2023-10-13",
    ),
    (
        "a-heading-opened-by-a-brand-in-lower-case",
        "iShares Nordic Timber ETF (NASDAQ:NTMB) saw short interest grow in September.\n\niShares Nordic Timber "
        "ETF Trading Up 3.9 %\n\niShares Nordic Timber ETF stock traded up 0.41 during mid-day trading on Friday.",
        "2023-10-13",
    ),
    (
        "the-report-month-among-the-months-a-sentence-names",
        "ETF Performance Report - September 2023\n\nValue traded for the Harbor Gold ETF (GLDH) rebounded from "
        "RM638K in August to RM861K in September.",
        "2023-09",
    ),
]


@pytest.mark.parametrize("text, month", table(REPORT_MONTHS))
def test_the_month_a_report_covers(rules_only, text: str, month: str) -> None:
    """A monthly report's headline month dates its undated figures, and wins among the months a sentence names; a
    heading with a figure takes the day of the paragraph under it."""
    (move,) = moves(rules_only, text, published="2018-06-07" if "2018" in text else "2023-10-17").values()
    assert move["event_date"] == month
