"""``softpower ledger``: import, export, stats and read-only queries."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from softpower.cli.common import (
    FormatOpt,
    LedgerOpt,
    WaitOpt,
    fail,
    ledger_path,
    progress_bar,
    run_guarded,
)
from softpower.errors import LedgerError
from softpower.ledger import Ledger, export, import_batch, import_bundled, import_file
from softpower.ledger.auto import IMPORTED, AutoImportError, DatasetRun, import_auto
from softpower.ledger.dates import date_summary, undated_facts
from softpower.ledger.store import ImportResult

ledger_app = typer.Typer(
    help="The ledger: an embedded DuckDB file of records and their sources.\n\n"
    "Example: softpower ledger import --bundled && softpower ledger stats",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add ``softpower ledger ...`` to ``app``."""
    app.add_typer(ledger_app, name="ledger")


def _summary(name: str, res: ImportResult) -> str:
    added = ", ".join(f"{k} {v}" for k, v in res.added.items())
    text = f"{name}: {res.rows} records read; added {added}; {res.duplicates} already present; {res.documents} new documents"
    if res.skipped:
        text += "; skipped " + ", ".join(f"{k}: {v}" for k, v in sorted(res.skipped.items()))
    return text


@ledger_app.command("import")
def import_cmd(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Record files: .jsonl, .csv or .parquet.")
    ] = None,
    ledger: LedgerOpt = None,
    bundled: Annotated[bool, typer.Option("--bundled", help="Import the bundled seed records.")] = False,
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Read FILE with a real-data importer (see `softpower ledger importers`), or `auto` "
            "to import every known dataset found under the folder DIR (one transaction per dataset).",
        ),
    ] = None,
    wait: WaitOpt = None,
) -> None:
    """Import records; each file is one transaction (all rows or none), re-imports add nothing.

    Example: softpower ledger import ../shared/corpus/gold/seeds.jsonl --ledger my.duckdb

    Example: softpower ledger import --from auto ../shared/data --ledger all.duckdb

    Example: softpower ledger import more.jsonl --wait 60   (if a dashboard or another import holds the ledger)

    A review-decision file saved by the review page (softpower extract --review) imports its
    accepted and corrected records; rejected ones are skipped and counted.

    Example: softpower ledger import review.decisions.jsonl --ledger my.duckdb
    """
    files = files or []
    if not files and not bundled:
        fail("nothing to import: give FILE... or --bundled")

    def work() -> None:
        with Ledger.open(ledger_path(ledger), wait=wait) as lg:
            if bundled:
                print(_summary("bundled seeds", import_bundled(lg)))
            for f in files:
                if source == "auto":
                    _import_auto(lg, f)
                    continue
                if source:
                    res = import_batch(lg, source, f)
                else:
                    with progress_bar(f"importing {f.name}: rows validated") as update:
                        res = import_file(lg, f, progress=update)
                print(_summary(str(f), res))

    run_guarded(work)


def _auto_table(folder: Path, runs: list[DatasetRun], seconds: float) -> Table:
    table = Table(title=f"import --from auto {folder}")
    for col in (
        "dataset",
        "files",
        "status",
        "rows read",
        "records added",
        "facts added",
        "skipped (rows or cells)",
        "seconds",
    ):
        table.add_column(col, justify="left" if col in ("dataset", "status") else "right")
    for r in runs:
        table.add_row(
            r.name,
            str(len(r.files)),
            r.status,
            f"{r.rows_read:,}",
            f"{r.records_added:,}",
            f"{r.facts_added:,}",
            f"{sum(r.skipped.values()):,}",
            f"{r.seconds:.1f}",
        )
    done = [r for r in runs if r.status == IMPORTED]
    table.add_row(
        "total",
        str(sum(len(r.files) for r in runs)),
        f"{len(done)} of {len(runs)} imported",
        f"{sum(r.rows_read for r in done):,}",
        f"{sum(r.records_added for r in done):,}",
        f"{sum(r.facts_added for r in done):,}",
        f"{sum(sum(r.skipped.values()) for r in done):,}",
        f"{seconds:.1f}",
        style="bold",
    )
    return table


def _import_auto(lg: Ledger, folder: Path) -> None:
    """``--from auto DIR``: every known dataset, a progress bar, then the summary table.

    On bad input the table shows which datasets were imported (kept), which one failed
    (rolled back) and which were not attempted; then the error line goes to stderr (exit 2).
    """
    t0 = time.perf_counter()
    console = Console() if sys.stdout.isatty() else Console(width=140)  # the whole table in logs
    show = sys.stderr.isatty()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not show,
    ) as bar:
        task = bar.add_task("finding datasets", total=None)

        def start(run: DatasetRun, i: int, n: int) -> None:
            bar.update(task, description=f"importing {run.name}", completed=i, total=n)

        def done(run: DatasetRun) -> None:
            bar.advance(task)

        try:
            runs = import_auto(lg, folder, on_start=start, on_done=done)
        except AutoImportError as exc:
            bar.stop()
            console.print(_auto_table(folder, exc.runs, time.perf_counter() - t0))
            raise
    console.print(_auto_table(folder, runs, time.perf_counter() - t0))


@ledger_app.command("delete")
def delete_cmd(
    record: Annotated[
        list[str] | None, typer.Option("--record", help="A record_id to delete (repeatable).")
    ] = None,
    doc: Annotated[
        list[str] | None,
        typer.Option("--doc", help="Delete every record citing this document, and the document."),
    ] = None,
    origin: Annotated[
        list[str] | None,
        typer.Option("--origin", help="Delete every record of one import (see `ledger stats`)."),
    ] = None,
    ledger: LedgerOpt = None,
    wait: WaitOpt = None,
) -> None:
    """Delete records by record_id, document or import origin, in one transaction (all or
    nothing), so a bad import can be undone; documents no record cites any more go too.

    Example: softpower ledger delete --origin file:bad.jsonl --ledger my.duckdb
    """

    def work() -> None:
        with Ledger.open(ledger_path(ledger), wait=wait) as lg:
            n, m = lg.delete(record_ids=record or [], docs=doc or [], origins=origin or [])
        print(f"deleted {n} records and {m} documents")

    run_guarded(work)


@ledger_app.command("importers")
def importers_cmd() -> None:
    """List the real-data importers usable with ``import --from NAME``.

    Example: softpower ledger importers
    """
    from softpower.ledger.importers import IMPORTERS

    for name, imp in IMPORTERS.items():
        print(f"{name:28s} {imp.description}")


@ledger_app.command("export")
def export_cmd(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or xlsx (Excel).")] = "jsonl",
    kind: Annotated[str | None, typer.Option("--kind", help="engagement, indicator or perception.")] = None,
    ledger: LedgerOpt = None,
) -> None:
    """Export records (written atomically: no partial file on failure).

    Example: softpower ledger export --kind engagement --format csv --output engagements.csv

    Example: softpower ledger export --format xlsx --output records.xlsx
    """

    def work() -> None:
        with Ledger.open(ledger_path(ledger), read_only=True) as lg:
            if fmt == "xlsx":
                from softpower.outputs import records_workbook

                n = records_workbook(lg, output, kind)
            else:
                n = export(lg, output, fmt, kind)
        print(f"wrote {n} records to {output}", file=sys.stderr)

    run_guarded(work)


@ledger_app.command("stats")
def stats_cmd(ledger: LedgerOpt = None, fmt: FormatOpt = "table") -> None:
    """Counts per kind, documents, facts (with those dated from their document and the undated
    ones) and origins.

    Example: softpower ledger stats --format json
    """

    def work() -> None:
        note = ""
        with Ledger.open(ledger_path(ledger), read_only=True) as lg:
            stats = lg.stats()
            try:
                stats["facts_by_year_from"] = date_summary(lg)
            except LedgerError as exc:  # an old ledger opened read-only: no effective years yet
                stats["facts_by_year_from"] = None
                note = str(exc)
        if fmt == "json":
            print(json.dumps(stats))
            return
        if fmt != "table":
            fail(f"--format: unknown format {fmt!r} (expected table or json)")
        table = Table(title=f"ledger {ledger_path(ledger)}")
        table.add_column("what")
        table.add_column("count", justify="right")
        for key in ("engagement", "indicator", "perception", "documents", "facts"):
            table.add_row(key, str(stats[key]))
        dated = stats["facts_by_year_from"]
        if dated is None:
            table.add_row("  effective years", note)
        else:
            table.add_row("  facts dated from their document", str(dated["document"]))
            table.add_row("  facts undated (`ledger undated`)", str(dated["undated"]))
        for origin, kinds in stats["by_origin"].items():
            table.add_row(f"  from {origin}", ", ".join(f"{k} {v}" for k, v in kinds.items()))
        Console().print(table)

    run_guarded(work)


#: What the query sandbox refuses, for the one-line message.
SANDBOX_REFUSAL = (
    "query refused: `ledger query` is read-only and reads this ledger only (no file access, COPY, EXPORT, ATTACH, "
    "INSTALL, LOAD or SET)"
)


@ledger_app.command("query")
def query_cmd(
    sql: Annotated[str, typer.Argument(help="SQL over records, documents, facts, engagement, ...")],
    ledger: LedgerOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Run a read-only SQL query in a sandbox: the ledger is opened read-only, and statements that
    read or write other files (read_csv, COPY, EXPORT DATABASE), ATTACH databases, INSTALL or LOAD
    extensions, or change settings are refused with one line.

    Example: softpower ledger query "SELECT actor, count(*) FROM engagement GROUP BY actor"
    """
    import duckdb

    def work() -> None:
        with Ledger.open(ledger_path(ledger), read_only=True, sandbox=True) as lg:
            try:
                df = lg.query(sql)
            except duckdb.PermissionException:
                fail(SANDBOX_REFUSAL)
            except duckdb.Error as exc:
                first = str(exc).splitlines()[0]
                if "configuration has been locked" in first or "read-only mode" in first:
                    fail(SANDBOX_REFUSAL)
                fail(f"query failed: {first}")
        if fmt == "csv":
            sys.stdout.write(df.to_csv(index=False))
        elif fmt == "json":
            sys.stdout.write(df.to_json(orient="records", date_format="iso") + "\n")
        else:
            with __import__("pandas").option_context("display.max_rows", 200, "display.width", 200):
                print(df.to_string(index=False))

    run_guarded(work)


@ledger_app.command("undated")
def undated_cmd(ledger: LedgerOpt = None, fmt: FormatOpt = "table") -> None:
    """List the facts with no year of their own and no dated document, and what each would add.

    Example: softpower ledger undated --format csv
    """

    def work() -> None:
        with Ledger.open(ledger_path(ledger), read_only=True) as lg:
            df = undated_facts(lg)
        if fmt == "csv":
            sys.stdout.write(df.to_csv(index=False))
        elif fmt == "json":
            sys.stdout.write(df.to_json(orient="records") + "\n")
        elif fmt == "table":
            print(f"{len(df)} undated facts (no year in the record, no date on its document):")
            for r in df.itertuples(index=False):
                print(f"  {r.would_add}  [{r.docs}]")
        else:
            fail(f"--format: unknown format {fmt!r} (expected table, csv or json)")

    run_guarded(work)
