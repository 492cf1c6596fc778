"""Whether one gold value and one predicted value agree: names, money, percentages, dates, periods, fund codes."""

from __future__ import annotations

import re
from typing import Any

from extractor.evaluation.rules import code_suffix_pattern, period_forms, table, word_set, year_pattern

_WORD = re.compile(r"[a-z0-9]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_NOT_ALNUM = re.compile(r"[^A-Z0-9]")
_PATH_SEPARATOR = re.compile(r"[\\/]")


def words(text: str | None) -> list[str]:
    """The lower-case runs of ASCII letters and digits of a text ('' for None)."""
    return _WORD.findall((text or "").lower())


def _core(name: str) -> set[str]:
    """A name's words without corporate suffixes ('Innovent Biologics Inc.' -> {'innovent'})."""
    suffixes = word_set("name_suffixes")
    return {w for w in words(name) if w not in suffixes}


def _initials(name: str) -> set[str]:
    """The acronyms a name may be written as: the initials of all its words, and without the small ones."""
    skipped, small = word_set("acronym_skipped_words"), word_set("acronym_short_form_skips")
    kept = [w for w in words(name) if w not in skipped]
    return {"".join(w[0] for w in kept), "".join(w[0] for w in kept if w not in small)} - {""}


def _is_acronym_of(short: str, name: str) -> bool:
    letters = _NOT_LETTER.sub("", str(short).lower())
    return len(words(short)) == 1 and len(letters) >= table()["acronym_min_letters"] and letters in _initials(name)


def same_name(a: str, b: str) -> bool:
    """One company or body: one name's core words within the other's (its own suffix words recurring), or an acronym."""
    core_a, core_b = _core(a), _core(b)
    if not core_a or not core_b:  # a name of suffix words only ('Sa Sa'): the same words, or none
        return bool(words(a)) and words(a) == words(b)
    if _is_acronym_of(a, b) or _is_acronym_of(b, a):
        return True
    if core_a == core_b:
        return True
    if not (core_a < core_b or core_b < core_a):
        return False
    shorter, longer = (a, b) if core_a < core_b else (b, a)
    required = (set(words(shorter)) & word_set("name_suffixes")) - word_set("name_suffixes_not_required")
    return required <= set(words(longer))


def money(value: Any) -> tuple[float, str] | None:
    """(amount, ISO currency) of a money object ({value or amount, currency}), or None when it has no number."""
    if not isinstance(value, dict):
        return None
    amount = value.get("value", value.get("amount"))
    currency = str(value.get("currency") or "").upper()
    if not isinstance(amount, (int, float)):
        return None
    return float(amount), table()["currency_aliases"].get(currency, currency)


def same_money(gold: Any, pred: Any) -> bool:
    """Same currency, and amounts within the relative tolerance."""
    want, got = money(gold), money(pred)
    if want is None or got is None or want[1] != got[1]:
        return False
    tolerance: float = table()["money_tolerance"] * max(abs(want[0]), table()["money_tolerance_floor"])
    return abs(want[0] - got[0]) <= tolerance


def same_percent(gold: float, pred: Any) -> bool:
    """A predicted number within the tolerance (in points) of the gold percentage."""
    return isinstance(pred, (int, float)) and abs(float(gold) - float(pred)) <= table()["percent_tolerance"]


def same_date(gold: str, pred: Any) -> bool:
    """A predicted date that starts with the gold one (a gold 'YYYY-MM' takes any day of the month)."""
    return isinstance(pred, str) and pred[: len(gold)] == gold


def period_key(text: str | None) -> tuple[str | None, str]:
    """(year or None, kind) of a fiscal period as written: 'H1 2025', 'first half of 2025' -> ('2025', 'H1')."""
    lowered = (text or "").lower()
    year = year_pattern().search(lowered)
    kind = next((label for pattern, label in period_forms() if pattern.search(lowered)), table()["default_period"])
    return (year.group(0) if year else None, kind)


def metric_name(metric: dict[str, Any]) -> str:
    """A metric's name, lower-cased, with its aliases folded ('net_income' -> 'net_profit')."""
    name = str(metric.get("metric") or "").lower()
    aliases: dict[str, str] = table()["metric_aliases"]
    return aliases.get(name, name)


def code_key(code: Any) -> str:
    """A fund code without exchange prefix or suffix, case, punctuation or the leading zeros of a number."""
    text = str(code or "").upper().strip().split(":")[-1]
    text = _NOT_ALNUM.sub("", code_suffix_pattern().sub("", text))
    return (text.lstrip("0") or text) if text.isdigit() else text


def doc_key(doc_id: Any) -> str:
    """The last path component of a doc_id: documents are compared by it."""
    parts: list[str] = _PATH_SEPARATOR.split(str(doc_id or ""))
    return parts[-1]
