"""Reading the data tables shipped in extractor/data (parsed once per process)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _read(*parts: str) -> str:
    node = resources.files("extractor").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")


@cache
def load_json(name: str) -> Any:
    """A JSON table from extractor/data, e.g. 'event_words.json'."""
    return json.loads(_read(name))


@cache
def load_jsonl(*parts: str) -> tuple[dict, ...]:
    """The records of a JSON-lines table, e.g. load_jsonl('gazetteer', 'companies.jsonl')."""
    return tuple(json.loads(line) for line in _read(*parts).splitlines() if line.strip())
