"""Measurement: dyad indicators, composite index, DSPD profile, uncertainty and validity.

Follows the OECD/JRC *Handbook on Constructing Composite Indicators* (2008): every step
(imputation, normalisation, weighting, aggregation) is a choice from a registry of
methods sharing one signature (:mod:`softpower.measure.methods`).
"""

from __future__ import annotations

from softpower.measure.dyads import engagement_panel

__all__ = ["engagement_panel"]
