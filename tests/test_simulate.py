"""Simulate stage: known answers of the model, seeded ensembles, scenario effects."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import softpower.simulate as sim
from softpower.simulate import api as sim_api
from softpower.simulate.ensemble import chunk_size, ensemble
from softpower.simulate.init import Inputs, build_inputs, perception_observations
from softpower.simulate.model import alignment, derive, initial_stocks, simulate
from softpower.simulate.params import fixed, parameters, sample, sobol_problem
from softpower.simulate.scenario import load_scenario
from softpower.simulate.strategies import strategies

SHIPPED = {
    "baseline",
    "us-health-withdrawal",
    "japan-doubles-health-ppp",
    "china-lending-slows",
    "japan-asean-equal-footing",
    "japan-asean-partnership-upgrade",
    "china-budget-shrinks",
}


def _yaml(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


STEADY = """
description: two donors, constant flows
start_year: 2025
horizon: 12
runs: 4
seed: 3
noise: false
partners: [VNM, THA, FJI]
donors:
  JPN: {strategy: doux-smart-power, growth: 0.0, reaction: 0.0}
  CHN: {strategy: china-four-level, growth: 0.0, reaction: 0.0}
"""


def test_namespace_exports() -> None:
    assert set(sim.__all__) >= {"run_scenario", "list_scenarios", "ScenarioResult", "load_scenario"}
    for name in sim.__all__:
        assert hasattr(sim, name)


def test_shipped_scenarios_load() -> None:
    listed = dict(sim.list_scenarios())
    assert set(listed) == SHIPPED
    assert all(listed.values()), "every scenario has a description"
    for name in SHIPPED:
        sc = load_scenario(name)
        assert sc.horizon == 30 and len(sc.partners) == 30 and list(sc.donors) == ["JPN", "CHN", "USA", "KOR"]


def test_parameter_table_rows() -> None:
    table = parameters()
    assert len(sobol_problem()["names"]) >= 15
    for p in table.values():
        assert p.low <= p.default <= p.high and p.low < p.high and p.source
    for s in strategies().values():
        assert abs(sum(s.allocation.values()) - 1.0) < 1e-9 and s.budget >= 0


def test_fixed_point_with_constant_flows(tmp_path: Path) -> None:
    # steady-state roots, constant flows, alpha = 0: the start year is a fixed point
    inp = build_inputs(load_scenario(_yaml(tmp_path, STEADY)))
    out = simulate(inp, fixed(2))
    assert np.allclose(out.trust, inp.t0[None, None], atol=1e-12)


def test_friedkin_johnsen_closed_form(tmp_path: Path) -> None:
    # a constant shift of the target: T_t = T* + (T0 - T*) (1 - lam)^t, T* = (1 - s) tau + s T0
    inp = build_inputs(load_scenario(_yaml(tmp_path, STEADY)))
    prm = fixed(1, {"alpha": 0.5, "lam": 0.2, "anchor": 0.25})
    out = simulate(inp, prm).trust[0]
    t0 = inp.t0
    tau = 1.0 / (1.0 + np.exp(-(np.log(t0 / (1 - t0)) + 0.5)))
    star = 0.75 * tau + 0.25 * t0
    t = np.arange(out.shape[0])[:, None, None]
    assert np.allclose(out, star + (t0 - star) * 0.8**t, atol=1e-12)


def test_initial_roots_are_steady_state_without_ledger(tmp_path: Path) -> None:
    inp = build_inputs(load_scenario(_yaml(tmp_path, STEADY)))
    prm = fixed(1)
    stocks = initial_stocks(inp, prm, derive(inp, prm))
    k = inp.instruments.index("people_exchange")  # soft: half-life 15 years
    flow = inp.pi0[0, 0] * inp.flow[0, 0, 0, k]
    assert stocks[0, 0, 0, k] == pytest.approx(flow / (1 - 2 ** (-1 / 15)), rel=1e-12)


def test_alignment_softmax_known_answer() -> None:
    trust = np.array([[[0.6], [0.4]]])  # 1 run, 2 donors, 1 partner
    al = alignment(trust, np.array([[4.0]]))
    assert al[0, 0, 0] == pytest.approx(1 / (1 + np.exp(-0.8)), rel=1e-12)
    assert al.sum(axis=1) == pytest.approx(1.0)


def test_hedgers_spread_alignment(tmp_path: Path) -> None:
    inp = build_inputs(load_scenario(_yaml(tmp_path, STEADY)))
    al = simulate(inp, fixed(1)).alignment[0, 0]
    vnm, fji = inp.partners.index("VNM"), inp.partners.index("FJI")
    # same trust gap, but Viet Nam hedges (smaller beta): its alignment is more even
    assert abs(al[0, vnm] - al[1, vnm]) < abs(al[0, fji] - al[1, fji])


def test_same_seed_identical_and_independent_of_workers() -> None:
    a = sim.run_scenario("baseline", runs=30, seed=11)
    b = sim.run_scenario("baseline", runs=30, seed=11)
    c = sim.run_scenario("baseline", runs=30, seed=12)
    assert a.to_json() == b.to_json()
    assert a.to_json() != c.to_json()
    inp = build_inputs(load_scenario("baseline"))
    runs = chunk_size(inp) + 7  # two chunks
    one = ensemble(inp, runs, 5, {}, workers=1)
    two = ensemble(inp, runs, 5, {}, workers=2)
    assert np.array_equal(one[0], two[0]) and np.array_equal(one[1], two[1])


def test_series_shape_and_bands() -> None:
    res = sim.run_scenario("baseline", runs=40, seed=1)
    s = res.series
    assert list(s.columns) == ["donor", "partner", "year", "metric", "p05", "p50", "p95"]
    assert set(s["metric"]) == {"trust", "alignment"}
    assert len(s) == 4 * 30 * 31 * 2
    assert (s["p05"] <= s["p50"]).all() and (s["p50"] <= s["p95"]).all()
    assert s["p05"].min() >= 0 and s["p95"].max() <= 1
    d = res.to_dict()
    assert set(d) == {"series", "regional", "effects", "start_states", "meta"}
    assert set(d["series"][0]) == set(s.columns)
    assert d["meta"]["runs"] == 40 and d["meta"]["seed"] == 1


def test_progress_callback_counts_chunks() -> None:
    calls: list[tuple[int, int]] = []
    sim.run_scenario("baseline", runs=600, seed=1, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1][0] == calls[-1][1] == len(calls) >= 2


def _paired(name: str, donor: str, metric: str = "trust") -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Final-year values of a scenario and the baseline with the same parameters, noise off."""
    base, other = build_inputs(load_scenario("baseline")), build_inputs(load_scenario(name))
    prm = sample(16, np.random.default_rng(4))
    d = base.donors.index(donor)
    a = getattr(simulate(base, prm), metric)[:, -1, d]
    b = getattr(simulate(other, prm), metric)[:, -1, d]
    return a, b, base.partners


def test_us_health_withdrawal_lowers_us_trust_in_asean_only() -> None:
    base, alt, partners = _paired("us-health-withdrawal", "USA")
    asean = [partners.index(p) for p in ("VNM", "IDN", "PHL")]
    others = [partners.index(p) for p in ("IND", "FJI")]
    assert (alt[:, asean] < base[:, asean]).all()
    assert np.allclose(alt[:, others], base[:, others], atol=0.02)


def test_japan_equal_footing_raises_japan_trust_in_asean() -> None:
    base, alt, partners = _paired("japan-asean-equal-footing", "JPN")
    asean = [partners.index(p) for p in ("VNM", "THA")]
    assert (alt[:, asean] > base[:, asean]).all()


def test_japan_health_ppp_raises_alignment_and_china_slowdown_lowers_china() -> None:
    base, alt, _ = _paired("japan-doubles-health-ppp", "JPN", "alignment")
    assert alt.mean() > base.mean()
    base, alt, _ = _paired("china-lending-slows", "CHN")
    assert alt.mean() < base.mean()


def test_initial_state_from_ledger(seeds_ledger: Path) -> None:
    obs = perception_observations(seeds_ledger)
    assert set(obs["measure"]) == {"trust", "friendly", "positive_image"}  # the null-valued record is dropped
    inp = build_inputs(load_scenario("baseline"), seeds_ledger)
    j, idn = inp.donors.index("JPN"), inp.partners.index("IDN")
    # the 2008 poll is 17 years old in 2025, beyond the age limit: the declared prior, said so
    assert inp.t0_source[j, idn] == "prior" and inp.t0[j, idn] == pytest.approx(0.65)
    assert inp.t0_sd is not None and inp.t0_sd[j, idn] == pytest.approx(0.2)
    recent = dataclasses.replace(load_scenario("baseline"), start_year=2012)
    near = build_inputs(recent, seeds_ledger)
    assert near.t0[j, idn] == pytest.approx(0.93)  # 'trust' preferred over 'friendly' (0.96)
    assert near.t0_source[j, idn] == "trust 2008 (bundled:seeds)"
    assert near.t0_age is not None and near.t0_age[j, idn] == 4
    assert near.t0_sd is not None and near.t0_sd[j, idn] == pytest.approx(0.065 + 0.017 * 4)
    assert near.t0_source[inp.donors.index("CHN"), idn] == "prior"
    assert inp.hist_usd.sum() > 0 and inp.hist_units.sum() > 0
    # without flow data, record counts do not tilt shares: even, and said so
    assert np.allclose(inp.pi0, 1.0 / len(inp.partners))
    assert inp.budgets is not None and "declared" in inp.budgets["JPN"]["dataset"]
    res = sim.run_scenario(recent, seeds_ledger, runs=10, seed=1)
    assert res.meta["initial_trust_sources"]["trust"] == 6
    row = res.start_states.query("donor == 'JPN' and partner == 'IDN'").iloc[0]
    assert (row["source"], row["age"], row["value"]) == ("trust 2008 (bundled:seeds)", 4, pytest.approx(0.93))


def test_dask_scheduler_gives_same_output() -> None:
    distributed = pytest.importorskip("dask.distributed", reason="dask.distributed not installed")
    inp = build_inputs(load_scenario("baseline"))
    runs = chunk_size(inp) + 3
    local = ensemble(inp, runs, 8, {})
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cl:
        calls: list[tuple[int, int]] = []
        remote = ensemble(
            inp, runs, 8, {}, scheduler=cl.scheduler_address, progress=lambda d, t: calls.append((d, t))
        )
    assert np.array_equal(local[0], remote[0]) and np.array_equal(local[1], remote[1])
    assert calls[-1] == (2, 2)


def test_unreachable_scheduler_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from softpower.errors import SoftpowerError
    from softpower.simulate import ensemble as ens

    monkeypatch.setattr(ens, "SCHEDULER_TIMEOUT", "1s")
    with pytest.raises(SoftpowerError, match="cannot connect"):
        sim.run_scenario("baseline", runs=2, scheduler="tcp://127.0.0.1:9")


def test_shock_and_change_schedules(tmp_path: Path) -> None:
    text = (
        STEADY
        + """
changes:
  - {donor: JPN, year: 2028, budget: 3000}
  - {donor: JPN, year: 2027, ppp: 0.9, partners: [VNM]}
shocks:
  - {type: pandemic, start: 2026, duration: 2, budget_cut: 0.5, health_boost: 1.0}
  - {type: financial_crisis, donors: [CHN], start: 2030, duration: 1}
  - {type: withdrawal, donor: JPN, instruments: [military_activity], partners: [FJI], start: 2027}
"""
    )
    inp = build_inputs(load_scenario(_yaml(tmp_path, text)))
    k = {c: i for i, c in enumerate(inp.instruments)}
    jpn, chn = inp.donors.index("JPN"), inp.donors.index("CHN")
    vnm, fji = inp.partners.index("VNM"), inp.partners.index("FJI")
    base = inp.flow[0, jpn, vnm]  # 2025: no shock
    assert base.sum() == pytest.approx(6600.0)
    # pandemic 2026-2027: budgets halved, health doubled on top
    assert inp.flow[1, jpn, vnm, k["oda_loan"]] == pytest.approx(0.5 * base[k["oda_loan"]])  # growth 0
    assert inp.flow[1, jpn, vnm, k["health_cooperation"]] == pytest.approx(base[k["health_cooperation"]])
    assert inp.flow[3, jpn, vnm].sum() == pytest.approx(3000.0)  # 2028: budget reset, pandemic over
    assert inp.flow[2:, jpn, fji, k["military_activity"]].max() == 0.0
    assert inp.flow[2:, jpn, vnm, k["military_activity"]].min() > 0.0
    assert inp.ppp[1, jpn, vnm] == 0.3 and inp.ppp[2, jpn, vnm] == 0.9 and inp.ppp[2, jpn, fji] == 0.3
    crisis, before = inp.flow[5, chn, vnm], inp.flow[4, chn, vnm]
    assert crisis[k["oda_grant"]] == pytest.approx(before[k["oda_grant"]] * 0.85 * 1.5)
    assert crisis[k["people_exchange"]] == pytest.approx(before[k["people_exchange"]] * 0.85)


def test_reference_tables_rows() -> None:
    from softpower.records.vocab import is_country
    from softpower.simulate.strategies import allies, hedgers, trust_priors

    for donor, partner in allies():
        assert is_country(donor) and is_country(partner)
    assert all(is_country(p) for p in hedgers())
    for donor, value in trust_priors().items():
        assert (donor == "*" or is_country(donor)) and 0 < value < 1


def test_docs_name_every_parameter() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "model.md"
    if not docs.is_file():
        pytest.skip(f"{docs} not present")
    text = docs.read_text(encoding="utf-8")
    missing = [name for name in parameters() if f"`{name}`" not in text]
    assert not missing, f"docs/model.md does not describe {missing}"


def test_initial_trust_prefers_direct_public_measures() -> None:
    import pandas as pd

    from softpower.simulate.init import start_states

    obs = pd.DataFrame(
        [
            ("USA", "VNM", 2024, "helpful", 0.9, "f1", "a"),  # leaders' rating: never initial trust
            ("USA", "IDN", 2024, "favourable", 0.6, "f2", "a"),
            ("USA", "IDN", 2024, "trust", 0.4, "f3", "a"),  # same year: trust preferred
            ("USA", "IDN", 2016, "trust", 0.2, "f4", "a"),  # older: part of the level only
            ("USA", "IDN", 2016, "trust", 0.9, "f5", "b"),  # another pollster's series
            ("USA", "IDN", 2005, "trust", 0.1, "f6", "a"),  # beyond the age limit
        ],
        columns=["actor", "partner", "year", "measure", "value", "fact", "origin"],
    )
    st = start_states(obs, ("USA",), ("VNM", "IDN"), 2025)
    t0, src = st.t0, st.source
    assert t0[0, 0] == 0.55 and src[0, 0] == "prior"
    assert t0[0, 1] == 0.4 and src[0, 1] == "trust 2024 (a)"
    assert st.level[0, 1] == pytest.approx(0.3) and st.n_polls[0, 1] == 2 and st.age[0, 1] == 1


_INPUTS: dict[str, Inputs] = {}


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), name=st.sampled_from(sorted(SHIPPED)))
def test_invariants_over_random_parameters(seed: int, name: str) -> None:
    inp = _INPUTS.setdefault(name, build_inputs(load_scenario(name)))
    prm = sample(3, np.random.default_rng(seed))
    out = simulate(inp, prm, rng=np.random.default_rng(seed + 1))
    assert np.isfinite(out.trust).all() and np.isfinite(out.alignment).all()
    assert out.trust.min() >= 0.0 and out.trust.max() <= 1.0
    assert np.allclose(out.alignment.sum(axis=2), 1.0, atol=1e-12)
    assert out.alignment.min() > 0.0


def test_paired_effects_are_the_difference_of_runs_with_the_same_seeds(tmp_path: Path) -> None:
    # a custom ten-year ASEAN-only scenario: its reference has the same partners, horizon and seeds
    path = tmp_path / "custom.yaml"
    path.write_text(
        "extends: baseline\nhorizon: 10\nruns: 40\nseed: 3\npartners: [ASEAN]\n"
        "shocks:\n  - {type: scale, donor: CHN, instruments: [oda_loan], factor: 0.2, start: 2026}\n",
        encoding="utf-8",
    )
    sc = load_scenario(path)
    ref = sim_api.reference_for(sc)
    assert ref is not None and ref.partners == sc.partners and ref.horizon == 10 and not ref.shocks
    assert sim_api.reference_for(load_scenario("baseline")) is None
    res = sim.run_scenario(sc)
    a, b = build_inputs(sc), build_inputs(ref)
    ta, _ = ensemble(a, 40, 3, {}, noise=True)
    tb, _ = ensemble(b, 40, 3, {}, noise=True)
    diff = (ta - tb)[:, -1, a.donors.index("CHN")]  # (runs, partners)
    row = res.effects.query("donor == 'CHN' and partner == 'VNM' and metric == 'trust' and year == 2035")
    v = diff[:, a.partners.index("VNM")]
    assert row["p50"].item() == pytest.approx(np.percentile(v, 50), abs=1e-6)
    assert row["p05"].item() == pytest.approx(np.percentile(v, 5), abs=1e-6)
    assert row["p_positive"].item() == pytest.approx((v > 0).mean())
    asean = res.effect_at(2035).set_index("donor")
    assert asean.loc["CHN", "mean"] == pytest.approx(diff.mean(), abs=1e-6)
    assert asean.loc["CHN", "p95"] < 0  # cutting China's loans lowers its trust in every run
    # before the lever moves, scenario and reference are the same runs: the effect is exactly zero
    first = res.effects.query("year == 2025 and metric == 'trust'")
    assert (first[["p05", "p50", "p95"]] == 0).all().all()


def _indicator(
    doc: str, actor: str, partner: str, year: int, metric: str, usd: float, **basis: object
) -> dict:
    return {
        "doc": doc, "kind": "indicator", "actor": actor, "partners": [partner], "metric": metric,
        "unit": "USD", "year": year, "value": usd, **basis,
    }  # fmt: skip


def test_budgets_and_shares_come_from_flows_not_record_counts(seeds_ledger: Path) -> None:
    from softpower.ledger import Ledger
    from softpower.money import rebase_factor

    dac = {"amount_basis": "disbursement", "price_basis": "constant", "price_year": 2022}
    with Ledger.open(seeds_ledger) as led:
        doc = led.query("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").iloc[0, 0]
        recs = [
            _indicator(doc, "JPN", p, y, "oda_disbursement", usd, **dac)
            for y in range(2015, 2023)  # the newest five years count: 2018-2022
            for p, usd in (("BGD", 300e6), ("VNM", 100e6))
        ]
        recs.append(_indicator(doc, "JPN", "VNM", 2009, "oda_disbursement", 9e12, **dac))  # too old
        recs.append(_indicator(doc, "USA", "VNM", 2020, "aid_commitment", 50e6))  # PLAID rank: only source
        led.import_records(recs, origin="test:flows", source="flows")
    inp = build_inputs(load_scenario("baseline"), seeds_ledger)
    j, u, c = (inp.donors.index(d) for d in ("JPN", "USA", "CHN"))
    vnm, bgd = inp.partners.index("VNM"), inp.partners.index("BGD")
    # Japan's records name Viet Nam far more often than Bangladesh; its flows go 3:1 the other way
    assert inp.pi0[j, bgd] == pytest.approx(0.75) and inp.pi0[j, vnm] == pytest.approx(0.25)
    assert inp.budgets is not None
    jb = inp.budgets["JPN"]
    assert jb["budget_musd"] == pytest.approx(400 * rebase_factor(2022), rel=1e-3)
    assert (jb["years"], jb["amount_basis"], jb["dataset"]) == (
        "2018-2022",
        "disbursement",
        "OECD DAC2A (oecd-dac2a)",
    )
    assert inp.budgets["USA"]["amount_basis"] == "commitment" and inp.pi0[u, vnm] == pytest.approx(1.0)
    # no source covers China: its declared budget, spread evenly, and said so
    assert "declared" in inp.budgets["CHN"]["dataset"]
    assert np.allclose(inp.pi0[c], 1.0 / len(inp.partners))
    first = inp.flow[0, j, 0].sum()  # before partner shares: the budget times the allocation (sums to 1)
    assert first == pytest.approx(jb["budget_musd"], abs=0.06)
    res = sim.run_scenario("baseline", seeds_ledger, runs=4, seed=1, paired=False)
    assert res.meta["budgets_comparable"].startswith("not comparable")


def test_each_shipped_what_if_moves_one_lever_and_says_which() -> None:
    from softpower.simulate.strategies import named_allocations, strategy_groups, strategy_sources

    for name in SHIPPED:
        sc = load_scenario(name)
        assert sc.lever, name
        if name == "baseline":
            assert not sc.changes and not sc.shocks
            continue
        moves = [f for ch in sc.changes for f in ch.fields] + [sh.type for sh in sc.shocks]
        # one lever; the PPP-financed health doubling states its PPP share as part of that lever
        assert len(moves) == 1 or (name == "japan-doubles-health-ppp" and moves == ["ppp", "scale"]), name
    slows = load_scenario("china-lending-slows")
    assert not slows.changes and [sh.instruments for sh in slows.shocks] == [("oda_loan",)]
    # every value of every strategy cites a source (an essay span, gold records, a dataset or "declared")
    for s in strategies():
        for f in ("budget", "growth", "ppp", "equal_footing", "reaction", "allocation"):
            assert strategy_sources()[(s, f)]["source"], (s, f)
    ef = strategy_sources()[("doux-smart-power", "equal_footing")]["source"]
    assert "003_aa97a82a8147fa97.txt[11043:11116]" in ef  # "a space to be heard and seen"
    assert set(strategy_groups()) == {"doux-smart-power", "china-four-level"}
    levels = named_allocations(strategies()["china-four-level"])
    assert sum(1 for g in levels if g.startswith("level ")) == 4 and sum(levels.values()) == pytest.approx(1)


def test_cited_spans_quote_the_seed_essays(shared_dir: Path) -> None:
    import re

    from softpower.simulate.strategies import strategy_groups, strategy_sources

    texts = [r["source"] for r in strategy_sources().values()]
    texts += [r["source"] for r in __import__("csv").DictReader(
        (Path(sim.__file__).parents[1] / "data" / "sim_strategy_groups.csv").read_text().splitlines()
    )]  # fmt: skip
    assert strategy_groups()
    seen = 0
    for text in texts:
        for doc, a, b in re.findall(r"(\d{3}_[0-9a-f]{16}\.txt)\[(\d+):(\d+)\]", text):
            essay = (shared_dir / "corpus" / "seeds" / doc).read_text(encoding="utf-8")
            assert 0 <= int(a) < int(b) <= len(essay), (doc, a, b)
            seen += 1
    assert seen >= 15
    essay = (shared_dir / "corpus" / "seeds" / "003_aa97a82a8147fa97.txt").read_text(encoding="utf-8")
    assert essay[11043:11116].startswith("every nation desires for a space to be heard")
