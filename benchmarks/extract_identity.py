"""Byte-identity check for speed changes to ``softpower extract``.

Runs the real command (``softpower extract ... --output``, through ``softpower.cli.main``) on each corpus below and
writes one JSON Lines file per corpus into a folder; ``--compare`` then reports, per corpus, whether a
second run's bytes equal the first's (sha256 and the first differing line). A speed change must leave
every corpus byte-identical.

Corpora: the seed essays (``../shared/corpus/seeds``), the development set
(``tests/data/extract/dev``), the old held-out set (``tests/data/extract/heldout``), the training side of the real-text corpus
(``tests/data/extract/real/docs``, the ``train`` list of ``split.json``; the evaluation side is never
read here), the synthetic benchmark corpus of ``bench_extract.py`` and its adversarial inputs at
50 kB each (in-process, ``extract_text``, since they are generated strings).

Examples
--------
    python benchmarks/extract_identity.py --write /tmp/before
    # ... change the code ...
    python benchmarks/extract_identity.py --write /tmp/after --compare /tmp/before
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import adversarial_cases, make_corpus  # noqa: E402

REAL = ROOT / "tests" / "data" / "extract" / "real"


def _extract(paths: list[Path], out: Path) -> None:
    cli = "import sys; from softpower.cli import main; sys.argv[0] = 'softpower'; main()"
    cmd = [sys.executable, "-c", cli, "extract", *map(str, paths), "--output", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1) or not out.exists():
        raise SystemExit(f"extract failed ({proc.returncode}): {proc.stderr.strip()}")
    out.with_suffix(".stderr").write_text(proc.stderr, encoding="utf-8")


def write(folder: Path) -> None:
    """Extract every corpus into ``folder`` (one ``<corpus>.jsonl`` each)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = ROOT.parent / "shared" / "corpus" / "seeds"
    if seeds.is_dir():
        _extract([seeds], folder / "seeds.jsonl")
    _extract([ROOT / "tests" / "data" / "extract" / "dev"], folder / "dev.jsonl")
    _extract([ROOT / "tests" / "data" / "extract" / "heldout"], folder / "heldout.jsonl")
    train = json.loads((REAL / "split.json").read_text(encoding="utf-8"))["train"]
    _extract([REAL / "docs" / name for name in train], folder / "real_train.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = make_corpus(Path(tmp))
        _extract(paths, folder / "bench.jsonl")
    from softpower.extract import extract_text

    with (folder / "adversarial.jsonl").open("w", encoding="utf-8") as fh:
        for name, text in adversarial_cases(50_000).items():
            for rec in extract_text("adversarial.txt", text):
                fh.write(json.dumps({"case": name, **rec}, sort_keys=True) + "\n")


def compare(new: Path, old: Path) -> bool:
    """Print one line per corpus; True when every file is byte-identical."""
    same = True
    for ref in sorted(old.glob("*.jsonl")) + sorted(old.glob("*.stderr")):
        cur = new / ref.name
        a, b = ref.read_bytes(), cur.read_bytes() if cur.exists() else b""
        if a == b:
            lines = a.count(b"\n")
            print(f"{ref.name}: identical ({lines} lines, sha256 {hashlib.sha256(a).hexdigest()[:12]})")
            continue
        same = False
        la, lb = a.splitlines(), b.splitlines()
        first = next(
            (i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y), min(len(la), len(lb))
        )
        print(f"{ref.name}: DIFFERS ({len(la)} vs {len(lb)} lines; first difference at line {first + 1})")
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", type=Path, required=True, help="folder for this run's outputs")
    ap.add_argument("--compare", type=Path, help="folder of an earlier run to compare with")
    args = ap.parse_args()
    write(args.write)
    if args.compare is not None and not compare(args.write, args.compare):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
