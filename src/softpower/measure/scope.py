"""Which partner states the index compares: the project's Indo-Pacific partner universe by default.

The default universe (``partner_universe.csv``, package data) is every state that has been a
member of ASEAN or of the Pacific Island countries group (``group_members.csv``), plus the
South Asian states and Mongolia. Donor states (China, Japan, Korea, the United States,
Australia, ...) are not partners of the default index; ``all`` compares every partner state
the ledger names, and a comma-separated list of ISO3 and group codes picks any other set.
"""

from __future__ import annotations

from softpower.errors import SoftpowerError
from softpower.records.vocab import group_codes, group_members, is_country, partner_universe

__all__ = ["DEFAULT_SCOPE", "partner_universe", "resolve_partners"]

#: The default ``partners`` scope.
DEFAULT_SCOPE = "indo-pacific"


def resolve_partners(scope: str | None) -> tuple[str, ...] | None:
    """The partner states of ``scope`` (``None`` means every partner the ledger names).

    ``scope`` is ``"indo-pacific"`` (the default universe), ``"all"``, or a comma-separated
    list of ISO3 codes and group codes (a group stands for every state ever its member).

    Raises
    ------
    SoftpowerError
        For an unknown code (one line naming it and what was expected).
    """

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
