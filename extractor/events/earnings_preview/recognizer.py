"""Earnings previews: a company's figures for a period, stated ahead of or outside the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import regex
from typing_extensions import TypedDict

from extractor.contract import Located, Money, Percentage
from extractor.datafiles import load_json
from extractor.events.common import (
    NOT_EVENT_DATES,
    RESPECTIVELY,
    THE_BEFORE,
    clauses,
    event_date,
    negated,
    sentence_date,
    within,
)
from extractor.events.draft import Draft
from extractor.events.earnings_preview import candidates
from extractor.events.earnings_preview.fiscal import fiscal_parts, year_end_month
from extractor.events.earnings_preview.formal import drop_formal
from extractor.events.earnings_preview.fuller import fuller_change
from extractor.events.earnings_preview.minor import minor_amounts
from extractor.events.earnings_preview.model import EarningsPreviewFields, MetricFields
from extractor.events.earnings_preview.multiples import is_multiple, multiples
from extractor.events.earnings_preview.names import same_company
from extractor.events.earnings_preview.referring import apply_referred, refers_back
from extractor.events.earnings_preview.warnings import find_warning, may_warn, shared_warning
from extractor.events.roles import assign_roles
from extractor.facts.amounts import currency_codes
from extractor.facts.analysis import REACTION_AFTER, ArticleView, Facts, OrgRef, acting, company_key, is_source
from extractor.facts.lexicon import Hit, phrases, roles, words
from extractor.facts.names import not_name_words
from extractor.facts.patterns import alternation, untimed
from extractor.facts.periods import month_end, next_year

#: a bare year in a results sentence names a reporting or comparison period, not the day of the announcement
#: a year is a period, and so are the ends of a span ('from January to December 2023', 'between January and
#: September'): the months or days figures cover, not the day they were announced
ANNOUNCEMENT_SKIP = (*NOT_EVENT_DATES, "year", "range_start", "range_end")
_UNNAMED_SUBJECT = regex.compile(
    r"\b(?:a|an|one)\s++(?:[\w-]++\s++){0,4}?(?:company|companies|firm|drugmaker|biotech|developer|player|maker|manufacturer|enterprise)\b",
    regex.I,
)
_WHOLE_YEAR = regex.compile(r"\b(?:entire|full|whole)[ -]year\b|\bfor the year\b|\bannual\b|\bfull-year\b", regex.I)
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
YOY_LEFT, YOY_RIGHT = 28, 20
#: how many sentences back a preview without a company of its own looks for the company the article named
SUBJECT_REACH = 12
#: what may stand between two companies named together: 'A (600104.SH), B and C'
_TOGETHER = regex.compile(
    r"(?:\s*+[(（][^()（）]{1,24}[)）])?(?:\s*+,)?\s++(?:(?:and|&|as\s++well\s++as)\s++)?(?:the\s++)?|\s*+,\s*+"
)
#: 'sales of Carvykti', 'sales of its vaccines', 'Carvykti sales': a product's sales, not the company's revenue


@cache
def _product_sales() -> regex.Pattern[str]:
    """'sales of Carvykti', 'sales of its vaccines', 'Carvykti sales', 'its core product ... sales': a product's
    sales, not the company's revenue; 'sales of about $3 billion' (a qualifier, a figure) are the company's."""
    qualifiers = alternation(load_json("qualifiers.json")["prefix"], space=r"\s++")
    products = alternation(words("earnings_preview")["product_words"])
    return regex.compile(
        rf"\bsales\s++of\s++(?!\d|\p{{Sc}}|[A-Z]{{2,3}}\$|[A-Z]{{3}}\b|(?i:{qualifiers})\b|the\s++company\b)"
        r"(?:its\s++|their\s++|the\s++)?(?:\p{L}[\w-]*+)"
        r"|(?<=[a-z,]\s++)\p{Lu}[\w-]*+\s++(?:net\s++)?sales\b"
        rf"|\b(?:{products})\b[^.;]{{0,60}}?\bsales\b"
    )


#: one metric of an event: {metric, value, yoy_pct, yoy_pct_range}, and its end offset while being read


class _Metric(MetricFields, total=False):
    """A metric while its sentence is read: also where its figure ends."""

    _end: int


class _Change(TypedDict, total=False):
    """A change on a year earlier as read from a percentage, signed by the words around it."""

    yoy_pct: float | None
    yoy_pct_range: list[float] | None


def _with_sign(change: _Change, sign: float) -> _Change:
    """The change with the direction `sign` gives it (a list's first direction word speaks for every figure)."""
    out: _Change = {"yoy_pct": sign * abs(change.get("yoy_pct") or 0.0)}
    if "yoy_pct_range" in change:
        out["yoy_pct_range"] = sorted(sign * abs(v) for v in change["yoy_pct_range"] or [])
    return out


def _changed(name: str, change: _Change) -> _Metric:
    """A metric read from a change alone, without its value."""
    metric: _Metric = {"metric": name, "value": None}
    _apply(metric, change)
    return metric


def _apply(metric: _Metric, change: _Change) -> None:
    """Set a metric's change on a year earlier (and its range) to what `change` read."""
    if "yoy_pct" in change:
        metric["yoy_pct"] = change["yoy_pct"]
    if "yoy_pct_range" in change:
        metric["yoy_pct_range"] = change["yoy_pct_range"]


@cache
def _goal() -> regex.Pattern[str]:
    """A noun of goal right after a percentage: 'a 10 percent goal', 'its 5% growth target'."""
    nouns = alternation(words("earnings_preview")["goal_nouns"], space=r"\s++")
    return regex.compile(rf"(?i)\s++(?:{nouns})(?![\w-])")


#: how far before a percentage the outlook of a metric it is the rate of may start
GUIDED_REACH = 80


@cache
def _guided() -> regex.Pattern[str]:
    """A metric's outlook right before a figure: 'revenue guidance to', 'sales growth forecast for the year of about',
    'its revenue growth target for 2024 to approximately' (not 'EBITDA margin expectation at': a margin's)."""
    table = words("earnings_preview")
    metrics = alternation([w for name, ws in table["metrics"].items() if name not in table["non_metrics"] for w in ws])
    nouns = alternation([*table["outlook_nouns"], *table["goal_nouns"]], space=r"\s++")
    qualifiers = alternation(load_json("qualifiers.json")["prefix"], space=r"\s++")
    return regex.compile(
        rf"(?i)(?<![\w-])(?:{metrics})\s++(?:growth\s++)?(?:{nouns})(?![\w-])[^.;%\d]{{0,40}}?"
        rf"\s(?:to|at|of)\s++(?:(?:a|the)\s++range\s++of\s++)?(?:(?:{qualifiers})\s++|~\s*+)?$"
    )


def _guided_rate(text: str, p: Located[Percentage]) -> bool:
    """Whether a percentage is the rate a metric's outlook gives ('cut its revenue guidance to 1%-3.5%'): a change on a
    year earlier told as the outlook's figure, with no word of direction."""
    return _guided().search(text, max(0, p.start - GUIDED_REACH), p.start) is not None


def _directions(around: str) -> tuple[bool, bool]:
    """Whether a window around a change holds a word of fall and one of rise, the phrases that hold such a word but
    tell no direction left out ('to drop by up to 50 percent': a fall, 'up to' its bound)."""
    for m in phrases("earnings_preview", "not_direction_words").finditer(around):
        around = around[: m.start()] + " " * (m.end() - m.start()) + around[m.end() :]
    down = phrases("earnings_preview", "down_words").search(around) is not None
    return down, phrases("earnings_preview", "up_words").search(around) is not None


class EarningsRecognizer:
    """Metrics (revenue, net profit, EPS, ...) with their values, yoy changes and periods."""

    def extract(self, view: ArticleView) -> list[Draft[EarningsPreviewFields]]:
        """Drafts of earnings previews, one per company and period in a sentence."""
        drafts: list[Draft[EarningsPreviewFields]] = []
        metric_words = roles("earnings_preview", "metrics").phrases
        for f in view.facts:
            if metric_words.search(f.text) is not None or may_warn(f.text):
                previous = drafts[-1] if drafts else None
                if previous is not None and not self._continues(view, previous, f):
                    previous = None
                for lo, hi in clauses(f):
                    if metric_words.search(f.text, lo, hi) is None and find_warning(f, lo, hi) is None:
                        if drafts and refers_back(f.text, lo):  # 'This is between 25% and 35% lower than ...'
                            apply_referred(view, f.sentence.index, hi, drafts[-1], self._changes(f, lo, hi))
                        continue  # nothing of results in this clause
                    parts = self._segments(f, lo, hi)
                    if parts is None:
                        drafts.extend(self._read_clause(view, f, lo, hi, previous, drafts))
                    for a, b, group in parts or []:
                        drafts.extend(self._read_clause(view, f, a, b, previous, drafts, group))
            elif drafts and refers_back(f.text):  # 'This represents growth of 18% on the prior period'
                apply_referred(view, f.sentence.index, len(f.text), drafts[-1], self._changes(f, 0, len(f.text)))
        _inherit_periods(view, drafts)
        _forecasts_of_the_running_year(view, drafts)
        # a warning without a figure or a period ('X issued a profit alert on Monday') is told by the figures that
        # follow, read with their own period; with neither it tells nothing
        named = _name_the_unnamed(drafts)
        _name_the_defined(view, named)
        _warned_year(view, named)
        found = [d for d in drop_formal(view, named) if d.fields.get("metrics") or d.fields.get("period") is not None]
        fiscal_parts(view, found)
        return self.filter(view, found)

    def read_sentence(self, view: ArticleView, index: int) -> list[Draft[EarningsPreviewFields]]:
        """The drafts of one sentence the trained detector flags: its clauses read as `extract` reads them, else its
        company and period; only drafts with a company that the candidate filter keeps."""
        f = view.facts[index]
        drafts: list[Draft[EarningsPreviewFields]] = []
        for lo, hi in clauses(f):
            drafts.extend(self._read_clause(view, f, lo, hi, None, drafts))
        if not drafts:
            drafts = self._company_and_period(view, f)
        named = _name_the_unnamed(drafts)
        _name_the_defined(view, named)
        found = [
            d
            for d in drop_formal(view, named)
            if d.subject is not None and (d.fields.get("metrics") or d.fields.get("period") is not None)
        ]
        fiscal_parts(view, found)
        return self.filter(view, found)

    def _company_and_period(self, view: ArticleView, f: Facts) -> list[Draft[EarningsPreviewFields]]:
        """A preview without a metric word ('X issued its earnings guidance for the second quarter of 2019'): the
        sentence's first company (or the one 'it' stands for) and its period, when it has both."""
        named = _named(f)
        if named and _estimated_by_others(f.text, 0, named[0].start):
            return []  # 'A survey of 17 brokerages by Yonhap Infomax had expected ...': others' estimates
        hits = roles("earnings_preview", "metrics").hits(f.text)
        if phrases("earnings_preview", "passive_forecasts").search(f.text, 0, _anchor(hits)):
            return []  # 'Hyundai Motor was forecast to post ...': others' estimates of the company
        company = named[0].item if named else None
        # 'The company also expects ... from miner Sociedad Química': the subject 'it' stands for, not a later name
        if anaphor_in(f.text, 0, named[0].start if named else len(f.text)):
            company = self._last_subject(view, f.sentence.index, [])
        period = self._period(view, f, 0, len(f.text), 0) if company is not None and f.periods else None
        if company is None or period is None:
            return []
        fields: EarningsPreviewFields = {"company": _written(company), "period": period, "metrics": []}
        date = event_date(view, f.sentence.index, skip=ANNOUNCEMENT_SKIP)
        key = f"{company.name}|{period}"
        return [Draft("earnings_preview", fields, [f.sentence.index], date, f.sentence.headline, {key}, 2, company)]

    @staticmethod
    def filter(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> list[Draft[EarningsPreviewFields]]:
        """The drafts the fitted candidate model keeps (corpus/fit_candidates.py replaces this to read them all)."""
        return candidates.keep(view, drafts)

    @staticmethod
    def _segments(f: Facts, lo: int, hi: int) -> list[tuple[int, int, list[OrgRef]]] | None:
        """A clause with several companies' results (a round-up): (start, end, companies) for each company, or
        companies named together, owning the text up to the next; None when the clause speaks of one company.

        Companies named together ('Jiangling Motors (000550.SZ), Zhongtong Bus and Haima Motor') share the
        figures, or take one each with 'respectively'. Every part must carry a figure of its own: else the
        later names are no subjects of results ('Legend, which sells Carvykti with J&J, said sales ...').
        """
        named = [c for c in _named(f) if lo <= c.start < hi and not _RELATIVE_OPEN.search(f.text, 0, c.start)]
        # 'A, B's parent, said ...': a name owning something other than a metric describes another, listed with none
        named = [c for c in named if _POSSESSIVE.match(f.text, c.end) is None or _owns_metric(f.text, c.end)]
        if len(named) < 2:
            return None
        groups: list[list[Located[OrgRef]]] = [[named[0]]]
        for c in named[1:]:
            if _TOGETHER.fullmatch(f.text, groups[-1][-1].end, c.start):
                groups[-1].append(c)
            else:
                groups.append([c])
        bounds = [lo, *(g[0].start for g in groups[1:]), hi]
        parts = [(bounds[i], bounds[i + 1], [c.item for c in g]) for i, g in enumerate(groups)]
        figures = [x.start for x in f.amounts] + [x.start for x in f.percentages]
        if not all(any(a <= x < b for x in figures) for a, b, _ in parts):
            return None
        first = groups[0][-1]
        if (
            all(x < groups[0][0].start for x in figures if lo <= x < hi)
            and RESPECTIVELY.search(f.text, lo, hi) is None
            and acting().match(f.text, first.end) is None
        ):
            return (
                None  # names after every figure that do not report them: partners or peers ('... partnered with A, B')
            )
        return parts

    @staticmethod
    def _last_subject(view: ArticleView, index: int, earlier: list[Draft[EarningsPreviewFields]]) -> OrgRef | None:
        """The company 'it' or 'the company' means (looked up only when needed): the first named in the sentence
        right before, else that of the results read last, else the first named in the nearest earlier sentence
        that names one, within `SUBJECT_REACH` sentences ('Toshiba raised its forecast ... an analyst at BGC
        Partners wrote. ... The company kept its forecast for the year': Toshiba)."""
        if index and _named(view.facts[index - 1]):
            return _named(view.facts[index - 1])[0].item
        for d in reversed(earlier):
            if d.subject is not None and index - d.sentences[-1] <= SUBJECT_REACH:
                return d.subject  # type: ignore[no-any-return]
        for f in reversed(view.facts[max(0, index - SUBJECT_REACH) : index]):
            if _named(f):
                return _named(f)[0].item
        return article_subject(view)

    @staticmethod
    def _reporter(view: ArticleView, f: Facts, first_metric: int) -> OrgRef | None:
        """'X published its interim report on Tuesday. Revenue for the first half rose ...': the company the
        sentence before names as announcing results, for a sentence whose subject is the metric itself."""
        if f.text[:first_metric].strip().lower() not in ("", "the"):
            return None
        for before in view.paragraph_before(f.sentence.index, limit=1):
            if _named(before) and phrases("earnings_preview", "results_announcements").search(before.text):
                return _named(before)[0].item
        return None

    @staticmethod
    def _announced_on(view: ArticleView, f: Facts, company: OrgRef | None) -> str | None:
        """The date of an earlier sentence that names the company: 'X issued a profit alert on Monday. It expects ...'."""
        if company is None:
            return None
        for before in view.paragraph_before(f.sentence.index, limit=2):
            if any(REACTION_AFTER.match(before.text, d.end) for d in before.dates):
                continue  # 'Shares in X fell on Tuesday after ...': the day of a reaction, not of the news
            if any(c.item.name == company.name for c in _named(before)):
                return sentence_date(before, skip=ANNOUNCEMENT_SKIP)
        return None

    @staticmethod
    def _continues(view: ArticleView, previous: Draft[EarningsPreviewFields], f: Facts) -> bool:
        """The sentences right after a company's results go on about them: in the same paragraph, or the very next
        one in a paragraph of its own when it opens with a metric and names no company ('Revenue fell 3.5 percent
        to 20.1 trillion won.', a line 'Consolidated Sales: Approximately 60 trillion Korean won')."""
        last = previous.sentences[-1]
        if previous.subject is None or f.sentence.index - last > 2:
            return False
        same = view.sentences[last].paragraph == f.sentence.paragraph
        return same or (f.sentence.index - last == 1 and _opens_with_metric(f))

    def _read_clause(
        self,
        view: ArticleView,
        f: Facts,
        lo: int,
        hi: int,
        previous: Draft[EarningsPreviewFields] | None,
        earlier: list[Draft[EarningsPreviewFields]],
        group: list[OrgRef] | None = None,
    ) -> list[Draft[EarningsPreviewFields]]:
        """Drafts of the results in text[lo:hi]: of its company, or of each company of a round-up's `group`
        (`earlier`: the drafts read before)."""
        text = f.text
        hits = [h for h in roles("earnings_preview", "metrics").hits(text, lo, hi)]
        # 'CLP expects to report a loss for the first half': a preview without a figure
        qualitative = None if group else find_warning(f, lo, hi)
        if (not hits and qualitative is None) or phrases("earnings_preview", "deal_words").search(text, lo, hi):
            return []
        non_metrics = words("earnings_preview")["non_metrics"]
        if qualitative is None and all(h[2] in non_metrics for h in hits):
            return []  # 'registered HK$1.81 billion of short sales': a market's trading, no company's results
        anchor = _anchor(hits)
        first = anchor if anchor is not None else qualitative[0] if qualitative else lo
        if _estimated_by_others(text, lo, first):
            return []
        # no digit, no figure: the amounts and changes of the clause are not looked for
        metrics = (
            self._metrics(f, lo, hi, hits, minor_amounts(view, f, lo, hi))
            if hits and (_FIGURE_HINT.search(text, lo, hi) or multiples(text, lo, hi))
            else []
        )
        other_base = not metrics and qualitative is None and group is None and _forecast_on_another_base(f, lo, hi)
        if not metrics and qualitative is None:
            if not other_base:
                return []
            qualitative = (first, first)  # 'revenue is expected to grow 2% sequentially': a preview, no yoy figure
        if group is not None:
            each = self._respectively(f, lo, hi, hits, len(group))
            shares = each or [metrics] * len(group)
            return [
                d
                for company, own in zip(group, shares)
                for d in self._drafts(view, f, lo, hi, company, [(at, m.copy()) for at, m in own], previous, True)
            ]
        sharing = _sharing_subjects(f, lo, qualitative) if not metrics and qualitative is not None else []
        if sharing:
            return [d for c in sharing for d in self._drafts(view, f, lo, hi, c, [(first, None)], previous, True)]
        # 'LG also expected its sales at ...': the short name of a company named before, the clause's subject
        echoed = _echoed(view, f, lo, first) if not _named(f) else None
        company = echoed or self._company(f, lo, hi, first, lambda: self._last_subject(view, f.sentence.index, earlier))
        if _for_comparison(view, f, lo, first, company):
            return []  # 'By comparison, rival Acme booked ...': another company's figures, set beside the subject's
        if company is None and self._aggregate(text, framing_end(text, lo, first), first):
            return []  # 'industry-wide liquor revenue rose 12%': a sector's figures, no company's, whatever came before
        if company is None and previous is not None and not _UNNAMED_SUBJECT.search(text, 0, first):
            company = previous.subject
        if company is None and lo == 0:
            company = self._reporter(view, f, first)
        # 'X announced its guidance for the first quarter.' then lines 'Consolidated sales: about 55 trillion won'
        listed = company is None and lo == 0 and (company := _listed_under(view, f, hits)) is not None
        previewish = phrases("earnings_preview", "preview_words").search(text) is not None or bool(f.periods)
        if company is None and (not previewish or self._aggregate(text, framing_end(text, lo, first), first)):
            return []
        if company is None and not _UNNAMED_SUBJECT.search(text, 0, first):
            company = self._last_subject(view, f.sentence.index, earlier)  # the company the article last named
        anaphor = anaphor_in(text, lo, first)
        named_here = anaphor or any(lo <= c.start < hi for c in _named(f))
        if not metrics and (company is None or not (named_here or other_base)):
            return []  # a warning tells something without a figure only of a company it names, or calls 'the Group'

        read: list[tuple[int, _Metric | None]] = [*metrics] or [(first, None)]
        return self._drafts(view, f, lo, hi, company, read, previous, listed=listed)

    def _respectively(
        self, f: Facts, lo: int, hi: int, hits: list[tuple[int, int, str]], count: int
    ) -> list[list[tuple[int, _Metric]]] | None:
        """'... which saw net profit fall 87 percent, 86.93 percent and 70 percent, respectively': one change each."""
        if RESPECTIVELY.search(f.text, lo, hi) is None:
            return None
        pcts = _changes_in(f, lo, hi)
        first = next((i for i, p in enumerate(pcts) if self._is_change(f.text, p)), None)
        changes = pcts[first:] if first is not None else []  # the list goes on from the first change
        name = _metric_before(_changing(hits), changes[0].start, reach=hi - lo) if len(changes) == count else None
        if name is None:
            return None
        name = words("earnings_preview")["loss_metrics"].get(name, name)
        # the direction word before the list ('fall 87 percent, 86.93 percent ...') speaks for every figure of it
        sign = -1.0 if (self._signed(f.text, changes[0]).get("yoy_pct") or 0.0) < 0 else 1.0
        out: list[list[tuple[int, _Metric]]] = []
        for p in changes:
            change = _with_sign(self._signed(f.text, p), sign)
            out.append([(p.start, _changed(name, change))])
        return out

    def _drafts(
        self,
        view: ArticleView,
        f: Facts,
        lo: int,
        hi: int,
        company: OrgRef | None,
        metrics: list[tuple[int, _Metric | None]],
        previous: Draft[EarningsPreviewFields] | None,
        round_up: bool = False,
        listed: bool = False,
    ) -> list[Draft[EarningsPreviewFields]]:
        """One draft per period of the metrics, for one company (or none named); `round_up` for a part of a round-up,
        `listed` for a line of a list of figures under the sentence that announces them (an item, not a title)."""
        by_period: dict[str | None, list[_Metric]] = {}
        inherited = (
            (previous.fields.get("period"), previous.sentences[-1])
            if previous is not None and company is not None and _written(company) == previous.fields.get("company")
            else None
        )
        for position, metric in metrics:
            period = self._period(view, f, lo, hi, position, inherited, round_up)
            items = by_period.setdefault(period, [])
            if metric is not None:  # None: a preview without a figure, read for its period
                items.append(metric)
        out = []
        for period, items in by_period.items():
            fields: EarningsPreviewFields = {
                "company": _written(company) if company else None,
                "period": period,
                "metrics": _dedupe(items),
            }
            key = f"{company.name if company else ''}|{period}"
            date = event_date(view, f.sentence.index, skip=ANNOUNCEMENT_SKIP) or self._announced_on(view, f, company)
            out.append(
                Draft(
                    "earnings_preview",
                    fields,
                    [f.sentence.index],
                    date,
                    f.sentence.headline and not listed,
                    {key},
                    signals=len(items) + (company is not None) + (period is not None),
                    subject=company,
                )
            )
        return out

    def _metrics(
        self,
        f: Facts,
        lo: int,
        hi: int,
        hits: list[tuple[int, int, str]],
        minor: list[Located[Money]] | None = None,
    ) -> list[tuple[int, _Metric]]:
        """(position, metric) for every figure with a metric: values with their yoy, or yoy alone (`minor`: the
        clause's amounts written in minor units, read only as per-share figures)."""
        text = f.text
        minor = minor or []
        found = sorted([*within(f.amounts, lo, hi), *minor], key=lambda a: a.start)
        sources = phrases("earnings_preview", "estimate_sources")
        sourced = sources.search(text) is not None
        amounts = [
            a
            for before, a, after in zip([None, *found], found, [*found[1:], None])
            if (not _in_comparison(text, a.start, lo, hi) or _revised_to(text, before, a, lo, hi))
            and not _raised(text, a)
            and not _revised_from(text, a, after)
            and not _revised_from_after(text, before, a)
            and not _exchange_rate(text, a)
            and not _change_amount(text, a)
            and not _adjusted(text, a.start)
            and not _base_listed(text, before, a)
            # '..., and most analysts were modeling a loss of $0.15 per share': their estimate, not the company's
            and not (sourced and sources.search(text, before.end if before else lo, a.start) is not None)
        ]
        names = assign_roles(
            text,
            [(a.start, a.end) for a in amounts],
            roles("earnings_preview", "metrics"),
            left=90,
            right=20,
            lo=lo,
            hi=hi,
            right_weight=3.0,
            right_stops_at_comma=True,
        )
        names = _in_order(text, lo, hi, hits, amounts, names)
        loss_map = words("earnings_preview")["loss_metrics"]
        amount_only = words("earnings_preview")["amount_only_metrics"]
        per_share_of = words("earnings_preview")["per_share_metrics"]
        per_share_only = words("earnings_preview")["per_share_only_metrics"]
        out: list[tuple[int, _Metric]] = []
        previous: str | None = None
        used: set[int] = set()
        for m, name in zip(amounts, names):
            if name is None and not _other_role(text, m):
                pending = [h for h in hits if h[1] <= m.start and h[0] not in used]
                name = pending[-1][2] if pending else previous
            if name is not None:
                used.update(h[0] for h in hits if h[1] <= m.start and h[2] == name)
            if name is None or (name in amount_only and _other_loss(text, m, lo, hi)) or _other_amount(text, m, hits):
                continue
            if name in amount_only:
                name = _loss_of(text, m, hits, found) or name  # 'operating profit ... to a loss of': its loss
            previous = name
            value: Money = m.item
            if name in loss_map:
                name, value = loss_map[name], negated(value)
            restated = out[-1][1] if out and _OR.fullmatch(text, out[-1][1]["_end"], m.start) else None
            if restated is not None and restated["metric"] in per_share_of and _PER_SHARE.match(text, m.end):
                # 'a net loss of $39 million, or $0.21 per share': the same result per share, and of its sign
                name = per_share_of[restated["metric"]]
                value = negated(value) if restated["value"] is not None and restated["value"].value < 0 else value
            elif name in per_share_of and _PER_SHARE.match(text, m.end):
                name = per_share_of[name]  # '0.23 euros per share' of a profit: its earnings per share
            if name in words("earnings_preview")["non_metrics"] or name in per_share_only:
                continue  # a market's trading; 'earnings' of an amount not per share
            if m in minor and name not in words("earnings_preview")["minor_unit_metrics"]:
                continue  # cents alone are a per-share figure, else a price ('shares rose 27 cents')
            out.append((m.start, {"metric": name, "value": value, "yoy_pct": None, "_end": m.end}))
        changes: list[Located[Percentage]] = []
        pcts = _changes_in(f, lo, hi)
        respective = self._respective(text, lo, hi, hits, pcts)
        for p, after in zip(pcts, [*pcts[1:], None]):
            if p.start in respective:
                changes.append(p)  # 'revenue and net profit rose 12% and 20%, respectively': one for each
                continue
            if _revised_from(text, p, after):
                continue  # 'increasing the growth rate from 0.3% to 10.1%': the rate it went to is the change
            if _compared_change(text, p, lo):
                continue  # 'up from a prior 4% to 5%', 'against 3% a year before': the base, not the change
            if self._is_change(text, p) or (changes and _ELLIPSIS.search(text, max(lo, p.start - 3), p.start)):
                changes.append(p)  # 'revenue expanded 73% and net profit, 56%': the list goes on
        sign: float | None = None
        for p in changes:
            target = self._owner(out, p, changes, [a.start for a in found] + [h[0] for h in hits])
            if target is not None and _own_metric_before(text, hits, out, target, p):
                target = None  # 'sales to rise 6%, and EPS of $8.50': the change is the sales', not the EPS'
            change = self._signed(text, p)
            if not self._is_change(text, p) and sign is not None:
                change = _with_sign(change, sign)
            if p.start in respective and (listed := respective[p.start][1]) is not None:
                change = _with_sign(change, listed)  # the verb of the listed metrics signs each of their changes
            sign = -1.0 if (change.get("yoy_pct") or 0.0) < 0 else 1.0
            if target is not None:
                _apply(target, change)
                continue
            if _counted_before(text, _changing(hits), p.start, f.amounts):
                continue  # 'sales of 1,583,521, up 14% year on year': a volume's change, not the revenue's
            name = (
                (respective[p.start][0] if p.start in respective else None)
                or _metric_before(_changing(hits), p.start)
                or _metric_after(text, _changing(hits), p.end)
            )
            only = {h[2] for h in _changing(hits)}
            if (
                name is None
                and len(only) == 1
                and hits[0][1] <= p.start
                and not _BREAK.search(text, hits[0][1], p.start)
            ):
                name = only.pop()  # the clause's only metric, however far before the change, with no comma between
            if name is not None:
                for joined in [name, *_joined_before(text, _changing(hits), p.start, name)]:
                    joined = loss_map.get(joined, joined)
                    metric = _changed(joined, change)
                    metric["_end"] = p.end
                    out.append((p.start, metric))
        # a company's sales are its revenue, unless a product's, or the clause gives its revenue apart
        product = _product_sales().search(text, lo, hi) is not None or any(m["metric"] == "revenue" for _, m in out)
        for _, metric in out:
            metric.pop("_end", None)
            if metric["metric"] == "sales" and not product:
                metric["metric"] = "revenue"  # 'sales of 79 trillion won', 'its net sales': the company's revenue
            level = metric.get("value")
            if level is not None and _fell_below_zero(metric, set(loss_map.values())):
                metric["value"] = negated(level)  # 'net profit of 3.8 billion yuan, a decrease of 193%': a loss
        return out

    def _respective(
        self, text: str, lo: int, hi: int, hits: list[tuple[int, int, str]], pcts: list[Located[Percentage]]
    ) -> dict[int, tuple[str, float | None]]:
        """The metrics the changes of a clause with 'respectively' are of, listed in the same order, each with the
        sign the verb between the lists gives ('decreased in the first quarter by 62%, 60% and 58%, respectively'),
        by the change's start; none without it."""
        if RESPECTIVELY.search(text, lo, hi) is None:
            return {}
        for i, p in enumerate(pcts):
            before = [h for h in hits if h[1] <= p.start]
            down, up = _directions(text[before[-1][1] : p.start]) if before else (False, False)
            if self._is_change(text, p) or down or up:
                sign = None if down == up else -1.0 if down else 1.0
                return {at: (name, sign) for at, name in _respective_metrics(text, hits, pcts[i:]).items()}
        return {}

    def _changes(self, f: Facts, lo: int, hi: int) -> list[tuple[float, list[float] | None]]:
        """The changes on a year earlier of text[lo:hi], signed: (yoy_pct, yoy_pct_range or None) each."""
        out: list[tuple[float, list[float] | None]] = []
        for p in _changes_in(f, lo, hi):
            if self._is_change(f.text, p):
                change = self._signed(f.text, p)
                out.append((change.get("yoy_pct") or 0.0, change.get("yoy_pct_range")))
        return out

    @staticmethod
    def _owner(
        metrics: list[tuple[int, _Metric]],
        p: Located[Percentage],
        changes: Sequence[Located[Percentage]] = (),
        figures: Sequence[int] = (),
    ) -> _Metric | None:
        """The figure a change belongs to: the nearest one before it with no change yet, else the next, unless that one
        lies far off and a change of its own follows it ('up to 70% ... HKD 42 million to HKD 47 million, an increase of
        50% to 70%')."""
        free = [(start, m) for start, m in metrics if m.get("yoy_pct") is None and m.get("value") is not None]
        before = [m for start, m in free if m["_end"] <= p.start]
        if before:
            return before[-1]
        after = [
            m
            for start, m in free
            if start >= p.end and not (start - p.end > OWN_CHANGE_REACH and _changed_after(m, changes, figures))
        ]
        return after[0] if after else None

    @staticmethod
    def _is_change(text: str, p: Located[Percentage]) -> bool:
        if is_multiple(p):
            return True  # 'halved', 'more than doubled'
        if _other_base(text, p):
            return False  # 'compared with a quarter earlier, ... surged 77 percent': no change on the year
        if _goal().match(text, p.end) is not None:
            return False  # 'topped a 10 percent goal': a goal, not the change
        if _guided_rate(text, p):
            return True  # 'cut its revenue guidance to 1%-3.5%': the growth an outlook of a metric gives
        around = _around(text, p)
        return phrases("earnings_preview", "yoy_words").search(around) is not None or any(_directions(around))

    @staticmethod
    def _signed(text: str, p: Located[Percentage]) -> _Change:
        if is_multiple(p):
            return {"yoy_pct": p.item.value}  # a multiple carries its sign: 'halved' is -50
        around = _around(text, p)
        has_down, has_up = _directions(around)
        item = p.item
        if not has_down and not has_up:  # 'a change of -52% to -40%': no direction word, the written signs stand
            change: _Change = {"yoy_pct": item.value}
            if item.low is not None and item.high is not None:
                change["yoy_pct_range"] = [item.low, item.high]
            return change
        sign = -1.0 if has_down and not has_up else 1.0
        change = {"yoy_pct": sign * abs(item.value)}
        if item.low is not None and item.high is not None:
            bounds = sorted([sign * abs(item.low), sign * abs(item.high)])
            change["yoy_pct_range"] = bounds
        return change

    @staticmethod
    def _company(f: Facts, lo: int, hi: int, first_metric: int, subject: Callable[[], OrgRef | None]) -> OrgRef | None:
        """The company of a clause's results: the first named before its first metric that reports ('B said'), else the
        first named before it; else the subject 'it' or 'the
        company' stands for; else a name after the figures that acts."""
        before = [
            c
            for c in _named(f)
            if (c.start < max(first_metric, lo + 1) or lo <= c.start < hi)
            and not _RELATIVE_OPEN.search(f.text, 0, c.start)
        ]
        named = [c for c in before if c.start < first_metric]
        own = [c for c in named if c.start >= lo]  # '..., while Ganfeng predicted a net loss': the clause's own subject
        # 'The parent reported Acme Macau's net revenue of ...': the owner of the metric, not the company reporting it
        owner = _metric_owner(f, lo, hi)
        if owner is not None:
            return owner
        if own or named:
            # 'On the day A made its announcement, B said it expected ...': the name that reports, else the first
            acts = [
                c
                for c in own or named
                if acting().match(f.text, c.end) is not None and not _LAST_LISTED.search(f.text, 0, c.start)
            ]
            listing = (
                RESPECTIVELY.search(f.text, lo, hi) is not None
            )  # 'A, B and C posted 20%, 19% and 17% respectively'
            return (acts if acts and not listing else own or named)[0].item
        if _UNNAMED_SUBJECT.search(f.text, 0, first_metric):
            return None
        # 'It now forecasts net profit ... helped by sales of its IgA nephropathy drug': the subject, not a later name
        if anaphor_in(f.text, 0, first_metric):
            return subject()
        # a name after the figures is their company as the subject of a verb of report ('..., Samsung Electronics
        # said'), not as a partner, a peer or an owner of something else ('... partnered with AstraZeneca', 'behind
        # Samsung', 'shares of Zai Lab')
        later = [c for c in before if lo <= c.start < hi and acting().match(f.text, c.end) is not None]
        if later:
            return later[0].item
        # '... about $1.60 per share, against ..., the company said on Tuesday': the subject, reporting after them
        anaphora = phrases("earnings_preview", "company_anaphora", ignore_case=False)
        if any(acting().match(f.text, m.end()) for m in anaphora.finditer(f.text, first_metric, hi)):
            return subject()
        return None

    @staticmethod
    def _aggregate(text: str, lo: int, first_metric: int) -> bool:
        return (
            phrases("earnings_preview", "aggregate_subjects").search(text, lo, first_metric) is not None
            and _UNNAMED_SUBJECT.search(text, lo, first_metric) is None
        )

    def _period(
        self,
        view: ArticleView,
        f: Facts,
        lo: int,
        hi: int,
        position: int,
        inherited: tuple[str | None, int] | None = None,
        round_up: bool = False,
    ) -> str | None:
        """The bare year the figure is for ('NOK 220 million for 2023'), else the period nearest the figure in its
        clause, else in its sentence, else that of the results it goes on
        about (`inherited`: their period and last sentence) unless a period is named after them, else in its
        paragraph."""
        own = [
            p for p in (within(f.periods, lo, hi) or f.periods) if not _in_comparison(f.text, p.start, 0, len(f.text))
        ]
        joined = _year_after_figure(f, position)
        if joined is not None:
            return (
                joined  # no later period than the figure's own year: 'lower sales in the fourth quarter ... for 2023'
            )

        attributive = _attributive_year(f, lo, position)
        if attributive is not None:
            return attributive  # 'raised its 2023 EPS outlook to $9.64, ... in the first quarter': the metric's year
        if own:
            after = _period_after_figure(f, position)  # 'a net loss of $1.4 billion for the full year'
            best = after if after is not None else min(own, key=lambda p: abs(p.start - position))
            return _fiscal_alias(view, f, best) or self._with_context_year(view, f, best)
        year = self._year_near(f, lo, hi)
        relative = _relative_year(view, f, lo, hi) if year is None else None
        if relative is not None:
            return relative
        definite = _definite_period(view, f, lo, hi) if year is None else None
        if definite is not None:
            return definite
        latest = _latest_quarter(view, f, lo, hi) if year is None else None
        if latest is not None:
            return latest
        if year is None and round_up:
            year = self._year_near(f, 0, len(f.text))  # 'X ... in 2018, and Y ...': the round-up's year
        if year is not None and _in_comparison(
            f.text, f.text.find(year, lo if year in f.text[lo:hi] else 0), 0, len(f.text)
        ):
            year = None
        if year is None and inherited is not None:
            period, since = inherited
            named = [g for g in view.paragraph_before(f.sentence.index) if g.sentence.index > since and g.periods]
            return named[0].periods[-1].item if named else period
        if year is None:
            for g in view.paragraph_before(f.sentence.index, limit=4):
                if g.periods:
                    return g.periods[-1].item
                year = self._year_near(g, 0, len(g.text))
                if year:
                    break
        return f"FY{year}" if year else None

    @staticmethod
    def _with_context_year(view: ArticleView, f: Facts, period: Located[str]) -> str:
        """'for the entire year' takes its year from the other periods of the sentence outside a comparison, else is
        the fiscal year the article closes in another month ('cut its full-year outlook ... in the year to March': FY2020)."""
        written = f.text[period.start : period.end]
        if _YEAR.search(written) or not _WHOLE_YEAR.search(written):
            return period.item
        years = [
            int(y)
            for p in f.periods
            if not _in_comparison(f.text, p.start, 0, len(f.text))  # 'compared to fiscal year 2019': a base
            for y in _YEAR.findall(f.text[p.start : p.end])
        ]
        return f"FY{max(years)}" if years else _article_fiscal_year(view) or period.item

    @staticmethod
    def _year_near(f: Facts, lo: int, hi: int) -> str | None:
        """The first year written in f.text[lo:hi], not a day's or a month's ('On January 12, 2026, ...') unless it
        closes a period ('the eighteen months ended 31 December 2019')."""
        days = (
            [(d.start, d.end) for d in f.dates if len(d.item.value) > 4 and d.item.kind != "period_end"]
            if _YEAR.search(f.text, lo, hi)
            else []
        )
        for m in _YEAR.finditer(f.text, lo, hi):
            if not any(a <= m.start() < b for a, b in days):
                return _split_year_end(f.text, m)
        return None


#: the end of a year written split over two ('2014-15', '2014/2015'): right after its first year
_SPLIT_END = regex.compile(r"[-/–](?P<end>(?:19|20)?\d\d)(?![\d/-])")


def _split_year_end(text: str, m: regex.Match[str]) -> str:
    """The year a year written split over two ends in ('2014-15': 2015, a fiscal year labelled by its close), else the
    year itself."""
    after = _SPLIT_END.match(text, m.end())
    year = int(m.group())
    if after is not None and int(after.group("end")) % 100 == (year + 1) % 100:
        return str(year + 1)
    return m.group()


@cache
def _relative_years() -> regex.Pattern[str]:
    """'this year', 'next year': a year named from the publication year (not 'of this year', which the period
    reader joins to the part of the year before it, nor 'a year earlier')."""
    named = alternation(list(words("earnings_preview")["relative_years"]), space=r"\s++")
    return regex.compile(rf"(?i)(?<![\w-])(?<!\bof\s++)(?P<words>{named})(?![\w-])")


def _relative_year(view: ArticleView, f: Facts, lo: int, hi: int) -> str | None:
    """The full year a clause names from the publication year ('sales of over $5 billion this year': FY2024, published
    in 2024), or from the fiscal year the article names ('the current fiscal year' of 'the year that ends March 31'),
    outside a comparison; None without one or without a publication date."""
    published = view.article.published
    if published is None or "year" not in f.text:
        return None
    m = _relative_years().search(f.text, lo, hi)
    if m is None or _in_comparison(f.text, m.start(), 0, len(f.text)):
        return None
    table = words("earnings_preview")["relative_years"]
    offset = table[" ".join(m.group("words").lower().split())]
    running = regex.fullmatch(r"FY(\d{4})", _article_fiscal_year(view) or "")
    return f"FY{(int(running.group(1)) if running else published.year) + offset}"


#: 'for the quarter', 'in the half': a part of a year the article named before, referred to by its kind alone
_DEFINITE_PART = regex.compile(
    r"(?i)(?<![\w-])(?:the|this)\s++(?P<kind>quarter|half)(?![\w-])(?!\s++(?:a|one)\s++year)"
)
#: the label of a part of a year by the kind of part it is: 'Q4 2023', 'H1 2025', 'H1 FY2024/25'
_PART_LABEL = {"quarter": regex.compile(r"^Q[1-4]\s"), "half": regex.compile(r"^H[12]\s")}


def _definite_period(view: ArticleView, f: Facts, lo: int, hi: int) -> str | None:
    """'Revenue is expected to fall 4.9% for the quarter': the part of a year of that kind that the article named last
    before (or earlier in the sentence), outside a comparison; None when there is no such phrase or part."""
    m = _DEFINITE_PART.search(f.text, lo, hi)
    if m is None or _in_comparison(f.text, m.start(), 0, len(f.text)):
        return None
    label = _PART_LABEL[m.group("kind").lower()]
    for g in reversed(view.facts[: f.sentence.index + 1]):
        named = [
            p.item
            for p in g.periods
            if label.match(p.item)
            and (g is not f or p.start < m.start())
            and not _in_comparison(g.text, p.start, 0, p.start)
        ]
        if named:
            return named[-1]
    return None


_QUARTERLY = regex.compile(r"(?i)(?<![\w-])quarterly(?![\w-])")
#: how soon after a quarter's close an article's 'quarterly' figures are of that quarter
QUARTERLY_DAYS = 45


def _latest_quarter(view: ArticleView, f: Facts, lo: int, hi: int) -> str | None:
    """'estimated a 138% rise in its quarterly operating profit', published a week after March: the calendar quarter
    closed last before publication, when it closed at most `QUARTERLY_DAYS` before; None otherwise."""
    published = view.article.published
    if published is None or _QUARTERLY.search(f.text, lo, hi) is None:
        return None
    quarter, year = (published.month - 1) // 3, published.year
    if quarter == 0:
        quarter, year = 4, year - 1
    close = month_end(year, quarter * 3)
    return f"Q{quarter} {year}" if (published - close).days <= QUARTERLY_DAYS else None


#: 'earnings for 2021', 'its sales outlook for 2021': a bare year the figures of a sentence are for
_FOR_YEAR = regex.compile(r"(?i)(?<![\w-])(?:for|in)\s++(?:(?:fiscal|financial)\s++)?(?P<y>(?:19|20)\d\d)(?![\d/-])")


#: how many sentences after a company's results a figure without a period may still belong to them, and before
INHERIT_AFTER, INHERIT_BEFORE = 6, 4


def _inherit_periods(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """A company's figures read without a period ('Sales are now seen at 14.6 trillion yen') take the period written
    nearest before them (its results read in an earlier sentence, or a period named there: 'It revised its fiscal
    2021 forecasts.'), not past a sentence about other companies only; else that of its results read just after
    ('... for the fiscal year ending March'). A warning without figures ('X published a profit alert on Monday.')
    looks first at the figures that follow it."""
    for d in drafts:
        if d.fields.get("period") is not None or d.subject is None:
            continue
        at = d.sentences[0]
        kin = [o for o in drafts if o.fields.get("period") is not None and same_company(o.subject, d.subject)]
        after = next((o.fields["period"] for o in kin if at < o.sentences[0] <= at + INHERIT_BEFORE), None)
        period = None if d.fields.get("metrics") else after
        # an earlier clause of its own sentence first ('For 2023, operating profit ..., while revenue ...')
        same = [o.fields["period"] for o in kin if o.sentences[0] == at and o is not d]
        period = period or (same[0] if same else None)
        for j in range(at - 1, max(-1, at - 1 - INHERIT_AFTER), -1):
            if period is not None:
                break
            facts = view.facts[j]
            if _named(facts) and not any(same_company(c.item, d.subject) for c in _named(facts)):
                break  # a sentence about other companies: its periods are theirs
            own = [o.fields["period"] for o in kin if o.sentences[0] == j]
            written = [p.item for p in facts.periods if not _in_comparison(facts.text, p.start, 0, p.start)]
            year = _FOR_YEAR.search(facts.text) if not written else None
            # 'The company now expects earnings for 2021 between ...': a year the figures are for is its fiscal year
            written += [f"FY{year.group('y')}"] if year is not None and d.fields.get("metrics") else []
            period = own[-1] if own else written[-1] if written else None
        period = period or after
        if period is not None:
            d.fields["period"] = period
            d.keys = {f"{d.subject.name}|{period}"}


def _running_fiscal_year(view: ArticleView, draft: Draft[EarningsPreviewFields]) -> str | None:
    """The fiscal year still running at publication for a draft's company: closing in the month the gazetteer or the
    article gives for the company, else the year the article names as closing in another month ('the year to March'),
    else the calendar year."""
    published = view.article.published
    if published is None:
        return None
    close = year_end_month(view, draft)
    if close is None:
        named = _article_fiscal_year(view)
        if named is not None:
            return named
    end = (close, month_end(2001, close).day) if close is not None else None
    return f"FY{next_year('FY', published, end)}"


def _forecasts_of_the_running_year(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """A company's forecast figures that no period reaches ('It now sees sales and operating profit reaching
    720 billion yen and 41 billion yen'): of the fiscal year still running at publication."""
    cues = phrases("earnings_preview", "preview_cues")
    for d in drafts:
        if d.fields.get("period") is not None or d.subject is None or not d.fields.get("metrics"):
            continue
        if not any(cues.search(view.facts[i].text) is not None for i in d.sentences):
            continue
        period = _running_fiscal_year(view, d)
        if period is not None:
            d.fields["period"] = period
            d.keys = {f"{d.subject.name}|{period}"}


#: "Japan's Fuji Media Holdings", "South Korea’s LG Electronics": a place owning the name, no part of it
_PLACE_OWNER = regex.compile(r"^(?P<place>(?:\p{Lu}[\p{L}.]*+\s++){0,2}(?P<last>\p{Lu}[\p{L}.]*+))['’]s\s++(?=\p{Lu})")


#: how a name was found by the rules (the gazetteer, a legal form, a subject before a verb of report), not guessed
_RULE_KINDS = frozenset({"company", "pattern", "subject"})
#: the fewest letters of a name looked for word for word in the lead
MIN_ECHO = 4
#: the opening sentences (headlines among them) that name the company an article is about
LEAD_SENTENCES = 5
#: how many sentences of an article must name a company of its lead for it to be the article's subject
SUBJECT_MENTIONS = 2


def lead(view: ArticleView) -> list[Facts]:
    """The article's opening sentences, headlines among them."""
    return view.facts[:LEAD_SENTENCES]


def article_subject(view: ArticleView) -> OrgRef | None:
    """The company the article is about: the first named in its lead (by the rules, or by the model reading the lead
    for context) that more than one sentence names, its first word as written; a newswire's or a dateline's name is
    written once. Computed once per article."""
    return view.kept("earnings_subject", lambda: _first_repeated(view))


def _first_repeated(view: ArticleView) -> OrgRef | None:
    """The first company of the lead that is listed with its stock code ('Yichang Technology (002420)') or whose
    first word more than one sentence of the article holds; never a bare acronym the model guessed ('ASX', 'EQS')."""
    view.read_context()
    for f in lead(view):
        context = [c for c in [*f.context_orgs, *_headed(f)] if _may_be_subject(f.text, c)]
        for c in sorted([*_named(f), *context], key=lambda c: c.start):
            head = _WORD.search(_written(c.item))
            if head is None or head.group().lower() in not_name_words():
                continue
            if _STOCK_CODE.match(f.text, c.end) is not None:
                return c.item
            word = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(head.group())}(?![\p{{L}}\p{{N}}])")
            if sum(word.search(o.text) is not None for o in view.facts) >= SUBJECT_MENTIONS:
                return c.item
    return _named_later(view)


def _named_later(view: ArticleView) -> OrgRef | None:
    """A lead that names its company only where no rule sees a name ('It marks Acme's third warning'): the company a
    later sentence names by the rules, written word for word in the lead and in `SUBJECT_MENTIONS` sentences or more;
    of several, the one the lead writes first."""
    lead_text = [f.text for f in lead(view)]
    best: tuple[int, int, OrgRef] | None = None
    for f in view.facts[LEAD_SENTENCES:]:
        for c in _named(f):
            written = _written(c.item)
            if c.item.kind not in _RULE_KINDS or len(written) < MIN_ECHO or written.lower() in not_name_words():
                continue
            whole = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(written)}(?![\p{{L}}\p{{N}}])")
            hits = [(i, m.start()) for i, t in enumerate(lead_text) if (m := whole.search(t)) is not None]
            if not hits or sum(whole.search(o.text) is not None for o in view.facts) < SUBJECT_MENTIONS:
                continue
            if best is None or hits[0] < best[:2]:
                best = (*hits[0], c.item)
    return best[2] if best is not None else None


#: 'Aug 31 (Reuters) - Savo Solar Oy :', 'EQS-Adhoc: AGRANA Beteiligungs-Aktiengesellschaft: Restructuring ...': a name
#: heading what follows, alone between the start (or a dateline's dash, or a wire's tag and colon) and a colon
_HEADING = untimed(
    "earnings_preview.heading",
    regex.compile(
        r"(?:^|(?<=[-–—:]\s))\s*+(?P<name>\p{Lu}[\p{L}\p{N}&.'’-]*+(?:\s++(?:\p{Lu}[\p{L}\p{N}&.'’-]*+|&|of|and))*+)\s*+:(?=\s|$)"
    ),
)


def _headed(f: Facts) -> list[Located[OrgRef]]:
    """The names that head a lead sentence before a colon."""
    out = []
    for m in _HEADING.finditer(f.text):
        start, end = m.span("name")
        out.append(Located(start, end, OrgRef(m.group("name"), company_key(m.group("name")), "pattern")))
    return out


def _may_be_subject(text: str, c: Located[OrgRef]) -> bool:
    """A name found in the lead only by the model or by its layout that may be the article's subject: not a bare
    acronym (the model guesses those: 'ASX'; 'EQS-Adhoc' is a wire's tag), nor a name given as a source."""
    words = c.item.text.split()
    head = words[0].split("-")[0]
    acronym = len(words) == 1 and head.isupper() and len(head) <= ACRONYM_LETTERS  # 'ASX', 'EQS-Adhoc'
    return not acronym and not is_source(text, c.start, c.end)


#: the longest bare acronym the model's guesses are not trusted for
ACRONYM_LETTERS = 5
#: '(300215)', '(ASX: A2M)', '(600104.SH)': a stock code in brackets right after a name
_STOCK_CODE = regex.compile(r"\s*+[(（]\s*+(?:\p{Lu}{2,8}\s*+[:：]\s*+)?(?=[\p{Lu}\d.]*\d)[\p{Lu}\d.]{4,12}\s*+[)）]")


#: 'A, which competes with B and C, forecast ...': a relative clause still open before a name, which it describes
#: as another's rival, partner or peer, not as the subject of the results
_RELATIVE_OPEN = regex.compile(r",\s*+(?:which|who|whose)\s++[^,;]*+$", regex.I)
#: "Acme's", "Acme’s": a possessive right after a name
_POSSESSIVE = regex.compile(r"['’]s(?![\p{L}\p{N}])")
#: "Acme's net revenue", "Acme’s total operating profit": a possessive right before a metric, with up to three words
_OWNS_METRIC = regex.compile(r"['’]s\s++(?:[\p{L}-]++\s++){0,3}")


def _metric_owner(f: Facts, lo: int, hi: int) -> OrgRef | None:
    """The company of the sentence that a mention in text[lo:hi] shows owning the clause's first metric ("reporting
    Acme's net revenue of ..."), a later mention of a name counted too; not the owner of a later metric ('A guides
    profit up, B's loss narrows')."""
    if _POSSESSIVE.search(f.text, lo, hi) is None:
        return None
    non_metrics = words("earnings_preview")["non_metrics"]
    metrics = roles("earnings_preview", "metrics")
    starts = {h[0] for h in metrics.hits(f.text)}
    first_metric = min((h[0] for h in metrics.hits(f.text, lo, hi) if h[2] not in non_metrics), default=hi)
    for c in _named(f):
        name = c.item.text
        at = f.text.find(name, lo, hi)
        while 0 <= at <= first_metric:
            glued = at > 0 and f.text[at - 1].isalnum()  # a mention inside a longer word is none
            if not glued and _owns_metric(f.text, at + len(name), starts):
                return c.item
            at = f.text.find(name, at + 1, hi)
    return None


def _owns_metric(text: str, end: int, starts: set[int] | None = None) -> bool:
    """Whether the name ending at `end` owns the metric right after it ("Acme's net revenue"); `starts`, where the
    text's metric words start, when the caller has them."""
    m = _OWNS_METRIC.match(text, end)
    if m is None:
        return False
    if starts is None:
        starts = {h[0] for h in roles("earnings_preview", "metrics").hits(text)}
    return any(at in starts for at in [m.end(), *(w.start() for w in _WORD.finditer(text, end + 2, m.end()))])


#: 'A, B and C said': the last name of a list, which reports with the others
_LAST_LISTED = regex.compile(r"(?:,|\band|&)\s*+$")
#: a word of letters
_WORD = regex.compile(r"\p{L}[\p{L}\p{N}]*+")


#: 'FRANKFURT, June 26 (Reuters) -': a place in capitals opening a dateline
_DATELINE_PLACE = regex.compile(
    r"[\s\"“]*+\p{Lu}[\p{Lu}/ .'-]++(?=,\s++\p{Lu}\p{Ll}++\.?\s++\d|\s++\(\p{L}[\p{L}-]*+\))"
)
#: 'BENGALURU :', 'KUALA LUMPUR:': a place in capitals and a colon opening a story's first sentence (in a headline,
#: 'ALCO HOLDINGS: PROFIT WARNING' names the company)
_COLON_DATELINE = regex.compile(r"[\s\"“]*+\p{Lu}++(?:[ .'-]++\p{Lu}++)*+(?=\s*+:\s)")


@cache
def _reporting_heads() -> regex.Pattern[str]:
    """'Citic Securities Co.', 'Huaxi Securities': a capitalised name ending in a head the shared name rules refuse
    (brokers are never deal parties) but that names a company reporting results; not a head a capitalised word goes
    on from ('the China Securities Journal reported')."""
    heads = alternation(words("earnings_preview")["reporting_heads"], space=r"\s++")
    word = r"\p{Lu}[\p{L}&'’-]*+"
    return untimed(
        "earnings_preview.reporting_heads",
        regex.compile(
            rf"(?<![\p{{L}}\p{{N}}])(?:{word}\s++){{1,3}}(?:{heads})(?:\s++Co\.?+|(?!\s++\p{{Lu}}\p{{Ll}}))(?![\w-])"
        ),
    )


#: a capitalised word that may be a company's short name, at the head of a clause's subject
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&-]*+")


def _echoed(view: ArticleView, f: Facts, lo: int, first_metric: int) -> OrgRef | None:
    """The company an earlier sentence named whose first word is the subject of a clause that names none ('LG Electronics
    Inc. ... LG also expected its first-quarter sales at ...'), before the clause's first metric and any lower-case
    word but a verb's; None without one."""
    clause = f.text[lo:first_metric]
    subject = _CAPITALISED.match(f.text, lo + len(clause) - len(clause.lstrip()))
    if subject is None or subject.end() > first_metric or subject.group().lower() in not_name_words():
        return None
    if not acting().match(f.text, subject.end()):
        return None
    for g in reversed(view.facts[: f.sentence.index]):
        for c in _named(g):
            head = _WORD.search(_written(c.item))
            if head is not None and head.group() == subject.group():
                return c.item
    return None


@cache
def _description_names() -> frozenset[str]:
    """'listed company', 'parent company': descriptions of a company written in capitals, never its name."""
    return frozenset(n.lower() for n in words("earnings_preview")["description_names"])


#: 'CNY/Share', 'USD / share': a currency code over a unit, a unit of a figure the model took for a name
_CODE_PER_UNIT = regex.compile(r"^(?P<code>\p{Lu}{3})\s*+/\s*+\p{L}++$")


def _description_name(org: OrgRef) -> bool:
    """A name the model or a pattern found that is only a description of a company ('Listed Company') or a unit of
    a figure ('CNY/Share')."""
    if org.kind in ("company", "fund", "ticker"):
        return False
    unit = _CODE_PER_UNIT.match(org.text)
    if unit is not None and unit.group("code") in currency_codes():
        return True
    return " ".join(org.text.lower().split()) in _description_names()


def _named(f: Facts) -> list[Located[OrgRef]]:
    """The companies of a sentence, with the reporting names the shared rules refuse ('Citic Securities Co.') and
    those a possessive tells, less a fund named by its code and a dateline's place that the model took for one;
    computed once per sentence."""
    if "_earnings_named" not in f.__dict__:
        found = list(f.companies)
        heads = phrases("earnings_preview", "reporting_heads", ignore_case=False).search(f.text) is not None
        for m in _reporting_heads().finditer(f.text) if heads else ():
            start, end = m.span()
            if not any(c.start < end and start < c.end for c in f.orgs) and not is_source(f.text, start, end):
                found.append(Located(start, end, OrgRef(m.group(), company_key(m.group()), "pattern")))
        if "'s" in f.text or "’s" in f.text:
            found.extend(c for c in _owners(f) if not any(o.start < c.end and c.start < o.end for o in found))
        if _may_describe(f.text):
            found.extend(c for c in _described(f) if not any(o.start < c.end and c.start < o.end for o in found))
        if len(found) > 1 and _may_describe(f.text):
            found = _heads_only(f.text, found)
        if found and _part_noun().search(f.text) is not None:
            found = [c for c in found if _part_noun().match(f.text, c.end) is None]
        if found:  # 'attributable to shareholders of Listed Company': a description the model took for a name
            found = [c for c in found if not _description_name(c.item)]
        if found and f.etfs:  # a fund named by its code ('TRACKER FUND (02800)') reports no results
            found = [c for c in found if not any(e.start < c.end and c.start < e.end for e in f.etfs)]
        lead = _DATELINE_PLACE.match(f.text) or (None if f.sentence.headline else _COLON_DATELINE.match(f.text))
        if lead is not None:
            found = [c for c in found if c.start >= lead.end() or not c.item.text.isupper()]
        f.__dict__["_earnings_named"] = sorted(found, key=lambda c: c.start)
    named: list[Located[OrgRef]] = f.__dict__["_earnings_named"]
    return named


#: a capitalised name of one to four words: 'Zhengbang Technology', 'Muyuan Foods'
_CAPS = r"\p{Lu}[\p{L}\p{N}&-]*+(?:\s++\p{Lu}[\p{L}\p{N}&-]*+){0,3}"
_CAPS_RE = regex.compile(_CAPS)
#: "Zhengbang Technology's performance forecast": a name owning what follows; "China's leading hog producer Muyuan
#: Foods": a name after a place's description of it (a possessive, then lower-case words)
_OWNER = untimed(
    "earnings_preview.owner",
    regex.compile(rf"(?<![\p{{L}}\p{{N}}'’])(?P<name>{_CAPS})['’]s\s++(?P<after>(?:\p{{Ll}}[\p{{L}}-]*+\s++){{1,4}})"),
)
#: how many words after a possessive name a word of results must come for the name to own them
OWNED_RESULTS_WORDS = 3


def _owners(f: Facts) -> list[Located[OrgRef]]:
    """Names the model missed, told by syntax: the owner of results ("Zhengbang Technology's performance forecast",
    "Toyo's net profit") and the name a place's description leads to ("China's leading hog producer Muyuan Foods
    expected"); never a place, a month or a function word, nor a name given as a source."""
    out = []
    metric_words = roles("earnings_preview", "metrics").phrases
    preview_words = phrases("earnings_preview", "preview_words")
    for m in _OWNER.finditer(f.text):
        after = m.group("after")
        start, end = m.span("name")
        if m.group("name").split()[-1].lower() in not_name_words():
            # a place's description: the capitalised name right after it, when that name acts
            named = _CAPS_RE.match(f.text, m.end())
            if named is None or acting().match(f.text, named.end()) is None:
                continue
            start, end = named.span()
        elif not any(
            w.search(" ".join(after.split()[:OWNED_RESULTS_WORDS])) is not None for w in (metric_words, preview_words)
        ):
            continue
        text = f.text[start:end]
        if text.split()[0].lower() in not_name_words() or is_source(f.text, start, end) or _anaphor(f.text, start, end):
            continue
        out.append(Located(start, end, OrgRef(text, company_key(text), "pattern")))
    return out


#: 'the ' right before a name


@cache
def _company_anaphora() -> frozenset[str]:
    """The words for the company (words.json company_anaphora), case-folded, read once."""
    return frozenset(a.casefold() for a in words("earnings_preview")["company_anaphora"])


@cache
def _extraposed() -> regex.Pattern[str]:
    """What follows an 'it' that stands for nothing, its subject put off to a 'that' clause ('it is expected that',
    'it seems likely that'; the links in words.json extraposed_links)."""
    links = alternation(words("earnings_preview")["extraposed_links"], space=r"\s++")
    return regex.compile(rf"\s++(?:{links})\s++(?:[\w-]++\s++){{1,2}}?that\b", regex.I)


#: the pronoun 'it', whole
_IT = regex.compile(r"(?i)\bit\b")


def framing_end(text: str, lo: int, hi: int) -> int:
    """Where the subject of text[lo:hi] may start: after an 'it is expected that' (what stands before is a framing,
    'Taking the industry's trends into account, it is estimated that ...'), else at lo."""
    for m in _IT.finditer(text, lo, hi):
        if (after := _extraposed().match(text, m.end(), hi)) is not None:
            return after.end()
    return lo


def anaphor_in(text: str, lo: int, hi: int) -> Hit | None:
    """The first word for the company in text[lo:hi] ('it', 'the Group'), less an 'it' that stands for nothing."""
    for m in phrases("earnings_preview", "company_anaphora", ignore_case=False).finditer(text, lo, hi):
        if m.group().casefold() != "it" or _extraposed().match(text, m.end()) is None:
            return m
    return None


def _anaphor(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] with the article before it is a word for the company ("the Group's profit")."""
    head = THE_BEFORE.search(text, max(0, start - 8), start)
    return head is not None and f"the {text[start:end]}".casefold() in _company_anaphora()


@cache
def _described_name() -> regex.Pattern[str]:
    """'Building supplies firm SIG', 'Leeds-based WYG', 'Mainboard-listed TEE International': a capitalised name right
    after a lower-case noun or adjective that describes a company."""
    table = words("earnings_preview")
    heads = alternation(table["described_by"], space=r"\s++")
    ends = alternation(table["described_by_suffixes"])
    return untimed(
        "earnings_preview.described_name",
        regex.compile(rf"(?:(?<![\w-])(?:{heads})|(?<=\w)(?:{ends}))\s++(?P<name>{_CAPS})(?![\p{{L}}\p{{N}}&'’-])"),
    )


@cache
def _describing_noun() -> regex.Pattern[str]:
    """A lower-case noun of description between two names: 'British Airways owner IAG', 'Quartz maker Vicostone'."""
    heads = alternation(words("earnings_preview")["described_by"], space=r"\s++")
    return regex.compile(rf"\s++(?:{heads})\s++")


def _heads_only(text: str, found: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
    """The names less those that only qualify a description of the next one ('The British Airways owner International
    Consolidated Airlines has warned', 'Quartz maker Vicostone forecast'): the company is the name the noun leads to."""
    starts = {c.start for c in found}
    return [c for c in found if not ((m := _describing_noun().match(text, c.end)) is not None and m.end() in starts)]


@cache
def _part_noun() -> regex.Pattern[str]:
    """A noun that makes the name before it a part of a company: 'Pharmaceutical Distribution Services segment'."""
    parts = alternation(words("earnings_preview")["part_nouns"])
    return regex.compile(rf"\s++(?:{parts})(?![\w-])")


def _may_describe(text: str) -> bool:
    """Whether a sentence holds a word that may describe a company before its name (cheap)."""
    if any(end in text for end in words("earnings_preview")["described_by_suffixes"]):
        return True
    return phrases("earnings_preview", "described_by").search(text) is not None


#: 'provided by market intelligence firm': the agent of a passive verb, within a clause, before a description
_AGENT = regex.compile(r"(?i)(?<![\w-])by\s++(?:[^\s,;:()]++\s++){0,4}$")
#: how far before a description its passive verb's 'by' may stand
AGENT_REACH = 60


def _described(f: Facts) -> list[Located[OrgRef]]:
    """Names the model missed that a description before them tells as companies ('Building supplies firm SIG has
    warned'), never a place, a month or a function word, nor a source."""
    out = []
    for m in _described_name().finditer(f.text):
        start, end = m.span("name")
        text = f.text[start:end]
        if all(w.lower() in not_name_words() for w in text.split()) or is_source(f.text, start, end):
            continue
        if _AGENT.search(f.text, max(0, m.start() - AGENT_REACH), m.start()) is not None:
            continue  # 'estimates provided by market intelligence firm FnGuide': who gave figures, no company of them
        out.append(Located(start, end, OrgRef(text, company_key(text), "pattern")))
    return out


#: 'LSGCLSGC(SH:600738)', 'Acme ToolsAcme Tools(SZ:000000)': a stock line that prints a name twice over, the second
#: copy glued to the first
_DOUBLED = regex.compile(r"^(\p{Lu}[\p{L}\p{N}&.'’ -]{2,}?)\1$")


def _written(company: OrgRef) -> str:
    """The company as written, a place owning its name left out ('Japan's Fuji Media Holdings' -> 'Fuji Media
    Holdings'), while a possessive that is part of a name stays ("McDonald's Corp"); a name printed twice over
    is written once ('LSGCLSGC' -> 'LSGC')."""
    doubled = _DOUBLED.match(company.text)
    if doubled is not None:
        return doubled.group(1)
    m = _PLACE_OWNER.match(company.text)
    if m is None or m.group("last").lower() not in not_name_words():
        return company.text
    return company.text[m.end() :]


@cache
def _according_to_estimates() -> regex.Pattern[str]:
    """'according to a consensus of 20 analysts', and a quotation told by one: '“Profits are up almost 50% ...,” said
    an analyst at CMC Markets'."""
    sources = alternation(words("earnings_preview")["estimate_sources"], space=r"\s++")
    told = r"(?:\baccording\s++to\b|[”\"]\s*+(?:said|says|wrote|added)\b)"
    # '..., the brokerage said': a clause closed by its teller
    closing = rf",\s*+(?:the\s++|an?\s++)?(?:{sources})\s++(?:said|says|wrote|added)\b"
    return regex.compile(rf"(?i){told}[^.;]{{0,60}}?(?<![\w-])(?:{sources})(?![\w-])|{closing}")


#: 'our 2024 full-year estimates', 'per our forecast': a research desk's own estimates
_OUR_ESTIMATES = regex.compile(
    r"(?i)\bour\s++(?:[\w-]++\s++){0,3}?(?:estimates?|forecasts?|projections?|calculations?)\b"
)


def _for_comparison(view: ArticleView, f: Facts, lo: int, first_metric: int, company: OrgRef | None) -> bool:
    """'By comparison, rival Acme booked revenue of ...': a clause opened as a comparison that names a company other
    than the article's subject gives that company's figures as a yardstick, not a preview."""
    opener = phrases("earnings_preview", "comparison_openers").search(f.text, lo, first_metric)
    if opener is None or company is None or f.text[lo : opener.start()].strip(' ,;:-–—"“'):
        return False
    subject = article_subject(view)
    return subject is not None and not same_company(company, subject)


@cache
def _measured_against() -> regex.Pattern[str]:
    """A verb of measuring against estimates and the estimates ('match projections', 'beat analysts' forecasts'),
    not the company's own ('its forecast', 'their guidance')."""
    verbs = alternation(words("earnings_preview")["measuring_verbs"], space=r"\s++")
    return regex.compile(
        rf"(?i)\b(?:{verbs})\s++(?:(?!its\b|their\b|his\b|her\b)[\w'’-]++\s++){{0,2}}?"
        r"(?:projections?|expectations?|estimates?|forecasts?)\b"
    )


def _estimated_by_others(text: str, lo: int, first_metric: int) -> bool:
    """'Analysts had forecast the airline would report a full-year loss of ...', '... jumped to 16.1 trillion won,
    according to a SmartEstimate from 16 analysts', '... 40% of our 2024 full-year estimates': other people's
    estimates, not the company's preview."""
    if _OUR_ESTIMATES.search(text) is not None:
        return True
    if phrases("earnings_preview", "passive_forecasts").search(text, lo, first_metric) is not None:
        return True  # 'LG Display was forecast to book 412 billion won in operating profit': others' estimate
    if _measured_against().search(text, lo, first_metric) is not None:
        return True  # '... needs to match projections for revenue growth of 50%': the estimates it is measured against
    sources = phrases("earnings_preview", "estimate_sources")
    if sources.search(text) is None:
        return False  # no source named anywhere in the sentence (one memoized look)
    return sources.search(text, lo, first_metric) is not None or _according_to_estimates().search(text) is not None


def _in_order(
    text: str,
    lo: int,
    hi: int,
    hits: list[tuple[int, int, str]],
    amounts: list[Located[Money]],
    names: list[str | None],
) -> list[str | None]:
    """'forecast sales and operating profit of 720 billion yen and 41 billion yen, respectively': the
    metrics named before the first figure, one to each figure in their order; else the names as assigned."""
    if len(amounts) < 2 or RESPECTIVELY.search(text, lo, hi) is None:
        return names
    ordered: list[str] = []
    for _, end, name in hits:
        if end <= amounts[0].start and name not in ordered:
            ordered.append(name)
    if len(ordered) < 2 or len(ordered) > len(amounts):
        return names
    return [*ordered, *names[len(ordered) :]]


#: 'a rise of more than 30% in the consolidated profit attributable to owners': what stands between a change
#: and the metric it is of
_CHANGE_OF = regex.compile(
    r"(?i)\s++(?:(?:[\p{L}-]++\s++){0,2}(?:in|of)\s++)(?:(?:the|its|their)\s++)?(?:[\p{L}\p{N}-]++\s++){0,2}$"
)


def _metric_after(text: str, hits: list[tuple[int, int, str]], position: int) -> str | None:
    """The metric right after a change, joined to it by 'in' or 'of' ('20% in the consolidated profit')."""
    later = next((h for h in hits if h[0] >= position), None)
    if later is None or _CHANGE_OF.fullmatch(text, position, later[0]) is None:
        return None
    return later[2]


#: how far before an amount a noun may announce it as no result ('an impairment charge of approximately')
OTHER_AMOUNT_REACH = 30


def _other_amount(text: str, m: Located[Money], hits: list[tuple[int, int, str]]) -> bool:
    """'after excluding an impairment charge of approximately $46.0 million': an amount a noun right before it
    announces as something else than a result, with no metric between them."""
    others = phrases("earnings_preview", "other_amounts")
    if others.search(text) is None:
        return False  # none in the sentence (one memoized look)
    lo = max(0, m.start - OTHER_AMOUNT_REACH)
    last = None
    for found in others.finditer(text, lo, m.start):
        last = found
    return last is not None and not any(last.end() <= h[0] < m.start for h in hits)


def _anchor(hits: list[tuple[int, int, str]]) -> int | None:
    """Where a clause's first metric stands, for what is looked for before it (its subject, a source): the first hit of
    a metric that owns any figure ('Earnings Validation ... a leading CXO company ... forecasting revenue': the
    revenue's), else the first hit; None without one."""
    per_share_only = words("earnings_preview")["per_share_only_metrics"]
    anchors = [h for h in hits if h[2] not in per_share_only] or hits
    return anchors[0][0] if anchors else None


def _changing(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The metric phrases that may own a change (not 'losses': 'taking losses this year to 7%'; not 'earnings', read
    only per share)."""
    table = words("earnings_preview")
    others = {*table["amount_only_metrics"], *table["per_share_only_metrics"]}
    return [h for h in hits if h[2] not in others]


#: how far before an amount (and after) a part of results such as 'impairment loss' speaks for it
OTHER_LOSS_LEFT, OTHER_LOSS_RIGHT = 40, 20


def _other_loss(text: str, m: Located[Money], lo: int, hi: int) -> bool:
    """'an impairment loss of S$6.2 million': a loss that is part of results, not the net loss."""
    window = (max(lo, m.start - OTHER_LOSS_LEFT), min(hi, m.end + OTHER_LOSS_RIGHT))
    return phrases("earnings_preview", "other_losses").search(text, *window) is not None


#: 'fiscal 2025' as written, and 'fiscal 2025 ending next March': the year a fiscal year starts in, then its close
_FISCAL_START = regex.compile(r"(?i)(?:fiscal|financial)(?:\s++year)?\s++((?:19|20)\d\d)")
_FISCAL_CLOSING = regex.compile(r"(?i)(?:fiscal|financial)(?:\s++year)?\s++((?:19|20)\d\d)\s++(?:ending|ended|to)\b")


#: 'the year to March', 'the fiscal year ending next June': a fiscal year still running that closes before December
_CLOSING_YEAR = regex.compile(
    r"(?i)\byear\s++(?:to|ending|through)\s++(?:next\s++)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov)[a-z]*+\.?(?:\s++\d{1,2})?(?:,?\s++\d{4})?$"
)


_CLOSING_HINT = regex.compile(r"(?i)\byear\s++(?:to|ending|through)\b")


def _article_fiscal_year(view: ArticleView) -> str | None:
    """The fiscal year an article's figures run to when it closes in a month other than December, if it names one
    ('operating profit of 30 billion yen in the year to March': FY2020), looked up once per article."""

    def build() -> str | None:
        found = (
            p.item
            for g in view.facts
            if _CLOSING_HINT.search(g.text)
            for p in g.periods
            if _CLOSING_YEAR.search(g.text, p.start, p.end)
        )
        return next(found, None)

    return view.kept("earnings_fiscal_year", build)


def _fiscal_alias(view: ArticleView, f: Facts, period: Located[str]) -> str | None:
    """'fiscal 2025' written alone in an article that wrote 'fiscal 2025 ending next March' (FY2026) is that year; so
    is 'fiscal 2023' in one that names the year it is in as 'the year ending next March' (FY2024): a fiscal year named
    by the year it starts in."""
    start = _FISCAL_START.fullmatch(f.text, period.start, period.end)
    if start is None:
        return None
    for g in view.facts[: f.sentence.index + 1]:
        for p in g.periods:
            closing = _FISCAL_CLOSING.match(g.text, p.start, p.end)
            if closing is not None and closing.group(1) == start.group(1):
                return p.item
    running = _article_fiscal_year(view)
    return running if running == f"FY{int(start.group(1)) + 1}" else None


#: 'A, the tobacco maker; B and C all cut their outlooks': a word that makes the names before it one shared subject
_SHARED = regex.compile(r"(?i)(?<![\w-])(?:all|both|each)\s++(?:(?:have|had|has|also)\s++)?$")


def _sharing_subjects(f: Facts, lo: int, warning: tuple[int, int]) -> list[OrgRef]:
    """The companies named in the sentence before a warning that 'all' or 'both' of them give ('Imperial Brands, the
    tobacco manufacturer; Pearson, the education publisher; and IAG all cut their outlooks'), or that they give in
    the plural ('A and B have issued profit warnings'), or none."""
    plural = shared_warning(f, lo, len(f.text)) == warning
    if not plural and _SHARED.search(f.text, max(lo, warning[0] - 16), warning[0]) is None:
        return []
    named = [c.item for c in _named(f) if c.start < warning[0]]  # the list may run over clauses ('A; B; and C all')
    return named if len(named) > 1 else []


def _warned_year(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """A company's change of outlook with neither a figure nor a period ('X, Y and Z all cut their outlooks') is of the
    period of the company's nearest results read elsewhere in the article, else of the year running: the fiscal year
    the article names as closing in another month than December ('the year to March'), else the year of publication.
    A profit warning of that kind ('issued a profit alert on Monday') keeps waiting for the figures that follow: it
    may be of a half or of the year before."""
    published = view.article.published
    if published is None:
        return
    warnings = phrases("earnings_preview", "qualitative_previews")
    for d in drafts:
        if d.subject is None or d.fields.get("period") is not None or d.fields.get("metrics"):
            continue
        if any(warnings.search(view.facts[i].text) is not None for i in d.sentences):
            continue
        kin = [o for o in drafts if o.fields.get("period") is not None and same_company(o.subject, d.subject)]
        nearest = min(kin, key=lambda o: abs(o.sentences[0] - d.sentences[0]), default=None)
        running = _article_fiscal_year(view) or f"FY{published.year}"
        period = nearest.fields["period"] if nearest is not None else running
        d.fields["period"] = period
        d.keys = {f"{d.subject.name}|{period}"}


def _name_the_unnamed(drafts: list[Draft[EarningsPreviewFields]]) -> list[Draft[EarningsPreviewFields]]:
    """Figures read with no company named belong to the one company whose results for that period the article
    gives ('COSCO expects first-half profit of about $5.7 billion ... COSCO Shipping Holdings plans ...'); where
    several companies give theirs (a round-up), they sum them up ('Several insurers issued profit warnings,
    projecting first-half earnings to slump by more than 40 per cent') and are no event of their own."""
    out = []
    for d in drafts:
        period = d.fields.get("period")
        named = [o for o in drafts if o.subject is not None and o.fields.get("period") == period]
        if d.subject is None and period is not None and named:
            if not all(same_company(o.subject, named[0].subject) for o in named):
                continue
            d.subject = named[0].subject
            d.fields["company"] = named[0].fields["company"]
            d.keys = set(named[0].keys)
        out.append(d)
    return out


#: 'made by Harbor Foods & Beverage Holdings Limited (the "Company", and with its subsidiaries, the "Group")':
#: the capitalised words (with '&', 'of' and a bracketed part) right before a filing defines its issuer
_DEFINED_ISSUER = untimed(
    "earnings_preview.defined_issuer",
    regex.compile(
        r"(?P<name>\p{Lu}[\p{L}\p{N}.'’-]*+(?:\s++(?:(?:&|and|of|for)\s++)?(?:\p{Lu}[\p{L}\p{N}.'’-]*+|\((?!\s*+(?:the\s++)?[\"“'‘])[^()]{1,40}\)))*+)"
        r"\*?\s*+[(（]\s*+(?:the\s++)?[\"“'‘](?:Company|Issuer)[\"”'’]"
    ),
)


def _defined_issuer(view: ArticleView) -> OrgRef | None:
    """The company a filing defines as 'the Company', wherever it does (often only in its last paragraph)."""
    for f in view.facts:
        if "Company" in f.text or "Issuer" in f.text:
            m = _DEFINED_ISSUER.search(f.text)
            if m is not None:
                return OrgRef(m.group("name"), company_key(m.group("name")), "pattern")
    return None


def _name_the_defined(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> None:
    """Figures read with no company named, in a filing that defines its issuer as 'the Company', are the issuer's
    ('... it is expected to record a small profit attributable to shareholders of the Company')."""
    if all(d.subject is not None for d in drafts):
        return
    issuer = _defined_issuer(view)
    if issuer is None:
        return
    for d in drafts:
        if d.subject is None:
            d.subject, d.fields["company"] = issuer, _written(issuer)
            d.keys = {f"{issuer.name}|{d.fields.get('period')}"}


#: what may stand before a metric that opens a sentence as its subject: one word ('The', 'Consolidated', 'Its')
_METRIC_OPENING = regex.compile(r"[^\p{L}\p{N}]*+(?:\p{L}[\p{L}-]*+\s++)?")


def _opens_with_metric(f: Facts) -> bool:
    """Whether a sentence that names no company opens with a metric as its subject ('Sales decreased 1.2 percent',
    'Consolidated Operating Profit: ...')."""
    if _named(f):
        return False
    hits = roles("earnings_preview", "metrics").hits(f.text)
    return bool(hits) and _METRIC_OPENING.fullmatch(f.text, 0, hits[0][0]) is not None


#: how many sentences a list of figures ('Sales: ...', notes between its lines) may run under the line announcing them
LIST_REACH = 12
#: a colon right after a line's metric: 'Operating Profit: 6.4 ~ 6.6 trillion won'
_LABEL_COLON = regex.compile(r"\s*+(?:\([^()\n]{1,30}\)\s*+)?[:：]")


def _listed_under(view: ArticleView, f: Facts, hits: list[tuple[int, int, str]]) -> OrgRef | None:
    """The company of a line that labels a figure with its metric ('Consolidated sales: approximately 55 trillion won')
    and names no company: the first named in the nearest earlier sentence that names one, when that sentence announces
    results or a preview ('X announced its earnings guidance for the first quarter'), the lines between naming none."""
    if not hits or _named(f) or _METRIC_OPENING.fullmatch(f.text, 0, hits[0][0]) is None:
        return None
    if _LABEL_COLON.match(f.text, hits[0][1]) is None:
        return None
    announcing = (phrases("earnings_preview", "results_announcements"), phrases("earnings_preview", "preview_cues"))
    for g in reversed(view.facts[max(0, f.sentence.index - LIST_REACH) : f.sentence.index]):
        named = _named(g)
        if named:
            return named[0].item if any(p.search(g.text) is not None for p in announcing) else None
    return None


def _changes_in(f: Facts, lo: int, hi: int) -> list[Located[Percentage]]:
    """The percentages of text[lo:hi] and the changes it writes as multiples ('halved'), in their order."""
    found = within(f.percentages, lo, hi)
    more = multiples(f.text, lo, hi)
    return sorted([*found, *more], key=lambda p: p.start) if more else found


@cache
def _adjusting_opening() -> regex.Pattern[str]:
    """A sentence's opening phrase of what its figures leave out, up to its comma: 'However, excluding tax credits under
    the act,'."""
    openers = alternation(words("earnings_preview")["adjusting_openers"], space=r"\s++")
    return regex.compile(rf"(?i)\W*+(?:\p{{L}}++,?\s++)?(?:{openers})\b[^,;]{{1,80}},")


def _adjusted(text: str, position: int) -> bool:
    """'Excluding tax credits, X saw an operating loss of 83 billion won': a figure after a sentence's opening phrase
    of what it leaves out is an adjusted measure."""
    m = _adjusting_opening().match(text)
    return m is not None and m.end() <= position


#: how far after a figure its own change may follow ('HKD 42 million to HKD 47 million, representing an increase of')
OWN_CHANGE_REACH = 60


def _changed_after(metric: _Metric, changes: Sequence[Located[Any]], figures: Sequence[int]) -> bool:
    """Whether a change follows a figure closely, with no other figure (an amount) or metric word between them: the
    figure's own change ('..., an increase of 50%'; not '..., while revenue rose 10%')."""
    end = metric["_end"]
    return any(
        end <= c.start <= end + OWN_CHANGE_REACH and not any(end <= s < c.start for s in figures) for c in changes
    )


#: what may stand between a word of comparison and the percentage it compares with ('up from a prior 4%')
_COMPARED_GAP = regex.compile(
    r"(?i)\s*+(?:(?:a|an|the|its|their)\s++)?(?:(?:prior|previous|earlier|former)\s++)?"
    r"(?:(?:forecast|estimate|guidance|target|outlook|expectation|range)\s++(?:of\s++)?)?"
)


def _compared_change(text: str, p: Located[Any], lo: int) -> bool:
    """Whether a percentage is what a change is compared with: right after a word of comparison ('up from a prior
    4% to 5%', 'versus 3%')."""
    comparisons = phrases("earnings_preview", "comparison_words")
    return any(
        _COMPARED_GAP.fullmatch(text, m.end(), p.start) is not None
        for m in comparisons.finditer(text, max(lo, p.start - 40), p.start)
    )


#: how far before a change the metric it is said of may stand ('sales are expected to rise 6%')
OWN_METRIC_REACH = 40


def _own_metric_before(
    text: str, hits: list[tuple[int, int, str]], out: list[tuple[int, _Metric]], target: _Metric, p: Located[Any]
) -> bool:
    """Whether a change that would go to a figure has a metric of its own right before it, with no figure between:
    another metric's word than the figure's ('sales to rise 6%, and EPS of $8.50'; 'EPS of $8.50, on a revenue
    decline of 4%')."""
    after = target["_end"] if target["_end"] <= p.start else 0  # a figure before the change: its metric word after it
    near = [h for h in _changing(hits) if after <= h[0] and h[1] <= p.start and p.start - h[1] <= OWN_METRIC_REACH]
    if not near or any(near[-1][1] <= start < p.start for start, _ in out):
        return False
    table = words("earnings_preview")
    name = table["loss_metrics"].get(near[-1][2], near[-1][2])
    mine = {target["metric"], *(k for k, v in table["per_share_metrics"].items() if v == target["metric"])}
    return name not in mine and not (name == "sales" and target["metric"] == "revenue")


#: what joins two metrics that share one change: 'operating profit and net income are expected to fall 55%'
_JOINED = regex.compile(r"(?i)\s*+(?:,\s*+)?(?:and|&)\s++(?:(?:its|the)\s++)?")


def _joined_before(text: str, hits: list[tuple[int, int, str]], position: int, name: str) -> list[str]:
    """The metrics joined by 'and' right before the metric a change is of ('operating profit and net income ... down
    55%'): each shares the change; none when the change's metric stands alone."""
    earlier = [h for h in hits if h[1] <= position]
    if not earlier or earlier[-1][2] != name:
        return []
    out: list[str] = []
    current = earlier[-1]
    for h in reversed(earlier[:-1]):
        if _JOINED.fullmatch(text, h[1], current[0]) is None:
            break
        if h[2] != name and h[2] not in out:
            out.append(h[2])
        current = h
    return out


#: 'sales of 1,583,521': a metric word followed by a bare number
_COUNT_AFTER = regex.compile(r"\s++(?:of\s++|reached\s++|at\s++)?(?P<n>\d[\d,.]*+)(?![\d,.]*+\s*+%)")


def _counted_before(text: str, hits: list[tuple[int, int, str]], position: int, amounts: list[Located[Money]]) -> bool:
    """Whether the metric a change is of (the last before it) counts units: a bare number, no money, right after it
    ('sales of 1,583,521 vehicles, up 14%')."""
    earlier = [h for h in hits if h[1] <= position and position - h[1] <= 60]
    if not earlier:
        return False
    m = _COUNT_AFTER.match(text, earlier[-1][1])
    if m is None or m.end() > position:
        return False
    return not any(a.start <= m.start("n") < a.end for a in amounts)


#: what stands between two metrics listed together: a comma or 'and', a few words, no figure ('Total revenue, gross
#: gaming revenue (GGR) and ...')
_LISTED_BETWEEN = regex.compile(r"(?=[^\d.;]*?(?:,|\band\b))[^\d.;]{1,40}")


def _respective_metrics(
    text: str, hits: list[tuple[int, int, str]], pcts: Sequence[Located[Percentage]]
) -> dict[int, str]:
    """'Revenue, operating profit and net profit fell 12%, 30% and 41%, respectively': the metrics listed together
    before the changes, paired in order with the changes listed together from the first (by the change's start);
    none unless the counts agree."""
    if not pcts:
        return {}
    changes = [pcts[0]]
    for p in pcts[1:]:
        if _LISTED_BETWEEN.fullmatch(text, changes[-1].end, p.start) is None:
            break
        changes.append(p)
    earlier = [h for h in hits if h[1] <= changes[0].start]
    if len(earlier) < 2:
        return {}
    run = [earlier[-1]]
    for h in reversed(earlier[:-1]):
        if _LISTED_BETWEEN.fullmatch(text, h[1], run[0][0]) is None:
            break
        run.insert(0, h)
    if len(run) < 2 or len(run) != len(changes):
        return {}
    return {p.start: h[2] for h, p in zip(run, changes)}


def _metric_before(hits: list[tuple[int, int, str]], position: int, reach: int = 60) -> str | None:
    earlier = [h for h in hits if h[1] <= position and position - h[1] <= reach]
    return earlier[-1][2] if earlier else None


def _other_role(text: str, m: Located[Money]) -> bool:
    """A figure announced as something else (an upfront fee, a market value) is no metric."""
    hits = roles("deal", "money_roles").hits(text, max(0, m.start - 40), m.start)
    return any(role != "total_value" for _, _, role in hits)


@cache
def _financing() -> regex.Pattern[str]:
    """A verb of fund raising right before a figure: 'raised $50 million'."""
    verbs = alternation(words("earnings_preview")["financing_verbs"], space=r"\s++")
    return regex.compile(rf"(?i)(?<![\w-])(?:{verbs})\s++$")


def _raised(text: str, m: Located[Money]) -> bool:
    """'raised $50 million from investors': money raised, not a result (while 'raised its forecast to' is one)."""
    return _financing().search(text, max(0, m.start - 24), m.start) is not None


#: 'and net profit, 56%': a figure after a metric and a comma, its change word left out
_ELLIPSIS = regex.compile(r"[\p{L}],\s*+$")
#: what every amount and percentage contains: a digit, or a Chinese numeral ('五亿元')
_FIGURE_HINT = regex.compile(r"\d|[一二三四五六七八九十百千万亿]")
_BREAK = regex.compile(r"[,;，；]")
#: '$39 million, or $0.21 per share': an amount restated
_OR = regex.compile(r",\s*+or\s++")
#: '0.23 euros per share', '$1.32 a share', 'HK$0.5 per diluted share'
_PER_SHARE = regex.compile(r"(?i)\s*+(?:per|a)\s++(?:(?:basic|diluted)\s++)?share\b|/sh(?:a?re?)?\b")
_RATE_AFTER, _RATE_BEFORE = regex.compile(r"\s*+="), regex.compile(r"=\s*+$")


def _exchange_rate(text: str, m: Located[Money]) -> bool:
    """'($1 = 7.7525 Hong Kong dollars)': either side of an exchange rate, no result."""
    return (
        _RATE_AFTER.match(text, m.end) is not None
        or _RATE_BEFORE.search(text, max(0, m.start - 4), m.start) is not None
    )


@cache
def _change_words() -> regex.Pattern[str]:
    """A word of change and 'of' or 'by' right before a figure: 'an increase of', 'fell by', 'rise by a range of'."""
    table = words("earnings_preview")
    changes = alternation([*table["up_words"], *table["down_words"]], space=r"\s++")
    return regex.compile(rf"(?i)(?<![\w-])(?:{changes})\s++(?:of|by)\s++(?:(?:a|the)\s++range\s++(?:of\s++)?)?$")


#: how far before an amount its word of change may start
CHANGE_AMOUNT_REACH = 40


def _change_amount(text: str, m: Located[Money]) -> bool:
    """'net profit of 900 million yuan, an increase of 300 million yuan on a year earlier': the amount a result changed
    by, not the result (its change in percent is the result's)."""
    return _change_words().search(text, max(0, m.start - CHANGE_AMOUNT_REACH), m.start) is not None


_FROM = regex.compile(r"(?i)(?<![\w-])(?:from|by)\s++$")
_TO = regex.compile(r"(?i)\s++to\s++(?:(?:a|the)\s++)?(?:(?:midpoint|level|range)\s++of\s++)?")


def _revised_from(text: str, m: Located[Any], after: Located[Any] | None) -> bool:
    """'upgraded from 2.58 trillion yen to 3.95 trillion yen', 'lowered by 0.02 euros to a midpoint of 0.23 euros',
    'the growth rate from 0.3% to 10.1%': the figure (an amount or a percentage) revised away from, or by, not the new
    one."""
    return (
        after is not None
        and _TO.fullmatch(text, m.end, after.start) is not None
        and _FROM.search(text, max(0, m.start - 8), m.start) is not None
    )


#: '... to a loss of 1.2 billion yen from 3.5 billion yen': what joins a figure revised to and the one it came from
_THEN_FROM = regex.compile(
    r"(?i)\s*+(?:[(（][^()（）]{1,40}[)）]\s*+)?from\s++(?:(?:a|an|the)\s++(?:profit|loss)\s++of\s++)?"
)
#: 'to', or 'to a loss of', right before a figure revised to
_TO_BEFORE = regex.compile(r"(?i)(?<![\w-])to\s++(?:(?:a|an|the)\s++)?(?:[\p{L}-]++\s++){0,2}(?:of\s++)?$")


def _revised_from_after(text: str, before: Located[Money] | None, m: Located[Money]) -> bool:
    """'lowered its revenue outlook to 113 billion yen from 116 billion yen', 'to a loss of 1.2 billion yen from 3.5
    billion yen': the figure revised from, written after the one revised to."""
    return (
        before is not None
        and _THEN_FROM.fullmatch(text, before.end, m.start) is not None
        and _TO_BEFORE.search(text, max(0, before.start - 24), before.start) is not None
    )


#: how far before a generic loss the metric it is of may stand ('operating profit forecast to a loss of')
LOSS_OF_REACH = 48


def _loss_of(
    text: str, m: Located[Money], hits: list[tuple[int, int, str]], amounts: list[Located[Money]]
) -> str | None:
    """'operating profit to swing to a loss of 1.2 billion yen': the loss metric of the profit named right before a
    generic loss, no figure and no comma between them; None without one."""
    table = words("earnings_preview")
    losses: dict[str, str] = {profit: loss for loss, profit in reversed(list(table["loss_metrics"].items()))}
    earlier = [h for h in hits if h[1] <= m.start and m.start - h[1] <= LOSS_OF_REACH and h[2] in losses]
    if not earlier:
        return None
    last = earlier[-1]
    if any(last[1] <= a.start < m.start for a in amounts) or _BREAK.search(text, last[1], m.start):
        return None
    return losses[last[2]]


def _revised_to(text: str, before: Located[Money] | None, m: Located[Money], lo: int, hi: int) -> bool:
    """'revised upward from the previous forecast of 400 million yen to 500 million yen': the figure a revision went
    to, after the one it came from, which the comparison speaks for alone."""
    return (
        before is not None
        and _TO.fullmatch(text, before.end, m.start) is not None
        and _in_comparison(text, before.start, lo, hi)
    )


def _fell_below_zero(metric: _Metric, signed: set[str]) -> bool:
    """'net profit of 1.2 billion to 1.5 billion yuan, a decrease of 140.5% to 162.3%': a result that may be a loss,
    written by its size, that fell by more than all of it a year on, is a loss."""
    value, change = metric.get("value"), metric.get("yoy_pct")
    if value is None or change is None or metric["metric"] not in signed or value.value <= 0:
        return False
    bounds = metric.get("yoy_pct_range") or [change]
    return max(bounds) <= -100


def _dedupe(items: list[_Metric]) -> list[MetricFields]:
    """One metric of each name: the first, unless a later one has a change where the first has neither a value nor a
    change; a later change of it that gives its figure more fully replaces its own ('over 25%, ... 25% to 35%')."""
    out: dict[str, MetricFields] = {}
    for item in items:
        kept = out.get(item["metric"])
        if kept is None or (
            kept.get("yoy_pct") is None and item.get("yoy_pct") is not None and kept.get("value") is None
        ):
            out[item["metric"]] = item
        elif (
            kept.get("yoy_pct") is not None
            and item.get("yoy_pct") is not None
            and item.get("value") is None
            and fuller_change(
                kept["yoy_pct"] or 0.0, kept.get("yoy_pct_range"), item["yoy_pct"] or 0.0, item.get("yoy_pct_range")
            )
        ):
            kept["yoy_pct"], kept["yoy_pct_range"] = item["yoy_pct"], item.get("yoy_pct_range")
    return list(out.values())


@cache
def _year_link() -> regex.Pattern[str]:
    """A word joining a figure to the bare year right after it ('NOK 220 million for 2023', '$3 billion in 2024')."""
    links = alternation(words("earnings_preview")["year_links"], space=r"\s++")
    return regex.compile(
        rf"(?i)\s*+(?:[(（][^()（）]{{1,40}}[)）]\s*+)?(?:{links})\s++(?P<year>(?:19|20)\d\d)(?![\d/-])"
    )


def _figure_end(f: Facts, position: int) -> int | None:
    """Where the amount or percentage that starts at `position` ends; None where none starts there."""
    ends = [a.end for a in f.amounts if a.start == position] + [p.end for p in f.percentages if p.start == position]
    return ends[0] if ends else None


def _year_after_figure(f: Facts, position: int) -> str | None:
    """'FY2023' for a figure at `position` followed by a link and a bare year of no period or date of its own, read
    as the year ('an EBITDA of NOK 220-230 million for 2023'); None otherwise."""
    end = _figure_end(f, position)
    if end is None:
        return None
    m = _year_link().match(f.text, end)
    if m is None:
        return None
    if not _bare_year(f, m.start("year")):
        return None
    return f"FY{m.group('year')}"


def _bare_year(f: Facts, at: int) -> bool:
    """Whether the year at `at` stands alone: inside no period or finer date of the sentence and in no comparison."""
    spans = [(x.start, x.end) for x in f.periods] + [(d.start, d.end) for d in f.dates if len(d.item.value) > 4]
    return not any(a <= at < b for a, b in spans) and not _in_comparison(f.text, at, 0, len(f.text))


#: a bare year right before the metric word it qualifies, a word or two between ('its 2023 full-year EPS outlook')
_YEAR_BEFORE_METRIC = regex.compile(r"(?<![\d.,/-])(?P<year>(?:19|20)\d\d)(?:\s++[\p{L}-]++){0,2}\s++$")


def _attributive_year(f: Facts, lo: int, position: int) -> str | None:
    """'FY2023' where the last metric word before the figure at `position` is qualified by a bare year right before it,
    of no period or date of its own and in no comparison, with no period written between the metric and the figure
    ('increased 2023 EPS outlook to $9.64 - $9.90'); None otherwise."""
    hits = roles("earnings_preview", "metrics").hits(f.text, lo, position)
    if not hits:
        return None
    start, end, _ = hits[-1]
    m = _YEAR_BEFORE_METRIC.search(f.text, max(lo, start - 40), start)
    if m is None:
        return None
    at = m.start("year")
    if not _bare_year(f, at):
        return None
    if any(end <= p.start < position for p in f.periods):
        return None  # '2023 revenue in the first quarter was ...': the period written after the metric
    year = _YEAR.match(f.text, at)
    return f"FY{_split_year_end(f.text, year)}" if year is not None else None


@cache
def _period_link() -> regex.Pattern[str]:
    """What joins a figure to the period right after it: a conversion in brackets or after 'or', then a link word
    ('RMB9.9 billion, or $1.44 billion, for the full financial year')."""
    links = alternation(words("earnings_preview")["period_links"], space=r"\s++")
    return regex.compile(
        rf"(?i)\s*+(?:[(（][^()（）]{{1,40}}[)）]\s*+)?(?:,\s*+or\s++[^,;]{{1,40}},\s*+)?(?:{links})\s++"
    )


def _period_after_figure(f: Facts, position: int) -> Located[str] | None:
    """The period a link joins right after the figure at `position`, outside a comparison; None without one."""
    end = _figure_end(f, position)
    m = _period_link().match(f.text, end) if end is not None else None
    if m is None:
        return None
    joined = [p for p in f.periods if m.end() <= p.start <= m.end() + len("the ")]
    return joined[0] if joined and not _in_comparison(f.text, joined[0].start, 0, len(f.text)) else None


#: how far before a percentage, and after it, a word of another base than the year before is looked for
BASE_LEFT, BASE_RIGHT = 90, 30


def _other_base(text: str, p: Located[Percentage]) -> bool:
    """Whether a change is measured against another base than a year earlier ('quarter-on-quarter', 'a quarter
    earlier', 'sequentially'), with no word of a year earlier near it."""
    window = text[max(0, p.start - BASE_LEFT) : p.end + BASE_RIGHT]
    other = phrases("earnings_preview", "other_bases").search(window) is not None
    return other and phrases("earnings_preview", "yoy_words").search(window) is None


def _forecast_on_another_base(f: Facts, lo: int, hi: int) -> bool:
    """Whether a clause forecasts a change on another base than a year earlier ('revenue for the third quarter is
    seen rising 1% to 3% sequentially'): a preview whose figure the contract has no place for."""
    cued = phrases("earnings_preview", "preview_cues").search(f.text, lo, hi) is not None
    return cued and any(_other_base(f.text, p) for p in within(f.percentages, lo, hi))


def _around(text: str, p: Located[Percentage]) -> str:
    """The words around a percentage where its direction is looked for."""
    return text[max(0, p.start - YOY_LEFT) : p.end + YOY_RIGHT]


@cache
def _change_base() -> regex.Pattern[str]:
    """The base a percentage change is measured from, right before a position: 'up 8% from 2022', 'a rise of 12
    percent over the same period of 2023'."""
    links = alternation(words("earnings_preview")["change_base_links"], space=r"\s++")
    return regex.compile(
        rf"(?i)(?:%|(?<![\w-])(?:per\s*+cent|percent|pct)\.?)\s*+(?:(?:year[\s-]on[\s-]year|y-o-y|yoy)\s++)?"
        rf"(?:{links})\s++(?:the\s++)?(?:(?:same\s++|corresponding\s++)?(?:period|quarter|half|year)\s++(?:of|in)\s++)?"
        r"(?:(?:fiscal|financial)\s++(?:year\s++)?)?$"
    )


#: 'a net profit of KES 75mn in 2022 from a loss of ...', 'rose to $5bn (€4.6bn) from ...': a figure, then 'from' and
#: the figure it moved from
_FIGURE_FROM = regex.compile(
    r"(?i)(?:\d|\b(?:mn|bn|million|billion|trillion)|[)）])\s*+(?:(?:in|for)\s++(?:19|20)\d\d\s*+)?,?\s*+from\s++"
    r"(?:(?:a|an)\s++)?(?:(?:net\s++)?(?:loss|profit)\s++of\s++)?$"
)


def _after_change(text: str, position: int) -> bool:
    """Whether `position` follows a change and the word that gives its base: a percentage ('up 8% from 2022') or a
    figure ('a profit of KES 75mn in 2022 from a loss of KES 38mn')."""
    lo = max(0, position - 80)
    return _change_base().search(text, lo, position) is not None or _FIGURE_FROM.search(text, lo, position) is not None


_LISTED_NEXT = regex.compile(r"\s*+(?:[(（][^()（）]{1,40}[)）]\s*+)?(?:,\s*+)?(?:and\s++)?", regex.I)


def _base_listed(text: str, before: Located[Money] | None, m: Located[Money]) -> bool:
    """Whether an amount goes on a list of bases a change is measured from ('growth of 1% from VND5 trillion and
    VND2 trillion respectively'): the amount before it is a base, and only 'and' or a comma comes between."""
    return (
        before is not None
        and _after_change(text, before.start)
        and _LISTED_NEXT.fullmatch(text, before.end, m.start) is not None
    )


def _in_comparison(text: str, position: int, lo: int, hi: int) -> bool:
    """True when `position` lies in a comparison: 'compared with a loss of RMB 1.1 billion in 2023', 'up 8% from
    2022'."""
    if _after_change(text, position):
        return True
    for m in phrases("earnings_preview", "comparison_words").finditer(text, lo, position):
        between = text[m.end() : position]
        if not any(c in between for c in ",;") or len(between) < 40:
            return True
    return False


def read_flagged(view: ArticleView, index: int) -> list[Draft[EarningsPreviewFields]]:
    """The earnings previews of a sentence the trained detector flags where no rule drafted one."""
    return EarningsRecognizer().read_sentence(view, index)
