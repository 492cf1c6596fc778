"""Deals: licensing, collaboration, acquisition, co-development and NewCo agreements between companies."""

from __future__ import annotations

from typing import Any

from extractor.events.deal.model import MONEY_FIELDS, Deal, DealFields
from extractor.events.deal.recognizer import FURTHER, DealRecognizer, named_asset, read_flagged, sells, told_asset
from extractor.events.draft import Draft
from extractor.events.key import KeyContext, KeyParts, amount_bucket, month, names
from extractor.events.unit import EventUnit, fill
from extractor.facts.analysis import Facts
from extractor.facts.lexicon import phrases

#: amounts of two drafts agree within this share of the first
SAME_AMOUNT = 0.005
#: two prices of one pair of parties further apart than this share of the larger are two deals, not a rounding
OTHER_PRICE = 0.2


def same_deal(a: Draft[DealFields], b: Draft[DealFields]) -> bool:
    """Two drafts share two parties (or all either names), or, one naming none, the asset ('the company signed a
    licensing agreement for RC148 ...' and 'Rongchang Biologics ... with AbbVie for RC148'), or, naming none, an
    amount; never two deals the same parties made (see `two_deals`)."""
    if a.keys and b.keys:
        if len(a.keys & b.keys) >= min(2, len(a.keys), len(b.keys)):
            return not two_deals(a, b)
        return same_price(a, b) or one_side(a, b)
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


def same_price(a: Draft[DealFields], b: Draft[DealFields]) -> bool:
    """Two drafts of the body that give one price, to rounding, in one currency: one deal told twice, its parties
    named differently ('CBAK Energy ... to acquire an 81.56% stake in Hitrans for RMB158.74 million', 'CBAK Power will
    acquire 81.56% of Hitrans ... for RMB158.74 million')."""
    if a.headline or b.headline:
        return False
    totals = _totals(a, b)
    return totals is not None and abs(totals[0] - totals[1]) <= SAME_AMOUNT * abs(totals[0])


def one_side(a: Draft[DealFields], b: Draft[DealFields]) -> bool:
    """Two drafts of the body that share a party, of one type, about no two assets (drugs or described ones: the name
    of a holding bought is no asset of this kind, see `told_asset`), one of them without a price: one
    deal told twice, each time with another counterparty named ('Chuanhua plans to purchase the equity of Sichuan
    Nengtou Lithium', 'Chuanhua ... a 50% stake held by Sichuan Energy Investment Group ... 534 million yuan'); never
    one told as a further deal ('China Grand also agreed to buy ...', see `FURTHER`)."""
    if a.headline or b.headline or not (a.keys & b.keys) or (_has_money(a) and _has_money(b)):
        return False
    kinds = {a.fields.get("deal_type"), b.fields.get("deal_type")} - {"other"}
    if FURTHER in (a.subject, b.subject) or len(kinds) > 1:
        return False
    x, y = a.fields.get("asset"), b.fields.get("asset")
    return x == y or not (told_asset(x) and told_asset(y))


def two_deals(a: Draft[DealFields], b: Draft[DealFields]) -> bool:
    """Two deals between the same parties, each read in the body naming both (or more) with its own money: of two
    known, different types
    ('will spend $25 million for a 7.6% stake in X. The companies entered a licensing agreement with payments of as
    much as $225 million'), or each at its own price ('the Baoji Acquisition ... for RMB345,100,000', 'the Yili
    Acquisition ... for RMB495,000,000')."""
    if a.headline or b.headline or len(a.keys) < 2 or len(b.keys) < 2 or not (_has_money(a) and _has_money(b)):
        return False
    kinds = {a.fields.get("deal_type"), b.fields.get("deal_type")}
    if len(kinds) == 2 and "other" not in kinds:
        return True
    totals = _totals(a, b)
    return totals is not None and abs(totals[0] - totals[1]) > OTHER_PRICE * max(map(abs, totals))


def _totals(a: Draft[DealFields], b: Draft[DealFields]) -> tuple[float, float] | None:
    """The two drafts' total values when both give one in the same currency."""
    x, y = a.fields.get("total_value"), b.fields.get("total_value")
    if x is None or y is None or x.currency != y.currency:
        return None
    return x.value, y.value


def _has_money(d: Draft[DealFields]) -> bool:
    return any(d.fields.get(k) is not None for k in MONEY_FIELDS)


def add_parties(target: Draft[DealFields], name: str, value: Any) -> None:
    """Parties named later join the list, unless already in it (case aside), in full or in a longer form ('Mabwell'
    of 'Mabwell Bioscience')."""
    fields = target.values
    known = [p.lower() for p in fields.get(name, [])]
    fields[name] = fields.get(name, []) + [
        p for p in value if not any(k == p.lower() or k.startswith(p.lower() + " ") for k in known)
    ]


def sharpen_type(target: Draft[DealFields], name: str, value: Any) -> None:
    """A known deal type replaces 'other'."""
    if target.values.get(name) == "other":
        target.values[name] = value
    else:
        fill(target, name, value)


def sharpen_asset(target: Draft[DealFields], name: str, value: Any) -> None:
    """A drug's code or name replaces a description ('HBM7002' for 'tumor antibody')."""
    if named_asset(value) and not named_asset(target.values.get(name)):
        target.values[name] = value
    else:
        fill(target, name, value)


def needs_names(f: Facts) -> bool:
    """A sentence announcing a deal (or telling of a sale or an investment) with fewer than two known parties."""
    text = f.text
    announced = (
        phrases("deal", "triggers").search(text) is not None
        and phrases("deal", "announce_verbs").search(text) is not None
    )
    return (announced or sells(text, 0, len(text))) and len(f.companies) < 2


def identity(deal: Deal, ctx: KeyContext) -> KeyParts:
    """Its parties; its total value, else its upfront, else its milestones; its month."""
    money = next((m for m in (deal.total_value, deal.upfront, deal.milestones) if m is not None), None)
    return names(deal.parties, ctx), amount_bucket(money), month(deal, ctx)


UNIT = EventUnit(
    event_type="deal",
    model=Deal,
    recognizer=DealRecognizer,
    same=same_deal,
    draft_fields=DealFields,
    money_fields=MONEY_FIELDS,
    combiners={"parties": add_parties, "deal_type": sharpen_type, "asset": sharpen_asset},
    needs_names=needs_names,
    identity=identity,
    entities={"parties": ("party_entities", "company")},
    read_flagged=read_flagged,
)
