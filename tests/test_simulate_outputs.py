"""Whole outputs of the simulate stage's public functions on small fixed inputs.

``ScenarioResult`` built here by hand (two years, one donor, one partner and its group) is
written in every format and each output is compared whole with the text or table it must
give, checked by hand: the summary table's cells, the CSV's every line (paired effects joined
per row, empty where a row has none), the JSON's keys and values in order. ``run_scenario`` is
compared with an oracle that takes the same ensemble's trajectories and computes each
quantile, group mean and paired effect with plain loops.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd
import pytest

from softpower.errors import SoftpowerError
from softpower.simulate import api
from softpower.simulate.api import EFFECT_COLUMNS, SERIES_COLUMNS, ScenarioResult, write_result


def _result(effects: bool = True) -> ScenarioResult:
    series = pd.DataFrame(
        [
            ("JPN", "VNM", 2025, "alignment", 0.1, 0.2, 0.3),
            ("JPN", "VNM", 2025, "trust", 0.4, 0.5, 0.6),
            ("JPN", "VNM", 2026, "alignment", 0.15, 0.25, 0.35),
            ("JPN", "VNM", 2026, "trust", 0.45, 0.5625, 0.7),
        ],
        columns=SERIES_COLUMNS,
    )
    regional = pd.DataFrame(
        [("JPN", "ASEAN", 2025, "trust", 0.3, 0.4, 0.5), ("JPN", "ASEAN", 2026, "trust", 0.31, 0.45, 0.52)],
        columns=SERIES_COLUMNS,
    )
    eff = pd.DataFrame(
        [
            ("*", "VNM", 2026, "hedging", -0.2, -0.1, 0.0, -0.1, 0.0),
            ("JPN", "ASEAN", 2026, "trust", -0.01, 0.02, 0.04, 0.015, 0.7),
            ("JPN", "VNM", 2025, "trust", 0.0, 0.0, 0.0, 0.0, 0.0),
            ("JPN", "VNM", 2026, "trust", 0.01, 0.03, 0.05, 0.03, 0.95),
        ],
        columns=EFFECT_COLUMNS,
    )
    return ScenarioResult(
        series,
        {"scenario": "s", "runs": 4},
        eff if effects else pd.DataFrame(columns=EFFECT_COLUMNS),
        pd.DataFrame([{"donor": "JPN", "partner": "VNM", "value": 0.5, "source": "prior"}]),
        regional,
    )


def test_the_summary_gives_start_final_change_and_final_effect_per_row() -> None:
    got = _result().summary()
    assert got.to_dict(orient="records") == [
        {
            "donor": "JPN",
            "partner": "VNM",
            "metric": "alignment",
            "2025": "0.200",
            "2026": "0.250 [0.150, 0.350]",
            "change": "+0.050",
            "effect 2026 [5-95 %]": "",
        },
        {
            "donor": "JPN",
            "partner": "VNM",
            "metric": "trust",
            "2025": "0.500",
            "2026": "0.562 [0.450, 0.700]",
            "change": "+0.062",
            "effect 2026 [5-95 %]": "+0.030 [+0.010, +0.050] P>0=0.95",
        },
        {
            "donor": "JPN",
            "partner": "ASEAN",
            "metric": "trust",
            "2025": "0.400",
            "2026": "0.450 [0.310, 0.520]",
            "change": "+0.050",
            "effect 2026 [5-95 %]": "+0.020 [-0.010, +0.040] P>0=0.70",
        },
    ]
    assert list(got.columns) == [
        "donor",
        "partner",
        "metric",
        "2025",
        "2026",
        "change",
        "effect 2026 [5-95 %]",
    ]


def test_the_summary_without_effects_or_groups_has_no_effect_column() -> None:
    r = _result(effects=False)
    r.regional = pd.DataFrame()
    got = r.summary()
    assert list(got.columns) == ["donor", "partner", "metric", "2025", "2026", "change"]
    assert got.values.tolist() == [
        ["JPN", "VNM", "alignment", "0.200", "0.250 [0.150, 0.350]", "+0.050"],
        ["JPN", "VNM", "trust", "0.500", "0.562 [0.450, 0.700]", "+0.062"],
    ]


def test_the_table_format_is_the_summary_as_text() -> None:
    r = _result(effects=False)
    r.regional = pd.DataFrame()
    assert write_result(r, "table", None) == (
        "donor partner    metric  2025                 2026 change\n"
        "  JPN     VNM alignment 0.200 0.250 [0.150, 0.350] +0.050\n"
        "  JPN     VNM     trust 0.500 0.562 [0.450, 0.700] +0.062\n"
    )


def test_the_csv_joins_each_rows_paired_effect() -> None:
    assert write_result(_result(), "csv", None) == (
        "donor,partner,year,metric,p05,p50,p95,effect_p05,effect_p50,effect_p95,effect_mean,p_effect_positive\n"
        "JPN,VNM,2025,alignment,0.100000,0.200000,0.300000,,,,,\n"
        "JPN,VNM,2025,trust,0.400000,0.500000,0.600000,0.000000,0.000000,0.000000,0.000000,0.000000\n"
        "JPN,VNM,2026,alignment,0.150000,0.250000,0.350000,,,,,\n"
        "JPN,VNM,2026,trust,0.450000,0.562500,0.700000,0.010000,0.030000,0.050000,0.030000,0.950000\n"
        "JPN,ASEAN,2025,trust,0.300000,0.400000,0.500000,,,,,\n"
        "JPN,ASEAN,2026,trust,0.310000,0.450000,0.520000,-0.010000,0.020000,0.040000,0.015000,0.700000\n"
    )


def test_the_csv_of_a_reference_run_has_no_effect_columns() -> None:
    assert write_result(_result(effects=False), "csv", None) == (
        "donor,partner,year,metric,p05,p50,p95\n"
        "JPN,VNM,2025,alignment,0.100000,0.200000,0.300000\n"
        "JPN,VNM,2025,trust,0.400000,0.500000,0.600000\n"
        "JPN,VNM,2026,alignment,0.150000,0.250000,0.350000\n"
        "JPN,VNM,2026,trust,0.450000,0.562500,0.700000\n"
        "JPN,ASEAN,2025,trust,0.300000,0.400000,0.500000\n"
        "JPN,ASEAN,2026,trust,0.310000,0.450000,0.520000\n"
    )


def test_the_json_holds_every_part_in_order_indented_by_two() -> None:
    text = write_result(_result(), "json", None)
    assert text is not None and text.endswith("}\n")
    row = {
        "donor": "JPN",
        "partner": "VNM",
        "year": 2025,
        "metric": "alignment",
        "p05": 0.1,
        "p50": 0.2,
        "p95": 0.3,
    }
    expected = {
        "series": [
            row,
            row | {"metric": "trust", "p05": 0.4, "p50": 0.5, "p95": 0.6},
            row | {"year": 2026, "p05": 0.15, "p50": 0.25, "p95": 0.35},
            row | {"year": 2026, "metric": "trust", "p05": 0.45, "p50": 0.5625, "p95": 0.7},
        ],
        "regional": [
            row | {"partner": "ASEAN", "metric": "trust", "p05": 0.3, "p50": 0.4, "p95": 0.5},
            row
            | {"partner": "ASEAN", "year": 2026, "metric": "trust", "p05": 0.31, "p50": 0.45, "p95": 0.52},
        ],
        "effects": [
            dict(zip(EFFECT_COLUMNS, ("*", "VNM", 2026, "hedging", -0.2, -0.1, 0.0, -0.1, 0.0), strict=True)),
            dict(
                zip(
                    EFFECT_COLUMNS,
                    ("JPN", "ASEAN", 2026, "trust", -0.01, 0.02, 0.04, 0.015, 0.7),
                    strict=True,
                )
            ),
            dict(zip(EFFECT_COLUMNS, ("JPN", "VNM", 2025, "trust", 0.0, 0.0, 0.0, 0.0, 0.0), strict=True)),
            dict(
                zip(EFFECT_COLUMNS, ("JPN", "VNM", 2026, "trust", 0.01, 0.03, 0.05, 0.03, 0.95), strict=True)
            ),
        ],
        "start_states": [{"donor": "JPN", "partner": "VNM", "value": 0.5, "source": "prior"}],
        "meta": {"scenario": "s", "runs": 4},
    }
    assert text == orjson.dumps(expected, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    assert text.startswith('{\n  "series": [\n    {\n      "donor": "JPN",\n')
    assert _result().to_json() == text.encode("utf-8")


def test_a_file_output_is_written_and_nothing_is_returned(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    assert write_result(_result(effects=False), "csv", out) is None
    assert out.read_text(encoding="utf-8") == write_result(_result(effects=False), "csv", None)
    pq = tmp_path / "r.parquet"
    assert write_result(_result(), "parquet", pq) is None
    back = pd.read_parquet(pq)
    assert list(back.columns) == SERIES_COLUMNS  # the series only, no index column
    pd.testing.assert_frame_equal(back, _result().series)


@pytest.mark.parametrize(
    ("fmt", "output", "message"),
    [
        ("xml", None, "--format: 'xml' (expected one of table, json, csv, parquet)"),
        ("JSON", Path("x"), "--format: 'JSON' (expected one of table, json, csv, parquet)"),
        ("parquet", None, "--format parquet: needs --output FILE (binary output)"),
    ],
)
def test_a_bad_format_is_one_line(fmt: str, output: Path | None, message: str) -> None:
    with pytest.raises(SoftpowerError) as info:
        write_result(_result(), fmt, output)
    assert str(info.value) == message


def test_effect_at_selects_one_year_partner_and_metric() -> None:
    r = _result()
    assert r.effect_at(2026).values.tolist() == [
        ["JPN", "ASEAN", 2026, "trust", -0.01, 0.02, 0.04, 0.015, 0.7]
    ]
    assert r.effect_at(2026, "VNM", "hedging").values.tolist() == [
        ["*", "VNM", 2026, "hedging", -0.2, -0.1, 0.0, -0.1, 0.0]
    ]
    assert r.effect_at(2025, "VNM").index.tolist() == [0]  # a fresh index
    assert r.effect_at(2025).empty and list(r.effect_at(2025).columns) == EFFECT_COLUMNS


def test_a_new_result_has_empty_parts_with_their_columns() -> None:
    r = ScenarioResult(pd.DataFrame(columns=SERIES_COLUMNS))
    assert r.meta == {} and r.effects.empty and list(r.effects.columns) == EFFECT_COLUMNS
    assert r.start_states.empty and r.regional.empty
    assert r.to_dict() == {"series": [], "regional": [], "effects": [], "start_states": [], "meta": {}}


# --- run_scenario against an oracle ----------------------------------------------------------

SCENARIO = """\
description: "  Two donors, three publics.  "
lever: JPN budget x2 from 2026
start_year: 2025
horizon: 2
runs: 7
seed: 3
partners: [VNM, PHL, IND]
donors:
  JPN: doux-smart-power
  CHN: {strategy: china-four-level, partner_weights: {VNM: 2}}
changes:
  - {donor: JPN, year: 2026, budget: 13200}
parameters: {lam: 0.2}
"""


def _q(values: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in np.percentile(values, [5, 50, 95])]


def _hedge(a: np.ndarray) -> float:
    """Normalised entropy of one partner's alignment over the donors (one run, one year)."""
    c = np.clip(a, 1e-12, 1.0)
    return float(-(c * np.log(c)).sum() / np.log(len(a)))


def _frame(rows: list[list[Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def _assert_same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert list(got.columns) == list(want.columns)
    keys = ["donor", "partner", "year", "metric"]
    assert got[keys].values.tolist() == want[keys].values.tolist()  # every row, in order
    num = [c for c in got.columns if c not in keys]
    np.testing.assert_allclose(got[num].to_numpy(float), want[num].to_numpy(float), rtol=0, atol=1.5e-6)
    assert (got[num].to_numpy(float) == got[num].to_numpy(float).round(6)).all()  # 6 decimals


def test_a_scenario_run_equals_the_oracle_row_by_row(tmp_path: Path) -> None:
    from softpower.simulate.ensemble import ensemble
    from softpower.simulate.init import build_inputs
    from softpower.simulate.params import calibrated
    from softpower.simulate.scenario import load_scenario

    path = tmp_path / "two.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    res = api.run_scenario(path)
    sc = load_scenario(path)
    ref = api.reference_for(sc)
    assert ref is not None
    inp, rinp = build_inputs(sc), build_inputs(ref)
    kw: dict[str, Any] = {"noise": True, "priors": False, "workers": 1, "scheduler": None}
    trust, align = ensemble(inp, 7, 3, {"lam": 0.2}, **kw)
    r_trust, r_align = ensemble(rinp, 7, 3, {"lam": 0.2}, **kw)
    donors, partners, years = ["JPN", "CHN"], ["IND", "PHL", "VNM"], [2025, 2026, 2027]
    assert (inp.donors, inp.partners, inp.years) == (tuple(donors), tuple(partners), years)
    arrays = {"trust": trust, "alignment": align}
    diffs = {"trust": trust - r_trust, "alignment": align - r_align}
    asean = [1, 2]  # PHL, VNM; IND is not a member

    # series: every donor x partner x year, sorted by donor (CHN first), metrics alphabetical
    rows: list[list[Any]] = []
    for dc in sorted(donors):
        d = donors.index(dc)
        for p, pc in enumerate(partners):
            for y, yc in enumerate(years):
                for m in ("alignment", "trust"):
                    rows.append([dc, pc, yc, m, *_q(arrays[m][:, y, d, p])])
    _assert_same(res.series, _frame(rows, SERIES_COLUMNS))

    # group means per run (trust, then alignment), then hedging per partner
    hedge = np.array([[[_hedge(align[r, y, :, p]) for p in range(3)] for y in range(3)] for r in range(7)])
    r_hedge = np.array(
        [[[_hedge(r_align[r, y, :, p]) for p in range(3)] for y in range(3)] for r in range(7)]
    )
    rows = []
    for m in ("trust", "alignment"):
        for y, yc in enumerate(years):
            for d, dc in enumerate(donors):
                rows.append([dc, "ASEAN", yc, m, *_q(arrays[m][:, y, d, asean].mean(axis=1))])
    for y, yc in enumerate(years):
        for p, pc in enumerate(partners):
            rows.append(["*", pc, yc, "hedging", *_q(hedge[:, y, p])])
    _assert_same(res.regional, _frame(rows, SERIES_COLUMNS))

    # paired effects: scenario minus reference per run, sorted by donor, partner, metric, year
    def eff(dc: str, pc: str, yc: int, m: str, x: np.ndarray) -> list[Any]:
        return [dc, pc, yc, m, *_q(x), round(float(x.mean()), 6), round(float((x > 0).mean()), 6)]

    rows = []
    for y, yc in enumerate(years):
        for d, dc in enumerate(donors):
            for m in ("trust", "alignment"):
                for p, pc in enumerate(partners):
                    rows.append(eff(dc, pc, yc, m, diffs[m][:, y, d, p]))
                rows.append(eff(dc, "ASEAN", yc, m, diffs[m][:, y, d, asean].mean(axis=1)))
        for p, pc in enumerate(partners):
            rows.append(eff("*", pc, yc, "hedging", hedge[:, y, p] - r_hedge[:, y, p]))
    rows.sort(key=lambda r: (r[0], r[1], r[3], r[2]))
    _assert_same(res.effects, _frame(rows, EFFECT_COLUMNS))
    # the change starts in 2026: no effect of Japan's budget in the start year
    start = res.effects.loc[(res.effects["year"] == 2025) & (res.effects["donor"] != "*")]
    assert (start[["p05", "p50", "p95", "mean", "p_positive"]] == 0).all().all()

    assert res.start_states.to_dict(orient="records") == [
        {
            "donor": dc,
            "partner": pc,
            "year": 2025,
            "value": v,
            "level": v,
            "sd": 0.2,
            "source": "prior",
            "age": -1,
            "n_polls": 0,
        }
        for dc, v in (("JPN", 0.65), ("CHN", 0.45))
        for pc in partners
    ]
    declared = "declared (sim_strategies.csv: {}); no flow source covers {}"
    assert res.meta == {
        "scenario": "two",
        "description": "Two donors, three publics.",
        "lever": "JPN budget x2 from 2026",
        # each named group's share of the allocation in sim_strategies.csv, summed by hand
        "allocations": {
            "JPN": {
                "pillar 1: public goals with private know-how (PPP)": 0.27,
                "pillar 2: entrepreneurial, cost-effective solutions to shared problems": 0.23,
                "pillar 3: trust over time through long-term roots, not threat": 0.39,
                "outside the pillars": 0.11,
            },
            "CHN": {
                "level 1: political and fiscal ties through aid": 0.42,
                "level 2: FTA-plus cooperative framework": 0.15,
                "level 3: cultural attraction through quasi-governmental projects": 0.16,
                "level 4: private sector and overseas Chinese business networks": 0.18,
                "outside the levels": 0.09,
            },
        },
        "model": "softpower-simulate/2",
        "runs": 7,
        "seed": 3,
        "noise": True,
        "start_year": 2025,
        "horizon": 2,
        "donors": donors,
        "partners": partners,
        "strategies": {"JPN": "doux-smart-power", "CHN": "china-four-level"},
        "parameter_overrides": {"lam": 0.2},
        "ledger": None,
        "initial_trust_sources": {"prior": 6},
        "budgets": {
            "JPN": {
                "budget_musd": 6600.0,
                "dataset": declared.format("doux-smart-power", "JPN"),
                "shares": "even over the partners",
            },
            "CHN": {
                "budget_musd": 14600.0,
                "dataset": declared.format("china-four-level", "CHN"),
                "shares": "even over the partners",
            },
        },
        "budgets_comparable": "yes: all declared",
        "parameters": "calibrated where identified (sim_calibrated.csv), declared priors elsewhere",
        # the shipped calibration's status of each fitted parameter (sim_calibrated.csv)
        "calibration": {k: c.status for k, c in calibrated().items()},
        "reference": "baseline strategies, no changes or shocks, same partners, horizon, runs and seeds",
        "quantiles": [0.05, 0.5, 0.95],
    }
    assert list(res.meta) == list(res.meta)[:1] + [k for k in res.meta if k != "scenario"]
    assert res.meta["calibration"] and all(isinstance(v, str) for v in res.meta["calibration"].values())


def test_declared_priors_and_no_reference(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    res = api.run_scenario(path, runs=3, seed=5, priors=True, paired=False)
    assert (res.meta["runs"], res.meta["seed"]) == (3, 5)
    assert res.meta["parameters"] == "declared priors (sim_parameters.csv)"
    assert res.meta["calibration"] == {} and res.meta["reference"] is None
    assert res.effects.empty and list(res.effects.columns) == EFFECT_COLUMNS
    # the same seeds with priors: the oracle's series from the declared priors' draws
    from softpower.simulate.ensemble import ensemble
    from softpower.simulate.init import build_inputs
    from softpower.simulate.scenario import load_scenario

    inp = build_inputs(load_scenario(path))
    trust, _ = ensemble(inp, 3, 5, {"lam": 0.2}, noise=True, priors=True, workers=1, scheduler=None)
    got = res.series.loc[(res.series["metric"] == "trust")].reset_index(drop=True)
    want = [_q(trust[:, y, d, p]) for d in (1, 0) for p in range(3) for y in range(3)]  # CHN, JPN
    np.testing.assert_allclose(got[["p05", "p50", "p95"]].to_numpy(), want, atol=1.5e-6, rtol=0)


@pytest.mark.parametrize(
    ("runs", "seed", "message"),
    [
        (0, None, "runs: 0 (expected an integer >= 1)"),
        (True, None, "runs: True (expected an integer >= 1)"),
        (2.0, None, "runs: 2.0 (expected an integer >= 1)"),
        (None, -1, "seed: -1 (expected an integer >= 0)"),
        (None, False, "seed: False (expected an integer >= 0)"),
        (None, 1.5, "seed: 1.5 (expected an integer >= 0)"),
    ],
)
def test_bad_runs_or_seed_is_one_line(runs: object, seed: object, message: str) -> None:
    with pytest.raises(SoftpowerError) as info:
        api.run_scenario("baseline", runs=runs, seed=seed)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_the_trajectory_memory_bound_refuses_the_run_beyond_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "two.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    # 3 years x 2 donors x 3 partners x 2 metrics x 8 bytes = 288 bytes per run
    monkeypatch.setattr(api, "MAX_TRAJECTORY_BYTES", 2 * 288)
    assert api.run_scenario(path, runs=2, paired=False).meta["runs"] == 2  # exactly at the bound
    with pytest.raises(SoftpowerError) as info:
        api.run_scenario(path, runs=3)
    assert str(info.value) == (
        "runs: 3 runs would keep 0.0 GiB of trajectories (expected at most 0 GiB: fewer runs, partners or years)"
    )
    monkeypatch.setattr(api, "MAX_TRAJECTORY_BYTES", 4 * 2**30)
    with pytest.raises(SoftpowerError) as info:
        api.run_scenario(path, runs=2**30 // 288 * 4 + 1)
    assert str(info.value) == (
        f"runs: {2**30 // 288 * 4 + 1} runs would keep 4.0 GiB of trajectories "
        "(expected at most 4 GiB: fewer runs, partners or years)"
    )


def test_the_reference_of_a_scenario_whole(tmp_path: Path) -> None:
    from dataclasses import replace

    from softpower.simulate.scenario import load_scenario

    base = load_scenario("baseline")
    path = tmp_path / "two.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    sc = load_scenario(path)
    # Japan and China take the baseline's strategies and (no) partner weights; changes are dropped
    assert api.reference_for(sc) == replace(
        sc,
        name="baseline",
        changes=(),
        shocks=(),
        donors={"JPN": base.donors["JPN"], "CHN": base.donors["CHN"]},
        partner_weights={"JPN": {}, "CHN": {}},
    )
    other = tmp_path / "other.yaml"
    other.write_text(
        "start_year: 2030\nhorizon: 4\npartners: [VNM]\n"
        "donors:\n  AUS: {strategy: us-profile, budget: 5, partner_weights: {VNM: 3}}\n"
        "  KOR: {strategy: hard-power-first}\n"
        "shocks: [{type: withdrawal, donor: AUS, start: 2031}]\n",
        encoding="utf-8",
    )
    sc = load_scenario(other)
    # a donor the baseline lacks keeps its own strategy and weights; Korea takes the baseline's
    assert api.reference_for(sc) == replace(
        sc,
        name="baseline",
        shocks=(),
        donors={"AUS": sc.donors["AUS"], "KOR": base.donors["KOR"]},
        partner_weights={"AUS": {"VNM": 3.0}, "KOR": {}},
    )
    assert api.reference_for(base) is None
    same = tmp_path / "same.yaml"
    same.write_text("partners: [VNM]\ndonors: {JPN: doux-smart-power, AUS: us-profile}\n", encoding="utf-8")
    assert api.reference_for(load_scenario(same)) is None  # already its own reference


def test_publics_outside_every_group_have_no_group_rows(tmp_path: Path) -> None:
    path = tmp_path / "south.yaml"
    path.write_text(
        "start_year: 2025\nhorizon: 1\nruns: 3\npartners: [IND, BGD]\ndonors: {JPN: doux-smart-power}\n",
        encoding="utf-8",
    )
    res = api.run_scenario(path, paired=False)
    assert res.regional["metric"].unique().tolist() == ["hedging"]
    assert res.regional[["donor", "partner", "year"]].values.tolist() == [
        ["*", "BGD", 2025], ["*", "IND", 2025], ["*", "BGD", 2026], ["*", "IND", 2026],
    ]  # fmt: skip
    # one donor: nothing to hedge between
    assert (res.regional[["p05", "p50", "p95"]] == 0).all().all()


# --- load_scenario: the whole validated scenario -------------------------------------------------

FULL = """\
description: "  Two donors.  "
lever: "  JPN budget to 0  "
start_year: 2030
horizon: 3
runs: 5
seed: 9
noise: false
partners: [VNM, PHL, VNM]
donors:
  JPN: {strategy: us-profile, budget: 0, ppp: 1, equal_footing: 0, growth: -0.5, reaction: 0, partner_weights: {VNM: 2, PHL: 0}}
  CHN: china-four-level
changes:
  - {donor: JPN, year: 2032, budget: 10, allocation: {oda_grant: 1}}
  - {donor: CHN, year: 2030, partners: [VNM], ppp: 0.5, equal_footing: 1}
shocks:
  - {type: pandemic, start: 2031}
  - {type: scale, donors: [JPN, CHN], start: 2032, duration: 1, factor: 0, instruments: oda_grant, partners: PHL}
  - {type: financial_crisis, donor: CHN, start: 2030, budget_cut: 1, aid_boost: 0}
parameters: {lam: 0.9, s0: 30}
"""


def test_a_scenario_file_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from softpower.simulate.scenario import Change, Scenario, Shock, load_scenario
    from softpower.simulate.strategies import strategies

    monkeypatch.chdir(tmp_path)
    Path("full.yaml").write_text(FULL, encoding="utf-8")
    sc = load_scenario("full.yaml")
    us = strategies()["us-profile"]
    assert sc == Scenario(
        name="full",
        description="Two donors.",
        file="full.yaml",
        start_year=2030,
        horizon=3,
        runs=5,
        seed=9,
        noise=False,
        partners=("PHL", "VNM"),  # sorted, each once
        donors={
            "JPN": replace(us, budget=0.0, ppp=1.0, equal_footing=0.0, growth=-0.5, reaction=0.0),
            "CHN": strategies()["china-four-level"],
        },
        partner_weights={"JPN": {"VNM": 2.0, "PHL": 0.0}, "CHN": {}},
        changes=(
            Change("JPN", 2032, {"budget": 10, "allocation": {"oda_grant": 1}}, None),
            Change("CHN", 2030, {"ppp": 0.5, "equal_footing": 1}, ("VNM",)),
        ),
        shocks=(
            Shock("pandemic", 2031, None, None, None, None, {"budget_cut": 0.2, "health_boost": 1.0}),
            Shock("scale", 2032, 1, ("JPN", "CHN"), ("oda_grant",), ("PHL",), {"factor": 0.0}),
            Shock(
                "financial_crisis", 2030, None, ("CHN",), None, None, {"budget_cut": 1.0, "aid_boost": 0.0}
            ),
        ),
        parameters={"lam": 0.9, "s0": 30.0},
        lever="JPN budget to 0",
    )
    assert list(sc.donors) == ["JPN", "CHN"]
    assert all(type(v) is float for v in sc.parameters.values())
    assert all(type(w) is float for w in sc.partner_weights["JPN"].values())
    assert all(type(v) is float for s in sc.shocks for v in s.values.values())
    assert sc.years == [2030, 2031, 2032, 2033]
    pandemic, scale, _ = sc.shocks
    assert [pandemic.active(y) for y in (2030, 2031, 2040)] == [False, True, True]  # no end
    assert [scale.active(y) for y in (2031, 2032, 2033)] == [False, True, False]  # one year


def test_a_scenario_without_optional_keys_takes_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from softpower.simulate.scenario import load_scenario

    monkeypatch.chdir(tmp_path)
    Path("min.yaml").write_text("partners: VNM\ndonors: {JPN: us-profile}\n", encoding="utf-8")
    sc = load_scenario(Path("min.yaml"))
    assert (sc.name, sc.file, sc.description, sc.lever) == ("min", "min.yaml", "", "")
    assert (sc.start_year, sc.horizon, sc.runs, sc.seed, sc.noise) == (2025, 30, 200, 1, True)
    assert (sc.partners, sc.changes, sc.shocks, sc.parameters) == (("VNM",), (), (), {})
    assert sc.partner_weights == {"JPN": {}}


def test_extends_merges_donors_appends_changes_and_never_inherits_the_lever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from softpower.simulate import scenario as S

    shipped = tmp_path / "scenarios"
    shipped.mkdir()
    (shipped / "base.yaml").write_text(
        "description: the base\nlever: none\nhorizon: 5\npartners: [VNM, PHL]\n"
        "donors: {JPN: {strategy: us-profile, budget: 7}, CHN: china-four-level}\n"
        "changes: [{donor: JPN, year: 2026, budget: 8}]\n"
        "shocks: [{type: pandemic, start: 2027}]\nparameters: {lam: 0.5, s0: 40}\n",
        encoding="utf-8",
    )
    (shipped / "notes.txt").write_text("not a scenario", encoding="utf-8")
    monkeypatch.setattr(S, "_dir", lambda: shipped)
    assert S.list_scenarios() == [("base", "the base")]
    child = tmp_path / "child.yaml"
    child.write_text(
        "extends: base\ndonors: {JPN: {growth: 0.1}, CHN: hard-power-first, USA: us-profile}\n"
        "changes: [{donor: USA, year: 2027, budget: 9}]\nshocks: [{type: withdrawal, donor: CHN, start: 2028}]\n"
        "parameters: {lam: 0.6}\n",
        encoding="utf-8",
    )
    sc = S.load_scenario(child)
    strat = S.strategies()
    assert (sc.description, sc.lever, sc.horizon, sc.partners) == ("the base", "", 5, ("PHL", "VNM"))
    assert sc.donors == {
        "JPN": S.modified(strat["us-profile"], {"budget": 7, "growth": 0.1}, "x", "x"),  # merged per donor
        "CHN": strat["hard-power-first"],  # replaced
        "USA": strat["us-profile"],  # added
    }
    assert [(c.donor, c.year) for c in sc.changes] == [("JPN", 2026), ("USA", 2027)]
    assert [s.type for s in sc.shocks] == ["pandemic", "withdrawal"]
    assert sc.parameters == {"lam": 0.6, "s0": 40.0}
    assert S._merge(
        {"lever": "a", "x": 1, "donors": {"JPN": "s"}}, {"extends": "b", "donors": "y", "x": 2}
    ) == {
        "x": 2,
        "donors": "y",
    }
    assert S._merge(
        {"changes": "c", "shocks": [1], "parameters": [2]}, {"changes": [3], "shocks": 4, "parameters": {}}
    ) == {
        "changes": [3],
        "shocks": 4,
        "parameters": {},
    }


def test_a_shipped_name_is_a_plain_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from softpower.errors import InputError
    from softpower.simulate.scenario import load_scenario

    assert load_scenario("baseline").file == "scenarios/baseline.yaml"
    assert load_scenario("us-health-withdrawal").name == "us-health-withdrawal"
    monkeypatch.chdir(tmp_path)
    for name in (Path("baseline"), "scenarios/baseline"):
        with pytest.raises(InputError) as info:
            load_scenario(name)
        assert str(info.value).startswith(
            f"{name}: no such scenario file or name (expected a YAML file or one of baseline, "
        )


# --- sensitivity and ensembles ----------------------------------------------------------------

SMALL = "start_year: 2025\nhorizon: 1\npartners: [VNM, PHL]\ndonors: {JPN: doux-smart-power, CHN: china-four-level}\nparameters: {lam: 0.3, rho: 1}\n"


def test_a_small_sensitivity_analysis_whole(tmp_path: Path) -> None:
    from softpower.simulate.params import sobol_problem
    from softpower.simulate.sensitivity import sensitivity

    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    seen: list[tuple[int, int]] = []
    res = sensitivity(
        path,
        n=2,
        seed=3,
        donor="CHN",
        metric="trust",
        second_order=False,
        progress=lambda d, t: seen.append((d, t)),
    )
    k = len(sobol_problem()["names"])
    assert list(res.indices.columns) == ["parameter", "S1", "S1_conf", "ST", "ST_conf"]
    assert res.indices["parameter"].tolist() == sobol_problem()["names"]
    meta = dict(res.meta)
    meta.pop("note", None)
    assert meta == {
        "scenario": "small",
        "output": "mean over partners of CHN trust in 2026",
        "n": 2,
        "runs": 2 * (k + 2),
        "years": 1,
        "parameters": k,
        "second_order": False,
        "seed": 3,
        "fixed_by_scenario": ["lam", "rho"],
        "noise": "off (noise_sd excluded from the design)",
    }
    assert seen and seen[-1][0] == seen[-1][1]  # progress reaches its total
    assert res.to_dict() == {"indices": res.indices.to_dict(orient="records"), "meta": res.meta}
    vs = sensitivity(path, n=2, seed=3, second_order=False, versus=path)
    # the first donor by default; against itself every output difference is 0
    assert (
        vs.meta["output"]
        == "mean over partners of JPN alignment in 2026, minus the same in 'small' (same parameters)"
    )


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"metric": "hedging"}, "--metric: 'hedging' (expected one of trust, alignment)"),
        ({"donor": "USA"}, "--donor: 'USA' (expected one of the scenario's donors: JPN, CHN)"),
        ({"n": 3}, "--n: 3 (expected a power of two, e.g. 1024)"),
        ({"n": 1}, "--n: 1 (expected a power of two, e.g. 1024)"),
        (
            {"n": 2**18},
            "--n: 262144 means 13107200 runs (expected at most 4194304: a smaller --n or --first-order-only)",
        ),
        (
            {"n": 2**18, "second_order": False},
            "--n: 262144 means 6815744 runs (expected at most 4194304: a smaller --n)",
        ),
        (
            {"versus": "baseline"},
            "--versus: 'baseline' differs in donors, partners or years (expected the same as 'small')",
        ),
    ],
)
def test_sensitivity_refusals_are_whole_lines(tmp_path: Path, kw: dict[str, Any], message: str) -> None:
    from softpower.simulate.sensitivity import sensitivity

    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    with pytest.raises(SoftpowerError) as info:
        sensitivity(path, **{"n": 2, **kw})
    assert str(info.value) == message


def test_chunks_cover_the_runs_in_order() -> None:
    from softpower.simulate.ensemble import chunks, map_chunks

    assert chunks(7, 3) == [(0, 3), (3, 6), (6, 7)]
    assert chunks(6, 3) == [(0, 3), (3, 6)]
    assert chunks(2, 5) == [(0, 2)]
    assert chunks(0, 5) == []
    seen: list[tuple[int, int]] = []
    out = map_chunks(lambda inp, t: (inp, t * 2), "I", [1, 2, 3], progress=lambda d, t: seen.append((d, t)))  # type: ignore[arg-type,return-value]
    assert out == [("I", 2), ("I", 4), ("I", 6)] and seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(SoftpowerError) as info:
        map_chunks(lambda inp, t: t, "I", [1], workers=0)  # type: ignore[arg-type]
    assert str(info.value) == "workers: 0 (expected an integer >= 1)"


def test_a_design_chunk_gives_the_final_year_of_each_row(tmp_path: Path) -> None:
    from softpower.simulate.ensemble import DesignTask, run_design_chunk
    from softpower.simulate.init import build_inputs
    from softpower.simulate.model import simulate
    from softpower.simulate.params import from_matrix
    from softpower.simulate.scenario import load_scenario

    path = tmp_path / "three.yaml"
    path.write_text(SMALL.replace("horizon: 1", "horizon: 3"), encoding="utf-8")  # years 2025-2028
    inp = build_inputs(load_scenario(path))
    x = np.array([[0.2, 3.0], [0.8, 8.0]])
    trust, align = run_design_chunk(inp, DesignTask(x, ("lam", "beta"), {"rho": 1.0}))
    full = simulate(inp, from_matrix(x, ["lam", "beta"], {"rho": 1.0}), rng=None)
    assert trust.shape == (2, 2, 2) and full.trust.shape == (2, 4, 2, 2)
    np.testing.assert_array_equal(trust, full.trust[:, 3])
    np.testing.assert_array_equal(align, full.alignment[:, 3])
    assert not np.array_equal(full.trust[:, 1], full.trust[:, 3])  # the final year, not another


def test_workers_scheduler_and_the_ledger_reach_every_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_ledger: Path
) -> None:
    # each map over chunks records how it was asked to run, then runs here
    from softpower.ledger import Ledger
    from softpower.simulate import ensemble as E
    from softpower.simulate import sensitivity as S

    asked: list[tuple[int, str | None]] = []
    real = E.map_chunks

    def spy(
        fn: Any, inp: Any, tasks: Any, *, workers: int = 1, scheduler: str | None = None, progress: Any = None
    ) -> Any:
        asked.append((workers, scheduler))
        return real(fn, inp, tasks, progress=progress)

    ledgers: list[object] = []
    real_build = S.build_inputs

    def build(sc: Any, led: Any = None) -> Any:
        ledgers.append(led)
        return real_build(sc, led)

    monkeypatch.setattr(E, "map_chunks", spy)
    monkeypatch.setattr(S, "map_chunks", spy)
    monkeypatch.setattr(S, "build_inputs", build)
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    S.sensitivity(path, seeds_ledger, n=2, second_order=False, versus=path, workers=3, scheduler="tcp://x:1")
    assert asked and set(asked) == {(3, "tcp://x:1")}
    assert len(ledgers) == 2 and all(isinstance(led, Ledger) for led in ledgers)  # scenario and versus
    asked.clear()
    two = tmp_path / "two.yaml"
    two.write_text(SCENARIO, encoding="utf-8")
    api.run_scenario(two, runs=2, workers=2, scheduler="tcp://y:2")  # the scenario and its reference
    assert len(asked) == 2 and set(asked) == {(2, "tcp://y:2")}
