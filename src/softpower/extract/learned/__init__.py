"""Learned components of the extractor: sentence classifiers for instrument and act (scikit-learn),
their training (``make train``) and how they are applied after the rules."""

from softpower.extract.learned.model import TextClassifier
from softpower.extract.learned.weights import Models, load_models

__all__ = ["Models", "TextClassifier", "load_models"]
