"""Plain names for the codes a person reads: countries, groups, instruments, power types, strategies.

Every figure, table and page of the report and the dashboard shows a name and keeps the
code for hover (``title`` attributes) and for exports. Names come from the project's
reference tables (:mod:`softpower.records.vocab`, the shipped strategies and the index
framework) and from pycountry; indicator metrics and index pillars without a table entry are
spelled out from their code (``students_hosted`` → "Students hosted").
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import pycountry

from softpower.records import vocab

#: Short names for groups whose reference name is a description.
_GROUP_SHORT = {
    "ASEAN": "ASEAN",
    "ASEAN6": "ASEAN-6 (older members)",
    "CLMV": "CLMV (Cambodia, Laos, Myanmar, Vietnam)",
    "WORLD": "Worldwide",
    "APT": "ASEAN Plus Three",
    "PIC": "Pacific Island countries",
}
_COUNTRY_EXTRA = {"XKX": "Kosovo", "TWN": "Taiwan"}


@cache
def _countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None)
        if not name:
            name = c.name
            if ", " in name:  # "Micronesia, Federated States of"
                name = getattr(c, "official_name", None) or name
        out[c.alpha_3] = name
    out.update(_COUNTRY_EXTRA)
    return out


def _humanise(code: str) -> str:
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _text(code: Any) -> str | None:
    if code is None or (isinstance(code, float) and pd.isna(code)) or code is pd.NA:
        return None
    return str(code)


def state(code: Any) -> str:
    """Name of a country or group code (``COK`` → "Cook Islands", ``APT`` → "ASEAN Plus Three").

    Joint leaders (``JPN+KOR``) are named one by one; an unknown code is returned as it is.
    """
    c = _text(code)
    if c is None:
        return ""
    if "+" in c:
        return " + ".join(state(p) for p in c.split("+"))
    if c in _countries():
        return _countries()[c]
    if c in _GROUP_SHORT:
        return _GROUP_SHORT[c]
    groups = vocab.group_codes()
    if c in groups:
        return groups[c].split(" (")[0]
    return c


def states(codes: Any) -> str:
    """Names of a list of codes, joined with commas."""
    if codes is None or isinstance(codes, float):
        return ""
    if isinstance(codes, str):
        codes = codes.split()
    return ", ".join(state(c) for c in codes)


def instrument(code: Any) -> str:
    """Name of an instrument (``oda_grant`` → "ODA grant")."""
    c = _text(code)
    if c is None:
        return ""
    found = vocab.instruments().get(c)
    return found.label if found else _humanise(c)


def power_type(code: Any) -> str:
    """Name of a power type (``smart`` → "Smart (doux)")."""
    c = _text(code)
    if c is None:
        return ""
    return vocab.power_types().get(c, _humanise(c))


@cache
def _strategies() -> dict[str, str]:
    text = resources.files("softpower").joinpath("data/sim_strategies.csv").read_text(encoding="utf-8")
    return {r["strategy"]: r["description"].split(":")[0] for r in csv.DictReader(text.splitlines())}


def strategy(code: Any) -> str:
    """Name of a donor strategy (``china-four-level`` → "China's four levels")."""
    c = _text(code)
    if c is None:
        return ""
    return _strategies().get(c, _humanise(c.replace("-", " ")))


@cache
def _labels() -> dict[tuple[str, str], str]:
    """Labels of metrics, pillars, index inputs and result metrics (``report/assets/labels.csv``)."""
    text = resources.files("softpower.report").joinpath("assets/labels.csv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], str] = {}
    for i, r in enumerate(csv.DictReader(text.splitlines()), start=2):
        key = (r["kind"], r["code"])
        if key in out:
            raise ValueError(f"labels.csv:{i}: {r['kind']} {r['code']!r} listed twice")
        out[key] = r["label"]
    return out


def metric(code: Any) -> str:
    """Name of an indicator metric or perception measure (``students_hosted`` → "Students hosted")."""
    c = _text(code)
    if c is None:
        return ""
    return _labels().get(("metric", c), _humanise(c))


def pillar(code: Any) -> str:
    """Name of an index pillar (``smart_cooperation`` → "Smart cooperation")."""
    c = _text(code)
    if c is None:
        return ""
    return _labels().get(("pillar", c), _humanise(c))


def index_input(code: Any) -> str:
    """Name of an index input of the framework (``count:smart`` → "Smart-power engagements (count)")."""
    c = _text(code)
    if c is None:
        return ""
    if "|" in c:  # alternatives: the first source that observes the cell supplies it
        return " or ".join(dict.fromkeys(index_input(x) for x in c.split("|")))
    if ("input", c) in _labels():
        return _labels()[("input", c)]
    family, _, rest = c.partition(":")
    if family in ("count", "usd", "roots") and rest:
        what = {
            "count": "engagements (count)",
            "usd": "engagement amounts (constant USD)",
            "roots": "accumulated engagement (roots)",
        }[family]
        return f"{power_type(rest)} {what}"
    if family in ("indicator", "perception") and rest:
        return metric(rest)
    return _humanise(c)


def result_metric(code: Any) -> str:
    """Name of a simulated result metric (``trust`` → "Trust")."""
    c = _text(code)
    if c is None:
        return ""
    return _labels().get(("result", c), _humanise(c))


def kind(code: Any) -> str:
    """Name of a record kind."""
    c = _text(code)
    return "" if c is None else _labels().get(("kind", c), _humanise(c))


#: Column → naming function, for tables that gain a ``<column>_name`` beside the code.
NAMERS = {
    "actor": state,
    "donor": state,
    "partner": state,
    "leader": state,
    "runner_up": state,
    "instrument": instrument,
    "power_type": power_type,
    "metric": metric,
    "measure": metric,
    "pillar": pillar,
    "strategy": strategy,
}


def with_names(frame: pd.DataFrame, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """``frame`` with a ``<column>_name`` column after each coded column (codes kept for exports)."""
    out = frame.copy()
    for col in list(frame.columns):
        if col not in NAMERS or (columns is not None and col not in columns):
            continue
        namer = NAMERS[col]
        uniq = {v: namer(v) for v in out[col].dropna().unique()}
        out.insert(list(out.columns).index(col) + 1, f"{col}_name", out[col].map(uniq))
    return out


def all_states() -> dict[str, str]:
    """Every country and group code with its name."""
    out = dict(_countries())
    out.update({g: state(g) for g in vocab.group_codes()})
    return out
