"""Where ``extract_text`` spends its CPU time, split by what a sentence yields.

The benchmark corpus of ``bench_extract.py`` draws its sentences uniformly from twelve templates. Here
each template is read on its own: documents of the same shape (60 sentences, 5 a paragraph) made of
that template only, filled from the same lists. Per template the table gives the CPU microseconds
per sentence, the records per sentence by kind, and the time of each top-level step of the pipeline
(timed by wrapping the step functions; the wrappers add about a microsecond a call). Since the corpus
mixes the templates uniformly, a template's share of the corpus's time is its time per sentence over
the sum: the share of the templates that yield (almost) no record bounds what any exact gate on
record-less sentences can save, and with it the throughput such gates can reach.

Examples
--------
    python benchmarks/extract_outcomes.py            # writes benchmarks/results/extract_outcomes.md
    python benchmarks/extract_outcomes.py --docs 10  # fewer documents per template (quicker, noisier)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_extract as B  # noqa: E402
from _machine import write_table  # noqa: E402
from softpower.extract import pipeline  # noqa: E402
from softpower.extract.learned import apply, fields  # noqa: E402

#: a template whose sentences yield fewer records than this per sentence counts as record-less
RECORDLESS = 0.05
#: (label, module, attribute) of the steps timed: the per-sentence rules, then the document steps
STEPS = (
    ("sentence analysis", pipeline, "build_sentence"),
    ("perceptions", pipeline, "sentence_perceptions"),
    ("money", pipeline, "find_money"),
    ("indicators", pipeline, "sentence_indicators"),
    ("engagement rules", pipeline, "sentence_engagements"),
    ("act proposal (act, recall models)", apply, "_propose"),
    ("instrument model", apply, "_instruments"),
    ("field step", fields.FieldModel, "apply"),
    ("validation", pipeline, "_valid"),
)


def template_docs(template: str, n_docs: int, seed: int) -> list[str]:
    """``n_docs`` documents of 60 sentences of ``template`` only, shaped as the benchmark's."""
    rng = np.random.default_rng(seed)
    docs = []
    for i in range(n_docs):
        sents = []
        for _ in range(B.SENTENCES_PER_DOC):
            year = int(rng.integers(1990, 2024))
            sents.append(
                template.format(
                    d=B.DONORS[int(rng.integers(len(B.DONORS)))],
                    p=B.PARTNERS[int(rng.integers(len(B.PARTNERS)))],
                    amt=B.AMOUNTS[int(rng.integers(len(B.AMOUNTS)))],
                    year=year,
                    year2=year + int(rng.integers(1, 6)),
                    n=int(rng.integers(20, 900)),
                    pct=int(rng.integers(10, 95)),
                )
            )
        paras = [" ".join(sents[j : j + 5]) for j in range(0, len(sents), 5)]
        docs.append(f"Report {i}\n\n" + "\n\n".join(paras) + "\n")
    return docs


class StepClock:
    """CPU seconds inside each of :data:`STEPS` (outermost call only), while installed."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self._saved: list[tuple[Any, str, Any]] = []
        self._inside = False

    def _wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kw: Any) -> Any:
            if self._inside:
                return fn(*args, **kw)
            self._inside = True
            t = time.process_time()
            try:
                return fn(*args, **kw)
            finally:
                self.spent[label] += time.process_time() - t
                self._inside = False

        return timed

    def __enter__(self) -> StepClock:
        for label, owner, name in STEPS:
            fn = getattr(owner, name)
            self._saved.append((owner, name, fn))
            setattr(owner, name, self._wrap(label, fn))
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, fn in reversed(self._saved):
            setattr(owner, name, fn)
        self._saved.clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20, help="documents per template (default 20)")
    ap.add_argument("--rounds", type=int, default=3, help="best of this many rounds per template")
    args = ap.parse_args(argv)
    pipeline.extract_text("warm.txt", template_docs(B.TEMPLATES[0], 1, 1)[0])  # load the models
    rows: list[tuple[str, float, dict[str, int], Counter[str]]] = []
    for k, template in enumerate(B.TEMPLATES):
        docs = template_docs(template, args.docs, B.SEED + k)
        n_sent = len(docs) * B.SENTENCES_PER_DOC
        best, best_steps, kinds = float("inf"), Counter[str](), Counter[str]()
        for _ in range(args.rounds):
            with StepClock() as clock:
                cpu = time.process_time()
                recs = [r for i, d in enumerate(docs) for r in pipeline.extract_text(f"t{k}_{i}.txt", d)]
                cpu = time.process_time() - cpu
            if cpu < best:
                best, best_steps = cpu, clock.spent
                kinds = Counter(r["kind"] for r in recs)
        rows.append((template, 1e6 * best / n_sent, {k: v / n_sent for k, v in kinds.items()}, best_steps))
    total = sum(us for _, us, _, _ in rows)
    recordless = [r for r in rows if sum(r[2].values()) < RECORDLESS]
    free = sum(us for _, us, _, _ in recordless)
    labels = [label for label, _, _ in STEPS]
    table = []
    for template, us, per, steps in rows:
        n_sent = args.docs * B.SENTENCES_PER_DOC
        step_us = [1e6 * steps[label] / n_sent for label in labels]
        other = us - sum(step_us)
        table.append(
            [
                " ".join(template.split()[:6]) + " ...",
                f"{us:.0f}",
                f"{100 * us / total:.1f}",
                ", ".join(f"{kind} {v:.2f}" for kind, v in sorted(per.items())) or "none",
                *[f"{x:.0f}" for x in step_us],
                f"{other:.0f}",
            ]
        )
    share = free / total
    notes = (
        f"Best of {args.rounds} rounds of {args.docs} documents x {B.SENTENCES_PER_DOC} sentences per template, "
        f"CPU time of one core. Templates yielding under {RECORDLESS} records a sentence: {len(recordless)} of "
        f"{len(rows)}, {100 * share:.1f} % of the uniformly mixed corpus's time. An exact gate that made "
        f"every such sentence free would raise the corpus's throughput by at most "
        f"{100 * (1 / (1 - share) - 1):.0f} %. Step columns are microseconds per sentence; 'other' is the rest "
        "(sentence split, list items, the consistency steps, confidence, record assembly)."
    )
    write_table(
        "extract_outcomes",
        "softpower extract: CPU time per sentence by template and step",
        ["template", "us/sentence", "% of corpus", "records/sentence", *labels, "other"],
        table,
        notes,
    )
    print(notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
