"""``us-foreign-assistance``: ForeignAssistance.gov US assistance by recipient country and fiscal year.

One money indicator per (recipient, US fiscal year, transaction type) for the two actual flows:
``assistance_obligation`` (Obligations, FY1946-) and ``assistance_disbursement``
(Disbursements, FY2001-); actor ``USA``, ``unit = "USD"``, current (nominal) dollars
(``price_basis = "current"``; the file's ``constant_amount`` uses different base years for
different series and is not read), ``year`` = the **US fiscal year** (October to September,
named by the year it ends in). The budget series (appropriations, budget requests, initial
allocations) are plans, not flows, and are skipped; so are regions, the world total, former
states and the 1976 transition quarter. A negative amount (de-obligations or refunds larger
than that year's new flows) is not an amount of assistance: skipped and counted.

References
----------
U.S. Agency for International Development and Department of State, *ForeignAssistance.gov*,
U.S. Foreign Assistance by Country (``us_foreign_aid_country.csv``), https://foreignassistance.gov
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import ImportBatch, concat, count, find_files, make_records, read_table
from softpower.ledger.importers._strict import amounts, country_names, drop, year_column

DATASET = "us-foreign-assistance"
PATTERNS = ("us_foreign_aid_country*.csv",)
REQUIRED = ("Country Code", "Country Name", "Transaction Type Name", "Fiscal Year", "current_amount")
TITLE = "ForeignAssistance.gov: U.S. foreign assistance by country"
URL = "https://foreignassistance.gov"
#: Transaction type → (metric, amount basis).
FLOWS = {
    "Obligations": ("assistance_obligation", "obligation"),
    "Disbursements": ("assistance_disbursement", "disbursement"),
}
BUDGET = ("Appropriated and Planned", "President's Budget Requests", "Initial Allocations")
REGION = "recipient is a region or the world total"
FORMER = "recipient is a former state or a territory without an ISO code"
#: Codes of the file that are not ISO 3166 alpha-3, by what they are.
ALIASES = {"CS-KM": "XKX"}


def _non_states(df: pd.DataFrame) -> dict[str, str]:
    """Non-ISO codes (and blank codes) named as regions or former states in ``Country Name``."""
    out: dict[str, str] = {}
    names = df[["Country Code", "Country Name"]].drop_duplicates()
    for code, name in zip(
        names["Country Code"].astype(str).str.strip(), names["Country Name"].astype(str), strict=True
    ):
        if name.endswith(" Region") or name == "World":
            out[code] = REGION
        elif "(former" in name or name in ("Berlin, West", "Pacific Island Trust Territory", "China (Tibet)"):
            out[code] = FORMER
    return out


def load_file(f: Path) -> ImportBatch:
    df = read_table(f, REQUIRED)
    skipped: Counter[str] = Counter()
    fy_text = df["Fiscal Year"].astype(str).str.strip()
    tq = (fy_text == "1976tq").to_numpy()
    df.loc[tq, "Fiscal Year"] = ""
    year = year_column(df, "Fiscal Year", f, required=False)
    blank_year = np.isnan(year) & ~tq
    if blank_year.any():
        i = int(np.flatnonzero(blank_year)[0])
        raise InputError(str(f), int(df["line"].iloc[i]), "Fiscal Year", "empty", "a fiscal year")
    value = amounts(df, "current_amount", f, required=True, negative_ok=True)
    # a blank code is a former state only when its name says so; _non_states maps ''.
    non_states = _non_states(df)
    code_col = df["Country Code"].astype(str).str.strip()
    blank_code = (code_col == "").to_numpy()
    if blank_code.any():
        known = df["Country Name"].astype(str).map(lambda n: "(former" in n or n == "Berlin, West").to_numpy()
        bad = blank_code & ~known
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise InputError(
                str(f), int(df["line"].iloc[i]), "Country Code", "empty", "an ISO 3166 alpha-3 code"
            )
        non_states[""] = FORMER
    recipient, why = country_names(df, "Country Code", f, aliases=ALIASES, non_states=non_states, codes=True)
    ttype = df["Transaction Type Name"].astype(str).str.strip()
    is_flow = ttype.isin(list(FLOWS)).to_numpy()
    is_budget = ttype.isin(list(BUDGET)).to_numpy()
    unknown = ~is_flow & ~is_budget
    if unknown.any():
        i = int(np.flatnonzero(unknown)[0])
        raise InputError(
            str(f),
            int(df["line"].iloc[i]),
            "Transaction Type Name",
            f"unknown transaction type {ttype.iloc[i]!r}",
            "one of " + ", ".join([*FLOWS, *BUDGET]),
        )
    keep = np.ones(len(df), dtype=bool)
    count(skipped, is_budget, "budget series (appropriations, requests, allocations: plans, not flows)")
    keep &= is_flow
    keep = drop(keep, why, skipped)
    count(skipped, keep & tq, "1976 transition quarter (not a fiscal year)")
    keep &= ~tq
    own = keep & (recipient == "USA")
    count(skipped, own, "assistance recorded for the United States itself")
    keep &= ~own
    neg = keep & (value < 0)
    count(skipped, neg, "negative net amount (de-obligations or refunds exceed the year's flows)")
    keep &= ~neg
    idx = np.flatnonzero(keep)
    metric = ttype.map(lambda t: FLOWS.get(t, (None, None))[0]).to_numpy(dtype=object)
    basis = ttype.map(lambda t: FLOWS.get(t, (None, None))[1]).to_numpy(dtype=object)
    yrs = year[idx].astype(int)
    records = make_records(
        len(idx),
        doc=np.array([f"{DATASET}:FY{y}" for y in yrs], dtype=object),
        kind="indicator",
        actor="USA",
        partners=[[r] for r in recipient[idx]],
        metric=metric[idx],
        unit="USD",
        year=yrs.astype(float),
        value=value[idx],
        amount_basis=basis[idx],
        price_basis="current",
        line=df["line"].to_numpy()[idx],
    )
    documents = [
        {
            "id": f"{DATASET}:FY{y}",
            "title": f"{TITLE}, fiscal year {y} (obligations and disbursements, current USD)",
            "publisher": "U.S. Agency for International Development / U.S. Department of State",
            "publisher_country": "USA",
            "publisher_kind": "government",
            "date": None,
            "url": URL,
        }
        for y in sorted(set(yrs.tolist()))
    ]
    return ImportBatch(records, documents, dict(skipped), len(df))


def load(path: Path) -> ImportBatch:
    """Load ``us_foreign_aid_country*.csv`` (or every such file in a folder)."""
    return concat([load_file(f) for f in find_files(path, PATTERNS)])
