"""simulate/ at its edges: the chunks of an ensemble over local worker processes.

The measure package's fifth-round survivors included the number of worker processes (a split
into one share more than asked); simulate's local pool is the same kind of bound. These tests
run the pool path of ``map_chunks`` (forked processes) and check how many processes it asked
for, that the results keep the order of the tasks, and that progress counts every chunk.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from softpower.simulate import ensemble as E


def _square(inp: Any, task: int) -> tuple[Any, int]:
    return inp, task * task


@pytest.mark.parametrize(
    ("workers", "tasks", "processes"),
    [
        (3, [1, 2, 3, 4, 5], 3),  # fewer workers than chunks: as many processes as workers
        (8, [4, 5], 2),  # more workers than chunks: one process per chunk, never more
        (2, [7, 8, 9], 2),
    ],
)
def test_a_local_pool_has_at_most_one_process_per_worker_and_keeps_the_task_order(
    monkeypatch: pytest.MonkeyPatch, workers: int, tasks: list[int], processes: int
) -> None:
    asked: list[int] = []
    real = E.ProcessPoolExecutor

    def pool(*, max_workers: int, **kw: Any) -> Any:
        asked.append(max_workers)
        return real(max_workers=max_workers, **kw)

    monkeypatch.setattr(E, "ProcessPoolExecutor", pool)
    seen: list[tuple[int, int]] = []
    out = E.map_chunks(_square, "I", tasks, workers=workers, progress=lambda d, t: seen.append((d, t)))  # type: ignore[arg-type]
    assert asked == [processes]
    assert out == [("I", t * t) for t in tasks]  # the inputs reach each worker once, in order
    assert seen == [(i, len(tasks)) for i in range(1, len(tasks) + 1)]


def test_one_chunk_or_one_worker_runs_here_without_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(**kw: Any) -> Any:
        raise AssertionError("no process pool for one chunk or one worker")

    monkeypatch.setattr(E, "ProcessPoolExecutor", no_pool)
    assert E.map_chunks(_square, "I", [6], workers=4) == [("I", 36)]  # type: ignore[arg-type]
    assert E.map_chunks(_square, "I", [1, 2], workers=1) == [("I", 1), ("I", 4)]  # type: ignore[arg-type]
    assert E.map_chunks(_square, "I", [], workers=3) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("random_params", [True, False])
def test_a_chunk_applies_the_parameter_overrides_to_every_run(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, random_params: bool
) -> None:
    """Overrides hold in every run of a chunk, whether the other parameters are drawn (a
    fresh-sample survivor dropped them from the drawn case) or fixed."""
    from softpower.simulate.init import build_inputs
    from softpower.simulate.scenario import load_scenario
    from test_simulate_outputs import SMALL

    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    inp = build_inputs(load_scenario(path))
    seen: list[Any] = []
    real = E.simulate

    def spy(inp: Any, prm: Any, **kw: Any) -> Any:
        seen.append(prm)
        return real(inp, prm, **kw)

    monkeypatch.setattr(E, "simulate", spy)
    task = E.EnsembleTask(4, np.random.SeedSequence(3), {"lam": 0.3, "rho": 1.0}, False, random_params)
    E.run_ensemble_chunk(inp, task)
    assert [seen[0]["lam"].tolist(), seen[0]["rho"].tolist()] == [[0.3] * 4, [1.0] * 4]


def test_a_local_pool_forks_on_linux_and_spawns_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers start from the parent's imported modules; where fork is not the safe
    choice (not Linux; Python 3.14 also changes the default there) the pool spawns."""
    import sys

    contexts: list[Any] = []
    real = E.ProcessPoolExecutor

    def pool(**kw: Any) -> Any:
        contexts.append(kw.get("mp_context"))
        return real(**kw)

    monkeypatch.setattr(E, "ProcessPoolExecutor", pool)
    assert E.map_chunks(_square, "I", [1, 2], workers=2) == [("I", 1), ("I", 4)]  # type: ignore[arg-type]
    want = "fork" if sys.platform.startswith("linux") else "spawn"
    assert [c.get_start_method() for c in contexts] == [want]
