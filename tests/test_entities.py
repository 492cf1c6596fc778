"""Resolved names: every party, company and issuer carries its entity; --gazetteer FILE adds or overrides entries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import lines, write

from extractor.contract import Entity
from extractor.datafiles import load_jsonl
from extractor.facts.entities import canonical_name, repair_case, resolve
from extractor.facts.gazetteer import build_gazetteer, default_gazetteer
from extractor.facts.tickers import normalize_ticker
from extractor.io.batch import SHARD_SIZE
from extractor.io.gazetteer_file import GazetteerFileError, read_gazetteer_file

BEIGENE = ("BeiGene", ["06160.HK", "688235.SH", "BGNE", "ONC"])
INNOVENT = ("Innovent Biologics", ["01801.HK"])
LILLY = ("Eli Lilly", ["LLY"])


@pytest.mark.parametrize(
    "written, canonical, tickers",
    [
        ("BeiGene", *BEIGENE),
        ("BEIGENE", *BEIGENE),  # an alias in upper case
        ("Beigene", *BEIGENE),  # another casing of a known form
        ("百济神州", *BEIGENE),
        ("688235", *BEIGENE),  # a bare mainland code
        ("688235.SS", *BEIGENE),
        ("SH688235", *BEIGENE),
        ("(01801.HK)", *INNOVENT),  # a code in brackets
        ("HK:1801", *INNOVENT),  # the exchange before, the code short
        ("1801.HK", *INNOVENT),
        ("Innovent Biologics (01801.HK)", *INNOVENT),
        ("INNOVENT BIO", *INNOVENT),
        ("Hong Kong-listed Innovent", *INNOVENT),  # a description before the name
        ("Lilly", *LILLY),
        ("Lilly's", *LILLY),
        ("NYSE: LLY", *LILLY),
        ("LLY.N", *LILLY),
        ("Eli Lilly and Company", *LILLY),
        ("Jiangsu Hengrui Pharmaceuticals Co., Ltd.", "Jiangsu Hengrui Pharmaceuticals", ["600276.SH", "01276.HK"]),
    ],
)
def test_aliases_casings_and_stock_codes_resolve_to_one_known_entity(written, canonical, tickers):
    entity = resolve(written)
    assert (entity.name, entity.canonical, entity.tickers, entity.known) == (written, canonical, tickers, True)
    assert entity.kind == "company" and entity.lei is None


@pytest.mark.parametrize(
    "written, canonical, kind",
    [
        ("PBOC", "People's Bank of China", "central_bank"),
        ("the Fed", "Federal Reserve", "central_bank"),
        ("China's securities regulator", "China Securities Regulatory Commission", "regulator"),
        ("State Council", "State Council", "government"),
    ],
)
def test_bodies_resolve_with_their_kind(written, canonical, kind):
    entity = resolve(written, kind="government")
    assert (entity.canonical, entity.kind, entity.known) == (canonical, kind, True)


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("HON KWOK LAND", "Hon Kwok Land"),  # ALL-CAPS in ordinary case
        ("BANK OF NOWHERE", "Bank of Nowhere"),  # particles in lower case
        ("KAM FUNG PPT", "Kam Fung PPT"),  # an acronym (no vowel) stays
        ("KYOSHA CO.,LTD.", "Kyosha"),  # the legal form dropped
        ("Japan's Kyosha Motor Corp.", "Kyosha Motor"),  # a country's possessive dropped
        ("Brightwell Medicine (000999.SZ)", "Brightwell Medicine"),  # a stock code dropped
        ("the  Brightwell   Group", "Brightwell Group"),  # spaces evened out, no leading 'the'
        ("NOVEXA, Inc.", "NOVEXA"),  # a mixed-case name keeps its casing
    ],
)
def test_an_unknown_name_keeps_a_cleaned_canonical_and_no_identifiers(written, canonical):
    entity = resolve(written)
    assert (entity.canonical, entity.tickers, entity.lei, entity.known) == (canonical, [], None, False)
    assert entity.kind == "company"
    assert canonical_name(written) == canonical


def test_an_unknown_name_takes_the_kind_its_field_gives():
    assert resolve("Ministry of Nowhere", kind="government").kind == "government"


@pytest.mark.parametrize(
    "written, normalised",
    [
        ("01801.HK", "01801.HK"),
        ("700.HK", "00700.HK"),
        ("HKEX: 700", "00700.HK"),
        ("00700", "00700.HK"),  # five digits: Hong Kong
        ("600519", "600519.SH"),
        ("000001", "000001.SZ"),
        ("300750", "300750.SZ"),
        ("830799", "830799.BJ"),
        ("920001", "920001.BJ"),
        ("SZ000001", "000001.SZ"),
        ("NASDAQ:BGNE", "BGNE"),
        ("LLY.US", "LLY"),
        ("4568.T", "4568.T"),
        ("MRK.DE", "MRK.DE"),
        ("1801", None),  # four bare digits: which exchange?
        ("SH1801", None),  # a mainland code has six digits
        ("LLY", None),  # a bare symbol is a word, unless the gazetteer's data lists it
        ("Merck", None),
        ("USB", None),  # a symbol that starts with an exchange's letters ('US') is no prefixed code
        ("NYSE American: ABC", "ABC"),
        ("SSE 600276", "600276.SH"),
    ],
)
def test_stock_codes_are_normalised(written, normalised):
    assert normalize_ticker(written) == normalised


@pytest.mark.parametrize(
    "written, repaired",
    [("ZAI LAB", "Zai Lab"), ("HSBC", "HSBC"), ("CK ASSET HOLDINGS", "CK Asset Holdings"), ("AkesoBio", "AkesoBio")],
)
def test_all_caps_names_are_put_in_ordinary_case(written, repaired):
    assert repair_case(written) == repaired


# --- the bundled gazetteer -------------------------------------------------------------------------


def _rows() -> list[tuple[str, dict]]:
    return [(f, row) for f in ("companies.jsonl", "bodies.jsonl") for row in load_jsonl("gazetteer", f)]


def test_every_bundled_ticker_is_a_stock_code_in_its_normalised_form_or_an_alias_of_one():
    for _, row in _rows():
        for ticker in row.get("tickers", []):
            assert normalize_ticker(ticker, bare_symbols=True) is not None, (row["name"], ticker)


def test_no_name_or_alias_of_the_bundled_gazetteer_names_two_entities():
    seen: dict[str, str] = {}
    for _, row in _rows():
        for form in [row["name"], *row.get("aliases", [])]:
            assert seen.setdefault(form, row["name"]) == row["name"], f"{form!r}: {seen[form]} and {row['name']}"


def test_no_ticker_of_the_bundled_gazetteer_lists_two_entities():
    owners: dict[str, str] = {}
    for _, row in _rows():
        for ticker in row.get("tickers", []):
            listed = normalize_ticker(ticker, bare_symbols=True)
            assert owners.setdefault(listed, row["name"]) == row["name"], (ticker, owners[listed], row["name"])


def test_every_bundled_entry_resolves_to_itself_by_its_name_and_each_alias():
    for _, row in _rows():
        for form in [row["name"], *row.get("aliases", [])]:
            assert resolve(form).canonical == row["name"], form


# --- events carry their entities -----------------------------------------------------------------------

DEAL = (
    "BEIGENE (06160.HK) signed a licensing agreement with Brightwell Therapeutics worth up to $1.2 billion, "
    "including an upfront payment of $100 million."
)
PREVIEW = "HON KWOK LAND expects a net loss of HK$20 million for 2025, compared with a profit of HK$5 million."
POLICY = "The PBOC cut the reserve requirement ratio by 50 basis points on February 5."


def test_a_deal_lists_the_entity_of_each_party_in_order(rules_only):
    [deal] = rules_only.extract(DEAL, published="2026-02-10")
    assert deal.parties == ["BEIGENE", "Brightwell Therapeutics"]
    assert [(e.name, e.canonical, e.known) for e in deal.party_entities] == [
        ("BEIGENE", "BeiGene", True),
        ("Brightwell Therapeutics", "Brightwell Therapeutics", False),
    ]
    assert deal.party_entities[0].tickers == BEIGENE[1]


def test_an_earnings_preview_and_a_policy_change_carry_their_entity(rules_only):
    [preview] = rules_only.extract(PREVIEW, published="2026-02-10")
    assert (preview.company, preview.company_entity.canonical) == ("HON KWOK LAND", "Hon Kwok Land")
    [policy] = rules_only.extract(POLICY, published="2026-02-10")
    assert (policy.issuer, policy.issuer_entity.canonical, policy.issuer_entity.kind) == (
        "People's Bank of China",
        "People's Bank of China",
        "central_bank",
    )


@pytest.mark.usefixtures("unfiltered")
def test_an_event_without_a_name_has_no_entity(rules_only):
    [preview] = rules_only.extract(
        "Net profit is expected to rise 30% to RMB 2 billion in 2025.", published="2026-02-10"
    )
    assert preview.company is None and preview.company_entity is None


# --- a user's gazetteer file --------------------------------------------------------------------------

USER_JSONL = (
    '{"name": "Brightwell Therapeutics", "aliases": ["Brightwell"], "tickers": ["BRTW", "HK:2999"], "kind": "company"}\n'
    "\n"
    '{"name": "Eli Lilly", "aliases": ["Lilly"], "tickers": ["LLY"], "lei": "FRDRIPYDTS1VIJHP6A03"}\n'
)
USER_CSV = (
    'name,aliases,tickers,kind\nBrightwell Therapeutics,Brightwell,BRTW|HK:2999,company\nEli Lilly,"Lilly",LLY,\n'
)


@pytest.fixture(params=["jsonl", "csv"])
def user_file(request, tmp_path) -> Path:
    return write(tmp_path, f"mine.{request.param}", USER_JSONL if request.param == "jsonl" else USER_CSV)


def test_a_user_file_adds_entries(user_file):
    gaz = build_gazetteer(read_gazetteer_file(user_file))
    entity = resolve("BRIGHTWELL", gaz)
    assert (entity.canonical, entity.tickers, entity.known) == ("Brightwell Therapeutics", ["BRTW", "02999.HK"], True)
    assert resolve("HK:2999", gaz).canonical == "Brightwell Therapeutics"
    assert resolve("Zai Lab", gaz).known  # the bundled entries stay


def test_a_user_row_replaces_the_bundled_entry_of_its_name(tmp_path):
    gaz = build_gazetteer(read_gazetteer_file(write(tmp_path, "mine.jsonl", USER_JSONL)))
    entity = resolve("Lilly", gaz)
    assert (entity.canonical, entity.lei) == ("Eli Lilly", "FRDRIPYDTS1VIJHP6A03")
    assert not resolve("Eli Lilly and Company", gaz).known  # an alias of the bundled entry only


def test_a_user_alias_wins_over_a_bundled_one(tmp_path):
    path = write(tmp_path, "mine.csv", "name,aliases\nMerck KGaA,Merck\n")
    assert resolve("Merck", build_gazetteer(read_gazetteer_file(path))).canonical == "Merck KGaA"
    assert resolve("Merck", default_gazetteer()).canonical == "Merck & Co."


def test_a_line_separator_inside_a_json_string_does_not_cut_the_line(tmp_path):
    path = write(tmp_path, "mine.jsonl", '{"name": "Acme\u2028Holdings", "aliases": ["Acme"]}\n{"name": "Beta"}\n')
    assert [row["name"] for row in read_gazetteer_file(path)] == ["Acme\u2028Holdings", "Beta"]


def test_a_user_body_is_a_body(tmp_path):
    path = write(tmp_path, "mine.csv", "name,aliases,kind\nCentral Bank of Nowhere,CBN2,central_bank\n")
    gaz = build_gazetteer(read_gazetteer_file(path))
    [found] = list(gaz.find("The CBN2 cut rates."))
    assert (found.item.name, found.item.label, resolve("CBN2", gaz).kind) == (
        "Central Bank of Nowhere",
        "GOV",
        "central_bank",
    )


BAD_FILES = [
    # (file name, content, what the error must say)
    ("missing.csv", None, "missing.csv: no such gazetteer file"),
    ("empty.csv", "", "empty.csv: no entries"),
    ("header.csv", "name,aliases\n", "header.csv: no entries"),
    ("column.csv", "name,alias\nX,Y\n", "column.csv line 1: unknown column 'alias'"),
    ("noname.csv", "aliases,tickers\nX,Y\n", "noname.csv line 1: no 'name' column"),
    ("cells.csv", "name,aliases\nX,Y,Z\n", "cells.csv line 2: 3 cells for 2 columns"),
    ("kind.csv", "name,kind\nX,company\nY,bank\n", "kind.csv line 3: kind"),
    ("ticker.csv", "name,tickers\nX,1801\n", "ticker.csv line 2: tickers: '1801' is no stock code"),
    ("lei.csv", "name,lei\nX,12345\n", "lei.csv line 2: lei"),
    ("twice.csv", "name\nAcme\nACME\n", "twice.csv line 3: 'ACME' is already given on line 2"),
    ("json.jsonl", '{"name": "X"}\n{"name": \n', "json.jsonl line 2: not JSON"),
    ("list.jsonl", '["X"]\n', "list.jsonl line 1: not an object"),
    ("field.jsonl", '{"name": "X", "ticker": ["LLY"]}\n', "field.jsonl line 1: ticker"),
    ("aliases.jsonl", '{"name": "X", "aliases": "Y"}\n', "aliases.jsonl line 1: aliases"),
    ("blank.jsonl", '{"name": ""}\n', "blank.jsonl line 1: name"),
    ("latin1.csv", "name\nSoci\xe9t\xe9\n".encode("latin-1"), "latin1.csv: not UTF-8 text"),
]


@pytest.mark.parametrize("name, content, message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_user_file_is_an_error_naming_the_file_and_the_line(tmp_path, name, content, message):
    path = tmp_path / name if content is None else write(tmp_path, name, content)
    with pytest.raises(GazetteerFileError) as err:
        read_gazetteer_file(path)
    assert message in str(err.value)


def test_the_cli_refuses_a_bad_user_file_with_exit_2_before_reading_articles(cli, tmp_path):
    article = write(tmp_path, "a.txt", DEAL)
    bad = write(tmp_path, "bad.csv", "name,tickers\nX,1801\n")
    status, out, err = cli("extract", article, "--gazetteer", bad)
    assert (status, out) == (2, "")
    assert f"--gazetteer {bad} line 2: tickers" in err and "Traceback" not in err


def test_a_bad_user_file_exits_2_from_the_installed_command_without_a_traceback(tmp_path):
    article = write(tmp_path, "a.txt", DEAL)
    bad = write(tmp_path, "bad.jsonl", "{oops\n")
    proc = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(article), "--gazetteer", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "bad.jsonl line 1: not JSON" in proc.stderr and "Traceback" not in proc.stderr


def test_the_library_raises_before_loading_the_model(tmp_path, monkeypatch):
    import extractor.pipeline as pipeline

    monkeypatch.setattr(pipeline, "load_model", lambda *a, **k: pytest.fail("the model was loaded"))
    with pytest.raises(GazetteerFileError, match=r"bad\.csv line 1"):
        pipeline.Extractor(gazetteer_file=write(tmp_path, "bad.csv", "nom\nX\n"))


def test_the_spacy_setting_reads_a_user_file(tmp_path):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe(
        "news_events", config={"published": "2026-02-10", "gazetteer": str(write(tmp_path, "g.jsonl", USER_JSONL))}
    )
    [deal] = nlp(DEAL)._.news_events
    assert [e.tickers for e in deal.party_entities] == [BEIGENE[1], ["BRTW", "02999.HK"]]


def test_user_entries_reach_every_worker_process(cli, tmp_path, user_file):
    folder = tmp_path / "articles"
    for n in range(SHARD_SIZE * 2 + 1):  # three shards: both workers have work
        write(folder, f"a{n:02d}.txt", DEAL.replace("$100 million", f"${n + 1} million"))
    status, out, err = cli("extract", folder, "--jobs", "2", "--gazetteer", user_file, "--published", "2026-02-10")
    assert status == 0 and "2 workers" in err
    deals = lines(out)
    assert len(deals) == SHARD_SIZE * 2 + 1
    assert all(d["party_entities"][1]["tickers"] == ["BRTW", "02999.HK"] for d in deals)


def test_entities_validate_as_contract_objects():
    entity = resolve("BEIGENE")
    assert Entity.model_validate(json.loads(entity.model_dump_json())) == entity
