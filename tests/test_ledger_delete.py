"""`softpower ledger delete`: undo a bad import by record, document or origin, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.errors import InputError
from softpower.ledger import Ledger

runner = CliRunner()


def _rows(lg: Ledger, where: str = "true") -> int:
    return int(lg.query(f"SELECT count(*) AS n FROM records WHERE {where}")["n"][0])


def _import(ledger: Path, tmp: Path) -> Path:
    rows = [
        {
            "doc": f"new{i % 2}.txt",
            "kind": "engagement",
            "actor": "KOR",
            "partners": ["LAO"],
            "instrument": "oda_grant",
            "year": 2000 + i,
        }
        for i in range(4)
    ]
    f = tmp / "extra.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert runner.invoke(app, ["ledger", "import", str(f), "--ledger", str(ledger)]).exit_code == 0
    return f


def _delete(ledger: Path, *args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, ["ledger", "delete", *args, "--ledger", str(ledger)])
    return res.exit_code, res.stdout, res.stderr


def test_delete_an_import_by_origin(seeds_ledger: Path, tmp_path: Path) -> None:
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        before = lg.stats()
    _import(seeds_ledger, tmp_path)
    code, out, _ = _delete(seeds_ledger, "--origin", "file:extra.jsonl")
    assert code == 0 and out.strip() == "deleted 4 records and 2 documents"
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        assert lg.stats() == before


def test_delete_by_document_and_by_record(seeds_ledger: Path, tmp_path: Path) -> None:
    _import(seeds_ledger, tmp_path)
    code, out, _ = _delete(seeds_ledger, "--doc", "new0.txt")
    assert code == 0 and out.strip() == "deleted 2 records and 1 documents"
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        ids = lg.query("SELECT record_id FROM records WHERE doc = 'new1.txt' ORDER BY year")[
            "record_id"
        ].tolist()
    code, out, _ = _delete(seeds_ledger, "--record", ids[0])
    assert code == 0 and out.strip() == "deleted 1 records and 0 documents"
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        assert _rows(lg, "doc LIKE 'new%'") == 1 and _rows(lg) == 147


def test_nothing_matching_is_an_error_and_changes_nothing(seeds_ledger: Path) -> None:
    code, out, err = _delete(seeds_ledger, "--origin", "file:typo.jsonl")
    assert code == 2 and "no record or document matches" in err and err.count("\n") == 1
    code, _, err = _delete(seeds_ledger)
    assert code == 2 and "nothing to delete" in err
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        assert _rows(lg) == 146


def test_delete_is_one_transaction(
    seeds_ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(seeds_ledger, tmp_path)
    with Ledger.open(seeds_ledger) as lg:
        real = lg.con.execute
        calls = []

        def failing(sql: str, *a: object) -> object:
            calls.append(sql)
            if sql.startswith("DELETE FROM documents"):
                raise RuntimeError("disk gone")
            return real(sql, *a)

        con = lg.con
        methods = {"execute": staticmethod(failing)}
        methods |= {m: staticmethod(getattr(con, m)) for m in ("begin", "commit", "rollback")}
        monkeypatch.setattr(lg, "con", type("C", (), methods)())
        with pytest.raises(RuntimeError):
            lg.delete(origins=["file:extra.jsonl"])
        monkeypatch.undo()
        assert _rows(lg) == 150 and any(s.startswith("DELETE FROM records") for s in calls)


def test_a_read_only_ledger_refuses_delete(seeds_ledger: Path) -> None:
    from softpower.errors import LedgerError

    with Ledger.open(seeds_ledger, read_only=True) as lg, pytest.raises(LedgerError, match="read-only"):
        lg.delete(origins=["bundled:seeds"])
    with Ledger.open(seeds_ledger) as lg, pytest.raises(InputError, match="nothing to delete"):
        lg.delete()
