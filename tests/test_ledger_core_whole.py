"""Whole outputs of the ledger's core (``bundled``, ``provenance``, ``migrations``, ``store``):
every table and meta row of a ledger after it is created, after each migration step, after the
bundled import, a re-import and a refused import; every answer of the survey registry and each
of its refusals as the whole line; each refusal of ``Ledger.open`` and of a failed write.

The expected ledger contents live in ``tests/expected/ledger/`` (``python
tests/test_ledger_core_whole.py --write`` regenerates them; a diff there is a change of
behaviour, reviewed like code). How they were read: ``schema.json`` column by column against
the SQL of ``softpower.ledger.migrations`` (each step adds exactly the tables, columns and views
its SQL names); ``bundled.json`` by comparing its records with ``seed_records.jsonl`` in
:func:`test_bundled_records_are_the_shipped_file_row_by_row` (an independent reading of the file
with :mod:`json`) and its documents with ``seed_documents.csv`` (written out in this file).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pytest

from softpower.errors import InputError, LedgerError
from softpower.ledger import migrations, provenance
from softpower.ledger.bundled import BUNDLED_ORIGIN, bundled_ledger, import_bundled, seed_documents
from softpower.ledger.dates import date_summary, undated_facts
from softpower.ledger.store import Ledger, LedgerBusy
from softpower.records import vocab

EXPECTED = Path(__file__).parent / "expected" / "ledger"

#: The five seed essays' metadata, as ``seed_documents.csv`` holds it (every key, in order).
SEED_DOCUMENTS = [
    {
        "id": "000_a02d9b5fb81b6bbc.txt",
        "title": "Japan's Doux Smart Power Diplomacy and the Future of Health Security in the Indo-Pacific",
        "author": "Kathryn Ibata-Arens",
        "publisher": "Leiden University (blog post)",
        "publisher_country": "NLD",
        "publisher_kind": "academic",
        "date": None,
        "url": None,
        "text_length": 8329,
        "sha256": "338ecc067931f967be6da14c15abd3181d636b9d2bc69a52c4a51bb7cae6ec45",
    },
    {
        "id": "001_00b2df7048f83164.txt",
        "title": "The Courteous Charmer: A Hard Look at Japan's Soft Power in Southeast Asia",
        "author": None,
        "publisher": None,
        "publisher_country": None,
        "publisher_kind": "unknown",
        "date": None,
        "url": None,
        "text_length": 2407,
        "sha256": "3393967dd2a91657f59c9c91e0273b76f4c8a8a5208c4941ab5ec73e21348d47",
    },
    {
        "id": "002_9e022fd9c3939733.txt",
        "title": "The United States and Japan Should Engage",
        "author": "Elyse Mark",
        "publisher": None,
        "publisher_country": None,
        "publisher_kind": "unknown",
        "date": None,
        "url": None,
        "text_length": 7954,
        "sha256": "494fd98b261fcf518be29acd5a4ebb4d2e753117900b86b1354e7089adb0cf89",
    },
    {
        "id": "003_aa97a82a8147fa97.txt",
        "title": "Diplomatic Overdrive: Japan trying to upgrade relations with nations without providing "
        "space for equal partnerships",
        "author": "Natasha Agarwal",
        "publisher": None,
        "publisher_country": None,
        "publisher_kind": "independent_press",
        "date": None,
        "url": None,
        "text_length": 18207,
        "sha256": "9f7af7944c4dbae3993df9e5ab5fb9e45bcd878ea63207279f6cf43ac34e1b24",
    },
    {
        "id": "004_693c1fe565f755cc.txt",
        "title": "Soft Power Politics in the Asia Pacific: Chinese and Japanese Quests for Regional Leadership",
        "author": "H. H. Michael Hsiao; Alan Yang",
        "publisher": "The Asia-Pacific Journal: Japan Focus",
        "publisher_country": None,
        "publisher_kind": "academic",
        "date": "2009-02-17",
        "url": None,
        "text_length": 32618,
        "sha256": "d65dfd6e3753e8d6e522ffd0fabaef76a9b164ed52aaaae4cd30456de7994826",
    },
]

#: Tables and views of a ledger with every migration applied.
TABLES = {
    "documents": "BASE TABLE",
    "engagement": "VIEW",
    "engagement_facts": "VIEW",
    "facts": "VIEW",
    "group_members": "BASE TABLE",
    "indicator": "VIEW",
    "indicator_facts": "VIEW",
    "perception": "VIEW",
    "perception_facts": "VIEW",
    "record_sources": "VIEW",
    "records": "BASE TABLE",
    "schema_migrations": "BASE TABLE",
    "survey_sponsors": "BASE TABLE",
}
MIGRATION_NAMES = [
    "0001_records_and_documents",
    "0002_views",
    "0003_group_members",
    "0004_money_basis",
    "0005_provenance_and_dates",
    "0006_sponsor_by_name_first",
]


# -- dumping a ledger -------------------------------------------------------------------------
def _plain(v: Any) -> Any:
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    if isinstance(v, float) and math.isnan(v):
        return "NaN"
    return v


def schema(con: duckdb.DuckDBPyConnection) -> dict[str, list[list[Any]]]:
    """Every table and view: its columns in order with type, nullability and default."""
    rows = con.execute(
        "SELECT c.table_name, t.table_type, c.column_name, c.data_type, c.is_nullable, c.column_default "
        "FROM information_schema.columns c JOIN information_schema.tables t USING (table_name) "
        "ORDER BY c.table_name, c.ordinal_position"
    ).fetchall()
    out: dict[str, list[list[Any]]] = {}
    for table, ttype, *rest in rows:
        out.setdefault(f"{table} ({ttype})", []).append(list(rest))
    return out


def table(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [{k: _plain(v) for k, v in zip(names, row, strict=True)} for row in cur.fetchall()]


def contents(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Every row of every table (records without the import time, which changes by the second)."""
    return {
        "records": table(con, "SELECT * EXCLUDE (imported_at) FROM records ORDER BY record_id"),
        "documents": table(con, "SELECT * FROM documents ORDER BY doc_id"),
        "facts": table(con, "SELECT * FROM facts ORDER BY fact_key"),
    }


def meta(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return {
        "migrations": [
            r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()
        ],
        "group_members": sorted(con.execute("SELECT * FROM group_members").fetchall(), key=repr),
        "survey_sponsors": sorted(
            (tuple(_plain(v) for v in r) for r in con.execute("SELECT * FROM survey_sponsors").fetchall()),
            key=repr,
        ),
    }


def _shipped_meta() -> dict[str, Any]:
    """What ``meta`` must read after any writable open: the shipped reference tables."""
    return {
        "migrations": MIGRATION_NAMES,
        "group_members": sorted(
            ((m.group, m.member, m.joined, m.left) for m in vocab.group_members()), key=repr
        ),
        "survey_sponsors": sorted(
            (
                (
                    s.survey,
                    s.sponsor,
                    s.sponsor_country,
                    s.sponsor_kind,
                    list(s.subjects),
                    list(s.publics),
                    list(s.years),
                )
                for s in provenance.survey_sponsors()
            ),
            key=repr,
        ),
    }


def _steps(tmp_path: Path) -> dict[str, Any]:
    """The schema after each migration step, applied one at a time to an empty database."""
    con = duckdb.connect(str(tmp_path / "steps.duckdb"))
    out: dict[str, Any] = {}
    saved = migrations.MIGRATIONS
    try:
        for k in range(1, len(saved) + 1):
            migrations.MIGRATIONS = saved[:k]
            assert migrations.migrate(con) == [saved[k - 1][0]]
            out[saved[k - 1][0]] = schema(con)
    finally:
        migrations.MIGRATIONS = saved
        con.close()
    return out


# -- bundled ----------------------------------------------------------------------------------
def test_seed_documents_whole() -> None:
    assert seed_documents() == SEED_DOCUMENTS


def test_seed_documents_csv_has_every_publisher_kind() -> None:
    # the loader keeps the shipped kind as it is: every row of the table names one
    text = resources.files("softpower.data").joinpath("seed_documents.csv").read_text(encoding="utf-8")
    kinds = [r["publisher_kind"] for r in csv.DictReader(io.StringIO(text))]
    assert kinds == ["academic", "unknown", "unknown", "independent_press", "academic"]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundled_ledger(tmp_path_factory.mktemp("whole") / "b.duckdb")


def test_bundled_ledger_every_table(bundled: Path) -> None:
    expected = json.loads((EXPECTED / "bundled.json").read_text(encoding="utf-8"))
    with Ledger.open(bundled, read_only=True) as lg:
        got = contents(lg.con)
        assert meta(lg.con) == _shipped_meta()
        assert schema(lg.con) == json.loads((EXPECTED / "schema.json").read_text(encoding="utf-8"))["final"]
        origins = lg.con.execute("SELECT DISTINCT origin FROM records").fetchall()
    assert origins == [(BUNDLED_ORIGIN,)]
    for name in ("records", "documents", "facts"):
        assert len(got[name]) == len(expected[name]), name
        for row, want in zip(got[name], expected[name], strict=True):
            assert row == want, name
    # the documents are the five essays with their metadata (the catalogue reached the import)
    docs = {d["doc_id"]: d for d in got["documents"]}
    for d in SEED_DOCUMENTS:
        row = dict(docs[d["id"]])
        row["id"] = row.pop("doc_id")
        assert row == {**d, "text": None}


def test_bundled_records_are_the_shipped_file_row_by_row(bundled: Path) -> None:
    shipped = resources.files("softpower.data").joinpath("seed_records.jsonl").read_text(encoding="utf-8")
    lines = [json.loads(line) for line in shipped.splitlines() if line.strip()]
    keys = [
        "doc",
        "kind",
        "actor",
        "partners",
        "instrument",
        "power_type",
        "metric",
        "unit",
        "measure",
        "year",
        "year_end",
        "amount",
        "currency",
        "value",
        "name",
        "ppp",
        "equal_footing",
        "amount_basis",
        "price_basis",
        "price_year",
    ]
    with Ledger.open(bundled, read_only=True) as lg:
        cur = lg.con.execute(f"SELECT {', '.join(keys)}, span_start, span_end FROM records")
        stored = sorted(json.dumps(_plain(list(r))) for r in cur.fetchall())
    want = []
    for rec in lines:
        row = [rec.get(k, False if k in ("ppp", "equal_footing") else None) for k in keys]
        for k in ("amount", "value"):  # stored as DOUBLE
            if row[keys.index(k)] is not None:
                row[keys.index(k)] = float(row[keys.index(k)])
        if rec.get("instrument"):  # an engagement's power type is its instrument's
            row[keys.index("power_type")] = vocab.instruments()[rec["instrument"]].power_type
        span = rec.get("span") or [None, None]
        want.append(json.dumps(_plain([*row, *span])))
    assert len(lines) == 146
    assert stored == sorted(want)


def test_bundled_import_results_first_and_again(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "b.duckdb") as lg:
        first = import_bundled(lg)
        before = contents(lg.con)
        again = import_bundled(lg)
        assert contents(lg.con) == before
    n = len(before["records"])
    assert (first.added, first.duplicates, first.documents, first.rows, first.skipped) == (
        {"engagement": 110, "indicator": 32, "perception": 4},
        0,
        5,
        146,
        {},
    )
    assert first.total == n == 146
    assert (again.added, again.duplicates, again.documents, again.rows, again.skipped) == (
        {"engagement": 0, "indicator": 0, "perception": 0},
        146,
        0,
        146,
        {},
    )


def test_bundled_ledger_returns_its_path_and_updates_in_place(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    assert bundled_ledger(str(path)) == path
    with Ledger.open(path, read_only=True) as lg:
        first = contents(lg.con)
    assert bundled_ledger(path) == path
    with Ledger.open(path, read_only=True) as lg:
        assert contents(lg.con) == first


# -- a new ledger, migrations -----------------------------------------------------------------
def test_new_ledger_tables_meta_and_settings(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "n.duckdb") as lg:
        assert (lg.path, lg.read_only) == (tmp_path / "n.duckdb", False)
        kinds = dict(
            lg.con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall()
        )
        assert kinds == TABLES
        assert meta(lg.con) == _shipped_meta()
        assert contents(lg.con) == {"records": [], "documents": [], "facts": []}
        settings = dict(
            lg.con.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN "
                "('preserve_insertion_order', 'enable_progress_bar', 'lock_configuration', 'enable_external_access')"
            ).fetchall()
        )
        assert settings == {
            "preserve_insertion_order": "false",
            "enable_progress_bar": "false",
            "lock_configuration": "false",
            "enable_external_access": "true",
        }
        assert lg.stats() == {
            "engagement": 0,
            "indicator": 0,
            "perception": 0,
            "documents": 0,
            "facts": 0,
            "by_origin": {},
        }


def test_sandboxed_open_is_locked_and_closed_to_files(bundled: Path) -> None:
    with Ledger.open(bundled, read_only=True, sandbox=True) as lg:
        settings = dict(
            lg.con.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN "
                "('lock_configuration', 'enable_external_access', 'autoinstall_known_extensions', "
                "'autoload_known_extensions', 'allow_community_extensions')"
            ).fetchall()
        )
        assert settings == {
            "lock_configuration": "true",
            "enable_external_access": "false",
            "autoinstall_known_extensions": "false",
            "autoload_known_extensions": "false",
            "allow_community_extensions": "false",
        }


def test_each_migration_step_schema(tmp_path: Path) -> None:
    expected = json.loads((EXPECTED / "schema.json").read_text(encoding="utf-8"))
    got = _steps(tmp_path)
    assert list(got) == MIGRATION_NAMES
    assert got == expected["steps"]
    assert got[MIGRATION_NAMES[-1]] == expected["final"]


def test_migrate_applies_the_pending_steps_only(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    assert migrations.applied(con) == []  # and the bookkeeping table now exists
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchall() == [(0,)]
    saved = migrations.MIGRATIONS
    try:
        migrations.MIGRATIONS = saved[:2]
        assert migrations.migrate(con) == MIGRATION_NAMES[:2]
    finally:
        migrations.MIGRATIONS = saved
    assert migrations.applied(con) == MIGRATION_NAMES[:2]
    assert migrations.migrate(con) == MIGRATION_NAMES[2:]
    assert migrations.migrate(con) == []
    assert migrations.applied(con) == MIGRATION_NAMES
    con.close()


def test_a_failing_migration_rolls_back_and_keeps_the_earlier_ones(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "f.duckdb"))
    saved = migrations.MIGRATIONS
    try:
        migrations.MIGRATIONS = (
            *saved[:1],
            ("0002_bad", "CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;"),
            ("0003_after", "CREATE TABLE after_bad (x INTEGER);"),
        )
        with pytest.raises(duckdb.CatalogException, match="no_such_table"):
            migrations.migrate(con)
    finally:
        migrations.MIGRATIONS = saved
    assert migrations.applied(con) == MIGRATION_NAMES[:1]
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert names == {"documents", "records", "schema_migrations"}
    con.close()


def test_dates_refuse_a_ledger_older_than_effective_years(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    saved = migrations.MIGRATIONS
    try:
        migrations.MIGRATIONS = saved[:4]
        migrations.migrate(con)
    finally:
        migrations.MIGRATIONS = saved
    con.close()
    message = (
        f"ledger {path} predates migration 0005 (effective years): open it once for writing, "
        "e.g. `softpower ledger import --bundled --ledger FILE`, on a copy if it is shared"
    )
    with Ledger.open(path, read_only=True) as lg:
        for answer in (date_summary, undated_facts):
            with pytest.raises(LedgerError) as err:
                answer(lg)
            assert str(err.value) == message
    with Ledger.open(path) as lg:  # a writable open migrates it
        assert date_summary(lg) == {"record": 0, "document": 0, "undated": 0}


def test_opening_an_older_ledger_migrates_it(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    saved = migrations.MIGRATIONS
    try:
        migrations.MIGRATIONS = saved[:4]
        migrations.migrate(con)
    finally:
        migrations.MIGRATIONS = saved
    con.close()
    with Ledger.open(path) as lg:
        assert meta(lg.con) == _shipped_meta()
        assert schema(lg.con) == json.loads((EXPECTED / "schema.json").read_text(encoding="utf-8"))["final"]


# -- the survey registry ----------------------------------------------------------------------
def _registry_by_hand() -> list[provenance.Sponsor]:
    text = resources.files("softpower.data").joinpath("survey_sponsors.csv").read_text(encoding="utf-8")
    return [
        provenance.Sponsor(
            r["survey"],
            r["sponsor"],
            r["sponsor_country"] or None,
            r["sponsor_kind"],
            tuple(r["subjects"].split()),
            tuple(r["publics"].split()),
            tuple(int(y) for y in r["years"].split()),
            r["evidence"],
        )
        for r in csv.DictReader(io.StringIO(text))
    ]


def test_survey_sponsors_whole() -> None:
    provenance.survey_sponsors.cache_clear()
    got = provenance.survey_sponsors()
    assert list(got) == _registry_by_hand()
    assert [(s.survey, s.sponsor_country, s.sponsor_kind, s.subjects, s.years) for s in got] == [
        ("MOFA Japan opinion poll in six ASEAN countries 2008", "JPN", "government", ("JPN",), (2008,)),
        ("Pew Research Center Global Attitudes Survey", "USA", "think_tank", (), ()),
        ("US Studies Centre Asia survey", "AUS", "academic", (), ()),
    ]
    assert got[0].publics == ("IDN", "MYS", "PHL", "SGP", "THA", "VNM")
    assert got[0].sponsor == "Ministry of Foreign Affairs of Japan"
    assert got[1].evidence == "independent, non-governmental pollster (matched by the record's name)"


GOOD = {
    "survey": " S ",
    "sponsor": " Body ",
    "sponsor_country": " ",
    "sponsor_kind": "think_tank",
    "subjects": "JPN  CHN",
    "publics": "IDN",
    "years": "2008 2010",
    "evidence": "e",
}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [{k: v for k, v in GOOD.items() if k != "evidence"}],
            "survey_sponsors.csv:2: expected columns survey, "
            "sponsor, sponsor_country, sponsor_kind, subjects, publics, years, evidence",
        ),
        (
            [GOOD, {**GOOD, "survey": "T", "sponsor_kind": "church"}],
            "survey_sponsors.csv:3: sponsor_kind 'church' "
            "(expected government, state_media, independent_press, think_tank, academic, international_org, dataset, unknown)",
        ),
        ([{**GOOD, "sponsor_country": "XXX"}], "survey_sponsors.csv:2: unknown country code 'XXX'"),
        ([{**GOOD, "subjects": "JPN XYZ"}], "survey_sponsors.csv:2: unknown country code 'XYZ'"),
        ([{**GOOD, "publics": "IDN QQQ"}], "survey_sponsors.csv:2: unknown country code 'QQQ'"),
        (
            [{**GOOD, "years": "2008 soon"}],
            "survey_sponsors.csv:2: years '2008 soon' (expected years separated by spaces)",
        ),
        ([{**GOOD, "survey": "S"}, GOOD], "survey_sponsors.csv:3: duplicate key ('S',)"),
    ],
)
def test_survey_sponsors_refusals(
    monkeypatch: pytest.MonkeyPatch, rows: list[dict[str, str]], message: str
) -> None:
    monkeypatch.setattr(vocab, "_read_csv", lambda name: rows if name == "survey_sponsors" else [])
    provenance.survey_sponsors.cache_clear()
    try:
        with pytest.raises(ValueError) as err:
            provenance.survey_sponsors()
        assert str(err.value) == message
    finally:
        provenance.survey_sponsors.cache_clear()


def test_survey_sponsor_fields_are_stripped_and_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        vocab, "_read_csv", lambda name: [GOOD, {**GOOD, "survey": "T", "sponsor_country": "JPN"}]
    )
    provenance.survey_sponsors.cache_clear()
    try:
        got = provenance.survey_sponsors()
    finally:
        provenance.survey_sponsors.cache_clear()
    assert got == (
        provenance.Sponsor("S", "Body", None, "think_tank", ("JPN", "CHN"), ("IDN",), (2008, 2010), "e"),
        provenance.Sponsor("T", "Body", "JPN", "think_tank", ("JPN", "CHN"), ("IDN",), (2008, 2010), "e"),
    )


class _Counting:
    """A connection that records the statements run through it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.sql = con, []  # type: ignore[var-annotated]

    def execute(self, sql: str, *args: Any) -> Any:
        self.sql.append(sql.split()[0])
        return self.con.execute(sql, *args)

    def executemany(self, sql: str, rows: Any) -> Any:
        self.sql.append(sql.split()[0] + "*")
        return self.con.executemany(sql, rows)

    def begin(self) -> Any:
        self.sql.append("BEGIN")
        return self.con.begin()

    def commit(self) -> Any:
        self.sql.append("COMMIT")
        return self.con.commit()


def test_refresh_sponsors_writes_only_a_change(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "r.duckdb") as lg:
        spy = _Counting(lg.con)
        provenance.refresh_sponsors(spy)
        assert spy.sql == ["SELECT"]  # unchanged: nothing written
        lg.con.execute("UPDATE survey_sponsors SET sponsor = 'someone else'")
        lg.con.execute("INSERT INTO survey_sponsors VALUES ('gone', 'x', NULL, 'unknown', [], [], [])")
        spy = _Counting(lg.con)
        provenance.refresh_sponsors(spy)
        assert spy.sql == ["SELECT", "BEGIN", "DELETE", "INSERT*", "COMMIT"]
        assert meta(lg.con) == _shipped_meta()


def test_refresh_groups_writes_only_a_change(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "g.duckdb") as lg:
        con = lg.con
        spy = _Counting(con)
        lg.con = spy  # type: ignore[assignment]
        lg._refresh_groups()
        assert spy.sql == ["SELECT"]
        con.execute("DELETE FROM group_members WHERE member = (SELECT min(member) FROM group_members)")
        lg._refresh_groups()
        assert spy.sql == ["SELECT", "SELECT", "BEGIN", "DELETE", "INSERT*", "COMMIT"]
        lg.con = con
        assert meta(lg.con) == _shipped_meta()


# -- refusals of open and of a failed write ---------------------------------------------------
def test_open_refusals_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refusal(*args: Any, **kw: Any) -> str:
        with pytest.raises(LedgerError) as err:
            Ledger.open(*args, **kw)
        return str(err.value)

    p = tmp_path / "x.duckdb"
    assert refusal(p, sandbox=True) == "a sandboxed ledger is read-only"
    assert refusal(p, read_only=True) == (
        f"no ledger at {p}: build one with `softpower ledger import --bundled --ledger {p}`"
    )
    assert refusal(tmp_path / "no" / "x.duckdb") == (
        f"cannot create ledger {tmp_path / 'no' / 'x.duckdb'}: folder {tmp_path / 'no'} does not exist"
    )
    p.write_bytes(b"")
    for ro in (False, True):
        assert (
            refusal(p, read_only=ro)
            == f"{p} is an empty file, not a softpower ledger (delete it to start a new ledger)"
        )
    p.write_bytes(b"not a database at all, " * 400)
    for ro in (False, True):
        assert refusal(p, read_only=ro) == f"{p} is not a softpower ledger (not a DuckDB file)"
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    assert refusal(other, read_only=True) == f"{other} is not a softpower ledger (no records table)"
    monkeypatch.setenv("SOFTPOWER_WAIT", "soon")
    assert refusal(tmp_path / "y.duckdb") == "$SOFTPOWER_WAIT: expected a number of seconds"
    assert not (tmp_path / "y.duckdb").exists()


LOCKED = 'IO Error: Could not set lock on file "{p}": Conflicting lock is held in /usr/bin/python3 (PID 7).'
CONCURRENCY = " See also https://duckdb.org/docs/current/connect/concurrency"
READ_ONLY_HINT = (
    " However, you would be able to open this database in read-only mode, e.g. by using the -readonly "
    "parameter in the CLI."
)


@pytest.mark.parametrize(
    ("error", "line"),
    [
        # DuckDB's own lines (1.x and 2.0): a reader holds the file (the hint: open read-only) ...
        (duckdb.IOException(LOCKED + READ_ONLY_HINT + CONCURRENCY), "busy:reader"),
        # ... or a writer does
        (duckdb.IOException(LOCKED + CONCURRENCY), "busy:writer"),
        (duckdb.IOException("IO Error: Could not read from file: disk I/O error\nmore"), "cannot open"),
        # any other DuckDB error of the open: its first line
        (duckdb.Error("Serialization Error: the file is from a newer DuckDB\nupgrade DuckDB"), "newer"),
    ],
)
def test_open_failures_of_duckdb_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, line: str
) -> None:
    """Ledger.open's reading of DuckDB's failures, in this process (tests/test_concurrency.py
    holds real locks from other processes): the message names the ledger, never DuckDB's words."""
    p = tmp_path / "l.duckdb"

    def connect(*args: Any, **kw: Any) -> Any:
        raise type(error)(str(error).replace("{p}", str(p)))

    monkeypatch.setattr(duckdb, "connect", connect)
    with pytest.raises(LedgerError) as err:
        Ledger.open(p)
    expected = {
        "busy:reader": str(LedgerBusy(p, reader=True)),
        "busy:writer": str(LedgerBusy(p, reader=False)),
        "cannot open": f"cannot open ledger {p}: IO Error: Could not read from file: disk I/O error",
        "newer": f"{p} is not a softpower ledger (DuckDB file): Serialization Error: the file is from a "
        "newer DuckDB",
    }[line]
    assert str(err.value) == expected
    assert isinstance(err.value, LedgerBusy) is line.startswith("busy")


def test_busy_messages_whole(tmp_path: Path) -> None:
    p = tmp_path / "b.duckdb"
    assert str(LedgerBusy(p, reader=True)) == (
        f"ledger {p} is busy (another softpower process is reading it, such as `softpower serve`); "
        "retry later or wait for it with --wait SECONDS (or $SOFTPOWER_WAIT)"
    )
    assert str(LedgerBusy(p, reader=False)) == (
        f"ledger {p} is busy (another softpower process is writing); "
        "retry later or wait for it with --wait SECONDS (or $SOFTPOWER_WAIT)"
    )


def test_write_error_messages_whole(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "w.duckdb") as lg:
        full = (
            f"ledger {lg.path}: the disk is full; the write was not completed (the ledger holds all "
            "or none of it: free some space and run the command again)"
        )
        assert str(lg._write_error(OSError(28, "No space left on device"))) == full
        assert str(lg._write_error(OSError(28, ""))) == full
        assert (
            str(lg._write_error(duckdb.IOException("Could not write file: No space left on device\nmore")))
            == full
        )
        assert str(lg._write_error(duckdb.IOException("Could not write file: NO SPACE LEFT"))) == full
        assert str(lg._write_error(OSError(5, "Input/output error"))) == (
            f"ledger {lg.path}: write failed ([Errno 5] Input/output error); the ledger holds all or none of it"
        )
        assert str(lg._write_error(duckdb.IOException("  first line\nsecond line"))) == (
            f"ledger {lg.path}: write failed (first line); the ledger holds all or none of it"
        )
        assert str(lg._write_error(duckdb.IOException("x" * 300))) == (
            f"ledger {lg.path}: write failed ({'x' * 200}); the ledger holds all or none of it"
        )
        assert str(lg._write_error(duckdb.IOException(""))) == (
            f"ledger {lg.path}: write failed (IOException); the ledger holds all or none of it"
        )
        assert str(lg._write_error(OSError())) == (
            f"ledger {lg.path}: write failed (OSError); the ledger holds all or none of it"
        )


def test_read_only_ledger_refuses_writes(bundled: Path) -> None:
    with Ledger.open(bundled, read_only=True) as lg:
        with pytest.raises(LedgerError) as err:
            lg.import_records([], origin="o", source="s")
        assert str(err.value) == f"ledger {bundled} is open read-only"
        with pytest.raises(LedgerError) as err:
            lg.delete(docs=["x"])
        assert str(err.value) == f"ledger {bundled} is open read-only"


def test_a_refused_import_leaves_every_table_unchanged(tmp_path: Path) -> None:
    good = {"doc": "d", "kind": "engagement", "actor": "JPN", "partners": ["VNM"], "instrument": "oda_loan"}
    with Ledger.open(tmp_path / "u.duckdb") as lg:
        import_bundled(lg)
        before = (contents(lg.con), meta(lg.con))
        with pytest.raises(InputError) as err:
            lg.import_records(
                [good, {**good, "actor": "ZZZ"}],
                [{"id": "d", "title": "T"}],
                origin="o",
                source="in.jsonl",
            )
        assert (
            str(err.value)
            == "in.jsonl:2: actor: unknown country code 'ZZZ' (expected an ISO 3166 alpha-3 code)"
        )
        assert (contents(lg.con), meta(lg.con)) == before
        with pytest.raises(InputError) as err:
            lg.import_records(
                [good], [{"id": "d", "publisher_kind": "church"}], origin="o", source="in.jsonl"
            )
        assert str(err.value).startswith("in.jsonl: document: 'd': ")
        assert (contents(lg.con), meta(lg.con)) == before


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import tempfile

    EXPECTED.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        steps = _steps(Path(tmp))
        path = bundled_ledger(Path(tmp) / "b.duckdb")
        with Ledger.open(path, read_only=True) as lg:
            final = schema(lg.con)
            whole = contents(lg.con)
    (EXPECTED / "schema.json").write_text(
        json.dumps({"steps": steps, "final": final}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (EXPECTED / "bundled.json").write_text(
        json.dumps(whole, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
