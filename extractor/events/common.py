"""Helpers the recognizers share: dates of sentences, clause bounds, signed figures."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TypeVar

import regex

from extractor.contract import Located, Money
from extractor.datafiles import load_json
from extractor.facts.analysis import REACTION_AFTER, ArticleView, Facts, is_dateline
from extractor.facts.dates import ResolvedDate
from extractor.facts.patterns import alternation

#: "since April" starts a period, "as of June 30" dates a figure and "the year ended December 31" closes a
#: reporting period: none is when the event happened
NOT_EVENT_DATES = ("since", "as_of", "period_end")
_RECENT = regex.compile(r"\b(?:recently|this month|earlier this month|in recent days|lately)\b", regex.I)
#: 'the same day', 'that day', 'on this historic trading day', 'that session': a day an earlier sentence named
_SAME_DAY = regex.compile(r"\b(?:the\s+same|that|this)\s+(?:[a-z]+\s+){0,2}?(?:day|session)\b", regex.I)
#: 'the' ending the text before a name: 'the Purchaser', 'the Group' (searched in a short window before it)
THE_BEFORE = regex.compile(r"(?i)\bthe\s++$")
T = TypeVar("T")
#: how many sentences back 'the same day' may look for its day
SAME_DAY_REACH = 8
_TODAY = regex.compile(
    r"\b(?:today|this morning|this afternoon|tonight|at the time of (?:reporting|writing)|as of press time|so far today)\b",
    regex.I,
)


def sentence_date(
    facts: Facts,
    lo: int = 0,
    hi: int | None = None,
    skip: tuple[str, ...] = NOT_EVENT_DATES,
    datelines: frozenset[str] = frozenset(),
    future: bool = True,
    lead_day: str | None = None,
    reactions: bool = True,
) -> str | None:
    """The first date written in text[lo:hi] of the sentence, of no kind in `skip`, or one implied by 'today'/'recently'.
    A day of the article's `datelines` in a dateline's place gives way to any other date there ('date 2016-10-05 The RBI
    cut the repo rate ... at its review on Tuesday': Tuesday), and where it is the only one, to the day the lead says
    the news was told (`lead_day`: 'BEIJING, Jan 29 (Reuters) - X said ...' then 'X said on Sunday'); without
    `future`, a date after publication is none (`after_publication`); without `reactions`, nor is the day of a reaction
    to the news ('shares rose this morning following the announcement late Monday': Monday)."""
    hi = len(facts.text) if hi is None else hi
    told = [
        d
        for d in facts.dates
        if lo <= d.start < hi
        and d.item.kind not in skip
        and (future or not after_publication(facts, d))
        and not told_before(facts, d)
        and (reactions or REACTION_AFTER.match(facts.text, d.end) is None)
    ]
    dates = [d for d in told if not (d.item.value in datelines and is_dateline(facts.text, d))]
    labelled = [d for d in dates if _LABEL.search(facts.text, max(0, d.start - LABEL_REACH), d.start) is not None]
    if dates and len(labelled) == len(dates):
        return None  # 'Date: 6 Aug. 2015, X to acquire Y': the day an item was posted, not that of its news
    dates = [d for d in dates if d not in labelled]
    if dates:
        return closing_day(facts, _day_over_month(dates))
    if told:
        return lead_day or told[0].item.value
    published = facts.published
    if published is not None:
        window = facts.text[lo:hi]
        if _TODAY.search(window):
            return published.isoformat()
        if _RECENT.search(window):
            return published.isoformat()[:7]
    return None


#: 'Date: ', 'Updated:' right before a date: a label of the day a text or an item was posted
_LABEL = regex.compile(r"(?i)\b(?:date|dated|updated|published|posted)\s*+[:：]\s*+$")
#: how many characters before a date its label may stand
LABEL_REACH = 14


def _day_over_month(dates: list[Located[ResolvedDate]]) -> Located[ResolvedDate]:
    """The first date, or where it is a month or year, a later day of the sentence after it ('exercised its option in
    December and completed the purchase on Monday': Monday): the month tells a step before the day's news."""
    first = dates[0]
    if len(first.item.value) == len("2024-01-01"):
        return first
    return next(
        (d for d in dates[1:] if len(d.item.value) == len("2024-01-01") and d.item.value > first.item.value), first
    )


#: how many characters before a date a word of background may open its phrase ('its previous guidance given on')
BACKGROUND_REACH = 40


@cache
def _background() -> regex.Pattern[str]:
    """'previous guidance given on ', 'Earlier, on ': a word of date_words.json background_before opening the phrase a
    date stands in (no clause mark between, but a comma right after the word), not followed by a word of
    background_not_before ('earlier on Monday', 'earlier this week' tell the news)."""
    table = load_json("date_words.json")
    opener = alternation(table["background_before"], space=r"\s++")
    news = alternation(table["background_not_before"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{opener})\b(?!\s++(?:{news})\b)(?:\s*+,)?[^,;:.!?()]*+$")


@cache
def _background_clause() -> tuple[regex.Pattern[str], int]:
    """'comes after X inked orders worth $226 million in ': a word of date_words.json background_clause opening the
    clause a date stands in (no clause mark between; a decimal point is none), and how far back it may stand."""
    table = load_json("date_words.json")
    opener = alternation(table["background_clause"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{opener})\b(?:[^;:.!?()]|\.(?=\d))*+$"), table["background_clause_reach"]


def told_before(facts: Facts, date: Located[ResolvedDate]) -> bool:
    """A date in a phrase of background ('repeats its previous guidance given on March 3', 'Earlier, on the 10th, the
    regulator announced', 'The order comes after X signed agreements in November'): what came before the news, not its
    day."""
    if _background().search(facts.text, max(0, date.start - BACKGROUND_REACH), date.start) is not None:
        return True
    clause, reach = _background_clause()
    return clause.search(facts.text, max(0, date.start - reach), date.start) is not None


#: how many days a span of days may last to be dated by its last day ('the meeting held on 30 and 31 July')
CLOSING_SPAN_DAYS = 2


def closing_day(facts: Facts, date: Located[ResolvedDate]) -> str:
    """The value of a date, or for the start of a span of at most `CLOSING_SPAN_DAYS` days ('at its meeting held on
    March 18-19', 'on 30 and 31 July'), the span's last day: a meeting's decision is taken on its last day."""
    if date.item.kind != "range_start" or len(date.item.value) != len("2024-01-01"):
        return date.item.value
    end = next((d for d in facts.dates if d.start >= date.end), None)
    if end is None or end.item.kind != "range_end" or len(end.item.value) != len(date.item.value):
        return date.item.value
    days = (dt.date.fromisoformat(end.item.value) - dt.date.fromisoformat(date.item.value)).days
    return end.item.value if 0 < days <= CLOSING_SPAN_DAYS else date.item.value


#: how many days after publication a day may still be the news's: a time zone ahead ('announced on October 18' in a
#: report published on October 17 elsewhere)
TIME_ZONE_DAYS = 1


def after_publication(facts: Facts, date: Located[ResolvedDate]) -> bool:
    """A date later than the publication day (and a day more, `TIME_ZONE_DAYS`), compared at the date's own precision
    ('extended the offer to Sept. 4', 'will present the final figures on August 10th', 'through 2060'): what is yet to
    come, never the day of the news."""
    published = facts.published
    if published is None:
        return False
    latest = dt.date(published.year, published.month, published.day) + dt.timedelta(days=TIME_ZONE_DAYS)
    return date.item.value > latest.isoformat()[: len(date.item.value)]


@cache
def _told_on() -> regex.Pattern[str]:
    """'announced on ', 'said Monday': a word of a statement (date_words.json statement_words) right before a date."""
    told = alternation(load_json("date_words.json")["statement_words"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{told})\s++(?:on\s++(?:the\s++)?|late\s++|early\s++)?$")


#: 'that' opening the complement of a statement ('announced on the 17th that it signed ...')
_THAT = regex.compile(r"(?i)\bthat\b")


def act_day(facts: Facts, lo: int = 0, hi: int | None = None) -> str | None:
    """The day of the act a statement reports, where text[lo:hi] dates both ('announced on the 17th that it had
    signed the contract on the 15th': the 15th): a day right after a word of a statement, then 'that', then another
    day, no later than publication; else None."""
    hi = len(facts.text) if hi is None else hi
    days = [
        d
        for d in facts.dates
        if lo <= d.start < hi
        and d.item.kind not in NOT_EVENT_DATES
        and len(d.item.value) == len("2024-01-01")
        and not after_publication(facts, d)
    ]
    if len(days) < 2 or _told_on().search(facts.text, max(0, days[0].start - 30), days[0].start) is None:
        return None
    act = next((d for d in days[1:] if _THAT.search(facts.text, days[0].end, d.start)), None)
    return act.item.value if act is not None and act.item.value != days[0].item.value else None


def event_date(
    view: ArticleView,
    index: int,
    lo: int = 0,
    hi: int | None = None,
    skip: tuple[str, ...] = NOT_EVENT_DATES,
    reactions: bool = False,
) -> str | None:
    """The date text[lo:hi] of sentence `index` gives (see `sentence_date`: no dateline, nothing after publication, no
    day of a reaction unless `reactions`), 'the same day' being the day an earlier sentence names."""
    facts = view.facts[index]
    same = _SAME_DAY.search(facts.text)
    if same is not None and not _day_before(view, facts, same.start(), skip):
        for j in range(index - 1, max(-1, index - 1 - SAME_DAY_REACH), -1):
            day = sentence_date(view.facts[j], future=False)
            if day is not None and len(day) == 10:
                return day
    return sentence_date(facts, lo, hi, skip, view.datelines, future=False, lead_day=view.news_day, reactions=reactions)


def _day_before(view: ArticleView, facts: Facts, end: int, skip: tuple[str, ...]) -> bool:
    """The sentence names a day of its own before text[end:] ('released on Friday ... unveiled on the same day'):
    'the same day' after it is that day, not one of an earlier sentence; a dateline's day is none."""
    return any(
        d.end <= end
        and d.item.kind not in skip
        and len(d.item.value) == len("2024-01-01")
        and not (d.item.value in view.datelines and is_dateline(facts.text, d))
        for d in facts.dates
    )


#: how many opening sentences may be headlines naming the month a report covers
HEADLINE_REACH = 6


def headline_month(view: ArticleView) -> str | None:
    """The one month a report's opening headline names as all its date ('During May, M&A deals in the region were led
    by insurers', 'Regulatory roundup - May 2023'), no later than publication: the month of what it reports and
    dates no other way. A headline giving only the day of writing is passed over; one naming a day or two dates, none."""
    writing = view.datelines | {view.document_day}
    for f in view.facts[:HEADLINE_REACH]:
        if not f.sentence.headline:
            return None
        dates = [d for d in f.dates if d.item.kind not in NOT_EVENT_DATES and not after_publication(f, d)]
        values = {d.item.value for d in dates}
        if not values or values <= writing:
            continue
        month = values.pop()
        return month if not values and len(month) == len("2024-01") else None
    return None


def context_date(view: ArticleView, index: int) -> str | None:
    """A date from the sentence (`event_date`), else from an earlier sentence of its paragraph."""
    own = event_date(view, index)
    if own:
        return own
    for f in view.paragraph_before(index, limit=6):
        d = sentence_date(f)
        if d:
            return d
    return None


def clauses(facts: Facts) -> list[tuple[int, int]]:
    """Clause bounds of a sentence (computed once per sentence)."""
    return facts.clauses


def within(items: list[Located[T]], lo: int, hi: int) -> list[Located[T]]:
    """The located items that start in [lo, hi)."""
    return [m for m in items if lo <= m.start < hi]


def negated(money: Money) -> Money:
    """The same amount with its sign flipped (an outflow, a loss)."""
    low, high = money.low, money.high
    if low is not None and high is not None:  # a range already signed ('-85~-75 million') keeps its order
        low, high = sorted((abs(low), abs(high)))
    return money.model_copy(
        update={
            "value": -abs(money.value),
            "low": -abs(high) if high is not None else None,
            "high": -abs(low) if low is not None else None,
        }
    )


#: 'X and Y drew RMB 326 million and RMB 188 million respectively': figures paired with names in order
RESPECTIVELY = regex.compile(r"\brespectively\b", regex.I)


def occurrences(text: str, word: str, standalone: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of `word` in `text`, not overlapping; with `standalone`, only those with
    no letter or digit glued to either side."""
    out = []
    at = text.find(word) if word else -1
    while at >= 0:
        end = at + len(word)
        if not standalone or (
            (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        ):
            out.append((at, end))
        at = text.find(word, end)
    return out
