"""Policy changes in the phrasings of real articles: one line per case, grouped by the rule it shows."""

from __future__ import annotations

import pytest

CASES = [
    # a measure named before a passive verb and its body
    (
        "China rolled out measures, according to an action plan jointly released by the Ministry of Commerce "
        "and 13 other government departments on Friday.",
        "2024-04-27",
        ("Ministry of Commerce", "action plan", "issued", "2024-04-26"),
    ),
    # words between a body and its verb: who voted, the day, 'to'
    (
        "Bank of Japan policymakers voted Tuesday to end the negative interest rate policy, marking its first "
        "interest rate increase in 17 years.",
        "2024-03-19",
        ("Bank of Japan", "end negative interest rate policy", "ended", "2024-03-19"),
    ),
    # the day a measure takes effect is not the day it was announced
    (
        "The People's Bank of China said on Wednesday it would cut the reserve requirement ratio by 50 basis "
        "points from January 6.",
        "2020-01-02",
        ("People's Bank of China", "reserve requirement ratio", "cut", "2020-01-01"),
    ),
]


@pytest.mark.parametrize("text, published, expected", CASES, ids=["passive", "leads", "effective date"])
def test_policy_changes(extractor, text: str, published: str, expected: tuple[str, str, str, str]) -> None:
    events = [e for e in extractor.extract(text, published=published) if e.event_type == "policy_change"]
    assert [(e.issuer, e.policy, e.action, e.event_date) for e in events] == [expected]


@pytest.mark.parametrize(
    "text, issuers",
    [
        # 'the central bank' is the central bank the article named
        (
            "The Bank of Japan ended its negative interest rate policy on Tuesday. The central bank also "
            "abolished its yield curve control policy on Tuesday.",
            ["Bank of Japan", "Bank of Japan"],
        ),
        # and the PBOC only where the article names none
        (
            "The central bank cut the reserve requirement ratio by 50 basis points on Monday.",
            ["People's Bank of China"],
        ),
    ],
)
def test_a_description_of_a_body_means_the_body_the_article_named(extractor, text: str, issuers: list[str]) -> None:
    events = [e for e in extractor.extract(text, published="2024-03-19") if e.event_type == "policy_change"]
    assert [e.issuer for e in events] == issuers


#: rate decisions wherever the verb stands: (text, [(issuer, action, words the policy starts with)])
RATE_DECISIONS = [
    (
        "The Bank of Korea said it raises its policy rate by 25 basis points to 3.5%, following the Fed.",
        [("Bank of Korea", "raised", "policy rate")],  # a known term names the measure
    ),
    (
        "Following the European Central Bank's decision to lower the deposit facility rate by a quarter point "
        "to 2%, the euro fell.",
        [("European Central Bank", "cut", "lower the deposit facility rate")],
    ),
    (
        "The interest rate on 14-day reverse repos will be cut by 10 basis points to 1.6 percent, the People's "
        "Bank of China said on Friday.",
        [("People's Bank of China", "cut", "interest rate on 14-day reverse repos")],
    ),
    # the longer name wins where a shorter alias ('the Monetary Authority', Hong Kong's) starts first
    (
        "The Monetary Authority of Singapore said it raises its policy rate by 25 basis points to 3.5%.",
        [("Monetary Authority of Singapore", "raised", "policy rate")],
    ),
    # forecasts and wishes are no decisions
    ("Economists expect the Federal Reserve to cut interest rates in September.", []),
    ("Traders are betting the Bank of England could raise its bank rate again in May.", []),
    # a market rate that moves is no measure
    ("Mortgage rates rose to 7% last week, the highest since 2001.", []),
]


@pytest.mark.parametrize("text, expected", RATE_DECISIONS)
def test_rate_decisions_wherever_the_verb_stands(extractor, text: str, expected: list[tuple[str, str, str]]) -> None:
    events = [e for e in extractor.extract(text, "2025-07-01") if e.event_type == "policy_change"]
    assert [(e.issuer, e.action) for e in events] == [(issuer, action) for issuer, action, _ in expected]
    for event, (_, _, start) in zip(events, expected):
        assert event.policy.startswith(start)
