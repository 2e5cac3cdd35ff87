"""Public API of the extract stage: files → records with provenance.

Examples
--------
>>> from softpower.extract import extract_text
>>> recs = extract_text("note.txt", "In 2008, Japan provided a 3.7 billion yen loan to Cambodia.")
>>> [(r["actor"], r["partners"], r["instrument"], r["amount"], r["currency"], r["year"]) for r in recs]
[('JPN', ['KHM'], 'oda_loan', 3700000000.0, 'JPY', 2008)]
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from softpower.extract.context import Sentence, build_sentence
from softpower.extract.engagements import resolve_pending, sentence_engagements
from softpower.extract.entities import Mention, world_hint
from softpower.extract.indicators import is_statistic, sentence_indicators
from softpower.extract.money import find_money
from softpower.extract.perceptions import POLL, sentence_perceptions
from softpower.extract.sentences import split_sentences
from softpower.extract.text import MAX_BYTES, ExtractInputError, SourceText, read_source
from softpower.records.models import parse_record


@dataclass
class ExtractResult:
    """What one input file gave.

    Attributes
    ----------
    path : str
        The input path as given.
    doc : str
        Document id (file name).
    records : list of dict
        Records in the exchange format (``RECORD_KEYS``), in text order.
    document : dict or None
        Document fields for the ledger (id, text_length, sha256, and text for HTML/PDF).
    error : str or None
        One line saying why the file could not be read; then ``records`` is empty.
    """

    path: str
    doc: str
    records: list[dict[str, Any]] = field(default_factory=list)
    document: dict[str, Any] | None = None
    text: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def extract_text(doc: str, text: str, doc_year: int | None = None) -> list[dict[str, Any]]:
    """Extract every record stated in ``text``; spans index into ``text``.

    Parameters
    ----------
    doc : str
        Document id written into each record.
    text : str
        The document text.
    doc_year : int, optional
        Year of the document, for relative expressions ("last year"). Never today's date.
    """
    records: list[dict[str, Any]] = []
    prev: Sentence | None = None
    polls: list[Sentence] = []
    last_perceptions: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    facts: set[tuple[Any, ...]] = set()
    named: list[list[Mention]] = []  # mentions of the sentences so far (counted only when needed)
    for s0, s1 in split_sentences(text):
        for rec in pending:
            resolve_pending(text, rec, (s0, s1))
        pending = []
        sent = build_sentence(text, s0, s1, prev, doc_year)
        perceptions = sentence_perceptions(doc, text, sent, polls, last_perceptions)
        last_perceptions = perceptions
        if perceptions:
            records.extend(perceptions)
        else:
            taken: list[tuple[int, int]] = []
            money = find_money(text, s0, s1)
            money_spans = [(m.start, m.end) for m in money]
            raw = sentence_indicators(doc, text, sent, taken, money_spans, prev, money)
            indicators = [r for r in raw if _fresh(r, facts)]
            if raw and not indicators and not money and not sent.years:
                # the sentence only repeats figures already recorded
                prev = sent
                continue
            records.extend(indicators)
            stats = any(is_statistic(r) for r in indicators)
            found = sentence_engagements(doc, text, sent, taken, prev, stats, money)
            pending = [r for r in found if not r["instrument"]]
            for rec in found:
                if rec["partners"] == ["WORLD"] and rec["amount"] is not None and named:
                    _main_partner(rec, named, text, s0, s1)
            records.extend(found)
        if sent.mentions:
            named.append(sent.mentions)
        if sent.mentions and POLL.search(text, s0, s1):
            polls = [*polls[-2:], sent]
        prev = sent
    for rec in pending:
        resolve_pending(text, rec, None)
    return [r for r in records if _valid(r)]


def _main_partner(rec: dict[str, Any], named: list[list[Mention]], text: str, s0: int, s1: int) -> None:
    """A costed act with no partner in its clause or the sentence before ("New Delhi opened a $1 billion
    credit line") goes to the state the document has named most often so far (at least twice), other
    than the actor, unless the sentence says the act is worldwide."""
    seen: dict[str, tuple[int, int]] = {}  # state -> (mentions, last sentence index)
    for i, mentions in enumerate(named):
        for m in mentions:
            if m.iso:
                seen[m.iso] = (seen.get(m.iso, (0, 0))[0] + 1, i)
    best = (
        max(((c, i), iso) for iso, (c, i) in seen.items() if iso != rec["actor"]) if len(seen) > 1 else None
    )
    if best is None and seen and rec["actor"] not in seen:
        best = max(((c, i), iso) for iso, (c, i) in seen.items())
    if best is not None and best[0][0] >= 2 and not world_hint(text, s0, s1):
        rec["partners"] = [best[1]]


def _valid(rec: dict[str, Any]) -> bool:
    """Keep only records the record model accepts (a year still ahead is a plan, not an act)."""
    try:
        parse_record(rec)
    except ValidationError:
        return False
    return True


def _fresh(rec: dict[str, Any], facts: set[tuple[Any, ...]]) -> bool:
    """False for a repeat mention of a statistic already recorded in this document."""
    key = (rec["actor"], rec["metric"], rec["unit"], rec["value"])
    if key in facts:
        return False
    facts.add(key)
    return True


def extract_file(path: str | Path, max_bytes: int = MAX_BYTES, doc_year: int | None = None) -> ExtractResult:
    """Read one file and extract its records; a bad file gives ``error``, never an exception."""
    p = Path(path)
    try:
        src: SourceText = read_source(p, max_bytes)
    except ExtractInputError as exc:
        return ExtractResult(str(path), p.name, error=str(exc))
    records = extract_text(src.doc, src.text, doc_year if doc_year is not None else src.year)
    return ExtractResult(str(path), src.doc, records, src.document(), src.text)


def _one(args: tuple[str, int, bool]) -> ExtractResult:
    path, max_bytes, keep_text = args
    try:
        res = extract_file(path, max_bytes)
    except Exception as exc:  # a bug must not stop the other files; report it as this file's error
        return ExtractResult(
            path, Path(path).name, error=f"{path}: internal error {exc.__class__.__name__}: {exc}"
        )
    if not keep_text:
        res.text = None
        if res.document is not None:
            res.document.pop("text", None)
    return res


def extract_paths(
    paths: Iterable[str | Path], workers: int = 1, max_bytes: int = MAX_BYTES, keep_text: bool = True
) -> list[ExtractResult]:
    """Extract many files, in input order; ``workers > 1`` uses local processes.

    Parameters
    ----------
    paths : iterable of str or Path
        Files to read (expand folders first with :func:`softpower.extract.text.iter_inputs`).
    workers : int
        Local worker processes; 1 runs in this process. Results are identical either way.
    max_bytes : int
        Size limit of one file.
    keep_text : bool
        Keep each document's text in the result (needed for the review page and for
        checkable spans of HTML/PDF in the ledger); ``False`` saves memory on large folders.
    """
    items = [(str(p), max_bytes, keep_text) for p in paths]
    if workers <= 1 or len(items) <= 1:
        return [_one(i) for i in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_one, items, chunksize=max(1, len(items) // (workers * 8))))
