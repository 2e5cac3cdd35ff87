"""``softpower validate``: Spearman and ordering agreement on known cases, regional figures once."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.measure.validate import agreement, gap_pairs, validate


def _scores(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["actor", "partner", "year", "score"])


def _obs(rows: list[tuple[str, str, int, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("pew", "favourable", pub, y, a, v)
            for pub, a, y, _, v in [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
        ],
        columns=["origin", "measure", "public", "year", "actor", "value"],
    )


def test_spearman_and_agreement_on_a_known_case() -> None:
    # five publics; the index gap USA - CHN grows with the perception gap: rho = 1, agreement 1
    pubs = ["VNM", "THA", "PHL", "IDN", "MYS"]
    scores = _scores(
        [("USA", p, 2015, 0.1 * (i + 1)) for i, p in enumerate(pubs)] + [("CHN", p, 2015, 0.25) for p in pubs]
    )
    obs = _obs(
        [(p, "USA", 2015, "", 0.3 + 0.1 * i) for i, p in enumerate(pubs)]
        + [(p, "CHN", 2015, "", 0.45) for p in pubs]
    )
    pairs = gap_pairs(scores, obs)
    assert len(pairs) == 5 and (pairs["a"] == "CHN").all()  # pairs in alphabetical order
    st = agreement(pairs)
    assert st["rho"] == pytest.approx(1.0) and st["agreement"] == pytest.approx(1.0) and st["n"] == 5
    # reversing the perceptions reverses rho; half the signs then disagree
    flipped = obs.assign(value=[0.7 - 0.1 * i for i in range(5)] + [0.45] * 5)
    st = agreement(gap_pairs(scores, flipped))
    assert st["rho"] == pytest.approx(-1.0)
    # gaps (CHN - USA): index 0.15, 0.05, -0.05, -0.15, -0.25; perception -0.25 ... 0.15:
    # only the middle public has the same sign
    assert st["agreement"] == pytest.approx(0.2)


def test_a_regional_figure_is_one_observation() -> None:
    members = ["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"]
    scores = _scores([("USA", m, 2015, 0.2) for m in members] + [("CHN", m, 2015, 0.4) for m in members])
    obs = _obs([("ASEAN", "USA", 2015, "", 0.6), ("ASEAN", "CHN", 2015, "", 0.3)])
    pairs = gap_pairs(scores, obs)
    assert len(pairs) == 1 and pairs.iloc[0]["members"] == 10
    assert pairs.iloc[0]["index_gap"] == pytest.approx(0.2)  # CHN - USA, the mean over members
    rep = validate(scores, obs)
    assert rep["regional_pairs"] == 1 and rep["overall"]["n"] == 1
    assert "too few data to judge" in rep["summary"]


def test_cli_validate(tmp_path: Path) -> None:
    from softpower.ledger import bundled_ledger

    path = Path(bundled_ledger(tmp_path / "l.duckdb"))
    runner = CliRunner()
    res = runner.invoke(app, ["validate", "--ledger", str(path), "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert {"overall", "by_source", "by_pair", "pairs", "summary"} <= set(d)
    bad = runner.invoke(app, ["validate", "--ledger", str(path), "--source", "nobody"])
    assert bad.exit_code == 2 and "--source: no perception records from 'nobody'" in bad.stderr
    helped = runner.invoke(app, ["validate", "--help"])
    assert "Example: softpower validate" in helped.output


def test_fitted_weights_never_do_worse_in_sample(tmp_path: Path) -> None:
    from softpower.ledger import bundled_ledger
    from softpower.measure import run_index
    from softpower.measure.validate import fit_weights

    res = run_index(Path(bundled_ledger(tmp_path / "l.duckdb")), mc=0)
    dy = res.dyads.loc[res.dyads["year"] == 2008]
    both = dy.groupby("partner")["actor"].nunique()
    pubs = both[both >= 2].index
    # perceptions that follow the index's economic pillar only
    pil, den = res.model.pillar_parts(res.model.nominal(), 0)
    econ = pd.Series(pil[0], index=range(len(pil[0])))
    c = res.model.cells
    cells = pd.DataFrame(
        {
            "actor": [c.actors[a] for a in c.actor],
            "partner": [c.partners[p] for p in c.partner],
            "year": c.year,
        }
    ).assign(value=econ.fillna(0.0).to_numpy())
    obs = cells.loc[(cells["year"] == 2008) & cells["partner"].isin(pubs)].rename(
        columns={"partner": "public"}
    )
    obs = obs.assign(origin="poll", measure="favourable")[
        ["origin", "measure", "public", "year", "actor", "value"]
    ]
    fit = fit_weights(res.model, obs, until=2008, candidates=64, seed=1)
    assert set(fit["weights"]) == set(res.meta["weights"])
    assert fit["in_sample"]["n"] == fit["nominal_in_sample"]["n"] > 0
    if fit["nominal_in_sample"]["rho"] is not None:
        assert fit["in_sample"]["rho"] >= fit["nominal_in_sample"]["rho"]
    assert fit["out_of_sample"]["n"] == 0  # nothing after the fitting year


def test_pooling_keeps_one_pair_per_public_and_donor_pair() -> None:
    # one public polled in three years is one pooled observation, its gaps averaged
    scores = _scores([("USA", "VNM", y, 0.2 + 0.1 * i) for i, y in enumerate((2010, 2011, 2012))])
    scores = pd.concat([scores, _scores([("CHN", "VNM", y, 0.3) for y in (2010, 2011, 2012)])])
    obs = _obs(
        [("VNM", "USA", y, "", 0.5 + 0.1 * i) for i, y in enumerate((2010, 2011, 2012))]
        + [("VNM", "CHN", y, "", 0.4) for y in (2010, 2011, 2012)]
    )
    rep = validate(scores, obs)
    assert rep["overall"]["n"] == 3 and rep["overall"]["publics"] == 1
    assert rep["overall"]["pooled"]["n"] == 1
    (row,) = rep["by_source"]
    assert row["years"] == "2010-2012" and row["pooled"]["n"] == 1
    from softpower.measure.validate import pooled

    p = pooled(gap_pairs(scores, obs))
    # CHN - USA: index gaps 0.1, 0, -0.1 (mean 0); perception gaps -0.1, -0.2, -0.3 (mean -0.2)
    assert p.iloc[0]["index_gap"] == pytest.approx(0.0, abs=1e-12)
    assert p.iloc[0]["perception_gap"] == pytest.approx(-0.2)
    assert p.iloc[0]["years"] == 3


def test_cluster_bootstrap_resamples_publics_not_pairs() -> None:
    from softpower.measure.validate import agreement, rho_interval

    # 30 publics whose gaps agree exactly (rho 1): every resample of publics has rho 1
    pubs = [f"P{i:02d}" for i in range(30)]
    pairs = pd.DataFrame(
        {"public": pubs, "index_gap": range(30), "perception_gap": [2.0 * i for i in range(30)]}
    )
    assert rho_interval(pairs, seed=1, draws=200) == (1.0, 1.0)
    # the same 30 pairs all from one public: nothing to resample, no interval
    one = pairs.assign(public="P")
    assert rho_interval(one, seed=1, draws=200) == (None, None)
    st = agreement(one, draws=200)
    assert st["rho"] == pytest.approx(1.0) and st["publics"] == 1 and st["rho_lo"] is None
    # noise: the interval contains the point estimate and is seeded
    rng = np.random.default_rng(0)
    noisy = pairs.assign(perception_gap=rng.normal(size=30))
    a = agreement(noisy, seed=3, draws=300)
    assert a["rho_lo"] <= a["rho"] <= a["rho_hi"]
    assert agreement(noisy, seed=3, draws=300) == a


def test_pew_waves_from_2017_are_never_read(tmp_path: Path) -> None:
    from softpower.ledger import Ledger
    from softpower.measure.validate import observations

    rows = [
        {
            "doc": f"pew-favourability:{y}",
            "kind": "perception",
            "actor": a,
            "partners": ["VNM"],
            "measure": "favourable",
            "year": y,
            "value": v,
        }
        for y in (2016, 2017, 2019)
        for a, v in (("USA", 0.7), ("CHN", 0.2))
    ]
    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records(rows, origin="pew-favourability", source="t")
    obs = observations(path)
    assert sorted(obs["year"].unique()) == [2016]
    assert obs.attrs["withheld"] == 4
