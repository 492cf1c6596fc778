"""A computed-once attribute without the lock `functools.cached_property` takes on Python 3.11."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class lazy(Generic[T]):
    """Like `functools.cached_property`: computed on first read, then stored in the instance's `__dict__`.

    Later reads find the stored value before the descriptor, so they cost a plain attribute read.
    Delete the attribute (`del obj.name` or `obj.__dict__.pop(name)`) to have it computed again.
    Not thread-safe: two threads may both compute the value, and one result wins.
    """

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> lazy[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> T | lazy[T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value
