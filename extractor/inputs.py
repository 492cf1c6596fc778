"""Reading articles: folders, files, JSONL records and standard input, with front matter."""
from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

import regex

ARTICLE_SUFFIXES = (".txt", ".md")
_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*+\r?\n(.*?)\r?\n---[ \t]*+(?:\r?\n|\Z)", regex.S)
_KEY_VALUE = regex.compile(r"^([A-Za-z_][\w-]*+)[ \t]*+:[ \t]*+(.*?)[ \t]*+$", regex.M)
_ISO_DATE = regex.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its id, full text, where the body starts, and its publication date."""

    doc_id: str
    text: str
    published: dt.date | None = None
    body_start: int = 0
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class InputError:
    """An article that could not be read, and why."""

    doc_id: str
    stage: str
    kind: str
    message: str

    def __str__(self) -> str:
        """'doc_id: message', the one-line form shown to users."""
        return f"{self.doc_id}: {self.message}"


class PublishedDateError(ValueError):
    """A publication date that is not an ISO date."""


def parse_published(value: object) -> dt.date | None:
    """An ISO date (or datetime) string or date object as a date; None for empty values."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO_DATE.match(str(value).strip().strip("\"'"))
    if not m:
        raise PublishedDateError(f"published date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as err:
        raise PublishedDateError(f"published date {value!r}: {err}") from None


def make_article(
    doc_id: str, text: str, published: object = None, override: dt.date | None = None,
    fallback: dt.date | None = None,
) -> Article:
    """An article from raw text: front matter read, body located, publication date chosen.

    The date is `override`, else `published` (a record's own field), else the front matter's, else `fallback`.
    """
    meta: dict[str, str] = {}
    body_start = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        meta = {k.lower(): v for k, v in _KEY_VALUE.findall(fm.group(1))}
        body_start = fm.end()
    date = (override or parse_published(published)
            or parse_published(meta.get("published") or meta.get("date")) or fallback)
    return Article(doc_id, text, date, body_start, tuple(sorted(meta.items())))


def _error(doc_id: str, kind: str, message: str, stage: str = "read") -> InputError:
    return InputError(doc_id, stage, kind, message)


def read_file(path: Path, doc_id: str, override: dt.date | None) -> Article | InputError:
    """One article file, decoded as UTF-8 (with or without BOM)."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return _error(doc_id, "unreadable", f"cannot read file: {err.strerror or err}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return _error(doc_id, "undecodable", f"not UTF-8 text (byte {err.start}: {err.reason})")
    return _checked(doc_id, text, None, override)


def _checked(doc_id: str, text: str, published: object, default: dt.date | None) -> Article | InputError:
    """The article, or why it cannot be read; `default` (--published) dates articles that give none."""
    if "\x00" in text:
        return _error(doc_id, "binary", "looks like a binary file (NUL bytes)")
    try:
        article = make_article(doc_id, text, published)
    except PublishedDateError as err:
        return _error(doc_id, "bad_date", str(err))
    if article.published is None and default is not None:
        article = replace(article, published=default)
    if not text[article.body_start:].strip():
        return _error(doc_id, "empty", "empty article")
    return article


def read_jsonl(lines: Iterable[str], source: str, override: dt.date | None) -> Iterator[Article | InputError]:
    """Records {id, text, published} one per line; a malformed line becomes an error."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield _error(where, "malformed_record", f"not JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(record, dict):
            yield _error(where, "malformed_record", "a record must be a JSON object")
            continue
        text = record.get("text")
        doc_id = record.get("id", record.get("doc_id"))
        if not isinstance(text, str):
            yield _error(str(doc_id or where), "malformed_record", f"{where}: record has no string 'text'")
            continue
        if doc_id is None or str(doc_id) == "":
            yield _error(where, "malformed_record", "record has no 'id'")
            continue
        yield _checked(str(doc_id), text, record.get("published"), override)


def iter_articles(paths: Iterable[str], published: dt.date | None = None) -> Iterator[Article | InputError]:
    """Every article under the given paths (folders recursively, files, .jsonl, '-' for stdin)."""
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(published)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES
                and (p.is_file() or p.is_symlink())
            )
            for file in files:
                rel = file.relative_to(path).as_posix()
                yield from _read_path(file, rel, published)
        elif path.exists() or path.is_symlink():
            yield from _read_path(path, raw, published)
        else:
            yield _error(raw, "missing", "no such file or folder")


def _read_path(path: Path, doc_id: str, published: dt.date | None) -> Iterator[Article | InputError]:
    if not path.exists():
        yield _error(doc_id, "broken_symlink", "broken symbolic link")
    elif path.suffix.lower() == ".jsonl":
        try:
            with path.open(encoding="utf-8-sig", errors="strict") as fh:
                yield from read_jsonl(fh, doc_id, published)
        except UnicodeDecodeError as err:
            yield _error(doc_id, "undecodable", f"not UTF-8 text (byte {err.start}: {err.reason})")
        except OSError as err:
            yield _error(doc_id, "unreadable", f"cannot read file: {err.strerror or err}")
    else:
        yield read_file(path, doc_id, published)


def _read_stdin(published: dt.date | None) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        yield _error("-", "undecodable", f"standard input is not UTF-8 (byte {err.start})")
        return
    if text.lstrip().startswith("{"):
        yield from read_jsonl(text.splitlines(), "-", published)
    else:
        yield _checked("-", text, None, published)
