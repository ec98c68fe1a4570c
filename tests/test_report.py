"""The review page: highlights built from offsets, a self-contained file, nothing hidden.

The tests marked `browser` open the page in headless Chromium (Debian's chromium and
chromium-driver) and go through a review to gold files; they are skipped, saying why, where
Chromium or chromedriver is not installed. ARMSTRACE_SCREENSHOTS=DIR also saves the desktop
screenshot there as report.png (docs/report.png is made so).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from armstrace.base.errors import InputError
from armstrace.extraction.load import read_article
from armstrace.dataset.merge import merge_dataset
from armstrace.review.highlight import Span, highlight
from armstrace.review.page import render_report, write_report
from armstrace.review.gold import import_decisions
from armstrace.extraction.run import ArticleOutcome, read_summary
from armstrace.base.schema import (
    Actor, ArticleExtraction, ArticleInfo, Claim, Evidence, Figure, GoldArticle, Provenance, Quantity, Usage,
)  # fmt: skip

FIELDS = ("actors", "weapons", "figures", "claims")


@pytest.fixture(scope="module")
def report_dir(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seeds' extraction, merged, with its report written."""
    out = tmp_path_factory.mktemp("report") / "out"
    shutil.copytree(seeds_out, out)
    merge_dataset(out)
    # As a user runs it, from the folder above: the page names the folder as given, "out".
    subprocess.run([sys.executable, "-m", "armstrace", "report", "--out", "out"], cwd=out.parent, check=True, capture_output=True, timeout=60)
    return out


def grounded_items(out: Path) -> int:
    """Items of every article whose quote is the article text at its offsets (counted without the report)."""
    count = 0
    for path in (out / "articles").glob("*.json"):
        extraction = ArticleExtraction.model_validate_json(path.read_bytes())
        text = read_article(Path(extraction.article.source)).text
        for field in FIELDS:
            for item in getattr(extraction, field):
                ev = item.evidence
                count += ev.end > ev.start and text[ev.start : ev.end] == ev.quote
    return count


class _Page(HTMLParser):
    """Highlight elements and the text inside each article's text block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[dict[str, str | None]] = []
        self.conts = 0
        self.texts: dict[str, str] = {}
        self.urls: list[str] = []
        self._article: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]
        if tag == "mark" and "data-item" in a:
            self.items.append(a)
        if tag == "mark" and "data-cont" in a:
            self.conts += 1
        if self._article is not None and tag == "div":
            self._depth += 1
        if tag == "div" and a.get("data-text"):
            self._article, self._depth = a["data-text"], 1
            self.texts[self._article] = ""

    def handle_endtag(self, tag: str) -> None:
        if self._article is not None and tag == "div":
            self._depth -= 1
            if not self._depth:
                self._article = None

    def handle_data(self, data: str) -> None:
        if self._article is not None:
            self.texts[self._article] += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


# --------------------------------------------------------------------------- highlighting


def test_crossing_and_nested_spans_get_one_element_each_and_keep_the_text() -> None:
    text = "Irán envió drones a Rusia, dijo Kirby."
    spans = [
        Span(0, 38, "c", "claims", "claim"),
        Span(0, 25, "w", "weapons", "weapon"),
        Span(0, 4, "a", "actors", "actor"),
        Span(11, 31, "x", "figures", "crosses the weapon's end"),
    ]
    page = parse(f'<div data-text="t">{highlight(text, spans)}</div>')
    assert sorted(str(i["data-item"]) for i in page.items) == ["a", "c", "w", "x"]
    assert page.conts == 1  # the crossing figure continues after the weapon closes
    assert page.texts["t"] == text


def test_article_text_is_escaped_and_a_carriage_return_survives_as_a_reference() -> None:
    text = 'a <script>alert("x")</script> & b\r\nc'
    html = str(highlight(text, [Span(2, 10, "s", "actors", 'say "<b>"')]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&amp; b&#13;\nc" in html
    assert parse(f'<div data-text="t">{html}</div>').texts["t"] == text


# --------------------------------------------------------------------------- the seeds' page


def test_the_seeds_page_highlights_every_grounded_item_once_over_the_exact_text(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    page = parse(html)
    assert len(page.items) == grounded_items(report_dir) == 149
    assert len({i["data-item"] for i in page.items}) == len(page.items)
    assert {i["data-field"] for i in page.items} == set(FIELDS)
    for path in (report_dir / "articles").glob("*.json"):
        extraction = ArticleExtraction.model_validate_json(path.read_bytes())
        assert page.texts[extraction.article.id] == read_article(Path(extraction.article.source)).text


def test_the_page_is_one_file_that_loads_nothing_from_the_network(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    page = parse(html)
    assert not [u for u in page.urls if re.match(r"(https?:)?//", u)]
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", html)
    assert not re.search(r'<link[^>]*rel="stylesheet"', html)
    assert "default-src 'none'" in html  # the browser itself refuses any request


def test_the_dataset_is_shown_actors_transfers_disputed_claims_and_a_flow_diagram(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    dataset = json.loads((report_dir / "dataset.json").read_text())
    assert f"Actors ({len(dataset['actors'])})" in html
    assert f"Transfers ({len(dataset['transfers'])})" in html
    assert "Claims by proposition (38, 2 disputed)" in html
    assert html.count('<span class="badge badge-disputed">disputed</span>') == 2
    assert "arms from North Korea to Russia" in html
    # The flow grid: one row per pair, parties as text, the materiel in English with its observations.
    assert '<span class="flow-label party">North Korea</span>' in html and "military materiel ×2</span>" in html
    # Findings open the page: the transfers summary and the disputed propositions come before the articles.
    assert html.index('id="summary-transfers-h"') < html.index('id="summary-disputed-h"') < html.index('id="articles"')
    assert 'Disputed propositions (2)' in html
    putin = next(a for a in dataset["actors"] if a["name"] == "Vladimir Putin")
    assert len(putin["aliases"]) > 1 and escape_text(", ".join(putin["aliases"])) in html


def test_dropped_items_and_articles_not_extracted_are_listed(report_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(report_dir, out)
    summary = read_summary(out)
    summary.articles += [
        ArticleOutcome(id="005_broken", source="seeds/005_broken.txt", status="failed", reason="the endpoint timed out 4 times"),
        ArticleOutcome(id="empty", source="seeds/empty.txt", status="rejected", reason="empty article"),
    ]
    (out / "run.json").write_text(summary.model_dump_json())
    (out / "articles" / "junk.json").write_text("{not json")
    result = write_report(out)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert result.not_ok == 3 and result.dropped == 6
    assert "the endpoint timed out 4 times" in html and "empty article" in html
    assert "junk.json: not an article extraction" in html
    for path in (out / "articles").glob("0*.json"):
        for dropped in ArticleExtraction.model_validate_json(path.read_bytes()).dropped:
            assert str(escape_text(dropped.quote)) in html


def escape_text(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _extraction(source: Path, text: str, **items: Any) -> ArticleExtraction:
    import hashlib

    provenance = Provenance(
        prompt="extract.v1", prompt_file="p", prompt_sha256="0", schema_sha256="0", model="m", endpoint="embedded",
        settings={}, armstrace_version="0", from_cache=False, cached_calls=0, usage=Usage(), recorded_usage=Usage(),
    )  # fmt: skip
    info = ArticleInfo(id=source.stem, source=str(source), sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text), encoding="utf-8")
    return ArticleExtraction(article=info, provenance=provenance, **items)


def _evidence(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=1.0)


def test_html_in_an_article_stays_text_and_a_moved_item_is_listed_not_highlighted(tmp_path: Path) -> None:
    text = 'Irán <script>alert("armstrace")</script> envió 20 drones a Rusia, dijo Kirby.\n'
    source = tmp_path / "evil.txt"
    source.write_text(text, encoding="utf-8")
    wrong = Evidence(quote="Rusia", start=0, end=5, alignment="exact", score=1.0)
    extraction = _extraction(
        source, text,
        actors=[Actor(name="Iran", mentions=["Irán"], kind="country", evidence=_evidence(text, "Irán")),
                Actor(name="Russia", mentions=["Rusia"], kind="country", evidence=wrong)],
        figures=[Figure(quantity=Quantity(text="20", value=20), evidence=_evidence(text, "20"))],
        claims=[Claim(speaker="John Kirby", stance="asserted", content='<img src=x onerror="alert(1)">', evidence=_evidence(text, text.strip()))],
    )  # fmt: skip
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "evil.json").write_text(extraction.model_dump_json())
    html, result = render_report(out)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img src=x" not in html
    assert result.highlighted == 3 and result.ungrounded == 1
    assert "Not located in the text of" in html
    assert "dataset.json is missing" in html  # no merge yet: said, not an error


def test_a_folder_without_articles_is_one_error_line_and_a_nonzero_status(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no extractions"):
        write_report(tmp_path)
    result = subprocess.run([sys.executable, "-m", "armstrace", "report", "--out", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert result.stderr.splitlines()[0] == f"error: {tmp_path}: no extractions ({tmp_path / 'articles'} holds no article and there is no run.json)"
    assert result.stderr.splitlines()[1].startswith("hint: ")
    assert "Traceback" not in result.stderr


def test_the_report_command_writes_the_page_and_says_what_is_in_it(report_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(report_dir, out)
    (out / "report.html").unlink()
    result = subprocess.run([sys.executable, "-m", "armstrace", "report", "--out", str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"{out / 'report.html'}: 5 articles, 149 items highlighted, 6 dropped")
    assert (out / "report.html").is_file()


# --------------------------------------------------------------------------- in a real browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """Headless Debian Chromium through chromedriver, downloading into tmp_path/downloads."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium: pip install -e '.[test]'")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # Without the background-networking flags Chromium keeps calling home, which this offline
    # test neither needs nor may do.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1000"):  # fmt: skip
        options.add_argument(flag)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        yield driver
    finally:
        driver.quit()


def _severe(driver: Any) -> list[dict[str, Any]]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _screenshot(driver: Any, path: Path, name: str) -> None:
    driver.save_screenshot(str(path / name))
    if os.environ.get("ARMSTRACE_SCREENSHOTS"):
        shutil.copy(path / name, Path(os.environ["ARMSTRACE_SCREENSHOTS"]) / name)


@pytest.mark.browser
def test_the_page_opens_from_a_file_without_errors_with_one_highlight_per_grounded_item(
    browser: Any, report_dir: Path, tmp_path: Path
) -> None:
    browser.get((report_dir / "report.html").as_uri())
    assert browser.execute_script("return document.querySelectorAll('mark[data-item]').length") == grounded_items(report_dir)
    assert browser.execute_script("return document.querySelectorAll('mark[data-item][tabindex=\"0\"]').length") == 149
    assert _severe(browser) == []
    # A weapon is marked on its materiel words, not its sentence: a click on them opens the weapon.
    weapon = browser.find_element("css selector", 'mark[data-field="weapons"]')
    assert len(weapon.text) < 40
    weapon.click()
    panel = browser.find_element("id", "panel")
    assert re.match(r"weapon \d+ of 000_", browser.find_element("id", "panel-title").text)
    assert "status" in panel.text and "supplier" in panel.text
    browser.find_element("id", "panel-close").click()
    browser.set_window_size(1400, 1000)
    browser.execute_script("window.scrollTo(0, 0)")
    # The first screen shows the findings: the transfers summary and the disputed propositions.
    tops = browser.execute_script(
        "return ['#summary-transfers-h', 'table.summary tbody tr', '#summary-disputed-h', 'ul.disputed li']"
        ".map(s => document.querySelector(s).getBoundingClientRect().bottom)"
    )
    assert all(0 < top < browser.execute_script("return window.innerHeight") for top in tops), tops
    assert _overlapping_labels(browser) == []
    _screenshot(browser, tmp_path, "report.png")
    browser.set_window_size(390, 844)
    # Phone width: nothing wider than the screen, the page scrolls only down, flow labels stay apart and readable.
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    assert _overlapping_labels(browser) == []
    assert min(browser.execute_script(
        "return [...document.querySelectorAll('.flow-label')].map(e => parseFloat(getComputedStyle(e).fontSize))"
    )) >= 12
    browser.execute_script("document.querySelector('.flows').scrollIntoView()")
    _screenshot(browser, tmp_path, "report-390.png")
    assert (tmp_path / "report.png").stat().st_size > 10_000


def _overlapping_labels(driver: Any) -> list[list[str]]:
    """Pairs of flow-grid labels whose boxes intersect (none may)."""
    return driver.execute_script("""
        const boxes = [...document.querySelectorAll('.flow-label')].map(e => [e.textContent, e.getBoundingClientRect()]);
        const pairs = [];
        boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
            if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) pairs.push([a, b]);
        }));
        return boxes.length ? pairs : [['no labels', '']];
    """)


@pytest.mark.browser
def test_a_review_in_the_browser_becomes_gold_files(browser: Any, report_dir: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    article = "004_a5d148111f533d65"
    text = read_article(Path(json.loads((report_dir / "articles" / f"{article}.json").read_text())["article"]["source"])).text
    browser.get((report_dir / "report.html").as_uri())
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    browser.find_element(By.ID, "reviewer").send_keys("test reviewer", Keys.TAB)
    marks = browser.find_elements(By.CSS_SELECTOR, f'mark[data-item^="{article}/"]')
    actor = next(m for m in marks if m.get_attribute("data-field") == "actors")
    wrong_id = actor.get_attribute("data-item")

    # Click an item: its panel shows the normalised fields; mark it wrong with the button.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", actor)
    actor.click()
    panel = browser.find_element(By.ID, "panel")
    assert panel.is_displayed() and "kind" in panel.text
    panel.find_element(By.CSS_SELECTOR, 'button[data-verdict="wrong"]').click()
    assert "is-wrong" in (actor.get_attribute("class") or "")

    # Another one from the keyboard: focus, Enter opens, c marks it correct.
    figure = next(m for m in marks if m.get_attribute("data-field") == "figures")
    browser.execute_script("arguments[0].focus()", figure)
    figure.send_keys(Keys.ENTER)
    assert "figure" in browser.find_element(By.ID, "panel-title").text
    browser.execute_script("arguments[0].focus()", figure)
    figure.send_keys("c")
    assert "is-correct" in (figure.get_attribute("class") or "")

    # Select a sentence the model did not take as a claim (it holds highlighted names) and add it.
    quote = "La visita de dos días se da poco más de un mes después del viaje a Rusia del líder norcoreano Kim Jong Un"
    start = text.index(quote)
    browser.execute_script(
        """
        const [box, start, end] = arguments;
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.data.length;
          if (seen <= start && start < seen + len) range.setStart(n, start - seen);
          if (seen < end && end <= seen + len) range.setEnd(n, end - seen);
          seen += len;
        }
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        """,
        browser.find_element(By.CSS_SELECTOR, f'[data-text="{article}"]'), start, start + len(quote),
    )  # fmt: skip
    add = browser.find_element(By.CSS_SELECTOR, f'button[data-add="{article}"]')
    _wait(lambda: add.is_enabled())
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", add)
    add.click()
    form = browser.find_element(By.CSS_SELECTOR, 'form[aria-label="Add item"]')
    form.find_element(By.NAME, "speaker").send_keys("Sergei Lavrov")
    form.find_element(By.NAME, "stance").send_keys("acknowledged")
    form.find_element(By.NAME, "content").send_keys("The visit comes a month after Kim Jong Un's trip to Russia.")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert "La visita de dos días" in browser.find_element(By.CSS_SELECTOR, f'[data-added="{article}"]').text

    # The rest of the article is right; decisions survive a reload; then download them.
    browser.find_element(By.CSS_SELECTOR, f'button[data-rest="{article}"]').click()
    browser.refresh()
    assert "is-wrong" in (browser.find_element(By.CSS_SELECTOR, f'mark[data-item="{wrong_id}"]').get_attribute("class") or "")
    browser.find_element(By.ID, "save").click()
    downloads = tmp_path / "downloads"
    _wait(lambda: any(p.suffix == ".json" for p in downloads.iterdir()))
    decisions = next(p for p in downloads.iterdir() if p.suffix == ".json")
    assert _severe(browser) == []

    # The library call, then the command line, on the downloaded file.
    result = import_decisions(decisions, tmp_path / "gold")
    assert result.written == [str(tmp_path / "gold" / f"{article}.json")]
    assert result.dropped == 1 and result.added == 1
    cli = subprocess.run(
        [sys.executable, "-m", "armstrace", "gold", "import", str(decisions), "--out", str(tmp_path / "gold-cli")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    for folder in ("gold", "gold-cli"):
        gold = GoldArticle.model_validate_json((tmp_path / folder / f"{article}.json").read_text())
        assert gold.annotator.startswith("review by test reviewer of out")
        added = [c for c in gold.claims if c.evidence.quote == quote]
        assert len(added) == 1 and added[0].speaker == "Sergei Lavrov" and added[0].stance == "acknowledged"
        assert (added[0].evidence.start, added[0].evidence.end) == (start, start + len(quote))
        for field in FIELDS:
            for item in getattr(gold, field):
                assert text[item.evidence.start : item.evidence.end] == item.evidence.quote
    extracted = ArticleExtraction.model_validate_json((report_dir / "articles" / f"{article}.json").read_bytes())
    assert len(gold.actors) == len(extracted.actors) - 1
    assert len(gold.claims) == len(extracted.claims) + 1


def _wait(condition: Any, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)
