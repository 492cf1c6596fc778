"""Every ticker in the bundled gazetteer is written in the normalised form of its exchange.

A ticker is either a bare US symbol ('LLY') or a code with an exchange suffix ('01801.HK', '688235.SH',
'4568.T'). What a code looks like depends on the exchange: five digits in Hong Kong, six in Shanghai and
Shenzhen (Shanghai's start with 6, Shenzhen's with 0 or 3), four in Tokyo and Taipei, six in Seoul,
letters (and a class digit) in Europe. A suffix with no rule here fails, so a new exchange comes with its rule.
"""

from __future__ import annotations

import re

import pytest

from extractor.datafiles import load_jsonl
from extractor.facts.tickers import normalize_ticker

#: suffix -> the form of the code before it
CODE_FORMS: dict[str, str] = {
    "HK": r"\d{5}",
    "SH": r"6\d{5}",
    "SZ": r"[03]\d{5}",
    "BJ": r"(?:4\d|8\d|92)\d{4}",
    "T": r"\d{3}[0-9A-Z]",
    "KS": r"\d{6}",
    "KQ": r"\d{6}",
    "TW": r"\d{4}",
    "L": r"[A-Z]{2,4}",
    "DE": r"[A-Z]{2,4}\d?",
    "PA": r"[A-Z]{2,5}",
    "SW": r"[A-Z]{2,4}",
    "MC": r"[A-Z]{2,4}",
    "AS": r"[A-Z]{2,4}",
    "AX": r"[A-Z]{3}",
    "HE": r"[A-Z]{3,6}",
    "NS": r"[A-Z&]{2,12}",
}
US_SYMBOL = r"[A-Z]{1,5}"


def well_formed(ticker: str) -> bool:
    """True when `ticker` is a US symbol or a code of the form its exchange suffix calls for."""
    if "." not in ticker:
        return re.fullmatch(US_SYMBOL, ticker) is not None
    code, _, suffix = ticker.rpartition(".")
    form = CODE_FORMS.get(suffix)
    return form is not None and re.fullmatch(form, code) is not None


def _tickers() -> list[tuple[str, str]]:
    return [(row["name"], t) for row in load_jsonl("gazetteer", "companies.jsonl") for t in row.get("tickers", [])]


@pytest.mark.parametrize(
    "ticker, expected",
    [
        ("01801.HK", True),
        ("1801.HK", False),  # Hong Kong codes are written with all five digits
        ("688235.SH", True),
        ("300750.SH", False),  # a Shenzhen code under the Shanghai suffix
        ("000001.SZ", True),
        ("600276.SZ", False),  # a Shanghai code under the Shenzhen suffix
        ("830799.BJ", True),
        ("4568.T", True),
        ("45680.T", False),
        ("005930.KS", True),
        ("2330.TW", True),
        ("VOW3.DE", True),
        ("ROP.SW", True),
        ("LLY", True),
        ("lly", False),
        ("NASDAQ:LLY", False),
        ("LLY.N", False),  # the exchange suffix is dropped for a US listing
        ("7203.XX", False),  # an exchange with no rule
    ],
)
def test_the_form_check_accepts_normalised_tickers_and_rejects_others(ticker, expected):
    assert well_formed(ticker) is expected


@pytest.mark.parametrize("name, ticker", _tickers())
def test_every_bundled_ticker_has_the_form_of_its_exchange(name, ticker):
    assert well_formed(ticker), f"{name}: {ticker!r}"


@pytest.mark.parametrize("name, ticker", _tickers())
def test_every_bundled_ticker_is_already_normalised(name, ticker):
    assert normalize_ticker(ticker, bare_symbols=True) == ticker, name
