"""The library: Extractor.extract / extract_many and the module-level extractor.extract."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from conftest import FIXTURES

import extractor as extractor_pkg
from extractor import DocumentRecord, EtfMove, Money
from extractor.io.inputs import Article, InputError, make_article
from extractor.pipeline import ExtractionError

FRONT = "---\npublished: 2026-02-10\n---\n"
ETF = "The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, with turnover of 166 million yuan."
ETF_YESTERDAY = "The Hong Kong Innovative Drug ETF (159567) rose 3.72% yesterday, with turnover of 166 million yuan."


def test_extract_returns_pydantic_events(extractor):
    [event] = extractor.extract(ETF, published="2026-02-10", doc_id="a1")
    assert isinstance(event, EtfMove)
    assert isinstance(event.turnover, Money)
    assert (event.doc_id, event.etf_code, event.change_pct, event.event_date) == ("a1", "159567", 3.72, "2026-02-10")
    assert (event.turnover.value, event.turnover.currency, event.turnover.fx_date) == (166e6, "CNY", "2026-02-10")
    assert 0 < event.confidence <= 1


def test_extract_with_nothing_to_find_returns_an_empty_list(extractor):
    assert extractor.extract("Markets were closed for the Lunar New Year holiday.", published="2026-02-10") == []


def test_module_level_extract_uses_a_shared_default_extractor(monkeypatch):
    monkeypatch.delattr(extractor_pkg, "_default", raising=False)
    monkeypatch.delenv("EXTRACTOR_MODEL", raising=False)
    [first] = extractor_pkg.extract(ETF, published="2026-02-10", doc_id="m1")
    shared = extractor_pkg._default
    [again] = extractor_pkg.extract(ETF, published="2026-02-10", doc_id="m1")
    assert extractor_pkg._default is shared  # loaded once
    assert isinstance(first, EtfMove) and first.etf_code == "159567"
    assert first == again


def test_extractor_is_importable_from_the_package(extractor):
    assert extractor_pkg.Extractor is type(extractor)


# --- extract_articles ------------------------------------------------------------------------------------


def test_extract_articles_gives_the_records_extract_article_gives_one_by_one(extractor):
    from extractor.facts.analysis import ArticleView
    from extractor.pipeline import _name_windows

    articles = [
        make_article(p.name, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "articles").glob("*.txt"))
    ]
    # several articles send windows to the model, so one batch mixes them and must hand each its own names
    assert sum(bool(_name_windows(ArticleView.build(a, extractor.gazetteer))) for a in articles) >= 3
    together = [r.model_dump() for r in extractor.extract_articles(articles)]
    assert together == [extractor.extract_article(a).model_dump() for a in articles]
    assert sum(len(r["events"]) for r in together) > len(articles)


@pytest.mark.parametrize("name", ["003_1d8452369143ac7e.txt", "122_legend_carvykti_zai_lab_guidance.txt"])
def test_the_model_reads_the_sentences_chosen_for_context_only_when_first_asked(extractor, name):
    from extractor.facts.analysis import ArticleView
    from extractor.pipeline import _context_sentences

    def build() -> tuple[ArticleView, list]:
        view = ArticleView.build(
            make_article(name, (FIXTURES / "articles" / name).read_text("utf-8")), extractor.gazetteer
        )
        extractor._add_ner_orgs([view])
        return view, _context_sentences(view)

    view, context = build()
    assert context and not any(f.context_orgs for f in context)  # not read yet
    view.read_context()
    found = [list(f.context_orgs) for f in context]
    assert any(found)
    view.read_context()  # read once: asking again adds nothing
    assert [list(f.context_orgs) for f in context] == found
    other, again = build()
    other.read_context()
    assert [list(f.context_orgs) for f in again] == found  # the same names in another view


def test_extract_articles_reads_the_sentences_it_is_given(extractor):
    from extractor.facts.sentences import split_sentences

    articles = [
        make_article(p.name, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "articles").glob("*.txt"))[:6]
    ]
    # every other sentence, renumbered: what a first pass that skips sentences would hand on
    kept = [
        [dataclasses.replace(s, index=i) for i, s in enumerate(split_sentences(a.text, a.body_start)[::2])]
        for a in articles
    ]
    given = [kept[0], None, *kept[2:]]
    together = [r.model_dump() for r in extractor.extract_articles(articles, given)]
    assert together == [extractor.extract_article(a, s).model_dump() for a, s in zip(articles, given)]
    assert together != [r.model_dump() for r in extractor.extract_articles(articles)]
    assert together[1] == extractor.extract_article(articles[1]).model_dump()


def test_extract_articles_wants_one_list_of_sentences_per_article(extractor):
    article = make_article("a", "Shares rose.")
    with pytest.raises(ValueError, match="2 articles but 1 lists of sentences"):
        extractor.extract_articles([article, article], [None])


def test_given_sentences_must_be_numbered_in_order(extractor):
    from extractor.facts.sentences import split_sentences

    article = make_article("a", "Shares rose. Bonds fell. Gold was flat.")
    skipped = split_sentences(article.text, article.body_start)[1:]  # still numbered 1, 2
    with pytest.raises(ValueError, match="numbered 0, 1, 2"):
        extractor.extract_article(article, skipped)


def test_extract_articles_of_nothing_is_nothing(extractor):
    assert extractor.extract_articles([]) == []


# --- extract_many --------------------------------------------------------------------------------------


def test_extract_many_streams_records_from_a_generator(extractor):
    records = ({"id": f"g{i}", "text": ETF, "published": "2026-02-10"} for i in range(3))
    results = extractor.extract_many(records)
    assert iter(results) is results  # an iterator, not a list
    got = list(results)
    assert all(isinstance(r, DocumentRecord) for r in got)
    assert [r.doc_id for r in got] == ["g0", "g1", "g2"]
    assert [[e.doc_id for e in r.events] for r in got] == [["g0"], ["g1"], ["g2"]]
    assert {r.published for r in got} == {"2026-02-10"}
    assert {r.model for r in got} == {extractor.model_name}


def test_extract_many_is_lazy(extractor):
    pulled = []

    def endless():
        for i in itertools.count():
            pulled.append(i)
            yield {"id": f"n{i}", "text": ETF, "published": "2026-02-10"}

    first = list(itertools.islice(extractor.extract_many(endless()), 3))
    assert [r.doc_id for r in first] == ["n0", "n1", "n2"]
    assert pulled == [0, 1, 2]  # read no further than asked


def test_bad_records_come_back_as_input_errors_and_the_stream_goes_on(extractor):
    upstream = InputError("broken.txt", "read", "undecodable", "not UTF-8 text")
    records = [
        {"id": "ok1", "text": ETF, "published": "2026-02-10"},
        {"id": "empty", "text": "   "},
        {"id": "no-text"},
        {"id": "bytes", "text": b"The ETF rose 3%."},
        {"id": "bad-date", "text": ETF, "published": "next Tuesday"},
        42,
        upstream,
        {"id": "ok2", "text": ETF, "published": "2026-02-10"},
    ]
    got = list(extractor.extract_many(iter(records)))
    assert [type(r).__name__ for r in got] == ["DocumentRecord"] + ["InputError"] * 6 + ["DocumentRecord"]
    assert [r.doc_id for r in got] == ["ok1", "empty", "no-text", "bytes", "bad-date", "record 6", "broken.txt", "ok2"]
    assert got[6] is upstream  # errors from the reader pass through unchanged
    for error in got[1:6]:
        assert (error.stage, error.kind) == ("extract", "bad_article")
        assert error.message
    assert "next Tuesday" in got[4].message


class _FailsOn:
    """A recognizer that raises `error` on articles containing `marker`."""

    event_type = "etf_move"

    def __init__(self, marker: str, error: Exception) -> None:
        self.marker, self.error = marker, error

    def extract(self, view):
        if self.marker in view.article.text:
            raise self.error
        return []


@pytest.mark.parametrize(
    "error, kind, message",
    [
        (KeyError("yeſterday"), "internal_error", "extraction failed: KeyError: 'yeſterday'"),
        (
            IndexError("list index out of range"),
            "internal_error",
            "extraction failed: IndexError: list index out of range",
        ),
        (TimeoutError("regex timed out"), "timeout", "a pattern exceeded its time budget on this text"),
    ],
)
def test_an_article_that_breaks_extraction_is_an_error_and_the_stream_goes_on(
    extractor, monkeypatch, error, kind, message
):
    monkeypatch.setattr(extractor, "recognizers", [*extractor.recognizers, _FailsOn("Poisoned", error)])
    records = [
        {"id": "ok1", "text": ETF, "published": "2026-02-10"},
        {"id": "poisoned", "text": "Poisoned. " + ETF, "published": "2026-02-10"},
        {"id": "ok2", "text": ETF, "published": "2026-02-10"},
    ]
    got = list(extractor.extract_many(iter(records)))
    assert [type(r).__name__ for r in got] == ["DocumentRecord", "InputError", "DocumentRecord"]
    assert (got[1].doc_id, got[1].stage, got[1].kind, got[1].message) == ("poisoned", "extract", kind, message)
    assert [[e.etf_code for e in r.events] for r in (got[0], got[2])] == [["159567"], ["159567"]]


@pytest.mark.parametrize(
    "record, doc_id",
    [
        (ETF, "record-1"),  # a bare string
        (make_article("art-1", FRONT + ETF), "art-1"),  # an Article from extractor.io.inputs
        ({"doc_id": "by-doc-id", "text": FRONT + ETF}, "by-doc-id"),
    ],
)
def test_extract_many_accepts_strings_articles_and_dicts(extractor, record, doc_id):
    [result] = extractor.extract_many([record], published=dt.date(2026, 2, 10))
    assert result.doc_id == doc_id
    assert [e.etf_code for e in result.events] == ["159567"]


# --- ids and evidence ----------------------------------------------------------------------------------


def test_event_ids_are_deterministic(extractor, rules_only):
    text = (FIXTURES / "articles" / "101_hengrui_merck_lpa_license.txt").read_text(encoding="utf-8")
    first = [e.event_id for e in extractor.extract(text, doc_id="101")]
    again = [e.event_id for e in extractor.extract(text, doc_id="101")]
    elsewhere = [e.event_id for e in extractor.extract(text, doc_id="101-copy")]
    assert first and first == again
    assert len(set(first)) == len(first)  # unique within the article
    assert not set(first) & set(elsewhere)  # the doc_id is part of the id
    assert all(len(i) == 16 and int(i, 16) >= 0 for i in first)


def article_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "articles").glob("*.txt"))]


def test_evidence_text_is_the_article_slice_for_every_fixture(extractor):
    seen = 0
    for name, text in article_texts():
        for event in extractor.extract(text, doc_id=name):
            for evidence in event.evidence:
                assert text[evidence.start : evidence.end] == evidence.text, (name, evidence)
                seen += 1
    assert seen > 20


@pytest.mark.parametrize(
    "text",
    [
        FRONT + "Headline without a stop\n\n" + ETF,
        FRONT.replace("\n", "\r\n") + "\r\n" + ETF + "\r\n",
        "\n\n   " + ETF + "  \n",
        FRONT + "創新藥 ETF 消息。" + ETF.replace("166 million yuan", "1.66亿元"),
    ],
    ids=["headline", "CRLF", "leading blanks", "Chinese text"],
)
def test_evidence_offsets_survive_awkward_layout(extractor, text):
    [event] = extractor.extract(text, published="2026-02-10")
    for evidence in event.evidence:
        assert text[evidence.start : evidence.end] == evidence.text
    assert event.turnover.value == 166e6


# --- the publication date ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published, event_date",
    [
        (FRONT + ETF_YESTERDAY, None, "2026-02-09"),  # front matter
        (ETF_YESTERDAY, "2026-02-10", "2026-02-09"),  # the argument
        (FRONT + ETF_YESTERDAY, "2026-03-04", "2026-03-03"),  # the argument wins over front matter
        (ETF_YESTERDAY, dt.date(2026, 2, 10), "2026-02-09"),  # a date object
        (ETF_YESTERDAY, "2026-02-10T08:30:00+08:00", "2026-02-09"),  # an ISO timestamp
        ("---\ndate: 2026-02-10\n---\n" + ETF_YESTERDAY, None, "2026-02-09"),  # `date:` in front matter
    ],
)
def test_publication_date_resolves_relative_dates(extractor, text, published, event_date):
    [event] = extractor.extract(text, published=published)
    assert event.event_date == event_date
    assert event.turnover.fx_date == event_date
    assert event.turnover.usd is not None


def test_without_a_publication_date_dates_and_conversions_stay_open(extractor):
    [record] = extractor.extract_many([{"id": "undated", "text": ETF_YESTERDAY}])
    assert record.published is None
    assert any("no publication date" in w for w in record.warnings)
    [event] = record.events
    assert event.event_date is None
    assert (event.turnover.usd, event.turnover.rmb, event.turnover.fx_date) == (None, None, None)


def test_an_absolute_date_needs_no_publication_date_for_its_day(extractor):
    [event] = extractor.extract("The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, 2026.")
    assert event.event_date == "2026-02-10"


# --- errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, 123, b"The ETF rose 3%.", ["The ETF rose 3%."], Article("a", "x")])
def test_non_string_text_raises_extraction_error(extractor, text):
    with pytest.raises(ExtractionError, match="must be a string"):
        extractor.extract(text)


@pytest.mark.parametrize("published", ["yesterday", "2026-02-30", "10/02/2026"])
def test_a_bad_publication_date_raises_extraction_error(extractor, published):
    with pytest.raises(ExtractionError, match="published date"):
        extractor.extract(ETF, published=published)


def test_extraction_error_is_a_value_error():
    assert issubclass(ExtractionError, ValueError)
