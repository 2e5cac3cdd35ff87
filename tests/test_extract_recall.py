"""The recall model of running text (softpower.extract.learned.recall) and its step in apply.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from softpower.extract.learned.model import TextClassifier
from softpower.extract.learned.recall import (
    MODEL_DIR,
    REBUILD_TOLERANCE,
    SHARED,
    delexicalise,
    load_recall,
    main,
    rebuild_gap,
)
from softpower.extract.learned.weights import load_models
from softpower.extract.pipeline import extract_text


class _Fixed:
    """A recall model that reads every sentence as an act with probability ``p``."""

    def __init__(
        self,
        p: float,
        threshold: float = 0.7,
        bare_threshold: float | None = None,
        bare_act_floor: float = 0.0,
    ) -> None:
        self.p = p
        self.threshold = threshold
        self.bare_threshold = bare_threshold
        self.bare_act_floor = bare_act_floor

    def probability(self, texts: list[str]) -> list[float]:
        return [self.p] * len(texts)

    def probability_in(self, text: str, spans: list[tuple[int, int]]) -> list[float]:
        return [self.p] * len(spans)


def _engagements(
    text: str, p: float, bare_threshold: float | None = None, bare_act_floor: float = 0.0
) -> list[tuple[str, list[str], int | None]]:
    models = load_models()
    assert models is not None
    # the document fallback off (it proposes a one-sentence document's only sentence at act
    # probability 0.1, a boundary that moves with each retrain of the act model): the recall step alone
    recall = _Fixed(p, bare_threshold=bare_threshold, bare_act_floor=bare_act_floor)
    models = replace(models, recall=recall, fallback_threshold=None)  # type: ignore[arg-type]
    recs = extract_text("t.txt", text, 2020, learned=models)
    return [(r["actor"], r["partners"], r["year"]) for r in recs if r["kind"] == "engagement"]


@pytest.mark.parametrize(
    ("text", "actor", "partner", "year"),
    [
        ("Australian volunteers worked alongside Fijian nurses throughout 2016.", "AUS", "FJI", 2016),
        ("Korean engineers spent 2017 rebuilding the harbour wall of Apia in Samoa.", "KOR", "WSM", 2017),
    ],
)
def test_the_recall_model_adds_an_act_the_rules_miss_when_its_sentence_states_a_figure(
    text: str, actor: str, partner: str, year: int
) -> None:
    assert _engagements(text, 0.0) == []  # the rules and the act model alone miss it
    assert _engagements(text, 0.9) == [(actor, [partner], year)]
    assert _engagements(text, 0.69) == []  # below the threshold


@pytest.mark.parametrize(
    "text",
    [
        "Australian volunteers worked alongside Fijian nurses.",
        "The Chinese side took charge of the Tonga stadium works.",
    ],
)
def test_without_a_bare_threshold_the_recall_model_proposes_no_sentence_without_an_amount_or_a_year(
    text: str,
) -> None:
    assert _engagements(text, 0.99) == []


@pytest.mark.parametrize(
    ("text", "actor", "partner"),
    [
        ("Australian volunteers worked alongside Fijian nurses.", "AUS", "FJI"),
        ("The Chinese side took charge of the Tonga stadium works.", "CHN", "TON"),
    ],
)
def test_a_sentence_without_a_figure_is_proposed_at_the_bare_threshold(
    text: str, actor: str, partner: str
) -> None:
    assert _engagements(text, 0.0, bare_threshold=0.65) == []  # the rules and the act model alone miss it
    # the year is the document's (2020): the sentence states none
    assert _engagements(text, 0.66, bare_threshold=0.65) == [(actor, [partner], 2020)]
    assert _engagements(text, 0.64, bare_threshold=0.65) == []  # below the bare threshold
    # not scored where the act model reads the sentence below the floor (a probability is at most 1)
    assert _engagements(text, 0.99, bare_threshold=0.65, bare_act_floor=1.01) == []


def test_a_lead_into_a_list_without_a_figure_is_not_proposed_at_the_bare_threshold() -> None:
    text = "Australian volunteers did this work with Fijian nurses:"
    assert _engagements(text, 0.99, bare_threshold=0.65) == []


def test_delexicalise_keeps_the_shape_of_a_sentence_and_drops_its_names_and_figures() -> None:
    want = "xdonorx will give xmoneyx to xstatex in xyearx for xnumx schools."
    out = delexicalise("Japan will give $5 million to Laos in 2024 for 3 schools.")
    assert out.split() == want.split(" ")
    want = "xgroupx ministers met the xdonorx envoy in xyearx and signed xnumx accords."
    out = delexicalise("ASEAN ministers met the Korean envoy in 1999 and signed 12 accords.")
    assert out.split() == want.split(" ")


def test_the_shipped_recall_model_is_loaded_with_the_configured_threshold() -> None:
    recall = load_recall()
    assert recall is not None
    assert recall.threshold == 0.7
    assert recall.bare_threshold == 0.65
    assert recall.bare_act_floor == 0.1
    p = recall.probability(["Japan will provide $5 million to Laos for flood relief in 2024.", "It rained."])
    assert p[0] > 0.5 > p[1]


@pytest.mark.skipif(not (SHARED / "corpus" / "seeds").is_dir(), reason="needs ../shared seed gold")
def test_the_recall_weights_rebuild_from_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    # byte for byte on the CPU that trained them; on another, the same features and every training
    # sentence's probability within REBUILD_TOLERANCE (the solver's floating-point order)
    assert main(["--config", str(MODEL_DIR / "recall.toml"), "--check"]) == 0
    out = capsys.readouterr().out
    assert "identical" in out or f"equal within {REBUILD_TOLERANCE:g}" in out
    # a few hundred kB of the few MB the issue allows all weights (3.2 MB in round 12): the character
    # n-grams of round 12 (x13r) took the file past 200 kB with that round's training text
    assert Path(MODEL_DIR / "recall.json.gz").stat().st_size < 300_000


@pytest.mark.parametrize(
    "text",
    [
        "Korean engineers spent 2017 in Samoa on these works:\n- the harbour wall of Apia\n- two school roofs",
        "Australian volunteers did this work with Fijian nurses in 2016:",
    ],
)
def test_the_recall_model_proposes_no_lead_into_a_list(text: str) -> None:
    models = load_models()
    assert models is not None
    # the document fallback (the act model's best sentence of a document without an act) is a different step
    models = replace(models, recall=_Fixed(0.99), fallback_threshold=None)  # type: ignore[arg-type]
    recs = extract_text("t.txt", text, 2020, learned=models)
    assert not [r for r in recs if r["kind"] == "engagement" and r["span"][0] == 0]


_TEXTS = [
    "Japan will give $5 million to Laos for schools.",
    "Korea signed a loan for a bridge in Viet Nam.",
    "China donated vaccines to Cambodia.",
    "It rained in the capital on Monday.",
    "The minister said the talks were useful.",
    "Officials toured the market before lunch.",
] * 3
_LABELS = ["1", "1", "1", "0", "0", "0"] * 3


def _fit(c: float, texts: list[str] = _TEXTS) -> TextClassifier:
    return TextClassifier(word_ngrams=1, char_ngrams=None, min_df=1, max_features=100, C=c, seed=1).fit(
        texts, _LABELS
    )


def test_a_rebuild_gap_is_zero_for_the_same_fit_and_beyond_the_tolerance_for_other_settings() -> None:
    a = _fit(2.0)
    assert rebuild_gap(a, _fit(2.0), _TEXTS) == 0.0
    assert rebuild_gap(a, _fit(20.0), _TEXTS) > REBUILD_TOLERANCE  # a change of C is no floating-point noise


def test_a_rebuild_from_other_data_has_other_features_and_no_gap() -> None:
    other = [t.replace("schools", "clinics") for t in _TEXTS]
    assert rebuild_gap(_fit(2.0), _fit(2.0, other), _TEXTS) is None
