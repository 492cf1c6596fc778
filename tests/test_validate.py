"""`extractor validate` / `check_lines`: every problem is named by its line and field path.

The checks run the JSON Schemas through jsonschema, independently of pydantic; every broken record
below is also rejected by the pydantic models, so the two agree on what a valid line is (pydantic in strict mode,
as it would otherwise coerce "166000000" to a number).
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import FIXTURES, ROOT
from pydantic import TypeAdapter, ValidationError

from extractor.cli import main
from extractor.io.inputs import iter_articles
from extractor.models import DocumentRecord, Event
from extractor.validate import Problem, check_lines

ETF = (
    "---\npublished: 2026-02-10\n---\nThe Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, "
    "with turnover of 166 million yuan."
)
SCHEMA_FOLDERS = [None, ROOT / "schemas"]  # freshly generated, and the checked-in files
EVENT = TypeAdapter(Event)


@pytest.fixture(scope="module")
def fixture_records(extractor) -> list[dict]:
    """Document records of a fresh extraction of fixtures/articles, as JSON data."""
    out = []
    for record in extractor.extract_many(iter_articles([str(FIXTURES / "articles")])):
        assert not hasattr(record, "kind"), f"fixture article failed: {record}"
        out.append(record.model_dump(mode="json"))
    return out


@pytest.fixture(scope="module")
def samples(fixture_records) -> dict[str, dict]:
    """The first extracted event of each type."""
    found: dict[str, dict] = {}
    for record in fixture_records:
        for event in record["events"]:
            found.setdefault(event["event_type"], event)
    assert sorted(found) == ["deal", "earnings_preview", "etf_move", "policy_change"]
    return found


@pytest.fixture(scope="module")
def etf_event(extractor) -> dict:
    [event] = extractor.extract(ETF, doc_id="etf.txt")
    return event.model_dump(mode="json")


def dumps(record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


def set_path(record: dict, path: str, value: object) -> None:
    """Set (or, with value DELETE, remove) the field at a dotted path such as 'evidence.0.start'."""
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    for p in parents:
        record = record[p]
    if value is DELETE:
        del record[last]
    else:
        record[last] = value


DELETE = object()

BROKEN_ETF = [
    # (what, field path to change, new value, the field the problem names, words in its message)
    ("unknown event_type", "event_type", "etf_moves", "event_type", "is not one of"),
    ("missing event_type", "event_type", DELETE, "event_type", "required"),
    ("event_type as a list", "event_type", ["etf_move"], "event_type", "is not one of"),
    ("lowercase currency", "turnover.currency", "usd", "turnover.currency", "does not match"),
    ("three-letter currency only", "turnover.currency", "RMB¥", "turnover.currency", "does not match"),
    ("confidence above 1", "confidence", 1.5, "confidence", "maximum"),
    ("negative confidence", "confidence", -0.1, "confidence", "minimum"),
    ("missing evidence", "evidence", DELETE, "evidence", "required"),
    ("empty evidence", "evidence", [], "evidence", "non-empty"),
    ("negative evidence offset", "evidence.0.start", -1, "evidence.0.start", "minimum"),
    ("evidence offset as string", "evidence.0.end", "104", "evidence.0.end", "not of type 'integer'"),
    ("extra unknown field", "sentiment", "bullish", "sentiment", "not allowed"),
    ("extra field inside money", "turnover.note", "approx", "turnover.note", "not allowed"),
    ("event_date as words", "event_date", "Feb 8", "event_date", "does not match"),
    ("event_date unpadded", "event_date", "2026-2-8", "event_date", "does not match"),
    ("money value as string", "turnover.value", "166000000", "turnover.value", "not of type 'number'"),
    ("money as plain number", "turnover", 166e6, "turnover", "not of type"),
    ("unknown qualifier", "turnover.qualifier", "approximately", "turnover.qualifier", "is not one of"),
    ("fx_date not ISO", "turnover.fx_date", "10/02/2026", "turnover.fx_date", "does not match"),
    ("percent as text", "change_pct", "3.72%", "change_pct", "not of type"),
    ("etf_code as number", "etf_code", 159567, "etf_code", "not of type 'string'"),
    ("range with one bound", "change_pct_range", [3.0], "change_pct_range", "too short"),
    ("schema version 2", "schema_version", "2", "schema_version", "was expected"),
    ("missing event_id", "event_id", DELETE, "event_id", "required"),
]


@pytest.mark.parametrize("folder", SCHEMA_FOLDERS, ids=["generated", "checked-in"])
def test_a_valid_event_line_passes(etf_event, folder):
    assert list(check_lines([dumps(etf_event) + "\n"], folder)) == []
    EVENT.validate_json(dumps(etf_event), strict=True)


@pytest.mark.parametrize("folder", SCHEMA_FOLDERS, ids=["generated", "checked-in"])
@pytest.mark.parametrize("what, path, value, field, words", BROKEN_ETF, ids=[c[0] for c in BROKEN_ETF])
def test_a_broken_event_is_named_by_line_and_field(etf_event, folder, what, path, value, field, words):
    broken = copy.deepcopy(etf_event)
    set_path(broken, path, value)
    stream = [dumps(etf_event), "", dumps(broken), dumps(etf_event)]  # the broken record is on line 3

    problems = list(check_lines(stream, folder))

    assert [(p.line, p.field) for p in problems] == [(3, field)], problems
    assert words in problems[0].message
    with pytest.raises(ValidationError):  # the models reject it too
        EVENT.validate_json(dumps(broken), strict=True)


BROKEN_OTHERS = [
    # (event type, field path, new value, field named, words)
    ("deal", "deal_type", "license", "deal_type", "is not one of"),
    ("deal", "parties", "Hengrui, Merck", "parties", "not of type 'array'"),
    ("deal", "parties.0", None, "parties.0", "not of type 'string'"),
    ("policy_change", "policy", DELETE, "policy", "required"),
    ("policy_change", "turnover", None, "turnover", "not allowed"),  # an etf_move field on a policy
    ("earnings_preview", "metrics.0.metric", "Net Profit", "metrics.0.metric", "does not match"),
    ("earnings_preview", "metrics.0.yoy_pct", "up 20%", "metrics.0.yoy_pct", "not of type"),
    ("earnings_preview", "metrics", {"revenue": 1}, "metrics", "not of type 'array'"),
]


@pytest.mark.parametrize(
    "kind, path, value, field, words", BROKEN_OTHERS, ids=[f"{c[0]}-{c[1]}" for c in BROKEN_OTHERS]
)
def test_broken_fields_of_the_other_event_types(samples, kind, path, value, field, words):
    event = copy.deepcopy(samples[kind])
    if kind == "earnings_preview" and path.startswith("metrics.0"):
        event["metrics"] = event["metrics"] or [{"metric": "net_profit"}]
    set_path(event, path, value)
    problems = list(check_lines([dumps(event)]))
    assert [(p.line, p.field) for p in problems] == [(1, field)], problems
    assert words in problems[0].message
    with pytest.raises(ValidationError):
        EVENT.validate_json(dumps(event), strict=True)


def doc_record(events: list[dict], **changes: object) -> dict:
    record = {
        "schema_version": "1",
        "doc_id": "a.txt",
        "published": "2026-02-10",
        "model": "en_core_web_sm-3.8.0",
        "events": events,
        "warnings": [],
    }
    record.update(changes)
    return record


def test_a_valid_document_record_passes(etf_event):
    assert list(check_lines([dumps(doc_record([etf_event, etf_event]))])) == []
    DocumentRecord.model_validate_json(dumps(doc_record([etf_event])), strict=True)


BROKEN_DOCUMENTS = [
    ("bad event inside", {"events.1.confidence": 1.5}, "events.1.confidence", "maximum"),
    (
        "bad money inside an event",
        {"events.0.turnover.currency": "usd"},
        "events.0.turnover.currency",
        "does not match",
    ),
    ("unknown event type inside", {"events.0.event_type": "merger"}, "events.0.event_type", "is not one of"),
    ("published as words", {"published": "Feb 10"}, "published", "does not match"),
    ("missing model", {"model": DELETE}, "model", "required"),
    ("warnings as a string", {"warnings": "none"}, "warnings", "not of type 'array'"),
    ("events as an object", {"events": {}}, "events", "not of type 'array'"),
]


@pytest.mark.parametrize("what, changes, field, words", BROKEN_DOCUMENTS, ids=[c[0] for c in BROKEN_DOCUMENTS])
def test_a_broken_document_record_is_named_by_line_and_field(etf_event, what, changes, field, words):
    record = doc_record([copy.deepcopy(etf_event), copy.deepcopy(etf_event)])
    for path, value in changes.items():
        set_path(record, path, value)
    problems = list(check_lines([dumps(doc_record([])), dumps(record)]))
    assert [(p.line, p.field) for p in problems] == [(2, field)], problems
    assert words in problems[0].message
    with pytest.raises(ValidationError):
        DocumentRecord.model_validate_json(dumps(record), strict=True)


@pytest.mark.parametrize(
    "line, words",
    [
        ("{not json", "not JSON"),
        ('{"event_type": "deal",}', "not JSON"),
        ("event_type: deal", "not JSON"),
        ("42", "not of type 'object'"),
        ("null", "not of type 'object'"),
        ('["etf_move"]', "not of type 'object'"),
    ],
)
def test_lines_that_are_not_records_are_reported_with_their_number(etf_event, line, words):
    problems = list(check_lines([dumps(etf_event), line, "   ", dumps(etf_event)]))
    assert [(p.line, p.field) for p in problems] == [(2, "")]
    assert words in problems[0].message
    assert str(problems[0]).startswith("line 2: (record): ")


def test_every_problem_of_a_record_is_listed_in_field_order(etf_event):
    broken = copy.deepcopy(etf_event)
    broken.update(confidence=2, event_date="soon", extra=1)
    broken["evidence"][0]["start"] = -5
    problems = list(check_lines([dumps(broken)]))
    assert [p.field for p in problems] == ["confidence", "event_date", "evidence.0.start", "extra"]


def test_problem_reads_line_field_message():
    assert (
        str(Problem(7, "turnover.currency", "'usd' does not match"))
        == "line 7: turnover.currency: 'usd' does not match"
    )


@pytest.mark.parametrize("folder", SCHEMA_FOLDERS, ids=["generated", "checked-in"])
def test_every_line_of_a_fresh_fixture_extraction_is_valid(fixture_records, folder):
    events = [dumps(e) for r in fixture_records for e in r["events"]]
    documents = [dumps(r) for r in fixture_records]
    assert len(events) > 20
    assert list(check_lines(events, folder)) == []
    assert list(check_lines(documents, folder)) == []


# --- the command ---------------------------------------------------------------------------------


def run(capsys, *argv: object) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_validate_command_passes_a_good_file(capsys, tmp_path, fixture_records):
    path = tmp_path / "events.jsonl"
    path.write_text("".join(dumps(e) + "\n" for r in fixture_records for e in r["events"]), encoding="utf-8")
    status, out, err = run(capsys, "validate", path, "--schemas", ROOT / "schemas")
    assert (status, out) == (0, "")
    assert err == f"{path}: ok\n"


def test_validate_command_names_file_line_and_field(capsys, tmp_path, etf_event):
    broken = copy.deepcopy(etf_event)
    broken["turnover"]["currency"] = "usd"
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join([dumps(etf_event), dumps(broken), "{oops"]) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "validate", path)
    assert status == 1
    assert out.splitlines() == [
        f"{path}: line 2: turnover.currency: 'usd' does not match '^[A-Z]{{3}}$'",
        f"{path}: line 3: (record): not JSON: Expecting property name enclosed in double quotes at column 2",
    ]
    assert err == f"{path}: 2 problem(s)\n"


@pytest.mark.parametrize(
    "argv, status, words",
    [
        (["validate", "{tmp}/missing.jsonl"], 2, "no such file"),
        (["validate", "{tmp}/events.jsonl", "--schemas", "{tmp}"], 2, "no event.schema.json"),
        (["validate", "{tmp}/latin1.jsonl"], 1, "not UTF-8"),
    ],
)
def test_validate_command_bad_arguments_get_one_line(capsys, tmp_path, etf_event, argv, status, words):
    (tmp_path / "events.jsonl").write_text(dumps(etf_event) + "\n", encoding="utf-8")
    (tmp_path / "latin1.jsonl").write_bytes('{"text": "caf\xe9"}\n'.encode("latin-1"))
    got, _out, err = run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert got == status
    assert len(err.splitlines()) == 1 and err.startswith("extractor: error: ")
    assert words in err


def test_validate_reads_standard_input(capsys, monkeypatch, etf_event):
    import io

    broken = copy.deepcopy(etf_event)
    broken["confidence"] = 7
    monkeypatch.setattr("sys.stdin", io.StringIO(dumps(etf_event) + "\n" + dumps(broken) + "\n"))
    status, out, _ = run(capsys, "validate", "-")
    assert status == 1
    assert out == "-: line 2: confidence: 7 is greater than the maximum of 1.0\n"


def test_default_schemas_are_the_checked_in_folder_when_run_from_the_repo(capsys, monkeypatch, tmp_path, etf_event):
    path = tmp_path / "events.jsonl"
    path.write_text(dumps(etf_event) + "\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert run(capsys, "validate", path)[0] == 0
    monkeypatch.chdir(tmp_path)  # no schemas/ here: generated from the models
    assert run(capsys, "validate", path)[0] == 0
