"""``pew-favourability``: Pew Global Attitudes favourable views of a country → perceptions.

Reads any file in the shared Pew table's format (one row per survey year x surveyed public x
rated country; columns ``year, country_iso3, target, pct_favourable`` at least). One
perception per row: actor = the rated country (``target``), partners = [the surveyed public
``country_iso3``], measure ``favourable``, value = ``pct_favourable / 100`` (Pew's share of
all answers, don't-knows included), name = the pollster. Ratings of organisations (EU, UN)
and a public's rating of its own country are skipped and counted. One document per wave,
published by the Pew Research Center (an independent US research organisation: a Pew
figure about the US is not the US government's own claim).

Waves from 2017 on are evaluation-only in this project: the importer reads them (so the
withheld file can be imported for a backtest) and marks their documents
"evaluation-only wave" in the title; nothing fits or tunes on them.

References
----------
Pew Research Center, *Global Attitudes Survey*, https://www.pewresearch.org/global/
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import ImportBatch, count, find_files, make_records, read_table
from softpower.ledger.importers._strict import amounts, country_names, drop, year_column

DATASET = "pew-favourability"
PATTERNS = ("pew_favourability_country_year*.csv",)
REQUIRED = ("year", "country_iso3", "target", "pct_favourable")
POLLSTER = "Pew Research Center Global Attitudes Survey"
URL = "https://www.pewresearch.org/global/"
#: First wave withheld for out-of-sample evaluation (never used to fit or tune).
EVALUATION_FROM = 2017
#: Codes of the harmonised file that are not ISO3.
ALIASES = {"PLS": "PSE"}
NON_STATES = {"EU": "rated entity is not a state (EU, UN)", "UN": "rated entity is not a state (EU, UN)"}


def load(path: Path) -> ImportBatch:
    """Load ``pew_favourability_country_year*.csv`` (or every such file in a folder)."""
    frames, docs, skipped, rows = [], {}, Counter[str](), 0
    for f in find_files(path, PATTERNS):
        df = read_table(f, REQUIRED)
        rows += len(df)
        year = year_column(df, "year", f)
        public, _ = country_names(df, "country_iso3", f, aliases=ALIASES, codes=True)
        target, why = country_names(df, "target", f, aliases=ALIASES, non_states=NON_STATES, codes=True)
        pct = amounts(df, "pct_favourable", f, required=True)
        over = pct > 100
        if over.any():
            i = int(np.flatnonzero(over)[0])
            raise InputError(
                str(f), int(df["line"].iloc[i]), "pct_favourable", f"{pct[i]:g}", "a percentage in 0..100"
            )
        keep = drop(np.ones(len(df), dtype=bool), why, skipped)
        own = keep & (public == target)
        count(skipped, own, "a public rating its own country")
        keep &= ~own
        idx = np.flatnonzero(keep)
        wave = year[idx].astype(int)
        doc_ids = np.array([f"{DATASET}:{y}" for y in wave], dtype=object)
        frames.append(
            make_records(
                len(idx),
                doc=doc_ids,
                kind="perception",
                actor=target[idx],
                partners=[[p] for p in public[idx]],
                measure="favourable",
                year=wave.astype(float),
                value=pct[idx] / 100.0,
                name=POLLSTER,
                line=df["line"].to_numpy()[idx],
            )
        )
        for y in sorted(set(wave.tolist())):
            note = " (evaluation-only wave)" if y >= EVALUATION_FROM else ""
            docs[f"{DATASET}:{y}"] = {
                "id": f"{DATASET}:{y}",
                "title": f"{POLLSTER}, {y} wave: favourable views of other countries by public{note}",
                "publisher": "Pew Research Center",
                "publisher_country": "USA",
                "publisher_kind": "think_tank",
                "date": None,
                "url": URL,
            }
    records = pd.concat(frames, ignore_index=True)
    return ImportBatch(records, list(docs.values()), dict(skipped), rows)
