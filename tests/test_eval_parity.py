"""`extractor eval` gives the figures of the team's scorer (../shared/eval/score.py) on the same gold and predictions.

Skipped where ../shared is not beside the project (a clone on its own): the rules themselves are specified in
tests/test_eval_rules.py, which needs nothing outside the repository.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluation import load_gold, load_predictions, pair_documents
from extractor.evaluation.figures import summarize

SCORER = SHARED / "eval" / "score.py"
GOLDEN = Path(__file__).parent / "golden"
FIXTURE_GOLD = FIXTURES / "gold" / "fixtures.gold.jsonl"


@pytest.fixture(scope="module")
def team():
    """The team's scorer, imported from ../shared."""
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is not there (no ../shared beside the project): nothing to compare with")
    spec = importlib.util.spec_from_file_location("team_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _golden_predictions() -> list[dict]:
    """The fixtures' predictions as the golden files hold them (the extractor's output less its exchange rates)."""
    return [e for path in sorted(GOLDEN.glob("*.json")) for e in json.loads(path.read_text(encoding="utf-8"))]


def _dump(event: dict) -> str:
    return json.dumps(event, sort_keys=True)


def _write(folder: Path, name: str, rows: list[dict]) -> str:
    path = folder / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def assert_same(team, gold: list[dict], pred: list[dict]) -> None:
    """Same figures per type and overall, and the same gold events missed and predictions left over.

    Both scorers read the same two files, so their reading of the lines is compared too.
    """
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = _write(Path(tmp), "gold.jsonl", gold), _write(Path(tmp), "pred.jsonl", pred)
        per_type, misses, extras = team.score(team.load_jsonl(gold_path), team.load_predictions(pred_path))
        pairings = pair_documents(load_gold(gold_path), load_predictions(pred_path))
    theirs, ours = team.summarize(per_type), summarize(pairings)
    for kind, t in theirs.items():
        o = ours[kind]
        assert (o.gold, o.predicted, o.matched, o.precision, o.recall, o.f1, o.slot_recall) == (
            t["gold"],
            t["predicted_scored"],
            t["matched"],
            t["precision"],
            t["recall"],
            t["f1"],
            t["slot_recall"],
        ), kind
        if "slot_accuracy_on_matched" in t:
            assert o.slot_accuracy == t["slot_accuracy_on_matched"], kind
    assert Counter(_dump(g) for p in pairings for g, _ in p.missed) == Counter(_dump(g) for g in misses)
    assert Counter(_dump(e) for p in pairings for e in p.extra) == Counter(_dump(e) for e in extras)


def _drop_every_third(events: list[dict]) -> list[dict]:
    return [e for i, e in enumerate(events) if i % 3]


def _blur(events: list[dict]) -> list[dict]:
    """Predictions a little off: percentages and amounts nudged, dates moved, a party dropped, codes re-written."""
    out = copy.deepcopy(events)
    for i, e in enumerate(out):
        for key, value in e.items():
            if key.endswith("_pct") and isinstance(value, (int, float)):
                e[key] = value + (0.01, 0.02)[i % 2]
            elif isinstance(value, dict) and isinstance(value.get("value"), (int, float)):
                value["value"] *= (1.004, 1.006, 1)[i % 3]
            elif key == "event_date" and value:
                e[key] = value[:7] if i % 2 else "2020-01-01"
        if e.get("parties"):
            e["parties"] = e["parties"][i % 2 :]
        if e.get("etf_code") and i % 2:
            e["etf_code"] = f"0{e['etf_code']}.SZ"
        for m in e.get("metrics") or []:
            m["metric"] = {"net_profit": "net_income", "revenue": "sales"}.get(m["metric"], m["metric"])
    return out


def _gold_as_predictions(gold: list[dict]) -> list[dict]:
    return [e for e in gold if e["event_type"] != "none"]


CASES = [
    ("golden", _golden_predictions),
    ("golden, every third dropped", lambda: _drop_every_third(_golden_predictions())),
    ("golden, blurred", lambda: _blur(_golden_predictions())),
    ("gold itself", lambda: _gold_as_predictions(load_gold(str(FIXTURE_GOLD)))),
    ("gold, blurred", lambda: _blur(_gold_as_predictions(load_gold(str(FIXTURE_GOLD))))),
    ("as document records", lambda: [{"doc_id": "x/" + e["doc_id"], "events": [e]} for e in _golden_predictions()]),
]


@pytest.mark.parametrize("name, predictions", CASES, ids=[c[0] for c in CASES])
def test_same_figures_as_the_team_scorer_on_the_fixtures(team, name, predictions):
    assert_same(team, load_gold(str(FIXTURE_GOLD)), predictions())


# --- any gold and predictions: generated from small vocabularies, so that many of them pair ---------------

DOCS = ["a.txt", "dir/a.txt", "b.txt"]
NAMES = [
    "Innovent Biologics",
    "Innovent",
    "Eli Lilly",
    "Eli Lilly and Company",
    "WuXi AppTec",
    "WuXi Biologics",
    "Bristol Myers Squibb",
    "BMS",
    "Pfizer Inc.",
    "People's Bank of China",
    "PBOC",
    "State Council",
]
POLICIES = ["reserve requirement ratio cut", "RRR cut", "drug price negotiation rules", "Chapter 18A", "the rules"]
CODES = ["520880", "520880.SH", "159137", "02800", "2800.HK", "NYSEARCA:TLT", "tlt"]
PERIODS = ["FY2025", "H1 2025", "first half of 2025", "Q3 2025", "9M2024", "2025", "FY", None]
METRICS = ["net_profit", "net_income", "revenue", "sales", "eps"]
DATES = ["2026-02-10", "2026-02", "2026-02-11", "2026", None]
NUMBERS = [2.9, 2.91, 2.93, -1.5, 0.0, 12]

money = st.builds(
    lambda v, c: {"value": v, "currency": c},
    st.sampled_from([350e6, 351e6, 353e6, 8.85e9, 0.4, -0.21]),
    st.sampled_from(["USD", "CNY", "RMB", "HKD"]),
)
metric = st.fixed_dictionaries(
    {"metric": st.sampled_from(METRICS)},
    optional={"value": st.one_of(st.none(), money), "yoy_pct": st.one_of(st.none(), st.sampled_from(NUMBERS))},
)
FIELDS = {
    "etf_move": {
        "etf_code": st.sampled_from(CODES),
        "change_pct": st.sampled_from(NUMBERS),
        "turnover": money,
        "tracked_index": st.sampled_from(NAMES),
    },
    "deal": {
        "parties": st.lists(st.sampled_from(NAMES), max_size=3),
        "upfront": money,
        "total_value": money,
        "deal_type": st.sampled_from(["licensing", "acquisition"]),
    },
    "policy_change": {
        "policy": st.sampled_from(POLICIES),
        "policy_aliases": st.lists(st.sampled_from(POLICIES), max_size=2),
        "issuer": st.sampled_from(NAMES),
        "action": st.sampled_from(["cut", "issued"]),
    },
    "earnings_preview": {
        "company": st.one_of(st.none(), st.sampled_from(NAMES)),
        "period": st.sampled_from(PERIODS),
        "metrics": st.lists(metric, max_size=3),
    },
}


@st.composite
def event(draw, kind: str, gold: bool) -> dict:
    fields = {"event_date": st.sampled_from(DATES), **FIELDS[kind]}
    if gold:
        fields["optional"] = st.booleans()
    else:
        fields["policy_name"] = st.sampled_from(POLICIES)
    chosen = draw(st.fixed_dictionaries({}, optional=fields))
    return {"doc_id": draw(st.sampled_from(DOCS)), "event_type": kind, **chosen}


@st.composite
def gold_and_predictions(draw) -> tuple[list[dict], list[dict]]:
    """Events of one or two types (so that several compete for a pairing), gold lines 'none' among them."""
    kinds = draw(st.lists(st.sampled_from(sorted(FIELDS)), min_size=1, max_size=2, unique=True))
    none = st.builds(lambda d: {"doc_id": d, "event_type": "none"}, st.sampled_from(DOCS))
    gold = draw(st.lists(st.one_of(none, *(event(k, gold=True) for k in kinds)), min_size=1, max_size=14))
    pred = draw(st.lists(st.one_of(*(event(k, gold=False) for k in kinds)), max_size=14))
    return gold, pred


@settings(max_examples=500, deadline=None, derandomize=True)
@given(files=gold_and_predictions())
def test_same_figures_as_the_team_scorer_on_any_gold_and_predictions(team, files):
    assert_same(team, *files)
