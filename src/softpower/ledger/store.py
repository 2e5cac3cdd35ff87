"""The ledger: an embedded DuckDB file holding records, documents and their provenance."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import struct
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
from pydantic import ValidationError

from softpower import money
from softpower.errors import InputError, LedgerError
from softpower.ledger import migrations
from softpower.ledger.files import FLAT_COLUMNS
from softpower.ledger.provenance import refresh_sponsors
from softpower.ledger.validate import validate_frame
from softpower.records import vocab
from softpower.records.models import FACT_KEYS, MONEY_BASIS_KEYS, Document

#: Content columns hashed into ``record_id`` (``fact_key`` leaves out ``doc`` and the span).
FACT_COLUMNS = FACT_KEYS
#: DuckDB memory limit for writable ledgers (override with $SOFTPOWER_MEMORY_LIMIT).
MEMORY_LIMIT = os.environ.get("SOFTPOWER_MEMORY_LIMIT", "256MB")
#: DuckDB settings of a connection that runs users' SQL: no file system, network or extensions,
#: and no way to change a setting afterwards.
SANDBOX_CONFIG: Mapping[str, Any] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "memory_limit": MEMORY_LIMIT,
    "lock_configuration": True,
}
#: Seconds to keep retrying a busy ledger when the caller gives no ``wait`` ($SOFTPOWER_WAIT).
WAIT_ENV = "SOFTPOWER_WAIT"
DOC_COLUMNS = (
    "doc_id",
    "title",
    "author",
    "publisher",
    "publisher_country",
    "publisher_kind",
    "date",
    "url",
    "text_length",
    "sha256",
    "text",
)

# The SQL the ledger runs, as constants read once: the statements are fixed text (DuckDB reads
# keywords and identifiers in any case), and the values always come as parameters.
_NO_PROGRESS_BAR = "SET enable_progress_bar = false"
_LOCK_CONFIGURATION = "SET lock_configuration = true"
_NO_INSERTION_ORDER = "SET preserve_insertion_order = false"
_TABLE_NAMES = "SELECT table_name FROM information_schema.tables"
_ALL_RECORDS = "SELECT * FROM records ORDER BY doc, span_start, record_id"
_RECORDS_OF_KIND = "SELECT * FROM records WHERE kind = ? ORDER BY doc, span_start, record_id"
_COUNT_BY_KIND = "SELECT kind, count(*) FROM records GROUP BY kind"
_COUNT_FACTS = "SELECT count(DISTINCT fact_key) FROM records"
_COUNT_BY_ORIGIN_AND_KIND = (
    "SELECT origin, kind, count(*) FROM records GROUP BY origin, kind ORDER BY origin, kind"
)
_DOCUMENT_LENGTHS = "SELECT doc_id, text_length FROM documents"
_COUNT_DOCUMENTS = "SELECT count(*) FROM documents"
_GROUP_MEMBERS = "SELECT * FROM group_members"
_CLEAR_GROUP_MEMBERS = "DELETE FROM group_members"
_INSERT_GROUP_MEMBER = "INSERT INTO group_members VALUES (?, ?, ?, ?)"
#: the names under which an import registers its documents and the catalogue's for its SQL
_NEW_DOCUMENTS = "doc_frame"
_KNOWN_DOCUMENTS = "known_frame"
#: an import's documents not held yet, the first of each id
_INSERT_NEW_DOCUMENTS = (
    f"INSERT INTO documents SELECT * FROM {_NEW_DOCUMENTS} WHERE doc_id NOT IN (SELECT doc_id FROM documents) "
    "QUALIFY row_number() OVER (PARTITION BY doc_id) = 1"
)
#: the catalogue's documents that a record cites and the ledger does not hold
_INSERT_CITED_KNOWN_DOCUMENTS = (
    f"INSERT INTO documents SELECT * FROM {_KNOWN_DOCUMENTS} WHERE doc_id IN (SELECT doc FROM records) "
    "AND doc_id NOT IN (SELECT doc_id FROM documents)"
)
#: a bare row for every cited document still without one
_INSERT_PLACEHOLDER_DOCUMENTS = (
    "INSERT INTO documents (doc_id, publisher_kind) SELECT DISTINCT doc, 'unknown' FROM records "
    "WHERE doc NOT IN (SELECT doc_id FROM documents)"
)
#: the records a delete names, by id, document or origin (three list parameters)
_MATCHING = "record_id IN (SELECT unnest(?)) OR doc IN (SELECT unnest(?)) OR origin IN (SELECT unnest(?))"
_DOCS_OF_MATCHING_RECORDS = f"SELECT DISTINCT doc FROM records WHERE {_MATCHING}"
_COUNT_MATCHING_RECORDS = f"SELECT count(*) FROM records WHERE {_MATCHING}"
_DELETE_MATCHING_RECORDS = f"DELETE FROM records WHERE {_MATCHING}"
#: of the documents given (one list parameter), those no record cites
_UNCITED = "doc_id IN (SELECT unnest(?)) AND doc_id NOT IN (SELECT doc FROM records)"
_COUNT_UNCITED_DOCUMENTS = f"SELECT count(*) FROM documents WHERE {_UNCITED}"
_DELETE_UNCITED_DOCUMENTS = f"DELETE FROM documents WHERE {_UNCITED}"
_HELD_DOCUMENT_IDS = "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))"


class LedgerBusy(LedgerError):
    """Another process holds the ledger file: a writer (readers and writers wait) or readers
    (a writer waits). One line, with the retry option."""

    def __init__(self, path: Path, *, reader: bool) -> None:
        who = "reading it, such as `softpower serve`" if reader else "writing"
        super().__init__(
            f"ledger {path} is busy (another softpower process is {who}); "
            f"retry later or wait for it with --wait SECONDS (or ${WAIT_ENV})"
        )


@dataclass
class ImportResult:
    """What one import added: new records per kind, duplicates skipped, new documents."""

    added: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("engagement", "indicator", "perception"), 0)
    )
    duplicates: int = 0
    documents: int = 0
    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.added.values())


def _hash_sql(cols: Iterable[str]) -> str:
    """MD5 of the columns' text. A missing value hashes as ``\x01``, except the money-basis keys
    (added in 0.2), which are left out when missing so that records without them keep the ids
    they had before (``concat_ws`` skips NULLs; their value sets do not overlap)."""
    parts = [
        f"CAST({c} AS VARCHAR)" if c in MONEY_BASIS_KEYS else f"coalesce(CAST({c} AS VARCHAR), '\x01')"
        for c in cols
    ]
    return "md5(concat_ws('\x1f', " + ", ".join(parts) + "))"


class Ledger:
    """An open ledger file. Use :meth:`open` as a context manager.

    Examples
    --------
    >>> with Ledger.open("softpower.duckdb") as lg:          # doctest: +SKIP
    ...     lg.query("SELECT kind, count(*) FROM records GROUP BY kind")
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        #: The file's size before a write that failed (its space is given back on close).
        self._shrink_to: int | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        read_only: bool = False,
        *,
        sandbox: bool = False,
        wait: float | None = None,
    ) -> Ledger:
        """Open (creating and migrating when writable) the ledger at ``path``.

        With ``sandbox`` (read-only only) the connection runs SQL from users: DuckDB's external
        access is off and its configuration locked, so no statement can read or write another
        file, ATTACH a database, INSTALL or LOAD an extension, or turn the sandbox off
        (:data:`SANDBOX_CONFIG`).

        DuckDB lets one process write a file, or any number read it, never both. When another
        process holds the file, the open is retried for ``wait`` seconds (default
        ``$SOFTPOWER_WAIT``, else 0) with growing pauses (0.05 s doubling to 1 s), then a
        :class:`LedgerError` says the ledger is busy.
        """
        path = Path(path)
        if wait is None:
            try:
                wait = max(0.0, float(os.environ.get(WAIT_ENV) or 0))
            except ValueError:
                raise LedgerError(f"${WAIT_ENV}: expected a number of seconds") from None
        deadline = time.monotonic() + wait
        pause = 0.05
        while True:
            try:
                return cls._open(path, read_only, sandbox)
            except LedgerBusy:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise
                time.sleep(min(pause, left))
                pause = min(pause * 2, 1.0)

    @classmethod
    def _open(cls, path: Path, read_only: bool, sandbox: bool) -> Ledger:
        if sandbox and not read_only:
            raise LedgerError("a sandboxed ledger is read-only")
        if read_only and not path.exists():
            raise LedgerError(
                f"no ledger at {path}: build one with `softpower ledger import --bundled --ledger {path}`"
            )
        if not read_only and not path.parent.exists():
            raise LedgerError(f"cannot create ledger {path}: folder {path.parent} does not exist")
        if path.is_file() and path.stat().st_size == 0:
            raise LedgerError(
                f"{path} is an empty file, not a softpower ledger (delete it to start a new ledger)"
            )
        try:
            config = dict(SANDBOX_CONFIG) if sandbox else {}
            locked = config.pop("lock_configuration", False)
            con = duckdb.connect(str(path), read_only=read_only, config=config)
            with contextlib.suppress(duckdb.Error):  # under Jupyter the setting cannot change (no widgets)
                con.execute(_NO_PROGRESS_BAR)  # never a progress bar on stdout
            if locked:
                con.execute(_LOCK_CONFIGURATION)
        except duckdb.IOException as exc:
            msg = str(exc).replace(str(path), "").lower()  # the path itself may contain any word
            if "could not set lock" in msg or "conflicting lock" in msg:
                raise LedgerBusy(path, reader="read-only mode" in msg) from None
            if "not a valid duckdb database" in msg:
                raise LedgerError(f"{path} is not a softpower ledger (not a DuckDB file)") from None
            raise LedgerError(f"cannot open ledger {path}: {str(exc).splitlines()[0]}") from None
        except duckdb.Error as exc:
            raise LedgerError(
                f"{path} is not a softpower ledger (DuckDB file): {str(exc).splitlines()[0]}"
            ) from None
        lg = cls(con, path, read_only)
        if read_only:
            names = {r[0] for r in con.execute(_TABLE_NAMES).fetchall()}
            if "records" not in names:
                con.close()
                raise LedgerError(f"{path} is not a softpower ledger (no records table)")
        else:
            # bounded memory for bulk imports: DuckDB spills to disk beyond this
            con.execute(_NO_INSERTION_ORDER)
            con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            try:
                migrations.migrate(con)
                lg._refresh_groups()
            except (duckdb.Error, OSError) as exc:
                error = lg._write_error(exc)
                with contextlib.suppress(duckdb.Error):
                    con.close()
                raise error from None
            refresh_sponsors(con)
        return lg

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.con.close()
        except duckdb.Error as exc:  # a connection invalidated by a fatal error (a full disk)
            raise self._write_error(exc) from None
        finally:
            if self._shrink_to is not None:
                give_back_space(self.path, self._shrink_to)
                self._shrink_to = None

    # -- reading -----------------------------------------------------------------
    def query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run SQL and return a pandas frame."""
        return self.con.execute(sql, params or []).df()

    def arrow(self, sql: str, params: list[Any] | None = None) -> pa.Table:
        """Run SQL and return an Arrow table."""
        rel = self.con.sql(sql, params=params or None)
        if rel is None:
            raise LedgerError("the statement returned no rows to read")
        return rel.to_arrow_table()

    def records(self, kind: str | None = None) -> pd.DataFrame:
        """All records (of one ``kind``) as a frame."""
        if kind is None:
            return self.query(_ALL_RECORDS)
        return self.query(_RECORDS_OF_KIND, [kind])

    def stats(self) -> dict[str, Any]:
        """Counts per kind, documents, distinct facts, and records per origin."""
        counts = dict(self.con.execute(_COUNT_BY_KIND).fetchall())
        out: dict[str, Any] = {k: int(counts.get(k, 0)) for k in ("engagement", "indicator", "perception")}
        out["documents"] = self._documents()
        out["facts"] = int(self.con.execute(_COUNT_FACTS).fetchall()[0][0])
        rows = self.con.execute(_COUNT_BY_ORIGIN_AND_KIND).fetchall()
        by_origin: dict[str, dict[str, int]] = {}
        for origin, kind, n in rows:
            by_origin.setdefault(origin, {})[kind] = int(n)
        out["by_origin"] = by_origin
        return out

    def document_lengths(self) -> dict[str, int | None]:
        return dict(self.con.execute(_DOCUMENT_LENGTHS).fetchall())

    # -- writing -----------------------------------------------------------------
    def _refresh_groups(self) -> None:
        rows = [(m.group, m.member, m.joined, m.left) for m in vocab.group_members()]
        # (group, member) is the table's primary key: compared as sets, in any row order
        if set(rows) == set(self.con.execute(_GROUP_MEMBERS).fetchall()):
            return  # unchanged: an open writes nothing (the file keeps its size)
        self.con.begin()
        self.con.execute(_CLEAR_GROUP_MEMBERS)
        self.con.executemany(_INSERT_GROUP_MEMBER, rows)
        self.con.commit()

    def import_records(
        self,
        records: pd.DataFrame | list[Mapping[str, Any]] | Iterable[pd.DataFrame],
        documents: Iterable[Mapping[str, Any]] | None = None,
        *,
        origin: str,
        source: str,
        catalog: Iterable[Mapping[str, Any]] | None = None,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> ImportResult:
        """Validate and add records (and their documents) in one transaction.

        Parameters
        ----------
        records
            Records in the exchange format (``span`` as ``[start, end]``) or the flat form
            (``span_start``/``span_end``, ``partners`` joined by ``;``), with an optional
            ``line`` column used in error messages; or an iterable of flat chunks
            (as :func:`softpower.ledger.files.iter_records` yields) to bound memory.
        documents
            Document dicts (fields of :class:`~softpower.records.models.Document`, optional ``text``).
        origin
            Where the records come from (``bundled:seeds``, ``extract``, an importer's name, a file).
        source
            File name used in error messages.
        catalog
            Documents known in advance (such as the bundled essays): used to check spans and
            registered only when a record cites them.
        progress
            Called as ``progress(rows_done, None)`` after each chunk.

        Raises
        ------
        InputError
            For the first bad row; the ledger is unchanged.
        """
        if self.read_only:
            raise LedgerError(f"ledger {self.path} is open read-only")
        if isinstance(records, pd.DataFrame):
            chunks: Iterable[pd.DataFrame] = [to_flat(records)]
        elif isinstance(records, list) and (not records or isinstance(records[0], Mapping)):
            try:  # a lone surrogate in a key or value has no UTF-8 form for pandas' Arrow-backed text
                chunks = [to_flat(records)]
            except UnicodeEncodeError:
                raise _first_unencodable(records, source) from None
        else:
            chunks = (to_flat(c) for c in records)  # type: ignore[union-attr, arg-type]
        docs = [_document_row(d, source) for d in (documents or [])]
        known = [_document_row(d, source) for d in (catalog or [])]
        lengths = {d["doc_id"]: d["text_length"] for d in known}
        lengths.update(self.document_lengths())
        lengths.update({d["doc_id"]: d["text_length"] for d in docs if d["text_length"] is not None})
        result = ImportResult()
        con = self.con
        size_before = _file_size(self.path)
        con.begin()
        try:
            before_docs = self._documents()
            if docs:
                con.register(_NEW_DOCUMENTS, pd.DataFrame(docs))  # _document_row's columns
                con.execute(_INSERT_NEW_DOCUMENTS)
            before = dict(con.execute(_COUNT_BY_KIND).fetchall())
            for flat in chunks:
                if flat.empty:  # nothing to check or insert (an empty frame has no column types)
                    continue
                # DuckDB reads the chunk by its variable name (a replacement scan): a view made
                # with register() and dropped inside this transaction keeps its frame alive until
                # COMMIT, so memory would grow with the file (4.1 GiB at 10 M rows)
                _softpower_chunk = money.derive_usd(validate_frame(flat, source, lengths))  # noqa: F841
                con.execute(_INSERT_SQL, [origin])
                del _softpower_chunk
                result.rows += len(flat)
                if progress is not None:
                    progress(result.rows, None)
            after = dict(con.execute(_COUNT_BY_KIND).fetchall())
            for kind in result.added:
                result.added[kind] = int(after.get(kind, 0)) - int(before.get(kind, 0))
            if known:
                con.register(_KNOWN_DOCUMENTS, pd.DataFrame(known))
                con.execute(_INSERT_CITED_KNOWN_DOCUMENTS)
            con.execute(_INSERT_PLACEHOLDER_DOCUMENTS)
            result.duplicates = result.rows - result.total
            result.documents = self._documents() - before_docs
            con.commit()
            self._shrink_to = None  # committed data may now lie past an earlier failure's size
        except BaseException as exc:
            # the transaction may be gone already (a failed commit, a fatal error)
            with contextlib.suppress(duckdb.Error):
                con.rollback()
            if size_before is not None and self._shrink_to is None:
                self._shrink_to = size_before
            if isinstance(exc, duckdb.Error | OSError):
                raise self._write_error(exc) from None
            raise
        return result

    def _write_error(self, exc: BaseException) -> LedgerError:
        """One line for a failed write: a full disk says so; the ledger holds all or none of it."""
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "no space left" in first.lower() or getattr(exc, "errno", None) == 28:
            return LedgerError(
                f"ledger {self.path}: the disk is full; the write was not completed (the ledger holds all "
                "or none of it: free some space and run the command again)"
            )
        return LedgerError(
            f"ledger {self.path}: write failed ({first[:200]}); the ledger holds all or none of it"
        )

    def delete(
        self,
        *,
        record_ids: Iterable[str] = (),
        docs: Iterable[str] = (),
        origins: Iterable[str] = (),
    ) -> tuple[int, int]:
        """Delete records by id, by the document they cite, or by import origin, in one
        transaction; documents left uncited by the deleted records go too.

        Returns ``(records, documents)`` deleted. Raises :class:`InputError` when nothing
        matches (so a typo never passes for success); the ledger is then unchanged.
        """
        if self.read_only:
            raise LedgerError(f"ledger {self.path} is open read-only")
        ids, dd, oo = list(record_ids), list(docs), list(origins)
        if not (ids or dd or oo):
            raise InputError("delete", None, None, "nothing to delete", "--record, --doc or --origin")
        con = self.con
        con.begin()
        try:
            cited = [r[0] for r in con.execute(_DOCS_OF_MATCHING_RECORDS, [ids, dd, oo]).fetchall()]
            n = int(con.execute(_COUNT_MATCHING_RECORDS, [ids, dd, oo]).fetchall()[0][0])
            if n == 0 and not set(dd) & set(self._document_ids(dd)):
                raise InputError(
                    "delete",
                    None,
                    None,
                    "no record or document matches",
                    "a record_id, doc or origin in the ledger",
                )
            con.execute(_DELETE_MATCHING_RECORDS, [ids, dd, oo])
            gone = [*cited, *dd]
            m = int(con.execute(_COUNT_UNCITED_DOCUMENTS, [gone]).fetchall()[0][0])
            con.execute(_DELETE_UNCITED_DOCUMENTS, [gone])
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return n, m

    def _document_ids(self, ids: list[str]) -> list[str]:
        rows = self.con.execute(_HELD_DOCUMENT_IDS, [ids])
        return [r[0] for r in rows.fetchall()]

    def _documents(self) -> int:
        return int(self.con.execute(_COUNT_DOCUMENTS).fetchall()[0][0])


def _file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


#: DuckDB's file layout: a main header and two database headers of 4 KiB each; the active
#: database header (the higher iteration) holds the block count and block size of the last
#: checkpoint, which is all the committed state the file needs beside its write-ahead log.
_HEADERS = 3 * 4096


def _checkpointed_size(path: Path) -> int | None:
    """Bytes the last checkpoint of the DuckDB file at ``path`` uses, or None when the header
    does not read as expected (then nothing is cut)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEADERS)
    except OSError:
        return None
    if len(head) < _HEADERS or head[8:12] != b"DUCK":
        return None
    best: tuple[int, int] | None = None
    for offset in (4096, 8192):
        _, iteration, _, _, blocks, block_size, _, _ = struct.unpack_from("<8Q", head, offset)
        if block_size not in {1 << k for k in range(12, 25)} or blocks >= 1 << 32:
            continue
        if best is None or iteration > best[0]:
            best = (iteration, _HEADERS + blocks * block_size)
    return None if best is None else best[1]


def give_back_space(path: Path, size_before: int) -> bool:
    """After a write that rolled back (a full disk, bad input in a late chunk), cut the ledger
    file back to ``size_before``: DuckDB wrote the rolled-back rows into new blocks past the
    committed ones and keeps the file at its largest. Called once the connection is closed.

    Safe because nothing committed lies past ``size_before``: the write held the file's only
    write lock from that moment and committed nothing, the last checkpoint (DuckDB's header)
    ends before it, and earlier commits still in the write-ahead log were written before it.
    Nothing is cut when another process has opened the file since (its lock is checked), when
    the header does not read as expected, or when the file did not grow. Returns True if cut.
    """
    size = _file_size(path)
    need = _checkpointed_size(path)
    if size is None or size <= size_before or need is None or need > size_before:
        return False
    try:
        with path.open("r+b") as fh:
            try:
                fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the lock DuckDB takes
            except OSError:
                return False  # another process has the ledger open: leave it
            if os.fstat(fh.fileno()).st_size != size:
                return False
            fh.truncate(size_before)
    except OSError:
        return False
    return True


_INSERT_SQL = f"""
    INSERT INTO records (record_id, fact_key, kind, doc, actor, partners, instrument, power_type, metric,
        unit, measure, year, year_end, amount, currency, value, name, ppp, equal_footing, amount_basis,
        price_basis, price_year, span_start, span_end, amount_usd, amount_usd_const, usd_rate, money_note, origin)
    SELECT DISTINCT ON (record_id) record_id, fact_key, kind, doc, actor, string_split(partners, ';'), instrument,
        power_type, metric, unit, measure, year, year_end, amount, currency, value, name, ppp, equal_footing,
        amount_basis, price_basis, price_year, span_start, span_end, amount_usd, amount_usd_const, usd_rate,
        money_note, ?
    FROM (
        SELECT *, {_hash_sql(("doc", *FACT_COLUMNS, "span_start", "span_end"))} AS record_id,
                  {_hash_sql(FACT_COLUMNS)} AS fact_key
        FROM _softpower_chunk
    ) c
    ANTI JOIN records r USING (record_id)
"""


def _first_unencodable(records: list[Mapping[str, Any]], source: str) -> InputError:
    """The one-line error for the first record holding text with no UTF-8 form (a lone surrogate)."""
    from softpower.records.models import text_problem_in

    for i, row in enumerate(records, start=1):
        found = text_problem_in(row)
        if found:
            return InputError(source, int(row.get("line") or i), found[0], found[1], "UTF-8 text")
    return InputError(source, None, None, "text that is not valid Unicode", "UTF-8 text")


def to_flat(records: pd.DataFrame | list[Mapping[str, Any]]) -> pd.DataFrame:
    """Records in the exchange or flat form → the flat frame with a ``line`` column."""
    df = records.copy() if isinstance(records, pd.DataFrame) else pd.DataFrame(list(records))
    if "line" not in df.columns:
        df["line"] = range(1, len(df) + 1)
    keep_span = "span" in df.columns and "span_start" not in df.columns
    for col in FLAT_COLUMNS:
        if col not in df.columns:
            df[col] = None
    # partners stay as given (a list, or ';'-joined text in the flat form) and the span too:
    # the record model judges them, nothing is split or cut here
    return df[[*FLAT_COLUMNS, *(["span"] if keep_span else []), "line"]].reset_index(drop=True)


def first_error(exc: ValidationError) -> tuple[str | None, str]:
    """The field (None for a problem of the whole object) and the message of a model's first
    error: a refusal names the first problem, as every reader's does."""
    err = exc.errors()[0]
    return (str(err["loc"][0]) if err["loc"] else None), str(err["msg"]).removeprefix("Value error, ")


def _document_row(d: Mapping[str, Any], source: str) -> dict[str, Any]:
    data = dict(d)
    doc_id = data.pop("doc_id", None) or data.get("id")
    data["id"] = doc_id
    text = data.get("text")
    try:
        doc = Document.model_validate(data)
    except ValidationError as exc:
        field, problem = first_error(exc)
        where = f"{field}: " if field else ""
        raise InputError(source, None, "document", f"{doc_id!r}: {where}{problem}") from None
    row = doc.model_dump()
    row["doc_id"] = row.pop("id")
    row["text"] = text
    if text is not None:
        row["text_length"] = len(text)
        row["sha256"] = row["sha256"] or hashlib.sha256(text.encode()).hexdigest()
    return {k: row.get(k) for k in DOC_COLUMNS}
