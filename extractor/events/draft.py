"""A draft event: what a recognizer read from some sentences, before merging and validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from extractor.facts.analysis import ArticleView


@dataclass
class Draft:
    """An event as read from one or more sentences, before merging and validation."""

    event_type: str
    fields: dict[str, Any]
    sentences: list[int]
    date: str | None = None
    headline: bool = False
    keys: set[str] = field(default_factory=set)
    signals: int = 1  # how many cues supported it; feeds the confidence
    subject: Any = None  # what the event is about as found (a company's OrgRef), for follow-up sentences

    def fill(self, name: str, value: Any) -> None:
        """Set a field unless it already has a value."""
        if value is not None and self.fields.get(name) is None:
            self.fields[name] = value


class Recognizer(Protocol):
    """Reads drafts of one event type from an article."""

    def extract(self, view: ArticleView) -> list[Draft]:
        """Drafts found in the article, in reading order."""
        ...
