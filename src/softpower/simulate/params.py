"""The model's parameter table: defaults, ranges and the reason for each value.

One table (``softpower/data/sim_parameters.csv``) declares every parameter of the
simulation with its default, its range (used by ensembles and by the Sobol analysis)
and its source or reasoning. A run's parameters are a :class:`ParamSet`: one value per
run for each parameter, so that a whole ensemble is evaluated in one vectorised pass.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from softpower.errors import InputError
from softpower.records.vocab import instruments

PARAMS_FILE = "sim_parameters.csv"
#: Parameters fitted to the opinion series by ``softpower calibrate --save``: their estimates,
#: profile-likelihood intervals and identification status, with the data they came from.
CALIBRATED_FILE = "sim_calibrated.csv"
#: Statuses whose calibrated interval reaches scenarios (a parameter "not identified" keeps its prior).
USED_STATUSES = ("identified", "partly identified")
#: Parameters kept fixed in sensitivity analyses (noise is switched off there).
NOT_IN_SOBOL = ("noise_sd",)


@dataclass(frozen=True)
class Parameter:
    """One row of the parameter table."""

    name: str
    default: float
    low: float
    high: float
    unit: str
    applies_to: str
    source: str


ParamSet = dict[str, np.ndarray]
"""Parameter name → array of shape ``(runs,)``."""


def _float(value: str, file: str, line: int, field: str) -> float:
    try:
        out = float(value)
    except ValueError:
        raise InputError(file, line, field, f"not a number: {value!r}", "a decimal number") from None
    if not math.isfinite(out):
        raise InputError(file, line, field, f"not finite: {value!r}", "a finite number")
    return out


@lru_cache(maxsize=4)
def _load(path: str | None) -> tuple[Parameter, ...]:
    if path is None:
        text = resources.files("softpower.data").joinpath(PARAMS_FILE).read_text(encoding="utf-8")
        file = PARAMS_FILE
    else:
        text, file = Path(path).read_text(encoding="utf-8"), str(path)
    rows = list(csv.DictReader(text.splitlines()))
    out: list[Parameter] = []
    seen: set[str] = set()
    for i, row in enumerate(rows, start=2):
        name = (row.get("name") or "").strip()
        if not name.isidentifier():
            raise InputError(file, i, "name", f"bad parameter name {name!r}", "a Python identifier")
        if name in seen:
            raise InputError(file, i, "name", f"duplicate parameter {name!r}", "each name once")
        seen.add(name)
        low, default, high = (_float(row[c], file, i, c) for c in ("low", "default", "high"))
        if not low <= default <= high or low == high:
            raise InputError(
                file, i, "default", f"{default} outside [{low}, {high}]", "low <= default <= high"
            )
        if not (row.get("source") or "").strip():
            raise InputError(file, i, "source", "empty", "the source or reasoning of the value")
        out.append(Parameter(name, default, low, high, row["unit"], row["applies_to"], row["source"]))
    return tuple(out)


@dataclass(frozen=True)
class Calibrated:
    """One row of the calibrated table: the estimate, its 95 % profile interval, its status."""

    name: str
    value: float
    low: float
    high: float
    status: str
    n_obs: int
    fit_years: str
    source: str


@lru_cache(maxsize=1)
def calibrated() -> dict[str, Calibrated]:
    """The shipped calibration (``sim_calibrated.csv``), by parameter; empty when none is shipped."""
    entry = resources.files("softpower.data").joinpath(CALIBRATED_FILE)
    if not entry.is_file():
        return {}
    rows = list(csv.DictReader(entry.read_text(encoding="utf-8").splitlines()))
    table = {p.name: p for p in _load(None)}
    out = {}
    for i, row in enumerate(rows, start=2):
        name = row.get("name", "")
        if name not in table:
            raise InputError(CALIBRATED_FILE, i, "name", f"unknown parameter {name!r}", "a parameter name")
        value, low, high = (_float(row[c], CALIBRATED_FILE, i, c) for c in ("value", "low", "high"))
        if not low <= value <= high:
            raise InputError(
                CALIBRATED_FILE, i, "value", f"{value} outside [{low}, {high}]", "low <= value <= high"
            )
        out[name] = Calibrated(
            name, value, low, high, row["status"], int(row["n_obs"]), row["fit_years"], row["source"]
        )
    return out


def parameters(path: str | Path | None = None, *, priors: bool = True) -> dict[str, Parameter]:
    """The parameter table (shipped, or a user's CSV with the same columns), by name.

    With ``priors=False``, every parameter the shipped calibration identified (fully, or
    partly: its 95 % profile interval reaches one bound) takes its estimate as default and
    that interval as range; a parameter "not identified" keeps its declared prior. This is
    what scenarios use unless ``--priors`` is given.
    """
    table = {p.name: p for p in _load(None if path is None else str(path))}
    if priors:
        return table
    for name, c in calibrated().items():
        if c.status in USED_STATUSES and name in table:
            p = table[name]
            low, high = max(p.low, c.low), min(p.high, c.high)
            if high <= low:  # a point interval: keep a sliver so the triangular law is defined
                low, high = max(p.low, c.value - 1e-9), min(p.high, c.value + 1e-9)
            table[name] = Parameter(
                name, c.value, low, high, p.unit, p.applies_to,
                f"calibrated ({c.fit_years}, {c.n_obs} polls): {c.source}",
            )  # fmt: skip
    return table


def check_overrides(overrides: Mapping[str, object], file: str, key: str = "parameters") -> dict[str, float]:
    """Validate parameter overrides: known names, numbers inside the declared ranges."""
    table = parameters()
    out: dict[str, float] = {}
    for name, value in overrides.items():
        if name not in table:
            raise InputError(file, None, f"{key}.{name}", "unknown parameter", f"one of {', '.join(table)}")
        p = table[name]
        if isinstance(value, bool) or not isinstance(value, int | float) or not p.low <= value <= p.high:
            raise InputError(
                file, None, f"{key}.{name}", f"bad value {value!r}", f"a number in [{p.low:g}, {p.high:g}]"
            )
        out[name] = float(value)
    return out


def fixed(runs: int, overrides: Mapping[str, float] | None = None, *, priors: bool = True) -> ParamSet:
    """Every parameter at its default (or override), repeated for ``runs`` runs.

    ``priors=False`` takes the calibrated estimates where the calibration identified them.
    """
    over = dict(overrides or {})
    return {n: np.full(runs, over.get(n, p.default)) for n, p in parameters(priors=priors).items()}


def sample(
    runs: int,
    rng: np.random.Generator,
    overrides: Mapping[str, float] | None = None,
    *,
    priors: bool = True,
) -> ParamSet:
    """Draw each parameter per run from a triangular law (low, default, high).

    Overridden parameters stay fixed. Parameters are drawn in table order, so a seed
    gives the same draws whatever the scenario. ``priors=False`` draws identified
    parameters inside their calibrated interval (see :func:`parameters`).
    """
    over = dict(overrides or {})
    out: ParamSet = {}
    for n, p in parameters(priors=priors).items():
        draw = rng.triangular(p.low, p.default, p.high, size=runs)
        out[n] = np.full(runs, over[n]) if n in over else draw
    return out


def sobol_problem(exclude: tuple[str, ...] = NOT_IN_SOBOL) -> dict[str, Any]:
    """A SALib problem over the declared ranges of every parameter except ``exclude``."""
    table = [p for p in parameters().values() if p.name not in exclude]
    return {
        "num_vars": len(table),
        "names": [p.name for p in table],
        "bounds": [[p.low, p.high] for p in table],
    }


def from_matrix(
    matrix: np.ndarray, names: list[str], overrides: Mapping[str, float] | None = None
) -> ParamSet:
    """A :class:`ParamSet` from a sample matrix (runs × names); the rest at defaults."""
    out = fixed(matrix.shape[0], overrides)
    for j, n in enumerate(names):
        out[n] = np.ascontiguousarray(matrix[:, j], dtype=float)
    return out


def instrument_groups() -> dict[str, str]:
    """Instrument code → power type, which selects its half-life and weight parameters."""
    return {code: inst.power_type for code, inst in instruments().items()}
