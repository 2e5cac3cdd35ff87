"""Hostile input found by fuzzing: each is a one-line refusal naming file, line and field.

A Parquet span stored as a struct (a dict per row), keys holding line breaks in scenario and
framework files, and record fields the format does not have (refused, never dropped).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from softpower.errors import InputError, SoftpowerError, one_line
from softpower.ledger import Ledger, import_file
from softpower.ledger.files import iter_jsonl, iter_parquet

RECORD = {
    "doc": "d.txt",
    "kind": "engagement",
    "actor": "JPN",
    "partners": ["VNM"],
    "instrument": "health_cooperation",
    "year": 2019,
    "span": None,
}


def test_one_line_escapes_every_line_break() -> None:
    text = one_line("a\nb\rc\x0bd\x85e\u2028f")
    assert text == "a\\nb\\rc\\x0bd\\x85e\\u2028f"
    assert len(text.splitlines()) == 1
    err = InputError("f\n.yaml", 3, "donors.J\nPN", "bad\rvalue", "x\ny")
    assert str(err) == "f\\n.yaml:3: donors.J\\nPN: bad\\rvalue (expected x\\ny)"


def test_parquet_span_stored_as_a_dict_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "s.parquet"
    table = pa.table(
        {
            "doc": ["d", "d"],
            "kind": ["engagement"] * 2,
            "actor": ["JPN"] * 2,
            "partners": [["VNM"]] * 2,
            "span": [{"a": 1, "b": 2}, {"a": 3, "b": 4}],
        }
    )
    pq.write_table(table, f)
    with pytest.raises(InputError) as err:
        list(iter_parquet(f))
    assert str(err.value) == f"{f}:1: span: got {{'a': 1, 'b': 2}} (expected [start, end] or null)"


@pytest.mark.parametrize("chunk_rows", [1, 1000])  # the careful reader, and Arrow's fast path first
def test_jsonl_unknown_field_is_refused_with_its_line(tmp_path: Path, chunk_rows: int) -> None:
    f = tmp_path / "r.jsonl"
    rows = [RECORD, {**RECORD, "year": 2020}, {**RECORD, "year": 2021, "colour": "red"}, {**RECORD, "zz": 1}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(InputError) as err:
        list(iter_jsonl(f, chunk_rows=chunk_rows))
    assert str(err.value).startswith(f"{f}:3: colour: unknown field (expected the record keys doc, kind")


def test_jsonl_known_extras_are_accepted(tmp_path: Path) -> None:
    f = tmp_path / "r.jsonl"
    rows = [{**RECORD, "quote": "q", "confidence": 0.7}, {**RECORD, "year": 2020, "record_id": "abc"}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    frames = list(iter_jsonl(f))
    assert sum(len(x) for x in frames) == 2


def test_parquet_unknown_column_is_refused_and_nothing_written(seeds_ledger: Path, tmp_path: Path) -> None:
    f = tmp_path / "x.parquet"
    pq.write_table(pa.table({k: [v] for k, v in {**RECORD, "span": None, "secret\nnote": "hi"}.items()}), f)
    with Ledger.open(seeds_ledger) as lg:
        before = lg.stats()
        with pytest.raises(InputError) as err:
            import_file(lg, f)
        assert lg.stats() == before
    assert str(err.value).startswith(f"{f}: secret\\nnote: unknown column")


def _scenario(tmp_path: Path, data: object) -> Path:
    f = tmp_path / "s.yaml"
    f.write_text(yaml.safe_dump(data), encoding="utf-8")
    return f


def test_scenario_key_with_a_line_break_is_one_line(tmp_path: Path) -> None:
    from softpower.simulate.scenario import load_scenario

    f = _scenario(tmp_path, {"partners": ["VNM"], "donors": {"JP\nN": {"strategy": "x"}}})
    with pytest.raises(SoftpowerError) as err:
        load_scenario(f)
    assert "\n" not in str(err.value) and "JP\\nN" in str(err.value)


def test_framework_key_with_a_line_break_is_one_line() -> None:
    from softpower.measure.framework import parse_framework

    text = yaml.safe_dump({"name": "f", "pillars": {"eco\nnomic": {"indicators": ["x\ny"]}}})
    with pytest.raises(SoftpowerError) as err:
        parse_framework(text, "f.yaml")
    assert "\n" not in str(err.value)


def test_cli_prints_one_line_for_a_key_with_a_line_break(tmp_path: Path) -> None:
    f = tmp_path / "r.jsonl"
    f.write_text(json.dumps({**RECORD, "a\nb": 1}) + "\n", encoding="utf-8")
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "softpower",
            "ledger",
            "import",
            str(f),
            "--ledger",
            str(tmp_path / "l.duckdb"),
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 2
    assert (
        res.stderr
        == f"softpower: {f}:1: a\\nb: unknown field (expected the record keys "
        + (res.stderr.split("(expected the record keys ", 1)[1])
    )
    assert res.stderr.count("\n") == 1
