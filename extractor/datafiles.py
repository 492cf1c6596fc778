"""Reading the data tables shipped with the package, each validated by its model on load (parsed once per process)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from extractor.tables import TABLES

T = TypeVar("T")


class TableError(ValueError):
    """A data table that does not fit its model: the file and the key are named."""


def _read(*parts: str) -> str:
    node = resources.files("extractor")
    for part in parts:
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")


def _where(error: ValidationError) -> str:
    first = error.errors()[0]
    key = ".".join(str(p) for p in first["loc"]) or "(top)"
    return f"key {key!r}: {first['msg']}"


def checked(data: T, model: type[BaseModel], source: str) -> T:
    """`data` itself once `model` accepts it (comment keys starting with '_' aside), else a TableError naming the key."""
    fields = {k: v for k, v in data.items() if not k.startswith("_")} if isinstance(data, dict) else data
    try:
        model.model_validate(fields)
    except ValidationError as err:
        raise TableError(f"{source}: {_where(err)}") from None
    return data


def load_package_json(*parts: str, model: type[BaseModel]) -> dict[str, Any]:
    """A JSON table at a path inside the package (e.g. 'events', 'deal', 'words.json'), validated by `model`."""
    source = "extractor/" + "/".join(parts)
    try:
        data: dict[str, Any] = json.loads(_read(*parts))  # a JSON object: `model` accepts nothing else
    except json.JSONDecodeError as err:
        raise TableError(f"{source}: not JSON ({err})") from None
    return checked(data, model, source)


@cache
def load_json(name: str) -> dict[str, Any]:
    """A JSON table from extractor/data, e.g. 'currencies.json', validated by its model in `extractor.tables`."""
    return load_package_json("data", name, model=TABLES[name])


@cache
def load_jsonl(*parts: str) -> tuple[dict[str, Any], ...]:
    """The records of a JSON-lines table, e.g. load_jsonl('gazetteer', 'companies.jsonl'), each validated."""
    name = "/".join(parts)
    model = TABLES[name]
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(_read("data", *parts).splitlines(), 1):
        if line.strip():
            try:
                row: dict[str, Any] = json.loads(line)
            except json.JSONDecodeError as err:
                raise TableError(f"extractor/data/{name} line {number}: not JSON ({err})") from None
            rows.append(checked(row, model, f"extractor/data/{name} line {number}"))
    return tuple(rows)
