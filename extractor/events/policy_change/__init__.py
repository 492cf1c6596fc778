"""Policy changes: measures by governments, regulators and central banks."""

from __future__ import annotations

from extractor.events.draft import Draft
from extractor.events.key import KeyContext, KeyParts, month, names, policy_topic
from extractor.events.policy_change.model import PolicyChange
from extractor.events.policy_change.recognizer import PolicyRecognizer
from extractor.events.unit import EventUnit

#: share of the shorter name's words two names of one measure have in common
SAME_WORDS = 0.6


def same_measure(a: Draft, b: Draft) -> bool:
    """Two drafts naming the same measure, or names sharing most of the shorter one's words."""
    if a.keys & b.keys:
        return True
    wa = {w for k in a.keys for w in k.split()}
    wb = {w for k in b.keys for w in k.split()}
    small = min(len(wa), len(wb)) or 1
    return len(wa & wb) / small >= SAME_WORDS


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
