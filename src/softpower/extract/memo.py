"""Caches of the rules' questions about the document being read, emptied when the next document starts.

The rules ask some questions several times about the same window of a document (where a clause splits,
whether a name is eligible as a subject, a programme's name). ``functools.lru_cache`` keyed by
``(text, start, end)`` kept up to its size of whole documents alive after they were read (its keys hold
them), which a long run over a folder paid for in memory, though every hit is a question about the
document being read. :func:`per_document` registers such a cache, and :func:`forget_documents` (called
when the pipeline starts a document) empties them all, so they hold at most the document being read and
answer as before (the cached functions are pure). The caches stay ``lru_cache`` (a C call per question: a
wrapper written in Python, keyed without the text, cost 2-3 % of the benchmark).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

#: the registered caches
_CACHES: list[Any] = []


def per_document(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorator: ``functools.lru_cache(maxsize)`` of a pure function whose first argument is the document
    text, emptied by :func:`forget_documents`."""

    def wrap(fn: Callable[..., T]) -> Callable[..., T]:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cached

    return wrap


def forget_documents() -> None:
    """Empty every :func:`per_document` cache (the pipeline calls it when it starts a document)."""
    for cached in _CACHES:
        cached.cache_clear()
