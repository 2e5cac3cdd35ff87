"""``softpower validate``: index gaps against perception gaps, per pair of donors and public."""

from __future__ import annotations

import io
import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from softpower.cli.common import FormatOpt, LedgerOpt, OutputOpt, SeedOpt, fail, ledger_path, run_guarded

FORMATS = ("table", "json", "csv")


def _fmt(v: object, spec: str) -> str:
    return "-" if v is None else format(v, spec)


def _ci(r: dict) -> str:  # type: ignore[type-arg]
    return "-" if r.get("rho_lo") is None else f"{r['rho_lo']:.2f} to {r['rho_hi']:.2f}"


def _table(rep: dict) -> str:  # type: ignore[type-arg]
    buf = io.StringIO()
    con = Console(file=buf, width=180, force_terminal=False)
    span = f"{rep['from_year'] or 'first'}-{rep['to_year'] or 'last'}"
    t = Table(
        title=f"Index gaps vs perception gaps ({span}; one row per external measure). Per year: one pair "
        "= two donors, one public, one year; pooled: one pair per public and donor pair, gaps "
        "averaged over the years; interval: cluster bootstrap over publics"
    )
    for col in (
        "source",
        "measure",
        "years",
        "publics",
        "pairs",
        "rho",
        "p",
        "95 % interval",
        "agreement (ordered)",
        "pooled pairs",
        "pooled rho",
        "pooled p",
        "pooled agreement",
    ):
        t.add_column(col)
    for r in [*rep["by_source"], {"origin": "all", "measure": "", **rep["overall"]}]:
        pl = r["pooled"]
        t.add_row(
            r["origin"],
            r["measure"],
            r["years"],
            str(r["publics"]),
            str(r["n"]),
            _fmt(r["rho"], ".2f"),
            _fmt(r["p_value"], ".2g"),
            _ci(r),
            f"{_fmt(r['agreement'], '.0%')} ({r['ordered']})",
            str(pl["n"]),
            _fmt(pl["rho"], ".2f"),
            _fmt(pl["p_value"], ".2g"),
            _fmt(pl["agreement"], ".0%"),
        )
    con.print(t)
    t = Table(
        title="Per pair of donors (pairs of at least 3 publics or years; interval with 5 or more publics)"
    )
    for col in (
        "pair",
        "publics",
        "pairs",
        "rho",
        "95 % interval",
        "agreement",
        "pooled pairs",
        "pooled rho",
    ):
        t.add_column(col)
    for r in rep["by_pair"]:
        if r["n"] >= 3:
            t.add_row(
                f"{r['a']}-{r['b']}",
                str(r["publics"]),
                str(r["n"]),
                _fmt(r["rho"], ".2f"),
                _ci(r),
                _fmt(r["agreement"], ".0%"),
                str(r["pooled"]["n"]),
                _fmt(r["pooled"]["rho"], ".2f"),
            )
    con.print(t)
    if rep.get("fit"):
        f = rep["fit"]
        con.print(
            f"fitted weights (option --fit-weights-until {f['until']}, {f['candidates']} candidates): "
            + ", ".join(f"{k}={v:.2f}" for k, v in f["weights"].items())
        )
        for name in ("in_sample", "out_of_sample", "nominal_in_sample", "nominal_out_of_sample"):
            s = f[name]
            con.print(
                f"  {name}: rho {_fmt(s['rho'], '.2f')}, n {s['n']}, agreement {_fmt(s['agreement'], '.0%')}"
            )
    con.print(rep["summary"])
    con.print(
        f"{rep['observations']} perception figures; a regional figure is one observation "
        f"({rep['regional_pairs']} pair(s) from regional publics); withheld, never read "
        f"({rep['withheld_rule']}): {rep['withheld']} figure(s)."
    )
    return buf.getvalue()


def validate_cmd(
    ledger: LedgerOpt = None,
    from_year: Annotated[int | None, typer.Option("--from-year", help="First perception year used.")] = None,
    to_year: Annotated[int | None, typer.Option("--to-year", help="Last perception year used.")] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source", help="Only these perception sources (import origin, e.g. pew-favourability)."
        ),
    ] = None,
    fit_weights_until: Annotated[
        int | None,
        typer.Option(
            "--fit-weights-until",
            help="Named option: fit the pillar weights to opinion on pairs up to this year and report "
            "rho in and out of sample (the index is never calibrated silently).",
        ),
    ] = None,
    seed: SeedOpt = 0,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """Validity: do index gaps between donors order them as publics do (Spearman rho, agreement, n)?

    One pair = two donors measured by the same pollster, measure, public and year; a regional
    figure is one observation (the index is averaged over its members). Pooled figures keep one
    pair per public and donor pair over the years; the interval of rho is a cluster bootstrap
    over publics (--seed). Pew waves from 2017 are evaluation-only and never read. csv writes
    the pairs.

    Example: softpower validate --ledger all.duckdb --source pew-favourability --from-year 2002 --to-year 2016
    """
    if fmt not in FORMATS:
        fail(f"--format: unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    from softpower.measure import run_index
    from softpower.measure.validate import fit_weights, observations, validate
    from softpower.outputs import check_output, write_output

    if output is not None:
        run_guarded(check_output, output)
    path = ledger_path(ledger)
    res = run_guarded(run_index, path, mc=0, seed=seed)
    obs = run_guarded(observations, path)
    if source:
        unknown = sorted(set(source) - set(obs["origin"]))
        if unknown:
            fail(
                f"--source: no perception records from {unknown[0]!r} "
                f"(expected one of {', '.join(sorted(set(obs['origin']))) or 'none: import perceptions first'})"
            )
        obs = obs.loc[obs["origin"].isin(source)]
    rep = validate(res.dyads, obs, from_year=from_year, to_year=to_year, seed=seed)
    if fit_weights_until is not None:
        sub = obs
        if from_year is not None:
            sub = sub.loc[sub["year"] >= from_year]
        if to_year is not None:
            sub = sub.loc[sub["year"] <= to_year]
        rep["fit"] = fit_weights(res.model, sub, fit_weights_until, seed=seed)
    pairs = rep.pop("pairs")
    if fmt == "csv":
        text = pairs.to_csv(index=False)
    elif fmt == "json":
        from softpower.measure.api import _records

        text = json.dumps({**rep, "pairs": _records(pairs)}, ensure_ascii=False) + "\n"
    else:
        text = _table(rep)
    if output is None:
        typer.echo(text, nl=False)
    else:
        run_guarded(write_output, output, text)


def register(app: typer.Typer) -> None:
    """Add ``softpower validate`` to ``app``."""
    app.command("validate")(validate_cmd)
