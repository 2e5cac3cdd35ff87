"""Snapshot what the extractor gave on real text *before* its rules were tuned on it.

The rules were tuned on every training document once it was annotated, so the rules' fields on
those documents today are a training score: about 96 % right, where on unseen text about half of
the found statements have a wrong field. To learn how far to trust the rule's choice, the field
step (softpower.extract.learned.fields) trains on the records the extractor gave when the
documents were new: for each commit that added annotated documents to
``tests/data/extract/real/docs``, the code of its parent commit (``git archive``, run with this
virtual environment) extracts the **training-side** documents that commit added (``split.json``
side ``train``; evaluation documents are never opened). The records are written, with the commit
that produced them, to ``src/softpower/data/extract_model/training/fields_unseen.jsonl.gz``,
which ``make train`` reads (the snapshot is data in the repository; rebuilding it needs git).

Usage:
    python benchmarks/fields_snapshot.py f859906 b023769 1fffdf9 58a6f39
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "extract" / "real"
OUT = ROOT / "src" / "softpower" / "data" / "extract_model" / "training" / "fields_unseen.jsonl.gz"

_RUN = """
import json, sys
from pathlib import Path
import softpower
assert softpower.__file__.startswith(sys.argv[1]), softpower.__file__
from softpower.extract.pipeline import extract_text
from softpower.extract.text import read_source
for path in sys.argv[2:]:
    src = read_source(Path(path))
    for r in extract_text(src.doc, src.text, src.year):
        print(json.dumps(r, sort_keys=True, ensure_ascii=False))
"""


def added_docs(commit: str) -> list[str]:
    """Training-side documents of the real-text corpus that ``commit`` added."""
    out = subprocess.run(
        ["git", "show", "--name-only", "--diff-filter=A", "--format=", commit],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    train = set(json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))["train"])
    return sorted(
        Path(p).name for p in out if p.startswith("tests/data/extract/real/docs/") and Path(p).name in train
    )


def snapshot(commit: str) -> list[dict[str, object]]:
    docs = added_docs(commit)
    if not docs:
        return []
    parent = subprocess.run(
        ["git", "rev-parse", f"{commit}^"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", parent, "src"], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        res = subprocess.run(
            [sys.executable, "-c", _RUN, str(Path(tmp) / "src"), *(str(CORPUS / "docs" / d) for d in docs)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    recs = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    for r in recs:
        r["_code"] = parent[:12]
    print(
        f"{commit}: {len(docs)} training documents, {len(recs)} records by the code of {parent[:12]}",
        file=sys.stderr,
    )
    return recs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("commits", nargs="+", help="commits that added annotated real-text documents")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    recs = [r for c in args.commits for r in snapshot(c)]
    raw = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{len(recs)} records -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
