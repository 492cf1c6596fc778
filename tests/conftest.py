"""Shared fixtures: one Extractor for the whole session, paths to fixtures and shared gold."""
from __future__ import annotations

from pathlib import Path

import pytest

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
