"""The glossary shown by the report and the dashboard: instruments, power types, DSPD, index terms.

Terms are read from the project's reference tables (instrument and power-type vocabularies,
group names, strategies) and from ``report/assets/glossary.csv`` (examples and definitions).
Every figure links to it (``#glossary`` in the report, ``/glossary`` on the dashboard).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from softpower.records import vocab
from softpower.report import names


@dataclass(frozen=True)
class Entry:
    """One glossary term: its anchor (``code``), the name a person reads and the explanation."""

    code: str
    term: str
    text: str


@cache
def _rows() -> tuple[dict[str, str], ...]:
    text = resources.files("softpower.report").joinpath("assets/glossary.csv").read_text(encoding="utf-8")
    rows = tuple(csv.DictReader(text.splitlines()))
    seen: set[tuple[str, str]] = set()
    for i, r in enumerate(rows, start=2):
        key = (r["section"], r["code"])
        if key in seen:
            raise ValueError(f"glossary.csv:{i}: {r['section']} {r['code']!r} listed twice")
        seen.add(key)
    return rows


def _examples(section: str) -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in _rows() if r["section"] == section}


def sections() -> list[tuple[str, str, list[Entry]]]:
    """Glossary sections as ``(anchor, title, entries)``."""
    ex = _examples("instrument")
    instruments = [
        Entry(
            f"instrument-{i.code}",
            f"{i.label} — {names.power_type(i.power_type)} power",
            f"{i.description}. {ex[i.code]['text'] if i.code in ex else ''}".strip(),
        )
        for i in vocab.instruments().values()
    ]
    descriptions = {r["code"]: r["description"] for r in _power_type_rows()}
    powers = [
        Entry(f"power-{code}", label, descriptions.get(code, ""))
        for code, label in vocab.power_types().items()
    ]
    concepts = [Entry(r["code"], r["term"], r["text"]) for r in _rows() if r["section"] == "concept"]
    pillars = [
        Entry(
            f"pillar-{p}",
            f"{names.pillar(p)} (weight {w:.2f})",
            "Inputs: " + "; ".join(names.index_input(i) for i in inputs) + ".",
        )
        for p, w, inputs in _pillars()
    ]
    st = _examples("strategy")
    strategies = [
        Entry(f"strategy-{code}", names.strategy(code), st[code]["text"] if code in st else "")
        for code in sorted(_strategy_codes())
    ]
    groups = [Entry(f"group-{g}", names.state(g), f"{g}: {name}") for g, name in vocab.group_codes().items()]
    return [
        ("terms", "Terms: DSPD, the index, rank intervals, Sobol indices, coverage", concepts),
        ("instruments", "Instruments (with examples)", instruments),
        ("power-types", "Power types", powers),
        ("pillars", "Index pillars (default framework)", pillars),
        ("groups", "Groups of states", groups),
        ("strategies", "Simulated donor strategies", strategies),
    ]


def _power_type_rows() -> list[dict[str, str]]:
    text = resources.files("softpower").joinpath("data/power_types.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _strategy_codes() -> list[str]:
    text = resources.files("softpower").joinpath("data/sim_strategies.csv").read_text(encoding="utf-8")
    return [r["strategy"] for r in csv.DictReader(text.splitlines())]


def _pillars() -> list[tuple[str, float, tuple[str, ...]]]:
    from softpower.measure.framework import load_framework

    fw = load_framework(None)
    weights = dict(fw.weights())
    return [(p.name, float(weights.get(p.name, 0.0)), tuple(p.indicators)) for p in fw.pillars]
