"""Event and slot figures per type and overall: precision, recall, F1, slot recall, slot accuracy on matched events."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.evaluation.matching import Pairing
from extractor.evaluation.rules import table

#: the key of the overall figures beside the event types
OVERALL = "all"


@dataclass(slots=True)
class Counts:
    """What the figures of one type (or of all) are computed from."""

    gold: int = 0
    extra: int = 0
    matched: int = 0
    slots_ok: int = 0
    slots: int = 0
    matched_slots_ok: int = 0
    matched_slots: int = 0

    def add(self, other: Counts) -> None:
        """Add another type's counts to these."""
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of one type, or of all: counts, and ratios rounded as the scoring table says."""

    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    slot_recall: float
    slot_accuracy: float


def count(pairings: list[Pairing]) -> dict[str, Counts]:
    """The counts of every scored type (in the table's order), from the pairings of every document."""
    counts = {kind: Counts() for kind in table()["event_types"]}
    for pairing in pairings:
        c = counts[pairing.event_type]
        c.gold += len(pairing.matched) + len(pairing.missed)
        c.matched += len(pairing.matched)
        c.extra += len(pairing.extra)
        for _, _, slots in pairing.matched:
            ok = sum(s.ok for s in slots)
            c.slots_ok += ok
            c.slots += len(slots)
            c.matched_slots_ok += ok
            c.matched_slots += len(slots)
        for _, slots in pairing.missed:
            c.slots += len(slots)  # checked against nothing: only a period naming no year and no part of one agrees
            c.slots_ok += sum(s.ok for s in slots)
    return counts


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def figures(c: Counts) -> Figures:
    """Precision, recall and F1 of events, slot recall (every gold slot) and slot accuracy (slots of matched events)."""
    digits: int = table()["figure_digits"]
    predicted = c.matched + c.extra
    precision, recall = _ratio(c.matched, predicted), _ratio(c.matched, c.gold)
    return Figures(
        gold=c.gold,
        predicted=predicted,
        matched=c.matched,
        precision=round(precision, digits),
        recall=round(recall, digits),
        f1=round(_ratio(2 * precision * recall, precision + recall), digits),
        slot_recall=round(_ratio(c.slots_ok, c.slots), digits),
        slot_accuracy=round(_ratio(c.matched_slots_ok, c.matched_slots), digits),
    )


def summarize(pairings: list[Pairing]) -> dict[str, Figures]:
    """The figures of every scored type, then of all types together (under OVERALL)."""
    counts = count(pairings)
    total = Counts()
    for c in counts.values():
        total.add(c)
    return {**{kind: figures(c) for kind, c in counts.items()}, OVERALL: figures(total)}
