"""Whole answers of the coverage layer (ledger/coverage.py) on one small ledger: which sources
observe an actor (every field of the Observation), whether actors are comparable (every field of
the Comparison and its sentence) and the coverage table's rows for the sources present.

The ledger holds rows of four shipped scopes, one of each kind of missing row: SIPRI (zero, every
supplier), US troops (zero, the United States only), UIS students (unobserved: only the rows
present are observed) and Pew (unobserved, a few rated countries), plus an origin without a
declared scope (anecdotal). Each expected answer follows from the scope file
(src/softpower/data/coverage.csv) and these rows, as the comments say.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from softpower.ledger import Ledger
from softpower.ledger import coverage as cov

ROWS = [
    ("sipri-arms", "USA", "VNM", "arms_transfers", 2015),
    ("sipri-arms", "RUS", "VNM", "arms_transfers", 2016),
    ("sipri-arms", "USA", "PHL", "arms_transfers", 1947),  # before SIPRI's declared 1950: outside
    ("us-troops", "USA", "JPN", "troops", 2010),
    ("us-troops", "USA", "DEU", "troops", 2010),
    ("us-troops", "JPN", "USA", "troops", 2011),  # not the declared actor: outside
    ("uis-students", "JPN", "VNM", "students_hosted", 2019),
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    path = tmp_path_factory.mktemp("cov") / "c.duckdb"
    with Ledger.open(path) as lg:
        for origin in dict.fromkeys(r[0] for r in ROWS):
            recs = [
                {
                    "doc": origin,
                    "kind": "indicator",
                    "actor": a,
                    "partners": [p],
                    "metric": m,
                    "value": 1.0,
                    "year": y,
                }
                for o, a, p, m, y in ROWS
                if o == origin
            ]
            lg.import_records(recs, origin=origin, source="t")
        pew = {"doc": "p", "kind": "perception", "actor": "CHN", "partners": ["IDN"], "measure": "favourable"}
        lg.import_records([{**pew, "value": 0.5, "year": 2010}], origin="pew-favourability", source="t")
        eng = {"doc": "x", "kind": "engagement", "instrument": "oda_grant"}
        lg.import_records(
            [
                {**eng, "actor": "JPN", "partners": ["VNM", "LAO"], "year": 2010},
                {**eng, "actor": "KOR", "partners": ["VNM"]},
            ],
            origin="file:x",
            source="t",
        )
        yield lg


S, T, U, P = "sipri-arms", "us-troops", "uis-students", "pew-favourability"

OBSERVED = [
    # actor, partner, year, family arguments -> sources, of which zero-if-absent, family
    (("USA", "VNM", 2015, {"metric": "arms_transfers"}), ((S,), (S,), "arms_transfers")),
    # a zero source of every supplier observes CHN without a row of CHN
    (("CHN", "VNM", 2015, {"metric": "arms_transfers"}), ((S,), (S,), "arms_transfers")),
    # ... but not in a year the ledger holds no row of it
    (("USA", "VNM", 2017, {"metric": "arms_transfers"}), ((), (), "arms_transfers")),
    (("USA", "JPN", 2010, {"metric": "troops"}), ((T,), (T,), "troops")),
    (("CHN", "JPN", 2010, {"metric": "troops"}), ((), (), "troops")),  # US troops: the US only
    (("JPN", "VNM", 2019, {"metric": "students_hosted"}), ((U,), (), "students_hosted")),
    (("JPN", "LAO", 2019, {"metric": "students_hosted"}), ((), (), "students_hosted")),  # no row
    (("JPN", None, 2019, {"metric": "students_hosted"}), ((U,), (), "students_hosted")),  # anywhere
    (("JPN", "VNM", 2019, {"kind": "indicator"}), ((U,), (), None)),  # any indicator family
    # kind narrows when no family is given: UIS observes JPN for indicators, not engagements
    (("JPN", "VNM", 2019, {"kind": "engagement"}), ((), (), None)),
    (("JPN", None, 2019, {}), ((U,), (), None)),
    (("JPN", "VNM", None, {"metric": "students_hosted"}), ((), (), "students_hosted")),  # undated
    (("CHN", "IDN", 2010, {"measure": "favourable"}), ((P,), (), "favourable")),
    (("USA", "IDN", 2010, {"measure": "favourable"}), ((), (), "favourable")),
    # an origin without a declared scope never observes anything
    (("JPN", "VNM", 2010, {"instrument": "oda_grant"}), ((), (), "oda_grant")),
]


@pytest.mark.parametrize(("query", "answer"), OBSERVED)
def test_observed_whole(ledger: Ledger, query: tuple, answer: tuple) -> None:  # type: ignore[type-arg]
    actor, partner, year, kw = query
    sources, zeros, family = answer
    got = cov.Coverage.from_ledger(ledger).observed(actor, partner, year, **kw)
    assert got == cov.Observation(actor, partner, year, family, sources, zeros)
    assert bool(got) is bool(sources) and got.observed is bool(sources)


COMPARABLE = [
    (
        (["USA", "CHN", "USA"], "VNM", 2015, {"metric": "arms_transfers"}),
        (("USA", "CHN"), "arms_transfers", (S,), {"USA": (S,), "CHN": (S,)}, (), "comparable on sipri-arms"),
    ),
    (
        (["USA", "CHN"], "JPN", 2010, {"metric": "troops"}),
        (
            ("USA", "CHN"),
            "troops",
            (),
            {"USA": (T,), "CHN": ()},
            ("CHN",),
            "not comparable for troops in JPN 2010: no source observes them all (USA seen by us-troops; CHN by none)",
        ),
    ),
    (
        (["CHN", "USA"], "IDN", 2010, {"measure": "favourable"}),
        (
            ("CHN", "USA"),
            "favourable",
            (),
            {"CHN": (P,), "USA": ()},
            ("USA",),
            "not comparable for favourable in IDN 2010: no source observes them all "
            "(CHN seen by pew-favourability; USA by none)",
        ),
    ),
    (
        (["KOR", "CHN"], "VNM", 2030, {"metric": "students_hosted"}),
        (
            ("KOR", "CHN"),
            "students_hosted",
            (),
            {"KOR": (), "CHN": ()},
            ("KOR", "CHN"),
            "not comparable: no source observes KOR, CHN for students_hosted in VNM 2030",
        ),
    ),
    (
        (["KOR", "CHN"], None, None, {}),
        (
            ("KOR", "CHN"),
            None,
            (),
            {"KOR": (), "CHN": ()},
            ("KOR", "CHN"),
            "not comparable: no source observes KOR, CHN (undated)",
        ),
    ),
]


@pytest.mark.parametrize(("query", "answer"), COMPARABLE)
def test_comparable_whole(ledger: Ledger, query: tuple, answer: tuple) -> None:  # type: ignore[type-arg]
    actors, partner, year, kw = query
    acts, family, common, by_actor, unobserved, reason = answer
    got = cov.Coverage.from_ledger(ledger).comparable(actors, partner, year, **kw)
    assert got == cov.Comparison(acts, partner, year, family, common, by_actor)
    assert got.comparable is bool(common)
    assert got.unobserved == unobserved
    assert got.reason == reason


def test_two_families_at_once_are_refused(ledger: Ledger) -> None:
    c = cov.Coverage.from_ledger(ledger)
    with pytest.raises(ValueError) as info:
        c.observed("USA", "VNM", 2015, metric="arms_transfers", instrument="oda_grant")
    assert str(info.value) == "give one of metric, instrument or measure"


def test_coverage_table_rows_of_the_sources_present(ledger: Ledger) -> None:
    rows = [r for r in cov.coverage_table(ledger) if r["source"] in {S, T, U, P, "file:x"}]
    keys = ("source", "kind", "families", "records", "actors_seen", "partners_seen", "years_seen", "outside")
    assert [tuple(r[k] for k in keys) for r in rows] == [
        (P, "perception", "favourable", 1, 1, 1, "2010-2010", 0),
        (S, "indicator", "arms_transfers", 3, 2, 2, "1947-2016", 1),  # 1947: before the declared 1950
        (U, "indicator", "students_hosted", 1, 1, 1, "2019-2019", 0),
        (T, "indicator", "troops", 3, 2, 3, "2010-2011", 1),  # JPN: not the declared actor
        (T, "indicator", "military_construction", 0, 0, 0, "", 0),
        (T, "indicator", "bases", 0, 0, 0, "", 0),
        ("file:x", "engagement", "*", 2, 2, 2, "2010-2010", 0),
    ]
    assert list(rows[-1]) == [
        "source", "kind", "families", "actors", "partners", "years", "missing_row", "note",
        "records", "actors_seen", "partners_seen", "years_seen", "outside",
    ]  # fmt: skip
    assert {k: rows[-1][k] for k in ("actors", "partners", "years", "missing_row", "note")} == {
        "actors": "JPN KOR",
        "partners": "",
        "years": "",
        "missing_row": "no declared scope",
        "note": "anecdotal: observes nothing systematically; never makes a donor comparable",
    }
    troops = rows[3]
    assert {k: troops[k] for k in ("actors", "partners", "years", "missing_row")} == {
        "actors": "USA",
        "partners": "*",
        "years": "1950-2007 2009-2024",
        "missing_row": "zero",
    }

    # without a ledger: the declared scopes only, no ledger columns
    bare = cov.coverage_table()
    assert len(bare) == len(cov.scopes()) and list(bare[0]) == list(keys[:3]) + [
        "actors", "partners", "years", "missing_row", "note"
    ]  # fmt: skip


def test_the_troop_counts_break_year_is_not_observed_rather_than_zero() -> None:
    c = cov.Coverage.load()
    assert c.observed("USA", "JPN", 2007, metric="troops").sources == (T,)
    assert c.observed("USA", "JPN", 2009, metric="troops").sources == (T,)
    assert c.observed("USA", "JPN", 2008, metric="troops").sources == ()


def test_module_shortcuts_use_the_ledger_only_when_given(ledger: Ledger) -> None:
    arms, students = {"metric": "arms_transfers"}, {"metric": "students_hosted"}
    # with the ledger: SIPRI holds no row of 2017, UIS holds JPN -> VNM in 2019
    assert cov.observed("USA", "VNM", 2017, ledger=ledger, **arms) == cov.Observation(
        "USA", "VNM", 2017, "arms_transfers", (), ()
    )
    assert cov.observed("JPN", "VNM", 2019, ledger=ledger, **students) == cov.Observation(
        "JPN", "VNM", 2019, "students_hosted", (U,), ()
    )
    # declared scopes only: a zero source observes its whole declared scope, an unobserved one nothing
    assert cov.observed("USA", "VNM", 2017, **arms) == cov.Observation(
        "USA", "VNM", 2017, "arms_transfers", (S,), (S,)
    )
    assert cov.observed("JPN", "VNM", 2019, **students) == cov.Observation(
        "JPN", "VNM", 2019, "students_hosted", (), ()
    )
    assert cov.comparable(["USA", "RUS"], "VNM", 2017, ledger=ledger, **arms) == cov.Comparison(
        ("USA", "RUS"), "VNM", 2017, "arms_transfers", (), {"USA": (), "RUS": ()}
    )
    assert cov.comparable(["USA", "RUS", "USA"], "VNM", 2017, **arms) == cov.Comparison(
        ("USA", "RUS"), "VNM", 2017, "arms_transfers", (S,), {"USA": (S,), "RUS": (S,)}
    )
    assert cov.comparable(["JPN"], "VNM", 2019, ledger=ledger, measure=None, **students) == cov.Comparison(
        ("JPN",), "VNM", 2019, "students_hosted", (U,), {"JPN": (U,)}
    )
    assert cov.comparable([], "VNM", 2019, **students) == cov.Comparison(
        (), "VNM", 2019, "students_hosted", (), {}
    )


def test_zero_sources_with_no_rows_held_observe_nothing() -> None:
    declared = cov.scopes()
    sipri = {"metric": "arms_transfers"}
    # held unknown (declared scopes only): the declared scope observes
    assert cov.Coverage(declared).observed("USA", "VNM", 2015, **sipri).sources == (S,)
    # held known and empty: a zero source observes no year, family or donor
    assert cov.Coverage(declared, set(), set()).observed("USA", "VNM", 2015, **sipri).sources == ()
    # a row of another family, donor or year: each condition on its own
    held = {(S, "arms_transfers", "RUS", 2015)}
    c = cov.Coverage(declared, set(), held)
    assert c.observed("USA", "VNM", 2015, **sipri).sources == (S,)  # SIPRI declares every supplier
    assert c.observed("USA", "VNM", 2016, **sipri).sources == ()  # no row in 2016
    assert c.observed("USA", "VNM", 2015, kind="indicator").sources == (S,)  # any family
    troops = {(T, "bases", "USA", 2018)}  # Vine's list of bases: 2018 only
    c = cov.Coverage(declared, set(), troops)
    assert c.observed("USA", "JPN", 2018, metric="troops").sources == ()  # a family without a row
    assert c.observed("USA", "JPN", 2018, metric="bases").sources == (T,)
    c = cov.Coverage(declared, set(), {(T, "bases", "GBR", 2018)})
    assert c.observed("USA", "JPN", 2018, metric="bases").sources == ()  # no row of the declared donor


def test_a_scope_as_a_row() -> None:
    s = cov.Scope(
        "src",
        "indicator",
        ("a_*", "b"),
        frozenset({"VNM", "LAO"}),
        frozenset({"KOR", "JPN"}),
        frozenset({2001, 2002, 2005}),
        "zero",
        "n",
    )
    assert s.as_dict() == {
        "source": "src", "kind": "indicator", "families": "a_* b", "actors": "LAO VNM", "partners": "JPN KOR",
        "years": "2001-2002 2005", "missing_row": "zero", "note": "n",
    }  # fmt: skip
    every = cov.Scope("src", "indicator", ("x",), None, None, frozenset({2001}), "unobserved", "")
    assert (every.as_dict()["actors"], every.as_dict()["partners"]) == ("*", "*")
