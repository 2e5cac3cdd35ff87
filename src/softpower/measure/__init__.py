"""Measurement: dyad indicators, composite index, DSPD profile, uncertainty and validity.

Follows the OECD/JRC *Handbook on Constructing Composite Indicators* (2008): every step
(imputation, normalisation, weighting, aggregation) is a choice from a registry of
methods sharing one signature (:mod:`softpower.measure.methods`).
"""

from __future__ import annotations

from softpower.measure.api import IndexResult, run_index
from softpower.measure.dyads import engagement_panel
from softpower.measure.framework import Framework, load_framework, parse_framework
from softpower.measure.profile import dspd_profile

__all__ = [
    "Framework",
    "IndexResult",
    "dspd_profile",
    "engagement_panel",
    "load_framework",
    "parse_framework",
    "run_index",
]
