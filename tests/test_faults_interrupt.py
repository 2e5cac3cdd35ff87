"""Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops every long job
cleanly: one line on stderr, exit code 130, no traceback, nothing half-written (no output file,
no temporary file, the ledger unchanged and openable)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from softpower.cli.common import INTERRUPTED_LINE
from test_faults import big_file, counts

#: Imports the CLI (the slow start), says so on stderr, then runs ``softpower ARGS`` as the
#: console script does: the interrupt then reaches the command, not the start-up.
WRAPPER = textwrap.dedent(
    """
    import sys
    from softpower.cli import main
    sys.argv = ["softpower", *sys.argv[1:]]
    print("ready", file=sys.stderr, flush=True)
    main()
    """
)


def interrupt(args: list[str], after: float, env: dict[str, str] | None = None) -> tuple[int, str, float]:
    """Run ``softpower ARGS``; Ctrl-C ``after`` seconds into the command. Returns the exit code,
    stderr after the start-up line, and the seconds from the interrupt to the exit."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRAPPER, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, **(env or {})},
    )
    assert proc.stderr is not None
    assert proc.stderr.readline() == "ready\n"
    time.sleep(after)
    assert proc.poll() is None, "the job ended before the interrupt: make it longer"
    os.killpg(proc.pid, signal.SIGINT)
    t0 = time.monotonic()
    try:
        err = proc.stderr.read()
        code = proc.wait(120)
    finally:
        if proc.poll() is None:  # pragma: no cover - a hang: the assertion below reports it
            os.killpg(proc.pid, signal.SIGKILL)
    return code, err, time.monotonic() - t0


def assert_clean_stop(code: int, err: str, seconds: float, folder: Path) -> None:
    assert (code, err) == (130, f"softpower: {INTERRUPTED_LINE}\n")
    assert seconds < 60
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]
    assert leftovers == []


def test_ctrl_c_stops_an_import(seeds_ledger: Path, tmp_path: Path) -> None:
    data = big_file(tmp_path / "big.jsonl", 300_000)
    before = counts(seeds_ledger)
    code, err, sec = interrupt(["ledger", "import", str(data), "--ledger", str(seeds_ledger)], 2.0)
    assert_clean_stop(code, err, sec, tmp_path)
    assert counts(seeds_ledger) == before  # nothing of the import, and the ledger opens


def test_ctrl_c_stops_extract_into_ledger(seeds_ledger: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    sentence = "In {y}, Japan pledged ${m} million to Vietnam for a hospital in Hanoi. "
    for i in range(40):
        body = "".join(sentence.format(y=1990 + (i + k) % 30, m=k % 90 + 1) for k in range(800))
        (docs / f"d{i:02}.txt").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    before = counts(seeds_ledger)
    args = ["extract", str(docs), "--into-ledger", "--ledger", str(seeds_ledger), "-o", str(out / "x.jsonl")]
    code, err, sec = interrupt(args, 2.0)
    assert_clean_stop(code, err, sec, out)
    assert list(out.iterdir()) == []
    assert counts(seeds_ledger) == before


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_stops_the_index(seeds_ledger: Path, tmp_path: Path, workers: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [
        "index",
        "--ledger",
        str(seeds_ledger),
        "--mc",
        "400000",
        "--format",
        "json",
        "-o",
        str(out / "i.json"),
    ]
    code, err, sec = interrupt(args, 2.0, {"SOFTPOWER_WORKERS": workers})
    assert_clean_stop(code, err, sec, out)
    assert list(out.iterdir()) == []


def test_ctrl_c_stops_a_simulation(seeds_ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [
        "simulate",
        "baseline",
        "--ledger",
        str(seeds_ledger),
        "--runs",
        "20000",
        "-o",
        str(out / "s.json"),
    ]
    code, err, sec = interrupt(args, 2.0)
    assert_clean_stop(code, err, sec, out)
    assert list(out.iterdir()) == []


def test_ctrl_c_stops_the_report(seeds_ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [
        "report",
        "--ledger",
        str(seeds_ledger),
        "--mc",
        "400000",
        "--runs",
        "20",
        "-o",
        str(out / "r.html"),
    ]
    code, err, sec = interrupt(args, 2.0)
    assert_clean_stop(code, err, sec, out)
    assert list(out.iterdir()) == []
