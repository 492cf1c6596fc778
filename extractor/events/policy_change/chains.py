"""Measures in a chain of infinitives after a verb of deciding: 'decided to cut taxes on small firms and to extend
the subsidy for electric cars', 'decided to advance ..., to promote ... and to carry out ...'."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractor.facts.lexicon import roles, words
from extractor.facts.patterns import alternation

#: ', to', ', and to', ' and to' before the next infinitive of a chain
_LINK = regex.compile(r"(?:,\s*+(?:and\s++)?|\s++and\s++)to\s++(?=\p{Ll})")


@dataclass(frozen=True)
class ChainItem:
    """One measure of a chain: its action, its description, and where the verb of deciding stands."""

    action: str
    description: str
    verb_start: int
    verb_end: int


@cache
def _opening() -> tuple[regex.Pattern[str], dict[str, str]]:
    """A verb of deciding followed by 'to' (words.json chain_verbs), and verb -> action."""
    table: dict[str, list[str]] = words("policy_change")["chain_verbs"]
    action_of = {verb.lower(): action for action, verbs in table.items() for verb in verbs}
    verbs = alternation(action_of, space=r"\s++")
    return regex.compile(rf"(?i)\b(?P<verb>{verbs})\s++to\s++(?=\p{{Ll}})"), action_of


@cache
def _steady() -> regex.Pattern[str]:
    """An infinitive that changes nothing ('to keep rates unchanged', 'to study ...'; words.json chain_steady)."""
    return regex.compile(rf"(?i)(?:{alternation(words('policy_change')['chain_steady'])})\b")


def chain_items(text: str, lo: int, hi: int, object_end: regex.Pattern[str], most_words: int) -> list[ChainItem]:
    """The measures of a chain of at least two infinitives after a verb of deciding in text[lo:hi], each with the
    action its own verb names (else the verb of deciding's), its words up to `most_words`; an infinitive that keeps
    things as they are is no measure. Empty where the clause holds no such chain."""
    pattern, action_of = _opening()
    opening = pattern.search(text, lo, hi)
    if opening is None:
        return []
    stop = object_end.search(text, opening.end(), hi)
    end = stop.start() if stop is not None else hi
    starts = [opening.end(), *(m.end() for m in _LINK.finditer(text, opening.end(), end))]
    if len(starts) < 2:
        return []
    decided = action_of[" ".join(opening.group("verb").lower().split())]
    items = []
    for i, start in enumerate(starts):
        item_end = _LINK.search(text, start, end)
        piece = text[start : item_end.start() if item_end is not None and i + 1 < len(starts) else end]
        description = " ".join(piece.strip(" ,").split()[:most_words])
        if len(description.split()) < 2 or _steady().match(description):
            continue
        own = roles("policy_change", "actions").hits(description)
        action = own[0][2] if own and own[0][0] == 0 else decided
        items.append(ChainItem(action, description, opening.start("verb"), opening.end("verb")))
    return items
