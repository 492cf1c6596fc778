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
