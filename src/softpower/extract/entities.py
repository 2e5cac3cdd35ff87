"""Actors and partners: country names, demonyms, capitals used as metonyms, groups and
named regions, found with one alternation regex built from the project's alias tables.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry

from softpower.records import vocab

#: donor powers of the record model; the actor of a symmetric act is the donor of the pair
DONORS = ("JPN", "CHN", "USA", "KOR")
# aliases that are ordinary English words far more often than places
_SKIP = {"male", "world", "worldwide", "global", "globally", "georgia", "jordan", "chad", "guinea"}
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near)\s+(?:the\s+)?)$")
#: a news dateline of places at the start of a line ("SUVA, Fiji —", "YOKOSUKA NAVAL BASE, Japan (AP) -"):
#: the states it names are where the story was filed, not who acted
_PLACE_REACH = (
    160  # the longest look-back from a name to its line's start (the pattern's own reach, with room)
)
_PLACE_LINE = re.compile(
    r"[A-Z][\w.'’ -]{1,40},(?:\s+[A-Z][\w.'’-]*){1,4}\s*(?:\([A-Za-z .]{1,30}\)\s*)?[—–-]\s"
)
_POSSESSIVE = re.compile(r"\s*['’]s?\b|['’](?=\s)")
#: "the Pacific", "Pacific partners", "our Pacific family": the Pacific Island countries (the corpus
#: guideline: "the Pacific region" is PIC). The bare word names the region only where it is neither part
#: of a wider region ("Asia and the Pacific", "Asia-Pacific", "Indo-Pacific", "trans-Pacific", "the North
#: Pacific") nor the first word of a name ("Pacific Partnership", "the Pacific Pledge", "Pacific Fleet")
PACIFIC = "Pacific"
_PACIFIC_WIDER = re.compile(
    r"(?:[-–—/]|\b(?:Asia|Asian|ASIA)(?:\s+and)?\s+(?:the\s+)?|\b(?i:north|northern|northwest|north-west"
    r"|western|eastern|central|east|west|mid)\s+(?:the\s+)?)$"
)
_PACIFIC_NAME = re.compile(
    r"[-–—]|[ \t]+(?!(?:Governments?|Leaders|Partners|Nations|Countries|States|Peoples?|Region|Neighbou?rs|Family"
    r"|Ministers|Islanders)\b)[A-Z0-9]"
)
#: "assistance to the region", "the people of our region": the region the document is about
_THE_REGION = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]his|[Tt]hat)\s+(?:wider\s+)?region\b(?!al)")
#: the receiving groups whose region "the region" can be, with the states that count for them
_REGIONS = ("PIC", "ASEAN")
_WORLD = re.compile(
    r"\b(?:worldwide|around the world|across the world|global(?:ly)?|international community|"
    r"developing countries|\d+\s+(?:other\s+)?countries|many countries|other countries)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A place or group named at ``text[start:end]``.

    ``codes`` are partner codes (one ISO3 for a country; a group code; or the states of
    a named region); ``iso`` is the country's ISO3 when the mention is one state.
    """

    start: int
    end: int
    codes: tuple[str, ...]
    iso: str | None
    kind: str
    possessive: bool = False


GAZETTEER_KINDS = frozenset({"name", "demonym", "capital", "organisation", "official"})


@cache
def gazetteer() -> tuple[tuple[str, str, str], ...]:
    """The extractor's own gazetteer (``softpower/data/extract_model/gazetteer.csv``): (alias, ISO3, kind).

    More names, demonyms and capitals of states than the project's alias table, and official
    organisations (state agencies, policy and state-owned banks, state-owned enterprises) that act
    for their state: "China Exim Bank signed a loan" is an act of China's official sector.
    """
    raw = (
        resources.files("softpower.data").joinpath("extract_model/gazetteer.csv").read_text(encoding="utf-8")
    )
    lines = [x for x in raw.splitlines() if not x.startswith("#")]
    out = []
    for i, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines)))):
        if row["kind"] not in GAZETTEER_KINDS or pycountry.countries.get(alpha_3=row["iso3"]) is None:
            raise ValueError(
                f"extract_model/gazetteer.csv: row {i + 1}: expected a known ISO3 and kind, got {row}"
            )
        out.append((row["alias"], row["iso3"], row["kind"]))
    return tuple(out)


@cache
def _table() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, ...], str | None, str]], frozenset[str]]:
    """The gazetteer pattern, its table (name -> codes, state, kind) and the names of states it also reads
    written in capitals ("AUSTRALIA will provide"; see ``_LOWER_NEXT``)."""
    names: dict[str, tuple[tuple[str, ...], str | None, str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                names[n] = ((c.alpha_3,), c.alpha_3, "name")
    for key, codes in vocab.group_aliases().items():
        if key in _SKIP:
            continue
        kind = "group" if len(codes) == 1 and not vocab.is_country(codes[0]) else "region"
        names[key] = (codes, None, kind)
    for alias in vocab.country_aliases().values():
        if alias.alias.casefold() in _SKIP:
            continue
        names[alias.alias] = ((alias.iso3,), alias.iso3, alias.kind)
    for name, iso3, kind in gazetteer():
        # a head of state or government or a foreign minister acts for the state, as its organisations do
        names.setdefault(name, ((iso3,), iso3, "organisation" if kind == "official" else kind))
    # group aliases are stored case-folded: multi-word ones match in any case, short ones as written
    table: dict[str, tuple[tuple[str, ...], str | None, str]] = {}
    folded: dict[str, tuple[tuple[str, ...], str | None, str]] = {}
    for n, v in names.items():
        if v[2] in ("group", "region") and (" " in n or len(n) > 5):
            folded[n.casefold()] = v
        elif v[2] in ("group", "region"):
            table.setdefault(n.upper(), v)
            if len(n) >= 5:  # "Asean"
                table.setdefault(n.title(), v)
        else:
            table.setdefault(n, v)
    table.update(
        {
            a.alias: ((a.iso3,), a.iso3, a.kind)
            for a in vocab.country_aliases().values()
            if a.alias.casefold() not in _SKIP
        }
    )
    table.setdefault(PACIFIC, (("PIC",), None, "group"))  # read with its context (:func:`_find_mentions`)
    for code in vocab.group_codes():
        if code != "WORLD":
            table[code] = ((code,), None, "group")
    for k, v in folded.items():
        table[k] = v
    shouted: set[str] = set()
    for n in [n for n, v in table.items() if v[2] == "name" and v[1] is not None and not n.isupper()]:
        if len(n) >= 4 and n.upper() not in table:
            table[n.upper()] = table[n]
            shouted.add(n.upper())
    exact = trie_pattern([n for n in table if n not in folded])
    loose = trie_pattern(list(folded))
    rx = re.compile(
        # a footnote's one or two figures may touch the name ("Korea1 provided ...", an HTML <sup>)
        rf"(?<![A-Za-z0-9])(?:the\s+)?(?P<n>(?i:{loose})|{exact})(?:s(?=[^A-Za-z0-9$]|$))?(?![A-Za-z$])"
        r"(?!\d{3})(?!\d{1,2}[A-Za-z$])(?!\d{1,2}[.,]\d)"
        r"(?!\s+dollars?\b)(?!\s+(?:Sea|Ocean)\b)"
    )
    return rx, table, frozenset(shouted)


#: a state's name written in capitals (``_table``'s third part) is read as a name only before a word in
#: lower case, as a subject before its verb; a line in capitals is a heading or a dateline
_LOWER_NEXT = re.compile(r"(?:['’]s)?\s+[a-z]")

# first words of states' names that name no state alone: adjectives ("Central", "British", "Western")
# and common words
_NOT_A_NAME = re.compile(r"\w+(?:ern|an|ish|al|ese)|East|Isle|Heard|Mainland|Saudi|Great|Democratic")


@cache
def first_word_names() -> dict[str, str]:
    """A state's name shortened to its first word, as lists of states in brackets write it ("Solomon",
    "Marshall", "Cook", "Papua"): the first word of exactly one state's name of several words, adjectives
    and common words excepted. For such lists only; in running text "Marshall" is a surname."""
    first: dict[str, set[str]] = {}
    for name, (_codes, iso, kind) in _table()[1].items():
        if kind == "name" and iso is not None and " " in name and name[:1].isupper():
            first.setdefault(name.split()[0], set()).add(iso)
    return {
        w: next(iter(isos))
        for w, isos in first.items()
        if len(isos) == 1 and len(w) > 3 and w.isalpha() and not _NOT_A_NAME.fullmatch(w)
    }


@cache
def donor_states() -> frozenset[str]:
    """Codes of the donor states (``extract_model/donor_states.csv``: the OECD DAC members and the
    donor powers outside it): the donor of a symmetric act between two states when neither is one of
    the donor powers (:data:`DONORS`), and a feature of the field step's actor candidates."""
    raw = (
        resources.files("softpower.data")
        .joinpath("extract_model/donor_states.csv")
        .read_text(encoding="utf-8")
    )
    rows = list(csv.DictReader(x for x in raw.splitlines() if not x.startswith("#")))
    for i, row in enumerate(rows):
        if not (vocab.is_country(row["code"]) or row["code"] == "EU"):
            raise ValueError(
                f"extract_model/donor_states.csv: row {i + 1}: expected an ISO3 code or EU, got {row}"
            )
    return frozenset(r["code"] for r in rows)


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for ``words``, factored as a prefix trie (longest match first).

    A plain ``a|b|c`` alternation over hundreds of names makes the regex engine try every
    name at every position; the trie tries only names sharing the next character.

    References
    ----------
    .. [1] E. Fredkin, "Trie memory", Communications of the ACM 3(9):490-499, 1960.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?"
        return body

    return build(root)


def name_across(left: str, right: str) -> bool:
    """A name of the gazetteer runs across the join of ``left`` and ``right`` read with one space
    between them ("Papua New" + "Guinea", "the United" + "States"): a line break there is inside a name."""
    cut = len(left)
    return any(m.start < cut < m.end for m in find_mentions(left + " " + right))


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every country, group or region named in ``text[start:end]``, in order.

    Capitals preceded by a locative preposition ("in Kuala Lumpur") name a place,
    not a government, and are skipped.
    """
    if end is None:
        return _find_mentions(text, start, len(text))
    # a window of a document is remembered while that document is read (the rules' sentence analysis
    # and the learned recall step's delexicalisation read the same sentences), as find_money does: the
    # memo holds the document itself, so ``is`` cannot mistake a new document for it; it is read once
    # into a local and replaced whole, so a thread reading another document cannot get this one's answers
    # (with the gazetteer it was read with, should the cached table ever be rebuilt)
    doc, rx, memo = _MEMO[0]
    if doc is not text or rx is not _table()[0]:
        memo = {}
        _MEMO[0] = (text, _table()[0], memo)
    got = memo.get((start, end))
    if got is None:
        got = memo[(start, end)] = _find_mentions(text, start, end)
    return list(got)


#: :func:`find_mentions`' answers for windows of one document: (that document, the gazetteer pattern,
#: {(start, end): mentions})
_MEMO: list[tuple[str | None, re.Pattern[str] | None, dict[tuple[int, int], list[Mention]]]] = [
    (None, None, {})
]


def place_line_end(text: str, pos: int) -> int | None:
    """Where the dateline of places that opens ``pos``'s line ends (after its dash), or ``None``."""
    # a dateline's places end within a few words of its line's start: look back that far only, so a
    # document written as one long line is not scanned back for every name in it
    start = text.rfind("\n", max(0, pos - _PLACE_REACH), pos) + 1
    if start == 0 and pos > _PLACE_REACH:
        return None
    line = _PLACE_LINE.match(text, start)
    return None if line is None else line.end()


def _find_mentions(text: str, start: int, stop: int) -> list[Mention]:
    rx, table, shouted = _table()
    out: list[Mention] = []
    for m in rx.finditer(text, start, stop):
        name = m.group("n")
        codes, iso, kind = table[name] if name in table else table[name.casefold()]
        s, e = m.start("n"), m.end("n")
        if name in shouted and not _LOWER_NEXT.match(text, e, stop):
            continue  # a heading's or a dateline's capitals
        if name == PACIFIC and (
            # (read inside the window only, as the gazetteer pattern is: a window reads as its copy)
            _PACIFIC_WIDER.search(text, max(start, s - 16), s) or _PACIFIC_NAME.match(text, e, stop)
        ):
            continue  # part of a wider region or of a name, not the Pacific Island countries
        if kind == "capital" and _LOCATIVE.search(text, max(0, s - 12), s):
            kind = "place"  # "opened in Manila": where, not who
        elif (line := place_line_end(text, s)) is not None and line > e:
            if iso is None or iso in DONORS or iso in donor_states():
                continue  # a donor's city or state the story was filed from is neither actor nor partner
            kind = "place"  # a partner's city or state: where the act happened, not who acted
        poss = bool(_POSSESSIVE.match(text, e))
        out.append(Mention(s, e, codes, iso, kind, poss))
    return out


def the_region(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names "the region" (or "our region", "this region") without naming it."""
    return _THE_REGION.search(text, start, end) is not None


def document_region(text: str) -> str | None:
    """The region a document is about: of the Pacific Island countries (PIC) and Southeast Asia
    (ASEAN), the one whose name and member states the document names more often, if it names it at
    least twice and at least twice as often as the other; ``None`` otherwise."""
    members = {g: frozenset(vocab.members(g)) for g in _REGIONS}
    counts = dict.fromkeys(_REGIONS, 0)
    for m in find_mentions(text):
        if m.kind == "place" and m.iso is None:
            continue
        for g in _REGIONS:
            if g in m.codes or (m.iso is not None and m.iso in members[g]):
                counts[g] += 1
    (a, na), (_, nb) = sorted(counts.items(), key=lambda kv: -kv[1])
    return a if na >= 2 and na >= 2 * nb else None


def world_hint(text: str, start: int, end: int) -> bool:
    """True when the text marks a worldwide or unspecified scope."""
    return _WORLD.search(text, start, end) is not None


def order_codes(codes: list[str]) -> list[str]:
    """Drop duplicates, keep first-mention order."""
    seen: dict[str, None] = {}
    for c in codes:
        seen.setdefault(c, None)
    return list(seen)
