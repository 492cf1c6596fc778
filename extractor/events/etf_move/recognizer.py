"""ETF moves: a fund's price change, intraday extremes, turnover, flows, size and index."""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from extractor.contract import Located, Money, Percentage
from extractor.events.common import RESPECTIVELY, context_date, negated, within
from extractor.events.draft import Draft
from extractor.events.etf_move.book import FundBook
from extractor.events.roles import assign_roles
from extractor.facts.analysis import ArticleView, EtfRef, Facts
from extractor.facts.lexicon import phrases, roles, words
from extractor.facts.patterns import alternation


@cache
def _index() -> regex.Pattern[str]:
    """'tracks the CSI Hong Kong Innovative Drug Index': the index a fund follows, after a verb of the table."""
    return regex.compile(
        rf"(?:{alternation(words('etf_move')['index_verbs'])})\s++"
        r"(?:the\s++(?:performance|movements?)\s++of\s++)?(?:the\s++)?"
        r"(?P<index>(?:[\p{Lu}\d][\w&'’.-]*+\s++){1,10}?Index)(?:\s*+[(（]\d{5,6}[)）])?"
    )


class EtfMoveRecognizer:
    """A fund's move, trading and flows, read clause by clause and assigned to the nearest fund."""

    def extract(self, view: ArticleView) -> list[Draft]:
        """Drafts of ETF moves, one per sentence and fund, to be merged per fund later; only funds the article
        identifies by a code or ticker make events (a name alone may stand for several funds)."""
        book = FundBook.of(view)
        known = book.known
        drafts: list[Draft] = []
        context: EtfRef | None = None
        context_para = -1
        for f in view.facts:
            mentions = book.mentions(f, view, known)
            para = f.sentence.paragraph
            if len(mentions) > 1 and RESPECTIVELY.search(f.text):
                drafts.extend(self._respectively(view, f, mentions))
                context, context_para = mentions[-1].item, para
                continue
            if mentions:
                segments = self._segments(f, _without_appositions(f.text, mentions))
            elif context is not None and self._refers_back(f, para == context_para):
                segments = [(0, len(f.text), context)]
            else:
                segments = []
            for lo, hi, ref in segments:
                draft = self._read(view, f, lo, hi, ref)
                if draft is not None:
                    drafts.append(draft)
            if mentions:
                context, context_para = mentions[-1].item, para
        return [d for d in drafts if d.fields.get("etf_code")]

    def _respectively(self, view: ArticleView, f: Facts, mentions: list[Located[EtfRef]]) -> list[Draft]:
        """'520500 and 520880 drew RMB 326 million and RMB 188 million respectively': pair them in order."""
        text, tail = f.text, mentions[-1].end
        per_fund: list[dict[str, Any]] = [{} for _ in mentions]
        amounts = within(f.amounts, tail, len(text))
        if len(amounts) == len(mentions):
            found = assign_roles(text, [(a.start, a.end) for a in amounts], roles("etf_move", "money_roles"), lo=tail)
            found = [r or next((x for x in found if x), None) for r in found]
            for fields, m, role in zip(per_fund, amounts, found):
                if role == "net_outflow":
                    fields["net_inflow"] = negated(m.item)
                elif role is not None:
                    fields[role] = m.item
        pcts = within(f.percentages, tail, len(text))
        if len(pcts) == len(mentions):
            found = assign_roles(text, [(p.start, p.end) for p in pcts], roles("etf_move", "pct_roles"), right=0, lo=0)
            found = [r or next((x for x in found if x), None) for r in found]
            for fields, p, role in zip(per_fund, pcts, found):
                self._read_pct(fields, text, p, role, len(text))
        drafts = []
        for ref, fields in zip(mentions, per_fund):
            if fields:
                key = ref.item.code or (ref.item.name or "").lower()
                fields.update({"etf_code": ref.item.code, "etf_name": ref.item.name})
                drafts.append(
                    Draft(
                        "etf_move",
                        fields,
                        [f.sentence.index],
                        context_date(view, f.sentence.index),
                        f.sentence.headline,
                        {key},
                        signals=len(fields) - 2,
                    )
                )
        return drafts

    @staticmethod
    def _segments(f: Facts, mentions: list[Located[EtfRef]]) -> list[tuple[int, int, EtfRef]]:
        """Each fund owns the text from its mention to the next fund's mention."""
        out = []
        for i, m in enumerate(mentions):
            lo = 0 if i == 0 else m.start
            hi = mentions[i + 1].start if i + 1 < len(mentions) else len(f.text)
            out.append((lo, hi, m.item))
        return out

    @staticmethod
    def _refers_back(f: Facts, same_paragraph: bool) -> bool:
        """A sentence without a fund name speaks of the last fund: 'the ETF', 'it', or a bare figure."""
        text = f.text
        anaphora = phrases("etf_move", "anaphora", ignore_case=False).search(text[:60])
        if anaphora is None and (
            not same_paragraph or phrases("etf_move", "other_subjects", ignore_case=False).search(text)
        ):
            return False  # another subject, before the figures are even read
        first_figure = min([a.start for a in f.amounts] + [p.start for p in f.percentages], default=None)
        if first_figure is None:
            return anaphora is not None and _index().search(text) is not None
        return not any(c.start < first_figure for c in f.companies)

    def _read(self, view: ArticleView, f: Facts, lo: int, hi: int, ref: EtfRef) -> Draft | None:
        fields: dict[str, Any] = {"etf_code": ref.code, "etf_name": ref.name}
        text = f.text
        amounts = within(f.amounts, lo, hi)
        for m, role in zip(
            amounts,
            assign_roles(text, [(a.start, a.end) for a in amounts], roles("etf_move", "money_roles"), lo=lo, hi=hi),
        ):
            if role is None and _sign(text, m.start, m.item.value) and _speaks_of_flows(text):
                role = "net_outflow" if m.item.value < 0 else "net_inflow"  # 'KWEB +$2.3B, FXI -$2.3B' in flows
            if role == "net_outflow":
                fields.setdefault("net_inflow", negated(m.item))
            elif role is not None:
                fields.setdefault(role, m.item)
        pcts = [p for p in within(f.percentages, lo, hi) if not _inside_amount(p, amounts)]
        pct_roles = assign_roles(
            text, [(p.start, p.end) for p in pcts], roles("etf_move", "pct_roles"), right=0, lo=lo, hi=hi
        )
        for p, role in zip(pcts, pct_roles):
            self._read_pct(fields, text, p, role, hi)
        index = _index().search(text, lo, hi)
        if index:
            fields["tracked_index"] = index.group("index").strip()
        facts = [
            k
            for k in ("change_pct", "intraday_high_pct", "intraday_low_pct", "turnover", "net_inflow", "fund_size")
            if k in fields
        ]
        if not facts and "tracked_index" not in fields:
            return None
        key = ref.code or (ref.name or "").lower()
        return Draft(
            "etf_move",
            fields,
            [f.sentence.index],
            context_date(view, f.sentence.index),
            f.sentence.headline,
            {key},
            signals=len(facts),
        )

    @staticmethod
    def _read_pct(fields: dict[str, Any], text: str, p: Located[Percentage], role: str | None, hi: int) -> None:
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
                return
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
            field = "intraday_low_pct" if down else "intraday_high_pct"
            fields.setdefault(field, -value if down else value)
            return
        if phrases("etf_move", "intraday_after").search(after):
            down = role == "down" or down_after is not None
            fields.setdefault("intraday_low_pct" if down else "intraday_high_pct", -value if down else value)
            return
        up_after = phrases("etf_move", "up_after").search(after, 0, 12)
        down = role == "down" or (
            down_after is not None and (up_after is None or down_after.start() < up_after.start())
        )
        fields.setdefault("change_pct", -value if down else value)


#: ', the largest China ETF investing in ...' after a fund: a description of it, in apposition
_APPOSITION = regex.compile(r"\s*+[,，]\s*+(?:the|a|an|its)\s++[^,;，；()]*+")


def _without_appositions(text: str, mentions: list[Located[EtfRef]]) -> list[Located[EtfRef]]:
    """The mentions less those of no code that describe the coded fund just before them ('FXI, the largest China
    ETF, ...'): they are the same fund, and their figures its own."""
    out: list[Located[EtfRef]] = []
    for m in mentions:
        before = out[-1] if out else None
        apposed = before is not None and before.item.code and _APPOSITION.fullmatch(text, before.end, m.start)
        if m.item.code is None and apposed:
            continue
        out.append(m)
    return out


_PLUS = regex.compile(r"\+\s?$")


def _sign(text: str, start: int, value: float) -> int:
    """-1 for a figure written with a minus ('-0.6%', '-$2.3B'), +1 with a plus before it ('+4.2%'), else 0."""
    if value < 0:
        return -1
    return 1 if _PLUS.search(text, max(0, start - 2), start) else 0


def _speaks_of_flows(text: str) -> bool:
    """True for a sentence with a word of inflows or outflows."""
    return any(role in ("net_inflow", "net_outflow") for _, _, role in roles("etf_move", "money_roles").hits(text))


def _inside_amount(p: Located[Percentage], amounts: list[Located[Money]]) -> bool:
    return any(a.start <= p.start and p.end <= a.end for a in amounts)
