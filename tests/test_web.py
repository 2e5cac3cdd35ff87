"""The dashboard in-process (FastAPI TestClient): pages, re-weighting, scenarios, CSV, bad input."""

from __future__ import annotations

import io
import json
import socket
import time
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from _hostile import xss_ledger
from softpower.cli import app as cli_app
from softpower.cli.report import bind_socket
from softpower.errors import LedgerError, SoftpowerError
from softpower.ledger import Ledger, bundled_ledger
from softpower.web import create_app


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return xss_ledger(tmp_path_factory.mktemp("web") / "l.duckdb")


@pytest.fixture(scope="module")
def client(ledger_file: Path) -> TestClient:
    return TestClient(create_app(ledger_file, mc=20, runs=20), raise_server_exceptions=False)


def test_pages_render(client: TestClient) -> None:
    for url in ("/", "/index", "/scenarios", "/records", "/records?donor=USA", "/import"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "/static/plotly.min.js" in r.text and "cdn" not in r.text.lower()
    r = client.get("/static/plotly.min.js")
    assert r.status_code == 200 and r.text.startswith("/**\n* plotly.js v")
    assert "baseline" in client.get("/scenarios").text


def test_filters_select_records(client: TestClient) -> None:
    r = client.get("/download/records.csv", params={"donor": "USA", "instrument": "health_cooperation"})
    frame = pd.read_csv(io.StringIO(r.text))
    assert r.headers["content-disposition"] == 'attachment; filename="records.csv"'
    assert (
        len(frame) > 0
        and set(frame["actor"]) == {"USA"}
        and set(frame["instrument"]) == {"health_cooperation"}
        and set(frame["instrument_name"]) == {"Health cooperation"}
        and set(frame["actor_name"]) == {"United States"}
    )
    # amounts are columns, never text inside the description
    for col in ("amount", "currency", "amount_usd", "amount_usd_const"):
        assert col in frame.columns, col
    everything = pd.read_csv(io.StringIO(client.get("/download/records.csv").text))
    money = everything[everything["amount"].notna()]
    assert len(money) > 0 and money["currency"].notna().all() and money["amount_usd_const"].notna().any()
    assert not money["what"].str.contains(r"\d").any()  # the amount is not repeated as text
    years = pd.read_csv(
        io.StringIO(client.get("/download/records.csv", params={"year_from": 2000, "year_to": 2008}).text)
    )
    assert len(years) > 0 and years["year"].between(2000, 2008).all()


def test_weight_change_changes_a_rank(client: TestClient) -> None:
    default = pd.read_csv(io.StringIO(client.get("/download/index.csv").text))
    smart = {
        "w_economic_ties": 0,
        "w_people_culture": 0,
        "w_smart_cooperation": 1,
        "w_diplomatic_standing": 0,
        "w_security_ties": 0,
    }
    reweighted = pd.read_csv(io.StringIO(client.get("/download/index.csv", params=smart).text))
    m = default.merge(reweighted, on=["actor", "partner", "year"])
    # dyads observed on no smart-cooperation indicator have no weighted evidence left
    assert 0 < len(m) == len(reweighted) <= len(default)
    assert (m["rank_x"] != m["rank_y"]).sum() > 0
    page = client.get("/index", params=smart).text
    assert 'name="w_smart_cooperation" value="1.000"' in page


def test_scenario_job_runs_to_the_end(client: TestClient) -> None:
    r = client.post("/api/scenarios", data={"scenario": "us-health-withdrawal", "runs": "20", "seed": "3"})
    assert r.status_code == 202
    job = r.json()
    for _ in range(300):
        job = client.get(f"/api/jobs/{job['id']}").json()
        if job["state"] != "running":
            break
        time.sleep(0.05)
    assert job["state"] == "done" and job["progress"] == 1.0, job
    figs = client.get(f"/api/jobs/{job['id']}/charts").json()
    assert figs["partner"] == "ASEAN" and figs["partners"][0] == ["ASEAN", "ASEAN"]
    assert set(figs["figures"]) == {
        "effect-trust",
        "effect-alignment",
        "effect-bars-trust",
        "scenario-alignment",
        "scenario-trust",
    }
    one = client.get(f"/api/jobs/{job['id']}/charts", params={"partner": "VNM"}).json()
    assert one["partner"] == "VNM" and "Vietnam" in one["figures"]["effect-trust"]["layout"]["title"]["text"]
    bad = client.get(f"/api/jobs/{job['id']}/charts", params={"partner": "XYZ"})
    assert bad.status_code == 400 and "not a partner of this scenario" in bad.json()["error"]
    series = pd.read_csv(io.StringIO(client.get(f"/download/scenario/{job['id']}.csv").text))
    assert set(series["scenario"]) == {"us-health-withdrawal"}
    assert (series["p05"] <= series["p50"]).all() and (series["p50"] <= series["p95"]).all()
    paired = series.dropna(subset=["effect_p50"])
    assert len(paired) and (paired["effect_p05"] <= paired["effect_p95"]).all()
    assert {"donor_name", "partner_name", "p_effect_positive"} <= set(series.columns)


def test_scenario_failing_validation_is_shown_as_a_message(client: TestClient, tmp_path: Path) -> None:
    job = client.post(
        "/api/scenarios",
        data={"scenario": "baseline", "runs": "5"},
        files={"scenario_upload": ("bad.yaml", b"horizon: 10\nrunz: 3\n", "application/yaml")},
    ).json()
    for _ in range(100):
        job = client.get(f"/api/jobs/{job['id']}").json()
        if job["state"] != "running":
            break
        time.sleep(0.05)
    assert job["state"] == "error" and "runz" in job["message"] and job["message"].startswith("bad.yaml")
    r = client.post("/api/scenarios", data={"scenario": "baseline", "runs": "0"})
    assert r.status_code == 400 and "runs" in r.json()["error"]


def test_document_text_is_escaped(client: TestClient) -> None:
    r = client.get("/documents/xss.txt")
    assert r.status_code == 200
    assert "<script>window.__pwned" not in r.text and "&lt;script&gt;window.__pwned = 1; alert(" in r.text
    assert "<img src=x" not in r.text and "&lt;img src=x onerror=alert(3)&gt;" in r.text
    records = client.get(
        "/records", params={"donor": "JPN", "partner": "VNM", "year_from": 2019, "year_to": 2019}
    ).text
    assert "&lt;script&gt;" in records and "<script>window" not in records


def test_provenance_key_lists_the_records(client: TestClient) -> None:
    r = client.get("/records", params={"key": "edge|USA|ASEAN|smart"})
    assert r.status_code == 200 and "smart (doux) engagements of United States with ASEAN" in r.text


def test_bad_input_gives_a_page_not_a_trace(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    r = client.get("/", params={"year_from": "abc"})
    assert r.status_code == 400 and "is not a whole number" in r.text
    r = client.get("/index", params={"w_economic_ties": "-1"})
    assert r.status_code == 400 and "negative" in r.text
    assert client.get("/documents/none.txt").status_code == 404
    assert client.get("/api/jobs/nope").json() == {"error": "page not found"}

    def boom() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(client.app.state.store, "records", boom)  # type: ignore[attr-defined]
    r = client.get("/")
    assert r.status_code == 500 and "internal error" in r.text
    assert "secret internals" not in r.text and "Traceback" not in r.text


def test_read_only_unless_allow_write(client: TestClient, tmp_path: Path) -> None:
    line = {
        "doc": "new.txt",
        "kind": "engagement",
        "actor": "KOR",
        "partners": ["LAO"],
        "instrument": "oda_grant",
        "year": 2020,
    }
    files = {"file": ("new.jsonl", json.dumps(line) + "\n", "application/json")}
    r = client.post("/import", files=files)
    assert r.status_code == 403 and "read-only" in r.text
    path = bundled_ledger(tmp_path / "w.duckdb")
    writable = TestClient(create_app(path, allow_write=True), raise_server_exceptions=False)
    r = writable.post("/import", files=files)
    assert r.status_code == 200 and "added engagement 1" in r.text
    assert (
        "LAO"
        in writable.get(
            "/download/records.csv", params={"donor": "KOR", "partner": "LAO", "year_from": 2020}
        ).text
    )


def test_read_only_dashboard_leaves_the_ledger_file_unchanged(tmp_path: Path) -> None:
    import hashlib

    path = bundled_ledger(tmp_path / "ro.duckdb")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    c = TestClient(create_app(path, mc=5), raise_server_exceptions=False)
    for url in ("/", "/index", "/records", "/download/records.csv", "/download/index.csv"):
        assert c.get(url).status_code == 200
    c.app.state.store.close()  # type: ignore[attr-defined]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_and_empty_ledgers(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="no ledger at"):
        create_app(tmp_path / "missing.duckdb")
    res = CliRunner().invoke(cli_app, ["serve", "--ledger", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 2 and "no ledger at" in res.output
    empty = tmp_path / "empty.duckdb"
    Ledger.open(empty).close()
    r = TestClient(create_app(empty)).get("/")
    assert r.status_code == 200 and "The ledger holds no records yet" in r.text


def test_port_in_use_is_one_clear_line(ledger_file: Path) -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(SoftpowerError, match=f"port {port} on 127.0.0.1 is in use"):
            bind_socket("127.0.0.1", port)
        res = CliRunner().invoke(cli_app, ["serve", "--ledger", str(ledger_file), "--port", str(port)])
        assert res.exit_code == 2 and "is in use" in res.output and "Traceback" not in res.output
    finally:
        taken.close()


def test_cross_site_posts_and_foreign_hosts_are_refused(ledger_file: Path) -> None:
    guarded = TestClient(
        create_app(ledger_file, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1:8050"
    )
    assert guarded.get("/records").status_code == 200
    # DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends its own Host header
    assert guarded.get("/records", headers={"host": "evil.example:8050"}).status_code == 400
    r = guarded.post(
        "/api/scenarios", data={"scenario": "baseline"}, headers={"origin": "http://evil.example"}
    )
    assert r.status_code == 403 and r.json() == {"error": "cross-site request refused"}


def test_scenario_tables_carry_paired_effects(ledger_file: Path) -> None:
    from softpower.report.analysis import scenario_tables

    seen: list[float] = []
    with Ledger.open(ledger_file, read_only=True) as lg:
        res = scenario_tables("us-health-withdrawal", lg, runs=10, seed=0, progress=seen.append)
    assert res.name == "us-health-withdrawal" and res.baseline is None
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    eff = res.effects
    assert {"donor", "partner", "year", "metric", "p05", "p50", "p95", "p_positive"} <= set(eff.columns)
    assert "ASEAN" in set(eff["partner"]) and (eff["p05"] <= eff["p95"]).all()
    # withdrawing US health programmes lowers trust in the US somewhere, never raises it ASEAN-wide
    usa = eff[(eff["donor"] == "USA") & (eff["metric"] == "trust")]
    last = usa[usa["year"] == usa["year"].max()]
    assert (last["p50"] < 0).any() and last.loc[last["partner"] == "ASEAN", "p50"].iloc[0] <= 0
