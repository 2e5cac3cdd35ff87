"""Budgets and partner shares from comparable official-flow data, not from record counts.

Each donor's yearly budget (million constant USD of :data:`softpower.money.BASE_YEAR`) and the
share of it that goes to each partner come from the donor's best official-flow source in the
ledger (``sim_flow_sources.csv``, by rank: OECD DAC2A disbursements, US foreign-assistance
disbursements, AidData GCDF commitments for China, PLAID commitments), averaged over the last
:data:`WINDOW` years the source covers no later than the start year and no older than the
age limit. Metrics of a source that overlap are never mixed with another source's; the output
states the source, its money basis (commitment or disbursement) and the years, so that a
commitment-based budget is never read as a disbursement-based one. A donor no source covers
keeps its declared strategy budget and spreads it evenly over the partners (said so).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

from softpower.money import BASE_YEAR, rebase_factor

FLOW_SOURCES = "sim_flow_sources.csv"
#: Years of flows averaged (the newest ones inside the age limit).
WINDOW = 5


@dataclass(frozen=True)
class FlowSource:
    """One row of ``sim_flow_sources.csv``."""

    rank: int
    metrics: tuple[str, ...]
    dataset: str
    amount_basis: str
    note: str


@dataclass
class DonorFlows:
    """A donor's observed budget and partner shares, with where they came from."""

    donor: str
    budget: float  # million constant USD of BASE_YEAR, per year, to the scenario's partners
    shares: np.ndarray  # (P,), sums to 1
    dataset: str
    metrics: tuple[str, ...]
    amount_basis: str
    years: tuple[int, int]
    partners_with_flows: int

    def describe(self) -> dict[str, Any]:
        """JSON-ready summary for a result's metadata."""
        return {
            "budget_musd": round(self.budget, 1),
            "price_basis": f"constant {BASE_YEAR} USD",
            "dataset": self.dataset,
            "metrics": list(self.metrics),
            "amount_basis": self.amount_basis,
            "years": f"{self.years[0]}-{self.years[1]}",
            "partners_with_flows": self.partners_with_flows,
        }


@cache
def flow_sources() -> tuple[FlowSource, ...]:
    """The ranked flow sources (``sim_flow_sources.csv``)."""
    text = resources.files("softpower.data").joinpath(FLOW_SOURCES).read_text(encoding="utf-8")
    rows = [
        FlowSource(int(r["rank"]), tuple(r["metrics"].split()), r["dataset"], r["amount_basis"], r["note"])
        for r in csv.DictReader(text.splitlines())
    ]
    return tuple(sorted(rows, key=lambda s: s.rank))


_CONSTANT = re.compile(r"constant\s+(\d{4})", re.IGNORECASE)


def _factor(price_basis: Any, price_year: Any, unit: Any, year: int) -> float:
    """Rebase factor to BASE_YEAR dollars: the constant-price year, else the flow's own year."""
    if price_year is not None and not pd.isna(price_year):
        base = int(price_year)
    elif isinstance(unit, str) and (m := _CONSTANT.search(unit)):
        base = int(m.group(1))
    else:  # current prices (or unstated): dollars of the flow's year
        base = year
    try:
        return rebase_factor(base)
    except KeyError:
        return float("nan")


def observed_flows(
    ledger: Any, donors: tuple[str, ...], partners: tuple[str, ...], year: int, age_limit: int
) -> dict[str, DonorFlows]:
    """Per donor with flow data: budget and partner shares from its best-ranked source."""
    if ledger is None:
        return {}
    metrics = sorted({m for s in flow_sources() for m in s.metrics})
    cols = "actor, partners, year, metric, value, unit, price_basis, price_year"
    raw = ledger.query(
        f"SELECT {cols} FROM indicator WHERE value IS NOT NULL AND year IS NOT NULL "
        f"AND year BETWEEN {int(year) - int(age_limit)} AND {int(year)} "
        f"AND metric IN ({', '.join('?' for _ in metrics)}) "
        f"AND actor IN ({', '.join('?' for _ in donors)})",
        [*metrics, *donors],
    )
    if raw.empty:
        return {}
    pi = {p: i for i, p in enumerate(partners)}
    raw = raw.loc[raw["partners"].map(lambda ps: len(ps) == 1 and ps[0] in pi)]
    raw = raw.assign(partner=raw["partners"].map(lambda ps: ps[0]))
    out: dict[str, DonorFlows] = {}
    for d in donors:
        mine = raw.loc[raw["actor"] == d]
        for src in flow_sources():
            rows = mine.loc[mine["metric"].isin(src.metrics)]
            if rows.empty:
                continue
            years = sorted(rows["year"].unique())[-WINDOW:]
            rows = rows.loc[rows["year"].isin(years)]
            factor = [
                _factor(b, py, u, int(y))
                for b, py, u, y in rows[["price_basis", "price_year", "unit", "year"]].itertuples(index=False)
            ]
            musd = rows["value"].to_numpy(float) * np.asarray(factor) / 1e6
            by_partner = np.zeros(len(partners))
            np.add.at(by_partner, rows["partner"].map(pi).to_numpy(int), np.nan_to_num(musd))
            total = by_partner.sum()
            if total <= 0:
                continue
            out[d] = DonorFlows(
                donor=d,
                budget=float(total / len(years)),
                shares=by_partner / total,
                dataset=src.dataset,
                metrics=src.metrics,
                amount_basis=src.amount_basis,
                years=(int(years[0]), int(years[-1])),
                partners_with_flows=int((by_partner > 0).sum()),
            )
            break
    return out
