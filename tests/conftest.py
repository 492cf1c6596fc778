"""Shared fixtures: one Extractor for the whole session, paths to fixtures and shared gold."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# one worker unless a test asks for more: a pool per in-process CLI run would load the model again
os.environ.setdefault("EXTRACTOR_JOBS", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    from extractor.pipeline import Extractor

    return Extractor()


@pytest.fixture
def unfiltered(monkeypatch):
    """The earnings rules' drafts as they read them, before the candidate model weighs them (it drops most figures
    no company is named for: on real articles those are seldom a company's preview)."""
    from extractor.events.earnings_preview.recognizer import EarningsRecognizer

    monkeypatch.setattr(EarningsRecognizer, "filter", staticmethod(lambda view, drafts: drafts))


@pytest.fixture(scope="session")
def rules_only():
    from extractor.pipeline import Extractor

    return Extractor("rules-only")


@pytest.fixture
def cli(monkeypatch, capsys, extractor, rules_only):
    """Run `extractor ARGS...` in-process, reusing the session's Extractors; -> (status, stdout, stderr)."""
    import extractor.pipeline as pipeline
    from extractor.cli import main

    real = pipeline.Extractor

    def reuse(model=None, **kwargs):
        if any(value is not None for value in kwargs.values()):  # e.g. other exchange rates: a new Extractor
            return real(model, **kwargs)
        return {None: extractor, "rules-only": rules_only}.get(model) or real(model)

    monkeypatch.setattr(pipeline, "Extractor", reuse)
    monkeypatch.delenv("EXTRACTOR_MODEL", raising=False)

    def run(*argv: object) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
