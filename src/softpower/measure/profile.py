"""The DSPD (doux smart power diplomacy) profile of each actor and year.

Every figure is a function of the engagement panel (facts counted once, group partners
split equally over members in force, see :mod:`softpower.measure.dyads`). With ``c`` the
actor's engagement count in a year:

``smart_share``
    count of smart instruments (technical, science, health, disaster cooperation) / ``c``;
``ppp_share``
    count of facts co-funded or co-run with private firms or foundations / ``c``;
``equal_footing_share``
    count of facts where partners co-fund or co-decide / ``c``;
``hard_share``
    count of hard instruments (security agreements, military activity) / ``c``;
``continuity``
    over the partners engaged that year, the mean number of consecutive years of
    engagement ending in that year (1 = engaged this year only);
``coverage``
    the number of partner states engaged that year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from softpower.records.vocab import HARD_INSTRUMENTS, SMART_INSTRUMENTS

PROFILE_COLUMNS = (
    "actor",
    "year",
    "engagements",
    "smart_share",
    "ppp_share",
    "equal_footing_share",
    "hard_share",
    "continuity",
    "coverage",
)


def _runs(years: np.ndarray) -> np.ndarray:
    """Length of the run of consecutive years ending at each of the sorted ``years``."""
    out = np.ones(len(years), dtype=int)
    for i in range(1, len(years)):
        if years[i] == years[i - 1] + 1:
            out[i] = out[i - 1] + 1
    return out


def dspd_profile(panel: pd.DataFrame) -> pd.DataFrame:
    """DSPD profile per actor and year with engagement, columns :data:`PROFILE_COLUMNS`.

    Parameters
    ----------
    panel
        The engagement panel of :func:`softpower.measure.engagement_panel`.
    """
    if panel.empty:
        return pd.DataFrame({c: [] for c in PROFILE_COLUMNS})
    p = panel.assign(
        smart=panel["count"].where(panel["instrument"].isin(SMART_INSTRUMENTS), 0.0),
        hard=panel["count"].where(panel["instrument"].isin(HARD_INSTRUMENTS), 0.0),
    )
    g = p.groupby(["actor", "year"], as_index=False)[["count", "smart", "ppp", "equal_footing", "hard"]].sum()
    total = g["count"].to_numpy()
    out = pd.DataFrame(
        {
            "actor": g["actor"],
            "year": g["year"].astype(int),
            "engagements": total,
            "smart_share": g["smart"] / total,
            "ppp_share": g["ppp"] / total,
            "equal_footing_share": g["equal_footing"] / total,
            "hard_share": g["hard"] / total,
        }
    )
    dyad_years = p.loc[p["count"] > 0, ["actor", "partner", "year"]].drop_duplicates()
    # sorted for the runs of years below; the index is never read (the runs go in by position)
    dyad_years = dyad_years.sort_values(["actor", "partner", "year"])
    dyad_years["run"] = np.concatenate(
        [_runs(grp["year"].to_numpy()) for _, grp in dyad_years.groupby(["actor", "partner"], sort=False)]
    )
    per = dyad_years.groupby(["actor", "year"], as_index=False).agg(
        continuity=("run", "mean"), coverage=("partner", "nunique")
    )
    out = out.merge(per, on=["actor", "year"], how="left")
    out["coverage"] = out["coverage"].fillna(0).astype(int)
    return out.sort_values(["actor", "year"]).reset_index(drop=True)[list(PROFILE_COLUMNS)]
