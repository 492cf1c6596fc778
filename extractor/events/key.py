"""The event key: one string per real-world event, equal for the reports of it in different articles.

A key is `event_type|who|what|when`, each part made by the event type's recipe (its unit's `identity`) from
canonical names, an amount bucket, a period, a policy topic and a date bucket. The recipes and their limits are
documented in docs/contract.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from functools import cache

import regex

from extractor.contract import EventBase, Money
from extractor.datafiles import load_json
from extractor.facts.canonical import normalised
from extractor.facts.patterns import alternation

#: (who, what, when): the parties, company, fund or issuer; the amount, period or topic; the date bucket
KeyParts = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class KeyContext:
    """What a recipe needs besides the event: the article's publication day and the name canonicaliser."""

    published: dt.date | None
    #: a company's or body's name as written -> its canonical form (`extractor.facts.canonical.canonical_name`)
    name: Callable[[str], str]


def event_key(event_type: str, event_id: str, parts: KeyParts | None) -> str:
    """The key of an event from its recipe's parts; an event whose recipe cannot tell who it is about gets a key of
    its own (its event_id), so that it is never taken for another."""
    if parts is None or not parts[0]:
        return f"{event_type}|#{event_id}"
    return "|".join((event_type, *parts))


def names(found: Iterable[str | None], ctx: KeyContext) -> str:
    """The canonical forms of some names, each once, sorted and joined with '+'; '' when there are none."""
    return "+".join(sorted({ctx.name(n) for n in found if n} - {""}))


def fund(code: str | None, name: str | None) -> str:
    """A fund by its code, without exchange suffix or leading zeros ('02800.HK' -> '2800'), else by its name."""
    if code:
        return code.partition(".")[0].lstrip("0").upper() or "0"
    return normalised(name or "")


def amount_bucket(money: Money | None) -> str:
    """An amount cut (not rounded) to its first few significant digits, with its currency: '$8.85 billion' and
    '$8.8 billion' are both 'USD 8.8e9'."""
    if money is None or money.value == 0:
        return "-" if money is None else f"{money.currency} 0"
    digits = load_json("event_keys.json")["amount_digits"]
    value = abs(Decimal(repr(money.value)))
    exponent = value.adjusted()
    step = Decimal(1).scaleb(exponent - digits + 1)
    cut = (value / step).to_integral_value(rounding=ROUND_FLOOR) * step
    mantissa = (cut / Decimal(1).scaleb(exponent)).normalize()
    sign = "-" if money.value < 0 else ""
    return f"{money.currency} {sign}{mantissa}e{exponent}"


def month(event: EventBase, ctx: KeyContext) -> str:
    """The month of the event's date ('2026-02'), its year when the text gives no month, else the publication month."""
    if event.event_date:
        return event.event_date[:7]
    return ctx.published.isoformat()[:7] if ctx.published else "undated"


def day(event: EventBase, ctx: KeyContext) -> str:
    """The event's date as precise as the text gives it, else the publication day."""
    if event.event_date:
        return event.event_date
    return ctx.published.isoformat() if ctx.published else "undated"


def policy_topic(policy: str) -> str:
    """The topic of a measure ('reserve requirement ratio' and 'RRR' are both 'rrr') from the topic table, else the
    content words of its name, stemmed and sorted ('Notice on Optimizing ...' -> 'approval clinical ...')."""
    known = table_topic(policy)
    if known is not None:
        return known
    lowered = policy.casefold()
    ignored = _ignored_words()
    words = {_stem(w) for w in _WORD.findall(lowered.replace("'", "").replace("’", ""))}
    return " ".join(sorted(w for w in words if w not in ignored)) or lowered.strip()


def content_words(text: str) -> frozenset[str]:
    """The content words of a text as `policy_topic` reads a measure's name: lower-cased, plurals stemmed, the
    event_keys.json policy_ignored_words left out."""
    ignored = _ignored_words()
    found = _WORD.findall(text.casefold().replace("'", "").replace("’", ""))
    return frozenset(w for w in map(_stem, found) if w not in ignored)


def table_topic(policy: str) -> str | None:
    """The topic the topic table gives a measure's name ('rrr', 'policy_rate'), or None when it names none."""
    found = _topics().search(policy.casefold())
    return None if found is None else _topic_of()[found.group()]


_WORD = regex.compile(r"[\p{L}\p{N}]++")


def _stem(word: str) -> str:
    """A plural's singular, roughly ('drugs' -> 'drug', 'trials' -> 'trial'); enough for words to meet."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@cache
def _topic_of() -> dict[str, str]:
    return {
        phrase.casefold(): topic
        for topic, phrases in load_json("event_keys.json")["policy_topics"].items()
        for phrase in phrases
    }


@cache
def _topics() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation(_topic_of())})(?![\p{{L}}\p{{N}}])")


@cache
def _ignored_words() -> frozenset[str]:
    return frozenset(_stem(w.casefold()) for w in load_json("event_keys.json")["policy_ignored_words"])
