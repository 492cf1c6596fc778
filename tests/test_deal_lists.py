"""Parties listed together: where one item of a list of names is a company found, the other items are parties too;
a name followed by a word that ties it to another party is no description; a short form defined after a legal form."""

from __future__ import annotations

import pytest

from extractor.contract import Located
from extractor.events.deal.names import ArticleNames, list_mates, placed_names, ticker_headed
from extractor.facts.analysis import ArticleView, OrgRef
from extractor.facts.gazetteer import default_gazetteer
from extractor.fx import default_table
from extractor.io.inputs import make_article


def _seeded(text: str, seed: str, kind: str = "pattern") -> list[Located[OrgRef]]:
    """The one company found in a sentence: `seed`, where the sentence writes it."""
    start = text.index(seed)
    return [Located(start, start + len(seed), OrgRef(seed, seed, kind))]


LISTS = [
    (
        "commas-and-conjunction",
        "Orvano signed the transfer deal with Kestrel Trading, Delta Mining, Pell Quarry and Harrow Stone last week.",
        "Kestrel Trading",
        ["Delta Mining", "Pell Quarry", "Harrow Stone"],
    ),
    (
        "shares-after-items",
        "Orvano buys 60% from three holders (Kestrel Trading with 40%, Lumo with 12%, and TRB with 8%) for cash.",
        "Kestrel Trading",
        ["Lumo", "TRB"],
    ),
    (
        "shares-before-items",
        "Orvano will buy 40.5% of Kestrel Trading, 51% of Delta Mining, and 12% of Pell Quarry.",
        "Delta Mining",
        ["Kestrel Trading", "Pell Quarry"],
    ),
    (
        "legal-forms-inside",
        "Stakes in Kestrel Trading Co., Ltd., Delta Mining Ltd, Pell Quarry Holdings for 2 billion yuan.",
        "Kestrel Trading Co., Ltd.",
        ["Delta Mining Ltd", "Pell Quarry Holdings"],
    ),
    (
        "as-well-as",
        "The fund took stakes in Kestrel Trading as well as Delta Mining.",
        "Kestrel Trading",
        ["Delta Mining"],
    ),
    (
        "funds-listed",
        "Orvano buys the stake from Kestrel Trading, Harbor Pioneer Fund and Delta Growth Capital.",
        "Kestrel Trading",
        ["Harbor Pioneer Fund", "Delta Growth Capital"],
    ),
    # two names with a comma alone are no list; nor is one with no company found in it
    ("two-with-comma", "Kestrel Trading, Delta Mining said on Monday.", "Kestrel Trading", []),
    # places, people and words that open a sentence are no parties
    ("places", "Orvano sells plants in Kestrel Trading, Japan, Beijing and Taiwan.", "Kestrel Trading", []),
    (
        "people-by-role",
        "It was signed by Ada Pell, Chairman of Kestrel Trading, and Ivo Marsh, representative of Delta Mining.",
        "Kestrel Trading",
        [],
    ),
    (
        "person-by-title",
        "It was attended by senior vice president Ada Pell and Kestrel Trading staff.",
        "Kestrel Trading",
        [],
    ),
    (
        "sentence-opening",
        "Lately, Kestrel Trading and Delta Mining signed a pact.",
        "Kestrel Trading",
        ["Delta Mining"],
    ),
]


@pytest.mark.parametrize("name, text, seed, want", LISTS, ids=[c[0] for c in LISTS])
def test_list_mates_are_parties(name: str, text: str, seed: str, want: list[str]) -> None:
    assert [c.item.text for c in list_mates(text, _seeded(text, seed))] == want


def test_a_one_word_guess_opens_no_list() -> None:
    """A one-word name only the statistical finder guessed ('Huadu' among districts) makes no list of parties."""
    text = "Buyers may purchase homes in Pellham, Orsk, Vantor and Dunmore."
    assert list_mates(text, _seeded(text, "Vantor", "ner")) == []


def test_a_word_written_in_lower_case_is_no_party() -> None:
    text = "Orvano said Kestrel Trading, Physical and Delta Mining will join."
    assert [c.item.text for c in list_mates(text, _seeded(text, "Kestrel Trading"), {"physical"})] == ["Delta Mining"]


def test_a_name_tied_to_a_party_is_no_description() -> None:
    """'sell its unit Secora to Delta': the lower-case word after the name ties it to a party, no noun describing it."""
    text = "Harbor Group agreed to sell its cement maker Secora to Delta Mining for 2 billion euros."
    assert [n.item.text for n in placed_names(text)] == ["Secora"]


def test_a_short_form_defined_after_a_legal_form() -> None:
    """'Pellham Holdings Corp. (PHC)': the short form defined after the legal form names the company."""
    text = (
        "Pellham Holdings Corp. (PHC) raised its stake in a hotel operator. "
        "PHC said it bought 3,000 shares in Orvano Hotel Corp. for 12 million pesos."
    )
    view = ArticleView.build(make_article("-", text, "2025-03-10"), default_gazetteer(), None, default_table())
    book = ArticleNames.of(view)
    assert book.full.get("PHC", "").startswith("Pellham Holdings")


PLACED_BY_SHARE_OR_PART = [
    (
        "shares-of-each",
        "Orvano will buy 40.5% of Kestrel Trading, 51% of Delta Mining, and 12 per cent of Pell Quarry.",
        ["Kestrel Trading", "Delta Mining", "Pell Quarry"],
    ),
    ("share-of-a-month", "Sales rose 5% of March volumes.", []),
    ("part-of", "Pell Quarry, a unit of Kestrel Trading, will pay 2 billion yuan.", ["Pell Quarry"]),
    (
        "part-of-opening-on-a-place",
        "Under the deal, Shanghai Pell Quarry, a wholly-owned subsidiary of Orvano, will pay 2 billion yuan.",
        ["Shanghai Pell Quarry"],
    ),
    ("place-alone", "Shanghai, a unit of Orvano, will pay.", []),
    # a described buyer: 'to French utility X', 'investor X'
    ("described-utility", "the sale of Delta Grid to French utility Orvano, it said", ["Orvano"]),
]


@pytest.mark.parametrize("name, text, want", PLACED_BY_SHARE_OR_PART, ids=[c[0] for c in PLACED_BY_SHARE_OR_PART])
def test_a_name_after_its_share_or_before_its_parent_is_a_party(name: str, text: str, want: list[str]) -> None:
    assert [n.item.text for n in placed_names(text)] == want


def test_a_merger_voted_by_shareholders_is_a_deal(extractor) -> None:
    """'Shareholders of X and Y voted to approve the tie-up': two parties, a deal word and a vote approving it."""
    text = (
        "Two Gulf lenders move closer to a combination. "
        "Shareholders at Orvano Bank and Kestrel Commercial Bank voted on Monday to approve the tie-up."
    )
    parties = [e.parties for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert parties == [["Orvano Bank", "Kestrel Commercial Bank"]]


def test_a_role_a_filing_defines_names_its_company(extractor) -> None:
    """A filing's party lines ('Purchaser: X, a subsidiary of the Company') define who 'the Purchaser' is later."""
    text = (
        "Parties\n\n"
        "(1)Purchaser: Harbor Tide Limited, a direct wholly-owned subsidiary of the Company\n\n"
        "(2)Vendor: Orvano Estates Company Limited, an indirect wholly-owned subsidiary of the holding company\n\n"
        "Subject Matter\n\n"
        "Under the agreement, the Purchaser will buy and the Vendor will sell the Sale Shares for HK$42 million."
    )
    parties = [e.parties for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert parties == [["Harbor Tide Limited", "Orvano Estates Company Limited"]]


def test_a_brief_header_with_a_legal_form_in_lower_case(extractor) -> None:
    """'Orvano publ AB :': a wire brief's header names its company with a legal form written in lower case."""
    text = (
        "March 3 (Reuters) - Orvano publ AB :\n\n* To acquire 100 pct of Kestrel Norge AS from selling shareholders "
        "Delta AS and Pell AS\n\n* Estimated purchase price is 291 million Norwegian crowns\n"
    )
    parties = [e.parties for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert parties and parties[0][0] == "Orvano publ AB"


DIGEST_HEADINGS = [
    ("ticker-and-market", "Harbor Pharma (HPH VN): Plans to acquire a stone quarry", ["Harbor Pharma"]),
    ("two-names", "Delta and Orvano (SA:) – The regulator cleared the merger.", ["Delta", "Orvano"]),
    ("short-form", "Kestrel Airlines (KA): KA posted a loss.", ["Kestrel Airlines"]),
    # a wire's dateline is no company
    ("dateline-hyphen", "Oslo (AP) - Delta Corp said it would buy Orvano.", []),
    ("dateline-capitals", "OSLO (NTB): Delta Corp said it would buy Orvano.", []),
]


@pytest.mark.parametrize("name, text, want", DIGEST_HEADINGS, ids=[c[0] for c in DIGEST_HEADINGS])
def test_a_digest_heading_names_its_companies(name: str, text: str, want: list[str]) -> None:
    assert [c.item.text for c in ticker_headed(text)] == want


def test_a_digest_item_is_its_own_deal(extractor) -> None:
    """A digest's next item ('Orvano (SA:) – ...') tells its own deal, never more of the item before."""
    text = (
        "Kestrel Malls (SA:) – Mall operator Kestrel Malls bought marketing firm Lumo Media, for an undisclosed sum.\n\n"
        "Orvano (SA:) – Orvano said the holders of Pell Health Group accepted its offer of R$ 650 million for the "
        "acquisition of the company.\n"
    )
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert len(deals) == 2
    assert deals[1].parties[0] == "Orvano"


def test_a_count_of_properties_sold_to_a_named_trust(extractor) -> None:
    """'to dispose of four retail properties for RM2bn to a new trust': a sale and its price."""
    text = (
        "Orvano Holdings Bhd intends to dispose of four retail properties for RM2.1bn to a newly set up "
        "real estate investment trust named Kestrel REIT."
    )
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert [d.parties[0] for d in deals] == ["Orvano Holdings"]
    assert deals[0].total_value is not None and deals[0].total_value.value == 2.1e9


def test_teaming_up_is_a_collaboration(extractor) -> None:
    text = "Orvano Mining Corp said it has teamed up with Kestrel Alumina Corp to run a refinery in Borneo."
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert [(d.parties, d.deal_type) for d in deals] == [
        (["Orvano Mining Corp", "Kestrel Alumina Corp"], "collaboration")
    ]


def test_an_exchange_that_buys_is_a_party(extractor) -> None:
    """'Nasdaq Inc has agreed to buy X': a venue the finders know acts as a buyer; one traded on is no party."""
    text = "Nasdaq Inc has agreed to buy Orvano Clearing AB for 90 million euros."
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert deals and deals[0].parties[0].startswith("Nasdaq")
    text = "Shares of Kestrel Foods rose on the Nasdaq after it agreed to buy Orvano Snacks for $90 million."
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert deals and not any(p.startswith("Nasdaq") for p in deals[0].parties)


def test_a_peso_amount_with_a_bare_p(extractor) -> None:
    text = "Manila Harbor Corp. is raising its stake in Orvano Resorts Inc. through a P240-million share purchase deal."
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert deals and deals[0].total_value is not None and deals[0].total_value.currency == "PHP"


def test_investors_listed_with_their_contributions(extractor) -> None:
    """A sentence giving a deal's sum again and splitting it among companies ('N from X'): they are parties too."""
    text = (
        "Orvano Telecom will sell a 35 percent stake worth 78 billion yuan to a group of strategic investors. "
        "The 78 billion yuan comprises 11 billion yuan from Kestrel Tech, 7 billion yuan from Delta Search and "
        "5 billion yuan from Pell Retail."
    )
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert deals and {"Kestrel Tech", "Delta Search", "Pell Retail"} <= set(deals[0].parties)


def test_shares_without_the_sum_name_no_parties(extractor) -> None:
    """Amounts from companies in a sentence that does not give the deal's sum again are no split of it."""
    text = (
        "Orvano Telecom will sell a 35 percent stake worth 78 billion yuan to a group of strategic investors. "
        "Last year it raised 11 billion yuan from Kestrel Tech and 7 billion yuan from Delta Search."
    )
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert deals and not {"Kestrel Tech", "Delta Search"} & set(deals[0].parties)


def test_the_company_a_filing_defines(extractor) -> None:
    """'X (hereinafter referred to as “X” or “the company”)': the article's 'the company' is X."""
    text = (
        "Orvano Lithium Group Co.Ltd (hereinafter referred to as “Orvano Lithium” or “the company”) held a board "
        "meeting on March 2. In order to carry out its strategy, the company signed a strategic cooperation "
        "agreement with Kestrel Auto Company Limited."
    )
    deals = [e for e in extractor.extract(text, published="2025-03-10") if e.event_type == "deal"]
    assert deals and any(p.startswith("Orvano Lithium") for p in deals[0].parties)


JOINED = [
    (
        "two-short-forms",
        "Pellham Road Holdings (PRH) will own 40 percent of Orvano Tollway, which Kestrel Transit owned. "
        "The stake purchase shows trust from PRH and Kestrel in the road.",
        ["PRH", "Kestrel"],
    ),
    (
        "one-name",
        "Pellham Road Holdings (PRH) agreed a deal with Smith and Nephew Trading. Smith and Nephew Trading said so.",
        ["Smith and Nephew Trading"],
    ),
]


@pytest.mark.parametrize("name, text, want", JOINED, ids=[c[0] for c in JOINED])
def test_a_name_across_and_is_two_where_the_article_names_each(name: str, text: str, want: list[str]) -> None:
    """'from PRH and Kestrel': each side a form the article names apart, so two companies; a name written only
    whole stays one."""
    view = ArticleView.build(make_article("-", text, "2025-03-10"), default_gazetteer(), None, default_table())
    book = ArticleNames.of(view)
    f = view.facts[-1]
    found = [c.item.text for c in book.companies(f)]
    assert all(w in found for w in want), found
    assert not any(" and " in c and c not in want for c in found), found
