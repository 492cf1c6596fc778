"""Confidence: the probability that an event is right, from a logistic model over what the rules saw.

The signals of an event (its type, how many cues supported it, how many of its roles are filled, whether
it was read only from a headline, how often it is told, whether it has a date, an amount and named
parties, how far into the article it starts, whether its mentions disagree on a figure, whether only the trained
detector's step read it, whether the article is about the Hong Kong and mainland markets the rules were first
written on) are weighed by the coefficients in `data/confidence.json`,
fitted on the real-article development corpus by `corpus/calibrate.py`. `extractor eval` shows how well
the result is calibrated (a reliability table and the expected calibration error).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from typing import Any

from extractor.contract import EventBase, Money
from extractor.datafiles import TableError, load_json
from extractor.events.draft import Draft

#: the event fields that are not roles: filled on every event, so they say nothing of how much was read
_BASE_FIELDS = frozenset(EventBase.model_fields) | {"event_type"}
#: confidences are kept off the ends: no rule-based event is certain, none worthless
FLOOR, CEILING = 0.01, 0.99
#: the signals every event has, by name (see `features`)
SIGNALS = (
    "signals",
    "headline",
    "mentions",
    "dated",
    "amount",
    "named",
    "position",
    "conflicted",
    "detected",
    "greater_china",
)
#: the signals named per event type, as "<prefix>:<event type>"
TYPED_SIGNALS = ("type", "filled")


def features(
    draft: Draft[Any],
    fields: Mapping[str, Any],
    date: str | None,
    roles: frozenset[str],
    conflicted: bool = False,
    greater_china: bool = False,
) -> dict[str, float]:
    """The signals of one assembled event, by name (see the module docstring)."""
    filled = sum(1 for name in roles if fields.get(name) not in (None, [], ""))
    kind = draft.event_type
    return {
        f"type:{kind}": 1.0,
        f"filled:{kind}": filled / len(roles) if roles else 0.0,
        "signals": min(draft.signals, 8) / 8,
        "headline": float(draft.headline),
        "mentions": math.log1p(len(draft.sentences)),
        "dated": float(date is not None),
        "amount": float(any(_has_amount(v) for v in fields.values())),
        "named": float(bool(draft.keys)),
        "position": min(draft.sentences[0], 30) / 30,
        "conflicted": float(conflicted),
        "detected": float(draft.detected),
        "greater_china": float(greater_china),
    }


def _has_amount(value: Any) -> bool:
    if isinstance(value, Money):
        return True
    if isinstance(value, list):
        return any(_has_amount(v) for v in value)
    return isinstance(getattr(value, "value", None), Money)  # a metric with its figure


def roles_of(model: type[EventBase]) -> frozenset[str]:
    """The role fields of an event model (what a recognizer fills), without the fields every event has."""
    return frozenset(model.model_fields) - _BASE_FIELDS


def logistic(intercept: float, weights: Mapping[str, float], signals: Mapping[str, float]) -> float:
    """The probability of a logistic model: 1 / (1 + exp(-(intercept + sum of weight x signal)))."""
    z = intercept + sum(weights.get(name, 0.0) * value for name, value in signals.items())
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def probability(signals: Mapping[str, float]) -> float:
    """The calibrated confidence of an event with these signals, rounded to two decimals."""
    table = _coefficients()
    p = logistic(table["intercept"], table["weights"], signals)
    return round(min(CEILING, max(FLOOR, p)), 2)


def fitted_on() -> str:
    """The batches the confidence model was fitted on, and those whose blind events rescaled it (corpus/calibrate.py)."""
    table = _coefficients()
    rescaled = f"; rescaled on the blind events of {table['rescaled_on']}" if table.get("rescaled_on") else ""
    return f"{table['fitted_on']}{rescaled}"


def known_signals() -> frozenset[str]:
    """The name of every signal `features` can give, for the registered event types."""
    from extractor.events.registry import units  # the registry imports the units, which import this module

    typed = {f"{prefix}:{unit.event_type}" for prefix in TYPED_SIGNALS for unit in units()}
    return frozenset(SIGNALS) | typed


def checked_signals(weights: Mapping[str, float], source: str = "extractor/data/confidence.json") -> None:
    """Raise a TableError naming the file and the weights no signal has (a typo, or an event type not registered)."""
    unknown = sorted(set(weights) - known_signals())
    if unknown:
        raise TableError(f"{source}: key 'weights': unknown signal(s) {unknown}: see extractor/events/confidence.py")


@cache
def _coefficients() -> dict[str, Any]:
    table = load_json("confidence.json")
    checked_signals(table["weights"])
    return table
