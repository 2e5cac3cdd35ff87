"""``us-travels``: trips abroad of the US President and Secretary of State → ``high_level_visits``.

One indicator per (host, year): actor = the United States, partners = [host], value = the
number of visits that year by the President and the Secretary of State together (unit
``count``). A visit is one traveller's stay in one host on one trip: consecutive rows of a
file naming the same country (several cities, or several dated stops of one stay) are one
visit; a return later in the trip is a new visit. A summit abroad is a visit to its host,
whatever the description says. Trips before 1945 are skipped and counted; historical
states (U.S.S.R., Yugoslavia, Czechoslovakia, East Germany) are skipped.

The President's and the Secretary's lists are two files of the same table; both are read
from the folder and summed into one record per host-year, so that two equal counts are
never mistaken for one fact stated twice.

References
----------
U.S. Department of State, Office of the Historian, "Travels of the President" and "Travels
of the Secretary of State", https://history.state.gov/departmenthistory/travels (public domain).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.ledger.importers._base import ImportBatch, find_files, read_table
from softpower.ledger.importers._dyadic import countries, document, history_years, in_model, indicators

DATASET = "us-travels"
PATTERNS = ("AmericanPresidentVisit*.csv", "AmericanSecretaryVisit*.csv")
REQUIRED = ("destination country", "year")
DOC = "us-travels:office-of-the-historian"
URL = "https://history.state.gov/departmenthistory/travels"


def _visits(f: Path, skipped: Counter[str]) -> tuple[pd.DataFrame, int]:
    df = read_table(f, REQUIRED)
    year = history_years(df, "year", f)
    host = countries(df, "destination country", f, skipped)
    name = df["destination country"].fillna("").astype(str).str.strip().to_numpy()
    # a new visit starts where the named country (or the year) changes from the row before
    new = np.ones(len(df), dtype=bool)
    if len(df) > 1:
        new[1:] = (name[1:] != name[:-1]) | (year[1:] != year[:-1])
    stops = int((~new).sum())
    if stops:
        skipped["further stop of the same visit (consecutive rows, same country)"] += stops
    keep = new & np.array([h is not None for h in host], dtype=bool)
    own = keep & (host == "USA")
    if own.any():
        skipped["trip inside the United States"] += int(own.sum())
    keep = in_model(year, keep & ~own, skipped)
    frame = pd.DataFrame(
        {
            "actor": "USA",
            "partner": host[keep],
            "year": year[keep].astype(int),
            "value": 1.0,
            "line": df["line"].to_numpy()[keep],
        }
    )
    return frame, len(df)


def load(path: Path) -> ImportBatch:
    """Load the President's and/or the Secretary of State's travel list (or the folder)."""
    files = find_files(path, PATTERNS)
    skipped: Counter[str] = Counter()
    frames, rows = [], 0
    for f in files:
        frame, n = _visits(f, skipped)
        frames.append(frame)
        rows += n
    visits = pd.concat(frames, ignore_index=True)
    records = indicators(visits, doc=DOC, metric="high_level_visits", unit="count")
    docs = [
        document(
            DOC,
            "Travels of the US President and the Secretary of State (Office of the Historian)",
            "U.S. Department of State, Office of the Historian",
            "USA",
            "government",
            URL,
        )
    ]
    return ImportBatch(records, docs, dict(skipped), rows)
