"""The importers' shared reader and record builders (``ledger/importers/_base.py``), whole outputs.

Each public function runs on a small input written here and its *complete* result is compared
with a value written here (every column, value and dtype of a frame; every key of a batch; the
whole one-line message of each refusal: file, line, field, problem and what was expected). The
expected values were worked out by hand from the inputs.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from softpower.errors import InputError
from softpower.ledger.importers import IMPORTERS, RECORD_COLUMNS, ImportBatch, Importer
from softpower.ledger.importers._base import (
    AIDDATA,
    DATASET_COUNTRY_NAMES,
    concat,
    count,
    dedupe_documents,
    empty_records,
    find_files,
    header_of,
    indicator_records,
    iso3_list,
    make_records,
    merge_identical,
    numbers,
    read_table,
    resolve_names,
    year_ok,
    years,
)
from softpower.records.models import MIN_YEAR, RECORD_KEYS, max_year


def _cell(v: Any) -> Any:
    """A frame cell as a plain Python value: lists of plain strings, NaN / NA / None as None."""
    if isinstance(v, list | np.ndarray):
        return [_cell(x) for x in v]
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def _frame(df: pd.DataFrame) -> dict[str, list[Any]]:
    return {c: [_cell(v) for v in df[c].tolist()] for c in df.columns}


def _types(df: pd.DataFrame) -> dict[str, str]:
    """Each column's dtype, text columns as "text" (object or pandas' string dtype alike)."""
    out = {}
    for c in df.columns:
        d = df[c].dtype
        out[c] = "text" if isinstance(d, pd.StringDtype) else str(d)
    return out


def _message(exc: pytest.ExceptionInfo[InputError]) -> str:
    return str(exc.value)


#: A record frame's columns with nothing in them, as :func:`make_records` fills them.
BLANK = {c: None for c in RECORD_COLUMNS} | {"ppp": False, "equal_footing": False}
#: Column dtypes of a record frame whose text columns hold text.
TYPES = {c: "object" for c in RECORD_COLUMNS} | {
    "year": "Int64",
    "year_end": "Int64",
    "price_year": "Int64",
    "amount": "float64",
    "value": "float64",
    "line": "Int64",
}


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{c: _cell(v) for c, v in zip(df.columns, row, strict=True)} for row in df.itertuples(index=False)]


# --- constants


def test_record_columns_are_the_exchange_format_without_quote_plus_line() -> None:
    assert (*[k for k in RECORD_KEYS if k != "quote"], "line") == RECORD_COLUMNS
    assert RECORD_COLUMNS[-1] == "line" and "quote" not in RECORD_COLUMNS and "doc" in RECORD_COLUMNS
    assert AIDDATA == {
        "publisher": "AidData at William & Mary",
        "publisher_country": "USA",
        "publisher_kind": "dataset",
    }


def test_dataset_country_names_are_casefolded_codes() -> None:
    assert all(k == k.casefold() for k in DATASET_COUNTRY_NAMES)
    assert DATASET_COUNTRY_NAMES["turkey"] == "TUR"
    assert DATASET_COUNTRY_NAMES["korea, dem. rep."] == "PRK"
    assert DATASET_COUNTRY_NAMES["kosovo*"] == "XKX"
    assert len(DATASET_COUNTRY_NAMES) == 52


# --- read_table: cells as text with the line each row starts on


def test_read_table_whole_frame(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    # a BOM, padded and repeated header names, CRLF, a quoted cell over two lines, a blank line
    f.write_bytes(b'\xef\xbb\xbf a ,b, a\r\n1,"x\ny",3\r\n\r\n4, 5 ,6\n')
    df = read_table(f, ("a", "a.1"))
    assert _frame(df) == {"a": ["1", "4"], "b": ["x\ny", " 5 "], "a.1": ["3", "6"], "line": [2, 5]}
    assert _types(df) == {"a": "object", "b": "object", "a.1": "object", "line": "int64"}
    # only some columns, in the order asked
    df = read_table(f, ("b",), only=("a.1", "b"))
    assert _frame(df) == {"a.1": ["3", "6"], "b": ["x\ny", " 5 "], "line": [2, 5]}
    assert list(df.index) == [0, 1]


def test_read_table_of_a_header_only_file_has_its_columns(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_text("a,b,a,a\n", encoding="utf-8")
    df = read_table(f, ())
    assert list(df.columns) == ["a", "b", "a.1", "a.2", "line"] and len(df) == 0
    assert _types(df) == {"a": "object", "b": "object", "a.1": "object", "a.2": "object", "line": "int64"}
    df = read_table(f, ("b",), only=("b",))
    assert list(df.columns) == ["b", "line"] and len(df) == 0


def test_read_table_in_another_encoding_keeps_a_bom_as_text(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_bytes("a,b\n\u00e9,\u20ac\n".encode("cp1252"))
    assert _frame(read_table(f, ("a",), encoding="cp1252")) == {"a": ["\u00e9"], "b": ["\u20ac"], "line": [2]}
    # the byte-order mark is only taken off a UTF-8 file
    f.write_bytes(b"\xef\xbb\xbfa,b\n1,2\n")
    assert list(read_table(f, (), encoding="cp1252").columns) == ["\u00ef\u00bb\u00bfa", "b", "line"]
    assert list(read_table(f, ()).columns) == ["a", "b", "line"]


def test_read_table_only_still_checks_every_row(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_text("a,b,c\n1,2,3\n4,5\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_table(f, ("a",), only=("a",))
    assert _message(info) == f"{f}:3: c: 2 fields (expected 3 fields as in the header)"


@pytest.mark.parametrize(
    ("data", "required", "message"),
    [
        (b"", ("a",), "{f}:1: empty file (expected a header row)"),
        (b"x,y\n1,2\n", ("a", "b"), "{f}:1: a: missing column (expected a header with a, b)"),
        (b"a,x\n1,2\n", ("a", "b"), "{f}:1: b: missing column (expected a header with a, b)"),
        (b"a,b,c\n1,2,3\n1\n", ("a",), "{f}:3: b: 1 fields (expected 3 fields as in the header)"),
        (b"a,b\n1,2\n\n1,2,3\n", ("a",), "{f}:4: 3 fields (expected 2 fields as in the header)"),
        (b'a,b\n"1\n2",3,4\n', ("a",), "{f}:2: 3 fields (expected 2 fields as in the header)"),
        (
            b"a,b\n1,2\n\xff,2\n",
            ("a",),
            "{f}:3: not UTF-8 text (invalid start byte) (expected a UTF-8 encoded CSV file)",
        ),
        (
            b"a,b\n1,2\n3,x\ry\n",
            ("a",),
            "{f}:3: unreadable CSV (new-line character seen in unquoted field - do you need to open"
            " the file in universal-newline mode?) (expected a comma-separated file)",
        ),
    ],
)
def test_read_table_refusals(tmp_path: Path, data: bytes, required: tuple[str, ...], message: str) -> None:
    f = tmp_path / "t.csv"
    f.write_bytes(data)
    limit = csv.field_size_limit()
    with pytest.raises(InputError) as info:
        read_table(f, required)
    assert _message(info) == message.format(f=f)
    assert csv.field_size_limit() == limit


def test_a_bad_byte_on_the_first_line_names_line_1(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_bytes(b"a,\xe9\n1,2\n")
    with pytest.raises(InputError) as info:
        read_table(f, ("a",))
    assert (
        _message(info)
        == f"{f}:1: not UTF-8 text (invalid continuation byte) (expected a UTF-8 encoded CSV file)"
    )


def test_header_of_reads_the_first_line_only(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_bytes(b'\xef\xbb\xbf a ,"b,c",\xff\n1,2,3\n\xff\n')
    assert header_of(f) == ["a", "b,c", "\ufffd"]
    f.write_bytes(b"")
    assert header_of(f) == []
    f.write_bytes(b"x;y,z\n")
    assert header_of(f) == ["x;y", "z"]


# --- numbers and years


def _col(*cells: Any, first: int = 2) -> pd.DataFrame:
    return pd.DataFrame({"v": list(cells), "line": list(range(first, first + len(cells)))})


def _same(a: np.ndarray, b: list[float]) -> bool:
    return a.dtype == np.float64 and np.array_equal(a, np.array(b, dtype=float), equal_nan=True)


def test_numbers_plain() -> None:
    got = numbers(_col(" 12 ", "1e3", "-2.5", "", "NA", "NaN", "nan", "None", "  "), "v", Path("f.csv"))
    assert _same(got, [12.0, 1000.0, -2.5] + [np.nan] * 6)
    assert _same(numbers(_col(), "v", Path("f.csv")), [])


def test_numbers_accounting() -> None:
    got = numbers(
        _col(" 1,234 ", "-", " - ", "$5", "$1,000.50", "", "nan"), "v", Path("f.csv"), accounting=True
    )
    assert _same(got, [1234.0, 0.0, 0.0, 5.0, 1000.5, np.nan, np.nan])


def test_numbers_multi_sums_the_parts() -> None:
    got = numbers(_col("1;2", "3; 4,000;", ";", "7", "", "2.5 ; 2.5"), "v", Path("f.csv"), multi=True)
    assert _same(got, [3.0, 4003.0, 0.0, 7.0, np.nan, 5.0])
    # without a part separator the comma is not read as a thousands separator
    with pytest.raises(InputError) as info:
        numbers(_col("1", "4,000"), "v", Path("f.csv"), multi=True)
    assert _message(info) == "f.csv:3: v: '4,000' is not a number (expected a number)"
    # a missing cell has no parts
    assert _same(numbers(_col("1;2", None), "v", Path("f.csv"), multi=True), [3.0, np.nan])
    got = numbers(_col("1;2", "-", "$3"), "v", Path("f.csv"), multi=True, accounting=True)
    assert _same(got, [3.0, 0.0, 3.0])
    # parts are summed before the accounting clean-up, so a dollar sign in a part is refused
    with pytest.raises(InputError) as info:
        numbers(_col("$1;$2"), "v", Path("f.csv"), multi=True, accounting=True)
    assert _message(info) == "f.csv:2: v: '1;2' is not a number (expected a number)"


@pytest.mark.parametrize(
    ("cells", "options", "message"),
    [
        (("1", "x", "y"), {}, "f.csv:3: v: 'x' is not a number (expected a number)"),
        (("1", "1,000"), {}, "f.csv:3: v: '1,000' is not a number (expected a number)"),
        (("-", "1"), {}, "f.csv:2: v: '-' is not a number (expected a number)"),
        (("1", "$2"), {}, "f.csv:3: v: '$2' is not a number (expected a number)"),
        (("1", " 2 x "), {"accounting": True}, "f.csv:3: v: '2 x' is not a number (expected a number)"),
        (("1;2", "x;1", "z"), {"multi": True}, "f.csv:3: v: 'x;1' is not a number (expected a number)"),
        (("1", "1;2"), {}, "f.csv:3: v: '1;2' is not a number (expected a number)"),
        (("1", "inf", "x"), {}, "f.csv:3: v: 'inf' is not a finite number (expected a finite number)"),
        (("-Infinity",), {}, "f.csv:2: v: '-Infinity' is not a finite number (expected a finite number)"),
        (("1", "1e400"), {}, "f.csv:3: v: '1e400' is not a finite number (expected a finite number)"),
        (
            ("1", "-1e400"),
            {"accounting": True},
            "f.csv:3: v: '-1e400' is not a finite number (expected a finite number)",
        ),
        (("1", "+nan"), {}, "f.csv:3: v: '+nan' is not a number (expected a number)"),
    ],
)
def test_numbers_refusals(cells: tuple[str, ...], options: dict[str, bool], message: str) -> None:
    with pytest.raises(InputError) as info:
        numbers(_col(*cells), "v", Path("f.csv"), **options)
    assert _message(info) == message


def test_numbers_names_the_source_line_not_the_row() -> None:
    df = pd.DataFrame({"v": ["1", "2", "x"], "line": [7, 12, 30]}, index=[5, 6, 9])
    with pytest.raises(InputError) as info:
        numbers(df, "v", Path("d/f.csv"))
    assert _message(info) == "d/f.csv:30: v: 'x' is not a number (expected a number)"


def test_years() -> None:
    got = years(_col("2004", "2004.0", "", " 1999 ", "NA", "1800"), "v", Path("f.csv"))
    assert _same(got, [2004.0, 2004.0, np.nan, 1999.0, np.nan, 1800.0])
    with pytest.raises(InputError) as info:
        years(_col("2004", "2004.5", "2005.5"), "v", Path("f.csv"))
    assert _message(info) == "f.csv:3: v: '2004.5' is not a year (expected a whole year)"
    with pytest.raises(InputError) as info:
        years(_col("2004", "two"), "v", Path("f.csv"))
    assert _message(info) == "f.csv:3: v: 'two' is not a number (expected a number)"


def test_year_ok_is_the_record_models_range() -> None:
    hi = max_year()
    y = np.array([np.nan, MIN_YEAR - 1, MIN_YEAR, 2000, hi, hi + 1])
    assert year_ok(y).tolist() == [False, False, True, True, True, False]
    assert (MIN_YEAR, hi) == (1945, pd.Timestamp.now().year + 1)


# --- countries


def test_resolve_names() -> None:
    values = pd.Series(
        [
            "Turkey",
            " usa ",
            "CHN",
            "France",
            "Atlantis",
            "",
            "  ",
            None,
            np.nan,
            5,
            "TURKEY",
            "Foo",
            "Turkey",
        ],
        index=list("abcdefghijklm"),
    )
    got = resolve_names(values, {"Foo": "GBR", "France": "DEU"})
    assert got.dtype == object and list(got.index) == list("abcdefghijklm")
    assert got.tolist() == [
        "TUR",  # a dataset spelling
        "USA",  # pycountry's resolver, after stripping
        "CHN",  # an ISO3 code as it is
        "DEU",  # the importer's alias wins
        None,  # unknown
        None,  # blank
        None,
        None,  # missing
        None,
        None,  # not text
        "TUR",  # dataset spellings are matched casefolded
        "GBR",
        "TUR",
    ]
    assert resolve_names(pd.Series(["Foo", "France"])).tolist() == [None, "FRA"]  # no aliases
    assert resolve_names(pd.Series([], dtype=object)).tolist() == []


def test_iso3_list() -> None:
    assert iso3_list("usa; chn;USA;XXX;;fra") == ["USA", "CHN", "FRA"]
    assert iso3_list("USA|CHN|usa", "|") == ["USA", "CHN"]
    assert iso3_list("USA|CHN") == []
    assert iso3_list("") == [] and iso3_list(" ; ") == []


# --- record frames


def test_empty_records() -> None:
    e = empty_records()
    assert list(e.columns) == list(RECORD_COLUMNS) and len(e) == 0
    assert set(_types(e).values()) == {"object"}


def test_make_records_whole_frame() -> None:
    df = make_records(
        2,
        doc="d",
        kind="engagement",
        actor=np.array(["CHN", "JPN"], dtype=object),
        partners=["USA", "FRA"],
        instrument=pd.Series(["loan", "grant"], index=[7, 3]),
        year=np.array([2001.0, np.nan]),
        year_end=["2003", None],
        amount=[1, None],
        currency="USD",
        name=[None, "x"],
        ppp=True,
        price_year=2011,
        span=[[0, 4], None],
        line=pd.Series([3, 4]),
    )
    assert list(df.columns) == list(RECORD_COLUMNS) and list(df.index) == [0, 1]
    assert _rows(df) == [
        BLANK
        | {
            "doc": "d",
            "kind": "engagement",
            "actor": "CHN",
            "partners": ["USA", "FRA"],
            "instrument": "loan",
            "year": 2001,
            "year_end": 2003,
            "amount": 1.0,
            "currency": "USD",
            "ppp": True,
            "price_year": 2011,
            "span": [0, 4],
            "line": 3,
        },
        BLANK
        | {
            "doc": "d",
            "kind": "engagement",
            "actor": "JPN",
            "partners": ["USA", "FRA"],
            "instrument": "grant",
            "currency": "USD",
            "name": "x",
            "ppp": True,
            "price_year": 2011,
            "line": 4,
        },
    ]
    types = {k: ("text" if v == "object" else v) for k, v in TYPES.items()}
    got = _types(df)
    # columns of text alone may be pandas' string dtype or object: both are text
    assert {c: ("text" if got[c] == "object" else got[c]) for c in got} == types
    assert df["partners"][0] is not df["partners"][1]  # one list per row


def test_make_records_of_no_rows_and_of_no_columns() -> None:
    df = make_records(0)
    assert list(df.columns) == list(RECORD_COLUMNS) and len(df) == 0
    assert _types(df) == TYPES
    df = make_records(1)
    assert _rows(df) == [BLANK]


@pytest.mark.parametrize(
    ("partners", "expected"),
    [
        (["USA", "FRA"], [["USA", "FRA"], ["USA", "FRA"]]),  # one list for every row
        ([["USA"], ["FRA", "CHN"]], [["USA"], ["FRA", "CHN"]]),
        (("USA", "FRA"), [["USA"], ["FRA"]]),  # a tuple of single codes
        (np.array(["USA", "FRA"]), [["USA"], ["FRA"]]),  # an array of single codes
        (np.array([["USA", "FRA"], ["CHN", "JPN"]]), [["USA", "FRA"], ["CHN", "JPN"]]),
        (pd.Series([["USA"], []]), [["USA"], []]),
        ([], None),
    ],
)
def test_make_records_partners(partners: Any, expected: list[list[str]] | None) -> None:
    if expected is None:
        with pytest.raises(ValueError) as info:
            make_records(2, partners=partners)
        assert str(info.value) == "column partners: 0 values for 2 rows"
        return
    df = make_records(2, partners=partners)
    got = df["partners"].tolist()
    assert got == expected and all(type(p) is list for p in got)
    assert df["partners"].dtype == object


@pytest.mark.parametrize(
    ("cols", "message"),
    [
        ({"partners": [["USA"]]}, "column partners: 1 values for 2 rows"),
        ({"partners": [["USA"], ["FRA"], ["CHN"]]}, "column partners: 3 values for 2 rows"),
        ({"doc": ["a", "b", "c"]}, "column doc: (3,) values for 2 rows"),
        ({"value": pd.Series([1.0])}, "column value: (1,) values for 2 rows"),
        ({"doc": np.array([["a"], ["b"]])}, "column doc: (2, 1) values for 2 rows"),
    ],
)
def test_make_records_refusals(cols: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as info:
        make_records(2, **cols)
    assert str(info.value) == message


def test_indicator_records_keep_the_rows_asked() -> None:
    df = pd.DataFrame({"line": [7, 8, 9]}, index=[10, 20, 30])
    got = indicator_records(
        df,
        np.array([True, False, True]),
        doc="D",
        actor="CHN",
        iso=np.array(["USA", "FRA", "JPN"], dtype=object),
        metric="m",
        unit="u",
        year=np.array([2001.0, 2002.0, 2003.0]),
        value=np.array([1.5, 2.0, 3.0]),
    )
    row = BLANK | {"doc": "D", "kind": "indicator", "actor": "CHN", "metric": "m", "unit": "u"}
    assert _rows(got) == [
        row | {"partners": ["USA"], "year": 2001, "value": 1.5, "line": 7},
        row | {"partners": ["JPN"], "year": 2003, "value": 3.0, "line": 9},
    ]
    none = indicator_records(
        df,
        np.zeros(3, dtype=bool),
        doc="D",
        actor="CHN",
        iso=np.array(["USA", "FRA", "JPN"], dtype=object),
        metric="m",
        unit="u",
        year=np.zeros(3),
        value=np.zeros(3),
    )
    assert len(none) == 0 and list(none.columns) == list(RECORD_COLUMNS)


def test_merge_identical_whole_output() -> None:
    recs = make_records(
        6,
        doc=["a", "b", "c", "d", "e", "f"],
        kind="engagement",
        actor="KOR",
        partners=[["VNM"], ["LAO"], ["VNM"], ["VNM", "LAO"], ["VNM"], ["LAO", "VNM"]],
        instrument="technical_cooperation",
        year=[2004, 2004, 2004, 2004, 2004, 2004],
        amount=[100.0, 100.0, 100.0, 100.0, 100.0, 100.0],
        currency="USD",
        name=[None, None, None, None, "x", None],
        line=[2, 3, 4, 5, 6, 7],
    )
    recs.index = pd.RangeIndex(10, 16)
    skipped: Counter[str] = Counter({"other": 2})
    out = merge_identical(recs, skipped)
    assert skipped == {"other": 2, "merged into an identical row (amount summed)": 1}
    assert list(out.columns) == list(RECORD_COLUMNS) and list(out.index) == [0, 1, 2, 3, 4]
    assert out["amount"].dtype == np.float64
    row = BLANK | {
        "kind": "engagement",
        "actor": "KOR",
        "instrument": "technical_cooperation",
        "year": 2004,
        "currency": "USD",
    }
    assert _rows(out) == [
        row | {"doc": "a", "partners": ["VNM"], "amount": 200.0, "line": 2},
        row | {"doc": "b", "partners": ["LAO"], "amount": 100.0, "line": 3},
        row | {"doc": "d", "partners": ["VNM", "LAO"], "amount": 100.0, "line": 5},
        row | {"doc": "e", "partners": ["VNM"], "amount": 100.0, "name": "x", "line": 6},
        row | {"doc": "f", "partners": ["LAO", "VNM"], "amount": 100.0, "line": 7},
    ]


def test_merge_identical_keeps_missing_amounts_missing_and_differing_ones_apart() -> None:
    recs = make_records(
        4,
        doc=["a", "b", "c", "d"],
        kind="indicator",
        actor="USA",
        partners=["JPN"],
        metric="m",
        year=2001,
        value=[1.0, 1.0, 2.0, 1.0],
        amount=[None, None, None, 5.0],
        line=[2, 3, 4, 5],
    )
    skipped: Counter[str] = Counter()
    out = merge_identical(recs, skipped)
    assert skipped == {"merged into an identical row (amount summed)": 1}
    assert _frame(out)["doc"] == ["a", "c", "d"]
    assert _frame(out)["amount"] == [None, None, 5.0]
    assert _frame(out)["value"] == [1.0, 2.0, 1.0]


def test_merge_identical_without_duplicates_or_rows_returns_the_frame() -> None:
    recs = make_records(2, doc="a", kind="indicator", actor="USA", partners=[["JPN"], ["KOR"]], value=1.0)
    recs.index = pd.RangeIndex(5, 7)
    skipped: Counter[str] = Counter()
    assert merge_identical(recs, skipped) is recs and skipped == {}
    empty = make_records(0)
    assert merge_identical(empty, skipped) is empty and skipped == {}


def test_count_adds_only_what_it_finds() -> None:
    skipped: Counter[str] = Counter({"a": 1})
    count(skipped, np.array([True, False, True]), "a")
    count(skipped, np.array([False, False]), "b")
    count(skipped, np.array([1, 0, 2]), "c")
    assert dict(skipped) == {"a": 3, "c": 2}


# --- batches and files


def _batch(
    docs: list[str], skipped: dict[str, int], rows: int, n: int = 1, actor: str = "USA"
) -> ImportBatch:
    recs = make_records(
        n, doc=docs[0], kind="indicator", actor=actor, partners=["JPN"], metric="m", value=1.0
    )
    return ImportBatch(recs, [{"id": d, "title": f"{d}-{rows}"} for d in docs], skipped, rows)


def test_concat_whole_batch() -> None:
    a = _batch(["x", "y"], {"p": 1, "q": 2}, 10, n=2, actor="USA")
    b = _batch(["y", "z"], {"q": 3}, 5, n=0)
    c = _batch(["z"], {}, 7, n=1, actor="CHN")
    c.records.index = pd.RangeIndex(40, 41)
    out = concat([a, b, c])
    assert out.documents == [
        {"id": "x", "title": "x-10"},
        {"id": "y", "title": "y-10"},
        {"id": "z", "title": "z-5"},
    ]
    assert out.skipped == {"p": 1, "q": 5} and type(out.skipped) is dict
    assert out.rows_read == 22
    assert list(out.records.index) == [0, 1, 2]
    assert out.records["actor"].tolist() == ["USA", "USA", "CHN"]
    assert out.counts() == {"indicator": 3}


def test_concat_of_nothing_is_an_empty_batch() -> None:
    out = concat([])
    assert (out.documents, out.skipped, out.rows_read) == ([], {}, 0)
    assert list(out.records.columns) == list(RECORD_COLUMNS) and len(out.records) == 0
    out = concat([_batch(["x"], {"p": 1}, 3, n=0)])
    assert (out.documents, out.skipped, out.rows_read) == ([{"id": "x", "title": "x-3"}], {"p": 1}, 3)
    assert len(out.records) == 0


def test_dedupe_documents_keeps_the_first_of_each_id_in_order() -> None:
    docs = [{"id": "b", "n": 1}, {"id": "a", "n": 2}, {"id": "b", "n": 3}, {"id": "c", "n": 4}]
    assert dedupe_documents(docs) == [{"id": "b", "n": 1}, {"id": "a", "n": 2}, {"id": "c", "n": 4}]
    assert dedupe_documents(iter([])) == []


def test_batch_counts_by_kind_sorted() -> None:
    recs = make_records(4, kind=["perception", "engagement", "indicator", "engagement"])
    assert ImportBatch(recs, []).counts() == {"engagement": 2, "indicator": 1, "perception": 1}
    b = ImportBatch(recs, [])
    assert (b.skipped, b.rows_read) == ({}, 0)
    assert ImportBatch(make_records(0), []).counts() == {}


def test_find_files(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deep").mkdir(parents=True)
    for rel in ("b_1.csv", "sub/a_2.csv", "sub/deep/b_0.csv", "c.csv", "sub/b_x.txt"):
        (tmp_path / rel).write_text("x\n", encoding="utf-8")
    (tmp_path / "a_dir.csv").mkdir()  # a folder named like a file is not one
    got = find_files(tmp_path, ("b_*.csv", "a_*.csv", "*_1.csv"))
    assert got == [tmp_path / "b_1.csv", tmp_path / "sub" / "a_2.csv", tmp_path / "sub" / "deep" / "b_0.csv"]
    assert find_files(tmp_path / "c.csv", ("nothing*",)) == [tmp_path / "c.csv"]
    with pytest.raises(InputError) as info:
        find_files(tmp_path / "sub" / "deep", ("x*.csv", "y.csv"))
    assert _message(info) == (
        f"{tmp_path / 'sub' / 'deep'}: no dataset file in this folder (expected a file named like x*.csv or y.csv)"
    )


# --- the registry


def test_importer_find_and_load(tmp_path: Path) -> None:
    seen: list[Path] = []

    def loader(p: Path) -> ImportBatch:
        seen.append(p)
        return ImportBatch(make_records(0), [], {}, 3)

    imp = Importer("demo", "a demo", loader, ("d_*.csv", "*.dat"))
    (tmp_path / "s").mkdir()
    for rel in ("d_1.csv", "s/d_0.csv", "s/x.dat", "other.csv"):
        (tmp_path / rel).write_text("x\n", encoding="utf-8")
    (tmp_path / "d_folder.csv").mkdir()
    assert imp.find(tmp_path) == [tmp_path / "d_1.csv", tmp_path / "s" / "d_0.csv", tmp_path / "s" / "x.dat"]
    assert imp.find(str(tmp_path / "s")) == [tmp_path / "s" / "d_0.csv", tmp_path / "s" / "x.dat"]
    assert Importer("none", "no patterns", loader).find(tmp_path) == []
    assert imp.load(str(tmp_path / "d_1.csv")).rows_read == 3
    assert seen == [tmp_path / "d_1.csv"] and isinstance(seen[0], Path)
    with pytest.raises(InputError) as info:
        imp.load(tmp_path / "nope.csv")
    assert (
        _message(info) == f"{tmp_path / 'nope.csv'}: no such file or folder (expected a file for --from demo)"
    )
    assert seen == [tmp_path / "d_1.csv"]


def test_registry_names_order_and_patterns() -> None:
    assert list(IMPORTERS) == [
        "aiddata-gcof",
        "aiddata-gcdf",
        "aiddata-public-diplomacy",
        "aiddata-aims",
        "koica",
        "listening-to-leaders",
        "ussc-survey",
        "lowy-gdi",
        "pew-favourability",
        "oecd-dac2a",
        "sipri-arms",
        "uis-students",
        "mme-exercises",
        "us-troops",
        "us-travels",
        "aiddata-plaid",
        "us-foreign-assistance",
        "aiddata-core-sectors",
    ]
    assert all(imp.name == name for name, imp in IMPORTERS.items())
    assert {name: imp.patterns for name, imp in list(IMPORTERS.items())[:8]} == {
        "aiddata-gcof": ("GlobalChineseOfficialFinanceDataset*.csv",),
        "aiddata-gcdf": (
            "gcdf3_geocoded_projects*.csv",
            "gcdf3_high_value*.csv",
            "gcdf3_recipient_year*.csv",
        ),
        "aiddata-public-diplomacy": (
            "ChinasPublicDiplomacyin*.csv",
            "ChinesePublicDiplomacy.csv",
            "*FinancialPublicDiplomacyProjectDetails.csv",
            "ChinasFinancialDiplomacyProjectDetails.csv",
        ),
        "aiddata-aims": ("*__projects.csv",),
        "koica": ("Korea_KOICA_Project_Database*.csv",),
        "listening-to-leaders": ("donors_global.csv", "donors_regions.csv"),
        "ussc-survey": ("ussc_asia_survey*.csv",),
        "lowy-gdi": ("globaldiplomacyindex_posts.csv",),
    }
    assert all(imp.patterns for imp in IMPORTERS.values())


#: ``softpower ledger importers``, whole: what each importer reads and makes.
IMPORTERS_LISTING = """\
aiddata-gcof                 AidData Global Chinese Official Finance 1.0 projects → CHN engagements
aiddata-gcdf                 AidData GCDF 3.0 pieces: geocoded / high-value projects → CHN engagements; recipient-year totals → indicators
aiddata-public-diplomacy     AidData China public diplomacy (EAP, SCA, dashboard): country-year indicators, financial-diplomacy engagements
aiddata-aims                 AidData geocoded AIMS (Timor-Leste, Nepal, Bangladesh): projects by state donor → engagements
koica                        AidData/KOICA Korea project database 1991-2007 → KOR engagements
listening-to-leaders         AidData 2017 Listening to Leaders: donor influence/helpfulness shares → perceptions
ussc-survey                  US Studies Centre Asia survey 2016-2017 microdata → weighted perception shares of US and China
lowy-gdi                     Lowy Global Diplomacy Index posts → diplomatic_posts indicators (sender → host)
pew-favourability            Pew Global Attitudes % favourable of a country by public and wave → perceptions (2017+ waves evaluation-only)
oecd-dac2a                   OECD DAC2A ODA disbursements donor x recipient x aid type, 2009-2022 → oda_* indicators (USD, constant 2022)
sipri-arms                   SIPRI arms transfers (360info): supplier → recipient TIV per year → arms_transfers indicators
uis-students                 UNESCO UIS student flows, top-10 partners (360info) → students_hosted indicators (host → origin)
mme-exercises                Multinational Military Exercises v7 → joint_exercises indicators for every pair of participants
us-troops                    US military presence (troopdata): troops, military_construction and bases indicators by host
us-travels                   Travels of the US President and Secretary of State → high_level_visits indicators by host and year
aiddata-plaid                AidData PLAID 1.9 commitments donor x recipient x year, 1947-2008 → aid_commitment (USD, constant 2000)
us-foreign-assistance        ForeignAssistance.gov US obligations and disbursements by country and fiscal year → assistance_* (USD, current)
aiddata-core-sectors         AidData Core 3.1 commitments by sector group, US + 17 donors, 1973-2013 → sector_commitment_* (USD, constant 2011)
"""


def test_the_importers_listing_whole() -> None:
    from typer.testing import CliRunner

    from softpower.cli import app

    res = CliRunner().invoke(app, ["ledger", "importers"])
    assert res.exit_code == 0 and res.output == IMPORTERS_LISTING
