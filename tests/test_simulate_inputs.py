"""Whole outputs of the scenario compiler (``simulate/init.py``) on small inputs checked by hand.

``start_states`` on a dozen polls that exercise each rule (the window of AGE_LIMIT years on
both ends, several polls in a year averaged, the most direct measure of the newest year, the
import's name breaking a tie, a measure outside the list, donors outside the scenario, the
cap of the uncertainty), as the whole start-state table; ``_schedule`` of a scenario with
growth, dated changes (one limited to a partner) and two shocks, as every flow, PPP and
equal-footing cell; ``observed_flows`` (``simulate/flows.py``) on a ledger of DAC and US
flows, as each donor's whole budget record.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from softpower.simulate.init import _schedule, age_sd, start_states
from softpower.simulate.scenario import load_scenario
from softpower.simulate.strategies import instruments, strategies

OBS_COLUMNS = ["actor", "partner", "year", "measure", "value", "fact", "origin"]
POLLS = pd.DataFrame(
    [
        ("JPN", "VNM", 2010, "trust", 0.5, "a", "pewA"),  # the window's first year (2025 - 15)
        ("JPN", "VNM", 2009, "trust", 0.1, "b", "pewA"),  # before the window
        ("JPN", "VNM", 2026, "trust", 0.2, "c", "pewA"),  # after the start year
        ("JPN", "VNM", 2020, "trust", 0.6, "d", "pewA"),
        ("JPN", "VNM", 2022, "trust", 0.7, "e", "pewA"),
        ("JPN", "VNM", 2022, "trust", 0.8, "f", "pewA"),  # two polls in 2022: their mean, 0.75
        ("JPN", "VNM", 2022, "favourable", 0.9, "g", "pewB"),  # same year, less direct
        ("JPN", "PHL", 2005, "trust", 0.9, "h", "pewA"),  # too old: the prior
        ("CHN", "VNM", 2010, "trust", 0.4, "i", "pewA"),  # 15 years old: uncertainty capped
        ("CHN", "VNM", 2024, "helpful", 0.9, "j", "pewA"),  # not a starting measure
        ("CHN", "PHL", 2024, "favourable", 0.3, "k", "pewB"),
        ("CHN", "PHL", 2024, "favourable", 0.35, "l", "pewA"),  # same year and measure: pewA first
        ("KOR", "VNM", 2024, "trust", 0.1, "m", "pewA"),  # not a donor here
        ("JPN", "IND", 2024, "trust", 0.1, "n", "pewA"),  # not a partner here
    ],
    columns=OBS_COLUMNS,
)


def test_start_states_whole_table() -> None:
    st = start_states(POLLS, ("JPN", "CHN"), ("VNM", "PHL"), 2025)
    assert st.table(("JPN", "CHN"), ("VNM", "PHL"), 2025).to_dict(orient="records") == [
        # the level: pewA's trust polls in the window, one value per year: (0.5 + 0.6 + 0.75) / 3
        {"donor": "JPN", "partner": "VNM", "year": 2025, "value": 0.75, "level": 0.6167, "sd": 0.116,
         "source": "trust 2022 (pewA)", "age": 3, "n_polls": 3},
        {"donor": "JPN", "partner": "PHL", "year": 2025, "value": 0.65, "level": 0.65, "sd": 0.2,
         "source": "prior", "age": -1, "n_polls": 0},
        {"donor": "CHN", "partner": "VNM", "year": 2025, "value": 0.4, "level": 0.4, "sd": 0.25,
         "source": "trust 2010 (pewA)", "age": 15, "n_polls": 1},
        {"donor": "CHN", "partner": "PHL", "year": 2025, "value": 0.35, "level": 0.35, "sd": 0.082,
         "source": "favourable 2024 (pewA)", "age": 1, "n_polls":1},
    ]  # fmt: skip
    assert st.t0[0, 0] == 0.75 and st.level[0, 0] == (0.5 + 0.6 + 0.75) / 3
    assert st.n_polls.dtype == np.int_ and st.age.dtype == np.int_  # counts and ages are integers
    # a window of two years leaves Japan-Viet Nam without a poll, China-Philippines with its own
    short = start_states(POLLS, ("JPN", "CHN"), ("VNM", "PHL"), 2025, age_limit=2)
    assert short.source.tolist() == [["prior", "prior"], ["prior", "favourable 2024 (pewA)"]]
    assert short.t0.tolist() == [[0.65, 0.65], [0.45, 0.35]]


def test_no_polls_give_the_declared_priors() -> None:
    st = start_states(pd.DataFrame(columns=OBS_COLUMNS), ("USA", "ZZZ"), ("VNM",), 2025)
    t = st.table(("USA", "ZZZ"), ("VNM",), 2030)
    assert t[["donor", "partner", "year", "sd", "source", "age", "n_polls"]].values.tolist() == [
        ["USA", "VNM", 2030, 0.2, "prior", -1, 0],
        ["ZZZ", "VNM", 2030, 0.2, "prior", -1, 0],
    ]
    assert (t["value"] == t["level"]).all()


def test_the_start_uncertainty_grows_with_age_to_its_cap() -> None:
    np.testing.assert_allclose(
        age_sd(np.array([0, 1, 3, 5, 10, 11, 20])), [0.065, 0.082, 0.116, 0.15, 0.235, 0.25, 0.25]
    )
    assert float(age_sd(2)) == 0.065 + 0.034


SCENARIO = """\
start_year: 2025
horizon: 3
partners: [VNM, PHL]
donors:
  JPN: {strategy: us-profile, budget: 100, growth: 0.1}
changes:
  - {donor: JPN, year: 2026, partners: [PHL], ppp: 0.5}
  - {donor: JPN, year: 2027, budget: 50, allocation: {oda_grant: 1}}
shocks:
  - {type: pandemic, start: 2026, duration: 1, budget_cut: 0.5, health_boost: 1}
  - {type: scale, donor: JPN, instruments: [oda_grant], partners: [VNM], factor: 2, start: 2027}
"""


def test_the_schedule_of_flows_shares_changes_and_shocks(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    sc = load_scenario(path)
    codes = tuple(instruments())
    flow, ef, ppp = _schedule(sc, codes)
    us = strategies()["us-profile"]
    shares = np.array(us.shares())
    health, grant = codes.index("health_cooperation"), codes.index("oda_grant")
    want = np.zeros((3, 1, 2, len(codes)))
    want[0, 0] = 100 * shares  # 2025: the budget as declared, both partners alike
    want[1, 0] = 110 * shares * 0.5  # 2026: grown by 10 %, the pandemic halves every flow ...
    want[1, 0, :, health] *= 2  # ... and doubles health cooperation
    want[2, 0, :, grant] = 50  # 2027: the new budget all in grants (the pandemic is over) ...
    assert sc.partners == ("PHL", "VNM")
    want[2, 0, 1, grant] *= 2  # ... doubled for Viet Nam only
    np.testing.assert_allclose(flow, want, rtol=1e-12)
    # PPP changes for the Philippines only, from 2026 on; equal footing stays the strategy's
    np.testing.assert_array_equal(ppp[:, 0], [[us.ppp, us.ppp], [0.5, us.ppp], [0.5, us.ppp]])
    np.testing.assert_array_equal(ef, np.full((3, 1, 2), us.equal_footing))


# --- observed flows (simulate/flows.py) -------------------------------------------------------


def test_observed_flows_whole(seeds_ledger: Path) -> None:
    from softpower.ledger import Ledger
    from softpower.money import rebase_factor
    from softpower.simulate.flows import DonorFlows, observed_flows

    def ind(actor: str, partners: list[str], year: int, metric: str, usd: float, **basis: object) -> dict:
        return {
            "doc": doc, "kind": "indicator", "actor": actor, "partners": partners, "metric": metric,
            "unit": "USD", "year": year, "value": usd, **basis,
        }  # fmt: skip

    dac = {"amount_basis": "disbursement", "price_basis": "constant", "price_year": 2022}
    with Ledger.open(seeds_ledger) as led:
        doc = led.query("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").iloc[0, 0]
        recs = [
            ind("JPN", [p], y, "oda_disbursement", usd, **dac)
            for y in range(2015, 2023)  # the newest five years count: 2018-2022
            for p, usd in (("BGD", 300e6), ("VNM", 100e6))
        ]
        recs += [
            ind("JPN", ["VNM"], 2007, "oda_disbursement", 9e12, **dac),  # older than the age limit
            ind("JPN", ["VNM", "PHL"], 2020, "oda_disbursement", 9e12, **dac),  # a group: no single partner
            ind("JPN", ["IND"], 2020, "oda_disbursement", 9e12, **dac),  # not a partner of the run
            ind("JPN", ["PHL"], 2020, "aid_commitment", 9e12),  # a lower-ranked source: unused
            # current dollars of each year, rebased; the second-ranked source
            ind("USA", ["VNM"], 2020, "assistance_disbursement", 50e6),
            ind("USA", ["PHL"], 2021, "assistance_disbursement", 150e6),
            ind("CHN", ["VNM"], 2020, "oda_commitments", 0.0),  # nothing to share out: no budget
        ]
        led.import_records(recs, origin="test:flows", source="flows")
        got = observed_flows(led, ("JPN", "USA", "CHN", "KOR"), ("BGD", "PHL", "VNM"), 2023, 15)
        assert observed_flows(led, ("KOR",), ("BGD",), 2023, 15) == {}
    assert observed_flows(None, ("JPN",), ("BGD",), 2023, 15) == {}
    assert list(got) == ["JPN", "USA"]
    f22, f20, f21 = rebase_factor(2022), rebase_factor(2020), rebase_factor(2021)
    jpn, usa = got["JPN"], got["USA"]
    np.testing.assert_allclose(jpn.shares, [0.75, 0.0, 0.25])
    np.testing.assert_allclose(usa.shares, np.array([0.0, 150 * f21, 50 * f20]) / (150 * f21 + 50 * f20))
    assert jpn == DonorFlows("JPN", pytest.approx(400 * f22), jpn.shares, "OECD DAC2A (oecd-dac2a)",  # type: ignore[arg-type]
                             ("oda_disbursement",), "disbursement", (2018, 2022), 2)  # fmt: skip
    assert usa == DonorFlows("USA", pytest.approx((50 * f20 + 150 * f21) / 2), usa.shares,  # type: ignore[arg-type]
                             "US foreign assistance (us-foreign-assistance)", ("assistance_disbursement",),
                             "disbursement", (2020, 2021), 2)  # fmt: skip
    assert jpn.describe() == {
        "budget_musd": round(400 * f22, 1),
        "price_basis": "constant 2023 USD",
        "dataset": "OECD DAC2A (oecd-dac2a)",
        "metrics": ["oda_disbursement"],
        "amount_basis": "disbursement",
        "years": "2018-2022",
        "partners_with_flows": 2,
    }


def test_the_rebase_year_of_a_flow() -> None:
    from softpower.money import rebase_factor
    from softpower.simulate.flows import _factor

    assert _factor("constant", 2015, "USD", 2020) == rebase_factor(2015)  # the stated price year
    assert _factor(None, None, "USD, constant 2010 prices", 2020) == rebase_factor(2010)  # from the unit
    assert _factor(None, float("nan"), "Constant  2012 USD", 2020) == rebase_factor(2012)
    assert _factor(None, None, "USD", 2019) == rebase_factor(2019)  # current dollars of the flow's year
    assert _factor(None, None, None, 2019) == rebase_factor(2019)
    assert np.isnan(_factor(None, 1800, "USD", 2019))  # outside the deflator table
