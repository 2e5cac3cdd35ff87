"""The field step: the actor, partners and year of each record chosen by trained rankers.

The rules read a record's fields from its own clause. On text they were not tuned on, about half
of their misses are statements they *find* with a wrong field: the actor named in the paragraph's
first sentence, the partner of a title, the year of a dateline. This step reconsiders each
engagement's and indicator's fields once, after every other step of the pipeline:

1. **Candidates**, with the exact machinery: the states and groups the gazetteer finds
   (:func:`softpower.extract.entities.find_mentions`, as the rules' reading of each sentence found
   them) in the record's sentence, in the sentences
   before it in its paragraph (up to :data:`PARAGRAPH_BACK`) and in the document's first lines
   (title, dateline); the document's most-mentioned donor power; the years
   (:func:`softpower.extract.years.find_years`, relative ones anchored to the document date) of the
   sentence and the paragraph, the dateline's and the document's year; and the rule's own value.
2. **Features** of each candidate (:func:`candidate_features`, one row per candidate value): where
   its mentions stand (in the sentence, inside the record's span, first in the sentence, character
   and sentence distance to the record), the word before each mention ("by", "from" for a giver;
   "to", "for", "with", "in" for a receiver), possessive form, gazetteer kind, donor power or not,
   mentions in the document and in its title, and whether the rule chose it.
3. **Choice.** A logistic ranker per field (:class:`FieldModel`, fitted by
   ``python -m softpower.extract.learned.train_fields``) scores every candidate; the best candidate
   replaces the rule's value when its score beats the rule value's by the field's shipped margin
   (``margins`` in the weights; a field without a margin is left to the rules). The margins were
   chosen by document-grouped cross-validation of the whole pipeline on the training side
   (``benchmarks/fields_cv.py``).

Prediction needs only numpy (a dot product per field); the weights are gzipped JSON package data
(``softpower/data/extract_model/fields.json.gz``).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from pydantic import ValidationError

from softpower.extract.context import Sentence
from softpower.extract.entities import DONORS, Mention, donor_states, world_hint
from softpower.extract.text import section_dates
from softpower.extract.years import YearSpan
from softpower.records import vocab
from softpower.records.models import parse_record

#: the fields the step may change, in the order of the weights file
FIELDS = ("actor", "partners", "year")
#: instruments a donor gives and its partner receives (with indicators, the records in which a donor
#: state among the candidates is likely the actor; a visit or a purchase may go the other way)
AID = frozenset(
    {
        "oda_loan",
        "oda_grant",
        "technical_cooperation",
        "people_exchange",
        "cultural_institution",
        "health_cooperation",
        "disaster_cooperation",
        "fund_contribution",
    }
)
#: sentences before the record's, in its paragraph, whose mentions are candidates
PARAGRAPH_BACK = 3
#: The most mentions one record's candidates are read from (the ones around its span); no window of
#: the seed, development or real-text corpora has this many in a record's window, so the bound only
#: keeps adversarial lists (thousands of acts in one sentence) linear.
NEAR_MAX = 32
#: characters at the start of the document read as its title and dateline
TITLE_CHARS = 300
_GIVER = re.compile(r"(?i)\b(?:by|from)\s+(?:the\s+)?$")
_RECEIVER = re.compile(
    r"(?i)\b(?:to|for|with|in|into|across|throughout|visit(?:ed|s|ing)?(?:\s+to)?)\s+(?:the\s+)?$"
)
#: a count of states ("offices in 44 partner countries"): a worldwide or unnamed scope
_COUNTRY_COUNT = re.compile(r"(?i)\b\d+\s+(?:\w+\s+)?(?:countries|nations|economies)\b")
_AND = re.compile(r"(?i)(?:\band|,)\s+(?:the\s+)?$")
_SINCE = re.compile(r"(?i)\b(?:since|from|between)\s+(?:\w+\s+){0,2}$")
_IN = re.compile(r"(?i)\b(?:in|on|during)\s+(?:\w+\s+){0,2}$")
_BY = re.compile(r"(?i)\b(?:by|until|till|through|before)\s+(?:\w+\s+){0,2}$")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_DIGITS = re.compile(r"\d{4}")
_FISCAL = re.compile(r"(?i)\b(?:FY|fiscal(?:\s+year)?|financial year)\s*$")

ACTOR_FEATURES = (
    "rule",
    "in_sentence",
    "in_span",
    "first_in_sentence",
    "rel_position",
    "after_by_from",
    "after_to_for_with",
    "after_and",
    "possessive",
    "demonym",
    "organisation",
    "capital",
    "group",
    "donor",
    "in_paragraph",
    "in_title",
    "log_doc_count",
    "top_donor",
    "log_char_distance",
    "sentence_distance",
    "world",
    "world_hint",
    "dac_donor_aid",
    "dac_donor_other",
    "other_is_dac_donor",
)
YEAR_FEATURES = (
    "rule",
    "in_sentence",
    "in_span",
    "first_in_sentence",
    "last_in_sentence",
    "rel_position",
    "after_in",
    "after_since",
    "after_by",
    "fiscal",
    "range",
    "relative",
    "in_paragraph",
    "dateline",
    "doc_year",
    "after_doc_year",
    "log_doc_count",
    "log_char_distance",
    "sentence_distance",
    "min_of_sentence",
    "max_of_sentence",
)
FEATURES = {"actor": ACTOR_FEATURES, "partners": ACTOR_FEATURES, "year": YEAR_FEATURES}


@dataclass
class Document:
    """What the step reads of one document, computed once: its sentences, the gazetteer's mentions
    and the years of the whole text, paragraph starts, the title's mentions and the datelines."""

    text: str
    sentences: list[tuple[int, int]]
    doc_year: int | None
    mentions: list[Mention]
    years: list[YearSpan]
    paragraphs: list[int]
    counts: Counter[str]
    title: frozenset[str]
    datelines: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    year_starts: list[int] = field(default_factory=list)
    #: how often the document states each year (the same for every record: counted once)
    year_counts: Counter[int | None] = field(default_factory=Counter)
    #: per year of :attr:`years` (by index), what the words before it say (:func:`_year_context`),
    #: read once however many records have it among their candidates
    year_context: dict[int, tuple[bool, bool, bool, bool, bool]] = field(default_factory=dict)
    #: the donor power the document names most (the same for every record: found once)
    top_donor: str | None = None
    #: per mention of :attr:`mentions` (by index), what the words before it say (:func:`_mention_context`)
    mention_context: dict[int, tuple[int, ...]] = field(default_factory=dict)
    #: per mention of :attr:`mentions` (by index), the values it names (:func:`_values`)
    mention_values: list[tuple[str, ...]] = field(default_factory=list)
    #: per instrument class (a donor's aid or not) and candidate value, its row before the record's own
    #: features are set (:meth:`value_row`), computed once per document
    value_rows: dict[bool, dict[str, list[float]]] = field(default_factory=lambda: {False: {}, True: {}})

    def __post_init__(self) -> None:
        self.starts = [a for a, _ in self.sentences]
        self.mention_starts = [m.start for m in self.mentions]
        self.mention_values = [_values(m) for m in self.mentions]
        self.year_starts = [y.start for y in self.years]
        self.year_counts = Counter(y.year for y in self.years)
        self.top_donor = max(
            (c for c in self.counts if c in DONORS), key=lambda c: (self.counts[c], c), default=None
        )

    @classmethod
    def read(cls, text: str, sentences: list[Sentence], doc_year: int | None) -> Document:
        """From the pipeline's own sentences (their mentions and years were found once, by the
        rules' reading): nothing of the text is searched again but the paragraph breaks and the
        datelines."""
        mentions = [m for s in sentences for m in s.mentions if m.kind != "place" or m.iso]
        counts: Counter[str] = Counter()
        for m in mentions:
            for v in _values(m):
                counts[v] += 1
        title_end = min(len(text), TITLE_CHARS)
        nl = text.find("\n\n", 0, title_end)
        title_end = nl if nl > 0 else title_end
        return cls(
            text,
            [(s.start, s.end) for s in sentences],
            doc_year,
            mentions,
            [y for s in sentences for y in s.years if y.year is not None],
            [0] + [m.end() for m in _PARAGRAPH.finditer(text)],
            counts,
            frozenset(v for m in mentions if m.start < title_end for v in _values(m)),
            section_dates(text),
        )

    def value_row(self, v: str, aid: bool) -> list[float]:
        """Candidate ``v``'s feature row (:data:`ACTOR_FEATURES`) before any mention is read, with the
        record's own features (rule, first_in_sentence, world_hint, other_is_dac_donor) at 0: the same
        for every record of the document whose instrument is (``aid``) or is not a donor's aid."""
        dac = v in donor_states()
        return [
            0.0,
            0.0,
            0.0,
            0.0,
            1.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            float(not vocab.is_country(v)),
            float(v in DONORS),
            0.0,
            float(v in self.title),
            _log(self.counts.get(v, 0)),
            float(v == self.top_donor),
            1.0,
            2.0,
            float(v == "WORLD"),
            0.0,
            float(dac and aid),
            float(dac and not aid),
            0.0,
        ]

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the one starting at or before it)."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def window(self, rec: dict[str, Any]) -> tuple[int, int, int, int]:
        """(sentence start, sentence end, index of the sentence, start of the paragraph window)."""
        a = rec["span"][0]
        i = self.sentence_index(a)
        s0, s1 = self.sentences[i] if self.sentences else (0, len(self.text))
        s0, s1 = min(s0, a), max(s1, rec["span"][1])
        para = self.paragraphs[bisect_right(self.paragraphs, s0) - 1]
        j = max(0, i - PARAGRAPH_BACK)
        back = self.sentences[j][0] if self.sentences else s0
        return s0, s1, i, max(para, min(back, s0))


def _values(m: Mention) -> tuple[str, ...]:
    if m.iso:
        return (m.iso,)
    return m.codes if len(m.codes) == 1 else ()


def _log(x: float) -> float:
    return math.log1p(max(x, 0.0))


def actor_candidates(doc: Document, rec: dict[str, Any], field: str) -> tuple[list[str], np.ndarray]:
    """The candidate values of ``field`` ("actor" or "partners") for one record and their feature
    rows (:data:`ACTOR_FEATURES`)."""
    text = doc.text
    s0, s1, i, w0 = doc.window(rec)
    a, b = rec["span"]
    starts = doc.mention_starts
    # the mentions from the window's start to the sentence's end (in text order): a bounded slice, not
    # a scan of every later mention of the document
    lo, hi = bisect_left(starts, w0), bisect_left(starts, s1)
    # the sentence's first mention with a value, found before the window is bounded
    first = next((v for k in range(bisect_left(starts, s0), hi) for v in doc.mention_values[k]), None)
    if hi - lo > NEAR_MAX:
        # a window naming more than NEAR_MAX places (a list of thousands of acts in one sentence):
        # the NEAR_MAX mentions around the record's own span, so each record's cost is bounded
        lo = max(lo, min(bisect_left(starts, a) - NEAR_MAX // 2, hi - NEAR_MAX))
        hi = lo + NEAR_MAX
    rule = rec.get("actor") if field == "actor" else None
    rules = {rule} if field == "actor" else set(rec.get("partners") or [])
    top = doc.top_donor
    values: dict[str, list[float]] = {}
    aid = rec.get("kind") == "indicator" or rec.get("instrument") in AID
    # other_is_dac_donor: a donor state among the rule's values other than the candidate
    dac = donor_states()
    donors = [o for o in rules if o and o in dac]
    other_donor = 1.0 if len(donors) > 1 else 0.0
    templates = doc.value_rows[aid]
    hint: bool | None = None  # world_hint, read only for the candidate WORLD

    def blank(v: str) -> list[float]:
        nonlocal hint
        row = templates.get(v)
        if row is None:
            row = templates[v] = doc.value_row(v, aid)
        row = row[:]  # the value's document-wide features, then the record's own
        if v in rules:
            row[0] = 1.0
        if v == first:
            row[3] = 1.0
        if v == "WORLD":
            if hint is None:
                hint = world_hint(text, s0, s1) or _COUNTRY_COUNT.search(text, s0, s1) is not None
            if hint:
                row[21] = 1.0
        if len(donors) == 1:
            row[24] = 0.0 if v == donors[0] else 1.0
        else:
            row[24] = other_donor
        return row

    mentions, contexts, mention_values = doc.mentions, doc.mention_context, doc.mention_values
    span = max(1, s1 - s0)
    log1p = math.log1p
    # the 0/1 features only ever go from 0 to 1 (``max`` of 0/1 values): set where the mention has them
    for k in range(lo, hi):
        m = mentions[k]
        vs = mention_values[k]
        if not vs or (field == "actor" and (m.iso is None or m.kind == "place")):
            continue
        ones = contexts.get(k)
        if ones is None:
            ones = _mention_context(doc, k)
        start = m.start
        inside = start >= s0
        dist = log1p(max(abs(start - a), 0.0)) / 10.0
        for v in vs:
            row = values.get(v)
            if row is None:
                row = values[v] = blank(v)
            if inside:
                row[1] = 1.0
                row[4] = min(row[4], (start - s0) / span)
                row[19] = min(row[19], 0.0)
            else:
                row[14] = 1.0
                row[19] = min(row[19], 1.0)
            if a <= start < b:
                row[2] = 1.0
            for j in ones:
                row[j] = 1.0
            row[18] = min(row[18], dist)
    extra = set(rules) | ({top} if top and field == "actor" else set()) | set(doc.title)
    if field == "partners":
        extra.add("WORLD")
    for v in sorted(x for x in extra if x and x not in values):
        if field == "actor" and v not in doc.counts and v not in rules:
            continue
        values[v] = blank(v)
    names = sorted(values)
    flat: list[float] = []  # one flat list of the rows: numpy converts it faster than a list of lists
    for v in names:
        flat += values[v]
    return names, np.asarray(flat, dtype=np.float64).reshape(len(names), len(ACTOR_FEATURES))


def year_candidates(doc: Document, rec: dict[str, Any]) -> tuple[list[int], np.ndarray]:
    """The candidate years of one record and their feature rows (:data:`YEAR_FEATURES`)."""
    s0, s1, i, w0 = doc.window(rec)
    a, b = rec["span"]
    # the years from the window's start to the sentence's end (the years are in text order): a bounded
    # slice, not a scan of every later year of the document
    lo, hi = bisect_left(doc.year_starts, w0), bisect_left(doc.year_starts, s1)
    near = doc.years[lo:hi]
    own = [y.year for y in near if y.start >= s0 and y.year is not None]
    rule = rec.get("year")
    dated = [yr for pos, yr in doc.datelines if pos <= a]
    dateline = dated[-1] if dated else None
    counts = doc.year_counts
    values: dict[int, list[float]] = {}

    def blank(v: int) -> list[float]:
        return [
            float(v == rule),
            0.0,
            0.0,
            float(bool(own) and v == own[0]),
            float(bool(own) and v == own[-1]),
            1.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            float(v == dateline),
            float(v == doc.doc_year),
            float(doc.doc_year is not None and v > doc.doc_year),
            _log(counts.get(v, 0)),
            1.0,
            2.0,
            float(bool(own) and v == min(own)),
            float(bool(own) and v == max(own)),
        ]

    for k, y in enumerate(near, lo):
        v = int(y.year or 0)
        row = values.get(v)
        if row is None:
            row = values[v] = blank(v)
        inside = y.start >= s0
        after_in, after_since, after_by, fiscal, no_digits = _year_context(doc, k)
        row[1] = max(row[1], float(inside))
        row[2] = max(row[2], float(a <= y.start < b))
        if inside:
            row[5] = min(row[5], (y.start - s0) / max(1, s1 - s0))
        row[6] = max(row[6], float(after_in))
        row[7] = max(row[7], float(y.kind == "since" or after_since))
        row[8] = max(row[8], float(y.kind == "end" or after_by))
        row[9] = max(row[9], float(fiscal))
        row[10] = max(row[10], float(y.kind in ("range", "pair")))
        row[11] = max(row[11], float(no_digits))
        row[12] = max(row[12], float(not inside))
        row[17] = min(row[17], _log(abs(y.start - a)) / 10.0)
        row[18] = min(row[18], 0.0 if inside else 1.0)
    for extra in (rule, dateline, doc.doc_year):
        if isinstance(extra, int) and extra not in values:
            values[extra] = blank(extra)
    names = sorted(values)
    return names, np.asarray([values[v] for v in names], dtype=np.float64).reshape(
        len(names), len(YEAR_FEATURES)
    )


def _mention_context(doc: Document, k: int) -> tuple[int, ...]:
    """The actor features (indices into :data:`ACTOR_FEATURES`) that the document's ``k``-th mention
    sets whatever the record: the words before it ("by"/"from": a giver; "to"/"for"/"with"/"in": a
    receiver; "and" or a comma), a possessive, its gazetteer kind, a group. Remembered per document."""
    got = doc.mention_context.get(k)
    if got is None:
        m = doc.mentions[k]
        before = doc.text[max(0, m.start - 24) : m.start]
        giver, receiver, coordinated = word_before(before)
        # the indices of the features that are on, in this order (set directly: no generator over
        # (index, flag) pairs)
        on = []
        if giver:
            on.append(5)
        if receiver:
            on.append(6)
        if coordinated:
            on.append(7)
        if m.possessive:
            on.append(8)
        if m.kind == "demonym":
            on.append(9)
        elif m.kind == "organisation":
            on.append(10)
        elif m.kind == "capital":
            on.append(11)
        if m.iso is None:
            on.append(12)
        got = tuple(on)
        doc.mention_context[k] = got
    return got


_GIVER_WORDS = frozenset({"by", "from"})
_RECEIVER_WORDS = frozenset(
    {"to", "for", "with", "in", "into", "across", "throughout", "visit", "visited", "visits", "visiting"}
)
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_COORDINATING = frozenset({"and", ","})


def _last_word(low: str) -> str:
    """The run of ASCII word characters (``\\w``) that ends ``low``, or ``","`` where ``low`` ends with
    a comma ("" for anything else)."""
    if low.endswith(","):
        return ","
    # ``rstrip`` with a set of characters removes the trailing run of them (one C call, not a loop)
    return low[len(low.rstrip(_WORD_CHARS)) :]


def word_before(before: str) -> tuple[bool, bool, bool]:
    """``(_GIVER, _RECEIVER, _AND)`` each searched in ``before``, the text just before a mention.

    Each pattern is a word (or a comma), white space, an optional "the" and white space up to the end:
    on ASCII text that is the word that ends ``before`` once its trailing white space is stripped, or
    the one before a trailing "the", looked up in a set (a word boundary before it is where the run of
    word characters starts). Text outside ASCII (where case-blind matching reaches beyond
    ``str.lower``) goes to the three regexes."""
    if not before.isascii():
        return (
            _GIVER.search(before) is not None,
            _RECEIVER.search(before) is not None,
            _AND.search(before) is not None,
        )
    low = before.rstrip()
    if len(low) == len(before):
        return False, False, False  # every pattern ends in white space
    low = low.lower()
    w = _last_word(low)
    # "(by) the": the word before the article (which follows white space)
    if low.endswith("the") and len(low) > 3 and low[-4].isspace():
        u = _last_word(low[:-3].rstrip())
        return (
            w in _GIVER_WORDS or u in _GIVER_WORDS,
            w in _RECEIVER_WORDS or u in _RECEIVER_WORDS,
            w in _COORDINATING or u in _COORDINATING,
        )
    return w in _GIVER_WORDS, w in _RECEIVER_WORDS, w in _COORDINATING


def _year_context(doc: Document, k: int) -> tuple[bool, bool, bool, bool, bool]:
    """What the 24 characters before the document's ``k``-th year say ("in", "since", "by", a fiscal
    year) and whether the year is written without digits, remembered per document."""
    got = doc.year_context.get(k)
    if got is None:
        y = doc.years[k]
        before = doc.text[max(0, y.start - 24) : y.start]
        got = (
            bool(_IN.search(before)),
            bool(_SINCE.search(before)),
            bool(_BY.search(before)),
            bool(_FISCAL.search(before)),
            _DIGITS.search(doc.text, y.start, y.end) is None,
        )
        doc.year_context[k] = got
    return got


def candidates(doc: Document, rec: dict[str, Any], field: str) -> tuple[list[Any], np.ndarray]:
    """The candidate values of ``field`` for one record and their feature rows."""
    if field == "year":
        return year_candidates(doc, rec)  # type: ignore[return-value]
    return actor_candidates(doc, rec, field)  # type: ignore[return-value]


def applies(rec: dict[str, Any]) -> bool:
    """The step reads engagements and indicators (perceptions name respondents, not partners)."""
    return rec.get("kind") in ("engagement", "indicator")


@dataclass
class Ranker:
    """A logistic scorer of candidate feature rows (scikit-learn's fit, exported)."""

    coef: list[float]
    intercept: float

    def scores(self, rows: np.ndarray) -> np.ndarray:
        coef = self.__dict__.get("_coef")
        if coef is None:  # the coefficients as an array once, not at every record
            coef = self.__dict__["_coef"] = np.asarray(self.coef, dtype=np.float64)
        out: np.ndarray = rows @ coef + self.intercept
        return out


@dataclass
class FieldModel:
    """One ranker per field and the margin (in logits) by which the best candidate must beat the
    rule's value to replace it; a field without a margin keeps the rule's value."""

    rankers: dict[str, Ranker]
    margins: dict[str, float | None]

    def choose(self, doc: Document, rec: dict[str, Any], field: str) -> tuple[Any, float] | None:
        """The model's value of ``field`` for ``rec`` and its score margin over the rule's value, or
        over even odds where the rule gave none (``None`` where there is no candidate)."""
        names, rows = candidates(doc, rec, field)
        if not names:
            return None
        s = self.rankers[field].scores(rows)
        best = int(np.argmax(s))
        if field == "partners":
            rule = [j for j, v in enumerate(names) if v in (rec.get("partners") or [])]
        else:
            rule = [j for j, v in enumerate(names) if v == rec.get(field)]
        # without a rule value the best candidate must beat even odds (logit 0) by the margin
        base = max((float(s[j]) for j in rule), default=0.0)
        return names[best], float(s[best]) - base

    def apply(
        self, text: str, records: list[dict[str, Any]], sentences: list[Sentence], doc_year: int | None
    ) -> list[dict[str, Any]]:
        """Replace fields where the ranker's choice beats the rule's by the field's margin."""
        active = [f for f in FIELDS if self.margins.get(f) is not None]
        todo = [r for r in records if applies(r)]
        if not active or not todo:
            return records
        doc = Document.read(text, sentences, doc_year)
        for r in todo:
            for f in active:
                got = self.choose(doc, r, f)
                if got is None:
                    continue
                value, margin = got
                if margin > float(self.margins[f] or 0.0) and _may_change(doc, r, f, value):
                    _change(r, f, value)
        return records

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "softpower-fields/1",
            "features": {f: list(FEATURES[f]) for f in FIELDS},
            "rankers": {f: {"coef": r.coef, "intercept": r.intercept} for f, r in self.rankers.items()},
            "margins": self.margins,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FieldModel:
        if data.get("format") != "softpower-fields/1":
            raise ValueError(
                f"fields weights: expected format softpower-fields/1, got {data.get('format')!r}"
            )
        for f in FIELDS:
            if list(data["features"][f]) != list(FEATURES[f]):
                raise ValueError(f"fields weights: the {f} features differ from this version's (retrain)")
        return cls(
            {
                f: Ranker([float(c) for c in r["coef"]], float(r["intercept"]))
                for f, r in data["rankers"].items()
            },
            {f: (None if m is None else float(m)) for f, m in data["margins"].items()},
        )


def _may_change(doc: Document, rec: dict[str, Any], field: str, value: Any) -> bool:
    """A new actor must be named in the record's sentence or the paragraph before it (not only
    elsewhere in the document); a record the rules gave only an end year ("stood at $4 billion by
    2022": a stock, not an act of one year) gets no start year."""
    if field == "actor":
        s0, s1, _, w0 = doc.window(rec)
        lo, hi = bisect_left(doc.mention_starts, w0), bisect_left(doc.mention_starts, s1)
        return any(m.iso == value for m in doc.mentions[lo:hi])
    if field == "year":
        return not (rec.get("year") is None and rec.get("year_end") is not None)
    return True


def _change(rec: dict[str, Any], field: str, value: Any) -> None:
    """Set ``field`` of ``rec`` to ``value`` unless the record model would refuse the result (an
    actor among its own partners, a year still ahead of the document). A new actor that was the
    record's partner swaps places with the old actor."""
    new = dict(rec)
    if field == "partners":
        new["partners"] = [value]
    elif field == "actor":
        new["actor"] = value
        partners = list(rec.get("partners") or [])
        if value in partners and rec.get("actor"):
            # the rule read the roles the wrong way round ("the arrival of doses from the United
            # States" with Indonesia as the actor): the two states swap
            new["partners"] = [rec["actor"]] + [p for p in partners if p not in (value, rec["actor"])]
    else:
        new["year"] = int(value)
        if new.get("year_end") is not None and new["year_end"] < new["year"]:
            new["year_end"] = None
    if new.get("actor") in (new.get("partners") or []):
        return
    try:
        parse_record(new)
    except ValidationError:
        return
    rec.update(new)


def dump_bytes(model: FieldModel) -> bytes:
    """Gzipped JSON of ``model``, the same bytes for the same model (no timestamp)."""
    raw = json.dumps(model.to_json(), sort_keys=True, indent=1).encode("utf-8") + b"\n"
    return gzip.compress(raw, compresslevel=9, mtime=0)


@lru_cache(maxsize=1)
def load_fields() -> FieldModel | None:
    """The shipped field model, or ``None`` when the package holds none."""
    base = resources.files("softpower.data").joinpath("extract_model")
    try:
        raw = base.joinpath("fields.json.gz").read_bytes()
    except FileNotFoundError:
        return None
    return FieldModel.from_json(json.loads(gzip.decompress(raw)))
