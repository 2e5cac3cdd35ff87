"""Is ``confidence`` calibrated? A reliability table and the ``--min-confidence`` trade-off.

Each predicted record counts as correct when the shared scorer (``../shared/tools/score_records.py``,
strict matching) pairs it with a gold record. Records are binned by their ``confidence``; a
calibrated confidence has, in each bin, a share correct close to the bin's mean confidence. The
expected calibration error (ECE) is the record-weighted mean of |share correct - mean confidence|.
The second table shows precision, recall and F1 of the records kept by ``--min-confidence P``.

Use it on training-side data only (the evaluation half of the real-text corpus is scored once by
``eval_real.py`` and never examined):

    python benchmarks/reliability.py --gold out/eval_real/train/gold.jsonl --pred out/eval_real/train/pred.jsonl
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_records.py"
EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def _scorer(path: Path = SCORER) -> Any:
    spec = importlib.util.spec_from_file_location("score_records", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def correctness(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], scorer: Any
) -> list[tuple[float, bool]]:
    """``(confidence, matched)`` for every predicted record of a document that has gold."""
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p["doc"] in docs]
    spurious = {id(p) for p in scorer.score(gold, pred)["spurious"]}
    return [(float(p.get("confidence") or 0.0), id(p) not in spurious) for p in pred]


def reliability(pairs: list[tuple[float, bool]]) -> tuple[list[tuple[str, int, float, float]], float]:
    """Rows ``(bin, n, mean confidence, share correct)`` and the ECE."""
    rows, ece = [], 0.0
    for lo, hi in zip(EDGES, EDGES[1:], strict=False):
        got = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if not got:
            continue
        mean = sum(c for c, _ in got) / len(got)
        share = sum(ok for _, ok in got) / len(got)
        rows.append((f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}", len(got), mean, share))
        ece += len(got) / len(pairs) * abs(share - mean)
    return rows, ece


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append", required=True, help="gold JSONL (repeatable)")
    ap.add_argument(
        "--pred", type=Path, action="append", required=True, help="predictions JSONL, one per --gold"
    )
    ap.add_argument("--scorer", type=Path, default=SCORER)
    args = ap.parse_args()
    scorer = _scorer(args.scorer)
    pairs: list[tuple[float, bool]] = []
    golds: list[list[dict[str, Any]]] = []
    preds: list[list[dict[str, Any]]] = []
    for g, p in zip(args.gold, args.pred, strict=True):
        gold, pred = scorer.load(str(g)), scorer.load(str(p))
        golds.append(gold)
        preds.append(pred)
        pairs += correctness(gold, pred, scorer)
    rows, ece = reliability(pairs)
    print(f"{len(pairs)} predicted records; ECE {ece:.3f}\n")
    print("| confidence | records | mean confidence | share correct |\n|---|---|---|---|")
    for name, n, mean, share in rows:
        print(f"| {name} | {n} | {mean:.3f} | {share:.3f} |")
    print("\n| --min-confidence | kept | precision | recall | F1 |\n|---|---|---|---|---|")
    for t in THRESHOLDS:
        tp = p_n = g_n = 0
        for gold, pred in zip(golds, preds, strict=True):
            docs = {x["doc"] for x in gold}
            kept = [x for x in pred if x["doc"] in docs and (x.get("confidence") or 0.0) >= t]
            r = scorer.score(gold, kept)["all"]
            tp, p_n, g_n = tp + r["tp"], p_n + r["pred"], g_n + r["gold"]
        prec, rec = (tp / p_n if p_n else 0.0), (tp / g_n if g_n else 0.0)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"| {t:.1f} | {p_n} | {prec:.3f} | {rec:.3f} | {f1:.3f} |")


if __name__ == "__main__":
    main()
