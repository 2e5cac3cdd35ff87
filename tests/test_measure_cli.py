"""``softpower index`` in-process: formats, exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from softpower.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from softpower.ledger import bundled_ledger

    return Path(bundled_ledger(tmp_path_factory.mktemp("cli") / "l.duckdb"))


def _run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["index", *args])


def test_help_has_an_example() -> None:
    res = _run("--help")
    assert res.exit_code == 0 and "Example: softpower index" in res.output


def test_json_contract(ledger: Path) -> None:
    res = _run("--ledger", str(ledger), "--mc", "100", "--seed", "1", "--format", "json", "--year", "2008")
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert {"dyads", "actors", "profiles", "sensitivity", "validity"} <= set(d)
    assert {r["year"] for r in d["dyads"]} == {2008}
    again = json.loads(
        _run(
            "--ledger", str(ledger), "--mc", "100", "--seed", "1", "--format", "json", "--year", "2008"
        ).stdout
    )
    assert again["dyads"] == d["dyads"]


def test_table_csv_parquet(ledger: Path, tmp_path: Path) -> None:
    res = _run("--ledger", str(ledger), "--mc", "50", "--year", "2008")
    assert res.exit_code == 0 and "Who leads in each partner, 2008" in res.stdout
    out = tmp_path / "d.csv"
    assert _run("--ledger", str(ledger), "--mc", "0", "--format", "csv", "-o", str(out)).exit_code == 0
    csv = pd.read_csv(out)
    pq = tmp_path / "d.parquet"
    assert _run("--ledger", str(ledger), "--mc", "0", "--format", "parquet", "-o", str(pq)).exit_code == 0
    assert len(pd.read_parquet(pq)) == len(csv) > 0
    assert {"actor", "partner", "year", "score", "rank", "rank_lo", "rank_hi"} <= set(csv.columns)


def test_weight_override(ledger: Path) -> None:
    w = [
        "--weight",
        "economic_ties=0.2",
        "--weight",
        "people_culture=0.2",
        "--weight",
        "smart_cooperation=0.2",
    ]
    w += ["--weight", "diplomatic_standing=0.2", "--weight", "security_ties=0.2"]
    res = _run("--ledger", str(ledger), "--mc", "0", "--format", "json", *w)
    assert res.exit_code == 0 and json.loads(res.stdout)["meta"]["weights"]["security_ties"] == 0.2


@pytest.mark.parametrize(
    ("framework", "args", "needle"),
    [
        ("pillars:\n  a: {weight: 1, indicators: [roots:nothing]}\n", [], "unknown indicator 'roots:nothing'"),
        ("pillars:\n  a: {weight: 0.7, indicators: [count:all]}\n  b: {weight: 0.7, indicators: [count:hard]}\n", [], "weights sum to 1.4"),
        ("pillars:\n  a: {weight: 1.5, indicators: [count:all]}\n  b: {weight: -0.5, indicators: [count:hard]}\n", [], "negative weight -0.5"),
        (None, ["--year", "1850"], "--year 1850: no data observed that year"),
        (None, ["--weight", "economic_ties=-1"], "--weight: economic_ties.weight: negative weight -1"),
        (None, ["--weight", "economic=1"], "--weight: weights: unknown pillar 'economic' (expected one of economic_ties, people_culture"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2(
    ledger: Path, tmp_path: Path, framework: str | None, args: list[str], needle: str
) -> None:
    extra = list(args)
    if framework is not None:
        (tmp_path / "fw.yaml").write_text(framework)
        extra += ["--framework", str(tmp_path / "fw.yaml")]
    res = _run("--ledger", str(ledger), "--mc", "0", *extra)
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], res.stderr
    assert res.stdout == ""


def test_empty_ledger_exit_2(tmp_path: Path) -> None:
    from softpower.ledger import Ledger

    with Ledger.open(tmp_path / "e.duckdb"):
        pass
    res = _run("--ledger", str(tmp_path / "e.duckdb"), "--mc", "0")
    assert (
        res.exit_code == 2 and "no dated record" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    )


@pytest.mark.parametrize("fmt", ["json", "csv", "table", "parquet"])
def test_unwritable_output_is_one_line_exit_2(ledger: Path, tmp_path: Path, fmt: str) -> None:
    for out, needle in ((tmp_path / "no" / "x.out", "does not exist"), (tmp_path, "it is a folder")):
        res = _run("--ledger", str(ledger), "--mc", "0", "--format", fmt, "--output", str(out))
        assert res.exit_code == 2, res.output
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and f"cannot write {out}" in lines[0] and needle in lines[0], res.stderr
    assert list(tmp_path.iterdir()) == []


def test_table_explains_sobol_estimates_outside_0_1() -> None:
    from types import SimpleNamespace

    from softpower.cli.index import _table

    sens = pd.DataFrame(
        {
            "choice": ["weights", "imputation"],
            "first_order": [-0.158, 0.4],
            "first_order_conf": [0.988, 0.05],
            "total": [1.272, 0.5],
            "total_conf": [1.064, 0.05],
        }
    )
    actors = pd.DataFrame(
        {"actor": ["JPN"], "year": [2008], "total": [1.0], "rank": [1], "rank_lo": [1], "rank_hi": [1]}
    )
    leaders = pd.DataFrame(
        columns=["partner", "year", "leader", "score", "runner_up", "margin", "lead_share"]
    )
    result = SimpleNamespace(
        actors=actors,
        leaders=leaders,
        sensitivity=sens,
        validity={"summary": "-"},
        meta={"uncertainty": {"note": "indices are estimates from 112 evaluations (...)"}},
    )
    text = " ".join(_table(result, 2008).split())
    assert "-0.158 ± 0.988" in text and "1.272 ± 1.064" in text
    assert "note: indices are estimates from 112 evaluations (...) (raise --mc)" in text
    result.meta = {"uncertainty": {"note": None}}
    assert "note:" not in _table(result, 2008)


def test_json_explains_sobol_estimates_outside_0_1(ledger: Path) -> None:
    """The bundled ledger at --mc 200 --seed 1 gives a total index above 1 (sampling noise)."""
    d = json.loads(_run("--ledger", str(ledger), "--mc", "200", "--seed", "1", "--format", "json").stdout)
    assert any(s["total"] > 1 or s["first_order"] < 0 for s in d["sensitivity"])
    assert "sampling noise" in d["meta"]["uncertainty"]["note"]


def test_huge_mc_is_refused_before_any_work(ledger: Path, tmp_path: Path) -> None:
    res = _run("--ledger", str(ledger), "--mc", "100000000")
    lines = res.stderr.strip().splitlines()
    assert res.exit_code == 2 and len(lines) == 1
    assert "--mc: 100000000 draws is too many (expected at most 1000000" in lines[0]
    out = tmp_path / "x.html"
    res = runner.invoke(app, ["report", "--ledger", str(ledger), "--mc", "100000000", "-o", str(out)])
    assert res.exit_code == 2 and "--mc: 100000000 draws is too many" in res.stderr
    assert not out.exists()


def test_framework_indicator_matching_no_record_is_warned(ledger: Path, tmp_path: Path) -> None:
    fw = tmp_path / "fw.yaml"
    fw.write_text("pillars:\n  a: {weight: 1, indicators: [count:all, indicator:cultural_institute]}\n")
    res = _run("--ledger", str(ledger), "--mc", "0", "--framework", str(fw), "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["meta"]["unmatched_indicators"] == ["indicator:cultural_institute"]
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0] == (
        f"softpower: warning: {fw}: indicator:cultural_institute matches no record in the ledger "
        "(it adds 0 to every dyad; check the name, or import the data)"
    )
    fw.write_text("pillars:\n  a: {weight: 1, indicators: [count:all, indicator:cultural_institutes]}\n")
    res = _run("--ledger", str(ledger), "--mc", "0", "--framework", str(fw), "--format", "json")
    assert res.exit_code == 0 and res.stderr == ""


def test_explain_and_audit(ledger: Path) -> None:
    res = _run("--ledger", str(ledger), "--mc", "0", "--format", "json", "--explain", "VNM", "2008")
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["explain"]["partner"] == "VNM" and d["explain"]["year"] == 2008
    assert {"actor", "pillar", "indicator", "source", "value", "weight", "contribution"} <= set(
        d["explain"]["rows"][0]
    )
    table = _run("--ledger", str(ledger), "--mc", "0", "--explain", "VNM", "2008")
    assert table.exit_code == 0 and "Why does the leader lead in VNM 2008" in table.stdout
    audit = _run("--ledger", str(ledger), "--mc", "0", "--audit")
    assert audit.exit_code == 0 and "Cronbach" in audit.stdout and "skew" in audit.stdout
    bad = _run("--ledger", str(ledger), "--mc", "0", "--explain", "XXX", "2008")
    assert bad.exit_code == 2 and "--explain: XXX is not a partner" in bad.stderr
