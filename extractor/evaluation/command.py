"""`extractor eval`: score predictions (a file, or articles extracted on the spot) against a gold file."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from extractor.evaluation import calibration
from extractor.evaluation.compare import doc_key
from extractor.evaluation.figures import summarize
from extractor.evaluation.loading import EvaluationInputError, load_gold, load_predictions
from extractor.evaluation.matching import pair_documents
from extractor.evaluation.report import as_json, below, documents, text_lines
from extractor.io.inputs import one_line
from extractor.nlp import ModelNotFound

EXIT_OK, EXIT_BELOW, EXIT_BAD_INPUT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class EvalRequest:
    """What `extractor eval` was asked: the gold, where predictions come from, what to print, the thresholds."""

    gold: str
    pred: str | None = None
    articles: str | None = None
    model: str | None = None
    jobs: int = 1
    show: bool = False
    json: bool = False
    min_f1: float | None = None
    min_slots: float | None = None
    calibration: bool = False


def _say(message: str) -> None:
    print(f"extractor: {one_line(message)}", file=sys.stderr)


def _predictions(request: EvalRequest) -> list[dict[str, object]]:
    if request.pred is not None:
        return load_predictions(request.pred)
    from extractor.evaluation.predict import extract_events

    assert request.articles is not None  # the command line asks for one of --pred and --articles
    made = extract_events([request.articles], request.model, request.jobs, lambda m: _say(f"model {m}"))
    for error in made.failed:
        _say(f"{error} (scored as an article without events)")
    return made.events


def run(request: EvalRequest) -> int:
    """Print the figures (and the listing, with `show`); 1 when an overall figure is below its threshold, 2 for bad input."""
    if request.articles is not None and not _exists(request.articles):
        _say(f"--articles {request.articles}: no such file or folder")
        return EXIT_BAD_INPUT
    try:
        gold = load_gold(request.gold)
        predicted = _predictions(request)
    except (EvaluationInputError, ModelNotFound) as err:
        _say(f"error: {err}")
        return EXIT_BAD_INPUT
    if predicted and not {doc_key(e["doc_id"]) for e in predicted} & {doc_key(g["doc_id"]) for g in gold}:
        _say("note: no prediction is of a document the gold names (doc_ids are compared by their last path part)")
    pairings = pair_documents(gold, predicted)
    summary = summarize(pairings)
    short = below(summary, request.min_f1, request.min_slots)
    docs = documents(pairings) if request.show else None
    found = calibration.outcomes(pairings) if request.calibration else None
    if request.json:
        thresholds = {"min_f1": request.min_f1, "min_slots": request.min_slots, "below": short}
        print(as_json(summary, thresholds, docs, calibration.as_dict(found) if found is not None else None))
    else:
        print("\n".join([*text_lines(summary, docs), *(calibration.text_lines(found) if found is not None else [])]))
    if short:
        _say(f"below the threshold: {'; '.join(short)}")
        return EXIT_BELOW
    return EXIT_OK


def _exists(path: str) -> bool:
    return path == "-" or Path(path).exists()
