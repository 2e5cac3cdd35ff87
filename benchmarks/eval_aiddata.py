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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--label", default="current", help="name of this run's rows")
    ap.add_argument("--all", action="store_true", help="also score the training-side descriptions")
    ap.add_argument("--write-eval-ids", action="store_true")
    args = ap.parse_args()
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
                     f"{s['year']:.3f} (n={s['year_n']})", f"{s['amount_currency']:.3f} (n={s['amount_n']})"])  # fmt: skip
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
        ],  # fmt: skip
        rows,
        "Targets on the eval set: instrument macro-F1 >= 0.865, no engagement <= 0.05, actor+recipient >= 0.85, "
        "year >= 0.75, amount+currency >= 0.60. The eval set is never trained or tuned on; train-side rows "
        "are training scores. Definitions: softpower.extract.evaluate.",
    )


if __name__ == "__main__":
    main()
