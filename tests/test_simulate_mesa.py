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
