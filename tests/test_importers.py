"""Real-data importers: known answers on the AidData samples, malformed input, the CLI path,
and (when ../shared is present) the full files."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from softpower.errors import InputError
from softpower.ledger.importers import IMPORTERS, RECORD_COLUMNS, ImportBatch
from softpower.ledger.importers._sources import classify, parse_sources
from softpower.records.models import parse_record

FIX = Path(__file__).resolve().parent / "fixtures" / "aiddata"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not present")


def _rows(batch: ImportBatch, line: int, doc_prefix: str | None = None) -> pd.DataFrame:
    r = batch.records
    r = r[r["line"] == line]
    return r[r["doc"].str.startswith(doc_prefix)] if doc_prefix else r


def _valid(batch: ImportBatch) -> None:
    """Every record validates against the record model."""
    for rec in batch.records.drop(columns=["line"]).to_dict("records"):
        clean = {
            k: (None if v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v) for k, v in rec.items()
        }
        parse_record(clean)


def test_registry() -> None:
    assert set(IMPORTERS) >= {
        "aiddata-gcof",
        "aiddata-gcdf",
        "aiddata-public-diplomacy",
        "aiddata-aims",
        "koica",
        "listening-to-leaders",
        "ussc-survey",
        "lowy-gdi",
    }
    for name, imp in IMPORTERS.items():
        assert imp.name == name and imp.description
        assert imp.patterns, f"{name} declares no file patterns for --from auto"


def test_auto_patterns_find_each_fixture_once() -> None:
    """Each importer finds its own fixture files, and no file is claimed by two importers."""
    claimed: dict[Path, str] = {}
    for name, imp in IMPORTERS.items():
        for f in imp.find(FIX.parent):
            assert f not in claimed, f"{f.name} matched by {claimed[f]} and {name}"
            claimed[f] = name
    assert {"aiddata-gcof", "aiddata-gcdf", "aiddata-aims", "listening-to-leaders"} <= set(claimed.values())


def test_gcof_sample() -> None:
    b = IMPORTERS["aiddata-gcof"].load(FIX / "gcof" / "GlobalChineseOfficialFinanceDataset_v1.0.csv")
    assert list(b.records.columns) == list(RECORD_COLUMNS)
    assert b.rows_read == 36
    assert b.skipped == {"not recommended for research (umbrella, pledge, cancelled or suspended)": 7}
    _valid(b)
    # project 32021 (line 3): a 2002 CNY loan; CNY has no 2002 rate in the tables -> AidData's nominal USD
    rows = _rows(b, 3)
    assert len(rows) == 5  # the dataset row plus its four cited sources
    assert set(rows["doc"]) >= {
        "aiddata-gcof-1.0:32021",
        "http://english.peopledaily.com.cn/200206/14/eng20020614_97867.shtml",
    }
    first = rows.iloc[0]
    assert (first.actor, first.partners, first.instrument, first.year) == ("CHN", ["KHM"], "oda_loan", 2002)
    assert first.amount == pytest.approx(2295529.487) and first.currency == "USD"
    docs = {d["id"]: d for d in b.documents}
    assert docs["aiddata-gcof-1.0:32021"]["publisher_kind"] == "dataset"
    people = docs["http://english.peopledaily.com.cn/200206/14/eng20020614_97867.shtml"]
    assert (people["publisher_kind"], people["publisher_country"]) == ("state_media", "CHN")
    gov = [d for d in docs.values() if d["id"].startswith("http://www.cdc-crdb.gov.kh")][0]
    assert (gov["publisher_kind"], gov["publisher_country"]) == ("government", "KHM")
    # a USD grant keeps its stated amount
    assert _rows(b, 11, "aiddata").iloc[0][["amount", "currency", "instrument"]].tolist() == [
        80000.0,
        "USD",
        "oda_grant",
    ]
    # Confucius Institutes and emergency relief get their own instruments
    assert {"cultural_institution", "disaster_cooperation", "people_exchange"} <= set(b.records["instrument"])


def test_gcdf_sample() -> None:
    b = IMPORTERS["aiddata-gcdf"].load(FIX / "gcdf")
    assert b.counts() == {"engagement": 30, "indicator": 90}
    _valid(b)
    ind = b.records[b.records["kind"] == "indicator"]
    khm = ind[(ind["metric"] == "oda_commitments") & (ind["year"] == 2000)].iloc[0]
    assert khm.partners == ["KHM"] and khm.unit == "USD (constant 2021)" and khm.line == 2
    assert khm.value == pytest.approx(21119520, rel=1e-6)
    eng = b.records[b.records["kind"] == "engagement"]
    assert eng["amount"].isna().all()  # constant-2021 amounts are not stated nominal amounts


def test_public_diplomacy_folder() -> None:
    b = IMPORTERS["aiddata-public-diplomacy"].load(FIX)
    _valid(b)
    ind = b.records[b.records["kind"] == "indicator"]
    assert set(ind["doc"]) == {
        "aiddata-pd-eap-1.0:country-year",
        "aiddata-pd-sca-1.0:country-year",
        "aiddata-pd-dashboard-1.0:country-year",
    }
    khm = ind[(ind["line"] == 18) & (ind["doc"] == "aiddata-pd-eap-1.0:country-year")].set_index("metric")[
        "value"
    ]
    assert khm["sister_cities"] == 18 and khm["financial_diplomacy_debt_relief"] == 96612588
    # "Korea, Dem. Rep." is resolved; empty cells are skipped, not zero
    assert (ind["partners"].map(tuple) == ("PRK",)).any()
    assert b.skipped == {"empty cell (not collected that year)": 111}
    eng = b.records[b.records["kind"] == "engagement"]
    assert eng["doc"].str.startswith(("aiddata-pd-", "http")).all() and (eng["actor"] == "CHN").all()


def test_aims_sample() -> None:
    b = IMPORTERS["aiddata-aims"].load(FIX / "aims")
    _valid(b)
    jpn = _rows(b, 3).iloc[0]
    assert (jpn.actor, jpn.partners, jpn.year, jpn.amount, jpn.currency) == (
        "JPN",
        ["NPL"],
        2010,
        7492575.0,
        "USD",
    )
    assert "PRT" in set(b.records["actor"])  # POR corrected
    assert b.skipped["no state donor (multilateral, NGO or fund)"] == 29


def test_listening_to_leaders_sample() -> None:
    b = IMPORTERS["listening-to-leaders"].load(FIX / "ltl")
    _valid(b)
    reg = b.records[b.records["doc"] == "aiddata-ltl-2017:donors_regions"]
    cdb = reg[(reg["line"] == 23) & (reg["measure"] == "influence")].iloc[0]
    assert cdb.actor == "CHN" and "KHM" in cdb.partners and "CHN" not in cdb.partners
    assert cdb.value == pytest.approx(0.657671, abs=1e-6)
    glob = b.records[b.records["doc"] == "aiddata-ltl-2017:donors_global"]
    assert (glob["partners"].map(tuple) == ("WORLD",)).all()


def test_parse_and_classify_sources() -> None:
    text = "http://a.example/x?a=1&amp;b=2, Media Report, including Wikileaks; http://www.mofcom.gov.cn/y, Government Source (Donor/Recipient)"
    assert parse_sources(text) == [
        ("http://a.example/x?a=1&amp;b=2", "Media Report, including Wikileaks"),
        ("http://www.mofcom.gov.cn/y", "Government Source (Donor/Recipient)"),
    ]
    assert classify("http://news.xinhuanet.com/a", "Media Report, including Wikileaks")[1:] == (
        "CHN",
        "state_media",
    )
    assert classify("http://www.mofa.go.jp/a", "Other")[1:] == ("JPN", "government")
    assert (
        classify("http://global.factiva.com/aa/?ref=XNEWS000", "Media Report, including Wikileaks")[2]
        == "state_media"
    )
    assert classify("http://www.worldbank.org/x", "Other")[2] == "international_org"


def _bad_copy(tmp_path: Path, row: int, col: str, value: str) -> tuple[Path, int]:
    """The GCOF sample with one cell spoiled; returns the file and the physical line of that row."""
    src = FIX / "gcof" / "GlobalChineseOfficialFinanceDataset_v1.0.csv"
    df = pd.read_csv(src, dtype=str, keep_default_na=False)
    df.loc[row, col] = value
    df.loc[row, "project_id"] = "MARKER-ROW"
    out = tmp_path / "GlobalChineseOfficialFinanceDataset_v1.0.csv"
    df.to_csv(out, index=False)
    lines = out.read_text(encoding="utf-8").split("\n")
    return out, next(i for i, text in enumerate(lines, start=1) if text.startswith("MARKER-ROW,"))


def test_malformed_value_names_file_line_field(tmp_path: Path) -> None:
    bad, line = _bad_copy(tmp_path, 12, "year", "20x1")
    assert line > 13  # multi-line descriptions: the physical line, not the row number
    with pytest.raises(InputError) as err:
        IMPORTERS["aiddata-gcof"].load(bad)
    assert err.value.format() == f"{bad}:{line}: year: '20x1' is not a number (expected a number)"


def test_missing_column_and_ragged_row(tmp_path: Path) -> None:
    f = tmp_path / "donors_global.csv"
    f.write_text("org_name,influence_weighted\nChina - X,0.5\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        IMPORTERS["listening-to-leaders"].load(f)
    assert (err.value.line, err.value.field, err.value.problem) == (
        1,
        "helpfulness_weighted",
        "missing column",
    )
    g = tmp_path / "gcdf3_recipient_year_aggregates_cow.csv"
    g.write_text("year,iso3,oda_adj,oof_adj,vof_adj\n2001,KHM,1,2,3\n2002,KHM,1\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        IMPORTERS["aiddata-gcdf"].load(g)
    assert err.value.line == 3 and "3 fields" in err.value.format()


def test_cli_import_and_bad_input_leaves_ledger_unchanged(tmp_path: Path) -> None:
    from softpower.cli import app
    from softpower.ledger import Ledger, bundled_ledger

    db = tmp_path / "l.duckdb"
    bundled_ledger(db)
    runner = CliRunner()
    ok = runner.invoke(
        app, ["ledger", "import", "--ledger", str(db), "--from", "aiddata-gcdf", str(FIX / "gcdf")]
    )
    assert ok.exit_code == 0, ok.output
    with Ledger.open(db, read_only=True) as lg:
        before = lg.query("SELECT kind, count(*) AS n FROM records GROUP BY kind ORDER BY kind")
        assert lg.query("SELECT count(*) AS n FROM records WHERE origin = 'aiddata-gcdf'")["n"][0] == 120
    bad, line = _bad_copy(tmp_path, 5, "amount", "lots")
    res = runner.invoke(app, ["ledger", "import", "--ledger", str(db), "--from", "aiddata-gcof", str(bad)])
    assert res.exit_code == 2
    assert res.output.strip().endswith(f"{bad}:{line}: amount: 'lots' is not a number (expected a number)")
    assert len(res.output.strip().splitlines()) == 1
    with Ledger.open(db, read_only=True) as lg:
        after = lg.query("SELECT kind, count(*) AS n FROM records GROUP BY kind ORDER BY kind")
    pd.testing.assert_frame_equal(before, after)


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "folder", "rows", "kinds"),
    [
        ("aiddata-gcof", "aiddata_gcof_v1", 5466, {"engagement"}),
        ("aiddata-gcdf", "aiddata_gcdf3_partial", 12823, {"engagement", "indicator"}),
        ("aiddata-public-diplomacy", ".", 2853, {"engagement", "indicator"}),
        ("aiddata-aims", "aiddata_geocoded_aims_indo_pacific", 2081, {"engagement"}),
        ("koica", "aiddata_koica_korea_projects_2009", 29549, {"engagement"}),
        ("listening-to-leaders", "aiddata_listening_to_leaders_2017", 753, {"perception"}),
        ("ussc-survey", "ussc_asia_research_network_survey", 8453, {"perception"}),
        ("lowy-gdi", "lowy_global_diplomacy_index", 28589, {"indicator"}),
    ],
)
def test_full_files(name: str, folder: str, rows: int, kinds: set[str]) -> None:
    path = SHARED / folder
    if not path.exists():
        pytest.skip(f"{path} not present")
    b = IMPORTERS[name].load(path)
    assert b.rows_read == rows
    assert set(b.counts()) == kinds
    sample = ImportBatch(b.records.iloc[:: max(1, len(b.records) // 400)], [], {}, 0)
    _valid(sample)


@needs_shared
@pytest.mark.shared
def test_ussc_known_share() -> None:
    b = IMPORTERS["ussc-survey"].load(SHARED / "ussc_asia_research_network_survey")
    r = b.records
    assert len(r) == 40  # 4 questions x (11 country-waves, less China on China twice)
    assert not ((r["actor"] == "CHN") & (r["partners"].map(tuple) == ("CHN",))).any()
    assert r["value"].between(0, 1).all()


def test_merge_identical_rows_sums_amounts() -> None:
    from collections import Counter

    from softpower.ledger.importers._base import make_records, merge_identical

    recs = make_records(
        4,
        doc=["a", "b", "c", "d"],
        kind="engagement",
        actor="KOR",
        partners=[["VNM"], ["VNM"], ["VNM"], ["LAO"]],
        instrument="technical_cooperation",
        year=[2004, 2004, 2005, 2004],
        amount=[100.0, 100.0, 100.0, 100.0],
        currency="USD",
        line=[2, 3, 4, 5],
    )
    skipped: Counter[str] = Counter()
    out = merge_identical(recs, skipped)
    assert out["doc"].tolist() == ["a", "c", "d"]
    assert out["amount"].tolist() == [200.0, 100.0, 100.0]
    assert skipped == {"merged into an identical row (amount summed)": 1}


@needs_shared
@pytest.mark.shared
def test_lowy_counts_match_raw_rows() -> None:
    f = SHARED / "lowy_global_diplomacy_index" / "globaldiplomacyindex_posts.csv"
    if not f.exists():
        pytest.skip(f"{f} not present")
    raw = pd.read_csv(f, dtype=str, keep_default_na=False)
    sel = raw[(raw["COUNTRY"] == "China") & (raw["POST COUNTRY"] == "Indonesia") & (raw["Year"] == "2023")]
    posts = int((sel["TYPE OF POST"] != "Permanent Mission").sum())
    embassies = int((sel["TYPE OF POST"] == "Embassy / High Commission").sum())
    r = IMPORTERS["lowy-gdi"].load(f).records
    chn = r[(r["actor"] == "CHN") & (r["partners"].map(tuple) == ("IDN",)) & (r["year"] == 2023)]
    got = chn.set_index("metric")["value"]
    assert got["diplomatic_posts"] == posts and got["embassies"] == embassies and posts > embassies


@needs_shared
@pytest.mark.shared
def test_koica_amounts_are_koica_usd() -> None:
    f = SHARED / "aiddata_koica_korea_projects_2009" / "Korea_KOICA_Project_Database_2009.csv"
    if not f.exists():
        pytest.skip(f"{f} not present")
    b = IMPORTERS["koica"].load(f)
    raw = pd.read_csv(f, dtype=str, keep_default_na=False)
    vnm = raw[
        (raw["country"] == "Viet Nam")
        & ~raw["type_of_cooperation"].isin(["Administrative Cost", "evelopment Awareness"])
    ]
    usd = pd.to_numeric(vnm["usd_amount"], errors="coerce")
    kept = b.records
    assert (kept["actor"] == "KOR").all() and set(kept["currency"].dropna()) <= {"USD", "KRW"}
    # merging identical rows keeps the money: imported USD for Viet Nam = the raw USD total of its rows
    mine = kept[(kept["partners"].map(tuple) == ("VNM",)) & (kept["currency"] == "USD")]
    assert mine["amount"].sum() == pytest.approx(usd[usd > 0].sum())
    assert b.skipped["merged into an identical row (amount summed)"] > 0


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet='ab ,"\n', max_size=6), min_size=2, max_size=2), min_size=1, max_size=8
    )
)
def test_read_table_reports_physical_start_lines(
    tmp_path_factory: pytest.TempPathFactory, cells: list[list[str]]
) -> None:
    import csv

    from softpower.ledger.importers._base import read_table

    f = tmp_path_factory.mktemp("csv") / "t.csv"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["x", "y"])
        starts, line = [], 2
        for row in cells:
            starts.append(line)
            w.writerow(row)
            line += sum(c.count("\n") for c in row) + 1
    df = read_table(f, ("x", "y"))
    assert df["line"].tolist() == starts
    assert df[["x", "y"]].values.tolist() == cells


def test_a_dataset_read_leaves_the_csv_field_limit_of_the_process_as_it_was(tmp_path: Path) -> None:
    import csv

    from softpower.ledger.importers._base import read_table

    long_cell = "y" * 200_000  # dataset cells may exceed the csv module's default limit
    f = tmp_path / "t.csv"
    f.write_text(f"x,y\n1,{long_cell}\n", encoding="utf-8")
    before = csv.field_size_limit()
    try:
        csv.field_size_limit(131_072)
        assert read_table(f, ("x", "y"))["y"].tolist() == [long_cell]
        assert csv.field_size_limit() == 131_072  # record files keep their 128 KB refusal
        bad = tmp_path / "bad.csv"
        bad.write_text("x\n1,2\n", encoding="utf-8")  # a row wider than its header
        with pytest.raises(InputError):
            read_table(bad, ("x",))
        assert csv.field_size_limit() == 131_072
    finally:
        csv.field_size_limit(before)


def test_undecodable_bytes_name_their_line(tmp_path: Path) -> None:
    f = tmp_path / "donors_global.csv"
    head = b"org_name,influence_weighted,helpfulness_weighted,influence_n,helpfulness_n\n"
    f.write_bytes(head + b"China - X,0.5,0.4,10,10\nJap\xe9n - Y,0.5,0.4,10,10\n")
    with pytest.raises(InputError) as err:
        IMPORTERS["listening-to-leaders"].load(f)
    assert (
        err.value.format()
        == f"{f}:3: not UTF-8 text (invalid continuation byte) (expected a UTF-8 encoded CSV file)"
    )


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        IMPORTERS["koica"].load(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="no dataset file in this folder"):
        IMPORTERS["lowy-gdi"].load(tmp_path)


def test_cli_lists_importers_and_stats_show_counts(tmp_path: Path) -> None:
    from softpower.cli import app

    runner = CliRunner()
    listed = runner.invoke(app, ["ledger", "importers"])
    assert listed.exit_code == 0
    for name in IMPORTERS:
        assert name in listed.output
    db = str(tmp_path / "s.duckdb")
    res = runner.invoke(
        app, ["ledger", "import", "--ledger", db, "--from", "listening-to-leaders", str(FIX / "ltl")]
    )
    assert res.exit_code == 0, res.output
    stats = runner.invoke(app, ["ledger", "stats", "--ledger", db])
    assert stats.exit_code == 0
    line = next(t for t in stats.output.splitlines() if "from listening-to-leaders" in t)
    assert "perception 53" in line
