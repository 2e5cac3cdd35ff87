"""Read record files (JSON Lines, CSV, Parquet) as flat frames with source line numbers.

A flat frame has the exchange columns (``RECORD_KEYS`` less ``quote``, with ``span``
split into ``span_start`` / ``span_end`` and ``partners`` joined by ``;``) and ``line``,
the 1-based line of the row in its file (the row number for Parquet). Files are read in
chunks so memory stays bounded. Structural problems (undecodable bytes, a line that is
not a JSON object, a wrong CSV header) raise :class:`~softpower.errors.InputError`
naming the file and line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from softpower.errors import InputError
from softpower.records.models import RECORD_KEYS

#: Columns of the flat (CSV / Parquet) form.
FLAT_COLUMNS = tuple(k for k in RECORD_KEYS if k not in ("span", "quote")) + ("span_start", "span_end")
REQUIRED = ("doc", "kind", "actor", "partners")
#: Columns an export adds (derived, or for reading); accepted on import and ignored (re-derived).
DERIVED = (
    "quote",
    "power_type",
    "amount_usd",
    "amount_usd_const",
    "usd_rate",
    "money_note",
    "fact_key",
    "record_id",
)
#: Keys a record file may carry beside the record's own: the quote (re-read from the document),
#: the extractor's ``confidence`` and the columns an export adds. Accepted and not stored; any
#: other key is refused with its file, line and name (nothing is dropped silently).
IGNORED_KEYS = frozenset(("quote", "confidence", *DERIVED))
SCALARS = tuple(k for k in RECORD_KEYS if k not in ("partners", "span", "quote"))
CHUNK_ROWS = 100_000


def iter_records(path: Path, chunk_rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """Flat frames of at most ``chunk_rows`` rows from a ``.jsonl``, ``.csv`` or ``.parquet`` file."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(str(path), None, None, "no such file")
    if suffix in (".jsonl", ".ndjson", ".json"):
        return iter_jsonl(path, chunk_rows)
    if suffix == ".csv":
        return iter_csv(path, chunk_rows)
    if suffix in (".parquet", ".pq"):
        return iter_parquet(path, chunk_rows)
    raise InputError(
        str(path), None, None, f"unknown file type {suffix!r}", "a .jsonl, .csv or .parquet file"
    )


def read_records(path: Path, chunk_rows: int = CHUNK_ROWS) -> pd.DataFrame:
    """The whole file as one flat frame (read ``chunk_rows`` rows at a time)."""
    frames = list(iter_records(path, chunk_rows))
    return pd.concat(frames, ignore_index=True) if frames else empty_frame()


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({c: [] for c in (*FLAT_COLUMNS, "line")}, dtype=object)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Decoded lines with their 1-based numbers; invalid UTF-8 names its line. A UTF-8 byte
    order mark (as Excel writes) at the start is dropped."""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield n, raw.decode()  # UTF-8, strict
            except UnicodeDecodeError as exc:
                problem = f"invalid UTF-8 byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
                raise InputError(str(path), n, None, problem, "UTF-8 text") from None


def _partner_list(value: Any) -> Any:
    """JSON partners as given (a lone string is one code, never split): the model judges them."""
    return [value] if isinstance(value, str) else value


def _new_cols() -> dict[str, list[Any]]:
    return {k: [] for k in (*SCALARS, "partners", "span_start", "span_end", "line")}


#: Bytes read at a time by the whole-file scans (their results do not depend on it).
SCAN_BLOCK = 1 << 24


def _scan(path: Path, *needles: bytes) -> bool:
    """True when none of ``needles`` (each at most two bytes) occurs in the file."""
    tail = b""
    with path.open("rb") as fh:
        while block := fh.read(SCAN_BLOCK):
            if any(n in tail + block for n in needles):
                return False
            tail = block[-1:]
    return True


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        if fh.seek(0, 2) == 0:  # the end's offset: an empty file
            return True
        fh.seek(-1, 2)
        return fh.read() == b"\n"


def _count_lines(path: Path) -> int:
    n, last = 0, b"\n"
    with path.open("rb") as fh:
        while block := fh.read(SCAN_BLOCK):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


def _rebatch(batches: Iterable[pa.RecordBatch], chunk_rows: int) -> Iterator[pa.Table]:
    """Gather a reader's record batches into tables of about ``chunk_rows`` rows."""
    pending: list[pa.RecordBatch] = []
    size = 0
    for batch in batches:
        pending.append(batch)
        size += batch.num_rows
        if size >= chunk_rows:
            yield pa.Table.from_batches(pending)
            pending, size = [], 0
    if pending:
        yield pa.Table.from_batches(pending)


class _Careful(Exception):
    """The fast path declines: the careful reader takes over (and names any problem)."""


def iter_jsonl(path: Path, chunk_rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """JSON Lines in the gold exchange format (one object a line; blank lines skipped), read
    line by line so every problem names its line."""
    cols = _new_cols()
    scalars = [(k, cols[k].append) for k in SCALARS]
    for n, raw in _lines(path):
        if not raw.strip():
            continue
        problem: InputError | None = None
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            obj, problem = (
                None,
                InputError(str(path), n, None, f"not valid JSON ({exc})", "one JSON object per line"),
            )
        if problem is None and not isinstance(obj, dict):
            problem = InputError(str(path), n, None, "not a JSON object", "one JSON object per line")
        if problem is None:
            unknown = [k for k in obj if k not in RECORD_KEYS and k not in IGNORED_KEYS]
            if unknown:
                problem = InputError(
                    str(path),
                    n,
                    str(unknown[0])[:60],
                    "unknown field",
                    "the record keys " + ", ".join(RECORD_KEYS),
                )
        span = obj.get("span") if isinstance(obj, dict) else None
        if problem is None and span is not None and not (isinstance(span, list) and len(span) == 2):
            shown = repr(span)[:60]
            problem = InputError(str(path), n, "span", f"got {shown}", "[start, end] or null")
        if problem is not None:
            if cols["line"]:  # earlier lines are judged first: the error names the first bad line
                yield pd.DataFrame(cols, dtype=object)
            raise problem
        assert isinstance(obj, dict)
        get = obj.get
        for key, append in scalars:
            append(get(key))
        cols["partners"].append(_partner_list(get("partners")))
        if span is None:
            cols["span_start"].append(None)
            cols["span_end"].append(None)
        else:
            cols["span_start"].append(span[0])
            cols["span_end"].append(span[1])
        cols["line"].append(n)
        if len(cols["line"]) >= chunk_rows:
            yield pd.DataFrame(cols, dtype=object)
            cols = _new_cols()
            scalars = [(k, cols[k].append) for k in SCALARS]
    if cols["line"]:
        yield pd.DataFrame(cols, dtype=object)


def iter_csv(path: Path, chunk_rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """CSV with a header of the flat columns (``partners`` joined by ``;``)."""
    numbered = _lines(path)
    current = [0]

    def text() -> Iterator[str]:
        for n, line in numbered:
            current[0] = n
            yield line

    reader = csv.reader(text())
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(str(path), 1, None, "empty file", "a header line") from None
    except csv.Error as exc:
        raise InputError(str(path), current[0], None, f"not CSV ({exc})", _CSV_SHAPE) from None
    if not _ends_with_newline(path):
        raise InputError(
            str(path),
            _count_lines(path),
            None,
            "the last line has no line end (the file may be cut short)",
            "a complete file ending in a line break",
        )
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in FLAT_COLUMNS and c not in DERIVED]
    if missing or unknown:
        what = f"unknown column {unknown[0]!r}" if unknown else f"missing column {missing[0]!r}"
        raise InputError(str(path), 1, "header", what, "columns " + ",".join(FLAT_COLUMNS))
    done = 0
    if _scan(path, b'"', b"\n\n", b"\r"):  # plain CSV: data row i is line i + 1
        try:
            for table in _arrow_csv(path, header, chunk_rows):
                table.validate(full=True)  # checks UTF-8 too
                if any((pc.max(pc.utf8_length(c)).as_py() or 0) > MAX_FIELD for c in table.columns):
                    raise _Careful  # the careful reader names the long field
                df = table.to_pandas()
                for col in FLAT_COLUMNS:
                    if col not in df.columns:
                        df[col] = None
                df["line"] = range(done + 2, done + 2 + len(df))
                done += len(df)
                yield df[[*FLAT_COLUMNS, "line"]]
            return
        except (pa.ArrowException, UnicodeDecodeError, _Careful):
            pass  # the careful reader takes over where the fast path stopped
    rows: list[list[str]] = []
    lines: list[int] = []
    width = len(header)
    seen = 0

    def frame() -> pd.DataFrame:
        df = pd.DataFrame(rows, columns=header, dtype=object).replace({"": None})
        for col in FLAT_COLUMNS:
            if col not in df.columns:
                df[col] = None
        df["line"] = lines
        return df[[*FLAT_COLUMNS, "line"]]

    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if rows:  # earlier rows are judged first
                yield frame()
            raise InputError(str(path), current[0], None, f"not CSV ({exc})", _CSV_SHAPE) from None
        n = current[0]
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        seen += 1
        if seen <= done:
            continue
        if len(row) != width:
            if rows:
                yield frame()
            raise InputError(str(path), n, None, f"{len(row)} fields", f"{width} fields as in the header")
        rows.append(row)
        lines.append(n)
        if len(rows) >= chunk_rows:
            yield frame()
            rows, lines = [], []
    if rows:
        yield frame()


#: Longest CSV field accepted, in characters: the csv module's default limit, which refuses a
#: longer field itself ("field larger than field limit"); Arrow has no limit, so a longer field
#: sends the fast path to the csv reader.
MAX_FIELD = 128 * 1024
_CSV_SHAPE = "comma-separated fields of at most 128 KB, lines ending in LF or CRLF"


#: Bytes of a plain CSV that Arrow's reader parses at a time (a chunk holds whole blocks).
ARROW_BLOCK = 1 << 22


def _arrow_csv(path: Path, header: list[str], chunk_rows: int) -> Iterator[pa.Table]:
    """Tables of about ``chunk_rows`` rows from Arrow's streaming CSV reader, every column as text."""
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(block_size=ARROW_BLOCK),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=True, null_values=[""]
        ),
    )
    yield from _rebatch(reader, chunk_rows)


def iter_parquet(path: Path, chunk_rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """Parquet with the flat columns; ``partners`` may be a list column or ``;``-joined text,
    the span a ``[start, end]`` list column or ``span_start``/``span_end``. NaN in a number
    column is refused (null is the missing value)."""
    try:
        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise InputError(str(path), None, None, f"not a readable Parquet file ({_first_line(exc)})") from None
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(str(path), None, missing[0], "missing column", "columns " + ",".join(FLAT_COLUMNS))
    unknown = [c for c in names if c not in FLAT_COLUMNS and c != "span" and c not in IGNORED_KEYS]
    if unknown:
        raise InputError(
            str(path), None, unknown[0][:60], "unknown column", "columns " + ",".join(FLAT_COLUMNS)
        )
    first = 1
    batches = pf.iter_batches(batch_size=chunk_rows)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            break
        except Exception as exc:  # a corrupt page, a bad encoding
            raise InputError(
                str(path), first, None, f"unreadable Parquet data ({_first_line(exc)})", "an intact file"
            ) from None
        for col in ("amount", "value", "year", "year_end", "price_year", "span_start", "span_end"):
            if col in batch.schema.names and pa.types.is_floating(batch.schema.field(col).type):
                # is_nan of a null is null: a null is no NaN (else the array holds None)
                nan = pc.fill_null(pc.is_nan(batch.column(col)), False).to_numpy(zero_copy_only=False)
                if nan.any():
                    row = first + int(nan.argmax())
                    raise InputError(str(path), row, col, "NaN", "a finite number or null")
        df = batch.to_pandas()
        if "span" in df.columns and "span_start" not in df.columns:
            spans = df["span"].tolist()
            for i, sp in enumerate(spans):
                # a list column reaches pandas as numpy arrays; any other type is no span
                if sp is not None and not (isinstance(sp, np.ndarray) and len(sp) == 2):
                    shown = repr(sp.tolist() if isinstance(sp, np.ndarray) else sp)
                    raise InputError(
                        str(path), first + i, "span", f"got {shown[:60]}", "[start, end] or null"
                    )
            df["span_start"] = [None if sp is None else sp[0] for sp in spans]
            df["span_end"] = [None if sp is None else sp[1] for sp in spans]
        for col in FLAT_COLUMNS:
            if col not in df.columns:
                df[col] = None
        df["line"] = range(first, first + len(df))
        first += len(df)
        yield df[[*FLAT_COLUMNS, "line"]]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
