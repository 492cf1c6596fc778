"""Evidence spans over a text as a tree of marks, properly nested however the spans overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch of the text: [start, end), its id (one per evidence span), CSS class, label and link."""

    start: int
    end: int
    key: str
    css: str
    label: str
    link: str


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text between marks."""

    text: str


@dataclass(slots=True)
class Mark:
    """One element of a span; `first` is False for the pieces a span is cut into where another crosses it."""

    span: Span
    first: bool
    children: list[Text | Mark] = field(default_factory=list)


Node = Text | Mark


class SpanError(ValueError):
    """A span that does not lie within the text."""


def nest(text: str, spans: Sequence[Span]) -> list[Node]:
    """The text as nodes with every span marked: nested spans nest, and a span crossing another's end is cut there.

    Every span gets exactly one element with `first` set (where it starts), so the spans can be counted.
    Spans that start together open the longer first, so that it holds the shorter.
    """
    for span in spans:
        if not 0 <= span.start < span.end <= len(text):
            raise SpanError(f"span {span.key} [{span.start}, {span.end}) is not within the text (0 to {len(text)})")
    opening = sorted(spans, key=lambda s: (s.start, -s.end))
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    root: list[Node] = []
    stack: list[Mark] = []
    next_open = 0
    for at, until in pairwise(bounds):
        _close_at(at, root, stack)
        while next_open < len(opening) and opening[next_open].start == at:
            _open(Mark(opening[next_open], True), root, stack)
            next_open += 1
        (stack[-1].children if stack else root).append(Text(text[at:until]))
    return root


def _open(mark: Mark, root: list[Node], stack: list[Mark]) -> None:
    (stack[-1].children if stack else root).append(mark)
    stack.append(mark)


def _close_at(at: int, root: list[Node], stack: list[Mark]) -> None:
    """Close the marks whose span ends at `at`; those opened inside them that go on are opened again after."""
    ending = [i for i, mark in enumerate(stack) if mark.span.end == at]
    if not ending:
        return
    going_on = sorted((m.span for m in stack[ending[0] :] if m.span.end != at), key=lambda s: -s.end)
    del stack[ending[0] :]
    for span in going_on:
        _open(Mark(span, False), root, stack)
