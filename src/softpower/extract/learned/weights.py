"""The shipped weights (package data ``softpower/data/extract_model/``) and their decision policy."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import numpy as np

from softpower.extract.learned.fields import FieldModel, load_fields
from softpower.extract.learned.model import TextClassifier
from softpower.extract.learned.recall import Recall, load_recall

MODEL_DIR = "extract_model"
#: Instruments the AidData coding can state: the instrument model decides among these.
FINANCE = frozenset(
    {
        "oda_loan",
        "oda_grant",
        "health_cooperation",
        "disaster_cooperation",
        "technical_cooperation",
        "people_exchange",
        "cultural_institution",
    }
)


#: rule instruments whose cues are generic words that also open finance statements ("signed an
#: agreement", "infrastructure project", "invest"): under ``finance_like`` the model may replace
#: them (a contribution to a fund stays one: "donated $970 million to the trust fund")
GENERIC = frozenset({"diplomatic_framework", "investment_promotion"})
#: AidData's residual class: its coding gives ``oda_grant`` to every official flow that is neither
#: lending nor in a sector with a class of its own (``ledger.importers.tuff.instrument_of``)
RESIDUAL = "oda_grant"
#: development-finance classes the rules read on a word that decides that coding whatever else the
#: text says: a loan ("interest-free loan", "preferential loan") is a loan in any sector, and a health
#: cue ("anti-malaria drugs", "medical equipment", "hospital") names the sector that outranks a grant.
#: The model's residual class does not replace them (``keep_deciding``); its other classes do, as
#: before (a health cue in a loan-financed hospital's description is a loan). Not disaster relief: its
#: rule class is often a money verb's purpose ("provided $10 million to assist reconstruction in
#: cyclone-devastated areas", which the seed gold codes as a grant; x18a)
DECIDING = frozenset({"oda_loan", "health_cooperation"})
#: rule instruments outside development finance whose own cue is a finance word (a contribution to a
#: named fund: "donated $970 million to the trust fund"): a finance-like context says nothing against
#: them, so ``outside_floor`` leaves them to the rules
FINANCE_CUED = frozenset({"fund_contribution"})
#: the finance words of security assistance ("military aid", "Official Security Assistance grant aid",
#: "Foreign Military Financing", "defense gear", funded "policing support"): a security record whose context names them is left
#: to the rules as a fund contribution is, since the aid or grant word there is the security act's form
SECURITY_FINANCE = re.compile(
    r"(?i)\bmilitary (?:aid|assistance|financing)\b|\bsecurity assistance\b|\bdefen[cs]e (?:gear|articles)\b"
    r"|\bpolic(?:ing|e) (?:support|assistance|partnership|program(?:me)?s?)\b"
)
#: an agreement or memorandum on a field's cooperation ("signed an agreement on customs cooperation"): the
#: framework is the act, so a short document's whole reading does not turn it into that field's aid
COOPERATION_AGREEMENT = re.compile(
    r"(?i)\b(?:agreements?|memorand\w+|MoUs?)\s+(?:on|for)\s+(?:[\w-]+\s+){0,4}?cooperation\b"
)
#: words that make a sentence about development finance ("finance-like"): money, aid, lending, gifts,
#: and what aid pays for (building, training, medical teams, debt relief: "signed an agreement for
#: China to build two schools" is a grant, not a diplomatic framework)
FINANCE_LIKE = re.compile(
    r"(?i)(?:\$|US\$|USD|RMB|CNY|¥|€|£|\b(?:loans?|grants?|credits?|lend\w*|lent|donat\w+|aid|assistance(?!\s+missions?\b)"
    r"|fund(?:s|ed|ing)?|financ\w+|scholarships?|gifts?|handed over|provided|concessional|interest-free|preferential"
    r"|buyer'?s|exim\w*|yuan|renminbi|dollars?|million|billion"
    r"|construct\w*|build\w*|rebuil\w*|medical teams?|train\w*|debts?|EPC)\b)"
)


#: features of the confidence calibrator, in this order (:func:`calibration_features`)
CAL_FEATURES = (
    *("logit_model", "logit_model_above_even", "rule_engagement", "indicator", "perception"),
    *("world", "amount", "year", "first_of_kind"),
)


def calibration_features(record: dict[str, Any], raw: float | None, first: bool) -> list[float]:
    """What the confidence calibrator reads of one final record: for an engagement whose
    instrument a model decided, the logit of ``raw`` (the model's probability of the instrument,
    times the act probability for a proposed act; ``None`` where no model decided), with its own
    slope above even odds; else whether it is a rule engagement, an indicator or a perception;
    whether its partner is only ``WORLD``; whether it states an amount and a year; and whether it is
    the first record of its kind in its document (``first``, :func:`first_of_kind`: a document's
    first act is more often its news than the background after it). Nothing of the document's
    length: a length term (round 8) read every record of a long essay as doubtful (the seed essays
    fell from 0.858 to 0.57 at a cut of 0.15)."""
    kind = record.get("kind")
    model = kind == "engagement" and raw is not None
    z = 0.0
    if model:
        p = min(max(float(raw or 0.0), 1e-4), 1 - 1e-4)
        z = float(np.log(p / (1 - p)))
    return [
        z,
        max(z, 0.0),
        float(kind == "engagement" and not model),
        float(kind == "indicator"),
        float(kind == "perception"),
        float(list(record.get("partners") or []) == ["WORLD"]),
        float(record.get("amount") is not None),
        float(record.get("year") is not None),
        float(first),
    ]


def first_of_kind(records: list[dict[str, Any]]) -> list[bool]:
    """For each record (in text order), whether it is the first of its kind in its document."""
    seen: set[tuple[Any, Any]] = set()
    out = []
    for r in records:
        key = (r.get("doc"), r.get("kind"))
        out.append(key not in seen)
        seen.add(key)
    return out


@dataclass
class Calibrator:
    """Logistic map from :func:`calibration_features` to the probability that the record matches
    the annotation (Platt scaling with a few covariates; fitted by ``make train``)."""

    coef: list[float]
    intercept: float

    @cached_property
    def _coef(self) -> np.ndarray:
        return np.asarray(self.coef, dtype=np.float64)  # the array np.dot would make of the list each call

    def __call__(self, features: list[float]) -> float:
        z = self.intercept + float(np.dot(self._coef, features))
        return float(1.0 / (1.0 + np.exp(-z)))


@dataclass
class Models:
    """The instrument and act models with the thresholds chosen on the frozen dev split."""

    instrument: TextClassifier
    act: TextClassifier
    act_threshold: float
    policy: str
    min_probability: float
    kind_precision: dict[str, float] = field(default_factory=dict)
    calibration: Calibrator | None = None
    #: a document without any engagement gets its most probable act sentence at or above this
    fallback_threshold: float | None = None
    #: the instrument model reads the record's sentence and the act-free sentences after it, up to this many characters
    context_chars: int = 0
    #: ``followers`` (the act-free sentences after the record's) or ``paragraph`` (also those before it)
    context_scope: str = "followers"
    #: training only: leave the model score on each record (``_model_raw``) for fitting the calibrator
    keep_raw: bool = False
    #: where the fallback's document names no other state: ``costed`` (only a sentence stating an
    #: amount goes to ``WORLD``) or ``donor`` (also an uncosted act whose actor is a donor power)
    fallback_world: str = "costed"
    #: whole-document reading of generic records: in a document of at most this many characters (one
    #: project's description; 0: never), a record whose rule instrument is generic and whose context
    #: has no finance word takes the development-finance class the model reads on the *whole document*
    #: when that reaches ``document_floor`` ("China and Kenya signed 15 agreements" in a description of
    #: a loan-financed road); elsewhere such a record keeps the rule's instrument
    document_chars: int = 0
    document_floor: float = 0.5
    #: ``weaker``: in a document of at most ``document_chars`` characters (one project's description)
    #: whose engagements all join one actor to the same partners, an engagement the policy lets the model
    #: decide takes the development-finance class the model reads on the whole document when that
    #: reaches ``min_probability`` and exceeds the record's own probability of its instrument (read on
    #: the record's context); ``none``: never (:func:`softpower.extract.learned.apply._instruments`)
    document_override: str = "none"
    #: a record whose rule instrument lies outside development finance and the generic classes (a
    #: military activity, a security agreement, science cooperation: read by the rules on a cue word
    #: such as "drill", "police", "laboratories"; not a fund contribution, :data:`FINANCE_CUED`) takes the model's development-finance class
    #: where its context is finance-like and the model reads that class on it at or above this
    #: probability; 0: never (such records keep the rules' class)
    outside_floor: float = 0.0
    #: ``True``: an act the learned step proposes starts from the instrument the rules' cue table reads
    #: in its sentence (:func:`softpower.extract.learned.apply._cue_instrument`; "the ASEAN-Australia-New
    #: Zealand Free Trade Area will enter into force" is a trade agreement), which the policy then lets
    #: the model replace as it does a rule record's; ``False``, or a sentence without a cue or with only
    #: a generic one: the model alone decides its instrument
    propose_cue: bool = False
    #: ``True``: under ``finance_like`` the model's residual class (:data:`RESIDUAL`) does not replace a
    #: rule instrument of :data:`DECIDING`, neither on the record's context nor on a short document's
    #: whole reading (``document_override``). Off as shipped: it gains on AidData's region folds and
    #: loses matched records on the real-text grouped CV (x18a, docs/extract.md "Round 17")
    keep_deciding: bool = False
    #: the recall model of running text (:mod:`softpower.extract.learned.recall`; x11r): a sentence
    #: with an actor and a partner that the rules left without an act is proposed at its threshold
    recall: Recall | None = None
    #: the field step (:mod:`softpower.extract.learned.fields`; x11f): actor, partners and year
    #: chosen among candidates by trained rankers, applied last
    fields: FieldModel | None = None

    def confidence(self, record: dict[str, Any], raw: float | None, first: bool) -> float:
        """A final record's confidence: the calibrated probability that it matches the annotation
        (see :class:`Calibrator`). ``raw`` is the model score (``None`` where no model decided the
        record). Without a calibration: ``raw``, else the kind's development-gold precision."""
        if self.calibration is None:
            return float(raw) if raw is not None else self.kind_precision.get(str(record.get("kind")), 0.5)
        return self.calibration(calibration_features(record, raw, first))

    def act_probability(self, texts: list[str]) -> np.ndarray:
        proba = self.act.predict_proba(texts)
        col = int(np.flatnonzero(self.act.classes_ == "1")[0])
        out: np.ndarray = proba[:, col]
        return out

    def instrument_proba(self, texts: list[str]) -> np.ndarray:
        return self.instrument.predict_proba(texts)

    def may_change(self, rule: str | None, context: str = "", doc_chars: int = 0) -> bool:
        """Whether the instrument model is consulted for a record whose rule instrument is ``rule``,
        whose sentence is ``context``, in a document of ``doc_chars`` characters."""
        if rule is None or self.policy == "model":
            return True
        if self.policy == "finance_like":
            if rule in FINANCE:
                return True
            if rule not in GENERIC and not self.outside_floor > 0:
                return False
            # the context's finance words are looked for once (both tests below ask)
            finance = FINANCE_LIKE.search(context) is not None
            return (rule in GENERIC and (finance or self.reads_document(rule, context, doc_chars))) or (
                self.outside_floor > 0
                and rule not in FINANCE_CUED
                and finance
                and not (rule == "security_agreement" and SECURITY_FINANCE.search(context))
            )
        return self.policy == "finance" and rule in FINANCE

    def overrides(self, doc_chars: int) -> bool:
        """Whether the whole-document reading may replace the instruments of a document of
        ``doc_chars`` characters (``document_override``)."""
        return (
            self.policy == "finance_like"
            and self.document_override == "weaker"
            and 0 < doc_chars <= self.document_chars
        )

    def reads_document(self, rule: str | None, context: str, doc_chars: int) -> bool:
        """Whether the record is decided on the whole document (``document_chars``): a generic rule
        instrument, no finance word in its context, a short document, policy ``finance_like``."""
        return (
            self.policy == "finance_like"
            and 0 < doc_chars <= self.document_chars
            and rule in GENERIC
            and FINANCE_LIKE.search(context) is None
            and COOPERATION_AGREEMENT.search(context) is None
        )

    def use_model(self, rule: str, model: str, p: float, context: str = "", doc_chars: int = 0) -> bool:
        """Whether the model's instrument replaces the rule's (``policy``, see the model card)."""
        if self.policy == "rules":
            return False
        if self.policy == "model":
            return p >= self.min_probability
        if self.policy == "finance_like":
            # the model decides among development-finance instruments wherever the sentence is about
            # finance, whatever the rule's instrument ("signed an agreement ... a $20 million grant")
            if self.reads_document(rule, context, doc_chars):
                # ``p`` is the whole document's reading (apply._instruments), at its own floor
                return model in FINANCE and p >= self.document_floor
            if self.keep_deciding and rule in DECIDING and model == RESIDUAL:
                return False  # "handed over anti-malaria drugs", "gave ... a CNY 40 million loan": the cue decides
            floor = self.min_probability if rule in FINANCE or rule in GENERIC else self.outside_floor
            return model in FINANCE and p >= floor and self.may_change(rule, context)
        # "finance": the model decides among development-finance instruments only
        return rule in FINANCE and model in FINANCE and p >= self.min_probability


@lru_cache(maxsize=2)
def load_models(fields: bool = True) -> Models | None:
    """The shipped models, or ``None`` when the package holds no weights (then the rules decide).
    ``fields=False``: without the field step (its trainer extracts with the step off)."""
    base = resources.files("softpower.data").joinpath(MODEL_DIR)
    try:
        meta = json.loads(base.joinpath("metrics.json").read_text(encoding="utf-8"))
        instrument = TextClassifier.load_bytes(base.joinpath("instrument.json.gz").read_bytes())
        act = TextClassifier.load_bytes(base.joinpath("act.json.gz").read_bytes())
    except FileNotFoundError:
        return None
    policy = meta["policy"]
    return Models(
        instrument,
        act,
        float(policy["act_threshold"]),
        str(policy["instrument"]),
        float(policy["min_probability"]),
        {k: float(v) for k, v in meta.get("kind_precision", {}).items()},
        (
            Calibrator(
                [float(c) for c in meta["calibration"]["coef"]], float(meta["calibration"]["intercept"])
            )
            if "coef" in meta.get("calibration", {})
            else None
        ),
        None if policy.get("fallback_threshold") is None else float(policy["fallback_threshold"]),
        int(policy.get("context_chars", 0)),
        str(policy.get("context_scope", "followers")),
        fallback_world=str(policy.get("fallback_world", "costed")),
        document_chars=int(policy.get("document_chars", 0)),
        document_floor=float(policy.get("document_floor", 0.5)),
        document_override=str(policy.get("document_override", "none")),
        outside_floor=float(policy.get("outside_floor", 0.0)),
        propose_cue=bool(policy.get("propose_cue", False)),
        recall=load_recall(),
        fields=load_fields() if fields else None,
    )
