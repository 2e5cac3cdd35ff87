"""File import and export of the ledger (JSON Lines, CSV, Parquet)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from softpower.errors import InputError
from softpower.ledger.bundled import seed_documents
from softpower.ledger.files import FLAT_COLUMNS, iter_records
from softpower.ledger.store import ImportResult, Ledger
from softpower.outputs import atomic_path
from softpower.records.models import KINDS, RECORD_KEYS

FORMATS = ("jsonl", "csv", "parquet")


def import_file(
    ledger: Ledger,
    path: Path,
    origin: str | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> ImportResult:
    """Import one record file; documents named by the records are registered (bundled metadata when known)."""
    return ledger.import_records(
        iter_records(path),
        origin=origin or f"file:{path.name}",
        source=str(path),
        catalog=seed_documents(),
        progress=progress,
    )


def import_batch(ledger: Ledger, importer: str, path: Path) -> ImportResult:
    """Import ``path`` with a named real-data importer (``--from NAME``)."""
    from softpower.ledger.importers import IMPORTERS

    if importer not in IMPORTERS:
        raise InputError(
            str(path), None, "--from", f"unknown importer {importer!r}", "one of " + ", ".join(IMPORTERS)
        )
    batch = IMPORTERS[importer].load(path)
    result = ledger.import_records(batch.records, batch.documents, origin=importer, source=str(path))
    result.skipped = dict(getattr(batch, "skipped", {}) or {})
    return result


def _quotes(ledger: Ledger, frame: pd.DataFrame) -> list[str | None]:
    texts = dict(ledger.con.execute("SELECT doc_id, text FROM documents WHERE text IS NOT NULL").fetchall())
    out: list[str | None] = []
    for doc, s0, s1 in zip(frame["doc"], frame["span_start"], frame["span_end"], strict=True):
        text = texts.get(doc)
        out.append(text[int(s0) : int(s1)] if text is not None and pd.notna(s0) and pd.notna(s1) else None)
    return out


def export_frame(ledger: Ledger, kind: str | None = None) -> pd.DataFrame:
    """Records in the flat exchange form (plus derived money columns), ordered stably."""
    if kind is not None and kind not in KINDS:
        raise InputError("--kind", None, None, f"unknown kind {kind!r}", " or ".join(KINDS))
    where = "WHERE kind = ?" if kind else ""
    cols = ", ".join(c for c in FLAT_COLUMNS if c != "partners")
    return ledger.query(
        f"SELECT {cols}, array_to_string(partners, ';') AS partners, power_type, amount_usd, amount_usd_const, "
        f"usd_rate, money_note, fact_key, record_id FROM records {where} ORDER BY doc, span_start, record_id",
        [kind] if kind else None,
    )


def _missing(v: Any) -> bool:
    return v is None or (not isinstance(v, str | bool | list) and bool(pd.isna(v)))


def _exchange(d: Mapping[Any, Any], quote: str | None) -> dict[str, Any]:
    """One flat export row → the gold exchange format (every key, ``None`` where absent)."""
    rec: dict[str, Any] = {k: (None if _missing(d.get(k)) else d.get(k)) for k in RECORD_KEYS}
    rec["partners"] = str(d["partners"]).split(";")
    for k in ("year", "year_end", "price_year"):
        rec[k] = None if rec[k] is None else int(rec[k])
    s0, s1 = d["span_start"], d["span_end"]
    rec["span"] = None if _missing(s0) else [int(s0), int(s1)]
    rec["ppp"], rec["equal_footing"] = bool(d["ppp"]), bool(d["equal_footing"])
    rec["quote"] = quote
    return rec


def export(ledger: Ledger, output: Path, fmt: str, kind: str | None = None) -> int:
    """Write records to ``output`` atomically (temp file, then rename); return the count."""
    if fmt not in FORMATS:
        raise InputError("--format", None, None, f"unknown format {fmt!r}", " or ".join(FORMATS))
    frame = export_frame(ledger, kind)
    with atomic_path(output) as tmp:
        if fmt == "jsonl":
            quotes = _quotes(ledger, frame)
            with tmp.open("wb") as fh:
                for d, quote in zip(frame.to_dict("records"), quotes, strict=True):
                    fh.write(orjson.dumps(_exchange(d, quote)) + b"\n")
        elif fmt == "csv":
            frame.to_csv(tmp, index=False)
        else:
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp)
    return len(frame)
