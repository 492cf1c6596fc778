"""Checking an events file against the JSON Schemas with jsonschema (independently of pydantic)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from extractor.schema import generate

if TYPE_CHECKING:
    from collections.abc import Callable

    from jsonschema.protocols import Validator


@dataclass(frozen=True)
class Problem:
    """One schema violation: where (line and field) and what."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        """'line N: field: message'."""
        return f"line {self.line}: {self.field or '(record)'}: {self.message}"


def load_schemas(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """The schemas from `folder` (the checked-in files), or freshly generated ones."""
    if folder is None:
        return generate()
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.schema.json"))}


_PLAIN_ONE_OF = Draft202012Validator.VALIDATORS["oneOf"]


def _one_of(validator: Any, one_of: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    """oneOf, but an object under a `discriminator` is checked against the one branch its tag names.

    Plain oneOf accepts an event without `event_type` (the tag has a default) and, for an event
    with one bad field, reports the other branches' complaints instead of the field."""
    disc = schema.get("discriminator") if isinstance(schema, dict) else None
    if not disc or not validator.is_type(instance, "object"):
        yield from _PLAIN_ONE_OF(validator, one_of, instance, schema)
        return
    tag, mapping = disc["propertyName"], disc.get("mapping", {})
    if tag not in instance:
        yield ValidationError("required field missing", path=[tag])
    elif not isinstance(instance[tag], str) or instance[tag] not in mapping:
        yield ValidationError(f"{instance[tag]!r} is not one of {sorted(mapping)}", path=[tag])
    else:
        yield from validator.descend(instance, {"$ref": mapping[instance[tag]]})


#: `validators.extend`, whose stub leaves it unannotated: it returns a new validator class
_extend: Callable[..., type[Validator]] = validators.extend
_Validator = _extend(Draft202012Validator, {"oneOf": _one_of})


@cache
def _validators(folder: str | None) -> tuple[Any, Any]:
    schemas = load_schemas(Path(folder) if folder else None)
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    return (
        _Validator(schemas["event.schema.json"], registry=registry),
        _Validator(schemas["document.schema.json"], registry=registry),
    )


def check_record(record: object, line: int, folder: Path | None = None) -> list[Problem]:
    """Problems of one record: an event, or a document record when it has an `events` list."""
    event_v, doc_v = _validators(str(folder) if folder else None)
    validator = doc_v if isinstance(record, dict) and "events" in record else event_v
    found = [leaf for err in validator.iter_errors(record) for leaf in _leaves(err)]
    problems: dict[Problem, None] = {}  # ordered and without repeats
    for path, message in sorted(found, key=lambda pm: [(isinstance(p, str), p) for p in pm[0]]):
        problems[Problem(line, ".".join(str(p) for p in path), message)] = None
    return list(problems)


def _leaves(err: ValidationError) -> list[tuple[list[Any], str]]:
    """(field path, message) pairs for one error, naming the innermost field that is wrong."""
    path = list(err.absolute_path)
    if err.validator in ("oneOf", "anyOf") and err.context:
        # the branches whose type fits the value (not the `null` of an optional field) say what is wrong
        depth = len(path)
        branches: dict[Any, list[ValidationError]] = {}
        for e in err.context:
            branches.setdefault(e.relative_schema_path[0], []).append(e)
        fitting = [
            errs
            for errs in branches.values()
            if not any(e.validator == "type" and len(e.absolute_path) == depth for e in errs)
        ]
        if fitting:
            return [leaf for e in min(fitting, key=len) for leaf in _leaves(e)]
        best = min(err.context, key=lambda e: len(e.absolute_path))
        return [(path, best.message)]
    if err.validator == "required" and isinstance(err.instance, dict):
        missing = [name for name in cast("list[str]", err.validator_value) if name not in err.instance]
        return [([*path, name], "required field missing") for name in missing] or [(path, err.message)]
    if err.validator == "additionalProperties" and isinstance(err.instance, dict) and isinstance(err.schema, dict):
        known = set(err.schema.get("properties", {}))
        extra = [name for name in err.instance if name not in known]
        return [([*path, name], "unknown field (additional properties are not allowed)") for name in extra] or [
            (path, err.message)
        ]
    return [(path, err.message)]


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
