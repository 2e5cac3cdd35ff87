"""``softpower ledger import --from auto DIR``: every known dataset under a folder.

Each importer declares the file-name patterns of its dataset
(:attr:`~softpower.ledger.importers.Importer.patterns`); :func:`find_datasets` lists the
importers with at least one matching file under ``DIR``, in registry order, and
:func:`import_auto` runs them one after another, **one transaction per dataset**.

On bad input in one dataset the run stops there: that dataset's transaction is rolled
back (nothing of it is written), the datasets imported before it stay in the ledger
(each was committed on its own), and the ones after it are not attempted. The
:class:`AutoImportError` raised carries the per-dataset outcome, so the CLI can print the
summary table and then the one error line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from softpower.errors import InputError
from softpower.ledger.store import Ledger

IMPORTED, FAILED, NOT_ATTEMPTED = "imported", "failed (rolled back)", "not attempted"


@dataclass
class DatasetRun:
    """What one dataset of an auto import did."""

    name: str
    files: list[Path]
    status: str = NOT_ATTEMPTED
    rows_read: int = 0
    records_added: int = 0
    facts_added: int = 0
    documents_added: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class AutoImportError(InputError):
    """Bad input in one dataset of an auto import; ``runs`` says what happened to each."""

    def __init__(self, cause: InputError, runs: list[DatasetRun]) -> None:
        super().__init__(cause.file, cause.line, cause.field, cause.problem, cause.expected)
        self.runs = runs


def find_datasets(folder: Path) -> list[DatasetRun]:
    """The known datasets under ``folder``: one :class:`DatasetRun` per importer with files there."""
    from softpower.ledger.importers import IMPORTERS

    if not folder.is_dir():
        raise InputError(str(folder), None, None, "not a folder", "a folder of datasets for --from auto")
    runs = [DatasetRun(name, imp.find(folder)) for name, imp in IMPORTERS.items()]
    runs = [r for r in runs if r.files]
    if not runs:
        raise InputError(
            str(folder),
            None,
            None,
            "no known dataset in this folder",
            "files named as one of the importers expects (see `softpower ledger importers`)",
        )
    return runs


def _facts(ledger: Ledger) -> int:
    return int(ledger.con.execute("SELECT count(DISTINCT fact_key) FROM records").fetchall()[0][0])


def import_auto(
    ledger: Ledger,
    folder: Path,
    *,
    on_start: Callable[[DatasetRun, int, int], None] | None = None,
    on_done: Callable[[DatasetRun], None] | None = None,
) -> list[DatasetRun]:
    """Import every known dataset under ``folder``, one transaction each.

    Parameters
    ----------
    ledger
        A writable ledger.
    folder
        The folder to search (recursively) for the importers' file patterns.
    on_start, on_done
        Called as ``on_start(run, index, total)`` before and ``on_done(run)`` after each dataset.

    Raises
    ------
    AutoImportError
        Bad input in one dataset: it is rolled back, earlier datasets stay imported, later
        ones are not attempted (``exc.runs`` has every dataset's status).
    """
    from softpower.ledger.importers import IMPORTERS

    runs = find_datasets(folder)
    facts = _facts(ledger)
    for i, run in enumerate(runs):
        if on_start is not None:
            on_start(run, i, len(runs))
        t0 = time.perf_counter()
        try:
            batch = IMPORTERS[run.name].load(folder)
            source = str(run.files[0]) if len(run.files) == 1 else str(folder)
            res = ledger.import_records(batch.records, batch.documents, origin=run.name, source=source)
        except InputError as exc:
            run.status = FAILED
            run.seconds = time.perf_counter() - t0
            raise AutoImportError(exc, runs) from None
        now = _facts(ledger)
        run.status = IMPORTED
        run.rows_read = batch.rows_read
        run.records_added = res.total
        run.facts_added = now - facts
        run.documents_added = res.documents
        run.skipped = dict(batch.skipped)
        run.seconds = time.perf_counter() - t0
        facts = now
        del batch
        if on_done is not None:
            on_done(run)
    return runs
