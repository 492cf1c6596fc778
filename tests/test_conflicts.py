"""Conflicts: two values read for one field of an event that differ beyond rounding are both kept in sight.

The event keeps the better-supported value (more mentions, else the body over a headline, else the first read) and
lists every value in `conflicts` with its evidence; the document record warns. Values that are one the rounding of the
other, or that lie in the other's range, are one value.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from extractor.contract import Money
from extractor.datafiles import TableError, checked
from extractor.events.conflicts import agree, settle
from extractor.events.draft import Draft, Reading
from extractor.events.registry import unit_of
from extractor.facts.amounts import parse_amounts
from extractor.facts.analysis import ArticleView
from extractor.facts.gazetteer import default_gazetteer
from extractor.fx import default_table
from extractor.io.inputs import make_article
from extractor.tables import TABLES

DATA = Path(__file__).resolve().parent.parent / "extractor" / "data"
DAY = dt.date(2025, 3, 26)


def _convert(money: Money) -> Money:
    return default_table().convert(money, DAY)[0]


def _reading(value: str | float, headline: bool = False, sentence: int = 0) -> Reading:
    figure = parse_amounts(value)[0] if isinstance(value, str) else value
    return Reading(figure, None, headline, (sentence,))


AGREE = [
    # (one value, another, the same figure?)
    ("$8.8 billion", "$8.85 billion", True),  # the one is the other rounded to its printed precision
    ("$8.85 billion", "$8.8 billion", True),
    ("$350 million", "$500 million", False),
    ("up to $8.85 billion", "US$8.85 billion", True),  # the qualifier is no difference in value
    ("$8.85bn", "$8.9 billion", True),  # rounded up
    ("$8.85 billion", "$8.7 billion", False),
    ("RM106.12 million", "RM106m", True),
    ("up to $1.25 billion", "up to $1.205 billion", False),  # printed to the hundredth: 45 million apart
    ("434 million yuan", "429 million yuan", False),
    ("between $1 billion and $1.5 billion", "$1.2 billion", True),  # inside the range
    ("between $1 billion and $1.5 billion", "$1.6 billion", False),
    ("RMB 2.8 billion - 3.6 billion", "RMB 2.5 billion - 3.3 billion", False),  # ranges agree only end by end
    ("RMB 2.8 billion - 3.6 billion", "between RMB 2.8 billion and RMB 3.6 billion", True),
    ("5.9亿元", "RMB 590 million", True),
    ("$350 million", "RMB 2.5 billion", True),  # two currencies: within 5% in US dollars
    ("$350 million", "RMB 5 billion", False),
    ("two billion dollars", "$2 billion", True),  # no digit printed: a relative tolerance
    (2.9, 3.86, False),  # percentages: printed precision from the number
    (12.29, 12.0, True),
    (3.86, 3.9, True),
    (-5.2, -4.8, False),
    ("$350 million", 350.0, False),  # an amount is never a number
    # a one-sided hedge and an exact figure on its side, within one unit of the hedge's last digit: coarse then fine
    ("more than four billion dollars", "$4.3 billion", True),  # in words: the unit of its leading digit
    ("more than four billion dollars", "$3.9 billion", False),  # below a floor
    ("more than four billion dollars", "$5.5 billion", False),  # beyond one unit
    ("at least $70 million", "$70.4 million", True),
    ("at least $70 million", "$74.5 million", False),  # beyond one unit of the last digit printed
    ("up to $70 million", "$69.6 million", True),
    ("up to $70 million", "$71 million", False),  # above a ceiling
    ("more than four billion dollars", "more than $4.3 billion", False),  # two hedges: no exact figure
]


@pytest.mark.parametrize("a, b, same", AGREE, ids=[f"{a} vs {b}" for a, b, _ in AGREE])
def test_when_two_values_are_the_same_figure(a, b, same):
    assert agree(_reading(a), _reading(b), _convert) is same
    assert agree(_reading(b), _reading(a), _convert) is same


def test_amounts_that_cannot_be_converted_are_not_claimed_to_disagree():
    a, b = _reading("$350 million"), _reading("RMB 5 billion")
    assert agree(a, b, lambda m: m) is True  # no rates: usd stays null


SETTLE = [
    # (readings in merge order as (value, headline), the value kept, mentions of each value listed, kept first)
    ([("$350 million", False), ("$500 million", False)], "$350 million", [1, 1]),  # a tie: the first read
    (
        [("$500 million", False), ("$350 million", False), ("$350 million", False)],
        "$350 million",
        [2, 1],
    ),  # more mentions
    ([("$500 million", True), ("$350 million", False)], "$350 million", [1, 1]),  # the body over a headline
    (
        [("$500 million", True), ("$500 million", True), ("$350 million", False)],
        "$500 million",
        [2, 1],
    ),  # mentions first
    ([("$8.85 billion", False), ("$8.8 billion", True)], "$8.85 billion", []),  # a rounding: no conflict
    ([("$350 million", False), ("$500 million", False), ("$200 million", False)], "$350 million", [1, 1, 1]),
    # one figure read twice: the exact one printed to the finer digit is kept, in the first one's currency
    ([("more than $8 billion", False), ("$8.25 billion", False)], "$8.25 billion", []),
    ([("about $8 billion", False), ("no less than $7.9 billion", False)], "about $8 billion", []),
    ([("more than four billion dollars", False), ("$4.3 billion", False)], "$4.3 billion", []),
    ([("HK$3.5 billion", False), ("US$449 million", False)], "HK$3.5 billion", []),
]


@pytest.mark.parametrize("readings, kept, mentions", SETTLE, ids=[str(i) for i in range(len(SETTLE))])
def test_the_better_supported_value_is_kept_and_every_value_listed(readings, kept, mentions):
    view = ArticleView.build(make_article("a", "One. Two. Three. Four.", "2025-03-26"), default_gazetteer())
    draft = Draft("deal", {"parties": ["A"], "upfront": parse_amounts(readings[0][0])[0]}, [0])
    draft.readings["upfront"] = [_reading(v, headline, i) for i, (v, headline) in enumerate(readings)]
    conflicts = settle(draft, unit_of("deal"), view, _convert)
    assert draft.fields["upfront"].text == kept
    if not mentions:
        assert conflicts == []
        return
    (conflict,) = conflicts
    assert conflict.field == "upfront"
    assert [v.mentions for v in conflict.values] == mentions
    assert [v.kept for v in conflict.values] == [True] + [False] * (len(mentions) - 1)
    assert conflict.values[0].text == kept
    assert all(isinstance(v.value, Money) and v.value.usd is not None for v in conflict.values)  # parsed and converted


def test_a_number_kept_over_another_takes_its_range_along():
    view = ArticleView.build(make_article("a", "One. Two. Three.", "2025-03-26"), default_gazetteer())
    draft = Draft("etf_move", {"etf_code": "520880", "change_pct": 1.0, "change_pct_range": None}, [0])
    draft.readings["change_pct"] = [
        Reading(1.0, None, False, (0,)),
        Reading(2.5, (2.0, 3.0), False, (1,)),
        Reading(2.4, None, False, (2,)),
    ]
    (conflict,) = settle(draft, unit_of("etf_move"), view, _convert)
    assert (draft.fields["change_pct"], draft.fields["change_pct_range"]) == (2.5, [2.0, 3.0])
    assert [(v.value, v.mentions, v.text) for v in conflict.values] == [(2.5, 2, None), (1.0, 1, None)]


ARTICLES = [
    # (article, field, values as written with their mentions, kept first)
    (
        "Hengrui Pharma signed a licensing agreement with Merck on March 25, under which Merck will pay an upfront fee "
        "of $200 million. Under the agreement, Merck will make an upfront payment of $350 million.",
        "upfront",
        [("$200 million", 1), ("$350 million", 1)],
    ),
    (
        "Hengrui Pharma signed a licensing agreement with Merck on March 25, with an upfront payment of $500 million. "
        "Under the agreement, the upfront payment is $350 million. Under the agreement, Merck will pay $350 million "
        "upfront.",
        "upfront",
        [("$350 million", 2), ("$500 million", 1)],
    ),
    (
        "Hengrui, Merck Seal Deal With $500 Million Upfront\n\nHengrui Pharma signed a licensing agreement with Merck "
        "on March 25, with an upfront payment of $350 million.",
        "upfront",
        [("$350 million", 1), ("$500 Million", 1)],
    ),
    (
        "Hansoh Pharmaceutical expects its net profit for 2025 to reach RMB 5.2 billion, up 30% year on year.\n\n"
        "Hansoh Pharmaceutical expects its 2025 net profit of RMB 4.1 billion.",
        "metrics.net_profit.value",
        [("RMB 5.2 billion", 1), ("RMB 4.1 billion", 1)],
    ),
    (
        "Hengrui Pharma signed a licensing agreement with Merck on March 25, with an upfront payment of $351.2 million. "
        "Under the agreement, the upfront payment is about $351 million.",
        None,
        [],
    ),
]


@pytest.mark.parametrize(
    "text, field, values", ARTICLES, ids=["two upfronts", "mentions", "headline", "metric", "rounding"]
)
def test_conflicts_of_an_article_are_listed_with_evidence_and_warned(extractor, text, field, values):
    record = extractor.extract_article(make_article("a", text, "2025-03-26"))
    (event,) = record.events
    if field is None:
        assert event.conflicts == []
        assert not any("conflicting" in w for w in record.warnings)
        return
    (conflict,) = event.conflicts
    assert conflict.field == field
    assert [(v.text, v.mentions) for v in conflict.values] == values
    for value in conflict.values:
        for span in value.evidence:
            assert value.text in text[span.start : span.end]
    kept = values[0][0]
    warning = f"{event.event_type} event {event.event_id}: conflicting {field}: kept {kept!r}"
    assert any(w.startswith(warning) for w in record.warnings), record.warnings


def test_an_article_without_conflicts_is_extracted_as_before(extractor):
    text = "Innovent Biologics signed a collaboration with Eli Lilly worth up to $8.85 billion on February 8."
    (event,) = extractor.extract(text, published="2026-02-10")
    assert event.conflicts == [] and event.also_reported_in == []


BAD_TABLES = [
    # (table, change, the key the error names)
    ("conflicts.json", lambda d: d.update(rounding_share=2), "rounding_share"),
    ("conflicts.json", lambda d: d.pop("cross_currency_share"), "cross_currency_share"),
    ("event_keys.json", lambda d: d.update(amount_digits=0), "amount_digits"),
    ("event_keys.json", lambda d: d["policy_topics"].update(Rates=["x"]), "policy_topics"),
    ("event_keys.json", lambda d: d["policy_topics"]["rrr"].append("policy rate"), "policy_topics"),  # in two topics
]


@pytest.mark.parametrize("name, change, key", BAD_TABLES, ids=[f"{b[0]}:{b[2]}" for b in BAD_TABLES])
def test_a_bad_tolerance_or_key_table_fails_naming_the_file_and_the_key(name, change, key):
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(TableError, match=rf"{name}: key '{key}'"):
        checked(data, TABLES[name], name)
