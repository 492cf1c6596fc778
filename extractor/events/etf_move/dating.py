"""The day of a fund's move: the day its sentence names, else one its paragraph named before it."""

from __future__ import annotations

import datetime as dt

import regex

from extractor.events.common import event_date
from extractor.facts.analysis import DATELINE_DAYS, DATELINE_REACH, ArticleView, Facts

#: dates that do not date a move: 'since March 2020' starts a span, 'the year ended June 30' closes a period
#: ('as of 10:13 on April 14' does: a fund's price, flows and size are read at a moment)
NOT_MOVE_DATES = ("since", "period_end")
#: how many sentences back the paragraph may date a move
PARAGRAPH_REACH = 6


def _named(view: ArticleView, f: Facts, hi: int | None = None) -> str | None:
    """The day (else the month or year) that f.text[:hi] names: a day wins over a coarser date ('which has gained
    20% so far this year, fell 1% on Thursday'), and the article's dateline opening the sentence gives way to any
    other date the sentence names ('date 2021-09-09 Shares of X saw high volume on Tuesday')."""
    dates = [
        d
        for d in f.dates
        if d.item.kind not in NOT_MOVE_DATES
        and (hi is None or d.start < hi)
        and not _SPAN_START.search(f.text, 0, d.start)
    ]
    if len(dates) > 1 and dates[0].start <= DATELINE_REACH and dates[0].item.value == view.dateline:
        dates = dates[1:]
    days = [d for d in dates if len(d.item.value) == 10]
    return (days or dates)[0].item.value if dates else None


#: 'since its', 'from their', 'dating back to' right before a date: the day a span starts ('up 43% from their July 6
#: lows', 'down 15.32%, dating back to last week, Nov. 16'), perhaps after the session it names ('down 0.4% from its
#: previous session of March 9'; not 'from the fund was on', a clause's verb)
_SPAN_START = regex.compile(
    r"\b(?:(?:since|from)\s++(?:its|their|the)(?:(?:\s+[\p{Ll}-]+){1,3}?\s+of)?"
    r"|dating\s++back\s++to(?:\s++[\w.]++){0,3}+,?)\s++$",
    regex.I,
)


def _span_starts(view: ArticleView, index: int) -> set[str]:
    """The dates sentence `index` names as the start of a span ('from its close of March 9')."""
    f = view.facts[index]
    return {d.item.value for d in f.dates if _SPAN_START.search(f.text, 0, d.start)}


def named_day(view: ArticleView, index: int) -> str | None:
    """The one day sentence `index` itself names for a move ('on Thursday'); None where it names none, or several
    ('rose 0.1% that day, rebounding from losses on Friday, Monday and Tuesday'), or a moment ('as of January 8':
    the day data were read at, not that of a move)."""
    days = {day for _, day in _days(view, index)}
    return days.pop() if len(days) == 1 else None


def _days(view: ArticleView, index: int) -> list[tuple[int, str]]:
    """(start, day) of the days sentence `index` names for a move, in order (no span's start, no dateline)."""
    f = view.facts[index]
    return [
        (d.start, d.item.value)
        for d in f.dates
        if d.item.kind == "day" and not _SPAN_START.search(f.text, 0, d.start) and d.item.value != view.dateline
    ]


def day_before(view: ArticleView, index: int, hi: int) -> str | None:
    """The last day sentence `index` names for a move before `hi`."""
    return next((day for start, day in reversed(_days(view, index)) if start < hi), None)


def day_after(view: ArticleView, index: int, lo: int) -> str | None:
    """The first day sentence `index` names for a move after `lo` ('ended Thursday -0.74% and has dropped 3.2% in
    pre-market trading for Friday morning': Friday, after the second figure)."""
    return next((day for start, day in _days(view, index) if start >= lo), None)


def move_date(view: ArticleView, index: int, hi: int | None = None) -> str | None:
    """The date of a move read from sentence `index` (up to `hi`): a day it names, else 'the same day' or 'today',
    else for a heading the day the first sentence under it names, else the month a monthly report's headline names
    where the sentence names it among others, else a coarser date it names, else a date named earlier in its
    paragraph, else the week the article opens by reporting, else the month a report's headline names, else the one
    day its headlines name, else the one day its first sentence names, else the article's dateline (a fund's move is news of the day the article reports), else
    'recently' (the month of publication)."""
    own = _named(view, view.facts[index], hi)
    if own is not None and _after_publication(view, own):
        own = None  # 'by 2027' in a report of 2026: a forecast's horizon
    if own is not None and len(own) == 10:
        return own
    implied = event_date(view, index, 0, hi, skip=NOT_MOVE_DATES, reactions=True)  # a fund's move is a reaction
    if implied is not None and implied in _span_starts(view, index):
        implied = None  # 'fell 0.3% from its last session of March 9': the day the move is measured from
    if implied is not None and len(implied) == 10:
        return implied
    heading = _day_under_heading(view, index)
    if heading is not None:
        return heading
    month = _month_reported(view)
    if month is not None and any(d.item.value == month for d in view.facts[index].dates):
        return month  # 'rebounded from RM638K in August to RM861K in September' in a report on September
    if own is not None and not _this_year(view, own):
        return own
    earlier = _paragraph_date(view, index)
    if earlier is not None and (own is None or len(earlier) > len(own)):
        return _month_of_the_year(view, earlier)
    found = _week_reported(view) or month or _headline_day(view) or _lead_day(view) or view.dateline
    return found or own or implied


def _after_publication(view: ArticleView, value: str) -> bool:
    """Whether a date begins after the article was published ('to top USD 20 billion by 2027' in a report of January
    2026): a horizon of a forecast, never the date of a move the article reports."""
    published = view.article.published
    return published is not None and value[:10] > published.isoformat()[: len(value)]


def _this_year(view: ArticleView, value: str) -> bool:
    """Whether a date is only the year of publication ('In 2022, A is -6.9%' in an article of April 2022): the year so
    far, up to the day the article reports, which a finer date of its text gives if any."""
    published = view.article.published
    return published is not None and value == str(published.year)


def _headline_day(view: ArticleView) -> str | None:
    """The one day the article's opening headlines name ('Bond Funds Bleed $2 Billion On Tuesday'): its undated
    figures are that day's."""
    days: set[str] = set()
    for f in view.facts[:OPENING_REACH]:
        if not f.sentence.headline:
            break
        days |= {
            d.item.value
            for d in f.dates
            if len(d.item.value) == 10 and d.item.kind not in NOT_MOVE_DATES and d.item.value != view.dateline
        }
    return days.pop() if len(days) == 1 else None


def _month_of_the_year(view: ArticleView, value: str) -> str:
    """A year, made the one month of it that the article's opening sentences name ('ETFs gathered $2 billion in March
    2018' opening a report whose later figure is dated 'during 2018': March 2018); any other date as it is."""
    if len(value) != len("2024"):
        return value
    months = {
        d.item.value
        for f in view.facts[:OPENING_REACH]
        for d in f.dates
        if len(d.item.value) == len("2024-01") and d.item.value.startswith(value) and d.item.kind not in NOT_MOVE_DATES
    }
    return months.pop() if len(months) == 1 else value


def _lead_day(view: ArticleView) -> str | None:
    """The one day the article's first sentence names ('Spot bitcoin funds broke their volume record on Monday'), no
    dateline, within a week before publication: the day of the news the article reports, its undated figures included."""
    first = next((f for f in view.facts[:OPENING_REACH] if not f.sentence.headline), None)
    if first is None:
        return None
    published = view.article.published
    days = {
        d.item.value
        for d in first.dates
        if d.item.kind == "day"
        and d.item.value != view.dateline
        and (published is None or 0 <= (published - dt.date.fromisoformat(d.item.value)).days <= DATELINE_DAYS)
    }
    return days.pop() if len(days) == 1 else None


def _paragraph_date(view: ArticleView, index: int) -> str | None:
    """The nearest day named earlier in the sentence's paragraph (for an item of a list, in the items above it), else
    the nearest coarser date ('plummeted on Friday ... Erdogan won reelection in June ... The ETF closed down 14.5%':
    Friday)."""
    before = view.paragraph_before(index, limit=PARAGRAPH_REACH) or _items_before(view, index)
    named = [d for f in before if (d := _named(view, f)) is not None]
    return next((d for d in named if len(d) == 10), named[0] if named else None)


#: a list item's mark at the start of its line ('  • ', '- ', '* ')
_ITEM_MARK = regex.compile(r"(?:^|\n)[ \t]*+[•*▪·\-–][ \t]*+$")


def _item(view: ArticleView, index: int) -> bool:
    """Sentence `index` opens a line as an item of a list."""
    start = view.sentences[index].start
    return _ITEM_MARK.search(view.article.text, max(0, start - 12), start) is not None


def _items_before(view: ArticleView, index: int) -> list[Facts]:
    """The items of a list right above item `index`, nearest first ('• X rose 9% on Thursday' over '• Y fell 0.7%':
    one day's moves listed), then the line ending in a colon that introduces the list."""
    out: list[Facts] = []
    j = index
    while _item(view, j) and j > 0 and len(out) < PARAGRAPH_REACH and _item(view, j - 1):
        j -= 1
        out.append(view.facts[j])
    if _item(view, j) and j > 0 and view.facts[j - 1].text.rstrip().endswith((":", "：")):
        out.append(view.facts[j - 1])  # 'The funds that gained on Tuesday:' introduces the list
    return out


def _day_under_heading(view: ArticleView, index: int) -> str | None:
    """The one day the paragraph under a heading names first, for a heading that names none ('Sprott Junior Copper
    Miners ETF Stock Up 1.7 %' above 'The ETF's stock traded up $0.39 during midday trading on Friday')."""
    if not view.facts[index].sentence.headline or view.facts[index].dates or index + 1 >= len(view.facts):
        return None
    return None if view.facts[index + 1].sentence.headline else named_day(view, index + 1)


def _month_reported(view: ArticleView) -> str | None:
    """The month a report's headline names as all its date ('Asia ETF Roundup (Industry) – May 2018', 'ETF
    Performance Report - September 2023'): its undated figures are that month's. A line giving only the day of
    writing ('Oct 4, 2018' over the title) is passed over."""
    writing = view.datelines | {view.document_day}
    for f in view.facts[:OPENING_REACH]:
        if not f.sentence.headline:
            break
        if f.dates:
            dates = {d.item.value for d in f.dates}
            if dates <= writing:
                continue
            month = dates.pop()
            return month if not dates and len(month) == 7 else None
    return None


#: how many opening sentences (headlines included) may name the week an article reports
OPENING_REACH = 6


def _week_reported(view: ArticleView) -> str | None:
    """The last day of the week an article opens by reporting ('ETF flows for the week ending Thursday, Sept. 27'):
    its undated figures are that week's; none where a day comes first ('as of 10:19 on 28 January, ... Over the past
    week ended 27 January')."""
    for f in view.facts[:OPENING_REACH]:
        for d in f.dates:
            if len(d.item.value) == 10 and d.item.kind not in NOT_MOVE_DATES and d.item.value != view.dateline:
                return d.item.value if d.item.kind == "week_ending" else None
    return None
