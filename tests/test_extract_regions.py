"""Regional partners: "the Pacific" and "the region" read as the group a text means (round 16, x17v).

The class comes from the grouped cross-validation of the real-text corpus's training half: found records
whose partner the text names only as a region ("aid funding for the Pacific", "our Pacific partners",
"new assistance to the region") were read as ``WORLD`` or as a state named elsewhere. The sentences
below are written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from softpower.extract import extract_text
from softpower.extract.entities import document_region, find_mentions, the_region


def _engagements(text: str, year: int = 2023) -> list[dict[str, Any]]:
    return [r for r in extract_text("t.txt", text, year, learned=False) if r["kind"] == "engagement"]


@pytest.mark.parametrize(
    "text",
    [
        "Funding for the Pacific grew.",
        "Ministers met our Pacific partners.",
        "It is part of our Pacific family.",
        "Budget support went to several Pacific Governments.",
        "Visas were eased for Pacific nationals.",
        "Aid to the Pacific region rose.",
    ],
)
def test_the_pacific_named_alone_is_the_pacific_island_countries(text: str) -> None:
    assert [m.codes for m in find_mentions(text)] == [("PIC",)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("A fund for Asia and the Pacific.", []),
        ("Growth in the Asia-Pacific slowed.", []),
        ("The Asia Pacific region grew.", []),
        ("An Indo-Pacific strategy.", []),
        ("A trans-Pacific cable.", []),
        ("Storms over the North Pacific.", []),
        ("The Pacific Ocean is wide.", []),
        ("Money from the Pacific Pledge.", []),
        ("Pacific Partnership arrived in Fiji.", ["Pacific Partnership", "Fiji"]),
        ("The Pacific Islands Forum met.", ["Pacific Islands Forum"]),
    ],
)
def test_the_pacific_inside_a_wider_region_or_a_name_is_not_the_group(text: str, names: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_mentions(text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "In 2021, New Zealand announced $20 million for climate resilience in the Pacific.",
        "Australia committed $12 million in 2022 to our Pacific partners for coastal roads.",
    ],
)
def test_an_act_toward_the_pacific_has_the_group_as_partner(text: str) -> None:
    assert [r["partners"] for r in _engagements(text)] == [["PIC"]]


def test_a_fund_for_asia_and_the_pacific_does_not_make_the_group_a_partner() -> None:
    text = (
        "In 2020, Japan gave Cambodia a $3 million grant from its fund for Asia and the Pacific for schools."
    )
    assert [r["partners"] for r in _engagements(text)] == [["KHM"]]


def test_the_region_is_named_without_naming_it() -> None:
    assert the_region("help to the region", 0, 18)
    assert the_region("the people of our region", 0, 24)
    assert not the_region("regional programmes", 0, 19)
    assert not the_region("the regional office", 0, 19)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Fiji, Tonga and Samoa met. The Pacific Islands Forum opened. Vietnam watched.", "PIC"),
        ("Vietnam and Laos agreed. Cambodia and Thailand joined. ASEAN welcomed it.", "ASEAN"),
        ("Fiji and Vietnam signed.", None),  # neither region dominates
        ("Japan met Fiji.", None),  # named once
    ],
)
def test_the_region_of_a_document_is_the_group_it_names_most(text: str, region: str | None) -> None:
    assert document_region(text) == region


@pytest.mark.parametrize(
    ("lead", "region"),
    [
        ("Fiji, Tonga, Samoa and Vanuatu welcomed the Pacific Islands Forum's new plan.", "PIC"),
        ("Vietnam, Laos and Cambodia welcomed ASEAN's new plan with Thailand.", "ASEAN"),
    ],
)
def test_assistance_to_the_region_goes_to_the_region_the_document_is_about(lead: str, region: str) -> None:
    text = f"{lead}\n\nIn 2019, the United States announced $100 million in new assistance to the region."
    eng = [r for r in _engagements(text) if r["amount"] == 100e6]
    assert [r["partners"] for r in eng] == [[region]]
    # without "the region" the act keeps the reading it had (the document's main state or WORLD)
    plain = text.replace(" to the region", "")
    assert [r["partners"] for r in _engagements(plain) if r["amount"] == 100e6] != [[region]]


# --- the meeting a sentence reports after the trip that brought its visitor ----------------------------

_LAO = (
    "Japan-Laos Foreign Ministers' Meeting\n\nMay 3, 2019\n\nOn May 3, commencing at 4:00 p.m. for about 30 "
    "minutes, Mr. Taro Aso, Minister for Foreign Affairs, who is visiting Thailand to attend the ASEAN-related "
    "Foreign Ministers' Meetings, held a meeting with Mr. Don, Minister of Foreign Affairs of the Lao People's "
    "Democratic Republic. The overview is as follows."
)
_PHL = (
    "Japan-Philippines Summit Meeting\n\nJune 9, 2021\n\nOn June 9, for about 40 minutes, Mr. Suga, Prime "
    "Minister of Japan, who is visiting Indonesia to attend the East Asia Summit, held a Summit Meeting with the "
    "President of the Republic of the Philippines. The overview is as follows."
)


@pytest.mark.parametrize(
    ("text", "trip", "met"), [(_LAO, ["THA", "ASEAN"], "LAO"), (_PHL, ["IDN", "EAS"], "PHL")]
)
def test_a_meeting_held_during_a_trip_to_a_conference_is_an_act_toward_the_state_met(
    text: str, trip: list[str], met: str
) -> None:
    eng = [r for r in extract_text("t.txt", text, None, learned=False) if r["kind"] == "engagement"]
    assert [(r["actor"], r["partners"], r["instrument"]) for r in eng] == [
        ("JPN", trip, "diplomatic_framework"),  # attending the conference stays an act of its own
        ("JPN", [met], "diplomatic_framework"),
    ]
    assert text[eng[1]["span"][0] :].startswith("held")


def test_a_trip_with_no_meeting_reported_after_it_gives_one_record() -> None:
    text = _LAO.replace("held a meeting with", "spoke about the ties with")
    eng = [r for r in extract_text("t.txt", text, None, learned=False) if r["kind"] == "engagement"]
    assert [r["partners"] for r in eng if "LAO" in r["partners"] and "THA" not in r["partners"]] == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The first United States-Pacific Island Country Summit met.", ("PIC",)),
        ("The Presidents of the Freely Associated States met.", ("FSM", "MHL", "PLW")),
    ],
)
def test_named_groups_of_pacific_states_are_read(text: str, codes: tuple[str, ...]) -> None:
    assert [m.codes for m in find_mentions(text) if m.iso is None] == [codes]


def test_the_recall_model_reads_the_bare_word_as_a_word_and_named_groups_as_groups() -> None:
    from softpower.extract.learned.recall import delexicalise

    assert "Pacific" in delexicalise("Aid to the Pacific rose.")
    assert "xgroupx" not in delexicalise("Aid to the Pacific rose.")
    assert "xgroupx" in delexicalise("Aid to Pacific island countries rose.")
