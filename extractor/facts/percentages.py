"""Percentages in news text: '3.86%', '15.84 percent', 'twenty percent', '百分之二十', '20个百分点', '13%-16%'.

Numbers come from `extractor.facts.numbers`. Chinese discount and tenth forms are read too:
'九折' is 90 (percent of the price) and '三成' is 30. Numbers inside URLs are ignored.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass

import regex

from extractor.contract import Located, Percentage, Qualifier
from extractor.facts.memo import remembered
from extractor.facts.numbers import (
    SPACES,
    WORD_LETTER,
    Quantity,
    find_quantities,
    looks_like_year,
    merge_neighbours,
    qualifier_after,
    qualifier_before,
    range_link,
    sign_before,
)
from extractor.facts.patterns import untimed

_SP = f"[{SPACES}]"
_PREFILTER = untimed("percentages.prefilter", regex.compile(r"[%％‰成折]|分\s*之|百\s*分|(?i:per\s?cent|pct)"))
_URL = untimed("percentages.url", regex.compile(r"(?i)(?:https?://|www\.)[^\s<>\"']++"))
#: a unit word may open the next line of a text wrapped at a fixed width ('425' at a line's end, 'percent rise')
_UNIT_AFTER = regex.compile(
    f"{_SP}*+(?:\n{_SP}*+(?=\\p{{L}}))?(?:(?P<pct>[%％]|(?i:per{_SP}?cents?|percent(?:ages?)?s?(?:{_SP}++points?)?|pct)(?!{WORD_LETTER})"
    f"|[个個]{_SP}*+百{_SP}*+分{_SP}*+[点點]|百分[点點])"
    f"|(?P<mille>‰)"
    f"|(?P<tenth>成(?![交本为為立功长長员員果绩績熟])(?P<half>半)?)"
    f"|(?P<disc>折(?![合扣算旧舊射叠疊]))"
    ")"
)
_PREFIX_BEFORE = regex.compile(
    f"(?<![零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾0-9０-９])(?P<k>[百佰千仟万萬]++){_SP}*+分{_SP}*+之{_SP}*+$"
)
_HALF_DISCOUNT = untimed("percentages.half_discount", regex.compile("(?<=打)[对對]折"))
_WHOLE = untimed(
    "percentages.whole", regex.compile(f"[百佰]{_SP}*+分{_SP}*+之{_SP}*+[百佰](?![零〇一二两三四五六七八九十千万亿])")
)
_HALF = untimed("percentages.half", regex.compile(r"半(?P<u>[成折])"))
_HAN_OR_DIGIT = regex.compile(r"[\p{Han}\d０-９]")
#: a number glued to a Latin letter before it is part of a code or a float literal ('1e308%', 'x1.5%')
_GLUED = regex.compile(r"[\p{Latin}0-9]")
_REVERSE_BEFORE = regex.compile(f"(?i)(?<!{WORD_LETTER})(?:per{_SP}?cents?|percents?){_SP}++of{_SP}++$")
# a number ending right before a position (matched right to left)
_NUMBER_END = regex.compile(
    r"(?r)(?:[0-9０-９]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred))\s*+"
)
_SIGN_BEFORE = regex.compile(r"(?P<s>(?:^|(?<=[^\w.,%％]))(?:[-−－]|(?i:minus|negative)\s++)|[负負]\s*+)$")
_PREFIX_SCALE = {"百": 100.0, "佰": 100.0, "千": 1e3, "仟": 1e3, "万": 1e4, "萬": 1e4}


@dataclass(slots=True)
class _Pct:
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    negative: bool = False
    unit: str = "pct"


def _unit_value(q: Quantity, m: regex.Match[str]) -> float | None:
    """The percentage a number means given the unit after it."""
    if m.group("pct") is not None:
        return q.value
    if m.group("mille") is not None:
        return q.value / 10
    if m.group("tenth") is not None:
        if q.value > 10:
            return None
        return q.value * 10 + (5 if m.group("half") else 0)
    if q.value < 10:
        return q.value * 10
    if q.value == 10:
        return None
    if q.value < 100 and q.value == int(q.value):
        return q.value
    return None


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect_right(spans, (pos, math.inf)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _candidates(
    text: str, quantities: list[Quantity], urls: list[tuple[int, int]]
) -> tuple[list[_Pct], list[Quantity]]:
    """Numbers with a percent unit after or before them, and the numbers without one."""
    found: list[_Pct] = []
    bare: list[Quantity] = []
    last_end = -1
    value: float | None  # a unit may give no percentage
    for q in quantities:
        if (urls and _in_spans(q.start, urls)) or (q.start and _GLUED.match(text, q.start - 1)):
            continue
        pre = _PREFIX_BEFORE.search(text, max(0, q.start - 8), q.start)
        if pre is not None:
            per = 1.0
            for ch in pre.group("k"):
                per *= _PREFIX_SCALE[ch]
            value = q.value * 100.0 / per
            found.append(_Pct(pre.start(), q.end, value))
            last_end = q.end
            continue
        m = _UNIT_AFTER.match(text, q.end)
        if m is not None:
            value = _unit_value(q, m)
            if value is not None:
                found.append(_Pct(q.start, m.end(), value, unit="pct" if m.group("pct") else "zh"))
                last_end = m.end()
                continue
        rev = _REVERSE_BEFORE.search(text, max(0, q.start - 16), q.start)
        if (
            rev is not None
            and rev.start() >= last_end
            and not _NUMBER_END.match(text, max(0, rev.start() - 12), rev.start())
        ):
            found.append(_Pct(rev.start(), q.end, q.value))
            last_end = q.end
            continue
        bare.append(q)
    for m in _WHOLE.finditer(text):
        found.append(_Pct(m.start(), m.end(), 100.0))
    for m in _HALF.finditer(text):
        if m.start() == 0 or not _HAN_OR_DIGIT.match(text, m.start() - 1):
            found.append(_Pct(m.start(), m.end(), 5.0 if m.group("u") == "成" else 50.0))
    for m in _HALF_DISCOUNT.finditer(text):
        found.append(_Pct(m.start(), m.end(), 50.0))
    found.sort(key=lambda p: p.start)
    return found, bare


def _ranges(text: str, found: list[_Pct], bare: list[Quantity]) -> list[_Pct]:
    """Merge '13%-16%', '13-16%', '13% to 16%' and 'between 13% and 16%' into ranges."""
    nodes: list[_Pct | Quantity] = sorted([*found, *bare], key=lambda x: x.start)
    return merge_neighbours(nodes, lambda a, b: _range(text, a, b), _Pct)


def _range(text: str, a: _Pct | Quantity, b: _Pct | Quantity) -> _Pct | None:
    """One range from a percentage (or bare number) and the percentage after it, or None."""
    if not isinstance(b, _Pct) or b.unit != "pct" or (isinstance(a, _Pct) and a.unit != "pct"):
        return None
    link = range_link(text, a.start, a.end, b.start)
    if link is None:
        return None  # 'from 13% to 16%' is a change
    if isinstance(a, Quantity) and ((a.value > b.value and not _descending(text, a, b)) or looks_like_year(a)):
        return None  # '2024-25%'
    a_value, start = a.value, a.start
    sign = _SIGN_BEFORE.search(text, max(0, start - 10), start)
    if sign is not None:
        a_value, start = -a_value, sign.start("s")
    elif link.second_negative and (spaced := sign_before(text, start)) is not None:
        a_value, start = -a_value, spaced  # '- 52% to - 40%': both figures signed the same way
    if link.between is not None:
        start = link.between
    low, high = sorted((a_value, -b.value if link.second_negative else b.value))
    return _Pct(start, b.end, (low + high) / 2, low, high, "range")


#: a tilde between two figures: the range links of Chinese filings, which list a fall's bounds largest first
_TILDE = regex.compile(r"\s*+[~～〜]\s*+")


def _descending(text: str, a: Quantity, b: _Pct) -> bool:
    """Whether a bare number and the larger-looking percentage after it read as a range written largest first: a tilde
    between them and the first at most twice the second ('decreasing 107.1~106.3%')."""
    return _TILDE.fullmatch(text, a.end, b.start) is not None and a.value <= 2 * b.value


@remembered
def find_percentages(text: str) -> list[Located[Percentage]]:
    """Every percentage in `text`, with the character offsets of its whole mention."""
    if not _PREFILTER.search(text):
        return []
    quantities = find_quantities(text)
    if not quantities and not any(ch in text for ch in "百半对對"):
        return []
    urls = [m.span() for m in _URL.finditer(text)] if "/" in text or "www" in text else []
    found, bare = _candidates(text, quantities, urls)
    if not found:
        return []
    items = _ranges(text, found, bare)
    out: list[Located[Percentage]] = []
    for p in items:
        if p.low is None:
            sign = _SIGN_BEFORE.search(text, max(0, p.start - 10), p.start)
            if sign is not None:
                p.negative = True
                p.start = sign.start("s")
            before = qualifier_before(text, p.start)
            after = qualifier_after(text, p.end)
            if before is not None:
                p.qualifier, p.start = before
            elif after is not None:
                p.qualifier, p.end = after
        value = -p.value if p.negative else p.value
        if not math.isfinite(value):
            continue
        item = Percentage(text=text[p.start : p.end], value=value, qualifier=p.qualifier, low=p.low, high=p.high)
        out.append(Located(p.start, p.end, item))
    return out


def parse_percentages(text: str) -> list[Percentage]:
    """The percentages of `text` without their offsets."""
    return [p.item for p in find_percentages(text)]
