"""The learned step of the extractor: decide instruments, propose missed acts, attach confidence.

After the rules have read a document (spans, actors, partners, money and dates stay exact), one
batched call per model scores the sentences that need it:

1. **Act proposal.** A sentence that names an actor and a partner but for which the rules gave no
   engagement is scored by the *act* model; above the shipped threshold it becomes an engagement
   (the sentence's actor and partners, its first unbooked amount, its first year and, under
   ``propose_cue``, the instrument the rules' cue table reads in it). Such a sentence
   is scored by the *recall* model as well (:mod:`softpower.extract.learned.recall`, fitted on
   annotated running text) and becomes an engagement at or above its threshold where it states an
   amount or a year, at or above its ``bare_threshold`` where it states neither (a visit, a meeting,
   a deployment, an item of a package) and does not lead into a list.
2. **Instrument.** Every engagement's sentence is scored by the *instrument* model; the model's
   class replaces the rule's where the shipped policy says so (``policy`` in the model's metrics:
   chosen on the frozen dev split, never on the evaluation set).
3. **Confidence.** Each record carries ``confidence``. For engagements the raw score is the
   model's probability of the instrument it ends with (times the act probability for proposed
   acts), or, where the policy keeps the rule's instrument, the engagement precision on the
   development gold; it is mapped through an isotonic calibration fitted on the frozen dev split
   (probability that the instrument is right). Indicators and perceptions carry their kind's
   precision on the development gold (``kind_precision``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from softpower.extract.alternation import LiteralGate
from softpower.extract.context import Sentence
from softpower.extract.engagements import choose_cues, make_record, security_held
from softpower.extract.entities import DONORS, donor_states
from softpower.extract.learned.model import SENTENCE_SEP
from softpower.extract.learned.weights import (
    DECIDING,
    FINANCE,
    GENERIC,
    RESIDUAL,
    Models,
    first_of_kind,
    load_models,
)
from softpower.extract.money import find_money
from softpower.extract.rules import CONDITION, NEGATION, find_cues


@dataclass
class SentenceInfo:
    """What the learned step needs of one sentence the rules read."""

    sent: Sentence
    has_record: bool  # the rules gave it an engagement or a perception (an indicator alone does not count)
    counted: bool = False  # its only records are counts that an act verb governs: the act is proposed too
    level: bool = False  # its only money is an aid level or total it states: no act is proposed


_WORD = re.compile(r"\b[a-z]{2,}\b")
#: modal, conditional, planned or hoped-for statements: not acts (for the sentence a document's fallback
#: proposes; "Japan hopes to conclude an economic partnership agreement"); a wish stated in the past or as a
#: desire is an aim too ("he hoped to develop the strategic partnership", "expressed his desire to work with",
#: "is looking forward to visiting")
_UNREAL = re.compile(
    r"(?i)\b(?:could|might|shall|plans? to|intends? to|hop(?:es?|ing|ed)|wish(?:es|ing)?|seek(?:s|ing)?|wants?|aspir\w+"
    r"|desires? to|desired to|look(?:s|ed|ing)? forward to"
    r"|considering|(?:is|are) expected to|set to|going to"
    r"|is to|are to|yet to|if|unless|whether|next (?:year|month|week)|in the coming (?:year|month)s?)\b"
)


#: a cancellation of debt is an act (debt relief, a grant in AidData's coding and the importer's mapping),
#: not the negation of one: "China cancelled $66 million of Ghana's debt"
_DEBT_RELIEF = re.compile(
    r"(?i)\bcancel\w*\W+(?:(?!and\b|but\b)\S+\W+){0,6}?debts?\b|\bdebts?\W+(?:\S+\W+){0,3}?cancel\w*"
)


_NEGATION = LiteralGate(NEGATION)
# the same yes/no scans as CONDITION.search and _UNREAL.search, behind a literal pre-check
_CONDITION = LiteralGate(CONDITION)
_UNREAL_GATE = LiteralGate(_UNREAL)


def _negated(text: str, start: int, end: int) -> bool:
    """A negation word in the sentence other than the "cancel" of a debt cancellation."""
    if not _NEGATION.possible(text, start, end):
        return False  # no negation word can occur (a literal pre-check)
    relief = [m.span() for m in _DEBT_RELIEF.finditer(text, start, end)]
    return any(
        not (m.group(0).lower().startswith("cancel") and any(a <= m.start() < b for a, b in relief))
        for m in NEGATION.finditer(text, start, end)
    )


def _real(text: str, start: int, end: int) -> bool:
    """No negation (a debt cancellation is not one), condition or modal/planned wording, and not a
    question ("Will India extend a credit line to the Maldives?"): the sentence can state an act that
    happened."""
    return not (
        text[start:end].rstrip().endswith("?")
        or _negated(text, start, end)
        or _CONDITION(text, start, end)
        or _UNREAL_GATE(text, start, end)
    )


def _prose(text: str, start: int, end: int) -> bool:
    """At least three distinct lower-case words: a statement, not a list of names or figures."""
    seen: set[str] = set()
    for m in _WORD.finditer(text, start, min(end, start + 400)):
        seen.add(m.group(0))
        if len(seen) >= 3:
            return True
    return False


def _actor(sent: Sentence) -> str | None:
    """The sentence's grammatical actor, else the first donor state named in it ("Bank of China
    signed a $100 million credit facility ...": the state of the financier)."""
    if sent.actor is not None:
        return sent.actor
    for m in sent.mentions:
        if m.iso in DONORS and m.kind != "place":
            return m.iso
    return None


def _at_home(sent: Sentence, actor: str) -> bool:
    """The sentence names a place in the actor's own state ("Japan funded the Association ... in
    Tokyo"): a domestic act, not an engagement with another state."""
    return any(m.iso == actor and m.kind == "place" for m in sent.mentions)


def _partners(sent: Sentence, actor: str, named: dict[str, tuple[int, int]], at_least: int = 2) -> list[str]:
    """The other states of the sentence, else the state the document names most (at least
    ``at_least`` times)."""
    own = [c for c in sent.partners if c != actor]
    if own:
        return own
    others = [(n, i, iso) for iso, (n, i) in named.items() if iso != actor and n >= at_least]
    return [max(others)[2]] if others else []


def refine(
    doc: str,
    text: str,
    records: list[dict[str, Any]],
    sentences: list[SentenceInfo],
    models: Models | None = None,
    named: dict[str, tuple[int, int]] | None = None,
) -> list[dict[str, Any]]:
    """Apply the learned models (default: the shipped ones) to the rule records of one document."""
    models = models if models is not None else load_models()
    if models is None:
        return records
    out = list(records)
    engaged = any(r["kind"] == "engagement" for r in records)
    proposals = _propose(doc, text, sentences, models, named or {}, engaged)
    if proposals:
        out = sorted(out + proposals, key=lambda r: (r["span"][0], r["span"][1]))
    _instruments(text, out, sentences, models)
    _donor_direction(out)
    return out


def attach_confidence(text: str, records: list[dict[str, Any]], models: Models) -> None:
    """Give every final record its ``confidence`` (after the consistency steps, so the calibrator
    reads the record as it is written): the raw score the learned step left (``_raw``), else the
    kind's development-gold precision, through the shipped calibration."""
    for r, first in zip(records, first_of_kind(records), strict=True):
        raw = r.pop("_raw", None)
        r["confidence"] = round(models.confidence(r, raw, first), 3)
        if models.keep_raw:  # training: the calibrator's input
            r["_model_raw"] = raw


#: development-finance instruments a donor power gives and its partner receives
GIVEN = frozenset(
    {"oda_loan", "oda_grant", "technical_cooperation", "people_exchange", "cultural_institution"}
)


def _donor_direction(records: list[dict[str, Any]]) -> None:
    """A loan, grant, technical cooperation, scholarship or cultural institution is given by the
    donor power of the pair: where the actor is a state outside the donor powers and exactly one
    donor power is among its partners ("Ukraine reached an agreement with China on a credit",
    "Zambia's ministers signed the agreements with their Chinese counterparts"), the donor is the
    actor and the other state a partner. Relief and health aid are left as read (states outside the
    donor powers do send them to donors). An actor that is itself a donor state ("Australia funded a
    cable for Solomon Islands to lock out a Chinese firm") gives its own aid and keeps it."""
    givers = donor_states()
    for r in records:
        actor = r.get("actor")
        if r["kind"] != "engagement" or r.get("instrument") not in GIVEN or actor is None or actor in givers:
            continue
        partners = list(r.get("partners") or [])
        donors = [p for p in partners if p in DONORS]
        if len(donors) == 1:
            r["actor"] = donors[0]
            r["partners"] = [actor] + [p for p in partners if p not in (actor, donors[0])]


def _propose(
    doc: str,
    text: str,
    sentences: list[SentenceInfo],
    models: Models,
    named: dict[str, tuple[int, int]],
    engaged: bool,
) -> list[dict[str, Any]]:
    """Engagements for sentences the rules left without one, where the act model is confident
    (``act_threshold``). A document in which neither the rules nor these proposals found any act
    (``engaged`` False) gets its most probable act sentence when that reaches
    ``fallback_threshold``; there a state named once in the document may be the partner."""
    cands: list[tuple[Sentence, str, list[str], bool]] = []
    # candidates whose act verb governs a counted object: proposed at any probability
    counted: set[int] = set()
    fallback = models.fallback_threshold is not None and not engaged
    for s in sentences:
        if s.has_record or s.level:
            continue
        actor = _actor(s.sent)  # the cheap test first: most sentences without a record name no actor
        if (
            actor is None
            or not _prose(text, s.sent.start, s.sent.end)
            or not _real(text, s.sent.start, s.sent.end)
        ):
            continue
        partners = _partners(s.sent, actor, named)
        if partners:
            if s.counted:
                counted.add(len(cands))
            cands.append((s.sent, actor, partners, True))
        elif fallback:
            # the document's fallback: a state named once may be the partner; with no other state
            # named at all, the act goes to WORLD (the rules' convention for a specific act without
            # a named partner): under ``fallback_world`` "costed" only where the sentence states
            # an amount; under "donor" also an uncosted act of a donor power, which gives aid to
            # others ("the Chinese Government issued a buyer's credit loan for the Sadaf
            # Petrochemical Project"; not "The medical teams trained 160 Solomon Island nurses",
            # nor an act at home: "Japan funded the Association ... in Tokyo")
            loose = _partners(s.sent, actor, named, at_least=1)
            if (
                not loose
                and not any(iso != actor for iso in named)
                and (
                    (models.fallback_world == "donor" and actor in DONORS and not _at_home(s.sent, actor))
                    or find_money(text, s.sent.start, s.sent.end)
                )
            ):
                loose = ["WORLD"]
            if loose:
                cands.append((s.sent, actor, loose, False))
    if not cands:
        return []
    texts = [text[s.start : s.end] for s, _, _, _ in cands]
    p_act = models.act_probability(texts)
    chosen = [
        i
        for i, (c, p) in enumerate(zip(cands, p_act, strict=True))
        if c[3] and (p >= models.act_threshold or i in counted)
    ]
    if models.recall is not None:
        # running text: the recall model (fitted on annotated releases, fact sheets and essays)
        # proposes the sentences with an actor, a partner and a figure of their own that it reads
        # as acts (the gate and threshold chosen on the grouped CV of benchmarks/real_cv.py)
        # and, at ``bare_threshold``, those that state neither an amount nor a year (a visit, a meeting,
        # a deployment, an item of a package), unless they lead into a list; of these only the ones the
        # act model reads at ``bare_act_floor`` or more are scored (most are far below: the cost)
        bare = models.recall.bare_threshold
        floor = models.recall.bare_act_floor
        own = [(i, _states_figure(text, c[0])) for i, c in enumerate(cands) if c[3] and i not in chosen]
        own = [
            (i, fig)
            for i, fig in own
            if fig or (bare is not None and p_act[i] >= floor and not _leads_list(text, cands[i][0]))
        ]
        p_rec = models.recall.probability_in(text, [(cands[i][0].start, cands[i][0].end) for i, _ in own])
        for (i, fig), p in zip(own, p_rec, strict=True):
            if p >= (models.recall.threshold if fig else float(bare or 0.0)):
                chosen.append(i)
                p_act[i] = max(float(p_act[i]), p)
        chosen.sort()
    if not chosen and fallback:
        real = [i for i, c in enumerate(cands) if _real(text, c[0].start, c[0].end)]
        best = max(real, key=lambda i: (p_act[i], -i), default=None)
        if best is not None and p_act[best] >= float(models.fallback_threshold or 0.0):
            chosen = [best]
    out = []
    for i in chosen:
        sent, actor, partners, _ = cands[i]
        money = find_money(text, sent.start, sent.end)
        years = [y for y in sent.years if y.year is not None]
        rec = make_record(
            doc,
            "engagement",
            text,
            (sent.start, sent.end),
            actor=actor,
            partners=partners,
            instrument=_cue_instrument(text, sent) if models.propose_cue else None,
            year=years[0].year if years else None,
            year_end=years[0].year_end if years else None,
            amount=money[0].amount if money else None,
            currency=money[0].currency if money else None,
        )
        rec["_p_act"] = float(p_act[i])
        out.append(rec)
    return out


def _cue_instrument(text: str, sent: Sentence) -> str | None:
    """The instrument the rules' cue table reads in a sentence they left without an act (the first
    cue :func:`~softpower.extract.engagements.choose_cues` keeps), or ``None`` where it holds no cue
    or only a generic one (:data:`GENERIC`). A proposed act starts from it as a rule record does:
    the instrument model replaces a development-finance class where the policy lets it, and a class
    outside development finance read on its own cue in words that say nothing of finance stays (the
    model, fitted mostly on AidData, read "the ... Free Trade Area will enter into force" and "the
    signing of the bilateral security agreement" as diplomatic frameworks)."""
    chosen = choose_cues(find_cues(text, sent.start, sent.end), text)
    if not chosen or chosen[0].instrument in GENERIC:
        return None  # a generic cue ("signed", "infrastructure project") says nothing: the model decides
    return chosen[0].instrument


def _states_figure(text: str, sent: Sentence) -> bool:
    """The sentence states an amount of money or a year of its own, and does not lead into a list:
    what the recall model proposes
    must say how much or when ("The assistance will fund risk communication" restates an act
    recorded before it; "In 1996, the government broadened its assistance program" is one)."""
    if _leads_list(text, sent):
        return False  # a lead to a list ("... provided the following assistance in 2019:"): the items are the acts
    return any(y.year is not None for y in sent.years) or bool(find_money(text, sent.start, sent.end))


def _leads_list(text: str, sent: Sentence) -> bool:
    """The sentence ends in a colon: it leads into a list whose items are the acts."""
    return text[sent.start : sent.end].rstrip().endswith(":")


def _sentence_of(sentences: list[SentenceInfo], starts: list[int], pos: int) -> Sentence | None:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i].sent.start <= pos < sentences[i].sent.end:
        return sentences[i].sent
    return None


def _with_followers(
    text: str,
    sentences: list[SentenceInfo],
    starts: list[int],
    sent: Sentence,
    limit: int,
    before: bool = False,
) -> str:
    """The sentence and the sentences after it that state no act of their own, in the same
    paragraph, up to ``limit`` characters: the words that say what the money pays for. With
    ``before``, also the act-free sentences before it in the paragraph (the setting: "The project
    trains nurses. In 2010 China provided ...")."""
    i = bisect_right(starts, sent.start) - 1
    start, end = sent.start, sent.end
    # by index, not over slices of ``sentences``: a slice copies the rest of the document's sentences
    # for every record (time growing with the square of the document)
    if before:
        for j in range(i - 1, -1, -1):
            info = sentences[j]
            if info.has_record or end - info.sent.start > limit or "\n\n" in text[info.sent.end : start]:
                break
            start = info.sent.start
    for j in range(i + 1, len(sentences)):
        info = sentences[j]
        if info.has_record or info.sent.end - start > limit or "\n\n" in text[end : info.sent.start]:
            break
        end = info.sent.end
    return text[start:end]


def _one_pair(records: list[dict[str, Any]]) -> bool:
    """All engagements of the document join one actor to the same partners: the document states one
    act, perhaps more than once (a project description), not acts between several pairs of states."""
    pairs = {
        (r.get("actor"), tuple(sorted(r.get("partners") or []))) for r in records if r["kind"] == "engagement"
    }
    return len(pairs) == 1


def _held(text: str, r: dict[str, Any]) -> bool:
    """A security agreement the rules read on a cue ranked above the word "grant" (military aid, gear
    donated to a police force or navy): its money words name the form of that security assistance, so
    the instrument model does not turn it into a grant (:func:`softpower.extract.engagements.security_held`)."""
    return r.get("instrument") == "security_agreement" and security_held(text, r["span"][0], r["span"][1])


def _instruments(
    text: str, records: list[dict[str, Any]], sentences: list[SentenceInfo], models: Models
) -> None:
    starts = [s.sent.start for s in sentences]
    # in a short document under ``document_override`` every engagement is read (the override below
    # compares each record's own reading with the document's); elsewhere only those the policy may change
    every = models.overrides(len(text)) and _one_pair(records)
    eng = []
    contexts = []
    sents: list[Sentence | None] = []
    for r in records:
        if r["kind"] != "engagement":
            continue
        s = _sentence_of(sentences, starts, r["span"][0])
        ctx = text[s.start : s.end] if s is not None else r["quote"]
        if s is not None and models.context_chars:
            ctx = _with_followers(
                text, sentences, starts, s, models.context_chars, models.context_scope == "paragraph"
            )
        if every or (models.may_change(r.get("instrument"), ctx, len(text)) and not _held(text, r)):
            eng.append(r)
            contexts.append(ctx)
            sents.append(s)
    if not eng:
        return
    if getattr(models.instrument, "sentence_ngrams", 0):  # the record's own sentence as a block of its own
        read = [c + SENTENCE_SEP + (text[s.start : s.end] if s is not None else r["quote"])
                for r, c, s in zip(eng, contexts, sents, strict=True)]  # fmt: skip
        proba = models.instrument_proba(read)
    else:
        proba = models.instrument_proba(contexts)
    own = proba.copy()  # each record's reading of its own context (the override compares with it)
    whole = [i for i, (r, c) in enumerate(zip(eng, contexts, strict=True))
             if models.reads_document(r.get("instrument"), c, len(text))]  # fmt: skip
    document = models.instrument_proba([text])[0] if every or whole else None
    if whole and document is not None:
        # a generic record whose own words say nothing about finance, in a document short enough to
        # describe one project: the model reads the whole document (the project it describes)
        proba[whole] = document
    classes = [str(c) for c in models.instrument.classes_]
    col = {c: i for i, c in enumerate(classes)}
    # the model reads the whole sentence: where the rules found acts of different instruments in
    # one sentence ("a grant and a loan"), they were told apart by their own words; keep them
    kinds: dict[str, set[object]] = {}
    for r, ctx in zip(eng, contexts, strict=True):
        kinds.setdefault(ctx, set()).add(r.get("instrument"))
    for k, (r, ctx, row) in enumerate(zip(eng, contexts, proba.tolist(), strict=True)):
        rule = r.get("instrument")
        mixed = rule is not None and len(kinds[ctx] - {None}) > 1
        decided = not every or (models.may_change(rule, ctx, len(text)) and not _held(text, r))
        best = max(range(len(row)), key=row.__getitem__)
        p: float | None = None
        if decided:
            if rule is None or (
                not mixed and models.use_model(rule, classes[best], row[best], ctx, len(text))
            ):
                r["instrument"] = classes[best]
            # a class outside development finance the model left as the rules read it (``outside_floor``)
            # stays a rule decision, with no model score
            kept_outside = rule == r["instrument"] and rule not in FINANCE and rule not in GENERIC
            p = None if kept_outside else row[col.get(r["instrument"], best)]
        if every and decided and document is not None and len(kinds[ctx] & FINANCE) < 2:
            # one project's description: the document's development-finance reading replaces the
            # record's instrument when it reaches the policy's floor (``min_probability``, as any model
            # class must) and the whole document is more sure of its class than the
            # record's own words are of the record's instrument ("China and Kenya signed 12
            # agreements" or a restated act in a description of a loan-financed road); not where the
            # rules told two development-finance acts of one sentence apart ("a grant and a loan"),
            # nor where they read a class outside development finance by its own cue (a warship's
            # port call, a patrol: the policy leaves those to the rules) in words that say nothing of
            # finance (with ``outside_floor``, a finance-like context is decided like a generic one:
            # "China Exim Bank will provide a loan to fund the road" is not a fund contribution)
            j = max((col[c] for c in FINANCE if c in col), key=lambda i: float(document[i]))
            mine = float(own[k][col[r["instrument"]]]) if r["instrument"] in col else 0.0
            surer = float(document[j])
            keeps = models.keep_deciding and rule in DECIDING and classes[j] == RESIDUAL
            if (
                classes[j] != r["instrument"]
                and surer >= models.min_probability
                and surer > mine
                and not keeps
            ):
                r["instrument"] = classes[j]
                p = surer
        if p is None:
            r.pop("_p_act", None)
            continue  # kept by the rules, as without the override (no model score)
        r["_raw"] = p * r.pop("_p_act", 1.0)
