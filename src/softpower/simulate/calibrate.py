"""Calibration: fit parameters to the ledger's perception records, and backtest honestly.

The model is replayed over history: it starts ten years before the first perception
record from the declared priors (initial trust ``sim_trust_priors.csv``, roots from the
strategies' steady state and the ledger's earlier engagement), and each year adds the
ledger's observed engagement for every dyad on top of the strategies' flows. Each
perception fact (trust, favourable, positive image, friendly, considers interests,
helpful: all read as evidence of trust) is compared with the model's trust averaged over
the fact's respondent states, so a poll of a group counts once, not once per member.
Only the Indo-Pacific is modelled: respondents outside the scenario's partners and the
East Asia Summit are left out, and a fact is used only when at least half of its
respondents (donors aside) are inside. Parameters are fitted by bounded least squares
(trust-region reflective) within their declared ranges.

The backtest fits on records up to a year Y and predicts the records after Y; the
persistence baseline predicts each later record by the last earlier record of the same
respondents (the same measure first), or, when there is none, by the prior the model also
starts from. Both errors
are reported, whichever wins.

References
----------
Branch, M. A., Coleman, T. F. and Li, Y. (1999). A subspace, interior, and conjugate
gradient method for large-scale bound-constrained minimization problems. *SIAM Journal
on Scientific Computing* 21(1), 1-23.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import least_squares

from softpower.errors import SoftpowerError
from softpower.records.vocab import members
from softpower.simulate.init import (
    TRUST_MEASURES,
    build_inputs,
    initial_trust,
    opened,
    perception_observations,
)
from softpower.simulate.model import simulate
from softpower.simulate.params import fixed, parameters
from softpower.simulate.scenario import Scenario, load_scenario

FIT_PARAMS = ("alpha", "lam", "anchor", "w_smart", "w_economic", "w_soft")
WARM_UP = 10


@dataclass
class CalibrationResult:
    """Fitted parameters, per-record residuals and the backtest."""

    fitted: dict[str, float]
    residuals: pd.DataFrame  # actor, partner, year, measure, observed, predicted, residual, set, persistence
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"fitted": ..., "residuals": [...], "meta": ...}``."""
        return {
            "fitted": self.fitted,
            "residuals": self.residuals.to_dict(orient="records"),
            "meta": self.meta,
        }


def select_facts(obs: pd.DataFrame, sc: Scenario) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Indo-Pacific perception facts about the scenario's donors.

    Returns the respondent rows kept and one row per fact (``fact, actor, partners, year,
    measure, value``, partners joined by spaces, in first-seen order).
    """
    universe = set(sc.partners) | set(members("EAS", sc.start_year))
    obs = obs.loc[obs["actor"].isin(sc.donors) & ~obs["partner"].isin(sc.donors)]
    inside = obs["partner"].isin(universe)
    share = inside.groupby(obs["fact"]).transform("mean")
    kept = obs.loc[inside & (share >= 0.5)].reset_index(drop=True)
    facts = (
        kept.groupby("fact", sort=False)
        .agg(
            actor=("actor", "first"),
            partners=("partner", " ".join),
            year=("year", "first"),
            measure=("measure", "first"),
            value=("value", "first"),
        )
        .reset_index()
    )
    facts = facts.sort_values(
        ["year", "actor", "partners", "measure", "fact"], kind="stable", ignore_index=True
    )
    return kept, facts


def _history(sc: Scenario, obs: pd.DataFrame, ledger: Any) -> tuple[Any, np.ndarray]:
    """Inputs replaying history from WARM_UP years before the first record, and obs indices."""
    years = obs["year"]
    start = max(1950, int(years.min()) - WARM_UP)
    horizon = max(1, int(years.max()) - start)
    partners = tuple(sorted(set(obs["partner"]) - set(sc.donors)))
    hist = replace(sc, start_year=start, horizon=horizon, partners=partners, changes=(), shocks=())
    inp = build_inputs(hist, ledger)
    inp.t0, inp.t0_source = initial_trust(obs.iloc[0:0], inp.donors, inp.partners, start)
    from softpower.measure import engagement_panel

    panel = engagement_panel(ledger)
    d_ix = {d: i for i, d in enumerate(inp.donors)}
    p_ix = {p: i for i, p in enumerate(inp.partners)}
    k_ix = {k: i for i, k in enumerate(inp.instruments)}
    m = (
        panel["actor"].isin(d_ix)
        & panel["partner"].isin(p_ix)
        & panel["year"].between(start, start + horizon - 1)
    )
    panel = panel.loc[m]
    extra = np.zeros(inp.flow.shape)
    unit = parameters()["unit_value"].default
    money = panel["usd_const"].fillna(0.0).to_numpy(float) / 1e6 + unit * panel["usd_missing"].fillna(
        0.0
    ).to_numpy(float)
    idx = (
        (panel["year"] - start).to_numpy(int),
        panel["actor"].map(d_ix).to_numpy(int),
        panel["partner"].map(p_ix).to_numpy(int),
        panel["instrument"].map(k_ix).to_numpy(int),
    )
    np.add.at(extra, idx, money)
    inp.extra = extra
    where = np.stack(
        [
            (obs["year"] - start).to_numpy(int),
            obs["actor"].map(d_ix).to_numpy(int),
            obs["partner"].map(p_ix).to_numpy(int),
        ],
        axis=1,
    )
    return inp, where


def _predict(
    inp: Any, where: np.ndarray, names: tuple[str, ...], x: np.ndarray, fact_of: np.ndarray | None = None
) -> np.ndarray:
    """Predicted trust for each row of ``x`` (runs × names): per respondent row, or per fact.

    With ``fact_of`` (the fact index of every respondent row), the prediction of a fact is
    the mean of its respondents' trust.
    """
    prm = fixed(x.shape[0])
    for j, n in enumerate(names):
        prm[n] = np.ascontiguousarray(x[:, j])
    traj = simulate(inp, prm, rng=None).trust  # (R, years, D, P)
    rows = traj[:, where[:, 0], where[:, 1], where[:, 2]]
    if fact_of is None:
        return rows
    onehot = fact_of[:, None] == np.arange(int(fact_of.max()) + 1)[None, :]  # rows × facts
    return np.asarray((rows @ onehot) / onehot.sum(axis=0)[None, :])


OFFSET_BOUND = 3.0


def _link(latent: np.ndarray, offsets: np.ndarray, measure_of: np.ndarray) -> np.ndarray:
    """Poll share of a fact from latent trust: ``logistic(logit(T) + b_measure)``."""
    z = np.clip(latent, 1e-6, 1 - 1e-6)
    z = np.log(z / (1 - z)) + np.concatenate([offsets, [0.0]])[measure_of]
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def _fit(
    inp: Any,
    where: np.ndarray,
    fact_of: np.ndarray,
    y: np.ndarray,
    names: tuple[str, ...],
    measure_of: np.ndarray,
    n_offsets: int,
) -> tuple[np.ndarray, np.ndarray, Any]:
    """Least squares over the facts whose target ``y`` is finite (the others are left out).

    ``measure_of`` indexes each fact's measure offset (``n_offsets`` = no offset, the
    reference measure). Returns the model parameters, the offsets and scipy's result.
    """
    table = parameters()
    k = len(names)
    lo = np.concatenate([[table[n].low for n in names], np.full(n_offsets, -OFFSET_BOUND)])
    hi = np.concatenate([[table[n].high for n in names], np.full(n_offsets, OFFSET_BOUND)])
    x0 = np.concatenate([[table[n].default for n in names], np.zeros(n_offsets)])
    use = np.isfinite(y)

    def resid(x: np.ndarray) -> np.ndarray:
        latent = _predict(inp, where, names, x[None, :k], fact_of)[0]
        return np.asarray((_link(latent, x[k:], measure_of) - y)[use])

    def jac(x: np.ndarray) -> np.ndarray:
        # model parameters: forward differences, all at once in one vectorised ensemble of
        # k + 1 runs; measure offsets: analytic (d/db logistic(z + b) = p (1 - p))
        h = 1e-6 * np.maximum(1.0, np.abs(x[:k]))
        step = np.where(x[:k] + h <= hi[:k], h, -h)
        rows = np.vstack([x[:k], x[:k] + np.diag(step)])
        pred = _link(_predict(inp, where, names, rows, fact_of), x[k:], measure_of)[:, use]
        out = np.zeros((int(use.sum()), k + n_offsets))
        out[:, :k] = ((pred[1:] - pred[0]) / step[:, None]).T
        p0, m = pred[0], measure_of[use]
        for j in range(n_offsets):
            out[:, k + j] = np.where(m == j, p0 * (1 - p0), 0.0)
        return out

    fit = least_squares(resid, x0, jac=jac, bounds=(lo, hi), method="trf")
    return fit.x[:k], fit.x[k:], fit


def _rmse(a: np.ndarray) -> float | None:
    return float(np.sqrt(np.mean(a**2))) if a.size else None


def calibrate(
    ledger: Any,
    *,
    scenario: str | Path | Scenario = "baseline",
    params: tuple[str, ...] = FIT_PARAMS,
    holdout_year: int | None = None,
    measure_offsets: bool = True,
) -> CalibrationResult:
    """Fit ``params`` to the ledger's perception records; backtest against persistence.

    Parameters
    ----------
    ledger
        An open ledger or a ledger path.
    scenario
        Gives the donors and their strategies (its partners, changes and shocks are ignored:
        history runs on the observed respondents and the ledger's engagement).
    params
        Parameters to fit (within their ranges); the others stay at their defaults.
    holdout_year
        Fit on records up to this year and predict the later ones. Default: the year
        before the last year with records, when records span two years or more.
    measure_offsets
        Fit one logit offset per poll measure (a measurement model: "favourable" and
        "trust" shares of the same public differ), relative to ``trust`` or, without trust
        records, to the most direct measure present. Measures first seen after the holdout
        year get no offset in the backtest.

    Returns
    -------
    CalibrationResult
        ``residuals`` has one row per observation (``set`` = fit or test), ``meta`` the
        RMSEs of the fit, of the model on the test set and of the persistence baseline.
    """
    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    table = parameters()
    for n in params:
        if n not in table:
            raise SoftpowerError(f"params: unknown parameter {n!r} (expected one of {', '.join(table)})")
    with opened(ledger) as led:
        obs, facts = select_facts(perception_observations(led), sc)
        if facts.empty:
            raise SoftpowerError(
                "calibrate: the ledger has no Indo-Pacific perception records with values about the "
                f"scenario's donors ({', '.join(sc.donors)}) (expected perception records: import survey data first)"
            )
        inp, where = _history(sc, obs, led)
    fact_of = obs["fact"].map({f: i for i, f in enumerate(facts["fact"])}).to_numpy(int)
    years = sorted(facts["year"].unique())
    if holdout_year is None and len(years) >= 2:
        holdout_year = int(years[-2])
    test = (
        (facts["year"] > holdout_year).to_numpy() if holdout_year is not None else np.zeros(len(facts), bool)
    )
    y = facts["value"].to_numpy(float)
    names = tuple(params)
    defaults = np.array([[table[n].default for n in names]])

    def offsets_for(rows: np.ndarray) -> tuple[list[str], np.ndarray]:
        """Measures with a free offset (all but the reference) among ``rows``; index per fact."""
        present = [m for m in TRUST_MEASURES if (facts.loc[rows, "measure"] == m).any()]
        free = present[1:] if measure_offsets else []
        index = {m: i for i, m in enumerate(free)}
        return free, facts["measure"].map(lambda m: index.get(m, len(free))).to_numpy(int)

    backtest: dict[str, Any] = {"holdout_year": holdout_year}
    persistence = np.full(len(facts), np.nan)
    if test.any() and (~test).any():
        free_bt, m_bt = offsets_for(~test)
        x_bt, b_bt, _ = _fit(inp, where, fact_of, np.where(test, np.nan, y), names, m_bt, len(free_bt))
        pred_bt = _link(_predict(inp, where, names, x_bt[None], fact_of)[0], b_bt, m_bt)
        t0_rows = inp.t0[where[:, 1], where[:, 2]]
        prior = np.bincount(fact_of, weights=t0_rows) / np.bincount(fact_of)
        train = facts.loc[~test]
        earlier = np.zeros(len(facts), bool)
        for i in np.flatnonzero(test):
            a, p, m = facts.at[i, "actor"], facts.at[i, "partners"], facts.at[i, "measure"]
            past = train.loc[(train["actor"] == a) & (train["partners"] == p)]
            past = past.assign(same=past["measure"] == m).sort_values(["same", "year"], kind="stable")
            persistence[i] = past["value"].iloc[-1] if len(past) else prior[i]
            earlier[i] = len(past) > 0
        model_rmse = _rmse(pred_bt[test] - y[test])
        pers_rmse = _rmse(persistence[test] - y[test])
        assert model_rmse is not None and pers_rmse is not None
        backtest |= {
            "n_fit": int((~test).sum()),
            "n_test": int(test.sum()),
            "n_test_with_earlier_record": int(earlier.sum()),
            "rmse_model_with_earlier_record": _rmse(pred_bt[earlier] - y[earlier]),
            "rmse_persistence_with_earlier_record": _rmse(persistence[earlier] - y[earlier]),
            "fitted_before_holdout": dict(zip(names, map(float, x_bt), strict=True))
            | {f"offset.{m}": float(b) for m, b in zip(free_bt, b_bt, strict=True)},
            "rmse_model": model_rmse,
            "rmse_persistence": pers_rmse,
            "verdict": "model beats persistence"
            if model_rmse < pers_rmse
            else "persistence beats (or ties) the model",
        }
    else:
        backtest["verdict"] = (
            f"no backtest: records cover only {', '.join(map(str, years))}; "
            "a backtest needs records in at least two years on both sides of the holdout year"
        )
    free, m_all = offsets_for(np.ones(len(facts), bool))
    x, b, fit = _fit(inp, where, fact_of, y, names, m_all, len(free))
    pred = _link(_predict(inp, where, names, x[None], fact_of)[0], b, m_all)
    res = (
        facts.drop(columns="fact")
        .rename(columns={"value": "observed"})
        .assign(
            predicted=np.round(pred, 6),
            residual=np.round(pred - y, 6),
            set=np.where(test, "test", "fit"),
            persistence=np.round(persistence, 6),
        )
    )
    fitted = {n: float(v) for n, v in zip(names, x, strict=True)}
    fitted |= {f"offset.{m}": float(v) for m, v in zip(free, b, strict=True)}
    n_distinct = int(facts[["actor", "year", "measure", "value"]].drop_duplicates().shape[0])
    meta = {
        "method": "bounded least squares (scipy.optimize.least_squares, trf)",
        "abc": "not run: "
        + (
            "pyabc is not installed (pip install 'softpower[abc]')"
            if find_spec("pyabc") is None
            else "use --method abc for an ABC-SMC posterior"
        ),
        "n_facts": len(facts),
        "n_respondent_rows": len(obs),
        "n_distinct_facts": n_distinct,
        "n_params": len(names) + len(free),
        "measure_offsets": {
            "reference": next((m for m in TRUST_MEASURES if (facts["measure"] == m).any()), None)
            if measure_offsets
            else None,
            "free": free,
        },
        "identified": n_distinct > len(names) + len(free),
        "at_bounds": [
            n for n, v in zip(names, x, strict=True) if min(v - table[n].low, table[n].high - v) < 1e-6
        ],
        "rmse_fit": _rmse(pred - y),
        "rmse_priors": _rmse(_predict(inp, where, names, defaults, fact_of)[0] - y),
        "rmse_note": "rmse_priors: every parameter at its default and no measure offsets",
        "history": f"{inp.years[0]}-{inp.years[-1]}",
        "donors": list(inp.donors),
        "partners": list(inp.partners),
        "fitted": fitted,
        "backtest": backtest,
        "optimizer": {"status": int(fit.status), "message": str(fit.message), "nfev": int(fit.nfev)},
    }
    return CalibrationResult(fitted, res, meta)
