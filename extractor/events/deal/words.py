"""The model of the deal words table (words.json beside this file)."""

from __future__ import annotations

from typing import Literal

from extractor.tables import Table

DealRole = Literal["upfront", "milestones", "total_value", "_other"]


class Words(Table):
    """Deal triggers and nouns, verbs that announce one, types, money roles and asset heads."""

    triggers: list[str]
    trigger_blockers: list[str]
    plural_triggers: list[str]
    anaphoric: list[str]
    definite_heads: list[str]
    announce_verbs: list[str]
    types: dict[Literal["acquisition", "newco", "co_development", "licensing", "collaboration"], list[str]]
    licence_terms: list[str]
    not_prices: list[str]
    not_prices_after: list[str]
    money_roles: dict[DealRole, list[str]]
    asset_heads: list[str]
    asset_stems: list[str]
    held_assets: dict[Literal["holdings", "links"], list[str]]
    filing_issuer: dict[Literal["incorporated", "references"], list[str]]
    hedges: list[str]
    causes: list[str]
    follow_totals: list[str]
    financing: list[str]
    milestone_words: list[str]
    totals: list[str]
    another_deal: list[str]
    person_titles: list[str]
    joint_payments: dict[Literal["first", "last"], list[str]]
    nouns: list[str]
    subject_references: dict[Literal["plural", "singular", "pronouns"], list[str]]
    founding_verbs: list[str]
    history_openers: list[str]
    earlier_frames: list[str]
    paid_before: list[str]
    per_share: dict[Literal["before_share", "alone"], list[str]]
    sales: dict[Literal["verbs", "holdings", "not_holdings", "to_buyer"], list[str]]
    investments: dict[Literal["verbs", "nouns", "into", "before_total", "facilities", "build_verbs"], list[str]]
    subscriptions: dict[Literal["verbs", "not_objects"], list[str]]
    stake_raises: dict[Literal["verbs", "holdings"], list[str]]
    acting_heads: dict[Literal["heads", "before", "before_the"], list[str]]
    placed_names: dict[Literal["before", "appositive", "links", "part_of", "owned_parts"], list[str]]
    party_lists: dict[Literal["conjunctions"], list[str]]
    defined_parties: dict[Literal["roles"], list[str]]
    approvals: list[str]
    short_form_markers: list[str]
    rights_bought: dict[Literal["verbs", "objects"], list[str]]
    whole_values: list[str]
    name_tails: dict[Literal["group", "other"], list[str]]
    brief_layout: dict[Literal["bullets", "name_links"], list[str]]
