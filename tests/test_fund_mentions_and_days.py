"""Funds written in lists, appositions and brand claims, and the days that date undated events: the opening sentence's
one day, an anaphoric 'this trading day', a page's 'Published on :' label, a dateline behind a bracketed source, and a
notice's own date line (extractor.events.etf_move, extractor.facts.analysis, extractor.events.assemble)."""

from __future__ import annotations

import pytest
from readers import etf_moves

from extractor.facts.funds import find_funds

PUBLISHED = "2026-03-10"  # a Tuesday


def moves(extractor, text: str, published: str = PUBLISHED) -> dict[str, dict[str, object]]:
    """{code: {field: value}} of the ETF moves of a text; money as (value, currency)."""
    return etf_moves(extractor, text, published)


FUNDS = [
    (
        "bulleted-items-are-no-titles",
        "Cross-border funds that gained on Monday:\n- Borealis Tech ETF (513181): +5.1%\n"
        "- Austral Index ETF (513882): +2.2%",
        {
            "513181": {"change_pct": 5.1, "event_date": "2026-03-09"},
            "513882": {"change_pct": 2.2, "event_date": "2026-03-09"},
        },
    ),
    (
        "a-name-in-apposition-to-a-ticker",
        "Bank funds slipped\n\nTSX:ZQX, the Maple Equal Weight Lenders Index ETF, fell 0.8% on Monday.\n\n"
        "Shares in LSE:VQSA, Lime's World Equity UCITS ETF, edged up 0.3% on Monday.",
        {
            "ZQX": {"etf_name": "Maple Equal Weight Lenders Index ETF", "change_pct": -0.8},
            "VQSA": {"etf_name": "Lime's World Equity UCITS ETF", "change_pct": 0.3},
        },
    ),
    (
        "names-with-ampersands-in-a-list",
        "Energy ETFs rallied, with Vale Oil Services ETF VOSX and Acme S&P Oil & Gas Exploration & Production ETF "
        "AOGX leading the way. These funds gained nearly 8% on Monday.",
        {
            "VOSX": {"change_pct": 8.0},
            "AOGX": {"etf_name": "Acme S&P Oil & Gas Exploration & Production ETF", "change_pct": 8.0},
        },
    ),
    (
        "a-ticker-a-fund-brand-claims",
        "Spot coin ETFs traded $4.6 billion on Monday.\n\nGrayscale (GRBX) captured over half of the volume "
        "($2.3 billion).",
        {"GRBX": {"turnover": (2_300_000_000.0, "USD"), "event_date": "2026-03-09"}},
    ),
    (
        "an-amount-after-the-next-fund-keeps-the-role",
        "Spot coin ETFs traded $4.6 billion on Monday.\n\nGrayscale (GRBX) captured over half of the volume "
        "($2.3 billion), followed by BlackRock's CBIT ($1.03 billion).",
        {"GRBX": {"turnover": (2_300_000_000.0, "USD")}, "CBIT": {"turnover": (1_030_000_000.0, "USD")}},
    ),
    (
        "a-ticker-after-a-label",
        "Weekly fund report\n\nETF flows: IVQ took in $2.1 billion on Monday.",
        {"IVQ": {"net_inflow": (2_100_000_000.0, "USD"), "event_date": "2026-03-09"}},
    ),
    (
        "the-month-a-report-opens-on-within-a-year",
        "Listed funds in Canada gathered $2 billion in net inflows in February 2026, a research firm said.\n\n"
        "Funds have gathered $4 billion during 2026. The Maple Bank Index ETF (MBKX) accounted for net inflows of "
        "$300 million.",
        {"MBKX": {"net_inflow": (300_000_000.0, "USD"), "event_date": "2026-02"}},
    ),
    (
        "the-day-the-first-sentence-names",
        "Spot gold funds set a trading record on Monday, analysts said.\n\nThe Aurum Bullion Trust (AUBX) accounted "
        "for $1.2 billion in volume.",
        {"AUBX": {"turnover": (1_200_000_000.0, "USD"), "event_date": "2026-03-09"}},
    ),
    (
        "this-trading-day-refers-back",
        "Coin funds had a rough start to the week.\n\nThey lost $900 million yesterday, a record.\n\n"
        "Source: Chainstats (26/10/2026)\n\nOn this historic trading day, the Coin Spot ETF (CSPX) led the selling "
        "flow with $300 million.",
        {"CSPX": {"net_inflow": (-300_000_000.0, "USD"), "event_date": "2026-03-09"}},
    ),
]


@pytest.mark.parametrize("text, want", [pytest.param(*row[1:], id=str(row[0])) for row in FUNDS])
def test_funds_listed_apposed_and_claimed(rules_only, text: str, want: dict[str, dict[str, object]]) -> None:
    got = moves(rules_only, text)
    assert set(got) == set(want)
    for code, fields in want.items():
        for name, value in fields.items():
            assert got[code].get(name) == value, (code, name, got[code].get(name))


def test_a_later_fund_name_stops_at_the_fund_before_it() -> None:
    text = "with Vale Oil Services ETF VOSX and Acme Oil & Gas ETF AOGX leading"
    assert [(f.code, f.name) for f in find_funds(text)] == [
        ("VOSX", "Vale Oil Services ETF"),
        ("AOGX", "Acme Oil & Gas ETF"),
    ]


DAYS = [
    (
        "a-page-label-is-a-dateline",
        "Published on : Mar 16, 2026\n\nThe central bank of Ruritania on Sunday reduced the reserve requirement "
        "ratio for all banks.\n\nThe bank lowered the reserve requirement ratio for banks by 100 basis points to "
        "8.5%, effective from March 16, the central bank said in a statement.",
        "2026-03-16",
        "policy_change",
        "2026-03-15",
    ),
    (
        "a-notice-dated-on-a-line-of-its-own",
        "Notice of the Harbour District Bureau on Issuing the Measures for Supporting Drone Makers\n\n"
        "Source: Harbour Media Updated:2026-03-16\n\nTo the relevant units,\n\nAs approved by the district "
        "government, the Measures for Supporting Drone Makers are hereby issued. Please comply.\n\n"
        "Harbour District Bureau\n\nFebruary 02, 2026\n\nThe Measures for Supporting Drone Makers",
        "2026-03-16",
        "policy_change",
        "2026-02-02",
    ),
]


@pytest.mark.parametrize("text, published, event_type, date", [pytest.param(*row[1:], id=str(row[0])) for row in DAYS])
def test_the_day_of_an_undated_event(extractor, text: str, published: str, event_type: str, date: str) -> None:
    dates = {e.event_date for e in extractor.extract(text, published=published) if e.event_type == event_type}
    assert date in dates, dates


def test_a_dateline_behind_a_bracketed_source_gives_way_to_the_day_told() -> None:
    from extractor.events.common import event_date
    from extractor.facts.analysis import ArticleView
    from extractor.facts.gazetteer import default_gazetteer
    from extractor.io.inputs import make_article

    text = (
        "---\npublished: 2026-03-16\n---\nOSTRAVA, (Wire Service Daily / Regional Desk - 16th Mar, 2026) The city "
        "will launch a 5 billion koruna robotics fund, local authorities said Sunday."
    )
    view = ArticleView.build(make_article("t", text), default_gazetteer())
    assert view.datelines == frozenset({"2026-03-16"})
    assert event_date(view, 0) == "2026-03-15"


CODES = [
    ("The Harbour CSI 300 ETF (SH510399) rose", ("510399", "Harbour CSI 300 ETF")),
    ("The Harbour Core 500 ETF, which trades as HCFV, rose", ("HCFV", "Harbour Core 500 ETF")),
    ("The Harbour Core 500 ETF, which trades under the ticker HCFV, rose", ("HCFV", "Harbour Core 500 ETF")),
]


@pytest.mark.parametrize("text, want", CODES, ids=[c[0][4:30] for c in CODES])
def test_codes_glued_to_a_market_or_introduced_by_words(text: str, want: tuple[str, str]) -> None:
    assert [(f.code, f.name) for f in find_funds(text)] == [want]
