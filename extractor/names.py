"""A cheap look for names the gazetteers did not supply: capitalised words the statistical NER could tag.

The model costs about a thousand times more per word than this check, so a sentence whose only
capitalised words are known companies, months, currency codes, drug codes or a sentence-initial
common word is not worth sending to it.
"""
from __future__ import annotations

from functools import cache

import regex

from .datafiles import load_json

#: a capitalised word (letters, digits, '&', '.', "'" and '-' inside), not glued to a word before it
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}_-])\p{Lu}[\p{L}\p{N}&'’.-]*+")
#: codes rather than names: PD-1, HRS-5346, Q3, H1, FY2025, 9M
_CODE = regex.compile(r"\p{Lu}++-?+\d[\p{L}\p{N}-]*+")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*+")
_LEADING = regex.compile(r"[\s\"“‘'(\[]*+")


@cache
def _not_names() -> tuple[frozenset[str], frozenset[str]]:
    table = load_json("name_words.json")
    dates = load_json("date_words.json")
    currencies = load_json("currencies.json")["currencies"]
    words = {w.lower() for w in table["not_names"]}
    words |= set(dates["months"]) | set(dates["weekdays"]) | {code.lower() for code in currencies}
    return frozenset(words), frozenset(table["function_words"])


def lowercase_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case somewhere (so 'Revenue' starting a sentence is no name)."""
    return frozenset(m.group() for m in _LOWER_WORD.finditer(text))


def unnamed_capitals(sentence: str, known: list[tuple[int, int]], lowercase: frozenset[str]) -> list[str]:
    """Capitalised words of a sentence outside the known name spans that could be (part of) a name."""
    not_names, function_words = _not_names()
    first = _LEADING.match(sentence).end()
    found = []
    for m in _CAPITALISED.finditer(sentence):
        word = m.group().rstrip(".'’-")
        low = word.lower()
        if not word or low in not_names or _CODE.fullmatch(word):
            continue
        if any(a <= m.start() < b for a, b in known):
            continue
        if m.start() == first and (low in function_words or low in lowercase):
            continue  # capitalised only because it starts the sentence
        found.append(word)
    return found
