"""Phrase sets: a phrase is found where it stands alone, not inside a longer word; CJK text needs no spaces."""

from __future__ import annotations

import pytest

from extractor.facts.lexicon import PhraseSet

PHRASES = PhraseSet.of(["upfront payment", "deal"])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("an upfront payment of $50 million", ["upfront payment"]),
        ("An Upfront Payment", ["Upfront Payment"]),
        ("upfront payments", []),  # runs on into a longer word
        ("nondeal roadshow", []),  # a letter before it
        ("deal2", []),  # a digit after it
        ("(deal)", ["deal"]),
        ("upfront payment收到", ["upfront payment"]),  # an ideograph follows: no space needed
        ("upfront payment\U00020000", ["upfront payment"]),  # an ideograph beyond the Basic Multilingual Plane
        ("deal and deal", ["deal", "deal"]),
    ],
)
def test_phrases_stand_alone(text: str, found: list[str]) -> None:
    assert [m.group() for m in PHRASES.finditer(text)] == found


@pytest.mark.parametrize(
    "text, role",
    [
        ("saw trading volumes of RMB 21.669 billion", "turnover"),  # the plural of a listed phrase
        ("recorded net inflows of 1.2 billion", "net_inflow"),  # listed itself
        ("with turnovers of RMB 16.018 billion", "turnover"),
        ("it traded 3 million shares", "turnover"),  # a verb takes no plural
    ],
)
def test_a_role_phrase_announces_its_role_in_the_plural_too(text: str, role: str) -> None:
    from extractor.facts.lexicon import roles

    assert [r for _, _, r in roles("etf_move", "money_roles").hits(text)] == [role]


@pytest.mark.parametrize(
    "phrase, plural",
    [
        ("trading volume", "trading volumes"),
        ("tax", "taxes"),
        ("traded", None),
        ("inflows", None),
        ("成交额", None),
        ("of", None),
    ],
)
def test_plural_of_a_phrase(phrase: str, plural: str | None) -> None:
    from extractor.facts.lexicon import _plural

    assert _plural(phrase) == plural


#: phrase sets of every shape the prefilter must answer for: words, a non-ASCII phrase, one opening with a sign
PREFILTERED = [
    PhraseSet.of(["upfront payment", "deal", "co-development", "u.s. fda"]),
    PhraseSet.of(["Deal", "NewCo"], ignore_case=False),
    PhraseSet.of(["deal", "成交额"]),  # a phrase not ASCII: prefiltered for ASCII texts only
    PhraseSet.of(["成交额", "净利润"]),  # no ASCII phrase: no ASCII text is searched
    PhraseSet.of(["deal", "$"]),  # no first word: never prefiltered
]


@pytest.mark.parametrize(
    "text",
    [
        "a deal_team",  # an underscore is no letter: the phrase stands alone before it
        "the Deal收到",  # an ideograph follows the first word
        "DEAL and NewCo",
        "the co-development pact with the U.S. FDA",
        "İstanbul deal",  # lower-casing changes the length: the case-blind pattern runs unfiltered
        "nondeal roadshow",
        "成交额 rose; $5",
        "净利润 and the deal",
        "the deals of 2025",
        "no phrase here at all",
        "",
    ],
)
@pytest.mark.parametrize("phrases", PREFILTERED)
def test_the_word_prefilter_finds_what_a_full_scan_finds(phrases: PhraseSet, text: str) -> None:
    unfiltered = PhraseSet(phrases.pattern, phrases.ignore_case)
    assert [m.span() for m in phrases.finditer(text)] == [m.span() for m in unfiltered.finditer(text)]
    assert [m.span() for m in phrases.finditer(text, 2, 12)] == [m.span() for m in unfiltered.finditer(text, 2, 12)]
    first, unfiltered_first = phrases.search(text), unfiltered.search(text)
    assert (first and first.span()) == (unfiltered_first and unfiltered_first.span())


@pytest.mark.parametrize(
    ("text", "built"),
    [
        ("the Deal closed", False),  # lower-cased in place: the case-blind twin is not needed
        ("İstanbul deal", True),  # lower-casing changes the length: the twin is compiled for it
    ],
)
def test_the_case_blind_pattern_is_compiled_only_when_a_text_needs_it(text: str, built: bool) -> None:
    phrases = PhraseSet.of(["deal"])
    assert phrases.search(text) is not None
    assert ("folded" in phrases.__dict__) is built


@pytest.mark.parametrize(
    ("phrases", "firsts"),
    [
        (["upfront payment", "deal", "co-development"], {"upfront", "deal", "co"}),
        (["deal", "成交额"], {"deal"}),  # an ASCII text can match no phrase that is not ASCII
        (["成交额"], set()),
        (["(the) deal"], None),
        (["(the) deal", "成交额"], None),
    ],
)
def test_first_words_of_phrases(phrases: list[str], firsts: set[str] | None) -> None:
    from extractor.facts.lexicon import _first_words

    assert _first_words(phrases) == (None if firsts is None else frozenset(firsts))
