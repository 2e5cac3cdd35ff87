"""``softpower index``: the composite index with rank intervals, totals, profiles and sensitivity."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from softpower.cli.common import (
    FormatOpt,
    LedgerOpt,
    OutputOpt,
    SeedOpt,
    fail,
    ledger_path,
    progress_bar,
    run_guarded,
)
from softpower.errors import InputError

FORMATS = ("table", "csv", "json", "parquet")


def _weights(items: list[str] | None) -> dict[str, float] | None:
    if not items:
        return None
    out: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise InputError(
                "--weight", None, item, "not PILLAR=NUMBER", "e.g. --weight economic_ties=0.3"
            ) from None
        if not sep:
            raise InputError("--weight", None, item, "not PILLAR=NUMBER", "e.g. --weight economic_ties=0.3")
    return out


def _table(result, year: int | None) -> str:  # type: ignore[no-untyped-def]
    """Actor totals and partner leaders of one year (the given one, else the latest)."""
    y = year if year is not None else int(result.actors["year"].max())
    buf = io.StringIO()
    con = Console(file=buf, width=110, force_terminal=False)
    t = Table(title=f"Actor totals {y} (sum of dyad scores; rank 5-95 % interval)")
    for col in ("actor", "total", "rank", "interval"):
        t.add_column(col)
    act = result.actors.loc[result.actors["year"] == y].sort_values("rank")
    for r in act.itertuples():
        t.add_row(r.actor, f"{r.total:.3f}", str(r.rank), f"{r.rank_lo}-{r.rank_hi}")
    con.print(t)
    t = Table(title=f"Who leads in each partner, {y} (P(lead): share of draws leading alone)")
    for col in ("partner", "leader", "score", "runner-up", "margin", "P(lead)", "compared", "note"):
        t.add_column(col)
    for r in result.leaders.loc[result.leaders["year"] == y].itertuples():
        t.add_row(
            r.partner,
            r.leader or "(all tie)",
            f"{r.score:.3f}",
            r.runner_up if isinstance(r.runner_up, str) else "-",
            f"{r.margin:.3f}",
            "-" if pd.isna(r.lead_share) else f"{r.lead_share:.0%}",
            str(r.n_compared),
            str(r.note),
        )
    con.print(t)
    if len(result.sensitivity):
        sens = result.sensitivity
        t = Table(
            title="Which choices decide who leads (Sobol indices; output: share of partner-years with the nominal leader)"
        )
        for col in ("choice", "first order", "total"):
            t.add_column(col)
        for r in sens.itertuples():
            t.add_row(
                r.choice,
                f"{r.first_order:.3f} ± {r.first_order_conf:.3f}",
                f"{r.total:.3f} ± {r.total_conf:.3f}",
            )
        con.print(t)
        note = result.meta["uncertainty"].get("note")
        if note:
            con.print(f"note: {note} (raise --mc)")
    con.print(f"validity: {result.validity['summary']}")
    return buf.getvalue()


def _fmt(v: object, spec: str = ".3f") -> str:
    return "-" if v is None or (isinstance(v, float) and v != v) else format(v, spec)


def _explain_table(frame: pd.DataFrame, partner: str, year: int) -> str:
    """Per donor: score, rank, coverage, then each pillar's and indicator's contribution."""
    buf = io.StringIO()
    con = Console(file=buf, width=130, force_terminal=False)
    donors = frame.drop_duplicates("actor")
    t = Table(title=f"Why does the leader lead in {partner} {year}? (donors observed there)")
    for col in ("actor", "rank", "score", "coverage", *dict.fromkeys(frame["pillar"])):
        t.add_column(col)
    pil = frame.groupby(["actor", "pillar"], sort=False)["contribution"].sum(min_count=1)
    for r in donors.itertuples():
        t.add_row(
            str(r.actor),
            str(r.rank),
            _fmt(r.score),
            f"{float(r.coverage):.0%}",  # type: ignore[arg-type]
            *(_fmt(pil.get((r.actor, p))) for p in dict.fromkeys(frame["pillar"])),
        )
    con.print(t)
    t = Table(title="Per indicator: value after treatment and normalisation, weight, contribution")
    for col in ("actor", "pillar", "indicator", "source", "raw", "value", "weight", "contribution"):
        t.add_column(col)
    for r in frame.itertuples():
        t.add_row(
            str(r.actor),
            str(r.pillar),
            str(r.indicator),
            str(r.source or "not observed"),
            _fmt(r.raw, ".4g"),
            _fmt(r.value),
            _fmt(r.weight),
            _fmt(r.contribution),
        )
    con.print(t)
    con.print("A donor no source observes on an indicator is not comparable there (no value, never zero).")
    return buf.getvalue()


def _audit_table(audit: dict) -> str:  # type: ignore[type-arg]
    """Treatment per indicator, then per pillar PCA and Cronbach's alpha (rendered by the audit)."""
    from softpower.measure.audit import table

    return table(audit)


def index_cmd(
    ledger: LedgerOpt = None,
    framework: Annotated[
        Path | None,
        typer.Option("--framework", help="Framework YAML (pillars, indicators, methods). Default: bundled."),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="Report this year only.")] = None,
    partners: Annotated[
        str,
        typer.Option(
            "--partners",
            help="Partner states compared: 'indo-pacific' (ASEAN, Pacific Islands, South Asia, Mongolia), "
            "'all', or ISO3/group codes such as 'VNM,PHL,PIC'.",
        ),
    ] = "indo-pacific",
    mc: Annotated[
        int, typer.Option("--mc", help="Monte Carlo draws for rank intervals and Sobol indices (0: none).")
    ] = 1000,
    seed: SeedOpt = 0,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", help="Count only facts stated by at least N documents.")
    ] = 1,
    third_party_only: Annotated[
        bool,
        typer.Option(
            "--third-party-only",
            help="Leave out facts known only from the actor's own government or state media.",
        ),
    ] = False,
    weight: Annotated[
        list[str] | None,
        typer.Option("--weight", help="Override a pillar weight: PILLAR=W (repeat; weights must sum to 1)."),
    ] = None,
    explain: Annotated[
        tuple[str, int] | None,
        typer.Option(
            "--explain",
            metavar="PARTNER YEAR",
            help="Why does the leader lead? Per donor, per pillar and indicator contributions and coverage.",
        ),
    ] = None,
    audit: Annotated[
        bool,
        typer.Option("--audit", help="Print the Handbook audit: skew treatment, PCA and alpha per pillar."),
    ] = False,
    deterministic: Annotated[
        bool,
        typer.Option(
            "--deterministic",
            help="Leave wall-clock timings out of the JSON (byte-identical files per seed).",
        ),
    ] = False,
) -> None:
    """Measure the composite index: dyad scores with rank intervals, actor totals, leaders, DSPD profiles.

    csv and parquet write the dyad table; json writes one object with dyads, actors, profiles, leaders, sensitivity, validity and meta.

    Only dyad-years with at least one fact are scored and ranked, over the Indo-Pacific partner universe by default (--partners all widens it).

    Example: softpower index --ledger l.duckdb --year 2008 --mc 500 --seed 1 --format json -o index.json

    Example: softpower index --ledger l.duckdb --mc 0 --explain VNM 2015

    Example: softpower index --ledger l.duckdb --partners all --mc 0 --format csv -o all_partners.csv

    Example: softpower index --ledger l.duckdb --mc 200 --format xlsx -o index.xlsx (one sheet per table)
    """
    if fmt not in (*FORMATS, "xlsx"):
        fail(f"--format: unknown format {fmt!r} (expected one of {', '.join(FORMATS)}, xlsx)")
    if fmt == "xlsx" and output is None:
        fail("--format xlsx: needs --output FILE (expected a .xlsx path)")
    if fmt == "parquet" and output is None:
        fail("--format parquet: needs --output FILE (expected a .parquet path)")
    from softpower.measure import run_index
    from softpower.outputs import check_output, write_output

    if output is not None:
        run_guarded(check_output, output)

    def work(progress=None):  # type: ignore[no-untyped-def]
        return run_index(
            ledger_path(ledger),
            framework=framework,
            year=year,
            mc=mc,
            seed=seed,
            min_sources=min_sources,
            third_party_only=third_party_only,
            weights=_weights(weight),
            progress=progress,
            partners=partners,
        )

    if mc > 0:
        with progress_bar("Monte Carlo and Sobol draws") as progress:
            result = run_guarded(work, progress)
    else:
        result = run_guarded(work)
    if framework is not None:  # the default framework's sparse statistics are documented
        for name in result.meta["unmatched_indicators"]:
            print(
                f"softpower: warning: {framework}: {name} matches no record in the ledger "
                "(it adds 0 to every dyad; check the name, or import the data)",
                file=sys.stderr,
            )
    frame = None
    if explain is not None:
        from softpower.measure import explain as explain_fn

        frame = run_guarded(explain_fn, result, explain[0], int(explain[1]))
    if fmt == "xlsx":
        from softpower.outputs import index_workbook

        run_guarded(index_workbook, result, output, frame)
        return
    if fmt == "parquet":
        buf = io.BytesIO()
        result.dyads.to_parquet(buf, index=False)
        run_guarded(write_output, output, buf.getvalue())
        return
    if fmt == "json":
        obj = result.to_dict(deterministic=deterministic)
        if frame is not None:
            from softpower.measure.api import _records

            obj["explain"] = {"partner": explain[0].upper(), "year": int(explain[1]), "rows": _records(frame)}  # type: ignore[index]
        text = json.dumps(obj, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        text = (frame if frame is not None else result.dyads).to_csv(index=False)
    elif frame is not None:
        text = _explain_table(frame, explain[0].upper(), int(explain[1]))  # type: ignore[index]
        if audit:
            text += _audit_table(result.audit)
    elif audit:
        text = _audit_table(result.audit)
    else:
        text = _table(result, year)
    if output is None:
        typer.echo(text, nl=False)
    else:
        run_guarded(write_output, output, text)


def register(app: typer.Typer) -> None:
    """Add ``softpower index`` to ``app``."""
    app.command("index")(index_cmd)
