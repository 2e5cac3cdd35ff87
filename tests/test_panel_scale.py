"""The engagement panel computed inside DuckDB equals the pandas implementation it replaced.

A constructed ledger exercises every rule the statement reimplements: a fact stated by two
documents (one the actor's own government), a group split by the members in force that year
with the actor removed, WORLD left out, a year taken from the document date, an undated fact,
a dataset's record left out when the same import also read the fact in a text, amounts
present and missing, and the ``min_sources`` / ``third_party_only`` filters.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from softpower.ledger import Ledger
from softpower.measure import engagement_panel
from softpower.measure.dyads import PANEL_COLUMNS, collapse_facts, ledger_records, panel_from_facts

KEYS = ["actor", "partner", "year", "instrument", "power_type"]

DOCS = [
    {"id": "text-a", "publisher_kind": "independent_press", "date": "2011-05-01"},
    {"id": "text-b", "publisher_kind": "independent_press", "date": "2012-03-01"},
    {"id": "jp-mofa", "publisher_kind": "government", "publisher_country": "JPN", "date": "2010-01-01"},
    {"id": "table", "publisher_kind": "dataset"},
    {"id": "undated", "publisher_kind": "independent_press"},
]


def _rec(doc: str, actor: str, partners: list[str], year: int | None, **kw: object) -> dict:
    return {
        "doc": doc,
        "kind": "engagement",
        "actor": actor,
        "partners": partners,
        "instrument": kw.pop("instrument", "oda_grant"),
        "year": year,
        **kw,
    }


RECORDS = [
    # one fact, two documents; the second is Japan's own government (self-reported)
    _rec("text-a", "JPN", ["ASEAN"], 1996, amount=3e6, currency="USD"),
    _rec("jp-mofa", "JPN", ["ASEAN"], 1996, amount=3e6, currency="USD"),
    # stated by Japan's government only: self-reported, dropped by third_party_only
    _rec("jp-mofa", "JPN", ["VNM", "WORLD"], 2009, instrument="people_exchange"),
    # the actor is a member of the group: never its own partner
    _rec("text-a", "IDN", ["ASEAN", "VNM"], 2011, amount=5e5, currency="USD", ppp=True),
    # no year in the record: the document's year (2012)
    _rec("text-b", "CHN", ["PHL", "CLMV"], None, equal_footing=True),
    # WORLD only: no dyad
    _rec("text-b", "KOR", ["WORLD"], 2012),
    # no year anywhere: left out
    _rec("undated", "KOR", ["VNM"], None),
    # the same import reads this fact in a text and in a dataset: the dataset's record is left out
    _rec("text-b", "CHN", ["LAO"], 2015, amount=1e6, currency="USD"),
    _rec("table", "CHN", ["LAO"], 2015, amount=1e6, currency="USD"),
    # a dataset alone: kept
    _rec("table", "KOR", ["FJI"], 2014, amount=2e6, currency="USD"),
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("panel") / "l.duckdb"
    with Ledger.open(path) as led:
        led.import_records(RECORDS, DOCS, origin="constructed", source="test")
    return path


@pytest.mark.parametrize(("min_sources", "third"), [(1, False), (2, False), (1, True)])
def test_duckdb_panel_equals_pandas_panel(ledger: Path, min_sources: int, third: bool) -> None:
    new = engagement_panel(ledger, min_sources=min_sources, third_party_only=third)
    with Ledger.open(ledger, read_only=True) as led:
        ref = panel_from_facts(
            collapse_facts(ledger_records(led, "engagement"), min_sources=min_sources, third_party_only=third)
        )
    assert list(new.columns) == list(PANEL_COLUMNS)
    assert len(new) == len(ref) > 0
    assert new[KEYS].astype(str).values.tolist() == ref[KEYS].astype(str).values.tolist()
    np.testing.assert_allclose(
        new[list(PANEL_COLUMNS[5:])].to_numpy(float), ref[list(PANEL_COLUMNS[5:])].to_numpy(float), rtol=1e-12
    )


def test_duckdb_panel_rules(ledger: Path) -> None:
    p = engagement_panel(ledger).set_index(["actor", "partner", "year"])
    # ASEAN in 1996: Vietnam (joined 1995) is a member, Myanmar (1997) not yet
    jpn96 = p.loc["JPN"].xs(1996, level="year")
    assert "VNM" in jpn96.index and "MMR" not in jpn96.index
    assert jpn96["count"].sum() == pytest.approx(1.0)  # one fact, stated twice, counted once
    assert jpn96["self_only"].sum() == 0.0  # a third-party source states it too
    # Indonesia is never its own partner; Vietnam named twice is one state
    idn = p.loc["IDN"].xs(2011, level="year")
    assert "IDN" not in idn.index and idn["count"].sum() == pytest.approx(1.0)
    assert idn.loc["VNM", "count"] == pytest.approx(1 / len(idn))
    # the year of the document when the record has none
    assert 2012 in p.loc["CHN"].index.get_level_values("year")
    # the dataset's copy of the Laos fact is left out (the text states it): one count, not two
    assert p.loc[("CHN", "LAO", 2015), "count"] == pytest.approx(1.0)
    assert p.loc[("KOR", "FJI", 2014), "count"] == pytest.approx(1.0)
    # WORLD-only and undated facts give no row
    assert set(p.loc["KOR"].index.get_level_values("partner")) == {"FJI"}
    # the self-reported-only fact is flagged and dropped by third_party_only
    assert p.loc[("JPN", "VNM", 2009), "self_only"].sum() == pytest.approx(1.0)
    third = engagement_panel(ledger, third_party_only=True)
    assert not ((third["actor"] == "JPN") & (third["year"] == 2009)).any()
    strict = engagement_panel(ledger, min_sources=2)
    assert set(strict["actor"]) == {"JPN"} and set(strict["year"]) == {1996}


@pytest.mark.parametrize("datasets", [False, True])
def test_statement_with_and_without_the_dataset_rule(ledger: Path, tmp_path: Path, datasets: bool) -> None:
    """The dataset-witness rule is left out of the statement only when no dataset document is
    there to apply it to: on a ledger without datasets both statements give the same panel, and
    on the constructed ledger leaving it out would give the Laos fact a second source."""
    from softpower.ledger import bundled_ledger
    from softpower.measure.panel import _engagement_panel_sql

    bundled = bundled_ledger(tmp_path / "b.duckdb")
    with Ledger.open(bundled, read_only=True) as led:
        assert led.con.execute(
            "SELECT count(*) FROM documents WHERE publisher_kind = 'dataset'"
        ).fetchone() == (0,)
        led.con.execute("SET threads = 1")
        got = led.con.execute(_engagement_panel_sql(1, False, datasets=datasets)).df()
        ref = panel_from_facts(collapse_facts(ledger_records(led, "engagement")))
    assert len(got) == len(ref) > 100
    assert got[KEYS].astype(str).values.tolist() == ref[KEYS].astype(str).values.tolist()
    np.testing.assert_allclose(
        got[list(PANEL_COLUMNS[5:])].to_numpy(float), ref[list(PANEL_COLUMNS[5:])].to_numpy(float), rtol=1e-12
    )
    # the Laos fact is read in a text and in a dataset of the same import: with the rule the
    # dataset's copy is left out (one source, so min_sources=2 drops it), without it two sources
    with Ledger.open(ledger, read_only=True) as led:
        strict = led.con.execute(_engagement_panel_sql(2, False, datasets=datasets)).df()
    lao = strict.query("actor == 'CHN' and partner == 'LAO' and year == 2015")
    assert len(lao) == (0 if datasets else 1)


def test_empty_ledger_panel(tmp_path: Path) -> None:
    path = tmp_path / "e.duckdb"
    Ledger.open(path).close()
    assert engagement_panel(path).empty
