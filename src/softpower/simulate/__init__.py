"""Simulation: a calibrated scenario model of the competition for influence.

Donors (strategies as data) build engagement roots in partners; partners' trust moves
toward a target set by those roots (Friedkin-Johnsen anchoring) and their alignment
hedges across donors. Ensembles are vectorised over runs; see ``docs/model.md``.

Examples
--------
>>> from softpower.simulate import list_scenarios, run_scenario
>>> "baseline" in dict(list_scenarios())
True
"""

from softpower.simulate.api import ScenarioResult, list_scenarios, run_scenario, write_result
from softpower.simulate.scenario import Scenario, load_scenario

__all__ = ["Scenario", "ScenarioResult", "list_scenarios", "load_scenario", "run_scenario", "write_result"]
