"""Shared fixtures: one Extractor for the whole session, paths to fixtures and shared gold."""
from __future__ import annotations

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


@pytest.fixture(scope="session")
def rules_only():
    from extractor.pipeline import Extractor

    return Extractor("rules-only")
