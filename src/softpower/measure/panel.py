"""The dyad-year panel, computed inside DuckDB: facts counted once, groups split, coverage declared.

One SQL statement per kind collapses records to facts (``fact_key``), expands group partners
to the members in force that year, drops the actor itself and ``WORLD`` (a member is never
its own partner: Japan is not its own APT partner, China never scores in China), and
aggregates to one row per actor × partner × year × instrument/metric × origin with both split
rules side by side:

``equal``
    a fact naming ``n`` states gives each ``1/n`` of its count and money (every fact counts
    once in any total; the nominal rule);
``full``
    each named state receives the whole fact (what a partner sees, but regional facts count
    once per member).

Reported indicators in counts, persons or money split like engagement; ratios, shares and
ranks apply to every member under both rules.

**Coverage.** A dataset (an origin whose records come from a ``dataset`` document) observes
the product of the actors, partners and years it reports (per metric for indicators, for all
engagement otherwise); text-extracted records observe only the cells they state. Inside its
scope a cell with no record is a true zero (the donor was seen and did nothing); outside it
the donor is *not comparable* on that source's indicators, never zero. When
``softpower.ledger.coverage`` is available it is used instead of this derived scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

_FACTS = """
WITH r AS (
    SELECT record_id, fact_key, doc, actor, partners, instrument, power_type,
           coalesce(metric, measure) AS name, unit, origin,
           coalesce(year, CAST(year(doc_date) AS INTEGER)) AS year,
           amount_usd_const, value, ppp, equal_footing, self_reported,
           publisher_kind = 'dataset' AS from_dataset
    FROM record_sources WHERE kind = $kind
),
f AS (
    SELECT fact_key,
           min_by(actor, record_id) AS actor,
           min_by(partners, record_id) AS partners,
           min_by(instrument, record_id) AS instrument,
           min_by(power_type, record_id) AS power_type,
           min_by(name, record_id) AS name,
           min_by(unit, record_id) AS unit,
           min_by(origin, record_id) AS origin,
           bool_or(from_dataset) AS from_dataset,
           min_by(year, record_id) FILTER (WHERE year IS NOT NULL) AS year,
           min_by(amount_usd_const, record_id) FILTER (WHERE amount_usd_const IS NOT NULL) AS amount,
           min_by(value, record_id) FILTER (WHERE value IS NOT NULL) AS value,
           bool_or(coalesce(ppp, false)) AS ppp,
           bool_or(coalesce(equal_footing, false)) AS equal_footing,
           count(DISTINCT doc) AS n_sources,
           count(DISTINCT doc) FILTER (WHERE NOT coalesce(self_reported, false)) AS n_third
    FROM r GROUP BY fact_key
),
kept AS (
    SELECT * FROM f
    WHERE n_sources >= $min_sources AND (NOT $third OR n_third > 0) AND year IS NOT NULL
),
named AS (SELECT DISTINCT fact_key, actor, year, unnest(partners) AS p FROM kept),
groups AS (SELECT DISTINCT "group" AS code FROM group_members),
expanded AS (
    SELECT fact_key, actor, year, p AS partner, false AS via_group
    FROM named WHERE p <> 'WORLD' AND p NOT IN (SELECT code FROM groups)
    UNION ALL
    SELECT n.fact_key, n.actor, n.year, g.member, true
    FROM named n JOIN group_members g
      ON g."group" = n.p AND g.joined <= n.year AND (g."left" IS NULL OR n.year < g."left")
),
states AS (
    SELECT fact_key, partner, bool_and(via_group) AS via_group
    FROM expanded WHERE partner <> actor GROUP BY fact_key, partner
),
shared AS (
    SELECT s.fact_key, s.partner, s.via_group,
           1.0 / count(*) OVER (PARTITION BY s.fact_key) AS share
    FROM states s
)
"""

ENGAGEMENT_SQL = (
    _FACTS
    + """
SELECT k.actor, s.partner, k.year, k.instrument, k.power_type, k.origin,
       count(*) AS n_facts,
       sum(s.share) AS count_equal,
       CAST(count(*) AS DOUBLE) AS count_full,
       coalesce(sum(k.amount * s.share), 0.0) AS usd_equal,
       coalesce(sum(k.amount), 0.0) AS usd_full,
       coalesce(sum(s.share) FILTER (WHERE k.amount IS NULL), 0.0) AS missing_equal,
       CAST(count(*) FILTER (WHERE k.amount IS NULL) AS DOUBLE) AS missing_full,
       coalesce(sum(s.share) FILTER (WHERE k.ppp), 0.0) AS ppp,
       coalesce(sum(s.share) FILTER (WHERE k.equal_footing), 0.0) AS equal_footing,
       coalesce(sum(s.share) FILTER (WHERE k.n_third = 0), 0.0) AS self_only,
       bool_or(k.from_dataset) AS from_dataset
FROM kept k JOIN shared s USING (fact_key)
GROUP BY ALL
ORDER BY k.actor, s.partner, k.year, k.instrument, k.origin
"""
)

VALUE_SQL = (
    _FACTS
    + """
SELECT k.actor, s.partner, k.year, k.name, k.origin,
       count(*) AS n_facts,
       avg(CASE WHEN regexp_full_match(coalesce(k.unit, ''), 'count|persons.*|[A-Z]{3}.*|TIV')
                THEN k.value * s.share ELSE k.value END) AS value_equal,
       avg(k.value) AS value_full,
       bool_or(k.from_dataset) AS from_dataset
FROM kept k JOIN shared s USING (fact_key)
WHERE k.value IS NOT NULL
GROUP BY ALL
ORDER BY k.actor, s.partner, k.year, k.name, k.origin
"""
)

NOTES_SQL = """
SELECT count(*) AS facts,
       count(*) FILTER (WHERE year IS NULL) AS undated,
       count(*) FILTER (WHERE list_filter(partners, lambda x: x <> 'WORLD') = []) AS world_only,
       count(*) FILTER (WHERE n_third = 0) AS self_reported_only
FROM (
    SELECT fact_key, min_by(partners, record_id) AS partners,
           min_by(coalesce(year, CAST(year(doc_date) AS INTEGER)), record_id)
               FILTER (WHERE coalesce(year, CAST(year(doc_date) AS INTEGER)) IS NOT NULL) AS year,
           count(DISTINCT doc) AS n_sources,
           count(DISTINCT doc) FILTER (WHERE NOT coalesce(self_reported, false)) AS n_third
    FROM record_sources WHERE kind = 'engagement' GROUP BY fact_key
)
WHERE n_sources >= $min_sources AND (NOT $third OR n_third > 0)
"""


@dataclass(frozen=True)
class Panel:
    """The ledger as dyad-year rows.

    ``engagement``: ``actor, partner, year, instrument, power_type, origin, n_facts,
    count_equal, count_full, usd_equal, usd_full, missing_equal, missing_full, ppp,
    equal_footing, self_only, from_dataset``.
    ``values``: ``kind, actor, partner, year, name, origin, n_facts, value_equal, value_full,
    from_dataset`` (indicators and perceptions).
    ``notes``: counts of engagement facts (``facts, undated, world_only, self_reported_only``).
    """

    engagement: pd.DataFrame
    values: pd.DataFrame
    notes: dict[str, int]


def _query(led: Any, sql: str, params: dict[str, Any]) -> pd.DataFrame:
    return led.con.execute(sql, params).df()


def load_panel(led: Any, *, min_sources: int = 1, third_party_only: bool = False) -> Panel:
    """Read the dyad-year panel of an open ledger (three SQL statements, no Python loops)."""
    p = {"min_sources": int(min_sources), "third": bool(third_party_only)}
    # one thread: parallel aggregation adds floating-point sums in a varying order, and the
    # same ledger must give byte-identical outputs
    led.con.execute("SET threads = 1")
    eng = _query(led, ENGAGEMENT_SQL, {**p, "kind": "engagement"})
    vals = []
    for kind in ("indicator", "perception"):
        v = _query(led, VALUE_SQL, {**p, "kind": kind})
        vals.append(v.assign(kind=kind))
    values = pd.concat(vals, ignore_index=True)
    for df in (eng, values):
        if not df.empty:
            df["year"] = df["year"].astype(int)
    notes_row = _query(led, NOTES_SQL, p).iloc[0]
    notes = {k: int(notes_row[k]) for k in ("facts", "undated", "world_only", "self_reported_only")}
    return Panel(eng, values, notes)


def engagement_rows(panel: Panel) -> pd.DataFrame:
    """The engagement panel under the equal split, in the columns of
    :data:`softpower.measure.dyads.PANEL_COLUMNS` (one row per actor × partner × year ×
    instrument, origins summed)."""
    e = panel.engagement
    cols = ["actor", "partner", "year", "instrument", "power_type"]
    if e.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=object if i < 5 else float)
                for i, c in enumerate(
                    [*cols, "count", "usd_const", "usd_missing", "ppp", "equal_footing", "self_only"]
                )
            }
        )
    out = (
        e.rename(columns={"count_equal": "count", "usd_equal": "usd_const", "missing_equal": "usd_missing"})
        .groupby(cols, as_index=False)[
            ["count", "usd_const", "usd_missing", "ppp", "equal_footing", "self_only"]
        ]
        .sum()
    )
    out["year"] = out["year"].astype(int)
    return out.sort_values(cols, ignore_index=True)


def _engagement_panel_sql(min_sources: int, third_party_only: bool, *, datasets: bool = True) -> str:
    """The dyad-year engagement panel of :func:`softpower.measure.engagement_panel` as one
    statement (the rules of :mod:`softpower.measure.dyads`, computed inside DuckDB).

    Written for CPU and memory at scale (10 M records); ``EXPLAIN ANALYZE`` shows two reads of
    the records and no aggregation the size of the ledger but the first:

    1. ``multi``: the fact keys stated by more than one record (a key-only ``GROUP BY``);
    2. one pass over the records: a fact stated by one record (nearly all) is its own
       representative and is summed at once with the others of its actor, partner list, year,
       instrument, power type and flags; a fact stated by several records is a group of its own
       that keeps what the pandas implementation keeps (the power type, constant-USD amount and
       document year of its lowest ``record_id``, first non-null; self-reported only if every
       source is; its distinct documents);
    3. the facts are summed per actor × partner list × year × instrument (a few thousand rows),
       and only then is each partner list split into the member states in force that year (once
       per distinct actor, list and year) and the sums shared out: ``sum(share × x)`` over the
       facts of a list equals ``share × sum(x)``, so no fact row is multiplied by its members.

    ``record_sources``' rule (a dataset's record is left out when the same import also read
    the fact in a text) needs another look at the records only when the ledger holds dataset
    documents (``datasets``). A fact stated by one record cannot fall under it (the rule needs
    a second record of the fact), so counting ``multi`` before the rule is safe.
    """
    keep = ["fact IS NULL"]  # a fact stated by one record is its own representative
    single = []
    if min_sources > 1:
        single.append("shared")  # one record is one source: below min_sources
        keep.append(f"n_sources >= {int(min_sources)}")
    if third_party_only:
        single.append("(shared OR NOT self_reported)")
        keep.append("n_self < n")
    sources = ", count(DISTINCT doc) FILTER (WHERE shared) AS n_sources" if min_sources > 1 else ""
    shared_keep = " AND ".join(keep[1:]) or "true"
    witnessed, unwitnessed = "", ""
    if datasets:
        witnessed = """
ds AS (SELECT doc_id FROM documents WHERE publisher_kind = 'dataset'),
ds_facts AS (
    SELECT DISTINCT fact_key, origin FROM records
    WHERE kind = 'engagement' AND doc IN (SELECT doc_id FROM ds)
),
witnessed AS (
    SELECT DISTINCT r.fact_key, r.origin FROM records r SEMI JOIN ds_facts f USING (fact_key, origin)
    WHERE r.kind = 'engagement' AND r.doc NOT IN (SELECT doc_id FROM ds)
),"""
        unwitnessed = """
    LEFT JOIN witnessed w
      ON d.publisher_kind = 'dataset' AND w.fact_key = r.fact_key AND w.origin = r.origin"""
    where = "r.kind = 'engagement'" + (" AND w.fact_key IS NULL" if datasets else "")
    return f"""
WITH{witnessed}
multi AS (
    -- facts stated by more than one record (a superset once the dataset rule drops records)
    SELECT fact_key FROM records WHERE kind = 'engagement' GROUP BY fact_key HAVING count(*) > 1
),
j AS (
    SELECT r.fact_key, r.record_id, r.doc, r.actor, r.partners, r.instrument, r.power_type,
           r.year AS record_year, CAST(year(d.date) AS INTEGER) AS doc_year, r.amount_usd_const AS amount,
           r.ppp, r.equal_footing,
           coalesce(d.publisher_country = r.actor AND d.publisher_kind IN ('government', 'state_media'), false)
               AS self_reported,
           m.fact_key IS NOT NULL AS shared
    FROM records r LEFT JOIN documents d ON d.doc_id = r.doc
    LEFT JOIN multi m ON m.fact_key = r.fact_key{unwitnessed}
    WHERE {where}
),
g1 AS (
    -- one pass: a fact of one record is summed with the others of its actor, partner list, year,
    -- instrument and flags at once; a fact of several records is a group of its own (its fact_key)
    SELECT CASE WHEN shared THEN fact_key END AS fact, actor, partners, instrument, ppp, equal_footing,
           record_year, CASE WHEN NOT shared AND record_year IS NULL THEN doc_year END AS own_doc_year,
           CASE WHEN NOT shared THEN power_type END AS own_power_type,
           count(*) AS n, sum(amount) AS usd, count(*) FILTER (WHERE amount IS NULL) AS missing,
           count(*) FILTER (WHERE self_reported) AS n_self,
           arg_min(amount, record_id) FILTER (WHERE shared AND amount IS NOT NULL) AS first_amount,
           arg_min(power_type, record_id) FILTER (WHERE shared) AS first_power_type,
           arg_min(doc_year, record_id)
               FILTER (WHERE shared AND record_year IS NULL AND doc_year IS NOT NULL) AS first_doc_year{sources}
    FROM j{" WHERE " + " AND ".join(single) if single else ""}
    GROUP BY ALL
),
f AS (
    SELECT actor, partners, instrument, ppp, equal_footing,
           coalesce(record_year, own_doc_year, first_doc_year) AS year,
           coalesce(own_power_type, first_power_type) AS power_type,
           CASE WHEN fact IS NULL THEN n ELSE 1 END AS n,
           CASE WHEN fact IS NULL THEN usd ELSE first_amount END AS usd,
           CASE WHEN fact IS NULL THEN missing ELSE CAST(first_amount IS NULL AS BIGINT) END AS missing,
           CASE WHEN fact IS NULL THEN n_self ELSE CAST(n_self = n AS BIGINT) END AS self_only
    FROM g1 WHERE fact IS NULL OR ({shared_keep})
),
c AS (
    SELECT actor, partners, year, instrument, power_type,
           sum(n) AS n, sum(usd) AS usd, sum(missing) AS missing,
           coalesce(sum(n) FILTER (WHERE ppp), 0) AS ppp,
           coalesce(sum(n) FILTER (WHERE equal_footing), 0) AS equal_footing,
           sum(self_only) AS self_only
    FROM f WHERE year IS NOT NULL GROUP BY ALL
),
g AS (
    SELECT map(list("group"), list(ms)) AS gm
    FROM (SELECT "group", list({{'m': member, 'j': joined, 'l': "left"}}) AS ms FROM group_members GROUP BY 1)
),
states AS (
    SELECT actor, partners, year,
           list_filter(list_distinct(flatten(list_transform(partners, lambda p:
               CASE WHEN p = 'WORLD' THEN []::VARCHAR[]
                    WHEN NOT map_contains(gm, p) THEN [p]
                    ELSE list_transform(list_filter(gm[p], lambda e: e.j <= year AND (e.l IS NULL OR year < e.l)),
                                        lambda e: e.m)
               END))), lambda x: x <> actor) AS states
    FROM (SELECT DISTINCT actor, partners, year FROM c), g
),
shares AS (
    -- a window keeps the share a value: an expression over the lambda would be recomputed per use
    SELECT actor, partners, year, partner, 1.0 / count(*) OVER (PARTITION BY actor, partners, year) AS share
    FROM (SELECT actor, partners, year, unnest(states) AS partner FROM states)
)
SELECT c.actor, s.partner, c.year, c.instrument, c.power_type,
       sum(c.n * s.share) AS count,
       sum(coalesce(c.usd, 0.0) * s.share) AS usd_const,
       sum(c.missing * s.share) AS usd_missing,
       sum(c.ppp * s.share) AS ppp,
       sum(c.equal_footing * s.share) AS equal_footing,
       sum(c.self_only * s.share) AS self_only
FROM c JOIN shares s ON s.actor = c.actor AND s.partners = c.partners AND s.year = c.year
GROUP BY ALL
ORDER BY c.actor, s.partner, c.year, c.instrument, c.power_type
"""


def engagement_panel_frame(led: Any, *, min_sources: int = 1, third_party_only: bool = False) -> pd.DataFrame:
    """The engagement dyad-year panel of an open ledger, computed inside DuckDB (one statement).

    Columns of :data:`softpower.measure.dyads.PANEL_COLUMNS`; one thread, so that the sums are
    added in the same order on every run (byte-identical outputs).
    """
    led.con.execute("SET threads = 1")
    # the dataset-witness rule costs a second look at the records: only when datasets are there
    row = led.con.execute("SELECT count(*) FROM documents WHERE publisher_kind = 'dataset'").fetchone()
    datasets = bool(row and row[0])
    sql = _engagement_panel_sql(int(min_sources), bool(third_party_only), datasets=datasets)
    df = led.con.execute(sql).df()
    for c in ("actor", "partner", "instrument", "power_type"):
        df[c] = df[c].astype("str")
    df["year"] = df["year"].astype("int64")
    return df
