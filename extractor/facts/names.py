"""A cheap look for names the gazetteers did not supply: capitalised words the statistical NER could tag.

The model costs about a thousand times more per word than this check, so a sentence whose only
capitalised words are known companies, months, currency codes, drug codes or a sentence-initial
common word is not worth sending to it.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache

import regex

from extractor.datafiles import load_json

#: a capitalised word (letters, digits, '&', '.', "'" and '-' inside), not glued to a word before it
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}_-])\p{Lu}[\p{L}\p{N}&'’.-]*+")
#: codes rather than names: PD-1, HRS-5346, Q3, H1, FY2025, 9M
_CODE = regex.compile(r"\p{Lu}++-?+\d[\p{L}\p{N}-]*+")
_LOWER_WORD = re.compile(r"\b[^\W\d_A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")
_LEADING = regex.compile(r"[\s\"“‘'(\[]*+")
#: characters no lower-case word contains: tokenizing between two of them gives the article's own tokens
_SPACE_CHARS = (" ", "\n", "\t", "\r")


@cache
def _not_names() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    table = load_json("name_words.json")
    dates = load_json("date_words.json")
    currencies = load_json("currencies.json")
    words = {w.lower() for w in table["not_names"] + table["places"] + table["terms"]}
    numbers = load_json("number_words.json")
    words |= set(dates["months"]) | set(dates["weekdays"]) | set(numbers["en_units"]) | set(numbers["en_scales"])
    for code, forms in currencies["currencies"].items():
        words |= {code.lower()} | {f.lower().strip("$") for f in forms if f[:1].isupper()}  # 'HK' of 'HK$'

    return frozenset(words), frozenset(table["function_words"]), tuple(table["suffixes"])


@cache
def not_name_words() -> frozenset[str]:
    """Lower-cased words that make no name on their own: places, months, weekdays, terms, currency words and
    function words."""
    words, function_words, _ = _not_names()
    return words | function_words


class LowercaseWords(Container[str]):
    """The words an article writes in lower case somewhere (so 'Revenue' starting a sentence is no name).

    Looked up on demand: a few words per article are asked about, so tokenizing the whole text for
    them would cost more than finding each where it occurs.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word not in self.answers:
            self.answers[word] = word.islower() and self._written(word)
        return self.answers[word]

    def _written(self, word: str) -> bool:
        """Whether `word` occurs as a whole lower-case word (the words between two spaces tokenized alone)."""
        text = self.text
        at = text.find(word)
        while at >= 0:
            lo = max(text.rfind(c, 0, at) for c in _SPACE_CHARS) + 1
            his = [i for i in (text.find(c, at + len(word)) for c in _SPACE_CHARS) if i >= 0]
            if word in _LOWER_WORD.findall(text, lo, min(his, default=len(text))):
                return True
            at = text.find(word, at + 1)
        return False


def lowercase_words(text: str) -> LowercaseWords:
    """The words an article writes in lower case somewhere, as a container looked up on demand."""
    return LowercaseWords(text)


def unnamed_capitals(
    sentence: str, known: list[tuple[int, int]], lowercase: Container[str], title_case: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of the capitalised words of a sentence, outside known names, that could be (part of) a name.

    In a title-case line (a headline) every word is capitalised, so there any word the article also
    writes in lower case is passed over, as the first word of a sentence is elsewhere.
    """
    not_names, function_words, suffixes = _not_names()
    leading = _LEADING.match(sentence)
    assert leading is not None  # the pattern matches the empty string
    first = leading.end()
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
