"""Coverage: declared scopes, the observation rule, comparability and `softpower coverage`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.ledger import Ledger
from softpower.ledger.coverage import Coverage, coverage_table, parse_scopes, scopes

HEADER = "source,kind,families,actors,partners,years,missing_row,note\n"


def test_shipped_scopes_parse_and_name_every_contract_source() -> None:
    names = {s.source for s in scopes()}
    for src in (
        "oecd-dac2a",
        "aiddata-gcof",
        "lowy-gdi",
        "uis-students",
        "sipri-arms",
        "mme-exercises",
        "us-troops",
        "us-travels",
        "pew-favourability",
    ):
        assert src in names
    lowy = next(s for s in scopes() if s.source == "lowy-gdi")
    assert (
        sorted(lowy.years) == [2016, 2017, 2021, 2023] and lowy.actors is not None and len(lowy.actors) == 65
    )


def test_source_that_does_not_observe_a_donor_says_so() -> None:
    cov = Coverage.load()
    # DAC2A observes Japan's ODA, not China's
    assert cov.observed("JPN", "VNM", 2015, metric="oda_disbursement").sources == ("oecd-dac2a",)
    assert not cov.observed("CHN", "VNM", 2015, metric="oda_disbursement")
    # ... and only 2009-2022
    assert not cov.observed("JPN", "VNM", 2008, metric="oda_disbursement")
    # GCOF observes China only
    assert cov.observed("CHN", "VNM", 2010, instrument="oda_loan").sources == ("aiddata-gcof",)
    assert not cov.observed("JPN", "VNM", 2010, instrument="oda_loan")
    # Lowy editions only
    assert cov.observed("JPN", "VNM", 2016, metric="embassies")
    assert not cov.observed("JPN", "VNM", 2018, metric="embassies")
    # undated: never observed
    assert not cov.observed("JPN", "VNM", None, metric="embassies")


def test_comparable_needs_one_source_observing_every_donor() -> None:
    cov = Coverage.load()
    cmp = cov.comparable(["CHN", "JPN"], "VNM", 2015, metric="oda_disbursement")
    assert not cmp.comparable
    assert cmp.unobserved == ("CHN",)
    assert cmp.reason.startswith("not comparable") and "CHN by none" in cmp.reason
    # China seen by GCOF, Japan by nothing project-level: still not comparable
    assert not cov.comparable(["CHN", "JPN"], "VNM", 2010, instrument="oda_loan").comparable
    ok = cov.comparable(["USA", "CHN", "JPN"], "VNM", 2010, metric="arms_transfers")
    assert ok.comparable and ok.common_sources == ("sipri-arms",)
    # the US alone is observed for troops; Japan is not
    assert not cov.comparable(["USA", "JPN"], "PHL", 2010, metric="troops").comparable


def _ledger_with(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records(rows, origin="uis-students", source="t")
    return path


def test_unobserved_rows_are_observed_only_where_the_ledger_holds_them(tmp_path: Path) -> None:
    rec = {
        "doc": "uis:1",
        "kind": "indicator",
        "actor": "JPN",
        "partners": ["VNM"],
        "metric": "students_hosted",
        "year": 2019,
        "value": 40633.0,
    }
    path = _ledger_with(tmp_path, [rec])
    with Ledger.open(path, read_only=True) as lg:
        cov = Coverage.from_ledger(lg)
        table = coverage_table(lg)
    assert cov.observed("JPN", "VNM", 2019, metric="students_hosted").sources == ("uis-students",)
    # Lao students in Japan are inside "Other countries": unobserved, not zero
    assert not cov.observed("JPN", "LAO", 2019, metric="students_hosted")
    assert cov.observed("JPN", "LAO", 2019, metric="students_hosted").zero_if_absent == ()
    assert not cov.comparable(["JPN", "KOR"], "VNM", 2019, metric="students_hosted").comparable
    uis = next(r for r in table if r["source"] == "uis-students")
    assert (uis["records"], uis["actors_seen"], uis["outside"]) == (1, 1, 0)


def test_undeclared_origin_is_listed_as_anecdotal(seeds_ledger: Path) -> None:
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        rows = coverage_table(lg)
        cov = Coverage.from_ledger(lg)
    seeds = [r for r in rows if r["source"] == "bundled:seeds"]
    assert seeds and all(r["missing_row"] == "no declared scope" for r in seeds)
    # essays never make a donor observed
    assert not cov.observed("JPN", "VNM", 2008, instrument="people_exchange")


def test_outside_counts_records_beyond_the_declared_scope(tmp_path: Path) -> None:
    rec = {
        "doc": "x",
        "kind": "indicator",
        "actor": "JPN",
        "partners": ["VNM"],
        "metric": "troops",
        "year": 2010,
        "value": 3.0,
    }
    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records([rec], origin="us-troops", source="t")
        row = next(r for r in coverage_table(lg) if r["families"] == "troops")
    assert row["outside"] == 1  # us-troops declares the United States only


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("x,indicator,m,USA,*,2000-1990,zero,", "run backwards"),
        ("x,indicator,m,USA,*,2000,maybe,", "missing_row"),
        ("x,record,m,USA,*,2000,zero,", "kind"),
        ("x,indicator,m,XXX,*,2000,zero,", "unknown code 'XXX'"),
        ("x,indicator,m,USA,*,20x0,zero,", "years"),
    ],
)
def test_bad_scope_rows_name_their_line(line: str, message: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_scopes(HEADER + line + "\n")
    assert "coverage.csv:2" in str(err.value) and message in str(err.value)


def test_cli_formats(seeds_ledger: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["coverage", "--ledger", str(seeds_ledger), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert {r["source"] for r in rows} >= {"oecd-dac2a", "bundled:seeds"}
    res = runner.invoke(app, ["coverage", "--ledger", str(seeds_ledger), "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.startswith("source,kind,families,actors")
    res = runner.invoke(app, ["coverage", "--ledger", str(seeds_ledger), "--format", "xml"])
    assert res.exit_code == 2
    res = runner.invoke(
        app,
        [
            "coverage",
            "--actors",
            "CHN,JPN",
            "--partner",
            "VNM",
            "--year",
            "2015",
            "--metric",
            "oda_disbursement",
        ],
    )
    assert res.exit_code == 0 and res.stdout.startswith("not comparable")
