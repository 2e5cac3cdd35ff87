"""Benchmark: ``softpower index`` on the ledger of all real data, previous implementation beside current.

The previous implementation (commit :data:`OLD_COMMIT`: a Python loop over draws and over
cells, the whole world from 1945 with zero-fact dyads scored) is taken from git history into
a temporary folder and run in a subprocess on the same ledger with the same options; so is
the current one. Each row gives wall time, peak resident memory (``/usr/bin/time -v``),
output size and the previous/current ratio. The previous ``--mc 1000`` needs 12+ GB of memory
and about 7 minutes, so the previous implementation runs at ``--mc`` :data:`OLD_MC` only and
both are compared there; the current one also runs at ``--mc`` :data:`NEW_MC` (the target:
<= 60 s on 2 cores). Also: a re-weighting, ``run_index(..., weights=...)`` after a first call
in the same process (the dashboard's path), at ``mc=0`` for both implementations and at
``mc=200`` (the report's default; the dashboard's is 100) for the current one, and a byte-identity check of two
``--deterministic`` runs.

Ledger: ``$SOFTPOWER_BENCH_LEDGER``, else ``/work/ledgers/all.duckdb`` (copied), else the
bundled ledger (then the figures are small and say so).

Run: ``.venv/bin/python benchmarks/bench_index.py`` (no arguments).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import write_table  # noqa: E402

#: The last commit of the previous index implementation (main before the batched engine).
OLD_COMMIT = "d442161"
OLD_MC = 20
NEW_MC = 1000
REPO = Path(__file__).resolve().parents[1]
TIME = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)

REWEIGHT = """
import sys, time
from softpower.measure import load_framework, run_index
fw = load_framework()
w = {p: 1.0 / len(fw.pillar_names) for p in fw.pillar_names}
mc = int(sys.argv[2])
t0 = time.perf_counter()
run_index(sys.argv[1], mc=mc, seed=0)
t1 = time.perf_counter()
run_index(sys.argv[1], mc=mc, seed=0, weights=w)
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f}")
"""

#: Draws of the report's index (``softpower report --mc`` default; the dashboard uses 100).
REPORT_MC = 200


def _ledger(tmp: Path) -> tuple[Path, str]:
    env = os.environ.get("SOFTPOWER_BENCH_LEDGER")
    for cand in (env, "/work/ledgers/all.duckdb"):
        if cand and Path(cand).exists():
            dst = tmp / "all.duckdb"
            shutil.copy(cand, dst)  # never write to a shared ledger
            return dst, f"{cand} (copied)"
    from softpower.ledger import bundled_ledger

    return Path(bundled_ledger(tmp / "bundled.duckdb")), "the bundled ledger (no all-data ledger found)"


def _old_tree(tmp: Path) -> Path | None:
    try:
        data = subprocess.run(
            ["git", "-C", str(REPO), "archive", OLD_COMMIT, "src"], check=True, capture_output=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    dst = tmp / "old"
    dst.mkdir()
    subprocess.run(["tar", "-x", "-C", str(dst)], input=data, check=True)
    return dst / "src"


def _env(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src if src is not None else REPO / "src")
    return env


def _run(src: Path | None, ledger: Path, mc: int, out: Path, extra: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MiB, NaN without /usr/bin/time) and output bytes of one run."""
    cmd = [
        sys.executable,
        "-m",
        "softpower",
        "index",
        "--ledger",
        str(ledger),
        "--mc",
        str(mc),
        "--seed",
        "1",
    ]
    cmd += ["--format", "json", "--output", str(out), *extra]
    if TIME:
        cmd = [TIME, "-v", *cmd]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, check=True, env=_env(src), capture_output=True, text=True)
    wall = time.perf_counter() - t0
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    rss = int(m.group(1)) / 1024 if m else float("nan")
    return wall, rss, out.stat().st_size


def _reweight(src: Path | None, ledger: Path, mc: int) -> tuple[float, float]:
    """Seconds of a first ``run_index`` in a fresh process and of a re-weighting after it."""
    out = subprocess.run(
        [sys.executable, "-c", REWEIGHT, str(ledger), str(mc)],
        check=True,
        env=_env(src),
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[-2]), float(out[-1])


def main() -> None:
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        ledger, which = _ledger(tmp)
        old_src = _old_tree(tmp)
        rows = []
        old = None
        if old_src is not None:
            old = _run(old_src, ledger, OLD_MC, tmp / "old.json", ["--deterministic"])
            rows.append(
                [
                    f"previous ({OLD_COMMIT}), --mc {OLD_MC}",
                    f"{old[0]:.1f}",
                    f"{old[1]:,.0f}",
                    f"{old[2] / 1e6:.1f}",
                    "",
                ]
            )
        cur = _run(None, ledger, OLD_MC, tmp / "small.json", ["--deterministic"])
        ratio = f"{old[0] / cur[0]:.1f}x faster, {old[1] / cur[1]:.1f}x less memory" if old else ""
        rows.append(
            [f"current, --mc {OLD_MC}", f"{cur[0]:.1f}", f"{cur[1]:,.0f}", f"{cur[2] / 1e6:.1f}", ratio]
        )
        big = _run(None, ledger, NEW_MC, tmp / "new.json", ["--deterministic"])
        rows.append(
            [
                f"current, --mc {NEW_MC} --seed 1",
                f"{big[0]:.1f}",
                f"{big[1]:,.0f}",
                f"{big[2] / 1e6:.1f}",
                "target <= 60 s",
            ]
        )
        _run(None, ledger, NEW_MC, tmp / "again.json", ["--deterministic"])
        h1 = hashlib.sha256((tmp / "new.json").read_bytes()).hexdigest()
        h2 = hashlib.sha256((tmp / "again.json").read_bytes()).hexdigest()
        meta = json.loads((tmp / "new.json").read_text())
        if old_src is not None:
            _, again = _reweight(old_src, ledger, 0)
            rows.append(["previous: re-weighting, run_index(mc=0, weights=...)", f"{again:.1f}", "", "", ""])
        for mc in (0, REPORT_MC):
            first, again = _reweight(None, ledger, mc)
            rows.append(
                [f"current: run_index(mc={mc}), first call in the process", f"{first:.1f}", "", "", ""]
            )
            rows.append(
                [
                    f"current: re-weighting, run_index(mc={mc}, weights=...)",
                    f"{again:.1f}",
                    "",
                    "",
                    "target <= 5 s",
                ]
            )
    n_dyads = len(meta["dyads"])
    notes = (
        f"Ledger: {which}; current scope: {n_dyads:,} scored dyad-years, {len(meta['meta']['actors'])} donors, "
        f"{len(meta['meta']['partners'])} partners (partners: {meta['meta']['partner_scope']}). "
        "Wall times include Python start-up (imports) and reading the ledger; the draws use 2 worker processes "
        "from 200 draws up. Other load on the machine slows every row "
        f"(1-minute load average {load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, on 2 cores). "
        f"Byte-identical --deterministic outputs of two --mc {NEW_MC} runs: "
        f"{'yes' if h1 == h2 else 'NO'} (sha256 {h1[:16]}..., {h2[:16]}...)."
    )
    write_table(
        "bench_index",
        "Index: softpower index, previous implementation beside the current one",
        ["run", "wall s", "peak RSS MiB", "output MB", "ratio / target"],
        rows,
        notes,
    )


if __name__ == "__main__":
    main()
