"""Bounded load test of the dashboard on 127.0.0.1: requests/s, p50/p99 per page, errors.

Starts the real server (``softpower serve``, read-only, loopback) on a free port, loads every
page once (the cold load that fills the server's caches, reported apart), then sends requests from
``--clients`` threads, each taking the next page of a fixed round-robin list, until ``--seconds``
have passed or ``--requests`` were sent, whichever comes first (hard caps: 60 s, 20,000 requests).
An error is a status other than 200, a refused or reset connection, or a request slower than
``--timeout`` seconds. The target is 0 errors.

Examples::

    .venv/bin/python benchmarks/load_test.py                      # the bundled ledger
    .venv/bin/python benchmarks/load_test.py --ledger /tmp/x13b_all.duckdb --name all-data
    make load                                                     # both, results/load_*.md

The ledger is opened read-only; it is never written.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import write_table  # noqa: E402

MAX_SECONDS = 60.0
MAX_REQUESTS = 20_000

#: The dashboard's pages and downloads (a document page is added from the ledger).
PAGES = (
    "/",
    "/index",
    "/index?partner=VNM",
    "/partner?partner=VNM",
    "/explain?partner=VNM",
    "/records",
    "/records?partner=VNM&page=2",
    "/search?q=health+Vietnam",
    "/glossary",
    "/scenarios",
    "/download/records.csv?partner=LAO",
    "/download/index.csv",
    "/static/dashboard.css",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def first_document(ledger: Path) -> str | None:
    from urllib.parse import quote

    from softpower.ledger import Ledger

    with Ledger.open(ledger, read_only=True) as lg:
        row = lg.con.execute(
            "SELECT doc_id FROM documents ORDER BY text IS NULL, text_length DESC, doc_id LIMIT 1"
        ).fetchone()
    return None if row is None else "/documents/" + quote(str(row[0]), safe="")


def get(port: int, path: str, timeout: float) -> tuple[int, float, int]:
    """One GET; returns (status or 0 on a connection error, seconds, body bytes)."""
    t0 = time.perf_counter()
    try:
        con = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        con.request("GET", path, headers={"Host": "127.0.0.1"})
        resp = con.getresponse()
        body = resp.read()
        con.close()
        return resp.status, time.perf_counter() - t0, len(body)
    except (OSError, http.client.HTTPException):
        return 0, time.perf_counter() - t0, 0


def start_server(ledger: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("softpower")
    cmd = [str(exe), "serve", "--ledger", str(ledger), "--port", str(port), "--host", "127.0.0.1"]
    proc = subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"load_test: the server exited: {log.read_text()[-500:]}")
        status, _, _ = get(port, "/static/dashboard.css", 2)
        if status == 200:
            return proc
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("load_test: the server did not answer within 120 s")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ledger", type=Path, help="Ledger to serve (default: a new bundled ledger).")
    ap.add_argument("--name", default=None, help="Result name: results/load_<name>.md.")
    ap.add_argument("--seconds", type=float, default=45.0, help=f"Duration (at most {MAX_SECONDS:.0f}).")
    ap.add_argument("--requests", type=int, default=MAX_REQUESTS, help=f"Budget (at most {MAX_REQUESTS}).")
    ap.add_argument("--clients", type=int, default=8, help="Concurrent client threads.")
    ap.add_argument("--timeout", type=float, default=30.0, help="Seconds before a request is an error.")
    ap.add_argument(
        "--cold-timeout", type=float, default=180.0, help="Seconds the first load of a page may take."
    )
    args = ap.parse_args()
    # a stopped run (Ctrl-C, SIGTERM from `timeout`) still stops the server it started
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    seconds = min(args.seconds, MAX_SECONDS)
    budget = min(args.requests, MAX_REQUESTS)

    with tempfile.TemporaryDirectory(prefix="softpower-load-") as tmp:
        ledger = args.ledger
        label = str(ledger)
        if ledger is None:
            from softpower.ledger import bundled_ledger

            ledger = bundled_ledger(Path(tmp) / "bundled.duckdb")
            label = "bundled ledger"
        name = args.name or ("bundled" if args.ledger is None else ledger.stem)
        pages = list(PAGES)
        doc = first_document(ledger)
        if doc is not None:
            pages.append(doc)
        port = free_port()
        log = Path(tmp) / "server.log"
        server = start_server(ledger, port, log)
        try:
            cold: dict[str, tuple[int, float]] = {}
            for p in pages:  # the first load of each page fills the server's caches
                status, sec, _ = get(port, p, args.cold_timeout)
                cold[p] = (status, sec)
                print(f"cold {p}: status {status or 'timeout'} in {sec:.1f} s", file=sys.stderr, flush=True)

            # pages whose cold load failed are left out of the timed phase (counted as errors above);
            # no timed phase when none loaded or the server is gone (out of memory, a crash)
            warm = [p for p in pages if cold[p][0] == 200] if server.poll() is None else []
            server_died = server.poll() is not None
            lock = threading.Lock()
            results: dict[str, list[float]] = {p: [] for p in pages}
            errors: dict[str, int] = dict.fromkeys(pages, 0)
            sent = 0
            t_end = time.monotonic() + seconds

            def client() -> None:
                nonlocal sent
                while True:
                    with lock:
                        if sent >= budget or time.monotonic() >= t_end:
                            return
                        page = warm[sent % len(warm)]
                        sent += 1
                    status, sec, _ = get(port, page, args.timeout)
                    with lock:
                        if status == 200 and sec <= args.timeout:
                            results[page].append(sec)
                        else:
                            errors[page] += 1

            t0 = time.monotonic()
            threads = [threading.Thread(target=client) for _ in range(args.clients)]
            for t in threads if warm else []:
                t.start()
            for t in threads if warm else []:
                t.join()
            elapsed = time.monotonic() - t0
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
        log_tail = log.read_text(errors="replace").strip().splitlines()[-3:]

    served = sum(len(v) for v in results.values())
    n_err = sum(errors.values()) + sum(1 for c in cold.values() if c[0] != 200)
    rows: list[list[object]] = []
    for p in pages:
        v = results[p]
        rows.append(
            [
                f"`{p}`",
                f"{cold[p][1]:.2f}" + ("" if cold[p][0] == 200 else f" (status {cold[p][0]})"),
                len(v),
                f"{pct(v, 50) * 1000:.0f}",
                f"{pct(v, 99) * 1000:.0f}",
                errors[p] + int(cold[p][0] != 200),
            ]
        )
    all_v = [x for v in results.values() for x in v]
    elapsed = max(elapsed, 1e-9)
    rows.append(
        [
            "**all pages**",
            f"{sum(c[1] for c in cold.values()):.2f}",
            served,
            f"{pct(all_v, 50) * 1000:.0f}",
            f"{pct(all_v, 99) * 1000:.0f}",
            n_err,
        ]
    )
    notes = (
        f"Ledger: {label}. {args.clients} client threads on 127.0.0.1 for {elapsed:.1f} s "
        f"(cap {seconds:.0f} s, budget {budget} requests): **{served + n_err} requests, "
        f"{(served + n_err) / elapsed:.1f} requests/s, {n_err} errors** (status other than 200, "
        f"a connection error, or slower than {args.timeout:.0f} s; a cold load slower than "
        f"{args.cold_timeout:.0f} s counts too). Cold = the first request of each "
        "page, which fills the server's caches (records, index, search); p50/p99 are over the "
        f"timed requests after it. Load average at the end: {os.getloadavg()[0]:.1f} "
        "(2 cores shared with other work)."
    )
    if server_died:
        notes += f" **The server exited during the cold loads (exit code {server.returncode}).**"
    if log_tail and n_err:
        notes += "\n\nServer log (last lines): " + " / ".join(log_tail)
    write_table(
        f"load_{name}",
        f"Dashboard load test ({name})",
        ["page", "cold s", "requests", "p50 ms", "p99 ms", "errors"],
        rows,
        notes,
    )
    return 1 if n_err else 0


if __name__ == "__main__":
    raise SystemExit(main())
