"""Conflicts: a field for which an article gives values that differ beyond rounding.

Merging keeps every figure read for a field (`Draft.readings`). Here the readings that agree (one is the other
rounded to its printed precision, or lies in the other's range) are grouped; the event keeps the best-supported
group's value (more mentions, else one read in the body over one read only in a headline, else the first read) and
lists every group in a `Conflict`. The tolerances are in extractor/data/conflicts.json.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from extractor.contract import Conflict, Money, ReadValue, Span
from extractor.datafiles import load_json
from extractor.events.draft import Draft, Reading
from extractor.events.unit import Converter, EventUnit
from extractor.facts.analysis import ArticleView

#: the first number written in an amount's text ('up to $8.85 billion' -> '8.85')
_NUMBER = regex.compile(r"\d[\d,]*+(?:\.\d++)?")


@dataclass
class _Group:
    """Readings that agree with the first of them."""

    first: Reading
    readings: list[Reading] = field(default_factory=list)
    order: int = 0

    @property
    def mentions(self) -> int:
        return len(self.readings)

    @property
    def in_body(self) -> bool:
        return any(not r.headline for r in self.readings)


def settle(draft: Draft[Any], unit: EventUnit, view: ArticleView, convert: Converter) -> list[Conflict]:
    """Keep the best-supported value of every field read with disagreeing values; the conflicts, by field."""
    conflicts = []
    places = unit.figures(draft.fields)
    for slot, readings in draft.readings.items():
        if len(readings) < 2:
            continue
        groups = _groups(readings, convert)
        best = max(groups, key=lambda g: (g.mentions, g.in_body, -g.order))
        kept = _finest(best)
        if (best is not groups[0] or kept is not best.first) and slot in places:
            _put(places[slot], kept)
        if len(groups) < 2:
            continue
        ordered = [best, *(g for g in groups if g is not best)]
        conflicts.append(Conflict(field=slot, values=[_read_value(g, g is best, view, convert) for g in ordered]))
    return conflicts


def describe(conflict: Conflict) -> str:
    """The conflict in words, for a document record's warnings."""
    kept, *others = conflict.values
    rest = ", ".join(f"{_shown(v)} ({_times(v.mentions)})" for v in others)
    return f"conflicting {conflict.field}: kept {_shown(kept)} ({_times(kept.mentions)}) over {rest}"


def _shown(value: ReadValue) -> str:
    if value.text is not None:
        return repr(value.text)
    return f"{value.value:g}%" if isinstance(value.value, float) else repr(value.value)


def _times(mentions: int) -> str:
    return f"{mentions} mention{'s' if mentions != 1 else ''}"


def _finest(group: _Group) -> Reading:
    """The reading of a group printed to the finest digit ('fell more than 4%' then 'fell 4.12%': 4.12), the first
    among equals; an amount gives way only to an exact one in its own currency ('almost 2 billion euros' to '1,995
    million euros', not to 'no less than 1.9 billion euros' or to its conversion); a range stays."""
    first = group.first.value
    if group.first.bounds is not None:
        return group.first
    finer = [
        r
        for r in group.readings
        if r.bounds is None
        and (
            not isinstance(first, Money)
            or (isinstance(r.value, Money) and r.value.currency == first.currency and r.value.qualifier == "exact")
        )
    ]
    return min([group.first, *finer], key=lambda r: _unit(r.value))


def _unit(value: Money | float) -> float:
    """One unit of the last digit printed, infinite where no digit is printed ('five billion')."""
    unit = _money_unit(value) if isinstance(value, Money) else _number_unit(value)
    return math.inf if unit is None else unit


def _groups(readings: list[Reading], convert: Converter) -> list[_Group]:
    """The readings grouped with the first earlier reading they agree with, in reading order."""
    groups: list[_Group] = []
    for r in readings:
        group = next((g for g in groups if agree(g.first, r, convert)), None)
        if group is None:
            group = _Group(r, order=len(groups))
            groups.append(group)
        group.readings.append(r)
    return groups


def agree(a: Reading, b: Reading, convert: Converter) -> bool:
    """Two readings of one field that are the same figure: equal but for rounding, one inside the other's range, or
    (amounts in two currencies) within the cross-currency tolerance once converted; amounts that cannot be converted
    are not claimed to disagree."""
    x, y = a.value, b.value
    if isinstance(x, Money) and isinstance(y, Money):
        if x.currency != y.currency:
            ux, uy = convert(x).usd, convert(y).usd
            if ux is None or uy is None:
                return True
            return abs(ux - uy) <= _tolerance("cross_currency_share") * max(abs(ux), abs(uy))
        if _beyond(x, y) or _beyond(y, x):
            return True
        return _close(x.value, _bounds(x), _money_unit(x), y.value, _bounds(y), _money_unit(y))
    if isinstance(x, Money) or isinstance(y, Money):
        return False
    return _close(x, a.bounds, _number_unit(x), y, b.bounds, _number_unit(y))


#: the qualifiers of an amount that bounds the figure on one side: 'more than', 'at least' below; 'up to' above
_FLOORS, _CEILINGS = ("over", "at_least"), ("under", "up_to")


def _beyond(hedged: Money, exact: Money) -> bool:
    """An exact amount on the side a one-sided hedge points to, within one unit of the hedged figure's last digit
    ('more than five billion dollars' and '$5.2 billion', 'up to 40 million' and '38.5 million'): one figure written
    twice, coarse then fine. A figure written in words ('five billion') has the unit of its leading digit."""
    if exact.qualifier != "exact" or hedged.qualifier not in (*_FLOORS, *_CEILINGS) or hedged.value <= 0:
        return False
    unit = _money_unit(hedged) or 10.0 ** math.floor(math.log10(hedged.value))
    if hedged.qualifier in _FLOORS:
        return hedged.value <= exact.value <= hedged.value + unit
    return hedged.value - unit <= exact.value <= hedged.value


def _close(
    x: float,
    x_bounds: tuple[float, float] | None,
    x_unit: float | None,
    y: float,
    y_bounds: tuple[float, float] | None,
    y_unit: float | None,
) -> bool:
    """Equal within rounding to the coarser printed precision; two ranges when both their ends are; a figure and a
    range when the figure, within its own rounding, lies in the range."""
    if x_bounds is not None and y_bounds is None:
        return _inside(y, y_unit, x_bounds)
    if y_bounds is not None and x_bounds is None:
        return _inside(x, x_unit, y_bounds)
    tolerance = _tolerance_for((x_unit, y_unit), x, y)
    if x_bounds and y_bounds:
        return abs(x_bounds[0] - y_bounds[0]) <= tolerance and abs(x_bounds[1] - y_bounds[1]) <= tolerance
    return abs(x - y) <= tolerance


def _inside(figure: float, unit: float | None, bounds: tuple[float, float]) -> bool:
    tolerance = _tolerance_for((unit,), figure, figure)
    return bounds[0] - tolerance <= figure <= bounds[1] + tolerance


def _tolerance_for(units: tuple[float | None, ...], x: float, y: float) -> float:
    """Half a unit of the coarser printed digit (rounding_share), or a share of the figures when none is printed."""
    printed = [u for u in units if u is not None]
    if printed:
        tolerance = _tolerance("rounding_share") * max(printed)
    else:
        tolerance = _tolerance("unprinted_share") * max(abs(x), abs(y))
    return tolerance + 1e-9 * max(abs(x), abs(y), 1.0)  # what binary fractions lose


def _bounds(money: Money) -> tuple[float, float] | None:
    return (money.low, money.high) if money.low is not None and money.high is not None else None


def _money_unit(money: Money) -> float | None:
    """The value of one unit of the last digit printed ('$8.85 billion' -> 10 million), None when no digit is
    printed ('two billion')."""
    found = _NUMBER.search(money.text)
    if found is None:
        return None
    written = found.group().replace(",", "")
    number = float(written)
    step = 10.0 ** -(len(written.partition(".")[2]))
    anchor = abs(money.low if money.low is not None else money.value)
    if number == 0 or anchor == 0:
        return step
    return step * 10.0 ** round(math.log10(anchor / number))


def _number_unit(value: float) -> float | None:
    """One unit of the last digit of a number as it prints ('3.86' -> 0.01, '12.0' -> 1)."""
    text = repr(abs(float(value)))
    if "e" in text or "inf" in text or "nan" in text:
        return None
    return 10.0 ** -len(text.partition(".")[2].rstrip("0"))


def _put(place: tuple[dict[str, Any], str], kept: Reading) -> None:
    """Write the kept value back where the figure lives (and its range, for a number)."""
    where, key = place
    where[key] = kept.value
    if not isinstance(kept.value, Money) and (kept.bounds is not None or where.get(f"{key}_range") is not None):
        where[f"{key}_range"] = list(kept.bounds) if kept.bounds else None


def _read_value(group: _Group, kept: bool, view: ArticleView, convert: Converter) -> ReadValue:
    value = group.first.value
    sentences = sorted({i for r in group.readings for i in r.sentences})
    return ReadValue(
        text=value.text if isinstance(value, Money) else None,
        value=convert(value) if isinstance(value, Money) else float(value),
        mentions=group.mentions,
        kept=kept,
        evidence=[Span(start=view.sentences[i].start, end=view.sentences[i].end) for i in sentences],
    )


@cache
def _tolerances() -> dict[str, float]:
    return dict(load_json("conflicts.json"))


def _tolerance(name: str) -> float:
    return float(_tolerances()[name])
