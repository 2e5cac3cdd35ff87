"""``softpower coverage``: which donors, partners, years and families each source observes."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from softpower.cli.common import fail, ledger_path, run_guarded

FORMATS = ("table", "csv", "json")


def register(app: typer.Typer) -> None:
    """Add ``softpower coverage`` to ``app``."""
    app.command("coverage")(coverage_cmd)


def _short(text: str, keep: int = 6) -> str:
    parts = text.split()
    return text if len(parts) <= keep + 2 else f"{len(parts)}: " + " ".join(parts[:keep]) + " ..."


def coverage_cmd(
    ledger: Annotated[
        Path | None,
        typer.Option(
            "--ledger",
            help="Check the declared scopes against this ledger (default: $SOFTPOWER_LEDGER, else "
            "./softpower.duckdb when it exists; without a ledger only the declared scopes are shown).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output format: table, csv or json.")] = "table",
    actors: Annotated[
        str | None,
        typer.Option(
            "--actors", help="Compare these donors (comma-separated ISO3) instead of listing scopes."
        ),
    ] = None,
    partner: Annotated[str | None, typer.Option("--partner", help="Partner ISO3 for --actors.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Year for --actors.")] = None,
    metric: Annotated[str | None, typer.Option("--metric", help="Indicator metric for --actors.")] = None,
    instrument: Annotated[
        str | None, typer.Option("--instrument", help="Engagement instrument for --actors.")
    ] = None,
    measure: Annotated[str | None, typer.Option("--measure", help="Perception measure for --actors.")] = None,
) -> None:
    """Per source: the donors, partners, years and metric or instrument families it observes,
    what a missing row means (zero or unobserved), and what the ledger holds of it.

    Example: softpower coverage --ledger all.duckdb --format csv

    Example: softpower coverage --actors CHN,JPN --partner VNM --year 2015 --metric oda_disbursement
    """
    from softpower.ledger import Ledger
    from softpower.ledger.coverage import Coverage, coverage_table

    if fmt not in FORMATS:
        fail(f"--format: unknown format {fmt!r} (expected table, csv or json)")
    path = ledger_path(ledger)
    use_ledger = ledger is not None or path.exists()

    def work() -> None:
        lg = Ledger.open(path, read_only=True) if use_ledger else None
        try:
            if actors:
                if year is None:
                    fail(
                        "--actors needs --year (and usually --partner and one of --metric/--instrument/--measure)"
                    )
                names = [a.strip().upper() for a in actors.split(",") if a.strip()]
                cov = Coverage.from_ledger(lg) if lg is not None else Coverage.load()
                try:
                    cmp = cov.comparable(
                        names, partner, year, metric=metric, instrument=instrument, measure=measure
                    )
                except ValueError as exc:
                    fail(str(exc))
                out = {
                    "actors": list(cmp.actors),
                    "partner": cmp.partner,
                    "year": cmp.year,
                    "family": cmp.family,
                    "comparable": cmp.comparable,
                    "common_sources": list(cmp.common_sources),
                    "by_actor": {a: list(s) for a, s in cmp.by_actor.items()},
                    "reason": cmp.reason,
                }
                if fmt == "json":
                    print(json.dumps(out))
                elif fmt == "csv":
                    w = csv.writer(sys.stdout)
                    w.writerow(["actor", "partner", "year", "family", "sources", "comparable"])
                    for a, s in cmp.by_actor.items():
                        w.writerow([a, partner or "", year, cmp.family or "", " ".join(s), cmp.comparable])
                else:
                    print(cmp.reason)
                    for a, s in cmp.by_actor.items():
                        print(f"  {a}: {', '.join(s) if s else 'not observed'}")
                return
            rows = coverage_table(lg)
        finally:
            if lg is not None:
                lg.close()
        if fmt == "json":
            print(json.dumps(rows))
            return
        if fmt == "csv":
            buf = io.StringIO()
            dw = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else [])
            dw.writeheader()
            dw.writerows(rows)
            sys.stdout.write(buf.getvalue())
            return
        title = f"coverage ({path})" if use_ledger else "coverage (declared scopes; no ledger)"
        t = Table(title=title, show_lines=False)
        cols = ["source", "kind", "families", "actors", "partners", "years", "missing_row"]
        if use_ledger:
            cols += ["records", "actors_seen", "years_seen", "outside"]
        for c in cols:
            t.add_column(c.replace("_", " "), overflow="fold")
        for r in rows:
            t.add_row(
                *[
                    _short(str(r[c]), 2 if c == "families" else 6)
                    if c in ("actors", "partners", "families")
                    else str(r[c])
                    for c in cols
                ]
            )
        Console(width=200).print(t)

    run_guarded(work)
