"""``make train``: rebuild the shipped extraction models from a configuration file and a seed.

Usage::

    python -m softpower.extract.learned.train [--config PATH] [--out DIR] [--rebuild-table SHARED]

Reads ``config.toml`` beside the weights (data sources, features, hyper-parameters, seed and
the candidate thresholds), the committed AidData training table and split files, the development
gold in ``tests/data/extract/dev`` and, when ``../shared`` is present, the seed gold (and KOICA
when the configuration asks for it). Writes ``instrument.json.gz``, ``act.json.gz`` and
``metrics.json`` (the decision policy chosen on the frozen dev split, dev scores, sources used).
The same configuration, seed and sources give the same bytes. ``--rebuild-table`` regenerates
the committed AidData table from ``../shared`` first (it never reads an evaluation id).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.extract.evaluate import score
from softpower.extract.learned import data as D
from softpower.extract.learned.model import TextClassifier
from softpower.extract.learned.weights import Models

REPO = Path(__file__).resolve().parents[4]
MODEL_DIR = REPO / "src" / "softpower" / "data" / "extract_model"
SHARED = REPO.parent / "shared"


@dataclass
class TrainingSet:
    """Units (sentences or titles) for the two models, the dev descriptions and the sources used."""

    instrument: pd.DataFrame
    act: pd.DataFrame
    dev: pd.DataFrame
    dev_units: pd.DataFrame
    sources: dict[str, int]
    gold: pd.DataFrame


def read_config(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def splits(cfg: dict[str, Any], table: pd.DataFrame, folder: Path) -> tuple[list[str], list[str]]:
    """The committed train/dev id files; written (once) when absent."""
    train_f, dev_f = folder / "splits" / "train.txt", folder / "splits" / "dev.txt"
    if train_f.exists() and dev_f.exists():
        read = lambda p: [x for x in p.read_text().splitlines() if x and not x.startswith("#")]  # noqa: E731
        return read(train_f), read(dev_f)
    ids = table.loc[table["source"].isin(["aiddata-gcof", "aiddata-gcdf"]), "id"].tolist()
    train, dev = D.make_splits(ids, float(cfg["data"]["dev_share"]), int(cfg["seed"]))
    train += table.loc[~table["source"].isin(["aiddata-gcof", "aiddata-gcdf"]), "id"].tolist()
    head = "# {} split of the AidData training table (seed {}); never an evaluation id\n"
    train_f.write_text(head.format("train", cfg["seed"]) + "".join(i + "\n" for i in sorted(train)))
    dev_f.write_text(head.format("dev", cfg["seed"]) + "".join(i + "\n" for i in sorted(dev)))
    return sorted(train), dev


def training_set(
    cfg: dict[str, Any], folder: Path, shared: Path | None, fraction: float = 1.0
) -> TrainingSet:
    """Assemble the units of both models (``fraction`` < 1 subsamples the AidData train ids)."""
    table = D.read_table(folder / cfg["data"]["aiddata_table"])
    train_ids, dev_ids = splits(cfg, table, folder)
    if fraction < 1.0:
        rng = np.random.default_rng(int(cfg["seed"]))
        keep = rng.permutation(len(train_ids))[: max(1, int(round(fraction * len(train_ids))))]
        train_ids = sorted(train_ids[i] for i in keep)
    train = table[table["id"].isin(set(train_ids))]
    dev = table[table["id"].isin(set(dev_ids))]
    units = [D.description_units(train)]
    if cfg["data"].get("description_units", True):
        docs = train[train["source"].isin(["aiddata-gcof", "aiddata-gcdf"])]
        units.append(docs.assign(act=-1)[["id", "source", "text", "instrument", "act"]])
    sources = {"aiddata": len(train)}
    gold = [
        D.load_gold(REPO / cfg["data"]["dev_gold"], REPO / cfg["data"]["dev_gold"] / "gold.jsonl", "gold-dev")
    ]
    if shared is not None and cfg["data"].get("seed_gold", True) and (shared / "corpus" / "seeds").is_dir():
        gold.append(
            D.load_gold(shared / "corpus" / "seeds", shared / "corpus" / "gold" / "seeds.jsonl", "gold-seed")
        )
    if cfg["data"].get("negatives"):
        lines = (REPO / cfg["data"]["negatives"]).read_text(encoding="utf-8").splitlines()
        neg = [x.strip() for x in lines if x.strip() and not x.startswith("#")]
        gold.append(
            pd.DataFrame(
                {
                    "id": [f"negative:{i}" for i in range(len(neg))],
                    "source": "negative",
                    "text": neg,
                    "instrument": "",
                    "act": 0,
                }  # fmt: skip
            )
        )
    gold_units = pd.concat(gold, ignore_index=True)
    for src, n in gold_units["source"].value_counts().sort_index().items():
        sources[str(src)] = int(n)
    weight = int(cfg["data"].get("gold_weight", 1))
    units += [gold_units] * weight
    if shared is not None and cfg["data"].get("koica", False) and (shared / D.KOICA_FILE).exists():
        k = D.koica_rows(shared).assign(act=-1)
        sources["koica"] = len(k)
        units.append(k)
    allu = pd.concat(units, ignore_index=True)
    instr = allu[allu["instrument"].astype(str).ne("")]
    act = allu[allu["act"].isin([0, 1])]
    dev_units = D.description_units(dev)
    return TrainingSet(instr, act, D.as_descriptions(dev), dev_units, sources, gold_units)


def fit(cfg: dict[str, Any], ts: TrainingSet) -> tuple[TextClassifier, TextClassifier]:
    seed = int(cfg["seed"])
    params = dict(cfg["instrument"])
    if params.get("char_ngrams"):
        params["char_ngrams"] = tuple(params["char_ngrams"])
    else:
        params["char_ngrams"] = None
    instrument = TextClassifier(**params, seed=seed).fit(
        ts.instrument["text"].tolist(), ts.instrument["instrument"].tolist()
    )
    aparams = dict(cfg["act"])
    aparams["char_ngrams"] = tuple(aparams["char_ngrams"]) if aparams.get("char_ngrams") else None
    act = TextClassifier(**aparams, seed=seed).fit(
        ts.act["text"].tolist(), ts.act["act"].astype(int).astype(str).tolist()
    )
    return instrument, act


def act_threshold(
    cfg: dict[str, Any], act: TextClassifier, dev_units: pd.DataFrame
) -> tuple[float, dict[str, float]]:
    """The smallest candidate threshold whose precision on the dev units reaches the target."""
    u = dev_units[dev_units["act"].isin([0, 1])]
    col = int(np.flatnonzero(act.classes_ == "1")[0])
    p = act.predict_proba(u["text"].tolist())[:, col]
    y = u["act"].astype(int).to_numpy()
    target = float(cfg["policy"]["act_precision"])
    table = {}
    chosen = None
    for t in cfg["policy"]["act_thresholds"]:
        pred = p >= t
        prec = float((y[pred] == 1).mean()) if pred.any() else 1.0
        table[f"{t:g}"] = round(prec, 4)
        if chosen is None and prec >= target:
            chosen = float(t)
    return (chosen if chosen is not None else float(max(cfg["policy"]["act_thresholds"]))), table


def _predictor(models: Models | bool):  # type: ignore[no-untyped-def]
    from softpower.extract.pipeline import extract_text

    return lambda doc, text: extract_text(doc, text, learned=models)


def gold_f1(models: Models | bool, folders: list[Path]) -> float:
    """Strict engagement F1 on gold folders (each with ``gold.jsonl``), documents read as the CLI does."""
    from softpower.extract.evaluate import strict_score
    from softpower.extract.pipeline import extract_text
    from softpower.extract.text import read_source

    gold: list[dict[str, Any]] = []
    pred: list[dict[str, Any]] = []
    for folder in folders:
        gold_file = (
            folder / "gold.jsonl"
            if (folder / "gold.jsonl").exists()
            else folder.parent / "gold" / "seeds.jsonl"
        )
        gold += [json.loads(x) for x in gold_file.read_text(encoding="utf-8").splitlines() if x.strip()]
        for p in sorted(folder.glob("*.txt")):
            src = read_source(p)
            pred += extract_text(p.name, src.text, src.year, learned=models)
    return float(strict_score(gold, pred)["engagement"]["f1"])


def choose_policy(
    cfg: dict[str, Any],
    instrument: TextClassifier,
    act: TextClassifier,
    threshold: float,
    dev: pd.DataFrame,
    gold_folders: list[Path],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The policy with the best AidData dev macro-F1 among those that keep the strict engagement F1
    on the gold documents within ``policy.gold_guard`` of the rules (rules alone included)."""
    results: dict[str, Any] = {"rules": score(dev, _predictor(False)).summary()}
    base = gold_f1(False, gold_folders)
    results["rules"]["gold_engagement_f1"] = round(base, 4)
    guard = float(cfg["policy"]["gold_guard"])
    best: dict[str, Any] = {"instrument": "rules", "min_probability": 0.0, "fallback_threshold": None,
                            "context_chars": 0}  # fmt: skip
    best_f1 = results["rules"]["instrument_macro_f1"]
    fallbacks = cfg["policy"].get("fallback_thresholds", [None])
    for policy in cfg["policy"]["instrument"]:
        for floor in cfg["policy"]["min_probability"]:
            for fb in fallbacks:
                for chars in cfg["policy"].get("context_chars", [0]):
                    models = Models(instrument, act, threshold, policy, float(floor), fallback_threshold=fb,
                                    context_chars=int(chars))  # fmt: skip
                    res = score(dev, _predictor(models)).summary()
                    res["gold_engagement_f1"] = round(gold_f1(models, gold_folders), 4)
                    name = f"{policy}@{floor:g}" + ("" if fb is None else f"+fallback@{fb:g}")
                    results[name + (f"+context@{chars}" if chars else "")] = res
                    ok = res["gold_engagement_f1"] >= base - guard
                    if ok and res["instrument_macro_f1"] > best_f1 + 1e-9:
                        best_f1 = res["instrument_macro_f1"]
                        best = {"instrument": policy, "min_probability": float(floor),
                                "fallback_threshold": None if fb is None else float(fb),
                                "context_chars": int(chars)}  # fmt: skip
    return best | {"act_threshold": threshold}, results


def kind_precision(models: Models, gold: pd.DataFrame, folder: Path, gold_file: Path) -> dict[str, float]:
    """Precision per kind on the development gold: same doc, kind and actor, overlapping span."""
    from softpower.extract.pipeline import extract_text

    gold_recs = [json.loads(x) for x in gold_file.read_text().splitlines() if x.strip()]
    hits: dict[str, list[int]] = {}
    for p in sorted(folder.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        g = [r for r in gold_recs if r["doc"] == p.name]
        for r in extract_text(p.name, text, learned=models):
            ok = any(
                x["kind"] == r["kind"] and x["actor"] == r["actor"]
                and x["span"][0] < r["span"][1] and r["span"][0] < x["span"][1]
                for x in g
            )  # fmt: skip
            hits.setdefault(r["kind"], []).append(int(ok))
    return {k: round(float(np.mean(v)), 4) for k, v in sorted(hits.items())}


def fit_calibration(models: Models, dev: pd.DataFrame) -> dict[str, Any]:
    """Isotonic map from the primary records' raw confidence to instrument correctness on the dev split.

    References
    ----------
    Zadrozny, B., & Elkan, C. (2002). Transforming classifier scores into accurate multiclass
    probability estimates. *KDD*.
    """
    from sklearn.isotonic import IsotonicRegression

    from softpower.extract.evaluate import expected_calibration_error

    pred = score(dev, _predictor(models)).predictions
    have = pred[pred["confidence"].notna()]
    raw = have["confidence"].astype(float).to_numpy()
    right = (have["gold"] == have["pred"]).to_numpy(dtype=float)
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(raw, right)
    xs = [round(float(x), 4) for x in iso.X_thresholds_]
    ys = [round(float(y), 4) for y in iso.y_thresholds_]
    after = pred.copy()
    after.loc[have.index, "confidence"] = np.interp(raw, xs, ys)
    return {
        "x": xs,
        "y": ys,
        "n": len(raw),
        "dev_ece_raw": round(expected_calibration_error(pred), 4),
        "dev_ece_calibrated_in_sample": round(expected_calibration_error(after), 4),
    }


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(config: Path, out: Path, shared: Path | None) -> dict[str, Any]:
    """Fit, choose the policy on the dev split, write the weights and ``metrics.json``; return the metrics."""
    cfg = read_config(config)
    folder = config.parent
    ts = training_set(cfg, folder, shared)
    instrument, act = fit(cfg, ts)
    threshold, act_table = act_threshold(cfg, act, ts.dev_units)
    folders = [REPO / cfg["data"]["dev_gold"]]
    if shared is not None and cfg["data"].get("seed_gold", True) and (shared / "corpus" / "seeds").is_dir():
        folders.append(shared / "corpus" / "seeds")
    policy, dev_scores = choose_policy(cfg, instrument, act, threshold, ts.dev, folders)
    models = Models(
        instrument,
        act,
        threshold,
        policy["instrument"],
        policy["min_probability"],
        fallback_threshold=policy["fallback_threshold"],
        context_chars=policy["context_chars"],
    )
    dev_gold = REPO / cfg["data"]["dev_gold"]
    kp = kind_precision(models, ts.gold, dev_gold, dev_gold / "gold.jsonl")
    models.kind_precision = kp
    calibration = fit_calibration(models, ts.dev)
    out.mkdir(parents=True, exist_ok=True)
    instrument.save(out / "instrument.json.gz")
    act.save(out / "act.json.gz")
    metrics = {
        "seed": cfg["seed"],
        "config_sha256": sha256(config),
        "training_table_sha256": sha256(folder / cfg["data"]["aiddata_table"]),
        "sources": ts.sources,
        "units": {"instrument": len(ts.instrument), "act": len(ts.act)},
        "instrument_classes": [str(c) for c in instrument.classes_],
        "policy": policy,
        "act_precision_by_threshold": act_table,
        "dev": dev_scores,
        "kind_precision": kp,
        "calibration": calibration,
        "weights_sha256": {n: sha256(out / n) for n in ("instrument.json.gz", "act.json.gz")},
    }
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return metrics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, default=MODEL_DIR / "config.toml")
    ap.add_argument(
        "--out", type=Path, default=None, help="folder for the weights (default: beside the config)"
    )
    ap.add_argument("--shared", type=Path, default=SHARED, help="the ../shared folder (optional)")
    ap.add_argument("--rebuild-table", action="store_true", help="regenerate the AidData table from --shared")
    ap.add_argument(
        "--check",
        action="store_true",
        help="retrain into a temporary folder and compare its bytes with the shipped files (exit 1 if any differ)",
    )
    args = ap.parse_args(argv)
    shared = args.shared if args.shared.is_dir() else None
    cfg = read_config(args.config)
    if args.rebuild_table:
        if shared is None:
            print(f"train: --rebuild-table needs {args.shared}", file=sys.stderr)
            return 2
        D.write_table(D.build_aiddata_table(shared), args.config.parent / cfg["data"]["aiddata_table"])
    if shared is None:
        print(f"train: {args.shared} absent: training without the seed gold and KOICA", file=sys.stderr)
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            train(args.config, Path(tmp), shared)
            names = ("instrument.json.gz", "act.json.gz", "metrics.json")
            diff = [n for n in names if (Path(tmp) / n).read_bytes() != (args.config.parent / n).read_bytes()]
        for n in names:
            print(f"train --check: {n}: {'DIFFERS' if n in diff else 'byte-identical'}")
        return 1 if diff else 0
    metrics = train(args.config, args.out or args.config.parent, shared)
    print(json.dumps({k: metrics[k] for k in ("sources", "units", "policy", "kind_precision")}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
