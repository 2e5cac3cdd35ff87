"""Every refusal of a scenario file, a strategy change and a parameter table, as the whole line.

Each case is a small YAML (or CSV) file and the complete one-line message it must give:
file, field, problem and expectation, word for word. A case pins one error path of
``simulate/scenario.py``, ``strategies.py`` or ``params.py``; the cases next to a bound
(a budget of 0, a share of 1, the last year of the horizon) pin which side of it is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from softpower.errors import InputError
from softpower.simulate.scenario import load_scenario

# A valid scenario every case changes in one place: two donors, two partners, years 2025-2027.
BASE = {
    "start_year": "2025",
    "horizon": "2",
    "partners": "[VNM, PHL]",
    "donors": "{JPN: doux-smart-power, CHN: {strategy: china-four-level}}",
}
INSTRUMENTS = (
    "oda_grant, oda_loan, fund_contribution, technical_cooperation, trade_agreement, "
    "investment_promotion, cultural_institution, people_exchange, science_cooperation, "
    "health_cooperation, disaster_cooperation, diplomatic_framework, security_agreement, military_activity"
)
STRATEGIES = "doux-smart-power, china-four-level, us-profile, hard-power-first"
PARTNER_CODES = "ISO 3166 alpha-3 codes or group codes (ASEAN, PIC, ...)"
PARAMETERS = (
    "half_life_economic, half_life_smart, half_life_soft, half_life_diplomatic, half_life_hard, "
    "w_economic, w_smart, w_soft, w_diplomatic, w_hard, v_hard, s0, unit_value, epsilon, pi_ppp, "
    "theta, ally_factor, alpha, lam, anchor, beta, hedger_factor, rho, budget_scale, noise_sd"
)


def _yaml(**over: str | None) -> str:
    keys = {**BASE, **over}
    return "".join(f"{k}: {v}\n" for k, v in keys.items() if v is not None)


def _message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    monkeypatch.chdir(tmp_path)
    Path("s.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario("s.yaml")
    return str(info.value)


CASES = [
    # the file
    ("a: [1\n", "s.yaml:2: not valid YAML (expected a YAML mapping)"),
    ("- 1\n- 2\n", "s.yaml: top level is a list (expected a YAML mapping)"),
    ("", "s.yaml: partners: missing (expected a list of partner codes (ISO3 or groups))"),
    (
        _yaml(colour="red"),
        "s.yaml: colour: unknown key (expected one of description, lever, extends, start_year, horizon, "
        "runs, seed, noise, partners, donors, changes, shocks, parameters)",
    ),
    (_yaml(extends="nope"), "s.yaml: extends: bad value 'nope' (expected the name of a shipped scenario)"),
    (_yaml(extends="3"), "s.yaml: extends: bad value 3 (expected the name of a shipped scenario)"),
    (
        _yaml(extends="us-health-withdrawal"),
        "s.yaml: extends: 'us-health-withdrawal' extends another scenario (expected a scenario without extends)",
    ),
    # integers and their ranges: the value just outside each bound
    (_yaml(start_year="1949"), "s.yaml: start_year: bad value 1949 (expected an integer from 1950 to 2100)"),
    (_yaml(start_year="2101"), "s.yaml: start_year: bad value 2101 (expected an integer from 1950 to 2100)"),
    (
        _yaml(start_year="'2025'"),
        "s.yaml: start_year: bad value '2025' (expected an integer from 1950 to 2100)",
    ),
    (_yaml(horizon="0"), "s.yaml: horizon: bad value 0 (expected an integer from 1 to 100)"),
    (_yaml(horizon="101"), "s.yaml: horizon: bad value 101 (expected an integer from 1 to 100)"),
    (_yaml(runs="0"), "s.yaml: runs: bad value 0 (expected an integer from 1 to 1000000)"),
    (_yaml(runs="1000001"), "s.yaml: runs: bad value 1000001 (expected an integer from 1 to 1000000)"),
    (_yaml(runs="true"), "s.yaml: runs: bad value True (expected an integer from 1 to 1000000)"),
    (_yaml(runs="2.0"), "s.yaml: runs: bad value 2.0 (expected an integer from 1 to 1000000)"),
    (_yaml(seed="-1"), "s.yaml: seed: bad value -1 (expected an integer from 0 to 9223372036854775807)"),
    (
        _yaml(seed="9223372036854775808"),
        "s.yaml: seed: bad value 9223372036854775808 (expected an integer from 0 to 9223372036854775807)",
    ),
    (_yaml(noise="1"), "s.yaml: noise: bad value 1 (expected true or false)"),
    (_yaml(noise="'false'"), "s.yaml: noise: bad value 'false' (expected true or false)"),
    # partners
    (_yaml(partners=None), "s.yaml: partners: missing (expected a list of partner codes (ISO3 or groups))"),
    (_yaml(partners="[]"), f"s.yaml: partners: bad value [] (expected a non-empty list of {PARTNER_CODES})"),
    (
        _yaml(partners="{VNM: 1}"),
        f"s.yaml: partners: bad value {{'VNM': 1}} (expected a non-empty list of {PARTNER_CODES})",
    ),
    (_yaml(partners="XXX"), f"s.yaml: partners: unknown code 'XXX' (expected {PARTNER_CODES})"),
    (_yaml(partners="[VNM, XXX]"), f"s.yaml: partners[1]: unknown code 'XXX' (expected {PARTNER_CODES})"),
    (_yaml(partners="[VNM, 3]"), f"s.yaml: partners[1]: unknown code 3 (expected {PARTNER_CODES})"),
    (
        _yaml(partners="[VNM, JPN]"),
        "s.yaml: partners: JPN is also a donor (expected partners distinct from donors)",
    ),
    # donors
    (_yaml(donors=None), "s.yaml: donors: missing or empty (expected a mapping of donor code to strategy)"),
    (_yaml(donors="{}"), "s.yaml: donors: missing or empty (expected a mapping of donor code to strategy)"),
    (
        _yaml(donors="[JPN]"),
        "s.yaml: donors: missing or empty (expected a mapping of donor code to strategy)",
    ),
    (
        _yaml(donors="{XXX: doux-smart-power}"),
        "s.yaml: donors.XXX: unknown donor 'XXX' (expected an ISO 3166 alpha-3 country code)",
    ),
    (
        _yaml(donors="{1: doux-smart-power}"),
        "s.yaml: donors.1: unknown donor 1 (expected an ISO 3166 alpha-3 country code)",
    ),
    (_yaml(donors="{JPN: 3}"), f"s.yaml: donors.JPN: no strategy (expected strategy: one of {STRATEGIES})"),
    (
        _yaml(donors="{JPN: {budget: 1}}"),
        f"s.yaml: donors.JPN: no strategy (expected strategy: one of {STRATEGIES})",
    ),
    (
        _yaml(donors="{JPN: nope}"),
        f"s.yaml: donors.JPN.strategy: unknown strategy 'nope' (expected one of {STRATEGIES})",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, partner_weights: [VNM]}}"),
        "s.yaml: donors.JPN.partner_weights: not a mapping (expected partner: weight pairs)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, partner_weights: {XXX: 1}}}"),
        "s.yaml: donors.JPN.partner_weights.XXX: unknown partner 'XXX' (expected an ISO3 or group code)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, partner_weights: {VNM: -0.5}}}"),
        "s.yaml: donors.JPN.partner_weights.VNM: bad weight -0.5 (expected a number >= 0)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, partner_weights: {VNM: .inf}}}"),
        "s.yaml: donors.JPN.partner_weights.VNM: bad weight inf (expected a number >= 0)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, partner_weights: {VNM: true}}}"),
        "s.yaml: donors.JPN.partner_weights.VNM: bad weight True (expected a number >= 0)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, colour: red}}"),
        "s.yaml: donors.JPN.colour: unknown key (expected one of strategy, budget, growth, ppp, "
        "equal_footing, reaction, allocation, partner_weights)",
    ),
    # strategy fields (strategies.check_scalar, check_allocation, modified)
    (
        _yaml(donors="{JPN: {strategy: us-profile, budget: -1}}"),
        "s.yaml: donors.JPN.budget: negative budget -1 (expected a budget >= 0 (million constant USD))",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, budget: '5'}}"),
        "s.yaml: donors.JPN.budget: not a number: '5' (expected a finite number)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, budget: .nan}}"),
        "s.yaml: donors.JPN.budget: not a number: nan (expected a finite number)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, growth: false}}"),
        "s.yaml: donors.JPN.growth: not a number: False (expected a finite number)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, ppp: 1.5}}"),
        "s.yaml: donors.JPN.ppp: share 1.5 outside [0, 1] (expected a share between 0 and 1)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, equal_footing: -0.25}}"),
        "s.yaml: donors.JPN.equal_footing: share -0.25 outside [0, 1] (expected a share between 0 and 1)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, growth: 0.51}}"),
        "s.yaml: donors.JPN.growth: growth 0.51 implausible (expected a yearly rate between -0.5 and 0.5)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, growth: -0.51}}"),
        "s.yaml: donors.JPN.growth: growth -0.51 implausible (expected a yearly rate between -0.5 and 0.5)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, reaction: -0.1}}"),
        "s.yaml: donors.JPN.reaction: negative reaction -0.1 (expected a factor >= 0)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, allocation: 1}}"),
        "s.yaml: donors.JPN.allocation: not a mapping (expected instrument: share pairs)",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, allocation: {aid: 1}}}"),
        f"s.yaml: donors.JPN.allocation.aid: unknown instrument (expected one of {INSTRUMENTS})",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, allocation: {oda_grant: 0.5, oda_loan: 0.4}}}"),
        "s.yaml: donors.JPN.allocation: allocation sums to 0.9 (expected shares summing to 1 (within 1e-6))",
    ),
    (
        _yaml(donors="{JPN: {strategy: us-profile, allocation: {oda_grant: 1.0000011}}}"),
        "s.yaml: donors.JPN.allocation: allocation sums to 1 (expected shares summing to 1 (within 1e-6))",
    ),
    # dated changes (years 2025 and 2026 are simulated)
    (_yaml(changes="{JPN: 1}"), "s.yaml: changes: not a list (expected a list of dated strategy changes)"),
    (_yaml(changes="[3]"), "s.yaml: changes[0]: not a mapping (expected donor, year and fields to change)"),
    (
        _yaml(changes="[{donor: KOR, year: 2026, budget: 1}]"),
        "s.yaml: changes[0].donor: unknown donor 'KOR' (expected one of the scenario's donors (JPN, CHN))",
    ),
    (
        _yaml(changes="[{year: 2026, budget: 1}]"),
        "s.yaml: changes[0].donor: unknown donor None (expected one of the scenario's donors (JPN, CHN))",
    ),
    (
        _yaml(changes="[{donor: JPN, year: 2024, budget: 1}]"),
        "s.yaml: changes[0].year: bad year 2024 (expected a year from 2025 to 2026)",
    ),
    (
        _yaml(changes="[{donor: JPN, year: 2026, budget: 1}, {donor: JPN, year: 2027, budget: 1}]"),
        "s.yaml: changes[1].year: bad year 2027 (expected a year from 2025 to 2026)",
    ),
    (
        _yaml(changes="[{donor: JPN, year: true, budget: 1}]"),
        "s.yaml: changes[0].year: bad year True (expected a year from 2025 to 2026)",
    ),
    (
        _yaml(changes="[{donor: JPN, year: 2026}]"),
        "s.yaml: changes[0]: nothing to change (expected one of budget, growth, ppp, equal_footing, reaction, allocation)",
    ),
    (
        _yaml(changes="[{donor: JPN, year: 2026, reaction: 1}]"),
        "s.yaml: changes[0].reaction: cannot change over time (expected budget, growth, ppp, equal_footing or allocation)",
    ),
    (
        _yaml(changes="[{donor: JPN, year: 2026, partners: [VNM], ppp: 0.5, growth: 0.1, budget: 1}]"),
        "s.yaml: changes[0].partners: limits only ppp and equal_footing, not budget, growth "
        "(expected a separate change without partners)",
    ),
    (
        _yaml(changes="[{donor: JPN, year: 2026, partners: [VNM, ZZZ], ppp: 0.5}]"),
        f"s.yaml: changes[0].partners[1]: unknown code 'ZZZ' (expected {PARTNER_CODES})",
    ),
    (
        _yaml(changes="[{donor: JPN, year: 2026, budget: -5}]"),
        "s.yaml: changes[0].budget: negative budget -5 (expected a budget >= 0 (million constant USD))",
    ),
    (
        _yaml(changes="[{donor: JPN, year: 2026, size: 5}]"),
        "s.yaml: changes[0].size: unknown key (expected one of strategy, budget, growth, ppp, "
        "equal_footing, reaction, allocation, partner_weights)",
    ),
    # shocks
    (_yaml(shocks="{type: scale}"), "s.yaml: shocks: not a list (expected a list of shocks)"),
    (_yaml(shocks="[scale]"), "s.yaml: shocks[0]: not a mapping (expected a shock with type and start)"),
    (
        _yaml(shocks="[{type: flood, start: 2025}]"),
        "s.yaml: shocks[0].type: unknown shock 'flood' (expected one of withdrawal, scale, pandemic, financial_crisis)",
    ),
    (
        _yaml(shocks="[{type: pandemic, start: 2025, factor: 2}]"),
        "s.yaml: shocks[0].factor: unknown key (expected one of budget_cut, donor, donors, duration, "
        "health_boost, instruments, partners, start, type)",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donor: JPN, start: 2027}]"),
        "s.yaml: shocks[0].start: bad year 2027 (expected a year from 2025 to 2026)",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donor: JPN, start: 2024}]"),
        "s.yaml: shocks[0].start: bad year 2024 (expected a year from 2025 to 2026)",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donor: JPN}]"),
        "s.yaml: shocks[0].start: bad year None (expected a year from 2025 to 2026)",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donor: JPN, start: 2025, duration: 0}]"),
        "s.yaml: shocks[0].duration: bad duration 0 (expected a whole number of years >= 1)",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donor: JPN, start: 2025, duration: 1.5}]"),
        "s.yaml: shocks[0].duration: bad duration 1.5 (expected a whole number of years >= 1)",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donor: KOR, start: 2025}]"),
        "s.yaml: shocks[0].donor: unknown code 'KOR' (expected donors of the scenario (JPN, CHN))",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donors: [JPN, KOR], start: 2025}]"),
        "s.yaml: shocks[0].donor[1]: unknown code 'KOR' (expected donors of the scenario (JPN, CHN))",
    ),
    (
        _yaml(shocks="[{type: scale, start: 2025}]"),
        "s.yaml: shocks[0].donor: missing (expected the donor that withdraws or scales)",
    ),
    (
        _yaml(shocks="[{type: withdrawal, start: 2025}]"),
        "s.yaml: shocks[0].donor: missing (expected the donor that withdraws or scales)",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donor: JPN, start: 2025, instruments: [oda_grant, aid]}]"),
        f"s.yaml: shocks[0].instruments[1]: unknown code 'aid' (expected instrument codes ({INSTRUMENTS}))",
    ),
    (
        _yaml(shocks="[{type: withdrawal, donor: JPN, start: 2025, partners: [XXX]}]"),
        f"s.yaml: shocks[0].partners[0]: unknown code 'XXX' (expected {PARTNER_CODES})",
    ),
    (
        _yaml(shocks="[{type: scale, donor: JPN, start: 2025, factor: -1}]"),
        "s.yaml: shocks[0].factor: bad value -1 (expected a number >= 0)",
    ),
    (
        _yaml(shocks="[{type: scale, donor: JPN, start: 2025, factor: .inf}]"),
        "s.yaml: shocks[0].factor: bad value inf (expected a number >= 0)",
    ),
    (
        _yaml(shocks="[{type: scale, donor: JPN, start: 2025, factor: 'x'}]"),
        "s.yaml: shocks[0].factor: bad value 'x' (expected a number >= 0)",
    ),
    (
        _yaml(shocks="[{type: pandemic, start: 2025, budget_cut: 1.01}]"),
        "s.yaml: shocks[0].budget_cut: cut 1.01 above 1 (expected a share between 0 and 1)",
    ),
    (
        _yaml(shocks="[{type: financial_crisis, start: 2025, aid_boost: true}]"),
        "s.yaml: shocks[0].aid_boost: bad value True (expected a number >= 0)",
    ),
    # parameter overrides (params.check_overrides)
    (_yaml(parameters="[lam]"), "s.yaml: parameters: not a mapping (expected parameter: value pairs)"),
    (
        _yaml(parameters="{speed: 1}"),
        f"s.yaml: parameters.speed: unknown parameter (expected one of {PARAMETERS})",
    ),
    (
        _yaml(parameters="{lam: 0.91}"),
        "s.yaml: parameters.lam: bad value 0.91 (expected a number in [0.05, 0.9])",
    ),
    (
        _yaml(parameters="{lam: 0.04}"),
        "s.yaml: parameters.lam: bad value 0.04 (expected a number in [0.05, 0.9])",
    ),
    (
        _yaml(parameters="{lam: '0.5'}"),
        "s.yaml: parameters.lam: bad value '0.5' (expected a number in [0.05, 0.9])",
    ),
    (
        _yaml(parameters="{s0: false}"),
        "s.yaml: parameters.s0: bad value False (expected a number in [30, 300])",
    ),
]


@pytest.mark.parametrize(("text", "message"), CASES)
def test_a_bad_scenario_file_is_one_whole_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    assert _message(tmp_path, monkeypatch, text) == message


def test_an_unknown_scenario_name_lists_the_shipped_ones() -> None:
    with pytest.raises(InputError) as info:
        load_scenario("atlantis")
    assert str(info.value) == (
        "atlantis: no such scenario file or name (expected a YAML file or one of baseline, "
        "china-budget-shrinks, china-lending-slows, japan-asean-equal-footing, "
        "japan-asean-partnership-upgrade, japan-doubles-health-ppp, us-health-withdrawal)"
    )


def test_a_yaml_error_without_a_position_names_no_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a YAML error that carries no problem_mark (a duplicate anchor name is not one; a bad tag is
    # a constructor error with one): the bare file, no line
    import yaml

    from softpower import yamltext

    def boom(text: str, file: str) -> object:
        raise yaml.YAMLError("no position")

    monkeypatch.setattr(yamltext, "load", boom)
    assert _message(tmp_path, monkeypatch, "a: 1\n") == "s.yaml: not valid YAML (expected a YAML mapping)"
