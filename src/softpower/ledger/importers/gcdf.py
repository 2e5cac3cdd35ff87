"""``aiddata-gcdf``: the AidData GCDF 3.0 pieces in ``aiddata_gcdf3_partial``.

- geocoded projects (``gcdf3_geocoded_projects_final_input.csv``) and high-value ODA/OOF
  projects (``gcdf3_high_value_oda_oof_projects.csv``) → CHN engagements, one per project;
- recipient-year aggregates (``gcdf3_recipient_year_aggregates_cow.csv``) → CHN indicators
  ``oda_commitments``, ``oof_commitments``, ``vague_official_finance`` (constant 2021 USD,
  AidData's adjusted amounts).

Project amounts are in constant 2021 USD only, which the record model cannot hold as a
stated amount (``amount`` is nominal in ``currency``), so project engagements carry no
amount; the money is in the recipient-year indicators.

References
----------
Custer, S., Dreher, A., Elston, T.B., et al. (2023). *Tracking Chinese Development Finance:
An Application of AidData's TUFF 3.0 Methodology*. Williamsburg, VA: AidData at William & Mary.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import (
    AIDDATA,
    ImportBatch,
    concat,
    count,
    find_files,
    header_of,
    indicator_records,
    iso3_list,
    make_records,
    numbers,
    read_table,
    resolve_names,
    year_ok,
    years,
)

DATASET = "aiddata-gcdf-3.0"
TITLE = "AidData Global Chinese Development Finance Dataset 3.0"
URL = "https://www.aiddata.org/data/aiddatas-global-chinese-development-finance-dataset-version-3-0"

GEOCODED = ("AidData.Record.ID", "Title", "Sector.Name", "Recipient.ISO-3", "Commitment.Year")
HIGH_VALUE = (
    "AidData Record ID",
    "Recipient",
    "Commitment Year",
    "Title",
    "Flow Type Simplified",
    "Flow Class",
    "Sector Name",
)
AGGREGATES = ("year", "iso3", "oda_adj", "oof_adj", "vof_adj")
METRICS = {"oda_adj": "oda_commitments", "oof_adj": "oof_commitments", "vof_adj": "vague_official_finance"}
UNIT_2021 = "USD (constant 2021)"


def instrument_by_sector(sector: pd.Series, loan: np.ndarray) -> np.ndarray:
    """Loans are ``oda_loan``; otherwise health → ``health_cooperation``, emergency response →
    ``disaster_cooperation``, anything else ``oda_grant`` (official finance of unspecified form)."""
    s = sector.fillna("").astype(str).str.strip().str.casefold()
    health = (s == "health") | s.str.startswith("population policies")
    emergency = s == "emergency response"
    return np.select(
        [loan, health.to_numpy(), emergency.to_numpy()],
        ["oda_loan", "health_cooperation", "disaster_cooperation"],
        default="oda_grant",
    ).astype(object)


def _projects(
    path: Path,
    df: pd.DataFrame,
    *,
    id_col: str,
    year_col: str,
    partners: list[list[str]],
    loan: np.ndarray,
    sector: str,
) -> ImportBatch:
    skipped: Counter[str] = Counter()
    year = years(df, year_col, path)
    has_partner = np.array([bool(p) for p in partners], dtype=bool)
    keep = has_partner.copy()
    count(skipped, ~has_partner, "no recipient ISO3")
    ok = year_ok(year)
    count(skipped, keep & ~ok, "no commitment year")
    keep &= ok
    idx = np.flatnonzero(keep)
    ids = df[id_col].astype(str).str.strip().to_numpy()
    docs = np.array([f"{DATASET}:{ids[i]}" for i in idx], dtype=object)
    titles = df["Title"].fillna("").astype(str).str.strip().to_numpy()
    rec = make_records(
        len(idx),
        doc=docs,
        kind="engagement",
        actor="CHN",
        partners=[partners[i] for i in idx],
        instrument=instrument_by_sector(df[sector], loan)[idx],
        year=year[idx],
        name=np.array([titles[i][:200] or None for i in idx], dtype=object),
        line=df["line"].to_numpy()[idx],
    )
    documents = [
        {"id": d, "title": f"{TITLE}: project {ids[i]}", **AIDDATA, "date": None, "url": URL}
        for d, i in zip(docs, idx, strict=True)
    ]
    return ImportBatch(rec, documents, dict(skipped), len(df))


def load_geocoded(path: Path) -> ImportBatch:
    df = read_table(path, GEOCODED)
    partners = [iso3_list(v) for v in df["Recipient.ISO-3"].fillna("")]
    loan = (
        df["Title"]
        .fillna("")
        .str.contains(r"\bloans?\b|\bcredit\b|\bbuyer.s credit\b", case=False, regex=True)
        .to_numpy()
    )
    return _projects(
        path,
        df,
        id_col="AidData.Record.ID",
        year_col="Commitment.Year",
        partners=partners,
        loan=loan,
        sector="Sector.Name",
    )


def load_high_value(path: Path) -> ImportBatch:
    df = read_table(path, HIGH_VALUE)
    partners = [[c] if c else [] for c in resolve_names(df["Recipient"]).tolist()]
    loan = df["Flow Type Simplified"].fillna("").str.strip().eq("Loan").to_numpy()
    return _projects(
        path,
        df,
        id_col="AidData Record ID",
        year_col="Commitment Year",
        partners=partners,
        loan=loan,
        sector="Sector Name",
    )


def load_aggregates(path: Path) -> ImportBatch:
    """Recipient-year sums → one indicator per (recipient, year, flow class), zeros kept."""
    df = read_table(path, AGGREGATES)
    skipped: Counter[str] = Counter()
    year = years(df, "year", path)
    iso = df["iso3"].fillna("").astype(str).str.strip().to_numpy()
    valid = np.array([bool(iso3_list(c)) for c in iso], dtype=bool)
    count(skipped, ~valid, "no recipient ISO3")
    ok = valid & year_ok(year)
    count(skipped, valid & ~year_ok(year), "no year")
    frames = []
    doc = f"{DATASET}:recipient-year-aggregates"
    for col, metric in METRICS.items():
        val = numbers(df, col, path)
        count(skipped, ok & np.isnan(val), f"empty {col} cell")
        frames.append(
            indicator_records(
                df,
                ok & ~np.isnan(val),
                doc=doc,
                actor="CHN",
                iso=iso,
                metric=metric,
                unit=UNIT_2021,
                year=year,
                value=val,
            )
        )
    documents = [
        {
            "id": doc,
            "title": f"{TITLE}: recipient-year commitments by flow class (adjusted, constant 2021 USD)",
            **AIDDATA,
            "date": None,
            "url": URL,
        }
    ]
    return ImportBatch(pd.concat(frames, ignore_index=True), documents, dict(skipped), len(df))


def load(path: Path) -> ImportBatch:
    """Load one GCDF 3.0 piece (recognised by its header) or every piece in a folder."""
    files = find_files(
        path, ["gcdf3_geocoded_projects*.csv", "gcdf3_high_value*.csv", "gcdf3_recipient_year*.csv"]
    )
    batches = []
    for f in files:
        header = set(header_of(f))
        if set(GEOCODED) <= header:
            batches.append(load_geocoded(f))
        elif set(HIGH_VALUE) <= header:
            batches.append(load_high_value(f))
        elif set(AGGREGATES) <= header:
            batches.append(load_aggregates(f))
        else:
            raise InputError(
                str(f),
                1,
                None,
                "not a GCDF 3.0 table this importer knows",
                "the header of the geocoded projects, high-value projects or recipient-year aggregates file",
            )
    return concat(batches)
