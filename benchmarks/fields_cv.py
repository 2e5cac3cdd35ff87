"""Document-grouped cross-validation of the field step (softpower.extract.learned.fields).

The training side (seed essays, development gold, the real-text corpus's training half; never
its evaluation half) is extracted once with the field step off. Documents are cut into
``--folds`` folds of whole groups (a seed or development document is its own group; a real-text
document goes with its ``manifest.csv`` group), groups ordered by a SHA-256 of their name. For
each fold the rankers are refitted by ``make train``'s code (``fields_train``) on the other folds
and applied to the held-out documents' records. Printed:

* per field, on the held-out gold records a rule record overlaps: the rule's accuracy, the
  ranker's (its best candidate) and the oracle's (the gold value is among the candidates);
* strict F1 of the whole pipeline (``softpower.extract.evaluate.strict_score``, the shared
  scorer's rules) pooled over the held-out folds, with the step off and under each policy: one
  field at a time or all fields, the ranker's choice replacing the rule's when it beats the rule
  value's score by a margin (logits), with and without the rule's choice as a feature.

Caveat: the rules were tuned on every one of these documents, so the rules' side of each
comparison is a training score; the ranker's side is not (its documents are held out).

Usage:
    python benchmarks/fields_cv.py              # 5 folds
    python benchmarks/fields_cv.py --folds 10
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from softpower.extract.evaluate import strict_score  # noqa: E402
from softpower.extract.learned import fields_train as FT  # noqa: E402
from softpower.extract.learned.fields import FIELDS, FieldModel  # noqa: E402


def folds(groups: list[str], k: int) -> list[set[str]]:
    order = sorted(
        set(groups), key=lambda g: hashlib.sha256(f"softpower-fields-cv-v1:{g}".encode()).hexdigest()
    )
    out: list[set[str]] = [set() for _ in range(k)]
    for i, g in enumerate(order):
        out[i % k].add(g)
    return out


def without_rule(us: dict[str, list[FT.Unit]]) -> dict[str, list[FT.Unit]]:
    """The same units with the rule's-choice feature zeroed (its weight is then fitted as 0)."""
    out: dict[str, list[FT.Unit]] = {}
    for f, lst in us.items():
        out[f] = []
        for u in lst:
            rows = u.rows.copy()
            rows[:, 0] = 0.0
            out[f].append(FT.Unit(u.doc, u.group, u.source, u.gold, u.rule, u.names, rows, u.labels))
    return out


def _rule_ok(u: FT.Unit, f: str) -> bool:
    assert u.rule is not None
    if f == "partners":
        return bool(set(u.rule.get("partners") or []) & set(u.gold.get("partners") or []))
    return FT.label(u.rule.get(f), u.gold, f)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--config", type=Path, default=FT.MODEL_DIR / "fields.toml")
    ap.add_argument(
        "--recent", type=int, default=2, help="also report the documents of the last N snapshot commits"
    )
    ap.add_argument("--margins", type=float, nargs="*", default=[0.0, 1.0, 2.0])
    args = ap.parse_args()
    cfg = FT.read_config(args.config)
    shared = FT.SHARED if FT.SHARED.is_dir() else None
    current = FT.runs(cfg, shared)
    unseen = FT.unseen_runs(cfg, current)
    runs = current + unseen
    all_units = FT.units(runs)
    parts = folds([r.group for r in current], args.folds)
    variants = {
        "current+unseen": all_units,
        "current only": {f: [u for u in all_units[f] if u.source == "current"] for f in FIELDS},
        "unseen only": {f: [u for u in all_units[f] if u.source == "unseen"] for f in FIELDS},
        "c+u, no rule ft": without_rule(all_units),
    }
    policies: dict[str, dict[str, float | None]] = {"off": {f: None for f in FIELDS}}
    for m in args.margins:
        for f in FIELDS:
            policies[f"{f}@{m:g}"] = {g: (m if g == f else None) for g in FIELDS}
        policies[f"actor+year@{m:g}"] = {f: (None if f == "partners" else m) for f in FIELDS}
        policies[f"all@{m:g}"] = {f: m for f in FIELDS}
    preds: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    acc: list[
        tuple[str, str, str, str, int, int, int]
    ] = []  # source, doc, variant, field, rule, ranker, oracle
    for vname, us in variants.items():
        for i, part in enumerate(parts):
            train = {f: [u for u in us[f] if u.group not in part] for f in FIELDS}
            rankers = FT.fit_rankers(train, cfg)
            for f in FIELDS:
                for u in all_units[f]:
                    if u.group not in part or u.rule is None:
                        continue
                    rows = u.rows if vname != "c+u, no rule ft" else without_rule({f: [u]})[f][0].rows
                    best = u.names[int(np.argmax(rankers[f].scores(rows)))]
                    ok = (int(_rule_ok(u, f)), int(FT.label(best, u.gold, f)), int(bool(u.labels.any())))
                    acc.append((u.source, u.doc, vname, f, *ok))
            for pname, pol in policies.items():
                model = FieldModel(rankers, pol)
                for r in runs:
                    if r.group in part:
                        got = model.apply(r.text, copy.deepcopy(r.records), r.sentences, r.doc_year)
                        preds.setdefault((r.source, vname, pname), []).extend(got)
            print(f"{vname}: fold {i + 1}/{len(parts)} done", file=sys.stderr)
    codes = list(dict.fromkeys(r.code for r in unseen))[-args.recent :]
    newest = [r for r in unseen if r.code in codes]
    sections = (("current", current), ("unseen", unseen), (f"unseen, code {' '.join(codes)}", newest))
    for source, rs in sections:
        gold = [g for r in rs for g in r.gold]
        what = (
            "today's rules (tuned on these documents: a training score)"
            if source == "current"
            else "the records the extractor gave before its rules were tuned on them"
        )
        print(f"== {source}: {len(rs)} documents, {len(gold)} gold records; rule values: {what}")
        print(
            f"document-grouped {len(parts)}-fold CV; per-field accuracy on held-out gold records a rule record overlaps"
        )
        docs = {r.doc for r in rs}
        for vname in variants:
            for f in FIELDS:
                sel = [
                    a for a in acc if a[0] == source.split(",")[0] and a[1] in docs and a[2:4] == (vname, f)
                ]
                if sel:
                    n = len(sel)
                    r_ok, m_ok, o_ok = (sum(a[k] for a in sel) for k in (4, 5, 6))
                    print(
                        f"  train {vname:16s} {f:9s} n {n:4d}  rules {r_ok / n:.3f}  ranker {m_ok / n:.3f}  "
                        f"oracle {o_ok / n:.3f}"
                    )
        print("pipeline strict F1 of the pooled held-out predictions")
        base = None
        for (src, vname, pname), pred in preds.items():
            if src != source.split(",")[0] or (pname == "off" and vname != "current+unseen"):
                continue
            sc = strict_score(gold, [p for p in pred if p["doc"] in docs])
            base = sc["all"]["f1"] if base is None else base
            print(
                f"  train {vname:16s} {pname:12s} all {sc['all']['f1']:.4f} ({sc['all']['f1'] - base:+.4f}, tp {sc['all']['tp']})  "
                f"engagement {sc['engagement']['f1']:.4f}  indicator {sc['indicator']['f1']:.4f}"
            )


if __name__ == "__main__":
    main()
