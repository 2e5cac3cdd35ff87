"""Scoring the extractor on AidData project descriptions against AidData's own coding.

The **Indo-Pacific AidData descriptions** are evaluation-only: GCOF 1.0 projects whose
recipients include an Indo-Pacific state (:data:`INDO_PACIFIC`) and GCDF 3.0 high-value
projects in the "Asia" and "Oceania" regions. Their ids are frozen in
``softpower/data/extract_model/splits/aiddata_eval.txt``; the training builder refuses every
one of them. The reference instrument is the importer's mapping (``docs/data-mapping.md``):
:func:`softpower.ledger.importers.tuff.instrument_of` for GCOF and
:func:`softpower.ledger.importers.gcdf.instrument_by_sector` for GCDF.

Metrics (fixed before any learned model was trained; see ``docs/extract.md``):

* the **primary record** of a description is its first engagement with actor CHN that has
  an amount, else its first CHN engagement, else its first engagement;
* **instrument macro-F1**: the primary record's instrument against the reference, macro over
  the reference classes present; a description without an engagement counts as wrong
  (predicted ``"none"``); **no-engagement rate**: share of descriptions without one;
* **actor+recipient**: the primary record has actor CHN and a partner among the coded
  recipients (all descriptions);
* **year**: where the commitment year is written in the description, the primary record's year;
* **amount+currency**: where the description states the coded amount (the exact money
  parser finds it, within 1 %, in the coded currency; GCOF only: GCDF gives no nominal
  amount), the primary record's amount (within 1 %) and currency.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.extract.money import find_money

#: Indo-Pacific recipients: the list of ``../shared/data/README.md`` (Southeast Asia, South
#: Asia, Mongolia, Timor-Leste) plus the members of the ``PIC`` group (Pacific Island countries).
INDO_PACIFIC = frozenset(
    [
        "BRN",
        "KHM",
        "IDN",
        "LAO",
        "MYS",
        "MMR",
        "PHL",
        "SGP",
        "THA",
        "VNM",
        "TLS",
        "IND",
        "BGD",
        "LKA",
        "PAK",
        "NPL",
        "MNG",
        "MDV",
        "BTN",
        "WSM",
        "COK",
        "NRU",
        "FJI",
        "TON",
        "NIU",
        "PNG",
        "SLB",
        "TUV",
        "KIR",
        "VUT",
        "FSM",
        "MHL",
        "PLW",
    ]
)
GCOF_FILE = Path("data/aiddata_gcof_v1/GlobalChineseOfficialFinanceDataset_v1.0.csv")
GCDF_FILE = Path("data/aiddata_gcdf3_partial/gcdf3_high_value_oda_oof_projects.csv")
EVAL_REGIONS = ("Asia", "Oceania")
SPLITS = "extract_model/splits"

Predictor = Callable[[str, str], list[dict[str, Any]]]


def load_descriptions(shared: Path) -> pd.DataFrame:
    """Every GCOF 1.0 and GCDF 3.0 high-value project description with AidData's coding.

    Columns: ``id`` (``gcof:<project_id>`` / ``gcdf:<AidData Record ID>``), ``source``, ``text``
    (the description), ``title``, ``recipients`` (ISO3 list), ``year``, ``amount``, ``currency``,
    ``usd`` (nominal USD, GCOF), ``instrument`` (reference), ``flow``, ``sector``, ``indo_pacific``.
    """
    from softpower.ledger.importers._base import resolve_names
    from softpower.ledger.importers.gcdf import instrument_by_sector
    from softpower.ledger.importers.tuff import instrument_of

    g = pd.read_csv(shared / GCOF_FILE, low_memory=False)
    rec = [[c.strip() for c in str(v).split(";") if c.strip()] for v in g["recipient_iso3"].fillna("")]
    gcof = pd.DataFrame(
        {
            "id": "gcof:" + g["project_id"].astype(str),
            "source": "gcof",
            "text": g["description"].fillna("").astype(str),
            "title": g["title"].fillna("").astype(str),
            "recipients": rec,
            "year": pd.to_numeric(g["year"], errors="coerce"),
            "amount": pd.to_numeric(g["amount"], errors="coerce"),
            "currency": g["currency"].fillna("").astype(str).str.strip().str.upper(),
            "usd": pd.to_numeric(g["usd_current"], errors="coerce"),
            "instrument": instrument_of(g["flow"], g["flow_class"], g["crs_sector_name"], g["title"]),
            "flow": g["flow"].fillna("").astype(str),
            "sector": g["crs_sector_name"].fillna("").astype(str),
            "indo_pacific": [bool(INDO_PACIFIC & set(r)) for r in rec],
        }
    )
    h = pd.read_csv(shared / GCDF_FILE)
    iso = resolve_names(h["Recipient"]).tolist()
    loan = h["Flow Type Simplified"].fillna("").str.strip().eq("Loan").to_numpy()
    gcdf = pd.DataFrame(
        {
            "id": "gcdf:" + h["AidData Record ID"].astype(str),
            "source": "gcdf",
            "text": h["Description"].fillna("").astype(str).str.replace("\r", " "),
            "title": h["Title"].fillna("").astype(str),
            "recipients": [[c] if isinstance(c, str) and c else [] for c in iso],
            "year": pd.to_numeric(h["Commitment Year"], errors="coerce"),
            "amount": np.nan,
            "currency": "",
            "usd": np.nan,
            "instrument": instrument_by_sector(h["Sector Name"], loan),
            "flow": h["Flow Type Simplified"].fillna("").astype(str),
            "sector": h["Sector Name"].fillna("").astype(str),
            "indo_pacific": h["Recipient Region"].isin(EVAL_REGIONS).to_numpy(),
        }
    )
    out = pd.concat([gcof, gcdf], ignore_index=True)
    return out[out["text"].str.strip().ne("")].reset_index(drop=True)


def split_ids(name: str) -> list[str]:
    """The ids of a committed split file (``aiddata_eval``, ``train``, ``dev`` ...), one per line."""
    path = resources.files("softpower.data").joinpath(f"{SPLITS}/{name}.txt")
    return [x for x in path.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]


def eval_ids() -> frozenset[str]:
    """The frozen evaluation-only ids (Indo-Pacific AidData descriptions)."""
    return frozenset(split_ids("aiddata_eval"))


def primary(records: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The record a description is scored on (see the module doc)."""
    eng = [r for r in records if r.get("kind") == "engagement"]
    chn = [r for r in eng if r.get("actor") == "CHN"]
    for group in ([r for r in chn if r.get("amount") is not None], chn, eng):
        if group:
            return group[0]
    return None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and not np.isnan(b) and abs(a - b) <= 0.01 * abs(b)


def amount_stated(text: str, amount: float, currency: str, usd: float) -> bool:
    """True when the exact money parser finds the coded amount in the text (within 1 %)."""
    for m in find_money(text, 0, len(text)):
        if (m.currency == currency and _close(m.amount, amount)) or (
            m.currency == "USD" and _close(m.amount, usd)
        ):
            return True
    return False


@dataclass
class EvalResult:
    """Scores on one set of descriptions (fractions in [0, 1]) and per-description predictions."""

    n: int
    instrument_macro_f1: float
    instrument_accuracy: float
    no_engagement: float
    actor_recipient: float
    year: float
    year_n: int
    amount_currency: float
    amount_n: int
    per_class: dict[str, float]
    predictions: pd.DataFrame
    ece: float = float("nan")

    def summary(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "instrument_macro_f1": round(self.instrument_macro_f1, 4),
            "instrument_accuracy": round(self.instrument_accuracy, 4),
            "no_engagement": round(self.no_engagement, 4),
            "actor_recipient": round(self.actor_recipient, 4),
            "year": round(self.year, 4),
            "year_n": self.year_n,
            "amount_currency": round(self.amount_currency, 4),
            "amount_n": self.amount_n,
            "per_class_f1": {k: round(v, 4) for k, v in self.per_class.items()},
            "confidence_ece": round(self.ece, 4),
        }


def score(frame: pd.DataFrame, predict: Predictor) -> EvalResult:
    """Run ``predict(doc, text)`` on every description of ``frame`` and score it (module doc)."""
    from sklearn.metrics import f1_score

    rows = []
    items: list[dict[Any, Any]] = frame.to_dict("records")
    for row in items:
        text = str(row["text"])
        recs = predict(str(row["id"]), text)
        p = primary(recs)
        year = int(row["year"]) if row["year"] == row["year"] else None
        year_written = year is not None and re.search(rf"\b{year}\b", text) is not None
        stated = row["source"] == "gcof" and amount_stated(
            text, float(row["amount"]), str(row["currency"]), float(row["usd"])
        )
        amount_ok = False
        if p is not None and stated and p.get("amount") is not None:
            amount_ok = (p["currency"] == row["currency"] and _close(p["amount"], row["amount"])) or (
                p["currency"] == "USD" and _close(p["amount"], row["usd"])
            )
        rows.append(
            {
                "id": row["id"],
                "gold": row["instrument"],
                "pred": p["instrument"] if p is not None and p.get("instrument") else "none",
                "engagement": p is not None,
                "actor_recipient": p is not None
                and p.get("actor") == "CHN"
                and bool(set(p.get("partners") or []) & set(row["recipients"])),
                "year_written": year_written,
                "year_ok": p is not None and year_written and p.get("year") == year,
                "amount_stated": stated,
                "amount_ok": amount_ok,
                "confidence": p.get("confidence") if p is not None else None,
            }
        )
    pred = pd.DataFrame(rows)
    labels = sorted(set(pred["gold"]))
    per = f1_score(pred["gold"], pred["pred"], labels=labels, average=None, zero_division=0)
    yw, st = pred["year_written"], pred["amount_stated"]
    return EvalResult(
        n=len(pred),
        instrument_macro_f1=float(np.mean(per)),
        instrument_accuracy=float((pred["gold"] == pred["pred"]).mean()),
        no_engagement=float((~pred["engagement"]).mean()),
        actor_recipient=float(pred["actor_recipient"].mean()),
        year=float(pred.loc[yw, "year_ok"].mean()) if yw.any() else float("nan"),
        year_n=int(yw.sum()),
        amount_currency=float(pred.loc[st, "amount_ok"].mean()) if st.any() else float("nan"),
        amount_n=int(st.sum()),
        per_class=dict(zip(labels, map(float, per), strict=True)),
        predictions=pred,
        ece=expected_calibration_error(pred),
    )


def expected_calibration_error(pred: pd.DataFrame, bins: int = 10) -> float:
    """ECE of the primary records' ``confidence`` against instrument correctness (equal-width bins).

    References
    ----------
    Guo, C., Pleiss, G., Sun, Y., & Weinberger, K. Q. (2017). On calibration of modern neural
    networks. *ICML*.
    """
    if "confidence" not in pred:
        return float("nan")
    have = pred[pred["confidence"].notna()]
    if have.empty:
        return float("nan")
    conf = have["confidence"].astype(float).to_numpy()
    right = (have["gold"] == have["pred"]).to_numpy(dtype=float)
    return calibration_error(conf, right, bins)


def calibration_error(conf: np.ndarray, right: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width bins: the record-weighted |share right - mean
    confidence| (NaN without records)."""
    if not len(conf):
        return float("nan")
    idx = np.minimum((np.asarray(conf) * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            total += sel.sum() * abs(float(np.mean(conf[sel])) - float(np.mean(right[sel])))
    return float(total / len(conf))


def _near(a: Any, b: Any, rel: float = 0.0, absolute: float = 0.0) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= max(absolute, rel * abs(y))


def _matches(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if (g["doc"], g["kind"], g["actor"]) != (p["doc"], p["kind"], p["actor"]):
        return False
    if not set(g["partners"] or []) & set(p["partners"] or []):
        return False
    if g["kind"] == "engagement" and g["instrument"] != p["instrument"]:
        return False
    if g["kind"] == "perception" and (
        g["measure"] != p["measure"]
        or (g["value"] is not None and not _near(p["value"], g["value"], absolute=0.005))
    ):
        return False
    if g["kind"] == "indicator" and g["value"] is not None and not _near(p["value"], g["value"], rel=0.01):
        return False
    if g["year"] is not None and p["year"] != g["year"]:
        return False
    if g["amount"] is not None and (
        p["currency"] != g["currency"] or not _near(p["amount"], g["amount"], rel=0.01)
    ):
        return False
    return p["span"][0] < g["span"][1] and g["span"][0] < p["span"][1]


def strict_pairs(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[set[int], set[int]]:
    """The strict one-to-one matching (nearest span first): the indices of the matched gold
    records and of the matched predicted records."""
    pairs = sorted(
        (abs(g["span"][0] - p["span"][0]), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if _matches(g, p)
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return used_g, used_p


def strict_score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Strict F1 per kind as ``../shared/tools/score_records.py`` computes it: same document, kind,
    actor, an overlapping partner, instrument/measure/value, year and amount where the gold gives
    them, and overlapping spans; one-to-one matching, nearest span first."""
    used_g, _ = strict_pairs(gold, pred)
    out = {}
    for kind in ("all", "engagement", "indicator", "perception"):
        g_n = sum(1 for g in gold if kind in ("all", g["kind"]))
        p_n = sum(1 for p in pred if kind in ("all", p["kind"]))
        tp = sum(1 for i in used_g if kind in ("all", gold[i]["kind"]))
        prec, rec = (tp / p_n if p_n else 0.0), (tp / g_n if g_n else 0.0)
        out[kind] = {
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "tp": tp,
            "gold": g_n,
            "pred": p_n,
        }
    return out
