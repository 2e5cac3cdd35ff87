"""Every rule of "a valid record" has a test that fails when the rule is removed or moved by one.

The rules live in one place, :mod:`softpower.records.models`; the ledger's import check
(:func:`softpower.ledger.validate.validate_frame`) uses them and nothing else. So each rule is
checked here at its boundary (the last accepted value and the first refused one), through the
model and through the ledger's reading of JSON Lines and CSV files, and the error must name the
first bad line, the field and what was expected.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from pydantic import ValidationError

from softpower.errors import InputError
from softpower.ledger import Ledger
from softpower.ledger.files import iter_records
from softpower.ledger.store import to_flat
from softpower.ledger.validate import OUT_COLUMNS, validate_frame
from softpower.records import vocab
from softpower.records.models import (
    MAX_OFFSET,
    MAX_TARGET_YEAR,
    MIN_YEAR,
    RECORD_KEYS,
    expected,
    max_year,
    parse_record,
    span_fits,
)

ENGAGEMENT: dict[str, Any] = {
    "doc": "d.txt",
    "kind": "engagement",
    "actor": "JPN",
    "partners": ["VNM"],
    "instrument": "oda_loan",
    "year": 2010,
    "amount": 5.0,
    "currency": "JPY",
    "span": [2, 8],
}
INDICATOR: dict[str, Any] = {
    "doc": "d.txt",
    "kind": "indicator",
    "actor": "CHN",
    "partners": ["IDN"],
    "metric": "students",
    "value": 1200.0,
    "year": 2015,
}
PERCEPTION: dict[str, Any] = {
    "doc": "d.txt",
    "kind": "perception",
    "actor": "USA",
    "partners": ["PHL"],
    "measure": "trust",
    "value": 0.5,
    "year": 2020,
}


def _with(base: dict[str, Any], **change: Any) -> dict[str, Any]:
    row = dict(base)
    for k, v in change.items():
        if v is _DROP:
            row.pop(k, None)
        else:
            row[k] = v
    return row


_DROP = object()


def _check(rows: list[dict[str, Any]], lengths: dict[str, int | None] | None = None) -> pd.DataFrame:
    return validate_frame(to_flat(rows), "in.jsonl", lengths or {})


def _refused(rows: list[dict[str, Any]], lengths: dict[str, int | None] | None = None) -> InputError:
    with pytest.raises(InputError) as info:
        _check(rows, lengths)
    return info.value


# --- each rule at its boundary: accepted on one side, refused (naming the field) on the other


BOUNDARIES = [
    # (rule, base record, field, last accepted value, first refused value)
    ("year not before MIN_YEAR", ENGAGEMENT, "year", MIN_YEAR, MIN_YEAR - 1),
    ("year not after next year", ENGAGEMENT, "year", max_year(), max_year() + 1),
    ("year_end not before MIN_YEAR", INDICATOR, "year_end", None, MIN_YEAR - 1),
    (
        "year_end up to the target horizon",
        _with(INDICATOR, year=None),
        "year_end",
        MAX_TARGET_YEAR,
        MAX_TARGET_YEAR + 1,
    ),
    ("amount non-negative", ENGAGEMENT, "amount", 0.0, -0.01),
    ("perception share at most 1", PERCEPTION, "value", 1.0, 1.01),
    ("perception share not 100 percent", PERCEPTION, "value", 1.0, 100.0),
    ("perception share at least 0", PERCEPTION, "value", 0.0, -0.01),
    ("span start not negative", ENGAGEMENT, "span", [0, 0], [-1, 3]),
    ("span not reversed", ENGAGEMENT, "span", [5, 5], [5, 4]),
    ("span end fits 32 bits", ENGAGEMENT, "span", [0, MAX_OFFSET], [0, MAX_OFFSET + 1]),
    ("fractional year", ENGAGEMENT, "year", 2010, 2010.5),
    ("fractional year_end", ENGAGEMENT, "year_end", 2012, 2012.5),
    ("fractional span", ENGAGEMENT, "span", [1, 2], [1, 2.5]),
    ("actor is a country", ENGAGEMENT, "actor", "XKX", "XXX"),
    ("actor not a group", ENGAGEMENT, "actor", "IDN", "ASEAN"),
    ("partners known codes", ENGAGEMENT, "partners", ["ASEAN", "IDN"], ["IDN", "NOPE"]),
    ("partners not empty", ENGAGEMENT, "partners", ["WORLD"], []),
    ("instrument in the vocabulary", ENGAGEMENT, "instrument", "oda_grant", "bribery"),
    ("currency is ISO 4217", ENGAGEMENT, "currency", "USD", "USX"),
    ("amount basis in its list", ENGAGEMENT, "amount_basis", "disbursement", "pledge"),
    ("price basis in its list", ENGAGEMENT, "price_basis", "current", "nominal"),
    ("indicator metric not empty", INDICATOR, "metric", "m", ""),
    ("doc id not empty", ENGAGEMENT, "doc", "x", ""),
    ("kind known", ENGAGEMENT, "kind", "engagement", "donation"),
    ("text has no NUL", ENGAGEMENT, "name", "Tokyo fund", "Tokyo\x00fund"),
    ("amount finite (NaN)", ENGAGEMENT, "amount", 1e308, "NaN"),
    ("amount finite (inf)", ENGAGEMENT, "amount", 1e308, math.inf),
    ("indicator value finite (+inf)", INDICATOR, "value", -1e308, math.inf),
    ("indicator value finite (-inf)", INDICATOR, "value", -1e308, -math.inf),
    ("perception value finite (NaN)", PERCEPTION, "value", 0.25, math.nan),
]


@pytest.mark.parametrize(
    ("rule", "base", "field", "good", "bad"), BOUNDARIES, ids=[b[0].replace(" ", "-") for b in BOUNDARIES]
)
def test_rule_boundary_in_model_and_ledger(rule: str, base: dict, field: str, good: Any, bad: Any) -> None:
    ok = _with(base, **{field: good})
    assert parse_record(ok) is not None
    assert len(_check([ok])) == 1
    wrong = _with(base, **{field: bad})
    with pytest.raises(ValidationError):
        parse_record(wrong)
    if isinstance(bad, float) and bad != bad:
        # a NaN cell is pandas' "missing": the frame path sees no value (the readers refuse NaN text)
        return
    err = _refused([ok, wrong, ok])
    assert err.line == 2, rule
    assert err.field == field, (rule, err.format())


def test_nan_in_a_frame_is_missing_but_refused_in_every_file_format(tmp_path: Path) -> None:
    # JSON Lines: NaN, Infinity and -Infinity are not JSON; the line is refused by the reader
    for token, field in (("NaN", "amount"), ("Infinity", "amount"), ("-Infinity", "value")):
        base = ENGAGEMENT if field == "amount" else INDICATOR
        text = json.dumps(_with(base, **{field: 1.0}))
        bad = text.replace('"' + field + '": 1.0', f'"{field}": {token}')
        assert bad != text
        path = tmp_path / "r.jsonl"
        path.write_text(json.dumps(base) + "\n" + bad + "\n", encoding="utf-8")
        with pytest.raises(InputError) as info:
            for frame in iter_records(path):
                validate_frame(frame, str(path), {})
        assert info.value.line == 2, info.value.format()
        assert "not valid JSON" in info.value.problem
    # CSV: inf and 1e309 (an overflow to infinity)
    for cell in ("inf", "-inf", "1e309", "nan"):
        path = tmp_path / "r.csv"
        _write_csv(path, [ENGAGEMENT, _with(ENGAGEMENT, amount=cell)])
        with pytest.raises(InputError) as info:
            for frame in iter_records(path):
                validate_frame(frame, str(path), {})
        assert (info.value.line, info.value.field) == (3, "amount"), (cell, info.value.format())


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    cols = [k for k in RECORD_KEYS if k != "span"] + ["span_start", "span_end"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        for r in rows:
            flat = {k: r.get(k) for k in cols}
            flat["partners"] = ";".join(r["partners"])
            flat["span_start"], flat["span_end"] = r.get("span") or (None, None)
            w.writerow(flat)


def test_fractional_year_in_csv_is_refused_not_rounded(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    _write_csv(path, [ENGAGEMENT, ENGAGEMENT, _with(ENGAGEMENT, year="2010.5")])
    with pytest.raises(InputError) as info:
        for frame in iter_records(path):
            validate_frame(frame, str(path), {})
    assert (info.value.line, info.value.field) == (4, "year")


# --- rules across fields


def test_end_year_before_start_is_refused_same_year_accepted() -> None:
    assert len(_check([_with(ENGAGEMENT, year=2010, year_end=2010)])) == 1
    assert len(_check([_with(ENGAGEMENT, year=2010, year_end=2011)])) == 1
    err = _refused([_with(ENGAGEMENT, year=2010, year_end=2009)])
    assert err.field == "year_end"
    assert "before year 2010" in err.problem
    # an end year alone (no start) is fine
    assert len(_check([_with(ENGAGEMENT, year=None, year_end=2009)])) == 1


def test_price_year_goes_with_constant_prices_only() -> None:
    assert len(_check([_with(ENGAGEMENT, price_basis="constant", price_year=2015)])) == 1
    assert len(_check([_with(ENGAGEMENT, price_basis="current")])) == 1
    assert _refused([_with(ENGAGEMENT, price_basis="constant")]).field == "price_year"
    assert _refused([_with(ENGAGEMENT, price_basis="current", price_year=2015)]).field == "price_year"
    assert _refused([_with(ENGAGEMENT, price_year=2015)]).field == "price_year"
    err = _refused([_with(ENGAGEMENT, price_basis="constant", price_year=MIN_YEAR - 1)])
    assert str(MIN_YEAR - 1) in err.problem
    assert len(_check([_with(ENGAGEMENT, price_basis="constant", price_year=MIN_YEAR)])) == 1


def test_missing_required_fields_are_named() -> None:
    assert _refused([_with(ENGAGEMENT, instrument=_DROP)]).field == "instrument"
    assert _refused([_with(INDICATOR, value=_DROP)]).field == "value"
    assert _refused([_with(PERCEPTION, measure=_DROP)]).field == "measure"
    assert _refused([_with(ENGAGEMENT, actor=_DROP)]).field == "actor"
    err = _refused([_with(ENGAGEMENT, kind=_DROP)])
    assert (err.field, err.problem) == ("kind", "missing")
    err = _refused([_with(ENGAGEMENT, kind="gift")])
    assert (err.field, err.problem) == ("kind", "'gift'")
    assert err.expected == "engagement or indicator or perception"


# --- the span lies inside its document (the one rule that needs the ledger's document lengths)


def test_span_inside_document_boundary() -> None:
    assert span_fits((0, 10), 10)
    assert not span_fits((0, 11), 10)
    assert span_fits((0, 11), None)
    assert span_fits(None, 0)
    row = _with(ENGAGEMENT, span=[3, 10])
    assert len(_check([row], {"d.txt": 10})) == 1
    assert len(_check([row], {"other.txt": 5})) == 1  # a document of unknown length is not checked
    err = _refused([ENGAGEMENT, row], {"d.txt": 9})
    assert (err.line, err.field) == (2, "span")
    assert err.problem == "[3, 10] outside document 'd.txt' of 9 characters"
    assert err.expected == "a span inside the document"


def test_span_past_document_end_through_the_ledger(tmp_path: Path) -> None:
    doc = {"id": "d.txt", "text": "0123456789"}
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        lg.import_records([_with(ENGAGEMENT, span=[0, 10])], [doc], origin="t", source="ok.jsonl")
        with pytest.raises(InputError) as info:
            lg.import_records([_with(ENGAGEMENT, span=[1, 11], year=2011)], origin="t", source="bad.jsonl")
        assert (info.value.file, info.value.line, info.value.field) == ("bad.jsonl", 1, "span")
        assert lg.con.execute("SELECT count(*) FROM records").fetchone() == (1,)


# --- the error names the FIRST bad line


def test_error_names_first_bad_line_of_many() -> None:
    rows = [ENGAGEMENT, _with(ENGAGEMENT, actor="XXX"), ENGAGEMENT, _with(ENGAGEMENT, amount=-1.0)]
    err = _refused(rows)
    assert (err.line, err.field) == (2, "actor")


def test_error_names_lowest_line_whatever_the_row_order() -> None:
    flat = to_flat([_with(ENGAGEMENT, amount=-1.0), _with(ENGAGEMENT, actor="XXX"), ENGAGEMENT])
    flat["line"] = [9, 4, 6]
    with pytest.raises(InputError) as info:
        validate_frame(flat, "f.jsonl", {})
    assert (info.value.line, info.value.field) == (4, "actor")


def test_first_span_outside_its_document_is_named() -> None:
    far = _with(ENGAGEMENT, span=[0, 50])
    flat = to_flat([ENGAGEMENT, far, far])
    flat["line"] = [1, 7, 5]
    with pytest.raises(InputError) as info:
        validate_frame(flat, "f.jsonl", {"d.txt": 20})
    assert info.value.line == 5
    assert _refused([ENGAGEMENT, far, ENGAGEMENT, far], {"d.txt": 20}).line == 2


def test_first_bad_line_in_a_file_of_many_chunks(tmp_path: Path) -> None:
    rows = [_with(ENGAGEMENT, year=1950 + i % 60) for i in range(30)]
    rows[12] = _with(ENGAGEMENT, year=2010, year_end=2000)
    rows[25] = _with(PERCEPTION, value=100.0)
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(InputError) as info:
        for frame in iter_records(path, chunk_rows=8):
            validate_frame(frame, str(path), {})
    assert (info.value.line, info.value.field) == (13, "year_end")


# --- the message says what was expected, in words made from the rules


def test_expected_words_come_from_the_rules() -> None:
    assert expected("year") == f"a whole year in {MIN_YEAR}..{max_year()}"
    assert expected("year_end") == f"a whole year in {MIN_YEAR}..{MAX_TARGET_YEAR}, not before year"
    assert expected("amount") == "a non-negative finite number"
    assert expected("value") == "a finite number (a share in 0..1 for a perception)"
    assert expected("span") == f"[start, end] with 0 <= start <= end <= {MAX_OFFSET}, or null"
    assert "ASEAN" in (expected("partners") or "")
    assert expected("kind") == "engagement or indicator or perception"
    assert expected("no_such_field") is None
    err = _refused([_with(PERCEPTION, value=100.0)])
    assert err.format() == (
        "in.jsonl:1: value: 100.0: Input should be less than or equal to 1 "
        "(expected a finite number (a share in 0..1 for a perception))"
    )


# --- what comes out: the model's values, typed for the ledger


def test_output_columns_are_the_models_keys() -> None:
    stored = [k for k in RECORD_KEYS if k not in ("span", "quote")]
    assert [c for c in OUT_COLUMNS if c in stored] == stored
    assert set(OUT_COLUMNS) - set(stored) == {"power_type", "span_start", "span_end", "line"}


def test_output_frame_holds_the_validated_values() -> None:
    rows = [
        _with(ENGAGEMENT, partners=["VNM", "ASEAN"], ppp=True, span=None, amount_basis="commitment"),
        _with(INDICATOR, year_end=2016),
        PERCEPTION,
    ]
    out = _check(rows)
    assert list(out.columns) == list(OUT_COLUMNS)
    assert out["kind"].tolist() == ["engagement", "indicator", "perception"]
    assert out["partners"].tolist() == ["VNM;ASEAN", "IDN", "PHL"]
    assert out["power_type"].tolist()[0] == vocab.instruments()["oda_loan"].power_type
    assert out["power_type"].isna().tolist() == [False, True, True]
    assert out["ppp"].tolist() == [True, False, False]
    assert out["equal_footing"].tolist() == [False, False, False]
    assert out["amount_basis"].tolist()[0] == "commitment"
    assert out["span_start"].isna().tolist() == [True, True, True]
    assert out["year_end"].tolist()[1] == 2016
    assert str(out["year"].dtype) == "Int64"
    assert out["value"].tolist()[1:] == [1200.0, 0.5]
    assert out["line"].tolist() == [1, 2, 3]
    spans = _check([ENGAGEMENT])
    assert (spans["span_start"][0], spans["span_end"][0]) == (2, 8)


def test_partners_text_in_the_flat_form_is_split_on_semicolons() -> None:
    flat = to_flat([ENGAGEMENT])
    flat["partners"] = [" VNM ; ASEAN "]
    assert validate_frame(flat, "f.csv", {})["partners"].tolist() == ["VNM;ASEAN"]
    flat["partners"] = ["  "]
    with pytest.raises(InputError) as info:
        validate_frame(flat, "f.csv", {})
    assert info.value.field == "partners"
