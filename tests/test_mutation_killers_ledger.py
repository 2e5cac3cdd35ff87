"""Behaviour of ledger/ that mutation testing (``make mutation``) showed untested."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from softpower.errors import InputError, LedgerError
from softpower.ledger import Ledger
from softpower.ledger import coverage as cov
from softpower.ledger.files import _ends_with_newline, iter_records
from softpower.ledger.store import to_flat
from softpower.ledger.validate import validate_frame
from softpower.records.models import max_year

ENG = {
    "doc": "a.txt",
    "kind": "engagement",
    "actor": "JPN",
    "partners": ["VNM"],
    "instrument": "oda_loan",
    "year": 2010,
}
IND = {"doc": "b.txt", "kind": "indicator", "actor": "CHN", "partners": ["IDN"], "metric": "m", "value": 3.0}


def _read_all(path: Path) -> pd.DataFrame:
    frames = list(iter_records(path))
    return pd.concat(frames, ignore_index=True)


# --- coverage


def test_years_text_joins_runs() -> None:
    assert cov._years_text([1995, 1990, 1991, 1992, 1998, 1997]) == "1990-1992 1995 1997-1998"
    assert cov._years_text([2001]) == "2001"
    assert cov._years_text([]) == ""


def test_scope_covers() -> None:
    s = cov.Scope(
        "src", "engagement", ("oda_*",), frozenset({"JPN"}), frozenset({"VNM"}), frozenset({2010}), "zero", ""
    )
    assert s.covers("JPN", "VNM", 2010)
    assert s.covers("JPN", None, 2010)
    assert not s.covers("JPN", "IDN", 2010)
    assert not s.covers("CHN", "VNM", 2010)
    assert not s.covers("JPN", "VNM", 2011)
    assert not s.covers("JPN", "VNM", None)
    every = cov.Scope("src", "engagement", ("*",), None, None, frozenset({2010}), "zero", "")
    assert every.covers("CHN", "IDN", 2010)
    assert s.covers_family("oda_loan") and not s.covers_family("troops") and s.covers_family(None)
    assert s.as_dict()["years"] == "2010" and every.as_dict()["partners"] == "*"


def test_module_observed_is_the_coverage_answer(tmp_path: Path) -> None:
    scope = next(
        s for s in cov.scopes() if s.partners is None and s.actors is None and s.missing_row == "zero"
    )
    year = min(scope.years)
    family = scope.families[0].replace("*", "x")
    key = {"indicator": "metric", "engagement": "instrument", "perception": "measure"}[scope.kind]
    kwargs = {key: family}
    got = cov.observed("JPN", "VNM", year, **kwargs)  # type: ignore[arg-type]
    assert got == cov.Coverage.load().observed("JPN", "VNM", year, **kwargs)  # type: ignore[arg-type]
    assert bool(got)
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        fresh = cov.Coverage.from_ledger(lg).observed("JPN", "VNM", year, **kwargs)  # type: ignore[arg-type]
        assert cov.observed("JPN", "VNM", year, ledger=lg, **kwargs) == fresh  # type: ignore[arg-type]


# --- readers


def test_a_line_that_is_not_an_object_names_line_without_field(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(ENG) + "\n[1, 2]\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        _read_all(path)
    e = info.value
    assert (e.line, e.field, e.problem, e.expected) == (
        2,
        None,
        "not a JSON object",
        "one JSON object per line",
    )


def test_ends_with_newline(tmp_path: Path) -> None:
    p = tmp_path / "x"
    p.write_bytes(b"")
    assert _ends_with_newline(p)
    p.write_bytes(b"a\n")
    assert _ends_with_newline(p)
    p.write_bytes(b"a\nb")
    assert not _ends_with_newline(p)
    p.write_bytes(b"a\r")
    assert not _ends_with_newline(p)


HEADER = "doc,kind,actor,partners,instrument,year\n"


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_csv_line_ends_give_true_line_numbers(tmp_path: Path, eol: str) -> None:
    rows = [
        "a.txt,engagement,JPN,VNM,oda_loan,2010",
        "a.txt,engagement,JPN,VNM,oda_loan,2011",
        "a.txt,engagement,XXX,VNM,oda_loan,2012",
    ]
    path = tmp_path / "r.csv"
    path.write_bytes((HEADER.strip() + eol + eol.join(rows) + eol).encode())
    frame = _read_all(path)
    assert frame["line"].tolist() == [2, 3, 4]
    assert frame["year"].astype(int).tolist() == [2010, 2011, 2012]
    with pytest.raises(InputError) as info:
        validate_frame(frame, str(path), {})
    assert (info.value.line, info.value.field) == (4, "actor")


def test_csv_with_cr_only_line_ends_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"doc,kind,actor,partners,instrument,year\ra.txt,engagement,JPN,VNM,oda_loan,2010\r")
    with pytest.raises(InputError) as info:
        _read_all(path)
    assert info.value.line == 1
    assert info.value.problem.startswith("not CSV")
    assert info.value.expected is not None and "LF or CRLF" in info.value.expected


def test_parquet_span_of_one_element_is_refused_with_field(tmp_path: Path) -> None:
    path = tmp_path / "r.parquet"
    table = pa.table(
        {
            "doc": ["a.txt", "a.txt"],
            "kind": ["engagement"] * 2,
            "actor": ["JPN"] * 2,
            "partners": [["VNM"], ["VNM"]],
            "instrument": ["oda_loan"] * 2,
            "span": [[0, 3], [4]],
        }
    )
    pq.write_table(table, path)
    with pytest.raises(InputError) as info:
        for frame in iter_records(path):
            validate_frame(frame, str(path), {})
    assert (info.value.line, info.value.field) == (2, "span")


# --- the store


def test_write_error_is_one_line_cut_at_200_characters(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        err = lg._write_error(RuntimeError("x" * 300 + "\nsecond line"))
        assert isinstance(err, LedgerError)
        assert str(err) == f"ledger {lg.path}: write failed ({'x' * 200}); the ledger holds all or none of it"
        full = lg._write_error(OSError(errno.ENOSPC, "No space left on device"))
        assert "the disk is full" in str(full)
        assert str(lg._write_error(RuntimeError(""))).startswith(
            f"ledger {lg.path}: write failed (RuntimeError)"
        )


def test_open_creates_in_an_existing_folder_only(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "new.duckdb") as lg:
        assert not lg.read_only
    assert (tmp_path / "new.duckdb").is_file()
    with pytest.raises(LedgerError, match="does not exist"):
        Ledger.open(tmp_path / "no" / "such.duckdb")


def test_stats_count_each_kind_and_chunks_count_rows(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        chunks = iter([to_flat([ENG, {**ENG, "year": 2011}]), to_flat([IND])])
        result = lg.import_records(chunks, origin="t", source="t.jsonl")
        assert result.rows == 3
        assert result.added == {"engagement": 2, "indicator": 1, "perception": 0}
        stats = lg.stats()
        assert (stats["engagement"], stats["indicator"], stats["perception"]) == (2, 1, 0)
        assert stats["documents"] == 2
        assert stats["by_origin"] == {"t": {"engagement": 2, "indicator": 1}}


def test_delete_by_origin_takes_the_uncited_documents(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        lg.import_records([ENG], origin="one", source="1.jsonl")
        lg.import_records([IND], origin="two", source="2.jsonl")
        assert lg.delete(origins=["one"]) == (1, 1)
        assert lg.stats()["documents"] == 1
        assert lg.delete(docs=["b.txt"]) == (1, 1)
        with pytest.raises(InputError, match="no record or document matches"):
            lg.delete(origins=["one"])


def test_problem_text_shows_the_bad_value() -> None:
    with pytest.raises(InputError) as info:
        validate_frame(to_flat([{**ENG, "year": "abc"}]), "f", {})
    assert info.value.problem.startswith("'abc': Input should be a valid integer")
    with pytest.raises(InputError) as info:
        validate_frame(to_flat([{**ENG, "actor": "XXX"}]), "f", {})
    assert info.value.problem == "unknown country code 'XXX'"
    with pytest.raises(InputError) as info:
        validate_frame(to_flat([{**ENG, "instrument": None}]), "f", {})
    assert (info.value.field, info.value.problem) == ("instrument", "missing")


def test_an_unknown_kind_is_shown_cut_to_60_characters() -> None:
    with pytest.raises(InputError) as info:
        validate_frame(to_flat([{**ENG, "kind": "k" * 100}]), "f", {})
    assert (info.value.field, info.value.problem) == ("kind", repr("k" * 60))


def test_missing_markers_of_typed_columns_are_absent_values() -> None:
    flat = to_flat([ENG, {**ENG, "year": None, "year_end": None}])
    flat["year"] = pd.array([2010, pd.NA], dtype="Int64")
    flat["year_end"] = pd.array([pd.NA, pd.NA], dtype="Int64")
    out = validate_frame(flat, "f", {})
    assert out["year"].tolist()[0] == 2010
    assert out["year"].isna().tolist() == [False, True]


def test_a_span_of_numpy_integers_is_kept() -> None:
    # a Parquet list column reaches the check as numpy arrays of numpy integers
    flat = to_flat([{**ENG, "span": [0, 1]}])
    flat["span"] = pd.Series([np.array([3, 9], dtype=np.int64)], dtype=object)
    out = validate_frame(flat, "f", {"a.txt": 20})
    assert out[["span_start", "span_end"]].fillna(-1).values.tolist() == [[3, 9]]


def test_a_span_in_two_columns_is_kept_and_checked() -> None:
    flat = to_flat([{**ENG, "span_start": 3, "span_end": 9}])
    out = validate_frame(flat, "f", {"a.txt": 20})
    assert out[["span_start", "span_end"]].fillna(-1).values.tolist() == [[3, 9]]
    with pytest.raises(InputError) as info:
        validate_frame(flat, "f", {"a.txt": 5})
    assert info.value.field == "span"


def test_partners_missing_in_a_frame_are_named_missing() -> None:
    flat = to_flat([ENG])
    flat["partners"] = [float("nan")]
    with pytest.raises(InputError) as info:
        validate_frame(flat, "f", {})
    assert (info.value.field, info.value.problem) == ("partners", "missing")


def test_an_undeclared_origin_has_nothing_outside_its_scope(seeds_ledger: Path) -> None:
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        rows = [r for r in cov.coverage_table(lg) if r["missing_row"] == "no declared scope"]
    assert rows and all(r["outside"] == 0 and r["records"] > 0 for r in rows)


def test_a_bad_partner_code_in_a_scope_names_the_partners_field() -> None:
    head = "source,kind,families,actors,partners,years,missing_row,note\n"
    with pytest.raises(ValueError) as err:
        cov.parse_scopes(head + "x,indicator,m,USA,XXX,2000,zero,\n")
    assert str(err.value) == "coverage.csv:2: partners: unknown code 'XXX'"


def test_parquet_nan_names_the_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.parquet"
    table = pa.table(
        {
            "doc": ["b.txt"] * 3,
            "kind": ["indicator"] * 3,
            "actor": ["CHN"] * 3,
            "partners": [["IDN"]] * 3,
            "metric": ["m"] * 3,
            "value": [1.0, 2.0, float("nan")],
        }
    )
    pq.write_table(table, path)
    with pytest.raises(InputError) as info:
        _read_all(path)
    assert str(info.value) == f"{path}:3: value: NaN (expected a finite number or null)"


def test_delete_of_nothing_is_one_line_naming_the_options(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.duckdb") as lg, pytest.raises(InputError) as info:
        lg.delete()
    assert str(info.value) == "delete: nothing to delete (expected --record, --doc or --origin)"


def test_a_bad_csv_row_is_not_csv_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(
        b"doc,kind,actor,partners,instrument,year\n"
        b"a.txt,engagement,JPN,VNM,oda_loan,2010\n"
        b"a.txt,engage\rment,JPN,VNM,oda_loan,2010\n"
    )
    with pytest.raises(InputError) as info:
        _read_all(path)
    assert info.value.line == 3 and info.value.field is None
    assert info.value.problem.startswith("not CSV (new-line character seen in unquoted field")
    assert info.value.expected == "comma-separated fields of at most 128 KB, lines ending in LF or CRLF"


# --- the importers' shared code


def test_merged_rows_keep_the_record_columns_and_a_fresh_index() -> None:
    from collections import Counter

    from softpower.ledger.importers._base import make_records, merge_identical

    recs = make_records(
        3,
        doc=["a", "b", "c"],
        kind="engagement",
        actor="KOR",
        partners=[["LAO"], ["VNM"], ["VNM"]],
        instrument="technical_cooperation",
        year=2004,
        amount=[5.0, 1.0, 1.0],
        currency="USD",
        line=[2, 3, 4],
    )
    out = merge_identical(recs, Counter())
    assert list(out.columns) == list(recs.columns)
    assert out.index.tolist() == [0, 1]
    assert out["amount"].tolist() == [5.0, 2.0]


def test_a_cited_source_becomes_a_document_with_its_publisher() -> None:
    from softpower.ledger.importers._sources import source_document

    assert source_document("https://www.xinhuanet.com/a.htm", "Media Report, including Wikileaks") == {
        "id": "https://www.xinhuanet.com/a.htm",
        "title": None,
        "publisher": "xinhuanet.com",
        "publisher_country": "CHN",
        "publisher_kind": "state_media",
        "date": None,
        "url": "https://www.xinhuanet.com/a.htm",
    }
    assert source_document("mofa.go.jp/x", "Government Source (Donor/Recipient)")["url"] is None


def test_a_fractional_year_in_a_dataset_names_its_line() -> None:
    from softpower.ledger.importers._base import years

    df = pd.DataFrame({"Year": ["2004", "", "2005.0", "2006.5", "2007.5"], "line": [2, 3, 4, 5, 6]})
    with pytest.raises(InputError) as info:
        years(df, "Year", Path("d.csv"))
    assert str(info.value) == "d.csv:5: Year: '2006.5' is not a year (expected a whole year)"
    ok = years(df.iloc[:3], "Year", Path("d.csv"))
    assert ok[0] == 2004 and np.isnan(ok[1]) and ok[2] == 2005


def test_a_missing_text_cell_stays_missing_in_a_record_frame() -> None:
    from softpower.ledger.importers._base import make_records

    recs = make_records(
        2, doc=["a", "b"], kind="indicator", actor="CHN", metric=["m", float("nan")], value=1.0
    )
    assert recs["metric"].iloc[0] == "m" and pd.isna(recs["metric"].iloc[1])
    assert recs["ppp"].tolist() == [False, False]


# --- the dataset importers (tests/fixtures samples: see their ATTRIBUTION.md)

FIX = Path(__file__).resolve().parent / "fixtures"


def test_plaid_records_carry_their_year() -> None:
    from softpower.ledger.importers import IMPORTERS

    b = IMPORTERS["aiddata-plaid"].load(FIX / "aiddata_plaid" / "env_plaid19_agg_sample.csv")
    years = dict(zip(b.records["actor"], b.records["year"].astype(int), strict=True))
    assert years["JPN"] == 2008 and years["USA"] == 2005 and years["TWN"] == 2006


def test_troops_documents_have_their_titles() -> None:
    from softpower.ledger.importers import IMPORTERS

    b = IMPORTERS["us-troops"].load(FIX / "troops")
    titles = {d["id"]: d["title"] for d in b.documents}
    assert titles["us-troops:milcon"] == (
        "US military construction abroad, obligational authority 2008-2019 (DoD budgets via troopdata)"
    )
    assert all(titles.values())


def test_uis_lumped_remainders_are_skipped_as_remainders() -> None:
    from softpower.ledger.importers import IMPORTERS
    from softpower.ledger.importers.uis import REMAINDER

    b = IMPORTERS["uis-students"].load(FIX / "uis")
    assert b.skipped[REMAINDER] == 2


def _usfa_copy(tmp_path: Path, col: str, value: str) -> Path:
    import csv

    src = FIX / "us_foreign_assistance" / "us_foreign_aid_country_sample.csv"
    with src.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index(col)] = value
    out = tmp_path / src.name
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return out


def test_usfa_documents_link_the_source_and_a_blank_year_names_its_column(tmp_path: Path) -> None:
    from softpower.ledger.importers import IMPORTERS
    from softpower.ledger.importers.usfa import URL

    b = IMPORTERS["us-foreign-assistance"].load(
        FIX / "us_foreign_assistance" / "us_foreign_aid_country_sample.csv"
    )
    assert b.documents and all(d["url"] == URL for d in b.documents)
    with pytest.raises(InputError) as info:
        IMPORTERS["us-foreign-assistance"].load(_usfa_copy(tmp_path, "Fiscal Year", ""))
    assert (info.value.line, info.value.field, info.value.problem) == (2, "Fiscal Year", "empty")


def test_a_required_year_column_refuses_a_blank_cell() -> None:
    from softpower.ledger.importers._strict import year_column

    df = pd.DataFrame({"year": ["2004", ""], "line": [2, 3]})
    with pytest.raises(InputError) as info:
        year_column(df, "year", Path("d.csv"))
    assert (info.value.line, info.value.field) == (3, "year")
    y = year_column(df, "year", Path("d.csv"), required=False)
    assert y[0] == 2004 and np.isnan(y[1])


def test_uis_second_row_of_one_flow_names_the_flow(tmp_path: Path) -> None:
    from softpower.ledger.importers import IMPORTERS

    for f in (FIX / "uis").glob("*.csv"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    by_dest = tmp_path / "popular-origins-by-destination.csv"
    lines = by_dest.read_text(encoding="utf-8").splitlines()
    by_dest.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        IMPORTERS["uis-students"].load(tmp_path)
    assert info.value.field == "value_lumped"
    assert info.value.problem == "a second row for JPN hosting students from CHN in 2019"


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _shared_head(tmp_path: Path, rel: str, rows: int) -> Path:
    f = SHARED / rel
    if not f.exists():
        pytest.skip(f"{f} not present")
    out = tmp_path / f.name
    pd.read_csv(f, dtype=str, keep_default_na=False).head(rows).to_csv(out, index=False)
    return out


@pytest.mark.shared
def test_koica_rows_are_documents_of_korea(tmp_path: Path) -> None:
    from softpower.ledger.importers import IMPORTERS

    path = _shared_head(
        tmp_path, "aiddata_koica_korea_projects_2009/Korea_KOICA_Project_Database_2009.csv", 40
    )
    b = IMPORTERS["koica"].load(path)
    assert b.documents and {d["publisher_country"] for d in b.documents} == {"KOR"}
    assert {d["id"] for d in b.documents} == set(b.records["doc"])


@pytest.mark.shared
def test_lowy_counts_the_rows_read(tmp_path: Path) -> None:
    from softpower.ledger.importers import IMPORTERS

    path = _shared_head(tmp_path, "lowy_global_diplomacy_index/globaldiplomacyindex_posts.csv", 60)
    assert IMPORTERS["lowy-gdi"].load(path).rows_read == 60


def test_partners_of_numpy_text_are_kept() -> None:
    # a Parquet list column reaches the check as numpy arrays
    flat = to_flat([ENG])
    flat["partners"] = pd.Series([np.array(["VNM", "LAO"], dtype=object)], dtype=object)
    out = validate_frame(flat, "f", {})
    assert out["partners"].tolist() == ["VNM;LAO"]


def test_a_damaged_parquet_page_names_the_reader_error(tmp_path: Path) -> None:
    path = tmp_path / "r.parquet"
    n = 200
    table = pa.table(
        {
            "doc": ["b.txt"] * n,
            "kind": ["indicator"] * n,
            "actor": ["CHN"] * n,
            "partners": [["IDN"]] * n,
            "metric": [f"m{i}" for i in range(n)],
            "value": [float(i) for i in range(n)],
        }
    )
    pq.write_table(table, path, compression="none")
    data = bytearray(path.read_bytes())
    footer = int.from_bytes(data[-8:-4], "little")
    for at in range(8, len(data) - 8 - footer, 97):  # damage the pages, keep the footer
        data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as info:
        _read_all(path)
    assert info.value.problem.startswith("unreadable Parquet data (") and info.value.problem.endswith(")")
    assert (
        len(info.value.problem) > len("unreadable Parquet data ()")
        and info.value.expected == "an intact file"
    )


def test_the_first_line_of_an_error_or_its_type() -> None:
    from softpower.ledger.files import _first_line

    assert _first_line(ValueError("  bad page\nmore detail")) == "bad page"
    assert _first_line(ValueError("x" * 300)) == "x" * 200
    assert _first_line(OSError()) == "OSError"


def test_coverage_rows_show_every_family_and_the_anecdotal_note(seeds_ledger: Path) -> None:
    s = cov.Scope("src", "engagement", ("oda_*", "troops"), None, None, frozenset({2010}), "zero", "")
    assert s.as_dict()["families"] == "oda_* troops"
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        rows = [r for r in cov.coverage_table(lg) if r["missing_row"] == "no declared scope"]
    assert {r["note"] for r in rows} == {
        "anecdotal: observes nothing systematically; never makes a donor comparable"
    }


def test_an_empty_csv_names_line_1(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as info:
        _read_all(path)
    assert str(info.value) == f"{path}:1: empty file (expected a header line)"


def test_a_scope_observes_only_its_declared_partners() -> None:
    s = cov.Scope(
        "src", "engagement", ("oda_*",), frozenset({"JPN"}), frozenset({"VNM"}), frozenset({2010}), "zero", ""
    )
    c = cov.Coverage([s])
    assert c.observed("JPN", "VNM", 2010, instrument="oda_loan").sources == ("src",)
    assert not c.observed("JPN", "IDN", 2010, instrument="oda_loan")


def test_auto_import_marks_a_dataset_imported(tmp_path: Path) -> None:
    import shutil

    from softpower.ledger.auto import IMPORTED, import_auto

    root = tmp_path / "data"
    shutil.copytree(FIX / "troops", root / "us-troops")
    with Ledger.open(tmp_path / "a.duckdb") as lg:
        runs = import_auto(lg, root)
    assert [(r.name, r.status) for r in runs] == [("us-troops", IMPORTED)]
    assert runs[0].records_added > 0 and runs[0].rows_read > 0


def test_an_empty_dataset_file_names_line_1(tmp_path: Path) -> None:
    from softpower.ledger.importers._base import read_table

    path = tmp_path / "d.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_table(path, ["year"])
    assert str(info.value) == f"{path}:1: empty file (expected a header row)"


def test_record_frames_number_their_lines_as_integers() -> None:
    from softpower.ledger.importers._base import make_records

    recs = make_records(2, doc="a", kind="indicator", actor="CHN", metric="m", value=1.0, line=[2, None])
    assert str(recs["line"].dtype) == "Int64" and recs["line"].iloc[0] == 2 and pd.isna(recs["line"].iloc[1])


def test_partners_given_as_an_array_of_codes_are_one_code_each() -> None:
    from softpower.ledger.importers._base import make_records

    partners = np.array(["VNM", "LAO"], dtype=object)
    recs = make_records(2, doc="a", kind="indicator", actor="CHN", metric="m", value=1.0, partners=partners)
    assert recs["partners"].tolist() == [["VNM"], ["LAO"]]


def test_an_empty_optional_cell_of_a_plain_csv_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "doc,kind,actor,partners,instrument,year,year_end\na.txt,engagement,JPN,VNM,oda_loan,2010,\n"
    )
    frame = _read_all(path)
    out = validate_frame(frame, str(path), {})
    assert out["year"].tolist() == [2010] and out["year_end"].isna().tolist() == [True]


def test_a_quoted_csv_row_with_a_blank_first_cell_is_judged(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        'doc,kind,actor,partners,instrument,year\na.txt,engagement,JPN,"VNM",oda_loan,2010\n,engagement,JPN,VNM,oda_loan,2011\n'
    )
    frame = _read_all(path)
    assert frame["line"].tolist() == [2, 3]
    with pytest.raises(InputError) as info:
        validate_frame(frame, str(path), {})
    assert (info.value.line, info.value.field) == (3, "doc")


def test_a_bad_sidecar_line_names_the_file(tmp_path: Path) -> None:
    from softpower.ledger.io import read_documents

    path = tmp_path / "r.documents.jsonl"
    path.write_text('{"id": "a.txt"}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_documents(path)
    assert (info.value.file, info.value.line) == (str(path), 2)
    assert info.value.problem.startswith("not valid JSON (")


# --- validate_frame: the whole output, and which error a bad row reports


def test_validate_frame_whole_output() -> None:
    """Every column of the checked frame, in order, with its type: what the ledger inserts."""
    recs = [
        {
            **ENG,
            "partners": ["VNM", "LAO"],
            "year_end": 2012,
            "amount": 5.5,
            "currency": "USD",
            "name": "a loan",
            "ppp": True,
            "equal_footing": True,
            "span": [3, 9],
            "amount_basis": "commitment",
            "price_basis": "constant",
            "price_year": 2015,
        },
        {**IND, "unit": "count", "year": 2001},
        {
            "doc": "c.txt",
            "kind": "perception",
            "actor": "USA",
            "partners": ["KOR"],
            "measure": "favourable",
            "value": 0.5,
            "year": 2015,
        },
    ]
    flat = to_flat(recs)
    flat["line"] = [4, 7, 9]
    out = validate_frame(flat, "x.csv", {"a.txt": 100})
    assert list(out.columns) == [
        "doc", "kind", "actor", "partners", "instrument", "power_type", "metric", "unit", "measure",
        "year", "year_end", "amount", "currency", "value", "name", "ppp", "equal_footing",
        "amount_basis", "price_basis", "price_year", "span_start", "span_end", "line",
    ]  # fmt: skip
    types = {c: str(t) for c, t in out.dtypes.items()}
    assert {c for c, t in types.items() if t == "Int64"} == {
        "year",
        "year_end",
        "price_year",
        "span_start",
        "span_end",
    }
    assert (types["amount"], types["value"], types["ppp"], types["equal_footing"]) == ("float64",) * 2 + (
        "bool",
    ) * 2

    def plain(v: object) -> object:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return None
        return v.item() if isinstance(v, np.generic) else v

    got = [[plain(v) for v in row] for row in out.itertuples(index=False, name=None)]
    assert got == [
        ["a.txt", "engagement", "JPN", "VNM;LAO", "oda_loan", "economic", None, None, None, 2010, 2012, 5.5,
         "USD", None, "a loan", True, True, "commitment", "constant", 2015, 3, 9, 4],
        ["b.txt", "indicator", "CHN", "IDN", None, None, "m", "count", None, 2001, None, None, None, 3.0,
         None, False, False, None, None, None, None, None, 7],
        ["c.txt", "perception", "USA", "KOR", None, None, None, None, "favourable", 2015, None, None, None,
         0.5, None, False, False, None, None, None, None, None, 9],
    ]  # fmt: skip


SPAN_EXPECTED = "(expected [start, end] with 0 <= start <= end <= 2147483647, or null)"


@pytest.mark.parametrize(("start", "end"), [(5, None), (None, 5)])
def test_half_a_span_in_two_columns_is_refused(start: object, end: object) -> None:
    flat = to_flat([ENG])
    flat["span_start"], flat["span_end"], flat["line"] = [start], [end], [2]
    with pytest.raises(InputError) as info:
        validate_frame(flat, "x.csv", {})
    assert str(info.value) == f"x.csv:2: span: None: Input should be a valid integer {SPAN_EXPECTED}"


def test_two_bad_fields_of_one_row_name_the_first_in_record_order() -> None:
    # year comes before amount in the record; by name, amount would come first
    flat = to_flat([ENG, {**ENG, "year": 1800, "amount": -5}])
    flat["line"] = [3, 8]
    with pytest.raises(InputError) as info:
        validate_frame(flat, "x.csv", {})
    top = max_year()  # this year + 1
    assert (
        str(info.value)
        == f"x.csv:8: year: year 1800 outside 1945..{top} (expected a whole year in 1945..{top})"
    )


def test_a_whole_record_error_names_its_field() -> None:
    flat = to_flat([{**ENG, "year_end": 2000}])
    flat["line"] = [2]
    with pytest.raises(InputError) as info:
        validate_frame(flat, "x.csv", {})
    assert str(info.value) == (
        "x.csv:2: year_end: year_end 2000 before year 2010 (expected a whole year in 1945..2100, not before year)"
    )


def test_partners_given_as_a_tuple_are_kept() -> None:
    flat = to_flat([ENG])
    flat["partners"] = pd.Series([("VNM", np.str_("LAO"))], dtype=object)
    assert validate_frame(flat, "f", {})["partners"].tolist() == ["VNM;LAO"]


# --- importer helpers: number cells and record frames, whole outputs


def test_numbers_reads_accounting_text_and_summed_parts() -> None:
    from softpower.ledger.importers._base import numbers

    df = pd.DataFrame({"a": [" 1,234 ", "-", "$5", "", "NA"], "line": [2, 3, 4, 5, 6]})
    got = numbers(df, "a", Path("f.csv"), accounting=True)
    assert got[:3].tolist() == [1234.0, 0.0, 5.0] and np.isnan(got[3:]).all()  # "-" is zero, blanks missing
    parts = pd.DataFrame({"a": ["2;3", "1,000; 2", "7"], "line": [2, 3, 4]})
    assert numbers(parts, "a", Path("f.csv"), multi=True, accounting=True).tolist() == [5.0, 1002.0, 7.0]
    with pytest.raises(InputError) as info:
        numbers(df, "a", Path("f.csv"))  # without accounting, "1,234" is no number
    assert str(info.value) == "f.csv:2: a: '1,234' is not a number (expected a number)"
    with pytest.raises(InputError) as info:
        numbers(pd.DataFrame({"a": ["1", "x;2"], "line": [2, 9]}), "a", Path("f.csv"), multi=True)
    assert str(info.value) == "f.csv:9: a: 'x;2' is not a number (expected a number)"


def test_make_records_broadcasts_one_code_list_and_types_its_columns() -> None:
    from softpower.ledger.importers._base import RECORD_COLUMNS, make_records

    r = make_records(
        2,
        doc="d",
        kind="indicator",
        actor="USA",
        partners=["JPN", "KOR"],
        metric="m",
        value=[1, 2],
        line=[5, 6],
    )
    assert list(r.columns) == list(RECORD_COLUMNS)
    assert r["partners"].tolist() == [["JPN", "KOR"], ["JPN", "KOR"]]
    assert r["partners"][0] is not r["partners"][1]  # one list per row, not one shared list
    assert r["value"].tolist() == [1.0, 2.0] and r["line"].tolist() == [5, 6]
    assert {c: str(r[c].dtype) for c in ("year", "year_end", "price_year", "line", "amount", "value")} == {
        "year": "Int64",
        "year_end": "Int64",
        "price_year": "Int64",
        "line": "Int64",
        "amount": "float64",
        "value": "float64",
    }
    assert r["ppp"].tolist() == [False, False] and r["equal_footing"].tolist() == [False, False]
    assert list(r.index) == [0, 1]
    with pytest.raises(ValueError) as info:
        make_records(2, doc="d", value=[1, 2, 3])
    assert str(info.value) == "column value: (3,) values for 2 rows"


# --- importer refusals and skips the fixtures do not reach (survivors of the seed-12 sample)


def _fixture_copy(tmp_path: Path, rel: str, row: int, col: int, value: str) -> Path:
    import csv

    src = Path(__file__).resolve().parent / "fixtures" / rel
    with src.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row][col] = value
    out = tmp_path / src.name
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return out


def test_importer_refusals_as_whole_lines(tmp_path: Path) -> None:
    from softpower.ledger.importers import IMPORTERS

    with pytest.raises(InputError) as info:
        IMPORTERS["koica"].load(tmp_path)
    assert str(info.value) == (
        f"{tmp_path}: no dataset file in this folder (expected a file named like Korea_KOICA_Project_Database*.csv)"
    )
    pew = _fixture_copy(tmp_path, "pew/pew_favourability_country_year_sample.csv", 1, 4, "150")
    with pytest.raises(InputError) as info:
        IMPORTERS["pew-favourability"].load(pew)
    assert str(info.value) == f"{pew}:2: pct_favourable: 150 (expected a percentage in 0..100)"
    gcdf = tmp_path / "gcdf3_geocoded_projects_x.csv"
    gcdf.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        IMPORTERS["aiddata-gcdf"].load(gcdf)
    assert str(info.value) == (
        f"{gcdf}:1: not a GCDF 3.0 table this importer knows (expected the header of the geocoded projects, "
        "high-value projects or recipient-year aggregates file)"
    )


def test_dac2a_skips_aid_of_a_donor_to_itself(tmp_path: Path) -> None:
    from softpower.ledger.importers import IMPORTERS

    path = _fixture_copy(tmp_path, "oecd_dac2a/oecd_dac2a_sample.csv", 1, 0, "Japan")  # Japan to Japan
    b = IMPORTERS["oecd-dac2a"].load(path)
    assert b.skipped["donor and recipient the same country"] == 1
    assert len(b.records) == 8 and not ((b.records["actor"] == "JPN") & (b.records["line"] == 2)).any()


def test_import_batch_stores_the_importer_documents_and_skips(tmp_path: Path) -> None:
    from softpower.ledger.io import import_batch

    fixture = Path(__file__).resolve().parent / "fixtures" / "pew"
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        r = import_batch(lg, "pew-favourability", fixture)
        assert (r.added, r.duplicates, r.documents, r.rows, r.skipped) == (
            {"engagement": 0, "indicator": 0, "perception": 9},
            0,
            3,
            9,
            {"rated entity is not a state (EU, UN)": 2, "a public rating its own country": 1},
        )
        docs = lg.con.execute(
            "SELECT doc_id, publisher, publisher_country, publisher_kind FROM documents ORDER BY 1"
        ).fetchall()
        assert docs == [
            (f"pew-favourability:{y}", "Pew Research Center", "USA", "think_tank") for y in (2010, 2012, 2018)
        ]


def test_export_of_an_unknown_kind_is_one_whole_line(tmp_path: Path) -> None:
    from softpower.ledger.io import export_frame

    with Ledger.open(tmp_path / "l.duckdb") as lg, pytest.raises(InputError) as info:
        export_frame(lg, "x")
    assert str(info.value) == "--kind: unknown kind 'x' (expected engagement or indicator or perception)"
