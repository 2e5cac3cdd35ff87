"""Dyad panels from the ledger: actor → member partner → year, facts counted once.

Rules (see ``docs/measure.md``):

* **One fact, one count.** Records from several documents that state the same fact share
  ``fact_key``; a fact is counted once. Its amount is the first stated constant-USD amount
  (in ``record_id`` order); ``ppp`` / ``equal_footing`` hold when any source says so.
* **Sources.** ``n_sources`` is the number of distinct documents stating the fact and
  ``n_third_party`` those not published by the actor's own government or state media. A fact
  with ``n_third_party == 0`` is *self-reported only* and flagged (``self_only``).
  ``min_sources`` drops facts stated by fewer documents; ``third_party_only`` drops
  self-reported-only facts.
* **Year.** The record's ``year``; when the text gives none, the year of the document's date.
  Facts with neither are left out.
* **Group split rule.** The partner list is expanded to the member states in force in that
  year (``softpower.records.vocab.expand_partners``), the actor itself removed. Each of the
  ``n`` resulting states receives an equal share ``1/n`` of the fact's count and money, so
  every fact contributes exactly one count and its amount once to any total. Facts whose only
  partner is ``WORLD`` are global and carry no dyadic signal; they are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.records.vocab import expand_partners

PANEL_COLUMNS = (
    "actor",
    "partner",
    "year",
    "instrument",
    "power_type",
    "count",
    "usd_const",
    "usd_missing",
    "ppp",
    "equal_footing",
    "self_only",
)

_FACT_SQL = """
SELECT record_id, fact_key, kind, doc, actor, partners, instrument, power_type, metric, unit, measure,
       coalesce(year, CAST(year(doc_date) AS INTEGER)) AS year,
       amount_usd_const, value, ppp, equal_footing, self_reported
FROM record_sources WHERE kind = ?
ORDER BY record_id
"""


@contextmanager
def _opened(ledger: Any) -> Iterator[Any]:
    """Yield an open ledger: ``ledger`` itself, or a read-only one opened from a path."""
    if isinstance(ledger, str | Path):
        from softpower.ledger import Ledger

        with Ledger.open(Path(ledger), read_only=True) as led:
            yield led
    else:
        yield ledger


def ledger_records(ledger: Any, kind: str) -> pd.DataFrame:
    """Records of one ``kind`` with their source flags (one row per record)."""
    with _opened(ledger) as led:
        return led.query(_FACT_SQL, [kind])


def collapse_facts(
    records: pd.DataFrame, *, min_sources: int = 1, third_party_only: bool = False
) -> pd.DataFrame:
    """Collapse records to one row per ``fact_key`` with source counts.

    Parameters
    ----------
    records
        Rows of :data:`_FACT_SQL` (``record_id, fact_key, doc, actor, partners, ... , self_reported``).
    min_sources
        Keep facts stated by at least this many distinct documents.
    third_party_only
        Keep only facts stated by at least one document not published by the actor's own
        government or state media.

    Returns
    -------
    pandas.DataFrame
        One row per fact: the representative record's fields plus ``n_sources``,
        ``n_third_party`` and ``self_only``.
    """
    if min_sources < 1:
        raise SoftpowerError(f"--min-sources: {min_sources} is below 1 (expected an integer >= 1)")
    if records.empty:
        return records.assign(n_sources=[], n_third_party=[], self_only=[])
    rec = records.sort_values("record_id")  # record ids are unique: any sort gives one order
    g = rec.groupby("fact_key", sort=False)
    third = rec.loc[~rec["self_reported"].astype(bool)]
    out = g.first().reset_index()  # first non-null per column, record_id order
    for col in ("ppp", "equal_footing"):
        out[col] = g[col].any().to_numpy()
    out["n_sources"] = g["doc"].nunique().to_numpy()
    n_third = third.groupby("fact_key")["doc"].nunique()
    out["n_third_party"] = out["fact_key"].map(n_third).fillna(0).astype(int)
    out["self_only"] = out["n_third_party"] == 0
    keep = out["n_sources"] >= min_sources
    if third_party_only:
        keep &= ~out["self_only"]
    return out.loc[keep].reset_index(drop=True)


def split_partners(facts: pd.DataFrame) -> pd.DataFrame:
    """Expand each fact's partners to member states in force that year, with equal shares.

    Adds ``partner`` and ``share`` (``1/n`` over the ``n`` states); drops undated facts,
    WORLD-only facts and the actor itself.
    """
    rows: list[tuple[int, str, float]] = []
    for i, actor, partners, year in zip(
        facts.index, facts["actor"], facts["partners"], facts["year"], strict=True
    ):
        if year is None or pd.isna(year):
            continue
        codes = [str(c) for c in partners if str(c) != "WORLD"]
        states = [c for c in expand_partners(codes, int(year)) if c != actor]
        for s in states:
            rows.append((i, s, 1.0 / len(states)))
    if not rows:
        return facts.iloc[0:0].assign(partner=pd.Series(dtype=str), share=pd.Series(dtype=float))
    idx, partner, share = zip(*rows, strict=True)
    out = facts.loc[list(idx)].reset_index(drop=True)
    out["partner"] = list(partner)
    out["share"] = np.asarray(share, dtype=float)
    out["year"] = out["year"].astype(int)
    return out


def panel_from_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """Engagement facts (one row each) → dyad panel with the :data:`PANEL_COLUMNS`.

    ``count`` is the sum of shares; ``usd_const`` the shared constant-USD money of facts
    with an amount; ``usd_missing`` the shared count of facts without one; ``ppp``,
    ``equal_footing`` and ``self_only`` the shared counts of facts with that flag.
    """
    split = split_partners(facts)
    if split.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype=object if c in PANEL_COLUMNS[:5] else float) for c in PANEL_COLUMNS}
        )
    amount = pd.to_numeric(split["amount_usd_const"], errors="coerce")
    s = split["share"]
    split = split.assign(
        count=s,
        usd_const=(amount.fillna(0.0) * s),
        usd_missing=s.where(amount.isna(), 0.0),
        ppp=s.where(split["ppp"].astype(bool), 0.0),
        equal_footing=s.where(split["equal_footing"].astype(bool), 0.0),
        self_only=s.where(split["self_only"].astype(bool), 0.0),
    )
    keys = ["actor", "partner", "year", "instrument", "power_type"]
    panel = split.groupby(keys, as_index=False)[list(PANEL_COLUMNS[5:])].sum()
    panel["year"] = panel["year"].astype(int)
    return panel.sort_values(keys, ignore_index=True)[list(PANEL_COLUMNS)]


def engagement_panel(ledger: Any, *, min_sources: int = 1, third_party_only: bool = False) -> pd.DataFrame:
    """Dyad panel of engagement: one row per actor × member partner × year × instrument.

    Parameters
    ----------
    ledger
        An open :class:`softpower.ledger.Ledger` or the path of a ledger file.
    min_sources
        Count only facts stated by at least this many distinct documents.
    third_party_only
        Count only facts stated by at least one source other than the actor's own
        government or state media.

    Returns
    -------
    pandas.DataFrame
        Columns ``actor, partner, year, instrument, power_type, count, usd_const,
        usd_missing, ppp, equal_footing, self_only``. Counts are fractional when a fact's
        partner is a group (equal split over the members in force that year); ``usd_const``
        is constant US dollars of ``softpower.money.BASE_YEAR``.

    Examples
    --------
    >>> from softpower.ledger import bundled_ledger  # doctest: +SKIP
    >>> panel = engagement_panel(bundled_ledger("l.duckdb"))  # doctest: +SKIP
    """
    from softpower.measure.panel import engagement_panel_frame

    if min_sources < 1:
        raise SoftpowerError(f"--min-sources: {min_sources} is below 1 (expected an integer >= 1)")
    # computed inside DuckDB (one statement); collapse_facts + panel_from_facts are the pandas
    # reference it equals (tests/test_panel_scale.py, benchmarks/bench_scale.py)
    with _opened(ledger) as led:
        return engagement_panel_frame(led, min_sources=min_sources, third_party_only=third_party_only)
