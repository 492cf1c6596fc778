"""Which market an article is about: whether it is one about the Hong Kong and mainland markets (markets.json)."""

from __future__ import annotations

from functools import cache

import regex

from extractor.datafiles import load_json
from extractor.facts.patterns import alternation

_SPACE_RUN = r"\s+"


@cache
def _greater_china_words() -> regex.Pattern[str]:
    """The table's words as whole words ('SSE' not inside 'SSEC', 'China' not inside 'Chinalco')."""
    edge = r"[\p{L}\p{N}]"
    words = load_json("markets.json")["greater_china_words"]
    return regex.compile(f"(?<!{edge})(?:{alternation(words, space=_SPACE_RUN)})(?!(?<={edge}){edge})")


def is_greater_china(text: str) -> bool:
    """True when the text names the Hong Kong and mainland markets often enough to be about them: at least the table's
    number of its words per 100 words ('Hong Kong', 'yuan', 'CSRC', ...)."""
    words = len(text.split())
    if not words:
        return False
    found = len(_greater_china_words().findall(text))
    per_100_words: float = load_json("markets.json")["greater_china_per_100_words"]
    return found * 100 >= per_100_words * words
