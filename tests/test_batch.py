"""Batch runs over folders nobody cleaned: faults isolated, parallel output identical, killed runs resumed exactly.

Fault injection: every kind of bad input becomes one line in the errors file and the run goes on;
a real `kill -9` of a running batch followed by `--resume` gives the events of an uninterrupted run;
a simulated kill at every point of the write sequence resumes to byte-identical files.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, lines, write

from extractor import pipeline
from extractor.io.batch import YOUNG_THRESHOLD, Options, Task, fewer_collections, write_shard
from extractor.io.inputs import Source

FRONT = "---\npublished: 2026-02-10\n---\n"
ETF = "The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, with turnover of 166 million yuan."
EXTRACTOR = [sys.executable, "-m", "extractor.cli"]


def corpus(folder: Path, copies: int = 1) -> Path:
    """The fixture articles, `copies` times over, each copy made unique by a closing line."""
    for n in range(copies):
        for path in sorted((FIXTURES / "articles").glob("*.txt")):
            text = path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n(Archive copy {n}.)\n"
            write(folder, f"c{n}/{path.name}", text)
    return folder


def bad_files(folder: Path) -> dict[str, str]:
    """One file of every bad kind a folder can hold; -> {doc_id: kind}."""
    write(folder, "bad/empty.txt", b"")
    write(folder, "bad/blank.md", "  \n\n\t\n")
    write(folder, "bad/front_matter_only.txt", FRONT)
    write(folder, "bad/chart.txt", bytes.fromhex("89504e470d0a1a0a") + os.urandom(256))
    write(folder, "bad/nul.txt", b"ETF\x00rose\x00\x00 3%" * 10)
    write(folder, "bad/noise.txt", bytes([0x81, 0x02, 0xFF, 0x90, 0x05, 0xFE, 0x83, 0x07]) * 50)
    write(folder, "bad/huge.txt", FRONT + ETF * 400)  # over the --max-bytes 20000 used below
    write(
        folder,
        "bad/menu.html",
        "<html><head><script>var page = 1;</script></head><body><img src='x.png'></body></html>",
    )
    (folder / "bad" / "gone.txt").symlink_to(folder / "bad" / "nowhere.txt")
    return {
        "bad/empty.txt": "empty",
        "bad/blank.md": "empty",
        "bad/front_matter_only.txt": "empty",
        "bad/chart.txt": "binary",
        "bad/nul.txt": "binary",
        "bad/noise.txt": "undecodable",
        "bad/huge.txt": "too_large",
        "bad/menu.html": "empty",
        "bad/gone.txt": "broken_symlink",
    }


def records_file(folder: Path) -> tuple[Path, dict[str, str]]:
    """A JSONL file of two good records and three malformed lines; -> (path, {doc_id: kind})."""
    path = write(
        folder,
        "records.jsonl",
        "\n".join(
            [
                json.dumps({"id": "rec-1", "text": ETF + " (record one)", "published": "2026-02-10"}),
                '{"id": "rec-2", "text": "cut short',
                json.dumps(["not", "an", "object"]),
                json.dumps({"id": "rec-3"}),
                json.dumps({"id": "rec-4", "text": ETF + " (record four)", "published": "2026-02-11"}),
            ]
        )
        + "\n",
    )
    return path, {f"{path}:2": "malformed_record", f"{path}:3": "malformed_record", "rec-3": "malformed_record"}


# --- faults -------------------------------------------------------------------------------------------


def test_every_bad_input_is_listed_with_its_reason_and_the_rest_is_processed(cli, tmp_path):
    folder = corpus(tmp_path / "in")
    expected = bad_files(folder)
    records, expected_records = records_file(tmp_path)
    target = tmp_path / "out" / "events.jsonl"

    status, _, err = cli(
        "extract", folder, records, tmp_path / "missing", "--output", target, "--per-document", "--max-bytes", "20000"
    )

    assert status == 1
    assert "Traceback" not in err
    errors = tmp_path / "out" / "events.errors.jsonl"  # beside the output by default
    failures = {e["doc_id"]: e for e in lines(errors.read_text(encoding="utf-8"))}
    wanted = {**expected, **expected_records, str(tmp_path / "missing"): "missing"}
    assert {k: v["kind"] for k, v in failures.items()} == wanted
    assert all(set(v) == {"doc_id", "stage", "kind", "message"} and v["message"] for v in failures.values())
    assert "20,000" in failures["bad/huge.txt"]["message"]
    done = [r["doc_id"] for r in lines(target.read_text(encoding="utf-8"))]
    assert done == [f"c0/{p.name}" for p in sorted((FIXTURES / "articles").glob("*.txt"))] + ["rec-1", "rec-4"]
    for doc_id in wanted:
        assert sum(line.startswith(f"extractor: {doc_id}: ") for line in err.splitlines()) == 1
    assert f"{len(done)} articles" in err and f"{len(wanted)} failed" in err
    assert f"failures listed in {errors}" in err


def test_an_unreadable_file_is_listed_and_the_run_goes_on(cli, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write(folder, "a.txt", FRONT + ETF)
    write(folder, "locked.txt", FRONT + ETF + " Locked.")
    from extractor.io import inputs

    real = os.open

    def locked_open(path, flags, *args):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(inputs.os, "open", locked_open)
    status, out, _err = cli("extract", folder, "--errors", tmp_path / "e.jsonl")
    assert status == 1
    assert [e["doc_id"] for e in lines(out)] == ["a.txt"]
    [failure] = lines((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert (failure["doc_id"], failure["kind"]) == ("locked.txt", "unreadable")
    assert "Permission denied" in failure["message"]


def test_an_article_that_breaks_the_extractor_is_listed_not_fatal(cli, tmp_path, monkeypatch, extractor):
    folder = tmp_path / "in"
    write(folder, "a.txt", FRONT + ETF)
    write(folder, "b.txt", FRONT + ETF + " Breaks.")
    real = pipeline.assemble

    def fragile(view, *args, **kwargs):
        if view.article.doc_id == "a.txt":
            raise KeyError("a bug")
        return real(view, *args, **kwargs)

    monkeypatch.setattr(pipeline, "assemble", fragile)  # the shard's batch fails, then each article alone
    status, out, err = cli("extract", folder, "--errors", tmp_path / "e.jsonl")
    assert status == 1
    assert [e["doc_id"] for e in lines(out)] == ["b.txt"]
    [failure] = lines((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert (failure["stage"], failure["kind"]) == ("extract", "internal_error")
    assert "KeyError" in failure["message"] and "Traceback" not in err


# --- encodings and web pages ----------------------------------------------------------------------------

CHINESE_LINE = "公司公告称，首付款为5.9亿元。\n"
TRADITIONAL_LINE = "公司公告稱，首付款為5.9億元。\n"


@pytest.mark.parametrize(
    "codec, encoding, chinese",
    [
        ("utf-8", "utf-8", CHINESE_LINE),
        ("utf-8-sig", "utf-8-sig", CHINESE_LINE),
        ("utf-16", "utf-16", CHINESE_LINE),
        ("gb18030", "gb18030", CHINESE_LINE),
        ("gbk", "gb18030", "5.9亿元"),
        ("big5", "big5", TRADITIONAL_LINE),
    ],
)
def test_article_files_in_other_encodings_are_read_and_the_encoding_recorded(cli, tmp_path, codec, encoding, chinese):
    text = FRONT + "Innovative drug ETFs rebound\n\n" + ETF + "\n\n" + chinese
    write(tmp_path / "in", "a.txt", text.encode(codec))
    status, out, _ = cli("extract", tmp_path / "in", "--per-document")
    assert status == 0
    [record] = lines(out)
    assert record["encoding"] == encoding
    assert [e["etf_code"] for e in record["events"]] == ["159567"]
    evidence = record["events"][0]["evidence"][0]
    assert text[evidence["start"] : evidence["end"]] == evidence["text"]


PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>Drug ETFs rebound</title>{meta}</head>
<body><nav><a href="/">Home</a> | <a href="/markets">Markets</a> | <a href="/funds">Funds</a></nav>
<article><h1>Innovative drug ETFs rebound</h1>
<p>{etf}</p>
<p>Analysts said the rebound followed a week of heavy selling in Hong Kong-listed biotech names, and that
inflows into sector funds had resumed as licensing deals with overseas partners kept coming.</p>
</article><footer>Copyright 2026 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>"""


@pytest.mark.parametrize(
    "meta, published, expected_date",
    [
        ('<meta property="article:published_time" content="2026-02-10T09:30:00+08:00">', None, "2026-02-10"),
        ("", "2026-02-10", "2026-02-10"),  # no metadata: --published is the fallback
        ('<meta name="date" content="2026-02-10">', "2025-01-01", "2026-02-10"),  # metadata wins over the fallback
    ],
)
def test_html_pages_give_their_main_text_and_metadata_date(cli, tmp_path, meta, published, expected_date):
    etf = ETF.replace(" on February 10", " on Tuesday")
    write(tmp_path / "in", "page.html", PAGE.format(charset="utf-8", meta=meta, etf=etf))
    extra = ["--published", published] if published else []
    status, out, _ = cli("extract", tmp_path / "in", "--per-document", *extra)
    assert status == 0
    [record] = lines(out)
    assert record["published"] == expected_date
    [event] = record["events"]
    assert event["etf_code"] == "159567" and event["event_date"] == expected_date
    assert "Home" not in event["evidence"][0]["text"] and "Copyright" not in json.dumps(record)


def test_an_html_page_in_gbk_is_decoded(cli, tmp_path):
    page = PAGE.format(charset="gbk", meta='<meta name="date" content="2026-02-10">', etf=ETF + " " + CHINESE_LINE)
    write(tmp_path / "in", "page.htm", page.encode("gbk"))
    status, out, _ = cli("extract", tmp_path / "in", "--per-document")
    assert status == 0
    [record] = lines(out)
    assert record["encoding"] == "gb18030"
    assert record["events"][0]["turnover"]["value"] == 166_000_000


# --- duplicates -------------------------------------------------------------------------------------------


def test_identical_articles_are_marked_duplicates_not_extracted_twice(cli, tmp_path):
    folder = tmp_path / "in"
    for name in ("a.txt", "b/copy.txt", "c.md"):
        write(folder, name, FRONT + ETF)
    write(folder, "other.txt", FRONT + ETF + " Different.")
    status, out, err = cli("extract", folder, "--per-document")
    assert status == 0
    records = {r["doc_id"]: r for r in lines(out)}
    assert [records[k]["duplicate_of"] for k in ("a.txt", "b/copy.txt", "c.md", "other.txt")] == [
        None,
        "a.txt",
        "a.txt",
        None,
    ]
    assert records["b/copy.txt"]["events"] == [] and records["c.md"]["events"] == []
    assert any("identical to a.txt" in w for w in records["c.md"]["warnings"])
    assert len({records[k]["content_hash"] for k in ("a.txt", "b/copy.txt", "c.md")}) == 1
    assert "2 articles" in err and "2 duplicates" in err

    status, out, err = cli("extract", folder, "--per-document", "--keep-duplicates")
    records = {r["doc_id"]: r for r in lines(out)}
    assert records["c.md"]["duplicate_of"] == "a.txt" and len(records["c.md"]["events"]) == 1


# --- parallel runs ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> Path:
    """The fixtures, twice, with duplicates and one bad file of every kind."""
    folder = corpus(tmp_path_factory.mktemp("messy") / "in", copies=2)
    bad_files(folder)
    write(folder, "dup/again.txt", (folder / "c1" / sorted(os.listdir(folder / "c1"))[3]).read_bytes())
    return folder


@pytest.mark.parametrize("mode", [[], ["--per-document"]], ids=["events", "documents"])
def test_two_workers_write_byte_identical_output_to_one(cli, messy, tmp_path, mode):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    s1, _, err1 = cli("extract", messy, "-o", one, "--jobs", "1", "--max-bytes", "20000", *mode)
    s2, _, err2 = cli("extract", messy, "-o", two, "--jobs", "2", "--max-bytes", "20000", *mode)
    assert (s1, s2) == (1, 1)
    assert "2 workers" in err2
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "one.errors.jsonl").read_bytes() == (tmp_path / "two.errors.jsonl").read_bytes()
    assert err1.split("failed")[0] == err2.split("failed")[0].replace("2 workers", "1 worker")


# --- resuming -----------------------------------------------------------------------------------------------


def _wait_for_progress(progress: Path, entries: int, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before it could be killed (exit {proc.returncode})")
        if progress.exists() and progress.read_bytes().count(b"\n") > entries:
            return
        time.sleep(0.05)
    pytest.fail("the batch made no progress")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_kill_9_then_resume_gives_the_events_of_an_uninterrupted_run(cli, tmp_path, jobs):
    folder = corpus(tmp_path / "in", copies=3)
    bad_files(folder)
    whole = tmp_path / "whole.jsonl"
    cli("extract", folder, "-o", whole, "--jobs", "1")

    target = tmp_path / "killed.jsonl"
    env = dict(os.environ, EXTRACTOR_JOBS=jobs)
    proc = subprocess.Popen(
        [*EXTRACTOR, "extract", str(folder), "-o", str(target)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for_progress(target.with_name("killed.jsonl.progress"), 40, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert not target.exists() and target.with_name("killed.jsonl.part").exists()

    status, _, err = cli("extract", folder, "-o", target, "--resume", "--jobs", jobs)
    assert status == 1 and "already done" in err
    resumed = target.read_text(encoding="utf-8").splitlines()
    expected = whole.read_text(encoding="utf-8").splitlines()
    assert len(resumed) == len(set(resumed))  # no duplicates
    assert sorted(resumed) == sorted(expected)
    assert sorted(lines((tmp_path / "killed.errors.jsonl").read_text(encoding="utf-8")), key=str) == sorted(
        lines((tmp_path / "whole.errors.jsonl").read_text(encoding="utf-8")), key=str
    )


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory, rules_only):
    """A complete rules-only run over a small folder with a failure and a duplicate: (folder, files by name)."""
    from extractor.cli import main

    root = tmp_path_factory.mktemp("finished")
    folder = root / "in"
    for name in sorted((FIXTURES / "articles").glob("1[01]*.txt"))[:5]:
        shutil.copy(name, folder / name.name) if folder.exists() else (
            folder.mkdir(),
            shutil.copy(name, folder / name.name),
        )
    write(folder, "z_empty.txt", "")
    write(folder, "z_copy.txt", (folder / sorted(os.listdir(folder))[0]).read_bytes())
    target = root / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(target), "--model", "rules-only", "-q"]) == 1
    files = {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}
    return folder, files


def _cuts(progress: bytes) -> list[int]:
    """Offsets into the progress log: inside every entry and at every entry's end."""
    ends = [i + 1 for i, b in enumerate(progress) if b == ord("\n")]
    cuts = set(ends)
    for a, b in itertools.pairwise(ends):
        cuts.update({a + 1, (a + b) // 2, b - 1})
    return sorted(c for c in cuts if c >= ends[0])


def test_a_kill_at_any_point_of_the_write_sequence_resumes_to_identical_files(finished_run, tmp_path, rules_only):
    from extractor.cli import main

    folder, files = finished_run
    progress = files["out.jsonl.progress"]
    entries = [json.loads(line) for line in progress.splitlines()[1:]]
    for cut in _cuts(progress):
        complete = progress[:cut].count(b"\n") - 1  # entries fully written before the kill
        before = entries[complete - 1] if complete else {"out": 0, "err": 0}
        after = entries[complete] if complete < len(entries) else before
        # the kill came after `before` was logged and at any point while writing the next article's lines
        for out_cut in sorted({before["out"], (before["out"] + after["out"]) // 2, after["out"]}):
            for err_cut in sorted({before["err"], after["err"]}):
                work = tmp_path / f"cut{cut}_{out_cut}_{err_cut}"
                work.mkdir()
                (work / "out.jsonl.part").write_bytes(files["out.jsonl"][:out_cut])
                (work / "out.jsonl.progress").write_bytes(progress[:cut])
                (work / "out.errors.jsonl").write_bytes(files["out.errors.jsonl"][:err_cut])
                status = main(
                    ["extract", str(folder), "-o", str(work / "out.jsonl"), "--model", "rules-only", "--resume", "-q"]
                )
                assert status == 1
                for name in ("out.jsonl", "out.errors.jsonl"):
                    assert (work / name).read_bytes() == files[name], (cut, out_cut, err_cut, name)
                shutil.rmtree(work)


def test_resume_of_a_finished_run_processes_only_new_articles(cli, tmp_path):
    folder = tmp_path / "in"
    write(folder, "a.txt", FRONT + ETF)
    target = tmp_path / "events.jsonl"
    assert cli("extract", folder, "-o", target)[0] == 0
    write(folder, "b.txt", FRONT + ETF.replace("159567", "513120"))
    status, _, err = cli("extract", folder, "-o", target, "--resume")
    assert status == 0
    assert "1 articles" in err and "1 already done" in err
    assert [e["etf_code"] for e in lines(target.read_text(encoding="utf-8"))] == ["159567", "513120"]


@pytest.mark.parametrize(
    "setup, argv, words",
    [
        ("none", ["-o", "-", "--resume"], "standard output cannot be resumed"),
        ("events", ["-o", "{out}", "--resume", "--per-document"], "resume it the same way"),
        ("no-progress", ["-o", "{out}", "--resume"], "cannot be resumed"),
    ],
    ids=["stdout", "other mode", "progress log missing"],
)
def test_resume_refuses_what_it_cannot_continue(cli, tmp_path, setup, argv, words):
    folder = tmp_path / "in"
    write(folder, "a.txt", FRONT + ETF)
    out = tmp_path / "events.jsonl"
    if setup != "none":
        cli("extract", folder, "-o", out)
    if setup == "no-progress":
        (tmp_path / "events.jsonl.progress").unlink()
    status, _, err = cli("extract", folder, *[a.format(out=out) for a in argv])
    assert status == 2
    assert words in err and "Traceback" not in err


# --- the shard function ------------------------------------------------------------------------------------


def test_a_shard_is_written_atomically_and_only_once(tmp_path, rules_only):
    folder = tmp_path / "in"
    write(folder, "a.txt", FRONT + ETF)
    write(folder, "b.txt", b"\x00\x01")
    tasks = [Task(Source("a.txt", path=str(folder / "a.txt"))), Task(Source("b.txt", path=str(folder / "b.txt")))]
    target = tmp_path / "shard-0001.jsonl"
    assert write_shard(tasks, target, rules_only, Options()) == target
    [record] = lines(target.read_text(encoding="utf-8"))
    assert record["doc_id"] == "a.txt" and len(record["events"]) == 1
    [error] = lines((tmp_path / "shard-0001.jsonl.errors").read_text(encoding="utf-8"))
    assert (error["doc_id"], error["kind"]) == ("b.txt", "binary")
    before = target.stat().st_mtime_ns
    write_shard(tasks, target, rules_only, Options())  # done already: nothing is redone
    assert target.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "shard-0001.jsonl", "shard-0001.jsonl.errors"]


# --- progress ---------------------------------------------------------------------------------------------


def test_the_progress_bar_shows_done_rate_events_errors_and_time_left():
    import io

    from extractor.io.progress import ProgressBar, Tally

    tally = Tally(processed=40, failed=2, duplicates=8)
    tally.events.update({"deal": 5, "etf_move": 7})
    tally.started -= 10.0  # ten seconds in
    stream = io.StringIO()
    bar = ProgressBar(stream, total=100)
    line = bar.line(tally)
    assert line.startswith("[##########..........] 50/100 articles")
    assert "5.0/s" in line and "events 12" in line and "errors 2" in line and "ETA 0:00:10" in line
    bar.update(tally, force=True)
    bar.close()
    assert stream.getvalue().startswith("\r[") and stream.getvalue().endswith("\r\x1b[K")
    assert "2 failed" in tally.summary() and "8 duplicates" in tally.summary()


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli, tmp_path):
    write(tmp_path / "in", "a.txt", FRONT + ETF)
    _, _, err = cli("extract", tmp_path / "in")
    assert "\r" not in err and "ETA" not in err


@pytest.mark.parametrize(
    ("before", "enabled", "inside"),
    [
        ((700, 10, 10), True, (YOUNG_THRESHOLD, 10, 10)),  # Python's default: collected less often inside
        ((100_000, 10, 10), True, (100_000, 10, 10)),  # already less often: left as it is
        ((0, 10, 10), True, (0, 10, 10)),  # switched off by threshold: left off
        ((700, 10, 10), False, (700, 10, 10)),  # switched off: left as it is
    ],
)
def test_extraction_collects_garbage_less_often_and_restores_the_thresholds(before, enabled, inside):
    saved, was_enabled = gc.get_threshold(), gc.isenabled()
    try:
        gc.set_threshold(*before)
        (gc.enable if enabled else gc.disable)()
        with fewer_collections():
            assert gc.get_threshold() == inside
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*saved)
        (gc.enable if was_enabled else gc.disable)()
