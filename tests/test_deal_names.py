"""A company named in full in one sentence is a party where a later sentence writes it in its short form."""

from __future__ import annotations

import pytest
from readers import deal_parties

from extractor.contract import Located, Money
from extractor.events.deal import add_parties, same_deal
from extractor.events.deal.names import (
    ArticleNames,
    acting_headed,
    join_tails,
    lead_words,
    placed_names,
    short_form,
)
from extractor.events.deal.recognizer import FURTHER
from extractor.events.draft import Draft
from extractor.facts.analysis import ArticleView, Facts, OrgRef
from extractor.facts.gazetteer import default_gazetteer
from extractor.fx import default_table
from extractor.io.inputs import make_article

SHORT_FORMS = [
    ("legal-form", "Itochu Corp.", "Itochu"),
    ("place-possessive", "Japan's Idemitsu Kosan Co.", "Idemitsu Kosan"),
    ("curly-possessive", "South Korea’s Hanwa Steel Co., Ltd.", "Hanwa Steel"),
    ("description", "Hong Kong-listed Harbor Pharma Holdings Ltd.", "Harbor Pharma"),
    ("plain", "Fuji Oil", "Fuji Oil"),
    # a group ending tells no company from another: 'Holdings' and 'Holding' are one
    ("group-ending", "Orion Cargo Group Holding AG", "Orion Cargo"),
    ("group-only", "Group", "Group"),
]


@pytest.mark.parametrize("name, text, want", SHORT_FORMS, ids=[s[0] for s in SHORT_FORMS])
def test_short_form(name: str, text: str, want: str) -> None:
    assert short_form(text) == want


LATER_FORMS = [
    (
        "counterparty-short-form",
        "Tokyo, March 10 -- Sakura Petroleum Co. said it will launch a tender offer for refiner Minato Oil Co. "
        "Sakura Petroleum is expected to spend about 26 billion yen to raise its stake in Minato Oil to 90 pct.",
        ["Sakura Petroleum", "Minato Oil"],
    ),
    (
        "buyer-short-form",
        "Kestrel Motors Inc. and Orion Battery Corp. agreed on the terms of a partnership on Monday. "
        "Orion Battery says it will spend $1.4 billion to buy a 51% stake in a venture with Kestrel Motors.",
        ["Orion Battery", "Kestrel Motors"],
    ),
    (
        "acronym-in-brackets",
        "Harbor Pharma Holdings Ltd. and Delta Bio Therapeutics (DBT) met in March. "
        "Harbor Pharma will pay DBT $40 million upfront under a licensing agreement for the antibody.",
        # the short form the article defines is reported by the full name it stands for
        ["Harbor Pharma", "Delta Bio Therapeutics"],
    ),
    (
        "acronym-after-or",
        "On May 2, 2024, we entered into agreements to license certain patents to Delta Bio Therapeutics Co., Ltd., "
        "or DBT. This was done via a license from us to our subsidiary, Harbor Pharma Co., Ltd., or HP, pursuant to a "
        "license agreement, and a sublicense agreement entered into between HP and DBT.",
        ["Harbor Pharma", "Delta Bio Therapeutics"],
    ),
]

MARKED_FORMS = [
    # a short form a marker defines after the name (and its ticker) is reported by the full name
    (
        "also-known-as",
        "Harbor Pharma Holdings (NASDAQ: HPH), also known as Har-Pharm, makes drugs in Boston. Har-Pharm signed a "
        "licensing agreement with Delta Bio Therapeutics Inc. for an antibody.",
        ["Harbor Pharma", "Delta Bio Therapeutics"],
    ),
    # a form the article wrote before the name that defines it stays as first written
    (
        "written-first",
        "Orvano Motors and battery maker KBTL signed a deal to co-develop battery cells. Kestrel Battery "
        "Technology Ltd., better known as KBTL, is the largest maker of cells in the region.",
        ["Orvano Motors", "KBTL"],
    ),
]


@pytest.mark.parametrize("name, text, want", MARKED_FORMS, ids=[s[0] for s in MARKED_FORMS])
def test_a_marked_short_form_is_reported_by_its_first_written_name(
    extractor, name: str, text: str, want: list[str]
) -> None:
    assert deal_parties(extractor, text, "2025-03-10") == [want]


JOINT_VENTURES = [
    (
        "established-jv",
        "Kestrel Motors Co Ltd and Orion Battery Corp have formally established their battery joint venture (JV).",
        ["Kestrel Motors", "Orion Battery"],
    ),
    (
        "set-up-jv",
        "Kestrel Motors Inc. and Orion Battery Corp. set up a JV to build cells in Ohio.",
        ["Kestrel Motors", "Orion Battery"],
    ),
]


@pytest.mark.parametrize("name, text, want", JOINT_VENTURES, ids=[s[0] for s in JOINT_VENTURES])
def test_joint_ventures_established(extractor, name: str, text: str, want: list[str]) -> None:
    found = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert len(found) == 1
    assert found[0].deal_type == "newco"
    assert all(any(p.startswith(w) for p in found[0].parties) for w in want), found[0].parties


@pytest.mark.parametrize("name, text, want", LATER_FORMS, ids=[s[0] for s in LATER_FORMS])
def test_short_forms_are_parties(extractor, name: str, text: str, want: list[str]) -> None:
    found = deal_parties(extractor, text, "2025-03-10")
    assert found, "no deal"
    assert all(any(p.startswith(w) for p in found[0]) for w in want), found


def test_one_deal_for_both_forms(extractor) -> None:
    text = (
        "Tokyo, March 10 -- Sakura Petroleum Co. said it will launch a tender offer for refiner Minato Oil Co. "
        "Sakura Petroleum is expected to spend about 26 billion yen to raise its stake in Minato Oil to 90 pct."
    )
    assert len(deal_parties(extractor, text, "2025-03-10")) == 1


COMBINED = [
    ("new-party", ["Harbor Pharma"], ["Delta Bio"], ["Harbor Pharma", "Delta Bio"]),
    ("same-party-other-case", ["Harbor Pharma"], ["HARBOR PHARMA"], ["Harbor Pharma"]),
    ("short-form-of-a-party", ["Mabwell Bioscience", "Sanofi"], ["Mabwell"], ["Mabwell Bioscience", "Sanofi"]),
]


@pytest.mark.parametrize("name, first, later, want", COMBINED, ids=[c[0] for c in COMBINED])
def test_parties_combine(name: str, first: list[str], later: list[str], want: list[str]) -> None:
    draft = Draft("deal", {"parties": list(first)}, [0], None, False, set())
    add_parties(draft, "parties", later)
    assert draft.fields["parties"] == want


TWO_DEALS = [
    (
        "two-types",
        "Harbor Pharma Holdings Ltd. will spend $30 million for a 9.9% stake in Delta Bio Therapeutics, a Perth biotech. "
        "The two also signed a licensing agreement with upfront and milestone payments worth up to $180 million.",
        2,
    ),
    (
        "two-prices",
        "On 7 May 2024, Harbor Motors Co. entered into an agreement with Delta Auto Co. to acquire the Alpha Target "
        "for a consideration of RMB345,000,000. On 7 May 2024, Harbor Motors Co. entered into an agreement with "
        "Delta Auto Co. to acquire the Beta Target for a consideration of RMB495,000,000.",
        2,
    ),
    (
        "one-deal-told-twice",
        "Harbor Pharma Holdings Ltd. agreed to buy Delta Bio Therapeutics Ltd. for $1.2 billion on Monday. "
        "Harbor Pharma will pay about $1.2 billion in cash for Delta Bio.",
        1,
    ),
    (
        "one-price-two-namings",
        "Harbor Energy Technology, Inc. announced a framework agreement to acquire an 80% stake in Delta Lithium "
        "Battery Co. for approximately RMB150.2 million. Harbor Energy makes battery cells for electric buses. Its "
        "shares rose 4% on Monday. Delta Lithium supplies cathode materials to carmakers in China. Harbor Power will "
        "acquire 80% of the equity of Delta Lithium currently held by Ocean Graphene Technology Co. for an aggregate "
        "consideration of approximately RMB150.2 million.",
        1,
    ),
    (
        "one-party-then-the-price",
        "On the evening of June 3, Harbor Chemical announced that it plans to purchase the equity of Delta Lithium "
        "Industry Co., Ltd. in Chengdu. A week later, Harbor Chemical signed an equity acquisition framework agreement "
        "with Ocean Energy Investment Group Co., Ltd., which holds 50% of the lithium business, for 420 million yuan.",
        1,
    ),
    (
        "also-is-a-further-deal",
        "Harbor Pharma Holdings Ltd. will spend $30 million for a 9.9% stake in Delta Bio Therapeutics Ltd., a Perth "
        "biotech. Harbor Pharma also agreed to buy all of the equity of Ocean Isotope Co. Ltd., which holds licences "
        "for radioactive drugs.",
        2,
    ),
    (
        "costs-are-no-second-deal",
        "Harbor Bank Corp said it would buy Delta Bancshares Inc for about $1.8 billion. "
        "The company also expects merger costs of about $100 million.",
        1,
    ),
]


@pytest.mark.parametrize("name, text, count", TWO_DEALS, ids=[c[0] for c in TWO_DEALS])
def test_two_deals_of_the_same_parties(extractor, name: str, text: str, count: int) -> None:
    assert len(deal_parties(extractor, text, "2025-03-10")) == count


def _prices(extractor, text: str) -> list[float | None]:
    found = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    return [e.total_value.value if e.total_value else None for e in found]


PRICES = [
    (
        "full-control",
        "Tokyo, March 10 -- Sakura Trading Corp. said Monday that it will spend about 320 billion yen to take full "
        "control of grocer Minato Mart Co.",
        [320e9],
    ),
    (
        "apiece-is-no-price",
        "Sakura Trading Corp. agreed to buy Minato Mart Co. The trading house will acquire Minato Mart shares for "
        "2,300 yen apiece in a tender offer.",
        [None],
    ),
    (
        "a-stock-price-is-no-price",
        "Sakura Trading Corp. agreed to buy Minato Mart Co. for 90 billion yen. Sakura Trading will offer to buy "
        "Minato Mart shares at 480 yen apiece, 44 pct above Minato Mart's stock price at the close, at 333 yen.",
        [90e9],
    ),
]


@pytest.mark.parametrize("name, text, want", PRICES, ids=[c[0] for c in PRICES])
def test_deal_prices(extractor, name: str, text: str, want: list[float | None]) -> None:
    assert _prices(extractor, text) == want


HEADED = [
    (
        "acting",
        "Shanghai-based Harbor Securities on Tuesday announced a plan to merge with Delta Bank.",
        ["Harbor Securities"],
    ),
    (
        "after-rival",
        "Delta Bank agreed to merge with its rival Harbor Securities in a share swap.",
        ["Harbor Securities"],
    ),
    ("will-acquire", "Orion Capital will acquire Delta Foods for $600 million.", ["Orion Capital"]),
    ("sold-to", "Delta Foods was sold to Cedar Investment Fund last year.", ["Cedar Investment Fund"]),
    ("source", "The deal is fair, analysts at Harbor Securities said.", []),
    ("one-word", "The bank sold its stake to Capital.", []),
    # a venue's name with its legal form after the head, acting with an auxiliary before its verb
    (
        "venue-acting",
        "The Orvia Stock Exchange Inc. is acquiring a stake in Delta Clearing.",
        ["Orvia Stock Exchange Inc."],
    ),
    (
        "venue-has",
        "Marlow Exchange Group Plc (MEX) has announced a deal with Delta Bank.",
        ["Marlow Exchange Group Plc"],
    ),
    # 'the' between a word that places a party and the venue's name
    (
        "stake-in-the",
        "Delta Bank bought a 5% stake in the Quill Securities Exchange (QSE).",
        ["Quill Securities Exchange"],
    ),
    # the company a buying part belongs to: 'an affiliate of', 'a unit of the'
    (
        "affiliate-of",
        "Orion Foods agreed to be bought by an affiliate of Kestrel Capital Group LLC.",
        ["Kestrel Capital Group LLC"],
    ),
    ("unit-of-the", "Delta Bank sold its stake to a unit of the Marlow Investment Fund.", ["Marlow Investment Fund"]),
    # a wire's instrument code right after the name: a listed company, wherever it stands
    ("instrument-code", "Delta Bank plans to take its vehicle Orvano Capital ORVC.MI private.", ["Orvano Capital"]),
    ("shares-of", "Shares of Orvano Capital rose 4% on the news.", []),
    # a verb of intent and 'to' between the acting name and its verb of buying
    ("intends-to", "Orvia Stock Exchange (OSE) intends to acquire shares of Delta Clearing.", ["Orvia Stock Exchange"]),
    ("plans-to-say", "Orvia Stock Exchange plans to say more next week.", []),
    # an adverb in '-ly' between the acting name and its verb
    ("adverb", "Orvano Capital formally agreed to buy Delta Foods.", ["Orvano Capital"]),
    ("adverb-has", "Orvano Capital has quietly acquired shares of Delta Foods.", ["Orvano Capital"]),
    ("adverb-no-ly", "Orvano Capital often buys food companies.", []),
    # the seller a holding is bought from, 'the' before its name
    (
        "from-the",
        "Delta Bank bought a 40% stake from the Orvano Investment Fund of Norway.",
        ["Orvano Investment Fund"],
    ),
    # a venue named where a filing is lodged is no party
    ("filing-with-the", "Delta Bank agreed to buy Orion Foods, it said in a filing with the Rand Stock Exchange.", []),
]


@pytest.mark.parametrize("text, names", [h[1:] for h in HEADED], ids=[h[0] for h in HEADED])
def test_a_broker_or_investor_name_is_a_party_where_it_acts(text: str, names: list[str]) -> None:
    assert [n.item.text for n in acting_headed(text)] == names


TAILS = [
    # a legal form the name finder cut off joins the name right before it
    (
        "cut-off",
        "to acquire Orion Cargo Group Holdings AG and its units",
        ["Orion Cargo Group", "Holdings AG"],
        ["Orion Cargo Group Holdings AG"],
    ),
    # across a short code in brackets
    (
        "bracketed-code",
        "a stake in Delta Medical Technologies (M) Sdn Bhd for RM28 million",
        ["Delta Medical Technologies", "Sdn Bhd"],
        ["Delta Medical Technologies (M) Sdn Bhd"],
    ),
    # a name cut after a linking word goes on with the name right after it
    (
        "cut-after-of",
        "a stake in Delta Clearing Company of Ruritania Limited from its owner",
        ["Delta Clearing Company of", "Ruritania Limited"],
        ["Delta Clearing Company of Ruritania Limited"],
    ),
    # a name cut at its ampersand goes on with the name right after it
    (
        "ampersand",
        "Orvano Shipping & Harbor Services Co Ltd said on Monday",
        ["Orvano Shipping", "Harbor Services Co Ltd"],
        ["Orvano Shipping & Harbor Services Co Ltd"],
    ),
    # two names a comma or 'and' separates stay two
    (
        "and",
        "Orvano Shipping and Harbor Services Co Ltd",
        ["Orvano Shipping", "Harbor Services Co Ltd"],
        ["Orvano Shipping", "Harbor Services Co Ltd"],
    ),
    # a legal form alone, with no name right before it, stays as read
    ("alone", "Harbor said Holdings AG would pay", ["Harbor", "Holdings AG"], ["Harbor", "Holdings AG"]),
    # a real name after another is no tail
    (
        "two-names",
        "Orion Cargo Group Delta Bio agreed",
        ["Orion Cargo Group", "Delta Bio"],
        ["Orion Cargo Group", "Delta Bio"],
    ),
]


@pytest.mark.parametrize("name, text, read, want", TAILS, ids=[t[0] for t in TAILS])
def test_legal_forms_cut_off_a_name_join_it(name: str, text: str, read: list[str], want: list[str]) -> None:
    found = []
    for part in read:
        start = text.index(part)
        found.append(Located(start, start + len(part), OrgRef(part, part, "ner")))
    assert [c.item.text for c in join_tails(text, found)] == want


PLACED = [
    (
        "object-of-buy",
        "Marlow Corp. said it had signed an agreement to buy K. L. Brand, a regional wholesaler.",
        ["K. L. Brand"],
    ),
    ("counterparty-with", "Kestrel signs a joint venture agreement with Vantor to build electric vans.", ["Vantor"]),
    ("object-of-grant", "The deal would grant Selvio exclusive rights in Europe.", ["Selvio"]),
    ("stake-in", "The fund bought a 20% stake in Orbis Teleview for 90 billion won.", ["Orbis Teleview"]),
    (
        "described-subject",
        "Veterinary drug developer Pellion said it agreed to form a joint venture with Ontario-based lab Vetrix.",
        ["Pellion"],
    ),
    ("stake-in-bracketed", "a stake in Delta (Wuhan) Park Development Co", ["Delta (Wuhan) Park Development Co"]),
    # a place, a description, an owner or a ticker is no name
    ("place", "Orion agreed a licensing deal with China to sell drugs there.", []),
    ("description", "It formed a venture with Canada-based biotech Kanevo.", ["Kanevo"]),
    ("abbreviation", "It agreed to buy Kanevo Corp.", ["Kanevo Corp."]),
    ("initials", "It agreed to buy Kanevo K.K.", ["Kanevo K.K."]),
    ("short-name", "It agreed to buy Kane.", ["Kane"]),
    ("owner", "Orion will buy Norway's largest dairy co-operative.", []),
    ("adjective", "Harbor Bank signed a memorandum with Islamic lender Delta Bank.", ["Delta Bank"]),
    ("acting-on-a-day", "Biotech group Pellion on Wednesday said it had expanded its deal.", ["Pellion"]),
    ("entity", "It signed a pact with banking entity Orvano to explore a merger.", ["Orvano"]),
    ("ticker", "A unit of Orion has agreed to buy Delta Malls DMAL.MX for 14 pesos a share.", ["Delta Malls"]),
    # a company described before it, a comma between: the name in apposition
    ("appositive", "Orion will buy the country's third largest dairy co-operative, Kestrel, in cash.", ["Kestrel"]),
    (
        "appositive-plural",
        "It agreed to acquire one of Chile's leading forestry businesses, Pine Ridge.",
        ["Pine Ridge"],
    ),
    # a name in apposition with a part's noun is a company whatever head ends it (a venue's, a fund's)
    (
        "apposed-head",
        "Under the deal, Delta Port Terminal Development, a subsidiary of Orion Ports, will pay 2 billion yuan.",
        ["Delta Port Terminal Development"],
    ),
    # a name introduced by 'named' or 'called'
    (
        "named",
        "Orion will sell three malls to a newly formed trust named Kestrel REIT for $90 million.",
        ["Kestrel REIT"],
    ),
    ("called", "Delta Bank will merge with a small lender called Pell Savings.", ["Pell Savings"]),
    ("affiliate-of", "Harbor Imaging agreed to be acquired by an affiliate of Delta Equity.", ["Delta Equity"]),
    # the owner of a part bought, after a noun of buying and 'of'
    (
        "owner-of-a-part",
        "Orion said it completed the purchase of Kestrel Lane's aircraft leasing unit.",
        ["Kestrel Lane"],
    ),
    ("owner-of-a-place", "Orion agreed the acquisition of Ruritania's second largest dairy.", []),
]


@pytest.mark.parametrize("text, names", [p[1:] for p in PLACED], ids=[p[0] for p in PLACED])
def test_a_name_where_a_party_stands_is_a_party(text: str, names: list[str]) -> None:
    assert [n.item.text for n in placed_names(text)] == names


KEYS = [
    ("known-form", {"Belvio Biosciences": "Belvio Biosciences Inc."}, "Belvio Biosciences", "Belvio Biosciences Inc."),
    ("opens-one-form", {"Belvio Biosciences": "Belvio Biosciences Inc."}, "Belvio", "Belvio Biosciences Inc."),
    (
        "opens-two-companies",
        {"Belvio Biosciences": "Belvio Biosciences Inc.", "Belvio Labs": "Belvio Labs Ltd"},
        "Belvio",
        "Belvio",
    ),
    ("too-short", {"AB Foods": "AB Foods plc"}, "AB", "AB"),
    # a name joined at its ampersand whose part before it is a known form is that company
    (
        "ampersand",
        {"Orvano Shipping": "Orvano Shipping"},
        "Orvano Shipping & Harbor Services",
        "Orvano Shipping",
    ),
]


@pytest.mark.parametrize("name, forms, written, want", KEYS, ids=[k[0] for k in KEYS])
def test_a_short_form_opening_one_company_is_its_key(name: str, forms: dict[str, str], written: str, want: str) -> None:
    assert ArticleNames(forms).key(OrgRef(written, written, "pattern")) == want


def _draft(keys: set[str], kind: str, money: float | None = None, asset: str | None = None, subject=None) -> Draft:
    fields: dict = {"parties": sorted(keys), "deal_type": kind, "asset": asset}
    if money is not None:
        fields["total_value"] = Money(text=f"${money:,.0f}", value=money, currency="USD")
    return Draft("deal", fields, [0], None, False, set(keys), subject=subject)


ONE_SHARED_PARTY = [
    # one deal told twice: a price with one counterparty, the other named without one
    ("one-priced", _draft({"Harbor", "Ports"}, "other", 12.4e9), _draft({"Delta", "Harbor"}, "acquisition"), True),
    ("same-type", _draft({"Harbor", "Ports"}, "acquisition"), _draft({"Delta", "Harbor"}, "acquisition", 5e8), True),
    # two priced deals, two types, two assets, or a further deal told as such are two
    ("both-priced", _draft({"Harbor", "Ports"}, "other", 2e9), _draft({"Delta", "Harbor"}, "other", 5e8), False),
    ("two-types", _draft({"Harbor", "Ports"}, "licensing", 2e9), _draft({"Delta", "Harbor"}, "acquisition"), False),
    (
        "two-assets",
        _draft({"Harbor", "Ports"}, "licensing", 1e8, "HRB-101"),
        _draft({"Delta", "Harbor"}, "licensing", None, "DLT-202"),
        False,
    ),
    (
        "further",
        _draft({"Harbor", "Ports"}, "acquisition", 2e9),
        _draft({"Delta", "Harbor"}, "acquisition", subject=FURTHER),
        False,
    ),
    ("no-party-shared", _draft({"Harbor", "Ports"}, "other", 2e9), _draft({"Delta", "Orion"}, "other"), False),
]


@pytest.mark.parametrize("name, a, b, same", ONE_SHARED_PARTY, ids=[c[0] for c in ONE_SHARED_PARTY])
def test_drafts_that_share_one_party(name: str, a: Draft, b: Draft, same: bool) -> None:
    assert same_deal(a, b) is same


def test_a_person_with_a_title_is_no_party(extractor) -> None:
    text = (
        "Harbor Mining Corp agreed to sell its copper mine in Chile to Delta Metals Co for $1.2 billion. Chief "
        "Executive Officer Jane Morrow said last month she expected to sell more mines, and the deal brings the total "
        "to more than $3 billion this year."
    )
    assert deal_parties(extractor, text, "2025-03-10") == [["Harbor Mining Corp", "Delta Metals Co"]]


LEAD_WORDS = [
    # a company named later by the first word of its name alone is that company
    (
        "lead-word-counterparty",
        "Harrow Minerals Ltd said on Monday it agreed to sell its stake in a gold project. "
        "Separately, Harrow has elected to acquire the remaining 30% interest in the Cobalt Ridge project from "
        "Tamsin Gold Corp.",
        ["Harrow", "Tamsin Gold"],
    ),
]


GROUPS = [
    # a group's name without its ending stays the group where one of its units, a longer name, is named too
    (
        "group-and-unit",
        "Seoul, May 4 -- Orvano Shipping Co Ltd said it signed an agreement for Kestrel Group to invest $1.4 billion in "
        "return for a stake in the shipper. The agreement, signed with affiliates of Kestrel Group including Kestrel "
        "Aerospace (054321.KS), will be valid only if Kestrel is chosen after a period open to other bids.",
        ["Kestrel Group", "Kestrel Aerospace"],
    ),
]


@pytest.mark.parametrize("name, text, want", GROUPS, ids=[s[0] for s in GROUPS])
def test_a_group_and_its_unit_are_two_parties(extractor, name: str, text: str, want: list[str]) -> None:
    found = deal_parties(extractor, text, "2025-05-04")
    assert any(all(w in parties for w in want) for parties in found), found


@pytest.mark.parametrize("name, text, want", LEAD_WORDS, ids=[s[0] for s in LEAD_WORDS])
def test_lead_words_are_parties(extractor, name: str, text: str, want: list[str]) -> None:
    found = deal_parties(extractor, text, "2025-03-10")
    assert any(all(any(p.startswith(w) for p in parties) for w in want) for parties in found), found


LEADS = [
    (
        "one-company",
        {"Perseus Mining": "Perseus Mining", "Exore Resources": "Exore Resources"},
        "",
        {"Perseus", "Exore"},
    ),
    # the first word of two companies' names names neither
    ("shared-first-word", {"Anhui Expressway": "Anhui Expressway", "Anhui Transport": "Anhui Transport"}, "", set()),
    # a word the article also writes in lower case is an ordinary word
    ("ordinary-word", {"Performance Shipping": "Performance Shipping"}, "its performance fell", set()),
    ("place", {"China Vanke": "China Vanke"}, "", set()),
    ("generic", {"Global Ports": "Global Ports"}, "", set()),
    ("short", {"Sun Art Retail": "Sun Art Retail"}, "", set()),
]


@pytest.mark.parametrize("name, canonical, text, want", LEADS, ids=[c[0] for c in LEADS])
def test_lead_words(name: str, canonical: dict[str, str], text: str, want: set[str]) -> None:
    assert set(lead_words(canonical, text)) == want


LEAD_OCCURRENCES = [
    ("alone", "Perseus will acquire all of Exore.", ["Perseus Mining", "Exore Resources"]),
    # 'Perseus' before another capitalised word, or owning the name after it, is part of another name
    ("part-of-another-name", "The Perseus Gold Mine lies nearby.", []),
    ("owner-of-the-next", "Perseus unit Exore will pay $5 million.", ["Exore Resources"]),
]


@pytest.mark.parametrize("name, sentence, want", LEAD_OCCURRENCES, ids=[c[0] for c in LEAD_OCCURRENCES])
def test_lead_word_occurrences(name: str, sentence: str, want: list[str]) -> None:
    book = ArticleNames(
        forms={
            "Perseus Mining": "Perseus Mining",
            "Exore Resources": "Exore Resources",
            "Perseus": "Perseus Mining",
            "Exore": "Exore Resources",
        },
        leads=frozenset({"Perseus", "Exore"}),
    )
    assert [book.key(c.item) for c in book.companies(_facts(sentence))] == want


def _facts(sentence: str) -> Facts:
    """The facts of a one-sentence article, read by the rules alone."""
    view = ArticleView.build(make_article("-", sentence, "2025-03-10"), default_gazetteer(), None, default_table())
    return view.facts[0]
