"""A draft event: what a recognizer read from some sentences, before merging and validation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, cast

from extractor.contract import Money
from extractor.facts.analysis import ArticleView


@dataclass(frozen=True, slots=True)
class Reading:
    """One figure read for a field: the value, its range (a percentage's `_range`), and where it was read."""

    value: Money | float
    bounds: tuple[float, float] | None
    headline: bool
    sentences: tuple[int, ...]


def is_figure(value: Any) -> bool:
    """True for the values whose disagreements are conflicts: amounts and numbers (not flags, names or lists)."""
    return isinstance(value, Money | float | int) and not isinstance(value, bool)


#: the fields a recognizer reads for one event type: a `TypedDict` beside the type's contract model
F = TypeVar("F", bound=Mapping[str, object])


@dataclass
class Draft(Generic[F]):
    """An event as read from one or more sentences, before merging and validation; `fields` is typed by the event
    type's draft fields (`DealFields`, ...), keys that are the contract model's fields."""

    event_type: str
    fields: F
    sentences: list[int]
    date: str | None = None
    headline: bool = False
    keys: set[str] = field(default_factory=set)
    signals: int = 1  # how many cues supported it; feeds the confidence
    subject: Any = None  # what the event is about as found (a company's OrgRef), for follow-up sentences
    detected: bool = False  # read from a sentence the trained detector flagged, where no rule drafted the type
    #: every figure read for a field (by its slot: a field name, or 'metrics.<name>.<key>'), when more than one
    #: draft or sentence gave one; settled into the kept value and the conflicts in assembly
    readings: dict[str, list[Reading]] = field(default_factory=dict)

    def fill(self, name: str, value: Any, read_in: list[int] | None = None) -> None:
        """Set a field unless it already has a value; a figure read in other sentences (`read_in`) that the field
        already has is kept as a reading, so that a value that disagrees is listed as a conflict, not lost."""
        if value is None:
            return
        values = self.values
        current = values.get(name)
        if current is None:
            values[name] = value
        elif read_in is not None and is_figure(value) and is_figure(current):
            self.reading_list(name, current, values.get(f"{name}_range")).append(
                Reading(value, None, self.headline, tuple(read_in))
            )

    @property
    def values(self) -> dict[str, Any]:
        """The fields as a plain dict (the same object), for code that reads any event type's fields by name."""
        return cast(dict[str, Any], self.fields)

    def reading_list(self, slot: str, current: Any, bounds: Any = None) -> list[Reading]:
        """The readings of a slot, begun with the draft's own value (read in its sentences) when there are none yet."""
        if slot not in self.readings:
            self.readings[slot] = [reading(current, bounds, self)] if is_figure(current) else []
        return self.readings[slot]


def reading(value: Money | float, bounds: Any, draft: Draft[Any]) -> Reading:
    """A figure as read in the sentences of `draft`; `bounds` is a percentage's [low, high] range, if any."""
    pair = (float(bounds[0]), float(bounds[1])) if isinstance(bounds, list | tuple) and len(bounds) == 2 else None
    return Reading(value, pair, draft.headline, tuple(draft.sentences))


class Recognizer(Protocol):
    """Reads drafts of one event type from an article."""

    def extract(self, view: ArticleView) -> list[Draft[Any]]:
        """Drafts found in the article, in reading order."""
        ...
