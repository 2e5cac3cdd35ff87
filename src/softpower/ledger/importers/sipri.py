"""``sipri-arms``: SIPRI arms transfers (supplier × recipient × year, TIV) → ``arms_transfers`` indicators.

One indicator per (supplier, recipient, delivery year): actor = supplier, partners =
[recipient], value = SIPRI trend-indicator value (TIV, millions; a volume measure, not
money), unit ``TIV (millions)``. A TIV of 0 is kept: SIPRI rounds deliveries below 0.5 to
0, so the row records a small delivery, not its absence. Non-state recipients and
organisations (SIPRI marks them ``*`` and ``**``), historical states (Soviet Union,
Yugoslavia, Czechoslovakia, East Germany, the two Yemens, South Vietnam) and "Unknown"
parties are skipped and counted. Arms sales are a security-ties covariate, not
soft-power engagement.

References
----------
SIPRI Arms Transfers Database, https://www.sipri.org/databases/armstransfers, tidied by
360info ("Arms transfers" report, CC BY 4.0).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.ledger.importers._base import ImportBatch, find_files, read_table
from softpower.ledger.importers._dyadic import countries, document, history_years, in_model, indicators
from softpower.ledger.importers._strict import amounts

DATASET = "sipri-arms"
PATTERNS = ("sipri-exports-processed*.csv",)
REQUIRED = ("supplier", "recipient", "year", "value")
DOC = "sipri-arms:360info-1950-2021"
URL = "https://www.sipri.org/databases/armstransfers"


def _starred(names: pd.Series) -> dict[str, str]:
    """SIPRI's convention: a trailing ``*`` marks a non-state actor, ``**`` an organisation."""
    out: dict[str, str] = {}
    for v in names.astype(str).str.strip().unique():
        if v.endswith("**"):
            out[v] = "international organisation (SIPRI **)"
        elif v.endswith("*"):
            out[v] = "non-state actor (SIPRI *)"
    return out


def load(path: Path) -> ImportBatch:
    """Load ``sipri-exports-processed.csv`` (or a folder holding it)."""
    (f,) = find_files(path, PATTERNS)[:1]
    df = read_table(f, REQUIRED)
    skipped: Counter[str] = Counter()
    year = history_years(df, "year", f)
    value = amounts(df, "value", f, required=True)
    starred = _starred(pd.concat([df["supplier"], df["recipient"]]))
    supplier = countries(df, "supplier", f, skipped, starred)
    recipient = countries(df, "recipient", f, skipped, starred)
    keep = np.array([s is not None and r is not None for s, r in zip(supplier, recipient, strict=True)])
    own = keep & (supplier == recipient)
    if own.any():
        skipped["supplier is the recipient"] += int(own.sum())
    keep = in_model(year, keep & ~own, skipped)
    frame = pd.DataFrame(
        {
            "actor": supplier[keep],
            "partner": recipient[keep],
            "year": year[keep].astype(int),
            "value": value[keep],
            "line": df["line"].to_numpy()[keep],
        }
    )
    records = indicators(frame, doc=DOC, metric="arms_transfers", unit="TIV (millions)")
    merged = len(frame) - len(records)
    if merged:
        skipped["merged with another row of the same supplier, recipient and year (TIV summed)"] += merged
    docs = [
        document(
            DOC,
            "SIPRI Arms Transfers Database: TIV of arms exports 1950-2021 (tidied by 360info)",
            "Stockholm International Peace Research Institute (SIPRI)",
            "SWE",
            "dataset",
            URL,
        )
    ]
    return ImportBatch(records, docs, dict(skipped), len(df))
