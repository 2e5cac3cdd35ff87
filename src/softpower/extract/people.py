"""Officials named with their title, and the state each acts for.

A release or a news item names a minister or leader in full once, with the title ("New Zealand Prime
Minister Christopher Luxon", "Foreign Minister of Vietnam Pham Binh Minh", "Foreign Minister Julie
Bishop"), and then by the name or surname alone ("Luxon announced ...", "Mr Goff, who is in Suva, said
..."). An official acts for a state, as the state's agencies do: the subject of a sentence that is such a
person, with no state as its subject, gives the sentence its actor (:func:`person_subject`). The state of
a person is the one the title phrase names (a demonym or name before the title, "of" a state after it),
else the one the gazetteer gives the full name, else the state that speaks in the document (the
publisher: a release names its own ministers without their state).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from softpower.extract.entities import Mention, find_mentions

#: a title that a state's official holds, before the name ("Prime Minister", "Minister for Foreign
#: Affairs", "Secretary of State", "Ambassador") or after it (", State Minister for Foreign Affairs")
_TITLE = (
    r"(?:(?:Deputy|Vice|Acting|State|Senior|Parliamentary|Assistant|Under)\s+)*"
    r"(?:Prime\s+Minister|President|Premier|Chancellor|Secretary\s+of\s+State|Secretary|Minister"
    r"|(?:Foreign(?:\s+Affairs)?|Defen[cs]e|Trade|Finance|Development|Health|Education)\s+Minister"
    r"|Vice-Minister|Ambassador|High\s+Commissioner|Envoy|Senator|counterpart)"
    r"(?:\s+(?:of|for)\s+(?:State\s+for\s+)?(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,4}?)?"
)
# words of a name that are no one's name: a name ends before them
_NOT_NAME = frozenset(
    (
        "The",
        "A",
        "An",
        "And",
        "Of",
        "For",
        "In",
        "On",
        "At",
        "To",
        "With",
        "From",
        "By",
        "As",
        "He",
        "She",
        "His",
        "Her",
        "They",
        "It",
        "This",
        "That",
        "These",
        "Those",
        "Government",
        "Ministry",
        "Department",
        "Minister",
        "President",
        "Prime",
        "Secretary",
        "Ambassador",
        "Embassy",
        "Affairs",
        "Foreign",
        "State",
        "States",
        "Republic",
        "Kingdom",
        "Islands",
        "Island",
        "Day",
        "Today",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "MP",
        "AO",
        "AC",
        "CBE",
        "QC",
        "SC",
        "KC",
        "People’s",
        "People's",
        "Democratic",
        "Federated",
        "United",
    )
)
#: a person's name: up to four capitalised words or initials ("Kang Kyung-wha", "Daniel J. Kritenbrink",
#: "TAKEI Shunsuke"), after an honorific
_HONORIFIC = r"(?:(?:the\s+)?(?:Hon\.?|Honourable|Honorable|H\.E\.?|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Sir|Dame)\s+)*"
_WORD = r"(?!(?:" + "|".join(sorted(_NOT_NAME)) + r")\b)[A-Z][A-Za-z’'-]+"
_NAME = rf"(?P<name>{_WORD}(?:\s+(?:[A-Z]\.|{_WORD})){{0,3}})"
_TITLED = re.compile(rf"\b(?P<title>{_TITLE})\s+{_HONORIFIC}{_NAME}")
_NAME_TITLE = re.compile(rf"{_HONORIFIC}{_NAME},\s+(?:the\s+)?(?P<title>{_TITLE})\b")
#: a state named just before the title ("New Zealand Prime Minister", "Vietnam's Foreign Minister",
#: "her Laotian counterpart")
_BEFORE_TITLE = re.compile(r"^(?:['’]s)?\s+(?:then-|former\s+)?$")
_OF_STATE = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?$")
#: what may stand between a subject's name and its verb: a relative clause or the title
#: ("Mr Goff, who is in Suva, said", "Mr. TAKEI Shunsuke, State Minister for Foreign Affairs, visited")
_SUBJECT_GAP = re.compile(rf"(?:\s*,\s*(?:(?:who|whose)\s[^,;]{{3,160}}|(?:the\s+)?{_TITLE}(?:\s+MP)?)\s*,)?")
_VERB = re.compile(
    r",?\s*(?:(?:also|then|later|now|again|recently|today|yesterday|has|have|had|is|was|were|are|did|does|will"
    r"|would|shall|further|jointly|formally)\s+)*"
    r"(?:[a-z]{2,}ed|[a-z]{2,}s|held|built|sent|gave|took|made|began|led|paid|lent|spent|met|visit|attend"
    r"|announce|provide|deliver|sign|launch|lead|travel|depart|pledge|commit|host|open)\b"
)
_VERB_BEFORE = re.compile(r"\b(?:[a-z]{3,}ed|is|are|was|were|has|have|had|said|says|told)\b")


def _words(name: str) -> list[str]:
    """The words of a person's name up to the first word that is no name."""
    out = []
    for w in name.split():
        if w in _NOT_NAME or w.rstrip(".").upper() in ("MP",):
            break
        out.append(w)
    return out


def _state_of(
    text: str, mentions: list[Mention], t0: int, t1: int, n0: int, n1: int, speaker: str | None
) -> str | None:
    """The state of the person named at ``text[n0:n1]`` with the title at ``text[t0:t1]``."""
    for m in mentions:
        if m.iso is None or m.kind == "place":
            continue
        if n0 <= m.start and m.end <= n1 + 1:  # the gazetteer knows the full name
            return m.iso
        if m.end <= t0 and _BEFORE_TITLE.match(text[m.end : t0]) is not None:
            return m.iso  # "Australian Foreign Minister", "Vietnam's Prime Minister"
        if t0 <= m.start < t1 and _OF_STATE.search(text, t0, m.start):
            return m.iso  # "Foreign Minister of Vietnam", "Prime Minister of Australia"
    return speaker


def officials(text: str, speaker: str | None) -> dict[str, str]:
    """Each word of the name of every official ``text`` names with a title, with the state the official
    acts for (see the module doc); a word two people of different states share is left out."""
    if not any(
        w in text for w in ("Minister", "President", "Premier", "Secretary", "Ambassador", "ounterpart")
    ):
        return {}
    mentions = find_mentions(text, 0, len(text))  # the window the document's speaker was found in: one scan
    found: dict[str, set[str]] = {}
    for rx in (_TITLED, _NAME_TITLE):
        for m in rx.finditer(text):
            words = _words(m.group("name"))
            if not words:
                continue
            n0 = m.start("name")
            n1 = n0 + len(" ".join(words))
            iso = _state_of(text, mentions, m.start("title"), m.end("title"), n0, n1, speaker)
            if iso is None:
                continue
            for w in words:
                if len(w) > 2 and not w.endswith("."):
                    found.setdefault(w.title() if w.isupper() else w, set()).add(iso)
    return {w: next(iter(s)) for w, s in found.items() if len(s) == 1}


def person_subject(
    text: str, start: int, end: int, people: dict[str, str], limit: int | None = None
) -> str | None:
    """The state of the official who is the subject of ``text[start:end]`` ("Luxon announced ...",
    "Foreign Minister Julie Bishop visited ...", "Mr Goff, who is in Suva, said ..."): the first name of
    ``people`` in it before any verb (and before ``limit``), with a verb after the name; ``None``
    otherwise."""
    if not people:
        return None
    for m in re.finditer(r"[A-Z][A-Za-z’'-]+", text[start : end if limit is None else limit]):
        w = m.group(0)
        key = w.title() if w.isupper() else w
        iso = people.get(key)
        a = start + m.start()
        if _VERB_BEFORE.search(text, start, a):
            return None  # a name after the sentence's verb is not its subject
        if iso is None:
            continue
        b = start + m.end()
        nxt = re.match(r"(?:\s+(?:[A-Z]\.|[A-Z][A-Za-z’'-]+))*", text[b:end])
        b += nxt.end() if nxt else 0
        gap = _SUBJECT_GAP.match(text, b, end)
        b = gap.end() if gap else b
        if _VERB.match(text, b, min(end, b + 80)):
            return iso
        return None
    return None


def people_of(text: str, speaker: Callable[[], str | None]) -> Callable[[], dict[str, str]]:
    """:func:`officials` of ``text``, found when first asked."""

    @cache
    def people() -> dict[str, str]:
        return officials(text, speaker())

    return people
