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
    _compare(name, batch_as_json(load_fixture(name)))


def test_every_importer_is_pinned() -> None:
    """A new importer needs its fixture (or synthetic table) and its expected output here."""
    assert set(IMPORTERS) == set(FIXTURES) | set(SYNTHETIC)
    assert {p.stem for p in EXPECTED.glob("*.json")} == set(IMPORTERS)


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
    _compare(name, batch_as_json(load_synthetic(name, tmp_path)))


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
