"""The shipped weights (package data ``softpower/data/extract_model/``) and their decision policy."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from softpower.extract.learned.model import TextClassifier

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
#: agreement", "infrastructure project", "invest"): under ``finance_like`` the model may replace them
GENERIC = frozenset({"diplomatic_framework", "investment_promotion"})
#: words that make a sentence about development finance ("finance-like"): money, aid, lending, gifts
FINANCE_LIKE = re.compile(
    r"(?i)(?:\$|US\$|USD|RMB|CNY|¥|€|£|\b(?:loans?|grants?|credits?|lend\w*|lent|donat\w+|aid|assistance"
    r"|fund(?:s|ed|ing)?|financ\w+|scholarships?|gifts?|handed over|provided|concessional|interest-free|preferential"
    r"|buyer'?s|exim\w*|yuan|renminbi|dollars?|million|billion)\b)"
)


@dataclass
class Models:
    """The instrument and act models with the thresholds chosen on the frozen dev split."""

    instrument: TextClassifier
    act: TextClassifier
    act_threshold: float
    policy: str
    min_probability: float
    kind_precision: dict[str, float] = field(default_factory=dict)
    calibration: tuple[list[float], list[float]] | None = None
    #: a document without any engagement gets its most probable act sentence at or above this
    fallback_threshold: float | None = None
    #: the instrument model reads the record's sentence and the act-free sentences after it, up to this many characters
    context_chars: int = 0

    def calibrate(self, raw: float) -> float:
        """An engagement's raw score mapped to the probability that its instrument is right (the
        isotonic map fitted on the frozen dev split; identity without one)."""
        if self.calibration is None:
            return raw
        return float(np.interp(raw, self.calibration[0], self.calibration[1]))

    def act_probability(self, texts: list[str]) -> np.ndarray:
        proba = self.act.predict_proba(texts)
        col = int(np.flatnonzero(self.act.classes_ == "1")[0])
        out: np.ndarray = proba[:, col]
        return out

    def instrument_proba(self, texts: list[str]) -> np.ndarray:
        return self.instrument.predict_proba(texts)

    def may_change(self, rule: str | None, context: str = "") -> bool:
        """Whether the instrument model is consulted for a record whose rule instrument is ``rule``
        and whose sentence is ``context``."""
        if rule is None or self.policy == "model":
            return True
        if self.policy == "finance_like":
            return rule in FINANCE or (rule in GENERIC and FINANCE_LIKE.search(context) is not None)
        return self.policy == "finance" and rule in FINANCE

    def use_model(self, rule: str, model: str, p: float, context: str = "") -> bool:
        """Whether the model's instrument replaces the rule's (``policy``, see the model card)."""
        if self.policy == "rules":
            return False
        if self.policy == "model":
            return p >= self.min_probability
        if self.policy == "finance_like":
            # the model decides among development-finance instruments wherever the sentence is about
            # finance, whatever the rule's instrument ("signed an agreement ... a $20 million grant")
            return model in FINANCE and p >= self.min_probability and self.may_change(rule, context)
        # "finance": the model decides among development-finance instruments only
        return rule in FINANCE and model in FINANCE and p >= self.min_probability


@lru_cache(maxsize=1)
def load_models() -> Models | None:
    """The shipped models, or ``None`` when the package holds no weights (then the rules decide)."""
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
        (meta["calibration"]["x"], meta["calibration"]["y"]) if meta.get("calibration") else None,
        None if policy.get("fallback_threshold") is None else float(policy["fallback_threshold"]),
        int(policy.get("context_chars", 0)),
    )
