"""The trained sentence detector: its features, its weights file, and the step that reads the sentences it flags."""

from __future__ import annotations

import pytest

from extractor.datafiles import TableError, checked, load_json
from extractor.detector import step
from extractor.detector.features import BIAS, features, tokens
from extractor.detector.model import DetectorModel, detector
from extractor.events.registry import units
from extractor.pipeline import Extractor
from extractor.tables import Detector

TOKENS = [
    ("Net profit rose 12.5% in 2024", ["net", "profit", "rose", "<dec>", "%", "in", "<year>"]),
    ("HK$719 million", ["hk", "$", "<num>", "million"]),
    ("The company's 1,250 shares", ["the", "company's", "<num>", "shares"]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", TOKENS, ids=[t[0] or "empty" for t in TOKENS])
def test_tokens_fold_numbers_to_their_kind(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_features_are_words_pairs_a_bias_and_a_headline_mark() -> None:
    found = features("Profit rose 5%", headline=True)
    assert {
        BIAS,
        "w:profit",
        "w:rose",
        "w:<num>",
        "w:%",
        "p:profit rose",
        "p:rose <num>",
        "p:<num> %",
        "headline",
    } == set(found)
    assert "headline" not in features("Profit rose 5%")


def test_the_shipped_weights_load_with_a_threshold_per_registered_type() -> None:
    model = detector()
    assert set(model.types) == {u.event_type for u in units()}
    assert all(t != float("inf") for t in model.thresholds)
    assert BIAS in model.weights
    assert all(len(row) == len(model.types) for row in model.weights.values())


def test_a_weights_file_with_uneven_rows_is_refused() -> None:
    table = dict(load_json("detector.json"))
    table["weights"] = {"bias": [0.0, 0.0], "w:profit": [1.0]}
    with pytest.raises(TableError, match="weights"):
        checked(table, Detector, "detector.json")


def _model(**weights: tuple[float, float]) -> DetectorModel:
    """A detector of two types, deal and earnings_preview, flagging a sentence whose score passes 0."""
    return DetectorModel(("deal", "earnings_preview"), (0.0, 0.0), {"bias": (-1.0, -1.0), **weights})


SCORES = [
    ("Samsung issued its guidance", {"w:guidance": (0.0, 2.0)}, ["earnings_preview"]),
    ("Samsung issued its guidance", {"w:guidance": (0.0, 1.0)}, []),  # 1 - 1 does not pass 0
    ("A merger of equals", {"w:merger": (1.5, 0.0), "p:a merger": (0.5, 0.0)}, ["deal"]),
    ("Nothing here", {"w:merger": (5.0, 5.0)}, []),
]


@pytest.mark.parametrize("text, weights, expected", SCORES, ids=[f"{s[0]} {sorted(s[1])}" for s in SCORES])
def test_a_sentence_is_flagged_for_the_types_whose_score_passes_the_threshold(
    text: str, weights: dict[str, tuple[float, float]], expected: list[str]
) -> None:
    assert _model(**weights).flagged(text) == expected


#: weights whose sum in order rounds away from the exact sum: 0.1 + 0.2 - 0.3 is 5.55e-17 summed in order, 2.78e-17
#: exactly; a threshold between the two, or close to an exact sum, is decided by the exact sum
ROUNDING = [
    ((0.1, 0.2, -0.3), 4e-17, False),
    ((0.1, 0.2, -0.3), 2e-17, True),
    ((0.5, 0.25), 0.75, False),  # exactly at the threshold does not pass it
    ((0.5, 0.25), 0.7499999999999999, True),
    ((0.5, 0.25), float("inf"), False),  # no threshold: never flagged
]


@pytest.mark.parametrize(("weights", "threshold", "passes"), ROUNDING)
def test_a_score_near_its_threshold_is_decided_by_the_exact_sum(
    weights: tuple[float, ...], threshold: float, passes: bool
) -> None:
    words = ["alpha", "beta", "gamma"][: len(weights) - 1]
    table = {"bias": (weights[0],), **{f"w:{w}": (x,) for w, x in zip(words, weights[1:])}}
    model = DetectorModel(("deal",), (threshold,), table)
    assert (model.scores(" ".join(words))["deal"] > threshold) is passes
    assert model.flagged(" ".join(words)) == (["deal"] if passes else [])


GUIDANCE = (
    "LG Electronics published its third quarter results on Monday.\n\n"
    "LG Electronics released its earnings guidance for the second quarter of 2019."
)


def test_a_flagged_sentence_no_rule_drafted_is_read_by_the_units_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = Extractor(detect=False)
    assert [e for e in rules.extract(GUIDANCE, published="2019-07-05") if e.event_type == "earnings_preview"] == []
    monkeypatch.setattr(step, "detector", lambda: _model(**{"p:earnings guidance": (0.0, 3.0)}))
    found = [e for e in Extractor().extract(GUIDANCE, published="2019-07-05") if e.event_type == "earnings_preview"]
    assert [(e.company, e.period) for e in found] == [("LG Electronics", "Q2 2019")]
    assert found[0]._signals["detected"] == 1.0


def test_a_sentence_a_rule_drafted_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Harbor Foods Holdings expects first-half net profit to rise 30% to 40%, it said on Monday."
    flags_everything = _model(bias=(5.0, 5.0))
    monkeypatch.setattr(step, "detector", lambda: flags_everything)
    rules = [(e.event_type, e.confidence) for e in Extractor(detect=False).extract(text, published="2024-07-10")]
    both = [(e.event_type, e.confidence) for e in Extractor().extract(text, published="2024-07-10")]
    assert rules == both


FLAGGED_ESTIMATES = [
    # other people's estimates in a flagged sentence are no company's preview
    (
        "A poll of 12 brokerages by Nova Data had forecast that Hanwa Steel would report a third-quarter "
        "operating profit.",
        [],
    ),
    ("Analysts polled by Quant Wire expected Darling Motors to post its first-half results next week.", []),
    # the company's own guidance still is
    ("Hanwa Steel announced its earnings guidance for the third quarter of 2021.", [("Hanwa Steel", "Q3 2021")]),
]


@pytest.mark.parametrize("text, expected", FLAGGED_ESTIMATES, ids=["poll", "analysts polled", "guidance"])
def test_a_flagged_sentence_of_estimates_is_no_preview(
    monkeypatch: pytest.MonkeyPatch, extractor, text: str, expected
) -> None:
    monkeypatch.setattr(step, "detector", lambda: _model(bias=(-5.0, 5.0)))
    found = [(e.company, e.period) for e in extractor.extract(text, published="2021-10-05")]
    assert found == expected


def test_a_flagged_sentence_opened_by_the_company_is_of_the_company_named_before(
    monkeypatch: pytest.MonkeyPatch, extractor
) -> None:
    text = (
        "Tianlu Mining issued a profit warning for the first half on Monday.\n\n"
        "The company also expects higher investment income from Andes Minerals in the first half."
    )
    monkeypatch.setattr(step, "detector", lambda: _model(bias=(-5.0, 5.0)))
    found = {(e.company, e.period) for e in extractor.extract(text, published="2025-07-15")}
    assert found == {("Tianlu Mining", "H1 2025")}
