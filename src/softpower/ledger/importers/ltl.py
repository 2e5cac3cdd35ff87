"""``listening-to-leaders``: AidData 2017 Listening to Leaders aggregates → perceptions.

``donors_global.csv`` (respondents worldwide → ``WORLD``) and ``donors_regions.csv``
(respondents of one World Bank region) give, per development partner, the weighted
share of leaders rating it "quite" or "very" influential (Q22, measure ``influence``)
and helpful (Q24, measure ``helpful``). Only partners named ``"<Country> - <agency>"``
are states; multilaterals, foundations and NGOs are skipped. Regions are mapped to the
developing members of the World Bank region for the two Indo-Pacific regions (East Asia
and Pacific, South Asia); other regions have no member table here and are skipped.

References
----------
Custer, S., DiLorenzo, M., Masaki, T., Sethi, T., & Harutyunyan, A. (2018). *Listening to
Leaders 2018: Is development cooperation tuned-in or tone-deaf?* AidData at William & Mary.
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
    header_of,
    make_records,
    numbers,
    read_table,
    resolve_names,
)

DATASET = "aiddata-ltl-2017"
TITLE = "AidData 2017 Listening to Leaders Survey, aggregate data"
URL = "https://www.aiddata.org/data/listening-to-leaders-2017-survey-aggregate-data"
SURVEY_YEAR = 2017
MIN_N = 5
MEASURES = {
    "influence_weighted": ("influence", "influence_n"),
    "helpfulness_weighted": ("helpful", "helpfulness_n"),
}

#: Respondent countries assumed for the two Indo-Pacific World Bank regions of the survey: the
#: region's sovereign low- and middle-income members as the project lists them (an approximation
#: of the survey frame, which is not published per partner; small territories are left out).
REGIONS: dict[str, tuple[str, ...]] = {
    "South Asia": ("AFG", "BGD", "BTN", "IND", "LKA", "MDV", "NPL", "PAK"),
    "East Asia and Pacific": (
        "CHN", "FJI", "FSM", "IDN", "KHM", "KIR", "LAO", "MHL", "MMR", "MNG", "MYS", "PHL",
        "PNG", "PRK", "SLB", "THA", "TLS", "TON", "TUV", "VNM", "VUT", "WSM",
    ),
}  # fmt: skip


def load_file(path: Path) -> ImportBatch:
    regional = "wbg_region" in header_of(path)
    required = ("org_name", *MEASURES, *(n for _m, n in MEASURES.values()))
    df = read_table(path, (*required, "wbg_region") if regional else required)
    skipped: Counter[str] = Counter()
    org = df["org_name"].fillna("").astype(str)
    country_part = org.str.split(" - ", n=1).str[0].where(org.str.contains(" - ", regex=False))
    agency = org.str.split(" - ", n=1).str[1].fillna("")
    actor = resolve_names(country_part).to_numpy()
    state = np.array([a is not None for a in actor], dtype=bool)
    count(skipped, ~state, "partner is not a state agency (multilateral, foundation, NGO)")
    if regional:
        region = df["wbg_region"].fillna("").astype(str).str.strip()
        mapped = region.isin(list(REGIONS)).to_numpy()
        count(skipped, state & ~mapped, "World Bank region without a member table (outside the Indo-Pacific)")
        respondents = [[c for c in REGIONS.get(r, ()) if c != a] for r, a in zip(region, actor, strict=True)]
        where = region.to_numpy()
    else:
        mapped = np.ones(len(df), dtype=bool)
        respondents = [["WORLD"]] * len(df)
        where = np.full(len(df), "worldwide", dtype=object)
    ok = state & mapped
    doc = f"{DATASET}:{path.stem}"
    frames = []
    for col, (measure, n_col) in MEASURES.items():
        val = numbers(df, col, path)
        n = numbers(df, n_col, path)
        empty = ok & np.isnan(val)
        count(skipped, empty, "empty share")
        small = ok & ~np.isnan(val) & ~(n >= MIN_N)
        count(skipped, small, f"fewer than {MIN_N} respondents")
        idx = np.flatnonzero(ok & ~np.isnan(val) & (n >= MIN_N))
        frames.append(
            make_records(
                len(idx),
                doc=doc,
                kind="perception",
                actor=actor[idx],
                partners=[respondents[i] for i in idx],
                measure=measure,
                year=SURVEY_YEAR,
                value=np.clip(val[idx], 0.0, 1.0),
                name=np.array(
                    [f"Listening to Leaders 2017: {agency.iloc[i]} ({where[i]})" for i in idx], dtype=object
                ),
                line=df["line"].to_numpy()[idx],
            )
        )
    documents = [{"id": doc, "title": f"{TITLE}: {path.name}", **AIDDATA, "date": None, "url": URL}]
    return ImportBatch(pd.concat(frames, ignore_index=True), documents, dict(skipped), len(df))


def load(path: Path) -> ImportBatch:
    """Load ``donors_global.csv`` and/or ``donors_regions.csv`` (a file or the dataset folder)."""
    files = find_files(path, ["donors_global.csv", "donors_regions.csv"])
    return concat([load_file(f) for f in files])
