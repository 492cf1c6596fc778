"""The candidate spans of a text and the hashed features the role-name proposer reads of each.

Shared by the extractor (extractor/proposer/model.py) and its training script (corpus/role_names.py): the same
spans, features and hashing at training and at run time.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import cache, lru_cache

from extractor.datafiles import load_json
from extractor.evaluation.rules import word_set

#: the longest candidate span, in tokens
MAX_SPAN = 9
#: words whose shape is remembered
SHAPES_REMEMBERED = 8192
#: the size of the hashed feature space (the weights file says the same)
DIM = 1 << 18
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w\u00C0-\u024F.'’\-]*[\w\u00C0-\u024F.]|[A-Za-z0-9\u00C0-\u024F]|&")
_NO_CROSSING = frozenset(',;:()"“”')

#: (start, end, words, first token index, last token index)
Span = tuple[int, int, list[str], int, int]
#: (start, end, text)
Token = tuple[int, int, str]


@cache
def connectors() -> frozenset[str]:
    """Small words a name carries between its capitalised words ('Bank of China', 'Johnson & Johnson')."""
    return frozenset(load_json("name_words.json")["span_connectors"])


def _cap(tok: str) -> bool:
    """A token a name may start or end with: capitalised, a digit-led code, or an all-caps word."""
    return tok[0].isupper() or (tok[0].isdigit() and any(c.isalpha() for c in tok))


def _end(tok: Token) -> int:
    """Where a name ending in this token ends: before a full stop that ends the sentence, not an abbreviation's."""
    _, end, word = tok
    stem = word[:-1]
    if word.endswith(".") and len(stem) > 2 and "." not in stem and stem.lower() not in word_set("name_suffixes"):
        return end - 1
    return end


def spans(text: str) -> tuple[list[Span], list[Token]]:
    """Candidate name spans of a text (each capitalised run and its sub-runs that start and end capitalised), and its
    tokens."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    words = [t[2] for t in toks]
    caps = [_cap(w) for w in words]  # each token's test once, not once per run and candidate it is in
    joins = connectors()
    out = []
    n = len(toks)
    i = 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        j = i
        while j + 1 < n:  # extend over capitalised tokens and connectors followed by one
            gap = text[toks[j][1] : toks[j + 1][0]]
            if gap != " " and ("\n" in gap or any(c in _NO_CROSSING for c in gap)):
                break
            if caps[j + 1]:
                j += 1
            elif (
                words[j + 1].lower() in joins
                and j + 2 < n
                and caps[j + 2]
                and "\n" not in text[toks[j + 1][1] : toks[j + 2][0]]
            ):
                j += 2
            else:
                break
        ends = {b: _end(toks[b]) for b in range(i, j + 1) if caps[b]}
        for a in range(i, j + 1):
            if not caps[a]:
                continue
            start = toks[a][0]
            for b in range(a, min(j + 1, a + MAX_SPAN)):
                if caps[b]:
                    out.append((start, ends[b], words[a : b + 1], a, b))
        i = j + 1
    return out, toks


def span_counts(cands: list[Span], toks: list[Token]) -> Counter[str]:
    """How often each candidate span's words (lower case) and each token occur in the text."""
    lows = [t[2].lower() for t in toks]
    counts: Counter[str] = Counter(" ".join(lows[c[3] : c[4] + 1]) for c in cands)  # c[2] is the words a..b
    counts.update(lows)
    return counts


@lru_cache(maxsize=SHAPES_REMEMBERED)
def _shape(tok: str) -> str:
    """A word's shape: X for capitals, x for lower case, d for digits, runs collapsed (remembered: a candidate's words
    recur in the candidates that overlap it)."""
    s = re.sub(r"[A-Z\u00C0-\u00DE]", "X", tok)
    s = re.sub(r"[a-z\u00DF-\u024F]", "x", s)
    s = re.sub(r"[0-9]", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def features(text: str, span: Span, toks: list[Token], counts: Counter[str]) -> list[str]:
    """The feature names of one candidate span."""
    start, end, words_, a, b = span
    low = [w.lower() for w in words_]
    suffixes = word_set("name_suffixes")
    prev1 = toks[a - 1][2].lower() if a > 0 else "<s>"
    prev2 = toks[a - 2][2].lower() if a > 1 else "<s>"
    next1 = toks[b + 1][2].lower() if b + 1 < len(toks) else "</s>"
    next2 = toks[b + 2][2].lower() if b + 2 < len(toks) else "</s>"
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    n = len(words_)
    f = [
        "bias",
        f"len={min(n, 6)}",
        f"first={low[0]}",
        f"last={low[-1]}",
        f"shape_first={_shape(words_[0])}",
        f"shape_last={_shape(words_[-1])}",
        f"shapes={'_'.join(_shape(w) for w in words_[:4])}",
        f"prev={prev1}",
        f"prev2={prev2}_{prev1}",
        f"next={next1}",
        f"next2={next1}_{next2}",
        f"prev_shape={_shape(prev1) if a > 0 else '<s>'}",
        f"next_cap={b + 1 < len(toks) and _cap(toks[b + 1][2])}",
        f"prev_cap={a > 0 and _cap(toks[a - 1][2])}",
        f"before={before!r}",
        f"after={after!r}",
        f"last_suffix={low[-1].strip('.') in suffixes}",
        f"n_suffix={min(sum(w.strip('.') in suffixes for w in low), 3)}",
        f"all_caps={all(w.isupper() for w in words_)}",
        f"line_start={start == 0 or text[start - 1] == chr(10)}",
        f"repeats={min(counts[' '.join(low)], 4)}",
        f"first_repeats={min(counts[low[0]], 4)}",
    ]
    f += [f"w={w}" for w in low]
    f += [f"suf3={w[-3:]}" for w in low]
    return f


def hashed(names: list[str]) -> list[int]:
    """The hashed indices of feature names (CRC-32 modulo DIM)."""
    return [zlib.crc32(s.encode()) % DIM for s in names]
