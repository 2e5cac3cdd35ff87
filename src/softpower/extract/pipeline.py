"""Public API of the extract stage: files → records with provenance.

Examples
--------
>>> from softpower.extract import extract_text
>>> recs = extract_text("note.txt", "In 2008, Japan provided a 3.7 billion yen loan to Cambodia.")
>>> [(r["actor"], r["partners"], r["instrument"], r["amount"], r["currency"], r["year"]) for r in recs]
[('JPN', ['KHM'], 'oda_loan', 3700000000.0, 'JPY', 2008)]
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from softpower.extract.consistency import (
    anchor_years,
    assign_amounts,
    date_sections,
    dedupe,
    drop_booked_statistics,
    drop_cumulative_totals,
    drop_meeting_content,
    drop_package_parts,
    drop_quoted_acts,
    drop_restated_headlines,
    funded_frameworks,
    local_dollars,
    rupees_by_context,
    since_then_years,
    undecide_build_agreements,
    yuan_sign,
)
from softpower.extract.context import (
    SYMMETRIC,
    VERB_BEFORE,
    Sentence,
    build_sentence,
    receiving_groups,
    receiving_states,
)
from softpower.extract.engagements import resolve_pending, sentence_engagements
from softpower.extract.entities import (
    DONORS,
    Mention,
    document_region,
    donor_states,
    find_mentions,
    order_codes,
    place_line_end,
    the_region,
    world_hint,
)
from softpower.extract.indicators import is_statistic, sentence_indicators
from softpower.extract.learned.apply import SentenceInfo, attach_confidence, refine
from softpower.extract.learned.tagger import Tagger, load_tagger, propose
from softpower.extract.learned.weights import Models, load_models
from softpower.extract.lists import ListLead, list_item
from softpower.extract.memo import forget_documents
from softpower.extract.money import Money, find_money
from softpower.extract.people import people_of
from softpower.extract.perceptions import names_poll, sentence_perceptions
from softpower.extract.reading import reading_view
from softpower.extract.sentences import name_break, split_sentences
from softpower.extract.tables import row_records, table_rows
from softpower.extract.text import (
    MAX_BYTES,
    ExtractInputError,
    SourceText,
    head_year,
    read_source,
    section_dates,
)
from softpower.records import vocab
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
        One line saying why the file could not be read (or took too long); then ``records`` is empty.
    warnings : list of str
        One line each for input that was ignored (an impossible dateline date).
    """

    path: str
    doc: str
    records: list[dict[str, Any]] = field(default_factory=list)
    document: dict[str, Any] | None = None
    text: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


class ExtractTimeout(RuntimeError):
    """A document took longer than its time limit; the message names the document and where it stopped."""


def extract_text(
    doc: str,
    text: str,
    doc_year: int | None = None,
    time_limit: float | None = None,
    learned: Models | bool = True,
    tagger: Tagger | bool | None = None,
) -> list[dict[str, Any]]:
    """Extract every record stated in ``text``; spans index into ``text``.

    Parameters
    ----------
    doc : str
        Document id written into each record.
    text : str
        The document text.
    doc_year : int, optional
        Year of the document, for relative expressions ("last year"). Never today's date.
    time_limit : float, optional
        CPU seconds this document may take; past it :class:`ExtractTimeout` is raised.
    learned : Models or bool
        ``True``: the shipped learned models decide instruments, propose acts the rules missed
        and give each record a ``confidence`` (:mod:`softpower.extract.learned.apply`);
        ``False``: the rules alone; a :class:`~softpower.extract.learned.weights.Models`: those models.
    tagger : Tagger, bool or None
        The sequence tagger's proposals (:mod:`softpower.extract.learned.tagger`) for sentences the
        rules left without an act: ``None`` as its shipped policy says (``tagger.toml``), ``False``
        off, ``True`` the shipped tagger on, a :class:`~softpower.extract.learned.tagger.Tagger`
        that one on. Never without the learned models (``learned=False``).

    Raises
    ------
    ExtractTimeout
        When ``time_limit`` is reached (checked between sentences, which are bounded in length).
    """
    view = reading_view(text)
    if view is not None:  # soft hyphens, zero-width marks, ligatures, full-width forms, "\r" line ends
        return view.restore(extract_text(doc, view.text, doc_year, time_limit, learned, tagger), text)
    sentences = split_sentences(text)
    unwrapped = unwrap_lines(text, sentences)
    records = _extract_sentences(doc, unwrapped, sentences, doc_year, time_limit, learned, tagger)
    if unwrapped is not text:
        for rec in records:
            rec["quote"] = text[rec["span"][0] : rec["span"][1]]
    return records


def unwrap_lines(text: str, sentences: list[tuple[int, int]]) -> str:
    """``text`` with each line break inside a sentence that wraps a phrase (:func:`_line_breaks`) read as
    a space (one character for one, so every span holds): a hard-wrapped text or a PDF's lines break
    inside names, currencies and phrases ("Papua New\nGuinea", "2 million US\ndollars", "grant\naid"),
    which the rules read word by word. The sentence splitter has already decided which line breaks end
    a block (headings, list items, table rows, blank lines); only breaks inside its sentences are
    looked at. ``text`` itself when none is unwrapped."""
    breaks = [i for s0, s1 in sentences for i in _line_breaks(text, s0, s1)]
    if not breaks:
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


def _line_breaks(text: str, start: int, end: int) -> Iterator[int]:
    """The line breaks in ``text[start:end]`` that wrap a phrase: the next line goes on in lower case
    ("US\ndollars", "grant\naid") or the break falls inside a name ("Solomon\nIslands"). A line that
    starts otherwise keeps its break, since the steps that read lines need it: a date line under a
    heading, a list after a lead's colon ("... who trust each partner:\nJapan - 64%")."""
    i = text.find("\n", start, end)
    while i >= 0:
        j = i
        while j > start and text[j - 1] in " \t":
            j -= 1
        k = i + 1
        while k < end and text[k] in " \t":
            k += 1
        if (
            j > start
            and k < end
            and text[j - 1] not in ":;"
            and (text[k].islower() or name_break(text, i, i + 1))
        ):
            yield i
        i = text.find("\n", i + 1, end)


def _extract_sentences(
    doc: str,
    text: str,
    sentences: list[tuple[int, int]],
    doc_year: int | None,
    time_limit: float | None,
    learned: Models | bool,
    tagger: Tagger | bool | None,
) -> list[dict[str, Any]]:
    """:func:`extract_text` on ``text`` split into ``sentences``."""
    forget_documents()  # the rules' caches let the documents read before this one go
    records: list[dict[str, Any]] = []
    prev: Sentence | None = None
    polls: list[Sentence] = []
    last_perceptions: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    facts: set[tuple[Any, ...]] = set()
    named: dict[str, tuple[int, int]] = {}  # states named so far: (mentions, last sentence index)
    n_named = 0
    clock = time.process_time() if time_limit is not None else 0.0
    infos: list[SentenceInfo] = []
    spans: list[tuple[int, int]] = []
    money_at: dict[tuple[int, int], list[Any]] = {}
    booked: list[tuple[int, int, float, str]] = []  # running totals and levels: (sentence, amount, currency)
    rows = table_rows(text) if "|" in text else []
    row_at = {r.start: r for r in rows}
    actor_before: dict[int, str | None] = {}
    lead: ListLead | None = None
    speaker = _speaker_of(text)
    people = people_of(text, speaker)
    for s0, s1 in sentences:
        # (a table row starts the sentence or its line; the backward look only when the text has rows)
        row = (row_at.get(s0) or row_at.get(text.rfind("\n", 0, s0) + 1)) if row_at else None
        if row is not None:
            actor_before[row.start] = prev.actor if prev is not None else None
            continue  # table rows are read as rows (softpower.extract.tables)
        n_before = len(records)
        running: list[Money] = []  # this sentence's running totals (none in a perception sentence)
        spans.append((s0, s1))
        if time_limit is not None and time.process_time() - clock > time_limit:
            raise ExtractTimeout(
                f"{doc}: stopped at character {s0:,} of {len(text):,}: the per-document time limit of "
                f"{time_limit:g} CPU seconds was reached (expected a document the extractor reads in time; "
                "raise --time-limit or split the file)"
            )
        for rec in pending:
            resolve_pending(text, rec, (s0, s1))
        pending = []
        sent = build_sentence(text, s0, s1, prev, doc_year, speaker, people)
        perceptions = sentence_perceptions(doc, text, sent, polls, last_perceptions)
        last_perceptions = perceptions
        if perceptions:
            records.extend(perceptions)
        else:
            taken: list[tuple[int, int]] = []
            money = find_money(text, s0, s1)
            money_at[(s0, s1)] = money
            money_spans = [(m.start, m.end) for m in money]
            levels: list[tuple[int, int]] = []
            raw = sentence_indicators(doc, text, sent, taken, money_spans, prev, money, levels, running)
            booked.extend((s0, s1, m.amount, m.currency) for m in running)
            level_values: set[float] = set()
            if levels:  # an earlier level is a statistic; the act of its clause takes the other amount
                level_values = {m.amount for m in money if (m.start, m.end) in levels}
                money = [m for m in money if (m.start, m.end) not in levels]
            indicators = [r for r in raw if _fresh(r, facts)]
            if raw and not indicators and not money and not sent.years:
                # the sentence only repeats figures already recorded
                infos.append(SentenceInfo(sent, True))
                prev = sent
                continue
            records.extend(indicators)
            stats = any(is_statistic(r) and r["value"] not in level_values for r in indicators)
            found = sentence_engagements(doc, text, sent, taken, prev, stats, money)
            if found and text[s0].isupper() and (line := place_line_end(text, s0)) is not None:
                found = [r for r in found if r["span"][1] > line]  # a dateline's places state no act
            pending = [r for r in found if not r["instrument"]]
            for rec in found:
                if rec["partners"] == ["WORLD"] and rec["amount"] is not None and named:
                    _main_partner(rec, named, text, s0, s1)
            records.extend(found)
        lead = list_item(doc, text, sent, lead, records, n_before, speaker)
        # a sentence that states a running total ("brings the total ... to") states no act of its own:
        # the learned step proposes none there
        totals = bool(running) or any(
            r["kind"] == "indicator" and r["unit"] == "count" and str(r["metric"]).endswith("_total")
            for r in records[n_before:]
        )
        has_record = bool(pending) or totals or any(r["kind"] != "indicator" for r in records[n_before:])
        infos.append(
            SentenceInfo(
                sent,
                has_record,
                not has_record and _counted_act(text, s0, s1, records[n_before:]),
                not has_record and _states_level(text, records[n_before:], money_at.get((s0, s1), ())),
            )
        )
        if sent.mentions:
            _count_named(named, sent.mentions, n_named)
            n_named += 1
        # a poll sentence names its public or its year ("Regional attitudes survey, 2021")
        if (sent.mentions or sent.years) and names_poll(text, s0, s1):
            polls = [*polls[-2:], sent]
        prev = sent
    for rec in pending:
        resolve_pending(text, rec, None)
    models = None if learned is False else (load_models() if learned is True else learned)
    if learned is not False:
        if models is not None:
            undecide_build_agreements(text, records)
        records = refine(doc, text, records, infos, models, named)
        tg = load_tagger() if tagger is None or tagger is True else tagger or None
        if tg is not None and (tg.enabled or tagger):
            # the sequence tagger (learned.tagger), last: sentences where neither the rules nor the
            # act and recall models found an act; the instrument model decides its records' instruments
            new = propose(doc, text, infos, tg, doc_year, named, records, models.recall if models else None)
            if new:
                done = [replace(i, has_record=True) for i in infos]  # refine proposes nothing more
                new = refine(doc, text, new, done, models, named)
                records = sorted(records + new, key=lambda r: (r["span"][0], r["span"][1]))
        if rows:
            records += row_records(doc, text, rows, actor_before, models)
            records.sort(key=lambda r: (r["span"][0], r["span"][1]))
    dates = section_dates(text)
    _regional_partner(text, records)
    _document_partner(text, records, named, bool(dates) or doc_year is not None)
    _document_actor(records)
    _donor_of_recipients(text, records, named)
    funded_frameworks(text, records)
    assign_amounts(text, records, spans, money_at)
    sentence_years = [(i.sent.start, i.sent.end, i.sent.years) for i in infos]
    anchor_years(text, records, sentence_years)
    since_then_years(text, records, sentence_years)
    # a document with no date of its own is dated by the first full date of its first lines
    date_sections(records, dates, doc_year if doc_year is not None else head_year(text, sentences))
    records = drop_cumulative_totals(text, records)
    records = drop_booked_statistics(text, records, booked)
    records = drop_quoted_acts(text, records)
    records = drop_restated_headlines(text, records)
    records = dedupe(text, records, spans)
    rupees_by_context(text, records)
    local_dollars(text, records)
    yuan_sign(text, records)
    records = [r for r in records if _valid(r)]
    if models is not None and models.fields is not None:
        # the field step (learned.fields): actor, partners and year chosen among candidates, last
        records = models.fields.apply(text, records, [i.sent for i in infos], doc_year)
    _visitors(text, records)  # after the field step, whose donor-role features read a visit as the donor's
    analysed = [(i.sent.start, i.sent.end) for i in infos]  # the sentences the rules read, built once
    _met_partners(text, records, analysed)
    records = drop_meeting_content(text, records, analysed)
    records = drop_package_parts(text, records)
    if models is not None:
        attach_confidence(text, records, models)  # on the final records (after the consistency steps)
    return records


_COUNTRY_COUNT = re.compile(r"\b\d+\s+(?:\w+\s+)?(?:countries|nations|economies)\b", re.I)


# an act verb whose object is a count ("We've delivered 850 ventilators", "dispatching one military transport
# aircraft", "the donation of 26,800 doses"): the act is an engagement beside its count indicator
_ACT_COUNT = re.compile(
    r"\b(?i:deliver(?:s|ed|ing)?|sen[dt]|sending|donat(?:es?|ed|ing|ions?)|provid(?:es?|ed|ing)|dispatch(?:es|ed|ing)?"
    r"|deploy(?:s|ed|ing|ment of)?|shar(?:es?|ed|ing)|suppl(?:y|ies|ied|ying)|hand(?:s|ed|ing)? over|gift(?:s|ed)?"
    r"|train(?:s|ed|ing)?|airlift(?:s|ed|ing)?|ship(?:s|ped|ping)?)\b"
    r"(?:\s+(?:of|over|to|with|up\s+to|an?|the|another|additional|further|more\s+than|nearly|around|about|some"
    r"|approximately|a\s+total\s+of|initial|our|its|their|[A-Z][\w.-]*)(?![\w.-]))*\s+"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+(?:million|thousand))\b"
)
# a count since a year or to date is a stock, not this act's
_STOCK = re.compile(
    r"(?i)\b(?:since|to date|so far|over the (?:past|last)|cumulative(?:ly)?|in total|all told)\b"
)


# a sum of money as the complement of a verb of amount ("totalled", "amounted to", "was", "reached")
_LEVEL_VERB = re.compile(
    r"(?i)\b(?:total(?:l?ed|s)?|amount(?:ed|s)\s+to|reach(?:ed|es)|st(?:ood|ands)\s+at|was|were|is|are"
    r"|(?:rose|fell|grew|climbed|dropped|increased|decreased)\s+to|came\s+to)"
    r"(?:\s+(?:an\s+estimated|about|around|some|nearly|almost|roughly|more\s+than|over|under|just|only))*\s+$"
)


def _states_level(text: str, found: list[dict[str, Any]], money: Iterable[Money]) -> bool:
    """Every sum of money in the sentence is an aid level or total it states, as the complement of a verb
    of amount ("Japan's aid to Cambodia totalled 12 billion yen in 2022"): a statistic, with no act of its
    own for the learned step to propose ("agreed to a grant worth 50 million yuan" is an act)."""
    levels = {
        r["value"] for r in found if r["kind"] == "indicator" and r["metric"] in ("aid_total", "aid_annual")
    }
    money = list(money)
    return (
        bool(levels)
        and bool(money)
        and all(m.amount in levels and _LEVEL_VERB.search(text, max(0, m.start - 60), m.start) for m in money)
    )


def _counted_act(text: str, s0: int, s1: int, found: list[dict[str, Any]]) -> bool:
    """The sentence's only records are counts of things or people (not totals or stocks) and an act verb
    governs the count: the act itself is an engagement too (the corpus guideline: "each vaccine donation
    is an engagement plus its dose count"), which the learned step proposes (:func:`refine`)."""
    if not found or any(
        r["kind"] != "indicator" or r["unit"] != "count" or str(r["metric"]).endswith("_total") for r in found
    ):
        return False
    return _ACT_COUNT.search(text, s0, s1) is not None and _STOCK.search(text, s0, s1) is None


def _regional_partner(text: str, records: list[dict[str, Any]]) -> None:
    """An engagement or indicator left with partner ``WORLD`` whose own words say "the region" ("more
    than $100 million in new assistance to the region", "the people of our region") goes to the region
    the document is about (:func:`document_region`: the Pacific Island countries or Southeast Asia)."""
    region: list[str | None] = []
    for r in records:
        if r["kind"] == "perception" or r["partners"] != ["WORLD"] or not the_region(text, *r["span"]):
            continue
        if not region:
            region.append(document_region(text))
        if region[0] is not None:
            r["partners"] = [region[0]]


def _document_partner(
    text: str, records: list[dict[str, Any]], seen: dict[str, tuple[int, int]], dated: bool
) -> None:
    """An engagement or indicator left with partner ``WORLD`` whose own words mark no worldwide scope
    (a release about one country: "has awarded grants worth Php42 million to five organizations")
    goes to the state the whole document is about: the one it names most often (at least twice, and
    at least half of the mentions of states other than the record's actor in a dated release, three
    quarters in an undated text such as an essay, which ranges over many states)."""
    share = 0.5 if dated else 0.75
    for r in records:
        if r["kind"] == "perception" or r["partners"] != ["WORLD"]:
            continue
        a, b = r["span"]
        if world_hint(text, a, b) or _COUNTRY_COUNT.search(text, a, b):
            continue
        others = [((n, i), iso) for iso, (n, i) in seen.items() if iso != r["actor"]]
        if not others:
            continue
        (n, _), iso = max(others)
        if len(others) == 1 or (n >= 2 and n >= share * sum(c for (c, _), _ in others)):
            r["partners"] = [iso]  # the document is about that state (or names no other, as in a title)


def _document_actor(records: list[dict[str, Any]]) -> None:
    """A record whose actor is not a donor and whose only partner is ``WORLD`` ("Pacific Partnership has
    arrived in Papua New Guinea", "... trained 160 Solomon Island professionals": the state named is
    where the act happens) is the act of the donor that acts in most of the document's other records,
    in that state."""
    actors: dict[str, int] = {}
    for r in records:
        if r["kind"] != "perception" and r["actor"] in DONORS and r["partners"] != ["WORLD"]:
            actors[r["actor"]] = actors.get(r["actor"], 0) + 1
    if not actors:
        return
    main, n = max(actors.items(), key=lambda kv: kv[1])
    if 2 * n < sum(actors.values()):
        return  # no one donor dominates the document
    donors = donor_states()
    for r in records:
        # (a donor state acting with no named partner keeps its act: "Australia provided $126.3 million
        # for grants" in a text whose one donor-power record is Japan's)
        if r["kind"] != "perception" and r["partners"] == ["WORLD"] and r["actor"] not in donors:
            r["actor"], r["partners"] = main, [r["actor"]]


def _speaker_of(text: str) -> Callable[[], str | None]:
    """The state that speaks in ``text``, found when first asked: the state outside the receiving
    states (:func:`receiving_states`) that the document names most often, the first named on a tie (a
    release of DFAT names Australia, of MFAT New Zealand); None when it names none."""

    @cache
    def speaker() -> str | None:
        rec = receiving_states()
        counts: dict[str, int] = {}
        # the whole document as a window: remembered for the document (:func:`find_mentions`), so the
        # officials of :func:`softpower.extract.people.officials` read the same scan
        for m in find_mentions(text, 0, len(text)):
            if m.iso and m.kind != "place" and m.iso not in rec:
                counts[m.iso] = counts.get(m.iso, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else None  # dicts keep first-seen order

    return speaker


def _donor_of_recipients(text: str, records: list[dict[str, Any]], named: dict[str, tuple[int, int]]) -> None:
    """A record whose actor is a receiving state (:func:`receiving_states`) in a document about one
    donor's acts is that donor's act toward it ("The medical teams trained more than 160 Solomon
    Island professionals", "In total, 163 tonnes ... have been transported to Fiji", "the deployment
    of our three Chinook helicopters" in a release about Papua New Guinea: the state named is where
    the act happens or who receives it, and the actor was carried from an earlier sentence).

    The donor is the actor of most of the document's records that are not a receiving state's (at
    least half of them), else the one state the document names that is not a receiving state. The
    record keeps its actor when it names another outside state ("Thailand and Saudi Arabia restored
    diplomatic ties"), and an act toward the donor keeps it when the receiving state opens its words
    (:func:`_opens`: "Jakarta also bought 16 trainer jets from Korea", "Prime Minister Hun Sen visited
    Beijing") or when no record of the document is an outside state's (the donor is then only the one
    outside state the document names)."""
    rec = receiving_states()
    groups = receiving_groups()
    counts: dict[str, int] = {}
    for r in records:
        if r["kind"] != "perception" and r["actor"] and r["actor"] not in rec:
            counts[r["actor"]] = counts.get(r["actor"], 0) + 1
    if counts:
        main, n = max(counts.items(), key=lambda kv: kv[1])
        if 2 * n < sum(counts.values()):
            return  # no one donor dominates the document
    else:
        outside = [iso for iso in named if iso not in rec]
        if len(outside) != 1:
            return
        main = outside[0]
    for r in records:
        if r["kind"] == "perception" or r["actor"] not in rec:
            continue
        if any(p not in rec and p not in groups and p not in ("WORLD", main) for p in r["partners"]):
            continue  # an act between this state and another outside state
        if main in r["partners"] and (not counts or _opens(text, r)):
            continue  # the receiving state's own act toward the donor (or no record says who the donor is)
        others = [p for p in r["partners"] if p not in (main, "WORLD")]
        r["actor"], r["partners"] = main, order_codes([r["actor"], *others])


# "visit to", "visited", "visiting" right before a state's name, capital or place: where a visit goes
_VISIT_TO = re.compile(r"\bvisit(?:s|ed|ing)?(?:\s+to)?\s+(?:the\s+)?$", re.IGNORECASE)


def _visitors(text: str, records: list[dict[str, Any]]) -> None:
    """A visit is the visitor's act: a diplomatic record whose actor is the state the visit goes to
    ("Pham Binh Minh, who is on an official visit to the Republic of Korea", "President Duterte's
    official visit to the ROK", "Duterte ..., who is currently visiting Japan") and whose one partner
    is a state is that partner's act toward the host (the guideline's visit/summit: the visiting state
    acts). Where the record's actor is not the host, or the record states an agreement signed at the
    visit ("the Philippines and China signed numerous agreements when President Marcos Jr. visited
    China"), the record is left as read."""
    for r in records:
        if r["kind"] != "engagement" or r.get("instrument") != "diplomatic_framework" or not r.get("actor"):
            continue
        partners = r.get("partners") or []
        if len(partners) != 1 or not vocab.is_country(partners[0]):
            continue
        a, b = r["span"]
        if "isit" not in text[a:b] or SYMMETRIC.search(text, a, b):
            continue  # (an agreement signed at the visit is the act: the donor of the pair signs)
        for m in find_mentions(text, a, b):
            if m.iso == r["actor"] and _VISIT_TO.search(text, max(a, m.start - 24), m.start):
                r["actor"], r["partners"] = partners[0], [m.iso]
                break


#: the meeting a sentence reports after the trip that brought its visitor: "..., who is visiting Singapore to
#: attend the ASEAN-related Foreign Ministers' Meetings, | held a meeting with ..."
_HELD_WITH = re.compile(
    r"[\s,]*(?:and\s+)?held\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:meeting|talks|summit|call)s?\s+with\b",
    re.IGNORECASE,
)
_TO_ATTEND = re.compile(r"\bto\s+(?:attend|participate\s+in|take\s+part\s+in)\b")


def _met_partners(text: str, records: list[dict[str, Any]], sentences: list[tuple[int, int]]) -> None:
    """A diplomatic record read from the trip that brought its visitor to a meeting ("Mr. Kono, who is
    visiting Singapore to attend the ASEAN-related meetings") whose sentence goes on to report a meeting
    (", held a meeting with the Foreign Minister of Cambodia") states a second act: the meeting, toward
    the states met (the guideline's visit/summit: the partner is who is met), from "held" to the
    sentence's end. The trip's record stays (attending the conference is an act of its own)."""
    new: list[dict[str, Any]] = []
    for r in records:
        if r["kind"] != "engagement" or r.get("instrument") != "diplomatic_framework" or not r.get("actor"):
            continue
        a, b = r["span"]
        held = _HELD_WITH.match(text, b)
        if held is None or _TO_ATTEND.search(text, a, b) is None:
            continue
        end = next((e for s, e in sentences if s <= b < e), None)
        if end is None:
            continue
        met = order_codes(
            [m.iso for m in find_mentions(text, held.end(), end) if m.iso and m.iso != r["actor"]]
        )
        if met and not set(met) & set(r["partners"] or []):
            start = held.end() - len(held.group().lstrip(" ,"))
            new.append({**r, "partners": met, "span": [start, end], "quote": text[start:end]})
    if new:
        records.extend(new)
        records.sort(key=lambda r: (r["span"][0], r["span"][1]))


def _opens(text: str, rec: dict[str, Any]) -> bool:
    """True when the record's actor is the first state its words name, before any verb ("Jakarta also
    bought ... from Korea", "Cambodian Prime Minister Hun Sen visited Beijing")."""
    a, b = rec["span"]
    first = next((m for m in find_mentions(text, a, b) if m.iso and m.kind != "place"), None)
    return first is not None and first.iso == rec["actor"] and not VERB_BEFORE.search(text, a, first.start)


def _count_named(seen: dict[str, tuple[int, int]], mentions: list[Mention], i: int) -> None:
    """Add the states named in sentence ``i`` to ``seen`` (state -> (mentions, last sentence index))."""
    for m in mentions:
        if m.iso:
            seen[m.iso] = (seen.get(m.iso, (0, 0))[0] + 1, i)


def keep_confident(records: list[dict[str, Any]], min_confidence: float) -> list[dict[str, Any]]:
    """The records whose ``confidence`` is at least ``min_confidence`` (records without one are kept)."""
    return [r for r in records if r.get("confidence") is None or r["confidence"] >= min_confidence]


def _main_partner(rec: dict[str, Any], seen: dict[str, tuple[int, int]], text: str, s0: int, s1: int) -> None:
    """A costed act with no partner in its clause or the sentence before ("New Delhi opened a $1 billion
    credit line") goes to the state the document has named most often so far (at least twice), other
    than the actor, unless the sentence says the act is worldwide."""
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


#: Default CPU seconds one document may take (``--time-limit``).
TIME_LIMIT = 60.0


def extract_file(
    path: str | Path,
    max_bytes: int = MAX_BYTES,
    doc_year: int | None = None,
    time_limit: float | None = TIME_LIMIT,
) -> ExtractResult:
    """Read one file and extract its records; a bad or too slow file gives ``error``, never an exception.

    A document that reaches ``time_limit`` CPU seconds gives no records (nothing half-extracted)
    and an error naming the file and where it stopped.
    """
    p = Path(path)
    try:
        src: SourceText = read_source(p, max_bytes)
    except ExtractInputError as exc:
        return ExtractResult(str(path), p.name, error=str(exc))
    year = doc_year if doc_year is not None else src.year
    try:
        records = extract_text(src.doc, src.text, year, time_limit)
    except ExtractTimeout as exc:
        return ExtractResult(str(path), src.doc, error=f"{path}: {exc}", warnings=list(src.warnings))
    return ExtractResult(str(path), src.doc, records, src.document(), src.text, warnings=list(src.warnings))


def _one(args: tuple[str, int, bool, float | None]) -> ExtractResult:
    path, max_bytes, keep_text, time_limit = args
    try:
        res = extract_file(path, max_bytes, time_limit=time_limit)
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
    paths: Iterable[str | Path],
    workers: int = 1,
    max_bytes: int = MAX_BYTES,
    keep_text: bool = True,
    time_limit: float | None = TIME_LIMIT,
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
    time_limit : float or None
        CPU seconds per document; a document past it is reported as an error and the others go on.
    """
    items = [(str(p), max_bytes, keep_text, time_limit) for p in paths]
    if workers <= 1 or len(items) <= 1:
        return [_one(i) for i in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_one, items, chunksize=max(1, len(items) // (workers * 8))))
