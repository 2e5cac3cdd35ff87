"""Train the sequence tagger (:mod:`softpower.extract.learned.tagger`) from annotated records.

Token labels are derived from gold records and the exact machinery (:func:`label_sentence`): a
token inside the span of a gold engagement is ``REC``; inside that span, the gazetteer mentions of
the gold actor are ``ACTOR``, those of a gold partner ``PARTNER``, a parsed sum equal to the gold
amount (same currency, within 1 %) ``AMOUNT``, a parsed year equal to the gold year ``DATE``, and
the gold programme name found verbatim in the span ``PROG``; every other token is ``O``. A token
claimed by two roles keeps the first of amount, date, actor, programme, partner (a state or region
inside the programme's name is part of the name; the actor is read there only when the span names it
nowhere else); those claims and
gold values that no parsed item of the span carries are counted (``meta.derivation``).

Sources: the development gold (``tests/data/extract/dev``), the seed gold (``../shared/corpus``,
skipped when absent) and the real-text corpus's training half
(:func:`softpower.extract.learned.data.real_train_gold`: the evaluation half is never opened).
Only sentences naming a state or group are tagged at run time, so only those are trained on.

``python -m softpower.extract.learned.tagger_train [--check]`` rebuilds ``tagger.json.gz`` from
``tagger.toml`` (both in ``softpower/data/extract_model``); ``make train`` runs it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from softpower.extract.learned.config import guarded, read_config, read_shipped
from softpower.extract.learned.tagger import INDEX, LABELS, Parsed, Tagger, features, parse, viterbi
from softpower.extract.sentences import split_sentences
from softpower.extract.text import read_source

REPO = Path(__file__).resolve().parents[4]
MODEL_DIR = REPO / "src" / "softpower" / "data" / "extract_model"
SHARED = REPO.parent / "shared"


@dataclass
class Example:
    """One tagged sentence: its id (``<source>:<doc>#<sentence>``), feature strings and labels."""

    id: str
    feats: list[list[str]]
    labels: list[str]


def label_sentence(p: Parsed, gold: list[dict[str, Any]], text: str, counts: Counter[str]) -> list[str]:
    """The labels of one parsed sentence from the gold engagements overlapping it (see the module
    docstring); ``counts`` collects how many labels were ambiguous or not found."""
    toks = p.toks
    labels = ["O"] * len(toks)
    for g in gold:
        a, b = max(int(g["span"][0]), p.start), min(int(g["span"][1]), p.end)
        if a >= b:
            continue
        counts["records"] += 1
        inside = [i for i, (s, e) in enumerate(toks) if s < b and a < e]
        for i in inside:
            if labels[i] == "O":
                labels[i] = "REC"
        claims: list[tuple[str, int, int]] = []
        if g.get("amount") is not None:
            hit = [
                m for m in p.money
                if a <= m.start < b and m.currency == g.get("currency")
                and abs(m.amount - float(g["amount"])) <= 0.01 * abs(float(g["amount"]))
            ]  # fmt: skip
            counts["amount"] += 1
            counts["amount not found"] += not hit
            counts["amount more than once"] += len(hit) > 1
            claims += [("AMOUNT", m.start, m.end) for m in hit]
        if g.get("year") is not None:
            ys = [y for y in p.years if a <= y.start < b and y.year == g["year"]]
            counts["year"] += 1
            counts["year not found"] += not ys
            claims += [("DATE", y.start, y.end) for y in ys]
        name = g.get("name")
        prog = (-1, -1)
        if name:
            at = text.find(str(name), a, b)
            counts["programme"] += 1
            counts["programme not found verbatim"] += at < 0
            if at >= 0:
                prog = (at, at + len(str(name)))

        def in_prog(m: Any, prog: tuple[int, int] = prog) -> bool:
            return prog[0] <= m.start and m.end <= prog[1]

        actor, partners = g.get("actor"), set(g.get("partners") or [])
        ments = [m for m in p.mentions if a <= m.start < b]
        act = [m for m in ments if actor is not None and m.iso == actor]
        if any(not in_prog(m) for m in act):
            act = [m for m in act if not in_prog(m)]  # the actor named outside the programme's name
        counts["actor"] += 1
        counts["actor not named in span"] += not act
        counts["actor named more than once"] += len(act) > 1
        claims += [("ACTOR", m.start, m.end) for m in act]
        if prog[0] >= 0:
            claims.append(("PROG", *prog))
        # a state or region inside the programme's name ("the Mekong Water Initiative") is part of the name
        part = [m for m in ments if m not in act and partners & set(m.codes) and not in_prog(m)]
        counts["partners"] += 1
        counts["no partner named in span"] += not part
        claims += [("PARTNER", m.start, m.end) for m in part]
        taken: set[int] = set()
        for role, s, e in claims:
            idx = [i for i in inside if toks[i][0] < e and s < toks[i][1]]
            clash = [i for i in idx if i in taken]
            counts["tokens claimed by two roles"] += len(clash)
            first = True
            for i in idx:
                if i in taken:
                    first = True
                    continue
                labels[i] = ("B-" if first else "I-") + role
                taken.add(i)
                first = False
    return labels


def gold_examples(
    source: str, texts: dict[str, tuple[str, int | None]], gold: list[dict[str, Any]], counts: Counter[str]
) -> list[Example]:
    """The tagged sentences naming a state or group of each document in ``texts`` (doc -> text,
    document year), labelled from its gold engagements."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        if g["kind"] == "engagement":
            by_doc.setdefault(str(g["doc"]), []).append(g)
    out: list[Example] = []
    for doc in sorted(texts):
        text, year = texts[doc]
        recs = by_doc.get(doc, [])
        for k, (s0, s1) in enumerate(split_sentences(text)):
            p = parse(text, s0, s1, year)
            if not p.mentions or not p.toks:
                continue
            mine = [g for g in recs if g["span"][0] < s1 and s0 < g["span"][1]]
            out.append(
                Example(f"{source}:{doc}#{k}", features(text, p), label_sentence(p, mine, text, counts))
            )
    return out


def _read(folder: Path, docs: list[str]) -> dict[str, tuple[str, int | None]]:
    out = {}
    for d in docs:
        src = read_source(folder / d)
        out[d] = (src.text, src.year)
    return out


def examples(cfg: dict[str, Any], shared: Path | None, counts: Counter[str] | None = None) -> list[Example]:
    """Every training sentence of the configured sources, in a fixed order."""
    from softpower.extract.learned import data as D

    counts = counts if counts is not None else Counter()
    data = cfg["data"]
    out: list[Example] = []
    dev = REPO / data["dev_gold"]
    gold = [json.loads(x) for x in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    docs = sorted({str(g["doc"]) for g in gold} | {p.name for p in dev.glob("*.txt")})
    out += gold_examples("gold-dev", _read(dev, [d for d in docs if (dev / d).exists()]), gold, counts)
    if shared is not None and data.get("seed_gold", True) and (shared / "corpus" / "seeds").is_dir():
        seeds = shared / "corpus" / "seeds"
        gfile = shared / "corpus" / "gold" / "seeds.jsonl"
        gold = [json.loads(x) for x in gfile.read_text(encoding="utf-8").splitlines() if x.strip()]
        docs = sorted({str(g["doc"]) for g in gold} | {p.name for p in seeds.glob("*.txt")})
        out += gold_examples(
            "gold-seed", _read(seeds, [d for d in docs if (seeds / d).exists()]), gold, counts
        )
    if data.get("real_gold"):
        folder = REPO / data["real_gold"]
        train, gold = D.real_train_gold(folder)
        out += gold_examples("gold-real", _read(folder / "docs", train), gold, counts)
    if int(data.get("aiddata_weak", 0)) > 0:
        out += weak_examples(int(data["aiddata_weak"]), counts)
    return out


def weak_examples(n: int, counts: Counter[str]) -> list[Example]:
    """Weak examples from AidData descriptions of the instrument model's **training split**
    (``splits/train.txt``: never its dev split, never an Indo-Pacific evaluation id): the first
    sentence states the project (a record with actor China, the coded recipients as partners and
    the coded year, amount and currency), later sentences state no act (weak negatives). ``n``
    descriptions, the first by SHA-256 of their id (no choice by content)."""
    import hashlib

    from softpower.extract.learned.data import read_table

    table = read_table(MODEL_DIR / "training" / "aiddata.csv.gz")
    train = _ids(MODEL_DIR / "splits" / "train.txt") - _ids(MODEL_DIR / "splits" / "aiddata_eval.txt")
    rows = table[table["id"].isin(train) & table["source"].isin(["aiddata-gcof", "aiddata-gcdf"])]
    rows = rows.assign(
        key=[hashlib.sha256(f"softpower-tagger-weak:{i}".encode()).hexdigest() for i in rows["id"]]
    )
    rows = rows.sort_values("key", kind="stable").head(n)
    out: list[Example] = []
    for r in rows.to_dict("records"):
        text, rid = str(r["text"]), str(r["id"])
        sents = split_sentences(text)
        if not sents:
            continue
        year = int(str(r["year"])) if r["year"] else None
        gold = {
            "doc": rid,
            "kind": "engagement",
            "span": list(sents[0]),
            "actor": "CHN",
            "partners": [c for c in str(r["recipients"]).split(";") if c],
            "year": year,
            "amount": float(str(r["amount"])) if r["amount"] else None,
            "currency": str(r["currency"]) or None,
            "name": None,
        }
        out += gold_examples("weak-aiddata", {rid: (text, year)}, [gold], counts)
    return out


def _ids(path: Path) -> set[str]:
    return {
        x.strip()
        for x in path.read_text(encoding="utf-8").splitlines()
        if x.strip() and not x.startswith("#")
    }


def triggers(exs: list[Example], min_count: int) -> frozenset[str]:
    """Words (lower-cased, alphabetic, three letters or more) inside annotated acts (``REC``
    tokens) in at least ``min_count`` training sentences: the cheap test's vocabulary."""
    seen: Counter[str] = Counter()
    for ex in exs:
        words = {
            f[0][2:] for f, lab in zip((fs[1:2] for fs in ex.feats), ex.labels, strict=True) if lab == "REC"
        }
        seen.update(w for w in words if w.isalpha() and len(w) >= 3)
    return frozenset(w for w, c in seen.items() if c >= min_count)


def fit(cfg: dict[str, Any], exs: list[Example]) -> Tagger:
    """Averaged structured perceptron over ``exs`` (``epochs`` passes in an order shuffled by
    ``seed``); features seen fewer than ``min_feature_count`` times are dropped."""
    params = cfg["model"]
    seed, epochs = int(cfg["seed"]), int(params["epochs"])
    counts: Counter[str] = Counter(f for ex in exs for fs in ex.feats for f in fs)
    names = sorted(f for f, c in counts.items() if c >= int(params["min_feature_count"]))
    index = {f: i for i, f in enumerate(names)}
    L = len(LABELS)
    rows = [
        [np.asarray([index[f] for f in fs if f in index], dtype=np.int64) for fs in ex.feats] for ex in exs
    ]
    gold = [np.asarray([INDEX[lab] for lab in ex.labels], dtype=np.int64) for ex in exs]
    W = np.zeros((len(names), L))
    U = np.zeros_like(W)  # the averaging trick: sum of c * update
    T = np.zeros((L, L))
    TU = np.zeros_like(T)
    S = np.zeros(L)
    SU = np.zeros_like(S)
    rng = np.random.default_rng(seed)
    c = 1
    for _ in range(epochs):
        for k in rng.permutation(len(exs)):
            feats, y = rows[k], gold[k]
            emit = np.stack([W[r].sum(axis=0) if len(r) else np.zeros(L) for r in feats])
            path, _ = viterbi(emit, T, S)
            z = np.asarray(path, dtype=np.int64)
            if not np.array_equal(z, y):
                for i in np.flatnonzero(z != y):
                    W[feats[i], y[i]] += 1.0
                    W[feats[i], z[i]] -= 1.0
                    U[feats[i], y[i]] += c
                    U[feats[i], z[i]] -= c
                for seq, sign in ((y, 1.0), (z, -1.0)):
                    S[seq[0]] += sign
                    SU[seq[0]] += sign * c
                    np.add.at(T, (seq[:-1], seq[1:]), sign)
                    np.add.at(TU, (seq[:-1], seq[1:]), sign * c)
            c += 1
    Wa, Ta, Sa = W - U / c, T - TU / c, S - SU / c
    keep = np.flatnonzero(np.abs(Wa).max(axis=1) >= float(params.get("prune", 0.0)))
    return Tagger(
        [names[i] for i in keep],
        np.round(Wa[keep], 4),
        np.round(Ta, 4),
        np.round(Sa, 4),
        triggers(exs, int(params["min_trigger"])),
        float(cfg["use"]["threshold"]),
        bool(cfg["use"]["enabled"]),
    )


def role_scores(tagger: Tagger, exs: list[Example]) -> dict[str, dict[str, float]]:
    """Span-level precision, recall and F1 of each role and of ``REC`` tokens (exact BIO spans)
    on ``exs``."""
    from softpower.extract.learned.tagger import ROLES, spans_of

    tally: dict[str, list[int]] = {r: [0, 0, 0] for r in (*ROLES, "REC")}  # tp, pred, gold
    for ex in exs:
        pred, _ = tagger.tag(ex.feats)
        for r in ROLES:
            g, p = set(spans_of(ex.labels, r)), set(spans_of(pred, r))
            tally[r][0] += len(g & p)
            tally[r][1] += len(p)
            tally[r][2] += len(g)
        g_rec = {i for i, lab in enumerate(ex.labels) if lab != "O"}
        p_rec = {i for i, lab in enumerate(pred) if lab != "O"}
        tally["REC"][0] += len(g_rec & p_rec)
        tally["REC"][1] += len(p_rec)
        tally["REC"][2] += len(g_rec)
    out = {}
    for r, (tp, np_, ng) in tally.items():
        pr, rc = (tp / np_ if np_ else 0.0), (tp / ng if ng else 0.0)
        out[r] = {
            "p": pr,
            "r": rc,
            "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0,
            "tp": tp,
            "pred": np_,
            "gold": ng,
        }
    return out


def build(cfg: dict[str, Any], shared: Path | None) -> Tagger:
    """The tagger of ``cfg`` with the label derivation's counts in its ``meta``."""
    counts: Counter[str] = Counter()
    exs = examples(cfg, shared, counts)
    tagger = fit(cfg, exs)
    tagger.meta = {
        "derivation": dict(sorted(counts.items())),
        "sentences": len(exs),
        "sentences_with_act": sum(any(lab != "O" for lab in ex.labels) for ex in exs),
        "seed_gold": shared is not None,
    }
    return tagger


def main(argv: list[str] | None = None) -> int:
    """The command line; a missing or malformed input file is one line on stderr and exit code 2."""
    return guarded("tagger_train", _main, argv)


def _main(argv: list[str] | None) -> int:
    ap = argparse.ArgumentParser(
        description="Rebuild the sequence tagger (tagger.json.gz) from tagger.toml and the annotated records.",
        epilog="example: python -m softpower.extract.learned.tagger_train --check",
    )
    ap.add_argument("--config", type=Path, default=MODEL_DIR / "tagger.toml")
    ap.add_argument(
        "--out", type=Path, default=None, help="folder for tagger.json.gz (default: beside the config)"
    )
    ap.add_argument("--check", action="store_true", help="rebuild into a temporary folder and compare bytes")
    args = ap.parse_args(argv)
    cfg = read_config(args.config)
    shipped = read_shipped(args.config.parent / "tagger.json.gz") if args.check else b""
    tagger = build(cfg, SHARED if SHARED.is_dir() else None)
    print(json.dumps(tagger.meta, sort_keys=True), file=sys.stderr)
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            tagger.save(Path(tmp) / "tagger.json.gz")
            same = (Path(tmp) / "tagger.json.gz").read_bytes() == shipped
        print("tagger.json.gz: identical" if same else "tagger.json.gz: DIFFERS from the shipped weights")
        return 0 if same else 1
    out = args.out or args.config.parent
    out.mkdir(parents=True, exist_ok=True)
    tagger.save(out / "tagger.json.gz")
    print(f"wrote {out / 'tagger.json.gz'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
