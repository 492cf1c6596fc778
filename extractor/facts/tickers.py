"""Stock codes in one written form: '(01801.HK)', 'HK:1801' and '1801.HK' are all '01801.HK'.

The rules (which prefixes and suffixes name which exchange, how many digits a code has, which mainland
exchange a bare six-digit code belongs to) are data: `exchanges.json`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.datafiles import load_json

#: 'HK:1801', 'NASDAQ: BGNE', 'SSE 600276', 'NYSE American: ABC': the exchange and the code apart (a colon or a
#: space), so that a symbol starting with an exchange's letters ('USB', 'HKD') is not read as one
_PREFIXED = re.compile(r"(?P<exchange>[A-Za-z]+(?: [A-Za-z]+)?)(?:\s*[:：]\s*|\s+)(?P<code>[A-Za-z0-9][A-Za-z0-9-]*)")
#: 'SH688235', 'SZ000001': an exchange glued to a mainland or Hong Kong code
_GLUED = re.compile(r"(?P<exchange>[A-Za-z]{2})(?P<code>\d{4,6})")
#: '01801.HK', 'LLY.N', 'MRK.DE', '4568.T'
_SUFFIXED = re.compile(r"(?P<code>[A-Za-z0-9][A-Za-z0-9-]*)\.(?P<exchange>[A-Za-z]{1,4})")
_DIGITS = re.compile(r"\d+")
#: a listed symbol: letters (and digits) only, as US symbols are written
_SYMBOL = re.compile(r"[A-Z][A-Z0-9]{0,5}")
_BRACKETS = " \t()（）[]【】"


@cache
def _rules() -> dict[str, Any]:
    return load_json("exchanges.json")


def normalize_ticker(text: str, bare_symbols: bool = False) -> str | None:
    """The normalised form of a stock code as written, or None when it is none ('1801' alone is too ambiguous).

    `bare_symbols`: a bare upper-case symbol ('LLY') is a US listing (as in the gazetteer's data); otherwise a
    symbol needs its exchange ('NYSE: LLY', 'LLY.N').
    """
    rules = _rules()
    written = text.strip(_BRACKETS)
    if not written or len(written) > 32:
        return None
    if _DIGITS.fullmatch(written):
        return _bare_code(written)
    m = _SUFFIXED.fullmatch(written)
    if m is not None:
        suffix = m.group("exchange").upper()
        exchange = rules["ticker_suffix_aliases"].get(suffix, suffix)
        if exchange in rules["code_digits"] or exchange == rules["bare_symbol_market"]:
            return _listed(m.group("code"), exchange)
        return f"{m.group('code').upper()}.{suffix}"  # another exchange's ticker, as written: '4568.T', 'MRK.DE'
    for pattern in (_GLUED, _PREFIXED):
        m = pattern.fullmatch(written)
        exchange = rules["ticker_prefixes"].get(m.group("exchange").upper()) if m else None
        if m is not None and exchange is not None:
            return _listed(m.group("code"), exchange)
    if bare_symbols and _SYMBOL.fullmatch(written):
        return written
    return None


def _bare_code(digits: str) -> str | None:
    """A code written without its exchange: six digits are mainland, five are Hong Kong; fewer say too little."""
    rules = _rules()
    if len(digits) == rules["code_digits"]["SH"]:
        prefixes: dict[str, str] = rules["mainland_code_prefixes"]
        exchange = next((prefixes[p] for p in sorted(prefixes, key=len, reverse=True) if digits.startswith(p)), None)
        return _listed(digits, exchange) if exchange else None
    if len(digits) == rules["code_digits"]["HK"]:
        return _listed(digits, "HK")
    return None


def _listed(code: str, exchange: str) -> str | None:
    """`code` on `exchange` in the normalised form, or None when it cannot be a code there."""
    rules = _rules()
    digits = rules["code_digits"].get(exchange)
    if digits is not None:
        if not _DIGITS.fullmatch(code) or len(code.lstrip("0") or "0") > digits:
            return None
        if len(code) != digits and exchange not in rules["padded_codes"]:
            return None  # a mainland code has all its six digits
        return f"{code.lstrip('0').zfill(digits)}.{exchange}"
    symbol = code.upper()
    if not _SYMBOL.fullmatch(symbol):
        return None
    return symbol if exchange == rules["bare_symbol_market"] else f"{symbol}.{exchange}"
