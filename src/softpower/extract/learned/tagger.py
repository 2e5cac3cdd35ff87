"""The sequence tagger: which tokens of a sentence state an act, and which are its roles.

A linear-chain model over the tokens of one sentence with the labels :data:`LABELS`: ``REC``
(inside the span of a stated engagement) and BIO spans of its roles ``ACTOR``, ``PARTNER``,
``AMOUNT``, ``DATE`` and ``PROG`` (a named programme). It is trained as an averaged structured
perceptron (Collins 2002) by :mod:`softpower.extract.learned.tagger_train` and decoded here with
numpy Viterbi; the weights ship as gzipped JSON (``extract_model/tagger.json.gz``, no pickle).

The tagger never invents a value: a token it tags ``ACTOR`` or ``PARTNER`` is mapped to a state or
group through the gazetteer mention under it (:func:`softpower.extract.entities.find_mentions`), an
``AMOUNT`` through the money parser (:func:`softpower.extract.money.find_money`), a ``DATE`` through
the year parser (:func:`softpower.extract.years.find_years`). What it adds is *where*: which sentence
states an act and which of the sentence's names, sums and years belong to it.

Use (:func:`propose`): a sentence the rules left without an engagement or a perception, that names
a state or group, states no hedge and holds a trigger word (a word seen inside annotated acts at
least ``min_trigger`` times in training: the cheap test, a set lookup per token), is tagged; where
the best labelling beats the all-``O`` labelling by ``threshold`` (in perceptron score units) and
tags an actor (or the rules found one) and a partner (or the rules found one), it becomes an
engagement whose instrument the instrument model then decides
(:func:`softpower.extract.learned.apply.refine`).

References
----------
Collins, M. (2002). Discriminative training methods for hidden Markov models: theory and
experiments with perceptron algorithms. *EMNLP 2002*, 1-8.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from softpower.extract.entities import DONORS, Mention, find_mentions
from softpower.extract.money import Money, find_money
from softpower.extract.years import YearSpan, find_years

ROLES = ("ACTOR", "PARTNER", "AMOUNT", "DATE", "PROG")
LABELS: tuple[str, ...] = ("O", "REC", *(f"{p}-{r}" for r in ROLES for p in ("B", "I")))
INDEX = {lab: i for i, lab in enumerate(LABELS)}

_TOKEN = re.compile(r"\w+(?:[.,'’&-]\w+)*|[^\w\s]")
_LIST_ITEM = re.compile(r"\s*(?:[-•*·◦▪■]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
_HEDGE = re.compile(
    r"(?i)\b(?:would|could|might|should|may|will|plans? to|intends? to|hop(?:es?|ing)|seeks? to|aims? to"
    r"|expected|if|unless|whether|not|never|no)\b"
)


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The tokens of ``text[start:end]`` as absolute (start, end) spans: words (with inner
    ``.,'&-``: "1.5", "U.S.", "Japan-ASEAN") and single punctuation marks."""
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word[:12]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@dataclass
class Parsed:
    """What the exact machinery finds in one sentence (absolute spans)."""

    start: int
    end: int
    toks: list[tuple[int, int]]
    mentions: list[Mention]
    money: list[Money]
    years: list[YearSpan]


def parse(
    text: str, start: int, end: int, doc_year: int | None, mentions: list[Mention] | None = None
) -> Parsed:
    """Tokens, gazetteer mentions, sums of money and years of ``text[start:end]``."""
    ments = mentions if mentions is not None else find_mentions(text, start, end)
    return Parsed(
        start,
        end,
        tokens(text, start, end),
        [m for m in ments if start <= m.start and m.end <= end],
        find_money(text, start, end),
        [y for y in find_years(text, start, end, doc_year) if y.year is not None],
    )


def _cover(toks: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[str]:
    """For each token: ``B<tag>`` / ``I<tag>`` of the first span it lies in, else ``""``."""
    out = [""] * len(toks)
    j = 0
    for s, e, tag in sorted(spans):
        while j < len(toks) and toks[j][1] <= s:
            j += 1
        k = j
        first = True
        while k < len(toks) and toks[k][0] < e:
            if not out[k]:
                out[k] = ("B" if first else "I") + tag
            first = False
            k += 1
    return out


def _gaz_tag(m: Mention) -> str:
    who = "d" if m.iso in DONORS else ("s" if m.iso else "g")
    return f"{who}{m.kind[:3]}{'p' if m.possessive else ''}"


def features(text: str, p: Parsed) -> list[list[str]]:
    """The feature strings of each token of a parsed sentence: the word lower-cased, its shape,
    prefix and suffix, the gazetteer, money, year and number tags of the exact parsers (with their
    B/I position), the token's position in the sentence, list-item, heading, hedge, money and year
    flags of the sentence, and the words and tags of the neighbouring tokens."""
    toks = p.toks
    n = len(toks)
    words = [text[a:b] for a, b in toks]
    low = [w.lower() for w in words]
    gaz = _cover(toks, [(m.start, m.end, _gaz_tag(m)) for m in p.mentions])
    fig = _cover(toks, [(m.start, m.end, "m") for m in p.money] + [(y.start, y.end, "y") for y in p.years])
    for i, w in enumerate(words):
        if not fig[i] and w[:1].isdigit():
            fig[i] = "n"
    sent = text[p.start : p.end]
    flags = ["S:li"] if _LIST_ITEM.match(text, p.start) or _LIST_ITEM.match(sent) else []
    if sent.rstrip()[-1:] not in (".", "!", "?", '"', "”", ")"):
        flags.append("S:hd")
    if _HEDGE.search(sent):
        flags.append("S:hg")
    if p.money:
        flags.append("S:m")
    if p.years:
        flags.append("S:y")
    if sent.rstrip().endswith("?"):
        flags.append("S:q")
    first_ment = p.mentions[0].start if p.mentions else -1
    out: list[list[str]] = []
    for i in range(n):
        w = low[i]
        f = ["b", f"w={w}", f"s={_shape(words[i])}", f"p3={w[:3]}", f"x3={w[-3:]}", *flags]
        f.append(f"pos={min(i, 3)}")
        f.append(f"rel={5 * i // max(n, 1)}")
        if gaz[i]:
            f += [f"g={gaz[i]}", f"gk={gaz[i][1:]}", f"gp={gaz[i][0]}"]
            if toks[i][0] >= first_ment and first_ment >= 0 and gaz[i][0] == "B" and toks[i][0] == first_ment:
                f.append("g1st")
        if fig[i]:
            f.append(f"f={fig[i]}")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d:+d}={low[j]}")
                if gaz[j]:
                    f.append(f"g{d:+d}={gaz[j][1:]}")
                if fig[j]:
                    f.append(f"f{d:+d}={fig[j][1:] if len(fig[j]) > 1 else fig[j]}")
            else:
                f.append(f"w{d:+d}=<s>" if j < 0 else f"w{d:+d}=</s>")
        if i > 0:
            f.append(f"w-1|w={low[i - 1]}|{w}")
        out.append(f)
    return out


def _allowed() -> np.ndarray:
    """``allowed[a, b]``: label ``b`` may follow label ``a`` (an I- tag only continues its role)."""
    n = len(LABELS)
    ok = np.ones((n, n), dtype=bool)
    for b, lab in enumerate(LABELS):
        if lab.startswith("I-"):
            role = lab[2:]
            for a, prev in enumerate(LABELS):
                ok[a, b] = prev in (f"B-{role}", f"I-{role}")
    return ok


ALLOWED = _allowed()
START_OK = np.array([not lab.startswith("I-") for lab in LABELS])


def viterbi(emit: np.ndarray, trans: np.ndarray, start: np.ndarray) -> tuple[list[int], float]:
    """The best label sequence for emission scores ``emit`` (tokens x labels) under transition
    scores ``trans`` (previous x next) and start scores ``start``, with invalid BIO transitions
    excluded; and its score."""
    n, L = emit.shape
    if n == 0:
        return [], 0.0
    t = np.where(ALLOWED, trans, -np.inf)
    score = np.where(START_OK, start + emit[0], -np.inf)
    back = np.zeros((n, L), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + t
        back[i] = np.argmax(cand, axis=0)
        score = cand[back[i], np.arange(L)] + emit[i]
    best = int(np.argmax(score))
    path = [best]
    for i in range(n - 1, 0, -1):
        best = int(back[i, best])
        path.append(best)
    path.reverse()
    return path, float(np.max(score))


@dataclass
class Tagger:
    """Weights of the tagger and its use policy.

    ``weights`` is (features x labels), ``trans`` (labels x labels), ``start`` (labels);
    ``triggers`` the words of the cheap test; ``threshold`` the score margin over the all-``O``
    labelling at which a sentence is proposed; ``enabled``: whether the pipeline uses it."""

    feature_names: list[str]
    weights: np.ndarray
    trans: np.ndarray
    start: np.ndarray
    triggers: frozenset[str]
    threshold: float = 0.0
    enabled: bool = False
    meta: dict[str, Any] = field(default_factory=dict)
    #: the proposed record's span: ``tagged`` (first to last tagged token) or ``sentence``
    span: str = "tagged"
    #: a proposal also needs the recall model's probability of its sentence at or above this (0: not asked)
    min_recall: float = 0.0
    #: a proposal needs a tagged ``ACTOR`` or ``PARTNER`` span (not only ``REC`` tokens)
    need_role: bool = False

    def __post_init__(self) -> None:
        self._index = {f: i for i, f in enumerate(self.feature_names)}

    def emissions(self, feats: list[list[str]]) -> np.ndarray:
        idx = self._index
        out = np.zeros((len(feats), len(LABELS)))
        for i, fs in enumerate(feats):
            rows = [idx[f] for f in fs if f in idx]
            if rows:
                out[i] = self.weights[rows].sum(axis=0)
        return out

    def tag(self, feats: list[list[str]]) -> tuple[list[str], float]:
        """The labels of one sentence's tokens and the margin of the best labelling over the
        all-``O`` one."""
        emit = self.emissions(feats)
        path, best = viterbi(emit, self.trans, self.start)
        if not path:
            return [], 0.0
        o = INDEX["O"]
        if all(k == o for k in path):
            return ["O"] * len(path), 0.0
        none = float(self.start[o] + emit[:, o].sum() + self.trans[o, o] * (len(path) - 1))
        return [LABELS[k] for k in path], best - none

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "softpower-tagger-1",
            "labels": list(LABELS),
            "features": self.feature_names,
            "weights": [[round(float(x), 4) for x in row] for row in self.weights],
            "trans": [[round(float(x), 4) for x in row] for row in self.trans],
            "start": [round(float(x), 4) for x in self.start],
            "triggers": sorted(self.triggers),
            "meta": self.meta,
        }

    def save(self, path: Path) -> None:
        """Write the weight file (gzipped JSON, byte-reproducible)."""
        body = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":")).encode("utf-8")
        with path.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(body)

    @classmethod
    def from_dict(cls, d: dict[str, Any], threshold: float = 0.0, enabled: bool = False) -> Tagger:
        if d.get("format") != "softpower-tagger-1" or tuple(d["labels"]) != LABELS:
            raise ValueError("tagger weights: expected format softpower-tagger-1 with this module's labels")
        return cls(
            list(d["features"]),
            np.asarray(d["weights"], dtype=np.float64).reshape(-1, len(LABELS)),
            np.asarray(d["trans"], dtype=np.float64),
            np.asarray(d["start"], dtype=np.float64),
            frozenset(d["triggers"]),
            threshold,
            enabled,
            dict(d.get("meta", {})),
        )


CONFIG = "extract_model/tagger.toml"
WEIGHTS = "extract_model/tagger.json.gz"


@cache
def load_tagger() -> Tagger | None:
    """The shipped tagger with its policy (``tagger.toml``: ``enabled``, ``threshold``), or ``None``
    when the package holds no tagger weights."""
    base = resources.files("softpower.data")
    try:
        raw = base.joinpath(WEIGHTS).read_bytes()
        cfg = tomllib.loads(base.joinpath(CONFIG).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    use = cfg.get("use", {})
    tagger = Tagger.from_dict(
        json.loads(gzip.decompress(raw)), float(use.get("threshold", 0.0)), bool(use.get("enabled", False))
    )
    tagger.span = str(use.get("span", "tagged"))
    tagger.min_recall = float(use.get("min_recall", 0.0))
    tagger.need_role = bool(use.get("need_role", False))
    return tagger


def spans_of(labels: list[str], role: str) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of the BIO spans of ``role``."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(labels):
        if labels[i] == f"B-{role}":
            j = i + 1
            while j < len(labels) and labels[j] == f"I-{role}":
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _under(items: list[Any], a: int, b: int) -> list[Any]:
    return [m for m in items if m.start < b and a < m.end]


def read_roles(p: Parsed, labels: list[str]) -> dict[str, Any]:
    """The values the tagged roles of a sentence resolve to through the exact parsers: ``actor``
    (ISO3 of the first state under an ``ACTOR`` span), ``partners`` (codes under ``PARTNER`` spans),
    ``money`` (the first sum under an ``AMOUNT`` span), ``year`` (the first year under a ``DATE``
    span), ``span`` (first to last token not tagged ``O``)."""
    toks = p.toks

    def chars(role: str) -> list[tuple[int, int]]:
        return [(toks[i][0], toks[j - 1][1]) for i, j in spans_of(labels, role)]

    actor = None
    for a, b in chars("ACTOR"):
        hit = [m for m in _under(p.mentions, a, b) if m.iso]
        if hit:
            actor = hit[0].iso
            break
    partners: list[str] = []
    for a, b in chars("PARTNER"):
        for m in _under(p.mentions, a, b):
            partners += [c for c in m.codes if c != actor and c not in partners]
    money = next((m for a, b in chars("AMOUNT") for m in _under(p.money, a, b)), None)
    year = next((y for a, b in chars("DATE") for y in _under(p.years, a, b)), None)
    inside = [i for i, lab in enumerate(labels) if lab != "O"]
    span = (toks[inside[0]][0], toks[inside[-1]][1]) if inside else None
    return {"actor": actor, "partners": partners, "money": money, "year": year, "span": span}


def admits(tagger: Tagger, text: str, toks: list[tuple[int, int]]) -> bool:
    """The cheap test: a trigger word among the tokens."""
    trig = tagger.triggers
    return any(text[a:b].lower() in trig for a, b in toks)


def propose(
    doc: str,
    text: str,
    sentences: list[Any],
    tagger: Tagger,
    doc_year: int | None,
    named: dict[str, tuple[int, int]] | None = None,
    records: list[dict[str, Any]] | None = None,
    recall: Any = None,
) -> list[dict[str, Any]]:
    """Engagements for the sentences (:class:`softpower.extract.learned.apply.SentenceInfo`) the
    rules left without a record and in which none of ``records`` (the learned step's output:
    the rules' records and the act and recall models' proposals) starts, where the tagger marks an
    act (margin at or above its threshold) whose actor and partner resolve; each proposed
    sentence's ``has_record`` is set. The instrument is left to the instrument model."""
    from bisect import bisect_left

    from softpower.extract.engagements import make_record
    from softpower.extract.learned.apply import _partners, _real

    starts = sorted(r["span"][0] for r in records or [] if r["kind"] != "indicator")
    cands: list[tuple[Any, dict[str, Any], str, list[str], float]] = []
    for info in sentences:
        s = info.sent
        if info.has_record or info.level or not s.mentions or s.end - s.start > 1500:
            continue
        k = bisect_left(starts, s.start)
        if k < len(starts) and starts[k] < s.end:
            continue  # an act of the learned step starts in it
        toks = tokens(text, s.start, s.end)
        if not admits(tagger, text, toks) or not _real(text, s.start, s.end):
            continue
        p = Parsed(
            s.start,
            s.end,
            toks,
            list(s.mentions),
            find_money(text, s.start, s.end),
            [y for y in s.years if y.year is not None],
        )
        labels, margin = tagger.tag(features(text, p))
        if margin < tagger.threshold:
            continue
        if tagger.need_role and not any(lab[2:] in ("ACTOR", "PARTNER") for lab in labels):
            continue
        roles = read_roles(p, labels)
        actor = roles["actor"] or s.actor
        if actor is None or roles["span"] is None:
            continue
        partners = [c for c in roles["partners"] if c != actor] or _partners(s, actor, named or {})
        if partners:
            cands.append((info, roles, actor, partners, margin))
    if cands and tagger.min_recall > 0 and recall is not None:
        p_rec = recall.probability_in(text, [(c[0].sent.start, c[0].sent.end) for c in cands])
        cands = [c for c, pr in zip(cands, p_rec, strict=True) if pr >= tagger.min_recall]
    out: list[dict[str, Any]] = []
    for info, roles, actor, partners, margin in cands:
        money, year = roles["money"], roles["year"]
        span = (info.sent.start, info.sent.end) if tagger.span == "sentence" else roles["span"]
        rec = make_record(
            doc,
            "engagement",
            text,
            span,
            actor=actor,
            partners=partners,
            instrument=None,
            year=year.year if year is not None else None,
            year_end=year.year_end if year is not None else None,
            amount=money.amount if money is not None else None,
            currency=money.currency if money is not None else None,
        )
        rec["_p_act"] = 1.0 / (1.0 + math.exp(-min(margin, 30.0) / 10.0))
        info.has_record = True
        out.append(rec)
    return out
