"""Benchmark: vectorised Monte Carlo of the composite index.

10,000 draws over 4 actors x 40 partners x 25 years x 14 instruments of synthetic
engagement; every draw varies normalisation, imputation, half-life, missing amounts and
the pillar weights. Reports wall time and peak memory against the targets (10 s on two
cores, 2 GiB), plus the Sobol analysis and a small ``run_index`` on the bundled ledger.

Run: ``.venv/bin/python benchmarks/bench_measure.py`` (no arguments).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import peak_rss_mib, write_table  # noqa: E402
from softpower.measure.engine import Model, build_inputs, competition_ranks  # noqa: E402
from softpower.measure.framework import parse_framework  # noqa: E402
from softpower.measure.uncertainty import default_workers, evaluate, index_sensitivity, monte_carlo  # noqa: E402
from softpower.records.vocab import POWER_TYPES, country_codes, instruments  # noqa: E402

ACTORS = ("CHN", "JPN", "KOR", "USA")
YEARS = range(1999, 2024)
DRAWS = 10_000


def synthetic_panel(seed: int = 0) -> pd.DataFrame:
    """Engagement counts and money for 4 actors x 40 partners x 25 years x 14 instruments."""
    rng = np.random.default_rng(seed)
    partners = sorted(c for c in country_codes() if c not in ACTORS)[:40]
    inst = instruments()
    idx = pd.MultiIndex.from_product(
        [ACTORS, partners, YEARS, list(inst)], names=["actor", "partner", "year", "instrument"]
    )
    df = idx.to_frame(index=False)
    n = len(df)
    count = rng.poisson(0.6, n).astype(float)
    has_money = rng.random(n) < 0.5
    df["power_type"] = df["instrument"].map(lambda i: inst[i].power_type)
    df["count"] = count
    df["usd_const"] = np.where(has_money, count * rng.lognormal(16, 1.5, n), 0.0)
    df["usd_missing"] = np.where(has_money, 0.0, count)
    df["ppp"] = df["equal_footing"] = df["self_only"] = 0.0
    return df


def framework_text() -> str:
    """Five pillars (one per power type): a count per instrument, a roots stock, money for economic."""
    by_type: dict[str, list[str]] = {t: [] for t in POWER_TYPES}
    for code, i in instruments().items():
        by_type[i.power_type].append(f"count:{code}")
    lines = ["name: bench", "pillars:"]
    for t, inds in by_type.items():
        inds = [*inds, f"roots:{t}"] + (["usd:economic"] if t == "economic" else [])
        lines.append(f"  {t}: {{weight: {1 / len(POWER_TYPES)}, indicators: [{', '.join(inds)}]}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    panel = synthetic_panel()
    values = pd.DataFrame({"actor": [], "partner": [], "year": [], "family": [], "name": [], "value": []})
    fw = parse_framework(framework_text(), "bench.yaml")
    t0 = time.perf_counter()
    model = Model(build_inputs(panel, values, fw, (1e6, 1e8)), fw)
    nominal = competition_ranks(model.scores(model.nominal())[0], axis=-2)
    t_build = time.perf_counter() - t0
    rss0 = peak_rss_mib()

    t0 = time.perf_counter()
    dist, shift = monte_carlo(model, DRAWS, seed=0, nominal_ranks=nominal)
    t_mc = time.perf_counter() - t0
    workers = default_workers(DRAWS, model)
    rss_mc = peak_rss_mib()
    rss_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert dist.dyad.sum(axis=-1).max() == DRAWS

    t0, c0 = time.perf_counter(), time.process_time()
    serial, _ = evaluate(model, np.random.default_rng(0).random((DRAWS, model.n_factors)), nominal, workers=1)
    t_serial, c_serial = time.perf_counter() - t0, time.process_time() - c0
    assert (serial.dyad == dist.dyad).all()  # same draws, same result, whatever the number of workers

    t0 = time.perf_counter()
    sens = index_sensitivity(model, DRAWS, seed=0, nominal_ranks=nominal)
    t_sobol = time.perf_counter() - t0
    evals = int(sens.attrs["evaluations"])

    from softpower.ledger import bundled_ledger
    from softpower.measure import run_index

    with tempfile.TemporaryDirectory() as tmp:
        path = bundled_ledger(Path(tmp) / "l.duckdb")
        run_index(path, mc=200, seed=0)  # warm caches
        t0 = time.perf_counter()
        run_index(path, mc=200, seed=0)
        t_run200 = time.perf_counter() - t0
        t0 = time.perf_counter()
        run_index(path, mc=0, seed=0)
        t_run0 = time.perf_counter() - t0
    rss = peak_rss_mib()

    k = len(model.indicators)
    rows = [
        ["build arrays + nominal index", "-", f"{t_build:.2f}", f"{rss0:.0f}", ""],
        [
            f"Monte Carlo, {DRAWS:,} draws, {workers} worker process(es)",
            f"{DRAWS:,}",
            f"{t_mc:.2f}",
            f"{rss_mc:.0f} (+ {rss_child:.0f} per worker)",
            "10 s, 2048 MiB",
        ],
        [
            f"Monte Carlo, {DRAWS:,} draws, one process (CPU {c_serial:.2f} s)",
            f"{DRAWS:,}",
            f"{t_serial:.2f}",
            f"{peak_rss_mib():.0f}",
            f"ratio {t_serial / t_mc:.2f}x",
        ],
        [
            "Sobol (Saltelli design, 5 choice groups)",
            f"{evals:,}",
            f"{t_sobol:.2f}",
            f"{peak_rss_mib():.0f}",
            "",
        ],
        ["run_index on bundled ledger, mc=200 (+ Sobol)", "200", f"{t_run200:.2f}", f"{rss:.0f}", "1 s"],
        ["run_index on bundled ledger, mc=0", "0", f"{t_run0:.2f}", f"{rss:.0f}", ""],
    ]
    verdict = "meets" if t_mc <= 10 and rss_mc + workers * rss_child <= 2048 else "MISSES"
    notes = (
        f"Synthetic data: {len(ACTORS)} actors x 40 partners x {len(YEARS)} years x {len(instruments())} instruments "
        f"({len(panel):,} panel rows), {k} indicators in 5 pillars, chunks of {model.chunk_size()} draws. "
        f"Peak memory is the peak RSS of the process (imports included) and of the largest forked worker "
        f"(pages shared with the parent counted again). Wall times depend on other load on the machine. The Monte Carlo {verdict} the targets "
        f"(<= 10 s, <= 2 GiB). Draws/s: {DRAWS / t_mc:,.0f}. Mean absolute rank shift from nominal: "
        f"{shift.mean():.3f}.\n\nSobol total indices: "
        + ", ".join(f"{r.choice} {r.total:.3f}" for r in sens.itertuples())
    )
    write_table(
        "bench_measure",
        "Measure: vectorised Monte Carlo of the composite index",
        ["step", "draws", "wall s", "peak RSS MiB", "target"],
        rows,
        notes,
    )


if __name__ == "__main__":
    main()
