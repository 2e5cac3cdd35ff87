"""The first-character split of large rule alternations gives exactly the matches of the one regex."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from softpower.extract.alternation import FirstCharAlternation, first_chars, first_pairs, split_alternatives
from softpower.extract.rules import cue_table

DEV = Path(__file__).parent / "data" / "extract" / "dev"


def _spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


def test_split_alternatives_respects_groups_classes_and_escapes() -> None:
    assert split_alternatives(r"a|b(?:c|d)|[|x]|\|") == ["a", "b(?:c|d)", "[|x]", r"\|"]
    assert split_alternatives(r"(?i:ab|cd)") == ["(?i:ab)", "(?i:cd)"]
    assert split_alternatives(r"(?i:ab|cd)e") == [r"(?i:ab|cd)e"]  # the group is not the whole pattern
    assert split_alternatives(r"(?P<x>a|b)") == [r"(?P<x>a|b)"]  # a named group stays whole
    assert split_alternatives(r"[]|]|a") == ["[]|]", "a"]
    # a group right after a word boundary is tried alternative by alternative: one leaf each
    assert split_alternatives(r"\b(?:ab|cd)\b") == [r"\b(?:ab)\b", r"\b(?:cd)\b"]
    assert split_alternatives(r"\b(?:ab|cd)?e") == [r"\b(?:ab|cd)?e"]  # an optional group stays whole


def test_first_chars_reads_literals_case_options_and_empty_matches() -> None:
    assert first_chars(r"\bloans?\b") == {ord("l")}
    assert first_chars(r"(?i:loan)") == {ord("l"), ord("L")}
    assert first_chars(r"\b(?:yen |soft )?loans?") == {ord(c) for c in "ysl"}
    assert first_chars(r"(?<!x)[A-C]\d") == {ord(c) for c in "ABC"}
    assert first_chars(r"x*") == set(range(128))  # may match nothing: any character
    assert first_chars(r"\w+n't") == {c for c in range(128) if re.fullmatch(r"\w", chr(c))}
    assert first_chars(r"(?i:k)") == {ord("k"), ord("K")}  # the Kelvin sign is not ASCII


def _codes(chars: str) -> frozenset[int]:
    return frozenset(map(ord, chars))


def test_first_pairs_read_the_second_character_after_literals_groups_and_repeats() -> None:
    assert first_pairs(r"\bloans?\b") == {ord("l"): _codes("o")}
    assert first_pairs(r"(?i:lo)") == {ord("l"): _codes("oO"), ord("L"): _codes("oO")}
    # an optional lead: its own pairs, and those of what follows it
    assert first_pairs(r"\b(?:yen |soft )?loans?") == {
        ord("y"): _codes("e"),
        ord("s"): _codes("o"),
        ord("l"): _codes("o"),
    }
    assert first_pairs(r"(?:ab|ac)d") == {ord("a"): _codes("bc")}
    assert first_pairs(r"[ab]+c") == {ord("a"): _codes("abc"), ord("b"): _codes("abc")}
    assert first_pairs(r"(?:x )*y") == {ord("x"): _codes(" "), ord("y"): None}  # "y" may be the whole match
    assert first_pairs(r"a(?=b)\d") == {ord("a"): _codes("0123456789")}  # a lookahead bounds nothing more
    assert first_pairs(r"a") == {ord("a"): None}  # the match may end after one character
    assert first_pairs(r"x*") is None  # may match nothing
    assert first_pairs(r"(?:)*a") is None  # a body that may match nothing is not bounded
    assert first_pairs(r".b") == dict.fromkeys(range(128), None)  # "any character" first: no bound after it


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["yen", "soft", "Loan", "loans", "no", "a", "Sale", "ON", "es", "Y", "ye", "l", "ab",
                              "b", "a-x", "x", "-", "é", "ſ", "\u212a"]), max_size=20),
    st.sampled_from(["", " "]),
    st.integers(0, 3),
    st.integers(0, 3),
)  # fmt: skip
def test_pair_dispatch_matches_the_full_regex_on_any_text(
    words: list[str], sep: str, cut0: int, cut1: int
) -> None:
    text = sep.join(words)
    rows = [
        ("a", r"\b(?:yen |soft )?loans?\b"),
        ("b", r"(?i:\b[A-Z]*(?:ON|ES)\b)"),
        ("c", r"(?i:\b(?:no |a )*sale)"),
        ("d", r"y|ye|l"),
        ("e", r"(?:ab|b)+a-?x"),
    ]
    alt = FirstCharAlternation(rows, r"(?<![A-Za-z0-9])", re.IGNORECASE)
    start, end = min(cut0, len(text)), max(0, len(text) - cut1)
    assert _spans(alt.finditer(text, start, end)) == _spans(alt.full.finditer(text, start, end))


def test_cue_alternation_matches_the_full_regex_on_the_development_documents() -> None:
    alt, _ = cue_table()
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    assert texts
    found = 0
    for text in texts:
        for start in range(0, len(text), 97):  # windows that open and close mid-word too
            end = min(len(text), start + 400)
            want = _spans(alt.full.finditer(text, start, end))
            assert _spans(alt.finditer(text, start, end)) == want
            found += len(want)
    assert found > 50


_WORDS = st.sampled_from(
    ["grant", "Grant", "loan", "loans", "yen", "ODA", "aid to", "provided", "$", "US$", "5", "million", "Fund",
     "to the", "Asian", "Development", "training of", "officials", "K", "\u212a", "ſ", "é", "_", "-", ".", ",",
     "\n", " ", "disaster", "MoU", "visit", "President", "hospital", "Confucius Institute", "exercises", "FTA"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.integers(0, 5), st.integers(0, 5))
def test_cue_alternation_matches_the_full_regex_on_any_text(words: list[str], cut0: int, cut1: int) -> None:
    alt, _ = cue_table()
    text = " ".join(words)
    start, end = min(cut0, len(text)), max(0, len(text) - cut1)
    assert _spans(alt.finditer(text, start, end)) == _spans(alt.full.finditer(text, start, end))


def test_negation_or_hedge_search_gives_the_same_match_and_groups() -> None:
    from softpower.extract.rules import _NEG_OR_HYPO

    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    hits = 0
    for text in texts:
        for start in range(0, len(text), 53):
            end = min(len(text), start + 300)
            got, want = _NEG_OR_HYPO.search(text, start, end), _NEG_OR_HYPO.full.search(text, start, end)
            assert (got is None) == (want is None)
            if got is not None and want is not None:
                assert got.span() == want.span() and got.group("neg") == want.group("neg")
                assert got.group("hyp") == want.group("hyp")  # a group absent at this letter reads None
                hits += 1
    assert hits > 20


def test_an_alternation_that_can_match_nothing_still_gives_the_full_regex_matches() -> None:
    alt = FirstCharAlternation([("a", r"x*"), ("b", r"ab")], flags=re.IGNORECASE)
    text = "xxAB abx y"
    assert _spans(alt.finditer(text)) == _spans(alt.full.finditer(text))


def test_floating_alternatives_are_tried_only_up_to_their_last_word() -> None:
    from softpower.extract.rules import _NEG_OR_HYPO

    alt, _ = cue_table()
    # "[A-Z]*(?:CEPA?|FTA|EPA)" can start at any word; every match holds one of these words
    assert alt._floating_words == ("cep", "epa", "fta")
    assert _NEG_OR_HYPO._floating_words == ("n't", "n’t")
    text = "Japan signed the RCEP and a grant to Laos."
    assert alt.horizon(text, 0, len(text)) == text.index("CEP")
    assert alt.horizon(text, 22, len(text)) == 21  # none after "RCEP": the fixed alternatives only
    assert _NEG_OR_HYPO.horizon("It didn’t — ſo", 0, 14) == 14  # not ASCII: every alternative everywhere
    for start in range(len(text)):
        assert _spans(alt.finditer(text, start)) == _spans(alt.full.finditer(text, start))


_NEG_WORDS = st.sampled_from(
    ["don't", "didn’t", "isn't", "won't", "not", "Not", "never", "would", "could", "may", "May", "plans to",
     "Plan to", "refused", "said", "n't", "N'T", "t", "'", "aid", "grant", "Japan", "ſ", "\u212a", "é", "-", ",",
     " ", "\n", "request", "the request", "its", "cancelled", "CEPA", "FTA"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_NEG_WORDS, max_size=30), st.sampled_from(["", " "]), st.integers(0, 5), st.integers(0, 5))
def test_negation_or_hedge_scan_matches_the_full_regex_on_any_text(
    words: list[str], sep: str, cut0: int, cut1: int
) -> None:
    from softpower.extract.rules import _NEG_OR_HYPO

    text = sep.join(words)
    start, end = min(cut0, len(text)), max(0, len(text) - cut1)
    want = [(m.span(), m.group("neg"), m.group("hyp")) for m in _NEG_OR_HYPO.full.finditer(text, start, end)]
    got = [(m.span(), m.group("neg"), m.group("hyp")) for m in _NEG_OR_HYPO.finditer(text, start, end)]
    assert got == want
