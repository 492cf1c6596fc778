"""A cheap look for names the gazetteers did not supply: capitalised words the statistical NER could tag.

The model costs about a thousand times more per word than this check, so a sentence whose only
capitalised words are known companies, months, currency codes, drug codes or a sentence-initial
common word is not worth sending to it.
"""
from __future__ import annotations

from functools import cache

import re

import regex

from .datafiles import load_json

#: a capitalised word (letters, digits, '&', '.', "'" and '-' inside), not glued to a word before it
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}_-])\p{Lu}[\p{L}\p{N}&'’.-]*+")
#: codes rather than names: PD-1, HRS-5346, Q3, H1, FY2025, 9M
_CODE = regex.compile(r"\p{Lu}++-?+\d[\p{L}\p{N}-]*+")
_LOWER_WORD = re.compile(r"\b[^\W\d_A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")
_LEADING = regex.compile(r"[\s\"“‘'(\[]*+")


@cache
def _not_names() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    table = load_json("name_words.json")
    dates = load_json("date_words.json")
    currencies = load_json("currencies.json")
    words = {w.lower() for w in table["not_names"] + table["places"] + table["terms"]}
    words |= set(dates["months"]) | set(dates["weekdays"]) | set(load_json("number_words.json")["en_units"])
    for code, forms in currencies["currencies"].items():
        words |= {code.lower()} | {f.lower().strip("$") for f in forms if f[:1].isupper()}  # 'HK' of 'HK$'

    return frozenset(words), frozenset(table["function_words"]), tuple(table["suffixes"])


def lowercase_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case somewhere (so 'Revenue' starting a sentence is no name)."""
    return frozenset(w for w in _LOWER_WORD.findall(text) if w.islower())


def unnamed_capitals(sentence: str, known: list[tuple[int, int]], lowercase: frozenset[str],
                     title_case: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the capitalised words of a sentence, outside known names, that could be (part of) a name.

    In a title-case line (a headline) every word is capitalised, so there any word the article also
    writes in lower case is passed over, as the first word of a sentence is elsewhere.
    """
    not_names, function_words, suffixes = _not_names()
    first = _LEADING.match(sentence).end()
    found = []
    for m in _CAPITALISED.finditer(sentence):
        word = m.group().rstrip(".'’-")
        low = word.lower()
        for suffix in suffixes:
            if low.endswith(suffix):
                low = low[: -len(suffix)]
                break
        if not low or low in not_names or _CODE.fullmatch(word):
            continue
        if any(a <= m.start() < b for a, b in known):
            continue
        if (title_case or m.start() == first) and (low in function_words or low in lowercase):
            continue  # capitalised only because it starts the sentence or the line is a title
        found.append((m.start(), m.start() + len(word)))
    return found
