"""Faults: SIGKILL in the middle of an import, a full disk. The ledger opens afterwards, holds
all or none of the import, and a re-run completes it without duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from softpower.ledger import Ledger, bundled_ledger

#: Imports ``sys.argv[2]`` into ``sys.argv[1]`` in chunks of 500 rows, printing one line a chunk.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from softpower.ledger import Ledger
    from softpower.ledger.files import iter_jsonl
    path = Path(sys.argv[2])
    with Ledger.open(sys.argv[1]) as lg:
        def progress(done, total):
            print("chunk", done, flush=True)
        lg.import_records(iter_jsonl(path, chunk_rows=500), origin="big", source=str(path), progress=progress)
    print("done", flush=True)
    """
)


def big_file(path: Path, n: int) -> Path:
    countries = ["VNM", "LAO", "KHM", "THA", "IDN", "PHL", "MYS", "MMR"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = {
                "doc": f"row-{i // 50}",
                "kind": "indicator",
                "actor": "JPN",
                "partners": [countries[i % len(countries)]],
                "metric": "oda_disbursement",
                "unit": "USD",
                "year": 1990 + i % 30,
                "value": float(i),
            }
            fh.write(json.dumps(rec) + "\n")
    return path


def counts(ledger: Path) -> tuple[int, int, int]:
    with Ledger.open(ledger, read_only=True) as lg:
        row = lg.con.execute(
            "SELECT count(*), count(DISTINCT record_id), count(*) FILTER (WHERE origin = 'big') FROM records"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])


def run_and_kill(ledger: Path, data: Path, after_chunks: int) -> bool:
    """Start the import, SIGKILL it after ``after_chunks`` progress lines; True if it was killed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ledger), str(data)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        if line.startswith("chunk"):
            seen += 1
        if seen >= after_chunks:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(60)
    return proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("after_chunks", [1, 5, 12])
def test_sigkill_mid_import_loses_nothing(tmp_path: Path, after_chunks: int) -> None:
    n = 6000
    data = big_file(tmp_path / "big.jsonl", n)
    ledger = bundled_ledger(tmp_path / "l.duckdb")
    base = counts(ledger)[0]
    killed = run_and_kill(ledger, data, after_chunks)
    total, distinct, big = counts(ledger)  # the ledger opens
    assert total == distinct and big in (0, n) and total == base + big
    assert killed or big == n
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(ledger), str(data)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    total, distinct, big = counts(ledger)
    assert big == n and total == distinct == base + n


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    if os.geteuid() != 0:
        return False
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return res.returncode == 0


def test_full_disk_is_one_line_and_the_ledger_opens_again(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "6m"):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        ledger = bundled_ledger(disk / "l.duckdb")
        base = counts(ledger)
        data = big_file(tmp_path / "big.jsonl", 60_000)
        env = {**os.environ, "SOFTPOWER_MEMORY_LIMIT": "64MB"}
        res = subprocess.run(
            [sys.executable, "-m", "softpower", "ledger", "import", str(data), "--ledger", str(ledger)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert res.returncode == 2, (res.stdout, res.stderr)
        assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
        assert "disk is full" in res.stderr
        total, distinct, big = counts(ledger)  # the ledger opens and is consistent: all or none
        assert total == distinct and big in (0, 60_000) and total == base[0] + big
        small = big_file(tmp_path / "small.jsonl", 10)
        res = subprocess.run(
            [sys.executable, "-m", "softpower", "ledger", "import", str(small), "--ledger", str(ledger)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert res.returncode in (0, 2) and "Traceback" not in res.stderr and res.stderr.count("\n") <= 1
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
