"""Table-driven tests of the shared number parsing (extractor.facts.numbers)."""

from __future__ import annotations

import pytest

from extractor.facts.numbers import find_quantities, parse_chinese, parse_digits, parse_english, parse_number


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,234.5", 1234.5),
        ("1.599,00", 1599.0),
        ("1 995,00", 1995.0),
        ("1'049,95", 1049.95),
        (".75", 0.75),
        ("73,460", 73460.0),
        ("1.144.000", 1144000.0),
        ("19,1", 19.1),
        ("1,00,000", 100000.0),
        ("１２３，４５６", 123456.0),
        ("1.641", 1.641),
    ],
)
def test_parse_digits(raw: str, value: float) -> None:
    parsed = parse_digits(raw)
    assert parsed is not None and parsed[0] == value


def test_lone_dot_before_three_digits_keeps_a_grouped_reading() -> None:
    assert parse_digits("31.500") == (31.5, True, 31500.0)
    assert parse_digits("1,2,3") is None


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("twenty five", 25),
        ("a hundred", 100),
        ("three quarters billion", 7.5e8),
        ("half million", 5e5),
        ("one hundred and five", 105),
        ("forty-five", 45),
        ("thousand", None),
        ("half", None),
    ],
)
def test_parse_english(raw: str, value: float | None) -> None:
    assert parse_english(raw) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("三十", 30),
        ("一百二十点五", 120.5),
        ("一万亿", 1e12),
        ("四十九兆九千五百九十二億", 4.99592e13),
        ("拾万零五十六点叁叁", 100056.33),
        ("二〇二五", 2025),
        ("两", 2),
        ("一亿二千万", 1.2e8),
    ],
)
def test_parse_chinese(raw: str, value: float) -> None:
    assert parse_chinese(raw) == pytest.approx(value)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1.5 million", 1.5e6), ("5.9亿", 5.9e8), ("1.2万亿", 1.2e12), ("$10K"[1:], 1e4), ("16.4 million", 1.64e7)],
)
def test_parse_number_with_scale(raw: str, value: float) -> None:
    assert parse_number(raw) == value


def test_find_quantities_splits_bad_space_groups() -> None:
    text = "in 2025 500 million"
    assert [text[q.start : q.end] for q in find_quantities(text)] == ["2025", "500 million"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a deal worth half a billion", [("half a billion", 5e8)]),
        ("TWO Hundred staff", [("TWO Hundred", 200)]),
        ("sold twenty-five units", [("twenty-five", 25)]),
        ("one of three", [("one", 1), ("three", 3)]),
        ("someone bought a stone", []),  # number words inside longer words are no numbers
        ("anyone", []),
        ("re-one", []),  # nor right after a hyphen
        ("5 million and forty", [("5 million", 5e6), ("forty", 40)]),
        ("十万 and one", [("十万", 1e5), ("one", 1)]),
        # letters a case-blind match takes for ASCII ones, or that lower-case to two characters
        ("two la\u212ah", [("two la\u212ah", 2e5)]),
        ("\u0130stanbul has two million", [("two million", 2e6)]),
    ],
)
def test_find_quantities_with_number_words(text: str, found: list[tuple[str, float]]) -> None:
    assert [(text[q.start : q.end], q.value) for q in find_quantities(text)] == found
