"""ETF moves: a fund's price change, intraday extremes, turnover, flows, size and tracked index."""

from __future__ import annotations

from extractor.events.draft import Draft
from extractor.events.etf_move.model import MONEY_FIELDS, EtfMove, EtfMoveFields
from extractor.events.etf_move.recognizer import EtfMoveRecognizer
from extractor.events.key import KeyContext, KeyParts, day, fund
from extractor.events.unit import EventUnit


def same_fund(a: Draft[EtfMoveFields], b: Draft[EtfMoveFields]) -> bool:
    """Two drafts of the same fund (by code, else by name): one event per fund and article."""
    return bool(a.keys & b.keys)


def identity(move: EtfMove, ctx: KeyContext) -> KeyParts:
    """Its fund (the code without exchange or leading zeros, else the name); its day."""
    return fund(move.etf_code, move.etf_name), "-", day(move, ctx)


UNIT = EventUnit(
    event_type="etf_move",
    model=EtfMove,
    recognizer=EtfMoveRecognizer,
    same=same_fund,
    draft_fields=EtfMoveFields,
    money_fields=MONEY_FIELDS,
    dated_by_publication=True,
    identity=identity,
)
