"""Engagement records: an actor's act toward partners through one instrument, clause by clause."""

from __future__ import annotations

import re
from typing import Any

from softpower.extract.alternation import LiteralGate
from softpower.extract.context import SYMMETRIC, Sentence, clause_actor, coordinated
from softpower.extract.entities import donor_states, order_codes, world_hint
from softpower.extract.memo import per_document
from softpower.extract.money import Money, find_money
from softpower.extract.rules import (
    COMMENTARY,
    CONDITIONAL_START,
    EQUAL_FOOTING,
    MAIN_NEGATION,
    PPP,
    WANTING,
    Cue,
    filtered,
    find_cues,
    has_act,
)
from softpower.extract.sentences import split_clauses
from softpower.extract.years import YearSpan, duration_end
from softpower.records.models import RECORD_KEYS

# yes/no scans behind a literal pre-check (softpower.extract.alternation.LiteralGate): same answers
_PPP = LiteralGate(PPP)
_EQUAL_FOOTING = LiteralGate(EQUAL_FOOTING)
_MAIN_NEGATION = LiteralGate(MAIN_NEGATION)

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&\- ]{1,14})\)|“([^”]{3,40})”|\"([^\"]{3,40})\"")
_NAMED = re.compile(
    r"\b([A-Z]{3,}[\w-]*\s+(?:programmes?|programs?|initiative|scheme|fund|project))\b"
    r"|\b((?:[A-Z][\w&'’-]*\s+){1,7}(?:Fund|Initiative|Program|Programme|Agreement|Declaration|Centre|Center"
    r"|Expo|Plan|Doctrine|Institute|Scholarship|Partnership|Corridors?|Summit|Dialogue|Forum|Conference))\b"
)
_NAMED_GATE = LiteralGate(_NAMED)  # a clause without one of its words holds no name: the scan is skipped
_SETTING = re.compile(
    r"(?i:at the height of|in the wake of|amid(?:st)?\b|in the midst of|on the eve of|ranging from)|(?:Recogni[sz]ing|Given|Considering|Despite|Due to|Because of|[Ww]hereas|During|At|On the sidelines of|Ahead of|Following|Amid|After|Before|(?:\w+ )?(?:years|months|weeks|decades) (?:after|before|since))\b"
)
# a short line without final punctuation is a heading, not a statement
_HEADING = re.compile(r"[^.!?\n]{0,80}(?<![.!?:;,])")
_HEADING_MAX = 80  # _HEADING matches at most this many characters: a longer sentence is no heading
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# a clause that opens with its own gerund is a coordinated act ("..., to conducting joint drills")
_GERUND = re.compile(r"(?:to |and |or )?[a-z]{3,}ing\b")
_ENUM = re.compile(r"\(?\d\)|\(?[a-h]\)\s")
_ANAPHORIC = re.compile(r"(?:\w+,\s+)?(?i:this|these|that|those|such|the same)\s+(?:[\w-]+\s+){0,2}")
_GENERIC = re.compile(r"(?:A|An)\s+(?:[\w-]+\s+){0,4}")
_DECLARATION = re.compile(r"\b(?:Declaration|Statement|Communiqu[eé]|Memorandum|MoU|MOU)\b")
_ON_OF = re.compile(r"\b(?:on|of|for)\b")
_ORG_WORD = re.compile(
    r"Association|Agency|Ministry|Bank|Council|Office|Corporation|Organi|Department|University|Society"
)
_ORG_NAME = re.compile(
    r"\b(?:Association|Agency|Ministry|Bank|Council|Office|Corporation|Organi[sz]ation|Department|University|Society)"
    r"\s+(?:for|of)\s+(?:[A-Z][\w-]*\s+){0,4}$"
)
_RELATIVE_YEAR = re.compile(r"\b(?:that|which|who) (?:were|was|had been|have been|has been)\b")
_RELATIVE_YEAR_GATE = LiteralGate(_RELATIVE_YEAR)  # every match holds that, which or who
_BACKREF = re.compile(r"(?:Meanwhile|At the same time|The figure|That year|In the same year|The same year)\b")
_MONEY_VERB = re.compile(
    r"\b(?:lent|lends?|lending|pledg\w+|provid\w+|offer\w*|commit\w*|contribut\w+|donat\w+|gave|giv\w+|extend\w*|announc\w+|disburs\w+|allocat\w+|promis\w+|added|earmarked|awarded|made available)\b",
    re.I,
)
_ANAPHOR_NEXT = re.compile(
    r"(?:The|This|That|These|Such)\s+(?:investment|aid|loan|grant|funding|money|package|assistance|pledge|support|amount|sum)\b"
)
# an amount spread over many years is a statistic, not one act
AGGREGATE_YEARS = 6
# sector cues lose to the money instrument of the same clause ("hospital facilities (1.39 billion yen grant aid)")
_MONEY_INSTRUMENTS = ("oda_grant", "oda_loan", "fund_contribution")
_STRONG = 68
# the priority of the generic money-verb cue ("provided $5 million"); the word "grant" ranks above it
_MONEY_VERB_CUE = 84
# the priority of the word "grant"; a security cue above it (military aid, gifts to armed forces) is the act
_GRANT_WORD_CUE = 85
_SECTORS = ("disaster_cooperation", "health_cooperation", "technical_cooperation", "people_exchange")
# health words that name the topic, not an act ("the pandemic", "public health partnerships")
_HEALTH_TOPIC = re.compile(
    r"(?i:pandemic|epidemic|COVID-19|coronavirus|malaria|tuberculosis|HIV|dengue|public health|health outcomes"
    r"|health system)"
)
# cues below this priority (generic aid, investment, diplomacy words) need an act verb in their clause
_ANNIVERSARY = re.compile(r"\banniversary of (?:the )?(?:[\w-]+\s+){0,5}$", re.I)
_CONTRAST = re.compile(r"(?:Unlike|Rather than|Instead of)\b")
_SPECIFIC = 46
# event words ("the cyclone", "Disaster Management Office") name an act only with an act verb or an amount
_EVENT_ONLY = frozenset({"disaster_cooperation"})
_GENERIC_MONEY = 40


_PROJECT_NOUN = re.compile(r"\b(?:project|programme|program|activity|initiative)\b", re.I)


def project_cost(text: str, stop: int, mo: Money) -> bool:
    """ "The $20.7 million ... project ran from 2014 to 2021": the cost of one named project over its
    life, not a total of many acts (the amount qualifies a project noun within a few words)."""
    m = _PROJECT_NOUN.search(text, mo.end, min(stop, mo.end + 60))
    return m is not None and not re.search(r"[,;]|\b(?:and|in|to|for)\b", text[mo.end : m.start()])


# instruments that belong to one state whoever the clause's subject is
_OWNERS = (
    ("CHN", re.compile(r"Confucius|Chinese Bridge", re.I)),
    ("JPN", re.compile(r"Japan Foundation|JENESYS", re.I)),
    ("KOR", re.compile(r"King Sejong|Korean Cultural", re.I)),
    ("USA", re.compile(r"Fulbright|Peace Corps", re.I)),
)


def _owner(text: str, cue: Cue) -> str | None:
    if cue.instrument not in ("cultural_institution", "people_exchange"):
        return None
    for iso, rx in _OWNERS:
        if rx.match(text, cue.start, cue.end):
            return iso
    return None


def make_record(doc: str, kind: str, text: str, span: tuple[int, int], **fields: Any) -> dict[str, Any]:
    """A record dict in the exchange format (every key of ``RECORD_KEYS``)."""
    rec: dict[str, Any] = dict.fromkeys(RECORD_KEYS)
    rec.update(doc=doc, kind=kind, ppp=False, equal_footing=False)
    rec.update(fields)
    rec["span"] = [span[0], span[1]]
    rec["quote"] = text[span[0] : span[1]]
    return rec


def year_of(years: list[YearSpan], start: int, end: int) -> tuple[int | None, int | None]:
    """The first time reference inside ``[start, end)``: (year, year_end)."""
    for y in years:
        if start <= y.start < end:
            return y.year, y.year_end
    return None, None


@per_document(8192)
def name_of(text: str, start: int, end: int) -> str | None:
    """A programme name in the clause: a parenthesised acronym, a quoted name, or a Titled Name."""
    m = _ACRONYM.search(text, start, end)
    if m:
        return next(g for g in m.groups() if g)
    m = _NAMED.search(text, start, end) if _NAMED_GATE.possible(text, start, end) else None
    return (m.group(1) or m.group(2)).strip() if m else None


def security_held(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds a security cue ranked above the word "grant" (military aid, Official
    Security Assistance, gear donated to an armed force or police force): the act is security
    assistance, and the grant or loan words beside it name its form (as :func:`choose_cues` reads it)."""
    return any(_over_money(c) for c in find_cues(text, start, end))


def _over_money(c: Cue) -> bool:
    """A security cue ranked above the word "grant": the grant or loan beside it is the form it takes."""
    return c.instrument == "security_agreement" and c.priority > _GRANT_WORD_CUE


def choose_cues(cues: list[Cue], text: str | None = None) -> list[Cue]:
    """The cues of one clause that state separate acts.

    The best cue always counts. Another cue of a different instrument counts when it is
    strong (a named or hard instrument) or far from the first, unless the clause carries
    a money instrument, which absorbs sector words.
    """
    if not cues:
        return []
    best = max(cues, key=lambda c: (c.priority, -c.start))
    if best.instrument == "oda_grant":
        # "provided $2.2 million ... for reconstruction after the typhoon": the money's purpose names the
        # instrument (emergency money is disaster cooperation, not an ordinary grant)
        yields = _SECTORS if best.priority == _MONEY_VERB_CUE else ("disaster_cooperation",)
        sector = [c for c in cues if c.instrument in yields]
        if sector:
            best = max(sector, key=lambda c: (c.priority, -c.start))
            return [best]
    if (
        text is not None
    ):  # "the Joint Declaration ... on the Economic Partnership": the declaration is the act
        decl = [c for c in cues if c.start < best.start and _DECLARATION.search(text, c.start, c.end)]
        if decl and _ON_OF.search(text, decl[0].end, best.start):
            return [decl[0]]  # what the declaration is about is not a second act
    chosen = [best]
    money_clause = best.instrument in _MONEY_INSTRUMENTS
    # military aid or security assistance absorbs the grant or loan it takes the form of ("military aid
    # ... that will include a 1.6 billion yen grant", "Official Security Assistance grant aid")
    security_money = _over_money(best)
    for c in sorted(cues, key=lambda c: c.start):
        if any(c.instrument == x.instrument for x in chosen):
            continue
        if money_clause and c.instrument not in _MONEY_INSTRUMENTS:
            continue
        if security_money and c.instrument in _MONEY_INSTRUMENTS:
            continue
        far = min(abs(c.start - x.start) for x in chosen) >= 40
        own_verb = text is not None and has_act(text, max(0, c.start - 35), c.end)
        own_verb = own_verb or (text is not None and any(ch.isupper() for ch in text[c.start : c.end]))
        if c.priority >= _STRONG or (far and own_verb and c.priority >= _SPECIFIC):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _own_subject(text: str, sent: Sentence, c0: int, cue_start: int) -> bool:
    """A clause that opens with its own named subject and act verb ("..., and JICA funded a laboratory")."""
    return any(c0 <= m.start <= c0 + 4 and m.iso and m.kind != "demonym" for m in sent.mentions) and has_act(
        text, c0, cue_start
    )


def _names_states(sent: Sentence, start: int, end: int) -> bool:
    return any(start <= m.start < end and m.iso is not None and m.iso != sent.actor for m in sent.mentions)


def _joint_givers(
    text: str, sent: Sentence, c0: int, c1: int, actor: str, partners: list[str]
) -> tuple[list[str], list[str]]:
    """Donor states named together as the subject of an act toward another state ("Australia, New Zealand
    and France sent relief to Fiji") each perform it: one record per state (the guideline's collective
    acts), toward the partners outside the group. A signing or agreement between them ("Japan and the
    Philippines signed ...") stays one act of the donor of the pair."""
    head = sent.head
    if head is None or head.iso is None or not (c0 <= head.start < c1):
        return [actor], partners
    group = [m.iso for m in coordinated(text, sent.mentions, head) if m.iso]
    givers = donor_states()
    if len(set(group)) < 2 or actor not in group or not all(g in givers for g in group):
        return [actor], partners
    others = [p for p in partners if p not in group]
    if not others or SYMMETRIC.search(text, c0, c1):
        return [actor], partners
    return list(dict.fromkeys(group)), others


def _money_near(money: list[Money], start: int, end: int, cue: Cue) -> Money | None:
    inside = [m for m in money if start <= m.start < end]
    return min(inside, key=lambda m: abs(m.start - cue.start)) if inside else None


_STOP = re.compile(r"[.;:]")
#: characters a WANTING match at a position reads after it: its longest word ("planning") and the character
#: its closing word boundary looks at, with room to spare
_WISH_REACH = 16


class _WishBefore:
    """Whether a WANTING word stands in the text before each clause of one sentence (``text[s0:c0]``), asked
    for the clauses in text order: each such lead extends the one before, so the search goes on where the
    last one left off instead of reading every lead from the sentence's start (a sentence cut from a line of
    hundreds of clauses was read in time growing with the square of its length).

    A match starting at least :data:`_WISH_REACH` characters before a lead's end reads only characters every
    longer lead shares (its look-behinds read the shared text before it), so it stands in every longer lead;
    a position that far back where nothing matches matches in no longer lead. The answers are those of
    ``WANTING.search(lead) is not None``."""

    __slots__ = ("clear", "found", "size")

    def __init__(self) -> None:
        self.found = False  # a match far enough from its lead's end: every longer lead holds it
        self.clear = 0  # no match starts before this position of a lead
        self.size = 0  # the length of the last lead read

    def __call__(self, lead: str) -> bool:
        n = len(lead)
        if n < self.size:  # a shorter lead (not in text order): what was learnt does not carry over
            self.found, self.clear = False, 0
        self.size = n
        if self.found:
            return True
        m = WANTING.search(lead, self.clear)
        settled = n - _WISH_REACH  # positions before this read only the shared text
        if m is not None and m.start() < settled:
            self.found = True
        self.clear = max(self.clear, min(settled, n if m is None else m.start()))
        return m is not None


def sentence_engagements(
    doc: str,
    text: str,
    sent: Sentence,
    taken: list[tuple[int, int]],
    prev: Sentence | None = None,
    stats: bool = False,
    found_money: list[Money] | None = None,
) -> list[dict[str, Any]]:
    """Engagements stated in one sentence.

    ``taken`` are spans already used by stock indicators; ``stats`` says the sentence states
    a comparison or total, so generic aid words in it describe the statistic, not an act.
    """
    s0, s1 = sent.start, sent.end
    if (
        (s1 - s0 <= _HEADING_MAX and _HEADING.fullmatch(text, s0, s1))
        or COMMENTARY.match(text, s0)
        or CONDITIONAL_START.match(text, s0)
        or text[s0:s1].rstrip().endswith("?")
    ):
        return []
    all_money = find_money(text, s0, s1) if found_money is None else found_money
    money = [m for m in all_money if not any(a <= m.start < b for a, b in taken)]
    sent_cues = find_cues(text, s0, s1)
    # without a cue or an amount there is nothing to read: the scans below are skipped
    if not sent_cues and not money:
        return []
    chunk = text[s0:s1]
    if '"' in chunk or "“" in chunk:  # every _QUOTED match opens with one of them
        chunk = _QUOTED.sub(" ", chunk)
    if _MAIN_NEGATION(chunk, 0, len(chunk)):
        return []
    used_money: set[int] = set()
    out: list[dict[str, Any]] = []
    seen: set[tuple[str | None, str, int]] = set()
    clauses = split_clauses(text, s0, s1)
    # a generic aid, investment or diplomacy word needs a date, an amount or a name to be an act
    anchored = bool(sent.years or money or name_of(text, s0, s1))
    # the first full stop, semicolon or colon of the sentence, and the wish words of the text before each
    # clause, read once for the sentence (see _WishBefore) when a clause after the first asks
    wish_before: _WishBefore | None = None
    stop = s1
    for c0, c1 in clauses:
        if _SETTING.match(text, c0) and len(clauses) > 1:
            continue
        if _CONTRAST.match(text, c0):
            continue  # "Unlike grants for roads, ...": a comparison, not an act
        if c0 > s0:
            if wish_before is None:
                wish_before, first_stop = _WishBefore(), _STOP.search(text, s0, s1)
                stop = s1 if first_stop is None else first_stop.start()
            if stop >= c0 and wish_before(text[s0:c0]):
                continue  # the main clause only wants, plans or hopes (and no stop ends it before this clause)
        if any(c0 <= a < c1 for a, _ in taken):
            # the clause states a total or stock already recorded as an indicator: none of its cues is
            # an act (tested once per clause, before the per-cue tests, which change nothing when skipped)
            continue
        clause_cues = [c for c in sent_cues if c0 <= c.start < c1]
        for cue in choose_cues(clause_cues, text):
            if filtered(text, c0, c1, cue.start):
                continue
            lo = max(c0, cue.start - 60)
            if text.find("anniversary", lo, cue.start) >= 0 and _ANNIVERSARY.search(text, lo, cue.start):
                continue  # "marking the 35th anniversary of the Dialogue Partnership": an old act recalled
            window = max(c0, cue.start - 80)
            if _ORG_WORD.search(text, window, cue.start) and _ORG_NAME.search(text, window, cue.start):
                continue  # a word inside an organisation's name ("Association for ... Scholarships")
            ana = _ANAPHORIC.match(text, c0) or _GENERIC.match(text, c0)
            if (
                ana is not None
                and ana.end() >= cue.start
                and not has_act(text, c0, cue.start)
                and not (  # "A second grant of US$ 16 million goes to Laos", "A Confucius Institute opened
                    # in Fiji in 2012": a costed or dated act with its own verb and partner
                    _GENERIC.match(text, c0)
                    and _names_states(sent, cue.end, c1)
                    and (
                        _money_near(money, c0, c1, cue) is not None
                        or (year_of(sent.years, cue.end, c1)[0] is not None and has_act(text, cue.end, c1))
                    )
                )
            ):
                continue  # "This think-tank ...": a repeat mention of an act already recorded
            if any(a <= cue.start < b for a, b in taken):
                continue
            if cue.priority < _SPECIFIC and (stats or not has_act(text, c0, c1)):
                continue
            if (
                cue.instrument in _EVENT_ONLY
                and not has_act(text, c0, c1)
                and _money_near(money, c0, c1, cue) is None
            ):
                continue
            if (
                cue.instrument == "health_cooperation"
                and _HEALTH_TOPIC.fullmatch(text, cue.start, cue.end)
                and _money_near(money, c0, c1, cue) is None
                and year_of(sent.years, c0, c1)[0] is None
            ):
                continue  # "the challenges of the pandemic": the topic, not an act
            if (
                _GENERIC_MONEY <= cue.priority < _SPECIFIC
                and not anchored
                and not _names_states(sent, c0, c1)
            ):
                continue  # "recipients of Japan's ODA": generic aid talk without date, amount, name or state
            actor, partners = clause_actor(text, sent, c0, cue.start, cue.end)
            owner = _owner(text, cue)
            if (
                owner is not None and owner != actor
            ):  # "A Confucius Institute opened in Fiji": China's instrument
                actor = owner
                partners = [c for c in partners if c != owner]
            local = order_codes(
                [c for m in sent.mentions if c0 <= m.start < c1 for c in m.codes if c != actor]
            )
            if local and actor is not None:
                partners = local  # the clause names its own partners
            actors = [actor] if actor else []
            if sent.collective and actor == sent.actor:
                group, donors = sent.collective
                actors, partners = list(donors), [group]
            elif actor is not None and actor == sent.actor:
                actors, partners = _joint_givers(text, sent, c0, c1, actor, partners)
            if not actors:
                continue
            amt = _money_near(money, c0, c1, cue)
            if sent.partners_lent and partners == sent.partners and amt is None and not sent.years:
                partners = []  # partners lent by the sentence before count only for a dated or costed act
            if not partners:
                # an act with no named partner counts only when it is specific: a name or an amount
                if amt is None and name_of(text, c0, c1) is None and name_of(text, s0, s1) is None:
                    continue
                partners = ["WORLD"]
                if amt is not None and prev is not None and prev.partners and not world_hint(text, s0, s1):
                    # "The United States announced US$ 10 million in humanitarian assistance ...": the
                    # costed act goes to the partners of the sentence before
                    partners = [c for c in prev.partners if c != actor] or ["WORLD"]
            rel = (
                _RELATIVE_YEAR.search(text, cue.end, c1)
                if _RELATIVE_YEAR_GATE.possible(text, cue.end, c1)
                else None
            )
            year, year_end = year_of(sent.years, c0, rel.start() if rel else c1)
            if year is None and year_end is None and rel is not None:
                # "After 2014 elections, the U.S. re-initiated aid ... that were put in place following the
                # 2006 coup": the year of the relative clause describes the restrictions, not the act
                year, year_end = year_of(sent.years, s0, c0)
            if amt is not None:  # "to $7 million in 2021": the year stated with the act's own amount
                own = next((y for y in sent.years if amt.end <= y.start <= amt.end + 12), None)
                if own is not None and text[amt.end : own.start].strip() in ("in", "for", "in fiscal year"):
                    year, year_end = own.year, own.year_end
            if year is None and year_end is None:
                year, year_end = year_of(sent.years, s0, s1)
            if year is None and year_end is None and prev is not None and _BACKREF.match(text, s0):
                year, year_end = year_of(prev.years, prev.start, prev.end)
            if year_end is None:
                year_end = duration_end(text, s0, s1, year)
            if (
                amt is not None
                and year is not None
                and year_end is not None
                and year_end - year >= AGGREGATE_YEARS
                and not project_cost(text, s1, amt)
            ):
                continue  # a long-run total: recorded as an indicator
            instrument = cue.instrument
            if amt is not None and cue.priority < _GENERIC_MONEY and _MONEY_VERB.search(text, c0, c1):
                instrument = "oda_grant"  # "pledged $150 million ... at the summit": the money is the act
            for act in actors:
                key = (act, instrument, c0)
                if key in seen:
                    continue
                # a later clause of the same sentence with the same instrument continues the same act
                # unless it states its own amount or is an enumerated item ("(2) ...")
                same = any(
                    r["actor"] == act
                    and r["instrument"] == instrument
                    and not (
                        year is not None
                        and r["year"] is not None
                        and year != r["year"]
                        and year_end is None
                        and r["year_end"] is None
                    )
                    for r in out
                )  # "enhanced by the 1998 VFA and the 2014 EDCA": two dated acts
                if (
                    same
                    and amt is None
                    and not _ENUM.match(text, c0)
                    and not _GERUND.match(text, c0)
                    and not _own_subject(text, sent, c0, cue.start)
                ):
                    continue
                seen.add(key)
                if amt is not None:
                    used_money.add(amt.start)
                out.append(
                    make_record(
                        doc, "engagement", text, (c0, c1), actor=act, partners=list(partners),
                        instrument=instrument, year=year, year_end=year_end,
                        amount=amt.amount if amt else None, currency=amt.currency if amt else None,
                        name=name_of(text, c0, c1), ppp=_PPP(text, s0, s1),
                        equal_footing=_EQUAL_FOOTING(text, s0, s1),
                    )
                )  # fmt: skip
    free = [m for m in money if m.start not in used_money]
    if out and len(free) == 1 and all(r["amount"] is None for r in out):
        out[0]["amount"], out[0]["currency"] = free[0].amount, free[0].currency
    elif (
        not out
        and len(free) == 1
        and sent.actor
        and _MONEY_VERB.search(text, s0, s1)
        and not filtered(text, s0, s1)
    ):
        year, year_end = year_of(sent.years, s0, s1)
        out.append(
            make_record(
                doc, "engagement", text, (s0, s1), actor=sent.actor, partners=sent.partners or ["WORLD"],
                instrument="", year=year, year_end=year_end, amount=free[0].amount, currency=free[0].currency,
                ppp=_PPP(text, s0, s1),
            )
        )  # fmt: skip
    return out


def resolve_pending(text: str, rec: dict[str, Any], nxt: tuple[int, int] | None) -> dict[str, Any]:
    """A money act with no instrument word takes it from an anaphoric next sentence
    ("The investment will be ..."), else it is ODA of unspecified form (``oda_grant``)."""
    rec["instrument"] = "oda_grant"
    if nxt is not None and _ANAPHOR_NEXT.match(text, nxt[0]):
        cues = find_cues(text, *nxt)
        if cues:
            rec["instrument"] = max(cues, key=lambda c: c.priority).instrument
            if rec["instrument"] == "oda_grant" and _PPP(text, *nxt):
                rec["instrument"] = "investment_promotion"
        rec["ppp"] = rec["ppp"] or bool(_PPP(text, *nxt))
    return rec
