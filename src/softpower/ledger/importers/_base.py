"""Shared machinery of the real-data importers: the batch type, CSV reading with line
numbers, strict number parsing, country resolution and the record frame.

Every importer returns an :class:`ImportBatch`. Rows that cannot be mapped onto the
record model are *skipped* and counted by reason; a structurally malformed file (no
header, a missing required column, a row with the wrong number of fields, a value that
is not a number where one is required) raises :class:`~softpower.errors.InputError`
naming file, line, field and what was expected, before anything is written.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.records import vocab
from softpower.records.models import FACT_KEYS, RECORD_KEYS

#: Columns of :attr:`ImportBatch.records` (the gold exchange format without ``quote``, plus ``line``).
RECORD_COLUMNS = (*(k for k in RECORD_KEYS if k != "quote"), "line")

#: AidData, the publisher of the ODC-By datasets (AidData, a research lab at William & Mary, USA).
AIDDATA = {"publisher": "AidData at William & Mary", "publisher_country": "USA", "publisher_kind": "dataset"}


@dataclass
class ImportBatch:
    """What an importer read: records in the exchange format, their documents, and skipped rows.

    Attributes
    ----------
    records
        One row per record, columns :data:`RECORD_COLUMNS` (``partners`` a list of codes,
        ``line`` the source line for error messages).
    documents
        Document dicts (``id, title, publisher, publisher_country, publisher_kind, date, url``).
    skipped
        Number of source rows (or cells) left out, by reason.
    rows_read
        Data rows read from the file(s).
    """

    records: pd.DataFrame
    documents: list[dict[str, Any]]
    skipped: dict[str, int] = field(default_factory=dict)
    rows_read: int = 0

    def counts(self) -> dict[str, int]:
        """Records made by kind."""
        return {str(k): int(v) for k, v in self.records["kind"].value_counts().sort_index().items()}


@dataclass(frozen=True)
class Importer:
    """A named importer: ``load(path)`` reads a file (or a folder of the dataset's files).

    ``patterns`` are the file-name globs of the dataset's files: ``import --from auto DIR``
    runs this importer when :meth:`find` sees one of them anywhere under ``DIR``.
    """

    name: str
    description: str
    loader: Callable[[Path], ImportBatch]
    patterns: tuple[str, ...] = ()

    def find(self, folder: str | Path) -> list[Path]:
        """The dataset's files under ``folder`` (recursive, sorted); empty when none or no patterns."""
        root = Path(folder)
        found = {p for pat in self.patterns for p in root.rglob(pat) if p.is_file()}
        return sorted(found)

    def load(self, path: str | Path) -> ImportBatch:
        p = Path(path)
        if not p.exists():
            raise InputError(str(p), None, None, "no such file or folder", f"a file for --from {self.name}")
        return self.loader(p)


def concat(batches: Sequence[ImportBatch]) -> ImportBatch:
    """Merge batches from several files of one dataset."""
    skipped: Counter[str] = Counter()
    docs: list[dict[str, Any]] = []
    for b in batches:
        skipped.update(b.skipped)
        docs.extend(b.documents)
    frames = [b.records for b in batches if len(b.records)]
    records = pd.concat(frames, ignore_index=True) if frames else empty_records()
    return ImportBatch(records, dedupe_documents(docs), dict(skipped), sum(b.rows_read for b in batches))


def dedupe_documents(docs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for d in docs:
        seen.setdefault(d["id"], d)
    return list(seen.values())


def _decoded(fh: Any, at: list[int], encoding: str) -> Iterator[str]:
    """Lines of a binary file decoded one by one, so a bad byte is reported on its own line."""
    for i, raw in enumerate(fh, start=1):
        at[0] = i
        yield raw.decode("utf-8-sig" if i == 1 and encoding == "utf-8" else encoding)


def _read_rows(
    path: Path,
    required: Sequence[str],
    only: Sequence[str] | None,
    at: list[int],
    encoding: str,
) -> tuple[list[str], list[list[str]], list[int]]:
    with open(path, "rb") as fh:
        reader = csv.reader(_decoded(fh, at, encoding))
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(str(path), 1, None, "empty file", "a header row") from None
        names: list[str] = []
        for h in header:
            base = h.strip()
            name, k = base, 0
            while name in names:
                k += 1
                name = f"{base}.{k}"
            names.append(name)
        missing = [c for c in required if c not in names]
        if missing:
            raise InputError(
                str(path), 1, missing[0], "missing column", "a header with " + ", ".join(required)
            )
        width = len(names)
        pick = [names.index(c) for c in only] if only is not None else None
        rows: list[list[str]] = []
        lines: list[int] = []
        prev = reader.line_num
        for row in reader:
            start, prev = prev + 1, reader.line_num
            if not row:
                continue
            if len(row) != width:
                short = names[len(row)] if len(row) < width else None  # the first column cut off
                raise InputError(
                    str(path), start, short, f"{len(row)} fields", f"{width} fields as in the header"
                )
            rows.append(row if pick is None else [row[k] for k in pick])
            lines.append(start)
    return names, rows, lines


def read_table(
    path: Path,
    required: Sequence[str],
    *,
    only: Sequence[str] | None = None,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Read a CSV file into strings, with the 1-based start ``line`` of each row.

    Header names are stripped of surrounding spaces; a repeated name gets ``.1``, ``.2``.
    ``only`` keeps just those columns (all rows are still checked for their field count).

    Raises
    ------
    InputError
        Empty file, a missing required column, or a row whose field count differs from
        the header's.
    """
    limit = csv.field_size_limit(sys.maxsize)  # dataset cells may be long; restored below
    at = [1]  # the line being read, for decoding and parser errors
    try:
        names, rows, lines = _read_rows(path, required, only, at, encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), at[0], None, f"not UTF-8 text ({exc.reason})", "a UTF-8 encoded CSV file"
        ) from None
    except csv.Error as exc:
        raise InputError(
            str(path), at[0], None, f"unreadable CSV ({exc})", "a comma-separated file"
        ) from None
    finally:
        csv.field_size_limit(limit)  # the process's other CSV readers keep their limit
    cols = names if only is None else list(only)
    df = pd.DataFrame(rows, columns=cols, dtype=object)
    df["line"] = np.asarray(lines, dtype=np.int64)
    return df


def numbers(
    df: pd.DataFrame, col: str, path: Path, *, accounting: bool = False, multi: bool = False
) -> np.ndarray:
    """Parse a numeric column: blanks (and ``NA``, ``NaN``, ``None``) are missing; anything else
    that is not a finite number raises.

    ``accounting`` accepts spreadsheet accounting text (``" 1,234 "``, ``"-"`` for zero);
    ``multi`` accepts ``;``-separated numbers (per-recipient parts of one project) and sums them.
    """
    raw = df[col].astype("string").str.strip()
    if multi:
        parts = raw.str.contains(";").fillna(False).to_numpy(dtype=bool)
        if parts.any():
            summed = [_sum_parts(str(v)) for v in raw[parts]]
            sums = [str(x) if x is not None else str(v) for x, v in zip(summed, raw[parts], strict=True)]
            raw[parts] = pd.array(sums, dtype="string")
    if accounting:
        raw = raw.str.replace(",", "").str.replace("$", "")  # plain text, not patterns
        raw = raw.mask(raw == "-", "0")
    raw = raw.mask(raw.isin(["", "NA", "NaN", "nan", "None"]))
    num = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = raw.notna().to_numpy(dtype=bool) & ~np.isfinite(num)  # not a number, Infinity, 1e400
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        what = "a finite number" if np.isinf(num[i]) else "a number"
        raise InputError(str(path), int(df["line"].iloc[i]), col, f"{raw.iloc[i]!r} is not {what}", what)
    return num


def _sum_parts(text: str) -> float | None:
    try:
        return sum(float(p.strip().replace(",", "")) for p in text.split(";") if p.strip())
    except ValueError:
        return None


def years(df: pd.DataFrame, col: str, path: Path) -> np.ndarray:
    """Parse a year column (``2004`` or ``2004.0``); float array with NaN for blanks."""
    y = numbers(df, col, path)
    bad = ~np.isnan(y) & (y != np.floor(y))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InputError(
            str(path), int(df["line"].iloc[i]), col, f"{df[col].iloc[i]!r} is not a year", "a whole year"
        )
    return y


def year_ok(y: np.ndarray) -> np.ndarray:
    """Years the record model accepts."""
    from softpower.records.models import MIN_YEAR, max_year

    return ~np.isnan(y) & (y >= MIN_YEAR) & (y <= max_year())


#: Spellings in the imported datasets that ``vocab.resolve_country`` does not know (casefolded).
#: Non-ISO entities (Jerusalem, Abkhazia, Somaliland, Yugoslavia...) are left unresolved on purpose.
DATASET_COUNTRY_NAMES = {
    k.casefold(): v
    for k, v in {
        "Turkey": "TUR",
        "Korea Republic of (South Korea)": "KOR",
        "Korea, Rep": "KOR",
        "Korea, Rep.": "KOR",
        "Korea Democratic People's Republic of (North Korea)": "PRK",
        "Korea, Dem. Rep.": "PRK",
        "Taiwan*": "TWN",
        "Kosovo*": "XKX",
        "Kosovo": "XKX",
        "Palestine": "PSE",
        "Palestine*": "PSE",
        "Palestinian Territories*": "PSE",
        "Venezuela Bolivarian Republic of": "VEN",
        "Iran Islamic Republic of": "IRN",
        "Bolivia Plurinational State of": "BOL",
        "Tanzania United Republic of": "TZA",
        "Moldova Republic of": "MDA",
        "Macedonia the former Yugoslav Republic of": "MKD",
        "Micronesia Federated States of": "FSM",
        "Micronesia, Fed. Sts.": "FSM",
        "Micronesia": "FSM",
        "Cote d'Ivoire": "CIV",
        "Democratic Republic of the Congo": "COD",
        "Democratic the Congo": "COD",
        "Congo Dem. Rep.": "COD",
        "Vatican City State": "VAT",
        "Vatican City": "VAT",
        "Cape Verde": "CPV",
        "Swaziland": "SWZ",
        "Guam (US territory)": "GUM",
        "Puerto Rico (US territory)": "PRI",
        "New Caledonia (French territory)": "NCL",
        "New Caledonia (France)": "NCL",
        "Bermuda (British overseas territory)": "BMU",
        "Sint Maarten (Dutch territory)": "SXM",
        "Tokelau Island": "TKL",
        "El Savador": "SLV",
        "Slovak": "SVK",
        "Czech": "CZE",
        "Trinidad and Tobaco": "TTO",
        "St.Kitts-Nevis": "KNA",
        "St.Lucia": "LCA",
        "St.Vincent": "VCT",
        "Bosnia-Herzegovina": "BIH",
        "Sao-Tome-Principe": "STP",
        "Arab Emirates": "ARE",
        "Nigaragua": "NIC",
        "Dominica Republic": "DOM",
        "Portual": "PRT",
        "Kyrgyz Republic": "KGZ",
        "Laos": "LAO",
        "Viet Nam": "VNM",
    }.items()
}


@cache
def _resolve(name: str) -> str | None:
    return vocab.resolve_country(name)


def resolve_names(values: pd.Series, aliases: dict[str, str] | None = None) -> pd.Series:
    """Country names (or ISO3 codes) → ISO3 or None, resolved once per distinct value."""
    aliases = aliases or {}
    uniq = values.dropna().unique()
    table: dict[Any, str | None] = {}
    for v in uniq:
        text = str(v).strip()
        code = aliases.get(text) or DATASET_COUNTRY_NAMES.get(text.casefold())
        table[v] = (code or (text if vocab.is_country(text) else _resolve(text))) if text else None
    out = [table.get(v) if isinstance(v, str) else None for v in values.tolist()]
    return pd.Series(out, index=values.index, dtype=object)


def iso3_list(value: str, sep: str = ";") -> list[str]:
    """Valid ISO3 codes in a separated list, in order, without duplicates."""
    out: list[str] = []
    for part in str(value).split(sep):
        code = part.strip().upper()
        if code and vocab.is_country(code) and code not in out:
            out.append(code)
    return out


def empty_records() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in RECORD_COLUMNS})


def _partner_column(v: Any, n: int) -> np.ndarray:
    """A 1-D object array of code lists (``np.asarray`` would make a 2-D array of lists)."""
    arr = np.empty(n, dtype=object)
    items = list(v) if not isinstance(v, np.ndarray) or v.ndim == 1 else [list(r) for r in v]
    if len(items) != n:
        raise ValueError(f"column partners: {len(items)} values for {n} rows")
    for i, p in enumerate(items):
        arr[i] = [p] if isinstance(p, str) else list(p)
    return arr


def make_records(n: int, **cols: Any) -> pd.DataFrame:
    """A record frame of ``n`` rows; missing columns are None (``ppp``/``equal_footing`` False).

    Scalars are broadcast; ``partners`` is a sequence of code lists (or one code list for all).
    """
    data: dict[str, Any] = {}
    for c in RECORD_COLUMNS:
        v = cols.get(c)
        if c == "partners" and v is not None and not (isinstance(v, list) and v and isinstance(v[0], str)):
            data[c] = _partner_column(v, n)
            continue
        if c == "partners" and isinstance(v, list):
            v = _partner_column([v] * n, n)
        if v is None:
            v = False if c in ("ppp", "equal_footing") else None
        if isinstance(v, np.ndarray | pd.Series | list):
            arr = np.asarray(v.to_numpy() if isinstance(v, pd.Series) else v, dtype=object)
            if arr.ndim != 1 or len(arr) != n:
                raise ValueError(f"column {c}: {arr.shape} values for {n} rows")
            data[c] = arr
        else:
            data[c] = np.full(n, v, dtype=object)
    df = pd.DataFrame(data)  # arrays of n rows: index 0..n-1
    for c in ("year", "year_end", "price_year", "line"):
        df[c] = pd.to_numeric(df[c]).astype("Int64")
    for c in ("amount", "value"):
        df[c] = pd.to_numeric(df[c]).astype(float)
    return df


def indicator_records(
    df: pd.DataFrame,
    keep: np.ndarray,
    *,
    doc: str,
    actor: str,
    iso: np.ndarray,
    metric: str,
    unit: str,
    year: np.ndarray,
    value: np.ndarray,
) -> pd.DataFrame:
    """Country-year indicator records of ``actor`` for the rows where ``keep`` holds.

    One record per kept row: partner ``iso[i]``, ``year[i]``, ``value[i]``, and the row's
    line number for provenance.
    """
    idx = np.flatnonzero(keep)
    return make_records(
        len(idx),
        doc=doc,
        kind="indicator",
        actor=actor,
        partners=[[iso[i]] for i in idx],
        metric=metric,
        unit=unit,
        year=year[idx],
        value=value[idx],
        line=df["line"].to_numpy()[idx],
    )


def merge_identical(records: pd.DataFrame, skipped: Counter[str]) -> pd.DataFrame:
    """Merge rows identical in every fact field (same partners too) into one record whose
    amount is their sum; the first row's ``doc`` and ``line`` stand for the group.

    Datasets with one row per person (KOICA trainees and volunteers) would otherwise give
    several records of one fact, which the ledger counts once.
    """
    if records.empty:
        return records
    group = records["partners"].map("|".join).astype(str)
    for col in (k for k in FACT_KEYS if k != "partners"):
        group = group + "\x1f" + records[col].astype(str).fillna("<NA>")
    first = ~group.duplicated()
    n_merged = int((~first).sum())
    if not n_merged:
        return records
    total = records["amount"].groupby(group).sum(min_count=1)
    out = records[first.to_numpy()].copy()
    out["amount"] = group[first].map(total).to_numpy(dtype=float)
    skipped["merged into an identical row (amount summed)"] += n_merged
    return out.reset_index(drop=True)


def count(skipped: Counter[str], mask: np.ndarray, reason: str) -> None:
    k = int(np.count_nonzero(mask))
    if k:
        skipped[reason] += k


def find_files(path: Path, patterns: Sequence[str]) -> list[Path]:
    """The file itself, or the files under a folder matching any glob pattern (sorted, recursive)."""
    if path.is_file():
        return [path]
    found: list[Path] = []
    for pat in patterns:
        found.extend(p for p in path.rglob(pat) if p.is_file() and p not in found)
    if not found:
        raise InputError(
            str(path),
            None,
            None,
            "no dataset file in this folder",
            "a file named like " + " or ".join(patterns),
        )
    return sorted(found)


def header_of(path: Path) -> list[str]:
    """The stripped header names (first line only; undecodable bytes are replaced here and
    reported by :func:`read_table`)."""
    with open(path, "rb") as fh:
        first = fh.readline().decode("utf-8-sig", errors="replace")
    row = next(csv.reader([first]), [])
    return [h.strip() for h in row]
