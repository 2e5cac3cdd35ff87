"""Whole outputs of the ledger on one small import: the exported files (JSON Lines, CSV,
Parquet and the documents sidecar) byte for byte, the stored records and their facts with every
column, the statistics, the dating summary, the undated facts, a re-import and a delete.

The input is five records in two documents written out below: a dated government document
with text (so spans give quotes and a record without a year takes the document's year) and a
document with no metadata (so a record without a year stays undated and its CNY amount gets no
USD value). Every expected value was read and checked by hand against that input: quotes are the
spans' characters, the third-party counts follow the publisher's country, the USD 2010 amount in
constant dollars comes from the shipped deflator table. The hashes (``fact_key``,
``record_id``) pin the identity of a record: a change to what it hashes changes them.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from softpower.ledger import Ledger
from softpower.ledger.dates import date_summary, undated_facts
from softpower.ledger.io import export, import_file

RECORDS = (
    '{"doc": "a.txt", "kind": "engagement", "actor": "JPN", "partners": ["VNM", "LAO"], "instrument": "oda_loan", '
    '"year": 2010, "amount": 5.5, "currency": "USD", "span": [0, 4]}\n'
    '{"doc": "b.txt", "kind": "indicator", "actor": "CHN", "partners": ["IDN"], "metric": "m", "unit": "count", '
    '"value": 2.0, "year": 2001}\n'
    '{"doc": "a.txt", "kind": "perception", "actor": "USA", "partners": ["KOR"], "measure": "favourable", '
    '"value": 0.5, "year": 2015}\n'
    '{"doc": "a.txt", "kind": "engagement", "actor": "JPN", "partners": ["VNM"], "instrument": "technical_cooperation", '
    '"span": [5, 12]}\n'
    '{"doc": "b.txt", "kind": "engagement", "actor": "CHN", "partners": ["IDN"], "instrument": "oda_grant", '
    '"amount": 100, "currency": "CNY"}\n'
)
DOCUMENTS = (
    '{"id": "a.txt", "title": "A", "publisher": "P", "publisher_country": "JPN", "publisher_kind": "government", '
    '"date": "2011-02-03", "text": "Loan to Vietnam."}\n'
    '{"id": "b.txt", "title": "B"}\n'
)

# record_id and fact_key of the five records
LOAN = ("0b7904c25773d23a77b40dfecc5a8d1e", "757e6f7a84905a1bc2510a02d3d1b61c")
TC = ("9e8fdd8644a192b82511f553d436a47d", "09639bbeaf2442c0ca887008da650742")
PERC = ("e8904ff4708b7107c3343a89c9141180", "787fc6b6a04b1489143fbd2b2f82cc8d")
IND = ("80ab086bf1397e424ad9a897bd50acc0", "09f622f35bf68f0cf128cc4261a8c02a")
GRANT = ("d1a4e712226567c8d53de1cbdb769e5c", "d7db8b9da234721bbb1900c00fc8e40a")
#: 5.5 USD of 2010 in constant USD (the shipped deflator's base year)
CONST = 7.685461532817257


@pytest.fixture
def ledger(tmp_path: Path):  # type: ignore[no-untyped-def]
    src = tmp_path / "in.jsonl"
    src.write_text(RECORDS, encoding="utf-8")
    (tmp_path / "in.documents.jsonl").write_text(DOCUMENTS, encoding="utf-8")
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        result = import_file(lg, src)
        assert (result.added, result.duplicates, result.documents, result.rows, result.skipped) == (
            {"engagement": 3, "indicator": 1, "perception": 1},
            0,
            2,
            5,
            {},
        )
        yield lg


def test_export_json_lines_whole(ledger: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert export(ledger, out, "jsonl") == 5
    common = '"metric":null,"unit":null,"measure":null,'
    none_money = '"amount_basis":null,"price_basis":null,"price_year":null,'
    assert out.read_text(encoding="utf-8") == (
        '{"doc":"a.txt","kind":"engagement","actor":"JPN","partners":["VNM","LAO"],"instrument":"oda_loan",'
        + common
        + '"year":2010,"year_end":null,"amount":5.5,"currency":"USD","value":null,"name":null,"ppp":false,'
        '"equal_footing":false,' + none_money + '"span":[0,4],"quote":"Loan"}\n'
        '{"doc":"a.txt","kind":"engagement","actor":"JPN","partners":["VNM"],"instrument":"technical_cooperation",'
        + common
        + '"year":null,"year_end":null,"amount":null,"currency":null,"value":null,"name":null,"ppp":false,'
        '"equal_footing":false,' + none_money + '"span":[5,12],"quote":"to Viet"}\n'
        '{"doc":"a.txt","kind":"perception","actor":"USA","partners":["KOR"],"instrument":null,"metric":null,'
        '"unit":null,"measure":"favourable","year":2015,"year_end":null,"amount":null,"currency":null,"value":0.5,'
        '"name":null,"ppp":false,"equal_footing":false,' + none_money + '"span":null,"quote":null}\n'
        '{"doc":"b.txt","kind":"indicator","actor":"CHN","partners":["IDN"],"instrument":null,"metric":"m",'
        '"unit":"count","measure":null,"year":2001,"year_end":null,"amount":null,"currency":null,"value":2.0,'
        '"name":null,"ppp":false,"equal_footing":false,' + none_money + '"span":null,"quote":null}\n'
        '{"doc":"b.txt","kind":"engagement","actor":"CHN","partners":["IDN"],"instrument":"oda_grant",'
        + common
        + '"year":null,"year_end":null,"amount":100.0,"currency":"CNY","value":null,"name":null,"ppp":false,'
        '"equal_footing":false,' + none_money + '"span":null,"quote":null}\n'
    )
    assert (tmp_path / "out.documents.jsonl").read_text(encoding="utf-8") == (
        '{"title":"A","author":null,"publisher":"P","publisher_country":"JPN","publisher_kind":"government",'
        '"date":"2011-02-03","url":null,"text_length":16,'
        '"sha256":"18ffc124d8abb6f6811548c8ed804fbbc741858cc2fc0c09bf3bf1576b12f6c8","text":"Loan to Vietnam.",'
        '"id":"a.txt"}\n'
        '{"title":"B","author":null,"publisher":null,"publisher_country":null,"publisher_kind":"unknown",'
        '"date":null,"url":null,"text_length":null,"sha256":null,"text":null,"id":"b.txt"}\n'
    )


CSV_HEADER = (
    "doc,kind,actor,instrument,metric,unit,measure,year,year_end,amount,currency,value,name,ppp,equal_footing,"
    "amount_basis,price_basis,price_year,span_start,span_end,partners,power_type,amount_usd,amount_usd_const,"
    "usd_rate,money_note,fact_key,record_id"
)


def test_export_csv_whole(ledger: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert export(ledger, out, "csv") == 5
    assert out.read_text(encoding="utf-8").splitlines() == [
        CSV_HEADER,
        f"a.txt,engagement,JPN,oda_loan,,,,2010,,5.5,USD,,,False,False,,,,0,4,VNM;LAO,economic,5.5,{CONST},1.0,,"
        f"{LOAN[1]},{LOAN[0]}",
        f"a.txt,engagement,JPN,technical_cooperation,,,,,,,,,,False,False,,,,5,12,VNM,smart,,,,,{TC[1]},{TC[0]}",
        f"a.txt,perception,USA,,,,favourable,2015,,,,0.5,,False,False,,,,,,KOR,,,,,,{PERC[1]},{PERC[0]}",
        f"b.txt,indicator,CHN,,m,count,,2001,,,,2.0,,False,False,,,,,,IDN,,,,,,{IND[1]},{IND[0]}",
        f"b.txt,engagement,CHN,oda_grant,,,,,,100.0,CNY,,,False,False,,,,,,IDN,economic,,,,no year stated,"
        f"{GRANT[1]},{GRANT[0]}",
    ]
    assert (tmp_path / "out.documents.jsonl").is_file()


def test_export_parquet_whole(ledger: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    assert export(ledger, out, "parquet", kind="engagement") == 3
    table = pq.read_table(out)
    assert table.column_names == CSV_HEADER.split(",")
    rows = table.to_pylist()
    assert [
        (r["record_id"], r["partners"], r["power_type"], r["span_start"], r["span_end"]) for r in rows
    ] == [
        (LOAN[0], "VNM;LAO", "economic", 0, 4),
        (TC[0], "VNM", "smart", 5, 12),
        (GRANT[0], "IDN", "economic", None, None),
    ]
    assert [
        (r["amount"], r["amount_usd"], r["amount_usd_const"], r["usd_rate"], r["money_note"]) for r in rows
    ] == [
        (5.5, 5.5, CONST, 1.0, None),
        (None, None, None, None, None),
        (100.0, None, None, None, "no year stated"),
    ]
    # the sidecar holds only the documents the exported records cite
    docs = (tmp_path / "out.documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [d[-13:] for d in docs] == ['"id":"a.txt"}', '"id":"b.txt"}']


def _plain(v: object) -> object:
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "tolist"):
        return v.tolist()  # type: ignore[union-attr]
    return v


def test_facts_whole(ledger: Ledger) -> None:
    cols = (
        "fact_key, kind, record_id, actor, partners, instrument, power_type, metric, unit, measure, year, "
        "year_end, effective_year, year_from, amount, currency, amount_usd, amount_usd_const, value, "
        "n_sources, n_third_party, self_only, origins"
    )
    rows = ledger.con.execute(f"SELECT {cols} FROM facts ORDER BY fact_key").fetchall()
    got = [[_plain(v) for v in r] for r in rows]
    n = None
    assert got == [
        # JPN's own government document: self-reported, and its undated record takes the document's year
        [TC[1], "engagement", TC[0], "JPN", ["VNM"], "technical_cooperation", "smart", n, n, n, n, n, 2011,
         "document", n, n, n, n, n, 1, 0, True, "file:in.jsonl"],
        [IND[1], "indicator", IND[0], "CHN", ["IDN"], n, n, "m", "count", n, 2001, n, 2001, "record", n, n, n,
         n, 2.0, 1, 1, False, "file:in.jsonl"],
        [LOAN[1], "engagement", LOAN[0], "JPN", ["VNM", "LAO"], "oda_loan", "economic", n, n, n, 2010, n, 2010,
         "record", 5.5, "USD", 5.5, CONST, n, 1, 0, True, "file:in.jsonl"],
        # the USA seen in JPN's document: a third-party source
        [PERC[1], "perception", PERC[0], "USA", ["KOR"], n, n, n, n, "favourable", 2015, n, 2015, "record", n,
         n, n, n, 0.5, 1, 1, False, "file:in.jsonl"],
        # no year and an undated document: undated, and no USD value for its CNY amount
        [GRANT[1], "engagement", GRANT[0], "CHN", ["IDN"], "oda_grant", "economic", n, n, n, n, n, n, "undated",
         100.0, "CNY", n, n, n, 1, 1, False, "file:in.jsonl"],
    ]  # fmt: skip
    for kind, keys in (
        ("engagement", [TC[1], LOAN[1], GRANT[1]]),
        ("indicator", [IND[1]]),
        ("perception", [PERC[1]]),
    ):
        view = ledger.con.execute(f"SELECT fact_key FROM {kind}_facts ORDER BY fact_key").fetchall()
        assert [r[0] for r in view] == keys, kind


def test_stats_dates_and_undated_whole(ledger: Ledger) -> None:
    assert ledger.stats() == {
        "engagement": 3,
        "indicator": 1,
        "perception": 1,
        "documents": 2,
        "facts": 5,
        "by_origin": {"file:in.jsonl": {"engagement": 3, "indicator": 1, "perception": 1}},
    }
    assert date_summary(ledger) == {"record": 3, "document": 1, "undated": 1}
    assert [{k: _plain(v) for k, v in r.items()} for r in undated_facts(ledger).to_dict("records")] == [
        {
            "fact_key": GRANT[1],
            "kind": "engagement",
            "actor": "CHN",
            "partners": "IDN",
            "family": "oda_grant",
            "amount_usd_const": None,
            "value": None,
            "name": None,
            "n_sources": 1,
            "origins": "file:in.jsonl",
            "docs": "b.txt",
            "would_add": "one oda_grant engagement of CHN toward IDN (no amount)",
        }
    ]


def test_reimport_adds_nothing_and_delete_by_document(ledger: Ledger, tmp_path: Path) -> None:
    again = import_file(ledger, tmp_path / "in.jsonl")
    assert (again.added, again.duplicates, again.documents, again.rows) == (
        {"engagement": 0, "indicator": 0, "perception": 0},
        5,
        0,
        5,
    )
    assert ledger.delete(docs=["b.txt"]) == (2, 1)
    assert ledger.stats() == {
        "engagement": 2,
        "indicator": 0,
        "perception": 1,
        "documents": 1,
        "facts": 3,
        "by_origin": {"file:in.jsonl": {"engagement": 2, "perception": 1}},
    }


def test_undated_facts_whole_every_kind(tmp_path: Path) -> None:
    """What each undated fact would add, in each wording: an engagement with and without a
    constant-USD amount, an indicator with and without a unit, a perception with and without a
    share. The 2015 constant-price amount is carried to the deflator's base year."""
    base = {"doc": "u.txt", "partners": ["IDN"], "actor": "CHN"}
    recs = [
        {**base, "kind": "indicator", "metric": "m", "value": 2.5},
        {**base, "kind": "indicator", "metric": "n", "value": 1234567.0, "unit": "USD"},
        {**base, "kind": "perception", "measure": "favourable", "value": 0.255},
        {**base, "kind": "perception", "measure": "positive_image"},
        {**base, "kind": "engagement", "instrument": "oda_grant", "partners": ["IDN", "VNM"]},
        {
            **base,
            "kind": "engagement",
            "instrument": "oda_loan",
            "amount": 1000000.0,
            "currency": "USD",
            "price_basis": "constant",
            "price_year": 2015,
            "amount_basis": "commitment",
        },
    ]
    with Ledger.open(tmp_path / "l.duckdb") as lg:
        lg.import_records(recs, origin="o", source="s")
        assert date_summary(lg) == {"record": 0, "document": 0, "undated": 6}
        got = undated_facts(lg)
        assert list(got.columns) == [
            "fact_key", "kind", "actor", "partners", "family", "amount_usd_const", "value", "name",
            "n_sources", "origins", "docs", "would_add",
        ]  # fmt: skip
        assert [(r.kind, r.family, r.partners, r.docs, r.origins, r.n_sources) for r in got.itertuples()] == [
            ("engagement", "oda_grant", "IDN VNM", "u.txt", "o", 1),
            ("engagement", "oda_loan", "IDN", "u.txt", "o", 1),
            ("indicator", "m", "IDN", "u.txt", "o", 1),
            ("indicator", "n", "IDN", "u.txt", "o", 1),
            ("perception", "favourable", "IDN", "u.txt", "o", 1),
            ("perception", "positive_image", "IDN", "u.txt", "o", 1),
        ]
        assert got["would_add"].tolist() == [
            "one oda_grant engagement of CHN toward IDN VNM (no amount)",
            "one oda_loan engagement of CHN toward IDN worth 1,285,570 constant USD",
            "m = 2.5 for CHN in IDN",
            "n = 1.23457e+06 USD for CHN in IDN",
            "favourable 26% toward CHN among IDN",
            "positive_image toward CHN among IDN",
        ]


def test_refusals_of_delete_and_of_an_unknown_importer(ledger: Ledger, tmp_path: Path) -> None:
    from softpower.errors import InputError
    from softpower.ledger.io import import_batch

    cases = [
        (
            lambda: ledger.delete(docs=["nope.txt"]),
            "delete: no record or document matches (expected a record_id, doc or origin in the ledger)",
        ),
        (
            lambda: ledger.delete(record_ids=["0" * 32]),
            "delete: no record or document matches (expected a record_id, doc or origin in the ledger)",
        ),
        (lambda: ledger.delete(), "delete: nothing to delete (expected --record, --doc or --origin)"),
        (
            lambda: import_batch(ledger, "nope", tmp_path / "x.csv"),
            f"{tmp_path / 'x.csv'}: --from: unknown importer 'nope' (expected one of aiddata-gcof, aiddata-gcdf, "
            "aiddata-public-diplomacy, aiddata-aims, koica, listening-to-leaders, ussc-survey, lowy-gdi, "
            "pew-favourability, oecd-dac2a, sipri-arms, uis-students, mme-exercises, us-troops, us-travels, "
            "aiddata-plaid, us-foreign-assistance, aiddata-core-sectors)",
        ),
    ]
    before = ledger.stats()
    for call, message in cases:
        with pytest.raises(InputError) as info:
            call()
        assert str(info.value) == message
    assert ledger.stats() == before
    # a document no record cites is deleted on its own
    ledger.con.execute(
        "INSERT INTO documents (doc_id, title, publisher_kind) VALUES ('c.txt', 'C', 'unknown')"
    )
    assert ledger.delete(docs=["c.txt"]) == (0, 1)
