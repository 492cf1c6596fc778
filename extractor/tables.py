"""Pydantic models of the data tables in extractor/data: a table that does not fit fails on load, naming its key.

Keys that start with '_' are comments and are not validated. Every other key must be a field of the
table's model (unknown keys are refused), and every field must be present unless its model says it is optional.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from extractor.contract import Qualifier


class Table(BaseModel):
    """A data table: every key known, none missing."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CurrencyFamily(Table):
    """Currencies that share a word ('dollar'): the one it means alone, and the members a context may pick."""

    default: str | None
    members: list[str]


class Currencies(Table):
    """currencies.json: currency forms, families of shared words and the rules of writing them."""

    currencies: dict[str, list[str]]
    case_sensitive: dict[str, list[str]]
    excluded_forms: list[str]
    suffix_only: list[str]
    generic: dict[str, str]
    families: dict[str, CurrencyFamily]
    yen_forms: list[str]
    mass_forms: list[str]
    mass_context: list[str]
    code_scale_prefixes: dict[str, float]
    no_space_before_dollar: list[str]
    zero_decimals: list[str]
    subunits: dict[str, float]
    codes_case_sensitive: list[str]
    cjk_standalone: list[str]


class DateWords(Table):
    """date_words.json: month and weekday names, relative days, anchors and what blocks a date."""

    months: dict[str, int]
    months_need_capital: list[str]
    weekdays: dict[str, int]
    weekday_modifiers: dict[str, Literal["past_or_today", "past", "this_week", "next"]]
    weekday_blockers_before: list[str]
    relative_days: dict[str, int]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    cn_relative_days: dict[str, int]
    ago_units: dict[str, int]
    number_words: dict[str, int]
    anchors: list[str]
    prefix_kinds: dict[str, Literal["as_of", "week_ending", "since"]]
    range_connectors: list[str]
    year_blockers_before: list[str]
    year_blockers_after: list[str]
    number_units: list[str]
    non_dates: list[str]
    cn_year_blockers: list[str]


class Encodings(Table):
    """encodings.json: byte-order marks, candidate encodings, their names and binary signatures."""

    boms: list[tuple[str, str, str]]
    candidates: list[str]
    names: dict[str, str]
    binary_signatures: dict[str, str]
    max_control_share: float


class Funds(Table):
    """funds.json: how a fund is named with its code: head words, exchange prefixes, code labels, non-tickers."""

    heads: list[str]
    heads_needing_prefix: list[str]
    exchange_prefixes: list[str]
    code_labels: list[str]
    extra_suffixes: list[str]
    not_tickers: list[str]
    name_openers: list[str]


class NameWords(Table):
    """name_words.json: capitalised words that are not names (places, terms, function words)."""

    not_names: list[str]
    function_words: list[str]
    places: list[str]
    suffixes: list[str]
    terms: list[str]


class NumberWords(Table):
    """number_words.json: number and scale words in English and Chinese."""

    en_units: dict[str, int]
    en_scales: dict[str, float]
    en_fractions: dict[str, float]
    en_articles: list[str]
    scale_words: dict[str, float]
    scale_letters: dict[str, float]
    zh_digits: dict[str, int]
    zh_units: dict[str, int]
    zh_scales: dict[str, float]
    zh_points: list[str]
    zh_vague_prefixes: list[str]
    fullwidth_map: dict[str, str]
    en_multipliers: dict[str, int]


class OrganizationWords(Table):
    """organization_words.json: what ends a company's name, and heads that never make a party."""

    not_a_party_head: list[str]
    company_name_endings: list[str]
    generic_words: list[str]
    subject_adverbs: list[str]
    subject_verbs: list[str]
    legal_suffixes: list[str]
    source_before: list[str]
    source_after: list[str]


PeriodLabel = Literal["Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "FY"]


class Exchanges(Table):
    """exchanges.json: stock exchanges by the suffix of a listed code, and those where mainland funds list."""

    suffixes: dict[str, str]
    mainland_fund_exchanges: list[str]


class PeriodWords(Table):
    """period_words.json: how fiscal periods are written and what closes one."""

    ordinals: dict[str, int]
    month_counts: dict[str, int]
    period_end: dict[str, list[int]]
    closing_heads: list[str]
    closing_links: list[str]
    by_months_and_end: dict[str, PeriodLabel]
    quarter_ranges: dict[str, PeriodLabel]
    fy_nouns: list[str]
    h1_nouns: list[str]
    annual_nouns: list[str]
    year_words: dict[str, int | None]
    cn_suffixes: dict[str, PeriodLabel]
    cn_yearless: list[str]
    cn_year_words: dict[str, int]
    forward_words: list[str]


class Qualifiers(Table):
    """qualifiers.json: words before or after a figure that qualify it ('up to', 'over')."""

    prefix: dict[str, Qualifier]
    suffix: dict[str, Qualifier]
    conversion_words: list[str]
    change_verbs: list[str]


class SentenceRules(Table):
    """sentence_rules.json: abbreviations that end no sentence, clause separators, the longest sentence."""

    abbreviations: list[str]
    clause_separators: list[str]
    max_sentence_chars: int


class CompanyRow(Table):
    """A line of gazetteer/companies.jsonl."""

    name: str
    aliases: list[str]
    tickers: list[str]


class BodyRow(Table):
    """A line of gazetteer/bodies.jsonl; `descriptions` (optional) name the body only where the article names no
    other body of its kind ('the central bank' is the PBOC, unless the article is about the Bank of Japan)."""

    name: str
    aliases: list[str]
    kind: str
    descriptions: list[str] = Field(default_factory=list)


class EtfRow(Table):
    """A line of gazetteer/etfs.jsonl."""

    code: str
    name: str
    issuer: str | None
    tracked_index: str | None


#: the model of every table in extractor/data, by its path there
TABLES: dict[str, type[Table]] = {
    "currencies.json": Currencies,
    "date_words.json": DateWords,
    "encodings.json": Encodings,
    "exchanges.json": Exchanges,
    "funds.json": Funds,
    "name_words.json": NameWords,
    "number_words.json": NumberWords,
    "organization_words.json": OrganizationWords,
    "period_words.json": PeriodWords,
    "qualifiers.json": Qualifiers,
    "sentence_rules.json": SentenceRules,
    "gazetteer/companies.jsonl": CompanyRow,
    "gazetteer/bodies.jsonl": BodyRow,
    "gazetteer/etfs.jsonl": EtfRow,
}
