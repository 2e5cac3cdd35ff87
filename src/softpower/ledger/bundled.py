"""The bundled records: facts and spans of the five seed essays, shipped as package data."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path
from typing import Any

from softpower.ledger.files import read_records
from softpower.ledger.store import ImportResult, Ledger

BUNDLED_ORIGIN = "bundled:seeds"


def seed_documents() -> list[dict[str, Any]]:
    """Metadata of the five seed essays (no text: the essays stay outside the project); an empty
    cell is ``None`` (every row names its ``publisher_kind``)."""
    text = resources.files("softpower.data").joinpath("seed_documents.csv").read_bytes().decode()
    docs = []
    for row in csv.DictReader(io.StringIO(text)):
        doc: dict[str, Any] = {k: (v or None) for k, v in row.items()}
        doc["text_length"] = int(row["text_length"])
        docs.append(doc)
    return docs


def import_bundled(ledger: Ledger) -> ImportResult:
    """Import the bundled seed records and documents (idempotent)."""
    with resources.as_file(resources.files("softpower.data").joinpath("seed_records.jsonl")) as path:
        frame = read_records(Path(path))
    return ledger.import_records(
        frame, seed_documents(), origin=BUNDLED_ORIGIN, source="bundled seed_records.jsonl"
    )


def bundled_ledger(path: str | Path) -> Path:
    """Create (or update) a ledger at ``path`` holding the bundled records; return its path."""
    with Ledger.open(path) as lg:
        import_bundled(lg)
    return Path(path)
