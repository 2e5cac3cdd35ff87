"""The strict cell parsers and the dyadic importers' helpers (``ledger/importers/_strict.py`` and
``_dyadic.py``), whole outputs.

Each function runs on a small column written here; the test compares its complete result (every
value, its dtype, the skip counts) or the whole one-line refusal (file, line, field, problem,
expected) with a value worked out by hand from the input.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from softpower.errors import InputError
from softpower.ledger.importers._dyadic import (
    BEFORE_MODEL,
    FIRST_PLAUSIBLE_YEAR,
    countries,
    dataset_names,
    document,
    history_years,
    in_model,
    indicators,
)
from softpower.ledger.importers._strict import amounts, country_names, drop, year_column
from softpower.records import vocab
from softpower.records.models import MIN_YEAR, RECORD_KEYS, max_year

F = Path("d/s.csv")
HI = max_year()


def _col(*cells: Any, first: int = 2) -> pd.DataFrame:
    return pd.DataFrame({"v": list(cells), "line": list(range(first, first + len(cells)))})


def _same(a: np.ndarray, b: list[float]) -> bool:
    return a.dtype == np.float64 and np.array_equal(a, np.array(b, dtype=float), equal_nan=True)


def _refusal(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    return str(info.value)


# --- amounts


def test_amounts_reads_numbers_and_blanks() -> None:
    got = amounts(_col(" 1 ", "", "2.5", None, "0", "-0", "1e3", "  "), "v", F)
    assert _same(got, [1.0, np.nan, 2.5, np.nan, 0.0, -0.0, 1000.0, np.nan])
    assert _same(amounts(_col("1", "-2"), "v", F, negative_ok=True), [1.0, -2.0])
    assert _same(amounts(_col("1", "..", ""), "v", F, blank=("", "..")), [1.0, np.nan, np.nan])
    assert _same(amounts(_col(), "v", F, required=True), [])


@pytest.mark.parametrize(
    ("cells", "options", "message"),
    [
        (("1", "", ""), {"required": True}, "d/s.csv:3: v: empty (expected a number)"),
        (("1", None), {"required": True}, "d/s.csv:3: v: empty (expected a number)"),
        (
            ("1", "..", "x"),
            {"required": True, "blank": ("", "..")},
            "d/s.csv:3: v: empty (expected a number)",
        ),
        (("1", ".."), {}, "d/s.csv:3: v: '..' is not a number (expected a number)"),
        (("1", "x", "NaN"), {}, "d/s.csv:4: v: 'NaN' is not a finite number (expected a finite number)"),
        (("1", "NaN"), {}, "d/s.csv:3: v: 'NaN' is not a finite number (expected a finite number)"),
        (
            ("-Infinity",),
            {"negative_ok": True},
            "d/s.csv:2: v: '-Infinity' is not a finite number (expected a finite number)",
        ),
        (("1", " +inf "), {}, "d/s.csv:3: v: '+inf' is not a finite number (expected a finite number)"),
        (("1", "-nan"), {}, "d/s.csv:3: v: '-nan' is not a finite number (expected a finite number)"),
        (("1", "1e400"), {}, "d/s.csv:3: v: '1e400' is not a finite number (expected a finite number)"),
        (
            ("-1e400",),
            {"negative_ok": True},
            "d/s.csv:2: v: '-1e400' is not a finite number (expected a finite number)",
        ),
        (("1", "x", "y"), {}, "d/s.csv:3: v: 'x' is not a number (expected a number)"),
        (("1", "1,000"), {}, "d/s.csv:3: v: '1,000' is not a number (expected a number)"),
        (("1", "-2", "-3"), {}, "d/s.csv:3: v: negative amount -2 (expected a non-negative amount)"),
        (("1", " -0.5 "), {}, "d/s.csv:3: v: negative amount -0.5 (expected a non-negative amount)"),
    ],
)
def test_amounts_refusals(cells: tuple[Any, ...], options: dict[str, Any], message: str) -> None:
    assert _refusal(amounts, _col(*cells), "v", F, **options) == message


def test_amounts_checks_blank_then_finite_then_number_then_sign() -> None:
    # each check looks at the whole column before the next one: the first kind of problem wins
    df = _col("-1", "x", "inf", "")
    assert _refusal(amounts, df, "v", F, required=True) == "d/s.csv:5: v: empty (expected a number)"
    assert (
        _refusal(amounts, df, "v", F)
        == "d/s.csv:4: v: 'inf' is not a finite number (expected a finite number)"
    )
    assert (
        _refusal(amounts, _col("-1", "x"), "v", F) == "d/s.csv:3: v: 'x' is not a number (expected a number)"
    )


# --- year_column


def test_year_column() -> None:
    got = year_column(_col("2001", " 2001.0 ", str(MIN_YEAR), str(HI)), "v", F)
    assert _same(got, [2001.0, 2001.0, MIN_YEAR, HI])
    assert _same(year_column(_col("2001", ""), "v", F, required=False), [2001.0, np.nan])


@pytest.mark.parametrize(
    ("cells", "required", "message"),
    [
        (("2001", ""), True, "d/s.csv:3: v: empty (expected a number)"),
        (
            (str(MIN_YEAR - 1),),
            True,
            f"d/s.csv:2: v: '{MIN_YEAR - 1}' (expected a whole year in {MIN_YEAR}..{HI})",
        ),
        (
            ("2001", str(HI + 1)),
            True,
            f"d/s.csv:3: v: '{HI + 1}' (expected a whole year in {MIN_YEAR}..{HI})",
        ),
        (("2001.5",), False, f"d/s.csv:2: v: '2001.5' (expected a whole year in {MIN_YEAR}..{HI})"),
        (("", "-1"), False, f"d/s.csv:3: v: '-1' (expected a whole year in {MIN_YEAR}..{HI})"),
        ((" 1944.0 ",), True, f"d/s.csv:2: v: ' 1944.0 ' (expected a whole year in {MIN_YEAR}..{HI})"),
        (("x",), True, "d/s.csv:2: v: 'x' is not a number (expected a number)"),
        (("nan",), False, "d/s.csv:2: v: 'nan' is not a finite number (expected a finite number)"),
    ],
)
def test_year_column_refusals(cells: tuple[str, ...], required: bool, message: str) -> None:
    assert _refusal(year_column, _col(*cells), "v", F, required=required) == message


# --- country_names and drop


def test_country_names_whole_output() -> None:
    df = _col("Turkey", "turkey", " France ", "usa", "EC", "Atlantis", "X", "Korea, Rep.", "EC")
    codes, why = country_names(
        df,
        "v",
        F,
        aliases={"X": "GBR", "France": "DEU"},
        non_states={"EC": "an agency", "Atlantis": "a myth"},
    )
    assert codes.dtype == object and why.dtype == object
    assert codes.tolist() == ["TUR", "TUR", "DEU", "USA", None, None, "GBR", "KOR", None]
    assert why.tolist() == [None, None, None, None, "an agency", "a myth", None, None, "an agency"]


def test_country_names_resolution_order() -> None:
    # an alias or a dataset spelling wins over a non-state listing; a non-state may be blank
    got = country_names(
        _col("X", "Turkey", ""),
        "v",
        F,
        aliases={"X": "GBR"},
        non_states={"X": "x", "Turkey": "t", "": "blank"},
    )
    assert [a.tolist() for a in got] == [["GBR", "TUR", None], [None, None, "blank"]]
    # ISO3 codes only when the column holds codes
    got = country_names(_col("fra", " USA ", "Chn"), "v", F, codes=True)
    assert [a.tolist() for a in got] == [["FRA", "USA", "CHN"], [None, None, None]]
    # every row has a reason: still object arrays
    got = country_names(_col("EC", "EC"), "v", F, non_states={"EC": "an agency"})
    assert [a.dtype for a in got] == [object, object] and got[1].tolist() == ["an agency", "an agency"]
    # an upper-case name of up to five letters is an acronym, never resolved; six letters is a name
    assert country_names(_col("FRANCE"), "v", F)[0].tolist() == ["FRA"]
    assert _refusal(country_names, _col("FRANCE", "JAPAN"), "v", F) == (
        "d/s.csv:3: v: unknown country 'JAPAN' (expected a country name this importer knows)"
    )
    # short upper-case names are acronyms, not codes; longer ones and mixed case are names
    got = country_names(_col("Germany", "GERMANY", "usa"), "v", F)
    assert [a.tolist() for a in got] == [["DEU", "DEU", "USA"], [None, None, None]]


@pytest.mark.parametrize(
    ("cells", "options", "message"),
    [
        (
            ("France", "Atlantis", "Nowhere"),
            {},
            "d/s.csv:3: v: unknown country 'Atlantis' (expected a country name this importer knows)",
        ),
        (("France", ""), {}, "d/s.csv:3: v: empty (expected a country name this importer knows)"),
        (("France", None), {}, "d/s.csv:3: v: empty (expected a country name this importer knows)"),
        (("EC",), {}, "d/s.csv:2: v: unknown country 'EC' (expected a country name this importer knows)"),
        (("GBR",), {}, "d/s.csv:2: v: unknown country 'GBR' (expected a country name this importer knows)"),
        (
            ("NATOX",),
            {},
            "d/s.csv:2: v: unknown country 'NATOX' (expected a country name this importer knows)",
        ),
        (
            ("FRA", "XXX", "XXX"),
            {"codes": True},
            "d/s.csv:3: v: unknown country 'XXX' (expected an ISO 3166 alpha-3 code)",
        ),
        (
            ("France",),
            {"codes": True},
            "d/s.csv:2: v: unknown country 'France' (expected an ISO 3166 alpha-3 code)",
        ),
        (("FRA", ""), {"codes": True}, "d/s.csv:3: v: empty (expected an ISO 3166 alpha-3 code)"),
    ],
)
def test_country_names_refusals(cells: tuple[Any, ...], options: dict[str, Any], message: str) -> None:
    assert _refusal(country_names, _col(*cells), "v", F, **options) == message


def test_drop_counts_each_kept_row_once_under_its_reason() -> None:
    skipped: Counter[str] = Counter({"a": 1})
    keep = np.array([True, True, False, True, True, True])
    why = np.array([None, "a", "a", "b", "a", None], dtype=object)
    out = drop(keep, why, skipped)
    assert out.tolist() == [True, False, False, False, False, True]
    assert keep.tolist() == [True, True, False, True, True, True]  # the mask given is not changed
    assert dict(skipped) == {"a": 3, "b": 1}
    skipped = Counter()
    assert drop(np.array([False, True]), np.array(["c", None], dtype=object), skipped).tolist() == [
        False,
        True,
    ]
    assert dict(skipped) == {}


# --- the dyadic importers' country table


def test_dataset_names_table() -> None:
    aliases, non_states = dataset_names()
    rows = vocab._read_csv("dataset_country_names")
    assert len(aliases) + len(non_states) == len(rows)
    assert aliases["DR Congo"] == "COD" and aliases["UAE"] == "ARE"
    assert non_states["Czechoslovakia"] == "historical state without a current ISO code"
    assert all(vocab.is_country(v) for v in aliases.values())
    assert all(non_states.values())


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"name": " ", "iso3": "FRA", "note": ""}], "dataset_country_names.csv:2: empty name"),
        (
            [{"name": "A", "iso3": "FRA", "note": ""}, {"name": " A ", "iso3": "", "note": "x"}],
            "dataset_country_names.csv:3: duplicate name 'A'",
        ),
        (
            [{"name": "A", "iso3": "", "note": "x"}, {"name": "A", "iso3": "FRA", "note": ""}],
            "dataset_country_names.csv:3: duplicate name 'A'",
        ),
        (
            [{"name": "A", "iso3": "XXX", "note": ""}],
            "dataset_country_names.csv:2: unknown ISO alpha-3 'XXX'",
        ),
        (
            [{"name": "A", "iso3": "FRA", "note": ""}, {"name": "B", "iso3": " ", "note": " "}],
            "dataset_country_names.csv:3: a name without iso3 needs a note (why it is skipped)",
        ),
    ],
)
def test_dataset_names_refuses_a_bad_table(
    monkeypatch: pytest.MonkeyPatch, rows: list[dict[str, str]], message: str
) -> None:
    monkeypatch.setattr(vocab, "_read_csv", lambda name: rows if name == "dataset_country_names" else [])
    dataset_names.cache_clear()
    try:
        with pytest.raises(ValueError) as info:
            dataset_names()
        assert str(info.value) == message
    finally:
        dataset_names.cache_clear()


def test_dataset_names_of_a_small_table(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        {"name": " Eastland ", "iso3": " DEU ", "note": "ignored"},
        {"name": "Westland", "iso3": "", "note": " gone "},
    ]
    monkeypatch.setattr(vocab, "_read_csv", lambda name: rows if name == "dataset_country_names" else [])
    dataset_names.cache_clear()
    try:
        assert dataset_names() == ({"Eastland": "DEU"}, {"Westland": "gone"})
    finally:
        dataset_names.cache_clear()


def test_countries_counts_every_non_state_row() -> None:
    aliases, non_states = dataset_names()
    gone = "Czechoslovakia"
    skipped: Counter[str] = Counter({"x": 1})
    df = _col("France", gone, gone, "DR Congo", "Extra", "Lost")
    got = countries(df, "v", F, skipped, {"Extra": "an extra reason", "Lost": "an extra reason"})
    assert got.dtype == object and got.tolist() == ["FRA", None, None, "COD", None, None]
    assert dict(skipped) == {"x": 1, non_states[gone]: 2, "an extra reason": 2}
    assert "Extra" not in dataset_names()[1]  # the shared table is not changed
    skipped = Counter()
    assert countries(_col("France"), "v", F, skipped).tolist() == ["FRA"] and skipped == {}
    assert _refusal(countries, _col("France", "Extra"), "v", F, Counter()) == (
        "d/s.csv:3: v: unknown country 'Extra' (expected a country name this importer knows)"
    )


# --- years


def test_history_years() -> None:
    got = history_years(_col(str(FIRST_PLAUSIBLE_YEAR), "1801.0", " 1944 ", str(HI)), "v", F)
    assert _same(got, [1800.0, 1801.0, 1944.0, HI])
    assert FIRST_PLAUSIBLE_YEAR == 1800


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            ("1900", "1799", "1700"),
            f"d/s.csv:3: v: '1799' is not a year in 1800..{HI} (expected a whole year in 1800..{HI})",
        ),
        (
            (str(HI + 1),),
            f"d/s.csv:2: v: '{HI + 1}' is not a year in 1800..{HI} (expected a whole year in 1800..{HI})",
        ),
        (
            ("1900.5",),
            f"d/s.csv:2: v: '1900.5' is not a year in 1800..{HI} (expected a whole year in 1800..{HI})",
        ),
        (("-1",), f"d/s.csv:2: v: '-1' is not a year in 1800..{HI} (expected a whole year in 1800..{HI})"),
        (("1900", ""), "d/s.csv:3: v: empty (expected a number)"),
        (("x",), "d/s.csv:2: v: 'x' is not a number (expected a number)"),
        (("nan",), "d/s.csv:2: v: 'nan' is not a finite number (expected a finite number)"),
    ],
)
def test_history_years_refusals(cells: tuple[str, ...], message: str) -> None:
    assert _refusal(history_years, _col(*cells), "v", F) == message


def test_in_model_drops_and_counts_years_before_the_model() -> None:
    skipped: Counter[str] = Counter()
    year = np.array([MIN_YEAR - 1, MIN_YEAR, 1900.0, 2000.0, 1800.0])
    keep = np.array([True, True, False, True, True])
    assert in_model(year, keep, skipped).tolist() == [False, True, False, True, False]
    assert dict(skipped) == {"year before 1945 (the record model starts in 1945)": 2}
    assert BEFORE_MODEL == "year before 1945 (the record model starts in 1945)"
    skipped = Counter()
    assert in_model(np.array([2000.0]), np.array([True]), skipped).tolist() == [True] and skipped == {}


# --- indicator records and documents

ROW = {k: None for k in (*RECORD_KEYS, "line") if k != "quote"} | {"ppp": False, "equal_footing": False}


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for r in df.to_dict("records"):
        row = {}
        for k, v in r.items():
            if isinstance(v, list):
                v = [str(x) for x in v]
            elif v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
                v = None
            elif isinstance(v, np.generic):
                v = v.item()
            row[k] = v
        out.append(row)
    return out


def test_indicators_sum_or_count_per_actor_partner_year() -> None:
    frame = pd.DataFrame(
        {
            "actor": ["USA", "USA", "USA", "CHN", "USA"],
            "partner": ["JPN", "JPN", "KOR", "JPN", "JPN"],
            "year": [2001, 2001, 2001, 2000, 2002],
            "value": [1.0, 2.5, 3.0, 4.0, 0.0],
            "line": [5, 3, 4, 9, 2],
        }
    )
    base = ROW | {"doc": "D", "kind": "indicator", "metric": "m", "unit": "u"}
    summed = indicators(frame, doc="D", metric="m", unit="u")
    assert list(summed.columns) == list(ROW) and list(summed.index) == [0, 1, 2, 3]
    assert str(summed["year"].dtype) == "Int64" and str(summed["line"].dtype) == "Int64"
    assert _rows(summed) == [
        base | {"actor": "CHN", "partners": ["JPN"], "year": 2000, "value": 4.0, "line": 9},
        base | {"actor": "USA", "partners": ["JPN"], "year": 2001, "value": 3.5, "line": 3},
        base | {"actor": "USA", "partners": ["JPN"], "year": 2002, "value": 0.0, "line": 2},
        base | {"actor": "USA", "partners": ["KOR"], "year": 2001, "value": 3.0, "line": 4},
    ]
    counted = indicators(frame, doc="D", metric="m", unit="u", how="size")
    assert summed.drop(columns="value").equals(counted.drop(columns="value"))
    assert counted["value"].dtype == np.float64 and counted["value"].tolist() == [1.0, 2.0, 1.0, 1.0]


def test_indicators_of_an_empty_frame() -> None:
    frame = pd.DataFrame({"actor": [], "partner": [], "year": [], "value": [], "line": []})
    out = indicators(frame, doc="D", metric="m", unit="u")
    assert list(out.columns) == list(ROW) and len(out) == 0


def test_document() -> None:
    assert document("i", "t", "p", None, "k", "u") == {
        "id": "i",
        "title": "t",
        "publisher": "p",
        "publisher_country": None,
        "publisher_kind": "k",
        "date": None,
        "url": "u",
    }
    assert document("a", "b", "c", "USA", "dataset", "https://x")["publisher_country"] == "USA"
    assert list(document("a", "b", "c", "USA", "d", "e")) == [
        "id",
        "title",
        "publisher",
        "publisher_country",
        "publisher_kind",
        "date",
        "url",
    ]
