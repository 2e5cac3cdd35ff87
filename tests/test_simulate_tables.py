"""The simulation's reference tables (parameters, calibration, strategies, named allocations):
each loader's whole result on a small table written here, and each refusal as the whole line.

The loaders read package data; these tests point them at a copy in ``tmp_path`` (the shipped
files, then one cell changed) and clear their caches before and after, so the shipped tables
are never altered and other tests see them as shipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from softpower.errors import InputError
from softpower.simulate import params, strategies
from softpower.simulate.params import Calibrated, Parameter
from softpower.simulate.strategies import Strategy

CACHED = (
    params._load,
    params.calibrated,
    strategies.strategies,
    strategies.strategy_groups,
    strategies.allies,
    strategies.hedgers,
    strategies.trust_priors,
    strategies.strategy_sources,
)


def _clear() -> None:
    for f in CACHED:
        f.cache_clear()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped sim_*.csv tables that the loaders read instead of the package's."""
    shipped = resources.files("softpower.data")
    for entry in shipped.iterdir():
        if entry.name.startswith("sim_") and entry.name.endswith(".csv"):
            (tmp_path / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    fake = SimpleNamespace(files=lambda package: tmp_path)
    monkeypatch.setattr(params, "resources", fake)
    monkeypatch.setattr(strategies, "resources", fake)
    _clear()
    yield tmp_path
    _clear()


PARAMS_HEAD = "name,default,low,high,unit,applies_to,source\n"


def _table(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "p.csv"
    path.write_text(PARAMS_HEAD + body, encoding="utf-8")
    return path


def test_a_users_parameter_table_is_read_whole(tmp_path: Path) -> None:
    path = _table(tmp_path, "a,1,0,2,years,oda_grant,Reasoning A\nb_2,-0.5,-1,0.25,,,declared\n")
    params._load.cache_clear()
    assert params.parameters(path) == {
        "a": Parameter("a", 1.0, 0.0, 2.0, "years", "oda_grant", "Reasoning A"),
        "b_2": Parameter("b_2", -0.5, -1.0, 0.25, "", "", "declared"),
    }
    assert list(params.parameters(path)) == ["a", "b_2"]  # table order


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("1a,1,0,2,u,x,s\n", "p.csv:2: name: bad parameter name '1a' (expected a Python identifier)"),
        (" ,1,0,2,u,x,s\n", "p.csv:2: name: bad parameter name '' (expected a Python identifier)"),
        (
            "a,1,0,2,u,x,s\nb,1,0,2,u,x,s\na,1,0,2,u,x,s\n",
            "p.csv:4: name: duplicate parameter 'a' (expected each name once)",
        ),
        ("a,1,x,2,u,x,s\n", "p.csv:2: low: not a number: 'x' (expected a decimal number)"),
        ("a,1,0,inf,u,x,s\n", "p.csv:2: high: not finite: 'inf' (expected a finite number)"),
        ("a,nan,0,1,u,x,s\n", "p.csv:2: default: not finite: 'nan' (expected a finite number)"),
        ("a,3,0,2,u,x,s\n", "p.csv:2: default: 3.0 outside [0.0, 2.0] (expected low <= default <= high)"),
        ("a,-1,0,2,u,x,s\n", "p.csv:2: default: -1.0 outside [0.0, 2.0] (expected low <= default <= high)"),
        ("a,1,1,1,u,x,s\n", "p.csv:2: default: 1.0 outside [1.0, 1.0] (expected low <= default <= high)"),
        ("a,1,0,2,u,x,  \n", "p.csv:2: source: empty (expected the source or reasoning of the value)"),
        ("a,1,0,2,u,x\n", "p.csv:2: source: empty (expected the source or reasoning of the value)"),
    ],
)
def test_a_bad_parameter_table_is_one_whole_line(tmp_path: Path, body: str, message: str) -> None:
    path = _table(tmp_path, body)
    params._load.cache_clear()
    with pytest.raises(InputError) as info:
        params.parameters(path)
    assert str(info.value).replace(str(tmp_path) + "/", "") == message


def test_the_bounds_of_a_parameter_are_inclusive(tmp_path: Path) -> None:
    path = _table(tmp_path, "lo,0,0,2,u,x,s\nhi,2,0,2,u,x,s\n")
    params._load.cache_clear()
    assert [(p.default, p.low, p.high) for p in params.parameters(path).values()] == [(0, 0, 2), (2, 0, 2)]


CAL_HEAD = "name,value,low,high,status,n_obs,fit_years,source\n"


def test_the_calibration_is_read_whole_and_only_identified_estimates_reach_scenarios(data: Path) -> None:
    (data / "sim_calibrated.csv").write_text(
        CAL_HEAD
        + "lam,0.5,0.4,0.6,identified,12,2002-2016,fit A\n"
        + "alpha,0.9,0.5,1.5,partly identified,12,2002-2016,fit B\n"  # interval beyond the prior's high (1)
        + "anchor,0.3,0.3,0.3,identified,7,2004-2010,fit C\n"  # a point interval
        + "beta,2,1,3,not identified,12,2002-2016,fit D\n",
        encoding="utf-8",
    )
    assert params.calibrated() == {
        "lam": Calibrated("lam", 0.5, 0.4, 0.6, "identified", 12, "2002-2016", "fit A"),
        "alpha": Calibrated("alpha", 0.9, 0.5, 1.5, "partly identified", 12, "2002-2016", "fit B"),
        "anchor": Calibrated("anchor", 0.3, 0.3, 0.3, "identified", 7, "2004-2010", "fit C"),
        "beta": Calibrated("beta", 2.0, 1.0, 3.0, "not identified", 12, "2002-2016", "fit D"),
    }
    prior = params.parameters()
    used = params.parameters(priors=False)
    assert list(used) == list(prior)
    changed = {n: p for n, p in used.items() if p != prior[n]}
    lam, alpha, anchor = prior["lam"], prior["alpha"], prior["anchor"]
    assert changed == {
        "lam": Parameter(
            "lam", 0.5, 0.4, 0.6, lam.unit, lam.applies_to, "calibrated (2002-2016, 12 polls): fit A"
        ),
        # the interval is cut to the declared range [-1, 1]
        "alpha": Parameter(
            "alpha", 0.9, 0.5, 1.0, alpha.unit, alpha.applies_to, "calibrated (2002-2016, 12 polls): fit B"
        ),
        # a point interval keeps a sliver of 1e-9 on each side
        "anchor": Parameter(
            "anchor",
            0.3,
            0.3 - 1e-9,
            0.3 + 1e-9,
            anchor.unit,
            anchor.applies_to,
            "calibrated (2004-2010, 7 polls): fit C",
        ),  # fmt: skip
    }
    # fixed runs take the calibrated defaults only without priors
    assert params.fixed(2, priors=False)["lam"].tolist() == [0.5, 0.5]
    assert params.fixed(2)["lam"].tolist() == [lam.default, lam.default]
    draws = params.sample(500, np.random.default_rng(0), priors=False)["lam"]
    assert draws.min() >= 0.4 and draws.max() <= 0.6


def test_a_point_interval_on_a_declared_bound_keeps_its_sliver_inside_the_range(data: Path) -> None:
    # lam's declared range is [0.05, 0.9]: an estimate on its high bound
    (data / "sim_calibrated.csv").write_text(
        CAL_HEAD + "lam,0.9,0.9,0.9,identified,3,2010-2012,fit\n", encoding="utf-8"
    )
    p = params.parameters(priors=False)["lam"]
    assert (p.default, p.low, p.high) == (0.9, 0.9 - 1e-9, 0.9)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "zeta,0.5,0.4,0.6,identified,1,2000-2001,s",
            "sim_calibrated.csv:2: name: unknown parameter 'zeta' (expected a parameter name)",
        ),
        (
            "lam,0.3,0.4,0.6,identified,1,2000-2001,s",
            "sim_calibrated.csv:2: value: 0.3 outside [0.4, 0.6] (expected low <= value <= high)",
        ),
        (
            "lam,0.7,0.4,0.6,identified,1,2000-2001,s",
            "sim_calibrated.csv:2: value: 0.7 outside [0.4, 0.6] (expected low <= value <= high)",
        ),
        (
            "lam,0.5,x,0.6,identified,1,2000-2001,s",
            "sim_calibrated.csv:2: low: not a number: 'x' (expected a decimal number)",
        ),
    ],
)
def test_a_bad_calibration_row_is_one_whole_line(data: Path, row: str, message: str) -> None:
    (data / "sim_calibrated.csv").write_text(CAL_HEAD + row + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        params.calibrated()
    assert str(info.value) == message


def test_no_shipped_calibration_means_priors_everywhere(data: Path) -> None:
    (data / "sim_calibrated.csv").unlink()
    assert params.calibrated() == {}
    assert params.parameters(priors=False) == params.parameters()


def test_the_sobol_problem_and_a_matrix_of_draws() -> None:
    table = params.parameters()
    prob = params.sobol_problem(exclude=("noise_sd", "s0"))
    names = [n for n in table if n not in ("noise_sd", "s0")]
    assert prob == {
        "num_vars": len(names),
        "names": names,
        "bounds": [[table[n].low, table[n].high] for n in names],
    }
    assert params.sobol_problem()["names"] == [n for n in table if n != "noise_sd"]
    m = np.array([[0.2, 5.0], [0.3, 6.0]])
    ps = params.from_matrix(m, ["lam", "beta"], {"rho": 1.5, "lam": 0.6})
    assert list(ps) == list(table)
    assert ps["lam"].tolist() == [0.2, 0.3] and ps["beta"].tolist() == [5.0, 6.0]  # the matrix wins
    assert ps["rho"].tolist() == [1.5, 1.5] and ps["s0"].tolist() == [table["s0"].default] * 2
    assert ps["lam"].flags["C_CONTIGUOUS"] and ps["lam"].dtype == np.float64


def test_a_sample_draws_triangular_laws_in_table_order_and_keeps_overrides() -> None:
    table = params.parameters()
    got = params.sample(3, np.random.default_rng(7), {"beta": 2.5})
    rng = np.random.default_rng(7)
    for n, p in table.items():
        draw = rng.triangular(p.low, p.default, p.high, size=3)  # drawn even when overridden
        np.testing.assert_array_equal(got[n], np.full(3, 2.5) if n == "beta" else draw)


# --- strategies ---------------------------------------------------------------------------


def _edit(path: Path, line: int, column: str, value: str) -> None:
    import csv

    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    rows[line - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


@pytest.mark.parametrize(
    ("line", "column", "value", "message"),
    [
        (2, "budget", "lots", "sim_strategies.csv:2: budget: not a number: 'lots' (expected a number)"),
        (3, "growth", "", "sim_strategies.csv:3: growth: not a number: '' (expected a number)"),
        (
            3,
            "ppp",
            "2",
            "sim_strategies.csv:3: ppp: share 2 outside [0, 1] (expected a share between 0 and 1)",
        ),
        (
            2,
            "reaction",
            "-1",
            "sim_strategies.csv:2: reaction: negative reaction -1 (expected a factor >= 0)",
        ),
        (2, "budget", "inf", "sim_strategies.csv:2: budget: not a number: inf (expected a finite number)"),
        (
            2,
            "oda_grant",
            "0.5",
            "sim_strategies.csv:2: allocation: allocation sums to 1.4 (expected shares summing to 1 (within 1e-6))",
        ),
    ],
)
def test_a_bad_strategy_table_is_one_whole_line(
    data: Path, line: int, column: str, value: str, message: str
) -> None:
    _edit(data / "sim_strategies.csv", line, column, value)
    with pytest.raises(InputError) as info:
        strategies.strategies()
    assert str(info.value) == message


def test_a_strategy_is_read_whole(data: Path) -> None:
    (data / "sim_strategies.csv").write_text(
        "strategy,description,budget,growth,ppp,equal_footing,reaction,"
        + ",".join(strategies.instruments())
        + ",source\n"
        + "s1,One strategy,100,0.5,0,1,0,"
        + ",".join(["0.5", "0.25"] + ["0"] * 11 + ["0.25"])
        + ",here\n",
        encoding="utf-8",
    )
    alloc = {k: 0.0 for k in strategies.instruments()} | {
        "oda_grant": 0.5,
        "oda_loan": 0.25,
        "military_activity": 0.25,
    }
    s = Strategy("s1", "One strategy", 100.0, 0.5, 0.0, 1.0, 0.0, alloc)
    assert strategies.strategies() == {"s1": s}
    assert s.shares() == [0.5, 0.25] + [0.0] * 11 + [0.25]
    assert Strategy("x", "", 1, 0, 0, 0, 1, {"oda_loan": 1.0}).shares() == [0.0, 1.0] + [0.0] * 12


def test_the_small_tables_are_read_whole(data: Path) -> None:
    (data / "sim_allies.csv").write_text("donor,partner,source\nUSA,PHL,x\nUSA,THA,y\n", encoding="utf-8")
    (data / "sim_hedgers.csv").write_text("partner,source\nVNM,x\nIDN,y\n", encoding="utf-8")
    (data / "sim_trust_priors.csv").write_text("donor,trust,source\nJPN,0.6,x\n*,0.4,y\n", encoding="utf-8")
    (data / "sim_strategy_sources.csv").write_text(
        "strategy,field,source,note\ns1,budget,declared,a prior\n", encoding="utf-8"
    )
    assert strategies.allies() == frozenset({("USA", "PHL"), ("USA", "THA")})
    assert strategies.hedgers() == frozenset({"VNM", "IDN"})
    assert strategies.trust_priors() == {"JPN": 0.6, "*": 0.4}
    assert strategies.strategy_sources() == {
        ("s1", "budget"): {"strategy": "s1", "field": "budget", "source": "declared", "note": "a prior"}
    }


GROUPS_HEAD = "strategy,group,instruments,source\n"
REST = (
    "fund_contribution technical_cooperation trade_agreement investment_promotion cultural_institution "
    "people_exchange science_cooperation health_cooperation disaster_cooperation diplomatic_framework "
    "security_agreement military_activity"
)


def test_named_allocations_sum_each_group_in_table_order(data: Path) -> None:
    (data / "sim_strategy_groups.csv").write_text(
        GROUPS_HEAD + f"s1,second,oda_loan,x\ns1,first,oda_grant,x\ns1,rest,{REST},x\n", encoding="utf-8"
    )
    s = Strategy(
        "s1", "", 1, 0, 0, 0, 1, {"oda_grant": 0.1234567, "oda_loan": 0.5, "military_activity": 0.3765433}
    )
    assert strategies.strategy_groups() == {
        "s1": {"second": ("oda_loan",), "first": ("oda_grant",), "rest": tuple(REST.split())}
    }
    got = strategies.named_allocations(s)
    assert got == {"second": 0.5, "first": 0.123457, "rest": 0.376543} and list(got) == [
        "second",
        "first",
        "rest",
    ]
    assert strategies.named_allocations(Strategy("other", "", 1, 0, 0, 0, 1, {"oda_grant": 1.0})) == {}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            f"s1,a,oda_grant aid,x\ns1,b,oda_loan {REST},x\n",
            "sim_strategy_groups.csv:2: instruments: unknown 'aid' (expected instrument codes)",
        ),
        (
            f"s1,a,oda_grant,x\ns1,b,{REST},x\n",  # oda_loan in no group
            "sim_strategy_groups.csv: s1: groups do not cover each instrument once (expected a partition)",
        ),
        (
            f"s1,a,oda_grant oda_loan,x\ns1,b,oda_loan {REST},x\n",  # oda_loan twice
            "sim_strategy_groups.csv: s1: groups do not cover each instrument once (expected a partition)",
        ),
    ],
)
def test_bad_named_groups_are_one_whole_line(data: Path, body: str, message: str) -> None:
    (data / "sim_strategy_groups.csv").write_text(GROUPS_HEAD + body, encoding="utf-8")
    with pytest.raises(InputError) as info:
        strategies.strategy_groups()
    assert str(info.value) == message


def test_the_shipped_strategies_are_read_in_table_order() -> None:
    _clear()
    assert list(strategies.strategies()) == [
        "doux-smart-power",
        "china-four-level",
        "us-profile",
        "hard-power-first",
    ]
