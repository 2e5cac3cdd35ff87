"""``run_index``: from a ledger to dyad scores with rank intervals, totals, profiles, validity."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.measure.dyads import _opened, collapse_facts, ledger_records, panel_from_facts, value_panel
from softpower.measure.engine import Model, build_inputs, competition_ranks
from softpower.measure.framework import Framework, check_weights, load_framework
from softpower.measure.index import actor_frame, dyad_frame, leader_frame
from softpower.measure.profile import dspd_profile
from softpower.measure.uncertainty import RankDistribution, index_sensitivity, monte_carlo, sobol_size
from softpower.measure.validity import perception_validity

#: Range (constant USD) for a fact without an amount when fewer than three amounts are known.
FALLBACK_AMOUNT_RANGE = (1e6, 1e8)


@dataclass
class IndexResult:
    """Everything ``run_index`` measured, as DataFrames plus the JSON object of the CLI."""

    dyads: pd.DataFrame
    actors: pd.DataFrame
    profiles: pd.DataFrame
    leaders: pd.DataFrame
    sensitivity: pd.DataFrame
    validity: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The json object: ``dyads, actors, profiles, leaders, sensitivity, validity, meta``."""
        return {
            "dyads": _records(self.dyads),
            "actors": _records(self.actors),
            "profiles": _records(self.profiles),
            "leaders": _records(self.leaders),
            "sensitivity": _records(self.sensitivity),
            "validity": self.validity,
            "meta": self.meta,
        }


def _clean(v: Any) -> Any:
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): _clean(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def amount_range(facts: pd.DataFrame) -> tuple[float, float]:
    """10th–90th percentile of the known constant-USD amounts of dyadic facts (log-uniform range)."""
    if facts.empty or "amount_usd_const" not in facts:
        return FALLBACK_AMOUNT_RANGE
    known = pd.to_numeric(facts["amount_usd_const"], errors="coerce").dropna()
    known = known[known > 0]
    if len(known) < 3:
        return FALLBACK_AMOUNT_RANGE
    lo, hi = np.percentile(known, [10, 90])
    return (float(lo), float(hi)) if hi > lo else (float(lo) / 10**0.5, float(lo) * 10**0.5)


def _values(led: Any, kind: str, min_sources: int, third_party_only: bool) -> pd.DataFrame:
    out = value_panel(led, kind, min_sources=min_sources, third_party_only=third_party_only)
    return out.assign(family=kind)[["actor", "partner", "year", "family", "name", "value"]]


#: Most Monte Carlo draws accepted (the draw matrices are held in memory: 10^8 draws took 12+ GiB).
MAX_DRAWS = 1_000_000


def check_draws(mc: int) -> None:
    """Refuse a Monte Carlo size below 0 or above :data:`MAX_DRAWS` (one line, exit code 2)."""
    if mc < 0:
        raise SoftpowerError(f"--mc: {mc} is negative (expected a number of draws >= 0)")
    if mc > MAX_DRAWS:
        raise SoftpowerError(
            f"--mc: {mc} draws is too many (expected at most {MAX_DRAWS}; "
            "the draws are held in memory and 1,000 already give stable 5-95 % rank intervals)"
        )


def run_index(
    ledger: Any,
    *,
    framework: Framework | str | Path | None = None,
    year: int | None = None,
    mc: int = 1000,
    seed: int = 0,
    min_sources: int = 1,
    third_party_only: bool = False,
    weights: dict[str, float] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IndexResult:
    """Measure the composite index from a ledger, with Monte Carlo rank intervals and Sobol indices.

    Parameters
    ----------
    ledger
        An open :class:`softpower.ledger.Ledger` or a ledger path.
    framework
        A :class:`Framework`, a framework YAML path, or ``None`` for the bundled default.
    year
        Report this year only (it must have engagement data); ``None`` reports every year.
    mc
        Monte Carlo draws for the rank intervals; the Sobol analysis uses about as many
        evaluations again. ``0`` skips both (intervals collapse to the nominal rank).
    seed
        Seed of every random draw (results are reproducible).
    min_sources, third_party_only
        Source filters of :func:`softpower.measure.engagement_panel`.
    weights
        Pillar weights overriding the framework's (non-negative, summing to 1).
    progress
        Called as ``progress(done, total)`` while the Monte Carlo and Sobol draws run.

    Returns
    -------
    IndexResult

    References
    ----------
    OECD and JRC (2008). *Handbook on Constructing Composite Indicators*. OECD, Paris.
    """
    t0 = time.perf_counter()
    fw = framework if isinstance(framework, Framework) else load_framework(framework)
    if weights is not None:
        weights = check_weights(weights, fw.pillar_names, "--weight")
    check_draws(mc)
    with _opened(ledger) as led:
        where = str(getattr(led, "path", "ledger"))
        eng = ledger_records(led, "engagement")
        if eng.empty:
            raise SoftpowerError(
                f"{where}: the ledger has no engagement records (expected records imported with `softpower ledger import`)"
            )
        facts = collapse_facts(eng, min_sources=min_sources, third_party_only=third_party_only)
        panel = panel_from_facts(facts)
        if panel.empty:
            raise SoftpowerError(
                f"{where}: no dated engagement fact with a partner state passes the source filters "
                f"(min_sources={min_sources}, third_party_only={third_party_only})"
            )
        values = pd.concat(
            [_values(led, k, min_sources, third_party_only) for k in ("indicator", "perception")],
            ignore_index=True,
        )
    known = {f"{f}:{n}" for f, n in zip(values["family"], values["name"], strict=True)}
    unmatched = [
        i for i in fw.indicators if i.split(":", 1)[0] in ("indicator", "perception") and i not in known
    ]
    dated = facts.loc[facts["year"].notna()]
    inputs = build_inputs(panel, values, fw, amount_range(dated), year)
    model = Model(inputs, fw, weights)
    scores = model.scores(model.nominal())[0]
    ranks = competition_ranks(scores, axis=-2)
    dist: RankDistribution | None = None
    sens = pd.DataFrame(
        {"choice": [], "first_order": [], "first_order_conf": [], "total": [], "total_conf": []}
    )
    if mc > 0:
        total, done = mc + sobol_size(model, mc), [0]

        def tick(n: int) -> None:
            done[0] += n
            if progress is not None:
                progress(done[0], total)

        dist, _ = monte_carlo(model, mc, seed, ranks, progress=tick)
        sens = index_sensitivity(model, mc, seed, ranks, progress=tick)
    dyads = dyad_frame(model, scores, ranks, dist)
    profiles = dspd_profile(panel)
    if year is not None:
        profiles = profiles.loc[profiles["year"] == year].reset_index(drop=True)
    perceptions = values.loc[values["family"] == "perception"]
    meta = {
        "framework": fw.name,
        "framework_source": fw.source,
        "pillars": {p.name: list(p.indicators) for p in fw.pillars},
        "weights": dict(zip(fw.pillar_names, map(float, model.nominal_weights), strict=True)),
        "choices": {
            "imputation": fw.imputation,
            "normalisation": fw.normalisation,
            "weighting": "user" if weights is not None else fw.weighting,
            "aggregation": fw.aggregation,
            "half_life": fw.half_life,
        },
        "uncertainty": {
            "draws": mc,
            "sobol_evaluations": int(sens.attrs.get("evaluations", 0)),
            "normalisation": list(fw.mc_normalisation),
            "imputation": list(fw.mc_imputation),
            "half_life_range": list(fw.half_life_range),
            "missing_amount_range_usd": list(inputs.amount_range),
            "weights": "Dirichlet centred on the nominal weights",
            "note": sens.attrs.get("note"),
        },
        "seed": seed,
        "year": year,
        "min_sources": min_sources,
        "third_party_only": third_party_only,
        "unmatched_indicators": unmatched,
        "facts": {
            "engagement": len(facts),
            "undated": int(facts["year"].isna().sum()),
            "self_reported_only": int(facts["self_only"].sum()),
        },
        "actors": list(inputs.actors),
        "partners": list(inputs.partners),
        "seconds": round(time.perf_counter() - t0, 3),
    }
    return IndexResult(
        dyads=dyads,
        actors=actor_frame(model, scores, dist),
        profiles=profiles,
        leaders=leader_frame(dyads),
        sensitivity=sens,
        validity=perception_validity(dyads, perceptions),
        meta=meta,
    )
