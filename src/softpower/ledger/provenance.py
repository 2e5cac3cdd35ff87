"""Who stands behind a fact: survey sponsors and compiled dataset rows.

Two rules the ledger's ``record_sources`` view applies (migration
``0005_provenance_and_dates``), so that ``--third-party-only`` and ``--min-sources`` mean
the same on real data as on essays:

* **A survey knows its sponsor.** A perception record is matched to a registered survey
  (``softpower/data/survey_sponsors.csv``, loader :func:`survey_sponsors`) by its ``name``,
  or by design: the subject is one the survey asks about, the year is a wave, and every
  respondent country is one of its publics. A poll commissioned by the subject's own
  government is self-reported, whoever later cites it.
* **A compilation is not a witness when it names its witnesses.** A dataset row
  (document ``publisher_kind = 'dataset'``) whose fact is also stated, in the same import,
  by the sources the dataset lists (AidData's per-project source URLs) is left out of
  ``record_sources``: the fact's sources are those it cites, each with its own publisher,
  so a project known only from Xinhua or a ministry site is self-reported and a project
  cited by three outlets has three sources, not four. The row stays in ``records``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from softpower.records import vocab
from softpower.records.models import PUBLISHER_KINDS

_SPONSORS = "SELECT * FROM survey_sponsors"
_CLEAR_SPONSORS = "DELETE FROM survey_sponsors"
_INSERT_SPONSOR = "INSERT INTO survey_sponsors VALUES (?, ?, ?, ?, ?, ?, ?)"

COLUMNS = ("survey", "sponsor", "sponsor_country", "sponsor_kind", "subjects", "publics", "years", "evidence")


@dataclass(frozen=True)
class Sponsor:
    survey: str
    sponsor: str
    sponsor_country: str | None
    sponsor_kind: str
    subjects: tuple[str, ...]
    publics: tuple[str, ...]
    years: tuple[int, ...]
    evidence: str


@cache
def survey_sponsors() -> tuple[Sponsor, ...]:
    """The shipped survey registry; a bad row raises ``ValueError`` naming its line."""
    rows = vocab._read_csv("survey_sponsors")
    out: list[Sponsor] = []
    for i, r in enumerate(rows, start=2):
        where = f"survey_sponsors.csv:{i}"
        if any(c not in r for c in COLUMNS):
            raise ValueError(f"{where}: expected columns {', '.join(COLUMNS)}")
        if r["sponsor_kind"] not in PUBLISHER_KINDS:
            raise ValueError(
                f"{where}: sponsor_kind {r['sponsor_kind']!r} (expected {', '.join(PUBLISHER_KINDS)})"
            )
        country = r["sponsor_country"].strip() or None
        codes = [country] if country else []
        codes += r["subjects"].split() + r["publics"].split()
        for c in codes:
            if not vocab.is_country(c):
                raise ValueError(f"{where}: unknown country code {c!r}")
        try:
            years = tuple(int(y) for y in r["years"].split())
        except ValueError:
            raise ValueError(f"{where}: years {r['years']!r} (expected years separated by spaces)") from None
        out.append(
            Sponsor(
                r["survey"].strip(),
                r["sponsor"].strip(),
                country,
                r["sponsor_kind"],
                tuple(r["subjects"].split()),
                tuple(r["publics"].split()),
                years,
                r["evidence"],
            )
        )
    vocab._unique(({"survey": s.survey} for s in out), ("survey",), "survey_sponsors")
    return tuple(out)


def refresh_sponsors(con) -> None:  # type: ignore[no-untyped-def]
    """Replace the ledger's ``survey_sponsors`` table with the shipped registry (one transaction)."""
    rows = [
        (
            s.survey,
            s.sponsor,
            s.sponsor_country,
            s.sponsor_kind,
            list(s.subjects),
            list(s.publics),
            list(s.years),
        )
        for s in survey_sponsors()
    ]
    # the surveys are the table's primary key: compared as sets, in any row order
    if {_hashable(r) for r in con.execute(_SPONSORS).fetchall()} == {_hashable(r) for r in rows}:
        return  # unchanged: an open writes nothing
    con.begin()
    con.execute(_CLEAR_SPONSORS)
    con.executemany(_INSERT_SPONSOR, rows)
    con.commit()


def _hashable(row: tuple[object, ...]) -> tuple[object, ...]:
    return tuple(tuple(v) if isinstance(v, list) else v for v in row)
