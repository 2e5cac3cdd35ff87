"""measure/ at its edges: the value on every bound, lists read in any order, the Monte Carlo's
split over workers and its outputs when nothing is collected, rank quantiles of one draw.

The fifth round's survivors (docs/testing.md, "measure") were of these kinds: a bound moved by
one step (``<=`` for ``<``), an accumulation that kept only the last item, the number of worker
processes, and outputs of a path the tests never compared whole. Each test here covers its kind
across the package, not one line; every expected value is written out and was checked by hand.
"""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from softpower.errors import InputError, SoftpowerError
from softpower.measure import uncertainty
from softpower.measure.framework import Pillar, parse_framework
from softpower.measure.scope import resolve_partners
from test_measure_exact import _World, make_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> _World:
    return make_world(tmp_path_factory.mktemp("edges"))


# --- framework files: the value on each bound is accepted, the next one refused -----------------

_TWO = (
    "pillars:\n  a: {{weight: {a}, indicators: [count:all]}}\n  b: {{weight: {b}, indicators: [usd:all]}}\n"
)
_ONE = "pillars:\n  a: {{indicators: [count:all]}}\n{rest}"


def _half_life_case(hl: float, lo: float, hi: float, case: Any) -> Any:
    """One pillar of one indicator, half-life ``hl`` in ``[lo, hi]``: accepted as given."""
    return pytest.param(
        _ONE.format(rest=f"half_life: {hl}\nhalf_life_range: [{lo}, {hi}]\n"),
        {"pillars": (Pillar("a", None, ("count:all",)),), "weights": {"a": 1.0},
         "half_life": float(hl), "half_life_range": (float(lo), float(hi))},
        id=case,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a pillar weight of 0 (the bound is >= 0) beside one of 1
        pytest.param(
            _TWO.format(a=0, b=1),
            {"pillars": (Pillar("a", 0, ("count:all",)), Pillar("b", 1, ("usd:all",))),
             "weights": {"a": 0.0, "b": 1.0}, "half_life": 10.0, "half_life_range": (5.0, 20.0)},
            id="weight_zero",
        ),
        # weights summing to 1 within the tolerance 1e-6, above and below
        pytest.param(
            _TWO.format(a=0.5000009, b=0.5),
            {"pillars": (Pillar("a", 0.5000009, ("count:all",)), Pillar("b", 0.5, ("usd:all",))),
             "weights": {"a": 0.5000009, "b": 0.5}, "half_life": 10.0, "half_life_range": (5.0, 20.0)},
            id="sum_just_above_1",
        ),
        pytest.param(
            _TWO.format(a=0.4999991, b=0.5),
            {"pillars": (Pillar("a", 0.4999991, ("count:all",)), Pillar("b", 0.5, ("usd:all",))),
             "weights": {"a": 0.4999991, "b": 0.5}, "half_life": 10.0, "half_life_range": (5.0, 20.0)},
            id="sum_just_below_1",
        ),
        # a relative weight just above 0 (the bound is > 0); relative weights of 1 are not kept
        pytest.param(
            "pillars:\n  a:\n    indicators:\n      - {count:all: 0.000001}\n      - usd:all\n",
            {"pillars": (Pillar("a", None, ("count:all", "usd:all"), (0.000001, 1.0)),),
             "weights": {"a": 1.0}, "half_life": 10.0, "half_life_range": (5.0, 20.0)},
            id="relative_weight_tiny",
        ),
        pytest.param(
            "pillars:\n  a:\n    indicators:\n      - {count:all: 1}\n      - {usd:all: 1.0}\n",
            {"pillars": (Pillar("a", None, ("count:all", "usd:all")),),
             "weights": {"a": 1.0}, "half_life": 10.0, "half_life_range": (5.0, 20.0)},
            id="relative_weights_all_one",
        ),
        # the half-life on each end of its range, and a range of one value
        _half_life_case(4, 4, 16, "half_life_on_low"),
        _half_life_case(16, 4, 16, "half_life_on_high"),
        _half_life_case(10, 10, 10, "range_of_one_value"),
        _half_life_case(0.01, 0.01, 20, "small_positive_half_life"),
    ],
)  # fmt: skip
def test_every_framework_bound_accepts_the_value_on_it(text: str, want: dict[str, Any]) -> None:
    fw = parse_framework(text, "fw/x.yaml")
    got = {
        "pillars": fw.pillars,
        "weights": fw.weights(),
        "half_life": fw.half_life,
        "half_life_range": fw.half_life_range,
    }
    assert got == want
    assert all(isinstance(v, float) for v in (fw.half_life, *fw.half_life_range))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            _TWO.format(a=0.5000011, b=0.5),
            "fw/x.yaml: weights: weights sum to 1 (expected weights summing to 1)",
            id="sum_past_the_tolerance_above",
        ),
        pytest.param(
            _TWO.format(a=0.4999989, b=0.5),
            "fw/x.yaml: weights: weights sum to 0.999999 (expected weights summing to 1)",
            id="sum_past_the_tolerance_below",
        ),
        pytest.param(
            _TWO.format(a=-0.0001, b=1.0001),
            "fw/x.yaml:2: a.weight: negative weight -0.0001 (expected a weight >= 0)",
            id="weight_just_below_zero",
        ),
        pytest.param(
            "pillars:\n  a:\n    indicators:\n      - {count:all: 0}\n",
            "fw/x.yaml:4: pillars.a.indicators: relative weight 0 (expected a number > 0)",
            id="relative_weight_zero",
        ),
        pytest.param(
            _ONE.format(rest="half_life: 3.99\nhalf_life_range: [4, 16]\n"),
            "fw/x.yaml:4: half_life_range: [4, 16] is not a valid range (expected [low, high] with 0 < low <= half_life <= high)",
            id="half_life_just_below_low",
        ),
        pytest.param(
            _ONE.format(rest="half_life: 16.01\nhalf_life_range: [4, 16]\n"),
            "fw/x.yaml:4: half_life_range: [4, 16] is not a valid range (expected [low, high] with 0 < low <= half_life <= high)",
            id="half_life_just_above_high",
        ),
        pytest.param(
            _ONE.format(rest="half_life: 0\nhalf_life_range: [0, 20]\n"),
            "fw/x.yaml:3: half_life: 0 is not a positive number (expected years > 0)",
            id="half_life_zero",
        ),
    ],
)  # fmt: skip
def test_the_value_just_past_each_framework_bound_is_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_framework(text, "fw/x.yaml")
    assert str(err.value) == message


# --- partner lists: every item counts, whatever its place ---------------------------------------

CLMV = ("KHM", "LAO", "MMR", "VNM")
ASEAN6 = ("BRN", "IDN", "MYS", "PHL", "SGP", "THA")


@pytest.mark.parametrize(
    ("scope", "want"),
    [
        ("PHL,CLMV", ("KHM", "LAO", "MMR", "PHL", "VNM")),  # a state, then a group
        ("CLMV,PHL", ("KHM", "LAO", "MMR", "PHL", "VNM")),  # a group, then a state
        ("CLMV,ASEAN6", tuple(sorted(CLMV + ASEAN6))),  # two groups
        ("ASEAN6, fji ,CLMV", tuple(sorted((*CLMV, *ASEAN6, "FJI")))),  # group, state, group
        ("THA,FJI", ("FJI", "THA")),
        ("clmv,CLMV,,vnm", CLMV),  # repeats and blanks add nothing
    ],
)
def test_a_partner_list_is_the_union_of_its_items(scope: str, want: tuple[str, ...]) -> None:
    assert resolve_partners(scope) == want


def test_world_in_a_partner_list_is_refused_wherever_it_stands() -> None:
    for scope in ("WORLD", "VNM,world", "world ,CLMV"):
        with pytest.raises(SoftpowerError) as err:
            resolve_partners(scope)
        item = next(s.strip() for s in scope.split(",") if s.strip().upper() == "WORLD")
        assert str(err.value) == (
            f"--partners: {item!r} is not an ISO3 or group code (expected e.g. 'indo-pacific', "
            "'all', or 'VNM,PHL,PIC')"
        )


# --- the Monte Carlo over worker processes -----------------------------------------------------


class _SpyContext:
    """The fork context, recording each pool's size and the tasks handed to it."""

    def __init__(self, real: Any, seen: list[tuple[int, list[tuple[int, int]]]]) -> None:
        self._real = real
        self._seen = seen

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def Pool(self, n: int) -> Any:  # noqa: N802 (multiprocessing's name)
        pool = self._real.Pool(n)
        seen, real_map = self._seen, pool.map_async

        def map_async(func: Any, tasks: list[tuple[int, int]]) -> Any:
            seen.append((n, list(tasks)))
            return real_map(func, tasks)

        pool.map_async = map_async  # type: ignore[method-assign]
        return pool


@pytest.mark.parametrize(
    ("n_draws", "workers", "tasks"),
    [
        # one contiguous share per worker, cut at int(linspace(0, n, workers + 1))
        (10, 2, [(0, 5), (5, 10)]),
        (10, 3, [(0, 3), (3, 6), (6, 10)]),
        # more workers than draws: empty shares are dropped, one process per draw
        (3, 5, [(0, 1), (1, 2), (2, 3)]),
    ],
)
def test_the_draws_are_split_into_one_share_per_worker(
    world: _World, monkeypatch: pytest.MonkeyPatch, n_draws: int, workers: int, tasks: list[tuple[int, int]]
) -> None:
    model = world.result.model
    u = np.random.default_rng(3).random((n_draws, model.n_factors))
    nominal = model.ranks(model.score_one(model.nominal(), 0))[1]
    one, agree_one = uncertainty.evaluate(model, u, nominal, workers=1)
    seen: list[tuple[int, list[tuple[int, int]]]] = []
    real = mp.get_context("fork")
    monkeypatch.setattr(uncertainty.mp, "get_context", lambda kind: _SpyContext(real, seen))
    done: list[int] = []
    many, agree = uncertainty.evaluate(model, u, nominal, workers=workers, progress=done.append)
    assert seen == [(len(tasks), tasks)]  # as many processes as shares, never more than asked
    assert sum(done) == n_draws
    for a, b in ((one.cell, many.cell), (one.lead, many.lead), (one.total, many.total), (agree_one, agree)):
        np.testing.assert_array_equal(a, b)


def test_without_collecting_only_the_agreement_is_computed(world: _World) -> None:
    """``collect=False`` (the Sobol analysis): the rank distribution is empty (no histogram, no
    lead counts, no actor totals), the per-draw agreement is the collecting run's."""
    model = world.result.model
    u = np.random.default_rng(5).random((6, model.n_factors))
    nominal = model.ranks(model.score_one(model.nominal(), 0))[1]
    full, agree_full = uncertainty.evaluate(model, u, nominal, workers=1)
    empty, agree = uncertainty.evaluate(model, u, nominal, workers=1, collect=False)
    assert (empty.cell.shape, empty.lead.shape, empty.total.shape, empty.n) == ((0,), (0,), (0, 0, 0), 6)
    np.testing.assert_array_equal(agree, agree_full)
    assert full.total.shape == (len(model.out_years), len(model.cells.actors), len(model.cells.actors))
    d = model.from_uniform(u)
    parts = uncertainty._evaluate_serial(model, d, model.prepare(d), nominal, None, False)
    assert [p.shape for p in parts] == [(0,), (0,), (0, 0, 0), (6,)]


def test_rank_quantiles_of_small_histograms() -> None:
    """Rank at quantile q: the first rank whose cumulative share reaches q (0 where no draw
    scored the cell). Histograms over ranks 1..4, one row per cell."""
    hist = np.array(
        [
            [0, 0, 0, 0],  # never scored
            [0, 1, 0, 0],  # one draw, rank 2
            [1, 1, 0, 2],  # shares 0.25, 0.5, 0.5, 1
            [0, 0, 3, 0],  # three draws, all rank 3
        ]
    )
    rd = uncertainty.RankDistribution(hist, np.array([0, 1, 1, 0]), np.zeros((1, 2, 2), dtype=np.int64), 4)
    assert rd.cell_quantiles(0.05).tolist() == [0, 2, 1, 3]
    assert rd.cell_quantiles(0.25).tolist() == [0, 2, 1, 3]  # 0.25 reached exactly
    assert rd.cell_quantiles(0.5).tolist() == [0, 2, 2, 3]
    assert rd.cell_quantiles(0.51).tolist() == [0, 2, 4, 3]
    assert rd.cell_quantiles(0.95).tolist() == [0, 2, 4, 3]
    assert rd.lead_share().tolist() == [0.0, 0.25, 0.25, 0.0]
    # actor totals: [year, actor, rank]
    tot = np.array([[[2, 0], [0, 2]]])
    rd = uncertainty.RankDistribution(hist, np.zeros(4, dtype=np.int64), tot, 2)
    assert rd.total_quantiles(0.5).tolist() == [[1, 2]]
    assert uncertainty.RankDistribution(hist[:0], hist[:0, 0], tot[:0], 0).lead_share().tolist() == []


def test_competition_ranks_of_actor_totals() -> None:
    """1 = highest; equal totals share the best rank and the next rank skips (1, 1, 3)."""
    tot = np.array(
        [
            [[3.0, 1.0, 3.0, 2.0], [0.0, 0.0, 0.0, 0.0]],  # a tie at the top; all equal
            [[1.0, 2.0, 3.0, 4.0], [5.0, 5.0, 1.0, 5.0]],  # ascending; a three-way tie at the top
        ]
    )
    assert uncertainty._total_ranks(tot).tolist() == [
        [[1, 4, 1, 3], [1, 1, 1, 1]],
        [[4, 3, 2, 1], [1, 1, 4, 1]],
    ]
    assert uncertainty._total_ranks(np.array([7.0, 9.0, 7.0])).tolist() == [2, 1, 2]


def test_draws_per_batch_for_every_universe_size() -> None:
    """About a million cells per batch, at least 1 draw and at most 256."""
    from types import SimpleNamespace

    from softpower.measure.engine import Model

    sizes = (0, 1, 3_906, 3_907, 500_000, 500_001, 1_000_000, 3_000_000)
    got = [Model.batch_size(SimpleNamespace(cells=range(n))) for n in sizes]  # type: ignore[arg-type]
    # 10^6 // n clipped to [1, 256]: 256, 256, 256 (256.02), 255, 2, 1 (1.99), 1, 1 (0.33)
    assert got == [256, 256, 256, 255, 2, 1, 1, 1]


# --- declared scopes open on one side ----------------------------------------------------------


_OPEN_ZERO = [
    # min-max per year: grants CHN-VNM 1 -> 1, JPN-VNM 0 (the declared zero) -> 0; arms (SIPRI
    # observes every pair, zero where it lists nothing) 0, 5, 7, 2 over 7. Pillars 0.5 each,
    # a cell without the grant pillar (PHL: not declared) scored on the arms pillar alone.
    {"actor": "CHN", "partner": "PHL", "score": pytest.approx(2 / 7), "rank": 2, "coverage": 0.5,
     "indicators_observed": 0b10},
    {"actor": "JPN", "partner": "PHL", "score": 1.0, "rank": 1, "coverage": 0.5, "indicators_observed": 0b10},
    {"actor": "CHN", "partner": "VNM", "score": 0.5, "rank": 1, "coverage": 1.0, "indicators_observed": 0b11},
    {"actor": "JPN", "partner": "VNM", "score": pytest.approx(0.5 * 5 / 7), "rank": 2, "coverage": 1.0,
     "indicators_observed": 0b11},
]  # fmt: skip
_OPEN_UNOBSERVED = [
    # a missing row says nothing: JPN-VNM has no grant value and is scored on arms alone (5/7);
    # CHN-VNM's grant is the only one that year, a constant slice, min-max 0, and arms 0
    {"actor": "CHN", "partner": "PHL", "score": pytest.approx(2 / 7), "rank": 2, "coverage": 0.5,
     "indicators_observed": 0b10},
    {"actor": "JPN", "partner": "PHL", "score": 1.0, "rank": 1, "coverage": 0.5, "indicators_observed": 0b10},
    {"actor": "CHN", "partner": "VNM", "score": 0.0, "rank": 2, "coverage": 1.0, "indicators_observed": 0b11},
    {"actor": "JPN", "partner": "VNM", "score": pytest.approx(5 / 7), "rank": 1, "coverage": 0.5,
     "indicators_observed": 0b10},
]  # fmt: skip


@pytest.mark.parametrize(("missing_row", "want"), [("zero", _OPEN_ZERO), ("unobserved", _OPEN_UNOBSERVED)])
def test_a_scope_open_on_actors_observes_every_donor_of_its_partners_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing_row: str, want: list[dict[str, object]]
) -> None:
    """A source declared for every actor ('*') but one partner (Viet Nam, 2008, a missing row
    means zero) observes every donor's Viet Nam cell that year, as a zero where it lists
    nothing, and no cell of another partner (docs/measure.md, declared scopes)."""
    grants = (
        [{"doc": "g", "kind": "engagement", "actor": "CHN", "partners": ["VNM"],
          "instrument": "oda_grant", "year": 2008}],
        [{"id": "g", "title": "grants"}], "edge-test",
    )  # fmt: skip
    arms = (
        [{"doc": "s", "kind": "indicator", "actor": a, "partners": [p], "metric": "arms_transfers",
          "unit": "TIV", "value": v, "year": 2008}
         for a, p, v in (("JPN", "VNM", 5.0), ("JPN", "PHL", 7.0), ("CHN", "PHL", 2.0))],
        [{"id": "s", "title": "arms"}], "sipri-arms",
    )  # fmt: skip
    dy = _dyads_under_scope(
        tmp_path,
        monkeypatch,
        f"edge-test,engagement,oda_grant,*,VNM,2008,{missing_row},every grant to Viet Nam in 2008",
        [grants, arms],
        "name: f\npillars:\n  a: {indicators: [count:oda_grant]}\n  b: {indicators: [indicator:arms_transfers]}\n",
    )
    cols = ["actor", "partner", "score", "rank", "coverage", "indicators_observed"]
    assert dy[cols].to_dict(orient="records") == want
    assert dy["year"].tolist() == [2008] * 4


# --- the pandas reference of the engagement panel on inputs with nothing to count ------------


def test_the_pandas_panel_of_nothing_keeps_every_column(tmp_path: Path) -> None:
    from softpower.ledger import Ledger
    from softpower.measure.dyads import PANEL_COLUMNS, collapse_facts, ledger_records, panel_from_facts

    with Ledger.open(tmp_path / "e.duckdb") as lg:
        recs = ledger_records(lg, "engagement")
    record_cols = [
        "record_id", "fact_key", "kind", "doc", "actor", "partners", "instrument", "power_type", "metric",
        "unit", "measure", "year", "amount_usd_const", "value", "ppp", "equal_footing", "self_reported",
    ]  # fmt: skip
    assert list(recs.columns) == record_cols and recs.empty
    facts = collapse_facts(recs)
    assert list(facts.columns) == [*record_cols, "n_sources", "n_third_party", "self_only"] and facts.empty
    panel = panel_from_facts(facts)
    assert list(panel.columns) == list(PANEL_COLUMNS) and panel.empty
    assert [str(t) for t in panel.dtypes] == ["object"] * 5 + ["float64"] * 6
    # facts whose only partner is WORLD or the actor itself count nowhere: the same empty panel
    world = pd.DataFrame(
        [
            {**dict.fromkeys(record_cols), "record_id": "r1", "fact_key": "f1", "doc": "d", "actor": "CHN",
             "partners": ["WORLD"], "year": 2010, "ppp": False, "equal_footing": False, "self_reported": False},
            {**dict.fromkeys(record_cols), "record_id": "r2", "fact_key": "f2", "doc": "d", "actor": "CHN",
             "partners": ["CHN"], "year": 2010, "ppp": False, "equal_footing": False, "self_reported": True},
        ]
    )  # fmt: skip
    facts = collapse_facts(world)
    assert facts[["fact_key", "n_sources", "n_third_party", "self_only"]].to_dict(orient="records") == [
        {"fact_key": "f1", "n_sources": 1, "n_third_party": 1, "self_only": False},
        {"fact_key": "f2", "n_sources": 1, "n_third_party": 0, "self_only": True},
    ]
    empty = panel_from_facts(facts)
    assert list(empty.columns) == list(PANEL_COLUMNS) and empty.empty


# --- perception validity: gaps of exactly zero are ties, a constant side has no rho ------------


def _pairs(pg: list[float], ig: list[float]) -> pd.DataFrame:
    from softpower.measure.validate import PAIR_COLUMNS

    n = len(pg)
    return pd.DataFrame(
        {
            **{c: ["x"] * n for c in PAIR_COLUMNS},
            "public": [f"P{i}" for i in range(n)],
            "perception_gap": pg,
            "index_gap": ig,
        }
    )[list(PAIR_COLUMNS)]


def test_agreement_counts_zero_gaps_as_ties_and_needs_both_sides_to_vary() -> None:
    from scipy import stats

    from softpower.measure.validate import MIN_PAIRS, agreement

    assert MIN_PAIRS == 5
    empty = {"rho": None, "p_value": None, "rho_lo": None, "rho_hi": None}
    # a zero on either side is a tie (three of six); the three decided pairs agree in sign.
    # Spearman by hand: index ranks (5, 2.5, 1, 4, 2.5, 6), perception ranks (2.5, 5, 1, 4,
    # 2.5, 6): covariance of the deviations 10.75, each sum of squares 17, rho = 10.75 / 17
    got = agreement(_pairs([0.0, 0.5, -0.2, 0.3, 0.0, 1.0], [2.0, 0.0, -1.0, 1.0, 0.0, 3.0]), draws=0)
    rho = 10.75 / 17
    t = rho * np.sqrt(4 / (1 - rho**2))
    assert got == {
        "n": 6, "publics": 6, "rho": round(rho, 6), "p_value": pytest.approx(2 * stats.t.sf(t, 4)),
        "rho_lo": None, "rho_hi": None, "agreement": 1.0, "ordered": 3, "ties": 3,
    }  # fmt: skip
    # exactly MIN_PAIRS pairs ranked in reverse: rho -1, though every gap is positive on both
    # sides (the signs agree); one pair has a negative index gap
    rev = agreement(_pairs([0.1, 0.2, 0.3, 0.4, 0.5], [5.0, 4.0, 3.0, 2.0, -1.0]), draws=0)
    assert (rev["rho"], rev["agreement"], rev["ordered"], rev["ties"]) == (-1.0, 0.8, 5, 0)
    # one pair fewer: no rho
    few = agreement(_pairs([0.1, 0.2, 0.3, 0.4], [4.0, 3.0, 2.0, 1.0]), draws=0)
    assert few == {"n": 4, "publics": 4, **empty, "agreement": 1.0, "ordered": 4, "ties": 0}
    # a constant side (perception or index) has no rank correlation
    flat = agreement(_pairs([0.5] * 5, [1.0, 2.0, 3.0, 4.0, 5.0]), draws=0)
    assert flat == {"n": 5, "publics": 5, **empty, "agreement": 1.0, "ordered": 5, "ties": 0}
    flat = agreement(_pairs([-0.1, 0.2, 0.3, 0.4, 0.5], [-2.0] * 5), draws=0)
    assert flat == {"n": 5, "publics": 5, **empty, "agreement": 0.2, "ordered": 5, "ties": 0}


def test_the_half_life_and_amount_grids() -> None:
    """Log-spaced points on [lo, hi] with the nominal value added, sorted, without repeats;
    a range of one value is that value."""
    from softpower.measure.engine import log_grid

    assert log_grid(5.0, 20.0, 10.0, 3).tolist() == [5.0, 10.0, 20.0]  # 10 is the middle point
    assert log_grid(4.0, 16.0, 5.0, 3).tolist() == [4.0, 5.0, 8.0, 16.0]
    assert log_grid(10.0, 10.0, 10.0, 3).tolist() == [10.0]
    assert log_grid(10.0, 10.0, 10.0).tolist() == [10.0]
    assert log_grid(1.0, 1000.0, 1.0, 4).tolist() == [1.0, 10.0, 100.0, 1000.0]


def test_the_equal_split_rows_of_an_empty_panel_keep_every_column() -> None:
    from softpower.measure.dyads import PANEL_COLUMNS
    from softpower.measure.panel import Panel, engagement_rows

    rows = engagement_rows(Panel(pd.DataFrame(), pd.DataFrame(), {}))
    assert list(rows.columns) == list(PANEL_COLUMNS) and rows.empty
    assert [str(t) for t in rows.dtypes] == ["object"] * 5 + ["float64"] * 6


def test_the_stacks_of_the_last_two_designs_are_kept(world: _World) -> None:
    """Prepared stacks are cached for the last two designs (the Monte Carlo's and the Sobol
    analysis'): a third design pushes out the oldest; a design seen again is not recomputed."""
    model = world.result.model
    model._stacks.clear()
    a, b, c = (model.from_uniform(np.random.default_rng(s).random((4, model.n_factors))) for s in (1, 2, 3))
    st_a, st_b = model.prepare(a), model.prepare(b)
    assert model.prepare(a) is st_a and model.prepare(b) is st_b
    st_c = model.prepare(c)
    assert model.prepare(c) is st_c and model.prepare(b) is st_b
    assert model.prepare(a) is not st_a  # pushed out by c, computed again (and b pushed out)
    assert model.prepare(a, cache=False) is not model.prepare(a, cache=False)
    model._stacks.clear()


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"engagement": 0.6, "culture": 0.4}, "--weight: weights: unknown pillar 'culture' (expected one of engagement, security)"),
        ({"engagement": 1.0}, "--weight: weights: no weight for pillar 'security' (expected a weight for every pillar)"),
        ({"engagement": "x", "security": 0.5}, "--weight: engagement.weight: 'x' is not a number (expected a number in [0, 1])"),
        ({"engagement": -0.5, "security": 1.5}, "--weight: engagement.weight: negative weight -0.5 (expected a weight >= 0)"),
    ],
)  # fmt: skip
def test_weights_given_to_the_index_are_refused_as_whole_lines(
    world: _World, weights: dict[str, object], message: str
) -> None:
    from softpower.measure import run_index

    with pytest.raises(InputError) as err:
        run_index(world.ledger, framework=world.framework, mc=0, partners="all", weights=weights)  # type: ignore[arg-type]
    assert str(err.value) == message


def test_prepared_stacks_hold_zero_where_a_variant_does_not_observe(world: _World) -> None:
    """The scores add each indicator's weighted values over the cells it observes in *some*
    variant: where the draw's variant does not observe a cell (a data source drawn alone that
    does not see it) the weighted value must be 0, or the cell's pillar mean moves."""
    model = world.result.model
    d = model.from_uniform(np.random.default_rng(11).random((40, model.n_factors)))
    st = model.prepare(d, cache=False)
    holes = 0
    for k in range(len(model.specs)):
        wx, obs = st.wx[k], st.obs[k]
        assert wx.shape == obs.shape == (wx.shape[0], len(st.ids[k]))
        assert (wx[~obs] == 0.0).all()
        holes += int((~obs[st.rows[k]]).sum())
        for j in range(wx.shape[0]):  # the observed values are the weighted variant values
            assert np.isfinite(wx[j, obs[j]]).all()
    assert holes > 0  # the design draws variants that leave cells of their indicator unobserved


def test_rank_normalisation_of_two_and_one_observed_values() -> None:
    """Ranks scaled to [0, 1] over the observed values of a row: two values give 0 and 1, one
    value gives 0, missing stays missing."""
    from softpower.measure.methods import NORMALISERS

    x = np.array([[3.0, np.nan, 1.0], [np.nan, 2.0, np.nan], [2.0, 2.0, 5.0]])
    got = NORMALISERS["rank"](x)
    np.testing.assert_array_equal(got, [[1.0, np.nan, 0.0], [np.nan, 0.0, np.nan], [0.25, 0.25, 1.0]])


def test_structure_needs_min_cells_complete_rows() -> None:
    """Exactly MIN_CELLS complete rows are enough for the correlation and alpha; one fewer is not."""
    from softpower.measure import audit

    assert audit.MIN_CELLS == 10
    x = np.column_stack([np.arange(10.0), np.arange(10.0) ** 2])
    ok = audit.structure(x, ["a", "b"])
    assert ok["n"] == 10 and ok["note"] is None and ok["alpha"] is not None
    few = audit.structure(x[:9], ["a", "b"])
    assert (few["n"], few["alpha"], few["correlation"], few["note"]) == (
        9, None, None, "9 cells observed on every indicator (need 10)",
    )  # fmt: skip


def test_the_index_seed_defaults_to_0(world: _World) -> None:
    import inspect

    from softpower.measure import run_index

    assert inspect.signature(run_index).parameters["seed"].default == 0
    assert world.result.meta["seed"] == 0  # built without a seed


def test_an_unobserved_scope_keeps_only_its_own_actors_partners_and_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source declared for one donor, one partner and one year, whose missing rows say
    nothing, observes only its records inside all three: its records of another donor or
    another year are not cells of the index (the seed-12 survivor kept only the partner test)."""
    grants = (
        [{"doc": "g", "kind": "engagement", "actor": a, "partners": ["VNM"], "instrument": "oda_grant",
          "year": y} for a, y in (("KOR", 2008), ("JPN", 2008), ("KOR", 2009))],
        [{"id": "g", "title": "grants"}], "edge-test",
    )  # fmt: skip
    dy = _dyads_under_scope(
        tmp_path,
        monkeypatch,
        "edge-test,engagement,oda_grant,KOR,VNM,2008,unobserved,Korean grants to Viet Nam in 2008",
        [grants],
        "name: f\npillars:\n  a: {indicators: [count:oda_grant]}\n",
    )
    assert list(zip(dy["actor"], dy["partner"], dy["year"], strict=True)) == [("KOR", "VNM", 2008)]


def _dyads_under_scope(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scope: str, imports: list[tuple], framework: str
) -> Any:
    """The index dyads (``mc=0``, every partner) of a ledger holding ``imports`` (records,
    documents, origin), with one extra declared coverage ``scope`` row and the given framework."""
    from softpower.ledger import Ledger
    from softpower.ledger.coverage import scopes
    from softpower.measure import run_index

    cov = tmp_path / "cov.csv"
    cov.write_text(
        "source,kind,families,actors,partners,years,missing_row,note\n" + scope + "\n", encoding="utf-8"
    )
    monkeypatch.setenv("SOFTPOWER_COVERAGE_CSV", str(cov))
    scopes.cache_clear()
    path = tmp_path / "l.duckdb"
    try:
        with Ledger.open(path) as lg:
            for records, documents, origin in imports:
                lg.import_records(records, documents, origin=origin, source="test")
        fw = tmp_path / "f.yaml"
        fw.write_text(framework, encoding="utf-8")
        return run_index(path, framework=fw, mc=0, partners="all").dyads
    finally:
        scopes.cache_clear()
