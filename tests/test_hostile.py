"""Hostile input: what a batch does with text, files and neighbours that try to stop, corrupt or hijack it.

One section per kind of fault. Each case reproduces a defect found by probing the tool as a user with messy
data on a shared machine would, and states the documented behaviour (see README, "Bad input").
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pytest
from conftest import lines, write

from extractor.io.inputs import list_sources, make_article, safe_name

FRONT = "---\npublished: 2026-02-10\n---\n"
ETF = "The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, with turnover of 166 million yuan."
DEAL = "Hengrui signed a licensing deal with Merck, with an upfront payment of $200 million."


def good_folder(folder: Path, n: int = 3) -> Path:
    """A folder of `n` articles, each with one ETF move."""
    for i in range(n):
        write(folder, f"a{i:04d}.txt", FRONT + ETF.replace("3.72%", f"{i % 9 + 1}.5%"))
    return folder


# --- characters UTF-8 cannot hold ------------------------------------------------------------------------


def test_a_lone_surrogate_in_a_record_is_replaced_with_a_warning_and_the_batch_goes_on(cli, tmp_path):
    records = tmp_path / "s.jsonl"
    records.write_text(
        '{"id": "a", "text": "deal \\ud800 with Merck, upfront payment of $200 million.", "published": "2025-07-01"}\n'
        + json.dumps({"id": "b", "text": ETF, "published": "2026-02-10"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.jsonl"
    status, _, err = cli("extract", records, "-o", out, "--per-document")
    assert status == 0, err
    first, second = lines(out.read_text(encoding="utf-8"))
    assert first["doc_id"] == "a" and "\ufffd" in first["events"][0]["evidence"][0]["text"]
    assert "1 lone surrogate character(s) replaced with U+FFFD" in first["warnings"]
    assert second["doc_id"] == "b" and second["events"]
    status, _, _ = cli("extract", records, "-o", out, "--per-document", "--resume")
    assert status == 0


@pytest.mark.parametrize(
    "name, expected",
    [
        ("plain.txt", "plain.txt"),
        ("caf\u00e9.txt", "caf\u00e9.txt"),
        ("bad\udcff.txt", "bad\\xff.txt"),  # a file name byte that is not UTF-8, as Python keeps it
        ("lone\ud800", "lone\\ud800"),  # a JSON id with a lone surrogate escape
    ],
)
def test_every_doc_id_can_be_written_as_utf8(name, expected):
    assert safe_name(name) == expected
    expected.encode("utf-8")


def test_the_library_record_of_a_text_with_a_surrogate_serialises(extractor):
    record = extractor.extract_article(make_article("x\udc80", FRONT + "deal \udc80 " + DEAL))
    assert record.doc_id == "x\\x80"
    json.loads(record.model_dump_json())


def test_a_file_name_that_is_not_utf8_is_listed_with_an_escaped_id(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/bad\xff.txt", "wb") as fh:
        fh.write((FRONT + ETF).encode())
    assert [s.doc_id for s in list_sources([str(folder)])] == ["bad\\xff.txt"]


# --- the run's own files: one run at a time, no planted links, nothing overwritten unasked -------------


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_it(cli, tmp_path):
    folder = good_folder(tmp_path / "in")
    out = tmp_path / "events.jsonl"
    progress = Path(str(out) + ".progress")
    progress.write_text("", encoding="utf-8")
    with progress.open("r+b") as held:  # what a running batch holds
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        status, _, err = cli("extract", folder, "-o", out, "--force")
    assert status == 2
    assert "another extractor run is writing this output" in err and "Traceback" not in err
    assert not out.exists() and not Path(str(out) + ".part").exists()


@pytest.mark.parametrize("suffix", [".part", ".progress"])
def test_a_symlink_planted_at_a_run_file_is_not_followed(cli, tmp_path, suffix):
    folder = good_folder(tmp_path / "in")
    out = tmp_path / "events.jsonl"
    victim = write(tmp_path, "victim.txt", "precious\n")
    Path(str(out) + suffix).symlink_to(victim)
    status, _, err = cli("extract", folder, "-o", out, "--force")
    assert status == 2
    assert "symbolic link" in err and "Traceback" not in err
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_symlink_planted_at_the_errors_file_is_not_followed(cli, tmp_path):
    folder = good_folder(tmp_path / "in")
    write(folder, "empty.txt", "")
    victim = write(tmp_path, "victim.txt", "precious\n")
    errors = tmp_path / "errors.jsonl"
    errors.symlink_to(victim)
    status, _, err = cli("extract", folder, "-o", tmp_path / "events.jsonl", "--errors", errors, "--force")
    assert status in (1, 2) and "Traceback" not in err
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_an_existing_output_is_kept_unless_force_or_resume(cli, tmp_path):
    folder = good_folder(tmp_path / "in")
    out = write(tmp_path, "events.jsonl", "keep me\n")
    status, _, err = cli("extract", folder, "-o", out)
    assert status == 2 and "exists; pass --force" in err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    status, _, _ = cli("extract", folder, "-o", out, "--force")
    assert status == 0 and len(lines(out.read_text(encoding="utf-8"))) == 3


def test_an_existing_errors_file_is_kept_when_nothing_fails(cli, tmp_path):
    folder = good_folder(tmp_path / "in")
    errors = write(tmp_path, "errors.jsonl", "an earlier list\n")
    status, _, err = cli("extract", folder, "-o", "-", "--errors", errors)
    assert status == 2 and "errors file exists" in err
    assert errors.read_text(encoding="utf-8") == "an earlier list\n"
    status, _, _ = cli("extract", folder, "-o", "-", "--errors", errors, "--force")
    assert status == 0 and errors.read_text(encoding="utf-8") == "an earlier list\n"  # nothing failed: untouched


@pytest.mark.parametrize("suffix", ["", ".part", ".progress"])
def test_errors_file_equal_to_the_output_is_a_usage_error(cli, tmp_path, suffix):
    folder = good_folder(tmp_path / "in")
    out = tmp_path / "events.jsonl"
    status, _, err = cli("extract", folder, "-o", out, "--errors", str(out) + suffix)
    assert status == 2 and "choose another file" in err
    assert not out.exists()


# --- special files: nothing hangs, nothing is read past --max-bytes ----------------------------------------


def test_a_fifo_and_a_device_in_a_folder_are_skipped_and_the_rest_is_read(cli, tmp_path):
    folder = good_folder(tmp_path / "in")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    out = tmp_path / "events.jsonl"
    status, _, _ = cli("extract", folder, "-o", out, "--max-bytes", "1000")
    assert status == 1
    assert len(lines(out.read_text(encoding="utf-8"))) == 3
    failures = {e["doc_id"]: e for e in lines((tmp_path / "events.errors.jsonl").read_text(encoding="utf-8"))}
    assert failures["pipe.txt"]["kind"] == "not_regular" and "FIFO" in failures["pipe.txt"]["message"]
    assert failures["zero.txt"]["kind"] == "not_regular" and "character device" in failures["zero.txt"]["message"]


def test_a_device_named_on_the_command_line_is_refused(tmp_path):
    from extractor.io.inputs import iter_articles

    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    (result,) = iter_articles([str(link)], max_bytes=1000)
    assert result.kind == "not_regular"


def test_a_pipe_named_on_the_command_line_is_read_up_to_max_bytes(tmp_path):
    import threading

    from extractor.io.inputs import iter_articles

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    # the writer is connected before the run opens the pipe (else the run may read an empty pipe first):
    # a reader held here lets the write end open at once, and its closing ends the writer
    held = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    writer = os.fdopen(os.open(pipe, os.O_WRONLY), "wb")

    def endless_writer() -> None:
        try:
            with writer:
                while True:
                    writer.write(b"x" * 65536)
        except (BrokenPipeError, ValueError):
            pass

    threading.Thread(target=endless_writer, daemon=True).start()
    try:
        (result,) = iter_articles([str(pipe)], max_bytes=100_000)
    finally:
        os.close(held)
    assert result.kind == "too_large"


def test_a_file_that_grows_past_its_stat_size_is_read_no_further_than_max_bytes(tmp_path, monkeypatch):
    from extractor.io import inputs

    path = write(tmp_path, "a.txt", FRONT + ETF + " " * 5000)
    real_fstat = os.fstat
    monkeypatch.setattr(inputs.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    result = inputs.read_file(path, "a.txt", None, max_bytes=1000)
    assert result.kind == "too_large"


def test_an_overlong_jsonl_line_is_reported_and_the_next_record_read(tmp_path):
    path = tmp_path / "r.jsonl"
    long = json.dumps({"id": "big", "text": "x" * 100_000})  # lines are read up to 2 x max-bytes + 64 KiB
    path.write_text(long + "\n" + json.dumps({"id": "ok", "text": ETF}) + "\n", encoding="utf-8")
    sources = list(list_sources([str(path)], max_bytes=1000))
    assert sources[0].error is not None and sources[0].error.kind == "too_large"
    assert sources[1].doc_id == "ok" and sources[1].text == ETF


# --- a killed batch leaves no process behind -------------------------------------------------------------


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (workers, the fork server), read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _gone(pids: set[int]) -> bool:
    return not any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in pids)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_killing_the_main_process_ends_its_workers(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from conftest import ROOT

    folder = good_folder(tmp_path / "in", n=400)
    out = tmp_path / "events.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extractor.cli",
            "extract",
            str(folder),
            "-o",
            str(out),
            "--jobs",
            "2",
            "--model",
            "rules-only",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    progress = Path(str(out) + ".progress")
    deadline = time.monotonic() + 120
    while not (progress.exists() and progress.read_bytes().count(b"\n") > 20) and time.monotonic() < deadline:
        assert proc.poll() is None, "the batch ended before it could be killed"
        time.sleep(0.05)
    below = _descendants(proc.pid)
    assert len(below) >= 2  # at least the two workers
    os.kill(proc.pid, signal.SIGKILL)  # the main process only, as an out-of-memory killer would
    proc.wait()
    deadline = time.monotonic() + 20
    while not _gone(below) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(below), {pid: _state(pid) for pid in below}
