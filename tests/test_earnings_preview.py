"""Earnings previews read from real-article phrasings: one line per case, grouped by the rule it shows."""

from __future__ import annotations

import pytest

from extractor.facts.analysis import clean_org_text


def _previews(
    extractor, text: str, published: str = "2024-10-08"
) -> list[tuple[object, object, list[tuple[str, float | None]]]]:
    return [
        (e.company, e.period, [(m.metric, m.value.value if m.value else m.yoy_pct) for m in e.metrics])
        for e in extractor.extract(text, published=published)
        if e.event_type == "earnings_preview"
    ]


SALES = [
    # a company's sales are its revenue; a product's sales stay sales
    ("Samsung Electronics expects third-quarter sales of 79 trillion won.", "revenue"),
    ("Nokia now expects full-year net sales of EUR 23.9 billion.", "revenue"),
    ("Legend Biotech said net trade sales of Carvykti reached $524 million in the third quarter.", "sales"),
]


@pytest.mark.parametrize("text, metric", SALES, ids=[c[0][:40] for c in SALES])
def test_sales_of_a_company_are_revenue(extractor, text: str, metric: str) -> None:
    [(_, _, metrics)] = _previews(extractor, text)
    assert [m for m, _ in metrics] == [metric]


def test_a_preview_with_no_company_of_its_own_takes_the_company_named_before(extractor) -> None:
    text = (
        "Infineon Technologies cut its outlook on Tuesday. "
        "Revenue for the fiscal year is now expected at EUR 15.1 billion, down from EUR 16 billion forecast before."
    )
    assert [c for c, _, _ in _previews(extractor, text)] == ["Infineon Technologies"]


@pytest.mark.parametrize(
    "written, name",
    [
        ("Hong Kong-based China Taiping", "China Taiping"),
        ("Shanghai-listed Hengrui", "Hengrui"),
        ("the U.S.-based Pfizer", "Pfizer"),
    ],
)
def test_a_description_before_a_name_is_no_part_of_it(written: str, name: str) -> None:
    assert clean_org_text(written) == name


def test_a_product_named_as_subject_keeps_its_sales_apart_from_revenue(extractor) -> None:
    text = (
        "Its core product, Zebrutinib, generated global sales of 1.3 billion USD in 2023; BeiGene's revenue for "
        "the first three quarters of 2024 is expected to reach 1.816 billion USD."
    )
    metrics = {m for _, _, ms in _previews(extractor, text, "2025-02-26") for m, _ in ms}
    assert metrics == {"sales", "revenue"}
