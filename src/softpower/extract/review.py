"""The review page: every record beside its sentence, the span highlighted.

All document text is HTML-escaped; the page is static, self-contained and works offline.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from softpower.extract.pipeline import ExtractResult

_CONTEXT = 160
_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:75rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.35rem;vertical-align:top;font-size:.9rem}
th{background:#f4f4f4;text-align:left}mark{background:#ffe27a;padding:0 .1rem}
.ctx{color:#555;white-space:pre-wrap}.k-engagement{color:#0b5394}.k-indicator{color:#38761d}.k-perception{color:#990000}
.err{color:#b00020}
"""


def _fields(rec: dict[str, Any]) -> str:
    keys = ("actor", "partners", "instrument", "metric", "unit", "measure", "year", "year_end", "amount",
            "currency", "value", "name", "ppp", "equal_footing")  # fmt: skip
    parts = []
    for k in keys:
        v = rec.get(k)
        if v is None or v is False or v == []:
            continue
        if isinstance(v, list):
            v = ", ".join(v)
        parts.append(f"<b>{html.escape(k)}</b> {html.escape(str(v))}")
    return "<br>".join(parts)


def _context(text: str, span: list[int]) -> str:
    a, b = span
    lo, hi = max(0, a - _CONTEXT), min(len(text), b + _CONTEXT)
    return (
        ("…" if lo > 0 else "")
        + html.escape(text[lo:a])
        + "<mark>"
        + html.escape(text[a:b])
        + "</mark>"
        + html.escape(text[b:hi])
        + ("…" if hi < len(text) else "")
    )


def render_review(results: Iterable[ExtractResult]) -> str:
    """The review page as one HTML string."""
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>softpower extract: review</title><style>",
        _STYLE,
        "</style></head><body><h1>Extracted records for review</h1>",
    ]
    for res in results:
        out.append(f"<h2>{html.escape(res.doc)}</h2>")
        if res.error:
            out.append(f"<p class='err'>{html.escape(res.error)}</p>")
            continue
        if not res.records:
            out.append("<p>No records found.</p>")
            continue
        text = res.text or ""
        out.append(
            "<table><tr><th>#</th><th>kind</th><th>record</th><th>sentence (span highlighted)</th></tr>"
        )
        for i, rec in enumerate(res.records, 1):
            kind = html.escape(rec["kind"])
            out.append(
                f"<tr><td>{i}</td><td class='k-{kind}'>{kind}</td><td>{_fields(rec)}</td>"
                f"<td class='ctx'>{_context(text, rec['span'])}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)
