"""The data tables: each validated by its model on load, a bad one named with its key, none read by nothing."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from extractor.datafiles import TableError, checked, load_json, load_jsonl
from extractor.events.registry import units
from extractor.facts.lexicon import words
from extractor.tables import TABLES

PACKAGE = Path(__file__).resolve().parent.parent / "extractor"
#: the modules that declare tables rather than read them
DECLARING = {PACKAGE / "tables.py", *PACKAGE.glob("events/*/words.py")}


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p not in DECLARING)


def _unit_tables() -> list[tuple[str, type[BaseModel]]]:
    return [(u.event_type, importlib.import_module(f"extractor.events.{u.event_type}.words").Words) for u in units()]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_data_table_loads_valid(name: str) -> None:
    assert load_jsonl(*name.split("/")) if name.endswith(".jsonl") else load_json(name)


@pytest.mark.parametrize("event_type", [u.event_type for u in units()])
def test_every_event_unit_has_a_valid_words_table(event_type: str) -> None:
    assert words(event_type)


def test_every_file_in_the_data_folder_has_a_model() -> None:
    files = {p.relative_to(PACKAGE / "data").as_posix() for p in (PACKAGE / "data").rglob("*.json*")}
    assert files == set(TABLES)


def test_every_words_table_belongs_to_a_registered_unit() -> None:
    folders = {p.parent.name for p in PACKAGE.glob("events/*/words.json")}
    assert folders == {u.event_type for u in units()}


@pytest.mark.parametrize(
    "model", [*TABLES.values(), *(m for _, m in _unit_tables())], ids=lambda m: m.__module__ + "." + m.__name__
)
def test_no_key_of_a_table_is_read_by_nothing(model: type[BaseModel]) -> None:
    source = _source()
    unread = [f for f in model.model_fields if not re.search(rf"""["']{re.escape(f)}["']""", source)]
    assert unread == [], f"{model.__name__}: keys no code reads"


BAD = [
    # (table, change, the key the error must name)
    ("date_words.json", lambda d: d.update(mnths={}), "mnths"),  # a wrong key
    ("date_words.json", lambda d: d.pop("weekdays"), "weekdays"),  # a missing field
    ("qualifiers.json", lambda d: d["prefix"].update({"roughly": "around"}), "prefix.roughly"),  # an unknown qualifier
    ("period_words.json", lambda d: d["quarter_ranges"].update({"1-5": "Q5"}), "quarter_ranges.1-5"),
]


@pytest.mark.parametrize("name, change, key", BAD, ids=[b[2] for b in BAD])
def test_a_bad_data_table_fails_naming_the_file_and_the_key(name: str, change, key: str) -> None:
    data = json.loads((PACKAGE / "data" / name).read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(TableError, match=rf"{re.escape(name)}: key '{re.escape(key)}'"):
        checked(data, TABLES[name], name)


UNIT_BAD = [
    (
        "deal",
        lambda d: d["money_roles"].update({"downpayment": ["down payment"]}),
        "money_roles.downpayment",
    ),  # an unknown role
    ("etf_move", lambda d: d["pct_roles"].update({"sideways": ["flat"]}), "pct_roles.sideways"),
    ("earnings_preview", lambda d: d["loss_metrics"].update({"net_deficit": "net_profit"}), "net_deficit"),
    ("policy_change", lambda d: d["generic_actions"].append("pondered"), "pondered"),
    ("deal", lambda d: d.pop("nouns"), "nouns"),
]


@pytest.mark.parametrize("event_type, change, key", UNIT_BAD, ids=[b[2] for b in UNIT_BAD])
def test_a_bad_words_table_fails_naming_the_key(event_type: str, change, key: str) -> None:
    data = json.loads(json.dumps(words(event_type)))
    change(data)
    model = dict(_unit_tables())[event_type]
    with pytest.raises(TableError, match=re.escape(key)):
        checked(data, model, f"extractor/events/{event_type}/words.json")


def test_comment_keys_are_not_validated() -> None:
    data = dict(load_json("sentence_rules.json"), _note="anything")
    assert checked(data, TABLES["sentence_rules.json"], "sentence_rules.json") is data


def test_a_gazetteer_line_with_an_unknown_field_fails_naming_the_line() -> None:
    with pytest.raises(TableError, match=re.escape("companies.jsonl line 3: key 'ticker'")):
        checked(
            {"name": "X", "aliases": [], "tickers": [], "ticker": "1.HK"},
            TABLES["gazetteer/companies.jsonl"],
            "extractor/data/gazetteer/companies.jsonl line 3",
        )
