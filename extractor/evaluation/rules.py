"""The scoring table (extractor/data/scoring.json) and the patterns and word sets built from it, once per process."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.datafiles import load_json


def table() -> dict[str, Any]:
    """The scoring table, validated by its model on first use."""
    return load_json("scoring.json")


@cache
def word_set(key: str) -> frozenset[str]:
    """A word list of the table as a set, e.g. word_set('name_suffixes')."""
    words: list[str] = table()[key]
    return frozenset(words)


@cache
def period_forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The ways of writing a fiscal period, in the order they are tried, with their labels."""
    return tuple((re.compile(form["pattern"]), form["label"]) for form in table()["period_forms"])


@cache
def year_pattern() -> re.Pattern[str]:
    """A four-digit year inside a period."""
    return re.compile(table()["year_pattern"])


@cache
def code_suffix_pattern() -> re.Pattern[str]:
    """An exchange suffix at the end of a fund code ('.SZ', '.HK')."""
    suffixes = "|".join(re.escape(s) for s in table()["code_suffixes"])
    return re.compile(rf"\.(?:{suffixes})$")


def weight(name: str) -> float:
    """One of the pairing weights of the table, e.g. weight('deal_money_bonus')."""
    value: float = table()["match_scores"][name]
    return value
