"""The cheap check that decides whether the statistical NER could find a name the gazetteers missed."""

from __future__ import annotations

import pytest

from extractor.facts.names import lowercase_words, unnamed_capitals
from extractor.pipeline import _window

ARTICLE_WORDS = lowercase_words("revenue rose and basic earnings per share fell; the deal was signed; shares rose")

CASES = [
    # (sentence, spans of known names, capitalised words that could be names)
    ("Zenith Biologics signed a licensing deal with Orbital.", [], ["Zenith", "Biologics", "Orbital"]),
    ("Akeso signed a licensing deal.", [], ["Akeso"]),  # first word, never written in lower case
    ("Revenue rose 20% to RMB 4.1 billion in H1 2025.", [], []),  # 'revenue' appears in lower case
    ("The company expects net profit of RMB 6.7 billion.", [], []),  # function word starts the sentence
    ("Hengrui signed with Merck for HRS-5346.", [(0, 7), (20, 25)], []),  # known names; a drug code
    ("Shares of the Hong Kong-listed firm rose on Monday in March.", [], []),  # places, weekday, month
    ("The ADC targets HER2 and PD-1 in NSCLC, the CEO said.", [], []),  # trade abbreviations, codes
    ("The Swiss group paid US$300 million, or HK$2.3bn.", [], []),  # nationality, currency forms
    ("Hangzhou-based Lixin Pharma agreed terms.", [], ["Lixin", "Pharma"]),  # '-based' place, then a name
]


@pytest.mark.parametrize("sentence, known, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_capitalised_words_that_could_be_names(sentence, known, expected):
    spans = unnamed_capitals(sentence, known, ARTICLE_WORDS)
    assert [sentence[a:b] for a, b in spans] == expected


def test_in_a_title_case_headline_common_words_are_not_names():
    headline = "Basic Earnings Rise As Deal Signed With Corvane"
    assert [headline[a:b] for a, b in unnamed_capitals(headline, [], ARTICLE_WORDS, title_case=True)] == [
        "Rise",
        "Corvane",
    ]


@pytest.mark.parametrize(
    "text, start, end, context, window",
    [
        ("short sentence", 0, 5, 60, (0, 14)),
        ("aaaa bbbb cccc NAME dddd eeee ffff", 15, 19, 6, (10, 24)),
        ("aaaa bbbb cccc NAME dddd eeee ffff", 15, 19, 100, (0, 34)),
    ],
)
def test_the_model_reads_a_window_around_the_names_cut_at_spaces(text, start, end, context, window):
    assert _window(text, start, end, context) == window
