"""Per-share figures written in a currency's minor units alone: 'between 541.72 cents and 579.08 cents', 'a loss of
324 cents per share', '37,6 cents' (a decimal comma). The amount reader needs a currency before or after a figure; a
figure in cents names none, so the article says whose cents they are (a South African trading statement's are the
rand's, an American report's the dollar's)."""

from __future__ import annotations

from functools import cache

import regex

from extractor.contract import Located, Money
from extractor.facts.amounts import dollar_of, find_amounts
from extractor.facts.analysis import ArticleView, Facts
from extractor.facts.lexicon import words
from extractor.facts.patterns import alternation, untimed


@cache
def _in_minor_units() -> regex.Pattern[str]:
    """A figure with a minor unit right after it and no sign or letter glued before it: '541.72 cents', '37,6 cents',
    '1,250 cents'."""
    units = alternation(list(words("earnings_preview")["minor_units"]))
    number = r"\d{1,3}(?:,\d{3})++(?:\.\d++)?|\d++(?:[.,]\d++)?"
    return untimed(
        "earnings_preview.in_minor_units",
        regex.compile(
            rf"(?<![\p{{L}}\p{{N}}\p{{Sc}}.,])(?P<n>{number})\s*+(?P<u>{units})(?![\p{{L}}\p{{N}}])", regex.I
        ),
    )


def _decimal(number: str) -> str:
    """A figure with a point for its decimals: '37,6' -> '37.6', '1,250' -> '1250' (a comma before three digits
    groups thousands)."""
    if regex.fullmatch(r"\d{1,3}(?:,\d{3})++(?:\.\d++)?", number):
        return number.replace(",", "")
    return number.replace(",", ".")


@cache
def _places() -> dict[str, regex.Pattern[str]]:
    """Per currency, a pattern of the places whose articles write its cents."""
    table: dict[str, list[str]] = words("earnings_preview")["minor_unit_places"]
    return {
        code: untimed(
            f"earnings_preview.minor_unit_places.{code}",
            regex.compile(rf"(?<![\p{{L}}])(?:{alternation(places)})(?![\p{{L}}])"),
        )
        for code, places in table.items()
    }


def _currency_of_cents(view: ArticleView) -> str:
    """Whose cents an article writes: the currency whose places it names most, else the dollar its '$' means."""

    def build() -> str:
        text = view.article.text
        counts = {code: len(p.findall(text)) for code, p in _places().items()}
        best = max(counts, key=lambda c: counts[c], default=None)
        return best if best is not None and counts[best] else dollar_of(text)

    return view.kept("earnings_minor_currency", build)


def minor_amounts(view: ArticleView, f: Facts, lo: int, hi: int) -> list[Located[Money]]:
    """The amounts of text[lo:hi] written in minor units alone, in the major unit ('541.72 cents' -> 5.4172 ZAR),
    ranges and bounds read as the amount reader reads them; none that overlaps an amount already read ('$20 and 43
    cents')."""
    text = f.text
    table = words("earnings_preview")
    spans: list[tuple[int, int, float]] = []
    synthetic = list(text)
    for m in _in_minor_units().finditer(text, lo, hi):
        if any(a.start < m.end() and m.start() < a.end for a in f.amounts):
            continue
        unit = m.group("u").lower()
        code = table["minor_unit_currencies"].get(unit) or _currency_of_cents(view)
        # the figure rewritten for the amount reader in the same width, so the offsets of the sentence hold
        # ('541.72 cents' -> 'ZAR 541.72  '); a unit too short to leave room for a code is not read
        written = f"{code} {_decimal(m.group('n'))}"
        if len(written) > m.end() - m.start():
            continue
        synthetic[m.start() : m.end()] = list(written.ljust(m.end() - m.start()))
        spans.append((m.start(), m.end(), float(table["minor_units"][unit])))
    if not spans:
        return []
    out = []
    for a in find_amounts("".join(synthetic)):
        inside = [s for s in spans if s[0] < a.end and a.start < s[1]]
        if not inside:
            continue
        start, end, scale = min(a.start, inside[0][0]), max(a.end, inside[-1][1]), inside[0][2]
        money = a.item
        out.append(
            Located(
                start,
                end,
                Money(
                    text=text[start:end],
                    value=money.value * scale,
                    currency=money.currency,
                    qualifier=money.qualifier,
                    low=None if money.low is None else money.low * scale,
                    high=None if money.high is None else money.high * scale,
                ),
            )
        )
    return out
