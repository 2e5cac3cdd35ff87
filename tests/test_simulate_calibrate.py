"""Calibration on opinion series: recovery, honest identification, the holdout contract."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.ledger import Ledger
from softpower.simulate import params as P
from softpower.simulate import run_scenario
from softpower.simulate.calibrate import NOT_IDENTIFIED, _fit, calibrate, opinion_series, problem, profile
from softpower.simulate.init import perception_observations
from softpower.simulate.scenario import load_scenario

PUBLICS = ("VNM", "THA", "IDN", "MYS")
YEARS = tuple(range(2004, 2017))


def _record(doc: str, actor: str, partner: str, year: int, value: float) -> dict[str, object]:
    return {
        "doc": doc, "kind": "perception", "actor": actor, "partners": [partner], "instrument": None,
        "metric": None, "unit": None, "measure": "favourable", "year": year, "year_end": None, "amount": None,
        "currency": None, "value": round(value, 6), "name": "Pew Research Center", "ppp": False,
        "equal_footing": False, "span": None, "quote": None,
    }  # fmt: skip


def _value(a: int, p: int, year: int) -> float:
    """Hand-made polls: each public's level plus a swing that reverses every two to three years."""
    return 0.35 + 0.08 * p + 0.05 * a + 0.12 * np.sin(year * 1.3 + p)


def _synthetic(ledger: Path) -> None:
    """Pew-shaped favourability polls (measure favourable, partners = [public]) in place of the seeds' polls."""
    with Ledger.open(ledger) as led:
        doc = led.query("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").iloc[0, 0]
        led.con.execute("DELETE FROM records WHERE kind = 'perception'")
        recs = [
            _record(doc, d, p, y, _value(a, i, y))
            for a, d in enumerate(("CHN", "USA"))
            for i, p in enumerate(PUBLICS)
            for y in YEARS
        ]
        led.import_records(recs, origin="test:synthetic", source="synthetic")


def _problem(ledger: Path, truth: dict[str, float]) -> tuple[object, tuple[str, ...], np.ndarray]:
    """The replay of the synthetic polls with every non-start poll replaced by the model's forecast."""
    _synthetic(ledger)
    sc = load_scenario("baseline")
    pb = problem(ledger, sc, opinion_series(perception_observations(ledger), sc), None)
    names = tuple(truth)
    pb.rows["value"] = np.where(
        pb.rows["set"] == "fit", pb.predict(names, np.array([[truth[n] for n in names]]))[0], pb.rows["value"]
    )
    return pb, names, (pb.rows["set"] == "fit").to_numpy()


def test_recovers_known_parameters_and_calls_them_identified(seeds_ledger: Path) -> None:
    truth = {"alpha": 0.3, "lam": 0.45}
    pb, names, use = _problem(seeds_ledger, truth)
    x, sse = _fit(pb, names, use)  # type: ignore[arg-type]
    assert x == pytest.approx([0.3, 0.45], abs=1e-4) and sse < 1e-10
    ident = profile(pb, names, use, x, max(sse, 1e-12)).set_index("name")  # type: ignore[arg-type]
    assert (ident["status"] == "identified").all()
    assert (ident["low"] <= ident["value"]).all() and (ident["value"] <= ident["high"]).all()


def test_a_parameter_on_its_bound_is_not_identified(seeds_ledger: Path) -> None:
    hi = P.parameters()["lam"].high
    truth = {"alpha": 0.0, "lam": hi}
    pb, names, use = _problem(seeds_ledger, truth)
    x, sse = _fit(pb, names, use)  # type: ignore[arg-type]
    assert x[1] == pytest.approx(hi, abs=1e-3)
    ident = profile(pb, names, use, x, max(sse, 1e-12)).set_index("name")  # type: ignore[arg-type]
    assert ident.loc["lam", "status"] == NOT_IDENTIFIED
    assert "bound" in ident.loc["lam", "reason"]
    assert ident.loc["alpha", "status"] != NOT_IDENTIFIED


def test_holdout_json_contract(seeds_ledger: Path, tmp_path: Path) -> None:
    _synthetic(seeds_ledger)
    saved = tmp_path / "cal.csv"
    res = CliRunner().invoke(
        app,
        [
            "calibrate", "--ledger", str(seeds_ledger), "--holdout-from", "2012", "--format", "json",
            "--save", str(saved),
        ],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)  # one JSON object
    h = out["holdout"]
    assert h["n"] == 2 * len(PUBLICS) * sum(y >= 2012 for y in YEARS)
    for key in ("model_rmse", "persistence_rmse", "trend_rmse"):
        assert isinstance(h[key], float) and h[key] > 0
    # persistence forecasts every later poll by the public's 2011 poll
    err = [
        _value(a, i, y) - _value(a, i, 2011)
        for a in range(2)
        for i in range(len(PUBLICS))
        for y in YEARS
        if y >= 2012
    ]
    assert h["persistence_rmse"] == pytest.approx(float(np.sqrt(np.mean(np.square(err)))), abs=1e-5)
    assert {r["donor"] for r in h["by_donor"]} == {"CHN", "USA"} and len(h["by_dyad"]) == 8
    assert out["fit"]["fit_years"] == "2004-2011"  # nothing from the holdout years was fitted
    assert {r["name"] for r in out["identification"]} == set(out["fitted"])
    assert saved.read_text().splitlines()[0] == "name,value,low,high,status,n_obs,fit_years,source"


def test_no_polls_before_the_holdout_is_one_clear_error(seeds_ledger: Path) -> None:
    _synthetic(seeds_ledger)
    res = CliRunner().invoke(app, ["calibrate", "--ledger", str(seeds_ledger), "--holdout-from", "1990"])
    assert res.exit_code == 2 and "--holdout-from 1990" in res.output


def test_calibrated_parameters_reach_scenarios() -> None:
    cal = P.calibrated()
    used = {n: c for n, c in cal.items() if c.status in P.USED_STATUSES}
    assert used, "the shipped calibration identifies at least one parameter"
    draws = P.sample(400, np.random.default_rng(1), priors=False)
    prior = P.sample(400, np.random.default_rng(1), priors=True)
    for name, c in used.items():
        assert P.parameters(priors=False)[name].default == c.value
        assert c.low <= draws[name].min() and draws[name].max() <= c.high
        assert not np.array_equal(draws[name], prior[name])
    for name, c in cal.items():  # a parameter not identified keeps its prior
        if c.status not in P.USED_STATUSES:
            assert P.parameters(priors=False)[name] == P.parameters()[name]
    a = run_scenario("baseline", runs=20, seed=4, paired=False)
    b = run_scenario("baseline", runs=20, seed=4, paired=False, priors=True)
    assert a.meta["calibration"] == {n: c.status for n, c in cal.items()} and b.meta["calibration"] == {}
    assert not a.series["p50"].equals(b.series["p50"])


def test_calibration_uses_only_polls_before_the_holdout(seeds_ledger: Path) -> None:
    _synthetic(seeds_ledger)
    a = calibrate(seeds_ledger, holdout_from=2012, identify=False)
    with Ledger.open(seeds_ledger) as led:  # change every later poll: the fit must not move
        led.con.execute("UPDATE records SET value = 1 - value WHERE kind = 'perception' AND year >= 2012")
    b = calibrate(seeds_ledger, holdout_from=2012, identify=False)
    assert a.fitted == b.fitted
    assert a.holdout is not None and b.holdout is not None
    assert a.holdout["persistence_rmse"] != b.holdout["persistence_rmse"]
