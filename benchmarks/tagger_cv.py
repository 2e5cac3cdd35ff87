"""Document-grouped cross-validation of the sequence tagger on the real-text corpus's training half.

The training documents are cut into ``--folds`` folds by their ``manifest.csv`` group, exactly as
``benchmarks/real_cv.py`` does (:func:`real_cv.folds`). For each fold the tagger is refitted by
``make train``'s own code (:mod:`softpower.extract.learned.tagger_train`) without that fold's
sentences (the development and seed gold always stay in), and

* its **token-level role scores** (span-level P/R/F1 of ACTOR, PARTNER, AMOUNT, DATE, PROG, and
  the tokens of acts, ``REC``) are measured on the held-out fold's sentences;
* the fold's documents are **extracted with the tagger off and on** (one run per margin threshold
  of ``--thresholds``) and the pooled records scored with the strict scorer
  (:func:`softpower.extract.evaluate.strict_score`, the shared scorer's rules).

With ``--refit`` the instrument, act and recall models are refitted per fold as well (as
``real_cv.py`` does), so that neither the tagger nor the models that decide its records'
instruments saw the held-out documents; without it they are the shipped models (which learned the
held-out sentences: the "off" column is then a training score, and so is part of "on").

The evaluation side (``split.json`` side ``eval``) is never read: neither its documents nor its
gold lines (:func:`softpower.extract.learned.data.real_train_gold`).

Usage:
    python benchmarks/tagger_cv.py                          # 5 folds, shipped instrument/act/recall models
    python benchmarks/tagger_cv.py --refit --thresholds 0 5 10 20
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_cv  # noqa: E402


def cross_validate(k: int, thresholds: list[float], refit: bool, epochs: int | None = None) -> dict[str, Any]:
    from softpower.extract.evaluate import strict_score
    from softpower.extract.learned import data as D
    from softpower.extract.learned import tagger_train as TT
    from softpower.extract.learned.weights import load_models

    docs, gold = D.real_train_gold(real_cv.CORPUS)
    cfg = TT.read_config(TT.MODEL_DIR / "tagger.toml")
    if epochs is not None:
        cfg["model"]["epochs"] = epochs
    shared = TT.SHARED if TT.SHARED.is_dir() else None
    exs = TT.examples(cfg, shared)
    base = load_models()
    assert base is not None
    pred: dict[str, list[dict[str, Any]]] = {"off": [], **{f"on@{t:g}": [] for t in thresholds}}
    roles: dict[str, list[int]] = {}
    folds = real_cv.folds(docs, k)
    if refit:
        from softpower.extract.learned import recall as R
        from softpower.extract.learned import train as T

        config = T.MODEL_DIR / "config.toml"
        icfg = T.read_config(config)
        ts = T.training_set(icfg, config.parent, shared)
        rcfg = R.read_config(R.MODEL_DIR / "recall.toml")
        runits = R.units(rcfg, shared)
    for i, fold in enumerate(folds):
        held = tuple(f"gold-real:{d}#" for d in fold)
        train = [e for e in exs if not e.id.startswith(held)]
        test = [e for e in exs if e.id.startswith(held)]
        tagger = TT.fit(cfg, train)
        for role, s in TT.role_scores(tagger, test).items():
            t = roles.setdefault(role, [0, 0, 0])
            t[0] += int(s["tp"])
            t[1] += int(s["pred"])
            t[2] += int(s["gold"])
        models = base
        if refit:
            sub = replace(
                ts,
                instrument=ts.instrument[~ts.instrument["id"].astype(str).str.startswith(held)],
                act=ts.act[~ts.act["id"].astype(str).str.startswith(held)],
            )
            instrument, act = T.fit(icfg, sub)
            rec = R.fit(rcfg, runits[~runits["id"].astype(str).str.startswith(held)])
            models = replace(base, instrument=instrument, act=act, recall=rec)
        pred["off"] += _extract(fold, models, False)
        for t in thresholds:
            pred[f"on@{t:g}"] += _extract(fold, models, replace(tagger, threshold=t))
        print(f"fold {i + 1}/{k}: {len(fold)} documents, {len(test)} sentences held out", file=sys.stderr)
    scores = {name: strict_score(gold, p) for name, p in pred.items()}
    return {"roles": roles, "scores": scores, "gold": gold, "pred": pred, "docs": len(docs)}


def _extract(docs: list[str], models: Any, tagger: Any) -> list[dict[str, Any]]:
    from softpower.extract.pipeline import extract_text
    from softpower.extract.text import read_source

    out: list[dict[str, Any]] = []
    for d in docs:
        src = read_source(real_cv.CORPUS / "docs" / d)
        out += extract_text(d, src.text, src.year, learned=models, tagger=tagger)
    return out


def report(result: dict[str, Any]) -> str:
    lines = [
        "| role (held-out sentences) | gold spans | predicted | P | R | F1 |",
        "|---|---|---|---|---|---|",
    ]
    for role, (tp, n_pred, n_gold) in result["roles"].items():
        p, r = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"| {role} | {n_gold} | {n_pred} | {p:.3f} | {r:.3f} | {f:.3f} |")
    lines += ["", "| pipeline | gold | pred | tp | strict F1 | engagement F1 |", "|---|---|---|---|---|---|"]
    for name, s in result["scores"].items():
        a, e = s["all"], s["engagement"]
        lines.append(f"| {name} | {a['gold']} | {a['pred']} | {a['tp']} | {a['f1']:.4f} | {e['f1']:.4f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.0, 10.0, 20.0])
    ap.add_argument(
        "--refit", action="store_true", help="refit the instrument, act and recall models per fold"
    )
    ap.add_argument("--epochs", type=int, default=None, help="override tagger.toml's epochs")
    args = ap.parse_args()
    result = cross_validate(args.folds, args.thresholds, args.refit, args.epochs)
    print(f"{result['docs']} training-side documents, {args.folds} grouped folds, refit={args.refit}")
    print(report(result))


if __name__ == "__main__":
    main()
