"""Lists of acts: the items under a lead sentence ("The package comprises:", "as follows") read as acts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from softpower.extract.alternation import LiteralGate
from softpower.extract.context import Sentence
from softpower.extract.engagements import make_record, name_of, year_of
from softpower.extract.entities import DONORS, order_codes
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


def _lead_of(text: str, sent: Sentence, found: list[dict[str, Any]]) -> ListLead | None:
    s0, s1 = sent.start, sent.end
    if not _LEAD_GATE(text, s0, s1):
        return None
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
    doc: str, text: str, sent: Sentence, lead: ListLead | None, records: list[dict[str, Any]], n_before: int
) -> ListLead | None:
    """Read one sentence as an item of the list a lead sentence opened; return the lead that holds after it.

    An enumerated line under a lead ("(1) Emergency relief goods (equivalent to 20 million JPY)", "2. Up
    to JPY 1,150,000,000 for the ... Programme") states an act of the lead's actor toward its partners
    even without a subject or an instrument word of its own: the item's own cue and amount win, the
    lead gives the rest. The list ends at the first line that is not an item.
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
            instrument = cue.instrument if cue is not None else lead.instrument
            if money or (instrument is not None and lead.listing):
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
    return _lead_of(text, sent, found)
