"""Deals: licensing, collaboration, acquisition, co-development and NewCo agreements between companies."""

from __future__ import annotations

from typing import Any

from extractor.events.deal.model import MONEY_FIELDS, Deal
from extractor.events.deal.recognizer import DealRecognizer
from extractor.events.draft import Draft
from extractor.events.key import KeyContext, KeyParts, amount_bucket, month, names
from extractor.events.unit import EventUnit, fill
from extractor.facts.analysis import Facts
from extractor.facts.lexicon import phrases

#: amounts of two drafts agree within this share of the first
SAME_AMOUNT = 0.005


def same_deal(a: Draft, b: Draft) -> bool:
    """Two drafts share two parties (or all either names), or, one naming none, the asset ('the company signed a
    licensing agreement for RC148 ...' and 'Rongchang Biologics ... with AbbVie for RC148'), or, naming none, an
    amount."""
    if a.keys and b.keys:
        return len(a.keys & b.keys) >= min(2, len(a.keys), len(b.keys))
    asset = a.fields.get("asset")
    if asset is not None and asset == b.fields.get("asset"):
        return True
    if not a.keys and not b.keys:
        return any(
            a.fields.get(k) is not None
            and b.fields.get(k) is not None
            and abs(a.fields[k].value - b.fields[k].value) <= SAME_AMOUNT * abs(a.fields[k].value)
            and a.fields[k].currency == b.fields[k].currency
            for k in MONEY_FIELDS
        )
    return False


def add_parties(target: Draft, name: str, value: Any) -> None:
    """Parties named later join the list, unless already in it (case aside), in full or in a longer form ('Mabwell'
    of 'Mabwell Bioscience')."""
    known = [p.lower() for p in target.fields.get(name, [])]
    target.fields[name] = target.fields.get(name, []) + [
        p for p in value if not any(k == p.lower() or k.startswith(p.lower() + " ") for k in known)
    ]


def sharpen_type(target: Draft, name: str, value: Any) -> None:
    """A known deal type replaces 'other'."""
    if target.fields.get(name) == "other":
        target.fields[name] = value
    else:
        fill(target, name, value)


def needs_names(f: Facts) -> bool:
    """A sentence announcing a deal with fewer than two known parties."""
    text = f.text
    return (
        phrases("deal", "triggers").search(text) is not None
        and phrases("deal", "announce_verbs").search(text) is not None
        and len(f.companies) < 2
    )


def identity(deal: Deal, ctx: KeyContext) -> KeyParts:
    """Its parties; its total value, else its upfront, else its milestones; its month."""
    money = next((m for m in (deal.total_value, deal.upfront, deal.milestones) if m is not None), None)
    return names(deal.parties, ctx), amount_bucket(money), month(deal, ctx)


UNIT = EventUnit(
    event_type="deal",
    model=Deal,
    recognizer=DealRecognizer,
    same=same_deal,
    money_fields=MONEY_FIELDS,
    combiners={"parties": add_parties, "deal_type": sharpen_type},
    needs_names=needs_names,
    identity=identity,
    entities={"parties": ("party_entities", "company")},
)
