"""Fault injection: SIGKILL at many points of a large import and of ``extract --into-ledger``.

For each point the job runs on a fresh copy of the bundled ledger and is killed (SIGKILL, no
chance to clean up); then the ledger must open, hold all or none of the import (for
``extract --into-ledger``: all or none of each document's records), and a re-run must complete
it with no duplicate record. Data lost = records of the completed re-run missing, plus
duplicates, plus partial imports seen after a kill (must all be 0).

Import points: after 1, 2, ... progress lines (one per chunk of 2,000 rows) and during the
commit. Extract points: spread evenly over a full run's duration (measured first).

Run: ``.venv/bin/python benchmarks/fault_injection.py [--points 20] [--rows 100000]``; results in
``results/faults.md``. Bounded: each job has a time limit; the whole run takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import write_table  # noqa: E402

#: Imports ``sys.argv[2]`` into the ledger ``sys.argv[1]`` in chunks of ``sys.argv[3]`` rows (500
#: when not given; origin ``big``), printing one line a chunk (shared with the tests).
IMPORT_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from softpower.ledger import Ledger
    from softpower.ledger.files import iter_jsonl
    path = Path(sys.argv[2])
    with Ledger.open(sys.argv[1]) as lg:
        def progress(done, total):
            print("chunk", done, flush=True)
        lg.import_records(
            iter_jsonl(path, chunk_rows=int(sys.argv[3]) if len(sys.argv) > 3 else 500), origin="big", source=str(path), progress=progress
        )
    print("done", flush=True)
    """
)
CHUNK_ROWS = 2000

SENTENCES = (
    "In {y}, Japan pledged ${m} million to Vietnam for a hospital in Hanoi.",
    "China signed a loan of ${m} million with Laos for a railway in {y}.",
    "A {y} survey found that {p}% of Indonesians trust Japan.",
)


def counts(ledger: Path, origin: str = "big") -> tuple[int, int, int]:
    """Records in the ledger, distinct record ids, and records of ``origin`` (it must open)."""
    from softpower.ledger import Ledger

    with Ledger.open(ledger, read_only=True) as lg:
        row = lg.con.execute(
            "SELECT count(*), count(DISTINCT record_id), count(*) FILTER (WHERE origin = ?) FROM records",
            [origin],
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])


def per_doc(ledger: Path) -> dict[str, int]:
    from softpower.ledger import Ledger

    with Ledger.open(ledger, read_only=True) as lg:
        rows = lg.con.execute(
            "SELECT doc, count(*) FROM records WHERE origin = 'extract' GROUP BY doc"
        ).fetchall()
    return {str(d): int(n) for d, n in rows}


def big_file(path: Path, n: int) -> Path:
    """``n`` distinct valid indicator records (JSON Lines), 50 to a document."""
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


def run_and_kill(ledger: Path, data: Path, after_chunks: int, chunk_rows: int = CHUNK_ROWS) -> bool:
    """Import ``data`` into ``ledger`` in a child and SIGKILL it after ``after_chunks`` progress
    lines (or after its last chunk, while it commits); True if it was killed, False if it
    finished first."""
    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORT_CHILD, str(ledger), str(data), str(chunk_rows)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        seen += line.startswith("chunk")
        if seen >= after_chunks:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(600)
    return proc.returncode == -signal.SIGKILL


def import_trials(base: Path, tmp: Path, rows: int, points: int, chain: bool = False) -> list[list[object]]:
    """Kill points spread over the chunks of one large import, the last one during the commit.

    Each point on a fresh copy of ``base`` followed by a complete re-run; or, with ``chain``,
    every kill on the same ledger (each run is the re-run of the killed one before it) and one
    complete re-run at the end, so that a 1 M-row import costs one import per kill, not two.
    """
    data = big_file(tmp / "big.jsonl", rows)
    chunks = -(-rows // CHUNK_ROWS)
    after = sorted(
        {max(1, round(1 + i * (chunks - 1) / max(1, points - 1))) for i in range(points - 1)} | {chunks}
    )
    while len(after) < points:
        after.append(chunks)
    rows_out: list[list[object]] = []
    ledger = tmp / "import.duckdb"
    shutil.copyfile(base, ledger)
    before = counts(ledger)[0]

    def rerun() -> tuple[int, int, int, int]:
        res = subprocess.run(
            [sys.executable, "-c", IMPORT_CHILD, str(ledger), str(data), str(CHUNK_ROWS)],
            capture_output=True,
            text=True,
            timeout=3600,
        )
        return (res.returncode, *counts(ledger))

    for k in after[:points]:
        if not chain:
            shutil.copyfile(base, ledger)
        t0 = time.monotonic()
        killed = run_and_kill(ledger, data, k)
        total, distinct, big = counts(ledger)  # the ledger opens
        partial = big not in (0, rows) or total != before + big
        row: list[object] = [
            "import" + (" (chained)" if chain else ""),
            f"after chunk {k} of {chunks}"
            if k < chunks
            else f"after the last chunk ({chunks}), in the commit",
            "yes" if killed else "finished first",
            big,
            int(partial),
        ]
        if chain:
            row += ["next row", "", total - distinct, int(partial) + (total - distinct)]
        else:
            code, t2, d2, b2 = rerun()
            row += [code, b2, t2 - d2, (rows - b2) + (t2 - d2)]
        rows_out.append(row)
        print(row, f"{time.monotonic() - t0:.0f} s, load {os.getloadavg()[0]:.1f}", flush=True)
    if chain:
        code, t2, d2, b2 = rerun()
        rows_out.append(
            [
                "import (chained)",
                "complete re-run after the kills",
                "-",
                b2,
                0,
                code,
                b2,
                t2 - d2,
                (rows - b2) + (t2 - d2),
            ]
        )
        print(rows_out[-1], flush=True)
    return rows_out


def _judge_extract_kill(
    ledger: Path, expected: dict[str, int], rerun_cmd: list[str], label: list[object], killed: bool
) -> list[object]:
    """One result row of a killed ``extract --into-ledger``: documents present after the kill and
    how many of them hold a partial set, then the re-run's exit code, the records it leaves,
    duplicates and records lost against the uninterrupted run (``expected``: records per document)."""
    got = per_doc(ledger)
    partial = sum(1 for d, n in got.items() if n != expected.get(d))
    rerun = subprocess.run(rerun_cmd, capture_output=True, text=True, timeout=900)
    after = per_doc(ledger)
    total, distinct, n = counts(ledger, "extract")
    lost = sum(max(0, m - after.get(d, 0)) for d, m in expected.items()) + (total - distinct)
    return [
        *label,
        "yes" if killed else "finished first",
        f"{len(got)} of {len(expected)} docs",
        partial,
        rerun.returncode,
        n,
        total - distinct,
        lost,
    ]


def extract_trials(base: Path, tmp: Path, points: int, docs_n: int) -> list[list[object]]:
    docs = tmp / "docs"
    docs.mkdir()
    for i in range(docs_n):
        text = " ".join(
            s.format(y=1995 + (i + j) % 25, m=(i * 7 + j) % 90 + 5, p=(i + j) % 60 + 20)
            for j, s in enumerate(SENTENCES)
        )
        (docs / f"note{i:03}.txt").write_text(text + "\n", encoding="utf-8")
    cmd = [
        sys.executable,
        "-m",
        "softpower",
        "extract",
        str(docs),
        "--into-ledger",
        "-o",
        str(tmp / "x.jsonl"),
    ]
    # a full run: its duration and the expected records per document
    full = tmp / "full.duckdb"
    shutil.copyfile(base, full)
    t0 = time.monotonic()
    res = subprocess.run([*cmd, "--ledger", str(full)], capture_output=True, text=True, timeout=900)
    duration = time.monotonic() - t0
    assert res.returncode == 0, res.stderr[-2000:]
    expected = per_doc(full)
    n_expected = sum(expected.values())
    rows_out: list[list[object]] = []
    for i in range(points):
        at = duration * (0.3 + 0.7 * (i + 0.5) / points)  # the import runs after the extraction
        ledger = tmp / "extract.duckdb"
        shutil.copyfile(base, ledger)
        proc = subprocess.Popen(
            [*cmd, "--ledger", str(ledger)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            proc.wait(at)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(60)
        killed = proc.returncode == -signal.SIGKILL
        rows_out.append(
            _judge_extract_kill(
                ledger,
                expected,
                [*cmd, "--ledger", str(ledger)],
                ["extract --into-ledger", f"{at:.1f} s of {duration:.1f} s"],
                killed,
            )
        )
        print(rows_out[-1], flush=True)
    assert n_expected > 0
    return rows_out


LEDGER_CHILD = textwrap.dedent(
    """
    import pickle, sys
    from pathlib import Path
    from softpower.cli.extract import _into_ledger
    results = pickle.loads(Path(sys.argv[2]).read_bytes())
    _into_ledger(results, Path(sys.argv[1]))
    print("done", file=sys.stderr, flush=True)
    """
)


def extract_ledger_trials(base: Path, tmp: Path, points: int, docs_n: int) -> list[list[object]]:
    """SIGKILL inside the ledger phase of ``extract --into-ledger``: the documents are extracted once
    (the same ``extract_paths`` the command runs), then the command's own ``_into_ledger`` is run in
    a child and killed after k documents were committed (it prints one line per document)."""
    import pickle

    from softpower.extract.pipeline import extract_paths

    docs = tmp / "ldocs"
    docs.mkdir()
    paths = []
    for i in range(docs_n):
        text = " ".join(
            s.format(y=1995 + (i + j) % 25, m=(i * 7 + j) % 90 + 5, p=(i + j) % 60 + 20)
            for j, s in enumerate(SENTENCES)
        )
        f = docs / f"note{i:03}.txt"
        f.write_text(text + "\n", encoding="utf-8")
        paths.append(f)
    results = extract_paths(paths, workers=1, keep_text=True)
    blob = tmp / "results.pkl"
    blob.write_bytes(pickle.dumps(results))
    full = tmp / "lfull.duckdb"
    shutil.copyfile(base, full)
    subprocess.run(
        [sys.executable, "-c", LEDGER_CHILD, str(full), str(blob)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    expected = per_doc(full)
    n_docs = len(expected)
    after_k = sorted({max(0, round(i * n_docs / points)) for i in range(points)})
    rows_out: list[list[object]] = []
    for k in after_k:
        ledger = tmp / "lx.duckdb"
        shutil.copyfile(base, ledger)
        proc = subprocess.Popen(
            [sys.executable, "-c", LEDGER_CHILD, str(ledger), str(blob)], stderr=subprocess.PIPE, text=True
        )
        assert proc.stderr is not None
        seen = 0
        if k == 0:
            time.sleep(1.0)  # inside the open, before the first commit
            os.kill(proc.pid, signal.SIGKILL)
        else:
            for line in proc.stderr:
                seen += "records added to" in line
                if seen >= k:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
        proc.wait(300)
        killed = proc.returncode == -signal.SIGKILL
        rows_out.append(
            _judge_extract_kill(
                ledger,
                expected,
                [sys.executable, "-c", LEDGER_CHILD, str(ledger), str(blob)],
                ["extract --into-ledger (ledger phase)", f"after {k} of {n_docs} documents committed"],
                killed,
            )
        )
        print(rows_out[-1], flush=True)
    return rows_out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--points", type=int, default=20, help="Kill points per job.")
    ap.add_argument("--rows", type=int, default=100_000, help="Rows of the large import.")
    ap.add_argument(
        "--chain",
        action="store_true",
        help="Import kills on one ledger, each run the re-run of the one before, one complete re-run at the end.",
    )
    ap.add_argument("--docs", type=int, default=40, help="Documents for extract --into-ledger.")
    ap.add_argument(
        "--only", choices=("import", "extract", "extract-ledger"), help="Run one job's points only."
    )
    args = ap.parse_args()
    from softpower.ledger import bundled_ledger

    with tempfile.TemporaryDirectory(prefix="softpower-faults-") as t:
        tmp = Path(t)
        base = bundled_ledger(tmp / "base.duckdb")
        rows: list[list[object]] = []
        if args.only in (None, "import"):
            rows += import_trials(base, tmp, args.rows, args.points, args.chain)
        if args.only in (None, "extract"):
            rows += extract_trials(base, tmp, args.points, args.docs)
        if args.only in (None, "extract-ledger"):
            rows += extract_ledger_trials(base, tmp, args.points, args.docs)
    killed = sum(1 for r in rows if r[2] == "yes")
    lost = sum(int(r[-1]) for r in rows)
    partial = sum(int(r[4]) for r in rows)
    failed_reruns = sum(1 for r in rows if r[5] not in (0, "next row"))
    notes = (
        f"{len(rows)} runs, {killed} killed by SIGKILL mid-job; partial imports seen after a kill: "
        f"{partial}; re-runs that failed: {failed_reruns}; **records lost or duplicated: {lost}**. "
        "import: rows of that import in the ledger after the kill (all or none); extract: documents "
        "whose records were in the ledger after the kill (each all or none: 'partial' counts documents "
        "holding only some of their records). Load average at the end: "
        f"{os.getloadavg()[0]:.1f}."
    )
    write_table(
        "faults" if args.only is None else f"faults_{args.only}",
        "Fault injection: SIGKILL mid-job",
        [
            "job",
            "kill point",
            "killed",
            "after the kill",
            "partial",
            "re-run exit",
            "records after re-run",
            "duplicates",
            "lost",
        ],
        rows,
        notes,
    )
    return 1 if (lost or partial or failed_reruns) else 0


if __name__ == "__main__":
    raise SystemExit(main())
