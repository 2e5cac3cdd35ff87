"""The recall model: is this sentence of running text a record of an act?

The act model (``act.json.gz``) is fitted mostly on AidData descriptions, whose first sentence
states the project; on running text (releases, fact sheets, transcripts) it separates acts from
their setting poorly: on the real-text training half, scored document-grouped out of fold, its
average precision is 0.56 (``benchmarks/real_cv.py``). This model is fitted on annotated running
text only — the development gold, the seed gold, the real-text corpus's training half, the
annotated non-act sentences and the review decisions — on *delexicalised* sentences: each state
is replaced by a tag saying whether it is a donor power, a state or a group, each sum of money,
year and number by a tag (:func:`delexicalise`), so that what it learns is the shape of an act
("xdonorx will provide xmoneyx to xstatex for ...") rather than the names of the documents it saw
(average precision 0.66 on the same folds). The choices (sources, delexicalisation, threshold)
were made on that grouped cross-validation, never on the evaluation side.

``python -m softpower.extract.learned.train_recall [--check]`` rebuilds ``recall.json.gz`` from
``recall.toml`` (both in ``softpower/data/extract_model``); ``make train`` runs it.
"""

from __future__ import annotations

import argparse
import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from softpower.extract.entities import DONORS, PACIFIC, find_mentions
from softpower.extract.learned.config import guarded, read_config, read_shipped
from softpower.extract.learned.model import TextClassifier
from softpower.extract.money import _EQUIVALENT_CLOSE, find_money

if TYPE_CHECKING:  # pandas is read by the training functions only (imported there): extracting does
    # not import it, nor walk its objects in each full garbage collection
    import pandas as pd

REPO = Path(__file__).resolve().parents[4]
MODEL_DIR = REPO / "src" / "softpower" / "data" / "extract_model"
SHARED = REPO.parent / "shared"

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NUMBER = re.compile(r"\d[\d,.]*")


def delexicalise(text: str, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with its names and figures replaced by tags: a donor power's name, demonym or
    agency ``xdonorx``, another state ``xstatex``, a group or region ``xgroupx``, a sum of money
    ``xmoneyx``, a year ``xyearx``, any other number ``xnumx``.

    A window of a document (a sentence the rules have read) is read in place where that gives what
    its copy gives (:func:`_reads_alone`), so the amounts come from :func:`find_money`'s memo of the
    document's windows instead of a second scan."""
    stop = len(text) if end is None else end
    if start == 0 and stop == len(text):
        money = find_money(text)  # a whole text: not through the memo, which holds the document
    elif _reads_alone(text, start, stop):
        money = find_money(text, start, stop)
    else:
        text, start, stop = text[start:stop], 0, stop - start
        money = find_money(text)
    spans: list[tuple[int, int, str]] = []
    for m in find_mentions(text, start, stop):
        if m.end - m.start == len(PACIFIC) and text.startswith(PACIFIC, m.start):
            continue  # the bare word stays a word here: the model learnt the sentences with it (x17v, round 16)
        tag = "xdonorx" if m.iso in DONORS else ("xstatex" if m.iso else "xgroupx")
        spans.append((m.start, m.end, tag))
    spans += [(m.start, m.end, "xmoneyx") for m in money]
    spans.sort()
    out: list[str] = []
    pos = start
    for s, e, tag in spans:
        if s < pos:
            continue  # a name inside a sum already replaced
        out += [text[pos:s], f" {tag} "]
        pos = e
    out.append(text[pos:stop])
    return _NUMBER.sub(" xnumx ", _YEAR.sub(" xyearx ", "".join(out)))


def _reads_alone(text: str, start: int, stop: int) -> bool:
    """The names and amounts found in the window ``text[start:stop]`` are those of its copy
    ``text[start:stop]``, shifted by ``start`` (as far as :func:`delexicalise` reads them: where each
    is and which state it names). The gazetteer's and the amount patterns' look-behinds (a letter,
    digit, ``$``, ``.``, ``,``, ``-`` before a match) and their word boundaries see at ``start`` what
    they see at the start of a string when white space comes before it; past ``stop`` a search sees
    nothing, but the test that drops an amount restated in brackets looks past the amount's end for
    the closing bracket, so the text after the window must not start with one. (The locative and
    possessive tests of :func:`find_mentions` read outside the window too; they set a mention's kind and
    possessive form, which :func:`delexicalise` does not read.)"""
    return (start == 0 or text[start - 1].isspace()) and _EQUIVALENT_CLOSE.match(text, stop) is None


class Recall:
    """The fitted recall model, its threshold for a sentence that states an amount or a year, and
    ``bare_threshold`` for one that states neither (a visit, a meeting, a deployment, an item of a
    package; ``None``: such sentences are left to the act model), scored only where the act model reads
    them at ``bare_act_floor`` or more."""

    def __init__(
        self,
        model: TextClassifier,
        threshold: float,
        bare_threshold: float | None = None,
        bare_act_floor: float = 0.0,
    ) -> None:
        self.model = model
        self.threshold = threshold
        self.bare_threshold = bare_threshold
        self.bare_act_floor = bare_act_floor
        self._col = list(model.classes_).index("1")

    def probability(self, texts: list[str]) -> list[float]:
        """The probability that each sentence states an act."""
        if not texts:
            return []
        p = self.model.predict_proba([delexicalise(t) for t in texts])[:, self._col]
        return [float(x) for x in p]

    def probability_in(self, text: str, spans: list[tuple[int, int]]) -> list[float]:
        """:meth:`probability` of the windows ``text[a:b]`` of one document, read in place
        (:func:`delexicalise` with a window; the same numbers)."""
        if not spans:
            return []
        p = self.model.predict_proba([delexicalise(text, a, b) for a, b in spans])[:, self._col]
        return [float(x) for x in p]


def units(cfg: dict[str, Any], shared: Path | None) -> pd.DataFrame:
    """The annotated sentences the recall model learns from (``act`` 1: an engagement starts in
    it), with ids ``<source>:<doc>#<sentence>``; the real-text corpus's evaluation side is never
    read (:func:`softpower.extract.learned.data.real_train_units`)."""
    import pandas as pd

    from softpower.extract.learned import data as D

    data = cfg["data"]
    dev = REPO / data["dev_gold"]
    parts = [D.load_gold(dev, dev / "gold.jsonl", "gold-dev")]
    if shared is not None and data.get("seed_gold", True) and (shared / "corpus" / "seeds").is_dir():
        parts.append(
            D.load_gold(shared / "corpus" / "seeds", shared / "corpus" / "gold" / "seeds.jsonl", "gold-seed")
        )
    if data.get("real_gold"):
        parts.append(D.real_train_units(REPO / data["real_gold"]))
    if data.get("decisions"):
        review = D.decision_units(D.decision_files(REPO / data["decisions"]))
        if len(review):
            parts.append(review)
    if data.get("negatives"):
        parts.append(D.negative_units(REPO / data["negatives"]))
    out = pd.concat(parts, ignore_index=True)
    return out[out["act"].isin([0, 1])].reset_index(drop=True)


def fit(cfg: dict[str, Any], frame: pd.DataFrame) -> Recall:
    """Fit the recall model on ``frame`` (the rows of :func:`units` to learn from)."""
    params = dict(cfg["model"])
    params["char_ngrams"] = tuple(params["char_ngrams"]) if params.get("char_ngrams") else None
    model = TextClassifier(**params, seed=int(cfg["seed"])).fit(
        [delexicalise(t) for t in frame["text"].tolist()], frame["act"].astype(int).astype(str).tolist()
    )
    return _configured(model, cfg)


#: the largest change of a training sentence's probability that a rebuild on another CPU may show: the
#: solver (lbfgs) stops at its tolerance, where the order of floating-point sums (each CPU's SIMD kernels)
#: moves the last digits of the weights; a change of data, features or settings moves far more
REBUILD_TOLERANCE = 0.002


def rebuild_gap(shipped: TextClassifier, rebuilt: TextClassifier, texts: list[str]) -> float | None:
    """The largest difference between two fits' probabilities over ``texts`` (delexicalised as the model
    reads them), or ``None`` when their classes or features (vocabularies and settings) differ."""
    import numpy as np

    a, b = shipped.to_dict(), rebuilt.to_dict()
    if a["classes"] != b["classes"] or [(v["params"], v["vocabulary"]) for v in a["vectorisers"]] != [
        (v["params"], v["vocabulary"]) for v in b["vectorisers"]
    ]:
        return None
    read = [delexicalise(t) for t in texts]
    return float(np.abs(shipped.predict_proba(read) - rebuilt.predict_proba(read)).max()) if read else 0.0


CONFIG = "extract_model/recall.toml"
WEIGHTS = "extract_model/recall.json.gz"


@cache
def load_recall() -> Recall | None:
    """The shipped recall model, or ``None`` when the package holds none."""
    base = resources.files("softpower.data")
    try:
        raw = base.joinpath(WEIGHTS).read_bytes()
        cfg = tomllib.loads(base.joinpath(CONFIG).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return _configured(TextClassifier.load_bytes(raw), cfg)


def _configured(model: TextClassifier, cfg: dict[str, Any]) -> Recall:
    """``model`` with the thresholds of ``recall.toml`` (one reading for a fit and for the shipped
    model: ``bare_threshold`` absent is ``None``, ``bare_act_floor`` absent is 0)."""
    bare = cfg.get("bare_threshold")
    return Recall(
        model,
        float(cfg["threshold"]),
        None if bare is None else float(bare),
        float(cfg.get("bare_act_floor", 0.0)),
    )


def main(argv: list[str] | None = None) -> int:
    """The command line; a missing or malformed input file is one line on stderr and exit code 2."""
    return guarded("train_recall", _main, argv)


def _main(argv: list[str] | None) -> int:
    ap = argparse.ArgumentParser(
        description="Rebuild the recall model (recall.json.gz) from recall.toml and the annotated sentences.",
        epilog="example: python -m softpower.extract.learned.train_recall --check",
    )
    ap.add_argument("--config", type=Path, default=MODEL_DIR / "recall.toml")
    ap.add_argument(
        "--out", type=Path, default=None, help="folder for recall.json.gz (default: beside the config)"
    )
    ap.add_argument("--check", action="store_true", help="rebuild into a temporary folder and compare bytes")
    args = ap.parse_args(argv)
    cfg = read_config(args.config)
    shipped = read_shipped(args.config.parent / "recall.json.gz") if args.check else b""
    frame = units(cfg, SHARED if SHARED.is_dir() else None)
    recall = fit(cfg, frame)
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            recall.model.save(Path(tmp) / "recall.json.gz")
            rebuilt = (Path(tmp) / "recall.json.gz").read_bytes()
        if rebuilt == shipped:
            print("recall.json.gz: identical")
            return 0
        gap = rebuild_gap(TextClassifier.load_bytes(shipped), recall.model, frame["text"].tolist())
        if gap is not None and gap <= REBUILD_TOLERANCE:
            print(
                f"recall.json.gz: equal within {REBUILD_TOLERANCE:g} (the same features; every training "
                f"sentence's probability within {gap:.2g}: the solver's floating-point order on this CPU)"
            )
            return 0
        what = "other features" if gap is None else f"a training sentence's probability moves by {gap:.3g}"
        print(f"recall.json.gz: DIFFERS from the shipped weights ({what})")
        return 1
    out = args.out or args.config.parent
    out.mkdir(parents=True, exist_ok=True)
    recall.model.save(out / "recall.json.gz")
    print(f"wrote {out / 'recall.json.gz'}")
    return 0
