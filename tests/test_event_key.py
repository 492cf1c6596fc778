"""Event keys: the same real-world event told by two articles in other words gets one key, close but different events
get different keys.

The articles in tests/event_pairs/ were written for these tests: `same*` pairs tell one event twice (headline against
body figures, 'Innovent' against 'Innovent Biologics (01801.HK)', '$8.85bn' against 'US$8.85 billion', dates written
in other forms), `diff*` pairs tell two close events (another upfront, another quarter, another fund on the same day,
another measure by the same regulator). Their names and figures are test data, not facts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractor.contract import Money
from extractor.events.key import KeyContext, amount_bucket, day, event_key, fund, month, policy_topic
from extractor.events.policy_change.model import PolicyChange
from extractor.facts.canonical import canonical_name
from extractor.facts.gazetteer import default_gazetteer
from extractor.io.inputs import read_file

PAIRS_FOLDER = Path(__file__).parent / "event_pairs"

#: (first article, second article, the same real-world event?)
PAIRS = [
    (
        "same1a_deal",
        "same1b_deal",
        True,
    ),  # headline $8.8 billion, body US$8.85 billion / $8.85bn; Innovent / Innovent Biologics (01801.HK); February 8 / Sunday, Feb. 8, 2026
    ("same2a_etf", "same2b_etf", True),  # 'today' in an article of the day / 'On February 10' a day later
    (
        "same3a_policy",
        "same3b_policy",
        True,
    ),  # People's Bank of China, reserve requirement ratio / China's central bank, RRR
    (
        "same4a_earnings",
        "same4b_earnings",
        True,
    ),  # Hansoh Pharmaceutical (03692.HK), 'for 2025' / HANSOH PHARMA, 'full-year 2025'
    ("same5a_deal", "same5b_deal", True),  # the total only in the headline ($2 Billion) / in the body (US$2.01 billion)
    ("diff1a_deal", "diff1b_deal", False),  # the same two companies, the same month, another upfront
    ("diff2a_earnings", "diff2b_earnings", False),  # the same company, another quarter
    ("diff3a_etf", "diff3b_etf", False),  # another fund on the same day
    ("diff4a_policy", "diff4b_policy", False),  # the same regulator, the same day, another measure
]
#: real-world events in the folder: one per `same` pair, two per `diff` pair
REAL_EVENTS = sum(1 if same else 2 for _, _, same in PAIRS)


@pytest.fixture(scope="module")
def events(extractor) -> dict[str, list[dict]]:
    out = {}
    for path in sorted(PAIRS_FOLDER.glob("*.txt")):
        record = extractor.extract_article(read_file(path, path.name, None)).model_dump(mode="json")
        out[path.stem] = record["events"]
    return out


def test_every_article_of_the_pairs_is_in_the_table(events):
    assert sorted(events) == sorted(name for pair in PAIRS for name in pair[:2])


@pytest.mark.parametrize("first, second, same", PAIRS, ids=[p[0][:-1] for p in PAIRS])
def test_one_event_one_key_and_two_events_two_keys(events, first, second, same):
    a, b = events[first], events[second]
    assert len(a) == 1 and len(b) == 1, "each article tells one event"
    assert a[0]["event_type"] == b[0]["event_type"]
    assert (a[0]["event_key"] == b[0]["event_key"]) is same, (a[0]["event_key"], b[0]["event_key"])


def test_the_folder_holds_as_many_keys_as_real_events(events):
    assert len({e["event_key"] for evs in events.values() for e in evs}) == REAL_EVENTS


def test_keys_are_deterministic(extractor, events):
    path = PAIRS_FOLDER / "same1b_deal.txt"
    again = extractor.extract_article(read_file(path, "elsewhere.txt", None)).events
    assert [e.event_key for e in again] == [e["event_key"] for e in events["same1b_deal"]]
    assert events["same1b_deal"][0]["event_key"] == "deal|eli lilly+innovent biologics|USD 8.8e9|2026-02"


CANONICAL = [
    # (name as written, canonical form)
    ("Innovent", "innovent biologics"),  # a gazetteer alias
    ("INNOVENT BIO", "innovent biologics"),
    ("Innovent Biologics (01801.HK)", "innovent biologics"),  # the ticker written after it
    ("Innovent Biologics Inc.", "innovent biologics"),  # a legal form the gazetteer does not list
    ("BEIGENE", "beigene"),
    ("01801.HK", "innovent biologics"),  # a ticker alone
    ("Foo Bar Biotech (9999.HK)", "foo bar biotech"),  # unknown name, unknown ticker
    ("Panasonic Corp.", "panasonic"),  # unknown: the legal form dropped
    ("the People's Bank of China", "peoples bank of china"),
    ("China's central bank", "peoples bank of china"),
    ("Merck & Co.", "merck co"),
    ("信达生物", "innovent biologics"),
]


@pytest.mark.parametrize("written, canonical", CANONICAL, ids=[c[0] for c in CANONICAL])
def test_canonical_names(written, canonical):
    assert canonical_name(written, default_gazetteer()) == canonical


BUCKETS = [
    # (value, currency, bucket): cut to two significant digits
    (8_850_000_000, "USD", "USD 8.8e9"),
    (8_800_000_000, "USD", "USD 8.8e9"),
    (8_899_999_999, "USD", "USD 8.8e9"),
    (350_000_000, "USD", "USD 3.5e8"),
    (500_000_000, "USD", "USD 5e8"),
    (1_000_000_000, "CNY", "CNY 1e9"),
    (999_000_000, "USD", "USD 9.9e8"),  # a boundary: $999 million and $1 billion fall apart (a known limit)
    (0.15, "USD", "USD 1.5e-1"),
    (-45_747_800, "CNY", "CNY -4.5e7"),
    (0, "USD", "USD 0"),
]


@pytest.mark.parametrize("value, currency, bucket", BUCKETS, ids=[b[2] for b in BUCKETS])
def test_amount_buckets(value, currency, bucket):
    assert amount_bucket(Money(text="x", value=value, currency=currency)) == bucket


def test_no_amount_is_a_dash():
    assert amount_bucket(None) == "-"


TOPICS = [
    ("reserve requirement ratio", "rrr"),
    ("RRR", "rrr"),
    ("cut the seven-day reverse repo rate by 10 basis points", "policy_rate"),
    ("interest rate cuts", "policy_rate"),
    ("2025 National Reimbursement Drug List", "reimbursement_list"),
    ("ban short-selling of all listed securities", "short_selling"),
    # no topic: the words of the name, stemmed, sorted, without function words and kinds of document
    ("Notice on Optimizing the Review of Clinical Trials", "clinical optimizing review trial"),
    ("notice on optimizing the review of clinical trials", "clinical optimizing review trial"),
    ("the Several Measures on Innovative Drugs", "drug innovative"),
]


@pytest.mark.parametrize("policy, topic", TOPICS, ids=[t[0] for t in TOPICS])
def test_policy_topics(policy, topic):
    assert policy_topic(policy) == topic


@pytest.mark.parametrize(
    "code, name, key",
    [
        ("520880", None, "520880"),
        ("520880.SH", "anything", "520880"),
        ("02800.HK", None, "2800"),
        ("spy", None, "SPY"),
        (None, "Hong Kong Innovative Drug ETF", "hong kong innovative drug etf"),
    ],
)
def test_funds_by_code_else_name(code, name, key):
    assert fund(code, name) == key


PUBLISHED = dt.date(2026, 2, 10)


@pytest.mark.parametrize(
    "event_date, published, by_month, by_day",
    [
        ("2026-02-08", PUBLISHED, "2026-02", "2026-02-08"),
        ("2026-01", PUBLISHED, "2026-01", "2026-01"),
        ("2025", PUBLISHED, "2025", "2025"),
        (None, PUBLISHED, "2026-02", "2026-02-10"),  # undated: the publication day
        (None, None, "undated", "undated"),
    ],
)
def test_date_buckets(event_date, published, by_month, by_day):
    event = _policy(event_date=event_date)
    ctx = KeyContext(published, str.lower)
    assert (month(event, ctx), day(event, ctx)) == (by_month, by_day)


def _policy(**fields) -> PolicyChange:
    return PolicyChange(
        event_id="e1", doc_id="d", evidence=[{"text": "x", "start": 0, "end": 1}], confidence=0.5, policy="p", **fields
    )


def test_an_event_whose_recipe_cannot_tell_who_gets_a_key_of_its_own():
    assert event_key("deal", "abc123", ("", "USD 3.5e8", "2026-02")) == "deal|#abc123"
    assert event_key("deal", "abc123", None) == "deal|#abc123"
    assert event_key("deal", "abc123", ("innovent", "USD 3.5e8", "2026-02")) == "deal|innovent|USD 3.5e8|2026-02"


@pytest.mark.parametrize(
    "text",
    [
        "A US drugmaker signed a licensing agreement worth $300 million on March 3.",  # no party named
        "The company expects 2025 net profit to reach RMB 1.2 billion.",  # no company named
    ],
)
@pytest.mark.usefixtures("unfiltered")
def test_events_of_unknown_parties_are_never_taken_for_each_other(extractor, text):
    first = extractor.extract(text, published="2026-03-04", doc_id="a")
    second = extractor.extract(text, published="2026-03-04", doc_id="b")
    assert first and second
    assert first[0].event_key is not None and "|#" in first[0].event_key
    assert first[0].event_key != second[0].event_key
