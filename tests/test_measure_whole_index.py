"""The whole output of ``run_index`` and ``explain`` on a small fixed ledger, against expected files.

``tests/data/measure/index_whole_*.json`` hold the complete JSON object of the index (every dyad,
actor, profile, leader and Sobol row, the validity report, the audit and the meta, in order) and
the complete explanation of one partner-year, for two runs of the ledger built below:

* ``a``: nominal methods (zero imputation, min-max, user weights, arithmetic mean, the skew
  rule), every year and partner, 40 Monte Carlo draws varying the split, the aggregation, the
  data-source order of an indicator with two sources and everything else the runner draws;
* ``b``: the other nominal methods (carry-forward, z-scores, geometric mean, equal weights
  overridden by the caller, no treatment, a 4-year half-life), one year, the CLMV partners,
  third-party sources only, 20 draws;

and ``validate_whole.json`` holds, for that ledger with a second pollster, a regional public
(CLMV: one observation, its index the mean over 4 members), a pollster of two donors only and a\nwithheld Pew 2017 wave, the
whole of ``observations``, ``validate`` (every pair, per source, per donor pair, pooled, the
bootstrap interval and the summary sentence) and ``fit_weights``.

The files were written by this code and reviewed by hand (docs/testing.md, "measure"): the
ledger's fact counts, the group split (a CLMV fact on 4 members), the WORLD fact left out, the
self-reported outlier (``usd:economic`` winsorised), the leaders and their margins, the
validity verdicts and the audit's winsorising agree with the inputs. Any change to a number
(compared to 9 significant digits), a key, a row, a column order or a message fails the test;
a deliberate change of output rewrites the files (``python tests/test_measure_whole_index.py``)
and the diff is reviewed like code.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from softpower.ledger import Ledger
from softpower.measure import explain, run_index
from softpower.measure.audit import table as audit_table

DATA = Path(__file__).parent / "data" / "measure"
ACTORS = ("CHN", "JPN", "USA")
PARTNERS = ("KHM", "LAO", "MMR", "VNM", "PHL")
YEARS = (2009, 2010, 2011)
INSTRUMENTS = ("oda_grant", "technical_cooperation", "oda_loan", "health_cooperation")

FRAMEWORK_A = """name: whole-a
pillars:
  engagement: {weight: 0.6, indicators: ["count:all", {"usd:economic": 0.5}, "roots:smart"]}
  security: {weight: 0.4, indicators: ["indicator:arms_transfers|indicator:joint_exercises"]}
uncertainty:
  split: [equal, full]
  aggregation: [arithmetic, geometric]
"""

FRAMEWORK_B = """name: whole-b
imputation: carry_forward
normalisation: zscore
weighting: equal
aggregation: geometric
treatment: none
half_life: 4
half_life_range: [2, 8]
pillars:
  engagement: {indicators: ["count:economic", "usd:all", "roots:all"]}
  security: {indicators: ["indicator:arms_transfers", "perception:any"]}
uncertainty:
  normalisation: [zscore, rank]
  imputation: [carry_forward, none]
"""


def _engagement(
    actor: str, partners: list[str], instrument: str, year: int, doc: str, amount: float | None
) -> Mapping[str, Any]:
    return {
        "doc": doc, "kind": "engagement", "actor": actor, "partners": partners, "instrument": instrument,
        "year": year, "amount": amount, "currency": "USD" if amount else None,
    }  # fmt: skip


def _value(
    kind: str, actor: str, partner: str, name: str, unit: str, year: int, value: float, doc: str
) -> Mapping[str, Any]:
    key = "metric" if kind == "indicator" else "measure"
    return {"doc": doc, "kind": kind, "actor": actor, "partners": [partner], key: name, "unit": unit,
            "value": value, "year": year}  # fmt: skip


def build_ledger(path: Path) -> Path:
    """3 donors × 5 partners × 3 years: engagement spread by a fixed formula (no randomness),
    arms transfers (a 'zero' source), joint exercises for some dyads, and poll shares."""
    docs = [
        {"id": "mofa.txt", "publisher": "MOFA", "publisher_country": "CHN", "publisher_kind": "government"},
        {"id": "paper.txt", "publisher": "A paper", "publisher_country": "GBR",
         "publisher_kind": "independent_press"},
    ]  # fmt: skip
    recs: list[Mapping[str, Any]] = []
    for a, actor in enumerate(ACTORS):
        for p, partner in enumerate(PARTNERS):
            for y, year in enumerate(YEARS):
                k = (3 * a + 5 * p + 7 * y) % 11  # 0..10: no fact when 0, else 1 to 3 facts
                for j in range(1 + k % 3 if k else 0):
                    amount = None if (k + j) % 4 == 0 else 1e6 * (k + 1) * (j + 1)
                    recs.append(
                        _engagement(actor, [partner], INSTRUMENTS[(k + j) % 4], year, "paper.txt", amount)
                    )
    recs.append(
        _engagement("CHN", ["KHM"], "oda_grant", 2010, "mofa.txt", 900e6)
    )  # outlier, self-reported only
    recs.append(_engagement("JPN", ["CLMV"], "technical_cooperation", 2011, "paper.txt", 8e6))  # 4 members
    recs.append(_engagement("USA", ["WORLD"], "oda_grant", 2010, "paper.txt", 5e6))  # global: no dyad
    cells = [(a, p, y) for a in ACTORS for p in PARTNERS for y in YEARS]
    arms = [
        _value("indicator", a, p, "arms_transfers", "TIV", y, float((2 * i + 3) % 7) * 10, "sipri")
        for i, (a, p, y) in enumerate(cells)
        if i % 3 != 1
    ]
    exercises = [
        _value("indicator", a, p, "joint_exercises", "count", y, float(1 + i % 4), "mme")
        for i, (a, p, y) in enumerate(cells)
        if i % 5 == 1
    ]
    polls = [
        _value(
            "perception",
            a,
            p,
            "favourable",
            "share",
            y,
            round(0.2 + 0.1 * ((2 * i + 3 * j + k) % 7), 2),
            "pew",
        )
        for i, a in enumerate(("CHN", "USA", "JPN"))
        for j, p in enumerate(PARTNERS)
        for k, y in enumerate(YEARS)
    ]
    with Ledger.open(path) as lg:
        lg.import_records(recs, docs, origin="test", source="test")
        lg.import_records(arms, [{"id": "sipri", "title": "arms"}], origin="sipri-arms", source="test")
        lg.import_records(
            exercises, [{"id": "mme", "title": "exercises"}], origin="mme-exercises", source="test"
        )
        lg.import_records(polls, [{"id": "pew", "title": "poll"}], origin="pew-favourability", source="test")
    return path


RUNS: dict[str, tuple[str, dict[str, Any], tuple[str, int]]] = {
    "a": (FRAMEWORK_A, {"mc": 40, "seed": 3, "partners": "all"}, ("KHM", 2010)),
    "b": (
        FRAMEWORK_B,
        {
            "mc": 20,
            "seed": 5,
            "year": 2011,
            "partners": "CLMV",
            "third_party_only": True,
            "weights": {"engagement": 0.3, "security": 0.7},
        },
        ("VNM", 2011),
    ),  # fmt: skip
}


def _rounded(v: Any) -> Any:
    """``v`` with every float to 9 significant digits (NaN as the text ``nan``)."""
    if isinstance(v, float):
        return "nan" if math.isnan(v) else float(f"{v:.9g}")
    if isinstance(v, dict):
        return {k: _rounded(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_rounded(x) for x in v]
    return v


def whole_output(tmp: Path, run: str) -> dict[str, Any]:
    """The index JSON object (deterministic) and one explanation, rounded, without tmp paths."""
    text, kwargs, (partner, year) = RUNS[run]
    fw = tmp / f"{run}.yaml"
    fw.write_text(text, encoding="utf-8")
    ledger = tmp / "whole.duckdb"
    if not ledger.exists():
        build_ledger(ledger)
    res = run_index(ledger, framework=fw, workers=1, **kwargs)
    out = res.to_dict(deterministic=True)
    assert out["meta"]["framework_source"] == str(fw)
    out["meta"]["framework_source"] = f"<tmp>/{run}.yaml"
    why = explain(res, partner.lower(), year)
    out["explain"] = {"attrs": why.attrs, "rows": why.to_dict(orient="records")}
    out["audit_table"] = audit_table(res.audit).splitlines()
    return _rounded(json.loads(json.dumps(out, allow_nan=True)))  # JSON's own types, as the file has


def _dump(value: dict[str, Any]) -> str:
    """JSON with one row of a table per line, so that a reviewer reads the file as tables."""

    def block(v: Any, indent: str) -> str:
        if isinstance(v, dict) and v and not all(isinstance(x, int | float | str | None) for x in v.values()):
            inner = ",\n".join(f"{indent}  {json.dumps(k)}: {block(x, indent + '  ')}" for k, x in v.items())
            return "{\n" + inner + "\n" + indent + "}"
        if isinstance(v, list) and len(v) > 1 and all(isinstance(x, str) for x in v):  # text lines
            inner = ",\n".join(f"{indent}  {json.dumps(x, ensure_ascii=False)}" for x in v)
            return "[\n" + inner + "\n" + indent + "]"
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            inner = ",\n".join(f"{indent}  {json.dumps(x)}" for x in v)
            return "[\n" + inner + "\n" + indent + "]"
        return json.dumps(v)

    return block(value, "") + "\n"


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("whole")


@pytest.mark.parametrize("run", sorted(RUNS))
def test_the_whole_index_output_is_the_reviewed_one(tmp: Path, run: str) -> None:
    got = whole_output(tmp, run)
    want = json.loads((DATA / f"index_whole_{run}.json").read_text(encoding="utf-8"))
    assert list(got) == list(want)  # the keys, in order
    for key in want:
        assert got[key] == want[key], key


def _validity_ledger(tmp: Path) -> Path:
    """The ledger above plus a second pollster (two publics), a regional public (CLMV, one
    observation for four members) and a withheld Pew 2017 wave (never read)."""
    path = tmp / "validity.duckdb"
    if path.exists():
        return path
    build_ledger(path)
    ussc = [
        _value("perception", a, p, "trust", "share", y, v, "ussc")
        for a, p, y, v in [
            ("CHN", "KHM", 2010, 0.3), ("USA", "KHM", 2010, 0.6), ("JPN", "KHM", 2010, 0.5),
            ("CHN", "PHL", 2010, 0.2), ("USA", "PHL", 2010, 0.7), ("CHN", "PHL", 2011, 0.25),
            ("USA", "PHL", 2011, 0.65), ("CHN", "CLMV", 2011, 0.5), ("JPN", "CLMV", 2011, 0.4),
        ]
    ]  # fmt: skip
    held = [_value("perception", "CHN", "VNM", "favourable", "share", 2017, 0.5, "pew17")]
    # a third pollster, first by name, that asks about JPN and USA only: per donor pair the
    # report is still in (a, b) order, not in order of appearance
    leaders = [
        _value("perception", a, p, "influence", "share", 2011, v, "ltl")
        for a, p, v in [("JPN", "VNM", 0.6), ("USA", "VNM", 0.5), ("JPN", "LAO", 0.3), ("USA", "LAO", 0.4)]
    ]
    with Ledger.open(path) as lg:
        lg.import_records(ussc, [{"id": "ussc", "title": "survey"}], origin="ussc-survey", source="test")
        lg.import_records(held, [{"id": "pew17", "title": "poll"}], origin="pew-favourability", source="test")
        lg.import_records(
            leaders, [{"id": "ltl", "title": "survey"}], origin="listening-to-leaders", source="test"
        )
    return path


def whole_validity(tmp: Path) -> dict[str, Any]:
    """observations(), validate() over 2009-2011 and fit_weights(until 2010), rounded."""
    from softpower.measure.validate import fit_weights, observations, validate

    path = _validity_ledger(tmp)
    fw = tmp / "a.yaml"
    fw.write_text(FRAMEWORK_A, encoding="utf-8")
    res = run_index(path, framework=fw, mc=0, seed=0, workers=1, partners="all")
    obs = observations(path)
    scores = res.dyads[["actor", "partner", "year", "score"]]
    rep = validate(scores, obs, from_year=2009, to_year=2011, seed=4, draws=60)
    rep["pairs"] = rep["pairs"].to_dict(orient="records")
    fit = fit_weights(res.model, obs, 2010, candidates=12, seed=6)
    out = {
        "observations": obs.to_dict(orient="records"),
        "withheld": obs.attrs["withheld"],
        "report": rep,
        "fit": fit,
        "later_only": validate(scores, obs, from_year=2011, draws=0)["overall"],
    }
    return _rounded(json.loads(json.dumps(out, allow_nan=True)))


def test_the_whole_validity_report_is_the_reviewed_one(tmp: Path) -> None:
    got = whole_validity(tmp)
    want = json.loads((DATA / "validate_whole.json").read_text(encoding="utf-8"))
    assert list(got) == list(want)
    for key in want:
        assert got[key] == want[key], key


def whole_panel(tmp: Path) -> dict[str, Any]:
    """load_panel (both split rules, the values and the notes), engagement_panel and the
    engagement rows of the profile, for the whole ledger and with the source filters."""
    from softpower.ledger import Ledger
    from softpower.measure import engagement_panel
    from softpower.measure.panel import engagement_rows, load_panel

    path = tmp / "whole.duckdb"
    if not path.exists():
        build_ledger(path)
    with Ledger.open(path, read_only=True) as led:
        panel = load_panel(led)
        third = load_panel(led, min_sources=1, third_party_only=True)
    out = {
        "engagement": panel.engagement.to_dict(orient="records"),
        "values": panel.values.to_dict(orient="records"),
        "notes": panel.notes,
        "third_party_notes": third.notes,
        "third_party_rows": [len(third.engagement), len(third.values)],
        "engagement_rows": engagement_rows(panel).to_dict(orient="records"),
        "engagement_panel": engagement_panel(path).to_dict(orient="records"),
        "engagement_panel_two_sources": engagement_panel(path, min_sources=2).to_dict(orient="records"),
    }
    return _rounded(json.loads(json.dumps(out, allow_nan=True, default=str)))  # type: ignore[no-any-return]


def test_the_whole_panel_is_the_reviewed_one(tmp: Path) -> None:
    got = whole_panel(tmp)
    want = json.loads((DATA / "panel_whole.json").read_text(encoding="utf-8"))
    assert list(got) == list(want)
    for key in want:
        assert got[key] == want[key], key


if __name__ == "__main__":  # rewrite the expected files (then review their diff)
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for name in sorted(RUNS):
            (DATA / f"index_whole_{name}.json").write_text(
                _dump(whole_output(Path(d), name)), encoding="utf-8"
            )
        (DATA / "validate_whole.json").write_text(_dump(whole_validity(Path(d))), encoding="utf-8")
        (DATA / "panel_whole.json").write_text(_dump(whole_panel(Path(d))), encoding="utf-8")
    sys.exit(0)
