"""Options and helpers shared by every CLI command (defined once)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from softpower.errors import SoftpowerError, one_line

DEFAULT_LEDGER = "softpower.duckdb"

LedgerOpt = Annotated[
    Path | None,
    typer.Option(
        "--ledger",
        help="Ledger file (DuckDB). Default: $SOFTPOWER_LEDGER, else ./softpower.duckdb.",
        show_default=False,
    ),
]
SeedOpt = Annotated[int, typer.Option("--seed", help="Random seed (results are reproducible).")]
FormatOpt = Annotated[str, typer.Option("--format", help="Output format: table, csv, json or parquet.")]
WaitOpt = Annotated[
    float | None,
    typer.Option(
        "--wait",
        min=0,
        help="If another process holds the ledger, keep retrying for up to SECONDS (growing pauses) "
        "before giving up with `ledger ... is busy`. Default: $SOFTPOWER_WAIT, else 0.",
        metavar="SECONDS",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
]


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int | None], None]]:
    """A rich progress bar on stderr, as an ``update(done, total)`` callback.

    Silent (the callback does nothing) when stderr is not a terminal, so pipes, files and
    CI logs stay clean.
    """
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def ledger_path(path: Path | None) -> Path:
    """Resolve the ledger path: ``--ledger``, else ``$SOFTPOWER_LEDGER``, else ``./softpower.duckdb``."""
    if path is not None:
        return path
    env = os.environ.get("SOFTPOWER_LEDGER")
    return Path(env) if env else Path(DEFAULT_LEDGER)


#: The one line a command prints when Ctrl-C stops it (exit code 130).
INTERRUPTED_LINE = (
    "interrupted (Ctrl-C): stopped; nothing was half-written (files appear whole or not at all, "
    "ledger writes are all or nothing)"
)
_state = {"main_pid": 0, "interrupted": False}


class Interrupted(BaseException):
    """Ctrl-C in a command. A :class:`BaseException`, so that no ``except Exception`` turns it
    into another error; open transactions roll back and temporary files are removed as it
    passes (:func:`softpower.outputs.atomic_path`, :meth:`softpower.ledger.Ledger.import_records`)."""


def _on_sigint(signum: int, frame: object) -> None:
    if os.getpid() != _state["main_pid"]:
        os._exit(130)  # a worker process (index, simulate, extract): the parent stops the job
    if _state["interrupted"]:
        os._exit(130)  # a second Ctrl-C while the first is unwinding
    _state["interrupted"] = True
    raise Interrupted


def install_interrupt_handler() -> None:
    """Make Ctrl-C (SIGINT) stop a command with one line and exit code 130, no traceback.

    Worker processes forked by the command exit at once; the command itself unwinds (rolling
    back the ledger transaction, removing temporary output files). A library call that turned
    the interrupt into another error (DuckDB reports "Query interrupted") is still reported as
    the interrupt, since the flag is set.
    """
    _state["main_pid"] = os.getpid()
    _state["interrupted"] = False
    signal.signal(signal.SIGINT, _on_sigint)


def interrupted() -> bool:
    """True once Ctrl-C reached this command."""
    return bool(_state["interrupted"])


def stop_interrupted() -> NoReturn:
    """Print the interrupt line and exit 130."""
    print(f"softpower: {INTERRUPTED_LINE}", file=sys.stderr)
    raise SystemExit(130)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one clear line on stderr and exit with ``code`` (after Ctrl-C: the interrupt line, 130)."""
    if interrupted():
        stop_interrupted()
    print(f"softpower: {one_line(message)}", file=sys.stderr)
    raise typer.Exit(code)


def run_guarded(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Call ``fn``; turn a :class:`SoftpowerError` into one line on stderr and its exit code."""
    try:
        return fn(*args, **kwargs)
    except SoftpowerError as exc:
        fail(str(exc), exc.exit_code)
