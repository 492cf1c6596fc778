"""Table-driven tests of the percentage parser (extractor.facts.percentages)."""

from __future__ import annotations

import math

import pytest

from extractor.facts.percentages import find_percentages, parse_percentages

# text, value, qualifier, mention
SINGLE = [
    ("ETF 520880 surged 3.86% on heavy volume", 3.86, "exact", "3.86%"),
    ("the fund closed 2.9% higher", 2.9, "exact", "2.9%"),
    ("a gain of 3.86 % intraday", 3.86, "exact", "3.86 %"),
    ("net profit rose 15.84 percent", 15.84, "exact", "15.84 percent"),
    ("revenue rose 1.2 per cent", 1.2, "exact", "1.2 per cent"),
    ("a stake of twenty percent", 20.0, "exact", "twenty percent"),
    ("margins widened 0.5 percentage point", 0.5, "exact", "0.5 percentage point"),
    ("利润率提升百分之二十", 20.0, "exact", "百分之二十"),
    ("毛利率提升20个百分点", 20.0, "exact", "20个百分点"),
    ("同比下降5.2%", 5.2, "exact", "5.2%"),
    ("the index fell -5% on Monday", -5.0, "exact", "-5%"),
    ("just need minus five percent", -5.0, "exact", "minus five percent"),
    ("净利润负3.9%", -3.9, "exact", "负3.9%"),
    ("over 70% of innovative drug companies", 70.0, "over", "over 70%"),
    ("nearly 40% of the fund", 40.0, "about", "nearly 40%"),
    ("at least 25% of revenue", 25.0, "at_least", "at least 25%"),
    ("up to 30% of the index", 30.0, "up_to", "up to 30%"),
    ("约30%的份额", 30.0, "about", "约30%"),
    ("增长30%以上", 30.0, "over", "30%以上"),
    ("which offers 100% exposure", 100.0, "exact", "100%"),
    ("a 296.9% increase in turnover", 296.9, "exact", "296.9%"),
    ("商品打九折", 90.0, "exact", "九折"),
    ("市场份额三成", 30.0, "exact", "三成"),
    ("２２％的增长", 22.0, "exact", "２２％"),
    ("千分之二的费率", 0.2, "exact", "千分之二"),
    ("收益率为百分之2.4", 2.4, "exact", "百分之2.4"),
    ("increased 150 percent from a year earlier", 150.0, "exact", "150 percent"),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "mention"), SINGLE)
def test_single_percentage(text: str, value: float, qualifier: str, mention: str) -> None:
    found = find_percentages(text)
    assert len(found) == 1, [p.item for p in found]
    loc = found[0]
    assert loc.item.text == text[loc.start : loc.end] == mention
    assert math.isclose(loc.item.value, value, rel_tol=1e-9)
    assert loc.item.qualifier == qualifier


# text, low, high, mention
RANGES = [
    ("net profit is expected to rise 45% to 60% year on year", 45.0, 60.0, "45% to 60%"),
    ("growth of 13%-16%", 13.0, 16.0, "13%-16%"),
    ("growth of 13-16%", 13.0, 16.0, "13-16%"),
    ("up between 13% and 16%", 13.0, 16.0, "between 13% and 16%"),
    ("净利润同比增长50%-60%", 50.0, 60.0, "50%-60%"),
    ("同比增长50%至60%", 50.0, 60.0, "50%至60%"),
    ("a drop of 1.2 to 1.5 percent", 1.2, 1.5, "1.2 to 1.5 percent"),
    # the second figure's own minus sign is read, also with a space after each sign
    ("a change of -64.5%~-58.1% on the year", -64.5, -58.1, "-64.5%~-58.1%"),
    ("a swing of - 22.4% to - 17.35% from a year earlier", -22.4, -17.35, "- 22.4% to - 17.35%"),
    ("margins moving 3% to -2%", -2.0, 3.0, "3% to -2%"),
    ("a 211 percent to 248\npercent jump in profit", 211.0, 248.0, "211 percent to 248\npercent"),  # a wrapped line
    # a fall's bounds written largest first with a tilde
    ("profit is expected to decrease 95.4~93.8% on the year", 93.8, 95.4, "95.4~93.8%"),
]


@pytest.mark.parametrize(("text", "low", "high", "mention"), RANGES)
def test_percentage_range(text: str, low: float, high: float, mention: str) -> None:
    found = find_percentages(text)
    assert len(found) == 1, [p.item for p in found]
    item = found[0].item
    assert item.qualifier == "range"
    assert (item.low, item.high) == (low, high)
    assert item.value == pytest.approx((low + high) / 2)
    assert item.text == mention


def test_from_to_is_two_values() -> None:
    assert [p.value for p in parse_percentages("its share rose from 13% to 16%")] == [13.0, 16.0]


def test_several_percentages() -> None:
    text = "The ETF climbed as much as 3.86% intraday and closed 2.9% higher, while 159137 rose 2.1%."
    assert [p.value for p in parse_percentages(text)] == [3.86, 2.9, 2.1]


NO_PERCENT = [
    "ETF 520880 turnover reached 590 million yuan",
    "Only a small percent attain the top ranks",
    "The table shows the % of increase",
    "see https://www.test.com/search?q=30%25%2020%",
    "cut by 25 basis points",
    "完成三季度目标",
    "折合人民币5亿元",
    "",
]


@pytest.mark.parametrize("text", NO_PERCENT)
def test_no_percentage(text: str) -> None:
    assert parse_percentages(text) == []


@pytest.mark.parametrize(
    "text",
    ["5%" * 30000, "5%-" * 30000, "百分之" * 20000 + "五", "%" * 50000, "1" * 100000 + "%"],
    ids=range(5),
)
def test_pathological_inputs_finish(text: str) -> None:
    for loc in find_percentages(text):
        assert loc.item.text == text[loc.start : loc.end]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the 2024~25% band", [25.0]),  # a year before a tilde is no bound
        ("from 80~30% of sales", [30.0]),  # a first figure over twice the second is no range written largest first
    ],
)
def test_a_descending_tilde_range_needs_near_bounds(text: str, values: list[float]) -> None:
    assert [p.value for p in parse_percentages(text)] == values
