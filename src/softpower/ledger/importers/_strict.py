"""Strict cell parsers for the donor-side importers (DAC2A, PLAID, ForeignAssistance.gov,
AidData Core, Pew): a bad cell is one :class:`~softpower.errors.InputError` naming file,
line and column, never a silently dropped row.

Unlike :func:`softpower.ledger.importers._base.numbers` (which reads ``"NaN"`` as blank),
these reject ``NaN``, ``Infinity`` and numbers beyond a float's range (``1e400``), negative
amounts and years outside the record model's range, and a country name that is neither
resolved nor listed by the importer as a known non-state entity (a region, a multilateral
agency, a former state).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import DATASET_COUNTRY_NAMES
from softpower.records import vocab
from softpower.records.models import MIN_YEAR, max_year

#: NaN as text (``pd.to_numeric`` reads it as missing; Infinity parses, and is refused as infinite)
_NAN = {"nan", "+nan", "-nan"}


def _fail(df: pd.DataFrame, i: int, path: Path, col: str, problem: str, expected: str) -> InputError:
    return InputError(str(path), int(df["line"].iloc[i]), col, problem, expected)


def amounts(
    df: pd.DataFrame,
    col: str,
    path: Path,
    *,
    required: bool = False,
    negative_ok: bool = False,
    blank: tuple[str, ...] = ("",),
) -> np.ndarray:
    """A numeric column as floats (NaN for blank cells).

    Raises on text that is not a number, on ``NaN``/``Infinity``, on a negative value
    (unless ``negative_ok``) and, when ``required``, on a blank cell.
    """
    raw = df[col].astype("string").fillna("").str.strip()
    is_blank = raw.isin(blank).to_numpy(dtype=bool)
    if required and is_blank.any():
        i = int(np.flatnonzero(is_blank)[0])
        raise _fail(df, i, path, col, "empty", "a number")
    num = pd.to_numeric(raw.mask(is_blank), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    # NaN as text, Infinity, or a number too large for a float (1e400)
    not_finite = raw.str.lower().isin(_NAN).to_numpy(dtype=bool) | np.isinf(num)
    if not_finite.any():
        i = int(np.flatnonzero(not_finite)[0])
        raise _fail(df, i, path, col, f"{raw.iloc[i]!r} is not a finite number", "a finite number")
    bad = ~is_blank & np.isnan(num)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise _fail(df, i, path, col, f"{raw.iloc[i]!r} is not a number", "a number")
    if not negative_ok:
        neg = num < 0
        if neg.any():
            i = int(np.flatnonzero(neg)[0])
            raise _fail(df, i, path, col, f"negative amount {raw.iloc[i]}", "a non-negative amount")
    return num


def year_column(df: pd.DataFrame, col: str, path: Path, *, required: bool = True) -> np.ndarray:
    """Whole years in the record model's range (:data:`MIN_YEAR` to next year); NaN for blanks
    when not ``required``."""
    y = amounts(df, col, path, required=required, negative_ok=True)  # a negative year is out of range
    hi = max_year()
    bad = ~np.isnan(y) & ((y != np.floor(y)) | (y < MIN_YEAR) | (y > hi))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise _fail(df, i, path, col, f"{df[col].iloc[i]!r}", f"a whole year in {MIN_YEAR}..{hi}")
    return y


def country_names(
    df: pd.DataFrame,
    col: str,
    path: Path,
    *,
    aliases: Mapping[str, str] | None = None,
    non_states: Mapping[str, str] | None = None,
    codes: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Names → (ISO3 codes, skip reasons): object arrays, a code or a reason per row.

    A name listed in ``non_states`` (name → reason) gets no code and that reason (count
    skipped rows with :func:`drop`); a name resolved by ``aliases``, the shared dataset spellings or pycountry's
    names gives its code. Short upper-case acronyms are never read as ISO codes (PLAID's
    ``EC`` is the European Commission, not Ecuador; ``CAF`` the Andean development bank)
    unless ``codes`` (the column holds ISO3 codes). Anything else raises.
    """
    aliases = aliases or {}
    non_states = non_states or {}
    raw = df[col].astype("string").fillna("").str.strip()
    table: dict[str, str | None] = {}
    reasons: dict[str, str] = {}
    for text in raw.unique():
        code = aliases.get(text) or DATASET_COUNTRY_NAMES.get(text.casefold())
        if code is None and text in non_states:
            reasons[text] = non_states[text]
            table[text] = None
            continue
        if code is None and text:
            if codes:
                code = text.upper() if vocab.is_country(text.upper()) else None
            elif not (len(text) <= 5 and text.isupper()):
                code = vocab.resolve_country(text)
        if code is None:
            i = int(np.flatnonzero((raw == text).to_numpy(dtype=bool))[0])
            what = "an ISO 3166 alpha-3 code" if codes else "a country name this importer knows"
            raise _fail(df, i, path, col, f"unknown country {text!r}" if text else "empty", what)
        table[text] = code
    out = np.array([table[t] for t in raw.tolist()], dtype=object)
    why = np.array([reasons.get(t) for t in raw.tolist()], dtype=object)
    return out, why


def drop(keep: np.ndarray, why: np.ndarray, skipped: Counter[str]) -> np.ndarray:
    """``keep`` without the rows that have a skip reason; each row still kept is counted under its
    reason (so a row is counted once, under the first reason met)."""
    out = keep.copy()
    for reason in {r for r in why.tolist() if r is not None}:
        rows = out & (why == reason)
        if rows.any():
            skipped[reason] += int(rows.sum())
        out &= ~rows
    return out
