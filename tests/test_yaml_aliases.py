"""Scenario and framework files are plain YAML: an alias is refused on its line, before anything
is built, so a few hundred bytes of nested aliases ("billion laughs") cannot exhaust memory."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from softpower import yamltext
from softpower.errors import InputError
from softpower.measure.framework import parse_framework
from softpower.simulate.scenario import load_scenario


def _laughs(levels: int) -> str:
    """A flow list whose level k repeats level k-1 ten times by alias: 10**levels leaves."""
    node = '&l0 ["health_cooperation"' + ', "health_cooperation"' * 9 + "]"
    for k in range(1, levels + 1):
        node = f"&l{k} [{node}" + f", *l{k - 1}" * 9 + "]"
    return node


def test_an_alias_is_refused_with_its_line_and_an_anchor_alone_is_plain_data() -> None:
    refused = "f.yaml:2: an alias (*name) repeats another node (expected " + yamltext.PLAIN + ")"
    with pytest.raises(InputError) as err:
        yamltext.load("a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert str(err.value) == refused
    with pytest.raises(InputError) as err:
        yamltext.load_with_nodes("a: &x 1\nb: [*x]\n", "f.yaml")
    assert str(err.value) == refused
    # one parse gives both the data and the nodes whose marks give line numbers
    data, root = yamltext.load_with_nodes("a: 1\nb:\n  - 2\n", "f.yaml")
    assert data == {"a": 1, "b": [2]}
    assert isinstance(root, yaml.MappingNode)
    assert [(k.value, k.start_mark.line + 1) for k, _ in root.value] == [("a", 1), ("b", 2)]
    assert yamltext.load_with_nodes("", "f.yaml") == (None, None)
    # other bad YAML stays a YAML error, for the caller to word
    with pytest.raises(yaml.YAMLError):
        yamltext.load("a: [1\n", "f.yaml")
    # an anchor never used is harmless and reads as the value it names
    assert yamltext.load("a: &x [1, 2]\nb: 3\n", "f.yaml") == {"a": [1, 2], "b": 3}
    assert yamltext.load("", "f.yaml") is None


def test_a_scenario_of_nested_aliases_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    # three levels (1,000 valid instruments) so that a loader expanding aliases fails here
    # instead of hanging; by hand, eight levels (686 bytes) took 8.8 GB and 60 s before the fix
    path = tmp_path / "laughs.yaml"
    path.write_text(
        "description: laughs\nextends: baseline\nshocks:\n  - type: scale\n    donor: JPN\n"
        f"    factor: 2.0\n    start: 2026\n    instruments:\n      - {_laughs(3)}\n"
    )
    with pytest.raises(InputError) as err:
        load_scenario(str(path))
    assert str(err.value) == (
        f"{path}:9: an alias (*name) repeats another node "
        "(expected plain YAML with every value written out (no anchors or aliases))"
    )


def test_a_framework_with_an_alias_is_one_line_naming_file_and_line() -> None:
    text = "name: x\npillars:\n  economic: &p\n    weight: 1\n  smart: *p\n"
    with pytest.raises(InputError) as err:
        parse_framework(text, "fw.yaml")
    assert str(err.value) == (
        "fw.yaml:5: an alias (*name) repeats another node "
        "(expected plain YAML with every value written out (no anchors or aliases))"
    )


def test_other_bad_yaml_keeps_its_own_message(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("description: [unclosed\n")
    with pytest.raises(InputError) as err:
        load_scenario(str(path))
    assert "not valid YAML (expected a YAML mapping)" in str(err.value)
