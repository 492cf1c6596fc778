"""A CPU-time budget per article: a text that would take minutes is reported as `timeout`, not waited for."""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: default for --article-timeout: seconds of CPU time one article may take (a long real article takes well under one)
DEFAULT_ARTICLE_TIMEOUT = 10.0


class ArticleTimeout(TimeoutError):
    """An article (or a group of articles) that used up its CPU-time budget."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout inside the block once its thread has spent `seconds` of CPU time in it.

    In the main thread of a process (where local batches extract) this is the profiling timer (CPU time, so a
    busy machine does not cut articles short). In another thread (a Dask worker runs its tasks in a thread
    pool) a watchdog thread reads the thread's own CPU clock and raises the exception in it. Where neither
    is available, or for 0, there is no limit.
    """
    if seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _profiling_timer(seconds):
            yield
    elif hasattr(time, "pthread_getcpuclockid"):
        with _watchdog(seconds):
            yield
    else:
        yield


def _message(seconds: float) -> str:
    return f"used more than {seconds:g} s of CPU time (--article-timeout)"


@contextmanager
def _profiling_timer(seconds: float) -> Iterator[None]:
    armed = True

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed:  # a signal that arrives while the block is being left is ignored
            raise ArticleTimeout(_message(seconds))

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """The budget of a thread other than the main one: a watchdog polls its CPU clock and interrupts it.

    The exception is raised in the thread with PyThreadState_SetAsyncExc, which (like a signal handler)
    takes effect between two bytecodes. The watchdog reads the clock only while the block runs (under
    `lock`), and a raise still pending when the block ends is withdrawn.
    """
    ident = threading.get_ident()
    clock = time.pthread_getcpuclockid(ident)
    start = time.clock_gettime(clock)
    message = _message(seconds)

    class Expired(ArticleTimeout):
        def __init__(self, *args: object) -> None:
            super().__init__(message)  # raised by type, without arguments

    lock = threading.Lock()
    left = threading.Event()
    state = {"armed": True, "fired": False}

    def watch() -> None:
        wait = seconds  # CPU time never runs faster than the wall clock
        while not left.wait(wait):
            with lock:
                if not state["armed"]:
                    return
                used = time.clock_gettime(clock) - start
                if used >= seconds:
                    state["fired"] = True
                    _raise_in(ident, Expired)
                    return
            wait = max(seconds - used, 0.01)

    threading.Thread(target=watch, name="extractor-cpu-budget", daemon=True).start()
    try:
        yield
    finally:
        left.set()
        with lock:
            state["armed"] = False
            if state["fired"]:
                _raise_in(ident, None)  # withdraw a raise not yet delivered


def _raise_in(ident: int, exception: type[BaseException] | None) -> None:
    """Raise `exception` in thread `ident` at its next bytecode (None: withdraw one pending)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(exception) if exception is not None else None
    )
