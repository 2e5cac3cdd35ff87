"""Tables in the extracted text: one engagement per row that states an act.

HTML tables reach the extractor as pipe rows (``| 2019 | Japan | Vietnam | Grant for a hospital |``,
the form trafilatura writes); each row is its own block (:mod:`softpower.extract.sentences`), never
merged with the prose around it. The header row names the columns: the giver (donor, funder,
lender...), the receiver (recipient, partner, country...), the year and the amount; the other cells
say what was done. A row becomes an engagement when it names a giver (its cell, else the grammatical
subject of a cell that states the act, "Japan provided a grant ...", else the actor of the sentence
before the table) and a receiver other than the giver, and says what was done; the
instrument comes from the learned model on the row's words. Rows of totals are indicators of a
sum, not acts, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from softpower.extract.context import build_sentence
from softpower.extract.engagements import make_record
from softpower.extract.entities import find_mentions
from softpower.extract.money import PREFIX, SCALES, SUFFIX, Money, find_money, group_value
from softpower.extract.years import find_years

_ROW = re.compile(r"^[ \t]*\|(?P<body>.*)\|[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"[\s|:-]+")  # a whole row of these (fullmatch over the row)
_GIVER = re.compile(r"\b(?:donor|funder|provider|financier|lender|creditor|from|giver|sponsor)s?\b", re.I)
_TAKER = re.compile(r"\b(?:recipient|partner|beneficiar\w*|country|borrower|to|host)s?\b", re.I)
_YEAR = re.compile(r"\b(?:year|date)s?\b", re.I)
_AMOUNT = re.compile(r"\b(?:amount|value|usd|cost|commitment|sum|funding)\b|\$", re.I)
_TOTAL = re.compile(r"^\s*(?:total|sum|subtotal|all)\b", re.I)

Cell = tuple[int, int]

#: the currency and scale a header gives its column ("Amount (US$ million)", "Value, JPY bn",
#: "Grant (million yen)"): a currency of money's tables and a scale word of two letters or more
_UNIT_CURRENCY = re.compile(
    r"(?<![\w$])(?:"
    + "|".join(re.escape(k) for k in sorted({*PREFIX, *SUFFIX}, key=len, reverse=True))
    + r")(?:(?P<touch>[mbk]|bn|mn)\b|(?![\w]))",  # "US$m", "$bn", "USDm": a scale touching the sign
    re.I,
)
_UNIT_SCALE = re.compile(
    r"\b(" + "|".join(sorted((k for k in SCALES if len(k) > 1), key=len, reverse=True)) + r")\b", re.I
)
#: a cell holding only a figure ("2.5", "1,250", "12.500.000")
_FIGURE = re.compile(r"\d[\d,.\u00a0\u2009\u202f ]*")


@lru_cache(maxsize=256)
def header_unit(header: str) -> tuple[str, float] | None:
    """The currency and multiplier a column's header states, or None when it names no currency
    (kept per header text: every row of a column asks for the same header's unit)."""
    cur = _UNIT_CURRENCY.search(header)
    if cur is None:
        return None
    touch = cur.group("touch")
    key = cur.group()[: len(cur.group()) - len(touch or "")].lower()
    code = PREFIX.get(key) or SUFFIX[key]
    if touch:
        return code, SCALES[touch.lower()]
    scale = _UNIT_SCALE.search(header)
    return code, SCALES[scale.group(1).lower()] if scale else 1.0


def _cell_amounts(text: str, cell: Cell, header: str) -> list[Money]:
    """The amounts of an amount cell: those written in it, else its bare figure in the header's unit."""
    found = find_money(text, *cell)
    if found:
        return found
    unit = header_unit(header)
    fig = _FIGURE.fullmatch(text, *cell)
    if unit is None or fig is None:
        return []
    try:
        value = group_value(fig.group().strip())
    except ValueError:
        return []
    return [Money(cell[0], cell[1], round(value * unit[1], 2), unit[0])]


@dataclass
class TableRow:
    """One data row: its span and its cells' spans, with the header's column roles."""

    start: int
    end: int
    cells: list[Cell]
    roles: list[str]
    header: list[str]


def _cells(text: str, start: int, end: int) -> list[Cell]:
    out: list[Cell] = []
    pos = text.index("|", start, end) + 1
    while True:
        nxt = text.find("|", pos, end)
        if nxt < 0:
            break
        a, b = pos, nxt
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
        pos = nxt + 1
    return out


def _trimmed(text: str, start: int, end: int) -> Cell:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _role(header: str) -> str:
    for name, rx in (("year", _YEAR), ("giver", _GIVER), ("taker", _TAKER), ("amount", _AMOUNT)):
        if rx.search(header):
            return name
    return "what"


def _is_rule(text: str, m: re.Match[str]) -> bool:
    """The row is a rule line ("|---|:--|")."""
    return _RULE.fullmatch(text, m.start(), m.end()) is not None


def table_rows(text: str) -> list[TableRow]:
    """The data rows of every pipe table in ``text`` (a table needs a header and a rule line).

    A row is a header when it opens a block of rows or when a rule line follows it: two tables
    written one after the other ("| Year | Donor | ... |" right below the last row of the first)
    each keep their own header."""
    rows: list[TableRow] = []
    header: list[str] | None = None
    last_end = -2
    found = list(_ROW.finditer(text))
    rule = [_is_rule(text, m) for m in found]  # each row tested once, read as itself and as the next row
    for i, m in enumerate(found):
        contiguous = text.count("\n", last_end, m.start()) <= 1 if last_end >= 0 else False
        last_end = m.end()
        if rule[i]:
            continue
        cells = _cells(text, m.start(), m.end())
        nxt = found[i + 1] if i + 1 < len(found) else None
        ruled = nxt is not None and text.count("\n", m.end(), nxt.start()) <= 1 and rule[i + 1]
        if not contiguous or ruled:
            header = [text[a:b] for a, b in cells]
            continue
        if header is None:
            continue
        roles = [_role(h) for h in header][: len(cells)]
        roles += ["what"] * (len(cells) - len(roles))
        rows.append(TableRow(m.start(), m.end(), cells, roles, header))
    return rows


def row_records(
    doc: str, text: str, rows: list[TableRow], actor_before: dict[int, str | None], models: Any
) -> list[dict[str, Any]]:
    """Engagements of the table rows (see the module doc); ``actor_before[row.start]`` is the actor of
    the sentence before the table. Without learned models no instrument can be read: no records."""
    if models is None or not rows:
        return []
    pending: list[tuple[TableRow, str, list[str], str]] = []
    for row in rows:
        first = text[row.cells[0][0] : row.cells[0][1]] if row.cells else ""
        if _TOTAL.match(first):
            continue  # a cumulative total, not an act
        by_role: dict[str, list[Cell]] = {}
        for cell, role in zip(row.cells, row.roles, strict=True):
            by_role.setdefault(role, []).append(cell)
        givers = [m.iso for c in by_role.get("giver", []) for m in find_mentions(text, *c) if m.iso]
        if not givers:  # a cell that states the act with its own subject ("Japan provided a grant ...")
            givers = [a for c in by_role.get("what", []) if (a := build_sentence(text, *c, None, None).actor)]
        actor = givers[0] if givers else actor_before.get(row.start)
        takers = [
            code
            for c in by_role.get("taker", []) + by_role.get("what", [])
            for m in find_mentions(text, *c)
            for code in m.codes
        ]
        partners = list(dict.fromkeys(c for c in takers if c != actor))
        what = " ".join(text[a:b] for a, b in by_role.get("what", []))
        if not re.search(r"[a-z]{3,}", what):
            # the act's words written beside its amount ("US$2 million grant"): the amount cells' words
            # without their amounts
            what = " ".join(_without_money(text, c) for c in by_role.get("amount", []))
        if actor is None or not partners or not re.search(r"[a-z]{3,}", what):
            continue
        pending.append((row, actor, partners, what))
    if not pending:
        return []
    proba = models.instrument_proba([w for *_, w in pending])
    classes = [str(c) for c in models.instrument.classes_]
    out = []
    for (row, actor, partners, _), p in zip(pending, proba.tolist(), strict=True):
        best = max(range(len(p)), key=p.__getitem__)
        year_cells = [c for c, r in zip(row.cells, row.roles, strict=True) if r == "year"] or [
            (row.start, row.end)
        ]
        amount_cells = [
            (c, h) for c, r, h in zip(row.cells, row.roles, row.header, strict=False) if r == "amount"
        ] or [((row.start, row.end), "")]
        years = [y for c in year_cells for y in find_years(text, *c) if y.year is not None]
        money = [m for c, h in amount_cells for m in _cell_amounts(text, c, h)]
        rec = make_record(
            doc,
            "engagement",
            text,
            _trimmed(text, row.start, row.end),
            actor=actor,
            partners=partners,
            instrument=classes[best],
            year=years[0].year if years else None,
            year_end=years[0].year_end if years else None,
            amount=money[0].amount if money else None,
            currency=money[0].currency if money else None,
        )
        rec["confidence"] = round(p[best], 3)
        out.append(rec)
    return out


def _without_money(text: str, cell: Cell) -> str:
    """The cell's text with its amounts cut out."""
    parts, pos = [], cell[0]
    for m in find_money(text, *cell):
        parts.append(text[pos : m.start])
        pos = m.end
    parts.append(text[pos : cell[1]])
    return " ".join(" ".join(parts).split())
