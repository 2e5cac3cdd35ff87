"""Public entry points of the simulate stage: run a scenario, list scenarios, write results."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.outputs import write_output
from softpower.simulate.ensemble import Progress, ensemble
from softpower.simulate.init import build_inputs, opened
from softpower.simulate.scenario import Scenario, load_scenario

QUANTILES = (5, 50, 95)
DECIMALS = 6
FORMATS = ("table", "json", "csv", "parquet")
MODEL_VERSION = "softpower-simulate/1"
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

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"series": [{donor, partner, year, metric, p05, p50, p95}], "meta": {...}}``."""
        return {"series": self.series.to_dict(orient="records"), "meta": self.meta}

    def to_json(self) -> bytes:
        """Deterministic JSON bytes (same seed → same bytes)."""
        return orjson.dumps(self.to_dict(), option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY) + b"\n"

    def summary(self) -> pd.DataFrame:
        """Start and final year per donor, partner and metric: ``p50 [p05, p95]``."""
        s = self.series
        first, last = s["year"].min(), s["year"].max()
        rows = []
        for (d, p, m), g in s.groupby(["donor", "partner", "metric"], sort=False):
            a, b = g.loc[g["year"] == first].iloc[0], g.loc[g["year"] == last].iloc[0]
            rows.append(
                {
                    "donor": d,
                    "partner": p,
                    "metric": m,
                    str(first): f"{a.p50:.3f}",
                    str(last): f"{b.p50:.3f} [{b.p05:.3f}, {b.p95:.3f}]",
                    "change": f"{b.p50 - a.p50:+.3f}",
                }
            )
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
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["donor", "partner", "year", "metric"], kind="stable", ignore_index=True)
    return out.astype({"donor": str, "partner": str, "year": int, "metric": str})


def run_scenario(
    scenario: str | Path | Scenario,
    ledger: Any = None,
    *,
    runs: int | None = None,
    seed: int | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> ScenarioResult:
    """Run a scenario as a seeded ensemble and summarise it by quantiles.

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

    Returns
    -------
    ScenarioResult
        Median and 5-95 % band of trust and alignment; the same seed gives identical output.

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
    with opened(ledger) as led:
        inp = build_inputs(sc, led)
        where = None if led is None else str(getattr(led, "path", "ledger"))
    trust, align = ensemble(
        inp, n, s, sc.parameters, noise=sc.noise, workers=workers, scheduler=scheduler, progress=progress
    )
    series = _series(sc, inp.donors, inp.partners, {"trust": trust, "alignment": align})
    src = pd.Series(inp.t0_source.ravel()).str.split(" ").str[0].value_counts().sort_index()
    meta = {
        "scenario": sc.name,
        "description": sc.description,
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
        "quantiles": [q / 100 for q in QUANTILES],
    }
    return ScenarioResult(series, meta)


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
        text = result.series.to_csv(index=False, float_format="%.6f", lineterminator="\n")
    else:
        text = result.summary().to_string(index=False) + "\n"
    if output is None:
        return text
    write_output(output, text)
    return None
