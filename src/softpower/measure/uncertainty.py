"""Uncertainty and sensitivity over what matters: who leads, and why that could change.

Every Monte Carlo draw varies the data source of indicators with alternatives, leaves one
indicator out (or none), the group split rule, the imputation, the normalisation, the
aggregation, the roots half-life, the amount filled in for facts stated without one and the
pillar weights (a Dirichlet "expert" distribution centred on the nominal weights). All
choices are discrete except the weights, so a draw is a weighted sum of cached arrays and
one sort (:class:`softpower.measure.engine.Model`).

Outputs: each cell's rank distribution (histogram, so memory does not grow with draws), its
**probability of leading** (share of draws in which it ranks first alone), and the Sobol
indices of **who leads**: the output explained is, per draw, the share of partner-years
whose leader is the nominal one (Saisana et al. 2005 explain a rank shift; the leader is
what this project reports).

References
----------
Saisana, M., Saltelli, A. and Tarantola, S. (2005). Uncertainty and sensitivity analysis
techniques as tools for the quality assessment of composite indicators. *Journal of the
Royal Statistical Society A*, 168(2), 307-323.

Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M. and Tarantola, S. (2010).
Variance based sensitivity analysis of model output. Design and estimator for the total
sensitivity index. *Computer Physics Communications*, 181(2), 259-270.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

from softpower.measure.engine import Design, Model, Stacks

#: Fewest draws worth splitting over two worker processes (forking copies the cached arrays).
MIN_PARALLEL = 200
#: Seconds between two looks at the workers' count of finished draws (progress only).
POLL_SECONDS = 0.2


@dataclass
class RankDistribution:
    """Rank histograms over ``n`` draws.

    ``cell[c, r]`` counts draws where cell ``c`` ranked ``r + 1`` in its partner-year;
    ``lead[c]`` draws where it ranked first alone; ``total[y, a, r]`` the rank of actor
    totals per year.
    """

    cell: np.ndarray
    lead: np.ndarray
    total: np.ndarray
    n: int

    @staticmethod
    def _quantile(hist: np.ndarray, q: float) -> np.ndarray:
        n = hist.sum(axis=-1, keepdims=True)
        cdf = np.cumsum(hist, axis=-1) / np.maximum(n, 1)  # a cell never scored: 0 below
        r = 1 + np.argmax(cdf >= q - 1e-12, axis=-1)
        return np.where(n[..., 0] > 0, r, 0)

    def cell_quantiles(self, q: float) -> np.ndarray:
        """Rank at quantile ``q`` of every cell (0 where the cell never scored)."""
        return self._quantile(self.cell, q)

    def total_quantiles(self, q: float) -> np.ndarray:
        return self._quantile(self.total, q)

    def lead_share(self) -> np.ndarray:
        """Probability of leading: the share of draws in which each cell ranks first alone."""
        return self.lead / max(self.n, 1)


#: Progress callback: called with the number of draws just evaluated.
Progress = Callable[[int], None]


def _total_ranks(tot: np.ndarray) -> np.ndarray:
    """Competition ranks along the last axis (1 = highest; equal values share the best rank)."""
    # equal values share a rank whatever their order, so any sort serves
    order = np.argsort(-tot)
    srt = np.sort(tot)[..., ::-1]  # the values in that (descending) order
    new = np.ones(srt.shape, dtype=bool)
    new[..., 1:] = srt[..., 1:] != srt[..., :-1]
    first = np.maximum.accumulate(np.where(new, np.arange(tot.shape[-1]), 0), axis=-1)
    out = np.empty(tot.shape, dtype=np.int64)
    np.put_along_axis(out, order, first + 1, axis=-1)
    return out


def _evaluate_serial(
    model: Model,
    d: Design,
    st: Stacks,
    nominal_lead: np.ndarray | None,
    progress: Progress | None = None,
    collect: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Evaluate the draws of design ``d`` in batches (each batch one array computation over
    its draws): rank histograms (when ``collect``) and, per draw, the share of partner-years
    whose sole leader is the nominal one."""
    n_cells = len(model.cells)
    n_act = len(model.cells.actors)
    n_years = len(model.out_years)
    width = model.width + 1  # rank 0 (no score) .. model.width
    hist = np.zeros(n_cells * width if collect else 0, dtype=np.int64)
    lead = np.zeros(n_cells if collect else 0, dtype=np.int64)
    total = np.zeros((n_years, n_act, n_act) if collect else (0, 0, 0), dtype=np.int64)
    agree = np.zeros(len(d))
    base = np.arange(n_cells) * width
    tbase = np.arange(n_years * n_act).reshape(n_years, n_act) * n_act
    has = None if nominal_lead is None else nominal_lead >= 0
    step = model.batch_size()
    for start in range(0, len(d), step):
        stop = min(len(d), start + step)
        s = model.scores(d, st, start, stop)
        if collect:
            r, led = model.rank_batch(s)
            hist += np.bincount((base[None, :] + r).ravel(), minlength=len(hist))
            lead += np.bincount(led[led >= 0], minlength=n_cells)
            tr = _total_ranks(model.actor_total_batch(s))
            total += np.bincount((tbase[None] + tr - 1).ravel(), minlength=total.size).reshape(total.shape)
        else:
            led = model.lead_batch(s)
        if nominal_lead is not None and has is not None and has.any():
            agree[start:stop] = (led[:, has] == nominal_lead[has][None, :]).mean(axis=1)
        if progress is not None:
            progress(stop - start)
    cell = hist.reshape(n_cells, width)[:, 1:] if collect else hist
    return cell, lead, total, agree


#: Model, design, stacks and nominal leaders shared with forked workers (set before forking).
_SHARED: dict[str, Any] = {}


def _evaluate_part(bounds: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    sl = slice(*bounds)
    d = _SHARED["design"].take(sl)
    st: Stacks = _SHARED["stacks"].take(sl)
    counter = _SHARED["counter"]

    def tick(n: int) -> None:
        with counter.get_lock():
            counter.value += n

    return _evaluate_serial(_SHARED["model"], d, st, _SHARED["nominal"], tick, _SHARED["collect"])


def default_workers(n: int) -> int:
    """Worker processes for ``n`` draws: ``$SOFTPOWER_WORKERS``, else up to 2 when there are
    at least :data:`MIN_PARALLEL` draws and more than one core."""
    env = os.environ.get("SOFTPOWER_WORKERS")
    if env:
        return max(1, int(env))
    if n < MIN_PARALLEL or "fork" not in mp.get_all_start_methods():
        return 1
    return min(2, os.cpu_count() or 1)


def _wait_reporting(res: Any, counter: Any, n: int, progress: Progress | None) -> Any:
    """Wait for the pool's result ``res`` and return it, turning the workers' shared count of
    finished draws (``counter.value``) into progress: each call reports the draws finished
    since the last one (never 0), and the calls add up to ``n``."""
    reported = 0
    while not res.ready():
        res.wait(POLL_SECONDS)
        done = int(counter.value)
        if progress is not None and done > reported:
            progress(done - reported)
            reported = done
    parts = res.get()
    if progress is not None and n > reported:
        progress(n - reported)
    return parts


def evaluate(
    model: Model,
    u: np.ndarray,
    nominal_lead: np.ndarray | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    collect: bool = True,
) -> tuple[RankDistribution, np.ndarray]:
    """Evaluate draws ``u[n, factors]`` (uniforms), split over ``workers`` processes.

    Returns the rank distribution and, per draw, the share of partner-years whose sole
    leader is the nominal one (``nominal_lead``: per partner-year, the leading cell or -1).
    The result does not depend on the number of workers or the batch size. ``collect=False``
    skips the rank histograms (the Sobol analysis needs the leaders only; the distribution
    is then empty).
    """
    d = model.from_uniform(u)
    st = model.prepare(d)
    workers = default_workers(len(u)) if workers is None else workers
    if workers <= 1:
        cell, lead, total, agree = _evaluate_serial(model, d, st, nominal_lead, progress, collect)
        return RankDistribution(cell, lead, total, len(u)), agree
    # one contiguous share of the draws per worker (each returns one histogram); the workers
    # count finished draws in a shared counter that the parent turns into progress
    ctx = mp.get_context("fork")
    counter = ctx.Value("l", 0)
    _SHARED.update(model=model, design=d, stacks=st, nominal=nominal_lead, counter=counter, collect=collect)
    cuts = np.linspace(0, len(u), workers + 1).astype(int)
    tasks = [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:], strict=True) if b > a]
    try:
        with ctx.Pool(len(tasks)) as pool:
            parts = _wait_reporting(pool.map_async(_evaluate_part, tasks), counter, len(u), progress)
    finally:
        _SHARED.clear()
    cell = np.sum([p[0] for p in parts], axis=0)
    lead = np.sum([p[1] for p in parts], axis=0)
    total = np.sum([p[2] for p in parts], axis=0)
    agree = np.concatenate([p[3] for p in parts])
    return RankDistribution(cell, lead, total, len(u)), agree


def monte_carlo(
    model: Model,
    n: int,
    seed: int,
    nominal_lead: np.ndarray | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> tuple[RankDistribution, np.ndarray]:
    """``n`` Monte Carlo draws from ``numpy.random.default_rng(seed)``."""
    rng = np.random.default_rng(seed)
    return evaluate(model, rng.random((n, model.n_factors)), nominal_lead, workers, progress)


def sobol_indices(
    problem: Mapping[str, Any],
    func: Callable[[np.ndarray], np.ndarray],
    n: int,
    seed: int,
    *,
    second_order: bool = False,
    num_resamples: int = 100,
) -> pd.DataFrame:
    """First-order and total Sobol indices of ``func`` with SALib (Saltelli/Jansen estimators).

    Parameters
    ----------
    problem
        A SALib problem (``num_vars``, ``names``, ``bounds``, optional ``groups``).
    func
        Maps the sample matrix ``X[rows, num_vars]`` to outputs ``Y[rows]`` (vectorised).
    n
        Base sample size (a power of two); ``n * (D + 2)`` evaluations, ``D`` the number of
        groups (or variables).
    seed
        Seed of the scrambled Sobol sequence and of the bootstrap confidence intervals.
    second_order, num_resamples
        Use Saltelli's design with second-order columns (``n * (2 D + 2)`` evaluations;
        only first-order and total indices are returned); bootstrap resamples of the
        confidence intervals.

    Returns
    -------
    pandas.DataFrame
        Columns ``choice, first_order, first_order_conf, total, total_conf``; all zeros
        (with a note in ``.attrs``) when the output does not vary.
    """
    x = sobol_sample.sample(dict(problem), n, calc_second_order=second_order, seed=seed)
    y = np.asarray(func(x), dtype=float)
    names = list(dict.fromkeys(problem.get("groups") or problem["names"]))
    if np.ptp(y) == 0:
        out = pd.DataFrame(
            {"choice": names, "first_order": 0.0, "first_order_conf": 0.0, "total": 0.0, "total_conf": 0.0}
        )
        out.attrs["note"] = "the output does not vary over the design: no choice moves it"
        return out
    si = sobol_analyze.analyze(
        dict(problem), y, calc_second_order=second_order, num_resamples=num_resamples, seed=seed
    )
    out = pd.DataFrame(
        {
            "choice": names,
            "first_order": si["S1"],
            "first_order_conf": si["S1_conf"],
            "total": si["ST"],
            "total_conf": si["ST_conf"],
        }
    )
    tol = 0.01  # rounding-level strays are not worth a note
    est = out[["first_order", "total"]]
    noisy = (
        (est < -tol).any(axis=None)
        or (est > 1 + tol).any(axis=None)
        or (out["first_order"] > out["total"] + tol).any()
    )
    if noisy:
        out.attrs["note"] = (
            f"indices are estimates from {len(y)} evaluations (the conf columns are 95 % confidence "
            "half-widths); values below 0 or above 1, or a first order above the total, are "
            "sampling noise: a larger sample sharpens them"
        )
    return out


def index_problem(model: Model) -> dict[str, Any]:
    """SALib problem of the index: one factor per uniform column, grouped by choice."""
    groups = model.factor_groups()
    names = [f"{g}_{i}" for i, g in enumerate(groups)]
    return {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names), "groups": groups}


def sobol_base(model: Model, n_draws: int) -> int:
    """Base sample of :func:`index_sensitivity`: the largest power of two with
    ``n (D + 2) <= n_draws`` (at least 8), ``D`` the number of choice groups."""
    d = len(set(model.factor_groups()))
    return max(8, 2 ** int(np.floor(np.log2(max(n_draws / (d + 2), 1)))))


def sobol_size(model: Model, n_draws: int) -> int:
    """Evaluations of :func:`index_sensitivity` for a budget of ``n_draws``."""
    return sobol_base(model, n_draws) * (len(set(model.factor_groups())) + 2)


def index_sensitivity(
    model: Model,
    n_draws: int,
    seed: int,
    nominal_lead: np.ndarray,
    progress: Progress | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Sobol indices of who leads: the share of partner-years whose leader is the nominal one."""
    problem = index_problem(model)
    base = sobol_base(model, n_draws)
    out = sobol_indices(
        problem,
        lambda x: evaluate(model, x, nominal_lead, workers=workers, progress=progress, collect=False)[1],
        base,
        seed,
    )
    out.attrs["evaluations"] = base * (len(set(problem["groups"])) + 2)
    return out
