"""Error classes seen on real public text, fixed as classes (each test uses wording written for it).

The classes come from diagnosing the training half of the real-text corpus
(tests/data/extract/real, `benchmarks/eval_real.py --side train`); no sentence of that corpus is
used here. Each test asserts the behaviour on at least two phrasings so that a rule keyed to one
sentence would fail.
"""

from __future__ import annotations

from typing import Any

import pytest

from softpower.extract import extract_text
from softpower.extract.money import find_money
from softpower.extract.years import find_years


def _kinds(recs: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [r for r in recs if r["kind"] == kind]


# --- one amount stated in two currencies is one amount -------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Korea is giving Rp2.5 billion ($160,000) to Indonesia for flood shelters in 2021.", 2.5e9, "IDR"),
        ("Japan handed over Php30 million (about $600,000) in school kits to the Philippines.", 30e6, "PHP"),
    ],
)
def test_a_bracketed_second_currency_is_not_a_second_amount(text: str, amount: float, currency: str) -> None:
    assert [(m.amount, m.currency) for m in find_money(text)] == [(amount, currency)]
    eng = _kinds(extract_text("t.txt", text), "engagement")
    assert [(r["amount"], r["currency"]) for r in eng] == [(amount, currency)]


def test_two_amounts_joined_by_and_stay_two() -> None:
    money = find_money("a $2 million grant and ($3 million) in loans; $5 million ($1 million of it in kind)")
    assert [m.amount for m in money] == [2e6, 3e6, 5e6, 1e6]


# --- running totals and annual levels are indicators, never acts --------------------------------


@pytest.mark.parametrize(
    ("text", "values", "year"),
    [
        (
            "Since 2005, Japan has provided more than $40 million in demining assistance to Cambodia.",
            [40e6],
            2005,
        ),
        (
            "In the last ten years, Australia has invested over $200 million in Fiji's schools and "
            "$50 million in its clinics.",
            [200e6, 50e6],
            None,
        ),
        ("Korean health programmes in Laos have contributed about $90 million since 2008.", [90e6], 2008),
        (
            "The new shipment of tents brings total Korean support for the flood response in Laos "
            "to about $8 million.",
            [8e6],
            None,
        ),
    ],
)
def test_running_totals_are_indicators_not_engagements(
    text: str, values: list[float], year: int | None
) -> None:
    recs = extract_text("t.txt", text)
    assert not _kinds(recs, "engagement"), recs
    ind = _kinds(recs, "indicator")
    assert [r["value"] for r in ind] == values
    assert all(r["unit"] == "USD" and r["partners"] != ["WORLD"] for r in ind)
    if year is not None:
        assert ind[0]["year"] == year


def test_an_annual_level_is_an_indicator_with_its_own_years() -> None:
    recs = extract_text(
        "t.txt", "New Zealand gave Samoa about $4 million per year in 2018 and 2019 and $6 million in 2020."
    )
    assert not _kinds(recs, "engagement")
    ind = _kinds(recs, "indicator")
    assert [(r["value"], r["year"], r["year_end"]) for r in ind] == [(4e6, 2018, 2019), (6e6, 2020, None)]


@pytest.mark.parametrize(
    ("text", "level", "act", "act_year"),
    [
        (
            "Japan is raising its grant to Timor-Leste from $5 million in 2019 to $7 million in 2021.",
            5e6,
            7e6,
            2021,
        ),
        (
            "Australia will double its aid to Nauru, from $3 million last decade to $6 million.",
            3e6,
            6e6,
            None,
        ),
    ],
)
def test_a_change_from_one_level_to_another_gives_the_old_level_and_the_new_act(
    text: str, level: float, act: float, act_year: int | None
) -> None:
    recs = extract_text("t.txt", text)
    assert [r["value"] for r in _kinds(recs, "indicator")] == [level]
    eng = _kinds(recs, "engagement")
    assert [(r["amount"], r["instrument"]) for r in eng] == [(act, "oda_grant")]
    if act_year is not None:
        assert eng[0]["year"] == act_year


def test_consecutive_years_joined_by_and_are_one_span_but_distant_years_are_two() -> None:
    assert [(y.year, y.year_end) for y in find_years("about $9 million a year in 2016 and 2017")] == [
        (2016, 2017)
    ]
    assert [(y.year, y.year_end) for y in find_years("in 2008 and 2015 it gave")] == [
        (2008, None),
        (2015, None),
    ]


def test_a_project_cost_over_its_life_is_one_act_not_a_total() -> None:
    recs = extract_text("t.txt", "The $12 million Korean water supply project in Laos ran from 2010 to 2018.")
    eng = _kinds(recs, "engagement")
    assert [(r["amount"], r["year"], r["year_end"]) for r in eng] == [(12e6, 2010, 2018)]
    assert not _kinds(recs, "indicator")
    # the same span of years without a project is still a long-run total
    total = extract_text("t.txt", "Korea lent Laos $900 million from 2000 to 2018.")
    assert not _kinds(total, "engagement")


# --- spurious shares and counts --------------------------------------------------------------------


def test_shares_of_the_world_or_of_a_partners_domestic_facts_are_not_indicators() -> None:
    text = (
        "Tuvalu sits astride a route that carries 10 percent of global shipping. "
        "Fiji burns 3 million litres of diesel a year in Suva, 20 percent of which is imported."
    )
    assert not _kinds(extract_text("t.txt", text), "indicator")


def test_shares_of_aid_debt_or_a_projects_cost_stay_indicators() -> None:
    recs = extract_text("t.txt", "China holds about 30 percent of Laos's external debt.")
    assert [(r["actor"], r["partners"], r["value"], r["unit"]) for r in _kinds(recs, "indicator")] == [
        ("CHN", ["LAO"], 30.0, "percent")
    ]


def test_a_day_of_the_month_and_a_number_inside_a_name_are_not_counts() -> None:
    recs = extract_text(
        "t.txt",
        "The Japanese envoy spoke on March 12 at the ministries in Suva. Japan opened 4 COVID-19 clinics in Tonga in 2020.",
    )
    counts = [(r["metric"], r["value"]) for r in _kinds(recs, "indicator")]
    assert counts == [("clinics", 4.0)]


def test_a_total_brought_up_by_a_new_gift_is_an_indicator_even_after_an_abbreviation() -> None:
    text = (
        "This gift brings overall U.S. flood aid to the people of Fiji to nearly F$12 million ($5.4 million)."
    )
    recs = extract_text("t.txt", text)
    assert not _kinds(recs, "engagement")
    assert [(r["value"], r["unit"]) for r in _kinds(recs, "indicator")] == [(12e6, "FJD")]


def test_eval_real_never_shows_the_errors_of_the_evaluation_side(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parent.parent / "benchmarks" / "eval_real.py"
    spec = importlib.util.spec_from_file_location("eval_real", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    called: list[str] = []
    monkeypatch.setattr(mod, "run", lambda *a, **k: called.append("run") or "")
    monkeypatch.setattr("sys.argv", ["eval_real.py", "--side", "eval", "--show-errors"])
    with pytest.raises(SystemExit) as exc:
        mod.main()
    assert exc.value.code == 2 and not called
