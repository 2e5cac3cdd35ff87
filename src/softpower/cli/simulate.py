"""CLI commands of the simulate stage: ``simulate``, ``calibrate`` and ``sensitivity``."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated, Any

import orjson
import pandas as pd
import typer

from softpower.cli.common import (
    FormatOpt,
    LedgerOpt,
    OutputOpt,
    fail,
    ledger_path,
    progress_bar,
    run_guarded,
)

METHODS = ("least-squares", "abc")
ScenarioArg = Annotated[
    str | None,
    typer.Argument(help="A shipped scenario name (see --list) or a scenario YAML file.", show_default=False),
]
RunsOpt = Annotated[int | None, typer.Option("--runs", help="Number of runs (default: the scenario's).")]
MaybeSeedOpt = Annotated[int | None, typer.Option("--seed", help="Random seed (default: the scenario's).")]
WorkersOpt = Annotated[int, typer.Option("--workers", help="Local worker processes.")]
PriorsOpt = Annotated[
    bool,
    typer.Option(
        "--priors",
        help="Use the declared priors of every parameter (sim_parameters.csv), not the calibrated set.",
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", help="Dask distributed scheduler address, e.g. tcp://10.0.0.5:8786."),
]


def _ledger(path: Path | None) -> Path | None:
    """The ledger to read: an explicit ``--ledger`` must exist; a missing default means priors only."""
    resolved = ledger_path(path)
    if path is None and not resolved.exists():
        return None
    return resolved


def _check_output(output: Path | None) -> None:
    """Fail at once, before any long run, when ``--output`` cannot be written."""
    if output is not None:
        from softpower.outputs import check_output

        run_guarded(check_output, output)


def _flat(meta: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """``(dotted key, value)`` pairs of a nested mapping; lists joined by commas."""
    out: list[tuple[str, Any]] = []
    for k, v in meta.items():
        if isinstance(v, dict):
            out += _flat(v, f"{prefix}{k}.")
        elif isinstance(v, list):
            out.append((f"{prefix}{k}", ", ".join(map(str, v))))
        else:
            out.append((f"{prefix}{k}", f"{v:.4g}" if isinstance(v, float) else v))
    return out


def _emit_frame(frame: pd.DataFrame, meta: dict[str, Any], key: str, fmt: str, output: Path | None) -> None:
    """Write a table as table, json (``{key: [...], "meta": ...}``), csv or parquet."""
    from softpower.outputs import write_output

    if fmt == "parquet":
        if output is None:
            fail("--format parquet: needs --output FILE (binary output)")
        buf = io.BytesIO()
        frame.to_parquet(buf, index=False)
        run_guarded(write_output, output, buf.getvalue())
        return
    if fmt == "json":
        body = {key: frame.to_dict(orient="records"), "meta": meta}
        text = orjson.dumps(body, option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY).decode() + "\n"
    elif fmt == "csv":
        text = frame.to_csv(index=False, float_format="%.6g", lineterminator="\n")
    elif fmt == "table":
        lines = [f"{k}: {v}" for k, v in _flat(meta)]
        text = (
            "\n".join(lines) + "\n\n" + frame.to_string(index=False, float_format=lambda v: f"{v:.4g}") + "\n"
        )
    else:
        fail(f"--format: {fmt!r} (expected one of table, json, csv, parquet)")
    if output is None:
        sys.stdout.write(text)
    else:
        run_guarded(write_output, output, text)


def _emit_calibration(result: Any, fmt: str, output: Path | None) -> None:
    """Calibration as one JSON object, a readable table, or the per-poll CSV/parquet."""
    from softpower.outputs import write_output

    if fmt in ("csv", "parquet"):
        _emit_frame(result.residuals, result.meta, "residuals", fmt, output)
        return
    if fmt == "json":
        text = orjson.dumps(
            result.to_dict(), option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY
        ).decode()
        text += "\n"
    elif fmt == "table":
        m = result.meta
        lines = [
            f"fit: {m['n_fit']} polls forecast ({m['fit_years']}, {m['measures']}), "
            f"{m['n_dyads']} donor-public series; RMSE {m['rmse_fit']:.4f} (priors {m['rmse_priors']:.4f})",
            "",
            "identification (profile likelihood, 95 %):",
        ]
        ident = result.identification.drop(columns=["profile"], errors="ignore")
        lines.append(ident.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
        h = result.holdout
        if h is not None:
            lines += ["", f"out of sample, polls from {h['from']} (n = {h['n']}): {h['verdict']}"]
            table = pd.DataFrame(h["by_donor"] + h["by_dyad"]).fillna({"partner": "all"})
            cols = ["donor", "partner", "n", "model_rmse", "persistence_rmse", "trend_rmse"]
            lines.append(table[cols].to_string(index=False, float_format=lambda v: f"{v:.4f}"))
            lines.append(
                f"all: model {h['model_rmse']:.4f}, persistence {h['persistence_rmse']:.4f}, "
                f"trend {h['trend_rmse']:.4f}"
            )
        text = "\n".join(lines) + "\n"
    else:
        fail(f"--format: {fmt!r} (expected one of table, json, csv, parquet)")
    if output is None:
        sys.stdout.write(text)
    else:
        run_guarded(write_output, output, text)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to ``app``."""

    @app.command("simulate")
    def simulate_cmd(
        scenario: ScenarioArg = None,
        list_: Annotated[bool, typer.Option("--list", help="List the shipped scenarios and exit.")] = False,
        ledger: LedgerOpt = None,
        runs: RunsOpt = None,
        seed: MaybeSeedOpt = None,
        fmt: FormatOpt = "table",
        output: OutputOpt = None,
        workers: WorkersOpt = 1,
        scheduler: SchedulerOpt = None,
        priors: PriorsOpt = False,
    ) -> None:
        """Run a scenario as a seeded ensemble: median and 5-95 % band of trust and alignment.

        Per donor, partner and year, with the ASEAN mean and each partner's hedging; start
        states come from polls (source and age reported). A scenario with a lever is also
        run as its reference with the same seeds: every output row carries the paired
        effect (scenario minus reference per run), its 5-95 % band and P(effect > 0).
        Parameters are the calibrated set where calibration identified them (--priors: none).
        The same seed gives byte-identical output.

        Example: softpower simulate us-health-withdrawal --runs 500 --seed 7 --format json -o out.json

        Example: softpower simulate us-health-withdrawal --format xlsx -o out.xlsx (series, effects, group means)
        """
        from softpower.simulate import list_scenarios, run_scenario, write_result

        if list_:
            for name, description in run_guarded(list_scenarios):
                typer.echo(f"{name:28s} {description}")
            return
        if scenario is None:
            fail("SCENARIO: missing (expected a shipped name, see --list, or a YAML file)")
        _check_output(output)
        if fmt == "xlsx" and output is None:
            fail("--format xlsx: needs --output FILE (expected a .xlsx path)")
        with progress_bar("simulating") as progress:
            result = run_guarded(
                run_scenario,
                scenario,
                _ledger(ledger),
                runs=runs,
                seed=seed,
                workers=workers,
                scheduler=scheduler,
                progress=progress,
                priors=priors,
            )
        if fmt == "xlsx":
            from softpower.outputs import scenario_workbook

            run_guarded(scenario_workbook, result, output)
            return
        text = run_guarded(write_result, result, fmt, output)
        if text is not None:
            sys.stdout.write(text)

    @app.command("calibrate")
    def calibrate_cmd(
        ledger: LedgerOpt = None,
        scenario: Annotated[
            str, typer.Option("--scenario", help="Scenario giving donors and strategies.")
        ] = "baseline",
        holdout_from: Annotated[
            int | None,
            typer.Option(
                "--holdout-from",
                help="Out-of-sample test: fit on polls before YEAR, forecast YEAR and later; "
                "compare with persistence and a linear trend.",
            ),
        ] = None,
        save: Annotated[
            Path | None,
            typer.Option(
                "--save", help="Write the calibrated table (the format of sim_calibrated.csv) here."
            ),
        ] = None,
        method: Annotated[
            str,
            typer.Option(
                "--method",
                help="least-squares (forecast fit, profile likelihood, holdout) or abc (ABC-SMC posterior; needs pyabc).",
            ),
        ] = "least-squares",
        population: Annotated[int, typer.Option("--population", help="abc: particles per generation.")] = 100,
        generations: Annotated[int, typer.Option("--generations", help="abc: SMC generations.")] = 4,
        seed: Annotated[int, typer.Option("--seed", help="abc: seed of the sampler.")] = 0,
        fmt: FormatOpt = "table",
        output: OutputOpt = None,
    ) -> None:
        """Fit model parameters to the ledger's opinion series; report identification; test out of sample.

        Each poll is forecast from the same public's previous poll of the same donor; parameters
        are fitted by least squares and judged by profile likelihood (a parameter on a bound of
        its range is "not identified"). --holdout-from YEAR fits on polls before YEAR and reports
        the errors of the model, persistence and a linear trend on the later polls, per donor
        and public. --format json prints one object (keys fitted, identification, holdout
        {n, model_rmse, persistence_rmse, trend_rmse, ...}, fit, residuals, meta).
        --method abc reports a posterior (5/50/95 % per parameter) with pyabc.

        Example: softpower calibrate --ledger all.duckdb --holdout-from 2012 --format json
        """
        from softpower.simulate.calibrate import calibrate

        if method not in METHODS:
            fail(f"--method: {method!r} (expected one of {', '.join(METHODS)})")
        _check_output(output)
        if save is not None:
            _check_output(save)
        path = ledger_path(ledger)
        if method == "abc":
            from softpower.simulate.abc import abc_calibrate

            post = run_guarded(
                abc_calibrate,
                path,
                scenario=scenario,
                population=population,
                generations=generations,
                seed=seed,
            )
            rows = [{"parameter": k, **v} for k, v in post.pop("posterior").items()]
            frame = pd.DataFrame(rows)
            frame["prior"] = frame["prior"].map(lambda b: f"{b[0]:g}..{b[1]:g}")
            _emit_frame(frame, post, "posterior", fmt, output)
            return
        result = run_guarded(calibrate, path, scenario=scenario, holdout_from=holdout_from)
        if save is not None:
            from softpower.outputs import write_output

            run_guarded(write_output, save, result.calibrated_csv())
        _emit_calibration(result, fmt, output)

    @app.command("sensitivity")
    def sensitivity_cmd(
        scenario: Annotated[str, typer.Argument(help="Shipped scenario name or YAML file.")] = "baseline",
        ledger: LedgerOpt = None,
        n: Annotated[int, typer.Option("--n", help="Base sample size (power of two).")] = 1024,
        seed: Annotated[int, typer.Option("--seed", help="Seed of the Sobol' design.")] = 1,
        donor: Annotated[str | None, typer.Option("--donor", help="Donor whose output is analysed.")] = None,
        metric: Annotated[str, typer.Option("--metric", help="trust or alignment.")] = "alignment",
        first_order_only: Annotated[
            bool, typer.Option("--first-order-only", help="Skip second-order indices (n (k + 2) runs).")
        ] = False,
        versus: Annotated[
            str | None,
            typer.Option("--versus", help="Analyse the effect: this scenario's output minus VERSUS's."),
        ] = None,
        fmt: FormatOpt = "table",
        output: OutputOpt = None,
        workers: WorkersOpt = 1,
        scheduler: SchedulerOpt = None,
    ) -> None:
        """Sobol first-order and total indices (SALib) over the declared parameter ranges.

        Example: softpower sensitivity us-health-withdrawal --versus baseline --donor USA --n 1024 --workers 2
        """
        from softpower.simulate.sensitivity import sensitivity

        _check_output(output)
        with progress_bar("sensitivity") as progress:
            result = run_guarded(
                sensitivity,
                scenario,
                _ledger(ledger),
                n=n,
                seed=seed,
                donor=donor,
                metric=metric,
                second_order=not first_order_only,
                versus=versus,
                workers=workers,
                scheduler=scheduler,
                progress=progress,
            )
        _emit_frame(result.indices, result.meta, "indices", fmt, output)
