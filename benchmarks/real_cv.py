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
(the scorer's strict rules, in that order). For the statements not found it also prints their
sentence's shape (long, list item, first person, counted goods, visit or meeting, poll figure,
table-like line) and the first gate of the learned step that stopped it
(:func:`not_found_table`): the rules read the sentence but the record was dropped later, or no
actor, no partner, not a statement, hedged, no figure of its own, or the recall model below its
threshold.

``--diagnose`` also classifies every missed gold record *and* every false positive by the first
strict condition it fails (:func:`error_classes`: no candidate at the span; kind; actor; partners;
instrument or value; year; amount; span; duplicate) and prints their counts and shares.

``--min-confidence`` scores the pooled predictions again without the records below each
confidence; the confidence calibrator is refitted in each fold without that fold's documents
(:func:`fold_calibrator`), so the cut is measured on documents the calibration did not see.

The evaluation side (``split.json`` side ``eval``) is never read: neither its documents nor its
gold lines (:func:`softpower.extract.learned.data.real_train_gold`).

Usage:
    python benchmarks/real_cv.py                    # grouped CV, 5 folds
    python benchmarks/real_cv.py --diagnose         # and the reasons of the misses
    python benchmarks/real_cv.py --shipped          # no refit: the shipped models (training score)
    python benchmarks/real_cv.py --min-confidence 0.2 0.3 0.4   # and without the less confident records
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


def extract_docs(docs: list[str], models: Any, traces: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The records of ``docs`` extracted with ``models``; with ``traces``, also what the learned
    step was given for each document (:func:`traced_extract`)."""
    from softpower.extract.pipeline import extract_text
    from softpower.extract.text import read_source

    pred: list[dict[str, Any]] = []
    for d in docs:
        src = read_source(CORPUS / "docs" / d)
        if traces is None:
            pred += extract_text(d, src.text, src.year, learned=models)
        else:
            recs, traces[d] = traced_extract(d, src.text, src.year, models)
            pred += recs
    return pred


def traced_extract(
    doc: str, text: str, year: int | None, models: Any
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Extract one document as ``extract_text`` does, keeping what its learned step was given: the
    sentences with their has-a-record flag, the states named in the document, the records before
    the consistency steps, and the models (for the gates of :func:`gate`)."""
    from softpower.extract import pipeline

    seen: dict[str, Any] = {"text": text, "models": models, "infos": [], "named": {}, "refined": []}
    real_refine = pipeline.refine

    def spy(doc_: str, text_: str, records: Any, infos: Any, models_: Any = None, named: Any = None) -> Any:
        out = real_refine(doc_, text_, records, infos, models_, named)
        seen.update(infos=list(infos), named=dict(named or {}), refined=list(out))
        return out

    pipeline.refine = spy  # type: ignore[assignment]
    try:
        recs = pipeline.extract_text(doc, text, year, learned=models)
    finally:
        pipeline.refine = real_refine  # type: ignore[assignment]
    return recs, seen


#: sentence shapes of a statement (a statement may have several; checked on its whole sentence)
SHAPES: tuple[tuple[str, str], ...] = (
    ("list item", r"(?m)^\s*(?:[-•*·o°◦▪■]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s"),
    ("first person", r"\b(?:[Ww]e|[Oo]ur|[Uu]s|I)\b"),
    (
        "counted goods",
        r"\b\d[\d,.]*\s+(?:\w+\s+){0,3}?(?:doses|tonnes|tons|vehicles|boats|vessels|kits|units"
        r"|ventilators|items|sets|pieces|flights|helicopters|aircraft|personnel|deployees|experts|teams|volunteers)\b",
    ),
    (
        "visit or meeting",
        r"(?i)\b(?:visit\w*|met|meets?|meeting|summit|talks|call(?:ed)? on|hosted|co-?hosted|conference|dialogue)\b",
    ),
    (
        "poll figure",
        r"(?i)(?:%|\bper ?cent\b).*\b(?:say|said|believe|view|trust|favou?rabl\w*|respondents|surveyed|poll)\b"
        r"|\b(?:say|said|believe|view|trust|favou?rabl\w*|respondents|surveyed|poll)\b.*(?:%|\bper ?cent\b)",
    ),
    ("table-like line", r"(?m)^[A-Z][\w .'-]{1,40}\s+[-–:|]\s*\d[\d.,]*\s*%?\s*$"),
)


def shapes(sentence: str) -> list[str]:
    """The shapes of :data:`SHAPES` a sentence has, with "long" over 250 characters; "plain" if none."""
    import re

    out = ["long"] if len(sentence) > 250 else []
    out += [name for name, pat in SHAPES if re.search(pat, sentence)]
    return out or ["plain"]


def gate(g: dict[str, Any], trace: dict[str, Any]) -> tuple[str, str]:
    """Why the learned step did not propose the gold statement ``g`` (one not found at all), and its
    sentence: the first gate of :func:`softpower.extract.learned.apply._propose` it fails."""
    from softpower.extract.learned import apply as A

    text = trace["text"]
    a, b = g["span"]
    info = next((i for i in trace["infos"] if i.sent.start < b and a < i.sent.end), None)
    if info is None:
        return "no sentence (a table row)", text[a:b]
    sent = info.sent
    words = text[sent.start : sent.end]
    if any(r["span"][0] < sent.end and sent.start < r["span"][1] for r in trace["refined"]):
        return "read, dropped by a later step", words
    if info.has_record:
        return "read as a total or pending act", words
    actor = A._actor(sent)
    if actor is None:
        return "no actor", words
    if not A._prose(text, sent.start, sent.end):
        return "not a statement", words
    if not A._real(text, sent.start, sent.end):
        return "hedged (modal, condition, negation)", words
    if not A._partners(sent, actor, trace["named"]):
        return "no partner", words
    models = trace["models"]
    figure = A._states_figure(text, sent)
    bare = (
        models.recall is not None
        and models.recall.bare_threshold is not None
        and not A._leads_list(text, sent)
    )
    if models.recall is None or not (figure or bare):
        return "no figure of its own (act model only)", words
    if not figure and models.act_probability([words])[0] < models.recall.bare_act_floor:
        return f"no figure, act model below {models.recall.bare_act_floor:g}", words
    threshold = models.recall.threshold if figure else models.recall.bare_threshold
    p = models.recall.probability([words])[0]
    return (
        f"recall model below {threshold:g}" + ("" if figure else " (no figure)")
        if p < threshold
        else "proposed, lost",
        words,
    )


def not_found_table(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], result: dict[str, Any], traces: dict[str, Any]
) -> str:
    """Counts of the gold statements with no prediction of any kind at their span, by kind, by
    sentence shape and by the gate that stopped them."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in pred:
        by_doc.setdefault(p["doc"], []).append(p)
    by_shape: Counter[tuple[str, str]] = Counter()
    by_gate: Counter[tuple[str, str]] = Counter()
    total: Counter[str] = Counter()
    n_gold: Counter[str] = Counter(g["kind"] for g in gold)
    for g in result["missed"]:
        if why_missed(g, by_doc.get(g["doc"], [])) != "not found" or g["doc"] not in traces:
            continue
        reason, sentence = gate(g, traces[g["doc"]])
        total[g["kind"]] += 1
        by_gate[(g["kind"], reason)] += 1
        for sh in shapes(sentence):
            by_shape[(g["kind"], sh)] += 1
    lines = [
        "gold statements with no prediction at their span: "
        + ", ".join(f"{k} {total[k]} of {n_gold[k]}" for k in sorted(n_gold))
    ]
    lines.append(" by sentence shape (a sentence may have several):")
    for (kind, sh), n in sorted(by_shape.items(), key=lambda x: (x[0][0], -x[1], x[0][1])):
        lines.append(f"  {kind:11s} {sh:36s} {n:3d}")
    lines.append(" by the first gate of the learned step that stopped them:")
    for (kind, r), n in sorted(by_gate.items(), key=lambda x: (x[0][0], -x[1], x[0][1])):
        lines.append(f"  {kind:11s} {r:36s} {n:3d}")
    return "\n".join(lines) + "\n"


def cross_validate(
    k: int,
    shipped: bool = False,
    thresholds: tuple[float, ...] = (),
    recall: tuple[float, ...] = (),
    traces: dict[str, Any] | None = None,
    calibrate: bool = False,
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], dict[str, list[tuple[int, float]]]]:
    """Pooled out-of-fold predictions (the shipped policy, and one set per act threshold in
    ``thresholds``, one per recall threshold in ``recall``, and the rules with the act model
    alone, without the recall model, as ``no-recall``), the training-side gold, and the out-of-fold act probability of every gold-real
    sentence with its label (1: an engagement starts in it). With ``traces`` (a dict), the shipped
    policy's run keeps what its learned step was given per document; with ``calibrate``, the
    shipped policy's records carry a ``confidence`` from a calibrator refitted without their
    fold's documents (:func:`fold_calibrator`)."""
    from softpower.extract.learned import data as D
    from softpower.extract.learned import recall as R
    from softpower.extract.learned import train as T
    from softpower.extract.learned.weights import load_models

    docs, gold = D.real_train_gold(CORPUS)
    base = load_models()
    assert base is not None
    if shipped:
        return {"shipped": extract_docs(docs, base, traces)}, gold, {}
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
    pools = T.calibration_pools(base, ts.dev, CORPUS) if calibrate else None
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
        if pools is None:
            pred["shipped"] += extract_docs(fold, models, traces)
        else:
            recs = extract_docs(fold, replace(models, keep_raw=True), traces)
            fold_calibrator(recs, pools, fold, int(cfg["seed"]))
            pred["shipped"] += recs
        pred["no-recall"] += extract_docs(fold, replace(models, recall=None))
        for t in thresholds:
            pred[f"act@{t:g}"] += extract_docs(fold, replace(models, act_threshold=t))
        for t in recall:
            rt = R.Recall(rec.model, t, rec.bare_threshold, rec.bare_act_floor)
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


def fold_calibrator(records: list[dict[str, Any]], pools: Any, fold: list[str], seed: int) -> None:
    """Give each record of ``fold`` (read with ``keep_raw``) the confidence of a calibrator fitted by
    ``make train``'s own code on its pools without the real-text rows of ``fold``'s documents: the
    cut is then measured on documents the calibration did not see. (The pools were read once with
    the shipped models, as ``make train`` reads them; the fold's models are refitted.)"""
    import numpy as np

    from softpower.extract.learned import train as T
    from softpower.extract.learned.weights import calibration_features, first_of_kind

    keep = ~((pools["pool"] == "real-train") & pools["group"].isin(fold))
    cal = T._fit_calibrator(pools[keep].reset_index(drop=True), seed)
    for r, first in zip(records, first_of_kind(records), strict=True):
        x = np.asarray([calibration_features(r, r.pop("_model_raw", None), first)], dtype=float)
        r["confidence"] = round(float(cal.predict_proba(x)[0, 1]), 3)


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


#: the strict conditions in the order :func:`error_classes` checks them
CONDITIONS = ("kind", "actor", "partners", "instrument", "year", "amount", "span")


def first_failing(g: dict[str, Any], p: dict[str, Any]) -> str:
    """The first of :data:`CONDITIONS` on which prediction ``p`` fails the strict match with gold
    record ``g`` ("instrument" stands for an engagement's instrument, an indicator's value and a
    perception's measure and value); "duplicate" when every condition holds."""
    if g["kind"] != p["kind"]:
        return "kind"
    if g.get("actor") != p.get("actor"):
        return "actor"
    if not set(g.get("partners") or []) & set(p.get("partners") or []):
        return "partners"
    if g["kind"] == "engagement" and g.get("instrument") != p.get("instrument"):
        return "instrument"
    if g["kind"] == "perception" and (
        g.get("measure") != p.get("measure")
        or g.get("value") is not None
        and not _close(p.get("value"), g["value"], absolute=0.005)
    ):
        return "instrument"
    if (
        g["kind"] == "indicator"
        and g.get("value") is not None
        and not _close(p.get("value"), g["value"], rel=0.01)
    ):
        return "instrument"
    if g.get("year") is not None and p.get("year") != g.get("year"):
        return "year"
    if g.get("amount") is not None and (
        p.get("currency") != g.get("currency") or not _close(p.get("amount"), g["amount"], rel=0.01)
    ):
        return "amount"
    if not (p["span"][0] < g["span"][1] and g["span"][0] < p["span"][1]):
        return "span"
    return "duplicate"


def _close(a: Any, b: Any, rel: float = 0.0, absolute: float = 0.0) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= max(absolute, rel * abs(y))


def error_classes(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], result: dict[str, Any], corpus: Path = CORPUS
) -> dict[str, list[dict[str, Any]]]:
    """Every missed gold record and every false positive of ``result`` (the shared scorer's) with the
    first strict condition it fails, as ``class`` ("missed" and "spurious" lists of records).

    A record's *region* is the sentences its span overlaps. A missed gold record with no prediction
    whose region overlaps its own is "no candidate" (a false positive with no gold record there:
    "no gold"); otherwise the class is the first failing condition (:data:`CONDITIONS`, then
    "duplicate": every condition holds but the other record was taken) of the candidate that gets
    furthest along the conditions."""
    from softpower.extract.sentences import split_sentences
    from softpower.extract.text import read_source

    regions: dict[str, list[tuple[int, int]]] = {}

    def region(r: dict[str, Any]) -> tuple[int, int]:
        if r["doc"] not in regions:
            regions[r["doc"]] = list(split_sentences(read_source(corpus / "docs" / r["doc"]).text))
        a, b = r["span"]
        sents = [s for s in regions[r["doc"]] if s[0] < b and a < s[1]] or [(a, b)]
        return min(a, sents[0][0]), max(b, sents[-1][1])

    order = (*CONDITIONS, "duplicate")

    def classify(r: dict[str, Any], others: list[dict[str, Any]], missed: bool) -> str:
        ra = region(r)
        near = [o for o in others if o["doc"] == r["doc"] and (rb := region(o))[0] < ra[1] and ra[0] < rb[1]]
        if not near:
            return "no candidate" if missed else "no gold"
        fails = [first_failing(r, o) if missed else first_failing(o, r) for o in near]
        return max(fails, key=order.index)

    return {
        "missed": [{**g, "class": classify(g, pred, True)} for g in result["missed"]],
        "spurious": [{**p, "class": classify(p, gold, False)} for p in result["spurious"]],
    }


def class_table(classes: dict[str, list[dict[str, Any]]]) -> str:
    """Counts and shares of :func:`error_classes`, by side and kind."""
    lines = ["errors by the first failing strict condition (out of fold):"]
    for side in ("missed", "spurious"):
        recs = classes[side]
        by = Counter((r["class"], r["kind"]) for r in recs)
        names = sorted({c for c, _ in by}, key=lambda c: -sum(n for (c2, _), n in by.items() if c2 == c))
        lines.append(f" {side} ({len(recs)}): class, all (share), engagement, indicator, perception")
        for c in names:
            n = sum(v for (c2, _), v in by.items() if c2 == c)
            per = ", ".join(str(by[(c, k)]) for k in ("engagement", "indicator", "perception"))
            lines.append(f"  {c:13s} {n:4d} ({n / len(recs):.0%})  {per}")
    return "\n".join(lines) + "\n"


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
    ap.add_argument(
        "--min-confidence",
        type=float,
        nargs="*",
        default=[],
        help="also score the shipped policy without the records below each of these confidences, "
        "the calibrator refitted per fold (e.g. 0.2 0.3 0.4)",
    )
    args = ap.parse_args()
    traces: dict[str, Any] | None = {} if args.diagnose else None
    preds, gold, sentences = cross_validate(
        args.folds,
        args.shipped,
        tuple(args.act_thresholds),
        tuple(args.recall_thresholds),
        traces,
        bool(args.min_confidence) and not args.shipped,
    )
    for c in args.min_confidence:
        preds[f"min-confidence {c:g}"] = [
            p for p in preds["shipped"] if p.get("confidence") is None or p["confidence"] >= c
        ]
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
            print(class_table(error_classes(gold, pred, result)), end="")
            if traces:
                print(not_found_table(gold, pred, result, traces), end="")
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
