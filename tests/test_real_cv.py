"""benchmarks/real_cv.py: the grouped folds and the reasons it gives for a missed gold record."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

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
