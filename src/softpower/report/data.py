"""Tables behind the report and the dashboard, read from a ledger.

Every table keeps the ``record_id`` values it was built from, so that a figure can
lead back to its records and their sources (the provenance rule of the record spec).
Records from several sources stating the same fact share a ``fact_key`` and are
counted once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from softpower.errors import LedgerError
from softpower.records import vocab

RECORD_COLUMNS = (
    "record_id, fact_key, kind, doc, actor, partners, instrument, power_type, metric, unit, measure, "
    "year, year_end, amount, currency, value, name, ppp, equal_footing, span_start, span_end, "
    "amount_usd_const, self_reported"
)
#: Money and source columns read when the ledger has them (newer ledgers add the money bases).
OPTIONAL_COLUMNS = ("amount_usd", "usd_rate", "amount_basis", "price_basis", "price_year", "origin")
#: Money columns of every table and export, in order (present ones only).
MONEY_COLUMNS = (
    "amount",
    "currency",
    "amount_usd",
    "amount_usd_const",
    "amount_basis",
    "price_basis",
    "price_year",
)
#: Groups too wide to credit to each member when a figure is drawn per partner state.
WIDE_GROUPS = frozenset({"WORLD", "EU"})
#: A sentence ends at . ! or ? before white space, a closing quote or bracket. Blank lines are not
#: boundaries: texts taken from PDFs break lines inside sentences.
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"'”’)\]]|$)")
MAX_SENTENCE = 700
#: Characters that make a spreadsheet read a CSV cell as a formula (CWE-1236).
_FORMULA = re.compile(r"^[=+\-@\t\r]")


@dataclass(frozen=True)
class Filters:
    """Record filters shared by the report and the dashboard (``None`` = no filter)."""

    donor: str | None = None
    partner: str | None = None
    instrument: str | None = None
    year_from: int | None = None
    year_to: int | None = None

    def apply(self, records: pd.DataFrame) -> pd.DataFrame:
        """Keep the records that pass every filter (a partner filter matches group members too)."""
        keep = pd.Series(True, index=records.index)
        if self.donor:
            keep &= records["actor"] == self.donor
        if self.instrument:
            keep &= records["instrument"] == self.instrument
        if self.partner:
            keep &= records["partner_states"].map(lambda ps: self.partner in ps) | records["partners"].map(
                lambda ps: self.partner in ps
            )
        if self.year_from is not None:
            keep &= records["year"].notna() & (records["year"] >= self.year_from)
        if self.year_to is not None:
            keep &= records["year"].notna() & (records["year"] <= self.year_to)
        return records[keep]


def tuples(frame: pd.DataFrame) -> Iterator[Any]:
    """Rows of ``frame`` as named tuples (typed loosely: columns vary by table)."""
    return iter(frame.itertuples(index=False))


def default_corpus_dirs() -> list[Path]:
    """Folders searched for document text the ledger does not hold.

    The bundled seed essays are not copied into the package; when the project's
    shared folder sits beside the repository (``../shared/corpus/seeds``) or beside
    the working directory, their sentences are shown.
    """
    here = Path(__file__).resolve()
    candidates = [
        here.parents[3].parent / "shared" / "corpus" / "seeds",
        Path.cwd().parent / "shared" / "corpus" / "seeds",
    ]
    out: list[Path] = []
    for c in candidates:
        if c.is_dir() and c not in out:
            out.append(c)
    return out


def require_records(ledger: Any, path: str | Path = "ledger") -> int:
    """Number of records in ``ledger``; raise :class:`LedgerError` when it holds none."""
    n = int(ledger.query("SELECT count(*) AS n FROM records")["n"].iloc[0])
    if n == 0:
        raise LedgerError(
            f"{path}: the ledger holds no records (import some: softpower ledger import --bundled)"
        )
    return n


#: Arrow integer types read as pandas' nullable integers (as DuckDB's own conversion does).
_NULLABLE_INTS = {
    pa.int8(): pd.Int8Dtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
}


def partner_states(partners: Sequence[str], year: int | None) -> tuple[str, ...]:
    """Partner states of a record: groups expanded to members in force, wide groups left out."""
    narrow = [p for p in partners if p not in WIDE_GROUPS]
    return tuple(vocab.expand_partners(narrow, year))


def load_records(ledger: Any) -> pd.DataFrame:
    """Every record with its source document (title, publisher, url) and partner states.

    Returns
    -------
    pandas.DataFrame
        One row per record; ``partners`` is a list, ``partner_states`` the tuple of
        states it reaches (groups expanded for the record's year). Records with the same
        partners share one list object: treat them as read-only. Text columns are pandas'
        Arrow-backed ``str``: walk them with ``.tolist()``, not value by value.
    """
    have = set(ledger.query("SELECT * FROM record_sources LIMIT 0").columns)
    extra = "".join(f", r.{c}" for c in OPTIONAL_COLUMNS if c in have)
    columns = RECORD_COLUMNS.replace("partners,", "array_to_string(partners, ' ') AS partners,", 1)
    sql = (
        f"SELECT {columns}{extra}, d.title AS doc_title, d.publisher AS publisher, d.url AS doc_url, "
        "d.publisher_kind AS publisher_kind "
        "FROM record_sources r LEFT JOIN documents d ON d.doc_id = r.doc ORDER BY r.doc, r.span_start, r.record_id"
    )
    # through Arrow: about twice as fast as DuckDB's own pandas conversion on a big ledger
    df = (
        ledger.arrow(sql).to_pandas(types_mapper=_NULLABLE_INTS.get)
        if hasattr(ledger, "arrow")
        else ledger.query(sql)
    )
    # few distinct partner lists and (partners, year) pairs: expand each once
    lists: dict[Any, list[str]] = {}
    states: dict[tuple[Any, Any], tuple[str, ...]] = {}
    years = df["year"].astype("Int64")
    year_values = [None if pd.isna(y) else int(y) for y in years.tolist()]
    out_lists, out_states = [], []
    for text, y in zip(df["partners"].tolist(), year_values, strict=True):
        ps = lists.get(text)
        if ps is None:
            ps = lists[text] = text.split() if isinstance(text, str) else []
        key = (text, y)
        st = states.get(key)
        if st is None:
            st = states[key] = partner_states(ps, y)
        out_lists.append(ps)
        out_states.append(st)
    df["partners"] = pd.Series(out_lists, index=df.index, dtype=object)
    df["year"] = years
    df["partner_states"] = pd.Series(out_states, index=df.index, dtype=object)
    return df


def document_texts(
    ledger: Any, docs: Iterable[str], corpus_dirs: Sequence[Path] | None = None
) -> dict[str, str]:
    """Text of each document: ``documents.text`` from the ledger, else a file of that name in ``corpus_dirs``.

    A file is used only when its SHA-256 matches the ledger's ``documents.sha256`` (when
    the ledger has one), so that spans are never applied to a different text.
    """
    wanted = sorted(set(docs))
    out: dict[str, str] = {}
    digests: dict[str, str | None] = {}
    if wanted:
        rows = ledger.query(
            "SELECT doc_id, text, sha256 FROM documents WHERE list_contains(?, doc_id)", [wanted]
        )
        for r in tuples(rows):
            if isinstance(r.text, str):
                out[str(r.doc_id)] = r.text
            digests[str(r.doc_id)] = r.sha256 if isinstance(r.sha256, str) else None
    dirs = default_corpus_dirs() if corpus_dirs is None else list(corpus_dirs)
    for doc in wanted:
        if doc in out or "/" in doc or "\\" in doc or doc.startswith("."):
            continue
        for d in dirs:
            f = d / doc
            if f.is_file():
                raw = f.read_bytes()
                expected = digests.get(doc)
                if expected is None or hashlib.sha256(raw).hexdigest() == expected:
                    out[doc] = raw.decode("utf-8")
                break
    return out


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or paragraph piece) of ``text`` holding the span ``[start, end)``.

    Expands the span backwards and forwards to the nearest sentence end, and
    collapses white space; at most :data:`MAX_SENTENCE` characters.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    after = _SENTENCE_END.search(text, max(start, end - 1))
    right = after.end() if after else len(text)
    sentence = " ".join(text[left:right].split())
    if len(sentence) > MAX_SENTENCE:
        sentence = " ".join(text[start:end].split())
    return sentence


def provenance_table(records: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """One row per record for the provenance panel: what it says, where it says so and the sentence."""
    from softpower.report import names

    def col(name: str) -> list[Any]:
        if name not in records.columns:
            return [None] * len(records)
        values = records[name]
        return list(values.astype(object).where(values.notna(), None))

    starts, ends = col("span_start"), col("span_end")
    sentences: list[str | None] = []
    for doc, a, b in zip(records["doc"].tolist(), starts, ends, strict=True):
        text = texts.get(str(doc))
        if text is not None and a is not None and b is not None:
            sentences.append(sentence_at(text, int(a), int(b)))
        else:
            sentences.append(None)
    state_names = {c: names.state(c) for c in {p for ps in records["partners"] for p in ps}}
    state_names.update({c: names.state(c) for c in records["actor"].unique()})
    # records share partner lists: name each distinct list once
    partner_codes: dict[int, tuple[str, str]] = {}
    joined, joined_names = [], []
    for ps in records["partners"].tolist():
        hit = partner_codes.get(id(ps))
        if hit is None:
            hit = partner_codes[id(ps)] = (" ".join(ps), ", ".join(state_names[p] for p in ps))
        joined.append(hit[0])
        joined_names.append(hit[1])
    partner_codes.clear()
    money = {c: records[c] for c in MONEY_COLUMNS if c in records.columns}
    instruments, metrics, measures = col("instrument"), col("metric"), col("measure")
    out = pd.DataFrame(
        {
            "record_id": records["record_id"],
            "kind": records["kind"],
            "actor": records["actor"],
            "actor_name": records["actor"].map(state_names),
            "partners": joined,
            "partner_names": joined_names,
            "instrument": instruments,
            "instrument_name": [names.instrument(v) for v in instruments],
            "power_type": col("power_type"),
            "metric": [m if m is not None else q for m, q in zip(metrics, measures, strict=True)],
            "what": _whats(
                records["kind"].tolist(),
                instruments,
                metrics,
                measures,
                col("value"),
                col("unit"),
                col("name"),
            ),
            "year": records["year"],
            **money,
            "value": records["value"] if "value" in records.columns else None,
            "unit": col("unit"),
            "doc": records["doc"],
            "title": records["doc_title"],
            "publisher": records["publisher"],
            "span": [
                None if x is None or y is None else f"{int(x)}–{int(y)}"
                for x, y in zip(starts, ends, strict=True)
            ],
            "self_reported": records["self_reported"],
            "sentence": sentences,
        },
        index=records.index,
    )
    return out.reset_index(drop=True)


def _whats(
    kinds: list[Any],
    instruments: list[Any],
    metrics: list[Any],
    measures: list[Any],
    values: list[Any],
    units: list[Any],
    programmes: list[Any],
) -> list[str]:
    """A short description of each record in words: instrument, or metric/measure = value, and the
    programme name (missing values are ``None``). Amounts are not in this text: tables and exports
    carry them as columns."""
    from softpower.report import names

    named: dict[tuple[str, Any], str] = {}
    out: list[str] = []
    for kind, instrument, metric, measure, value, unit, programme in zip(
        kinds, instruments, metrics, measures, values, units, programmes, strict=True
    ):
        code = instrument if kind == "engagement" else metric if kind == "indicator" else measure
        key = (kind, code)
        head = named.get(key)
        if head is None:
            head = named[key] = names.instrument(code) if kind == "engagement" else names.metric(code)
        if kind != "engagement":
            head = f"{head} = {_num(value)}"
            if kind == "indicator" and unit is not None:
                head = f"{head} {unit}"
        out.append(head if programme is None else f"{head} ({programme})")
    return out


def _missing(v: Any) -> bool:
    return v is None or (not isinstance(v, list | tuple | str) and bool(pd.isna(v)))


def _num(v: Any) -> str:
    if _missing(v):
        return "?"
    f = float(v)
    return f"{f:,.0f}" if f.is_integer() else f"{f:,.3g}"


def facts_count(records: pd.DataFrame) -> int:
    """Distinct facts among ``records`` (records sharing a ``fact_key`` count once)."""
    return int(records["fact_key"].nunique())


def engagement_by_year(records: pd.DataFrame) -> pd.DataFrame:
    """Distinct engagement facts per actor, year and power type, with their record ids."""
    eng = records[(records["kind"] == "engagement") & records["year"].notna()]
    cols = ["actor", "year", "power_type", "facts", "record_ids"]
    if eng.empty:
        return pd.DataFrame(columns=cols)
    g = eng.groupby(["actor", "year", "power_type"], sort=True)
    out = g.agg(facts=("fact_key", "nunique"), record_ids=("record_id", list)).reset_index()
    out["year"] = out["year"].astype(int)
    return out[cols]


def reach_level(records: pd.DataFrame, partner: str) -> pd.DataFrame:
    """``records`` with ``level`` (``direct``: ``partner`` is named; ``group``: only a group it belongs
    to is) and ``via`` (the named groups that reach ``partner``, space-separated; empty when direct).

    Records reaching ``partner`` neither way are dropped.
    """
    direct = records["partners"].map(lambda ps: partner in ps)
    reached = direct | records["partner_states"].map(lambda ps: partner in ps)
    out = records[reached].copy()
    out["level"] = ["direct" if d else "group" for d in direct[reached]]
    out["via"] = [
        ""
        if level == "direct"
        else " ".join(
            p for p in ps if p != partner and partner in partner_states([p], None if pd.isna(y) else int(y))
        )
        for level, ps, y in zip(out["level"], out["partners"], out["year"], strict=True)
    ]
    return out


def partner_engagement_by_year(records: pd.DataFrame, partner: str) -> pd.DataFrame:
    """Distinct engagement facts per donor and year reaching ``partner``, split by level.

    A fact (records sharing a ``fact_key``) counts once per donor and year: as ``direct`` when
    any of its records names ``partner``, else as ``group`` (only a group it belongs to is named,
    e.g. ASEAN). Columns: ``actor, year, level, facts, record_ids``.
    """
    cols = ["actor", "year", "level", "facts", "record_ids"]
    eng = reach_level(records[(records["kind"] == "engagement") & records["year"].notna()], partner)
    if eng.empty:
        return pd.DataFrame(columns=cols)
    best = (
        eng.assign(d=eng["level"] == "direct")
        .groupby(["actor", "year", "fact_key"], sort=False)["d"]
        .transform("any")
    )
    eng = eng.assign(level=["direct" if b else "group" for b in best])
    g = eng.groupby(["actor", "year", "level"], sort=True)
    out = g.agg(facts=("fact_key", "nunique"), record_ids=("record_id", list)).reset_index()
    out["year"] = out["year"].astype(int)
    return out[cols]


def network_edges(records: pd.DataFrame) -> pd.DataFrame:
    """Donor → stated partner edges per power type: distinct facts, constant USD, record ids."""
    eng = records[records["kind"] == "engagement"].explode("partners")
    cols = ["actor", "partner", "power_type", "facts", "usd_const", "record_ids"]
    if eng.empty:
        return pd.DataFrame(columns=cols)
    eng = eng.rename(columns={"partners": "partner"})
    g = eng.groupby(["actor", "partner", "power_type"], sort=True)
    out = g.agg(
        facts=("fact_key", "nunique"),
        usd_const=("amount_usd_const", lambda s: float(s.sum(min_count=1)) if s.notna().any() else None),
        record_ids=("record_id", list),
    ).reset_index()
    return out[cols]


def dyad_records(records: pd.DataFrame, actor: str, partner: str, year: int | None = None) -> list[str]:
    """Record ids of ``actor``'s records reaching ``partner`` (up to ``year`` when given)."""
    m = (records["actor"] == actor) & records["partner_states"].map(lambda ps: partner in ps)
    if year is not None:
        m &= records["year"].isna() | (records["year"] <= year)
    return [str(x) for x in records.loc[m, "record_id"]]


def records_for_key(records: pd.DataFrame, key: str) -> list[str]:
    """Record ids behind a figure point, from its provenance key.

    Keys are ``tile|actor|partner|year``, ``dyad|actor|partner|year`` (year may be
    empty), ``edge|actor|partner|power_type``, ``year|actor|year|power_type``,
    ``actor|code``, ``partner|code`` and ``record|record_id``.
    """
    parts = key.split("|")
    kind, args = parts[0], parts[1:]
    ids = records["record_id"].astype(str)
    if kind in ("tile", "dyad") and len(args) == 3:
        return dyad_records(records, args[0], args[1], int(args[2]) if args[2] else None)
    if kind == "edge" and len(args) == 3:
        m = (
            (records["kind"] == "engagement")
            & (records["actor"] == args[0])
            & (records["power_type"] == args[2])
            & records["partners"].map(lambda ps: args[1] in ps)
        )
        return ids[m].tolist()
    if kind == "year" and len(args) == 3:
        m = (
            (records["kind"] == "engagement")
            & (records["actor"] == args[0])
            & (records["year"] == int(args[1]))
            & (records["power_type"] == args[2])
        )
        return ids[m.fillna(False)].tolist()
    if kind == "actor" and len(args) == 1:
        return ids[records["actor"] == args[0]].tolist()
    if kind == "record" and len(args) == 1:
        return ids[ids == args[0]].tolist()
    if kind == "partner" and len(args) == 1:
        m = records["partners"].map(lambda ps: args[0] in ps) | records["partner_states"].map(
            lambda ps: args[0] in ps
        )
        return ids[m].tolist()
    return []


def describe_key(key: str) -> str:
    """A human label for a provenance key (shown above the record list), with names, not codes."""
    from softpower.report import names

    parts = key.split("|")
    kind, args = parts[0], parts[1:]
    if kind in ("tile", "dyad") and len(args) == 3:
        upto = f" up to {args[2]} (and undated)" if args[2] else ""
        return f"records of {names.state(args[0])} reaching {names.state(args[1])}{upto}"
    if kind == "edge" and len(args) == 3:
        return (
            f"{names.power_type(args[2]).lower()} engagements of {names.state(args[0])} "
            f"with {names.state(args[1])}"
        )
    if kind == "year" and len(args) == 3:
        return f"{names.power_type(args[2]).lower()} engagements of {names.state(args[0])} in {args[1]}"
    if kind == "actor" and len(args) == 1:
        return f"all records of {names.state(args[0])}"
    if kind == "record" and len(args) == 1:
        return f"record {args[0]}"
    if kind == "partner" and len(args) == 1:
        return f"all records reaching {names.state(args[0])}"
    return key


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that begin with ``= + - @`` (or a tab or carriage return) get a leading ``'``,
    so a spreadsheet shows them as text instead of running them as formulas. Numbers stay numbers.

    Used for every CSV a person downloads (dashboard downloads, the report's full record table).
    """
    import numpy as np

    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if isinstance(values.dtype, pd.StringDtype):
            hit = values.str.match(_FORMULA.pattern, na=False).to_numpy(dtype=bool)
        elif values.dtype == object:
            cells = values.tolist()
            hit = np.fromiter(
                (isinstance(v, str) and _FORMULA.match(v) is not None for v in cells), bool, len(cells)
            )
        else:
            continue
        if hit.any():
            cells = values.tolist()
            for i in np.flatnonzero(hit):
                cells[i] = "'" + cells[i]
            out[col] = pd.Series(cells, index=out.index, dtype=object)
    return out
