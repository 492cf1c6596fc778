"""Previews without figures: a profit warning, or a company changing its outlook ('cut its full-year outlook')."""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import pairwise

import regex

from extractor.facts.analysis import Facts
from extractor.facts.lexicon import PhraseSet, phrases, words
from extractor.facts.patterns import alternation, untimed

#: at most this many words between a verb of change and the outlook it changes ('cut its full-year net sales guidance')
OUTLOOK_FILLERS = 4
#: how far after 'for' a period must start for the outlook to be the company's ('its forecast for the 2023
#: financial year'), not of something else ('its forecast for copper prices')
PERIOD_REACH = 12
#: the opening sentences (headlines among them) in which an outlook changed for the year named without its number
#: is the article's news, not a remark on an earlier change
RUNNING_YEAR_LEAD = 5


@cache
def _outlook_change() -> regex.Pattern[str]:
    """'raised its full-year profit forecast', 'cut their outlooks', 'expects a "significantly higher" loss'."""
    table = words("earnings_preview")
    verbs = alternation(table["outlook_verbs"], space=r"\s++")
    nouns = alternation(table["outlook_nouns"], space=r"\s++")
    filler = r"[\p{L}\p{N}'’\"“”-]++\s++"
    return untimed(
        "earnings_preview.outlook_change",
        regex.compile(
            rf"(?i)(?<![\w-])(?:{verbs})\s++(?:{filler}){{0,{OUTLOOK_FILLERS}}}?(?:{nouns})(?![\w-])"
            r"(?P<after>\s++(?:for|of|on)\s++)?"
        ),
    )


@cache
def _running_year() -> regex.Pattern[str]:
    """'the year', 'the current fiscal year': the year still running, named without its number (matched at a point)."""
    named = alternation(words("earnings_preview")["running_years"], space=r"\s++")
    return regex.compile(rf"(?i)(?:{named})(?![\w-])")


def _of_running_year(f: Facts, after: int) -> bool:
    """Whether an outlook's 'for' is followed by the year still running ('cut its guidance for the year'), told in the
    article's opening sentences, where its news is, and in a sentence that names no period (else the outlook may be
    of the part it names)."""
    return f.sentence.index < RUNNING_YEAR_LEAD and not f.periods and _running_year().match(f.text, after) is not None


#: what may stand between names listed together: a bracketed short name, a comma, 'and' ('A (ETC) and B')
_LISTED_TOGETHER = regex.compile(r"(?:\s*+\([^()]{1,24}\))?\s*+(?:,\s*+)?(?:(?:and|&)\s++)?(?:the\s++)?")


def shared_warning(f: Facts, lo: int, hi: int) -> tuple[int, int] | None:
    """(start, end) of a warning in the plural whose subject is two or more companies listed together before it in
    text[lo:hi] ('A and B have sounded profit warnings'), or None."""
    text = f.text
    found = phrases("earnings_preview", "shared_warnings").search(text, lo, hi)
    if found is None:
        return None
    before = [c for c in f.companies if lo <= c.start and c.end <= found.start()]
    joined = [b for a, b in pairwise(before) if _LISTED_TOGETHER.fullmatch(text, a.end, b.start)]
    return found.span() if joined else None


@cache
def _outlook_words() -> tuple[PhraseSet, PhraseSet]:
    """The verbs and the nouns of outlook changes, as phrase sets: a cheap look before the pattern."""
    return phrases("earnings_preview", "outlook_verbs"), phrases("earnings_preview", "outlook_nouns")


@lru_cache(maxsize=4096)
def may_warn(text: str) -> bool:
    """Whether a sentence holds a warning phrase, or both a verb and a noun of an outlook change (cheap, memoized)."""
    verbs, nouns = _outlook_words()
    if phrases("earnings_preview", "shared_warnings").search(text) is not None:
        return True
    if nouns.search(text) is not None:  # the rarer words first: most sentences stop here
        return (
            verbs.search(text) is not None
            or phrases("earnings_preview", "qualitative_previews").search(text) is not None
        )
    return phrases("earnings_preview", "qualitative_previews").search(text) is not None


def find_warning(f: Facts, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """(start, end) of the first phrase in text[lo:hi] that makes a preview without a figure, or None.

    A warning phrase from the table ('issues profit warning', 'expects to report a loss'), or a change of outlook
    whose outlook is followed by a period, the year running ('cut its guidance for the year') or by nothing that
    names another subject ('raised its forecast for the 2023 financial year', 'cut their outlooks as ...'; not
    'raised its forecast for copper prices').
    """
    text = f.text
    if not may_warn(text):
        return None
    whole = lo == 0 and (hi is None or hi == len(text))
    hi = len(text) if hi is None else hi
    qualitative = phrases("earnings_preview", "qualitative_previews")
    found = qualitative.search(text) if whole else qualitative.search(text, lo, hi)
    if found is not None:
        return found.span()
    shared = shared_warning(f, lo, hi)
    if shared is not None:
        return shared
    for m in _outlook_change().finditer(text, lo, hi):
        after = m.end("after") if m.group("after") else None
        if (
            after is None
            or any(after <= p.start <= after + PERIOD_REACH for p in f.periods)
            or _of_running_year(f, after)
        ):
            return m.span()
    return None
