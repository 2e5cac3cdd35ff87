"""Known answers for every imputation, normalisation, weighting and aggregation method."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from numpy.testing import assert_allclose

from softpower.measure.methods import (
    AGGREGATORS,
    CONCENTRATION,
    FAMILIES,
    IMPUTERS,
    NORMALISERS,
    WEIGHTINGS,
)

nan = np.nan


def test_each_family_shares_one_signature() -> None:
    for family in FAMILIES.values():
        sigs = {tuple(inspect.signature(fn).parameters) for fn in family.values()}  # type: ignore[arg-type]
        assert len(sigs) == 1, sigs


@pytest.mark.parametrize(
    ("name", "x", "expected"),
    [
        ("minmax", [1.0, 2.0, 3.0, 5.0], [0.0, 0.25, 0.5, 1.0]),
        ("zscore", [1.0, 2.0, 3.0], [-np.sqrt(1.5), 0.0, np.sqrt(1.5)]),  # population sd sqrt(2/3)
        ("rank", [10.0, 30.0, 20.0, 20.0], [0.0, 1.0, 0.5, 0.5]),  # average ranks 1, 4, 2.5, 2.5
        ("frontier", [1.0, 2.0, 4.0], [0.25, 0.5, 1.0]),
    ],
)
def test_normalisers_closed_form(name: str, x: list[float], expected: list[float]) -> None:
    assert_allclose(NORMALISERS[name](np.array(x)), expected)


@pytest.mark.parametrize(
    ("name", "constant"), [("minmax", 0.0), ("zscore", 0.0), ("rank", 0.5), ("frontier", 1.0)]
)
def test_normalisers_keep_missing_and_flatten_constants(name: str, constant: float) -> None:
    out = NORMALISERS[name](np.array([[2.0, nan, 4.0], [3.0, 3.0, 3.0], [0.0, 0.0, 0.0]]))
    assert np.isnan(out[0, 1]) and not np.isnan(out[0, [0, 2]]).any()
    assert_allclose(out[1], constant)  # every unit ties: one value for all (mid-rank for ranks)
    assert_allclose(out[2], 0.5 if name == "rank" else 0.0)


def test_normalisers_vectorise_over_leading_axes() -> None:
    rng = np.random.default_rng(0)
    x = rng.random((3, 4, 5))
    for fn in NORMALISERS.values():
        assert_allclose(fn(x)[2, 1], fn(x[2, 1]))


def test_imputers_closed_form() -> None:
    x = np.array([[1.0, nan, 3.0], [nan, 2.0, nan], [nan, nan, 6.0]])  # year x unit
    assert_allclose(IMPUTERS["none"](x), x)
    assert_allclose(IMPUTERS["zero"](x), [[1, 0, 3], [0, 2, 0], [0, 0, 6]])
    assert_allclose(IMPUTERS["mean"](x), [[1, 2, 3], [2, 2, 2], [6, 6, 6]])
    assert_allclose(IMPUTERS["carry_forward"](x), [[1, nan, 3], [1, 2, 3], [1, 2, 6]])


def test_weightings_closed_form() -> None:
    pillars = ["a", "b", "c", "d"]
    user = {"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1}
    assert_allclose(WEIGHTINGS["equal"](pillars, user, None), [0.25] * 4)
    assert_allclose(WEIGHTINGS["user"](pillars, user, None), [0.4, 0.3, 0.2, 0.1])
    assert_allclose(WEIGHTINGS["expert"](pillars, user, None), [0.4, 0.3, 0.2, 0.1])


def test_expert_weights_are_the_dirichlet_around_the_user_weights() -> None:
    pillars, w = ["a", "b", "c"], np.array([0.5, 0.3, 0.2])
    u = np.random.default_rng(1).random((40_000, 3))
    draws = WEIGHTINGS["expert"](pillars, dict(zip(pillars, w, strict=True)), u)
    assert_allclose(draws.sum(axis=1), 1.0)
    assert (draws >= 0).all()
    assert_allclose(draws.mean(axis=0), w, atol=0.003)
    # Dirichlet variance w (1 - w) / (alpha_0 + 1), alpha_0 = CONCENTRATION
    assert_allclose(draws.var(axis=0), w * (1 - w) / (CONCENTRATION + 1), rtol=0.05)


def test_arithmetic_aggregation_closed_form() -> None:
    x = np.array([[1.0, 0.0], [0.5, 0.5], [nan, 1.0]])  # unit x component
    assert_allclose(AGGREGATORS["arithmetic"](x, np.array([0.75, 0.25])), [0.75, 0.5, 1.0])
    assert np.isnan(AGGREGATORS["arithmetic"](np.array([[nan, nan]]), np.array([0.5, 0.5])))[0]


def test_geometric_aggregation_closed_form() -> None:
    x = np.array([[0.0, 0.0], [1.0, 3.0]])  # component minima are 0: factors (x + 1)
    out = AGGREGATORS["geometric"](x, np.array([0.5, 0.5]))
    assert_allclose(out, [0.0, np.sqrt(2.0 * 4.0) - 1.0])
    # shifted by the component minimum: z-scores work too and the order is kept
    z = np.array([[-1.0, 1.0], [1.0, -1.0], [0.0, 0.0]])
    assert_allclose(
        AGGREGATORS["geometric"](z, np.array([0.5, 0.5])), [np.sqrt(3.0) - 1, np.sqrt(3.0) - 1, 1.0]
    )


def test_aggregators_take_per_draw_weights() -> None:
    x = np.array([[[1.0, 0.0], [0.0, 1.0]]] * 2)  # draw x unit x component
    w = np.array([[0.9, 0.1], [0.2, 0.8]])
    for fn in AGGREGATORS.values():
        out = fn(x, w)
        assert out[0, 0] > out[0, 1] and out[1, 0] < out[1, 1]


def test_zscore_of_equal_values_is_zero_not_rounding_noise() -> None:
    from softpower.measure.methods import normalise_zscore

    x = np.full(11, 2.0 / 3.0)  # its computed sd is 1.1e-16, not 0
    assert np.std(x) > 0
    assert (normalise_zscore(x) == 0.0).all()
    assert (normalise_zscore(np.array([[2 / 3, 2 / 3, np.nan]]))[0, :2] == 0.0).all()
