"""The errors the library raises to its users, importable without loading the model."""

from __future__ import annotations


class ExtractionError(ValueError):
    """An article that cannot be extracted (empty text, a bad publication date, a pattern out of time)."""
