"""Rule-based segmentation of an article into paragraphs, sentences and clauses, with offsets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractor.datafiles import load_json
from extractor.facts.casefold import fold
from extractor.facts.memo import remembered
from extractor.tables import HardWrap

#: a sentence ends at . ! ? (or their CJK forms), optionally followed by closing quotes/brackets, or at a run of
#: citation marks ('... 4.119 billion yuan [1] - The fund ...': the bullets of machine-made summaries); or, glued to
#: the next sentence by a lost space, after a word in lower case and before a word in capitals ('had won.It was',
#: 'Kong.HSBC', 'employment".The bank')
_END = regex.compile(
    r"""[.!?。！？]++['"”’)\]]*+(?:\s*+\[\d{1,3}\])*+(?=\s|$)|[。！？]++|\[\d{1,3}\](?:\s*+\[\d{1,3}\])*+(?=\s|$)"""
    r"""|(?<=\p{Ll}{2}['"”’)]?)[.!?]['"”’)]?(?=['"“‘]?\p{Lu}\p{L}++(?![.]\p{L}))"""
)
#: how far into a piece a label's dash may stand
LABEL_REACH = 80
#: a bullet mark opening a piece: '- The fund's shares rose ...'
_BULLET_MARKS = "-–—•●"
_BULLET = regex.compile(rf"(?:[{_BULLET_MARKS}]|\*\*)\s++")
#: a short title-cased label before a dash that opens a line or a bullet: 'Group 1: Market Performance - ',
#: 'Core Viewpoint - ', 'BEIJING -- '
_LABEL = regex.compile(r"(?:[\p{Lu}\d][\w'’&]*+)(?:[ :,]++(?:[\p{Lu}\d][\w'’&]*+|of|and|&)){0,6}?:?\s++[-–—]{1,2}\s++")
_LINE = regex.compile(r"[^\n]++")
#: a line that opens with a digest's item mark ('** Acme said ...') starts a piece of its own, whatever the line
#: before it: a hard-wrapped list, one item a mark
_ITEM_START = regex.compile(r"[ \t]*+\*\*[ \t]++\S")
#: what may stand before a number and its period that enumerate a list: nothing but spaces or a mark after the
#: line's start, a colon or a sentence end
_ENUMERATOR_BEFORE = regex.compile(r"(?:.*[:：.!?;。])?[\s(\[•●*-]*+")
_WORD_BEFORE = regex.compile(r"(\S{1,12}?)[.!?]$")
_NEXT_START = regex.compile(r"\s*+([\"“‘'(\[]?\p{Lu}|\d|\p{Han}|[•●①-⑳])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: offsets into the article text, paragraph number, headline flag."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    headline: bool = False


_SOFT_BREAK = regex.compile(r"[;,；，、:]\s|\s")


@cache
def _rules() -> tuple[frozenset[str], tuple[str, ...], int]:
    data = load_json("sentence_rules.json")
    abbreviations = frozenset(a.lower() for a in data["abbreviations"])
    return abbreviations, tuple(data["clause_separators"]), int(data["max_sentence_chars"])


def _is_false_end(line: str, end: int) -> bool:
    """True when the punctuation ending at `end` closes an abbreviation or an enumerator."""
    if line[end - 1] != ".":
        return False
    before = _WORD_BEFORE.search(line[max(0, end - 14) : end])
    word = before.group(1) if before else ""
    if word.lower().lstrip("(") in _rules()[0]:
        return True
    if word.isdigit() and len(word) <= 2 and _ENUMERATOR_BEFORE.fullmatch(line, 0, end - len(word) - 1):
        return True  # "1." enumerating a list (not 'on May 20.' ending a sentence)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. P. Morgan"
    nxt = _NEXT_START.match(line, end)
    return nxt is None  # next word in lower case: not a new sentence


@cache
def _continuing() -> frozenset[str]:
    """Words that cannot end a sentence, so a line ending with one goes on in the next (lower case)."""
    return frozenset(w.lower() for w in load_json("sentence_rules.json")["line_continuing_words"])


_LOWER_START = regex.compile(r"[ \t]*+\p{Ll}")
#: marks that close a line: a sentence end or a colon, then perhaps closing quotes or brackets
_CLOSING = ".!?。！？:;：；"
_CLOSING_QUOTES = "'\"”’)]"


def _goes_on(line: str) -> bool | None:
    """True when a line ends with a comma or a word such as 'of'; False when it is closed by punctuation; None
    when the next line must tell."""
    end = line.rstrip().rstrip(_CLOSING_QUOTES).rstrip()  # a line of spaces and quotes alone is closed
    if not end or end[-1] in _CLOSING:
        return False
    if end[-1] == ",":
        return True
    last = end.rsplit(None, 1)[-1]
    return True if last.lower() in _continuing() else None


#: a quote a market-data page prints on a line of its own inside a sentence, a code, a comma and the day's signed
#: change ('The iShares MSCI Turkey ETF' / 'TUR, -14.53%' / ' plummeted ...')
_CHIP = regex.compile(r"[ \t]*+[\p{Lu}\d][\p{Lu}\d.:^=-]{1,14}+,[ \t]*+[+\-−–]?[ \t]?\d[\d,]*+(?:\.\d++)?%[ \t]*+")


def _chip(line: str) -> bool:
    """True for a line that holds a quote chip alone ('EZA, -4.78%')."""
    return _CHIP.fullmatch(line) is not None


def _lines(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of the lines of text[start:stop], a hard-wrapped line joined to the next where the sentence
    plainly goes on: the line is not closed by punctuation and the next starts in lower case, or the line ends
    with a comma or a word such as 'of' ('A manual trade of 10 million shares' / 'of TRACKER FUND (02800) was ...');
    a quote chip on a line of its own joins the open line before it and a line after it that starts in lower case,
    blank lines between or not."""
    out: list[tuple[int, int]] = []
    joining = False
    lines = list(_LINE.finditer(text, start, stop))
    wrap = _wrap_reach([m.group() for m in lines])
    chipped = False  # the line before (blank lines aside) was a chip joined to an open line
    for m in lines:
        line = m.group()
        if not line.strip():
            joining = False
            continue
        if out and _chip(line) and (joining or _goes_on(text[out[-1][0] : out[-1][1]]) is not False):
            out[-1] = (out[-1][0], m.end())
            joining, chipped = False, True
            continue
        if (joining or (chipped and _LOWER_START.match(line))) and out and not _ITEM_START.match(line):
            out[-1] = (out[-1][0], m.end())
        else:
            out.append(m.span())
        chipped = False
        goes_on = _goes_on(line)
        if goes_on is None and wrap is not None and len(line.rstrip()) >= wrap:
            goes_on = True  # a full line of hard-wrapped text, not closed: its sentence goes on
        joining = goes_on if goes_on is not None else _LOWER_START.match(text, m.end() + 1, stop) is not None
    return out


def _wrap_reach(lines: list[str]) -> int | None:
    """The length from which a line of hard-wrapped text is a full line, or None when the text is not hard-wrapped."""
    rules = _hard_wrap()
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(widths) < rules.min_lines:
        return None
    width = widths[min(len(widths) - 1, int(rules.width_quantile * len(widths)))]
    if width > rules.max_width:
        return None
    reach = int(rules.near_width * width)
    open_lines = sum(1 for line in lines if len(line.rstrip()) >= reach and _goes_on(line) is None)
    return reach if open_lines >= rules.open_share * len(widths) else None


@cache
def _hard_wrap() -> HardWrap:
    """How hard-wrapped text is told (sentence_rules.json `hard_wrap`)."""
    return HardWrap.model_validate(load_json("sentence_rules.json")["hard_wrap"])


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], every line break ending one unless the sentence plainly goes on in the next
    line (hard-wrapped text); offsets are into `text`."""
    stop = len(text) if end is None else end
    sentences: list[Sentence] = []
    paragraph = -1
    for line_start, line_end in _lines(text, start, stop):
        line = text[line_start:line_end]
        paragraph += 1
        base = line_start
        cut = 0
        for m in _END.finditer(line):
            if m.end() < len(line) and _is_false_end(line, m.end()):
                continue
            _append(sentences, text, base + cut, base + m.end(), paragraph)
            cut = m.end()
        if cut < len(line):
            _append(sentences, text, base + cut, base + len(line), paragraph)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    limit = _rules()[2]
    while end - start > limit:
        cut = _piece_end(text, start, start + limit)
        _append_one(out, text, start, cut, paragraph)
        start = cut
    _append_one(out, text, start, end, paragraph)


def _piece_end(text: str, start: int, limit: int) -> int:
    """Where an overlong sentence is cut: after the last clause mark or space before `limit`."""
    window_start = start + (limit - start) // 2
    ends = [m.end() for m in _SOFT_BREAK.finditer(text, window_start, limit)]
    return ends[-1] if ends else limit


def _append_one(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    if start < end and (text[start] in _BULLET_MARKS or text.startswith("**", start)):
        bullet = _BULLET.match(text, start, end)
        if bullet:
            start = bullet.end()
    head = text[start : min(end, start + LABEL_REACH)]
    label = _LABEL.match(text, start, end) if (" -" in head or " —" in head or " –" in head) else None
    if label and label.end() < end:
        _append_one(out, text, start, label.end(), paragraph)
        start = label.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), paragraph, start, end, text[start:end]))


def _same_length_lower(text: str) -> str:
    """`text` lower-cased character by character, so that offsets found in it stand in `text` too ('İstanbul'
    lower-cases to nine characters with `str.lower`; folded, to eight)."""
    lowered = fold(text)
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


@remembered
def split_clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence, cut at '; ', ', while ' and the like."""
    separators = _rules()[1]
    cuts = [0]
    lowered = _same_length_lower(sentence)
    for sep in separators:
        pos = lowered.find(sep)
        while pos != -1:
            cuts.append(pos + len(sep))
            pos = lowered.find(sep, pos + 1)
    cuts = sorted(set(cuts))
    bounds = list(zip(cuts, [*cuts[1:], len(sentence)]))
    return [(a, b) for a, b in bounds if b > a]
