"""The Handbook's statistical checks: skew and outlier treatment, correlations, PCA and alpha.

**Treatment rule** (recorded per indicator; OECD/JRC 2008, step 4, and the JRC COIN
practice): an indicator whose pooled values have ``|skewness| > 2`` *and* excess kurtosis
``> 3.5`` is treated before normalisation. The treatment first winsorises, capping the
largest values at the ``k``-th largest for ``k = 1 .. 5`` and stopping at the first ``k``
that clears the rule; when five are not enough (a long tail, typical of money), it takes
``log(1 + x / s)`` with ``s`` the median of the positive values (scale-free). The decision is
taken once on the nominal data and applied to every Monte Carlo variant.

**Structure** per pillar: Pearson correlations of the normalised indicators over the cells
where all of them are observed, the eigenvalues of that correlation matrix (PCA), the share
of variance of the first component and Cronbach's alpha.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy import stats

SKEW_LIMIT = 2.0
KURTOSIS_LIMIT = 3.5
MAX_WINSORISED = 5
#: Fewest shared cells for a correlation, PCA or alpha to be reported.
MIN_CELLS = 10


@dataclass(frozen=True)
class Treatment:
    """A recorded treatment: ``method`` (``none``, ``winsorise``, ``log``) with its parameter
    (``k`` values capped, or the log scale ``s``) and the statistics before and after."""

    method: str
    param: float
    skew_before: float | None
    kurtosis_before: float | None
    skew_after: float | None
    kurtosis_after: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def shape(x: np.ndarray) -> tuple[float | None, float | None]:
    """Sample skewness and excess kurtosis of ``x`` (``None`` for fewer than 4 varying values)."""
    x = np.asarray(x, dtype=float)
    x = x[np.isfinite(x)]
    if len(x) < 4 or np.ptp(x) == 0:
        return None, None
    return float(stats.skew(x)), float(stats.kurtosis(x))


def fails_rule(x: np.ndarray) -> bool:
    """Does ``x`` break the rule (``|skew| > 2`` and excess kurtosis ``> 3.5``)?"""
    s, k = shape(x)
    return s is not None and k is not None and abs(s) > SKEW_LIMIT and k > KURTOSIS_LIMIT


def winsorise(x: np.ndarray, k: int) -> np.ndarray:
    """Cap the ``k`` largest values at the ``(k + 1)``-th largest."""
    if k <= 0 or len(x) <= k:
        return x
    cap = np.sort(x)[-(k + 1)]
    return np.minimum(x, cap)


def log_scale(x: np.ndarray, s: float) -> np.ndarray:
    """``sign(x) log(1 + |x| / s)``."""
    return np.sign(x) * np.log1p(np.abs(x) / s)


def decide(x: np.ndarray, enabled: bool = True) -> Treatment:
    """The treatment of an indicator's pooled values ``x`` under the recorded rule."""
    x = np.asarray(x, dtype=float)
    s0, k0 = shape(x)
    if not enabled or not fails_rule(x):
        return Treatment("none", 0.0, s0, k0, s0, k0)
    for k in range(1, MAX_WINSORISED + 1):
        y = winsorise(x, k)
        if not fails_rule(y):
            s1, k1 = shape(y)
            return Treatment("winsorise", float(k), s0, k0, s1, k1)
    pos = np.abs(x[x != 0])
    scale = float(np.median(pos)) if len(pos) else 1.0
    s1, k1 = shape(log_scale(x, scale))
    return Treatment("log", scale, s0, k0, s1, k1)


def apply(x: np.ndarray, t: Treatment) -> np.ndarray:
    """Apply a recorded treatment to values ``x`` (any variant of the indicator)."""
    if t.method == "winsorise":
        return winsorise(x, int(t.param))
    if t.method == "log":
        return log_scale(x, t.param)
    return x


def cronbach_alpha(x: np.ndarray) -> float | None:
    """Cronbach's alpha of the columns of ``x[n, k]`` (``None`` for ``k < 2``)."""
    n, k = x.shape
    if k < 2 or n < 2:
        return None
    total = x.sum(axis=1).var(ddof=1)
    if total == 0:
        return None
    return float(k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / total))


def structure(x: np.ndarray, names: list[str]) -> dict[str, Any]:
    """Correlation, PCA and Cronbach's alpha of the columns of ``x[n, k]`` (rows complete).

    Returns ``{n, indicators, correlation, eigenvalues, first_component_share, loadings,
    alpha, note}``; with fewer than :data:`MIN_CELLS` rows, or constant columns, the figures
    are ``None`` and ``note`` says why.
    """
    out: dict[str, Any] = {
        "n": int(x.shape[0]),
        "indicators": names,
        "correlation": None,
        "eigenvalues": None,
        "first_component_share": None,
        "loadings": None,
        "alpha": None,
        "note": None,
    }
    if len(names) < 2:
        out["note"] = "one indicator: no structure to check"
        return out
    if x.shape[0] < MIN_CELLS:
        out["note"] = f"{x.shape[0]} cells observed on every indicator (need {MIN_CELLS})"
        return out
    sd = x.std(axis=0)
    if (sd == 0).any():
        out["note"] = "an indicator is constant over the shared cells"
        return out
    corr = np.corrcoef(x, rowvar=False)
    vals, vecs = np.linalg.eigh(corr)
    order = np.argsort(vals)[::-1]
    vals, first = vals[order], vecs[:, order[0]]
    first = first * (1 if first.sum() >= 0 else -1)
    out.update(
        correlation=[[round(float(v), 6) for v in row] for row in corr],
        eigenvalues=[round(float(v), 6) for v in vals],
        first_component_share=round(float(vals[0] / vals.sum()), 6),
        loadings=[round(float(v), 6) for v in first],
        alpha=None if (a := cronbach_alpha((x - x.mean(axis=0)) / sd)) is None else round(a, 6),
    )
    return out


def report(model: Any) -> dict[str, Any]:
    """The audit of a compiled :class:`~softpower.measure.engine.Model` (nominal choices).

    Returns ``{rule, indicators, correlations, pillars}``: per indicator its pillar, observed
    cells, cells with a record, share of zeros, skewness/kurtosis before and after and the
    treatment chosen; pairwise Pearson correlations of the normalised indicators over the
    cells both observe (with ``n``); per pillar :func:`structure`.
    """
    d = model.nominal()
    src, _, split, imp, norm, agg, hl, amt = d.row(0)
    values: list[tuple[np.ndarray, np.ndarray]] = []
    inds = []
    for k, spec in enumerate(model.specs):
        ids, raw, _ = model.coalesced(k, src[k], split, hl, amt, imp)
        values.append(model.variant(k, src[k], split, hl, amt, imp, norm, agg))
        rec = int(sum(int(model.raw(a, split, hl, amt, imp)[2].sum()) for a in spec.alts))
        t = model.treatments[k]
        inds.append(
            {
                "indicator": spec.name,
                "pillar": model.framework.pillar_names[spec.pillar],
                "cells": int(len(ids)),
                "recorded": rec,
                "share_zero": round(float((raw == 0).mean()), 6) if len(raw) else None,
                **{key: (round(v, 6) if isinstance(v, float) else v) for key, v in t.to_dict().items()},
            }
        )
    corr = []
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            ids, ia, ib = np.intersect1d(values[i][0], values[j][0], return_indices=True)
            r = None
            if len(ids) >= MIN_CELLS:
                a, b = values[i][1][ia], values[j][1][ib]
                if np.ptp(a) > 0 and np.ptp(b) > 0:
                    r = round(float(np.corrcoef(a, b)[0, 1]), 6)
            corr.append({"a": model.specs[i].name, "b": model.specs[j].name, "n": int(len(ids)), "r": r})
    pillars = []
    for p, name in enumerate(model.framework.pillar_names):
        ks = [k for k, s in enumerate(model.specs) if s.pillar == p]
        shared = values[ks[0]][0]
        for k in ks[1:]:
            shared = np.intersect1d(shared, values[k][0])
        cols = [values[k][1][np.searchsorted(values[k][0], shared)] for k in ks]
        x = np.stack(cols, axis=1) if len(shared) else np.zeros((0, len(ks)))
        pillars.append({"pillar": name, **structure(x, [model.specs[k].name for k in ks])})
    return {
        "rule": (
            f"|skewness| > {SKEW_LIMIT} and excess kurtosis > {KURTOSIS_LIMIT}: winsorise up to "
            f"{MAX_WINSORISED} values, else log(1 + x / median)"
        ),
        "indicators": inds,
        "correlations": corr,
        "pillars": pillars,
    }
