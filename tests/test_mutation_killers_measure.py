"""Behaviour of measure/ that mutation testing (``make mutation``) showed untested."""

from __future__ import annotations

import numpy as np
import pytest

from softpower.errors import InputError
from softpower.measure.framework import PERCEPTION_MEASURES, check_indicator
from softpower.measure.methods import aggregate_arithmetic, aggregate_geometric


def test_geometric_mean_of_units_with_some_weight_missing() -> None:
    x = np.array([[0.0, np.nan], [1.0, np.nan], [3.0, 2.0], [np.nan, np.nan]])
    w = np.array([0.3, 0.7])
    out = aggregate_geometric(x, w)
    # the present weights are renormalised, whatever they sum to (here 0.3 for the first two units)
    assert out[0] == pytest.approx(0.0)
    assert out[1] == pytest.approx(1.0)
    assert out[2] == pytest.approx(4.0**0.3 - 1.0)  # factors (3 - 0 + 1)^0.3 and (2 - 2 + 1)^0.7
    assert np.isnan(out[3])
    arith = aggregate_arithmetic(x, w)
    assert arith[:3] == pytest.approx([0.0, 1.0, 0.3 * 3.0 + 0.7 * 2.0])
    assert np.isnan(arith[3])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cheese:all", "family:selector with family in"),
        ("count:", "family:selector with family in"),
        ("count:cheese", "'all', a power type or an instrument code after the colon"),
        ("perception:joy", f"a perception measure in {PERCEPTION_MEASURES}"),
        ("indicator:Bad-Name", "a snake_case metric name"),
        ("indicator:9lives", "a snake_case metric name"),
        ("count:all|perception:joy", f"a perception measure in {PERCEPTION_MEASURES}"),
    ],
)
def test_unknown_indicator_is_one_line(name: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        check_indicator(name, "f.yaml", 7, "pillars.a.indicators")
    e = info.value
    assert (e.file, e.line, e.field) == ("f.yaml", 7, "pillars.a.indicators")
    bad = name.split("|")[-1] if "|" in name else name
    assert e.problem == f"unknown indicator {bad!r}"
    assert e.expected is not None and e.expected.startswith(expected)


def test_known_indicators_pass_and_alternatives_are_normalised() -> None:
    assert check_indicator("count:all", "f", 1, "k") == "count:all"
    assert check_indicator("perception:trust", "f", 1, "k") == "perception:trust"
    assert check_indicator("indicator:students_abroad", "f", 1, "k") == "indicator:students_abroad"
    assert check_indicator(" count:all | perception:trust ", "f", 1, "k") == "count:all|perception:trust"


# --- from the stratified "before" sample of measure/ (seed 1), see docs/testing.md -----------------


def test_object_columns_become_plain_python_values() -> None:
    import pandas as pd

    from softpower.measure.api import _records

    frame = pd.DataFrame(
        {"v": pd.Series([np.float64(1.5), np.int64(3), "x", np.float64("nan"), None], dtype=object)}
    )
    out = _records(frame)
    assert [r["v"] for r in out] == [1.5, 3, "x", None, None]
    assert type(out[0]["v"]) is float and type(out[1]["v"]) is int


def test_min_sources_below_one_is_refused_with_its_value() -> None:
    import pandas as pd

    from softpower.errors import SoftpowerError
    from softpower.measure.dyads import collapse_facts

    with pytest.raises(SoftpowerError) as info:
        collapse_facts(pd.DataFrame(), min_sources=0)
    assert str(info.value) == "--min-sources: 0 is below 1 (expected an integer >= 1)"


def test_zscore_of_a_constant_row_is_zero_beside_a_varying_row() -> None:
    from softpower.measure.methods import normalise_zscore

    # the computed sd of three 0.1s is 1.4e-17, not 0: "constant" is judged row by row on max = min
    x = np.array([[0.1, 0.1, 0.1], [0.0, 1.0, 2.0], [np.nan, 4.0, 4.0]])
    out = normalise_zscore(x)
    assert out[0].tolist() == [0.0, 0.0, 0.0]
    assert out[1] == pytest.approx([-(1.5**0.5), 0.0, 1.5**0.5])
    assert np.isnan(out[2, 0]) and out[2, 1:].tolist() == [0.0, 0.0]


_PILLARS = (
    '  economic: {weight: 0.6, indicators: ["count:economic"]}\n'
    '  smart: {weight: 0.4, indicators: ["count:smart"]}\n'
)


def _small_model(  # type: ignore[no-untyped-def]
    rows: list[tuple[str, str, float]],
    more: list[tuple[str, str, float, str]] = (),
    values: list[tuple[str, str, float] | tuple[str, str, float, str]] = (),
    pillars: str = _PILLARS,
    **kw,
):
    """A two-pillar model over VNM in 2008 from (actor, instrument, count) rows (``more``: rows
    of other partners, (actor, instrument, count, partner); ``values``: indicator rows of the
    same source, (actor, metric, value) or (actor, measure, value, "perception"))."""
    import pandas as pd

    from softpower.measure.engine import Model
    from softpower.measure.framework import parse_framework
    from softpower.measure.panel import Panel
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
            for a, i, c, p in [(*r, "VNM") for r in rows] + list(more)
        ]
    )  # fmt: skip
    cols = ("kind", "actor", "partner", "year", "name", "origin", "n_facts", "value_equal", "value_full")
    vals = pd.DataFrame(
        [(*(r[3:] or ("indicator",)), r[0], "VNM", 2008, r[1], "test", 1, r[2], r[2]) for r in values],
        columns=list(cols),
    )
    panel = Panel(
        eng,
        vals if values else pd.DataFrame({c: [] for c in cols}),
        {"facts": 0, "undated": 0, "world_only": 0, "self_reported_only": 0},
    )
    fw = parse_framework(
        "name: two pillars\npillars:\n"
        + pillars
        + "uncertainty:\n  normalisation: [minmax, zscore, rank, frontier]\n  imputation: [zero]\n",
        "two.yaml",
    )
    return Model(panel, fw, amount_range=(1e6, 1e7), **kw)


@pytest.fixture()
def _declared_scope(tmp_path: object, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from softpower.ledger.coverage import scopes

    path = Path(str(tmp_path)) / "coverage.csv"
    path.write_text(
        "source,kind,families,actors,partners,years,missing_row,note\n"
        "test,engagement,*,*,*,2008,zero,a test dataset that lists every project\n"
    )
    monkeypatch.setenv("SOFTPOWER_COVERAGE_CSV", str(path))
    scopes.cache_clear()
    yield
    scopes.cache_clear()


@pytest.mark.usefixtures("_declared_scope")
def test_each_draw_reports_the_share_of_nominal_leaders_kept() -> None:
    from softpower.measure.uncertainty import monte_carlo

    # KOR leads in both pillars: every draw keeps the nominal leader (share 1)
    m = _small_model(
        [("KOR", "oda_grant", 2.0), ("KOR", "health_cooperation", 2.0), ("JPN", "oda_grant", 1.0)]
    )
    lead = m.ranks(m.score_one(m.nominal(), 0))[1]
    assert (lead >= 0).all()
    _, agree = monte_carlo(m, 50, seed=1, nominal_lead=lead, workers=1)
    assert agree.tolist() == [1.0] * 50
    # without nominal leaders there is nothing to agree with
    _, none = monte_carlo(m, 50, seed=1, workers=1)
    assert none.tolist() == [0.0] * 50
    # AUS leads the economic pillar, NZL the smart one: a draw keeps AUS exactly when AUS leads
    m = _small_model(
        [
            ("AUS", "oda_grant", 2.0),
            ("AUS", "health_cooperation", 1.0),
            ("NZL", "oda_grant", 1.0),
            ("NZL", "health_cooperation", 2.0),
        ]
    )
    lead = m.ranks(m.score_one(m.nominal(), 0))[1]
    dist, agree = monte_carlo(m, 400, seed=2, nominal_lead=lead, workers=1)
    assert set(agree.tolist()) == {0.0, 1.0}
    assert agree.mean() == pytest.approx(dist.lead_share()[lead[0]])


def _gaps_case() -> tuple[object, object]:
    import pandas as pd

    pubs = ["VNM", "THA", "PHL", "IDN", "MYS"]
    scores = pd.DataFrame(
        [("USA", p, 2015, 0.1 * (i + 1)) for i, p in enumerate(pubs)]
        + [("CHN", p, 2015, 0.25) for p in pubs],
        columns=["actor", "partner", "year", "score"],
    )
    obs = pd.DataFrame(
        [("pew", "favourable", p, 2015, "USA", 0.3 + 0.1 * i) for i, p in enumerate(pubs)]
        + [("pew", "favourable", p, 2015, "CHN", 0.45) for p in pubs],
        columns=["origin", "measure", "public", "year", "actor", "value"],
    )
    return scores, obs


def test_validity_report_names_its_sources_interval_and_withheld_count() -> None:
    from softpower.measure.validate import validate

    scores, obs = _gaps_case()
    obs.attrs["withheld"] = 3  # type: ignore[attr-defined]
    rep = validate(scores, obs, draws=200)  # type: ignore[arg-type]
    assert rep["withheld"] == 3 and rep["observations"] == 10
    assert [(s["origin"], s["measure"], s["n"]) for s in rep["by_source"]] == [("pew", "favourable", 5)]
    # every bootstrap resample of the five publics orders them the same way: rho is 1 throughout
    p = rep["overall"]["p_value"]
    assert p < 1e-6 and (rep["overall"]["rho_lo"], rep["overall"]["rho_hi"]) == (1.0, 1.0)
    assert rep["summary"] == (
        f"index gaps vs perception gaps: Spearman rho 1.00 (p {p:.2g}, 95 % interval 1.00 to 1.00 over 5 "
        "publics), n 5 pairs, ordering agreement 100% of 5"
    )


def test_sobol_of_a_constant_output_is_all_zero_with_a_note() -> None:
    from softpower.measure.uncertainty import sobol_indices

    problem = {"num_vars": 3, "names": ["a", "b", "c"], "bounds": [[0.0, 1.0]] * 3, "groups": ["g", "g", "h"]}
    t = sobol_indices(problem, lambda x: np.full(len(x), 2.5), 8, seed=1)
    assert t["choice"].tolist() == ["g", "h"]  # one row per group, in order
    for col in ("first_order", "first_order_conf", "total", "total_conf"):
        assert t[col].tolist() == [0.0, 0.0]
    assert t.attrs["note"] == "the output does not vary over the design: no choice moves it"


def _scope_file(tmp_path: object, monkeypatch: pytest.MonkeyPatch, families: str) -> None:
    from pathlib import Path

    from softpower.ledger.coverage import scopes

    path = Path(str(tmp_path)) / "coverage.csv"
    path.write_text(
        "source,kind,families,actors,partners,years,missing_row,note\n"
        f"test,engagement,{families},*,*,2008,zero,a test dataset\n"
    )
    monkeypatch.setenv("SOFTPOWER_COVERAGE_CSV", str(path))
    scopes.cache_clear()


def test_a_dataset_declared_for_some_families_observes_only_their_pillar(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from softpower.ledger.coverage import scopes
    from softpower.measure import audit

    rows = [("KOR", "oda_grant", 2.0), ("KOR", "health_cooperation", 1.0), ("JPN", "oda_grant", 1.0)]
    try:
        # declared for every family: both donors are observed in both pillars (JPN's smart cell is a zero)
        _scope_file(tmp_path, monkeypatch, "*")
        cells = {i["indicator"]: i["cells"] for i in audit.report(_small_model(rows))["indicators"]}
        assert cells == {"count:economic": 2, "count:smart": 2}
        # declared for the grant and loan instruments only: the smart pillar is not its to observe
        _scope_file(tmp_path, monkeypatch, "oda_*")
        cells = {i["indicator"]: i["cells"] for i in audit.report(_small_model(rows))["indicators"]}
        assert cells == {"count:economic": 2, "count:smart": 0}
    finally:
        scopes.cache_clear()


@pytest.mark.usefixtures("_declared_scope")
def test_compared_partners_drop_the_other_partners_rows() -> None:
    rows = [("KOR", "oda_grant", 2.0), ("JPN", "health_cooperation", 1.0)]
    more = [("CHN", "oda_grant", 5.0, "THA"), ("KOR", "health_cooperation", 3.0, "THA")]
    every = _small_model(rows, more)
    assert (every.cells.partners, every.cells.actors, len(every.cells)) == (
        ("THA", "VNM"),
        ("CHN", "JPN", "KOR"),
        4,
    )
    m = _small_model(rows, more, partners=("VNM",))
    assert (m.cells.partners, m.cells.actors, len(m.cells)) == (("VNM",), ("JPN", "KOR"), 2)
    assert len(m.panel.engagement) == 2 and set(m.panel.engagement["partner"]) == {"VNM"}
    pil, den = m.pillar_parts(m.nominal(), 0)
    # KOR leads the economic pillar, JPN the smart one, as if THA's rows did not exist
    assert pil.tolist() == [[0.0, 1.0], [1.0, 0.0]] and den.tolist() == [[1.0, 1.0], [1.0, 1.0]]


def test_a_dataset_declared_for_some_metrics_observes_only_those(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from softpower.ledger.coverage import scopes
    from softpower.measure import audit

    pillars = (
        '  economic: {weight: 0.5, indicators: ["count:economic"]}\n'
        '  culture: {weight: 0.5, indicators: ["indicator:students_abroad"]}\n'
    )
    rows = [("KOR", "oda_grant", 2.0), ("JPN", "oda_grant", 1.0)]
    values = [("KOR", "students_abroad", 100.0), ("JPN", "tourists", 5.0)]  # one dataset, two metrics
    cells = {}
    try:
        for families in ("students_*", "tourists"):
            path = Path(str(tmp_path)) / f"{families[:4]}.csv"
            path.write_text(
                "source,kind,families,actors,partners,years,missing_row,note\n"
                "test,engagement,*,*,*,2008,zero,a test dataset\n"
                f"test,indicator,{families},*,*,2008,zero,a test dataset\n"
            )
            monkeypatch.setenv("SOFTPOWER_COVERAGE_CSV", str(path))
            scopes.cache_clear()
            m = _small_model(rows, values=values, pillars=pillars)
            cells[families] = {i["indicator"]: i["cells"] for i in audit.report(m)["indicators"]}
    finally:
        scopes.cache_clear()
    # declared for the metric: a donor the dataset reports without it has a zero; declared for
    # another metric only: the metric is outside the dataset's declared scope, no cell observes it
    assert cells["students_*"] == {"count:economic": 2, "indicator:students_abroad": 2}
    assert cells["tourists"] == {"count:economic": 2, "indicator:students_abroad": 0}


@pytest.mark.usefixtures("_declared_scope")
def test_fitted_weights_report_their_settings() -> None:
    import pandas as pd

    from softpower.measure.validate import fit_weights

    m = _small_model([("KOR", "oda_grant", 2.0), ("JPN", "health_cooperation", 1.0)])
    obs = pd.DataFrame(
        [("poll", "favourable", "VNM", 2008, "KOR", 0.6), ("poll", "favourable", "VNM", 2008, "JPN", 0.4)],
        columns=["origin", "measure", "public", "year", "actor", "value"],
    )
    fit = fit_weights(m, obs, until=2008, candidates=16, seed=3)
    assert (fit["until"], fit["candidates"], fit["seed"]) == (2008, 17, 3)  # the nominal vector too
    assert list(fit["weights"]) == ["economic", "smart"] and sum(fit["weights"].values()) == pytest.approx(
        1.0
    )
    # one pair (JPN, KOR) in 2008, none after: too few for a rho either way
    assert (fit["in_sample"]["n"], fit["out_of_sample"]["n"], fit["nominal_in_sample"]["n"]) == (1, 0, 1)
    assert fit["in_sample"]["rho"] is None and fit["weights"] == {
        "economic": pytest.approx(0.6),
        "smart": pytest.approx(0.4),
    }


@pytest.mark.usefixtures("_declared_scope")
def test_a_framework_nothing_observes_is_one_clear_error() -> None:
    from softpower.errors import SoftpowerError

    pillars = '  culture: {weight: 1.0, indicators: ["indicator:students_abroad"]}\n'
    with pytest.raises(SoftpowerError, match="no framework indicator observes any actor-partner-year"):
        _small_model([("KOR", "oda_grant", 2.0)], values=[("KOR", "tourists", 5.0)], pillars=pillars)


def test_at_most_five_values_are_winsorised_before_the_log_is_taken() -> None:
    from softpower.measure import audit

    assert audit.MAX_WINSORISED == 5
    body = np.linspace(0, 1, 200)
    five = np.r_[body, 100.0 + np.arange(5)]
    assert (audit.decide(five).method, audit.decide(five).param) == ("winsorise", 5.0)
    # six outliers: capping six would pass the rule, but the rule caps at most five, so: log
    six = np.r_[body, 100.0 + np.arange(6)]
    assert not audit.fails_rule(audit.winsorise(six, 6))
    t = audit.decide(six)
    assert t.method == "log" and t.param == pytest.approx(float(np.median(np.abs(six[six != 0]))))


# --- from the "after" sample of measure/ (seed 2): its survivors, killed since ----------------


def test_the_audit_tables_show_their_columns_and_strong_correlations() -> None:
    from softpower.measure import audit

    pillar = {
        "pillar": "economic", "used": ["count:economic", "indicator:gdp"], "left_out": [],
        "pair_n_min": 12, "pair_n_max": 12, "first_component_share": 0.9, "eigenvalues": [1.8, 0.2],
        "loadings": [0.7, 0.7], "mean_r": 0.8, "alpha": 0.89, "complete_case": {"n": 12, "alpha": 0.88},
        "note": None,
    }  # fmt: skip
    report = {
        "rule": "r", "structure": "s", "indicators": [], "pillars": [pillar],
        "correlations": [
            {"a": "count:economic", "b": "indicator:gdp", "n": 12, "r": 0.81},
            {"a": "count:economic", "b": "count:smart", "n": 12, "r": 0.23},
            {"a": "count:smart", "b": "indicator:gdp", "n": 3, "r": None},
        ],
    }  # fmt: skip
    text = audit.table(report, width=400)
    header = next(line for line in text.splitlines() if "PC1 share" in line)
    assert [c.strip() for c in header.strip().strip("┃│").split("┃" if "┃" in header else "│")] == [
        "pillar", "indicators used", "pair n", "PC1 share", "eigenvalues", "loadings", "mean r", "alpha",
        "complete cells (alpha)", "left out / note",
    ]  # fmt: skip
    rows = [line for line in text.splitlines() if "count:economic" in line and "indicator:gdp" in line]
    assert len(rows) == 1 and "0.81" in rows[0]  # only |r| >= 0.5 is listed
    assert "0.23" not in text


@pytest.mark.usefixtures("_declared_scope")
def test_imputation_none_leaves_gaps_and_mean_fills_them_with_the_year_mean() -> None:
    m = _small_model([("KOR", "oda_grant", 2.0), ("JPN", "oda_grant", 1.0), ("CHN", "oda_grant", 1.0)])
    cells = np.arange(len(m.cells))
    x = np.array([1.0, np.nan, 3.0])
    assert np.array_equal(m._impute(cells, x, "none"), x, equal_nan=True)
    assert m._impute(cells, x, "zero").tolist() == [1.0, 0.0, 3.0]
    assert m._impute(cells, x, "mean").tolist() == [1.0, 2.0, 3.0]  # one year: the mean of 1 and 3


@pytest.mark.usefixtures("_declared_scope")
def test_a_first_cell_that_always_leads_is_counted_for_itself_only() -> None:
    from softpower.measure.uncertainty import monte_carlo

    # AUS (the first cell) leads in both pillars in every draw; NZL (the last) never leads
    m = _small_model(
        [("AUS", "oda_grant", 3.0), ("AUS", "health_cooperation", 3.0), ("NZL", "oda_grant", 1.0)]
    )
    dist, _ = monte_carlo(m, 40, seed=1, workers=1)
    assert m.cells.actors == ("AUS", "NZL")
    assert dist.lead_share().tolist() == [1.0, 0.0]


def test_agreement_over_no_pairs_is_all_empty() -> None:
    import pandas as pd

    from softpower.measure.validate import PAIR_COLUMNS, agreement

    out = agreement(pd.DataFrame(columns=list(PAIR_COLUMNS)))
    assert out == {
        "n": 0, "publics": 0, "rho": None, "p_value": None, "rho_lo": None, "rho_hi": None,
        "agreement": None, "ordered": 0, "ties": 0,
    }  # fmt: skip


@pytest.mark.usefixtures("_declared_scope")
def test_perception_any_counts_every_measure() -> None:
    from softpower.measure import audit

    pillars = (
        '  economic: {weight: 0.5, indicators: ["count:economic"]}\n'
        '  opinion: {weight: 0.5, indicators: ["perception:any"]}\n'
    )
    values = [("KOR", "favourable", 0.6, "perception"), ("JPN", "trust", 0.4, "perception")]
    m = _small_model([("KOR", "oda_grant", 2.0), ("JPN", "oda_grant", 1.0)], values=values, pillars=pillars)
    cells = {i["indicator"]: i["cells"] for i in audit.report(m)["indicators"]}
    assert cells == {"count:economic": 2, "perception:any": 2}  # both measures, one per donor


def test_validity_says_which_side_does_not_vary() -> None:
    import pandas as pd

    from softpower.measure.validity import perception_validity

    partners = ["VNM", "THA", "PHL", "IDN", "MYS"]
    dyads = pd.DataFrame({"actor": "JPN", "partner": partners, "year": 2015, "score": 0.5})
    perc = pd.DataFrame(
        {
            "actor": "JPN",
            "partner": partners,
            "year": 2015,
            "name": "favourable",
            "value": [0.1, 0.2, 0.3, 0.4, 0.5],
        }
    )
    row = perception_validity(dyads, perc)["years"][0]
    assert row["verdict"] == "too few data to judge: the scores do not vary across the 5 dyads"
    row = perception_validity(dyads.assign(score=perc["value"]), perc.assign(value=0.4))["years"][0]
    assert row["verdict"] == "too few data to judge: the perceptions do not vary across the 5 dyads"


def test_the_index_meta_states_the_partner_scope_asked_and_the_partners_compared(tmp_path: object) -> None:
    from pathlib import Path

    from softpower.measure import run_index
    from test_measure_scope import _arms_ledger

    path = _arms_ledger(Path(str(tmp_path)) / "l.duckdb")
    meta = run_index(path, mc=0, partners="vnm").meta
    assert (meta["partner_scope"], meta["partners"]) == ("vnm", ["VNM"])
    meta = run_index(path, mc=0, partners="all").meta
    assert (meta["partner_scope"], meta["partners"]) == ("all", ["JPN", "PHL", "VNM"])


# --- this round: the worker pool's progress, the worker count, the variant caches ------------------


class _ScriptedPool:
    """A pool result that is ready after ``len(counts)`` waits; each wait moves the workers'
    shared count of finished draws to the next value of ``counts``."""

    def __init__(self, counts: list[int]) -> None:
        self.counts = list(counts)
        self.value = 0  # the shared counter
        self.waits = 0

    def ready(self) -> bool:
        return self.waits == len(self.counts)

    def wait(self, seconds: float) -> None:
        assert seconds > 0
        self.value = self.counts[self.waits]
        self.waits += 1

    def get(self) -> str:
        return "parts"


@pytest.mark.parametrize(
    ("counts", "calls"),
    [
        ([0, 3, 3, 9], [3, 6, 1]),  # quiet looks report nothing; the rest arrives with the result
        ([4, 10], [4, 6]),  # everything counted before the result: no final call
        ([], [10]),  # ready at once: one call for all
        ([0, 0], [10]),
    ],
)
def test_pool_progress_reports_each_new_draw_once(counts: list[int], calls: list[int]) -> None:
    from softpower.measure.uncertainty import _wait_reporting

    seen: list[int] = []
    res = _ScriptedPool(counts)
    assert _wait_reporting(res, res, 10, seen.append) == "parts"
    assert seen == calls
    assert res.waits == len(counts)
    # without a progress callback the pool is still awaited
    res = _ScriptedPool(counts)
    assert _wait_reporting(res, res, 10, None) == "parts"
    assert res.waits == len(counts)


def test_worker_count_follows_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from softpower.measure.uncertainty import MIN_PARALLEL, default_workers

    monkeypatch.delenv("SOFTPOWER_WORKERS", raising=False)
    for cores, workers in ((None, 1), (1, 1), (2, 2), (3, 2), (16, 2)):
        monkeypatch.setattr(os, "cpu_count", lambda c=cores: c)
        assert default_workers(MIN_PARALLEL) == workers, cores
        assert default_workers(MIN_PARALLEL - 1) == 1


_FAMILIES = (
    '  economic: {weight: 0.4, indicators: ["count:economic", "roots:economic"]}\n'
    '  smart: {weight: 0.6, indicators: ["usd:smart", "indicator:m1"]}\n'
)


@pytest.mark.usefixtures("_declared_scope")
def test_choices_an_indicator_ignores_share_one_cache_entry() -> None:
    """A variant is cached under the choices its indicator reads: half-life for roots,
    amount for usd, imputation for values; the other choices share the entry."""
    import dataclasses

    m = _small_model(
        [("KOR", "oda_grant", 2.0), ("JPN", "oda_grant", 1.0), ("KOR", "health_cooperation", 1.0)],
        values=[("KOR", "m1", 3.0), ("JPN", "m1", 1.0)],
        pillars=_FAMILIES,
    )
    names = [s.name for s in m.specs]
    assert names == ["count:economic", "roots:economic", "usd:smart", "indicator:m1"]
    reads = {"count:economic": (), "roots:economic": (0,), "usd:smart": (1,), "indicator:m1": (2,)}
    other = (1, 1, 1)
    for k, name in enumerate(names):
        alt = m.specs[k].alts[0]
        base_raw = m.raw(alt, 0, 0, 0, 0)
        base_co = m.coalesced(k, 0, 0, 0, 0, 0)
        base_var = m.variant(k, 0, 0, 0, 0, 0, 0, 0)
        for pos in range(3):
            ch = [0, 0, 0]
            ch[pos] = other[pos]
            same_raw = m.raw(alt, 0, *ch) is base_raw
            same_co = m.coalesced(k, 0, 0, *ch) is base_co
            same_var = m.variant(k, 0, 0, *ch, 0, 0) is base_var
            shared = pos not in reads[name]
            assert (same_raw, same_co, same_var) == (shared, shared, shared), (name, pos)
    rng = np.random.default_rng(3)
    d = m.from_uniform(rng.random((60, m.n_factors)))
    d = dataclasses.replace(d, imp=rng.integers(0, 2, 60), amount=rng.integers(0, 2, 60))
    assert len(set(d.half_life.tolist())) > 1
    for k, name in enumerate(names):
        keys = m._variant_keys(d, k)
        want = [d.half_life, d.amount, d.imp]
        for pos in range(3):
            col = keys[:, 2 + pos].tolist()
            assert col == (want[pos].tolist() if pos in reads[name] else [0] * 60), (name, pos)


# --- the seed-11 draw of this round (docs/testing.md) ----------------------------------------------


def test_a_run_without_draws_reports_its_defaults_and_the_values_nothing_matches(
    seeds_ledger: object, tmp_path: object
) -> None:
    from pathlib import Path

    from softpower.measure.api import run_index

    fw = Path(str(tmp_path)) / "fw.yaml"
    fw.write_text(
        "pillars:\n  a: {weight: 0.5, indicators: [count:all, indicator:no_such_metric]}\n"
        "  b: {weight: 0.5, indicators: [perception:friendly, perception:favourable, indicator:any]}\n"
    )
    res = run_index(seeds_ledger, framework=fw, mc=0)
    # indicator and perception alternatives without a record are named; ':any' never is
    assert res.meta["unmatched_indicators"] == ["indicator:no_such_metric", "perception:favourable"]
    assert res.meta["seed"] == 0  # the default seed
    # without draws the sensitivity table is empty but keeps its columns
    assert list(res.sensitivity.columns) == [
        "choice",
        "first_order",
        "first_order_conf",
        "total",
        "total_conf",
    ]
    assert res.sensitivity.empty


def test_skewness_needs_four_varying_values() -> None:
    from softpower.measure import audit

    s, k = audit.shape(np.array([0.0, 0.0, 1.0, 5.0]))
    assert s is not None and k is not None
    assert s == pytest.approx(9.0 / 4.25**1.5)  # third central moment 9, variance 4.25
    assert audit.shape(np.array([0.0, 1.0, 5.0])) == (None, None)


@pytest.mark.usefixtures("_declared_scope")
def test_an_indicator_with_one_source_has_one_data_source_option() -> None:
    m = _small_model([("KOR", "oda_grant", 2.0), ("JPN", "oda_grant", 1.0)], values=[("KOR", "m1", 3.0)],
                     pillars='  economic: {weight: 0.6, indicators: ["count:economic"]}\n'
                     '  smart: {weight: 0.4, indicators: ["indicator:m1|indicator:m2|count:smart"]}\n')  # fmt: skip
    assert [m.source_options(k) for k in range(len(m.specs))] == [1, 6]


def test_withheld_waves_are_dropped_for_every_withheld_source(
    seeds_ledger: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from softpower.measure import validate as V

    every = V.observations(seeds_ledger)
    assert every.attrs["withheld"] == 0 and len(every) > 0
    origins = sorted(set(every["origin"]))
    year = int(every["year"].min())
    # two withheld sources (the bundled seeds from their first year, another that is absent)
    monkeypatch.setattr(V, "WITHHELD_FROM", {origins[0]: year, "pew-favourability": 2017})
    out = V.observations(seeds_ledger)
    assert out.attrs["withheld"] >= len(every)
    assert not (out["origin"] == origins[0]).any()
    monkeypatch.setattr(V, "WITHHELD_FROM", {"pew-favourability": 2017, origins[0]: year + 1000})
    assert len(V.observations(seeds_ledger)) == len(every)
    monkeypatch.setattr(V, "WITHHELD_FROM", {"pew-favourability": 2017, origins[0]: year})
    assert V.observations(seeds_ledger).empty


def test_alpha_is_undefined_for_two_indicators_in_exact_opposition() -> None:
    from softpower.measure import audit

    ids = np.arange(12)
    x = np.arange(12.0)
    out = audit.pairwise_structure([(ids, x), (ids, -x)], ["a", "b"])
    # k r / (1 + (k - 1) r) with k = 2, r = -1 divides by zero: no alpha
    assert (out["used"], out["mean_r"], out["alpha"]) == (["a", "b"], -1.0, None)
    r = float(np.corrcoef(x, x**2)[0, 1])
    out = audit.pairwise_structure([(ids, x), (ids, x**2)], ["a", "b"])
    assert out["alpha"] == pytest.approx(2 * r / (1 + r), abs=1e-6)


@pytest.mark.usefixtures("_declared_scope")
def test_actor_totals_keep_integer_ranks_with_and_without_draws() -> None:
    from softpower.measure.index import actor_frame
    from softpower.measure.uncertainty import monte_carlo

    # KOR leads both pillars, JPN is second: ranks 1 and 2 whether or not draws are made
    m = _small_model(
        [("KOR", "oda_grant", 2.0), ("KOR", "health_cooperation", 2.0), ("JPN", "oda_grant", 1.0)]
    )
    scores = m.score_one(m.nominal(), 0)
    dist, _ = monte_carlo(m, 50, seed=1, workers=1)
    for frame in (actor_frame(m, scores, None), actor_frame(m, scores, dist)):
        ranks = frame[["rank", "rank_median", "rank_lo", "rank_hi"]]
        assert [str(t) for t in ranks.dtypes] == ["int64"] * 4
        assert frame.set_index("actor")[["rank", "rank_median", "rank_lo", "rank_hi"]].to_dict("index") == {
            "JPN": {"rank": 2, "rank_median": 2, "rank_lo": 2, "rank_hi": 2},
            "KOR": {"rank": 1, "rank_median": 1, "rank_lo": 1, "rank_hi": 1},
        }
