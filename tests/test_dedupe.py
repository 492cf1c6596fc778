"""`extractor dedupe`: one event per real-world event; the later reports of it listed on the first.

It runs over the output of `extractor extract`, which is the same for any --jobs and after any --resume, so it is
deterministic whichever way the output was made.
"""

from __future__ import annotations

import io
import json
import shutil
import sys

import pytest
from conftest import lines
from test_event_key import PAIRS, PAIRS_FOLDER, REAL_EVENTS


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, extractor):
    """The pairs folder extracted, one event a line and one document a line."""
    from extractor.cli import main

    folder = tmp_path_factory.mktemp("pairs")
    events, documents = folder / "events.jsonl", folder / "documents.jsonl"
    assert main(["extract", str(PAIRS_FOLDER), "-o", str(events), "-q"]) == 0
    assert main(["extract", str(PAIRS_FOLDER), "-o", str(documents), "-q", "--per-document"]) == 0
    return events, documents


def _refs(event: dict) -> list[str]:
    return [r["doc_id"] for r in event["also_reported_in"]]


def test_a_folder_of_pairs_keeps_one_event_per_real_event(cli, extracted, tmp_path):
    events, _ = extracted
    out = tmp_path / "deduped.jsonl"
    status, _, err = cli("dedupe", events, "-o", out)
    assert status == 0
    kept = lines(out.read_text(encoding="utf-8"))
    assert len(kept) == REAL_EVENTS
    assert f"{len(PAIRS) * 2} events, {REAL_EVENTS} after deduplication" in err
    by_doc = {e["doc_id"]: e for e in kept}
    for first, second, same in PAIRS:
        if same:  # the first report stays and names the second; the second is gone
            assert _refs(by_doc[f"{first}.txt"]) == [f"{second}.txt"]
            assert f"{second}.txt" not in by_doc
        else:
            assert _refs(by_doc[f"{first}.txt"]) == _refs(by_doc[f"{second}.txt"]) == []
    assert cli("validate", out)[0] == 0


def test_a_later_report_is_named_by_doc_id_and_event_id(cli, extracted, tmp_path):
    events, _ = extracted
    before = {e["doc_id"]: e for e in lines(events.read_text(encoding="utf-8"))}
    _, out, _ = cli("dedupe", events)
    (kept,) = [e for e in lines(out) if e["doc_id"] == "same1a_deal.txt"]
    assert kept["also_reported_in"] == [
        {"doc_id": "same1b_deal.txt", "event_id": before["same1b_deal.txt"]["event_id"]}
    ]
    assert {k: v for k, v in kept.items() if k != "also_reported_in"} == {
        k: v for k, v in before["same1a_deal.txt"].items() if k != "also_reported_in"
    }


def test_lines_of_events_without_later_reports_are_written_as_they_were(cli, extracted):
    events, _ = extracted
    _, out, _ = cli("dedupe", events)
    written = set(events.read_text(encoding="utf-8").splitlines())
    untouched = [line for line in out.splitlines() if '"also_reported_in": []' in line]
    assert untouched and all(line in written for line in untouched)


def test_document_records_lose_their_later_reports_and_say_so(cli, extracted, tmp_path):
    _, documents = extracted
    status, out, _ = cli("dedupe", documents)
    assert status == 0
    records = {r["doc_id"]: r for r in lines(out)}
    assert len(records) == len(PAIRS) * 2  # every record stays
    assert sum(len(r["events"]) for r in records.values()) == REAL_EVENTS
    second = records["same1b_deal.txt"]
    assert second["events"] == []
    assert any("the same event as" in w and "same1a_deal.txt" in w for w in second["warnings"])
    assert _refs(records["same1a_deal.txt"]["events"][0]) == ["same1b_deal.txt"]
    path = tmp_path / "documents.deduped.jsonl"
    path.write_text(out, encoding="utf-8")
    assert cli("validate", path)[0] == 0


def test_deduplicating_twice_changes_nothing(cli, extracted, tmp_path):
    events, _ = extracted
    once, twice = tmp_path / "once.jsonl", tmp_path / "twice.jsonl"
    cli("dedupe", events, "-o", once)
    cli("dedupe", once, "-o", twice)
    assert once.read_bytes() == twice.read_bytes()


def test_deduplicated_files_can_be_deduplicated_together(cli, extracted, tmp_path):
    """Yesterday's deduplicated output and today's: the later reports they had listed move to the first report."""
    events, _ = extracted
    all_lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    seconds = [line for line in all_lines if "b_" in json.loads(line)["doc_id"]]
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    # yesterday: the second article of each pair; today: all of them; each file deduplicated on its own
    (tmp_path / "yesterday.jsonl").write_text("".join(seconds), encoding="utf-8")
    cli("dedupe", tmp_path / "yesterday.jsonl", "-o", old)
    cli("dedupe", events, "-o", new)
    _, out, _ = cli("dedupe", old, new)
    kept = lines(out)
    assert len(kept) == REAL_EVENTS
    same1b = next(e for e in kept if e["doc_id"] == "same1b_deal.txt")
    assert _refs(same1b) == ["same1a_deal.txt"]


def test_standard_input_is_read(cli, extracted, monkeypatch):
    events, _ = extracted
    stdin = io.TextIOWrapper(io.BytesIO(events.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = cli("dedupe", "-")
    assert status == 0
    assert len(lines(out)) == REAL_EVENTS


def test_the_output_of_two_workers_and_of_a_resumed_run_deduplicates_the_same(cli, extracted, tmp_path):
    events, _ = extracted
    expected = sorted(lines(cli("dedupe", events)[1]), key=lambda e: e["event_id"])
    two = tmp_path / "two.jsonl"
    assert cli("extract", PAIRS_FOLDER, "-o", two, "--jobs", "2", "-q")[0] == 0
    assert sorted(lines(cli("dedupe", two)[1]), key=lambda e: e["event_id"]) == expected
    # a run that saw the first article of each pair, resumed once the second ones arrived
    folder, resumed = tmp_path / "in", tmp_path / "resumed.jsonl"
    folder.mkdir()
    for path in sorted(PAIRS_FOLDER.glob("*a_*.txt")):
        shutil.copy(path, folder)
    assert cli("extract", folder, "-o", resumed, "-q")[0] == 0
    for path in sorted(PAIRS_FOLDER.glob("*b_*.txt")):
        shutil.copy(path, folder)
    assert cli("extract", folder, "-o", resumed, "-q", "--resume")[0] == 0
    assert sorted(lines(cli("dedupe", resumed)[1]), key=lambda e: e["event_id"]) == expected


BAD = [
    # (content of the input, words of the message)
    ('{"event_type": "deal"\n', "in.jsonl line 1: not JSON"),
    ("\n[1, 2]\n", "in.jsonl line 2: neither an event nor a document record"),
    ('{"event_type": "deal", "doc_id": "a", "event_id": "1"}\n', "in.jsonl line 1: an event without event_key"),
    ('{"doc_id": "a", "events": [{"event_key": "k", "event_id": "1"}]}\n', "in.jsonl line 1: an event without doc_id"),
    (b"\xff\xfe{}\n", "in.jsonl: not UTF-8 text"),
]


@pytest.mark.parametrize("content, words", BAD, ids=[b[1].split(": ", 1)[1] for b in BAD])
def test_a_malformed_input_is_named_with_its_line(cli, tmp_path, content, words):
    path = tmp_path / "in.jsonl"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    out = tmp_path / "out.jsonl"
    status, _, err = cli("dedupe", path, "-o", out)
    assert status == 2
    assert words in err and "Traceback" not in err
    assert not out.exists()  # written whole or not at all
    assert list(tmp_path.iterdir()) == [path]


def test_files_that_cannot_be_used_are_usage_errors(cli, extracted, tmp_path):
    events, _ = extracted
    assert "no such file" in cli("dedupe", tmp_path / "missing.jsonl")[2]
    assert "is a folder" in cli("dedupe", tmp_path)[2]
    existing = tmp_path / "out.jsonl"
    existing.write_text("keep me\n", encoding="utf-8")
    status, _, err = cli("dedupe", events, "-o", existing)
    assert status == 2 and "pass --force" in err
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    assert cli("dedupe", events, "-o", existing, "--force")[0] == 0
    assert len(lines(existing.read_text(encoding="utf-8"))) == REAL_EVENTS
    assert "only once" in cli("dedupe", "-", "-")[2]


def test_an_input_may_be_replaced_by_its_own_output(cli, extracted, tmp_path):
    events, _ = extracted
    copy = tmp_path / "events.jsonl"
    shutil.copy(events, copy)
    assert cli("dedupe", copy, "-o", copy, "--force")[0] == 0
    assert len(lines(copy.read_text(encoding="utf-8"))) == REAL_EVENTS


def test_a_lone_surrogate_escaped_in_the_input_stays_escaped(cli, tmp_path):
    events = [
        {"event_type": "deal", "doc_id": "a\ud800", "event_id": "1", "event_key": "k"},
        {"event_type": "deal", "doc_id": "b", "event_id": "2", "event_key": "k"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli("dedupe", path, "-o", out)[0] == 0
    assert "\\ud800" in out.read_text(encoding="utf-8")
    assert lines(out.read_text(encoding="utf-8")) == [
        dict(events[0], also_reported_in=[{"doc_id": "b", "event_id": "2"}])
    ]
