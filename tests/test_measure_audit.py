"""Known answers for the new measure steps: skew treatment, PCA/alpha, the DuckDB panel,
group rules, coverage flags, explanations and byte-identical outputs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from softpower.measure import audit, explain, leaders_table, run_index


def test_symmetric_data_need_no_treatment() -> None:
    x = np.linspace(-1, 1, 101)
    t = audit.decide(x)
    assert t.method == "none" and abs(t.skew_before) < 1e-9


def test_one_outlier_is_winsorised_once() -> None:
    x = np.r_[np.linspace(0, 1, 50), 100.0]
    assert audit.fails_rule(x)
    t = audit.decide(x)
    assert (t.method, t.param) == ("winsorise", 1.0)
    assert audit.apply(x, t).max() == pytest.approx(1.0)  # capped at the second largest
    assert not audit.fails_rule(audit.apply(x, t))


def test_a_long_tail_is_logged() -> None:
    x = np.exp(np.random.default_rng(0).normal(0, 2.5, 2000))
    t = audit.decide(x)
    assert t.method == "log"
    assert t.param == pytest.approx(np.median(x))
    assert abs(t.skew_after) < 2  # the log of a log-normal is normal


def test_pca_and_alpha_on_constructed_columns() -> None:
    # two perfectly correlated columns: one component carries everything, alpha = 1
    a = np.arange(20.0)
    s = audit.structure(np.stack([a, 2 * a + 1], axis=1), ["a", "b"])
    assert s["eigenvalues"] == pytest.approx([2.0, 0.0], abs=1e-9)
    assert s["first_component_share"] == pytest.approx(1.0)
    assert s["alpha"] == pytest.approx(1.0)
    # three orthogonal +-1 columns (Hadamard): uncorrelated, equal eigenvalues, alpha = 0
    h = np.array([[1, 1, 1, 1], [1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]], dtype=float)
    x = np.tile(h[:, 1:], (3, 1))
    s = audit.structure(x, ["a", "b", "c"])
    assert s["eigenvalues"] == pytest.approx([1.0, 1.0, 1.0])
    assert s["first_component_share"] == pytest.approx(1 / 3)
    assert s["alpha"] == pytest.approx(0.0, abs=1e-9)
    assert audit.structure(x[:5], ["a", "b", "c"])["note"].startswith("5 cells")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from softpower.ledger import bundled_ledger

    return Path(bundled_ledger(tmp_path_factory.mktemp("audit") / "l.duckdb"))


def test_duckdb_panel_equals_the_pandas_reference(ledger: Path) -> None:
    from softpower.ledger import Ledger
    from softpower.measure.dyads import collapse_facts, ledger_records, panel_from_facts
    from softpower.measure.panel import engagement_rows, load_panel

    with Ledger.open(ledger, read_only=True) as led:
        sql = engagement_rows(load_panel(led))
        ref = panel_from_facts(collapse_facts(ledger_records(led, "engagement")))
    keys = ["actor", "partner", "year", "instrument", "power_type"]
    m = sql.merge(ref, on=keys, how="outer", suffixes=("_sql", "_ref"), indicator=True)
    assert (m["_merge"] == "both").all()
    for col in ("count", "usd_const", "usd_missing", "ppp", "equal_footing", "self_only"):
        np.testing.assert_allclose(m[f"{col}_sql"], m[f"{col}_ref"], rtol=1e-9, atol=1e-6)


def _rec(actor: str, partners: list[str], instrument: str, doc: str, year: int = 2010) -> dict:
    return {
        "doc": doc, "kind": "engagement", "actor": actor, "partners": partners, "instrument": instrument,
        "year": year, "ppp": False, "equal_footing": False,
    }  # fmt: skip


def test_a_member_is_never_its_own_partner(tmp_path: Path) -> None:
    from softpower.ledger import Ledger
    from softpower.measure.panel import load_panel

    path = tmp_path / "g.duckdb"
    recs = [
        _rec("JPN", ["APT"], "technical_cooperation", "a.txt"),  # Japan is an APT member
        _rec("CHN", ["CHN", "VNM"], "oda_grant", "a.txt"),
    ]
    with Ledger.open(path) as lg:
        lg.import_records(recs, [{"id": "a.txt", "title": "t"}], origin="test", source="test")
    with Ledger.open(path, read_only=True) as led:
        eng = load_panel(led).engagement
    assert not (eng["actor"] == eng["partner"]).any()
    jpn = eng.loc[eng["actor"] == "JPN"]
    assert "JPN" not in set(jpn["partner"]) and jpn["count_equal"].sum() == pytest.approx(1.0)
    assert set(eng.loc[eng["actor"] == "CHN", "partner"]) == {"VNM"}
    res = run_index(path, mc=0)
    assert not (res.dyads["actor"] == res.dyads["partner"]).any()
    assert not res.leaders.loc[res.leaders["partner"] == "CHN", "leader"].eq("CHN").any()


def test_a_run_without_draws_gives_each_nominal_leader_a_lead_share_of_one(ledger: Path) -> None:
    # with no Monte Carlo the probability of leading is the nominal call itself: 1 for the one
    # leader of a partner-year, 0 for every other donor there (never missing)
    res = run_index(ledger, mc=0)
    dy = res.dyads
    assert np.isin(dy["lead_share"].to_numpy(), [0.0, 1.0]).all()
    ones = dy.loc[dy["lead_share"] == 1.0]
    assert len(ones) > 0 and (ones["rank"] == 1).all()
    assert not ones.duplicated(["partner", "year"]).any()
    single = res.leaders.loc[
        res.leaders["leader"].notna() & ~res.leaders["leader"].str.contains("+", regex=False)
    ]
    got = set(ones[["partner", "year", "actor"]].itertuples(index=False, name=None))
    assert got == set(single[["partner", "year", "leader"]].itertuples(index=False, name=None))


def test_explanations_add_up_and_leaders_say_what_they_rest_on(ledger: Path) -> None:
    res = run_index(ledger, mc=0)
    lt = leaders_table(res)
    assert lt.equals(res.leaders)
    row = lt.loc[lt["leader"].notna()].iloc[0]
    ex = explain(res, row["partner"], int(row["year"]))
    sums = ex.groupby("actor")["contribution"].sum()
    scores = ex.drop_duplicates("actor").set_index("actor")["score"]
    pd.testing.assert_series_equal(sums, scores.loc[sums.index], check_names=False)
    # unobserved indicators have no value and no source
    miss = ex.loc[ex["source"] == ""]
    assert miss["value"].isna().all()
    thin = lt.loc[lt["leader"].notna() & (lt["support"] < 2)]
    assert len(thin) and thin["note"].str.contains("fewer than 2").all()
    firm = lt.loc[lt["leader"].notna() & (lt["support"] >= 2)]
    assert not firm["note"].str.contains("fewer than 2").any()
    single = lt.loc[lt["n_compared"] == 1]
    assert (~single["comparable"]).all() and single["note"].str.contains("only donor observed").all()


def test_same_seed_gives_byte_identical_json(ledger: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from softpower.cli import app

    outs = []
    for i in range(2):
        out = tmp_path / f"{i}.json"
        res = CliRunner().invoke(
            app,
            [
                "index",
                "--ledger",
                str(ledger),
                "--mc",
                "60",
                "--seed",
                "4",
                "--format",
                "json",
                "--deterministic",
            ]
            + ["-o", str(out)],
        )
        assert res.exit_code == 0, res.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert "timings" not in json.loads(outs[0])


def test_fast_leaders_equal_the_sorted_ranks(ledger: Path) -> None:
    res = run_index(ledger, mc=0)
    m = res.model
    u = np.random.default_rng(0).random((20, m.n_factors))
    d = m.from_uniform(u)
    for i in range(len(d)):
        s = m.score_one(d, i)
        assert (m.ranks(s)[1] == m.leaders(s)).all()
