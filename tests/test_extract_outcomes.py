"""benchmarks/extract_outcomes.py: template documents and the step clock."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent


def _module() -> Any:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(
        "extract_outcomes", ROOT / "benchmarks" / "extract_outcomes.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_template_documents_have_the_benchmarks_shape_and_one_template() -> None:
    mod = _module()
    docs = mod.template_docs("{d} held joint naval exercises with {p} in {year}.", 3, 1)
    assert len(docs) == 3 and docs == mod.template_docs(
        "{d} held joint naval exercises with {p} in {year}.", 3, 1
    )
    body = docs[0].split("\n\n")[1:]
    assert len(body) == 12 and all(p.count("held joint naval exercises") == 5 for p in body)


def test_the_step_clock_times_the_steps_and_puts_them_back() -> None:
    from softpower.extract import pipeline
    from softpower.extract.learned import fields

    mod = _module()
    before = pipeline.build_sentence, fields.FieldModel.apply
    text = "In 2010, Japan provided a $5 million grant to Fiji. Critics argue that the aid serves Japan."
    plain = pipeline.extract_text("t.txt", text)
    with mod.StepClock() as clock:
        assert pipeline.build_sentence is not before[0]
        timed = pipeline.extract_text("t.txt", text)
    assert timed == plain  # the wrappers change no output
    assert (pipeline.build_sentence, fields.FieldModel.apply) == before
    assert set(clock.spent) <= {label for label, _, _ in mod.STEPS}
    assert clock.spent["sentence analysis"] > 0 and clock.spent["engagement rules"] > 0
