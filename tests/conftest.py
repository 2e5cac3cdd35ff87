"""Shared fixtures: hermetic ledgers under tmp_path and the ../shared folder when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from softpower.ledger import bundled_ledger

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the repository (skip when absent)."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not present at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def _bundled_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundled_ledger(tmp_path_factory.mktemp("bundled") / "bundled.duckdb")


@pytest.fixture
def seeds_ledger(_bundled_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of a ledger holding the bundled seed records."""
    target = tmp_path / "seeds.duckdb"
    target.write_bytes(_bundled_template.read_bytes())
    return target
