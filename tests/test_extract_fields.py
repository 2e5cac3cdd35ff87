"""The field step (softpower.extract.learned.fields): candidates, rankers, the shipped policy."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from softpower.extract.learned import fields as F
from softpower.extract.learned import fields_train as FT
from softpower.extract.learned.fields import (
    FEATURES,
    FIELDS,
    NEAR_MAX,
    Document,
    FieldModel,
    Ranker,
    candidates,
    dump_bytes,
    load_fields,
)
from softpower.extract.learned.weights import load_models
from softpower.extract.pipeline import extract_text


def _read(text: str, doc_year: int | None = None) -> tuple[Document, list[dict[str, Any]]]:
    """The document as the step reads it and the records of the pipeline with the step off."""
    models = load_models()
    assert models is not None
    rec = FT._Recorder()
    extract_text("t.txt", text, doc_year, learned=replace(models, fields=rec))  # type: ignore[arg-type]
    assert rec.seen is not None
    text, records, sentences, year = rec.seen
    return Document.read(text, sentences, year), records


def test_the_step_swaps_a_recipient_the_rules_read_as_the_actor() -> None:
    text = "Laos thanked Australia for 120 scholarships awarded to Lao students in 2019."
    models = load_models()
    assert models is not None and models.fields is not None
    off = extract_text("t.txt", text, 2021, learned=replace(models, fields=None))
    on = extract_text("t.txt", text, 2021, learned=models)
    assert {(r["actor"], tuple(r["partners"])) for r in off} == {("LAO", ("AUS",))}
    assert {(r["actor"], tuple(r["partners"])) for r in on} == {("AUS", ("LAO",))}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Cambodian Prime Minister Hun Sen visited Beijing in February 2020.", "KHM"),
        ("Thailand bought Chinese submarines in 2017.", "THA"),
        ("Fiji received 200 tonnes of relief supplies from Australia in 2016.", "AUS"),
    ],
)
def test_the_step_keeps_an_actor_the_rules_read_right(text: str, actor: str) -> None:
    recs = extract_text("t.txt", text, 2021)
    assert recs and {r["actor"] for r in recs} == {actor}


def test_india_acting_after_another_donors_act_keeps_its_act() -> None:
    # before round 12 India was not a donor state for the ranker: its act went to the donor of the
    # sentence before (the paragraph's donor state), while Korea's or Australia's stayed theirs. The gift
    # is costed so that the rules read it: uncosted, it rested on the recall model's boundary (0.7; round
    # 12's recall model reads it at 0.67), which this test is not about; with India out of the donor
    # states the costed gift still goes to Japan
    text = (
        "In 2019, Japan provided US$5 million in grant aid to Laos."
        " In 2021, {} gifted ambulances worth US$2 million to Nepal."
    )
    for giver, code in (("India", "IND"), ("Korea", "KOR"), ("Australia", "AUS")):
        recs = [r for r in extract_text("t.txt", text.format(giver), 2023) if r["kind"] == "engagement"]
        assert [(r["actor"], r["partners"]) for r in recs] == [("JPN", ["LAO"]), (code, ["NPL"])]
    assert "IND" in F.donor_states()


def test_the_year_ranker_prefers_the_year_of_the_act_to_one_from_outside_its_sentence() -> None:
    text = (
        "Japan and Laos\n\nIn 2012, Japan signed a loan agreement worth 5 billion yen with Laos to "
        "build water pipes. The pipes were finished in 2015."
    )
    doc, records = _read(text)
    eng = [r for r in records if r["kind"] == "engagement" and r["span"][0] < text.index("The pipes")]
    assert [r["year"] for r in eng] == [2012]
    wrong = [dict(r, year=2015) for r in eng]
    fields = load_fields()
    assert fields is not None
    got = fields.choose(doc, wrong[0], "year")
    assert got is not None
    # margin over the wrong year: 0.91 logits in round 12 (above 1 only while the sentence also booked its
    # amount as a loan_total indicator, which carried the year 2012 a second time), 0.35 after round 13's
    # training text, whose rule gives an act at a dated visit the visit's year from outside its sentence;
    # after round 14's (documents dated by their head, x15v) the ranker keeps a wrong year it is handed
    # (-0.23). make train's dev split leaves the year ranker off (margin None since round 12), so it
    # moves no year and the pipeline's year above is the rules'; were it switched on, it must prefer
    # the act's own year
    if fields.margins.get("year") is not None:
        assert got[0] == 2012 and got[1] > 0.2


def test_year_candidates_come_from_the_sentence_the_paragraph_and_the_dateline() -> None:
    text = "HANOI, June 14, 2022\n\nIn 2019 the two states met. In 2021, Korea gave Vietnam $5 million."
    doc, records = _read(text)
    eng = [r for r in records if r["kind"] == "engagement"]
    assert eng
    names, rows = candidates(doc, eng[-1], "year")
    assert set(names) >= {2019, 2021, 2022}
    col = {f: i for i, f in enumerate(FEATURES["year"])}
    row = dict(zip(names, rows.tolist(), strict=True))
    assert row[2021][col["in_sentence"]] == 1.0 and row[2019][col["in_sentence"]] == 0.0
    assert row[2019][col["in_paragraph"]] == 1.0
    assert row[2022][col["dateline"]] == 1.0


def test_actor_candidates_read_the_word_before_a_mention_and_the_title() -> None:
    text = "Australia in the Pacific\n\nFiji received a grant of $3 million from Japan in 2019."
    doc, records = _read(text)
    eng = [r for r in records if r["kind"] == "engagement"]
    assert eng
    names, rows = candidates(doc, eng[0], "actor")
    col = {f: i for i, f in enumerate(FEATURES["actor"])}
    row = dict(zip(names, rows.tolist(), strict=True))
    assert {"FJI", "JPN", "AUS"} <= set(names)
    assert row["JPN"][col["after_by_from"]] == 1.0 and row["FJI"][col["after_by_from"]] == 0.0
    assert row["AUS"][col["in_title"]] == 1.0 and row["AUS"][col["in_sentence"]] == 0.0


def _model(field: str, margin: float | None) -> FieldModel:
    """A model whose rankers prefer the candidate first in its sentence (for checking the policy)."""
    rankers = {}
    for f in FIELDS:
        coef = [0.0] * len(FEATURES[f])
        coef[FEATURES[f].index("first_in_sentence")] = 5.0
        rankers[f] = Ranker(coef, 0.0)
    return FieldModel(rankers, {f: (margin if f == field else None) for f in FIELDS})


def test_the_margin_decides_whether_the_ranker_replaces_the_rule() -> None:
    text = "Vietnam and Japan\n\nVietnam received a grant of $3 million from Japan in 2019."
    models = load_models()
    assert models is not None
    rec = FT._Recorder()
    extract_text("t.txt", text, None, learned=replace(models, fields=rec))  # type: ignore[arg-type]
    assert rec.seen is not None
    records, sentences = rec.seen[1], rec.seen[2]
    eng = [r for r in records if r["kind"] == "engagement"]
    assert [r["actor"] for r in eng] == ["JPN"]
    # "first in its sentence" names Vietnam, the record's partner: the two swap places
    out = _model("actor", 1.0).apply(text, [dict(r) for r in eng], sentences, None)
    assert [(r["actor"], r["partners"]) for r in out] == [("VNM", ["JPN"])]
    # partners: Vietnam is first in the sentence and already the partner: nothing to change
    out = _model("partners", 1.0).apply(text, [dict(r, partners=["WORLD"]) for r in eng], sentences, None)
    assert [r["partners"] for r in out] == [["VNM"]]
    # a margin the ranker does not reach keeps the rule's value
    out = _model("partners", 10.0).apply(text, [dict(r, partners=["WORLD"]) for r in eng], sentences, None)
    assert [r["partners"] for r in out] == [["WORLD"]]
    # a field without a margin is left to the rules
    out = _model("year", None).apply(text, [dict(r, partners=["WORLD"]) for r in eng], sentences, None)
    assert [r["partners"] for r in out] == [["WORLD"]]


def test_the_weights_refuse_a_file_of_other_features() -> None:
    fields = load_fields()
    assert fields is not None
    data = json.loads(gzip.decompress(dump_bytes(fields)))
    assert FieldModel.from_json(data).margins == fields.margins
    data["features"]["year"] = data["features"]["year"][:-1]
    with pytest.raises(ValueError, match="year features differ"):
        FieldModel.from_json(data)
    data["format"] = "other"
    with pytest.raises(ValueError, match="softpower-fields/1"):
        FieldModel.from_json(data)


def test_the_shipped_policy_is_the_one_the_grouped_cv_chose() -> None:
    fields = load_fields()
    assert fields is not None
    assert fields.margins == {"actor": 2.0, "partners": None, "year": None}


@pytest.mark.skipif(not (FT.SHARED / "corpus" / "seeds").is_dir(), reason="needs ../shared seed gold")
def test_the_field_weights_rebuild_to_the_same_bytes(tmp_path: Path) -> None:
    # the training records are the pipeline's own output, so any rule edit on main changes them: the
    # comparison with the shipped file is `make train-check` (run before each landing of this step);
    # here two rebuilds of the same tree must give the same bytes, and a model the shipped code reads
    config = FT.MODEL_DIR / "fields.toml"
    a = FT.train(config, tmp_path / "a", FT.SHARED).read_bytes()
    b = FT.train(config, tmp_path / "b", FT.SHARED).read_bytes()
    assert a == b
    model = FieldModel.from_json(json.loads(gzip.decompress(a)))
    assert model.margins == FT.margins(FT.read_config(config))
    assert set(model.rankers) == set(FIELDS)


_LIST = [
    "Fiji",
    "Tonga",
    "Samoa",
    "Vanuatu",
    "Kiribati",
    "Tuvalu",
    "Nauru",
    "Palau",
    "Laos",
    "Cambodia",
    "Thailand",
    "Vietnam",
    "Myanmar",
    "Malaysia",
    "Indonesia",
    "Philippines",
    "Singapore",
    "Brunei",
    "India",
    "Bangladesh",
    "Nepal",
    "Bhutan",
    "Mongolia",
    "Pakistan",
    "Kenya",
    "Ghana",
    "Peru",
    "Chile",
    "Mexico",
    "Brazil",
    "Egypt",
    "Jordan",
    "Morocco",
    "Tunisia",
    "Senegal",
]


def test_a_record_in_a_sentence_of_many_places_reads_only_the_mentions_around_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # one sentence of 35 acts (70 mentions): a record's candidates come from the NEAR_MAX mentions
    # around its own clause, so a list of thousands of acts stays linear
    text = "Aid list\n\n" + ", ".join(f"Japan provided a grant to {p}" for p in _LIST) + " in 2019."
    doc, records = _read(text)
    last = [r for r in records if r["kind"] == "engagement" and r["partners"] == ["SEN"]]
    assert last and 2 * len(_LIST) > NEAR_MAX
    names, rows = candidates(doc, last[0], "actor")
    assert {"JPN", "SEN", "TUN"} <= set(names) and "FJI" not in names and len(names) <= NEAR_MAX
    # unbounded, the far end of the list is read too
    monkeypatch.setattr(F, "NEAR_MAX", 10_000)
    assert "FJI" in candidates(doc, last[0], "actor")[0]
