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
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_cv  # noqa: E402


def cross_validate(
    k: int,
    thresholds: list[float],
    refit: bool,
    epochs: int | None = None,
    variants: tuple[str, ...] = (),
    roles_only: bool = False,
    weak: int | None = None,
    share: float = 1.0,
) -> dict[str, Any]:
    from softpower.extract.evaluate import strict_score
    from softpower.extract.learned import data as D
    from softpower.extract.learned import tagger_train as TT
    from softpower.extract.learned.weights import load_models

    docs, gold = D.real_train_gold(real_cv.CORPUS)
    cfg = TT.read_config(TT.MODEL_DIR / "tagger.toml")
    if epochs is not None:
        cfg["model"]["epochs"] = epochs
    if weak is not None:
        cfg["data"]["aiddata_weak"] = weak
    shared = TT.SHARED if TT.SHARED.is_dir() else None
    exs = TT.examples(cfg, shared)
    base = load_models()
    assert base is not None
    grid = [(f"on@{t:g}{'+' + v if v else ''}", t, v) for t in thresholds for v in ("", *variants)]
    pred: dict[str, list[dict[str, Any]]] = {"off": [], **{name: [] for name, _, _ in grid}}
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
        if share < 1.0:  # a learning-curve point: this share of the other folds' real-text documents
            train = [e for e in train if not e.id.startswith("gold-real:") or _kept(e.id, share)]
        test = [e for e in exs if e.id.startswith(held)]
        tagger = TT.fit(cfg, train)
        for role, s in TT.role_scores(tagger, test).items():
            t = roles.setdefault(role, [0, 0, 0])
            t[0] += int(s["tp"])
            t[1] += int(s["pred"])
            t[2] += int(s["gold"])
        print(f"fold {i + 1}/{k}: {len(fold)} documents, {len(test)} sentences held out", file=sys.stderr)
        if roles_only:
            continue
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
        for name, t, v in grid:
            pred[name] += _extract(fold, models, _variant(replace(tagger, threshold=t), v))
    scores = {} if roles_only else {name: strict_score(gold, p) for name, p in pred.items()}
    return {"roles": roles, "scores": scores, "gold": gold, "pred": pred, "docs": len(docs)}


def _kept(example_id: str, share: float) -> bool:
    """Whether a real-text document is in the first ``share`` of documents ordered by SHA-256 of its name."""
    import hashlib

    doc = example_id.split(":", 1)[1].rsplit("#", 1)[0]
    digest = hashlib.sha256(f"softpower-tagger-curve:{doc}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def _variant(tagger: Any, variant: str) -> Any:
    """The tagger with a use variant: ``sentence`` (the record spans its sentence), ``role`` (a
    tagged actor or partner needed), ``recall<p>`` (the recall model's probability at least p);
    joined by ``,``."""
    for v in filter(None, variant.split(",")):
        if v == "sentence":
            tagger = replace(tagger, span="sentence")
        elif v == "role":
            tagger = replace(tagger, need_role=True)
        elif v.startswith("recall"):
            tagger = replace(tagger, min_recall=float(v[6:]))
        else:
            raise SystemExit(f"tagger_cv.py: unknown variant {v!r} (expected sentence, role or recall<p>)")
    return tagger


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


def diagnose(result: dict[str, Any], name: str) -> str:
    """What the tagger's proposals (records of ``name`` whose span no record of ``off`` has) are:
    a strict match, a gold engagement overlapped with the first field the scorer rejects, or no
    gold engagement at their span; and the gold records ``off`` matched that ``name`` lost."""
    from softpower.extract.evaluate import _matches, strict_pairs

    gold, off, on = result["gold"], result["pred"]["off"], result["pred"][name]
    seen = {(r["doc"], tuple(r["span"]), r["kind"]) for r in off}
    new = [r for r in on if (r["doc"], tuple(r["span"]), r["kind"]) not in seen]
    tally: Counter[str] = Counter()
    for r in new:
        over = [g for g in gold if g["doc"] == r["doc"] and g["kind"] == "engagement"
                and g["span"][0] < r["span"][1] and r["span"][0] < g["span"][1]]  # fmt: skip
        if any(_matches(g, r) for g in over):
            tally["strict match"] += 1
        elif not over:
            tally["no gold engagement at its span"] += 1
        else:
            g = min(over, key=lambda g: abs(g["span"][0] - r["span"][0]))
            for f in ("actor", "partners", "instrument", "year", "amount"):
                if f == "partners" and set(g[f] or []) & set(r[f] or []):
                    continue
                if f in ("year", "amount") and (g[f] is None or g[f] == r[f]):
                    continue
                if f != "partners" and g[f] == r[f]:
                    continue
                tally[f"wrong {f}"] += 1
                break
            else:
                tally["wrong amount/currency"] += 1
    m_off, _ = strict_pairs(gold, off)
    m_on, _ = strict_pairs(gold, on)
    tally["gold matched by off, lost by on"] = len(m_off - m_on)
    tally["gold matched by on, not by off"] = len(m_on - m_off)
    return f"{name}: {len(new)} proposals: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))


def cost(n_docs: int = 150, repeats: int = 3) -> str:
    """CPU seconds of ``extract_text`` on ``n_docs`` documents of ``bench_extract.py``'s synthetic
    corpus with the tagger off and on (the shipped weights; medians of ``repeats``), and the CPU
    seconds per MB of each of its adversarial inputs with the tagger on."""
    import statistics
    import tempfile
    import time

    import bench_extract as B
    from softpower.extract.pipeline import extract_text

    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = B.make_corpus(Path(tmp))
        texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths[:n_docs]]
    kb = sum(len(t.encode("utf-8")) for _, t in texts) / 1024
    for name, t in texts[:3]:
        extract_text(name, t, tagger=True)  # warm caches
    lines = ["| tagger | CPU s (median) | KB/s | records |", "|---|---|---|---|"]
    med = {}
    for label, flag in (("off", False), ("on", True)):
        runs = []
        for _ in range(repeats):
            cpu = time.process_time()
            n = sum(len(extract_text(name, t, tagger=flag)) for name, t in texts)
            runs.append(time.process_time() - cpu)
        med[label] = statistics.median(runs)
        lines.append(f"| {label} | {med[label]:.2f} | {kb / med[label]:.0f} | {n} |")
    lines.append(f"\non/off CPU {med['on'] / med['off']:.3f} on {n_docs} documents ({kb:.0f} KB)\n")
    lines += ["| adversarial case (tagger on) | MB | CPU s | s/MB |", "|---|---|---|---|"]
    for name, text in B.adversarial_cases(int(B.ADVERSARIAL_MB * 1_000_000)).items():
        cpu = time.process_time()
        extract_text("adversarial.txt", text, tagger=True)
        cpu = time.process_time() - cpu
        mb = len(text.encode("utf-8")) / 1e6
        lines.append(f"| {name} | {mb:.2f} | {cpu:.2f} | {cpu / mb:.1f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.0, 10.0, 20.0])
    ap.add_argument(
        "--refit", action="store_true", help="refit the instrument, act and recall models per fold"
    )
    ap.add_argument("--epochs", type=int, default=None, help="override tagger.toml's epochs")
    ap.add_argument("--weak", type=int, default=None, help="override tagger.toml's aiddata_weak")
    ap.add_argument(
        "--variants",
        nargs="*",
        default=[],
        help="use variants besides the plain one: sentence, role, recall0.3, joined by ','",
    )
    ap.add_argument(
        "--curve",
        type=float,
        nargs="*",
        default=None,
        help="role F1 at these shares of the real-text training documents",
    )
    ap.add_argument(
        "--roles-only", action="store_true", help="only the token-level role scores (no extraction)"
    )
    ap.add_argument(
        "--cost", action="store_true", help="only the tagger's cost (bench_extract.py corpus, adversarial)"
    )
    ap.add_argument("--diagnose", action="store_true", help="what the proposals of each threshold are")
    args = ap.parse_args()
    if args.cost:
        print(cost())
        return
    if args.curve:
        for share in args.curve:
            res = cross_validate(args.folds, [], False, args.epochs, (), True, args.weak, share)
            print(f"share {share:g} of the other folds' real-text documents (dev and seed gold always in)")
            print(report(res))
        return
    result = cross_validate(
        args.folds, args.thresholds, args.refit, args.epochs, tuple(args.variants), args.roles_only, args.weak
    )
    print(f"{result['docs']} training-side documents, {args.folds} grouped folds, refit={args.refit}")
    print(report(result))
    if args.diagnose and not args.roles_only:
        for name in result["pred"]:
            if name != "off":
                print(diagnose(result, name))


if __name__ == "__main__":
    main()
