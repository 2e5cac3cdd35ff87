"""The full-disk path inside one process (so the mutation run sees it; ``tests/test_faults.py``
fills a real tmpfs through a child process): a write that fails at its commit, a migration that
fails on open, a close that fails. Each gives the whole one-line message, the ledger keeps all
or none of the write, and the space the write took is given back on close."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from softpower.errors import LedgerError
from softpower.ledger import migrations, store
from softpower.ledger.store import Ledger

ENG = {
    "doc": "a",
    "kind": "engagement",
    "actor": "JPN",
    "partners": ["VNM"],
    "instrument": "oda_loan",
    "year": 2010,
}


def _full(path: Path) -> str:
    return (
        f"ledger {path}: the disk is full; the write was not completed (the ledger holds all "
        "or none of it: free some space and run the command again)"
    )


class _FailingAt:
    """The ledger's connection, failing the first statement that starts with ``word`` (the
    transaction methods count as ``BEGIN``, ``COMMIT`` and ``ROLLBACK``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, word: str, exc: BaseException) -> None:
        self._con, self._word, self._exc, self.seen = con, word, exc, []  # type: ignore[var-annotated]

    def _run(self, sql: str, run: Any) -> Any:
        self.seen.append(sql.split()[0])
        if self._exc is not None and sql.lstrip().startswith(self._word):
            exc, self._exc = self._exc, None
            raise exc
        return run()

    def execute(self, sql: str, *args: Any) -> Any:
        chunk = sys._getframe(1).f_locals.get("_softpower_chunk")
        if chunk is not None:  # DuckDB finds the import's chunk by name in its caller's frame
            self._con.register("_softpower_chunk", chunk)
        return self._run(sql, lambda: self._con.execute(sql, *args))

    def begin(self) -> Any:
        return self._run("BEGIN", self._con.begin)

    def commit(self) -> Any:
        return self._run("COMMIT", self._con.commit)

    def rollback(self) -> Any:
        return self._run("ROLLBACK", self._con.rollback)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _rows(lg: Ledger) -> list[tuple[Any, ...]]:
    return lg.con.execute("SELECT doc, actor, year FROM records ORDER BY year").fetchall()


@pytest.mark.parametrize(
    "exc",
    [
        duckdb.IOException('Could not write file "x.wal": No space left on device'),
        OSError(28, "No space left"),
    ],
)
def test_a_commit_that_fails_on_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    path = tmp_path / "f.duckdb"
    lg = Ledger.open(path)
    lg.import_records([ENG], [{"id": "a", "title": "A"}], origin="o", source="s")
    size = path.stat().st_size
    real = lg.con
    lg.con = _FailingAt(real, "COMMIT", exc)  # type: ignore[assignment]
    with pytest.raises(LedgerError) as err:
        lg.import_records([{**ENG, "year": 2011}], [{"id": "b"}], origin="o", source="s")
    assert str(err.value) == _full(path)
    assert lg.con.seen[-2:] == ["COMMIT", "ROLLBACK"]  # type: ignore[attr-defined]
    lg.con = real
    assert _rows(lg) == [("a", "JPN", 2010)]  # none of the failed write
    assert real.execute("SELECT doc_id FROM documents").fetchall() == [("a",)]
    assert lg._shrink_to == size  # the size to give back to on close
    calls = []
    monkeypatch.setattr(store, "give_back_space", lambda p, n: calls.append((p, n)) or False)
    lg.close()
    assert lg._shrink_to is None and calls == [(path, size)]
    with Ledger.open(path) as again:  # the ledger opens, and a later write works
        again.import_records([{**ENG, "year": 2012}], origin="o", source="s")
        assert again._shrink_to is None
        assert _rows(again) == [("a", "JPN", 2010), ("a", "JPN", 2012)]


def test_a_write_after_a_failed_one_keeps_its_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "k.duckdb"
    lg = Ledger.open(path)
    real = lg.con
    lg.con = _FailingAt(real, "COMMIT", OSError(28, "No space left"))  # type: ignore[assignment]
    with pytest.raises(LedgerError):
        lg.import_records([ENG], origin="o", source="s")
    first = lg._shrink_to
    assert first is not None
    # a second failure keeps the size of the first (the file may have grown in between)
    monkeypatch.setattr(store, "_file_size", lambda p: first + 4096)
    lg.con = _FailingAt(real, "COMMIT", OSError(28, "No space left"))  # type: ignore[assignment]
    with pytest.raises(LedgerError):
        lg.import_records([ENG], origin="o", source="s")
    assert lg._shrink_to == first
    monkeypatch.undo()
    lg.import_records([ENG], origin="o", source="s")  # committed: nothing may be cut now
    assert lg._shrink_to is None
    lg.con = real
    lg.close()
    with Ledger.open(path, read_only=True) as ro:
        assert _rows(ro) == [("a", "JPN", 2010)]


def test_other_write_failures_and_interruptions(tmp_path: Path) -> None:
    path = tmp_path / "o.duckdb"
    with Ledger.open(path) as lg:
        real = lg.con
        lg.con = _FailingAt(real, "INSERT INTO records", duckdb.IOException("disk I/O error\ndetails"))  # type: ignore[assignment]
        with pytest.raises(LedgerError) as err:
            lg.import_records([ENG], origin="o", source="s")
        assert (
            str(err.value)
            == f"ledger {path}: write failed (disk I/O error); the ledger holds all or none of it"
        )

        def stop(done: int, total: Any) -> None:
            raise KeyboardInterrupt

        lg.con = _FailingAt(real, "NOTHING", OSError())  # type: ignore[assignment]
        with pytest.raises(KeyboardInterrupt):  # not a write error: passed on as it is, rolled back
            lg.import_records([ENG], origin="o", source="s", progress=stop)
        assert lg.con.seen[-1] == "ROLLBACK"  # type: ignore[attr-defined]
        lg.con = real
        assert _rows(lg) == []


def test_a_migration_that_fails_on_a_full_disk_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.duckdb"

    def full(con: Any) -> list[str]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrations, "migrate", full)
    with pytest.raises(LedgerError) as err:
        Ledger.open(path)
    assert str(err.value) == _full(path)
    monkeypatch.undo()
    with Ledger.open(path) as lg:  # the connection was closed: the file opens again
        assert lg.stats()["engagement"] == 0


def test_a_close_that_fails_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.duckdb"
    lg = Ledger.open(path)
    real = lg.con

    class _Closing:
        def close(self) -> None:
            raise duckdb.IOException("No space left on device")

    lg.con = _Closing()  # type: ignore[assignment]
    lg._shrink_to = 12288
    calls = []
    monkeypatch.setattr(store, "give_back_space", lambda p, n: calls.append((p, n)) or False)
    with pytest.raises(LedgerError) as err:
        lg.close()
    assert str(err.value) == _full(path)
    assert lg._shrink_to is None and calls == [(path, 12288)]  # even when the close fails
    real.close()
