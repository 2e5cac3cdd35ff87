"""Whole outputs of every dataset importer on its committed fixture.

Each test loads one importer on its fixture (``tests/fixtures/``, the ODC-By / CC BY /
public-domain samples credited in each folder's ATTRIBUTION.md) and compares the *complete*
:class:`~softpower.ledger.importers.ImportBatch` with ``tests/expected/importers/<name>.json``:
every record row with every column in order (kind, actor, partners, instrument or metric or
measure, years, amount and currency, value, unit, name, flags, span, source line), each column's
dtype, every document dictionary (id, title, publisher, publisher country and kind, date, url,
in order), every skip reason with its count, and the number of rows read.

The expected files were written by this module (``python tests/test_importer_outputs.py``)
and then read against the fixtures and ``docs/data-mapping.md`` before they were committed (see
docs/testing.md, "Importer outputs"); a change to an importer that changes any of these
details fails here and needs a deliberate, reviewed rewrite of the expected file. Numbers are
compared to 12 significant digits (currency conversions may differ in the last bits between
platforms; every mapping change is far larger).

KOICA, Lowy and USSC data may not be committed as fixtures; their importers are pinned the
same way on small made-up tables in the datasets' column layouts (``SYNTHETIC`` below).
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from softpower.ledger.importers import IMPORTERS, ImportBatch

FIX = Path(__file__).resolve().parent / "fixtures"
EXPECTED = Path(__file__).resolve().parent / "expected" / "importers"

#: importer name -> its fixture (a file or a folder) under tests/fixtures
FIXTURES: dict[str, str] = {
    "aiddata-gcof": "aiddata/gcof",
    "aiddata-gcdf": "aiddata/gcdf",
    "aiddata-public-diplomacy": "aiddata",
    "aiddata-aims": "aiddata/aims",
    "listening-to-leaders": "aiddata/ltl",
    "pew-favourability": "pew",
    "oecd-dac2a": "oecd_dac2a",
    "sipri-arms": "sipri",
    "uis-students": "uis",
    "mme-exercises": "mme",
    "us-troops": "troops",
    "us-travels": "travels",
    "aiddata-plaid": "aiddata_plaid",
    "us-foreign-assistance": "us_foreign_assistance",
    "aiddata-core-sectors": "aiddata_core",
}


def _plain(v: Any) -> Any:
    """A cell as JSON: numpy scalars and arrays as Python values, NaN / NA / None as null,
    floats to 12 significant digits."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, np.ndarray | list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float):
        if math.isnan(v):
            return None
        return float(f"{v:.12g}")
    return v


def batch_as_json(batch: ImportBatch) -> dict[str, Any]:
    """Everything an importer returned, in order, as JSON values."""
    rec = batch.records
    return {
        "rows_read": batch.rows_read,
        "skipped": {str(k): int(v) for k, v in batch.skipped.items()},
        "columns": list(rec.columns),
        "dtypes": [str(t) for t in rec.dtypes],
        "records": [[_plain(v) for v in row] for row in rec.itertuples(index=False, name=None)],
        "documents": [{str(k): _plain(v) for k, v in d.items()} for d in batch.documents],
    }


def _dump(data: dict[str, Any]) -> str:
    """One record or document per line, so a reviewer can read the file against the fixture."""
    out = ["{"]
    keys = list(data)
    for i, key in enumerate(keys):
        end = "," if i < len(keys) - 1 else ""
        value = data[key]
        if key in ("records", "documents") and value:
            out.append(f"  {json.dumps(key)}: [")
            out.extend(
                "    " + json.dumps(item, ensure_ascii=False) + ("," if j < len(value) - 1 else "")
                for j, item in enumerate(value)
            )
            out.append("  ]" + end)
        else:
            out.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{end}")
    out.append("}")
    return "\n".join(out) + "\n"


def load_fixture(name: str) -> ImportBatch:
    return IMPORTERS[name].load(FIX / FIXTURES[name])


def _compare(name: str, got: dict[str, Any]) -> None:
    want = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    # the parts one by one first, so a failure says which part differs
    for part in ("rows_read", "skipped", "columns", "dtypes"):
        assert got[part] == want[part], part
    assert len(got["records"]) == len(want["records"]), "number of records"
    for i, (g, w) in enumerate(zip(got["records"], want["records"], strict=True)):
        assert g == w, f"record {i}: {dict(zip(got['columns'], g, strict=True))}"
    assert len(got["documents"]) == len(want["documents"]), "number of documents"
    for i, (g, w) in enumerate(zip(got["documents"], want["documents"], strict=True)):
        assert list(g.items()) == list(w.items()), f"document {i}"


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_importer_output_on_its_fixture_is_exactly_the_reviewed_one(name: str) -> None:
    batch = load_fixture(name)
    _compare(name, batch_as_json(batch))
    assert batch.records.index.equals(pd.RangeIndex(len(batch.records)))  # a fresh index


def test_every_importer_is_pinned() -> None:
    """A new importer needs its fixture (or synthetic table) and its expected output here."""
    assert set(IMPORTERS) == set(FIXTURES) | set(SYNTHETIC)
    assert {p.stem for p in EXPECTED.glob("*.json")} - {"cells"} == set(
        IMPORTERS
    )  # cells: test_importer_cells


# --- importers whose data may not be committed: made-up tables in their column layouts

#: importer name -> (file name, CSV text). Made-up rows, one or more per branch of the importer:
#: each skip reason, each alias, a merge of identical rows, a fallback currency, blank cells.
SYNTHETIC: dict[str, tuple[str, str]] = {
    "koica": (
        "Korea_KOICA_Project_Database_2009.csv",
        "id,project_year,country,project_name,type_of_cooperation,won_amount,usd_amount,dac,source_url\n"
        "K1,2005,Viet Nam,School building,Aid In Kind/In Cash,1000000,1000,Education,http://example.org/k1\n"
        "K2,2005,Laos,Training course,Invitation of Trainees,5000000,,,\n"
        "K3,2006,Indonesia,Tsunami relief,Aid In Kind/In Cash,,50000,Emergency Response,ftp://example.org\n"
        "K4,2006,Africa regional,Survey,Experts,100,1,,\n"
        "K5,2006,Viet Nam,Office,Administrative Cost,100,1,,\n"
        "K6,2006,Viet Nam,Something,Mystery Modality,100,1,,\n"
        "K7,,Viet Nam,Undated,Experts,100,1,,\n"
        'K8,2007,"Congo, DR",Clinic,Medics,0,0,,\n'
        "K9,2007,Kyrgyz Republic,Volunteer,Volunteers,,,,\n"
        "K10,2007,Kyrgyz Republic,Volunteer,Volunteers,,,,\n"
        "K11,2007,Micronesia,Teacher,Taekwondo Instructors,2000,2,,\n"
        "K12,2007,Micronesia,Teacher,Taekwondo Instructors,3000,3,,\n"
        "K13,1990,Viet Nam,Too early,Experts,100,1,,\n",
    ),
    "lowy-gdi": (
        "globaldiplomacyindex_posts.csv",
        "COUNTRY,POST COUNTRY,POST CITY,TYPE OF POST,Year\n"
        "Australia,Japan,Tokyo,Embassy / High Commission,2017\n"
        "Australia,Japan,Osaka,Consulate General,2017\n"
        "Australia,Japan,Sapporo,Consulate,2019\n"
        "European Union,Japan,Tokyo,Delegation,2017\n"
        "Japan,Switzerland,Geneva,Permanent Mission,2017\n"
        "Japan,Atlantis,Poseidonia,Embassy / High Commission,2017\n"
        "Japan,Japan,Tokyo,Consulate,2017\n"
        "Taiwan*,Korea Republic of (South Korea),Seoul,Other,2018\n"
        "Korea Democratic People's Republic of (North Korea),China,Beijing,Embassy / High Commission,2018\n"
        "Korea Democratic People's Republic of (North Korea),China,Shenyang,Consulate General,2018\n"
        "Australia,Japan,Tokyo,Embassy / High Commission,2018\n",
    ),
    "ussc-survey": (
        "ussc_asia_survey_2016_2017.csv",
        "caseid,country,wave,weight,country_influence_us_eval,country_influence_china_eval,harm_us,harm_china\n"
        "1,Japan,2016,1,Very positive,Negative,Much more good than harm,Somewhat more harm than good\n"
        "2,Japan,2016,3,Negative,A little positive,,Much more good than harm\n"
        "3,Japan,2017,2,Positive,Very negative,Somewhat more good than harm,Much more harm than good\n"
        "4,China,2017,1,Positive,Very positive,Much more harm than good,Much more good than harm\n"
        "5,Narnia,2016,1,Positive,Positive,,\n"
        "6,Indonesia,2017,0,Positive,Positive,,\n"
        "7,Indonesia,2016,0.5,,,,\n",
    ),
}


def load_synthetic(name: str, folder: Path) -> ImportBatch:
    file_name, text = SYNTHETIC[name]
    path = folder / file_name
    path.write_text(text, encoding="utf-8")
    return IMPORTERS[name].load(path)


@pytest.mark.parametrize("name", sorted(SYNTHETIC))
def test_importer_output_on_a_made_up_table_is_exactly_the_reviewed_one(name: str, tmp_path: Path) -> None:
    batch = load_synthetic(name, tmp_path)
    _compare(name, batch_as_json(batch))
    assert batch.records.index.equals(pd.RangeIndex(len(batch.records)))


# --- import --from auto: every dataset of a folder, one transaction each


def _auto_folder(tmp_path: Path) -> Path:
    import shutil

    src = tmp_path / "data"
    for sub in ("pew", "sipri", "travels", "aiddata_plaid"):
        shutil.copytree(FIX / sub, src / sub)
    return src


def _runs(runs: list[Any], root: Path) -> list[dict[str, Any]]:
    from dataclasses import asdict

    out = []
    for r in runs:
        d = asdict(r)
        assert d.pop("seconds") >= 0
        d["files"] = [str(f.relative_to(root)) for f in d["files"]]
        out.append(d)
    return out


PEW_RUN = {
    "name": "pew-favourability",
    "files": ["pew/pew_favourability_country_year_sample.csv"],
    "status": "imported",
    "rows_read": 12,
    "records_added": 9,
    "facts_added": 9,
    "documents_added": 3,
    "skipped": {"rated entity is not a state (EU, UN)": 2, "a public rating its own country": 1},
}
SIPRI_RUN = {
    "name": "sipri-arms",
    "files": ["sipri/sipri-exports-processed.csv"],
    "status": "imported",
    "rows_read": 12,
    "records_added": 8,
    "facts_added": 8,
    "documents_added": 1,
    "skipped": {
        "historical state without a current ISO code": 1,
        "international organisation (SIPRI **)": 1,
        "non-state actor (SIPRI *)": 1,
        "unknown or unspecified": 1,
    },
}
TRAVELS_FILES = ["travels/AmericanPresidentVisit.csv", "travels/AmericanSecretaryVisit.csv"]
NOTHING = {"rows_read": 0, "records_added": 0, "facts_added": 0, "documents_added": 0, "skipped": {}}


def test_auto_import_whole_runs_and_callbacks(tmp_path: Path) -> None:
    from softpower.ledger import Ledger
    from softpower.ledger.auto import import_auto

    src = _auto_folder(tmp_path)
    calls: list[tuple[Any, ...]] = []
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        runs = import_auto(
            lg,
            src,
            on_start=lambda r, i, n: calls.append(("start", r.name, i, n)),
            on_done=lambda r: calls.append(("done", r.name, r.status)),
        )
        assert _runs(runs, src) == [
            PEW_RUN,
            SIPRI_RUN,
            {
                "name": "us-travels",
                "files": TRAVELS_FILES,
                "status": "imported",
                "rows_read": 14,
                "records_added": 6,
                "facts_added": 6,
                "documents_added": 1,
                "skipped": {
                    "historical state without a current ISO code": 1,
                    "year before 1945 (the record model starts in 1945)": 1,
                },
            },
            {
                "name": "aiddata-plaid",
                "files": ["aiddata_plaid/env_plaid19_agg_sample.csv"],
                "status": "imported",
                "rows_read": 13,
                "records_added": 5,
                "facts_added": 5,
                "documents_added": 5,
                "skipped": load_fixture("aiddata-plaid").skipped,
            },
        ]
        assert calls == [
            ("start", "pew-favourability", 0, 4),
            ("done", "pew-favourability", "imported"),
            ("start", "sipri-arms", 1, 4),
            ("done", "sipri-arms", "imported"),
            ("start", "us-travels", 2, 4),
            ("done", "us-travels", "imported"),
            ("start", "aiddata-plaid", 3, 4),
            ("done", "aiddata-plaid", "imported"),
        ]
        # the origin of each record is its dataset; a second run adds nothing
        assert lg.stats()["by_origin"] == {
            "aiddata-plaid": {"indicator": 5},
            "pew-favourability": {"perception": 9},
            "sipri-arms": {"indicator": 8},
            "us-travels": {"indicator": 6},
        }
        again = import_auto(lg, src)
        assert [(r.records_added, r.facts_added, r.documents_added) for r in again] == [(0, 0, 0)] * 4


def test_auto_import_stops_at_a_bad_dataset_and_keeps_the_earlier_ones(tmp_path: Path) -> None:
    import csv

    from softpower.ledger import Ledger
    from softpower.ledger.auto import AutoImportError, import_auto

    src = _auto_folder(tmp_path)
    bad = src / "travels" / "AmericanSecretaryVisit.csv"
    with bad.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[2][4] = "20x6"
    with bad.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    calls: list[tuple[Any, ...]] = []
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        with pytest.raises(AutoImportError) as info:
            import_auto(lg, src, on_start=lambda r, i, n: calls.append((r.name, i, n)))
        assert str(info.value) == f"{bad}:3: year: '20x6' is not a number (expected a number)"
        assert _runs(info.value.runs, src) == [
            PEW_RUN,
            SIPRI_RUN,
            {"name": "us-travels", "files": TRAVELS_FILES, "status": "failed (rolled back)", **NOTHING},
            {
                "name": "aiddata-plaid",
                "files": ["aiddata_plaid/env_plaid19_agg_sample.csv"],
                "status": "not attempted",
                **NOTHING,
            },
        ]
        assert calls == [("pew-favourability", 0, 4), ("sipri-arms", 1, 4), ("us-travels", 2, 4)]
        assert lg.stats()["by_origin"] == {
            "pew-favourability": {"perception": 9},
            "sipri-arms": {"indicator": 8},
        }


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "nope", "{p}/nope: not a folder (expected a folder of datasets for --from auto)"),
        (
            lambda p: p,
            "{p}: no known dataset in this folder (expected files named as one of the importers expects "
            "(see `softpower ledger importers`))",
        ),
    ],
)
def test_auto_import_refuses_a_folder_without_datasets(tmp_path: Path, make: Any, message: str) -> None:
    from softpower.errors import InputError
    from softpower.ledger.auto import find_datasets

    (tmp_path / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        find_datasets(make(tmp_path))
    assert str(info.value) == message.replace("{p}", str(tmp_path))


def write_expected() -> None:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for name in sorted(FIXTURES):
        (EXPECTED / f"{name}.json").write_text(_dump(batch_as_json(load_fixture(name))), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(SYNTHETIC):
            batch = load_synthetic(name, Path(tmp))
            (EXPECTED / f"{name}.json").write_text(_dump(batch_as_json(batch)), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/test_importer_outputs.py --write   (then review every diff)")
    write_expected()
