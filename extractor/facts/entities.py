"""Resolving a name as written to an entity: the gazetteer's canonical name, kind, tickers and LEI.

`resolve("BEIGENE")`, `resolve("688235")` and `resolve("HK:6160")` are all BeiGene. A name no gazetteer knows
keeps a cleaned form of itself as its canonical name and has no identifiers.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from extractor.contract import Entity, EntityKind
from extractor.datafiles import load_json
from extractor.facts.analysis import company_key, plain_name
from extractor.facts.gazetteer import Gazetteer, default_gazetteer
from extractor.facts.tickers import normalize_ticker

#: 'Innovent Biologics (01801.HK)': a name and, in brackets at its end, what may be its stock code
_BRACKETED = regex.compile(r"(?P<name>.*?)\s*+[(（](?P<inside>[^()（）]++)[)）]")
#: "Japan's Fuji Media Holdings": a possessor (up to three words) before a name
_POSSESSOR = regex.compile(r"(?P<owner>(?:\p{Lu}[\w.-]*+\s++){0,2}\p{Lu}[\w.-]*+)['’]s\s++(?=\p{Lu})")
_LETTERS = regex.compile(r"\p{L}++")
_SPACED_COMMA = regex.compile(r"\s*+,\s*+")
_VOWELS = frozenset("aeiouy")


def resolve(name: str, gazetteer: Gazetteer | None = None, kind: EntityKind = "company") -> Entity:
    """The entity a name as written stands for (`gazetteer`: the bundled one unless given).

    An alias, another casing, a stock code ('(01801.HK)', '688235', 'HK:1801', 'NYSE: LLY') or the name with a
    description, a possessor or a legal form around it resolves to the gazetteer's entry; any other name keeps a
    cleaned form of itself as `canonical`, `kind` as given, and no identifiers.
    """
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    for candidate in _candidates(name):
        known = gaz.known(candidate)
        if known is not None:
            return Entity(
                name=name,
                canonical=known.name,
                kind=known.kind,
                tickers=list(known.tickers),
                lei=known.lei,
                known=True,
            )
    return Entity(name=name, canonical=canonical_name(name), kind=kind, known=False)


def canonical_name(name: str) -> str:
    """A name no gazetteer knows, cleaned: no description, leading 'the', possessor, stock code or legal form around
    it, spaces and commas evened out, and an ALL-CAPS name in ordinary case ('HON KWOK LAND' -> 'Hon Kwok Land')."""
    cleaned = _without_code(_plain(name))
    repaired = _SPACED_COMMA.sub(", ", repair_case(cleaned)).strip(" ,")
    return company_key(repaired) or repaired or " ".join(name.split())


def repair_case(name: str) -> str:
    """An ALL-CAPS name in ordinary case; acronyms (no vowel: 'HSBC', 'PPT'; a short word alone: 'NIO') and
    mixed-case names stay as written."""
    words = _LETTERS.findall(name)
    if not name.isupper() or (len(words) < 2 and not any(len(w) > 4 for w in words)):
        return name
    small, legal = _word_forms()

    def word(m: regex.Match[str]) -> str:
        w = m.group()
        low = w.lower()
        if low in legal:
            return legal[low]
        if m.start() > 0 and low in small:
            return low
        if len(w) == 1 or not (_VOWELS & set(low)):
            return w
        return w[0] + low[1:]

    return _LETTERS.sub(word, name)


def _candidates(name: str) -> Iterator[str]:
    """The forms of a written name to look up, the name itself first."""
    yield name
    plain = _plain(name)
    yield plain
    m = _BRACKETED.fullmatch(plain)
    if m is not None:
        yield m.group("inside")  # the stock code, which names the listing exactly
        yield m.group("name")
    key = company_key(_without_code(plain))
    if key != plain:
        yield key


def _plain(name: str) -> str:
    """The name without description, article, possessive or a place's possessor ("Japan's"), spaces evened out."""
    text = plain_name(" ".join(name.split()).strip("\"'“”‘’"))
    m = _POSSESSOR.match(text)
    if m is not None and m.group("owner").split()[-1] in _places():
        text = text[m.end() :]
    return text


def _without_code(name: str) -> str:
    """The name without a stock code in brackets at its end ('Huadong Medicine (000963.SZ)')."""
    m = _BRACKETED.fullmatch(name)
    return m.group("name") if m is not None and normalize_ticker(m.group("inside")) is not None else name


@cache
def _places() -> frozenset[str]:
    return frozenset(load_json("name_words.json")["places"])


@cache
def _word_forms() -> tuple[frozenset[str], dict[str, str]]:
    """Particles (lower case inside a name) and the one-word legal forms with their usual casing ('Ltd')."""
    small = frozenset(load_json("name_words.json")["name_particles"])
    legal: dict[str, str] = {}
    for suffix in load_json("organization_words.json")["legal_suffixes"]:
        word = suffix.rstrip(".")
        if word.isalpha():
            legal.setdefault(word.lower(), word)
    return small, legal
