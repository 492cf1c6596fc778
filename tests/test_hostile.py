"""Hostile input: what a batch does with text, files and neighbours that try to stop, corrupt or hijack it.

One section per kind of fault. Each case reproduces a defect found by probing the tool as a user with messy
data on a shared machine would, and states the documented behaviour (see README, "Bad input").
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
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


# --- repeated ids ---------------------------------------------------------------------------------------------


def test_repeated_ids_are_warned_about_and_resume_apart(cli, tmp_path):
    records = tmp_path / "r.jsonl"
    texts = [ETF, DEAL, ETF.replace("3.72%", "1.5%")]
    records.write_text(
        "".join(json.dumps({"id": "same", "text": t, "published": "2026-02-10"}) + "\n" for t in texts),
        encoding="utf-8",
    )
    out = tmp_path / "o.jsonl"
    status, _, err = cli("extract", records, "-o", out, "--per-document")
    assert status == 0 and "same: id repeated in the input" in err
    first = out.read_text(encoding="utf-8")
    warned = [r["warnings"] for r in lines(first)]
    assert warned[0] == [] and "record 2 with this id" in warned[1][0] and "record 3 with this id" in warned[2][0]
    status, _, err = cli("extract", records, "-o", out, "--per-document", "--resume")
    assert status == 0 and "3 already done" in err
    assert out.read_text(encoding="utf-8") == first


# --- time and size: a budget per article, bounded records --------------------------------------------------


def test_an_article_over_its_cpu_budget_is_reported_as_timeout_and_the_rest_extracted(
    cli, tmp_path, monkeypatch, extractor
):
    Extractor = type(extractor)  # the class itself (the cli fixture stands a factory in its name)
    folder = good_folder(tmp_path / "in", n=3)
    write(folder, "a0001.txt", FRONT + "SPIN " + ETF)
    real = Extractor.extract_article

    def spins(self, article, *args, **kwargs):
        if "SPIN" in article.text:
            while True:  # an article whose extraction never ends
                sum(range(10_000))
        return real(self, article, *args, **kwargs)

    monkeypatch.setattr(Extractor, "extract_article", spins)
    monkeypatch.setattr(
        Extractor, "extract_articles", lambda self, articles: [self.extract_article(a) for a in articles]
    )
    out = tmp_path / "events.jsonl"
    status, _, err = cli("extract", folder, "-o", out, "--article-timeout", "0.5", "--jobs", "1")
    assert status == 1
    assert "a0001.txt: used more than 0.5 s of CPU time (--article-timeout); skipped" in err
    assert [e["doc_id"] for e in lines(out.read_text(encoding="utf-8"))] == ["a0000.txt", "a0002.txt"]
    [failure] = lines((tmp_path / "events.errors.jsonl").read_text(encoding="utf-8"))
    assert failure["kind"] == "timeout"


def test_the_cpu_budget_holds_in_a_thread_other_than_the_main_one_as_on_a_dask_worker():
    from extractor.io.budget import ArticleTimeout, cpu_budget

    seen: dict[str, object] = {}

    def work() -> None:
        deadline = time.monotonic() + 60  # a budget that never fires fails the test, not hangs it
        try:
            with cpu_budget(0.3):
                while time.monotonic() < deadline:
                    sum(range(10_000))
        except ArticleTimeout as err:
            seen["timeout"] = str(err)
        with cpu_budget(0.2):
            time.sleep(0.5)  # waiting is no CPU time
        with cpu_budget(5):
            sum(range(1000))
        time.sleep(0.3)  # nothing is raised after a block that ended within its budget
        seen["after"] = True

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(90)
    assert seen == {"timeout": "used more than 0.3 s of CPU time (--article-timeout)", "after": True}


@pytest.mark.parametrize("value", ["-1", "abc", "inf", "nan"])
def test_article_timeout_must_be_a_number_of_seconds(cli, tmp_path, value):
    with pytest.raises(SystemExit) as exit_:
        cli("extract", good_folder(tmp_path / "in"), "--article-timeout", value)
    assert exit_.value.code == 2


def test_an_event_told_thousands_of_times_keeps_fifty_evidence_sentences_and_says_so(extractor):
    record = extractor.extract_article(make_article("rep", FRONT + (ETF + " ") * 400))
    [event] = record.events
    assert len(event.evidence) == 50
    assert "etf_move event told in 400 sentences: its evidence keeps the first 50" in record.warnings


# --- absurd figures: never an exception, never an amount ---------------------------------------------------


@pytest.mark.parametrize(
    "text, values",
    [
        ("RMB 9999999999999999 million", []),  # 16 digits before a scale word: ValueError before
        ("5" + "亿" * 40 + "元", []),  # OverflowError before
        ("USD 1e300 billion", []),
        ("a fee of $999,999,999,999,999,999,999", []),
        ("-0.0 million yuan", [0.0]),  # never -0.0
        ("RMB 6.3-6.5 billion", [6.4e9]),
        ("HK$1.5 trillion", [1.5e12]),
        ("Rp 3,000 trillion", [3e15]),  # the largest real budgets are in rupiah
    ],
)
def test_absurd_money_figures_are_not_amounts(text, values):
    from extractor import parse_amounts

    found = [m.value for m in parse_amounts(text)]
    assert found == values
    assert all(str(v) != "-0.0" for v in found)


@pytest.mark.parametrize(
    "text, values",
    [
        ("1e308%", []),
        ("up 1e308 %", []),
        ("code x1.5%", []),
        ("rose 3.5%", [3.5]),
        ("增长3.5%", [3.5]),  # a Chinese character before the number is no glue
        ("between 13% and 16%", [14.5]),
    ],
)
def test_a_number_glued_to_a_letter_is_no_percentage(text, values):
    from extractor import parse_percentages

    assert [p.value for p in parse_percentages(text)] == values


def test_a_negative_upfront_payment_is_not_a_deal_payment(extractor):
    [deal] = extractor.extract(DEAL.replace("$200 million", "-$200 million"), "2025-07-01")
    assert deal.upfront is None


# --- publication dates at the calendar's edges --------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-07-01", "2025-07-01"),
        ("2025-7-1", "2025-07-01"),
        ("2025-07-01T08:30:00+08:00", "2025-07-01"),
        ("2025-07-01 08:30", "2025-07-01"),
        ("2025-07-01T25:99:99", "not a date, nor an ISO date and time"),
        ("2025-02-30", "day is out of range for month"),
        ("9999-12-31", "outside the years 1800-2199"),
        ("0001-01-01", "outside the years 1800-2199"),
        ("July 1", "is not YYYY-MM-DD"),
    ],
)
def test_published_dates_are_whole_iso_dates_within_the_years_resolved(value, expected):
    from extractor.io.inputs import PublishedDateError, parse_published

    if expected[0].isdigit():
        assert parse_published(value).isoformat() == expected
    else:
        with pytest.raises(PublishedDateError, match=expected):
            parse_published(value)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_an_article_dated_at_the_calendar_edge_is_a_bad_date_not_an_internal_error(cli, tmp_path, published):
    records = tmp_path / "r.jsonl"
    records.write_text(
        json.dumps({"id": "edge", "text": "On March 3 " + DEAL, "published": published})
        + "\n"
        + json.dumps({"id": "ok", "text": ETF, "published": "2026-02-10"})
        + "\n",
        encoding="utf-8",
    )
    status, out, _ = cli("extract", records)
    assert status == 1 and [e["doc_id"] for e in lines(out)] == ["ok"]


@pytest.mark.parametrize("published", ["1800-01-01", "2199-12-31"])
def test_relative_dates_near_the_edges_of_the_years_resolved_do_not_raise(extractor, published):
    text = "On March 3, yesterday, last month and next year, " + DEAL + " Profit for next year is expected to rise 50%."
    extractor.extract(text, published)


# --- decoding: a few bad bytes do not turn a UTF-8 file into cp1252 -------------------------------------------


def test_a_utf8_file_with_a_few_bad_bytes_is_read_as_utf8_with_a_warning(cli, tmp_path):
    body = (FRONT + "恒瑞医药与默沙东签署许可协议，首付款2亿美元。 " + DEAL + "\n") * 5
    raw = body.encode("utf-8")
    raw = raw[: len(FRONT)] + b"\xff" + raw[len(FRONT) :]  # a stray byte between two whole characters
    folder = tmp_path / "in"
    write(folder, "a.txt", raw)
    status, out, _ = cli("extract", folder, "--per-document")
    [record] = lines(out)
    assert status == 0 and record["encoding"] == "utf-8"
    assert "1 byte sequence(s) that are not UTF-8 replaced with U+FFFD; the rest read as UTF-8" in record["warnings"]
    assert record["events"][0]["upfront"]["value"] == 200_000_000


def test_a_cp1252_file_is_still_read_as_cp1252(tmp_path):
    from extractor.io.decoding import decode_bytes

    decoded = decode_bytes("The caf\u00e9 chain\u2019s r\u00e9sum\u00e9 \u2013 profit rose 5%.".encode("cp1252"))
    assert decoded.encoding == "cp1252" and decoded.replaced == 0


# --- smaller: what stderr shows, what the package exports, what a crash message says ----------------------


def test_a_newline_in_a_file_name_cannot_forge_a_line_on_stderr(cli, tmp_path):
    folder = tmp_path / "in"
    write(folder, "evil\nextractor: 0 articles, 0 failed.txt", "")
    status, _, err = cli("extract", folder, "-o", "-")
    assert status == 1
    assert "evil\\nextractor: 0 articles, 0 failed.txt: empty article" in err
    assert not any(line.startswith("extractor: 0 articles, 0 failed") for line in err.splitlines())


def test_extraction_error_is_exported_by_the_package():
    from extractor import ExtractionError

    assert issubclass(ExtractionError, ValueError)
