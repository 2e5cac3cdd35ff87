"""Hostile requests against the dashboard (FastAPI TestClient): it gives nothing away.

Each test is one attack: a server path in a request, a spoofed Host or Origin, a write without
the token, an oversized or endless upload, a flood of scenario jobs, malformed keys and ids,
and spreadsheet formulas in CSV downloads.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from softpower.cli import app as cli_app
from softpower.errors import SoftpowerError
from softpower.ledger import Ledger, bundled_ledger
from softpower.web import create_app
from softpower.web.app import neutralise_formulas, serve_guards

FORMULA_NAME = '=HYPERLINK("http://evil.example","x")'
ODD_DOC = "reports/2020/aid.txt"


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = bundled_ledger(tmp_path_factory.mktemp("sec") / "l.duckdb")
    text = "Japan funded a clinic in Vietnam in 2019. More text follows here."
    record = {
        "doc": ODD_DOC,
        "kind": "engagement",
        "actor": "JPN",
        "partners": ["VNM"],
        "instrument": "health_cooperation",
        "year": 2019,
        "name": FORMULA_NAME,
        "span": [0, 41],
    }
    with Ledger.open(path) as lg:
        lg.import_records(
            [record], [{"id": ODD_DOC, "title": "@SUM(1+1)", "text": text}], origin="t", source="t"
        )
    return path


@pytest.fixture(scope="module")
def client(ledger_file: Path) -> TestClient:
    return TestClient(create_app(ledger_file, mc=5, runs=5), raise_server_exceptions=False)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    f = tmp_path / "shadow"
    f.write_text("root:$6$hunter2:19000:0:99999:7:::\n", encoding="utf-8")
    return f


# -- no request parameter names a server path ----------------------------------------------------
def test_a_scenario_path_is_never_read(client: TestClient, secret: Path) -> None:
    missing = secret.parent / "does-not-exist.yaml"
    answers = []
    for path in (secret, missing):
        for data in ({"scenario_file": str(path)}, {"scenario": str(path)}, {"scenario": f"../../{path}"}):
            r = client.post("/api/scenarios", data={**data, "runs": "5"})
            assert r.status_code == 400 and "hunter2" not in r.text and "root:" not in r.text
            answers.append(r.json()["error"].replace(str(path), "P").replace(path.name, "P"))
    # the same answer whether the path exists or not: nothing reveals which files exist
    assert answers[:3] == answers[3:]
    assert not any(j.scenario in (str(secret), str(missing)) for j in client.app.state.store.jobs.values())  # type: ignore[attr-defined]


def _wait(client: TestClient, job_id: str) -> dict[str, object]:
    for _ in range(600):
        job: dict[str, object] = client.get(f"/api/jobs/{job_id}").json()
        if job["state"] != "running":
            return job
        time.sleep(0.05)
    raise AssertionError("job did not finish")


def test_a_scenario_upload_runs_and_names_only_the_upload(client: TestClient) -> None:
    good = b"description: test upload\nextends: baseline\nhorizon: 3\n"
    r = client.post(
        "/api/scenarios",
        data={"runs": "3"},
        files={"scenario_upload": ("mine.yaml", good, "application/yaml")},
    )
    assert r.status_code == 202
    assert _wait(client, r.json()["id"])["state"] == "done"
    r = client.post(
        "/api/scenarios",
        data={"runs": "3"},
        files={"scenario_upload": ("../../etc/evil.yaml", b"horizon: [1\n", "application/yaml")},
    )
    job = _wait(client, r.json()["id"])
    assert job["state"] == "error" and str(job["message"]).startswith("evil.yaml")
    assert "/tmp" not in str(job["message"]) and "softpower-scenario" not in str(job["message"])


def test_an_oversized_scenario_upload_is_refused(client: TestClient) -> None:
    r = client.post(
        "/api/scenarios", files={"scenario_upload": ("big.yaml", b"#" * 70_000, "application/yaml")}
    )
    assert r.status_code == 400 and "too large" in r.json()["error"]


# -- Host and Origin on every bind; a token for writes off loopback --------------------------------
@pytest.mark.parametrize("bind", ["127.0.0.1", "127.0.0.2", "0.0.0.0", "192.0.2.7"])
def test_host_check_holds_on_every_bind(ledger_file: Path, bind: str) -> None:
    hosts, _ = serve_guards(bind, [], False, None)
    c = TestClient(create_app(ledger_file, allowed_hosts=hosts), base_url="http://127.0.0.1:8050")
    assert c.get("/records").status_code == 200
    assert c.get("/records", headers={"host": "evil.example:8050"}).status_code == 400
    if bind not in ("0.0.0.0",):
        assert c.get("/records", headers={"host": f"{bind}:8050"}).status_code == 200


def test_spoofed_host_and_origin_cannot_import(tmp_path: Path) -> None:
    path = bundled_ledger(tmp_path / "w.duckdb")
    hosts, token = serve_guards("192.0.2.7", [], True, None)
    assert token is not None and len(token) >= 16
    c = TestClient(
        create_app(path, allow_write=True, allowed_hosts=hosts, write_token=token),
        base_url="http://192.0.2.7:8050",
        raise_server_exceptions=False,
    )
    line = json.dumps(
        {"doc": "n.txt", "kind": "engagement", "actor": "KOR", "partners": ["LAO"], "instrument": "oda_grant"}
    )
    files = {"file": ("n.jsonl", line + "\n", "application/json")}
    assert c.post("/import", files=files, headers={"host": "evil.example"}).status_code == 400
    r = c.post("/import", files=files, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    r = c.post("/import", files=files, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    r = c.post("/import", files=files)  # same origin but no token
    assert r.status_code == 403 and "token" in r.text
    wrong = token[:-1] + ("y" if token.endswith("x") else "x")  # one character off, never the token itself
    r = c.post("/import", files=files, data={"token": wrong})
    assert r.status_code == 403
    c.app.state.store.close()  # type: ignore[attr-defined]
    c2 = TestClient(
        create_app(path, allow_write=True, allowed_hosts=hosts, write_token=token),
        base_url="http://192.0.2.7:8050",
    )
    r = c2.post("/import", files=files, data={"token": token})
    assert r.status_code == 200 and "added engagement 1" in r.text
    c2.app.state.store.close()  # type: ignore[attr-defined]
    with Ledger.open(path, read_only=True) as lg:
        assert lg.stats()["engagement"] == 111


def test_allow_write_off_loopback_needs_a_token() -> None:
    assert serve_guards("127.0.0.1", [], True, None)[1] is None
    assert serve_guards("0.0.0.0", [], True, None)[1] is not None
    assert serve_guards("0.0.0.0", [], True, "a-long-enough-token-1")[1] == "a-long-enough-token-1"
    with pytest.raises(SoftpowerError, match="too short"):
        serve_guards("0.0.0.0", [], True, "short")


def test_serve_refuses_a_short_token(ledger_file: Path) -> None:
    res = CliRunner().invoke(
        cli_app, ["serve", "--ledger", str(ledger_file), "--host", "0.0.0.0", "--allow-write", "--token", "x"]
    )
    assert res.exit_code == 2 and "too short" in res.output and "Traceback" not in res.output


# -- bounded uploads and jobs -------------------------------------------------------------------
def test_uploads_over_the_limit_get_413(tmp_path: Path) -> None:
    path = bundled_ledger(tmp_path / "w.duckdb")
    c = TestClient(create_app(path, allow_write=True, max_upload=4096), raise_server_exceptions=False)
    big = ("x" * 100 + "\n") * 100
    r = c.post("/import", files={"file": ("big.jsonl", big, "application/json")})
    assert r.status_code == 413 and "too large" in r.text

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        for _ in range(100):
            yield b"x" * 1000

    r = c.post("/import", content=chunks(), headers={"content-type": "multipart/form-data; boundary=zz"})
    assert r.status_code == 413
    r = c.post("/import", content=b"", headers={"content-length": "abc"})
    assert r.status_code == 413
    c.app.state.store.close()  # type: ignore[attr-defined]
    with Ledger.open(path, read_only=True) as lg:
        assert lg.stats()["engagement"] == 110


def test_upload_names_cannot_traverse(tmp_path: Path) -> None:
    path = bundled_ledger(tmp_path / "w.duckdb")
    c = TestClient(create_app(path, allow_write=True), raise_server_exceptions=False)
    r = c.post("/import", files={"file": ("../../../etc/cron.d/x.sh", b"echo", "text/plain")})
    assert r.status_code == 400 and "x.sh: unsupported file type" in r.text and "/etc" not in r.text
    bad = b'{"doc": "a.txt", "kind": "engagement"}\n'
    r = c.post("/import", files={"file": ("../up.jsonl", bad, "application/json")})
    assert r.status_code == 400 and "up.jsonl:1" in r.text and "/tmp" not in r.text


def test_scenario_jobs_are_bounded(ledger_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from softpower.web import state

    gate = threading.Event()

    def slow(*args: object, **kwargs: object) -> object:
        gate.wait(30)
        raise SoftpowerError("stopped")

    monkeypatch.setattr(state.analysis, "scenario_tables", slow)
    c = TestClient(create_app(ledger_file, max_jobs=2), raise_server_exceptions=False)
    try:
        codes = [
            c.post("/api/scenarios", data={"scenario": "baseline", "runs": "5"}).status_code for _ in range(5)
        ]
        assert codes == [202, 202, 429, 429, 429]
        r = c.post("/api/scenarios", data={"scenario": "baseline"})
        assert "busy" in r.json()["error"] and r.headers["retry-after"] == "10"
    finally:
        gate.set()
    for job in list(c.app.state.store.jobs.values()):  # type: ignore[attr-defined]
        _wait(c, job.id)
    assert c.post("/api/scenarios", data={"scenario": "baseline", "runs": "5"}).status_code == 202
    gate.set()


def test_finished_jobs_are_not_kept_forever(ledger_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from softpower.web import state

    def fail(*args: object, **kwargs: object) -> object:
        raise SoftpowerError("no")

    monkeypatch.setattr(state.analysis, "scenario_tables", fail)
    c = TestClient(create_app(ledger_file), raise_server_exceptions=False)
    for _ in range(state.KEEP_JOBS + 10):
        job = c.post("/api/scenarios", data={"scenario": "baseline", "runs": "1"}).json()
        _wait(c, job["id"])
    assert len(c.app.state.store.jobs) <= state.KEEP_JOBS  # type: ignore[attr-defined]


# -- 404, never 500 ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "key",
    [
        "tile|JPN|VNM|notayear",
        "year|JPN|20x|smart",
        "dyad|JPN",
        "nonsense",
        "|||",
        "\x00",
    ],
)
def test_unknown_keys_are_404(client: TestClient, key: str) -> None:
    for url in ("/records", "/download/records.csv"):
        r = client.get(url, params={"key": key})
        assert r.status_code == 404, (url, key, r.status_code)


@pytest.mark.parametrize(
    "url",
    [
        "/documents/nope.txt",
        "/documents/a/b/c",
        "/documents/..%2F..%2Fetc%2Fpasswd",
        "/documents/%00",
        "/api/jobs/job999",
        "/api/jobs/..%2Fjob1/charts",
        "/download/scenario/nope.csv",
        "/static/..%2F..%2Fapp.py",
    ],
)
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 404


def test_a_document_id_with_slashes_opens(client: TestClient) -> None:
    r = client.get(f"/documents/{ODD_DOC}")
    assert r.status_code == 200 and "Japan funded a clinic" in r.text


# -- spreadsheet formulas ---------------------------------------------------------------------
def test_csv_downloads_neutralise_formulas(client: TestClient) -> None:
    body = client.get("/download/records.csv", params={"donor": "JPN"}).text
    cells = [c for row in csv.reader(io.StringIO(body)) for c in row]
    assert "'@SUM(1+1)" in cells and any(FORMULA_NAME in c for c in cells)
    for c in cells:
        try:
            float(c)
            continue
        except ValueError:
            assert c[:1] not in ("=", "+", "-", "@", "\t", "\r"), c


def test_neutralise_formulas_keeps_numbers() -> None:
    import pandas as pd

    frame = pd.DataFrame({"a": ["=1+1", "+x", "-y", "@z", "ok", None], "n": [-1.5, 2, 3, 4, 5, 6]})
    out = neutralise_formulas(frame)
    assert out["a"].tolist()[:5] == ["'=1+1", "'+x", "'-y", "'@z", "ok"] and pd.isna(out["a"].iloc[5])
    assert out["n"].tolist() == [-1.5, 2, 3, 4, 5, 6]
