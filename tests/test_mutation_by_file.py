"""tools/mutation.py --by-file: file sub-strata of one stage, their seeded draws and the weighted table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import mutation as R  # noqa: E402


def _names() -> list[str]:
    big = [f"softpower.measure.engine.xǁModelǁ_scopes__mutmut_{i}" for i in range(1, 301)]
    small = [f"softpower.measure.scope.x_resolve__mutmut_{i}" for i in range(1, 11)]
    mid = [f"softpower.measure.x_index.x_run__mutmut_{i}" for i in range(1, 91)]  # a file named x_index
    return sorted(big + small + mid)


def _args(**kw: object) -> argparse.Namespace:
    base = {"sample": 40, "seed": 1, "min_per_file": 3, "fresh_from": None}
    return argparse.Namespace(**(base | kw))


def test_a_mutant_names_its_file() -> None:
    assert R.file_of("softpower.measure.engine.xǁModelǁ__init____mutmut_16") == "engine"
    assert R.file_of("softpower.simulate.api.x_hedging__mutmut_21") == "api"
    assert R.file_of("softpower.measure.x_index.x_run__mutmut_3") == "x_index"
    assert R.file_of("softpower.ledger.importers.pew.x_rows__mutmut_2") == "importers.pew"
    assert R.file_of("softpower.measure.x_run_index__mutmut_1") == "__init__"


def test_files_are_sampled_in_proportion_with_a_floor_and_the_same_seed_gives_the_same_draw() -> None:
    st = R.STRATA["measure"]
    draw = R.sample_by_file(st, _names(), _args())
    # 400 mutants: engine 300 -> 30, x_index 90 -> 9, scope 10 -> 1, raised to the floor of 3
    assert {f: len(v) for f, v in draw.items()} == {"engine": 30, "scope": 3, "x_index": 9}
    assert all(R.file_of(n) == f for f, v in draw.items() for n in v)
    assert draw == R.sample_by_file(st, _names(), _args())
    assert draw != R.sample_by_file(st, _names(), _args(seed=2))


def test_a_fresh_draw_leaves_out_the_earlier_sample() -> None:
    st = R.STRATA["measure"]
    first = {n for v in R.sample_by_file(st, _names(), _args()).values() for n in v}
    again = R.sample_by_file(st, _names(), _args(seed=2, sample=20, fresh_from="1:40:3"))
    picked = {n for v in again.values() for n in v}
    assert not picked & first
    assert {f: len(v) for f, v in again.items()} == {"engine": 15, "scope": 3, "x_index": 4}
    # a file smaller than the two draws together gives what is left
    tiny = R.sample_by_file(st, _names(), _args(seed=2, sample=20, min_per_file=9, fresh_from="1:40:3"))
    assert len(tiny["scope"]) == 7


def test_a_fresh_draw_leaves_out_every_earlier_sample_listed() -> None:
    st = R.STRATA["measure"]
    draws = [
        {n for v in R.sample_by_file(st, _names(), _args(seed=s, sample=40)).values() for n in v}
        for s in (1, 2)
    ]
    both = R.sample_by_file(st, _names(), _args(seed=3, sample=20, fresh_from="1:40:3,2:40:3"))
    picked = {n for v in both.values() for n in v}
    assert not picked & (draws[0] | draws[1])
    assert {f: len(v) for f, v in both.items()} == {"engine": 15, "scope": 3, "x_index": 4}
    # one draw listed leaves out that one only
    one = {
        n
        for v in R.sample_by_file(st, _names(), _args(seed=3, sample=20, fresh_from="1:40:3")).values()
        for n in v
    }
    assert not one & draws[0]


def test_the_file_table_weights_each_file_by_its_mutants() -> None:
    def row(name: str, generated: int, killed: int, survived: int) -> dict[str, object]:
        counts = {c: 0 for c in R.COLUMNS} | {"killed": killed, "survived": survived}
        return {"stratum": name, "generated": generated, "sampled": killed + survived, "counts": counts}

    r = {"stratum": "measure", "files": [row("measure/a", 900, 9, 1), row("measure/b", 100, 5, 5)]}
    text = R.file_table(r)
    lines = text.splitlines()
    assert lines[2].startswith("| measure/a ") and "10.0 %" in lines[2]
    assert lines[3].startswith("| measure/b ") and "50.0 %" in lines[3]
    # 0.9 x 10 % + 0.1 x 50 % = 14 %
    assert lines[4].startswith("| measure (weighted by file) | 1000 ") and "14.0 % [" in lines[4]


def test_a_chain_of_earlier_draws_is_left_out_as_it_was_drawn() -> None:
    st = R.STRATA["measure"]

    def picked(draw: dict[str, list[str]]) -> set[str]:
        return {n for v in draw.values() for n in v}

    first = picked(R.sample_by_file(st, _names(), _args()))
    second = picked(R.sample_by_file(st, _names(), _args(seed=2, sample=20, fresh_from="1:40:3")))
    # one --fresh-from as a string (the old form) and as a one-item list give the same draw
    assert R.sample_by_file(
        st, _names(), _args(seed=2, sample=20, fresh_from=["1:40:3"])
    ) == R.sample_by_file(st, _names(), _args(seed=2, sample=20, fresh_from="1:40:3"))
    third = picked(R.sample_by_file(st, _names(), _args(seed=3, sample=20, fresh_from=["1:40:3", "2:20:3"])))
    assert not third & first and not third & second
    # the second draw is remade as it was (without the first): drawn alone it would differ
    alone = picked(R.sample_by_file(st, _names(), _args(seed=2, sample=20)))
    assert alone != second
    assert len(third) == 15 + 3 + 4
