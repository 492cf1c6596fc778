"""Policy changes: measures by governments, regulators and central banks."""

from __future__ import annotations

from extractor.events.draft import Draft
from extractor.events.key import KeyContext, KeyParts, month, names, policy_topic, table_topic
from extractor.events.policy_change.model import PolicyChange
from extractor.events.policy_change.recognizer import PolicyRecognizer
from extractor.events.unit import EventUnit

#: share of the shorter name's words two names of one measure have in common
SAME_WORDS = 0.6


def same_measure(a: Draft, b: Draft) -> bool:
    """Two drafts naming the same measure, or names sharing most of the shorter one's words, or one move of a rate
    or ratio of a known topic by one issuer with one action ('cut in the 7-day reverse repo rate', 'the interest rate
    on 7-day reverse repos will be cut')."""
    if a.keys & b.keys:
        return True
    if _other_issuers(a, b):
        return False  # 'the HKMA raised its base rate ... the Monetary Authority of Macau also raised it'
    wa = {w for k in a.keys for w in k.split()}
    wb = {w for k in b.keys for w in k.split()}
    small = min(len(wa), len(wb)) or 1
    return len(wa & wb) / small >= SAME_WORDS or _same_move(a, b)


def _other_issuers(a: Draft, b: Draft) -> bool:
    """Both drafts name their issuers, and neither name holds the other."""
    ia, ib = a.fields.get("issuer"), b.fields.get("issuer")
    return bool(ia and ib and ia not in ib and ib not in ia)


def _same_move(a: Draft, b: Draft) -> bool:
    """One action on one rate or ratio the topic table knows, by the same issuer (or issuers left unnamed)."""
    fa, fb = a.fields, b.fields
    if fa.get("action") != fb.get("action") or fa.get("action") is None:
        return False
    if fa.get("issuer") and fb.get("issuer") and fa["issuer"] != fb["issuer"]:
        return False
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
    identity=identity,
    entities={"issuer": ("issuer_entity", "government")},
)
