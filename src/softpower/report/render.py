"""Rendering helpers shared by the report and the dashboard: Jinja2 with autoescape, safe JSON."""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

import jinja2
import markupsafe
import plotly.io as pio
from plotly.graph_objects import Figure
from plotly.offline import get_plotlyjs

_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def safe_json(value: Any) -> str:
    """JSON safe to embed in an HTML ``<script>`` element: ``<``, ``>``, ``&`` written as ``\\u003c`` etc."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, default=_default).translate(_JSON_ESCAPES)


def _default(o: Any) -> Any:
    if hasattr(o, "item"):  # numpy scalars
        return o.item()
    if hasattr(o, "tolist"):
        return o.tolist()
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(f"cannot serialise {type(o).__name__}")


def figure_dict(fig: Figure) -> dict[str, Any]:
    """A figure as plain JSON data (``data`` and ``layout``), NaN written as null."""
    out: dict[str, Any] = json.loads(pio.to_json(fig, validate=False, engine="json"))
    return {"data": out.get("data", []), "layout": out.get("layout", {})}


def clean(value: Any) -> Any:
    """Replace NaN/NA by ``None`` (for JSON and templates)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value


@cache
def plotly_js() -> str:
    """The plotly.js bundle shipped inside the installed plotly package (never a CDN)."""
    return str(get_plotlyjs())


def environment(package: str) -> jinja2.Environment:
    """A Jinja2 environment over ``<package>/templates`` with HTML autoescape always on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["json"] = lambda v: markupsafe.Markup(safe_json(v))
    env.filters["clean"] = clean
    from softpower.report import names

    for name in ("state", "states", "instrument", "power_type", "metric", "pillar", "strategy", "kind"):
        env.filters[name] = getattr(names, name)
    env.filters["input_name"] = names.index_input
    env.filters["result_metric"] = names.result_metric
    env.filters["money"] = money
    return env


def money(value: Any, digits: int = 1) -> str:
    """An amount for reading: ``12.3 M``, ``1.2 bn``, ``950`` (empty for a missing amount)."""
    v = clean(value)
    if v is None:
        return ""
    f = float(v)
    for size, unit in ((1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if abs(f) >= size:
            return f"{f / size:,.{digits}f}{unit}"
    return f"{f:,.0f}" if f.is_integer() else f"{f:,.2f}"
