"""Reading articles: front matter, JSONL records, folders and bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extractor.io.inputs import Article, InputError, iter_articles, make_article, parse_published


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-02-10", dt.date(2026, 2, 10)),
        ("2026-2-3", dt.date(2026, 2, 3)),
        ("2025-10-31T08:00:00+08:00", dt.date(2025, 10, 31)),
        ("'2025-04-24'", dt.date(2025, 4, 24)),
        (None, None),
        ("", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "10/30/2025"])
def test_parse_published_rejects(value):
    with pytest.raises(ValueError):
        parse_published(value)


def test_front_matter_sets_date_and_body():
    text = "---\npublished: 2026-02-10\nsource: test\n---\nHeadline\n\nBody."
    a = make_article("x", text)
    assert a.published == dt.date(2026, 2, 10)
    assert text[a.body_start :] == "Headline\n\nBody."
    assert ("source", "test") in a.meta


def test_override_wins_over_front_matter():
    a = make_article("x", "---\npublished: 2026-02-10\n---\nBody.", override=dt.date(2020, 1, 1))
    assert a.published == dt.date(2020, 1, 1)


def _collect(paths):
    return list(iter_articles([str(p) for p in paths]))


def test_folder_is_read_recursively_with_relative_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("First article.")
    (tmp_path / "two.md").write_text("Second article.")
    (tmp_path / "skip.csv").write_text("not an article")
    got = _collect([tmp_path])
    assert [a.doc_id for a in got] == ["a/one.txt", "two.md"]
    assert all(isinstance(a, Article) for a in got)


def test_bad_files_become_errors_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("Fine.")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "latin1.txt").write_bytes("Shares of the caf\xe9 chain rose.".encode("latin-1"))
    (tmp_path / "noise.txt").write_bytes(bytes([0x81, 0x02, 0xFF, 0x90, 0x05, 0xFE, 0x83, 0x07]) * 50)
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    (tmp_path / "link.txt").symlink_to(tmp_path / "nowhere.txt")
    got = {r.doc_id: r for r in _collect([tmp_path, tmp_path / "missing.txt"])}
    assert isinstance(got["good.txt"], Article)
    assert got["latin1.txt"].encoding == "cp1252" and "café" in got["latin1.txt"].text
    kinds = {k: v.kind for k, v in got.items() if isinstance(v, InputError)}
    assert kinds == {
        "empty.txt": "empty",
        "noise.txt": "undecodable",
        "binary.txt": "binary",
        "link.txt": "broken_symlink",
        str(tmp_path / "missing.txt"): "missing",
    }


def test_jsonl_records_with_line_numbers(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "One.", "published": "2026-01-02"}),
                "{not json",
                json.dumps({"id": "b"}),
                json.dumps({"id": "c", "text": "Three.", "published": "soon"}),
                json.dumps(["list"]),
            ]
        )
        + "\n"
    )
    got = _collect([path])
    assert isinstance(got[0], Article) and got[0].published == dt.date(2026, 1, 2)
    errors = [(e.doc_id, e.kind) for e in got[1:]]
    assert errors == [
        (f"{path}:2", "malformed_record"),
        ("b", "malformed_record"),
        ("c", "bad_date"),
        (f"{path}:5", "malformed_record"),
    ]
