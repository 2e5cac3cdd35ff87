"""The Handbook's statistical checks: skew and outlier treatment, correlations, PCA and alpha.

**Treatment rule** (recorded per indicator; OECD/JRC 2008, step 4, and the JRC COIN
practice): an indicator whose pooled values have ``|skewness| > 2`` *and* excess kurtosis
``> 3.5`` is treated before normalisation. The treatment first winsorises, capping the
largest values at the ``k``-th largest for ``k = 1 .. 5`` and stopping at the first ``k``
that clears the rule; when five are not enough (a long tail, typical of money), it takes
``log(1 + x / s)`` with ``s`` the median of the positive values (scale-free). The decision is
taken once on the nominal data and applied to every Monte Carlo variant.

The skew after treatment is also given over the non-zero values only: most indicators are
zero on most observed cells (a supplier that sold nothing), so the skew over all cells after
a log mostly measures that mass of zeros, not the tail the treatment tamed.

**Structure** per pillar, *available-case* (pairwise): no cell is observed on every
indicator of most pillars (each source sees other donors), so a complete-case analysis
would say nothing. Each pair of indicators gets its Pearson correlation over the cells both
observe, with that ``n``; a pair with fewer than :data:`MIN_CELLS` shared cells has none.
PCA and Cronbach's alpha then use the largest set of the pillar's indicators whose every
pair has a correlation (ties: the set whose smallest pair ``n`` is largest), reported with
the indicators left out and why, and the smallest and largest pair ``n``:

- PCA: eigenvalues of that pairwise correlation matrix, the first component's share of the
  total (``lambda_1 / k``) and its loadings. A pairwise matrix need not be positive
  semi-definite; a negative eigenvalue is reported as such.
- Cronbach's alpha, standardised, from the mean pairwise correlation ``r``:
  ``alpha = k r / (1 + (k - 1) r)``.

The complete-case figures (cells observed on all the pillar's indicators) are kept beside
them, with their ``n``, as a cross-check where they exist.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from itertools import combinations
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
    skew_after_nonzero: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def shape(x: np.ndarray) -> tuple[float | None, float | None]:
    """Sample skewness and excess kurtosis of ``x`` (``None`` for fewer than 4 varying values)."""
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
    s0, k0 = shape(x)
    if not enabled or not fails_rule(x):
        return Treatment("none", 0.0, s0, k0, s0, k0, _nonzero_skew(x))
    for k in range(1, MAX_WINSORISED + 1):
        y = winsorise(x, k)
        if not fails_rule(y):
            s1, k1 = shape(y)
            return Treatment("winsorise", float(k), s0, k0, s1, k1, _nonzero_skew(y))
    # x breaks the rule, so it varies and has a non-zero value: the scale is that median
    scale = float(np.median(np.abs(x[x != 0])))
    y = log_scale(x, scale)
    s1, k1 = shape(y)
    return Treatment("log", scale, s0, k0, s1, k1, _nonzero_skew(y))


def _nonzero_skew(y: np.ndarray) -> float | None:
    return shape(y[y != 0])[0]


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


def pairwise(values: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise-complete Pearson correlations of indicators observed on different cells.

    ``values[i] = (sorted cell ids, values)``. Returns ``(r[k, k], n[k, k])``: ``n`` the cells
    both observe, ``r`` their correlation there (diagonal 1; NaN with fewer than
    :data:`MIN_CELLS` shared cells or a constant column).
    """
    k = len(values)
    r = np.full((k, k), np.nan)
    n = np.zeros((k, k), dtype=int)
    for i in range(k):
        r[i, i], n[i, i] = 1.0, len(values[i][0])
        for j in range(i + 1, k):
            _, ia, ib = np.intersect1d(values[i][0], values[j][0], return_indices=True)
            n[i, j] = n[j, i] = len(ia)
            if len(ia) >= MIN_CELLS:
                a, b = values[i][1][ia], values[j][1][ib]
                if np.ptp(a) > 0 and np.ptp(b) > 0:
                    r[i, j] = r[j, i] = float(np.corrcoef(a, b)[0, 1])
    return r, n


def pairwise_structure(values: list[tuple[np.ndarray, np.ndarray]], names: list[str]) -> dict[str, Any]:
    """Available-case PCA and standardised Cronbach's alpha of one pillar's indicators.

    Uses the largest subset of indicators whose every pair has a correlation (see the module
    docstring); returns ``{indicators, used, left_out, pair_n, pair_n_min, pair_n_max,
    correlation, eigenvalues, first_component_share, loadings, alpha, mean_r,
    positive_definite, note}`` (figures ``None`` with a ``note`` when no pair qualifies).
    """
    k = len(names)
    r, n = pairwise(values)
    out: dict[str, Any] = {
        "indicators": names,
        "used": [],
        "left_out": [],
        "pair_n": [[int(v) for v in row] for row in n],
        "correlation": [[None if np.isnan(v) else round(float(v), 6) for v in row] for row in r],
        "pair_n_min": None,
        "pair_n_max": None,
        "eigenvalues": None,
        "first_component_share": None,
        "loadings": None,
        "alpha": None,
        "mean_r": None,
        "positive_definite": None,
        "note": None,
    }
    if k < 2:
        out["note"] = "one indicator: no structure to check"
        return out
    best: tuple[int, int, tuple[int, ...]] | None = None
    for size in range(k, 1, -1):
        for sub in combinations(range(k), size):
            if all(not np.isnan(r[i, j]) for i, j in combinations(sub, 2)):
                low = min(int(n[i, j]) for i, j in combinations(sub, 2))
                if best is None or (size, low) > best[:2]:
                    best = (size, low, sub)
        if best is not None:
            break
    if best is None:
        out["left_out"] = [
            {"indicator": names[i], "why": f"no other indicator shares {MIN_CELLS} varying cells with it"}
            for i in range(k)
        ]
        out["note"] = f"no pair of indicators shares {MIN_CELLS} cells with varying values: no correlation"
        return out
    chosen = list(best[2])
    pairs_n = [int(n[i, j]) for i, j in combinations(chosen, 2)]
    rs = r[np.ix_(chosen, chosen)]
    vals, vecs = np.linalg.eigh(rs)
    order = np.argsort(vals)[::-1]
    vals, first = vals[order], vecs[:, order[0]]
    first = first * (1 if first.sum() >= 0 else -1)
    m = len(chosen)
    mean_r = float(rs[np.triu_indices(m, 1)].mean())
    alpha = m * mean_r / (1 + (m - 1) * mean_r) if 1 + (m - 1) * mean_r != 0 else None
    left = []
    for i in range(k):
        if i in chosen:
            continue
        missing = [f"{names[j]} (n {int(n[i, j])})" for j in chosen if np.isnan(r[i, j])]
        left.append({"indicator": names[i], "why": "no correlation with " + ", ".join(missing)})
    out.update(
        used=[names[i] for i in chosen],
        left_out=left,
        pair_n_min=min(pairs_n),
        pair_n_max=max(pairs_n),
        eigenvalues=[round(float(v), 6) for v in vals],
        first_component_share=round(float(vals[0] / m), 6),
        loadings=[round(float(v), 6) for v in first],
        alpha=None if alpha is None else round(float(alpha), 6),
        mean_r=round(mean_r, 6),
        positive_definite=bool(vals[-1] > 0),
    )
    if vals[-1] < 0:
        out["note"] = "the pairwise matrix is not positive semi-definite (pairs observed on different cells)"
    return out


def report(model: Any) -> dict[str, Any]:
    """The audit of a compiled :class:`~softpower.measure.engine.Model` (nominal choices).

    Returns ``{rule, structure, indicators, correlations, pillars}``: per indicator its
    pillar, observed cells, cells with a record, share of zeros, skewness/kurtosis before and
    after and the treatment chosen; pairwise Pearson correlations of the normalised
    indicators over the cells both observe (with ``n``); per pillar
    :func:`pairwise_structure` (available-case) with the complete-case :func:`structure`
    under ``complete_case``. Plain data (lists, numbers, strings) for the CLI and the report.
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
    r_all, n_all = pairwise(values)
    corr = [
        {
            "a": model.specs[i].name,
            "b": model.specs[j].name,
            "n": int(n_all[i, j]),
            "r": None if np.isnan(r_all[i, j]) else round(float(r_all[i, j]), 6),
        }
        for i, j in combinations(range(len(values)), 2)
    ]
    pillars = []
    for p, name in enumerate(model.framework.pillar_names):
        ks = [k for k, s in enumerate(model.specs) if s.pillar == p]
        names = [model.specs[k].name for k in ks]
        shared = values[ks[0]][0]
        for k in ks[1:]:
            shared = np.intersect1d(shared, values[k][0])
        cols = [values[k][1][np.searchsorted(values[k][0], shared)] for k in ks]
        x = np.stack(cols, axis=1)  # no shared cell: shape (0, len(ks))
        pillars.append(
            {
                "pillar": name,
                **pairwise_structure([values[k] for k in ks], names),
                "complete_case": structure(x, names),
            }
        )
    return {
        "rule": (
            f"|skewness| > {SKEW_LIMIT} and excess kurtosis > {KURTOSIS_LIMIT}: winsorise up to "
            f"{MAX_WINSORISED} values, else log(1 + x / median)"
        ),
        "structure": (
            f"available-case: Pearson r per pair over the cells both observe (n >= {MIN_CELLS}); PCA and "
            "standardised alpha on the largest set of indicators whose every pair has one"
        ),
        "indicators": inds,
        "correlations": corr,
        "pillars": pillars,
    }


def _fmt(v: object, percent: bool = False) -> str:
    """Two decimals, or a whole percentage; '-' for a missing value."""
    if v is None or (isinstance(v, float) and v != v):
        return "-"
    return f"{v:.0%}" if percent else f"{v:.2f}"


def _short(text: str) -> str:
    """``indicator:students_hosted`` -> ``students_hosted`` (for narrow table cells)."""
    return text.replace("indicator:", "")


def table(audit: dict[str, Any], width: int = 180) -> str:
    """The audit as text tables (``softpower index --audit``): treatment per indicator with the
    skew before and after, available-case PCA and alpha per pillar, strong correlations."""
    import io

    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    con = Console(file=buf, width=width, force_terminal=False)
    t = Table(title=f"Indicators: skew rule ({audit['rule']})")
    for col in ("indicator", "pillar", "cells", "recorded", "zeros", "skew", "kurtosis", "treatment"):
        t.add_column(col)
    t.add_column("skew / kurtosis after")
    t.add_column("skew after (non-zero)")
    for r in audit["indicators"]:
        t.add_row(
            r["indicator"],
            r["pillar"],
            str(r["cells"]),
            str(r["recorded"]),
            _fmt(r["share_zero"], percent=True),
            _fmt(r["skew_before"]),
            _fmt(r["kurtosis_before"]),
            r["method"] + ("" if r["method"] == "none" else f" ({r['param']:g})"),
            f"{_fmt(r['skew_after'])} / {_fmt(r['kurtosis_after'])}",
            _fmt(r.get("skew_after_nonzero")),
        )
    con.print(t)
    t = Table(title=f"Pillars: PCA and standardised Cronbach's alpha ({audit.get('structure', '')})")
    for col in (
        "pillar",
        "indicators used",
        "pair n",
        "PC1 share",
        "eigenvalues",
        "loadings",
        "mean r",
        "alpha",
        "complete cells (alpha)",
        "left out / note",
    ):
        t.add_column(col)
    for r in audit["pillars"]:
        cc = r.get("complete_case") or {}
        if r.get("used"):
            notes = [f"{_short(x['indicator'])}: {_short(x['why'])}" for x in r["left_out"]]
        else:
            notes = []
        if r.get("note"):
            notes.append(r["note"])
        t.add_row(
            r["pillar"],
            "\n".join(_short(x) for x in r.get("used") or []) or "-",
            "-" if r.get("pair_n_min") is None else f"{r['pair_n_min']}-{r['pair_n_max']}",
            _fmt(r["first_component_share"]),
            " ".join(f"{v:.2f}" for v in r["eigenvalues"] or []),
            " ".join(f"{v:.2f}" for v in r["loadings"] or []),
            _fmt(r.get("mean_r")),
            _fmt(r["alpha"]),
            f"{cc.get('n', 0)} ({_fmt(cc.get('alpha'))})",
            "\n".join(notes),
        )
    con.print(t)
    t = Table(title="Strong correlations between indicators (Pearson, cells both observe, |r| >= 0.5)")
    for col in ("a", "b", "n", "r"):
        t.add_column(col)
    for r in audit["correlations"]:
        if r["r"] is not None and abs(r["r"]) >= 0.5:
            t.add_row(r["a"], r["b"], str(r["n"]), _fmt(r["r"]))
    con.print(t)
    return buf.getvalue()


#: A leader call that rests on fewer primary indicators shared with the runner-up says so.
MIN_SUPPORT = 2


def support(leader_mask: int, runner_mask: int | None, indicators: list[str] | None) -> list[str]:
    """The primary indicators a leader call rests on: observed for both the leader and the
    runner-up (for a lone donor: for the leader), secondary ``roots:`` stocks left out.

    A leader call's evidence is counted in *indicators* (each its own dataset and unit), not
    in facts: one OECD DAC2a country-year total is one fact though it summarises hundreds of
    transactions, while an essay's sentences are many facts about one programme. The roots
    stocks re-count the engagement records that the money indicators already use, so they
    add no independent evidence. ``leader_mask``/``runner_mask`` are the bit masks of
    ``indicators_observed`` (bit ``k`` = ``indicators[k]``).
    """
    if not indicators:
        return []
    mask = int(leader_mask) if runner_mask is None else int(leader_mask) & int(runner_mask)
    return [name for k, name in enumerate(indicators) if mask >> k & 1 and not name.startswith("roots:")]
