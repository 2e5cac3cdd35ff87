"""Faults: SIGKILL in the middle of an import, a full disk. The ledger opens afterwards, holds
all or none of the import, and a re-run completes it without duplicates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from softpower.errors import InputError
from softpower.ledger import Ledger, bundled_ledger
from softpower.ledger.files import iter_jsonl

# the large-import fixture, the import child and the counts are those of the fault-injection
# benchmark (benchmarks/fault_injection.py), which runs the same checks at 1 M rows
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from fault_injection import IMPORT_CHILD, big_file, counts, run_and_kill  # noqa: E402

#: The import child with its default chunks of 500 rows (``CHILD LEDGER FILE``; used by other tests).
CHILD = IMPORT_CHILD


@pytest.mark.parametrize("after_chunks", [1, 5, 12])
def test_sigkill_mid_import_loses_nothing(tmp_path: Path, after_chunks: int) -> None:
    n = 6000
    data = big_file(tmp_path / "big.jsonl", n)
    ledger = bundled_ledger(tmp_path / "l.duckdb")
    base = counts(ledger)[0]
    killed = run_and_kill(ledger, data, after_chunks, chunk_rows=500)
    total, distinct, big = counts(ledger)  # the ledger opens
    assert total == distinct and big in (0, n) and total == base + big
    assert killed or big == n
    out = subprocess.run(
        [sys.executable, "-c", IMPORT_CHILD, str(ledger), str(data), "500"], capture_output=True, text=True
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
        size_before, free_before = ledger.stat().st_size, shutil.disk_usage(disk).free
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
        # the space is given back: the file is no larger than before, the disk has room again
        assert ledger.stat().st_size <= size_before
        assert shutil.disk_usage(disk).free >= free_before - 64 * 1024  # the write-ahead log's pages
        total, distinct, big = counts(ledger)  # the ledger opens and is consistent: all or none
        assert total == distinct and big in (0, 60_000) and total == base[0] + big
        small = big_file(tmp_path / "small.jsonl", 10)
        res = subprocess.run(
            [sys.executable, "-m", "softpower", "ledger", "import", str(small), "--ledger", str(ledger)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert res.returncode == 0, res.stderr  # the disk has room again: the next import works
        assert counts(ledger)[0] == base[0] + big + 10
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_failed_import_gives_its_space_back(seeds_ledger: Path, tmp_path: Path) -> None:
    data = big_file(tmp_path / "big.jsonl", 160_000)  # past a DuckDB row group: written to the file
    with data.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"doc": "x", "kind": "bogus", "actor": "JPN", "partners": ["VNM"]}) + "\n")
    before = seeds_ledger.stat().st_size
    lg = Ledger.open(seeds_ledger)
    with pytest.raises(InputError, match=r":160001: kind: 'bogus'"):
        lg.import_records(iter_jsonl(data, chunk_rows=40_000), origin="big", source=str(data))
    grown = seeds_ledger.stat().st_size
    lg.close()
    assert grown > before  # the rolled-back rows took space in the file ...
    assert seeds_ledger.stat().st_size <= before  # ... which is given back on close
    assert counts(seeds_ledger)[2] == 0


def test_space_is_not_cut_while_another_process_has_the_ledger(seeds_ledger: Path) -> None:
    from softpower.ledger.store import give_back_space

    size = seeds_ledger.stat().st_size
    with seeds_ledger.open("ab") as fh:  # a file grown past its last checkpoint
        fh.write(b"\0" * 262_144)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, duckdb; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print('held', flush=True); sys.stdin.read()",
            str(seeds_ledger),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        assert not give_back_space(seeds_ledger, size)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(60)
    assert give_back_space(seeds_ledger, size)
    assert seeds_ledger.stat().st_size == size and counts(seeds_ledger)[0] > 0
    assert not give_back_space(seeds_ledger, size - 4096)  # never below the last checkpoint
