"""Lists of acts: the items under a lead sentence ("as follows", "The package comprises:"), the costed
entries of a list of programmes ("Families of Health\n$4.2 million, 2022-2026") and the items of a fact
sheet that end with the states they reached ("- Training of customs officers (Fiji, Tonga)")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from softpower.extract.alternation import LiteralGate
from softpower.extract.context import Sentence
from softpower.extract.engagements import make_record, name_of, year_of
from softpower.extract.entities import DONORS, first_word_names, order_codes
from softpower.extract.money import find_money
from softpower.extract.rules import best_cue, find_cues, has_act

# --- lists of acts under a lead sentence ---------------------------------------------------------

# "... signed ... on the Extension of Japanese Grant Aid as follows:", "Japan has provided the following
# assistance to Vanuatu": a sentence that introduces the list of acts below it
_LISTING = re.compile(r"\b(?:as follows|the following)\b")
_LEAD = re.compile(_LISTING.pattern + r"|:\s*$")
_LEAD_GATE = LiteralGate(_LEAD)
# an item's marker at the start of its line ("1.", "(2)", "b)", "•", "-")
_ENUM_MARK = r"\(?\d{1,2}[.)]|\(?[a-h]\)"  # "1.", "(2)", "b)"
#: an enumerated or bulleted item's marker, at the start of the item
ITEM_MARK = re.compile(rf"(?:{_ENUM_MARK}|[•*-])\s")
_ITEM_START = re.compile(rf"[ \t]*(?:{_ENUM_MARK}|[•*-])\s")  # at the start of its line
_ENUM_ONLY = re.compile(_ENUM_MARK)
# "- Period: 1 month", "- Beneficiaries: 670,000 people", "- Aid information: Distribution of rice ...": a
# field of the description of the act the lead states, not an act of its own
_DETAIL_FIELD = re.compile(
    rf"[ \t]*(?:{_ENUM_MARK}|[•*-])?\s*(?:(?:Implementation |Project |Aid |Grant )?(?:[Pp]eriod|[Dd]uration|[Tt]erm|[Dd]ates?"
    r"|[Bb]eneficiar(?:y|ies)|[Ii]nformation|[Dd]etails|[Ll]ocation|[Ss]ite|[Tt]argets?|[Oo]bjectives?|[Pp]urpose|[Oo]utline"
    r"|[Oo]verview|[Cc]ontents?)|(?:Implementing|Executing) (?:[Aa]genc(?:y|ies)|[Oo]rgani[sz]ations?|[Bb]od(?:y|ies)))\s*:"
)


@dataclass
class ListLead:
    """The actor, partners, instrument and year a lead sentence gives the items of its list."""

    actor: str
    partners: list[str]
    instrument: str | None
    year: int | None
    year_end: int | None
    end: int
    numbered: bool = False
    # "as follows", "the following": the items are acts; after a bare colon ("the U.S. government
    # supports:") they are the areas of one act and only an item with its own amount is another act
    listing: bool = False
    # the lead names no side ("The package comprises:"): its items are the parts of the act recorded last,
    # whose instrument they take
    parts: bool = False


def _lead_of(
    text: str, sent: Sentence, found: list[dict[str, Any]], records: list[dict[str, Any]], stop: int
) -> ListLead | None:
    s0, s1 = sent.start, sent.end
    if not _LEAD_GATE(text, s0, s1):
        return None
    if (
        not found
        and text[s0:s1].rstrip().endswith(":")
        and not any(m.start < s1 and s0 < m.end for m in sent.mentions)
    ):
        # a lead that names no side ("The package comprises:") lists the parts of the act recorded last
        last = _last_act(text, records, stop, s0)
        if last is None:
            return None
        cue = best_cue(find_cues(text, s0, s1))
        instrument = last["instrument"] or (cue.instrument if cue is not None else None)
        year, year_end = last["year"], last["year_end"]
        return ListLead(last["actor"], list(last["partners"]), instrument, year, year_end, s1, parts=True)
    if found:
        rec = found[0]
        actor, partners, instrument = rec["actor"], rec["partners"], rec["instrument"] or None
        year, year_end = rec["year"], rec["year_end"]
    else:
        cue = best_cue(find_cues(text, s0, s1))
        if cue is None and not has_act(text, s0, s1):
            return None
        actor, partners = sent.actor, [c for c in sent.partners if c != sent.actor]
        donors = sorted({c for c in partners if c in DONORS})
        if actor is None and len(donors) == 1:  # officials of both sides sign: the donor power acts
            actor, partners = donors[0], [c for c in partners if c != donors[0]]
        instrument = cue.instrument if cue is not None else None
        year, year_end = year_of(sent.years, s0, s1)
    if actor is None or not partners or partners == ["WORLD"]:
        return None
    listing = bool(_LISTING.search(text, s0, s1))
    return ListLead(actor, list(partners), instrument, year, year_end, s1, listing=listing)


def list_item(
    doc: str,
    text: str,
    sent: Sentence,
    lead: ListLead | None,
    records: list[dict[str, Any]],
    n_before: int,
    speaker: Callable[[], str | None] | None = None,
) -> ListLead | None:
    """Read one sentence as an item of the list a lead sentence opened; return the lead that holds after it.

    An enumerated line under a lead ("(1) Emergency relief goods (equivalent to 20 million JPY)", "2. Up
    to JPY 1,150,000,000 for the ... Programme") states an act of the lead's actor toward its partners
    even without a subject or an instrument word of its own: the item's own cue and amount win, the
    lead gives the rest. The list ends at the first line that is not an item. A lead that names no side
    ("The package comprises:") gives the items the actor, partners and instrument of the act recorded
    last (:func:`_last_act`).

    Outside a list, a costed entry (:func:`costed_item`) with no record of its own is an act of the
    actor toward the partners of the act recorded last, unless that act states an amount (the entries
    are then its breakdown); and a list item whose brackets name only states (:func:`_reached_item`) is
    an act toward them of the donor it names, else of the state that speaks in the document
    (``speaker``).
    """
    s0, s1 = sent.start, sent.end
    found = [r for r in records[n_before:] if r["kind"] == "engagement"]
    if lead is not None and _ENUM_ONLY.fullmatch(text, s0, s1):
        lead.end, lead.numbered = s1, True  # "1." split off from its item
        return lead
    if lead is not None and (
        lead.numbered
        or ("\n" in text[lead.end : s0] and _ITEM_START.match(text, text.rfind("\n", 0, s0) + 1))
    ):
        if not found:
            cue = best_cue(find_cues(text, s0, s1))
            money = find_money(text, s0, s1)
            instrument = (
                cue.instrument
                if cue is not None and not (lead.parts and lead.instrument)
                else lead.instrument
            )
            if money or (instrument is not None and lead.listing and not _DETAIL_FIELD.match(text, s0)):
                local = order_codes([c for m in sent.mentions for c in m.codes if c != lead.actor])
                year, year_end = year_of(sent.years, s0, s1)
                if year is None and year_end is None:
                    year, year_end = lead.year, lead.year_end
                records.append(
                    make_record(
                        doc, "engagement", text, (s0, s1), actor=lead.actor, partners=local or list(lead.partners),
                        instrument=instrument or "oda_grant", year=year, year_end=year_end,
                        amount=money[0].amount if money else None, currency=money[0].currency if money else None,
                        name=name_of(text, s0, s1), ppp=False, equal_footing=False,
                    )
                )  # fmt: skip
        lead.end, lead.numbered = s1, False
        return lead
    if not records[n_before:]:
        rec = _costed_entry(doc, text, sent, records, n_before)
        if rec is None and speaker is not None:
            rec = _reached_item(doc, text, sent, speaker)
        if rec is not None:
            records.append(rec)
            found = [rec]
    return _lead_of(text, sent, found, records, n_before)


#: how far back (characters from its end to the item) the act a list belongs to may stand
LAST_ACT_REACH = 1500


def _last_act(
    text: str, records: list[dict[str, Any]], stop: int, start: int, breakdown: bool = True
) -> dict[str, Any] | None:
    """The latest engagement of ``records[:stop]`` (read in place, not copied: a document's
    sentences each ask) before ``start`` with an actor and named partners, if it ends
    within :data:`LAST_ACT_REACH` characters of ``start``. Without ``breakdown``, an act that states an
    amount gives none (the entries under it are its breakdown, already recorded as one act), unless it is
    itself a costed entry (:func:`costed_item`: a sibling of the item in the same list)."""
    for i in range(stop - 1, -1, -1):
        r = records[i]
        if r["kind"] != "engagement":
            continue
        if start - r["span"][1] > LAST_ACT_REACH:
            return None
        if r["actor"] and r["partners"] and r["partners"] != ["WORLD"]:
            if not breakdown and r["amount"] is not None and not costed_item(text, *r["span"]):
                return None
            return r
    return None


_COSTED_MAX = 300  # a title line and its cost line
_MONEY_START = r"(?:US|A|AU|NZ)?[$€£¥₱]\s?\d"
# "- $3 million to ... organisations for ...", "$16 million package to support ...": an amount and whom or
# what it is for
_ALLOCATION = re.compile(
    rf"[ \t]*(?:{_ENUM_MARK}|[•*-])?\s*(?:(?:an?|an additional|additional|up to|over|nearly|about|approximately)\s+)?"
    rf"{_MONEY_START}[\d,.]*(?:\s*(?:million|billion|thousand|m|bn))?\s+(?:[\w-]+\s+){{0,3}}?(?:to|for|towards|in)\b",
    re.IGNORECASE,
)
_AMOUNT_LINE = re.compile(rf"[ \t]*{_MONEY_START}")
_PROGRAMME_WORD = re.compile(
    r"\b(?:[Pp]roject|[Pp]rogramm?e?|[Gg]rant|[Ff]und|[Ii]nitiative|[Pp]ackage|[Ss]upport)\b"
)


def costed_item(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a costed entry of a list: an amount and whom or what it is for, as an item or
    a line ("- $3 million to ... organisations;"); a programme's name on a line without final stop and
    its cost on the next ("Families of Health\n$4.2 million, 2022-2026"); or a list item or such a title
    that names a project, programme, grant, fund, initiative, package or support. A label and a figure
    ("Bilateral $15.7 million", "WFP: Food [USD 1 million]") is a budget line, not an act."""
    line = text.rfind("\n", 0, start) + 1
    if _ALLOCATION.match(text, line):
        return True
    title = "\n" in text[start:end] and text[end - 1] not in ".!?" and end - start <= _COSTED_MAX
    if title and _AMOUNT_LINE.match(text, text.find("\n", start, end) + 1):
        return True
    if not (title or _ITEM_START.match(text, line)):
        return False
    return _PROGRAMME_WORD.search(text, start, end) is not None


def _costed_entry(
    doc: str, text: str, sent: Sentence, records: list[dict[str, Any]], stop: int
) -> dict[str, Any] | None:
    s0, s1 = sent.start, sent.end
    if not costed_item(text, s0, s1):
        return None
    money = find_money(text, s0, s1)
    last = _last_act(text, records, stop, s0, breakdown=False) if money else None
    if last is None:
        return None
    cue = best_cue(find_cues(text, s0, s1))
    local = order_codes([c for m in sent.mentions for c in m.codes if c != last["actor"]])
    year, year_end = year_of(sent.years, s0, s1)
    return make_record(
        doc, "engagement", text, (s0, s1), actor=last["actor"], partners=local or list(last["partners"]),
        instrument=cue.instrument if cue is not None else "oda_grant", year=year, year_end=year_end,
        amount=money[0].amount, currency=money[0].currency, name=name_of(text, s0, s1), ppp=False,
        equal_footing=False,
    )  # fmt: skip


# an item that ends with the states it reached in brackets ("- Provision of patrol boats (Palau, Fiji)")
_REACHED = re.compile(r"\(([^()]{2,240})\)[ \t.;]*(?:\[\.\.\.\])?[ \t]*$")
_LIST_WORD = re.compile(r"[\s,;]+|\band\b")


def _reached_item(
    doc: str, text: str, sent: Sentence, speaker: Callable[[], str | None]
) -> dict[str, Any] | None:
    """A list item whose closing brackets name only states (a name may be shortened to its first word,
    "Solomon", "Marshall": :func:`~softpower.extract.entities.first_word_names`): an act toward them of
    the donor power the item names before the brackets, else of the state that speaks in the document."""
    s0, s1 = sent.start, sent.end
    line = text.rfind("\n", 0, s0) + 1
    if not _ITEM_START.match(text, line) or text[line:s0].strip(" \t•*-()0123456789."):
        return None  # (the sentence must start its item)
    m = _REACHED.search(text, s0, s1)
    if m is None:
        return None
    b0, b1 = m.span(1)
    inside = [x for x in sent.mentions if b0 <= x.start and x.end <= b1]
    if not inside:
        return None
    rest = text[b0:b1]
    for x in sorted(inside, key=lambda x: -x.start):
        rest = rest[: x.start - b0] + " " + rest[x.end - b0 :]
    short = [first_word_names().get(w) for w in _LIST_WORD.split(rest) if w]
    if None in short:
        return None  # the brackets hold more than names of states
    partners = order_codes([c for x in inside for c in x.codes] + [c for c in short if c is not None])
    named = [x.iso for x in sent.mentions if x.end <= m.start() and x.iso in DONORS]
    actor = named[0] if named else speaker()
    if actor is None or actor in partners:
        return None
    cue = best_cue(find_cues(text, s0, m.start()))
    year, year_end = year_of(sent.years, s0, s1)
    return make_record(
        doc, "engagement", text, (s0, s1), actor=actor, partners=partners,
        instrument=cue.instrument if cue is not None else "oda_grant", year=year, year_end=year_end,
        amount=None, currency=None, name=name_of(text, s0, s1), ppp=False, equal_footing=False,
    )  # fmt: skip
