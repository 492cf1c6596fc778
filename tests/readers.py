"""What the tests read off the extractor's events, shared by the test modules of several event types."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_script(path: Path, name: str) -> ModuleType:
    """A script of the project (corpus/*.py), imported as a module under `name` so its pure parts can be tested."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def previews(extractor, text: str, published: str) -> list[tuple[object, object]]:
    """(company, period) of every earnings preview found in the text."""
    return [
        (e.company, e.period)
        for e in extractor.extract(text, published=published)
        if e.event_type == "earnings_preview"
    ]


def deal_parties(extractor, text: str, published: str) -> list[list[str]]:
    """The parties of every deal found in the text."""
    return [e.parties for e in extractor.extract(text, published=published) if e.event_type == "deal"]


def earnings_previews(
    extractor, text: str, published: str
) -> list[tuple[object, object, list[tuple[str, object, object]]]]:
    """(company, period, sorted (metric, value, yoy_pct)) of each earnings preview the extractor finds in a text."""
    return sorted(
        (
            (e.company, e.period, sorted((m.metric, m.value.value if m.value else None, m.yoy_pct) for m in e.metrics))
            for e in extractor.extract(text, published=published)
            if e.event_type == "earnings_preview"
        ),
        key=str,
    )


def etf_moves(extractor, text: str, published: str) -> dict[str, dict[str, object]]:
    """{code: {field: value}} of the ETF moves of a text, one per fund; money as (value, currency)."""
    out: dict[str, dict[str, object]] = {}
    for event in extractor.extract(text, published=published, doc_id="t"):
        if event.event_type != "etf_move":
            continue
        fields = event.model_dump(exclude_none=True, exclude={"evidence", "event_id", "confidence", "doc_id"})
        for name, value in fields.items():
            if isinstance(value, dict) and "currency" in value:
                fields[name] = (value["value"], value["currency"])
        assert event.etf_code not in out, f"two events for {event.etf_code}"
        out[str(event.etf_code)] = fields
    return out
