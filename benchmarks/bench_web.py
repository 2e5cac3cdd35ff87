"""Benchmark: dashboard pages (first and second load) and the report, on the ledger of all real data.

Each dashboard page is requested twice in-process (FastAPI TestClient, the same code path as
``softpower serve`` without the socket): the first load fills the caches (records, the index per
options, the search index, partner positions), the second is what an analyst waits for after
that. The report is built once (``build_report``) and its size and build time recorded.

Ledger: ``$SOFTPOWER_BENCH_LEDGER``, else a copy of ``/work/ledgers/all.duckdb`` (never written),
else the bundled ledger (then the figures are small and say so).

Run: ``.venv/bin/python benchmarks/bench_web.py [--mc 100] [--runs 100]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import peak_rss_mib, write_table  # noqa: E402

PAGES = (
    "/",
    "/index",
    "/index?partner=VNM",
    "/partner?partner=VNM",
    "/partner?partner=KHM&year_from=2005&year_to=2016",
    "/explain?partner=VNM",
    "/records",
    "/records?partner=VNM",
    "/search?q=health+PPP+Vietnam",
    "/glossary",
    "/scenarios",
)


def ledger_copy(tmp: Path) -> tuple[Path, str]:
    given = os.environ.get("SOFTPOWER_BENCH_LEDGER")
    if given:
        return Path(given), given
    shared = Path("/work/ledgers/all.duckdb")
    if shared.is_file():
        target = tmp / "all.duckdb"
        shutil.copyfile(shared, target)
        return target, f"copy of {shared}"
    from softpower.ledger import bundled_ledger

    return bundled_ledger(tmp / "bundled.duckdb"), "bundled ledger (no all-data ledger here: small figures)"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mc", type=int, default=100)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--no-report", action="store_true")
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from softpower.ledger import Ledger
    from softpower.report import build_report
    from softpower.web import create_app

    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        path, label = ledger_copy(tmp)
        with Ledger.open(path, read_only=True) as lg:
            n = int(lg.query("SELECT count(*) AS n FROM records")["n"].iloc[0])
        client = TestClient(create_app(path, mc=args.mc, runs=args.runs, seed=0))
        for url in PAGES:
            times = []
            for _ in range(2):
                t0 = time.perf_counter()
                r = client.get(url)
                times.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    print(f"{url}: HTTP {r.status_code}: {r.text[:200]}", file=sys.stderr)
                    return 1
            rows.append([f"`{url}`", f"{times[0]:.2f}", f"{times[1]:.2f}", f"{len(r.content) / 1024:.0f}"])
            print(rows[-1], flush=True)
        client.close()
        if not args.no_report:
            out = tmp / "report.html"
            t0 = time.perf_counter()
            with Ledger.open(path, read_only=True) as lg:
                build_report(lg, scenario="baseline", output=out, seed=0, mc=args.mc, runs=args.runs)
            secs = time.perf_counter() - t0
            extra = sorted(tmp.glob("report*"))
            size = sum(f.stat().st_size for f in extra)
            rows.append(
                [
                    "report (`build_report`, scenario baseline)",
                    f"{secs:.1f}",
                    "",
                    f"{out.stat().st_size / 1024:.0f} (all files {size / 1024:.0f})",
                ]
            )
            print(rows[-1], flush=True)
    notes = (
        f"Ledger: {label}, {n:,} records. Index Monte Carlo draws: {args.mc}; scenario runs: {args.runs}. "
        f"Peak memory {peak_rss_mib():.0f} MiB. Targets: every page <= 2 s after its first load; the report "
        "<= 60 s and < 15 MB."
    )
    write_table(
        "web",
        "Dashboard pages and report on the ledger of all real data",
        ["page", "first load (s)", "second load (s)", "size (KiB)"],
        rows,
        notes,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
