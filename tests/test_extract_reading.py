"""The reading view: invisible format characters and compatibility forms do not hide a statement,
and every span still indexes into the stored text."""

from __future__ import annotations

from typing import Any

import pytest

from softpower.extract.money import find_money
from softpower.extract.pipeline import extract_text
from softpower.extract.reading import reading_view


def _one(text: str) -> dict[str, Any]:
    recs = [r for r in extract_text("doc.txt", text, 2021) if r["kind"] == "engagement"]
    assert len(recs) == 1, recs
    a, b = recs[0]["span"]
    assert recs[0]["quote"] == text[a:b]
    return recs[0]


@pytest.mark.parametrize(
    "text",
    [
        # a soft hyphen (HTML &shy;) inside the partner's name
        "Tokyo, 12 March 2021. Japan provided a grant of US$5 million to the Philip\u00adpines for flood control.",
        # a zero-width space inside the partner's name and a zero-width joiner inside the actor's
        "Seoul, 2 April 2021. Ko\u200drea gave a US$5 million grant to Viet\u200bnam for rural clinics.",
    ],
)
def test_a_name_split_by_an_invisible_character_is_still_the_partner(text: str) -> None:
    rec = _one(text)
    assert rec["partners"] in (["PHL"], ["VNM"])
    assert rec["amount"] == 5_000_000 and rec["currency"] == "USD"
    assert "\u00ad" in rec["quote"] or "\u200b" in rec["quote"]  # the stored text, unchanged


@pytest.mark.parametrize(
    ("money", "amount"),
    [("\uff35\uff33\uff04\uff15 million", 5_000_000), ("\uff35\uff33\uff24 3.5 million", 3_500_000)],
)
def test_full_width_figures_are_read_as_their_ascii_forms(money: str, amount: float) -> None:
    text = f"Tokyo, 12 March 2021. Japan provided a grant of {money} to the Philippines for flood control."
    rec = _one(text)
    assert (rec["amount"], rec["currency"]) == (amount, "USD")
    assert money in rec["quote"]


@pytest.mark.parametrize("name", ["Paci\ufb01c Islands Forum", "Paci\ufb01c Island countries"])
def test_a_ligature_inside_a_group_name_does_not_hide_the_group(name: str) -> None:
    text = (
        "Canberra, 3 May 2020. China lent US$7 million to Laos for a road.\n\n"
        f"Japan provided US$2 million to the {name} for fisheries in 2020."
    )
    recs = [r for r in extract_text("doc.txt", text, 2020) if r["actor"] == "JPN"]
    assert len(recs) == 1
    assert recs[0]["partners"] != ["LAO"] and "LAO" not in recs[0]["partners"]
    a, b = recs[0]["span"]
    assert "\ufb01" in text[a:b] and recs[0]["quote"] == text[a:b]


def test_a_text_without_such_characters_is_read_as_stored() -> None:
    assert reading_view("Japan provided US$2 million to Fiji in 2020.") is None


def test_view_spans_map_back_over_dropped_and_expanded_characters() -> None:
    stored = "a\u00adb \ufb01x \uff15"
    view = reading_view(stored)
    assert view is not None
    assert view.text == "ab fix 5"
    # "ab" covers the soft hyphen; "fi" (two view characters) is the one ligature; "5" the full-width digit
    assert view.stored_span(0, 2) == (0, 3)
    assert view.stored_span(3, 4) == (4, 5)
    assert view.stored_span(3, 6) == (4, 6)
    assert view.stored_span(7, 8) == (7, 8)
    assert stored[slice(*view.stored_span(0, len(view.text)))] == stored


@pytest.mark.parametrize(
    "text",
    [
        "VIENTIANE, 5 AUGU\u017fT 2019 - Japan gave two thou\u017fand yen to Laos.",
        "Japan gave $5 thou\u017fand to Laos in 2019.",
        "Japan gave 5 million dollar\u017f to Laos in 2019.",
        "Japan gave 5 m\u0131llion yen to Laos in 2019.",
        "Japan gave 5 M\u0130LLION yen to Laos in 2019.",
        "Japan trained 300 nur\u017fes in Laos in 2019.",
        "Japan gave 5 million rupee\u017f to Laos in 2019.",
        "Japan gave US$5 million to Laos in 2019 (about \u00a5500 m\u0131ll\u0131on).",
    ],
)
def test_letters_a_case_blind_pattern_reads_as_ascii_are_read_as_ascii(text: str) -> None:
    # the long s and the dotless and dotted i match "s" and "i" case-blind, but no lower-case table
    # has them: each raised KeyError and lost the document; now the text reads as its ASCII twin
    twin = text.replace("\u017f", "s").replace("\u0131", "i").replace("\u0130", "I")
    got, want = extract_text("t.txt", text), extract_text("t.txt", twin)
    assert want and [{**r, "quote": None} for r in got] == [{**r, "quote": None} for r in want]
    assert [r["quote"] for r in got] == [text[slice(*r["span"])] for r in got]
    assert [(m.amount, m.currency) for m in find_money(text)] == [
        (m.amount, m.currency) for m in find_money(twin)
    ]
