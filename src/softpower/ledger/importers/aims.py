"""``aiddata-aims``: AidData geocoded AIMS research releases (Timor-Leste, Nepal,
Bangladesh) → engagements of each state donor toward the recipient.

A project lists its donors (``donors_iso3``, pipe-separated). Every state donor gets one
engagement; multilaterals, NGOs and funds (coded ``DAC`` or not a country) are skipped and
counted, and so is the recipient government funding itself. A few state agencies are
coded ``DAC`` in the source and are recognised by name; non-ISO donor codes used by the
releases are corrected (``POR`` → PRT, ``CDN`` → CAN). The commitment total (USD) is
kept only when one state donor funds the project alone: a joint total cannot be split.
The instrument follows the AidData sector (health, humanitarian aid), otherwise
``oda_grant`` (ODA of unspecified form: the AIMS do not say grant or loan).

References
----------
AidData (2016). *Timor-Leste AIMS Geocoded Research Release Level 1 v1.4.1*; *Nepal AIMS
Geocoded Research Release Level 1 v1.4.1*; *Bangladesh Select Donors Geocoded Research
Release Level 1 v1.1.1*. Williamsburg, VA: AidData.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.ledger.importers._base import (
    AIDDATA,
    ImportBatch,
    concat,
    find_files,
    iso3_list,
    make_records,
    numbers,
    read_table,
    year_ok,
    years,
)
from softpower.records import vocab

URL = "https://github.com/AidData-WM/public_datasets/tree/master/geocoded"
REQUIRED = (
    "project_id",
    "project_title",
    "donors",
    "donors_iso3",
    "recipients_iso3",
    "ad_sector_names",
    "transactions_start_year",
    "total_commitments",
)
CODE_FIXES = {"POR": "PRT", "CDN": "CAN"}
STATE_AGENCIES = {
    "department for international development": "GBR",
    "canadian international development agency": "CAN",
    "ausaid": "AUS",
    "government of spain": "ESP",
    "norway": "NOR",
}
RELEASES = {
    "timor_leste": "AidData Timor-Leste AIMS Geocoded Research Release 1.4.1",
    "nepal": "AidData Nepal AIMS Geocoded Research Release 1.4.1",
    "bangladesh": "AidData Bangladesh Select Donors Geocoded Research Release 1.1.1",
}


def state_donors(codes: str, names: str, recipients: list[str]) -> tuple[list[str], bool]:
    """State donor ISO3 codes of a project, and whether a recipient government co-funds it."""
    out: list[str] = []
    own = False
    for raw in codes.split("|"):
        code = CODE_FIXES.get(raw.strip().upper(), raw.strip().upper())
        if code in recipients:
            own = True
        elif vocab.is_country(code) and code not in out:
            out.append(code)
    for name in names.split("|"):
        code = STATE_AGENCIES.get(name.strip().casefold(), "")
        if code and code not in out and code not in recipients:
            out.append(code)
    return out, own


def instrument_of(sectors: pd.Series) -> np.ndarray:
    s = sectors.fillna("").astype(str).str.casefold()
    health = s.str.contains(r"\bhealth|population polic|reproductive", regex=True).to_numpy()
    relief = s.str.contains(r"humanitarian|emergency|disaster|reconstruction relief", regex=True).to_numpy()
    return np.select(
        [relief, health], ["disaster_cooperation", "health_cooperation"], default="oda_grant"
    ).astype(object)


def load_file(path: Path) -> ImportBatch:
    df = read_table(path, REQUIRED)
    stem = path.name.split("__")[0]
    release = next((k for k in RELEASES if stem.startswith(k)), stem)
    title = RELEASES.get(release, f"AidData geocoded research release {stem}")
    skipped: Counter[str] = Counter()
    year = years(df, "transactions_start_year", path)
    total = numbers(df, "total_commitments", path)
    sector_instr = instrument_of(df["ad_sector_names"])
    rows: dict[str, list[Any]] = {
        k: []
        for k in ("doc", "actor", "partners", "instrument", "year", "amount", "currency", "name", "line")
    }
    documents = []
    ids = df["project_id"].astype(str).str.strip().to_numpy()
    titles = df["project_title"].fillna("").astype(str).str.strip().to_numpy()
    lines = df["line"].to_numpy()
    good_year = year_ok(year)
    for i, (codes, names, rec) in enumerate(
        zip(
            df["donors_iso3"].fillna(""),
            df["donors"].fillna(""),
            df["recipients_iso3"].fillna(""),
            strict=True,
        )
    ):
        partners = iso3_list(rec, "|")
        if not partners:
            skipped["no recipient ISO3"] += 1
            continue
        donors, own = state_donors(str(codes), str(names), partners)
        if not donors:
            skipped["recipient government only" if own else "no state donor (multilateral, NGO or fund)"] += 1
            continue
        if not good_year[i]:
            skipped["no year"] += 1
            continue
        alone = len(donors) == 1 and not own and str(codes).count("|") == 0
        amt = total[i] if alone and total[i] > 0 else np.nan
        doc = f"aiddata-aims-{release}:{ids[i]}"
        documents.append(
            {"id": doc, "title": f"{title}: {titles[i][:150]}", **AIDDATA, "date": None, "url": URL}
        )
        for d in donors:
            rows["doc"].append(doc)
            rows["actor"].append(d)
            rows["partners"].append(partners)
            rows["instrument"].append(sector_instr[i])
            rows["year"].append(year[i])
            rows["amount"].append(amt)
            rows["currency"].append("USD" if not np.isnan(amt) else None)
            rows["name"].append(titles[i][:200] or None)
            rows["line"].append(lines[i])
    n = len(rows["doc"])
    rec = make_records(
        n,
        kind="engagement",
        **{k: (v if k == "partners" else np.array(v, dtype=object)) for k, v in rows.items()},
    )
    return ImportBatch(rec, documents, dict(skipped), len(df))


def load(path: Path) -> ImportBatch:
    """Load one ``*__projects.csv`` of a release, or every release's projects file in a folder."""
    return concat([load_file(f) for f in find_files(path, ["*__projects.csv"])])
