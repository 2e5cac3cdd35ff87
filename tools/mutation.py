"""Mutation testing of softpower's core packages with mutmut, one stratum at a time.

``make mutation`` runs this. A *target* is a package (records, ledger, measure, simulate) or a
*stratum*: a part of a package mutated against only the fast tests that exercise it
(``pyproject.toml``, ``[tool.softpower.mutation.strata.<name>]``: ``package``, ``mutate`` (globs),
``tests`` (files), ``deselect`` (slow test ids left out)). A package that has strata runs as its
strata, which must cover each of its files exactly once; a package without strata is one stratum
with the tests of ``[tool.softpower.mutation.tests]``. For each stratum the runner

1. stages ``<out>/<stratum>/`` (links to ``src``, ``tests`` and ``../shared``, and a
   ``pyproject.toml`` whose ``[tool.mutmut]`` mutates only the stratum's files and runs only its
   tests; browser tests are always excluded),
2. generates every mutant of the stratum (mutmut's own generator) and counts them,
3. draws a seeded sample (``--sample N``: ``N`` mutant names drawn with
   ``random.Random("<seed>:<stratum>")`` from the sorted list of the stratum's mutants; the same
   seed and source give the same sample; ``--sample 0`` runs every mutant),
4. runs ``mutmut run --max-children J <names...>`` under ``nice``, ``prlimit --as`` and
   ``timeout``: when ``--time-limit`` seconds are reached the run is stopped and its unfinished
   mutants are counted as "not run" (never as killed),
5. runs the mutants that timed out once more with a timeout constant ``--retry-factor`` times
   longer: on a busy machine a slow fork is not a hanging mutant; only a mutant that times out
   again is counted as a timeout (the table's *retried* column says how many were run again),
6. prints one table row per stratum and, for a package whose strata all ran, the package's
   estimate weighted by stratum size, each with a 95 % Wilson interval; writes
   ``<out>/report.md`` (tables and the diff of every surviving mutant) and ``<out>/results.tsv``.

Mutmut first runs the selected tests once to learn which test executes which function (its
statistics pass); each mutant then runs only the tests that executed the mutated function and stops
at the first failure. *survived %* counts a mutant as surviving when no test failed (*survived*)
or when no selected test executes its function (*no tests*): (survived + no tests) / (killed +
survived + timeout + no tests).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

_CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["softpower"][
    "mutation"
]
#: Package → the fast test files that exercise it (no browser tests, no benchmarks):
#: ``[tool.softpower.mutation.tests]``.
PACKAGES: dict[str, list[str]] = _CONFIG["tests"]


@dataclass(frozen=True)
class Stratum:
    """A part of a package, mutated against its own tests."""

    name: str
    package: str
    mutate: tuple[str, ...]
    tests: tuple[str, ...]
    deselect: tuple[str, ...] = field(default=())
    #: strata with the same stage share one staging folder, one generation and one statistics
    #: pass (they must have the same tests); each still samples and reports its own mutants
    stage: str = ""

    @property
    def stage_name(self) -> str:
        return self.stage or self.name

    @property
    def stage_mutate(self) -> tuple[str, ...]:
        """The files mutated in this stratum's staging folder (its own, or its stage's)."""
        if not self.stage:
            return self.mutate
        return tuple(g for s in STRATA.values() if s.stage == self.stage for g in s.mutate)


def _strata() -> dict[str, Stratum]:
    out: dict[str, Stratum] = {}
    for name, s in _CONFIG.get("strata", {}).items():
        out[name] = Stratum(
            name,
            s["package"],
            tuple(s["mutate"]),
            tuple(s["tests"]),
            tuple(s.get("deselect", ())),
            s.get("stage", ""),
        )
    for a in out.values():  # strata sharing a stage share its tests
        for b in out.values():
            if a.stage and a.stage == b.stage and (a.tests, a.deselect) != (b.tests, b.deselect):
                raise SystemExit(f"mutation: strata {a.name} and {b.name} share a stage but not their tests")
    for package, tests in PACKAGES.items():
        if not any(s.package == package for s in out.values()):
            out[package] = Stratum(package, package, (f"src/softpower/{package}/*",), tuple(tests))
    return out


STRATA = _strata()


def strata_of(package: str) -> list[Stratum]:
    return [s for s in STRATA.values() if s.package == package]


def check_partition(package: str) -> None:
    """Every .py file of the package belongs to exactly one of its strata."""
    strata = strata_of(package)
    for path in sorted((ROOT / "src" / "softpower" / package).rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        owners = [s.name for s in strata if any(fnmatch.fnmatch(rel, g) for g in s.mutate)]
        if len(owners) != 1:
            raise SystemExit(
                f"mutation: {rel} belongs to {len(owners)} strata of {package} ({owners}); expected 1"
            )


#: Files and folders of the repository that tests read (mutmut copies them beside the mutants).
ALSO_COPY = ("README.md", "docs", "Makefile", "benchmarks")

#: The table's status columns.
COLUMNS = ("killed", "survived", "timeout", "no tests", "other", "not run")


def _status(code: int | None) -> str:
    from mutmut.stats import status_by_exit_code

    if code is None:
        return "not run"
    if (
        code == -9
    ):  # SIGKILL: the CPU limit's hard bound, the memory bound or `timeout -k`; not a test failing
        return "other"
    status = status_by_exit_code[code]
    if status in ("killed", "survived", "timeout", "no tests"):
        return str(status)
    if status == "segfault":  # a mutant that crashes the interpreter (SIGSEGV) is detected
        return "killed"
    return "other"


def _stage(stratum: Stratum, out: Path, timeout_multiplier: float, timeout_constant: float) -> Path:
    """A directory where mutmut sees only this stratum's config; fresh on every call."""
    stage = out / stratum.stage_name
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
    _write_config(stage, stratum, timeout_multiplier, timeout_constant)
    return stage


def _write_config(stage: Path, stratum: Stratum, timeout_multiplier: float, timeout_constant: float) -> None:
    """The staging folder's pyproject.toml: mutmut's settings for this stratum only."""
    tests = [t for t in stratum.tests if (ROOT / t).is_file()]
    deselect = [a for d in stratum.deselect for a in ("--deselect", d)]
    config = {
        "source_paths": ["src/softpower"],
        "only_mutate": list(stratum.stage_mutate),
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-m", "not browser", "-W", "ignore", *deselect],
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


def _meta_files(stage: Path, stratum: Stratum) -> list[Path]:
    root = stage / "mutants"
    metas = root.joinpath("src", "softpower").rglob("*.py.meta")
    return sorted(
        m
        for m in metas
        if any(fnmatch.fnmatch(str(m.relative_to(root))[: -len(".meta")], g) for g in stratum.mutate)
    )


def _results(stage: Path, stratum: Stratum) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for meta in _meta_files(stage, stratum):
        out.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return out


def _forget(stage: Path, stratum: Stratum, names: list[str]) -> None:
    """Clear the old verdicts of the mutants about to run again, so that one the time bound
    stops before it is counted as "not run", not with the verdict of an earlier run."""
    wanted = set(names)
    for meta in _meta_files(stage, stratum):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data["exit_code_by_key"]
        hit = [k for k in codes if k in wanted and codes[k] is not None]
        if hit:
            for k in hit:
                codes[k] = None
            meta.write_text(json.dumps(data), encoding="utf-8")


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


def _load() -> float:
    """The machine's one-minute load average."""
    return float(Path("/proc/loadavg").read_text(encoding="utf-8").split()[0])


def _bounded(args: argparse.Namespace, seconds: float) -> list[str]:
    """The prefix that runs a command under nice, a memory bound and a time bound."""
    cmd = ["nice", "-n", str(args.nice)]
    if args.memory_gib > 0:
        cmd += ["prlimit", f"--as={int(args.memory_gib * 2**30)}"]
    return cmd + ["timeout", "-s", "INT", "-k", "30", str(max(1, int(seconds)))]


def sample_of(stratum: Stratum, generated: list[str], args: argparse.Namespace) -> list[str]:
    if args.sample and args.sample < len(generated):
        return sorted(random.Random(f"{args.seed}:{stratum.name}").sample(generated, args.sample))
    return generated


def file_of(mutant: str) -> str:
    """The mutated file, as a module path inside its package: ``softpower.measure.engine.xǁModelǁ
    _scopes__mutmut_33`` -> ``engine``, ``softpower.ledger.importers.pew.x_rows__mutmut_2`` ->
    ``importers.pew``, a package's ``__init__.py`` -> ``__init__`` (the last dotted part of a
    mutant's name is its mangled function)."""
    module = mutant.rsplit(".", 1)[0].split(".")
    return ".".join(module[2:]) or "__init__"


def _file_draw(
    stratum: Stratum, by_file: dict[str, list[str]], seed: int, total: int, least: int, skip: set[str]
) -> dict[str, list[str]]:
    """Per file, ``max(least, round(total x file's share of the mutants))`` names (at most all)
    drawn with ``random.Random("<seed>:<stratum>.<file>")`` from its mutants not in ``skip``."""
    n = sum(len(v) for v in by_file.values())
    out = {}
    for f, names in sorted(by_file.items()):
        want = min(len(names), max(least, round(total * len(names) / n)))
        pool = [m for m in names if m not in skip]
        out[f] = sorted(random.Random(f"{seed}:{stratum.name}.{f}").sample(pool, min(want, len(pool))))
    return out


def sample_by_file(stratum: Stratum, generated: list[str], args: argparse.Namespace) -> dict[str, list[str]]:
    """``--by-file``: the stratum's files are sub-strata of one stage (one generation, one
    statistics pass), sampled in proportion to their mutants with at least ``--min-per-file``
    each; ``--fresh-from SEED:SAMPLE:MIN[,...]`` leaves out the mutants those draws picked (an
    "after" sample of mutants the new tests were not written against). Draws listed in one
    ``--fresh-from`` are remade as drawn alone; a second ``--fresh-from`` is a later step of a
    chain: its draws are remade without the picks of the steps before it (as a draw made with
    ``--fresh-from`` of those was), and every step's picks are left out."""
    by_file: dict[str, list[str]] = defaultdict(list)
    for m in generated:
        by_file[file_of(m)].append(m)
    skip: set[str] = set()
    earlier = args.fresh_from or []
    for step in [earlier] if isinstance(earlier, str) else earlier:
        before = set(skip)  # the picks of the earlier steps, which this step's draws left out
        for spec in step.split(","):
            if not spec.strip():
                continue
            seed, total, least = (int(v) for v in spec.split(":"))
            for names in _file_draw(stratum, by_file, seed, total, least, set(before)).values():
                skip.update(names)
    total = args.sample or len(generated)
    return _file_draw(stratum, by_file, args.seed, total, args.min_per_file, skip)


def run_stratum(stratum: Stratum, args: argparse.Namespace, staged: set[str]) -> dict[str, Any]:
    """Run one stratum; ``staged``: the stages generated by this invocation (reused, not redone)."""
    out = Path(args.out)
    env = dict(os.environ, PYTHONHASHSEED="0")
    t0 = time.monotonic()
    loads = [_load()]
    stage = out / stratum.stage_name
    again = (args.again or args.report_only) and (stage / "mutants").is_dir()
    before = _results(stage, stratum) if again else {}
    if args.report_only and not again:
        raise SystemExit(f"mutation: --report-only: nothing staged in {stage}")
    if again or stratum.stage_name in staged:
        # the test list as it is now
        _write_config(stage, stratum, args.timeout_multiplier, args.timeout_constant)
    else:
        stage = _stage(stratum, out, args.timeout_multiplier, args.timeout_constant)
        gen = _bounded(args, args.time_limit) + [sys.executable, "-c", _GENERATE]
        subprocess.run(gen, cwd=stage, env=env, check=True, capture_output=True)
    staged.add(stratum.stage_name)
    generated = sorted(_results(stage, stratum))
    files = sample_by_file(stratum, generated, args) if args.by_file else {}
    sample = (
        sorted(n for v in files.values() for n in v) if args.by_file else sample_of(stratum, generated, args)
    )
    names = sample
    if again:
        # tests were only added: a killed mutant stays killed; run the others again
        names = [n for n in names if _status(before.get(n)) != "killed"]
    if args.report_only:
        names = []
    elif again:
        _forget(stage, stratum, names)
    log = out / f"{stratum.name}.log"
    proc_code = 0
    retried: list[str] = []
    with log.open("w", encoding="utf-8") as fh:
        if names:
            left = args.time_limit - (time.monotonic() - t0)
            cmd = _bounded(args, left) + [sys.executable, "-c", _RUN, "run", "--max-children", str(args.jobs)]
            proc = subprocess.run(
                cmd + names, cwd=stage, env=env, stdout=fh, stderr=subprocess.STDOUT, check=False
            )
            proc_code = proc.returncode
            loads.append(_load())
        codes = _results(stage, stratum)
        retried = [n for n in names if _status(codes.get(n)) == "timeout"]
        left = args.time_limit - (time.monotonic() - t0)
        if retried and args.retry_factor > 1 and left > 60:
            # a longer timeout constant: mutmut resets the timeouts and runs the named mutants again
            _write_config(stage, stratum, args.timeout_multiplier, args.timeout_constant * args.retry_factor)
            fh.write(
                f"\n--- timeouts run again with timeout_constant x {args.retry_factor}: {len(retried)}\n"
            )
            fh.flush()
            cmd = _bounded(args, left) + [sys.executable, "-c", _RUN, "run", "--max-children", str(args.jobs)]
            proc = subprocess.run(
                cmd + retried, cwd=stage, env=env, stdout=fh, stderr=subprocess.STDOUT, check=False
            )
            proc_code = proc_code or proc.returncode
            _write_config(stage, stratum, args.timeout_multiplier, args.timeout_constant)
            loads.append(_load())
        else:
            retried = []
    seconds = time.monotonic() - t0
    codes = _results(stage, stratum)
    status = {n: _status(codes.get(n)) for n in sample}
    counts = Counter(status.values())
    survivors = sorted(n for n, s in status.items() if s in ("survived", "no tests"))
    per_file = []
    for f, picked in files.items():
        c = Counter(status[n] for n in picked)
        per_file.append(
            {
                "stratum": f"{stratum.name}/{f}",
                "package": stratum.package,
                "generated": sum(1 for n in generated if file_of(n) == f),
                "sampled": len(picked),
                "counts": {k: c.get(k, 0) for k in COLUMNS},
            }
        )
    return {
        "files": per_file,
        "stratum": stratum.name,
        "package": stratum.package,
        "generated": len(generated),
        "sampled": len(sample),
        "counts": {c: counts.get(c, 0) for c in COLUMNS},
        "retried": len(retried),
        "status": status,
        "survivors": survivors,
        "diffs": _diffs(stage, survivors) if args.diffs else {},
        "seconds": seconds,
        "load": (min(loads), max(loads)),
        "stopped": proc_code in (124, 137) or proc_code < 0,
        "exit": proc_code,
        "log": str(log),
    }


# --- estimates ------------------------------------------------------------------------------

Z = 1.959963984540054  # 95 %


def wilson(p: float, n: float) -> tuple[float, float]:
    """Wilson score interval of a proportion ``p`` seen in ``n`` (possibly effective) trials."""
    if n <= 0:
        return (0.0, 1.0)
    if math.isinf(n):
        return (p, p)
    denom = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / denom
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def _fpc_n(n: int, population: int) -> float:
    """The sample size that carries a finite-population correction (a census is exact)."""
    if n >= population:
        return math.inf
    return n * (population - 1) / (population - n)


def estimate(rows: list[dict[str, Any]]) -> dict[str, float] | None:
    """Survived share over the strata's mutants, weighted by stratum size, with a 95 % interval.

    One stratum: the sample's share and its Wilson interval (finite-population corrected).
    Several: the stratified estimate sum(W_h p_h) with W_h = generated_h / generated; its
    variance sum(W_h^2 (1 - f_h) q_h (1 - q_h) / n_h) uses the Agresti-Coull share
    q_h = (x_h + 2) / (n_h + 4) so a stratum without survivors still counts, and the interval is
    Wilson's on the effective sample size q (1 - q) / variance (Kish).
    """
    cells = []
    for r in rows:
        counts: dict[str, int] = r["counts"]
        n = sum(counts[c] for c in ("killed", "survived", "timeout", "no tests"))
        x = counts["survived"] + counts["no tests"]
        cells.append((int(r["generated"]), n, x))
    cells = [c for c in cells if c[0] > 0]
    if not cells or any(n == 0 for _, n, _ in cells):
        return None
    total = sum(g for g, _, _ in cells)
    if len(cells) == 1:
        g, n, x = cells[0]
        lo, hi = wilson(x / n, _fpc_n(n, g))
        return {"p": x / n, "lo": lo, "hi": hi, "n": n}
    p = sum(g / total * x / n for g, n, x in cells)
    var = 0.0
    q = 0.0
    for g, n, x in cells:
        w = g / total
        qh = (x + 2) / (n + 4)
        q += w * qh
        var += w * w * max(0.0, 1 - n / g) * qh * (1 - qh) / n
    n_eff = q * (1 - q) / var if var > 0 else math.inf
    lo, hi = wilson(p, n_eff)
    return {"p": p, "lo": lo, "hi": hi, "n": sum(n for _, n, _ in cells)}


def _interval(e: dict[str, float] | None) -> str:
    if e is None:
        return "n/a"
    return f"{100 * e['p']:.1f} % [{100 * e['lo']:.1f}, {100 * e['hi']:.1f}]"


def _note(r: dict[str, Any]) -> str:
    if r["stopped"]:
        return " (time bound reached)"
    if r["exit"] != 0:
        return f" (mutmut failed: see {r['log']})"
    return ""


def table(results: list[dict[str, Any]], totals: bool = True) -> str:
    head = ("stratum", "generated", "run", *COLUMNS, "retried", "survived % [95 % CI]", "minutes", "load")
    rows: list[tuple[str, ...]] = [head]
    for r in results:
        counts: dict[str, int] = r["counts"]
        lo, hi = r["load"]
        rows.append(
            (
                str(r["stratum"]),
                str(r["generated"]),
                str(r["sampled"]),
                *(str(counts[c]) for c in COLUMNS),
                str(r["retried"]),
                _interval(estimate([r])),
                f"{float(r['seconds']) / 60:.1f}" + _note(r),
                f"{lo:.1f}-{hi:.1f}",
            )
        )
    if totals:
        for package in dict.fromkeys(str(r["package"]) for r in results):
            mine = [r for r in results if r["package"] == package]
            if {str(r["stratum"]) for r in mine} != {s.name for s in strata_of(package)} or len(mine) < 2:
                continue
            sums = {c: sum(r["counts"][c] for r in mine) for c in COLUMNS}
            rows.append(
                (
                    f"{package} (weighted)",
                    str(sum(int(r["generated"]) for r in mine)),
                    str(sum(int(r["sampled"]) for r in mine)),
                    *(str(sums[c]) for c in COLUMNS),
                    str(sum(int(r["retried"]) for r in mine)),
                    _interval(estimate(mine)),
                    f"{sum(float(r['seconds']) for r in mine) / 60:.1f}",
                    "",
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def file_table(r: dict[str, Any]) -> str:
    """``--by-file``: one row per file of the stratum and the stratum's estimate weighted by the
    files' numbers of mutants (a stratified sample estimate, 95 % Wilson interval)."""
    files: list[dict[str, Any]] = r["files"]
    head = ("file", "generated", "run", *COLUMNS, "survived % [95 % CI]")
    rows: list[tuple[str, ...]] = [head]
    for f in files:
        rows.append(
            (
                str(f["stratum"]),
                str(f["generated"]),
                str(f["sampled"]),
                *(str(f["counts"][c]) for c in COLUMNS),
                _interval(estimate([f])),
            )
        )
    sums = {c: sum(f["counts"][c] for f in files) for c in COLUMNS}
    rows.append(
        (
            f"{r['stratum']} (weighted by file)",
            str(sum(int(f["generated"]) for f in files)),
            str(sum(int(f["sampled"]) for f in files)),
            *(str(sums[c]) for c in COLUMNS),
            _interval(estimate(files)),
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def targets(names: list[str]) -> list[Stratum]:
    """Packages expand to their strata; a stratum's name selects it alone."""
    out: list[Stratum] = []
    for name in names:
        if name in PACKAGES:
            check_partition(name)
            out += strata_of(name)
        elif name in STRATA:
            out.append(STRATA[name])
        else:
            raise SystemExit(
                f"mutation: unknown target {name!r}; choose a package {list(PACKAGES)} or a stratum {list(STRATA)}"
            )
    return list(dict.fromkeys(out))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: tools/mutation.py ledger --sample 40 --seed 1 --time-limit 900",
    )
    p.add_argument(
        "targets",
        nargs="*",
        default=list(PACKAGES),
        help="packages (default: records ledger measure simulate; a package with strata runs as its "
        f"strata) or single strata: {', '.join(s for s in STRATA if s not in PACKAGES)}",
    )
    p.add_argument("--sample", type=int, default=0, help="mutants per stratum, seeded sample (0 = all)")
    p.add_argument("--seed", type=int, default=1, help="seed of the sample")
    p.add_argument("--time-limit", type=int, default=1800, help="seconds per stratum before it is stopped")
    p.add_argument("--jobs", type=int, default=1, help="mutants run at once (mutmut --max-children)")
    p.add_argument("--nice", type=int, default=15, help="nice level of the run")
    p.add_argument(
        "--memory-gib",
        type=float,
        default=3.0,
        help="address-space bound of the run (prlimit --as; 0 = none)",
    )
    p.add_argument("--timeout-multiplier", type=float, default=3.0, help="mutmut's timeout_multiplier")
    p.add_argument(
        "--timeout-constant",
        type=float,
        default=10.0,
        help="mutmut's timeout_constant (seconds): a mutant is stopped after about "
        "multiplier x (its tests' time + constant) seconds of wall time",
    )
    p.add_argument(
        "--retry-factor",
        type=float,
        default=4.0,
        help="mutants that time out run once more with the timeout constant this many times longer "
        "(1 = no second run)",
    )
    p.add_argument("--out", default=str(ROOT / "out" / "mutation"), help="work and report folder")
    p.add_argument(
        "--again",
        action="store_true",
        help="reuse the mutants staged in --out by the last run and run again only those of the sample "
        "that were not killed (after adding tests: the 'after' figures of the same sample)",
    )
    p.add_argument(
        "--report-only",
        action="store_true",
        help="run nothing: the tables and report of the sample from the mutants staged in --out "
        "(after a run was stopped from outside)",
    )
    p.add_argument("--no-diffs", dest="diffs", action="store_false", help="skip the survivors' diffs")
    p.add_argument(
        "--by-file",
        action="store_true",
        help="sample each file of a stratum as its own sub-stratum (--sample mutants in all, shared in "
        "proportion to the files' mutants, one stage and one statistics pass) and report each file and "
        "the stratum weighted by file",
    )
    p.add_argument("--min-per-file", type=int, default=3, help="with --by-file: the fewest mutants per file")
    p.add_argument(
        "--fresh-from",
        metavar="SEED:SAMPLE:MIN[,...]",
        action="append",
        help="with --by-file: leave out the mutants earlier draws (each its --seed, --sample and "
        "--min-per-file; several separated by commas) picked, e.g. the 'before' samples, so an "
        "'after' run measures tests on mutants they were not written against; repeat the option for "
        "a chain of draws in the order they were made (each made with --fresh-from of the ones before)",
    )
    args = p.parse_args(argv)
    chosen = targets(args.targets)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = []
    staged: set[str] = set()
    for stratum in chosen:
        print(f"mutation: {stratum.name} ...", flush=True)
        r = run_stratum(stratum, args, staged)
        results.append(r)
        print(table([r], totals=False), flush=True)
        if args.by_file:
            print(file_table(r), flush=True)
    how = "every mutant" if not args.sample else f"a seeded sample of {args.sample} mutants per stratum"
    summary = (
        f"mutmut over {', '.join(args.targets)}: {how} (seed {args.seed}), at most {args.time_limit} s "
        f"per stratum, {args.jobs} at once, nice {args.nice}. 'survived %' = (survived + no tests) / "
        "(killed + survived + timeout + no tests), with a 95 % Wilson interval; a package's row weights "
        "its strata by their number of mutants. 'retried': timeouts run again with a longer bound "
        "(those that finished got their real verdict). 'load': the machine's 1-minute load average.\n\n"
        + table(results)
    )
    if args.by_file:
        summary += "\n\nBy file (a stratified sample estimate):\n\n" + "\n\n".join(
            file_table(r) for r in results
        )
    print("\n" + summary)
    with (out / "results.tsv").open("w", encoding="utf-8") as fh:
        fh.write("stratum\tmutant\tstatus\n")
        for r in results:
            for name, status in sorted(r["status"].items()):
                fh.write(f"{r['stratum']}\t{name}\t{status}\n")
    report = ["# Mutation testing report", "", summary, ""]
    for r in results:
        report += [f"## {r['stratum']}: {len(r['survivors'])} surviving or without tests", ""]
        for name in r["survivors"]:
            report += [
                f"### {name} ({r['status'][name]})",
                "",
                "```diff",
                str(r["diffs"].get(name, "")).strip(),
                "```",
                "",
            ]
    (out / "report.md").write_text("\n".join(report), encoding="utf-8")
    print(f"\nreport: {out / 'report.md'}; per mutant: {out / 'results.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
