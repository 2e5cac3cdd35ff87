"""Document-grouped cross-validation of the learned step on the real-text corpus's training half.

The rules were tuned on every training-side document, so the training-side score of
``benchmarks/eval_real.py --side train`` is a training score. This script measures what the
*learned* step adds on text its models did not see: the training documents are cut into
``--folds`` folds by their ``manifest.csv`` group (documents that repeat each other's sentences
stay together); for each fold the instrument and act models are refitted by ``make train``'s own
code (``softpower.extract.learned.train``) without that fold's gold sentences, with the shipped
policy (thresholds, context), and the fold's documents are extracted with them. The pooled
predictions are scored with the shared strict scorer (``../shared/tools/score_records.py``).

``--diagnose`` also prints, for the pooled out-of-fold predictions, why each gold record was
missed: no prediction of its kind overlaps its span ("not found"), or the nearest overlapping
prediction of its kind differs in the first of actor, partners, instrument/value, year, amount
(the scorer's strict rules, in that order).

The evaluation side (``split.json`` side ``eval``) is never read: neither its documents nor its
gold lines (:func:`softpower.extract.learned.data.real_train_gold`).

Usage:
    python benchmarks/real_cv.py                    # grouped CV, 5 folds
    python benchmarks/real_cv.py --diagnose         # and the reasons of the misses
    python benchmarks/real_cv.py --shipped          # no refit: the shipped models (training score)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "extract" / "real"
SCORER = ROOT.parent / "shared" / "tools" / "score_records.py"


def _scorer(path: Path = SCORER) -> Any:
    spec = importlib.util.spec_from_file_location("score_records", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def folds(docs: list[str], k: int) -> list[list[str]]:
    """``k`` folds of the training documents, whole manifest groups each, groups ordered by a
    SHA-256 of their name and dealt round-robin (no choice by content)."""
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as fh:
        group = {row["file"]: row["group"] for row in csv.DictReader(fh)}
    groups: dict[str, list[str]] = {}
    for d in docs:
        groups.setdefault(group.get(d, d), []).append(d)
    order = sorted(groups, key=lambda g: hashlib.sha256(f"softpower-real-cv-v1:{g}".encode()).hexdigest())
    out: list[list[str]] = [[] for _ in range(k)]
    for i, g in enumerate(order):
        out[i % k] += groups[g]
    return [sorted(f) for f in out]


def extract_docs(docs: list[str], models: Any) -> list[dict[str, Any]]:
    from softpower.extract.pipeline import extract_text
    from softpower.extract.text import read_source

    pred: list[dict[str, Any]] = []
    for d in docs:
        src = read_source(CORPUS / "docs" / d)
        pred += extract_text(d, src.text, src.year, learned=models)
    return pred


def cross_validate(
    k: int, shipped: bool = False, thresholds: tuple[float, ...] = (), recall: tuple[float, ...] = ()
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], dict[str, list[tuple[int, float]]]]:
    """Pooled out-of-fold predictions (the shipped policy, and one set per act threshold in
    ``thresholds``, one per recall threshold in ``recall``, and the rules with the act model
    alone, without the recall model, as ``no-recall``), the training-side gold, and the out-of-fold act probability of every gold-real
    sentence with its label (1: an engagement starts in it)."""
    from softpower.extract.learned import data as D
    from softpower.extract.learned import recall as R
    from softpower.extract.learned import train as T
    from softpower.extract.learned.weights import load_models

    docs, gold = D.real_train_gold(CORPUS)
    base = load_models()
    assert base is not None
    if shipped:
        return {"shipped": extract_docs(docs, base)}, gold, {}
    config = T.MODEL_DIR / "config.toml"
    cfg = T.read_config(config)
    shared = T.SHARED if T.SHARED.is_dir() else None
    ts = T.training_set(cfg, config.parent, shared)
    rcfg = R.read_config(R.MODEL_DIR / "recall.toml")
    runits = R.units(rcfg, shared)
    pred: dict[str, list[dict[str, Any]]] = {"shipped": [], "no-recall": []}
    for t in thresholds:
        pred[f"act@{t:g}"] = []
    for t in recall:
        pred[f"recall@{t:g}"] = []
    sentences: dict[str, list[tuple[int, float]]] = {"act model": [], "recall model": []}
    units = D.real_train_units(CORPUS)
    for i, fold in enumerate(folds(docs, k)):
        held = tuple(f"gold-real:{d}#" for d in fold)
        sub = replace(
            ts,
            instrument=ts.instrument[~ts.instrument["id"].astype(str).str.startswith(held)],
            act=ts.act[~ts.act["id"].astype(str).str.startswith(held)],
        )
        instrument, act = T.fit(cfg, sub)
        rec = R.fit(rcfg, runits[~runits["id"].astype(str).str.startswith(held)])
        models = replace(base, instrument=instrument, act=act, recall=rec)
        pred["shipped"] += extract_docs(fold, models)
        pred["no-recall"] += extract_docs(fold, replace(models, recall=None))
        for t in thresholds:
            pred[f"act@{t:g}"] += extract_docs(fold, replace(models, act_threshold=t))
        for t in recall:
            rt = R.Recall(rec.model, t)
            pred[f"recall@{t:g}"] += extract_docs(fold, replace(models, recall=rt))
        mine = units[units["id"].astype(str).str.startswith(held)]
        y = mine["act"].astype(int).tolist()
        p = models.act_probability(mine["text"].tolist())
        sentences["act model"] += list(zip(y, p.tolist(), strict=True))
        sentences["recall model"] += list(zip(y, rec.probability(mine["text"].tolist()), strict=True))
        print(
            f"fold {i + 1}/{k}: {len(fold)} documents, {len(ts.act) - len(sub.act)} act units held out",
            file=sys.stderr,
        )
    return pred, gold, sentences


def sentence_table(name: str, sentences: list[tuple[int, float]], cuts: tuple[float, ...]) -> str:
    """Precision and recall of one model alone on the held-out gold-real sentences."""
    pos = sum(y for y, _ in sentences)
    lines = [f"{name} on held-out sentences: {len(sentences)} sentences, {pos} acts"]
    for c in cuts:
        tp = sum(1 for y, p in sentences if y and p >= c)
        n = sum(1 for _, p in sentences if p >= c)
        lines.append(
            f"  p >= {c:.2f}: predicted {n:4d} tp {tp:4d}  P {tp / n if n else 0:.3f} R {tp / pos if pos else 0:.3f}"
        )
    return "\n".join(lines) + "\n"


def why_missed(g: dict[str, Any], cands: list[dict[str, Any]]) -> str:
    """The reason one gold record has no strict match among the predictions of its document."""
    gs = g["span"]
    near = [p for p in cands if p["kind"] == g["kind"] and p["span"][0] < gs[1] and gs[0] < p["span"][1]]
    if not near:
        other = [p for p in cands if p["span"][0] < gs[1] and gs[0] < p["span"][1]]
        return "kind" if other else "not found"

    def failing(p: dict[str, Any]) -> list[str]:
        bad = []
        if p.get("actor") != g.get("actor"):
            bad.append("actor")
        if not set(p.get("partners") or []) & set(g.get("partners") or []):
            bad.append("partners")
        if g["kind"] == "engagement" and p.get("instrument") != g.get("instrument"):
            bad.append("instrument")
        if g["kind"] == "indicator" and g.get("value") is not None:
            try:
                if abs(float(p.get("value")) - float(g["value"])) > 0.01 * abs(float(g["value"])):
                    bad.append("value")
            except (TypeError, ValueError):
                bad.append("value")
        if g.get("year") is not None and p.get("year") != g.get("year"):
            bad.append("year")
        if g.get("amount") is not None and (
            p.get("currency") != g.get("currency")
            or p.get("amount") is None
            or abs(float(p["amount"]) - float(g["amount"])) > 0.01 * abs(float(g["amount"]))
        ):
            bad.append("amount")
        return bad

    best = min((failing(p) for p in near), key=len)
    return "+".join(best) if best else "taken by another gold record"


def diagnose(gold: list[dict[str, Any]], pred: list[dict[str, Any]], result: dict[str, Any]) -> str:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in pred:
        by_doc.setdefault(p["doc"], []).append(p)
    counts: Counter[tuple[str, str]] = Counter()
    first: Counter[tuple[str, str]] = Counter()
    for g in result["missed"]:
        reason = why_missed(g, by_doc.get(g["doc"], []))
        counts[(g["kind"], reason)] += 1
        for f in reason.split("+"):
            first[(g["kind"], f)] += 1
    lines = ["missed gold records by reason (the failing fields of the nearest prediction):"]
    for (kind, reason), n in sorted(counts.items(), key=lambda x: (x[0][0], -x[1])):
        lines.append(f"  {kind:11s} {reason:32s} {n:3d}")
    lines.append("fields failing (a record may fail several):")
    for (kind, f), n in sorted(first.items(), key=lambda x: (x[0][0], -x[1])):
        lines.append(f"  {kind:11s} {f:32s} {n:3d}")
    sp = Counter(p["kind"] for p in result["spurious"])
    lines.append("spurious predictions: " + ", ".join(f"{k} {n}" for k, n in sorted(sp.items())))
    return "\n".join(lines) + "\n"


def table(result: dict[str, Any]) -> str:
    lines = []
    for key in ("engagement", "indicator", "perception", "all"):
        r = result[key]
        lines.append(
            f"{key:11s} gold {r['gold']:4d} pred {r['pred']:4d} tp {r['tp']:4d}  "
            f"P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--diagnose", action="store_true", help="print why each gold record was missed")
    ap.add_argument("--shipped", action="store_true", help="the shipped models, no refit (a training score)")
    ap.add_argument("--out", type=Path, default=None, help="write pred.jsonl and gold.jsonl here")
    ap.add_argument(
        "--act-thresholds",
        type=float,
        nargs="*",
        default=[],
        help="also score the shipped policy with these act thresholds (e.g. 0.5 0.6 0.7)",
    )
    ap.add_argument(
        "--recall-thresholds",
        type=float,
        nargs="*",
        default=[],
        help="also score the recall model at these thresholds (e.g. 0.6 0.7 0.8)",
    )
    args = ap.parse_args()
    preds, gold, sentences = cross_validate(
        args.folds, args.shipped, tuple(args.act_thresholds), tuple(args.recall_thresholds)
    )
    sc = _scorer()
    docs = {g["doc"] for g in gold}
    what = "shipped models (training score)" if args.shipped else f"document-grouped {args.folds}-fold CV"
    print(f"real-text training half, {len(docs)} documents, {what}")
    for name, pred in preds.items():
        pred = [p for p in pred if p["doc"] in docs]
        result = sc.score([dict(g) for g in gold], [dict(p) for p in pred])
        print(f"-- {name}")
        print(table(result), end="")
        if args.diagnose and name == "shipped":
            print(diagnose(gold, pred, result), end="")
    for name, sent in sentences.items():
        print(sentence_table(name, sent, (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)), end="")
    pred = preds["shipped"]
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, recs in (("pred.jsonl", pred), ("gold.jsonl", gold)):
            (args.out / name).write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8"
            )


if __name__ == "__main__":
    main()
