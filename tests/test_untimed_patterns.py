"""Patterns called without a time budget: each is registered (`patterns.untimed`) and has a shape that cannot
backtrack super-linearly (`linear.backtracking_problems`); the check itself refuses the shapes that can."""

from __future__ import annotations

import pytest
import regex

from extractor.facts.linear import backtracking_problems
from extractor.facts.patterns import UNTIMED

SAFE = [
    r"\d++(?:[.,]\d++)*+",  # possessive inside and out
    r"[0-9]+\s*%",  # neighbours over characters apart
    r"\w++\d+",  # the first gives nothing back
    r"(?:,\d{3})+",  # a fixed count is no choice
    r"(?:a|ab)++c",  # a possessive repetition commits to each turn
    r"(?>a+)+b",  # so does an atomic group
    r"(?:\p{Lu}\w*+\s++){0,4}?Inc\b",  # each turn matches one way
    r"(?:the\s++)?(?:up to|about|around)\s*+$",  # an optional part may hold anything
    r"(?r)(?i:(?P<q>more than|over))[ \t]*+$",
    r"(?P<d>x)?(?(d)a|b)",  # a conditional group
    r"[]a]+b",  # a bracket first in a set is a character
]

UNSAFE = [
    r"(a+)+b",  # nested quantifiers
    r"(?:\w+\s)*x",  # a repeated part gives back inside
    r"(?:a|ab)+c",  # alternation under repetition
    r"(?:ab?)*c",  # an optional character under repetition
    r"\w+\d+",  # neighbours over shared characters
    r"\s*\s*x",
    r"(?i)[a-z]+[A-Z]+",  # case-blind: the sets overlap
    r"(?x) a + b",  # verbose patterns are not read
    r"(a)\1+\1+",  # a back reference may take anything
]


@pytest.mark.parametrize("pattern", SAFE)
def test_a_linear_shape_passes(pattern: str) -> None:
    assert backtracking_problems(regex.compile(pattern)) == []


@pytest.mark.parametrize("pattern", UNSAFE)
def test_a_shape_that_can_backtrack_is_refused(pattern: str) -> None:
    assert backtracking_problems(regex.compile(pattern)) != []


#: the hot calls of the sentence finders that run without `timeout=`
EXPECTED = [
    "amounts.currency_after",
    "amounts.currency_before",
    "numbers.digit",
    "numbers.no_words",
    "numbers.with_words",
    "numbers.qualifier_before",
    "numbers.qualifier_after",
    "numbers.between",
    "numbers.from",
    "numbers.from_earlier",
    "percentages.prefilter",
    "percentages.url",
    "percentages.whole",
    "percentages.half",
    "percentages.half_discount",
    "analysis.named_company",
    "analysis.etf_code_after",
    "analysis.code_before_etf",
    "amounts.list_link",
    "amounts.yen_markers.CNY",
    "amounts.yen_markers.JPY",
    "funds.anchor",
    "funds.ticker_first",
    "earnings_preview.defined_issuer",
    "earnings_preview.described_name",
    "earnings_preview.heading",
    "earnings_preview.in_minor_units",
    "earnings_preview.minor_unit_places.ZAR",
    "earnings_preview.outlook_change",
    "earnings_preview.owner",
    "earnings_preview.reporting_heads",
    "policy_change.described_body",
    "policy_change.quoted",
    "policy_change.time_phrase",
]

#: sentences that make the finders build every table their untimed patterns are compiled in
SENTENCES = [
    "Huadong Medicine Co., Ltd. (000963.SZ) expects net profit to rise from the previous forecast of up to "
    "RMB 1.2 billion, between 30% and 40% higher, with revenue of about 3 billion yuan or more.",
    "Sales were raised from the previous forecast of 5 million to 6 million yuan.",
    "The Huatai-PineBridge CSI 300 ETF (510300) and 159915 ETF rose 2.5 per cent on www.example.com data.",
    "Citic Securities Co. expects net profit to rise 30% to 5 billion yuan in 2025.",
    "Building supplies firm SIG expects a loss of 5 million pounds for 2025.",
    "The yen fell to ¥150 in Tokyo.",
    "The ministry said it would extend until the end of 2026 the tax cuts for buyers.",
    "Anglo American expects headline earnings per share of 541.72 cents in Johannesburg for 2025.",
]


@pytest.fixture(scope="module")
def registered(rules_only) -> dict[str, regex.Pattern[str]]:
    """The register once every lazily built table is built."""
    for text in SENTENCES:
        rules_only.extract(text, "2025-03-01")
    return UNTIMED


@pytest.mark.parametrize("name", EXPECTED)
def test_a_hot_pattern_runs_untimed_and_is_linear(name: str, registered: dict[str, regex.Pattern[str]]) -> None:
    assert name in registered
    assert backtracking_problems(registered[name]) == []


def test_every_registered_pattern_is_linear(registered: dict[str, regex.Pattern[str]]) -> None:
    assert {name: backtracking_problems(p) for name, p in registered.items() if backtracking_problems(p)} == {}
