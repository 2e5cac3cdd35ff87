"""Hostile inputs: extraction completes with bounded segments and bounded output; a slow document is
reported and the others go on; an impossible dateline date is ignored with a warning.

Speed figures (seconds per MB on each case) are in ``benchmarks/bench_extract.py``, not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.extract import extract_file, extract_paths, extract_text
from softpower.extract.pipeline import ExtractTimeout
from softpower.extract.sentences import MAX_SENTENCE, split_sentences


def _cases(n: int) -> dict[str, str]:
    """The adversarial texts of the benchmark, about ``n`` characters each."""
    states = ["Japan", "China", "Vietnam", "the Philippines", "Fiji", "India"]
    return {
        "no punctuation": " ".join(
            ["Japan provided a loan to Vietnam and China built a road in Laos while Korea trained teachers"]
            * (n // 95)
        ),
        "poll shares without full stops": " ".join(
            f"{10 + i % 80}% of respondents in Fiji trust Japan" for i in range(n // 40)
        ),
        "years without punctuation": " ".join(str(1990 + (i * 7) % 34) for i in range(n // 5)),
        "thousands of numbers": " ".join(f"${1 + (i * 37) % 998} million" for i in range(n // 13)),
        "country names": " ".join(states[(i * 5) % 6] for i in range(n // 7)),
        "one long line": "Japan provided grants to Vietnam, " * (n // 34),
    }


@pytest.mark.parametrize("name", list(_cases(1000)))
def test_adversarial_input_completes_with_bounded_segments(name: str) -> None:
    text = _cases(60_000)[name]
    spans = split_sentences(text)
    assert spans, name
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    assert all(text[a:b].strip() == text[a:b] for a, b in spans)
    records = extract_text("adv.txt", text)
    # bounded output: never more records than segments times a small constant, spans inside the text
    assert len(records) <= 4 * len(spans) + len(text) // 30
    for r in records:
        assert 0 <= r["span"][0] < r["span"][1] <= len(text)


def test_a_50000_character_line_is_cut_at_clause_marks() -> None:
    text = "Japan provided grants to Vietnam, " * 1500  # 51,000 characters, no full stop
    assert len(text) > 50_000
    spans = split_sentences(text)
    assert len(spans) >= len(text) // MAX_SENTENCE
    # each cut falls just after a comma, so no clause is split in the middle of a word
    assert all(text[b - 1] == "," for a, b in spans[:-1])
    recs = extract_text("line.txt", text)
    assert recs and all(r["actor"] == "JPN" and r["partners"] == ["VNM"] for r in recs)


def test_a_megabyte_of_country_names_gives_no_acts() -> None:
    text = _cases(1_000_000)["country names"]
    assert len(text) > 1_000_000
    assert extract_text("names.txt", text) == []


def test_ordinary_sentences_are_not_cut() -> None:
    text = "In 2015, Japan provided a 1.57 billion yen grant to Timor-Leste. " * 3
    assert len(split_sentences(text)) == 3


def test_time_limit_raises_naming_the_document() -> None:
    text = _cases(200_000)["one long line"]
    with pytest.raises(ExtractTimeout, match=r"slow\.txt: stopped at character"):
        extract_text("slow.txt", text, time_limit=1e-9)


def test_a_slow_document_is_reported_and_the_others_go_on(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text(_cases(300_000)["one long line"], encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text("In 2015, Japan provided a 1.57 billion yen grant to Timor-Leste.\n", encoding="utf-8")
    res = extract_paths([slow, fine], time_limit=0.01)
    assert not res[0].ok and res[0].records == []
    assert "slow.txt" in (res[0].error or "") and "time limit" in (res[0].error or "")
    assert res[1].ok and len(res[1].records) == 1
    out = CliRunner().invoke(app, ["extract", str(slow), str(fine), "--time-limit", "0.1"])
    assert out.exit_code == 1
    assert "slow.txt" in out.stderr and "time limit" in out.stderr
    assert [json.loads(x)["doc"] for x in out.stdout.splitlines()] == ["fine.txt"]


def test_an_impossible_dateline_is_ignored_with_a_warning(tmp_path: Path) -> None:
    doc = tmp_path / "feb.txt"
    doc.write_text(
        "MANILA, 31 February 2022 —\n\nJapan provided a 2 billion yen grant to the Philippines last year.\n",
        encoding="utf-8",
    )
    res = extract_file(doc)
    assert res.ok
    assert res.document is not None and "date" not in res.document
    assert any("feb.txt:1" in w and "2022-02-31" in w for w in res.warnings)
    assert res.records and res.records[0]["year"] is None  # "last year" is not anchored to a bad date
    ledger = tmp_path / "l.duckdb"
    out = CliRunner().invoke(app, ["extract", str(doc), "--into-ledger", "--ledger", str(ledger)])
    assert out.exit_code == 0, out.output
    assert "not a calendar date" in out.stderr
    assert "1 records added" in out.stderr


def test_a_valid_dateline_still_anchors_relative_years(tmp_path: Path) -> None:
    doc = tmp_path / "ok.txt"
    doc.write_text(
        "MANILA, 28 February 2022 —\n\nJapan provided a 2 billion yen grant to the Philippines last year.\n",
        encoding="utf-8",
    )
    res = extract_file(doc)
    assert res.warnings == [] and res.document is not None and res.document["date"] == "2022-02-28"
    assert res.records[0]["year"] == 2021


def test_wish_words_before_each_clause_match_a_search_of_each_lead() -> None:
    """The incremental reading of the text before each clause (engagements._WishBefore) answers as
    WANTING.search on each lead, in and out of text order, with wish words at and across a lead's end."""
    import random

    from softpower.extract.engagements import _WishBefore
    from softpower.extract.rules import WANTING

    words = ["plan", "plans", "the plan", "its plans", "seeks", "aiming", "Tonga", "would", "may", "May", "mayor",
             "planning", "wants", "swants", "wishes", "intends", ",", " ", "could", "shoulder", "hope", "ſeeks"]  # fmt: skip
    rng = random.Random(11)
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")  # words run together: matches end inside a word
        cuts = sorted(rng.randint(0, len(text)) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.2:
            rng.shuffle(cuts)
        wish = _WishBefore()
        for c in cuts:
            assert wish(text[:c]) == (WANTING.search(text[:c]) is not None), (text, c)


def test_coordinated_finds_the_head_by_equality_like_list_index() -> None:
    from softpower.extract.context import coordinated
    from softpower.extract.entities import find_mentions

    text = "Japan and Vietnam signed a pact, and Japan and Laos agreed to a loan."
    ms = find_mentions(text, 0, len(text))
    for head in ms:
        got = coordinated(text, ms, head)
        assert got[0] is head
        i = ms.index(head)
        assert got == ms[i : i + len(got)]
    twin = type(ms[2])(
        **{f: getattr(ms[2], f) for f in ("start", "end", "codes", "iso", "kind", "possessive")}
    )
    assert coordinated(text, ms, twin)[1:] == [
        ms[3]
    ]  # an equal copy of a mention is found as list.index finds it
    with pytest.raises(ValueError):
        coordinated(text, ms[:2], ms[3])
    line = "Japan and Laos signed a pact, " * 12  # more names than list.index is left to
    ms = find_mentions(line, 0, len(line))
    assert len(ms) > 16
    for head in ms:
        got = coordinated(line, ms, head)
        i = ms.index(head)
        assert got[0] is head and got == ms[i : i + len(got)]
    with pytest.raises(ValueError):
        coordinated(line, ms[:20], ms[21])
