"""The progress bar on a terminal and the summary line at the end of a batch."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO

EVENT_TYPES = ("etf_move", "deal", "policy_change", "earnings_preview")


@dataclass
class Tally:
    """Counts of a batch: articles processed, duplicates, skipped, failed, events per type."""

    processed: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    failed_before: int = 0
    events: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    @property
    def seen(self) -> int:
        """Articles handled so far in this run, whatever became of them."""
        return self.processed + self.duplicates + self.skipped + self.failed

    @property
    def elapsed(self) -> float:
        """Seconds since the batch started."""
        return time.perf_counter() - self.started

    def summary(self) -> str:
        """The final one-line summary."""
        per_type = ", ".join(f"{k} {self.events[k]}" for k in EVENT_TYPES)
        parts = [f"{self.processed} articles", f"{sum(self.events.values())} events ({per_type})"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicates")
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        failed = f"{self.failed + self.failed_before} failed"
        if self.failed_before:
            failed += f" ({self.failed_before} in the earlier run)"
        parts += [failed, f"{self.elapsed:.1f}s"]
        return ", ".join(parts)


class ProgressBar:
    """A one-line progress display redrawn on a terminal at most a few times a second."""

    def __init__(self, stream: IO[str], total: int | None, interval: float = 0.25) -> None:
        self.stream = stream
        self.total = total
        self.interval = interval
        self._last = 0.0
        self._drawn = False

    def update(self, tally: Tally, force: bool = False) -> None:
        """Redraw when enough time has passed (or when forced)."""
        now = time.perf_counter()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        self.stream.write("\r" + self.line(tally) + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def line(self, tally: Tally) -> str:
        """The text of the bar: done/total, rate, events, errors, time left."""
        done, elapsed = tally.seen, tally.elapsed
        rate = done / elapsed if elapsed > 0 else 0.0
        events = sum(tally.events.values())
        head = f"{done:,}"
        eta = ""
        if self.total:
            share = min(done / self.total, 1.0)
            filled = int(share * 20)
            head = f"[{'#' * filled}{'.' * (20 - filled)}] {done:,}/{self.total:,}"
            if rate > 0 and done < self.total:
                left = int((self.total - done) / rate)
                eta = f"  ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}"
        return f"{head} articles  {rate:,.1f}/s  events {events:,}  errors {tally.failed:,}{eta}"

    def close(self) -> None:
        """Clear the bar so the summary starts on a clean line."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
