"""Freeze the evaluation/training split of the real-text corpus (writes split.json).

Rule (fixed before any extractor was run on these documents): documents are grouped by the
``group`` column of manifest.csv (texts that repeat each other's sentences share a group, so no
sentence is on both sides); groups are ordered by SHA-256 of ``"softpower-real-split-v1:" + group``
and assigned alternately to ``eval`` (first, third, ...) and ``train``. Run: python split.py

Documents added after the split was frozen (round 3, annotated by x11r) are TRAINING ONLY: their
group is named ``train-only:...``; such groups go to ``train`` and take no part in the alternation,
so the evaluation side stays exactly the frozen one.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).parent
SEED = "softpower-real-split-v1"
TRAIN_ONLY = "train-only:"


def split() -> dict[str, list[str]]:
    with (HERE / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    groups = sorted(
        {r["group"] for r in rows if not r["group"].startswith(TRAIN_ONLY)},
        key=lambda g: hashlib.sha256(f"{SEED}:{g}".encode()).hexdigest(),
    )
    side = {g: ("eval" if i % 2 == 0 else "train") for i, g in enumerate(groups)}
    side.update({r["group"]: "train" for r in rows if r["group"].startswith(TRAIN_ONLY)})
    out: dict[str, list[str]] = {"eval": [], "train": []}
    for r in rows:
        out[side[r["group"]]].append(r["file"])
    return {k: sorted(v) for k, v in out.items()}


def main() -> None:
    parts = split()
    (HERE / "split.json").write_text(json.dumps({"seed": SEED, **parts}, indent=1) + "\n", encoding="utf-8")
    for k, v in parts.items():
        print(k, len(v), "documents")


if __name__ == "__main__":
    main()
