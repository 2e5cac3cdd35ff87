"""Poll reports: shapes of perception statements the rules did not read (round 8, issue 11).

Each class is written in this file's own words, at least two phrasings each; no sentence of any
corpus is used. The classes come from the shapes of statements not found on unseen text
(docs/extract.md "Unseen real text", round 8): poll shares given as a table-like line under a
lead that names the measure and the people asked, a public named by its demonym before a
bracketed share, "confidence in" a state, and a poll whose year is only in its date line.
"""

from __future__ import annotations

from typing import Any

import pytest

from softpower.extract import extract_text
from softpower.extract.text import section_dates


def _perceptions(text: str, year: int | None = None) -> list[tuple[Any, ...]]:
    return [
        (r["actor"], tuple(r["partners"]), r["measure"], r["value"], r["year"])
        for r in extract_text("poll.txt", text, year)
        if r["kind"] == "perception"
    ]


def _kinds(text: str) -> list[str]:
    return [r["kind"] for r in extract_text("poll.txt", text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regional attitudes survey, 2021\n\nShare of Thai respondents who trust each partner:\n"
            "Japan - 64%\nChina - 23%\nUnited States - 45%\n",
            [
                ("JPN", ("THA",), "trust", 0.64, 2021),
                ("CHN", ("THA",), "trust", 0.23, 2021),
                ("USA", ("THA",), "trust", 0.45, 2021),
            ],
        ),
        (
            "In the 2019 wave, Filipino respondents rated how favourable their view of each power is.\n"
            "Australia: 71.5 %\nIndia: 40 %\n",
            [("AUS", ("PHL",), "favourable", 0.715, 2019), ("IND", ("PHL",), "favourable", 0.4, 2019)],
        ),
    ],
)
def test_table_like_share_lines_under_a_poll_lead_are_perceptions(text: str, expected: list[Any]) -> None:
    assert _perceptions(text) == expected


def test_a_share_line_without_a_poll_lead_is_no_perception() -> None:
    text = "Exports by destination:\nJapan - 64%\nChina - 23%\n"
    assert _perceptions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Most Indonesians (65%) view China favourably, a survey conducted in 2020 found.",
            [("CHN", ("IDN",), "favourable", 0.65, 2020)],
        ),
        (
            "Only a minority of Malaysians (38.5 per cent) say they trust Japan, according to the 2018 poll.",
            [("JPN", ("MYS",), "trust", 0.385, 2018)],
        ),
    ],
)
def test_a_public_named_before_its_bracketed_share(text: str, expected: list[Any]) -> None:
    assert _perceptions(text) == expected
    assert "engagement" not in _kinds(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In a 2019 poll, 72% of Filipinos said they have confidence in the United States.",
            [("USA", ("PHL",), "trust", 0.72, 2019)],
        ),
        (
            "The 2022 survey found 54 per cent of respondents in Vietnam were confident that Japan would do the right thing.",
            [("JPN", ("VNM",), "trust", 0.54, 2022)],
        ),
    ],
)
def test_confidence_in_a_state_is_trust(text: str, expected: list[Any]) -> None:
    assert _perceptions(text) == expected
    assert "engagement" not in _kinds(text)


def test_no_confidence_is_not_trust() -> None:
    text = "In a 2019 poll, 30% of Filipinos said they have no confidence in China."
    assert _perceptions(text) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "Pacific attitudes poll\nPublished 14 March 2023\n\n"
            "61 per cent of Fijians surveyed have a favourable view of Australia.",
            2023,
        ),
        (
            "Posted on 2 June 2021\n\nAsked about their neighbours, 48% of respondents in Samoa said they trust New Zealand.",
            2021,
        ),
    ],
)
def test_a_poll_share_without_a_year_takes_its_date_line(text: str, year: int) -> None:
    got = _perceptions(text)
    assert len(got) == 1 and got[0][4] == year


@pytest.mark.parametrize(
    ("line", "year"),
    [("Published 14 March 2023", 2023), ("Posted on 2 June 2021", 2021), ("Updated 5 Jan 2019", 2019)],
)
def test_published_lines_without_a_colon_are_date_lines(line: str, year: int) -> None:
    assert [y for _, y in section_dates(f"{line}\n\nJapan signed a loan with Laos.")] == [year]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On how they rated their country's ties with Korea, 70% of the respondents in Laos and Cambodia "
            "answered “friendly” in the 2019 survey.",
            [("KOR", ("KHM", "LAO"), "friendly", 0.7, 2019)],
        ),
        (
            "Asked about Australia in the 2022 survey, 64 per cent of the respondents in Fiji said it was a "
            "trustworthy partner.",
            [("AUS", ("FJI",), "trust", 0.64, 2022)],
        ),
    ],
)
def test_the_state_named_before_the_share_is_the_judged_one(text: str, expected: list[Any]) -> None:
    got = [(a, tuple(sorted(p)), m, v, y) for a, p, m, v, y in _perceptions(text)]
    assert got == expected
    assert "engagement" not in _kinds(text)


def _counts(text: str) -> list[tuple[Any, ...]]:
    return [
        (r["actor"], tuple(r["partners"]), r["value"])
        for r in extract_text("goods.txt", text)
        if r["kind"] == "indicator" and r["unit"] == "count"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Australia's HMAS Adelaide delivered more than 40 tonnes of relief supplies to Fiji in 2016.",
            [("AUS", ("FJI",), 40.0)],
        ),
        (
            "In 2013 the United States Air Force flew 12 flights carrying 60 metric tons of food to the Philippines.",
            [("USA", ("PHL",), 12.0), ("USA", ("PHL",), 60.0)],
        ),
        (
            "Japan handed over 25 trucks and 300 ventilators to Sri Lanka in 2021.",
            [("JPN", ("LKA",), 25.0), ("JPN", ("LKA",), 300.0)],
        ),
        (
            "In 2021 Korea pledged to share 2 million COVID-19 vaccines with Vietnam.",
            [("KOR", ("VNM",), 2e6)],
        ),
    ],
)
def test_counted_goods_and_their_carriers_are_count_indicators(text: str, expected: list[Any]) -> None:
    assert _counts(text) == expected
