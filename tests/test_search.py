"""Full-text search: the library index, the CLI contract form and the dashboard page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from _hostile import xss_ledger
from conftest import SHARED
from softpower.cli import app
from softpower.errors import SoftpowerError
from softpower.ledger import Ledger, bundled_ledger
from softpower.search import build_index, search, tokens
from softpower.web import create_app


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundled_ledger(tmp_path_factory.mktemp("search") / "l.duckdb")


def test_tokens() -> None:
    assert tokens("Health-PPP, Viet Nam 2015!") == ["health", "ppp", "viet", "nam", "2015"]


def test_names_and_codes_find_the_same_records(ledger_file: Path) -> None:
    with Ledger.open(ledger_file, read_only=True) as lg:
        idx = build_index(lg)
        by_name = set(idx.query("Vietnam", kind="record", limit=500)["id"])
        by_code = set(idx.query("VNM", kind="record", limit=500)["id"])
        # every record reaching Vietnam (also through ASEAN or CLMV) has both; a document title may add more
        assert by_code and by_code <= by_name
        hits = search(lg, "health PPP Vietnam", index=idx, limit=5)
    first = hits.iloc[0]
    assert first["kind"] == "record" and first["matched"] == 3
    assert first["actor_name"] == "Japan" and "Health cooperation" in first["title"]
    assert "Vietnam" in first["title"]
    # the source sentence: the seed essays' texts come from ../shared, so a clone without it has none
    assert bool(first["snippet"]) == SHARED.is_dir()
    assert list(hits["rank"]) == list(range(1, len(hits) + 1))
    assert hits["score"].is_monotonic_decreasing or hits["matched"].iloc[0] > hits["matched"].iloc[-1]


def test_documents_are_searched_by_their_text(tmp_path: Path) -> None:
    path = xss_ledger(tmp_path / "x.duckdb")  # the bundled records plus one document with its text
    with Ledger.open(path, read_only=True) as lg:
        hits = search(lg, "Japan funded clinic", kind="document", limit=3)
    assert hits.iloc[0]["id"] == "xss.txt" and set(hits["kind"]) == {"document"}
    assert "Japan funded" in hits.iloc[0]["snippet"]


def test_a_query_without_words_is_one_error(ledger_file: Path) -> None:
    with Ledger.open(ledger_file, read_only=True) as lg, pytest.raises(SoftpowerError, match="no word"):
        search(lg, "?!")


def test_cli_contract_form(ledger_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["search", "--ledger", str(ledger_file), "health PPP Vietnam"])
    assert res.exit_code == 0, res.output
    assert "Japan → Vietnam: Health cooperation" in res.output
    res = runner.invoke(
        app, ["search", "--ledger", str(ledger_file), "Confucius", "--format", "json", "-n", "3"]
    )
    rows = json.loads(res.output)
    assert 0 < len(rows) <= 3 and any("Cultural institutes" in r["title"] for r in rows)
    out = tmp_path / "hits.xlsx"
    res = runner.invoke(
        app, ["search", "--ledger", str(ledger_file), "Japan", "--format", "xlsx", "-o", str(out)]
    )
    assert res.exit_code == 0 and out.stat().st_size > 0
    res = runner.invoke(app, ["search", "--ledger", str(ledger_file), "?!"])
    assert res.exit_code == 2 and "no word to search for" in res.output
    assert "Example: softpower search" in runner.invoke(app, ["search", "--help"]).output


def test_dashboard_search_page(ledger_file: Path) -> None:
    client = TestClient(create_app(ledger_file, mc=10, runs=10), raise_server_exceptions=False)
    r = client.get("/search", params={"q": "health PPP Vietnam"})
    assert r.status_code == 200 and 'id="search-hits"' in r.text
    assert "Japan → Vietnam: Health cooperation" in r.text
    one = client.get("/search", params={"q": "health", "partner": "FJI", "kind": "record"}).text
    every = client.get("/search", params={"q": "health", "kind": "record"}).text
    assert one.count('class="hit record"') < every.count('class="hit record"')
    link = client.get("/search", params={"q": "MEX Vietnam"}).text
    key = link.split('href="/records?key=record|')[1].split('"')[0]
    rec = client.get(f"/records?key=record|{key}")
    assert rec.status_code == 200 and "Showing 1 record" in rec.text
