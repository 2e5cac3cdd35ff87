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
