"""A CPU-time budget per article: a text that would take minutes is reported as `timeout`, not waited for."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: default for --article-timeout: seconds of CPU time one article may take (a long real article takes well under one)
DEFAULT_ARTICLE_TIMEOUT = 10.0


class ArticleTimeout(TimeoutError):
    """An article (or a group of articles) that used up its CPU-time budget."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout inside the block once the process has spent `seconds` of CPU time in it.

    Uses the profiling timer (CPU time, so a busy machine does not cut articles short) and works only in
    the main thread of a process, which is where batches extract; elsewhere, or for 0, there is no limit.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    armed = True

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed:  # a signal that arrives while the block is being left is ignored
            raise ArticleTimeout(f"used more than {seconds:g} s of CPU time (--article-timeout)")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
