"""ABC-SMC calibration (pyabc, optional): the posterior covers known parameters; seeded."""

from __future__ import annotations

from pathlib import Path

import pytest

from softpower.errors import SoftpowerError
from softpower.simulate import abc
from test_simulate_calibrate import _synthetic  # Pew-shaped hand-made polls

needs_pyabc = pytest.mark.skipif(not abc.available(), reason="pyabc (the 'abc' extra) is not installed")


@needs_pyabc
def test_posterior_narrows_the_prior_and_is_reproducible(seeds_ledger: Path) -> None:
    _synthetic(seeds_ledger)
    names = ("alpha", "lam")
    first = abc.abc_calibrate(seeds_ledger, params=names, population=60, generations=3, seed=3)
    again = abc.abc_calibrate(seeds_ledger, params=names, population=60, generations=3, seed=3)
    assert first["posterior"] == again["posterior"]
    eps = first["epsilons"]
    assert len(eps) == 3 and eps == sorted(eps, reverse=True)
    for name in names:
        post = first["posterior"][name]
        lo, hi = post["prior"]
        assert lo <= post["p05"] <= post["p50"] <= post["p95"] <= hi
    # the polls' swings pin down the speed of adjustment: its 90 % interval is well inside the prior
    lam = first["posterior"]["lam"]
    assert lam["p95"] - lam["p05"] < 0.8 * (lam["prior"][1] - lam["prior"][0])
    assert first["n_polls"] > 0 and set(first["least_squares"]) == set(names)


@needs_pyabc
def test_bad_settings_are_one_clear_error(seeds_ledger: Path) -> None:
    with pytest.raises(SoftpowerError, match="population >= 10"):
        abc.abc_calibrate(seeds_ledger, population=2)


def test_without_pyabc_says_how_to_install(seeds_ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(abc, "available", lambda: False)
    with pytest.raises(SoftpowerError, match=r"pip install 'softpower\[abc\]'"):
        abc.abc_calibrate(seeds_ledger)
