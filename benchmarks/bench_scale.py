"""Scale: importing 1 M and 10 M synthetic records, and the dyad-year panel at 10 M records.

Import: each size is written as a Parquet file of synthetic engagement records (the generator
of ``bench_ledger.py``, written in pieces so the generator's own memory stays small) and
imported into a new ledger in a child process under ``/usr/bin/time -v``: rows/s and peak
resident memory (target: <= 1 GiB whatever the file size).

Panel: on the ledger of the largest import, three children compute the same engagement
dyad-year panel: softpower's ``engagement_panel`` (inside DuckDB), one plain DuckDB
``GROUP BY`` over the same view (no fact collapsing, no group split: the floor) and the
pandas implementation softpower used before (``softpower.measure.dyads.collapse_facts`` +
``panel_from_facts``). Each reports CPU seconds (user + system), wall seconds and peak RSS;
the ratios are to the plain GROUP BY (target: softpower within 1.5x in CPU and memory).
softpower's panel is checked against the pandas one (same rows; values within 1e-9 relative).

Every DuckDB child runs on one thread with ``memory_limit`` = ``--duckdb-memory`` and a temp
directory inside this run's temp folder; everything is deleted at the end. Children run under
``nice``, one at a time. The pandas child is skipped when less than ``--pandas-min-free`` GiB
of memory is available (it needed 13.9 GiB at 10 M records).

Usage: python benchmarks/bench_scale.py [--rows 1000000 10000000] [--no-panel] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import write_table  # noqa: E402
from bench_ledger import synthetic  # noqa: E402

PIECE = 500_000
TIME = "/usr/bin/time"


def write_parquet(n: int, path: Path, seed: int = 7) -> None:
    """``n`` distinct valid engagement records, written in pieces of :data:`PIECE` rows."""
    writer: pq.ParquetWriter | None = None
    try:
        for k, start in enumerate(range(0, n, PIECE)):
            df = synthetic(min(PIECE, n - start), seed=seed + k)
            # globally distinct documents and spans: piece k continues where k-1 stopped
            idx = np.arange(start, start + len(df))
            df["doc"] = [f"synthetic-{i // 100}.txt" for i in idx]
            table = pa.Table.from_pandas(df, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()


IMPORT_CHILD = """
import json, sys, time
from pathlib import Path
from softpower.ledger import Ledger, import_file
t = time.perf_counter()
with Ledger.open(Path(sys.argv[2])) as lg:
    res = import_file(lg, Path(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - t, "added": res.total}))
"""

#: Shared by the panel children: open read-only, one thread, bounded memory, private temp dir.
_OPEN = """
import json, sys, time
from pathlib import Path
from softpower.ledger import Ledger
led = Ledger.open(Path(sys.argv[1]), read_only=True)
led.con.execute("SET threads = 1")
led.con.execute(f"SET memory_limit = '{sys.argv[3]}'")
led.con.execute(f"SET temp_directory = '{sys.argv[4]}'")
out = Path(sys.argv[2])
t = time.perf_counter()
"""

PANEL_CHILDREN = {
    "softpower engagement_panel (DuckDB)": _OPEN
    + """
from softpower.measure import engagement_panel
df = engagement_panel(led)
secs = time.perf_counter() - t
df.to_parquet(out)
print(json.dumps({"seconds": secs, "rows": len(df)}))
""",
    "plain DuckDB GROUP BY": _OPEN
    + """
df = led.con.execute('''
    SELECT actor, partner, year, instrument, power_type, count(*) AS n, sum(amount_usd_const) AS usd,
           count(*) FILTER (WHERE ppp) AS ppp, count(*) FILTER (WHERE self_reported) AS self_only
    FROM (
        SELECT actor, unnest(partners) AS partner, coalesce(year, CAST(year(doc_date) AS INTEGER)) AS year,
               instrument, power_type, amount_usd_const, ppp, self_reported
        FROM record_sources WHERE kind = 'engagement'
    )
    GROUP BY ALL
''').df()
secs = time.perf_counter() - t
print(json.dumps({"seconds": secs, "rows": len(df)}))
""",
    "pandas (softpower before)": _OPEN
    + """
from softpower.measure.dyads import collapse_facts, ledger_records, panel_from_facts
df = panel_from_facts(collapse_facts(ledger_records(led, "engagement")))
secs = time.perf_counter() - t
df.to_parquet(out)
print(json.dumps({"seconds": secs, "rows": len(df)}))
""",
}


def timed(args: list[str]) -> dict[str, float | str]:
    """Run ``args`` under ``nice`` and ``/usr/bin/time -v``: its JSON line plus CPU, wall, peak RSS."""
    proc = subprocess.run(["nice", TIME, "-v", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[:3]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    err = proc.stderr

    def field(name: str) -> str:
        m = re.search(rf"{re.escape(name)}: (.+)", err)
        assert m, name
        return m.group(1).strip()

    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    res: dict[str, float | str] = json.loads(proc.stdout.strip().splitlines()[-1])
    res["cpu"] = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    res["wall"] = wall
    res["peak_mib"] = int(field("Maximum resident set size (kbytes)")) / 1024
    return res


def available_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable"):
            return int(line.split()[1]) / 2**20
    return 0.0


def compare(a: Path, b: Path) -> str:
    """softpower's panel beside the pandas panel: same keys, values within 1e-9 relative."""
    import pandas as pd

    x, y = pd.read_parquet(a), pd.read_parquet(b)
    keys = ["actor", "partner", "year", "instrument", "power_type"]
    if list(x.columns) != list(y.columns) or len(x) != len(y):
        return f"differ: {len(x)} vs {len(y)} rows, columns {list(x.columns)} vs {list(y.columns)}"
    if not x[keys].astype(str).equals(y[keys].astype(str)):
        return "differ: row keys"
    worst = 0.0
    for col in x.columns.drop(keys):
        u, v = x[col].to_numpy(float), y[col].to_numpy(float)
        worst = max(worst, float(np.max(np.abs(u - v) / np.maximum(np.abs(v), 1.0), initial=0.0)))
    return f"{'identical' if worst <= 1e-9 else 'DIFFER'}: {len(x):,} rows, same keys, max relative difference {worst:.1e}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    ap.add_argument("--no-panel", action="store_true", help="imports only")
    ap.add_argument(
        "--tmp", type=Path, default=None, help="folder for the temporary files (default: $TMPDIR)"
    )
    ap.add_argument("--duckdb-memory", default="2GB", help="DuckDB memory_limit of the panel children")
    ap.add_argument("--pandas-min-free", type=float, default=16.0)
    args = ap.parse_args()
    py = sys.executable
    tmp = Path(tempfile.mkdtemp(prefix="softpower-scale-", dir=args.tmp))
    imports, panel_rows, equality = [], [], ""
    try:
        ledger = None
        for n in sorted(args.rows):
            src, led = tmp / f"r{n}.parquet", tmp / f"l{n}.duckdb"
            write_parquet(n, src)
            res = timed([py, "-c", IMPORT_CHILD, str(src), str(led)])
            assert res["added"] == n, res
            rate = n / float(res["seconds"])
            imports.append(
                (
                    f"{n:,}",
                    f"{float(res['seconds']):.0f}",
                    f"{rate:,.0f}",
                    f"{float(res['cpu']):.0f}",
                    f"{float(res['peak_mib']):,.0f}",
                    "yes" if float(res["peak_mib"]) <= 1024 else "no",
                )
            )
            print(imports[-1], flush=True)
            src.unlink()
            if ledger is not None:
                ledger.unlink()
            ledger = led
        if ledger is not None and not args.no_panel:
            n = max(args.rows)
            base: dict[str, float | str] = {}
            outs: dict[str, Path] = {}
            for name, code in PANEL_CHILDREN.items():
                if name.startswith("pandas") and available_gib() < args.pandas_min_free:
                    panel_rows.append(
                        (name, f"not run: {available_gib():.1f} GiB available", "", "", "", "", "")
                    )
                    continue
                spill = tmp / "spill"
                spill.mkdir(exist_ok=True)
                outs[name] = tmp / f"panel-{len(outs)}.parquet"
                res = timed([py, "-c", code, str(ledger), str(outs[name]), args.duckdb_memory, str(spill)])
                shutil.rmtree(spill, ignore_errors=True)
                if name.startswith("plain"):
                    base = res
                panel_rows.append(
                    (
                        name,
                        f"{float(res['cpu']):.1f}",
                        f"{float(res['wall']):.1f}",
                        f"{float(res['peak_mib']):,.0f}",
                        f"{res['rows']:,}",
                        "",
                        "",
                    )
                )
                print(panel_rows[-1], flush=True)
            if base:
                panel_rows = [
                    (
                        *r[:5],
                        f"{float(r[1]) / float(base['cpu']):.2f}" if r[2] else "",
                        f"{float(r[3].replace(',', '')) / float(base['peak_mib']):.2f}" if r[2] else "",
                    )
                    for r in panel_rows
                ]
            sp, pd_ = (
                outs.get(k) for k in ("softpower engagement_panel (DuckDB)", "pandas (softpower before)")
            )
            equality = compare(sp, pd_) if sp and pd_ else "not compared (pandas not run)"
            print(equality, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    write_table(
        "scale",
        "Scale: streaming import and the dyad-year panel",
        ["records", "import s", "rows/s", "CPU s", "peak RSS MiB", "<= 1 GiB"],
        imports,
        notes="Import: synthetic engagement records (Parquet) into a new ledger, one transaction, every "
        "record validated, in a child process under nice; peak RSS from /usr/bin/time -v.",
    )
    if panel_rows:
        text = (Path(__file__).resolve().parent / "results" / "scale.md").read_text()
        lines = [
            "",
            f"## Engagement panel at {max(args.rows):,} records",
            "",
            "| implementation | CPU s | wall s | peak RSS MiB | panel rows | CPU ratio to GROUP BY "
            "| memory ratio to GROUP BY |",
            "|---|---|---|---|---|---|---|",
            *("| " + " | ".join(r) + " |" for r in panel_rows),
            "",
            f"softpower vs pandas: {equality}.",
            "",
            f"DuckDB children: threads = 1, memory_limit = {args.duckdb_memory}, a private temp directory "
            "(deleted). CPU = user + system seconds; target: softpower within 1.5x of the plain GROUP BY.",
        ]
        (Path(__file__).resolve().parent / "results" / "scale.md").write_text(text + "\n".join(lines) + "\n")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    rc = main()
    print(f"total {time.perf_counter() - t0:.1f} s")
    raise SystemExit(rc)
