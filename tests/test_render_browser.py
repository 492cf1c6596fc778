"""`extractor render` pages in a real browser: Debian's headless Chromium, driven by Selenium through chromedriver.

`make test` installs the two Debian packages when they are missing (.ci/install-browser); these tests skip,
saying why, only where they could not be installed. Screenshots go to out/screenshots/ (not committed).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, write
from test_cli import ETF, FRONT

from extractor.io.batch import Options
from extractor.render.command import render_set

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed, and .ci/install-browser could not install them "
    "(it needs apt-get and root; see its message in the output of make test)",
)
SCREENSHOTS = ROOT / "out" / "screenshots"
#: a root user's headless Chromium on a machine with no network but the package registries
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ARTICLES = ["116_akeso_pfizer_etf_wrap.txt", "130_h1_alerts_keymed_innocare_remegen_interim.txt"]
HOSTILE = FRONT + "<script>alert(1)</script> " + ETF + "\n"
#: the text under each evidence span's marks (their labels left out), by evidence id
MARKED_TEXT = """
const found = {};
for (const mark of document.querySelectorAll('mark[data-evidence]')) {
  const copy = mark.cloneNode(true);
  copy.querySelectorAll('a.tag').forEach(tag => tag.remove());
  found[mark.dataset.evidence] = (found[mark.dataset.evidence] || '') + copy.textContent;
}
return found;
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory, extractor) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Two fixture articles and one of hostile text, rendered; -> (folder, document record by page name)."""
    folder = tmp_path_factory.mktemp("articles")
    for name in ARTICLES:
        write(folder, name, (FIXTURES / "articles" / name).read_text(encoding="utf-8"))
    write(folder, "hostile.txt", HOSTILE)
    output = tmp_path_factory.mktemp("html")
    done = render_set([str(folder)], output, Options(), extractor, print)
    assert not done.failures
    records = {}
    for row in done.rows:
        text = (folder / row.doc_id).read_text(encoding="utf-8")
        records[row.href] = extractor.extract(text, doc_id=row.doc_id)
    return output, {href: {"events": [e.model_dump(mode="json") for e in events]} for href, events in records.items()}


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[Any]:
    """A headless Chromium session (Debian's browser and driver, nothing downloaded)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_window_size(1400, 1000)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, path: Path) -> list[dict[str, Any]]:
    """Load a page; -> what the browser logged while loading it that is worse than information."""
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(path.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    return [entry for entry in browser.get_log("browser") if entry["level"] not in ("INFO", "DEBUG")]


def _screenshot(browser: Any, name: str) -> Path:
    """A screenshot of the whole page (up to 5,000 pixels down), written to out/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1400, min(max(height, 600), 5000))
    path = SCREENSHOTS / f"{name}.png"
    assert browser.save_screenshot(str(path))
    browser.set_window_size(1400, 1000)
    return path


def test_every_page_loads_without_console_errors_and_marks_each_evidence_span(browser, pages):
    output, records = pages
    for href, record in records.items():
        assert _open(browser, output / href) == [], href
        expected = {
            f"e{n}-{i}": evidence["text"]
            for n, event in enumerate(record["events"], 1)
            for i, evidence in enumerate(event["evidence"], 1)
        }
        first = browser.execute_script("return document.querySelectorAll('mark.ev:not(.cont)').length")
        assert first == len(expected) > 0, href
        assert browser.execute_script(MARKED_TEXT) == expected, href
        colours = browser.execute_script(
            "return [...document.querySelectorAll('mark.ev')].map(m => getComputedStyle(m).backgroundColor)"
        )
        assert "rgba(0, 0, 0, 0)" not in colours, href  # every mark is coloured
        shot = _screenshot(browser, Path(href).stem)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_article_with_a_script_shows_it_as_text_and_runs_nothing(browser, pages):
    output, _ = pages
    assert _open(browser, output / "hostile.txt.html") == []
    assert browser.execute_script("return document.scripts.length") == 0
    assert "<script>alert(1)</script>" in browser.execute_script("return document.getElementById('text').textContent")


def test_the_index_links_every_page_and_its_links_work_without_javascript(browser, pages):
    from selenium.webdriver.common.by import By

    output, records = pages
    assert _open(browser, output / "index.html") == []
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "table.articles a")]
    assert sorted(Path(link).name for link in links) == sorted(records)
    _screenshot(browser, "index")
    browser.find_element(By.LINK_TEXT, ARTICLES[0]).click()
    assert browser.current_url.endswith(f"/{ARTICLES[0]}.html")
    browser.find_element(By.CSS_SELECTOR, "a.tag").click()  # an evidence label leads to its event's card
    assert browser.current_url.endswith("#event-1")
