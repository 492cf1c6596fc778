"""Pydantic models of the data tables in extractor/data: a table that does not fit fails on load, naming its key.

Keys that start with '_' are comments and are not validated. Every other key must be a field of the
table's model (unknown keys are refused), and every field must be present unless its model says it is optional.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from extractor.contract import LEI_PATTERN, BodyKind, CompanyKind, Qualifier


class Table(BaseModel):
    """A data table: every key known, none missing."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CurrencyFamily(Table):
    """Currencies that share a word ('dollar'): the one it means alone, and the members a context may pick."""

    default: str | None
    members: list[str]


class DollarMarkers(Table):
    """What a bare '$' means in an article: the places (exchanges) of each dollar, a form of one counting
    `form_weight` places, and its country's words, counted from `country_floor` mentions over the US's."""

    form_weight: int = Field(ge=1)
    places: dict[str, list[str]]
    country_floor: int = Field(ge=1)
    countries: dict[str, list[str]]


class LocalCurrency(Table):
    """One currency an article may write locally: the words naming its country, the bare letters it is written
    with there ('P' for the Philippine peso), and the families whose shared word it then means ('peso')."""

    words: list[str]
    letters: list[str] = []
    families: list[str] = []


class LocalMarkers(Table):
    """What bare letters and family words ('kroner') mean in an article: the local currency whose country's words
    it names at least `min_mentions` times, more than any other listed for that letter or family."""

    min_mentions: int = Field(ge=1)
    currencies: dict[str, LocalCurrency]


class Currencies(Table):
    """currencies.json: currency forms, families of shared words and the rules of writing them."""

    currencies: dict[str, list[str]]
    case_sensitive: dict[str, list[str]]
    excluded_forms: list[str]
    suffix_only: list[str]
    generic: dict[str, str]
    families: dict[str, CurrencyFamily]
    yen_forms: list[str]
    yen_markers: dict[Literal["JPY", "CNY"], list[str]]
    dollar_markers: DollarMarkers
    local_markers: LocalMarkers
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
    prefix_kinds: dict[str, Literal["as_of", "week_ending", "since", "period_end"]]
    range_connectors: list[str]
    day_pair_links: list[str]
    day_pair_span: int
    year_blockers_before: list[str]
    year_blockers_after: list[str]
    number_units: list[str]
    non_dates: list[str]
    month_day_before: list[str]
    month_day_after: list[str]
    cn_year_blockers: list[str]
    report_words: list[str]
    statement_words: list[str]
    background_before: list[str]
    background_not_before: list[str]
    background_clause: list[str]
    background_clause_reach: int


class Encodings(Table):
    """encodings.json: byte-order marks, candidate encodings, their names and binary signatures."""

    boms: list[tuple[str, str, str]]
    candidates: list[str]
    names: dict[str, str]
    binary_signatures: dict[str, str]
    max_control_share: float
    max_replaced_share: float


class Funds(Table):
    """funds.json: how a fund is named with its code: head words, exchange prefixes, code labels, non-tickers."""

    heads: list[str]
    heads_of_funds_only: list[str]
    heads_needing_prefix: list[str]
    fund_name_words: list[str]
    exchange_prefixes: list[str]
    code_labels: list[str]
    code_introducers: list[str]
    extra_suffixes: list[str]
    dot_suffixes: list[str]
    not_tickers: list[str]
    description_openers: list[str]
    name_openers: list[str]
    glued_articles: list[str]
    brands: list[str]
    managers: list[str]
    mainland_fund_prefixes: list[str]
    hong_kong_fund_ranges: list[tuple[int, int]]
    share_openers: list[str]
    holding_openers: list[str]
    tracking_openers: list[str]


class NameWords(Table):
    """name_words.json: capitalised words that are not names (places, terms, function words)."""

    not_names: list[str]
    function_words: list[str]
    name_particles: list[str]
    span_connectors: list[str]
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
    revised_from_words: list[str]
    span_words: list[str]


class OrganizationWords(Table):
    """organization_words.json: what ends a company's name, heads that never make a party, a filing's defined terms
    and the nouns of section headings."""

    not_a_party_head: list[str]
    company_name_endings: list[str]
    generic_words: list[str]
    subject_adverbs: list[str]
    subject_verbs: list[str]
    legal_suffixes: list[str]
    source_before: list[str]
    source_after: list[str]
    defined_terms: list[str]
    defined_term_endings: list[str]
    heading_nouns: list[str]
    proposed_body_heads: dict[str, BodyKind]


PeriodLabel = Literal["Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "FY"]


class Exchanges(Table):
    """exchanges.json: stock exchanges by the suffix of a listed code, those where mainland funds list, and how a
    ticker is normalised (exchange prefixes and suffix aliases, code lengths, mainland code prefixes)."""

    suffixes: dict[str, str]
    mainland_fund_exchanges: list[str]
    ticker_prefixes: dict[str, str]
    ticker_suffix_aliases: dict[str, str]
    code_digits: dict[str, int]
    padded_codes: list[str]
    mainland_code_prefixes: dict[str, str]
    bare_symbol_market: str


class PeriodWords(Table):
    """period_words.json: how fiscal periods are written and what closes one."""

    ordinals: dict[str, int]
    month_counts: dict[str, int]
    months_of_nouns: list[str]
    week_counts: dict[str, int]
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
    forward_year_days: int = Field(ge=0)
    forward_words: list[str]


SlotKind = Literal["names", "metrics", "period", "code", "percent", "date"]


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as err:
        raise ValueError(f"not a regular expression: {err}") from None
    return pattern


class PeriodForm(Table):
    """A way of writing a fiscal period (a regular expression on the lower-cased text) and its label."""

    pattern: str
    label: PeriodLabel

    _check_pattern = field_validator("pattern")(_compiles)


class MatchScores(Table):
    """The weights with which `extractor eval` pairs a gold event with a predicted one."""

    same_code: float
    deal_money_bonus: float
    deal_money_only: float
    deal_unnamed: float
    policy_issuer_only: float
    earnings_base: float
    earnings_period: float
    earnings_metric: float
    earnings_metric_only: float


class Scoring(Table):
    """scoring.json: the event types, tolerances, name and period rules and field lists of `extractor eval`."""

    event_types: list[str]
    no_events: str
    not_slots: list[str]
    slot_kinds: dict[str, SlotKind]
    slot_suffixes: dict[str, SlotKind]
    deal_money_fields: list[str]
    name_suffixes: list[str]
    name_suffixes_not_required: list[str]
    acronym_skipped_words: list[str]
    acronym_short_form_skips: list[str]
    acronym_min_letters: int = Field(ge=1)
    policy_ignored_words: list[str]
    policy_min_overlap: float = Field(ge=0, le=1)
    currency_aliases: dict[str, str]
    metric_aliases: dict[str, str]
    money_tolerance: float = Field(ge=0)
    money_tolerance_floor: float = Field(ge=0)
    percent_tolerance: float = Field(ge=0)
    year_pattern: str
    period_forms: list[PeriodForm]
    default_period: PeriodLabel
    code_suffixes: list[str]
    match_scores: MatchScores
    text_fields: list[str]
    text_list_fields: list[str]
    object_list_fields: list[str]
    summary_fields: list[str]
    figure_digits: int = Field(ge=0)

    _check_year = field_validator("year_pattern")(_compiles)


class ConflictTolerances(Table):
    """conflicts.json: when two values read for one field of an event are the same figure."""

    rounding_share: float = Field(ge=0, le=1)
    unprinted_share: float = Field(ge=0, lt=1)
    cross_currency_share: float = Field(ge=0, lt=1)


class EventKeys(Table):
    """event_keys.json: the significant digits of an amount in an event key, and the topics of measures."""

    amount_digits: int = Field(ge=1, le=6)
    policy_topics: dict[str, list[str]]
    policy_ignored_words: list[str]

    @field_validator("policy_topics")
    @classmethod
    def _one_topic_a_phrase(cls, topics: dict[str, list[str]]) -> dict[str, list[str]]:
        seen: dict[str, str] = {}
        for topic, phrases in topics.items():
            if not re.fullmatch(r"[a-z][a-z0-9_]*", topic):
                raise ValueError(f"topic {topic!r}: lower-case letters, digits and '_' only")
            for phrase in phrases:
                other = seen.setdefault(phrase.casefold(), topic)
                if other != topic:
                    raise ValueError(f"phrase {phrase!r} is in two topics, {other!r} and {topic!r}")
        return topics


class Qualifiers(Table):
    """qualifiers.json: words before or after a figure that qualify it ('up to', 'over')."""

    prefix: dict[str, Qualifier]
    suffix: dict[str, Qualifier]
    conversion_words: list[str]
    change_verbs: list[str]


#: a CSS colour written as #rrggbb
Colour = Annotated[str, Field(pattern=r"^#[0-9a-f]{6}$")]


class RenderColours(Table):
    """render.json: the colour of each event type on the pages of `extractor render`, and of any other type."""

    colours: dict[str, Colour]
    other: Colour


class HardWrap(Table):
    """sentence_rules.json `hard_wrap`: when a text is hard-wrapped at a fixed width, and which of its lines go on."""

    min_lines: int = Field(ge=2)
    max_width: int = Field(gt=0)
    width_quantile: float = Field(gt=0, le=1)
    near_width: float = Field(gt=0, le=1)
    open_share: float = Field(gt=0, le=1)


class SentenceRules(Table):
    """sentence_rules.json: abbreviations that end no sentence, clause separators, words that carry a line on into the
    next, how hard-wrapped text is told, the longest sentence."""

    abbreviations: list[str]
    clause_separators: list[str]
    line_continuing_words: list[str]
    hard_wrap: HardWrap
    max_sentence_chars: int


class CompanyRow(Table):
    """A line of gazetteer/companies.jsonl: `tickers` exchange-qualified ('01801.HK') or bare US symbols ('LLY');
    `kind` (optional) 'company' or 'fund'; `lei` (optional) the entity's LEI; `fiscal_year_end` (optional) the month
    its fiscal year closes in, where that is not December (3: the year to March)."""

    name: str
    aliases: list[str]
    tickers: list[str]
    kind: CompanyKind = "company"
    lei: str | None = Field(default=None, pattern=LEI_PATTERN)
    fiscal_year_end: int | None = Field(default=None, ge=1, le=11)


class BodyRow(Table):
    """A line of gazetteer/bodies.jsonl; `descriptions` (optional) name the body only where the article names no
    other body of its kind ('the central bank' is the PBOC, unless the article is about the Bank of Japan)."""

    name: str
    aliases: list[str]
    kind: BodyKind
    descriptions: list[str] = Field(default_factory=list)
    lei: str | None = Field(default=None, pattern=LEI_PATTERN)


class UserEntityRow(Table):
    """A row of a user's --gazetteer file (JSONL or CSV): a company, fund or body, added or replacing the bundled
    entry of the same name."""

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    tickers: list[str] = Field(default_factory=list)
    kind: CompanyKind | BodyKind = "company"
    lei: str | None = Field(default=None, pattern=LEI_PATTERN)


class EtfRow(Table):
    """A line of gazetteer/etfs.jsonl."""

    code: str
    name: str
    issuer: str | None
    tracked_index: str | None


class Markets(Table):
    """markets.json: the words that mark an article as one about the Hong Kong and mainland markets."""

    greater_china_words: Annotated[list[str], Field(min_length=1)]
    #: how many of those words per 100 words of the article make it one of those markets'
    greater_china_per_100_words: Annotated[float, Field(gt=0)]


class Confidence(Table):
    """confidence.json: the logistic model of an event's confidence, fitted by corpus/calibrate.py.

    Its signal names are checked against the signals extractor/events/confidence.py computes when the model
    is first used (`confidence.checked_signals`), since the per-type ones follow the registered event units.
    """

    fitted_on: str
    rescaled_on: str = ""
    intercept: float
    weights: dict[str, float]


class Detector(Table):
    """detector.json: the sentence-level event detector, fitted by corpus/train_detector.py.

    A sentence's score for a type is the sum of the weights of its features (extractor/detector/features.py) at that
    type's place in `types`; it is flagged for the type when the score passes the type's threshold.
    """

    types: list[str]
    trained_on: list[str]
    #: per type, the false sentence flags per 10 articles (held out, where no rule drafted the type) its threshold was
    #: chosen at
    flag_rates: dict[str, float]
    thresholds: dict[str, float]
    weights: dict[str, list[float]]

    @field_validator("weights")
    @classmethod
    def _one_per_type(cls, weights: dict[str, list[float]]) -> dict[str, list[float]]:
        lengths = {len(w) for w in weights.values()}
        if len(lengths) > 1:
            raise ValueError(f"every feature needs one weight per type, found lengths {sorted(lengths)}")
        return weights


class RoleNames(Table):
    """role_names.json: the trained role-name proposer, fitted by corpus/role_names.py --write.

    A candidate span's probability is the logistic of the summed weights of its hashed features
    (extractor/proposer/features.py); spans at or above `threshold` are proposed as names.
    """

    trained_on: list[str]
    dim: int = Field(gt=0)
    #: the probability at or above which a span is proposed (chosen on the development folds)
    threshold: float = Field(ge=0.0, le=1.0)
    #: hashed feature index (as a string) -> weight; the features left out weigh nothing
    weights: dict[str, float]

    @field_validator("weights")
    @classmethod
    def _indices(cls, weights: dict[str, float]) -> dict[str, float]:
        bad = next((k for k in weights if not k.isdigit()), None)
        if bad is not None:
            raise ValueError(f"a weight's key must be a feature index, not {bad!r}")
        return weights


#: the model of every table in extractor/data, by its path there
TABLES: dict[str, type[Table]] = {
    "confidence.json": Confidence,
    "conflicts.json": ConflictTolerances,
    "currencies.json": Currencies,
    "detector.json": Detector,
    "date_words.json": DateWords,
    "encodings.json": Encodings,
    "event_keys.json": EventKeys,
    "exchanges.json": Exchanges,
    "funds.json": Funds,
    "markets.json": Markets,
    "name_words.json": NameWords,
    "number_words.json": NumberWords,
    "organization_words.json": OrganizationWords,
    "period_words.json": PeriodWords,
    "qualifiers.json": Qualifiers,
    "scoring.json": Scoring,
    "render.json": RenderColours,
    "role_names.json": RoleNames,
    "sentence_rules.json": SentenceRules,
    "gazetteer/companies.jsonl": CompanyRow,
    "gazetteer/bodies.jsonl": BodyRow,
    "gazetteer/etfs.jsonl": EtfRow,
}
