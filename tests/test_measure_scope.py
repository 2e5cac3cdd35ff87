"""What the index compares: the partner universe, only dyad-years with facts, one year = a filter."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from softpower.errors import SoftpowerError
from softpower.ledger import Ledger
from softpower.measure import run_index
from softpower.measure.scope import partner_universe, resolve_partners


def _arms_ledger(path: Path) -> Path:
    """SIPRI-style arms records (a 'zero' source: every supplier × recipient × year it reports)."""
    rows = [
        ("CHN", "VNM", 2010, 50.0),
        ("USA", "PHL", 2010, 80.0),
        ("RUS", "VNM", 2010, 20.0),
        ("CHN", "JPN", 2010, 5.0),  # a donor state: outside the default partner universe
    ]
    recs = [
        {"doc": "sipri:2010", "kind": "indicator", "actor": a, "partners": [p], "metric": "arms_transfers",
         "unit": "TIV", "value": v, "year": y}
        for a, p, y, v in rows
    ]  # fmt: skip
    with Ledger.open(path) as lg:
        lg.import_records(recs, [{"id": "sipri:2010", "title": "arms"}], origin="sipri-arms", source="test")
    return path


def test_duckdb_progress_bar_never_reaches_stdout(tmp_path: Path) -> None:
    path = _arms_ledger(tmp_path / "l.duckdb")
    q = "SELECT current_setting('enable_progress_bar')"
    for kw in ({}, {"read_only": True}, {"read_only": True, "sandbox": True}):
        with Ledger.open(path, **kw) as lg:  # type: ignore[arg-type]
            assert lg.con.execute(q).fetchone() == (False,)
    # the sandbox stays locked
    with Ledger.open(path, read_only=True, sandbox=True) as lg, pytest.raises(Exception, match="locked"):
        lg.con.execute("SET enable_progress_bar = true")


def test_a_dyad_without_facts_is_not_scored_or_ranked(tmp_path: Path) -> None:
    res = run_index(_arms_ledger(tmp_path / "l.duckdb"), mc=0)
    got = set(zip(res.dyads["actor"], res.dyads["partner"], strict=True))
    # the zero source's product would add USA-VNM, CHN-PHL, RUS-PHL at 0: not scored
    assert got == {("CHN", "VNM"), ("RUS", "VNM"), ("USA", "PHL")}
    assert (res.dyads["n_facts"] >= 1).all()
    lead = res.leaders.set_index("partner")
    assert lead.loc["VNM", "leader"] == "CHN" and bool(lead.loc["VNM", "comparable"])
    # USA is the only donor with a fact in PHL: it is not ranked first over absent donors
    assert not bool(lead.loc["PHL", "comparable"]) and "not comparable" in lead.loc["PHL", "note"]
    assert int(lead.loc["PHL", "n_compared"]) == 1


def test_partner_scope_default_all_and_list(tmp_path: Path) -> None:
    path = _arms_ledger(tmp_path / "l.duckdb")
    assert "JPN" not in set(run_index(path, mc=0).dyads["partner"])
    assert set(run_index(path, mc=0, partners="all").dyads["partner"]) == {"VNM", "PHL", "JPN"}
    assert set(run_index(path, mc=0, partners="vnm").dyads["partner"]) == {"VNM"}
    with pytest.raises(SoftpowerError, match=r"--partners: 'XYZ' is not an ISO3 or group code"):
        run_index(path, mc=0, partners="VNM,XYZ")
    with pytest.raises(SoftpowerError, match="no dated record names a partner compared"):
        run_index(path, mc=0, partners="FJI")


def test_partner_universe_is_asean_pacific_and_south_asia() -> None:
    uni = set(partner_universe())
    assert {"VNM", "IDN", "TLS", "FJI", "PNG", "IND", "BGD", "MNG"} <= uni
    assert not uni & {"CHN", "USA", "JPN", "KOR", "AUS", "NZL", "RUS"}  # donors are not partners here
    assert resolve_partners("all") is None
    assert resolve_partners("CLMV") == ("KHM", "LAO", "MMR", "VNM")


def test_one_year_is_a_filter_of_the_whole_index(tmp_path: Path) -> None:
    """``--year Y`` answers exactly the rows that the all-years index (the dashboard) shows for Y."""
    from softpower.ledger import bundled_ledger

    path = bundled_ledger(tmp_path / "b.duckdb")
    full = run_index(path, mc=30, seed=3)
    years = sorted(set(full.dyads["year"]))
    for y in (years[0], years[-1]):
        one = run_index(path, mc=30, seed=3, year=y)
        want = full.dyads.loc[full.dyads["year"] == y].reset_index(drop=True)
        pd.testing.assert_frame_equal(one.dyads, want)
        pd.testing.assert_frame_equal(
            one.leaders, full.leaders.loc[full.leaders["year"] == y].reset_index(drop=True)
        )
    missing = next(y for y in range(years[0], years[-1]) if y not in years)
    with pytest.raises(SoftpowerError, match=rf"--year {missing}: no data observed that year"):
        run_index(path, mc=0, year=missing)


def test_deterministic_json_is_byte_identical_across_processes_and_workers(tmp_path: Path) -> None:
    """Two fresh processes (one and two worker processes) write the same bytes."""
    import os
    import subprocess
    import sys

    from softpower.ledger import bundled_ledger

    path = bundled_ledger(tmp_path / "b.duckdb")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.json"
        env = {**os.environ, "SOFTPOWER_WORKERS": workers}
        cmd = [
            sys.executable,
            "-m",
            "softpower",
            "index",
            "--ledger",
            str(path),
            "--mc",
            "250",
            "--seed",
            "7",
        ]
        cmd += ["--format", "json", "--deterministic", "-o", str(out)]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout == ""  # nothing (no DuckDB progress bar) on stdout
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert b'"timings"' not in outs[0]


def test_a_reweighting_reuses_the_compiled_model_and_equals_a_fresh_run(tmp_path: Path) -> None:
    import json

    from softpower.ledger import bundled_ledger
    from softpower.measure import api, load_framework

    path = bundled_ledger(tmp_path / "b.duckdb")
    w = {p: 1.0 / len(load_framework().pillar_names) for p in load_framework().pillar_names}
    api._MODELS.clear()
    first = run_index(path, mc=40, seed=2)
    again = run_index(path, mc=40, seed=2, weights=w)
    assert again.model.panel is first.model.panel  # nothing recompiled
    api._MODELS.clear()
    fresh = run_index(path, mc=40, seed=2, weights=w)
    assert fresh.model.panel is not first.model.panel
    assert json.dumps(again.to_dict(deterministic=True)) == json.dumps(fresh.to_dict(deterministic=True))
    # a changed ledger is a different model (the content fingerprint changes)
    rec = {"doc": "x:1", "kind": "engagement", "actor": "KOR", "partners": ["VNM"], "instrument": "oda_grant",
           "year": 2009}  # fmt: skip
    with Ledger.open(path) as lg:
        lg.import_records([rec], [{"id": "x:1", "title": "x"}], origin="test", source="test")
    changed = run_index(path, mc=0, seed=2, weights=w)
    assert changed.model.panel is not fresh.model.panel
    assert changed.dyads["n_facts"].sum() == fresh.dyads["n_facts"].sum() + 1
