"""The sequence tagger (softpower.extract.learned.tagger), its trainer and its hook in the pipeline."""

from __future__ import annotations

import gzip
import itertools
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from softpower.extract.context import build_sentence
from softpower.extract.learned.apply import SentenceInfo
from softpower.extract.learned.tagger import (
    LABELS,
    Tagger,
    admits,
    features,
    load_tagger,
    parse,
    propose,
    read_roles,
    tokens,
    viterbi,
)
from softpower.extract.learned.tagger_train import Example, fit, label_sentence
from softpower.extract.pipeline import extract_text

CFG = {
    "seed": 7,
    "model": {"epochs": 10, "min_feature_count": 1, "prune": 0.0, "min_trigger": 2},
    "use": {"enabled": False, "threshold": 0.0},
}


def _labels_of(text: str, gold: dict[str, object], year: int | None = 2020) -> dict[str, str]:
    """Each token's label from one gold engagement covering the whole sentence (words only)."""
    p = parse(text, 0, len(text), year)
    g = {"span": [0, len(text)], "partners": [], "name": None, **gold}
    labels = label_sentence(p, [g], text, Counter())
    return {text[a:b]: lab for (a, b), lab in zip(p.toks, labels, strict=True)}


@pytest.mark.parametrize(
    ("text", "gold", "expect"),
    [
        (
            "In 2019, Japan provided a 3 billion yen loan to Vietnam.",
            {"actor": "JPN", "partners": ["VNM"], "amount": 3e9, "currency": "JPY", "year": 2019},
            {"Japan": "B-ACTOR", "Vietnam": "B-PARTNER", "3": "B-AMOUNT", "yen": "I-AMOUNT", "2019": "B-DATE",
             "provided": "REC", "loan": "REC"},
        ),
        (
            "Fiji received USD 5 million from Australia in 2021 for school repairs.",
            {"actor": "AUS", "partners": ["FJI"], "amount": 5e6, "currency": "USD", "year": 2021},
            {"Fiji": "B-PARTNER", "Australia": "B-ACTOR", "USD": "B-AMOUNT", "million": "I-AMOUNT",
             "2021": "B-DATE", "received": "REC", "repairs": "REC"},
        ),
    ],
)  # fmt: skip
def test_token_labels_come_from_the_gold_record_through_the_exact_parsers(
    text: str, gold: dict[str, object], expect: dict[str, str]
) -> None:
    got = _labels_of(text, gold)
    assert {w: got[w] for w in expect} == expect


@pytest.mark.parametrize(
    ("text", "gold", "name", "first", "last"),
    [
        (
            "Korea launched the Better Health Programme with Laos in 2018.",
            {"actor": "KOR", "partners": ["LAO"], "amount": None, "currency": None, "year": 2018},
            "Better Health Programme",
            "Better",
            "Programme",
        ),
        (
            "Through the Mekong Water Initiative, the United States helped Cambodia.",
            {"actor": "USA", "partners": ["KHM"], "amount": None, "currency": None, "year": None},
            "Mekong Water Initiative",
            "Mekong",
            "Initiative",
        ),
    ],
)
def test_a_programme_named_verbatim_in_the_record_is_a_prog_span(
    text: str, gold: dict[str, object], name: str, first: str, last: str
) -> None:
    got = _labels_of(text, {**gold, "name": name})
    assert (got[first], got[last]) == ("B-PROG", "I-PROG")


@pytest.mark.parametrize(
    "text",
    ["Vietnam and Japan held talks.", "Cambodia thanked the Chinese people."],
)
def test_a_sentence_outside_every_gold_span_is_all_o(text: str) -> None:
    p = parse(text, 0, len(text), 2020)
    assert set(label_sentence(p, [], text, Counter())) == {"O"}


def test_viterbi_finds_the_best_valid_labelling() -> None:
    """Against brute force over every labelling that respects BIO (I- only continues its role)."""
    rng = np.random.default_rng(3)
    n_lab = len(LABELS)

    def valid(seq: tuple[int, ...]) -> bool:
        for i, k in enumerate(seq):
            lab = LABELS[k]
            if lab.startswith("I-") and (
                i == 0 or LABELS[seq[i - 1]][2:] != lab[2:] or LABELS[seq[i - 1]] == "O"
            ):
                return False
        return True

    for n in (1, 2, 3):
        emit = rng.normal(size=(n, n_lab))
        trans = rng.normal(size=(n_lab, n_lab))
        start = rng.normal(size=n_lab)
        best = max(
            (s for s in itertools.product(range(n_lab), repeat=n) if valid(s)),
            key=lambda s: start[s[0]] + sum(emit[i, k] for i, k in enumerate(s))
            + sum(trans[s[i - 1], s[i]] for i in range(1, n)),
        )  # fmt: skip
        path, score = viterbi(emit, trans, start)
        assert tuple(path) == best
        want = start[best[0]] + sum(emit[i, k] for i, k in enumerate(best))
        want += sum(trans[best[i - 1], best[i]] for i in range(1, n))
        assert score == pytest.approx(want)


_GIVERS = ["Japan", "Australia", "Korea", "China", "New Zealand"]
_TAKERS = ["Vietnam", "Laos", "Fiji", "Tonga", "Cambodia", "Samoa"]
_FORMS = [
    "In {y}, {a} provided USD {n} million to {b} for new clinics.",
    "{a} granted {b} USD {n} million in {y} to rebuild roads.",
    "The government of {b} thanked {a} for USD {n} million given in {y}.",
    "Ministers of {a} and {b} discussed the weather in {y}.",
    "{b} and {a} played a football match.",
]


def _toy() -> list[Example]:
    """Tagged sentences built from five phrasings (two without an act) and many name pairs."""
    out = []
    for k, (a, b) in enumerate(itertools.product(_GIVERS[:3], _TAKERS[:4])):
        for f, form in enumerate(_FORMS):
            y, n = 2010 + k, 3 + k
            text = form.format(a=a, b=b, y=y, n=n)
            p = parse(text, 0, len(text), 2020)
            codes = {m.iso for m in p.mentions}
            actor = next(m.iso for m in p.mentions if text[m.start : m.end] == a)
            gold = [] if f >= 3 else [{
                "span": [0, len(text)], "actor": actor, "partners": sorted(codes - {actor}),
                "amount": n * 1e6, "currency": "USD", "year": y, "name": None,
            }]  # fmt: skip
            out.append(Example(f"toy:{k}#{f}", features(text, p), label_sentence(p, gold, text, Counter())))
    return out


@pytest.fixture(scope="module")
def toy_tagger() -> Tagger:
    return fit(CFG, _toy())


@pytest.mark.parametrize(
    ("text", "actor", "partners", "amount", "year"),
    [
        ("In 2022, New Zealand provided USD 9 million to Samoa for new clinics.", "NZL", ["WSM"], 9e6, 2022),
        ("China granted Cambodia USD 40 million in 2008 to rebuild roads.", "CHN", ["KHM"], 40e6, 2008),
    ],
)
def test_a_trained_tagger_reads_the_roles_of_unseen_names(
    toy_tagger: Tagger, text: str, actor: str, partners: list[str], amount: float, year: int
) -> None:
    p = parse(text, 0, len(text), 2020)
    labels, margin = toy_tagger.tag(features(text, p))
    roles = read_roles(p, labels)
    assert margin > 0
    assert (roles["actor"], roles["partners"], roles["money"].amount, roles["year"].year) == (
        actor,
        partners,
        amount,
        year,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ministers of Samoa and China discussed the weather in 2015.",
        "Tonga and Japan played a football match.",
    ],
)
def test_a_trained_tagger_marks_no_act_in_a_sentence_shaped_like_its_non_acts(
    toy_tagger: Tagger, text: str
) -> None:
    p = parse(text, 0, len(text), 2020)
    labels, margin = toy_tagger.tag(features(text, p))
    assert set(labels) == {"O"} and margin == 0.0


def test_training_is_deterministic_and_the_weight_file_round_trips(
    tmp_path: Path, toy_tagger: Tagger
) -> None:
    again = fit(CFG, _toy())
    toy_tagger.save(tmp_path / "a.json.gz")
    again.save(tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    back = Tagger.from_dict(json.loads(gzip.decompress((tmp_path / "a.json.gz").read_bytes())))
    text = "Korea granted Tonga USD 7 million in 2001 to rebuild roads."
    p = parse(text, 0, len(text), 2020)
    assert back.tag(features(text, p))[0] == toy_tagger.tag(features(text, p))[0]
    with pytest.raises(ValueError, match="softpower-tagger-1"):
        Tagger.from_dict({**back.to_dict(), "format": "other"})


def _infos(text: str) -> list[SentenceInfo]:
    return [SentenceInfo(build_sentence(text, 0, len(text), None, 2020), False)]


@pytest.mark.parametrize(
    ("text", "actor", "partners"),
    [
        ("In 2019, Korea provided USD 11 million to Fiji for new clinics.", "KOR", ["FJI"]),
        ("Australia granted Laos USD 6 million in 2017 to rebuild roads.", "AUS", ["LAO"]),
    ],
)
def test_propose_gives_an_engagement_without_instrument_and_marks_the_sentence(
    toy_tagger: Tagger, text: str, actor: str, partners: list[str]
) -> None:
    infos = _infos(text)
    recs = propose("t.txt", text, infos, toy_tagger, 2020)
    assert [(r["kind"], r["actor"], r["partners"], r["instrument"]) for r in recs] == [
        ("engagement", actor, partners, None)
    ]
    assert infos[0].has_record  # the act and recall models will not propose it again
    infos = _infos(text)
    infos[0].has_record = True  # the rules already read it
    assert propose("t.txt", text, infos, toy_tagger, 2020) == []


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, Korea plans to provide USD 11 million to Fiji for new clinics.",  # a plan
        "If Australia granted Laos USD 6 million in 2017 to rebuild roads, fine.",  # a condition
    ],
)
def test_propose_skips_hedged_sentences(toy_tagger: Tagger, text: str) -> None:
    assert propose("t.txt", text, _infos(text), toy_tagger, 2020) == []


@pytest.mark.parametrize(
    ("text", "admitted"),
    [("Korea granted Laos a bridge.", True), ("Korea and Laos are neighbours of nobody.", False)],
)
def test_the_cheap_test_needs_a_trigger_word(toy_tagger: Tagger, text: str, admitted: bool) -> None:
    assert admits(toy_tagger, text, tokens(text, 0, len(text))) is admitted


@pytest.mark.parametrize(
    ("text", "actor", "partner"),
    [("Korea granted Tonga roads.", "KOR", "TON"), ("Australia granted Laos roads.", "AUS", "LAO")],
)
def test_the_pipeline_hook_adds_what_the_rules_miss_only_when_asked(
    toy_tagger: Tagger, text: str, actor: str, partner: str
) -> None:
    assert extract_text("t.txt", text, 2020, tagger=False) == []  # the rules and the act models miss it
    on = extract_text("t.txt", text, 2020, tagger=toy_tagger)
    assert [(r["kind"], r["actor"], r["partners"]) for r in on] == [("engagement", actor, [partner])]
    assert on[0]["instrument"] is not None  # decided by the instrument model
    assert (
        extract_text("t.txt", text, 2020, learned=False, tagger=toy_tagger) == []
    )  # never without the models
    shipped = load_tagger()
    assert shipped is not None
    default = extract_text("t.txt", text, 2020)
    if not shipped.enabled:  # the default follows tagger.toml
        assert default == []


class _Recall:
    """A recall model that gives every sentence probability ``p``."""

    def __init__(self, p: float) -> None:
        self.p = p

    def probability(self, texts: list[str]) -> list[float]:
        return [self.p] * len(texts)

    def probability_in(self, text: str, spans: list[tuple[int, int]]) -> list[float]:
        return [self.p] * len(spans)


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, Korea provided USD 11 million to Fiji for new clinics.",
        "Australia granted Laos USD 6 million in 2017 to rebuild roads.",
    ],
)
def test_the_use_policy_span_recall_floor_and_earlier_acts(toy_tagger: Tagger, text: str) -> None:
    from dataclasses import replace

    whole = replace(toy_tagger, span="sentence")
    assert [r["span"] for r in propose("t.txt", text, _infos(text), whole, 2020)] == [[0, len(text)]]
    floor = replace(toy_tagger, min_recall=0.5)
    assert propose("t.txt", text, _infos(text), floor, 2020, recall=_Recall(0.4)) == []
    assert len(propose("t.txt", text, _infos(text), floor, 2020, recall=_Recall(0.6))) == 1
    earlier = [{"kind": "engagement", "span": [3, 9]}]  # an act the learned step found starts in the sentence
    assert propose("t.txt", text, _infos(text), toy_tagger, 2020, records=earlier) == []
    stat = [{"kind": "indicator", "span": [3, 9]}]  # an indicator alone does not count
    assert len(propose("t.txt", text, _infos(text), toy_tagger, 2020, records=stat)) == 1
