"""CLI commands of the report stage: ``softpower report`` and ``softpower serve``."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from pathlib import Path
from typing import Annotated

import typer

from softpower.cli.common import LedgerOpt, SeedOpt, ledger_path, run_guarded

ScenarioOpt = Annotated[
    str | None,
    typer.Option(
        "--scenario",
        help="Add fan charts of this scenario (a bundled name or a YAML file) against the baseline.",
    ),
]
ReportOutOpt = Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")]
McOpt = Annotated[
    int, typer.Option("--mc", min=1, help="Monte-Carlo draws of the index uncertainty analysis.")
]
RunsOpt = Annotated[int, typer.Option("--runs", min=1, help="Simulated runs of the scenario.")]


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; a clear one-line error when the port is taken.

    Raises
    ------
    softpower.errors.SoftpowerError
        When the port is in use or the address cannot be bound.
    """
    from softpower.errors import SoftpowerError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise SoftpowerError(
                f"port {port} on {host} is in use: stop the other server or choose another port with --port"
            ) from None
        raise SoftpowerError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def register(app: typer.Typer) -> None:
    """Add ``softpower report`` and ``softpower serve`` to ``app``."""

    @app.command("report")
    def report_cmd(
        output: ReportOutOpt,
        ledger: LedgerOpt = None,
        scenario: ScenarioOpt = None,
        seed: SeedOpt = 0,
        mc: McOpt = 200,
        runs: RunsOpt = 200,
    ) -> None:
        """Write one self-contained HTML report (opens offline; figures link to their sources).

        Example: softpower report --ledger softpower.duckdb --scenario baseline --output out/report.html
        """
        from softpower.ledger import Ledger
        from softpower.measure.api import check_draws
        from softpower.report import build_report

        run_guarded(check_draws, mc)
        path = ledger_path(ledger)

        def work() -> Path:
            with Ledger.open(path, read_only=True) as lg:
                return build_report(lg, scenario=scenario, output=output, seed=seed, mc=mc, runs=runs)

        out = run_guarded(work)
        print(f"Report written to {out} (open it in any browser, offline).")

    @app.command("serve")
    def serve_cmd(
        ledger: LedgerOpt = None,
        host: Annotated[
            str, typer.Option("--host", help="Address to bind (loopback by default).")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8050,
        allow_write: Annotated[
            bool,
            typer.Option(
                "--allow-write", help="Allow importing records from the dashboard (read-only otherwise)."
            ),
        ] = False,
        allowed_host: Annotated[
            list[str] | None,
            typer.Option(
                "--allowed-host",
                help="Another Host name the server answers to (repeatable); the bound address, "
                "127.0.0.1 and localhost always are.",
            ),
        ] = None,
        token: Annotated[
            str | None,
            typer.Option(
                "--token",
                envvar="SOFTPOWER_TOKEN",
                help="Write token for --allow-write off loopback (default: a random one, printed).",
            ),
        ] = None,
    ) -> None:
        """Start the dashboard: filter records, re-weight the index, run scenarios, download CSV.

        Example: softpower serve --ledger softpower.duckdb --port 8050
        """
        import uvicorn

        from softpower.web import create_app

        path = ledger_path(ledger)
        # the index may fork worker processes for its Monte Carlo; forking a multi-threaded
        # server is unsafe, so the dashboard's index runs in-process unless the user says otherwise
        os.environ.setdefault("SOFTPOWER_WORKERS", "1")
        from softpower.web.app import serve_guards

        hosts, write_token = run_guarded(serve_guards, host, allowed_host or [], allow_write, token)
        web_app = run_guarded(
            create_app, path, allow_write=allow_write, allowed_hosts=hosts, write_token=write_token
        )
        sock = run_guarded(bind_socket, host, port)
        if not _is_loopback(host):
            print(f"softpower: warning: listening on {host}, reachable from other machines", file=sys.stderr)
        mode = "writable (--allow-write)" if allow_write else "read-only"
        if write_token is not None and token is None:
            print(f"softpower: imports need the write token {write_token}", file=sys.stderr)
        print(f"softpower dashboard on http://{host}:{port}/ (ledger {path}, {mode}); press Ctrl+C to stop")
        server = uvicorn.Server(uvicorn.Config(web_app, log_level="warning", access_log=False))
        try:
            server.run(sockets=[sock])
        except KeyboardInterrupt:  # pragma: no cover - interactive stop
            pass
        finally:
            sock.close()
