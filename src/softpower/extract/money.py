"""Money amounts in running text: "JPY 600 billion", "1.57 billion yen", "US$ 44.7 billion",
"$970 million", "USD100 million", "¥3.7bn", "RMB 2 billion" → (amount, ISO 4217 code).

Amounts are kept as stated, in their own currency; no conversion happens here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pycountry

from softpower.extract.entities import trie_pattern
from softpower.extract.reading import table_key

#: scale words and abbreviations → multiplier
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
#: currency symbols and prefixes written before the number
PREFIX = {
    "us$": "USD",
    "u.s.$": "USD",
    "usd": "USD",
    "$": "USD",
    "a$": "AUD",
    "aud": "AUD",
    "nz$": "NZD",
    "$nz": "NZD",  # "$NZ30 million", "$A5 million", "$US2 million": the code after the sign
    "$a": "AUD",
    "$us": "USD",
    "nzd": "NZD",
    "s$": "SGD",
    "sgd": "SGD",
    "hk$": "HKD",
    "¥": "JPY",
    "jp¥": "JPY",
    "jpy": "JPY",
    "rmb": "CNY",
    "cny": "CNY",
    "cn¥": "CNY",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "₩": "KRW",
    "krw": "KRW",
    "₹": "INR",
    "inr": "INR",
    "rs": "INR",
    "rs.": "INR",
    "twd": "TWD",
    "nt$": "TWD",
    "thb": "THB",
    "php": "PHP",
    "₱": "PHP",
    "idr": "IDR",
    "rp": "IDR",
    "rp.": "IDR",
    "tk": "BDT",
    "tk.": "BDT",
    "myr": "MYR",
    "rm": "MYR",
    "vnd": "VND",
    "f$": "FJD",
    "fj$": "FJD",
    # a code and a sign together ("NZD$8 million", "AUD$5m"), and the Pacific's dollar-signed currencies
    "nzd$": "NZD",
    "aud$": "AUD",
    "usd$": "USD",
    "t$": "TOP",  # Tongan pa'anga ("T$10 million", "TP$112 million")
    "tp$": "TOP",
    "si$": "SBD",  # Solomon Islands dollar
    "ws$": "WST",  # Samoan tala
    # the code written after the sign ("$NZD10 million", "$FJD13.7m"), as "$NZ30 million" above
    "$nzd": "NZD",
    "$aud": "AUD",
    "$usd": "USD",
    "$fjd": "FJD",
    # capital-only prefixes of the region's press (see ``_CAPITAL_ONLY``): the Philippine peso's "P"
    # ("P48.5 million", "P30,000") and the Sri Lankan rupee's "SLR"/"SLRs"
    "p": "PHP",
    "slr": "LKR",
    "slrs": "LKR",
    # Papua New Guinea's press writes the kina "K" ("K20 million", "K150,000"), read as the peso's "P";
    # the Maldivian rufiyaa's "Rf" and Bhutan's ngultrum "Nu" ("Rf 5 million", "Nu 50 million")
    "k": "PGK",
    "rf": "MVR",
    "nu": "BTN",
    "nu.": "BTN",
    # the Canadian dollar's signs ("C$25 million", "CA$25 million", "Can$25 million")
    "c$": "CAD",
    "ca$": "CAD",
    "can$": "CAD",
}
#: prefixes read only as written in capitals ("Rs 5 million", never "rs"); a one-letter "P" or "K" also
#: needs its figure right after it and a scale word or thousands groups ("P1.6 million", "P30,000",
#: "K20 million"), so "P5" (the permanent five), "K9" or "p. 12" is no sum of money
_CAPITAL_ONLY = frozenset(
    {"rs", "rs.", "rm", "rp", "rp.", "tk", "tk.", "p", "k", "slr", "slrs", "rf", "nu", "nu."}
)
#: one-letter prefixes that also need their figure right after them and a scale word or thousands groups
_ONE_LETTER = frozenset({"p", "k"})
#: currency words written after the number
SUFFIX = {
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "won": "KRW",
    "dollars": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "usd": "USD",
    "jpy": "JPY",
    "cny": "CNY",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "rupees": "INR",
    "baht": "THB",
    "pesos": "PHP",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "dong": "VND",
    "australian dollars": "AUD",
    "singapore dollars": "SGD",
    "new zealand dollars": "NZD",
    "hong kong dollars": "HKD",
    "taiwan dollars": "TWD",
    "sri lankan rupees": "LKR",
    "pakistani rupees": "PKR",
    "nepalese rupees": "NPR",
    "indian rupees": "INR",
    "taka": "BDT",
    "kyat": "MMK",
    "riel": "KHR",
    "kip": "LAK",
    "kina": "PGK",
    "tala": "WST",
    "vatu": "VUV",
    "pa'anga": "TOP",
    "pa’anga": "TOP",
    "paʻanga": "TOP",
    "solomon islands dollars": "SBD",
    "solomon dollars": "SBD",
    "lkr": "LKR",
    "pgk": "PGK",
    "fjd": "FJD",
    "fijian dollars": "FJD",
    "canadian dollars": "CAD",
    "swiss francs": "CHF",
    "rufiyaa": "MVR",
    "ngultrum": "BTN",
    "nepali rupees": "NPR",
    "maldivian rufiyaa": "MVR",
    # a currency named with its country's adjective ("500 million Japanese yen"), and the singular
    # dollar of a compound ("a 5 million dollar grant", "a $1.2 billion-dollar loan")
    "japanese yen": "JPY",
    "chinese yuan": "CNY",
    "chinese renminbi": "CNY",
    "korean won": "KRW",
    "south korean won": "KRW",
    "thai baht": "THB",
    "philippine pesos": "PHP",
    "philippine peso": "PHP",
    "indonesian rupiah": "IDR",
    "malaysian ringgit": "MYR",
    "vietnamese dong": "VND",
    "bangladeshi taka": "BDT",
    "myanmar kyat": "MMK",
    "cambodian riel": "KHR",
    "lao kip": "LAK",
    "new taiwan dollars": "TWD",
    "dollar": "USD",
    "us dollar": "USD",
    "u.s. dollar": "USD",
    "australian dollar": "AUD",
    "new zealand dollar": "NZD",
    "singapore dollar": "SGD",
    "fijian dollar": "FJD",
    "canadian dollar": "CAD",
}


def _alt(words: dict[str, str] | dict[str, float]) -> str:
    """The words as one prefix trie (:func:`~softpower.extract.entities.trie_pattern`): the regex engine
    tries only the words that share the next character, where a plain alternation tries every word at
    every place. Nested words are tried longest first ("millions" before "million" before "m", "Rs."
    before "Rs"), as the alternation sorted longest first did; other words cannot match at one place
    together. A test compares the two forms."""
    return trie_pattern(list(words))


#: Digit groups: the Indian lakh-crore grouping ("1,00,000", "12,34,56,789"; two-digit groups before
#: the last three), tried first since it never reads a Western number; Western thousands ("1,000,000");
#: dot-grouped thousands with an optional decimal comma ("Rp 1.500.000.000", "12.500.000,50 euros":
#: two or more groups, since "1.500" alone is a decimal); and thousands grouped by a space, a no-break
#: space or a thin space ("2 500 000 doses": two or more groups, so a list of small figures is not joined).
_SPACES = " \u00a0\u2009\u202f"  # the spaces that group thousands: plain, no-break, thin, narrow no-break
DIGIT_GROUPS = (
    r"\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+"
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d.])(?:,\d+)?"
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}}(?!\d)){{2,}}"
)
#: After a currency sign or code one space group is enough ("US$ 5 000", "€ 12 500")
_PREFIXED_GROUPS = rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}}(?!\d))+(?![.,]\d)"
#: a decimal comma before a scale word ("EUR 1,5 million", "US$ 2,25 billion"): one to three figures, a
#: comma and one or two; a thousands group always has three, and without a scale "1,5" stays unread
_DECIMAL_COMMA = rf"\d{{1,3}},\d{{1,2}}(?=(?:\s*|-)(?:{_alt(SCALES)})\b)"
_NUM = rf"{_DECIMAL_COMMA}|(?:{DIGIT_GROUPS})(?:\.\d+)?|\d+(?:\.\d+)?"
_PRE_NUM = rf"{_PREFIXED_GROUPS}|{_NUM}"


_NO_SPACES = str.maketrans("", "", _SPACES)
_DECIMAL_MARK = re.compile(r"\d{1,3},\d{1,2}")


def group_value(num: str) -> float:
    """The value of a number written in figures with any of :data:`DIGIT_GROUPS`' separators."""
    num = num.translate(_NO_SPACES)
    if _DECIMAL_MARK.fullmatch(num):  # "1,5" before a scale word: a decimal comma
        return float(num.replace(",", "."))
    if num.count(".") >= 2:  # dot-grouped thousands; a comma is then the decimal mark
        return float(num.replace(".", "").replace(",", "."))
    return float(num.replace(",", ""))


_SCALE = rf"(?:(?:\s*|-)(?P<scale>{_alt(SCALES)})\b)?"  # "$12 million", "$12-million"
_MONEY = re.compile(
    rf"(?<![\w$])(?P<pre>{_alt(PREFIX)})\s?(?P<num>{_PRE_NUM}){_SCALE}(?:\s+(?:dollars|yuan|yen))?"
    rf"|(?<![\w.,])(?P<num2>{_NUM}){_SCALE.replace('scale', 'scale2')}(?:\s*|-)(?P<suf>{_alt(SUFFIX)})\b",
    re.IGNORECASE,
)


#: the upper bound of a range whose scale is written once, after it ("-5 million", " to 5 billion")
_RANGE_TAIL = re.compile(
    rf"\s?(?:[-\u2013\u2014]|\s+to\s+)\s?(?P<pre>{_alt(PREFIX)})?\s?(?P<num>{_NUM})\s*(?P<scale>{_alt(SCALES)})\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
#: an amount's first digit is at most this many characters after its start (the longest prefix, then ``\s?``)
_LEAD = max(map(len, PREFIX)) + 1


def _money_matches(text: str, digit: int, start: int, stop: int) -> Iterator[re.Match[str]]:
    """``_MONEY.finditer(text, start, stop)``, given ``digit``, the first digit at or after ``start``."""
    return _digit_led(_MONEY, _LEAD, text, digit, start, stop)


def _digit_led(
    rx: re.Pattern[str], lead: int, text: str, digit: int, start: int, stop: int
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, start, stop)`` for a pattern whose every match holds a digit at most ``lead``
    characters after its start, given ``digit``, the first digit at or after ``start``.

    No match starts earlier than ``lead`` characters before the next digit: each search starts there,
    and none is made once no digit is left (the text before and after the figures is not scanned).
    """
    pos = start
    while True:
        m = rx.search(text, max(pos, digit - lead), stop)
        if m is None:
            return
        yield m
        pos = m.end()
        d = _DIGIT.search(text, pos, stop)
        if d is None:
            return
        digit = d.start()


@cache
def _iso_money() -> re.Pattern[str]:
    """Any ISO 4217 code written in capitals before or after a number ("MNT 8.5 billion",
    "24.8 billion MNT", "LKR 19 billion"), for the currencies the symbol tables do not name."""
    codes = sorted({c.alpha_3 for c in pycountry.currencies} - {"XXX", "XTS"})
    alt = "|".join(codes)
    scale = _SCALE.replace("scale", "iscale")
    return re.compile(
        rf"(?<![\w$])(?P<ipre>{alt})\s?(?P<inum>{_PRE_NUM}){scale}"
        rf"|(?<![\w.,])(?P<inum2>{_NUM}){scale.replace('iscale', 'iscale2')}\s+(?P<isuf>{alt})\b"
    )


#: an ISO amount's first digit is at most this many characters after its start (a three-letter code, then ``\s?``)
_ISO_LEAD = 4
_ISO_HINT = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")
# "Php14.8 million ($300,000)": the bracketed amount restates the one before in another currency
_EQUIVALENT_OPEN = re.compile(
    r"\s*[(\[]\s*(?:(?:about|approximately|approx\.|around|roughly|some|nearly|over|almost|or|equivalent to)\s+)?$",
    re.IGNORECASE,
)
_EQUIVALENT_CLOSE = re.compile(r"\s*[)\]]")


@dataclass(frozen=True)
class Money:
    """One amount found in text: ``text[start:end]`` states ``amount`` ``currency``."""

    start: int
    end: int
    amount: float
    currency: str


def _value(num: str, scale: str | None) -> float:
    value = group_value(num)
    if scale:
        value *= SCALES[table_key(scale)]
    return round(value, 2)


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """All money amounts in ``text[start:end]``.

    An amount in brackets right after another ("Php14.8 million ($300,000)") states the same
    sum in a second currency and is left out: the first-stated amount is the record's.

    Examples
    --------
    >>> [(m.amount, m.currency) for m in find_money("JPY 600 billion and ¥3.7bn and 1.57 billion yen")]
    [(600000000000.0, 'JPY'), (3700000000.0, 'JPY'), (1570000000.0, 'JPY')]
    """
    if end is None:
        return _find_money(text, start, len(text))
    # a window of a document is remembered while that document is read (the rules, the learned step
    # and the consistency steps ask about the same sentences): the memo holds the document itself,
    # so ``is`` cannot mistake a new document for it; it is read once into a local and replaced
    # whole, so a thread reading another document meanwhile cannot hand this one its answers
    doc, memo = _MEMO[0]
    if doc is not text:
        memo = {}
        _MEMO[0] = (text, memo)
    got = memo.get((start, end))
    if got is None:
        got = memo[(start, end)] = _find_money(text, start, end)
    return list(got)


#: :func:`find_money`'s answers for windows of one document: (that document, {(start, end): amounts})
_MEMO: list[tuple[str | None, dict[tuple[int, int], list[Money]]]] = [(None, {})]


#: amounts written in words before a scale and a currency word ("two billion yen", "half a billion
#: dollars", "twenty-five million US dollars"); a scale is required, so "one dollar" is no amount
_UNITS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE: dict[str, float] = {
    **{w: float(i) for i, w in enumerate(_UNITS, 1)},
    **{w: float(10 * i) for i, w in enumerate(_TENS, 2)},
    "a": 1.0,
    "a hundred": 100.0,
    "one hundred": 100.0,
    "half a": 0.5,
}
_WORD_MONEY = re.compile(
    rf"(?<![\w-])(?P<wnum>(?:{'|'.join(_TENS)})[ -](?:{'|'.join(_UNITS[:9])})|{_alt(_WORD_VALUE)})"
    rf"[ -](?P<wscale>thousand|million|billion|trillion)\s+(?P<wsuf>{_alt(SUFFIX)})\b",
    re.IGNORECASE,
)
#: the number words an amount in words can open with (``wnum`` of :data:`_WORD_MONEY`)
_NUMBER_WORDS = [*_WORD_VALUE, *(f"{t} {u}" for t in _TENS for u in _UNITS[:9])]
#: what every amount in words holds: the last letter of its number word, a space or hyphen and the scale
#: word, case-blind as :data:`_WORD_MONEY` ("two million", not the "$120 million" of an amount in figures)
_WORD_SCALE = re.compile(
    rf"[{''.join(sorted({w[-1] for w in _NUMBER_WORDS}))}][ -](?:thousand|million|billion|trillion)",
    re.IGNORECASE,
)


def _word_amounts(text: str, start: int, stop: int) -> list[Money]:
    """Amounts in words in ``text[start:stop]`` (looked for only where a number word's last letter comes
    before a scale word; no amount starts more than 24 characters before that letter: a test)."""
    hit = _WORD_SCALE.search(text, start, stop)
    if hit is None:
        return []
    out = []
    for m in _WORD_MONEY.finditer(text, max(start, hit.start() - 24), stop):
        words = " ".join(table_key(m.group("wnum")).split())
        # a word of the table ("a hundred", "half a"), else tens and units ("twenty-five")
        value = _WORD_VALUE.get(words) or sum(_WORD_VALUE[w] for w in re.split(r"[ -]", words))
        out.append(
            Money(
                m.start(),
                m.end(),
                value * SCALES[table_key(m.group("wscale"))],
                SUFFIX[table_key(m.group("wsuf"))],
            )
        )
    return out


def _find_money(text: str, start: int, stop: int) -> list[Money]:
    words = _word_amounts(text, start, stop)
    figures = _figure_amounts(text, start, stop)
    return sorted(figures + words, key=lambda m: m.start) if words else figures


def _figure_amounts(text: str, start: int, stop: int) -> list[Money]:
    out: list[Money] = []
    first = _DIGIT.search(text, start, stop)
    if first is None:
        return out
    matches = list(_money_matches(text, first.start(), start, stop))
    if _ISO_HINT.search(text, start, stop):  # capital codes the tables lack ("MNT 8.5 billion")
        known = [(m.start(), m.end()) for m in matches]
        extra = [
            m
            for m in _digit_led(_iso_money(), _ISO_LEAD, text, first.start(), start, stop)
            if not any(a < m.end() and m.start() < b for a, b in known)
        ]
        matches = sorted(matches + extra, key=lambda m: m.start())
    for m in matches:
        if out and m.start() - out[-1].end <= 40 and _equivalent(text, out[-1].end, m.start(), m.end()):
            continue
        if m.re is not _MONEY:
            code = m.group("ipre") or m.group("isuf")
            num, scale = (
                (m.group("inum"), m.group("iscale"))
                if m.group("ipre")
                else (m.group("inum2"), m.group("iscale2"))
            )
            if not scale and group_value(num) < 1000:
                continue  # "TOP 10", "ALL 3": a capital word before a small number is no sum of money
            out.append(Money(m.start(), m.end(), _value(num, scale), code))
            continue
        if m.group("pre"):
            pre = table_key(m.group("pre"))
            scale = m.group("scale")
            # bare "m"/"b"/"k" count right after the number ("$5m") or after a currency sign's figure
            # ("$2 m dollars", "NZD$8 m to"), never after a code of letters ("RM 5 m...")
            if scale and len(scale) == 1 and text[m.start("scale") - 1].isspace() and pre[-1:].isalpha():
                scale = None
            if pre in _CAPITAL_ONLY and not text[m.start("pre")].isupper():
                continue
            if pre in _ONE_LETTER and (
                m.start("num") != m.end("pre") or not ((scale and len(scale) > 1) or "," in m.group("num"))
            ):
                continue
            cur = PREFIX[pre]
            num_end = m.end("scale") if scale else m.end("num")
            upper = None if scale else _range_tail(text, m.end("num"), stop, pre)
            if upper is not None:
                # "$3-5 million", "US$1.5-2 billion", "$3 to $5 million": the scale is written once, after
                # the upper bound, and holds for both; the upper bound is an amount of its own (matched
                # on its own where it repeats the sign)
                scale = upper.group("scale")
                out.append(Money(m.start(), m.end("num"), _value(m.group("num"), scale), cur))
                if not upper.group("pre"):
                    out.append(Money(upper.start("num"), upper.end(), _value(upper.group("num"), scale), cur))
                continue
            out.append(Money(m.start(), max(num_end, m.end()), _value(m.group("num"), scale), cur))
        else:
            scale = m.group("scale2")
            cur = SUFFIX[table_key(m.group("suf"))]
            out.append(Money(m.start(), m.end(), _value(m.group("num2"), scale), cur))
    return out


def _range_tail(text: str, pos: int, stop: int, pre: str) -> re.Match[str] | None:
    """The upper bound of a range after a figure at ``pos`` that has no scale of its own: a dash or
    "to", the figure, its scale ("-5 million", " to $5 billion"); a repeated sign must be ``pre``, and a
    one-letter scale must touch its figure ("5m", never "5 m")."""
    m = _RANGE_TAIL.match(text, pos, stop)
    if m is None or (m.group("pre") and table_key(m.group("pre")) != pre):
        return None
    if len(m.group("scale")) == 1 and text[m.start("scale") - 1].isspace():
        return None
    return m


def _equivalent(text: str, prev_end: int, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a bracketed restatement of the amount ending at ``prev_end``."""
    return (
        _EQUIVALENT_OPEN.fullmatch(text, prev_end, start) is not None
        and _EQUIVALENT_CLOSE.match(text, end) is not None
    )
