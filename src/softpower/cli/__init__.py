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
    """Console-script entry point. Ctrl-C stops any command with one line and exit code 130."""
    from softpower.cli.common import Interrupted, install_interrupt_handler, interrupted, stop_interrupted

    install_interrupt_handler()
    try:
        app()
    except Interrupted:
        stop_interrupted()
    except SoftpowerError as exc:  # a library error that a command did not catch itself
        if interrupted():
            stop_interrupted()
        print(f"softpower: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except BaseException as exc:
        # the interrupt came back as another error (DuckDB says "Query interrupted"), or a step
        # swallowed it and the command went on: the job is still reported as stopped
        if interrupted() and not (isinstance(exc, SystemExit) and exc.code == 130):
            stop_interrupted()
        raise
