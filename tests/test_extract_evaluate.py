"""The frozen AidData evaluation: metric definitions on a toy frame, and the frozen id list."""

from __future__ import annotations

import math

import pandas as pd

from softpower.extract.evaluate import INDO_PACIFIC, eval_ids, primary, score


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["gcof:1", "gcof:2", "gcdf:3"],
            "source": ["gcof", "gcof", "gcdf"],
            "text": [
                "In 2009 China provided a USD 20 million loan to Laos.",
                "China donated office equipment to Nepal.",
                "A railway in 2015.",
            ],
            "title": ["", "", ""],
            "recipients": [["LAO"], ["NPL"], ["IDN"]],
            "year": [2009, 2010, 2015],
            "amount": [20e6, float("nan"), float("nan")],
            "currency": ["USD", "", ""],
            "usd": [20e6, float("nan"), float("nan")],
            "instrument": ["oda_loan", "oda_grant", "oda_loan"],
        }
    )


def _fake(doc: str, text: str) -> list[dict[str, object]]:
    if doc == "gcof:1":
        return [
            {"kind": "engagement", "actor": "JPN", "partners": ["LAO"], "instrument": "oda_grant", "amount": None},
            {"kind": "engagement", "actor": "CHN", "partners": ["LAO"], "instrument": "oda_loan",
             "amount": 20e6, "currency": "USD", "year": 2009},
        ]  # fmt: skip
    if doc == "gcof:2":
        return [{"kind": "engagement", "actor": "CHN", "partners": ["NPL"], "instrument": "oda_loan",
                 "amount": None, "currency": None, "year": None}]  # fmt: skip
    return []


def test_primary_prefers_a_chinese_record_with_an_amount() -> None:
    recs = _fake("gcof:1", "")
    assert primary(recs) is recs[1]
    assert primary([{"kind": "indicator"}]) is None


def test_score_follows_the_documented_definitions() -> None:
    res = score(_frame(), _fake)
    assert res.n == 3
    assert math.isclose(res.no_engagement, 1 / 3)
    assert math.isclose(res.instrument_accuracy, 1 / 3)
    # oda_loan: tp 1, fp 1, fn 1 -> F1 0.5; oda_grant: tp 0 -> 0; macro 0.25
    assert math.isclose(res.instrument_macro_f1, 0.25)
    assert math.isclose(res.actor_recipient, 2 / 3)
    assert res.year_n == 2 and math.isclose(res.year, 0.5)  # "2010" is not written in the second text
    assert res.amount_n == 1 and res.amount_currency == 1.0


def test_the_frozen_evaluation_ids_are_indo_pacific_aiddata_projects() -> None:
    ids = eval_ids()
    assert len(ids) == 1927
    assert {i.split(":")[0] for i in ids} == {"gcof", "gcdf"}
    assert {"PHL", "FJI", "PAK", "MNG"} <= INDO_PACIFIC


def test_expected_calibration_error_known_answer() -> None:
    from softpower.extract.evaluate import expected_calibration_error

    pred = pd.DataFrame(
        {"gold": ["a", "a", "b", "b"], "pred": ["a", "b", "b", "b"], "confidence": [0.95, 0.95, 0.25, None]}
    )
    # bin 9: mean confidence 0.95, accuracy 0.5 (2 records); bin 2: 0.25 vs 1.0 (1 record)
    assert math.isclose(expected_calibration_error(pred), (2 * 0.45 + 1 * 0.75) / 3)
