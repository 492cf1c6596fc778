"""`extractor dedupe`: one event per real-world event, the later reports of it listed on the first.

Two passes over the output of `extractor extract` (events or document records, in the order written): the first
finds, for every `event_key`, its first event and the later ones; the second writes every line again, the first
event of a key with the later reports added to its `also_reported_in` (doc_id and event_id), the later events left
out (a document record notes each event it lost in its warnings). Only the keys and ids are held in memory, never
the events, and standard input is spooled to a temporary file to be read twice.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import IO, Any

#: where an event stands in the input: (file number, line number, place in its record's events; 0 for an event line)
Position = tuple[int, int, int]
#: another report of an event: (doc_id, event_id)
Ref = tuple[str, str]


class DedupeError(ValueError):
    """An input that cannot be deduplicated: the file, the line and the problem are named."""


@dataclass
class _Key:
    """What the first pass learns of one event key."""

    first: Position
    ref: Ref
    #: the later reports, in input order, each once
    later: dict[Ref, None] = field(default_factory=dict)


@dataclass
class Summary:
    """What a run did: events read, events kept, later reports folded into their first."""

    events: int = 0
    kept: int = 0

    @property
    def folded(self) -> int:
        """Events left out because an earlier event has their key."""
        return self.events - self.kept


def dedupe(paths: list[str], out: IO[str]) -> Summary:
    """Write the lines of `paths` ('-': standard input) to `out` with one event per event key."""
    with ExitStack() as stack:
        files = [stack.enter_context(_opened(path)) for path in paths]
        keys = _first_pass(paths, files)
        summary = Summary(kept=len(keys))
        for number, (path, fh) in enumerate(zip(paths, files)):
            fh.seek(0)
            for line_no, line, item in _records(path, fh):
                summary.events += len(_events(item))
                out.write(_rewritten(line, item, (number, line_no), keys))
        return summary


def _first_pass(paths: list[str], files: list[IO[str]]) -> dict[str, _Key]:
    """Every event key, with its first event and the later reports of it (with those they had absorbed before)."""
    keys: dict[str, _Key] = {}
    for number, (path, fh) in enumerate(zip(paths, files)):
        for line_no, _, item in _records(path, fh):
            for place, event in enumerate(_events(item)):
                key, ref = _identity(event, path, line_no)
                known = keys.get(key)
                if known is None:
                    keys[key] = _Key((number, line_no, place), ref)
                    continue
                for other in [ref, *_reports(event)]:
                    if other != known.ref:
                        known.later[other] = None
    return keys


def _rewritten(line: str, item: dict[str, Any], at: tuple[int, int], keys: dict[str, _Key]) -> str:
    """The line as written, or again with later reports listed and folded events left out."""
    events = _events(item)
    kept: list[dict[str, Any]] = []
    notes: list[str] = []
    changed = False
    for place, event in enumerate(events):
        known = keys[event["event_key"]]
        if known.first != (*at, place):
            changed = True
            first_doc, first_id = known.ref
            notes.append(
                f"{event.get('event_type', 'event')} event {event['event_id']}: the same event as {first_id} of "
                f"{first_doc} (event_key {event['event_key']}), which lists it in also_reported_in"
            )
            continue
        reports = _reports(event)
        more = [r for r in known.later if r not in reports]
        if more:
            changed = True
            event = dict(event, also_reported_in=[{"doc_id": d, "event_id": e} for d, e in reports + more])
        kept.append(event)
    if not changed:
        return line if line.endswith("\n") else line + "\n"
    if "events" in item:
        record = dict(item, events=kept)
        if notes:
            record["warnings"] = [*item.get("warnings", []), *notes]
        return json.dumps(record, ensure_ascii=False) + "\n"
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in kept)


def _records(path: str, fh: IO[str]) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(line number, line, parsed object) of every non-blank line: an event or a document record."""
    try:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as err:
                raise DedupeError(f"{path} line {line_no}: not JSON ({err.msg} at column {err.colno})") from None
            if not isinstance(item, dict) or not (isinstance(item.get("events"), list) or "event_type" in item):
                raise DedupeError(f"{path} line {line_no}: neither an event nor a document record")
            yield line_no, line, item
    except UnicodeDecodeError as err:
        raise DedupeError(f"{path}: not UTF-8 text ({err.reason})") from None


def _events(item: dict[str, Any]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = item.get("events", [item])
    return events


def _identity(event: Any, path: str, line_no: int) -> tuple[str, Ref]:
    """The event's key and (doc_id, event_id), or an error naming what is missing."""
    if not isinstance(event, dict):
        raise DedupeError(f"{path} line {line_no}: an event that is not a JSON object")
    for name in ("event_key", "doc_id", "event_id"):
        if not isinstance(event.get(name), str):
            hint = " (written by an older extractor? extract the articles again)" if name == "event_key" else ""
            raise DedupeError(f"{path} line {line_no}: an event without {name}{hint}")
    return event["event_key"], (event["doc_id"], event["event_id"])


def _reports(event: dict[str, Any]) -> list[Ref]:
    """The reports an event already lists (a file deduplicated before)."""
    found = event.get("also_reported_in") or []
    return [(r["doc_id"], r["event_id"]) for r in found if isinstance(r, dict) and "doc_id" in r and "event_id" in r]


class _opened:
    """A UTF-8 input that can be read twice: a file as it is, standard input spooled to a temporary file."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __enter__(self) -> IO[str]:
        if self.path == "-":
            spool = tempfile.TemporaryFile()
            shutil.copyfileobj(sys.stdin.buffer, spool)
            spool.seek(0)
            self.fh: IO[str] = io.TextIOWrapper(spool, encoding="utf-8")
        else:
            if os.path.isdir(self.path):
                raise DedupeError(f"{self.path}: is a folder, not a JSON-lines file")
            try:
                self.fh = open(self.path, encoding="utf-8")
            except FileNotFoundError:
                raise DedupeError(f"{self.path}: no such file") from None
            except OSError as err:
                raise DedupeError(f"{self.path}: cannot be read ({err.strerror or err})") from None
        return self.fh

    def __exit__(self, *exc: object) -> None:
        self.fh.close()


def dedupe_to(paths: list[str], output: str, force: bool = False) -> Summary:
    """Deduplicate `paths` into the file `output` ('-': standard output), written whole or not at all; an existing
    file is replaced only with `force` (it may be one of the inputs: it is read before it is replaced)."""
    if output == "-":
        if isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(errors="backslashreplace")  # a lone surrogate from a JSON escape: escaped again
        return dedupe(paths, sys.stdout)
    if os.path.isdir(output):
        raise DedupeError(f"--output {output}: is a folder, not a file")
    if os.path.lexists(output) and not force:
        raise DedupeError(f"--output {output}: exists; pass --force to replace it")
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise DedupeError(f"--output {output}: no such folder")
    fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(output)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as out:
            summary = dedupe(paths, out)
        os.replace(temporary, output)
    except BaseException:
        os.unlink(temporary)
        raise
    return summary
