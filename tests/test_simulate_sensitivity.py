"""Sobol indices: the Ishigami function's known indices, and the model's design size."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from softpower.errors import SoftpowerError
from softpower.simulate.params import sobol_problem
from softpower.simulate.sensitivity import sensitivity, sobol_indices


def _ishigami(x: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def test_ishigami_known_indices() -> None:
    # Ishigami and Homma (1990); analytic indices for a = 7, b = 0.1
    problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
    table = sobol_indices(problem, _ishigami, 2048, seed=1, second_order=False)
    assert table["S1"].to_numpy() == pytest.approx([0.3139, 0.4424, 0.0], abs=0.04)
    assert table["ST"].to_numpy() == pytest.approx([0.5576, 0.4424, 0.2437], abs=0.04)


def test_model_design_size_and_output() -> None:
    res = sensitivity("baseline", n=8, seed=2, donor="CHN", metric="trust", second_order=False)
    k = len(sobol_problem()["names"])
    assert res.meta["runs"] == 8 * (k + 2) and res.meta["parameters"] == k >= 15
    assert list(res.indices["parameter"]) == sobol_problem()["names"]
    assert "CHN trust" in res.meta["output"]
    with pytest.raises(SoftpowerError, match="donor"):
        sensitivity("baseline", n=8, donor="FRA")


def test_versus_analyses_the_effect(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    res = sensitivity(
        "us-health-withdrawal",
        n=32,
        seed=3,
        donor="USA",
        metric="trust",
        second_order=False,
        versus="baseline",
        progress=lambda d, t: calls.append((d, t)),
    )
    assert "minus the same in 'baseline'" in res.meta["output"]
    top = res.indices.sort_values("ST", ascending=False)["parameter"].head(4).tolist()
    assert "w_smart" in top  # the withdrawal removes smart roots: their weight drives the effect
    assert calls[-1][0] == calls[-1][1] and [d for d, _ in calls] == sorted(d for d, _ in calls)
    other = tmp_path / "other.yaml"
    other.write_text("extends: baseline\npartners: [VNM, THA]\n", encoding="utf-8")
    with pytest.raises(SoftpowerError, match="versus"):
        sensitivity("baseline", n=8, versus=other)
