"""Shard files of a batch kept in a folder: named by what they hold, read back as outcomes in input order.

A batch run on other machines writes each shard with `write_shard` into `OUTPUT.shards/`. A file's
name is its position and a fingerprint of its articles (names, paths with their size and change
time, record texts) and of the options (exchange-rate table included) and version that extract them, so a finished file is reused
only by a run that would write the same one; anything else is computed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from extractor.io.batch import Options, Outcome, Task, atomic_write, shards
from extractor.io.inputs import InputError, Source, content_hash

#: a shard file's name: its position in the batch and the fingerprint of its articles and options
_NAME = re.compile(r"\A\d{6}-[0-9a-f]{16}\.jsonl(?:\.errors)?\Z")


class ShardError(RuntimeError):
    """A shard file that does not hold what its name promises (changed or damaged by hand)."""


class ShardLines(NamedTuple):
    """The two files of a finished shard, as lines: document records, and errors of failed articles."""

    records: list[str]
    errors: list[str]


@dataclass(frozen=True, slots=True)
class ShardFile:
    """One shard of a batch: its articles and the file its document records go to."""

    index: int
    tasks: list[Task]
    path: Path

    @property
    def errors_path(self) -> Path:
        """The companion file listing the shard's failed articles (as `write_shard` names it)."""
        return self.path.with_name(self.path.name + ".errors")

    def done(self) -> bool:
        """True when the shard's file exists (`write_shard` writes it last, atomically)."""
        return self.path.exists()

    def save(self, lines: ShardLines) -> None:
        """Write the shard's files from lines computed elsewhere, in `write_shard`'s order (errors first)."""
        atomic_write(self.errors_path, lines.errors)
        atomic_write(self.path, lines.records)

    def outcomes(self) -> list[Outcome]:
        """The outcome of every article of the shard, in input order, read back from its files."""
        return outcomes_of(self.tasks, read_lines(self.path), self.path)


def read_lines(path: Path) -> ShardLines:
    """The lines of a finished shard's two files."""
    errors = path.with_name(path.name + ".errors")
    return ShardLines(_lines(path), _lines(errors) if errors.exists() else [])


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def outcomes_of(tasks: list[Task], lines: ShardLines, where: Path) -> list[Outcome]:
    """Each task's outcome in order: its document record, else its error line (both files keep input order)."""
    records = [json.loads(line) for line in lines.records]
    errors = [InputError(**json.loads(line)) for line in lines.errors]
    outcomes: list[Outcome] = []
    for task in tasks:
        doc_id = task.source.doc_id
        if records and records[0]["doc_id"] == doc_id:
            record = records.pop(0)
            outcomes.append(Outcome(doc_id, record.get("content_hash"), record))
        elif errors and errors[0].doc_id == doc_id:
            outcomes.append(Outcome(doc_id, error=errors.pop(0)))
        else:
            raise ShardError(f"{where}: has no line for {doc_id}; delete the file and run again")
    if records or errors:
        raise ShardError(f"{where}: has lines for articles not in its shard; delete the file and run again")
    return outcomes


def plan(
    sources: Iterable[Source], folder: Path, options: Options, model: str, fx_rates: dict[str, str]
) -> list[ShardFile]:
    """The batch's shards (as a local run cuts them) and their files in `folder`; paths made absolute for other machines.

    `model` names the model and `fx_rates` the exchange-rate table (FxTable.identity()) the shards are extracted with.
    """
    settings = [
        model,
        options.published,
        options.max_bytes,
        options.keep_duplicates,
        options.debug,
        options.article_timeout,
        fx_rates,
    ]
    tasks = (Task(_absolute(source)) for source in sources)
    return [
        ShardFile(index, chunk, folder / f"{index:06d}-{_fingerprint(settings, chunk)}.jsonl")
        for index, chunk in enumerate(shards(tasks))
    ]


def _absolute(source: Source) -> Source:
    """The source with an absolute path: workers do not share the current folder of the run."""
    return replace(source, path=os.path.abspath(source.path)) if source.path is not None else source


def _fingerprint(settings: list[Any], tasks: list[Task]) -> str:
    """A digest of what decides a shard's content: the settings, and each article's name and input."""
    from extractor import __version__

    digest = hashlib.sha256(_canonical([__version__, *settings]))
    for task in tasks:
        source = task.source
        digest.update(
            _canonical(
                [
                    source.doc_id,
                    source.path,
                    _stamp(source.path),
                    content_hash(source.text) if source.text is not None else None,
                    source.published,
                    source.explicit,
                    astuple(source.error) if source.error else None,
                ]
            )
        )
    return digest.hexdigest()[:16]


def _canonical(value: list[Any]) -> bytes:
    return (json.dumps(value, ensure_ascii=False, default=repr) + "\n").encode("utf-8", "surrogatepass")


def _stamp(path: str | None) -> tuple[int, int] | None:
    """Size and change time of an input file, so an edited file is extracted again."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def strays(folder: Path, shard_files: list[ShardFile]) -> Iterator[Path]:
    """Files in `folder` left by other runs (other inputs or options) or by a killed writer."""
    keep = {p.name for s in shard_files for p in (s.path, s.errors_path)}
    for path in folder.iterdir():
        leftover = path.name.startswith(".") and path.name.endswith(".tmp")
        if path.name not in keep and (_NAME.match(path.name) or leftover):
            yield path
