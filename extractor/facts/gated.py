"""Gated scanning: a costly pattern tried only where a cheap one says a match can start."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex


def scan(
    rx: regex.Pattern[str],
    gate: Any,
    text: str,
    pos: int = 0,
    timeout: float | None = None,
    gate_text: str | None = None,
) -> Iterator[regex.Match[str]]:
    """Non-overlapping matches of `rx` in text[pos:], tried only where `gate` (a `re` or `regex` pattern) matches.

    The gate reads `gate_text` instead when given: a text of the same length, such as `text` lower-cased.
    """
    for g in gate.finditer(text if gate_text is None else gate_text, pos):
        start = g.start()
        if start < pos:
            continue
        # no `timeout=` when there is none: the keyword alone doubles the cost of a short match in `regex`
        m = rx.match(text, start) if timeout is None else rx.match(text, start, timeout=timeout)
        if m is not None:
            yield m
            pos = m.end()


#: where matching a text lower-cased with `re` can part from matching it case-blind with `regex`: 'ſ' (read as 's'
#: case-blind), the separators \x1c-\x1f (white space to `re` only) and characters beyond the Basic Multilingual
#: Plane (the engines' digit tables differ there)
_NOT_FOR_LOWER = re.compile("[\x1c-\x1f\u017f\U00010000-\U0010ffff]")


def lower_form(rx: regex.Pattern[str]) -> re.Pattern[str] | None:
    """A gate or trigger written case-blind in `regex` (its `(?i:` groups) as a `re` pattern for lower-cased text;
    None when it holds an upper-case letter, which lower-cased text could not match the same way."""
    plain = rx.pattern.replace("(?i:", "(?:")
    if rx.flags & regex.IGNORECASE or any(ch.isupper() for ch in plain):
        return None
    return re.compile(plain)


def lowered(text: str) -> str | None:
    """`text` lower-cased, where a `lower_form` pattern finds in it what its case-blind original finds in `text`
    (same length, none of the characters where the engines part); else None."""
    low = text.lower()
    if len(low) != len(text) or _NOT_FOR_LOWER.search(low):
        return None
    return low


@dataclass(frozen=True)
class Trigger:
    """A cheap test that a text may hold a match: `cheap` (digits, CJK words: a fast scan that answers for most
    texts) or `words` (a `regex` pattern with case-blind groups), the words read in the `lowered` text where that
    finds the same. The same answer as one search of the alternation `cheap|words`."""

    cheap: regex.Pattern[str]
    words: regex.Pattern[str]
    lower: re.Pattern[str] | None

    @classmethod
    def of(cls, cheap: str, words: str) -> Trigger:
        """A trigger from the two parts of an alternation."""
        rx = regex.compile(words)
        return cls(regex.compile(cheap), rx, lower_form(rx))

    def found(self, text: str, low: str | None) -> bool:
        """Whether the text holds a match (`low`: the text `lowered`, or None)."""
        if self.cheap.search(text) is not None:
            return True
        if low is not None and self.lower is not None:
            return self.lower.search(low) is not None
        return self.words.search(text) is not None
