"""AidData TUFF project tables of Chinese official finance → CHN engagements.

Used for GCOF 1.0 (``aiddata-gcof``) and for the financial-diplomacy project tables of
the public-diplomacy datasets (``aiddata-public-diplomacy``), which share the schema.
The mapping and its judgement calls are in ``docs/data-mapping.md``.

References
----------
Dreher, A., Fuchs, A., Parks, B., Strange, A. M., & Tierney, M. J. (2017). *Aid, China,
and Growth: Evidence from a New Global Development Finance Dataset*. AidData Working
Paper #46.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower import money
from softpower.ledger.importers._base import (
    AIDDATA,
    ImportBatch,
    count,
    iso3_list,
    make_records,
    numbers,
    read_table,
    year_ok,
    years,
)
from softpower.ledger.importers._sources import parse_sources, source_document
from softpower.records import vocab

REQUIRED = (
    "project_id",
    "year",
    "flow",
    "flow_class",
    "crs_sector_name",
    "recipient_iso3",
    "title",
    "sources",
)

LOANS = (
    "Loan (excluding debt rescheduling)",
    "Export credits",
    "Strategic/Supplier Credit",
    "Debt rescheduling",
)


def _objects(items: list[Any]) -> np.ndarray:
    arr = np.empty(len(items), dtype=object)
    for i, x in enumerate(items):
        arr[i] = x
    return arr


def instrument_of(flow: pd.Series, flow_class: pd.Series, sector: pd.Series, title: pd.Series) -> np.ndarray:
    """Instrument code per project from flow type, flow class, CRS sector and title.

    Loans, export and supplier credits and debt rescheduling are ``oda_loan`` whatever the
    sector (official lending, concessional or not); scholarships are ``people_exchange``
    (``technical_cooperation`` outside the education sector); free-standing technical
    assistance is ``technical_cooperation``; Confucius Institutes/Classrooms are
    ``cultural_institution``; other grants, debt forgiveness and vague flows are
    ``oda_grant``, except that health projects become ``health_cooperation`` and
    emergency response ``disaster_cooperation``. Vague OOF-like flows are ``oda_loan``.
    """
    f = flow.fillna("").str.strip()
    c = flow_class.fillna("").str.strip()
    s = sector.fillna("").str.strip()
    t = title.fillna("").str.casefold()
    is_loan = f.isin(LOANS).to_numpy()
    vague_oof = (f.str.startswith("Vague") & c.eq("OOF-like")).to_numpy()
    scholarship = f.str.startswith("Scholarships").to_numpy()
    ta = f.eq("Free-standing technical assistance").to_numpy()
    confucius = t.str.contains("confucius institute|confucius classroom", regex=True).to_numpy()
    health = s.eq("Health").to_numpy() | s.str.startswith("Population Policies").to_numpy()
    emergency = s.eq("Emergency Response").to_numpy()
    education = s.eq("Education").to_numpy()
    return np.select(
        [
            is_loan | vague_oof,
            confucius,
            scholarship & education,
            health,
            emergency,
            scholarship | ta,
        ],
        [
            "oda_loan",
            "cultural_institution",
            "people_exchange",
            "health_cooperation",
            "disaster_cooperation",
            "technical_cooperation",
        ],
        default="oda_grant",
    ).astype(object)


def amounts(
    df: pd.DataFrame, path: Path, year: np.ndarray, *, accounting: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Amount and currency: the stated amount when the shipped rate tables convert its currency
    in that year (or it is USD), otherwise AidData's nominal USD (``usd_current``)."""
    amount = (
        numbers(df, "amount", path, accounting=accounting, multi=True)
        if "amount" in df
        else np.full(len(df), np.nan)
    )
    cur = (
        df["currency"].fillna("").astype(str).str.strip().str.upper().to_numpy() if "currency" in df else None
    )
    usd = (
        numbers(df, "usd_current", path, accounting=accounting, multi=True)
        if "usd_current" in df
        else np.full(len(df), np.nan)
    )
    table = money.rate_table()
    convertible = set(zip(table["currency"], table["year"].astype(int), strict=True))
    if cur is None:
        cur = np.full(len(df), "", dtype=object)
    yr = np.nan_to_num(year, nan=0).astype(int)
    ok_cur = np.array(
        [
            c == "USD" or ((c, y) in convertible and c in vocab.currency_codes())
            for c, y in zip(cur, yr, strict=True)
        ],
        dtype=bool,
    )
    use_stated = ~np.isnan(amount) & ok_cur
    use_usd = ~use_stated & ~np.isnan(usd)
    out_amount = np.where(use_stated, amount, np.where(use_usd, usd, np.nan))
    none = np.full(len(df), None, dtype=object)
    out_cur = np.where(use_stated, cur, np.where(use_usd, "USD", none)).astype(object)
    negative = ~np.isnan(out_amount) & (out_amount < 0)
    out_amount[negative] = np.nan  # a negative commitment is a correction, not an amount
    out_cur[np.isnan(out_amount)] = None
    return out_amount, out_cur


def load_tuff(
    path: Path,
    *,
    dataset: str,
    title: str,
    url: str,
    accounting: bool = False,
    require: tuple[str, ...] = REQUIRED,
) -> ImportBatch:
    """Read one TUFF project file; one record per project for the dataset row and one per cited source."""
    df = read_table(path, require)
    skipped: Counter[str] = Counter()
    n = len(df)
    year = years(df, "year", path)
    rec_col = "recommended_for_research" if "recommended_for_research" in df else None
    keep = np.ones(n, dtype=bool)
    if rec_col:
        recommended = df[rec_col].astype(str).str.strip().str.casefold().isin(["true", "1", "yes"]).to_numpy()
        count(
            skipped,
            keep & ~recommended,
            "not recommended for research (umbrella, pledge, cancelled or suspended)",
        )
        keep &= recommended
    partners = [iso3_list(v) for v in df["recipient_iso3"].fillna("")]
    has_partner = np.array([bool(p) for p in partners], dtype=bool)
    count(skipped, keep & ~has_partner, "no recipient ISO3")
    keep &= has_partner
    good_year = year_ok(year)
    count(skipped, keep & ~good_year, "no commitment year")
    keep &= good_year
    instrument = instrument_of(df["flow"], df["flow_class"], df["crs_sector_name"], df["title"])
    amount, currency = amounts(df, path, year, accounting=accounting)

    idx = np.flatnonzero(keep)
    ids = df["project_id"].astype(str).str.strip().to_numpy()
    doc_ids = np.array([f"{dataset}:{ids[i]}" for i in idx], dtype=object)
    titles = df["title"].fillna("").astype(str).str.strip().to_numpy()
    names = np.array([titles[i][:200] or None for i in idx], dtype=object)
    base = {
        "kind": "engagement",
        "actor": "CHN",
        "instrument": instrument[idx],
        "year": year[idx],
        "amount": amount[idx],
        "currency": currency[idx],
        "name": names,
        "line": df["line"].to_numpy()[idx],
        "partners": _objects([partners[i] for i in idx]),
    }
    documents: list[dict[str, Any]] = [
        {"id": d, "title": f"{title}: project {ids[i]}", **AIDDATA, "date": None, "url": url}
        for d, i in zip(doc_ids, idx, strict=True)
    ]
    frames = [make_records(len(idx), doc=doc_ids, **base)]
    # every cited source states the same project: one record per (project, source)
    src_rows: list[int] = []
    src_docs: list[str] = []
    sources = df["sources"].fillna("").to_numpy()
    for j, i in enumerate(idx):
        for u, stype in parse_sources(str(sources[i])):
            src_rows.append(j)
            src_docs.append(u)
            documents.append(source_document(u, stype))
    if src_rows:
        take = np.asarray(src_rows)
        frames.append(
            make_records(
                len(take),
                doc=np.asarray(src_docs, dtype=object),
                **{k: (v[take] if isinstance(v, np.ndarray) else v) for k, v in base.items()},
            )
        )
    records = pd.concat(frames, ignore_index=True)
    return ImportBatch(records, documents, dict(skipped), n)
