"""The walk-through notebook (docs/examples/walkthrough.ipynb) runs from top to bottom on the bundled records."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "examples" / "walkthrough.ipynb"


def test_walkthrough_notebook_answers_the_five_questions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOFTPOWER_LEDGER", raising=False)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = {i: c.get("outputs", []) for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    assert all(o.get("output_type") != "error" for outs in outputs.values() for o in outs)
    text = "\n".join(
        str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
        for outs in outputs.values()
        for o in outs
    )
    assert "records" in text and "Vietnam" in text and "Japan" in text
    assert "p_positive" in text and "Health cooperation" in text  # the scenario effect and the search hits
    assert os.environ.get("SOFTPOWER_LEDGER") is None
