"""Sentence and clause segmentation that keeps character offsets.

Line breaks inside a sentence (text wrapped by PDF converters, with blank lines
between wrapped lines) do not end a sentence; a blank line after a short line
(a heading) or after terminal punctuation does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from softpower.extract.alternation import LiteralGate
from softpower.extract.entities import name_across
from softpower.extract.memo import per_document
from softpower.extract.money import PREFIX

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Jr|Sr|St|Gen|Col|Lt|Sen|Rep|Gov|No|Nos|vs|etc|e\.g|i\.e|Inc|Ltd|Co|Corp|Dept|approx|U\.S|U\.K|U\.N|H\.E|Hon|Amb|Adm|Rt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)
# a currency abbreviation written with a full stop before its figure ("Rs. 50 crore", "Rp. 2 billion"):
# the stop does not end the sentence (the abbreviations are money's own prefixes)
_CURRENCY_STOP = re.compile(
    r"\b(?:" + "|".join(sorted({k[:-1] for k in PREFIX if k.endswith(".") and k[:-1].isalpha()})) + r")\.$",
    re.IGNORECASE,
)
# a list item's mark at the start of a line: a bullet of any common shape (the "o" and "°" of translated
# government releases, "◦", "▪", "■"), a number ("3.", "(2)")
_MARK = r"[•\-*°◦▪■○◈‣]|o(?=[ \t])|\d+\.|\(\d{1,2}\)"
# a candidate end: terminal punctuation (optionally closed by quotes/brackets/footnotes, "[3]" or "³") + space
_END = re.compile(r"[.!?][\"'”’)\]]*(?:\s*\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_PARA = re.compile(
    r"\n[ \t\u00a0]*\n\s*|\n(?=[ \t]*(?:" + _MARK + r")\s)|(?<=[^\s.!?:;,])\n(?=[ \t]*[A-Z“\"])"
    r"|\n(?=[ \t]*\|)|(?<=\|)[ \t]*\n"  # a table row (pipe cells) is a block of its own
)
_CLAUSE = re.compile(
    r";\s+|,[”\"’]?\s+(?:and\s+|while\s+|but\s+)?|\s+\(\d\)\s+|\s+[–—]\s+|:\s+"
    r"|\)?\s+and\s+(?=the\s+(?:[A-Z0-9][\w-]*\s+){0,6}(?:Framework|Agreement|Declaration|Fund|Initiative|Program|Programme|Plan|Summit|Treaty)\b)"
)
_CLAUSE_GATE = LiteralGate(_CLAUSE)
_RELATIVE_START = re.compile(r"(?:which|who|whose)\b")
_ADJECTIVE_COMMA = re.compile(r"(?:\b(?:a|an|the)\s+new|\b[\w]+-(?:year|month|week))$")
# ", from $15 million to $30 million", ", from 2010 to 2015": a range belongs to the clause before
_RANGE_AFTER = re.compile(r"from\s+(?:about\s+|some\s+|around\s+)?[^\s,;]{0,4}\d[^,;]{0,60}?\bto\b")

_BULLET = re.compile(r"[ \t]*(?:" + _MARK + r")\s")
# a line ending in a function word continues on the next line
_OPEN_END = re.compile(
    r"\b(?:to|of|and|or|the|a|an|in|on|at|by|for|with|from|its|their|as|than)\s*$", re.IGNORECASE
)
_CLAUSE_OPENER = re.compile(
    r"(?:The|This|These|That|It|Its|They|Their|In|On|At|During|From|With|By|For|While|When)\b"
)

Span = tuple[int, int]
#: Longest sentence the rules read (characters). Longer runs (text without full stops, a
#: 50,000-character line) are cut into segments of at most this length, so every per-sentence
#: step works on bounded input and extraction stays linear in the document length.
MAX_SENTENCE = 1000
# "..., and South Korea pledged ...": a named subject with its own verb opens a new clause
_NEW_SUBJECT = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:(?:has|have|had|also|later|then)\s+)*"
    r"(?:[a-z]{2,}ed|gave|sent|held|built|made|took|lent|sold|won)\b"
)
_VERBISH = re.compile(r"\b(?:[a-z]{3,}ed|gave|sent|held|built|made|took|lent|sold|won|is|are|was|were)\b")


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _para_breaks(text: str) -> Iterator[re.Match[str]]:
    """``_PARA.finditer(text)``, trying only the places where a break can start.

    Every break holds a newline and starts at it or in the run of spaces and tabs just before it
    (after a table row's ``|``), so for each newline only those few places are tried, in order;
    the text between newlines is never scanned.
    """
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            return
        first = nl
        while first > pos and text[first - 1] in " \t":
            first -= 1
        m = None
        for at in range(first, nl + 1):
            m = _PARA.match(text, at)
            if m is not None:
                break
        if m is None:
            pos = nl + 1
            continue
        yield m
        pos = m.end()


def continues(line: str, next_line: str) -> bool:
    """``line`` goes on in ``next_line``: it ends in a function word ("... to the") or inside a name
    of the gazetteer ("... to Papua New" / "Guinea ...")."""
    return bool(_OPEN_END.search(line)) or name_break(f"{line}\n{next_line[:40]}", len(line), len(line) + 1)


def name_break(text: str, start: int, end: int) -> bool:
    """The line break ``text[start:end]`` falls inside a name of the gazetteer ("Papua New\nGuinea")."""
    return name_across(text[max(0, start - 40) : start].rstrip(" \t"), text[end : end + 40].lstrip(" \t"))


#: a news item's dateline opening a line ("Hanoi (VNA) - ", "JAKARTA (ANTARA) – ", "SUVA, Fiji — "): the
#: line above it (a headline without final punctuation) ends there, however long it is
_NEWS_DATELINE = re.compile(
    r"[ \t]*[A-Z][\w.'’ -]{1,30}?(?:\s*\([A-Z][A-Za-z]{1,12}\)|,(?:\s+[A-Z][\w.'’-]*){1,4})\s*[—–-]\s"
)


def _blocks(text: str) -> list[Span]:
    """Split at paragraph breaks that really end a block (see module doc)."""
    blocks: list[Span] = []
    start = 0
    for m in _para_breaks(text):
        # the line before the break (no copy of the block so far: wrapped lines would make it quadratic)
        nl = text.rfind("\n", start, m.start())
        last_line = text[nl + 1 if nl >= 0 else start : m.start()]
        if last_line.lstrip().startswith("|") or text.startswith("|", m.end()):
            blocks.append((start, m.start()))  # a table row never joins the text around it
            start = m.end()
            continue
        soft = (
            len(last_line.strip()) >= 60
            and not re.search(r"[.!?:\"”)\]]\s*$", last_line)
            and last_line.endswith((" ", "\u00a0"))
        )
        if soft:
            continue
        single = "\n" not in m.group(0)[1:] and not _BULLET.match(text, m.end())
        indented = text[m.end() : m.end() + 2] in ("  ", "\t ", "\t\t") or text[m.end() : m.end() + 1] == "\t"
        indented = indented or bool(_BULLET.match(last_line))
        if (
            single
            and not indented
            and (
                (len(last_line.strip()) >= 50 and not _NEWS_DATELINE.match(text, m.end()))
                or _OPEN_END.search(last_line)
                or name_break(text, m.start(), m.end())
            )
        ):
            continue  # a hard-wrapped line, not a heading: the sentence goes on
        blocks.append((start, m.start()))
        start = m.end()
    blocks.append((start, len(text)))
    return [b for b in (_trim(text, *b) for b in blocks) if b[0] < b[1]]


def split_sentences(text: str) -> list[Span]:
    """Sentence spans ``(start, end)`` of ``text`` (offsets into ``text``).

    Examples
    --------
    >>> t = "Japan signed it. It was late.\\n\\nHeading\\n\\nNext one."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Japan signed it.', 'It was late.', 'Heading', 'Next one.']
    """
    out: list[Span] = []
    for b0, b1 in _blocks(text):
        start = b0
        for m in _END.finditer(text, b0, b1):
            if _ABBREV.search(text, max(b0, m.start() - 8), m.start() + 1):
                continue
            if _currency_stop(text, b0, m):
                continue
            out.extend(_bounded(text, start, m.end()))
            start = m.end()
        out.extend(_bounded(text, start, b1))
    return [s for s in out if s[0] < s[1]]


def _currency_stop(text: str, b0: int, m: re.Match[str]) -> bool:
    """The candidate end ``m`` is the bare stop of a currency abbreviation whose figure follows."""
    return (
        m.end() - m.start() == 1
        and text[m.end() : m.end() + 4].lstrip()[:1].isdigit()
        and bool(_CURRENCY_STOP.search(text, max(b0, m.start() - 4), m.start() + 1))
    )


def _bounded(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` trimmed, cut into segments of at most :data:`MAX_SENTENCE` characters.

    A cut falls after the last clause mark (``;``, ``,``, ``:``) in the second half of the
    window, else at the last space, else at the limit itself.
    """
    start, end = _trim(text, start, end)
    out: list[Span] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = -1
        for mark in ("; ", ", ", ": "):
            cut = max(cut, text.rfind(mark, start + MAX_SENTENCE // 2, limit - 1))
        if cut >= 0:
            cut += 1
        else:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, limit)
            cut = limit if cut < 0 else cut
        seg = _trim(text, start, cut)
        if seg[0] < seg[1]:
            out.append(seg)
        start, end = _trim(text, cut, end)
    out.append((start, end))
    return out


def split_clauses(text: str, start: int, end: int) -> list[Span]:
    """Clause spans inside one sentence (cached; see :func:`_split_clauses`)."""
    return list(_split_clauses(text, start, end))


@per_document(4096)
def _split_clauses(text: str, start: int, end: int) -> tuple[Span, ...]:
    """Clause spans inside one sentence: split at ``;``, ``, and``, ``(1)``, dashes, colons.

    Digit groups ("1,154"), lists of names ("Cambodia, Lao, Myanmar, and Vietnam") and
    relative clauses (", which ...") stay attached to their clause.
    """
    out: list[Span] = []
    pos = start
    # (a sentence without any literal a clause break needs is one clause: no scan)
    for m in _CLAUSE.finditer(text, start, end) if _CLAUSE_GATE.possible(text, start, end) else ():
        if m.group(0).startswith(","):
            nxt = text[m.end() : m.end() + 1]
            if text[m.start() - 1 : m.start()].isdigit() and nxt.isdigit():
                continue
            if _RELATIVE_START.match(text, m.end()) or _RANGE_AFTER.match(text, m.end(), end):
                continue
            if _ADJECTIVE_COMMA.search(text, max(start, m.start() - 12), m.start()):
                continue  # "the new, five-year, $15 million project": commas between modifiers
            prev_word = (text[max(start, m.start() - 30) : m.start()].split() or [""])[-1]
            if (
                nxt.isupper()
                and prev_word[:1].isupper()
                and not _CLAUSE_OPENER.match(text, m.end())
                and not (_NEW_SUBJECT.match(text, m.end()) and _VERBISH.search(text, pos, m.start()))
            ):
                continue  # a list of names, unless a new subject with its own verb follows a full clause
        out.append(_trim(text, pos, m.start()))
        pos = m.end()
    out.append(_trim(text, pos, end))
    return tuple(c for c in out if c[0] < c[1])
