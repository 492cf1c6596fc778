"""A deal's type: named in its clause, else in its sentences, else told by how it is paid."""

from __future__ import annotations

import pytest


def _types(extractor, text: str) -> list[str]:
    return [e.deal_type for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]


TYPES = [
    # purchases, tender offers and stakes are acquisitions
    (
        "Harbor Bank Corp. agreed to purchase Delta Financial Inc. in an all-stock deal valued at $7.6 billion.",
        "acquisition",
    ),
    ("Cedar Motors signed an agreement to pay €1 billion for a 50% stake in Delta Auto Group.", "acquisition"),
    # rights to a drug are a licence
    (
        "Delta Bio entered into an agreement with Harbor Pharma, securing exclusive commercialization rights for its "
        "nasal spray at a total consideration of up to RMB 100 million.",
        "licensing",
    ),
    # a verb of buying whose object is rights: a licence bought, not a company
    (
        "Orvano Bio, a biotech in Boston, acquired North American rights to a Kestrel Pharma drug for liver disease "
        "in a deal worth up to $90 million.",
        "licensing",
    ),
    # a share bought along with rights of control: an acquisition
    (
        "Orvano Mining plans to acquire 24.5% of Kestrel Metals for $300 million and obtain controlling rights.",
        "acquisition",
    ),
    # a type named in a later sentence of the deal
    (
        "Delta Bio signed an agreement with Harbor Pharma worth up to $800 million. Under the agreement, Harbor "
        "Pharma will acquire Delta Bio's eye-care unit.",
        "acquisition",
    ),
    # no type word, but paid upfront and in milestones: a licence
    (
        "Delta Bio said it will receive an upfront payment of US$3 million and up to US$17 million in milestones "
        "under an agreement with Harbor Pharma.",
        "licensing",
    ),
    # neither: other
    ("Delta Bio signed an agreement with Harbor Pharma worth $50 million.", "other"),
    # developing and selling a drug together, though paid upfront
    # rights to develop and sell a drug are a licence, not a co-development
    (
        "Harbor Pharma said it had granted Delta Bio the exclusive right to develop and sell HRB-3307 in Japan, "
        "for JPY 3.1 billion upfront.",
        "licensing",
    ),
    (
        "Harbor Pharma Plc has signed a worldwide development and commercialization agreement with Delta Bio Co. "
        "for its antibody drug conjugate, with an upfront payment of $500 million.",
        "co_development",
    ),
    # research together, though paid in milestones
    (
        "Harbor Bio on Tuesday said it had expanded its research agreement with Delta Pharma Inc, under which it "
        "could receive milestone payments of up to 200 million euros.",
        "collaboration",
    ),
    # a holding sold with rights that go with it is an acquisition, not a licence
    (
        "Harbor Metals Ltd will sell its 25 percent interest in the Orion Creek project to Delta Mining Ltd, with "
        "the rights to the nickel in the leases, for $4 million.",
        "acquisition",
    ),
    # an agreement to build a facility together sets up a venture
    (
        "Orion Cobalt Co. and Delta Nickel Ltd signed an agreement to build a $900 million nickel plant in Sulawesi.",
        "newco",
    ),
    (
        "Orion Solar with Delta Silicon signed a cooperation agreement to build the Kestrel 3GW silicon wafer project.",
        "newco",
    ),
]


@pytest.mark.parametrize(
    "text, kind",
    TYPES,
    ids=[
        "purchase",
        "stake",
        "rights",
        "rights-bought",
        "share-and-control-rights",
        "later sentence",
        "paid",
        "other",
        "rights-to-develop-and-sell",
        "development-agreement",
        "research",
        "holding-sold-with-rights",
        "agreement-to-build-a-plant",
        "cooperation-to-build-a-project",
    ],
)
def test_the_type_of_a_deal(extractor, text: str, kind: str) -> None:
    assert _types(extractor, text) == [kind]


def _deals(extractor, text: str) -> list:
    return [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]


def test_a_price_per_share_is_no_deal_value(extractor) -> None:
    text = "Harbor Bank agreed to buy Delta Financial Inc. Each Delta Financial shareholder will get $54.20 per share."
    [deal] = _deals(extractor, text)
    assert deal.total_value is None


@pytest.mark.parametrize(
    "text, day",
    [
        # the year a company was founded is no deal's date
        ("Delta Bio, founded in 2006, signed a licensing agreement with Harbor Pharma worth $50 million.", None),
        (
            "Delta Bio, founded in 2006, said on June 10 it signed a licensing agreement with Harbor Pharma.",
            "2024-06-10",
        ),
        ("Delta Bio said on June 10 it signed a licensing agreement with Harbor Pharma.", "2024-06-10"),
        # the day shares reacted is not the deal's
        (
            "Delta Bio has signed a licensing agreement with Harbor Pharma worth $50 million, and its shares rose 8% "
            "this morning following the announcement late Monday.",
            "2024-06-10",
        ),
    ],
    ids=["founded", "founded and dated", "dated", "reaction"],
)
def test_a_deal_s_date(extractor, text: str, day: str | None) -> None:
    [deal] = _deals(extractor, text)
    assert deal.event_date == day


DESCRIBED = [
    # one deal told twice, once without its parties: the asset joins them
    (
        "The company signed an exclusive licensing agreement for RC-148 worth up to $5.6 billion. Delta Bio "
        "announced it had entered into a licensing agreement with Harbor Pharma for RC-148.",
        [(["Delta Bio", "Harbor Pharma"], 5.6e9)],
    ),
    # the counterparty named after a description of the one party named before
    (
        "Harbor Bancorp has announced its newest acquisition. The Ohio lender has reached an agreement to acquire "
        "rival Delta Financial Inc. The agreement will see Harbor Bancorp paying about $4.7 billion in a "
        "stock-and-cash deal.",
        [(["Harbor Bancorp", "Delta Financial Inc."], 4.7e9)],
    ),
    # a sentence naming all the parties joins the first telling (one party) and a second (the other two)
    (
        "The bank will acquire all the shares of Orion Credit Ltd for HK$180 million. On Tuesday, Harbor Bank Ltd "
        "signed a sale and purchase agreement with Delta Holdings. Delta Holdings agreed to sell, and Harbor "
        "Bank Ltd agreed to acquire, all of Orion Credit Ltd's issued share capital for HK$180 million.",
        [(["Orion Credit Ltd", "Delta Holdings", "Harbor Bank Ltd"], 1.8e8)],
    ),
]


@pytest.mark.parametrize("text, expected", DESCRIBED, ids=["same asset", "described party", "joined by a third"])
def test_one_deal_told_in_parts(extractor, text: str, expected) -> None:
    got = [(d.parties, d.total_value.value if d.total_value else None) for d in _deals(extractor, text)]
    assert got == expected


@pytest.mark.parametrize(
    "text, value",
    [
        # the deal noun right after an amount prices the deal
        ("Delta Bio announced a $1.35 billion licensing agreement with Harbor Pharma.", 1.35e9),
        ("Harbor Bank struck a $4.7 billion all-stock deal to buy Delta Financial Inc.", 4.7e9),
        # savings a deal brings are no price
        ("Harbor Bank agreed to buy Delta Financial Inc., expecting cost savings of $255 million a year.", None),
        # a figure that measures a company, not the deal
        (
            "Harbor Bank agreed to buy Delta Financial Inc., making the largest lender in the region with some "
            "$90 billion in assets.",
            None,
        ),
        # the price of the deal, as its subject
        (
            "Harbor Energy Oyj agreed to buy more shares of Delta Power AG from two activist funds. The price of the "
            "acquisition is about 1.8 billion euros, which raises Harbor's holding in Delta Power to approximately "
            "4.6 billion euros.",
            1.8e9,
        ),
        # ... even a few sentences on: 'the acquisition' is the one told
        (
            "Harbor Pharma Ltd. agreed to acquire a 25% stake in Delta Bio Inc. on Monday. Harbor Pharma shares rose "
            "3% on the news. Delta Bio has three drugs in late-stage trials. Analysts expect more deals in the sector "
            "this year. The cost of the acquisition is $31 per share amounting to $412.5 million for 13,306,452 "
            "shares (approximately Rs 3,440 crore).",
            412.5e6,
        ),
    ],
    ids=["licensing agreement", "all-stock deal", "savings", "size-in-assets", "price-of", "far-cost-of"],
)
def test_the_price_of_a_deal(extractor, text: str, value: float | None) -> None:
    [deal] = _deals(extractor, text)
    assert (deal.total_value.value if deal.total_value else None) == value


@pytest.mark.parametrize(
    "text, deals",
    [
        # a trigger in quotes on its own is a word mentioned: an analyst's rating
        (
            "Orion Securities reaffirmed Harbor Pharma's “buy” rating and raised its target price from HK$24 to HK$26.",
            0,
        ),
        # a trigger in capitals in a sentence in ordinary case is part of a name
        (
            "The stocks with the most net sales by mainland investors were Harbor Pharma (01234), DELTA BUY (01797) and "
            "Orion Foods (01810).",
            0,
        ),
        # a fund's quarterly filing: a position in a fund or a stock, not a deal
        (
            "Orion Asset Management LLC purchased a new stake in Harbor Pharma during the 3rd quarter valued at about "
            "$21,480,000.",
            0,
        ),
        (
            "Delta Wealth Partners acquired a new position in Harbor Pharma during the 2nd quarter valued at about "
            "$1,250,000.",
            0,
        ),
        # shares added to a fund's position, and a rating changed, are no deals
        (
            "Cedar Advisors Inc. now owns 812 shares of the company's stock worth $64,000 after acquiring an "
            "additional 310 shares during the quarter.",
            0,
        ),
        (
            "Orion Partners analyst Jane Roe cut Harbor Telecom shares from buy to neutral, citing weaker orders at "
            "Delta Telekom.",
            0,
        ),
        # a deal told as a rumour or as an option being weighed is none
        (
            "Local media said the rumor claimed that Harbor Motors would buy Delta Auto for 9 billion yuan.",
            0,
        ),
        ("Harbor Retail executives said they are considering the sale of its Delta Stores unit in Norway.", 0),
        # a rumour named in an opening phrase on what came before leaves the news a deal
        ("After weeks of rumors, Harbor Pharma agreed to buy Delta Bio for $500 million.", 1),
        # a stake bought, told with the same words, is still a deal
        ("Harbor Pharma acquired an additional 12% stake in Delta Bio for $90 million.", 1),
        # the same words used as a deal's are still a deal
        ("Harbor Pharma agreed to buy Delta Bio for $500 million.", 1),
    ],
    ids=[
        "quoted rating",
        "capitals in a name",
        "new-stake-13f",
        "new-position-13f",
        "additional-shares-13f",
        "rating-from-buy",
        "rumour",
        "considering",
        "after-rumours",
        "additional-stake",
        "a deal",
    ],
)
def test_a_trigger_mentioned_is_no_deal(extractor, text: str, deals: int) -> None:
    assert len(_deals(extractor, text)) == deals


@pytest.mark.parametrize(
    "text, published, deals",
    [
        # a sentence opening on an earlier year tells history
        ("In 2017, Harbor Pharma also bought the stake in Delta Bio held by Orion Capital Ltd.", "2019-03-01", 0),
        ("Back in March 2016, Harbor Pharma agreed to buy Delta Bio for $500 million.", "2019-03-01", 0),
        # the article's own year is news
        ("In March 2019, Harbor Pharma agreed to buy Delta Bio for $500 million.", "2019-03-20", 1),
        # a span of years is no opening on one
        ("In 2018-2019, Harbor Pharma agreed to buy Delta Bio for $500 million.", "2019-03-20", 1),
    ],
    ids=["earlier year", "earlier month", "same year", "span"],
)
def test_a_deal_of_an_earlier_year_is_history(extractor, text: str, published: str, deals: int) -> None:
    found = [e for e in extractor.extract(text, published=published) if e.event_type == "deal"]
    assert len(found) == deals


@pytest.mark.parametrize(
    "text",
    [
        "Britain and the European Union agreed a post-Brexit trade agreement on Thursday.",
        "Unions at Harbor Motors reached a tentative labor agreement with the carmaker on Wednesday.",
        "Ruritania and Orion agreed a currency swap agreement worth $10 billion on Monday.",
    ],
    ids=["trade", "labor", "swap"],
)
def test_agreements_between_governments_or_unions_are_no_deals(extractor, text: str) -> None:
    assert _deals(extractor, text) == []


@pytest.mark.parametrize(
    "text, parties",
    [
        # a raised or rival offer for a company is a deal
        (
            "Harbor Electronics Corp made a $500 million offer for Delta Components Co.",
            ["Harbor Electronics Corp", "Delta Components Co."],
        ),
        # two companies agreeing to combine their businesses
        (
            "Harbor Financial Group and Delta Capital said on Monday that they have agreed terms to combine "
            "their businesses.",
            ["Harbor Financial Group", "Delta Capital"],
        ),
    ],
    ids=["offer for", "combine"],
)
def test_offers_and_combinations_are_acquisitions(extractor, text: str, parties: list[str]) -> None:
    [deal] = _deals(extractor, text)
    assert deal.parties == parties and deal.deal_type == "acquisition"


STAKES_AND_CAPITAL = [
    (
        "largest-shareholder",
        "Pellham Mining Group (01234.HK): Will become the largest shareholder of Orvano Metals Resources through an "
        "asset injection and a cash subscription for new shares.",
        "acquisition",
        ["Pellham Mining Group", "Orvano Metals Resources"],
    ),
    (
        "investors-introduced",
        "Pellham Steel Group (05678.HK): Introducing Delta Bank Investment and Kestrel Bank Investment to increase "
        "capital for two subsidiaries.",
        "other",
        ["Pellham Steel Group", "Delta Bank Investment", "Kestrel Bank Investment"],
    ),
]


@pytest.mark.parametrize("name, text, kind, parties", STAKES_AND_CAPITAL, ids=[c[0] for c in STAKES_AND_CAPITAL])
def test_a_stake_taken_or_capital_put_in_is_a_deal(extractor, name: str, text: str, kind: str, parties: list) -> None:
    """Becoming a company's largest shareholder is buying into it; investors introduced to raise capital deal with it."""
    found = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert [e.deal_type for e in found] == [kind]
    assert all(any(p.startswith(w) for p in found[0].parties) for w in parties), found[0].parties


def test_a_largest_shareholder_named_is_no_deal(extractor) -> None:
    text = "Pellham Mining, the largest shareholder of Orvano Metals, reported a rise in first-half profit."
    assert _types(extractor, text) == []


CAUSES = [
    (
        "a-cause-of-a-forecast",
        "Pellham Electric raised its full-year forecast, projecting a net profit of 90 billion yen, helped by a "
        "weaker yen and its acquisition of a software firm.",
        0,
    ),
    (
        "a-deal-with-two-parties-as-a-cause",
        "Orvano shares rose 4 percent, boosted by its agreement to buy Delta Bio for $2 billion.",
        1,
    ),
]


@pytest.mark.parametrize("name, text, deals", CAUSES, ids=[c[0] for c in CAUSES])
def test_a_deal_told_as_a_cause_with_one_party_is_no_deal(extractor, name: str, text: str, deals: int) -> None:
    """A deal word after 'helped by' with one company only is background to another fact, not a deal announced."""
    assert len(_deals(extractor, text)) == deals
