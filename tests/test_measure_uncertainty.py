"""Known answers for the uncertainty engine: Sobol on Ishigami, a rank interval in closed form."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest
from SALib.test_functions import Ishigami
from scipy import stats

from softpower.measure.engine import Model
from softpower.measure.framework import parse_framework
from softpower.measure.methods import CONCENTRATION
from softpower.measure.panel import Panel
from softpower.measure.uncertainty import index_sensitivity, monte_carlo, sobol_indices


def test_sobol_reproduces_ishigami_analytic_indices() -> None:
    problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
    si = sobol_indices(problem, Ishigami.evaluate, 2**13, seed=1)
    # a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)
    np.testing.assert_allclose(si["first_order"], [0.3139, 0.4424, 0.0], atol=0.03)
    np.testing.assert_allclose(si["total"], [0.5576, 0.4424, 0.2437], atol=0.03)


SCOPE = (
    "source,kind,families,actors,partners,years,missing_row,note\n"
    "test,engagement,*,*,*,2008,zero,a test dataset that lists every project\n"
)


@pytest.fixture(autouse=True)
def _declared(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from softpower.ledger.coverage import scopes

    path = tmp_path_factory.mktemp("scope") / "coverage.csv"
    path.write_text(SCOPE)
    monkeypatch.setenv("SOFTPOWER_COVERAGE_CSV", str(path))
    scopes.cache_clear()
    yield
    scopes.cache_clear()


def _panel(rows: list[tuple[str, str, str, float]]) -> Panel:
    from softpower.records.vocab import instruments

    eng = pd.DataFrame(
        [
            {
                "actor": a, "partner": p, "year": 2008, "instrument": i,
                "power_type": instruments()[i].power_type, "origin": "test", "n_facts": int(c),
                "count_equal": c, "count_full": c, "usd_equal": 0.0, "usd_full": 0.0,
                "missing_equal": c, "missing_full": c, "ppp": 0.0, "equal_footing": 0.0,
                "self_only": 0.0, "from_dataset": True,
            }
            for a, p, i, c in rows
        ]
    )  # fmt: skip
    vals = pd.DataFrame(
        {
            c: []
            for c in (
                "kind",
                "actor",
                "partner",
                "year",
                "name",
                "origin",
                "n_facts",
                "value_equal",
                "value_full",
            )
        }
    )
    return Panel(eng, vals, {"facts": 0, "undated": 0, "world_only": 0, "self_reported_only": 0})


FRAMEWORK = """
name: two pillars
pillars:
  economic: {weight: 0.6, indicators: ["count:economic"]}
  smart: {weight: 0.4, indicators: ["count:smart"]}
uncertainty:
  normalisation: [minmax, zscore, rank, frontier]
  imputation: [zero]
"""


def _model(rows: list[tuple[str, str, str, float]]) -> Model:
    return Model(_panel(rows), parse_framework(FRAMEWORK, "two.yaml"), amount_range=(1e6, 1e7))


@pytest.fixture()
def model() -> Model:
    # KOR dominates both pillars; JPN is strong in economic ties only, CHN in smart cooperation only.
    return _model(
        [
            ("KOR", "VNM", "oda_grant", 2.0),
            ("KOR", "VNM", "health_cooperation", 2.0),
            ("JPN", "VNM", "oda_grant", 1.0),
            ("CHN", "VNM", "health_cooperation", 1.0),
        ]
    )


def _nominal_lead(model: Model) -> np.ndarray:
    return model.ranks(model.score_one(model.nominal(), 0))[1]


def test_rank_interval_has_its_closed_form(model: Model) -> None:
    # The draw leaves out one indicator or none (1/3 each). With both, under every normaliser
    # JPN beats CHN exactly when the economic weight w1 > 1/2, w1 ~ Beta(0.6 c, 0.4 c) (the
    # Dirichlet marginal); without smart JPN is 2nd, without economic 3rd. So
    # P(JPN 2nd) = (1 - I_{1/2}(15, 10)) / 3 + 1/3.
    n = 6000
    dist, _ = monte_carlo(model, n, seed=3, nominal_lead=_nominal_lead(model))
    c = model.cells
    cell = {c.actors[a]: i for i, a in enumerate(c.actor)}
    p = (1 - stats.beta.cdf(0.5, 0.6 * CONCENTRATION, 0.4 * CONCENTRATION)) / 3 + 1 / 3
    assert dist.cell[cell["KOR"]].tolist() == [n, 0, 0]  # always first
    assert dist.lead_share()[cell["KOR"]] == 1.0
    jpn2 = dist.cell[cell["JPN"], 1] / n
    assert jpn2 == pytest.approx(p, abs=4 * np.sqrt(p * (1 - p) / n))
    assert dist.cell[cell["CHN"], 1] == dist.cell[cell["JPN"], 2]
    lo, med, hi = (dist.cell_quantiles(q) for q in (0.05, 0.5, 0.95))
    assert (lo[cell["KOR"]], med[cell["KOR"]], hi[cell["KOR"]]) == (1, 1, 1)
    assert (lo[cell["JPN"]], med[cell["JPN"]], hi[cell["JPN"]]) == (2, 2, 3)


def test_probability_of_leading_has_its_closed_form() -> None:
    # A is stronger in economic ties, B in smart cooperation: with both indicators A leads iff
    # w1 > 1/2; leaving smart out A leads, leaving economic out B leads.
    m = _model(
        [
            ("AUS", "VNM", "oda_grant", 2.0),
            ("AUS", "VNM", "health_cooperation", 1.0),
            ("NZL", "VNM", "oda_grant", 1.0),
            ("NZL", "VNM", "health_cooperation", 2.0),
        ]
    )
    n = 6000
    dist, _ = monte_carlo(m, n, seed=11, nominal_lead=_nominal_lead(m))
    c = m.cells
    cell = {c.actors[a]: i for i, a in enumerate(c.actor)}
    p = (1 - stats.beta.cdf(0.5, 0.6 * CONCENTRATION, 0.4 * CONCENTRATION)) / 3 + 1 / 3
    lead = dist.lead_share()
    assert lead[cell["AUS"]] == pytest.approx(p, abs=4 * np.sqrt(p * (1 - p) / n))
    assert lead[cell["AUS"]] + lead[cell["NZL"]] == pytest.approx(1.0)  # no ties here


def test_monte_carlo_is_seeded(model: Model) -> None:
    a, _ = monte_carlo(model, 300, seed=5)
    b, _ = monte_carlo(model, 300, seed=5)
    c, _ = monte_carlo(model, 300, seed=6)
    assert (a.cell == b.cell).all() and not (a.cell == c.cell).all()


def test_sensitivity_of_who_leads_finds_the_choices_that_matter() -> None:
    m = _model(
        [
            ("AUS", "VNM", "oda_grant", 2.0),
            ("AUS", "VNM", "health_cooperation", 1.0),
            ("NZL", "VNM", "oda_grant", 1.0),
            ("NZL", "VNM", "health_cooperation", 2.0),
        ]
    )
    si = index_sensitivity(m, 4000, seed=0, nominal_lead=_nominal_lead(m)).set_index("choice")
    # who leads depends on the weights and the indicator set only
    assert si.loc["weights", "total"] > 0.1 and si.loc["indicator_set", "total"] > 0.3
    for choice in ("normalisation", "imputation", "half_life", "missing_amounts", "split_rule"):
        assert si.loc[choice, "total"] == pytest.approx(0.0, abs=1e-12)


def test_worker_processes_give_the_same_result(model: Model) -> None:
    from softpower.measure.uncertainty import evaluate

    u = np.random.default_rng(2).random((400, model.n_factors))
    lead = _nominal_lead(model)
    one, s1 = evaluate(model, u, lead, workers=1)
    two, s2 = evaluate(model, u, lead, workers=2)
    assert (one.cell == two.cell).all() and (one.total == two.total).all() and (one.lead == two.lead).all()
    assert (s1 == s2).all()


def test_a_choice_that_alone_decides_the_leader_has_first_order_index_one() -> None:
    """Known answer: only the split rule decides who leads, so its first-order Sobol index is 1.

    KOR's two facts name a group (a 1/5 share each under the equal split, the whole fact
    under the full one), NZL's one fact names VNM alone: NZL leads under ``equal`` (1 > 0.4),
    KOR under ``full`` (2 > 1). Both indicators count the same facts (leaving either out keeps
    the order), every normaliser and aggregator is monotone, one pillar takes all the weight
    and nothing is missing, so every other choice leaves the leader alone.
    """
    from softpower.records.vocab import instruments

    rows = [("KOR", 0.4, 2.0), ("NZL", 1.0, 1.0)]
    eng = pd.DataFrame(
        [
            {
                "actor": a, "partner": "VNM", "year": 2008, "instrument": "oda_grant",
                "power_type": instruments()["oda_grant"].power_type, "origin": "test", "n_facts": 2,
                "count_equal": eq, "count_full": full, "usd_equal": 0.0, "usd_full": 0.0,
                "missing_equal": eq, "missing_full": full, "ppp": 0.0, "equal_footing": 0.0,
                "self_only": 0.0, "from_dataset": True,
            }
            for a, eq, full in rows
        ]
    )  # fmt: skip
    panel = Panel(
        eng, _panel([]).values, {"facts": 0, "undated": 0, "world_only": 0, "self_reported_only": 0}
    )
    fw = parse_framework(
        "name: split decides\n"
        "pillars:\n"
        "  economic: {weight: 1.0, indicators: ['count:economic', 'count:oda_grant']}\n"
        "uncertainty:\n"
        "  normalisation: [minmax, zscore, rank, frontier]\n"
        "  imputation: [zero, none, mean, carry_forward]\n"
        "  aggregation: [arithmetic, geometric]\n"
        "  split: [equal, full]\n",
        "split.yaml",
    )
    m = Model(panel, fw, amount_range=(1e6, 1e7))
    lead = _nominal_lead(m)
    assert m.cells.actors[m.cells.actor[lead[0]]] == "NZL"  # the nominal rule is equal
    si = index_sensitivity(m, 4000, seed=2, nominal_lead=lead).set_index("choice")
    assert si.loc["split_rule", "first_order"] == pytest.approx(1.0, abs=0.05)
    assert si.loc["split_rule", "total"] == pytest.approx(1.0, abs=0.05)
    others = si.drop(index="split_rule")
    assert (others["first_order"].abs() < 0.02).all() and (others["total"].abs() < 0.02).all()


def test_data_source_draws_include_each_source_alone() -> None:
    """With alternatives that never observe the same donor (as on the real ledger), preferring
    one or the other changes nothing; the draws also use each source alone, which does."""
    vals = pd.DataFrame(
        [
            {"kind": "indicator", "actor": a, "partner": "VNM", "year": 2008, "name": name,
             "origin": "other", "n_facts": 1, "value_equal": v, "value_full": v, "from_dataset": True}
            for a, name, v in (("KOR", "m1", 5.0), ("JPN", "m2", 3.0))
        ]
    )  # fmt: skip
    panel = Panel(
        _panel([("KOR", "VNM", "oda_grant", 1.0)]).engagement.iloc[0:0],
        vals,
        {"facts": 0, "undated": 0, "world_only": 0, "self_reported_only": 0},
    )
    fw = parse_framework(
        "name: sources\npillars:\n  p: {weight: 1.0, indicators: ['indicator:m1|indicator:m2']}\n", "s.yaml"
    )
    m = Model(panel, fw, amount_range=(1e6, 1e7))
    assert m.source_options(0) == 4
    actors = np.asarray(m.cells.actors)
    seen = {rot: sorted(actors[m.cells.actor[m.coalesced(0, rot, 0, 0, 0, 0)[0]]]) for rot in range(4)}
    assert seen == {0: ["JPN", "KOR"], 1: ["JPN", "KOR"], 2: ["KOR"], 3: ["JPN"]}
    # alone, each source leaves the other's donor unscored: who leads depends on the source
    si = index_sensitivity(m, 2000, seed=1, nominal_lead=_nominal_lead(m)).set_index("choice")
    assert si.loc["data_source", "total"] > 0.3


def test_batched_ranks_match_counting_the_higher_scores(model: Model) -> None:
    """Known answer: rank = 1 + donors with a strictly higher score in the partner-year; the
    leader is the top donor when nobody ties it; unscored cells get rank 0."""
    rng = np.random.default_rng(4)
    c = model.cells
    s = rng.integers(0, 3, size=(50, len(c))).astype(float)  # many ties
    s[rng.random(s.shape) < 0.2] = np.nan
    ranks, lead = model.rank_batch(s)
    for i in range(len(s)):
        for cell in range(len(c)):
            same = c.group == c.group[cell]
            want = 0 if np.isnan(s[i, cell]) else 1 + int((s[i, same] > s[i, cell]).sum())
            assert ranks[i, cell] == want
        for g in range(len(c.group_start)):
            block = np.flatnonzero(c.group == g)
            x = np.where(np.isnan(s[i, block]), -np.inf, s[i, block])
            top = x.max()
            want_lead = block[int(np.argmax(x))] if np.isfinite(top) and (x == top).sum() == 1 else -1
            assert lead[i, g] == want_lead
    assert (model.lead_batch(s) == lead).all()


def test_results_do_not_depend_on_the_batch_size(model: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    from softpower.measure.uncertainty import evaluate

    u = np.random.default_rng(8).random((120, model.n_factors))
    lead = _nominal_lead(model)
    big, s1 = evaluate(model, u, lead, workers=1)
    monkeypatch.setattr(Model, "batch_size", lambda self: 7)
    small, s2 = evaluate(model, u, lead, workers=1)
    assert (
        (big.cell == small.cell).all() and (big.total == small.total).all() and (big.lead == small.lead).all()
    )
    assert (s1 == s2).all()


def test_rank_quantiles_equal_numpy_quantiles_of_the_draws(model: Model) -> None:
    """The histogram keeps memory flat in the draws; its quantiles are numpy's inverted-CDF
    quantiles of the per-draw ranks."""
    u = np.random.default_rng(9).random((301, model.n_factors))
    dist, _ = evaluate_draws(model, u)
    d = model.from_uniform(u)
    ranks, _ = model.rank_batch(model.scores(d, model.prepare(d)))
    for q in (0.05, 0.5, 0.95):
        want = np.quantile(ranks, q, axis=0, method="inverted_cdf")
        assert (dist.cell_quantiles(q) == want).all()


def evaluate_draws(model: Model, u: np.ndarray):  # type: ignore[no-untyped-def]
    from softpower.measure.uncertainty import evaluate

    return evaluate(model, u, _nominal_lead(model), workers=1)
