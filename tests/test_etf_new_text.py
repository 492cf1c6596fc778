"""ETF moves in text the rules were not written from: tickers that spell a currency's code, a year so far dated by the
day the article reports (extractor.events.etf_move, extractor.facts.funds)."""

from __future__ import annotations

import pytest
from readers import etf_moves

PUBLISHED = "2026-03-10"  # a Tuesday

CASES = [
    (
        "a-currency-code-after-an-exchange-is-a-ticker",
        "Bond funds slid on Monday.\n\nThe Harbor Total Bond ETF (NASDAQ:BND) fell 0.8%.",
        {"BND": {"change_pct": -0.8, "event_date": "2026-03-09"}},
    ),
    (
        "the-year-so-far-takes-the-day-the-article-reports",
        "Treasury Funds Hit Lows\n\nTreasury funds sank to new lows on Monday, as yields rose.\n\nThe funds are the Harbor Long Bond ETF (NYSEARCA:HLBX) and "
        "the Harbor Short Bond ETF (NYSEARCA:HSBX).\n\nIn 2026, HLBX is -6.1% and HSBX -2.4%.",
        {
            "HLBX": {"change_pct": -6.1},  # the year opens its clause: a change over a period, standing in
            "HSBX": {"change_pct": -2.4, "event_date": "2026-03-09"},
        },
    ),
    (
        "a-fund-that-ended-flat-moved-zero",
        "Harbor Tracker Fund (02899) closed up 0.3%. Harbor China ETF (02898) ended flat, to HK$50.10.",
        {"02899": {"change_pct": 0.3}, "02898": {"change_pct": 0.0}},
    ),
    (
        "the-fund-referred-back-to-was-unchanged",
        "The Harbor Gold Trust (NYSEARCA:HGTX) drew heavy trading on Monday.\nThe ETF was unchanged at the close.",
        {"HGTX": {"change_pct": 0.0, "event_date": "2026-03-09"}},
    ),
    (
        "flat-flows-are-no-flat-price",
        "Harbor China ETF (02898) rose 1.2% on Monday, while its inflows and outflows were flat.",
        {"02898": {"change_pct": 1.2}},
    ),
    (
        "the-fund-referred-back-to-after-an-opening-phrase",
        "The Harbor Copper Miners ETF (NYSEARCA:HCMX) is trading near $31.20, helped by tight supply.\n"
        "With assets under management of about $2.4 billion, this fund is the largest of its sector.",
        {"HCMX": {"fund_size": (2_400_000_000.0, "USD")}},
    ),
    (
        "an-opening-phrase-before-another-subject-owns-nothing",
        "The Harbor Copper Miners ETF (NYSEARCA:HCMX) rose 1.1% on Monday.\n"
        "With assets of about $2.4 billion, the copper sector's largest miner is a holding.",
        {"HCMX": {"change_pct": 1.1, "fund_size": None}},
    ),
    (
        "an-index-whose-provider-name-holds-the-word",
        "The Harbor Dividend ETF (513999) invests in the China Securities Index Harbor High Dividend Index and rose "
        "0.4% on Monday.",
        {"513999": {"tracked_index": "China Securities Index Harbor High Dividend Index", "change_pct": 0.4}},
    ),
    (
        "an-index-name-ends-before-a-fund-head",
        "The Harbor 300 ETF (510999) tracks the CSI 300 Index. Its ETF peers rose 0.4% on Monday.",
        {"510999": {"tracked_index": "CSI 300 Index"}},
    ),
    (
        "an-exchange-traded-fund-after-an-amount-is-its-size",
        "Harbor Internet Fund (NYSEARCA:HINX), a $3.1 billion exchange-traded fund that holds web stocks, fell 4% "
        "on Monday.",
        {"HINX": {"fund_size": (3_100_000_000.0, "USD"), "turnover": None, "change_pct": -4.0}},
    ),
    (
        "respective-figures-with-no-role-continue-the-flows-before",
        "Spot ether ETFs bled on Monday.\n\nBlackRock’s HETH saw $40 million of outflows, and Invesco’s QETH shed $9 "
        "million. Grayscale’s GETH and Fidelity’s FETH came next, losing $7 million and $5 million, respectively.",
        {
            "HETH": {"net_inflow": (-40_000_000.0, "USD")},
            "QETH": {"net_inflow": (-9_000_000.0, "USD")},
            "GETH": {"net_inflow": (-7_000_000.0, "USD")},
            "FETH": {"net_inflow": (-5_000_000.0, "USD")},
        },
    ),
    (
        "a-ticker-with-a-trade-mark-opening-a-sentence",
        "Gold ETFs saw outflows.\n\n• HGLD® kept losing assets, with outflows of $120 million.",
        {"HGLD": {"net_inflow": (-120_000_000.0, "USD")}},
    ),
    (
        "a-month-a-headline-names-under-a-line-of-the-day-of-writing",
        "Mar 9, 2026\n\nSilver ETFs bled in February\n\n• HSLV® kept losing assets, with outflows of $80 million.",
        {"HSLV": {"net_inflow": (-80_000_000.0, "USD"), "event_date": "2026-02"}},
    ),
    (
        "a-contrast-clause-opened-by-a-brand-is-another-funds",
        "Silver ETFs saw mixed flows on Monday.\n\n• HSLV® saw outflows of $80 million, while iShares Silver Trust added $20 "
        "million (0.8%).\n• Its assets reached $9 billion.",
        {"HSLV": {"net_inflow": (-80_000_000.0, "USD"), "change_pct": None, "fund_size": None}},
    ),
    (
        "a-ticker-described-in-lower-case-before-the-head",
        "Traders watch the HBNK small bank ETF as markets wobble. It's down 1.2% on Monday.",
        {"HBNK": {"change_pct": -1.2}},
    ),
    (
        "a-body-the-gazetteer-knows-before-lower-case-words-and-the-head",
        "Japanese ETFs rose.\n\nThe BOJ stepped up ETF buying on Monday, as stocks fell 1.8%.",
        {},
    ),
    (
        "a-brand-in-capitals-with-a-possessive-is-no-ticker",
        "Bond ETFs drew money.\n\nKODEX's chip ETF drew inflows of $30 million on Monday.",
        {},
    ),
    (
        "a-labelled-ticker-a-company-claims-is-a-stock",
        "Retail stocks lagged on Monday. Within the sector, Brightwater Holdings Inc (Symbol: BWH) and Copperfield "
        "Stores (Symbol: CPF) fell 2.1% and 1.9%, respectively. One fund tracking them is the Harbor Retail ETF "
        "(Symbol: HRTL), which is down 0.9% on the day. Combined, BWH and CPF make up about 1.1% of the holdings of "
        "HRTL.",
        {"HRTL": {"change_pct": -0.9, "event_date": "2026-03-09"}},
    ),
    (
        "a-name-without-its-head-described-as-a-fund-after-its-ticker",
        "Harbor Pacific Shares Index decreases on light volume 9 March, 2026\n\nHarbor Pacific Shares Index "
        "(ASX:HPS), the 20th biggest Exchange Traded Fund listed in Sydney, has decreased 12.0c (or 0.4%) "
        "from its last trading session of March 6, 2026 to close at $A50.10. The ETF fell for a second day on Monday "
        "bringing its two-day fall to 20.0c or 0.7%.\n\nSECTION 2\n\n+ Volume: there were 50,000 units worth $A3 "
        "million traded today.",
        {
            "HPS": {
                "etf_name": "Harbor Pacific Shares Index",
                "change_pct": -0.4,  # the two-day fall is a change over a period
                "turnover": (3_000_000.0, "AUD"),  # a bullet's label goes on with the fund
                "event_date": "2026-03-09",  # the session the fall is measured from is the day before
            }
        },
    ),
    (
        "a-ticker-a-name-claims-with-no-fund-description-is-none",
        "Harbor Pacific Holdings (ASX:HPH), the largest miner of its region, rose 2.1% on Monday. Harbor Pacific "
        "Shares ETF (ASX:HPS) fell 0.3%.",
        {"HPS": {"change_pct": -0.3}},
    ),
    (
        "a-fund-named-in-passing-with-only-its-index-is-no-event",
        "The Harbor Robotics ETF (159999) rose 1.2% on Monday, with its top holdings leading the gains.\n\nInvestors "
        "may also look at the Harbor AI ETF (515999), which tracks the CSI Harbor AI Theme Index.",
        {"159999": {"change_pct": 1.2}},
    ),
    (
        "the-only-fund-with-only-its-index-is-an-event",
        "The Harbor AI ETF (515999) tracks the CSI Harbor AI Theme Index and issued a premium risk alert on Monday.",
        {"515999": {"tracked_index": "CSI Harbor AI Theme Index"}},
    ),
    (
        "a-fall-since-a-date-is-over-a-period",
        "The Harbor Cobalt Miners ETF (NYSEARCA:HCOB) has slid to a yearly low, the fund shedding 11.2% since Feb. "
        "20.\n\nThe ETF is also down for a fourth session, showing a performance of -2.6% early Tuesday.",
        {"HCOB": {"change_pct": -2.6, "event_date": "2026-03-10"}},
    ),
]


@pytest.mark.parametrize("text, want", [pytest.param(*row[1:], id=str(row[0])) for row in CASES])
def test_etf_moves_in_new_text(rules_only, text: str, want: dict[str, dict[str, object]]) -> None:
    got = etf_moves(rules_only, text, PUBLISHED)
    assert set(got) == set(want)
    for code, fields in want.items():
        for name, value in fields.items():
            assert got[code].get(name) == value, (code, name, got[code].get(name))
