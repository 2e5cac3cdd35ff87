"""Measurement: dyad indicators, composite index, DSPD profile, uncertainty and validity.

Follows the OECD/JRC *Handbook on Constructing Composite Indicators* (2008): treatment,
imputation, normalisation, weighting and aggregation are choices from registries of
methods sharing one signature (:mod:`softpower.measure.methods`), and every choice is
varied in the Monte Carlo.

The report and the dashboard use :func:`run_index`, :func:`leaders_table` and
:func:`explain` (the one leaders table and the one explanation; no second computation).
"""

from __future__ import annotations

from softpower.measure.api import IndexResult, run_index
from softpower.measure.dyads import engagement_panel
from softpower.measure.framework import Framework, load_framework, parse_framework
from softpower.measure.index import LEADER_COLUMNS, explain, leaders_table
from softpower.measure.profile import dspd_profile

__all__ = [
    "LEADER_COLUMNS",
    "Framework",
    "IndexResult",
    "dspd_profile",
    "engagement_panel",
    "explain",
    "leaders_table",
    "load_framework",
    "parse_framework",
    "run_index",
]
