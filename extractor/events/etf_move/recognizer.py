"""ETF moves: a fund's price change, intraday extremes, turnover, flows, size and index."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any, Literal

import regex

from extractor.contract import Located, Money, Percentage
from extractor.datafiles import load_json
from extractor.events.common import RESPECTIVELY, negated, within
from extractor.events.draft import Draft
from extractor.events.etf_move.book import FundBook
from extractor.events.etf_move.dating import day_after, day_before, move_date, named_day
from extractor.events.etf_move.model import EtfMoveFields, ReadField, is_read_field
from extractor.events.roles import assign_roles
from extractor.facts.analysis import ArticleView, EtfRef, Facts
from extractor.facts.lexicon import Hit, phrases, roles, words
from extractor.facts.patterns import alternation

#: an index's name: capitalised words (or figures) ending in its last 'Index' ('the China Securities Index Hong Kong
#: Stock Connect High Dividend Index': a provider's name may hold the word)
_INDEX_NAME = r"(?P<index>(?:[\p{Lu}\d][\w&'’.%/-]*+\s++){1,10}Index)"
#: what a fund follows of its index: 'the performance of', 'the return rate of'
_INDEX_MEASURE = (
    r"(?:the\s++(?:(?:price\s++and\s++yield\s++)?performance|movements?|return(?:\s++rate)?|returns)\s++of\s++)?"
)


@cache
def _index() -> regex.Pattern[str]:
    """'tracks the CSI Hong Kong Innovative Drug Index', 'is based on the return rate of the CSI 1000
    Index', 'The performance benchmark for the ETF is the return rate of the CSI Coal Index': the index a
    fund follows, after a verb of the table or its benchmark's 'is'."""
    table = words("etf_move")
    verbs, benchmarks = alternation(table["index_verbs"]), alternation(table["benchmark_words"])
    return regex.compile(
        rf"(?:{verbs}|(?:{benchmarks})\b[^.;,]{{0,80}}?\s(?:is|are))[,:]?\s++{_INDEX_MEASURE}(?:the\s++)?"
        rf"{_INDEX_NAME}(?:\s*+[(（]\d{{5,6}}[)）])?"
    )


@cache
def _index_before() -> regex.Pattern[str]:
    """'the CSI All Share Securities Index tracked by the ', 'the MSCI Emerging Markets Index, as tracked by ': an
    index named before the fund that follows (searched up to the fund's mention)."""
    passives = alternation(words("etf_move")["index_passives"])
    return regex.compile(
        rf"{_INDEX_NAME}(?:\s*+[(（]\d{{5,6}}[)）])?\s*+,?\s*+(?:as\s++)?(?:{passives})\s++by\s++(?:the\s++)?$"
    )


@cache
def _before_head() -> regex.Pattern[str]:
    """'$16.5 billion ETF', '$1.2 billion KraneShares CSI China Internet Fund': an amount standing before a fund's
    head noun, with no clause mark between (the fund's size)."""
    heads = alternation(words("etf_move")["attributive_heads"])
    return regex.compile(rf"\s++(?:[\w&'’.-]++\s++){{0,6}}?(?:{heads})(?![\w-])")


#: a label opening a line of a fund's note ('Liquidity: intraday turnover is 3.77% ...', 'Net inflows: ...'), perhaps
#: after a list's bullet ('+ Volume: ...'): the line goes on with the fund of the lines before, as a sentence of its
#: paragraph would
_LABEL = regex.compile(r"\s*+(?:[+•●*·-]\s*+)?\p{Lu}[\p{L}-]*+(?:\s[\p{L}-]++){0,2}[:：]\s")


@cache
def _topic() -> regex.Pattern[str]:
    """'In terms of liquidity, ', 'Regarding capital flows, ': a phrase of the table and a few lower-case words, then
    a comma, opening a paragraph about an aspect of the fund named before it."""
    openers = alternation(words("etf_move")["topic_openers"])
    return regex.compile(
        rf"\s*+(?:{openers})\s++(?:the\s++)?\p{{Ll}}[\p{{Ll}}-]*+(?:\s++\p{{Ll}}[\p{{Ll}}-]*+){{0,2}}[,，:：]\s"
    )


def _tracked(text: str, lo: int, hi: int) -> regex.Match[str] | None:
    """The first index text[lo:hi] says a fund tracks, not one it says the fund does not ('instead of tracking the
    ASX 200 Index, VAS tracks the S&P/ASX 300 Index': the S&P/ASX 300)."""
    negations = phrases("etf_move", "index_negations")
    for m in _index().finditer(text, lo, hi):
        if negations.search(text, max(lo, m.start() - NEGATION_REACH), m.start()) is None:
            return m
    return _bracketed_index().search(text, lo, hi)


@cache
def _bracketed_index() -> regex.Pattern[str]:
    """'The E1VFVN30 fund (tracking VN30)': an index named in brackets after a verb of tracking, by its short name."""
    verbs = alternation(words("etf_move")["index_verbs"])
    return regex.compile(rf"[(（]\s*+(?:{verbs})\s++(?:the\s++)?(?P<index>[\p{{Lu}}\d][^()（）,;:]{{0,40}}?)\s*+[)）]")


#: how far before a verb of tracking a word may stand that denies it
NEGATION_REACH = 14


#: how far into a sentence a word referring back to the fund may stand for the sentence to open on it
OPENING_REACH = 30


def _opens_on_the_fund(f: Facts) -> bool:
    """A sentence that opens by referring back to the fund ('The ETF's performance metrics ...'): its paragraph goes
    on about that fund."""
    return phrases("etf_move", "anaphora", ignore_case=False).search(f.text[:OPENING_REACH]) is not None


#: a phrase opening a sentence up to its first comma ('With assets under management of $6.5 billion, ')
_FRONTED = regex.compile(r"(?:[^,;:.!?]|(?<=\d)[.,](?=\d)){1,150}?[,，]\s*+")


def _fronted_anaphora(text: str) -> Hit | None:
    """A word referring back to the fund right after the phrase that opens the sentence ('With assets of about $6.5
    billion as of January, this fund stands as ...'): the subject of the sentence, whose figures are the fund's."""
    opening = _FRONTED.match(text)
    if opening is None:
        return None
    return phrases("etf_move", "anaphora", ignore_case=False).match(text, opening.end())


def _speaks_of_the_group(f: Facts) -> bool:
    """A sentence that opens on the funds the sentence before listed ('These funds gained nearly 8% last week'; words.json
    group_anaphora), before any figure, and names no company."""
    opening = phrases("etf_move", "group_anaphora", ignore_case=False).match(f.text)
    return opening is not None and not f.companies


def _continues(f: Facts) -> bool:
    """A line that goes on with the fund of the lines before it: a label ('Liquidity: ...', 'Net inflows: ...') or a
    topic ('In terms of liquidity, ...') opens it."""
    return _LABEL.match(f.text) is not None or _topic().match(f.text) is not None


#: a fund described in lower case ('the 5-10 year government bond ETF'): in an article of one fund, that fund
_DESCRIBED = regex.compile(r"\b([Tt]he)\s++(?:[\p{Ll}\d][\p{Ll}\d-]*+\s++){1,5}(ETF|fund)\b")


def _the_fund(m: regex.Match[str]) -> str:
    """'the 5-10 year government bond ETF' -> 'the ETF' padded to the same length (offsets kept)."""
    short = f"{m.group(1)} {m.group(2)}"
    return short + " " * (len(m.group()) - len(short))


#: the fields of a move that hold facts (not the fund's identity)
FACTS = ("change_pct", "intraday_high_pct", "intraday_low_pct", "turnover", "net_inflow", "fund_size")
#: the fields of a move that say what happened on its day (a size is a level at a moment)
MOVES = ("change_pct", "intraday_high_pct", "intraday_low_pct", "turnover", "net_inflow")
#: a fund's size and a day's trading are never negative: a sign that brackets gave them is dropped
UNSIGNED: tuple[Literal["fund_size", "turnover"], ...] = ("fund_size", "turnover")
#: an amount below this is a unit's price, never a fund's turnover, flow or size
PRICE_CEILING = 10_000
#: a change over a period ('gained 30% in the past year'): the fund's change only where the article gives no day's
PERIOD: Literal["period_change"] = "period_change"
#: a reading of a sentence: where it stands, a field (or PERIOD) and its value
Reading = tuple[int, ReadField | Literal["period_change"], Any]


@dataclass
class _Draft(Draft[EtfMoveFields]):
    """A draft of a fund's move, with the change over a period its sentence gives the fund, if any."""

    period: float | None = None


class EtfMoveRecognizer:
    """A fund's move, trading and flows, read clause by clause and assigned to the nearest fund."""

    def extract(self, view: ArticleView) -> list[Draft[EtfMoveFields]]:
        """Drafts of ETF moves, one per sentence and fund, to be merged per fund later; only funds the article
        identifies by a code or ticker make events (a name alone may stand for several funds)."""
        book = FundBook.of(view)
        known = book.known
        coded = known | {m.item.code for f in view.facts for m in f.etfs if m.item.code}
        currency = cache(lambda: _article_currency(view))  # read only where a nil flow needs it
        drafts: list[Draft[EtfMoveFields]] = []
        context: EtfRef | None = None
        context_para = -1
        listed: list[Located[EtfRef]] = []  # the funds the last sentence naming any listed, for 'These funds ...'
        listed_para = -1
        named: dict[str, Draft[EtfMoveFields]] = {}  # a fund's first mention in the body, as a draft of no figure
        names: dict[str, set[str]] = {}  # the names the article gives each code, headlines included
        for f in view.facts:
            mentions = book.mentions(f, view, known)
            para = f.sentence.paragraph
            for m in mentions:
                if m.item.code and m.item.name:
                    names.setdefault(m.item.code, set()).add(m.item.name)
            for m in mentions if not f.sentence.headline else []:
                if m.item.code and m.item.code not in named:
                    named[m.item.code] = self._draft(view, f, m.item, {})
            group = _respective_group(f.text, mentions)
            paired = self._respectively(view, f, group) if group else []
            if paired:
                drafts.extend(paired)
                rest = mentions[: len(mentions) - len(group)]
                if rest:  # 'A jumped 8%, while B and C rose 2.8% and 2.7%, respectively': A's figures stand before
                    drafts.extend(self._by_runs(view, f, rest, currency, _attributive_start(f, group[0].start)))
                context = None  # 'it' after figures paired with several funds is none of them in particular
                continue
            if mentions:
                drafts.extend(self._by_runs(view, f, mentions, currency, _other_fund_at(f.text, mentions[-1].end)))
            elif len(listed) > 1 and para == listed_para and _speaks_of_the_group(f):
                readings = self._readings(f, 0, len(f.text), currency)
                drafts.extend(self._draft(view, f, m.item, _first(readings)) for m in listed)
            elif context is not None and self._refers_back(f, para == context_para or _continues(f), len(coded) == 1):
                readings = self._readings(f, 0, len(f.text), currency)
                drafts.append(self._draft(view, f, context, _first(readings), _dropped(readings), _period(readings)))
                context_para = para  # the rest of a paragraph that speaks of the fund is the fund's too
            elif context is not None and _opens_on_the_fund(f):
                context_para = para  # 'The ETF's performance metrics reveal a complex picture. While the net ...'
            if mentions:
                context, context_para = mentions[-1].item, para
                if _other_fund_at(f.text, mentions[-1].end) < len(f.text):
                    context = None  # the sentence ends on another fund, named with no code: 'it' is that one
                listed, listed_para = mentions, para
        _periods_stand_in(drafts)
        kept = [d for d in drafts if d.fields.get("etf_code") and (d.signals or "tracked_index" in d.fields)]
        kept += _borne_out(kept, named)
        kept = _in_passing_dropped(kept)
        _index_shared(kept)
        _index_from_names(kept)
        if len(coded) == 1:
            _index_of_the_one_fund(view, kept, names)
        _peaks_give_way(view, kept)
        _spans_give_way(view, kept)
        _approximations_give_way(view, kept)
        _apart_by_day(view, kept)
        return kept

    def _by_runs(
        self, view: ArticleView, f: Facts, mentions: list[Located[EtfRef]], currency: Callable[[], str], end: int
    ) -> list[Draft[EtfMoveFields]]:
        """Drafts of the funds a sentence names, up to `end`: each run of funds listed together reads the text up to
        the next run."""
        drafts: list[Draft[EtfMoveFields]] = []
        overtaken = _overtaken(f, mentions)
        for m, size in overtaken:
            drafts.append(self._draft(view, f, m.item, {"fund_size": size.item} if size else {}))
        skipped = {id(m) for m, _ in overtaken}
        mentions = [m for m in mentions if id(m) not in skipped]
        aside = [(size.start if size else m.start, m.end) for m, size in overtaken]
        runs = _runs(f.text, _without_appositions(f.text, mentions))
        starts = [0] + [_attributive_start(f, run[0].start) for run in runs[1:]]
        lead = _lead_role(f.text, mentions[0].start) or _role_of_the_total(view, f)
        direction: str | None = None
        carried: str | None = (
            None  # the role of the amount the run before read ('A drew $2 billion, followed by B ($1 billion)')
        )
        for i, run in enumerate(runs):
            lo = starts[i]
            hi = starts[i + 1] if i + 1 < len(runs) else end
            read = self._readings(f, lo, hi, currency, lead or carried, run[0].start, direction)
            read = [r for r in read if not any(a <= r[0] < b for a, b in aside)]
            readings = _after_the_fund(f.text, read, run[0].start)
            direction = _direction(readings)
            carried = _amount_role(readings) or carried
            per_fund = _distribute(f.text[run[-1].end : hi], readings, len(run))
            cut = _dropped(readings) if len(run) == 1 else None
            days = self._two_days(view, f, run[0].item, readings, cut) if cut is not None else []
            period = _period(readings) if len(run) == 1 else None
            drafts.extend(
                days or [self._draft(view, f, m.item, fields, cut, period) for m, fields in zip(run, per_fund)]
            )
        return drafts

    def _two_days(
        self, view: ArticleView, f: Facts, ref: EtfRef, readings: list[Reading], cut: int
    ) -> list[Draft[EtfMoveFields]]:
        """A fund's figures on two days one sentence names, as two drafts ('ended Thursday -0.74% and has dropped 3.2%
        in pre-market trading for Friday morning'): the figures before the first one read again, dated by the day
        named before it, and the rest, dated by a later day named after it; none otherwise."""
        later = day_after(view, f.sentence.index, cut)
        earlier = day_before(view, f.sentence.index, cut)
        if later is None or earlier is None or earlier >= later:
            return []  # two days the sentence names in their order, one on each side of the figure read again
        first = self._draft(view, f, ref, _first([r for r in readings if r[0] < cut]), cut)
        if first.date != earlier:
            return []
        second = self._draft(view, f, ref, _first([r for r in readings if r[0] >= cut]))
        second.date = later
        return [first, second]

    def _respectively(self, view: ArticleView, f: Facts, mentions: list[Located[EtfRef]]) -> list[Draft[EtfMoveFields]]:
        """'520500 and 520880 drew RMB 326 million and RMB 188 million respectively': pair them in order, the
        figures with the funds named last ('TLT's competitors, SPTL and VGLT, saw inflows of $10 million and $2
        million, respectively'), and an amount right before a fund is its size; none where the figures after the funds do not pair ('IVV +0.6%) and ... (VOO +0.5%)
        are the second and fourth largest, respectively': each fund's figure stands by it)."""
        text, tail = f.text, mentions[-1].end
        end = _respectively_end(text, tail)
        per_fund: list[EtfMoveFields] = [{} for _ in mentions]
        amounts = within(f.amounts, tail, end)
        if 1 < len(amounts) <= len(mentions):
            found = assign_roles(text, [(a.start, a.end) for a in amounts], roles("etf_move", "money_roles"), lo=tail)
            found = [r or next((x for x in found if x), None) or _flow_role_before(view, f) for r in found]
            for fields, m, role in zip(per_fund[-len(amounts) :], amounts, found):
                if role == "net_outflow":
                    fields["net_inflow"] = negated(m.item)
                elif role is not None and is_read_field(role):
                    fields[role] = m.item
        pcts = within(f.percentages, tail, end)
        if 1 < len(pcts) <= len(mentions):
            found = assign_roles(text, [(p.start, p.end) for p in pcts], roles("etf_move", "pct_roles"), right=0, lo=0)
            found = [r or next((x for x in found if x), None) for r in found]
            for fields, p, role in zip(per_fund[-len(pcts) :], pcts, found):
                reading = self._read_pct(text, p, role, len(text))
                if reading is not None and reading[0] not in fields:
                    fields[reading[0]] = reading[1]
        for fields, ref in zip(per_fund, mentions):
            size = next((a.item for a in f.amounts if _right_before(text, a.end, ref.start)), None)
            if size is not None and abs(size.value) >= PRICE_CEILING and "fund_size" not in fields:
                fields["fund_size"] = size  # 'The $21 billion ProShares UltraPro QQQ (TQQQ) and ...'
        return [self._draft(view, f, ref.item, fields) for ref, fields in zip(mentions, per_fund) if fields]

    @staticmethod
    def _draft(
        view: ArticleView,
        f: Facts,
        ref: EtfRef,
        fields: EtfMoveFields,
        cut: int | None = None,
        period: float | None = None,
    ) -> Draft[EtfMoveFields]:
        """A draft of the fund's fields, dated by the text before `cut` (where a figure the draft left out
        starts: 'was down 14.1% for its steepest fall since it lost 17.3% on June 11, 2020'), with the change over
        a `period` the sentence gives; a tracked index alone dates nothing."""
        facts = [k for k in FACTS if k in fields]
        key = ref.code or (ref.name or "").lower()
        return _Draft(
            "etf_move",
            {"etf_code": ref.code, "etf_name": ref.name, **fields},
            [f.sentence.index],
            move_date(view, f.sentence.index, cut) if facts else None,
            f.sentence.headline,
            {key},
            signals=len(facts),
            period=period,
        )

    @staticmethod
    def _refers_back(f: Facts, same_paragraph: bool, only_fund: bool = False) -> bool:
        """A sentence without a fund name speaks of the last fund: 'the ETF', 'it', or a bare figure; in an article
        of `only_fund`, also a description of a fund ('The liquidity for the 5-10 year government bond ETF ...')."""
        text = f.text
        first_figure = min([a.start for a in f.amounts] + [p.start for p in f.percentages], default=None)
        # a word that refers back only after the figures owns none of them ('The Nasdaq 100 Index has dropped 8%
        # from its July 10 record')
        reach = min(60, first_figure or 60)
        anaphora = phrases("etf_move", "anaphora", ignore_case=False).search(text[:reach])
        if anaphora is None:
            anaphora = _fronted_anaphora(text)
        if anaphora is None and only_fund:
            anaphora = phrases("etf_move", "anaphora", ignore_case=False).search(
                _DESCRIBED.sub(_the_fund, text[:reach])
            )
        if anaphora is None and (
            not same_paragraph or phrases("etf_move", "other_subjects", ignore_case=False).search(text)
        ):
            return False  # another subject, before the figures are even read
        if anaphora is not None and anaphora.group().strip() in words("etf_move")["possessives"]:
            other = phrases("etf_move", "other_subjects", ignore_case=False).search(text, anaphora.end(), first_figure)
            if other is not None:
                return False  # 'Among its constituent stocks, X rose 8.39%': the figures are the stocks'
        if first_figure is None:  # an index it tracks, or flows that were nil ('inflows and outflows were flat')
            zero = phrases("etf_move", "zero_flows").search(text) is not None and _speaks_of_flows(text)
            unchanged = anaphora is not None and bool(_unchanged(text, anaphora.end(), len(text)))
            return (anaphora is not None and _index().search(text) is not None) or zero or unchanged
        return not any(c.start < first_figure for c in f.companies)

    def _readings(
        self,
        f: Facts,
        lo: int,
        hi: int,
        currency: Callable[[], str],
        lead: str | None = None,
        fund_at: int | None = None,
        direction: str | None = None,
    ) -> list[Reading]:
        """What text[lo:hi] says of a fund, figure by figure in the order of the text; an amount no word near it
        gives a role takes `lead`, the role the sentence gave before naming its funds; an amount standing right
        before the fund's mention at `fund_at` is its size; words of nil flows give a net inflow of zero in
        the sentence's currency, else the one `currency` gives; a percentage no word or sign gives a direction
        takes `direction`, that of the change the sentence gave the fund before ('A returned 21% in May, while
        B came in at 20%')."""
        text = f.text
        out: list[Reading] = []
        amounts = within(f.amounts, lo, hi)
        money_roles = assign_roles(
            text, [(a.start, a.end) for a in amounts], roles("etf_move", "money_roles"), lo=lo, hi=hi
        )
        for m, role in zip(amounts, _totalled(text, amounts, _conjoined(text, amounts, money_roles))):
            if abs(m.item.value) < PRICE_CEILING:
                continue  # 'jumped 7.85% to 3.04 yuan': a unit price, whatever word is near
            if role is None and (_before_head().match(text, m.end, hi) or _right_before(text, m.end, fund_at)):
                role = "fund_size"  # 'The $3.4 billion iShares MSCI China ETF', 'the $21 billion ProShares ... (TQQQ)'
            if role is None and _sign(text, m.start, m.item.value) and _speaks_of_flows(text):
                role = "net_outflow" if m.item.value < 0 else "net_inflow"  # 'KWEB +$2.3B, FXI -$2.3B' in flows
            if role is None:
                role = lead  # 'Net inflows came mainly from A (83188), estimated at Rmb 1.0 billion, followed by B ...'
            if role == "net_outflow":
                out.append((m.start, "net_inflow", negated(m.item)))
            elif role in UNSIGNED and is_read_field(role) and m.item.value < 0:
                out.append((m.start, role, _positive(m.item)))  # 'scale (2.75 billion yuan)', 'traded ($840 million)'
            elif role is not None and is_read_field(role):
                out.append((m.start, role, m.item))
        out = _without_starting_points(text, out)
        out = _without_peaks(text, out, amounts)
        if not any(name == "net_inflow" for _, name, _ in out):
            out.extend(_zero_flow(f, lo, hi, currency))
        pcts = [p for p in within(f.percentages, lo, hi) if not _inside_amount(p, amounts)]
        pct_roles = assign_roles(
            text, [(p.start, p.end) for p in pcts], roles("etf_move", "pct_roles"), right=0, lo=lo, hi=hi
        )
        for p, role in zip(pcts, _conjoined(text, pcts, pct_roles)):
            reading = self._read_pct(text, p, role, hi)
            if reading is None and direction is not None and not out:
                reading = self._read_pct(text, p, direction, hi)
            if reading is None or _of_a_price(text, p, amounts):
                continue
            if reading[0] == "change_pct" and _over_a_period(f, p):
                out.append((p.start, PERIOD, reading[1]))
            else:
                out.append((p.start, *reading))
        out = _without_quotes(text, out, frozenset(p.start for p in pcts if p.item.qualifier in _APPROXIMATE))
        if not any(name in ("change_pct", PERIOD) for _, name, _ in out):
            out.extend(_unchanged(text, lo if fund_at is None else max(lo, fund_at), hi))
        index = _tracked(text, lo, hi)
        if index:
            out.append((index.start(), "tracked_index", index.group("index").strip()))
        elif fund_at is not None and " by " in text[:fund_at]:
            before = _index_before().search(text, 0, fund_at)
            if before:
                out.append((before.start(), "tracked_index", before.group("index").strip()))
        return sorted(out, key=lambda r: r[0])

    @staticmethod
    def _read_pct(text: str, p: Located[Percentage], role: str | None, hi: int) -> tuple[ReadField, float] | None:
        sign = _sign(text, p.start, p.item.value)
        if role is None:
            after_word = text[p.end : min(hi, p.end + 10)].lstrip()
            if phrases("etf_move", "up_after").match(after_word):
                role = "up"
            elif phrases("etf_move", "down_after").match(after_word):
                role = "down"
            elif sign:
                role = "up" if sign > 0 else "down"  # '(KTEC) +6.3%', 'was -0.6% on the day'
            else:
                return None
        if sign < 0 and role == "up":
            role = "down"  # 'closed -0.6%': the sign tells the direction a neutral verb leaves open
        if p.item.qualifier == "up_to" and role in ("up", "down"):
            role = "intraday_down" if role == "down" else "intraday"  # "fell as much as 4.2%"
        value = abs(p.item.value)
        after = text[p.end : min(hi, p.end + 24)]
        before = text[max(0, p.start - 40) : p.start]
        down_after = phrases("etf_move", "down_after").search(after)
        if role in ("intraday", "intraday_down"):
            down = role == "intraday_down" or phrases("etf_move", "pct_roles", "down").search(before) is not None
            return ("intraday_low_pct", -value) if down else ("intraday_high_pct", value)
        if phrases("etf_move", "intraday_after").search(after) and not _TO_A_PRICE.match(after):
            down = role == "down" or down_after is not None
            return ("intraday_low_pct", -value) if down else ("intraday_high_pct", value)
        up_after = phrases("etf_move", "up_after").search(after, 0, 12)
        down = role == "down" or (
            down_after is not None and (up_after is None or down_after.start() < up_after.start())
        )
        return "change_pct", -value if down else value


#: 'intraday to close at RMB 0.54', 'intraday to HK$2.10' after a percentage: the change at the price the report
#: gives, no peak
_TO_A_PRICE = regex.compile(r"\s*+intraday\s++to\b")


def _in_passing_dropped(drafts: list[Draft[EtfMoveFields]]) -> list[Draft[EtfMoveFields]]:
    """Without the funds of which the article gives only the index they track, where it gives another fund's figures
    (a fund named in passing, beside the one it reports on)."""
    moved = {d.fields.get("etf_code") for d in drafts if d.signals}
    return [d for d in drafts if not moved or d.fields.get("etf_code") in moved]


def _borne_out(
    drafts: list[Draft[EtfMoveFields]], named: dict[str, Draft[EtfMoveFields]]
) -> list[Draft[EtfMoveFields]]:
    """Drafts of no figure for the funds whose figures only a headline gives ('ETF (159842) Rises 0.97% Intraday')
    where the body names them: the body bears the headline out."""
    body = {d.fields.get("etf_code") for d in drafts if not d.headline}
    headline = {d.fields.get("etf_code") for d in drafts if d.headline and d.signals}
    return [draft for code, draft in named.items() if code in headline - body]


def _respective_group(text: str, mentions: list[Located[EtfRef]]) -> list[Located[EtfRef]]:
    """The funds a 'respectively' pairs figures with: the last run of funds listed together where it has several
    ('A jumped 8%, while B and C rose 2.8% and 2.7%, respectively'), else every fund of the sentence; none without
    the word or with one fund."""
    if len(mentions) < 2 or not RESPECTIVELY.search(text):
        return []
    last = _runs(text, mentions)[-1]
    return last if len(last) > 1 else mentions


def _amount_role(readings: list[Reading]) -> str | None:
    """The role of the last amount a run read that was a day's turnover or flow: the role an amount of the next run
    that no word gives a role takes."""
    for _, name, value in reversed(readings):
        if name == "turnover":
            return name
        if name == "net_inflow" and isinstance(value, Money):
            return "net_outflow" if value.value < 0 else "net_inflow"
    return None


def _direction(readings: list[Reading]) -> str | None:
    """'up' or 'down', as the change a fund's readings give (a day's or a period's) went; None without one."""
    change = next((v for _, n, v in readings if n in ("change_pct", PERIOD)), None)
    return None if change is None else "down" if change < 0 else "up"


def _overtaken(f: Facts, mentions: list[Located[EtfRef]]) -> list[tuple[Located[EtfRef], Located[Money] | None]]:
    """The funds a sentence names as what the fund before them overtook ('A surpassed the $33 billion B in total
    assets, reaching $34.3 billion'), each with the amount standing right before it (its size): the figures after
    such a fund are the first fund's."""
    out: list[tuple[Located[EtfRef], Located[Money] | None]] = []
    for before, m in pairwise(mentions):
        start = _attributive_start(f, m.start)
        if _OVERTAKING.search(f.text, before.end, start) is None:
            continue
        size = next((a for a in f.amounts if a.start == start and abs(a.item.value) >= PRICE_CEILING), None)
        out.append((m, size))
    return out


#: a verb of overtaking right before a fund (perhaps with its size between): the fund named after it is compared
_OVERTAKING = regex.compile(
    r"\b(?:surpass(?:ed|es|ing)?|overt(?:ook|akes?|aking|aken)|eclips(?:ed|es|ing)|outgr(?:ew|own|ows))\s++"
    r"(?:the\s++)?$"
)


def _respectively_end(text: str, tail: int) -> int:
    """Where the figures a 'respectively' pairs end: at the word, where it follows the funds ('A and B drew $3
    million and $2 million, respectively, while others drew less than $1 million'), else at the sentence's end."""
    found = RESPECTIVELY.search(text, tail)
    return found.end() if found else len(text)


def _split(drafts: list[Draft[EtfMoveFields]], d: Draft[EtfMoveFields]) -> bool:
    """Whether a draft is one of a fund's two days read from one sentence (another draft of the fund from the same
    sentence has another date)."""
    return any(
        o is not d
        and o.sentences == d.sentences
        and o.fields.get("etf_code") == d.fields.get("etf_code")
        and o.date not in (None, d.date)
        for o in drafts
    )


def _apart_by_day(view: ArticleView, drafts: list[Draft[EtfMoveFields]]) -> None:
    """One event per fund and day: where the body gives a fund's figures on two days it names ('drew $1.6 billion
    on Wednesday', 'was down 1.2% on Thursday'), each day's drafts get a key of their own; a draft whose sentence
    names no day goes with the last day named for the fund before it (else the first)."""
    explicit: dict[int, str] = {}
    for i, d in enumerate(drafts):
        if d.date is None or len(d.date) != 10 or not any(k in d.fields for k in MOVES):
            continue  # a size or an index is a level, no move of the day
        if named_day(view, d.sentences[0]) == d.date or _split(drafts, d):
            explicit[i] = d.date
    for code in {d.fields["etf_code"] for d in drafts}:
        mine = [i for i, d in enumerate(drafts) if d.fields["etf_code"] == code]
        days = [explicit[i] for i in mine if i in explicit and not drafts[i].headline]
        if len(set(days)) < 2:
            continue
        for i in sorted(mine, key=lambda i: (drafts[i].headline, drafts[i].sentences[0])):
            d = drafts[i]
            day = explicit.get(i) if explicit.get(i) in days else None
            if day is None:
                before = [
                    explicit[j]
                    for j in mine
                    if j in explicit
                    and explicit[j] in days
                    and not drafts[j].headline
                    and drafts[j].sentences[0] < d.sentences[0]
                    and not d.headline
                ]
                day = before[-1] if before else days[0]
                if d.date is not None:
                    d.date = day
            d.keys = {f"{key}|{day}" for key in d.keys}


def _index_shared(drafts: list[Draft[EtfMoveFields]]) -> None:
    """A fund tracks one index whatever the day: the first index one of its drafts reads is that of its drafts that
    read none ('EWY fell 2% on Friday ... It is the largest ETF that tracks the MSCI Korea Index')."""
    first: dict[str, str] = {}
    for d in drafts:
        index = d.fields.get("tracked_index")
        if index:
            first.setdefault(str(d.fields.get("etf_code")), index)
    for d in drafts:
        index = first.get(str(d.fields.get("etf_code")))
        if index and not d.fields.get("tracked_index"):
            d.fields["tracked_index"] = index


@cache
def _named_index() -> regex.Pattern[str]:
    """'CSOP Hang Seng TECH Index ETF', 'Guotai CSI Coal ETF': the index a fund's name gives, from its provider's name
    to 'Index' or to the head word."""
    providers = alternation(words("etf_move")["index_providers"])
    tails = alternation(words("etf_move")["fund_name_tails"])
    return regex.compile(
        rf"(?<![\w&-])(?P<index>(?:{providers})(?![\w&]).*?)(?:\s++Index)?(?:\s++(?:{tails}))*+\s++(?:ETF|Fund)$"
    )


def _index_from_names(drafts: list[Draft[EtfMoveFields]]) -> None:
    """A fund whose sentences name no index it tracks tracks the one its name gives ('Hang Seng Tech Index ETF',
    'Guotai CSI Coal ETF': the CSI Coal Index)."""
    told = {d.fields["etf_code"] for d in drafts if "tracked_index" in d.fields}
    for d in drafts:
        name = d.fields.get("etf_name")
        if d.fields["etf_code"] in told or not name:
            continue
        named = _named_index().search(name)
        if named is not None:
            d.fields["tracked_index"] = f"{named.group('index')} Index"


#: an index named with its code in brackets ('the CSI Coal Index (399998) rose 1.9%')
_CODED_INDEX = regex.compile(rf"{_INDEX_NAME}\s*+[(（]\d{{6}}[)）]")
#: words of a fund's name that tell nothing of its theme: its head, its issuer's and index provider's are left out too
_PLAIN_NAME_WORDS = frozenset({"etf", "etfs", "fund", "index", "the", "of", "and"})


def _index_of_the_one_fund(view: ArticleView, drafts: list[Draft[EtfMoveFields]], names: dict[str, set[str]]) -> None:
    """In an article of one fund that names no index the fund tracks, the first index the body names with its code
    is the fund's where it shares a word of theme with a name of the fund ('As of 10:02, the CSI Tea Index (931999)
    rose 1.2% ... the Tea ETF (561234) rose 1.1%')."""
    if not drafts or any("tracked_index" in d.fields for d in drafts):
        return
    code = drafts[0].fields.get("etf_code") or ""
    theme = {w for name in names.get(code, ()) for w in name.lower().split()} - _PLAIN_NAME_WORDS
    for f in view.facts:
        if f.sentence.headline:
            continue
        m = _CODED_INDEX.search(f.text)
        if m is not None:
            if theme & set(m.group("index").lower().split()):
                for d in drafts:
                    d.fields["tracked_index"] = m.group("index")
            return


#: where the clause of a figure ends after it, and where it starts before it (', and', ', while', '; ')
_CLAUSE_END = regex.compile(r"[,;，；]")
_CLAUSE_START = regex.compile(r"(?:[,，]\s*+(?:and|but|while|whereas)\b|[;；])", regex.I)


@cache
def _price_before() -> regex.Pattern[str]:
    """' per share, ' between an amount and a percentage: the percentage compares that price."""
    return regex.compile(rf"\s*+(?:{alternation(words('etf_move')['per_unit'])})\s*+[,，]?\s*+")


def _of_a_price(text: str, p: Located[Percentage], amounts: list[Located[Money]]) -> bool:
    """'at HK$26.3 per share, 0.2% higher than previous close': a percentage right after a price per unit."""
    return any(a.end <= p.start and _price_before().fullmatch(text, a.end, p.start) for a in amounts)


#: the word between a figure and the date that starts its span ('13.3% since Apr. 20')
_SINCE = regex.compile(r"\s*+since\s++", regex.I)
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _over_a_period(f: Facts, p: Located[Percentage]) -> bool:
    """A change over a period, not the day's move: its clause speaks of a span ('6.5% cumulatively in the past
    week', 'rallied 25% year-to-date', 'For 2022, KWEB has traded lower by 20%')."""
    text = f.text
    spans = [(a.start, a.end) for a in f.amounts] + [(q.start, q.end) for q in f.percentages]
    lo = max(
        [end for _, end in spans if end <= p.start] + [m.end() for m in _CLAUSE_START.finditer(text, 0, p.start)],
        default=0,
    )
    after = _CLAUSE_END.search(text, p.end)
    hi = min([start for start, _ in spans if start >= p.end] + ([after.start()] if after else []), default=len(text))
    if phrases("etf_move", "period_words").search(text, lo, hi):
        return True
    if "since" in text[lo : p.start].lower() and any(
        lo <= d.start < p.start and d.item.kind == "since" for d in f.dates
    ):
        return True  # 'Since 20 September, VAS units have returned 0.79%' (not 'fell 5% to the lowest close since May')
    if any(d.item.kind == "since" and _SINCE.fullmatch(text, p.end, d.start) for d in f.dates if d.start >= p.end):
        return True  # 'plunging 13.3% since Apr. 20': the date right after the figure starts its span
    if _YEAR.search(text, lo, hi) is None:
        return False  # no year written: no date of a whole year (and no need to read the sentence's dates)
    return any(lo <= d.start < hi and d.item.kind == "year" for d in f.dates)


def _conjoined(text: str, figures: Sequence[Located[Any]], found: list[str | None]) -> list[str | None]:
    """The roles of figures, a figure of none taking the role of the figure it is listed with ('trading volumes of
    RMB 8.1 billion and RMB 5.7 billion')."""
    out = list(found)
    for i in range(1, len(out)):
        if (
            out[i] is None
            and out[i - 1] is not None
            and _LIST_GAP.fullmatch(text, figures[i - 1].end, figures[i].start)
        ):
            out[i] = out[i - 1]
    return out


@cache
def _total_gap() -> regex.Pattern[str]:
    """', totalling ' between two amounts: the second is the total of the first's field; a few words in lower case may
    end the first's clause before the comma ('of 90 million yuan in a single day, with a total of 400 million')."""
    totals = alternation(words("etf_move")["totals"])
    return regex.compile(rf"(?:\s++[\p{{Ll}}-]++){{0,4}}?[\s,，]++(?:(?:with|and)\s++)?(?:{totals})\s++", regex.I)


def _totalled(text: str, amounts: Sequence[Located[Money]], found: list[str | None]) -> list[str | None]:
    """The roles of amounts, an amount of none taking the role of the amount it totals ('the largest single-day
    amount being 212 million yuan, totalling 865 million yuan')."""
    out = list(found)
    for i in range(1, len(out)):
        if (
            out[i] is None
            and out[i - 1] is not None
            and _total_gap().fullmatch(text, amounts[i - 1].end, amounts[i].start)
        ):
            out[i] = out[i - 1]
    return out


def _positive(money: Money) -> Money:
    """The same amount without a sign that brackets gave it (a size or a turnover, which are never negative)."""
    low, high = money.low, money.high
    return money.model_copy(
        update={
            "value": abs(money.value),
            "low": abs(high) if high is not None else None,
            "high": abs(low) if low is not None else None,
        }
    )


def _attributive_start(f: Facts, start: int) -> int:
    """Where a fund's part of a sentence starts: at its mention, or at an amount standing right before it ('and
    the $1.2 billion KraneShares CSI China Internet Fund')."""
    for a in f.amounts:
        if a.end <= start and not f.text[a.end : start].strip():
            return a.start
    return start


def _after_the_fund(text: str, readings: list[Reading], fund_at: int) -> list[Reading]:
    """The readings less those of another clause before the fund's mention in a field it is given after it ('Bitcoin
    funds drew $500 million, led by the Harbor Bitcoin ETF (HBTC) with $300 million': the $500 million is all
    funds'; not 'investors pulled $4 million from HBTC, compared to $13 million inflows in July')."""
    after = {name for at, name, _ in readings if at >= fund_at}
    return [r for r in readings if r[0] >= fund_at or r[1] not in after or not _CLAUSE_MARK.search(text, r[0], fund_at)]


#: a mark that ends a clause or a sentence (one glued to the next: '... rose 2.48%.The ETF (159995) rose 0.78%')
_CLAUSE_MARK = regex.compile(r"[,;，；。]|\.(?!\d)")


def _first(readings: list[Reading]) -> EtfMoveFields:
    """The fields of a fund's readings, the first value of each field winning."""
    fields: EtfMoveFields = {}
    for _, name, value in readings:
        if is_read_field(name) and name not in fields:
            fields[name] = value
    return fields


def _period(readings: list[Reading]) -> float | None:
    """The first change over a period among a fund's readings, if any."""
    return next((value for _, name, value in readings if name == PERIOD), None)


def _periods_stand_in(drafts: list[Draft[EtfMoveFields]]) -> None:
    """A fund whose drafts give no change of a day takes the first change over a period the body gives it (else a
    headline): 'VAS units have returned 0.79% since 20 September' is VAS's move where the article tells no other;
    it dates nothing (the span's start is no day of the move)."""
    changed = {d.fields.get("etf_code") for d in drafts if "change_pct" in d.fields}
    periods = [(d, d.period) for d in drafts if isinstance(d, _Draft) and d.period is not None]
    for d, period in sorted(periods, key=lambda p: (p[0].headline, p[0].sentences)):
        code = d.fields.get("etf_code")
        if code in changed:
            continue
        changed.add(code)
        d.fields["change_pct"] = period
        d.signals += 1


def _dropped(readings: list[Reading]) -> int | None:
    """Where the first reading stands whose field an earlier reading filled (a figure left out), if any."""
    seen: set[str] = set()
    for at, name, _ in readings:
        if name == PERIOD:
            continue
        if name in seen:
            return at
        seen.add(name)
    return None


#: what may stand between the funds (or figures) of a list: commas, a conjunction and an article
_LIST_GAP = regex.compile(r"[\s,;、]*+(?:(?:and|or|as well as|&)\s++)?(?:the\s++)?")
#: a word that gives one figure to every fund of a list ('... and PGJ all jumped at least 5%')
_EVERY = regex.compile(r"\b(?:all|both|each)\b", regex.I)


#: what may stand between the funds of a list: as between figures, after a quote a market-data page prints beside
#: the first fund's code ('the iShares MSCI Brazil ETF EWZ, -1.12% and the iShares MSCI Mexico ETF EWW, ...')
_FUND_GAP = regex.compile(rf"(?:,\s*+[+\-−–]?\s?\d[\d,]*+(?:\.\d++)?%)?{_LIST_GAP.pattern}")


def _runs(text: str, mentions: list[Located[EtfRef]]) -> list[list[Located[EtfRef]]]:
    """The mentions in runs: funds listed one after another with only commas or a conjunction between them (and
    the quote beside a fund's code)."""
    runs: list[list[Located[EtfRef]]] = []
    for m in mentions:
        if runs and _FUND_GAP.fullmatch(text, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _distribute(tail: str, readings: list[Reading], funds: int) -> list[EtfMoveFields]:
    """The fields of each fund of a list from what the text after it says: as many figures of a field as funds
    pair in order ('A (159845) and B (560010) recorded RMB 8.1 billion and RMB 5.7 billion'), one figure goes to
    every fund where a word says so ('... all jumped at least 5%'), and anything else to the last fund."""
    if funds == 1:
        return [_first(readings)]
    per_fund: list[EtfMoveFields] = [{} for _ in range(funds)]
    every = _EVERY.search(tail) is not None
    names: dict[ReadField, None] = dict.fromkeys(n for _, n, _ in readings if is_read_field(n))
    for name in names:
        values = [v for _, n, v in readings if n == name]
        if len(values) == funds:
            for fields, value in zip(per_fund, values):
                fields[name] = value
        elif len(values) == 1 and every:
            for fields in per_fund:
                fields[name] = values[0]
        else:
            per_fund[-1][name] = values[0]
    return per_fund


#: ', the largest China ETF investing in ...' or '—the largest Brazil ETF' after a fund: a description of it, in
#: apposition
_APPOSITION = regex.compile(r"\s*+(?:[,，]|[—–]|\s-)\s*+(?:the|a|an|its)\s++[^,;，；()—–]*+")


#: a comma closing an apposition right after a fund named in it
_CLOSING_COMMA = regex.compile(r"\s*+[,，]")


def _without_appositions(text: str, mentions: list[Located[EtfRef]]) -> list[Located[EtfRef]]:
    """The mentions less those of no code that describe the coded fund just before them ('FXI, the largest China
    ETF, ...'): they are the same fund, and their figures its own; and less another fund named at the end of such a
    description ('XLK, the tech fund home to many companies moving to XLC, led outflows with $4 billion': the
    figures are XLK's)."""
    out: list[Located[EtfRef]] = []
    for m in mentions:
        before = out[-1] if out else None
        apposed = before is not None and before.item.code and _APPOSITION.fullmatch(text, before.end, m.start)
        if apposed and (m.item.code is None or _CLOSING_COMMA.match(text, m.end)):
            continue
        out.append(m)
    return out


_PLUS = regex.compile(r"\+\s?$")


def _sign(text: str, start: int, value: float) -> int:
    """-1 for a figure written with a minus ('-0.6%', '-$2.3B'), +1 with a plus before it ('+4.2%'), else 0."""
    if value < 0:
        return -1
    return 1 if _PLUS.search(text, max(0, start - 2), start) else 0


#: 'from' before a figure, 'to' after it: the figure a change started from ('rebounded from RM638K in August to RM861K')
_FROM_BEFORE = regex.compile(r"\bfrom\b[^,;]{0,40}$", regex.I)
_TO_BETWEEN = regex.compile(r"^[^,;]{0,60}?\bto\b[^,;]{0,30}$", regex.I)


def _without_starting_points(text: str, readings: list[Reading]) -> list[Reading]:
    """The readings less a figure a change started from, where the figure it went to follows in the same field
    ('Total value traded rebounded from RM638K in August to RM861K in September': the turnover is RM861K)."""
    out = []
    for i, (at, name, value) in enumerate(readings):
        later = next((r for r in readings[i + 1 :] if r[1] == name), None)
        if (
            later is not None
            and _FROM_BEFORE.search(text[max(0, at - 48) : at])
            and _TO_BETWEEN.match(text[at : later[0]])
        ):
            continue
        out.append((at, name, value))
    return out


def _lead_role(text: str, first_fund: int) -> str | None:
    """The one role of amounts a sentence names before its first fund ('Net inflows came mainly from ...'), if one."""
    found = {role for _, _, role in roles("etf_move", "money_roles").hits(text, 0, first_fund)}
    return found.pop() if len(found) == 1 and not next(iter(found)).startswith("_") else None


@cache
def _other_fund_clause() -> regex.Pattern[str]:
    """A clause of contrast whose subject a fund family's brand opens: ', while iShares ...', ', whereas the SPDR ...'."""
    brands = alternation(load_json("funds.json")["brands"], space=r"\s++")
    opener = alternation(words("etf_move")["contrast_openers"])
    return regex.compile(rf"[,;]?\s++(?:{opener})\s++(?:the\s++)?(?:{brands})(?![\w-])")


def _other_fund_at(text: str, lo: int) -> int:
    """Where, after the last fund named at `lo`, a clause of contrast opens on another fund the sentence names with no
    code ('A lost $40 million, while iShares Silver Trust added $9 million'): the figures from there are not A's; else
    the sentence's end."""
    found = _other_fund_clause().search(text, lo)
    return found.start() if found else len(text)


def _flow_role_before(view: ArticleView, f: Facts) -> str | None:
    """The one flow role of the amounts of the sentence before in the same paragraph ('A and B saw $5 million of
    outflows. C and D followed, losing $3 million and $2 million, respectively': outflows too), if they have one."""
    index = f.sentence.index
    if index == 0:
        return None
    before = view.facts[index - 1]
    if before.sentence.paragraph != f.sentence.paragraph:
        return None
    spans = [(a.start, a.end) for a in before.amounts]
    found = {r for r in assign_roles(before.text, spans, roles("etf_move", "money_roles")) if r is not None}
    return found.pop() if found in ({"net_inflow"}, {"net_outflow"}) else None


def _role_of_the_total(view: ArticleView, f: Facts) -> str | None:
    """The role of the amounts of the sentence before, where this one gives a share of their total ('The funds
    traded $2 billion. A accounted for $1.2 billion of that total': A's turnover), if they have one role."""
    index = f.sentence.index
    if index == 0 or phrases("etf_move", "shares_of_total").search(f.text) is None:
        return None
    before = view.facts[index - 1]
    spans = [(a.start, a.end) for a in before.amounts]
    found = {r for r in assign_roles(before.text, spans, roles("etf_move", "money_roles")) if r is not None}
    return found.pop() if len(found) == 1 else None


#: a ticker, a comma and a sign before a percentage: a quote a web page prints beside the ticker ('The VanEck
#: Vectors Russia ETF RSX, -10.73% sank 7%'), the price when the page was read, not the move the article reports
_QUOTE = regex.compile(r"(?<![\w&'’.-])[A-Z]{2,6},\s*+\+?\s?$")
#: a sign before or opening a percentage
_SIGNED = regex.compile(r"\+|.[-−–]")


def _without_quotes(text: str, readings: list[Reading], rounded: frozenset[int]) -> list[Reading]:
    """The readings less the changes that a quote beside a ticker gives, where the text writes a change of its own;
    where the text's own changes are all figures written as rounded (at `rounded`) that a quote rounds to ('TUR,
    -14.53% closed down by about 14.5%'), the quote is the exact one and they give way to it."""
    quoted = {
        at
        for at, name, _ in readings
        if name == "change_pct" and _QUOTE.search(text, max(0, at - 10), at) and _SIGNED.match(text, at - 1)
    }
    own = [(at, value) for at, name, value in readings if name == "change_pct" and at not in quoted]
    if not quoted or not own:
        return readings
    quotes = [value for at, name, value in readings if at in quoted]
    if all(at in rounded and any(_rounds_to(q, value) for q in quotes) for at, value in own):
        return [r for r in readings if r[0] not in {at for at, _ in own}]
    return [r for r in readings if r[0] not in quoted]


def _rounds_to(exact: float, rounded: float) -> bool:
    """Whether a change written as rounded lies near an exact one, the same way (see ROUNDING_REACH)."""
    return exact * rounded > 0 and abs(exact - rounded) <= ROUNDING_REACH * abs(rounded)


#: how far before an amount a word of a peak or an average may stand
PEAK_REACH = 50


def _without_peaks(text: str, readings: list[Reading], amounts: list[Located[Money]]) -> list[Reading]:
    """The readings less the amounts a word before them makes one day's peak or a mean ('the highest single-day net
    inflow reaching 620 million yuan, accumulating to a total of 3.95 billion yuan'), where another amount of
    the same field stands in the sentence."""
    ends = [a.end for a in amounts]
    peaks = phrases("etf_move", "peaks_and_averages")

    def peak(at: int) -> bool:
        lo = max([at - PEAK_REACH] + [e for e in ends if e <= at])
        return peaks.search(text, max(0, lo), at) is not None

    flagged = [(r, isinstance(r[2], Money) and peak(r[0])) for r in readings]
    plain = {r[1] for r, is_peak in flagged if not is_peak}
    return [r for r, is_peak in flagged if not (is_peak and r[1] in plain)]


#: the fields of a move that hold one amount
AMOUNTS = ("turnover", "net_inflow", "fund_size")


def _peak_amount(f: Facts, value: Money) -> bool:
    """Whether an amount a draft read from sentence `f` is one day's peak or a mean ('a maximum single-day net inflow
    of RMB133 million'): a word of the table stands before it, after the figure before it."""
    text, ends = f.text, [a.end for a in f.amounts]
    for a in f.amounts:
        if a.item.text == value.text:
            lo = max([a.start - PEAK_REACH] + [e for e in ends if e <= a.start])
            return phrases("etf_move", "peaks_and_averages").search(text, max(0, lo), a.start) is not None
    return False


def _peaks_give_way(view: ArticleView, drafts: list[Draft[EtfMoveFields]]) -> None:
    """A fund's peak or mean amount read in one sentence gives way to a plain amount of the same field read in
    another ('with a maximum single-day net inflow of RMB40 million. The total "capital absorption" reached RMB150
    million'): the peak is left out."""
    peaks: dict[tuple[str, str], list[Draft[EtfMoveFields]]] = {}
    plain: set[tuple[str, str]] = set()
    for d in drafts:
        f = view.facts[d.sentences[0]]
        for name in AMOUNTS:
            value = d.fields.get(name)
            if isinstance(value, Money):
                key = (str(d.fields.get("etf_code")), name)
                if _peak_amount(f, value):
                    peaks.setdefault(key, []).append(d)
                else:
                    plain.add(key)
    for key, found in peaks.items():
        if key in plain:
            for d in found:
                d.fields.pop(key[1], None)  # type: ignore[misc]


#: the qualifiers of a rounded percentage ('about 14%', 'more than 1.5%', 'nearly 4%')
_APPROXIMATE = frozenset({"about", "over", "under", "at_least"})
#: how far (a share of the rounded figure) an exact change may lie from a rounded one and still be the same move
ROUNDING_REACH = 0.3


def _approximate_change(f: Facts, value: float) -> bool:
    """True where sentence f writes the change `value` only as a rounded figure ('sank more than 1.5%')."""
    found = {p.item.qualifier in _APPROXIMATE for p in f.percentages if abs(p.item.value) == abs(value)}
    return found == {True}


def _approximations_give_way(view: ArticleView, drafts: list[Draft[EtfMoveFields]]) -> None:
    """A fund's change written as a rounded figure in one sentence ('slid more than 2% in early trade') gives way to
    an exact change near it that another sentence gives the fund the same day ('was down 2.37% at 14:00')."""
    exact: dict[tuple[str, str | None], list[float]] = {}
    rounded: list[tuple[Draft[EtfMoveFields], float]] = []
    for d in drafts:
        value = d.fields.get("change_pct")
        if value is None or "change_pct" in d.readings:
            continue
        if any(_approximate_change(view.facts[i], value) for i in d.sentences):
            rounded.append((d, value))
        else:
            exact.setdefault((str(d.fields.get("etf_code")), d.date), []).append(value)
    for d, value in rounded:
        near = exact.get((str(d.fields.get("etf_code")), d.date), [])
        if any(_rounds_to(x, value) for x in near):
            d.fields.pop("change_pct", None)


def _clause_of(f: Facts, start: int, end: int) -> tuple[int, int]:
    """The clause of the figure at text[start:end]: from the figure or clause mark before it to the figure or clause
    end after it."""
    text = f.text
    spans = [(a.start, a.end) for a in f.amounts] + [(q.start, q.end) for q in f.percentages]
    lo = max([e for _, e in spans if e <= start] + [m.end() for m in _CLAUSE_START.finditer(text, 0, start)], default=0)
    after = _CLAUSE_END.search(text, end)
    hi = min([s for s, _ in spans if s >= end] + ([after.start()] if after else []), default=len(text))
    return lo, hi


#: a count of days ('in nearly 20 days', 'over 5 sessions'): a flow in a clause with one sums several days
_SEVERAL_DAYS = regex.compile(r"\b(?:[2-9]|\d\d+)\s++(?:trading\s++)?(?:days|sessions)\b", regex.I)


def _span_flow(f: Facts, value: Money) -> bool:
    """Whether the flow `value` read from sentence f is the sum of several days: a word of the table stands in its
    clause ('attracted a total of RMB 1.2 billion over the recent 20 trading days')."""
    for a in f.amounts:
        if a.item.text == value.text:
            lo, hi = _clause_of(f, a.start, a.end)
            return (
                phrases("etf_move", "span_flows").search(f.text, lo, hi) is not None
                or _SEVERAL_DAYS.search(f.text, lo, hi) is not None
            )
    return False


def _spans_give_way(view: ArticleView, drafts: list[Draft[EtfMoveFields]]) -> None:
    """A fund's flow summed over several days in one sentence gives way to a flow of its day another sentence gives
    ('a latest net inflow of RMB 30 million. Over the recent 9 trading days it drew RMB 410 million in all'): the
    sum is left out."""
    spans: dict[str, list[Draft[EtfMoveFields]]] = {}
    days: set[str] = set()
    for d in drafts:
        value = d.fields.get("net_inflow")
        if isinstance(value, Money):
            code = str(d.fields.get("etf_code"))
            if any(_span_flow(view.facts[i], value) for i in d.sentences):
                spans.setdefault(code, []).append(d)
            elif not any(_peak_amount(view.facts[i], value) for i in d.sentences):
                days.add(code)
    for code, found in spans.items():
        if code in days:
            for d in found:
                if "net_inflow" not in d.readings:
                    d.fields.pop("net_inflow", None)


def _right_before(text: str, end: int, fund_at: int | None) -> bool:
    """True where only spaces stand between an amount's end and the fund's mention ('the $21 billion ProShares
    UltraPro QQQ (TQQQ)')."""
    return fund_at is not None and end < fund_at and not text[end:fund_at].strip()


def _zero_flow(f: Facts, lo: int, hi: int, currency: Callable[[], str]) -> list[Reading]:
    """A net inflow of zero where text[lo:hi] says the flows were nil ('attracted no new investments on April 24',
    'inflows and outflows were flat'), in a sentence that speaks of flows; in the sentence's currency, else the one
    `currency` gives."""
    found = phrases("etf_move", "zero_flows").search(f.text, lo, hi)
    if found is None or not _speaks_of_flows(f.text):
        return []
    own = next((a.item.currency for a in f.amounts), None) or currency()
    return [(found.start(), "net_inflow", Money(text=found.group(), value=0.0, currency=own))]


def _unchanged(text: str, lo: int, hi: int) -> list[Reading]:
    """A change of zero where text[lo:hi] says the price ended where it began ('B ended flat, to HK$88.22'; words.json
    unchanged), in a sentence that speaks of no flows."""
    found = phrases("etf_move", "unchanged").search(text, lo, hi)
    if found is None or _speaks_of_flows(text):
        return []
    return [(found.start(), "change_pct", 0.0)]


def _article_currency(view: ArticleView) -> str:
    """The currency an article writes its amounts in (the first it writes), else US dollars."""
    return next((a.item.currency for f in view.facts for a in f.amounts), "USD")


def _speaks_of_flows(text: str) -> bool:
    """True for a sentence with a word of inflows or outflows."""
    return any(role in ("net_inflow", "net_outflow") for _, _, role in roles("etf_move", "money_roles").hits(text))


def _inside_amount(p: Located[Percentage], amounts: list[Located[Money]]) -> bool:
    return any(a.start <= p.start and p.end <= a.end for a in amounts)
