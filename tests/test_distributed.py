"""Scale-out on Dask, on a real two-worker LocalCluster: the merged output is byte-identical to a local run's,
a worker killed mid-run changes nothing, an article that kills every worker is listed as failed, and a run
again computes only the shards whose files are missing.

Faults are injected by a worker plugin that makes a worker process exit (`os._exit`) inside `write_shard`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, lines, write
from test_batch import ETF, FRONT, bad_files, corpus, records_file
from test_fx_rates import LATE, LATE_ARTICLE, ecb_csv

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")

from extractor.distributed import extract_bag, run_shard  # noqa: E402  (needs dask)
from extractor.io.batch import SHARD_SIZE, Options, Task  # noqa: E402
from extractor.io.inputs import Source, count_sources  # noqa: E402

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the plugin below travels to the workers by value

RULES = ["--model", "rules-only", "--max-bytes", "20000"]


class Sabotage(distributed.WorkerPlugin):
    """On each worker: count the Extractors made, and exit the process while it extracts a shard.

    `poison`: whenever the shard holds that doc_id. Otherwise once in the whole cluster (the first to create
    `marker`), and only after some shard's file exists in `folder`, so the run is under way.
    """

    def __init__(self, marker: Path, folder: Path | None = None, poison: str | None = None) -> None:
        self.marker, self.folder, self.poison = marker, folder, poison

    def setup(self, worker: object) -> None:
        from extractor import pipeline
        from extractor.io import batch

        real_shard, real_extractor = batch.process_shard, pipeline.Extractor
        self.made = 0

        def process_shard(tasks, extractor, options):
            if self._dies(tasks):
                os._exit(1)
            return real_shard(tasks, extractor, options)

        def counted(*args, **kwargs):
            self.made += 1
            return real_extractor(*args, **kwargs)

        batch.process_shard, pipeline.Extractor = process_shard, counted
        self.restore = lambda: (
            setattr(batch, "process_shard", real_shard),
            setattr(pipeline, "Extractor", real_extractor),
        )

    def _dies(self, tasks) -> bool:
        if self.poison is not None:
            return any(t.source.doc_id == self.poison for t in tasks)
        if self.folder is None or not any(self.folder.glob("*.jsonl")):
            return False
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def teardown(self, worker: object) -> None:
        self.restore()


def spinning(extractor_class: type) -> tuple[object, object]:
    """Stand-ins for extract_article and extract_articles: an article with SPIN in its text takes CPU time forever
    (for a minute, so that a budget that never fires fails the test instead of hanging it)."""
    real = extractor_class.extract_article

    def extract_article(self, article, *args, **kwargs):
        deadline = time.monotonic() + 60
        while "SPIN" in article.text and time.monotonic() < deadline:
            sum(range(10_000))
        return real(self, article, *args, **kwargs)

    def extract_articles(self, articles):
        return [self.extract_article(a) for a in articles]

    return extract_article, extract_articles


class Spin(distributed.WorkerPlugin):
    """On each worker: the extractor spins on an article with SPIN in its text (see `spinning`)."""

    def setup(self, worker: object) -> None:
        from extractor.pipeline import Extractor

        self.real = Extractor.extract_article, Extractor.extract_articles
        Extractor.extract_article, Extractor.extract_articles = spinning(Extractor)

    def teardown(self, worker: object) -> None:
        from extractor.pipeline import Extractor

        Extractor.extract_article, Extractor.extract_articles = self.real


def _extractors_made(dask_worker: object) -> int:
    plugin = dask_worker.plugins["sabotage"]
    return int(plugin.made)


@pytest.fixture
def cluster():
    """A LocalCluster of two worker processes; a task whose worker dies twice is given up (KilledWorker)."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs={"allowed_failures": 1},
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


@pytest.fixture
def messy(tmp_path, monkeypatch) -> list[str]:
    """The fixtures twice, duplicates, every kind of bad file and a JSONL of records, named relative to the
    current folder (the workers' own current folder is another); -> the PATH arguments."""
    monkeypatch.chdir(tmp_path)
    folder = corpus(Path("in"), copies=2)
    bad_files(folder)
    write(folder, "dup/again.txt", (folder / "c1" / sorted(os.listdir(folder / "c1"))[3]).read_bytes())
    records, _ = records_file(Path("."))
    return [str(folder), str(records)]


def _local(cli, paths: list[str], output: Path, *mode: str) -> tuple[int, bytes, bytes | None]:
    """A local run's exit status, output and errors file (None: no failure, no file)."""
    status, _, _ = cli("extract", *paths, "-o", output, "--jobs", "1", *RULES, *mode)
    return (status, *_written(output))


def _written(output: Path) -> tuple[bytes, bytes | None]:
    errors = output.with_name(output.stem + ".errors.jsonl")
    return output.read_bytes(), errors.read_bytes() if errors.exists() else None


def _shards(paths: list[str]) -> int:
    """How many shards a batch of these inputs has (a local run cuts the same)."""
    count = count_sources(paths)
    assert count is not None
    return -(-count // SHARD_SIZE)


@pytest.mark.parametrize("mode", [[], ["--per-document"]], ids=["events", "documents"])
def test_a_dask_run_writes_byte_identical_output_and_errors_to_a_local_run(cli, cluster, messy, tmp_path, mode):
    cluster.register_plugin(Sabotage(tmp_path / "never"), name="sabotage")
    expected = _local(cli, messy, tmp_path / "local.jsonl", *mode)
    output = tmp_path / "dask.jsonl"

    status, _, err = cli("extract", *messy, "-o", output, "--dask", cluster.scheduler.address, *RULES, *mode)

    assert (status, *_written(output)) == expected
    assert expected[0] == 1 and expected[1] and expected[2]  # the corpus has good and bad articles
    shards = _shards(messy)
    assert f"{shards} shard(s) computed, 0 found done" in err and "Traceback" not in err
    assert len(list((tmp_path / "dask.jsonl.shards").glob("*.jsonl"))) == shards
    made = cluster.run(_extractors_made)
    assert sorted(made.values()) == [1, 1]  # each worker process loaded the model once, for all its shards


def test_a_worker_killed_mid_run_leaves_the_output_unchanged(cli, cluster, messy, tmp_path):
    output = tmp_path / "dask.jsonl"
    marker = tmp_path / "killed"
    cluster.register_plugin(Sabotage(marker, folder=tmp_path / "dask.jsonl.shards"), name="sabotage")
    expected = _local(cli, messy, tmp_path / "local.jsonl")

    status, _, err = cli("extract", *messy, "-o", output, "--dask", cluster.scheduler.address, *RULES)

    assert marker.exists()  # a worker did exit while writing a shard
    assert (status, *_written(output)) == expected
    assert b"worker_crashed" not in (tmp_path / "dask.errors.jsonl").read_bytes() and "Traceback" not in err


def test_an_article_that_kills_every_worker_is_listed_as_failed_and_the_rest_is_extracted(cli, cluster, tmp_path):
    folder = tmp_path / "in"
    for path in sorted((FIXTURES / "articles").glob("*.txt"))[:20]:
        write(folder, path.name, path.read_bytes())
    write(
        folder,
        "poison.txt",
        (FIXTURES / "articles" / "000_04943b0f79014a7f.txt").read_text(encoding="utf-8") + "\nPoison.\n",
    )
    cluster.register_plugin(Sabotage(tmp_path / "unused", poison="poison.txt"), name="sabotage")
    _local(cli, [str(folder)], tmp_path / "local.jsonl", "--per-document")
    local = [r for r in lines((tmp_path / "local.jsonl").read_text(encoding="utf-8")) if r["doc_id"] != "poison.txt"]

    run = extract_bag([folder], tmp_path / "dask.jsonl", client=cluster, model="rules-only", per_document=True)

    [error] = lines(run.errors.read_text(encoding="utf-8"))
    assert (error["doc_id"], error["kind"]) == ("poison.txt", "worker_crashed")
    assert lines(run.output.read_text(encoding="utf-8")) == local
    assert (run.tally.failed, run.tally.processed) == (1, 20)


def test_a_run_again_computes_only_the_shards_whose_files_are_missing(cluster, messy, tmp_path):
    output = tmp_path / "dask.jsonl"
    first = extract_bag(messy, output, client=cluster, model="rules-only", max_bytes=20000)
    shard_files = sorted(first.shard_folder.glob("*.jsonl"))
    before = {p: p.stat().st_mtime_ns for p in shard_files}
    written = output.read_bytes()
    shard_files[3].unlink()  # as after a run that failed before this shard was written

    again = extract_bag(messy, output, client=cluster, model="rules-only", max_bytes=20000, overwrite=True)

    assert (first.computed, again.computed, again.shards) == (_shards(messy), 1, _shards(messy))
    assert {p: p.stat().st_mtime_ns for p in shard_files if p != shard_files[3]} == {
        p: t for p, t in before.items() if p != shard_files[3]
    }
    assert shard_files[3].exists() and output.read_bytes() == written


def test_nothing_runs_when_every_shard_is_done_and_a_changed_input_is_extracted_again(cli, messy, tmp_path, cluster):
    output = tmp_path / "dask.jsonl"
    extract_bag(messy, output, client=cluster, model="rules-only")
    again = extract_bag(messy, output, client=None, model="rules-only", overwrite=True)  # no cluster needed
    assert again.computed == 0
    with open("in/c1/000_04943b0f79014a7f.txt", "a", encoding="utf-8") as fh:
        fh.write("\nA late correction.\n")
    changed = extract_bag(messy, output, client=cluster, model="rules-only", overwrite=True)
    assert changed.computed == 1
    assert len(list(changed.shard_folder.glob("*.jsonl"))) == _shards(messy)  # the stale shard file is gone

    shard = sorted(changed.shard_folder.glob("*.jsonl"))[1]
    shard.write_text("".join(shard.read_text(encoding="utf-8").splitlines(keepends=True)[1:]), encoding="utf-8")
    status, _, err = cli("extract", *messy, "-o", output, "--force", "--model", "rules-only", "--dask", "local:1")
    assert status == 1
    assert f"{shard}: has no line for" in err and "delete the file and run again" in err and "Traceback" not in err


def _record(doc_id: str, text: str) -> str:
    return json.dumps({"id": doc_id, "text": text, "published": "2026-02-10"}) + "\n"


def test_repeated_ids_a_rate_file_and_stale_rates_are_merged_as_a_local_run_writes_them(
    cli, cluster, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "first.jsonl", _record("same", ETF))
    folder = corpus(Path("in"))  # more than a shard: the repeated id comes back in a later shard
    write(folder, "late.txt", LATE_ARTICLE)
    write(tmp_path, "last.jsonl", _record("same", ETF.replace("3.72%", "1.5%")) + _record("same", ETF + " Again."))
    old_rates = write(tmp_path, "old-rates.csv", ecb_csv(last=LATE - dt.timedelta(days=30)))
    paths = ["first.jsonl", "in", "last.jsonl"]
    mode = [*RULES, "--per-document", "--fx-rates", old_rates, "--article-timeout", "5"]
    local = tmp_path / "local.jsonl"
    local_status, _, local_err = cli("extract", *paths, "-o", local, "--jobs", "1", *mode)
    output = tmp_path / "dask.jsonl"

    status, _, err = cli("extract", *paths, "-o", output, "--dask", cluster.scheduler.address, *mode)

    assert (status, *_written(output)) == (local_status, *_written(local))
    records = lines(output.read_text(encoding="utf-8"))
    notes = [[w for w in r["warnings"] if "repeated" in w] for r in records if r["doc_id"] == "same"]
    assert notes == [
        [],
        ["doc_id repeated in the input: this is record 2 with this id"],
        ["doc_id repeated in the input: this is record 3 with this id"],
    ]
    assert {r["fx_rates"] for r in records} == {"old-rates.csv"}
    [late] = [r for r in records if r["doc_id"] == "late.txt"]
    assert any(w.startswith("stale_fx_rate:") for w in late["warnings"])
    for said in (local_err, err):
        assert "same: id repeated in the input; each record is kept and resumed apart" in said
        assert "1 article(s) converted at exchange rates more than 7 days older than their dates" in said
        assert "rates from old-rates.csv" in said

    # other rates are other shards: every one is computed again, and the stale warning goes
    new_rates = write(tmp_path, "new-rates.csv", ecb_csv())
    again = [*RULES, "--per-document", "--fx-rates", new_rates, "--force"]
    status, _, err = cli("extract", *paths, "-o", output, "--dask", cluster.scheduler.address, *again)
    assert f"{_shards(paths)} shard(s) computed, 0 found done" in err and "converted at exchange rates" not in err
    assert {r["fx_rates"] for r in lines(output.read_text(encoding="utf-8"))} == {"new-rates.csv"}


def test_an_article_over_its_cpu_budget_on_a_worker_is_a_timeout_as_in_a_local_run(
    cli, cluster, tmp_path, monkeypatch, rules_only
):
    folder = tmp_path / "in"
    for path in sorted((FIXTURES / "articles").glob("*.txt"))[:5]:
        write(folder, path.name, path.read_bytes())
    write(folder, "spin.txt", FRONT + "SPIN " + ETF)
    cluster.register_plugin(Spin(), name="spin")
    output = tmp_path / "dask.jsonl"

    status, _, err = cli(
        "extract", folder, "-o", output, "--dask", cluster.scheduler.address, *RULES, "--article-timeout", "0.5"
    )

    assert status == 1
    assert "spin.txt: used more than 0.5 s of CPU time (--article-timeout); skipped" in err
    [failure] = lines((tmp_path / "dask.errors.jsonl").read_text(encoding="utf-8"))
    assert (failure["doc_id"], failure["kind"]) == ("spin.txt", "timeout")
    monkeypatch.setattr(type(rules_only), "extract_article", spinning(type(rules_only))[0])
    monkeypatch.setattr(type(rules_only), "extract_articles", spinning(type(rules_only))[1])
    expected = _local(cli, [str(folder)], tmp_path / "local.jsonl", "--article-timeout", "0.5")
    assert (status, *_written(output)) == expected


@pytest.mark.parametrize("folder_here", [True, False], ids=["shared-folder", "worker-scratch"])
def test_a_worker_writes_the_shard_where_it_sees_its_folder_and_always_sends_its_lines(tmp_path, folder_here):
    write(tmp_path / "in", "a.txt", FRONT + ETF)
    write(tmp_path / "in", "b.txt", b"\x00\x01")
    tasks = [Task(Source(name, path=str(tmp_path / "in" / name))) for name in ("a.txt", "b.txt")]
    target = (tmp_path if folder_here else tmp_path / "elsewhere") / "000000-0000000000000000.jsonl"

    records, errors = run_shard(tasks, str(target), Options(model="rules-only"))

    assert [r["doc_id"] for r in map(json.loads, records)] == ["a.txt"]
    assert [(e["doc_id"], e["kind"]) for e in map(json.loads, errors)] == [("b.txt", "binary")]
    assert target.exists() == folder_here and not (tmp_path / "elsewhere").exists()
    if folder_here:
        assert target.read_text(encoding="utf-8").splitlines() == records


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--dask", "local:2"], "--dask needs --output FILE"),
        (["-o", "{out}", "--dask", "local:0"], "local:N with N worker processes"),
        (["-o", "{out}", "--dask", "local:two"], "local:N with N worker processes"),
        (["-o", "{out}", "--dask", "local:2", "--jobs", "2"], "--jobs does not apply with --dask"),
        (["-o", "{existing}", "--dask", "local:2"], "pass --force to overwrite it"),
    ],
)
def test_dask_usage_errors_are_named_before_any_cluster_starts(cli, tmp_path, argv, words):
    write(tmp_path, "existing.jsonl", "")
    write(tmp_path, "in/a.txt", "An article.\n")
    args = [a.format(out=tmp_path / "out.jsonl", existing=tmp_path / "existing.jsonl") for a in argv]
    status, _, err = cli("extract", tmp_path / "in", *args)
    assert status == 2
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "out.jsonl.shards").exists()


def test_a_scheduler_out_of_reach_is_named_not_a_traceback(cli, tmp_path):
    write(tmp_path / "in", "a.txt", FRONT + ETF)
    status, _, err = cli("extract", tmp_path / "in", "-o", tmp_path / "out.jsonl", "--dask", "no-port-here")
    assert status == 1
    assert "cannot reach the Dask scheduler no-port-here" in err and "Traceback" not in err
    assert not (tmp_path / "out.jsonl").exists()
