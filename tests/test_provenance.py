"""Provenance on real data (compiled dataset rows, survey sponsors), facts not rows, effective years."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from softpower.cli import app
from softpower.ledger import Ledger, export_frame
from softpower.ledger.dates import date_summary, undated_facts
from softpower.ledger.provenance import survey_sponsors
from softpower.records.models import FACT_KEYS

PROJECT = {
    "kind": "engagement",
    "actor": "CHN",
    "partners": ["KHM"],
    "instrument": "oda_loan",
    "year": 2010,
    "amount": 1e6,
    "currency": "USD",
    "name": "Bridge",
}


def _doc(doc_id: str, kind: str, country: str | None, date: str | None = None) -> dict:
    return {
        "id": doc_id,
        "publisher": doc_id,
        "publisher_country": country,
        "publisher_kind": kind,
        "date": date,
    }


def test_compiled_dataset_row_takes_its_sources_provenance(tmp_path: Path) -> None:
    """A project known only from Chinese state media is self-reported; one with an independent
    source is not; the compiling dataset row is not counted as a source of its own."""
    other = {**PROJECT, "name": "Road", "partners": ["LAO"]}
    alone = {**PROJECT, "name": "Dam", "partners": ["VNM"]}
    records = [
        {**PROJECT, "doc": "aiddata:1"},
        {**PROJECT, "doc": "http://xinhuanet.com/a"},
        {**other, "doc": "aiddata:2"},
        {**other, "doc": "http://xinhuanet.com/b"},
        {**other, "doc": "http://phnompenhpost.com/c"},
        {**alone, "doc": "aiddata:3"},  # the dataset names no source: the dataset row stands
    ]
    docs = [
        _doc("aiddata:1", "dataset", "USA"),
        _doc("aiddata:2", "dataset", "USA"),
        _doc("aiddata:3", "dataset", "USA"),
        _doc("http://xinhuanet.com/a", "state_media", "CHN"),
        _doc("http://xinhuanet.com/b", "state_media", "CHN"),
        _doc("http://phnompenhpost.com/c", "independent_press", "KHM"),
    ]
    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records(records, docs, origin="aiddata-gcof", source="t")
        facts = lg.query(
            "SELECT name, n_sources, n_third_party, self_only FROM engagement_facts ORDER BY name"
        )
        rs = lg.query("SELECT doc FROM record_sources ORDER BY doc")
        assert lg.query("SELECT count(*) AS n FROM records")["n"][0] == 6  # nothing deleted
    got = {r.name: (r.n_sources, r.n_third_party, bool(r.self_only)) for r in facts.itertuples()}
    assert got == {"Bridge": (1, 0, True), "Road": (2, 1, False), "Dam": (1, 1, False)}
    assert "aiddata:1" not in set(rs["doc"]) and "aiddata:3" in set(rs["doc"])


def test_government_commissioned_poll_is_the_actors_own(seeds_ledger: Path) -> None:
    assert any(s.sponsor_country == "JPN" and s.sponsor_kind == "government" for s in survey_sponsors())
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        rows = lg.query(
            "SELECT measure, value, self_reported, sponsor FROM record_sources "
            "WHERE kind = 'perception' AND actor = 'JPN' AND year = 2008 ORDER BY measure"
        )
        other = lg.query(
            "SELECT self_reported FROM record_sources WHERE kind = 'perception' AND actor = 'USA'"
        )
    assert list(rows["measure"]) == ["friendly", "positive_image", "trust"]
    assert rows["self_reported"].all() and set(rows["sponsor"]) == {"Ministry of Foreign Affairs of Japan"}
    assert not other["self_reported"].any()  # a poll without a registered sponsor stays as its document says


def test_facts_count_a_fact_once_with_its_sources(seeds_ledger: Path, tmp_path: Path) -> None:
    with Ledger.open(seeds_ledger) as lg:
        before = lg.query("SELECT count(*) AS n FROM engagement_facts")["n"][0]
        rows_before = lg.query("SELECT count(*) AS n FROM engagement")["n"][0]
        # a second document stating an existing fact adds a record, not a fact
        one = export_frame(lg, "engagement").dropna(subset=["year"]).iloc[0]
        rec = {
            k: (None if not isinstance(one[k], str | list) and pd.isna(one[k]) else one[k]) for k in FACT_KEYS
        }
        rec["partners"] = str(one["partners"]).split(";")
        rec["doc"] = "second-source"
        lg.import_records([rec], origin="test", source="t")
        assert lg.query("SELECT count(*) AS n FROM engagement")["n"][0] == rows_before + 1
        assert lg.query("SELECT count(*) AS n FROM engagement_facts")["n"][0] == before


def test_effective_year_from_document_and_undated_listed(tmp_path: Path) -> None:
    base = {"kind": "engagement", "actor": "JPN", "partners": ["VNM"], "instrument": "health_cooperation"}
    records = [
        {**base, "doc": "dated-article", "name": "Clinic"},
        {**base, "doc": "undated-essay", "name": "Lab"},
        {**base, "doc": "undated-essay", "name": "School", "year": 2012},
    ]
    docs = [
        _doc("dated-article", "independent_press", "VNM", "2019-03-02"),
        _doc("undated-essay", "academic", None),
    ]
    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records(records, docs, origin="test", source="t")
        eff = lg.query("SELECT name, effective_year, year_from FROM engagement_facts ORDER BY name")
        assert date_summary(lg) == {"record": 1, "document": 1, "undated": 1}
        und = undated_facts(lg)
    eff["effective_year"] = eff["effective_year"].astype(object).where(eff["effective_year"].notna(), None)
    assert [tuple(r) for r in eff.itertuples(index=False)] == [
        ("Clinic", 2019, "document"),
        ("Lab", None, "undated"),
        ("School", 2012, "record"),
    ]
    assert list(und["name"]) == ["Lab"]
    assert und["would_add"][0] == "one health_cooperation engagement of JPN toward VNM (no amount)"
    res = CliRunner().invoke(app, ["ledger", "stats", "--ledger", str(path)])
    assert res.exit_code == 0 and "dated from their document" in res.stdout
    res = CliRunner().invoke(app, ["ledger", "undated", "--ledger", str(path), "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.count("\n") == 2 and "undated-essay" in res.stdout


def test_named_poll_is_not_matched_by_design(tmp_path: Path) -> None:
    """A Pew figure on Japan among Indonesians in 2008 fits the MOFA poll's design but names its pollster."""
    rec = {
        "doc": "pew-favourability:2008",
        "kind": "perception",
        "actor": "JPN",
        "partners": ["IDN"],
        "measure": "favourable",
        "value": 0.77,
        "year": 2008,
        "name": "Pew Research Center Global Attitudes Survey",
    }
    unnamed = {**rec, "doc": "essay", "name": None, "value": 0.9}
    docs = [_doc("pew-favourability:2008", "think_tank", "USA"), _doc("essay", "academic", None)]
    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records([rec, unnamed], docs, origin="test", source="t")
        got = lg.query("SELECT doc, self_reported, sponsor FROM record_sources ORDER BY doc")
    assert list(got["self_reported"]) == [True, False]  # essay (unnamed, by design), then Pew
    assert got["sponsor"].iloc[1] == "Pew Research Center"


def _readme_query(marker: str) -> str:
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if marker in ln and "softpower ledger query" in ln)
    return line.split('"')[1]


def test_readme_loan_query_counts_facts_not_rows(tmp_path: Path) -> None:
    """The README's 'Chinese loans' query counts each project once, however many sources cite it."""
    from softpower.ledger import import_batch

    sample = Path(__file__).resolve().parent / "fixtures" / "aiddata" / "gcof"
    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        import_batch(lg, "aiddata-gcof", sample)
        projects = lg.query(
            "SELECT count(DISTINCT doc) AS n FROM engagement WHERE actor = 'CHN' AND instrument = 'oda_loan' "
            "AND doc LIKE 'aiddata-gcof-1.0:%'"
        )["n"][0]
        rows = lg.query(
            "SELECT count(*) AS n FROM engagement WHERE actor = 'CHN' AND instrument = 'oda_loan'"
        )["n"][0]
    res = CliRunner().invoke(
        app, ["ledger", "query", _readme_query("loan_facts"), "--ledger", str(path), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    facts = __import__("json").loads(res.stdout)[0]["loan_facts"]
    assert facts == projects and rows > facts  # one fact per project; rows count every cited source
