"""A deal's type: named in its clause, else in its sentences, else told by how it is paid."""

from __future__ import annotations

import pytest


def _types(extractor, text: str) -> list[str]:
    return [e.deal_type for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]


TYPES = [
    # purchases, tender offers and stakes are acquisitions
    (
        "Harbor Bank Corp. agreed to purchase Delta Financial Inc. in an all-stock deal valued at $7.6 billion.",
        "acquisition",
    ),
    ("Cedar Motors signed an agreement to pay €1 billion for a 50% stake in Delta Auto Group.", "acquisition"),
    # rights to a drug are a licence
    (
        "Delta Bio entered into an agreement with Harbor Pharma, securing exclusive commercialization rights for its "
        "nasal spray at a total consideration of up to RMB 100 million.",
        "licensing",
    ),
    # a type named in a later sentence of the deal
    (
        "Delta Bio signed an agreement with Harbor Pharma worth up to $800 million. Under the agreement, Harbor "
        "Pharma will acquire Delta Bio's eye-care unit.",
        "acquisition",
    ),
    # no type word, but paid upfront and in milestones: a licence
    (
        "Delta Bio said it will receive an upfront payment of US$2 million and up to US$11 million in milestones "
        "under an agreement with Harbor Pharma.",
        "licensing",
    ),
    # neither: other
    ("Delta Bio signed an agreement with Harbor Pharma worth $50 million.", "other"),
]


@pytest.mark.parametrize("text, kind", TYPES, ids=["purchase", "stake", "rights", "later sentence", "paid", "other"])
def test_the_type_of_a_deal(extractor, text: str, kind: str) -> None:
    assert _types(extractor, text) == [kind]
