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
