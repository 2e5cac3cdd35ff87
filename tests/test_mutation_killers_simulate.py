"""Behaviour of simulate/ that mutation testing (docs/testing.md, "measure/ and simulate/") showed
untested: each test asserts a known answer, a closed form or a boundary."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from softpower.errors import InputError
from softpower.simulate import abc
from softpower.simulate.strategies import check_allocation
from test_simulate_calibrate import _synthetic  # Pew-shaped hand-made polls

needs_pyabc = pytest.mark.skipif(not abc.available(), reason="pyabc (the 'abc' extra) is not installed")


@needs_pyabc
def test_a_small_abc_run_reports_its_settings_and_a_posterior_inside_the_prior(seeds_ledger: Path) -> None:
    # the smallest run ABC-SMC accepts: a quick check of the result's shape (the slow test in
    # test_simulate_abc.py checks that the posterior narrows)
    _synthetic(seeds_ledger)
    out = abc.abc_calibrate(seeds_ledger, params=("lam",), population=10, generations=2, seed=4)
    assert (out["population"], out["seed"], out["generations"]) == (10, 4, 2)
    eps = out["epsilons"]
    assert len(eps) == 2 and eps[0] > eps[1] > 0  # the tolerance shrinks each generation
    assert out["simulations"] >= 20 and out["n_polls"] > 0
    assert set(out["posterior"]) == {"lam"} and set(out["least_squares"]) == {"lam"}
    post = out["posterior"]["lam"]
    lo, hi = post["prior"]
    assert lo <= post["p05"] <= post["p50"] <= post["p95"] <= hi and lo <= post["mean"] <= hi


@pytest.mark.parametrize("share", [-0.5, True, "0.5", float("nan")])
def test_a_bad_allocation_share_names_the_field(share: object) -> None:
    with pytest.raises(InputError) as info:
        check_allocation({"oda_grant": share, "oda_loan": 0.5}, "s.yaml", "strategy.allocation")
    e = info.value
    assert (e.file, e.line, e.field) == ("s.yaml", None, "strategy.allocation.oda_grant")
    assert (e.problem, e.expected) == (f"bad share {share!r}", "a number >= 0")


def test_an_allocation_must_sum_to_one() -> None:
    assert check_allocation({"oda_grant": 0.25, "oda_loan": 0.75}, "s.yaml", "a") == {
        "oda_grant": 0.25,
        "oda_loan": 0.75,
    }
    with pytest.raises(InputError) as info:
        check_allocation({"oda_grant": 0.25, "oda_loan": 0.5}, "s.yaml", "a")
    assert (info.value.field, info.value.problem) == ("a", "allocation sums to 0.75")
    np.testing.assert_equal(check_allocation({"oda_grant": 1 - 5e-7}, "s.yaml", "a"), {"oda_grant": 1 - 5e-7})
