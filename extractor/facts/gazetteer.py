"""Gazetteers of companies, government bodies and ETFs, loaded from data files and matched fast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeAlias

from extractor.contract import Located
from extractor.datafiles import load_jsonl
from extractor.facts.lexicon import trie_pattern

#: a pattern of spaCy's EntityRuler, as `EntityRuler.add_patterns` takes it: {label, pattern, id}, the pattern
#: a phrase (as here) or a list of token patterns
RulerPattern: TypeAlias = dict[str, str | list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: a canonical name and what it is."""

    name: str
    label: str  # "ORG" for companies, "GOV" for government bodies and regulators
    kind: str = "company"
    ticker: str | None = None
    #: a description ('the central bank'): it names this entry only where the article names no other of its kind
    description: bool = False


@dataclass(frozen=True, slots=True)
class EtfInfo:
    """A fund the gazetteer knows: its code, name, issuer and tracked index."""

    code: str
    name: str
    issuer: str | None = None
    tracked_index: str | None = None


@dataclass
class Gazetteer:
    """Surface forms to entries, with one compiled scanner over all of them."""

    forms: dict[str, Entry] = field(default_factory=dict)
    etfs: dict[str, EtfInfo] = field(default_factory=dict)

    def add(self, surface: str, entry: Entry) -> None:
        """Register a surface form (and its upper-case variant) for an entry."""
        for form in {surface, surface.upper(), surface[:1].upper() + surface[1:]}:
            self.forms.setdefault(form, entry)

    @property
    def scanner(self) -> re.Pattern[str]:
        """Every surface form in one trie-shaped pattern (linear by construction), not running on into a word."""
        if not hasattr(self, "_scanner"):
            # a name must not continue into another word (or a digit, as in ticker suffixes)
            self._scanner = re.compile(rf"(?:{trie_pattern(sorted(self.forms))})(?![\w&]|\.\w)")
        return self._scanner

    def find(self, text: str, offset: int = 0) -> Iterator[Located[Entry]]:
        """Every known company, body or ticker in `text`, leftmost-longest, not inside a longer word."""
        scanner, pos = self.scanner, 0
        while (m := scanner.search(text, pos)) is not None:
            start, end = m.span()
            before = text[start - 1] if start else " "
            if before.isalnum() or before in "_&":
                pos = start + 1
                continue
            yield Located(start + offset, end + offset, self.forms[m.group()])
            pos = end

    def entity_ruler_patterns(self) -> list[RulerPattern]:
        """Patterns for spaCy's EntityRuler, so the gazetteers win over the statistical NER."""
        patterns: list[RulerPattern] = []
        for surface, entry in self.forms.items():
            if entry.kind == "ticker":
                continue
            patterns.append({"label": entry.label, "pattern": surface, "id": entry.name})
        return patterns


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from the data files shipped with the package."""
    gaz = Gazetteer()
    for row in load_jsonl("gazetteer", "companies.jsonl"):
        entry = Entry(row["name"], "ORG", "company")
        for surface in [row["name"], *row.get("aliases", [])]:
            gaz.add(surface, entry)
        for ticker in row.get("tickers", []):
            if "." in ticker:  # exchange-qualified tickers only: bare ones are too ambiguous
                gaz.add(ticker, Entry(row["name"], "ORG", "ticker", ticker))
    for row in load_jsonl("gazetteer", "bodies.jsonl"):
        entry = Entry(row["name"], "GOV", row.get("kind", "government"))
        for surface in [row["name"], *row.get("aliases", [])]:
            gaz.add(surface, entry)
        for surface in row.get("descriptions", []):
            gaz.add(surface, Entry(row["name"], "GOV", entry.kind, description=True))
    for row in load_jsonl("gazetteer", "etfs.jsonl"):
        gaz.etfs[row["code"]] = EtfInfo(row["code"], row["name"], row.get("issuer"), row.get("tracked_index"))
    return gaz
