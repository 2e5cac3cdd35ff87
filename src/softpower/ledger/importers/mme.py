"""``mme-exercises``: Multinational Military Exercises (MME v7) → ``joint_exercises`` indicators.

One indicator per ordered pair of participating states and start year: actor = one
participant, partners = [another], value = the number of exercises starting that year in
which both took part (unit ``count``). An exercise of ``n`` states makes ``n × (n − 1)``
ordered pairs, so each participant sees every other as a partner (every pair of
participants is a dyad, whoever led the exercise). An exercise is counted in its start
year, once, however long it ran. Unknown participants (``-9``), NATO, "Baltic States" and
historical states are skipped and counted; an exercise left with fewer than two states
gives no dyad.

The folder's wide file ``mme_v7.csv`` (one row per exercise, participants in
``StateA`` … ``StateAM``) is read; the package's long reshape (``mme-v7-long.csv``, one row
per exercise, participant and year) is read instead when given as FILE. Exercise ids are
not unique in v7 (three ids are reused by different exercises), so an exercise is its row
(wide) or its id, name and start date (long).

References
----------
D'Orazio, V. & Galambos, K. (2021). *Multinational Military Exercises, 1980-2010*,
Harvard Dataverse, doi:10.7910/DVN/KHFODX; copy from the ``troopdata`` R package.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.ledger.importers._base import ImportBatch, find_files, header_of, read_table
from softpower.ledger.importers._dyadic import countries, document, history_years, in_model, indicators

DATASET = "mme-exercises"
PATTERNS = ("mme_v7*.csv",)
WIDE = ("MMEID", "s.year", "StateA", "StateB")
LONG = ("MMEID", "Ex_Name", "StartDate", "country", "s.year")
DOC = "mme-exercises:v7"
URL = "https://doi.org/10.7910/DVN/KHFODX"


def _wide(f: Path, skipped: Counter[str]) -> tuple[pd.DataFrame, int]:
    df = read_table(f, WIDE)
    year = history_years(df, "s.year", f)
    state_cols = [c for c in df.columns if c.startswith("State")]
    rows: list[tuple[int, str, int]] = []  # (exercise, state, line)
    n = len(df)
    exercise = np.arange(n)
    lines = df["line"].to_numpy()
    for col in state_cols:
        filled = df[col].fillna("").astype(str).str.strip().ne("").to_numpy()
        if not filled.any():
            continue
        sub = df.loc[filled, [col, "line"]].reset_index(drop=True)
        iso = countries(sub, col, f, skipped)
        rows.extend(
            (int(e), str(c), int(ln))
            for e, c, ln in zip(exercise[filled], iso, lines[filled], strict=True)
            if c
        )
    part = pd.DataFrame(rows, columns=["exercise", "state", "line"])
    part["year"] = year[part["exercise"].to_numpy()].astype(int) if len(part) else []
    return part, n


def _long(f: Path, skipped: Counter[str]) -> tuple[pd.DataFrame, int]:
    df = read_table(f, LONG)
    year = history_years(df, "s.year", f)
    iso = countries(df, "country", f, skipped)  # -9 is in the shared table: unknown or unspecified
    key = df["MMEID"].astype(str) + "\x1f" + df["Ex_Name"].astype(str) + "\x1f" + df["StartDate"].astype(str)
    codes, _ = pd.factorize(key)
    keep = np.array([c is not None for c in iso], dtype=bool)
    part = pd.DataFrame(
        {
            "exercise": codes[keep],
            "state": iso[keep],
            "line": df["line"].to_numpy()[keep],
            "year": year[keep].astype(int),
        }
    )
    return part, int(pd.Series(codes).nunique())


def load(path: Path) -> ImportBatch:
    """Load ``mme_v7.csv`` (or ``mme-v7-long.csv``, or the folder holding them)."""
    f = find_files(path, PATTERNS)[0] if path.is_dir() else path
    skipped: Counter[str] = Counter()
    part, n = _wide(f, skipped) if "StateA" in header_of(f) else _long(f, skipped)
    part = part.drop_duplicates(["exercise", "state"])
    size = part.groupby("exercise")["state"].transform("size")
    lone = part.loc[size < 2, "exercise"].nunique()
    if lone:
        skipped["exercise with fewer than two identified states (no dyad)"] += int(lone)
    part = part[size >= 2]
    pairs = part.merge(part[["exercise", "state", "line"]], on="exercise", suffixes=("", "_b"))
    pairs = pairs[pairs["state"] != pairs["state_b"]]
    year = pairs["year"].to_numpy(dtype=float)
    keep = in_model(year, np.ones(len(pairs), dtype=bool), Counter())
    frame = pd.DataFrame(
        {
            "actor": pairs["state"].to_numpy()[keep],
            "partner": pairs["state_b"].to_numpy()[keep],
            "year": pairs["year"].to_numpy()[keep],
            "value": 1.0,
            "line": np.minimum(pairs["line"].to_numpy(), pairs["line_b"].to_numpy())[keep],
        }
    )
    records = indicators(frame, doc=DOC, metric="joint_exercises", unit="count")
    docs = [
        document(
            DOC,
            "Multinational Military Exercises (MME) v7, 1980-2010",
            "D'Orazio & Galambos, Multinational Military Exercises (Harvard Dataverse)",
            "USA",
            "academic",
            URL,
        )
    ]
    return ImportBatch(records, docs, dict(skipped), n)
