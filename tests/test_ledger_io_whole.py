"""Whole outputs of ``ledger.io``'s imports: a review-decision file (accepted, corrected and
rejected records: the ``ImportResult`` and every row stored), a record file without a documents
sidecar (the documents its records cite, with the bundled catalogue's metadata where the
catalogue knows them) and ``read_records`` over several chunks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from softpower.errors import InputError
from softpower.extract.review import FORMAT, record_key
from softpower.ledger import Ledger
from softpower.ledger.bundled import seed_documents
from softpower.ledger.files import FLAT_COLUMNS, SCALARS, read_records
from softpower.ledger.io import import_file
from softpower.records.models import RECORD_KEYS

SEED = seed_documents()[4]  # the dated essay (2009-02-17) with a publisher
REC = {
    "doc": SEED["id"],
    "kind": "engagement",
    "actor": "JPN",
    "partners": ["VNM"],
    "instrument": "oda_loan",
    "year": 2008,
    "amount": 3.0,
    "currency": "USD",
    "span": [0, 10],
}
OTHER = {
    **REC,
    "doc": "note.txt",
    "actor": "KOR",
    "partners": ["LAO"],
    "instrument": "oda_grant",
    "span": None,
}
ZERO = {"engagement": 0, "indicator": 0, "perception": 0}


def _decision(rec: dict[str, Any], decision: str, corrected: dict[str, Any] | None = None) -> str:
    rec = {**{k: None for k in RECORD_KEYS}, "ppp": False, "equal_footing": False, **rec}
    return (
        json.dumps(
            {
                "format": FORMAT,
                "key": record_key(rec),
                "decision": decision,
                "record": rec,
                "corrected": corrected or {},
                "reviewer": "A. Analyst",
                "time": "2026-12-05T08:10:00Z",
            }
        )
        + "\n"
    )


def _stored(lg: Ledger) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    records = lg.con.execute(
        "SELECT doc, actor, partners, instrument, year, amount, span_start, span_end, origin FROM records "
        "ORDER BY actor"
    ).fetchall()
    docs = lg.con.execute(
        "SELECT doc_id, title, publisher, publisher_kind, CAST(date AS VARCHAR), text_length, sha256 FROM documents "
        "ORDER BY doc_id"
    ).fetchall()
    return records, docs


def _result(r: Any) -> tuple[Any, ...]:
    return (r.added, r.duplicates, r.documents, r.rows, r.skipped, r.total)


def test_a_decision_file_with_every_record_rejected_imports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(_decision(REC, "reject") + _decision(OTHER, "reject"), encoding="utf-8")
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        assert _result(import_file(lg, path)) == (ZERO, 0, 0, 0, {"rejected": 2}, 0)
        assert _stored(lg) == ([], [])


def test_a_decision_file_imports_accepted_and_corrected_records(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        _decision(REC, "correct", {"amount": 4.0})
        + _decision(OTHER, "accept")
        + _decision({**OTHER, "year": 2009}, "reject"),
        encoding="utf-8",
    )
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        assert _result(import_file(lg, path)) == (
            {"engagement": 2, "indicator": 0, "perception": 0},
            0,
            2,
            2,
            {"rejected": 1},
            2,
        )
        records, docs = _stored(lg)
        assert records == [
            (SEED["id"], "JPN", ["VNM"], "oda_loan", 2008, 4.0, 0, 10, "review:d.jsonl"),
            ("note.txt", "KOR", ["LAO"], "oda_grant", 2008, 3.0, None, None, "review:d.jsonl"),
        ]
        # the essay cited gets the bundled catalogue's metadata; another document only its id
        assert docs == [
            (SEED["id"], SEED["title"], SEED["publisher"], "academic", "2009-02-17", 32618, SEED["sha256"]),
            ("note.txt", None, None, "unknown", None, None, None),
        ]
    # all accepted: nothing is counted as skipped, and an origin given is kept
    path.write_text(_decision(OTHER, "accept"), encoding="utf-8")
    with Ledger.open(tmp_path / "m.duckdb") as lg:
        assert _result(import_file(lg, path, origin="mine")) == (
            {"engagement": 1, "indicator": 0, "perception": 0},
            0,
            1,
            1,
            {},
            1,
        )
        assert [r[-1] for r in _stored(lg)[0]] == ["mine"]


def test_a_record_file_without_sidecar_registers_the_documents_it_cites(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(REC) + "\n" + json.dumps(OTHER) + "\n", encoding="utf-8")
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        assert _result(import_file(lg, path)) == (
            {"engagement": 2, "indicator": 0, "perception": 0},
            0,
            2,
            2,
            {},
            2,
        )
        records, docs = _stored(lg)
        assert [r[-1] for r in records] == ["file:r.jsonl", "file:r.jsonl"]
        assert docs == [
            (SEED["id"], SEED["title"], SEED["publisher"], "academic", "2009-02-17", 32618, SEED["sha256"]),
            ("note.txt", None, None, "unknown", None, None, None),
        ]
        # the other four essays of the catalogue are not registered: no record cites them
        again = import_file(lg, path, origin="again")
        assert _result(again) == (ZERO, 2, 0, 2, {}, 0)


def test_read_records_whole_over_several_chunks(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        "\n".join(json.dumps({**OTHER, "year": 2000 + i}) for i in range(5)) + "\n", encoding="utf-8"
    )
    got = read_records(path, chunk_rows=2)
    assert list(got.columns) == [*SCALARS, "partners", "span_start", "span_end", "line"]
    assert list(got.index) == [0, 1, 2, 3, 4]
    assert got["year"].tolist() == [2000, 2001, 2002, 2003, 2004]
    assert got["line"].tolist() == [1, 2, 3, 4, 5]
    assert got["partners"].tolist() == [["LAO"]] * 5
    assert got.drop(columns=["year", "line", "partners"]).iloc[0].to_dict() == {
        c: OTHER.get(c) for c in FLAT_COLUMNS if c not in ("year", "partners")
    } | {"span_start": None, "span_end": None}
    assert pd.concat([read_records(path)]).equals(read_records(path, chunk_rows=5))


def test_an_accepted_decision_the_ledger_refuses_names_the_decision_file(tmp_path: Path) -> None:
    short = seed_documents()[1]  # the catalogue's essay of 2407 characters
    path = tmp_path / "d.jsonl"
    path.write_text(
        _decision(OTHER, "reject") + _decision({**REC, "doc": short["id"], "span": [0, 5000]}, "accept")
    )
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        with pytest.raises(InputError) as err:
            import_file(lg, path)
        assert str(err.value) == (
            f"{path}:2: span: [0, 5000] outside document '{short['id']}' of 2407 characters "
            "(expected a span inside the document)"
        )
        assert _stored(lg) == ([], [])


# -- survivors of the final fresh sample (seed 15) ----------------------------------------------
def test_import_batch_passes_the_file_and_the_importer_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from softpower.ledger import importers
    from softpower.ledger.importers import ImportBatch, Importer
    from softpower.ledger.io import import_batch

    rows = pd.DataFrame([{**OTHER, "line": 3}, {**OTHER, "actor": "ZZZ", "line": 7}])
    batch = ImportBatch(rows, [{"id": "note.txt", "title": "N"}], {"blank": 2}, 9)
    fake = Importer("fake", "a made-up dataset", lambda p: batch)
    monkeypatch.setitem(importers.IMPORTERS, "fake", fake)
    src = tmp_path / "data.csv"
    src.write_text("x\n")
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        with pytest.raises(InputError) as err:
            import_batch(lg, "fake", src)
        assert (
            str(err.value)
            == f"{src}:7: actor: unknown country code 'ZZZ' (expected an ISO 3166 alpha-3 code)"
        )
        batch.records = rows.iloc[:1]
        r = import_batch(lg, "fake", src)
        assert _result(r) == ({"engagement": 1, "indicator": 0, "perception": 0}, 0, 1, 1, {"blank": 2}, 1)
        assert r.skipped is not batch.skipped  # a copy
        records, docs = _stored(lg)
        assert [x[-1] for x in records] == ["fake"]
        assert docs == [("note.txt", "N", None, "unknown", None, None, None)]


def test_export_refusals_whole(tmp_path: Path) -> None:
    from softpower.ledger.io import export

    with Ledger.open(tmp_path / "l.duckdb") as lg:
        with pytest.raises(InputError) as err:
            export(lg, tmp_path / "o.xml", "xml")
        assert str(err.value) == "--format: unknown format 'xml' (expected jsonl or csv or parquet)"
        with pytest.raises(InputError) as err:
            export(lg, tmp_path / "o.csv", "csv", kind="rumour")
        assert (
            str(err.value) == "--kind: unknown kind 'rumour' (expected engagement or indicator or perception)"
        )
    assert list(tmp_path.iterdir()) == [tmp_path / "l.duckdb"]
