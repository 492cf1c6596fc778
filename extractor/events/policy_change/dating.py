"""The day a measure was issued: not the day it takes effect or runs to, and for news told without a day, the day the
article reports it on."""

from __future__ import annotations

import datetime as dt
from functools import cache

import regex

from extractor.contract import Located
from extractor.events.common import NOT_EVENT_DATES, closing_day, event_date
from extractor.facts.analysis import ArticleView, Facts, is_dateline
from extractor.facts.dates import ResolvedDate
from extractor.facts.lexicon import phrases, roles, words
from extractor.facts.patterns import alternation

#: how many days before publication a day the article reports a measure on may lie
REPORT_DAYS = 7
#: how many characters before a date a word that puts it in force may stand ('effective from the end of | June')
IN_FORCE_REACH = 40
#: how many characters before a date 'after' and a gerund may open the phrase it stands in ('after suspending them in
#: July in the wake of a rout that began in | June')
AFTER_ACT_REACH = 100
#: how many earlier sentences of its paragraph may date a measure its own sentence does not
PARAGRAPH_REACH = 6


@cache
def _in_force_before() -> regex.Pattern[str]:
    """'until ', 'effective ', 'extended to the end of ': a word (words.json in_force_before) that makes the date
    after it the day a measure takes effect or runs to, an anchor ('the end of') allowed between them."""
    table = words("policy_change")
    opening = alternation(table["in_force_before"], space=r"\s++")
    anchors = alternation(table["in_force_anchors"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{opening})\s++(?:the\s++)?(?:(?:{anchors})\s++(?:the\s++)?)?$")


@cache
def _background_before() -> regex.Pattern[str]:
    """'since the bank cut the policy rate | ', 'after earlier cuts in | ': a words.json background_before word opening
    the phrase a date stands in, no comma or clause mark between them."""
    openers = alternation(words("policy_change")["background_before"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{openers})\b[^,;:.!?()]*+$")


#: 'after suspending them in | ', 'after cutting rates on | ': 'after' and a gerund, no clause mark before the date
_AFTER_ACT = regex.compile(r"(?i)\bafter\s++\p{Ll}++(?<=ing)\b[^,;:.!?()]*+$")


def background(f: Facts, date: Located[ResolvedDate]) -> bool:
    """A date in a phrase of background ('the first cut since 2019', 'after earlier cuts in January', 'after
    suspending them in July': an act told as done before): an earlier move or the start of a span, not the day of
    the measure reported."""
    return (
        _background_before().search(f.text, max(0, date.start - IN_FORCE_REACH), date.start) is not None
        or _AFTER_ACT.search(f.text, max(0, date.start - AFTER_ACT_REACH), date.start) is not None
    )


def _after(value: str, published: dt.date | None) -> bool:
    """A date later than the publication day (compared at the date's own precision): no day a measure was issued."""
    return published is not None and value > published.isoformat()[: len(value)]


def in_force(f: Facts, date: Located[ResolvedDate]) -> bool:
    """A date the measure takes effect on or runs to ('until May 2', 'effective Jan. 6', 'extended to December 31,
    2023', 'until May 2 | this year': a date right after such a date), or one later than publication: never the day
    it was issued."""
    if _after(date.item.value, f.published):
        return True
    if _in_force_before().search(f.text, max(0, date.start - IN_FORCE_REACH), date.start) is not None:
        return True
    before = [d for d in f.dates if d.end <= date.start and not f.text[d.end : date.start].strip(" ,")]
    return bool(before) and in_force(f, before[-1])


def _this_year(f: Facts, value: str) -> bool:
    """A bare year that is the year of publication ('in 2025' of a plan told in 2025): a period, no day of issue."""
    return f.published is not None and value == str(f.published.year)


def issue_date(f: Facts, lo: int, hi: int) -> str | None:
    """The first date in text[lo:hi] of the sentence that may be the day a measure was issued."""
    for d in f.dates:
        usable = d.item.kind not in NOT_EVENT_DATES and not _this_year(f, d.item.value)
        if lo <= d.start < hi and usable and not in_force(f, d) and not background(f, d):
            return closing_day(f, d)
    return None


#: ' and 21', '–21', ' to 31,': the second day of a span of days of one month written after its first ('held on May 20 and 21')
_LATER_DAY = regex.compile(r"\s*+(?:[-–—]|and|to)\s*+(?P<day>[0-3]?\d)(?!\d|\s*+(?:%|per|bps|basis|percent))\b")


def _closing_day(f: Facts, value: str, lo: int, hi: int) -> str:
    """'at its meeting held on May 20–21' -> the 21st: a measure decided over a span of days of one month is dated by
    its last day, when the decision was told; any other date as it is."""
    if len(value) != len("2024-01-01"):
        return value
    for d in f.dates:
        if not (lo <= d.start < hi and d.item.value == value):
            continue
        m = _LATER_DAY.match(f.text, d.end)
        if m is None:
            continue
        try:
            last = dt.date.fromisoformat(value).replace(day=int(m.group("day")))
        except ValueError:
            continue
        if last.isoformat() > value and not _after(last.isoformat(), f.published):
            return last.isoformat()
    return value


def measure_date(view: ArticleView, f: Facts, lo: int, hi: int) -> str | None:
    """The day a measure of the clause text[lo:hi] was issued: a date of the clause, else of its sentence, else of an
    earlier sentence of its paragraph ('the same day', 'today' as `event_date` reads them); a date it takes effect on
    or runs to is passed over."""
    spans = [(f, lo, hi), (f, 0, len(f.text))]
    spans += [(p, 0, len(p.text)) for p in view.paragraph_before(f.sentence.index, limit=PARAGRAPH_REACH)]
    for facts, a, b in spans:
        day = _usable(view, facts, a, b)
        if day is not None:
            return _closing_day(facts, day, a, b)
    return None


def _usable(view: ArticleView, f: Facts, lo: int, hi: int) -> str | None:
    """The date `event_date` reads in text[lo:hi] unless it is one the measure takes effect on, else the first date
    there that may be the day of issue."""
    told = event_date(view, f.sentence.index, lo, hi)
    if told is None or _this_year(f, told):
        return issue_date(f, lo, hi)
    if not any(d.item.value == told and (in_force(f, d) or background(f, d)) for d in f.dates if lo <= d.start < hi):
        return told
    return issue_date(f, lo, hi)


def report_day(view: ArticleView) -> str | None:
    """The first day, within a week before publication, that a sentence reporting a decision names, not in a
    dateline's place ('said in a
    statement late Friday', 'at its meeting held on 23 July', 'the notification put out on Friday'; words.json
    reporting_verbs and report_nouns): the day the article's news was told. Read once per article."""
    return view.kept("policy_report_day", lambda: _first_report_day(view))


def _first_report_day(view: ArticleView) -> str | None:
    published = view.article.published
    if published is None:
        return None
    reports = phrases("policy_change", "reporting_verbs")
    nouns = phrases("policy_change", "report_nouns")
    for f in view.facts:
        for d in f.dates:
            if len(d.item.value) != len("2024-01-01") or d.item.kind in NOT_EVENT_DATES or in_force(f, d):
                continue
            if d.item.value in view.datelines and is_dateline(f.text, d):
                continue  # 'SEOUL, May 6 (Yonhap) - the regulator said': the day of writing, not of the decision
            if not 0 <= (published - dt.date.fromisoformat(d.item.value)).days <= REPORT_DAYS:
                continue
            if reports.search(f.text) is not None or nouns.search(f.text) is not None:
                return d.item.value
    return None


def lead_act_day(view: ArticleView, f: Facts, action: str) -> str | None:
    """The day the article's lead (its first paragraph after the headline) tells an act of the same action on, a day
    within a week before publication ('The central bank on Sunday reduced the reserves banks must hold. ... The bank
    has decreased the reserve ratio by 100 basis points'): an undated measure told again after the lead is dated by
    the lead's day; None where the sentence is itself in the lead or the lead tells no such act on such a day."""
    published = view.article.published
    body = [g for g in view.facts if not g.sentence.headline]
    if published is None or not body or f.sentence.paragraph == body[0].sentence.paragraph:
        return None
    for lead in (g for g in body if g.sentence.paragraph == body[0].sentence.paragraph):
        if not any(hit[2] == action for hit in roles("policy_change", "actions").hits(lead.text)):
            continue
        day = issue_date(lead, 0, len(lead.text))
        if day is not None and len(day) == len("2024-01-01") and _within_report_days(day, published):
            return day
    return None


def _within_report_days(day: str, published: dt.date) -> bool:
    """A day (YYYY-MM-DD) no later than publication and at most REPORT_DAYS before it."""
    return 0 <= (published - dt.date.fromisoformat(day)).days <= REPORT_DAYS
