"""The statistical model's matrix products on numpy's OpenBLAS, one thread, in place of blis.

The `ner` component spends most of its time in small matrix products (a window of a few dozen tokens times
layers 96 to 288 wide). thinc hands them to blis, whose wheel runs a generic kernel on CPUs it does not
recognise; numpy's OpenBLAS picks a kernel for the CPU it runs on and was measured about four times faster on
those shapes (the model's windows of b01-b36: 1.83 s of CPU on blis, 1.08 s on OpenBLAS, the same entities). But
OpenBLAS splits a product over threads, which on a small one costs several times the CPU it saves, so the model
uses it only where the number of OpenBLAS threads can be set, and runs it on one thread (`one_thread`).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

#: the names OpenBLAS builds give their thread controls (plain, 64-bit interface, numpy's scipy-openblas)
_CONTROLS = (
    ("openblas_get_num_threads", "openblas_set_num_threads"),
    ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
    ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
    ("scipy_openblas_get_num_threads", "scipy_openblas_set_num_threads"),
)
#: the components whose models run on numpy's products
COMPONENTS = ("ner",)


@dataclass(frozen=True)
class ThreadControl:
    """Reads and sets how many threads the OpenBLAS loaded in this process uses."""

    get: Callable[[], int]
    set: Callable[[int], None]


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries loaded in this process (read from /proc/self/maps; none elsewhere)."""
    try:
        lines = Path("/proc/self/maps").read_text().splitlines()
    except OSError:
        return []
    paths = {line.split(None, 5)[-1] for line in lines if "openblas" in line.rsplit("/", 1)[-1].lower()}
    return sorted(p for p in paths if p.startswith("/"))


@cache
def thread_control() -> ThreadControl | None:
    """The thread control of numpy's OpenBLAS, or None where numpy uses another library or none can be found."""
    import numpy  # noqa: F401  (loads numpy's BLAS, if not loaded yet)

    for path in _loaded_openblas():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for get_name, set_name in _CONTROLS:
            getter, setter = getattr(lib, get_name, None), getattr(lib, set_name, None)
            if getter is not None and setter is not None:
                getter.restype, getter.argtypes = ctypes.c_int, []
                setter.restype, setter.argtypes = None, [ctypes.c_int]
                return ThreadControl(getter, setter)
    return None


@contextmanager
def one_thread() -> Iterator[None]:
    """Run the block with OpenBLAS on one thread (where it can be set), then restore its thread count."""
    control = thread_control()
    if control is None:
        yield
        return
    before = control.get()
    control.set(1)
    try:
        yield
    finally:
        control.set(before)


def use_numpy_products(nlp: Language) -> bool:
    """Run the matrix products of the `COMPONENTS` models through numpy, where OpenBLAS's threads can be set; True
    when done (the model must then run inside `one_thread`)."""
    if thread_control() is None:
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            model = getattr(nlp.get_pipe(name), "model", None)
            for node in model.walk() if model is not None else ():
                node.ops = ops
    return True
