"""Scenario fan charts: median and 5–95 % band of simulated runs against the baseline."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from softpower.report import names
from softpower.report.figures import _empty, _layout, _rgba, donor_colour


def _band_and_median(
    fig: go.Figure, g: pd.DataFrame, donor: str, colour: str, visible: bool, **median: Any
) -> None:
    """Add one donor's 5–95 % band (``p05``–``p95``, filled) and its median line (``p50``) to ``fig``.

    ``median`` holds the line's own settings (mode, marker, customdata, hovertemplate).
    """
    fig.add_trace(
        go.Scatter(
            x=list(g["year"]) + list(g["year"])[::-1],
            y=list(g["p95"]) + list(g["p05"])[::-1],
            fill="toself",
            fillcolor=_rgba(colour, 0.18),
            line={"width": 0},
            hoverinfo="skip",
            legendgroup=donor,
            showlegend=False,
            name=f"{names.state(donor)} 5–95 %",
            visible=visible,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=g["year"],
            y=g["p50"],
            line={"color": colour, "width": 2.5},
            name=names.state(donor),
            legendgroup=donor,
            visible=visible,
            **median,
        )
    )


def _partner_menu(partners: list[str], owner: list[str], title: str, first: str) -> dict[str, Any]:
    """A menu showing one partner's traces at a time (``owner`` names each trace's partner)."""
    return {
        "buttons": [
            {
                "label": names.state(p),
                "method": "update",
                "args": [{"visible": [o == p for o in owner]}, {"title.text": f"{title} — {names.state(p)}"}],
            }
            for p in partners
        ],
        "active": partners.index(first),
        "x": 1.0,
        "xanchor": "right",
        "y": 1.12,
        "yanchor": "bottom",
    }


def fan_charts(
    series: pd.DataFrame, baseline: pd.DataFrame | None, metric: str, name: str, partner: str | None = None
) -> go.Figure:
    """Scenario fan chart of one metric: median and 5–95 % band per donor, baseline median dashed.

    One partner at a time (a menu switches partner); the partner shown first is the one
    where the scenario's final-year median departs most from the baseline's. With ``partner``
    only that partner is drawn.
    """
    s = series[series["metric"] == metric]
    if partner is not None:
        s = s[s["partner"] == partner]
        baseline = None if baseline is None else baseline[baseline["partner"] == partner]
    title = f"Scenario '{name}': {names.result_metric(metric)} (line = median, band = 5–95 % of runs" + (
        ", dashed = baseline median)" if baseline is not None else ")"
    )
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
            _band_and_median(
                fig,
                g,
                str(d),
                colour,
                p == first,
                mode="lines",
                customdata=[f"dyad|{d}|{p}|"] * len(g),
                hovertemplate=f"{names.state(d)} in {names.state(p)} %{{x}}: median %{{y:.3f}}<extra></extra>",
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
    fig.update_layout(
        updatemenus=[_partner_menu(partners, owner, title, first)], legend={"title": {"text": "Donor"}}
    )
    fig.update_xaxes(title="year", tickformat="d")
    fig.update_yaxes(title=names.result_metric(metric))
    out = _layout(fig, f"{title} — {names.state(first)}", 440)
    out.update_layout(margin={"t": 90})
    return out


def _group_first(partners: list[str]) -> list[str]:
    """Groups (ASEAN-wide means) first, then partner states by name."""
    groups = [p for p in partners if len(p) != 3 or p == "PIC"]
    return groups + sorted((p for p in partners if p not in groups), key=names.state)


def effect_chart(effects: pd.DataFrame, metric: str, name: str, partner: str | None = None) -> go.Figure:
    """The difference a scenario makes: scenario − baseline per run (same seeds), median and 5–95 % band.

    One line per donor with its band and a zero line; hover gives P(effect > 0). With
    ``partner`` only that partner (or group, e.g. ``ASEAN`` = the members' mean per run) is
    drawn; otherwise a menu switches partner, opening on ASEAN-wide.
    """
    label = names.result_metric(metric)
    title = f"Difference '{name}' makes to {label.lower()}: scenario − baseline (paired runs; band = 5–95 %)"
    e = effects[(effects["metric"] == metric) & (effects["donor"] != "*")] if len(effects) else effects
    if partner is not None and len(e):
        e = e[e["partner"] == partner]
    if e.empty:
        return _empty(title, "No paired effects: the scenario is the baseline, or it has no such series.")
    partners = _group_first(sorted(e["partner"].unique()))
    first = partner or ("ASEAN" if "ASEAN" in partners else partners[0])
    donors = sorted(e["donor"].unique())
    fig = go.Figure()
    owner: list[str] = []
    for p in partners:
        for d in donors:
            g = e[(e["partner"] == p) & (e["donor"] == d)].sort_values("year")
            if g.empty:
                continue
            _band_and_median(
                fig,
                g,
                str(d),
                donor_colour(str(d), donors),
                p == first,
                mode="lines+markers",
                marker={"size": 4},
                customdata=list(zip(g["p05"], g["p95"], g["p_positive"], strict=True)),
                hovertemplate=(
                    f"{names.state(d)} ({d}) in {names.state(p)}, %{{x}}: effect %{{y:+.3f}} "
                    "[%{customdata[0]:+.3f}, %{customdata[1]:+.3f}], P(effect > 0) = %{customdata[2]:.2f}"
                    "<extra></extra>"
                ),
            )
            owner += [p, p]
    fig.add_hline(y=0, line={"color": "#333", "width": 1, "dash": "dot"})
    if partner is None and len(partners) > 1:
        fig.update_layout(updatemenus=[_partner_menu(partners, owner, title, first)])
    fig.update_layout(legend={"title": {"text": "Donor"}})
    fig.update_xaxes(title="year", tickformat="d")
    fig.update_yaxes(title=f"effect on {label.lower()}", zeroline=True)
    out = _layout(fig, f"{title} — {names.state(first)}", 440)
    out.update_layout(margin={"t": 90})
    return out


def effect_bars(
    effects: pd.DataFrame, metric: str, name: str, year: int | None = None, top: int = 25
) -> go.Figure:
    """The scenario's effect in its last year, partner by partner (median, 5–95 % bars), one colour per donor.

    Partners are ordered by the largest absolute median effect; with more than ``top``
    partners the others are left out (the title says so). ASEAN (the members' mean) comes first.
    """
    label = names.result_metric(metric)
    e = effects[(effects["metric"] == metric) & (effects["donor"] != "*")] if len(effects) else effects
    if e.empty:
        return _empty(f"Effect on {label.lower()} by partner", "No paired effects.")
    year = int(e["year"].max()) if year is None else year
    e = e[e["year"] == year]
    title = f"Effect of '{name}' on {label.lower()} in {year}, by partner (median and 5–95 % of paired runs)"
    size = (
        e.assign(a=e["p50"].abs()).groupby("partner")["a"].max().sort_values(ascending=False, kind="stable")
    )
    order = [p for p in size.index if p == "ASEAN"] + [p for p in size.index if p != "ASEAN"]
    if len(order) > top:
        title += f"<br><sup>the {top} of {len(order)} partners with the largest effects</sup>"
        order = order[:top]
    donors = sorted(e["donor"].unique())
    fig = go.Figure()
    for d in donors:
        g = e[e["donor"] == d].set_index("partner").reindex(order).dropna(subset=["p50"])
        fig.add_trace(
            go.Bar(
                x=[names.state(p) for p in g.index],
                y=g["p50"],
                name=names.state(d),
                marker_color=donor_colour(str(d), donors),
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": (g["p95"] - g["p50"]).tolist(),
                    "arrayminus": (g["p50"] - g["p05"]).tolist(),
                },
                customdata=list(zip(g.index, g["p_positive"], strict=True)),
                hovertemplate=(
                    f"{names.state(d)} in %{{x}} (%{{customdata[0]}}): effect %{{y:+.3f}}, "
                    "P(effect > 0) = %{customdata[1]:.2f}<extra></extra>"
                ),
            )
        )
    fig.add_hline(y=0, line={"color": "#333", "width": 1})
    fig.update_layout(barmode="group", legend={"title": {"text": "Donor"}})
    fig.update_yaxes(title=f"effect on {label.lower()}")
    fig.update_xaxes(tickangle=-40)
    return _layout(fig, title, 480)
