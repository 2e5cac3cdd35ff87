"""File import and export of the ledger (JSON Lines, CSV, Parquet)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import ValidationError

from softpower.errors import InputError
from softpower.ledger.bundled import seed_documents
from softpower.ledger.files import FLAT_COLUMNS, iter_records
from softpower.ledger.store import DOC_COLUMNS, ImportResult, Ledger, first_error
from softpower.outputs import atomic_path
from softpower.records.models import KINDS, RECORD_KEYS, Document

FORMATS = ("jsonl", "csv", "parquet")
#: Document columns written to an export's documents sidecar (every column of the table).
SIDECAR_SUFFIX = ".documents.jsonl"
#: Keys a documents sidecar line may hold: the document model's and the document's text.
DOCUMENT_KEYS = (*Document.model_fields, "text")

# The SQL of an export, as constants read once: the flat columns with partners joined by ';'
# and the derived money columns, ordered stably; and the documents' texts for the quotes.
_EXPORT = (
    f"SELECT {', '.join(c for c in FLAT_COLUMNS if c != 'partners')}, "
    "array_to_string(partners, ';') AS partners, power_type, amount_usd, amount_usd_const, "
    "usd_rate, money_note, fact_key, record_id FROM records {where}ORDER BY doc, span_start, record_id"
)
_EXPORT_ALL = _EXPORT.format(where="")
_EXPORT_KIND = _EXPORT.format(where="WHERE kind = ? ")
_HELD_TEXTS = "SELECT doc_id, text FROM documents WHERE text IS NOT NULL"


def sidecar_path(path: Path) -> Path:
    """The documents file travelling with a record file: ``x.csv`` → ``x.documents.jsonl``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_documents(path: Path) -> list[dict[str, Any]]:
    """Documents of a sidecar (JSON Lines, one document a line); bad lines name their line."""
    out: list[dict[str, Any]] = []
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                raise InputError(
                    str(path), n, None, f"not valid JSON ({exc})", "one document a line"
                ) from None
            if not isinstance(obj, dict):
                raise InputError(str(path), n, None, "not a JSON object", "one document a line")
            unknown = [k for k in obj if k not in DOCUMENT_KEYS]
            if unknown:  # nothing is dropped silently: a misspelt key would lose its value
                raise InputError(
                    str(path),
                    n,
                    str(unknown[0])[:60],
                    "unknown key",
                    "the document keys " + ", ".join(DOCUMENT_KEYS),
                )
            try:
                Document.model_validate(obj)
            except ValidationError as exc:
                raise InputError(str(path), n, *first_error(exc)) from None
            out.append(obj)
    return out


def import_file(
    ledger: Ledger,
    path: Path,
    origin: str | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> ImportResult:
    """Import one record file in one transaction.

    Documents travel in the sidecar ``<stem>.documents.jsonl`` that :func:`export` writes
    beside the file (every document column: publisher metadata, date, text); when there is
    none, the documents the records name are registered (bundled metadata when known).
    A review-decision file (:mod:`softpower.extract.review`) gives its accepted and corrected
    records; rejected ones are counted in ``skipped``.
    """
    from softpower.extract.review import decided_records, is_decision_file

    if is_decision_file(path):  # a review-decision file (softpower.extract.review): accepted + corrected
        records, rejected = decided_records(path)
        result = ImportResult(rows=0)
        if records:
            result = ledger.import_records(
                records,
                origin=origin or f"review:{path.name}",
                source=str(path),
                catalog=seed_documents(),
            )
        result.skipped = {"rejected": rejected} if rejected else {}
        return result
    sidecar = sidecar_path(path)
    documents = read_documents(sidecar) if sidecar.is_file() and sidecar != path else None
    return ledger.import_records(
        iter_records(path),
        documents,
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


def _quote(texts: Mapping[str, str], d: Mapping[Any, Any]) -> str | None:
    """The text a flat export row's span cites, when its document's text is held."""
    text, s0, s1 = texts.get(d["doc"]), d["span_start"], d["span_end"]
    return text[int(s0) : int(s1)] if text is not None and pd.notna(s0) and pd.notna(s1) else None


def export_frame(ledger: Ledger, kind: str | None = None) -> pd.DataFrame:
    """Records in the flat exchange form (plus derived money columns), ordered stably."""
    if kind is not None and kind not in KINDS:
        raise InputError("--kind", None, None, f"unknown kind {kind!r}", " or ".join(KINDS))
    if kind is None:
        return ledger.query(_EXPORT_ALL)
    return ledger.query(_EXPORT_KIND, [kind])


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


def export_documents(ledger: Ledger, output: Path, docs: list[str]) -> None:
    """Write the documents ``docs`` (every column) as JSON Lines, atomically, ordered by id."""
    rows = ledger.con.execute(
        f"SELECT {', '.join(DOC_COLUMNS)} FROM documents WHERE doc_id IN (SELECT unnest(?)) ORDER BY doc_id",
        [docs],
    ).fetchall()
    with atomic_path(output) as tmp, tmp.open("wb") as fh:
        for row in rows:
            d = dict(zip(DOC_COLUMNS, row, strict=True))
            d["id"] = d.pop("doc_id")
            fh.write(orjson.dumps(d) + b"\n")


def export(ledger: Ledger, output: Path, fmt: str, kind: str | None = None) -> int:
    """Write records to ``output`` atomically (temp file, then rename) and the documents they
    cite to :func:`sidecar_path` (``<stem>.documents.jsonl``); return the record count."""
    if fmt not in FORMATS:
        raise InputError("--format", None, None, f"unknown format {fmt!r}", " or ".join(FORMATS))
    frame = export_frame(ledger, kind)
    export_documents(ledger, sidecar_path(output), sorted(set(frame["doc"])))
    with atomic_path(output) as tmp:
        if fmt == "jsonl":
            texts = dict(ledger.con.execute(_HELD_TEXTS).fetchall())
            with tmp.open("wb") as fh:
                for d in frame.to_dict("records"):
                    fh.write(orjson.dumps(_exchange(d, _quote(texts, d))) + b"\n")
        elif fmt == "csv":
            frame.to_csv(tmp, index=False)
        else:
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp)
    return len(frame)
