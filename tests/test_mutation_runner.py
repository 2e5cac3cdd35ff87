"""The estimates and the strata of ``tools/mutation.py`` (``make mutation``)."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def mutation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_tool", ROOT / "tools" / "mutation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutation_tool"] = module
    spec.loader.exec_module(module)
    return module


def _row(generated: int, killed: int, survived: int, no_tests: int = 0) -> dict[str, object]:
    counts = {"killed": killed, "survived": survived, "timeout": 0, "no tests": no_tests, "other": 0}
    return {"generated": generated, "counts": {**counts, "not run": 0}}


def test_wilson_interval_matches_the_textbook_values(mutation: ModuleType) -> None:
    lo, hi = mutation.wilson(0.5, 100)
    assert (round(lo, 4), round(hi, 4)) == (0.4038, 0.5962)
    lo, hi = mutation.wilson(0.0, 10)  # no survivor seen in 10 still allows up to 27.8 %
    assert lo == 0.0 and round(hi, 4) == 0.2775
    assert mutation.wilson(0.3, math.inf) == (0.3, 0.3)


def test_one_stratum_counts_no_tests_as_surviving_and_a_census_is_exact(mutation: ModuleType) -> None:
    e = mutation.estimate([_row(1000, killed=36, survived=3, no_tests=1)])
    assert e["p"] == pytest.approx(0.1) and e["n"] == 40
    assert e["lo"] < 0.1 < e["hi"] < 0.25
    census = mutation.estimate([_row(40, killed=36, survived=4)])
    assert (census["lo"], census["hi"]) == (pytest.approx(0.1), pytest.approx(0.1))


def test_strata_are_weighted_by_their_number_of_mutants(mutation: ModuleType) -> None:
    rows = [_row(100, killed=40, survived=0), _row(900, killed=20, survived=20)]
    e = mutation.estimate(rows)
    assert e["p"] == pytest.approx(0.9 * 0.5)  # not the pooled 20 / 80
    assert e["lo"] < 0.45 < e["hi"]
    # the big stratum without survivors in its sample still widens the interval: with a zero
    # variance for it the interval would come from the small stratum alone (about 0.04 to 0.06)
    e = mutation.estimate([_row(900, killed=40, survived=0), _row(100, killed=20, survived=20)])
    assert e["p"] == pytest.approx(0.05)
    assert (round(e["lo"], 3), round(e["hi"], 3)) == (0.021, 0.114)


def test_ledger_strata_cover_each_file_once(mutation: ModuleType) -> None:
    mutation.check_partition("ledger")
    names = [s.name for s in mutation.targets(["ledger"])]
    assert names[0] == "ledger-validate" and len(names) == len(set(names)) >= 2
    shared = [s for s in mutation.targets(["ledger"]) if s.stage]
    assert all(set(s.mutate) <= set(s.stage_mutate) for s in shared)


def test_an_unknown_target_is_refused(mutation: ModuleType) -> None:
    with pytest.raises(SystemExit, match="unknown target 'nowhere'"):
        mutation.targets(["nowhere"])
