"""Known answers for the uncertainty engine: Sobol on Ishigami, a rank interval in closed form."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from SALib.test_functions import Ishigami
from scipy import stats

from softpower.measure.engine import Model, build_inputs, competition_ranks
from softpower.measure.framework import parse_framework
from softpower.measure.methods import CONCENTRATION
from softpower.measure.uncertainty import index_sensitivity, monte_carlo, sobol_indices


def test_sobol_reproduces_ishigami_analytic_indices() -> None:
    problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
    si = sobol_indices(problem, Ishigami.evaluate, 2**13, seed=1)
    # a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)
    np.testing.assert_allclose(si["first_order"], [0.3139, 0.4424, 0.0], atol=0.03)
    np.testing.assert_allclose(si["total"], [0.5576, 0.4424, 0.2437], atol=0.03)


def _panel(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    from softpower.records.vocab import instruments

    return pd.DataFrame(
        [
            {
                "actor": a,
                "partner": p,
                "year": 2008,
                "instrument": i,
                "power_type": instruments()[i].power_type,
                "count": c,
                "usd_const": 0.0,
                "usd_missing": 0.0,
                "ppp": 0.0,
                "equal_footing": 0.0,
                "self_only": 0.0,
            }
            for a, p, i, c in rows
        ]
    )


FRAMEWORK = """
name: two pillars
pillars:
  economic: {weight: 0.6, indicators: ["count:economic"]}
  smart: {weight: 0.4, indicators: ["count:smart"]}
uncertainty:
  normalisation: [minmax, zscore, rank, frontier]
  imputation: [zero]
"""


@pytest.fixture(scope="module")
def model() -> Model:
    # KOR dominates both pillars; JPN is strong in economic ties only, CHN in smart cooperation only.
    panel = _panel(
        [
            ("KOR", "VNM", "oda_grant", 2.0),
            ("KOR", "VNM", "health_cooperation", 2.0),
            ("JPN", "VNM", "oda_grant", 1.0),
            ("CHN", "VNM", "health_cooperation", 1.0),
        ]
    )
    empty = pd.DataFrame({"actor": [], "partner": [], "year": [], "family": [], "name": [], "value": []})
    fw = parse_framework(FRAMEWORK, "two.yaml")
    return Model(build_inputs(panel, empty, fw, (1e6, 1e7)), fw)


def test_rank_interval_has_its_closed_form(model: Model) -> None:
    # Under every normaliser JPN beats CHN exactly when the economic weight w1 > 1/2, and
    # w1 ~ Beta(0.6 c, 0.4 c) (the Dirichlet marginal), so P(JPN 2nd) = 1 - I_{1/2}(15, 10) = 0.846.
    n = 8000
    nominal = competition_ranks(model.scores(model.nominal())[0], axis=-2)
    dist, _ = monte_carlo(model, n, seed=3, nominal_ranks=nominal)
    actors = list(model.inputs.actors)
    kor, jpn, chn = actors.index("KOR"), actors.index("JPN"), actors.index("CHN")
    p = 1 - stats.beta.cdf(0.5, 0.6 * CONCENTRATION, 0.4 * CONCENTRATION)
    hist = dist.dyad[0, :, 0]  # year 2008, partner VNM: [actor, rank]
    assert hist[kor].tolist() == [n, 0, 0]  # always first
    assert hist[jpn, 1] / n == pytest.approx(p, abs=4 * np.sqrt(p * (1 - p) / n))
    assert hist[chn, 1] == hist[jpn, 2]
    lo, med, hi = (dist.dyad_quantiles(q)[0, :, 0] for q in (0.05, 0.5, 0.95))
    assert (lo[kor], med[kor], hi[kor]) == (1, 1, 1)
    assert (lo[jpn], med[jpn], hi[jpn]) == (2, 2, 3)
    assert (lo[chn], med[chn], hi[chn]) == (2, 3, 3)


def test_monte_carlo_is_seeded(model: Model) -> None:
    a, _ = monte_carlo(model, 300, seed=5)
    b, _ = monte_carlo(model, 300, seed=5)
    c, _ = monte_carlo(model, 300, seed=6)
    assert (a.dyad == b.dyad).all() and not (a.dyad == c.dyad).all()


def test_sensitivity_finds_the_only_choice_that_matters(model: Model) -> None:
    nominal = competition_ranks(model.scores(model.nominal())[0], axis=-2)
    si = index_sensitivity(model, 2000, seed=0, nominal_ranks=nominal).set_index("choice")
    # ranks here depend on the weights alone: every other choice has zero total effect
    assert si.loc["weights", "total"] > 0.9
    for choice in ("normalisation", "imputation", "half_life", "missing_amounts"):
        assert si.loc[choice, "total"] == pytest.approx(0.0, abs=1e-12)


def test_fast_arithmetic_path_equals_the_general_path(tmp_path) -> None:
    from softpower.ledger import bundled_ledger
    from softpower.measure.api import _values
    from softpower.measure.dyads import engagement_panel
    from softpower.measure.framework import load_framework

    path = bundled_ledger(tmp_path / "l.duckdb")
    values = pd.concat([_values(path, k, 1, False) for k in ("indicator", "perception")], ignore_index=True)
    fw = load_framework()
    model = Model(build_inputs(engagement_panel(path), values, fw, (1e6, 1e8)), fw)
    design = model.from_uniform(np.random.default_rng(0).random((64, model.n_factors)))
    design = design.take(design.imp == 1)  # zero-as-absence: no missing values, the fast path applies
    assert model._fast_arithmetic(design) is not None
    fast = model.scores(design)
    xt = model.normalised(design).transpose(0, 2, 3, 1)
    from softpower.measure.methods import aggregate_arithmetic as agg

    pillars = np.stack([agg(xt[..., i], np.full(len(i), 1 / len(i))) for i in model.pillar_index], axis=-1)
    general = agg(pillars, design.weights[:, None, :])
    np.testing.assert_allclose(
        fast.reshape(len(design), len(model.yo), -1)[..., model.flat], general, atol=1e-12
    )


def test_worker_processes_give_the_same_result(model: Model) -> None:
    from softpower.measure.uncertainty import evaluate

    u = np.random.default_rng(2).random((400, model.n_factors))
    one, s1 = evaluate(model, u, workers=1)
    two, s2 = evaluate(model, u, workers=2)
    assert (one.dyad == two.dyad).all() and (one.total == two.total).all()
    np.testing.assert_array_equal(s1, s2)
