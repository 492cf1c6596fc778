"""The candidate filter of earnings previews: the signals it reads of a draft, and what it keeps."""

from __future__ import annotations

import datetime as dt

import pytest
from readers import previews

from extractor.datafiles import TableError, checked
from extractor.events.draft import Draft
from extractor.events.earnings_preview import candidates
from extractor.events.earnings_preview.recognizer import EarningsRecognizer
from extractor.events.earnings_preview.words import CandidateModel
from extractor.facts.analysis import ArticleView

PERIODS = [
    # no period read
    (None, "2024-07-10", None, {"period_none"}),
    # a half closed ten days before: closed, and recently
    ("H1 2024", "2024-07-10", None, {"period_closed", "closed_days"}),
    # a year still running
    ("FY2024", "2024-07-10", None, {"period_open"}),
    # a year closed long before: the history of a company
    ("FY2014", "2016-10-18", None, {"period_closed", "closed_days", "stale"}),
    # a part of a fiscal year to March: closed at the end of September
    ("H1 FY2024/25", "2024-11-28", 3, {"period_closed", "closed_days"}),
    ("H2 FY2024/25", "2024-11-28", 3, {"period_open"}),
    # a fiscal part of a company whose year the gazetteer does not know: no close to read
    ("H1 FY2024/25", "2024-11-28", None, set()),
]


@pytest.mark.parametrize("period, published, close, expected", PERIODS, ids=[f"{p[0]} ({p[2]})" for p in PERIODS])
def test_a_period_is_read_against_the_publication_day(
    period: str | None, published: str, close: int | None, expected: set[str]
) -> None:
    signals = candidates._period_signals(period, dt.date.fromisoformat(published), close)
    assert {name for name, value in signals.items() if value} == expected


def _signals(extractor, monkeypatch: pytest.MonkeyPatch, text: str, published: str) -> list[dict[str, float]]:
    seen: list[dict[str, float]] = []

    def record(view: ArticleView, drafts: list[Draft]) -> list[Draft]:
        seen.extend(candidates.features(view, d) for d in drafts)
        return drafts

    monkeypatch.setattr(EarningsRecognizer, "filter", staticmethod(record))
    extractor.extract(text, published=published)
    return seen


SIGNALS = [
    # a word of a preview and a range, the company named in the sentence
    (
        "Harbor Foods Holdings expects first-half net profit to rise 30% to 40%.",
        "2024-07-10",
        {"cue", "inexact", "company_in_sentence"},
        {"reported", "estimates", "company_none"},
    ),
    # a verb of a report and an exact figure
    (
        "Harbor Foods Holdings reported a net profit of HK$1.2 billion for the first half of 2024.",
        "2024-07-10",
        {"reported", "company_in_sentence"},
        {"cue", "inexact"},
    ),
    # figures with no company named, in an article that names one elsewhere
    (
        "Net profit for the first half is expected to rise 30% to 40%, the statement said.\n\n"
        "A rival, Harbor Foods Holdings, reports next week.",
        "2024-07-10",
        {"company_none", "cue"},
        {"company_in_sentence"},
    ),
    # an article that names no company at all is one company's own notice: no name is no doubt
    (
        "Net profit for the first half is expected to rise 30% to 40%, the statement said.",
        "2024-07-10",
        {"cue"},
        {"company_none", "company_in_sentence"},
    ),
]


@pytest.mark.parametrize("text, published, present, absent", SIGNALS, ids=[s[0][:40] for s in SIGNALS])
def test_the_signals_of_a_draft(
    extractor, monkeypatch: pytest.MonkeyPatch, text: str, published: str, present: set[str], absent: set[str]
) -> None:
    [signals] = _signals(extractor, monkeypatch, text, published)
    on = {name for name, value in signals.items() if value}
    assert present <= on and not absent & on


KEPT = [
    # a company's own preview, named in its sentence: kept
    (
        "Harbor Foods Holdings expects first-half net profit to rise 30% to 40%.",
        "2024-07-10",
        [("Harbor Foods Holdings", "H1 2024")],
    ),
    # figures reported with neither a company nor a period named: no preview of anyone's
    ("Revenue rose 12% to $40 million in the quarter, the firm reported.", "2019-06-03", []),
]


@pytest.mark.parametrize("text, published, expected", KEPT, ids=["own preview", "nobody's figures"])
def test_what_the_candidate_model_keeps(extractor, text: str, published: str, expected) -> None:
    assert previews(extractor, text, published) == expected


@pytest.mark.parametrize(
    "change, key",
    [
        (lambda d: d.update(threshold=1.5), "threshold"),
        (lambda d: d.pop("weights"), "weights"),
        (lambda d: d["weights"].update(cue="high"), "weights.cue"),
    ],
    ids=["threshold above 1", "no weights", "a weight not a number"],
)
def test_a_bad_candidate_table_is_named_with_its_key(change, key: str) -> None:
    data = {"fitted_on": "b01", "intercept": 0.0, "weights": {"cue": 1.0}, "threshold": 0.5}
    change(data)
    with pytest.raises(TableError, match=key.replace(".", r"\.")):
        checked(data, CandidateModel, "candidates.json")
