"""Real-browser test of the review page (Debian's chromium through Playwright, as test_browser.py):
accept / reject / correct three records, save the decisions file, import it into a ledger.

Needs ``/usr/bin/chromium`` (``make browser`` installs it); never downloads a browser.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.ledger import Ledger

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (make browser)"
    ),
]

TEXT = (
    "In 2008, Japan provided a 3.7 billion yen loan to Cambodia. "
    "Japan and Vietnam held a summit in 2019. "
    "In 2012, Korea provided grant aid worth $5 million to Laos. <b>bold?</b>\n"
)


def test_review_decisions_round_trip(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    doc = tmp_path / "note.txt"
    doc.write_text(TEXT, encoding="utf-8")
    page_file, pred = tmp_path / "review.html", tmp_path / "pred.jsonl"
    res = CliRunner().invoke(app, ["extract", str(doc), "--output", str(pred), "--review", str(page_file)])
    assert res.exit_code == 0, res.output
    assert len(pred.read_text(encoding="utf-8").splitlines()) == 3

    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        assert page.locator("b", has_text="bold?").count() == 0  # document text stays text
        rows = page.locator("tr[data-key]")
        assert rows.count() == 3
        # saving without a reviewer name is refused on the page
        rows.nth(0).locator("button[data-decision=accept]").click()
        page.click("#save")
        assert "reviewer" in page.locator("#status").inner_text()
        page.fill("#reviewer", "A. Analyst")
        rows.nth(1).locator("button[data-decision=reject]").click()
        rows.nth(2).locator("button[data-decision=correct]").click()
        fix = rows.nth(2).locator("input[data-field=instrument]")
        assert fix.is_visible()
        fix.fill("technical_cooperation")
        rows.nth(2).locator("input[data-field=amount]").fill("6000000")
        assert "3 of 3 records decided" in page.locator("#status").inner_text()
        with page.expect_download() as info:
            page.click("#save")
        download = info.value
        assert download.suggested_filename == "review.decisions.jsonl"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        browser.close()
    assert errors == []
    assert all(urlparse(u).scheme in ("file", "data", "blob") for u in requests), requests

    lines = [json.loads(x) for x in saved.read_text(encoding="utf-8").splitlines()]
    assert [d["decision"] for d in lines] == ["accept", "reject", "correct"]
    assert lines[2]["corrected"] == {"instrument": "technical_cooperation", "amount": 6000000}
    assert {d["reviewer"] for d in lines} == {"A. Analyst"}

    ledger = tmp_path / "l.duckdb"
    res = CliRunner().invoke(app, ["ledger", "import", str(saved), "--ledger", str(ledger)])
    assert res.exit_code == 0, res.output
    assert "rejected: 1" in res.output
    with Ledger.open(ledger, read_only=True) as lg:
        rows_in = lg.con.execute("SELECT actor, instrument, amount FROM records ORDER BY actor").fetchall()
    assert rows_in == [("JPN", "oda_loan", 3.7e9), ("KOR", "technical_cooperation", 6e6)]


def test_dashboard_review_page_to_import(tmp_path: Path) -> None:
    import threading
    import time

    import uvicorn
    from playwright.sync_api import sync_playwright

    from softpower.cli.report import bind_socket
    from softpower.web import create_app

    doc = tmp_path / "note.txt"
    doc.write_text(TEXT, encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    res = CliRunner().invoke(app, ["extract", str(doc), "--output", str(pred)])
    assert res.exit_code == 0, res.output
    ledger = tmp_path / "dash.duckdb"
    Ledger.open(ledger).close()

    sock = bind_socket("127.0.0.1", 0)
    srv = uvicorn.Server(
        uvicorn.Config(create_app(ledger, allow_write=True, mc=10, runs=10), log_level="warning")
    )
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    errors: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_context(accept_downloads=True).new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + "/review")
            page.set_input_files("#review-upload input[type=file]", str(pred))
            page.click("#review-upload button[type=submit]")
            rows = page.locator("tr[data-key]")
            assert rows.count() == 3
            page.fill("#reviewer", "B. Analyst")
            rows.nth(0).locator("button[data-decision=accept]").click()
            rows.nth(1).locator("button[data-decision=reject]").click()
            rows.nth(2).locator("button[data-decision=correct]").click()
            rows.nth(2).locator("input[data-field=instrument]").fill("technical_cooperation")
            with page.expect_download() as info:
                page.click("#save")
            saved = tmp_path / "review.decisions.jsonl"
            info.value.save_as(saved)
            page.goto(base + "/import")
            page.set_input_files("input[type=file]", str(saved))
            page.click("form button[type=submit]")
            result = page.locator("#import-result").inner_text()
            browser.close()
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()
    assert errors == []
    assert [json.loads(x)["decision"] for x in saved.read_text(encoding="utf-8").splitlines()] == [
        "accept",
        "reject",
        "correct",
    ]
    assert "2 rows read; added engagement 2" in result, result
    with Ledger.open(ledger, read_only=True) as lg:
        got = lg.con.execute("SELECT actor, instrument FROM records ORDER BY actor").fetchall()
    assert got == [("JPN", "oda_loan"), ("KOR", "technical_cooperation")]
