"""Date mentions in English (and some Chinese) financial news, resolved against the publication date.

Spans
-----
A mention's span (``Located.start``/``end``, ``ResolvedDate.text``) covers the date expression
itself: "February 8", "Feb 26 09:01", "Monday, February 9", "last Friday", "this morning".
Words in front of it that only introduce it ("on", "in", "the evening of") stay outside; words
that change its role ("since", "as of", "the week ending") also stay outside but set ``kind``.

Kinds
-----
``day``, ``month``, ``year``: a plain point in time at that granularity (see ``value``).
``range_start`` / ``range_end``: the two ends of "8/1/2025–10/30/2025", "January 12 to 15",
"between X and Y", and of two close days of one month linked by "and" ("the meeting on July 30 and 31"). ``since``: "since August 2025". ``as_of``: "as of 12/31/2024".
``week_ending``: "the week ending February 23". ``period_end``: "the six months ended June 30, 2025".

Year choice for dates written without a year
--------------------------------------------
News mostly reports the recent past, so a partial date takes its most recent occurrence on or
before the publication date, unless its next occurrence after publication is near:

* day dates ("February 8", "10/30", "10月30日"): the next occurrence is taken when it lies at
  most ``FUTURE_DAYS_WINDOW`` (61) days after publication; otherwise the latest occurrence on or
  before publication. Published 2026-02-10: "February 8" -> 2026-02-08, "March 15" ->
  2026-03-15 (33 days ahead), "April 20" -> 2025-04-20 (69 days ahead is too far),
  "December 30" -> 2025-12-30. Published 2025-12-30: "January 3" -> 2026-01-03.
* month-only dates ("January"): the month is taken as its first day, with a window of
  ``FUTURE_MONTHS_WINDOW`` (31) days; the publication month itself counts as past. Published
  2026-02-10: "January" -> 2026-01, "February" -> 2026-02, "March" -> 2026-03, "April" ->
  2025-04. Published 2025-12-30: "January" -> 2026-01.
* a day of the month alone ("on the 7th"): the latest such day on or before publication.
* weekdays: "Monday" / "on Monday" -> the latest Monday on or before publication; "last
  Monday" -> the latest strictly before; "this Monday" -> the one in publication's Monday-Sunday
  week; "next Monday" -> the first strictly after.

``resolve_date`` reads one span (leading "on", "in", "since", "as of", "the evening of" ... are
ignored); a range span resolves to its start; a span the rules cannot read but that looks like
a date ("a fortnight ago") goes to dateparser, with one fixed settings object per publication
date, and anything with money, percentages, quarters or decimals is refused before that.

Without a publication date a partial or relative date is left unresolved (``resolve_date``
returns None and ``find_dates`` leaves it out); a date with its year written always resolves.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, TypeAlias

import regex

from extractor.datafiles import load_json
from extractor.facts.casefold import fold, phrase_key
from extractor.facts.gated import Trigger, lowered, scan
from extractor.facts.memo import remembered
from extractor.facts.patterns import alternation

try:  # normal use: inside the extractor package
    from extractor.contract import Located
except ImportError:  # pragma: no cover - module imported on its own
    from extractor.contract import Located

__all__ = ["FUTURE_DAYS_WINDOW", "FUTURE_MONTHS_WINDOW", "ResolvedDate", "find_dates", "resolve_date"]

DateKind = Literal["day", "month", "year", "range_start", "range_end", "since", "as_of", "week_ending", "period_end"]

FUTURE_DAYS_WINDOW = 61
FUTURE_MONTHS_WINDOW = 31


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date mention: ISO ``value`` (YYYY-MM-DD, YYYY-MM or YYYY), ``text`` as written, ``kind``."""

    value: str
    text: str
    kind: DateKind


# --------------------------------------------------------------------------- word lists


def _words() -> dict[str, Any]:
    """The date word tables (extractor/data/date_words.json)."""
    return load_json("date_words.json")


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    return alternation(words, space=r"\s+")


# --------------------------------------------------------------------------- patterns

_W = _words()
_MONTHS: dict[str, int] = _W["months"]
_MONTHS_NEED_CAPITAL = frozenset(_W["months_need_capital"])
_WEEKDAYS: dict[str, int] = _W["weekdays"]
_WD_MODS: dict[str, str] = _W["weekday_modifiers"]
_REL_DAYS: dict[str, int] = _W["relative_days"]
_REL_MONTHS: dict[str, int] = _W["relative_months"]
_REL_YEARS: dict[str, int] = _W["relative_years"]
_CN_REL: dict[str, int] = _W["cn_relative_days"]
_AGO_UNITS: dict[str, int] = _W["ago_units"]
_NUM_WORDS: dict[str, int] = _W["number_words"]
_CLOSING = load_json("period_words.json")  # 'the six months ended June 30': the date closes a reporting period
_PREFIX_KINDS: dict[str, DateKind] = {
    **_W["prefix_kinds"],
    **{f"{head} {link}": "period_end" for head in _CLOSING["closing_heads"] for link in _CLOSING["closing_links"]},
}
_NON_DATES = frozenset(_W["non_dates"])

_FULL_MONTHS = [k for k in _MONTHS if len(k) > 4 or k in ("may", "june", "july")]
_ABBR_MONTHS = [k for k in _MONTHS if k not in _FULL_MONTHS]
_MON = rf"(?P<mon>(?:{_alt(_FULL_MONTHS)})(?![a-z])|(?:{_alt(_ABBR_MONTHS)})(?![a-z])\.?)"
_WDAY = _alt(_WEEKDAYS)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_ORD = r"(?:st|nd|rd|th)?"
_CONN = rf"(?P<conn>{_alt(_W['range_connectors'])})"
#: a range's connector, or a link of two days ('14 and 15 March'): taken as a range when they lie close (`_day_pair`)
_CONN_OR_PAIR = rf"(?:\s*{_CONN}\s*|\s+(?P<pair>{_alt(_W['day_pair_links'])})\s+)"
_DAY_PAIR_SPAN: int = _W["day_pair_span"]
_UNIT_GUARD = r"(?!\s*(?:%|(?:" + _alt([u for u in _W["number_units"] if u != "%"]) + r")(?![a-z])))"
_NUM_GUARD = r"(?!\.\d|,\d{1,3}(?!\d))" + _UNIT_GUARD
_TIME = r"(?P<time>\s+(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\.?)?)?"
_WD_PREFIX = rf"(?:(?P<wd>{_WDAY}),?\s+)?"
_WD_SUFFIX = rf"(?:\s*\((?:{_WDAY})\))?"
_ANCHOR_LB = (
    r"(?<=(?<![\w-])(?:" + _alt(_W["anchors"]) + r")\s+|(?<![\w-])mid-"
    r"|(?<![\w-])between\s+[\w.]{1,12}(?:\s+[\w.]{1,12})?\s+and\s+)"
)
_CN_BLOCK = r"(?!" + _alt(_W["cn_year_blockers"]) + r"|\d{1,2}\s*[-–~至]\s*\d{1,2}月)"

_BRANCHES: list[tuple[str, str]] = [
    # 2025年10月30日, 2025年10月, 2025年
    ("cn", rf"(?<!\d)(?P<y>{_YEAR})年(?:(?P<m>1[0-2]|0?[1-9])月(?:(?P<d>{_DAY})[日号])?|{_CN_BLOCK})"),
    # 10月30日
    ("cn_md", rf"(?<![\d年])(?P<m>1[0-2]|0?[1-9])月(?P<d>{_DAY})[日号]"),
    ("cn_rel", rf"(?P<rel>{_alt(_CN_REL)})"),
    # 2026-01-12, 2026/01/12, 2026.01.12
    ("iso", rf"(?<![\d/.\-])(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>{_DAY})(?![/.\-]\d)"),
    # 10/30, 10/30/2025, 30/10/25
    (
        "num",
        r"(?<![\w/.$,])(?P<n1>\d{1,2})/(?P<n2>\d{1,2})(?:/(?P<ny>(?:19|20)?\d{2}))?(?![\w/%]|[.,]\d)" + _UNIT_GUARD,
    ),
    # January 12 to 15 (, 2026)
    (
        "mdr",
        rf"(?<!\w){_WD_PREFIX}{_MON}\s+(?P<d1>{_DAY}){_ORD}{_CONN_OR_PAIR}(?P<d2>{_DAY}){_ORD}(?:,?\s+(?P<y>{_YEAR}))?{_NUM_GUARD}",
    ),
    # 12-15 January (2026)
    (
        "dmr",
        rf"(?<![\w.$,/])(?P<d1>{_DAY}){_ORD}{_CONN_OR_PAIR}(?P<d2>{_DAY}){_ORD}\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    # (Monday,) February 8(th)(, 2026)( 09:01)
    (
        "mdy",
        rf"(?<!\w){_WD_PREFIX}{_MON}\s+(?P<d>{_DAY}){_ORD}{_NUM_GUARD}(?:(?:,\s*|\s+)(?P<y>{_YEAR}))?{_TIME}{_WD_SUFFIX}",
    ),
    # 8(th) (of) February(, 2026)
    # (not the end of another figure: '2018-04 April 19')
    ("dmy", rf"(?<![\w.$,/])(?<!\d-)(?P<d>{_DAY}){_ORD}\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>{_YEAR}))?"),
    # 13-Apr-2016: a day, a month's name and a year joined by dashes
    ("dmy_dash", rf"(?<![\w.$,/-])(?P<d>{_DAY})-{_MON}-(?P<y>{_YEAR})(?![\w-])"),
    # (on) the 7th, (of) the 21st: a day of the month alone
    (
        "nth",
        rf"(?<=(?<![\w-])(?:{_alt(_W['month_day_before'])})\s+)(?P<nth>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)"
        rf"(?=\s*+[,.;:!?)'\"’”]|\s++(?:{_alt(_W['month_day_after'])})(?![\w-]))",
    ),
    # August 2025
    ("my", rf"(?<!\w){_MON},?\s+(?:of\s+)?(?P<y>{_YEAR})(?![\w%]|[.,]\d)"),
    # in January  (needs an anchor word before it)
    ("mon", rf"(?=[A-Za-z]){_ANCHOR_LB}{_MON}(?![\w-])"),
    # in 2025  (needs an anchor word before it)
    ("year", rf"(?=\d){_ANCHOR_LB}(?P<y>{_YEAR})(?![\w%'’/-]|[.,]\d){_UNIT_GUARD}"),
    # last Friday, on Monday, next Tuesday
    ("wday", rf"(?<!\w)(?:(?P<wmod>{_alt([k for k in _WD_MODS if k and k != 'on'])})\s+)?(?P<wday>{_WDAY})(?![\w-])"),
    # 3 days ago
    ("ago", rf"(?<!\w)(?P<agon>\d{{1,2}}|{_alt(_NUM_WORDS)})\s+(?P<agou>{_alt(_AGO_UNITS)})\s+ago(?!\w)"),
    # yesterday, this morning, last month, this year
    ("rel", rf"(?<![\w-])(?P<rel>{_alt(list(_REL_DAYS) + list(_REL_MONTHS) + list(_REL_YEARS))})(?![\w-])"),
]

_BRANCH_NAMES = [name for name, _ in _BRANCHES]
_DATE_RE = regex.compile(
    "|".join(f"(?P<B_{name}>{pat})" for name, pat in _BRANCHES),
    regex.IGNORECASE,
)


def _first_words(phrases: Iterable[str]) -> set[str]:
    """The first word of each phrase, lower-case."""
    return {ph.split()[0].lower() for ph in phrases if ph and ph[0].isalpha() and ph.isascii()}


#: what may follow a day or month of one or two digits: a space, '/', '月', an ordinal or a range connector
_AFTER_SHORT_NUMBER = regex.escape(
    "".join(
        sorted(
            {"/", "月"}
            | {c for w in ["st", "nd", "rd", "th", *_W["range_connectors"]] for c in (w[0], w[0].upper())}
            | {"ſ"}
        )
    )
)
# Every match of _DATE_RE starts at a four-digit year, at one or two digits followed by one of the
# characters above, at one of these words or at a Chinese word: scanning only those positions is
# much faster than finditer over the whole alternation.
_GATE_DIGITS = rf"(?<!\d)(?:(?:19|20)\d{{2}}(?!\d)|\d{{1,2}}(?=[\s{_AFTER_SHORT_NUMBER}]))"
_GATE_WORDS = _alt(
    _first_words(_MONTHS)
    | _first_words(_WEEKDAYS)
    | _first_words(_WD_MODS)
    | _first_words(_REL_DAYS)
    | _first_words(_REL_MONTHS)
    | _first_words(_REL_YEARS)
    | _first_words(_NUM_WORDS)
)
_GATE_RE = regex.compile(rf"{_GATE_DIGITS}|(?i:(?<![a-z])(?:{_GATE_WORDS})(?![a-z]))|{_alt(_CN_REL)}")
# The same gate for the `lowered` text in the standard engine, two to three times faster. Written here
# rather than by `gated.lower_form`, which refuses a pattern with upper-case letters: the letters after a
# short number come in both cases, so the lower-cased text still finds them.
_GATE_LOWER_RE = re.compile(rf"{_GATE_DIGITS}|(?<![a-z])(?:{_GATE_WORDS})(?![a-z])|{_alt(_CN_REL)}")


# A sentence without one of these holds no date: a digit or a Chinese word, else a word of time (case-blind)
_TRIGGER_CHEAP = r"\d|今|昨|前天|明[天日]"
_TRIGGER_WORDS = (
    "(?i:"
    + _alt(
        sorted(
            {k[:3] for k in _MONTHS}
            | {k[:3] for k in _WEEKDAYS}
            | {
                "today",
                "yesterday",
                "tomorrow",
                "tonight",
                "morning",
                "afternoon",
                "evening",
                "night",
                "month",
                "year",
                "ago",
            }
        )
    )
    + ")"
)
_TRIGGER_RE = regex.compile(f"{_TRIGGER_CHEAP}|{_TRIGGER_WORDS}")
_TRIGGER = Trigger.of(_TRIGGER_CHEAP, _TRIGGER_WORDS)

#: 'since mid-April': the prefix word stands before the 'mid-' that the span leaves out; 'the year ended in June',
#: 'the month ended on July 20': an 'in' or 'on' may stand between
_PREFIX_KIND_RE = regex.compile(r"(?i)(?<![\w-])(?P<p>" + _alt(_PREFIX_KINDS) + r")\s+(?:(?:in|on)\s+)?(?:mid-)?$")
_STRIP_PREFIX_RE = regex.compile(
    r"(?i)^(?:(?:on|in|at|by|during|the\s+(?:morning|afternoon|evening|night)\s+of|" + _alt(_PREFIX_KINDS) + r")\s+)+"
)
_GAP_RANGE_RE = regex.compile(r"(?i)^\s*(?:" + _alt(_W["range_connectors"]) + r")\s*$")
_GAP_AND_RE = regex.compile(r"(?i)^\s+and\s+$")
_FROM_RE = regex.compile(r"(?i)(?<![\w-])between\s+$")
_ASCII_LETTER = regex.compile(r"(?i)[a-z]")
_YEAR_BLOCK_BEFORE_RE = regex.compile(
    r"(?i)(?<![\w-])(?:" + _alt(_W["year_blockers_before"]) + r")\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?$"
)
_YEAR_BLOCK_AFTER_RE = regex.compile(r"(?i)\s*(?:" + _alt(_W["year_blockers_after"]) + r")(?![\w])")
_SMALL_NUM_CONTEXT_RE = regex.compile(r"(?i)(?:\(|(?<![\w-])(?:on|since|from|as\s+of|until|by|to|through|till)\s+)$")
_WD_BLOCK_RE = regex.compile(r"(?i)(?<![\w-])(?:" + _alt(_W["weekday_blockers_before"]) + r")\s+$")
_OF_AFTER_RE = regex.compile(r"(?i)\s+of(?!\w)")
_SAME_PERIOD_RE = regex.compile(r"(?i)(?:period|time|quarter)\s+$")
_BARE_MONTH_RE = regex.compile(rf"(?i)^{_MON}$")
_BARE_YEAR_RE = regex.compile(rf"^(?P<y>{_YEAR})$")
_DP_SANITY_RE = regex.compile(r"(?i)[$%¥€£]|\d+\.\d|billion|million|\bQ[1-4]\b|\bH[12]\b|\bFY")

# --------------------------------------------------------------------------- parsing

# A parsed mention, independent of the publication date (hashable, for caching):
#   ("abs", gran, year|None, month|None, day|None)   gran in day / month / year
#   ("rel_day", offset) ("rel_month", offset) ("rel_year", offset)
#   ("weekday", weekday 0..6, mode)   ("month_day", day of the month)
Parsed: TypeAlias = tuple[Any, ...]


def _month_of(tok: str | None) -> int | None:
    """Month number of a month word if it may be a month as written (case rule), else None."""
    if not tok:
        return None
    low = fold(tok).rstrip(".")
    num = _MONTHS.get(low)
    if num is None:
        return None
    if low in _MONTHS_NEED_CAPITAL and not tok[0].isupper():
        return None
    return num


def _valid(y: int | None, m: int, d: int) -> bool:
    """True if day d exists in month m (of year y, or of a leap year when y is unknown)."""
    try:
        _dt.date(y or 2024, m, d)
    except ValueError:
        return False
    return True


def _year2(tok: str) -> int:
    """Four-digit year from a 2- or 4-digit token."""
    v = int(tok)
    return v + 2000 if v < 100 else v


def _abs(gran: str, y: int | None, m: int | None = None, d: int | None = None) -> Parsed | None:
    """An absolute parsed date, or None if it does not exist."""
    if d is not None and (m is None or not _valid(y, m, d)):
        return None
    return ("abs", gran, y, m, d)


_ANY_DIGIT = regex.compile(r"\d")


def unreadable_digits(span: str) -> bool:
    """True if `span` holds a digit the `regex` engine knows but `int()` cannot read (one of a newer Unicode)."""
    return not span.isascii() and any(not ch.isdecimal() for ch in _ANY_DIGIT.findall(span))


def _parse_match(m: regex.Match[str], text: str) -> list[tuple[int, int, Parsed, DateKind | None]]:
    """Parsed pieces of one pattern match: (start, end, parsed, forced kind)."""
    branch = next(n for n in _BRANCH_NAMES if m.group(f"B_{n}") is not None)
    s, e = m.span(f"B_{branch}")
    g = m.group
    y: int | None
    if branch == "cn":
        y = int(g("y"))
        if g("d"):
            p = _abs("day", y, int(g("m")), int(g("d")))
        elif g("m"):
            p = _abs("month", y, int(g("m")))
        else:
            p = _abs("year", y)
        return [(s, e, p, None)] if p else []
    if branch == "cn_md":
        p = _abs("day", None, int(g("m")), int(g("d")))
        return [(s, e, p, None)] if p else []
    if branch == "cn_rel":
        return [(s, e, ("rel_day", _CN_REL[g("rel")]), None)]
    if branch == "iso":
        p = _abs("day", int(g("y")), int(g("m")), int(g("d")))
        return [(s, e, p, None)] if p else []
    if branch == "num":
        return _parse_numeric(m, s, e, text)
    if branch in ("mdr", "dmr"):
        mon = _month_of(g("mon"))
        if mon is None:
            return []
        y = int(g("y")) if g("y") else None
        d1, d2 = int(g("d1")), int(g("d2"))
        p1, p2 = _abs("day", y, mon, d1), _abs("day", y, mon, d2)
        if p1 is None or p2 is None or d2 <= d1:
            return []
        if g("pair") and d2 - d1 > _DAY_PAIR_SPAN:
            # 'on 3 and 17 May': two days, no span; the first keeps the month (and year) written after the second
            return [(s, m.end("d1"), p1, None), (m.start("d2"), e, p2, None)]
        # "January 12 to 15" -> "January 12" + "15"; "12-15 January" -> "12" + "15 January"
        return [(s, m.end("d1"), p1, "range_start"), (m.start("d2"), e, p2, "range_end")]
    if branch in ("mdy", "dmy", "dmy_dash"):
        mon = _month_of(g("mon"))
        if mon is None:
            return []
        p = _abs("day", int(g("y")) if g("y") else None, mon, int(g("d")))
        return [(s, e, p, None)] if p else []
    if branch == "nth":
        return [(s, e, ("month_day", int(g("nth"))), None)]
    if branch == "my":
        mon = _month_of(g("mon"))
        return [(s, e, ("abs", "month", int(g("y")), mon, None), None)] if mon else []
    if branch == "mon":
        mon = _month_of(g("mon"))
        return [(s, e, ("abs", "month", None, mon, None), None)] if mon else []
    if branch == "year":
        if _YEAR_BLOCK_BEFORE_RE.search(text, max(0, s - 40), s) or _YEAR_BLOCK_AFTER_RE.match(text, e, e + 20):
            return []
        return [(s, e, ("abs", "year", int(g("y")), None, None), None)]
    if branch == "wday":
        if not g("wday")[0].isupper() or (not g("wmod") and _WD_BLOCK_RE.search(text, max(0, s - 10), s)):
            return []
        mod = phrase_key(g("wmod") or "")
        return [(s, e, ("weekday", _WEEKDAYS[fold(g("wday"))], _WD_MODS[mod]), None)]
    if branch == "ago":
        n = fold(g("agon"))
        num = int(n) if n.isdigit() else _NUM_WORDS[n]
        return [(s, e, ("rel_day", -num * _AGO_UNITS[fold(g("agou"))]), None)]
    # branch == "rel"
    word = phrase_key(g("rel"))
    if word in _REL_DAYS:
        return [(s, e, ("rel_day", _REL_DAYS[word]), None)]
    if _SAME_PERIOD_RE.search(text, max(0, s - 12), s):
        return []  # "the same period last year" is a comparison, not a date
    if word in _REL_MONTHS:
        return [(s, e, ("rel_month", _REL_MONTHS[word]), None)]
    return [(s, e, ("rel_year", _REL_YEARS[word]), None)]


def _parse_numeric(m: regex.Match[str], s: int, e: int, text: str) -> list[tuple[int, int, Parsed, DateKind | None]]:
    """m/d, m/d/y, or d/m when the first number cannot be a month."""
    n1s, n2s, ny = m.group("n1"), m.group("n2"), m.group("ny")
    if m.group(0) in _NON_DATES or f"{n1s}/{n2s}" in _NON_DATES:
        return []
    n1, n2 = int(n1s), int(n2s)
    if 1 <= n1 <= 12 and 1 <= n2 <= 31:
        mon, day = n1, n2
    elif 13 <= n1 <= 31 and 1 <= n2 <= 12:
        mon, day = n2, n1
    else:
        return []
    if ny is None:
        if _OF_AFTER_RE.match(text, e):
            return []  # "1/3 of the market" is a fraction
        if len(n1s) == 1 and len(n2s) == 1:
            near_conn = _GAP_RANGE_RE.match(text[e : e + 3].rstrip() or " ") is not None
            if not (_SMALL_NUM_CONTEXT_RE.search(text, max(0, s - 12), s) or near_conn):
                return []
    p = _abs("day", _year2(ny) if ny else None, mon, day)
    return [(s, e, p, None)] if p else []


# --------------------------------------------------------------------------- resolution


def _pick_day(pub: _dt.date, m: int, d: int) -> _dt.date | None:
    """The year-choice rule for a day without a year (see module docstring)."""
    cands = []
    for y in range(pub.year - 4, pub.year + 2):  # four years back for February 29
        if _valid(y, m, d):
            cands.append(_dt.date(y, m, d))
    future = [c for c in cands if c > pub and (c - pub).days <= FUTURE_DAYS_WINDOW]
    if future:
        return min(future)
    past = [c for c in cands if c <= pub]
    return max(past) if past else None


def _pick_month(pub: _dt.date, m: int) -> tuple[int, int]:
    """The year-choice rule for a month without a year (see module docstring)."""
    start_this = _dt.date(pub.year, m, 1)
    if start_this <= pub:
        nxt = _dt.date(pub.year + 1, m, 1)
        if (nxt - pub).days <= FUTURE_MONTHS_WINDOW:
            return pub.year + 1, m
        return pub.year, m
    if (start_this - pub).days <= FUTURE_MONTHS_WINDOW:
        return pub.year, m
    return pub.year - 1, m


def _weekday(pub: _dt.date, wd: int, mode: str) -> _dt.date:
    """Resolve a weekday name by its modifier mode."""
    back = (pub.weekday() - wd) % 7
    if mode == "past_or_today":
        return pub - _dt.timedelta(days=back)
    if mode == "past":
        return pub - _dt.timedelta(days=back or 7)
    if mode == "this_week":
        return pub + _dt.timedelta(days=wd - pub.weekday())
    ahead = (wd - pub.weekday()) % 7
    return pub + _dt.timedelta(days=ahead or 7)


def _as_date(published: _dt.date | None) -> _dt.date | None:
    """A datetime's date (datetimes and dates do not compare), else the value unchanged."""
    return published.date() if isinstance(published, _dt.datetime) else published


@lru_cache(maxsize=65536)
def _resolve(p: Parsed, pub: _dt.date | None) -> str | None:
    """ISO value of a parsed mention given the publication date, or None (also for a date off the calendar)."""
    try:
        value = _resolve_on_calendar(p, pub)
    except (OverflowError, ValueError):  # 'March 3' near 0001-01-01 or 9999-12-31: no such year
        return None
    return value if value is None or _ON_CALENDAR.fullmatch(value) else None


#: a value the calendar holds: years 0001 to 9999
_ON_CALENDAR = regex.compile(r"(?!0000)\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _resolve_on_calendar(p: Parsed, pub: _dt.date | None) -> str | None:
    tag = p[0]
    if tag == "abs":
        _, gran, y, m, d = p
        if y is not None:
            if gran == "year":
                return f"{y:04d}"
            if gran == "month":
                return f"{y:04d}-{m:02d}"
            return f"{y:04d}-{m:02d}-{d:02d}"
        if pub is None:
            return None
        if gran == "month":
            yy, mm = _pick_month(pub, m)
            return f"{yy:04d}-{mm:02d}"
        day = _pick_day(pub, m, d)
        return day.isoformat() if day else None
    if pub is None:
        return None
    return _relative(tag, p, pub)


def _relative(tag: str, p: Parsed, pub: _dt.date) -> str | None:
    """A relative mention (a day, month or year offset, or a weekday) resolved against `pub`."""
    if tag == "rel_day":
        return (pub + _dt.timedelta(days=p[1])).isoformat()
    if tag == "rel_month":
        idx = pub.year * 12 + pub.month - 1 + p[1]
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    if tag == "rel_year":
        return f"{pub.year + p[1]:04d}"
    if tag == "weekday":
        return _weekday(pub, p[1], p[2]).isoformat()
    if tag == "month_day":
        return _month_day(pub, p[1])
    return None


def _month_day(pub: _dt.date, day: int) -> str | None:
    """The latest date on or before publication whose day of the month is `day` ('on the 7th')."""
    year, month = pub.year, pub.month
    for _ in range(12):
        if _valid(year, month, day) and _dt.date(year, month, day) <= pub:
            return _dt.date(year, month, day).isoformat()
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _has_year(p: Parsed) -> bool:
    """True if the parsed mention carries a written year."""
    return p[0] == "abs" and p[2] is not None


def _with_year(p: Parsed, year: int) -> Parsed:
    """The same absolute mention with a year filled in."""
    return ("abs", p[1], year, p[3], p[4])


def _link_ranges(text: str, pieces: list[list[Any]]) -> None:
    """Mark consecutive mentions joined by a range connector as range_start / range_end."""
    for a, b in itertools.pairwise(pieces):
        if a[3] is not None or b[3] is not None:
            continue
        gap = text[a[1] : b[0]]
        is_range = bool(_GAP_RANGE_RE.match(gap)) and len(gap) <= 12
        if not is_range and _GAP_AND_RE.match(gap) and _FROM_RE.search(text, max(0, a[0] - 10), a[0]):
            is_range = True
        if not is_range or a[2][0] != b[2][0]:
            continue
        a[3], b[3] = "range_start", "range_end"
        pa, pb = a[2], b[2]
        if pa[0] == "abs" and pb[0] == "abs":
            if not _has_year(pa) and _has_year(pb):
                start = _with_year(pa, pb[2])
                if pa[1] == pb[1] == "day" and (start[3], start[4]) > (pb[3], pb[4]):
                    start = _with_year(pa, pb[2] - 1)
                a[2] = start
            elif _has_year(pa) and not _has_year(pb):
                end = _with_year(pb, pa[2])
                if pa[1] == pb[1] == "day" and (pb[3], pb[4]) < (pa[3], pa[4]):
                    end = _with_year(pb, pa[2] + 1)
                b[2] = end


def find_dates(text: str, published: _dt.date | None) -> list[Located[ResolvedDate]]:
    """Find and resolve the date mentions of a sentence against its publication date."""
    pieces = _date_pieces(text)
    if not pieces:
        return []
    published = _as_date(published)
    out: list[Located[ResolvedDate]] = []
    for s, e, p, kind in pieces:
        value = _resolve(p, published)
        if value is None:
            continue
        if kind is None:
            kind = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"
        out.append(Located(s, e, ResolvedDate(value=value, text=text[s:e], kind=kind)))
    return out


@remembered
def _date_pieces(text: str) -> list[tuple[int, int, Parsed, DateKind | None]]:
    """(start, end, parsed, kind) of the date mentions of a sentence, ranges linked, before they are resolved; the
    kind a word before an unmarked mention gives ('fiscal year 2025'), else None (the resolved value tells)."""
    low = lowered(text) if text else None
    if not text or not _TRIGGER.found(text, low):
        return []
    pieces: list[list[Any]] = []
    matches = scan(_DATE_RE, _GATE_RE, text) if low is None else scan(_DATE_RE, _GATE_LOWER_RE, text, gate_text=low)
    for m in matches:
        if unreadable_digits(m.group()):
            continue
        for s, e, p, kind in _parse_match(m, text):
            pieces.append([s, e, p, kind])
    if not pieces:
        return []
    _link_ranges(text, pieces)
    out: list[tuple[int, int, Parsed, DateKind | None]] = []
    for s, e, p, kind in pieces:
        if kind is None:
            pk = _PREFIX_KIND_RE.search(text, max(0, s - 30), s)
            if pk:
                kind = _PREFIX_KINDS[phrase_key(pk.group("p"))]
        out.append((s, e, p, kind))
    return out


# --------------------------------------------------------------------------- single spans


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    """Import dateparser lazily: it is only needed for spans the rules cannot read."""
    import dateparser

    return dateparser


@lru_cache(maxsize=512)
def _dp_settings(published: _dt.date | None) -> dict[str, Any]:
    """One fixed dateparser settings object per publication date."""
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = _dt.datetime(published.year, published.month, published.day)
    return settings


def _fallback(span: str, published: _dt.date | None) -> str | None:
    """dateparser on a span the rules did not read, if it looks like a date at all."""
    if published is None or len(span) > 40 or _DP_SANITY_RE.search(span):
        return None
    if not _TRIGGER_RE.search(span) or not _ASCII_LETTER.search(span):
        return None
    try:
        got = _dateparser().parse(span, languages=["en"], settings=_dp_settings(published))
    except (OverflowError, ValueError):  # a date relative to one at the calendar's ends
        return None
    return got.date().isoformat() if got else None


@lru_cache(maxsize=65536)
def resolve_date(span: str, published: _dt.date | None) -> str | None:
    """Resolve one candidate date span to YYYY-MM-DD / YYYY-MM / YYYY, or None."""
    published = _as_date(published)
    core = _STRIP_PREFIX_RE.sub("", span.strip())
    if not core:
        return None
    bm = _BARE_MONTH_RE.match(core)
    if bm:
        mon = _month_of(bm.group("mon"))
        return _resolve(("abs", "month", None, mon, None), published) if mon else None
    by = _BARE_YEAR_RE.match(core)
    if by:
        return by.group("y")
    m = _DATE_RE.fullmatch(core)
    if m is not None:
        pieces = _parse_match(m, core)
        if not pieces:
            return None
        return _resolve(pieces[0][2], published)
    return _fallback(core, published)
