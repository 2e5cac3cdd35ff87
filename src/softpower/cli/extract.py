"""CLI commands of the extract stage (registered by ``softpower.cli``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from softpower.cli.common import LedgerOpt, WaitOpt, fail, ledger_path, run_guarded
from softpower.extract.pipeline import TIME_LIMIT, ExtractResult, extract_paths, keep_confident
from softpower.extract.review import render_review
from softpower.extract.text import SUFFIXES, iter_inputs
from softpower.outputs import check_output, write_output


def _jsonl(results: list[ExtractResult]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for res in results for r in res.records)


def _into_ledger(results: list[ExtractResult], path: Path | None, wait: float | None = None) -> None:
    import pandas as pd

    from softpower.ledger import Ledger

    with Ledger.open(ledger_path(path), wait=wait) as lg:
        for res in results:
            if not res.ok or not res.records or res.document is None:
                continue
            frame = pd.DataFrame(res.records)
            frame["line"] = range(1, len(frame) + 1)
            done = lg.import_records(frame, [res.document], origin="extract", source=res.path)
            print(f"{res.doc}: {done.total} records added to {lg.path}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add ``softpower extract`` to ``app``."""

    @app.command("extract")
    def extract_cmd(
        paths: Annotated[
            list[Path], typer.Argument(help=f"Files ({', '.join(SUFFIXES)}) or folders of them.")
        ],
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="Write JSON Lines here (default: standard output)."),
        ] = None,
        into_ledger: Annotated[
            bool, typer.Option("--into-ledger", help="Also import the records into the ledger.")
        ] = False,
        ledger: LedgerOpt = None,
        review: Annotated[
            Path | None,
            typer.Option("--review", help="Write an HTML page listing each record beside its sentence."),
        ] = None,
        workers: Annotated[int, typer.Option("--workers", min=1, help="Local worker processes.")] = 1,
        max_mb: Annotated[
            float, typer.Option("--max-mb", min=0.001, help="Refuse files larger than this (MiB).")
        ] = 100.0,
        time_limit: Annotated[
            float,
            typer.Option(
                "--time-limit",
                min=0.1,
                help="CPU seconds one document may take; a slower one is reported and skipped.",
            ),
        ] = TIME_LIMIT,
        min_confidence: Annotated[
            float,
            typer.Option(
                "--min-confidence",
                min=0.0,
                max=1.0,
                help="Keep only records whose calibrated confidence is at least this (0 keeps all).",
            ),
        ] = 0.0,
        wait: WaitOpt = None,
    ) -> None:
        """Extract engagement, indicator and perception records, each tied to its sentence.

        Prints one JSON object per record (the gold exchange format); a file that cannot be
        read gives one line on standard error, the others are still processed, and the exit
        code is 1.

        Each record carries a calibrated ``confidence`` (extra key); ``--min-confidence`` drops
        records below it.

        Example: softpower extract ../shared/corpus/seeds --output seeds.jsonl --review review.html

        Example: softpower extract notes/ --min-confidence 0.6 --output confident.jsonl
        """
        files: list[Path] = []
        for p in paths:
            if p.is_dir():
                found = iter_inputs([p])
                if not found:
                    fail(f"{p}: no {', '.join(SUFFIXES)} files in this folder", 2)
                files.extend(found)
            else:
                files.append(p)
        for target in (output, review):
            if target is not None:
                run_guarded(check_output, target)  # fail at once, before the reading
        keep = review is not None or into_ledger
        results = extract_paths(
            files, workers=workers, max_bytes=int(max_mb * 2**20), keep_text=keep, time_limit=time_limit
        )
        if min_confidence > 0:
            for r in results:
                r.records = keep_confident(r.records, min_confidence)
        for r in results:
            for w in r.warnings:
                print(f"softpower: warning: {w}", file=sys.stderr)
        failed = [r for r in results if not r.ok]
        for r in failed:
            print(f"softpower: {r.error}", file=sys.stderr)
        body = _jsonl(results)
        if output is not None:
            run_guarded(write_output, output, body)
        else:
            sys.stdout.write(body)
        if review is not None:
            run_guarded(write_output, review, render_review(results))
        if into_ledger:
            run_guarded(_into_ledger, results, ledger, wait)
        n = sum(len(r.records) for r in results)
        print(
            f"softpower: {n} records from {len(results) - len(failed)} of {len(results)} files",
            file=sys.stderr,
        )
        if failed:
            raise typer.Exit(1)
