"""Coverage: which actors, partners, years and families each source observes.

Every real dataset observes only part of the world: AidData GCOF sees China's official
finance and no other donor's; OECD DAC2A sees the DAC members' ODA and not China's; Lowy's
Global Diplomacy Index sees 65 sending states in four editions; UIS student flows keep
each country's top-10 partners only. A donor a source does not observe is **not
comparable** on that source's evidence, never zero.

The declared scope of every source is shipped as ``softpower/data/coverage.csv`` (one
loader, :func:`scopes`), one row per (source, kind, families):

``source``
    the import origin (the importer name, ``--from NAME``).
``kind``
    engagement, indicator or perception.
``families``
    space-separated globs over the instrument (engagements), metric (indicators) or
    measure (perceptions) the source reports, e.g. ``oda_*``.
``actors`` / ``partners``
    space-separated ISO alpha-3 codes, or ``*`` for every state.
``years``
    ``2009-2022``, ``2016 2017 2021 2023`` or a mix.
``missing_row``
    what a missing row means inside the scope: ``zero`` (the source lists every case, so
    no row means none) or ``unobserved`` (the source reports only some dyads — UIS top-10
    lists, survey waves, recipient-side systems — so a dyad-year is observed only where
    the ledger holds a record of it).

The functions the measures use are :func:`observed` (is actor A observed for a family
in partner P and year Y?) and :func:`comparable` (can these actors be compared there?).
Records whose origin has no declared scope (the bundled essays, extracted text, record
files) are anecdotal evidence: they observe nothing systematically.

Examples
--------
>>> cov = Coverage.load()                                    # declared scopes only
>>> cov.observed("JPN", "VNM", 2015, metric="oda_disbursement").sources
('oecd-dac2a',)
>>> cov.comparable(["CHN", "JPN"], "VNM", 2015, metric="oda_disbursement").comparable
False
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from softpower.records import vocab
from softpower.records.models import KINDS

COLUMNS = ("source", "kind", "families", "actors", "partners", "years", "missing_row", "note")
MISSING = ("zero", "unobserved")
# The ledger reads of the coverage layer, as constants read once (the origins come as one list
# parameter): the (origin, family, actor, partner, year) rows of 'unobserved' sources, the
# (origin, family, actor, year) rows of 'zero' sources, and every record's scope fields.
_SEEN = (
    "SELECT DISTINCT origin, coalesce(instrument, metric, measure), actor, p, year "
    "FROM (SELECT *, unnest(partners) AS p FROM records WHERE origin IN (SELECT unnest(?)) "
    "AND year IS NOT NULL)"
)
_HELD = (
    "SELECT DISTINCT origin, coalesce(instrument, metric, measure), actor, year FROM records "
    "WHERE origin IN (SELECT unnest(?)) AND year IS NOT NULL"
)
_BY_ORIGIN = (
    "SELECT origin, kind, coalesce(instrument, metric, measure) AS fam, actor, year, partners FROM records"
)


@dataclass(frozen=True)
class Scope:
    """The declared scope of one source for one kind and set of families."""

    source: str
    kind: str
    families: tuple[str, ...]
    actors: frozenset[str] | None  # None = every state
    partners: frozenset[str] | None
    years: frozenset[int]
    missing_row: str
    note: str

    def covers_family(self, family: str | None) -> bool:
        return family is None or any(fnmatchcase(family, g) for g in self.families)

    def covers(self, actor: str, partner: str | None, year: int | None) -> bool:
        """In the declared scope (before the observation-level check of ``unobserved`` sources)."""
        if year is None or year not in self.years:
            return False
        if self.actors is not None and actor not in self.actors:
            return False
        return partner is None or self.partners is None or partner in self.partners

    @property
    def year_text(self) -> str:
        return _years_text(self.years)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "families": " ".join(self.families),
            "actors": "*" if self.actors is None else " ".join(sorted(self.actors)),
            "partners": "*" if self.partners is None else " ".join(sorted(self.partners)),
            "years": self.year_text,
            "missing_row": self.missing_row,
            "note": self.note,
        }


def _years_text(years: Iterable[int]) -> str:
    ys = sorted(years)
    parts: list[str] = []
    i = 0
    while i < len(ys):
        j = i
        while j + 1 < len(ys) and ys[j + 1] == ys[j] + 1:
            j += 1
        parts.append(str(ys[i]) if i == j else f"{ys[i]}-{ys[j]}")
        i = j + 1
    return " ".join(parts)


def _parse_years(text: str, where: str) -> frozenset[int]:
    out: set[int] = set()
    for part in text.split():
        lo, _, hi = part.partition("-")
        try:
            a, b = int(lo), int(hi or lo)
        except ValueError:
            raise ValueError(f"{where}: years {text!r} (expected 2009-2022 or 2016 2017)") from None
        if b < a:
            raise ValueError(f"{where}: years {part!r} run backwards")
        out.update(range(a, b + 1))
    if not out:
        raise ValueError(f"{where}: no years")
    return frozenset(out)


def _parse_codes(text: str, where: str, field_name: str) -> frozenset[str] | None:
    text = text.strip()
    if text == "*":
        return None
    codes = frozenset(text.split())
    for c in codes:
        if not vocab.is_partner_code(c):
            raise ValueError(f"{where}: {field_name}: unknown code {c!r}")
    if not codes:
        raise ValueError(f"{where}: {field_name}: empty (use * for every state)")
    return codes


def parse_scopes(text: str, name: str = "coverage.csv") -> tuple[Scope, ...]:
    """Scopes from CSV text with :data:`COLUMNS`; a bad row raises ``ValueError`` naming its line."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{name}:1: missing column {missing[0]!r}")
    out: list[Scope] = []
    for i, r in enumerate(reader, start=2):
        where = f"{name}:{i}"
        if r["kind"] not in KINDS:
            raise ValueError(f"{where}: kind {r['kind']!r} (expected one of {', '.join(KINDS)})")
        if r["missing_row"] not in MISSING:
            raise ValueError(f"{where}: missing_row {r['missing_row']!r} (expected zero or unobserved)")
        fams = tuple(r["families"].split())
        if not r["source"].strip() or not fams:
            raise ValueError(f"{where}: source and families are required")
        out.append(
            Scope(
                source=r["source"].strip(),
                kind=r["kind"],
                families=fams,
                actors=_parse_codes(r["actors"], where, "actors"),
                partners=_parse_codes(r["partners"], where, "partners"),
                years=_parse_years(r["years"], where),
                missing_row=r["missing_row"],
                note=r["note"] or "",
            )
        )
    return tuple(out)


@cache
def scopes() -> tuple[Scope, ...]:
    """The shipped declared scopes (``softpower/data/coverage.csv``), plus the rows of
    ``$SOFTPOWER_COVERAGE_CSV`` when set (same columns)."""
    text = resources.files("softpower.data").joinpath("coverage.csv").read_text(encoding="utf-8")
    out = parse_scopes(text)
    extra = os.environ.get("SOFTPOWER_COVERAGE_CSV")
    if extra:
        out += parse_scopes(Path(extra).read_text(encoding="utf-8"), extra)
    return out


@dataclass(frozen=True)
class Observation:
    """Whether ``actor`` is observed for a family in ``partner`` and ``year``.

    ``sources`` are the sources that observe it (empty: not observed). ``zero_if_absent``
    lists those among them whose missing row means zero.
    """

    actor: str
    partner: str | None
    year: int | None
    family: str | None
    sources: tuple[str, ...]
    zero_if_absent: tuple[str, ...] = ()

    @property
    def observed(self) -> bool:
        return bool(self.sources)

    def __bool__(self) -> bool:
        return self.observed


@dataclass(frozen=True)
class Comparison:
    """Can ``actors`` be compared on a family in ``partner`` and ``year``?

    ``comparable`` is true only when at least one source observes every actor
    (``common_sources``); otherwise ``unobserved`` names the actors no common source
    sees and ``reason`` says so in words ("not comparable: ...").
    """

    actors: tuple[str, ...]
    partner: str | None
    year: int | None
    family: str | None
    common_sources: tuple[str, ...]
    by_actor: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def comparable(self) -> bool:
        return bool(self.common_sources)

    @property
    def unobserved(self) -> tuple[str, ...]:
        """Actors no source observes at all."""
        return tuple(a for a in self.actors if not self.by_actor.get(a))

    @property
    def reason(self) -> str:
        if self.comparable:
            return "comparable on " + ", ".join(self.common_sources)
        fam = f" for {self.family}" if self.family else ""
        where = f" in {self.partner}" if self.partner else ""
        when = f" {self.year}" if self.year is not None else " (undated)"
        seen = {a: s for a, s in self.by_actor.items() if s}
        if not seen:
            return f"not comparable: no source observes {', '.join(self.actors)}{fam}{where}{when}"
        parts = [f"{a} seen by {', '.join(s)}" for a, s in seen.items()]
        blind = [a for a in self.actors if not self.by_actor.get(a)]
        if blind:
            parts.append(f"{', '.join(blind)} by none")
        return f"not comparable{fam}{where}{when}: no source observes them all ({'; '.join(parts)})"


def _family_of(
    metric: str | None, instrument: str | None, measure: str | None
) -> tuple[str | None, str | None]:
    given = [
        (k, v) for k, v in (("indicator", metric), ("engagement", instrument), ("perception", measure)) if v
    ]
    if len(given) > 1:
        raise ValueError("give one of metric, instrument or measure")
    return given[0] if given else (None, None)


class Coverage:
    """Declared scopes, with the ledger's observations for ``unobserved``-row sources.

    Build with :meth:`load` (declared scopes only: ``unobserved`` sources then observe
    nothing, since no row is known) or :meth:`from_ledger`.
    """

    def __init__(
        self,
        declared: Sequence[Scope],
        seen: set[tuple[str, str, str, str, int]] | None = None,
        held: set[tuple[str, str, str, int]] | None = None,
    ):
        self.scopes = tuple(declared)
        # (source, family, actor, year) the ledger holds for 'zero' sources (None: declared
        # scopes only). A zero source observes a family, a year and a donor only when the
        # ledger holds some row of it with that family, in that year and of that donor (the
        # index engine's rule): a declared year without any row (PLAID before 1962) is outside
        # the data, not a year of zeros
        self._zeros_known = held is not None
        self._held_years = {(s, y) for s, _, _, y in held or ()}
        self._held_actors = {(s, a) for s, _, a, _ in held or ()}
        self._held_families = {(s, f) for s, f, _, _ in held or ()}
        # (source, family, actor, partner, year) held in the ledger, for 'unobserved' sources,
        # and its projections without the family and/or partner
        self._seen = seen or set()
        self._no_family = {(s, a, p, y) for s, _, a, p, y in self._seen}
        self._no_partner = {(s, f, a, y) for s, f, a, _, y in self._seen}
        self._actor_year = {(s, a, y) for s, _, a, _, y in self._seen}

    @classmethod
    def load(cls) -> Coverage:
        return cls(scopes())

    @classmethod
    def from_ledger(cls, ledger: Any) -> Coverage:
        """Declared scopes plus the dyad-years the ledger holds for ``unobserved`` sources."""
        declared = scopes()
        sources = sorted({s.source for s in declared if s.missing_row == "unobserved"})
        seen: set[tuple[str, str, str, str, int]] = set()
        if sources:
            rows = ledger.con.execute(_SEEN, [sources]).fetchall()
            seen = {(o, f, a, p, int(y)) for o, f, a, p, y in rows}
        zeros = sorted({s.source for s in declared if s.missing_row == "zero"})
        held: set[tuple[str, str, str, int]] = set()
        if zeros:
            rows = ledger.con.execute(_HELD, [zeros]).fetchall()
            held = {(o, f, a, int(y)) for o, f, a, y in rows}
        return cls(declared, seen, held)

    def scopes_for(self, *, kind: str | None = None, family: str | None = None) -> list[Scope]:
        return [s for s in self.scopes if (kind is None or s.kind == kind) and s.covers_family(family)]

    def _holds(self, scope: Scope, family: str | None, actor: str, partner: str | None, year: int) -> bool:
        if scope.missing_row == "zero":
            if not self._zeros_known:
                return True
            return (
                (scope.source, year) in self._held_years
                and (family is None or (scope.source, family) in self._held_families)
                and (scope.actors is None or (scope.source, actor) in self._held_actors)
            )
        src = scope.source
        if partner is None:
            if family is None:
                return (src, actor, year) in self._actor_year
            return (src, family, actor, year) in self._no_partner
        if family is None:
            return (src, actor, partner, year) in self._no_family
        return (src, family, actor, partner, year) in self._seen

    def observed(
        self,
        actor: str,
        partner: str | None,
        year: int | None,
        *,
        metric: str | None = None,
        instrument: str | None = None,
        measure: str | None = None,
        kind: str | None = None,
    ) -> Observation:
        """Is ``actor`` observed for the family (``metric``, ``instrument`` or ``measure``)
        in ``partner`` (None: anywhere) and ``year``?

        A source observes it when the actor, partner and year fall in its declared scope
        and, for a source whose missing rows are ``unobserved``, the ledger holds a record
        of that actor, partner, year and family. An undated query (``year=None``) is never
        observed. ``kind`` narrows to one record kind when no family is given.
        """
        fkind, family = _family_of(metric, instrument, measure)
        kind = fkind or kind
        hits: list[str] = []
        zeros: list[str] = []
        if year is not None:
            for s in self.scopes_for(kind=kind, family=family):
                if s.covers(actor, partner, year) and self._holds(s, family, actor, partner, year):
                    if s.source not in hits:
                        hits.append(s.source)
                    if s.missing_row == "zero" and s.source not in zeros:
                        zeros.append(s.source)
        return Observation(actor, partner, year, family, tuple(hits), tuple(zeros))

    def comparable(
        self,
        actors: Iterable[str],
        partner: str | None,
        year: int | None,
        *,
        metric: str | None = None,
        instrument: str | None = None,
        measure: str | None = None,
        kind: str | None = None,
    ) -> Comparison:
        """Can ``actors`` be compared on a family in ``partner`` and ``year``?

        Comparable when at least one source observes every one of them (different sources
        have different money bases and definitions; joining them needs a documented rule).
        """
        acts = tuple(dict.fromkeys(actors))
        by_actor = {
            a: self.observed(
                a, partner, year, metric=metric, instrument=instrument, measure=measure, kind=kind
            ).sources
            for a in acts
        }
        common: list[str] = []
        if acts:
            first = by_actor[acts[0]]
            common = [s for s in first if all(s in by_actor[a] for a in acts[1:])]
        _, family = _family_of(metric, instrument, measure)
        return Comparison(acts, partner, year, family, tuple(common), by_actor)


def observed(
    actor: str,
    partner: str | None,
    year: int | None,
    *,
    metric: str | None = None,
    instrument: str | None = None,
    measure: str | None = None,
    ledger: Any = None,
) -> Observation:
    """Module-level shortcut of :meth:`Coverage.observed` (declared scopes, plus the
    ledger's rows when ``ledger`` is given)."""
    cov = Coverage.from_ledger(ledger) if ledger is not None else Coverage.load()
    return cov.observed(actor, partner, year, metric=metric, instrument=instrument, measure=measure)


def comparable(
    actors: Iterable[str],
    partner: str | None,
    year: int | None,
    *,
    metric: str | None = None,
    instrument: str | None = None,
    measure: str | None = None,
    ledger: Any = None,
) -> Comparison:
    """Module-level shortcut of :meth:`Coverage.comparable`."""
    cov = Coverage.from_ledger(ledger) if ledger is not None else Coverage.load()
    return cov.comparable(actors, partner, year, metric=metric, instrument=instrument, measure=measure)


def coverage_table(ledger: Any = None) -> list[dict[str, Any]]:
    """One row per declared scope, checked against the ledger when given.

    Columns: the declared scope (:data:`COLUMNS`), then from the ledger ``records``,
    ``actors_seen``, ``partners_seen``, ``years_seen`` and ``outside`` (records of this
    source and family outside the declared actors or years: a declaration to fix). Origins
    in the ledger without a declared scope follow with ``missing_row`` = ``no declared
    scope`` (anecdotal evidence: they observe nothing systematically).
    """
    rows: list[dict[str, Any]] = []
    held: dict[str, list[tuple[Any, ...]]] = {}
    if ledger is not None:
        data = ledger.con.execute(_BY_ORIGIN).fetchall()
        for r in data:
            held.setdefault(r[0], []).append(r[1:])
    declared = scopes()
    for s in declared:
        row = s.as_dict()
        if ledger is not None:
            mine = [r for r in held.get(s.source, []) if r[0] == s.kind and s.covers_family(r[1])]
            row["records"] = len(mine)
            row["actors_seen"] = len({r[2] for r in mine})
            row["partners_seen"] = len({p for r in mine for p in r[4]})
            ys = sorted({int(r[3]) for r in mine if r[3] is not None})
            row["years_seen"] = f"{ys[0]}-{ys[-1]}" if ys else ""
            row["outside"] = sum(
                1
                for r in mine
                if (s.actors is not None and r[2] not in s.actors)
                or (r[3] is not None and int(r[3]) not in s.years)
            )
        rows.append(row)
    if ledger is not None:
        for origin in sorted(held):
            kinds = sorted({r[0] for r in held[origin]})
            for kind in kinds:
                if any(s.source == origin and s.kind == kind for s in declared):
                    continue
                mine = [r for r in held[origin] if r[0] == kind]
                ys = sorted({int(r[3]) for r in mine if r[3] is not None})
                rows.append(
                    {
                        "source": origin,
                        "kind": kind,
                        "families": "*",
                        "actors": " ".join(sorted({r[2] for r in mine})),
                        "partners": "",
                        "years": "",
                        "missing_row": "no declared scope",
                        "note": "anecdotal: observes nothing systematically; never makes a donor comparable",
                        "records": len(mine),
                        "actors_seen": len({r[2] for r in mine}),
                        "partners_seen": len({p for r in mine for p in r[4]}),
                        "years_seen": f"{ys[0]}-{ys[-1]}" if ys else "",
                        "outside": 0,
                    }
                )
    return rows
