"""Mutation testing of softpower's core packages with mutmut, one package at a time.

``make mutation`` runs this. For each package (records, ledger, measure, simulate) it

1. stages ``<out>/<package>/`` (links to ``src``, ``tests`` and ``../shared``, and a
   ``pyproject.toml`` whose ``[tool.mutmut]`` mutates only that package and runs only the
   package's fast tests, listed in ``pyproject.toml`` under
   ``[tool.softpower.mutation.tests]``; browser tests are excluded),
2. generates every mutant of the package (mutmut's own generator) and counts them,
3. draws a sample of them when ``--sample N`` is given: ``N`` mutant names drawn with
   ``random.Random(seed)`` from the sorted list of all mutants of the package, so the same
   seed and source give the same sample (``--sample 0`` runs every mutant),
4. runs ``mutmut run --max-children J <names...>`` under ``nice`` and ``timeout``: a run that
   reaches ``--time-limit`` seconds is stopped and its unfinished mutants are counted as
   "not run" (never as killed),
5. prints one table per package and writes ``<out>/report.md`` (tables and the diff of every
   surviving mutant) and ``<out>/results.tsv`` (one line per mutant and status).

Mutmut runs, for each mutant, only the tests that executed the mutated function (it records
that in a first clean run) and stops at the first failing test.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import random
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Package → the fast test files that exercise it (no browser tests, no benchmarks); the table
#: lives in pyproject.toml, ``[tool.softpower.mutation.tests]``.
_CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["softpower"][
    "mutation"
]
PACKAGES: dict[str, list[str]] = _CONFIG["tests"]
#: Targets narrower than a package (``[tool.softpower.mutation.paths]``): name → files to mutate.
PATHS: dict[str, str] = _CONFIG.get("paths", {})


def _pattern(package: str) -> str:
    """The files a target mutates (a glob relative to the repository)."""
    return PATHS.get(package, f"src/softpower/{package}/*")


#: Files and folders of the repository that tests read (mutmut copies them beside the mutants).
ALSO_COPY = ("README.md", "docs", "Makefile", "benchmarks")

#: mutmut's statuses, in the order of the table's columns.
COLUMNS = ("killed", "survived", "timeout", "no tests", "other", "not run")


def _status(code: int | None) -> str:
    from mutmut.stats import status_by_exit_code

    if code is None:
        return "not run"
    status = status_by_exit_code[code]
    if status in ("killed", "survived", "timeout", "no tests"):
        return str(status)
    if status == "segfault":  # a mutant that crashes the interpreter is detected
        return "killed"
    return "other"


def _stage(package: str, out: Path, timeout_multiplier: float, timeout_constant: float = 10.0) -> Path:
    """A directory where mutmut sees only this package's config; fresh on every call."""
    stage = out / package
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    (stage / "src").symlink_to(ROOT / "src")
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        # the tests find ../shared beside the repository; their copies live in <stage>/mutants/tests
        (stage / "shared").symlink_to(shared)
    for name in ALSO_COPY:  # files of the repository that some tests read
        if (ROOT / name).exists():
            (stage / name).symlink_to(ROOT / name)
    (stage / "tests").symlink_to(ROOT / "tests")
    _write_config(stage, package, timeout_multiplier, timeout_constant)
    return stage


def _write_config(
    stage: Path, package: str, timeout_multiplier: float, timeout_constant: float = 10.0
) -> None:
    """The staging folder's pyproject.toml: mutmut's settings for this package only."""
    tests = [t for t in PACKAGES[package] if (ROOT / t).is_file()]
    config = {
        "source_paths": ["src/softpower"],
        "only_mutate": [_pattern(package)],
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-m", "not browser", "-W", "ignore"],
        "timeout_multiplier": timeout_multiplier,
        "timeout_constant": timeout_constant,
        "use_git_change_detection": False,
        "also_copy": list(ALSO_COPY),
    }
    lines = ["[tool.mutmut]"] + [f"{k} = {json.dumps(v)}" for k, v in config.items()]
    # pytest's own settings (markers) as in the project's pyproject; mutmut copies this file
    lines += [
        "",
        "[tool.pytest.ini_options]",
        'markers = ["browser: real-browser tests", "shared: ../shared data"]',
    ]
    (stage / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


_GENERATE = """
import os
import mutmut.__main__ as mm
mm.set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
mm.copy_src_dir()
mm.copy_also_copy_files()
mm.setup_source_paths()
mm.create_mutants(1)
"""


# `mutmut run`, without its second clean pass: the statistics pass that precedes it has just run
# the same tests on the unmutated code, and mutmut stops when any of them fails.
_RUN = """
import sys
from mutmut.workers.isolation import ForkRunner
ForkRunner.run_clean_tests = lambda self, tests: 0
from mutmut.__main__ import cli
sys.argv[0] = "mutmut"
cli()
"""


def _meta_files(stage: Path, package: str) -> list[Path]:
    root = stage / "mutants"
    metas = root.joinpath("src", "softpower").rglob("*.py.meta")
    return sorted(
        m for m in metas if fnmatch.fnmatch(str(m.relative_to(root))[: -len(".meta")], _pattern(package))
    )


def _results(stage: Path, package: str) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for meta in _meta_files(stage, package):
        out.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return out


def _diffs(stage: Path, names: list[str]) -> dict[str, str]:
    """The diff of each named mutant (mutmut's own rendering), in one process."""
    if not names:
        return {}
    code = (
        "import json, sys\n"
        "from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant\n"
        "out = {}\n"
        "for n in json.load(sys.stdin):\n"
        "    out[n] = get_diff_for_mutant(n, path=find_mutant(n).path)\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=stage,
        input=json.dumps(names),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if proc.returncode != 0:
        return {n: f"(no diff: {proc.stderr.strip().splitlines()[-1:]})" for n in names}
    return dict(json.loads(proc.stdout))


def run_package(package: str, args: argparse.Namespace) -> dict[str, object]:
    out = Path(args.out)
    env = dict(os.environ, PYTHONHASHSEED="0")
    t0 = time.monotonic()
    stage = out / package
    again = args.again and (stage / "mutants").is_dir()
    before = _results(stage, package) if again else {}
    if again:
        # the test list as it is now
        _write_config(stage, package, args.timeout_multiplier, args.timeout_constant)
    else:
        stage = _stage(package, out, args.timeout_multiplier, args.timeout_constant)
        subprocess.run([sys.executable, "-c", _GENERATE], cwd=stage, env=env, check=True, capture_output=True)
    generated = sorted(_results(stage, package))
    names = generated
    if args.sample and args.sample < len(generated):
        names = sorted(random.Random(f"{args.seed}:{package}").sample(generated, args.sample))
    if again:
        # tests were only added: a killed mutant stays killed; run the others again
        names = [n for n in names if _status(before.get(n)) != "killed"]
    cmd = ["nice", "-n", str(args.nice), "timeout", "-s", "INT", "-k", "30", str(args.time_limit)]
    cmd += [sys.executable, "-c", _RUN, "run", "--max-children", str(args.jobs), *names]
    log = out / f"{package}.log"
    with log.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(cmd, cwd=stage, env=env, stdout=fh, stderr=subprocess.STDOUT, check=False)
    seconds = time.monotonic() - t0
    codes = _results(stage, package)
    if again:  # report the whole sample: the kept kills and the new verdicts
        names = (
            sorted(random.Random(f"{args.seed}:{package}").sample(generated, args.sample))
            if (args.sample and args.sample < len(generated))
            else generated
        )
    status = {n: _status(codes.get(n)) for n in names}
    counts = Counter(status.values())
    survivors = sorted(n for n, s in status.items() if s == "survived")
    return {
        "package": package,
        "generated": len(generated),
        "sampled": len(names),
        "counts": {c: counts.get(c, 0) for c in COLUMNS},
        "status": status,
        "survivors": survivors,
        "diffs": _diffs(stage, survivors) if args.diffs else {},
        "seconds": seconds,
        "stopped": proc.returncode in (124, 137) or proc.returncode < 0,
        "exit": proc.returncode,
        "log": str(log),
    }


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"


def _note(r: dict[str, object]) -> str:
    if r["stopped"]:
        return " (time bound reached)"
    if r["exit"] != 0:
        return f" (mutmut failed: see {r['log']})"
    return ""


def table(results: list[dict[str, object]]) -> str:
    head = ("package", "generated", "run", *COLUMNS, "survived %", "minutes")
    rows = [head]
    for r in results:
        counts: dict[str, int] = r["counts"]  # type: ignore[assignment]
        judged = sum(counts[c] for c in ("killed", "survived", "timeout"))
        rows.append(
            (
                str(r["package"]),
                str(r["generated"]),
                str(r["sampled"]),
                *(str(counts[c]) for c in COLUMNS),
                _pct(counts["survived"], judged),
                f"{float(r['seconds']) / 60:.1f}" + _note(r),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument(
        "packages",
        nargs="*",
        default=[k for k in PACKAGES if k not in PATHS],
        help="packages (default: records ledger measure simulate), or a narrower target of "
        "[tool.softpower.mutation.paths] such as ledger-validate",
    )
    p.add_argument("--sample", type=int, default=0, help="mutants per package, seeded sample (0 = all)")
    p.add_argument("--seed", type=int, default=1, help="seed of the sample")
    p.add_argument("--time-limit", type=int, default=1800, help="seconds per package before it is stopped")
    p.add_argument("--jobs", type=int, default=1, help="mutants run at once (mutmut --max-children)")
    p.add_argument("--nice", type=int, default=10, help="nice level of the run")
    p.add_argument("--timeout-multiplier", type=float, default=3.0, help="mutmut's timeout_multiplier")
    p.add_argument(
        "--timeout-constant",
        type=float,
        default=10.0,
        help="mutmut's timeout_constant (seconds): a mutant is stopped after about "
        "multiplier x (its tests' time + constant) seconds; raise it on a busy machine",
    )
    p.add_argument("--out", default=str(ROOT / "out" / "mutation"), help="work and report folder")
    p.add_argument(
        "--again",
        action="store_true",
        help="reuse the mutants staged in --out by the last run and run again only those of the sample "
        "that were not killed (after adding tests: the 'after' figures of the same sample)",
    )
    p.add_argument("--no-diffs", dest="diffs", action="store_false", help="skip the survivors' diffs")
    args = p.parse_args(argv)
    unknown = [x for x in args.packages if x not in PACKAGES]
    if unknown:
        p.error(f"unknown package(s) {unknown}; choose from {list(PACKAGES)}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for package in args.packages:
        print(f"mutation: {package} ...", flush=True)
        r = run_package(package, args)
        results.append(r)
        print(table([r]), flush=True)
    how = "every mutant" if not args.sample else f"a seeded sample of {args.sample} mutants per package"
    summary = (
        f"mutmut over {', '.join(args.packages)}: {how} (seed {args.seed}), at most {args.time_limit} s "
        f"per package, {args.jobs} at once. 'survived %' = survived / (killed + survived + timeout).\n\n"
        + table(results)
    )
    print("\n" + summary)
    with (out / "results.tsv").open("w", encoding="utf-8") as fh:
        fh.write("package\tmutant\tstatus\n")
        for r in results:
            for name, status in sorted(r["status"].items()):  # type: ignore[attr-defined]
                fh.write(f"{r['package']}\t{name}\t{status}\n")
    report = ["# Mutation testing report", "", summary, ""]
    for r in results:
        report += [f"## {r['package']}: {len(r['survivors'])} surviving", ""]  # type: ignore[arg-type]
        for name in r["survivors"]:  # type: ignore[attr-defined]
            report += [f"### {name}", "", "```diff", str(r["diffs"].get(name, "")).strip(), "```", ""]  # type: ignore[attr-defined]
    (out / "report.md").write_text("\n".join(report), encoding="utf-8")
    print(f"\nreport: {out / 'report.md'}; per mutant: {out / 'results.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
