"""Known answers for the audit's skew treatment and its available-case (pairwise) structure."""

from __future__ import annotations

import numpy as np
import pytest

from softpower.measure import audit


def _softplus_skew(sigma: float) -> float:
    """Skewness of ``log(1 + exp(Z))``, ``Z ~ N(0, sigma^2)``, by Gauss-Hermite quadrature."""
    z, w = np.polynomial.hermite_e.hermegauss(120)
    w = w / w.sum()
    y = np.logaddexp(0.0, sigma * z)
    m = (w * y).sum()
    return float((w * (y - m) ** 3).sum() / (w * (y - m) ** 2).sum() ** 1.5)


def test_lognormal_skew_treatment_has_its_known_answer() -> None:
    # log-normal with sigma 1: skewness (e + 2) sqrt(e - 1) = 6.18 breaks the rule, five capped
    # values cannot fix a tail, so the rule logs: x / median = exp(Z), and log(1 + exp(Z)) has
    # the skewness given by quadrature (1.15 for sigma 1, from 6.18)
    rng = np.random.default_rng(7)
    x = np.exp(rng.normal(0.0, 1.0, 50_000))
    t = audit.decide(x)
    assert t.method == "log"
    assert t.param == pytest.approx(np.median(x))
    assert t.skew_before == pytest.approx((np.e + 2) * np.sqrt(np.e - 1), rel=0.3)
    assert t.skew_after == pytest.approx(_softplus_skew(1.0), abs=0.05)
    assert not audit.fails_rule(audit.apply(x, t))


def test_the_nonzero_skew_separates_the_tail_from_a_mass_of_zeros() -> None:
    # 95 % zeros and a log-normal tail: after the log the skew over all cells stays high
    # (the zeros), over the non-zero values it is the tail's own (the quadrature value)
    rng = np.random.default_rng(3)
    x = np.r_[np.zeros(19_000), np.exp(rng.normal(0.0, 1.0, 1_000))]
    t = audit.decide(x)
    assert t.method == "log"
    assert t.skew_after is not None and t.skew_after > 2
    assert t.skew_after_nonzero == pytest.approx(_softplus_skew(1.0), abs=0.2)


def _factor_model(n: int, loadings: list[float], seed: int) -> np.ndarray:
    """Columns ``x_j = l_j f + sqrt(1 - l_j^2) e_j``: correlations ``l_i l_j``."""
    rng = np.random.default_rng(seed)
    f = rng.normal(size=n)
    cols = [lj * f + np.sqrt(1 - lj**2) * rng.normal(size=n) for lj in loadings]
    return np.stack(cols, axis=1)


def test_pairwise_pca_recovers_a_known_first_component_with_no_complete_cell() -> None:
    # three indicators with equal correlation rho = 0.64 (loadings 0.8): eigenvalues
    # 1 + 2 rho, 1 - rho, 1 - rho; first component (1, 1, 1) / sqrt 3; alpha 3 rho / (1 + 2 rho).
    # Each cell is observed on exactly two indicators, so no cell is complete.
    n = 30_000
    x = _factor_model(n, [0.8, 0.8, 0.8], seed=11)
    cells = np.arange(n)
    third = n // 3
    observed = [  # indicator j misses block j
        np.r_[cells[third:]],
        np.r_[cells[:third], cells[2 * third :]],
        np.r_[cells[: 2 * third]],
    ]
    values = [(ids, x[ids, j]) for j, ids in enumerate(observed)]
    rho = 0.64
    s = audit.pairwise_structure(values, ["a", "b", "c"])
    assert s["used"] == ["a", "b", "c"] and s["left_out"] == []
    assert s["pair_n_min"] == s["pair_n_max"] == third
    assert s["eigenvalues"] == pytest.approx([1 + 2 * rho, 1 - rho, 1 - rho], abs=0.04)
    assert s["first_component_share"] == pytest.approx((1 + 2 * rho) / 3, abs=0.015)
    assert s["loadings"] == pytest.approx([3**-0.5] * 3, abs=0.03)
    assert s["alpha"] == pytest.approx(3 * rho / (1 + 2 * rho), abs=0.015)
    # the complete-case route has nothing to work on
    assert audit.structure(np.zeros((0, 3)), ["a", "b", "c"])["note"].startswith("0 cells")


def test_cronbach_from_pairwise_correlations_matches_the_closed_form() -> None:
    # standardised alpha of k items with mean inter-item correlation r: k r / (1 + (k - 1) r);
    # with every item on every cell it equals alpha of the standardised columns
    x = _factor_model(5_000, [0.9, 0.7, 0.5, 0.3], seed=5)
    ids = np.arange(len(x))
    s = audit.pairwise_structure([(ids, x[:, j]) for j in range(4)], list("abcd"))
    r = np.corrcoef(x, rowvar=False)
    mean_r = r[np.triu_indices(4, 1)].mean()
    assert s["mean_r"] == pytest.approx(mean_r, abs=1e-6)
    assert s["alpha"] == pytest.approx(4 * mean_r / (1 + 3 * mean_r), abs=1e-6)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    assert s["alpha"] == pytest.approx(audit.cronbach_alpha(z), abs=1e-3)
    # population loadings 0.9, 0.7, 0.5, 0.3: the first component weighs them in that order
    assert s["loadings"] == sorted(s["loadings"], reverse=True)


def test_an_indicator_sharing_no_cells_is_left_out_with_its_reason() -> None:
    x = _factor_model(400, [0.9, 0.9, 0.9], seed=2)
    a = np.arange(0, 200)
    b = np.arange(100, 300)
    c = np.arange(300, 400)  # shares no cell with a or b (e.g. a source seeing other donors)
    values = [(a, x[a, 0]), (b, x[b, 1]), (c, x[c, 2])]
    s = audit.pairwise_structure(values, ["a", "b", "c"])
    assert s["used"] == ["a", "b"]
    assert s["pair_n"][0][1] == 100 and s["pair_n"][0][2] == 0
    assert s["left_out"][0]["indicator"] == "c" and "n 0" in s["left_out"][0]["why"]
    assert s["eigenvalues"] is not None and len(s["eigenvalues"]) == 2
    # no pair at all: a plain note, no figures
    none = audit.pairwise_structure([(a, x[a, 0]), (c, x[c, 2])], ["a", "c"])
    assert none["alpha"] is None and "no pair of indicators" in none["note"]


def test_the_audit_table_shows_before_and_after_skew_and_pair_n() -> None:
    x = np.exp(np.random.default_rng(1).normal(0.0, 1.0, 2_000))
    ids = np.arange(len(x))
    t = audit.decide(x)
    rep = {
        "rule": "r",
        "structure": "s",
        "indicators": [
            {
                "indicator": "usd:x",
                "pillar": "p",
                "cells": 2000,
                "recorded": 2000,
                "share_zero": 0.0,
                **t.to_dict(),
            }
        ],
        "correlations": [],
        "pillars": [
            {
                "pillar": "p",
                **audit.pairwise_structure([(ids, x), (ids, np.log(x))], ["usd:x", "usd:y"]),
                "complete_case": audit.structure(np.stack([x, np.log(x)], axis=1), ["usd:x", "usd:y"]),
            }
        ],
    }
    text = audit.table(rep)
    assert f"{t.skew_before:.2f}" in text and f"{t.skew_after:.2f}" in text
    assert "log (" in text and "2000-2000" in text


def test_support_counts_shared_primary_indicators_not_facts() -> None:
    from types import SimpleNamespace

    import pandas as pd

    from softpower.measure import leaders_table

    names = ["indicator:oda_disbursement", "indicator:diplomatic_posts", "roots:economic"]
    assert audit.support(0b111, 0b101, names) == ["indicator:oda_disbursement"]  # roots left out
    assert audit.support(0b011, None, names) == names[:2]  # a lone donor: its own indicators

    def dy(partner: str, rows: list[tuple[str, float, int, int]]) -> list[dict]:
        ranked = sorted(rows, key=lambda r: -r[1])
        return [
            {
                "actor": a,
                "partner": partner,
                "year": 2015,
                "score": s,
                "rank": i + 1,
                "lead_share": 1.0,
                "coverage": 1.0,
                "indicators_observed": m,
                "n_facts": f,
            }
            for i, (a, s, m, f) in enumerate(ranked)
        ]

    dyads = pd.DataFrame(
        # one DAC total (1 fact) per donor, but compared on ODA and posts: firm
        dy("VNM", [("JPN", 0.9, 0b011, 1), ("KOR", 0.5, 0b011, 1)])
        # 40 facts, yet leader and runner-up share only the ODA indicator: thin
        + dy("THA", [("JPN", 0.9, 0b101, 40), ("USA", 0.5, 0b111, 40)])
    )
    res = SimpleNamespace(dyads=dyads, meta={"indicators": names})
    lt = leaders_table(res).set_index("partner")
    assert lt.loc["VNM", "support"] == 2 and "fewer than" not in lt.loc["VNM", "note"]
    assert lt.loc["VNM", "support_indicators"] == "indicator:oda_disbursement, indicator:diplomatic_posts"
    assert lt.loc["THA", "support"] == 1
    assert "rests on 1 indicator(s) shared with the runner-up (fewer than 2)" in lt.loc["THA", "note"]


def test_explanation_and_coverage_agree_on_who_a_source_observes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # SIPRI declares every supplier: Japan, with no SIPRI row, is observed there with 0 arms
    # (it is a cell of Vietnam 2010 through UIS); the coverage API says the same
    from softpower.ledger import Ledger
    from softpower.ledger.coverage import Coverage
    from softpower.measure import explain, run_index

    def rec(origin_metric: str, actor: str, year: int, value: float) -> dict:
        return {
            "doc": f"t:{origin_metric}:{actor}:{year}",
            "kind": "indicator",
            "actor": actor,
            "partners": ["VNM"],
            "metric": origin_metric,
            "year": year,
            "value": value,
        }

    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records([rec("arms_transfers", "USA", 2010, 100.0)], origin="sipri-arms", source="t")
        lg.import_records(
            [rec("students_hosted", "JPN", 2010, 500.0), rec("students_hosted", "USA", 2010, 900.0)],
            origin="uis-students",
            source="t",
        )
        lg.import_records([rec("oda_disbursement", "JPN", 2010, 5e6)], origin="oecd-dac2a", source="t")
    res = run_index(path, mc=0)
    ex = explain(res, "VNM", 2010)
    with Ledger.open(path, read_only=True) as lg:
        cov = Coverage.from_ledger(lg)
    for r in ex.itertuples():
        alts = r.indicator.split("|")
        said = any(cov.observed(r.actor, "VNM", 2010, metric=a.partition(":")[2]).observed for a in alts)
        assert said == (r.source != ""), (r.actor, r.indicator)
    jpn = ex.loc[(ex["actor"] == "JPN") & (ex["indicator"] == "indicator:arms_transfers")].iloc[0]
    assert jpn["source"] == "indicator:arms_transfers" and jpn["raw"] == 0.0
    # DAC2A reports ODA disbursements, not GCDF's oda_commitments (the family was a glob)
    assert not cov.observed("JPN", "VNM", 2010, metric="oda_commitments")
    # a declared year in which the source holds no row at all is outside its data
    assert not cov.observed("JPN", "VNM", 2012, metric="oda_disbursement")


def test_the_audit_table_names_each_left_out_indicator_and_why() -> None:
    # a pillar whose third indicator shares no cell with the others: its row of the pillar table
    # says which indicator was left out and why, the "indicator:" prefixes cut for the cell
    x = _factor_model(400, [0.9, 0.9, 0.9], seed=2)
    a, b, c = np.arange(0, 200), np.arange(100, 300), np.arange(300, 400)
    names = ["indicator:a", "indicator:b", "indicator:c"]
    s = audit.pairwise_structure([(a, x[a, 0]), (b, x[b, 1]), (c, x[c, 2])], names)
    assert s["left_out"] == [
        {"indicator": "indicator:c", "why": "no correlation with indicator:a (n 0), indicator:b (n 0)"}
    ]
    rep = {
        "rule": "r",
        "structure": "s",
        "indicators": [],
        "correlations": [],
        "pillars": [{"pillar": "p", **s, "complete_case": None}],
    }
    text = audit.table(rep, width=400)
    assert "c: no correlation with a (n 0), b (n 0)" in text
    assert "indicator:" not in text
