"""Dataset importers: refusals and layouts the committed fixtures do not reach.

Each test makes a small input from a fixture (``tests/fixtures``, credited in each folder's
ATTRIBUTION.md) or a made-up table in the dataset's layout, and compares the whole refusal line
or the whole output with the one expected.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from softpower.errors import InputError
from softpower.ledger.importers import IMPORTERS

FIX = Path(__file__).resolve().parent / "fixtures"


def _refusal(name: str, path: Path) -> str:
    with pytest.raises(InputError) as info:
        IMPORTERS[name].load(path)
    return str(info.value)


def test_mme_long_layout_gives_the_records_of_the_wide_one(tmp_path: Path) -> None:
    """``mme-v7-long``: one row per participant; the same exercises give the same dyads."""
    wide = FIX / "mme" / "mme_v7.csv"
    with wide.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    long = tmp_path / "mme_v7_long.csv"
    with long.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["MMEID", "Ex_Name", "StartDate", "country", "s.year"])
        for r in rows:
            for col in ("StateA", "StateB", "StateC", "StateD"):
                if r[col].strip():
                    w.writerow([r["MMEID"], r["Ex_Name"], r["StartDate"], r[col], r["s.year"]])
    a = IMPORTERS["mme-exercises"].load(wide)
    b = IMPORTERS["mme-exercises"].load(long)
    assert b.rows_read == a.rows_read == len(rows)
    assert b.documents == a.documents
    assert b.skipped == a.skipped
    cols = [c for c in a.records.columns if c != "line"]
    pd.testing.assert_frame_equal(b.records[cols], a.records[cols])
    assert b.records.index.equals(pd.RangeIndex(len(b.records)))
    # the long layout's lines are its own: the first line of either participant's row
    assert b.records["line"].tolist() != a.records["line"].tolist()
    assert b.records["line"].min() == 2


def test_mme_long_layout_refusals(tmp_path: Path) -> None:
    f = tmp_path / "mme_v7_long.csv"
    f.write_text(
        "MMEID,Ex_Name,StartDate,country,s.year\n1,X,1/1/05,Japan,2005\n1,X,1/1/05,Narnia,2005\n",
        encoding="utf-8",
    )
    assert _refusal("mme-exercises", f) == (
        f"{f}:3: country: unknown country 'Narnia' (expected a country name this importer knows)"
    )
    f.write_text("MMEID,Ex_Name,StartDate,country\n1,X,1/1/05,Japan\n", encoding="utf-8")
    assert _refusal("mme-exercises", f) == (
        f"{f}:1: s.year: missing column (expected a header with MMEID, Ex_Name, StartDate, country, s.year)"
    )
    f.write_text(
        "MMEID,Ex_Name,StartDate,country,s.year\n1,X,1/1/05,Japan,2005\n1,X,1/1/05,-9,2005\n2,Y,1/1/05,Japan,2005\n",
        encoding="utf-8",
    )
    b = IMPORTERS["mme-exercises"].load(f)
    assert (len(b.records), b.rows_read) == (0, 2)
    assert b.skipped == {
        "unknown or unspecified": 1,
        "exercise with fewer than two identified states (no dyad)": 2,
    }


def test_troops_refusals(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _refusal("us-troops", empty) == (
        f"{empty}: no dataset file in this folder (expected a file named like "
        "troopdata-rebuild-country-year*.csv or builddata*.csv or basedata*.csv)"
    )
    src = FIX / "troops" / "troopdata-rebuild-country-year.csv"
    with src.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    rows[2][head.index("iso3c")] = ""
    rows[2][head.index("countryname")] = "Atlantis"
    bad = tmp_path / src.name
    with bad.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    assert _refusal("us-troops", bad) == (
        f"{bad}:3: countryname: unknown country 'Atlantis' (expected a country name this importer knows)"
    )


def test_public_diplomacy_refuses_another_table(tmp_path: Path) -> None:
    f = tmp_path / "ChinesePublicDiplomacy.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    assert _refusal("aiddata-public-diplomacy", f) == (
        f"{f}:1: not an AidData public-diplomacy table "
        "(expected a header with receiving_country (country-year) or project_id (projects))"
    )
    shutil.copy(f, tmp_path / "ChinasPublicDiplomacyinX.csv")
    assert _refusal("aiddata-public-diplomacy", tmp_path).startswith(
        f"{tmp_path / 'ChinasPublicDiplomacyinX.csv'}:1: "
    )


@pytest.mark.parametrize(("weight", "shown"), [("-1", "'-1'"), ("", "''")])
def test_ussc_refuses_a_negative_or_missing_weight(tmp_path: Path, weight: str, shown: str) -> None:
    f = tmp_path / "ussc_asia_survey_2016_2017.csv"
    f.write_text(
        "caseid,country,wave,weight,country_influence_us_eval,country_influence_china_eval,harm_us,harm_china\n"
        "1,Japan,2016,1,Positive,Negative,,\n"
        f"2,Japan,2016,{weight},Positive,Negative,,\n"
        "3,Japan,2016,-2,Positive,Negative,,\n",
        encoding="utf-8",
    )
    assert _refusal("ussc-survey", f) == f"{f}:3: weight: {shown} (expected a survey weight >= 0)"


@pytest.mark.parametrize(
    ("name", "fixture", "copy"),
    [
        (
            "pew-favourability",
            "pew/pew_favourability_country_year_sample.csv",
            "pew_favourability_country_year_b.csv",
        ),
        (
            "aiddata-core-sectors",
            "aiddata_core/aiddata_core31_donor_recipient_year_sector_groups_sample.csv",
            "aiddata_core31_donor_recipient_year_sector_groups_b.csv",
        ),
    ],
)
def test_a_folder_of_two_files_gives_both_files_records_under_a_fresh_index(
    tmp_path: Path, name: str, fixture: str, copy: str
) -> None:
    src = FIX / fixture
    one = IMPORTERS[name].load(src)
    shutil.copy(src, tmp_path / src.name)
    shutil.copy(src, tmp_path / copy)
    two = IMPORTERS[name].load(tmp_path)
    assert two.rows_read == 2 * one.rows_read
    assert two.skipped == {k: 2 * v for k, v in one.skipped.items()}
    assert two.documents == one.documents
    assert two.records.index.equals(pd.RangeIndex(2 * len(one.records)))
    pd.testing.assert_frame_equal(two.records.iloc[len(one.records) :].reset_index(drop=True), one.records)


def test_koica_names_the_file_of_a_bad_year(tmp_path: Path) -> None:
    f = tmp_path / "Korea_KOICA_Project_Database_2009.csv"
    f.write_text(
        "id,project_year,country,project_name,type_of_cooperation,won_amount,usd_amount,dac,source_url\n"
        "1,2004,Viet Nam,A school,Project Aid,1000,1,Education,http://x\n"
        "2,20x4,Viet Nam,A school,Project Aid,1000,1,Education,http://x\n",
        encoding="utf-8",
    )
    assert _refusal("koica", f) == f"{f}:3: project_year: '20x4' is not a number (expected a number)"


def test_tuff_instrument_rules() -> None:
    from softpower.ledger.importers.tuff import instrument_of

    rows = [
        # flow type, flow class, sector, title -> instrument
        ("Loan (excluding debt rescheduling)", "ODA-like", "Health", "", "oda_loan"),
        ("Export credits", "OOF-like", "", "", "oda_loan"),
        ("Strategic/Supplier Credit", "", "", "", "oda_loan"),
        ("Debt rescheduling", "", "Education", "", "oda_loan"),
        ("Vague (Official Finance)", "OOF-like", "Health", "", "oda_loan"),
        ("Vague (Official Finance)", "ODA-like", "", "", "oda_grant"),
        ("Grant", "ODA-like", "Education", "Confucius Institute at X", "cultural_institution"),
        ("Loan (excluding debt rescheduling)", "", "", "A Confucius Classroom", "oda_loan"),
        ("Scholarships/training in the donor country", "", "Education", "", "people_exchange"),
        ("Scholarships/training in the donor country", "", "Health", "", "health_cooperation"),
        ("Scholarships/training in the donor country", "", "Agriculture", "", "technical_cooperation"),
        ("Grant", "", "Population Policies/Programmes and Reproductive Health", "", "health_cooperation"),
        ("Grant", "", "Emergency Response", "", "disaster_cooperation"),
        ("Free-standing technical assistance", "", "Energy", "", "technical_cooperation"),
        (" Free-standing technical assistance ", "", "", "", "technical_cooperation"),
        ("Debt forgiveness", "", "Energy", "", "oda_grant"),
        (None, None, None, None, "oda_grant"),
    ]
    cols = [pd.Series([r[i] for r in rows], dtype="string") for i in range(4)]
    got = instrument_of(*cols)
    assert got.dtype == object
    assert got.tolist() == [r[4] for r in rows]
