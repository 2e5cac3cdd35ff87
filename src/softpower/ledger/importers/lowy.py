"""``lowy-gdi``: Lowy Institute Global Diplomacy Index posts → ``diplomatic_posts`` indicators.

One indicator per (sending country, host country, edition year): the number of the
sender's posts in the host country (embassies/high commissions, consulates and other
bilateral offices), plus ``embassies`` (embassies/high commissions only). Missions to
international organisations are left out: they are not posts toward the host. The
2019 edition in this copy is a 40-row fragment and is skipped.

References
----------
Lowy Institute, *Global Diplomacy Index*, https://globaldiplomacyindex.lowyinstitute.org
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.ledger.importers._base import (
    ImportBatch,
    count,
    find_files,
    make_records,
    read_table,
    resolve_names,
    year_ok,
    years,
)

DATASET = "lowy-gdi"
TITLE = "Lowy Institute Global Diplomacy Index"
URL = "https://globaldiplomacyindex.lowyinstitute.org"
REQUIRED = ("COUNTRY", "POST COUNTRY", "TYPE OF POST", "Year")
FRAGMENT_YEARS = (2019,)
ALIASES = {
    "Taiwan*": "TWN",
    "Korea Democratic People's Republic of (North Korea)": "PRK",
    "Korea Republic of (South Korea)": "KOR",
}


def load(path: Path) -> ImportBatch:
    """Load ``globaldiplomacyindex_posts.csv`` (or a folder holding it)."""
    (f,) = find_files(path, ["globaldiplomacyindex_posts.csv"])[:1]
    df = read_table(f, REQUIRED)
    skipped: Counter[str] = Counter()
    year = years(df, "Year", f)
    sender = resolve_names(df["COUNTRY"], ALIASES).to_numpy()
    host = resolve_names(df["POST COUNTRY"], ALIASES).to_numpy()
    ptype = df["TYPE OF POST"].fillna("").astype(str).str.strip()
    is_state = np.array([s is not None for s in sender], dtype=bool)
    count(skipped, ~is_state, "sender is not a state (e.g. European External Action Service)")
    keep = is_state.copy()
    fragment = np.isin(year, FRAGMENT_YEARS)
    count(skipped, keep & fragment, "2019 edition fragment")
    keep &= ~fragment
    mission = ptype.eq("Permanent Mission").to_numpy()
    count(skipped, keep & mission, "mission to an international organisation")
    keep &= ~mission
    has_host = np.array([h is not None for h in host], dtype=bool)
    count(skipped, keep & ~has_host, "host country not resolved to ISO3")
    keep &= has_host
    own = keep & (sender == host)
    count(skipped, own, "post in the sender's own country")
    keep &= ~own & year_ok(year)
    sel = pd.DataFrame(
        {
            "actor": sender[keep],
            "host": host[keep],
            "year": year[keep].astype(int),
            "embassy": ptype.to_numpy()[keep] == "Embassy / High Commission",
            "line": df["line"].to_numpy()[keep],
        }
    )
    grouped = sel.groupby(["actor", "host", "year"], sort=True).agg(
        posts=("line", "size"), embassies=("embassy", "sum"), line=("line", "min")
    )
    grouped = grouped.reset_index()
    frames = []
    for metric, col in (("diplomatic_posts", "posts"), ("embassies", "embassies")):
        g = grouped[grouped[col] > 0] if metric == "embassies" else grouped
        docs = np.array([f"{DATASET}:{y}" for y in g["year"]], dtype=object)
        frames.append(
            make_records(
                len(g),
                doc=docs,
                kind="indicator",
                actor=g["actor"].to_numpy(),
                partners=[[h] for h in g["host"]],
                metric=metric,
                unit="count",
                year=g["year"].to_numpy(dtype=float),
                value=g[col].to_numpy(dtype=float),
                line=g["line"].to_numpy(),
            )
        )
    documents = [
        {
            "id": f"{DATASET}:{y}",
            "title": f"{TITLE} {y}: diplomatic posts",
            "publisher": "Lowy Institute",
            "publisher_country": "AUS",
            "publisher_kind": "dataset",
            "date": None,
            "url": URL,
        }
        for y in sorted(grouped["year"].unique())
    ]
    return ImportBatch(pd.concat(frames, ignore_index=True), documents, dict(skipped), len(df))
