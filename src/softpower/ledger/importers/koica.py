"""``koica``: Korea (KOICA) project database 1991-2007, as compiled by AidData → KOR engagements.

One engagement per row. The amount is KOICA's own USD conversion (``usd_amount``), which
exists for every year (the shipped rate tables start in 1999); rows without it fall back
to the won amount (``won_amount``, KRW). The KOICA modality (``type_of_cooperation``)
gives the instrument; emergency relief and medical dispatch override by purpose.

Each row's document names KOICA (Korea's government aid agency) as publisher: the data are
KOICA's own statistics, which AidData compiled, so a KOICA project is Korea's own report
of its aid (``self_reported``) and ``--third-party-only`` leaves it out.

References
----------
AidData (2009). *Korea Project Database* (donor file, data from KOICA statistics,
http://stat.koica.go.kr/, February 2009). https://github.com/AidData-WM/public_datasets
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from softpower.ledger.importers._base import (
    ImportBatch,
    count,
    find_files,
    make_records,
    merge_identical,
    numbers,
    read_table,
    resolve_names,
    year_ok,
    years,
)

DATASET = "aiddata-koica-2009"
TITLE = "AidData Korea (KOICA) Project Database 2009"
URL = "http://stat.koica.go.kr/"
REQUIRED = (
    "id",
    "project_year",
    "country",
    "project_name",
    "type_of_cooperation",
    "won_amount",
    "usd_amount",
    "dac",
    "source_url",
)

#: KOICA modality → instrument (``None``: not an act toward a partner, skipped)
MODALITY = {
    "Invitation of Trainees": "technical_cooperation",
    "Experts": "technical_cooperation",
    "Development Study-Preliminary": "technical_cooperation",
    "Development Study-Follow up": "technical_cooperation",
    "Volunteers": "people_exchange",
    "Volunteers-Personal": "people_exchange",
    "Taekwondo Instructors": "people_exchange",
    "Volunteers-Doctor": "health_cooperation",
    "Medics": "health_cooperation",
    "Emergency Relief": "disaster_cooperation",
    "Aid In Kind/In Cash": "oda_grant",
    "Infra-Preliminary Project/Prog": "oda_grant",
    "Infra-Follow up": "oda_grant",
    "NGOs": "oda_grant",
    "Administrative Cost": None,
    "evelopment Awareness": None,
    "Development Awareness": None,
}
COUNTRY_ALIASES = {
    "Laos": "LAO",
    "Viet Nam": "VNM",
    "Micronesia": "FSM",
    "Kyrgyz Republic": "KGZ",
    "Congo, DR": "COD",
}


def load(path: Path) -> ImportBatch:
    """Load ``Korea_KOICA_Project_Database_2009.csv`` (or a folder holding it)."""
    (f,) = find_files(path, ["Korea_KOICA_Project_Database*.csv"])[:1]
    df = read_table(f, REQUIRED)
    skipped: Counter[str] = Counter()
    year = years(df, "project_year", f)
    usd = numbers(df, "usd_amount", f)
    won = numbers(df, "won_amount", f)
    modality = df["type_of_cooperation"].fillna("").astype(str).str.strip()
    instrument = (
        modality.map(MODALITY).astype(object).where(modality.isin(list(MODALITY)), "unknown").to_numpy()
    )
    dac = df["dac"].fillna("").astype(str).str.upper()
    instrument = np.where(
        (dac == "EMERGENCY RESPONSE").to_numpy() & (instrument == "oda_grant"),
        "disaster_cooperation",
        instrument,
    )
    partner = resolve_names(df["country"], COUNTRY_ALIASES).to_numpy()
    keep = np.array([p is not None for p in partner], dtype=bool)
    count(skipped, ~keep, "no recipient ISO3 (regional, multilateral or unnamed recipient)")
    unknown = keep & (instrument == "unknown")
    count(skipped, unknown, "unknown type_of_cooperation")
    # by modality: mapped through pandas' text dtype, MODALITY's None comes back as NaN
    domestic = keep & modality.isin([m for m, i in MODALITY.items() if i is None]).to_numpy()
    count(skipped, domestic, "administrative cost or domestic awareness (no partner act)")
    keep &= ~unknown & ~domestic
    ok = year_ok(year)
    count(skipped, keep & ~ok, "no year")
    keep &= ok
    amount = np.where(~np.isnan(usd), usd, won)
    none = np.full(len(df), None, dtype=object)
    currency = np.where(~np.isnan(usd), "USD", np.where(~np.isnan(won), "KRW", none)).astype(object)
    neg = ~np.isnan(amount) & (amount <= 0)
    amount[neg] = np.nan
    currency[np.isnan(amount)] = None
    idx = np.flatnonzero(keep)
    ids = df["id"].astype(str).str.strip().to_numpy()
    names = df["project_name"].fillna("").astype(str).str.strip().to_numpy()
    urls = df["source_url"].fillna("").astype(str).str.strip().to_numpy()
    docs = np.array([f"{DATASET}:{ids[i]}" for i in idx], dtype=object)
    rec = make_records(
        len(idx),
        doc=docs,
        kind="engagement",
        actor="KOR",
        partners=[[partner[i]] for i in idx],
        instrument=instrument[idx],
        year=year[idx],
        amount=amount[idx],
        currency=currency[idx],
        name=np.array([names[i][:200] or None for i in idx], dtype=object),
        line=df["line"].to_numpy()[idx],
    )
    rec = merge_identical(rec, skipped)
    kept = set(rec["doc"])
    documents = [
        {
            "id": d,
            "title": f"{TITLE}: row {ids[i]} ({modality.iloc[i]})",
            # the underlying source is KOICA's own statistics (Korea's aid agency): AidData
            # only compiled them, so the row is Korea's own report (self-reported)
            "publisher": "Korea International Cooperation Agency (KOICA statistics, compiled by AidData)",
            "publisher_country": "KOR",
            "publisher_kind": "government",
            "date": None,
            "url": urls[i] if urls[i].startswith("http") else URL,
        }
        for d, i in zip(docs, idx, strict=True)
        if d in kept
    ]
    return ImportBatch(rec, documents, dict(skipped), len(df))
