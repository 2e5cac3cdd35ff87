"""Simulate CLI: commands, formats, byte-identical output, and one-line errors for bad scenarios."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from softpower.cli import app
from test_simulate_calibrate import _synthetic

runner = CliRunner()

GOOD = """
description: test
start_year: 2025
horizon: 5
runs: 8
seed: 2
partners: [VNM, THA]
donors:
  JPN: {strategy: doux-smart-power}
  CHN: {strategy: china-four-level}
"""


def _run(*args: str) -> object:
    return runner.invoke(app, list(args))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_help_has_examples() -> None:
    for cmd in ("simulate", "calibrate", "sensitivity"):
        res = _run(cmd, "--help")
        assert res.exit_code == 0 and "Example: softpower" in res.output


def test_list() -> None:
    res = _run("simulate", "--list")
    assert res.exit_code == 0
    names = [line.split()[0] for line in res.output.splitlines() if line.strip()]
    assert names[0] == "baseline" and len(names) == 7 and "us-health-withdrawal" in names


def test_json_same_seed_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        res = _run(
            "simulate",
            "baseline",
            "--runs",
            "25",
            "--seed",
            "9",
            "--format",
            "json",
            "-o",
            str(out),
            "--ledger",
            str(tmp_path / "none.duckdb"),
        )
        assert res.exit_code != 0  # an explicit ledger that does not exist is an error
        res = _run("simulate", "baseline", "--runs", "25", "--seed", "9", "--format", "json", "-o", str(out))
        assert res.exit_code == 0, res.output
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text())
    assert set(data["series"][0]) == {"donor", "partner", "year", "metric", "p05", "p50", "p95"}


def test_formats(tmp_path: Path, seeds_ledger: Path) -> None:
    scen = _write(tmp_path, GOOD)
    res = _run("simulate", str(scen), "--ledger", str(seeds_ledger), "--format", "csv")
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0] == "donor,partner,year,metric,p05,p50,p95"
    # donors x partners x years x metrics, the ASEAN mean of both members, hedging per partner
    assert len(res.output.splitlines()) == 1 + 2 * 2 * 6 * 2 + 2 * 6 * 2 + 2 * 6
    # a custom scenario with a lever carries its paired effect on every row
    lever = GOOD + "changes:\n  - {donor: JPN, year: 2026, budget: 12000}\n"
    res = _run("simulate", str(_write(tmp_path, lever)), "--format", "csv")
    assert res.exit_code == 0, res.output
    head = res.output.splitlines()[0].split(",")
    assert head[7:] == ["effect_p05", "effect_p50", "effect_p95", "effect_mean", "p_effect_positive"]
    pq = tmp_path / "o.parquet"
    res = _run("simulate", str(scen), "--format", "parquet", "-o", str(pq))
    assert res.exit_code == 0 and len(pd.read_parquet(pq)) == 48
    res = _run("simulate", str(scen))
    assert res.exit_code == 0 and "JPN" in res.output and "2030" in res.output


@pytest.mark.parametrize(
    ("change", "key", "expected"),
    [
        (
            ("JPN: {strategy: doux-smart-power}", "XXJ: {strategy: doux-smart-power}"),
            "donors.XXJ",
            "ISO 3166",
        ),
        (
            ("partners: [VNM, THA]", "partners: [VNM, ATLANTIS]"),
            "partners[1]",
            "ISO 3166 alpha-3 codes or group",
        ),
        (
            ("JPN: {strategy: doux-smart-power}", "JPN: {strategy: doux-smart-power, budget: -5}"),
            "donors.JPN.budget",
            "budget >= 0",
        ),
        (
            (
                "JPN: {strategy: doux-smart-power}",
                "JPN: {strategy: doux-smart-power, allocation: {oda_grant: 0.5, health_cooperation: 0.3}}",
            ),
            "donors.JPN.allocation",
            "summing to 1",
        ),
        (("horizon: 5", "horizon: 101"), "horizon", "an integer from 1 to 100"),
        (
            ("runs: 8", "runs: 8\nchanges: [{donor: JPN, year: 2026, budget: -1}]"),
            "changes[0].budget",
            "budget >= 0",
        ),
        (
            ("runs: 8", "runs: 8\nchanges: [{donor: JPN, year: 2026, budget: 10, partners: [VNM]}]"),
            "changes[0].partners",
            "a separate change",
        ),
        (
            ("runs: 8", "runs: 8\nshocks: [{type: withdrawal, donor: USA, start: 2026}]"),
            "shocks[0].donor",
            "donors of the scenario",
        ),
        (("runs: 8", "runs: 8\nparameters: {lam: 3}"), "parameters.lam", "a number in [0.05, 0.9]"),
        (
            ("runs: 8", "runs: 8\nshocks: [{type: meteor, start: 2026}]"),
            "shocks[0].type",
            "one of withdrawal, scale",
        ),
    ],
)
def test_bad_input_one_line_exit_2(tmp_path: Path, change: tuple[str, str], key: str, expected: str) -> None:
    path = _write(tmp_path, GOOD.replace(*change))
    res = _run("simulate", str(path))
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1, res.output
    assert (
        str(path) in lines[0] and f" {key}:" in lines[0] and "(expected" in lines[0] and expected in lines[0]
    )


def test_unknown_scenario_name_and_bad_yaml(tmp_path: Path) -> None:
    res = _run("simulate", "no-such-scenario")
    assert res.exit_code == 2 and "baseline" in res.output
    res = _run("simulate", str(_write(tmp_path, "horizon: [1,\n")))
    assert res.exit_code == 2 and "not valid YAML" in res.output


def test_calibrate_cli(seeds_ledger: Path) -> None:
    # the seed essays poll each public once (2008): there is no series to forecast
    res = _run("calibrate", "--ledger", str(seeds_ledger), "--format", "json")
    assert res.exit_code == 2 and "no dyad has two polls" in res.stderr


def test_sensitivity_cli_small() -> None:
    res = _run("sensitivity", "baseline", "--n", "8", "--first-order-only", "--format", "csv")
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0] == "parameter,S1,S1_conf,ST,ST_conf"
    res = _run("sensitivity", "baseline", "--n", "10")
    assert res.exit_code == 2 and "power of two" in res.output


def test_too_many_runs_is_refused_before_running() -> None:
    res = _run("simulate", "baseline", "--runs", "900000")
    assert res.exit_code == 2 and "GiB" in res.output and "expected at most" in res.output


@pytest.mark.parametrize(
    "command",
    [
        ["simulate", "baseline", "--runs", "2"],
        ["calibrate"],
        ["sensitivity", "baseline", "--n", "8", "--first-order-only"],
    ],
)
@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_unwritable_output_is_one_line_exit_2(
    tmp_path: Path, seeds_ledger: Path, command: list[str], fmt: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for out, needle in ((folder / "no" / "x.out", "does not exist"), (folder, "it is a folder")):
        res = runner.invoke(
            app, [*command, "--ledger", str(seeds_ledger), "--format", fmt, "--output", str(out)]
        )
        assert res.exit_code == 2, res.output
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and f"cannot write {out}" in lines[0] and needle in lines[0], res.stderr
    assert list(folder.iterdir()) == []


def test_write_output_is_atomic_and_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from softpower.errors import SoftpowerError
    from softpower.simulate.api import write_output

    out = write_output(tmp_path / "a.txt", "old")
    assert out.read_text() == "old"

    def full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SoftpowerError, match=r"cannot write .*a\.txt: No space left on device"):
        write_output(tmp_path / "a.txt", "new")
    assert out.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_huge_sobol_design_is_refused_before_running() -> None:
    res = _run("sensitivity", "baseline", "--n", "1048576")
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
    assert "--n: 1048576 means 52428800 runs (expected at most 4194304" in res.stderr


def test_calibrate_method_abc(seeds_ledger: Path) -> None:
    from softpower.simulate import abc

    res = _run("calibrate", "--ledger", str(seeds_ledger), "--method", "bayes")
    assert res.exit_code == 2 and "--method: 'bayes' (expected one of least-squares, abc)" in res.stderr
    _synthetic(seeds_ledger)
    if not abc.available():
        return
    args = ["--method", "abc", "--population", "20", "--generations", "2", "--seed", "1", "--format", "json"]
    res = _run("calibrate", "--ledger", str(seeds_ledger), *args)
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert {r["parameter"] for r in d["posterior"]} == {
        "lam",
        "alpha",
        "anchor",
        "w_economic",
        "w_smart",
        "w_soft",
    }
    assert all(r["p05"] <= r["p50"] <= r["p95"] for r in d["posterior"])
    assert d["meta"]["population"] == 20 and len(d["meta"]["epsilons"]) == 2
