"""Results of pure sentence-level finders, remembered across articles.

News repeats whole sentences: boilerplate, disclaimers, wire copy, the same paragraph in several stories of a day.
Finding a sentence's amounts, dates, names or funds costs far more than looking the sentence up, so the finders
whose result depends on their arguments alone keep their results for the sentences they read last.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: distinct arguments remembered per finder (the least recently used are forgotten first)
REMEMBERED = 8192


def remembered(func: Callable[P, list[T]]) -> Callable[P, list[T]]:
    """`func` (pure, with hashable arguments, returning a list of immutable items) with its results remembered for
    the last `REMEMBERED` distinct arguments; each call returns a list of its own, so a caller may change it."""

    @lru_cache(maxsize=REMEMBERED)
    def kept(*args: Hashable, **kwargs: Hashable) -> tuple[T, ...]:
        return tuple(func(*args, **kwargs))  # type: ignore[arg-type]

    @wraps(func)
    def call(*args: P.args, **kwargs: P.kwargs) -> list[T]:
        return list(kept(*args, **kwargs))  # type: ignore[arg-type]

    call.cache_clear = kept.cache_clear  # type: ignore[attr-defined]
    return call


def remember(memo: OrderedDict[K, V], key: K, compute: Callable[[], V], size: int = REMEMBERED) -> V:
    """`memo[key]`, computed by `compute` when missing; as with `remembered`, a memo holding `size` keys forgets the
    least recently used one to take a new key."""
    found = memo.get(key, memo)
    if found is memo:
        found = memo[key] = compute()
        if len(memo) > size:
            memo.popitem(last=False)
    else:
        memo.move_to_end(key)
    return found  # type: ignore[return-value]
