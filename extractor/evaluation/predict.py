"""Predictions made on the spot: the articles under a path extracted with the batch runner, as `extractor extract` would."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from extractor.io.batch import Options, Runner, Task, mark_duplicate, shards
from extractor.io.inputs import InputError, list_sources


@dataclass(slots=True)
class Predictions:
    """The events extracted from the articles, the articles that failed, and the model that ran."""

    events: list[dict[str, Any]] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    model: str = ""


def extract_events(
    paths: list[str], model: str | None = None, jobs: int = 1, announce: Callable[[str], None] | None = None
) -> Predictions:
    """Extract every article under `paths` in `jobs` workers; an article identical to an earlier one has no events.

    `announce` is called with the model's name once it is loaded. Raises extractor.nlp.ModelNotFound for a model
    that cannot be loaded.
    """
    runner = Runner(Options(model=model), jobs=jobs)
    result = Predictions(model=runner.model_name())
    if announce:
        announce(result.model)
    first: dict[str, str] = {}
    for outcomes in runner.run(shards(Task(source) for source in list_sources(paths))):
        for outcome in outcomes:
            if outcome.error is not None:
                result.failed.append(outcome.error)
            elif outcome.record is not None:
                record, digest = outcome.record, outcome.content_hash
                earlier = first.setdefault(digest, outcome.doc_id) if digest else outcome.doc_id
                if earlier != outcome.doc_id:
                    record = mark_duplicate(record, earlier)
                result.events += record["events"]
    return result
