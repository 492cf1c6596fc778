"""Checking an events file against the JSON Schemas with jsonschema (independently of pydantic)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from .schema import generate


@dataclass(frozen=True)
class Problem:
    """One schema violation: where (line and field) and what."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        """'line N: field: message'."""
        return f"line {self.line}: {self.field or '(record)'}: {self.message}"


def load_schemas(folder: Path | None = None) -> dict[str, dict]:
    """The schemas from `folder` (the checked-in files), or freshly generated ones."""
    if folder is None:
        return generate()
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.schema.json"))}


@cache
def _validators(folder: str | None) -> tuple[Draft202012Validator, Draft202012Validator]:
    schemas = load_schemas(Path(folder) if folder else None)
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    return (Draft202012Validator(schemas["event.schema.json"], registry=registry),
            Draft202012Validator(schemas["document.schema.json"], registry=registry))


def check_record(record: object, line: int, folder: Path | None = None) -> list[Problem]:
    """Problems of one record: an event, or a document record when it has an `events` list."""
    event_v, doc_v = _validators(str(folder) if folder else None)
    validator = doc_v if isinstance(record, dict) and "events" in record else event_v
    problems = []
    for err in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
        field = ".".join(str(p) for p in err.absolute_path)
        problems.append(Problem(line, field, _short(err)))
    return problems


def _short(err) -> str:  # type: ignore[no-untyped-def]
    if err.validator in ("oneOf", "anyOf") and err.context:
        best = min(err.context, key=lambda e: len(list(e.absolute_path)))
        return best.message
    return err.message


def check_lines(lines: Iterable[str], folder: Path | None = None) -> Iterator[Problem]:
    """Problems in a JSON-lines stream, naming the line and the field of each."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Problem(number, "", f"not JSON: {err.msg} at column {err.colno}")
            continue
        yield from check_record(record, number, folder)
