"""Capitalised words that name no company: a filing's defined terms and section headings.

'The Company and the Licensee entered into ...', 'the entire registered capital of the Baoji Target', and a
heading glued to the sentence after it ('Major Collaboration Events Zelgen Biopharmaceuticals signed ...') look
like names to the patterns and the statistical model. The words that tell them are data:
`organization_words.json` (`defined_terms`, `defined_term_endings`, `heading_nouns`).
"""

from __future__ import annotations

from functools import cache

import regex

from extractor.datafiles import load_json
from extractor.facts.patterns import alternation

#: 'the ' (or 'The ', 'THE ') right before a name
_THE_BEFORE = regex.compile(r"(?i)(?<![\w-])the\s++$")


@cache
def _table() -> tuple[frozenset[str], regex.Pattern[str], frozenset[str]]:
    table = load_json("organization_words.json")
    endings = regex.compile(rf"(?<![\w-])(?:{alternation(table['defined_term_endings'])})$")
    return frozenset(table["defined_terms"]), endings, frozenset(table["heading_nouns"])


def is_defined_term(name: str, before: str = "") -> bool:
    """True for a filing's defined term: a name that is one ('Licensed Products'), or, written after 'the' (`before`
    is the text before the name), one ending as they do ('the Baoji Target')."""
    terms, endings, _ = _table()
    if name in terms:
        return True
    return _THE_BEFORE.search(before[-8:]) is not None and endings.search(name) is not None


def without_heading(name: str) -> str | None:
    """The name after a section heading glued to it ('Major Collaboration Events Zelgen Biopharmaceuticals' ->
    'Zelgen Biopharmaceuticals'); None when the name is a heading ('Key Deals'); the name itself otherwise. A heading
    noun counts after the name's first word only ('Updates Group' is a name)."""
    words = name.split(" ")
    nouns = _table()[2]
    for i in range(len(words) - 1, 0, -1):
        if words[i] in nouns:
            return " ".join(words[i + 1 :]) or None
    return name
