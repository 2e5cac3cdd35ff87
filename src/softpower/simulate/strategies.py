"""Donor strategies as data, and the small reference tables the model reads.

A strategy (``softpower/data/sim_strategies.csv``) is a yearly budget (million constant
USD over the scenario's partners), a growth rate, the shares of PPP and equal-footing
engagement, a reaction factor (multiplies the ``rho`` parameter), and an allocation over
the 14 instruments that sums to one. Scenarios pick a strategy per donor and may change
any of its fields.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from softpower.errors import InputError
from softpower.records.vocab import instruments

STRATEGIES_FILE = "sim_strategies.csv"
SCALARS = ("budget", "growth", "ppp", "equal_footing", "reaction")
ALLOCATION_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Strategy:
    """A donor's strategy: budget, growth, PPP and equal-footing shares, reaction, allocation."""

    name: str
    description: str
    budget: float
    growth: float
    ppp: float
    equal_footing: float
    reaction: float
    allocation: dict[str, float] = field(default_factory=dict)

    def shares(self) -> list[float]:
        """Allocation in the order of :func:`softpower.records.vocab.instruments`."""
        return [self.allocation.get(k, 0.0) for k in instruments()]


def _text(name: str) -> str:
    return resources.files("softpower.data").joinpath(name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_text(name).splitlines()))


def check_scalar(key: str, value: object, file: str, where: str) -> float:
    """Validate one strategy field; raise :class:`InputError` naming ``where``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(file, None, where, f"not a number: {value!r}", "a finite number")
    v = float(value)
    if key == "budget" and v < 0:
        raise InputError(file, None, where, f"negative budget {v:g}", "a budget >= 0 (million constant USD)")
    if key in ("ppp", "equal_footing") and not 0 <= v <= 1:
        raise InputError(file, None, where, f"share {v:g} outside [0, 1]", "a share between 0 and 1")
    if key == "growth" and not -0.5 <= v <= 0.5:
        raise InputError(file, None, where, f"growth {v:g} implausible", "a yearly rate between -0.5 and 0.5")
    if key == "reaction" and v < 0:
        raise InputError(file, None, where, f"negative reaction {v:g}", "a factor >= 0")
    return v


def check_allocation(alloc: Mapping[str, object], file: str, where: str) -> dict[str, float]:
    """Validate an allocation: known instruments, non-negative shares summing to one."""
    codes = instruments()
    out: dict[str, float] = {}
    for k, v in alloc.items():
        if k not in codes:
            raise InputError(file, None, f"{where}.{k}", "unknown instrument", f"one of {', '.join(codes)}")
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) or v < 0:
            raise InputError(file, None, f"{where}.{k}", f"bad share {v!r}", "a number >= 0")
        out[k] = float(v)
    total = sum(out.values())
    if abs(total - 1.0) > ALLOCATION_TOLERANCE:
        raise InputError(
            file, None, where, f"allocation sums to {total:.6g}", "shares summing to 1 (within 1e-6)"
        )
    return out


@lru_cache(maxsize=1)
def strategies() -> dict[str, Strategy]:
    """The shipped strategies by name (validated on load)."""
    out: dict[str, Strategy] = {}
    for i, row in enumerate(_rows(STRATEGIES_FILE), start=2):
        where = f"{STRATEGIES_FILE}:{i}"
        scal = {}
        for key in SCALARS:
            try:
                scal[key] = check_scalar(key, float(row[key]), where, key)
            except ValueError:
                raise InputError(where, None, key, f"not a number: {row[key]!r}", "a number") from None
        alloc = check_allocation({k: float(row[k]) for k in instruments()}, where, "allocation")
        out[row["strategy"]] = Strategy(row["strategy"], row["description"], allocation=alloc, **scal)
    return out


def modified(base: Strategy, changes: Mapping[str, object], file: str, where: str) -> Strategy:
    """``base`` with some fields changed (scenario overrides), validated."""
    new: dict[str, object] = {}
    for key, value in changes.items():
        if key in SCALARS:
            new[key] = check_scalar(key, value, file, f"{where}.{key}")
        elif key == "allocation":
            if not isinstance(value, Mapping):
                raise InputError(
                    file, None, f"{where}.allocation", "not a mapping", "instrument: share pairs"
                )
            new[key] = check_allocation(value, file, f"{where}.allocation")
        else:
            allowed = ", ".join(("strategy", *SCALARS, "allocation", "partner_weights"))
            raise InputError(file, None, f"{where}.{key}", "unknown key", f"one of {allowed}")
    return replace(base, **new)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def allies() -> frozenset[tuple[str, str]]:
    """(donor, partner) pairs bound by a mutual-defence treaty (``sim_allies.csv``)."""
    return frozenset((r["donor"], r["partner"]) for r in _rows("sim_allies.csv"))


@lru_cache(maxsize=1)
def hedgers() -> frozenset[str]:
    """Partners named as hedgers (``sim_hedgers.csv``): their alignment is less sharp."""
    return frozenset(r["partner"] for r in _rows("sim_hedgers.csv"))


@lru_cache(maxsize=1)
def trust_priors() -> dict[str, float]:
    """Prior initial trust by donor (``*`` = any other donor), from ``sim_trust_priors.csv``."""
    return {r["donor"]: float(r["trust"]) for r in _rows("sim_trust_priors.csv")}


@lru_cache(maxsize=1)
def strategy_sources() -> dict[tuple[str, str], dict[str, str]]:
    """Where each strategy value comes from (``sim_strategy_sources.csv``): (strategy, field) → row.

    ``source`` is a seed-essay span (``<doc>[start:end]``), gold records, a dataset, or
    ``declared`` (a prior, said so); ``note`` gives the reasoning.
    """
    return {(r["strategy"], r["field"]): r for r in _rows("sim_strategy_sources.csv")}


@lru_cache(maxsize=1)
def strategy_groups() -> dict[str, dict[str, tuple[str, ...]]]:
    """Named allocations (``sim_strategy_groups.csv``): strategy → group → its instruments.

    Japan's three pillars of doux smart power and China's four levels, each a set of
    instruments; every instrument belongs to exactly one group of a strategy.
    """
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    codes = set(instruments())
    for i, r in enumerate(_rows("sim_strategy_groups.csv"), start=2):
        inst = tuple(r["instruments"].split())
        bad = [k for k in inst if k not in codes]
        if bad:
            raise InputError(
                "sim_strategy_groups.csv", i, "instruments", f"unknown {bad[0]!r}", "instrument codes"
            )
        out.setdefault(r["strategy"], {})[r["group"]] = inst
    for name, groups in out.items():
        seen = [k for ks in groups.values() for k in ks]
        if sorted(seen) != sorted(codes):
            raise InputError(
                "sim_strategy_groups.csv",
                None,
                name,
                "groups do not cover each instrument once",
                "a partition",
            )
    return out


def named_allocations(strategy: Strategy) -> dict[str, float]:
    """A strategy's budget share per named group (pillar, level); empty when it has none."""
    groups = strategy_groups().get(strategy.name, {})
    return {g: round(sum(strategy.allocation.get(k, 0.0) for k in ks), 6) for g, ks in groups.items()}
