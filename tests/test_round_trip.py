"""Export → import into a new ledger: identical records and identical documents (all metadata)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from softpower.ledger import Ledger, bundled_ledger, export, import_file
from softpower.ledger.io import sidecar_path

TEXT = "Korea opened a school in Laos in 2012. China lent 2 billion yuan to Vietnam in 2015. End."
DOCS = [
    {
        "id": "kor/brief-1.txt",
        "title": "A brief",
        "author": "A. Writer",
        "publisher": "Ministry of Foreign Affairs",
        "publisher_country": "KOR",
        "publisher_kind": "government",
        "date": "2013-02-01",
        "url": "https://example.org/brief",
        "text": TEXT,
    },
    {
        "id": "row-7",
        "title": "Dataset row",
        "publisher": "AidData",
        "publisher_kind": "dataset",
        "text_length": 0,
    },
]
RECORDS = [
    {
        "doc": "kor/brief-1.txt",
        "kind": "engagement",
        "actor": "KOR",
        "partners": ["LAO"],
        "instrument": "people_exchange",
        "year": 2012,
        "span": [0, 38],
        "name": "=school",
    },
    {
        "doc": "kor/brief-1.txt",
        "kind": "engagement",
        "actor": "CHN",
        "partners": ["VNM", "ASEAN"],
        "instrument": "oda_loan",
        "year": 2015,
        "amount": 2e9,
        "currency": "CNY",
        "amount_basis": "commitment",
        "price_basis": "current",
        "span": [39, 85],
    },
    {
        "doc": "row-7",
        "kind": "indicator",
        "actor": "USA",
        "partners": ["PHL"],
        "metric": "troops",
        "unit": "persons",
        "year": 2020,
        "value": 155.0,
    },
    {
        "doc": "row-7",
        "kind": "perception",
        "actor": "CHN",
        "partners": ["IDN"],
        "measure": "favourable",
        "value": 0.25,
        "name": "Pew",
        "year": 2019,
    },
]
SKIP = ("origin", "imported_at")


def _tables(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    with Ledger.open(path, read_only=True) as lg:
        recs = lg.query("SELECT * FROM records ORDER BY record_id").drop(columns=list(SKIP), errors="ignore")
        docs = lg.query("SELECT * FROM documents ORDER BY doc_id")
    return recs, docs


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = bundled_ledger(tmp_path / "src.duckdb")
    with Ledger.open(path) as lg:
        lg.import_records(RECORDS, DOCS, origin="test", source="test")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_import_is_identical(source: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    with Ledger.open(source, read_only=True) as lg:
        n = export(lg, out, fmt)
    assert n == 150 and sidecar_path(out).is_file()
    target = tmp_path / "new.duckdb"
    with Ledger.open(target) as lg:
        res = import_file(lg, out)
    assert res.total == 150 and res.duplicates == 0
    (r0, d0), (r1, d1) = _tables(source), _tables(target)
    pd.testing.assert_frame_equal(r0, r1)
    pd.testing.assert_frame_equal(d0, d1)
    assert d1.set_index("doc_id").loc["kor/brief-1.txt", "publisher_kind"] == "government"


def test_export_is_byte_identical_twice(source: Path, tmp_path: Path) -> None:
    for fmt in ("jsonl", "csv", "parquet"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        with Ledger.open(source, read_only=True) as lg:
            export(lg, a, fmt)
            export(lg, b, fmt)
        assert a.read_bytes() == b.read_bytes(), fmt
        assert sidecar_path(a).read_bytes() == sidecar_path(b).read_bytes()


def test_a_bad_sidecar_names_its_line(source: Path, tmp_path: Path) -> None:
    from softpower.errors import InputError

    out = tmp_path / "x.jsonl"
    with Ledger.open(source, read_only=True) as lg:
        export(lg, out, "jsonl")
    side = sidecar_path(out)
    side.write_text(
        side.read_text(encoding="utf-8") + '{"id": "z", "publisher_kind": "blog"}\n', encoding="utf-8"
    )
    target = tmp_path / "new.duckdb"
    with (
        Ledger.open(target) as lg,
        pytest.raises(InputError, match=r"x.documents.jsonl:8: publisher_kind: Input should be"),
    ):
        import_file(lg, out)
    with Ledger.open(target, read_only=True) as lg:
        assert lg.stats()["documents"] == 0
