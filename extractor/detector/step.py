"""The detector's step: drafts read from the sentences it flags for a type that no rule drafted there."""

from __future__ import annotations

from functools import cache
from typing import Any

from extractor.detector.model import DetectorModel, detector
from extractor.events.draft import Draft
from extractor.events.registry import units
from extractor.events.unit import SentenceReader
from extractor.facts.analysis import ArticleView


@cache
def _readers() -> dict[str, SentenceReader]:
    """The sentence readers of the units that take the detector's flags, by event type."""
    return {u.event_type: u.read_flagged for u in units() if u.read_flagged is not None}


def detected_drafts(
    view: ArticleView, drafts: list[Draft[Any]], model: DetectorModel | None = None
) -> list[Draft[Any]]:
    """Drafts of the sentences the detector (`model`, else the shipped one) flags for a type with a reader, where no
    draft of `drafts` (the rules') of that type was read; each marked `detected`."""
    readers = _readers()
    if not readers:
        return []
    model = model or detector()
    covered = {(d.event_type, i) for d in drafts for i in d.sentences}
    found: list[Draft[Any]] = []
    for s in view.sentences:
        if all((kind, s.index) in covered for kind in readers):
            continue  # every type the detector could open is drafted there already
        for kind in model.flagged(s.text, s.headline):
            reader = readers.get(kind)
            if reader is None or (kind, s.index) in covered:
                continue
            for draft in reader(view, s.index):
                draft.detected = True
                found.append(draft)
                covered.update((kind, i) for i in draft.sentences)
    return found
