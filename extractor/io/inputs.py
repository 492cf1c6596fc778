"""Reading articles: folders, files, JSONL records and standard input, with front matter."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import sys
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import regex

from extractor.io.budget import ArticleTimeout
from extractor.io.decoding import DecodeError, decode_bytes
from extractor.io.webpage import HTML_SUFFIXES, page_text

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
#: articles (files or records) larger than this are rejected unread
DEFAULT_MAX_BYTES = 10_000_000
_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*+\r?\n(.*?)\r?\n---[ \t]*+(?:\r?\n|\Z)", regex.S)
_KEY_VALUE = regex.compile(r"^([A-Za-z_][\w-]*+)[ \t]*+:[ \t]*+(.*?)[ \t]*+$", regex.M)
_ISO_DATE = regex.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
#: code points that cannot be written as UTF-8: a lone surrogate (from a JSON escape or a bad file name)
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
#: characters that move the cursor or change a terminal: C0 and C1 controls, DEL, line and paragraph separators
_CONTROL = regex.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its id, full text, where the body starts, and its publication date."""

    doc_id: str
    text: str
    published: dt.date | None = None
    body_start: int = 0
    meta: tuple[tuple[str, str], ...] = ()
    encoding: str | None = None
    content_hash: str = ""
    #: what reading changed in the text (characters replaced), reported as warnings on its record
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """Where one article comes from, found cheaply while listing the inputs and read later."""

    doc_id: str
    path: str | None = None
    text: str | None = None
    published: object = None
    error: InputError | None = None
    #: named on the command line (not found in a folder): a pipe is read too
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class InputError:
    """An article that could not be read, and why."""

    doc_id: str
    stage: str
    kind: str
    message: str

    def __str__(self) -> str:
        """'doc_id: message', the one-line form shown to users (a newline in a file name cannot forge a line)."""
        return one_line(f"{self.doc_id}: {self.message}")


def one_line(text: str) -> str:
    """Text for a terminal line: control characters (newlines, escape sequences) shown as escapes."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def extraction_failure(doc_id: str, err: BaseException, debug: bool = False) -> InputError:
    """The error of an article whose extraction raised: a pattern's time-out, else an internal error."""
    if isinstance(err, ArticleTimeout):
        return InputError(doc_id, "extract", "timeout", f"{err}; skipped")
    if isinstance(err, TimeoutError):
        return InputError(doc_id, "extract", "timeout", "a pattern exceeded its time budget on this text")
    detail = "".join(traceback.format_exception(err)) if debug else f"{type(err).__name__}: {err}"
    return InputError(doc_id, "extract", "internal_error", f"extraction failed: {detail}")


class PublishedDateError(ValueError):
    """A publication date that is not an ISO date."""


#: publication years the extractor resolves dates in: relative dates and periods need the years either side
PUBLISHED_YEARS = range(1800, 2200)


def parse_published(value: object) -> dt.date | None:
    """An ISO date (or datetime) string or date object as a date; None for empty values.

    The whole string must be a date ('2025-07-01') or an ISO datetime ('2025-07-01T08:30:00+08:00'), in
    the years PUBLISHED_YEARS; anything else raises PublishedDateError.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _in_years(value.date(), value)
    if isinstance(value, dt.date):
        return _in_years(value, value)
    text = str(value).strip().strip("\"'")
    m = _ISO_DATE.fullmatch(text)
    try:
        date = dt.date(int(m[1]), int(m[2]), int(m[3])) if m else dt.datetime.fromisoformat(text).date()
    except ValueError as err:
        if not _ISO_DATE.match(text):
            raise PublishedDateError(f"published date {value!r} is not YYYY-MM-DD") from None
        reason = str(err) if m else "not a date, nor an ISO date and time"
        raise PublishedDateError(f"published date {value!r}: {reason}") from None
    return _in_years(date, value)


def _in_years(date: dt.date, value: object) -> dt.date:
    if date.year not in PUBLISHED_YEARS:
        first, last = PUBLISHED_YEARS[0], PUBLISHED_YEARS[-1]
        raise PublishedDateError(f"published date {value!r} is outside the years {first}-{last}")
    return date


def make_article(
    doc_id: str,
    text: str,
    published: object = None,
    override: dt.date | None = None,
    fallback: dt.date | None = None,
) -> Article:
    """An article from raw text: front matter read, body located, publication date chosen.

    The date is `override`, else `published` (a record's own field), else the front matter's, else `fallback`.
    """
    doc_id = safe_name(doc_id)
    text, replaced = replace_surrogates(text)
    notes = (f"{replaced} lone surrogate character(s) replaced with U+FFFD",) if replaced else ()
    meta: dict[str, str] = {}
    body_start = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        meta = {k.lower(): v for k, v in _KEY_VALUE.findall(fm.group(1))}
        body_start = fm.end()
    date = (
        override or parse_published(published) or parse_published(meta.get("published") or meta.get("date")) or fallback
    )
    return Article(
        doc_id, text, date, body_start, tuple(sorted(meta.items())), content_hash=content_hash(text), notes=notes
    )


def replace_surrogates(text: str) -> tuple[str, int]:
    """The text with every lone surrogate (unencodable in UTF-8) replaced by U+FFFD, and how many were."""
    if text.isascii():
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def safe_name(name: str) -> str:
    """A name (doc_id) that UTF-8 can encode: undecodable bytes of a file name shown as \\xNN escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:  # a file name with bytes that are not UTF-8 (Python keeps them as surrogate escapes)
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def content_hash(text: str) -> str:
    """The identity of an article's text: identical texts under different names share it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _error(doc_id: str, kind: str, message: str, stage: str = "read") -> InputError:
    return InputError(doc_id, stage, kind, message)


def read_source(
    source: Source, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article | InputError:
    """The article a source names: its file read and decoded, or its record checked."""
    if source.error is not None:
        return source.error
    if source.path is not None:
        return read_file(Path(source.path), source.doc_id, published, max_bytes, source.explicit)
    text = source.text or ""
    if len(text) > max_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return _error(source.doc_id, "too_large", f"record text is larger than --max-bytes ({max_bytes:,} bytes)")
    return _checked(source.doc_id, text, source.published, published, None)


def read_file(
    path: Path, doc_id: str, override: dt.date | None, max_bytes: int = DEFAULT_MAX_BYTES, explicit: bool = False
) -> Article | InputError:
    """One article file: size checked, bytes decoded (encoding detected), HTML reduced to its text.

    Only regular files are read (and a pipe named on the command line, `explicit`); never more than
    `max_bytes` + 1 bytes, whatever the file system says its size is.
    """
    try:
        raw = _read_bounded(path, max_bytes, explicit)
    except FileNotFoundError:
        return _error(doc_id, "missing", "file disappeared before it was read")
    except _NotRegular as err:
        return _error(doc_id, "not_regular", f"not a regular file ({err}); skipped")
    except _TooLarge as err:
        return _error(doc_id, "too_large", str(err))
    except OSError as err:
        return _error(doc_id, "unreadable", f"cannot read file: {err.strerror or err}")
    if len(raw) > max_bytes:
        return _error(doc_id, "too_large", f"file is over --max-bytes ({max_bytes:,} bytes)")
    try:
        decoded = decode_bytes(raw)
    except DecodeError as err:
        return _error(doc_id, err.kind, str(err))
    if path.suffix.lower() in HTML_SUFFIXES:
        page = page_text(decoded.text)
        if not page.text.strip():
            return _error(doc_id, "empty", "no article text found in the HTML page")
        return _checked(doc_id, page.text, page.published, override, decoded.encoding, decoded.replaced)
    return _checked(doc_id, decoded.text, None, override, decoded.encoding, decoded.replaced)


class _NotRegular(OSError):
    """A device, socket, folder or (found in a folder) pipe where an article file was expected."""


class _TooLarge(OSError):
    """A regular file whose size is over --max-bytes."""


def file_kind(mode: int) -> str:
    """What a file is, from its mode: 'regular file', 'FIFO', 'character device', ..."""
    for test, name in (
        (stat.S_ISREG, "regular file"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISDIR, "folder"),
    ):
        if test(mode):
            return name
    return "special file"


def _read_bounded(path: Path, max_bytes: int, explicit: bool) -> bytes:
    """At most max_bytes + 1 bytes of a regular file (or a pipe named explicitly), opened without blocking."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # a FIFO with no writer must not hang the run
    try:
        info = os.fstat(fd)
        kind = file_kind(info.st_mode)
        if kind != "regular file" and not (explicit and kind == "FIFO"):
            raise _NotRegular(kind)
        if kind == "regular file" and info.st_size > max_bytes:
            raise _TooLarge(f"file is {info.st_size:,} bytes, over --max-bytes ({max_bytes:,})")  # not read at all
        if kind == "FIFO":  # named on the command line: wait for its writer, as the user asked
            os.close(fd)
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= max_bytes and (chunk := os.read(fd, min(1 << 20, max_bytes + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _checked(
    doc_id: str,
    text: str,
    published: object,
    default: dt.date | None,
    encoding: str | None,
    replaced: int = 0,
) -> Article | InputError:
    """The article, or why it cannot be read; `default` (--published) dates articles that give none.

    `replaced` counts the bytes decoding replaced with U+FFFD, noted on the article's record.
    """
    if "\x00" in text:
        return _error(doc_id, "binary", "looks like a binary file (NUL bytes)")
    try:
        article = make_article(doc_id, text, published)
    except PublishedDateError as err:
        return _error(doc_id, "bad_date", str(err))
    if article.published is None and default is not None:
        article = replace(article, published=default)
    if not text[article.body_start :].strip():
        return _error(doc_id, "empty", "empty article")
    if replaced:
        note = f"{replaced} byte sequence(s) that are not UTF-8 replaced with U+FFFD; the rest read as UTF-8"
        article = replace(article, notes=(*article.notes, note))
    return replace(article, encoding=encoding) if encoding else article


def list_jsonl(lines: Iterable[bytes | str | None], source: str) -> Iterator[Source]:
    """Sources for records {id, text, published}, one per line; a malformed (or None: overlong) line becomes an error."""
    for number, line in enumerate(lines, 1):
        where = f"{source}:{number}"
        if line is None:
            yield Source(where, error=_error(where, "too_large", "record line is far larger than --max-bytes"))
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield Source(where, error=_error(where, "malformed_record", f"not UTF-8 (byte {err.start})"))
                continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            reason = (
                f"{err.msg} at column {err.colno}" if isinstance(err, json.JSONDecodeError) else "nested too deeply"
            )
            yield Source(where, error=_error(where, "malformed_record", f"not JSON ({reason})"))
            continue
        if not isinstance(record, dict):
            yield Source(where, error=_error(where, "malformed_record", "a record must be a JSON object"))
            continue
        text = record.get("text")
        doc_id = record.get("id", record.get("doc_id"))
        if doc_id is None or str(doc_id) == "":
            yield Source(where, error=_error(where, "malformed_record", "record has no 'id'"))
            continue
        if not isinstance(text, str):
            yield Source(
                str(doc_id), error=_error(str(doc_id), "malformed_record", f"{where}: record has no string 'text'")
            )
            continue
        yield Source(str(doc_id), text=text, published=record.get("published"))


def list_sources(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source]:
    """Every article source under the given paths (folders recursively, files, .jsonl, '-' for stdin), in order.

    Every doc_id can be written as UTF-8 (see `safe_name`).
    """
    for source in _list_sources(paths, max_bytes):
        error = source.error
        if error is not None:
            error = replace(error, doc_id=safe_name(error.doc_id), message=safe_name(error.message))
        yield replace(source, doc_id=safe_name(source.doc_id), error=error)


def _list_sources(paths: Iterable[str], max_bytes: int) -> Iterator[Source]:
    for raw in paths:
        if raw == "-":
            yield from _stdin_sources(sys.stdin.buffer)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _folder_files(path):
                yield from _file_sources(file, file.relative_to(path).as_posix(), max_bytes=max_bytes)
        elif path.exists() or path.is_symlink():
            yield from _file_sources(path, raw, explicit=True, max_bytes=max_bytes)
        else:
            yield Source(raw, error=_error(raw, "missing", "no such file or folder"))


def _folder_files(folder: Path) -> list[Path]:
    """Article files (.txt, .md, .html, .htm) under a folder, sorted; symlinked folders are not followed."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                found.append(Path(root, name))
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _file_sources(
    path: Path, doc_id: str, explicit: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Source]:
    if not path.exists():
        yield Source(doc_id, error=_error(doc_id, "broken_symlink", "broken symbolic link"))
    elif path.suffix.lower() == ".jsonl":
        kind = file_kind(path.stat().st_mode)
        if kind not in ("regular file", "FIFO"):
            yield Source(doc_id, error=_error(doc_id, "not_regular", f"not a regular file ({kind}); skipped"))
            return
        try:
            with path.open("rb") as fh:
                yield from list_jsonl(_bounded_lines(fh, 2 * max_bytes + 65_536), doc_id)
        except OSError as err:
            yield Source(doc_id, error=_error(doc_id, "unreadable", f"cannot read file: {err.strerror or err}"))
    else:
        yield Source(doc_id, path=str(path), explicit=explicit)


def _bounded_lines(fh: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of a file, each read up to `limit` bytes: a longer line is skipped and given as None."""
    while line := fh.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _stdin_sources(stream: BinaryIO) -> Iterator[Source]:
    data = stream.read()
    try:
        text = decode_bytes(data).text
    except DecodeError as err:
        yield Source("-", error=_error("-", err.kind, f"standard input: {err}"))
        return
    if text.lstrip().startswith("{"):
        yield from list_jsonl(text.splitlines(), "-")
    else:
        yield Source("-", text=text)


def iter_articles(
    paths: Iterable[str], published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Every article under the given paths (folders recursively, files, .jsonl, '-' for stdin)."""
    for source in list_sources(paths, max_bytes):
        yield read_source(source, published, max_bytes)


def count_sources(paths: Iterable[str]) -> int | None:
    """How many articles the paths hold (files, plus lines of .jsonl files); None when standard input is among them."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        if path.is_dir():
            total += len(_folder_files(path))
        elif path.suffix.lower() == ".jsonl" and path.is_file():
            try:
                with path.open("rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                total += 1
        else:
            total += 1
    return total
