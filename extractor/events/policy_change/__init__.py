"""Policy changes: measures by governments, regulators and central banks."""

from __future__ import annotations

from functools import cache

from extractor.events.draft import Draft
from extractor.events.key import KeyContext, KeyParts, month, names, policy_topic, table_topic
from extractor.events.policy_change.model import PolicyChange, PolicyChangeFields
from extractor.events.policy_change.recognizer import PolicyRecognizer
from extractor.events.unit import EventUnit
from extractor.facts.lexicon import words as unit_words

#: share of the shorter name's words two names of one measure have in common
SAME_WORDS = 0.6


def same_measure(a: Draft[PolicyChangeFields], b: Draft[PolicyChangeFields]) -> bool:
    """Two drafts naming the same measure, or names sharing most of the shorter one's words, or one move of a rate
    or ratio of a known topic by one issuer ('cut in the 7-day reverse repo rate', 'the interest rate on 7-day
    reverse repos will be cut'), where a central bank's rate-setting committee is the bank ('the Federal Reserve
    lowered its rate ... the Federal Open Market Committee decided to lower the target range')."""
    if a.keys & b.keys:
        return True
    if _opposite_moves(a, b):
        return False  # 'cut its base rate by 25 basis points in March ... raised the base rate by 25 basis points'
    if _other_issuers(a, b):
        # 'the HKMA raised its base rate ... the Monetary Authority of Macau also raised it': two bodies, two moves
        return _committee_of_other(a, b) and _same_move(a, b)
    wa = {w for k in a.keys for w in k.split()}
    wb = {w for k in b.keys for w in k.split()}
    small = min(len(wa), len(wb)) or 1
    return len(wa & wb) / small >= SAME_WORDS or _same_move(a, b)


def _other_issuers(a: Draft[PolicyChangeFields], b: Draft[PolicyChangeFields]) -> bool:
    """Both drafts name their issuers, and neither name holds the other."""
    ia, ib = a.fields.get("issuer"), b.fields.get("issuer")
    return bool(ia and ib and ia not in ib and ib not in ia)


@cache
def _word_set(key: str) -> frozenset[str]:
    """A word list of the unit's words.json, as a set (read once: merging compares every pair of drafts)."""
    return frozenset(unit_words("policy_change")[key])


def _opposite_moves(a: Draft[PolicyChangeFields], b: Draft[PolicyChangeFields]) -> bool:
    """The drafts move a rate in two directions (a cut and a raise): two moves, whatever words they share."""
    return len({a.fields.get("action"), b.fields.get("action")} & _word_set("rate_actions")) > 1


def _committee_of_other(a: Draft[PolicyChangeFields], b: Draft[PolicyChangeFields]) -> bool:
    """One issuer is a committee ('Federal Open Market Committee', 'Governing Council': its last word is a
    `committee_heads` word) and the other is not: the committee of the other body, in an article about one move."""
    heads = _word_set("committee_heads")
    ia, ib = (str(d.fields.get("issuer") or "").split() for d in (a, b))
    return bool(ia and ib) and (ia[-1] in heads) != (ib[-1] in heads)


def _same_move(a: Draft[PolicyChangeFields], b: Draft[PolicyChangeFields]) -> bool:
    """Moves of one rate or ratio the topic table knows, with one action, or one move of a rate and an act of no
    direction ('decided' on a 'rate cut' and 'cut' the rate are one move), by the same issuer, a committee of it, or
    issuers left unnamed."""
    fa, fb = a.fields, b.fields
    actions = {fa.get("action"), fb.get("action")} - {None}
    if len(actions) != 1 and len(actions & _word_set("rate_actions")) != 1:
        return False  # no action, or two acts that are no move of a rate ('banned', 'issued')
    if _other_issuers(a, b) and not _committee_of_other(a, b):
        return False  # 'the Central Bank' and 'the Central Bank of Turkey' are one issuer: one name holds the other
    topic = table_topic(fa.get("policy") or "")
    return topic is not None and topic == table_topic(fb.get("policy") or "")


def identity(change: PolicyChange, ctx: KeyContext) -> KeyParts:
    """Its issuer; the topic of the measure; its month."""
    return names([change.issuer], ctx), policy_topic(change.policy), month(change, ctx)


UNIT = EventUnit(
    event_type="policy_change",
    model=PolicyChange,
    recognizer=PolicyRecognizer,
    same=same_measure,
    draft_fields=PolicyChangeFields,
    identity=identity,
    entities={"issuer": ("issuer_entity", "government")},
)
