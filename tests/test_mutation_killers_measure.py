"""Behaviour of measure/ that mutation testing (``make mutation``) showed untested."""

from __future__ import annotations

import numpy as np
import pytest

from softpower.errors import InputError
from softpower.measure.framework import PERCEPTION_MEASURES, check_indicator
from softpower.measure.methods import aggregate_arithmetic, aggregate_geometric


def test_geometric_mean_of_units_with_some_weight_missing() -> None:
    x = np.array([[0.0, np.nan], [1.0, np.nan], [3.0, 2.0], [np.nan, np.nan]])
    w = np.array([0.3, 0.7])
    out = aggregate_geometric(x, w)
    # the present weights are renormalised, whatever they sum to (here 0.3 for the first two units)
    assert out[0] == pytest.approx(0.0)
    assert out[1] == pytest.approx(1.0)
    assert out[2] == pytest.approx(4.0**0.3 - 1.0)  # factors (3 - 0 + 1)^0.3 and (2 - 2 + 1)^0.7
    assert np.isnan(out[3])
    arith = aggregate_arithmetic(x, w)
    assert arith[:3] == pytest.approx([0.0, 1.0, 0.3 * 3.0 + 0.7 * 2.0])
    assert np.isnan(arith[3])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cheese:all", "family:selector with family in"),
        ("count:", "family:selector with family in"),
        ("count:cheese", "'all', a power type or an instrument code after the colon"),
        ("perception:joy", f"a perception measure in {PERCEPTION_MEASURES}"),
        ("indicator:Bad-Name", "a snake_case metric name"),
        ("indicator:9lives", "a snake_case metric name"),
        ("count:all|perception:joy", f"a perception measure in {PERCEPTION_MEASURES}"),
    ],
)
def test_unknown_indicator_is_one_line(name: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        check_indicator(name, "f.yaml", 7, "pillars.a.indicators")
    e = info.value
    assert (e.file, e.line, e.field) == ("f.yaml", 7, "pillars.a.indicators")
    bad = name.split("|")[-1] if "|" in name else name
    assert e.problem == f"unknown indicator {bad!r}"
    assert e.expected is not None and e.expected.startswith(expected)


def test_known_indicators_pass_and_alternatives_are_normalised() -> None:
    assert check_indicator("count:all", "f", 1, "k") == "count:all"
    assert check_indicator("perception:trust", "f", 1, "k") == "perception:trust"
    assert check_indicator("indicator:students_abroad", "f", 1, "k") == "indicator:students_abroad"
    assert check_indicator(" count:all | perception:trust ", "f", 1, "k") == "count:all|perception:trust"
