"""The static report: one self-contained HTML file of figures and their provenance.

Examples
--------
>>> from softpower.ledger import Ledger
>>> from softpower.report import build_report
>>> with Ledger.open("softpower.duckdb", read_only=True) as lg:   # doctest: +SKIP
...     build_report(lg, scenario="baseline", output="report.html", seed=1)
"""

from softpower.report.build import build_report

__all__ = ["build_report"]
