"""``uis-students``: UNESCO UIS international students, top-10 partners → ``students_hosted`` indicators.

One indicator per (destination, origin, year): actor = the destination (host) country,
partners = [the origin country], value = internationally mobile tertiary students (persons;
UIS estimates may be fractional), unit ``persons``. The two 360info views are read
together: ``popular-origins-by-destination.csv`` (each destination's ten largest origins)
and ``popular-destinations-by-origin.csv`` (each origin's ten largest destinations); a flow
in both is one record (the destination's figure). "Other countries" (the lumped remainder)
and UIS region remainders ("Asia: unknown countries") are not dyads and are skipped.

What a missing row means: nothing. A flow outside both top-10 lists is lumped away, and a
destination that does not report to UIS (China, Singapore) has no rows at all; the
coverage model declares this source ``unobserved`` for missing rows, never zero.

References
----------
UNESCO Institute for Statistics (UIS) bulk data; 360info "Global education" report (CC BY 4.0).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import ImportBatch, find_files, header_of, read_table
from softpower.ledger.importers._dyadic import countries, document, history_years, in_model, indicators
from softpower.ledger.importers._strict import amounts

DATASET = "uis-students"
PATTERNS = ("popular-origins-by-destination*.csv", "popular-destinations-by-origin*.csv")
BY_DEST = ("year", "dest_country_name", "origin_country_lumped", "value_lumped")
BY_ORIGIN = ("year", "origin_country_name", "dest_country_lumped", "value_lumped")
DOC = "uis-students:360info-1998-2021"
URL = "https://uis.unesco.org"
REMAINDER = "partner outside the top 10 (lumped as 'Other countries' or a UIS region remainder)"


def _remainders(values: pd.Series) -> dict[str, str]:
    out = {}
    for v in values.astype(str).str.strip().unique():
        if v == "Other countries" or v.endswith(": unknown countries"):
            out[v] = REMAINDER
    return out


def _read(f: Path, skipped: Counter[str]) -> tuple[pd.DataFrame, int]:
    header = header_of(f)
    by_dest = "dest_country_name" in header or "origin_country_name" not in header
    required = BY_DEST if by_dest else BY_ORIGIN
    df = read_table(f, required)
    dest_col, origin_col = (
        ("dest_country_name", "origin_country_lumped")
        if by_dest
        else ("dest_country_lumped", "origin_country_name")
    )
    year = history_years(df, "year", f)
    value = amounts(df, "value_lumped", f, required=True)
    extra = _remainders(pd.concat([df[dest_col], df[origin_col]]))
    dest = countries(df, dest_col, f, skipped, extra)
    origin = countries(df, origin_col, f, skipped, extra)
    keep = np.array([d is not None and o is not None for d, o in zip(dest, origin, strict=True)])
    own = keep & (dest == origin)
    if own.any():
        skipped["origin is the destination itself"] += int(own.sum())
    keep = in_model(year, keep & ~own, skipped)
    frame = pd.DataFrame(
        {
            "actor": dest[keep],
            "partner": origin[keep],
            "year": year[keep].astype(int),
            "value": value[keep],
            "line": df["line"].to_numpy()[keep],
            "view": 0 if by_dest else 1,
            "file": str(f),
        }
    )
    return frame, len(df)


def load(path: Path) -> ImportBatch:
    """Load either or both 360info student-flow files (or the folder holding them)."""
    files = find_files(path, PATTERNS)
    skipped: Counter[str] = Counter()
    frames = []
    rows = 0
    for f in files:
        frame, n = _read(f, skipped)
        rows += n
        frames.append(frame)
    flows = pd.concat(frames, ignore_index=True)
    dup = flows.duplicated(["actor", "partner", "year", "view"], keep=False)
    if dup.any():
        row = flows[dup].iloc[0]
        raise InputError(
            str(row["file"]),
            int(row["line"]),
            "value_lumped",
            f"a second row for {row['actor']} hosting students from {row['partner']} in {row['year']}",
            "one row per destination, origin and year",
        )
    flows = flows.sort_values("view", kind="stable")
    both = flows.duplicated(["actor", "partner", "year"], keep="first")
    if both.any():
        skipped["flow in both top-10 views (the destination's row kept)"] += int(both.sum())
    flows = flows[~both.to_numpy()]
    records = indicators(
        flows.drop(columns=["view", "file"]), doc=DOC, metric="students_hosted", unit="persons"
    )
    docs = [
        document(
            DOC,
            "UNESCO UIS international student flows, top-10 partners per country 1998-2021 (tidied by 360info)",
            "UNESCO Institute for Statistics",
            None,
            "international_org",
            URL,
        )
    ]
    return ImportBatch(records, docs, dict(skipped), rows)
