"""The ledger: imports are transactions, keys are content-derived, bad input is one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from softpower.cli import app
from softpower.errors import InputError, LedgerError
from softpower.ledger import Ledger, bundled_ledger, export, import_file
from softpower.records import vocab

runner = CliRunner()

GOOD = {
    "doc": "note.txt",
    "kind": "engagement",
    "actor": "JPN",
    "partners": ["VNM"],
    "instrument": "oda_loan",
    "metric": None,
    "unit": None,
    "measure": None,
    "year": 2010,
    "year_end": None,
    "amount": 1.5e9,
    "currency": "JPY",
    "value": None,
    "name": None,
    "ppp": False,
    "equal_footing": False,
    "amount_basis": None,
    "price_basis": None,
    "price_year": None,
    "span": [0, 10],
    "quote": None,
}


def _stats(path: Path) -> dict:
    with Ledger.open(path, read_only=True) as lg:
        return lg.stats()


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_bundled_counts_and_idempotent(seeds_ledger: Path) -> None:
    stats = _stats(seeds_ledger)
    assert (stats["engagement"], stats["indicator"], stats["perception"], stats["documents"]) == (
        110,
        32,
        4,
        5,
    )
    bundled_ledger(seeds_ledger)
    assert _stats(seeds_ledger) == stats


def test_gold_import_exact_counts_then_nothing(tmp_path: Path, shared_dir: Path) -> None:
    ledger = tmp_path / "g.duckdb"
    gold = shared_dir / "corpus/gold/seeds.jsonl"
    first = runner.invoke(app, ["ledger", "import", str(gold), "--ledger", str(ledger)])
    assert first.exit_code == 0, first.output
    assert "added engagement 110, indicator 32, perception 4" in first.stdout
    again = runner.invoke(app, ["ledger", "import", str(gold), "--ledger", str(ledger)])
    assert "added engagement 0, indicator 0, perception 0; 146 already present" in again.stdout
    out = runner.invoke(app, ["ledger", "stats", "--format", "json", "--ledger", str(ledger)])
    stats = json.loads(out.stdout)
    assert {k: stats[k] for k in ("engagement", "indicator", "perception", "documents")} == {
        "engagement": 110,
        "indicator": 32,
        "perception": 4,
        "documents": 5,
    }


def test_bundled_equals_gold_facts(seeds_ledger: Path, shared_dir: Path) -> None:
    """The bundled records carry exactly the gold facts and spans (not the sentences)."""
    with Ledger.open(seeds_ledger) as lg:
        res = import_file(lg, shared_dir / "corpus/gold/seeds.jsonl")
    assert res.total == 0 and res.duplicates == 146


def test_same_fact_from_two_sources_is_linked(seeds_ledger: Path, tmp_path: Path) -> None:
    a = dict(GOOD, doc="a.txt")
    b = dict(GOOD, doc="b.txt", span=[5, 40])
    with Ledger.open(seeds_ledger) as lg:
        lg.import_records([a, b], origin="test", source="t")
        facts = lg.query(
            "SELECT n_sources FROM facts WHERE fact_key IN (SELECT fact_key FROM records WHERE doc='a.txt')"
        )
        n = lg.query("SELECT count(*) AS n FROM records WHERE doc IN ('a.txt', 'b.txt')")["n"][0]
    assert n == 2 and facts["n_sources"].tolist() == [2]


def test_an_empty_record_list_adds_nothing_and_keeps_the_ledger(tmp_path: Path) -> None:
    path = tmp_path / "l.duckdb"
    with Ledger.open(path) as lg:
        lg.import_records([GOOD], origin="test", source="t")
        result = lg.import_records([], origin="test", source="empty")
        n = lg.query("SELECT count(*) AS n FROM records")["n"][0]
    assert result.total == 0 and result.duplicates == 0 and result.rows == 0
    assert n == 1


def test_money_is_derived_with_reason(tmp_path: Path) -> None:
    rows = [GOOD, dict(GOOD, year=None, span=[1, 2]), dict(GOOD, currency="VUV", year=2010, span=[2, 3])]
    with Ledger.open(tmp_path / "m.duckdb") as lg:
        lg.import_records(rows, origin="test", source="t")
        df = lg.query(
            "SELECT year, amount_usd, amount_usd_const, money_note FROM records ORDER BY span_start"
        )
    assert df["amount_usd"][0] == pytest.approx(
        1.5e9 / 87.8, rel=0.03
    )  # ~87.8 JPY per USD in 2010 (ECB cross rates)
    assert df["amount_usd_const"][0] > df["amount_usd"][0]
    assert pd.isna(df["amount_usd"][1]) and df["money_note"][1] == "no year stated"
    assert pd.isna(df["amount_usd"][2]) and "VUV" in df["money_note"][2]


def test_money_basis_stored_and_ids_of_old_records_kept(tmp_path: Path) -> None:
    """A record without a basis keeps its pre-0.2 id; a basis makes a different fact; constant USD rebases."""
    const = dict(
        GOOD,
        currency="USD",
        amount=100.0,
        amount_basis="disbursement",
        price_basis="constant",
        price_year=2022,
        span=[1, 2],
    )
    with Ledger.open(tmp_path / "b.duckdb") as lg:
        lg.import_records([GOOD, const, dict(const, amount_basis="commitment")], origin="test", source="t")
        df = lg.query(
            "SELECT amount_basis, price_basis, price_year, amount_usd, amount_usd_const, record_id, "
            "fact_key FROM records ORDER BY span_start, amount_basis"
        )
        applied = lg.query("SELECT name FROM schema_migrations")["name"].tolist()
    assert "0004_money_basis" in applied
    # the record_id of GOOD as computed before the money-basis keys existed (0.1)
    from softpower.ledger.store import FACT_COLUMNS, _hash_sql

    old = [c for c in FACT_COLUMNS if c not in ("amount_basis", "price_basis", "price_year")]
    with Ledger.open(tmp_path / "b.duckdb") as lg:
        lg.con.register("clean", pd.DataFrame([dict(GOOD, partners="VNM", span_start=0, span_end=10)]))
        old_id = lg.con.execute(
            f"SELECT {_hash_sql(('doc', *old, 'span_start', 'span_end'))} FROM clean"
        ).fetchone()
    assert df["record_id"][0] == old_id[0]
    assert df["amount_basis"].tolist()[1:] == ["commitment", "disbursement"]
    assert df["fact_key"].nunique() == 3
    assert df["price_year"][1] == 2022 and pd.isna(df["amount_usd"][1])
    assert df["amount_usd_const"][1] == pytest.approx(100 * 304.702 / 292.655)


BAD_CASES = [
    ({"actor": "XXZ"}, "actor", "ISO 3166 alpha-3"),
    ({"partners": ["VNM", "QQQ"]}, "partners", "QQQ"),
    ({"instrument": "bribes"}, "instrument", "vocabulary"),
    ({"amount": -1}, "amount", "non-negative"),
    ({"year": 1900}, "year", "1945"),
    ({"year": 2099}, "year", "2099"),
    ({"span": [0, 100000]}, "span", "outside document"),
    ({"currency": "ABC"}, "currency", "ISO 4217"),
    ({"kind": "opinion"}, "kind", "engagement"),
    ({"amount_basis": "pledge"}, "amount_basis", "commitment"),
    ({"price_basis": "real"}, "price_basis", "constant"),
    ({"price_basis": "constant", "currency": "USD"}, "price_year", "base year"),
    ({"price_year": 2000}, "price_year", "only with price_basis"),
]


@pytest.mark.parametrize(("change", "field", "needle"), BAD_CASES)
def test_bad_row_one_line_exit_2_unchanged(seeds_ledger: Path, tmp_path: Path, change, field, needle) -> None:
    rows = [dict(GOOD, doc="000_a02d9b5fb81b6bbc.txt", span=[i, i + 1]) for i in range(5)]
    rows[3] = {**rows[3], **change}
    path = _write_jsonl(tmp_path / "bad.jsonl", rows)
    before = _stats(seeds_ledger)
    res = runner.invoke(app, ["ledger", "import", str(path), "--ledger", str(seeds_ledger)])
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert f"bad.jsonl:4: {field}:" in lines[0] and needle in lines[0]
    assert _stats(seeds_ledger) == before


def test_invalid_utf8_names_line(seeds_ledger: Path, tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    good = json.dumps(GOOD).encode()
    path.write_bytes(good + b"\n" + good.replace(b"note.txt", b"n\xff\xfe.txt") + b"\n")
    res = runner.invoke(app, ["ledger", "import", str(path), "--ledger", str(seeds_ledger)])
    assert res.exit_code == 2 and "enc.jsonl:2:" in res.stderr and "UTF-8" in res.stderr


def test_truncated_json_names_line(seeds_ledger: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD)[:40] + "\n", encoding="utf-8")
    res = runner.invoke(app, ["ledger", "import", str(path), "--ledger", str(seeds_ledger)])
    assert res.exit_code == 2 and "cut.jsonl:2:" in res.stderr and "JSON" in res.stderr


def test_wrong_csv_header(seeds_ledger: Path, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("doc,kind,actr,partners\nx,engagement,JPN,VNM\n", encoding="utf-8")
    res = runner.invoke(app, ["ledger", "import", str(path), "--ledger", str(seeds_ledger)])
    assert res.exit_code == 2 and "h.csv:1: header:" in res.stderr and "actr" in res.stderr


def test_ten_thousand_rows_bad_at_7001(tmp_path: Path) -> None:
    ledger = tmp_path / "big.duckdb"
    with Ledger.open(ledger):
        pass
    rows = [dict(GOOD, span=[i, i + 1], doc=f"d{i % 50}.txt") for i in range(10_000)]
    rows[7000] = dict(rows[7000], actor="UNKNOWNLAND")
    path = _write_jsonl(tmp_path / "ten.jsonl", rows)
    res = runner.invoke(app, ["ledger", "import", str(path), "--ledger", str(ledger)])
    assert res.exit_code == 2 and "ten.jsonl:7001: actor:" in res.stderr
    assert _stats(ledger)["engagement"] == 0 and _stats(ledger)["documents"] == 0


def test_missing_and_locked_ledger(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ledger", "stats", "--ledger", str(tmp_path / "nope.duckdb")])
    assert res.exit_code == 2 and "no ledger at" in res.stderr and "Traceback" not in res.output
    ledger = bundled_ledger(tmp_path / "locked.duckdb")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(ledger)!r}); print('ok', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        res = runner.invoke(app, ["ledger", "import", "--bundled", "--ledger", str(ledger)])
        assert res.exit_code == 2 and "locked" in res.stderr and "Traceback" not in res.output
    finally:
        holder.kill()
        holder.wait()
    with pytest.raises(LedgerError):
        Ledger.open(tmp_path / "nofolder" / "x.duckdb")
    (tmp_path / "zero.duckdb").write_bytes(b"")
    res = runner.invoke(app, ["ledger", "stats", "--ledger", str(tmp_path / "zero.duckdb")])
    assert res.exit_code == 2 and "empty file, not a softpower ledger" in res.stderr
    (tmp_path / "text.duckdb").write_text("hello", encoding="utf-8")
    res = runner.invoke(app, ["ledger", "import", "--bundled", "--ledger", str(tmp_path / "text.duckdb")])
    assert res.exit_code == 2 and "not a softpower ledger" in res.stderr


def test_query_is_read_only(seeds_ledger: Path) -> None:
    res = runner.invoke(app, ["ledger", "query", "DELETE FROM records", "--ledger", str(seeds_ledger)])
    assert res.exit_code == 2 and "read-only" in res.stderr
    ok = runner.invoke(
        app,
        [
            "ledger",
            "query",
            "SELECT count(*) AS n FROM perception",
            "--format",
            "csv",
            "--ledger",
            str(seeds_ledger),
        ],
    )
    assert ok.stdout.strip().splitlines() == ["n", "4"]


def test_python_access_pandas_and_arrow(seeds_ledger: Path) -> None:
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        df = lg.records("perception")
        tbl = lg.arrow("SELECT actor, partners FROM engagement WHERE name = 'GHIT'")
    assert len(df) == 4 and set(df["kind"]) == {"perception"}
    assert tbl.num_rows >= 1 and str(tbl.schema.field("partners").type.value_type) == "string"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_import_round_trip(seeds_ledger: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    res = runner.invoke(
        app, ["ledger", "export", "--format", fmt, "--output", str(out), "--ledger", str(seeds_ledger)]
    )
    assert res.exit_code == 0, res.output
    fresh = tmp_path / "fresh.duckdb"
    res = runner.invoke(app, ["ledger", "import", str(out), "--ledger", str(fresh)])
    assert res.exit_code == 0, res.output
    with Ledger.open(seeds_ledger, read_only=True) as a, Ledger.open(fresh, read_only=True) as b:
        ids_a = set(a.query("SELECT record_id FROM records")["record_id"])
        ids_b = set(b.query("SELECT record_id FROM records")["record_id"])
    assert ids_a == ids_b and len(ids_a) == 146


def test_export_kind_and_no_partial_file(seeds_ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    with Ledger.open(seeds_ledger, read_only=True) as lg:
        assert export(lg, out, "jsonl", kind="perception") == 4
        with pytest.raises(InputError):
            export(lg, tmp_path / "x.jsonl", "xml")
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    assert {r["kind"] for r in recs} == {"perception"} and list(recs[0]) == list(GOOD)
    assert not (tmp_path / "x.jsonl").exists() and not list(tmp_path.glob(".*.tmp"))


codes = st.sampled_from(["JPN", "CHN", "USA", "KOR", "VNM", "IDN", "ASEAN", "PIC", "CLMV", "IND"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "actor": st.sampled_from(["JPN", "CHN", "USA", "KOR"]),
                "partners": st.lists(codes, min_size=1, max_size=3, unique=True),
                "instrument": st.sampled_from(sorted(vocab.instruments())),
                "year": st.none() | st.integers(1950, 2025),
                "amount": st.none() | st.floats(0, 1e12, allow_nan=False),
                "ppp": st.booleans(),
                "name": st.none()
                | st.text(
                    st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
                    min_size=1,
                    max_size=12,
                ),
            }
        ),
        min_size=1,
        max_size=15,
    )
)
def test_property_records_ledger_export_round_trip(tmp_path_factory, rows) -> None:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("prop")
    recs = [
        dict(GOOD, **r, currency="USD" if r["amount"] is not None else None, span=[i, i + 3])
        for i, r in enumerate(rows)
    ]
    with Ledger.open(tmp / "p.duckdb") as lg:
        lg.import_records(recs, origin="prop", source="prop")
        export(lg, tmp / "p.jsonl", "jsonl")
    back = [json.loads(x) for x in (tmp / "p.jsonl").read_text(encoding="utf-8").split("\n") if x]
    key = lambda r: r["span"][0]  # noqa: E731
    for a, b in zip(sorted(recs, key=key), sorted(back, key=key), strict=True):
        for k in ("actor", "partners", "instrument", "year", "ppp", "name", "span"):
            assert a[k] == b[k]
        assert (a["amount"] is None and b["amount"] is None) or a["amount"] == pytest.approx(b["amount"])


@pytest.mark.parametrize("name", ["\ud800", "ok\udfffok"])
def test_lone_surrogate_is_refused_not_a_traceback(tmp_path: Path, name: str) -> None:
    """Text with no UTF-8 form is refused with the field named, and nothing is written."""
    with Ledger.open(tmp_path / "u.duckdb") as lg:
        with pytest.raises(InputError, match="name.*lone surrogate"):
            lg.import_records([dict(GOOD, name=name)], origin="t", source="t")
        assert lg.query("SELECT count(*) AS n FROM records")["n"][0] == 0


def test_import_speed_is_not_quadratic_smoke(tmp_path: Path) -> None:
    """Sanity on the bulk path (speed targets live in benchmarks/bench_ledger.py)."""
    rows = [dict(GOOD, span=[i, i + 1]) for i in range(2000)]
    t = time.perf_counter()
    with Ledger.open(tmp_path / "s.duckdb") as lg:
        res = lg.import_records(rows, origin="t", source="t")
    assert res.added["engagement"] == 2000
    assert time.perf_counter() - t < 60


def test_jsonl_fast_path_hands_over_mid_file(tmp_path: Path) -> None:
    """A late row Arrow cannot type (year as text) is read by the careful reader, once."""
    from softpower.ledger.files import iter_jsonl

    rows = [dict(GOOD, span=[i, i + 1]) for i in range(10)]
    rows[7] = dict(rows[7], year="2011")
    path = _write_jsonl(tmp_path / "mixed.jsonl", rows)
    frames = list(iter_jsonl(path, chunk_rows=3))
    lines = [int(n) for f in frames for n in f["line"]]
    assert lines == list(range(1, 11))
    with Ledger.open(tmp_path / "mx.duckdb") as lg:
        res = lg.import_records(iter_jsonl(path, chunk_rows=3), origin="t", source=str(path))
        years = lg.query("SELECT year FROM records ORDER BY span_start")["year"].tolist()
    assert res.added["engagement"] == 10 and years[7] == 2011


def test_blank_lines_keep_true_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    bad = dict(GOOD, actor="NOPE")
    path.write_text(json.dumps(GOOD) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with Ledger.open(tmp_path / "b.duckdb") as lg, pytest.raises(InputError, match=r"blank.jsonl:3: actor:"):
        import_file(lg, path)


def test_csv_fast_path_hands_over_mid_file(tmp_path: Path) -> None:
    from softpower.ledger.files import iter_csv

    head = "doc,kind,actor,partners,instrument,year,span_start,span_end\n"
    body = "".join(f"d.txt,engagement,JPN,VNM,oda_grant,2010,{i},{i + 1}\n" for i in range(9))
    path = tmp_path / "c.csv"
    path.write_text(head + body + "d.txt,engagement,JPN,VNM\n", encoding="utf-8")  # short last row
    with pytest.raises(InputError, match=r"c.csv:11: 4 fields"):
        list(iter_csv(path, chunk_rows=4))
    path.write_text(head + body, encoding="utf-8")
    assert [int(n) for f in iter_csv(path, chunk_rows=4) for n in f["line"]] == list(range(2, 11))
