"""Dyadic importers (SIPRI, UIS, MME, troopdata, US travels): known answers on small samples (cut
from CC BY / public-domain files, invented for the GPL-3 tables; see each fixture's ATTRIBUTION.md),
every bad-input case through the CLI (one line naming file, line and field; exit 2; ledger
unchanged), and the full shared files when present."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.errors import InputError
from softpower.ledger import Ledger, bundled_ledger
from softpower.ledger.importers import IMPORTERS, ImportBatch
from softpower.ledger.importers._dyadic import dataset_names
from softpower.ledger.importers.troops import break_years
from softpower.records.models import parse_record

FIX = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not present")
runner = CliRunner()


def _valid(batch: ImportBatch) -> None:
    for rec in batch.records.drop(columns=["line"]).to_dict("records"):
        clean = {
            k: (None if v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v) for k, v in rec.items()
        }
        parse_record(clean)


def _facts(batch: ImportBatch) -> dict[tuple, float]:
    r = batch.records
    return {
        (a, p[0], m, int(y)): float(v)
        for a, p, m, y, v in zip(r["actor"], r["partners"], r["metric"], r["year"], r["value"], strict=True)
    }


def test_sipri_sample() -> None:
    b = IMPORTERS["sipri-arms"].load(FIX / "sipri")
    _valid(b)
    f = _facts(b)
    assert f[("USA", "PHL", "arms_transfers", 2016)] == 82
    assert f[("RUS", "VNM", "arms_transfers", 2016)] == 702
    assert f[("DZA", "ESH", "arms_transfers", 2016)] == 0  # a delivery below 0.5 TIV is kept
    assert b.rows_read == 12 and len(b.records) == 8
    assert b.skipped == {
        "historical state without a current ISO code": 1,
        "international organisation (SIPRI **)": 1,
        "non-state actor (SIPRI *)": 1,
        "unknown or unspecified": 1,
    }
    assert b.documents[0]["publisher_country"] == "SWE"


def test_uis_sample_reads_both_views_once() -> None:
    b = IMPORTERS["uis-students"].load(FIX / "uis")
    _valid(b)
    f = _facts(b)
    assert f[("JPN", "VNM", "students_hosted", 2019)] == 40633  # in both views: one record
    assert f[("JPN", "LAO", "students_hosted", 2019)] == 214  # only in Laos's top-10 destinations
    assert f[("VNM", "LAO", "students_hosted", 2019)] == 6056
    assert not any(p == "Other countries" for _a, p, _m, _y in f)
    assert b.skipped["flow in both top-10 views (the destination's row kept)"] == 1
    assert len(b.records) == 20 and b.rows_read == 23


def test_mme_sample_counts_every_pair() -> None:
    b = IMPORTERS["mme-exercises"].load(FIX / "mme")
    _valid(b)
    f = _facts(b)
    # three states -> six ordered pairs; the reused id t2 is two exercises
    assert f[("THA", "SGP", "joint_exercises", 2005)] == f[("SGP", "THA", "joint_exercises", 2005)] == 1
    assert f[("USA", "THA", "joint_exercises", 2006)] == 1 and f[("USA", "PHL", "joint_exercises", 2006)] == 1
    assert f[("IND", "MMR", "joint_exercises", 2006)] == 1  # 'Myanmar (Burma)'
    assert not any(y == 1988 for *_x, y in f)  # only historical states and -9 left: no dyad
    assert len(f) == 16
    assert b.skipped["unknown or unspecified"] == 2


def test_troops_sample() -> None:
    b = IMPORTERS["us-troops"].load(FIX / "troops")
    _valid(b)
    f = _facts(b)
    assert f[("USA", "JPN", "troops", 2010)] == 40000
    assert f[("USA", "PRT", "troops", 2010)] == 1000  # the Azores are Portugal
    assert ("USA", "VNM", "troops", 2010) not in f and ("USA", "GUM", "troops", 2010) not in f
    assert f[("USA", "JPN", "military_construction", 2010)] == 15_000_000  # thousands -> USD, two bases
    assert f[("USA", "KOR", "military_construction", 2011)] == 5_000_000
    assert f[("USA", "JPN", "bases", 2018)] == 2 and f[("USA", "CUW", "bases", 2018)] == 1
    assert f[("USA", "XKX", "bases", 2018)] == 1  # KSV is not ISO: the name decides
    mc = b.records[b.records["metric"] == "military_construction"]
    assert set(mc["amount_basis"]) == {"obligation"} and set(mc["price_basis"]) == {"current"}
    assert {d["publisher_kind"] for d in b.documents} == {"government", "academic"}


def _years(base: dict[str, float], years: range, jump: dict[int, float]) -> tuple:
    """host/year/value arrays: each host's ``base`` count every year, times ``jump[year]``."""
    rows = [(h, y, v * jump.get(y, 1.0)) for h, v in base.items() for y in years]
    host, year, value = zip(*rows, strict=True)
    return np.array(host, dtype=object), np.array(year, dtype=float), np.array(value, dtype=float)


def test_a_year_where_every_host_jumps_from_both_neighbours_is_a_source_break() -> None:
    hosts = {f"H{i:02d}": 200.0 + 37 * i for i in range(12)}
    assert break_years(*_years(hosts, range(2000, 2010), {2005: 1.6})) == {2005: (1.6, 12)}
    got = break_years(*_years(hosts, range(2000, 2010), {2003: 0.6}))  # a fall away from both
    assert list(got) == [2003] and got[2003][0] == pytest.approx(0.6)
    # a step change (up and staying up) is a real change, and so is one host's surge
    assert break_years(*_years(hosts, range(2000, 2010), {y: 2.0 for y in range(2005, 2010)})) == {}
    host, year, value = _years(hosts, range(2000, 2010), {})
    value[(host == "H03") & (year == 2005)] *= 10
    assert break_years(host, year, value) == {}
    # just under the factor, too few hosts, or neighbours under the floor: no break
    assert break_years(*_years(hosts, range(2000, 2010), {2005: 1.49})) == {}
    nine = dict(list(hosts.items())[:9])
    assert break_years(*_years(nine, range(2000, 2010), {2005: 3.0})) == {}
    small = {h: 90.0 for h in hosts}
    assert break_years(*_years(small, range(2000, 2010), {2005: 3.0})) == {}


@needs_shared
def test_the_shared_troop_counts_break_in_2008_only_and_its_rows_are_skipped() -> None:
    b = IMPORTERS["us-troops"].load(SHARED / "us_military_presence_troopdata")
    troops = b.records[b.records["metric"] == "troops"]
    assert 2008 not in set(troops["year"]) and {2007, 2009} <= set(troops["year"])
    (reason,) = [k for k in b.skipped if k.startswith("year ")]
    assert reason.startswith(
        "year 2008: the median host's count is 1.77 times both neighbouring years' (25 hosts)"
    )
    assert b.skipped[reason] == 158
    f = _facts(b)
    assert f[("USA", "JPN", "troops", 2007)] == 35803 and f[("USA", "JPN", "troops", 2009)] == 48017


def test_travels_sample_one_visit_per_stay() -> None:
    b = IMPORTERS["us-travels"].load(FIX / "travels")
    _valid(b)
    f = _facts(b)
    # 2016: the President stopped in Japan three times (two stays apart), the Secretary once
    assert f[("USA", "JPN", "high_level_visits", 2016)] == 4
    assert f[("USA", "LAO", "high_level_visits", 2016)] == 3
    assert ("USA", "GBR", "high_level_visits", 1943) not in f  # before 1945
    assert b.skipped["historical state without a current ISO code"] == 1  # U.S.S.R.
    assert b.documents[0]["publisher_country"] == "USA" and b.documents[0]["publisher_kind"] == "government"


def test_dataset_names_table_rows() -> None:
    aliases, non_states = dataset_names()
    assert aliases["Myanmar (Burma)"] == "MMR" and aliases["Republic of China"] == "TWN"
    assert non_states["Soviet Union"].startswith("historical state")
    assert non_states["Guam"].startswith("United States territory")
    assert not set(aliases) & set(non_states)


# --- bad input: every case through the CLI --------------------------------------------------

#: importer → (fixture file, country column, value column or None, year column)
SPECS: dict[str, tuple[Path, str, str | None, str]] = {
    "sipri-arms": (FIX / "sipri" / "sipri-exports-processed.csv", "recipient", "value", "year"),
    "uis-students": (
        FIX / "uis" / "popular-origins-by-destination.csv",
        "origin_country_lumped",
        "value_lumped",
        "year",
    ),
    "mme-exercises": (FIX / "mme" / "mme_v7.csv", "StateB", None, "s.year"),
    "us-troops": (FIX / "troops" / "troopdata-rebuild-country-year.csv", "countryname", "troops_ad", "year"),
    "us-travels": (FIX / "travels" / "AmericanPresidentVisit.csv", "destination country", None, "year"),
}


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


def _cases() -> list[tuple[str, str, str | None, str]]:
    """(importer, case, column, value) for every importer and bad-input case."""
    out = []
    for name, (_f, country, value, year) in SPECS.items():
        out.append((name, "unknown country", country, "Atlantis"))
        out.append((name, "year out of range", year, "3024"))
        out.append((name, "year not a number", year, "20x1"))
        out.append((name, "year NaN", year, "NaN"))
        if value:
            out.append((name, "negative", value, "-5"))
            out.append((name, "not a number", value, "lots"))
            out.append((name, "NaN", value, "NaN"))
            out.append((name, "Infinity", value, "Infinity"))
            out.append((name, "empty", value, ""))
    return out


@pytest.fixture
def small_ledger(tmp_path: Path) -> Path:
    db = tmp_path / "l.duckdb"
    bundled_ledger(db)
    return db


def _state(db: Path) -> list[tuple]:
    with Ledger.open(db, read_only=True) as lg:
        return (
            lg.con.execute("SELECT origin, count(*) FROM records GROUP BY ALL ORDER BY ALL").fetchall()
            + lg.con.execute("SELECT count(*) FROM documents").fetchall()
        )


def _expect_one_line(db: Path, name: str, path: Path, line: int | None, field: str | None) -> None:
    before = _state(db)
    res = runner.invoke(app, ["ledger", "import", "--from", name, str(path), "--ledger", str(db)])
    assert res.exit_code == 2, res.output
    msg = res.stderr.strip()
    assert len(msg.splitlines()) == 1, msg
    where = f"{path}:{line}:" if line is not None else f"{path}"
    assert where in msg, msg
    if field:
        assert f" {field}:" in msg, msg
    assert _state(db) == before


@pytest.mark.parametrize(("name", "case", "col", "value"), _cases(), ids=lambda v: str(v))
def test_bad_cell_names_file_line_field(
    small_ledger: Path, tmp_path: Path, name: str, case: str, col: str, value: str
) -> None:
    src = SPECS[name][0]
    header, rows = _read(src)
    rows[1][header.index(col)] = value
    bad = _write(tmp_path / src.name, header, rows)
    _expect_one_line(small_ledger, name, bad, 3, col)


@pytest.mark.parametrize("name", list(SPECS))
def test_renamed_column(small_ledger: Path, tmp_path: Path, name: str) -> None:
    src, country, _value, year = SPECS[name]
    header, rows = _read(src)
    header[header.index(year)] = "Year of it"
    bad = _write(tmp_path / src.name, header, rows)
    _expect_one_line(small_ledger, name, bad, 1, year)


@pytest.mark.parametrize("name", list(SPECS))
def test_truncated_file(small_ledger: Path, tmp_path: Path, name: str) -> None:
    src = SPECS[name][0]
    text = src.read_text(encoding="utf-8").rstrip("\n")
    lines = text.split("\n")
    cut = "\n".join(lines[:-1]) + "\n" + lines[-1].split(",")[0] + ","  # last row cut after its first field
    bad = tmp_path / src.name
    bad.write_text(cut + "\n", encoding="utf-8")
    _expect_one_line(small_ledger, name, bad, len(lines), None)


def test_shuffled_columns_read_by_name(tmp_path: Path) -> None:
    src = SPECS["sipri-arms"][0]
    df = pd.read_csv(src, dtype=str, keep_default_na=False)
    shuffled = df[list(reversed(df.columns))]
    out = tmp_path / src.name
    shuffled.to_csv(out, index=False)
    assert _facts(IMPORTERS["sipri-arms"].load(out)) == _facts(IMPORTERS["sipri-arms"].load(src))


def test_cli_import_adds_facts_once(small_ledger: Path) -> None:
    for name, sub in (("sipri-arms", "sipri"), ("us-travels", "travels")):
        res = runner.invoke(
            app, ["ledger", "import", "--from", name, str(FIX / sub), "--ledger", str(small_ledger)]
        )
        assert res.exit_code == 0, res.output
    again = runner.invoke(
        app, ["ledger", "import", "--from", "sipri-arms", str(FIX / "sipri"), "--ledger", str(small_ledger)]
    )
    assert "indicator 0" in again.stdout
    with Ledger.open(small_ledger, read_only=True) as lg:
        n = lg.query("SELECT count(*) AS n FROM indicator_facts WHERE origins = 'sipri-arms'")["n"][0]
        own = lg.query("SELECT bool_and(self_only) AS s FROM indicator_facts WHERE origins = 'us-travels'")[
            "s"
        ][0]
    assert n == 8
    assert own  # the State Department reporting US visits is the US's own record


def test_missing_file_and_unknown_table(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        IMPORTERS["us-troops"].load(tmp_path / "nothing-here")
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        IMPORTERS["us-troops"].load(other)
    assert err.value.line == 1


@needs_shared
@pytest.mark.parametrize(
    ("name", "folder", "records"),
    [
        ("sipri-arms", "sipri_arms_transfers_dyadic_360info", 19144),
        ("uis-students", "uis_student_flows_top10_360info", 53257),
        ("mme-exercises", "mme_multinational_military_exercises", 40430),
        ("us-troops", "us_military_presence_troopdata", 9433),
        ("us-travels", "us_president_secstate_travels", 2111),
    ],
)
def test_full_shared_files(name: str, folder: str, records: int) -> None:
    b = IMPORTERS[name].load(SHARED / folder)
    assert len(b.records) == records
    assert b.records["value"].notna().all() and (b.records["value"] >= 0).all()
