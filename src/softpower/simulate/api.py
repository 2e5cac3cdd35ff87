"""Public entry points of the simulate stage: run a scenario, list scenarios, write results."""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.outputs import write_output
from softpower.records.vocab import members
from softpower.simulate.ensemble import Progress, ensemble
from softpower.simulate.init import build_inputs, opened, perception_observations, start_states
from softpower.simulate.scenario import Scenario, load_scenario
from softpower.simulate.strategies import named_allocations

QUANTILES = (5, 50, 95)
DECIMALS = 6
FORMATS = ("table", "json", "csv", "parquet")
MODEL_VERSION = "softpower-simulate/2"
#: Groups whose members' mean is reported per run (``regional``).
REGIONS = ("ASEAN",)
SERIES_COLUMNS = ["donor", "partner", "year", "metric", "p05", "p50", "p95"]
EFFECT_COLUMNS = ["donor", "partner", "year", "metric", "p05", "p50", "p95", "mean", "p_positive"]
#: Trajectories of every run are kept to take quantiles: refuse ensembles that would need more.
MAX_TRAJECTORY_BYTES = 4 * 2**30


@dataclass
class ScenarioResult:
    """Quantiles of trust and alignment per donor, partner and year, with the run's metadata.

    ``series`` has columns ``donor, partner, year, metric, p05, p50, p95`` (metrics
    ``trust`` and ``alignment``); ``meta`` names the scenario, runs, seed and inputs.
    """

    series: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)
    #: Paired effects, scenario minus reference per run (same seeds): ``donor, partner, year,
    #: metric, p05, p50, p95, mean, p_positive`` (metrics ``trust``, ``alignment``, and
    #: ``hedging`` with donor ``*``); partner ``ASEAN`` rows are the members' mean per run.
    #: Empty for the reference itself.
    effects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EFFECT_COLUMNS))
    #: Start state of every donor x partner: ``value, level, sd, source, age, n_polls``.
    start_states: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: Group means per run (``partner`` = group): same columns as ``series``.
    regional: pd.DataFrame = field(default_factory=pd.DataFrame)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"series", "regional", "effects", "start_states", "meta"}`` (lists of rows)."""
        return {
            "series": self.series.to_dict(orient="records"),
            "regional": self.regional.to_dict(orient="records"),
            "effects": self.effects.to_dict(orient="records"),
            "start_states": self.start_states.to_dict(orient="records"),
            "meta": self.meta,
        }

    def effect_at(self, year: int, partner: str = "ASEAN", metric: str = "trust") -> pd.DataFrame:
        """Paired effects of ``metric`` in ``partner`` (a member or a group) in ``year``, per donor."""
        e = self.effects
        return e.loc[(e["year"] == year) & (e["partner"] == partner) & (e["metric"] == metric)].reset_index(
            drop=True
        )

    def to_json(self) -> bytes:
        """Deterministic JSON bytes (same seed → same bytes)."""
        return orjson.dumps(self.to_dict(), option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY) + b"\n"

    def summary(self) -> pd.DataFrame:
        """Start and final year per donor, partner and metric: ``p50 [p05, p95]``."""
        s = self.series
        first, last = s["year"].min(), s["year"].max()
        e = self.effects
        eff = {
            (
                r.donor,
                r.partner,
                r.metric,
            ): f"{r.p50:+.3f} [{r.p05:+.3f}, {r.p95:+.3f}] P>0={r.p_positive:.2f}"
            for r in e.loc[e["year"] == last].itertuples(index=False)
        }
        rows = []
        frames = [s] if self.regional.empty else [s, self.regional]
        for (d, p, m), g in pd.concat(frames).groupby(["donor", "partner", "metric"], sort=False):
            a, b = g.loc[g["year"] == first].iloc[0], g.loc[g["year"] == last].iloc[0]
            row = {
                "donor": d,
                "partner": p,
                "metric": m,
                str(first): f"{a.p50:.3f}",
                str(last): f"{b.p50:.3f} [{b.p05:.3f}, {b.p95:.3f}]",
                "change": f"{b.p50 - a.p50:+.3f}",
            }
            if eff:
                row[f"effect {last} [5-95 %]"] = eff.get((d, p, m), "")
            rows.append(row)
        return pd.DataFrame(rows)


def list_scenarios() -> list[tuple[str, str]]:
    """Shipped scenarios as ``(name, description)``."""
    from softpower.simulate.scenario import list_scenarios as _list

    return _list()


def _series(
    sc: Scenario, donors: tuple[str, ...], partners: tuple[str, ...], arrays: dict[str, np.ndarray]
) -> pd.DataFrame:
    years, nd, np_ = np.asarray(sc.years), len(donors), len(partners)
    frames = []
    for metric, arr in arrays.items():
        q = np.percentile(arr, QUANTILES, axis=0)  # (3, years, D, P)
        q = np.round(q.transpose(0, 2, 3, 1).reshape(3, -1), DECIMALS)  # (3, D * P * years)
        frames.append(
            pd.DataFrame(
                {
                    "donor": np.repeat(donors, np_ * len(years)),
                    "partner": np.tile(np.repeat(partners, len(years)), nd),
                    "year": np.tile(years, nd * np_),
                    "metric": metric,
                    "p05": q[0],
                    "p50": q[1],
                    "p95": q[2],
                }
            )
        )
    # a sort on several columns is always stable in pandas (its kind applies to one column only)
    out = pd.concat(frames).sort_values(["donor", "partner", "year", "metric"], ignore_index=True)
    return out.astype({"donor": str, "partner": str, "year": int, "metric": str})


def _quantiles(
    arr: np.ndarray, years: list[int], donors: tuple[str, ...], partners: tuple[str, ...], metric: str
) -> pd.DataFrame:
    """Per (year, donor, partner) quantiles, mean and P(> 0) of ``arr`` ``(runs, years, D, P)``."""
    q = np.percentile(arr, QUANTILES, axis=0)
    nd, np_ = len(donors), len(partners)
    return pd.DataFrame(
        {
            "donor": np.tile(np.repeat(donors, np_), len(years)),
            "partner": np.tile(partners, nd * len(years)),
            "year": np.repeat(years, nd * np_),
            "metric": metric,
            "p05": np.round(q[0].ravel(), DECIMALS),
            "p50": np.round(q[1].ravel(), DECIMALS),
            "p95": np.round(q[2].ravel(), DECIMALS),
            "mean": np.round(arr.mean(axis=0).ravel(), DECIMALS),
            "p_positive": np.round((arr > 0).mean(axis=0).ravel(), DECIMALS),
        }
    )


def hedging(align: np.ndarray) -> np.ndarray:
    """Hedging of each partner per run and year: the normalised entropy of its alignment across donors.

    1 = alignment spread evenly over the donors, 0 = aligned with one donor only.
    ``align`` is ``(runs, years, D, P)``; returns ``(runs, years, 1, P)``.
    """
    a = np.clip(align, 1e-12, 1.0)
    h = -(a * np.log(a)).sum(axis=2, keepdims=True)
    return np.asarray(h / np.log(align.shape[2])) if align.shape[2] > 1 else np.zeros_like(h)


def _regional(
    arrays: dict[str, np.ndarray], partners: tuple[str, ...], year: int
) -> dict[str, tuple[np.ndarray, list[str]]]:
    """Mean over each group's members present, per run: metric → (array (R, Y, D, G), groups)."""
    cols, names = [], []
    for g in REGIONS:
        idx = [partners.index(m) for m in members(g, year) if m in partners]
        if idx:
            cols.append(idx)
            names.append(g)
    return {
        m: (np.stack([a[..., ix].mean(axis=-1) for ix in cols], axis=-1), names)
        for m, a in arrays.items()
        if cols
    }


def _comparable(budgets: dict[str, dict[str, Any]]) -> str:
    """Whether the donors' budgets share one money basis (commitment vs disbursement, observed vs declared)."""
    bases = {b.get("amount_basis", "declared") for b in budgets.values()}
    if len(bases) <= 1:
        return f"yes: all {next(iter(bases), 'none')}"
    by = ", ".join(f"{d} {b.get('amount_basis', 'declared')}" for d, b in budgets.items())
    return f"not comparable: budgets on different bases ({by}); effects within a donor are, levels across donors are not"


def reference_for(sc: Scenario) -> Scenario | None:
    """The reference a scenario's effects are measured against, or ``None`` if it is one.

    The same start year, horizon, partners, donors, runs, seed and parameters; no dated
    changes and no shocks; and each donor's strategy as in the shipped baseline (a donor
    the baseline lacks keeps the scenario's). A custom scenario is thus compared with a
    baseline over its own partners and horizon.
    """
    base = load_scenario("baseline")
    donors = {d: base.donors.get(d, strat) for d, strat in sc.donors.items()}
    # a donor of the baseline takes its weights (load_scenario gives every donor an entry)
    weights = dict(sc.partner_weights) | {
        d: base.partner_weights[d] for d in donors if d in base.partner_weights
    }
    ref = replace(sc, name="baseline", changes=(), shocks=(), donors=donors, partner_weights=weights)
    if (
        ref.donors == sc.donors
        and ref.partner_weights == sc.partner_weights
        and not sc.changes
        and not sc.shocks
    ):
        return None
    return ref


def run_scenario(
    scenario: str | Path | Scenario,
    ledger: Any = None,
    *,
    runs: int | None = None,
    seed: int | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    priors: bool = False,
    paired: bool = True,
) -> ScenarioResult:
    """Run a scenario as a seeded ensemble and summarise it by quantiles and paired effects.

    Parameters
    ----------
    scenario
        A shipped scenario name (see :func:`list_scenarios`), a YAML path, or a loaded
        :class:`~softpower.simulate.scenario.Scenario`.
    ledger
        An open :class:`softpower.ledger.Ledger` or a ledger path: initial roots, partner
        shares and trust come from it; ``None`` uses the declared priors only.
    runs, seed
        Override the scenario's number of runs and seed.
    workers, scheduler
        Local processes, or the address of a Dask distributed scheduler.
    progress
        Called as ``progress(done, total)`` after each chunk of runs.
    priors
        Use the declared priors of every parameter (``sim_parameters.csv``) instead of the
        calibrated ones (``sim_calibrated.csv``).
    paired
        Also run the reference (:func:`reference_for`) with the same seeds and report
        scenario minus reference per run.

    Returns
    -------
    ScenarioResult
        Median and 5-95 % band of trust and alignment, paired effects with their band and
        P(effect > 0), start states with source and age; the same seed gives identical output.

    Examples
    --------
    >>> res = run_scenario("baseline", runs=20, seed=1)
    >>> sorted(res.series["metric"].unique())
    ['alignment', 'trust']
    """
    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    n = sc.runs if runs is None else runs
    s = sc.seed if seed is None else seed
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise SoftpowerError(f"runs: {n!r} (expected an integer >= 1)")
    if isinstance(s, bool) or not isinstance(s, int) or s < 0:
        raise SoftpowerError(f"seed: {s!r} (expected an integer >= 0)")
    need = n * len(sc.years) * len(sc.donors) * len(sc.partners) * 2 * 8
    if need > MAX_TRAJECTORY_BYTES:
        raise SoftpowerError(
            f"runs: {n} runs would keep {need / 2**30:.1f} GiB of trajectories "
            f"(expected at most {MAX_TRAJECTORY_BYTES / 2**30:.0f} GiB: fewer runs, partners or years)"
        )
    ref = reference_for(sc) if paired else None
    with opened(ledger) as led:
        inp = build_inputs(sc, led)
        ref_inp = None if ref is None else build_inputs(ref, led)
        where = None if led is None else str(getattr(led, "path", "ledger"))
        states = start_states(perception_observations(led), inp.donors, inp.partners, sc.start_year)
    kw: dict[str, Any] = {"noise": sc.noise, "priors": priors, "workers": workers, "scheduler": scheduler}
    trust, align = ensemble(inp, n, s, sc.parameters, progress=progress, **kw)
    series = _series(sc, inp.donors, inp.partners, {"trust": trust, "alignment": align})
    hedge = hedging(align)
    arrays = {"trust": trust, "alignment": align}
    regional = []
    for metric, (arr, groups) in _regional(arrays, inp.partners, sc.start_year).items():
        regional.append(_quantiles(arr, sc.years, inp.donors, tuple(groups), metric))
    regional.append(_quantiles(hedge, sc.years, ("*",), inp.partners, "hedging"))
    effects = pd.DataFrame(columns=EFFECT_COLUMNS)
    if ref_inp is not None:
        r_trust, r_align = ensemble(ref_inp, n, s, sc.parameters, **kw)
        diff = {"trust": trust - r_trust, "alignment": align - r_align}
        frames = [_quantiles(a, sc.years, inp.donors, inp.partners, m) for m, a in diff.items()]
        for metric, (arr, groups) in _regional(diff, inp.partners, sc.start_year).items():
            frames.append(_quantiles(arr, sc.years, inp.donors, tuple(groups), metric))
        frames.append(_quantiles(hedge - hedging(r_align), sc.years, ("*",), inp.partners, "hedging"))
        effects = pd.concat(frames).sort_values(["donor", "partner", "metric", "year"], ignore_index=True)
    src = pd.Series(inp.t0_source.ravel()).str.split(" ").str[0].value_counts().sort_index()
    from softpower.simulate.params import calibrated

    cal = {k: v.status for k, v in calibrated().items()}
    meta = {
        "scenario": sc.name,
        "description": sc.description,
        "lever": sc.lever,
        "allocations": {
            d: named_allocations(sc.donors[d]) for d in inp.donors if named_allocations(sc.donors[d])
        },
        "model": MODEL_VERSION,
        "runs": n,
        "seed": s,
        "noise": sc.noise,
        "start_year": sc.start_year,
        "horizon": sc.horizon,
        "donors": list(inp.donors),
        "partners": list(inp.partners),
        "strategies": {d: sc.donors[d].name for d in inp.donors},
        "parameter_overrides": dict(sorted(sc.parameters.items())),
        "ledger": where,
        "initial_trust_sources": {str(k): int(v) for k, v in src.items()},
        "budgets": inp.budgets or {},
        "budgets_comparable": _comparable(inp.budgets or {}),
        "parameters": "declared priors (sim_parameters.csv)"
        if priors
        else "calibrated where identified (sim_calibrated.csv), declared priors elsewhere",
        "calibration": {} if priors else cal,
        "reference": None
        if ref is None
        else "baseline strategies, no changes or shocks, same partners, horizon, runs and seeds",
        "quantiles": [q / 100 for q in QUANTILES],
    }
    reg = pd.concat(regional, ignore_index=True)[SERIES_COLUMNS] if regional else pd.DataFrame()
    return ScenarioResult(series, meta, effects, states.table(inp.donors, inp.partners, sc.start_year), reg)


def _csv_frame(result: ScenarioResult) -> pd.DataFrame:
    """Series and group means with the paired effect of each row (``effect_*`` columns)."""
    frame = pd.concat([result.series, result.regional], ignore_index=True)
    if result.effects.empty:
        return frame
    eff = result.effects.rename(
        columns={c: f"effect_{c}" for c in ("p05", "p50", "p95", "mean")}
        | {"p_positive": "p_effect_positive"}
    )
    return frame.merge(eff, on=["donor", "partner", "year", "metric"], how="left")


def write_result(result: ScenarioResult, fmt: str, output: Path | None) -> str | None:
    """Write ``result`` as json, csv or parquet to ``output``; return the text when no file."""
    if fmt not in FORMATS:
        raise SoftpowerError(f"--format: {fmt!r} (expected one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        if output is None:
            raise SoftpowerError("--format parquet: needs --output FILE (binary output)")
        buf = io.BytesIO()
        result.series.to_parquet(buf, index=False)
        write_output(output, buf.getvalue())
        return None
    if fmt == "json":
        text = result.to_json().decode("utf-8")
    elif fmt == "csv":
        text = _csv_frame(result).to_csv(index=False, float_format="%.6f", lineterminator="\n")
    else:
        text = result.summary().to_string(index=False) + "\n"
    if output is None:
        return text
    write_output(output, text)
    return None
