"""Index and scenario results for the report and the dashboard, through the public library API.

The report draws what the measure and simulate stages compute: it calls
:func:`softpower.measure.run_index` and :func:`softpower.simulate.run_scenario` and never
re-implements them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

SERIES_COLUMNS = ["donor", "partner", "year", "metric", "p05", "p50", "p95"]
DYAD_COLUMNS = ["actor", "partner", "year", "score", "rank", "rank_lo", "rank_hi"]
LEADER_COLUMNS = [
    "partner",
    "year",
    "leader",
    "score",
    "runner_up",
    "runner_up_score",
    "margin",
    "lead_share",
]


@dataclass
class IndexTables:
    """The parts of an index result the report draws (empty frames when nothing was scored)."""

    dyads: pd.DataFrame
    profiles: pd.DataFrame
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    result: Any = None  # the measure stage's IndexResult (None when nothing was scored)

    @property
    def leaders(self) -> pd.DataFrame:
        """The index's own leaders table (``IndexResult.leaders``; empty when nothing was scored)."""
        value = self.extra.get("leaders")
        return value if isinstance(value, pd.DataFrame) else pd.DataFrame(columns=LEADER_COLUMNS)


@dataclass
class ScenarioTables:
    """A scenario's series, its paired effects against the baseline and its group means.

    ``effects`` are the simulate stage's paired effects (scenario − baseline per run with the
    same seeds: ``donor, partner, year, metric, p05, p50, p95, mean, p_positive``; partner
    ``ASEAN`` = the members' mean); empty for the baseline itself. ``baseline`` is kept for
    callers that pass a baseline series of their own (``None`` here: the effects replace it).
    """

    name: str
    series: pd.DataFrame
    baseline: pd.DataFrame | None
    effects: pd.DataFrame = field(default_factory=pd.DataFrame)
    regional: pd.DataFrame = field(default_factory=pd.DataFrame)
    meta: dict[str, Any] = field(default_factory=dict)

    def table(self) -> pd.DataFrame:
        """Series and group means, each row with its paired effect (``effect_p05 … p_effect_positive``)."""
        frames = [self.series] + ([self.regional] if len(self.regional) else [])
        out = pd.concat(frames, ignore_index=True).assign(scenario=self.name)
        if self.baseline is not None:
            out = pd.concat([out, self.baseline.assign(scenario="baseline")], ignore_index=True)
        if len(self.effects):
            eff = self.effects.rename(
                columns={c: f"effect_{c}" for c in ("p05", "p50", "p95", "mean")}
                | {"p_positive": "p_effect_positive"}
            )
            keys = ["donor", "partner", "year", "metric"]
            out = out.merge(eff, on=keys, how="left")
        from softpower.report import names

        return names.with_names(out)


def index_tables(
    ledger: Any, *, seed: int, mc: int, weights: Mapping[str, float] | None = None, year: int | None = None
) -> IndexTables:
    """Run the composite index (:func:`softpower.measure.run_index`) and keep its dyads and profiles.

    When the measure stage is not installed, or the ledger gives it nothing to score (no
    dated engagement), the tables are empty and ``note`` says why.
    """
    try:
        from softpower.measure import run_index  # type: ignore[attr-defined]
    except ImportError:
        return IndexTables(
            pd.DataFrame(columns=DYAD_COLUMNS),
            pd.DataFrame(columns=["actor", "year"]),
            note="softpower.measure.run_index is not available in this installation; index figures are empty.",
        )
    from softpower.errors import SoftpowerError

    try:
        res = run_index(ledger, year=year, mc=mc, seed=seed, weights=dict(weights) if weights else None)
    except SoftpowerError as exc:  # e.g. no dated engagement: draw the rest, say why the index is missing
        return IndexTables(
            pd.DataFrame(columns=DYAD_COLUMNS),
            pd.DataFrame(columns=["actor", "year"]),
            note=f"The index could not be computed: {exc}",
        )
    dyads = pd.DataFrame(res.dyads).copy()
    profiles = pd.DataFrame(res.profiles).copy()
    if not dyads.empty:
        dyads = dyads.dropna(subset=["year", "score"])
        dyads["year"] = dyads["year"].astype(int)
    extra = {}
    for name in ("actors", "leaders", "sensitivity"):
        value = getattr(res, name, None)
        if isinstance(value, pd.DataFrame):
            extra[name] = value
    return IndexTables(dyads.reset_index(drop=True), profiles.reset_index(drop=True), extra=extra, result=res)


def default_weights() -> dict[str, float]:
    """Nominal pillar weights of the default index framework (``{}`` when the measure stage is absent)."""
    try:
        from softpower.measure.framework import load_framework  # type: ignore[import-not-found]
    except ImportError:
        return {}
    return dict(load_framework(None).weights())


def normalise_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Weights rescaled to sum to 1 (negative values are an error).

    Raises
    ------
    softpower.errors.InputError
        When a weight is negative or all weights are zero.
    """
    from softpower.errors import InputError

    for k, v in weights.items():
        if not v >= 0:
            raise InputError("weights", None, k, f"weight {v:g} is negative", "a weight >= 0")
    total = float(sum(weights.values()))
    if total <= 0:
        raise InputError("weights", None, "weights", "all weights are zero", "at least one positive weight")
    return {k: float(v) / total for k, v in weights.items()}


def scenario_tables(
    scenario: str | Path,
    ledger: Any,
    *,
    runs: int,
    seed: int,
    progress: Callable[[float], Any] | None = None,
) -> ScenarioTables:
    """Run ``scenario`` (:func:`softpower.simulate.run_scenario`, paired with the baseline).

    Parameters
    ----------
    progress
        Called with the fraction done (0–1) after each chunk of runs.

    Raises
    ------
    softpower.errors.SoftpowerError
        When the simulate stage is missing or the scenario fails validation (the
        simulate stage's own message, naming the file and field).
    """
    from softpower.errors import SoftpowerError

    try:
        from softpower.simulate import load_scenario, run_scenario
    except ImportError:
        raise SoftpowerError(
            "scenarios need softpower.simulate.run_scenario, which is not installed"
        ) from None

    def tick(done: int, total: int) -> None:
        if progress is not None:
            progress(done / total if total else 1.0)

    sc = load_scenario(str(scenario))  # validates before anything runs
    name = str(getattr(sc, "name", None) or Path(str(scenario)).stem)
    res = run_scenario(sc, ledger, runs=runs, seed=seed, progress=tick)
    series = pd.DataFrame(res.series)[SERIES_COLUMNS]
    effects = getattr(res, "effects", None)
    regional = getattr(res, "regional", None)
    return ScenarioTables(
        name,
        series,
        None,
        effects=effects.copy() if isinstance(effects, pd.DataFrame) else pd.DataFrame(),
        regional=regional.copy() if isinstance(regional, pd.DataFrame) else pd.DataFrame(),
        meta=dict(getattr(res, "meta", {}) or {}),
    )


def list_scenario_names() -> list[tuple[str, str]]:
    """Bundled scenarios as ``(name, description)`` (:func:`softpower.simulate.list_scenarios`)."""
    try:
        from softpower.simulate import list_scenarios
    except ImportError:
        return []
    out = []
    for s in list_scenarios():
        if isinstance(s, tuple | list):
            out.append((str(s[0]), str(s[1]) if len(s) > 1 else ""))
        else:
            out.append((str(s), ""))
    return out
