"""Dashboard state: the open ledger, cached tables, index results and scenario jobs."""

from __future__ import annotations

import contextlib
import itertools
import logging
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd

from softpower.errors import SoftpowerError
from softpower.report import analysis, data

log = logging.getLogger("softpower.web")
#: Finished jobs kept for their results (the oldest finished ones are dropped first).
KEEP_JOBS = 20


class JobsBusy(SoftpowerError):
    """Too many scenario runs at once; the client should retry later."""


@dataclass
class Job:
    """A scenario run in a background thread; ``progress`` goes from 0 to 1."""

    id: str
    scenario: str
    runs: int
    seed: int
    state: str = "running"  # running, done, error
    progress: float = 0.0
    message: str = ""
    started: float = field(default_factory=time.monotonic)
    result: analysis.ScenarioTables | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "scenario": self.scenario,
            "runs": self.runs,
            "seed": self.seed,
            "state": self.state,
            "progress": round(self.progress, 4),
            "message": self.message,
            "seconds": round(time.monotonic() - self.started, 1),
        }


class Store:
    """One ledger opened for the app's lifetime; every thread reads through its own cursor.

    Parameters
    ----------
    path
        The ledger file (must exist).
    allow_write
        Open it writable (for imports); read-only otherwise.
    seed, mc, runs
        Defaults of index and scenario runs started from the dashboard.
    """

    def __init__(
        self,
        path: Path,
        *,
        allow_write: bool,
        seed: int = 0,
        mc: int = 100,
        runs: int = 100,
        max_jobs: int = 2,
    ) -> None:
        from softpower.ledger import Ledger

        self.path = Path(path)
        self.allow_write = allow_write
        self.seed, self.mc, self.runs = seed, mc, runs
        self._ledger = Ledger.open(self.path, read_only=not allow_write)
        self._write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._records: pd.DataFrame | None = None
        self._texts: dict[str, str] | None = None
        self._index: OrderedDict[tuple[Any, ...], analysis.IndexTables] = OrderedDict()
        self.jobs: dict[str, Job] = {}
        self.max_jobs = max_jobs
        self._jobs_lock = threading.Lock()
        self._job_ids = itertools.count(1)

    def close(self) -> None:
        self._ledger.close()

    @contextmanager
    def ledger(self) -> Iterator[Any]:
        """A ledger handle on its own DuckDB cursor (safe to use from this thread), inside one
        read transaction: every query through it sees the same snapshot, the state before or
        after a concurrent import, never a mix."""
        from softpower.ledger import Ledger

        cur = self._ledger.con.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            yield Ledger(cur, self.path, not self.allow_write)
        finally:
            with contextlib.suppress(Exception):
                cur.execute("ROLLBACK")
            cur.close()

    def n_records(self) -> int:
        return len(self.records())

    def records(self) -> pd.DataFrame:
        """Every record with its source (cached until the next import)."""
        with self._cache_lock:
            if self._records is None:
                with self.ledger() as lg:
                    self._records = data.load_records(lg)
            return self._records

    def texts(self) -> dict[str, str]:
        with self._cache_lock:
            if self._texts is None:
                docs: Any = self._records["doc"] if self._records is not None else []
                with self.ledger() as lg:
                    if self._records is None:
                        docs = lg.query("SELECT DISTINCT doc FROM records")["doc"]
                    self._texts = data.document_texts(lg, docs)
            return self._texts

    def document(self, doc_id: str) -> dict[str, Any] | None:
        with self.ledger() as lg:
            rows = lg.query("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
        if rows.empty:
            return None
        return {k: (None if k != "text" and pd.isna(v) else v) for k, v in rows.iloc[0].to_dict().items()}

    def index(self, weights: Mapping[str, float] | None) -> analysis.IndexTables:
        """Index dyads and profiles for ``weights`` (the last 16 results are kept)."""
        key = (tuple(sorted((weights or {}).items())), self.seed, self.mc)
        with self._cache_lock:
            hit = self._index.get(key)
            if hit is not None:
                self._index.move_to_end(key)
                return hit
        with self.ledger() as lg:
            res = analysis.index_tables(lg, seed=self.seed, mc=self.mc, weights=weights)
        with self._cache_lock:
            self._index[key] = res
            while len(self._index) > 16:
                self._index.popitem(last=False)
        return res

    def start_job(self, scenario: str, runs: int, seed: int, content: bytes | None = None) -> Job:
        """Start a scenario run in a background thread and return its job.

        ``scenario`` is a bundled name, or (with ``content``, an uploaded YAML file) the upload's
        name. At most ``max_jobs`` run at once (:class:`JobsBusy` otherwise) and the last
        :data:`KEEP_JOBS` finished ones are kept.
        """
        with self._jobs_lock:
            running = sum(j.state == "running" for j in self.jobs.values())
            if running >= self.max_jobs:
                raise JobsBusy(
                    f"busy: {running} scenario runs are in progress (at most {self.max_jobs}); "
                    "retry when one has finished"
                )
            finished = [k for k, j in self.jobs.items() if j.state != "running"]
            for k in finished[: max(0, len(finished) - KEEP_JOBS + 1)]:
                del self.jobs[k]
            job = Job(f"job{next(self._job_ids)}", scenario, runs, seed)
            self.jobs[job.id] = job
        threading.Thread(
            target=self._run_job, args=(job, content), name=f"softpower-{job.id}", daemon=True
        ).start()
        return job

    def _run_job(self, job: Job, content: bytes | None = None) -> None:
        def progress(fraction: float) -> None:
            job.progress = max(job.progress, min(0.99, float(fraction)))

        tmp = tempfile.mkdtemp(prefix="softpower-scenario-") if content is not None else None
        try:
            target: str | Path = job.scenario
            if tmp is not None and content is not None:
                target = Path(tmp) / (Path(job.scenario).stem or "scenario")
                target = target.with_suffix(".yaml")
                target.write_bytes(content)
            with self.ledger() as lg:
                job.result = analysis.scenario_tables(
                    target, lg, runs=job.runs, seed=job.seed, progress=progress
                )
            job.progress, job.state = 1.0, "done"
            job.message = f"{job.runs} runs of '{job.result.name}' finished"
        except SoftpowerError as exc:
            # name the upload, never the server's temporary folder
            msg = str(exc) if tmp is None else str(exc).replace(tmp + "/", "").replace(tmp, "")
            job.state, job.message = "error", msg
        except Exception:  # never a trace in the browser: log it, report one line
            log.exception("scenario job %s failed", job.id)
            job.state, job.message = (
                "error",
                "the scenario run failed with an internal error (see the server log)",
            )
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)

    def import_file(self, name: str, content: bytes) -> str:
        """Import an uploaded record file given as bytes (see :meth:`import_upload`)."""
        import io

        return self.import_upload(name, io.BytesIO(content))

    def import_upload(self, name: str, stream: IO[bytes]) -> str:
        """Import an uploaded record file (JSONL, CSV or Parquet) read from ``stream`` in chunks;
        only with ``allow_write``. One transaction: all rows or none."""
        from softpower.ledger import Ledger, import_file

        if not self.allow_write:
            raise SoftpowerError(
                "this dashboard is read-only; restart it with --allow-write to import records"
            )
        base = Path(name).name
        suffix = Path(base).suffix.lower()
        if suffix not in (".jsonl", ".csv", ".parquet"):
            raise SoftpowerError(
                f"{base[:80]}: unsupported file type {suffix[:20] or '(none)'} (expected .jsonl, .csv or .parquet)"
            )
        with tempfile.TemporaryDirectory() as tmp:
            f = Path(tmp) / f"upload{suffix}"
            with f.open("wb") as out:
                shutil.copyfileobj(stream, out, 1 << 20)
            with self._write_lock:
                cur = self._ledger.con.cursor()
                try:
                    res = import_file(Ledger(cur, self.path, False), f, origin=f"dashboard:{base}")
                except SoftpowerError as exc:
                    raise SoftpowerError(str(exc).replace(str(f), base)) from None
                finally:
                    cur.close()
        with self._cache_lock:
            self._records, self._texts = None, None
            self._index.clear()
        added = ", ".join(f"{k} {v}" for k, v in res.added.items())
        return f"{base}: {res.rows} rows read; added {added}; {res.duplicates} already present"
