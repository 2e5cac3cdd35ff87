"""A text classifier with scikit-learn's estimator contract and a plain, reproducible weight file.

:class:`TextClassifier` is TF-IDF features (word n-grams and, optionally, character n-grams
within word boundaries) feeding a multinomial logistic regression. Logistic regression gives
probabilities directly (its log-loss fit makes them reasonably calibrated; the model card
reports the calibration on the frozen dev split). The fitted model is written as gzipped
JSON (vocabularies, idf weights, coefficients rounded to 6 significant digits, ``mtime=0``),
so the same data, configuration and seed give the same bytes, and loading needs no pickle.

References
----------
Pedregosa, F. et al. (2011). Scikit-learn: Machine Learning in Python. *JMLR* 12, 2825-2830.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from math import log, sqrt
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

_SIG = 6


def _round(a: np.ndarray) -> list[float]:
    return [float(f"{x:.{_SIG}g}") for x in np.asarray(a, dtype=float).ravel()]


class TextClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
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
    ) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.class_weight = class_weight
        self.seed = seed

    def _vectorisers(self) -> list[TfidfVectorizer]:
        out = [
            TfidfVectorizer(
                ngram_range=(1, self.word_ngrams),
                min_df=self.min_df,
                max_features=self.max_features,
                sublinear_tf=True,
                lowercase=True,
                token_pattern=r"(?u)\b\w+\b",
                dtype=np.float32,
            )
        ]
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
        return out

    def _features(self, texts: list[str]) -> sparse.csr_matrix:
        return sparse.hstack([v.transform(texts) for v in self.vectorisers_], format="csr")

    def fit(self, X: list[str], y: list[str]) -> TextClassifier:
        """Fit on texts ``X`` with labels ``y``."""
        texts = list(X)
        self.vectorisers_ = self._vectorisers()
        mats = [v.fit_transform(texts) for v in self.vectorisers_]
        self.lr_ = LogisticRegression(
            C=self.C, class_weight=self.class_weight, max_iter=2000, random_state=self.seed
        )
        self.lr_.fit(sparse.hstack(mats, format="csr"), np.asarray(y))
        self.classes_ = self.lr_.classes_
        return self

    def predict_proba(self, X: list[str]) -> np.ndarray:
        """Class probabilities, columns in ``classes_`` order.

        Computed directly from the fitted vocabularies, idf weights and coefficients (the same
        arithmetic as ``TfidfVectorizer`` + ``LogisticRegression.predict_proba``, without their
        per-call input validation, which dominates on the few sentences of one document).
        """
        if not len(X):
            return np.zeros((0, len(self.classes_)))
        fast = self._fast()
        indptr = [0]
        cols: list[int] = []
        vals: list[float] = []
        for text in X:
            offset = 0
            for analyse, vocab, idf in fast["vectorisers"]:
                hits = [(vocab[t], c) for t, c in Counter(analyse(text)).items() if t in vocab]
                if hits:
                    w = [(1.0 + log(c)) * idf[j] for j, c in hits]
                    norm = sqrt(sum(x * x for x in w))
                    cols.extend(j + offset for j, _ in hits)
                    vals.extend(x / norm for x in w)
                offset += len(vocab)
            indptr.append(len(cols))
        feats = sparse.csr_matrix(
            (np.asarray(vals), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
            shape=(len(X), fast["n_features"]),
        )
        z = np.asarray(feats @ fast["coef_t"]) + fast["intercept"]
        if z.shape[1] == 1:  # binary: one column of log-odds for the second class
            p1 = 1.0 / (1.0 + np.exp(-z[:, 0]))
            return np.column_stack([1.0 - p1, p1])
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: np.ndarray = e / e.sum(axis=1, keepdims=True)
        return out

    def _fast(self) -> dict[str, Any]:
        cached: dict[str, Any] | None = getattr(self, "_fast_", None)
        if cached is None:
            specs = [
                (v.build_analyzer(), v.vocabulary_, [float(x) for x in v.idf_]) for v in self.vectorisers_
            ]
            cached = {
                "vectorisers": specs,
                "n_features": sum(len(s[1]) for s in specs),
                "coef_t": np.ascontiguousarray(np.asarray(self.lr_.coef_, dtype=np.float64).T),
                "intercept": np.asarray(self.lr_.intercept_, dtype=np.float64),
            }
            self._fast_ = cached
        return cached

    def predict(self, X: list[str]) -> np.ndarray:
        """The most probable class per text."""
        return np.asarray(self.classes_)[np.argmax(self.predict_proba(X), axis=1)]

    # -- weight file -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Everything needed to predict, as plain JSON types (coefficients rounded)."""
        vecs = []
        for v in self.vectorisers_:
            vocab = sorted(v.vocabulary_, key=v.vocabulary_.__getitem__)
            vecs.append({"params": _vec_params(v), "vocabulary": vocab, "idf": _round(v.idf_)})
        return {
            "params": self.get_params(),
            "classes": [str(c) for c in self.classes_],
            "vectorisers": vecs,
            "coef": [_round(row) for row in self.lr_.coef_],
            "intercept": _round(self.lr_.intercept_),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextClassifier:
        """Rebuild a fitted model from :meth:`to_dict` output."""
        params = dict(data["params"])
        if params.get("char_ngrams") is not None:
            params["char_ngrams"] = tuple(params["char_ngrams"])
        model = cls(**params)
        model.vectorisers_ = []
        for spec in data["vectorisers"]:
            p = dict(spec["params"])
            p["ngram_range"] = tuple(p["ngram_range"])
            v = TfidfVectorizer(
                vocabulary={t: i for i, t in enumerate(spec["vocabulary"])}, dtype=np.float32, **p
            )
            v.idf_ = np.asarray(spec["idf"], dtype=np.float64)
            model.vectorisers_.append(v)
        lr = LogisticRegression()
        lr.classes_ = np.asarray(data["classes"], dtype=object)
        lr.coef_ = np.asarray(data["coef"], dtype=np.float64)
        lr.intercept_ = np.asarray(data["intercept"], dtype=np.float64)
        model.lr_ = lr
        model.classes_ = lr.classes_
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


def _vec_params(v: TfidfVectorizer) -> dict[str, Any]:
    keys = ("analyzer", "ngram_range", "sublinear_tf", "lowercase", "token_pattern")
    p = v.get_params()
    return {k: (list(p[k]) if k == "ngram_range" else p[k]) for k in keys}
