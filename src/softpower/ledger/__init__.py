"""The ledger: the embedded DuckDB store of records, documents and provenance.

Examples
--------
>>> from softpower.ledger import Ledger, bundled_ledger      # doctest: +SKIP
>>> with Ledger.open(bundled_ledger("demo.duckdb"), read_only=True) as lg:
...     lg.stats()["engagement"]
110
"""

from softpower.ledger.bundled import bundled_ledger, import_bundled
from softpower.ledger.io import export, export_frame, import_batch, import_file
from softpower.ledger.store import ImportResult, Ledger

__all__ = [
    "ImportResult",
    "Ledger",
    "bundled_ledger",
    "export",
    "export_frame",
    "import_batch",
    "import_bundled",
    "import_file",
]
