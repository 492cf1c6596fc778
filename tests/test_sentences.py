"""Rule-based sentence splitting: offsets, abbreviations, enumerators, line breaks."""

from __future__ import annotations

import pytest

from extractor.facts.sentences import split_clauses, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two.", ["One.", "Two."]),
        ("RemeGen Co. signed a deal. It rose.", ["RemeGen Co. signed a deal.", "It rose."]),
        ("It rose 3.86% today. Fine.", ["It rose 3.86% today.", "Fine."]),
        (
            "Two factors: growth. 1. Overseas expansion is active.",
            ["Two factors: growth.", "1. Overseas expansion is active."],
        ),
        ("Headline without stop\nBody sentence.", ["Headline without stop", "Body sentence."]),
        ("The U.S. market rose. Then it fell.", ["The U.S. market rose.", "Then it fell."]),
        ('He said "it works." Then left.', ['He said "it works."', "Then left."]),
        ("净利润增长。收入下降。", ["净利润增长。", "收入下降。"]),
        ("As of Feb. 8 it was up. Ok.", ["As of Feb. 8 it was up.", "Ok."]),
        ("J. P. Morgan held a conference. Ok.", ["J. P. Morgan held a conference.", "Ok."]),
        ("Why now? Because.", ["Why now?", "Because."]),
        # a day of the month ends a sentence; a number opening a line or following a sentence end enumerates
        ("The index rose on May 20. On May 17, it fell.", ["The index rose on May 20.", "On May 17, it fell."]),
        ("It rose. 2. It fell.", ["It rose.", "2. It fell."]),
        # a space lost between two sentences: a word in lower case, the stop, a capitalised word
        ("The bid had failed.Its rival won.", ["The bid had failed.", "Its rival won."]),
        ('It aims at "stable prices".The board met.', ['It aims at "stable prices".', "The board met."]),
        ("Did it pay?Nobody knows.", ["Did it pay?", "Nobody knows."]),
        ("The bank is based in Hong Kong.HSBC said so.", ["The bank is based in Hong Kong.", "HSBC said so."]),
        # but not a domain, an initial or an abbreviation
        ("See www.Harbor.com for more. Ok.", ["See www.Harbor.com for more.", "Ok."]),
        ("Shares of Harbor.com rose. Ok.", ["Shares of Harbor.com rose.", "Ok."]),
        ("The U.S.Treasury sold bills.", ["The U.S.Treasury sold bills."]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    got = split_sentences(text)
    assert [s.text for s in got] == expected
    assert all(text[s.start : s.end] == s.text for s in got)


def test_paragraph_numbers_follow_lines():
    got = split_sentences("A one. A two.\n\nB one.")
    assert [s.paragraph for s in got] == [0, 0, 1]


def test_offsets_relative_to_the_whole_text_with_start():
    text = "---\nfront\n---\nBody one. Body two."
    got = split_sentences(text, start=14)
    assert [text[s.start : s.end] for s in got] == ["Body one.", "Body two."]


@pytest.mark.parametrize(
    "sentence, parts",
    [
        ("A signed with B, while C signed with D.", ["A signed with B, while ", "C signed with D."]),
        ("Sales rose; profit fell.", ["Sales rose; ", "profit fell."]),
        ("No clause break here.", ["No clause break here."]),
        # a letter that lower-cases to two characters ('İ') moves no cut
        (
            "Shares on Borsa İzmir slipped, while the lira held.",
            ["Shares on Borsa İzmir slipped, while ", "the lira held."],
        ),
    ],
)
def test_split_clauses(sentence, parts):
    assert [sentence[a:b] for a, b in split_clauses(sentence)] == parts


SUMMARY_LAYOUT = [
    # machine-made summaries: citation marks end a bullet, a dash opens the next
    (
        "X rose 1.28%, with turnover of 4.1 billion yuan [1] - The fund's shares rose [1][2] - Its size grew [2]",
        ["X rose 1.28%, with turnover of 4.1 billion yuan [1]", "The fund's shares rose [1][2]", "Its size grew [2]"],
    ),
    # a short title-cased label before a dash is a piece of its own
    ("Group 1: Market Performance - The ETF rose [1]", ["Group 1: Market Performance -", "The ETF rose [1]"]),
    ("Core Viewpoint - The market is rising [1][2]", ["Core Viewpoint -", "The market is rising [1][2]"]),
    ("BEIJING -- China has rolled out measures.", ["BEIJING --", "China has rolled out measures."]),
    # a dash inside a sentence is no label; a bracket that is no citation ends nothing
    ("The ETF (513120) rose - a lot - today.", ["The ETF (513120) rose - a lot - today."]),
    ("The fund [ticker 513120] rose today.", ["The fund [ticker 513120] rose today."]),
    ("- to cut the reserve requirement ratio", ["to cut the reserve requirement ratio"]),
]


@pytest.mark.parametrize("text, expected", SUMMARY_LAYOUT, ids=[c[0][:30] for c in SUMMARY_LAYOUT])
def test_the_layout_of_machine_made_summaries(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


WRAPPED = [
    # a hard-wrapped line goes on where the next starts in lower case, or it ends with a comma or a word like 'of'
    (
        "A block of 5 million units of the\nNordic Banks ETF changed hands at noon.",
        ["A block of 5 million units of the\nNordic Banks ETF changed hands at noon."],
    ),
    (
        "The fund slipped 0.4% in\nlate trade. Volume was light.",
        ["The fund slipped 0.4% in\nlate trade.", "Volume was light."],
    ),
    ("Turnover reached HK$2.1b,\nHK$0.3b above average.", ["Turnover reached HK$2.1b,\nHK$0.3b above average."]),
    # a title, a closed line or a line before a capital stays its own
    (
        "Funds gain on rate hopes\nThe Nordic Banks ETF rose.",
        ["Funds gain on rate hopes", "The Nordic Banks ETF rose."],
    ),
    ("Flows at a glance:\nnet inflows rose.", ["Flows at a glance:", "net inflows rose."]),
    ("It rose.\nthen it fell.", ["It rose.", "then it fell."]),
    ("Key takeaways\n\nof the week.", ["Key takeaways", "of the week."]),  # a blank line ends it
    # a digest's item mark '** ' opens a piece of its own, the line before it open or not; the mark is left out
    (
        "** Acme Tools said it would miss its\nyearly target\n** Birch Foods lifted its outlook",
        ["Acme Tools said it would miss its\nyearly target", "Birch Foods lifted its outlook"],
    ),
    (
        "** Acme Tools posted a loss of\n** Birch Foods lifted its outlook",
        ["Acme Tools posted a loss of", "Birch Foods lifted its outlook"],
    ),
]


@pytest.mark.parametrize("text, expected", WRAPPED, ids=[t[:24] for t, _ in WRAPPED])
def test_hard_wrapped_lines(text: str, expected: list[str]) -> None:
    got = split_sentences(text)
    assert [s.text for s in got] == expected
    assert all(text[s.start : s.end] == s.text for s in got)


#: a wire story hard-wrapped at about 60 characters: its full lines go on in the next line whatever its case
WIRE = (
    "SEOUL, March 3 Hanbit Shipping Co\n"
    "(Korea) Ltd said on Tuesday it expects quarterly profit to\n"
    "drop by as much as 30 percent, citing weaker freight rates\n"
    "and a stronger won against the dollar in the period.\n"
    "Chief Executive Park Min\n"
    "Jae told reporters the outlook for the second half was\n"
    "uncertain, as rival Daehan Lines Corp said last week that\n"
    "Asia-Europe volumes had fallen for a fourth month.\n"
)

WIRE_SENTENCES = [
    "SEOUL, March 3 Hanbit Shipping Co\n(Korea) Ltd said on Tuesday it expects quarterly profit to\n"
    "drop by as much as 30 percent, citing weaker freight rates\nand a stronger won against the dollar in the period.",
    # a short line of wrapped text is no full line: it ends its sentence (a heading, a paragraph's last line)
    "Chief Executive Park Min",
    "Jae told reporters the outlook for the second half was\nuncertain, as rival Daehan Lines Corp said last week that\n"
    "Asia-Europe volumes had fallen for a fourth month.",
]


WIDE_LINES = [
    f"Paragraph {n} of a web page runs on for far longer than the width any wire copy is wrapped at, so a break ends it"
    for n in range(6)
]


@pytest.mark.parametrize(
    "text, expected",
    [
        (WIRE, WIRE_SENTENCES),
        # lines wider than any wire copy is wrapped at are a web page's paragraphs: a break before a capital ends
        ("\n".join(WIDE_LINES), WIDE_LINES),
        # too few lines to tell a width
        ("Hanbit Shipping Co\n(Korea) Ltd said it rose.", ["Hanbit Shipping Co", "(Korea) Ltd said it rose."]),
    ],
    ids=["wire", "wide-lines", "two-lines"],
)
def test_text_hard_wrapped_at_a_fixed_width(text: str, expected: list[str]) -> None:
    got = split_sentences(text)
    assert [s.text for s in got] == expected
    assert all(text[s.start : s.end] == s.text for s in got)


QUOTE_CHIPS = [
    # a market-data page prints each fund's quote on a line of its own inside the sentence that names the fund
    (
        "The Harbor Nordic ETF\n\nNRDC, -2.15%\n\n fell 2% on Friday.",
        ["The Harbor Nordic ETF\n\nNRDC, -2.15%\n\n fell 2% on Friday."],
    ),
    (
        "The Harbor Nordic ETF\n\nNRDC, +0.35%\n\nand the Harbor Baltic ETF\n\nBLTC, -1.02%\n\n were flat.",
        ["The Harbor Nordic ETF\n\nNRDC, +0.35%\n\nand the Harbor Baltic ETF\n\nBLTC, -1.02%\n\n were flat."],
    ),
    # a chip after a closed sentence stays apart, and so does a line after it that opens a sentence
    ("Funds fell.\n\nNRDC, -2.15%\n\nThe index rose.", ["Funds fell.", "NRDC, -2.15%", "The index rose."]),
    (
        "The Harbor Nordic ETF\nNRDC, -2.15%\nThe index rose.",
        ["The Harbor Nordic ETF\nNRDC, -2.15%", "The index rose."],
    ),
]


@pytest.mark.parametrize("text, expected", QUOTE_CHIPS, ids=[c[0][:30] for c in QUOTE_CHIPS])
def test_quote_chips_stay_in_their_sentence(text, expected):
    got = split_sentences(text)
    assert [s.text for s in got] == expected
    assert all(text[s.start : s.end] == s.text for s in got)
