"""The `extractor` command: extract, schema; exit codes, error reporting and atomic output.

Most runs call `extractor.cli.main` in-process with the session's Extractor (see `cli`); a few run
the installed command as a real process to check exit statuses and that no traceback leaks out.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, lines, write

FRONT = "---\npublished: 2026-02-10\n---\n"
ETF = "The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, with turnover of 166 million yuan."
SUMMARY = re.compile(
    r"^extractor: (?P<articles>\d+) articles, (?P<events>\d+) events \(etf_move (?P<etf_move>\d+), "
    r"deal (?P<deal>\d+), policy_change (?P<policy_change>\d+), earnings_preview (?P<earnings_preview>\d+)\), "
    r"(?P<failed>\d+) failed, [\d.]+s$",
    re.M,
)
EXTRACTOR = [sys.executable, "-m", "extractor.cli"]


@pytest.fixture
def articles(tmp_path) -> Path:
    """A folder with one ETF article (front matter dated 2026-02-10) and one article without events."""
    folder = tmp_path / "articles"
    write(folder, "etf.txt", FRONT + "Innovative drug ETFs rebound\n\n" + ETF + "\n")
    write(folder, "notes/quiet.md", FRONT + "Markets were closed for the holiday.\n")
    return folder


# --- extract: the happy path -------------------------------------------------------------------------


def test_extract_folder_writes_one_etf_move_line(cli, articles):
    status, out, err = cli("extract", articles, "--output", "-")
    assert status == 0, err
    [event] = lines(out)
    assert event["event_type"] == "etf_move"
    assert event["doc_id"] == "etf.txt"
    assert event["etf_code"] == "159567"
    assert event["change_pct"] == 3.72
    assert event["event_date"] == "2026-02-10"
    turnover = event["turnover"]
    assert turnover["value"] == 166e6
    assert turnover["currency"] == "CNY"
    assert turnover["rmb"] == 166e6
    assert 166e6 / 7.6 < turnover["usd"] < 166e6 / 6.4  # an ECB CNY/USD rate of early 2026
    assert turnover["fx_date"] == "2026-02-10"
    text = (articles / "etf.txt").read_text(encoding="utf-8")
    assert all(text[e["start"] : e["end"]] == e["text"] for e in event["evidence"])


def test_output_defaults_to_stdout(cli, articles):
    status, out, _ = cli("extract", articles)
    assert status == 0
    assert [e["etf_code"] for e in lines(out)] == ["159567"]


def test_per_document_writes_one_record_per_article(cli, articles, extractor):
    status, out, _ = cli("extract", articles, "--per-document")
    assert status == 0
    records = lines(out)
    assert [r["doc_id"] for r in records] == ["etf.txt", "notes/quiet.md"]  # paths relative to the folder
    for record in records:
        assert set(record) == {
            "schema_version",
            "doc_id",
            "published",
            "model",
            "fx_rates",
            "fx_rates_last_date",
            "encoding",
            "content_hash",
            "duplicate_of",
            "events",
            "warnings",
        }
        assert record["published"] == "2026-02-10"
        assert record["encoding"] == "utf-8" and len(record["content_hash"]) == 32 and record["duplicate_of"] is None
        assert record["model"] == extractor.model_name
        assert record["fx_rates"] == "bundled" and record["fx_rates_last_date"] == extractor.fx.last_date.isoformat()
    assert [len(r["events"]) for r in records] == [1, 0]
    assert records[0]["events"][0]["doc_id"] == "etf.txt"


def test_output_file_is_moved_into_place_with_no_part_file_left(cli, articles, tmp_path):
    target = tmp_path / "out" / "events.jsonl"  # the folder does not exist yet
    status, out, _ = cli("extract", articles, "--output", target)
    assert status == 0
    assert out == ""
    assert [e["etf_code"] for e in lines(target.read_text(encoding="utf-8"))] == ["159567"]
    # the progress log stays beside it, so that --resume can add new articles later
    assert sorted(p.name for p in target.parent.iterdir()) == ["events.jsonl", "events.jsonl.progress"]


def test_a_run_that_breaks_leaves_the_previous_output_untouched(cli, articles, tmp_path, monkeypatch):
    from extractor.io.sink import FileSink

    target = write(tmp_path, "events.jsonl", "previous run\n")
    real = FileSink.commit

    def breaks(self, *args):
        real(self, *args)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSink, "commit", breaks)
    status, _, err = cli("extract", articles, "--output", target, "--force")
    assert status == 1
    assert "No space left on device" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert (tmp_path / "events.jsonl.part").exists()  # kept for --resume


def test_an_errors_file_in_a_missing_folder_is_a_usage_error_before_any_work(cli, articles, tmp_path):
    target = tmp_path / "events.jsonl"
    status, _, err = cli(
        "extract", articles, "--output", target, "--errors", tmp_path / "no" / "such" / "dir" / "e.jsonl"
    )
    assert status == 2
    assert "--errors" in err and "no such folder" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles"]


def test_jsonl_records_use_their_id_and_published(cli, tmp_path):
    batch = write(
        tmp_path,
        "batch.jsonl",
        "\n".join(
            json.dumps(r)
            for r in [
                {"id": "r1", "text": ETF, "published": "2026-02-10"},
                {
                    "id": "r2",
                    "text": "The Hong Kong Innovative Drug ETF (159567) fell 1.2% yesterday.",
                    "published": "2026-02-12",
                },
                {"id": "r3", "text": "Nothing happened.", "published": None},
            ]
        )
        + "\n",
    )
    status, out, _ = cli("extract", batch, "--per-document")
    assert status == 0
    records = {r["doc_id"]: r for r in lines(out)}
    assert list(records) == ["r1", "r2", "r3"]
    assert [records[k]["published"] for k in records] == ["2026-02-10", "2026-02-12", None]
    assert records["r2"]["events"][0]["event_date"] == "2026-02-11"  # "yesterday" of its own date
    assert any("no publication date" in w for w in records["r3"]["warnings"])


@pytest.mark.parametrize(
    "front_matter, expected",
    [
        (FRONT, "2026-02-10"),  # the article's own date wins
        ("", "2026-03-01"),  # --published only dates articles that give none
    ],
)
def test_published_option_is_a_fallback(cli, tmp_path, front_matter, expected):
    write(tmp_path, "a.txt", front_matter + ETF)
    status, out, _ = cli("extract", tmp_path / "a.txt", "--per-document", "--published", "2026-03-01")
    assert status == 0
    assert lines(out)[0]["published"] == expected


def test_model_rules_only_is_named_in_records_and_warnings(cli, articles):
    status, out, err = cli("extract", articles, "--per-document", "--model", "rules-only")
    assert status == 0
    records = lines(out)
    assert {r["model"] for r in records} == {"rules-only"}
    assert all(any("rules-only" in w for w in r["warnings"]) for r in records)
    assert "extractor: model rules-only" in err


# --- extract: bad input ---------------------------------------------------------------------------

BAD_INPUTS = [
    # (what, file name or None for a missing path, content, doc_id in the report, kind, words in the message)
    ("missing path", None, None, "{tmp}/nowhere.txt", "missing", "no such file"),
    (
        "bytes in no text encoding",
        "noise.txt",
        bytes([0x81, 0x02, 0xFF, 0x90, 0x05, 0xFE, 0x83, 0x07]) * 50,
        "noise.txt",
        "undecodable",
        "not text in UTF-8",
    ),
    (
        "a PNG saved as text",
        "chart.txt",
        bytes.fromhex("89504e470d0a1a0a") + b"IHDR" * 10,
        "chart.txt",
        "binary",
        "PNG image",
    ),
    ("empty article", "empty.md", FRONT + "  \n\n", "empty.md", "empty", "empty article"),
    ("binary file", "blob.txt", b"ETF\x00\x00\x01rose", "blob.txt", "binary", "binary"),
    (
        "malformed JSONL line",
        "batch.jsonl",
        '{"id": "ok", "text": "Quiet day."}\n{"id": "x", "text": \n',
        "{tmp}/batch.jsonl:2",
        "malformed_record",
        "not JSON",
    ),
    ("JSONL record without text", "batch.jsonl", '{"id": "r9"}\n', "r9", "malformed_record", "no string 'text'"),
    (
        "JSONL record with a bad date",
        "batch.jsonl",
        '{"id": "r8", "text": "x", "published": "soon"}\n',
        "r8",
        "bad_date",
        "not YYYY-MM-DD",
    ),
]


def bad_input_paths(tmp_path: Path, name: str | None, content: str | bytes | None) -> list[Path]:
    """The paths of a run over a folder with one good article and one case of BAD_INPUTS."""
    folder = tmp_path / "in"
    write(folder, "good.txt", FRONT + ETF)
    if name is None:
        return [folder, tmp_path / "nowhere.txt"]
    if name.endswith(".jsonl"):  # records files are named on the command line; folders hold .txt and .md
        return [folder, write(tmp_path, name, content)]
    write(folder, name, content)
    return [folder]


@pytest.mark.parametrize("what, name, content, doc_id, kind, words", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_is_reported_and_the_rest_is_processed(cli, tmp_path, what, name, content, doc_id, kind, words):
    paths = bad_input_paths(tmp_path, name, content)
    doc_id = doc_id.format(tmp=tmp_path)
    errors = tmp_path / "errors.jsonl"

    status, out, err = cli("extract", *paths, "--errors", errors)

    assert status == 1
    assert [e["doc_id"] for e in lines(out)] == ["good.txt"]  # the good article still came through
    reported = [line for line in err.splitlines() if line.startswith(f"extractor: {doc_id}: ")]
    assert len(reported) == 1, err
    assert words in reported[0]
    assert "Traceback" not in err
    [failure] = lines(errors.read_text(encoding="utf-8"))
    assert set(failure) == {"doc_id", "stage", "kind", "message"}
    assert (failure["doc_id"], failure["kind"]) == (doc_id, kind)
    assert words in failure["message"]
    assert SUMMARY.search(err)["failed"] == "1"


def test_every_failure_gets_its_own_line_and_errors_record(cli, tmp_path):
    folder = tmp_path / "in"
    write(folder, "good.txt", FRONT + ETF)
    write(folder, "noise.txt", bytes([0x81, 0x02, 0xFF, 0x90, 0x05, 0xFE, 0x83, 0x07]) * 50)
    write(folder, "empty.txt", "")
    batch = write(
        tmp_path, "batch.jsonl", json.dumps({"id": "j1", "text": ETF, "published": "2026-02-10"}) + "\n{oops\n"
    )
    write(folder, "ignored.jsonl", "{not read: folders hold .txt and .md articles\n")
    errors = tmp_path / "errors.jsonl"
    status, out, err = cli("extract", folder, batch, tmp_path / "missing", "--errors", errors, "--per-document")
    assert status == 1
    assert [r["doc_id"] for r in lines(out)] == ["good.txt", "j1"]
    assert [(f["doc_id"], f["kind"]) for f in lines(errors.read_text(encoding="utf-8"))] == [
        ("empty.txt", "empty"),
        ("noise.txt", "undecodable"),
        (f"{batch}:2", "malformed_record"),
        (str(tmp_path / "missing"), "missing"),
    ]
    stats = SUMMARY.search(err).groupdict()
    assert (stats["articles"], stats["events"], stats["etf_move"], stats["failed"]) == ("2", "2", "2", "4")


def test_summary_line_counts_articles_events_by_type_and_failures(cli, articles):
    status, out, err = cli("extract", articles)
    assert status == 0
    stats = SUMMARY.search(err)
    assert stats, err
    assert {k: int(v) for k, v in stats.groupdict().items()} == {
        "articles": 2,
        "events": len(lines(out)),
        "etf_move": 1,
        "deal": 0,
        "policy_change": 0,
        "earnings_preview": 0,
        "failed": 0,
    }


# --- usage errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "option, words",
    [
        (["--published", "2026-13-01"], "month must be in 1..12"),
        (["--published", "yesterday"], "not YYYY-MM-DD"),
        (["--model", "no_such_model_xyz"], "'no_such_model_xyz' is not installed"),
        (["--output", "{tmp}"], "is a folder"),
    ],
)
def test_usage_errors_exit_2_with_one_line(cli, articles, tmp_path, option, words):
    option = [o.format(tmp=tmp_path) for o in option]
    status, out, err = cli("extract", articles, *option)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("extractor: error: ")
    assert words in err


def test_unknown_option_is_an_argparse_usage_error(cli):
    with pytest.raises(SystemExit) as exit_:
        cli("extract", "--no-such-option", "x")
    assert exit_.value.code == 2


# --- schema ------------------------------------------------------------------------------------------


def test_schema_check_passes_on_the_checked_in_schemas(cli):
    status, out, _ = cli("schema", "--check", ROOT / "schemas")
    assert (status, out) == (0, "")


def test_schema_write_then_check(cli, tmp_path):
    folder = tmp_path / "schemas"
    status, out, _ = cli("schema", "--write", folder)
    assert status == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    assert len(out.splitlines()) == len(list(folder.iterdir()))
    assert cli("schema", "--check", folder)[0] == 0


@pytest.mark.parametrize("change", ["edit", "delete"])
def test_schema_check_names_a_stale_file(cli, tmp_path, change):
    folder = tmp_path / "schemas"
    cli("schema", "--write", folder)
    stale = folder / "deal.schema.json"
    if change == "edit":
        stale.write_text(stale.read_text(encoding="utf-8").replace('"licensing"', '"license"'), encoding="utf-8")
    else:
        stale.unlink()
    status, out, _ = cli("schema", "--check", folder)
    assert status == 1
    assert out.splitlines() == [
        f"{folder}: deal.schema.json differs from the models (run: extractor schema --write {folder})"
    ]


# --- as a real process --------------------------------------------------------------------------------


def run(*args: object, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "EXTRACTOR_MODEL"}
    return subprocess.run(
        [*EXTRACTOR, *map(str, args)], input=input, capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def test_process_with_bad_input_exits_1_without_traceback(articles, tmp_path, extractor):
    write(articles, "blob.txt", b"\x7fELF\x02\x01\x01" + bytes(64))
    target = tmp_path / "events.jsonl"
    done = run("extract", articles, tmp_path / "missing.txt", "--output", target)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "extractor: blob.txt: binary file (ELF executable), not text" in done.stderr
    assert f"extractor: {tmp_path / 'missing.txt'}: no such file or folder" in done.stderr
    assert SUMMARY.search(done.stderr)["failed"] == "2"
    [event] = lines(target.read_text(encoding="utf-8"))
    # the same input gives the same event id in another process
    [same] = extractor.extract((articles / "etf.txt").read_text(encoding="utf-8"), doc_id="etf.txt")
    assert event["event_id"] == same.event_id


def test_process_usage_error_exits_2_without_traceback(articles, tmp_path):
    done = run("extract", articles, "--published", "10/02/2026", "--output", tmp_path / "out.jsonl")
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["extractor: error: published date '10/02/2026' is not YYYY-MM-DD"]
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(
    "stdin, doc_ids",
    [
        (
            "\n".join(json.dumps({"id": i, "text": f"{ETF} ({i})", "published": "2026-02-10"}) for i in ("s1", "s2"))
            + "\n",
            ["s1", "s2"],
        ),
        (FRONT + ETF + "\n", ["-"]),
    ],
    ids=["json lines", "plain text"],
)
def test_stdin_takes_json_lines_or_plain_text(stdin, doc_ids):
    done = run("extract", "-", "--per-document", "--model", "rules-only", input=stdin)
    assert done.returncode == 0, done.stderr
    records = lines(done.stdout)
    assert [r["doc_id"] for r in records] == doc_ids
    assert all(r["published"] == "2026-02-10" for r in records)
    assert all([e["etf_code"] for e in r["events"]] == ["159567"] for r in records)


@pytest.mark.parametrize(
    "argv, status, words",
    [
        (["--version"], 0, "extractor 0.1.0"),
        (["schema", "--check", "/no/such/folder"], 2, "no such folder"),
        (["schema", "--debug", "--check", "/no/such/folder"], 2, "no such folder"),
        (["validate", "--debug", "/no/such/file.jsonl"], 2, "no such file"),
    ],
    ids=["version", "schema check of a missing folder", "--debug after schema", "--debug after validate"],
)
def test_small_command_line_promises(cli, capsys, argv, status, words):
    try:
        got, out, err = cli(*argv)
    except SystemExit as done:
        got, captured = done.code, capsys.readouterr()
        out, err = captured.out, captured.err
    assert got == status
    assert words in out + err and "Traceback" not in err


def test_extract_help_names_html_pages(cli, capsys):
    with pytest.raises(SystemExit):
        cli("extract", "--help")
    assert ".html" in capsys.readouterr().out
