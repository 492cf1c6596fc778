"""The batch acceptance run: a large folder with bad files, parallel vs serial, kill -9 half-way and resume.

Usage: python benchmarks/batch_faults.py [--articles 2000] [--bad 50] [--work DIR] [--jobs 2]

1. Builds `--articles` generated articles plus `--bad` bad inputs of every kind (benchmarks/corpus.py).
2. Runs `extractor extract` over them with `--jobs N` and checks: exit status 1, every bad input listed in
   the errors file with its expected kind, every good article recorded as done, the summary line's counts.
3. Runs again with `--jobs 1` and checks the output and errors files are byte-identical.
4. Starts a third run, kills it with SIGKILL when about half the articles are done, runs `--resume`, and
   checks the sorted output equals the uninterrupted run's, with no line twice.
5. Hostile neighbours (`--hostile`, default 1000 good articles): a FIFO and a link to /dev/zero named .txt
   and a JSONL record with a lone surrogate in the folder, symbolic links planted at OUTPUT.part and
   OUTPUT.progress, a second run started on the output of a running one, and the main process of a run
   killed alone: checks no good article is lost, no output is corrupted or written through a link, the
   second run is refused, and no worker outlives its main process.
Prints PASS/FAIL for each check, the time of each run, and how many faults were tried.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
EXTRACTOR = [sys.executable, "-m", "extractor.cli", "extract"]
SUMMARY = re.compile(r"extractor: (\d+) articles, (\d+) events .*?(\d+) failed")


def _run(inputs: list[str], out: Path, jobs: int, *extra: str) -> tuple[int, str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [*EXTRACTOR, *inputs, "-o", str(out), "--jobs", str(jobs), "-q", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stderr, time.perf_counter() - started


def _check(name: str, ok: bool, detail: str = "") -> bool:
    print(f"  {'PASS' if ok else 'FAIL'}  {name}{': ' + detail if detail else ''}")
    return ok


def _progress_entries(progress: Path) -> list[dict]:
    return [json.loads(line) for line in progress.read_text(encoding="utf-8").splitlines()[1:]]


def main(argv: list[str] | None = None) -> int:
    """Build the folder, run the checks, exit 1 when any fails."""
    from corpus import add_bad_files, build_corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--bad", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--hostile", type=int, default=1000, help="good articles beside the hostile files of part 5")
    ap.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed at the end)")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="batch-faults-"))
    folder = work / "in"
    started = time.perf_counter()
    build_corpus(folder, args.articles)
    expected = add_bad_files(folder, args.bad)
    records = sorted(str(p) for p in folder.rglob("records_*.jsonl"))
    inputs = [str(folder), *records]
    lines = sum(1 for r in records for line in Path(r).read_text(encoding="utf-8").splitlines() if line.strip())
    good_records = lines - sum(1 for kind in expected.values() if kind == "malformed_record")
    # records are reported as "<path as given>:<line>"; the corpus names them relative to the folder
    expected_ids = {(f"{folder}/{k}" if ".jsonl:" in k else k): v for k, v in expected.items()}
    print(
        f"{args.articles} articles, {len(expected)} bad inputs, {len(records)} JSONL files in {folder} "
        f"({time.perf_counter() - started:.1f}s)"
    )
    results = []

    a = work / "parallel.jsonl"
    status, err, seconds = _run(inputs, a, args.jobs)
    print(f"run 1: --jobs {args.jobs}: exit {status}, {seconds:.1f}s\n  {err.strip().splitlines()[-2]}")
    errors = {
        e["doc_id"]: e
        for e in map(json.loads, (work / "parallel.errors.jsonl").read_text(encoding="utf-8").splitlines())
    }
    entries = _progress_entries(work / "parallel.jsonl.progress")
    done = {e["doc_id"] for e in entries if e["status"] in ("ok", "duplicate")}
    listed = {k: v["kind"] for k, v in errors.items()}
    results.append(_check("exit status 1", status == 1, f"got {status}"))
    results.append(
        _check(
            "every bad input listed with its kind",
            listed == expected_ids,
            f"{len(listed)} listed, {len(expected_ids)} expected"
            + (
                ""
                if listed == expected_ids
                else f"; differ: {sorted(set(listed.items()) ^ set(expected_ids.items()))[:5]}"
            ),
        )
    )
    good_files = args.articles
    results.append(
        _check(
            "every good article processed",
            len(done) == good_files + good_records,
            f"{len(done)} done of {good_files} files + {good_records} records",
        )
    )
    m = SUMMARY.search(err)
    counts = (int(m.group(1)), int(m.group(3))) if m else None
    results.append(_check("summary counts", counts == (len(done), len(expected_ids)), f"summary {counts}"))
    for kind in sorted(set(expected.values())):
        sample = next(v for v in errors.values() if v["kind"] == kind)
        print(f"      {kind:17} e.g. {sample['doc_id']}: {sample['message']}")

    b = work / "serial.jsonl"
    status_b, _, seconds_b = _run(inputs, b, 1)
    print(
        f"run 2: --jobs 1: exit {status_b}, {seconds_b:.1f}s (--jobs {args.jobs} was {seconds_b / seconds:.2f}x faster)"
    )
    results.append(_check(f"--jobs {args.jobs} output byte-identical to --jobs 1", a.read_bytes() == b.read_bytes()))
    results.append(
        _check(
            "errors files byte-identical",
            (work / "parallel.errors.jsonl").read_bytes() == (work / "serial.errors.jsonl").read_bytes(),
        )
    )

    c = work / "killed.jsonl"
    proc = subprocess.Popen(
        [*EXTRACTOR, *inputs, "-o", str(c), "--jobs", str(args.jobs), "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    half = (good_files + good_records + len(expected_ids)) // 2
    progress = work / "killed.jsonl.progress"
    while proc.poll() is None and (not progress.exists() or progress.read_bytes().count(b"\n") <= half):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = len(_progress_entries(progress))
    status_c, err_c, seconds_c = _run(inputs, c, args.jobs, "--resume")
    print(
        f"run 3: killed with SIGKILL after {killed_at} articles, then --resume: exit {status_c}, {seconds_c:.1f}s\n"
        f"  {err_c.strip().splitlines()[-2]}"
    )
    resumed = c.read_text(encoding="utf-8").splitlines()
    whole = a.read_text(encoding="utf-8").splitlines()
    results.append(
        _check(
            "killed and resumed: sorted output equals the uninterrupted run",
            sorted(resumed) == sorted(whole),
            f"{len(resumed)} lines vs {len(whole)}",
        )
    )
    results.append(_check("no line twice", len(resumed) == len(set(resumed))))
    results.append(_check("resumed output byte-identical too", c.read_bytes() == a.read_bytes()))
    results += hostile_neighbours(work / "hostile", args.hostile, args.jobs)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    print("ALL PASS" if all(results) else "SOME CHECKS FAILED")
    return 0 if all(results) else 1


def _descendants(pid: int) -> set[int]:
    """Every process below `pid`, read from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _running(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(progress: Path, entries: int, proc: subprocess.Popen[bytes]) -> None:
    while proc.poll() is None and (not progress.exists() or progress.read_bytes().count(b"\n") <= entries):
        time.sleep(0.05)


def hostile_neighbours(work: Path, good: int, jobs: int) -> list[bool]:
    """Part 5: special files, a lone surrogate, planted links, a concurrent run, a kill of the main process alone."""
    from corpus import build_corpus

    clean, folder = work / "clean", work / "in"
    build_corpus(clean, good, seed=7)
    shutil.copytree(clean, folder)
    record = {
        "id": "surrogate",
        "text": "Hengrui signed a deal with Merck \ud800 for an upfront payment of $200 million.",
    }
    records = work / "records.jsonl"
    records.write_text(json.dumps(record) + "\n", encoding="utf-8")  # json.dumps writes the \ud800 escape
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    faults = 3
    results = []
    print(f"part 5: {good} good articles, a FIFO, a link to /dev/zero and a lone surrogate in {work}")

    reference = work / "reference.jsonl"
    _run([str(clean), str(records)], reference, jobs)
    out = work / "events.jsonl"
    victim = work / "victim.txt"
    for suffix in (".part", ".progress"):
        faults += 1
        victim.write_text("precious\n", encoding="utf-8")
        link = Path(str(out) + suffix)
        assert not any(Path(str(out) + s).exists() for s in ("", ".part", ".progress")), "a refused run left files"
        link.symlink_to(victim)
        status, _, _ = _run([str(folder), str(records)], out, jobs, "--force")
        intact = victim.read_text(encoding="utf-8") == "precious\n"
        results.append(
            _check(f"a link planted at OUTPUT{suffix} is refused, its target intact", status == 2 and intact)
        )
        link.unlink()

    faults += 1
    first = subprocess.Popen(
        [*EXTRACTOR, str(folder), str(records), "-o", str(out), "--jobs", str(jobs), "-q", "--force"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(Path(str(out) + ".progress"), 20, first)
    status_b, err_b, _ = _run([str(folder), str(records)], out, jobs, "--force")
    first.communicate()
    results.append(
        _check("a second run on a running output exits 2", status_b == 2 and "another extractor run" in err_b)
    )
    listed = {json.loads(line)["doc_id"]: json.loads(line)["kind"] for line in (work / "events.errors.jsonl").open()}
    results.append(
        _check(
            "the first run lists the FIFO and /dev/zero as not_regular, and nothing else",
            first.returncode == 1 and listed == {"pipe.txt": "not_regular", "zero.txt": "not_regular"},
            f"exit {first.returncode}, {listed}",
        )
    )
    lost = len(reference.read_text(encoding="utf-8").splitlines()) - len(out.read_text(encoding="utf-8").splitlines())
    results.append(
        _check(
            "no good article lost: the events equal a run without the hostile files, byte for byte",
            out.read_bytes() == reference.read_bytes(),
            f"{lost} lines missing",
        )
    )
    check = subprocess.run([*EXTRACTOR[:-1], "validate", str(out)], cwd=ROOT, capture_output=True, text=True)
    results.append(_check("the output validates against the schemas", check.returncode == 0, check.stderr.strip()))

    faults += 1
    killed = subprocess.Popen(
        [*EXTRACTOR, str(folder), "-o", str(work / "killed.jsonl"), "--jobs", str(jobs), "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for(work / "killed.jsonl.progress", 20, killed)
    below = _descendants(killed.pid)
    os.kill(killed.pid, signal.SIGKILL)  # the main process alone, as the out-of-memory killer would
    killed.wait()
    deadline = time.monotonic() + 20
    while any(_running(p) for p in below) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in below if _running(p)]
    results.append(_check(f"killing the main process alone ends its {len(below)} helpers", not left, f"left {left}"))
    print(f"  faults tried: {faults}; good articles lost: {max(lost, 0)}")
    return results


if __name__ == "__main__":
    sys.exit(main())
