"""Review decisions: the page's data, the decision-file format, ``ledger import`` and training pairs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.extract.pipeline import extract_paths
from softpower.extract.review import (
    FORMAT,
    read_decisions,
    record_key,
    render_review,
    training_pairs,
)
from softpower.ledger import Ledger

TEXT = (
    "In 2008, Japan provided a 3.7 billion yen loan to Cambodia. "
    "Japan and Vietnam held a summit in 2019. "
    "In 2012, Korea provided grant aid worth $5 million to Laos.\n"
)


@pytest.fixture()
def extracted(tmp_path: Path) -> list[dict[str, Any]]:
    doc = tmp_path / "note.txt"
    doc.write_text(TEXT, encoding="utf-8")
    (res,) = extract_paths([doc], keep_text=True)
    assert len(res.records) == 3, res.records
    return res.records


def _line(rec: dict[str, Any], decision: str, corrected: dict[str, Any] | None = None, **over: Any) -> str:
    obj = {
        "format": FORMAT,
        "key": record_key(rec),
        "decision": decision,
        "record": rec,
        "corrected": corrected or {},
        "reviewer": "A. Analyst",
        "time": "2026-12-05T08:10:00Z",
    }
    obj.update(over)
    return json.dumps(obj, ensure_ascii=False) + "\n"


def _records(ledger: Path) -> list[tuple[Any, ...]]:
    with Ledger.open(ledger, read_only=True) as lg:
        return lg.con.execute("SELECT actor, instrument, year FROM records ORDER BY actor, year").fetchall()


def test_key_survives_a_javascript_number_round_trip(extracted: list[dict[str, Any]]) -> None:
    rec = extracted[0]
    as_js = {**rec, "amount": int(rec["amount"])}  # JSON.stringify(3700000000.0) == "3700000000"
    assert record_key(as_js) == record_key(rec)
    assert record_key({**rec, "instrument": "oda_grant"}) != record_key(rec)


def test_accept_reject_correct_import_in_one_transaction(
    extracted: list[dict[str, Any]], tmp_path: Path
) -> None:
    loan, summit, grant = extracted
    decisions = tmp_path / "review.decisions.jsonl"
    decisions.write_text(
        _line(loan, "accept")
        + _line(summit, "reject")
        + _line(grant, "correct", {"instrument": "technical_cooperation"}),
        encoding="utf-8",
    )
    ledger = tmp_path / "l.duckdb"
    res = CliRunner().invoke(app, ["ledger", "import", str(decisions), "--ledger", str(ledger)])
    assert res.exit_code == 0, res.output
    assert "rejected: 1" in res.output
    assert _records(ledger) == [("JPN", "oda_loan", 2008), ("KOR", "technical_cooperation", 2012)]


def test_later_decision_replaces_earlier(extracted: list[dict[str, Any]], tmp_path: Path) -> None:
    decisions = tmp_path / "d.jsonl"
    decisions.write_text(_line(extracted[0], "accept") + _line(extracted[0], "reject"), encoding="utf-8")
    ledger = tmp_path / "l.duckdb"
    res = CliRunner().invoke(app, ["ledger", "import", str(decisions), "--ledger", str(ledger)])
    assert res.exit_code == 0, res.output
    assert _records(ledger) == []


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda r: _line(r, "correct", {"instrument": "bribery"}), "corrected.instrument"),
        (lambda r: _line(r, "correct", {"partners": ["XXX"]}), "corrected.partners"),
        (lambda r: _line(r, "correct", {}), "corrected"),
        (lambda r: _line(r, "accept", {"year": 2001}), "corrected"),
        (lambda r: _line(r, "correct", {"quote": "x"}), "corrected.quote"),
        (lambda r: _line(r, "maybe"), "decision"),
        (lambda r: _line(r, "accept", key="0" * 20), "key"),
        (lambda r: _line({**r, "year": 1999}, "accept", key=record_key(r)), "key"),
        (lambda r: _line(r, "accept", reviewer=" "), "reviewer"),
        (lambda r: _line(r, "accept", time="yesterday"), "time"),
        (lambda r: _line(r, "accept", format="softpower-review/9"), "format"),
    ],
)
def test_bad_decision_is_one_line_naming_file_line_field(
    extracted: list[dict[str, Any]], tmp_path: Path, edit: Any, field: str
) -> None:
    decisions = tmp_path / "d.jsonl"
    decisions.write_text(
        _line(extracted[0], "accept") + _line(extracted[1], "accept") + edit(extracted[2]), encoding="utf-8"
    )
    ledger = tmp_path / "l.duckdb"
    res = CliRunner().invoke(app, ["ledger", "import", str(decisions), "--ledger", str(ledger)])
    assert res.exit_code == 2, res.output
    lines = [x for x in res.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"softpower: {decisions}:3: {field}:"), res.output
    assert not ledger.exists() or _records(ledger) == []  # nothing half-written


def test_not_json_names_the_line(extracted: list[dict[str, Any]], tmp_path: Path) -> None:
    decisions = tmp_path / "d.jsonl"
    decisions.write_text(_line(extracted[0], "accept") + "{not json\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"d\.jsonl:2: not valid JSON"):
        read_decisions(decisions)


def test_training_pairs_carry_corrected_labels(extracted: list[dict[str, Any]], tmp_path: Path) -> None:
    loan, summit, grant = extracted
    decisions = tmp_path / "d.jsonl"
    decisions.write_text(
        _line(loan, "accept") + _line(summit, "reject") + _line(grant, "correct", {"amount": 6e6}),
        encoding="utf-8",
    )
    pairs = training_pairs([decisions])
    assert [(s, lab["instrument"], lab["amount"]) for s, lab in pairs if lab] == [
        (loan["quote"], "oda_loan", 3.7e9),
        (grant["quote"], grant["instrument"], 6e6),
    ]
    negatives = training_pairs([decisions], negatives=True)
    assert (summit["quote"], None) in negatives and len(negatives) == 3


def test_review_page_embeds_hostile_text_safely(tmp_path: Path) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text(
        "In 2012, Japan provided grant aid to Laos. </script><script>alert(1)</script>\n", encoding="utf-8"
    )
    (res,) = extract_paths([doc], keep_text=True)
    page = render_review([res])
    assert "<script>alert(1)" not in page and "&lt;/script&gt;&lt;script&gt;alert(1)" in page
    data = page.split("id='review-data'>", 1)[1].split("</script>", 1)[0]
    (item,) = json.loads(data)
    assert item["key"] == record_key(item["record"]) and item["record"]["instrument"] == "oda_grant"
    assert f"data-key='{item['key']}'" in page


def test_dashboard_review_page_escapes_and_names_bad_lines(
    extracted: list[dict[str, Any]], tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from softpower.web import create_app

    ledger = tmp_path / "l.duckdb"
    Ledger.open(ledger).close()
    client = TestClient(create_app(ledger, mc=5, runs=5))
    assert client.get("/review").status_code == 200
    hostile = {**extracted[0], "quote": "<img src=x onerror=alert(1)> Japan"}
    body = "".join(json.dumps(r) + "\n" for r in (hostile, *extracted[1:])).encode()
    res = client.post("/review", files={"file": ("pred.jsonl", body, "application/x-ndjson")})
    assert res.status_code == 200
    assert "<img src=x" not in res.text and "&lt;img src=x onerror=alert(1)&gt;" in res.text
    assert res.text.count("data-key=") == 3 and record_key(hostile) in res.text
    bad = (
        body
        + b'{"doc": "note.txt", "kind": "engagement", "actor": "JPN", "partners": ["XXX"], "span": [0, 5], "quote": "In 20"}\n'
    )
    res = client.post("/review", files={"file": ("pred.jsonl", bad, "application/x-ndjson")})
    assert res.status_code == 400 and "pred.jsonl:4: record.partners:" in res.text
