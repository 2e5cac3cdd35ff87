"""Regional writing conventions: Indian lakh-crore, dot and space digit grouping; Thai Buddhist Era datelines."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from softpower.extract.money import DIGIT_GROUPS, find_money
from softpower.extract.pipeline import extract_file
from softpower.extract.sentences import split_sentences


def _records(tmp_path: Path, text: str) -> tuple[list[dict[str, Any]], list[str]]:
    path = tmp_path / "doc.txt"
    path.write_text(text + "\n", encoding="utf-8")
    res = extract_file(path)
    assert res.error is None
    return res.records, res.warnings


@pytest.mark.parametrize(
    ("written", "amount", "currency"),
    [
        ("Rs 1,00,000 crore", 1e12, "INR"),
        ("INR 12,34,56,789", 123_456_789, "INR"),
        ("US$1,000,000", 1_000_000, "USD"),  # Western grouping unchanged
        ("US$12,345", 12_345, "USD"),
        ("Rp 1.500.000.000", 1.5e9, "IDR"),  # dot-grouped thousands (Indonesia, much of Europe)
        ("12.500.000,50 euros", 12_500_000.5, "EUR"),  # ... with a decimal comma
        ("US$ 2 500 000", 2_500_000, "USD"),  # space-grouped thousands
        ("US$\u00a05\u202f000", 5_000, "USD"),  # one group after a currency sign; no-break and thin spaces
        ("US$ 1.5 million", 1_500_000, "USD"),  # one dot is a decimal point, as before
        ("1.500 dollars", 1.5, "USD"),
    ],
)
def test_digit_groups_of_both_systems_give_the_whole_amount(
    written: str, amount: float, currency: str
) -> None:
    text = f"India provided {written} to Bhutan for hydropower."
    found = find_money(text, 0, len(text))
    assert [(m.amount, m.currency) for m in found] == [(amount, currency)]


@pytest.mark.parametrize(
    ("sentence", "metric", "value"),
    [
        ("India gifted 1,50,000 doses of vaccine to Nepal in 2021.", "vaccine_doses", 150_000),
        ("India trained 2,50,000 Afghan officials between 2010 and 2020.", None, 250_000),
        ("Japan donated 1 500 000 doses of vaccine to Vietnam in 2021.", "vaccine_doses", 1_500_000),
    ],
)
def test_a_count_in_lakh_grouping_is_read_whole(
    tmp_path: Path, sentence: str, metric: str | None, value: float
) -> None:
    recs, _ = _records(tmp_path, f"New Delhi, 4 March 2021. {sentence}")
    values = [r["value"] for r in recs if r["kind"] == "indicator"]
    assert value in values
    assert 1.0 not in values and 150.0 not in values and 250.0 not in values
    if metric is not None:
        assert any(r["metric"] == metric for r in recs if r["kind"] == "indicator")


@pytest.mark.parametrize("dateline", ["Bangkok, 5 May 2564 B.E.", "BANGKOK, 12 January 2564 BE —"])
def test_a_buddhist_era_dateline_dates_the_document_in_the_common_era(tmp_path: Path, dateline: str) -> None:
    recs, warnings = _records(
        tmp_path, f"{dateline} Japan provided a grant of 300 million yen to Thailand for flood control."
    )
    assert [r["year"] for r in recs if r["kind"] == "engagement"] == [2021]
    assert warnings == []


@pytest.mark.parametrize("dateline", ["Bangkok, 5 May 2564.", "Manila, 3 March 1875 —"])
def test_a_dateline_year_no_record_may_carry_is_ignored_with_a_warning_not_the_records(
    tmp_path: Path, dateline: str
) -> None:
    recs, warnings = _records(
        tmp_path, f"{dateline} Japan provided a grant of 300 million yen to Thailand for flood control."
    )
    assert [(r["actor"], r["partners"], r["year"]) for r in recs if r["kind"] == "engagement"] == [
        ("JPN", ["THA"], None)
    ]
    assert len(warnings) == 1 and "doc.txt:1" in warnings[0] and "outside 1945.." in warnings[0]


def test_space_groups_in_a_count_need_two_groups_so_small_figures_are_not_joined() -> None:
    rx = re.compile(rf"(?<![\w.,])(?:{DIGIT_GROUPS})")
    assert rx.match("1 500 000 doses").group() == "1 500 000"
    assert rx.match("12 500 students") is None  # one space group outside money: two figures, not 12,500


@pytest.mark.parametrize(
    ("written", "amount", "currency"),
    [
        ("two billion yen", 2e9, "JPY"),
        ("half a billion dollars", 5e8, "USD"),
        ("twenty-five million US dollars", 25e6, "USD"),
        ("one hundred million yen", 1e8, "JPY"),
        ("Seventy two thousand euros", 72e3, "EUR"),
        ("TWO MILLION DOLLARS", 2e6, "USD"),
    ],
)
def test_an_amount_written_in_words_is_an_amount(written: str, amount: float, currency: str) -> None:
    text = f"Japan gave {written} to Cambodia in 2020 for demining."
    found = find_money(text, 0, len(text))
    assert [(m.amount, m.currency, text[m.start : m.end]) for m in found] == [(amount, currency, written)]


@pytest.mark.parametrize(
    "text", ["Japan gave one dollar.", "Japan trained two million people.", "a million thanks"]
)
def test_words_without_a_scale_and_a_currency_are_no_amount(text: str) -> None:
    assert find_money(text, 0, len(text)) == []


def test_an_engagement_stated_in_words_carries_its_amount(tmp_path: Path) -> None:
    recs, _ = _records(tmp_path, "Japan gave two billion yen to Cambodia in 2020 for demining.")
    assert [(r["actor"], r["amount"], r["currency"]) for r in recs if r["kind"] == "engagement"] == [
        ("JPN", 2e9, "JPY")
    ]


@pytest.mark.parametrize(
    ("text", "actor", "partner", "amount", "currency"),
    [
        # a currency abbreviation's full stop is not a sentence's end: the act keeps its amount and year
        ("In 2020, India provided Rs. 50 crore in grant assistance to Sri Lanka.", "IND", "LKA", 5e8, "INR"),
        ("In 2016, Japan granted Rp. 2 billion to Indonesia.", "JPN", "IDN", 2e9, "IDR"),
        ("In 2016, Japan granted Tk. 2 billion to Bangladesh.", "JPN", "BGD", 2e9, "BDT"),
        # "Rs" is as unqualified as "rupees": the rupee of the state involved
        (
            "In 2020, Japan provided Rs. 50 million in grant assistance to Sri Lanka.",
            "JPN",
            "LKA",
            5e7,
            "LKR",
        ),
        ("In 2020, Japan provided Rs 50 million in grant assistance to Nepal.", "JPN", "NPL", 5e7, "NPR"),
        # the currencies of Pacific states, by name
        ("In 2016, Japan granted 2 million vatu to Vanuatu.", "JPN", "VUT", 2e6, "VUV"),
        ("In 2016, Japan granted 2 million pa\u2019anga to Tonga.", "JPN", "TON", 2e6, "TOP"),
        (
            "In 2016, Japan granted 2 million Solomon Islands dollars to Solomon Islands.",
            "JPN",
            "SLB",
            2e6,
            "SBD",
        ),
        # a bare "¥" in an act of China's is the yuan; Japan's stays the yen, and "JP¥" is always the yen
        ("In 2018, China provided ¥200 million in grant aid to Cambodia.", "CHN", "KHM", 2e8, "CNY"),
        ("In 2018, Japan provided ¥200 million in grant aid to Cambodia.", "JPN", "KHM", 2e8, "JPY"),
        ("In 2018, China provided JP¥200 million in grant aid to Cambodia.", "CHN", "KHM", 2e8, "JPY"),
        # the common abbreviations of two Pacific states
        ("In 2016, the US gave $2 million to the FSM for climate adaptation.", "USA", "FSM", 2e6, "USD"),
        ("In 2016, Japan gave $2 million to the RMI for clean water.", "JPN", "MHL", 2e6, "USD"),
        # New Zealand by its Maori name, alone or before the English one
        ("In 2019, Aotearoa New Zealand granted NZ$5 million to Samoa.", "NZL", "WSM", 5e6, "NZD"),
        ("In 2019, Aotearoa granted NZ$5 million to Samoa.", "NZL", "WSM", 5e6, "NZD"),
    ],
)
def test_currency_abbreviations_signs_and_pacific_names(
    tmp_path: Path, text: str, actor: str, partner: str, amount: float, currency: str
) -> None:
    recs, _ = _records(tmp_path, text)
    got = [
        (r["actor"], r["partners"], r["amount"], r["currency"], r["year"])
        for r in recs
        if r["kind"] == "engagement"
    ]
    assert got == [(actor, [partner], amount, currency, int(text[3:7]))]


def test_a_currency_stop_before_a_word_still_ends_the_sentence() -> None:
    text = "The fee was paid in Rs. The grant followed."
    assert [text[a:b] for a, b in split_sentences(text)] == ["The fee was paid in Rs.", "The grant followed."]


@pytest.mark.parametrize(
    ("written", "found"),
    [
        # a range whose scale is written once, after its upper bound: the scale holds for both bounds
        ("AUD 3-5 million", [(3e6, "AUD", "AUD 3"), (5e6, "AUD", "5 million")]),
        ("US$1.5\u20132 billion", [(1.5e9, "USD", "US$1.5"), (2e9, "USD", "2 billion")]),
        ("$3 to 5 million", [(3e6, "USD", "$3"), (5e6, "USD", "5 million")]),
        ("$3 to $5 million", [(3e6, "USD", "$3"), (5e6, "USD", "$5 million")]),
        ("$3-5m", [(3e6, "USD", "$3"), (5e6, "USD", "5m")]),
        # not ranges of money: no scale after the second figure, a word that only starts with a scale,
        # a detached one-letter scale, a second currency
        ("$5 to 10 schools", [(5.0, "USD", "$5")]),
        ("$3-5 millionaires", [(3.0, "USD", "$3")]),
        ("$2 to 3 m", [(2.0, "USD", "$2")]),
        ("$3 to \u00a55 million", [(3.0, "USD", "$3"), (5e6, "JPY", "\u00a55 million")]),
    ],
)
def test_a_range_shares_the_scale_written_after_it(written: str, found: list[tuple[float, str, str]]) -> None:
    got = find_money(written, 0, len(written))
    assert [(m.amount, m.currency, written[m.start : m.end]) for m in got] == found


def test_an_act_stated_as_a_range_takes_its_upper_bound_and_is_no_indicator(tmp_path: Path) -> None:
    recs, _ = _records(tmp_path, "In 2019, Australia provided AUD 3-5 million in grants to Tonga.")
    assert [(r["kind"], r["actor"], r["amount"], r["currency"]) for r in recs] == [
        ("engagement", "AUS", 5e6, "AUD")
    ]


@pytest.mark.parametrize(
    ("written", "found"),
    [
        # a currency named with its country's adjective
        ("500 million Japanese yen", [(5e8, "JPY")]),
        ("2 billion Chinese yuan", [(2e9, "CNY")]),
        ("5 billion Korean won", [(5e9, "KRW")]),
        ("30 million Philippine pesos", [(3e7, "PHP")]),
        # the singular dollar of a compound, hyphenated or not
        ("a 5 million dollar grant", [(5e6, "USD")]),
        ("a 1.2 billion-dollar loan", [(1.2e9, "USD")]),
        ("a 1.2bn-dollar loan", [(1.2e9, "USD")]),
        # a decimal comma before a scale word; a thousands group (three figures) is unchanged
        ("EUR 1,5 million", [(1.5e6, "EUR")]),
        ("1,5 million euros", [(1.5e6, "EUR")]),
        ("US$ 2,25 billion", [(2.25e9, "USD")]),
        ("$1,50m", [(1.5e6, "USD")]),
        ("12,345 dollars", [(12_345, "USD")]),
        ("Rs 1,000 crore", [(1e10, "INR")]),
        # no figure, or no scale after the comma: no amount of that form
        ("a billion-dollar loan", []),
        ("1,5 dollars", []),
    ],
)
def test_adjective_currencies_compounds_and_decimal_commas(
    written: str, found: list[tuple[float, str]]
) -> None:
    assert [(m.amount, m.currency) for m in find_money(written, 0, len(written))] == found


def test_an_act_in_japanese_yen_with_a_decimal_comma_elsewhere_keeps_both_amounts(tmp_path: Path) -> None:
    recs, _ = _records(
        tmp_path,
        "In 2019, Japan provided grant aid amounting to 500 million Japanese yen to Laos. "
        "In 2020, Japan provided EUR 1,5 million in grants to Cambodia.",
    )
    got = [(r["actor"], r["partners"], r["amount"], r["currency"]) for r in recs if r["kind"] == "engagement"]
    assert got == [("JPN", ["LAO"], 5e8, "JPY"), ("JPN", ["KHM"], 1.5e6, "EUR")]
