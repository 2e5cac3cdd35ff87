"""Composite index outputs: dyad scores, actor totals, **the** leaders table, explanations.

:func:`leaders_table` and :func:`explain` are the library's single answers to "who leads"
and "why": the CLI, the report and the dashboard all call them (no second computation).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.measure.audit import MIN_SUPPORT, support
from softpower.measure.engine import AGG_NAMES, Model
from softpower.measure.uncertainty import RankDistribution, _total_ranks


def dyad_frame(
    model: Model,
    scores: np.ndarray,
    ranks: np.ndarray,
    dist: RankDistribution | None,
    nominal_lead: np.ndarray,
) -> pd.DataFrame:
    """One row per observed cell (actor ≠ partner): score, rank, rank interval, probability of
    leading, coverage (share of the nominal weight observed), indicator mask and facts."""
    c = model.cells
    if dist is None:
        med = lo = hi = ranks
        lead = np.zeros(len(c))
        lead[nominal_lead[nominal_lead >= 0]] = 1.0
    else:
        med, lo, hi = (dist.cell_quantiles(q) for q in (0.5, 0.05, 0.95))
        lead = dist.lead_share()
    share, mask = model.coverage()
    out = pd.DataFrame(
        {
            "actor": np.asarray(c.actors)[c.actor],
            "partner": np.asarray(c.partners)[c.partner],
            "year": c.year.astype(int),
            "score": scores,
            "rank": ranks.astype(int),
            "rank_median": np.asarray(med).astype(int),
            "rank_lo": np.asarray(lo).astype(int),
            "rank_hi": np.asarray(hi).astype(int),
            "lead_share": lead,
            "coverage": np.round(share, 12),
            "indicators_observed": mask,
            "n_facts": model.facts().astype(int),
        }
    )
    return out.loc[~np.isnan(scores)].reset_index(drop=True)


def actor_frame(model: Model, scores: np.ndarray, dist: RankDistribution | None) -> pd.DataFrame:
    """Actor totals per year: the sum of observed dyad scores over partners (outward reach)."""
    totals = model.actor_totals(scores)
    ranks = _total_ranks(totals)
    c = model.cells
    y, a = np.meshgrid(np.arange(len(model.out_years)), np.arange(len(c.actors)), indexing="ij")
    if dist is None:
        med = lo = hi = ranks
    else:
        med, lo, hi = (dist.total_quantiles(q) for q in (0.5, 0.05, 0.95))
    return pd.DataFrame(
        {
            "actor": np.asarray(c.actors)[a.ravel()],
            "year": model.out_years[y.ravel()].astype(int),
            "total": totals.ravel(),
            "rank": ranks.ravel().astype(int),
            "rank_median": np.asarray(med).ravel().astype(int),
            "rank_lo": np.asarray(lo).ravel().astype(int),
            "rank_hi": np.asarray(hi).ravel().astype(int),
        }
    )


LEADER_COLUMNS = (
    "partner",
    "year",
    "leader",
    "score",
    "runner_up",
    "runner_up_score",
    "margin",
    "lead_share",
    "n_compared",
    "leader_coverage",
    "runner_up_coverage",
    "comparable",
    "n_facts",
    "support",
    "support_indicators",
    "note",
)


def leaders_table(source: Any, year: int | None = None, min_support: int = MIN_SUPPORT) -> pd.DataFrame:
    """The one leaders table: per partner and year, who leads, by how much, how surely, on what.

    Parameters
    ----------
    source
        An :class:`~softpower.measure.api.IndexResult` or its ``dyads`` frame.
    year
        Keep this year only.
    min_support
        Leader calls resting on fewer primary indicators shared with the runner-up are noted
        as thin (:func:`softpower.measure.audit.support`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`LEADER_COLUMNS`. Actors sharing the top score are joined with ``+``;
        when every compared actor ties nobody leads (``leader`` empty, margin 0).
        ``lead_share`` is the Monte Carlo probability that the leader leads alone.
        ``n_compared`` counts the donors observed in that partner-year (donors no source
        observes there are not compared, never scored 0). ``comparable`` is false when the
        leader and the runner-up are not observed on the same indicators, or when the leader
        is the only donor observed; ``note`` says why. ``support`` counts the primary
        indicators observed for both the leader and the runner-up (named in
        ``support_indicators``; roots stocks re-count records and are left out); ``note``
        says when it is below ``min_support``. ``n_facts`` (the leader cell's facts) is
        shown, not used: one dataset total is one fact.

    Examples
    --------
    >>> from softpower.measure import leaders_table, run_index  # doctest: +SKIP
    >>> leaders_table(run_index("l.duckdb", mc=200), year=2015)  # doctest: +SKIP
    """
    dyads = source.dyads if hasattr(source, "dyads") else source
    meta = getattr(source, "meta", None) or {}
    names = meta.get("indicators")
    if year is not None:
        dyads = dyads.loc[dyads["year"] == year]
    if dyads.empty:
        return pd.DataFrame({c: [] for c in LEADER_COLUMNS})
    keys = ["partner", "year"]
    # within each partner-year: best score first, ties by actor (the groupby below orders the blocks)
    d = dyads.sort_values(["score", "actor"], ascending=[False, True])
    has_cov = "coverage" in d
    if not has_cov:
        d = d.assign(coverage=np.nan, indicators_observed=0, n_facts=0)
    top = d.loc[d["rank"] == 1].groupby(keys)
    out = top.agg(
        leader=("actor", "+".join),
        score=("score", "first"),
        n_top=("actor", "size"),
        lead_share=("lead_share", "first"),
        leader_coverage=("coverage", "first"),
        leader_mask=("indicators_observed", "first"),
        n_facts=("n_facts", "first"),
    ).reset_index()
    runner = (
        d.loc[d["rank"] > 1]
        .groupby(keys)
        .agg(
            runner_up=("actor", "first"),
            runner_up_score=("score", "first"),
            runner_up_coverage=("coverage", "first"),
            runner_mask=("indicators_observed", "first"),
        )
        .reset_index()
    )
    out = out.merge(runner, on=keys, how="left")
    n_actors = d.groupby(keys).size().to_numpy()
    out["n_compared"] = n_actors
    leads = out["n_top"].to_numpy() < n_actors
    single = n_actors == 1
    out["leader"] = pd.Series(
        [name if ok or one else None for name, ok, one in zip(out["leader"], leads, single, strict=True)],
        dtype=object,
    )
    out["lead_share"] = out["lead_share"].where(leads | single)
    out["margin"] = (out["score"] - out["runner_up_score"]).fillna(0.0)
    same = out["leader_mask"].to_numpy() == out["runner_mask"].fillna(-1).to_numpy()
    comparable = same & ~single & (out["n_top"].to_numpy() == 1)
    notes: list[str] = []
    supports: list[int] = []
    shared_names: list[str] = []
    for r, ok, one, lead_ok in zip(out.itertuples(), comparable, single, leads, strict=True):
        parts = []
        if one:
            parts.append("only donor observed: not comparable")
        elif not lead_ok:
            parts.append("all compared donors tie")
        elif not ok and r.n_top == 1:
            parts.append(
                f"not comparable: the leader is observed on {r.leader_coverage:.0%} of the weight, "
                f"the runner-up on {r.runner_up_coverage:.0%}, not the same indicators"
                if has_cov
                else "not comparable"
            )
        rm = None if one or pd.isna(r.runner_mask) else r.runner_mask
        shared = support(r.leader_mask, rm, names) if has_cov else []
        supports.append(len(shared))
        shared_names.append(", ".join(shared))
        if r.leader is not None and has_cov and names and len(shared) < min_support:
            parts.append(
                f"rests on {len(shared)} indicator(s) shared with the runner-up (fewer than {min_support})"
                if not one
                else f"rests on {len(shared)} indicator(s) (fewer than {min_support})"
            )
        notes.append("; ".join(parts))
    out["comparable"] = comparable
    out["note"] = notes
    out["year"] = out["year"].astype(int)
    out["n_facts"] = out["n_facts"].astype(int)
    out["support"] = supports
    out["support_indicators"] = shared_names
    return out[list(LEADER_COLUMNS)].reset_index(drop=True)


EXPLAIN_COLUMNS = (
    "actor",
    "rank",
    "score",
    "coverage",
    "pillar",
    "pillar_weight",
    "indicator",
    "source",
    "raw",
    "value",
    "weight",
    "contribution",
)


def explain(result: Any, partner: str, year: int) -> pd.DataFrame:
    """Why does a donor lead in ``partner`` in ``year``? Per donor, per pillar and indicator.

    Parameters
    ----------
    result
        An :class:`~softpower.measure.api.IndexResult` (in-process: it carries the model).
    partner, year
        The partner state (ISO3) and year.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EXPLAIN_COLUMNS`, one row per donor observed there and indicator of the
        framework. ``source`` is the alternative that supplied the value (empty and
        ``value`` missing where no source observes the donor: not comparable, not zero);
        ``raw`` is the value before treatment and normalisation; ``weight`` the effective
        weight after rescaling over the observed indicators; ``contribution = weight ×
        value``, so a donor's contributions add up to its score (for the geometric mean
        they add up to ``log(1 + score)``). Sorted by rank, then pillar order.
    """
    model: Model | None = getattr(result, "model", None)
    if model is None:
        raise SoftpowerError("explain: the result carries no model (run run_index in this process)")
    partner = str(partner).upper()
    c = model.cells
    if partner not in c.partners:
        raise SoftpowerError(
            f"--explain: {partner} is not a partner of the index (expected an ISO3 code it scores)"
        )
    p = c.partners.index(partner)
    cells = np.flatnonzero((c.partner == p) & (c.year == year))
    if len(cells) == 0:
        raise SoftpowerError(f"--explain: no donor is observed in {partner} in {year}")
    d = model.nominal()
    src, drop, split, imp, norm, agg, hl, amt = d.row(0)
    _, den = model.pillar_parts(d, 0)
    pw = d.weights[0]
    wpil = pw[:, None] * (den[:, cells] > 0)
    wpil = wpil / np.where(wpil.sum(axis=0) > 0, wpil.sum(axis=0), 1.0)
    dy = result.dyads
    here = dy.loc[(dy["partner"] == partner) & (dy["year"] == year)].set_index("actor")
    rows = []
    for k, spec in enumerate(model.specs):
        ids, x = model.variant(k, src[k], split, hl, amt, imp, norm, agg)
        rid, raw, alt = model.coalesced(k, src[k], split, hl, amt, imp)
        pos = np.searchsorted(ids, cells)
        pos = np.minimum(pos, max(len(ids) - 1, 0))
        hit = (len(ids) > 0) & (ids[pos] == cells) if len(ids) else np.zeros(len(cells), dtype=bool)
        for j, cell in enumerate(cells):
            actor = c.actors[c.actor[cell]]
            wp = float(wpil[spec.pillar, j])
            if hit[j]:
                v, r = float(x[pos[j]]), float(raw[pos[j]])
                w = wp * spec.weight / float(den[spec.pillar, cell])
                source, contrib = spec.alts[int(alt[pos[j]])], w * v
            else:
                v = r = w = contrib = float("nan")
                source = ""
            info = here.loc[actor] if actor in here.index else None
            rows.append(
                {
                    "actor": actor,
                    "rank": int(info["rank"]) if info is not None else 0,
                    "score": float(info["score"]) if info is not None else float("nan"),
                    "coverage": float(info["coverage"]) if info is not None else 0.0,
                    "pillar": model.framework.pillar_names[spec.pillar],
                    "pillar_weight": wp,
                    "indicator": spec.name,
                    "source": source,
                    "raw": r,
                    "value": v,
                    "weight": w,
                    "contribution": contrib,
                }
            )
    out = pd.DataFrame(rows, columns=list(EXPLAIN_COLUMNS))
    out.attrs["aggregation"] = AGG_NAMES[agg]
    return out.sort_values(["rank", "actor"], ignore_index=True)
