"""Compiled phrase sets and role lexicons built from the data tables in extractor/data."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, TypeAlias, cast

from extractor.datafiles import load_package_json
from extractor.facts.casefold import fold

#: sentences remembered per phrase set
MEMO_SIZE = 512
#: CJK ideographs: a phrase followed by one needs no word boundary ("5.9亿元" ends in "元")
_HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


_HAN_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HAN)


#: a trie of phrases: each character leads to the rest; the key "" marks the end of a phrase
_Trie: TypeAlias = dict[str, "_Trie"]


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _HAN)


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regular expression matching exactly the phrases, shaped as a trie so each position fails at once.

    Literal branches and optional tails only: linear by construction, with no nested quantifiers.
    """
    root: _Trie = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(root)


@dataclass(frozen=True, slots=True)
class Hit:
    """An occurrence of a phrase: its offsets in the text searched, and the text as written there."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        """Offset of the first character."""
        return self.begin

    def end(self) -> int:
        """Offset after the last character."""
        return self.finish

    def span(self) -> tuple[int, int]:
        """(start, end)."""
        return self.begin, self.finish

    def group(self, index: int = 0) -> str:
        """The phrase as written in the text."""
        return self.text[self.begin : self.finish]


#: an ASCII word: a phrase made of ASCII characters can only begin at a text's ASCII word equal to its first one
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
#: texts remembered with their ASCII words
WORDS_MEMO_SIZE = 4096
_WORDS: dict[str, frozenset[str]] = {}


#: what a phrase set's memo holds for a text not looked at yet
_UNKNOWN = object()
#: ... for a text in which no phrase can begin (`PhraseSet._cannot_begin`): no part of it holds one
_CANNOT = object()
#: ... for a text in which a phrase can begin, its first occurrence not looked for yet
_POSSIBLE = object()
#: texts remembered lower-cased: every phrase set that ignores case reads a text lower-cased, and the same string
#: object each time keeps its hash for the memos keyed by it
_LOWER: dict[str, str] = {}


def _lower(text: str) -> str:
    """`text.lower()`, remembered for the texts last asked about."""
    low = _LOWER.get(text)
    if low is None:
        if len(_LOWER) >= WORDS_MEMO_SIZE:
            _LOWER.clear()
        low = _LOWER[text] = text.lower()
    return low


def _ascii_words(subject: str) -> frozenset[str]:
    """The ASCII words of a text searched, remembered for the texts last asked about (every phrase set asks)."""
    found = _WORDS.get(subject)
    if found is None:
        if len(_WORDS) >= WORDS_MEMO_SIZE:
            _WORDS.clear()
        found = _WORDS[subject] = frozenset(_ASCII_WORD.findall(subject))
    return found


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The first ASCII word of every ASCII phrase, or None when an ASCII phrase has none (an ASCII text can match
    no other phrase: the others are then left out of the test for ASCII texts, see `_ascii_only`)."""
    firsts = set()
    for phrase in phrases:
        if not phrase.isascii():
            continue
        word = _ASCII_WORD.match(phrase)
        if word is None:
            return None
        firsts.add(word.group())
    return frozenset(firsts)


def _ascii_only(phrases: Iterable[str]) -> bool:
    """Whether every phrase is ASCII (so the first words of `_first_words` test any text, not only ASCII ones)."""
    return all(phrase.isascii() for phrase in phrases)


@dataclass(frozen=True)
class PhraseSet:
    """A set of phrases, each standing alone (not inside a longer word), found leftmost-longest.

    The phrases are compiled into one trie-shaped pattern that is matched against the lower-cased
    text (phrases are literal, so this is linear and needs no time budget); a match is kept when the
    character before it is not a letter or digit, or when a CJK ideograph follows it or opens it; a phrase ending
    in an ideograph may have a letter or digit right after it ('净流入59.57亿元'). A text none of
    whose words is the first word of a phrase is not searched at all: a match begins where no letter or
    digit stands before it, and the phrase's first word ends where the phrase has no letter or digit
    (or where it ends, and the text then has no letter or digit, or a CJK ideograph, after it), so the
    text then has that word as one of its own.
    """

    pattern: re.Pattern[str]
    ignore_case: bool
    #: the first ASCII word of every phrase (None: a phrase starts otherwise, or is not ASCII)
    firsts: frozenset[str] | None = None
    #: whether every phrase is ASCII: else `firsts` (of the ASCII phrases) tests only ASCII texts
    ascii_only: bool = True
    #: first occurrence in whole sentences recently searched: the same sentence is asked about by several rules
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, phrases: Iterable[str], ignore_case: bool = True) -> PhraseSet:
        """A phrase set from a list of phrases."""
        words = {p.strip().lower() if ignore_case else p.strip() for p in phrases if p.strip()}
        body = trie_pattern(sorted(words)) or "(?!)"
        tail = f"(?:(?![^\\W_])|(?=[{_HAN_CLASS}])|(?<=[{_HAN_CLASS}]))"  # a phrase ending in an ideograph: none
        pattern = re.compile(f"(?:{body}){tail}")
        return cls(pattern, ignore_case, _first_words(words), _ascii_only(words))

    @cached_property
    def folded(self) -> re.Pattern[str]:
        """The pattern case-blind, for a text that lower-casing changes in length (e.g. "İ"): compiled on first need,
        since most texts never need it and compiling costs as much as the pattern itself."""
        return re.compile(self.pattern.pattern, re.IGNORECASE)

    def _subject(self, text: str) -> tuple[str, re.Pattern[str]]:
        if not self.ignore_case:
            return text, self.pattern
        low = _lower(text)
        if len(low) == len(text):
            return low, self.pattern
        return text, self.folded  # lower-casing changed offsets (e.g. "İ"): match case-blind

    @staticmethod
    def _stands_alone(subject: str, start: int, end: int) -> bool:
        """No letter or digit glued before the match, or a CJK ideograph after it; a match that opens with an
        ideograph stands alone wherever it starts (Chinese is written without spaces: '近8个交易日净流入')."""
        return (
            start == 0
            or not subject[start - 1].isalnum()
            or (end < len(subject) and _is_han(subject[end]))
            or (start < end and _is_han(subject[start]))
        )

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Hit]:
        """Every occurrence in text[pos:endpos], leftmost-longest, not overlapping."""
        stop = len(text) if endpos is None else endpos
        known = self.memo.get(text, _UNKNOWN)
        if known is _CANNOT:
            return  # no phrase can begin anywhere in the text
        subject, pattern = self._subject(text)
        if pos == 0 and stop == len(text):  # the whole text: its first occurrence may be remembered
            first = self._first(text, known) if known is _UNKNOWN or known is _POSSIBLE else cast(Hit | None, known)
            if first is None:
                return
            yield first
            pos = first.finish if first.finish > first.begin else first.begin + 1
            # a phrase began in the text, so the rest is searched without the test of its words
            yield from self._matches(text, subject, pattern, pos, stop)
            return
        if known is _UNKNOWN and not self._note_possible(text, subject, pattern):
            return
        yield from self._matches(text, subject, pattern, pos, stop)

    def _cannot_begin(self, subject: str, pattern: re.Pattern[str]) -> bool:
        """Whether no phrase can begin in the text: none of its ASCII words is a phrase's first word (the folded
        pattern, for texts whose case changes length, is not prefiltered)."""
        return (
            self.firsts is not None
            and pattern is self.pattern
            and (self.ascii_only or subject.isascii())
            and self.firsts.isdisjoint(_ascii_words(subject))
        )

    def _note_possible(self, text: str, subject: str, pattern: re.Pattern[str]) -> bool:
        """Whether a phrase can begin in the text (`_cannot_begin`), the answer remembered with the text (a part of
        a text is searched only where a phrase can begin in the whole text)."""
        memo = self.memo
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        if self._cannot_begin(subject, pattern):
            memo[text] = _CANNOT
            return False
        memo[text] = _POSSIBLE
        return True

    def _matches(self, text: str, subject: str, pattern: re.Pattern[str], pos: int, stop: int) -> Iterator[Hit]:
        """The occurrences in subject[pos:stop] that stand alone, as hits in `text`."""
        search = pattern.search
        while pos <= stop:
            m = search(subject, pos, stop)
            if m is None:
                return
            start, end = m.span()
            if self._stands_alone(subject, start, end):
                yield Hit(text, start, end)
                pos = end if end > start else start + 1
            else:
                pos = start + 1

    def _first(self, text: str, found: object = None) -> Hit | None:
        """The first occurrence in the whole text, remembered for the texts last asked about (`found`: what the memo
        holds for the text, when the caller has read it)."""
        memo = self.memo
        if found is None:
            found = memo.get(text, _UNKNOWN)
        if found is _CANNOT:
            return None
        if found is _UNKNOWN or found is _POSSIBLE:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            subject, pattern = self._subject(text)
            # most texts hold no phrase's first word: answered without starting a scan
            if found is _UNKNOWN and self._cannot_begin(subject, pattern):
                memo[text] = _CANNOT
                return None
            found = memo[text] = next(self._matches(text, subject, pattern, 0, len(text)), None)
        return found  # type: ignore[return-value]

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Hit | None:
        """An occurrence starting exactly at `pos`, or None."""
        subject, pattern = self._subject(text)
        m = pattern.match(subject, pos, len(text) if endpos is None else endpos)
        if m is None or not self._stands_alone(subject, m.start(), m.end()):
            return None
        return Hit(text, m.start(), m.end())

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Hit | None:
        """The first occurrence in text[pos:endpos], or None."""
        known = self.memo.get(text, _UNKNOWN)
        if known is _CANNOT:
            return None  # no phrase can begin anywhere in the text
        stop = len(text) if endpos is None else endpos
        if pos == 0 and stop == len(text):
            return self._first(text, known) if known is _UNKNOWN or known is _POSSIBLE else cast(Hit | None, known)
        subject, pattern = self._subject(text)
        if known is _UNKNOWN and not self._note_possible(text, subject, pattern):
            return None
        return next(self._matches(text, subject, pattern, pos, stop), None)


#: endings of words that take no plural 's' (verbs in the past, adverbs, words already plural)
_NO_PLURAL = ("s", "ed", "ly", "ing")


def _plural(phrase: str) -> str | None:
    """'trading volume' -> 'trading volumes'; None for a phrase whose last word is no singular English noun."""
    last = phrase.rsplit(" ", 1)[-1]
    if not last.isascii() or not last.isalpha() or len(last) < 3 or last.endswith(_NO_PLURAL):
        return None
    return phrase + ("es" if last.endswith(("x", "ch", "sh")) else "s")


@dataclass(frozen=True)
class RoleLexicon:
    """Phrases that announce roles: 'upfront payment' announces `upfront`."""

    phrases: PhraseSet
    roles: dict[str, str]

    @classmethod
    def of(cls, table: dict[str, list[str]]) -> RoleLexicon:
        """A lexicon from {role: [phrases]}; a phrase listed twice keeps its first role.

        A phrase ending in a noun also announces its role in the plural ('trading volumes', 'net inflows'),
        unless the table gives the plural a role of its own.
        """
        roles: dict[str, str] = {}
        for role, phrases in table.items():
            for phrase in phrases:
                roles.setdefault(phrase.lower(), role)
        for phrase, role in list(roles.items()):
            plural = _plural(phrase)
            if plural is not None:
                roles.setdefault(plural, role)
        return cls(PhraseSet.of(roles), roles)

    def hits(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, role) of every role phrase in text[pos:endpos]."""
        return [(m.start(), m.end(), self.roles[fold(m.group())]) for m in self.phrases.finditer(text, pos, endpos)]

    def role_of(self, phrase: str) -> str | None:
        """The role a phrase announces."""
        return self.roles.get(fold(phrase))


@cache
def words(event_type: str) -> dict[str, Any]:
    """The words table of an event unit (extractor/events/<event_type>/words.json), validated by its `Words` model."""
    model = importlib.import_module(f"extractor.events.{event_type}.words").Words
    return load_package_json("events", event_type, "words.json", model=model)


def _node(event_type: str, path: tuple[str, ...]) -> Any:
    node: Any = words(event_type)
    for key in path:
        node = node[key]
    return node


@cache
def phrases(event_type: str, *path: str, ignore_case: bool = True) -> PhraseSet:
    """The phrase set at a path of keys in an event unit's words table: phrases("deal", "triggers")."""
    return PhraseSet.of(_node(event_type, path), ignore_case)


@cache
def roles(event_type: str, *path: str) -> RoleLexicon:
    """The role lexicon at a path of keys in an event unit's words table: roles("deal", "money_roles")."""
    return RoleLexicon.of(_node(event_type, path))
