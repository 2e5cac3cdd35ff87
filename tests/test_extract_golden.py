"""Golden sentences (written for these tests, not taken from the seeds) and a should-not-match file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from softpower.extract import extract_text
from softpower.records.models import RECORD_KEYS, parse_record

DATA = Path(__file__).resolve().parent / "data" / "extract"
CASES = [
    json.loads(line) for line in (DATA / "golden.jsonl").read_text(encoding="utf-8").splitlines() if line
]
NEGATIVES = [
    line
    for line in (DATA / "should_not_match.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def _fits(rec: dict[str, Any], exp: dict[str, Any]) -> bool:
    for key, value in exp.items():
        if key == "partners":
            if not set(value) <= set(rec["partners"]):
                return False
        elif isinstance(value, float):
            if rec[key] is None or rec[key] != pytest.approx(value):
                return False
        elif rec[key] != value:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_sentence(case: dict[str, Any]) -> None:
    records = extract_text("golden.txt", case["text"])
    for exp in case["expect"]:
        assert any(_fits(r, exp) for r in records), (exp, records)


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_should_not_match(sentence: str) -> None:
    assert [r for r in extract_text("neg.txt", sentence) if r["kind"] == "engagement"] == []


def test_records_are_valid_and_quotes_match_spans() -> None:
    text = "\n\n".join(c["text"] for c in CASES)
    records = extract_text("all.txt", text)
    assert records
    for rec in records:
        assert tuple(rec) == (*RECORD_KEYS, "confidence")
        a, b = rec["span"]
        assert rec["quote"] == text[a:b]
        parse_record(rec)  # raises on any invalid code, year or value


def test_collective_act_gives_one_record_per_donor_member() -> None:
    text = "In 2010, the East Asia Summit convened in Hanoi and adopted a declaration on connectivity."
    actors = {r["actor"] for r in extract_text("c.txt", text) if r["partners"] == ["EAS"]}
    assert {"JPN", "CHN", "KOR", "USA"} <= actors


def test_symmetric_act_credits_the_donor() -> None:
    (rec,) = extract_text("s.txt", "Vietnam and Japan signed a memorandum of understanding in 2014.")
    assert (rec["actor"], rec["partners"], rec["year"]) == ("JPN", ["VNM"], 2014)


def test_repeat_statistics_are_recorded_once() -> None:
    text = "Since 2005, China has opened 30 Confucius Institutes in Africa. Critics note the 30 Confucius Institutes."
    assert len([r for r in extract_text("r.txt", text) if r["kind"] == "indicator"]) == 1


def test_perception_without_figure_keeps_null_value() -> None:
    text = "In 2019, fewer respondents from Thailand said that the United States takes their interests into account."
    (rec,) = extract_text("p.txt", text)
    assert (rec["kind"], rec["actor"], rec["partners"], rec["measure"], rec["value"]) == (
        "perception",
        "USA",
        ["THA"],
        "considers_interests",
        None,
    )


def test_deterministic() -> None:
    text = "\n\n".join(c["text"] for c in CASES)
    assert extract_text("d.txt", text) == extract_text("d.txt", text)


def test_a_group_subject_is_not_replaced_by_the_previous_actor() -> None:
    text = "Japan gave grant aid to Laos in 2001. The European Union pledged €1 billion to ASEAN in 2021."
    actors = [(r["actor"], r["year"]) for r in extract_text("g.txt", text) if r["kind"] == "engagement"]
    assert actors == [("JPN", 2001)]


def test_planned_counts_are_not_indicators() -> None:
    assert extract_text("f.txt", "Seoul will send 20 volunteers to Laos next year.") == []


def test_headings_give_no_records() -> None:
    assert extract_text("h.txt", "Health Cooperation Programme\nJapan's diplomacy is changing.") == []


def test_clause_partners_do_not_leak_from_other_clauses() -> None:
    text = "In 2022, Solomon Islands signed a security agreement with China, a move that alarmed Canberra and Washington."
    (rec,) = [r for r in extract_text("p.txt", text) if r["kind"] == "engagement"]
    assert rec["partners"] == ["SLB"]


def test_a_country_inside_a_programme_name_is_not_the_actor() -> None:
    text = "Japan runs many health programmes. The Medical Excellence Vietnam hub trains healthcare entrepreneurs."
    recs = [r for r in extract_text("n.txt", text) if r["kind"] == "engagement"]
    assert recs and all(r["actor"] == "JPN" for r in recs)


def test_words_inside_an_organisation_name_are_not_cues() -> None:
    text = "In 2010, Japan funded the Association for Overseas Technical Scholarships in Tokyo."
    assert [r["instrument"] for r in extract_text("o.txt", text) if r["kind"] == "engagement"] == []


def test_records_the_model_rejects_are_dropped() -> None:
    assert extract_text("y.txt", "In 2099, Japan provided a grant of $5 million to Laos.") == []


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        # experts, specialists or technicians sent: technical cooperation (AidData's free-standing technical assistance)
        ("In 2015, China sent three rice-growing specialists to Togo.", "technical_cooperation"),
        (
            "In 2012, Korea dispatched five agricultural technicians to Laos for a year.",
            "technical_cooperation",
        ),
        # ... but medical experts sent are health cooperation, as before
        ("In 2018, China sent a team of medical experts to Malawi.", "health_cooperation"),
        # a Confucius classroom or centre written in lower case is still the cultural institution
        (
            "In 2016, China agreed to open a Confucius classroom at a secondary school in Chile.",
            "cultural_institution",
        ),
        # the verb "grant" whose object is scholarships, and study grants, are people exchange, not a grant
        ("In 2014, China grants 40 more scholarships to students from Zambia every year.", "people_exchange"),
        ("In 2019, Japan awarded study grants to 12 students from Kenya.", "people_exchange"),
        ("In 2017, Japan provided a grant of $3 million to Kenya for school buildings.", "oda_grant"),
    ],
)
def test_cue_rows_for_experts_sent_confucius_classrooms_and_scholarships_granted(
    text: str, instrument: str
) -> None:
    recs = [r for r in extract_text("c.txt", text, learned=False) if r["kind"] == "engagement"]
    assert [r["instrument"] for r in recs] == [instrument]
