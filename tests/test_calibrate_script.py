"""corpus/calibrate.py: the confidence fit and its rescaling on blind events (the script's pure parts)."""

from __future__ import annotations

import math
from pathlib import Path
from types import ModuleType

import pytest
from readers import load_script

SCRIPT = Path(__file__).resolve().parent.parent / "corpus" / "calibrate.py"


@pytest.fixture(scope="module")
def calibrate() -> ModuleType:
    return load_script(SCRIPT, "corpus_calibrate")


def _events(calibrate: ModuleType, batch: str, strong_right: int, weak_right: int, n: int = 50) -> list:
    """n events with a strong signal and n with a weak one, the given numbers of each right."""
    strong = [calibrate.Sample(batch, {"signals": 1.0}, k < strong_right, 0.0) for k in range(n)]
    weak = [calibrate.Sample(batch, {"signals": 0.0}, k < weak_right, 0.0) for k in range(n)]
    return strong + weak


def _probability(calibrate: ModuleType, intercept: float, weights: dict, signals: dict) -> float:
    return 1 / (1 + math.exp(-calibrate.logit(intercept, weights, signals)))


def test_the_fit_learns_the_share_right_of_each_signal(calibrate):
    intercept, weights = calibrate.fit(_events(calibrate, "b01", 45, 25), l2=0.0)
    assert _probability(calibrate, intercept, weights, {"signals": 1.0}) == pytest.approx(0.90, abs=0.01)
    assert _probability(calibrate, intercept, weights, {"signals": 0.0}) == pytest.approx(0.50, abs=0.01)


@pytest.mark.parametrize(
    ("blind_strong", "blind_weak", "lower"),
    [
        (35, 10, True),  # new text: right less often than on the development batches -> lower confidences
        (45, 25, False),  # the same shares as on the development batches -> unchanged
    ],
)
def test_blind_events_rescale_the_fit_to_new_text(calibrate, blind_strong, blind_weak, lower):
    dev = _events(calibrate, "b01", 45, 25)
    intercept, weights = calibrate.fit(dev, l2=0.0)
    blind = _events(calibrate, "b02", blind_strong, blind_weak)
    rescaled = calibrate.scaled(intercept, weights, calibrate.recalibration(dev, blind, 0.0, intercept, weights))
    for signals, share in (({"signals": 1.0}, blind_strong / 50), ({"signals": 0.0}, blind_weak / 50)):
        assert _probability(calibrate, *rescaled, signals) == pytest.approx(share, abs=0.02)
    before = _probability(calibrate, intercept, weights, {"signals": 0.0})
    assert (_probability(calibrate, *rescaled, {"signals": 0.0}) < before - 0.1) is lower


def _built(calibrate: ModuleType, events: list, build: str) -> list:
    return [s._replace(build=build) for s in events]


@pytest.mark.parametrize(
    ("half_life", "weights"),
    [
        (0.0, [1.0, 1.0, 1.0]),  # every build's blind events count alike
        (1.0, [0.25, 0.5, 1.0]),  # halved for each later build
        (2.0, [0.5, 0.7071, 1.0]),
    ],
)
def test_later_builds_blind_events_count_more(calibrate, half_life, weights):
    blind = [calibrate.Sample(b, {}, True, 0.0, build) for b, build in (("b03", "c3"), ("b01", "c1"), ("b02", "c2"))]
    assert calibrate.recency(blind, half_life) == pytest.approx([weights[2], weights[0], weights[1]], abs=1e-4)


def test_the_rescaling_follows_the_latest_builds_more_than_older_ones(calibrate):
    dev = _events(calibrate, "b01", 45, 25)
    intercept, weights = calibrate.fit(dev, l2=0.0)
    older = _built(calibrate, _events(calibrate, "b02", 30, 5), "old")  # an older build, right less often
    newer = _built(calibrate, _events(calibrate, "b03", 45, 25), "new")  # the latest build, as on development
    blind = older + newer
    weak = {"signals": 0.0}
    alike = calibrate.scaled(intercept, weights, calibrate.recalibration(dev, blind, 0.0, intercept, weights, 0.0))
    recent = calibrate.scaled(intercept, weights, calibrate.recalibration(dev, blind, 0.0, intercept, weights, 1.0))
    assert _probability(calibrate, *alike, weak) == pytest.approx(0.30, abs=0.02)  # the two builds pooled
    assert _probability(calibrate, *alike, weak) < _probability(calibrate, *recent, weak) < 0.50


def test_without_blind_events_the_rescaling_falls_back_to_batches_left_out(calibrate):
    dev = _events(calibrate, "b01", 45, 25) + _events(calibrate, "b02", 45, 25)
    intercept, weights = calibrate.fit(dev, l2=0.0)
    scale, shift, by_type = calibrate.recalibration(dev, [], 0.0, intercept, weights)
    assert scale == pytest.approx(1.0, abs=0.05)
    assert shift == pytest.approx(0.0, abs=0.05)
    assert by_type == {}


def _typed(calibrate: ModuleType, batch: str, kind: str, strong_right: int, weak_right: int) -> list:
    """50 events of one type with a strong signal and 50 with a weak one, the given numbers of each right."""
    events = _events(calibrate, batch, strong_right, weak_right)
    return [s._replace(signals={**s.signals, f"type:{kind}": 1.0}) for s in events]


def _mean_probability(calibrate: ModuleType, coefficients: tuple, events: list) -> float:
    return sum(_probability(calibrate, *coefficients, s.signals) for s in events) / len(events)


@pytest.mark.parametrize(
    ("type_l2", "own_share"),
    [
        (0.0, False),  # one shift for all: the deals, right less often on new text, are scored too high
        (1e-3, True),  # a shift per type, barely held back: each type's mean confidence is its share right
        (1e6, False),  # held back hard: back to the common shift
    ],
)
def test_each_type_may_get_a_shift_of_its_own_on_new_text(calibrate, type_l2, own_share):
    dev = _typed(calibrate, "b01", "deal", 45, 25) + _typed(calibrate, "b01", "etf_move", 45, 25)
    intercept, weights = calibrate.fit(dev, l2=1.0)
    deals = _typed(calibrate, "b02", "deal", 30, 10)
    funds = _typed(calibrate, "b02", "etf_move", 45, 25)
    rescaling = calibrate.recalibration(dev, deals + funds, 1.0, intercept, weights, type_l2=type_l2)
    rescaled = calibrate.scaled(intercept, weights, rescaling)
    for events, share in ((deals, 0.40), (funds, 0.70)):
        assert (abs(_mean_probability(calibrate, rescaled, events) - share) < 0.01) is own_share


@pytest.fixture(scope="module")
def fit_candidates(calibrate: ModuleType) -> ModuleType:
    return load_script(SCRIPT.parent / "fit_candidates.py", "corpus_fit_candidates")


def test_the_candidate_threshold_drops_the_drafts_that_batches_left_out_say_are_wrong(calibrate, fit_candidates):
    # the candidate script fits with calibrate's regression: weak drafts are mostly wrong in every batch
    drafts = _events(calibrate, "b01", 48, 5) + _events(calibrate, "b02", 48, 5)
    threshold, _, dropped, right_dropped = fit_candidates.best_threshold(calibrate.out_of_batch(drafts, 1.0), 0.7)
    assert 0.1 < threshold < 0.9
    assert dropped >= 90 and right_dropped <= 10


def _marked(calibrate: ModuleType, batch: str, home: float, strong_right: int, weak_right: int) -> list:
    """100 deals (see _typed) whose articles are (home=1) or are not (home=0) about the Hong Kong and mainland markets."""
    return [
        s._replace(signals={**s.signals, "greater_china": home})
        for s in _typed(calibrate, batch, "deal", strong_right, weak_right)
    ]


@pytest.mark.parametrize(("type_l2", "own_share"), [(1e-3, True), (1e6, False)])
def test_a_carry_over_signal_gets_a_shift_of_its_own_on_new_text(calibrate, type_l2, own_share):
    # on the development batches the rules fit both markets alike; on new text other markets' events are right less
    dev = _marked(calibrate, "b01", 1.0, 45, 25) + _marked(calibrate, "b01", 0.0, 45, 25)
    intercept, weights = calibrate.fit(dev, l2=1.0)
    home, away = _marked(calibrate, "b02", 1.0, 45, 25), _marked(calibrate, "b02", 0.0, 30, 10)
    rescaling = calibrate.recalibration(dev, home + away, 1.0, intercept, weights, type_l2=type_l2)
    rescaled = calibrate.scaled(intercept, weights, rescaling)
    for events, share in ((home, 0.70), (away, 0.40)):
        assert (abs(_mean_probability(calibrate, rescaled, events) - share) < 0.01) is own_share
