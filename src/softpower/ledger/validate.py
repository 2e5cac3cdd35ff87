"""Vectorised validation of a flat record frame against the record model.

The rules are those of :mod:`softpower.records.models`, applied column-wise so that a
million rows validate in seconds. The first offending row (lowest line) is reported as
one :class:`~softpower.errors.InputError`; nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.records import vocab
from softpower.records.models import AMOUNT_BASES, KINDS, MAX_TARGET_YEAR, MIN_YEAR, PRICE_BASES, max_year

BOOL_TEXT = {"true": True, "false": False, "1": True, "0": False, "True": True, "False": False}


class _Problems:
    """Collects the earliest failing line per check and raises the overall earliest."""

    def __init__(self, frame: pd.DataFrame, file: str) -> None:
        self.line = frame["line"].to_numpy()
        self.file = file
        self.best: tuple[int, str, str, str] | None = None

    def check(self, bad: np.ndarray | pd.Series, field: str, problem, expected: str) -> None:  # type: ignore[no-untyped-def]
        mask = pd.Series(bad).fillna(False).to_numpy(dtype=bool) if not isinstance(bad, np.ndarray) else bad
        if not mask.any():
            return
        i = int(np.flatnonzero(mask)[0])
        line = int(self.line[i])
        if self.best is None or line < self.best[0]:
            self.best = (line, field, problem(i) if callable(problem) else problem, expected)

    def raise_first(self) -> None:
        if self.best is not None:
            line, field, problem, expected = self.best
            raise InputError(self.file, line, field, problem, expected)


def _numeric(df: pd.DataFrame, col: str, p: _Problems, integer: bool) -> pd.Series:
    raw = df[col]
    num = pd.to_numeric(raw, errors="coerce").astype(float)
    given = raw.notna().to_numpy()
    bad = given & num.isna().to_numpy()
    if integer:
        vals = num.to_numpy(dtype=float)
        bad |= given & ~np.isnan(vals) & (np.mod(np.nan_to_num(vals), 1) != 0)
    p.check(bad, col, lambda i: f"{raw.iloc[i]!r} is not a number", "an integer" if integer else "a number")
    return num


def _boolean(df: pd.DataFrame, col: str, p: _Problems) -> np.ndarray:
    raw = df[col]
    if raw.dtype == bool:
        return raw.to_numpy()
    given = raw.notna().to_numpy()
    mapped = raw.map(
        lambda v: (
            BOOL_TEXT.get(v) if isinstance(v, str) else (bool(v) if isinstance(v, bool | np.bool_) else None)
        )
    )
    bad = given & mapped.isna().to_numpy()
    p.check(bad, col, lambda i: f"{raw.iloc[i]!r}", "true or false")
    return mapped.fillna(False).to_numpy(dtype=bool)


def validate_frame(df: pd.DataFrame, file: str, doc_lengths: Mapping[str, int | None]) -> pd.DataFrame:
    """Check and type a flat record frame; return it with proper dtypes and ``power_type``.

    Parameters
    ----------
    df
        Flat frame as made by :mod:`softpower.ledger.files` (with ``line``).
    file
        Name used in error messages.
    doc_lengths
        Known document lengths (characters), to check spans; absent documents are not checked.
    """
    p = _Problems(df, file)
    n = len(df)
    text = {c: df[c].astype(object).where(df[c].notna(), None) for c in ("doc", "kind", "actor", "partners")}
    kind = text["kind"]
    p.check(~kind.isin(KINDS).to_numpy(), "kind", lambda i: f"{kind.iloc[i]!r}", " or ".join(KINDS))
    doc = text["doc"]
    p.check((doc.isna() | (doc.astype(str).str.strip() == "")).to_numpy(), "doc", "empty", "a document id")
    countries = vocab.country_codes()
    actor = text["actor"]
    p.check(
        ~actor.isin(countries).to_numpy(),
        "actor",
        lambda i: f"unknown country code {actor.iloc[i]!r}",
        "an ISO 3166 alpha-3 code",
    )

    partners = text["partners"].fillna("")
    p.check((partners == "").to_numpy(), "partners", "empty", "one or more ISO alpha-3 or group codes")
    valid_partner = countries | set(vocab.group_codes())
    multi = partners.str.contains(";", regex=False).to_numpy(dtype=bool)
    exploded = partners[multi].str.split(";").explode() if multi.any() else partners.iloc[:0]
    exploded = pd.concat([partners[~multi], exploded])
    bad_partner = ~exploded.isin(valid_partner) & (exploded != "")
    if bad_partner.any():
        pos = np.zeros(n, dtype=bool)
        idx = exploded.index[bad_partner.to_numpy()]
        pos[df.index.get_indexer(idx.unique())] = True
        first_bad = dict(zip(idx[::-1], exploded[bad_partner].to_numpy()[::-1], strict=True))
        p.check(
            pos,
            "partners",
            lambda i: f"unknown country or group code {first_bad[df.index[i]]!r}",
            "ISO alpha-3 or a group code (" + ", ".join(vocab.group_codes()) + ")",
        )

    is_eng = (kind == "engagement").to_numpy()
    is_ind = (kind == "indicator").to_numpy()
    is_per = (kind == "perception").to_numpy()
    instrument = df["instrument"].astype(object)
    p.check(
        is_eng & ~instrument.isin(list(vocab.instruments())).to_numpy(),
        "instrument",
        lambda i: f"{instrument.iloc[i]!r} not in the vocabulary",
        "one of " + ", ".join(vocab.instruments()),
    )
    metric = df["metric"].astype(object)
    p.check(is_ind & metric.isna().to_numpy(), "metric", "missing", "a metric name for an indicator")
    measure = df["measure"].astype(object)
    p.check(is_per & measure.isna().to_numpy(), "measure", "missing", "a perception measure")

    year = _numeric(df, "year", p, integer=True)
    year_end = _numeric(df, "year_end", p, integer=True)
    hi = max_year()
    p.check(
        ((year < MIN_YEAR) | (year > hi)).to_numpy(),
        "year",
        lambda i: f"{int(year.iloc[i])}",
        f"a year in {MIN_YEAR}..{hi}",
    )
    p.check(
        ((year_end < MIN_YEAR) | (year_end > MAX_TARGET_YEAR)).to_numpy(),
        "year_end",
        lambda i: f"{int(year_end.iloc[i])}",
        f"a year in {MIN_YEAR}..{MAX_TARGET_YEAR}",
    )
    p.check(
        (year_end < year).to_numpy(),
        "year_end",
        lambda i: f"{int(year_end.iloc[i])} before year {int(year.iloc[i])}",
        "year_end >= year",
    )

    amount = _numeric(df, "amount", p, integer=False)
    p.check(
        (amount < 0).to_numpy() | np.isinf(amount.to_numpy(dtype=float)),
        "amount",
        lambda i: f"{amount.iloc[i]}",
        "a non-negative amount",
    )
    currency = df["currency"].astype(object)
    p.check(
        (currency.notna() & ~currency.isin(vocab.currency_codes())).to_numpy(),
        "currency",
        lambda i: f"unknown currency {currency.iloc[i]!r}",
        "an ISO 4217 code such as USD, JPY, CNY",
    )
    value = _numeric(df, "value", p, integer=False)
    p.check(is_ind & value.isna().to_numpy(), "value", "missing", "a number for an indicator")
    p.check(
        is_per & ((value < 0) | (value > 1)).to_numpy(),
        "value",
        lambda i: f"{value.iloc[i]}",
        "a share in 0..1",
    )

    value_f = value.to_numpy(dtype=float)
    p.check(np.isinf(value_f), "value", lambda i: f"{value.iloc[i]}", "a finite number")
    amount_basis = df["amount_basis"].astype(object)
    price_basis = df["price_basis"].astype(object)
    price_year = _numeric(df, "price_year", p, integer=True)
    p.check(
        (amount_basis.notna() & ~amount_basis.isin(AMOUNT_BASES)).to_numpy(),
        "amount_basis",
        lambda i: f"{amount_basis.iloc[i]!r}",
        " or ".join(AMOUNT_BASES) + " (or empty)",
    )
    p.check(
        (price_basis.notna() & ~price_basis.isin(PRICE_BASES)).to_numpy(),
        "price_basis",
        lambda i: f"{price_basis.iloc[i]!r}",
        " or ".join(PRICE_BASES) + " (or empty)",
    )
    is_const = (price_basis == "constant").to_numpy()
    p.check(
        is_const & price_year.isna().to_numpy(), "price_year", "missing", "the base year of constant prices"
    )
    p.check(
        ~is_const & price_year.notna().to_numpy(),
        "price_year",
        lambda i: f"{int(price_year.iloc[i])} with price_basis {price_basis.iloc[i]!r}",
        "a base year only with price_basis 'constant'",
    )
    p.check(
        ((price_year < MIN_YEAR) | (price_year > hi)).to_numpy(),
        "price_year",
        lambda i: f"{int(price_year.iloc[i])}",
        f"a year in {MIN_YEAR}..{hi}",
    )
    has_basis = (amount_basis.notna() | price_basis.notna()).to_numpy()
    p.check(is_per & has_basis, "amount_basis", "given on a perception", "no money basis on a perception")

    s0 = _numeric(df, "span_start", p, integer=True)
    s1 = _numeric(df, "span_end", p, integer=True)
    p.check((s0.isna() != s1.isna()).to_numpy(), "span", "only one end given", "[start, end] or null")
    p.check(
        ((s0 < 0) | (s1 < s0)).to_numpy(),
        "span",
        lambda i: f"[{s0.iloc[i]}, {s1.iloc[i]}]",
        "0 <= start <= end",
    )
    known = {d: n for d, n in doc_lengths.items() if n is not None}
    limit = doc.map(known).astype(float) if known else pd.Series(np.nan, index=doc.index)
    p.check(
        (s1 > limit).to_numpy(),
        "span",
        lambda i: (
            f"[{int(s0.iloc[i])}, {int(s1.iloc[i])}] outside document {doc.iloc[i]!r} of {int(limit.iloc[i])} characters"
        ),
        "a span inside the document",
    )
    ppp = _boolean(df, "ppp", p)
    ef = _boolean(df, "equal_footing", p)
    p.raise_first()

    inst = vocab.instruments()
    out = pd.DataFrame(
        {
            "kind": kind.astype(str),
            "doc": doc.astype(str),
            "actor": actor.astype(str),
            "partners": partners.astype(str),
            "instrument": instrument.where(is_eng, None),
            "power_type": instrument.map(lambda c: inst[c].power_type if c in inst else None).where(
                is_eng, None
            ),
            "metric": metric.where(metric.notna(), None),
            "unit": df["unit"].astype(object).where(df["unit"].notna(), None),
            "measure": measure.where(measure.notna(), None),
            "year": year.astype("Int64"),
            "year_end": year_end.astype("Int64"),
            "amount": amount.astype(float),
            "currency": currency.where(currency.notna(), None),
            "value": value.astype(float),
            "name": df["name"].astype(object).where(df["name"].notna(), None),
            "ppp": ppp,
            "equal_footing": ef,
            "amount_basis": amount_basis.where(amount_basis.notna(), None),
            "price_basis": price_basis.where(price_basis.notna(), None),
            "price_year": price_year.astype("Int64"),
            "span_start": s0.astype("Int64"),
            "span_end": s1.astype("Int64"),
            "line": df["line"].to_numpy(),
        }
    )
    return out
