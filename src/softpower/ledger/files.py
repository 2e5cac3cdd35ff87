"""Read record files (JSON Lines, CSV, Parquet) into one frame with source line numbers.

The frame has the exchange columns (``RECORD_KEYS`` less ``quote``, with ``span`` split
into ``span_start`` / ``span_end`` and ``partners`` joined by ``;``) and ``line``, the
1-based line of the row in its file (the row number for Parquet). Structural problems
(undecodable bytes, a line that is not a JSON object, a wrong CSV header) raise
:class:`~softpower.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
import pyarrow.parquet as pq

from softpower.errors import InputError
from softpower.records.models import RECORD_KEYS

#: Columns of the flat (CSV / Parquet) form.
FLAT_COLUMNS = tuple(k for k in RECORD_KEYS if k not in ("span", "quote")) + ("span_start", "span_end")
REQUIRED = ("doc", "kind", "actor", "partners")
SCALARS = tuple(k for k in RECORD_KEYS if k not in ("partners", "span", "quote"))


def read_records(path: Path) -> pd.DataFrame:
    """Read a record file by its extension (``.jsonl``/``.json``, ``.csv``, ``.parquet``)."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(str(path), None, None, "no such file")
    if suffix in (".jsonl", ".ndjson", ".json"):
        return read_jsonl(path)
    if suffix == ".csv":
        return read_csv(path)
    if suffix in (".parquet", ".pq"):
        return read_parquet(path)
    raise InputError(
        str(path), None, None, f"unknown file type {suffix!r}", "a .jsonl, .csv or .parquet file"
    )


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            str(path), line, None, f"invalid UTF-8 byte 0x{data[exc.start]:02x}", "UTF-8 text"
        ) from None


def _join_partners(value: Any, path: Path, line: int) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise InputError(
            str(path), line, "partners", f"got {value!r}", "a list of ISO alpha-3 or group codes"
        )
    return ";".join(p.strip() for p in value)


def read_jsonl(path: Path) -> pd.DataFrame:
    """JSON Lines in the gold exchange format (one object a line; blank lines skipped)."""
    text = _decode(path)
    cols: dict[str, list[Any]] = {k: [] for k in (*SCALARS, "partners", "span_start", "span_end", "line")}
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise InputError(
                str(path), n, None, f"not valid JSON ({exc})", "one JSON object per line"
            ) from None
        if not isinstance(obj, dict):
            raise InputError(str(path), n, None, "not a JSON object", "one JSON object per line")
        for key in REQUIRED:
            if key not in obj:
                raise InputError(str(path), n, key, "missing", f"the key {key!r}")
        for key in SCALARS:
            cols[key].append(obj.get(key))
        cols["partners"].append(_join_partners(obj.get("partners"), path, n))
        span = obj.get("span")
        if span is None:
            cols["span_start"].append(None)
            cols["span_end"].append(None)
        elif isinstance(span, list) and len(span) == 2:
            cols["span_start"].append(span[0])
            cols["span_end"].append(span[1])
        else:
            raise InputError(str(path), n, "span", f"got {span!r}", "[start, end] or null")
        cols["line"].append(n)
    return pd.DataFrame(cols)


def read_csv(path: Path) -> pd.DataFrame:
    """CSV with a header of the flat columns (``partners`` joined by ``;``)."""
    text = _decode(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(str(path), 1, None, "empty file", "a header line") from None
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in FLAT_COLUMNS and c != "quote"]
    if missing or unknown:
        what = f"missing column {missing[0]!r}" if missing else f"unknown column {unknown[0]!r}"
        raise InputError(str(path), 1, "header", what, "columns " + ",".join(FLAT_COLUMNS))
    rows = []
    lines = []
    width = len(header)
    for row in reader:
        n = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != width:
            raise InputError(str(path), n, None, f"{len(row)} fields", f"{width} fields as in the header")
        rows.append(row)
        lines.append(n)
    df = pd.DataFrame(rows, columns=header, dtype=object).replace({"": None})
    for col in FLAT_COLUMNS:
        if col not in df.columns:
            df[col] = None
    df["line"] = lines
    return df[[*FLAT_COLUMNS, "line"]]


def read_parquet(path: Path) -> pd.DataFrame:
    """Parquet with the flat columns; ``partners`` may be a list column or ``;``-joined text."""
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise InputError(str(path), None, None, f"not a readable Parquet file ({exc})") from None
    missing = [c for c in REQUIRED if c not in table.column_names]
    if missing:
        raise InputError(str(path), None, missing[0], "missing column", "columns " + ",".join(FLAT_COLUMNS))
    df = table.to_pandas()
    if "span" in df.columns and "span_start" not in df.columns:
        df["span_start"] = [None if s is None else s[0] for s in df["span"]]
        df["span_end"] = [None if s is None else s[1] for s in df["span"]]
    for col in FLAT_COLUMNS:
        if col not in df.columns:
            df[col] = None
    if len(df) and not isinstance(df["partners"].iloc[0], str):
        df["partners"] = [None if p is None else ";".join(p) for p in df["partners"]]
    df["line"] = range(1, len(df) + 1)
    return df[[*FLAT_COLUMNS, "line"]]
