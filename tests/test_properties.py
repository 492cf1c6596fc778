"""Properties that hold for any input: schema-valid events or the documented error, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.pipeline import ExtractionError
from extractor.validate import check_record

#: words that wake the recognizers up, so generated text reaches deep into the rules
FINANCIAL = [
    "ETF",
    "(159567)",
    "520880",
    "rose",
    "fell",
    "3.86%",
    "as much as",
    "closed",
    "turnover",
    "net inflow",
    "of",
    "up to",
    "$8.85 billion",
    "RMB 1.641 billion",
    "5.9亿元",
    "HK$2.3bn",
    "upfront payment",
    "milestones",
    "licensing",
    "agreement",
    "with",
    "Hengrui",
    "Merck",
    "Pfizer Inc.",
    "announced",
    "signed",
    "State Council",
    "NHSA",
    "issued",
    "action plan",
    "revenue",
    "net profit",
    "year-on-year",
    "increase",
    "15.84%",
    "H1 2025",
    "FY2025",
    "Q3",
    "expects",
    "loss",
    "between",
    "and",
    "to",
    "on February 8",
    "yesterday",
    "10/30",
    ".",
    ",",
    ";",
    "\n",
    "\n\n",
    "the",
    "company",
    "its",
    "respectively",
    "approximately",
    "about",
    "over",
    "-",
    "–",
    "%",
    "$",
    "亿",
    "万",
    "billion",
    "million",
    "bps",
]
JUMBLES = st.lists(st.sampled_from(FINANCIAL), max_size=80).map(" ".join)
#: sentences put together from parts of real ones, so that many of them are events
SUBJECTS = [
    "The Hong Kong Innovative Drug ETF (159567)",
    "ETF 520880",
    "Jiangsu Hengrui Pharmaceuticals Co., Ltd.",
    "Akeso",
    "The State Council",
    "The NHSA",
    "The company",
    "It",
    "Innovent Biologics (01801.HK)",
]
VERBS = [
    "rose",
    "fell",
    "climbed as much as",
    "closed",
    "signed a licensing agreement with Merck for HRS-5346, worth",
    "expects net profit attributable to shareholders of",
    "issued an action plan on",
    "announced revenue of",
    "will receive an upfront payment of",
    "recorded net inflows of",
    "saw turnover of",
    "expects a loss of",
]
FIGURES = [
    "3.86%",
    "$350 million",
    "up to $8.85 billion",
    "RMB 45.456 billion",
    "5.9亿元",
    "HK$2.3bn",
    "between RMB 6.333 billion and 6.501 billion",
    "15.84%",
    "about 2 billion yuan",
    "€1.2 billion",
    "-4.1%",
]
TAILS = [
    "on February 8",
    "yesterday",
    "in H1 2025",
    "for FY2025",
    "a year-on-year increase of 15.84%",
    "",
    "respectively",
    "including an upfront payment of $350 million and milestones of up to $1.2 billion",
    "as of June 30",
    "in the first three quarters of 2024",
    "up 13% to 16% year on year",
]
SENTENCES = st.tuples(*(st.sampled_from(x) for x in (SUBJECTS, VERBS, FIGURES, TAILS))).map(
    lambda p: " ".join(p).strip() + "."
)
ARTICLES = st.tuples(st.lists(SENTENCES, min_size=1, max_size=8), st.sampled_from([" ", "\n", "\n\n"])).map(
    lambda p: p[1].join(p[0])
)
TEXTS = st.one_of(st.text(max_size=400), JUMBLES, ARTICLES, st.text(alphabet="0123456789.,%$ -亿万元", max_size=200))
PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=PUBLISHED)
def test_any_text_gives_schema_valid_events_or_an_extraction_error(extractor, text, published):
    """Any text and any publication date: schema-valid events whose evidence indexes the text, or ExtractionError."""
    try:
        events = extractor.extract(text, published=published, doc_id="p")
    except ExtractionError:
        return
    for event in events:
        record = event.model_dump(mode="json")
        assert check_record(record, 1) == [], record
        for evidence in record["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(st.binary(max_size=600), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    name=st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl"]),
)
def test_the_command_never_shows_an_uncaught_exception(cli, content, name):
    """Any bytes in any kind of article file: exit 0 or 1 with one-line reports, never a traceback."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, name)
        path.write_bytes(content)
        status, _out, err = cli("extract", path, "--per-document", "-o", Path(tmp, "out.jsonl"))
        assert status in (0, 1), err
        assert "Traceback" not in err
        if status == 1:
            assert "extractor: " in err and "failed" in err


#: money as the world writes it, and as a hostile text might: digits, groupings, scale and currency words
DIGITS = st.from_regex(r"-?[0-9]{1,24}([.,][0-9]{0,6}){0,3}", fullmatch=True)
SCALES = st.sampled_from(
    ["", " million", " billion", "bn", " trillion", "亿", "万", "亿" * 3, " thousand", "k", "e308"]
)
CURRENCIES = st.sampled_from(["$", "US$", "HK$", "RMB ", "¥", "€", "£", "Rp ", "USD ", "元", " yuan", "%", " percent"])
MONEY_TEXTS = st.lists(
    st.tuples(CURRENCIES, DIGITS, SCALES, CURRENCIES).map("".join) | st.sampled_from(FINANCIAL), max_size=12
).map(" ".join)
#: any code point, lone surrogates included (what a JSON \\ud800 escape gives)
ANY_CHARACTERS = st.text(st.characters(codec=None, categories=None), max_size=300)


@settings(max_examples=400, deadline=None)
@given(text=MONEY_TEXTS | st.text(max_size=200))
def test_the_money_and_percent_parsers_take_any_string(text):
    """parse_amounts and parse_percentages never raise on a string; every value is finite and plausible."""
    import math

    from extractor import parse_amounts, parse_percentages
    from extractor.facts.amounts import LARGEST_AMOUNT

    for money in parse_amounts(text):
        for value in (money.value, money.low, money.high):
            assert value is None or (math.isfinite(value) and abs(value) <= LARGEST_AMOUNT), money
            assert value is None or str(value) != "-0.0", money
    for pct in parse_percentages(text):
        assert math.isfinite(pct.value), pct


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_CHARACTERS | TEXTS.map(lambda t: t.replace("the", "\ud800")))
def test_any_code_point_gives_a_record_that_serialises(extractor, text):
    """Lone surrogates included: the document record is valid JSON that UTF-8 can hold, or ExtractionError."""
    import json

    from extractor.io.inputs import make_article

    try:
        article = make_article("p\udc80", text, "2025-07-01")
        record = extractor.extract_article(article)
    except ExtractionError:
        return
    dumped = record.model_dump_json()
    dumped.encode("utf-8")
    assert check_record(json.loads(dumped), 1) == []
