"""Uncertainty and sensitivity: vectorised Monte Carlo of the ranks, Sobol indices (SALib).

Every draw varies the normalisation, the imputation, the half-life of the roots stocks,
the amount filled in for facts stated without one (a log-uniform range, never zero) and
the pillar weights (a Dirichlet "expert" distribution centred on the nominal weights).
Draws are evaluated in chunks (one array call per chunk); the rank distribution of every
actor in every partner and year is accumulated as a histogram, so memory does not grow
with the number of draws.

The Sobol analysis groups the factors by choice and explains the average absolute shift
of the dyad ranks from the nominal ranks (Saisana et al. 2005).

References
----------
Saisana, M., Saltelli, A. and Tarantola, S. (2005). Uncertainty and sensitivity analysis
techniques as tools for the quality assessment of composite indicators. *Journal of the
Royal Statistical Society A*, 168(2), 307-323.

Saltelli, A. (2002). Making best use of model evaluations to compute sensitivity indices.
*Computer Physics Communications*, 145(2), 280-297.

Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M. and Tarantola, S. (2010).
Variance based sensitivity analysis of model output. Design and estimator for the total
sensitivity index. *Computer Physics Communications*, 181(2), 259-270.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

from softpower.measure.engine import Model, actor_totals, competition_ranks

#: The choices the analysis varies, in the column order of :meth:`Model.from_uniform`.
CHOICES = ("normalisation", "imputation", "half_life", "missing_amounts")


@dataclass
class RankDistribution:
    """Rank histograms over ``n`` draws.

    ``dyad[y, a, p, r]`` counts draws where actor ``a`` ranked ``r + 1`` in partner ``p``
    in year ``y``; ``total[y, a, r]`` the same for actor totals.
    """

    dyad: np.ndarray
    total: np.ndarray
    n: int

    @staticmethod
    def _quantile(hist: np.ndarray, q: float) -> np.ndarray:
        n = hist.sum(axis=-1, keepdims=True)
        cdf = np.cumsum(hist, axis=-1) / np.where(n > 0, n, 1)
        r = 1 + np.argmax(cdf >= q - 1e-12, axis=-1)
        return np.where(n[..., 0] > 0, r, 0)

    def dyad_quantiles(self, q: float) -> np.ndarray:
        """Rank at quantile ``q`` for every ``[year, actor, partner]`` (0 where undefined)."""
        return self._quantile(self.dyad, q)

    def total_quantiles(self, q: float) -> np.ndarray:
        return self._quantile(self.total, q)

    def lead_share(self) -> np.ndarray:
        """Share of draws in which each actor ranks first in the partner ``[year, actor, partner]``."""
        return self.dyad[..., 0] / max(self.n, 1)


def _hist(ranks: np.ndarray, n_ranks: int) -> np.ndarray:
    """Per-cell counts of ranks ``1..n_ranks`` over the first axis (one pass per rank value)."""
    return np.stack([(ranks == r).sum(axis=0) for r in range(1, n_ranks + 1)], axis=-1)


#: Progress callback: called with the number of draws just evaluated.
Progress = Callable[[int], None]


def _evaluate_serial(
    model: Model, u: np.ndarray, nominal_ranks: np.ndarray | None, progress: Progress | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    a = len(model.inputs.actors)
    shape = (len(model.yo), a, len(model.inputs.partners))
    dyad = np.zeros((*shape, a), dtype=np.int64)
    total = np.zeros((len(model.yo), a, a), dtype=np.int64)
    shift = np.zeros(len(u))
    step = model.chunk_size()
    for start in range(0, len(u), step):
        design = model.from_uniform(u[start : start + step])
        scores = model.scores(design)
        ranks = competition_ranks(scores, axis=-2)
        dyad += _hist(ranks, a)
        total += _hist(competition_ranks(actor_totals(scores), axis=-1), a)
        if nominal_ranks is not None:
            valid = nominal_ranks > 0
            diff = np.abs(ranks.astype(np.int32) - nominal_ranks[None])
            shift[start : start + len(design)] = diff[:, valid].mean(axis=1)
        if progress is not None:
            progress(len(design))
    return dyad, total, shift


#: Model and nominal ranks shared with forked worker processes (set just before forking).
_SHARED: dict[str, Any] = {}


def _evaluate_part(u: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return _evaluate_serial(_SHARED["model"], u, _SHARED["nominal"])


def default_workers(n: int, model: Model) -> int:
    """Worker processes for ``n`` draws: ``$SOFTPOWER_WORKERS``, else up to 2 when there are
    at least eight chunks of work and more than one core (forking costs a few tens of ms)."""
    env = os.environ.get("SOFTPOWER_WORKERS")
    if env:
        return max(1, int(env))
    if n < 8 * model.chunk_size() or "fork" not in mp.get_all_start_methods():
        return 1
    return max(1, min(2, os.cpu_count() or 1))


def evaluate(
    model: Model,
    u: np.ndarray,
    nominal_ranks: np.ndarray | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> tuple[RankDistribution, np.ndarray]:
    """Evaluate draws ``u[n, factors]`` chunk by chunk, split over ``workers`` processes.

    Returns the rank distribution and, per draw, the mean absolute shift of the dyad ranks
    from ``nominal_ranks`` (zeros when none are given). The result does not depend on the
    number of workers: histograms add up and shifts keep their draw order.
    """
    workers = default_workers(len(u), model) if workers is None else workers
    if workers <= 1:
        dyad, total, shift = _evaluate_serial(model, u, nominal_ranks, progress)
        return RankDistribution(dyad, total, len(u)), shift
    _SHARED.update(model=model, nominal=nominal_ranks)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            parts = []
            for part in pool.imap(_evaluate_part, np.array_split(u, workers)):
                parts.append(part)
                if progress is not None:
                    progress(len(part[2]))
    finally:
        _SHARED.clear()
    dyad = np.sum([p[0] for p in parts], axis=0)
    total = np.sum([p[1] for p in parts], axis=0)
    shift = np.concatenate([p[2] for p in parts])
    return RankDistribution(dyad, total, len(u)), shift


def monte_carlo(
    model: Model,
    n: int,
    seed: int,
    nominal_ranks: np.ndarray | None = None,
    progress: Progress | None = None,
) -> tuple[RankDistribution, np.ndarray]:
    """``n`` Monte Carlo draws from ``numpy.random.default_rng(seed)``."""
    rng = np.random.default_rng(seed)
    return evaluate(model, rng.random((n, model.n_factors)), nominal_ranks, progress=progress)


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


def index_problem(pillars: Sequence[str]) -> dict[str, Any]:
    """SALib problem of the index: one factor per choice, the pillar weights grouped as ``weights``."""
    names = [*CHOICES, *(f"weight_{p}" for p in pillars)]
    return {
        "num_vars": len(names),
        "names": names,
        "bounds": [[0.0, 1.0]] * len(names),
        "groups": [*CHOICES, *(["weights"] * len(pillars))],
    }


def sobol_size(model: Model, n_draws: int) -> int:
    """Evaluations of :func:`index_sensitivity` for a budget of ``n_draws``."""
    d = len(set(index_problem(model.framework.pillar_names)["groups"]))
    return max(8, 2 ** int(np.floor(np.log2(max(n_draws / (d + 2), 1))))) * (d + 2)


def index_sensitivity(
    model: Model, n_draws: int, seed: int, nominal_ranks: np.ndarray, progress: Progress | None = None
) -> pd.DataFrame:
    """Sobol indices of the mean absolute rank shift for each choice.

    The base sample is the largest power of two with ``n * (D + 2) <= n_draws`` (at least 8).
    """
    problem = index_problem(model.framework.pillar_names)
    d = len(set(problem["groups"]))
    base = max(8, 2 ** int(np.floor(np.log2(max(n_draws / (d + 2), 1)))))
    out = sobol_indices(
        problem, lambda x: evaluate(model, x, nominal_ranks, progress=progress)[1], base, seed
    )
    out.attrs["evaluations"] = base * (d + 2)
    return out
