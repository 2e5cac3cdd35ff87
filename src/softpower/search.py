"""Full-text search over a ledger's documents and records (BM25 over an inverted index in DuckDB).

DuckDB's ``fts`` extension is not part of the installed package (``LOAD fts`` needs a download,
and nothing is downloaded at run time), so the index is built here: every record becomes a short
text of the names and codes a person would type (donor, partners and the member states a group
reached that year, instrument, power type, metric, programme name, year, ``PPP``, document
title) and every document its title and text. Words are lower-cased runs of letters and digits;
the postings (unit, term, term frequency) live in an in-memory DuckDB database and a query is
ranked by Okapi BM25 (k1 = 1.2, b = 0.75), units matching more of the query's distinct words
first.

Example
-------
>>> from softpower.ledger import Ledger
>>> with Ledger.open("softpower.duckdb", read_only=True) as lg:  # doctest: +SKIP
...     hits = search(lg, "health PPP Vietnam")
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from softpower.errors import SoftpowerError

#: Okapi BM25 parameters.
K1, B = 1.2, 0.75
#: Characters of document text shown around the first matching word.
SNIPPET = 240
_WORD = re.compile(r"[a-z0-9]+")
#: The same tokenisation in DuckDB (runs of letters and digits, lower-cased).
_SQL_SPLIT = "[^a-z0-9]+"
RESULT_COLUMNS = [
    "rank",
    "kind",
    "id",
    "score",
    "matched",
    "title",
    "snippet",
    "doc",
    "actor",
    "partners",
    "year",
]


def tokens(text: str) -> list[str]:
    """Lower-cased words of ``text`` (runs of ASCII letters and digits)."""
    return _WORD.findall(text.lower())


def _record_bodies(records: pd.DataFrame) -> pd.DataFrame:
    """One searchable text per record: names and codes of everything it states."""
    from softpower.report import names

    cache: dict[str, str] = {}

    def st(code: str) -> str:
        if code not in cache:
            cache[code] = f"{code} {names.state(code)}"
        return cache[code]

    def col(name: str) -> list[Any]:
        return records[name].tolist() if name in records.columns else [None] * len(records)

    bodies = []
    for actor, partners, states, instrument, power, metric, measure, name, year, ppp, equal, title in zip(
        col("actor"),
        col("partners"),
        col("partner_states"),
        col("instrument"),
        col("power_type"),
        col("metric"),
        col("measure"),
        col("name"),
        col("year"),
        col("ppp"),
        col("equal_footing"),
        col("doc_title"),
        strict=True,
    ):
        parts = [st(str(actor))]
        seen = set()
        for p in list(partners or ()) + list(states or ()):
            if p not in seen:
                seen.add(p)
                parts.append(st(str(p)))
        for code, namer in ((instrument, names.instrument), (power, names.power_type)):
            if isinstance(code, str):
                parts.append(f"{code.replace('_', ' ')} {namer(code)}")
        for code in (metric, measure):
            if isinstance(code, str):
                parts.append(f"{code.replace('_', ' ')} {names.metric(code)}")
        if isinstance(name, str):
            parts.append(name)
        if year is not None and not pd.isna(year):
            parts.append(str(int(year)))
        if ppp is True:
            parts.append("PPP public-private partnership")
        if equal is True:
            parts.append("equal footing")
        if isinstance(title, str):
            parts.append(title)
        bodies.append(" ".join(parts))
    return pd.DataFrame({"id": "r:" + records["record_id"].astype(str), "body": bodies})


@dataclass
class SearchIndex:
    """An inverted index of one ledger's records and documents (build it with :func:`build_index`)."""

    con: duckdb.DuckDBPyConnection
    n_units: int
    avg_length: float
    seconds: float
    records: pd.DataFrame = field(repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def query(self, text: str, *, limit: int = 20, kind: str | None = None) -> pd.DataFrame:
        """Units best matching ``text``: ``id`` (``r:<record_id>`` or ``d:<doc_id>``), ``score``, ``matched``.

        Units matching more distinct query words rank first, then by BM25 score.

        Raises
        ------
        softpower.errors.SoftpowerError
            When the query has no word to search for, or ``kind`` is not record/document.
        """
        words = sorted(set(tokens(text)))
        if not words:
            raise SoftpowerError(
                f"search: '{text}' has no word to search for (expected e.g. 'health PPP Vietnam')"
            )
        if kind not in (None, "record", "document"):
            raise SoftpowerError(f"search: kind '{kind}' is unknown (expected record or document)")
        prefix = {"record": "r:", "document": "d:"}.get(kind or "", "")
        sql = f"""
            WITH q AS (SELECT unnest(?::VARCHAR[]) AS term)
            SELECT p.id,
                   sum(ln(1 + ({self.n_units} - d.df + 0.5) / (d.df + 0.5))
                       * p.tf * {K1 + 1} / (p.tf + {K1} * (1 - {B} + {B} * l.len / {self.avg_length}))) AS score,
                   count(*) AS matched
            FROM postings p JOIN q USING (term) JOIN df d USING (term) JOIN lengths l USING (id)
            WHERE starts_with(p.id, ?)
            GROUP BY p.id
            ORDER BY matched DESC, score DESC, p.id
            LIMIT ?
        """
        with self._lock:
            out = self.con.execute(sql, [words, prefix, int(limit)]).df()
        return out


def build_index(ledger: Any, records: pd.DataFrame | None = None) -> SearchIndex:
    """Build the search index of ``ledger`` (an open :class:`softpower.ledger.Ledger`).

    ``records`` is :func:`softpower.report.data.load_records` of the same ledger when the caller
    already has it (the dashboard does); otherwise it is loaded.
    """
    from softpower.report import data

    t0 = time.perf_counter()
    if records is None:
        records = data.load_records(ledger)
    con = duckdb.connect(":memory:")
    con.execute("SET threads TO 2")
    rec = _record_bodies(records)
    con.register("rec_bodies", rec)
    con.execute(
        f"""CREATE TABLE postings AS
        SELECT id, term, count(*)::INTEGER AS tf FROM (
            SELECT id, unnest(regexp_split_to_array(lower(body), '{_SQL_SPLIT}')) AS term FROM rec_bodies
        ) WHERE term <> '' GROUP BY id, term"""
    )
    con.unregister("rec_bodies")
    doc_postings = ledger.query(
        f"""SELECT 'd:' || doc_id AS id, term, count(*)::INTEGER AS tf FROM (
            SELECT doc_id, unnest(regexp_split_to_array(
                lower(coalesce(title, '') || ' ' || doc_id || ' ' || coalesce(text, '')), '{_SQL_SPLIT}')) AS term
            FROM documents
        ) WHERE term <> '' GROUP BY id, term"""
    )
    con.register("doc_postings", doc_postings)
    con.execute("INSERT INTO postings SELECT id, term, tf FROM doc_postings")
    con.unregister("doc_postings")
    con.execute("CREATE TABLE lengths AS SELECT id, sum(tf)::DOUBLE AS len FROM postings GROUP BY id")
    con.execute("CREATE TABLE df AS SELECT term, count(*)::DOUBLE AS df FROM postings GROUP BY term")
    n, avg = con.execute("SELECT count(*), coalesce(avg(len), 1) FROM lengths").fetchone() or (0, 1.0)
    return SearchIndex(con, int(n), float(avg) or 1.0, round(time.perf_counter() - t0, 3), records)


def _snippet(text: str | None, words: list[str]) -> str:
    if not text:
        return ""
    low = text.lower()
    pos = min((m.start() for w in words for m in [re.search(rf"\b{re.escape(w)}\b", low)] if m), default=0)
    a = max(0, pos - SNIPPET // 3)
    piece = " ".join(text[a : a + SNIPPET].split())
    return ("…" if a > 0 else "") + piece + ("…" if a + SNIPPET < len(text) else "")


def describe_hits(ledger: Any, index: SearchIndex, hits: pd.DataFrame, query: str) -> pd.DataFrame:
    """Search hits with what a person reads: title, snippet, document, donor, partners, year."""
    from softpower.report import data, names

    words = tokens(query)
    rec_ids = [h[2:] for h in hits["id"] if h.startswith("r:")]
    doc_ids = [h[2:] for h in hits["id"] if h.startswith("d:")]
    recs = index.records[index.records["record_id"].isin(rec_ids)]
    texts = data.document_texts(ledger, list(recs["doc"]) + doc_ids)
    prov = data.provenance_table(recs, texts).set_index("record_id") if len(recs) else pd.DataFrame()
    docs = (
        ledger.query("SELECT doc_id, title FROM documents WHERE list_contains(?, doc_id)", [doc_ids])
        if doc_ids
        else pd.DataFrame(columns=["doc_id", "title"])
    ).set_index("doc_id")
    rows = []
    h: Any
    for i, h in enumerate(hits.itertuples(index=False), start=1):
        hid = str(h.id)
        kind, key = ("record", hid[2:]) if hid.startswith("r:") else ("document", hid[2:])
        year: Any
        if kind == "record":
            p: Any = prov.loc[key]
            title = f"{p['actor_name']} → {p['partner_names']}: {p['what']}"
            snippet, doc, actor, partners, year = (
                p["sentence"] or "",
                p["doc"],
                p["actor"],
                p["partners"],
                p["year"],
            )
        else:
            t = docs["title"].get(key) if key in docs.index else None
            title = t if isinstance(t, str) and t else key
            snippet, doc, actor, partners, year = _snippet(texts.get(key), words), key, None, None, None
        rows.append(
            {
                "rank": i,
                "kind": kind,
                "id": key,
                "score": round(float(h.score), 4),
                "matched": int(h.matched),
                "title": title,
                "snippet": snippet,
                "doc": doc,
                "actor": actor,
                "partners": partners,
                "year": None if year is None or pd.isna(year) else int(year),
            }
        )
    out = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    if len(out):
        out.insert(
            list(out.columns).index("actor") + 1,
            "actor_name",
            [names.state(a) if a else "" for a in out["actor"]],
        )
    return out


def search(
    ledger: Any, query: str, *, limit: int = 20, kind: str | None = None, index: SearchIndex | None = None
) -> pd.DataFrame:
    """Search ``ledger``'s records and documents for ``query``; the best ``limit`` hits, described.

    Parameters
    ----------
    ledger
        An open :class:`softpower.ledger.Ledger`.
    query
        Words to look for, e.g. ``"health PPP Vietnam"`` (names or codes; case does not matter).
    limit
        Most hits returned.
    kind
        ``"record"`` or ``"document"`` to search one kind only; ``None`` searches both.
    index
        A prebuilt :func:`build_index` of the same ledger (built here when ``None``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RESULT_COLUMNS` plus ``actor_name``: rank, kind, id, BM25 score, number of
        distinct query words matched, title, snippet (the record's source sentence or a piece of
        the document), document id, donor, partners and year.
    """
    if limit < 1:
        raise SoftpowerError(f"--limit: {limit} is below 1 (expected a number of hits >= 1)")
    idx = index or build_index(ledger)
    return describe_hits(ledger, idx, idx.query(query, limit=limit, kind=kind), query)
