"""Whole outputs of ``ledger.store`` on small fixed inputs: ``to_flat``, the documents an import
stores (ids given as ``id`` or ``doc_id``, text giving the length and hash, repeats, a document
already held), progress calls over chunks, ``stats``, ``records``, ``document_lengths``,
``arrow``'s refusal, and ``give_back_space`` in each of its cases."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from softpower.errors import InputError, LedgerError
from softpower.ledger.files import FLAT_COLUMNS
from softpower.ledger.store import ImportResult, Ledger, _checkpointed_size, give_back_space, to_flat

ENG = {
    "doc": "a",
    "kind": "engagement",
    "actor": "JPN",
    "partners": ["VNM"],
    "instrument": "oda_loan",
    "year": 2010,
}
IND = {
    "doc": "b",
    "kind": "indicator",
    "actor": "CHN",
    "partners": ["IDN"],
    "metric": "m",
    "value": 2.0,
    "year": 2001,
}


def _docs(lg: Ledger) -> list[tuple[Any, ...]]:
    return lg.con.execute("SELECT * FROM documents ORDER BY doc_id").fetchall()


def test_import_result_defaults() -> None:
    r = ImportResult()
    assert (r.added, r.duplicates, r.documents, r.rows, r.skipped, r.total) == (
        {"engagement": 0, "indicator": 0, "perception": 0},
        0,
        0,
        0,
        {},
        0,
    )
    assert ImportResult(added={"engagement": 2, "indicator": 3, "perception": 4}).total == 9


def test_to_flat_whole() -> None:
    flat = to_flat([ENG, {**IND, "span": [1, 2]}])
    assert list(flat.columns) == [*FLAT_COLUMNS, "span", "line"]
    assert flat["line"].tolist() == [1, 2]
    assert flat["span"].isna().tolist() == [True, False] and flat.loc[1, "span"] == [1, 2]
    assert flat.loc[0, "partners"] == ["VNM"] and flat.loc[1, "metric"] == "m"
    assert all(flat[c].isna().all() for c in ("name", "price_year", "span_start", "span_end"))
    # a frame keeps its own line numbers and gets a fresh index; a flat span is not doubled
    frame = pd.DataFrame([{**ENG, "line": 7, "span_start": 0, "span_end": 3}], index=[5])
    flat = to_flat(frame)
    assert list(flat.columns) == [*FLAT_COLUMNS, "line"]
    assert (list(flat.index), flat["line"].tolist(), flat["span_end"].tolist()) == ([0], [7], [3])
    assert list(frame.columns)[-2:] == ["span_start", "span_end"]  # the caller's frame is not changed


def test_documents_an_import_stores_whole(tmp_path: Path) -> None:
    text = "Loan to Vietnam."
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with Ledger.open(tmp_path / "d.duckdb") as lg:
        r = lg.import_records(
            [ENG, IND],
            [
                {
                    "doc_id": "a",
                    "title": "A",
                    "publisher_kind": "government",
                    "date": "2011-02-03",
                    "text": text,
                },
                {"id": "a", "title": "A again"},  # a repeat in one call: the first is kept
                {"id": "c", "title": "C", "text_length": 40, "sha256": "f" * 64},  # cited by nothing: kept
            ],
            origin="o",
            source="s",
        )
        assert (r.added, r.documents, r.rows) == ({"engagement": 1, "indicator": 1, "perception": 0}, 3, 2)

        assert _docs(lg) == [
            ("a", "A", None, None, None, "government", dt.date(2011, 2, 3), None, 16, sha, text),
            ("b", None, None, None, None, "unknown", None, None, None, None, None),
            ("c", "C", None, None, None, "unknown", None, None, 40, "f" * 64, None),
        ]
        assert lg.document_lengths() == {"a": 16, "b": None, "c": 40}
        # a document already held is not replaced
        r = lg.import_records([], [{"id": "a", "title": "new"}], origin="o", source="s")
        assert (r.added, r.documents, r.rows, r.duplicates) == (
            {"engagement": 0, "indicator": 0, "perception": 0},
            0,
            0,
            0,
        )
        assert _docs(lg)[0][1] == "A"


@pytest.mark.parametrize(
    ("document", "line"),
    [
        ({"id": "a", "text_length": -1}, "'a': text_length: Input should be greater than or equal to 0"),
        # two bad fields: the first is named, as every refusal names the first problem
        (
            {"id": "a", "title": 5, "text_length": -1},
            "'a': title: Input should be a valid string",
        ),
        (
            {"id": "a", "date": "2020-13-01", "text_length": -1},
            "'a': date: Input should be a valid date or datetime, month value is outside expected "
            "range of 1-12",
        ),
        # a problem of the whole document (its model-level check) names no field of its own
        ({"id": "a", "title": "x\x00y"}, "'a': title contains a NUL character"),
        # the id given as doc_id, as a ledger's documents table names it
        (
            {"doc_id": "b", "publisher_kind": "alien"},
            "'b': publisher_kind: Input should be 'government', 'state_media', 'independent_press', "
            "'think_tank', 'academic', 'international_org', 'dataset' or 'unknown'",
        ),
    ],
)
def test_a_bad_document_is_one_line(tmp_path: Path, document: dict[str, Any], line: str) -> None:
    with Ledger.open(tmp_path / "d.duckdb") as lg:
        with pytest.raises(InputError) as err:
            lg.import_records([ENG], [document], origin="o", source="in.jsonl")
        assert str(err.value) == f"in.jsonl: document: {line}"
        assert _docs(lg) == []


def test_progress_over_chunks_and_empty_chunks(tmp_path: Path) -> None:
    seen: list[tuple[int, Any]] = []
    chunks = [to_flat([ENG]), to_flat([]), to_flat([IND, {**IND, "year": 2002}])]
    with Ledger.open(tmp_path / "p.duckdb") as lg:
        r = lg.import_records(iter(chunks), origin="o", source="s", progress=lambda a, b: seen.append((a, b)))
    assert seen == [(1, None), (3, None)]
    assert (r.added, r.rows, r.duplicates, r.documents) == (
        {"engagement": 1, "indicator": 2, "perception": 0},
        3,
        0,
        2,
    )


def test_stats_records_and_arrow_whole(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "s.duckdb") as lg:
        lg.import_records([ENG, IND], origin="one", source="s")
        lg.import_records([{**ENG, "doc": "b"}, {**ENG, "year": 2011}], origin="two", source="s")
        assert lg.stats() == {
            "engagement": 3,
            "indicator": 1,
            "perception": 0,
            "documents": 2,
            "facts": 3,
            "by_origin": {"one": {"engagement": 1, "indicator": 1}, "two": {"engagement": 2}},
        }
        every = lg.records()  # by document, then span (none here), then record id
        assert every["doc"].tolist() == ["a", "a", "b", "b"]
        assert every["record_id"].tolist() == [
            *sorted(every["record_id"][:2]),
            *sorted(every["record_id"][2:]),
        ]
        assert sorted(zip(every["doc"], every["kind"], every["year"], every["origin"], strict=True)) == [
            ("a", "engagement", 2010, "one"),
            ("a", "engagement", 2011, "two"),
            ("b", "engagement", 2010, "two"),
            ("b", "indicator", 2001, "one"),
        ]
        assert lg.records("indicator")[["doc", "actor", "value"]].values.tolist() == [["b", "CHN", 2.0]]
        assert lg.records("perception").empty
        assert lg.query("SELECT count(*) AS n FROM records WHERE origin = ?", ["two"])["n"].tolist() == [2]
        assert lg.arrow("SELECT actor FROM records WHERE origin = ? ORDER BY actor", ["one"]).to_pylist() == [
            {"actor": "CHN"},
            {"actor": "JPN"},
        ]


class _NoRelation:
    """A connection whose ``sql`` gives no relation, as DuckDB 1.x does for a statement
    without a result (DDL); DuckDB 2 always gives one."""

    def sql(self, sql: str, params: Any = None) -> None:
        return None


def test_arrow_of_a_statement_without_rows(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "a.duckdb") as lg:
        con, lg.con = lg.con, _NoRelation()  # type: ignore[assignment]
        try:
            with pytest.raises(LedgerError) as err:
                lg.arrow("CREATE TABLE t (x INTEGER)")
        finally:
            lg.con = con
        assert str(err.value) == "the statement returned no rows to read"


def test_give_back_space_each_case(tmp_path: Path) -> None:
    path = tmp_path / "g.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records([ENG], origin="o", source="s")
    size = path.stat().st_size
    assert _checkpointed_size(path) is not None and _checkpointed_size(path) <= size
    with path.open("ab") as fh:
        fh.write(b"\0" * 8192)
    assert give_back_space(path, size + 8192) is False  # the file did not grow past it
    assert give_back_space(path, (_checkpointed_size(path) or 0) - 1) is False  # would cut committed data
    assert path.stat().st_size == size + 8192
    assert give_back_space(path, size) is True
    assert path.stat().st_size == size
    with Ledger.open(path, read_only=True) as lg:
        assert lg.stats()["engagement"] == 1
    assert give_back_space(tmp_path / "none.duckdb", 0) is False
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"x" * 20000)
    assert _checkpointed_size(plain) is None
    assert give_back_space(plain, 100) is False and plain.stat().st_size == 20000
    short = tmp_path / "short.bin"
    short.write_bytes(path.read_bytes()[:5000])
    assert _checkpointed_size(short) is None


@pytest.mark.parametrize(
    ("records", "message"),
    [
        (
            [ENG, {**ENG, "name": "ok\udfffok"}],
            "s:2: name: is not valid Unicode text (lone surrogate at character 2)",
        ),
        (
            [ENG, {**ENG, "name": "\udfff", "line": 9}],
            "s:9: name: is not valid Unicode text (lone surrogate at character 0)",
        ),
        # a line number 0 is no line: the row's position is named
        (
            [ENG, {**ENG, "doc": "\ud800", "line": 0}],
            "s:2: doc: is not valid Unicode text (lone surrogate at character 0)",
        ),
    ],
)
def test_text_without_utf8_form_names_row_and_field(tmp_path: Path, records: list[Any], message: str) -> None:
    with Ledger.open(tmp_path / "u.duckdb") as lg:
        with pytest.raises(InputError) as err:
            lg.import_records(records, origin="o", source="s")
        assert str(err.value) == message + " (expected UTF-8 text)"
        assert lg.stats()["engagement"] == 0


class _Clock:
    """A fake clock: ``sleep`` advances ``monotonic`` and records the pause."""

    def __init__(self) -> None:
        self.now, self.sleeps = 100.0, []  # type: ignore[var-annotated]

    def monotonic(self) -> float:
        return self.now

    def sleep(self, s: float) -> None:
        self.sleeps.append(s)
        self.now += s


@pytest.mark.parametrize(
    ("wait", "env", "pauses"),
    [
        (3.0, None, [0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 0.45]),
        (None, "1", [0.05, 0.1, 0.2, 0.4, 0.25]),
        (None, "", []),
        (None, "-5", []),
        (0.0, "9", []),
    ],
)
def test_open_retries_a_busy_ledger_with_growing_pauses(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, wait: float | None, env: str | None, pauses: list[float]
) -> None:
    from softpower.ledger import store

    clock = _Clock()
    monkeypatch.setattr(store.time, "monotonic", clock.monotonic)
    monkeypatch.setattr(store.time, "sleep", clock.sleep)
    if env is None:
        monkeypatch.delenv("SOFTPOWER_WAIT", raising=False)
    else:
        monkeypatch.setenv("SOFTPOWER_WAIT", env)
    calls = []

    def busy(cls: Any, path: Path, read_only: bool, sandbox: bool) -> Ledger:
        calls.append((path, read_only, sandbox))
        raise store.LedgerBusy(path, reader=True)

    monkeypatch.setattr(Ledger, "_open", classmethod(busy))
    with pytest.raises(store.LedgerBusy):
        Ledger.open(str(tmp_path / "x.duckdb"), True, sandbox=True, wait=wait)
    assert clock.sleeps == pytest.approx(pauses)
    assert calls == [(tmp_path / "x.duckdb", True, True)] * (len(pauses) + 1)


def test_open_returns_once_the_ledger_is_free(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from softpower.ledger import store

    clock = _Clock()
    monkeypatch.setattr(store.time, "monotonic", clock.monotonic)
    monkeypatch.setattr(store.time, "sleep", clock.sleep)
    real = Ledger._open.__func__  # type: ignore[attr-defined]
    left = [2]

    def busy_twice(cls: Any, path: Path, read_only: bool, sandbox: bool) -> Ledger:
        if left[0]:
            left[0] -= 1
            raise store.LedgerBusy(path, reader=False)
        return real(cls, path, read_only, sandbox)  # type: ignore[no-any-return]

    monkeypatch.setattr(Ledger, "_open", classmethod(busy_twice))
    with Ledger.open(tmp_path / "f.duckdb", wait=10) as lg:
        assert lg.stats()["documents"] == 0
    assert clock.sleeps == [0.05, 0.1]


def test_space_is_not_cut_when_the_file_changed_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from softpower.ledger import store

    path = tmp_path / "m.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records([ENG], origin="o", source="s")
    size = path.stat().st_size
    with path.open("ab") as fh:
        fh.write(b"\0" * 8192)
    real = store.os.fstat

    class _Grown:
        def __init__(self, fd: int) -> None:
            self.st_size = real(fd).st_size + 4096  # another writer extended it since the stat

    monkeypatch.setattr(store.os, "fstat", _Grown)
    assert give_back_space(path, size) is False
    assert path.stat().st_size == size + 8192
