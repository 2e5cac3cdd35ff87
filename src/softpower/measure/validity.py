"""Validity check: does the index agree with what partner publics say in polls?

Per year, the Spearman rank correlation between the nominal dyad scores and the perception
shares (mean over the measures polled) of the same actor in the same partner. The check
says plainly when the data are too few to judge.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

#: Fewest dyads with both a score and a perception for a correlation to be reported.
MIN_PAIRS = 5


def perception_validity(dyads: pd.DataFrame, perceptions: pd.DataFrame) -> dict[str, Any]:
    """Rank correlation of index scores with perceptions, per year.

    Parameters
    ----------
    dyads
        Columns ``actor, partner, year, score`` (nominal scores).
    perceptions
        Columns ``actor, partner, year, name, value`` (subject, respondents' state,
        year, measure, share).

    Returns
    -------
    dict
        ``{"years": [{year, n, rho, p_value, verdict}], "summary": str}``.
    """
    if perceptions.empty:
        return {"years": [], "summary": "no perception records in the ledger: validity cannot be judged"}
    perc = perceptions.groupby(["actor", "partner", "year"], as_index=False)["value"].mean()
    measured = set(dyads["year"].unique())
    polled = sorted(int(y) for y in perc["year"].unique())
    perc = perc.loc[perc["year"].isin(measured)]
    if perc.empty:
        shown = ", ".join(map(str, polled))
        return {
            "years": [],
            "summary": f"no perception records in the year(s) measured: validity cannot be judged "
            f"(polls in {shown})",
        }
    pairs = perc.merge(dyads[["actor", "partner", "year", "score"]], on=["actor", "partner", "year"])
    pairs = pairs.dropna(subset=["score", "value"])
    years: list[dict[str, Any]] = []
    for y in sorted(perc["year"].unique()):
        sub = pairs.loc[pairs["year"] == y]
        n = len(sub)
        row: dict[str, Any] = {"year": int(y), "n": n, "rho": None, "p_value": None}
        if n < MIN_PAIRS:
            row["verdict"] = (
                f"too few data to judge: {n} dyad(s) with both a score and a perception (need {MIN_PAIRS})"
            )
        elif np.ptp(sub["value"]) == 0 or np.ptp(sub["score"]) == 0:
            what = "perceptions" if np.ptp(sub["value"]) == 0 else "scores"
            row["verdict"] = f"too few data to judge: the {what} do not vary across the {n} dyads"
        else:
            res = stats.spearmanr(sub["score"], sub["value"])
            rho, p = float(res.statistic), float(res.pvalue)
            row.update(rho=rho, p_value=p)
            strength = "agree" if rho > 0.3 else "disagree" if rho < -0.3 else "barely relate"
            row["verdict"] = f"index and perceptions {strength} (Spearman rho {rho:.2f}, n {n}, p {p:.2g})"
        years.append(row)
    judged = [r for r in years if r["rho"] is not None]
    summary = (
        f"{len(judged)} of {len(years)} poll year(s) have enough data to judge"
        if judged
        else f"too few data to judge: none of {len(years)} poll year(s) has {MIN_PAIRS} varying dyads"
    )
    return {"years": years, "summary": summary}
