"""Frozen evaluation: ``softpower extract`` on AidData project descriptions against AidData's coding.

Scores instrument macro-F1, no-engagement rate, actor+recipient, year and amount+currency
(definitions in :mod:`softpower.extract.evaluate` and ``docs/extract.md``) on

* **eval**: the Indo-Pacific AidData descriptions (ids frozen in
  ``src/softpower/data/extract_model/splits/aiddata_eval.txt``; never trained or tuned on);
* **train-side** (with ``--all``): the other descriptions, from which the weak labels come —
  a training score, reported as such.

Usage::

    python benchmarks/eval_aiddata.py                 # score the extractor, write the results table
    python benchmarks/eval_aiddata.py --label before  # name the row (kept in results/eval_aiddata.json)
    python benchmarks/eval_aiddata.py --write-eval-ids  # (once, before training) freeze the eval ids
    python benchmarks/eval_aiddata.py --learning-curve  # training-side dev split, growing training shares
    python benchmarks/eval_aiddata.py --cv              # grouped 5-fold CV over the training side only

Needs ``../shared`` (the AidData files); results go to ``benchmarks/results/eval_aiddata.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import write_table  # noqa: E402
from softpower.extract import extract_text  # noqa: E402
from softpower.extract.evaluate import eval_ids, load_descriptions, score  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL_IDS = ROOT / "src" / "softpower" / "data" / "extract_model" / "splits" / "aiddata_eval.txt"
RESULTS = ROOT / "benchmarks" / "results" / "eval_aiddata.json"
TARGETS = {"instrument_macro_f1": 0.865, "no_engagement": 0.05, "actor_recipient": 0.85, "year": 0.75,
           "amount_currency": 0.60}  # fmt: skip


def write_eval_ids() -> None:
    frame = load_descriptions(SHARED)
    ids = sorted(frame.loc[frame["indo_pacific"], "id"])
    EVAL_IDS.parent.mkdir(parents=True, exist_ok=True)
    EVAL_IDS.write_text(
        "# Evaluation-only: Indo-Pacific AidData descriptions (GCOF 1.0 recipients include an Indo-Pacific\n"
        "# state; GCDF 3.0 high-value projects in Asia or Oceania). Never train or tune on these ids.\n"
        + "".join(i + "\n" for i in ids),
        encoding="utf-8",
    )
    print(f"{len(ids)} evaluation ids written to {EVAL_IDS}")


def _predict(doc: str, text: str) -> list[dict[str, object]]:
    return extract_text(doc, text)


FRACTIONS = (0.1, 0.25, 0.5, 1.0)


def learning_curve() -> None:
    """Instrument macro-F1 and no-engagement rate vs the share of AidData training rows used (gold
    sentences always all), with the shipped policy and thresholds, on the frozen training-side dev
    split only (the evaluation set is scored once, by the plain run, never here)."""
    import dataclasses

    from softpower.extract.learned import train as T
    from softpower.extract.learned.weights import load_models

    shipped = load_models()
    assert shipped is not None
    config = T.MODEL_DIR / "config.toml"
    cfg = T.read_config(config)
    rows = []
    for frac in FRACTIONS:
        cpu = time.process_time()
        ts = T.training_set(cfg, config.parent, SHARED, fraction=frac)
        instrument, act = T.fit(cfg, ts)
        models = dataclasses.replace(shipped, instrument=instrument, act=act)
        dev = score(ts.dev, lambda d, t, m=models: extract_text(d, t, learned=m))
        rows.append([f"{frac:g}", ts.sources["aiddata"], len(ts.instrument),
                     f"{dev.instrument_macro_f1:.3f}", f"{dev.instrument_accuracy:.3f}", f"{dev.no_engagement:.3f}",
                     f"{dev.actor_recipient:.3f}", f"{dev.year:.3f}",
                     f"{dev.per_class.get('technical_cooperation', float('nan')):.3f}",
                     f"{dev.per_class.get('people_exchange', float('nan')):.3f}"])  # fmt: skip
        print(rows[-1], f"{time.process_time() - cpu:.0f} s", flush=True)
    write_table(
        "learning_curve",
        "softpower extract: learning curve (score vs training size, frozen training-side dev split)",
        [
            "share of AidData training rows",
            "AidData rows",
            "instrument units",
            "dev macro-F1",
            "dev accuracy",
            "dev no engagement",
            "dev actor+recipient",
            "dev year",
            "dev technical_cooperation F1",
            "dev people_exchange F1",
        ],  # fmt: skip
        rows,
        "Seeded subsamples (config seed) of the AidData training-split rows; the gold sentences (development, "
        "seed, real-text training half) and review decisions are always all used. Policy and thresholds fixed at the shipped ones. Scored on the 900 training-side dev "
        "descriptions (splits/dev.txt), never on the Indo-Pacific evaluation set.",
    )


def cross_validation(folds: int = 5) -> None:
    """Pipeline and whole-description ("oracle") scores pooled over ``folds`` folds of **all** the
    training-side AidData descriptions (train and dev split), each fold's models refitted by ``make
    train``'s code without the fold; folds are whole project families (as the committed split), the
    shipped policy and thresholds, the gold sentences always in training. 4,500 descriptions instead of
    the dev split's 900: a lower-noise comparison of training variants. Never reads the evaluation set."""
    import dataclasses

    import pandas as pd
    from sklearn.metrics import f1_score

    from softpower.extract.learned import data as D
    from softpower.extract.learned import train as T
    from softpower.extract.learned.weights import load_models

    shipped = load_models()
    assert shipped is not None
    config = T.MODEL_DIR / "config.toml"
    cfg = T.read_config(config)
    table = D.read_table(config.parent / cfg["data"]["aiddata_table"])
    docs = table[table["source"].isin(["aiddata-gcof", "aiddata-gcdf"])]
    fold = D.family_folds(docs, float(cfg["data"]["family_similarity"]), int(cfg["seed"]), folds)
    rest = table.loc[~table["source"].isin(["aiddata-gcof", "aiddata-gcdf"]), "id"].tolist()
    preds, oracle = [], []
    for k in range(folds):
        cpu = time.process_time()
        held = docs["id"][fold == k].tolist()
        ts = T.training_set(cfg, config.parent, SHARED, ids=(docs["id"][fold != k].tolist() + rest, held))
        instrument, act = T.fit(cfg, ts)
        models = dataclasses.replace(shipped, instrument=instrument, act=act)
        res = score(ts.dev, lambda d, t, m=models: extract_text(d, t, learned=m))
        preds.append(res.predictions)
        oracle.append(
            pd.DataFrame({"gold": ts.dev["instrument"], "pred": instrument.predict(ts.dev["text"].tolist())})
        )
        print(f"fold {k}: {len(held)} descriptions, {time.process_time() - cpu:.0f} s", flush=True)
    pipe, orc = pd.concat(preds), pd.concat(oracle)
    labels = sorted(set(pipe["gold"]))
    rows = []
    for name, frame in (("pipeline (primary record)", pipe), ("whole-description classifier", orc)):
        per = f1_score(frame["gold"], frame["pred"], labels=labels, average=None, zero_division=0)
        rows.append([name, len(frame), f"{per.mean():.3f}", f"{(frame['gold'] == frame['pred']).mean():.3f}",
                     f"{(frame['pred'] == 'none').mean():.3f}"]
                    + [f"{v:.3f}" for v in per])  # fmt: skip
    write_table(
        "aiddata_cv",
        "softpower extract: grouped cross-validation on the training-side AidData descriptions",
        ["run", "descriptions", "macro-F1", "accuracy", "no engagement", *labels],
        rows,
        f"{folds} folds of whole project families (data.families) over the train and dev split together; models "
        "refitted per fold by make train's code (gold sentences always in), shipped policy. A training-side "
        "figure, never the Indo-Pacific evaluation set.",
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--label", default="current", help="name of this run's rows")
    ap.add_argument("--all", action="store_true", help="also score the training-side descriptions")
    ap.add_argument("--write-eval-ids", action="store_true")
    ap.add_argument(
        "--learning-curve", action="store_true", help="retrain on growing shares; write the curve"
    )
    ap.add_argument(
        "--cv",
        action="store_true",
        help="grouped 5-fold cross-validation on the training side; write the table",
    )
    args = ap.parse_args()
    if args.cv:
        cross_validation()
        return
    if args.learning_curve:
        learning_curve()
        return
    if args.write_eval_ids:
        write_eval_ids()
        return
    frame = load_descriptions(SHARED)
    frozen = eval_ids()
    sets = {"eval (Indo-Pacific)": frame[frame["id"].isin(frozen)]}
    if args.all:
        sets["train-side (not Indo-Pacific; training score)"] = frame[~frame["id"].isin(frozen)]
    runs = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for name, part in sets.items():
        cpu = time.process_time()
        res = score(part, _predict)
        summary = res.summary() | {"cpu_seconds": round(time.process_time() - cpu, 1)}
        runs[f"{args.label} / {name}"] = summary
        print(name, json.dumps(summary, indent=1))
    RESULTS.write_text(json.dumps(runs, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    rows = []
    for key, s in runs.items():
        rows.append([key, s["n"], f"{s['instrument_macro_f1']:.3f}", f"{s['instrument_accuracy']:.3f}",
                     f"{s['no_engagement']:.3f}", f"{s['actor_recipient']:.3f}",
                     f"{s['year']:.3f} (n={s['year_n']})", f"{s['amount_currency']:.3f} (n={s['amount_n']})",
                     f"{s.get('confidence_ece', float('nan')):.3f}"])  # fmt: skip
    write_table(
        "eval_aiddata",
        "softpower extract on AidData project descriptions (frozen evaluation)",
        [
            "run / set",
            "descriptions",
            "instrument macro-F1",
            "accuracy",
            "no engagement",
            "actor+recipient",
            "year (where written)",
            "amount+currency (where stated)",
            "confidence ECE",
        ],  # fmt: skip
        rows,
        "Targets on the eval set: instrument macro-F1 >= 0.865, no engagement <= 0.05, actor+recipient >= 0.85, "
        "year >= 0.75, amount+currency >= 0.60. The eval set is never trained or tuned on; train-side rows "
        "are training scores. Definitions: softpower.extract.evaluate.",
    )


if __name__ == "__main__":
    main()
