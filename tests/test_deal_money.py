"""After an upfront payment, a later amount the milestones are named after is the milestones, not the total."""

from __future__ import annotations

import pytest

MONEY = [
    (
        "more-based-on",
        "Delta Bio will receive an upfront payment of $40 million from Harbor Pharma, with the possibility of up to "
        "$410 million more based on reaching clinical and sales milestones.",
        (40_000_000, 410_000_000, None),
    ),
    (
        "in-milestone-payments",
        "Under the licensing agreement, Cedar Pharma will receive an upfront payment of $50 million from Orion Bio and "
        "up to $1.2 billion in potential development and commercial milestone payments.",
        (50_000_000, 1_200_000_000, None),
    ),
    (
        "a-total-named-first",
        "Delta Bio will receive $25 million upfront from Harbor Pharma, for a total of up to $350 million including "
        "milestones.",
        (25_000_000, None, 350_000_000),
    ),
]


@pytest.mark.parametrize("text, want", [m[1:] for m in MONEY], ids=[m[0] for m in MONEY])
def test_milestones_after_an_upfront(extractor, text: str, want: tuple) -> None:
    [deal] = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    got = tuple(m.value if m is not None else None for m in (deal.upfront, deal.milestones, deal.total_value))
    assert got == want


#: an upfront payment and milestones named together as the parts of one figure: (text, (upfront, milestones, total))
JOINT = [
    (
        "figure-after",
        "Harbor Pharma entered a licensing agreement with Delta Bio with upfront and milestone payments of as much as "
        "$410 million.",
        (None, None, 410_000_000),
    ),
    (
        "figure-before",
        "Harbor Pharma agreed to pay Delta Bio up to $610 million in upfront and milestone payments for rights to its "
        "antibody.",
        (None, None, 610_000_000),
    ),
    (
        "listed-parts",
        "Under the licence, the total amount of upfront, clinical, regulatory and commercial milestone payments "
        "Harbor Pharma pays Delta Bio is up to $290 million.",
        (None, None, 290_000_000),
    ),
    (
        "upfront-with-its-own-figure",
        "Harbor Pharma signed a licensing agreement with Delta Bio with a $60 million upfront payment and potential "
        "milestone payments of up to $900 million.",
        (60_000_000, 900_000_000, None),
    ),
]


@pytest.mark.parametrize("text, want", [m[1:] for m in JOINT], ids=[m[0] for m in JOINT])
def test_upfront_and_milestones_named_together_are_the_total(extractor, text: str, want: tuple) -> None:
    [deal] = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    got = tuple(m.value if m is not None else None for m in (deal.upfront, deal.milestones, deal.total_value))
    assert got == want


#: the price of a sale or an acquisition with the same sum in other currencies in brackets after it: (text, total)
CONVERTED_PRICES = [
    (
        "several-conversions",
        "Harbor Life Insurance has been sold to investment firm Delta Holdings for HK$5.2bn (£540m, $670m, €620m).",
        5_200_000_000,
    ),
    ("one-conversion", "Cedar Foods agreed to acquire Orion Dairy for NZ$180 million ($120 million).", 180_000_000),
]


#: one clause that writes its price twice, in two forms: (text, total or None)
ONE_SUM_TWICE = [
    (
        "short-then-long",
        "Orion Oil buys 10% stake in Delta Refining for $2.1bn Orion Oil, through a unit, now owns a 10 percent "
        "stake in Delta Refining, bought for $2.1 billion.",
        2_100_000_000,
    ),
    # two different sums in one clause name no price
    (
        "two-sums",
        "Orion Oil has completed the acquisition of a stake in Delta Refining, paying $2.1 billion and $300 million.",
        None,
    ),
]


@pytest.mark.parametrize("text, want", [c[1:] for c in ONE_SUM_TWICE], ids=[c[0] for c in ONE_SUM_TWICE])
def test_a_price_written_twice_is_the_total(extractor, text: str, want: float | None) -> None:
    [deal] = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert (deal.total_value.value if deal.total_value is not None else None) == want


@pytest.mark.parametrize("text, want", [c[1:] for c in CONVERTED_PRICES], ids=[c[0] for c in CONVERTED_PRICES])
def test_a_price_with_conversions_in_brackets_is_the_total(extractor, text: str, want: float) -> None:
    [deal] = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert deal.total_value is not None and deal.total_value.value == want


#: a sentence with no deal word gives the figures of the deal just told when it names only its parties, or none and
#: refers to it: (text, total)
LATER_FIGURES = [
    (
        "names-its-party",
        "Harrow Minerals Ltd said it agreed to be acquired by Tamsin Gold Corp in an all-share scheme. "
        "Based on Tamsin's closing price, the scheme values Harrow at an equity value of US$64 million.",
        64_000_000,
    ),
    (
        "refers-to-it",
        "Harrow Minerals Ltd has elected to acquire the remaining 30% interest in the Cobalt Ridge project from "
        "Tamsin Gold Corp. Harrow will pay the consideration of US$4.5 million from its cash reserves.",
        4_500_000,
    ),
    (
        "names-another-company",
        "Harrow Minerals Ltd said it agreed to be acquired by Tamsin Gold Corp in an all-share scheme. "
        "Kestrel Mining Corp said its equity value stood at US$90 million.",
        None,
    ),
    # how the buyer pays for a deal is no second deal nor its price
    (
        "financing",
        "Harrow Minerals Ltd says it will acquire Tamsin Gold Corp in a deal valued at $900 million. The all-cash "
        "deal will see Harrow acquire the Canadian miner Tamsin for 53 cents per share. Harrow will raise "
        "$500 million of fresh debt to fund the deal, with $250 million in cash and a credit line.",
        900_000_000,
    ),
    # a total said in full needs no word that refers to the deal; a price per share is no buyer of a sale
    (
        "for-a-total-of",
        "Harrow Minerals Ltd agreed to buy a 9% stake in Tamsin Gold Corp on Monday. The block was sold "
        "close to the market price at US$12 a share, for a total of about US$50.4 million.",
        50_400_000,
    ),
    (
        "too-far-on",
        "Harrow Minerals Ltd said it agreed to be acquired by Tamsin Gold Corp in an all-share scheme. "
        "Harrow shares rose 30%. Tamsin shares fell 5%. Gold prices were steady. Analysts were upbeat. "
        "Harrow will pay US$2 million in fees.",
        None,
    ),
]


@pytest.mark.parametrize("text, want", [m[1:] for m in LATER_FIGURES], ids=[m[0] for m in LATER_FIGURES])
def test_figures_of_a_later_sentence_without_a_deal_word(extractor, text: str, want: float | None) -> None:
    [deal] = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert (deal.total_value.value if deal.total_value is not None else None) == want


#: the money a joint venture or a collaboration is set up with is its total; a licence's equity investment is not
INVESTED = [
    (
        "investment-to-form-a-venture",
        "Harbor Motors and Delta Cells announced on Thursday an investment of 1.5 billion euros ($1.6 billion) to form "
        "a joint venture which is to make cathode materials in Spain.",
        1_500_000_000,
    ),
    (
        "combined-investment",
        "Harbor Motors signed a joint venture agreement with Delta Auto. The new JV will draw on a combined investment "
        "of $640M.",
        640_000_000,
    ),
    (
        "would-invest-in-a-new-company",
        "Orion Vet agreed to set up a joint venture with Delta Bio, in which Orion Vet would invest C$4 million.",
        4_000_000,
    ),
    (
        "no-total-in-a-licence",
        "Harbor Pharma signed a licensing agreement with Delta Bio and will make an equity investment of $20 million "
        "in Delta Bio.",
        None,
    ),
    (
        "what-it-builds-priced",
        "Orion Metals and Delta Mining signed an agreement on Monday to build an $850 million copper smelter in Peru.",
        850_000_000,
    ),
    (
        "what-it-builds-costs-after",
        "Orion Metals said on Monday it had signed an agreement with Delta Mining to develop a zinc refinery in Chile. "
        "The refinery would cost about $1.3 billion and open in 2027.",
        1_300_000_000,
    ),
    (
        "another-thing-costs-after",
        "Orion Metals said on Monday it had signed an agreement with Delta Mining to develop a zinc refinery in Chile. "
        "Its new headquarters would cost about $90 million.",
        None,
    ),
]


@pytest.mark.parametrize("text, want", [m[1:] for m in INVESTED], ids=[m[0] for m in INVESTED])
def test_invested_totals(extractor, text: str, want: int | None) -> None:
    deals = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert deals, "no deal"
    total = deals[-1].total_value
    assert (total.value if total is not None else None) == want


#: a figure in an opening phrase on something done before is that earlier deal's price, where the clause gives
#: another: (text, total)
EARLIER_FRAMES = [
    (
        "earlier-deal-beside-the-new",
        "Weeks after its $2 billion purchase of Kestrel Foods, Orion Brands has agreed to buy Delta Snacks' biscuit "
        "business for $450 million.",
        450_000_000,
    ),
    (
        "no-frame",
        "Orion Brands has agreed to buy Delta Snacks' biscuit business for $450 million.",
        450_000_000,
    ),
    (
        "frame-figure-alone-stays",
        "Following its $450 million deal for Delta Snacks' biscuit business, Orion Brands said it plans no more deals.",
        450_000_000,
    ),
]


@pytest.mark.parametrize("text, want", [m[1:] for m in EARLIER_FRAMES], ids=[m[0] for m in EARLIER_FRAMES])
def test_a_figure_of_an_earlier_deal_in_an_opening_phrase(extractor, text: str, want: float | None) -> None:
    deals = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert deals, "no deal"
    total = deals[0].total_value
    assert (total.value if total is not None else None) == want


#: the one figure a deal of no named type is done 'for' is its price: (text, total)
PAID_FOR = [
    (
        "agreement-for-a-figure",
        "Orion Shipyards has signed an agreement with Delta Lines to build four bulk carriers for about $210 million.",
        210_000_000,
    ),
    (
        "two-figures-none",
        "Orion Shipyards has signed an agreement with Delta Lines to build four bulk carriers for about $210 million "
        "and four tankers for $150 million.",
        None,
    ),
    (
        "offer-a-figure",
        "Orion Ports agreed to buy Delta Terminals from the Kestrel family. Orion Ports said it would offer $310 "
        "million for all of Delta Terminals' shares.",
        310_000_000,
    ),
    (
        "for-a-figure-with-a-role",
        "Delta Bio entered into a research collaboration with Orion Pharma. Delta Bio will receive $40 million and is "
        "eligible for up to $700 million in development milestones.",
        None,
    ),
]


@pytest.mark.parametrize("text, want", [m[1:] for m in PAID_FOR], ids=[m[0] for m in PAID_FOR])
def test_the_one_figure_a_deal_is_done_for(extractor, text: str, want: float | None) -> None:
    deals = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert deals, "no deal"
    total = deals[0].total_value
    assert (total.value if total is not None else None) == want


WHOLE_VALUES = [
    # of an equity value and an enterprise value in one clause, the enterprise value (debt included) is the total
    (
        "enterprise-after-equity",
        "Orion Medical will acquire Delta Devices for $80 per share in cash, giving the deal an equity value of "
        "$6.2 billion and a total enterprise value of $7.5 billion.",
        7_500_000_000,
    ),
    (
        "enterprise-first",
        "Orion Medical agreed to buy Delta Devices at an enterprise value of $7.5 billion, or an equity value of "
        "$6.2 billion.",
        7_500_000_000,
    ),
    # one figure: no choice to make
    ("equity-only", "Orion Medical will acquire Delta Devices at an equity value of $6.2 billion.", 6_200_000_000),
]


@pytest.mark.parametrize("text, want", [c[1:] for c in WHOLE_VALUES], ids=[c[0] for c in WHOLE_VALUES])
def test_the_enterprise_value_is_the_total(extractor, text: str, want: float) -> None:
    [deal] = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert deal.total_value is not None and deal.total_value.value == want
