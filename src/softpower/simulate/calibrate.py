"""Calibration on opinion series, honest identification, and an out-of-sample test.

The opinion series are the ledger's public-opinion polls (measures of
:data:`~softpower.simulate.init.INITIAL_MEASURES`: trust, favourable, ...) of the
scenario's donors by Indo-Pacific publics (the scenario's partners and the East Asia
Summit). Each donor x public pair keeps one series: one measure from one import (one
pollster), the one polled in most years, the most direct first; one value per year; a poll of a group counts for each member with
weight 1 / members, so that it counts once in all.

The model is replayed over the polled years (:func:`problem`): roots start from the
strategies and the ledger's earlier engagement ten years before the first poll, the
ledger's observed engagement is added year by year, each dyad's long-run level is the mean
of its fitting polls, and every fitting poll is assimilated when it comes (the state is
set to it). The prediction of a poll is the model's forecast from the dyad's previous poll
(one or several years ahead), so the fit is a forecast fit, not a smoother. Parameters are
fitted by bounded least squares (trust-region reflective) within their declared ranges.

Identification is judged by profile likelihood (:func:`profile`): each parameter is fixed on
a grid over its range while the others are refitted; its 95 % interval is where
``n log(SSE / SSE_min) <= 3.84``. A parameter whose estimate lies on a bound of its range is
"not identified"; one whose interval reaches a bound is "partly identified"; only one whose
interval lies strictly inside its range is "identified", and only those reach scenarios
(``sim_calibrated.csv``, :func:`softpower.simulate.params.parameters`).

The out-of-sample test (``holdout_from``) fits on the polls before a year and forecasts the
polls of that year and later from each dyad's last earlier poll, against persistence (the
last earlier poll) and a linear trend over the dyad's earlier polls (persistence when
there is one earlier year), per donor and public.

References
----------
Branch, M. A., Coleman, T. F. and Li, Y. (1999). A subspace, interior, and conjugate
gradient method for large-scale bound-constrained minimization problems. *SIAM Journal
on Scientific Computing* 21(1), 1-23.

Venzon, D. J. and Moolgavkar, S. H. (1988). A method for computing profile-likelihood-based
confidence intervals. *Applied Statistics* 37(1), 87-94.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import least_squares

from softpower.errors import SoftpowerError
from softpower.records.vocab import members
from softpower.simulate.init import INITIAL_MEASURES, Inputs, build_inputs, opened, perception_observations
from softpower.simulate.model import simulate
from softpower.simulate.params import fixed, parameters
from softpower.simulate.scenario import Scenario, load_scenario
from softpower.simulate.strategies import trust_priors

FIT_PARAMS = ("lam", "alpha", "anchor", "w_economic", "w_smart", "w_soft")
WARM_UP = 10
#: chi-square(1) 95 % quantile: the profile-likelihood threshold of a 95 % interval
CHI2_95 = 3.841
PROFILE_POINTS = 9
#: An estimate this close to a bound (share of the range) is "on its bound".
ON_BOUND = 0.01
IDENTIFIED, PARTLY, NOT_IDENTIFIED = "identified", "partly identified", "not identified"
CALIBRATED_COLUMNS = ("name", "value", "low", "high", "status", "n_obs", "fit_years", "source")


@dataclass
class CalibrationResult:
    """Fitted parameters, identification, per-poll forecasts and (optionally) the holdout test."""

    fitted: dict[str, float]
    residuals: pd.DataFrame  # actor, partner, year, measure, observed, predicted, residual, set, ...
    identification: pd.DataFrame  # name, value, low, high, prior_low, prior_high, status, reason
    holdout: dict[str, Any] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """ONE JSON object: ``fitted, identification, holdout, fit, residuals, meta``."""
        return {
            "fitted": self.fitted,
            "identification": self.identification.to_dict(orient="records"),
            "holdout": self.holdout,
            "fit": {
                k: self.meta[k] for k in ("n_fit", "rmse_fit", "rmse_priors", "fit_years") if k in self.meta
            },
            "residuals": self.residuals.to_dict(orient="records"),
            "meta": self.meta,
        }

    def calibrated_csv(self) -> str:
        """The calibrated table (``sim_calibrated.csv``): one row per fitted parameter."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(CALIBRATED_COLUMNS)
        for r in self.identification.itertuples(index=False):
            w.writerow(
                [
                    r.name,
                    f"{r.value:.6g}",
                    f"{r.low:.6g}",
                    f"{r.high:.6g}",
                    r.status,
                    self.meta["n_fit"],
                    self.meta["fit_years"],
                    self.meta["source"],
                ]
            )
        return buf.getvalue()


def opinion_series(obs: pd.DataFrame, sc: Scenario) -> pd.DataFrame:
    """Polls of the scenario's donors by Indo-Pacific publics: one measure per dyad, one value per year.

    Returns ``actor, partner, year, measure, value, weight`` sorted by dyad and year.
    """
    cols = ["actor", "partner", "year", "measure", "origin", "value", "weight"]
    universe = set(sc.partners) | set(members("EAS", sc.start_year))
    o = obs.loc[obs["measure"].isin(INITIAL_MEASURES) & obs["actor"].isin(sc.donors)]
    o = o.loc[o["partner"] != o["actor"]]
    if o.empty:
        return pd.DataFrame(columns=cols)
    o = o.assign(weight=1.0 / o.groupby("fact")["partner"].transform("size"))
    o = o.loc[o["partner"].isin(universe)]
    if o.empty:
        return pd.DataFrame(columns=cols)
    rank = {m: i for i, m in enumerate(INITIAL_MEASURES)}
    years = o.groupby(["actor", "partner", "measure", "origin"])["year"].nunique().rename("n").reset_index()
    years = years.assign(rank=years["measure"].map(rank))
    best = years.sort_values(
        ["actor", "partner", "n", "rank", "origin"], ascending=[True, True, False, True, True]
    )
    best = best.drop_duplicates(["actor", "partner"])[["actor", "partner", "measure", "origin"]]
    o = o.merge(best, on=["actor", "partner", "measure", "origin"])
    out = o.groupby(["actor", "partner", "year", "measure", "origin"], as_index=False).agg(
        value=("value", "mean"), weight=("weight", "mean")
    )
    return out.sort_values(["actor", "partner", "year"], ignore_index=True)[cols]


@dataclass
class Problem:
    """The replay of history for one split: inputs, the polls, and where each poll sits."""

    inp: Inputs
    rows: pd.DataFrame  # opinion series with ``set`` in {start, fit, test} and ``last``, ``trend``
    where: np.ndarray  # (n, 3): year index, donor index, partner index

    def predict(self, names: tuple[str, ...], x: np.ndarray, *, priors: bool = True) -> np.ndarray:
        """Forecast of every poll for each row of ``x`` (runs x names): ``(runs, n)``."""
        prm = fixed(x.shape[0], priors=priors)
        for j, n in enumerate(names):
            prm[n] = np.ascontiguousarray(x[:, j])
        traj = simulate(self.inp, prm, rng=None).trust
        return np.asarray(traj[:, self.where[:, 0], self.where[:, 1], self.where[:, 2]])


def _trend(years: np.ndarray, values: np.ndarray, at: int) -> float:
    """Least-squares line through the earlier polls, read at ``at`` (clipped to [0, 1])."""
    if len(np.unique(years)) < 2:
        return float(values[-1])
    slope, icept = np.polyfit(years.astype(float), values, 1)
    return float(np.clip(slope * at + icept, 0.0, 1.0))


def problem(ledger: Any, sc: Scenario, series: pd.DataFrame, holdout_from: int | None) -> Problem:
    """Replay inputs over the polled years: fitting polls (before ``holdout_from``) assimilated."""
    start = max(1950, int(series["year"].min()) - WARM_UP)
    horizon = max(1, int(series["year"].max()) - start)
    partners = tuple(sorted(set(series["partner"])))
    hist = replace(sc, start_year=start, horizon=horizon, partners=partners, changes=(), shocks=())
    with opened(ledger) as led:
        inp = build_inputs(hist, led)
        from softpower.measure import engagement_panel

        panel = engagement_panel(led) if led is not None else None
    d_ix = {d: i for i, d in enumerate(inp.donors)}
    p_ix = {p: i for i, p in enumerate(inp.partners)}
    k_ix = {k: i for i, k in enumerate(inp.instruments)}
    for d, code in enumerate(inp.donors):  # a donor polled as a public gives nothing to itself
        if code in p_ix:
            inp.flow[:, d, p_ix[code]] = 0.0
    extra = np.zeros(inp.flow.shape)
    if panel is not None:
        m = (
            panel["actor"].isin(d_ix)
            & panel["partner"].isin(p_ix)
            & panel["year"].between(start, start + horizon - 1)
        )
        panel = panel.loc[m]
        unit = parameters()["unit_value"].default
        money = panel["usd_const"].fillna(0.0).to_numpy(float) / 1e6
        money += unit * panel["usd_missing"].fillna(0.0).to_numpy(float)
        idx = (
            (panel["year"] - start).to_numpy(int),
            panel["actor"].map(d_ix).to_numpy(int),
            panel["partner"].map(p_ix).to_numpy(int),
            panel["instrument"].map(k_ix).to_numpy(int),
        )
        np.add.at(extra, idx, money)
    inp.extra = extra
    rows = series.reset_index(drop=True).copy()
    early = rows["year"] < holdout_from if holdout_from is not None else np.ones(len(rows), bool)
    first = rows.loc[early].groupby(["actor", "partner"])["year"].transform("min")
    rows["set"] = "test"
    rows.loc[early, "set"] = "fit"
    rows.loc[first.index[rows.loc[first.index, "year"] == first], "set"] = "start"
    # per dyad: long-run level = mean of the fitting polls; else the declared prior
    priors = trust_priors()
    level = np.array([[priors.get(d, priors["*"]) for _ in partners] for d in inp.donors], dtype=float)
    observed = np.full((horizon + 1, *level.shape), np.nan)
    fit = rows.loc[early]
    for (a, p), g in fit.groupby(["actor", "partner"]):
        level[d_ix[str(a)], p_ix[str(p)]] = float(g["value"].mean())
    observed[
        (fit["year"] - start).to_numpy(int),
        fit["actor"].map(d_ix).to_numpy(int),
        fit["partner"].map(p_ix).to_numpy(int),
    ] = fit["value"].to_numpy(float)
    inp.t0, inp.level, inp.observed, inp.t0_sd = level, level.copy(), observed, None
    last, trend = np.full(len(rows), np.nan), np.full(len(rows), np.nan)
    years = rows["year"].to_numpy(int)
    for i in np.flatnonzero(~early):
        a, p, y = rows.at[i, "actor"], rows.at[i, "partner"], int(years[i])
        past = fit.loc[(fit["actor"] == a) & (fit["partner"] == p)]
        if len(past):
            last[i] = float(past["value"].iloc[-1])
            trend[i] = _trend(past["year"].to_numpy(), past["value"].to_numpy(float), y)
    rows["last"], rows["trend"] = last, trend
    where = np.stack(
        [
            (rows["year"] - start).to_numpy(int),
            rows["actor"].map(d_ix).to_numpy(int),
            rows["partner"].map(p_ix).to_numpy(int),
        ],
        axis=1,
    )
    return Problem(inp, rows, where)


def _fit(
    pb: Problem,
    names: tuple[str, ...],
    use: np.ndarray,
    x0: np.ndarray | None = None,
    fixed_at: dict[int, float] | None = None,
    max_nfev: int | None = None,
) -> tuple[np.ndarray, float]:
    """Weighted least squares over the polls ``use``; ``fixed_at`` holds some parameters still.

    Returns the parameters (all of ``names``) and the weighted sum of squared errors.
    """
    table = parameters()
    fixed_at = fixed_at or {}
    free = [j for j in range(len(names)) if j not in fixed_at]
    lo = np.array([table[names[j]].low for j in free])
    hi = np.array([table[names[j]].high for j in free])
    start = np.array([table[n].default for n in names]) if x0 is None else x0.copy()
    for j, v in fixed_at.items():
        start[j] = v
    y = pb.rows["value"].to_numpy(float)[use]
    sw = np.sqrt(pb.rows["weight"].to_numpy(float)[use])

    def full(z: np.ndarray) -> np.ndarray:
        x = start.copy()
        x[free] = z
        return x

    def resid(z: np.ndarray) -> np.ndarray:
        return np.asarray((pb.predict(names, full(z)[None])[0][use] - y) * sw)

    def jac(z: np.ndarray) -> np.ndarray:
        h = 1e-6 * np.maximum(1.0, np.abs(z))
        step = np.where(z + h <= hi, h, -h)
        xs = np.vstack([full(z)] + [full(z + np.eye(len(z))[j] * step[j]) for j in range(len(z))])
        pred = pb.predict(names, xs)[:, use] * sw
        return np.asarray(((pred[1:] - pred[0]) / step[:, None]).T)

    if not free:
        r = resid(np.array([]))
        return start, float(r @ r)
    z0 = np.clip(start[free], lo, hi)
    fit = least_squares(resid, z0, jac=jac, bounds=(lo, hi), method="trf", max_nfev=max_nfev)
    return full(fit.x), float(2.0 * fit.cost)


def profile(
    pb: Problem, names: tuple[str, ...], use: np.ndarray, best: np.ndarray, sse: float
) -> pd.DataFrame:
    """Profile likelihood of each parameter: its 95 % interval and identification status."""
    table = parameters()
    n = int(use.sum())
    rows = []
    for j, name in enumerate(names):
        p = table[name]
        grid = np.linspace(p.low, p.high, PROFILE_POINTS)
        prof = []
        for v in grid:
            _, s = _fit(pb, names, use, best, {j: float(v)}, max_nfev=30)
            prof.append(min(s, sse) if np.isclose(v, best[j]) else s)
        stat = n * np.log(np.maximum(np.asarray(prof), 1e-300) / max(sse, 1e-300))
        inside = stat <= CHI2_95
        lo_i, hi_i = _interval(grid, stat, best[j], p.low, p.high)
        width = p.high - p.low
        on_bound = min(best[j] - p.low, p.high - best[j]) <= ON_BOUND * width
        if on_bound:
            status, reason = NOT_IDENTIFIED, "estimate on a bound of its declared range"
        elif inside.all():
            status, reason = NOT_IDENTIFIED, "flat profile: every value in the range fits as well (95 %)"
        elif lo_i <= p.low + 1e-12 or hi_i >= p.high - 1e-12:
            status, reason = PARTLY, "the 95 % interval reaches a bound of the range"
        else:
            status, reason = IDENTIFIED, "the 95 % profile interval lies inside the range"
        rows.append(
            {
                "name": name,
                "value": float(best[j]),
                "low": float(lo_i),
                "high": float(hi_i),
                "prior_low": p.low,
                "prior_high": p.high,
                "status": status,
                "reason": reason,
                "profile": [round(float(s), 3) for s in stat],
            }
        )
    return pd.DataFrame(rows)


def _interval(
    grid: np.ndarray, stat: np.ndarray, best: float, low: float, high: float
) -> tuple[float, float]:
    """Where the profile statistic crosses the threshold on each side of the estimate (linear).

    The estimate (statistic 0) is placed into the sorted ``grid`` after any grid point equal to
    it, which keeps its own statistic and is read first on the lower side."""
    at = int(np.searchsorted(grid, best, side="right"))
    pts = np.insert(grid, at, best)
    vals = np.insert(stat, at, 0.0)
    k = int(np.searchsorted(pts, best))
    lo, hi = low, high
    for i in range(k, 0, -1):
        if vals[i - 1] > CHI2_95:
            a, b = pts[i - 1], pts[i]
            fa, fb = vals[i - 1], vals[i]
            lo = a + (b - a) * (fa - CHI2_95) / (fa - fb) if fa != fb else a
            break
    for i in range(k, len(pts) - 1):
        if vals[i + 1] > CHI2_95:
            a, b = pts[i], pts[i + 1]
            fa, fb = vals[i], vals[i + 1]
            hi = a + (b - a) * (CHI2_95 - fa) / (fb - fa) if fa != fb else b
            break
    return float(min(lo, best)), float(max(hi, best))


def _rmse(a: np.ndarray) -> float | None:
    return float(np.sqrt(np.mean(a**2))) if a.size else None


def calibrate(
    ledger: Any,
    *,
    scenario: str | Path | Scenario = "baseline",
    params: tuple[str, ...] = FIT_PARAMS,
    holdout_from: int | None = None,
    identify: bool = True,
) -> CalibrationResult:
    """Fit ``params`` to the ledger's opinion series; profile them; test out of sample.

    Parameters
    ----------
    ledger
        An open ledger or a ledger path.
    scenario
        Gives the donors and their strategies (its partners widen the publics kept).
    params
        Parameters to fit within their declared ranges; the others stay at their priors.
    holdout_from
        Fit on the polls before this year; forecast the polls of this year and later and
        compare with persistence and a linear trend (``holdout``).
    identify
        Compute the profile likelihood of every fitted parameter.
    """
    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    table = parameters()
    for n in params:
        if n not in table:
            raise SoftpowerError(f"params: unknown parameter {n!r} (expected one of {', '.join(table)})")
    with opened(ledger) as led:
        series = opinion_series(perception_observations(led), sc)
        if series.empty:
            raise SoftpowerError(
                "calibrate: the ledger has no Indo-Pacific public-opinion polls with values about the "
                f"scenario's donors ({', '.join(sc.donors)}) (expected perception records: import survey data first)"
            )
        if holdout_from is not None and not (series["year"] < holdout_from).any():
            raise SoftpowerError(
                f"--holdout-from {holdout_from}: no polls before it (expected a year after {int(series['year'].min())})"
            )
        pb = problem(led, sc, series, holdout_from)
        where = None if led is None else str(getattr(led, "path", "ledger"))
    names = tuple(params)
    rows = pb.rows
    use = (rows["set"] == "fit").to_numpy()
    if not use.any():
        raise SoftpowerError(
            "calibrate: no dyad has two polls before the holdout year (expected a series: a start poll and later ones)"
        )
    x, sse = _fit(pb, names, use)
    pred = pb.predict(names, x[None])[0]
    prior_pred = pb.predict(names, np.array([[table[n].default for n in names]]))[0]
    y = rows["value"].to_numpy(float)
    ident = profile(pb, names, use, x, sse) if identify else pd.DataFrame()
    fit_rows = rows.loc[use | (rows["set"] == "start")]
    fit_years = f"{int(fit_rows['year'].min())}-{int(fit_rows['year'].max())}"
    res = rows.rename(columns={"value": "observed"}).assign(
        predicted=np.round(pred, 6), residual=np.round(pred - y, 6)
    )
    res = res.rename(columns={"last": "persistence"})
    res["persistence"] = res["persistence"].round(6)
    res["trend"] = res["trend"].round(6)
    holdout = None
    if holdout_from is not None:
        holdout = _holdout(rows, pred, holdout_from)
    measures = ", ".join(sorted(set(rows["measure"])))
    origins = ", ".join(sorted(set(rows.loc[use, "origin"])))
    meta = {
        "method": "bounded least squares on forecasts from each dyad's previous poll (scipy trf)",
        "identification": "profile likelihood, 95 % (chi-square 1 df)" if identify else "not computed",
        "n_polls": len(rows),
        "n_dyads": int(rows.groupby(["actor", "partner"]).ngroups),
        "n_fit": int(use.sum()),
        "n_start": int((rows["set"] == "start").sum()),
        "measures": measures,
        "origins": origins,
        "fit_years": fit_years,
        "rmse_fit": _rmse((pred - y)[use]),
        "rmse_priors": _rmse((prior_pred - y)[use]),
        "rmse_note": "forecast errors on the fitting polls (from each dyad's previous poll); "
        "rmse_priors: every parameter at its declared default",
        "history": f"{pb.inp.years[0]}-{pb.inp.years[-1]}",
        "donors": list(pb.inp.donors),
        "publics": list(pb.inp.partners),
        "fitted": dict(zip(names, map(float, x), strict=True)),
        "ledger": where,
        "source": f"least squares on {int(use.sum())} polls forecast ({measures}; {origins}; {fit_years}) in "
        f"{Path(where).name if where else 'no ledger'}; profile likelihood 95 %",
    }
    if holdout is not None:
        meta["holdout_from"] = holdout_from
    fitted = dict(zip(names, map(float, x), strict=True))
    return CalibrationResult(fitted, res, ident, holdout, meta)


def _holdout(rows: pd.DataFrame, pred: np.ndarray, year: int) -> dict[str, Any]:
    """Errors of model, persistence and trend on the polls from ``year`` on, per donor and public."""
    test = (rows["set"] == "test").to_numpy() & rows["last"].notna().to_numpy()
    no_earlier = int(((rows["set"] == "test") & rows["last"].isna()).sum())
    t = rows.loc[test].assign(model=pred[test])
    e = {
        "model": (t["model"] - t["value"]).to_numpy(),
        "persistence": (t["last"] - t["value"]).to_numpy(),
        "trend": (t["trend"] - t["value"]).to_numpy(),
    }
    by = []
    for keys, g in t.groupby(["actor", "partner"]):
        by.append(
            {
                "donor": keys[0],
                "partner": keys[1],
                "n": len(g),
                "model_rmse": _rmse((g["model"] - g["value"]).to_numpy()),
                "persistence_rmse": _rmse((g["last"] - g["value"]).to_numpy()),
                "trend_rmse": _rmse((g["trend"] - g["value"]).to_numpy()),
            }
        )
    by_donor = []
    for d, g in t.groupby("actor"):
        by_donor.append(
            {
                "donor": d,
                "n": len(g),
                "model_rmse": _rmse((g["model"] - g["value"]).to_numpy()),
                "persistence_rmse": _rmse((g["last"] - g["value"]).to_numpy()),
                "trend_rmse": _rmse((g["trend"] - g["value"]).to_numpy()),
            }
        )
    m, p, tr = (_rmse(e[k]) for k in ("model", "persistence", "trend"))
    if m is None or p is None or tr is None:
        verdict = f"no out-of-sample test: no dyad polled both before {year} and from {year} on"
    elif m < min(p, tr):
        verdict = f"the model beats persistence and trend out of sample ({m:.4f} vs {p:.4f} and {tr:.4f})"
    elif m < p:
        verdict = f"the model beats persistence ({m:.4f} vs {p:.4f}) but not the trend ({tr:.4f})"
    else:
        verdict = f"the model does NOT beat persistence out of sample ({m:.4f} vs {p:.4f})"
    return {
        "from": year,
        "n": int(test.sum()),
        "n_without_earlier_poll": no_earlier,
        "model_rmse": m,
        "persistence_rmse": p,
        "trend_rmse": tr,
        "verdict": verdict,
        "years": sorted(int(v) for v in t["year"].unique()),
        "by_donor": by_donor,
        "by_dyad": by,
        "note": "forecasts from each dyad's last poll before the holdout year; parameters and levels "
        "fitted on earlier polls only; trend = least-squares line over the earlier polls "
        "(persistence with one earlier year)",
    }
