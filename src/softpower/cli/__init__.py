"""The ``softpower`` command line: thin commands over the library API.

Each stage registers its commands from its own module (``softpower.cli.<stage>``),
through a ``register(app)`` function; this module only assembles them.
"""

from __future__ import annotations

import importlib
import sys

import typer

from softpower.errors import SoftpowerError

STAGES = ("ledger", "coverage", "extract", "index", "validate", "simulate", "report", "search")

app = typer.Typer(
    name="softpower",
    help=(
        "Record, measure and simulate soft-power diplomacy in the Indo-Pacific.\n\n"
        "Example: softpower ledger import --bundled && softpower index --mc 500 --seed 1"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _stage in STAGES:
    importlib.import_module(f"softpower.cli.{_stage}").register(app)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SoftpowerError as exc:  # a library error that a command did not catch itself
        print(f"softpower: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
