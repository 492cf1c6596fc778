"""The registry of event units: every subpackage of `extractor.events` that defines `UNIT`."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import extractor.events as events_package
from extractor.events.draft import Recognizer
from extractor.events.unit import EventUnit


@cache
def units() -> tuple[EventUnit, ...]:
    """Every registered event unit, in the order of their package names (recognizers run in that order)."""
    found = []
    for info in sorted(pkgutil.iter_modules(events_package.__path__), key=lambda i: i.name):
        if not info.ispkg:
            continue
        unit = getattr(importlib.import_module(f"{events_package.__name__}.{info.name}"), "UNIT", None)
        if isinstance(unit, EventUnit):
            found.append(unit)
    return tuple(found)


@cache
def unit_of(event_type: str) -> EventUnit:
    """The unit of an event type."""
    for unit in units():
        if unit.event_type == event_type:
            return unit
    raise KeyError(f"no event unit for {event_type!r}")


def all_recognizers() -> list[Recognizer]:
    """One recognizer of every registered unit."""
    return [unit.recognizer() for unit in units()]
