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
