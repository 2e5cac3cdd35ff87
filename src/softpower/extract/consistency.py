"""Consistency of the engagements of one sentence: error classes fixed as classes.

* **An agreement to build is the build act.** "signed an agreement / MoU for China to build two
  schools": the rules' ``diplomatic_framework`` is left undecided, so the instrument model reads
  the act the agreement commits to (:func:`undecide_build_agreements`, before the learned step).
* **Amounts by proximity.** With several amounts and several costed acts in one sentence ("a USD 10
  million grant and a USD 50 million loan"), each act takes the amount nearest to its own
  instrument word (:func:`assign_amounts`).
* **One amount booked once.** Two engagements over overlapping spans with the same actor and the
  same amount are one act stated once: the first is kept; exact repeats over overlapping spans are
  dropped (:func:`dedupe`).
* **A statistic is not also an act.** An engagement booking the amount that its own sentence
  records as a running total or annual level is dropped (:func:`drop_booked_statistics`).
* **A headline is not a second act.** An engagement read from a title line that the text below
  restates is dropped (:func:`drop_restated_headlines`).
* **One record per meeting or visit.** A later diplomatic record of the same actor, year and partners
  (or some of them) as an earlier one, with no amount and no act of its own in its sentence (no
  signing, agreement, adoption, launch, announcement or issued text), is the setting or content of
  that meeting or visit: its courtesy calls, thanks, remarks and who attended (the corpus guideline's
  "Parts", round 12). It is dropped (:func:`drop_meeting_content`).
* **A package's parts are not acts.** An engagement booking the amount that its sentence says a package
  includes ("It includes $2.5 million for medical care", "a $32 million package, including $18 million
  for Vietnam"), smaller than an amount the same actor booked earlier, is an item of that package
  (the guideline's "Parts"): it is dropped (:func:`drop_package_parts`).
* **Quotations are not reports.** Engagements read inside an official's quoted words are dropped
  (:func:`drop_quoted_acts`).
* **Date lines date acts.** A record without a year takes the year of the last date line above it,
  else the document's date (:func:`date_sections`).
* **The yuan sign.** A bare "¥" in an act of China's is the yuan (:func:`yuan_sign`).
* **Rupees by context.** A bare "rupees" (or "Rs"/"Rs." before a figure) is the currency of the
  rupee state of the record (the actor when it is one, as India pays in Indian rupees; else a
  partner: Japan's grant of rupees to Sri Lanka is in Sri Lankan rupees), India's only when no
  rupee state is involved
  (:func:`rupees_by_context`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from softpower.extract.alternation import LiteralGate
from softpower.extract.lists import ITEM_MARK
from softpower.extract.money import find_money
from softpower.extract.rules import find_cues, has_act
from softpower.extract.sentences import split_clauses

_BUILD_AGREEMENT = re.compile(
    r"\b(?:[Aa]greements?|MoUs?|MOUs?|[Mm]emorand\w+|deals?|contracts?)\b[^.;]{0,80}?\bto\s+"
    r"(?:build|construct|fund|finance|provide|supply|donate|upgrade|rehabilitate|equip"
    # ... or to carry out projects ("an MOU to carry on expanding rural development activities")
    r"|(?:carry (?:on|out)|implement|undertake|expand|continue)\b(?=[^.;]{0,60}?\b(?:projects?|programmes?"
    r"|programs?|activities)\b))\b"
    # a project's own agreement ("inked a project agreement for the upgrading of a sub-station")
    r"|\b[Pp]roject (?:[Aa]greements?|MoUs?|MOUs?)\b",
)
_BUILD_AGREEMENT_GATE = LiteralGate(_BUILD_AGREEMENT)  # the same yes/no, behind a literal pre-check
_CUE = {
    "oda_loan": re.compile(r"\b(?:loans?|credits?|lending|lend|lent)\b", re.I),
    "oda_grant": re.compile(r"\b(?:grants?|donat\w+|gift\w*|aid)\b", re.I),
}
# "rupees", or the prefix "Rs"/"Rs." before a figure ("Rs. 50 crore"): equally unqualified
_RUPEE = re.compile(r"\b(?:rupees?\b|Rs\.?(?=\s?\d))", re.I)
_QUALIFIED_RUPEE = re.compile(
    r"\b(?:Indian|Sri Lankan|Pakistani|Nepal(?:ese|i)|Mauritian|Seychell\w+)\s+rupees?\b"
)
RUPEE_STATES = {"LKA": "LKR", "NPL": "NPR", "PAK": "PKR", "MUS": "MUR", "SYC": "SCR", "IND": "INR"}

Span = tuple[int, int]


#: a cumulative total: an explicit word, or a total over a period ("a total of $5 billion since 2000")
_CUMULATIVE = re.compile(
    r"(?i)\b(?:(?:cumulative(?:ly)?|accumulated|to date|so far|thus far)\b"  # not "so farmers"
    r"|(?:a total of|in total|totall?ing|altogether|overall)\b(?:[^.;]|\.\d){0,120}?\b(?:since|between|over the (?:past|last))"
    r"\s+(?:(?:19|20)\d\d|\d+|\w+ (?:years|decades))"
    r"|(?:since|between|over the (?:past|last))\s+(?:(?:19|20)\d\d|\d+|\w+ (?:years|decades))\b(?:[^.;]|\.\d){0,120}?"
    r"\b(?:a total of|in total|totall?ing|altogether))"
)
_CUMULATIVE_GATE = LiteralGate(_CUMULATIVE)  # the same yes/no, behind a literal pre-check


def drop_cumulative_totals(text: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Engagements whose span states a cumulative total ("a total of $5 billion in aid since 2000",
    "cumulative lending of ...") are stocks summed over many acts, not an act: dropped."""
    return [
        r
        for r in records
        if r["kind"] != "engagement" or not _CUMULATIVE_GATE(text, r["span"][0], r["span"][1])
    ]


def drop_booked_statistics(
    text: str, records: list[dict[str, Any]], booked: list[tuple[int, int, float, str]]
) -> list[dict[str, Any]]:
    """An engagement booking an amount that its own sentence states as a running total or an annual
    level (``booked``: sentence start, end, amount, currency, from
    :func:`softpower.extract.indicators.sentence_indicators`) reads the statistic twice. When a clause
    of the engagement without that amount states an act or names an instrument ("KOICA has supported
    the capital project ..., and Korean aid so far reached ...") the act stays without the amount;
    otherwise it is dropped."""
    if not booked:
        return records
    out = []
    for r in records:
        if r["kind"] != "engagement" or r.get("amount") is None:
            out.append(r)
            continue
        a0, a1 = r["span"]
        if not any(
            s0 <= a0 < s1 and amount == r["amount"] and cur == r.get("currency")
            for s0, s1, amount, cur in booked
        ):
            out.append(r)
            continue
        at = [m for m in find_money(text, a0, a1) if (m.amount, m.currency) == (r["amount"], r["currency"])]
        if at and any(
            not (c0 <= at[0].start < c1) and (has_act(text, c0, c1) or bool(find_cues(text, c0, c1)))
            for c0, c1 in split_clauses(text, a0, a1)
        ):
            r["amount"], r["currency"] = None, None
            out.append(r)
    return out


def date_sections(
    records: list[dict[str, Any]], dates: list[tuple[int, int]], doc_year: int | None = None
) -> None:
    """A record that still has no year (after :func:`anchor_years`) takes the year of the last date
    line above it ("June 18, 2022" heading a newsroom item, "HANOI, June 14, 2022 – Today, USAID
    launched ..."), else the document's date: a release states the acts of its own date. Cumulative
    money figures keep no year (a total is not dated by the day it is reported). A poll share that
    names no year is the poll its report's date line publishes."""
    if not dates and doc_year is None:
        return
    starts = [d[0] for d in dates]
    for r in records:
        if r.get("year") is not None or r.get("year_end") is not None:
            continue
        if r["kind"] == "indicator" and r.get("unit") not in ("count", "persons"):
            continue
        i = bisect_right(starts, r["span"][0]) - 1
        year = dates[i][1] if i >= 0 else doc_year
        if year is not None:
            r["year"] = year


# a quotation of some length: an official's words ("“The United States and Mongolia share ...”"); an
# opening mark with no closing one on its line runs to the line's end (bounded: linear time)
_QUOTATION = re.compile(r"“[^”\n]{40,3000}(?:”|(?=\n)|$)|\"[^\"\n]{40,3000}\"")


def drop_quoted_acts(text: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Engagements read inside a quotation ("“... the U.S. – Mongolia strategic partnership is making a
    real impact,” the Ambassador said") are an official's words about acts, not the report of one."""
    if "“" not in text and '"' not in text:
        return records
    quoted = [(m.start(), m.end()) for m in _QUOTATION.finditer(text)]
    if not quoted:
        return records
    starts = [q[0] for q in quoted]

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and quoted[i][0] <= pos < quoted[i][1]

    return [r for r in records if r["kind"] != "engagement" or not inside(r["span"][0])]


# an act of its own inside a meeting or visit (the guideline's "Parts": a statement adopted, an agreement
# signed, a partnership launched or announced at it are records of their own)
_OWN_ACT = re.compile(
    r"\b(?i:sign(?:s|ed|ing|ature)?|agree[sd]?|agreements?|adopt(?:s|ed|ing|ion)?|launch(?:es|ed|ing)?"
    r"|issu(?:es|ed|ing)|announc(?:es|ed|ing|ements?)|joint\s+statements?|declarations?|memorand(?:um|a)|treat(?:y|ies)"
    r"|exchange\s+of\s+notes|inaugurat(?:es|ed|ing|ion))\b|\bMO[UC]s?\b"
)


def drop_meeting_content(
    text: str, records: list[dict[str, Any]], sentences: list[Span]
) -> list[dict[str, Any]]:
    """One record per meeting or visit: a ``diplomatic_framework`` engagement with no amount whose actor
    and year are those of an earlier diplomatic engagement of the document and whose partners are all
    among that one's, and whose sentence states no act of its own (:data:`_OWN_ACT`: nothing signed,
    agreed, adopted, launched, announced or issued), is the content or setting of the earlier meeting
    or visit ("At the beginning, Minister Kono expressed gratitude for ...", "Mr. Aso ... also attended
    the meeting", "Tanaka paid a courtesy visit to Prime Minister Lilo", "For me, personally, this is my
    second visit"), which the corpus guideline records once ("Parts": a visit's courtesy calls and
    meetings with its hosts are its content). A meeting of another year, with other partners, or at
    which something is signed or adopted stays a record of its own."""
    starts = [s for s, _ in sentences]
    seen: list[tuple[str, frozenset[str], Any]] = []
    drop: set[int] = set()
    for r in records:
        if r["kind"] != "engagement" or r.get("instrument") != "diplomatic_framework" or not r.get("actor"):
            continue
        partners = frozenset(r.get("partners") or ())
        year = r.get("year")
        repeat = any(actor == r["actor"] and y == year and partners <= earlier for actor, earlier, y in seen)
        seen.append((r["actor"], partners, year))
        if not repeat or r.get("amount") is not None:
            continue
        a, b = r["span"]
        i = bisect_right(starts, a) - 1
        s0, s1 = sentences[i] if i >= 0 else (a, b)
        if _OWN_ACT.search(text, min(a, s0), max(b, s1)) is None:
            drop.add(id(r))
    return [r for r in records if id(r) not in drop] if drop else records


# "includes $2.5 million", "including more than US$18 million", "of which $5 million": an amount named as a part
_INCLUDES = re.compile(
    r"\b(?i:includ(?:es?|ing)|of\s+which)\s+(?i:(?:more\s+than|over|about|around|nearly|almost|up\s+to|some"
    r"|approximately|another|an\s+additional|a\s+further)\s+)?$"
)


def drop_package_parts(text: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An engagement whose amount its own words name as what something includes ("This figure includes
    more than $78 million in new programming", "It includes $2.5 million for medical care", "a $32
    million package, including $18 million for Vietnam") and that is smaller than an amount, in the same
    currency, of an engagement of the same actor stated before it or in its sentence, is an item of that
    package, not an act of its own (the corpus guideline's "Parts": the items of a package stated with its
    total are its content). It is dropped; the package's record stays. An amount added "on top of" or
    "in addition to" another is a new act and stays."""
    drop: set[int] = set()
    costed: list[dict[str, Any]] = []
    for r in records:
        if r["kind"] != "engagement" or r.get("amount") is None:
            continue
        a, b = r["span"]
        if any(
            k["actor"] == r["actor"] and k.get("currency") == r.get("currency") and k["amount"] > r["amount"]
            for k in costed
        ) and any(
            m.amount == r["amount"]
            and _INCLUDES.search(text[max(0, m.start - 40) : m.start].replace("\n", " "))
            for m in find_money(text, a, b)
        ):
            drop.add(id(r))
        costed.append(r)
    return [r for r in records if id(r) not in drop] if drop else records


_TITLE_LINE = re.compile(r"[^\n]{10,200}?(?<![.!?:;,”\"])[ \t]*(?:\n|$)")


def _starts_title(text: str, start: int) -> bool:
    return (start == 0 or text[start - 1] == "\n") and _TITLE_LINE.match(text, start) is not None


def drop_restated_headlines(
    text: str, records: list[dict[str, Any]], reach: int = 900
) -> list[dict[str, Any]]:
    """An engagement read from a title line (a line without final punctuation: "United States Donates
    Php14.8 Million in PPE to ...") that the text below restates (an engagement of the same actor
    within ``reach`` characters, with the same amount or the same instrument) is the headline of that
    act: the body's record is kept, the headline's dropped. A title whose act the body does not
    restate (a programme named only in a heading) stays, and so does a title whose next record is a title
    too (entries of a list of programmes, each with its cost) or states another amount (another act)."""
    eng = [r for r in records if r["kind"] == "engagement"]
    drop: set[int] = set()
    for r in eng:
        a = r["span"][0]
        if a > 0 and text[a - 1] not in "\n":
            continue
        if not _TITLE_LINE.match(text, a) or ITEM_MARK.match(text, a) or text.startswith("|", a):
            continue  # an enumerated item ("(1) Relief goods ...") or a table row is a list's entry, not a headline
        line_end = text.find("\n", a)
        line_end = len(text) if line_end < 0 else line_end
        for b in eng:
            if b is r or not (line_end <= b["span"][0] <= line_end + reach) or b["actor"] != r["actor"]:
                continue
            if _starts_title(text, b["span"][0]):
                continue  # another title line: the next entry of a list of programmes, not the body
            same_money = r.get("amount") is not None and b.get("amount") == r["amount"]
            if r.get("amount") is not None and b.get("amount") is not None and not same_money:
                continue  # a costed title and a body record of another amount state two acts
            if same_money or b.get("instrument") == r.get("instrument"):
                drop.add(id(r))
                break
    return [r for r in records if id(r) not in drop]


def anchor_years(
    text: str, records: list[dict[str, Any]], sentences: list[tuple[int, int, list[Any]]], reach: int = 3
) -> None:
    """An engagement that states no year takes the date its paragraph gives it: the first single
    year of its own sentence, else the last single year of the (at most ``reach``) sentences
    before it in the same paragraph ("On 20 June 2012, X and Y signed a financing agreement ...
    It comprises a $275 million buyer's credit loan" → 2012). Years come from
    :func:`softpower.extract.years.find_years` (anchored to the text, never to today's date)."""
    starts = [s[0] for s in sentences]
    for r in records:
        if r["kind"] != "engagement" or r.get("year") is not None:
            continue
        i = bisect_right(starts, r["span"][0]) - 1
        if i < 0:
            continue
        own = [y for y in sentences[i][2] if y.kind == "year" and y.year is not None]
        if own:
            r["year"] = own[0].year
            continue
        for j in range(i - 1, max(-1, i - 1 - reach), -1):
            if "\n\n" in text[sentences[j][1] : sentences[j + 1][0]]:
                break
            before = [y for y in sentences[j][2] if y.kind == "year" and y.year is not None]
            if before:
                r["year"] = before[-1].year
                break


# a sentence that opens by counting on from the date the one before gave ("Since then, about 1,400 volunteers
# have served in Mongolia", "Since that time ...")
_SINCE_THEN = re.compile(r"\s*(?:Since then|Since that time|Ever since)\b")


def since_then_years(
    text: str, records: list[dict[str, Any]], sentences: list[tuple[int, int, list[Any]]]
) -> None:
    """A count that states no year of its own, in a sentence that opens "Since then", counts from the
    date the sentence before gave (in the same paragraph): its last single year ("The first volunteers
    arrived in 1991. Since then, about 1,400 volunteers have served" → 1991), not the date of the report."""
    starts = [s[0] for s in sentences]
    for r in records:
        if r["kind"] != "indicator" or r.get("unit") not in ("count", "persons") or r.get("year") is not None:
            continue
        i = bisect_right(starts, r["span"][0]) - 1
        if i < 1 or not _SINCE_THEN.match(text, sentences[i][0]):
            continue
        if any(y.kind == "year" and y.year is not None for y in sentences[i][2]):
            continue
        if "\n\n" in text[sentences[i - 1][1] : sentences[i][0]]:
            continue
        before = [y for y in sentences[i - 1][2] if y.kind == "year" and y.year is not None]
        if before:
            r["year"] = before[-1].year


def undecide_build_agreements(text: str, records: list[dict[str, Any]]) -> None:
    """A framework record whose clause commits a party to build or fund something: instrument ``None``."""
    for r in records:
        if (
            r["kind"] == "engagement"
            and r.get("instrument") == "diplomatic_framework"
            and _BUILD_AGREEMENT_GATE(text, r["span"][0], r["span"][1])
        ):
            r["instrument"] = None


# "an MOU ..., which will implement over $2 million in U.S. funding to clear UXO": the money is the act
_FUNDING_AFTER = re.compile(
    r"\s+(?:in|of)\s+(?:(?:new|additional|U\.S\.|[A-Z][a-z]+)\s+)*(?:funding|assistance|aid|grants?|support)\b"
)


def funded_frameworks(text: str, records: list[dict[str, Any]]) -> None:
    """A framework record (an MOU, an agreement) that carries an amount of funding ("$2 million in U.S.
    funding") books that money: its instrument is the grant it funds (``oda_grant``)."""
    for r in records:
        if (
            r["kind"] != "engagement"
            or r.get("instrument") != "diplomatic_framework"
            or r.get("amount") is None
        ):
            continue
        for m in find_money(text, r["span"][0], r["span"][1]):
            if m.amount == r["amount"] and _FUNDING_AFTER.match(text, m.end):
                r["instrument"] = "oda_grant"
                break


#: the currency a bare "$" means in the texts of these states' governments
DOLLAR_STATES = {
    "AUS": "AUD",
    "NZL": "NZD",
    "SGP": "SGD",
    "CAN": "CAD",
    "FJI": "FJD",
    "HKG": "HKD",
    "TWN": "TWD",
}


def local_dollars(text: str, records: list[dict[str, Any]]) -> None:
    """A bare "$" is the dollar of the state the document is by: in a text whose acts are mostly those
    of one dollar state other than the United States (an Australian release: "$304.7 million"), the
    bare "$" amounts of that state's acts are its dollars ("US$", "USD" stay US dollars)."""
    if "$" not in text:
        return
    acts = [r["actor"] for r in records if r["kind"] == "engagement" and r.get("actor")]
    if not acts:
        return
    # the state most acts are by (a release also credits a partner with a meeting or a joint act)
    main = max(set(acts), key=acts.count)
    cur = DOLLAR_STATES.get(main)
    if cur is None or acts.count(main) * 2 <= len(acts):
        return
    bare: list[tuple[dict[str, Any], str]] = []
    for r in records:
        key = "currency" if r["kind"] == "engagement" else "unit"
        if r.get(key) != "USD":
            continue
        value = r.get("amount") if r["kind"] == "engagement" else r.get("value")
        for m in find_money(text, r["span"][0], r["span"][1]):
            if m.amount == value and m.currency == "USD" and text.startswith("$", m.start):
                bare.append((r, key))
                break
    if {r["actor"] for r, _ in bare} <= {main}:  # a bare "$" booked to another state keeps all as stated
        for r, key in bare:
            r[key] = cur


def yuan_sign(text: str, records: list[dict[str, Any]]) -> None:
    """A bare "¥" is written for the yuan as well as the yen: in an act of China's it is the yuan
    ("China provided ¥200 million in grant aid"); "JP¥", "JPY" and "yen" stay yen."""
    if "¥" not in text:
        return
    for r in records:
        if r["kind"] != "engagement" or r.get("actor") != "CHN" or r.get("currency") != "JPY":
            continue
        for m in find_money(text, r["span"][0], r["span"][1]):
            if m.amount == r.get("amount") and m.currency == "JPY" and text.startswith("¥", m.start):
                r["currency"] = "CNY"
                break


def _by_sentence(records: list[dict[str, Any]], spans: list[Span]) -> list[list[dict[str, Any]]]:
    groups: list[list[dict[str, Any]]] = [[] for _ in spans]
    i = 0
    for r in sorted((r for r in records if r["kind"] == "engagement"), key=lambda r: r["span"][0]):
        while i < len(spans) and spans[i][1] <= r["span"][0]:
            i += 1
        if i < len(spans) and spans[i][0] <= r["span"][0]:
            groups[i].append(r)
    return [g for g in groups if len(g) > 1]


def assign_amounts(
    text: str, records: list[dict[str, Any]], spans: list[Span], money: dict[Span, list[Any]]
) -> None:
    """Each costed act of a sentence takes the amount nearest to its instrument word."""
    for group in _by_sentence(records, spans):
        sent = next(s for s in spans if s[0] <= group[0]["span"][0] < s[1])
        found = money.get(sent, [])
        costed = [r for r in group if r.get("amount") is not None and r.get("instrument") in _CUE]
        if len(found) < 2 or len(costed) < 2 or len({r["instrument"] for r in costed}) < 2:
            continue
        taken: set[int] = set()
        for r in costed:
            cues = [m.start() for m in _CUE[r["instrument"]].finditer(text, *sent)]
            if not cues:
                continue
            options = sorted(
                (min(abs(c - (m.start + m.end) // 2) for c in cues), k)
                for k, m in enumerate(found)
                if k not in taken
            )
            if options:
                k = options[0][1]
                taken.add(k)
                r["amount"], r["currency"] = found[k].amount, found[k].currency


def _cued(text: str, r: dict[str, Any]) -> bool:
    cue = _CUE.get(r.get("instrument") or "")
    return cue is not None and cue.search(text, r["span"][0], r["span"][1]) is not None


def dedupe(text: str, records: list[dict[str, Any]], spans: list[Span]) -> list[dict[str, Any]]:
    """Drop a second engagement over an overlapping span that books the same amount (same actor,
    amount, currency) or repeats the first exactly; separate clauses stay separate acts. Of two
    bookings of one amount, the one whose instrument word is in its clause ("$412 million loan":
    the loan) is kept, else the first."""
    drop: set[int] = set()
    for group in _by_sentence(records, spans):
        kept: list[dict[str, Any]] = []
        for r in group:
            same = [
                k
                for k in kept
                if k["span"][0] < r["span"][1] and r["span"][0] < k["span"][1] and k["actor"] == r["actor"]
            ]
            money = (r.get("amount"), r.get("currency"))
            full = (tuple(r["partners"] or ()), r.get("instrument"), r.get("amount"), r.get("year"))
            twin = next(
                (
                    k
                    for k in same
                    if (r.get("amount") is not None and (k.get("amount"), k.get("currency")) == money)
                    or (tuple(k["partners"] or ()), k.get("instrument"), k.get("amount"), k.get("year"))
                    == full
                ),
                None,
            )
            if twin is None:
                kept.append(r)
            elif _cued(text, r) and not _cued(text, twin):
                drop.add(id(twin))
                kept[kept.index(twin)] = r
            else:
                drop.add(id(r))
    return [r for r in records if id(r) not in drop]


def rupees_by_context(text: str, records: list[dict[str, Any]]) -> None:
    """ "rupees" or "Rs" without a qualifier: the actor's rupee, else the partner's, else India's."""
    for r in records:
        if r.get("currency") != "INR" or r["kind"] != "engagement":
            continue
        a, b = r["span"]
        if not _RUPEE.search(text, a, b) or _QUALIFIED_RUPEE.search(text, a, b):
            continue
        for code in [r["actor"], *(r["partners"] or [])]:
            if code in RUPEE_STATES:
                r["currency"] = RUPEE_STATES[code]
                break
