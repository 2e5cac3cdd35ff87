"""Docs that cannot drift: every command has help with an example; the curated namespace imports."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

import softpower
from softpower.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    out = [(prefix, group)]
    if hasattr(group, "commands"):
        for name, cmd in group.commands.items():
            out += _commands(cmd, (*prefix, name))
    return out


COMMANDS = _commands(typer.main.get_command(app))


def test_expected_commands_exist() -> None:
    names = {" ".join(p) for p, _ in COMMANDS}
    for contract in (
        "ledger import",
        "ledger export",
        "ledger stats",
        "ledger query",
        "extract",
        "index",
        "simulate",
        "calibrate",
        "sensitivity",
        "report",
        "serve",
    ):
        assert contract in names, f"missing command: softpower {contract}"


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=[" ".join(p) or "softpower" for p, _ in COMMANDS])
def test_every_command_has_help_with_example(path: tuple[str, ...], cmd: Any) -> None:
    res = CliRunner().invoke(app, [*path, "--help"])
    assert res.exit_code == 0, res.output
    assert (cmd.help or "").strip(), f"softpower {' '.join(path)} has no help text"
    assert "Example" in res.output and "softpower" in res.output.split("Example", 1)[1]


def test_namespace() -> None:
    for name in softpower.__all__:
        assert hasattr(softpower, name)
    from softpower import ledger, records

    for module in (ledger, records):
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name}"


def test_python_dash_m_works() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "softpower", "--help"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0 and "ledger" in res.stdout


def test_readme_quick_start_is_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```(?:sh|bash)?\n(.*?)```", text, re.S)
    assert block is not None
    assert [line.strip() for line in block.group(1).strip().splitlines()] == ["make run", "make test"]


def test_readme_cli_examples_name_real_commands() -> None:
    names = {" ".join(p) for p, _ in COMMANDS}
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shell = "\n".join(re.findall(r"```sh\n(.*?)```", text, re.S))
    for line in re.findall(r"^softpower ([a-z][a-z -]*?)(?: [-A-Z0-9./\"]|$)", shell, re.M):
        words = line.split()
        assert " ".join(words[:2]) in names or words[0] in names, line
