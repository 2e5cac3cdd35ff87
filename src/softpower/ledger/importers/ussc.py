"""``ussc-survey``: US Studies Centre Asia Research Network Survey (2016, 2017) → perceptions.

Weighted shares (survey ``weight``) per respondent country, wave and subject, among
respondents who answered the question:

- ``country_influence_us_eval`` / ``country_influence_china_eval`` (is the US's / China's
  influence on your country positive or negative) → measure ``favourable``: "Very
  positive", "Positive" or "A little positive";
- ``harm_us`` / ``harm_china`` (does the US / China do more good or harm in Asia) →
  measure ``positive_image``: "Much more good than harm" or "Somewhat more good than harm".

Respondents rating their own country (Chinese respondents on China) are skipped.

References
----------
United States Studies Centre at the University of Sydney, *Asia Research Network Survey*
(2016, 2017), https://github.com/USStudiesCentre/Asia-Research-Network-Survey
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import (
    ImportBatch,
    count,
    find_files,
    make_records,
    numbers,
    read_table,
    resolve_names,
    years,
)

DATASET = "ussc-asia-survey"
TITLE = "United States Studies Centre Asia Research Network Survey"
URL = "https://github.com/USStudiesCentre/Asia-Research-Network-Survey"
POSITIVE_EVAL = ("Very positive", "Positive", "A little positive")
MORE_GOOD = ("Much more good than harm", "Somewhat more good than harm")
#: question column → (subject, measure, answers counted as the share)
QUESTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "country_influence_us_eval": ("USA", "favourable", POSITIVE_EVAL),
    "country_influence_china_eval": ("CHN", "favourable", POSITIVE_EVAL),
    "harm_us": ("USA", "positive_image", MORE_GOOD),
    "harm_china": ("CHN", "positive_image", MORE_GOOD),
}


def load(path: Path) -> ImportBatch:
    """Load ``ussc_asia_survey_2016_2017.csv`` (or a folder holding it)."""
    (f,) = find_files(path, ["ussc_asia_survey*.csv"])[:1]
    cols = ("country", "wave", "weight", *QUESTIONS)
    df = read_table(f, cols, only=cols)
    skipped: Counter[str] = Counter()
    wave = years(df, "wave", f)
    weight = numbers(df, "weight", f)
    bad = np.isnan(weight) | (weight < 0)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InputError(
            str(f), int(df["line"].iloc[i]), "weight", f"{df['weight'].iloc[i]!r}", "a survey weight >= 0"
        )
    country = resolve_names(df["country"]).to_numpy()
    known = np.array([c is not None for c in country], dtype=bool)
    count(skipped, ~known, "respondent country not resolved to ISO3")
    out = []
    for q, (subject, measure, yes) in QUESTIONS.items():
        answer = df[q].fillna("").astype(str).str.strip()
        answered = known & (answer != "").to_numpy()
        own = answered & (country == subject)
        count(skipped, own, "respondents rating their own country")
        use = answered & ~own & ~np.isnan(wave)
        frame = pd.DataFrame(
            {
                "respondents": country[use],
                "year": wave[use].astype(int),
                "w": weight[use],
                "wy": weight[use] * answer.isin(yes).to_numpy()[use],
                "line": df["line"].to_numpy()[use],
            }
        )
        g = frame.groupby(["respondents", "year"], sort=True).agg(
            w=("w", "sum"), wy=("wy", "sum"), n=("w", "size"), line=("line", "min")
        )
        g = g[g["w"] > 0].reset_index()
        out.append(
            make_records(
                len(g),
                doc=np.array([f"{DATASET}:{y}" for y in g["year"]], dtype=object),
                kind="perception",
                actor=subject,
                partners=[[r] for r in g["respondents"]],
                measure=measure,
                year=g["year"].to_numpy(dtype=float),
                value=(g["wy"] / g["w"]).to_numpy(dtype=float),
                name=np.array(
                    [f"USSC Asia survey {y}: {q} (n={n})" for y, n in zip(g["year"], g["n"], strict=True)],
                    dtype=object,
                ),
                line=g["line"].to_numpy(),
            )
        )
    years_seen = sorted({int(y) for y in wave[~np.isnan(wave)]})
    documents = [
        {
            "id": f"{DATASET}:{y}",
            "title": f"{TITLE}, {y} wave (microdata)",
            "publisher": "United States Studies Centre, University of Sydney",
            "publisher_country": "AUS",
            "publisher_kind": "dataset",
            "date": None,
            "url": URL,
        }
        for y in years_seen
    ]
    return ImportBatch(pd.concat(out, ignore_index=True), documents, dict(skipped), len(df))
