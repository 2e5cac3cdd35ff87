"""Approximate Bayesian computation for the calibration (ABC-SMC with pyabc, an optional extra).

Least squares (:func:`softpower.simulate.calibrate.calibrate`) gives one best parameter
vector. ABC-SMC gives a posterior: parameter vectors drawn from their declared ranges
(uniform priors) are kept when the replayed history reproduces the perception facts
within a tolerance that shrinks generation by generation. The distance is the RMSE
between observed polls and the model's forecasts from each dyad's previous poll, over the
same polls least squares fits (:func:`softpower.simulate.calibrate.problem`).

Install with ``pip install 'softpower[abc]'``; without pyabc the command says so and
least squares remains the method.

References
----------
Toni, T., Welch, D., Strelkowa, N., Ipsen, A. and Stumpf, M. P. H. (2009). Approximate
Bayesian computation scheme for parameter inference and model selection in dynamical
systems. *Journal of the Royal Society Interface* 6(31), 187-202.
Schälte, Y., Klinger, E., Alamoudi, E. and Hasenauer, J. (2022). pyABC: Efficient and
robust easy-to-use approximate Bayesian computation. *Journal of Open Source Software*
7(74), 4304.
"""

from __future__ import annotations

import logging
import tempfile
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

from softpower.errors import SoftpowerError
from softpower.simulate.calibrate import FIT_PARAMS, calibrate, opinion_series, problem
from softpower.simulate.init import opened, perception_observations
from softpower.simulate.params import parameters
from softpower.simulate.scenario import Scenario, load_scenario


def available() -> bool:
    """True when pyabc is importable."""
    return find_spec("pyabc") is not None


def _weighted_quantiles(values: np.ndarray, weights: np.ndarray, qs: tuple[float, ...]) -> list[float]:
    order = np.argsort(values)
    v, w = values[order], weights[order]
    cum = (np.cumsum(w) - 0.5 * w) / w.sum()
    return [float(np.interp(q, cum, v)) for q in qs]


def abc_calibrate(
    ledger: Any,
    *,
    scenario: str | Path | Scenario = "baseline",
    params: tuple[str, ...] = FIT_PARAMS,
    population: int = 100,
    generations: int = 4,
    seed: int = 0,
) -> dict[str, Any]:
    """ABC-SMC posterior of ``params`` given the ledger's perception records.

    Parameters
    ----------
    ledger
        An open ledger or a ledger path.
    scenario
        Gives the donors and their strategies, as for least squares.
    params
        Parameters with uniform priors over their declared ranges.
    population, generations
        Particles per generation and the number of SMC generations.
    seed
        Seed of the sampler (pyabc draws from numpy's global generator, which is seeded
        here and restored afterwards).

    Returns
    -------
    dict
        ``posterior`` (per parameter: weighted mean and 5/50/95 % quantiles),
        ``epsilons`` (the tolerance of each generation), ``least_squares`` (the point fit
        and its offsets), and the settings.

    Raises
    ------
    SoftpowerError
        When pyabc is not installed, or the ledger has no usable perception records.
    """
    if not available():
        raise SoftpowerError(
            "calibrate --method abc: pyabc is not installed (expected: pip install 'softpower[abc]')"
        )
    if population < 10 or generations < 1:
        raise SoftpowerError("calibrate --method abc: expected --population >= 10 and --generations >= 1")
    import pyabc

    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    names = tuple(params)
    ls = calibrate(ledger, scenario=sc, params=names, identify=False)
    with opened(ledger) as led:
        pb = problem(led, sc, opinion_series(perception_observations(led), sc), None)
    use = (pb.rows["set"] == "fit").to_numpy()
    y = pb.rows["value"].to_numpy(float)
    table = parameters()

    def model(p: dict[str, float]) -> dict[str, np.ndarray]:
        x = np.array([[float(p[n]) for n in names]])
        return {"share": pb.predict(names, x)[0][use]}

    def distance(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> float:
        return float(np.sqrt(np.mean((a["share"] - b["share"]) ** 2)))

    prior = pyabc.Distribution(
        **{n: pyabc.RV("uniform", table[n].low, table[n].high - table[n].low) for n in names}
    )
    for name in ("ABC", "pyabc", "Epsilon", "Population", "Sampler", "History", "Distance"):
        logging.getLogger(name).setLevel(logging.WARNING)
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        smc = pyabc.ABCSMC(
            model, prior, distance, population_size=population, sampler=pyabc.sampler.SingleCoreSampler()
        )
        with tempfile.TemporaryDirectory() as tmp:
            smc.new("sqlite:///" + str(Path(tmp) / "abc.db"), {"share": y[use]})
            history = smc.run(max_nr_populations=generations)
            frame, weights = history.get_distribution()
            epsilons = history.get_all_populations()["epsilon"].tolist()
            n_sims = int(history.total_nr_simulations)
    finally:
        np.random.set_state(state)
    w = np.asarray(weights, float)
    posterior = {}
    for n in names:
        v = frame[n].to_numpy(float)
        p05, p50, p95 = _weighted_quantiles(v, w, (0.05, 0.5, 0.95))
        posterior[n] = {
            "mean": float(np.sum(v * w) / w.sum()),
            "p05": p05,
            "p50": p50,
            "p95": p95,
            "prior": [table[n].low, table[n].high],
        }
    return {
        "method": "ABC-SMC (pyabc), uniform priors over the declared ranges, RMSE distance",
        "population": population,
        "generations": len([e for e in epsilons if np.isfinite(e)]),
        "epsilons": [float(e) for e in epsilons if np.isfinite(e)],
        "simulations": n_sims,
        "seed": seed,
        "n_polls": int(use.sum()),
        "posterior": posterior,
        "least_squares": ls.fitted,
    }
