"""Fit the field step's rankers (:mod:`softpower.extract.learned.fields`; ``make train``).

Training units are the gold records of the seed essays (``../shared/corpus``, skipped when
absent), the development gold (``tests/data/extract/dev``) and the real-text corpus's **training
half** (``split.json`` side ``train``; the evaluation half's documents are never opened). Each
document is extracted by the pipeline with the field step off; for each gold engagement or
indicator, the nearest overlapping record of its kind (if any) gives the rule's values and the
window; the candidates of each field are built there, labelled 1 where the candidate equals the
gold value (for partners: is one of the gold partners), and one logistic regression per field is
fitted on all candidate rows. The margins (when a ranker's choice replaces the rule's) are read
from the configuration, where they were chosen by ``benchmarks/fields_cv.py``.

Usage::

    python -m softpower.extract.learned.fields_train --config src/softpower/data/extract_model/fields.toml
    python -m softpower.extract.learned.fields_train --config ... --check   # rebuild, compare bytes
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from softpower.extract.context import Sentence
from softpower.extract.learned.config import guarded, read_config, read_shipped
from softpower.extract.learned.fields import (
    FEATURES,
    FIELDS,
    Document,
    FieldModel,
    Ranker,
    applies,
    candidates,
    dump_bytes,
)

REPO = Path(__file__).resolve().parents[4]
MODEL_DIR = REPO / "src" / "softpower" / "data" / "extract_model"
SHARED = REPO.parent / "shared"


@dataclass
class Run:
    """One document as the pipeline left it before the field step, with its gold records."""

    doc: str
    group: str
    text: str
    records: list[dict[str, Any]]
    sentences: list[Sentence]
    doc_year: int | None
    gold: list[dict[str, Any]]
    #: ``current``: the records of today's rules (tuned on the document); ``unseen``: the records the
    #: extractor gave before its rules were tuned on it (``data.unseen``, benchmarks/fields_snapshot.py)
    source: str = "current"
    #: for ``unseen``: the commit whose code gave the records
    code: str = ""


class _Recorder:
    """Stands in for the field model inside the pipeline and keeps what the step would read."""

    def __init__(self) -> None:
        self.seen: tuple[str, list[dict[str, Any]], list[Sentence], int | None] | None = None

    def apply(
        self, text: str, records: list[dict[str, Any]], sentences: list[Sentence], doc_year: int | None
    ) -> list[dict[str, Any]]:
        self.seen = (text, [dict(r) for r in records], sentences, doc_year)
        return records


def _gold_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def corpora(cfg: dict[str, Any], shared: Path | None) -> list[tuple[str, Path, str, list[dict[str, Any]]]]:
    """(document, path, group, gold records) of every training document, in a fixed order."""
    from softpower.extract.learned.data import real_train_gold

    data = cfg["data"]
    out: list[tuple[str, Path, str, list[dict[str, Any]]]] = []
    if shared is not None and data.get("seed_gold", True) and (shared / "corpus" / "seeds").is_dir():
        gold = _gold_lines(shared / "corpus" / "gold" / "seeds.jsonl")
        for p in sorted((shared / "corpus" / "seeds").glob("*.txt")):
            out.append((p.name, p, f"seed:{p.name}", [g for g in gold if g["doc"] == p.name]))
    dev = REPO / data["dev_gold"]
    gold = _gold_lines(dev / "gold.jsonl")
    for p in sorted(dev.glob("*.txt")):
        out.append((p.name, p, f"dev:{p.name}", [g for g in gold if g["doc"] == p.name]))
    real = REPO / data["real_gold"]
    docs, gold = real_train_gold(real)
    with (real / "manifest.csv").open(encoding="utf-8") as fh:
        group = {row["file"]: row["group"] for row in csv.DictReader(fh)}
    for d in docs:
        out.append((d, real / "docs" / d, f"real:{group.get(d, d)}", [g for g in gold if g["doc"] == d]))
    return out


def runs(cfg: dict[str, Any], shared: Path | None) -> list[Run]:
    """Extract every training document with the field step off (the shipped other models)."""
    from softpower.extract.learned.weights import load_models
    from softpower.extract.pipeline import extract_text
    from softpower.extract.text import read_source

    base = load_models(fields=False)  # the shipped field weights are never read to train new ones
    out = []
    for doc, path, group, gold in corpora(cfg, shared):
        src = read_source(path)
        rec = _Recorder()
        models = replace(base, fields=rec) if base is not None else None  # type: ignore[arg-type]
        extract_text(doc, src.text, src.year, learned=models if models is not None else False)
        if rec.seen is None:  # no learned models shipped: nothing to learn the step against
            continue
        text, records, sentences, year = rec.seen
        out.append(Run(doc, group, text, records, sentences, year, gold))
    return out


def unseen_runs(cfg: dict[str, Any], rs: list[Run]) -> list[Run]:
    """The real-text training documents again, with the records the extractor gave when they were
    new (the snapshot ``data.unseen``; training side only), in the same groups as today's runs."""
    path = REPO / cfg["data"]["unseen"] if cfg["data"].get("unseen") else None
    if path is None or not path.is_file():
        return []
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            by_doc.setdefault(rec["doc"], []).append(rec)
    out = []
    for r in rs:
        if r.group.startswith("real:") and r.doc in by_doc:
            code = str(by_doc[r.doc][0].get("_code", ""))
            recs = [{k: v for k, v in x.items() if k != "_code"} for x in by_doc[r.doc]]
            out.append(replace(r, records=recs, source="unseen", code=code))
    return out


def nearest(gold: dict[str, Any], records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The record of the gold record's kind whose span overlaps it and starts nearest to it."""
    a, b = gold["span"]
    near = [r for r in records if r["kind"] == gold["kind"] and r["span"][0] < b and a < r["span"][1]]
    return min(near, key=lambda r: (abs(r["span"][0] - a), r["span"][0]), default=None)


def gold_value(gold: dict[str, Any], field: str) -> Any:
    return gold.get(field) if field != "partners" else list(gold.get("partners") or [])


def label(value: Any, gold: dict[str, Any], field: str) -> bool:
    if field == "partners":
        return value in (gold.get("partners") or [])
    return bool(value == gold.get(field))


@dataclass
class Unit:
    """The candidates of one field of one gold record."""

    doc: str
    group: str
    source: str
    gold: dict[str, Any]
    rule: dict[str, Any] | None
    names: list[Any]
    rows: np.ndarray
    labels: np.ndarray


def units(rs: list[Run]) -> dict[str, list[Unit]]:
    """Per field, the candidate sets built at each gold record (where the gold gives the field)."""
    out: dict[str, list[Unit]] = {f: [] for f in FIELDS}
    for r in rs:
        if not any(applies(g) for g in r.gold):
            continue
        doc = Document.read(r.text, r.sentences, r.doc_year)
        for g in r.gold:
            if not applies(g):
                continue
            rule = nearest(g, r.records)
            at = rule if rule is not None else {**g, "actor": None, "partners": [], "year": None}
            for f in FIELDS:
                if not gold_value(g, f):
                    continue
                names, rows = candidates(doc, at, f)
                if not names:
                    continue
                y = np.asarray([label(v, g, f) for v in names], dtype=np.int8)
                out[f].append(Unit(r.doc, r.group, r.source, g, rule, names, rows, y))
    return out


def fit_rankers(us: dict[str, list[Unit]], cfg: dict[str, Any]) -> dict[str, Ranker]:
    """One logistic regression per field over all candidate rows (deterministic lbfgs)."""
    from sklearn.linear_model import LogisticRegression

    out = {}
    for f in FIELDS:
        rows = [u.rows for u in us[f]]
        x = np.vstack(rows) if rows else np.zeros((0, len(FEATURES[f])))
        y = np.concatenate([u.labels for u in us[f]]) if rows else np.zeros(0)
        if len(set(y.tolist())) < 2:
            out[f] = Ranker([0.0] * len(FEATURES[f]), 0.0)
            continue
        m = LogisticRegression(C=float(cfg["model"]["C"]), max_iter=2000)
        m.fit(x, y)
        out[f] = Ranker([round(float(c), 8) for c in m.coef_[0]], round(float(m.intercept_[0]), 8))
    return out


def margins(cfg: dict[str, Any]) -> dict[str, float | None]:
    """The shipped margins: a number per field, or the string "off" (the rules keep the field)."""
    pol = cfg["policy"]
    return {f: (None if pol.get(f, "off") == "off" else float(pol[f])) for f in FIELDS}


def train(config: Path, out_dir: Path, shared: Path | None) -> Path:
    cfg = read_config(config)
    rs = runs(cfg, shared)
    us = units(rs + unseen_runs(cfg, rs))
    model = FieldModel(fit_rankers(us, cfg), margins(cfg))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "fields.json.gz"
    path.write_bytes(dump_bytes(model))
    counts = ", ".join(
        f"{f} {len(us[f])} records / {sum(len(u.names) for u in us[f])} candidates" for f in FIELDS
    )
    print(f"fields: {counts} -> {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    """The command line; a missing or malformed input file is one line on stderr and exit code 2."""
    return guarded("fields_train", _main, argv)


def _main(argv: list[str] | None) -> int:
    ap = argparse.ArgumentParser(
        description="Fit the field step's rankers (actor, partners, year).",
        epilog="example: python -m softpower.extract.learned.fields_train "
        "--config src/softpower/data/extract_model/fields.toml --check",
    )
    ap.add_argument("--config", type=Path, default=MODEL_DIR / "fields.toml")
    ap.add_argument(
        "--out", type=Path, default=None, help="write fields.json.gz here (default: beside the config)"
    )
    ap.add_argument("--check", action="store_true", help="rebuild into a temporary folder and compare bytes")
    args = ap.parse_args(argv)
    shared = SHARED if SHARED.is_dir() else None
    if args.check:
        read_config(args.config)
        old = read_shipped(args.config.parent / "fields.json.gz")
        with tempfile.TemporaryDirectory() as tmp:
            new = train(args.config, Path(tmp), shared).read_bytes()
            same = new == old
            print(f"fields_train --check: fields.json.gz: {'byte-identical' if same else 'DIFFERS'}")
            return 0 if same else 1
    train(args.config, args.out or args.config.parent, shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
