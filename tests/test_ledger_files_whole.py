"""Whole outputs of ``ledger.files`` and of the import's last-resort Unicode refusal: a plain CSV
through Arrow's fast path (every cell as text or missing, the line numbers), an empty record
file of each kind (no rows, every column), and a record whose *key* has no UTF-8 form."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from softpower.errors import InputError
from softpower.ledger import files
from softpower.ledger.files import (
    FLAT_COLUMNS,
    _arrow_csv,
    _count_lines,
    _ends_with_newline,
    _rebatch,
    _scan,
    empty_frame,
    iter_records,
    read_records,
)
from softpower.ledger.store import Ledger


def _cells(frame: Any) -> list[dict[str, Any]]:
    """Rows with missing cells as None, so a NaN and a None compare equal and '' does not."""
    return [
        {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def test_a_plain_csv_is_read_as_text_cells(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "doc,kind,actor,partners,year,currency,amount,ppp\n"
        "a,engagement,JPN,VNM;LAO,2010,,1.5,true\n"
        "b,indicator,CHN,IDN,,USD,,\n",
        encoding="utf-8",
    )
    got = read_records(path)
    assert list(got.columns) == [*FLAT_COLUMNS, "line"]
    empty = dict.fromkeys(FLAT_COLUMNS)
    assert _cells(got) == [
        {**empty, "doc": "a", "kind": "engagement", "actor": "JPN", "partners": "VNM;LAO", "year": "2010",
         "amount": "1.5", "ppp": "true", "line": 2},
        {**empty, "doc": "b", "kind": "indicator", "actor": "CHN", "partners": "IDN", "currency": "USD", "line": 3},
    ]  # fmt: skip
    # the careful reader (a quoted field sends the file there) gives the same cells
    quoted = tmp_path / "q.csv"
    quoted.write_text(path.read_text(encoding="utf-8").replace("VNM;LAO", '"VNM;LAO"'), encoding="utf-8")
    assert _cells(read_records(quoted)) == _cells(got)


@pytest.mark.parametrize(
    ("name", "text"), [("e.jsonl", ""), ("e.jsonl", "\n\n"), ("e.csv", "doc,kind,actor,partners\n")]
)
def test_a_file_without_records_is_an_empty_frame_of_every_column(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    got = read_records(path)
    assert list(got.columns) == [*FLAT_COLUMNS, "line"] and len(got) == 0
    assert list(empty_frame().columns) == [*FLAT_COLUMNS, "line"]
    assert all(t == np.dtype(object) for t in empty_frame().dtypes)


def test_a_key_without_utf8_form_is_one_line(tmp_path: Path) -> None:
    eng = {"doc": "a", "kind": "engagement", "actor": "JPN", "partners": ["VNM"], "instrument": "oda_loan"}
    with Ledger.open(tmp_path / "k.duckdb") as lg:
        with pytest.raises(InputError) as err:
            lg.import_records([eng, {**eng, "\ud800x": "a"}], origin="o", source="s")
        assert str(err.value) == "s: text that is not valid Unicode (expected UTF-8 text)"
        assert lg.stats()["engagement"] == 0


def test_the_fast_csv_path_reads_every_column_as_text(tmp_path: Path) -> None:
    # Arrow would infer numbers and booleans; the ledger's model judges text cells instead
    path = tmp_path / "p.csv"
    path.write_text("doc,year,amount,ppp,name\na,2010,1.5,true,NA\nb,,,,null\nc,,,,N/A\n", encoding="utf-8")
    header = ["doc", "year", "amount", "ppp", "name"]
    (table,) = list(_arrow_csv(path, header, 10))
    assert [str(t) for t in table.schema.types] == ["string"] * 5
    # only an empty cell is missing: 'NA', 'null' and 'N/A' are text (Arrow's default reads them as null)
    assert table.to_pylist() == [
        {"doc": "a", "year": "2010", "amount": "1.5", "ppp": "true", "name": "NA"},
        {"doc": "b", "year": None, "amount": None, "ppp": None, "name": "null"},
        {"doc": "c", "year": None, "amount": None, "ppp": None, "name": "N/A"},
    ]
    full = tmp_path / "r.csv"
    full.write_text("doc,kind,actor,partners,name\na,engagement,JPN,VNM,NA\nb,engagement,JPN,VNM,null\n")
    assert read_records(full)["name"].tolist() == ["NA", "null"]


def test_rebatch_gathers_batches_into_chunks() -> None:
    batches = [pa.record_batch({"x": list(range(k))}) for k in (2, 2, 1, 3)]
    sizes = [t.num_rows for t in _rebatch(batches, 3)]
    assert sizes == [4, 4]  # 2+2 reaches 3; then 1+3
    assert [t.num_rows for t in _rebatch(batches, 4)] == [4, 4]
    assert [t.num_rows for t in _rebatch(batches, 5)] == [5, 3]
    assert [t.num_rows for t in _rebatch(batches, 1)] == [2, 2, 1, 3]
    assert list(_rebatch([], 3)) == []
    (whole,) = list(_rebatch(batches, 100))
    assert whole.column("x").to_pylist() == [0, 1, 0, 1, 0, 0, 1, 2]


@pytest.mark.parametrize(
    ("data", "lines", "ends"),
    [(b"", 0, True), (b"a", 1, False), (b"a\n", 1, True), (b"a\nb", 2, False), (b"a\n\nb\n", 3, True)],
)
def test_line_counts_and_endings(tmp_path: Path, data: bytes, lines: int, ends: bool) -> None:
    path = tmp_path / "f"
    path.write_bytes(data)
    assert (_count_lines(path), _ends_with_newline(path)) == (lines, ends)


def test_scan_finds_any_needle(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b'a,b\nc,"d"\n')
    assert _scan(path, b'"') is False
    assert _scan(path, b"\r", b"\n\n") is True
    assert _scan(path, b"x", b",b") is False


@pytest.mark.parametrize("block", [1, 2, 3, 1 << 24])
def test_scans_over_blocks_of_any_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int) -> None:
    """The line count, the last byte and the needle scan are the same whatever the read size,
    with a two-byte needle across two blocks and a file ending in or without a line break."""
    monkeypatch.setattr(files, "SCAN_BLOCK", block)
    path = tmp_path / "f"
    path.write_bytes(b"ab\n\ncd\n")  # lines: "ab", "", "cd"; "\n\n" spans bytes 2-3
    assert (_count_lines(path), _ends_with_newline(path)) == (3, True)
    assert _scan(path, b"\n\n") is False
    assert _scan(path, b"\r", b"a\n", b"dc") is True
    assert _scan(path, b"b\n") is False  # across the first two blocks of one or two bytes
    path.write_bytes(b"ab\ncd")
    assert (_count_lines(path), _ends_with_newline(path)) == (2, False)
    assert _scan(path, b"\n\n", b"\r") is True
    assert _scan(path, b"cd") is False  # the last two bytes
    path.write_bytes(b"\n")
    assert (_count_lines(path), _scan(path, b"\n\n")) == (1, True)


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".json", ".JSONL", ".NDJSON", ".Json"])
def test_every_json_lines_suffix_is_read_as_json_lines(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"r{suffix}"
    path.write_text('{"doc": "a", "kind": "engagement", "actor": "JPN", "partners": ["VNM"]}\n')
    (frame,) = list(iter_records(path))
    assert (frame["doc"].tolist(), frame["partners"].tolist(), frame["line"].tolist()) == (
        ["a"],
        [["VNM"]],
        [1],
    )


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_chunks_of_each_format_keep_their_line_numbers(tmp_path: Path, suffix: str) -> None:
    rows = [{"doc": f"d{i}", "kind": "engagement", "actor": "JPN", "partners": "VNM"} for i in range(5)]
    path = tmp_path / f"r{suffix}"
    if suffix == ".jsonl":
        path.write_text(
            "\n".join(json.dumps(r) for r in rows[:2])
            + "\n\n"
            + "\n".join(json.dumps(r) for r in rows[2:])
            + "\n"
        )
        lines = [1, 2, 4, 5, 6]  # the blank line 3 is skipped and counted
    elif suffix == ".csv":
        path.write_text(
            "doc,kind,actor,partners\n" + "".join(f"{r['doc']},engagement,JPN,VNM\n" for r in rows)
        )
        lines = [2, 3, 4, 5, 6]  # line 1 is the header
        # Arrow's reader gives whole 4 MB blocks: a chunk is at least chunk_rows rows
        (chunk,) = list(iter_records(path, chunk_rows=2))
        assert chunk["line"].tolist() == lines and chunk["doc"].tolist() == [f"d{i}" for i in range(5)]
        path.write_text(path.read_text().replace("d4,", '"d4",'))  # a quote: the careful reader
    else:
        pq.write_table(pa.Table.from_pylist(rows), path)
        lines = [1, 2, 3, 4, 5]  # the row number
    chunks = list(iter_records(path, chunk_rows=2))
    assert [len(c) for c in chunks] == [2, 2, 1]
    assert [c["line"].tolist() for c in chunks] == [lines[:2], lines[2:4], lines[4:]]
    assert [d for c in chunks for d in c["doc"]] == [f"d{i}" for i in range(5)]


def test_a_plain_csv_that_leaves_the_fast_path_midway_gives_each_row_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Arrow reads blocks of a few rows here; a field longer than MAX_FIELD in the last row
    sends the rest of the file to the careful reader after Arrow's first chunk was given: it
    starts at the row after the last one given, so every row comes once with its line."""
    monkeypatch.setattr(files, "ARROW_BLOCK", 64)
    monkeypatch.setattr(files, "MAX_FIELD", 20)
    path = tmp_path / "r.csv"
    names = ["d0", "d1", "d2", "d3", "a-document-id-over-20-characters"]
    path.write_text("doc,kind,actor,partners\n" + "".join(f"{d},engagement,JPN,VNM\n" for d in names))
    chunks = list(iter_records(path, chunk_rows=2))
    # Arrow's first chunk holds four rows (its 64-byte blocks); the careful reader gives the last
    assert [c["line"].tolist() for c in chunks] == [[2, 3, 4, 5], [6]]
    assert [d for c in chunks for d in c["doc"]] == names
    assert [list(c.columns) for c in chunks] == [[*FLAT_COLUMNS, "line"]] * 2


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_the_rows_before_a_bad_line_are_the_same_frame_as_without_it(tmp_path: Path, suffix: str) -> None:
    """The chunk given before a bad line's refusal (earlier lines are judged first) is the
    frame the same lines give in a file without the bad line: every column, value and type."""
    good, bad = tmp_path / f"good{suffix}", tmp_path / f"bad{suffix}"
    if suffix == ".jsonl":
        lines = [
            json.dumps(
                {
                    "doc": "a",
                    "kind": "indicator",
                    "actor": "JPN",
                    "partners": ["VNM"],
                    "year": 2010,
                    "metric": "m",
                    "value": 1.5,
                    "span": [0, 4],
                }
            ),
            json.dumps({"doc": "b", "kind": "engagement", "actor": "CHN", "partners": "LAO", "year": None}),
        ]
        good.write_text("\n".join(lines) + "\n")
        bad.write_text("\n".join(lines) + "\n[1, 2]\n")
    else:
        head = "doc,kind,actor,partners,year,value\n"
        body = '"a",indicator,JPN,VNM,2010,1.5\nb,engagement,CHN,LAO,,\n'
        good.write_text(head + body)
        bad.write_text(head + body + "c,engagement\n")
    (whole,) = list(iter_records(good))
    chunks: list[Any] = []
    with pytest.raises(InputError) as err:
        for c in iter_records(bad):
            chunks.append(c)
    assert err.value.line == 3 if suffix == ".jsonl" else err.value.line == 4
    (before,) = chunks
    pd.testing.assert_frame_equal(before, whole)  # dtypes too: text cells stay objects
    assert before["line"].tolist() == ([1, 2] if suffix == ".jsonl" else [2, 3])


def test_a_parquet_file_with_span_and_span_columns_keeps_the_span_columns(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    row = {"doc": "d", "kind": "engagement", "actor": "JPN", "partners": "VNM"}
    pq.write_table(pa.Table.from_pylist([{**row, "span": [1, 2], "span_start": 5, "span_end": 6}]), path)
    got = read_records(path)
    assert (got["span_start"].tolist(), got["span_end"].tolist()) == ([5], [6])
    assert list(got.columns) == [*FLAT_COLUMNS, "line"]


def test_the_checkpointed_size_reads_the_newer_valid_header(tmp_path: Path) -> None:
    import struct

    from softpower.ledger.store import _checkpointed_size

    def header(iteration: int, blocks: int, block_size: int) -> bytes:
        return struct.pack("<8Q", 0, iteration, 0, 0, blocks, block_size, 0, 0).ljust(4096, b"\0")

    main = b"\0" * 8 + b"DUCK" + b"\0" * (4096 - 12)
    path = tmp_path / "h.duckdb"
    cases = [
        ((1, 10, 262144), (2, 20, 262144), 12288 + 20 * 262144),  # the higher iteration
        ((3, 10, 262144), (2, 20, 262144), 12288 + 10 * 262144),
        ((5, 10, 1000), (2, 20, 4096), 12288 + 20 * 4096),  # a block size that is no power of two
        ((5, 1 << 32, 4096), (2, 20, 4096), 12288 + 20 * 4096),  # too many blocks
        ((5, 10, 1 << 25), (6, 20, 1 << 24), 12288 + 20 * (1 << 24)),  # 32 MiB blocks are out of range
        ((5, 10, 1000), (6, 20, 1000), None),
    ]
    for first, second, size in cases:
        path.write_bytes(main + header(*first) + header(*second))
        assert _checkpointed_size(path) == size, (first, second)
    path.write_bytes(b"\0" * 8 + b"DUCX" + b"\0" * (12288 - 12))
    assert _checkpointed_size(path) is None
