"""The checked-in JSON Schemas are exactly what the models generate."""

from __future__ import annotations

import json

from conftest import ROOT

from extractor.schema import differences, generate


def test_checked_in_schemas_match_the_models():
    stale = differences(ROOT / "schemas")
    assert stale == [], f"regenerate with: extractor schema --write schemas/ ({stale})"


def test_one_schema_per_event_type_plus_event_and_document():
    assert sorted(generate()) == sorted(
        [
            "etf_move.schema.json",
            "deal.schema.json",
            "policy_change.schema.json",
            "earnings_preview.schema.json",
            "event.schema.json",
            "document.schema.json",
        ]
    )


def test_schemas_declare_draft_2020_12():
    for name in generate():
        schema = json.loads((ROOT / "schemas" / name).read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
