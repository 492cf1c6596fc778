"""Reading an events file written by `extractor extract --per-document`: document records by doc_id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.validate import check_record


class EventsFileError(ValueError):
    """An events file that cannot be used: the file, the line and the problem are named."""


def load_records(path: Path) -> dict[str, dict[str, Any]]:
    """The document records of the file by doc_id (the last one of a doc_id, as after a resumed run), each checked."""
    records: dict[str, dict[str, Any]] = {}
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    record = _record(line, number, path)
                    records[record["doc_id"]] = record
    except UnicodeDecodeError as err:
        raise EventsFileError(f"{path}: not UTF-8 text ({err.reason})") from None
    except OSError as err:
        raise EventsFileError(f"{path}: cannot read file: {err.strerror or err}") from None
    return records


def _record(line: str, number: int, path: Path) -> dict[str, Any]:
    """The document record on one line, checked against the schema as `extractor validate` checks it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise EventsFileError(f"{path}: line {number}: not JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict) or "events" not in record:
        kind = "an event" if isinstance(record, dict) and "event_type" in record else "not a document record"
        raise EventsFileError(
            f"{path}: line {number}: {kind}; render reads the document records of `extractor extract --per-document`"
        )
    problems = check_record(record, number)
    if problems:
        raise EventsFileError(f"{path}: {problems[0]}")
    return record
