"""Compile the extraction modules with mypyc into a scratch copy of ``src/`` (never into the work tree).

Measurement only: softpower ships pure Python (docs/extract.md, Round 14, "Compiling the extraction code
with mypyc"). The copy holds each compiled module's ``.so`` beside its ``.py``; Python imports the ``.so``
first, so the copy must not be edited afterwards (its ``.py`` files would be shadowed). Needs gcc, the
Python headers and setuptools (``uv pip install setuptools``); mypyc ships with mypy (test extra).

Examples
--------
    python benchmarks/mypyc_scratch.py /tmp/compiled
    PYTHONPATH=/tmp/compiled/src python benchmarks/ab_extract.py src installed --rounds 3
    PYTHONPATH=/tmp/compiled/src python benchmarks/extract_identity.py --write /tmp/idc --compare /tmp/id0
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Every module of extract/ on the extraction path that mypyc compiles and runs unchanged. Left out:
# pipeline.py (ExtractTimeout subclasses RuntimeError: "Inheriting from most builtin types is
# unimplemented"), learned/model.py and learned/fields.py (they cache arrays in ``self.__dict__``, which a
# native class has not: AttributeError at the first prediction), the training and evaluation modules.
MODULES = [
    "alternation",
    "consistency",
    "context",
    "engagements",
    "entities",
    "indicators",
    "money",
    "perceptions",
    "rules",
    "sentences",
    "tables",
    "text",
    "years",
    "learned/apply",
    "learned/recall",
    "learned/tagger",
    "learned/weights",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="an empty or new folder; the copy goes to OUT/src")
    ap.add_argument("--modules", nargs="*", default=MODULES, help="modules of extract/ to compile")
    args = ap.parse_args()
    src = args.out / "src"
    if src.exists():
        sys.exit(f"{src} exists: give a new folder")
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copy(ROOT / "pyproject.toml", args.out / "pyproject.toml")  # the project's mypy settings
    files = [f"softpower/extract/{m}.py" for m in args.modules]
    mypyc = Path(sys.executable).with_name("mypyc")
    subprocess.run([str(mypyc), *files], cwd=src, check=True)
    print(f"compiled {len(files)} modules into {src}")


if __name__ == "__main__":
    main()
