"""Seeded ensembles in chunks: in-process, on local processes, or on a Dask cluster.

Runs are cut into chunks whose size depends only on the problem's dimensions (never on
the number of workers), and every chunk draws from its own child of
``numpy.random.SeedSequence(seed)``. The same seed therefore gives byte-identical results
whether a chunk runs here, in a local process, or on a Dask worker.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from softpower.errors import SoftpowerError
from softpower.simulate import params as P
from softpower.simulate.init import Inputs
from softpower.simulate.model import simulate

#: A deliberately low estimate of the cost of one cell-year (one donor × partner × instrument
#: in one year of one run) on one core; chunks are sized for at least TARGET_SECONDS of work
#: at this rate, so a real chunk carries more (measured in benchmarks/bench_simulate.py).
CELL_YEAR_SECONDS = 4e-9
TARGET_SECONDS = 0.1
#: How long to wait for a Dask scheduler before giving up with one clear error.
SCHEDULER_TIMEOUT = "10s"

Progress = Callable[[int, int], None]


def chunk_size(inp: Inputs) -> int:
    """Runs per chunk: enough for about :data:`TARGET_SECONDS` of work (at least 50 ms)."""
    cells = len(inp.donors) * len(inp.partners) * len(inp.instruments) * max(1, inp.flow.shape[0])
    return max(1, math.ceil(TARGET_SECONDS / (cells * CELL_YEAR_SECONDS)))


def chunks(total: int, size: int) -> list[tuple[int, int]]:
    """``[(start, stop), ...]`` covering ``range(total)`` in pieces of ``size``."""
    return [(a, min(a + size, total)) for a in range(0, total, size)]


@dataclass(frozen=True)
class EnsembleTask:
    """One chunk of a seeded ensemble: parameters drawn per run, noise per run-year."""

    runs: int
    seed: np.random.SeedSequence
    overrides: dict[str, float]
    noise: bool
    random_params: bool = True
    priors: bool = False


def run_ensemble_chunk(inp: Inputs, task: EnsembleTask) -> tuple[np.ndarray, np.ndarray]:
    """Trust and alignment trajectories of one chunk, ``(runs, years, D, P)`` each."""
    prm_seq, noise_seq, start_seq = task.seed.spawn(3)
    shift = None
    if task.random_params:
        prm = P.sample(task.runs, np.random.default_rng(prm_seq), task.overrides, priors=task.priors)
        if inp.t0_sd is not None:
            z = np.random.default_rng(start_seq).standard_normal((task.runs, *inp.t0.shape))
            shift = z * inp.t0_sd[None]
    else:
        prm = P.fixed(task.runs, task.overrides, priors=task.priors)
    rng = np.random.default_rng(noise_seq) if task.noise else None
    out = simulate(inp, prm, rng=rng, shift=shift)
    return out.trust, out.alignment


@dataclass(frozen=True)
class DesignTask:
    """One chunk of a sensitivity design: rows of a parameter matrix, noise off."""

    matrix: np.ndarray
    names: tuple[str, ...]
    overrides: dict[str, float]


def run_design_chunk(inp: Inputs, task: DesignTask) -> tuple[np.ndarray, np.ndarray]:
    """Final-year trust and alignment ``(rows, D, P)`` for rows of a parameter matrix."""
    prm = P.from_matrix(task.matrix, list(task.names), task.overrides)
    out = simulate(inp, prm, rng=None, record=False)
    return out.trust[:, -1], out.alignment[:, -1]


_WORKER_INPUTS: list[Inputs] = []


def _init_worker(inp: Inputs) -> None:
    """Keep the scenario's inputs in the worker process (sent once, not with every chunk)."""
    _WORKER_INPUTS[:] = [inp]


def _call(fn: Callable[[Inputs, Any], Any], task: Any) -> Any:
    return fn(_WORKER_INPUTS[0], task)


def map_chunks(
    fn: Callable[[Inputs, Any], Any],
    inp: Inputs,
    tasks: Sequence[Any],
    *,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> list[Any]:
    """Apply ``fn(inp, task)`` to every task, in order, here or in parallel.

    Parameters
    ----------
    workers
        Local processes (1 = in this process).
    scheduler
        Address of a Dask distributed scheduler (``tcp://host:8786``); overrides ``workers``.
    progress
        Called as ``progress(done, total)`` after each chunk.
    """
    total = len(tasks)
    results: list[Any] = [None] * total
    if workers < 1:
        raise SoftpowerError(f"workers: {workers} (expected an integer >= 1)")
    if scheduler is not None:
        try:
            from dask.distributed import Client, as_completed
        except ImportError as exc:  # pragma: no cover - dask is a declared dependency
            raise SoftpowerError(
                "--scheduler needs dask.distributed (pip install 'dask[distributed]')"
            ) from exc
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise SoftpowerError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        try:
            shared = client.scatter(inp, broadcast=True)
            futures = [client.submit(fn, shared, t, pure=False) for t in tasks]
            index = {f.key: i for i, f in enumerate(futures)}
            for done, fut in enumerate(as_completed(futures), start=1):
                results[index[fut.key]] = fut.result()
                if progress is not None:
                    progress(done, total)
        finally:
            client.close()
        return results
    if workers == 1 or total <= 1:  # nothing to share out: no pool (a pool of 0 processes is an error)
        for i, t in enumerate(tasks):
            results[i] = fn(inp, t)
            if progress is not None:
                progress(i + 1, total)
        return results
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(
        max_workers=min(workers, total), mp_context=ctx, initializer=_init_worker, initargs=(inp,)
    ) as pool:
        futs = [pool.submit(_call, fn, t) for t in tasks]
        for i, f in enumerate(futs):
            results[i] = f.result()
            if progress is not None:
                progress(i + 1, total)
    return results


def ensemble(
    inp: Inputs,
    runs: int,
    seed: int,
    overrides: dict[str, float],
    *,
    noise: bool = True,
    random_params: bool = True,
    priors: bool = False,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Seeded ensemble of ``runs`` runs: trust and alignment ``(runs, years, D, P)``.

    Each run draws its parameters (calibrated ranges, or the declared priors with
    ``priors``), its start-state shifts (``inp.t0_sd``) and its noise from its own streams
    of ``seed``: two scenarios with the same donors, partners, runs and seed share every
    draw (common random numbers), so their per-run difference is the effect of the lever.
    """
    pieces = chunks(runs, chunk_size(inp))
    seeds = np.random.SeedSequence(seed).spawn(len(pieces))
    tasks = [
        EnsembleTask(b - a, s, dict(overrides), noise, random_params, priors)
        for (a, b), s in zip(pieces, seeds, strict=True)
    ]
    out = map_chunks(run_ensemble_chunk, inp, tasks, workers=workers, scheduler=scheduler, progress=progress)
    return np.concatenate([o[0] for o in out]), np.concatenate([o[1] for o in out])
