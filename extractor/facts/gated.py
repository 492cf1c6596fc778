"""Gated scanning: a costly pattern tried only where a cheap one says a match can start."""

from __future__ import annotations

from collections.abc import Iterator
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
        m = rx.match(text, start, timeout=timeout)
        if m is not None:
            yield m
            pos = m.end()
