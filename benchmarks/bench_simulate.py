"""Benchmark of the simulate stage, side by side in one run (ratios and peak memory).

1. Per simulated run-year at 4 donors × 30 partners × 14 instruments (the baseline
   scenario): the vectorised model (one process) against the per-agent Mesa reference
   (``mesa_reference.py``), noise off for both. Target: at least 100 times faster.
2. A Sobol analysis of every declared parameter (≥ 15) at N = 1024 with second-order
   terms (N (2k + 2) runs × 30 years) on 2 worker processes. Target: at most 60 s.
3. The work carried by one chunk of runs (target: at least 50 ms).

Each case runs in a fresh process so that its peak resident memory is its own.
Run: ``python benchmarks/bench_simulate.py`` (no arguments).
"""

from __future__ import annotations

import multiprocessing as mp
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _machine import peak_rss_mib, write_table  # noqa: E402

MESA_RUNS = 6
VECTOR_RUNS = 2000
SOBOL_N = 1024
REPEATS = 3


def _mesa() -> dict[str, float]:
    import numpy as np

    from mesa_reference import run_reference
    from softpower.simulate.init import build_inputs
    from softpower.simulate.params import sample
    from softpower.simulate.scenario import load_scenario

    inp = build_inputs(load_scenario("baseline"))
    prm = sample(MESA_RUNS, np.random.default_rng(1))
    times = []
    for r in range(MESA_RUNS):
        t = time.perf_counter()
        run_reference(inp, {k: float(v[r]) for k, v in prm.items()})
        times.append(time.perf_counter() - t)
    # the best run (least disturbed by other load on the machine), as for the vectorised side
    return {"seconds": min(times), "run_years": inp.flow.shape[0], "rss": peak_rss_mib()}


def _vector(workers: int) -> dict[str, float]:
    from softpower.simulate.ensemble import ensemble
    from softpower.simulate.init import build_inputs
    from softpower.simulate.scenario import load_scenario

    inp = build_inputs(load_scenario("baseline"))
    ensemble(inp, 300, 0, {}, noise=False)  # warm-up
    times = []
    for rep in range(REPEATS):
        t = time.perf_counter()
        ensemble(inp, VECTOR_RUNS, rep, {}, noise=False, workers=workers)
        times.append(time.perf_counter() - t)
    return {"seconds": min(times), "run_years": VECTOR_RUNS * inp.flow.shape[0], "rss": peak_rss_mib()}


def _sobol(second_order: bool) -> dict[str, float]:
    from softpower.simulate.sensitivity import sensitivity

    t = time.perf_counter()
    res = sensitivity("baseline", n=SOBOL_N, seed=1, workers=2, second_order=second_order)
    dt = time.perf_counter() - t
    return {
        "seconds": dt,
        "runs": res.meta["runs"],
        "parameters": res.meta["parameters"],
        "years": res.meta["years"],
        "rss": peak_rss_mib(),
    }


def _chunk() -> dict[str, float]:
    import numpy as np

    from softpower.simulate.ensemble import EnsembleTask, chunk_size, run_ensemble_chunk
    from softpower.simulate.init import build_inputs
    from softpower.simulate.scenario import load_scenario

    inp = build_inputs(load_scenario("baseline"))
    size = chunk_size(inp)
    task = EnsembleTask(size, np.random.SeedSequence(1), {}, True)
    run_ensemble_chunk(inp, task)
    times = []
    for _ in range(5):
        t = time.perf_counter()
        run_ensemble_chunk(inp, task)
        times.append(time.perf_counter() - t)
    return {"runs": size, "seconds": min(times), "rss": peak_rss_mib()}


def _fresh(fn, *args):  # type: ignore[no-untyped-def]
    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def main() -> None:
    mesa, vec, vec2 = _fresh(_mesa), _fresh(_vector, 1), _fresh(_vector, 2)
    mesa_us = mesa["seconds"] / mesa["run_years"] * 1e6
    vec_us = vec["seconds"] / vec["run_years"] * 1e6
    full, first = _fresh(_sobol, True), _fresh(_sobol, False)
    chunk = _fresh(_chunk)
    rows = [
        [
            "Mesa reference, per-agent",
            f"{MESA_RUNS} runs × 30 y",
            f"{mesa_us:,.1f} µs",
            "1.0×",
            f"{mesa['rss']:.0f}",
            "reference",
        ],
        [
            "vectorised model, 1 process",
            f"{VECTOR_RUNS} runs × 30 y",
            f"{vec_us:,.2f} µs",
            f"{mesa_us / vec_us:,.0f}×",
            f"{vec['rss']:.0f}",
            "≥ 100× Mesa: " + ("met" if mesa_us / vec_us >= 100 else "NOT met"),
        ],
        [
            "vectorised model, 2 worker processes",
            f"{VECTOR_RUNS} runs × 30 y",
            f"{vec2['seconds'] / vec2['run_years'] * 1e6:,.2f} µs",
            f"{mesa_us / (vec2['seconds'] / vec2['run_years'] * 1e6):,.0f}×",
            f"{vec2['rss']:.0f}",
            "(parent process RSS)",
        ],
    ]
    for label, r in (("Sobol S1+ST+S2", full), ("Sobol S1+ST", first)):
        per = r["seconds"] / (r["runs"] * r["years"]) * 1e6
        rows.append(
            [
                f"{label}, {r['parameters']} parameters, N = {SOBOL_N}, 2 workers",
                f"{r['runs']:,} runs × {r['years']} y",
                f"{per:,.2f} µs (total {r['seconds']:.1f} s)",
                f"{mesa_us / per:,.0f}×",
                f"{r['rss']:.0f}",
                ("≤ 60 s: met" if r["seconds"] <= 60 else "≤ 60 s: NOT met")
                + ("" if r["runs"] >= 32768 else " (fewer than 32,768 runs)"),
            ]
        )
    rows.append(
        [
            "one ensemble chunk (noise on)",
            f"{chunk['runs']} runs × 30 y",
            f"{chunk['seconds'] * 1e3:.0f} ms per chunk",
            "",
            f"{chunk['rss']:.0f}",
            "≥ 50 ms: " + ("met" if chunk["seconds"] >= 0.05 else "NOT met"),
        ]
    )
    write_table(
        "simulate",
        "Simulate: vectorised model vs per-agent Mesa reference, and a Sobol analysis",
        ["case", "work", "time per run-year", "speed vs Mesa", "peak RSS (MiB)", "target"],
        rows,
        notes=(
            "Baseline scenario: 4 donors × 30 partners × 14 instruments, 30 years, no ledger (priors). "
            "The Mesa reference keeps its data in Python lists and floats (no numpy scalars in its loops). "
            "With 2 worker processes every chunk's full trajectories travel back through a pipe. "
            "Noise off for the Mesa comparison (both sides); per-run-year times are the best of "
            f"{MESA_RUNS} Mesa runs and of {REPEATS} vectorised ensembles (the machine is shared). Sobol runs are noise-free by design. "
            "Sobol time includes sampling, all model runs and SALib's analysis with bootstrap intervals. "
            "Each case runs in a fresh process; peak RSS is that process's (Sobol: the parent, "
            "not its two workers)."
        ),
    )


if __name__ == "__main__":
    main()
