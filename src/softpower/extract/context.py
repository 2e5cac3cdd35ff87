"""Sentence context shared by the record rules: mentions, the grammatical actor, partners, years.

The actor is taken from the grammar of the sentence: the first named state that is the
subject of a verb ("Beijing provided", "Japan and Vietnam have ..."), else a possessive
subject ("Thailand's defence cooperation ..."), else the actor of the previous sentence
("It has also signed ..."). In a symmetric act ("X and Y signed") the donor power of the
pair is the actor and the other state a partner.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from softpower.extract.alternation import LiteralGate
from softpower.extract.entities import DONORS, Mention, donor_states, find_mentions, order_codes
from softpower.extract.memo import per_document
from softpower.extract.people import person_subject
from softpower.extract.years import YearSpan, find_years
from softpower.records import vocab

_PREP = frozenset(
    [
        "to",
        "with",
        "in",
        "into",
        "for",
        "from",
        "toward",
        "towards",
        "through",
        "across",
        "among",
        "amongst",
        "between",
        "at",
        "on",
        "of",
        "against",
        "than",
        "via",
        "within",
        "like",
        "as",
        "under",
        "over",
        "about",
        "including",
        "such",
        "beyond",
        "besides",
        "upon",
        "onto",
        "unlike",
        "despite",
        "among",
        "versus",
        "vs",
    ]
)
_SKIPWORDS = frozenset({"the", "a", "an", "and", "both", "all", "fellow"})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_VERB_AFTER = re.compile(
    r"(?:['’]s\s+(?:[A-Z][\w-]*\s+){0,4}|\s+(?i:navy|army|air force|coast guard|armed forces|military|government"
    r"|authorities|embassy|ministry of \w+(?: affairs)?|defen[cs]e ministry|foreign ministry|aid agency))?"
    r"\s*(?:\([^)]{1,40}\)\s*)?"
    # "The U.S. government, through USAID (and in coordination with ...), is providing": an appositive
    r"(?:,\s*(?:through|via|with|together with|in (?:partnership|coordination|cooperation) with)\s[^,;]{3,160},)?"
    r",?\s*(?:(?:also|then|now|again|recently|once|today|yesterday|this week|last week|this month|"
    r"later|has|have|had|is|was|were|are|did|does|do|will|would|currently|first|further|jointly|formally"
    r"|quickly)\s+)*"
    r"(?:[a-z]+ed|[a-z]+s|held|built|sent|gave|took|made|began|won|led|set|paid|lent|spent|became|agreed|signed)\b"
    r"|\s+(?:(?:also|now|currently|still|again)\s+)*(?:has|have|had|is|was|were|are)\s+(?:(?:also|now|been)\s+)*[a-z]+ing\b"
    # "Australia would provide $6 million ... Timor-Leste's engagement": a modal and its verb
    r"|,?\s+(?:(?:also|now|further|then)\s+)*(?:will|would|shall)\s+(?:(?:also|now|further|soon|then)\s+)*[a-z]{3,}\b"
)
#: a verb before a name: a name after a verb is not the sentence's subject
VERB_BEFORE = re.compile(
    r"\b(?:[a-z]+ed|[a-z]{3,}ing|is|are|was|were|has|have|had|helps?|gives?|gave|makes?|goes|went|flows?)\b"
)
_TITLE_POSS = re.compile(
    r"\s+(?:President|Prime Minister|Premier|Foreign Minister|Defen[cs]e Minister|leader|King|Emperor|Chief|government)['’]s\b"
)
_LIST_AND = re.compile(r"[A-Z][\w.]*(?:['’]s?)?\s*(?:,\s*(?:and|or)|and|or)\s+(?:the\s+)?$")
_LIST_COMMA = re.compile(r"[A-Z][\w.]*(?:['’]s?)?\s*,\s+(?:the\s+)?$")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b)")
_PHRASE_END = re.compile(r"[,;:(]\s*(?:the\s+)?$")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_FUNDING = re.compile(
    r"(?:['’]s)?\s+(?:(?:technical|financial|military|development|government|economic)\s+)?"
    r"(?:funding|financing|financial support|grants?|aid|assistance|money|loans?|help|support|expertise)\b"
    r"|-(?:funded|financed|built|backed)\b"  # "an Indian-funded cultural centre"
)
# "built with a RMB 400 million grant from China": the state after "from" gives
_FROM_GIVER = re.compile(
    r"\b(?:grants?|loans?|aid|funding|financing|assistance|donations?|credit)\s+from\s+(?:the\s+)?(?:government\s+of\s+)?$"
)
# "... built two more with Korean technical assistance": the state named as the helper gives
_WITH_HELP = re.compile(r"\b(?:with|through)\s+(?:the\s+)?$")


def helper(text: str, mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The state that funds or helps in ``text[start:end]`` ("grant from China", "with Korean assistance")."""
    if (
        text.find(" from ", start, end) < 0
        and text.find("with ", start, end) < 0
        and text.find("through ", start, end) < 0
    ):
        return None
    for m in mentions:
        if not (start <= m.start < end) or not m.iso or m.kind == "place":
            continue
        if _FROM_GIVER.search(text, max(start, m.start - 40), m.start):
            return m
        if _WITH_HELP.search(text, max(start, m.start - 12), m.start) and _FUNDING.match(text, m.end):
            return m
    return None


_IN_NAME = re.compile(r"\S\s+[A-Z][a-z]+\s+$")
_TITLE_WORD = re.compile(
    r"\b(?:The|President|Premier|Minister|Former|Then|King|Queen|Emperor|Chairman|Leader|Ambassador|Both|Neither|Meanwhile|However|Moreover|While|When|Since|After|Before|Although|Yet|And|But|Also|So|Thus|Besides|Indeed|Likewise|Similarly)\s+$"
)
_GOV_OF = re.compile(
    r"\b(?:[Gg]overnment|[Ee]mbassy|[Mm]inistry of [A-Z][\w ]{2,30}|[Pp]resident|[Pp]rime [Mm]inister|[Kk]ing|[Ee]mperor"
    r"|[Pp]eople|[Nn]avy|[Aa]rmy|[Aa]ir [Ff]orce|[Aa]rmed [Ff]orces|[Cc]oast [Gg]uard|[Ll]eaders?)\s+of\s+(?:the\s+)?$"
)
_COLLECTIVE_LEAD = re.compile(
    r"(?:leaders|members|ministers|heads(?: of state)?|summit|meeting)\s+of\s+(?:the\s+)?$", re.I
)
#: words of an act both sides perform (signing, agreeing, a memorandum): its actor is the donor of the pair
SYMMETRIC = re.compile(r"\b(?:sign\w*|agreed|conclud\w+|MOUs?|MoUs?|memorand\w+)\b")
_COORD = re.compile(r"^\s*(?:,|,?\s*and|&)\s*(?:the\s+)?$")
_ANAPHORA = re.compile(
    r"\b(?:both (?:the )?(?:countries|sides|nations|governments)|the two (?:countries|sides|nations|governments)|each other)\b",
    re.IGNORECASE,
)
_ANAPHORA_GATE = LiteralGate(_ANAPHORA)  # the same yes/no, behind a literal pre-check


@dataclass
class Sentence:
    """One sentence with the facts every rule needs."""

    start: int
    end: int
    mentions: list[Mention]
    actor: str | None
    actor_mention: Mention | None
    partners: list[str]
    years: list[YearSpan] = field(default_factory=list)
    carried: bool = False
    collective: tuple[str, tuple[str, ...]] | None = None
    head: Mention | None = None
    partners_lent: bool = False


# a preposition that governs a date, not the name after it
_DATE_PHRASE = re.compile(
    r"\b(?:[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Ff]rom)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:\d{1,2},?\s+)?(?:19|20)\d\d,?\s+$"
)


_LETTERS = re.compile(r"[A-Za-z]+")


@per_document(8192)
def _eligible(text: str, m: Mention, floor: int, groups: bool = False) -> bool:
    if (m.iso is None and not groups) or m.kind == "place":
        return False
    before = text[max(floor, m.start - 32) : m.start]
    if before.endswith("-"):  # second half of a compound ("India-Japan")
        return False
    if _LIST_AND.search(before) or (_LIST_COMMA.search(before) and _LIST_GOES_ON.match(text, m.end)):
        return False  # a later conjunct of a list; the list's head decides
    if _PHRASE_END.search(before) or (before.rstrip(", ")[-1:].isdigit() and _DATE_PHRASE.search(before)):
        return True  # a phrase ended before it ("In 2019, Tokyo ...", "In 2023 Tokyo", "in July 2024, Japan")
    if _IN_NAME.search(before) and not _TITLE_WORD.search(before):
        return False  # part of a proper name ("Medical Excellence Vietnam")
    words = _LETTERS.findall(before)
    while words and words[-1].lower() in _SKIPWORDS:
        words.pop()
    if m.kind == "demonym" and _TITLE_POSS.match(text, m.end):
        return True  # "the Cambodian President's visit": the state of that leader acts
    if _GOV_OF.search(before):
        return True  # "the Government of Japan", "the Embassy of the United States"
    if words and words[-1].lower() in _PREP:
        if groups and _COLLECTIVE_LEAD.search(before):
            return True
        # at most two words before it in the sentence (a bounded look: long words are not sentence openers)
        at_start = m.start - floor <= 64 and len(text[floor : m.start].split()) <= 2
        return m.possessive and (words[-1].lower() == "of" or at_start)
    return True


_RECEIVE = re.compile(
    r"(?:\s*,[^,]{0,80},)?(?:\s+(?!has\b|have\b|had\b|also\b)[a-z][\w'-]*){0,3}?\s+(?:has |have |had )?(?:also |long )?(?:received|receives|obtained|accepted|got|secured|won|been (?:the )?recipients? of)\b",
    re.IGNORECASE,
)


def _giver(text: str, mentions: list[Mention], head: Mention, end: int) -> Mention | None:
    """The state after "from" when the subject only receives ("X received aid from Y")."""
    group = coordinated(text, mentions, head)
    verb = _RECEIVE.match(text, group[-1].end)
    if verb is None:
        return None
    for m in mentions:  # "received Korean government scholarships": the demonym names the giver
        if m.iso and m.kind == "demonym" and verb.end() < m.start <= verb.end() + 8 and m.iso != head.iso:
            return m
    for m in mentions:
        if m.start > group[-1].end and m.iso and _FROM.search(text, max(0, m.start - 12), m.start):
            return m
    if head.iso not in DONORS:  # "Fiji receives Foreign Military Financing ... courses in the United States"
        for m in mentions:
            if m.start > group[-1].end and m.iso in DONORS and m.kind != "demonym":
                return m
    return None


def _group_subject(text: str, mentions: list[Mention], start: int) -> bool:
    """True when the sentence's subject is a group that is not a state ("The European Union pledged")."""
    for m in mentions:
        if m.iso is None and _eligible(text, m, start, True) and _VERB_AFTER.match(text, m.end, m.end + 80):
            return True
    return False


def collective(
    text: str, mentions: list[Mention], start: int, end: int
) -> tuple[str, tuple[str, ...]] | None:
    """A group acting as one body ("ASEAN Plus Three convened ..."): (group, its donor members)."""
    for m in mentions:
        if not (start <= m.start < end):
            continue
        if m.iso is not None and _eligible(text, m, start):
            return None
        if (
            m.iso is None
            and len(m.codes) == 1
            and vocab.is_partner_code(m.codes[0])
            and _eligible(text, m, start, True)
        ):
            code = m.codes[0]
            if code in vocab.group_codes() and code != "WORLD":
                donors = tuple(d for d in DONORS if d in vocab.members(code))
                return (code, donors) if donors else None
            return None
    return None


def subject(
    text: str, mentions: list[Mention], start: int, end: int, floor: int | None = None
) -> Mention | None:
    """The grammatical subject among ``mentions`` within ``text[start:end]`` (see module doc).

    ``floor`` is where the sentence starts, when ``start`` is a clause inside it.
    """
    base = start if floor is None else floor
    cands: list[Mention] = []
    for m in mentions:  # the first eligible name with a verb after it wins: the names after it are not read
        if start <= m.start < end and _eligible(text, m, base):
            if _VERB_AFTER.match(text, m.end, min(end, m.end + 80)):
                return m
            cands.append(m)
    for m in cands:
        if m.possessive or (m.kind == "demonym" and _TITLE_POSS.match(text, m.end)):
            return m
    for m in cands:  # a bare first name is a subject only if no verb came before it
        if not VERB_BEFORE.search(text, base, m.start):
            return m
    for m in mentions:  # "... inaugurated in 2013 with Chinese funding": the funder
        if start <= m.start < end and m.iso and m.kind != "place" and _FUNDING.match(text, m.end):
            return m
    return None


def coordinated(text: str, mentions: list[Mention], head: Mention) -> list[Mention]:
    """``head`` and the states coordinated with it ("Japan and the Philippines")."""
    group = [head]
    if len(mentions) <= 16:
        i = mentions.index(head)
    else:  # ``mentions.index(head)`` without a dataclass comparison per earlier mention (the square of a
        # sentence's names on a long line): equal mentions share their start, so it is compared first
        i = next(
            (k for k, m in enumerate(mentions) if m is head or (m.start == head.start and m == head)), -1
        )
        if i < 0:
            raise ValueError(f"{head!r} is not in the mentions")
    for nxt in mentions[i + 1 :]:
        if nxt.iso is None or not _COORD.match(text[group[-1].end : nxt.start]):
            break
        group.append(nxt)
    return group


def pick_actor(group: list[Mention]) -> Mention:
    """The donor power of a coordinated group, else its donor state ("Papua New Guinea and Australia
    signed ...", "Vietnam and India held ...": the guideline's donor of a two-state act), else its
    first state."""
    for m in group:
        if m.iso in DONORS:
            return m
    donors = donor_states()
    return next((m for m in group if m.iso in donors), group[0])


_CURRENCY_AFTER = re.compile(
    r"\s+(?:rupees?|dollars?|yuan|yen|won|pesos?|baht|ringgit|rupiah|dong|kina|tala|taka|kyat)\b"
)
# a pronoun subject with its verb before the first name ("In December 2023 it signed ... with Papua New Guinea")
_PRONOUN_SUBJECT = re.compile(
    r"(?<![\w'])(?:(?:[Ii]t|[Tt]hey)\s+(?:(?:also|has|have|had|then|later|since|now)\s+)*"
    r"(?:[a-z]+ed|sent|gave|built|spent|made|lent|led|won|took|began|opened|signed)"
    # a sum the sentence before stated, taken apart ("This includes $100 million as part of ...")
    r"|(?:[Tt]his|[Tt]hese|[Ii]t)\s+(?:also\s+)?(?:includes?|included|comprises?|comprised))\b"
)


# a first-person subject with its verb ("We have also sent ...", "We're deploying ...", "I announce ...") in
# a government's release, statement or transcript: the speaker's state acts. Receiving and thanking verbs are
# a recipient's words, not the donor's.
_FIRST_PERSON = re.compile(
    r"(?<![\w'’])(?:[Ww]e|I)(?:\s+|['’](?:ve|re|ll|d|m)\s+)"
    r"(?:(?:also|have|has|had|now|then|will|would|shall|are|were|was|am|just|already|immediately|recently"
    r"|today|further|jointly|again|quickly|continue\s+to|been|able\s+to|proud\s+to|pleased\s+to)\s+)*"
    r"(?!receiv|obtain|accept|welcom|thank|appreciat|hop|believ|think|know|need|want|look|see|hear|expect)"
    r"(?:[a-z]{2,}ed|sent|gave|built|made|lent|spent|held|led|took|began|met|[a-z]{2,}ing|announce|provide|deliver"
    r"|support|build|send|give|fund|help|share|deploy|establish|launch|sign|invest|train|offer|contribute|donate"
    r"|commit|extend|host|visit)\b"
)


@cache
def receiving_states() -> frozenset[str]:
    """The states that receive in this corpus's acts: the default partner universe (ASEAN and Pacific
    Island members, South Asia, Mongolia) without India, which also acts as a donor."""
    return frozenset(vocab.partner_universe()) - {"IND"}


@cache
def receiving_groups() -> frozenset[str]:
    """The groups all of whose members, at any time, are receiving states (:func:`receiving_states`):
    ASEAN, ASEAN6, CLMV and the Pacific Island Countries with today's tables (``group_members.csv``)."""
    members: dict[str, set[str]] = {}
    for m in vocab.group_members():
        members.setdefault(m.group, set()).add(m.member)
    rec = receiving_states()
    return frozenset(g for g, ms in members.items() if ms <= rec)


def first_person(text: str, start: int, end: int) -> int | None:
    """Where a first-person subject with its verb stands in ``text[start:end]`` (literal pre-checks first)."""
    if (
        text.find("we", start, end) < 0
        and text.find("We", start, end) < 0
        and text.find("I ", start, end) < 0
        and text.find("I'", start, end) < 0
        and text.find("I’", start, end) < 0
    ):
        return None
    m = _FIRST_PERSON.search(text, start, end)
    return m.start() if m is not None else None


def _has_pronoun(text: str, start: int, end: int) -> bool:
    """A pronoun subject with its verb in ``text[start:end]`` (literal pre-checks before the regex)."""
    if (
        text.find("it ", start, end) < 0
        and text.find("It ", start, end) < 0
        and text.find("hey ", start, end) < 0
        and text.find("his ", start, end) < 0
        and text.find("hese ", start, end) < 0
    ):
        return False
    return _PRONOUN_SUBJECT.search(text, start, end) is not None


def build_sentence(
    text: str,
    start: int,
    end: int,
    prev: Sentence | None,
    doc_year: int | None,
    speaker: Callable[[], str | None] | None = None,
    people: Callable[[], dict[str, str]] | None = None,
) -> Sentence:
    """Analyse one sentence; ``prev`` lends its actor/partners to pronoun sentences.

    ``speaker`` gives the state that speaks in the document (its publisher): a first-person subject
    ("We have also sent medical supplies to Timor-Leste") is that state, or the previous sentence's
    actor when that is not a receiving state. ``people`` gives the officials the document names with
    their title and their states (:func:`softpower.extract.people.officials`): a sentence whose subject
    is one of them and no state ("Luxon announced ...") is that official's state's act.
    """
    mentions = find_mentions(text, start, end)
    if mentions and any(m.kind == "demonym" for m in mentions):
        # "1.6 billion Sri Lankan rupees": a currency's name, not a state in the sentence
        mentions = [m for m in mentions if m.kind != "demonym" or not _CURRENCY_AFTER.match(text, m.end)]
    head = subject(text, mentions, start, end)
    we: str | None = None
    if speaker is not None:
        at = first_person(text, start, end)
        if at is not None and (head is None or at < head.start):
            if prev is not None and prev.actor and prev.actor not in receiving_states():
                we = prev.actor
            else:
                we = speaker() or (prev.actor if prev is not None else None)
            if we is not None:
                head = None  # the first-person subject acts; the names after it are partners
    if (
        head is not None
        and prev is not None
        and prev.actor
        and head.start > start
        and _has_pronoun(text, start, head.start)
    ):
        head = None  # the pronoun is the subject; the name after the verb is a partner
    actor_m: Mention | None = None
    actor: str | None = None
    partners: list[str] = []
    carried = False
    lent = False
    coll = collective(text, mentions, start, end)
    giver = _giver(text, mentions, head, end) if head is not None else None
    if coll is not None:
        actor = coll[1][0]
    elif giver is not None:  # "Vietnam received grant aid from Tokyo": the giver acts
        actor_m, actor = giver, giver.iso
    elif we is not None:
        actor, carried = we, True
    elif people is not None and (
        official := person_subject(text, start, end, people(), None if head is None else head.start)
    ):
        actor = official
    elif head is not None:
        group = coordinated(text, mentions, head)
        actor_m = pick_actor(group)
        actor = actor_m.iso
        if actor not in DONORS and SYMMETRIC.search(text, start, end):
            donors = [m for m in mentions if m.iso in DONORS]
            if donors:  # "India and Vietnam signed MOUs with Japan": the donor of a symmetric act
                actor_m = donors[0]
                actor = actor_m.iso
    elif prev is not None and prev.actor and not _group_subject(text, mentions, start):
        actor, carried = prev.actor, True
        coll = prev.collective if not mentions else None
        if not mentions:  # the discourse goes on: same actor, same partners
            partners = list(prev.partners)
            lent = True
    for m in mentions:
        partners.extend(c for c in m.codes if c != actor)
    partners = order_codes(partners)
    if prev is not None and prev.actor and _ANAPHORA_GATE(text, start, end):
        pair = order_codes([prev.actor, *prev.partners, *([actor] if actor else []), *partners])
        # the donor power of the pair, else its donor state (the first named when neither is one)
        pair_donors = [c for c in pair if c in DONORS] or [c for c in pair if c in donor_states()]
        actor = pair_donors[0] if pair_donors else pair[0]
        partners = [c for c in pair if c != actor]
        lent = False  # named by the anaphor itself
    return Sentence(
        start,
        end,
        mentions,
        actor,
        actor_m,
        partners,
        find_years(text, start, end, doc_year),
        carried,
        coll,
        head,
        lent,
    )


_COMPOUND = re.compile(r"-$")
_VERB_START = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would)\s+(?:also\s+|now\s+|been\s+)*[a-z]+(?:ing|ed|en)\b"
)


def _compound(text: str, sent: Sentence, c0: int, cue_start: int, cue_end: int) -> list[Mention]:
    """Names joined by hyphens just before or inside the cue ("the China-ASEAN Expo")."""
    near = [m for m in sent.mentions if max(c0, cue_start - 40) <= m.start < cue_end]
    for i in range(len(near) - 1):
        a, b = near[i], near[i + 1]
        if text[a.end : b.start] in ("-", "–", "—") and b.end + 40 >= cue_start:
            return [a, b]
    return []


def clause_actor(
    text: str, sent: Sentence, c0: int, cue_start: int, cue_end: int | None = None
) -> tuple[str | None, list[str]]:
    """Actor and partners for a clause ``text[c0:...]`` whose cue starts at ``cue_start``."""
    if c0 > sent.start and sent.actor is not None and _VERB_START.match(text, c0):
        # "The U.S. government, through USAID, | is providing ... the Philippine government's plan": a
        # clause that opens with its verb shares the sentence's subject
        return sent.actor, sent.partners
    inside = [m for m in sent.mentions if c0 <= m.start < cue_start]
    # a clause that opens with a name ("..., and South Korea pledged") is read on its own
    opens = c0 > sent.start and text.endswith("and ", max(sent.start, c0 - 6), c0)
    floor = c0 if opens and inside and inside[0].start - c0 <= 4 else sent.start
    head = subject(text, inside, c0, cue_start, floor) if inside else None
    if head is not None and sent.carried and _has_pronoun(text, floor, head.start):
        head = None
    help_m = helper(text, sent.mentions, c0, min(sent.end, (cue_end or cue_start) + 40))
    if (
        help_m is not None
        and help_m.iso not in (head.iso if head else None, None)
        and (head is None or head.iso not in DONORS)  # the donor helps; the subject only builds or receives
    ):
        return help_m.iso, order_codes([c for m in sent.mentions for c in m.codes if c != help_m.iso])
    if head is not None and head is sent.head:
        return sent.actor, sent.partners
    giver = _giver(text, sent.mentions, head, cue_start) if head is not None else None
    if giver is not None and giver.iso:  # "... civil servants received Korean scholarships"
        return giver.iso, order_codes([c for m in sent.mentions for c in m.codes if c != giver.iso])
    subj_after = sent.actor_mention is None or sent.actor_mention.start > cue_start
    if head is None and (sent.actor is None or sent.carried or subj_after):
        pair = _compound(text, sent, c0, cue_start, cue_end or cue_start)
        if pair:
            in_pair = sent.actor is not None and sent.actor in [m.iso for m in pair]
            actor = sent.actor if in_pair else pick_actor(pair).iso
            return actor, order_codes([c for m in pair for c in m.codes if c != actor])
    if head is None or head.iso == sent.actor:
        return sent.actor, sent.partners
    actor = pick_actor(coordinated(text, sent.mentions, head)).iso
    partners = order_codes([c for m in sent.mentions for c in m.codes if c != actor])
    return actor, partners
