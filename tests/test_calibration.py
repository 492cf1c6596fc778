"""Confidence as a probability: the logistic model, its table, and the reliability table `extractor eval` prints."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, write

from extractor.evaluation.calibration import Bin, ece, high_confidence, reliability


@pytest.mark.parametrize(
    "found, bins, expected_ece",
    [
        ([(0.95, True), (0.95, True)], [Bin(0.9, 1.0, 2, 0.95, 1.0)], 0.05),
        ([(0.55, True), (0.55, False)], [Bin(0.5, 0.6, 2, 0.55, 0.5)], 0.05),
        (
            [(0.15, False), (0.85, True), (0.85, True), (0.85, False)],
            [Bin(0.1, 0.2, 1, 0.15, 0.0), Bin(0.8, 0.9, 3, 0.85, 2 / 3)],
            (0.15 + 3 * abs(2 / 3 - 0.85)) / 4,
        ),
        ([(1.0, True)], [Bin(0.9, 1.0, 1, 1.0, 1.0)], 0.0),  # a confidence of 1 falls in the top bin
        ([], [], 0.0),
    ],
)
def test_reliability_bins_and_expected_calibration_error(found, bins, expected_ece):
    table = reliability(found)
    assert [(b.low, b.high, b.count) for b in table] == [(b.low, b.high, b.count) for b in bins]
    for got, want in zip(table, bins):
        assert got.confidence == pytest.approx(want.confidence) and got.right == pytest.approx(want.right)
    assert ece(table) == pytest.approx(expected_ece)


def test_high_confidence_share():
    assert high_confidence([(0.95, True), (0.91, False), (0.5, True)]) == (2, 0.5)


def test_confidence_rises_with_support_and_stays_a_probability():
    from extractor.events.confidence import CEILING, FLOOR, probability

    weak = probability({"type:deal": 1.0, "signals": 1 / 8, "mentions": 0.69})
    strong = probability({"type:deal": 1.0, "signals": 1.0, "mentions": 2.0, "filled:deal": 1.0, "dated": 1.0})
    assert FLOOR <= weak < strong <= CEILING


@pytest.mark.parametrize(
    "weights, unknown",
    [
        ({"signals": 0.2, "type:deal": 0.3, "filled:etf_move": 0.1}, None),
        ({"signal": 0.2}, "signal"),
        ({"type:merger": 0.2}, "type:merger"),
        ({"filled:": 0.2}, "filled:"),
    ],
)
def test_the_confidence_table_names_only_known_signals(weights, unknown):
    from extractor.datafiles import TableError
    from extractor.events.confidence import checked_signals

    if unknown is None:
        checked_signals(weights)
    else:
        with pytest.raises(TableError, match=f"confidence.json: key 'weights': unknown signal.*'{unknown}'"):
            checked_signals(weights)


def test_every_signal_an_event_gets_is_known_and_the_shipped_table_names_only_those():
    import extractor
    from extractor.events.confidence import _coefficients, known_signals

    names = {
        name
        for path in sorted((FIXTURES / "articles").glob("*.txt"))
        for event in extractor.extract(path.read_text())
        for name in event._signals
    }
    assert {"type:policy_change", "type:deal", "filled:etf_move", "position"} <= names <= known_signals()
    assert set(_coefficients()["weights"]) <= known_signals()


def test_eval_prints_the_reliability_table_on_request(cli, tmp_path):
    gold = write(
        tmp_path,
        "gold.jsonl",
        json.dumps({"doc_id": "a.txt", "event_type": "etf_move", "etf_code": "159567", "change_pct": 3.72}) + "\n",
    )
    pred = write(
        tmp_path,
        "pred.jsonl",
        "".join(
            json.dumps(
                {"doc_id": "a.txt", "event_type": "etf_move", "etf_code": code, "change_pct": 3.72, "confidence": c}
            )
            + "\n"
            for code, c in (("159567", 0.93), ("512010", 0.41))
        ),
    )
    status, out, _ = cli("eval", "--gold", gold, "--pred", pred, "--calibration")
    assert status == 0
    assert "calibration: ECE" in out and "0.9-1.0" in out and "0.4-0.5" in out
    status, out, _ = cli("eval", "--gold", gold, "--pred", pred, "--calibration", "--json")
    report = json.loads(out)["calibration"]
    assert report["predictions"] == 2 and report["at_least_0.9"] == {"predictions": 1, "right": 1.0}
    assert report["ece"] == pytest.approx((0.07 + 0.41) / 2)


@pytest.mark.parametrize(
    "confidences, at_most",
    [
        ([1.0] * 50, 0.0),  # certain predictions: always right, no gap
        ([0.99] * 1000, 0.02),  # many predictions near certain: a small gap
        ([0.55] * 1000, 0.05),  # many middling predictions: the share right stays near 0.55
    ],
)
def test_the_ece_a_calibrated_model_shows_by_chance_shrinks_with_more_predictions(confidences, at_most):
    from extractor.evaluation.calibration import chance_ece

    median, high = chance_ece(confidences)
    assert 0.0 <= median <= high <= at_most


def test_few_middling_predictions_show_a_large_ece_even_when_calibrated():
    from extractor.evaluation.calibration import chance_ece

    few, many = chance_ece([0.55] * 20), chance_ece([0.55] * 2000)
    assert few[0] > 0.05 > many[1]
    assert chance_ece([0.55] * 20) == few  # reproducible: a fixed seed
