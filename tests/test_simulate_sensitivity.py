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


def test_constant_output_is_zero_with_a_note_and_noise_is_explained() -> None:
    from softpower.simulate.sensitivity import sobol_indices

    problem = {"num_vars": 2, "names": ["a", "b"], "bounds": [[0.0, 1.0], [0.0, 1.0]]}
    flat = sobol_indices(problem, lambda x: np.ones(len(x)), 8, seed=1, second_order=False)
    assert (flat[["S1", "ST"]] == 0).all(axis=None) and "does not vary" in flat.attrs["note"]
    # a tiny sample of a purely additive function: estimates stray outside [0, 1]
    noisy = sobol_indices(problem, lambda x: x[:, 0] + 0.01 * x[:, 1], 2, seed=3, second_order=False)
    assert noisy.loc[0, "S1"] > 1  # 8 evaluations
    assert noisy.attrs["note"].startswith("indices are estimates from 8 evaluations")
    assert "sampling noise" in noisy.attrs["note"]
    good = sobol_indices(problem, lambda x: x[:, 0] + 0.01 * x[:, 1], 1024, seed=3, second_order=False)
    assert "note" not in good.attrs


def test_sensitivity_meta_says_when_no_parameter_moves_the_output(tmp_path: Path) -> None:
    from softpower.simulate.sensitivity import sensitivity

    one = tmp_path / "one.yaml"
    one.write_text("horizon: 3\npartners: [IDN]\ndonors:\n  JPN: {strategy: doux-smart-power}\n")
    res = sensitivity(one, None, n=8, second_order=False)  # one donor: alignment is always 1
    assert "does not vary" in res.meta["note"]
