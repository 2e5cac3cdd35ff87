"""Strict F1 of ``softpower extract`` on the real-text corpus (tests/data/extract/real).

The corpus was annotated before any extractor ran on it and split by a frozen rule
(``tests/data/extract/real/split.py``). This script extracts the documents of one side with the
command a user runs (``softpower extract FILES --output pred.jsonl``), keeps the gold records of
the same side and scores them with the shared scorer (``../shared/tools/score_records.py``,
strict matching). The evaluation side is scored once per extractor version and never tuned on.

Usage:
    python benchmarks/eval_real.py --side train
    python benchmarks/eval_real.py --side train --show-errors   # missed and spurious records, train side only
    python benchmarks/eval_real.py --side eval --out out/eval_real

Prints the scorer's table; writes ``pred.jsonl``, ``gold.jsonl`` and ``score.txt`` under ``--out``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "extract" / "real"
SCORER = ROOT.parent / "shared" / "tools" / "score_records.py"


def side_files(side: str) -> list[str]:
    """File names of ``side`` ("eval" or "train") in the frozen split."""
    split = json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))
    return list(split[side])


def run(side: str, out: Path, scorer: Path = SCORER, min_confidence: float = 0.0) -> str:
    """Extract and score one side; return the scorer's printed table."""
    out.mkdir(parents=True, exist_ok=True)
    files = side_files(side)
    gold = [
        line
        for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["doc"] in files
    ]
    (out / "gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    softpower = Path(sys.executable).with_name("softpower")
    cmd = [
        str(softpower),
        "extract",
        *(str(CORPUS / "docs" / f) for f in files),
        "--output",
        str(out / "pred.jsonl"),
    ]
    if min_confidence > 0:
        cmd += ["--min-confidence", str(min_confidence)]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    res = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(out / "gold.jsonl"), "--pred", str(out / "pred.jsonl")],
        check=True,
        capture_output=True,
        text=True,
    )
    (out / "score.txt").write_text(res.stdout, encoding="utf-8")
    return res.stdout


def show_errors(out: Path, scorer: Path = SCORER) -> str:
    """The missed and spurious records of the last run under ``out`` (one line each, by document)."""
    res = subprocess.run(
        [
            sys.executable,
            str(scorer),
            "--gold",
            str(out / "gold.jsonl"),
            "--pred",
            str(out / "pred.jsonl"),
            "--json",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(res.stdout)
    lines = []
    for tag, key in (("missed", "missed"), ("spurious", "spurious")):
        for r in sorted(result[key], key=lambda r: (r["doc"], r["span"][0])):
            what = r.get("instrument") or r.get("metric") or r.get("measure")
            money = f" {r['amount']:g} {r['currency']}" if r.get("amount") is not None else ""
            value = f" value={r['value']:g}" if r.get("value") is not None else ""
            lines.append(
                f"{tag:8s} {r['doc']} {r['kind']} {r['actor']}->{','.join(r.get('partners') or [])} {what}"
                f" year={r.get('year')}{money}{value} [{r['span'][0]}:{r['span'][1]}] {r['quote'][:100]!r}"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--side", choices=("eval", "train"), required=True)
    ap.add_argument(
        "--out", type=Path, default=None, help="folder for pred/gold/score (default out/eval_real/SIDE)"
    )
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument(
        "--show-errors",
        action="store_true",
        help="print each missed and spurious record (training side only: the evaluation side is never inspected)",
    )
    args = ap.parse_args()
    if args.show_errors and args.side != "train":
        ap.error(
            "--show-errors is for the training side only; the evaluation side is scored, never inspected"
        )
    out = args.out or ROOT / "out" / "eval_real" / args.side
    n = len(side_files(args.side))
    print(f"real-text corpus, side {args.side}: {n} documents (tests/data/extract/real/split.json)")
    print(run(args.side, out, args.scorer, args.min_confidence), end="")
    if args.show_errors:
        print(show_errors(out, args.scorer), end="")


if __name__ == "__main__":
    main()
