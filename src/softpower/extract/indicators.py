"""Indicator records: counts, totals, ranks, ratios and percentages stated about an actor.

"More than N" is recorded as N; percentages stay percentages (``unit: "percent"``);
money aggregates (aid totals, trade, GDP) carry the currency code as ``unit``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from softpower.extract.alternation import LiteralGate
from softpower.extract.context import Sentence
from softpower.extract.engagements import AGGREGATE_YEARS, make_record, project_cost, year_of
from softpower.extract.entities import DONORS, Mention, order_codes, trie_pattern
from softpower.extract.money import DIGIT_GROUPS, Money, find_money, group_value
from softpower.extract.sentences import split_clauses

_NUMWORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50, "a hundred": 100, "one hundred": 100,
    "a thousand": 1000, "one thousand": 1000,
}  # fmt: skip
_COUNTED_TOTAL = re.compile(
    r"(?P<total>\ba total of\s+)?(?<![\w.,])(?:\d[\d,]*|"
    + "|".join(sorted(_NUMWORDS, key=len, reverse=True))
    + r")\s+(?:[\w-]+\s+){0,3}?(?:lines? of credit|credit lines|loans|grants|agreements|projects)\b"
    r"(?:\s*\([^)]{0,20}\))?[^.;]{0,80}?\b(?:worth|amounting to|totall?ing|valued at|with a (?:total )?value of)\s+"
    r"(?:(?:about|some|nearly|over|up to|more than)\s+)?$",
    re.IGNORECASE,
)
_COUNTED_GATE = LiteralGate(_COUNTED_TOTAL)  # every match holds "worth", "total", "valued at", ...


def _num_pattern(alt: Callable[[list[str]], str]) -> str:
    """A number in figures or words; the word alternation written by ``alt``."""
    return rf"(?P<num>{DIGIT_GROUPS}|\d+(?:\.\d+)?|" + alt(sorted(_NUMWORDS, key=len, reverse=True)) + r")"


_NUM = _num_pattern(trie_pattern)
_NOUNS = {
    "projects": "projects",
    "lines of credit": "credit_lines",
    "credit lines": "credit_lines",
    "agreements": "agreements",
    "accords": "agreements",
    "mous": "agreements",
    "partnerships": "partnerships",
    "countries": "countries",
    "nations": "countries",
    "companies": "companies",
    "firms": "companies",
    "enterprises": "companies",
    "forums": "forums",
    "meetings": "forums",
    "institutes": "cultural_institutes",
    "classrooms": "cultural_institutes",
    "centres": "centres",
    "centers": "centres",
    "schools": "schools",
    "teachers": "teachers_dispatched",
    "volunteers": "volunteers_dispatched",
    "students": "students",
    "scholarships": "scholarships",
    "tourists": "tourist_arrivals",
    "visitors": "tourist_arrivals",
    "arrivals": "tourist_arrivals",
    "hospitals": "hospitals",
    "experts": "experts_dispatched",
    "trainees": "trainees",
    "youths": "youths",
    "youth": "youths",
    "patients": "patients_treated",
    "professionals": "professionals_trained",
    "young people": "youths",
    "participants": "participants",
    "scholars": "scholars",
    "journalists": "journalists",
    "doses": "vaccine_doses",
    "exercises": "exercises",
    "vessels": "vessels",
    "boats": "vessels",
    "submarines": "vessels",
    "frigates": "vessels",
    "corvettes": "vessels",
    "ships": "vessels",
    "cutters": "vessels",
    "troops": "troops",
    "soldiers": "troops",
    "sailors": "troops",
    "personnel": "personnel",
    "officers": "officers_trained",
    "officials": "officials_trained",
    "servants": "officials_trained",
    "workers": "workers_trained",
    "nurses": "health_workers",
    "doctors": "health_workers",
    "midwives": "health_workers",
    "epidemiologists": "health_workers",
    "engineers": "engineers",
    "radars": "equipment_units",
    "jets": "aircraft",
    "aircraft": "aircraft",
    "helicopters": "aircraft",
    "provinces": "provinces",
    "offices": "offices",
    "occasions": "occasions",
    "clinics": "clinics",
    # goods delivered and the means that carried them ("more than 40 tonnes of relief supplies",
    # "35 trucks", "30 flights", "2 million COVID-19 vaccines")
    "tonnes": "relief_tonnes",
    "tons": "relief_tonnes",
    "pallets": "pallets",
    "trucks": "vehicles",
    "vehicles": "vehicles",
    "ventilators": "equipment_units",
    "vaccines": "vaccine_doses",
    "flights": "flights",
    "sorties": "flights",
    "deployees": "personnel",
    "grants": "grants",
    "fellowships": "scholarships",
    "spectacles": "spectacles",  # "distributed over 420 spectacles"
    "planes": "aircraft",
    "specialists": "specialists",
    "police": "police_trained",
    # places an effort reached, counted only after "in", "across", ... (:data:`_PLACE_CUE`): "across
    # 484 villages in 8 districts", "in nine communities"; not "from Timor-Leste's 13 municipalities"
    "villages": "villages_reached",
    "districts": "districts_reached",
    "communities": "communities_reached",
    "municipalities": "municipalities_reached",
    # people an effort reached: counted only after a cue of the act (:data:`_REACHED`)
    "people": "people_reached",
    "persons": "people_reached",
    "individuals": "people_reached",
    "beneficiaries": "people_reached",
    "victims": "people_reached",
    "families": "families_reached",
    "households": "families_reached",
    "children": "children_reached",
}
# nouns of the people an act reached: "hygiene kits to more than 3,000 families", "to help about 45,000
# people displaced", "benefiting more than 200,000 people"; not "killed 20 people", "a population of 5
# million people", "5,000 people were evacuated"
_REACHED_NOUNS = frozenset({"people_reached", "families_reached", "children_reached"})
_REACHED = re.compile(
    r"\b(?:for|to|benefit\w*|help\w*|reach\w*|support\w*|assist\w*|serv\w+|treat\w*|feed\w*|protect\w*"
    r"|vaccinat\w*|immuni[sz]\w*|train\w*|shelter\w*|needs of|health of)\s+(?:[\w-]+\s+){0,3}?$",
    re.I,
)
_PLACES = frozenset(
    {"villages_reached", "districts_reached", "communities_reached", "municipalities_reached"}
)
_PLACE_CUE = re.compile(r"\b(?:in|across|throughout|to|reach\w*|cover\w*|benefit\w*)\s+$", re.I)
_NOT_REACHED = re.compile(
    r"\b(?:kill\w*|dead|deaths?|died|die|missing|injur\w*|casualt\w*|fatalit\w*|toll|population|inhabit\w*"
    r"|live|lives|living|evacuat\w*|stranded|trapped)\b",
    re.I,
)
# "a 30-member relief team", "a 200-strong contingent"
_MEMBERS = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})*)-(?:member|strong|person)\b", re.I)
_COUNT_LEADS = [
    "more than",
    "over",
    "some",
    "nearly",
    "about",
    "around",
    "at least",
    "almost",
    "roughly",
    "up to",
]


def _count_pattern(alt: Callable[[list[str]], str]) -> re.Pattern[str]:
    """A count of things ("more than 500 customs officials"); each word alternation written by ``alt``.

    :data:`_COUNT` writes them as prefix tries (:func:`~softpower.extract.entities.trie_pattern`: the
    regex engine tries only the words that share the next letter, where a plain alternation tries every
    word at every word start). The matches are the same: at one place at most one lead word and one
    noun can match (no lead word is a prefix of another; of the nouns that are, "youth"/"youths" and
    "scholars"/"scholarships", the word boundary after the noun admits only one), and the number words
    are tried longest first either way. A test compares the two forms.
    """
    return re.compile(
        r"(?<![\w$¥€£.,])(?<!the )(?<!The )(?:(?:"
        + alt(_COUNT_LEADS)
        + r")\s+)?"
        + _num_pattern(alt)
        + r"(?:\s+(?P<scale>million|thousand|billion))?(?:\s+(?:per year|a year))?\s+(?:[“\"]?(?!\d[\d,.]*\s)[\w&’'.-]+[”\"]?\s+){0,4}?"
        r"[“\"]?(?P<noun>" + alt(list(_NOUNS)) + r")\b",
        re.IGNORECASE,
    )


_COUNT = _count_pattern(trie_pattern)
#: the first word of each counted noun: every match of _COUNT ends with one of the nouns, which starts after
#: white space or a quote and ends at a word boundary, so on ASCII text the lower-cased letter runs hold that
#: first word whole
_COUNT_NOUN_WORDS = frozenset(noun.split()[0] for noun in _NOUNS)
_LETTER_RUNS = re.compile(r"[a-z]+")


def _may_hold_count(text: str, start: int, end: int) -> bool:
    """False only where ``_COUNT`` cannot match in ``text[start:end]``: ASCII text none of whose words is a
    counted noun (``re.IGNORECASE`` finds on ASCII text what ``str.lower`` does); other text is scanned."""
    chunk = text[start:end]
    return not chunk.isascii() or not _COUNT_NOUN_WORDS.isdisjoint(_LETTER_RUNS.findall(chunk.lower()))


_STOCK_MONEY = re.compile(
    r"\b(?:has|have|had|will have)\s+(?:so far\s+|now\s+|already\s+|together\s+|jointly\s+|also\s+)?(?:spent|disbursed"
    r"|invested|lent|provided|contributed|given|donated|committed|allocated|delivered|granted|awarded|channell?ed|funded"
    r"|supported|extended|approved|financed|pledged)\b"
    r"[^.;]{0,40}$",
    re.I,
)
# a period that makes a running total: "since 1993", "so far", "in the past 15 years"
_SO_FAR = re.compile(
    r"\bsince (?:19|20)\d\d\b|\bso far\b|\bto date\b|\bin total\b|\bwill have\b|\bup to now\b"
    r"|\bas (?:of|at) (?:(?:the end of|end-)\s*)?(?:\w+\s+)?(?:19|20)\d\d\b"
    r"|\bsince the (?:beginning|start|outbreak|onset) of\b"
    r"|\b(?:in|over|during) the (?:past|last|previous) (?:\w+\s+)?(?:years|decades?)\b",
    re.I,
)
#: an approximate amount's qualifier before its figure ("more than", "about", ...), optional
_ABOUT = r"(?:(?:more than|over|about|nearly|some|around|almost|roughly)\s+)?"
_A_TOTAL_OF = re.compile(
    r"\b(?:a total of|in total|altogether)\s+(?:(?:more than|over|about|some|nearly|almost)\s+)?$", re.I
)
_MORE_THAN = re.compile(r"\b(?:more than|over|upwards of|in excess of)\s+$", re.I)
# a sum the sentence names as a total of what was given: "making a total Australian contribution of $8.8
# million", "taking the total value of the credit lines extended to $2.1 billion" (a running total, as
# "brings ... to"), and "extended a total ODA of $300 million", "offered a total of $5 million" (a past act's
# sum named as a total; "will provide a total of", "up to a total of" and "to provide a total of" name one act)
_MAKES_TOTAL = re.compile(
    r"\b(?:mak(?:es|ing)|tak(?:es|ing)|took)\s+(?:the|a|an|its|their|our|[A-Z][\w.]*(?:['’]s)?)\s+total\b"
    r"[^.;$]{0,120}?\b(?:of|to)\s+" + _ABOUT + r"$",
    re.I,
)
_PAST_TOTAL = re.compile(
    r"\b(?:extended|provided|offered|gave|granted|donated|contributed|committed|pledged|disbursed|allocated)\s+"
    r"(?:\w+\s+){0,2}?a\s+total\s+(?:[\w’'-]+\s+){0,3}?of\s+" + _ABOUT + r"$",
    re.I,
)
# "$9 million per year in 2012 and 2013": an annual level, a statistic
_ANNUAL_AFTER = re.compile(r"\s*(?:per year|a year|each year|every year|annually|per annum)\b", re.I)
# "will provide an estimated $169 million ... in 2022-23": a year's aid estimate is a level (the guideline's
# "A year's aid estimate", round 15), read where the sentence names one financial year (see ``_one_fiscal_year``)
_ESTIMATED = re.compile(r"\b(?:an\s+)?estimated\s+(?:total\s+(?:of\s+)?)?$", re.I)
# the words that make an estimated level one of trade, not of aid: right after the amount ("an estimated $5
# billion in two-way trade") or as its subject just before it ("trade reached an estimated $5 billion")
_TRADE_AFTER = re.compile(r"\s+(?:in|of)\s+(?:[\w-]+\s+){0,2}?(?:trade|exports?|imports?)\b", re.I)
_TRADE_BEFORE = re.compile(r"\b(?:trade|exports?|imports?)\b[^.;$]{0,30}$", re.I)
# "increasing its assistance from $9 million ... to $12 million": the earlier level is a statistic
_CHANGE_FROM = re.compile(
    r"\b(?:increas\w*|doubl\w*|tripl\w*|rais\w*|boost\w*|expand\w*|grow\w*|grew|scal\w+ up|step\w* up)\b"
    r"[^.;]{0,80}?\bfrom\s+(?:(?:about|around|some|nearly|roughly|over|more than)\s+)?$",
    re.I,
)
_CHANGE_FROM_GATE = LiteralGate(_CHANGE_FROM)  # the same yes/no, behind a literal pre-check
# a second amount joined to a running total ("... $930 million for education and $785 million for
# exchanges"): the same kind of figure unless an act verb of its own comes between
_JOINED = re.compile(
    r"[^.;]{0,120}?\b(?:and|including|of which)\s+(?:(?:about|around|some|nearly|roughly|over|more than)\s+)?$",
    re.I,
)
# "our two countries", "the two nations", "both countries": the pair an act joins, named as a count of two.
# Only a determiner right before the number marks it; "students from two countries" is still a count.
_PAIR_DETERMINER = re.compile(r"\b(?:our|the|these|those|both)\s+$", re.IGNORECASE)
# "one of 11 countries receiving ...", "among the top five countries with the highest TB infections", "selected
# Japan among 11 countries": a partner's place in a group or a ranking, not a count of countries an actor reached
_GROUP_PLACE = re.compile(r"\b(?:one of|among|top)\s+(?:the\s+)?(?:top\s+)?$", re.IGNORECASE)
_DURATION = re.compile(r"\s+(?:hours?|days?|weeks?|months?|years?|decades?)\b", re.I)
_PERCENT = re.compile(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)")


def _has_percent(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a literal every ``_PERCENT`` match holds."""
    return (
        text.find("%", start, end) >= 0
        or text.find("percent", start, end) >= 0
        or text.find("per cent", start, end) >= 0
    )


_GROWTH = re.compile(
    r"\b(?:up|down|increas\w*|grow\w*|grew|ris\w+|rose|up by|jump\w*|surg\w+|declin\w+|decreas\w+|fell|drop\w*)\b",
    re.I,
)
# a share about the actor's presence: of aid, a budget, debt, a project's cost, trade, investment, ...
_SHARE_OF = re.compile(
    r"\s+of\s+(?!global\b|world\b|the world\b|which\b|whom\b)(?:[\w’'-]+\s+){0,4}?"
    r"(?:aid|assistance|ODA|budgets?|debts?|funding|financ\w+|costs?|projects?|loans?|lending|investment\w*|FDI"
    r"|exports?|imports?|trade|tourists?|visitors|arrivals|students|market|contributions?|grants?|spending)\b",
    re.I,
)
_PER_YEAR = re.compile(r"\b(?:each|every|per|a) year\b|\bannual(?:ly)?\b", re.I)
_ORD = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_RANK = re.compile(
    r"\b(?:(?P<ord>" + "|".join(_ORD) + r"|\d{1,2}(?:st|nd|rd|th))[- ](?:largest|biggest|most important)"
    r"|(?P<top>largest|biggest|top))\s+(?:(?:bilateral|single|foreign|overseas|official)\s+)?(?:(?P<what>trade|trading|export|import|investment|aid|tourism|source)\w*\s+)?"
    r"(?P<role>partner|donor|investor|market|destination|source|lender|creditor|recipient|beneficiary)\b",
    re.I,
)
_RATIO = re.compile(r"\b(?P<w>double|twice|triple|(?P<n>two|three|four|five|six|ten|\d+)\s+times)\b", re.I)
_RATIO_N = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_AGG = re.compile(
    r"(?:\b(?P<what>aid|assistance|ODA|loans?|lending|grants|trade|exports?|imports?|GDP|FDI|investment)\b[^.;]{0,70}?"
    r"(?:\b(?:amounts? to|amounted to|was|were|is|are|exceeded|reached|totall?ed|valued at|stood at|hit|surpassed|topped|passed|crossed|worth)|,\s*at)"
    r"|\b(?P<valued>valued at))"
    r"\s+(?:(?:more than|over|about|nearly|some|around|almost|roughly|at)\s+)?$",
    re.I,
)
# "brings overall U.S. assistance ... to nearly Php981 million", "bringing Japan's post-flood aid to $3
# million": the new running total (a total word or the aid itself named between "bring" and "to")
_BRINGS = re.compile(
    r"\b(?:brings?|bringing|brought)\s+(?:[^.;]|\.(?=\S)|(?<=[A-Z])\.){0,40}?\b(?:total|overall|cumulative|combined"
    r"|aid|assistance|support|funding|contributions?|commitments?)\b"
    r"(?:[^.;]|\.(?=\S)|(?<=[A-Z])\.){0,120}?\bto\s+" + _ABOUT + r"$",
    re.I,
)
# "brings the total number of COVID vaccine doses donated by the United States to Mongolia to more than
# 1.4 million": a running count
_BRINGS_COUNT = re.compile(
    r"\b(?:brings?|bringing|brought)\s+the\s+total\s+number\s+of\s+(?:[\w-]+\s+){0,4}?(?P<noun>[a-z]+s)\b"
    r"(?:[^.;]|(?<=[A-Z])\.){0,120}?\bto\s+"
    + _ABOUT
    + r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<scale>million|thousand|billion))?",
    re.I,
)
# "with two-way trade of about US$ 205 billion", "Tonga owes US$ 108 million to ..."
_AGG_OF = re.compile(
    r"\b(?:(?P<trade>(?:two-way |bilateral |total )?(?:trade|exports|imports)(?: volume)?\s+of)|(?P<debt>owe[sd]?|debts? of))"
    r"\s+" + _ABOUT + r"$",
    re.I,
)
# "Korean investment in ...", "India's trade with ...": the state named just before the aggregate
_AGG_OWNER = re.compile(r"^(?:['’]s)?\s+(?:(?:total|annual|cumulative|two-way|bilateral|overall)\s+)?$")
_COUNT_AFTER = re.compile(
    r"\b(?P<noun>arrivals|visitors|tourists|students|volunteers|teachers|projects|agreements)\b[^.;]{0,50}?"
    r"\b(?:reached|totall?ed|numbered|stood at|hit|rose to|grew to|exceeded|surpassed|topped)\s+"
    + _ABOUT
    + r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>million|thousand|billion))?",
    re.I,
)
_COUNT_AFTER_GATE = LiteralGate(_COUNT_AFTER)
_POLLED = re.compile(
    r"\b(?:respondents|surveyed|polled|interviewees)\b|(?:%|\b[Pp]er ?cent)\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:ans|ese|is|ish|ians|ers)\b"
)
_FUTURE = re.compile(r"\b(?:will|would|could|plans? to|to be|intends? to|aims? to)\b", re.I)
_GIVING = re.compile(
    r"\b(?:provid\w+|pledg\w+|donat\w+|grant(?:ed|s)|gave|give[sn]?|giving|offer\w*|extend\w*|lent|lends?"
    r"|contribut\w+|commit\w*|announc\w+|disburs\w+|allocat\w+|approv\w+|shipped|deliver\w+|sent|dispatch\w+)\b",
    re.I,
)
# "signed a loan agreement with Laos worth $100 million", "the grant, valued at 3 billion yen, was signed":
# the amount of the act signed (a loan, a grant, aid), not a total of the instrument
_SIGNING = re.compile(r"\b(?:sign(?:ed|s|ing)|conclud(?:ed|es|ing)|inked)\b", re.I)
_SIGNED_WHAT = frozenset({"loan", "aid", "assistance", "oda"})  # one act: not "loans", "lending"
_NOT_A_COUNT = re.compile(
    r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+|[A-Za-z]-)$"
)
_SUBCOUNT = re.compile(r"\b(?:including|of which|with|and)\s+" + _NUM + r"\s+in\s+", re.I)
_COUNTRIES = re.compile(
    r"\b\d+\s+(?:(?:other|partner|member|recipient|developing)\s+)?(?:countries|nations)\b", re.I
)
_COUNTRIES_GATE = LiteralGate(_COUNTRIES)  # the same yes/no, behind a literal pre-check
# a cheap gate: every indicator needs a digit, a number word, a rank or a ratio word
_MAYBE_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|thousand"
    r"|largest|biggest|top|double|twice|triple|times)\b",
    re.I,
)
_MAYBE = re.compile(r"\d|" + _MAYBE_WORD.pattern, re.I)
_ANY_DIGIT = re.compile(r"\d")
# the word part behind the literal pre-check of the words read from the pattern itself
_MAYBE_WORD_GATE = LiteralGate(_MAYBE_WORD)


def _maybe(text: str, start: int, end: int) -> bool:
    """``_MAYBE.search(text, start, end)`` finds something: a digit (one plain scan), else one of its
    words (a literal pre-check on ASCII text before the regex)."""
    if _ANY_DIGIT.search(text, start, end) is not None:
        return True  # a digit is itself a _MAYBE match
    return _MAYBE_WORD_GATE(text, start, end)


_BACKREF = re.compile(
    r"(?:Meanwhile|At the same time|The figure|This figure|That figure|The number|That year|In the same year)\b"
)
_STOCK = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|ght)\b[^.;]{0,120}\bsince\s+\d{4}\b"
    r"|\b[Ss]ince\s+\d{4}\b[^.;]{0,120}\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|ght)\b"
    r"|\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:built|dispatched|established|opened|set up|trained|sent|founded|created|funded)\b"
    r"|\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:provided|donated|delivered|supplied|given|awarded|hosted|trained)\b[^.;]{0,120}\bsince\b"
    r"|\bthere (?:are|were|is)\b|\b(?:currently|now) (?:has|have|hosts?|runs?)\b|\b(?:has|have) \d|\bis part of\b",
    re.I,
)


# literal words every rank or ratio needs: a cheap test before the regex runs (case variants included)
_RANK_WORDS = (
    "largest",
    "biggest",
    "top",
    "important",
    "Important",
    "Largest",
    "Biggest",
    "Top",
    "LARGEST",
    "TOP",
    "BIGGEST",
)
_RATIO_WORDS = (
    "double",
    "twice",
    "triple",
    "times",
    "Double",
    "Twice",
    "Triple",
    "Times",
    "DOUBLE",
    "TWICE",
    "TIMES",
)


def _one_fiscal_year(sent: Sentence, mo: Money) -> Any:
    """The financial year the sentence gives an amount ("in 2022-23", "(2024-25)"): a span of two
    consecutive years after the amount, else anywhere in the sentence; None if there is none."""
    spans = [y for y in sent.years if y.year is not None and y.year_end == y.year + 1]
    after = [y for y in spans if y.start >= mo.end]
    found = after or spans
    return found[0] if found else None


def _year_after(sent: Sentence, mo: Money) -> Any:
    """The time reference stated right after an amount ("$12 million in 2014"), if any."""
    for y in sent.years:
        if mo.end <= y.start <= mo.end + 30:
            return y
    return None


def _has_any(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text[start:end]`` (one scan for all of them)."""
    return _any_of(words).search(text, start, end) is not None


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


def _num(raw: str, scale: str | None = None) -> float:
    low = raw.lower()
    value = float(_NUMWORDS[low]) if low in _NUMWORDS else group_value(raw)
    if scale:
        value *= {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale.lower()]
    return value


_COMPARED = re.compile(r"(?:\b(?:[Ss]imilar to|[Ll]ike|[Uu]nlike|than|as in)\s+(?:the\s+)?)$")


def _clause_partners(text: str, sent: Sentence, actor: str | None, pos: int) -> list[str]:
    """Partners for a figure at ``pos``: names in its clause, else in the nearest clause before it."""
    clauses = split_clauses(text, sent.start, sent.end)
    idx = next((i for i, (a, b) in enumerate(clauses) if a <= pos < b), None)
    if idx is None:
        return []
    for a, b in [clauses[idx], *reversed(clauses[:idx])]:
        codes = [
            c
            for m in sent.mentions
            if a <= m.start < b and not _COMPARED.search(text, max(sent.start, m.start - 14), m.start)
            for c in m.codes
            if c != actor
        ]
        if codes:
            return order_codes(codes)
    return []


def _partners(
    sent: Sentence, actor: str | None, after: int, exclude: list[Mention] | None = None
) -> list[str]:
    skip = {id(m) for m in exclude or []}
    later = [
        c for m in sent.mentions if m.start >= after and id(m) not in skip for c in m.codes if c != actor
    ]
    if later:
        return order_codes(later)
    compared = {c for m in exclude or [] for c in m.codes}
    return [c for c in sent.partners if c != actor and c not in compared] or ["WORLD"]


def sentence_indicators(
    doc: str,
    text: str,
    sent: Sentence,
    taken: list[tuple[int, int]],
    money_spans: list[tuple[int, int]],
    prev: Sentence | None = None,
    money: list[Money] | None = None,
    levels: list[tuple[int, int]] | None = None,
    running: list[Money] | None = None,
) -> list[dict[str, Any]]:
    """Indicators in one sentence; stock statements add their span to ``taken``.

    Running totals and annual levels ("has provided $83 million since 1993", "$9 million per year",
    "brings the total to ...") are added to ``running`` (when given): an engagement that books one
    of these amounts reads the statistic twice (see :func:`softpower.extract.consistency.drop_booked_statistics`).
    An earlier level of a changed amount ("from $9 million in 2013 to $12 million") is a statistic
    whose clause still states an act: its span goes to ``levels`` (when given) instead of ``taken``,
    so the act takes the other amount.

    A sentence that refers back ("Meanwhile", "The figure") takes the year, and when it
    names none the partners, of the sentence before.
    """
    if not _maybe(text, sent.start, sent.end):
        return []
    out = _indicators(doc, text, sent, taken, money_spans, money, levels, running)
    if prev is not None and _BACKREF.match(text, sent.start):
        y, ye = year_of(prev.years, prev.start, prev.end)
        for rec in out:
            if rec["year"] is None and rec["year_end"] is None:
                rec["year"], rec["year_end"] = y, ye
            if rec["partners"] == ["WORLD"] and prev.partners:
                rec["partners"] = list(prev.partners)
    if out and _COUNTRIES_GATE(text, sent.start, sent.end):
        for rec in out:  # "to 35 countries": the scope is worldwide
            if rec["unit"] == "count":
                rec["partners"] = ["WORLD"]
    return out


STAT_METRICS = ("ratio",)
STAT_UNITS = ("rank", "percent", "percent_per_year")


def is_statistic(rec: dict[str, Any]) -> bool:
    """A comparison, rank, percentage or money total (not a count of things done)."""
    return (
        rec["metric"] in STAT_METRICS
        or rec["unit"] in STAT_UNITS
        or rec["unit"] not in ("count", "persons", "persons_per_year")
    )


def _count_matches(
    text: str, s0: int, s1: int, money_spans: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """``_COUNT.finditer(text, s0, s1)``, except that a match whose number is a sum of money does not hide
    a count after it ("loans of up to 50 billion yen for five projects": the count is five)."""
    if not _may_hold_count(text, s0, s1):
        return  # no counted noun in the sentence: the scan would find nothing
    pos = s0
    while True:
        m = _COUNT.search(text, pos, s1)
        if m is None:
            return
        yield m
        money = any(a <= m.start("num") < b for a, b in money_spans)
        pos = m.end("num") if money and m.end("num") < m.end() else m.end()


def _indicators(
    doc: str,
    text: str,
    sent: Sentence,
    taken: list[tuple[int, int]],
    money_spans: list[tuple[int, int]],
    money: list[Money] | None = None,
    levels: list[tuple[int, int]] | None = None,
    running: list[Money] | None = None,
) -> list[dict[str, Any]]:
    """Indicators in one sentence; stock statements add their span to ``taken``."""
    s0, s1 = sent.start, sent.end
    actor = sent.actor
    if actor is None:  # "Trade between Japan and Thailand ...": the donor named, else the first state
        states = [m.iso for m in sent.mentions if m.iso]
        actor = next((c for c in states if c in DONORS), states[0] if states else None)
    if sent.carried:  # "ASEAN-Japan trade was ...": the donor of a hyphenated pair
        for a, b in zip(sent.mentions, sent.mentions[1:], strict=False):
            if text[a.end : b.start] in ("-", "–") and (a.iso in DONORS or b.iso in DONORS):
                actor = a.iso if a.iso in DONORS else b.iso
                break
    out: list[dict[str, Any]] = []
    if actor is None:
        return out
    span = (s0, s1)
    year, year_end = year_of(sent.years, s0, s1)
    stock: bool | None = None  # decided on the first count
    base = {"actor": actor, "year": year, "year_end": year_end}
    counts = list(_count_matches(text, s0, s1, money_spans))
    if text.find("-", s0, s1) >= 0:
        counts += _MEMBERS.finditer(text, s0, s1)
    for m in counts:
        if _NOT_A_COUNT.search(text, max(s0, m.start("num") - 10), m.start("num")):
            continue  # "on May 8 at the offices", "COVID-19 treatment centers"
        if any(a <= m.start("num") < b for a, b in money_spans) or any(
            y.start <= m.start("num") < y.end for y in sent.years
        ):
            continue
        clauses = split_clauses(text, s0, s1) if sent.years else ()
        own = next(((a, b) for a, b in clauses if a <= m.start() < b), None)
        y_own = year_of(sent.years, *own) if own else (None, None)
        base["year"], base["year_end"] = y_own if y_own != (None, None) else (year, year_end)
        if m.re is _COUNT and _DURATION.match(text, m.end("num")):
            continue  # "two weeks of medical exercises": a duration, not a count
        clause_start = max(s0, text.rfind(",", s0, m.start()) + 1)
        if _FUTURE.search(text, clause_start, m.start()):
            continue  # "will send 20 volunteers": a plan, not a count
        if m.re is _MEMBERS:
            value, metric = _num(m.group("num")), "members"
        else:
            value, metric = _num(m.group("num"), m.group("scale")), _NOUNS[m.group("noun").lower()]
            if (
                metric == "countries"
                and value == 2
                and _PAIR_DETERMINER.search(text, max(s0, m.start("num") - 8), m.start("num"))
            ):
                continue  # "between our two countries", "the two nations": the pair itself, not a count
            if metric == "countries" and _GROUP_PLACE.search(
                text, max(s0, m.start("num") - 16), m.start("num")
            ):
                continue  # "one of 11 countries", "among the top five countries": a place in a group
        if metric in _REACHED_NOUNS and (
            not _REACHED.search(text, max(clause_start, m.start() - 40), m.start("num"))
            or _NOT_REACHED.search(text, max(s0, m.start() - 40), min(s1, m.end() + 40))
        ):
            continue  # people counted without an act that reached them
        if metric in _PLACES and not _PLACE_CUE.search(text, max(s0, m.start() - 20), m.start()):
            continue  # "Timor-Leste's 13 municipalities": places named, not reached
        unit = "persons_per_year" if metric == "tourist_arrivals" and "year" in m.group(0) else "count"
        compared = [x for x in sent.mentions if _COMPARED.search(text, max(s0, x.start - 14), x.start)]
        partners = _clause_partners(text, sent, actor, m.start()) or _partners(
            sent, actor, m.start(), compared
        )
        rec = make_record(
            doc, "indicator", text, span, metric=metric, unit=unit, value=value, partners=partners, **base
        )
        out.append(rec)
        sub = _SUBCOUNT.search(text, m.end(), min(s1, m.end() + 60))
        place = [x for x in sent.mentions if sub is not None and x.start == sub.end()]
        if sub is not None and place:  # "21 institutes ..., including 13 in Thailand"
            sub_span = (sub.start(), place[0].end)
            fields = {**base, "partners": list(place[0].codes), "value": _num(sub.group("num"))}
            out.append(make_record(doc, "indicator", text, sub_span, metric=metric, unit=unit, **fields))
        if stock is None:
            stock = bool(_STOCK.search(text, s0, s1))
        if stock:
            taken.append((m.start(), m.end()))
    base["year"], base["year_end"] = year, year_end
    for m in _BRINGS_COUNT.finditer(text, s0, s1) if "total number" in text[s0:s1] else ():
        value = _num(m.group("num"), m.group("scale"))
        givers = [x for x in sent.mentions if m.start() <= x.start < m.start("num") and x.iso in DONORS]
        out.append(
            make_record(
                doc, "indicator", text, span, metric=f"{m.group('noun').lower()}_total", unit="count",
                value=value, partners=_partners(sent, givers[0].iso if givers else actor, s0),
                **{**base, "year": None, "year_end": None, "actor": givers[0].iso if givers else actor},
            )
        )  # fmt: skip
        taken.append((m.start("num"), m.end("num")))
    # "tourist arrivals ... reached 10.9 million" (no scan where the literal pre-check rules a match out)
    for m in _COUNT_AFTER.finditer(text, s0, s1) if _COUNT_AFTER_GATE.possible(text, s0, s1) else ():
        if any(a <= m.start("num") < b for a, b in money_spans):
            continue
        metric = _NOUNS[m.group("noun").lower()]
        value = _num(m.group("num"), m.group("scale"))
        partners = _clause_partners(text, sent, actor, m.start()) or _partners(sent, actor, s0)
        out.append(
            make_record(
                doc,
                "indicator",
                text,
                span,
                metric=metric,
                unit="count",
                value=value,
                partners=partners,
                **base,
            )
        )
    for m in _RANK.finditer(text, s0, s1) if _has_any(text, s0, s1, _RANK_WORDS) else ():
        rank = _ORD.get((m.group("ord") or "").lower()) or (int(m.group("ord")[:-2]) if m.group("ord") else 1)
        near = [x for x in sent.mentions if x.iso or x.codes][:4]
        donors = [x.iso for x in near if x.iso in DONORS]
        r_actor = donors[0] if donors else actor
        partners = (
            order_codes([c for x in near for c in x.codes if c != r_actor]) or sent.partners or ["WORLD"]
        )
        metric = f"{(m.group('what') or m.group('role')).lower()}_rank"
        out.append(
            make_record(
                doc,
                "indicator",
                text,
                span,
                metric=metric,
                unit="rank",
                value=float(rank),
                partners=partners,
                **{**base, "actor": r_actor},
            )
        )
    for m in _RATIO.finditer(text, s0, s1) if _has_any(text, s0, s1, _RATIO_WORDS) else ():
        w = m.group("w").lower()
        value = (
            2.0
            if w in ("double", "twice")
            else 3.0
            if w == "triple"
            else float(_RATIO_N.get(m.group("n").lower()) or m.group("n"))
        )
        compared = [
            x
            for x in sent.mentions
            if re.search(r"(?:than|that of|of)\s+(?:the\s+)?$", text[max(s0, x.start - 12) : x.start])
        ]
        clause_start = max(s0, text.rfind(",", s0, m.start()) + 1, text.rfind(" while ", s0, m.start()))
        if _FUTURE.search(text, clause_start, m.start()):
            continue  # "plans to double its aid": a target, not a ratio
        partners = _partners(sent, actor, clause_start, compared)
        out.append(
            make_record(
                doc,
                "indicator",
                text,
                span,
                metric="ratio",
                unit="ratio",
                value=value,
                partners=partners,
                **base,
            )
        )
    last_stat: Money | None = None  # the amount before, when it was recorded as a statistic
    last_metric: str | None = None
    for mo in find_money(text, s0, s1) if money is None else money:
        agg = _AGG.search(text, max(s0, mo.start - 90), mo.start)
        brings = agg is None and _BRINGS.search(text, max(s0, mo.start - 200), mo.start) is not None
        if agg is not None and _GIVING.search(text, s0, mo.start):
            agg = None  # "decided to provide assistance worth $1 million": the amount of an act
        elif (
            agg is not None
            and str(agg.group("what") or "").lower() in _SIGNED_WHAT
            and _SIGNING.search(text, s0, s1)
        ):
            agg = None  # "signed a loan agreement ... worth $100 million": the amount of the act signed
        agg_of = None if agg is not None else _AGG_OF.search(text, max(s0, mo.start - 40), mo.start)
        y, ye = year_of(sent.years, s0, s1)
        long_run = y is not None and ye is not None and ye - y >= AGGREGATE_YEARS
        long_run = long_run and not project_cost(text, sent.end, mo)
        annual = None
        if agg is None and agg_of is None and not long_run and not brings:
            # "Washington has spent more than $155 million since 2007": a running total, not one act
            lo = max(s0, mo.start - 60)
            stock_verb = _STOCK_MONEY.search(text, lo, mo.start)
            so_far = bool(stock_verb and _SO_FAR.search(text, s0, s1))
            # "has provided more than $11 million to help Cambodia respond": a present perfect
            # with "more than" reports a sum to date
            so_far = so_far or bool(stock_verb and _MORE_THAN.search(text, max(s0, mo.start - 16), mo.start))
            # "has provided a total of US$889 million for 23 projects": a sum to date, named as one
            so_far = so_far or bool(stock_verb and _A_TOTAL_OF.search(text, max(s0, mo.start - 30), mo.start))
            # "making a total contribution of $8.8 million", "It extended a total ODA of $570 million"
            so_far = so_far or bool(_MAKES_TOTAL.search(text, max(s0, mo.start - 160), mo.start))
            so_far = so_far or bool(
                _PAST_TOTAL.search(text, max(s0, mo.start - 80), mo.start)
                and not _FUTURE.search(text, s0, mo.start)
            )
            # "a total of 37 Lines of Credit worth USD 14.27 billion", "08 Lines of Credit ... amounting to USD
            # 1850.64 million ... in the past 10 years": the sum of many counted acts is a total
            lo = max(s0, mo.start - 200)
            counted = (
                _COUNTED_TOTAL.search(text, lo, mo.start)
                if _COUNTED_GATE.possible(text, lo, mo.start)
                else None
            )
            so_far = so_far or bool(counted and (counted.group("total") or _SO_FAR.search(text, s0, s1)))
            if not so_far and _ANNUAL_AFTER.match(text, mo.end):
                annual = "aid_annual"  # "$9 million per year": a level, not one act
            elif (
                not so_far
                and _ESTIMATED.search(text, max(s0, mo.start - 24), mo.start)
                and _one_fiscal_year(sent, mo) is not None
            ):
                annual = "fiscal"  # "an estimated $169 million in ODA ... in 2022-23": one year's aid level
            elif not so_far and _CHANGE_FROM_GATE(text, max(s0, mo.start - 120), mo.start):
                annual = "level"  # "from $9 million (in 2012) to $12 million": the earlier level
            elif (
                not so_far
                and last_stat is not None
                and _JOINED.fullmatch(text, last_stat.end, mo.start)
                and not _GIVING.search(text, last_stat.end, mo.start)
            ):
                annual = "joined"
            if not so_far and annual is None:
                last_stat, last_metric = None, None
                continue
        last_stat = mo
        agg_actor: str | None = actor
        if brings:  # "brings the total USAID contribution to ...": the giver named in the total
            bm = _BRINGS.search(text, max(s0, mo.start - 200), mo.start)
            b0 = bm.start() if bm is not None else mo.start
            givers = [x for x in sent.mentions if b0 <= x.start < mo.start and x.iso in DONORS]
            agg_actor = givers[0].iso if givers else actor
        if agg is not None and agg.group("what"):
            owner = [
                x
                for x in sent.mentions
                if x.iso and x.end <= agg.start("what") and _AGG_OWNER.match(text[x.end : agg.start("what")])
            ]
            agg_actor = owner[-1].iso if owner else actor
        if agg_of is not None:
            what = "trade" if agg_of.group("trade") else "debt"
            if agg_of.group("debt"):  # the creditor named after the amount
                creditor = [x for x in sent.mentions if x.iso and mo.end <= x.start < mo.end + 60]
                agg_actor = creditor[0].iso if creditor else actor
        else:
            what = "aid" if agg is None else "valued" if agg.group("valued") else agg.group("what").lower()
        metric = {
            "valued": "trade_volume",
            "trade": "trade_volume",
            "gdp": "gdp",
            "fdi": "investment_total",
        }.get(what, "aid_total" if what in ("aid", "assistance", "oda") else f"{what}_total")
        fields = {**base, "actor": agg_actor}
        if annual is not None:
            own_year = _one_fiscal_year(sent, mo) if annual == "fiscal" else _year_after(sent, mo)
            if annual == "fiscal" and (
                _TRADE_AFTER.match(text, mo.end)
                or _TRADE_BEFORE.search(text, max(s0, mo.start - 40), mo.start)
            ):
                metric = "trade_volume"  # "an estimated $5 billion in two-way trade in 2019-20"
            elif annual in ("aid_annual", "level", "fiscal"):
                metric = "aid_annual"
            elif last_metric is not None:
                metric = last_metric
            if own_year is not None:
                fields["year"], fields["year_end"] = own_year.year, own_year.year_end
        out.append(
            make_record(
                doc,
                "indicator",
                text,
                span,
                metric=metric,
                unit=mo.currency,
                value=mo.amount,
                partners=_partners(sent, agg_actor, s0),
                **fields,
            )
        )
        last_metric = metric
        if running is not None and (annual is not None or agg is None) and agg_of is None:
            running.append(mo)
        if annual == "level" and levels is not None:
            levels.append((mo.start, mo.end))
        else:
            taken.append((mo.start, mo.end))
    # every share holds "%", "percent" or "per cent" (case as written): no scan for a sentence without one
    shares = list(_PERCENT.finditer(text, s0, s1)) if _has_percent(text, s0, s1) else []
    polled = (
        bool(shares) and _POLLED.search(text, s0, s1) is not None
    )  # a share of respondents is a perception
    for m in [] if polled else shares:
        growth = _GROWTH.search(text, max(s0, m.start() - 40), min(s1, m.end() + 30))
        if not growth and not _SHARE_OF.match(text, m.end(), min(s1, m.end() + 90)):
            continue  # "30 percent of global maritime trade", "a 57 percent reduction in infections"
        unit = "percent_per_year" if _PER_YEAR.search(text, m.end(), min(s1, m.end() + 20)) else "percent"
        metric = "growth" if growth else "share"
        out.append(
            make_record(
                doc,
                "indicator",
                text,
                span,
                metric=metric,
                unit=unit,
                value=float(m.group("num")),
                partners=_partners(sent, actor, s0),
                **base,
            )
        )
    return out
