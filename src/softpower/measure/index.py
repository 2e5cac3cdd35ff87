"""Composite index outputs: dyad scores and rank intervals, actor totals, partner leaders."""

from __future__ import annotations

import numpy as np
import pandas as pd

from softpower.measure.engine import Model, actor_totals, competition_ranks
from softpower.measure.uncertainty import RankDistribution


def dyad_frame(
    model: Model, scores: np.ndarray, ranks: np.ndarray, dist: RankDistribution | None
) -> pd.DataFrame:
    """One row per year × actor × partner (actor ≠ partner): score, rank and rank interval.

    ``scores`` and ``ranks`` are the nominal ``[year, actor, partner]`` arrays. Without a
    distribution the interval collapses to the nominal rank.
    """
    inp = model.inputs
    y, a, p = np.meshgrid(
        np.arange(len(model.yo)), np.arange(len(inp.actors)), np.arange(len(inp.partners)), indexing="ij"
    )
    keep = np.broadcast_to(model.valid, scores.shape)
    y, a, p = y[keep], a[keep], p[keep]
    rank = ranks[keep]
    if dist is None:
        med = lo = hi = rank
        lead = (rank == 1).astype(float)
    else:
        med = dist.dyad_quantiles(0.5)[keep]
        lo = dist.dyad_quantiles(0.05)[keep]
        hi = dist.dyad_quantiles(0.95)[keep]
        lead = dist.lead_share()[keep]
    return pd.DataFrame(
        {
            "actor": np.asarray(inp.actors)[a],
            "partner": np.asarray(inp.partners)[p],
            "year": inp.out_years[y].astype(int),
            "score": scores[keep],
            "rank": rank.astype(int),
            "rank_median": np.asarray(med).astype(int),
            "rank_lo": np.asarray(lo).astype(int),
            "rank_hi": np.asarray(hi).astype(int),
            "lead_share": lead,
        }
    )


def actor_frame(model: Model, scores: np.ndarray, dist: RankDistribution | None) -> pd.DataFrame:
    """Actor totals per year: the sum of dyad scores over partners (outward influence)."""
    inp = model.inputs
    totals = actor_totals(scores)
    ranks = competition_ranks(totals, axis=-1)
    y, a = np.meshgrid(np.arange(len(model.yo)), np.arange(len(inp.actors)), indexing="ij")
    if dist is None:
        med = lo = hi = ranks
    else:
        med, lo, hi = (dist.total_quantiles(q) for q in (0.5, 0.05, 0.95))
    return pd.DataFrame(
        {
            "actor": np.asarray(inp.actors)[a.ravel()],
            "year": inp.out_years[y.ravel()].astype(int),
            "total": totals.ravel(),
            "rank": ranks.ravel().astype(int),
            "rank_median": np.asarray(med).ravel().astype(int),
            "rank_lo": np.asarray(lo).ravel().astype(int),
            "rank_hi": np.asarray(hi).ravel().astype(int),
        }
    )


def leader_frame(dyads: pd.DataFrame) -> pd.DataFrame:
    """Per partner and year: who leads, the runner-up and the margin between their scores.

    Actors sharing the top score are joined with ``+`` as joint leaders, and ``margin`` is
    their lead over the runner-up (the best actor below them); when every actor ties
    (typically all at zero, before any engagement) nobody leads, ``leader`` is empty and
    the margin is 0. ``lead_share`` is the Monte Carlo share of draws in which the
    leader ranks first.
    """
    keys = ["partner", "year"]
    d = dyads.sort_values([*keys, "score", "actor"], ascending=[True, True, False, True], kind="stable")
    top = d.loc[d["rank"] == 1].groupby(keys, sort=True)
    out = top.agg(
        leader=("actor", "+".join),
        score=("score", "first"),
        n_top=("actor", "size"),
        lead_share=("lead_share", "first"),
    ).reset_index()
    runner = (
        d.loc[d["rank"] > 1]
        .groupby(keys, sort=True)
        .agg(runner_up=("actor", "first"), runner_up_score=("score", "first"))
        .reset_index()
    )
    out = out.merge(runner, on=keys, how="left")
    n_actors = d.groupby(keys, sort=True).size().to_numpy()
    leads = out["n_top"].to_numpy() < n_actors
    out["leader"] = pd.Series(
        [name if ok else None for name, ok in zip(out["leader"], leads, strict=True)], dtype=object
    )
    out["lead_share"] = out["lead_share"].where(leads)
    out["margin"] = (out["score"] - out["runner_up_score"]).fillna(0.0)
    out["year"] = out["year"].astype(int)
    cols = ["partner", "year", "leader", "score", "runner_up", "runner_up_score", "margin", "lead_share"]
    return out[cols]
