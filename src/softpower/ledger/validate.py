"""Validation of a flat record frame: the record model is the one definition of "valid".

Every row is checked by :data:`softpower.records.models.Record` (pydantic), so the ledger
and the model cannot disagree; this module only adds the one rule the model cannot know
(a span must lie inside its document, whose length the ledger holds), turns the frame into
model input and back, and reports the first bad line as one
:class:`~softpower.errors.InputError`. Nothing is written on error.
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
from softpower.records.models import (
    AMOUNT_BASES,
    KINDS,
    MAX_TARGET_YEAR,
    MIN_YEAR,
    PRICE_BASES,
    Record,
    max_year,
)

_SHOW = reprlib.Repr()
_SHOW.maxlevel, _SHOW.maxstring, _SHOW.maxother, _SHOW.maxlist, _SHOW.maxdict = 2, 60, 60, 4, 4
_RECORDS: TypeAdapter[list[Any]] = TypeAdapter(list[Record])
#: Columns of the validated frame (what the ledger inserts), in order.
OUT_COLUMNS = (
    "kind",
    "doc",
    "actor",
    "partners",
    "instrument",
    "power_type",
    "metric",
    "unit",
    "measure",
    "year",
    "year_end",
    "amount",
    "currency",
    "value",
    "name",
    "ppp",
    "equal_footing",
    "amount_basis",
    "price_basis",
    "price_year",
    "span_start",
    "span_end",
    "line",
)
_SCALARS = tuple(
    c for c in OUT_COLUMNS if c not in ("partners", "power_type", "span_start", "span_end", "line")
)


def _expected(field: str) -> str | None:
    """What a field holds, for the error message (presentation only: the rules are the model's)."""
    return {
        "kind": " or ".join(KINDS),
        "doc": "a document id",
        "actor": "an ISO 3166 alpha-3 code",
        "partners": "a list of ISO alpha-3 or group codes (" + ", ".join(vocab.group_codes()) + ")",
        "instrument": "an instrument of the vocabulary (softpower/data/instruments.csv)",
        "amount": "a non-negative finite number",
        "value": "a finite number (a share in 0..1 for a perception)",
        "year": f"a year in {MIN_YEAR}..{max_year()}",
        "year_end": f"a year in {MIN_YEAR}..{MAX_TARGET_YEAR}, not before year",
        "currency": "an ISO 4217 code such as USD, JPY, CNY",
        "amount_basis": " or ".join(AMOUNT_BASES) + " (or empty)",
        "price_basis": " or ".join(PRICE_BASES) + " (or empty)",
        "price_year": "the base year of constant prices, only with price_basis 'constant'",
        "span": "[start, end] with 0 <= start <= end, or null",
        "ppp": "true or false",
        "equal_footing": "true or false",
        "metric": "a metric name for an indicator",
        "measure": "a perception measure",
    }.get(field)


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
    if isinstance(v, np.ndarray):
        return [_clean(x) for x in v.tolist()]
    if isinstance(v, tuple):
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
    names = list(cols)
    for i, values in enumerate(zip(*cols.values(), strict=True)):
        row = {k: c for k, v in zip(names, values, strict=True) if (c := _clean(v)) is not None}
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
        got = err.get("input", {}).get("kind") if isinstance(err.get("input"), dict) else None
        return "kind", "missing" if got is None else f"{str(got)[:60]!r}"
    if len(loc) >= 2:
        field = str(loc[1])
        if err["type"] == "missing":
            return field, "missing"
        shown = _SHOW.repr(err.get("input"))
        return field, msg if shown in msg else f"{shown}: {msg}"
    # an error of the whole record names its field first (a convention of the model)
    first = msg.split(" ", 1)[0]
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
    first: tuple[int, str, str] | None = None
    records: list[Any] = []
    try:
        records = _RECORDS.validate_python(_rows(df))
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            i = err["loc"][0]
            assert isinstance(i, int)
            if first is None or lines[i] < first[0]:
                field, problem = _problem(err)
                first = (int(lines[i]), field, problem)
    if first is None:
        for i, r in enumerate(records):  # the ledger's rule: a span lies inside its document
            n = doc_lengths.get(r.doc)
            if r.span is not None and n is not None and r.span[1] > n:
                problem = f"[{r.span[0]}, {r.span[1]}] outside document {r.doc!r} of {n} characters"
                first = (int(lines[i]), "span", problem)
                break
    if first is not None:
        line, field, problem = first
        expected = "a span inside the document" if "outside document" in problem else _expected(field)
        raise InputError(file, line, field, problem, expected)

    inst = vocab.instruments()
    out: dict[str, Any] = {}
    for c in _SCALARS:
        out[c] = [getattr(r, c, None) for r in records]
    out["ppp"] = [bool(v) for v in out["ppp"]]
    out["equal_footing"] = [bool(v) for v in out["equal_footing"]]
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
