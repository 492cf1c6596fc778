"""One company written in several ways: 'Honda' and 'Honda Motor Co.', "Japan's Fuji Media Holdings"."""

from __future__ import annotations

import regex

from extractor.facts.analysis import OrgRef

_NAME_WORDS = regex.compile(r"[\p{L}\p{N}&]++")
#: "japan s fuji media": a possessive description before a name, as the name words read it
_POSSESSIVE_LEAD = regex.compile(r"^(?:[\p{L}\p{N}&]++\s++){1,3}?s\s++")


def same_company(a: OrgRef | None, b: OrgRef | None) -> bool:
    """One company written twice: the same name, or the words of one leading the other's ('Honda' and 'Honda
    Motor Co.'), a description before it aside ("Japan's Fuji Media Holdings")."""
    if a is None or b is None:
        return False
    if a.name == b.name:
        return True
    x, y = _NAME_WORDS.findall(a.name.lower()), _NAME_WORDS.findall(b.name.lower())
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if not short:
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)) and (
        short[0] == long[0] or _POSSESSIVE_LEAD.match(" ".join(long)) is not None
    )
