"""``aiddata-core-sectors``: AidData Core 3.1 commitments by sector group, 18 donors, 1973-2013.

Cheng & Minhas's donor x recipient x year aggregate of AidData's Core Research Release 3.1
(Level 1, by purpose): the total and sector groups of commitments, for the United States and
17 European and Canadian donors (no Japan, Korea or Australia). One money indicator per
non-zero cell of the imported groups: ``sector_commitment_<group>`` (``..._total`` for the
all-purpose sum), ``unit = "USD"``, ``amount_basis = "commitment"``, ``price_basis =
"constant"``, ``price_year = 2011`` (AidData's Core 3.x constant dollars). Groups overlap
(disaster ⊂ humanitarian; the total includes purposes no group holds): never add them.

The authors set missing cells to 0, so a zero is "no evidence", not "no aid": zero cells
are skipped and counted.

References
----------
AidData, *AidData Core Research Release, Level 1, v3.1*, https://www.aiddata.org/data;
Cheng, C. and Minhas, S. (2021), "Keeping friends close", *British Journal of Political
Science* (replication archive, GitHub ``s7minhas/ForeignAid``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.ledger.importers._base import (
    AIDDATA,
    ImportBatch,
    concat,
    count,
    find_files,
    make_records,
    read_table,
)
from softpower.ledger.importers._strict import amounts, country_names, drop, year_column

DATASET = "aiddata-core-sectors"
PATTERNS = ("aiddata_core31_donor_recipient_year_sector_groups*.csv",)
TITLE = "AidData Core Research Release 3.1: commitments by sector group (Cheng & Minhas aggregation)"
URL = "https://github.com/s7minhas/ForeignAid"
PRICE_YEAR = 2011
#: Source column → metric suffix (``sector_commitment_<suffix>``).
GROUPS = {
    "commitment_amount_usd_constant_sum": "total",
    "health": "health",
    "education": "education",
    "waterSanitation": "water_sanitation",
    "otherSocialInfrastructureAndServices": "other_social",
    "economicInfrastructureAndServices": "economic_infrastructure",
    "agricultureForestyFishing": "agriculture",
    "industryMiningConstruction": "industry",
    "environmentalProtection": "environment",
    "debtRelief": "debt_relief",
    "foodAid": "food_aid",
    "humanitarianTotal": "humanitarian",
    "disasterPreventionRelief": "disaster",
    "civSocietyTotal": "civil_society",
}
REQUIRED = ("Receiver", "Sender", "year", *GROUPS)
FORMER = "recipient is a former state without an ISO code"
NON_STATES = {"Soviet Union": FORMER, "Yugoslavia": FORMER}
ALIASES = {
    "Antigua & Barbuda": "ATG",
    "Congo, Democratic Republic of": "COD",
    "Congo, Republic of": "COG",
    "Cote d`Ivoire": "CIV",
    "Korea, Democratic Republic of": "PRK",
    "Macedonia, FYR": "MKD",
    "Sao Tome & Principe": "STP",
    "St. Kitts & Nevis": "KNA",
    "St. Lucia": "LCA",
    "St.Vincent & Grenadines": "VCT",
    "Trinidad & Tobago": "TTO",
}


def load_file(f: Path) -> ImportBatch:
    df = read_table(f, REQUIRED)
    skipped: Counter[str] = Counter()
    year = year_column(df, "year", f)
    values = {col: amounts(df, col, f, required=True) for col in GROUPS}
    sender, _ = country_names(df, "Sender", f)
    receiver, why = country_names(df, "Receiver", f, aliases=ALIASES, non_states=NON_STATES)
    keep = drop(np.ones(len(df), dtype=bool), why, skipped)
    own = keep & (sender == receiver)
    count(skipped, own, "donor and recipient the same country")
    keep &= ~own
    frames = []
    lines = df["line"].to_numpy()
    for col, suffix in GROUPS.items():
        v = values[col]
        count(skipped, keep & (v == 0), "zero cell (missing set to 0 by the authors: no evidence)")
        idx = np.flatnonzero(keep & (v > 0))
        yrs = year[idx].astype(int)
        frames.append(
            make_records(
                len(idx),
                doc=np.array([f"{DATASET}:{y}" for y in yrs], dtype=object),
                kind="indicator",
                actor=sender[idx],
                partners=[[r] for r in receiver[idx]],
                metric=f"sector_commitment_{suffix}",
                unit="USD",
                year=yrs.astype(float),
                value=v[idx],
                amount_basis="commitment",
                price_basis="constant",
                price_year=PRICE_YEAR,
                line=lines[idx],
            )
        )
    records = pd.concat(frames, ignore_index=True)
    documents = [
        {"id": f"{DATASET}:{y}", "title": f"{TITLE}, {y}", **AIDDATA, "date": None, "url": URL}
        for y in sorted(set(records["year"].astype(int).tolist()))
    ]
    return ImportBatch(records, documents, dict(skipped), len(df))


def load(path: Path) -> ImportBatch:
    """Load ``aiddata_core31_donor_recipient_year_sector_groups*.csv`` (or every such file in a folder)."""
    return concat([load_file(f) for f in find_files(path, PATTERNS)])
