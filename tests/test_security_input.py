"""Hostile record files: each is imported correctly or refused with one line, never a traceback,
never a partial write, never silently altered. One definition of valid: the record model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.ledger import Ledger
from softpower.records.models import MAX_OFFSET

runner = CliRunner()
DOC = "000_a02d9b5fb81b6bbc.txt"  # a bundled essay (its length is known to the ledger)
GOOD: dict[str, Any] = {
    "doc": DOC,
    "kind": "indicator",
    "actor": "JPN",
    "partners": ["VNM"],
    "metric": "oda_disbursement",
    "unit": "USD",
    "year": 2015,
    "value": 12.5,
    "span": [0, 10],
}
CSV_HEADER = "doc,kind,actor,partners,metric,unit,year,value,span_start,span_end\n"
CSV_GOOD = f"{DOC},indicator,JPN,VNM,oda_disbursement,USD,2015,12.5,0,10\n"


def _counts(path: Path) -> tuple[int, ...]:
    with Ledger.open(path, read_only=True) as lg:
        s = lg.stats()
    return (s["engagement"], s["indicator"], s["perception"], s["documents"])


def _import(ledger: Path, f: Path) -> Any:
    return runner.invoke(app, ["ledger", "import", str(f), "--ledger", str(ledger)])


def _refused(ledger: Path, f: Path, where: str, needle: str = "") -> str:
    before = _counts(ledger)
    res = _import(ledger, f)
    assert res.exit_code == 2, (res.stdout, res.stderr, res.exception)
    assert "Traceback" not in res.output and res.stderr.count("\n") == 1, res.stderr
    assert where in res.stderr and needle in res.stderr, res.stderr
    assert _counts(ledger) == before
    return str(res.stderr)


def _jsonl(tmp: Path, *lines: str, name: str = "r.jsonl") -> Path:
    f = tmp / name
    f.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return f


def _rec(**change: Any) -> str:
    return json.dumps({**GOOD, **change})


# -- NaN and infinity are refused in every field and format ------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        _rec(value="Infinity"),
        _rec(value="-Infinity"),
        _rec(value="NaN"),
        _rec(value="inf"),
        _rec()[:-1].replace('"value": 12.5', '"value": NaN') + "}",
        _rec()[:-1].replace('"value": 12.5', '"value": Infinity') + "}",
        _rec()[:-1].replace('"value": 12.5', '"value": 1e309') + "}",
        _rec(year="Infinity"),
        _rec(year=2015.5),
        _rec(kind="engagement", instrument="oda_loan", amount="NaN", metric=None, value=None),
        _rec(kind="engagement", instrument="oda_loan", amount=-1e400, metric=None, value=None),
        _rec(kind="perception", measure="trust", value="nan", metric=None),
    ],
)
def test_nan_and_infinity_are_refused_in_jsonl(seeds_ledger: Path, tmp_path: Path, line: str) -> None:
    f = _jsonl(tmp_path, _rec(), line)
    _refused(seeds_ledger, f, "r.jsonl:2:")


@pytest.mark.parametrize("bad", ["inf", "-inf", "Infinity", "1e309", "nan", "NaN", "-1e999"])
def test_nan_and_infinity_are_refused_in_csv(seeds_ledger: Path, tmp_path: Path, bad: str) -> None:
    f = tmp_path / "r.csv"
    f.write_text(CSV_HEADER + CSV_GOOD + CSV_GOOD.replace("12.5", bad), encoding="utf-8")
    _refused(seeds_ledger, f, "r.csv:3: value:")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity_are_refused_in_parquet(seeds_ledger: Path, tmp_path: Path, bad: float) -> None:
    frame = pd.DataFrame([{**GOOD, "partners": "VNM", "span": None}] * 3).drop(columns="span")
    frame["value"] = [1.0, 2.0, bad]
    f = tmp_path / "r.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), f)
    _refused(seeds_ledger, f, "r.parquet:3: value:")


# -- every crash class is a one-line refusal ----------------------------------------------------
@pytest.mark.parametrize(
    ("line", "field"),
    [
        (_rec(doc=[]), "doc"),
        (_rec(doc={"a": 1}), "doc"),
        (_rec(partners=None), "partners"),
        (_rec(partners=[]), "partners"),
        (_rec(partners=[["VNM"]]), "partners"),
        (_rec(partners="VNM;LAO"), "partners"),  # a lone string is one code, never split
        (_rec(partners=["VNM;LAO"]), "partners"),
        (_rec(unit={"a": 1}), "unit"),  # a dict is an error, never stored as Python text
        (_rec(unit=["USD"]), "unit"),
        (_rec(span=[0, MAX_OFFSET + 1]), "span"),
        (_rec(span=[2**31, 2**40]), "span"),
        (_rec(span=[5]), "span"),
        (_rec(span=[0, 5, 9]), "span"),  # three elements are refused, never cut to two
        (_rec(span=[9, 5]), "span"),
        (_rec(span="0-5"), "span"),
        (_rec(metric="oda\u0000x"), "metric"),
        (_rec(doc="a\u0000.txt"), "doc"),
        (_rec(year=True), "year"),
        (_rec(kind=None), "kind"),
        (_rec(kind="opinion"), "kind"),
        (_rec(year_end=2010), "year_end"),
    ],
)
def test_crash_classes_are_one_line(seeds_ledger: Path, tmp_path: Path, line: str, field: str) -> None:
    f = _jsonl(tmp_path, _rec(), line)
    _refused(seeds_ledger, f, "r.jsonl:2:", field)


def test_deep_nesting_is_refused(seeds_ledger: Path, tmp_path: Path) -> None:
    deep = "[" * 1000 + "]" * 1000
    f = _jsonl(tmp_path, _rec(), _rec(unit=None)[:-1] + f', "unit": {deep}}}')
    _refused(seeds_ledger, f, "r.jsonl:2:")
    deeper = "[" * 5000 + "]" * 5000
    f = _jsonl(tmp_path, _rec(), _rec()[:-1] + f', "extra": {deeper}}}', name="d.jsonl")
    _refused(seeds_ledger, f, "d.jsonl:2:")


def test_two_objects_on_one_line_are_refused(seeds_ledger: Path, tmp_path: Path) -> None:
    f = _jsonl(tmp_path, _rec(), _rec() + _rec(), _rec(actor="XXZ"))
    _refused(seeds_ledger, f, "r.jsonl:2:", "JSON")
    f = _jsonl(tmp_path, _rec(), _rec() + " " + _rec(), name="s.jsonl")
    _refused(seeds_ledger, f, "s.jsonl:2:", "JSON")


def test_the_first_bad_line_is_named(seeds_ledger: Path, tmp_path: Path) -> None:
    lines = [_rec()] * 5 + [_rec(actor="XXZ")] + [_rec()] * 3 + [_rec(year=1800), "not json"]
    _refused(seeds_ledger, _jsonl(tmp_path, *lines), "r.jsonl:6: actor:")
    lines = [_rec()] * 3 + [_rec(year=1800)] + ["{broken"] + [_rec(actor="XXZ")]
    _refused(seeds_ledger, _jsonl(tmp_path, *lines, name="b.jsonl"), "b.jsonl:4: year:")
    rows = CSV_GOOD * 3 + CSV_GOOD.replace("JPN", "XXZ") + "a,b\n" + CSV_GOOD.replace("2015", "1800")
    f = tmp_path / "f.csv"
    f.write_text(CSV_HEADER + rows, encoding="utf-8")
    _refused(seeds_ledger, f, "f.csv:5: actor:")


def test_first_bad_line_across_chunks(seeds_ledger: Path, tmp_path: Path) -> None:
    from softpower.ledger import files

    lines = [_rec(span=[i, i + 1]) for i in range(30)]
    lines[23] = _rec(year=1800)
    lines[27] = _rec(actor="XXZ")
    f = _jsonl(tmp_path, *lines)
    with Ledger.open(seeds_ledger) as lg, pytest.raises(Exception, match=r"r.jsonl:24: year:"):
        lg.import_records(files.iter_jsonl(f, chunk_rows=7), origin="t", source=str(f))


# -- CSV ----------------------------------------------------------------------------------------
def test_cr_only_line_ends_are_refused(seeds_ledger: Path, tmp_path: Path) -> None:
    f = tmp_path / "cr.csv"
    f.write_bytes((CSV_HEADER + CSV_GOOD + CSV_GOOD).replace("\n", "\r").encode() + b"\n")
    _refused(seeds_ledger, f, "cr.csv:1:")


def test_a_huge_csv_field_is_refused(seeds_ledger: Path, tmp_path: Path) -> None:
    f = tmp_path / "plain.csv"  # unquoted: the fast reader hands it to the careful one
    f.write_text(CSV_HEADER + CSV_GOOD + CSV_GOOD.replace("USD", "x" * 200_000), encoding="utf-8")
    _refused(seeds_ledger, f, "plain.csv:3:", "128 KB")
    f = tmp_path / "big.csv"
    f.write_text(CSV_HEADER + CSV_GOOD + CSV_GOOD.replace("USD", '"' + "x" * 200_000 + '"'), encoding="utf-8")
    _refused(seeds_ledger, f, "big.csv:3:")


def test_a_truncated_csv_is_refused(seeds_ledger: Path, tmp_path: Path) -> None:
    f = tmp_path / "cut.csv"
    f.write_text(CSV_HEADER + CSV_GOOD + CSV_GOOD.replace("12.5,0,10\n", "12.5,0,1"), encoding="utf-8")
    _refused(seeds_ledger, f, "cut.csv:3:", "cut short")
    f.write_text(CSV_HEADER + CSV_GOOD + f"{DOC},indicator,JPN,VNM,oda_dis", encoding="utf-8")
    _refused(seeds_ledger, f, "cut.csv:3:")


def test_an_excel_bom_is_accepted(seeds_ledger: Path, tmp_path: Path) -> None:
    for name, text in (
        ("bom.csv", CSV_HEADER + CSV_GOOD),
        ("crlf.csv", (CSV_HEADER + CSV_GOOD).replace("\n", "\r\n")),
    ):
        f = tmp_path / name
        f.write_bytes(b"\xef\xbb\xbf" + text.encode())
        res = _import(seeds_ledger, f)
        assert res.exit_code == 0, res.stderr
    assert _counts(seeds_ledger)[1] == 33


def test_semicolon_partners_in_csv_are_a_list(seeds_ledger: Path, tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text(CSV_HEADER + CSV_GOOD.replace(",VNM,", ",VNM;LAO,"), encoding="utf-8")
    assert _import(seeds_ledger, f).exit_code == 0
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        got = lg.query("SELECT partners FROM records WHERE origin = 'file:p.csv'")["partners"][0]
    assert list(got) == ["VNM", "LAO"]


@pytest.mark.parametrize(("cell", "field"), [("2015.5", "year"), ("maybe", "ppp"), ("abc", "span")])
def test_csv_cells_of_the_wrong_type(seeds_ledger: Path, tmp_path: Path, cell: str, field: str) -> None:
    header = CSV_HEADER.strip() + ",ppp,instrument\n"
    good = CSV_GOOD.replace("indicator", "engagement").strip() + ",false,oda_loan\n"
    bad = {
        "year": good.replace("2015", cell),
        "ppp": good.replace(",false,", f",{cell},"),
        "span": good.replace(",0,10", f",{cell},10"),
    }[field]
    f = tmp_path / "t.csv"
    f.write_text(header + good + bad, encoding="utf-8")
    _refused(seeds_ledger, f, f"t.csv:3: {field}")


# -- Parquet ------------------------------------------------------------------------------------
def _parquet(tmp: Path, spans: list[Any], name: str = "s.parquet") -> Path:
    rows = [{**GOOD, "span": s, "value": float(i)} for i, s in enumerate(spans)]
    f = tmp / name
    pq.write_table(pa.Table.from_pylist(rows), f)
    return f


@pytest.mark.parametrize("span", [[5], [0, 5, 9], [9, 5]])
def test_parquet_spans_of_the_wrong_shape(seeds_ledger: Path, tmp_path: Path, span: list[int]) -> None:
    _refused(seeds_ledger, _parquet(tmp_path, [[0, 1], [0, 2], span]), "s.parquet:3: span")


def test_corrupt_parquet_is_one_line(seeds_ledger: Path, tmp_path: Path) -> None:
    f = _parquet(tmp_path, [[0, i] for i in range(200)])
    data = bytearray(f.read_bytes())
    for at in range(8, len(data) - 200, 97):  # damage the pages, keep the footer
        data[at] ^= 0xFF
    f.write_bytes(bytes(data))
    res = _import(seeds_ledger, f)
    assert res.exit_code == 2 and "Traceback" not in res.output and res.stderr.count("\n") == 1
    (tmp_path / "t.parquet").write_bytes(f.read_bytes()[:300])
    _refused(seeds_ledger, tmp_path / "t.parquet", "t.parquet", "Parquet")


def test_good_files_still_import(seeds_ledger: Path, tmp_path: Path) -> None:
    f = _jsonl(tmp_path, *[_rec(span=[i, i + 2]) for i in range(5)])
    res = _import(seeds_ledger, f)
    assert res.exit_code == 0 and "added engagement 0, indicator 5" in res.stdout
