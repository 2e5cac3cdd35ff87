"""CLI commands of the extract stage (registered by ``softpower.cli``)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this stage's commands to ``app``."""
