"""Scenario files: YAML, safe-loaded and validated with errors that name file, key and expectation.

A scenario states the start year, the horizon, the partners, each donor's strategy (a
shipped one, possibly changed), dated changes to strategies, shocks, parameter overrides,
the number of runs and the seed; ``lever`` says in one line the one thing a what-if changes.
``extends: NAME`` inherits a shipped scenario and
overrides its keys (``donors`` merge per donor; ``changes`` and ``shocks`` append).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from softpower import yamltext
from softpower.errors import InputError
from softpower.records.vocab import expand_partners, instruments, is_country, is_partner_code
from softpower.simulate.params import check_overrides
from softpower.simulate.strategies import SCALARS, Strategy, modified, strategies

MAX_HORIZON = 100
MAX_RUNS = 1_000_000
TOP_KEYS = (
    "description", "lever", "extends", "start_year", "horizon", "runs", "seed", "noise",
    "partners", "donors", "changes", "shocks", "parameters",
)  # fmt: skip
SHOCKS: dict[str, dict[str, float]] = {
    # type → optional numeric fields with defaults
    "withdrawal": {},
    "scale": {"factor": 1.0},
    "pandemic": {"budget_cut": 0.2, "health_boost": 1.0},
    "financial_crisis": {"budget_cut": 0.15, "aid_boost": 0.5},
}
AID_INSTRUMENTS = ("oda_grant", "oda_loan", "fund_contribution")


@dataclass(frozen=True)
class Change:
    """A dated change to a donor's strategy; ``partners`` limits PPP and equal-footing changes."""

    donor: str
    year: int
    fields: dict[str, Any]
    partners: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Shock:
    """An event: ``type`` in :data:`SHOCKS`, active in years ``start .. start + duration - 1``."""

    type: str
    start: int
    duration: int | None
    donors: tuple[str, ...] | None
    instruments: tuple[str, ...] | None
    partners: tuple[str, ...] | None
    values: dict[str, float] = field(default_factory=dict)

    def active(self, year: int) -> bool:
        """Whether the shock is in force in ``year``."""
        return year >= self.start and (self.duration is None or year < self.start + self.duration)


@dataclass(frozen=True)
class Scenario:
    """A validated scenario."""

    name: str
    description: str
    file: str
    start_year: int
    horizon: int
    runs: int
    seed: int
    noise: bool
    partners: tuple[str, ...]
    donors: dict[str, Strategy]
    partner_weights: dict[str, dict[str, float]]
    changes: tuple[Change, ...]
    shocks: tuple[Shock, ...]
    parameters: dict[str, float]
    lever: str = ""

    @property
    def years(self) -> list[int]:
        """Years of the output: the start year and every simulated year after it."""
        return list(range(self.start_year, self.start_year + self.horizon + 1))


def _dir() -> Any:
    return resources.files("softpower").joinpath("scenarios")


def list_scenarios() -> list[tuple[str, str]]:
    """Shipped scenarios as ``(name, description)``, sorted by name (baseline first)."""
    out = []
    for entry in _dir().iterdir():
        if entry.name.endswith(".yaml"):
            data = yamltext.load(entry.read_text(encoding="utf-8"), f"scenarios/{entry.name}") or {}
            out.append((entry.name[: -len(".yaml")], str(data.get("description", "")).strip()))
    return sorted(out, key=lambda t: (t[0] != "baseline", t[0]))


def _read(name_or_path: str | Path) -> tuple[str, str, dict[str, Any]]:
    """(name, file label, raw mapping) of a shipped name or a YAML path."""
    path = Path(name_or_path)
    shipped = _dir().joinpath(f"{name_or_path}.yaml")
    if isinstance(name_or_path, str) and "/" not in name_or_path and shipped.is_file():
        text, label, name = (
            shipped.read_text(encoding="utf-8"),
            f"scenarios/{name_or_path}.yaml",
            name_or_path,
        )
    elif path.is_file():
        text, label, name = path.read_text(encoding="utf-8"), str(path), path.stem
    else:
        known = ", ".join(n for n, _ in list_scenarios())
        raise InputError(
            str(name_or_path), None, None, "no such scenario file or name", f"a YAML file or one of {known}"
        )
    try:
        data = yamltext.load(text, label)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(label, line, None, "not valid YAML", "a YAML mapping") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(label, None, None, f"top level is a {type(data).__name__}", "a YAML mapping")
    return name, label, data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in base.items() if k != "lever"}  # a lever is never inherited
    for k, v in over.items():
        if k == "donors" and isinstance(v, dict) and isinstance(base.get(k), dict):
            donors = dict(base[k])
            for d, spec in v.items():
                merged = (
                    {**donors[d], **spec}
                    if isinstance(donors.get(d), dict) and isinstance(spec, dict)
                    else spec
                )
                donors[d] = merged
            out[k] = donors
        elif k in ("changes", "shocks") and isinstance(v, list) and isinstance(base.get(k), list):
            out[k] = list(base[k]) + v
        elif k == "parameters" and isinstance(v, dict) and isinstance(base.get(k), dict):
            out[k] = {**base[k], **v}
        elif k != "extends":
            out[k] = v
    return out


def _int(data: Mapping[str, Any], key: str, file: str, lo: int, hi: int, default: int | None) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise InputError(file, None, key, f"bad value {value!r}", f"an integer from {lo} to {hi}")
    return value


def _codes(value: Any, file: str, key: str, check: Any, what: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise InputError(file, None, key, f"bad value {value!r}", f"a non-empty list of {what}")
    for i, c in enumerate(items):
        if not isinstance(c, str) or not check(c):
            where = key if isinstance(value, str) else f"{key}[{i}]"
            raise InputError(file, None, where, f"unknown code {c!r}", what)
    return tuple(items)


def _partners(value: Any, file: str, key: str, year: int) -> tuple[str, ...]:
    codes = _codes(
        value, file, key, is_partner_code, "ISO 3166 alpha-3 codes or group codes (ASEAN, PIC, ...)"
    )
    return tuple(dict.fromkeys(expand_partners(codes, year)))


def _instruments(value: Any, file: str, key: str) -> tuple[str, ...]:
    names = ", ".join(instruments())
    return _codes(value, file, key, lambda c: c in instruments(), f"instrument codes ({names})")


def _donors(raw: Any, file: str) -> tuple[dict[str, Strategy], dict[str, dict[str, float]]]:
    if not isinstance(raw, dict) or not raw:
        raise InputError(file, None, "donors", "missing or empty", "a mapping of donor code to strategy")
    out: dict[str, Strategy] = {}
    weights: dict[str, dict[str, float]] = {}
    for code, spec in raw.items():
        key = f"donors.{code}"
        if not isinstance(code, str) or not is_country(code):
            raise InputError(file, None, key, f"unknown donor {code!r}", "an ISO 3166 alpha-3 country code")
        spec = {"strategy": spec} if isinstance(spec, str) else spec
        if not isinstance(spec, dict) or "strategy" not in spec:
            raise InputError(file, None, key, "no strategy", f"strategy: one of {', '.join(strategies())}")
        name = spec["strategy"]
        if name not in strategies():
            raise InputError(
                file,
                None,
                f"{key}.strategy",
                f"unknown strategy {name!r}",
                f"one of {', '.join(strategies())}",
            )
        pw = spec.get("partner_weights", {})
        if not isinstance(pw, dict):
            raise InputError(file, None, f"{key}.partner_weights", "not a mapping", "partner: weight pairs")
        for p, w in pw.items():
            if not isinstance(p, str) or not is_partner_code(p):
                raise InputError(
                    file,
                    None,
                    f"{key}.partner_weights.{p}",
                    f"unknown partner {p!r}",
                    "an ISO3 or group code",
                )
            if isinstance(w, bool) or not isinstance(w, int | float) or not math.isfinite(w) or w < 0:
                raise InputError(
                    file, None, f"{key}.partner_weights.{p}", f"bad weight {w!r}", "a number >= 0"
                )
        weights[code] = {str(p): float(w) for p, w in pw.items()}
        rest = {k: v for k, v in spec.items() if k not in ("strategy", "partner_weights")}
        out[code] = modified(strategies()[name], rest, file, key)
    return out, weights


def _changes(raw: Any, file: str, donors: Mapping[str, Strategy], years: range) -> tuple[Change, ...]:
    if not isinstance(raw, list):
        raise InputError(file, None, "changes", "not a list", "a list of dated strategy changes")
    out = []
    for i, ch in enumerate(raw):
        key = f"changes[{i}]"
        if not isinstance(ch, dict):
            raise InputError(file, None, key, "not a mapping", "donor, year and fields to change")
        donor = ch.get("donor")
        if donor not in donors:
            raise InputError(
                file,
                None,
                f"{key}.donor",
                f"unknown donor {donor!r}",
                f"one of the scenario's donors ({', '.join(donors)})",
            )
        year = ch.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or year not in years:
            raise InputError(
                file,
                None,
                f"{key}.year",
                f"bad year {year!r}",
                f"a year from {years.start} to {years.stop - 1}",
            )
        partners = _partners(ch["partners"], file, f"{key}.partners", year) if "partners" in ch else None
        fields = {k: v for k, v in ch.items() if k not in ("donor", "year", "partners")}
        if not fields:
            raise InputError(
                file, None, key, "nothing to change", f"one of {', '.join((*SCALARS, 'allocation'))}"
            )
        if "reaction" in fields:
            raise InputError(
                file,
                None,
                f"{key}.reaction",
                "cannot change over time",
                "budget, growth, ppp, equal_footing or allocation",
            )
        if partners is not None and set(fields) - {"ppp", "equal_footing"}:
            extra = ", ".join(sorted(set(fields) - {"ppp", "equal_footing"}))
            raise InputError(
                file,
                None,
                f"{key}.partners",
                f"limits only ppp and equal_footing, not {extra}",
                "a separate change without partners",
            )
        modified(donors[str(donor)], fields, file, key)  # validates every field
        out.append(Change(str(donor), year, fields, partners))
    return tuple(out)


def _shocks(raw: Any, file: str, donors: Mapping[str, Strategy], years: range) -> tuple[Shock, ...]:
    if not isinstance(raw, list):
        raise InputError(file, None, "shocks", "not a list", "a list of shocks")
    out = []
    for i, sh in enumerate(raw):
        key = f"shocks[{i}]"
        if not isinstance(sh, dict):
            raise InputError(file, None, key, "not a mapping", "a shock with type and start")
        kind = sh.get("type")
        if kind not in SHOCKS:
            raise InputError(
                file, None, f"{key}.type", f"unknown shock {kind!r}", f"one of {', '.join(SHOCKS)}"
            )
        allowed = {"type", "start", "duration", "donor", "donors", "instruments", "partners", *SHOCKS[kind]}
        for k in sh:
            if k not in allowed:
                raise InputError(
                    file, None, f"{key}.{k}", "unknown key", f"one of {', '.join(sorted(allowed))}"
                )
        start = sh.get("start")
        if isinstance(start, bool) or not isinstance(start, int) or start not in years:
            raise InputError(
                file,
                None,
                f"{key}.start",
                f"bad year {start!r}",
                f"a year from {years.start} to {years.stop - 1}",
            )
        duration = sh.get("duration")
        if duration is not None and (
            isinstance(duration, bool) or not isinstance(duration, int) or duration < 1
        ):
            raise InputError(
                file, None, f"{key}.duration", f"bad duration {duration!r}", "a whole number of years >= 1"
            )
        dval = sh.get("donors", sh.get("donor"))
        ds = None
        if dval is not None:
            ds = _codes(
                dval,
                file,
                f"{key}.donor",
                lambda c: c in donors,
                f"donors of the scenario ({', '.join(donors)})",
            )
        if kind in ("withdrawal", "scale") and ds is None:
            raise InputError(file, None, f"{key}.donor", "missing", "the donor that withdraws or scales")
        inst = _instruments(sh["instruments"], file, f"{key}.instruments") if "instruments" in sh else None
        parts = _partners(sh["partners"], file, f"{key}.partners", start) if "partners" in sh else None
        values = {}
        for k, default in SHOCKS[kind].items():
            v = sh.get(k, default)
            if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) or v < 0:
                raise InputError(file, None, f"{key}.{k}", f"bad value {v!r}", "a number >= 0")
            if k == "budget_cut" and v > 1:
                raise InputError(file, None, f"{key}.{k}", f"cut {v!r} above 1", "a share between 0 and 1")
            values[k] = float(v)
        out.append(Shock(kind, start, duration, ds, inst, parts, values))
    return tuple(out)


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Read and validate a scenario (a shipped name or a YAML file).

    Raises
    ------
    softpower.errors.InputError
        One line naming the file, the key and what was expected.
    """
    name, file, data = _read(name_or_path)
    for k in data:
        if k not in TOP_KEYS:
            raise InputError(file, None, str(k), "unknown key", f"one of {', '.join(TOP_KEYS)}")
    if "extends" in data:
        parent = data["extends"]
        if not isinstance(parent, str) or parent not in dict(list_scenarios()):
            raise InputError(file, None, "extends", f"bad value {parent!r}", "the name of a shipped scenario")
        _, _, base = _read(parent)
        if "extends" in base:
            raise InputError(
                file, None, "extends", f"{parent!r} extends another scenario", "a scenario without extends"
            )
        data = _merge(base, data)
    start = _int(data, "start_year", file, 1950, 2100, 2025)
    horizon = _int(data, "horizon", file, 1, MAX_HORIZON, 30)
    runs = _int(data, "runs", file, 1, MAX_RUNS, 200)
    seed = _int(data, "seed", file, 0, 2**63 - 1, 1)
    noise = data.get("noise", True)
    if not isinstance(noise, bool):
        raise InputError(file, None, "noise", f"bad value {noise!r}", "true or false")
    if "partners" not in data:
        raise InputError(file, None, "partners", "missing", "a list of partner codes (ISO3 or groups)")
    partners = _partners(data["partners"], file, "partners", start)
    donors, weights = _donors(data.get("donors"), file)
    for d in donors:
        if d in partners:
            raise InputError(file, None, "partners", f"{d} is also a donor", "partners distinct from donors")
    years = range(start, start + horizon)
    changes = _changes(data.get("changes", []), file, donors, years)
    shocks = _shocks(data.get("shocks", []), file, donors, years)
    params = data.get("parameters", {})
    if not isinstance(params, dict):
        raise InputError(file, None, "parameters", "not a mapping", "parameter: value pairs")
    return Scenario(
        name=name,
        description=str(data.get("description", "")).strip(),
        file=file,
        start_year=start,
        horizon=horizon,
        runs=runs,
        seed=seed,
        noise=noise,
        partners=partners,
        donors=donors,
        partner_weights=weights,
        changes=changes,
        shocks=shocks,
        parameters=check_overrides(params, file),
        lever=str(data.get("lever", "")).strip(),
    )
