"""JSON Schema 2020-12 files generated from the pydantic models, and the check that they match."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from extractor.models import DocumentRecord, Event, event_models

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://news-event-extractor.example/schemas/v1/"


def _finish(schema: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "$id": BASE_ID + name,
        "title": title,
        **{k: v for k, v in schema.items() if k != "title"},
    }


def generate() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every event type, any event, and the document record."""
    out = {}
    for kind, cls in event_models().items():
        out[f"{kind}.schema.json"] = _finish(cls.model_json_schema(), f"{kind}.schema.json", kind)
    out["event.schema.json"] = _finish(TypeAdapter(Event).json_schema(), "event.schema.json", "event")
    out["document.schema.json"] = _finish(DocumentRecord.model_json_schema(), "document.schema.json", "document")
    return out


def render(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(folder: Path) -> list[Path]:
    """Write every schema into `folder`; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in generate().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def differences(folder: Path) -> list[str]:
    """Names of schema files in `folder` that are missing or differ from the models."""
    return [
        name
        for name, schema in generate().items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != render(schema)
    ]
