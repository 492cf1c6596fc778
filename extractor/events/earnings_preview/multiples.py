"""Changes written as multiples or fractions of a year earlier's figure: 'HEPS had halved' (-50%), 'net profit
doubled' (+100%), 'expected to triple' (+200%), read as the changes in percent that the table gives them; not with a
bound or an approximation before them ('more than doubled', 'nearly halved')."""

from __future__ import annotations

from functools import cache

import regex

from extractor.contract import Located, Percentage
from extractor.datafiles import load_json
from extractor.facts.casefold import phrase_key
from extractor.facts.lexicon import words
from extractor.facts.patterns import alternation

#: how far before a word of multiple a bound may stand ('more than doubled', 'as much as halved')
BOUND_REACH = 24


@cache
def _pattern() -> regex.Pattern[str]:
    """The words of multiples (multiple_words in the earnings words), as whole words."""
    named = alternation(words("earnings_preview")["multiple_words"], space=r"\s++")
    return regex.compile(rf"(?i)(?<![\w-])(?:{named})(?![\w-])")


@cache
def _bounded() -> regex.Pattern[str]:
    """A bound or an approximation (the qualifier prefixes) right before a word of multiple: 'more than doubled',
    'as much as halved', 'nearly double' tell no figure of the change (the article's percentages may)."""
    prefixes = alternation(load_json("qualifiers.json")["prefix"], space=r"\s++")
    return regex.compile(rf"(?i)(?<![\w-])(?:{prefixes})\s++(?:(?:to|have|has|had|be|been)\s++)?$")


def multiples(text: str, lo: int = 0, hi: int | None = None) -> list[Located[Percentage]]:
    """The changes text[lo:hi] writes as multiples, each as a percentage of change with its sign ('halved': -50)."""
    table = words("earnings_preview")["multiple_words"]
    out = []
    for m in _pattern().finditer(text, lo, len(text) if hi is None else hi):
        if _bounded().search(text, max(0, m.start() - BOUND_REACH), m.start()) is not None:
            continue
        value = table[phrase_key(m.group())]
        out.append(Located(m.start(), m.end(), Percentage(text=m.group(), value=value)))
    return out


def is_multiple(p: Located[Percentage]) -> bool:
    """Whether a change was read from a word of multiple, which carries its own sign."""
    return phrase_key(p.item.text) in words("earnings_preview")["multiple_words"]
