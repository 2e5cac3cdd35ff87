"""`softpower ledger query` is a sandbox: users' SQL reads this ledger and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.errors import LedgerError
from softpower.ledger import Ledger

runner = CliRunner()


def _query(ledger: Path, sql: str) -> tuple[int, str, str]:
    res = runner.invoke(app, ["ledger", "query", sql, "--format", "csv", "--ledger", str(ledger)])
    return res.exit_code, res.stdout, res.stderr


def _refused(ledger: Path, sql: str) -> str:
    code, out, err = _query(ledger, sql)
    assert code == 2, (sql, out, err)
    assert err.count("\n") == 1 and err.startswith("softpower: query refused"), err
    assert "Traceback" not in err and out == ""
    return err


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    f = tmp_path / "secret.csv"
    f.write_text("password\nhunter2\n", encoding="utf-8")
    return f


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('{secret}')",
        "SELECT * FROM read_csv_auto('{secret}')",
        "SELECT * FROM read_text('{secret}')",
        "SELECT * FROM read_blob('{secret}')",
        "SELECT * FROM sniff_csv('{secret}')",
        "SELECT * FROM glob('{dir}/*')",
        "SELECT * FROM '{secret}'",
    ],
)
def test_reading_other_files_is_refused(seeds_ledger: Path, secret: Path, sql: str) -> None:
    code, out, err = _query(seeds_ledger, sql.format(secret=secret, dir=secret.parent))
    assert code == 2 and "hunter2" not in out + err and "secret.csv" not in out
    assert err.count("\n") == 1 and "Traceback" not in err


def test_read_of_etc_passwd_is_refused(seeds_ledger: Path) -> None:
    _refused(seeds_ledger, "SELECT * FROM read_csv('/etc/passwd')")


@pytest.mark.parametrize(
    "sql",
    [
        "COPY (SELECT * FROM records) TO '{out}'",
        "COPY records TO '{out}' (FORMAT parquet)",
        "EXPORT DATABASE '{dir}'",
    ],
)
def test_writing_files_is_refused(seeds_ledger: Path, tmp_path: Path, sql: str) -> None:
    out, folder = tmp_path / "leak.csv", tmp_path / "dump"
    _refused(seeds_ledger, sql.format(out=out, dir=folder))
    assert not out.exists() and not folder.exists()


def test_attach_cannot_touch_another_ledger(seeds_ledger: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    other.write_bytes(seeds_ledger.read_bytes())
    _refused(seeds_ledger, f"ATTACH '{other}' AS o (READ_WRITE); DELETE FROM o.records")
    _refused(seeds_ledger, f"ATTACH '{other}' AS o")
    with Ledger.open(other, read_only=True) as lg:
        assert lg.stats()["engagement"] + lg.stats()["indicator"] + lg.stats()["perception"] == 146


@pytest.mark.parametrize("sql", ["INSTALL httpfs", "LOAD httpfs", "FORCE INSTALL json"])
def test_extensions_are_refused(seeds_ledger: Path, sql: str) -> None:
    _refused(seeds_ledger, sql)


@pytest.mark.parametrize(
    "sql",
    [
        "SET enable_external_access = true",
        "SET lock_configuration = false",
        "RESET enable_external_access",
        "SET memory_limit = '64GB'",
        "SET temp_directory = '/tmp'",
    ],
)
def test_the_sandbox_cannot_be_switched_off(seeds_ledger: Path, sql: str) -> None:
    _refused(seeds_ledger, sql)


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM records",
        "DROP TABLE records",
        "CREATE TABLE t AS SELECT 1",
        "UPDATE records SET year = 1",
    ],
)
def test_writes_to_the_ledger_are_refused(seeds_ledger: Path, sql: str) -> None:
    before = seeds_ledger.read_bytes()
    code, _, err = _query(seeds_ledger, sql)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert seeds_ledger.read_bytes() == before


def test_ordinary_queries_still_work(seeds_ledger: Path) -> None:
    code, out, _ = _query(seeds_ledger, "SELECT kind, count(*) AS n FROM records GROUP BY kind ORDER BY kind")
    assert code == 0 and out.splitlines() == ["kind,n", "engagement,110", "indicator,32", "perception,4"]


def test_a_sandbox_is_read_only(seeds_ledger: Path) -> None:
    with pytest.raises(LedgerError, match="read-only"):
        Ledger.open(seeds_ledger, sandbox=True)
