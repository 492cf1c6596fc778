"""Reading gold and prediction files (JSON lines): each line checked for the shape the scorer needs, errors naming it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from extractor.evaluation.matching import slot_kind
from extractor.evaluation.rules import table
from extractor.io.user_files import json_lines

Event = dict[str, Any]


class EvaluationInputError(ValueError):
    """A gold or prediction file that cannot be scored: the file, the line and the problem are named."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_object_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


_SHAPES: tuple[tuple[str, Callable[[Any], bool], str], ...] = (
    ("text_fields", _is_text, "a string"),
    ("text_list_fields", _is_text_list, "a list of strings"),
    ("object_list_fields", _is_object_list, "a list of objects"),
)


def read_lines(path: str) -> list[tuple[int, Any]]:
    """(line number, parsed JSON) of every non-blank line of a JSON-lines file."""
    if os.path.isdir(path):
        raise EvaluationInputError(f"{path}: is a folder, not a JSON-lines file")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise EvaluationInputError(f"{path}: no such file") from None
    except OSError as err:
        raise EvaluationInputError(f"{path}: cannot be read ({err.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        where = data[: err.start].count(b"\n") + 1
        raise EvaluationInputError(f"{path}:{where}: not UTF-8 text") from None
    return json_lines(
        text, lambda number, err: EvaluationInputError(f"{path}:{number}: not JSON ({err.msg} at column {err.colno})")
    )


#: what a gold slot compared as a percentage, a date or a fund code must be
_GOLD_SLOTS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "percent": (_is_number, "a number"),
    "date": (_is_text, "a date string"),
    "code": (_is_text, "a string"),
}


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _field_problem(event: Event, gold: bool) -> str | None:
    """What is wrong with the fields of an event of a scored type, or None."""
    rules = table()
    for key, fits, shape in _SHAPES:
        for name in rules[key]:
            value = event.get(name)
            if value is not None and not fits(value):
                return f"{name!r} must be {shape}, not {_show(value)}"
    if not gold:
        return None
    for name, value in event.items():
        kind = slot_kind(name, value)
        if value is not None and kind in _GOLD_SLOTS and not _GOLD_SLOTS[kind][0](value):
            return f"{name!r} must be {_GOLD_SLOTS[kind][1]}, not {_show(value)}"
    for metric in event.get("metrics") or []:
        if metric.get("yoy_pct") is not None and not _is_number(metric["yoy_pct"]):
            return f"a metric's 'yoy_pct' must be a number, not {_show(metric['yoy_pct'])}"
    if event.get("optional") not in (None, True, False):
        return f"'optional' must be true or false, not {_show(event['optional'])}"
    return None


def _gold_problem(row: Any) -> str | None:
    rules = table()
    kinds = [*rules["event_types"], rules["no_events"]]
    if not isinstance(row, dict):
        return f"a gold line must be a JSON object, not {type(row).__name__}"
    if not isinstance(row.get("doc_id"), str) or not row["doc_id"]:
        return "no 'doc_id' (a non-empty string)"
    if row.get("event_type") not in kinds:
        return f"'event_type' must be one of {', '.join(kinds)}, not {_show(row.get('event_type'))}"
    return _field_problem(row, gold=True) if row["event_type"] in rules["event_types"] else None


def load_gold(path: str) -> list[Event]:
    """The gold events of a file; a line {doc_id, event_type: 'none'} names an article with no events."""
    rows = []
    for number, row in read_lines(path):
        problem = _gold_problem(row)
        if problem:
            raise EvaluationInputError(f"{path}:{number}: {problem}")
        rows.append(row)
    if not rows:
        raise EvaluationInputError(f"{path}: no gold lines")
    return rows


def _prediction_problem(event: Any) -> str | None:
    if not isinstance(event, dict):
        return f"an event must be a JSON object, not {type(event).__name__}"
    if not isinstance(event.get("doc_id"), str):
        return "an event without 'doc_id' (a string)"
    kind = event.get("event_type")
    if kind is not None and not isinstance(kind, str):
        return f"'event_type' must be a string, not {_show(kind)}"
    return _field_problem(event, gold=False) if kind in table()["event_types"] else None


def events_of(row: dict[str, Any]) -> list[Any]:
    """The events of an output line: a document record's `events` (which take its doc_id), or the line itself."""
    if isinstance(row.get("events"), list):
        doc = row.get("doc_id")
        return [e if not isinstance(e, dict) or "doc_id" in e else {"doc_id": doc, **e} for e in row["events"]]
    return [row] if "event_type" in row else []


def load_predictions(path: str) -> list[Event]:
    """The predicted events of a file of events or of document records; other lines (error reports) are left out."""
    events = []
    for number, row in read_lines(path):
        if not isinstance(row, dict):
            raise EvaluationInputError(f"{path}:{number}: a line must be a JSON object, not {type(row).__name__}")
        for event in events_of(row):
            problem = _prediction_problem(event)
            if problem:
                raise EvaluationInputError(f"{path}:{number}: {problem}")
            events.append(event)
    return events
