"""The extractor against the hand-annotated seeds, scored by the shared scorer (skipped without ../shared)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from softpower.extract import extract_paths, iter_inputs

OVERALL_MIN = 0.80
PER_KIND_MIN = 0.60


def test_seed_f1_meets_the_targets(shared_dir: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("score_records", shared_dir / "tools" / "score_records.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    results = extract_paths(iter_inputs([shared_dir / "corpus" / "seeds"]))
    assert all(r.ok for r in results)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(
        "".join(json.dumps(rec) + "\n" for r in results for rec in r.records), encoding="utf-8"
    )
    gold = scorer.load(str(shared_dir / "corpus" / "gold" / "seeds.jsonl"))
    pred = scorer.load(str(pred_path))
    result = scorer.score(gold, pred)
    assert result["all"]["f1"] >= OVERALL_MIN, result["all"]
    for kind in ("engagement", "indicator", "perception"):
        assert result[kind]["f1"] >= PER_KIND_MIN, (kind, result[kind])
