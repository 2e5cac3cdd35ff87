"""Effective years: every fact's year, from itself or its document, and the undated rest.

The ledger gives every record an effective year (views ``record_sources`` and ``facts``,
columns ``effective_year`` and ``year_from``):

* ``record`` — the record's own ``year``;
* ``document`` — no year of its own, so the year of its document's date (a newspaper
  article dated 2019 about "a new centre" is 2019 evidence), flagged so a reader can tell;
* ``undated`` — neither: counted and listed by :func:`undated_facts` with what each fact
  would add (actor, partners, instrument or metric, amount), never dropped without a word.

Examples
--------
>>> with Ledger.open("softpower.duckdb", read_only=True) as lg:    # doctest: +SKIP
...     date_summary(lg)
{'record': 93, 'document': 0, 'undated': 50}
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from softpower.errors import LedgerError

YEAR_FROM = ("record", "document", "undated")
_FACTS_COLUMNS = "SELECT column_name FROM information_schema.columns WHERE table_name = 'facts'"
_FACTS_BY_YEAR_FROM = "SELECT year_from, count(*) FROM facts GROUP BY year_from"


def _check(ledger: Any) -> None:
    cols = {r[0] for r in ledger.con.execute(_FACTS_COLUMNS).fetchall()}
    if "year_from" not in cols:
        raise LedgerError(
            f"ledger {ledger.path} predates migration 0005 (effective years): open it once for writing, "
            "e.g. `softpower ledger import --bundled --ledger FILE`, on a copy if it is shared"
        )


def date_summary(ledger: Any) -> dict[str, int]:
    """Facts by where their effective year comes from: ``record``, ``document``, ``undated``."""
    _check(ledger)
    rows = dict(ledger.con.execute(_FACTS_BY_YEAR_FROM).fetchall())
    return {k: int(rows.get(k, 0)) for k in YEAR_FROM}


def undated_facts(ledger: Any) -> pd.DataFrame:
    """The facts with no effective year, and what each would add if it had one.

    Columns: ``kind, actor, partners, family`` (instrument, metric or measure), ``amount_usd_const``,
    ``value``, ``name``, ``n_sources``, ``docs`` (the citing documents with their spans),
    ``origins`` and ``would_add`` (one line in words).
    """
    _check(ledger)
    df = ledger.query(
        """
        SELECT f.fact_key, f.kind, f.actor, array_to_string(f.partners, ' ') AS partners,
               coalesce(f.instrument, f.metric, f.measure) AS family, f.amount_usd_const, f.value, f.unit,
               f.name, f.n_sources, f.origins,
               (SELECT string_agg(DISTINCT r.doc || coalesce(' [' || r.span_start || '-' || r.span_end || ']', ''), '; ')
                FROM records r WHERE r.fact_key = f.fact_key) AS docs
        FROM facts f WHERE f.year_from = 'undated'
        ORDER BY f.kind, f.actor, family, f.fact_key
        """
    )
    df["would_add"] = [_would_add(r) for r in df.itertuples(index=False)]
    return df.drop(columns=["unit"])


def _would_add(r: Any) -> str:
    if r.kind == "engagement":
        money = (
            f" worth {r.amount_usd_const:,.0f} constant USD"
            if r.amount_usd_const is not None and not pd.isna(r.amount_usd_const)
            else " (no amount)"
        )
        return f"one {r.family} engagement of {r.actor} toward {r.partners}{money}"
    if r.kind == "indicator":
        unit = f" {r.unit}" if isinstance(r.unit, str) and r.unit else ""
        return f"{r.family} = {r.value:g}{unit} for {r.actor} in {r.partners}"
    share = "" if r.value is None or pd.isna(r.value) else f" {r.value:.0%}"
    return f"{r.family}{share} toward {r.actor} among {r.partners}"
