"""The model of the policy words table (words.json beside this file)."""

from __future__ import annotations

from pydantic import model_validator

from extractor.tables import Table


class Words(Table):
    """Policy keywords and terms, action verbs by action, and what a description may start with."""

    keywords: list[str]
    terms: list[str]
    actions: dict[str, list[str]]
    generic_actions: list[str]
    no_description_actions: list[str]
    measure_object_forms: list[str]
    chain_verbs: dict[str, list[str]]
    chain_steady: list[str]
    action_nouns: dict[str, list[str]]
    document_actions: dict[str, str]
    document_nouns: list[str]
    future_markers: list[str]
    future_action: str
    term_aliases: dict[str, str]
    description_lead: list[str]
    rate_terms: list[str]
    rate_heads: list[str]
    market_kinds: list[str]
    central_bank_descriptions: list[str]
    addition_marks: list[str]
    rate_actions: list[str]
    rate_hedges: list[str]
    rate_hedges_before: list[str]
    gerund_leads: list[str]
    decision_nouns: list[str]
    hold_verbs: list[str]
    hold_marks: list[str]
    hold_action: str
    hold_decision: str
    hedge_comparisons: list[str]
    ruled_out: list[str]
    citation_leads: list[str]
    measure_nouns: list[str]
    measure_leads: list[str]
    measure_stops: list[str]
    predicate_openers: list[str]
    measure_not_before: list[str]
    body_measure_not: list[str]
    move_not_objects: list[str]
    act_not_heads: list[str]
    object_verbs: list[str]
    object_leads: list[str]
    forbidding_verbs: list[str]
    time_openers: list[str]
    time_heads: list[str]
    measure_hedges: list[str]
    history_auxiliaries: list[str]
    concession_openers: list[str]
    lead_openers: list[str]
    perfect_auxiliaries: list[str]
    reporting_verbs: list[str]
    in_force_before: list[str]
    in_force_anchors: list[str]
    background_before: list[str]
    report_nouns: list[str]
    repeat_counts: list[str]
    repeat_words: list[str]
    forecast_objects: list[str]
    body_heads: list[str]
    generic_body_words: list[str]
    kind_heads: dict[str, list[str]]
    body_descriptions: list[str]
    body_not_words: list[str]
    body_name_links: list[str]
    body_name_not_start: list[str]
    body_object_words: list[str]
    body_joiners: list[str]
    committee_heads: list[str]
    committee_possessors: list[str]
    places: list[str]
    demonyms: dict[str, str]
    place_aliases: dict[str, str]
    rate_setter_kind: str
    local_places: list[str]
    local_place_kinds: list[str]
    person_titles: list[str]

    @model_validator(mode="after")
    def _known_actions(self) -> Words:
        for key in ("generic_actions", "no_description_actions", "rate_actions", "chain_verbs", "action_nouns"):
            unknown = [a for a in getattr(self, key) if a not in self.actions]
            if unknown:
                raise ValueError(f"{key} names actions not in 'actions': {unknown}")
        acts = [a for pair in self.document_actions.items() for a in pair if a not in self.actions]
        acts += [a for a in (self.future_action, self.hold_decision) if a not in self.actions]
        if acts:
            raise ValueError(f"document_actions names actions not in 'actions': {acts}")
        named = [(a, form) for a, verbs in self.actions.items() for form in verbs if form in self.actions and form != a]
        if named:
            raise ValueError(f"forms listed under an action that are the names of other actions: {named}")
        forms = {form for verbs in self.actions.values() for form in verbs}
        loose = [v for v in [*self.object_verbs, *self.measure_object_forms, *self.forbidding_verbs] if v not in forms]
        if loose:
            raise ValueError(f"object_verbs, measure_object_forms or forbidding_verbs: no forms of an action: {loose}")
        return self
