"""benchmarks/real_cv.py: the grouped folds and the reasons it gives for a missed gold record."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent


def _module() -> Any:
    spec = importlib.util.spec_from_file_location("real_cv", ROOT / "benchmarks" / "real_cv.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_folds_keep_every_manifest_group_whole_and_never_hold_an_evaluation_document() -> None:
    mod = _module()
    split = json.loads((ROOT / "tests/data/extract/real/split.json").read_text(encoding="utf-8"))
    docs = sorted(split["train"])
    parts = mod.folds(docs, 5)
    assert sorted(d for f in parts for d in f) == docs
    assert not {d for f in parts for d in f} & set(split["eval"])
    import csv

    with (ROOT / "tests/data/extract/real/manifest.csv").open(encoding="utf-8") as fh:
        group = {r["file"]: r["group"] for r in csv.DictReader(fh)}
    where = {d: i for i, f in enumerate(parts) for d in f}
    for d in docs:
        for e in docs:
            if group[d] == group[e]:
                assert where[d] == where[e], (d, e)


def _gold(**kw: Any) -> dict[str, Any]:
    base = {"doc": "a.txt", "kind": "engagement", "actor": "USA", "partners": ["LAO"],
            "instrument": "oda_grant", "year": 2016, "span": [10, 50]}  # fmt: skip
    return base | kw


def test_a_miss_is_not_found_when_no_prediction_of_its_kind_overlaps_it() -> None:
    mod = _module()
    assert mod.why_missed(_gold(), []) == "not found"
    assert mod.why_missed(_gold(), [_gold(span=[60, 90])]) == "not found"
    assert mod.why_missed(_gold(), [_gold(kind="indicator")]) == "kind"


def test_a_miss_names_the_fields_of_the_closest_prediction_that_differ() -> None:
    mod = _module()
    assert mod.why_missed(_gold(), [_gold(partners=["VNM"])]) == "partners"
    assert (
        mod.why_missed(_gold(), [_gold(actor="JPN", year=2015), _gold(instrument="oda_loan")]) == "instrument"
    )
    assert mod.why_missed(_gold(amount=5e6, currency="USD"), [_gold(amount=5e6, currency="AUD")]) == "amount"


def test_every_miss_and_false_positive_gets_the_first_strict_condition_it_fails(tmp_path: Path) -> None:
    mod = _module()
    if not mod.SCORER.is_file():
        pytest.skip(f"the shared scorer is not present at {mod.SCORER}")
    (tmp_path / "docs").mkdir()
    # three sentences: 0-39, 40-78, 79-115
    text = "The United States gave aid to Laos now. It also funded a school there in 2016. Three more opened later."
    assert text[40:42] == "It" and text[79:84] == "Three"
    (tmp_path / "docs" / "a.txt").write_text(text, encoding="utf-8")
    gold = [
        _gold(span=[0, 39]),
        _gold(span=[41, 79], instrument="technical_cooperation"),
        _gold(span=[79, 110], kind="indicator", instrument=None, value=3),
    ]
    pred = [
        _gold(span=[0, 39]),  # a match
        _gold(span=[2, 30]),  # the same record again: a duplicate
        _gold(span=[45, 70], actor="JPN", instrument="oda_loan"),  # actor is the first condition failed
        _gold(span=[41, 79], year=2015, instrument="technical_cooperation"),  # then the year
    ]
    sc = mod._scorer()
    result = sc.score([dict(g) for g in gold], [dict(p) for p in pred])
    out = mod.error_classes(gold, pred, result, tmp_path)
    assert sorted(r["class"] for r in out["missed"]) == ["no candidate", "year"]
    assert sorted(r["class"] for r in out["spurious"]) == ["actor", "duplicate", "year"]
    table = mod.class_table(out)
    assert "no candidate     1 (50%)" in table and "duplicate        1 (33%)" in table


def test_the_first_failing_condition_follows_the_scorers_order() -> None:
    mod = _module()
    g = _gold()
    assert mod.first_failing(g, _gold(kind="indicator", actor="JPN")) == "kind"
    assert mod.first_failing(g, _gold(actor="JPN", partners=["VNM"])) == "actor"
    assert mod.first_failing(g, _gold(partners=["VNM"], year=2010)) == "partners"
    assert mod.first_failing(g, _gold(instrument="oda_loan", year=2010)) == "instrument"
    assert mod.first_failing(_gold(amount=5e6, currency="USD"), _gold(amount=5e6, currency="AUD")) == "amount"
    assert mod.first_failing(g, _gold(span=[60, 90])) == "span"
    assert mod.first_failing(g, _gold(span=[20, 30])) == "duplicate"
