"""Every method choice of the index engine, one at a time, on the fixed ledger: the whole score,
rank and leader vectors against a reviewed expected file.

The Monte Carlo varies the data source of an indicator with alternatives, the indicator left
out, the split rule, the imputation, the normalisation, the aggregation, the roots half-life
and the amount filled in for facts without one. The whole-index test
(``tests/test_measure_whole_index.py``) sees these only through rank histograms and Sobol
indices; here each option of each choice is scored on its own (the other choices nominal),
so a change to any normaliser, imputer, split rule, roots decay, amount fill, source rotation
or to the ranking changes a number in ``tests/data/measure/choices_whole.json``.

Reviewed by hand (docs/testing.md, "measure"): the nominal row equals the index's dyad
scores; min-max rows lie in [0, 1] with each partner-year's maximum cell at 1 on a
one-indicator pillar; rank rows are competition ranks within each partner-year; leaving an
indicator out changes only the cells it observes; geometric scores are exp(mean log) - 1.
A deliberate change rewrites the file (``python tests/test_measure_choices.py``) and the diff
is reviewed like code.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from softpower.measure import run_index
from softpower.measure.engine import AGG_NAMES, IMP_NAMES, NORM_NAMES, SPLIT_RULES, Design, Model
from test_measure_whole_index import FRAMEWORK_A, _rounded, build_ledger

EXPECTED = Path(__file__).parent / "data" / "measure" / "choices_whole.json"


def _designs(model: Model) -> dict[str, Design]:
    """The nominal design, then each option of each choice with the others nominal."""
    nom = model.nominal()
    out = {"nominal": nom}

    def one(name: str, **change: Any) -> None:
        out[name] = dataclasses.replace(nom, **{k: np.asarray(v) for k, v in change.items()})

    for k in model.alt_specs:
        for rot in range(model.source_options(k)):
            src = nom.source.copy()
            src[0, k] = rot
            one(f"source[{k}]={rot}", source=src)
    for k, spec in enumerate(model.specs):
        one(f"drop={spec.name}", drop=[k])
    for i, name in enumerate(SPLIT_RULES):
        one(f"split={name}", split=[i])
    for i, name in enumerate(IMP_NAMES):
        one(f"imputation={name}", imp=[i])
    for i, name in enumerate(NORM_NAMES):
        one(f"normalisation={name}", norm=[i])
        one(f"normalisation={name},geometric", norm=[i], agg=[AGG_NAMES.index("geometric")])
    for i, hl in enumerate(model.half_lives):
        one(f"half_life={hl:g}", half_life=[i])
    for i in range(len(model.amounts)):
        one(f"amount[{i}]", amount=[i])
    return out


def whole_choices(tmp: Path) -> dict[str, Any]:
    fw = tmp / "a.yaml"
    fw.write_text(FRAMEWORK_A, encoding="utf-8")
    res = run_index(build_ledger(tmp / "w.duckdb"), framework=fw, mc=0, workers=1, partners="all")
    model: Model = res.model
    out: dict[str, Any] = {
        "cells": [
            f"{model.cells.actors[a]}-{model.cells.partners[p]}-{y}"
            for a, p, y in zip(model.cells.actor, model.cells.partner, model.cells.year, strict=True)
        ],
        "half_lives": [float(v) for v in model.half_lives],
        "amounts": [float(v) for v in model.amounts],
    }
    for name, d in _designs(model).items():
        s = model.score_one(d, 0)
        ranks, lead = model.ranks(s)
        out[name] = {
            "scores": [None if np.isnan(v) else float(v) for v in s],
            "ranks": [int(r) for r in ranks],
            "lead": [int(v) for v in lead],
            "lead_unranked": [int(v) for v in model.leaders(s)],
            "totals": model.actor_totals(s).tolist(),
        }
    return _rounded(out)  # type: ignore[no-any-return]


def test_every_choice_of_the_engine_gives_the_reviewed_scores(tmp_path: Path) -> None:
    got = whole_choices(tmp_path)
    want = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert list(got) == list(want)  # the same designs, in order
    for key in want:
        assert got[key] == want[key], key


def test_the_nominal_choice_is_the_index_itself(tmp_path: Path) -> None:
    fw = tmp_path / "a.yaml"
    fw.write_text(FRAMEWORK_A, encoding="utf-8")
    res = run_index(build_ledger(tmp_path / "w.duckdb"), framework=fw, mc=0, workers=1, partners="all")
    s = res.model.score_one(res.model.nominal(), 0)
    assert np.allclose(s[~np.isnan(s)], res.dyads["score"].to_numpy())
    # the unranked leader search agrees with the ranking's leader, block by block
    assert res.model.leaders(s).tolist() == res.model.ranks(s)[1].tolist()


if __name__ == "__main__":  # rewrite the expected file (then review its diff)
    import tempfile

    def dump(v: dict[str, Any]) -> str:
        return "{\n" + ",\n".join(f"  {json.dumps(k)}: {json.dumps(x)}" for k, x in v.items()) + "\n}\n"

    with tempfile.TemporaryDirectory() as d:
        EXPECTED.write_text(dump(whole_choices(Path(d))), encoding="utf-8")
    sys.exit(0)
