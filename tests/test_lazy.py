"""extractor.facts.lazy: an attribute computed on first read and stored, like functools.cached_property."""

from __future__ import annotations

from extractor.facts.lazy import lazy


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    @lazy
    def value(self) -> int:
        """One more than the calls so far."""
        self.calls += 1
        return self.calls


def test_computed_once_then_read_from_the_instance():
    c = Counter()
    assert (c.value, c.value, c.calls) == (1, 1, 1)
    assert c.__dict__["value"] == 1


def test_each_instance_has_its_own_value():
    a, b = Counter(), Counter()
    a.calls = 10
    assert (a.value, b.value) == (11, 1)


def test_removing_the_stored_value_computes_it_again():
    c = Counter()
    assert c.value == 1
    c.__dict__.pop("value")
    assert c.value == 2
    del c.value
    assert c.value == 3


def test_the_class_attribute_is_the_descriptor_with_the_docstring():
    assert isinstance(Counter.value, lazy)
    assert Counter.value.__doc__ == "One more than the calls so far."
