"""Real-browser tests (Debian's chromium through Playwright): the report offline, the dashboard live.

Screenshots of every page go to ``test-output/screenshots/`` (or ``$SOFTPOWER_SCREENSHOTS``)
for review. Needs ``/usr/bin/chromium`` (``make browser`` installs it); never downloads a browser.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from _hostile import xss_ledger

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
SHOTS = Path(
    os.environ.get(
        "SOFTPOWER_SCREENSHOTS", Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
    )
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (make browser)"
    ),
]


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return xss_ledger(tmp_path_factory.mktemp("browser") / "l.duckdb")


@pytest.fixture(scope="module")
def report_file(ledger_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from softpower.ledger import Ledger
    from softpower.report import build_report

    with Ledger.open(ledger_file, read_only=True) as lg:
        return build_report(
            lg,
            scenario="us-health-withdrawal",
            output=tmp_path_factory.mktemp("r") / "report.html",
            seed=1,
            mc=30,
            runs=20,
        )


@pytest.fixture(scope="module")
def server(ledger_file: Path) -> Iterator[str]:
    import uvicorn

    from softpower.cli.report import bind_socket
    from softpower.web import create_app

    sock = bind_socket("127.0.0.1", 0)
    srv = uvicorn.Server(uvicorn.Config(create_app(ledger_file, mc=30, runs=30), log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the dashboard server did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page that records console errors, page errors, dialogs and every request."""

    def __init__(self, browser: Any, tmp: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def foreign(self, allowed_host: str | None = None) -> list[str]:
        """Requests that left the machine (anything but file:, data:, blob: and the local server)."""
        out = []
        for url in self.requests:
            u = urlparse(url)
            if u.scheme in ("file", "data", "blob"):
                continue
            if (
                u.scheme in ("http", "https")
                and u.hostname == "127.0.0.1"
                and (allowed_host is None or u.netloc == allowed_host)
            ):
                continue
            out.append(url)
        return out

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser: Any, tmp_path: Path) -> Iterator[Watched]:
    w = Watched(browser, tmp_path)
    yield w
    w.context.close()


CLICK_FIRST_POINT = """(id) => {
  const gd = document.getElementById(id);
  gd.scrollIntoView();
  const fl = gd._fullLayout;
  const tr = gd._fullData.find(t => t.visible === true && t.customdata && t.customdata.length && t.mode && t.mode.includes('markers'));
  const xa = fl[tr.xaxis.replace('x', 'xaxis')] || fl.xaxis, ya = fl[tr.yaxis.replace('y', 'yaxis')] || fl.yaxis;
  const box = gd.getBoundingClientRect();
  return {x: box.left + xa._offset + xa.l2p(tr.x[0]), y: box.top + ya._offset + ya.l2p(tr.y[0]), key: String(tr.customdata[0])};
}"""


def test_report_offline_and_linked_to_sources(watched: Watched, report_file: Path, ledger_file: Path) -> None:
    from softpower.ledger import Ledger
    from softpower.report import data

    with Ledger.open(ledger_file, read_only=True) as lg:
        records = data.load_records(lg)
    page = watched.page
    page.goto(report_file.as_uri())
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 7", timeout=20_000)
    watched.shot("report")
    assert watched.errors == []
    assert watched.foreign() == [], "the report must not fetch anything"
    # a click on a tile lists the records behind it
    hit = page.evaluate(CLICK_FIRST_POINT, "fig-tiles")
    page.mouse.click(hit["x"], hit["y"])
    page.wait_for_function(
        "document.getElementById('prov-status').textContent.includes('record(s)')", timeout=5_000
    )
    expected = page.evaluate("(k) => window.softpowerSelect(k)", hit["key"])
    assert page.locator("#prov-body tr").count() == min(expected, 500) > 0
    assert expected == len(data.records_for_key(records, hit["key"]))
    from softpower.report import names

    assert names.state(hit["key"].split("|")[2]) in page.locator("#prov-status").inner_text()
    # the page selects the same records as the library for every key a figure carries
    labels = page.evaluate(
        "() => Object.keys(JSON.parse(document.getElementById('report-data').textContent).labels)"
    )
    counts = page.evaluate("(keys) => keys.map(k => window.softpowerSelect(k))", labels)
    assert counts == [len(data.records_for_key(records, k)) for k in labels]
    page.locator("#provenance").screenshot(path=str(SHOTS / "report-provenance.png"))
    # figures export as SVG from the modebar
    fig = page.locator("#fig-network")
    fig.scroll_into_view_if_needed()
    fig.hover()
    with page.expect_download() as dl:
        fig.locator('.modebar-btn[data-title="Download plot as SVG"]').click()
    target = Path(dl.value.path())
    assert (
        dl.value.suggested_filename == "softpower-network.svg" and target.read_text()[:200].find("<svg") >= 0
    )
    with page.expect_download() as dl:
        fig.locator('.modebar-btn[data-title="Download plot as a PNG"]').click()
    assert dl.value.suggested_filename == "softpower-network.png"
    assert Path(dl.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # the hostile document is text: no dialog, no side effect
    assert watched.dialogs == [] and page.evaluate("window.__pwned") is None
    page.click("#prov-all")
    assert page.locator("#prov-body tr").count() == 147
    assert "<script>window.__pwned" in page.locator("table.records").inner_text()
    assert watched.errors == [] and watched.foreign() == []


def test_dashboard_pages(watched: Watched, server: str) -> None:
    page, host = watched.page, urlparse(server).netloc
    page.goto(server + "/")
    page.wait_for_selector("[data-figure='network'][data-drawn]")
    watched.shot("dashboard-overview")
    # a weight change changes a rank
    page.goto(server + "/index")
    page.wait_for_selector("[data-figure='ranks'][data-drawn]")
    watched.shot("dashboard-index")
    before = dict(
        zip(
            page.locator("#rank-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.dyad)"),
            page.locator("#rank-table td.rank").all_inner_texts(),
            strict=True,
        )
    )
    for name, value in [
        ("economic_ties", "0"),
        ("people_culture", "0"),
        ("smart_cooperation", "1"),
        ("diplomatic_standing", "0"),
        ("security_ties", "0"),
    ]:
        page.fill(f"input[name='w_{name}']", value)
    with page.expect_navigation():
        page.click("#recompute")
    page.wait_for_selector("[data-figure='ranks'][data-drawn]")
    after = dict(
        zip(
            page.locator("#rank-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.dyad)"),
            page.locator("#rank-table td.rank").all_inner_texts(),
            strict=True,
        )
    )
    # smart-only weights rank only the dyads the smart pillar can compare, so the table may shrink;
    # either way the ranking shown must differ from the default one
    assert after, "no dyad ranked after re-weighting"
    assert set(after) != set(before) or any(before[k] != after[k] for k in before)
    watched.shot("dashboard-index-reweighted")
    # a scenario run completes, with a progress indicator
    page.goto(server + "/scenarios")
    page.select_option("#scenario-select", "us-health-withdrawal")
    page.fill("input[name='runs']", "30")
    page.click("#run-scenario")
    page.wait_for_selector("#job-progress", state="visible")
    page.wait_for_selector("#job[data-state='done']", timeout=30_000)
    page.wait_for_selector("#scenario-figures [data-drawn]")
    assert page.eval_on_selector("#job-progress", "p => p.value") == 1
    assert "30 runs of 'us-health-withdrawal' finished" in page.inner_text("#job-message")
    watched.shot("dashboard-scenario")
    # a CSV downloads
    page.goto(server + "/records?donor=USA")
    watched.shot("dashboard-records")
    with page.expect_download() as dl:
        page.click("#download-records")
    lines = Path(dl.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("record_id,kind,actor,actor_name,partners,partner_names")
    assert len(lines) > 1 and all(",USA," in line for line in lines[1:2])
    assert watched.errors == []
    # bad input is a message on the page, never a trace
    page.goto(server + "/?year_from=abc")
    assert "is not a whole number" in page.inner_text("#error-message")
    watched.shot("dashboard-error")
    assert all("status of 400" in e for e in watched.errors), watched.errors
    assert watched.foreign(host) == []


def test_dashboard_hostile_document_is_text(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/documents/xss.txt")
    page.wait_for_selector("#doc-text")
    page.wait_for_timeout(300)
    watched.shot("dashboard-document-xss")
    assert watched.dialogs == [] and page.evaluate("window.__pwned") is None
    text = page.inner_text("#doc-text")
    assert "<script>window.__pwned = 1; alert('x')</script>" in text and 'onerror="window.__pwned = 2' in text
    assert "<img src=x onerror=alert(3)> title" in page.inner_text("#doc-title")
    assert page.locator("#doc-text script, #doc-text img, #doc-title img").count() == 0
    assert not [u for u in watched.requests if u.endswith("/x")], "the <img> must never load"
    assert watched.errors == []


#: Codes that must not be what a person reads on a page (they stay in title attributes and exports).
READ_CODES = ("oda_grant", "health_cooperation", "VNM", "JPN", "KOR", "APT", "PIC", "COK")


def visible_words(page: Any) -> str:
    """The text a person reads, plotly's SVG text included, less quoted source text (sentences, snippets)."""
    return str(
        page.evaluate(
            """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('.sentence, .snippet, #doc-text, script').forEach(n => n.remove());
  return body.innerText + ' ' + [...document.querySelectorAll('svg text')].map(t => t.textContent).join(' ');
}"""
        )
    )


def test_names_not_codes_on_each_page(watched: Watched, server: str) -> None:
    page = watched.page
    for path in (
        "/",
        "/partner?partner=VNM",
        "/index?partner=VNM",
        "/explain?partner=VNM",
        "/records",
        "/search?q=health+Vietnam",
        "/glossary",
    ):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        words = visible_words(page)
        found = [c for c in READ_CODES if f" {c} " in f" {words} ".replace("\n", " ").replace(",", " ")]
        assert found == [], (path, found)
        assert "Vietnam" in words or path in ("/glossary",), path
    assert watched.errors == []


def test_partner_page_and_explanation_view(watched: Watched, server: str) -> None:
    page, host = watched.page, urlparse(server).netloc
    page.goto(server + "/partner")
    page.select_option("#partner-select", "VNM")
    page.click("#partner-form button[type=submit]")
    page.wait_for_selector("[data-figure='partner-scores'][data-drawn]")
    page.wait_for_selector("[data-figure='partner-engagement'][data-drawn]")
    assert page.inner_text("#partner-title").startswith("Vietnam")
    # the test ledger holds no dataset rows: every declared source observes nobody there
    assert page.locator("#coverage-table td.unseen").count() > 0
    assert page.locator(".glossary-link a").count() >= 2
    watched.shot("partner-page")
    # from a leaders row to the explanation of that year
    page.locator("#leaders-table a", has_text="explain").first.click()
    page.wait_for_selector("[data-figure='explain'][data-drawn]")
    assert "Why does a donor lead in Vietnam" in page.inner_text("#explain-title")
    bars = page.evaluate("() => document.querySelector(\"[data-figure='explain']\").data.length")
    assert bars >= 1
    assert page.locator("section.explain-donor").count() >= 1
    watched.shot("explanation-view")
    # the glossary link under the explanation figure is clickable (nothing of plotly lies over it)
    # and leads to the term
    link = page.locator(".glossary-link a").first
    href = link.get_attribute("href")
    assert href is not None and href.startswith("/glossary#")
    link.scroll_into_view_if_needed()
    on_top = page.evaluate(
        """() => { const a = document.querySelector('.glossary-link a'); const r = a.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === a; }"""
    )
    assert on_top
    with page.expect_navigation():
        link.click(timeout=5_000)
    assert page.url.endswith(href)
    assert "Glossary" in page.inner_text("h1") and page.locator(f"[id='{href.split('#')[1]}']").count() == 1
    assert watched.errors == [] and watched.foreign(host) == []


def test_search_page(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/search")
    page.fill("#search-q", "health PPP Vietnam")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#search-hits li")
    first = page.locator("#search-hits li").first.inner_text()
    assert "Japan → Vietnam" in first and "Health cooperation" in first
    watched.shot("search")
    page.locator("#search-hits li a").first.click()
    page.wait_for_load_state("networkidle")
    assert "Showing 1 record" in page.inner_text("main")
    assert watched.errors == []


def test_scenario_difference_chart_and_xlsx(watched: Watched, server: str, tmp_path: Path) -> None:
    import openpyxl

    page = watched.page
    page.goto(server + "/scenarios")
    page.select_option("#scenario-select", "us-health-withdrawal")
    page.fill("input[name='runs']", "20")
    page.click("#run-scenario")
    page.wait_for_selector("#job[data-state='done']", timeout=60_000)
    page.wait_for_selector("[data-figure='effect-trust'][data-drawn]", timeout=10_000)
    title = page.evaluate("() => document.querySelector(\"[data-figure='effect-trust']\").layout.title.text")
    assert "scenario − baseline" in title and title.endswith("ASEAN")
    traces = page.evaluate(
        "() => document.querySelector(\"[data-figure='effect-trust']\").data.filter(t => t.visible !== false).length"
    )
    assert traces >= 2  # a band and a median line per donor
    # another partner: the chart is redrawn for it
    page.select_option("#partner-select", "VNM")
    page.wait_for_function(
        "() => { const d = document.querySelector(\"[data-figure='effect-trust']\"); return d && d.layout && d.layout.title.text.endsWith('Vietnam'); }"
    )
    watched.shot("scenario-difference")
    with page.expect_download() as dl:
        page.click("#job-xlsx")
    target = tmp_path / dl.value.suggested_filename
    dl.value.save_as(target)
    wb = openpyxl.load_workbook(target, read_only=True)
    assert wb.sheetnames[:2] == ["series", "effects"]
    # the records page's Excel download opens too
    page.goto(server + "/records?donor=JPN")
    with page.expect_download() as dl:
        page.click("#download-records-xlsx")
    target = tmp_path / "records.xlsx"
    dl.value.save_as(target)
    rows = list(openpyxl.load_workbook(target, read_only=True)["records"].iter_rows(values_only=True))
    assert "amount_usd_const" in rows[0] and len(rows) > 1
    assert watched.errors == []
