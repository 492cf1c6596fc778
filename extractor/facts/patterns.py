"""The pattern toolkit: alternations built from word lists, the time budget costly patterns run under, and the
register of the patterns that run without one."""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

#: seconds one costly pattern may take on one text; past it `TimeoutError` gives the article up (a guard
#: only: the patterns are linear or bounded by construction)
REGEX_TIMEOUT = 2.0

#: the patterns called without `timeout=` (a time budget costs more than a short match itself), by name; each
#: passes `extractor.facts.linear.backtracking_problems` (tests/test_untimed_patterns.py)
UNTIMED: dict[str, regex.Pattern[str]] = {}


def untimed(name: str, pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """`pattern`, registered under `name` as one its callers run without a time budget: a test checks that its
    shape cannot backtrack super-linearly (extractor/facts/linear.py)."""
    UNTIMED[name] = pattern
    return pattern


def alternation(words: Iterable[str], space: str | None = None, hyphen: str | None = None) -> str:
    """A regex alternation of literal words, longest first (so 'Co., Ltd.' wins over 'Co.'), each once.

    With `space`, a space inside a word matches that pattern instead (r'\\s+': any run of white space);
    with `hyphen`, so does a hyphen.
    """
    out = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        piece = regex.escape(word)
        if space is not None:
            piece = piece.replace(r"\ ", space)
        if hyphen is not None:
            piece = piece.replace(r"\-", hyphen)
        out.append(piece)
    return "|".join(out)


#: a decimal digit to the standard engine: every one is a digit to `str.isdigit`, and on ASCII text there are no others
_DECIMAL = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether a character of `text` is a digit to `str.isdigit` (a scan in C for most texts)."""
    if _DECIMAL.search(text) is not None:
        return True
    return not text.isascii() and any(ch.isdigit() for ch in text)
