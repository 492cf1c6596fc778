"""Numbers as written in news text: digits, English number words, Chinese numerals, scale words.

Shared by the money (`extractor.facts.amounts`) and percentage (`extractor.facts.percentages`) parsers.
All patterns are built once from `extractor/data/number_words.json` and are linear by
construction (possessive quantifiers, bounded look-arounds).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any, TypedDict, TypeVar

import regex

from extractor.contract import Qualifier
from extractor.datafiles import load_json
from extractor.facts.casefold import fold, phrase_key
from extractor.facts.gated import scan
from extractor.facts.patterns import alternation, untimed

#: the nodes `merge_neighbours` walks, and the kind it keeps (and `combine` makes)
N = TypeVar("N")
K = TypeVar("K")

SPACES = " \t\u00a0\u2009\u202f\u3000"
_LATINISH = r"[\p{Latin}\p{Cyrillic}\p{Greek}]"
# a letter that is not CJK: words are delimited by these, CJK text has no spaces
WORD_LETTER = r"(?:(?![\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])\p{L})"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, with its scale word ('1.5 billion', '5.9亿') already applied."""

    start: int
    end: int
    value: float
    scale: float = 1.0
    kind: str = "digits"  # digits | words | chinese
    decimals: bool = False
    grouped: float | None = None  # value if a lone "." before 3 digits were a thousands separator
    number_end: int = -1  # end of the number itself, before any scale word

    @property
    def base(self) -> float:
        """The number without its scale word."""
        return self.value / self.scale if self.scale else self.value


def scaled(base: float, scale: float) -> float:
    """`base * scale` without binary noise for powers of ten (16.4 * 1e6 -> 16400000.0); inf when it overflows."""
    if scale == 1:
        return base
    if not (math.isfinite(base) and math.isfinite(scale)):
        return base * scale
    exponent = round(math.log10(scale)) if scale > 0 else 0
    if 10.0**exponent == scale:
        return float(Decimal(repr(base)).scaleb(exponent))
    return base * scale


@cache
def _tables() -> dict[str, Any]:
    data = load_json("number_words.json")
    fullwidth = data["fullwidth_map"]
    return {
        "units": data["en_units"],
        "multipliers": data["en_multipliers"],
        "scales": data["en_scales"],
        "fractions": data["en_fractions"],
        "scale_words": data["scale_words"],
        "scale_letters": data["scale_letters"],
        "zh_digits": data["zh_digits"],
        "zh_units": data["zh_units"],
        "zh_scales": data["zh_scales"],
        "zh_points": set(data["zh_points"]),
        "zh_vague": data["zh_vague_prefixes"],
        "articles": frozenset(data["en_articles"]),
        "fullwidth": str.maketrans(fullwidth),
    }


def normalize_digits(text: str) -> str:
    """Replace fullwidth digits and separators by their ASCII forms."""
    return text.translate(_tables()["fullwidth"])


# ---------------------------------------------------------------- digit strings

_GROUP_ONLY = set(" \u00a0\u2009\u202f'’")
_NON_DIGIT = regex.compile(r"[^0-9]")
_ASCII_WORD = regex.compile(r"[a-z]+")


def _valid_groups(groups: list[str]) -> bool:
    if not groups[0] or not groups[0].isdigit():
        return False
    rest = groups[1:]
    if all(len(g) == 3 for g in rest):
        return len(groups[0]) <= 3 or not rest
    # Indian grouping 1,00,00,000: 2-digit groups then a final 3-digit group
    return len(groups[0]) <= 2 and len(rest[-1]) == 3 and all(len(g) == 2 for g in rest[:-1])


def parse_digits(raw: str) -> tuple[float, bool, float | None] | None:
    """Parse '1,234.5', '1.599,00', '1 995,00', "1'049,95", '.75'; returns (value, has_decimals, grouped_alt)."""
    s = normalize_digits(raw).strip()
    if s.endswith((",-", ",–", ".-")):
        s = s[:-2]
    if s.startswith("."):
        return (float("0" + s), True, None) if s[1:].isdigit() else None
    seps = [(i, ch) for i, ch in enumerate(s) if not ch.isdigit()]
    if not seps:
        value = float(s)
        return (value, False, None) if math.isfinite(value) else None
    last_i, last_ch = seps[-1]
    decimal_at: int | None = None
    grouped: float | None = None
    if last_ch in ".,":
        count = sum(1 for _, ch in seps if ch == last_ch)
        mixed = any(ch != last_ch for _, ch in seps)
        if mixed:
            if count > 1:
                return None
            decimal_at = last_i
        elif count == 1:
            tail = len(s) - last_i - 1
            int_part = s[:last_i]
            if tail != 3 or int_part.lstrip("0") == "":
                decimal_at = last_i
            elif last_ch == ".":
                decimal_at = last_i
                if len(int_part) <= 3:
                    grouped = float(int_part + s[last_i + 1 :])
            # a single "," before exactly 3 digits groups thousands
    int_text = s if decimal_at is None else s[:decimal_at]
    frac_text = "" if decimal_at is None else s[decimal_at + 1 :]
    if frac_text and not frac_text.isdigit():
        return None
    groups = _NON_DIGIT.split(int_text)
    if len(groups) > 1:
        if len({ch for ch in int_text if not ch.isdigit()}) > 1 and not all(
            ch in _GROUP_ONLY for ch in int_text if not ch.isdigit()
        ):
            return None
        if not _valid_groups(groups):
            return None
    value = float("".join(groups) + ("." + frac_text if frac_text else ""))
    if not math.isfinite(value):
        return None
    return value, bool(frac_text), grouped


# ---------------------------------------------------------------- English words


def parse_english(raw: str) -> float | None:
    """Parse English number words: 'twenty five', 'a hundred', 'three quarters', 'half million'."""
    t = _tables()
    total = 0.0
    current = 0.0
    numeric = counted = False
    for word in _ASCII_WORD.findall(fold(raw)):
        if word in t["articles"]:
            current = current or 1.0
            counted = True
        elif word == "and":
            continue
        elif word in t["units"]:
            current += t["units"][word]
            numeric = counted = True
        elif word in t["fractions"]:
            current = (current or 1.0) * t["fractions"][word]
            counted = True
        elif not counted:
            return None  # a bare 'thousand' or 'hundred' is no number
        elif word in t["multipliers"]:
            current = (current or 1.0) * t["multipliers"][word]
            numeric = True
        elif word in t["scales"]:
            total += (current or 1.0) * t["scales"][word]
            current = 0.0
            numeric = True
        else:
            return None
    if not numeric:
        return None
    return total + current


# ---------------------------------------------------------------- Chinese numerals


def parse_chinese(raw: str) -> float | None:
    """Parse Chinese numerals: '三十', '一百二十点五', '一万亿', digit-by-digit '二〇二五'."""
    value, used = scan_chinese(raw)
    return value if raw[used:].strip() == "" else None


def scan_chinese(raw: str) -> tuple[float | None, int]:
    """Read Chinese numerals from the start of `raw`; returns (value, characters used)."""
    t = _tables()
    digits, units, scales, points = t["zh_digits"], t["zh_units"], t["zh_scales"], t["zh_points"]
    compact = [(i, ch) for i, ch in enumerate(raw) if not ch.isspace()]
    if not compact:
        return None, 0
    body = [ch for _, ch in compact]
    if all(ch in digits for ch in body) or (
        any(ch in points for ch in body)
        and all(ch in digits or ch in points for ch in body)
        and sum(ch in points for ch in body) == 1
        and body[0] not in points
    ):
        whole, point, frac = "".join(str(digits.get(ch, ".")) for ch in body).partition(".")
        if point and not frac:  # '二点' : the point belongs to what follows
            value, used = float(whole), compact[len(whole) - 1][0] + 1
        else:
            value, used = float(whole + ("." + frac if frac else "")), compact[-1][0] + 1
        return (value, used) if math.isfinite(value) else (None, 0)
    total = section = number = 0.0
    last_scale = 0.0
    prev = ""  # kind of the previous character: digit, zero, unit, scale
    used = 0
    frac = ""
    k = 0
    while k < len(compact):
        i, ch = compact[k]
        if ch in digits:
            if prev == "digit":
                break
            number = float(digits[ch])
            prev = "zero" if number == 0 else "digit"
        elif ch in units:
            if prev != "digit" and not (units[ch] == 10 and prev in ("", "zero", "scale")):
                break
            section += (number or 1.0) * units[ch]
            number = 0.0
            prev = "unit"
        elif ch in scales:
            if prev == "":
                break
            value = section + number or (0.0 if total else 1.0)
            scale = scales[ch]
            if total and scale > last_scale:
                total = (total + value) * scale
            else:
                total += value * scale
            last_scale = scale
            section = number = 0.0
            prev = "scale"
        elif ch in points:
            if prev not in ("digit", "zero", "unit", "scale"):
                break
            tail = compact[k + 1 :]
            n_frac = 0
            while n_frac < len(tail) and tail[n_frac][1] in digits:
                frac += str(digits[tail[n_frac][1]])
                n_frac += 1
            if not frac:
                break
            used = tail[n_frac - 1][0] + 1
            k = len(compact)
            break
        else:
            break
        used = i + 1
        k += 1
    if prev == "" and not frac:
        return None, 0
    result = total + section + number + (float("0." + frac) if frac else 0.0)
    return (result, used) if math.isfinite(result) else (None, 0)


# ---------------------------------------------------------------- scales


def scale_value(word: str) -> float | None:
    """The multiplier of a scale word or suffix: 'billion', 'bn', 'M', '亿', '万亿'."""
    t = _tables()
    w = fold(word.strip(SPACES + "\r\n").removeprefix("-"))  # '155-million yuan'
    if not w:
        return None
    if w in t["scale_words"]:
        return float(t["scale_words"][w])
    if w in t["scale_letters"]:
        return float(t["scale_letters"][w])
    if all(ch in t["zh_scales"] or ch in t["zh_units"] for ch in w):
        product = 1.0
        for ch in w:
            product *= t["zh_scales"].get(ch) or t["zh_units"][ch]
        return product
    return None


# ---------------------------------------------------------------- the quantity finder


@cache
def _patterns() -> dict[str, Any]:
    t = _tables()
    sp = f"[{SPACES}]"
    digit = "[0-9０-９]"
    group_space = "[ \u00a0\u2009\u202f]"
    sep = f"(?:[.,'’．]|(?<=[０-９])，(?=[０-９])|{group_space}(?=[0-9]{{3}}(?![0-9０-９])))"
    digits = f"(?:{digit}++(?:{sep}{digit}++)*+(?:,[-–](?![0-9]))?|(?<![\\p{{L}}\\p{{N}}.])[.．]{digit}++)"
    scale_words = alternation(list(t["scale_words"]))
    letters = "".join(t["scale_letters"])
    zh_scale_chars = "".join(list(t["zh_scales"]) + list(t["zh_units"]))
    scale = (
        # a scale word may follow the figure on the next line of a hard-wrapped text ('HK$9.9\nbillion')
        f"(?:(?:{sp}*+(?:\\r?+\\n{sp}*+)?+|-)(?i:{scale_words})(?!{WORD_LETTER})"
        f"|(?i:[{letters}])(?!{_LATINISH}|\\p{{N}})"
        f"|{sp}*+[{zh_scale_chars}]++)"
    )
    en_words = list(t["units"]) + list(t["multipliers"]) + list(t["scales"]) + list(t["fractions"])
    word = f"(?:{alternation(en_words)})(?!{WORD_LETTER})"
    joiners = "|".join(regex.escape(w) for w in list(t["multipliers"]) + list(t["scales"]))
    words = (
        f"(?<!{WORD_LETTER}|-)"
        f"(?:(?:half[ \\t]++)?an?[ \\t]++(?={word}))?{word}"
        f"(?:(?:[ \\t]*+-[ \\t]*+|[ \\t]++|(?<=(?:{joiners}))[ \\t]++and[ \\t]++)(?={word}){word})*+"
    )
    zh_digit_chars = "".join(t["zh_digits"])
    zh_start = zh_digit_chars + "十拾"
    zh_all = zh_digit_chars + zh_scale_chars
    points = "".join(t["zh_points"])
    vague = "".join(t["zh_vague"])
    chinese = f"(?<![{vague}])[{zh_start}](?:{sp}*+[{zh_all}]|{sp}*+[{points}](?={sp}*+[{zh_digit_chars}]))*+"
    # where a match can start: a digit, a decimal point or a Chinese numeral; or a number word (or 'a', 'an' before one)
    digit_start = f"[0-9０-９.．{zh_start}]"
    word_start = f"an?(?=[ \t])|{alternation(en_words)}"
    return {
        # English number words are rare and costly to look for: a second pattern has them
        "with_words": untimed(
            "numbers.with_words",
            regex.compile(f"(?P<d>{digits})(?P<ds>{scale})?|(?i:(?P<w>{words}))|(?P<c>{chinese})"),
        ),
        "no_words": untimed("numbers.no_words", regex.compile(f"(?P<d>{digits})(?P<ds>{scale})?|(?P<c>{chinese})")),
        "digit": untimed("numbers.digit", regex.compile(f"[0-9０-９{zh_start}]")),
        # every match of "no_words" starts at one of these: trying only there beats a search
        "no_words_start": re.compile(digit_start),
        # and every match of "with_words" at one of these, found in the lower-cased text ...
        "with_words_start": re.compile(f"{digit_start}|(?<![a-z])(?:{word_start})"),
        # ... or in the text as it is, case-blind, when lower-casing does not turn every letter a
        # case-blind match takes for an ASCII one into that letter ('ſ' stays, 'İ' becomes two)
        "with_words_start_any_case": re.compile(
            f"{digit_start}|[\u017f\u212a\u0130\u0131]|(?<![A-Za-z])(?i:{word_start})"
        ),
        "number_words": frozenset(en_words),
    }


def _space_split(raw: str) -> int | None:
    """Offset of the first space if the space grouping in `raw` is invalid, else None."""
    found = [i for i in (raw.find(ch) for ch in " \u00a0\u2009\u202f") if i >= 0]
    if not found:
        return None
    first = min(found)
    head = raw[:first]
    if len(head) <= 3 and head.isdigit():
        return None
    return first


def find_quantities(text: str) -> list[Quantity]:
    """Every number in `text` (digits, English words, Chinese numerals) with its scale applied."""
    return list(_find_quantities(text))


@lru_cache(maxsize=512)  # the money and percentage parsers read the same sentences
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    pats = _patterns()
    low = text.lower()
    has_words = not pats["number_words"].isdisjoint(_ASCII_WORD.findall(low))
    if not has_words and not pats["digit"].search(text):
        return ()
    if not has_words:
        pattern, starts, where = pats["no_words"], pats["no_words_start"], text
    elif len(low) == len(text) and "\u017f" not in low:
        pattern, starts, where = pats["with_words"], pats["with_words_start"], low
    else:
        pattern, starts, where = pats["with_words"], pats["with_words_start_any_case"], text
    out: list[Quantity] = []
    value: float | None  # digits always parse; number words and numerals may not
    pos = 0
    n = len(text)
    while pos < n:
        m = next(scan(pattern, starts, text, pos, gate_text=where), None)
        if m is None:
            break
        pos = m.end()
        if m.group("d") is not None:
            raw = m.group("d")
            split = _space_split(raw)
            if split is not None:
                raw = raw[:split]
                pos = m.start() + split + 1
                scale_text = None
                end = m.start() + split
            else:
                scale_text = m.group("ds")
                end = m.end()
            parsed = parse_digits(raw)
            if parsed is None:
                continue
            value, decimals, grouped = parsed
            scale = scale_value(scale_text) if scale_text else None
            if scale_text and scale is None:
                end = m.start("ds")
            mult = scale or 1.0
            out.append(
                Quantity(
                    m.start(),
                    end,
                    scaled(value, mult),
                    mult,
                    "digits",
                    decimals,
                    None if scale else grouped,
                    m.start() + len(raw),
                )
            )
        elif m.groupdict().get("w") is not None:
            value = parse_english(m.group("w"))
            if value is None:
                continue
            words = fold(m.group("w")).split()
            mult = 1.0
            for w in reversed(words):
                if w in _tables()["scales"]:
                    mult = float(_tables()["scales"][w])
                    break
            out.append(Quantity(m.start(), m.end(), value, mult, "words", False, None, m.end()))
        else:
            raw = m.group("c")
            value, used = scan_chinese(raw)
            if value is None:
                continue
            raw = raw[:used]
            mult = 1.0
            zh_scales = _tables()["zh_scales"]
            tail = raw
            while tail and tail[-1] in zh_scales:
                mult *= zh_scales[tail[-1]]
                tail = tail[:-1]
            end = m.start() + used
            out.append(Quantity(m.start(), end, value, mult, "chinese", any(p in raw for p in "点點"), None, end))
    return tuple(q for q in out if math.isfinite(q.value))  # '5亿亿亿…' overflows: no number


def parse_number(text: str) -> float | None:
    """Parse one number written alone: '1,234.5', '1.5 million', 'twenty five', '三十亿', '5.9亿'."""
    qs = find_quantities(text.strip())
    if len(qs) != 1 or qs[0].start != 0 or qs[0].end != len(text.strip()):
        return None
    return qs[0].value


# ---------------------------------------------------------------- qualifiers around a number


def _phrasealternation(phrases: list[str]) -> str:
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        piece = f"[{SPACES}]+".join(regex.escape(w) for w in phrase.split(" "))
        if regex.match(WORD_LETTER, phrase[0]):
            piece = f"(?<!{WORD_LETTER})" + piece
        if regex.match(WORD_LETTER, phrase[-1]):
            piece += f"(?!{WORD_LETTER})"
        parts.append(piece)
    return "|".join(parts)


class _QualifierTables(TypedDict):
    prefix: dict[str, Qualifier]
    suffix: dict[str, Qualifier]
    before: regex.Pattern[str]
    before_last_words: tuple[str, ...]
    after: regex.Pattern[str]


@cache
def _qualifier_tables() -> _QualifierTables:
    data = load_json("qualifiers.json")
    prefix: dict[str, Qualifier] = {k.lower(): v for k, v in data["prefix"].items()}
    suffix: dict[str, Qualifier] = {k.lower(): v for k, v in data["suffix"].items()}
    return {
        "prefix": prefix,
        "suffix": suffix,
        # matched right to left from the number: one attempt instead of one per position of the window
        "before": untimed(
            "numbers.qualifier_before",
            regex.compile(f"(?r)(?i:(?P<q>{_phrasealternation(list(prefix))}))[{SPACES}]*+$"),
        ),
        # a prefix phrase ends in one of these words: most numbers have none before them
        "before_last_words": tuple(sorted({p.split(" ")[-1] for p in prefix})),
        "after": untimed(
            "numbers.qualifier_after", regex.compile(f"[{SPACES}]*+(?i:(?P<q>{_phrasealternation(list(suffix))}))")
        ),
    }


def qualifier_before(text: str, pos: int) -> tuple[Qualifier, int] | None:
    """The qualifier phrase ('up to', 'about', '超过') ending right before `pos`, and its start."""
    t = _qualifier_tables()
    window = text[max(0, pos - 30) : pos].rstrip(SPACES + "\r\n")
    if window.isascii() and not window.lower().endswith(t["before_last_words"]):
        return None
    m = t["before"].search(text, max(0, pos - 30), pos)
    if m is None:
        return None
    return t["prefix"][phrase_key(m.group("q"))], m.start("q")


def qualifier_after(text: str, pos: int) -> tuple[Qualifier, int] | None:
    """The qualifier phrase ('or more', '以上', '左右') starting right after `pos`, and its end."""
    t = _qualifier_tables()
    m = t["after"].match(text, pos)
    if m is None:
        return None
    return t["suffix"][phrase_key(m.group("q"))], m.end()


# ---------------------------------------------------------------- ranges of two numbers

#: the second figure's own minus sign may end the link ('-85~-75', '- 52% to - 40%'): the range is then signed
#: one line break may stand in a link's spaces, where a text is wrapped at a fixed width ('2.25 billion to' at a line's
#: end, '2.45 billion yuan' at the next one's start)
_LINK_SPACE = f"[{SPACES}]*+(?:\n[{SPACES}]*+)?"
RANGE_CONNECTOR = regex.compile(
    f"{_LINK_SPACE}(?:(?P<dash>[-–—~～〜])|(?P<to>(?i:to|through)(?!\\p{{L}})|至|到)"
    f"|(?P<and>(?i:and)(?!\\p{{L}})|和|与|與)){_LINK_SPACE}(?:(?P<minus>[-−－])[{SPACES}]?+)?"
)
#: a figure's minus sign, with at most one space before the figure, after a space, a bracket, a colon or a Han character
_SIGN_END = untimed("numbers.sign_end", regex.compile(f"(?:^|(?<=[\\s(（:：\\p{{Han}}]))[-−－][{SPACES}]?+$"))


#: how far before a figure 'between' or 'in the expected range of' may start
BETWEEN_REACH = 32


@cache
def _between() -> regex.Pattern[str]:
    """'between', '介于' and 'in a range of' (its noun from `span_words`) right before a figure: a range opens."""
    spans = alternation(load_json("number_words.json")["span_words"])
    return untimed(
        "numbers.between",
        regex.compile(
            r"(?i)(?<!\p{L})between\s*+$|(?:介于|介於|在)\s*+$"
            rf"|(?<!\p{{L}})(?P<span>(?:in\s++)?(?:a|the)\s++(?:\p{{L}}++\s++)?(?:{spans})\s++of)\s*+$"
        ),
    )


#: 'from A to B' is a change, but 'ranging from A to B' / 'will range from A to B' is a range
_FROM = untimed(
    "numbers.from", regex.compile(r"(?i)(?<!\p{L})(?<!\brang(?:e|es|ed|ing)\s{1,3})from\s*+$|(?:从|從|由)\s*+$")
)


def _between_match(text: str, pos: int) -> regex.Match[str] | None:
    """The 'between' / '介于' / 'in a range of' ending right before `pos`, if any."""
    return _between().search(text, max(0, pos - BETWEEN_REACH), pos)


def between_before(text: str, pos: int) -> int | None:
    """Start of a 'between' / '介于' right before `pos`, which opens a range; `pos` itself after 'in a range of', which
    opens one too but is no part of it."""
    m = _between_match(text, pos)
    if m is None:
        return None
    return pos if m.group("span") is not None else m.start() + len(m.group()) - len(m.group().lstrip())


def _span_before(text: str, pos: int) -> bool:
    """Whether 'in a range of' / 'in the expected range of' ends right before `pos`: a range of two figures may
    then be written without a link ('a range of $3.10 billion $3.25 billion')."""
    m = _between_match(text, pos)
    return m is not None and m.group("span") is not None


def sign_before(text: str, pos: int) -> int | None:
    """Start of the minus sign of the figure at `pos` ('-85', '- 52'), or None."""
    m = _SIGN_END.search(text, max(0, pos - 3), pos)
    return None if m is None else m.start()


#: how far before a figure 'from the previous forecast of' may start
FROM_EARLIER_REACH = 48


@cache
def _from_earlier() -> regex.Pattern[str]:
    """'from the previous forecast of', 'from its earlier estimate of': the figure a revision starts from, named."""
    earlier = alternation(load_json("number_words.json")["revised_from_words"])
    return untimed(
        "numbers.from_earlier",
        regex.compile(
            rf"(?i)(?<!\p{{L}})from\s++(?:(?:the|its|their|an?)\s++)?(?:{earlier})\s++(?:[\p{{L}}-]++\s++){{1,2}}?of\s*+$"
        ),
    )


def from_before(text: str, pos: int) -> bool:
    """Whether 'from' / '从' comes right before `pos`, or 'from the previous forecast of': 'from A to B' is a change,
    not a range."""
    if _FROM.search(text, max(0, pos - 8), pos) is not None:
        return True
    return "from" in text[max(0, pos - FROM_EARLIER_REACH) : pos] and (
        _from_earlier().search(text, max(0, pos - FROM_EARLIER_REACH), pos) is not None
    )


@dataclass(frozen=True, slots=True)
class RangeLink:
    """How two neighbouring figures read as one range: joined by a dash or by 'to', and where a 'between' opens it."""

    dash: bool
    to: bool
    between: int | None
    #: the second figure is written with its own minus sign ('-85~-75'), inside the link
    second_negative: bool = False

    def start(self, first: int) -> int:
        """Where the range starts: at its 'between', else at its first figure."""
        return first if self.between is None else self.between


def range_link(text: str, a_start: int, a_end: int, b_start: int) -> RangeLink | None:
    """The link of two neighbouring figures text[a_start:a_end] and the one at b_start when they read as a range
    ('A-B', 'A to B', 'between A and B'), else None ('A and B' without 'between'; 'from A to B' is a change)."""
    m = RANGE_CONNECTOR.fullmatch(text, a_end, b_start)
    if m is not None and m.group("dash") is not None and "\n" in m.group():
        return None  # a dash opening a line is a list's bullet, not a link
    if m is None:
        if a_end < b_start and not text[a_end:b_start].strip(SPACES) and _span_before(text, a_start):
            return RangeLink(False, False, between_before(text, a_start))  # 'a range of $3.10 billion $3.25 billion'
        return None
    between = between_before(text, a_start)
    if between is None and m.group("minus") is not None and (sign := sign_before(text, a_start)) is not None:
        between = between_before(text, sign)  # 'between -$220 and -$230 million'
    if m.group("and") is not None and between is None:
        return None
    to = m.group("to") is not None
    if to and from_before(text, a_start):
        return None
    return RangeLink(m.group("dash") is not None, to, between, m.group("minus") is not None)


def looks_like_year(q: Quantity) -> bool:
    """Whether a number could be a year (1900-2100, no decimals, no scale)."""
    return q.kind == "digits" and q.scale == 1 and not q.decimals and 1900 <= q.value <= 2100


def merge_neighbours(nodes: Sequence[N], combine: Callable[[N, N], K | None], keep: type[K]) -> list[K]:
    """Walk `nodes` in order, replacing each neighbour pair that `combine` joins by the joined item.

    Nodes of another type than `keep` that were not joined are dropped.
    """
    out: list[K] = []
    i = 0
    while i < len(nodes):
        merged = combine(nodes[i], nodes[i + 1]) if i + 1 < len(nodes) else None
        if merged is not None:
            out.append(merged)
            i += 2
            continue
        node = nodes[i]
        if isinstance(node, keep):
            out.append(node)
        i += 1
    return out
