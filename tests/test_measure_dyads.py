"""Dyad panel: facts counted once, group split rule, source filters."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from softpower.measure import engagement_panel
from softpower.measure.dyads import PANEL_COLUMNS, collapse_facts, panel_from_facts
from softpower.records.vocab import members


def _records(rows: list[dict]) -> pd.DataFrame:
    base = {
        "kind": "engagement",
        "instrument": "oda_grant",
        "power_type": "economic",
        "metric": None,
        "unit": None,
        "measure": None,
        "amount_usd_const": None,
        "value": None,
        "ppp": False,
        "equal_footing": False,
        "self_reported": False,
    }
    return pd.DataFrame([{**base, **r} for r in rows])


def test_fact_stated_twice_counts_once_and_keeps_amount() -> None:
    recs = _records(
        [
            {
                "record_id": "a",
                "fact_key": "f1",
                "doc": "d1",
                "actor": "JPN",
                "partners": ["VNM"],
                "year": 2008,
            },
            {
                "record_id": "b",
                "fact_key": "f1",
                "doc": "d2",
                "actor": "JPN",
                "partners": ["VNM"],
                "year": 2008,
                "amount_usd_const": 5e6,
                "ppp": True,
            },
        ]
    )
    facts = collapse_facts(recs)
    assert len(facts) == 1 and facts.loc[0, "n_sources"] == 2
    panel = panel_from_facts(facts)
    assert list(panel.columns) == list(PANEL_COLUMNS)
    row = panel.iloc[0]
    assert (row["count"], row["usd_const"], row["usd_missing"], row["ppp"]) == (1.0, 5e6, 0.0, 1.0)


def test_group_split_equal_shares_over_members_in_force() -> None:
    # ASEAN had 5 members in 1980 and 10 in 2008 (Brunei 1984, Vietnam 1995, Laos/Myanmar 1997, Cambodia 1999).
    recs = _records(
        [
            {
                "record_id": "a",
                "fact_key": "f1",
                "doc": "d",
                "actor": "JPN",
                "partners": ["ASEAN"],
                "year": 1980,
                "amount_usd_const": 10.0,
            },
            {
                "record_id": "b",
                "fact_key": "f2",
                "doc": "d",
                "actor": "JPN",
                "partners": ["ASEAN"],
                "year": 2008,
            },
        ]
    )
    panel = panel_from_facts(collapse_facts(recs))
    y80 = panel[panel["year"] == 1980]
    assert sorted(y80["partner"]) == members("ASEAN", 1980) and len(y80) == 5
    np.testing.assert_allclose(y80["count"], 0.2)
    np.testing.assert_allclose(y80["usd_const"], 2.0)
    y08 = panel[panel["year"] == 2008]
    assert len(y08) == 10 and y08["count"].sum() == pytest.approx(1.0)
    np.testing.assert_allclose(y08["usd_missing"], 0.1)


def test_actor_removed_world_and_undated_left_out() -> None:
    recs = _records(
        [
            {
                "record_id": "a",
                "fact_key": "f1",
                "doc": "d",
                "actor": "JPN",
                "partners": ["APT"],
                "year": 2008,
            },
            {
                "record_id": "b",
                "fact_key": "f2",
                "doc": "d",
                "actor": "JPN",
                "partners": ["WORLD"],
                "year": 2008,
            },
            {
                "record_id": "c",
                "fact_key": "f3",
                "doc": "d",
                "actor": "JPN",
                "partners": ["VNM"],
                "year": None,
            },
        ]
    )
    panel = panel_from_facts(collapse_facts(recs))
    assert "JPN" not in set(panel["partner"]) and len(panel) == 12  # ASEAN 10 + CHN + KOR
    assert panel["count"].sum() == pytest.approx(1.0)


def test_source_filters() -> None:
    recs = _records(
        [
            {
                "record_id": "a",
                "fact_key": "f1",
                "doc": "gov",
                "actor": "CHN",
                "partners": ["KHM"],
                "year": 2008,
                "self_reported": True,
            },
            {
                "record_id": "b",
                "fact_key": "f2",
                "doc": "gov",
                "actor": "CHN",
                "partners": ["LAO"],
                "year": 2008,
                "self_reported": True,
            },
            {
                "record_id": "c",
                "fact_key": "f2",
                "doc": "press",
                "actor": "CHN",
                "partners": ["LAO"],
                "year": 2008,
            },
        ]
    )
    assert collapse_facts(recs)["self_only"].tolist() == [True, False]
    assert collapse_facts(recs, third_party_only=True)["fact_key"].tolist() == ["f2"]
    assert collapse_facts(recs, min_sources=2)["fact_key"].tolist() == ["f2"]
    assert panel_from_facts(collapse_facts(recs))["self_only"].tolist() == [1.0, 0.0]


def test_bundled_ledger_panel(tmp_path) -> None:
    from softpower.ledger import bundled_ledger

    path = bundled_ledger(tmp_path / "l.duckdb")
    panel = engagement_panel(path)
    assert list(panel.columns) == list(PANEL_COLUMNS)
    assert set(panel["actor"]) >= {"JPN", "CHN"}
    assert (panel["actor"] != panel["partner"]).all()
    assert not panel.duplicated(["actor", "partner", "year", "instrument"]).any()
    # every fact contributes exactly one count: fractional shares sum to whole numbers per fact
    assert panel["count"].sum() == pytest.approx(round(panel["count"].sum()))
    strict = engagement_panel(path, min_sources=2)
    assert strict["count"].sum() < panel["count"].sum()


@given(
    partners=st.lists(
        st.sampled_from(["ASEAN", "CLMV", "PIC", "APT", "EAS", "VNM", "IDN", "JPN", "FJI"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    year=st.integers(min_value=1967, max_value=2025),
    amount=st.one_of(st.none(), st.floats(min_value=1.0, max_value=1e10)),
)
@settings(max_examples=60, deadline=None)
def test_split_rule_conserves_each_fact(partners: list[str], year: int, amount: float | None) -> None:
    recs = _records(
        [{"record_id": "a", "fact_key": "f", "doc": "d", "actor": "JPN", "partners": partners, "year": year,
          "amount_usd_const": amount}]
    )  # fmt: skip
    panel = panel_from_facts(collapse_facts(recs))
    if panel.empty:  # only the actor itself, or groups with no member that year
        return
    assert panel["count"].sum() == pytest.approx(1.0)
    assert panel["usd_const"].sum() == pytest.approx(amount or 0.0)
    assert panel["usd_missing"].sum() == pytest.approx(0.0 if amount else 1.0)
    assert "JPN" not in set(panel["partner"]) and panel["partner"].is_unique
