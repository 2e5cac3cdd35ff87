"""A text classifier with scikit-learn's estimator contract and a plain, reproducible weight file.

:class:`TextClassifier` is TF-IDF features (word n-grams and, optionally, character n-grams
within word boundaries) feeding a multinomial logistic regression. Logistic regression gives
probabilities directly (its log-loss fit makes them reasonably calibrated; the model card
reports the calibration on the frozen dev split). The fitted model is written as gzipped
JSON (vocabularies, idf weights, coefficients rounded to 6 significant digits, ``mtime=0``),
so the same data, configuration and seed give the same bytes, and loading needs no pickle.

Fitting uses scikit-learn (imported when :meth:`TextClassifier.fit` runs). Prediction does not:
the analysers, the sublinear TF-IDF weighting and the logistic link are re-implemented here over
the stored vocabularies, idf weights and coefficients (tests check them against scikit-learn),
so ``import softpower.extract`` and every CLI command start without loading scikit-learn, and
one document's sentences are scored in one vectorised step.

References
----------
Pedregosa, F. et al. (2011). Scikit-learn: Machine Learning in Python. *JMLR* 12, 2825-2830.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

_SIG = 6
_PARAMS = (
    "word_ngrams",
    "char_ngrams",
    "min_df",
    "max_features",
    "C",
    "class_weight",
    "seed",
    "nb_C",
    "delexicalise",
    "sentence_ngrams",
)
#: joins a record's context and its own sentence in one input text of a model with a sentence block
#: (``sentence_ngrams``): ``context + SENTENCE_SEP + sentence``; a text without it is its own sentence
SENTENCE_SEP = "\x1f"
_WHITE = re.compile(r"\s\s+")
#: the token pattern of every word analyser here (scikit-learn's default): a token holds no white space
_WORD_TOKEN = r"(?u)\b\w+\b"


def _round(a: np.ndarray) -> list[float]:
    return [float(f"{x:.{_SIG}g}") for x in np.asarray(a, dtype=float).ravel()]


def word_analyser(
    ngram_range: tuple[int, int], token_pattern: str, lowercase: bool
) -> Callable[[str], list[str]]:
    """scikit-learn's ``analyzer="word"`` (no stop words, no accent stripping) as a plain function."""
    find = re.compile(token_pattern).findall
    lo, hi = ngram_range

    def analyse(text: str) -> list[str]:
        tokens: list[str] = find(text.lower() if lowercase else text)
        out = tokens if lo == 1 else []
        n_tok = len(tokens)
        for n in range(max(lo, 2), min(hi, n_tok) + 1):
            # the n-grams as the tokens zipped with their n - 1 successors (no slice per n-gram)
            out = out + list(map(" ".join, zip(*(tokens[k:] for k in range(n)), strict=False)))
        return out

    return analyse


def char_wb_analyser(ngram_range: tuple[int, int], lowercase: bool) -> Callable[[str], list[str]]:
    """scikit-learn's ``analyzer="char_wb"`` as a plain function."""
    lo, hi = ngram_range

    def analyse(text: str) -> list[str]:
        text = _WHITE.sub(" ", text.lower() if lowercase else text)
        out: list[str] = []
        for w in text.split():
            w = " " + w + " "
            w_len = len(w)
            for n in range(lo, hi + 1):
                offset = 0
                out.append(w[offset : offset + n])
                while offset + n < w_len:
                    offset += 1
                    out.append(w[offset : offset + n])
                if offset == 0:  # a word shorter than n
                    break
        return out

    return analyse


def _analyser(params: dict[str, Any]) -> Callable[[str], list[str]]:
    rng = (int(params["ngram_range"][0]), int(params["ngram_range"][1]))
    if params["analyzer"] == "char_wb":
        return char_wb_analyser(rng, bool(params["lowercase"]))
    return word_analyser(rng, str(params["token_pattern"]), bool(params["lowercase"]))


def _column_ids(params: dict[str, Any], vocab: dict[str, int]) -> Callable[[str], Iterable[int | None]]:
    """The column of each term of a text as the analyser of ``params`` writes the terms, in the
    analyser's order (``None`` for a term outside ``vocab``).

    For word unigrams and bigrams (every shipped model) the bigrams are looked up as pairs of tokens
    instead of being joined into strings first: a token holds no white space, so the pair
    ``(a, b)`` names the term ``"a b"`` and no other, and the order of the columns (the unigrams,
    then the bigrams) is the analyser's.
    """
    rng = (int(params["ngram_range"][0]), int(params["ngram_range"][1]))
    if params["analyzer"] == "word" and rng == (1, 2) and params["token_pattern"] == _WORD_TOKEN:
        unigrams = {t: c for t, c in vocab.items() if " " not in t}
        bigrams = {}
        for t, c in vocab.items():
            if " " in t:
                a, b = t.split(" ")
                bigrams[(a, b)] = c
        find = re.compile(str(params["token_pattern"])).findall
        lowercase = bool(params["lowercase"])
        uni, bi = unigrams.get, bigrams.get

        def pairs(text: str) -> Iterable[int | None]:
            tokens: list[str] = find(text.lower() if lowercase else text)
            return chain(map(uni, tokens), map(bi, zip(tokens, tokens[1:], strict=False)))

        return pairs
    if params["analyzer"] == "char_wb":
        return _char_wb_columns(rng, bool(params["lowercase"]), vocab)
    analyse, get = _analyser(params), vocab.get
    return lambda text: map(get, analyse(text))


#: words whose character n-gram columns :func:`_char_wb_columns` keeps (emptied when full)
_WORD_MEMO = 50_000


def _char_wb_columns(
    ngram_range: tuple[int, int], lowercase: bool, vocab: dict[str, int]
) -> Callable[[str], Iterable[int | None]]:
    """The columns of :func:`char_wb_analyser`'s terms, word by word through a memo of each word's columns.

    The analyser writes the n-grams of each white-space-separated word of the lower-cased text (runs
    of white space count once, so its ``_WHITE`` substitution does not change the words
    ``str.split()`` gives) word after word, and a word's n-grams depend on that word alone: the
    columns of a text are the concatenation of its words' columns, in the same order. A word's
    columns are computed once (terms outside ``vocab`` dropped, as the caller drops them) and kept;
    words repeat across sentences, so most words cost one dictionary lookup instead of building,
    hashing and looking up some ten n-gram strings.
    """
    analyse, get = char_wb_analyser(ngram_range, lowercase=False), vocab.get
    memo: dict[str, tuple[int, ...]] = {}

    def word_columns(word: str) -> tuple[int, ...]:
        found = memo.get(word)
        if found is None:
            if len(memo) >= _WORD_MEMO:
                memo.clear()
            found = memo[word] = tuple(c for c in map(get, analyse(word)) if c is not None)
        return found

    def columns(text: str) -> Iterable[int | None]:
        return chain.from_iterable(map(word_columns, (text.lower() if lowercase else text).split()))

    return columns


class TextClassifier:
    """TF-IDF (word and character n-grams) + logistic regression.

    Parameters
    ----------
    word_ngrams : int
        Longest word n-gram (1 = unigrams).
    char_ngrams : tuple of int or None
        ``(min, max)`` character n-grams within word boundaries; ``None`` for none.
    min_df : int
        Drop terms seen in fewer training texts.
    max_features : int
        Keep at most this many terms per vectoriser (most frequent).
    C : float
        Inverse regularisation strength of the logistic regression.
    class_weight : str or None
        ``"balanced"`` weighs classes inversely to their frequency.
    seed : int
        Random state of the solver (lbfgs is deterministic; kept explicit).
    nb_C : float
        With more than two classes and ``nb_C`` > 0, a second model is fitted on the same features and
        averaged with the first: one binary logistic regression per class (inverse regularisation
        ``nb_C``, the class and the rest weighing half each) on the features scaled by the class's
        naive-Bayes log-count ratio (Wang & Manning 2012, NBSVM), its class probabilities normalised
        to sum to one. The ratio folds into the coefficients, so prediction is one more linear map.
        0 (default): the multinomial logistic regression alone.
    delexicalise : bool
        Read every text, at fitting and at prediction, through
        :func:`softpower.extract.learned.recall.delexicalise` (names of states, groups and donors,
        sums of money, years and other numbers replaced by tags), so the model cannot key on which
        recipient, capital, currency or figure a text names. Stored in the weight file's parameters.
    """

    def __init__(
        self,
        word_ngrams: int = 2,
        char_ngrams: tuple[int, int] | None = None,
        min_df: int = 2,
        max_features: int = 40000,
        C: float = 4.0,
        class_weight: str | None = "balanced",
        seed: int = 0,
        nb_C: float = 0.0,
        delexicalise: bool = False,
        sentence_ngrams: int = 0,
    ) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.class_weight = class_weight
        self.seed = seed
        self.nb_C = nb_C
        self.delexicalise = delexicalise
        self.sentence_ngrams = sentence_ngrams

    # -- scikit-learn estimator contract (get_params / set_params, so sklearn.base.clone works) --
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {k: getattr(self, k) for k in _PARAMS}

    def set_params(self, **params: Any) -> TextClassifier:
        for k, v in params.items():
            if k not in _PARAMS:
                raise ValueError(f"TextClassifier has no parameter {k!r}")
            setattr(self, k, v)
        return self

    def _vectorisers(self) -> list[Any]:
        from sklearn.feature_extraction.text import TfidfVectorizer

        def words(n: int) -> Any:
            return TfidfVectorizer(
                ngram_range=(1, n),
                min_df=self.min_df,
                max_features=self.max_features,
                sublinear_tf=True,
                lowercase=True,
                token_pattern=r"(?u)\b\w+\b",
                dtype=np.float32,
            )

        out = [words(self.word_ngrams)]
        if self.char_ngrams is not None:
            out.append(
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=tuple(self.char_ngrams),
                    min_df=self.min_df,
                    max_features=self.max_features,
                    sublinear_tf=True,
                    dtype=np.float32,
                )
            )
        if self.sentence_ngrams:
            out.append(words(self.sentence_ngrams))  # the record's own sentence, a word block of its own
        return out

    def _parts(self, texts: list[str]) -> list[list[str]]:
        """The texts each vectoriser reads, in ``vectorisers_`` order: every text whole, or with a
        sentence block the contexts for the others and the sentences for the last."""
        if not getattr(self, "sentence_ngrams", 0):
            return [texts] * self._vectorisers_n()
        split = [t.split(SENTENCE_SEP, 1) for t in texts]
        context = [p[0] for p in split]
        sentence = [p[-1] for p in split]
        return [context] * (self._vectorisers_n() - 1) + [sentence]

    def _vectorisers_n(self) -> int:
        return 1 + (self.char_ngrams is not None) + bool(getattr(self, "sentence_ngrams", 0))

    def _read(self, texts: list[str]) -> list[str]:
        """The texts as the features see them: delexicalised when the model is (one function for
        fitting and prediction)."""
        if not self.delexicalise:
            return list(texts)
        from softpower.extract.learned.recall import delexicalise

        return [delexicalise(t) for t in texts]

    def _features(self, texts: list[str]) -> Any:
        """The scikit-learn feature matrix (fitted models only; for tests and training)."""
        from scipy import sparse

        parts = self._parts(self._read(texts))
        return sparse.hstack(
            [v.transform(p) for v, p in zip(self.vectorisers_, parts, strict=True)], format="csr"
        )

    def fit(self, X: list[str], y: list[str]) -> TextClassifier:
        """Fit on texts ``X`` with labels ``y`` (scikit-learn's TfidfVectorizer and LogisticRegression)."""
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression

        parts = self._parts(self._read(X))
        self.vectorisers_ = self._vectorisers()
        mats = [v.fit_transform(p) for v, p in zip(self.vectorisers_, parts, strict=True)]
        self.lr_ = LogisticRegression(
            C=self.C, class_weight=self.class_weight, max_iter=2000, random_state=self.seed
        )
        self.lr_.fit(sparse.hstack(mats, format="csr"), np.asarray(y))
        self.classes_ = self.lr_.classes_
        self.specs_ = [
            (
                _vec_params(v),
                sorted(v.vocabulary_, key=v.vocabulary_.__getitem__),
                np.asarray(v.idf_, dtype=float),
            )
            for v in self.vectorisers_
        ]
        self.coef_ = np.asarray(self.lr_.coef_, dtype=np.float64)
        self.intercept_ = np.asarray(self.lr_.intercept_, dtype=np.float64)
        self.nb_coef_: np.ndarray | None = None
        self.nb_intercept_: np.ndarray | None = None
        self.offsets_: np.ndarray | None = None
        if self.nb_C and len(self.classes_) > 2:
            self.nb_coef_, self.nb_intercept_ = self._fit_nb(sparse.hstack(mats, format="csr"), np.asarray(y))
        self.__dict__.pop("_fast_", None)
        return self

    def _fit_nb(self, X: Any, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The NB-weighted one-vs-rest logistic regressions (``nb_C``): per class, the log-count
        ratio ``r`` of the binarised features (add-one smoothing) scales the features, a binary
        logistic regression is fitted on them, and ``r * w`` is stored as the class's coefficients."""
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression

        present = X.copy()
        present.data[:] = 1.0
        coefs, intercepts = [], []
        for c in self.classes_:
            pos = y == c
            p = 1.0 + np.asarray(present[pos].sum(axis=0), dtype=np.float64).ravel()
            q = 1.0 + np.asarray(present[~pos].sum(axis=0), dtype=np.float64).ravel()
            r = np.log((p / p.sum()) / (q / q.sum()))
            weight = np.where(pos, 0.5 / pos.mean(), 0.5 / (~pos).mean())
            lr = LogisticRegression(C=self.nb_C, max_iter=2000, random_state=self.seed)
            lr.fit(X @ sparse.diags(r), pos, sample_weight=weight)
            coefs.append(r * lr.coef_[0])
            intercepts.append(float(lr.intercept_[0]))
        return np.vstack(coefs), np.asarray(intercepts, dtype=np.float64)

    def predict_proba(self, X: list[str]) -> np.ndarray:
        """Class probabilities, columns in ``classes_`` order.

        The same arithmetic as ``TfidfVectorizer`` (sublinear tf, idf, l2 norm) and
        ``LogisticRegression.predict_proba``, for all texts at once: the analysers collect every
        (text, term) hit, and one gather of coefficient rows with one segmented sum gives the
        log-odds of every text.
        """
        n_cls = len(self.classes_)
        if not len(X):
            return np.zeros((0, n_cls))
        rows = {text: i for i, text in enumerate(dict.fromkeys(X))}
        if len(rows) < len(X):
            # a text given twice (two records of one sentence share their context) is read once: each
            # text's row depends on that text alone, so the rows are the same numbers
            unique: np.ndarray = self.predict_proba(list(rows))
            return unique[[rows[text] for text in X]]
        X = self._read(X)
        columns, idfs, coef_t, intercept = self._fast()
        # the number of terms of each block, one block per (text, vectoriser): its own l2 norm
        sizes: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        have: list[int] = []  # the texts with at least one known term ...
        first: list[int] = []  # ... and where their terms start in ``cols``
        sentences = getattr(self, "sentence_ngrams", 0)  # (models pickled before the parameter: none)
        for i, text in enumerate(X):
            at = len(cols)
            if sentences:
                context, sep, own = text.partition(SENTENCE_SEP)
                reads = [context] * (len(columns) - 1) + [own if sep else context]
            else:
                reads = [text] * len(columns)
            for column_ids, text in zip(columns, reads, strict=True):
                # the columns of the text's terms in first-occurrence order with their counts (distinct
                # terms have distinct columns, so counting columns counts terms); unknown terms dropped
                found = Counter(column_ids(text))
                found.pop(None, None)
                sizes.append(len(found))
                cols.extend(found)  # type: ignore[arg-type]
                counts.extend(found.values())
            if len(cols) > at:
                have.append(i)
                first.append(at)
        z = np.zeros((len(X), coef_t.shape[1]))
        if cols:
            col = np.asarray(cols, dtype=np.int64)
            block = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
            w = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * idfs[col]
            w /= np.sqrt(np.bincount(block, weights=w * w))[block]
            z[have] = np.add.reduceat(coef_t[col] * w[:, None], first, axis=0)
        z += intercept
        offsets = getattr(self, "offsets_", None)
        if offsets is not None and n_cls > 2:  # the decision offsets (:meth:`set_offsets`)
            z[:, :n_cls] += offsets
        if z.shape[1] > n_cls:  # the NB-weighted one-vs-rest model's columns follow (nb_C)
            nb = 1.0 / (1.0 + np.exp(-z[:, n_cls:]))
            z = z[:, :n_cls]
            z -= z.max(axis=1, keepdims=True)
            e = np.exp(z)
            mixed: np.ndarray = 0.5 * (e / e.sum(axis=1, keepdims=True) + nb / nb.sum(axis=1, keepdims=True))
            return mixed
        if z.shape[1] == 1:  # binary: one column of log-odds for the second class
            p1 = 1.0 / (1.0 + np.exp(-z[:, 0]))
            return np.column_stack([1.0 - p1, p1])
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: np.ndarray = e / e.sum(axis=1, keepdims=True)
        return out

    def _fast(
        self,
    ) -> tuple[list[Callable[[str], Iterable[int | None]]], np.ndarray, np.ndarray, np.ndarray]:
        cached = self.__dict__.get("_fast_")
        if cached is None:
            columns, offset = [], 0
            for params, vocab, _ in self.specs_:
                columns.append(_column_ids(params, {t: offset + i for i, t in enumerate(vocab)}))
                offset += len(vocab)
            idfs = np.concatenate([np.asarray(s[2], dtype=np.float64) for s in self.specs_])
            coef, intercept = self.coef_, self.intercept_
            nb_coef = getattr(self, "nb_coef_", None)
            if nb_coef is not None:
                coef = np.vstack([coef, nb_coef])
                intercept = np.concatenate([intercept, self.nb_intercept_])
            coef_t = np.ascontiguousarray(coef.T)
            cached = (columns, idfs, coef_t, intercept)
            self._fast_ = cached
        return cached

    def __getstate__(self) -> dict[str, Any]:
        """The model without its prediction cache (:meth:`_fast`): the cache holds closures, which do
        not pickle (``eval_aiddata.py --fits`` keeps fitted models), and is rebuilt on first use."""
        state = dict(self.__dict__)
        state.pop("_fast_", None)
        return state

    def set_offsets(self, offsets: dict[str, float]) -> TextClassifier:
        """Add a fixed log-offset to each named class's score before the softmax (a class not named
        keeps 0): the classes' prior odds moved by ``exp(offset)``, every text's ranking of the classes
        otherwise unchanged. Chosen after fitting on out-of-fold readings of the training data
        (:func:`softpower.extract.learned.train.choose_offsets`); all zero removes them. Stored in the
        weight file (``offsets``) only when set. Multinomial models only."""
        vec = np.asarray([float(offsets.get(str(c), 0.0)) for c in self.classes_], dtype=np.float64)
        self.offsets_ = vec if vec.any() else None
        return self

    def predict(self, X: list[str]) -> np.ndarray:
        """The most probable class per text."""
        return np.asarray(self.classes_)[np.argmax(self.predict_proba(X), axis=1)]

    # -- weight file -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Everything needed to predict, as plain JSON types (coefficients rounded)."""
        params = self.get_params()
        if not self.nb_C:
            params.pop("nb_C")  # files without the second model keep their bytes
        if not self.delexicalise:
            params.pop("delexicalise")  # ... as do files of models that read the words as written
        if not self.sentence_ngrams:
            params.pop("sentence_ngrams")  # ... and of models without a sentence block
        out = {
            "params": params,
            "classes": [str(c) for c in self.classes_],
            "vectorisers": [
                {"params": params, "vocabulary": list(vocab), "idf": _round(idf)}
                for params, vocab, idf in self.specs_
            ],
            "coef": [_round(row) for row in self.coef_],
            "intercept": _round(self.intercept_),
        }
        offsets = getattr(self, "offsets_", None)
        if offsets is not None:  # files without offsets keep their bytes
            out["offsets"] = _round(offsets)
        nb_coef = getattr(self, "nb_coef_", None)
        if nb_coef is not None:
            out["nb_coef"] = [_round(row) for row in nb_coef]
            out["nb_intercept"] = _round(np.asarray(self.nb_intercept_))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextClassifier:
        """Rebuild a fitted model from :meth:`to_dict` output (no scikit-learn needed)."""
        params = dict(data["params"])
        if params.get("char_ngrams") is not None:
            params["char_ngrams"] = tuple(params["char_ngrams"])
        model = cls(**params)
        model.specs_ = [
            (dict(s["params"]), list(s["vocabulary"]), np.asarray(s["idf"], dtype=np.float64))
            for s in data["vectorisers"]
        ]
        model.classes_ = np.asarray(data["classes"], dtype=object)
        model.coef_ = np.asarray(data["coef"], dtype=np.float64)
        model.intercept_ = np.asarray(data["intercept"], dtype=np.float64)
        model.offsets_ = np.asarray(data["offsets"], dtype=np.float64) if "offsets" in data else None
        model.nb_coef_ = np.asarray(data["nb_coef"], dtype=np.float64) if "nb_coef" in data else None
        model.nb_intercept_ = (
            np.asarray(data["nb_intercept"], dtype=np.float64) if "nb_coef" in data else None
        )
        return model

    def save(self, path: Path) -> None:
        """Write the weight file (gzipped JSON, byte-reproducible)."""
        body = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":")).encode("utf-8")
        with path.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(body)

    @classmethod
    def load_bytes(cls, data: bytes) -> TextClassifier:
        """Read a weight file's bytes."""
        return cls.from_dict(json.loads(gzip.decompress(data)))


def _vec_params(v: Any) -> dict[str, Any]:
    keys = ("analyzer", "ngram_range", "sublinear_tf", "lowercase", "token_pattern")
    p = v.get_params()
    return {k: (list(p[k]) if k == "ngram_range" else p[k]) for k in keys}
