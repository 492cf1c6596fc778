"""A sale of a holding, or to a named buyer, and an investment for a figure are deals: the buyer acquires."""

from __future__ import annotations

import pytest

from extractor.events.deal.recognizer import sells


def _deals(extractor, text: str) -> list:
    return [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]


SALES = [
    (
        "stake-to-partner",
        "Harbor Healthcare Bhd is selling its 50% stake in a joint venture to its partner Delta Hospitals Ltd for "
        "RM227 million cash.",
        {"Harbor Healthcare Bhd", "Delta Hospitals Ltd"},
        227_000_000,
    ),
    (
        "passive-to-buyer",
        "Harbor Life Insurance Co has been sold to investment firm Delta Capital Partners Ltd for HK$7.1 billion.",
        {"Harbor Life Insurance Co"},
        7_100_000_000,
    ),
    (
        "equity-interest",
        "A unit of Cedar Industries Ltd has agreed to sell a 45 per cent equity interest in Delta Park Co "
        "for 512 million yuan.",
        {"Cedar Industries Ltd"},
        512_000_000,
    ),
    (
        "investment",
        "Orion Chips Corp. is investing $5 billion in Delta Semiconductor Inc., taking a 4% stake.",
        {"Orion Chips Corp.", "Delta Semiconductor Inc."},
        5_000_000_000,
    ),
    (
        "investment-noun",
        "Orion Chips Corp. and Delta Semiconductor Inc. signed a purchase agreement under which Orion will make a "
        "$3 billion investment in Delta common stock.",
        {"Orion Chips Corp.", "Delta Semiconductor Inc."},
        3_000_000_000,
    ),
    (
        "subscription",
        "Its unit Northern Harbor Pte Ltd has proposed to subscribe to about 31.1 per cent in Delta Hospitals Ltd for "
        "RM2.35 billion.",
        {"Northern Harbor Pte Ltd", "Delta Hospitals Ltd"},
        2_350_000_000,
    ),
]


@pytest.mark.parametrize("text, parties, value", [s[1:] for s in SALES], ids=[s[0] for s in SALES])
def test_a_sale_or_an_investment_is_an_acquisition(extractor, text: str, parties: set[str], value: float) -> None:
    [deal] = _deals(extractor, text)
    assert parties <= set(deal.parties)
    assert deal.total_value is not None and deal.total_value.value == value
    assert deal.deal_type in ("acquisition", "other")


TELLS = [
    ("sold-its-unit", "The group sold its logistics unit last year.", True),
    ("sold-to-buyer", "The brand was sold to Delta Foods in 2019.", True),
    ("invest-in-name", "Cedar said it would invest $40 million in Orion Labs.", True),
    ("selling-shares", "Foreign investors sold shares worth $1 billion to local funds.", False),
    # a price after 'to' names no buyer
    ("sold-to-a-price", "The notes were sold at close to market price at US$98 each.", False),
    ("selling-products", "The company sells its products to retailers across Asia.", False),
    ("invest-in-plant", "Cedar will invest $40 million in new plants.", False),
    ("investment-in-name", "Cedar will make a $40 million equity investment in Orion Labs.", True),
    ("investment-in-plant", "Cedar announced a $40 million investment in new plants.", False),
    ("investment-no-figure", "Cedar said its investment in Orion Labs was paying off.", False),
    ("sales-figure", "Sales of the unit rose 5% in the quarter.", False),
    # a subscription for a share of a company, not for a fund, an offering or a bond issue
    ("subscribe-share", "Cedar proposed to subscribe to about 31 per cent of Orion Hospitals.", True),
    ("subscribe-shares", "Cedar will subscribe for 120 million new shares of Orion Labs.", True),
    ("subscribe-fund", "Investors rushed to subscribe to the Orion Tracker Fund on Monday.", False),
    ("subscribe-ipo", "Retail investors subscribed to the Orion Labs IPO 300 times over.", False),
    # a stake raised in a company
    ("raised-its-stake", "Cedar Holdings raised its stake in Orion Labs to 12 percent.", True),
    ("lifting-stakes", "The fund is lifting stakes in Orion Labs and Delta Foods, filings show.", True),
    ("boosted-voting-stake", "A Cedar unit boosted its voting rights stake in Orion to 8.5%.", True),
    ("raised-bets", "Traders raised bets in futures markets on Monday.", False),
    ("raised-prices", "Orion raised its prices in March.", False),
]

RAISES = [
    (
        "raised-its-stake",
        "Cedar Holdings Ltd raised its stake in grocer Orion Foods Co Ltd to 18 percent on Tuesday.",
        ["Cedar Holdings", "Orion Foods"],
    ),
    # a purchase told in the future or in progress, no figure given
    (
        "will-purchase",
        "Wanport Shipping Co., a Korean carrier, will purchase a majority stake in Kestrel Lines Ltd.",
        ["Wanport Shipping", "Kestrel Lines"],
    ),
    (
        "is-acquiring",
        "Tamsin Retail Inc. is acquiring the holding of Norval Partners in Brightway Stores Corp.",
        ["Tamsin Retail", "Brightway Stores"],
    ),
]


@pytest.mark.parametrize("text, parties", [r[1:] for r in RAISES], ids=[r[0] for r in RAISES])
def test_a_stake_raised_is_an_acquisition(extractor, text: str, parties: list[str]) -> None:
    [deal] = _deals(extractor, text)
    assert all(any(p.startswith(w) for p in deal.parties) for w in parties), deal.parties
    assert deal.deal_type == "acquisition"


@pytest.mark.parametrize("text, told", [t[1:] for t in TELLS], ids=[t[0] for t in TELLS])
def test_what_tells_of_a_sale(text: str, told: bool) -> None:
    assert sells(text, 0, len(text)) is told


def test_a_gain_on_a_sale_is_no_price(extractor) -> None:
    text = (
        "Cedar Group Ltd expects a gain of $40 million from the sale of its stake in Delta Foods Ltd to Orion Capital."
    )
    [deal] = _deals(extractor, text)
    assert deal.total_value is None
