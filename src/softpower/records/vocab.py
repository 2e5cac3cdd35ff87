"""Versioned reference tables shipped as CSV package data, one loader each.

Every loader reads ``softpower/data/<name>.csv`` through :mod:`importlib.resources`,
enforces types and uniqueness, and accepts a user override file (same columns) whose
rows replace or extend the shipped ones. Results are cached; call ``cache_clear()`` on
a loader after changing an override.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry

VOCAB_VERSION = "2026.11"

POWER_TYPES = ("economic", "smart", "soft", "diplomatic", "hard")
SMART_INSTRUMENTS = (
    "technical_cooperation",
    "science_cooperation",
    "health_cooperation",
    "disaster_cooperation",
)
HARD_INSTRUMENTS = ("security_agreement", "military_activity")


def _read_csv(name: str, override: str | os.PathLike[str] | None = None) -> list[dict[str, str]]:
    text = resources.files("softpower.data").joinpath(f"{name}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    env = os.environ.get(f"SOFTPOWER_{name.upper()}_CSV")
    extra = override or env
    if extra:
        with Path(extra).open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh))
    return rows


def _unique(rows: Iterable[dict[str, str]], key: tuple[str, ...], name: str) -> None:
    seen: set[tuple[str, ...]] = set()
    for i, row in enumerate(rows, start=2):
        k = tuple(row[c] for c in key)
        if k in seen:
            raise ValueError(f"{name}.csv:{i}: duplicate key {k}")
        seen.add(k)


@dataclass(frozen=True)
class Instrument:
    code: str
    power_type: str
    label: str
    description: str


@cache
def instruments() -> dict[str, Instrument]:
    """The instrument vocabulary: code → :class:`Instrument` (with its power type)."""
    rows = _read_csv("instruments")
    out: dict[str, Instrument] = {}
    for i, row in enumerate(rows, start=2):
        if row["power_type"] not in POWER_TYPES:
            raise ValueError(f"instruments.csv:{i}: power_type {row['power_type']!r} not in {POWER_TYPES}")
        out[row["code"]] = Instrument(row["code"], row["power_type"], row["label"], row["description"])
    return out


@cache
def power_types() -> dict[str, str]:
    """Power type code → label."""
    rows = _read_csv("power_types")
    _unique(rows, ("code",), "power_types")
    return {r["code"]: r["label"] for r in rows}


@dataclass(frozen=True)
class Membership:
    group: str
    member: str
    joined: int
    left: int | None

    def in_force(self, year: int | None) -> bool:
        if year is None:
            return self.left is None
        return self.joined <= year and (self.left is None or year < self.left)


@cache
def group_codes() -> dict[str, str]:
    """Group code → name (ASEAN, ASEAN6, CLMV, PIC, EAS, APT, EU, WORLD)."""
    rows = _read_csv("groups")
    _unique(rows, ("code",), "groups")
    return {r["code"]: r["name"] for r in rows}


@cache
def group_members() -> tuple[Membership, ...]:
    """Every (group, member, joined, left) row; WORLD is implicit (every ISO country)."""
    rows = _read_csv("group_members")
    _unique(rows, ("group", "member"), "group_members")
    known = group_codes()
    out = []
    for i, r in enumerate(rows, start=2):
        if r["group"] not in known:
            raise ValueError(f"group_members.csv:{i}: unknown group {r['group']!r}")
        if not is_country(r["member"]):
            raise ValueError(f"group_members.csv:{i}: unknown ISO alpha-3 {r['member']!r}")
        out.append(
            Membership(r["group"], r["member"], int(r["joined"]), int(r["left"]) if r["left"] else None)
        )
    return tuple(out)


def members(group: str, year: int | None = None) -> list[str]:
    """Members of ``group`` in force in ``year`` (current members when ``year`` is None)."""
    if group == "WORLD":
        return sorted(country_codes())
    if group not in group_codes():
        raise KeyError(f"unknown group {group!r}")
    return sorted(m.member for m in group_members() if m.group == group and m.in_force(year))


@cache
def partner_universe() -> tuple[str, ...]:
    """The ISO3 codes of the default partner universe (``partner_universe.csv``: every state that has
    been a member of ASEAN or of the Pacific Island countries group, plus South Asia and Mongolia),
    sorted. The index compares these partners by default (:mod:`softpower.measure.scope`); the
    extractor reads them as the states that receive."""
    text = resources.files("softpower.data").joinpath("partner_universe.csv").read_text(encoding="utf-8")
    out: set[str] = set()
    for i, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        code, kind = row["code"].strip(), row["kind"].strip()
        if kind == "group":
            if code not in group_codes():
                raise ValueError(f"partner_universe.csv:{i}: unknown group {code!r}")
            out |= {m.member for m in group_members() if m.group == code}
        elif kind == "state":
            if not is_country(code):
                raise ValueError(f"partner_universe.csv:{i}: unknown ISO alpha-3 {code!r}")
            out.add(code)
        else:
            raise ValueError(f"partner_universe.csv:{i}: kind {kind!r} is not 'group' or 'state'")
    return tuple(sorted(out))


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes known to pycountry, plus Kosovo (XKX) and Taiwan."""
    return frozenset({c.alpha_3 for c in pycountry.countries} | {"XKX"})


def is_country(code: str) -> bool:
    return code in country_codes()


def is_partner_code(code: str) -> bool:
    """True for an ISO alpha-3 country or a group code."""
    return is_country(code) or code in group_codes()


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes of current currencies (pycountry's table)."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


@dataclass(frozen=True)
class Alias:
    alias: str
    iso3: str
    kind: str


@cache
def country_aliases() -> dict[str, Alias]:
    """Lower-cased alias → :class:`Alias` (names, demonyms, capitals used as metonyms)."""
    rows = _read_csv("country_aliases")
    out: dict[str, Alias] = {}
    for i, r in enumerate(rows, start=2):
        if not is_country(r["iso3"]):
            raise ValueError(f"country_aliases.csv:{i}: unknown ISO alpha-3 {r['iso3']!r}")
        if r["kind"] not in ("name", "demonym", "capital"):
            raise ValueError(f"country_aliases.csv:{i}: kind must be name, demonym or capital")
        key = r["alias"].casefold()
        if key in out and out[key].iso3 != r["iso3"]:
            raise ValueError(f"country_aliases.csv:{i}: alias {r['alias']!r} already maps to {out[key].iso3}")
        out[key] = Alias(r["alias"], r["iso3"], r["kind"])
    return out


@cache
def group_aliases() -> dict[str, tuple[str, ...]]:
    """Lower-cased alias → partner codes (a group code, or the states of a named region)."""
    rows = _read_csv("group_aliases")
    out: dict[str, tuple[str, ...]] = {}
    for i, r in enumerate(rows, start=2):
        codes = tuple(r["codes"].split())
        for c in codes:
            if not is_partner_code(c):
                raise ValueError(f"group_aliases.csv:{i}: unknown code {c!r}")
        out[r["alias"].casefold()] = codes
    return out


def resolve_country(name: str) -> str | None:
    """Resolve a country name, demonym, capital or code to ISO alpha-3 (None if unknown).

    The project's alias table is tried first (it knows metonyms such as "Tokyo"),
    then pycountry's names and codes, then its fuzzy-free lookup.
    """
    text = " ".join(name.strip().split())
    if not text:
        return None
    alias = country_aliases().get(text.casefold())
    if alias:
        return alias.iso3
    if is_country(text):  # an ISO alpha-3 code, including those pycountry lacks (XKX)
        return text
    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        return None


def resolve_partner(name: str) -> tuple[str, ...]:
    """Resolve a name to partner codes: a country, a group or a named region; () if unknown."""
    text = " ".join(name.strip().split())
    if text in group_codes():
        return (text,)
    codes = group_aliases().get(text.casefold())
    if codes:
        return codes
    iso = resolve_country(text)
    return (iso,) if iso else ()


def expand_partners(codes: Iterable[str], year: int | None) -> list[str]:
    """Expand group codes to their members in force in ``year``; countries pass through."""
    out: set[str] = set()
    for c in codes:
        if c in group_codes():
            out.update(members(c, year))
        else:
            out.add(c)
    return sorted(out)
