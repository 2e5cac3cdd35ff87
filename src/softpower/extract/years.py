"""Years and year ranges: "in 2008", "by March 2024", "from 1999 to 2003", "since 2006",
"the 1990s", "(2007-2017)", "in 2012 and 2013", "a 5-year programme ... in 2007".

Relative expressions ("last year", "this year") are anchored to the document date when
one is known, never to today's date; without a document date they give no year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from softpower.extract.alternation import LiteralGate

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_Y = r"(?:19[4-9]\d|20\d\d)"
_PRE = rf"(?:(?:early|late|mid|mid-|the end of|the start of)\s*)?(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?"
# a number that is a count, not a year: "2000 volunteers", "more than 2000"
_COUNT_WORD_BEFORE = re.compile(r"(?:than|over|some|about|nearly)\s+$")  # "more than 2000"
_COUNTISH = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:volunteers|teachers|students|people|persons|tourists|projects|units|troops)\b"
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "range",
        re.compile(
            rf"\b(?i:from|between)\s+{_PRE}(?P<a>{_Y})\s+(?:to|and|until|till|through)\s+{_PRE}(?P<b>{_Y})\b"
        ),
    ),
    ("range", re.compile(rf"(?<![\d$.,])(?P<a>{_Y})\s?[-–—/]\s?(?P<b>{_Y}|\d\d)(?!\d)")),
    # "in 2012 and 2013": two consecutive years stated as one span (checked: b == a + 1)
    ("pair", re.compile(rf"\b(?i:in|during)\s+(?P<a>{_Y})\s+(?:and|&)\s+(?P<b>{_Y})\b")),
    ("decade", re.compile(r"\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?P<a>(?:19[4-9]|20\d)0)s\b")),
    ("end", re.compile(rf"\b(?i:by|before|until|till|through)\s+{_PRE}(?P<b>{_Y})\b")),
    ("since", re.compile(rf"\b(?i:since|from)\s+{_PRE}(?P<a>{_Y})\b")),
    # a date written in figures with dots, day first ("15.03.2021"): the plain year pattern below leaves
    # a year after a dot alone (a decimal's digits)
    ("year", re.compile(rf"(?<![\d.])\d{{1,2}}\.\d{{1,2}}\.(?P<a>{_Y})(?!\d|\.\d)")),
    # a year not preceded by [\d$.,#]: "(?<![\d$.,#])(?P<a>{_Y})", with the look-behind written after the
    # first digit ("1(?<![\d$.,#]1)", the same test of the character before) so that the pattern opens
    # with a literal and the regex engine skips to the next 1 or 2 (the two forms agree: a test)
    (
        "year",
        re.compile(r"(?P<a>1(?<![\d$.,#]1)9[4-9]\d|2(?<![\d$.,#]2)0\d\d)(?!\d|,\d|\.\d|\s*(?:%|percent))"),
    ),
)
# substrings without which a pattern of _PATTERNS cannot match (empty: always run)
_TRIGGERS: tuple[tuple[str, ...], ...] = (
    ("from", "between"),
    ("-", "–", "—", "/"),
    (" and ", "&"),
    ("0s",),
    ("by", "before", "until", "till", "through"),
    ("since", "from"),
    (".19", ".20"),
    (),
)
_TRIGGER_RX = tuple(
    re.compile("|".join(re.escape(t) for t in ts), re.IGNORECASE) if ts else None for ts in _TRIGGERS
)
_TRIGGER_LOW = tuple(tuple(t.lower() for t in ts) for ts in _TRIGGERS)
_ANY_YEAR = re.compile(r"(?:19[4-9]|20\d)\d")
_DURATION = re.compile(r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)[- ]year\b")
_DURATION_GATE = LiteralGate(_DURATION)  # every match holds " year" or "-year"
_NUMWORD = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_RELATIVE = re.compile(r"\b(?P<w>last|this|next|previous|the previous|the following)\s+year\b", re.IGNORECASE)
#: "two years ago", "a year ago": so many years before the document's year
_AGO = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago\b", re.IGNORECASE
)
#: Japan's era years ("Reiwa 3", "FY Heisei 30", "the first year of Reiwa"): the era's first year and its number
_ERAS = {"reiwa": 2019, "heisei": 1989, "showa": 1926, "shōwa": 1926}
_ERA = re.compile(
    r"\b(?:(?P<first>the\s+first\s+year\s+of)\s+)?(?P<era>Reiwa|Heisei|Sh[oō]wa)"
    r"(?(first)|\s+(?:(?P<n>\d{1,2})(?!\d)|(?P<gannen>Gannen)\b))",
    re.IGNORECASE,
)
_ERA_HINT = re.compile(r"eiwa|eisei|h[oō]wa", re.IGNORECASE)


@dataclass(frozen=True)
class YearSpan:
    """A time reference found at ``text[start:end]``: ``year`` and/or ``year_end``."""

    start: int
    end: int
    year: int | None
    year_end: int | None
    kind: str


def _holds_any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:  # noqa: SIM110 (a plain loop: cheaper than any() over a generator here)
        if w in low:
            return True
    return False


def find_years(
    text: str, start: int = 0, end: int | None = None, doc_year: int | None = None
) -> list[YearSpan]:
    """Every time reference in ``text[start:end]``, most specific first at each place.

    Examples
    --------
    >>> [(y.year, y.year_end) for y in find_years("from 1999 to 2003, and since 2006, by March 2024")]
    [(1999, 2003), (2006, None), (None, 2024)]
    """
    stop = len(text) if end is None else end
    found: list[YearSpan] = []
    taken = bytearray(stop - start)  # characters already inside a found reference (linear, not pairwise)
    patterns = _PATTERNS if _ANY_YEAR.search(text, start, stop) else ()
    # ASCII text: the case-blind literal tests are substring tests on the lower-cased sentence (on ASCII
    # text ``re.IGNORECASE`` finds exactly what ``str.lower`` does); other text goes to the regexes
    seg = text[start:stop]
    low = seg.lower() if seg.isascii() else None
    for (kind, rx), trigger, words in zip(patterns, _TRIGGER_RX, _TRIGGER_LOW, strict=False):
        if trigger is not None:  # a cheap literal test spares the full pattern
            if low is None:
                if not trigger.search(text, start, stop):
                    continue
            elif not _holds_any(low, words):
                continue
        for m in rx.finditer(text, start, stop):
            if any(taken[m.start() - start : m.end() - start]):
                continue
            a = int(m.group("a")) if "a" in rx.groupindex and m.group("a") else None
            b = None
            if "b" in rx.groupindex and m.group("b"):
                raw = m.group("b")
                b = int(raw) if len(raw) == 4 else (a // 100) * 100 + int(raw) if a else None
            if kind == "decade" and a is not None:
                b = a + 9
            if kind == "year":
                before = text[max(0, m.start() - 12) : m.start()].lower()
                if _COUNTISH.match(text, m.end()) or _COUNT_WORD_BEFORE.search(before):
                    continue
            if kind == "range" and a is not None and b is not None and b < a:
                continue
            if kind == "pair":
                if a is None or b != a + 1:
                    continue  # "in 2008 and 2015": two separate years
                kind = "range"
            found.append(YearSpan(m.start(), m.end(), a, b, kind))
            taken[m.start() - start : m.end() - start] = b"\x01" * (m.end() - m.start())
    if doc_year is not None and (low is None or "year" in low):  # both patterns hold "year"
        for m in _RELATIVE.finditer(text, start, stop):
            w = m.group("w").lower()
            y = doc_year + (
                -1
                if w in ("last", "previous", "the previous")
                else 1
                if w in ("next", "the following")
                else 0
            )
            found.append(YearSpan(m.start(), m.end(), y, None, "relative"))
        for m in _AGO.finditer(text, start, stop):
            n = m.group("n").lower()
            back = int(n) if n.isdigit() else 1 if n in ("a", "one") else _NUMWORD[n]
            found.append(YearSpan(m.start(), m.end(), doc_year - back, None, "relative"))
    if (
        ("eiwa" in low or "eisei" in low or "howa" in low)
        if low is not None
        else _ERA_HINT.search(text, start, stop)
    ):
        for m in _ERA.finditer(text, start, stop):
            first = _ERAS[m.group("era").lower()]
            n = int(m.group("n")) if m.group("n") else 1
            if n >= 1:
                found.append(YearSpan(m.start(), m.end(), first + n - 1, None, "year"))
    found.sort(key=lambda s: s.start)
    return found


def duration_end(text: str, start: int, end: int, year: int | None) -> int | None:
    """``year_end`` for "a 5-year programme" starting in ``year`` (inclusive count)."""
    if year is None:
        return None
    m = _DURATION.search(text, start, end) if _DURATION_GATE.possible(text, start, end) else None
    if not m:
        return None
    n = m.group("n")
    years = int(n) if n.isdigit() else _NUMWORD[n]
    return year + years - 1 if 1 < years <= 30 else None
