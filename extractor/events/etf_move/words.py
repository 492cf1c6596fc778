"""The model of the ETF-move words table (words.json beside this file)."""

from __future__ import annotations

from typing import Literal

from extractor.tables import Table


class Words(Table):
    """Roles of figures near a fund, words after a percentage that tell its direction, what refers back to a fund."""

    money_roles: dict[Literal["turnover", "net_inflow", "net_outflow", "fund_size", "_other"], list[str]]
    zero_flows: list[str]
    unchanged: list[str]
    peaks_and_averages: list[str]
    span_flows: list[str]
    totals: list[str]
    shares_of_total: list[str]
    pct_roles: dict[Literal["intraday", "intraday_down", "up", "down", "_other"], list[str]]
    down_after: list[str]
    up_after: list[str]
    intraday_after: list[str]
    index_verbs: list[str]
    index_negations: list[str]
    benchmark_words: list[str]
    index_passives: list[str]
    attributive_heads: list[str]
    per_unit: list[str]
    group_anaphora: list[str]
    anaphora: list[str]
    topic_openers: list[str]
    other_subjects: list[str]
    possessives: list[str]
    period_words: list[str]
    fund_words: list[str]
    stock_words: list[str]
    speech_verbs: list[str]
    not_tickers: list[str]
    index_providers: list[str]
    contrast_openers: list[str]
    fund_name_tails: list[str]
