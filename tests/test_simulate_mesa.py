"""The vectorised model and the per-agent Mesa reference agree to 1e-9 with noise off."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from softpower.simulate.init import build_inputs
from softpower.simulate.model import simulate
from softpower.simulate.params import sample
from softpower.simulate.scenario import load_scenario

pytest.importorskip("mesa", reason="the Mesa reference needs mesa (the bench extra)")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from mesa_reference import run_reference  # noqa: E402


@pytest.mark.parametrize(
    "name", ["baseline", "us-health-withdrawal", "japan-asean-equal-footing", "china-lending-slows"]
)
def test_trajectories_agree(name: str, seeds_ledger: Path) -> None:
    inp = build_inputs(load_scenario(name), seeds_ledger)
    prm = sample(2, np.random.default_rng(17))
    fast = simulate(inp, prm, rng=None)
    for r in range(2):
        trust, align = run_reference(inp, {k: float(v[r]) for k, v in prm.items()})
        assert trust.shape == fast.trust[r].shape
        assert np.max(np.abs(trust - fast.trust[r])) < 1e-9
        assert np.max(np.abs(align - fast.alignment[r])) < 1e-9


def test_agree_with_observed_flows(seeds_ledger: Path) -> None:
    # calibration replays observed flows (``extra``); the reference follows them too
    inp = build_inputs(load_scenario("japan-doubles-health-ppp"), seeds_ledger)
    inp.extra = np.random.default_rng(2).uniform(0, 50, inp.flow.shape)
    prm = sample(1, np.random.default_rng(3))
    fast = simulate(inp, prm)
    trust, align = run_reference(inp, {k: float(v[0]) for k, v in prm.items()})
    assert np.max(np.abs(trust - fast.trust[0])) < 1e-9 and np.max(np.abs(align - fast.alignment[0])) < 1e-9


def test_agree_with_level_and_polls(seeds_ledger: Path) -> None:
    # a long-run level apart from the start state, and polls assimilated as they come
    inp = build_inputs(load_scenario("baseline"), seeds_ledger)
    gen = np.random.default_rng(5)
    inp.level = gen.uniform(0.2, 0.8, inp.t0.shape)
    obs = np.full((inp.flow.shape[0] + 1, *inp.t0.shape), np.nan)
    obs[0, 0, :3] = [0.3, 0.6, 0.9]
    obs[4, 1, 2] = 0.25
    obs[7, 2, :] = 0.7
    inp.observed = obs
    prm = sample(1, np.random.default_rng(9))
    fast = simulate(inp, prm)
    trust, align = run_reference(inp, {k: float(v[0]) for k, v in prm.items()})
    assert np.max(np.abs(trust - fast.trust[0])) < 1e-9 and np.max(np.abs(align - fast.alignment[0])) < 1e-9
    # the recorded year of a poll is the forecast, not the poll itself
    assert abs(fast.trust[0, 4, 1, 2] - 0.25) > 1e-6
