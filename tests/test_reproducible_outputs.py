"""Same inputs and seed → byte-identical files, for every command that writes one.

Every command below runs twice, in two fresh processes with different hash seeds
(``PYTHONHASHSEED``) and at least a second apart, on the bundled ledger with small options; each
file it writes (or its standard output, for commands that print their result) must be
byte-identical between the two runs. Timings and progress go to standard error only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

#: name → (arguments, the file the command writes, or None for its standard output).
COMMANDS: dict[str, tuple[list[str], str | None]] = {
    "ledger export jsonl": (["ledger", "export", "--format", "jsonl", "-o", "{out}"], "export.jsonl"),
    "ledger export csv": (["ledger", "export", "--format", "csv", "-o", "{out}"], "export.csv"),
    "ledger export parquet": (["ledger", "export", "--format", "parquet", "-o", "{out}"], "export.parquet"),
    "ledger export xlsx": (["ledger", "export", "--format", "xlsx", "-o", "{out}"], "export.xlsx"),
    "ledger stats": (["ledger", "stats", "--format", "json"], None),
    "ledger query": (
        [
            "ledger",
            "query",
            "SELECT kind, count(*) AS n FROM records GROUP BY ALL ORDER BY 1",
            "--format",
            "csv",
        ],
        None,
    ),
    "index json": (
        ["index", "--mc", "20", "--seed", "3", "--format", "json", "--deterministic", "-o", "{out}"],
        "index.json",
    ),
    "index csv": (["index", "--mc", "20", "--seed", "3", "--format", "csv", "-o", "{out}"], "index.csv"),
    "index parquet": (
        ["index", "--mc", "20", "--seed", "3", "--format", "parquet", "-o", "{out}"],
        "index.parquet",
    ),
    "index xlsx": (["index", "--mc", "20", "--seed", "3", "--format", "xlsx", "-o", "{out}"], "index.xlsx"),
    "simulate json": (
        ["simulate", "baseline", "--runs", "3", "--seed", "2", "--format", "json", "-o", "{out}"],
        "sim.json",
    ),
    "simulate csv": (
        ["simulate", "baseline", "--runs", "3", "--seed", "2", "--format", "csv", "-o", "{out}"],
        "sim.csv",
    ),
    "simulate xlsx": (
        ["simulate", "baseline", "--runs", "3", "--seed", "2", "--format", "xlsx", "-o", "{out}"],
        "sim.xlsx",
    ),
    "report html": (
        ["report", "--scenario", "baseline", "--mc", "20", "--runs", "3", "--seed", "2", "-o", "{out}"],
        "report.html",
    ),
    "coverage csv": (["coverage", "--format", "csv"], None),
    "coverage json": (["coverage", "--format", "json"], None),
    "validate json": (["validate", "--format", "json", "-o", "{out}"], "validate.json"),
    "search csv": (["search", "health", "--format", "csv", "-o", "{out}"], "search.csv"),
    "search xlsx": (["search", "health", "--format", "xlsx", "-o", "{out}"], "search.xlsx"),
    "extract jsonl": (["extract", "{doc}", "-o", "{out}"], "extract.jsonl"),
    "extract review html": (["extract", "{doc}", "-o", "{tmp}/x.jsonl", "--review", "{out}"], "review.html"),
}

#: Runs every command of COMMANDS in this process, each output into ``sys.argv[2]``.
DRIVER = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from pathlib import Path
    from softpower.cli import app
    commands, out_dir, ledger, doc = json.loads(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    for name, (args, target) in commands.items():
        out = out_dir / (target or name.replace(" ", "_") + ".stdout")
        args = [a.format(out=out, doc=doc, tmp=out_dir / "tmp") for a in args]
        (out_dir / "tmp").mkdir(exist_ok=True)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            try:
                app([*args, "--ledger", ledger] if args[0] != "extract" else [*args], standalone_mode=False)
            except SystemExit as exc:
                if exc.code:
                    raise
        if target is None:
            out.write_text(buf.getvalue(), encoding="utf-8")
        print(name, "ok", file=sys.stderr)
    """
)

DOCUMENT = (
    "Tokyo, 12 March 2021. Japan pledged $25 million to Vietnam for hospital equipment in 2021, "
    "and China signed a ¥3 billion loan with Laos for a railway in 2019. A 2022 survey found that "
    "64% of Indonesians trust Japan.\n"
)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import json

    from softpower.ledger import bundled_ledger

    base = tmp_path_factory.mktemp("repro")
    ledger = bundled_ledger(base / "l.duckdb")
    doc = base / "note.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    dirs = (base / "a", base / "b")
    for i, d in enumerate(dirs):
        d.mkdir()
        if i:
            time.sleep(1.1)  # a timestamp in a file would differ
        env = {**os.environ, "PYTHONHASHSEED": str(11 + i), "SOFTPOWER_WORKERS": "1"}
        res = subprocess.run(
            [sys.executable, "-c", DRIVER, json.dumps(COMMANDS), str(d), str(ledger), str(doc)],
            capture_output=True,
            text=True,
            env=env,
            timeout=1200,
        )
        assert res.returncode == 0, res.stderr[-3000:]
    return dirs


@pytest.mark.parametrize("name", list(COMMANDS))
def test_same_inputs_and_seed_give_identical_bytes(two_runs: tuple[Path, Path], name: str) -> None:
    target = COMMANDS[name][1] or name.replace(" ", "_") + ".stdout"
    a, b = (d / target for d in two_runs)
    first, second = a.read_bytes(), b.read_bytes()
    assert len(first) > 40, f"{name}: almost empty output"
    assert first == second, f"{name}: {target} differs between two runs with the same seed"
