"""Benchmark: ``softpower index`` on the ledger of all real data, old implementation beside new.

The previous implementation (commit :data:`OLD_COMMIT`, a dense ``[draw, year, actor,
partner]`` engine fed by a pandas panel) is taken from git history into a temporary folder
and run in a subprocess on the same ledger with the same options; so is the current one.
Each row gives wall time, the draws + Sobol evaluations run, seconds per evaluation and the
old/new ratio. The previous implementation is run at ``--mc`` :data:`OLD_MC` (its
``--mc 1000`` took 35+ minutes); its ``--mc 1000`` time is extrapolated from its seconds per
evaluation and stated as such. Also: a re-weighting (``run_index`` with ``--mc 0`` and new
weights, the dashboard's path) and a byte-identity check of two ``--deterministic`` runs.

Ledger: ``$SOFTPOWER_BENCH_LEDGER``, else ``/work/ledgers/all.duckdb``, else the bundled
ledger (then the figures are small and say so).

Run: ``.venv/bin/python benchmarks/bench_measure.py`` (no arguments).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import write_table  # noqa: E402

#: The last commit of the previous measure implementation.
OLD_COMMIT = "4e17238"
OLD_MC = 10
NEW_MC = 1000
REPO = Path(__file__).resolve().parents[1]


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


def _run(src: Path | None, ledger: Path, mc: int, out: Path, extra: list[str]) -> tuple[float, dict]:  # type: ignore[type-arg]
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
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
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    wall = time.perf_counter() - t0
    return wall, json.loads(out.read_text())


def main() -> None:
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        ledger, which = _ledger(tmp)
        old_src = _old_tree(tmp)
        rows = []
        old_per_eval = None
        if old_src is not None:
            wall, obj = _run(old_src, ledger, OLD_MC, tmp / "old.json", [])
            evals = OLD_MC + int(obj["meta"]["uncertainty"]["sobol_evaluations"])
            old_per_eval = wall / evals
            rows.append(
                [f"previous ({OLD_COMMIT}), --mc {OLD_MC}", evals, f"{wall:.1f}", f"{wall / evals:.3f}", ""]
            )
        wall_s, obj = _run(None, ledger, OLD_MC, tmp / "new_small.json", ["--deterministic"])
        evals_s = OLD_MC + int(obj["meta"]["uncertainty"]["sobol_evaluations"])
        ratio_s = f"{old_per_eval / (wall_s / evals_s):.0f}x faster per evaluation" if old_per_eval else ""
        rows.append([f"current, --mc {OLD_MC}", evals_s, f"{wall_s:.1f}", f"{wall_s / evals_s:.3f}", ratio_s])
        wall, obj = _run(None, ledger, NEW_MC, tmp / "new.json", ["--deterministic"])
        evals = NEW_MC + int(obj["meta"]["uncertainty"]["sobol_evaluations"])
        if old_per_eval:
            old_evals = NEW_MC + 896  # the previous Sobol design: 128 x (5 + 2) evaluations at --mc 1000
            est = old_per_eval * old_evals
            rows.append(
                [
                    f"previous, --mc {NEW_MC} (extrapolated)",
                    old_evals,
                    f"~{est:.0f}",
                    f"{old_per_eval:.3f}",
                    "",
                ]
            )
        ratio = f"{est / wall:.0f}x (target <= 60 s)" if old_per_eval else "target <= 60 s"
        rows.append([f"current, --mc {NEW_MC} --seed 1", evals, f"{wall:.1f}", f"{wall / evals:.3f}", ratio])
        _, again = _run(None, ledger, NEW_MC, tmp / "again.json", ["--deterministic"])
        h1 = hashlib.sha256((tmp / "new.json").read_bytes()).hexdigest()
        h2 = hashlib.sha256((tmp / "again.json").read_bytes()).hexdigest()

        from softpower.measure import load_framework, run_index

        fw = load_framework()
        w = {p: 1.0 / len(fw.pillars) for p in fw.pillar_names}
        run_index(ledger, mc=0, weights=w)  # warm imports and caches
        t0 = time.perf_counter()
        run_index(ledger, mc=0, weights=w)
        t_rew = time.perf_counter() - t0
        rows.append(
            [
                "re-weighting (run_index --mc 0, equal weights)",
                1,
                f"{t_rew:.1f}",
                f"{t_rew:.3f}",
                "target <= 5 s",
            ]
        )
    notes = (
        f"Ledger: {which}; {len(obj['dyads']):,} observed dyad-years, {len(obj['meta']['actors'])} actors, "
        f"{len(obj['meta']['partners'])} partners. Wall times include Python start-up and reading the ledger, "
        "with 2 worker processes where the draws allow; other load on the machine slows them "
        f"(1-minute load average {load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, on 2 cores). "
        f"Byte-identical --deterministic outputs of two --mc {NEW_MC} runs: "
        f"{'yes' if h1 == h2 else 'NO'} (sha256 {h1[:16]}..., {h2[:16]}...)."
    )
    write_table(
        "bench_measure",
        "Measure: softpower index, previous implementation beside the current one",
        ["run", "evaluations", "wall s", "s per evaluation", "ratio / target"],
        rows,
        notes,
    )


if __name__ == "__main__":
    main()
