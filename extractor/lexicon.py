"""Compiled phrase sets and role lexicons built from the data tables in extractor/data."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Iterable, Iterator

import regex

from .gazetteer import load_json

#: budget in seconds for one scan of a sentence; patterns are literal alternations, so this is a guard
SCAN_TIMEOUT = 1.0


def _compile(phrases: Iterable[str], ignore_case: bool) -> regex.Pattern:
    alternatives = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(regex.escape(p.strip()) for p in alternatives)
    flags = regex.IGNORECASE if ignore_case else 0
    # phrases stand alone: not inside a longer word (CJK phrases need no boundary)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])|(?:{body})(?=\p{{Han}})", flags)


@dataclass(frozen=True)
class PhraseSet:
    """A set of phrases found in one scan."""

    pattern: regex.Pattern

    @classmethod
    def of(cls, phrases: Iterable[str], ignore_case: bool = True) -> "PhraseSet":
        """A phrase set from a list of phrases."""
        return cls(_compile(phrases, ignore_case))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        """Every occurrence in text[pos:endpos], leftmost-longest."""
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=SCAN_TIMEOUT)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        """An occurrence starting exactly at `pos`, or None."""
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos, timeout=SCAN_TIMEOUT)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        """The first occurrence in text[pos:endpos], or None."""
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos, timeout=SCAN_TIMEOUT)


@dataclass(frozen=True)
class RoleLexicon:
    """Phrases that announce roles: 'upfront payment' announces `upfront`."""

    phrases: PhraseSet
    roles: dict[str, str]

    @classmethod
    def of(cls, table: dict[str, list[str]]) -> "RoleLexicon":
        """A lexicon from {role: [phrases]}; a phrase listed twice keeps its first role."""
        roles: dict[str, str] = {}
        for role, phrases in table.items():
            for phrase in phrases:
                roles.setdefault(phrase.lower(), role)
        return cls(PhraseSet.of(roles), roles)

    def hits(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, role) of every role phrase in text[pos:endpos]."""
        return [(m.start(), m.end(), self.roles[m.group().lower()]) for m in self.phrases.finditer(text, pos, endpos)]

    def role_of(self, phrase: str) -> str | None:
        """The role a phrase announces."""
        return self.roles.get(phrase.lower())


@cache
def words() -> dict:
    """The event word tables (data/event_words.json)."""
    return load_json("event_words.json")


@cache
def phrases(*path: str, ignore_case: bool = True) -> PhraseSet:
    """The phrase set at a path of keys in the event word tables."""
    node = words()
    for key in path:
        node = node[key]
    return PhraseSet.of(node, ignore_case)


@cache
def roles(*path: str) -> RoleLexicon:
    """The role lexicon at a path of keys in the event word tables."""
    node = words()
    for key in path:
        node = node[key]
    return RoleLexicon.of(node)
