"""ABC-SMC calibration (pyabc, optional): the posterior covers known parameters; seeded."""

from __future__ import annotations

from pathlib import Path

import pytest

from softpower.errors import SoftpowerError
from softpower.simulate import abc
from test_simulate_calibrate import _synthetic  # records made by the model itself

needs_pyabc = pytest.mark.skipif(not abc.available(), reason="pyabc (the 'abc' extra) is not installed")

TRUTH = {"alpha": 0.4, "lam": 0.25}


@needs_pyabc
def test_posterior_covers_truth_and_is_reproducible(seeds_ledger: Path) -> None:
    _synthetic(seeds_ledger, TRUTH)
    first = abc.abc_calibrate(seeds_ledger, params=tuple(TRUTH), population=60, generations=3, seed=3)
    again = abc.abc_calibrate(seeds_ledger, params=tuple(TRUTH), population=60, generations=3, seed=3)
    assert first["posterior"] == again["posterior"]
    eps = first["epsilons"]
    assert len(eps) == 3 and eps == sorted(eps, reverse=True)
    for name, value in TRUTH.items():
        post = first["posterior"][name]
        lo, hi = post["prior"]
        assert lo <= post["p05"] <= post["p50"] <= post["p95"] <= hi
        assert post["p05"] <= value <= post["p95"]
        # the data narrow the prior: the 90 % interval is well inside the prior's range
        assert post["p95"] - post["p05"] < 0.8 * (hi - lo)
    assert first["least_squares"]["alpha"] == pytest.approx(0.4, abs=1e-3)


@needs_pyabc
def test_bad_settings_are_one_clear_error(seeds_ledger: Path) -> None:
    with pytest.raises(SoftpowerError, match="population >= 10"):
        abc.abc_calibrate(seeds_ledger, population=2)


def test_without_pyabc_says_how_to_install(seeds_ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(abc, "available", lambda: False)
    with pytest.raises(SoftpowerError, match=r"pip install 'softpower\[abc\]'"):
        abc.abc_calibrate(seeds_ledger)
