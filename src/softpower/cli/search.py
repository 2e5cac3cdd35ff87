"""``softpower search``: full-text search over a ledger's documents and records."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from softpower.cli.common import LedgerOpt, OutputOpt, fail, ledger_path, run_guarded


def register(app: typer.Typer) -> None:
    app.command("search")(search_cmd)


def search_cmd(
    query: Annotated[
        str, typer.Argument(help="Words to look for (names or codes), e.g. 'health PPP Vietnam'.")
    ],
    ledger: LedgerOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most hits shown.")] = 20,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Search records or documents only (record, document).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, json or xlsx.")] = "table",
    output: OutputOpt = None,
) -> None:
    """Search the ledger's documents and records (BM25 ranking; names and codes both match).

    Example: softpower search --ledger softpower.duckdb "health PPP Vietnam"
    """
    from softpower.ledger import Ledger
    from softpower.search import search

    if fmt not in ("table", "csv", "json", "xlsx"):
        fail(f"--format: unknown format {fmt!r} (expected table, csv, json or xlsx)")
    if fmt == "xlsx" and output is None:
        fail("--format xlsx needs --output FILE.xlsx (a workbook is not written to the terminal)")

    def run() -> None:
        path = ledger_path(ledger)
        with Ledger.open(path, read_only=True) as lg:
            hits = search(lg, query, limit=limit, kind=kind)
        _write(hits, fmt, output, query)

    run_guarded(run)


def _write(hits, fmt: str, output: Path | None, query: str) -> None:  # type: ignore[no-untyped-def]
    from softpower.outputs import write_output, write_xlsx

    if fmt == "xlsx":
        assert output is not None
        write_xlsx(output, {"search": hits})
        print(f"{len(hits)} hits written to {output}", file=sys.stderr)
        return
    if fmt == "csv":
        text = hits.to_csv(index=False)
    elif fmt == "json":
        text = hits.to_json(orient="records", force_ascii=False) + "\n"
    else:
        text = _table(hits, query)
    if output is not None:
        write_output(output, text)
    else:
        sys.stdout.write(text)


def _table(hits, query: str) -> str:  # type: ignore[no-untyped-def]
    if hits.empty:
        return f"No record or document matches '{query}'.\n"
    lines = [f"{len(hits)} best hits for '{query}' (record: a ledger record; document: a source text)"]
    for h in hits.itertuples(index=False):
        where = f"record {h.id} in {h.doc}" if h.kind == "record" else f"document {h.id}"
        lines.append(f"{h.rank:>3}. [{h.score:.2f}] {h.title}")
        lines.append(f"     {where}{'' if h.year is None or h.year != h.year else f', {int(h.year)}'}")
        if h.snippet:
            lines.append(f"     “{h.snippet[:200]}{'…' if len(h.snippet) > 200 else ''}”")
    return "\n".join(lines) + "\n"
