"""The dashboard: ``softpower serve`` (FastAPI, server-rendered Jinja2 pages, plotly.js served locally).

Examples
--------
>>> from softpower.web import create_app
>>> app = create_app("softpower.duckdb")       # doctest: +SKIP
>>> # uvicorn.run(app, host="127.0.0.1", port=8050)
"""

from softpower.web.app import create_app

__all__ = ["create_app"]
