"""Throughput of ``softpower extract`` on a synthetic corpus: KB/s and documents/s on one core,
peak memory, and ``--workers 2`` beside one worker as a ratio.

The corpus is generated deterministically (``numpy.random.default_rng(SEED)``) from template
sentences written for this benchmark (acts, statistics, polls and commentary), so the rules
do real work on every sentence. Run standalone: ``python benchmarks/bench_extract.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import peak_rss_mib, write_table  # noqa: E402
from softpower.extract import extract_paths, extract_text  # noqa: E402

SEED = 20261123
N_DOCS = 400
SENTENCES_PER_DOC = 60
TARGET_KBS = 500.0
REPEATS = 3

DONORS = ["Japan", "China", "South Korea", "the United States", "Tokyo", "Beijing", "Seoul", "Washington"]
PARTNERS = ["Vietnam", "Cambodia", "Laos", "Indonesia", "the Philippines", "Fiji", "Sri Lanka", "Mongolia",
            "Thailand", "Myanmar", "ASEAN", "the Pacific Island countries", "Bangladesh", "Timor-Leste"]  # fmt: skip
AMOUNTS = [
    "JPY 40 billion",
    "$120 million",
    "US$ 2.5 billion",
    "1.2 billion yen",
    "RMB 800 million",
    "USD75 million",
]
TEMPLATES = [
    "In {year}, {d} provided a {amt} grant to {p} to rebuild rural schools.",
    "{d} extended a {amt} loan to {p} for a port upgrade in {year}.",
    "{d} and {p} signed a memorandum of understanding on health cooperation in {year}.",
    "Since {year}, {d} has trained more than {n} customs officials from {p}.",
    "{d} held joint naval exercises with {p} in {year}.",
    "From {year} to {year2}, {d} contributed {amt} to the regional disaster relief fund.",
    "Trade between {d} and {p} was valued at {amt} in {year}.",
    "In a {year} survey, {pct}% of respondents in {p} agreed that {d} is a trustworthy partner.",
    "Critics argue that the aid of {d} to {p} serves narrow commercial interests.",
    "If {d} offered new loans to {p}, the balance of influence could shift.",
    "Observers in {p} remain divided about the long-term aims of {d} in the region.",
    "{d} upgraded its relationship with {p} to a comprehensive strategic partnership in {year}.",
]


def make_corpus(folder: Path, seed: int = SEED) -> tuple[list[Path], int]:
    """Write ``N_DOCS`` documents into ``folder``; return their paths and total bytes."""
    rng = np.random.default_rng(seed)
    paths, total = [], 0
    for i in range(N_DOCS):
        sents = []
        for _ in range(SENTENCES_PER_DOC):
            tpl = TEMPLATES[int(rng.integers(len(TEMPLATES)))]
            year = int(rng.integers(1990, 2024))
            sents.append(
                tpl.format(
                    d=DONORS[int(rng.integers(len(DONORS)))],
                    p=PARTNERS[int(rng.integers(len(PARTNERS)))],
                    amt=AMOUNTS[int(rng.integers(len(AMOUNTS)))],
                    year=year,
                    year2=year + int(rng.integers(1, 6)),
                    n=int(rng.integers(20, 900)),
                    pct=int(rng.integers(10, 95)),
                )
            )
        paras = ["\n".join([" ".join(sents[j : j + 5])]) for j in range(0, len(sents), 5)]
        text = f"Report {i}\n\n" + "\n\n".join(paras) + "\n"
        path = folder / f"doc_{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text.encode("utf-8"))
    return paths, total


def run(paths: list[Path], workers: int) -> tuple[float, float, int]:
    """Extract ``paths``; return (wall seconds, CPU seconds of this process, records)."""
    wall, cpu = time.perf_counter(), time.process_time()
    results = extract_paths(paths, workers=workers)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert all(r.ok for r in results)
    return wall, cpu, sum(len(r.records) for r in results)


def seed_throughput(repeat: int = 20) -> tuple[float, int, int, float] | None:
    """(KB, documents, records, CPU seconds) for the shared seed essays read ``repeat`` times, if present."""
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
    if not seeds.is_dir():
        return None
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    cpu = time.process_time()
    n = sum(len(extract_text(name, text)) for _ in range(repeat) for name, text in texts)
    cpu = time.process_time() - cpu
    kb = repeat * sum(len(t.encode("utf-8")) for _, t in texts) / 1024
    return kb, repeat * len(texts), n, cpu


def tagger_cost(paths: list[Path], repeat: int = 3) -> tuple[float, float, float, bool] | None:
    """(MB, CPU s/MB as shipped, CPU s/MB with the sequence tagger's hook on, whether the shipped
    policy enables it) over ``paths``, best of ``repeat`` each; None when no tagger is shipped."""
    from softpower.extract.learned.tagger import load_tagger

    tagger = load_tagger()
    if tagger is None:
        return None
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    for name, text in texts[:3]:  # warm both paths (the tagger's weights and tables load on first use)
        extract_text(name, text, tagger=True)
    best = {False: float("inf"), True: float("inf")}
    for _ in range(repeat):
        for on in (False, True):
            cpu = time.process_time()
            for name, text in texts:
                extract_text(name, text, tagger=True if on else None)
            best[on] = min(best[on], time.process_time() - cpu)
    return mb, best[False] / mb, best[True] / mb, bool(tagger.enabled)


ADVERSARIAL_MB = 1.0
ADVERSARIAL_MAX_S_PER_MB = 10.0


def adversarial_cases(n: int) -> dict[str, str]:
    """Hostile texts of about ``n`` characters: the inputs that once took quadratic time."""
    states = ["Japan", "China", "Vietnam", "the Philippines", "Fiji", "India"]
    return {
        "no punctuation": " ".join(
            ["Japan provided a loan to Vietnam and China built a road in Laos while Korea trained teachers"]
            * (n // 95)
        ),
        "poll shares without full stops": " ".join(
            f"{10 + i % 80}% of respondents in Fiji trust Japan" for i in range(n // 40)
        ),
        "years without punctuation": " ".join(str(1990 + (i * 7) % 34) for i in range(n // 5)),
        "thousands of numbers": " ".join(f"${1 + (i * 37) % 998} million" for i in range(n // 13)),
        "1 MB of country names": " ".join(states[(i * 5) % 6] for i in range(n // 7)),
        "one line, clauses without full stops": "Japan provided grants to Vietnam, " * (n // 34),
        "a 50,000-character line, repeated": ("Japan and China " * 3125 + "\n\n") * (n // 50_002),
        # one dated act per sentence: every record has the document's other years nearby (a step that
        # compares each record with every year or record of the document grows with the square)
        "dated acts, one per sentence": "".join(
            f"In {1990 + i % 34} Japan provided grants to Vietnam. " for i in range(n // 42)
        ),
    }


def adversarial() -> None:
    """CPU seconds per MB on each hostile input (target: at most 10 s/MB)."""
    rows = []
    worst = 0.0
    for name, text in adversarial_cases(int(ADVERSARIAL_MB * 1_000_000)).items():
        cpu = time.process_time()
        n = len(extract_text("adversarial.txt", text))
        cpu = time.process_time() - cpu
        mb = len(text.encode("utf-8")) / 1e6
        worst = max(worst, cpu / mb)
        verdict = "meets" if cpu / mb <= ADVERSARIAL_MAX_S_PER_MB else "MISSES"
        rows.append([name, f"{mb:.2f}", n, f"{cpu:.2f}", f"{cpu / mb:.1f}", verdict])
    write_table(
        "bench_extract_adversarial",
        "softpower extract: adversarial inputs",
        ["case", "MB", "records", "CPU seconds", "s/MB", f"target <= {ADVERSARIAL_MAX_S_PER_MB:.0f} s/MB"],
        rows,
        f"One run each, CPU time of one core. Worst case {worst:.1f} s/MB. Sentences longer than "
        "MAX_SENTENCE characters are cut into segments (softpower.extract.sentences), so every "
        "per-sentence step works on bounded input.",
    )


def main() -> None:
    adversarial()
    with tempfile.TemporaryDirectory() as tmp:
        paths, total = make_corpus(Path(tmp))
        run(paths[:5], 1)  # warm caches (alias tables, compiled regexes)
        # best of REPEATS: on a shared machine the minimum is the least disturbed measurement
        runs = [run(paths, 1) for _ in range(REPEATS)]
        w1, c1, n1 = min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]
        rss = peak_rss_mib()
        w2, _, n2 = run(paths, 2)
        tagged = tagger_cost(paths[:100])
    assert n1 == n2, "workers changed the records"
    seeds = seed_throughput()
    kb = total / 1024
    load = os.getloadavg()[0]
    rows = [
        [
            "1, CPU time (one core)",
            f"{kb:.0f}",
            len(paths),
            n1,
            f"{c1:.2f}",
            f"{kb / c1:.0f}",
            f"{len(paths) / c1:.1f}",
            "-",
        ],
        [
            "1, wall clock",
            f"{kb:.0f}",
            len(paths),
            n1,
            f"{w1:.2f}",
            f"{kb / w1:.0f}",
            f"{len(paths) / w1:.1f}",
            "1.00",
        ],
        [
            "2, wall clock",
            f"{kb:.0f}",
            len(paths),
            n2,
            f"{w2:.2f}",
            f"{kb / w2:.0f}",
            f"{len(paths) / w2:.1f}",
            f"{w1 / w2:.2f}",
        ],
    ]
    if seeds is not None:
        rows.append(["1, CPU time, seed essays x20 (real text)", f"{seeds[0]:.0f}", seeds[1], seeds[2], f"{seeds[3]:.2f}",
                     f"{seeds[0] / seeds[3]:.0f}", f"{seeds[1] / seeds[3]:.1f}", "-"])  # fmt: skip
    if tagged is not None:
        mb, off, on, enabled = tagged
        rows.append([f"1, CPU time, sequence tagger {'on (shipped)' if enabled else 'on (shipped: off)'}, first 100 documents",
                     f"{mb * 1e6 / 1024:.0f}", 100, "-", f"{on * mb:.2f}", f"{mb * 1e6 / 1024 / (on * mb):.0f}", "-",
                     "-"])  # fmt: skip
    verdict = "meets" if kb / c1 >= TARGET_KBS else "MISSES"
    notes = (
        f"One-worker figures are the best of {REPEATS} runs. Synthetic corpus: {len(paths)} documents x {SENTENCES_PER_DOC} sentences from {len(TEMPLATES)} templates, "
        f"seed {SEED}. Peak RSS after the one-worker run: {rss:.0f} MiB. One-core throughput (CPU time) "
        f"{kb / c1:.0f} KB/s {verdict} the target of {TARGET_KBS:.0f} KB/s. 'ratio' is the one-worker wall time "
        f"over this row's wall time; the 1-minute load average during the run was {load:.1f} on "
        f"{os.cpu_count()} cores (other work on a shared machine lowers wall-clock figures and the ratio)."
    )
    if tagged is not None:
        notes += (
            f" The tagger row runs the first 100 documents with the sequence tagger's hook on "
            f"(extract_text(..., tagger=True)) beside the shipped policy, best of 3 each: {tagged[2]:.2f} against "
            f"{tagged[1]:.2f} CPU s/MB, so the tagger costs {tagged[2] - tagged[1]:.2f} s/MB "
            f"({100 * (tagged[2] - tagged[1]) / tagged[1]:.0f} % more) when on."
        )
    write_table(
        "bench_extract",
        "softpower extract: throughput",
        ["workers", "KB", "documents", "records", "seconds", "KB/s", "documents/s", "ratio"],
        rows,
        notes,
    )


if __name__ == "__main__":
    main()
