"""`extractor eval`: the table, --json, --show, the thresholds' exit status, bad files, --articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, write

FRONT = "---\npublished: 2026-02-10\n---\n"
ETF = "The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, with turnover of 166 million yuan."
GOLD = [
    {
        "doc_id": "etf.txt",
        "event_type": "etf_move",
        "etf_code": "159567",
        "change_pct": 3.72,
        "event_date": "2026-02-10",
    },
    {"doc_id": "etf.txt", "event_type": "deal", "parties": ["Hengrui", "Merck"]},  # not in the article: a miss
    {"doc_id": "quiet.txt", "event_type": "none"},
]
PRED = [
    {
        "doc_id": "etf.txt",
        "event_type": "etf_move",
        "etf_code": "159567",
        "change_pct": 3.7,
        "event_date": "2026-02-10",
    },
    {"doc_id": "quiet.txt", "event_type": "policy_change", "policy": "holiday", "issuer": "HKEX"},  # an extra
    {"doc_id": "elsewhere.txt", "event_type": "deal", "parties": ["A"]},  # a document the gold does not name
]
TYPES = ["etf_move", "deal", "policy_change", "earnings_preview", "all"]
FIGURES = {"gold", "predicted", "matched", "precision", "recall", "f1", "slot_recall", "slot_accuracy"}


def _jsonl(folder: Path, name: str, rows: list[dict]) -> Path:
    return write(folder, name, "".join(json.dumps(r) + "\n" for r in rows))


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    """A gold file and a predictions file: one event matched (one slot of three wrong), one missed, one extra."""
    return _jsonl(tmp_path, "gold.jsonl", GOLD), _jsonl(tmp_path, "pred.jsonl", PRED)


def test_table_per_type_and_overall(cli, files):
    gold, pred = files
    status, out, err = cli("eval", "--gold", gold, "--pred", pred)
    assert status == 0, err
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()}
    assert rows["etf_move"] == ["1", "1", "1", "1.000", "1.000", "1.000", "0.667"]
    assert rows["deal"] == ["1", "0", "0", "0.000", "0.000", "0.000", "0.000"]
    assert rows["policy_change"] == ["0", "1", "0", "0.000", "0.000", "0.000", "0.000"]
    assert rows["all"] == ["2", "2", "1", "0.500", "0.500", "0.500", "0.400"]
    assert out.splitlines()[-1] == "overall F1 0.500, slot recall 0.400"


def test_json_is_one_object_with_every_figure_of_every_type(cli, files):
    gold, pred = files
    status, out, _ = cli("eval", "--gold", gold, "--pred", pred, "--json")
    assert status == 0
    obj = json.loads(out)
    assert set(obj) == {"figures", "thresholds"}
    assert list(obj["figures"]) == TYPES
    assert all(set(f) == FIGURES for f in obj["figures"].values())
    assert obj["figures"]["all"]["slot_accuracy"] == 0.6667  # 2 of the matched event's 3 slots
    assert obj["thresholds"] == {"min_f1": None, "min_slots": None, "below": []}


def test_show_lists_misses_extras_and_wrong_slots_per_document(cli, files):
    gold, pred = files
    _, out, _ = cli("eval", "--gold", gold, "--pred", pred, "--show")
    listing = out.splitlines()[6:-1]
    assert listing == [
        "etf.txt",
        '  missed  deal             parties=["Hengrui", "Merck"]',
        '  slot    etf_move         etf_code="159567": change_pct wants 3.72, got 3.7',
        "quiet.txt",
        '  extra   policy_change    policy="holiday"',
    ]
    _, out, _ = cli("eval", "--gold", gold, "--pred", pred, "--show", "--json")
    docs = json.loads(out)["documents"]
    assert [d["doc_id"] for d in docs] == ["etf.txt", "quiet.txt"]
    assert docs[0]["missed"] == [{"event_type": "deal", "parties": ["Hengrui", "Merck"]}]
    assert docs[0]["slot_misses"] == [
        {"event_type": "etf_move", "event": {"etf_code": "159567"}, "slot": "change_pct", "want": 3.72, "got": 3.7}
    ]
    assert docs[1]["extra"] == [{"event_type": "policy_change", "policy": "holiday"}]


THRESHOLDS = [
    # (options, exit status, the message on stderr); the overall F1 is 0.5 and the slot recall 0.4
    ([], 0, None),
    (["--min-f1", "0.5", "--min-slots", "0.4"], 0, None),  # at the threshold passes
    (["--min-f1", "0.6"], 1, "below the threshold: F1 0.5000 < --min-f1 0.6"),
    (["--min-slots", "0.41"], 1, "below the threshold: slot recall 0.4000 < --min-slots 0.41"),
    (["--min-f1", "0.9", "--min-slots", "0.9"], 1, "F1 0.5000 < --min-f1 0.9; slot recall 0.4000 < --min-slots 0.9"),
]


@pytest.mark.parametrize("options, status, message", THRESHOLDS)
def test_thresholds_make_it_exit_1_saying_which(cli, files, options, status, message):
    gold, pred = files
    got, out, err = cli("eval", "--gold", gold, "--pred", pred, *options)
    assert got == status
    assert len(err.splitlines()) == (1 if message else 0)
    if message:
        assert message in err
    _, out, _ = cli("eval", "--gold", gold, "--pred", pred, *options, "--json")
    assert bool(json.loads(out)["thresholds"]["below"]) == bool(message)


BAD_FILES = [
    # (which file, its content, what the message must say)
    ("gold", None, "gold.jsonl: no such file"),
    ("pred", None, "pred.jsonl: no such file"),
    ("gold", "", "gold.jsonl: no gold lines"),
    ("gold", '{"doc_id": "a", "event_type": "deal"}\n{"doc_id": "a", "event_type": "deal"', "gold.jsonl:2: not JSON"),
    ("pred", "\n\nnot json\n", "pred.jsonl:3: not JSON"),
    ("gold", b'{"doc_id": "a", "event_type": "none"}\n{"doc_id": "\xff"}\n', "gold.jsonl:2: not UTF-8"),
    ("gold", '["a", "deal"]\n', "gold.jsonl:1: a gold line must be a JSON object, not list"),
    ("gold", '{"event_type": "deal"}\n', "gold.jsonl:1: no 'doc_id'"),
    ("gold", '{"doc_id": "a", "event_type": "merger"}\n', "gold.jsonl:1: 'event_type' must be one of"),
    (
        "gold",
        '{"doc_id": "a", "event_type": "deal", "parties": "Pfizer"}\n',
        "gold.jsonl:1: 'parties' must be a list of strings",
    ),
    (
        "gold",
        '{"doc_id": "a", "event_type": "etf_move", "change_pct": "2.9%"}\n',
        "gold.jsonl:1: 'change_pct' must be a number",
    ),
    (
        "gold",
        '{"doc_id": "a", "event_type": "etf_move", "event_date": 20260210}\n',
        "'event_date' must be a date string",
    ),
    (
        "gold",
        '{"doc_id": "a", "event_type": "earnings_preview", "metrics": [{"metric": "eps", "yoy_pct": "up"}]}\n',
        "a metric's 'yoy_pct' must be a number",
    ),
    ("gold", '{"doc_id": "a", "event_type": "deal", "optional": "yes"}\n', "'optional' must be true or false"),
    (
        "pred",
        '{"doc_id": "a", "events": [{"event_type": "deal"}, 3]}\n',
        "pred.jsonl:1: an event must be a JSON object, not int",
    ),
    ("pred", '{"event_type": "deal", "parties": ["A"]}\n', "pred.jsonl:1: an event without 'doc_id'"),
    (
        "pred",
        '{"doc_id": "a", "event_type": "earnings_preview", "metrics": ["eps"]}\n',
        "'metrics' must be a list of objects",
    ),
    ("pred", '{"doc_id": "a", "event_type": "deal", "company": 7}\n', "'company' must be a string"),
    ("pred", "7\n", "pred.jsonl:1: a line must be a JSON object, not int"),
]


@pytest.mark.parametrize("which, content, message", BAD_FILES, ids=[b[2] for b in BAD_FILES])
def test_a_bad_file_is_named_with_its_line_and_exits_2(cli, files, which, content, message):
    gold, pred = files
    target = gold if which == "gold" else pred
    if content is None:
        target.unlink()
    else:
        write(target.parent, target.name, content)
    status, out, err = cli("eval", "--gold", gold, "--pred", pred)
    assert status == 2
    assert out == ""
    assert message in err and err.count("\n") == 1


def test_lines_that_are_not_events_are_left_out_of_the_predictions(cli, files):
    gold, pred = files
    with pred.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"doc_id": "quiet.txt", "stage": "read", "kind": "empty", "message": "empty file"}) + "\n")
    status, out, _ = cli("eval", "--gold", gold, "--pred", pred, "--json")
    assert status == 0
    assert json.loads(out)["figures"]["all"]["predicted"] == 2


def test_predictions_of_other_documents_only_get_a_note(cli, tmp_path):
    gold = _jsonl(tmp_path, "gold.jsonl", GOLD)
    pred = _jsonl(tmp_path, "pred.jsonl", [dict(e, doc_id="renamed-" + e["doc_id"]) for e in PRED])
    status, out, err = cli("eval", "--gold", gold, "--pred", pred)
    assert status == 0
    assert "no prediction is of a document the gold names" in err
    assert out.splitlines()[-1] == "overall F1 0.000, slot recall 0.000"


@pytest.mark.parametrize(
    "options",
    [
        ["--pred", "p.jsonl", "--articles", "x"],
        [],
        ["--pred", "p.jsonl", "--min-f1", "1.5"],
        ["--pred", "p", "--min-f1", "x"],
    ],
)
def test_usage_errors_exit_2(cli, options):
    with pytest.raises(SystemExit) as exit_:
        cli("eval", "--gold", "g.jsonl", *options)
    assert exit_.value.code == 2


def test_model_goes_with_articles_only(cli, files):
    gold, pred = files
    status, _, err = cli("eval", "--gold", gold, "--pred", pred, "--model", "rules-only")
    assert status == 2 and "--model and --jobs go with --articles" in err


def test_articles_are_extracted_and_scored_as_their_output_would_be(cli, tmp_path):
    again = {"doc_id": "zz_again.txt", "event_type": "etf_move", "etf_code": "159567"}
    gold = _jsonl(tmp_path, "gold.jsonl", [*GOLD, again])
    folder = tmp_path / "articles"
    write(folder, "etf.txt", FRONT + "Innovative drug ETFs rebound\n\n" + ETF + "\n")
    write(folder, "quiet.txt", FRONT + "Markets were closed for the holiday.\n")
    write(folder, "zz_again.txt", FRONT + "Innovative drug ETFs rebound\n\n" + ETF + "\n")  # a duplicate: no events
    status, direct, err = cli("eval", "--gold", gold, "--articles", folder, "--json", "--show")
    assert status == 0, err
    assert "model" in err
    output = tmp_path / "events.jsonl"
    assert cli("extract", folder, "--output", output)[0] == 0
    assert cli("eval", "--gold", gold, "--pred", output, "--json", "--show")[1] == direct
    figures = json.loads(direct)["figures"]["etf_move"]
    assert (figures["gold"], figures["matched"], figures["predicted"]) == (2, 1, 1)


def test_articles_path_must_exist(cli, files, tmp_path):
    gold, _ = files
    status, out, err = cli("eval", "--gold", gold, "--articles", tmp_path / "missing")
    assert status == 2 and out == "" and "no such file or folder" in err


def test_a_bad_file_gives_no_traceback_in_a_real_process(tmp_path):
    bad = write(tmp_path, "bad.jsonl", "{")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "extractor.cli",
            "eval",
            "--gold",
            FIXTURES / "gold" / "fixtures.gold.jsonl",
            "--pred",
            bad,
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "bad.jsonl:1: not JSON" in done.stderr and "Traceback" not in done.stderr
