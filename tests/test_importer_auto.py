"""``import --from auto``: what a run records besides its counts (``ledger/auto.py``).

The whole runs and refusals are pinned in ``tests/test_importer_outputs.py``; here, with
importers replaced by small loaders written in the test: the file or folder a record error
names, the time each dataset took, and the fields of a failed run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from softpower.ledger import Ledger
from softpower.ledger.auto import (
    FAILED,
    IMPORTED,
    NOT_ATTEMPTED,
    AutoImportError,
    DatasetRun,
    find_datasets,
    import_auto,
)
from softpower.ledger.importers import IMPORTERS, ImportBatch, Importer
from softpower.ledger.importers._base import make_records


def _loader(kind: str) -> Importer:
    """An importer of ``demo_*.csv`` files giving one record of ``kind`` per call."""

    def load(path: Path) -> ImportBatch:
        rec = make_records(
            1,
            doc="demo:1",
            kind=kind,
            actor="USA",
            partners=["JPN"],
            metric="m",
            unit="u",
            year=2001,
            value=1.0,
            line=2,
        )
        return ImportBatch(rec, [{"id": "demo:1", "title": "demo"}], {"a reason": 1}, 3)

    return Importer("koica", "demo", load, ("demo_*.csv",))


def _folder(tmp_path: Path, *names: str) -> Path:
    src = tmp_path / "data"
    src.mkdir()
    for n in names:
        (src / n).write_text("x\n", encoding="utf-8")
    return src


@pytest.mark.parametrize(
    ("files", "named"), [(("demo_1.csv",), "data/demo_1.csv"), (("demo_1.csv", "demo_2.csv"), "data")]
)
def test_a_bad_record_names_the_dataset_file_or_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: tuple[str, ...], named: str
) -> None:
    monkeypatch.setitem(IMPORTERS, "koica", _loader("nonsense"))
    src = _folder(tmp_path, *files)
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        with pytest.raises(AutoImportError) as info:
            import_auto(lg, src)
        assert str(info.value).startswith(f"{tmp_path / named}:2: kind: ")
        (run,) = info.value.runs
        assert (run.name, run.status, run.rows_read, run.records_added, run.skipped) == (
            "koica",
            FAILED,
            0,
            0,
            {},
        )
        assert 0 <= run.seconds < 600
        assert lg.stats()["facts"] == 0 and lg.stats()["documents"] == 0


def test_an_imported_run_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(IMPORTERS, "koica", _loader("indicator"))
    src = _folder(tmp_path, "demo_1.csv", "other.csv")
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        (run,) = import_auto(lg, src)
        assert 0 <= run.seconds < 600
        run.seconds = 0.0
        assert run == DatasetRun("koica", [src / "demo_1.csv"], IMPORTED, 3, 1, 1, 1, {"a reason": 1}, 0.0)
        # the importer's documents are stored with their metadata, not as bare ids
        assert lg.con.execute("SELECT doc_id, title FROM documents").fetchall() == [("demo:1", "demo")]
        (again,) = import_auto(lg, src)
        assert (again.status, again.records_added, again.facts_added, again.documents_added) == (
            IMPORTED,
            0,
            0,
            0,
        )


def test_find_datasets_lists_importers_with_files_in_registry_order(tmp_path: Path) -> None:
    src = _folder(tmp_path, "donors_global.csv", "globaldiplomacyindex_posts.csv", "notes.txt")
    (src / "sub").mkdir()
    (src / "sub" / "Korea_KOICA_Project_Database_2009.csv").write_text("x\n", encoding="utf-8")
    runs = find_datasets(src)
    assert runs == [
        DatasetRun("koica", [src / "sub" / "Korea_KOICA_Project_Database_2009.csv"]),
        DatasetRun("listening-to-leaders", [src / "donors_global.csv"]),
        DatasetRun("lowy-gdi", [src / "globaldiplomacyindex_posts.csv"]),
    ]
    assert {r.status for r in runs} == {NOT_ATTEMPTED} and NOT_ATTEMPTED == "not attempted"
    assert (IMPORTED, FAILED) == ("imported", "failed (rolled back)")
    assert DatasetRun("x", []) == DatasetRun("x", [], NOT_ATTEMPTED, 0, 0, 0, 0, {}, 0.0)
