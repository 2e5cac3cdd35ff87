"""Known answers for the money, year, entity and sentence normalisers of the extract stage."""

from __future__ import annotations

import pytest

from softpower.extract.entities import find_mentions
from softpower.extract.money import find_money
from softpower.extract.sentences import split_clauses, split_sentences
from softpower.extract.years import find_years


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("JPY 600 billion", 600e9, "JPY"),
        ("1.57 billion yen", 1.57e9, "JPY"),
        ("US$ 44.7 billion", 44.7e9, "USD"),
        ("$970 million", 970e6, "USD"),
        ("USD100 million", 100e6, "USD"),
        ("¥3.7bn", 3.7e9, "JPY"),
        ("RMB 2 billion", 2e9, "CNY"),
        ("USD243.6 million", 243.6e6, "USD"),
        ("$ 3 billion", 3e9, "USD"),
        ("1.8 trillion yen", 1.8e12, "JPY"),
        ("€250m", 250e6, "EUR"),
        ("A$1.5 billion", 1.5e9, "AUD"),
        ("12,500 million won", 12.5e9, "KRW"),
        ("330 million yen", 330e6, "JPY"),
        ("5 billion yuan", 5e9, "CNY"),
        # a sign's figure takes a spaced one-letter scale; a code with a sign; Pacific dollar signs (round 15)
        ("$2 m dollars", 2e6, "USD"),
        ("NZD$8 m", 8e6, "NZD"),
        ("AUD$1.5 million", 1.5e6, "AUD"),
        ("T$10 million", 10e6, "TOP"),
        ("TP$112 million", 112e6, "TOP"),
        ("SI$5 million", 5e6, "SBD"),
        ("WS$3 million", 3e6, "WST"),
        # the code after the sign; the Philippine press's "P" and the Sri Lankan "SLR" (round 17)
        ("$NZD12 million", 12e6, "NZD"),
        ("$FJD4.5m", 4.5e6, "FJD"),
        ("P75.2 million", 75.2e6, "PHP"),
        ("P250,000", 250e3, "PHP"),
        ("SLR 3 billion", 3e9, "LKR"),
        # the kina's "K", the rufiyaa's "Rf", the ngultrum's "Nu", the Canadian dollar (round 18)
        ("K20 million", 20e6, "PGK"),
        ("K150,000", 150e3, "PGK"),
        ("Rf 5 million", 5e6, "MVR"),
        ("Nu. 50 million", 50e6, "BTN"),
        ("C$25 million", 25e6, "CAD"),
        ("CA$2.5 million", 2.5e6, "CAD"),
        ("12 million Canadian dollars", 12e6, "CAD"),
        ("3 million rufiyaa", 3e6, "MVR"),
        ("40 million Swiss francs", 40e6, "CHF"),
    ],
)
def test_money_forms(text: str, amount: float, currency: str) -> None:
    found = find_money(f"The pledge of {text} was made.")
    assert len(found) == 1
    assert found[0].amount == pytest.approx(amount)
    assert found[0].currency == currency


def test_money_span_is_the_stated_amount() -> None:
    text = "Japan pledged JPY 600 billion by March 2024."
    (m,) = find_money(text)
    assert text[m.start : m.end] == "JPY 600 billion"


def test_a_letter_codes_spaced_one_letter_scale_is_not_read() -> None:
    # "RM 5 m of cable": after a code of letters a spaced "m" may be metres; the figure stays unscaled
    assert [m.amount for m in find_money("They bought RM 5 m of cable.")] == [5.0]


def test_plain_numbers_and_years_are_not_money() -> None:
    assert find_money("In 2008 the 1,154 companies signed 13 agreements.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The P5 met in 2019.",
        "See p. 12 million copies.",
        "The P 40 million line.",
        "a p40 million",
        "The K9 unit patrolled.",
        "a k20 million",
        "The K 40 million line.",
        "nu 5 million",
    ],
)
def test_a_p_or_k_is_a_currency_only_in_capitals_touching_a_scaled_or_grouped_figure(text: str) -> None:
    assert [m.currency for m in find_money(text)] == []


@pytest.mark.parametrize(
    ("text", "year", "year_end"),
    [
        ("in 2008", 2008, None),
        ("by March 2024", None, 2024),
        ("from 1999 to 2003", 1999, 2003),
        ("From January 2010 to June 2012", 2010, 2012),
        ("since 2006", 2006, None),
        ("the 1990s", 1990, 1999),
        ("a ten-year plan (2007-2017)", 2007, 2017),
        ("between 2001 and 2005", 2001, 2005),
        ("in early 2023, after talks", 2023, None),
        ("before 2010", None, 2010),
    ],
)
def test_year_forms(text: str, year: int | None, year_end: int | None) -> None:
    first = find_years(text)[0]
    assert (first.year, first.year_end) == (year, year_end)


def test_counts_are_not_years() -> None:
    assert find_years("China sent more than 2000 volunteers abroad.") == []


def test_relative_years_need_the_document_date() -> None:
    assert find_years("Trade grew last year.") == []
    (y,) = find_years("Trade grew last year.", doc_year=2019)
    assert y.year == 2018


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a date in figures with dots, day first, at a sentence's end or inside it
        ("The grant was signed on 15.03.2021.", 2021),
        ("On 5.7.2019 the loan was signed.", 2019),
        # Japan's era years
        ("Grant aid for Reiwa 3 was approved.", 2021),
        ("In FY Heisei 30 the loan was signed.", 2018),
        ("In the first year of Reiwa the loan was signed.", 2019),
        ("In Reiwa Gannen the loan was signed.", 2019),
        ("In Showa 60 the loan was signed.", 1985),
    ],
)
def test_dotted_dates_and_era_years(text: str, year: int) -> None:
    assert [y.year for y in find_years(text)] == [year]


def test_dotted_figures_that_are_no_date_give_no_year() -> None:
    assert find_years("Version 1.2.2021.5 of the software") == []
    assert find_years("Reiwa era officials met.") == []


def test_years_ago_are_counted_back_from_the_document_date() -> None:
    assert find_years("Japan opened the school two years ago.") == []
    assert [y.year for y in find_years("Japan opened the school two years ago.", doc_year=2023)] == [2021]
    assert [y.year for y in find_years("It began a year ago.", doc_year=2023)] == [2022]
    assert [y.year for y in find_years("It began 12 years ago.", doc_year=2023)] == [2011]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a footnote's figures touching a name (an HTML <sup> flattened: "Korea<sup>1</sup>")
        ("In 2020, Korea1 provided $3 million to Cambodia.", ["Korea", "Cambodia"]),
        ("Japan12 and Laos2, with Fiji\u00b9.", ["Japan", "Laos", "Fiji"]),
        # a name run into a longer number, a word or a decimal stays unread
        ("the Japan2025 expo, Korea1st, Japan1.5", []),
    ],
)
def test_a_footnote_mark_after_a_name_leaves_the_name(text: str, found: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_mentions(text)] == found


def test_mentions_names_demonyms_capitals_and_groups() -> None:
    text = "Tokyo and the Philippines joined ASEAN Plus Three talks on the Mekong sub-region with Chinese officials."
    found = {text[m.start : m.end]: m.codes for m in find_mentions(text)}
    assert found["Tokyo"] == ("JPN",)
    assert found["Philippines"] == ("PHL",)
    assert found["ASEAN Plus Three"] == ("APT",)
    assert found["Mekong sub-region"] == ("KHM", "LAO", "MMR", "THA", "VNM")
    assert found["Chinese"] == ("CHN",)


def test_us_dollar_sign_is_not_the_united_states() -> None:
    assert find_mentions("a grant of US$ 5 million") == []


def test_capital_as_a_place_is_not_a_government() -> None:
    (m,) = find_mentions("The summit convened in Kuala Lumpur.")
    assert (m.iso, m.kind) == ("MYS", "place")


def test_sentences_keep_offsets_and_join_wrapped_lines() -> None:
    text = "Japan signed it in 2003. \n\nThe second sentence runs over a wrapped line that is rather long here and \n\ncontinues. Done."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans][0] == "Japan signed it in 2003."
    assert "continues." in text[spans[1][0] : spans[1][1]]
    assert len(spans) == 3


def test_clauses_keep_lists_of_names_together() -> None:
    text = "Japan extended aid to Cambodia, Lao, Myanmar, and Vietnam, and trained officials."
    clauses = [text[a:b] for a, b in split_clauses(text, 0, len(text))]
    assert clauses[0] == "Japan extended aid to Cambodia, Lao, Myanmar, and Vietnam"


def test_cue_table_rows_compile_and_name_known_instruments() -> None:
    import csv
    import re
    from importlib import resources

    from softpower.extract.rules import cue_table
    from softpower.records import vocab

    raw = resources.files("softpower.data").joinpath("extract_instruments.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(raw.splitlines()))
    assert rows
    for row in rows:
        assert row["instrument"] in vocab.instruments(), row
        assert int(row["priority"]) > 0
        re.compile(row["pattern"])
    rx, meta = cue_table()
    assert len(meta) == len(rows)
    assert {m[0] for m in meta} == set(vocab.instruments())


def test_trie_pattern_prefers_the_longest_name() -> None:
    import re

    from softpower.extract.entities import trie_pattern

    rx = re.compile(rf"(?:{trie_pattern(['Korea', 'Korean', 'South Korea', 'Kor'])})(?![a-z])")
    assert [m.group(0) for m in rx.finditer("Korean and South Korea and Kor")] == [
        "Korean",
        "South Korea",
        "Kor",
    ]


def test_hard_wrapped_lines_continue_but_headings_end() -> None:
    text = "Aid in Asia\nJapan extended a loan to\nVietnam in 2019 for a new bridge across the\nRed River. It was large."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Aid in Asia",
        "Japan extended a loan to\nVietnam in 2019 for a new bridge across the\nRed River.",
        "It was large.",
    ]


def test_public_namespace() -> None:
    import softpower.extract as extract

    assert set(extract.__all__) == {
        "ExtractInputError",
        "ExtractResult",
        "Money",
        "SourceText",
        "YearSpan",
        "extract_file",
        "extract_paths",
        "extract_text",
        "find_money",
        "find_years",
        "iter_inputs",
        "read_source",
    }
    for name in extract.__all__:
        assert getattr(extract, name) is not None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Title\n\nSEOUL, 14 June 2022 — South Korea signed ...", "2022-06-14"),
        ("MANILA, March 3, 2021 (Reuters) - Japan ...", "2021-03-03"),
        ("Date: 2020-01-02\nJapan ...", "2020-01-02"),
        ("Weekly\n\n[Ministry of Trade] [Thursday, Apr 4, 2019]\n\nKorea ...", "2019-04-04"),
        ("Some Agency [Friday, Sep 6, 2019]\n", "2019-09-06"),
        ("Army Daily\n2018-03-09 10:15:00\n\nBEIJING ...", "2018-03-09"),
        ("09:30, July 1, 2017\n\nTOKYO, June 30 (Kyodo) -- ...", "2017-07-01"),
        ("date 2021-05-04 Officials said ...", "2021-05-04"),
        # round 10 (x11r): a place in two or three parts, a bracketed place and date, a "[Date]" label,
        # and dates in figures on a line of their own or opening it
        ("Aid Arrives\n\nHONOLULU, Hawaii, Jan. 8, 2019 – The U.S. ...", "2019-01-08"),
        ("SUVA, Fiji, Pacific, 3 May 2016 - New Zealand ...", "2016-05-03"),
        ("(Apia, Samoa | Tuesday, June 4, 2019) – Volunteers ...", "2019-06-04"),
        ("[Title] Grant Aid\n[Date] March 9, 2018\n[Source] Ministry", "2018-03-09"),
        ("Relief Flight\nSUVA, FIJI\n11.28.2016\n\nThe crew ...", "2016-11-28"),
        ("Relief Flight\n28.11.2016\n", "2016-11-28"),
        ("5/14/2019 - YOKOTA AIR BASE, Japan -- Airmen ...", "2019-05-14"),
        ("Signing Ceremony\n2016/10/4\nOn 3rd October ...", "2016-10-04"),
        # round 14 (lead): a source label set off by a dash, a clock time with AM/PM after "Published",
        # and a place with accented letters
        ("Aid Deal\n\nThe Island Times – Monday, November 2, 2015\n\nTHE two ...", "2015-11-02"),
        ("Grants Signed\n\nPosted 10:05 AM, July 9, 2018\n\nCEBU ...", "2018-07-09"),
        ("Visit Ends\n\nNouméa, April 3, 2017\n\nThe minister ...", "2017-04-03"),
        ("The grant of 3 million – 2 May 2019 was paid.", None),
        ("Japan – the largest donor – on 3 March 2021 gave more.", None),
        ("The loan of 3.5 million\n2.5.2019 was the date it ended.", None),
        ("Version 1.2.2019 of the plan", None),
        ("update 2021-05-04 is not a dateline", None),
        ("In 14 June 2022 — nothing but a sentence.", None),
        ("No date near the top at all.", None),
    ],
)
def test_dateline_gives_the_document_date(text: str, date: str | None) -> None:
    from softpower.extract.text import dateline_date

    assert dateline_date(text) == date


def test_seas_and_oceans_are_not_states() -> None:
    text = "Patrols in the South China Sea and the Indian Ocean, then China and India met."
    assert [m.iso for m in find_mentions(text)] == ["CHN", "IND"]


def test_the_receiving_groups_are_the_groups_whose_members_all_receive() -> None:
    from softpower.extract.context import receiving_groups, receiving_states
    from softpower.records import vocab

    assert receiving_groups() == {"ASEAN", "ASEAN6", "CLMV", "PIC"}
    for m in vocab.group_members():
        assert (m.member in receiving_states()) or (m.group not in receiving_groups())
