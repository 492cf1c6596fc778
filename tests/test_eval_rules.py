"""The matching rules of `extractor eval` (docs/evaluation.md), case by case."""

from __future__ import annotations

import pytest

from extractor.evaluation import score
from extractor.evaluation.compare import code_key, doc_key, period_key, same_date, same_money, same_name, same_percent
from extractor.evaluation.matching import _SCORES, match_score, pair_events, slots
from extractor.evaluation.rules import table
from extractor.events.registry import units

NAMES = [
    # (gold, predicted, same company or body?)
    ("Innovent Biologics", "Innovent", True),  # a corporate suffix is dropped
    ("Innovent Biologics, Inc.", "innovent biologics", True),  # case and punctuation ignored
    ("Eli Lilly", "Eli Lilly and Company", True),
    ("Hengrui", "Jiangsu Hengrui Pharmaceuticals", True),  # the words of one within the other's
    ("WuXi Biologics", "WuXi AppTec", False),  # the shorter name's own suffix must recur in the longer
    ("WuXi Biologics", "WuXi Biologics (Cayman)", True),
    ("Bristol Myers Squibb", "BMS", True),  # an acronym of three letters or more
    ("People's Bank of China", "PBOC", True),  # initials without 'of'
    ("Bank of Japan", "BOJ", True),  # initials with 'of'
    ("Eli Lilly", "EL", False),  # two letters are too few for an acronym
    ("Merck", "Merck KGaA", True),
    ("Merck", "Pfizer", False),
    ("Innovent", "Innovent Alpha", True),
    ("Innovent Beta", "Innovent Alpha", False),  # neither within the other
    ("Holdings Ltd", "Holdings", False),  # nothing left once the suffixes are gone
    ("Sa Sa", "SA SA", True),  # a name of suffix words only is itself, in any case
    ("Sa Sa", "Sa Sa International", False),
    ("AG", "Merck KGaA AG", False),
]


@pytest.mark.parametrize("gold, pred, same", NAMES)
def test_names(gold, pred, same):
    assert same_name(gold, pred) is same


MONEY = [
    # (gold, predicted, agree?)
    ({"value": 350e6, "currency": "USD"}, {"value": 351e6, "currency": "USD"}, True),  # within 0.5%
    ({"value": 350e6, "currency": "USD"}, {"value": 352e6, "currency": "USD"}, False),  # 0.57% off
    ({"value": 590e6, "currency": "CNY"}, {"value": 590e6, "currency": "RMB"}, True),  # RMB, CNH, yuan are CNY
    ({"value": 590e6, "currency": "CNY"}, {"value": 590e6, "currency": "cnh"}, True),
    ({"value": 590e6, "currency": "CNY"}, {"value": 590e6, "currency": "HKD"}, False),
    ({"value": 1e6, "currency": "USD"}, {"amount": 1e6, "currency": "USD"}, True),  # 'amount' in place of 'value'
    ({"value": 0.4, "currency": "USD"}, {"value": 0.404, "currency": "USD"}, True),  # on at least 1 unit: +-0.005
    ({"value": -0.21, "currency": "USD"}, {"value": -0.2, "currency": "USD"}, False),
    ({"value": 1e6, "currency": "USD"}, {"value": None, "currency": "USD"}, False),
    ({"value": 1e6, "currency": "USD"}, None, False),
    ({"value": 1e6, "currency": "USD"}, "1 million dollars", False),
]


@pytest.mark.parametrize("gold, pred, same", MONEY)
def test_money(gold, pred, same):
    assert same_money(gold, pred) is same


@pytest.mark.parametrize(
    "gold, pred, same",
    [
        (2.9, 2.9, True),
        (2.9, 2.91, True),
        (2.9, 2.92, False),
        (-1.5, -1.489, True),
        (2.9, "2.9", False),
        (2.9, None, False),
    ],
)
def test_percentages_agree_within_0_011_points(gold, pred, same):
    assert same_percent(gold, pred) is same


@pytest.mark.parametrize(
    "gold, pred, same",
    [
        ("2026-02-10", "2026-02-10", True),
        ("2026-02-10", "2026-02-11", False),
        ("2026-02", "2026-02-27", True),  # a month takes any of its days
        ("2026-02", "2026-03-01", False),
        ("2026-02-10", "2026-02", False),
        ("2026", "2026-11-03", True),
        ("2026-02-10", None, False),
    ],
)
def test_dates(gold, pred, same):
    assert same_date(gold, pred) is same


@pytest.mark.parametrize(
    "text, key",
    [
        ("FY2025", ("2025", "FY")),
        ("2025", ("2025", "FY")),
        ("H1 2025", ("2025", "H1")),
        ("first half of 2025", ("2025", "H1")),
        ("interim 2024", ("2024", "H1")),
        ("six months ended June 30, 2025", ("2025", "H1")),
        ("2H24", (None, "H2")),  # a two-digit year is no year
        ("Q3 2025", ("2025", "Q3")),
        ("3Q 2025", ("2025", "Q3")),
        ("3Q2025", ("2025", "Q2")),  # as the team's scorer reads it: 'q2' of 'q2025' is found first
        ("9M2024", ("2024", "9M")),
        ("Q1-Q3 2024", ("2024", "9M")),  # tried before Q1 and Q3
        ("first three quarters of 2024", ("2024", "9M")),
        (None, (None, "FY")),
    ],
)
def test_periods(text, key):
    assert period_key(text) == key


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("159995.SZ", "159995", True),
        (" 159995 ", "159995", True),
        ("TLT.US", "tlt", True),
        ("NYSEARCA:TLT", "TLT", True),
        ("02800", "2800.HK", True),  # leading zeros of a number dropped
        ("520880", "520880.SH", True),
        ("520880", "159137", False),
        ("3033.HK", "3033.T", False),  # '.T' is not among the exchange suffixes
    ],
)
def test_fund_codes(a, b, same):
    assert (code_key(a) == code_key(b)) is same


@pytest.mark.parametrize("doc_id, key", [("a/b/c.txt", "c.txt"), ("a\\b.txt", "b.txt"), ("c.txt", "c.txt"), (None, "")])
def test_documents_are_compared_by_the_last_part_of_their_doc_id(doc_id, key):
    assert doc_key(doc_id) == key


DEAL = {
    "event_type": "deal",
    "parties": ["Innovent Biologics", "Eli Lilly"],
    "upfront": {"value": 350e6, "currency": "USD"},
}
EARNINGS = {
    "event_type": "earnings_preview",
    "company": "Hengrui",
    "period": "H1 2025",
    "metrics": [{"metric": "net_profit", "value": {"value": 4.45e9, "currency": "CNY"}}],
}
PROFIT = [{"metric": "net_income", "value": {"value": 4.45e9, "currency": "RMB"}}]  # an alias of net_profit

SCORES = [
    # (gold, predicted, match score)
    ({"event_type": "etf_move", "etf_code": "520880"}, {"etf_code": "520880.SH"}, 1.0),
    ({"event_type": "etf_move", "etf_code": "520880"}, {"etf_code": None}, 0.0),
    (DEAL, {"parties": ["Innovent", "Lilly"]}, 1.0),
    (DEAL, {"parties": ["Innovent"]}, 0.5),  # the share of gold parties named
    (DEAL, {"parties": ["Innovent"], "upfront": {"value": 350e6, "currency": "USD"}}, 0.6),  # plus 0.1 for money
    (DEAL, {"parties": ["Pfizer"], "upfront": {"value": 350e6, "currency": "USD"}}, 0.0),  # money alone is not enough
    (
        {"event_type": "deal", "total_value": {"value": 1e9, "currency": "USD"}},
        {"total_value": {"value": 1e9, "currency": "USD"}},
        0.5,
    ),
    ({"event_type": "deal", "total_value": {"value": 1e9, "currency": "USD"}}, {"parties": ["A"]}, 0.0),
    ({"event_type": "deal"}, {"parties": ["A"]}, 0.05),  # no parties, no figures: any leftover deal may be it
    (
        {"event_type": "policy_change", "policy": "reserve requirement ratio cut"},
        {"policy": "RRR cut of the reserve requirement ratio"},
        1.0,
    ),
    ({"event_type": "policy_change", "policy": "reserve requirement ratio cut"}, {"policy": "ratio cut"}, 0.5),
    ({"event_type": "policy_change", "policy": "reserve requirement ratio cut"}, {"policy_name": "reserve ratio"}, 0.5),
    (
        {"event_type": "policy_change", "policy": "the Chapter 18A rules", "policy_aliases": ["18A"]},
        {"policy": "18A"},
        1.0,
    ),
    (
        {"event_type": "policy_change", "policy": "reserve requirement ratio cut", "issuer": "PBOC"},
        {"policy": "cut", "issuer": "People's Bank of China"},
        0.3,
    ),
    (
        {"event_type": "policy_change", "policy": "reserve requirement ratio cut", "issuer": "PBOC"},
        {"policy": "cut", "issuer": "NHSA"},
        0.0,
    ),
    (EARNINGS, {"company": "Jiangsu Hengrui", "period": "first half of 2025", "metrics": PROFIT}, 1.0),
    (EARNINGS, {"company": "Hengrui", "period": "H1 2025"}, 0.75),
    (EARNINGS, {"company": "Hengrui", "period": "FY2025", "metrics": PROFIT}, 0.75),
    (EARNINGS, {"company": "Hengrui", "period": "FY2025"}, 0.0),  # same company, nothing else agrees
    (EARNINGS, {"company": "Junshi", "period": "H1 2025", "metrics": PROFIT}, 0.0),
    ({**EARNINGS, "company": None}, {"company": "Anyone", "metrics": PROFIT}, 0.5),  # an unnamed company: a metric
    ({**EARNINGS, "company": None}, {"company": "Anyone"}, 0.0),
    (
        {
            "event_type": "earnings_preview",
            "company": "Hengrui",
            "period": "H1 2025",
            "metrics": [{"metric": "revenue", "yoy_pct": 12.0}],
        },
        {"company": "Hengrui", "period": "FY2025", "metrics": [{"metric": "sales", "yoy_pct": 12.005}]},
        0.75,
    ),  # yoy when no value
]


@pytest.mark.parametrize("gold, pred, expected", SCORES)
def test_match_scores(gold, pred, expected):
    assert match_score(gold, pred) == pytest.approx(expected)


SLOTS = [
    # (gold, predicted, [(slot label, right?)])
    (
        {
            "doc_id": "d",
            "event_type": "deal",
            "parties": ["Innovent", "Eli Lilly"],
            "optional": False,
            "upfront": {"value": 350e6, "currency": "USD"},
            "event_date": "2026-02",
        },
        {"parties": ["Innovent Biologics"], "upfront": {"value": 350e6, "currency": "USD"}, "event_date": "2026-02-08"},
        [("parties", True), ("parties", False), ("upfront", True), ("event_date", True)],
    ),
    (
        {
            "event_type": "etf_move",
            "etf_code": "520880",
            "change_pct": 2.9,
            "turnover": None,
            "tracked_index": "CSI Innovative Drug",
        },
        {"etf_code": "520880", "change_pct": 2.95, "tracked_index": "CSI Innovative Drug Index"},
        [("etf_code", True), ("change_pct", False), ("tracked_index", True)],  # a null gold field is no slot
    ),
    (
        {"event_type": "policy_change", "policy": "x", "policy_aliases": ["y"], "issuer": "PBOC", "action": "cut"},
        {"issuer": "People's Bank of China", "action": "lowered"},
        [("issuer", True), ("action", False)],  # the policy name only pairs; it is no slot
    ),
    (
        {
            "event_type": "earnings_preview",
            "company": "Hengrui",
            "period": "H1 2025",
            "metrics": [
                {"metric": "net_profit", "value": {"value": 4.45e9, "currency": "CNY"}, "yoy_pct": 29.7},
                {"metric": "revenue", "yoy_pct": 15.0},
            ],
        },
        {
            "company": "Hengrui",
            "period": "1H2025",
            "metrics": [
                {"metric": "net_profit", "value": {"value": 4.0e9, "currency": "CNY"}, "yoy_pct": 29.7},
                {"metric": "sales", "yoy_pct": 15.0},
            ],
        },
        # the yoy figure counts only on a metric whose value agreed
        [
            ("company", True),
            ("period", True),
            ("metrics.net_profit.value", False),
            ("metrics.net_profit.yoy_pct", False),
            ("metrics.revenue.yoy_pct", True),
        ],
    ),
    (
        {"event_type": "earnings_preview", "company": "Hengrui", "period": "FY", "change_pct": 1.0},
        None,  # a missed event: only a period naming no year and no part of one agrees with nothing
        [("company", False), ("period", True), ("change_pct", False)],
    ),
]


@pytest.mark.parametrize("gold, pred, expected", SLOTS)
def test_slots(gold, pred, expected):
    assert [(s.label, s.ok) for s in slots(gold, pred)] == expected


def _etf(code: str, **more: object) -> dict[str, object]:
    return {"doc_id": "d.txt", "event_type": "etf_move", "etf_code": code, **more}


PAIRINGS = [
    # (gold, predicted, matched gold codes, missed gold codes, extra predicted codes)
    ([_etf("1"), _etf("2")], [_etf("2"), _etf("3")], ["2"], ["1"], ["3"]),
    ([_etf("1"), _etf("1")], [_etf("1")], ["1"], ["1"], []),  # one prediction pairs with one gold event
    ([_etf("1"), _etf("2", optional=True)], [_etf("1"), _etf("2")], ["1"], [], []),  # paired with optional: no extra
    ([_etf("2", optional=True)], [], [], [], []),  # an optional event missed is no miss
]


@pytest.mark.parametrize("gold, pred, matched, missed, extra", PAIRINGS)
def test_pairing(gold, pred, matched, missed, extra):
    pairing = pair_events("d.txt", "etf_move", gold, pred)
    assert [g["etf_code"] for g, _, _ in pairing.matched] == matched
    assert [g["etf_code"] for g, _ in pairing.missed] == missed
    assert [p["etf_code"] for p in pairing.extra] == extra


def test_pairing_takes_the_best_score_first():
    gold = [
        {"event_type": "deal", "parties": ["A Co", "B Co"]},
        {"event_type": "deal", "parties": ["A Co", "C Co"]},
    ]
    pred = [{"parties": ["A Co"]}, {"parties": ["A Co", "C Co"]}]
    pairing = pair_events("d", "deal", gold, pred)
    # the second gold deal takes its exact match (1.0) before the first takes the partial one (0.5)
    assert [(g["parties"], p["parties"]) for g, p, _ in pairing.matched] == [
        (["A Co", "B Co"], ["A Co"]),
        (["A Co", "C Co"], ["A Co", "C Co"]),
    ]


def test_figures_count_misses_extras_and_slots():
    gold = [
        {"doc_id": "a.txt", "event_type": "etf_move", "etf_code": "1", "change_pct": 1.0},
        {"doc_id": "a.txt", "event_type": "etf_move", "etf_code": "2", "change_pct": 2.0},
        {"doc_id": "b.txt", "event_type": "none"},
    ]
    pred = [
        {"doc_id": "in/a.txt", "event_type": "etf_move", "etf_code": "1", "change_pct": 1.5},
        {"doc_id": "b.txt", "event_type": "deal", "parties": ["X"]},
        {"doc_id": "c.txt", "event_type": "deal", "parties": ["X"]},  # a document the gold does not name
    ]
    summary = score(gold, pred)
    etf, deal, total = summary["etf_move"], summary["deal"], summary["all"]
    assert (etf.gold, etf.predicted, etf.matched, etf.precision, etf.recall, etf.f1) == (2, 1, 1, 1.0, 0.5, 0.6667)
    assert (etf.slot_recall, etf.slot_accuracy) == (0.25, 0.5)  # 1 of 4 slots; 1 of the matched event's 2
    assert (deal.gold, deal.predicted, deal.matched, deal.f1) == (0, 1, 0, 0.0)
    assert (total.gold, total.predicted, total.matched, total.precision, total.recall) == (2, 2, 1, 0.5, 0.5)


def test_the_scored_types_are_the_registered_event_types_and_each_has_a_rule():
    assert set(table()["event_types"]) == {u.event_type for u in units()} == set(_SCORES)
