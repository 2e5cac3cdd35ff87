"""The real-text corpus (tests/data/extract/real): gold spans, licences and the frozen split.

The corpus is scored by benchmarks/eval_real.py (figures in docs/extract.md), not here: these
tests keep the data honest (every quote is its span, every document has a permitted licence and
an attribution line, the split is the one the committed rule gives, no sentence on both sides).
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

REAL = Path(__file__).parent / "data" / "extract" / "real"
LICENCES = (
    "public domain (US federal government work 17 USC 105)",
    "CC BY 4.0",
    "Government of Japan Standard Terms of Use 2.0",
    "Korea Open Government Licence Type 1",
    "CC BY 3.0 IGO",
)


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return [
        json.loads(x) for x in (REAL / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]


@pytest.fixture(scope="module")
def manifest() -> list[dict[str, str]]:
    with (REAL / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_gold_quote_is_its_span(gold: list[dict[str, Any]]) -> None:
    assert len(gold) >= 100
    for rec in gold:
        text = (REAL / "docs" / rec["doc"]).read_text(encoding="utf-8")
        a, b = rec["span"]
        assert text[a:b] == rec["quote"], rec


def test_every_document_is_listed_with_a_permitted_licence(manifest: list[dict[str, str]]) -> None:
    docs = sorted(p.name for p in (REAL / "docs").glob("*.txt"))
    assert sorted(r["file"] for r in manifest) == docs
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    for row in manifest:
        assert row["licence"].startswith(LICENCES), row
        assert row["url"].startswith("http") and row["url"] in readme, row


def test_split_is_the_committed_rule_and_keeps_groups_apart(manifest: list[dict[str, str]]) -> None:
    spec = importlib.util.spec_from_file_location("real_split", REAL / "split.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    frozen = json.loads((REAL / "split.json").read_text(encoding="utf-8"))
    assert {k: frozen[k] for k in ("eval", "train")} == mod.split()
    side = {f: k for k in ("eval", "train") for f in frozen[k]}
    by_group: dict[str, set[str]] = {}
    for row in manifest:
        by_group.setdefault(row["group"], set()).add(side[row["file"]])
    assert all(len(s) == 1 for s in by_group.values())


def test_no_sentence_is_on_both_sides() -> None:
    frozen = json.loads((REAL / "split.json").read_text(encoding="utf-8"))

    def sentences(side: str) -> set[str]:
        out: set[str] = set()
        for f in frozen[side]:
            text = (REAL / "docs" / f).read_text(encoding="utf-8")
            out |= {s.strip() for s in text.replace("\n", ". ").split(". ") if len(s.strip()) > 60}
        return out

    assert not sentences("eval") & sentences("train")
