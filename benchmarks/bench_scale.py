"""Scale: importing 1 M and 10 M synthetic records, and the dyad-year panel at 10 M records.

Import: each size is written as a Parquet file of synthetic engagement records (the generator
of ``bench_ledger.py``, written in pieces so the generator's own memory stays small) and
imported into a new ledger in a child process under ``/usr/bin/time -v``: rows/s and peak
resident memory (target: <= 1 GiB whatever the file size).

Panel: on the ledger of the largest import, children compute the engagement dyad-year panel
(records → facts → member-state dyads) and two plain DuckDB ``GROUP BY`` baselines. All read
the same inputs (``records`` LEFT JOIN ``documents``, engagement only), group by the same five
keys (actor, partner, year, instrument, power type; the baselines take each named partner as
it stands: no group split) and return the same six measures (count, constant USD, count
without an amount, PPP, equal footing, self-reported), ordered, as a pandas frame:

* ``GROUP BY, facts once``: one ``GROUP BY`` whose count is ``count(DISTINCT fact_key)`` (a
  fact stated by several documents counted once, the one panel rule a single ``GROUP BY`` can
  express; the other measures per record). The target is measured against this one:
  softpower within 1.5x in CPU and memory.
* ``GROUP BY, records``: the same with ``count(*)``: the floor (a scan, an unnest and one
  aggregation into a few thousand groups), shown beside it.

Each DuckDB child runs ``--repeat`` times (medians; each a fresh process, so DuckDB's cache
starts empty; one thread, ``memory_limit`` = ``--duckdb-memory``, a private temp directory).
The pandas implementation softpower used before (``collapse_facts`` + ``panel_from_facts``)
needs about 2 GiB per million records: it runs once, under ``flock $SOFTPOWER_HEAVY_LOCK``
when that is set and under ``prlimit --as`` (so it fails rather than starve the machine), on
the largest size the available memory allows (a ledger of the first N records of the largest
one when that is below it); softpower and the ``GROUP BY`` run at that size too, and
softpower's panel is checked against the pandas one (same rows; values within 1e-9 relative).
Every row carries the 1-minute load average at its start (the machine is shared).

``--ledger PATH`` computes the panel on an existing ledger (read-only; e.g. one imported by an
earlier run of this script) instead of importing the largest size again; the import table then
holds only the sizes imported in this run.

Usage: python benchmarks/bench_scale.py [--rows 1000000 10000000] [--no-panel] [--ledger PATH] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
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
led.con.execute("SET enable_progress_bar = false")
led.con.execute(f"SET memory_limit = '{sys.argv[3]}'")
led.con.execute(f"SET temp_directory = '{sys.argv[4]}'")
out = Path(sys.argv[2])
# every child imports the same modules (pandas, softpower.measure), so start-up costs the same
from softpower.measure import engagement_panel
t = time.perf_counter()
"""

#: The plain GROUP BY: softpower's inputs, keys and measures, no fact collapsing, no group split.
GROUP_BY = """
SELECT r.actor, p.partner, coalesce(r.year, CAST(year(d.date) AS INTEGER)) AS year, r.instrument, r.power_type,
       CAST({count} AS DOUBLE) AS count,
       coalesce(sum(r.amount_usd_const), 0.0) AS usd_const,
       CAST(count(*) FILTER (WHERE r.amount_usd_const IS NULL) AS DOUBLE) AS usd_missing,
       CAST(count(*) FILTER (WHERE r.ppp) AS DOUBLE) AS ppp,
       CAST(count(*) FILTER (WHERE r.equal_footing) AS DOUBLE) AS equal_footing,
       CAST(count(*) FILTER (WHERE coalesce(d.publisher_country = r.actor
                                            AND d.publisher_kind IN ('government', 'state_media'), false))
            AS DOUBLE) AS self_only
FROM records r LEFT JOIN documents d ON d.doc_id = r.doc, unnest(r.partners) AS p(partner)
WHERE r.kind = 'engagement'
GROUP BY ALL
ORDER BY 1, 2, 3, 4, 5
"""

_GROUP_BY_CHILD = """
df = led.con.execute(sys.argv[5]).df()
secs = time.perf_counter() - t
print(json.dumps({"seconds": secs, "rows": len(df)}))
"""

SOFTPOWER = "softpower engagement_panel (DuckDB)"
FACTS_ONCE = "plain GROUP BY, facts once"
RECORDS = "plain GROUP BY, records"
PANDAS = "pandas (softpower before)"

#: name -> (child code, extra argument)
PANEL_CHILDREN: dict[str, tuple[str, str]] = {
    SOFTPOWER: (
        _OPEN
        + """
df = engagement_panel(led)
secs = time.perf_counter() - t
df.to_parquet(out)
print(json.dumps({"seconds": secs, "rows": len(df)}))
""",
        "",
    ),
    FACTS_ONCE: (_OPEN + _GROUP_BY_CHILD, GROUP_BY.format(count="count(DISTINCT r.fact_key)")),
    RECORDS: (_OPEN + _GROUP_BY_CHILD, GROUP_BY.format(count="count(*)")),
    PANDAS: (
        _OPEN
        + """
from softpower.measure.dyads import collapse_facts, ledger_records, panel_from_facts
df = panel_from_facts(collapse_facts(ledger_records(led, "engagement")))
secs = time.perf_counter() - t
df.to_parquet(out)
print(json.dumps({"seconds": secs, "rows": len(df)}))
""",
        "",
    ),
}

#: GiB of resident memory the pandas panel needs per million records (20.3 GiB at 10 M, measured).
PANDAS_GIB_PER_M = 2.1

SUBSET = """
import sys
from pathlib import Path
import duckdb
from softpower.ledger import Ledger
Ledger.open(Path(sys.argv[2])).close()  # the schema and the group memberships
con = duckdb.connect(sys.argv[2])
con.execute("SET enable_progress_bar = false")
con.execute(f"ATTACH '{sys.argv[1]}' AS big (READ_ONLY)")
con.execute(f"INSERT INTO records SELECT * FROM big.records WHERE kind = 'engagement' LIMIT {int(sys.argv[3])}")
con.execute("INSERT INTO documents SELECT * FROM big.documents WHERE doc_id IN (SELECT DISTINCT doc FROM records)")
con.close()
"""


def _engagement_records(ledger: Path) -> int:
    import duckdb

    with duckdb.connect(str(ledger), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM records WHERE kind = 'engagement'").fetchone()
    return int(row[0]) if row else 0


def load1() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def _failure(stderr: str) -> str:
    """The child's own last error line (e.g. ``MemoryError`` or ``Killed``), without the resource
    report that ``/usr/bin/time -v`` appends after it."""
    report = stderr.split("\tCommand being timed:")[0].splitlines()
    own = [line.strip() for line in report if line.strip() and not line.startswith("Command ")]
    status = [line.strip() for line in report if line.startswith("Command ")]
    return own[-1] if own else (status[-1] if status else "no message")


def timed(args: list[str], prefix: list[str] | None = None) -> dict[str, float | str]:
    """Run ``args`` under ``nice`` and ``/usr/bin/time -v`` (after ``prefix``, e.g. flock and
    prlimit): its JSON line plus CPU, wall, peak RSS and the load average at its start."""
    load = load1()
    proc = subprocess.run([*(prefix or []), "nice", TIME, "-v", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[:3]} failed ({proc.returncode}): {_failure(proc.stderr)}")
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
    res["load"] = load
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


def run_panel(
    name: str, ledger: Path, tmp: Path, args: argparse.Namespace, repeat: int, prefix: list[str] | None = None
) -> dict[str, float | str]:
    """``repeat`` fresh children of one implementation: medians of CPU, wall and peak RSS."""
    code, extra = PANEL_CHILDREN[name]
    runs = []
    for i in range(repeat):
        spill = tmp / "spill"
        spill.mkdir(exist_ok=True)
        out = tmp / f"panel-{abs(hash(name))}-{ledger.stem}.parquet"
        argv = [sys.executable, "-c", code, str(ledger), str(out), args.duckdb_memory, str(spill)]
        runs.append(timed([*argv, extra] if extra else argv, prefix))
        shutil.rmtree(spill, ignore_errors=True)
        print(f"  {name} at {ledger.stem}, run {i + 1}: {runs[-1]}", flush=True)
    med = {k: statistics.median(float(r[k]) for r in runs) for k in ("cpu", "wall", "peak_mib")}
    return {
        **med,
        "rows": runs[0]["rows"],
        "runs": len(runs),
        "cpu_range": f"{min(float(r['cpu']) for r in runs):.1f}-{max(float(r['cpu']) for r in runs):.1f}",
        "load": f"{min(float(r['load']) for r in runs):.1f}-{max(float(r['load']) for r in runs):.1f}",
        "out": str(out),
    }


def panel_table(title: str, results: dict[str, dict[str, float | str]]) -> list[str]:
    """One Markdown table of the panel children, with ratios to both GROUP BY baselines."""
    lines = [
        "",
        f"## {title}",
        "",
        "| implementation | runs | CPU s (median; range) | wall s | peak RSS MiB | panel rows "
        "| CPU / GROUP BY facts once | memory / GROUP BY facts once | CPU / GROUP BY records "
        "| memory / GROUP BY records | load average |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    base, floor = results.get(FACTS_ONCE), results.get(RECORDS)
    for name, r in results.items():
        cells = [name, str(r["runs"]), f"{float(r['cpu']):.1f} ({r['cpu_range']})", f"{float(r['wall']):.1f}"]
        cells += [f"{float(r['peak_mib']):,.0f}", f"{int(r['rows']):,}"]
        for b in (base, floor):
            cells += (
                [
                    f"{float(r['cpu']) / float(b['cpu']):.2f}",
                    f"{float(r['peak_mib']) / float(b['peak_mib']):.2f}",
                ]
                if b
                else ["", ""]
            )
        cells.append(str(r["load"]))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--rows",
        type=int,
        nargs="*",
        default=[1_000_000, 10_000_000],
        help="sizes to import (none: --ledger only)",
    )
    ap.add_argument("--no-panel", action="store_true", help="imports only")
    ap.add_argument(
        "--tmp", type=Path, default=None, help="folder for the temporary files (default: $TMPDIR)"
    )
    ap.add_argument("--duckdb-memory", default="2GB", help="DuckDB memory_limit of the panel children")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each DuckDB child (medians)")
    ap.add_argument(
        "--ledger",
        type=Path,
        default=None,
        help="panel on this existing ledger (opened read-only) instead of the largest import",
    )
    ap.add_argument(
        "--pandas-rows",
        type=int,
        default=None,
        help="records for the pandas panel (default: the largest the available memory allows)",
    )
    args = ap.parse_args()
    py = sys.executable
    tmp = Path(tempfile.mkdtemp(prefix="softpower-scale-", dir=args.tmp))
    imports: list[tuple[str, ...]] = []
    sections: list[str] = []
    try:
        ledger = None
        for n in sorted(args.rows):
            src, led = tmp / f"r{n}.parquet", tmp / f"l{n}.duckdb"
            write_parquet(n, src)
            res = timed([py, "-c", IMPORT_CHILD, str(src), str(led)])
            assert res["added"] == n, res
            imports.append(
                (
                    f"{n:,}",
                    f"{float(res['seconds']):.0f}",
                    f"{n / float(res['seconds']):,.0f}",
                    f"{float(res['cpu']):.0f}",
                    f"{n / float(res['cpu']):,.0f}",
                    f"{float(res['peak_mib']):,.0f}",
                    "yes" if float(res["peak_mib"]) <= 1024 else "no",
                    f"{float(res['load']):.1f}",
                )
            )
            print(imports[-1], flush=True)
            src.unlink()
            if ledger is not None:
                ledger.unlink()
            ledger = led
        if args.ledger is not None and ledger is not None:
            ledger.unlink()
        if args.ledger is not None:
            ledger = args.ledger
        if ledger is not None and not args.no_panel:
            n = max(args.rows) if args.ledger is None else _engagement_records(ledger)
            at_n = {
                name: run_panel(name, ledger, tmp, args, args.repeat)
                for name in (SOFTPOWER, FACTS_ONCE, RECORDS)
            }
            sections += panel_table(f"Engagement panel at {n:,} records", at_n)
            # pandas: once, at the largest size that fits (about PANDAS_GIB_PER_M GiB a million records)
            avail = available_gib()
            m = args.pandas_rows or max(
                min(n, 100_000), min(n, int(max(0.0, avail - 3.0) / PANDAS_GIB_PER_M) * 1_000_000)
            )
            lock = os.environ.get("SOFTPOWER_HEAVY_LOCK")
            prefix = (["flock", lock] if lock else []) + ["prlimit", f"--as={int((avail - 1.0) * 2**30)}"]
            note = ""
            for attempt in range(2):
                small = ledger
                if m < n:
                    small = tmp / f"l{m}.duckdb"
                    subprocess.run([py, "-c", SUBSET, str(ledger), str(small), str(m)], check=True)
                try:
                    pandas_res = run_panel(PANDAS, small, tmp, args, 1, prefix)
                except RuntimeError as err:
                    note += f"pandas at {m:,} records failed under prlimit --as={avail - 1.0:.1f}G ({err}); "
                    if small != ledger and small.exists():
                        small.unlink()
                    m //= 2
                    if attempt == 0:
                        continue
                    break
                at_m = (
                    at_n
                    if m == n
                    else {
                        name: run_panel(name, small, tmp, args, args.repeat)
                        for name in (SOFTPOWER, FACTS_ONCE, RECORDS)
                    }
                )
                at_m = {**at_m, PANDAS: pandas_res}
                equality = compare(Path(str(at_m[SOFTPOWER]["out"])), Path(str(pandas_res["out"])))
                fits = int(max(0.0, avail - 3.0) / PANDAS_GIB_PER_M) * 1_000_000
                why = (
                    ""
                    if m == n
                    else f" (set by --pandas-rows; {avail:.1f} GiB available at the start would fit about "
                    f"{fits:,} at {PANDAS_GIB_PER_M} GiB a million records; a ledger of the first {m:,} records)"
                    if args.pandas_rows
                    else f" (the largest size that fits: {avail:.1f} GiB available at the start, "
                    f"about {PANDAS_GIB_PER_M} GiB a million records; a ledger of the first {m:,} records)"
                )
                sections += panel_table(f"Beside pandas at {m:,} records{why}", at_m)
                sections += ["", f"softpower vs pandas at {m:,} records: {equality}."]
                print(equality, flush=True)
                break
            if note:
                sections += ["", "Note: " + note]
            sections += [
                "",
                f"DuckDB children: threads = 1, memory_limit = {args.duckdb_memory}, a private temp directory "
                "(deleted), each a fresh process (medians of --repeat runs). CPU = user + system seconds of the "
                "child, start-up included (every child imports pandas, DuckDB and softpower.measure: about 4 CPU s on "
                "this machine). Inputs of every implementation: records "
                "LEFT JOIN documents, engagement only. Target: softpower within 1.5x of the GROUP BY that counts "
                "facts once, in CPU and memory.",
            ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not imports:
        imports.append(("not run (--ledger without --rows)", "", "", "", "", "", "", ""))
    write_table(
        "scale",
        "Scale: streaming import and the dyad-year panel",
        [
            "records",
            "import wall s",
            "rows/s (wall)",
            "CPU s",
            "rows per CPU s",
            "peak RSS MiB",
            "<= 1 GiB",
            "load average",
        ],
        imports,
        notes="Import: synthetic engagement records (Parquet) into a new ledger, one transaction, every "
        "record validated, in a child process under nice; peak RSS from /usr/bin/time -v; load average = "
        "the 1-minute load average at the start (2 cores shared with other engineers' jobs).",
    )
    if sections:
        path = Path(__file__).resolve().parent / "results" / "scale.md"
        path.write_text(path.read_text() + "\n".join(sections) + "\n")
        print("\n".join(sections))
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    rc = main()
    print(f"total {time.perf_counter() - t0:.1f} s")
    raise SystemExit(rc)
