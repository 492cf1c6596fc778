"""The pattern toolkit: alternations built from word lists, and the time budget every costly pattern runs under."""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

#: seconds one costly pattern may take on one text; past it `TimeoutError` gives the article up (a guard
#: only: the patterns are linear or bounded by construction)
REGEX_TIMEOUT = 2.0


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
