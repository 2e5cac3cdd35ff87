"""Whole outputs of measure/: complete values and complete one-line messages on small fixed inputs.

Each test compares *everything* a function returns (every field, key, row and the whole error
line) with a value written out here and checked by hand, so that any change to a message word,
a line number, a default or a key fails (mutation testing, docs/testing.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import pytest

from softpower.errors import InputError, SoftpowerError
from softpower.measure import LEADER_COLUMNS, explain, leaders_table, run_index
from softpower.measure.framework import Framework, Pillar, load_framework, parse_framework
from softpower.measure.methods import FAMILIES
from softpower.measure.scope import resolve_partners

# --- framework files ---------------------------------------------------------------------------

_FULL = """# every key a framework may hold
name: small
description: >
  Two pillars,
  one weighted indicator.
imputation: mean
normalisation: rank
weighting: equal
aggregation: geometric
treatment: none
half_life: 8
half_life_range: [4, 16]
pillars:
  ties:
    weight: 0.75
    indicators:
      - count:economic
      - {"roots:all": 0.5}
  views:
    weight: 0.25
    indicators:
      - " perception:trust | perception:any "
uncertainty:
  normalisation: [rank, zscore]
  imputation: [mean]
  aggregation: [geometric, arithmetic]
  split: [full, equal]
"""


def test_a_framework_file_with_every_key_is_read_whole() -> None:
    # the folded description joined and stripped; relative weights kept when one differs from 1;
    # alternatives trimmed; every method and uncertainty list as written; the file as source
    assert parse_framework(_FULL, "dir/small.yaml") == Framework(
        name="small",
        pillars=(
            Pillar("ties", 0.75, ("count:economic", "roots:all"), (1.0, 0.5)),
            Pillar("views", 0.25, ("perception:trust|perception:any",), ()),
        ),
        imputation="mean",
        normalisation="rank",
        weighting="equal",
        aggregation="geometric",
        half_life=8.0,
        half_life_range=(4.0, 16.0),
        mc_normalisation=("rank", "zscore"),
        mc_imputation=("mean",),
        mc_aggregation=("geometric", "arithmetic"),
        mc_split=("full", "equal"),
        treatment="none",
        source="dir/small.yaml",
        description="Two pillars, one weighted indicator.",
    )


def test_a_minimal_framework_file_takes_every_default() -> None:
    # no name: the file's stem; no weights: None (equal); relative weights all 1: none kept;
    # the uncertainty lists: every normaliser and imputer, the nominal aggregation, equal split
    text = "pillars:\n  a:\n    indicators: [count:all, {usd:all: 1}]\n  b:\n    indicators: [usd:all]\n"
    fw = parse_framework(text, "dir/plain.yaml")
    assert fw == Framework(
        name="plain",
        pillars=(Pillar("a", None, ("count:all", "usd:all"), ()), Pillar("b", None, ("usd:all",), ())),
        imputation="zero",
        normalisation="minmax",
        weighting="user",
        aggregation="arithmetic",
        half_life=10.0,
        half_life_range=(5.0, 20.0),
        mc_normalisation=("minmax", "zscore", "rank", "frontier"),
        mc_imputation=("none", "zero", "mean", "carry_forward"),
        mc_aggregation=("arithmetic",),
        mc_split=("equal",),
        treatment="auto",
        source="dir/plain.yaml",
        description="",
    )
    assert fw.weights() == {"a": 0.5, "b": 0.5}
    assert fw.indicators == ("count:all", "usd:all")
    assert parse_framework(_FULL, "f").weights() == {"ties": 0.75, "views": 0.25}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "name: x\npillars: [\n",
            "fw/x.yaml:3: not valid YAML: expected the node content, but found '<stream end>' (expected a YAML mapping)",
        ),
        ("- a\n- b\n", "fw/x.yaml: the file is not a mapping (expected keys name, pillars, ...)"),
        (
            "name: x\n",
            "fw/x.yaml: pillars: missing or empty (expected a mapping pillar -> {weight, indicators})",
        ),
        (
            "name: x\npillars: {}\n",
            "fw/x.yaml:2: pillars: missing or empty (expected a mapping pillar -> {weight, indicators})",
        ),
        (
            "name: x\npillars:\n  a: 3\n",
            "fw/x.yaml:3: pillars.a.indicators: missing or empty (expected a list of indicator names)",
        ),
        (
            "name: x\npillars:\n  a:\n    weight: 1\n",
            "fw/x.yaml:3: pillars.a.indicators: missing or empty (expected a list of indicator names)",
        ),
        (
            "name: x\npillars:\n  a:\n    indicators: []\n",
            "fw/x.yaml:3: pillars.a.indicators: missing or empty (expected a list of indicator names)",
        ),
        (
            "pillars:\n  a:\n    indicators:\n      - {count:all: 1, usd:all: 2}\n",
            "fw/x.yaml:4: pillars.a.indicators: {'count:all': 1, 'usd:all': 2} is not one name (expected NAME or {NAME: WEIGHT})",
        ),
        (
            "pillars:\n  a:\n    indicators:\n      - count:all\n      - {usd:all: 0}\n",
            "fw/x.yaml:5: pillars.a.indicators: relative weight 0 (expected a number > 0)",
        ),
        (
            "pillars:\n  a:\n    indicators:\n      - {usd:all: true}\n",
            "fw/x.yaml:4: pillars.a.indicators: relative weight True (expected a number > 0)",
        ),
        (
            "pillars:\n  a:\n    indicators:\n      - {usd:all: .inf}\n",
            "fw/x.yaml:4: pillars.a.indicators: relative weight inf (expected a number > 0)",
        ),
        (
            "pillars:\n  a:\n    indicators:\n      - {usd:all: x}\n",
            "fw/x.yaml:4: pillars.a.indicators: relative weight 'x' (expected a number > 0)",
        ),
        (
            "pillars:\n  a:\n    indicators:\n      - count:all\n      - votes:all\n",
            "fw/x.yaml:5: pillars.a.indicators: unknown indicator 'votes:all' (expected family:selector with family in ('count', 'usd', 'roots', 'indicator', 'perception'))",
        ),
        (
            "pillars:\n  a:\n    weight: 0.5\n    indicators: [count:all]\n  b:\n    weight: 0.6\n    indicators: [usd:all]\n",
            "fw/x.yaml: weights: weights sum to 1.1 (expected weights summing to 1)",
        ),
        (
            "pillars:\n  a:\n    weight: -0.5\n    indicators: [count:all]\n",
            "fw/x.yaml:3: a.weight: negative weight -0.5 (expected a weight >= 0)",
        ),
        (
            "pillars:\n  a:\n    weight: lots\n    indicators: [count:all]\n",
            "fw/x.yaml:3: a.weight: 'lots' is not a number (expected a number in [0, 1])",
        ),
        (
            "pillars:\n  a:\n    weight: .nan\n    indicators: [count:all]\n",
            "fw/x.yaml:3: a.weight: nan is not finite (expected a number in [0, 1])",
        ),
        (
            "pillars:\n  a:\n    weight: 1\n    indicators: [count:all]\n  b:\n    indicators: [usd:all]\n",
            "fw/x.yaml: weights: no weight for pillar 'b' (expected a weight for every pillar)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nhalf_life: 0\n",
            "fw/x.yaml:4: half_life: 0 is not a positive number (expected years > 0)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nhalf_life: ten\n",
            "fw/x.yaml:4: half_life: 'ten' is not a positive number (expected years > 0)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nhalf_life: 10\nhalf_life_range: [12, 20]\n",
            "fw/x.yaml:5: half_life_range: [12, 20] is not a valid range (expected [low, high] with 0 < low <= half_life <= high)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nhalf_life_range: [1, 10, 20]\n",
            "fw/x.yaml:4: half_life_range: [1, 10, 20] is not a valid range (expected [low, high] with 0 < low <= half_life <= high)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nhalf_life: 10\nhalf_life_range: [0, 20]\n",
            "fw/x.yaml:5: half_life_range: [0, 20] is not a valid range (expected [low, high] with 0 < low <= half_life <= high)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nhalf_life: 10\nhalf_life_range: [5, 9]\n",
            "fw/x.yaml:5: half_life_range: [5, 9] is not a valid range (expected [low, high] with 0 < low <= half_life <= high)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nhalf_life_range: [a, 20]\n",
            "fw/x.yaml:4: half_life_range: ['a', 20] is not a valid range (expected [low, high] with 0 < low <= half_life <= high)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nuncertainty:\n  normalisation: [minmax, cube]\n",
            "fw/x.yaml:5: uncertainty.normalisation: unknown method 'cube' (expected a list from ('minmax', 'zscore', 'rank', 'frontier'))",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nuncertainty:\n  imputation: [guess]\n",
            "fw/x.yaml:5: uncertainty.imputation: unknown method 'guess' (expected a list from ('none', 'zero', 'mean', 'carry_forward'))",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nuncertainty:\n  aggregation: [median]\n",
            "fw/x.yaml:5: uncertainty.aggregation: unknown method 'median' (expected a list from ('arithmetic', 'geometric'))",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nuncertainty:\n  split: []\n",
            "fw/x.yaml:5: uncertainty.split: unknown method '(empty)' (expected a list from ('equal', 'full'))",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nuncertainty:\n  split: [equal, half]\n",
            "fw/x.yaml:5: uncertainty.split: unknown method 'half' (expected a list from ('equal', 'full'))",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nimputation: guess\n",
            "fw/x.yaml:4: imputation: unknown method 'guess' (expected one of none, zero, mean, carry_forward)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nnormalisation: cube\n",
            "fw/x.yaml:4: normalisation: unknown method 'cube' (expected one of minmax, zscore, rank, frontier)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\nweighting: vibes\n",
            "fw/x.yaml:4: weighting: unknown method 'vibes' (expected one of equal, user, expert)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\naggregation: median\n",
            "fw/x.yaml:4: aggregation: unknown method 'median' (expected one of arithmetic, geometric)",
        ),
        (
            "pillars:\n  a:\n    indicators: [count:all]\ntreatment: boxcox\n",
            "fw/x.yaml:4: treatment: unknown method 'boxcox' (expected one of auto, none)",
        ),
    ],
)
def test_every_framework_error_is_one_whole_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_framework(text, "fw/x.yaml")
    assert str(info.value) == message


def test_an_unreadable_framework_file_names_the_file_and_the_reason(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_framework(tmp_path / "none.yaml")
    assert str(info.value) == (
        f"{tmp_path / 'none.yaml'}: cannot read framework file (No such file or directory) "
        "(expected a readable YAML file)"
    )


def test_the_bundled_framework_is_read_from_the_package_as_default_yaml() -> None:
    fw = load_framework()
    assert (fw.name, fw.source, fw.pillar_names) == (
        "default",
        "default.yaml",
        ("economic_ties", "people_culture", "smart_cooperation", "diplomatic_standing", "security_ties"),
    )
    assert fw.weights() == {
        "economic_ties": 0.25,
        "people_culture": 0.15,
        "smart_cooperation": 0.25,
        "diplomatic_standing": 0.2,
        "security_ties": 0.15,
    }
    assert (fw.mc_split, fw.mc_aggregation, fw.half_life, fw.half_life_range) == (
        ("equal", "full"),
        ("arithmetic", "geometric"),
        10.0,
        (5.0, 20.0),
    )


# --- run_index, explain and the partner scope: every refusal, whole -----------------------------


@dataclasses.dataclass
class _World:
    ledger: Path
    framework: Path
    empty: Path
    arms: Path
    troops: Path
    result: Any


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> _World:
    return make_world(tmp_path_factory.mktemp("exact"))


def make_world(d: Path) -> _World:
    """The fixed ledger of tests/test_measure_whole_index.py, an empty and an arms ledger, the
    framework ``a``, a framework nothing observes, and the index of ``a`` without draws."""
    from softpower.ledger import Ledger
    from test_measure_scope import _arms_ledger
    from test_measure_whole_index import FRAMEWORK_A, build_ledger

    ledger = build_ledger(d / "w.duckdb")
    fw = d / "a.yaml"
    fw.write_text(FRAMEWORK_A, encoding="utf-8")
    troops = d / "t.yaml"
    troops.write_text("name: t\npillars:\n  a: {indicators: [indicator:troops]}\n", encoding="utf-8")
    with Ledger.open(d / "e.duckdb"):
        pass
    result = run_index(ledger, framework=fw, mc=0, partners="all")
    return _World(ledger, fw, d / "e.duckdb", _arms_ledger(d / "arms.duckdb"), troops, result)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.framework, mc=-1),
            "--mc: -1 is negative (expected a number of draws >= 0)",
            id="mc_neg",
        ),
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.framework, mc=1_000_001),
            "--mc: 1000001 draws is too many (expected at most 1000000; the draws are held in memory and 1,000 already give stable 5-95 % rank intervals)",
            id="mc_big",
        ),
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.framework, mc=0, min_sources=0),
            "--min-sources: 0 is below 1 (expected an integer >= 1)",
            id="minsrc",
        ),
        pytest.param(
            lambda w: run_index(w.empty, mc=0),
            "<tmp>/e.duckdb: no dated record with a partner state passes the source filters (min_sources=1, third_party_only=False; expected records imported with `softpower ledger import`)",
            id="empty",
        ),
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.framework, mc=0, min_sources=9, third_party_only=True),
            "<tmp>/w.duckdb: no dated record with a partner state passes the source filters (min_sources=9, third_party_only=True; expected records imported with `softpower ledger import`)",
            id="filtered",
        ),
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.framework, mc=0, partners="FJI"),
            "ledger: no dated record names a partner compared (expected records of FJI; --partners all compares every partner)",
            id="partner_none",
        ),
        pytest.param(
            lambda w: run_index(w.arms, mc=0, partners="PIC"),
            "ledger: no dated record names a partner compared (expected records of COK, FJI, FSM, KIR, MHL, NIU, NRU, PLW, ...; --partners all compares every partner)",
            id="partner_many",
        ),
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.troops, mc=0, partners="all"),
            "ledger: no framework indicator observes any actor-partner-year (expected records matching the framework's indicators)",
            id="nothing_obs",
        ),
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.troops, mc=0, partners="KHM,LAO"),
            "ledger: no framework indicator observes any actor-partner-year of the partners compared (expected records matching the framework's indicators; --partners all compares every partner)",
            id="nothing_obs_scope",
        ),
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.framework, mc=0, partners="all", year=2005),
            "--year 2005: no data observed that year (expected one of 2009, 2010, 2011)",
            id="year",
        ),
        pytest.param(
            lambda w: run_index(w.ledger, framework=w.framework, mc=0, weights={"engagement": 1.0}),
            "--weight: weights: no weight for pillar 'security' (expected a weight for every pillar)",
            id="weights",
        ),
        pytest.param(
            lambda w: run_index(
                w.ledger, framework=w.framework, mc=0, weights={"engagement": 0.5, "security": 0.6}
            ),
            "--weight: weights: weights sum to 1.1 (expected weights summing to 1)",
            id="weights_sum",
        ),
        pytest.param(
            lambda w: resolve_partners("VNM, xyz"),
            "--partners: 'xyz' is not an ISO3 or group code (expected e.g. 'indo-pacific', 'all', or 'VNM,PHL,PIC')",
            id="scope_bad",
        ),
        pytest.param(
            lambda w: resolve_partners(" , "),
            "--partners: ' , ' names no partner (expected e.g. 'VNM,PHL,PIC')",
            id="scope_none",
        ),
        pytest.param(
            lambda w: explain(w.result, "fji", 2010),
            "--explain: FJI is not a partner of the index (expected an ISO3 code it scores)",
            id="explain_partner",
        ),
        pytest.param(
            lambda w: explain(w.result, "KHM", 2015),
            "--explain: no donor is observed in KHM in 2015",
            id="explain_year",
        ),
        pytest.param(
            lambda w: explain(dataclasses.replace(w.result, model=None), "KHM", 2010),
            "explain: the result carries no model (run run_index in this process)",
            id="explain_model",
        ),
    ],
)
def test_every_refusal_of_the_index_is_one_whole_line(
    world: _World, call: Callable[[_World], object], message: str
) -> None:
    # the ledger's path is the only part of a message that differs from run to run
    with pytest.raises(SoftpowerError) as info:
        call(world)
    assert str(info.value).replace(str(world.ledger.parent), "<tmp>") == message


# --- the leaders table, written out by hand -----------------------------------------------------


def _dyads(rows: list[tuple[str, str, int, float, int, float, float, int, int]]) -> pd.DataFrame:
    cols = [
        "actor",
        "partner",
        "year",
        "score",
        "rank",
        "lead_share",
        "coverage",
        "indicators_observed",
        "n_facts",
    ]
    return pd.DataFrame(rows, columns=cols)


#: bit k of ``indicators_observed`` is INDICATORS[k]; roots stocks never count as support
INDICATORS = ["count:all", "usd:all", "roots:all"]

DYADS = _dyads(
    [
        # KHM 2010: a clear, comparable leader observed on the same indicators as the runner-up
        ("JPN", "KHM", 2010, 0.5, 2, 0.2, 1.0, 0b111, 4),
        ("CHN", "KHM", 2010, 0.9, 1, 0.7, 1.0, 0b111, 6),
        ("USA", "KHM", 2010, 0.2, 3, 0.1, 1.0, 0b111, 2),
        # KHM 2011: two donors share the top score, a third is behind
        ("CHN", "KHM", 2011, 0.6, 1, 0.4, 1.0, 0b011, 3),
        ("JPN", "KHM", 2011, 0.6, 1, 0.5, 1.0, 0b011, 5),
        ("USA", "KHM", 2011, 0.1, 3, 0.1, 0.6, 0b001, 1),
        # LAO 2010: every compared donor ties
        ("CHN", "LAO", 2010, 0.4, 1, 0.3, 1.0, 0b111, 2),
        ("USA", "LAO", 2010, 0.4, 1, 0.3, 1.0, 0b111, 2),
        # VNM 2010: one donor only
        ("USA", "VNM", 2010, 0.3, 1, 1.0, 0.4, 0b101, 1),
        # VNM 2011: the leader and the runner-up are observed on different indicators
        ("CHN", "VNM", 2011, 0.7, 1, 0.9, 0.8, 0b011, 7),
        ("USA", "VNM", 2011, 0.3, 2, 0.1, 0.4, 0b001, 2),
    ]
)

_N = None
LEADERS = [
    # partner, year, leader, score, runner_up, runner_up_score, margin, lead_share, n_compared,
    # leader_coverage, runner_up_coverage, comparable, n_facts, support, support_indicators, note
    ("KHM", 2010, "CHN", 0.9, "JPN", 0.5, 0.4, 0.7, 3, 1.0, 1.0, True, 6, 2, "count:all, usd:all", ""),
    ("KHM", 2011, "CHN+JPN", 0.6, "USA", 0.1, 0.5, 0.4, 3, 1.0, 0.6, False, 3, 1, "count:all",
     "rests on 1 indicator(s) shared with the runner-up (fewer than 2)"),
    ("LAO", 2010, _N, 0.4, _N, _N, 0.0, _N, 2, 1.0, _N, False, 2, 2, "count:all, usd:all",
     "all compared donors tie"),
    ("VNM", 2010, "USA", 0.3, _N, _N, 0.0, 1.0, 1, 0.4, _N, False, 1, 1, "count:all",
     "only donor observed: not comparable; rests on 1 indicator(s) (fewer than 2)"),
    ("VNM", 2011, "CHN", 0.7, "USA", 0.3, 0.4, 0.9, 2, 0.8, 0.4, False, 7, 1, "count:all",
     "not comparable: the leader is observed on 80% of the weight, the runner-up on 40%, not the same "
     "indicators; rests on 1 indicator(s) shared with the runner-up (fewer than 2)"),
]  # fmt: skip


def _table_rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    def plain(v: Any) -> Any:
        if isinstance(v, float) and np.isnan(v):
            return None
        return round(v, 12) if isinstance(v, float) else v

    return [tuple(plain(v) for v in row) for row in frame.astype(object).itertuples(index=False)]


def test_the_leaders_table_is_the_one_written_out() -> None:
    source = SimpleNamespace(dyads=DYADS, meta={"indicators": INDICATORS})
    table = leaders_table(source)
    assert tuple(table.columns) == LEADER_COLUMNS
    assert _table_rows(table) == LEADERS
    # a year filter keeps that year's rows; the dyads frame alone has no indicator names
    assert _table_rows(leaders_table(source, year=2011)) == [LEADERS[1], LEADERS[4]]
    bare = leaders_table(DYADS, year=2010, min_support=1)
    assert [r[13:] for r in _table_rows(bare)] == [
        (0, "", ""),
        (0, "", "all compared donors tie"),
        (0, "", "only donor observed: not comparable"),
    ]


def test_the_leaders_table_gives_integer_years_for_a_frame_with_float_years() -> None:
    # a dyads frame read back from a file with a missing value somewhere holds float years; the
    # table is the same one, its years integers (2010, not 2010.0, in every output format)
    floaty = DYADS.assign(year=DYADS["year"].astype(float))
    table = leaders_table(SimpleNamespace(dyads=floaty, meta={"indicators": INDICATORS}))
    assert table["year"].dtype == np.dtype("int64")
    assert tuple(table.columns) == LEADER_COLUMNS
    assert _table_rows(table) == LEADERS


def test_leaders_without_coverage_columns_say_only_not_comparable() -> None:
    plain = DYADS.drop(columns=["coverage", "indicators_observed", "n_facts"]).loc[DYADS["year"] == 2011]
    rows = _table_rows(leaders_table(plain))
    assert [(r[2], r[9], r[10], r[11], r[12], r[13], r[15]) for r in rows] == [
        ("CHN+JPN", None, None, False, 0, 0, ""),
        ("CHN", None, None, True, 0, 0, ""),
    ]
    empty = leaders_table(DYADS, year=1999)
    assert tuple(empty.columns) == LEADER_COLUMNS and empty.empty


# --- the method registries on one small matrix, every value worked out by hand -------------------

_NAN = np.nan
#: year x unit: a varying year, an all-missing year, a constant year, a year with max 0
X = np.array(
    [
        [1.0, 3.0, _NAN, 5.0],
        [_NAN, _NAN, _NAN, _NAN],
        [2.0, 2.0, 2.0, _NAN],
        [0.0, -1.0, _NAN, -2.0],
    ]
)
_Z = 1.5**0.5  # (5 - 3) / sqrt(8 / 3): the population sd of 1, 3, 5 is sqrt(8/3)

EXPECTED_METHODS = {
    ("imputation", "none"): X,
    ("imputation", "zero"): [[1, 3, 0, 5], [0, 0, 0, 0], [2, 2, 2, 0], [0, -1, 0, -2]],
    # the mean of the year's units; a year with none stays missing
    ("imputation", "mean"): [[1, 3, 3, 5], [_NAN] * 4, [2, 2, 2, 2], [0, -1, -1, -2]],
    # the unit's last observed year; missing before its first
    ("imputation", "carry_forward"): [[1, 3, _NAN, 5], [1, 3, _NAN, 5], [2, 2, 2, 5], [0, -1, 2, -2]],
    ("normalisation", "minmax"): [[0, 0.5, _NAN, 1], [_NAN] * 4, [0, 0, 0, _NAN], [1, 0.5, _NAN, 0]],
    ("normalisation", "zscore"): [[-_Z, 0, _NAN, _Z], [_NAN] * 4, [0, 0, 0, _NAN], [_Z, 0, _NAN, -_Z]],
    # average ranks (ties share them) scaled by (n - 1)
    ("normalisation", "rank"): [[0, 0.5, _NAN, 1], [_NAN] * 4, [0.5, 0.5, 0.5, _NAN], [1, 0.5, _NAN, 0]],
    # x / max; a year whose max is not positive gives 0
    ("normalisation", "frontier"): [[0.2, 0.6, _NAN, 1], [_NAN] * 4, [1, 1, 1, _NAN], [0, 0, _NAN, 0]],
}


@pytest.mark.parametrize(("family", "name"), sorted(EXPECTED_METHODS))
def test_each_imputer_and_normaliser_gives_the_hand_worked_values(family: str, name: str) -> None:
    fn = FAMILIES[family][name]
    want = np.asarray(EXPECTED_METHODS[(family, name)], dtype=float)
    got = fn(X.copy())  # type: ignore[operator]
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)
    # vectorised over leading axes: two draws at once give each draw's own result
    np.testing.assert_allclose(fn(np.stack([X, X])), np.stack([want, want]), rtol=0, atol=1e-12)  # type: ignore[operator]


def test_a_single_unit_ranks_zero_and_a_row_of_one_missing_value_stays_missing() -> None:
    from softpower.measure.methods import normalise_rank

    np.testing.assert_array_equal(normalise_rank(np.array([[4.0, _NAN]])), [[0.0, _NAN]])


def test_the_weightings_as_written_out() -> None:
    from softpower.measure.methods import CONCENTRATION, weight_equal, weight_expert, weight_user

    p = ("a", "b", "c")
    assert CONCENTRATION == 25.0
    np.testing.assert_array_equal(weight_equal(p, {"a": 1.0, "b": 0.0, "c": 0.0}, None), [1 / 3] * 3)
    np.testing.assert_array_equal(weight_equal(p, None, np.zeros((2, 3))), [[1 / 3] * 3] * 2)
    np.testing.assert_allclose(weight_user(p, {"a": 2.0, "b": 1.0, "c": 1.0}, None), [0.5, 0.25, 0.25])
    np.testing.assert_allclose(weight_user(p, {"a": 2.0, "b": 2.0}, np.zeros((2, 3))), [[0.5, 0.5, 0.0]] * 2)
    np.testing.assert_array_equal(weight_user(p, None, None), [1 / 3] * 3)
    assert weight_user(p, None, np.zeros((4, 3))).shape == (4, 3)
    np.testing.assert_allclose(weight_expert(p, {"a": 0.5, "b": 0.25, "c": 0.25}, None), [0.5, 0.25, 0.25])
    # a draw is Gamma(25 w) quantiles of the uniforms, normalised
    from scipy import stats

    u = np.array([[0.5, 0.5, 0.5], [0.1, 0.9, 0.3]])
    g = stats.gamma.ppf(u, [12.5, 6.25, 6.25])
    np.testing.assert_allclose(
        weight_expert(p, {"a": 0.5, "b": 0.25, "c": 0.25}, u), g / g.sum(1, keepdims=True)
    )
    # uniforms of exactly 0 and 1, and a pillar of weight 0 (alpha floored at 1e-6), stay finite
    edge = weight_expert(p, {"a": 1.0, "b": 0.0, "c": 0.0}, np.array([[0.0, 1.0, 0.5]]))
    assert np.isfinite(edge).all() and edge.sum() == pytest.approx(1.0)
    floor = stats.gamma.ppf([1 - 1e-12, 0.5], [25.0, 1e-6])
    np.testing.assert_allclose(
        weight_expert(("a", "b"), {"a": 1.0, "b": 0.0}, np.array([[1.0, 0.5]])), [floor / floor.sum()]
    )


def test_the_aggregators_as_worked_out() -> None:
    from softpower.measure.methods import AGGREGATORS

    x = np.array([[0.2, 0.8], [_NAN, 0.5], [_NAN, _NAN]])
    w = np.array([0.25, 0.75])
    # unit 0: 0.25 * 0.2 + 0.75 * 0.8; unit 1: the one present component; unit 2: nothing
    np.testing.assert_allclose(AGGREGATORS["arithmetic"](x, w), [0.65, 0.5, _NAN])
    # shifted by each component's minimum over the units (0.2 and 0.5): 1^0.25 * 1.3^0.75 - 1
    np.testing.assert_allclose(AGGREGATORS["geometric"](x, w), [1.3**0.75 - 1.0, 0.0, _NAN])


# --- small functions of the index API, every branch with its whole result -----------------------


def test_amount_range_is_the_10th_to_90th_percentile_of_known_positive_amounts() -> None:
    from softpower.measure.api import FALLBACK_AMOUNT_RANGE, amount_range

    assert FALLBACK_AMOUNT_RANGE == (1e6, 1e8)
    assert amount_range(pd.DataFrame()) == (1e6, 1e8)
    assert amount_range(pd.DataFrame({"other": [1.0, 2.0, 3.0]})) == (1e6, 1e8)
    # fewer than three positive amounts (zero, negative, missing and text are not amounts)
    few = pd.DataFrame({"amount_usd_const": [5e6, 0.0, -1.0, None, "x", 7e6]})
    assert amount_range(few) == (1e6, 1e8)
    # 1..11 million: numpy's linear percentiles are 2 and 10 million
    known = pd.DataFrame({"amount_usd_const": [float(v) * 1e6 for v in range(1, 12)]})
    assert amount_range(known) == pytest.approx((2e6, 10e6))
    # all equal: half a decade either side of the one value
    same = pd.DataFrame({"amount_usd_const": [4e6, 4e6, 4e6]})
    assert amount_range(same) == pytest.approx((4e6 / 10**0.5, 4e6 * 10**0.5))


def test_draw_counts_are_checked_at_both_ends() -> None:
    from softpower.measure.api import MAX_DRAWS, check_draws

    assert MAX_DRAWS == 1_000_000
    check_draws(0)
    check_draws(MAX_DRAWS)
    with pytest.raises(SoftpowerError, match=r"^--mc: -1 is negative"):
        check_draws(-1)
    with pytest.raises(SoftpowerError, match=r"^--mc: 1000001 draws is too many"):
        check_draws(MAX_DRAWS + 1)


def test_json_records_of_every_column_kind() -> None:
    from softpower.measure.api import _records

    frame = pd.DataFrame(
        {
            "f": [1.5, np.nan, np.inf, -np.inf],
            "i": np.array([1, 2, 3, 4], dtype=np.int64),
            "b": [True, False, True, False],
            "s": ["a", None, "c", "d"],
        }
    )
    got = _records(frame)
    assert got == [
        {"f": 1.5, "i": 1, "b": True, "s": "a"},
        {"f": None, "i": 2, "b": False, "s": None},
        {"f": None, "i": 3, "b": True, "s": "c"},
        {"f": None, "i": 4, "b": False, "s": "d"},
    ]
    assert [type(r["i"]) for r in got] == [int] * 4 and [type(r["b"]) for r in got] == [bool] * 4
    assert _records(pd.DataFrame({"f": pd.Series([], dtype=float)})) == []
    assert _records(pd.DataFrame(index=range(2))) == [{}, {}]


def test_the_json_object_carries_timings_unless_deterministic(world: _World) -> None:
    res = dataclasses.replace(world.result, seconds={"panel": 0.12345, "total": 1.0004})
    assert list(res.to_dict()) == [
        "dyads", "actors", "profiles", "leaders", "sensitivity", "validity", "audit", "meta", "timings",
    ]  # fmt: skip
    assert res.to_dict()["timings"] == {"panel": 0.123, "total": 1.0}
    assert "timings" not in res.to_dict(deterministic=True)


def test_one_compiled_model_is_kept_and_reused(world: _World) -> None:
    from softpower.measure import api

    api._MODELS.clear()
    first = run_index(world.ledger, framework=world.framework, mc=0, partners="all")
    assert len(api._MODELS) == 1
    again = run_index(
        world.ledger,
        framework=world.framework,
        mc=0,
        partners="all",
        weights={"engagement": 0.5, "security": 0.5},
    )
    assert again.model.panel is first.model.panel  # the same compiled model, re-weighted
    assert again.meta["choices"]["weighting"] == "user" and again.meta["weights"] == {
        "engagement": 0.5,
        "security": 0.5,
    }
    run_index(world.arms, mc=0, partners="all")  # another ledger replaces it
    assert len(api._MODELS) == 1
    api._MODELS.clear()


def test_the_partner_scope_of_the_meta_when_none_is_given(world: _World) -> None:
    res = run_index(world.ledger, framework=world.framework, mc=0, partners=None)
    assert (res.meta["partner_scope"], res.meta["partners"]) == ("all", ["KHM", "LAO", "MMR", "PHL", "VNM"])


def test_partner_scopes_resolve_to_sorted_member_states() -> None:
    from softpower.measure.scope import DEFAULT_SCOPE, partner_universe

    assert DEFAULT_SCOPE == "indo-pacific"
    assert resolve_partners(None) is None and resolve_partners(" ALL ") is None
    assert resolve_partners(" Indo-Pacific ") == partner_universe()
    assert resolve_partners("vnm, clmv,,PHL") == ("KHM", "LAO", "MMR", "PHL", "VNM")
    with pytest.raises(SoftpowerError) as info:
        resolve_partners("WORLD")
    assert str(info.value) == (
        "--partners: 'WORLD' is not an ISO3 or group code (expected e.g. 'indo-pacific', 'all', or 'VNM,PHL,PIC')"
    )


def test_worker_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from softpower.measure.uncertainty import MIN_PARALLEL, default_workers

    assert MIN_PARALLEL == 200
    monkeypatch.setenv("SOFTPOWER_WORKERS", "3")
    assert default_workers(1) == 3
    monkeypatch.setenv("SOFTPOWER_WORKERS", "0")
    assert default_workers(10_000) == 1
    monkeypatch.delenv("SOFTPOWER_WORKERS")
    assert default_workers(MIN_PARALLEL - 1) == 1
    assert default_workers(MIN_PARALLEL) == min(2, os.cpu_count() or 1)


def test_the_sobol_budget(world: _World) -> None:
    from softpower.measure.uncertainty import index_problem, sobol_base, sobol_size

    model = world.result.model
    # framework a: 9 choice groups (one data-source factor, two pillar weights)
    assert model.factor_groups() == [
        "data_source", "indicator_set", "split_rule", "imputation", "normalisation", "aggregation",
        "half_life", "missing_amounts", "weights", "weights",
    ]  # fmt: skip
    problem = index_problem(model)
    assert problem["num_vars"] == 10 and problem["names"][:2] == ["data_source_0", "indicator_set_1"]
    assert problem["bounds"] == [[0.0, 1.0]] * 10 and problem["groups"] == model.factor_groups()
    # the largest power of two with n (9 + 2) <= draws, at least 8
    assert [sobol_base(model, n) for n in (0, 40, 88, 176, 1000, 1407, 1408)] == [8, 8, 8, 16, 64, 64, 128]
    assert sobol_size(model, 1000) == 64 * 11


def test_the_bootstrap_interval_needs_half_the_resamples_to_give_a_rho() -> None:
    from softpower.measure.validate import rho_interval

    # two publics whose own pairs do not vary: a resample of one public twice gives no rho, so
    # about half of the resamples give one (here 9 of 20 with seed 0, 10 of 20 with seed 4)
    pairs = pd.DataFrame(
        {
            "public": ["A"] * 3 + ["B"] * 3,
            "index_gap": [1.0] * 3 + [2.0] * 3,
            "perception_gap": [0.1] * 3 + [0.3] * 3,
        }
    )
    assert rho_interval(pairs, seed=0, draws=20) == (None, None)
    assert rho_interval(pairs, seed=4, draws=20) == (1.0, 1.0)
    assert rho_interval(pairs.loc[pairs["public"] == "A"], seed=4, draws=20) == (None, None)  # one public
    assert rho_interval(pairs.iloc[0:0], seed=4, draws=20) == (None, None)
