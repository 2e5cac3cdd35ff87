"""A ledger holding a hostile document: its text and title carry live HTML and script.

Shared by the report, dashboard and browser tests, which check it is shown as text and
never runs.
"""

from __future__ import annotations

from pathlib import Path

from softpower.ledger import Ledger, bundled_ledger

XSS_TEXT = (
    "An opening line. Japan funded <script>window.__pwned = 1; alert('x')</script> a clinic in Vietnam in 2019. "
    'A closing line with <img src=x onerror="window.__pwned = 2; alert(2)"> inside.'
)
XSS_TITLE = "Evil <img src=x onerror=alert(3)> title"


def xss_ledger(path: Path) -> Path:
    """The bundled ledger plus one record citing the hostile document ``xss.txt``."""
    bundled_ledger(path)
    record = {
        "doc": "xss.txt",
        "kind": "engagement",
        "actor": "JPN",
        "partners": ["VNM"],
        "instrument": "health_cooperation",
        "year": 2019,
        "span": [XSS_TEXT.index("Japan funded"), XSS_TEXT.index("2019.") + 5],
        "ppp": False,
        "equal_footing": False,
    }
    doc = {"id": "xss.txt", "title": XSS_TITLE, "text": XSS_TEXT}
    with Ledger.open(path) as lg:
        lg.import_records([record], [doc], origin="test", source="test")
    return path
