"""Shared parts of the dyadic importers (SIPRI, UIS, MME, troopdata, US travels).

* Country names: ``softpower/data/dataset_country_names.csv`` (one loader,
  :func:`dataset_names`) maps the spellings of these tables that pycountry does not know
  to ISO3, and lists the entities that are not current states (historical states,
  non-state actors, "Other countries", US territories) with the reason their rows are
  skipped. Any other unknown name is an error naming file, line and column
  (:func:`softpower.ledger.importers._strict.country_names`).
* Years: whole years from 1800 to next year; earlier or later raises, and years before the
  record model's 1945 are skipped and counted (:func:`history_years`).
* Values: :func:`softpower.ledger.importers._strict.amounts` (blank, text, NaN, Infinity
  and negatives raise).
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import make_records
from softpower.ledger.importers._strict import amounts, country_names
from softpower.records import vocab
from softpower.records.models import MIN_YEAR, max_year

#: The earliest year a row may carry (older is a typo, not history).
FIRST_PLAUSIBLE_YEAR = 1800
BEFORE_MODEL = f"year before {MIN_YEAR} (the record model starts in {MIN_YEAR})"


@cache
def dataset_names() -> tuple[dict[str, str], dict[str, str]]:
    """``(aliases, non_states)``: name → ISO3 for spellings pycountry misses, and name →
    reason for entities that are not current states (rows skipped and counted)."""
    rows = vocab._read_csv("dataset_country_names")
    aliases: dict[str, str] = {}
    non_states: dict[str, str] = {}
    for i, r in enumerate(rows, start=2):
        name, iso, note = r["name"].strip(), r["iso3"].strip(), r["note"].strip()
        if not name:
            raise ValueError(f"dataset_country_names.csv:{i}: empty name")
        if name in aliases or name in non_states:
            raise ValueError(f"dataset_country_names.csv:{i}: duplicate name {name!r}")
        if iso:
            if not vocab.is_country(iso):
                raise ValueError(f"dataset_country_names.csv:{i}: unknown ISO alpha-3 {iso!r}")
            aliases[name] = iso
        elif note:
            non_states[name] = note
        else:
            raise ValueError(
                f"dataset_country_names.csv:{i}: a name without iso3 needs a note (why it is skipped)"
            )
    return aliases, non_states


def countries(
    df: pd.DataFrame,
    col: str,
    path: Path,
    skipped: Counter[str],
    extra_non_states: dict[str, str] | None = None,
) -> np.ndarray:
    """ISO3 per row (None where the name is a listed non-state entity, counted in ``skipped``)."""
    aliases, non_states = dataset_names()
    if extra_non_states:
        non_states = {**non_states, **extra_non_states}
    codes, why = country_names(df, col, path, aliases=aliases, non_states=non_states)
    for reason in {r for r in why.tolist() if r is not None}:
        skipped[reason] += int((why == reason).sum())
    return codes


def history_years(df: pd.DataFrame, col: str, path: Path) -> np.ndarray:
    """Whole years in 1800..next year (float array); anything else raises."""
    y = amounts(df, col, path, required=True, negative_ok=True)  # a negative year is out of range
    hi = max_year()
    bad = (y != np.floor(y)) | (y < FIRST_PLAUSIBLE_YEAR) | (y > hi)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InputError(
            str(path),
            int(df["line"].iloc[i]),
            col,
            f"{df[col].iloc[i]!r} is not a year in {FIRST_PLAUSIBLE_YEAR}..{hi}",
            f"a whole year in {FIRST_PLAUSIBLE_YEAR}..{hi}",
        )
    return y


def in_model(year: np.ndarray, keep: np.ndarray, skipped: Counter[str]) -> np.ndarray:
    """``keep`` without years before 1945 (counted)."""
    early = keep & (year < MIN_YEAR)
    if early.any():
        skipped[BEFORE_MODEL] += int(early.sum())
    return keep & ~early


def indicators(frame: pd.DataFrame, *, doc: str, metric: str, unit: str, how: str = "sum") -> pd.DataFrame:
    """One indicator record per (actor, partner, year) of ``frame`` (columns ``actor, partner,
    year, value, line``): values summed (``how="sum"``) or rows counted (``"size"``), first line kept."""
    if frame.empty:
        return make_records(0)
    g = frame.groupby(["actor", "partner", "year"], sort=True)
    agg = (
        g.agg(value=("value", "sum"), line=("line", "min"))
        if how == "sum"
        else g.agg(value=("line", "size"), line=("line", "min"))
    ).reset_index()
    return make_records(
        len(agg),
        doc=doc,
        kind="indicator",
        actor=agg["actor"].to_numpy(),
        partners=[[p] for p in agg["partner"]],
        metric=metric,
        unit=unit,
        year=agg["year"].to_numpy(),
        value=agg["value"].to_numpy(),
        line=agg["line"].to_numpy(),
    )


def document(
    doc_id: str, title: str, publisher: str, country: str | None, kind: str, url: str
) -> dict[str, Any]:
    """A dataset document: who published the figures (the underlying source, not the copier)."""
    return {
        "id": doc_id,
        "title": title,
        "publisher": publisher,
        "publisher_country": country,
        "publisher_kind": kind,
        "date": None,
        "url": url,
    }
