"""A user's gazetteer file (--gazetteer FILE): companies, funds and bodies to add to or replace the bundled ones.

JSON lines (`{"name": ..., "aliases": [...], "tickers": [...], "kind": ..., "lei": ...}`) or CSV with a header
naming the columns `name`, `aliases`, `tickers`, `kind` and `lei` (aliases and tickers `|`-separated). Only
`name` is required. Every row is checked on load; a bad one is an error naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.facts.tickers import normalize_ticker
from extractor.io.user_files import json_lines, read_user_file
from extractor.tables import UserEntityRow

#: the columns a CSV file may have; the JSON lines take the same keys
COLUMNS = tuple(UserEntityRow.model_fields)
#: the separator of several aliases or tickers in one CSV cell
LIST_SEPARATOR = "|"
#: the CSV columns that hold lists
LIST_COLUMNS = ("aliases", "tickers")


class GazetteerFileError(ValueError):
    """A gazetteer file that cannot be used: the file (and the line) and the problem are named."""


def read_gazetteer_file(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The validated rows of a JSONL or CSV gazetteer file, in file order; GazetteerFileError when one is bad."""
    name = os.fspath(path)
    try:
        text = read_user_file(path, GazetteerFileError, "gazetteer file").decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GazetteerFileError(f"{name}: not UTF-8 text") from None
    numbered = _jsonl_rows(name, text) if _is_jsonl(name, text) else _csv_rows(name, text)
    rows: list[dict[str, Any]] = []
    first_line: dict[str, int] = {}
    for number, raw in numbered:
        row = _checked(name, number, raw)
        key = row["name"].casefold()
        if key in first_line:
            raise GazetteerFileError(
                f"{name} line {number}: {row['name']!r} is already given on line {first_line[key]}"
            )
        first_line[key] = number
        rows.append(row)
    if not rows:
        raise GazetteerFileError(
            f"{name}: no entries (expected JSON lines or a CSV header and rows: {', '.join(COLUMNS)})"
        )
    return rows


def _is_jsonl(name: str, text: str) -> bool:
    """JSON lines by the file's extension, else by its first character."""
    suffix = Path(name).suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return True
    if suffix == ".csv":
        return False
    return text.lstrip()[:1] == "{"


def _jsonl_rows(name: str, text: str) -> list[tuple[int, object]]:
    return json_lines(text, lambda number, err: GazetteerFileError(f"{name} line {number}: not JSON ({err.msg})"))


def _csv_rows(name: str, text: str) -> list[tuple[int, object]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return []
    except csv.Error as err:
        raise GazetteerFileError(f"{name} line 1: not CSV ({err})") from None
    unknown = [h for h in header if h not in COLUMNS]
    if unknown or "name" not in header:
        problem = f"unknown column {unknown[0]!r}" if unknown else "no 'name' column"
        raise GazetteerFileError(f"{name} line 1: {problem} (the columns are {', '.join(COLUMNS)})")
    rows: list[tuple[int, object]] = []
    try:
        for cells in reader:
            number = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise GazetteerFileError(f"{name} line {number}: {len(cells)} cells for {len(header)} columns")
            rows.append((number, _from_cells(dict(zip(header, cells)))))
    except csv.Error as err:
        raise GazetteerFileError(f"{name} line {reader.line_num}: not CSV ({err})") from None
    return rows


def _from_cells(cells: dict[str, str]) -> dict[str, Any]:
    """A CSV row as the JSON line it stands for: lists split at '|', empty cells left out."""
    row: dict[str, Any] = {}
    for column, cell in cells.items():
        value = cell.strip()
        if column in LIST_COLUMNS:
            row[column] = [v.strip() for v in value.split(LIST_SEPARATOR) if v.strip()]
        elif value:
            row[column] = value
    return row


def _checked(name: str, number: int, raw: object) -> dict[str, Any]:
    """A row validated by its model, its tickers readable; else GazetteerFileError naming the line and field."""
    where = f"{name} line {number}"
    if not isinstance(raw, dict):
        raise GazetteerFileError(f"{where}: not an object with {', '.join(COLUMNS)}")
    try:
        row = UserEntityRow.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(row)"
        raise GazetteerFileError(f"{where}: {field}: {first['msg']}") from None
    for ticker in row.tickers:
        if normalize_ticker(ticker, bare_symbols=True) is None:
            raise GazetteerFileError(
                f"{where}: tickers: {ticker!r} is no stock code (write '01801.HK', '688235.SH', 'LLY', 'NYSE: LLY')"
            )
    return row.model_dump()
