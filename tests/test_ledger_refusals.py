"""Every refusal of the record-file readers (ledger/files.py) and of the coverage scope table
(ledger/coverage.py), as the whole one-line message a user sees: file, line, field, problem and
what was expected. A change to any part of a message (a line number off by one, a field left
out, other words) fails here.

Also the complete output of the readers and of the scope parser on small valid inputs: every
column of the flat frame (values and line numbers) and every field of every scope.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from softpower.errors import InputError
from softpower.ledger.coverage import Scope, parse_scopes
from softpower.ledger.files import FLAT_COLUMNS, iter_records, read_records
from softpower.ledger.io import read_documents

OK = '{"doc": "a.txt", "kind": "engagement", "actor": "JPN", "partners": ["VNM"], "instrument": "oda_loan", "year": 2010}'
HEAD = "doc,kind,actor,partners"
FLAT = ",".join(FLAT_COLUMNS)
KEYS = (
    "doc, kind, actor, partners, instrument, metric, unit, measure, year, year_end, amount, currency, "
    "value, name, ppp, equal_footing, amount_basis, price_basis, price_year, span, quote"
)
CSV_SHAPE = "comma-separated fields of at most 128 KB, lines ending in LF or CRLF"
LONG = "V" * (128 * 1024 + 1)


def _parquet(columns: dict[str, list]) -> Callable[[Path], None]:
    return lambda p: pq.write_table(pa.table(columns), p)


def _text(text: str | bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


FOUR = {"doc": ["a", "b"], "kind": ["k", "k"], "actor": ["JPN", "JPN"], "partners": ["VNM", "VNM"]}

#: file name, how to write it (None: not written), the whole message with {f} for the file's path
REFUSALS: list[tuple[str, Callable[[Path], None] | None, str]] = [
    ("missing.jsonl", None, "{f}: no such file"),
    ("r.txt", _text("x\n"), "{f}: unknown file type '.txt' (expected a .jsonl, .csv or .parquet file)"),
    # JSON Lines
    (
        "r.jsonl",
        _text(OK.encode() + b'\n{"doc": "\xff"}\n'),
        "{f}:2: invalid UTF-8 byte 0xff at column 10 (expected UTF-8 text)",
    ),
    (
        "r.jsonl",
        _text(OK + "\n{nope\n"),
        "{f}:2: not valid JSON (unexpected character, expected a string key: line 1 column 2 (char 1))"
        " (expected one JSON object per line)",
    ),
    ("r.jsonl", _text(OK + "\n\n[1, 2]\n"), "{f}:3: not a JSON object (expected one JSON object per line)"),
    ("r.jsonl", _text(OK + "\n\n\n7\n"), "{f}:4: not a JSON object (expected one JSON object per line)"),
    (
        "r.jsonl",
        _text(OK + '\n{"doc": "a", "colour": "red", "zzz": 1}\n'),
        "{f}:2: colour: unknown field (expected the record keys " + KEYS + ")",
    ),
    (
        "r.jsonl",
        _text('{"doc": "a", "' + "k" * 70 + '": 1}\n'),
        "{f}:1: " + "k" * 60 + ": unknown field (expected the record keys " + KEYS + ")",
    ),
    (
        "r.jsonl",
        _text(OK + '\n{"doc": "a", "span": [1, 2, 3]}\n'),
        "{f}:2: span: got [1, 2, 3] (expected [start, end] or null)",
    ),
    (
        "r.jsonl",
        _text('{"doc": "a", "span": "0-5"}\n'),
        "{f}:1: span: got '0-5' (expected [start, end] or null)",
    ),
    (
        "r.jsonl",
        _text('{"doc": "a", "span": {"a": 1}}\n'),
        "{f}:1: span: got {'a': 1} (expected [start, end] or null)",
    ),
    (
        "r.jsonl",
        _text('{"doc": "a", "span": [' + ", ".join(["100000"] * 12) + "]}\n"),
        "{f}:1: span: got " + repr([100000] * 12)[:60] + " (expected [start, end] or null)",
    ),
    # CSV
    ("r.csv", _text(""), "{f}:1: empty file (expected a header line)"),
    (
        "r.csv",
        _text("doc,kind\rx\n"),
        "{f}:1: not CSV (new-line character seen in unquoted field - do you need to open the file in "
        "universal-newline mode?) (expected " + CSV_SHAPE + ")",
    ),
    (
        "r.csv",
        _text(HEAD + "\na,b\rc,d,e\n"),
        "{f}:2: not CSV (new-line character seen in unquoted field - do you need to open the file in "
        "universal-newline mode?) (expected " + CSV_SHAPE + ")",
    ),
    (
        "r.csv",
        _text(HEAD + "\na.txt,engagement,JPN,VNM\na.txt,engagement,JPN,IDN"),
        "{f}:3: the last line has no line end (the file may be cut short)"
        " (expected a complete file ending in a line break)",
    ),
    (
        "r.csv",
        _text("doc,kind,actor\na,b,c\n"),
        "{f}:1: header: missing column 'partners' (expected columns " + FLAT + ")",
    ),
    (
        "r.csv",
        _text("kind,actor\na,b\n"),
        "{f}:1: header: missing column 'doc' (expected columns " + FLAT + ")",
    ),
    (
        "r.csv",
        _text(HEAD + ",colour,size\na,b,c,d,e,f\n"),
        "{f}:1: header: unknown column 'colour' (expected columns " + FLAT + ")",
    ),
    (
        "r.csv",
        _text("kind,colour\na,b\n"),
        "{f}:1: header: unknown column 'colour' (expected columns " + FLAT + ")",
    ),
    # a short row after good ones, in a plain file (Arrow's reader first) and a quoted one
    (
        "r.csv",
        _text(HEAD + "\na.txt,engagement,JPN,VNM\na.txt,engagement,JPN\n"),
        "{f}:3: 3 fields (expected 4 fields as in the header)",
    ),
    (
        "r.csv",
        _text(HEAD + '\na.txt,engagement,JPN,VNM\n"a.txt",engagement,JPN,VNM,x\n'),
        "{f}:3: 5 fields (expected 4 fields as in the header)",
    ),
    (
        "r.csv",
        _text(HEAD + "\na.txt,engagement,JPN,VNM\n\n\na.txt,engagement\n"),
        "{f}:5: 2 fields (expected 4 fields as in the header)",
    ),
    (
        "r.csv",
        _text(HEAD + "\na.txt,engagement,JPN,VNM\na.txt,engagement,JPN," + LONG + "\n"),
        "{f}:3: not CSV (field larger than field limit (131072)) (expected " + CSV_SHAPE + ")",
    ),
    (
        "r.csv",
        _text(HEAD + '\n"a.txt",engagement,JPN,' + LONG + "\n"),
        "{f}:2: not CSV (field larger than field limit (131072)) (expected " + CSV_SHAPE + ")",
    ),
    # Parquet
    (
        "r.parquet",
        _text(b"PAR1 not really"),
        "{f}: not a readable Parquet file (Parquet magic bytes not found in footer. Either the file is "
        "corrupted or this is not a parquet file.)",
    ),
    (
        "r.parquet",
        _parquet({"doc": ["a"], "kind": ["k"], "actor": ["JPN"]}),
        "{f}: partners: missing column (expected columns " + FLAT + ")",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "colour": ["red", "red"]}),
        "{f}: colour: unknown column (expected columns " + FLAT + ")",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "c" * 70: ["red", "red"]}),
        "{f}: " + "c" * 60 + ": unknown column (expected columns " + FLAT + ")",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "amount": [1.0, float("nan")]}),
        "{f}:2: amount: NaN (expected a finite number or null)",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "amount": [None, float("nan")]}),
        "{f}:2: amount: NaN (expected a finite number or null)",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "value": [float("nan"), 1.0]}),
        "{f}:1: value: NaN (expected a finite number or null)",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "year": [2000.0, float("nan")]}),
        "{f}:2: year: NaN (expected a finite number or null)",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "span_end": [1.0, float("nan")]}),
        "{f}:2: span_end: NaN (expected a finite number or null)",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "span": [[1, 2], [1, 2, 3]]}),
        "{f}:2: span: got [1, 2, 3] (expected [start, end] or null)",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "span": [[7], [1, 2]]}),
        "{f}:1: span: got [7] (expected [start, end] or null)",
    ),
    (
        "r.parquet",
        _parquet({**FOUR, "span": ["0-5", None]}),
        "{f}:1: span: got '0-5' (expected [start, end] or null)",
    ),
]


@pytest.mark.parametrize(("name", "write", "message"), REFUSALS)
def test_a_bad_record_file_is_one_whole_line(
    tmp_path: Path, name: str, write: Callable[[Path], None] | None, message: str
) -> None:
    path = tmp_path / name
    if write is not None:
        write(path)
    with pytest.raises(InputError) as info:
        list(iter_records(path))
    assert str(info.value) == message.replace("{f}", str(path))


def test_every_refusal_of_a_bad_record_file_comes_after_the_good_rows_before_it(tmp_path: Path) -> None:
    """Rows before the bad line are yielded (the caller judges them first), with their lines."""
    path = tmp_path / "r.jsonl"
    path.write_text(OK + "\n\n" + OK.replace("VNM", "IDN") + "\n{nope\n", encoding="utf-8")
    frames = iter_records(path)
    first = next(frames)
    assert first["line"].tolist() == [1, 3] and first["partners"].tolist() == [["VNM"], ["IDN"]]
    with pytest.raises(InputError):
        next(frames)


# --- whole frames of valid files

RECORDS = [
    {
        "doc": "a.txt",
        "kind": "engagement",
        "actor": "JPN",
        "partners": ["VNM", "LAO"],
        "instrument": "oda_loan",
        "year": 2010,
        "year_end": 2012,
        "amount": 5.5,
        "currency": "USD",
        "name": "a loan",
        "span": [3, 9],
    },
    {
        "doc": "b.txt",
        "kind": "indicator",
        "actor": "CHN",
        "partners": ["IDN"],
        "metric": "m",
        "value": 2.0,
        "unit": "count",
        "ppp": True,
    },
]


def _cells(df: pd.DataFrame) -> list[list[object]]:
    def plain(v: object) -> object:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return None
        if hasattr(v, "tolist"):
            return v.tolist()  # type: ignore[no-any-return]
        return v

    return [[plain(v) for v in row] for row in df.itertuples(index=False, name=None)]


EXPECTED_ROWS = [
    # doc, kind, actor, partners, instrument, metric, unit, measure, year, year_end, amount, currency,
    # value, name, ppp, equal_footing, amount_basis, price_basis, price_year, span_start, span_end, line
    [
        "a.txt",
        "engagement",
        "JPN",
        None,
        "oda_loan",
        None,
        None,
        None,
        2010,
        2012,
        5.5,
        "USD",
        None,
        "a loan",
        None,
        None,
        None,
        None,
        None,
        3,
        9,
        None,
    ],
    [
        "b.txt",
        "indicator",
        "CHN",
        None,
        None,
        "m",
        "count",
        None,
        None,
        None,
        None,
        None,
        2.0,
        None,
        True,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ],
]


def test_json_lines_frame_whole(tmp_path: Path) -> None:
    import json

    path = tmp_path / "r.jsonl"
    path.write_text(
        "\ufeff" + json.dumps(RECORDS[0]) + "\r\n\n  \n" + json.dumps(RECORDS[1]) + "\n", encoding="utf-8"
    )
    df = read_records(path)
    assert sorted(df.columns) == sorted([*FLAT_COLUMNS, "line"])  # the scalars first, then the lists
    df = df[[*FLAT_COLUMNS, "line"]]
    want = [list(r) for r in EXPECTED_ROWS]
    want[0][3], want[1][3] = ["VNM", "LAO"], ["IDN"]  # JSON partners stay lists for the model
    want[0][-1], want[1][-1] = 1, 4
    assert _cells(df) == want


def test_csv_frame_whole_plain_and_quoted(tmp_path: Path) -> None:
    rows = [
        "a.txt,engagement,JPN,VNM;LAO,oda_loan,,,,2010,2012,5.5,USD,,a loan,,,,,,3,9",
        "b.txt,indicator,CHN,IDN,,m,count,,,,,,2.0,,true,,,,,,",
    ]
    for quoted in (False, True):
        path = tmp_path / f"r{quoted}.csv"
        body = [r.replace("a loan", '"a loan"') for r in rows] if quoted else rows
        path.write_text(FLAT + "\n" + "\n".join(body) + "\n", encoding="utf-8")
        df = read_records(path)
        assert list(df.columns) == [*FLAT_COLUMNS, "line"]
        want = [list(r) for r in EXPECTED_ROWS]
        want[0][3], want[1][3] = "VNM;LAO", "IDN"
        want[0][-1], want[1][-1] = 2, 3
        for row in want:  # CSV cells are text until the check converts them
            for i, v in enumerate(row[:-1]):
                row[i] = None if v is None else ("true" if v is True else str(v))
        assert _cells(df) == want, quoted


def test_parquet_frame_whole_with_a_span_list(tmp_path: Path) -> None:
    path = tmp_path / "r.parquet"
    pq.write_table(
        pa.table(
            {
                "doc": ["a.txt", "b.txt"],
                "kind": ["engagement", "indicator"],
                "actor": ["JPN", "CHN"],
                "partners": [["VNM", "LAO"], ["IDN"]],
                "span": [[3, 9], None],
            }
        ),
        path,
    )
    frames = list(iter_records(path, chunk_rows=1))
    assert [f["line"].tolist() for f in frames] == [[1], [2]]
    df = pd.concat(frames, ignore_index=True)
    assert list(df.columns) == [*FLAT_COLUMNS, "line"]
    got = _cells(df)
    assert [r[:4] for r in got] == [
        ["a.txt", "engagement", "JPN", ["VNM", "LAO"]],
        ["b.txt", "indicator", "CHN", ["IDN"]],
    ]
    assert [r[4:19] for r in got] == [[None] * 15, [None] * 15]
    assert [r[19:] for r in got] == [[3, 9, 1], [None, None, 2]]


# --- coverage scopes

SCOPE_HEAD = "source,kind,families,actors,partners,years,missing_row,note\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("source,kind\n", "coverage.csv:1: missing column 'families'"),
        ("", "coverage.csv:1: missing column 'source'"),
        (
            SCOPE_HEAD + "x,record,m,USA,*,2000,zero,\n",
            "coverage.csv:2: kind 'record' (expected one of engagement, indicator, perception)",
        ),
        (
            SCOPE_HEAD + "x,indicator,m,USA,*,2000,maybe,\n",
            "coverage.csv:2: missing_row 'maybe' (expected zero or unobserved)",
        ),
        (SCOPE_HEAD + "x,indicator,,USA,*,2000,zero,\n", "coverage.csv:2: source and families are required"),
        (SCOPE_HEAD + " ,indicator,m,USA,*,2000,zero,\n", "coverage.csv:2: source and families are required"),
        (SCOPE_HEAD + "x,indicator,m,USA XXX,*,2000,zero,\n", "coverage.csv:2: actors: unknown code 'XXX'"),
        (SCOPE_HEAD + "x,indicator,m,USA,QQQ,2000,zero,\n", "coverage.csv:2: partners: unknown code 'QQQ'"),
        (
            SCOPE_HEAD + "x,indicator,m, ,*,2000,zero,\n",
            "coverage.csv:2: actors: empty (use * for every state)",
        ),
        (
            SCOPE_HEAD + "x,indicator,m,USA,*,2000-1990,zero,\n",
            "coverage.csv:2: years '2000-1990' run backwards",
        ),
        (
            SCOPE_HEAD + "x,indicator,m,USA,*,1990 20x0,zero,\n",
            "coverage.csv:2: years '1990 20x0' (expected 2009-2022 or 2016 2017)",
        ),
        (SCOPE_HEAD + "x,indicator,m,USA,*, ,zero,\n", "coverage.csv:2: no years"),
        (
            SCOPE_HEAD
            + "x,indicator,m,USA,*,2000,zero,\ny,perception,m,USA,*,2000,zero,\nz,indicator,m,USA,*,2000,none,\n",
            "coverage.csv:4: missing_row 'none' (expected zero or unobserved)",
        ),
    ],
)
def test_a_bad_scope_table_is_one_whole_line(text: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_scopes(text)
    assert str(info.value) == message


def test_scope_table_parsed_whole() -> None:
    text = SCOPE_HEAD + (
        " dac ,indicator,oda_* aid_commitment,USA JPN,*,2009-2011 2015,zero,a note\n"
        "pew,perception,favourable,*,IDN VNM,2016,unobserved,\n"
    )
    assert parse_scopes(text, "c.csv") == (
        Scope(
            source="dac",
            kind="indicator",
            families=("oda_*", "aid_commitment"),
            actors=frozenset({"USA", "JPN"}),
            partners=None,
            years=frozenset({2009, 2010, 2011, 2015}),
            missing_row="zero",
            note="a note",
        ),
        Scope(
            source="pew",
            kind="perception",
            families=("favourable",),
            actors=None,
            partners=frozenset({"IDN", "VNM"}),
            years=frozenset({2016}),
            missing_row="unobserved",
            note="",
        ),
    )


# --- the documents sidecar of an export

KINDS_TEXT = (
    "'government', 'state_media', 'independent_press', 'think_tank', 'academic', 'international_org', "
    "'dataset' or 'unknown'"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": "a"}\n\n[1]\n', "{f}:3: not a JSON object (expected one document a line)"),
        (
            "{nope\n",
            "{f}:1: not valid JSON (unexpected character, expected a string key: line 1 column 2 (char 1))"
            " (expected one document a line)",
        ),
        ('{"id": "a", "publisher_kind": "alien"}\n', "{f}:1: publisher_kind: Input should be " + KINDS_TEXT),
        ('{"id": "a"}\n{"title": "x"}\n', "{f}:2: id: Field required"),
        (
            '{"id": "a", "date": "2022-02-31"}\n',
            "{f}:1: date: Input should be a valid date or datetime, day value is outside expected range",
        ),
    ],
)
def test_a_bad_documents_sidecar_is_one_whole_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.documents.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_documents(path)
    assert str(info.value) == message.replace("{f}", str(path))


def test_documents_sidecar_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "x.documents.jsonl"
    path.write_text('{"id": "a", "title": "A"}\n\n{"id": "b", "date": "2020-01-02"}\n', encoding="utf-8")
    assert read_documents(path) == [{"id": "a", "title": "A"}, {"id": "b", "date": "2020-01-02"}]


def test_a_documents_sidecar_key_outside_the_document_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.documents.jsonl"
    path.write_text('{"id": "a", "text": "T"}\n{"id": "b", "publsher": "P"}\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_documents(path)
    assert str(info.value) == (
        f"{path}:2: publsher: unknown key (expected the document keys id, title, author, publisher, "
        "publisher_country, publisher_kind, date, url, text_length, sha256, text)"
    )
