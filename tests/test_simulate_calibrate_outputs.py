"""Whole outputs of the calibration's parts on small inputs written here and checked by hand.

``opinion_series`` on a dozen polls that exercise each rule (self-polls, non-donors, measures
outside the list, a group poll's weight, the series chosen per dyad by years, then measure, then
import); ``_holdout`` on six polls with every field of its report; the calibrated table and
the JSON form of a result; the profile likelihood of a problem whose forecasts are the
parameter itself, so the sum of squares and the 95 % interval have a closed form; and each
refusal of ``calibrate`` as the whole line.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from softpower.errors import SoftpowerError
from softpower.simulate import calibrate as C
from softpower.simulate.scenario import load_scenario


def _r(x: Any) -> Any:
    """Floats rounded to 12 places, recursively: exact comparison of whole nested reports."""
    if isinstance(x, float):
        return round(x, 12)
    if isinstance(x, dict):
        return {k: _r(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_r(v) for v in x]
    return x


def _scenario(tmp_path: Path) -> Any:
    path = tmp_path / "c.yaml"
    path.write_text(
        "start_year: 2025\npartners: [VNM]\ndonors: {JPN: doux-smart-power, CHN: china-four-level}\n"
    )
    return load_scenario(path)


OBS_COLUMNS = ["actor", "partner", "year", "measure", "value", "fact", "origin"]


def test_opinion_series_keeps_one_series_per_dyad(tmp_path: Path) -> None:
    obs = pd.DataFrame(
        [
            ("JPN", "VNM", 2010, "trust", 0.6, "f1", "pewA"),
            ("JPN", "VNM", 2011, "trust", 0.7, "f2", "pewA"),
            ("JPN", "VNM", 2011, "trust", 0.8, "f4", "pewA"),  # a second poll that year: the mean
            ("JPN", "VNM", 2010, "favourable", 0.5, "f3", "pewB"),  # one year only: loses to two
            ("JPN", "VNM", 2010, "trust", 0.1, "z1", "pewZ"),  # two years too: the import's name decides
            ("JPN", "VNM", 2012, "trust", 0.1, "z2", "pewZ"),
            ("JPN", "JPN", 2011, "trust", 0.9, "f5", "pewA"),  # a public polled about itself
            ("USA", "VNM", 2010, "trust", 0.9, "u1", "pewA"),  # not a donor of the scenario
            # one poll of three publics: each counts 1/3, and GBR (outside the region) is dropped after
            ("CHN", "THA", 2012, "favourable", 0.4, "g1", "pewA"),
            ("CHN", "PHL", 2012, "favourable", 0.2, "g1", "pewA"),
            ("CHN", "GBR", 2012, "favourable", 0.3, "g1", "pewA"),
            ("CHN", "PHL", 2013, "trust", 0.25, "t1", "pewC"),  # one year each: trust ranks first
            ("CHN", "THA", 2013, "helpful", 0.9, "h1", "pewA"),  # not a starting measure
        ],
        columns=OBS_COLUMNS,
    )
    got = C.opinion_series(obs, _scenario(tmp_path))
    assert list(got.columns) == ["actor", "partner", "year", "measure", "origin", "value", "weight"]
    assert got.index.tolist() == [0, 1, 2, 3]
    assert _r(got.values.tolist()) == _r(
        [
            ["CHN", "PHL", 2013, "trust", "pewC", 0.25, 1.0],
            ["CHN", "THA", 2012, "favourable", "pewA", 0.4, 1 / 3],
            ["JPN", "VNM", 2010, "trust", "pewA", 0.6, 1.0],
            ["JPN", "VNM", 2011, "trust", "pewA", 0.75, 1.0],
        ]
    )


def test_opinion_series_of_no_usable_poll_is_empty_with_its_columns(tmp_path: Path) -> None:
    sc = _scenario(tmp_path)
    cols = ["actor", "partner", "year", "measure", "origin", "value", "weight"]
    none = pd.DataFrame([("USA", "VNM", 2010, "trust", 0.5, "a", "x")], columns=OBS_COLUMNS)
    outside = pd.DataFrame([("JPN", "GBR", 2010, "trust", 0.5, "a", "x")], columns=OBS_COLUMNS)
    for obs in (none, outside, pd.DataFrame(columns=OBS_COLUMNS)):
        got = C.opinion_series(obs, sc)
        assert got.empty and list(got.columns) == cols


def _rows() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("JPN", "VNM", 2010, 0.5, "start", np.nan, np.nan),
            ("JPN", "VNM", 2011, 0.6, "fit", np.nan, np.nan),
            ("JPN", "VNM", 2013, 0.7, "test", 0.6, 0.7),
            ("JPN", "VNM", 2014, 0.8, "test", 0.6, 0.8),
            ("CHN", "VNM", 2013, 0.3, "test", np.nan, np.nan),  # no poll before the holdout year
            ("CHN", "THA", 2013, 0.4, "test", 0.5, 0.45),
        ],
        columns=["actor", "partner", "year", "value", "set", "last", "trend"],
    )


NOTE = (
    "forecasts from each dyad's last poll before the holdout year; parameters and levels fitted on "
    "earlier polls only; trend = least-squares line over the earlier polls (persistence with one earlier year)"
)


def test_the_holdout_report_whole() -> None:
    pred = np.array([0.5, 0.6, 0.65, 0.9, 0.1, 0.42])
    # errors on the three test polls with an earlier poll: model -0.05, 0.1, 0.02;
    # persistence -0.1, -0.2, 0.1; trend 0, 0, 0.05
    assert _r(C._holdout(_rows(), pred, 2013)) == _r(
        {
            "from": 2013,
            "n": 3,
            "n_without_earlier_poll": 1,
            "model_rmse": math.sqrt(0.0129 / 3),
            "persistence_rmse": math.sqrt(0.06 / 3),
            "trend_rmse": math.sqrt(0.0025 / 3),
            "verdict": "the model beats persistence (0.0656 vs 0.1414) but not the trend (0.0289)",
            "years": [2013, 2014],
            "by_donor": [
                {"donor": "CHN", "n": 1, "model_rmse": 0.02, "persistence_rmse": 0.1, "trend_rmse": 0.05},
                {
                    "donor": "JPN",
                    "n": 2,
                    "model_rmse": math.sqrt(0.0125 / 2),
                    "persistence_rmse": math.sqrt(0.05 / 2),
                    "trend_rmse": 0.0,
                },
            ],
            "by_dyad": [
                {
                    "donor": "CHN",
                    "partner": "THA",
                    "n": 1,
                    "model_rmse": 0.02,
                    "persistence_rmse": 0.1,
                    "trend_rmse": 0.05,
                },
                {
                    "donor": "JPN",
                    "partner": "VNM",
                    "n": 2,
                    "model_rmse": math.sqrt(0.0125 / 2),
                    "persistence_rmse": math.sqrt(0.05 / 2),
                    "trend_rmse": 0.0,
                },
            ],
            "note": NOTE,
        }
    )


@pytest.mark.parametrize(
    ("pred", "verdict"),
    [
        # model errors 0, 0, 0.01: below persistence (0.1414) and trend (0.0289)
        (
            [0.0, 0.0, 0.7, 0.8, 0.0, 0.41],
            "the model beats persistence and trend out of sample (0.0058 vs 0.1414 and 0.0289)",
        ),
        # the model exactly as good as persistence does not beat it
        (
            [0.0, 0.0, 0.6, 0.6, 0.0, 0.5],
            "the model does NOT beat persistence out of sample (0.1414 vs 0.1414)",
        ),
        # as good as the trend: beats persistence only
        (
            [0.0, 0.0, 0.7, 0.8, 0.0, 0.45],
            "the model beats persistence (0.0289 vs 0.1414) but not the trend (0.0289)",
        ),
    ],
)
def test_the_holdout_verdict_names_what_the_model_beats(pred: list[float], verdict: str) -> None:
    assert C._holdout(_rows(), np.array(pred), 2013)["verdict"] == verdict


def test_a_holdout_without_a_dyad_on_both_sides_says_so() -> None:
    rows = _rows().iloc[:2].copy()
    got = C._holdout(rows, np.array([0.5, 0.6]), 2013)
    assert got == {
        "from": 2013,
        "n": 0,
        "n_without_earlier_poll": 0,
        "model_rmse": None,
        "persistence_rmse": None,
        "trend_rmse": None,
        "verdict": "no out-of-sample test: no dyad polled both before 2013 and from 2013 on",
        "years": [],
        "by_donor": [],
        "by_dyad": [],
        "note": NOTE,
    }


def test_the_trend_is_the_least_squares_line_read_at_the_year_and_clipped() -> None:
    assert C._trend(np.array([2010]), np.array([0.3]), 2015) == 0.3
    assert C._trend(np.array([2010, 2010]), np.array([0.3, 0.5]), 2015) == 0.5  # one year: persistence
    y = np.array([2010, 2011, 2012])
    assert C._trend(y, np.array([0.2, 0.3, 0.4]), 2014) == pytest.approx(0.6)
    assert C._trend(y, np.array([0.2, 0.4, 0.3]), 2013) == pytest.approx(0.2 + 0.05 * 3 + 0.05)
    assert C._trend(y, np.array([0.5, 0.7, 0.9]), 2020) == 1.0
    assert C._trend(y, np.array([0.5, 0.3, 0.1]), 2020) == 0.0


def _result() -> C.CalibrationResult:
    ident = pd.DataFrame(
        [
            ("lam", 0.4837512345, 0.3416, 0.641, 0.05, 0.9, "identified", "inside"),
            ("alpha", -0.0752535, -1.0, 0.2001871, -1.0, 1.0, "partly identified", "reaches"),
        ],
        columns=["name", "value", "low", "high", "prior_low", "prior_high", "status", "reason"],
    )
    residuals = pd.DataFrame([{"actor": "JPN", "partner": "VNM", "year": 2010, "residual": 0.1}])
    meta = {
        "n_fit": 147,
        "fit_years": "2002-2016",
        "rmse_fit": 0.05,
        "source": 'fit on 147 polls, "Pew"',
        "x": 1,
    }
    return C.CalibrationResult({"lam": 0.48, "alpha": -0.07}, residuals, ident, None, meta)


def test_the_calibrated_table_has_one_row_per_parameter() -> None:
    assert _result().calibrated_csv() == (
        "name,value,low,high,status,n_obs,fit_years,source\n"
        'lam,0.483751,0.3416,0.641,identified,147,2002-2016,"fit on 147 polls, ""Pew"""\n'
        'alpha,-0.0752535,-1,0.200187,partly identified,147,2002-2016,"fit on 147 polls, ""Pew"""\n'
    )


def test_the_json_form_of_a_calibration() -> None:
    r = _result()
    assert r.to_dict() == {
        "fitted": {"lam": 0.48, "alpha": -0.07},
        "identification": r.identification.to_dict(orient="records"),
        "holdout": None,
        "fit": {"n_fit": 147, "rmse_fit": 0.05, "fit_years": "2002-2016"},
        "residuals": [{"actor": "JPN", "partner": "VNM", "year": 2010, "residual": 0.1}],
        "meta": r.meta,
    }
    assert list(r.to_dict()) == ["fitted", "identification", "holdout", "fit", "residuals", "meta"]
    assert list(r.to_dict()["fit"]) == ["n_fit", "rmse_fit", "fit_years"]
    assert r.to_dict()["identification"][1]["name"] == "alpha"


class _Linear(C.Problem):
    """A problem whose forecast of every poll is the value of its one parameter."""

    def predict(self, names: tuple[str, ...], x: np.ndarray, *, priors: bool = True) -> np.ndarray:
        return np.repeat(x[:, :1], len(self.rows), axis=1)


def _linear(values: list[float], weights: list[float] | None = None) -> _Linear:
    rows = pd.DataFrame({"value": values, "weight": weights or [1.0] * len(values)})
    return _Linear(None, rows, np.zeros((len(values), 3), int))  # type: ignore[arg-type]


def test_the_fit_is_the_weighted_mean_and_the_profile_its_closed_form() -> None:
    pb = _linear([0.4, 0.5, 0.6, 0.9], [1.0, 1.0, 1.0, 0.0])  # a poll of weight 0 counts for nothing
    use = np.array([True, True, True, True])
    x, sse = C._fit(pb, ("lam",), use)
    assert x[0] == pytest.approx(0.5, abs=1e-6) and sse == pytest.approx(0.02, abs=1e-9)
    # held at 0.3 (the other parameters free: none here): sum of (0.3 - y)^2 over the weighted polls
    held, s = C._fit(pb, ("lam",), use, fixed_at={0: 0.3})
    assert held.tolist() == [0.3] and s == pytest.approx(0.01 + 0.04 + 0.09)
    prof = C.profile(pb, ("lam",), use, x, sse)
    grid = np.linspace(0.05, 0.9, 9)
    stat = 4 * np.log((0.02 + 3 * (grid - x[0]) ** 2) / sse)  # n = 4 polls used
    lo, hi = C._interval(grid, stat, float(x[0]), 0.05, 0.9)
    assert 0.3 < lo < 0.4 and 0.6 < hi < 0.7  # sqrt(0.02 (e^(3.841/4) - 1) / 3) = 0.1254 each side
    got = prof.to_dict(orient="records")
    assert _r(got[0]["profile"]) == [round(float(v), 3) for v in stat]
    assert _r(got) == _r(
        [
            {
                "name": "lam",
                "value": float(x[0]),
                "low": lo,
                "high": hi,
                "prior_low": 0.05,
                "prior_high": 0.9,
                "status": "identified",
                "reason": "the 95 % profile interval lies inside the range",
                "profile": got[0]["profile"],
            }
        ]
    )


@pytest.mark.parametrize(
    ("values", "status", "reason"),
    [
        ([0.9, 0.95, 1.0], "not identified", "estimate on a bound of its declared range"),
        # on a bound: within 1 % of the range (0.0085) of it; the estimate 0.058 is, 0.059 is not
        ([0.048, 0.058, 0.068], "not identified", "estimate on a bound of its declared range"),
        ([0.049, 0.059, 0.069], "partly identified", "the 95 % interval reaches a bound of the range"),
        ([0.05, 0.25, 0.45], "partly identified", "the 95 % interval reaches a bound of the range"),
        ([0.1, 0.2, 0.3], "identified", "the 95 % profile interval lies inside the range"),
        (
            [0.0, 1.0, 0.0, 1.0, 0.0, 1.0],
            "not identified",
            "flat profile: every value in the range fits as well (95 %)",
        ),
    ],
)
def test_the_identification_status_and_its_reason(values: list[float], status: str, reason: str) -> None:
    pb = _linear(values)
    use = np.ones(len(values), bool)
    x, sse = C._fit(pb, ("lam",), use)
    row = C.profile(pb, ("lam",), use, x, sse).iloc[0]
    assert (row["status"], row["reason"]) == (status, reason)


def test_the_calibration_refusals_are_whole_lines(seeds_ledger: Path) -> None:
    from softpower.simulate.params import parameters
    from test_simulate_calibrate import _synthetic

    with pytest.raises(SoftpowerError) as info:
        C.calibrate(None, params=("lam", "zeta"))
    assert str(info.value) == f"params: unknown parameter 'zeta' (expected one of {', '.join(parameters())})"
    with pytest.raises(SoftpowerError) as info:
        C.calibrate(None)
    assert str(info.value) == (
        "calibrate: the ledger has no Indo-Pacific public-opinion polls with values about the scenario's donors "
        "(JPN, CHN, USA, KOR) (expected perception records: import survey data first)"
    )
    _synthetic(seeds_ledger)  # yearly polls 2004-2016
    with pytest.raises(SoftpowerError) as info:
        C.calibrate(seeds_ledger, params=("lam",), holdout_from=2004, identify=False)
    assert str(info.value) == "--holdout-from 2004: no polls before it (expected a year after 2004)"
    with pytest.raises(SoftpowerError) as info:
        C.calibrate(seeds_ledger, params=("lam",), holdout_from=2005, identify=False)
    assert str(info.value) == (
        "calibrate: no dyad has two polls before the holdout year (expected a series: a start poll and later ones)"
    )


def test_a_calibration_report_whole(seeds_ledger: Path) -> None:
    from test_simulate_calibrate import _synthetic

    _synthetic(seeds_ledger)  # favourable polls of CHN and USA by four publics, 2004-2016
    res = C.calibrate(seeds_ledger, params=("lam",), holdout_from=2014, identify=False)
    # the replay's own forecasts at lam's declared default, for rmse_priors
    sc = load_scenario("baseline")
    pb = C.problem(seeds_ledger, sc, C.opinion_series(C.perception_observations(seeds_ledger), sc), 2014)
    fit = (pb.rows["set"] == "fit").to_numpy()
    y = pb.rows["value"].to_numpy(float)
    prior = pb.predict(("lam",), np.array([[0.15]]))[0]
    r = res.residuals
    assert list(r.columns) == [
        "actor", "partner", "year", "measure", "origin", "observed", "weight", "set",
        "persistence", "trend", "predicted", "residual",
    ]  # fmt: skip
    assert len(r) == 104 and r["set"].value_counts().to_dict() == {"fit": 72, "test": 24, "start": 8}
    lam = res.fitted["lam"]
    assert list(res.fitted) == ["lam"] and 0.05 <= lam <= 0.9
    assert res.identification.empty
    assert res.meta == {
        "method": "bounded least squares on forecasts from each dyad's previous poll (scipy trf)",
        "identification": "not computed",
        "n_polls": 104,  # 2 donors x 4 publics x 13 years
        "n_dyads": 8,
        "n_fit": 72,  # 2005-2013 of each dyad (2004 starts it; 2014-2016 are held out)
        "n_start": 8,
        "measures": "favourable",
        "origins": "test:synthetic",
        "fit_years": "2004-2013",
        "rmse_fit": pytest.approx(
            float(np.sqrt(np.mean(r.loc[r["set"] == "fit", "residual"] ** 2))), abs=1e-6
        ),
        "rmse_priors": pytest.approx(float(np.sqrt(np.mean((prior - y)[fit] ** 2))), abs=1e-9),
        "rmse_note": "forecast errors on the fitting polls (from each dyad's previous poll); "
        "rmse_priors: every parameter at its declared default",
        "history": "1994-2016",  # ten years of warm-up before the first poll
        "donors": ["JPN", "CHN", "USA", "KOR"],
        "publics": ["IDN", "MYS", "THA", "VNM"],
        "fitted": {"lam": lam},
        "ledger": str(seeds_ledger),
        "source": "least squares on 72 polls forecast (favourable; test:synthetic; 2004-2013) in seeds.duckdb; "
        "profile likelihood 95 %",
        "holdout_from": 2014,
    }
    assert list(res.meta)[0] == "method" and list(res.meta)[-1] == "holdout_from"
    assert res.holdout is not None and (res.holdout["from"], res.holdout["n"]) == (2014, 24)
    assert res.holdout["years"] == [2014, 2015, 2016]


def test_the_replay_problem_against_a_loop_oracle(seeds_ledger: Path) -> None:
    from softpower.simulate.strategies import trust_priors
    from test_simulate_calibrate import _synthetic

    _synthetic(seeds_ledger)  # CHN and USA polled by four publics every year 2004-2016
    sc = load_scenario("baseline")
    series = C.opinion_series(C.perception_observations(seeds_ledger), sc)
    pb = C.problem(seeds_ledger, sc, series, 2012)
    inp, rows = pb.inp, pb.rows
    assert inp.years[0] == 1994 and inp.years[-1] == 2016  # ten years of warm-up
    assert inp.donors == ("JPN", "CHN", "USA", "KOR") and inp.partners == ("IDN", "MYS", "THA", "VNM")
    assert list(rows.columns) == [
        "actor",
        "partner",
        "year",
        "measure",
        "origin",
        "value",
        "weight",
        "set",
        "last",
        "trend",
    ]
    priors = trust_priors()
    level = np.array([[priors.get(d, priors["*"])] * 4 for d in inp.donors])
    observed = np.full((23, 4, 4), np.nan)
    for i, r in rows.iterrows():
        d, p = inp.donors.index(r["actor"]), inp.partners.index(r["partner"])
        assert pb.where[i].tolist() == [r["year"] - 1994, d, p]
        mine = rows.loc[(rows["actor"] == r["actor"]) & (rows["partner"] == r["partner"])]
        early = mine.loc[mine["year"] < 2012]
        want = "start" if r["year"] == early["year"].min() else "fit" if r["year"] < 2012 else "test"
        assert r["set"] == want
        level[d, p] = early["value"].mean()
        if r["year"] < 2012:
            observed[r["year"] - 1994, d, p] = r["value"]
            assert np.isnan(r["last"]) and np.isnan(r["trend"])
        else:
            assert r["last"] == early["value"].iloc[-1]
            assert r["trend"] == C._trend(
                early["year"].to_numpy(), early["value"].to_numpy(float), int(r["year"])
            )
    np.testing.assert_array_equal(inp.level, level)
    np.testing.assert_array_equal(inp.t0, level)
    np.testing.assert_array_equal(inp.observed, observed)
    assert inp.t0_sd is None and inp.extra is not None and inp.extra.shape == inp.flow.shape
    # the ledger's engagement in the replayed years, added as it is: constant dollars in millions
    # plus unit_value (10) per record without money, per year, donor, public and instrument
    from softpower.ledger import Ledger
    from softpower.measure import engagement_panel

    with Ledger.open(seeds_ledger) as led:
        panel = engagement_panel(led)
    extra = np.zeros(inp.flow.shape)
    for r in panel.itertuples(index=False):
        if r.actor in inp.donors and r.partner in inp.partners and 1994 <= r.year <= 2015:
            money = (0.0 if pd.isna(r.usd_const) else r.usd_const / 1e6) + 10 * (
                0 if pd.isna(r.usd_missing) else r.usd_missing
            )
            extra[
                r.year - 1994,
                inp.donors.index(r.actor),
                inp.partners.index(r.partner),
                inp.instruments.index(r.instrument),
            ] += money
    assert extra.sum() > 0
    np.testing.assert_allclose(inp.extra, extra, rtol=1e-12)
