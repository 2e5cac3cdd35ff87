"""Registries of the composite-indicator steps, one signature per family.

Every family is an explicit ``dict`` from method name to function (no discovery by
scanning), and every function of a family has the same signature, vectorised over leading
axes so that a Monte Carlo chunk of draws is one array call:

* **imputation** ``fn(x) -> x``: ``x[..., year, unit]``; ``NaN`` marks a missing value.
* **normalisation** ``fn(x) -> x``: along the last axis (the units compared: every dyad of a
  year); ``NaN`` stays ``NaN``.
* **weighting** ``fn(pillars, user, u) -> w``: ``u[n, P]`` uniforms in ``[0, 1)`` give ``n``
  weight vectors; ``u=None`` gives the nominal vector ``w[P]``. Weights sum to one.
* **aggregation** ``fn(x, w) -> s``: ``x[..., unit, C]`` and ``w[..., C]`` give ``s[..., unit]``;
  missing components are skipped and the remaining weights rescaled.

References
----------
OECD and JRC (2008). *Handbook on Constructing Composite Indicators: Methodology and User
Guide*. OECD Publishing, Paris. Steps 4 (imputation), 5 (normalisation) and 6 (weighting and
aggregation).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from scipy import stats

Array = np.ndarray
Imputer = Callable[[Array], Array]
Normaliser = Callable[[Array], Array]
Weighting = Callable[[Sequence[str], Mapping[str, float] | None, Array | None], Array]
Aggregator = Callable[[Array, Array], Array]

#: Dirichlet concentration of the expert weight distribution: ``alpha = CONCENTRATION * w``.
#: With five pillars at 0.2 each the standard deviation of a weight is about 0.08.
CONCENTRATION = 25.0


# --- imputation ------------------------------------------------------------------------------


def impute_none(x: Array) -> Array:
    """Leave missing values missing (aggregation then skips them)."""
    return x


def impute_zero(x: Array) -> Array:
    """Zero as absence: a value not reported is taken as none of it."""
    return np.where(np.isnan(x), 0.0, x)


def impute_mean(x: Array) -> Array:
    """Unconditional mean: the mean over the units of the same year (Handbook §4)."""
    with np.errstate(invalid="ignore"), _quiet():
        mean = np.nanmean(x, axis=-1, keepdims=True)
    return np.where(np.isnan(x), np.broadcast_to(mean, x.shape), x)


def impute_carry_forward(x: Array) -> Array:
    """Last observation carried forward along the year axis (``-2``) for the same unit."""
    valid = ~np.isnan(x)
    years = np.arange(x.shape[-2]).reshape((1,) * (x.ndim - 2) + (-1, 1))
    last = np.where(valid, years, -1)
    last = np.maximum.accumulate(last, axis=-2)
    filled = np.take_along_axis(np.where(valid, x, 0.0), np.maximum(last, 0), axis=-2)
    return np.where(last >= 0, filled, np.nan)


IMPUTERS: dict[str, Imputer] = {
    "none": impute_none,
    "zero": impute_zero,
    "mean": impute_mean,
    "carry_forward": impute_carry_forward,
}


# --- normalisation ---------------------------------------------------------------------------


class _quiet:
    """Silence numpy's 'mean of empty slice' warnings for all-missing slices."""

    def __enter__(self) -> None:
        import warnings

        self._cm = warnings.catch_warnings()
        self._cm.__enter__()
        warnings.simplefilter("ignore", RuntimeWarning)

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(None, None, None)


def _share(num: Array, den: Array) -> Array:
    """``num / den`` where ``den > 0``; else 0, or NaN where ``num`` is NaN (a missing value)."""
    return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.where(np.isnan(num), np.nan, 0.0))


def normalise_minmax(x: Array) -> Array:
    """Min-max: ``(x - min) / (max - min)`` in ``[0, 1]``; a constant slice gives 0."""
    with _quiet():
        lo = np.nanmin(x, axis=-1, keepdims=True)
        hi = np.nanmax(x, axis=-1, keepdims=True)
    return _share(x - lo, hi - lo)


def normalise_zscore(x: Array) -> Array:
    """Standardisation: ``(x - mean) / sd`` (population sd); a constant slice gives 0.

    Constant means equal values (max = min), not a zero computed sd: the sd of equal values
    can round to 1e-16, which would blow rounding noise up to +-1.
    """
    with _quiet():
        mean = np.nanmean(x, axis=-1, keepdims=True)
        sd = np.nanstd(x, axis=-1, keepdims=True)
        varies = np.nanmax(x, axis=-1, keepdims=True) > np.nanmin(x, axis=-1, keepdims=True)
    return _share(x - mean, np.where(varies, sd, 0.0))


def normalise_rank(x: Array) -> Array:
    """Ranking: average rank among the units (ties share it), scaled to ``[0, 1]``."""
    missing = np.isnan(x)
    ranks = stats.rankdata(np.where(missing, np.inf, x), axis=-1)
    n = (~missing).sum(axis=-1, keepdims=True)
    scaled = (ranks - 1.0) / np.maximum(n - 1, 1)
    return np.where(missing, np.nan, np.where(n > 1, scaled, 0.0))


def normalise_frontier(x: Array) -> Array:
    """Distance to frontier: ``x / max``, the share of the best unit's value; 0 if the max is 0.

    Meant for non-negative indicators (counts, money, stocks): the leader scores 1.
    """
    with _quiet():
        hi = np.nanmax(x, axis=-1, keepdims=True)
    return _share(x, hi)


NORMALISERS: dict[str, Normaliser] = {
    "minmax": normalise_minmax,
    "zscore": normalise_zscore,
    "rank": normalise_rank,
    "frontier": normalise_frontier,
}


# --- weighting -------------------------------------------------------------------------------


def _user_vector(pillars: Sequence[str], user: Mapping[str, float] | None) -> Array:
    if user is None:
        return np.full(len(pillars), 1.0 / len(pillars))
    w = np.array([float(user.get(p, 0.0)) for p in pillars])
    return w / w.sum()


def weight_equal(pillars: Sequence[str], user: Mapping[str, float] | None, u: Array | None) -> Array:
    """Equal weights ``1/P`` (the user weights are ignored)."""
    w = np.full(len(pillars), 1.0 / len(pillars))
    return w if u is None else np.broadcast_to(w, (u.shape[0], len(pillars))).copy()


def weight_user(pillars: Sequence[str], user: Mapping[str, float] | None, u: Array | None) -> Array:
    """The user's weights as declared (equal when none are declared)."""
    w = _user_vector(pillars, user)
    return w if u is None else np.broadcast_to(w, (u.shape[0], len(pillars))).copy()


def weight_expert(pillars: Sequence[str], user: Mapping[str, float] | None, u: Array | None) -> Array:
    """Expert distribution: Dirichlet with mean the user's weights, ``alpha = CONCENTRATION * w``.

    The uniforms ``u`` are mapped through the Gamma quantile function and normalised, which
    is an exact Dirichlet draw from independent uniforms (so a Sobol design can drive it).
    ``u=None`` returns the mean (the user's weights).
    """
    w = _user_vector(pillars, user)
    if u is None:
        return w
    alpha = np.maximum(CONCENTRATION * w, 1e-6)
    g = stats.gamma.ppf(np.clip(u, 1e-12, 1 - 1e-12), alpha)
    return g / g.sum(axis=-1, keepdims=True)


WEIGHTINGS: dict[str, Weighting] = {"equal": weight_equal, "user": weight_user, "expert": weight_expert}


# --- aggregation -----------------------------------------------------------------------------


def _weights_present(x: Array, w: Array) -> tuple[Array, Array]:
    wb = np.broadcast_to(np.expand_dims(w, -2), x.shape)
    wb = np.where(np.isnan(x), 0.0, wb)
    total = wb.sum(axis=-1, keepdims=True)
    return wb / np.where(total > 0, total, 1.0), total[..., 0]


def aggregate_arithmetic(x: Array, w: Array) -> Array:
    """Weighted arithmetic mean ``sum_c w_c x_c`` (fully compensatory)."""
    wn, total = _weights_present(x, w)
    s = np.nansum(wn * np.where(np.isnan(x), 0.0, x), axis=-1)
    return np.where(total > 0, s, np.nan)


def aggregate_geometric(x: Array, w: Array) -> Array:
    """Weighted geometric mean on shifted values: ``prod_c (x_c - m_c + 1)^{w_c} - 1``.

    ``m_c`` is the smallest value of component ``c`` over the units, so every factor is at
    least 1 (the geometric mean needs positive values; for min-max, rank and frontier
    scores ``m_c`` is usually 0). Less compensatory than the arithmetic mean.
    """
    with _quiet():
        m = np.nanmin(x, axis=-2, keepdims=True)
    m = np.where(np.isnan(m), 0.0, m)
    wn, total = _weights_present(x, w)
    logs = np.log(np.where(np.isnan(x), 1.0, x - m + 1.0))  # a missing component: log 1 = 0
    s = np.exp((wn * logs).sum(axis=-1)) - 1.0
    return np.where(total > 0, s, np.nan)


AGGREGATORS: dict[str, Aggregator] = {"arithmetic": aggregate_arithmetic, "geometric": aggregate_geometric}

FAMILIES: dict[str, dict[str, object]] = {
    "imputation": IMPUTERS,  # type: ignore[dict-item]
    "normalisation": NORMALISERS,  # type: ignore[dict-item]
    "weighting": WEIGHTINGS,  # type: ignore[dict-item]
    "aggregation": AGGREGATORS,  # type: ignore[dict-item]
}
