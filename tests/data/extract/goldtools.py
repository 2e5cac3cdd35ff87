"""Shared builder of hand-annotated gold files (quote -> record) for the extraction test sets.

Each set's ``make_gold.py`` lists ``GOLD = {doc: [(quote, record), ...]}``; a quote is the
shortest clause stating the record (the n-th occurrence when given as ``(quote, n)``), and
spans are computed here so that ``quote == text[span[0]:span[1]]`` always holds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

KEYS = [
    *("doc", "kind", "actor", "partners", "instrument", "metric", "unit", "measure", "year", "year_end"),
    *("amount", "currency", "value", "name", "ppp", "equal_footing", "span", "quote"),
]


def E(
    actor,
    partners,
    instrument,
    year=None,
    amount=None,
    currency=None,
    year_end=None,
    name=None,
    ppp=False,
    eq=False,
):  # noqa: E501
    return dict(
        kind="engagement",
        actor=actor,
        partners=partners,
        instrument=instrument,
        year=year,
        year_end=year_end,
        amount=amount,
        currency=currency,
        name=name,
        ppp=ppp,
        equal_footing=eq,
    )


def I(actor, partners, metric, value, unit="count", year=None, year_end=None):  # noqa: E743
    return dict(
        kind="indicator",
        actor=actor,
        partners=partners,
        metric=metric,
        value=value,
        unit=unit,
        year=year,
        year_end=year_end,
    )


def P(actor, partners, measure, value, year=None):
    return dict(kind="perception", actor=actor, partners=partners, measure=measure, value=value, year=year)


def write_gold(folder: Path, gold: dict[str, list[tuple[Any, dict[str, Any]]]]) -> int:
    """Write ``folder/gold.jsonl`` from ``gold``; return the number of records."""
    out = []
    for doc, items in gold.items():
        text = (folder / doc).read_text(encoding="utf-8")
        for quote, rec in items:
            n = 1
            if isinstance(quote, tuple):
                quote, n = quote
            start = -1
            for _ in range(n):
                start = text.index(quote, start + 1)
            full = {k: None for k in KEYS}
            full.update(ppp=False, equal_footing=False)
            full.update(rec)
            full.update(doc=doc, span=[start, start + len(quote)], quote=quote)
            out.append(full)
    (folder / "gold.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8"
    )
    return len(out)
