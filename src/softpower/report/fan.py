"""Scenario fan charts: median and 5–95 % band of simulated runs against the baseline."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from softpower.report import names
from softpower.report.figures import _empty, _layout, _rgba, donor_colour


def fan_charts(series: pd.DataFrame, baseline: pd.DataFrame | None, metric: str, name: str) -> go.Figure:
    """Scenario fan chart of one metric: median and 5–95 % band per donor, baseline median dashed.

    One partner at a time (a menu switches partner); the partner shown first is the one
    where the scenario's final-year median departs most from the baseline's.
    """
    s = series[series["metric"] == metric]
    title = f"Scenario '{name}': {names.result_metric(metric)} (line = median, band = 5–95 % of runs, dashed = baseline median)"
    if s.empty:
        return _empty(title, f"The scenario produced no '{metric}' series.")
    b_all = None if baseline is None or baseline.empty else baseline[baseline["metric"] == metric]
    partners = sorted(s["partner"].unique())
    first = partners[0]
    if b_all is not None and not b_all.empty:
        last = int(s["year"].max())
        m = s[s["year"] == last].merge(
            b_all[b_all["year"] == last], on=["donor", "partner"], suffixes=("", "_b")
        )
        if not m.empty:
            gap = (m["p50"] - m["p50_b"]).abs().groupby(m["partner"]).max()
            first = str(gap.idxmax())
    fig = go.Figure()
    owner: list[str] = []
    for p in partners:
        for d, g in s[s["partner"] == p].groupby("donor", sort=True):
            g = g.sort_values("year")
            colour = donor_colour(str(d))
            fig.add_trace(
                go.Scatter(
                    x=list(g["year"]) + list(g["year"])[::-1],
                    y=list(g["p95"]) + list(g["p05"])[::-1],
                    fill="toself",
                    fillcolor=_rgba(colour, 0.18),
                    line={"width": 0},
                    hoverinfo="skip",
                    legendgroup=str(d),
                    showlegend=False,
                    name=f"{d} 5–95 %",
                    visible=p == first,
                )
            )
            fig.add_trace(
                go.Scatter(
                    x=g["year"],
                    y=g["p50"],
                    mode="lines",
                    line={"color": colour, "width": 2.5},
                    name=names.state(d),
                    legendgroup=str(d),
                    customdata=[f"dyad|{d}|{p}|"] * len(g),
                    hovertemplate=f"{names.state(d)} in {names.state(p)} %{{x}}: median %{{y:.3f}}<extra></extra>",
                    visible=p == first,
                )
            )
            owner += [p, p]
            if b_all is not None:
                b = b_all[(b_all["partner"] == p) & (b_all["donor"] == d)].sort_values("year")
                if not b.empty:
                    fig.add_trace(
                        go.Scatter(
                            x=b["year"],
                            y=b["p50"],
                            mode="lines",
                            line={"color": colour, "width": 1.5, "dash": "dash"},
                            legendgroup=str(d),
                            showlegend=False,
                            name=f"{d} baseline",
                            hovertemplate=f"{names.state(d)} in {names.state(p)} %{{x}}: baseline median %{{y:.3f}}<extra></extra>",
                            visible=p == first,
                        )
                    )
                    owner.append(p)
    buttons = [
        {
            "label": names.state(p),
            "method": "update",
            "args": [{"visible": [o == p for o in owner]}, {"title.text": f"{title} — {names.state(p)}"}],
        }
        for p in partners
    ]
    fig.update_layout(
        updatemenus=[
            {
                "buttons": buttons,
                "active": partners.index(first),
                "x": 1.0,
                "xanchor": "right",
                "y": 1.12,
                "yanchor": "bottom",
            }
        ],
        legend={"title": {"text": "Donor"}},
    )
    fig.update_xaxes(title="year", tickformat="d")
    fig.update_yaxes(title=names.result_metric(metric))
    out = _layout(fig, f"{title} — {names.state(first)}", 440)
    out.update_layout(margin={"t": 90})
    return out
