"""Global sensitivity: Sobol first-order and total indices over the declared parameter ranges.

The design is SALib's Saltelli-style Sobol' sequence over every parameter of
``sim_parameters.csv`` (noise excluded: the model is run without noise so that the indices
apportion the variance of a deterministic output). The output is the mean, over the
scenario's partners, of one donor's trust or alignment in the final year.

References
----------
Sobol', I. M. (2001). Global sensitivity indices for nonlinear mathematical models and
their Monte Carlo estimates. *Mathematics and Computers in Simulation* 55, 271-280.

Saltelli, A. (2002). Making best use of model evaluations to compute sensitivity indices.
*Computer Physics Communications* 145, 280-297.

Herman, J. and Usher, W. (2017). SALib: an open-source Python library for sensitivity
analysis. *Journal of Open Source Software* 2(9), 97.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.simulate.ensemble import DesignTask, Progress, chunk_size, chunks, map_chunks, run_design_chunk
from softpower.simulate.init import build_inputs, opened
from softpower.simulate.params import sobol_problem
from softpower.simulate.scenario import Scenario, load_scenario

METRICS = ("trust", "alignment")


@dataclass
class SensitivityResult:
    """Sobol indices per parameter, with the design's metadata."""

    indices: pd.DataFrame  # parameter, S1, S1_conf, ST, ST_conf
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"indices": [...], "meta": {...}}``."""
        return {"indices": self.indices.to_dict(orient="records"), "meta": self.meta}


#: Largest Sobol design (runs) accepted: the design matrix alone is runs × parameters × 8 bytes.
MAX_SOBOL_RUNS = 2**22


def sobol_indices(
    problem: dict[str, Any],
    func: Callable[[np.ndarray], np.ndarray],
    n: int,
    *,
    seed: int,
    second_order: bool = True,
    num_resamples: int = 100,
) -> pd.DataFrame:
    """Sobol indices of ``func`` (rows of a sample matrix → outputs) over ``problem``.

    Returns a frame ``parameter, S1, S1_conf, ST, ST_conf`` in the problem's order.
    ``n`` must be a power of two (Sobol' sequence balance).
    """
    if n < 2 or n & (n - 1):
        raise SoftpowerError(f"--n: {n} (expected a power of two, e.g. 1024)")
    from softpower.measure.uncertainty import sobol_indices as measure_sobol

    t = measure_sobol(problem, func, n, seed, second_order=second_order, num_resamples=num_resamples)
    out = t.rename(
        columns={
            "choice": "parameter",
            "first_order": "S1",
            "first_order_conf": "S1_conf",
            "total": "ST",
            "total_conf": "ST_conf",
        }
    )
    out.attrs = dict(t.attrs)
    return out


def sensitivity(
    scenario: str | Path | Scenario = "baseline",
    ledger: Any = None,
    *,
    n: int = 1024,
    seed: int = 1,
    donor: str | None = None,
    metric: str = "alignment",
    second_order: bool = True,
    versus: str | Path | Scenario | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> SensitivityResult:
    """Sobol analysis of a scenario over every declared parameter range.

    Parameters
    ----------
    scenario
        Shipped name, YAML path or loaded scenario.
    n
        Base sample size (a power of two); the design has ``n (2 k + 2)`` runs with second
        order (``n (k + 2)`` without) for ``k`` parameters.
    donor, metric
        The output: mean over partners of this donor's ``trust`` or ``alignment`` in the
        final year (default: the scenario's first donor).
    versus
        Another scenario (e.g. ``"baseline"``): the output becomes the scenario's value
        minus that scenario's value under the same parameters, i.e. the sensitivity of a
        what-if's *effect* rather than of its level. Both must have the same donors,
        partners and years.
    """
    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    if metric not in METRICS:
        raise SoftpowerError(f"--metric: {metric!r} (expected one of {', '.join(METRICS)})")
    d = donor or next(iter(sc.donors))
    if d not in sc.donors:
        raise SoftpowerError(
            f"--donor: {d!r} (expected one of the scenario's donors: {', '.join(sc.donors)})"
        )
    problem = sobol_problem()
    names: tuple[str, ...] = tuple(problem["names"])
    runs = n * (2 * len(names) + 2 if second_order else len(names) + 2)
    if runs > MAX_SOBOL_RUNS:
        raise SoftpowerError(
            f"--n: {n} means {runs} runs (expected at most {MAX_SOBOL_RUNS}: a smaller --n"
            + (")" if not second_order else " or --first-order-only)")
        )
    fixed_names = [k for k in sc.parameters if k in names]
    other = None if versus is None else versus if isinstance(versus, Scenario) else load_scenario(versus)
    with opened(ledger) as led:
        inp = build_inputs(sc, led)
        ref = None if other is None else build_inputs(other, led)
    if ref is not None and (ref.donors, ref.partners, ref.years) != (inp.donors, inp.partners, inp.years):
        raise SoftpowerError(
            f"--versus: {getattr(other, 'name', versus)!r} differs in donors, partners or years "
            f"(expected the same as {sc.name!r})"
        )
    di = inp.donors.index(d)
    runs_box: list[int] = []

    def output(x: np.ndarray, case: Any, lo: int, hi: int) -> np.ndarray:
        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(lo + done, hi)

        pieces = chunks(x.shape[0], chunk_size(case))
        tasks = [DesignTask(x[a:b], names, dict(sc.parameters)) for a, b in pieces]
        out = map_chunks(run_design_chunk, case, tasks, workers=workers, scheduler=scheduler, progress=report)
        arr = np.concatenate([o[METRICS.index(metric)] for o in out])  # (rows, D, P)
        return np.asarray(arr[:, di, :].mean(axis=1))

    def evaluate(x: np.ndarray) -> np.ndarray:
        runs_box.append(x.shape[0])
        n_chunks = len(chunks(x.shape[0], chunk_size(inp)))
        if ref is None:
            return output(x, inp, 0, n_chunks)
        return output(x, inp, 0, 2 * n_chunks) - output(x, ref, n_chunks, 2 * n_chunks)

    table = sobol_indices(problem, evaluate, n, seed=seed, second_order=second_order)
    meta = {
        "scenario": sc.name,
        "output": f"mean over partners of {d} {metric} in {sc.years[-1]}"
        + ("" if other is None else f", minus the same in {other.name!r} (same parameters)"),
        "n": n,
        "runs": runs_box[0],
        "years": sc.horizon,
        "parameters": len(names),
        "second_order": second_order,
        "seed": seed,
        "fixed_by_scenario": fixed_names,
        "noise": "off (noise_sd excluded from the design)",
    }
    if "note" in table.attrs:
        meta["note"] = table.attrs["note"]
    return SensitivityResult(table, meta)
