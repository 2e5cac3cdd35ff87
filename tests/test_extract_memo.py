"""The rules' per-document caches (softpower.extract.memo): emptied when a document starts, so a long run
keeps no document it has read alive, with the same records."""

from __future__ import annotations

import sys

from softpower.extract import context, engagements, extract_text, sentences
from softpower.extract.memo import _CACHES, forget_documents, per_document


def test_a_registered_cache_answers_as_the_function_and_is_emptied() -> None:
    calls: list[tuple[str, int]] = []

    @per_document(4)
    def head(text: str, n: int) -> str:
        calls.append((text, n))
        return text[:n]

    try:
        a = "Tonga received a grant."
        assert head(a, 5) == "Tonga" and head(a, 5) == "Tonga" and head(a, 3) == "Ton"
        assert calls == [(a, 5), (a, 3)]
        forget_documents()
        assert head(a, 5) == "Tonga" and calls[-1] == (a, 5)  # read again after the caches were emptied
    finally:
        _CACHES.remove(head)


def test_the_rules_keep_no_earlier_document_alive() -> None:
    extract_text("w.txt", "Japan gave Fiji a grant in 2020.")  # (the models and tables load once)
    # built at run time: a distinct string object, referred to only by this test and what the rules keep
    first = " ".join(
        ["In 2021 Japan provided a $5 million grant to Fiji,", "and Australia trained nurses in Tonga."]
    )
    second = "In 2022 Korea extended a loan to Laos, and China built a road in Nepal."
    for cached in (sentences._split_clauses, engagements.name_of, context._eligible):
        assert cached in _CACHES
    refs = sys.getrefcount(first)
    records = extract_text("a.txt", first)
    assert sentences._split_clauses.cache_info().currsize > 0
    extract_text("b.txt", second)
    assert sys.getrefcount(first) == refs  # nothing the rules keep refers to the first document (7 on main)
    assert extract_text("a.txt", first) == records  # the same records with the caches emptied
    forget_documents()
    assert all(cached.cache_info().currsize == 0 for cached in _CACHES)
