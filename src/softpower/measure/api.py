"""``run_index``: from a ledger to dyad scores with rank intervals, totals, profiles, validity."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.ledger.coverage import scopes as declared_scopes
from softpower.measure.audit import MIN_SUPPORT
from softpower.measure.audit import report as audit_report
from softpower.measure.dyads import _opened
from softpower.measure.engine import Model
from softpower.measure.framework import Framework, check_weights, load_framework
from softpower.measure.index import actor_frame, dyad_frame, leaders_table
from softpower.measure.panel import engagement_rows, load_panel
from softpower.measure.profile import dspd_profile
from softpower.measure.scope import DEFAULT_SCOPE, resolve_partners
from softpower.measure.uncertainty import RankDistribution, index_sensitivity, monte_carlo, sobol_size
from softpower.measure.validity import perception_validity

#: Range (constant USD) for a fact without an amount when fewer than three amounts are known.
FALLBACK_AMOUNT_RANGE = (1e6, 1e8)


@dataclass
class IndexResult:
    """Everything ``run_index`` measured, as DataFrames plus the JSON object of the CLI.

    ``model`` is the compiled :class:`~softpower.measure.engine.Model` (in-process only; it
    backs :func:`softpower.measure.explain`). ``seconds`` are wall-clock timings, kept out of
    ``meta`` so that the same ledger, options and seed give byte-identical files.
    """

    dyads: pd.DataFrame
    actors: pd.DataFrame
    profiles: pd.DataFrame
    leaders: pd.DataFrame
    sensitivity: pd.DataFrame
    validity: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)
    audit: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    model: Any = field(default=None, repr=False)

    def to_dict(self, deterministic: bool = False) -> dict[str, Any]:
        """The json object: ``dyads, actors, profiles, leaders, sensitivity, validity, audit,
        meta`` (plus ``timings`` unless ``deterministic``)."""
        out = {
            "dyads": _records(self.dyads),
            "actors": _records(self.actors),
            "profiles": _records(self.profiles),
            "leaders": _records(self.leaders),
            "sensitivity": _records(self.sensitivity),
            "validity": self.validity,
            "audit": self.audit,
            "meta": self.meta,
        }
        if not deterministic:
            out["timings"] = {k: round(v, 3) for k, v in self.seconds.items()}
        return out


def _clean(v: Any) -> Any:
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _column(s: pd.Series) -> list[Any]:
    """A column as JSON-ready Python values (NaN and infinities as ``None``), column at a time."""
    if pd.api.types.is_float_dtype(s.dtype):
        arr = s.to_numpy(dtype=float)
        out = arr.tolist()
        for i in np.flatnonzero(~np.isfinite(arr)):
            out[i] = None
        return out  # type: ignore[no-any-return]
    if pd.api.types.is_integer_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype):
        return s.to_numpy().tolist()  # type: ignore[no-any-return]
    return [_clean(v) for v in s.tolist()]


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts, built from whole columns (no per-cell pandas access)."""
    names = [str(c) for c in df.columns]
    cols = [_column(df[c]) for c in df.columns]
    return (
        [dict(zip(names, vals, strict=True)) for vals in zip(*cols, strict=True)] if names else [{}] * len(df)
    )


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


#: Known constant-USD amounts of dated engagement facts (one per fact).
AMOUNTS_SQL = """
SELECT min_by(amount_usd_const, record_id) AS amount_usd_const
FROM record_sources WHERE kind = 'engagement' AND amount_usd_const IS NOT NULL
GROUP BY fact_key ORDER BY 1
"""


#: What the panel is computed from: a change to any record, document or group membership
#: changes it (record ids hash the record's content), so a compiled model is never stale.
FINGERPRINT_SQL = """
SELECT (SELECT count(*) FROM records), (SELECT bit_xor(hash(record_id, doc)) FROM records),
       (SELECT count(*) FROM documents), (SELECT bit_xor(hash(d)) FROM documents d),
       (SELECT bit_xor(hash(g)) FROM group_members g)
"""

#: Compiled models kept in this process, keyed by ledger content, framework and filters: a
#: re-weighting (the dashboard's, or any second ``run_index`` call) reuses the panel and every
#: cached indicator variant. One model is kept (a few hundred MB at most).
MODEL_CACHE = 1
_MODELS: OrderedDict[tuple, tuple[Model, list[str], pd.DataFrame, dict[str, int]]] = OrderedDict()  # type: ignore[type-arg]
_MODELS_LOCK = threading.Lock()


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
    workers: int | None = None,
    partners: str | None = DEFAULT_SCOPE,
) -> IndexResult:
    """Measure the composite index from a ledger, with Monte Carlo uncertainty and Sobol indices.

    Parameters
    ----------
    ledger
        An open :class:`softpower.ledger.Ledger` or a ledger path.
    framework
        A :class:`Framework`, a framework YAML path, or ``None`` for the bundled default.
    year
        Report this year only (some indicator must observe it); ``None`` reports every year.
    mc
        Monte Carlo draws; the Sobol analysis of who leads uses about as many evaluations
        again. ``0`` skips both (intervals collapse to the nominal rank).
    seed
        Seed of every random draw (results are reproducible, whatever the worker count).
    min_sources, third_party_only
        Source filters (facts stated by at least N documents; facts with a third-party source).
    weights
        Pillar weights overriding the framework's (non-negative, summing to 1).
    progress
        Called as ``progress(done, total)`` while the draws run.
    workers
        Worker processes (default: ``$SOFTPOWER_WORKERS``, else up to 2).
    partners
        The partner states compared: ``"indo-pacific"`` (the project's partner universe,
        :func:`softpower.measure.scope.partner_universe`), ``"all"``, or comma-separated ISO3
        and group codes. Only dyad-years with at least one fact are scored and ranked.

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
    partner_scope = resolve_partners(partners)
    if min_sources < 1:
        raise SoftpowerError(f"--min-sources: {min_sources} is below 1 (expected an integer >= 1)")
    with _opened(ledger) as led:
        where = str(led.path)
        key = (
            tuple(led.con.execute(FINGERPRINT_SQL).fetchone() or ()),
            repr(fw),
            repr(declared_scopes()),
            min_sources,
            third_party_only,
            partner_scope,
        )
        with _MODELS_LOCK:
            hit = _MODELS.get(key)
        if hit is None:
            panel = load_panel(led, min_sources=min_sources, third_party_only=third_party_only)
            rng_rows = led.con.execute(AMOUNTS_SQL).df()
    if hit is None:
        if panel.engagement.empty and panel.values.empty:
            raise SoftpowerError(
                f"{where}: no dated record with a partner state passes the source filters "
                f"(min_sources={min_sources}, third_party_only={third_party_only}; expected records "
                "imported with `softpower ledger import`)"
            )
        known = set(
            (panel.values[["kind", "name"]].drop_duplicates().astype(str).agg(":".join, axis=1))
            if not panel.values.empty
            else []
        )
        unmatched = [
            a
            for i in fw.indicators
            for a in i.split("|")
            if a.split(":", 1)[0] in ("indicator", "perception") and a not in known and not a.endswith(":any")
        ]
        compiled = Model(panel, fw, amount_range=amount_range(rng_rows), partners=partner_scope)
        perceptions = panel.values.loc[panel.values["kind"] == "perception"].rename(
            columns={"value_equal": "value"}
        )
        hit = (compiled, unmatched, perceptions, panel.notes)
        with _MODELS_LOCK:
            _MODELS[key] = hit
            while len(_MODELS) > MODEL_CACHE:
                _MODELS.popitem(last=False)
    compiled, unmatched, perceptions, notes = hit
    t_panel = time.perf_counter()
    model = compiled if weights is None else compiled.with_weights(weights)
    if year is not None:  # one year is a filter of the whole index (the dashboard shows the same)
        model.check_year(year)
    nominal = model.nominal()
    scores = model.score_one(nominal, 0)
    ranks, nominal_lead = model.ranks(scores)
    # the Sobol output counts the partner-years reported
    c = model.cells
    sobol_lead = nominal_lead if year is None else np.where(c.year[c.group_start] == year, nominal_lead, -1)
    t_nominal = time.perf_counter()
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

        # the agreement with the nominal leaders is for the sensitivity analysis only: not asked here
        dist, _ = monte_carlo(model, mc, seed, progress=tick, workers=workers)
        sens = index_sensitivity(model, mc, seed, sobol_lead, progress=tick, workers=workers)
    t_mc = time.perf_counter()
    dyads = dyad_frame(model, scores, ranks, dist, nominal_lead)
    actors = actor_frame(model, scores, dist)
    if year is not None:
        dyads = dyads.loc[dyads["year"] == year].reset_index(drop=True)
        actors = actors.loc[actors["year"] == year].reset_index(drop=True)
    profiles = dspd_profile(engagement_rows(model.panel))  # the partners compared
    if year is not None:
        profiles = profiles.loc[profiles["year"] == year].reset_index(drop=True)
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
            "split": "equal",
            "treatment": fw.treatment,
        },
        "uncertainty": {
            "draws": mc,
            "sobol_evaluations": int(sens.attrs.get("evaluations", 0)),
            "sobol_output": "share of partner-years whose sole leader is the nominal one",
            "data_source": [model.specs[k].name for k in model.alt_specs],
            "indicator_set": "leave one indicator out (or none), uniformly",
            "split": list(fw.mc_split),
            "normalisation": list(fw.mc_normalisation),
            "imputation": list(fw.mc_imputation),
            "aggregation": list(fw.mc_aggregation),
            "half_life_grid": [float(v) for v in model.half_lives],
            "missing_amount_grid_usd": [float(v) for v in model.amounts],
            "weights": "Dirichlet centred on the nominal weights",
            "note": sens.attrs.get("note"),
        },
        "min_support": MIN_SUPPORT,
        "seed": seed,
        "year": year,
        "partner_scope": "all" if partners is None else partners,
        "min_sources": min_sources,
        "third_party_only": third_party_only,
        "unmatched_indicators": unmatched,
        "indicators": [s.name for s in model.specs],
        "facts": {
            "engagement": notes["facts"],
            "undated": notes["undated"],
            "world_only": notes["world_only"],
            "self_reported_only": notes["self_reported_only"],
        },
        "actors": list(model.cells.actors),
        "partners": list(model.cells.partners),
    }
    result = IndexResult(
        dyads=dyads,
        actors=actors,
        profiles=profiles,
        leaders=pd.DataFrame(),
        sensitivity=sens,
        validity=perception_validity(dyads, perceptions),
        meta=meta,
        audit=audit_report(model),
        model=model,
    )
    result.leaders = leaders_table(result)
    t_end = time.perf_counter()
    result.seconds = {
        "panel": t_panel - t0,
        "nominal": t_nominal - t_panel,
        "monte_carlo_and_sobol": t_mc - t_nominal,
        "outputs": t_end - t_mc,
        "total": t_end - t0,
    }
    return result
