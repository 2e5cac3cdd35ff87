"""Hand-worked values of measure's smaller pieces: the audit's skew rule, treatments, alpha and
structure, a worker's share of the Monte Carlo, and the index without draws.

Each expected value is written out (or derived in a comment) here, not produced by the code
under test; see docs/testing.md, "measure".
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from softpower.measure import run_index
from test_measure_exact import _World, make_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> _World:
    return make_world(tmp_path_factory.mktemp("units"))


# --- the audit's rules on small inputs, worked out by hand ----------------------------------------


def test_the_skew_rule_and_its_treatments() -> None:
    from softpower.measure import audit

    assert (audit.SKEW_LIMIT, audit.KURTOSIS_LIMIT, audit.MAX_WINSORISED, audit.MIN_CELLS) == (
        2.0,
        3.5,
        5,
        10,
    )
    assert audit.shape(np.array([1.0, 2.0, 9.0])) == (None, None)  # fewer than 4 values
    assert audit.shape(np.array([2.0, 2.0, 2.0, 2.0, np.nan])) == (None, None)  # constant
    # nine zeros and one 100: a two-point distribution with p = 0.1, skew (1 - 2p) / sqrt(p (1 - p))
    # = 8/3, excess kurtosis (1 - 6 p (1 - p)) / (p (1 - p)) = 46/9 (NaN and infinities ignored)
    x = np.array([0.0] * 9 + [100.0])
    s, k = audit.shape(np.append(x, [np.nan, np.inf]))
    assert (s, k) == (pytest.approx(8 / 3), pytest.approx(46 / 9))
    assert audit.fails_rule(x) and not audit.fails_rule(np.arange(10.0))
    # capping the largest value at the next one leaves a constant: the rule holds after one
    assert audit.decide(x) == audit.Treatment("winsorise", 1.0, s, k, None, None, None)
    assert audit.decide(x, enabled=False) == audit.Treatment("none", 0.0, s, k, s, k, None)
    # seven values spread over three decades: five caps do not help, so log(1 + x / s) with s the
    # median of the non-zero values (1, 1, 1, 10, 20, 40, 80, 160, 320, 640: (20 + 40) / 2 = 30)
    x2 = np.array([0.0] * 50 + [1.0] * 3 + [10, 20, 40, 80, 160, 320, 640])
    t = audit.decide(x2)
    y = np.log1p(x2 / 30.0)
    assert (t.method, t.param) == ("log", 30.0)
    assert (t.skew_after, t.kurtosis_after) == audit.shape(y)
    assert t.skew_after_nonzero == audit.shape(y[y != 0])[0]
    np.testing.assert_allclose(audit.apply(x2, t), y)
    np.testing.assert_array_equal(audit.apply(x, audit.decide(x)), np.zeros(10))
    assert audit.apply(x, audit.decide(x, enabled=False)) is x


def test_winsorising_and_the_signed_log() -> None:
    from softpower.measure.audit import log_scale, winsorise

    v = np.array([5.0, 1.0, 4.0, 2.0, 3.0])
    np.testing.assert_array_equal(winsorise(v, 2), [3.0, 1.0, 3.0, 2.0, 3.0])
    assert winsorise(v, 0) is v and winsorise(v, 5) is v
    np.testing.assert_allclose(log_scale(np.array([-30.0, 0.0, 30.0]), 30.0), [-np.log(2), 0.0, np.log(2)])


def test_cronbach_alpha_by_hand() -> None:
    from softpower.measure.audit import cronbach_alpha

    assert cronbach_alpha(np.ones((5, 1))) is None
    assert cronbach_alpha(np.ones((1, 3))) is None
    assert cronbach_alpha(np.array([[1.0, -1.0], [2.0, -2.0]])) is None  # row sums do not vary
    # item variances 1 and 7/3, total variance 19/3: alpha = 2 (1 - (10/3) / (19/3)) = 18/19
    assert cronbach_alpha(np.array([[1.0, 2.0], [2.0, 3.0], [3.0, 5.0]])) == pytest.approx(18 / 19)


def test_complete_case_structure_whole() -> None:
    from softpower.measure.audit import structure

    col = np.arange(12.0)
    empty = {
        "correlation": None,
        "eigenvalues": None,
        "first_component_share": None,
        "loadings": None,
        "alpha": None,
    }
    assert structure(col[:, None], ["p"]) == {
        "n": 12, "indicators": ["p"], **empty, "note": "one indicator: no structure to check",
    }  # fmt: skip
    assert structure(np.stack([col, col], 1)[:9], ["p", "q"]) == {
        "n": 9, "indicators": ["p", "q"], **empty, "note": "9 cells observed on every indicator (need 10)",
    }  # fmt: skip
    assert structure(np.stack([col, np.ones(12)], 1), ["p", "q"]) == {
        "n": 12, "indicators": ["p", "q"], **empty, "note": "an indicator is constant over the shared cells",
    }  # fmt: skip
    # two perfectly correlated columns: one component carries everything, alpha 1
    assert structure(np.stack([col, 2 * col + 1], 1), ["p", "q"]) == {
        "n": 12, "indicators": ["p", "q"], "correlation": [[1.0, 1.0], [1.0, 1.0]], "eigenvalues": [2.0, 0.0],
        "first_component_share": 1.0, "loadings": [0.707107, 0.707107], "alpha": 1.0, "note": None,
    }  # fmt: skip
    opposite = structure(np.stack([col, -col], 1), ["p", "q"])
    assert opposite["correlation"] == [[1.0, -1.0], [-1.0, 1.0]] and opposite["alpha"] is None


def test_available_case_structure_whole() -> None:
    from softpower.measure.audit import pairwise_structure

    ids = np.arange(12)
    a = (ids, np.arange(12.0))
    b = (ids, np.arange(12.0) ** 2)
    c = (ids[:11], np.ones(11))  # shares 11 cells with a and b, but does not vary there
    d = (ids[:9], np.arange(9.0))  # 9 shared cells: too few
    got = pairwise_structure([a, b, c, d], ["a", "b", "c", "d"])
    r = float(np.corrcoef(a[1], b[1])[0, 1])
    r_ab = round(r, 6)
    assert got["used"] == ["a", "b"] and got["pair_n"] == [
        [12, 12, 11, 9],
        [12, 12, 11, 9],
        [11, 11, 11, 9],
        [9, 9, 9, 9],
    ]
    assert got["correlation"] == [
        [1.0, r_ab, None, None],
        [r_ab, 1.0, None, None],
        [None, None, 1.0, None],
        [None, None, None, 1.0],
    ]
    assert got["left_out"] == [
        {"indicator": "c", "why": "no correlation with a (n 11), b (n 11)"},
        {"indicator": "d", "why": "no correlation with a (n 9), b (n 9)"},
    ]
    # two indicators: eigenvalues 1 + r and 1 - r, alpha 2 r / (1 + r)
    assert (got["pair_n_min"], got["pair_n_max"], got["mean_r"]) == (12, 12, r_ab)
    assert got["eigenvalues"] == [round(1 + r, 6), round(1 - r, 6)]
    assert got["first_component_share"] == round((1 + r) / 2, 6)
    assert got["alpha"] == round(2 * r / (1 + r), 6)
    assert (
        got["loadings"] == [0.707107, 0.707107] and got["positive_definite"] is True and got["note"] is None
    )
    none = pairwise_structure([c, d], ["c", "d"])
    assert (none["used"], none["note"]) == (
        [],
        "no pair of indicators shares 10 cells with varying values: no correlation",
    )
    assert none["left_out"] == [
        {"indicator": "c", "why": "no other indicator shares 10 varying cells with it"},
        {"indicator": "d", "why": "no other indicator shares 10 varying cells with it"},
    ]
    one = pairwise_structure([a], ["a"])
    assert (one["pair_n"], one["correlation"], one["note"]) == (
        [[12]],
        [[1.0]],
        "one indicator: no structure to check",
    )


def test_a_worker_share_of_the_draws_is_the_same_as_those_draws_run_here(world: _World) -> None:
    """What a forked worker runs (``_evaluate_part``: its slice of the design and the stacks,
    counting finished draws in the shared counter), called in this process so that it is seen."""
    import multiprocessing as mp

    from softpower.measure import uncertainty

    model = world.result.model
    u = np.random.default_rng(7).random((12, model.n_factors))
    d = model.from_uniform(u)
    st = model.prepare(d)
    nominal = model.ranks(model.score_one(model.nominal(), 0))[1]
    part = d.take(slice(4, 10))
    assert part.row(0) == d.row(4) and len(part) == 6
    np.testing.assert_array_equal(part.weights, d.weights[4:10])
    taken = st.take(slice(4, 10))
    assert taken.ids is st.ids and taken.wx is st.wx and taken.obs is st.obs
    assert [r.tolist() for r in taken.rows] == [r[4:10].tolist() for r in st.rows]
    counter = mp.get_context("fork").Value("l", 0)
    uncertainty._SHARED.update(
        model=model, design=d, stacks=st, nominal=nominal, counter=counter, collect=True
    )
    try:
        got = uncertainty._evaluate_part((4, 10))
    finally:
        uncertainty._SHARED.clear()
    want = uncertainty._evaluate_serial(model, part, taken, nominal)
    assert counter.value == 6
    for g, w in zip(got, want, strict=True):
        np.testing.assert_array_equal(g, w)
    # and the whole: one process's histograms are the sums of any split of the draws
    one, agree_one = uncertainty.evaluate(model, u, nominal, workers=1)
    parts = [
        uncertainty._evaluate_serial(model, d.take(slice(a, b)), st.take(slice(a, b)), nominal)
        for a, b in ((0, 4), (4, 10), (10, 12))
    ]
    np.testing.assert_array_equal(one.cell, sum(q[0] for q in parts))
    np.testing.assert_array_equal(one.lead, sum(q[1] for q in parts))
    np.testing.assert_array_equal(one.total, sum(q[2] for q in parts))
    np.testing.assert_array_equal(agree_one, np.concatenate([q[3] for q in parts]))
    assert one.n == 12 and (one.total.sum(axis=-1) == 12).all()  # every actor ranked in every draw
    assert one.cell.dtype == one.lead.dtype == one.total.dtype == np.int64  # counts of draws


def test_without_draws_the_intervals_collapse_to_the_nominal_ranks(world: _World) -> None:
    """mc=0: the same nominal scores and ranks as the 40-draw run of the expected file, every
    rank quantile equal to the rank, and a probability of leading of 1 for a sole leader, else 0."""
    import json

    from test_measure_whole_index import DATA

    want = json.loads((DATA / "index_whole_a.json").read_text(encoding="utf-8"))
    dy = world.result.dyads
    same = ["actor", "partner", "year", "rank", "coverage", "indicators_observed", "n_facts"]
    assert dy[same].to_dict(orient="records") == [{k: r[k] for k in same} for r in want["dyads"]]
    np.testing.assert_allclose(dy["score"], [r["score"] for r in want["dyads"]], rtol=1e-8)
    for col in ("rank_median", "rank_lo", "rank_hi"):
        assert dy[col].tolist() == dy["rank"].tolist()
    firsts = dy.loc[dy["rank"] == 1].groupby(["partner", "year"])["actor"].transform("size")
    alone = pd.Series(0.0, index=dy.index)
    alone[firsts.index[firsts == 1]] = 1.0
    assert dy["lead_share"].tolist() == alone.tolist()
    act = world.result.actors
    assert act[["actor", "year", "rank"]].to_dict(orient="records") == [
        {k: r[k] for k in ("actor", "year", "rank")} for r in want["actors"]
    ]
    for col in ("rank_median", "rank_lo", "rank_hi"):
        assert act[col].tolist() == act["rank"].tolist()
    assert world.result.sensitivity.empty and list(world.result.sensitivity.columns) == [
        "choice", "first_order", "first_order_conf", "total", "total_conf",
    ]  # fmt: skip
    assert world.result.meta["uncertainty"]["sobol_evaluations"] == 0
    assert world.result.meta["uncertainty"]["note"] is None


def test_perception_validity_year_by_year_written_out() -> None:
    from softpower.measure.validity import MIN_PAIRS, perception_validity

    assert MIN_PAIRS == 5
    actors = ["A", "B", "C", "D", "E"]
    dy = pd.DataFrame(
        [
            (a, "P", y, s)
            for y in (2001, 2002, 2004)
            for a, s in zip(actors, [1.0, 2.0, 3.0, 4.0, 5.0], strict=True)
        ]
        + [(a, "P", 2003, s) for a, s in zip(actors[:3], [1.0, 2.0, 3.0], strict=True)],
        columns=["actor", "partner", "year", "score"],
    )
    rows = (
        [(a, "P", 2001, "trust", v) for a, v in zip(actors, [0.5, 0.4, 0.3, 0.1, 0.2], strict=True)]
        # two measures of one dyad are averaged: E gets (0.3 + 0.5) / 2 = 0.4, D 0.5
        + [(a, "P", 2002, "trust", v) for a, v in zip(actors, [0.1, 0.2, 0.3, 0.5, 0.3], strict=True)]
        + [("E", "P", 2002, "friendly", 0.5)]
        + [(a, "P", 2003, "trust", 0.2) for a in actors[:3]]
        + [(a, "P", 2004, "trust", 0.5) for a in actors]
        + [("A", "P", 2005, "trust", 0.9)]  # a poll year the index does not measure
    )
    perc = pd.DataFrame(rows, columns=["actor", "partner", "year", "name", "value"])
    got = perception_validity(dy, perc)
    assert got["summary"] == "2 of 4 poll year(s) have enough data to judge"
    y1, y2, y3, y4 = got["years"]
    # value ranks 5 4 3 1 2 against 1 2 3 4 5: rho = 1 - 6 * 38 / 120 = -0.9
    assert (y1["year"], y1["n"], y1["rho"]) == (2001, 5, pytest.approx(-0.9))
    assert y1["verdict"] == "index and perceptions disagree (Spearman rho -0.90, n 5, p 0.037)"
    # ranks 1 2 3 5 4 against 1 2 3 4 5: rho = 1 - 6 * 2 / (5 * 24) = 0.9, p (t = 3.58, 3 df) 0.037
    assert (y2["year"], y2["n"], y2["rho"], y2["p_value"]) == (
        2002,
        5,
        pytest.approx(0.9),
        pytest.approx(0.0374, abs=5e-4),
    )
    assert y2["verdict"] == "index and perceptions agree (Spearman rho 0.90, n 5, p 0.037)"
    assert y3 == {"year": 2003, "n": 3, "rho": None, "p_value": None,
                  "verdict": "too few data to judge: 3 dyad(s) with both a score and a perception (need 5)"}  # fmt: skip
    assert y4 == {"year": 2004, "n": 5, "rho": None, "p_value": None,
                  "verdict": "too few data to judge: the perceptions do not vary across the 5 dyads"}  # fmt: skip
    flat = perception_validity(dy.assign(score=0.5), perc.loc[perc["year"] == 2001])
    assert flat == {
        "years": [{"year": 2001, "n": 5, "rho": None, "p_value": None,
                   "verdict": "too few data to judge: the scores do not vary across the 5 dyads"}],
        "summary": "too few data to judge: none of 1 poll year(s) has 5 varying dyads",
    }  # fmt: skip
    assert perception_validity(dy, perc.iloc[0:0]) == {
        "years": [],
        "summary": "no perception records in the ledger: validity cannot be judged",
    }
    assert perception_validity(dy, perc.loc[perc["year"] == 2005]) == {
        "years": [],
        "summary": "no perception records in the year(s) measured: validity cannot be judged (polls in 2005)",
    }


# --- from the second fresh sample (seed 5) of the final runs ---------------------------------------


def test_the_timings_are_the_parts_of_the_total(world: _World) -> None:
    res = run_index(world.ledger, framework=world.framework, mc=0, partners="all")
    s = res.seconds
    assert list(s) == ["panel", "nominal", "monte_carlo_and_sobol", "outputs", "total"]
    assert all(0 <= v <= s["total"] for v in s.values())
    assert sum(v for k, v in s.items() if k != "total") == pytest.approx(s["total"], abs=1e-9)


def test_nine_partners_compared_are_shown_as_eight_and_an_ellipsis(world: _World) -> None:
    from softpower.errors import SoftpowerError

    nine = "BRN,IDN,KHM,LAO,MMR,MYS,SGP,THA,TLS"
    with pytest.raises(SoftpowerError) as info:
        run_index(world.arms, mc=0, partners=nine)
    assert str(info.value) == (
        "ledger: no dated record names a partner compared (expected records of "
        "BRN, IDN, KHM, LAO, MMR, MYS, SGP, THA, ...; --partners all compares every partner)"
    )
    with pytest.raises(SoftpowerError) as info:
        run_index(world.arms, mc=0, partners=nine.rsplit(",", 1)[0])
    assert "SGP, THA; --partners all" in str(info.value)


@pytest.mark.parametrize(
    ("first", "total", "note"),
    [
        ([0.5, 0.2], [0.6, 0.3], False),  # within [0, 1], first <= total
        ([1.05, 0.2], [1.06, 0.3], True),  # above 1 by more than the 0.01 tolerance
        ([1.005, 0.2], [1.008, 0.3], False),  # above 1 within the tolerance
        ([-0.02, 0.2], [0.1, 0.3], True),  # below 0
        ([0.5, 0.2], [0.45, 0.3], True),  # a first order above its total
    ],
)
def test_the_sobol_note_says_when_estimates_leave_0_1(
    monkeypatch: pytest.MonkeyPatch, first: list[float], total: list[float], note: bool
) -> None:
    from softpower.measure import uncertainty

    def analyze(*args: object, **kw: object) -> dict[str, list[float]]:
        return {"S1": first, "S1_conf": [0.1, 0.1], "ST": total, "ST_conf": [0.1, 0.1]}

    monkeypatch.setattr(uncertainty.sobol_analyze, "analyze", analyze)
    problem = {"num_vars": 2, "names": ["a", "b"], "bounds": [[0.0, 1.0]] * 2}
    out = uncertainty.sobol_indices(problem, lambda x: x[:, 0], 8, 0)
    assert out["first_order"].tolist() == first and out["total"].tolist() == total
    want = (
        "indices are estimates from 32 evaluations (the conf columns are 95 % confidence half-widths); "
        "values below 0 or above 1, or a first order above the total, are sampling noise: a larger "
        "sample sharpens them"
    )
    assert out.attrs.get("note") == (want if note else None)


def test_an_open_scope_observes_only_its_own_years(tmp_path: Path) -> None:
    """KOICA (Korea, every partner, 1991-2007, 'zero') observes Korea's cells of those years
    only: a 2010 cell seen through SIPRI is not a KOICA zero."""
    from softpower.ledger import Ledger

    path = tmp_path / "k.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records(
            [{"doc": "k", "kind": "engagement", "actor": "KOR", "partners": ["VNM"],
              "instrument": "oda_grant", "year": 2005}],
            [{"id": "k", "title": "projects"}], origin="koica", source="test",
        )  # fmt: skip
        lg.import_records(
            [{"doc": "s", "kind": "indicator", "actor": "KOR", "partners": ["PHL"], "metric": "arms_transfers",
              "unit": "TIV", "value": 5.0, "year": 2010}],
            [{"id": "s", "title": "arms"}], origin="sipri-arms", source="test",
        )  # fmt: skip
    fw = tmp_path / "f.yaml"
    fw.write_text(
        "name: f\npillars:\n  a: {indicators: [count:all]}\n  b: {indicators: [indicator:arms_transfers]}\n"
    )
    dy = run_index(path, framework=fw, mc=0, partners="all").dyads
    got = dy[["actor", "partner", "year", "coverage", "indicators_observed"]].to_dict(orient="records")
    assert got == [
        # 2005: the KOICA fact; SIPRI lists no transfer that year, so it observes no pair then
        {"actor": "KOR", "partner": "VNM", "year": 2005, "coverage": 0.5, "indicators_observed": 0b01},
        # 2010: SIPRI only; KOICA's years end in 2007, so its "every partner" is no zero here
        {"actor": "KOR", "partner": "PHL", "year": 2010, "coverage": 0.5, "indicators_observed": 0b10},
    ]
