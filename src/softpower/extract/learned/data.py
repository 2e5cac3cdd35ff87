"""Training data of the learned extractor: sources, units and splits.

Sources (each row keeps its provenance in ``source``):

* ``aiddata`` — AidData GCOF 1.0 and GCDF 3.0 high-value project descriptions **outside** the
  frozen evaluation set (``splits/aiddata_eval.txt``), labelled with AidData's flow/sector coding
  mapped to instruments as the importers do; plus AidData AIMS project titles (Nepal, Timor-Leste,
  Bangladesh) whose AidData sector is health or humanitarian/emergency (the other AIMS rows do not
  say loan or grant, so they carry no instrument label); the description rows' titles are kept
  (``title``) as extra instrument units (:func:`title_units`). ODC-By 1.0: the derived table is
  committed (``training/aiddata.csv.gz``, attribution in ``training/ATTRIBUTION.md``) and rebuilt
  from ``../shared`` by :func:`build_aiddata_table`.
* ``gold-dev`` — the development gold (``tests/data/extract/dev``, in the repository).
* ``gold-seed`` — the seed gold; read from ``../shared/corpus`` at training time (the essays stay
  there), skipped when ``../shared`` is absent.
* ``koica`` — KOICA project names with their modality (KOICA licence unknown: never committed;
  read from ``../shared`` only when the configuration asks for it).

The held-out gold (``tests/data/extract/heldout``) is never used for training.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.extract.evaluate import eval_ids, load_descriptions
from softpower.extract.learned.model import SENTENCE_SEP
from softpower.extract.sentences import split_sentences

AIMS_FILES = (
    "nepal_aims_v1.4.1__projects.csv",
    "timor_leste_aims_v1.4.1__projects.csv",
    "bangladesh_select_donors_v1.1.1__projects.csv",
)
KOICA_FILE = Path("data/aiddata_koica_korea_projects_2009/Korea_KOICA_Project_Database_2009.csv")
TABLE_COLUMNS = [
    "id",
    "source",
    "text",
    "instrument",
    "recipients",
    "year",
    "amount",
    "currency",
    "usd",
    "title",
]


def build_aiddata_table(shared: Path) -> pd.DataFrame:
    """AidData rows allowed for training (never an evaluation id), sorted by id."""
    frozen = eval_ids()
    desc = load_descriptions(shared)
    desc = desc[~desc["id"].isin(frozen)]
    desc = desc.assign(
        source="aiddata-" + desc["source"],
        recipients=[";".join(r) for r in desc["recipients"]],
        year=desc["year"].map(lambda v: "" if v != v else str(int(v))),
        amount=desc["amount"].map(lambda v: "" if v != v else repr(float(v))),
        usd=desc["usd"].map(lambda v: "" if v != v else repr(float(v))),
    )
    rows = [desc[TABLE_COLUMNS]]
    from softpower.ledger.importers.aims import instrument_of as aims_instrument

    folder = shared / "data" / "aiddata_geocoded_aims_indo_pacific"
    for name in AIMS_FILES:
        a = pd.read_csv(folder / name, dtype=str)
        instr = aims_instrument(a["ad_sector_names"])
        keep = (instr != "oda_grant") & a["project_title"].fillna("").str.strip().ne("")
        stem = name.split("__")[0]
        rows.append(
            pd.DataFrame(
                {
                    "id": f"aims:{stem}:" + a.loc[keep, "project_id"].astype(str),
                    "source": "aiddata-aims",
                    "text": a.loc[keep, "project_title"].str.strip(),
                    "instrument": instr[keep.to_numpy()],
                    "recipients": a.loc[keep, "recipients_iso3"].fillna("").str.replace("|", ";"),
                    "year": "",
                    "amount": "",
                    "currency": "",
                    "usd": "",
                    "title": "",  # the text is the title
                }
            )
        )
    out = pd.concat(rows, ignore_index=True).drop_duplicates("id")
    assert not set(out["id"]) & frozen, "an evaluation id reached the training table"
    return out.sort_values("id", kind="stable").reset_index(drop=True)


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Gzipped CSV with ``mtime=0`` (same rows, same bytes)."""
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    with path.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def read_table(path: Path) -> pd.DataFrame:
    """The committed training table, all columns as text."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def as_descriptions(table: pd.DataFrame) -> pd.DataFrame:
    """Table rows in the column types :func:`softpower.extract.evaluate.score` expects."""
    out = table[table["source"].isin(["aiddata-gcof", "aiddata-gcdf"])].copy()
    out["source"] = out["source"].str.removeprefix("aiddata-")
    out["recipients"] = [[c for c in r.split(";") if c] for r in out["recipients"]]
    for col in ("year", "amount", "usd"):
        out[col] = pd.to_numeric(out[col], errors="coerce")
    return out.reset_index(drop=True)


def koica_rows(shared: Path) -> pd.DataFrame:
    """KOICA project names with the importer's modality → instrument mapping (not committed)."""
    from softpower.ledger.importers.koica import MODALITY

    k = pd.read_csv(shared / KOICA_FILE, low_memory=False, dtype=str)
    mod = k["type_of_cooperation"].fillna("").str.strip()
    instr = mod.map(MODALITY)
    dac = k["dac"].fillna("").str.upper()
    instr = instr.where(~((dac == "EMERGENCY RESPONSE") & (instr == "oda_grant")), "disaster_cooperation")
    name = k["project_name"].fillna("").str.strip()
    keep = instr.notna() & name.ne("")
    out = pd.DataFrame(
        {
            "id": "koica:" + k.loc[keep, "id"].astype(str),
            "source": "koica",
            "text": name[keep],
            "instrument": instr[keep],
        }  # fmt: skip
    )
    return out.drop_duplicates(["text", "instrument"]).sort_values("id", kind="stable")


def gold_sentences(texts: dict[str, str], gold: list[dict[str, object]], source: str) -> pd.DataFrame:
    """One row per sentence of each gold document: ``act`` (an engagement's span starts in it) and
    the instrument of its first engagement ("" when none)."""
    rows = []
    by_doc: dict[str, list[dict[str, object]]] = {}
    for r in gold:
        by_doc.setdefault(str(r["doc"]), []).append(r)
    for doc in sorted(texts):
        text = texts[doc]
        recs = sorted(
            (r for r in by_doc.get(doc, []) if r["kind"] == "engagement"),
            key=lambda r: r["span"][0],  # type: ignore[index]
        )
        for i, (s0, s1) in enumerate(split_sentences(text)):
            inside = [r for r in recs if s0 <= r["span"][0] < s1]  # type: ignore[index]
            rows.append(
                {
                    "id": f"{source}:{doc}#{i}",
                    "source": source,
                    "text": text[s0:s1],
                    "instrument": str(inside[0]["instrument"] or "") if inside else "",
                    "act": int(bool(inside)),
                }
            )
    return pd.DataFrame(rows, columns=["id", "source", "text", "instrument", "act"])


def load_gold(folder: Path, gold_file: Path, source: str) -> pd.DataFrame:
    gold = [json.loads(x) for x in gold_file.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs = {str(r["doc"]) for r in gold} | {p.name for p in folder.glob("*.txt")}
    texts = {d: (folder / d).read_text(encoding="utf-8") for d in docs if (folder / d).exists()}
    return gold_sentences(texts, gold, source)


def description_units(table: pd.DataFrame) -> pd.DataFrame:
    """AidData descriptions as sentences: the first states the act (``act`` 1, with the project's
    instrument); later sentences (status, cost, follow-up notes) are weak negatives (``act`` 0)."""
    rows = []
    for rid, src, text, instr in table[["id", "source", "text", "instrument"]].itertuples(index=False):
        if src == "aiddata-aims" or src == "koica":
            rows.append((rid, src, text, instr, -1))  # a title: instrument only
            continue
        for i, (s0, s1) in enumerate(split_sentences(text)):
            rows.append((f"{rid}#{i}", src, text[s0:s1], instr if i == 0 else "", int(i == 0)))
    return pd.DataFrame(rows, columns=["id", "source", "text", "instrument", "act"])


def first_sentence(text: str) -> str:
    """The first sentence of a text (the whole text when it has none)."""
    spans = split_sentences(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def with_sentence(context: str, sentence: str) -> str:
    """One input text of a model with a sentence block (``TextClassifier(sentence_ngrams=...)``):
    the context the record is read with and the record's own sentence."""
    return context + SENTENCE_SEP + sentence


def title_units(table: pd.DataFrame) -> pd.DataFrame:
    """The AidData titles of description rows as instrument units (source ``aiddata-title``, ``act``
    -1): a title names what the project is ("China provides 30 scholarships to Ghanaian students",
    "Chinese Government provides RMB 20 million interest-free loan"), in fewer, denser words than
    its description. Same projects and labels as the descriptions; never an evaluation id."""
    docs = table[table["source"].isin(["aiddata-gcof", "aiddata-gcdf"]) & table["title"].str.strip().ne("")]
    return pd.DataFrame(
        {
            "id": docs["id"] + "#title",
            "source": "aiddata-title",
            "text": docs["title"].str.strip(),
            "instrument": docs["instrument"],
            "act": -1,
        }  # fmt: skip
    )


def make_splits(ids: list[str], dev_share: float, seed: int) -> tuple[list[str], list[str]]:
    """Train and dev ids: a seeded permutation of the sorted ids, the first ``dev_share`` to dev."""
    ordered = sorted(ids)
    perm = np.random.default_rng(seed).permutation(len(ordered))
    n_dev = int(round(dev_share * len(ordered)))
    dev = sorted(ordered[i] for i in perm[:n_dev])
    train = sorted(ordered[i] for i in perm[n_dev:])
    return train, dev


def families(ids: list[str], titles: list[str], texts: list[str], similarity: float) -> list[str]:
    """The project family of each description: descriptions are joined (transitively) when their
    titles are the same once digits, punctuation and case are dropped ("14th Chinese medical team",
    "15th Chinese medical team"), or when their descriptions' TF-IDF cosine (word unigrams,
    sublinear tf, fitted on these texts) is at least ``similarity`` (the boilerplate of a series:
    "China has been sending medical teams to Zimbabwe every two years since 1985 ..."). A family is
    named by its smallest id."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    order = sorted(range(len(ids)), key=ids.__getitem__)
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            # the member that sorts first by id is the root: the name does not depend on row order
            first, second = sorted((ra, rb), key=ids.__getitem__)
            parent[second] = first

    seen: dict[str, int] = {}
    for i in order:
        key = " ".join(re.findall(r"[a-z]+", titles[i].lower()))
        if key:
            if key in seen:
                join(seen[key], i)
            else:
                seen[key] = i
    mat = TfidfVectorizer(sublinear_tf=True, dtype=np.float64).fit_transform(texts)
    sim = (mat @ mat.T).tocoo()
    near = (sim.data >= similarity) & (sim.row < sim.col)
    for a, b in zip(sim.row[near].tolist(), sim.col[near].tolist(), strict=True):
        join(a, b)
    return [ids[root(i)] for i in range(len(ids))]


def family_folds(docs: pd.DataFrame, similarity: float, seed: int, k: int) -> np.ndarray:
    """The fold (``0..k-1``) of each AidData description in ``docs`` (columns ``id``, ``title``,
    ``text``): whole project families (:func:`families`) sorted by name, shuffled with ``seed`` and
    dealt round-robin into ``k`` folds. One assignment for every grouped split of the descriptions
    (the benchmark's grouped CV and the training-label pruning of ``train.noisy_descriptions``)."""
    fam = families(docs["id"].tolist(), docs["title"].tolist(), docs["text"].tolist(), similarity)
    names = sorted(set(fam))
    order = np.random.default_rng(seed).permutation(len(names))
    fold_of = {names[j]: i % k for i, j in enumerate(order)}
    return np.asarray([fold_of[f] for f in fam])


#: The training-side regions of AidData's own region fields (GCOF 1.0 ``recipient_region``, GCDF 3.0
#: ``Recipient Region``), with the two datasets' names joined: GCDF "America" is Latin America and the
#: Caribbean, GCDF "Europe" and GCOF "Central and Eastern Europe" are Europe; GCOF "Asia" and "The
#: Pacific" rows outside the Indo-Pacific evaluation set (Central Asia, the Caucasus, Afghanistan, North
#: Korea, Australia and New Zealand) are "Asia and Pacific outside the Indo-Pacific".
REGION_NAMES = {
    "Africa": "Africa",
    "America": "Latin America and Caribbean",
    "Latin America and the Caribbean": "Latin America and Caribbean",
    "Europe": "Europe",
    "Central and Eastern Europe": "Europe",
    "Middle East": "Middle East",
    "Asia": "Asia and Pacific outside the Indo-Pacific",
    "The Pacific": "Asia and Pacific outside the Indo-Pacific",
    "Oceania": "Asia and Pacific outside the Indo-Pacific",
}


def aiddata_regions(shared: Path) -> dict[str, str]:
    """The region (:data:`REGION_NAMES`) of every GCOF 1.0 and GCDF 3.0 description id, read from the
    datasets' own region field in ``shared`` (the committed training table keeps recipients only)."""
    from softpower.extract.evaluate import GCDF_FILE, GCOF_FILE

    g = pd.read_csv(shared / GCOF_FILE, low_memory=False, usecols=["project_id", "recipient_region"])
    h = pd.read_csv(shared / GCDF_FILE, usecols=["AidData Record ID", "Recipient Region"])
    out: dict[str, str] = {}
    for prefix, ids, regions in (
        ("gcof:", g["project_id"], g["recipient_region"]),
        ("gcdf:", h["AidData Record ID"], h["Recipient Region"]),
    ):
        for i, r in zip(ids.astype(str), regions.fillna(""), strict=True):
            if r:
                out[prefix + i] = REGION_NAMES[str(r)]
    return out


def region_folds(
    docs: pd.DataFrame, regions: dict[str, str], similarity: float
) -> list[tuple[str, list[str], list[str]]]:
    """Leave-one-region-out folds of AidData descriptions (``docs``: ``id``, ``title``, ``text``):
    for each region (sorted), ``(region, held-out ids, training ids)``. The held-out ids are the
    region's descriptions; the training ids are the other regions' descriptions **except** members of
    a project family (:func:`families`) that reaches into the held-out region, so no near-copy of a
    held-out description is trained on. A description without a region raises ``KeyError``."""
    ids = docs["id"].tolist()
    fam = families(ids, docs["title"].tolist(), docs["text"].tolist(), similarity)
    reg = [regions[i] for i in ids]
    out = []
    for name in sorted(set(reg)):
        touched = {f for f, r in zip(fam, reg, strict=True) if r == name}
        held = [i for i, r in zip(ids, reg, strict=True) if r == name]
        train = [i for i, f in zip(ids, fam, strict=True) if f not in touched]
        out.append((name, held, train))
    return out


def make_grouped_splits(
    ids: list[str], groups: list[str], dev_share: float, seed: int
) -> tuple[list[str], list[str]]:
    """Train and dev ids with every group on one side: a seeded permutation of the sorted group
    names; groups go to dev in that order until dev holds ``dev_share`` of the ids."""
    members: dict[str, list[str]] = {}
    for i, g in zip(ids, groups, strict=True):
        members.setdefault(g, []).append(i)
    names = sorted(members)
    perm = np.random.default_rng(seed).permutation(len(names))
    target = int(round(dev_share * len(ids)))
    dev: list[str] = []
    for k in perm:
        if len(dev) >= target:
            break
        dev += members[names[k]]
    chosen = set(dev)
    return sorted(i for i in ids if i not in chosen), sorted(dev)


def real_train_units(folder: Path) -> pd.DataFrame:
    """Sentences of the real-text corpus's **training half** only (``split.json`` side ``train``),
    labelled from its hand-annotated gold like the other gold sentences (source ``gold-real``).

    The evaluation half (side ``eval``) is never read: neither its documents nor its gold lines.
    """
    train, gold = real_train_gold(folder)
    texts = {d: (folder / "docs" / d).read_text(encoding="utf-8") for d in train}
    return gold_sentences(texts, gold, "gold-real")


def real_train_gold(folder: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """The real-text corpus's training-half documents (sorted names) and their gold records, in file
    order; the evaluation half's gold lines are skipped, its documents never opened."""
    split = json.loads((folder / "split.json").read_text(encoding="utf-8"))
    train, held = set(split["train"]), set(split["eval"])
    if train & held:
        raise ValueError(f"{folder / 'split.json'}: documents on both sides: {sorted(train & held)}")
    gold = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec["doc"] in train:
                gold.append(rec)
    return sorted(train), gold


def negative_units(path: Path) -> pd.DataFrame:
    """Training units from a file of sentences that state no act (source ``negative``, ``act`` 0):
    one sentence a line, blank lines and ``#`` comments skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    neg = [x.strip() for x in lines if x.strip() and not x.startswith("#")]
    return pd.DataFrame(
        {
            "id": [f"negative:{i}" for i in range(len(neg))],
            "source": "negative",
            "text": neg,
            "instrument": "",
            "act": 0,
        }
    )


def decision_files(folder: Path) -> list[Path]:
    """The review-decision files (``softpower-review/1``, ``*.jsonl``) of a folder, in name order."""
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def decision_units(paths: list[Path]) -> pd.DataFrame:
    """Training units from review decisions (source ``review``), the last decision per record.

    * an accepted or corrected **engagement** → its quote is an act (``act`` 1) with the final
      instrument (the correction where the analyst changed it);
    * a corrected record that is no longer an engagement, and a rejected record of any kind → its
      quote states no act (``act`` 0, no instrument);
    * accepted indicators and perceptions teach neither model (they have no instrument and are
      not acts).

    A bad file raises :class:`softpower.errors.InputError` naming the file, line and field.
    """
    from softpower.extract.review import read_decisions

    latest: dict[str, dict[str, object]] = {}
    for p in paths:
        for d in read_decisions(p):
            latest.pop(d["key"], None)
            latest[d["key"]] = d | {"file": p.name}
    rows = []
    for key, d in latest.items():
        record = d["record"]
        final = d["final"]
        assert isinstance(record, dict) and isinstance(final, dict)
        quote = record.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            continue
        uid = f"review:{d['file']}:{key}"
        if d["decision"] != "reject" and final.get("kind") == "engagement":
            rows.append((uid, "review", quote, str(final.get("instrument") or ""), 1))
        elif d["decision"] == "reject" or record.get("kind") == "engagement":
            rows.append((uid, "review", quote, "", 0))
    return pd.DataFrame(rows, columns=["id", "source", "text", "instrument", "act"])
