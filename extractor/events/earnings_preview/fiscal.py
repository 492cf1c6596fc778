"""Parts of a fiscal year that closes in another month than December: 'first half' of a company whose year runs to
March is April to September, labelled by its fiscal year ('H1 FY2024/25'), not the calendar half ('H1 2024')."""

from __future__ import annotations

import datetime as dt
from functools import cache

import regex

from extractor.contract import Located
from extractor.datafiles import load_json
from extractor.events.draft import Draft
from extractor.events.earnings_preview.model import EarningsPreviewFields
from extractor.events.earnings_preview.names import same_company
from extractor.facts.analysis import ArticleView, OrgRef
from extractor.facts.entities import resolve
from extractor.facts.lexicon import phrases
from extractor.facts.patterns import alternation
from extractor.facts.periods import CALENDAR_LABEL, month_end

_SIZE = {"H": 6, "Q": 3, "9M": 9}
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\bFY\d\d\b|'\d\d\b")


@cache
def _month_names() -> regex.Pattern[str]:
    months = alternation(load_json("date_words.json")["months"])
    return regex.compile(rf"(?i)(?<![a-z])(?:{months})(?![a-z])")


@cache
def _closing_statement() -> regex.Pattern[str]:
    """'the second quarter ended Dec 31, 2016', 'the third quarter ended March 31', 'the financial year ended June 30',
    'the year to March': a part of a year, named by its rank, or a year, with the month it closes in."""
    table = load_json("period_words.json")
    ordinals = alternation(table["ordinals"], space=r"[\s-]++")
    links = alternation(table["closing_links"], space=r"\s++")
    months = alternation(load_json("date_words.json")["months"])
    return regex.compile(
        rf"(?i)(?<![\w-])(?:(?P<ord>{ordinals})[\s-]++(?:(?:fiscal|financial)\s++)?(?P<part>quarter|half)(?:[\s-]++year)?"
        r"|(?<!half[\s-]++)(?:(?:fiscal|financial)\s++)?year)"
        rf"\s++(?:(?:that|which)\s++)?(?:{links})\s++(?:on\s++)?(?:the\s++)?(?:next\s++)?"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s++(?:of\s++)?)?(?P<mon>{months})(?![a-z])"
    )


@cache
def _closing_hint() -> regex.Pattern[str]:
    """A cheap look before the pattern: a sentence states a closing month only where a quarter, a half or a year is
    followed by a word that links it to its close ('quarter ended', 'year which ends', 'half-year to')."""
    links = alternation(load_json("period_words.json")["closing_links"], space=r"\s++")
    return regex.compile(rf"(?i)(?:quarter|half|year)\s++(?:(?:that|which)\s++)?(?:{links})(?![\w-])")


@cache
def _last_months() -> regex.Pattern[str]:
    """'January and February, the last two months of its fiscal year': the months named right before the words
    that call them the last of a year."""
    months = alternation(load_json("date_words.json")["months"])
    return regex.compile(
        rf"(?i)(?<![a-z])(?P<mon>{months})\s*+[,—–-]++\s*+(?:which\s++(?:are|is)\s++)?the\s++(?:final|last)\s++"
        r"(?:[\w-]++\s++)?months?\s++of\s++(?:its|the|their)\s++(?:(?:full|financial|fiscal|trading)\s++)?year(?![\w-])"
    )


def _last_months_stated(text: str) -> int | None:
    """The month a fiscal year closes in, where a sentence calls the months it names the year's last ('over January
    and February, the last two months of its trading year': February); None without such words."""
    if "months of" not in text:
        return None
    m = _last_months().search(text)
    return None if m is None else load_json("date_words.json")["months"][m.group("mon").casefold().rstrip(".")]


def _closing_month(m: regex.Match[str]) -> int:
    """The month a fiscal year closes in, from a statement of when one of its parts or the year itself closes."""
    table = load_json("period_words.json")
    month: int = load_json("date_words.json")["months"][m.group("mon").casefold().rstrip(".")]
    if m.group("ord") is None:
        return month
    rank: int = table["ordinals"][regex.sub(r"[\s-]++", " ", m.group("ord").casefold())]
    size = 3 if m.group("part").casefold() == "quarter" else 6
    return (month - rank * size - 1) % 12 + 1


@cache
def _fiscal_rank() -> regex.Pattern[str]:
    """'its fiscal second quarter', 'the second fiscal quarter': a quarter the article marks as the company's own."""
    ordinals = alternation(load_json("period_words.json")["ordinals"], space=r"[\s-]++")
    return regex.compile(
        rf"(?i)(?<![\w-])(?:fiscal[\s-]++(?P<ord>{ordinals})[\s-]++quarter|(?P<ord>{ordinals})[\s-]++fiscal[\s-]++quarter)"
    )


def _reported_rank_close(m: regex.Match[str], published: dt.date) -> int:
    """The month the fiscal year closes in, where a fiscal quarter named by its rank is the one that closed in the
    month before publication ('fiscal second quarter' in November: a quarter to October, a year to April); None
    where that is December or a month next to it: a calendar year as far as the article tells (December, which
    makes the article's closes ambiguous where another rank tells another: 'fiscal third quarter' reported in October,
    and an outlook for the 'fiscal fourth quarter')."""
    rank: int = load_json("period_words.json")["ordinals"][regex.sub(r"[\s-]++", " ", m.group("ord").casefold())]
    ended = (published.month - 2) % 12 + 1
    close = (ended + (4 - rank) * 3 - 1) % 12 + 1
    return 12 if close in CALENDAR_NEIGHBOURS else close


#: how far before a fiscal quarter's rank a word of outlook makes it a quarter to come, not one reported
OUTLOOK_REACH = 40
#: months too near December to tell a fiscal year apart from the calendar year by a quarter's reporting lag
CALENDAR_NEIGHBOURS = frozenset({11, 12, 1})


def stated_closes(view: ArticleView) -> list[tuple[int, list[OrgRef]]]:
    """The months an article says fiscal years close in ('its second quarter ended Dec 31, 2016': June; 'its fiscal
    second quarter' reported in November: April), each with the companies its sentence names; read once per
    article."""

    def build() -> list[tuple[int, list[OrgRef]]]:
        out: list[tuple[int, list[OrgRef]]] = []
        published = view.article.published
        for f in view.facts:
            if published is not None and "fiscal" in f.text.casefold():
                for m in _fiscal_rank().finditer(f.text):
                    outlook = phrases("earnings_preview", "outlook_nouns").search(
                        f.text, max(0, m.start() - OUTLOOK_REACH), m.start()
                    )
                    if outlook is None:  # 'its outlook for its fiscal third quarter': a quarter to come
                        out.append((_reported_rank_close(m, published), [c.item for c in f.companies]))
            out.extend((month, [c.item for c in f.companies]) for month in _closes_of_parts(f.text, f.periods))
            last = _last_months_stated(f.text)
            if last is not None:
                out.append((last, [c.item for c in f.companies]))
            if _closing_hint().search(f.text) is None or not f.periods:
                continue
            for m in _closing_statement().finditer(f.text):
                out.append((_closing_month(m), [c.item for c in f.companies]))
        return out

    return view.kept("earnings_stated_closes", build)


def _closes_of_parts(text: str, periods: list[Located[str]]) -> list[int]:
    """The months fiscal years close in, told by parts named by the month they end in where no calendar part ends
    ('the six-month period ended 31 August': a year to February)."""
    return [
        month
        for p in periods
        if (month := written_close(p.item, text[p.start : p.end])) is not None
        and _month_names().search(text, p.start, p.end)
    ]


def _stated_close(view: ArticleView, company: OrgRef) -> int | None:
    """The month the article says the company's fiscal year closes in, where that is not December: told in a sentence
    that names it, or that names no company; None when the article states none or several."""
    months = {
        month for month, named in stated_closes(view) if not named or any(same_company(c, company) for c in named)
    }
    return months.pop() if len(months) == 1 and 12 not in months else None


def year_end_month(view: ArticleView, draft: Draft[EarningsPreviewFields]) -> int | None:
    """The month the fiscal year of a draft's company closes in, where the gazetteer knows one other than December,
    else where the article states one ('for its second quarter ended Dec 31, 2016': June)."""
    if draft.subject is None:
        return None
    entity = resolve(draft.subject.text, view.gazetteer)
    known = view.gazetteer.entities.get(entity.canonical) if entity.known else None
    if known is not None and known.fiscal_year_end is not None:
        return known.fiscal_year_end
    return _stated_close(view, draft.subject)


def written_close(label: str, written: str) -> int | None:
    """The month a fiscal year closes in, told by a part named by the month it ends in where no calendar part ends
    ('the six months to September 30': a half of a year to March); None where a calendar part ends then."""
    m = CALENDAR_LABEL.match(label)
    part = m.group("kind") if m is not None else None
    named = _month_names().findall(written)
    if part is None or not named:
        return None
    months_in = 9 if part == "9M" else int(part[1]) * _SIZE[part[0]]  # from the year's start to the part's end
    last: int = load_json("date_words.json")["months"][named[-1].casefold().rstrip(".")]
    if last == months_in:
        return _counted_half_to_december(part, last, written)
    return (last - months_in - 1) % 12 + 1


@cache
def _months_counted() -> regex.Pattern[str]:
    """'six months', '6-month': a span counted in months (the counts of period_words.json)."""
    counts = alternation(list(load_json("period_words.json")["month_counts"]))
    return regex.compile(rf"(?i)(?<![\w-])(?P<n>{counts})[\s-]++months?(?![\w-])")


def _counted_half_to_december(part: str, last: int, written: str) -> int | None:
    """'the six months to December 31': a half counted in months that ends in December is the first half of a year to
    June (a company whose year ends in December reports that half in its full year, not as six months); None for
    another part ('second half', 'the quarter ended December')."""
    counted = _months_counted().search(written)
    if part != "H2" or last != 12 or counted is None:
        return None
    return 6 if load_json("period_words.json")["month_counts"][counted.group("n").casefold()] == 6 else None


def fiscal_label(kind: str, n: int, end_year: int) -> str:
    """'H1 FY2024/25': part `n` of the fiscal year closing in `end_year`; 'FY2025' for the whole year."""
    if kind == "FY":
        return f"FY{end_year}"
    part = "9M" if kind == "9M" else f"{kind}{n}"
    return f"{part} FY{end_year - 1}/{end_year % 100:02d}"


def relabel(label: str, written: str, close_month: int, published: dt.date | None) -> str | None:
    """The fiscal label of a calendar label, for a company whose year closes in `close_month`, or None to keep it.

    A part named by its months ('the six months ended 30 September 2024', 'the quarter ended December 29') is the
    fiscal part that ends then; a part named by its rank with no year ('the first half', 'its fiscal third quarter',
    'full-year') is that part of the fiscal year whose part ends nearest publication. A year written beside a rank
    ('first half of 2024', 'fiscal 2016') is left as written: companies number their fiscal years differently.
    """
    m = CALENDAR_LABEL.match(label)
    if m is None:
        return None
    part = m.group("kind") or "FY"  # 'H1', 'Q3', '9M' or 'FY'
    kind = part if part in ("9M", "FY") else part[0]
    n = int(part[1]) if kind in ("H", "Q") else 1
    year = int(m.group("year"))
    text = written
    named = [load_json("date_words.json")["months"][w.casefold().rstrip(".")] for w in _month_names().findall(text)]
    if named:
        if kind == "FY":
            return None  # 'the year ended March 31, 2022' is labelled by the rules already
        size = _SIZE[kind]
        months_in = (named[-1] - close_month) % 12 or 12  # from the fiscal year's start to the month the part ends
        if months_in % size:
            return None
        closes = year if close_month >= named[-1] else year + 1
        return fiscal_label(kind, months_in // size, closes)
    if _YEAR.search(text) or published is None:
        return None
    size = 12 if kind == "FY" else _SIZE[kind]
    count = 1 if kind == "9M" else n
    candidates = range(published.year - 1, published.year + 3)
    closes = min(candidates, key=lambda y: abs((month_end(y - 1, close_month + count * size) - published).days))
    return fiscal_label(kind, n, closes)


#: a fiscal label `fiscal_label` writes: 'H1 FY2024/25', '9M FY2016/17'
_FISCAL = regex.compile(r"^(?:(?P<kind>H|Q)(?P<n>[1-4])|(?P<nine>9M))\s++FY(?:19|20)\d\d/(?P<yy>\d\d)$")


def part_close(label: str, close_month: int) -> dt.date | None:
    """The last day of a fiscal part ('H1 FY2024/25' of a year to March: 2024-09-30), or None for another label."""
    m = _FISCAL.match(label)
    if m is None:
        return None
    count = 9 if m.group("nine") else int(m.group("n")) * _SIZE[m.group("kind")]
    closes = 2000 + int(m.group("yy"))
    return month_end(closes - 1, close_month + count)


def fiscal_parts(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """Relabel the periods of the drafts of companies whose fiscal year closes in another month than December; a
    label relabelled where its words are read is relabelled alike in the company's other drafts (read elsewhere)."""
    renamed: dict[tuple[str, str], str] = {}
    later: list[tuple[Draft[EarningsPreviewFields], str]] = []
    for d in drafts:
        label = d.fields.get("period")
        if label is None or "/" in label:
            continue
        written = _written(view, d, label)
        if written is None:
            written = _written_by_month(view, label)
        if written is None:
            if d.subject is not None:
                later.append((d, label))  # a period read in another sentence: relabelled as it is there
            continue
        close = year_end_month(view, d) or written_close(label, written)
        if close is None:
            continue
        new = relabel(label, written, close, view.article.published)
        if new is not None:
            renamed[d.subject.name, label] = new
            _set(d, new)
    for d, label in later:
        if (d.subject.name, label) in renamed:
            _set(d, renamed[d.subject.name, label])
    _year_of_its_parts(view, drafts)
    _parts_of_named_years(view, drafts)
    _year_running_past_new_year(view, drafts)
    _warned_year_just_closed(view, drafts)


@cache
def _ending_month() -> regex.Pattern[str]:
    """'the fiscal year ending June 30', 'its year ending 31 March': a year named by the month it ends in, no year."""
    months = alternation(load_json("date_words.json")["months"])
    return regex.compile(rf"(?i)(?<![\w-])ending\s++(?:on\s++)?(?:\d{{1,2}}\s++)?(?P<mon>{months})(?![a-z])")


def _warned_year_just_closed(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """A warning without a figure for 'the fiscal year ending June 30', given in the months after that day and before
    the year's results (`forward_year_days`), is of the year just closed, not of the one that has barely begun: the
    rules read 'ending' as a close still to come."""
    published = view.article.published
    if published is None:
        return
    reach = load_json("period_words.json")["forward_year_days"]
    for d in drafts:
        label = d.fields.get("period") or ""
        year = regex.fullmatch(r"FY((?:19|20)\d\d)", label)
        if year is None or d.fields.get("metrics") or d.subject is None:
            continue
        written = _written(view, d, label)
        ending = _ending_month().search(written) if written is not None and not _YEAR.search(written) else None
        if ending is None:
            continue
        month: int = load_json("date_words.json")["months"][ending.group("mon").casefold().rstrip(".")]
        closed = month_end(int(year.group(1)) - 1, month)
        if closed < published and (published - closed).days <= reach:
            _set(d, f"FY{int(year.group(1)) - 1}")


@cache
def _weeks_to() -> regex.Pattern[str]:
    """'in the 11 weeks to ', 'the six weeks ended ': a trading span counted in weeks, right before the day it ends."""
    links = alternation(load_json("period_words.json")["closing_links"], space=r"\s++")
    return regex.compile(rf"(?i)(?<![\w-])(?P<n>\d{{1,2}}|\p{{L}}++(?:-\p{{L}}++)?)[\s-]++weeks?\s++(?:{links})\s++$")


#: how long before the turn of the year a span of trading weeks may end and still be a year's part running over it
TURN_OF_YEAR_DAYS = 31


def _trading_over_new_year(view: ArticleView) -> bool:
    """Whether the article reports trading for a part of a year counted in weeks that ends at the turn of the year or
    after it, before publication ('in the 11 weeks to 13 January', 'the 17 weeks to 30 December', published in
    January): a company whose year closed at December reports its whole year then, so its year runs on."""
    published = view.article.published
    if published is None:
        return False
    whole = {k for k, v in load_json("period_words.json")["week_counts"].items() if v == 12}
    turn = dt.date(published.year - 1, 12, 31)
    for f in view.facts:
        for d in f.dates:
            span = _weeks_to().search(f.text, max(0, d.start - 40), d.start) if d.item.kind == "day" else None
            if span is None or span.group("n").casefold() in whole:
                continue
            day = _day(d.item.value)
            if day is not None and (turn - day).days <= TURN_OF_YEAR_DAYS and day <= published:
                return True
    return False


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _year_running_past_new_year(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """A year the article never writes in figures, read as the calendar year just closed ('full-year profit' in
    January: FY2017), is the one still running where the article reports a part of a year's trading, counted in
    weeks, up to the turn of the year or past it: a year to a later month, labelled by the year it closes in
    (FY2018)."""
    published = view.article.published
    if published is None:
        return
    closed = f"FY{published.year - 1}"
    labelled = [d for d in drafts if d.fields.get("period") == closed and d.subject is not None]
    if not labelled or any(str(published.year - 1) in f.text for f in view.facts):
        return
    if not _trading_over_new_year(view):
        return
    for d in labelled:
        if year_end_month(view, d) is None:
            _set(d, f"FY{published.year}")


def _year_of_its_parts(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """'cut its full-year outlook after reporting first-quarter profit' of a company whose year closes in March: the
    year written without its number is the one its reported part belongs to, where that is the next one."""
    years: dict[str, set[int]] = {}
    for d in drafts:
        m = _FISCAL.match(d.fields.get("period") or "")
        if m is not None and d.subject is not None:
            years.setdefault(d.subject.name, set()).add(2000 + int(m.group("yy")))
    for d in drafts:
        label = d.fields.get("period") or ""
        written = _written(view, d, label) if label.startswith("FY") and d.subject is not None else None
        if written is None or _YEAR.search(written):
            continue
        of_parts = years.get(d.subject.name, set())
        if len(of_parts) == 1 and (year := next(iter(of_parts))) == int(label[2:]) + 1:
            _set(d, f"FY{year}")


def _set(draft: Draft[EarningsPreviewFields], period: str) -> None:
    draft.fields["period"] = period
    draft.keys = {f"{draft.subject.name}|{period}"}


def _written(view: ArticleView, draft: Draft[EarningsPreviewFields], label: str) -> str | None:
    """The words of the period a draft's label was read from, in its sentences ('the first half'), if they are there."""
    for i in draft.sentences:
        f = view.facts[i]
        for p in f.periods:
            if p.item == label:
                return f.text[p.start : p.end]
    return None


def _written_by_month(view: ArticleView, label: str) -> str | None:
    """The words of the article's first period of this label named by the month it ends in ('for the six-month period
    ended 31 August 2023' above a list of figures), where a draft's own sentences do not write it."""
    for f in view.facts:
        for p in f.periods:
            if p.item == label and _month_names().search(f.text, p.start, p.end):
                return f.text[p.start : p.end]
    return None


#: what joins a part named by its rank to the fiscal year named right after it ('first half of FY 2019', 'H1 FY19')
_PART_OF = regex.compile(r"(?i)\s*+(?:of\s++(?:the\s++)?)?")


def _parts_of_named_years(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """'net profit for the first half of FY 2019' read as 'FY2019': the part of that fiscal year, labelled as a half of
    a split year ('H1 FY2018/19') where the calendar part of that rank and year had not closed by publication (a
    calendar year's 'H1 FY 2017' reported in July 2017 stays 'H1 2017')."""
    published = view.article.published
    for d in drafts:
        label = d.fields.get("period") or ""
        if published is None or not regex.fullmatch(r"FY(?:19|20)\d\d", label):
            continue
        part = _part_before_year(view, d, label)
        if part is None:
            continue
        m = CALENDAR_LABEL.match(part)
        kind = m.group("kind") if m is not None else None
        if kind is None or kind == "9M":
            continue
        year = int(label[2:])
        closes = month_end(year, int(kind[1]) * _SIZE[kind[0]])
        _set(d, f"{kind} {year}" if closes <= published else fiscal_label(kind[0], int(kind[1]), year))


def _part_before_year(view: ArticleView, draft: Draft[EarningsPreviewFields], label: str) -> str | None:
    """The label of a part named by its rank right before the words of a draft's fiscal year in its sentences ('first
    half' before 'of FY 2019'), or None."""
    for i in draft.sentences:
        f = view.facts[i]
        for before, p in zip(f.periods, f.periods[1:]):
            written = f.text[p.start : p.end].casefold()
            if p.item == label and "fy" in written and _PART_OF.fullmatch(f.text, before.end, p.start) is not None:
                return before.item
    return None
