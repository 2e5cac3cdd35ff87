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
    python benchmarks/eval_aiddata.py --cv-region       # leave-one-region-out CV, training side only
    python benchmarks/eval_aiddata.py --cv-region --variant shipped \
        --variant "no-floor:policy.outside_floor=0"     # configurations side by side (paired SDs)
    python benchmarks/eval_aiddata.py --cv-region --fits /tmp/fits  # keep each fold's fit; a later run
        # with the same --fits and only policy variants refits nothing (about 2 CPU minutes per fold saved)

Needs ``../shared`` (the AidData files); results go to ``benchmarks/results/eval_aiddata.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

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


def parse_variant(spec: str) -> tuple[str, dict[tuple[str, str], Any]]:
    """``NAME`` or ``NAME:section.key=value;section.key=value`` (values in TOML) as a name and its
    overrides of ``config.toml``; ``policy`` keys override the shipped policy (fields of
    :class:`softpower.extract.learned.weights.Models`), other sections change the training."""
    import tomllib

    name, _, body = spec.partition(":")
    out: dict[tuple[str, str], Any] = {}
    for item in filter(None, (x.strip() for x in body.split(";"))):
        key, eq, value = item.partition("=")
        section, dot, field = key.strip().partition(".")
        if not (eq and dot and section and field):
            raise SystemExit(f"--variant {spec!r}: expected section.key=value, got {item!r}")
        out[(section, field)] = tomllib.loads(f"v = {value.strip()}")["v"]
    return name.strip(), out


def _fit_file(fits_dir: Path, fold_name: str, key: str, held: list[str], train_ids: list[str]) -> Path:
    """Where a fold's fit is kept: named by the fold and a digest of the training configuration, the
    fold's ids, the training code (the learned package and the sentence splitter) and the training data
    in the repository (table, gold, negatives, review decisions; the seed gold in ``../shared`` is not
    hashed): a change of any of these makes a new fit. The extraction and its policy are not hashed: the
    kept fits are the models, scored anew by every run."""
    from softpower.extract import sentences as S
    from softpower.extract.learned import data as D
    from softpower.extract.learned import train as T

    h = hashlib.sha256(key.encode())
    for ids in (held, train_ids):
        h.update("\n".join(ids).encode() + b"\0")
    cfg = T.read_config(T.MODEL_DIR / "config.toml")
    learned = Path(T.__file__).parent
    files = [learned / n for n in ("data.py", "model.py", "train.py")] + [Path(S.__file__)]
    files.append(T.MODEL_DIR / cfg["data"]["aiddata_table"])
    for k in ("dev_gold", "negatives", "decisions"):
        if cfg["data"].get(k):
            path = T.REPO / cfg["data"][k]
            files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    if cfg["data"].get("real_gold"):  # the training half only, as training reads it
        real = T.REPO / cfg["data"]["real_gold"]
        names, gold = D.real_train_gold(real)
        files += [real / "docs" / n for n in names]
        h.update(json.dumps(gold, sort_keys=True).encode())
    for path in files:
        h.update(str(path.relative_to(T.REPO) if path.is_relative_to(T.REPO) else path.name).encode())
        h.update(path.read_bytes())
    return fits_dir / f"{fold_name.replace(' ', '_')}-{h.hexdigest()[:16]}.pkl"


def _kept_fit(
    fits_dir: Path | None, fold_name: str, key: str, held: list[str], train_ids: list[str]
) -> tuple[Any, ...] | None:
    """A fold's fit kept by an earlier run with ``--fits`` (dev frame, instrument model, pruned count,
    act model), else ``None``."""
    if fits_dir is None:
        return None
    path = _fit_file(fits_dir, fold_name, key, held, train_ids)
    if not path.exists():
        return None
    with path.open("rb") as fh:
        kept: tuple[Any, ...] = pickle.load(fh)  # noqa: S301 (a local cache this script wrote)
    return kept


def _keep_fit(
    fits_dir: Path | None,
    fold_name: str,
    key: str,
    held: list[str],
    train_ids: list[str],
    kept: tuple[Any, ...],
) -> None:
    if fits_dir is None:
        return
    fits_dir.mkdir(parents=True, exist_ok=True)
    with _fit_file(fits_dir, fold_name, key, held, train_ids).open("wb") as fh:
        pickle.dump(kept, fh)


def _variant_predictions(
    folds: list[tuple[str, list[str], list[str]]],
    variants: list[tuple[str, dict[tuple[str, str], Any]]],
    fits_dir: Path | None = None,
) -> dict[str, pd.DataFrame]:
    """For each variant, every held-out description's gold, pipeline and whole-description classifier
    reading (columns ``fold``, ``id``, ``gold``, ``pred``, ``classifier``), over ``folds`` = (name,
    held-out ids, training ids); the models are refitted per fold by ``make train``'s code (the
    non-description rows of the training table and the gold sentences always in training). Variants
    that differ only in ``policy`` keys share one fit; with ``fits_dir`` each fold's fit is kept there
    and reused by later runs (policy-only variants then cost only the scoring)."""
    import copy
    import dataclasses

    from softpower.extract.learned import data as D
    from softpower.extract.learned import train as T
    from softpower.extract.learned.weights import load_models

    shipped = load_models()
    assert shipped is not None
    config = T.MODEL_DIR / "config.toml"
    base = T.read_config(config)
    table = D.read_table(config.parent / base["data"]["aiddata_table"])
    rest = table.loc[~table["source"].isin(["aiddata-gcof", "aiddata-gcdf"]), "id"].tolist()
    out: dict[str, list[pd.DataFrame]] = {name: [] for name, _ in variants}
    for fold_name, held, train_ids in folds:
        cpu = time.process_time()
        fits: dict[str, Any] = {}
        act: Any = None
        for name, over in variants:
            cfg = copy.deepcopy(base)
            policy = {}
            for (section, field), value in over.items():
                if section == "policy":
                    policy[field] = value
                else:
                    cfg.setdefault(section, {})[field] = value
            key = json.dumps({k: v for k, v in cfg.items() if k != "policy"}, sort_keys=True, default=str)
            if key not in fits:
                kept = _kept_fit(fits_dir, fold_name, key, held, train_ids)
                if kept is None:
                    ts = T.training_set(cfg, config.parent, SHARED, ids=(train_ids + rest, held))
                    if act is None:
                        instrument, act = T.fit(cfg, ts)
                    else:  # the act model does not read these options (instrument units and features only)
                        instrument = T.fit_instrument(cfg, ts)
                    kept = (ts.dev, instrument, ts.sources.get("aiddata-pruned", 0), act)
                    _keep_fit(fits_dir, fold_name, key, held, train_ids, kept)
                fits[key] = kept[:3]
                act = act if act is not None else kept[3]
            dev, instrument, pruned = fits[key]
            models = dataclasses.replace(shipped, instrument=instrument, act=act, **policy)
            res = score(dev, lambda d, t, m=models: extract_text(d, t, learned=m))
            frame = res.predictions[["id", "gold", "pred"]].assign(
                fold=fold_name, classifier=instrument.predict(dev["text"].tolist()), pruned=pruned
            )
            out[name].append(frame)
        print(f"{fold_name}: {len(held)} held out, {len(train_ids)} training descriptions, "
              f"{len(fits)} fits, {time.process_time() - cpu:.0f} s", flush=True)  # fmt: skip
    return {name: pd.concat(frames, ignore_index=True) for name, frames in out.items()}


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Macro-F1 over the gold classes present (a prediction outside them counts as wrong)."""
    labels = np.unique(gold)
    f1 = []
    for c in labels:
        tp = float(np.sum((gold == c) & (pred == c)))
        denom = float(np.sum(gold == c) + np.sum(pred == c))
        f1.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1))


def bootstrap_sd(
    frames: list[pd.DataFrame], column: str, groups: pd.Series, per_fold: bool, reps: int, seed: int
) -> tuple[list[float], list[float]]:
    """Bootstrap SDs of each frame's figure (the mean of per-fold macro-F1 when ``per_fold``, else the
    pooled macro-F1) and of each frame's difference from the first, resampling whole project families
    (``groups``, by id) with replacement within each fold, the same draws for every frame (paired)."""
    rng = np.random.default_rng(seed)
    first = frames[0]
    fam = first["id"].map(groups).to_numpy()
    by_fold = []
    for _, idx in first.groupby("fold").indices.items():
        names, inverse = np.unique(fam[idx], return_inverse=True)
        members = [idx[inverse == j] for j in range(len(names))]
        by_fold.append(members)
    # every frame lists the same descriptions in the same order (the same folds, scored in turn)
    for f in frames[1:]:
        assert (f["id"].to_numpy() == first["id"].to_numpy()).all()
    gold = first["gold"].to_numpy()
    preds = [f[column].to_numpy() for f in frames]
    draws = np.zeros((reps, len(frames)))
    for b in range(reps):
        parts = []
        for members in by_fold:
            pick = rng.integers(0, len(members), len(members))
            parts.append(np.concatenate([members[j] for j in pick]))
        for v, pred in enumerate(preds):
            if per_fold:
                draws[b, v] = np.mean([macro_f1(gold[i], pred[i]) for i in parts])
            else:
                i = np.concatenate(parts)
                draws[b, v] = macro_f1(gold[i], pred[i])
    sd = draws.std(axis=0, ddof=1)
    diff = (draws - draws[:, :1]).std(axis=0, ddof=1)
    return [float(x) for x in sd], [float(x) for x in diff]


def cross_validation(
    variants: list[str],
    by_region: bool,
    folds: int = 5,
    reps: int = 1000,
    save: Path | None = None,
    fits_dir: Path | None = None,
) -> None:
    """Pipeline and whole-description ("oracle") scores of configuration variants (``--variant``;
    default the shipped configuration) over the training-side AidData descriptions only, each fold's
    models refitted by ``make train``'s code, folds of whole project families:

    * ``by_region`` False (``--cv``): ``folds`` random folds of families (:func:`data.family_folds`,
      the config seed), the pooled macro-F1;
    * ``by_region`` True (``--cv-region``): leave one region out (:func:`data.region_folds`; regions
      from AidData's own region fields, :data:`data.REGION_NAMES`), macro-F1 per region and the mean
      over regions, training without any family reaching into the held-out region.

    Bootstrap SDs resample families within folds (paired across variants). Never reads the
    evaluation set."""
    from softpower.extract.learned import data as D
    from softpower.extract.learned import train as T

    config = T.MODEL_DIR / "config.toml"
    cfg = T.read_config(config)
    table = D.read_table(config.parent / cfg["data"]["aiddata_table"])
    docs = table[table["source"].isin(["aiddata-gcof", "aiddata-gcdf"])].reset_index(drop=True)
    similarity, seed = float(cfg["data"]["family_similarity"]), int(cfg["seed"])
    fam = pd.Series(D.families(docs["id"].tolist(), docs["title"].tolist(), docs["text"].tolist(), similarity),
                    index=docs["id"].tolist())  # fmt: skip
    if by_region:
        regions = D.aiddata_regions(SHARED)
        fold_list = D.region_folds(docs, regions, similarity)
    else:
        fold = D.family_folds(docs, similarity, seed, folds)
        ids = docs["id"].to_numpy()
        fold_list = [(f"fold {k}", ids[fold == k].tolist(), ids[fold != k].tolist()) for k in range(folds)]
    specs = [parse_variant(v) for v in (variants or ["shipped"])]
    preds = _variant_predictions(fold_list, specs, fits_dir)
    frames = [preds[name] for name, _ in specs]
    if save is not None:  # every held-out description's readings, for analysis (training side only)
        pd.concat([f.assign(variant=n) for (n, _), f in zip(specs, frames, strict=True)]).to_csv(
            save, index=False
        )
    fold_names = [f[0] for f in fold_list]
    rows = []
    for column, what in (("pred", "pipeline"), ("classifier", "classifier")):
        sd, diff = bootstrap_sd(frames, column, fam, by_region, reps, seed)
        for (name, _), frame, s, d in zip(specs, frames, sd, diff, strict=True):
            per = {k: macro_f1(g["gold"].to_numpy(), g[column].to_numpy()) for k, g in frame.groupby("fold")}
            main = float(np.mean(list(per.values()))) if by_region else macro_f1(
                frame["gold"].to_numpy(), frame[column].to_numpy()
            )  # fmt: skip
            none = frame["pred"] == "none"
            rows.append([f"{name} / {what}", len(frame), f"{main:.4f}", f"{s:.4f}",
                         "" if name == specs[0][0] else f"{d:.4f}",
                         f"{(frame['gold'] == frame[column]).mean():.3f}",
                         f"{none.mean():.3f} ({int(none.sum())}; classifier right "
                         f"{int((frame.loc[none, 'classifier'] == frame.loc[none, 'gold']).sum())})"]
                        + ([f"{per[k]:.3f}" for k in fold_names] if by_region else []))  # fmt: skip
            print(rows[-1], flush=True)
    over = {
        name: "; ".join(f"{s}.{k}={v}" for (s, k), v in o.items()) or "shipped config" for name, o in specs
    }
    note = " Variants: " + "; ".join(f"{n} = {o}" for n, o in over.items()) + "."
    if by_region:
        sizes = ", ".join(f"{n} {len(h)} held out / {len(t)} trained on" for n, h, t in fold_list)
        write_table(
            "aiddata_cv_region",
            "softpower extract: leave-one-region-out cross-validation on the training-side AidData descriptions",
            [
                "variant / reader",
                "descriptions",
                "mean macro-F1 over regions",
                "bootstrap SD",
                "paired SD of the difference from the first",
                "accuracy",
                "no engagement (n; classifier right)",
                *fold_names,
            ],  # fmt: skip
            rows,
            "One fold per region of AidData's own region fields (data.REGION_NAMES); training without any "
            "project family reaching into the held-out region (" + sizes + "). Models refitted per fold by "
            "make train's code (gold sentences always in). Bootstrap: project families resampled within each "
            f"region, {reps} draws, paired across variants. A training-side figure, never the Indo-Pacific "
            "evaluation set." + note,
        )
    else:
        write_table(
            "aiddata_cv",
            "softpower extract: grouped cross-validation on the training-side AidData descriptions",
            [
                "variant / reader",
                "descriptions",
                "pooled macro-F1",
                "bootstrap SD",
                "paired SD of the difference from the first",
                "accuracy",
                "no engagement (n; classifier right)",
            ],
            rows,
            f"{folds} folds of whole project families (data.family_folds) over the train and dev split together; "
            "models refitted per fold by make train's code (gold sentences always in). Bootstrap: families "
            f"resampled within each fold, {reps} draws, paired across variants. A training-side figure, never "
            "the Indo-Pacific evaluation set." + note,
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
    ap.add_argument(
        "--cv-region",
        action="store_true",
        help="leave-one-region-out cross-validation on the training side; write the table",
    )
    ap.add_argument(
        "--variant",
        action="append",
        default=[],
        help="with --cv/--cv-region: NAME or NAME:section.key=value;... (TOML values), repeatable; "
        "the first is the reference of the paired differences",
    )
    ap.add_argument("--predictions", type=Path, help="with --cv/--cv-region: write every reading to this CSV")
    ap.add_argument(
        "--fits",
        type=Path,
        help="with --cv/--cv-region: keep each fold's fit in this folder and reuse it (policy-only variants "
        "then cost only the scoring; a change of the configuration, the folds, the training table or the "
        "training code makes a new fit)",
    )
    args = ap.parse_args()
    if args.cv or args.cv_region:
        cross_validation(args.variant, by_region=args.cv_region, save=args.predictions, fits_dir=args.fits)
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
