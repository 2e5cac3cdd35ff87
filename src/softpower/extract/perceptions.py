"""Perception records: shares of respondents who see an actor in some way.

"93% of respondents agreed that Japan is a trustworthy friend" → measure ``trust``,
value 0.93, subject JPN, respondents from the clause ("respondents from X, Y",
"61 percent of Thais") or from the poll sentence just before ("a 2008 poll in X, Y and Z").
Negative judgements ("an unfavourable view") are not recorded as the positive measure.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from softpower.extract.alternation import LiteralGate
from softpower.extract.context import Sentence
from softpower.extract.engagements import make_record
from softpower.extract.entities import DONORS, Mention, order_codes
from softpower.extract.sentences import split_clauses

POLL = re.compile(r"\b(?:respondents|surveyed|polled|interviewees|poll|survey|opinion|barometer)\b", re.I)
#: ``names_poll(text, start, end)``: ``POLL.search(text, start, end)`` found something, behind the
#: literal pre-check of the words read from POLL itself (softpower.extract.alternation.LiteralGate)
names_poll = LiteralGate(POLL)


_RESPONDENTS = re.compile(
    r"\b(?:respondents|surveyed|polled|interviewees|of (?:the )?(?:people|public|those asked))\b"
    r"|(?:%|\b[Pp]er ?cent)\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:ans|ese|is|ish|ians|ers|s)\b"
    # "Most Indonesians (65%) view ...": a public named by its demonym before its bracketed share
    r"|\b[A-Z][a-z]+(?:ans|ese|is|ish|ians|ers|s)\s+\(\s*\d{1,3}(?:\.\d+)?\s*(?:%|[Pp]er ?cent)"
)
# a literal every poll share or "more/fewer respondents" statement holds
_SHARE_WORDS = ("%", "percent", "per cent", "respondents")
_SHARE = re.compile(r"(?<![\w.])(?P<num>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)")
_MORE_FEWER = re.compile(
    r"\b(?:fewer|more|less|a growing number of|a declining number of)\s+respondents\b", re.I
)
MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "considers_interests",
        re.compile(
            r"\binterests?\b[^.;]{0,40}\binto (?:account|consideration)|\b(?:considers?|takes?|taking)\b[^.;]{0,30}\binterests\b",
            re.I,
        ),
    ),
    ("positive_image", re.compile(r"\bpositive (?:images?|impressions?|views?)\b", re.I)),
    # "have confidence in the United States", "are confident that Japan will do the right thing"
    ("trust", re.compile(r"\btrust\w*|\breliable\b|\bdependable\b|\bconfiden(?:ce|t)\s+(?:in|that)\b", re.I)),
    (
        "favourable",
        re.compile(
            r"(?<!un)favou?rabl\w+|\bpositive(?:ly)? (?:opinion|view)|\bview\w*\b[^.;]{0,30}\bpositively\b",
            re.I,
        ),
    ),
    ("friendly", re.compile(r"\bfriend\w*", re.I)),
    ("influence", re.compile(r"\binfluen\w+", re.I)),
    ("helpful", re.compile(r"\bhelpful\b|\bcontribut\w+ to\b", re.I)),
)
_NEGATIVE_VIEW = re.compile(
    r"\b(?:unfavou?rabl\w*|negative|distrust\w*|mistrust\w*|unfriendly|not trust\w*|hostile"
    r"|(?:no|little|not|lacks?|lacking)\s+(?:\w+\s+)?confiden(?:ce|t))\b",
    re.I,
)
_NEGATIVE_VIEW_GATE = LiteralGate(_NEGATIVE_VIEW)  # the same yes/no, behind a literal pre-check
_RESP_PREP = re.compile(r"(?:\b(?:from|in|among|of)\s+(?:the\s+)?(?:\w+,?\s+){0,1})$")
_JUDGED = re.compile(
    r"\b(?:views?|image|impression|opinion|trust|confidence|faith|attitudes?)\s+(?:of|in|towards?|for)\s+(?:the\s+)?$",
    re.I,
)
# "81 per cent held a favourable view of Japan" after a survey was described: no "respondents" needed
_VIEW_OF = re.compile(r"\b(?:view|image|impression|opinion|trust|confidence)\s+(?:of|in)\b", re.I)
_THAT = re.compile(r"\bthat\s+(?:the\s+)?$")
_OF_PUBLIC = re.compile(r"(?:%|\b[Pp]er ?cent)\s+of\s+(?:the\s+)?$")
# "Thai respondents", "the Filipino public": a demonym naming the people asked
_PUBLIC_AFTER = re.compile(
    r"\s+(?:respondents|public|people|elites?|youths?|students|citizens)\b"
    r"|\s*\(\s*\d{1,3}(?:\.\d+)?\s*(?:%|per ?cent)",  # "Most Indonesians (65%)"
    re.I,
)
_LIST_ON = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
# a table-like line of a poll report: a state, a dash or colon, its share ("Japan - 64%", "India: 40 %")
_SHARE_LINE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][^\n%]{1,50}?)[ \t]*[-–—:|][ \t]*(?P<num>\d{1,3}(?:\.\d+)?)[ \t]*(?:%|per ?cent)[ \t]*$",
    re.MULTILINE,
)
# a share in a clause of its own compared with the one before ("against 38.9 per cent for the US")
_AGAINST = re.compile(
    r"\s*(?:,\s*)?(?:against|compared with|compared to|versus|vs\.?|while|and|but|with|as against|up from|down from|from)?\s*(?:only\s+)?$",
    re.I,
)


def _measure(text: str, start: int, end: int) -> str | None:
    for name, rx in MEASURES:
        if rx.search(text, start, end):
            return name
    return None


def _subject(text: str, inside: list[Mention], public: list[Mention], c0: int) -> str | None:
    """The judged state: after "that", else a donor power, else any other named state."""
    cands = [m for m in inside if m not in public]
    after_that = [m for m in cands if _THAT.search(text, max(c0, m.start - 10), m.start)]
    # "a favourable view of Australia", "trust in China": the object of the measure
    judged = [m for m in cands if _JUDGED.search(text, max(c0, m.start - 40), m.start)]
    donors = [m for m in cands if m.iso in DONORS]
    for group in (after_that, judged, donors, cands):
        if group:
            return group[0].iso
    return None


def _share_clauses(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """Clauses, with a clause holding several shares cut before each later one
    ("81 per cent held a favourable view of Japan and 64 per cent a favourable view of China")."""
    out: list[tuple[int, int]] = []
    for c0, c1 in split_clauses(text, s0, s1):
        cuts = [m.start() for m in _SHARE.finditer(text, c0, c1)][1:]
        for cut in cuts:
            out.append((c0, cut))
            c0 = cut
        out.append((c0, c1))
    return out


def _line_perceptions(
    doc: str, text: str, sent: Sentence, polls: list[Sentence], before: list[dict[str, Any]] | None
) -> list[dict[str, Any]]:
    """Perceptions stated as table-like lines of a poll report ("Japan - 64%", one state a line)
    under a lead that names the poll's measure and the people asked: the lead joined to the first
    line ("Share of Thai respondents who trust each partner:"), the poll sentence just above the
    lines, or the lines just before (``before``, read the same way). Without such a lead the
    lines are not read (a share of exports by destination is no perception)."""
    s0, s1 = sent.start, sent.end
    lines = list(_SHARE_LINE.finditer(text, s0, s1))
    if not lines:
        return []
    first = lines[0].start()
    measure: str | None = None
    resp: list[str] = []
    years: list[int] = []
    if text[s0:first].strip():  # the lead and the first line are one sentence
        if names_poll(text, s0, first):
            measure = _measure(text, s0, first)
            resp = [c for m in sent.mentions if m.end <= first for c in m.codes]
            years = [y.year for y in sent.years if y.year and y.end <= first]
    elif (
        before
        and not text[before[-1]["span"][1] : s0].strip()
        and _SHARE_LINE.match(text, *before[-1]["span"])
    ):
        last = before[-1]
        measure, resp, years = last["measure"], list(last["partners"]), [last["year"]] if last["year"] else []
    elif polls and not text[polls[-1].end : s0].strip():
        lead = polls[-1]
        measure = _measure(text, lead.start, lead.end)
        resp = [c for m in lead.mentions for c in m.codes]
        years = [y.year for y in lead.years if y.year]
    if measure is None or _NEGATIVE_VIEW_GATE(text, s0, first):
        return []
    for poll in reversed(polls if not years else []):  # the latest poll sentence that names its year
        years = [y.year for y in poll.years if y.year]
        if years:
            break
    out = []
    for line in lines:
        name = [m for m in sent.mentions if line.start("name") <= m.start < line.end("name") and m.iso]
        if len(name) != 1:
            continue
        subj = name[0].iso
        partners = [c for c in resp if c != subj]
        if not partners:
            continue
        out.append(
            make_record(
                doc,
                "perception",
                text,
                (line.start("name"), line.end()),
                actor=subj,
                partners=order_codes(partners),
                measure=measure,
                value=round(float(line.group("num")) / 100, 4),
                year=max(years) if years else None,
            )
        )
    return out


def sentence_perceptions(
    doc: str,
    text: str,
    sent: Sentence,
    polls: list[Sentence],
    before: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Perceptions in one sentence; ``polls`` are earlier sentences that describe a survey.

    ``before`` are the perceptions of the sentence just before: a share that follows them
    without naming its respondents ("Only 24.8 percent expressed trust in China") is about
    the same respondents and the same poll.
    """
    s0, s1 = sent.start, sent.end
    for w in _SHARE_WORDS:  # (a plain loop: cheaper than all() over a generator here)
        if text.find(w, s0, s1) >= 0:
            break
    else:
        return []  # no share and no "more/fewer respondents": a cheap exit for most sentences
    lines = _line_perceptions(doc, text, sent, polls, before)
    if lines:
        return lines
    if (
        not _RESPONDENTS.search(text, s0, s1)
        and not (before and _SHARE.search(text, s0, s1))
        and not (polls and _VIEW_OF.search(text, s0, s1) and _SHARE.search(text, s0, s1))
    ):
        return []
    out: list[dict[str, Any]] = []
    subject_prev: str | None = None
    measure_prev: str | None = None
    starts = [m.start for m in sent.mentions]  # mentions are in text order
    for c0, c1 in _share_clauses(text, s0, s1):
        share = _SHARE.search(text, c0, c1)
        if share is None and not _MORE_FEWER.search(text, c0, c1):
            continue
        after = share.end() if share else c0
        measure = _measure(text, after, c1)
        if measure is None and share and _VIEW_OF.search(text, c0, share.start()):
            measure = _measure(
                text, c0, share.start()
            )  # "a favourable view of China was reported by 70 per cent"
            after = c0
        if measure is None and measure_prev and share and _AGAINST.fullmatch(text, c0, share.start()):
            measure = measure_prev  # "..., against 38.9 per cent for the United States"
        if measure is None or _NEGATIVE_VIEW_GATE(text, after, c1):
            continue
        measure_prev = measure
        lo, hi = bisect_left(starts, c0), bisect_left(starts, c1)
        inside = [m for m in sent.mentions[lo:hi] if m.iso]
        public = [m for m in inside if _OF_PUBLIC.search(text, max(c0, m.start - 14), m.start)]
        public += [
            m for m in inside if m not in public and m.kind == "demonym" and _PUBLIC_AFTER.match(text, m.end)
        ]
        cut = share.start() if share else c1
        public += [  # "respondents in Fiji" before the share, or "of respondents in Fiji" right after it
            m
            for m in inside
            if m not in public
            and _RESP_PREP.search(text, max(c0, m.start - 30), m.start)
            and not _JUDGED.search(
                text, max(c0, m.start - 40), m.start
            )  # "a view of China": judged, not asked
            and (m.start < cut or _RESPONDENTS.search(text, max(c0, m.start - 30), m.start))
        ]
        for i in range(1, len(inside)):  # "respondents in Laos and Cambodia": the list goes on
            if (
                inside[i - 1] in public
                and inside[i] not in public
                and _LIST_ON.fullmatch(text, inside[i - 1].end, inside[i].start)
            ):
                public.append(inside[i])
        # "On how they viewed their ties with Japan, more than 90% of the respondents answered
        # 'friendly'": the state the sentence names before the share's clause is the judged one
        earlier = [
            m for m in sent.mentions[:lo] if m.iso and m.iso not in {c for p in public for c in p.codes}
        ]
        subj = _subject(text, inside, public, c0) or subject_prev or _subject(text, earlier, [], s0)
        if subj is None:
            continue
        subject_prev = subj
        resp = [c for m in public for c in m.codes]
        resp += [
            c
            for m in sent.mentions
            if m.iso != subj
            and (m.start < cut or m.kind == "demonym")
            and (
                (
                    _RESP_PREP.search(text, max(s0, m.start - 30), m.start)
                    and not _JUDGED.search(text, max(s0, m.start - 40), m.start)
                )
                or (m.kind == "demonym" and _PUBLIC_AFTER.match(text, m.end))
            )
            for c in m.codes
        ]
        years = [y.year for y in sent.years if y.year]
        if not resp and before:
            resp = list(before[-1]["partners"])
            years = years or ([before[-1]["year"]] if before[-1]["year"] else [])
        for poll in reversed(polls if not years else []):  # the latest poll sentence that names its year
            years = [y.year for y in poll.years if y.year]
            if years:
                break
        named = [p for p in polls if p.mentions]
        if not resp and named:
            src = named[-1]  # the latest poll sentence that names states
            resp = [c for m in src.mentions for c in m.codes if c != subj]
            years = years or [y.year for y in src.years if y.year]
        if not resp:
            resp = [c for m in sent.mentions for c in m.codes if c != subj]
        if not resp:
            continue
        out.append(
            make_record(
                doc,
                "perception",
                text,
                (c0, c1),
                actor=subj,
                partners=order_codes(resp),
                measure=measure,
                value=round(float(share.group("num")) / 100, 4) if share else None,
                year=max(years) if years else None,
            )
        )
    return out
