"""Money tables and derive_usd: known annual averages, notes for gaps, vectorised shape."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from softpower import money


def test_rate_table_shape_and_uniqueness() -> None:
    t = money.rate_table()
    assert list(t.columns) == ["currency", "year", "usd_per_unit", "n_days", "source"]
    assert not t.duplicated(["currency", "year"]).any()
    assert (t["usd_per_unit"] > 0).all()
    ecb = t[t["n_days"] > 0]
    assert ecb["year"].min() == 1999
    # before 1999 only Bretton Woods par values, whole years only, none after 1970
    par = t[t["n_days"] == 0]
    assert set(par["currency"]) == {"JPY", "GBP", "DEM", "INR"} and par["year"].max() == 1970
    # a full year has roughly 255 ECB business days
    assert t.loc[(t.currency == "EUR") & (t.year == 2015), "n_days"].item() > 250


def test_known_annual_averages() -> None:
    t = money.rate_table().set_index(["currency", "year"])["usd_per_unit"]
    # ECB's published 2015 annual average of the USD reference rate is 1.1095 per EUR
    assert t[("EUR", 2015)] == pytest.approx(1.1095, abs=5e-4)
    # yen per dollar averaged about 121 in 2015
    assert 1 / t[("JPY", 2015)] == pytest.approx(121.0, abs=0.6)
    assert t[("USD", 2010)] == 1.0


def test_partial_years_are_left_out() -> None:
    t = money.rate_table()
    # the ECB started quoting CNY in April 2005: 2005 is not a full year
    cny = t.loc[t.currency == "CNY", "year"]
    assert cny.min() == 2006
    # the shipped history ends inside its last year, which is not used
    last = money._ecb_daily()["Date"].max()
    if last.month < 12:
        assert t["year"].max() == last.year - 1


def test_deflator_known_values() -> None:
    d = money.deflator_table().set_index("year")["cpi"]
    assert d[2023] == pytest.approx(304.702)
    assert d[2015] == pytest.approx(237.017)
    assert d.index.min() == 1913


def test_derive_usd_known_answers_and_notes() -> None:
    df = pd.DataFrame(
        {
            "amount": [100.0, 100.0, 100.0, 100.0, None, 100.0, 50.0, 10.0, 1000.0],
            "currency": ["USD", "USD", "JPY", "XYZ", "JPY", None, "jpy ", "CNY", "EUR"],
            "year": [2015, None, 1985, 2015, 2015, 2015, 2015, 2005, 2023],
            "other": list("abcdefghi"),
        }
    )
    out = money.derive_usd(df)
    assert list(df.columns) == ["amount", "currency", "year", "other"]  # input untouched
    assert list(out.columns[-4:]) == ["amount_usd", "amount_usd_const", "usd_rate", "money_note"]
    # USD 2015 -> 2023 dollars with CPI-U
    assert out.amount_usd[0] == 100.0
    assert out.amount_usd_const[0] == pytest.approx(100 * 304.702 / 237.017)
    assert out.money_note[0] is None
    # USD without a year: current USD stands, constant does not
    assert out.amount_usd[1] == 100.0 and math.isnan(out.amount_usd_const[1])
    assert out.money_note[1] == "no year stated: no constant USD"
    assert math.isnan(out.amount_usd[2]) and out.money_note[2] == "no JPY rate for 1985 in tables"
    assert out.money_note[3] == "no XYZ rate for 2015 in tables"
    assert math.isnan(out.amount_usd[4]) and out.money_note[4] is None  # no amount, nothing to say
    assert out.money_note[5] == "no currency stated"
    jpy = money.rate_table().set_index(["currency", "year"]).loc[("JPY", 2015), "usd_per_unit"]
    assert out.amount_usd[6] == pytest.approx(50 * jpy) and out.usd_rate[6] == pytest.approx(jpy)
    assert out.money_note[7] == "no CNY rate for 2005 in tables"
    assert out.amount_usd_const[8] == pytest.approx(out.amount_usd[8])  # base year: factor 1


def test_derive_usd_year_beyond_cpi() -> None:
    last = int(money.deflator_table()["year"].max())
    out = money.derive_usd(pd.DataFrame({"amount": [1.0], "currency": ["USD"], "year": [last + 1]}))
    assert out.amount_usd[0] == 1.0
    assert out.money_note[0] == f"no US CPI for {last + 1} in tables: no constant USD"


def test_derive_usd_vectorised_matches_rowwise() -> None:
    rng = np.random.default_rng(7)
    n = 2_000
    df = pd.DataFrame(
        {
            "amount": rng.random(n) * 1e6,
            "currency": rng.choice(["JPY", "USD", "KRW", "AUD", "XOF"], n),
            "year": rng.integers(1995, 2030, n),
        }
    )
    out = money.derive_usd(df)
    rates = money.rate_table().set_index(["currency", "year"])["usd_per_unit"].to_dict()
    for i in range(0, n, 97):
        cur, yr, amt = df.currency[i], int(df.year[i]), df.amount[i]
        expected = amt if cur == "USD" else amt * rates.get((cur, yr), np.nan)
        got = out.amount_usd[i]
        assert (math.isnan(expected) and math.isnan(got)) or got == pytest.approx(expected)


def test_empty_frame() -> None:
    out = money.derive_usd(pd.DataFrame({"amount": [], "currency": [], "year": []}))
    assert len(out) == 0 and "money_note" in out.columns


def test_par_values_every_row_and_known_answers() -> None:
    par = money.par_value_table().set_index(["currency", "year"])["usd_per_unit"]
    assert par[("JPY", 1960)] == pytest.approx(1 / 360)
    assert par[("GBP", 1955)] == pytest.approx(2.80) and par[("GBP", 1969)] == pytest.approx(2.40)
    assert ("GBP", 1967) not in par.index  # devalued in November 1967: no whole-year value
    assert ("JPY", 1971) not in par.index and ("JPY", 1985) not in par.index
    out = money.derive_usd(pd.DataFrame({"amount": [3.6e9], "currency": ["JPY"], "year": [1960]}))
    assert out["amount_usd"].iloc[0] == pytest.approx(1e7)
    assert "IMF par value" in money.par_value_table()["source"].iloc[0]


# BLS published CPI-U annual averages (CUUR0000SA0, M13), checked by hand against bls.gov tables
_PUBLISHED_CPI = {
    1950: 24.1,
    1982: 96.5,
    1983: 99.6,
    1984: 103.9,
    2000: 172.2,
    2011: 224.939,
    2021: 270.970,
    2022: 292.655,
}


def test_deflator_file_every_row() -> None:
    """Every row of the shipped CPI-U table: consecutive years, positive, and index 1982-84 = 100."""
    from importlib import resources

    text = resources.files("softpower.data").joinpath(money.DEFLATOR_FILE).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Bureau of Labor Statistics" in line for line in header)
    assert any("CUUR0000SA0" in line for line in header)
    d = money.deflator_table()
    assert list(d.columns) == ["year", "cpi", "source"]
    rows = [line for line in text.splitlines() if line and not line.startswith("#")][1:]
    assert len(rows) == len(d)
    for line, (year, cpi) in zip(rows, zip(d["year"], d["cpi"], strict=True), strict=True):
        y, v = line.split(",")
        assert int(y) == year and float(v) == cpi and cpi > 0
    assert (d["year"].diff().dropna() == 1).all()
    assert d["year"].max() >= money.BASE_YEAR
    # the 1982-84 reference period averages 100
    ref = d.set_index("year").loc[[1982, 1983, 1984], "cpi"].mean()
    assert ref == pytest.approx(100.0, abs=0.05)
    # prices rose in all but a few years (deflation 1920s-30s, 1949, 1955, 2009)
    falls = d.loc[d["cpi"].diff() < 0, "year"].tolist()
    assert 2009 in falls and all(y < 1960 or y == 2009 for y in falls)
    for year, value in _PUBLISHED_CPI.items():
        assert d.set_index("year").loc[year, "cpi"] == pytest.approx(value, abs=1e-3)


def test_rebase_factor() -> None:
    assert money.rebase_factor(2022) == pytest.approx(304.702 / 292.655)
    assert money.rebase_factor(money.BASE_YEAR) == 1.0


def test_derive_usd_constant_prices_and_money_indicators() -> None:
    df = pd.DataFrame(
        {
            "kind": ["indicator", "engagement", "indicator", "indicator", "engagement"],
            "amount": [None, 10.0, None, None, 5.0],
            "currency": [None, "USD", None, None, "JPY"],
            "unit": ["USD", None, "USD", "count", None],
            "value": [1e6, None, 2e6, 7.0, None],
            "year": [2015, 2005, 2015, 2015, 2015],
            "price_basis": ["constant", "constant", "current", None, "constant"],
            "price_year": [2022, 2000, None, None, 2015],
        }
    )
    out = money.derive_usd(df)
    # constant 2022 USD indicator: rebased to BASE_YEAR, no current value
    assert out.amount_usd_const[0] == pytest.approx(1e6 * 304.702 / 292.655)
    assert math.isnan(out.amount_usd[0]) and math.isnan(out.usd_rate[0])
    assert (
        out.money_note[0]
        == f"constant 2022 USD rebased to {money.BASE_YEAR} with US CPI-U; no current-USD value"
    )
    assert out.amount_usd_const[1] == pytest.approx(10 * 304.702 / 172.2)
    # a current-USD indicator converts like a USD amount of its year
    assert out.amount_usd[2] == 2e6 and out.amount_usd_const[2] == pytest.approx(2e6 * 304.702 / 237.017)
    # a count is not money
    assert math.isnan(out.amount_usd[3]) and out.money_note[3] is None
    assert (
        math.isnan(out.amount_usd_const[4])
        and out.money_note[4] == "constant-price JPY amount: not converted"
    )
