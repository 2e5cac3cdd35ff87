"""Cue rules: instrument cues (one alternation regex over the cue table), PPP and
equal-footing flags, and the filters that drop negated, hypothetical or future statements.

The cue table is package data (``softpower/data/extract_instruments.csv``: instrument,
priority, pattern); a higher priority wins when one clause holds cues of several instruments
("health facilities (1.39 billion yen grant aid)" is a grant, not health cooperation).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from softpower.extract.alternation import FirstCharAlternation, LiteralGate
from softpower.records import vocab


@dataclass(frozen=True)
class Cue:
    """An instrument cue found at ``text[start:end]``."""

    start: int
    end: int
    instrument: str
    priority: int


@cache
def cue_table() -> tuple[FirstCharAlternation, tuple[tuple[str, int], ...]]:
    """The cue alternation (one named group per table row; ``.full`` is the compiled regex) and each
    group's (instrument, priority)."""
    raw = resources.files("softpower.data").joinpath("extract_instruments.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    known = vocab.instruments()
    parts, meta = [], []
    for i, row in enumerate(rows):
        if row["instrument"] not in known:
            raise ValueError(f"extract_instruments.csv:{i + 2}: unknown instrument {row['instrument']!r}")
        re.compile(row["pattern"])  # fail early, naming nothing half-built
        parts.append((f"c{i}", row["pattern"]))
        meta.append((row["instrument"], int(row["priority"])))
    # one word-start guard skips positions inside words; at a word start only the rows that can
    # begin with its first letter are tried (same matches as the one alternation regex)
    return FirstCharAlternation(parts, r"(?<![A-Za-z0-9])"), tuple(meta)


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every instrument cue in ``text[start:end]`` (leftmost-longest by table order)."""
    rx, meta = cue_table()
    out = []
    for m in rx.finditer(text, start, end):
        name = m.lastgroup
        if name is None:
            continue
        inst, prio = meta[int(name[1:])]
        out.append(Cue(m.start(), m.end(), inst, prio))
    return out


def best_cue(cues: list[Cue]) -> Cue | None:
    """The cue with the highest priority (the first of equals)."""
    return max(cues, key=lambda c: (c.priority, -c.start)) if cues else None


def _word_start(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The same alternation behind one word-start guard, so positions inside words are skipped at once."""
    return re.compile(r"(?<![A-Za-z0-9])(?:" + rx.pattern + ")", rx.flags)


#: a clause opening with a condition ("..., if Japan signs")
CONDITION = re.compile(r"(?:^|[,;:]\s*)(?:if|unless|were)\b", re.IGNORECASE)
_CONDITION_GATE = LiteralGate(CONDITION)  # the same yes/no, behind a literal pre-check
NEGATION = re.compile(
    r"\b(?:not(?! only)|never|no longer|neither|nor|refused|rejected|declined|failed to|withdr[ae]w\w*|withdrawal"
    r"|pulled out|left the|leaving the|suspend\w*|cancel\w*|scrapp\w*|halted|terminated|summon\w*"
    r"|protest\w*|condemn\w*|critici[sz]\w*|denounc\w*|stalled|collapsed|den(?:y|ied|ies))\b|\w+n['’]t\b",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|(?-i:may)|can|will|shall|must|should|ought to|needs? to)\b"
    r"|\b(?:harbinger|prelude|precursor|paving the way|pave the way|emphasi[sz]ed|stressed|reiterated|desirable"
    r"|realizations? of|realisations? of|explor(?:e|es|ing) |attempts? to|tries to|trying to|striv\w+|remains? committed|generally|typically|usually|traditionally|clarif\w+|said|says|stated|argued|claimed|noted"
    r"|report|reports|Bluebook|white paper|National Security Strategy|policy document)\b"
    r"|\b(?:is|are|was|were|remains?|becomes?|became) (?:the |a |an |only )?(?:one of|core|basis|key|cornerstone|centrepiece"
    r"|centerpiece|backbone|heart|important|crucial|essential|vital|central|one part|cardinal)\b"
    r"|\b(?:aims? (?:to|for|at)|aimed (?:to|at)|aiming|(?-i:plans?) to|planned|planning|intends? to|hopes?|hoping|hoped|seeks?|seeking"
    r"|desires? to|desired to|look(?:s|ed|ing)? forward to"
    r"|wants?|wishes|desirable|expected|projected|proposal to|prospect|potential|possible|possibility"
    r"|call(?:s|ed)? (?:on|for)|urg\w+|ask\w*|(?<!the )(?<!a )(?<!’ )(?<!' )(?<!’s )(?<!'s )(?<!their )(?<!its )(?<!for )(?<!these )(?<!those )(?<!such )(?<!of )(?<!our )request\w*|demand\w*|appeal\w*"
    r"|negotiat\w+|under discussion|is to|are to|going to|set to|likely|yet to|considering|consider)\b",
    re.IGNORECASE,
)
# one pass finds the first negation or hypothetical word; most clauses have neither
_NEG_OR_HYPO = FirstCharAlternation(
    [("neg", NEGATION.pattern), ("hyp", HYPOTHETICAL.pattern)], r"(?<![A-Za-z0-9])", re.IGNORECASE
)
NEGATION = _word_start(NEGATION)
HYPOTHETICAL = _word_start(HYPOTHETICAL)
# verbs and nouns that make a clause report an act rather than discuss one
ACT = re.compile(
    r"\b(?:sign(?:ed|s|ing)|agreed|agree|provid(?:ed|es|ing)|pledg(?:ed|es|ing)|launch(?:ed|es|ing)|held|hosted|hosts"
    r"|buil(?:t|ds|ding)|extend(?:ed|s|ing)|contribut(?:ed|es|ing)|donat(?:ed|es|ing)|grant(?:ed|s|ing)"
    r"|support(?:ed|s|ing)|upgrad(?:ed|es|ing)|establish(?:ed|es|ing)|set up|visit(?:ed|s|ing)|conduct(?:ed|s|ing)"
    r"|dispatch(?:ed|es|ing)|sent|send(?:s|ing)|offer(?:ed|s|ing)|announc(?:e|ed|es|ing)|conclud(?:ed|es|ing)"
    r"|fund(?:ed|s|ing)|financ(?:ed|es|ing)|invest(?:ed|s|ing)|train(?:ed|s|ing)|deliver(?:ed|s|ing)|gave(?! rise)|giv(?:es|ing|en)(?! rise)"
    r"|join(?:ed|s|ing)|took part|tak(?:es|ing) part|participat(?:ed|es|ing)|restor(?:ed|es|ing)|finali[sz](?:ed|es|ing)"
    r"|initiat(?:ed|es|ing)|designat(?:ed|es|ing)|sponsor(?:ed|s|ing)|promis(?:ed|es|ing)|proposed|convened"
    r"|buy(?:s|ing)|bought|purchas(?:ed|es|ing)|transfer(?:red|s|ring)|expand(?:ed|s|ing)|began|begun|start(?:ed|s)"
    r"|creat(?:ed|es|ing)|helped|help(?:s|ing)|continu(?:es|ing|ed) to (?:help|support|assist|fund|provide|supply)|assist(?:ed|s|ing)|cooperat(?:ed|es|ing)|work(?:ed|s|ing)? (?:on|with)"
    r"|supplied|(?<!relief )(?<!medical )(?<!emergency )(?<!military )(?<!food )(?<!of )supplies|suppl(?:y|ying)|dock(?:ed|s|ing)|receiv(?:ed|es|ing)|recipients?|disburs(?:ed|es|ing)"
    r"|allocat(?:ed|es|ing)|approv(?:ed|es|ing)|inaugurat(?:ed|es|ing)|opened|opens|runs|ran|operat(?:ed|es|ing)"
    r"|publici[sz](?:ed|es|ing)|endors(?:ed|es|ing)|align(?:ed|s|ing)|integrat(?:ed|es|ing)|exploration|stepped in"
    r"|involved|creates|included|includes|including|target(?:ed|s|ing)|entered into force|came into force|pooling"
    r"|extending|established|co-develop\w*|interactions|exchanges|broaden(?:ed|s|ing)"
    r"|gift(?:ed|s|ing)|hand(?:ed|s|ing) over|turn(?:ed|s|ing) over)\b",
    re.IGNORECASE,
)
ACT = _word_start(ACT)
PPP = re.compile(
    r"\b(?:public[- ]private|private (?:firms|sector|companies|finances?|financing|partners|investors|foundations)"
    r"|PPPs?|(?:drug|pharmaceutical) companies|(?:global|private|philanthropic) foundations|business(?:es)? (?:co-fund|partners)"
    r"|co-funded by (?:firms|companies))\b",
    re.IGNORECASE,
)
EQUAL_FOOTING = re.compile(
    r"\bequal[- ]footing (?:investment|funding|basis|partnership|contribution)|\bjoint (?:project|funding|investment)\b"
    r"|\bco-fund\w*\b|\bco-financ\w*\b|\bmatched funding\b|\bboth sides\b",
    re.IGNORECASE,
)
COMMENTARY = re.compile(
    r"(?:critics|analysts|observers|some|many|it is|this is|that is|there is|what|why|how|whether|perhaps|arguably)\b",
    re.IGNORECASE,
)


_RELATIVE = re.compile(r"\b(?:which|who|whose|where)\b|,\s+(?:that|as)\b|\bthat (?:is|will|would|could)\b")
_RELATIVE_GATE = LiteralGate(_RELATIVE)  # a clause without "wh", "that" or "as" holds no relative pronoun
MAIN_NEGATION = re.compile(
    r"\b(?:did|does|do|has|have|had|was|were|is|are|will|would) not\b|\bnever\b|\w+n['’]t\b"
    # a withdrawn act: "has been suspended", "was later cancelled"
    r"|\b(?:been|was|were)\s+(?:later\s+|subsequently\s+)?(?:suspended|cancell?ed|scrapped|halted|terminated|frozen"
    r"|shelved|withdrawn)\b",
    re.IGNORECASE,
)
MAIN_NEGATION = _word_start(MAIN_NEGATION)
#: a sentence that opens with a condition ("If Japan signs ...", "However, if ...")
CONDITIONAL_START = re.compile(r"\s*(?:\w+,\s*)?(?:if|unless|should|were|whether)\b", re.IGNORECASE)
#: a main clause that only wants or plans ("Japan seeks partnerships ... through ...")
WANTING = re.compile(
    # "plan" after a determiner is a noun ("Under the plan, KOICA will increase ..."), not a wish
    r"\b(?:seeks?|seeking|aims?|aiming|hopes?|hoping|(?<!the )(?<!a )(?<!this )(?<!its )(?<!their )plans?|planning"
    r"|wants?|wishes|intends?|would|could|might|(?-i:may)|should)\b",
    re.IGNORECASE,
)
WANTING = _word_start(WANTING)


def has_act(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds an act verb."""
    # (not cached: the same window is asked again in 0-2 % of the calls, and a cache keyed by the text held
    # thousands of read documents in memory)
    return ACT.search(text, start, end) is not None or PLEDGE.search(text, start, end) is not None


def filtered(text: str, start: int, end: int, cue_start: int | None = None) -> str | None:
    """Why ``text[start:end]`` must not yield an engagement ('negation', 'hypothetical'), or None.

    Only the clause up to a relative pronoun counts: "an agreement which would facilitate
    transfers" reports a signed agreement.
    """
    rel = _RELATIVE.search(text, start + 1, end) if _RELATIVE_GATE.possible(text, start + 1, end) else None
    if (
        rel is not None
        and cue_start is not None
        and rel.start() <= cue_start
        and not has_act(text, start, rel.start())
    ):
        rel = None  # the cue sits in the relative clause and no act comes before it
    stop = rel.start() if rel else end
    # "gave $2 million ... so (that) families can rebuild": a modal in a purpose clause after the act
    # states what the act is for, not a hedge on it
    if text.find("so ", start, stop) >= 0 or text.find("order ", start, stop) >= 0:
        purpose = _PURPOSE.search(text, start + 1, stop)
        if purpose is not None and has_act(text, start, purpose.start()):
            stop = purpose.start()
    return _chunk_filter(text, start, stop)


#: the opening of a purpose clause ("so that", "so people can", "in order to")
_PURPOSE = re.compile(
    r"\b(?:so that|so as to|in order (?:to|that)|so (?:[\w'’-]+ ){1,3}(?:can|could|may|might|will|would))\b"
)


# a stated commitment ("Korea will contribute USD 5 million", "said it would commit $12 million"):
# a pledge, not a plan, when it carries a figure and no other hedge
# ("decided to extend emergency relief goods", "agreed to provide"): a decision taken is an act
PLEDGE = re.compile(
    r"\b(?:will|would|decided to|has decided to|agreed to|(?-i:plans?) to)\s+(?:also\s+|now\s+|further\s+)?(?:provide|give|award"
    r"|contribute|commit|fund|open|put|supply|deliver|grant|donate|offer|finance|extend|disburse|double|triple"
    r"|increase|raise|boost|allocate|spend|build|construct|establish|launch|initiate)\b"
    # the passive of the same pledge ("a further $1 million will be provided to ...")
    r"|\bwill\s+(?:also\s+|now\s+|further\s+)?be\s+(?:provided|given|awarded|contributed|granted|donated|allocated"
    r"|disbursed|extended|committed|made available|delivered|supplied)\b"
)
# a pledge to deliver a thing ("will construct a second outpost", "will initiate a new programme") is an
# announced act even without a figure; "will provide support" or "will increase" needs one
_DELIVERY = re.compile(r"(?:build|construct|establish|launch|initiate)\b")
_MONEYISH = re.compile(r"\d\s*(?:million|billion|trillion)\b|[$¥€£₩]\s?\d", re.IGNORECASE)
_BUDGET_VERB = re.compile(r"\b(?:spend|allocate|provide|give|contribute)$")
_DIGIT = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\b")
_REPORTING = re.compile(r"(?:said|says|stated|noted|told)\b", re.IGNORECASE)


def _pledge_only(chunk: str, first: re.Match[str]) -> bool:
    """True when every hedge of ``chunk`` is a pledge verb group or a reporting verb, and a figure is stated."""
    if "will" not in chunk and "would" not in chunk and "plan" not in chunk:
        return False
    found = list(PLEDGE.finditer(chunk))
    pledges = [(p.start(), p.end()) for p in found]
    if not pledges:
        return False
    # "plans to spend 36 billion won this year": a budgeted plan with its sum of money; a plan to double
    # aid by 2030 or to build a base stays a plan
    if any(p.group(0).startswith("plan") for p in found) and not (
        _MONEYISH.search(chunk)
        and all(_BUDGET_VERB.search(p.group(0)) for p in found if p.group(0).startswith("plan"))
    ):
        return False
    if _DIGIT.search(chunk) is None and not all(
        _DELIVERY.search(p.group(0)) and not p.group(0).startswith("plan") for p in found
    ):
        return False
    m: re.Match[str] | None = first
    while m is not None:
        if m.group("neg") is not None:
            return False
        if not any(a <= m.start() < b for a, b in pledges) and not _REPORTING.match(chunk, m.start()):
            return False
        m = _NEG_OR_HYPO.search(chunk, m.end())
    return True


def _chunk_filter(text: str, start: int, end: int) -> str | None:
    chunk = text[start:end]
    m = _NEG_OR_HYPO.search(chunk)
    if m is not None and (m.group("neg") is not None or NEGATION.search(chunk, m.start() + 1)):
        return "negation"
    if m is not None and _pledge_only(chunk, m) and not _CONDITION_GATE(chunk, 0, len(chunk)):
        return None
    if m is not None or _CONDITION_GATE(chunk, 0, len(chunk)):
        return "hypothetical"
    return None
