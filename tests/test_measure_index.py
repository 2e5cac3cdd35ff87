"""run_index on the bundled ledger, the DSPD profile, validity and bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from softpower.errors import InputError, SoftpowerError
from softpower.measure import IndexResult, dspd_profile, explain, load_framework, parse_framework, run_index
from softpower.measure.validity import perception_validity


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from softpower.ledger import bundled_ledger

    return Path(bundled_ledger(tmp_path_factory.mktemp("measure") / "l.duckdb"))


@pytest.fixture(scope="module")
def result(ledger: Path) -> IndexResult:
    return run_index(ledger, mc=200, seed=0)


def test_json_object_has_the_contract_fields(result: IndexResult) -> None:
    d = result.to_dict()
    assert set(d) >= {"dyads", "actors", "profiles", "sensitivity", "validity", "leaders", "meta"}
    assert set(d["dyads"][0]) >= {"actor", "partner", "year", "score", "rank", "rank_lo", "rank_hi"}
    assert set(d["profiles"][0]) >= {
        "actor", "year", "smart_share", "ppp_share", "equal_footing_share", "hard_share", "continuity", "coverage"
    }  # fmt: skip
    assert {s["choice"] for s in d["sensitivity"]} == {
        "data_source", "indicator_set", "split_rule", "imputation", "normalisation", "aggregation",
        "half_life", "missing_amounts", "weights",
    }  # fmt: skip
    assert "timings" in d and "timings" not in result.to_dict(deterministic=True)
    assert {r["indicator"] for r in d["audit"]["indicators"]} == set(d["meta"]["indicators"])
    assert d["meta"]["choices"]["normalisation"] == "minmax"


def test_dyads_ranks_and_intervals_are_consistent(result: IndexResult) -> None:
    dy = result.dyads
    assert (dy["actor"] != dy["partner"]).all()
    assert ((dy["rank_lo"] <= dy["rank_median"]) & (dy["rank_median"] <= dy["rank_hi"])).all()
    assert dy["rank"].between(1, len(result.meta["actors"])).all()
    # the rank is 1 + the number of actors with a strictly higher score in that partner and year
    for _, g in dy.groupby(["partner", "year"]):
        s = g["score"].to_numpy()
        assert (g["rank"].to_numpy() == 1 + (s[None, :] > s[:, None]).sum(axis=1)).all()
    # actor totals are the sums of dyad scores over partners
    tot = dy.groupby(["actor", "year"])["score"].sum()
    act = result.actors.set_index(["actor", "year"])["total"]
    np.testing.assert_allclose(act.loc[tot.index], tot)


def test_leaders_name_the_top_actor(result: IndexResult) -> None:
    top = result.dyads.loc[result.dyads["rank"] == 1]
    for r in result.leaders.sample(20, random_state=0).itertuples():
        names = sorted(top.loc[(top["partner"] == r.partner) & (top["year"] == r.year), "actor"])
        if r.leader is None:  # every compared actor ties: nobody leads
            assert len(names) == r.n_compared > 1
        else:
            assert sorted(r.leader.split("+")) == names
        assert r.margin >= 0


def test_seeded_reproducible_and_weights_override(ledger: Path, result: IndexResult) -> None:
    again = run_index(ledger, mc=200, seed=0)
    pd.testing.assert_frame_equal(again.dyads, result.dyads)
    only_security = {
        "economic_ties": 0,
        "people_culture": 0,
        "smart_cooperation": 0,
        "diplomatic_standing": 0,
    }
    w = run_index(ledger, mc=0, weights={**only_security, "security_ties": 1.0})
    assert w.meta["weights"]["security_ties"] == 1.0
    # with all weight on security ties, only cells observed on that pillar score
    assert len(w.dyads) < len(result.dyads)
    assert (w.dyads["rank_lo"] == w.dyads["rank"]).all()  # mc=0: intervals collapse


def test_year_filter(ledger: Path) -> None:
    y = run_index(ledger, year=2008, mc=50)
    assert set(y.dyads["year"]) == {2008} and set(y.profiles["year"]) == {2008}


def _record(actor: str, partner: str, instrument: str, doc: str) -> dict:
    return {
        "doc": doc, "kind": "engagement", "actor": actor, "partners": [partner], "instrument": instrument,
        "metric": None, "unit": None, "measure": None, "year": 2010, "year_end": None, "amount": None,
        "currency": None, "value": None, "name": None, "ppp": False, "equal_footing": False, "span": None,
        "quote": None,
    }  # fmt: skip


def test_source_filters_move_results(tmp_path: Path) -> None:
    from softpower.ledger import Ledger

    docs = [
        {"id": "gov.txt", "publisher": "MOFA", "publisher_country": "CHN", "publisher_kind": "government"},
        {
            "id": "press.txt",
            "publisher": "A paper",
            "publisher_country": "GBR",
            "publisher_kind": "independent_press",
        },
    ]
    recs = [
        _record("CHN", "KHM", "oda_grant", "gov.txt"),  # self-reported only
        _record("CHN", "LAO", "oda_grant", "gov.txt"),
        _record("CHN", "LAO", "oda_grant", "press.txt"),  # same fact, second (third-party) source
        _record("JPN", "KHM", "oda_grant", "press.txt"),
        _record("JPN", "LAO", "science_cooperation", "press.txt"),
    ]
    with Ledger.open(tmp_path / "s.duckdb") as lg:
        lg.import_records(recs, docs, origin="test", source="test")
    base = run_index(tmp_path / "s.duckdb", mc=0)
    assert base.meta["facts"] == {"engagement": 4, "undated": 0, "world_only": 0, "self_reported_only": 1}
    khm = base.leaders.set_index("partner").loc["KHM"]
    assert khm["leader"] is None and khm["margin"] == 0  # one fact each: a tie, nobody leads
    third = run_index(tmp_path / "s.duckdb", mc=0, third_party_only=True).leaders.set_index("partner")
    assert third.loc["KHM", "leader"] == "JPN"
    two = run_index(tmp_path / "s.duckdb", mc=0, min_sources=2)
    assert two.meta["actors"] == ["CHN"] and two.meta["partners"] == ["LAO"]


def test_validity_says_when_data_are_too_few(result: IndexResult) -> None:
    assert "too few data to judge" in result.validity["summary"]
    scores = pd.DataFrame({"actor": ["JPN"] * 6, "partner": list("ABCDEF"), "year": 2008, "score": range(6)})
    perc = scores.rename(columns={"score": "value"}).assign(
        name="trust", value=[0.1, 0.3, 0.2, 0.5, 0.6, 0.9]
    )
    v = perception_validity(scores, perc)
    assert v["years"][0]["rho"] == pytest.approx(0.9428571428571428)  # one swapped pair among six


def test_dspd_profile_known_answers() -> None:
    rows = [
        # actor, partner, year, instrument, count, ppp, equal_footing
        ("JPN", "VNM", 2007, "health_cooperation", 1.0, 1.0, 0.0),
        ("JPN", "VNM", 2008, "health_cooperation", 1.0, 0.0, 1.0),
        ("JPN", "VNM", 2008, "security_agreement", 1.0, 0.0, 0.0),
        ("JPN", "PHL", 2008, "oda_grant", 2.0, 0.0, 0.0),
    ]
    panel = pd.DataFrame(
        rows, columns=["actor", "partner", "year", "instrument", "count", "ppp", "equal_footing"]
    )
    prof = dspd_profile(panel.assign(power_type="", usd_const=0.0, usd_missing=0.0)).set_index("year")
    y8 = prof.loc[2008]
    assert y8["engagements"] == 4.0
    assert (y8["smart_share"], y8["hard_share"], y8["equal_footing_share"], y8["ppp_share"]) == (
        0.25,
        0.25,
        0.25,
        0,
    )
    assert y8["continuity"] == 1.5  # VNM two unbroken years, PHL one
    assert y8["coverage"] == 2 and prof.loc[2007, "ppp_share"] == 1.0


def test_default_framework_loads() -> None:
    fw = load_framework()
    assert sum(fw.weights().values()) == pytest.approx(1.0)
    assert len(fw.pillars) == 5 and fw.half_life == 10


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("pillars:\n  a:\n    weight: 1\n    indicators: [count:economic, count:cheese]\n", "f.yaml:4: pillars.a.indicators: unknown indicator 'count:cheese'"),
        ("pillars:\n  a: {weight: 0.5, indicators: [count:all]}\n  b: {weight: 0.4, indicators: [count:hard]}\n", "weights sum to 0.9"),
        ("pillars:\n  a: {weight: 1.2, indicators: [count:all]}\n  b: {weight: -0.2, indicators: [count:hard]}\n", "f.yaml:3: b.weight: negative weight -0.2"),
        ("pillars:\n  a: {indicators: [count:all]}\nnormalisation: log\n", "f.yaml:3: normalisation: unknown method 'log'"),
    ],
)  # fmt: skip
def test_bad_framework_is_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_framework(text, "f.yaml")
    assert message in str(exc.value) and "\n" not in str(exc.value) and exc.value.exit_code == 2


def test_bad_run_inputs(ledger: Path, tmp_path: Path) -> None:
    with pytest.raises(
        SoftpowerError, match=r"--year 1900: no data observed that year \(expected one of 1977"
    ):
        run_index(ledger, year=1900, mc=0)
    with pytest.raises(InputError, match="weights sum to 0.5"):
        run_index(ledger, mc=0, weights={p: 0.1 for p in load_framework().pillar_names})
    from softpower.ledger import Ledger

    with Ledger.open(tmp_path / "empty.duckdb"):
        pass
    with pytest.raises(SoftpowerError, match="no dated record with a partner state"):
        run_index(tmp_path / "empty.duckdb", mc=0)


def test_weights_override_wins_over_equal_weighting(ledger: Path, tmp_path: Path) -> None:
    fw = tmp_path / "eq.yaml"
    fw.write_text(
        "weighting: equal\npillars:\n  a: {indicators: [count:economic]}\n  b: {indicators: [count:smart]}\n"
    )
    eq = run_index(ledger, framework=fw, mc=0)
    assert eq.meta["weights"] == {"a": 0.5, "b": 0.5}
    user = run_index(ledger, framework=fw, mc=0, weights={"a": 1.0, "b": 0.0})
    assert user.meta["weights"] == {"a": 1.0, "b": 0.0} and user.meta["choices"]["weighting"] == "user"


def test_progress_reports_every_draw(ledger: Path) -> None:
    seen: list[tuple[int, int]] = []
    run_index(ledger, mc=100, year=2008, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 100
    assert all(b[0] > a[0] for a, b in zip(seen, seen[1:], strict=False))


def test_geometric_framework_with_missing_values(ledger: Path, tmp_path: Path) -> None:
    fw = tmp_path / "geo.yaml"
    fw.write_text(
        "aggregation: geometric\nimputation: none\nnormalisation: rank\npillars:\n"
        "  a: {weight: 0.5, indicators: [count:all, roots:all]}\n"
        "  b: {weight: 0.5, indicators: ['indicator:projects', 'perception:any']}\n"
    )
    res = run_index(ledger, framework=fw, mc=64, seed=2)
    assert res.meta["choices"]["aggregation"] == "geometric"
    assert res.dyads["score"].notna().all() and (res.dyads["score"] >= 0).all()
    assert (
        (res.dyads["rank_lo"] <= res.dyads["rank_median"])
        & (res.dyads["rank_median"] <= res.dyads["rank_hi"])
    ).all()


def test_validity_of_a_year_without_polls_says_so() -> None:
    """``--year 2015`` on a ledger polled in 2008: not "too few data" about poll years not shown."""
    scores = pd.DataFrame({"actor": ["JPN"] * 6, "partner": list("ABCDEF"), "year": 2015, "score": range(6)})
    perc = scores.rename(columns={"score": "value"}).assign(year=2008, name="trust", value=0.5)
    v = perception_validity(scores, perc)
    assert v["years"] == []
    assert v["summary"] == (
        "no perception records in the year(s) measured: validity cannot be judged (polls in 2008)"
    )


def test_default_framework_counts_diplomatic_posts(tmp_path: Path) -> None:
    """Lowy Global Diplomacy Index posts (``ledger import --from lowy-gdi``) feed diplomatic standing."""
    from softpower.ledger import Ledger, bundled_ledger

    path = Path(bundled_ledger(tmp_path / "l.duckdb"))
    before = run_index(path, mc=0, year=2008).dyads.set_index(["actor", "partner"])["score"]
    posts = [
        {"doc": "lowy-gdi:2008", "kind": "indicator", "actor": actor, "partners": ["VNM"],
         "metric": "diplomatic_posts", "unit": "count", "value": n, "year": 2008}
        for actor, n in (("JPN", 1.0), ("CHN", 4.0))
    ]  # fmt: skip
    with Ledger.open(path) as lg:
        lg.import_records(posts, [{"id": "lowy-gdi:2008", "title": "posts"}], origin="test", source="test")
    res = run_index(path, mc=0, year=2008)
    after = res.dyads.set_index(["actor", "partner"])["score"]
    assert after.loc[("CHN", "VNM")] > before.get(("CHN", "VNM"), 0.0)
    # min-max over the year's cells: CHN's 4 posts are the frontier (1), JPN's 1 post the floor (0)
    ex = explain(res, "VNM", 2008).set_index(["actor", "indicator"])
    assert ex.loc[("CHN", "indicator:diplomatic_posts"), "value"] == pytest.approx(1.0)
    assert ex.loc[("JPN", "indicator:diplomatic_posts"), "value"] == pytest.approx(0.0)
    assert ex.loc[("CHN", "indicator:diplomatic_posts"), "raw"] == pytest.approx(4.0)
    # contributions add up to each donor's score
    sums = ex.groupby(level="actor")["contribution"].sum()
    for actor in ("CHN", "JPN"):
        assert sums[actor] == pytest.approx(after.loc[(actor, "VNM")])


def test_joint_leaders_margin_is_their_lead_over_the_runner_up() -> None:
    from softpower.measure import leaders_table

    dyads = pd.DataFrame(
        {
            "actor": ["CHN", "KOR", "SGP"],
            "partner": "JPN",
            "year": 2023,
            "score": [0.007, 0.007, 0.0],
            "rank": [1, 1, 3],
            "lead_share": [1.0, 1.0, 0.0],
        }
    )
    row = leaders_table(dyads).iloc[0]
    assert row["leader"] == "CHN+KOR" and row["runner_up"] == "SGP"
    assert row["margin"] == pytest.approx(0.007)  # was 0: "leads SGP by 0.000"


def test_unknown_method_lists_the_registry_plainly(tmp_path: Path) -> None:
    fw = tmp_path / "fw.yaml"
    fw.write_text("pillars:\n  a: {weight: 1, indicators: [count:all]}\nnormalisation: foo\n")
    with pytest.raises(InputError) as err:
        load_framework(fw)
    assert str(err.value).endswith(
        "normalisation: unknown method 'foo' (expected one of minmax, zscore, rank, frontier)"
    )
