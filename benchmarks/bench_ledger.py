"""Ledger import throughput: 1,000,000 synthetic records per format, rows/s and peak memory.

Each import runs in a fresh subprocess so that its peak resident memory is its own.
Target (issue 2): >= 100,000 rows/s and <= 1 GiB for one million records.

Usage: python benchmarks/bench_ledger.py [--rows N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import orjson
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import write_table  # noqa: E402

ACTORS = ["JPN", "CHN", "USA", "KOR"]
PARTNERS = ["IDN", "VNM", "PHL", "THA", "MYS", "KHM", "LAO", "MMR", "IND", "FJI", "ASEAN", "PIC", "CLMV"]
INSTRUMENTS = [
    "oda_grant",
    "oda_loan",
    "health_cooperation",
    "people_exchange",
    "science_cooperation",
    "trade_agreement",
    "security_agreement",
    "diplomatic_framework",
]
CURRENCIES = ["USD", "JPY", "CNY", "KRW"]


def synthetic(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` valid, distinct engagement records (flat form)."""
    rng = np.random.default_rng(seed)
    amount = np.round(rng.lognormal(16, 2, n), 2)
    return pd.DataFrame(
        {
            "doc": [f"synthetic-{i // 100}.txt" for i in range(n)],
            "kind": "engagement",
            "actor": rng.choice(ACTORS, n),
            "partners": rng.choice(PARTNERS, n),
            "instrument": rng.choice(INSTRUMENTS, n),
            "year": rng.integers(2000, 2025, n),
            "amount": amount,
            "currency": rng.choice(CURRENCIES, n),
            "ppp": rng.random(n) < 0.1,
            "equal_footing": rng.random(n) < 0.05,
            "span_start": np.arange(n) % 100 * 50,
            "span_end": np.arange(n) % 100 * 50 + 40,
        }
    )


def write_inputs(df: pd.DataFrame, folder: Path) -> dict[str, Path]:
    paths = {"jsonl": folder / "r.jsonl", "csv": folder / "r.csv", "parquet": folder / "r.parquet"}
    with paths["jsonl"].open("wb") as fh:
        for rec in df.to_dict("records"):
            rec["partners"] = [rec["partners"]]
            rec["span"] = [rec.pop("span_start"), rec.pop("span_end")]
            fh.write(orjson.dumps(rec, option=orjson.OPT_SERIALIZE_NUMPY) + b"\n")
    df.to_csv(paths["csv"], index=False)
    df.to_parquet(paths["parquet"], index=False)
    return paths


CHILD = """
import json, sys, time
from pathlib import Path
from softpower.ledger import Ledger, import_file
path, ledger = Path(sys.argv[1]), Path(sys.argv[2])
t = time.perf_counter()
with Ledger.open(ledger) as lg:
    res = import_file(lg, path)
dt = time.perf_counter() - t
# VmHWM is this process's own high-water mark (ru_maxrss would carry the parent's across exec)
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"seconds": dt, "added": res.total, "peak_mib": hwm / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_inputs(synthetic(args.rows), folder)
        for fmt, path in paths.items():
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), str(folder / f"{fmt}.duckdb")],
                check=True,
                capture_output=True,
                text=True,
            )
            res = json.loads(out.stdout.strip().splitlines()[-1])
            assert res["added"] == args.rows, res
            rate = args.rows / res["seconds"]
            rows.append(
                (
                    fmt,
                    f"{args.rows:,}",
                    f"{res['seconds']:.2f}",
                    f"{rate:,.0f}",
                    f"{rate / 100_000:.2f}",
                    f"{res['peak_mib']:.0f}",
                    "yes" if rate >= 100_000 and res["peak_mib"] <= 1024 else "no",
                )
            )
    write_table(
        "ledger",
        "Ledger import: one million synthetic records",
        ["format", "rows", "seconds", "rows/s", "ratio to 100k rows/s target", "peak MiB", "meets target"],
        rows,
        notes="Each import is one transaction into a new ledger file, validated and money-derived, "
        "in a fresh subprocess (peak = that process's max RSS). Target: >= 100,000 rows/s, <= 1,024 MiB.",
    )
    json.dumps(rows)


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - t0:.1f} s")
