"""Options and helpers shared by every CLI command (defined once)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from softpower.errors import SoftpowerError

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
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
]


def ledger_path(path: Path | None) -> Path:
    """Resolve the ledger path: ``--ledger``, else ``$SOFTPOWER_LEDGER``, else ``./softpower.duckdb``."""
    if path is not None:
        return path
    env = os.environ.get("SOFTPOWER_LEDGER")
    return Path(env) if env else Path(DEFAULT_LEDGER)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one clear line on stderr and exit with ``code``."""
    print(f"softpower: {message}", file=sys.stderr)
    raise typer.Exit(code)


def run_guarded(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Call ``fn``; turn a :class:`SoftpowerError` into one line on stderr and its exit code."""
    try:
        return fn(*args, **kwargs)
    except SoftpowerError as exc:
        fail(str(exc), exc.exit_code)
