"""The static report: provenance tables, leaders, safe embedding, and the whole HTML file."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from _hostile import XSS_TEXT, xss_ledger
from softpower.cli import app
from softpower.errors import InputError, LedgerError
from softpower.ledger import Ledger
from softpower.measure import leaders_table
from softpower.report import build_report, data, figures, render


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return xss_ledger(tmp_path_factory.mktemp("ledger") / "l.duckdb")


@pytest.fixture(scope="module")
def report_file(ledger_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    with Ledger.open(ledger_file, read_only=True) as lg:
        return build_report(lg, scenario="us-health-withdrawal", output=out, seed=1, mc=30, runs=20)


def test_sentence_at_expands_a_span_to_its_sentence() -> None:
    text = "First one. The second sentence holds the span here. Third!"
    start = text.index("holds")
    assert data.sentence_at(text, start, start + 5) == "The second sentence holds the span here."
    # a span ending on the full stop does not run into the next sentence
    end = text.index("here.") + 5
    assert data.sentence_at(text, start, end) == "The second sentence holds the span here."
    assert data.sentence_at(text, 0, 3) == "First one."
    # a line break from a PDF inside a sentence does not end it
    pdf = "Before. Research \n\nprojects, the joint programme. After."
    assert (
        data.sentence_at(pdf, pdf.index("the joint"), pdf.index("programme"))
        == "Research projects, the joint programme."
    )


def test_tiles_draw_the_index_leaders_table_with_names() -> None:
    dyads = pd.DataFrame(
        {
            "actor": ["JPN", "CHN", "USA", "JPN", "CHN", "KOR"],
            "partner": ["VNM", "VNM", "VNM", "FJI", "FJI", "LAO"],
            "year": [2020] * 6,
            "score": [0.8, 0.5, 0.1, 0.2, 0.6, 0.0],
            "rank": [1, 2, 3, 2, 1, 1],
            "lead_share": [0.9, 0.1, 0.0, 0.3, 0.7, 1.0],
        }
    )
    t = leaders_table(dyads)
    fig = figures.tile_grid(t)
    tiles = next(tr for tr in fig.data if tr.visible)
    hover = dict(zip(tiles.customdata, tiles.hovertext, strict=True))
    assert set(hover) == {"tile|JPN|VNM|2020", "tile|CHN|FJI|2020"}  # LAO: nobody leads on zero scores
    assert hover["tile|JPN|VNM|2020"].startswith("Vietnam (VNM) 2020: Japan (JPN) leads")
    assert "0.300 ahead of China" in hover["tile|JPN|VNM|2020"]
    assert any("Vietnam" in str(x) for x in tiles.text) and not any("VNM" in str(x) for x in tiles.text)


def test_safe_json_cannot_close_a_script_element() -> None:
    value = {"t": "</script><img src=x onerror=alert(1)> & <!--"}
    text = render.safe_json(value)
    assert not set("<>&") & set(text)
    assert json.loads(text) == value


def test_provenance_keys_lead_to_the_records_behind_a_figure(ledger_file: Path) -> None:
    with Ledger.open(ledger_file, read_only=True) as lg:
        records = data.load_records(lg)
    edges = data.network_edges(records)
    for e in edges.itertuples():
        ids = data.records_for_key(records, f"edge|{e.actor}|{e.partner}|{e.power_type}")
        assert sorted(ids) == sorted(e.record_ids)
        assert records[records["record_id"].isin(ids)]["fact_key"].nunique() == e.facts
    usa = data.records_for_key(records, "actor|USA")
    assert len(usa) == int((records["actor"] == "USA").sum()) > 0
    # group partners reach their members: a JPN record naming ASEAN reaches VNM
    vnm = records[records["record_id"].isin(data.records_for_key(records, "dyad|JPN|VNM|"))]
    assert (vnm["partners"].map(lambda ps: "ASEAN" in ps)).any()


def test_document_text_from_a_folder_only_when_its_digest_matches(ledger_file: Path, tmp_path: Path) -> None:
    with Ledger.open(ledger_file, read_only=True) as lg:
        doc, digest = lg.query("SELECT doc_id, sha256 FROM documents WHERE text IS NULL LIMIT 1").iloc[0]
        (tmp_path / doc).write_text("Not the document.", encoding="utf-8")
        assert doc not in data.document_texts(lg, [doc], [tmp_path])
        assert hashlib.sha256(b"Not the document.").hexdigest() != digest
        texts = data.document_texts(lg, ["xss.txt"], [])
    assert texts["xss.txt"] == XSS_TEXT


def test_report_is_self_contained(report_file: Path) -> None:
    html = report_file.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    # nothing is loaded from anywhere but the file itself (a data: URL at most)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*\"(?!data:)", html, re.I)
    assert "plotly.js v" in html[:5_000_000]
    payload = json.loads(re.search(r'id="report-data">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert {"tiles", "network", "ranks", "profiles", "time"} <= set(payload["figures"])
    assert {"scenario-trust", "scenario-alignment"} <= set(payload["figures"])
    assert payload["configs"]["tiles"]["toImageButtonOptions"]["format"] == "png"
    # the provenance table: every record with its document
    recs = payload["records"]
    assert len(recs["rows"]) == 147 and recs["columns"][:2] == ["kind", "actor"]
    assert all(0 <= row[recs["columns"].index("doc")] < len(recs["docs"]) for row in recs["rows"])
    assert len(payload["labels"]) > 50


def test_report_escapes_document_text(report_file: Path) -> None:
    html = report_file.read_text(encoding="utf-8")
    assert "\\u003cscript\\u003ewindow.__pwned" in html
    assert "<script>window.__pwned" not in html
    assert "onerror=alert(3)>" not in html and "onerror=alert(3)\\u003e" in html


def test_bad_scenario_file_writes_nothing(ledger_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("horizon: 10\nrunz: 3\n", encoding="utf-8")
    out = tmp_path / "r.html"
    with Ledger.open(ledger_file, read_only=True) as lg, pytest.raises(InputError, match="runz"):
        build_report(lg, scenario=bad, output=out, mc=5, runs=5)
    assert list(tmp_path.iterdir()) == [bad]


def test_empty_ledger_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    Ledger.open(path).close()
    with Ledger.open(path, read_only=True) as lg, pytest.raises(LedgerError, match="holds no records"):
        build_report(lg, output=tmp_path / "r.html")
    res = CliRunner().invoke(app, ["report", "--ledger", str(path), "--output", str(tmp_path / "r.html")])
    assert res.exit_code == 2
    assert "holds no records" in res.output and "Traceback" not in res.output


def test_ledger_without_dated_engagement_still_reports(tmp_path: Path) -> None:
    path = tmp_path / "undated.duckdb"
    record = {
        "doc": "a.txt",
        "kind": "engagement",
        "actor": "JPN",
        "partners": ["VNM"],
        "instrument": "oda_grant",
        "span": [0, 5],
    }
    with Ledger.open(path) as lg:
        lg.import_records(
            [record], [{"id": "a.txt", "text": "Japan gave aid to Vietnam."}], origin="t", source="t"
        )
    with Ledger.open(path, read_only=True) as lg:
        out = build_report(lg, output=tmp_path / "r.html", mc=5)
    html = out.read_text(encoding="utf-8")
    assert "The index could not be computed:" in html and "no dated engagement" in html
    payload = json.loads(re.search(r'id="report-data">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert (
        payload["records"]["rows"][0][payload["records"]["columns"].index("sentence")]
        == "Japan gave aid to Vietnam."
    )


def test_cli_report(ledger_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    res = CliRunner().invoke(
        app, ["report", "--ledger", str(ledger_file), "--output", str(out), "--mc", "10"]
    )
    assert res.exit_code == 0, res.output
    assert f"Report written to {out}" in res.output and out.stat().st_size > 4_000_000
    res = CliRunner().invoke(
        app, ["report", "--ledger", str(tmp_path / "missing.duckdb"), "--output", str(out)]
    )
    assert res.exit_code == 2 and "no ledger at" in res.output
    res = CliRunner().invoke(app, ["report", "--help"])
    assert "Example: softpower report" in res.output


def test_engagement_over_time_with_many_donors() -> None:
    """30 donors: the top 11 get a panel, the other 19 are summed in one (and 30 panels still draw)."""
    rows = [
        {
            "actor": f"D{i:02d}",
            "year": 2000 + j,
            "power_type": "economic",
            "facts": 30 - i,
            "record_ids": ["r"],
        }
        for i in range(30)
        for j in range(3)
    ]
    fig = figures.engagement_over_time(pd.DataFrame(rows))
    assert len(fig.data) == 12 and fig.layout.height == 300 * 3 + 80
    other = fig.data[-1]
    assert list(other.y) == [sum(30 - i for i in range(11, 30))] * 3 and other.customdata is None
    assert "top 11 of 30 donors" in fig.layout.title.text
    fig = figures.engagement_over_time(pd.DataFrame(rows), max_donors=30)  # 8 panel rows
    assert len(fig.data) == 30 and fig.layout.height == 300 * 8 + 80


def test_output_that_is_a_folder_is_one_line(ledger_file: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["report", "--ledger", str(ledger_file), "--output", str(tmp_path)])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert f"cannot write {tmp_path}: it is a folder" in res.output
    assert list(tmp_path.iterdir()) == []


def test_leading_donors_have_distinct_colours() -> None:
    """DEU and PRT shared an orange (and AUS a teal like KOR's) in the big ledger's tile legend."""
    donors = ["AUS", "CHN", "DEU", "JPN", "KOR", "PRT", "USA", "GBR", "FRA", "IND", "NZL"]
    dyads = pd.DataFrame(
        {
            "actor": donors,
            "partner": ["VNM", "THA", "LAO", "KHM", "MYS", "IDN", "PHL", "FJI", "TON", "NPL", "WSM"],
            "year": 2020,
            "score": 0.5,
            "rank": 1,
            "lead_share": 1.0,
        }
    )
    runners = dyads.assign(actor="XXX", score=0.1, rank=2)  # a runner-up, so that each partner has a leader
    fig = figures.tile_grid(leaders_table(pd.concat([dyads, runners], ignore_index=True)))
    legend = {t.legendgroup: t.marker.color for t in fig.data if t.legendgroup in donors}
    assert set(legend) == set(donors)
    assert len(set(legend.values())) == len(donors)
    assert legend["JPN"] == figures.DONOR_COLOURS["JPN"] and legend["KOR"] == figures.DONOR_COLOURS["KOR"]


def test_big_ledger_report_embeds_a_summary_and_writes_every_record(
    ledger_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzip

    from softpower.report import build

    monkeypatch.setattr(build, "MAX_EMBEDDED", 40)
    out = tmp_path / "r.html"
    with Ledger.open(ledger_file, read_only=True) as lg:
        build_report(lg, output=out, mc=0)
        n = int(lg.query("SELECT count(*) AS n FROM records")["n"].iloc[0])
    html = out.read_text(encoding="utf-8")
    payload = json.loads(re.search(r'id="report-data">(.*?)</script>', html, re.S).group(1))
    assert len(payload["records"]["rows"]) == 40
    assert "This page holds 40 of the" in html and 'href="r.records.csv.gz"' in html
    full = pd.read_csv(io.BytesIO(gzip.decompress((tmp_path / "r.records.csv.gz").read_bytes())))
    assert len(full) == n and {"actor_name", "amount", "amount_usd_const", "sentence"} <= set(full.columns)
    # sentences first: every embedded row has one when at least 40 records have one
    if full["sentence"].notna().sum() >= 40:
        sentence_col = payload["records"]["columns"].index("sentence")
        assert all(r[sentence_col] for r in payload["records"]["rows"])
