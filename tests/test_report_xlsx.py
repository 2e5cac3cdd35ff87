"""``--format xlsx`` of ledger export, index and simulate: one sheet per table, names beside codes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.ledger import bundled_ledger


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundled_ledger(tmp_path_factory.mktemp("xlsx") / "l.duckdb")


def header(wb: openpyxl.Workbook, sheet: str) -> list[str]:
    return [c.value for c in next(wb[sheet].iter_rows(max_row=1))]


def test_ledger_export_xlsx(ledger_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.xlsx"
    res = CliRunner().invoke(
        app, ["ledger", "export", "--ledger", str(ledger_file), "--format", "xlsx", "--output", str(out)]
    )
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["records"]
    cols = header(wb, "records")
    for col in (
        "actor",
        "actor_name",
        "instrument",
        "instrument_name",
        "amount",
        "currency",
        "amount_usd_const",
    ):
        assert col in cols, col
    rows = list(wb["records"].iter_rows(min_row=2, values_only=True))
    n = int(res.output.split("wrote ")[1].split()[0])
    assert len(rows) == n > 100
    names = dict(zip(cols, zip(*rows, strict=True), strict=True))
    assert "Japan" in names["actor_name"] and "JPN" in names["actor"]


def test_index_and_simulate_xlsx(ledger_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "index.xlsx"
    res = CliRunner().invoke(
        app, ["index", "--ledger", str(ledger_file), "--mc", "10", "--format", "xlsx", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["dyads", "actors", "leaders", "profiles", "sensitivity"]
    assert header(wb, "leaders")[:4] == ["partner", "partner_name", "year", "leader"]
    out = tmp_path / "sim.xlsx"
    res = CliRunner().invoke(
        app,
        [
            "simulate",
            "us-health-withdrawal",
            "--ledger",
            str(ledger_file),
            "--runs",
            "10",
            "--format",
            "xlsx",
            "-o",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames[:2] == ["series", "effects"] and "p_positive" in header(wb, "effects")
    res = CliRunner().invoke(app, ["index", "--ledger", str(ledger_file), "--format", "xlsx"])
    assert res.exit_code == 2 and "needs --output" in res.output
