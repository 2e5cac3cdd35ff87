"""Error classes fixed as classes: one amount booked once, amounts by proximity, an agreement to build
is the build act, rupees by context (sentences written for these tests)."""

from __future__ import annotations

from softpower.extract import extract_text


def _eng(text: str) -> list[tuple[object, ...]]:
    return [
        (r["actor"], tuple(r["partners"]), r["instrument"], r["amount"], r["currency"])
        for r in extract_text("t.txt", text)
        if r["kind"] == "engagement"
    ]


def test_one_amount_is_booked_once() -> None:
    recs = _eng("In 2014, Beijing provided $412.5 million loan to Cambodia for a highway.")
    assert recs == [("CHN", ("KHM",), "oda_loan", 412.5e6, "USD")]


def test_separate_clauses_stay_separate_acts() -> None:
    recs = _eng(
        "In 2020, Japan gave a USD 3 million grant to Laos for schools, and it gave a USD 3 million grant "
        "to Cambodia for clinics."
    )
    assert [(r[1], r[3]) for r in recs] == [(("LAO",), 3e6), (("KHM",), 3e6)]


def test_each_act_takes_the_amount_nearest_its_instrument_word() -> None:
    recs = _eng("In 2016, China provided a USD 8 million grant and a USD 90 million loan to Myanmar.")
    assert sorted((r[2], r[3]) for r in recs) == [("oda_grant", 8e6), ("oda_loan", 90e6)]


def test_an_agreement_to_build_is_the_build_act() -> None:
    recs = _eng("In 2018, Laos signed an agreement with China for China to build three schools in Vientiane.")
    assert recs and recs[0][2] != "diplomatic_framework" and recs[0][0] == "CHN"
    framework = _eng("In 2018, Laos and China signed an agreement on customs cooperation.")
    assert framework and framework[0][2] == "diplomatic_framework"


def test_rupees_follow_the_rupee_state_of_the_act() -> None:
    assert _eng("In 2019, Japan gave Nepal 200 million rupees for bridges.")[0][4] == "NPR"
    assert _eng("In 2019, India gave Nepal a grant of 200 million rupees for bridges.")[0][4] == "INR"
    assert _eng("In 2019, Japan gave Nepal 200 million Indian rupees for bridges.")[0][4] == "INR"
