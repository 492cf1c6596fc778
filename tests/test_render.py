"""`extractor render`: the page model (marked spans, overlaps, escaping, amounts), file names, the events file, the command.

The pages are also loaded in a real browser: see test_render_browser.py.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, lines, write
from hypothesis import given
from hypothesis import strategies as st
from test_cli import BAD_INPUTS, ETF, FRONT, bad_input_paths
from test_fx_rates import LATE_ARTICLE, ecb_csv

from extractor.events.registry import units
from extractor.render.events_file import EventsFileError, load_records
from extractor.render.html import PageNames, page_html
from extractor.render.marks import Mark, Node, Span, SpanError, Text, nest
from extractor.render.page import PageError, build_page, kind_of

# --- marks: spans over a text, nested however they overlap -------------------------------------------


def _span(key: str, start: int, end: int) -> Span:
    return Span(start, end, key, "t-x", key, "event-1")


def shown(nodes: list[Node]) -> str:
    """The nodes as text with each mark in brackets: [A:...] where span A starts, [A~:...] for a piece cut off it."""
    parts = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(node.text)
        else:
            parts.append(f"[{node.span.key}{'' if node.first else '~'}:{shown(node.children)}]")
    return "".join(parts)


NESTING = [
    ("no span", [], "abcdefghij"),
    ("one span", [("A", 2, 5)], "ab[A:cde]fghij"),
    ("the whole text", [("A", 0, 10)], "[A:abcdefghij]"),
    ("two apart", [("A", 0, 2), ("B", 5, 7)], "[A:ab]cde[B:fg]hij"),
    ("touching", [("A", 0, 3), ("B", 3, 6)], "[A:abc][B:def]ghij"),
    ("one inside another", [("A", 0, 6), ("B", 2, 4)], "[A:ab[B:cd]ef]ghij"),
    ("inside, given first", [("B", 2, 4), ("A", 0, 6)], "[A:ab[B:cd]ef]ghij"),
    ("the same stretch twice", [("A", 2, 5), ("B", 2, 5)], "ab[A:[B:cde]]fghij"),
    ("sharing a start", [("A", 0, 3), ("B", 0, 6)], "[B:[A:abc]def]ghij"),
    ("sharing an end", [("A", 0, 6), ("B", 3, 6)], "[A:abc[B:def]]ghij"),
    ("crossing", [("A", 0, 5), ("B", 3, 8)], "[A:abc[B:de]][B~:fgh]ij"),
    ("three crossing", [("A", 0, 4), ("B", 2, 6), ("C", 3, 8)], "[A:ab[B:c[C:d]]][C~:[B~:ef]gh]ij"),
    ("crossing two nested", [("A", 0, 8), ("B", 1, 3), ("C", 2, 9)], "[A:a[B:b[C:c]][C~:defgh]][C~:i]j"),
]


@pytest.mark.parametrize("what, spans, expected", NESTING, ids=[n[0] for n in NESTING])
def test_spans_are_marked_as_nested_elements(what, spans, expected):
    assert shown(nest("abcdefghij", [_span(*s) for s in spans])) == expected


@pytest.mark.parametrize("start, end", [(3, 3), (5, 2), (-1, 2), (8, 11)])
def test_a_span_outside_the_text_or_empty_is_refused(start, end):
    with pytest.raises(SpanError, match=r"span A \["):
        nest("abcdefghij", [_span("A", start, end)])


def _marks(nodes: list[Node]) -> list[Mark]:
    return [m for n in nodes if isinstance(n, Mark) for m in (n, *_marks(n.children))]


def _covered(nodes: list[Node], key: str, inside: bool = False) -> str:
    """The text under the marks of one span."""
    text = ""
    for node in nodes:
        if isinstance(node, Text):
            text += node.text if inside else ""
        else:
            text += _covered(node.children, key, inside or node.span.key == key)
    return text


@given(
    st.text(min_size=1, max_size=30).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(
                st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(lambda se: se[0] < se[1]),
                max_size=6,
            ),
        )
    )
)
def test_any_spans_keep_the_text_whole_and_each_span_starts_once_and_covers_its_stretch(case):
    text, bounds = case
    spans = [_span(f"S{i}", start, end) for i, (start, end) in enumerate(bounds)]
    nodes = nest(text, spans)
    assert _covered(nodes, "", inside=True) == text
    marks = _marks(nodes)
    assert sorted(m.span.key for m in marks if m.first) == sorted(s.key for s in spans)
    for span in spans:
        assert _covered(nodes, span.key) == text[span.start : span.end]


# --- the page of an article --------------------------------------------------------------------------


def money(text: str, value: float, currency: str, **more: object) -> dict[str, object]:
    return {"text": text, "value": value, "currency": currency, "qualifier": "exact"} | more


def event(event_type: str, spans: list[tuple[str, int, int]], **fields: object) -> dict[str, object]:
    evidence = [{"text": t, "start": s, "end": e} for t, s, e in spans]
    return {"event_id": "id", "event_type": event_type, "doc_id": "a", "event_date": None, "evidence": evidence} | {
        "confidence": 0.5,
        **fields,
    }


HOSTILE = 'Intro. <script>alert("x")</script> & <b>bold</b> rose 3%. Tail.'
SENTENCE = '<script>alert("x")</script> & <b>bold</b> rose 3%.'


def hostile_record() -> dict[str, object]:
    start = HOSTILE.index(SENTENCE)
    return {
        "doc_id": "<i>a</i>.txt",
        "model": "rules-only",
        "events": [
            event("etf_move", [(SENTENCE, start, start + len(SENTENCE))], etf_name="<img src=x onerror=alert(1)>")
        ],
        "warnings": ["<script>warn()</script>"],
    }


class MarkCounter(HTMLParser):
    """The tags of an HTML page, its links and the evidence ids of its marks."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.first: list[str] = []
        self.pieces: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag == "a":
            self.links.append(found["href"] or "")
        if tag == "mark":
            (self.pieces if "cont" in (found.get("class") or "") else self.first).append(found["data-evidence"] or "")


def parsed(html: str) -> MarkCounter:
    counter = MarkCounter()
    counter.feed(html)
    return counter


def test_text_and_fields_are_escaped_so_an_article_cannot_inject_markup():
    html = page_html(build_page(HOSTILE, hostile_record()))
    page = parsed(html)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags and "i" not in page.tags
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;warn()&lt;/script&gt;" in html
    assert "<title>&lt;i&gt;a&lt;/i&gt;.txt" in html


#: the only elements a page is made of: nothing that loads, embeds or runs anything
ELEMENTS = {"html", "head", "meta", "title", "style", "body", "header", "main", "aside", "section", "div", "p", "span"}
ELEMENTS |= {"h1", "h2", "a", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "mark"}


def test_a_page_is_self_contained_and_allows_no_fetch_and_no_script():
    html = page_html(build_page(HOSTILE, hostile_record()))
    page = parsed(html)
    assert set(page.tags) <= ELEMENTS
    assert page.links and all(link.startswith("#") or link == "index.html" for link in page.links)
    assert "default-src 'none'" in html


def test_every_evidence_span_is_one_marked_element_even_when_spans_overlap():
    text = "Alpha rose 1%. Beta fell 2%. Gamma was flat."
    first, second = "Alpha rose 1%.", "Beta fell 2%."
    a, b = text.index(first), text.index(second)
    record = {
        "doc_id": "x",
        "model": "m",
        "events": [
            event("etf_move", [(first, a, a + len(first)), (second, b, b + len(second))]),
            event("deal", [(first, a, a + len(first))]),  # the same sentence as another event's
            event("policy_change", [(text[a + 6 : b + 4], a + 6, b + 4)]),  # crossing two sentences
        ],
    }
    page = build_page(text, record)
    assert page.evidence_count == 4
    marks = parsed(page_html(page))
    assert sorted(marks.first) == ["e1-1", "e1-2", "e2-1", "e3-1"]
    assert set(marks.pieces) <= set(marks.first)


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda e: e.update(start=e["start"] + 1, end=e["end"] + 1), "is not in this text"),
        (lambda e: e.update(text="something else"), "is not in this text"),
        (lambda e: e.update(start=50, end=500), "is not in this text"),
    ],
)
def test_evidence_that_does_not_fit_the_text_is_an_error(change, words):
    record = hostile_record()
    change(record["events"][0]["evidence"][0])
    with pytest.raises(PageError, match=words):
        build_page(HOSTILE, record)


AMOUNTS = [
    # (amount, value column, qualifier column, USD, RMB)
    (
        money("$150 million", 150e6, "USD", usd=150e6, rmb=1067779697.62, fx_date="2025-11-11"),
        "150,000,000 USD",
        "exact",
        "150,000,000",
        "1,067,779,697.62",
    ),
    (
        money("RMB 1.03", 1.03, "CNY", usd=0.14, rmb=1.03) | {"qualifier": "about"},
        "1.03 CNY",
        "about",
        "0.14",
        "1.03",
    ),
    (
        money("between RMB 150 million and RMB 180 million", 165e6, "CNY", low=150e6, high=180e6)
        | {"qualifier": "range"},
        "165,000,000 CNY",
        "range 150,000,000 to 180,000,000",
        "",
        "",
    ),
]


@pytest.mark.parametrize("amount, value, qualifier, usd, rmb", AMOUNTS, ids=[a[0]["text"] for a in AMOUNTS])
def test_amounts_show_as_written_value_usd_rmb_and_fx_date(amount, value, qualifier, usd, rmb):
    text = "The deal."
    record = {"doc_id": "d", "model": "m", "events": [event("deal", [(text, 0, len(text))], upfront=amount)]}
    [row] = build_page(text, record).events[0].money
    assert (row.field, row.text, row.value, row.qualifier, row.usd, row.rmb) == (
        "upfront",
        amount["text"],
        value,
        qualifier,
        usd,
        rmb,
    )
    assert row.fx_date == (amount.get("fx_date") or "")


def test_fields_are_flattened_metrics_numbered_percentages_marked_and_nulls_left_out():
    text = "Results."
    metrics = [
        {"metric": "revenue", "value": money("RMB 1 billion", 1e9, "CNY"), "yoy_pct": 30.0, "yoy_pct_range": None},
        {"metric": "net_profit", "value": None, "yoy_pct": 13.5, "yoy_pct_range": [12, 15]},
    ]
    record = {
        "doc_id": "d",
        "model": "m",
        "events": [
            event("earnings_preview", [(text, 0, len(text))], company="Acme", period="H1 2025", metrics=metrics),
            event("deal", [(text, 0, len(text))], parties=["Akeso", "Pfizer"], asset=None),
        ],
    }
    earnings, deal = build_page(text, record).events
    assert earnings.fields == [
        ("company", "Acme"),
        ("period", "H1 2025"),
        ("metrics[1].metric", "revenue"),
        ("metrics[1].yoy_pct", "30.0 %"),
        ("metrics[2].metric", "net_profit"),
        ("metrics[2].yoy_pct", "13.5 %"),
        ("metrics[2].yoy_pct_range", "12 to 15 %"),
    ]
    assert [m.field for m in earnings.money] == ["metrics[1].value"]
    assert deal.fields == [("parties", "Akeso, Pfizer")]


def test_an_amount_with_more_than_the_contract_says_shows_it():
    text = "The deal."
    amount = money("$1", 1.0, "USD", warning="stale_fx_rate: 2026-10-30 for 2026-12-04")
    record = {"doc_id": "d", "model": "m", "events": [event("deal", [(text, 0, len(text))], upfront=amount)]}
    [row] = build_page(text, record).events[0].money
    assert row.more == "warning: stale_fx_rate: 2026-10-30 for 2026-12-04"


def test_every_registered_event_type_has_its_own_colour_and_others_share_one():
    colours = {u.event_type: kind_of(u.event_type).colour for u in units()}
    assert len(set(colours.values())) == len(colours)
    assert kind_of("buyback").css == "t-other"
    assert kind_of("buyback").colour not in colours.values()


# --- file names ---------------------------------------------------------------------------------------


def test_page_names_are_safe_unique_and_never_the_index():
    names = PageNames()
    given_ids = ["notes/etf.txt", "notes_etf.txt", "index", "Index", "../../etc/passwd", "", "报告.txt", "a b?.md"]
    got = [names.name(doc_id) for doc_id in given_ids]
    assert got[0] == "notes_etf.txt.html"
    assert got[1].startswith("notes_etf.txt-") and got[1].endswith(".html")
    assert got[2].startswith("index-") and got[3].startswith("Index-")
    assert got[4] == "etc_passwd.html"
    assert got[5] == "article.html"
    assert got[6] == "txt.html"
    assert got[7] == "a_b_.md.html"
    assert len({g.lower() for g in got}) == len(got)
    assert all("/" not in g and not g.startswith(".") for g in got)


# --- the events file -----------------------------------------------------------------------------------

GOOD_RECORD = {"doc_id": "a.txt", "model": "m", "events": [], "warnings": []}

BAD_EVENTS_FILES = [
    ("not JSON", b'{"doc_id": \n', "line 1: not JSON"),
    ("an event line", json.dumps({"event_type": "deal", "doc_id": "a"}).encode(), "line 1: an event; render reads"),
    ("a list", b"[1, 2]\n", "line 1: not a document record"),
    ("a wrong field", json.dumps(GOOD_RECORD | {"events": "none"}).encode(), "line 1: events:"),
    ("a second bad line", (json.dumps(GOOD_RECORD) + "\n{}\n").encode(), "line 2: not a document record"),
    ("not UTF-8", b'{"doc_id": "\xff"}\n', "not UTF-8 text"),
]


@pytest.mark.parametrize("what, content, words", BAD_EVENTS_FILES, ids=[b[0] for b in BAD_EVENTS_FILES])
def test_a_bad_events_file_is_named_with_its_line_and_problem(tmp_path, what, content, words):
    path = write(tmp_path, "events.jsonl", content)
    with pytest.raises(EventsFileError, match=f"^{path}: .*{words}"):
        load_records(path)


def test_the_last_record_of_a_doc_id_wins(tmp_path):
    first, second = GOOD_RECORD | {"warnings": ["first"]}, GOOD_RECORD | {"warnings": ["second"]}
    path = write(tmp_path, "events.jsonl", f"{json.dumps(first)}\n\n{json.dumps(second)}\n")
    assert load_records(path) == {"a.txt": second}


# --- the command -----------------------------------------------------------------------------------------

ARTICLES = ["116_akeso_pfizer_etf_wrap.txt", "130_h1_alerts_keymed_innocare_remegen_interim.txt"]


@pytest.fixture
def folder(tmp_path) -> Path:
    """Two fixture articles with overlapping evidence, and one article of hostile text."""
    folder = tmp_path / "articles"
    for name in ARTICLES:
        write(folder, name, (FIXTURES / "articles" / name).read_text(encoding="utf-8"))
    write(folder, "zz_hostile.txt", FRONT + "<script>alert(1)</script> " + ETF + "\n")
    return folder


def test_render_writes_a_page_per_article_marking_every_evidence_span_and_an_index(cli, folder, tmp_path):
    status, out, err = cli("extract", folder, "--per-document", "--output", "-")
    records = lines(out)
    status, _, err = cli("render", folder, "--output", tmp_path / "html")
    assert status == 0, err
    pages = sorted(p.name for p in (tmp_path / "html").iterdir())
    assert pages == sorted(["index.html", *(f"{r['doc_id']}.html" for r in records)])
    for record in records:
        marks = parsed((tmp_path / "html" / f"{record['doc_id']}.html").read_text(encoding="utf-8"))
        assert len(marks.first) == sum(len(e["evidence"]) for e in record["events"]) > 0
        assert "script" not in marks.tags
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert sorted(parsed(index).links) == sorted(f"{r['doc_id']}.html" for r in records)
    assert f"<tr><th>events</th><td>{sum(len(r['events']) for r in records)}</td></tr>" in index
    assert "extractor: 3 pages, " in err and "0 failed" in err


def test_render_from_an_events_file_writes_the_same_pages_as_extracting_again(cli, folder, tmp_path):
    events = tmp_path / "docs.jsonl"
    cli("extract", folder, "--per-document", "--output", events)
    assert cli("render", folder, "--output", tmp_path / "extracted")[0] == 0
    status, _, err = cli("render", folder, "--events", events, "--output", tmp_path / "from-file")
    assert status == 0, err
    for page in (tmp_path / "extracted").iterdir():
        assert page.read_bytes() == (tmp_path / "from-file" / page.name).read_bytes(), page.name


def test_render_reads_html_pages_and_jsonl_records_as_extract_does(cli, tmp_path):
    page = "<html><head><title>ETF</title><meta name='date' content='2026-02-10'></head><body><article><p>{}</p><p>{}</p></article></body></html>"
    write(tmp_path / "in", "page.html", page.format(ETF, "Markets were otherwise quiet across the region today."))
    batch = write(tmp_path, "batch.jsonl", json.dumps({"id": "r1", "text": ETF, "published": "2026-02-10"}) + "\n")
    status, _, err = cli("render", tmp_path / "in", batch, "--output", tmp_path / "html")
    assert status == 0, err
    assert {p.name for p in (tmp_path / "html").iterdir()} == {"index.html", "page.html.html", "r1.html"}
    assert len(parsed((tmp_path / "html" / "r1.html").read_text(encoding="utf-8")).first) == 1


def test_an_events_file_from_another_text_or_without_the_article_fails_that_article(cli, folder, tmp_path):
    events = tmp_path / "docs.jsonl"
    cli("extract", folder, "--per-document", "--output", events)
    write(folder, ARTICLES[0], "Intro line.\n" + (folder / ARTICLES[0]).read_text(encoding="utf-8"))
    write(folder, "new.txt", FRONT + ETF)
    status, _, err = cli("render", folder, "--events", events, "--output", tmp_path / "html")
    assert status == 1
    assert f"extractor: {ARTICLES[0]}: evidence E1.1 [" in err and "another version of the article" in err
    assert f"extractor: new.txt: no document record with this doc_id in {events}" in err
    assert "2 pages, " in err and "2 failed" in err
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "Not rendered" in index and "evidence_mismatch" in index and "no_record" in index


def test_render_converts_with_the_rates_given_and_shows_a_stale_rate_warning_without_them(cli, tmp_path):
    write(tmp_path / "in", "late.txt", LATE_ARTICLE)
    rates = write(tmp_path, "eurofxref-hist.csv", ecb_csv())
    assert cli("render", tmp_path / "in", "--fx-rates", rates, "--output", tmp_path / "fresh")[0] == 0
    assert cli("render", tmp_path / "in", "--output", tmp_path / "bundled")[0] == 0
    fresh = (tmp_path / "fresh" / "late.txt.html").read_text(encoding="utf-8")
    bundled = (tmp_path / "bundled" / "late.txt.html").read_text(encoding="utf-8")
    assert "25,937,500" in fresh  # 166 million yuan at 6.4 yuan to the dollar
    assert "stale_fx_rate" in bundled and "stale_fx_rate" not in fresh


@pytest.mark.parametrize("what, name, content, doc_id, kind, words", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_gets_the_same_error_as_from_extract(cli, tmp_path, what, name, content, doc_id, kind, words):
    paths = bad_input_paths(tmp_path, name, content)
    _, _, extract_err = cli("extract", *paths, "--output", tmp_path / "events.jsonl")
    status, _, err = cli("render", *paths, "--output", tmp_path / "html")
    assert status == 1
    reported = [line for line in err.splitlines() if line.startswith(f"extractor: {doc_id.format(tmp=tmp_path)}: ")]
    assert len(reported) == 1 and reported[0] in extract_err.splitlines()
    assert words in reported[0]
    assert (tmp_path / "html" / "good.txt.html").is_file()


@pytest.mark.parametrize(
    "option, words",
    [
        (["--published", "yesterday"], "not YYYY-MM-DD"),
        (["--model", "no_such_model_xyz"], "'no_such_model_xyz' is not installed"),
        (["--output", "{file}"], "is a file, not a folder"),
        (["--events", "{tmp}/missing.jsonl"], "--events {tmp}/missing.jsonl: no such file"),
        (["--events", "{file}"], "{file}: line 1: not JSON"),
        (["--events", "{file}", "--model", "rules-only"], "--model and --fx-rates apply when extracting"),
        (["--fx-rates", "{tmp}/none.zip"], "--fx-rates {tmp}/none.zip"),
    ],
)
def test_render_usage_errors_exit_2_with_one_line(cli, folder, tmp_path, option, words):
    file = write(tmp_path, "plain.txt", "not json\n")
    option = [o.format(tmp=tmp_path, file=file) for o in option]
    argv = ["render", folder, *option] if "--output" in option else ["render", folder, "--output", tmp_path, *option]
    status, out, err = cli(*argv)
    assert out == ""
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("extractor: error: ")
    assert words.format(tmp=tmp_path, file=file) in err
