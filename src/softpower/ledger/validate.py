"""Validation of a flat record frame: the record model is the one definition of "valid".

Every row is checked by :data:`softpower.records.models.Record` (pydantic), so the ledger
and the model cannot disagree; the one rule the model cannot check alone (a span lies inside
its document, whose length the ledger holds) is :func:`softpower.records.models.span_fits`, and
the words of the error messages are :func:`softpower.records.models.expected`. This module holds
no rule of its own: it turns the frame into model input and back, and reports the first bad line
as one :class:`~softpower.errors.InputError`. Nothing is written on error.
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from pydantic import TypeAdapter, ValidationError

from softpower.errors import InputError
from softpower.records import vocab
from softpower.records.models import RECORD_KEYS, Record, expected, span_fits

_SHOW = reprlib.Repr()
_SHOW.maxlevel, _SHOW.maxstring, _SHOW.maxother, _SHOW.maxlist, _SHOW.maxdict = 2, 60, 60, 4, 4
_RECORDS: TypeAdapter[list[Any]] = TypeAdapter(list[Record])
#: Columns of the validated frame (what the ledger inserts): the exchange keys of the record
#: model with the span in two columns and no quote (never stored), then what the ledger adds.
OUT_COLUMNS = (
    *(
        c
        for k in RECORD_KEYS
        if k not in ("span", "quote")
        for c in ((k, "power_type") if k == "instrument" else (k,))
    ),
    "span_start",
    "span_end",
    "line",
)
_SCALARS = tuple(
    c for c in OUT_COLUMNS if c not in ("partners", "power_type", "span_start", "span_end", "line")
)


def _clean(v: Any) -> Any:
    """A frame cell as model input: pandas' missing markers become absent; numpy scalars Python."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and v != v:  # NaN is pandas' "missing" in a frame
        return None
    if isinstance(v, np.generic):
        return _clean(v.item())
    return v


def _partners(v: Any) -> Any:
    v = _clean(v) if not isinstance(v, list | tuple | np.ndarray) else v
    if isinstance(v, str):
        return [p.strip() for p in v.split(";")] if v.strip() else None
    if isinstance(v, np.ndarray):  # a Parquet list column (a tuple or list goes to the model as it is)
        return [_clean(x) for x in v]
    return v


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    cols = {c: df[c].tolist() for c in _SCALARS if c in df.columns}
    partners = [_partners(v) for v in df["partners"].tolist()]
    s0 = [_clean(v) for v in df["span_start"].tolist()]
    s1 = [_clean(v) for v in df["span_end"].tolist()]
    # records given in the exchange form keep their span as given (a list of any length)
    given = df["span"].tolist() if "span" in df.columns else [None] * len(df)
    rows: list[dict[str, Any]] = []
    for i in range(len(df)):
        row = {k: c for k, col in cols.items() if (c := _clean(col[i])) is not None}
        if partners[i] is not None:
            row["partners"] = partners[i]
        sp = given[i]
        if isinstance(sp, list | tuple | np.ndarray):
            row["span"] = [_clean(x) for x in list(sp)]
        elif s0[i] is not None or s1[i] is not None:
            row["span"] = [s0[i], s1[i]]
        rows.append(row)
    return rows


def _problem(err: Any) -> tuple[str, str]:
    """(field, problem) of one pydantic error."""
    loc = [x for x in err["loc"] if not isinstance(x, int)]
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
        got = err["input"].get("kind")  # the model's input is always a row dict (see _rows)
        return "kind", "missing" if got is None else f"{str(got)[:60]!r}"
    if len(loc) >= 2:
        field = str(loc[1])
        if err["type"] == "missing":
            return field, "missing"
        shown = _SHOW.repr(err.get("input"))
        return field, msg if shown in msg else f"{shown}: {msg}"
    # an error of the whole record names its field first (a convention of the model)
    first = msg.partition(" ")[0]
    return first, msg


def validate_frame(df: pd.DataFrame, file: str, doc_lengths: Mapping[str, int | None]) -> pd.DataFrame:
    """Check a flat record frame with the record model; return it typed, with ``power_type``.

    Parameters
    ----------
    df
        Flat frame as made by :mod:`softpower.ledger.files` (with ``line``).
    file
        Name used in error messages.
    doc_lengths
        Known document lengths (characters), to check spans; absent documents are not checked.

    Raises
    ------
    InputError
        For the first (lowest) bad line: file, line, field and what was expected.
    """
    lines = df["line"].tolist()
    bad: list[tuple[int, str, str, str | None]] = []  # (line, field, problem, expected)
    records: list[Any] = []
    try:
        records = _RECORDS.validate_python(_rows(df))
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            i = err["loc"][0]
            assert isinstance(i, int)
            field, problem = _problem(err)
            bad.append((int(lines[i]), field, problem, expected(field)))
    else:
        for i, r in enumerate(records):  # the ledger's rule: a span lies inside its document
            n = doc_lengths.get(r.doc)
            if not span_fits(r.span, n):
                problem = f"{list(r.span)} outside document {r.doc!r} of {n} characters"
                bad.append((int(lines[i]), "span", problem, "a span inside the document"))
    if bad:
        # the first bad line in the file, whatever order the rows or the errors come in
        line, field, problem, hint = min(bad, key=lambda b: b[0])
        raise InputError(file, line, field, problem, hint)

    inst = vocab.instruments()
    out: dict[str, Any] = {}
    for c in _SCALARS:
        out[c] = [getattr(r, c, None) for r in records]
    out["partners"] = [";".join(r.partners) for r in records]
    out["power_type"] = [inst[r.instrument].power_type if r.kind == "engagement" else None for r in records]
    out["span_start"] = [None if r.span is None else r.span[0] for r in records]
    out["span_end"] = [None if r.span is None else r.span[1] for r in records]
    out["line"] = lines
    frame = pd.DataFrame({c: out[c] for c in OUT_COLUMNS})
    for c in ("year", "year_end", "price_year", "span_start", "span_end"):
        frame[c] = frame[c].astype("Int64")
    for c in ("amount", "value"):
        frame[c] = pd.to_numeric(frame[c]).astype(float)
    for c in ("ppp", "equal_footing"):
        frame[c] = frame[c].astype(bool)
    return frame
