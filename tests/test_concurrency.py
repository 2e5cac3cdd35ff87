"""Concurrency: one writer at a time, readers see the state before or after an import (never a
mix), and a second writer gets one "busy" line with a retry option (``--wait``).

DuckDB lets one process write a file or any number of processes read it, never both; within one
process (the dashboard) readers on other cursors keep reading a snapshot while an import writes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from softpower.ledger import Ledger
from softpower.ledger.store import LedgerBusy
from test_faults import CHILD, big_file, counts

#: Holds ``sys.argv[1]`` open (writable, or read-only with a second argument) until stdin closes.
HOLDER = textwrap.dedent(
    """
    import sys
    from softpower.ledger import Ledger
    lg = Ledger.open(sys.argv[1], read_only=len(sys.argv) > 2)
    print("held", flush=True)
    sys.stdin.read()
    lg.close()
    """
)


def _hold(ledger: Path, *extra: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(ledger), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    assert proc.wait(60) == 0


def _cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "softpower", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "SOFTPOWER_WAIT"},
    )


def test_second_writer_is_busy_and_wait_retries(seeds_ledger: Path, tmp_path: Path) -> None:
    small = big_file(tmp_path / "small.jsonl", 20)
    base = counts(seeds_ledger)[0]
    holder = _hold(seeds_ledger)
    try:
        out, err = _cli("ledger", "import", str(small), "--ledger", str(seeds_ledger)).communicate(
            timeout=300
        )
        busy = _cli("ledger", "import", str(small), "--ledger", str(seeds_ledger), "--wait", "300")
        time.sleep(2.0)
        assert busy.poll() is None  # still retrying while the other process writes
    finally:
        _release(holder)
    assert err == f"softpower: {LedgerBusy(seeds_ledger, reader=False)}\n"
    assert "is busy (another softpower process is writing)" in err and out == ""
    out2, err2 = busy.communicate(timeout=300)
    assert busy.returncode == 0, err2
    assert "20 records read" in out2
    assert counts(seeds_ledger)[0] == base + 20


def test_writer_blocked_by_a_reader_says_so(seeds_ledger: Path) -> None:
    holder = _hold(seeds_ledger, "ro")
    try:
        t0 = time.monotonic()
        try:
            Ledger.open(seeds_ledger, wait=0.5)
        except LedgerBusy as exc:
            message = str(exc)
        else:  # pragma: no cover - the assertion below reports it
            message = ""
        waited = time.monotonic() - t0
        with Ledger.open(seeds_ledger, read_only=True) as lg:  # readers share the file
            assert lg.stats()["engagement"] > 0
    finally:
        _release(holder)
    assert "is busy (another softpower process is reading it" in message and "--wait" in message
    assert waited >= 0.5
    with Ledger.open(seeds_ledger, wait=0):  # free again
        pass


def test_readers_in_another_process_see_old_or_new_never_a_mix(seeds_ledger: Path, tmp_path: Path) -> None:
    n = 6000
    data = big_file(tmp_path / "big.jsonl", n)
    base = counts(seeds_ledger)[0]
    writer = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(seeds_ledger), str(data)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOFTPOWER_WAIT": "120"},  # the writer waits out the readers
    )
    seen: list[int] = []
    busy: list[str] = []
    while True:
        done = writer.poll() is not None
        try:
            with Ledger.open(seeds_ledger, read_only=True, wait=0) as lg:
                row = lg.con.execute("SELECT count(*) FROM records").fetchone()
                assert row is not None
                seen.append(int(row[0]))
        except LedgerBusy as exc:
            busy.append(str(exc))
        if done:
            break
        time.sleep(0.02)
    assert writer.returncode == 0
    assert set(seen) <= {base, base + n}, sorted(set(seen))
    assert seen[-1] == base + n  # the last read, after the writer exited
    assert busy, "no read overlapped the import"
    assert set(busy) == {str(LedgerBusy(seeds_ledger, reader=False))}


def test_dashboard_readers_see_a_snapshot_during_its_import(seeds_ledger: Path, tmp_path: Path) -> None:
    from softpower.web.state import Store

    n = 6000
    data = big_file(tmp_path / "big.jsonl", n)
    store = Store(seeds_ledger, allow_write=True)
    try:
        base = store.n_records()
        result: list[str] = []
        worker = threading.Thread(
            target=lambda: result.append(store.import_upload("big.jsonl", data.open("rb")))
        )
        worker.start()
        seen: list[tuple[int, int]] = []
        while worker.is_alive():
            with store.ledger() as lg:
                a = int(lg.query("SELECT count(*) AS n FROM records")["n"][0])
                time.sleep(0.005)  # a second read of the same snapshot, later
                b = int(lg.query("SELECT count(*) AS n FROM record_sources")["n"][0])
            seen.append((a, b))
        worker.join()
        assert result and "6000 rows read" in result[0]
        assert all(a == b for a, b in seen), seen  # one snapshot per handle
        assert {a for a, _ in seen} <= {base, base + n}
        assert len(seen) > 1
        assert store.n_records() == base + n  # the cache was refreshed after the import
    finally:
        store.close()
