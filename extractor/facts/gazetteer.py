"""Gazetteers of companies, government bodies and ETFs, loaded from data files and matched fast."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeAlias

from extractor.contract import EntityKind, Located
from extractor.datafiles import load_jsonl
from extractor.facts.lexicon import trie_pattern
from extractor.facts.tickers import normalize_ticker

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
class Known:
    """What a gazetteer knows of one entity: its canonical name, kind, listings (normalised), LEI, and the month its
    fiscal year closes in where that is not December."""

    name: str
    kind: EntityKind
    tickers: tuple[str, ...] = ()
    lei: str | None = None
    fiscal_year_end: int | None = None


#: the kinds of entry that are companies (label ORG); the others are government bodies (label GOV)
COMPANY_KINDS = ("company", "fund")


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
    #: every entity by its canonical name
    entities: dict[str, Known] = field(default_factory=dict)
    #: canonical names by normalised ticker ('01801.HK', 'LLY')
    listings: dict[str, str] = field(default_factory=dict)

    def add(self, surface: str, entry: Entry) -> None:
        """Register a surface form (its upper-case variant, and each with a typographic apostrophe) for an entry."""
        for form in {surface, surface.upper(), surface[:1].upper() + surface[1:]}:
            self.forms.setdefault(form, entry)
            self.forms.setdefault(form.replace("'", "’"), entry)  # 'People’s Bank of China', as typeset

    def add_entity(self, row: Mapping[str, Any]) -> None:
        """Register a company, fund or body of a gazetteer row: its name, aliases, tickers, kind and LEI.

        A surface form or ticker already registered keeps its first entity, so rows added first win.
        """
        name, kind = row["name"], row.get("kind", "company")
        label = "ORG" if kind in COMPANY_KINDS else "GOV"
        entry = Entry(name, label, kind)
        for surface in [name, *row.get("aliases", [])]:
            self.add(surface, entry)
        for surface in row.get("descriptions", []):
            self.add(surface, Entry(name, label, kind, description=True))
        tickers: list[str] = []
        for ticker in row.get("tickers", []):
            if "." in ticker:  # exchange-qualified tickers only are matched in text: bare ones are too ambiguous
                self.add(ticker, Entry(name, "ORG", "ticker", ticker))
            listed = normalize_ticker(ticker, bare_symbols=True)
            if listed is not None and listed not in tickers:
                tickers.append(listed)
                self.listings.setdefault(listed, name)
        self.entities.setdefault(name, Known(name, kind, tuple(tickers), row.get("lei"), row.get("fiscal_year_end")))

    def memo(self, name: str) -> OrderedDict[Any, Any]:
        """A memo of what this gazetteer found in sentences (names of `Facts`, for `memo.remember`), kept with it:
        like its `scanner`, read once the gazetteer is complete."""
        memos: dict[str, OrderedDict[Any, Any]] = self.__dict__.setdefault("_memos", {})
        return memos.setdefault(name, OrderedDict())

    def known(self, text: str) -> Known | None:
        """The entity a name, alias or stock code stands for exactly (an upper-case or other casing of a form
        counts when it names one entity only), or None."""
        entry = self.forms.get(text)
        if entry is None:
            names = self._folded().get(text.casefold(), ())
            entry = self.forms.get(next(iter(names))) if len(names) == 1 else None
        if entry is not None and not entry.description:
            return self.entities.get(entry.name)
        listed = normalize_ticker(text)
        if listed is None and text.isupper():
            listed = normalize_ticker(text, bare_symbols=True)  # 'LLY' alone: a symbol the gazetteer lists
        name = self.listings.get(listed) if listed else None
        return self.entities.get(name) if name else None

    def _folded(self) -> dict[str, set[str]]:
        """Case-folded surface forms (descriptions aside) -> one surface form of each entity they name."""
        if not hasattr(self, "_folded_forms"):
            folded: dict[str, dict[str, str]] = {}
            for surface, entry in self.forms.items():
                if not entry.description:
                    folded.setdefault(surface.casefold(), {}).setdefault(entry.name, surface)
            self._folded_forms = {k: set(v.values()) for k, v in folded.items()}
        return self._folded_forms

    @property
    def scanner(self) -> re.Pattern[str]:
        """Every surface form in one trie-shaped pattern (linear by construction), not running on into a word.

        A name starts only where no letter, digit, '_' or '&' stands before it (`\\w` is `str.isalnum` or '_'): the
        search skips other positions inside the engine (it reads the character before a search's start position too)."""
        if not hasattr(self, "_scanner"):
            # a name must not continue into another word (or a digit, as in ticker suffixes)
            self._scanner = re.compile(rf"(?<![\w&])(?:{trie_pattern(sorted(self.forms))})(?![\w&]|\.\w)")
        return self._scanner

    def find(self, text: str, offset: int = 0) -> Iterator[Located[Entry]]:
        """Every known company, body or ticker in `text`, leftmost-longest, not inside a longer word."""
        if not self.forms:
            return  # an empty gazetteer knows no name (and its scanner would match the empty string)
        scanner, pos = self.scanner, 0
        while (m := scanner.search(text, pos)) is not None:
            start, end = m.span()
            longer = self._longer_inside(text, start, end)
            if longer is not None:  # 'The Monetary Authority of Singapore': not 'the Monetary Authority' (HKMA)
                pos = longer
                continue
            yield Located(start + offset, end + offset, self.forms[m.group()])
            pos = end

    def _longer_inside(self, text: str, start: int, end: int) -> int | None:
        """The start of a longer name that begins at a word inside text[start:end] and runs past it, if any."""
        for p in range(start + 1, end):
            m = self.scanner.match(text, p) if text[p - 1] == " " else None
            if m is not None and m.end() > end and m.end() - p > end - start:
                return p
        return None

    def entity_ruler_patterns(self) -> list[RulerPattern]:
        """Patterns for spaCy's EntityRuler, so the gazetteers win over the statistical NER."""
        patterns: list[RulerPattern] = []
        for surface, entry in self.forms.items():
            if entry.kind == "ticker":
                continue
            patterns.append({"label": entry.label, "pattern": surface, "id": entry.name})
        return patterns


def build_gazetteer(extra: Iterable[Mapping[str, Any]] = ()) -> Gazetteer:
    """The gazetteer of the data files shipped with the package, with `extra` rows (a user's --gazetteer file) added
    first: an extra row replaces the bundled entry of the same name (case aside), and its aliases and tickers win
    over any bundled entry's."""
    extra = list(extra)
    replaced = {row["name"].casefold() for row in extra}
    gaz = Gazetteer()
    bundled = [*load_jsonl("gazetteer", "companies.jsonl"), *load_jsonl("gazetteer", "bodies.jsonl")]
    for row in [*extra, *(r for r in bundled if r["name"].casefold() not in replaced)]:
        gaz.add_entity(row)
    for row in load_jsonl("gazetteer", "etfs.jsonl"):
        gaz.etfs[row["code"]] = EtfInfo(row["code"], row["name"], row.get("issuer"), row.get("tracked_index"))
    return gaz


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from the data files shipped with the package."""
    return build_gazetteer()
