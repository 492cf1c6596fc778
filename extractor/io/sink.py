"""Batch output that survives being killed: whole lines only, a progress log, and exact resumption.

While a run is going, events go to `OUTPUT.part` and every finished article adds one line to
`OUTPUT.progress` naming it, its content hash and the end offsets of the output and errors files
after its lines. An article's lines are written before its progress line, so after a kill the
last progress line marks a consistent state: `--resume` cuts the files back to those offsets
(dropping any partial line and the lines of an article that was not recorded) and skips the
articles already recorded. At the end `OUTPUT.part` is renamed to `OUTPUT`; the progress log
stays, so a later `--resume` only processes articles that are new or changed.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from extractor.fx_source import BUNDLED, describe_rates

PROGRESS_VERSION = 1


class OutputError(ValueError):
    """The output files cannot be used as asked (they exist, another run holds them, a link is planted)."""


class ResumeError(OutputError):
    """The files of an earlier run cannot be resumed (and why)."""


#: flags for the run's own files: never follow a symbolic link, never leak into a child process
_OWN = os.O_NOFOLLOW | os.O_CLOEXEC


def open_own(path: str | os.PathLike[str], flags: int, what: str) -> int:
    """Open one of the run's own files without following a symbolic link planted in its place."""
    try:
        return os.open(path, flags | _OWN, 0o644)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise OutputError(f"{path}: is a symbolic link; refusing to write the {what} through it") from None
        raise OutputError(f"{path}: cannot open the {what}: {err.strerror or err}") from None


def refuse_existing(path: str | os.PathLike[str], what: str) -> None:
    """Refuse to replace an existing file (or link) unless --force says so."""
    if os.path.lexists(path):
        raise OutputError(f"{path}: the {what} exists; pass --force to overwrite it, or --resume to continue it")


def refuse_overwrite(target: str | os.PathLike[str], errors: str | None) -> None:
    """Refuse to start a run whose output, unfinished output or errors file exists (unless --force or --resume)."""
    path = Path(target)
    refuse_existing(path, "output")
    refuse_existing(path.with_name(path.name + ".part"), "unfinished output of an interrupted run")
    if errors:
        refuse_existing(errors, "errors file")


@dataclass(slots=True)
class Recorded:
    """What an earlier run recorded: (doc_id, occurrence) -> content hash (None for failures), hash -> first doc_id.

    The occurrence counts records with the same doc_id in input order (1 for the first), so repeated ids resume apart.
    """

    done: dict[tuple[str, int], str | None] = field(default_factory=dict)
    first: dict[str, str] = field(default_factory=dict)
    failed: int = 0


def default_errors_path(target: str) -> str:
    """Where failures are listed when --errors is not given: beside the output, e.g. events.errors.jsonl."""
    path = Path(target)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return str(path.with_name(f"{stem}.errors.jsonl"))


class StreamSink:
    """Output to standard output (no resumption): lines written as they come."""

    def __init__(self, stream: IO[str], errors: str | None) -> None:
        self.stream = stream
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")  # as _encoded: a lone surrogate becomes its escape
        self.errors_path = errors
        self._errors: IO[str] | None = None  # made at the first failure, kept open until close()
        self.recorded = Recorded()

    def commit(
        self,
        doc_id: str,
        content_hash: str | None,
        lines: list[str],
        error: str | None,
        status: str,
        occurrence: int = 1,
    ) -> None:
        """Write an article's lines and, for a failure, its errors line."""
        self.stream.write("".join(line + "\n" for line in lines))
        if error is not None and self.errors_path:
            if self._errors is None:
                fd = open_own(self.errors_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, "errors file")
                self._errors = os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace")
            self._errors.write(error + "\n")

    def finish(self) -> None:
        """Flush everything."""
        self.stream.flush()
        self.close()

    def close(self) -> None:
        """Release the errors file."""
        if self._errors is not None:
            self._errors.close()
            self._errors = None


class FileSink:
    """Output to a file, written through `.part` and `.progress` so a killed run can be resumed exactly."""

    def __init__(
        self,
        target: str,
        errors: str | None,
        per_document: bool,
        resume: bool,
        force: bool = False,
        fx_rates: dict[str, str] | None = None,
    ) -> None:
        self.target = Path(target)
        #: the exchange-rate table of this run (FxTable.identity()): a run is resumed only with the same one
        self.fx_rates = fx_rates
        self.part = self.target.with_name(self.target.name + ".part")
        self.progress = self.target.with_name(self.target.name + ".progress")
        self.errors_path = errors
        self.per_document = per_document
        self.recorded = Recorded()
        self._out_end = self._err_end = 0
        self._out = -1
        self._err: int | None = None
        self.target.parent.mkdir(parents=True, exist_ok=True)
        resuming = resume and os.path.lexists(self.progress)
        if resume and not resuming and (os.path.lexists(self.target) or os.path.lexists(self.part)):
            raise ResumeError(f"{self.progress} is missing, so {self.target} cannot be resumed; run without --resume")
        if not resume and not force:
            refuse_overwrite(target, errors)
        # the progress log is the run's lock: taken before anything is truncated, held until the end
        made = not os.path.lexists(self.progress)
        self._log = open_own(self.progress, os.O_RDWR | os.O_CREAT, "progress log")
        try:
            _lock(self._log, self.target)
            self._out = self._reopen() if resuming else self._start()
        except BaseException:
            self.close()
            if made:  # a run refused at its start leaves nothing behind
                with contextlib.suppress(OSError):
                    os.unlink(self.progress)
            raise

    # --- starting and resuming ---------------------------------------------------------------------

    def _start(self) -> int:
        """Empty output and progress log (the header only); an old errors file goes (--force)."""
        out = open_own(self.part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, "output")
        os.ftruncate(self._log, 0)
        header: dict[str, Any] = {
            "extractor_progress": PROGRESS_VERSION,
            "per_document": self.per_document,
            "errors": self.errors_path,
        }
        if self.fx_rates is not None:
            header["fx_rates"] = self.fx_rates
        _write_all(self._log, _encoded(json.dumps(header) + "\n"))
        if self.errors_path and os.path.lexists(self.errors_path):
            os.unlink(self.errors_path)  # --force: a stale list from an earlier run; made again at the first failure
        return out

    def _reopen(self) -> int:
        """The output of the run being resumed, cut back to what its progress log records."""
        if not os.path.lexists(self.part):
            if not os.path.lexists(self.target):
                raise ResumeError(f"neither {self.target} nor {self.part} exists beside {self.progress}")
            if os.path.islink(self.target):
                raise OutputError(f"{self.target}: is a symbolic link; refusing to resume through it")
            os.replace(self.target, self.part)  # a finished run: continue it with new or changed articles
        header, entries, valid_end = _read_progress(self._log, self.progress)
        if header.get("per_document") != self.per_document:
            mode = "--per-document" if header.get("per_document") else "one event per line"
            raise ResumeError(f"{self.target} was written with {mode}; resume it the same way")
        self._check_rates(header.get("fx_rates"))
        last = entries[-1] if entries else {"out": 0, "err": 0}
        self._out_end, self._err_end = int(last["out"]), int(last.get("err", 0))
        out = open_own(self.part, os.O_WRONLY | os.O_APPEND, "output")
        _truncate(out, self.part, self._out_end, "output")
        if self.errors_path and os.path.lexists(self.errors_path):
            self._err = open_own(self.errors_path, os.O_WRONLY | os.O_APPEND, "errors file")
            _truncate(self._err, Path(self.errors_path), self._err_end, "errors")
        elif self._err_end:
            raise ResumeError(f"the errors file {self.errors_path} of the interrupted run is missing")
        os.ftruncate(self._log, valid_end)
        os.lseek(self._log, 0, os.SEEK_END)
        for entry in entries:
            digest = entry.get("hash")
            self.recorded.done[(entry["doc_id"], int(entry.get("n", 1)))] = digest
            if entry.get("status") == "failed":
                self.recorded.failed += 1
            elif digest:
                self.recorded.first.setdefault(digest, entry["doc_id"])
        return out

    def _check_rates(self, earlier: dict[str, str] | None) -> None:
        """Refuse to resume with other exchange rates than the run being resumed (no record: the bundled table)."""
        now = self.fx_rates
        if now is None:
            return
        if earlier is None:
            if now["name"] == BUNDLED:
                return
            earlier = {"name": BUNDLED}
        elif earlier.get("sha256") == now["sha256"]:
            return
        if earlier["name"] == now["name"]:
            raise ResumeError(
                f"{self.target} was converted with exchange rates from {describe_rates(earlier)}, which has changed since "
                f"(now {describe_rates(now)}); resume with the same rates, or write a new output without --resume"
            )
        raise ResumeError(
            f"{self.target} was converted with exchange rates from {describe_rates(earlier)}, not {describe_rates(now)}; "
            "resume with the same --fx-rates, or write a new output without --resume"
        )

    # --- writing ------------------------------------------------------------------------------------

    def commit(
        self,
        doc_id: str,
        content_hash: str | None,
        lines: list[str],
        error: str | None,
        status: str,
        occurrence: int = 1,
    ) -> None:
        """Write an article's lines, then its errors line, then the progress line that makes them count."""
        if lines:
            self._out_end += _write_all(self._out, _encoded("".join(line + "\n" for line in lines)))
        if error is not None and self.errors_path:
            if self._err is None:
                self._err = open_own(
                    self.errors_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_TRUNC, "errors file"
                )
            self._err_end += _write_all(self._err, _encoded(error + "\n"))
        entry: dict[str, object] = {"doc_id": doc_id, "hash": content_hash, "status": status}
        if occurrence > 1:
            entry["n"] = occurrence
        entry |= {"out": self._out_end, "err": self._err_end}
        _write_all(self._log, _encoded(json.dumps(entry, ensure_ascii=False) + "\n"))

    def finish(self) -> None:
        """Make the output durable and move it into place."""
        os.fsync(self._out)
        if self._err is not None:
            os.fsync(self._err)
        os.fsync(self._log)
        self.close()
        os.replace(self.part, self.target)

    def close(self) -> None:
        """Release the files, leaving `.part` and `.progress` for --resume."""
        for fd in (self._out, self._log, self._err):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._out = self._log = -1
        self._err = None


def _encoded(text: str) -> bytes:
    """UTF-8 bytes of output text; a character UTF-8 cannot hold (a lone surrogate) becomes its JSON escape."""
    return text.encode("utf-8", "backslashreplace")


def _write_all(fd: int, data: bytes) -> int:
    """Write every byte (a single call for all but huge writes); the number written."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    return len(data)


def _lock(fd: int, target: Path) -> None:
    """Hold an exclusive lock on the run's progress log, or say which output another run is writing."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputError(
            f"{target}: another extractor run is writing this output; wait for it to end or choose another --output"
        ) from None


def _truncate(fd: int, path: Path, size: int, what: str) -> None:
    actual = os.fstat(fd).st_size
    if actual < size:
        raise ResumeError(
            f"{path} is shorter ({actual} bytes) than the progress log says ({size}); the {what} was changed"
        )
    os.ftruncate(fd, size)


def _read_progress(fd: int, path: Path) -> tuple[dict[str, Any], list[dict[str, Any]], int]:
    """The header, the complete entries, and the byte offset where the last complete entry ends."""
    header: dict[str, Any] | None = None
    entries: list[dict[str, Any]] = []
    valid_end = 0
    with os.fdopen(os.dup(fd), "rb") as fh:
        fh.seek(0)
        for raw in fh:
            if not raw.endswith(b"\n"):
                break  # a line cut short by the kill
            try:
                item = json.loads(raw)
            except ValueError:
                break
            if header is None:
                if not isinstance(item, dict) or item.get("extractor_progress") != PROGRESS_VERSION:
                    raise ResumeError(f"{path} is not a progress log of this version of extractor")
                header = item
            else:
                entries.append(item)
            valid_end += len(raw)
    if header is None:
        raise ResumeError(f"{path} is empty or damaged")
    return header, entries, valid_end


def open_sink(
    target: str,
    errors: str | None,
    per_document: bool,
    resume: bool,
    force: bool = False,
    fx_rates: dict[str, str] | None = None,
) -> StreamSink | FileSink:
    """The sink for `--output` ('-' for standard output); existing files are kept unless `force`.

    `fx_rates` names the run's exchange-rate table (FxTable.identity()): a run is resumed only with the same one.
    """
    if target == "-":
        if resume:
            raise ResumeError("--resume needs --output FILE: standard output cannot be resumed")
        if errors and not force:
            refuse_existing(errors, "errors file")
        return StreamSink(sys.stdout, errors)
    return FileSink(target, errors, per_document, resume, force, fx_rates)
