"""Which partner states the index compares: the project's Indo-Pacific partner universe by default.

The default universe (``partner_universe.csv``, package data) is every state that has been a
member of ASEAN or of the Pacific Island countries group (``group_members.csv``), plus the
South Asian states and Mongolia. Donor states (China, Japan, Korea, the United States,
Australia, ...) are not partners of the default index; ``all`` compares every partner state
the ledger names, and a comma-separated list of ISO3 and group codes picks any other set.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from softpower.errors import SoftpowerError

#: The default ``partners`` scope.
DEFAULT_SCOPE = "indo-pacific"


@cache
def partner_universe() -> tuple[str, ...]:
    """The ISO3 codes of the default partner universe, sorted (``partner_universe.csv``)."""
    from softpower.records.vocab import group_codes, group_members, is_country

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


def resolve_partners(scope: str | None) -> tuple[str, ...] | None:
    """The partner states of ``scope`` (``None`` means every partner the ledger names).

    ``scope`` is ``"indo-pacific"`` (the default universe), ``"all"``, or a comma-separated
    list of ISO3 codes and group codes (a group stands for every state ever its member).

    Raises
    ------
    SoftpowerError
        For an unknown code (one line naming it and what was expected).
    """
    from softpower.records.vocab import group_codes, group_members, is_country

    if scope is None or scope.strip().lower() == "all":
        return None
    if scope.strip().lower() == DEFAULT_SCOPE:
        return partner_universe()
    out: set[str] = set()
    groups = group_codes()
    for raw in scope.split(","):
        code = raw.strip().upper()
        if not code:
            continue
        if code in groups and code != "WORLD":
            out |= {m.member for m in group_members() if m.group == code}
        elif is_country(code):
            out.add(code)
        else:
            raise SoftpowerError(
                f"--partners: {raw.strip()!r} is not an ISO3 or group code (expected e.g. "
                f"'{DEFAULT_SCOPE}', 'all', or 'VNM,PHL,PIC')"
            )
    if not out:
        raise SoftpowerError(f"--partners: {scope!r} names no partner (expected e.g. 'VNM,PHL,PIC')")
    return tuple(sorted(out))
