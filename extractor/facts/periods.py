"""Fiscal and reporting periods ("FY2025", "1H25", "the first three quarters of 2024", "2025年上半年").

Normal forms: ``FY2025``, ``H1 2025``, ``H2 2025``, ``Q1 2025`` .. ``Q4 2025``, ``9M2024``.

Spans cover the words that make the period: "FY25", "first half of 2025", "Q1-Q3 2024",
"six months ended June 30, 2025" (or "ended 30 June 2025"), "the July-September quarter",
"for the year 2025", and for a year followed by a results word, the year and that word only:
"2025 earnings", "2025 annual", "2025 interim". A fiscal year named by the year it starts and
closing in the next ("fiscal 2025 ending next March") is named by the year it closes in (FY2026).

Periods written without a year ("the first half", "Q3", "annual net profit", "前三季度") take
the most recent such period that ended on or before the publication date, with calendar-year
periods (Q1 ends March 31, H1 June 30, 9M September 30, FY and H2 December 31; the companies
covered report on a December year end). Published 2025-04-24: "the first quarter" -> Q1 2025;
published 2025-02-26: "the first quarter" -> Q1 2024, "for the entire year" -> FY2024. Without
a publication date such periods are left out. "of this year" / "of last year" / 今年 / 去年 set
the year from the publication year directly (even for a period not yet ended). "annual <figure>"
("annual net profit") takes a year written within the same clause ("for 2025", "In 2025, ...")
before falling back on the publication rule. Two-digit years are 20xx.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from functools import cache, lru_cache

import regex

from extractor.datafiles import load_json
from extractor.facts.patterns import alternation

try:  # normal use: inside the extractor package
    from extractor.contract import Located
    from extractor.facts.casefold import fold, phrase_key
    from extractor.facts.dates import _as_date, unreadable_digits
    from extractor.facts.gated import Trigger, lower_form, lowered, scan
except ImportError:  # pragma: no cover - module imported on its own
    from extractor.contract import Located
    from extractor.facts.casefold import fold, phrase_key
    from extractor.facts.dates import _as_date, unreadable_digits
    from extractor.facts.gated import Trigger, lower_form, lowered, scan

__all__ = ["find_periods", "parse_period"]


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace or hyphen."""
    return alternation(words, space=r"[\s-]+", hyphen=r"[\s-]+")


_PW = load_json("period_words.json")
_MONTHS: dict[str, int] = load_json("date_words.json")["months"]
_ORDINALS: dict[str, int] = _PW["ordinals"]
_MONTH_COUNTS: dict[str, int] = _PW["month_counts"]
_WEEK_COUNTS: dict[str, int] = _PW["week_counts"]
_PERIOD_END: dict[str, list[int]] = _PW["period_end"]
_BY_MONTHS: dict[str, str] = _PW["by_months_and_end"]
_Q_RANGES: dict[str, str] = _PW["quarter_ranges"]
_YEAR_WORDS: dict[str, int] = _PW["year_words"]
_CN_SUFFIXES: dict[str, str] = _PW["cn_suffixes"]
_CN_YEAR_WORDS: dict[str, int] = _PW["cn_year_words"]

_Y4 = r"(?:19|20)\d{2}(?!\d)"
_ORD = _alt(_ORDINALS)
_MON = rf"(?P<mon>{_alt(_MONTHS)})(?![a-z])\.?"
_YEAR_ANY = rf"(?:\s*(?P<y>{_Y4})|'?(?P<yy>\d{{2}})(?!\d))"
_YEAR_OF = (
    rf"(?:[\s-]+(?:of\s+)?(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:year\s+)?(?P<y>{_Y4})"
    rf"|\s+of\s+(?P<yw>{_alt(_YEAR_WORDS)})(?!\w))?"
)
#: 'ended June 30, 2025', 'ending December 31', 'to June' (the year then comes from the publication date)
#: '... ended 30 June 2025' (the day first), '... ending next March' (the year then comes from the publication date),
#: '... that ended June' (a relative clause), '... to end-September', '... to the end of June' (the month's end)
_ENDED = (
    rf"\s+(?:(?:that|which)\s+)?(?:{_alt(_PW['closing_links'])})(?:-end[\s-]+|\s+(?:on\s+)?(?:the\s+)?(?:end(?:\s+of\s+|[\s-]+))?)(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?|next\s+)?"
    rf"{_MON}(?(d)|(?:\s+(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?)?)(?:,?\s+(?P<y>{_Y4}))?(?![\w-])"
)
#: 'the July-September quarter', 'April to December': a span of whole months, named by its count and last month
_MONTH_SPAN = (
    rf"(?P<mon0>{_alt(_MONTHS)})(?![a-z])\.?\s*+(?:-|–|—|to|through)\s*+{_MON}"
    rf"(?:\s+(?:quarter|period|half))?(?:,?\s+(?P<y>{_Y4}))?(?![\w-])"
)
_DASH = r"\s*(?:-|–|—|~|to)\s*"
#: 'Q1 FY 2017', 'H1 FY 2016': a part code and the year it is of, written with its 'FY' apart
_FY_OF = r"(?:\s+FY(?=\s+(?:19|20)\d\d(?!\d)))?"
#: 'the fiscal year ending February', 'the year to next March': a period still to end when it is written of
_ENDING = regex.compile(r"(?i)\b(?:ending|next)\b")
_B = r"(?<![\w.])"

#: 'between January and September': a span of whole months written with 'between ... and'
_MONTH_BETWEEN = (
    rf"(?<=between\s)(?P<mon0>{_alt(_MONTHS)})(?![a-z])\.?\s+and\s+{_MON}"
    rf"(?:\s+(?:quarter|period|half))?(?:,?\s+(?P<y>{_Y4}))?(?![\w-])"
)

#: where a span of months can start: a month, then a dash or 'to' and another month, or 'between' a month 'and'
#: another (a cheap gate for it)
_MONTH_SPAN_START = (
    rf"(?i:(?<![a-z])(?:{_alt(_MONTHS)})\.?\s*+(?:-|–|—|to|through)\s*+(?:{_alt(_MONTHS)})(?![a-z])"
    rf"|(?<=between\s)(?:{_alt(_MONTHS)})\.?\s+and\s+(?:{_alt(_MONTHS)})(?![a-z]))"
)

#: 'the 2024/25 financial year', 'FY2024|25', 'fiscal 2025-26': a fiscal year named by the two years it spans
_FY_SPLIT = (
    rf"(?P<fy0>{_Y4})\s*+[/|]\s*+(?P<fy1>(?:19|20)?\d{{2}})(?!\d)|(?P<fy0>{_Y4})[-–](?P<fy1>(?:19|20)?\d{{2}})(?![\d-])"
)
_FY_SPLIT_HEAD = r"(?:FY|(?:fiscal|financial)(?:\s+year)?)\s*+"
_FY_SPLIT_TAIL = r"\s+(?:financial|fiscal|business)(?:\s+year)?(?![\w-])"

_BRANCHES: list[tuple[str, str]] = [
    ("fy_split", rf"{_B}{_FY_SPLIT_HEAD}(?:{_FY_SPLIT})|{_B}(?:{_FY_SPLIT}){_FY_SPLIT_TAIL}"),
    ("cn", rf"(?:(?<!\d)(?P<y>{_Y4})年|(?P<cnrel>{_alt(_CN_YEAR_WORDS)}))(?P<cns>{_alt(_CN_SUFFIXES)})"),
    ("cn_bare", rf"(?<![\d年])(?P<cns>{_alt(_PW['cn_yearless'])})"),
    ("months_ended", rf"{_B}(?P<mc>{_alt(_MONTH_COUNTS)})[\s-]+months?(?:\s+period)?{_ENDED}"),
    ("weeks_ended", rf"{_B}(?P<wc>{_alt(_WEEK_COUNTS)})[\s-]+weeks?(?:\s+period)?{_ENDED}"),
    ("month_span", rf"{_B}{_MONTH_SPAN}"),
    ("month_between", _MONTH_BETWEEN),
    ("year_ended", rf"{_B}(?:(?:fiscal|financial)\s+)?year{_ENDED}"),
    ("quarter_ended", rf"{_B}quarter{_ENDED}"),
    ("half_ended", rf"{_B}half[\s-]+year{_ENDED}"),
    (
        "q_range",
        rf"{_B}(?:Q(?P<qa>[1-4]){_DASH}Q(?P<qb>[1-4])|(?P<qa>[1-4])Q{_DASH}(?P<qb>[1-4])Q)(?:\s+of)?{_YEAR_ANY}?(?!\w)",
    ),
    ("nine_m", rf"{_B}9M{_YEAR_ANY}(?!\w)"),
    ("nine_words", rf"{_B}first\s+(?:three|3)\s+quarters{_YEAR_OF}|{_B}first\s+(?:nine|9)\s+months{_YEAR_OF}"),
    ("six_words", rf"{_B}first\s+(?:six|6)\s+months{_YEAR_OF}(?![\w-])"),
    ("three_words", rf"{_B}first\s+(?:three|3)\s+months{_YEAR_OF}(?![\w-])"),
    ("months_of", rf"{_B}(?P<mc>nine|9|six|6)[\s-]month\s+(?:{_alt(_PW['months_of_nouns'])})(?![\w-])"),
    (
        "half_code",
        rf"{_B}(?:H(?P<h>[12])|(?P<h>[12])H){_FY_OF}{_YEAR_ANY}(?!\w)|{_B}(?P<y>{_Y4})\s*H(?P<h>[12])(?!\w)",
    ),
    ("half_words", rf"{_B}(?P<ord>first|second|1st|2nd)[\s-]+half(?:[\s-]+year)?{_YEAR_OF}(?![\w-])"),
    ("year_half", rf"{_B}(?P<y>{_Y4})\s+(?P<ord>first|second|1st|2nd)[\s-]+half(?![\w-])"),
    ("year_h1", rf"{_B}(?P<y>{_Y4})\s+(?:{_alt(_PW['h1_nouns'])})(?![\w-])"),
    (
        "interim_for",
        rf"{_B}(?:{_alt(_PW['h1_nouns'])})\s+(?:results|report|earnings|profit|revenue|performance|growth)(?:\s+(?:for|of)\s+(?:the\s+(?:year\s+)?)?(?P<y>{_Y4}))?(?!\w)",
    ),
    (
        "quarter_code",
        rf"{_B}(?:Q(?P<q>[1-4])|(?P<q>[1-4])Q){_FY_OF}{_YEAR_ANY}(?!\w)|{_B}(?P<y>{_Y4})\s*Q(?P<q>[1-4])(?!\w)",
    ),
    ("quarter_words", rf"{_B}(?P<ord>{_ORD})[\s-]+quarter{_YEAR_OF}(?![\w-])"),
    ("year_quarter", rf"{_B}(?P<y>{_Y4})\s+(?P<ord>{_ORD})[\s-]+quarter(?![\w-])"),
    ("quarter_bare", rf"{_B}Q(?P<q>[1-4])(?![\w-])"),
    ("last_quarter", rf"{_B}(?:last|previous|past)\s+quarter(?![\w-])(?!\s+of\b)"),
    (
        "current_quarter",
        rf"{_B}current\s+quarter(?![\w-])(?!\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?(?:year|{_Y4}))",
    ),
    ("half_bare", rf"{_B}H(?P<h>[12])(?![\w-])"),
    ("fy_code", rf"{_B}FY{_YEAR_ANY}(?!\w)"),
    (
        "fy_closing",
        rf"{_B}(?:fiscal|financial)(?:\s+year)?\s+(?P<fy>{_Y4})\s+(?:ending|ended|to)\s+(?:(?P<nx>next)\s+)?{_MON}(?:\s+(?P<y>{_Y4}))?(?![\w-])",
    ),
    (
        "fy_words",
        rf"{_B}(?:(?:fiscal|financial)(?:\s+year)?|(?:the\s+)?(?:full|entire|whole)[\s-]+year(?:\s+of)?|for\s+the\s+(?:(?:full|whole|entire)\s+)?year(?:\s+of)?)\s+(?P<y>{_Y4})",
    ),
    ("year_fy", rf"{_B}(?P<y>{_Y4})\s+(?:{_alt(_PW['fy_nouns'])})(?![\w-])"),
    ("annual", rf"{_B}annual\s+(?:{_alt(_PW['annual_nouns'])})(?![\w-])"),
    ("fy_bare", rf"{_B}(?:the\s+)?(?:full|entire|whole)[\s-]+(?:(?:fiscal|financial)\s+)?year(?![\w-])"),
]

_BRANCH_NAMES = [n for n, _ in _BRANCHES]
_PERIOD_RE = regex.compile("|".join(f"(?P<B_{n}>{p})" for n, p in _BRANCHES), regex.IGNORECASE)
_CASE_SENSITIVE = {"quarter_bare", "half_bare", "half_code", "quarter_code", "nine_m", "fy_code", "q_range"}

# Every match of _PERIOD_RE starts at a digit run, at one of these words or at a Chinese word.
_GATE_RE = regex.compile(
    r"\d+|(?i:(?<![a-z])(?:"
    + _alt(
        {
            "q",
            "h",
            "fy",
            "three",
            "six",
            "nine",
            "twelve",
            "fiscal",
            "financial",
            "the",
            "full",
            "entire",
            "whole",
            "for",
            "year",
            "quarter",
            "half",
            "annual",
            "last",
            "previous",
            "past",
            "current",
        }
        | {w.split()[0].split("-")[0] for w in list(_ORDINALS) + _PW["h1_nouns"]}
    )
    + r")(?![a-z]))|"
    + _MONTH_SPAN_START
    + "|"
    + _alt(list(_CN_YEAR_WORDS) + _PW["cn_yearless"])
)
# A sentence without one of these holds no period: a digit or a Chinese word, else a word or a span of months.
_TRIGGER = Trigger.of(
    r"\d|季|半年", rf"(?i:quarter|half|fiscal|financial|annual|year|interim|month)|{_MONTH_SPAN_START}"
)
# The gate for the lower-cased text in the standard engine (see `lowered`), several times faster
_GATE_LOWER_RE = lower_form(_GATE_RE)
_YEAR_AFTER_RE = regex.compile(
    rf"(?i)[^.;!?\n]{{0,40}}?(?<![\w-])(?:for|in|of|during)\s+(?:the\s+(?:(?:fiscal|financial)\s+)?year\s+)?(?P<y>{_Y4})"
)
_YEAR_BEFORE_RE = regex.compile(rf"(?i)(?<![\w-])(?:in|for|during)\s+(?P<y>{_Y4})[^.;!?\n]*$")


def _ended_year(kind: str, published: _dt.date, end: tuple[int, int] | None = None) -> int:
    """Year of the latest period of this kind (ending on `end`, else its usual day) that ended on or before publication."""
    m, d = end or _PERIOD_END[kind]
    return published.year if _dt.date(published.year, m, d) <= published else published.year - 1


def _nearest_year(kind: str, published: _dt.date, end: tuple[int, int] | None = None) -> int:
    """Year of the period of this kind (ending on `end`, else its usual day) whose end lies nearest publication."""
    m, d = end or _PERIOD_END[kind]
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda y: abs((_dt.date(y, m, d) - published).days))


@cache
def _forward() -> regex.Pattern[str]:
    """A word of guidance or forecast."""
    return regex.compile(rf"(?i)(?<![\w-])(?:{_alt(_PW['forward_words'])})(?![\w-])")


#: the kind of 'last quarter': the calendar quarter closed last before publication
_LAST_QUARTER = "last quarter"


def _last_quarter(published: _dt.date) -> str:
    """The label of the calendar quarter that closed last before `published` ('last quarter' on 11 January 2021:
    Q4 2020)."""
    current = (published.month - 1) // 3 + 1
    return f"Q4 {published.year - 1}" if current == 1 else f"Q{current - 1} {published.year}"


#: the kind of 'the current quarter': the one running at publication in a forecast, else the one just reported
_CURRENT_QUARTER = "current quarter"


def _running_quarter(published: _dt.date) -> str:
    """The label of the calendar quarter running on `published` ('sales for the current quarter are forecast at ...'
    on 8 August 2024: Q3 2024)."""
    return f"Q{(published.month - 1) // 3 + 1} {published.year}"


def _fmt(kind: str, year: int) -> str:
    """Normal form of a period kind and year."""
    if kind in ("FY", "9M"):
        return f"{kind}{year}"
    return f"{kind} {year}"


#: a label `_fmt` writes for a calendar period: 'H1 2025', 'Q3 2025', '9M2024', 'FY2025'
CALENDAR_LABEL = regex.compile(r"^(?:(?P<kind>H[12]|Q[1-4]|9M)\s*+|FY)(?P<year>(?:19|20)\d\d)$")


def month_end(year: int, month: int) -> _dt.date:
    """The last day of a month; a month past 12 runs on into the next years (month 13 is January of the next)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return _dt.date(year + (month == 12), month % 12 + 1, 1) - _dt.timedelta(days=1)


def period_close(label: str | None) -> _dt.date | None:
    """The last day of a calendar period label ('H1 2025': 2025-06-30); None for a fiscal year's part
    ('H1 FY2024/25') or no label."""
    m = CALENDAR_LABEL.match(label or "")
    if m is None:
        return None
    month, day = _PERIOD_END[m.group("kind") or "FY"]
    return _dt.date(int(m.group("year")), month, day)


def _fiscal_year_end(m: regex.Match[str]) -> tuple[int, int] | None:
    """(month, day) a 'year ended/to March' closes on, for a fiscal year not ending in December."""
    g = m.groupdict()
    twelve = (m.group("B_months_ended") is not None and _MONTH_COUNTS.get(fold(g.get("mc") or "")) == 12) or (
        m.group("B_weeks_ended") is not None and _WEEK_COUNTS.get(fold(g.get("wc") or "")) == 12
    )
    if (m.group("B_year_ended") is None and m.group("B_fy_closing") is None and not twelve) or not g.get("mon"):
        return None
    month = _MONTHS[fold(g["mon"]).rstrip(".")]
    last = month_end(2001, month).day  # 2001: no leap day
    return month, min(int(g["d"]), last) if g.get("d") else last


def _running_year(published: _dt.date, end: tuple[int, int] | None = None) -> int:
    """Year of the fiscal year a forecast written without its number is of: the one just closed within
    `forward_year_days` of its close (ending on `end`, else December 31), else the one running."""
    closed = _ended_year("FY", published, end)
    m, d = end or _PERIOD_END["FY"]
    recent = (published - _dt.date(closed, m, d)).days <= _PW["forward_year_days"]
    return closed if recent else closed + 1


def next_year(kind: str, published: _dt.date, end: tuple[int, int] | None = None) -> int:
    """Year of the first period of this kind (ending on `end`, else its usual day) ending on or after publication."""
    m, d = end or _PERIOD_END[kind]
    return published.year if _dt.date(published.year, m, d) >= published else published.year + 1


def _kind_and_year(m: regex.Match[str], text: str) -> tuple[str | None, int | None, int | None]:
    """(kind, written year, publication-year offset) of one match; kind None to drop it."""
    branch = next(n for n in _BRANCH_NAMES if m.group(f"B_{n}") is not None)
    if branch in _CASE_SENSITIVE and m.group(f"B_{branch}")[0:2].upper() != m.group(f"B_{branch}")[0:2]:
        return None, None, None
    g = m.groupdict()
    year: int | None = None
    if g.get("y"):
        year = int(g["y"])
    elif g.get("yy"):
        year = 2000 + int(g["yy"])
    offset: int | None = None
    if g.get("yw"):
        offset = _YEAR_WORDS[phrase_key(g["yw"])]
    if branch in ("cn", "cn_bare"):
        if g.get("cnrel"):
            offset = _CN_YEAR_WORDS[g["cnrel"]]
        return _CN_SUFFIXES[g["cns"]], year, offset
    if branch in ("month_span", "month_between"):
        first, last = (_MONTHS[fold(g[k]).rstrip(".")] for k in ("mon0", "mon"))
        return _BY_MONTHS.get(f"{(last - first) % 12 + 1}/{last}"), year, None
    if branch == "fy_split":
        first, last = int(g["fy0"]), int(g["fy1"])
        closing = last if last >= 100 else first // 100 * 100 + last
        return ("FY", closing, None) if closing == first + 1 else (None, None, None)
    if branch == "fy_closing":
        # 'fiscal 2025 ending next March': the year it closes in names it; 'fiscal 2025 ending March' stays 2025
        return "FY", year or (None if g.get("nx") else int(g["fy"])), None
    if branch in ("months_ended", "weeks_ended", "year_ended", "quarter_ended", "half_ended"):
        mon = _MONTHS[fold(g["mon"]).rstrip(".")]
        if branch == "year_ended":
            return "FY", year, None
        count = {
            "months_ended": _MONTH_COUNTS.get(fold(g["mc"]), 0) if g.get("mc") else 0,
            "weeks_ended": _WEEK_COUNTS.get(fold(g["wc"]), 0) if g.get("wc") else 0,
            "quarter_ended": 3,
            "half_ended": 6,
        }[branch]
        return _BY_MONTHS.get(f"{count}/{mon}"), year, None
    if branch == "q_range":
        return _Q_RANGES.get(f"{g['qa']}-{g['qb']}"), year, None
    if branch == "six_words":
        return "H1", year, offset
    if branch == "three_words":
        return "Q1", year, offset
    if branch == "months_of":  # 'nine-month profits': the months counted from the year's start
        return _BY_MONTHS.get(f"{_MONTH_COUNTS[fold(g['mc'])]}/{_MONTH_COUNTS[fold(g['mc'])]}"), year, None
    if branch in ("nine_m", "nine_words"):
        return "9M", year, offset
    if branch in ("half_code", "half_bare"):
        return f"H{g['h']}", year, offset
    if branch in ("half_words", "year_half"):
        return f"H{_ORDINALS[fold(g['ord'])]}", year, offset
    if branch in ("year_h1", "interim_for"):
        return "H1", year, None
    if branch in ("quarter_code", "quarter_bare"):
        return f"Q{g['q']}", year, None
    if branch == "last_quarter":
        return _LAST_QUARTER, None, None  # the quarter closed last before publication, see find_periods
    if branch == "current_quarter":
        return _CURRENT_QUARTER, None, None  # running if forecast, else the one reported, see find_periods
    if branch in ("quarter_words", "year_quarter"):
        return f"Q{_ORDINALS[fold(g['ord'])]}", year, offset
    if branch == "annual":
        s, e = m.span()
        after = _YEAR_AFTER_RE.match(text, e, min(len(text), e + 70))
        before = _YEAR_BEFORE_RE.search(text, max(0, s - 80), s)
        near = after or before
        if near is None or unreadable_digits(near.group("y")):
            return "FY", None, None
        return "FY", int(near.group("y")), None
    # fy_code, fy_words, year_fy, fy_bare
    return "FY", year, None


def find_periods(text: str, published: _dt.date | None) -> list[Located[str]]:
    """Find the fiscal/reporting periods of a sentence, normalised ('FY2025', 'H1 2025', ...)."""
    found, forward = _period_mentions(text)
    if not found:
        return []
    published = _as_date(published)
    out: list[Located[str]] = []
    for start, end, kind, year, offset, fiscal_end, ending in found:
        if kind in (_LAST_QUARTER, _CURRENT_QUARTER):
            if published is not None:
                running = (
                    kind == _CURRENT_QUARTER and forward
                )  # 'revenue of $1 billion in the current quarter': reported
                label = _running_quarter(published) if running else _last_quarter(published)
                out.append(Located(start, end, label))
            continue
        if year is None and published is not None and offset is not None:
            year = published.year + offset
        elif year is None and published is not None:
            if ending:
                year = next_year(kind, published, fiscal_end)  # 'the year ending March': still to end
            elif forward and kind == "FY":
                year = _running_year(published, fiscal_end)
            elif forward:
                year = _nearest_year(kind, published, fiscal_end)
            else:
                year = _ended_year(kind, published, fiscal_end)
        if year is None:
            continue
        out.append(Located(start, end, _fmt(kind, year)))
    return out


#: a period mention before it is dated: start, end, kind, written year, publication-year offset, the (month, day) a
#: fiscal year closes on, and whether it is still to end ('the year ending March')
_Mention = tuple[int, int, str, int | None, int | None, tuple[int, int] | None, bool]


@lru_cache(maxsize=8192)
def _period_mentions(text: str) -> tuple[tuple[_Mention, ...], bool]:
    """The period mentions of a sentence before they are dated, and whether it has a word of forecast (read only
    when a mention has neither a year nor an offset)."""
    if not text:
        return (), False
    low = lowered(text)
    if not _TRIGGER.found(text, low):
        return (), False
    found: list[_Mention] = []
    forward = False
    if low is not None and _GATE_LOWER_RE is not None:
        matches = scan(_PERIOD_RE, _GATE_LOWER_RE, text, gate_text=low)
    else:
        matches = scan(_PERIOD_RE, _GATE_RE, text)
    for m in matches:
        if unreadable_digits(m.group()):
            continue
        kind, year, offset = _kind_and_year(m, text)
        if kind is None:
            continue
        fiscal_end, ending = None, False
        if year is None and offset is None:
            fiscal_end = _fiscal_year_end(m)  # 'the year to March': a fiscal year closing in March
            ending = _ENDING.search(m.group()) is not None
            forward = forward or _forward().search(text) is not None
        found.append((m.start(), m.end(), kind, year, offset, fiscal_end, ending))
    return tuple(found), forward


@lru_cache(maxsize=16384)
def parse_period(text: str, published: _dt.date | None = None) -> str | None:
    """The normalised period of the first period mention in ``text``, or None."""
    found = find_periods(text, published)
    return found[0].item if found else None
