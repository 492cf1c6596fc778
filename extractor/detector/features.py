"""The features the detector reads of a sentence: its words and word pairs, numbers folded to their kind."""

from __future__ import annotations

import re
from itertools import pairwise

#: a word, a number (with its decimal or thousands marks) or a money or percent sign
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*|[%$¥€£]")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: the feature every sentence has (the model's intercept), the one of a headline, and the prefixes of a word's and a
#: word pair's
BIAS = "bias"
HEADLINE = "headline"
WORD = "w:"
PAIR = "p:"


def _fold(token: str) -> str:
    """A number as its kind: '<year>', '<dec>' (with a decimal part), '<num>'; other tokens as they are."""
    if not token[0].isdigit():
        return token
    if _YEAR.fullmatch(token):
        return "<year>"
    return "<dec>" if "." in token else "<num>"


def tokens(text: str) -> list[str]:
    """The folded lower-case tokens of a text."""
    return [_fold(t) if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())]


def features(text: str, headline: bool = False) -> list[str]:
    """The distinct features of a sentence: a bias, its words ('w:'), its word pairs ('p:'), and a headline mark."""
    words = tokens(text)
    found = {BIAS, *(f"{WORD}{w}" for w in words), *(f"{PAIR}{a} {b}" for a, b in pairwise(words))}
    if headline:
        found.add(HEADLINE)
    return sorted(found)
