"""Property-based fuzzing of every parser (hypothesis): each input is read correctly or refused
with one line (a :class:`SoftpowerError`), never a traceback, a hang or a partial write.

Budgets: a few dozen inputs per target in ``make test``; ``make fuzz`` runs the same targets
with ``FUZZ_EXAMPLES`` (default 2,000) inputs each and prints the inputs tried per target.
"""

from __future__ import annotations

import json
import math
import os
import string
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from softpower.errors import SoftpowerError
from softpower.ledger import Ledger, bundled_ledger
from softpower.ledger.files import iter_records

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=10_000,  # milliseconds per input: a hang fails the test
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    derandomize=True,  # the same inputs every run (seeded); make fuzz sets FUZZ_SEED for new ones
    database=None,
)
if os.environ.get("FUZZ_SEED"):
    FUZZ = settings(FUZZ, derandomize=False)
TRIED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    if os.environ.get("FUZZ_REPORT"):
        with open(os.environ["FUZZ_REPORT"], "a", encoding="utf-8") as fh:
            for target, n in sorted(TRIED.items()):
                fh.write(f"{target}\t{n}\n")


def one_line(exc: BaseException) -> None:
    text = str(exc)
    assert text and "\n" not in text.strip() and "Traceback" not in text, text


# -- record files through the ledger -------------------------------------------------------------
codes = st.sampled_from(["JPN", "CHN", "VNM", "ASEAN", "XXZ", "", "jpn", "VNM;LAO"])
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**65), 2**65),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.lists(st.integers(-5, 2**33), max_size=4),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
GOOD = {
    "doc": st.sampled_from(["a.txt", "b/c.txt", "000_a02d9b5fb81b6bbc.txt"]),
    "kind": st.sampled_from(["engagement", "indicator", "perception"]),
    "actor": st.sampled_from(["JPN", "CHN", "USA"]),
    "partners": st.lists(codes, min_size=1, max_size=3),
    "instrument": st.sampled_from(["oda_loan", "health_cooperation", "bribes"]),
    "metric": st.sampled_from(["oda_disbursement", "troops"]),
    "measure": st.sampled_from(["trust", "favourable"]),
    "year": st.integers(1940, 2030),
    "year_end": st.none() | st.integers(1940, 2110),
    "amount": st.none() | st.floats(0, 1e15),
    "currency": st.sampled_from([None, "USD", "JPY", "ABC"]),
    "value": st.floats(-2, 2),
    "span": st.none() | st.tuples(st.integers(0, 3000), st.integers(0, 3000)).map(list),
    "ppp": st.booleans(),
}
record = st.fixed_dictionaries(
    {k: st.one_of(v, junk) if k != "kind" else v for k, v in GOOD.items()},
)


def _ledger(tmp: Path) -> Path:
    path = tmp / "fuzz.duckdb"
    if not path.exists():
        bundled_ledger(path)
    return path


def _import_checks(ledger: Path, f: Path) -> None:
    with Ledger.open(ledger) as lg:
        before = lg.stats()
        try:
            res = lg.import_records(iter_records(f), origin="fuzz", source=str(f))
        except SoftpowerError as exc:
            one_line(exc)
            assert lg.stats() == before  # nothing half-written
            return
        after = lg.stats()
    assert res.total + res.duplicates == res.rows
    assert (
        sum(after[k] for k in ("engagement", "indicator", "perception"))
        == sum(before[k] for k in ("engagement", "indicator", "perception")) + res.total
    )
    with Ledger.open(ledger, read_only=True) as lg:
        bad = lg.query(
            "SELECT count(*) AS n FROM records WHERE isnan(coalesce(value, 0)) OR isinf(coalesce(value, 0)) "
            "OR isnan(coalesce(amount, 0)) OR isinf(coalesce(amount, 0))"
        )["n"][0]
    assert bad == 0  # only finite numbers ever reach the ledger


@FUZZ
@given(rows=st.lists(record, min_size=1, max_size=6), raw=st.lists(st.binary(max_size=40), max_size=2))
def test_fuzz_record_jsonl(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, Any]], raw: list[bytes]
) -> None:
    TRIED["record JSONL"] += 1
    tmp = tmp_path_factory.getbasetemp()
    f = tmp / "fuzz.jsonl"
    lines = [json.dumps(r, allow_nan=True).encode() for r in rows] + raw
    f.write_bytes(b"\n".join(lines) + b"\n")
    _import_checks(_ledger(tmp), f)


cell = st.one_of(
    st.sampled_from(
        ["", "JPN", "VNM;LAO", "2015", "1e309", "inf", "nan", "-1", "true", "maybe", '"', "\r", "\ufeff"]
    ),
    st.text(alphabet=string.printable + "\u00e9\u0000", max_size=10),
)
HEADER = [
    "doc",
    "kind",
    "actor",
    "partners",
    "instrument",
    "metric",
    "year",
    "value",
    "amount",
    "span_start",
    "span_end",
]


@FUZZ
@given(
    header=st.permutations(HEADER).map(lambda h: h[: len(h)]),
    rows=st.lists(st.lists(cell, min_size=0, max_size=12), min_size=1, max_size=5),
    bom=st.booleans(),
    end=st.sampled_from(["\n", "\r\n", "\r", ""]),
)
def test_fuzz_record_csv(
    tmp_path_factory: pytest.TempPathFactory, header: list[str], rows: list[list[str]], bom: bool, end: str
) -> None:
    TRIED["record CSV"] += 1
    tmp = tmp_path_factory.getbasetemp()
    f = tmp / "fuzz.csv"
    text = end.join([",".join(header), *(",".join(r) for r in rows)]) + end
    f.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass"))
    _import_checks(_ledger(tmp), f)


@FUZZ
@given(rows=st.lists(record, min_size=1, max_size=5), flip=st.lists(st.integers(0, 10_000), max_size=3))
def test_fuzz_record_parquet(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, Any]], flip: list[int]
) -> None:
    TRIED["record Parquet"] += 1
    tmp = tmp_path_factory.getbasetemp()
    f = tmp / "fuzz.parquet"
    cols: dict[str, list[Any]] = {k: [r.get(k) for r in rows] for k in GOOD}
    arrays = {}
    for k, v in cols.items():
        try:
            arrays[k] = pa.array(v)
        except (pa.ArrowException, OverflowError, ValueError, TypeError):
            arrays[k] = pa.array([json.dumps(x, allow_nan=True) for x in v])
    try:
        pq.write_table(pa.table(arrays), f)
    except pa.ArrowException:  # a shape Parquet cannot hold (an empty struct): write it as text
        pq.write_table(
            pa.table({k: pa.array([json.dumps(x, allow_nan=True) for x in cols[k]]) for k in cols}), f
        )
    data = bytearray(f.read_bytes())
    for at in flip:  # damage some bytes
        data[at % len(data)] ^= 0x5A
    f.write_bytes(bytes(data))
    _import_checks(_ledger(tmp), f)


# -- the extractor's normalisers -----------------------------------------------------------------
prose = st.lists(
    st.sampled_from(
        list("0123456789 ,.-–/$¥€£")
        + [
            "billion",
            " million",
            "bn",
            " yen",
            "USD",
            " lakh",
            " crore",
            "in ",
            "since ",
            "2007-17",
            "1999",
            "31 February 2022",
            "Japan",
            "China",
            "Viet Nam",
            "ASEAN",
            " and ",
            "to ",
            "by ",
        ]
    ),
    max_size=16,
).map("".join)


@FUZZ
@given(text=prose | st.text(max_size=200))
def test_fuzz_money(text: str) -> None:
    from softpower.extract.money import find_money

    TRIED["extract money"] += 1
    for m in find_money(text):
        assert 0 <= m.start < m.end <= len(text)
        assert math.isfinite(m.amount) and m.amount >= 0 and len(m.currency) == 3


@FUZZ
@given(text=prose | st.text(max_size=200), doc_year=st.none() | st.integers(1900, 2100))
def test_fuzz_years(text: str, doc_year: int | None) -> None:
    from softpower.extract.years import find_years

    TRIED["extract years"] += 1
    for y in find_years(text, doc_year=doc_year):
        assert 0 <= y.start <= y.end <= len(text)
        for v in (y.year, y.year_end):
            assert v is None or 1000 <= v <= 3000


@FUZZ
@given(text=prose | st.text(max_size=200))
def test_fuzz_countries(text: str) -> None:
    from softpower.extract.entities import find_mentions
    from softpower.records import vocab

    TRIED["extract countries"] += 1
    for m in find_mentions(text):
        assert 0 <= m.start < m.end <= len(text)
        assert all(vocab.is_partner_code(c) for c in m.codes)


# -- scenario and framework files ----------------------------------------------------------------
yaml_value = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)


def _yaml_text(value: Any) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True)


SCENARIO_KEYS = [
    "description",
    "extends",
    "start_year",
    "horizon",
    "runs",
    "seed",
    "shocks",
    "strategies",
    "actors",
]


@FUZZ
@given(
    data=st.dictionaries(st.sampled_from(SCENARIO_KEYS) | st.text(max_size=6), yaml_value, max_size=5),
    raw=st.none() | st.text(max_size=80),
)
def test_fuzz_scenario_files(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any], raw: str | None
) -> None:
    from softpower.simulate.scenario import load_scenario

    TRIED["scenario files"] += 1
    f = tmp_path_factory.getbasetemp() / "fuzz-scenario.yaml"
    f.write_text(raw if raw is not None else _yaml_text(data), encoding="utf-8")
    try:
        load_scenario(f)
    except SoftpowerError as exc:
        one_line(exc)


FRAMEWORK_KEYS = ["name", "pillars", "indicators", "weights", "method", "normalise", "aggregate", "version"]


@FUZZ
@given(
    data=st.dictionaries(st.sampled_from(FRAMEWORK_KEYS) | st.text(max_size=6), yaml_value, max_size=5),
    raw=st.none() | st.text(max_size=80),
)
def test_fuzz_framework_files(data: dict[str, Any], raw: str | None) -> None:
    from softpower.measure.framework import parse_framework

    TRIED["framework files"] += 1
    try:
        parse_framework(raw if raw is not None else _yaml_text(data), "fuzz.yaml")
    except SoftpowerError as exc:
        one_line(exc)


# -- the dataset importers -----------------------------------------------------------------------
@FUZZ
@given(
    name=st.sampled_from(sorted(__import__("softpower.ledger.importers", fromlist=["IMPORTERS"]).IMPORTERS)),
    header=st.lists(
        st.text(alphabet=string.ascii_letters + "_ ", min_size=1, max_size=10), min_size=1, max_size=6
    ),
    rows=st.lists(st.lists(cell, max_size=6), max_size=4),
    suffix=st.sampled_from([".csv", ".xlsx", ".json", ".txt"]),
)
def test_fuzz_dataset_importers(
    tmp_path_factory: pytest.TempPathFactory, name: str, header: list[str], rows: list[list[str]], suffix: str
) -> None:
    from softpower.ledger.importers import IMPORTERS

    TRIED["dataset importers"] += 1
    f = tmp_path_factory.getbasetemp() / f"fuzz-dataset{suffix}"
    f.write_text(
        "\n".join([",".join(header), *(",".join(r) for r in rows)]) + "\n",
        encoding="utf-8",
        errors="surrogatepass",
    )
    try:
        IMPORTERS[name].load(f)
    except SoftpowerError as exc:
        one_line(exc)
