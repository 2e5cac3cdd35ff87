"""Before/after throughput of ``extract_text`` for two git revisions, interleaved in one process.

On a shared machine the load changes from one minute to the next, so two benchmark runs made one
after the other compare the load as much as the code. Here both revisions are imported side by
side (each ``src/softpower`` tree from ``git archive``, renamed to its own package) and every
document of the corpus is extracted by one revision then the other (the order alternating), so
both see the same load. Per round it prints the CPU-time throughput of each and their ratio, and
whether the two revisions gave the same records (as JSON) on every document; at the end, the same
ratio over each document's least disturbed time (its minimum over the rounds), which a burst of
load on the shared machine moves less than a round's total.

Examples
--------
    python benchmarks/ab_extract.py 5c2ee8f HEAD
    python benchmarks/ab_extract.py main HEAD --rounds 5 --corpus ../shared/corpus/seeds
    python benchmarks/mypyc_scratch.py /tmp/compiled   # then, the pure tree against the compiled one:
    PYTHONPATH=/tmp/compiled/src python benchmarks/ab_extract.py src installed --rounds 3
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import make_corpus  # noqa: E402

_IMPORT = re.compile(r"\bsoftpower(?=\.)|(?<=from )softpower(?= import)|(?<=import )softpower\b")


def checkout(rev: str, name: str, into: Path) -> ModuleType:
    """``src/softpower`` at ``rev`` (a git revision, or a folder holding ``softpower/``) as the
    package ``name`` under ``into``; its extract pipeline. ``installed`` is the ``softpower`` this Python
    imports, unrenamed (e.g. a tree compiled by ``benchmarks/mypyc_scratch.py``, first on ``PYTHONPATH``)."""
    if rev == "installed":
        return importlib.import_module("softpower.extract.pipeline")
    if (Path(rev) / "softpower").is_dir():
        shutil.copytree(Path(rev) / "softpower", into / name)
    else:
        git = ["git", "-C", str(ROOT), "archive", rev, "src/softpower"]
        raw = subprocess.run(git, capture_output=True, check=True)
        with tarfile.open(fileobj=io.BytesIO(raw.stdout)) as tar:
            tar.extractall(into / name / "_src", filter="data")
        (into / name / "_src" / "src" / "softpower").rename(into / f"{name}_tmp")
        shutil.rmtree(into / name)
        (into / f"{name}_tmp").rename(into / name)
    for py in (into / name).rglob("*.py"):
        py.write_text(_IMPORT.sub(name, py.read_text(encoding="utf-8")), encoding="utf-8")
    if str(into) not in sys.path:
        sys.path.insert(0, str(into))
    return importlib.import_module(f"{name}.extract.pipeline")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "before", help="the code before: a git revision (e.g. main) or a folder holding softpower/"
    )
    ap.add_argument(
        "after",
        help="the code after: a git revision (e.g. HEAD), a folder holding softpower/, or `installed`",
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, help="a folder of .txt files (default: the bench_extract corpus)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        a, b = checkout(args.before, "sp_before", base), checkout(args.after, "sp_after", base)
        if args.corpus is None:
            paths, _ = make_corpus(base)
        else:
            paths = sorted(args.corpus.glob("*.txt"))
        texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
        kb = sum(len(t.encode("utf-8")) for _, t in texts) / 1024
        for name, text in texts[:5]:  # warm caches (tables, compiled regexes, models)
            a.extract_text(name, text), b.extract_text(name, text)
        ratios, same = [], True
        # each document's least disturbed time per revision over the rounds so far
        least = {id(a): [float("inf")] * len(texts), id(b): [float("inf")] * len(texts)}
        for r in range(args.rounds):
            cpu = {id(a): 0.0, id(b): 0.0}
            for i, (name, text) in enumerate(texts):
                outs = []
                for mod in (a, b) if i % 2 == 0 else (b, a):
                    t0 = time.process_time()
                    recs = mod.extract_text(name, text)
                    took = time.process_time() - t0
                    cpu[id(mod)] += took
                    least[id(mod)][i] = min(least[id(mod)][i], took)
                    outs.append(json.dumps(recs, sort_keys=True))
                same = same and outs[0] == outs[1]
            ratios.append(cpu[id(a)] / cpu[id(b)])
            print(
                f"round {r + 1}: before {kb / cpu[id(a)]:.0f} KB/s, after {kb / cpu[id(b)]:.0f} KB/s, "
                f"after/before speed {ratios[-1]:.3f}, load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        fa, fb = sum(least[id(a)]), sum(least[id(b)])
        print(
            f"per-document minimum over the {args.rounds} rounds: before {kb / fa:.0f} KB/s, after "
            f"{kb / fb:.0f} KB/s, after/before speed {fa / fb:.3f}"
        )
        print(
            f"{len(texts)} documents, {kb:.0f} KB; median speed ratio {statistics.median(ratios):.3f}; "
            f"records {'identical' if same else 'DIFFER'} between the two revisions"
        )


if __name__ == "__main__":
    main()
