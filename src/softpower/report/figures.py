"""Plotly figures of the report and the dashboard.

Every clickable point carries ``customdata`` = a provenance key; the caller keeps a
map from that key to the record ids behind the point, so that a click on a figure
lists the records and their sources.
"""

from __future__ import annotations

import csv
import math
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from softpower.records.vocab import POWER_TYPES
from softpower.report import names
from softpower.report.data import tuples as data_tuples

POWER_COLOURS = {
    "economic": "#0173b2",
    "smart": "#029e73",
    "soft": "#cc78bc",
    "diplomatic": "#de8f05",
    "hard": "#d55e00",
}
DONOR_COLOURS = {"JPN": "#c0392b", "CHN": "#e6a100", "USA": "#1f5fa8", "KOR": "#12876f"}
#: Colours for other donors, none close to the four above (the old palette had a teal, a blue,
#: a yellow and an orange that read as KOR, USA and CHN).
_OTHER_COLOURS = (
    "#7f3c8d",  # purple
    "#e73f74",  # pink
    "#80ba5a",  # light green
    "#8c564b",  # brown
    "#17becf",  # cyan
    "#7f7f7f",  # grey
    "#bcbd22",  # olive
    "#393b79",  # indigo
    "#f7b6d2",  # light pink
    "#c49c94",  # tan
    "#aec7e8",  # light blue
    "#98df8a",  # pale green
    "#ff9896",  # salmon
    "#c5b0d5",  # lavender
    "#9edae5",  # pale cyan
    "#dbdb8d",  # pale olive
    "#637939",  # dark olive
    "#636363",  # dark grey
)
PROFILE_FIELDS = ("smart_share", "ppp_share", "equal_footing_share", "hard_share", "continuity", "coverage")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def donor_colour(code: str, order: list[str] | None = None) -> str:
    """A fixed colour for the main donors, a palette colour for others.

    With ``order`` (the donors one figure shows), the other donors take the palette in that
    order, so no two of them share a colour until the palette runs out; without it the
    colour is a stable function of the code (collisions possible).
    """
    if code in DONOR_COLOURS:
        return DONOR_COLOURS[code]
    others = [c for c in dict.fromkeys(order or ()) if c not in DONOR_COLOURS]
    if code in others:
        return _OTHER_COLOURS[others.index(code) % len(_OTHER_COLOURS)]
    return _OTHER_COLOURS[sum(map(ord, code)) % len(_OTHER_COLOURS)]


def _layout(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 16}},
        font={"family": FONT, "size": 12},
        height=height,
        margin={"l": 60, "r": 20, "t": 60, "b": 50},
        paper_bgcolor="white",
        plot_bgcolor="#fafafa",
        clickmode="event",
        hoverlabel={"font": {"family": FONT}},
    )
    return fig


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 220)


@cache
def tile_positions() -> dict[str, tuple[int, int]]:
    """Partner code → (row, column) of the tile grid (``report/assets/tiles.csv``)."""
    text = resources.files("softpower.report").joinpath("assets/tiles.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    out: dict[str, tuple[int, int]] = {}
    for i, r in enumerate(rows, start=2):
        if r["code"] in out:
            raise ValueError(f"tiles.csv:{i}: code {r['code']!r} listed twice")
        out[r["code"]] = (int(r["row"]), int(r["col"]))
    return out


def short_name(code: str, width: int = 11) -> str:
    """A state's name when it is short enough for a tile, else its code."""
    name = names.state(code)
    return name if len(name) <= width else code


def tile_grid(leaders: pd.DataFrame) -> go.Figure:
    """Tile grid of partners coloured by leading donor, opacity by margin, one slider step per year.

    ``leaders`` is the index's leaders table (:func:`softpower.measure.leaders_table`,
    ``IndexResult.leaders``); partner-years where nobody leads (every donor tied) are left out.
    """
    title = "Who leads in each partner (tile grid; opacity = margin over the runner-up)"
    if not leaders.empty:
        leaders = leaders[leaders["leader"].notna() & (leaders["score"] > 0)]
    if leaders.empty:
        return _empty(title, "No index scores: the ledger has no engagement the index can score.")
    pos = dict(tile_positions())
    extra = sorted(set(leaders["partner"]) - set(pos))
    base_row = max(r for r, _ in pos.values()) + 1
    for i, code in enumerate(extra):
        pos[code] = (base_row + i // 14, i % 14)
    years = sorted(leaders["year"].unique())
    top_margin = float(leaders["margin"].max(skipna=True)) if leaders["margin"].notna().any() else 1.0
    top_margin = top_margin if top_margin > 0 else 1.0
    donors = sorted(leaders["leader"].unique())
    palette = sorted({d.split("+")[0] for d in donors})
    fig = go.Figure()
    for i, year in enumerate(years):
        y = leaders[leaders["year"] == year]
        margin = y["margin"].fillna(top_margin)
        text = [
            f"<b>{short_name(p)}</b><br>{short_name(ld.split('+')[0], 9)}" + ("+" if "+" in ld else "")
            for p, ld in zip(y["partner"], y["leader"], strict=True)
        ]
        hover = [
            f"{names.state(p)} ({p}) {year}: {names.state(ld)} ({ld}) leads (score {s:.3f})"
            + (
                "; no runner-up"
                if ru is None or pd.isna(ru) or pd.isna(m)
                else f", {m:.3f} ahead of {names.state(ru)}"
            )
            + _lead(ls)
            for p, ld, s, ru, m, ls in zip(
                y["partner"],
                y["leader"],
                y["score"],
                y["runner_up"],
                y["margin"],
                y["lead_share"],
                strict=True,
            )
        ]
        fig.add_trace(
            go.Scatter(
                x=[pos[p][1] for p in y["partner"]],
                y=[-pos[p][0] for p in y["partner"]],
                mode="markers+text",
                text=text,
                textfont={"size": 9, "color": "#111"},
                hovertext=hover,
                hoverinfo="text",
                customdata=[f"tile|{ld}|{p}|{year}" for p, ld in zip(y["partner"], y["leader"], strict=True)],
                marker={
                    "symbol": "square",
                    "size": 54,
                    "color": [donor_colour(d.split("+")[0], palette) for d in y["leader"]],
                    "opacity": [0.3 + 0.7 * min(1.0, m / top_margin) for m in margin],
                    "line": {"width": 1, "color": "#555"},
                },
                name=str(year),
                showlegend=False,
                visible=i == len(years) - 1,
            )
        )
    for d in palette:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=names.state(d),
                legendgroup=d,
                marker={"symbol": "square", "size": 14, "color": donor_colour(d, palette)},
            )
        )
    steps = []
    for i, year in enumerate(years):
        visible = [j == i for j in range(len(years))] + [True] * len(palette)
        steps.append({"label": str(year), "method": "update", "args": [{"visible": visible}]})
    fig.update_layout(
        sliders=[
            {"active": len(years) - 1, "steps": steps, "currentvalue": {"prefix": "Year: "}, "pad": {"t": 30}}
        ],
        legend={"title": {"text": "Leading donor"}},
    )
    fig.update_xaxes(visible=False, range=[-0.7, max(c for _, c in pos.values()) + 0.7])
    fig.update_yaxes(visible=False, range=[-(max(r for r, _ in pos.values()) + 0.7), 0.7], scaleanchor="x")
    n_rows = max(r for r, _ in pos.values()) + 1
    return _layout(fig, title, max(640, 62 * n_rows + 200))


def network(edges: pd.DataFrame, max_actors: int = 12, max_partners: int = 40) -> go.Figure:
    """Donor → partner network: donors left, partners right, edge width by facts, colour by power type.

    Only the ``max_actors`` donors and ``max_partners`` partners with most engagements are
    drawn (the title says how many were left out); widths are relative to the widest edge.
    """
    title = "Donor → partner network (edge width = distinct engagements; colour = power type)"
    if edges.empty:
        return _empty(title, "No engagement records.")
    all_actors = edges.groupby("actor")["facts"].sum().sort_values(ascending=False, kind="stable")
    all_partners = edges.groupby("partner")["facts"].sum().sort_values(ascending=False, kind="stable")
    actors = all_actors.index[:max_actors].tolist()
    partners = all_partners.index[:max_partners].tolist()
    if len(all_actors) > len(actors) or len(all_partners) > len(partners):
        title += f"<br><sup>top {len(actors)} of {len(all_actors)} donors, {len(partners)} of {len(all_partners)} partners</sup>"
    edges = edges[edges["actor"].isin(actors) & edges["partner"].isin(partners)]
    widest = float(edges["facts"].max())
    ya = {a: 1 - (i + 0.5) / len(actors) for i, a in enumerate(actors)}
    yp = {p: 1 - (i + 0.5) / len(partners) for i, p in enumerate(partners)}
    bend = {pt: (i - (len(POWER_TYPES) - 1) / 2) * 0.04 for i, pt in enumerate(POWER_TYPES)}
    fig = go.Figure()
    shown: set[str] = set()
    mids_x, mids_y, mids_key, mids_text, mids_col = [], [], [], [], []
    for e in data_tuples(edges):
        y0, y1 = ya[e.actor], yp[e.partner]
        off = bend.get(e.power_type, 0.0)
        ts = [i / 16 for i in range(17)]
        cx, cy = 0.5, (y0 + y1) / 2 + off
        xs = [(1 - t) ** 2 * 0 + 2 * (1 - t) * t * cx + t**2 * 1 for t in ts]
        ys = [(1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1 for t in ts]
        colour = POWER_COLOURS.get(e.power_type, "#888")
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"width": 1 + 9 * math.sqrt(e.facts / widest), "color": colour},
                opacity=0.65,
                hoverinfo="skip",
                name=names.power_type(e.power_type),
                legendgroup=e.power_type,
                showlegend=e.power_type not in shown,
            )
        )
        shown.add(e.power_type)
        k = 5 + (POWER_TYPES.index(e.power_type) if e.power_type in POWER_TYPES else 2)
        mids_x.append(xs[k])
        mids_y.append(ys[k])
        mids_key.append(f"edge|{e.actor}|{e.partner}|{e.power_type}")
        usd = (
            "" if e.usd_const is None or pd.isna(e.usd_const) else f"; {e.usd_const / 1e6:,.1f} M const. USD"
        )
        mids_text.append(
            f"{names.state(e.actor)} ({e.actor}) → {names.state(e.partner)} ({e.partner}), "
            f"{names.power_type(e.power_type)}: {e.facts} engagement(s){usd}"
        )
        mids_col.append(colour)
    fig.add_trace(
        go.Scatter(
            x=mids_x,
            y=mids_y,
            mode="markers",
            marker={"size": 8, "color": mids_col, "line": {"width": 1, "color": "white"}},
            hovertext=mids_text,
            hoverinfo="text",
            customdata=mids_key,
            showlegend=False,
            name="edges",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[0] * len(actors) + [1] * len(partners),
            y=[ya[a] for a in actors] + [yp[p] for p in partners],
            mode="markers+text",
            text=[names.state(a) for a in actors] + [names.state(p) for p in partners],
            textposition=["middle left"] * len(actors) + ["middle right"] * len(partners),
            marker={
                "size": 14,
                "color": [donor_colour(a, actors) for a in actors] + ["#444"] * len(partners),
            },
            customdata=[f"actor|{a}" for a in actors] + [f"partner|{p}" for p in partners],
            hovertext=[f"donor {names.state(a)} ({a})" for a in actors]
            + [f"partner {names.state(p)} ({p})" for p in partners],
            hoverinfo="text",
            showlegend=False,
            name="nodes",
        )
    )
    fig.update_xaxes(visible=False, range=[-0.45, 1.45])
    fig.update_yaxes(visible=False, range=[-0.05, 1.05])
    fig.update_layout(legend={"title": {"text": "Power type"}})
    return _layout(fig, title, max(420, 22 * len(partners) + 120))


def rank_intervals(
    dyads: pd.DataFrame, year: int | None = None, max_partners: int = 45, max_donors: int = 8
) -> go.Figure:
    """Rank of each donor in each partner with its uncertainty interval (rank_lo–rank_hi).

    With more than ``max_partners`` partners, the Indo-Pacific partners of the tile grid
    are shown (then the partners with the highest leading score), and the title says so.
    """
    if dyads.empty:
        return _empty("Rank intervals", "No index scores.")
    year = int(dyads["year"].max()) if year is None else year
    d = dyads[dyads["year"] == year]
    title = f"Who leads, how sure: donor rank per partner in {year} (bars = uncertainty interval)"
    partners = sorted(d["partner"].unique())
    if len(partners) > max_partners:
        tiles = tile_positions()
        top = d.groupby("partner")["score"].max()
        order = sorted(partners, key=lambda p: (p not in tiles, -float(top[p]), p))
        keep = sorted(order[:max_partners])
        title += f"<br><sup>{len(keep)} of {len(partners)} partners (Indo-Pacific first)</sup>"
        partners = keep
        d = d[d["partner"].isin(keep)]
    actors = sorted(d["actor"].unique())
    if len(actors) > max_donors:
        best = d.groupby("actor")["score"].max().sort_values(ascending=False, kind="stable")
        actors = sorted(best.index[:max_donors])
        title += f"<br><sup>the {max_donors} of {len(best)} donors with the highest scores</sup>"
        d = d[d["actor"].isin(actors)]
    yi = {p: i for i, p in enumerate(partners)}
    fig = go.Figure()
    for j, a in enumerate(actors):
        g = d[d["actor"] == a]
        off = (j - (len(actors) - 1) / 2) * (0.7 / max(1, len(actors)))
        fig.add_trace(
            go.Scatter(
                x=g["rank"],
                y=[yi[p] + off for p in g["partner"]],
                mode="markers",
                name=names.state(a),
                marker={"size": 9, "color": donor_colour(a, actors)},
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": (g["rank_hi"] - g["rank"]).tolist(),
                    "arrayminus": (g["rank"] - g["rank_lo"]).tolist(),
                    "thickness": 2,
                    "width": 0,
                    "color": donor_colour(a, actors),
                },
                customdata=[f"dyad|{a}|{p}|{year}" for p in g["partner"]],
                hovertext=[
                    f"{names.state(a)} ({a}) in {names.state(p)} ({p}): rank {r:g} "
                    f"(interval {lo:g}–{hi:g}), score {s:.3f}" + _lead(ls)
                    for p, r, lo, hi, s, ls in zip(
                        g["partner"],
                        g["rank"],
                        g["rank_lo"],
                        g["rank_hi"],
                        g["score"],
                        _col(g, "lead_share"),
                        strict=True,
                    )
                ],
                hoverinfo="text",
            )
        )
    fig.update_yaxes(
        tickvals=list(range(len(partners))), ticktext=[names.state(p) for p in partners], autorange="reversed"
    )
    fig.update_xaxes(title="rank (1 = leads)", dtick=1, range=[0.5, len(actors) + 0.5])
    fig.update_layout(legend={"title": {"text": "Donor"}})
    return _layout(fig, title, max(360, 26 * len(partners) + 120))


def profiles(table: pd.DataFrame) -> go.Figure:
    """DSPD profiles side by side, one slider step per year.

    Left: shares of smart-power instruments, PPP, equal footing and hard power (0–1);
    right: continuity and coverage (counts), as :func:`softpower.measure.dspd_profile` gives them.
    """
    title = "DSPD profiles of each donor (move the slider to change the year)"
    if table.empty:
        return _empty(title, "No profiles: no dated engagement records.")
    shares = [f for f in PROFILE_FIELDS[:4] if f in table.columns]
    counts = [f for f in PROFILE_FIELDS[4:] if f in table.columns]
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.66, 0.34],
        subplot_titles=["shares of engagement", "continuity and coverage"],
    )
    years = sorted(int(y) for y in table["year"].unique())
    per_year = table.groupby("year")["actor"].nunique()
    multi = [int(y) for y in per_year.index if per_year[y] >= 2]
    default = max(multi) if multi else years[-1]
    owner: list[int] = []
    actors = sorted(table["actor"].astype(str).unique())
    for y in years:
        t = table[table["year"] == y].sort_values("actor")
        for r in data_tuples(t):
            for col, fields in ((1, shares), (2, counts)):
                fig.add_trace(
                    go.Bar(
                        x=[f.replace("_", " ") for f in fields],
                        y=[getattr(r, f) for f in fields],
                        name=names.state(r.actor),
                        legendgroup=str(r.actor),
                        showlegend=col == 1,
                        marker_color=donor_colour(str(r.actor), actors),
                        customdata=[f"actor|{r.actor}"] * len(fields),
                        hovertemplate=f"{names.state(r.actor)} ({r.actor}) {y}: %{{x}} = %{{y:.2f}} ({getattr(r, 'engagements', 0):g} engagements)"
                        "<extra></extra>",
                        visible=y == default,
                    ),
                    row=1,
                    col=col,
                )
                owner.append(y)
    steps = [
        {"label": str(y), "method": "update", "args": [{"visible": [o == y for o in owner]}]} for y in years
    ]
    fig.update_layout(
        barmode="group",
        legend={"title": {"text": "Donor"}},
        sliders=[
            {
                "active": years.index(default),
                "steps": steps,
                "currentvalue": {"prefix": "Year: "},
                "pad": {"t": 40},
            }
        ],
    )
    fig.update_yaxes(range=[0, 1.05], title="share (0–1)", row=1, col=1)
    return _layout(fig, title, 460)


#: Code of the panel or trace that sums the donors a figure leaves out.
OTHER = "OTHER"


def engagement_over_time(by_year: pd.DataFrame, undated: int = 0, max_donors: int = 12) -> go.Figure:
    """Distinct engagements per year and power type, one panel per donor (stacked bars).

    With more than ``max_donors`` donors, the donors with most engagements get a panel each and
    the others are summed in one "other donors" panel (the title says so).
    """
    note = f" ({undated} undated records not shown)" if undated else ""
    title = "Engagement over time by power type" + note
    if by_year.empty:
        return _empty(title, "No dated engagement records.")
    actors = by_year.groupby("actor")["facts"].sum().sort_values(ascending=False).index.tolist()
    if len(actors) > max_donors:
        rest = actors[max_donors - 1 :]
        title += f"<br><sup>top {max_donors - 1} of {len(actors)} donors; the other {len(rest)} summed in one panel</sup>"
        other = (
            by_year[by_year["actor"].isin(rest)]
            .groupby(["year", "power_type"], as_index=False)["facts"]
            .sum()
            .assign(actor=OTHER)
        )
        by_year = pd.concat([by_year[~by_year["actor"].isin(rest)], other], ignore_index=True)
        actors = actors[: max_donors - 1] + [OTHER]
    cols = min(4, len(actors))
    rows = math.ceil(len(actors) / cols)
    # about 100 px between panel rows whatever their number (plotly refuses a spacing
    # above 1 / (rows - 1), which a fixed fraction exceeds from 8 rows, i.e. 29+ donors)
    spacing = min(0.16, 100 / (300 * rows))
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=["Other donors" if a == OTHER else names.state(a) for a in actors],
        shared_yaxes=True,
        vertical_spacing=spacing,
    )
    for i, a in enumerate(actors):
        r, c = i // cols + 1, i % cols + 1
        g = by_year[by_year["actor"] == a]
        for pt in POWER_TYPES:
            h = g[g["power_type"] == pt]
            if h.empty:
                continue
            fig.add_trace(
                go.Bar(
                    x=h["year"],
                    y=h["facts"],
                    name=names.power_type(pt),
                    legendgroup=pt,
                    marker_color=POWER_COLOURS[pt],
                    customdata=None if a == OTHER else [f"year|{a}|{y}|{pt}" for y in h["year"]],
                    hovertemplate=f"{names.state(a)} ({a}) %{{x}}, {names.power_type(pt)}: "
                    "%{y} engagement(s)<extra></extra>",
                ),
                row=r,
                col=c,
            )
    seen: set[str] = set()
    for t in fig.data:
        t.showlegend = t.name not in seen
        seen.add(t.name)
    fig.update_layout(barmode="stack", legend={"title": {"text": "Power type"}})
    lo, hi = int(by_year["year"].min()), int(by_year["year"].max())
    fig.update_xaxes(range=[lo - 1, hi + 1], tickformat="d", nticks=6)
    return _layout(fig, title, 300 * rows + 80)


def _col(frame: pd.DataFrame, name: str) -> list[Any]:
    return frame[name].tolist() if name in frame.columns else [None] * len(frame)


def _lead(share: Any) -> str:
    return "" if share is None or pd.isna(share) else f"; leads in {share:.0%} of Monte-Carlo draws"


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def plot_config(filename: str) -> dict[str, Any]:
    """Plotly config: PNG export from the modebar (the page adds an SVG button), no logo, responsive."""
    return {
        "displaylogo": False,
        "responsive": True,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


def top_and_rest(frame: pd.DataFrame, by: str, value: str, top: int) -> tuple[pd.DataFrame, int]:
    """``frame`` with all but the ``top`` largest ``by`` groups (by summed ``value``) relabelled :data:`OTHER`.

    Returns the frame and the number of groups folded into :data:`OTHER`.
    """
    order = frame.groupby(by)[value].sum().sort_values(ascending=False, kind="stable")
    if len(order) <= top:
        return frame, 0
    keep = set(order.index[: top - 1])
    out = frame.copy()
    out[by] = [v if v in keep else OTHER for v in out[by]]
    return out, len(order) - (top - 1)


def _donor_label(code: str) -> str:
    return "Other donors" if code == OTHER else names.state(code)


def partner_engagement(by_year: pd.DataFrame, partner: str, top: int = 8) -> go.Figure:
    """Distinct engagements with ``partner`` per year, stacked by donor (top donors, the rest as one).

    ``by_year`` is :func:`softpower.report.data.partner_engagement_by_year`: facts that name only a
    group the partner belongs to (``level`` = ``group``) are drawn hatched on top of each donor's
    direct ones; each fact counts once.
    """
    title = (
        f"Engagement with {names.state(partner)} per year, by donor (distinct facts; hatched = group-level)"
    )
    if by_year.empty:
        return _empty(title, "No dated engagement reaches this partner.")
    if "level" not in by_year.columns:
        by_year = by_year.assign(level="direct")
    sums = pd.DataFrame(by_year.groupby(["actor", "year", "level"], as_index=False)["facts"].sum())
    folded_frame, folded = top_and_rest(sums, "actor", "facts", top)
    per = pd.DataFrame(folded_frame.groupby(["actor", "year", "level"], as_index=False)["facts"].sum())
    if folded:
        title += f"<br><sup>top {top - 1} donors; {folded} others summed as 'Other donors'</sup>"
    actors = per.groupby("actor")["facts"].sum().sort_values(ascending=False).index.tolist()
    fig = go.Figure()
    for level in ("direct", "group"):
        for a in actors:
            g = per[(per["actor"] == a) & (per["level"] == level)].sort_values("year")
            if g.empty:
                continue
            how = (
                f"{names.state(partner)}" if level == "direct" else f"a group holding {names.state(partner)}"
            )
            fig.add_trace(
                go.Bar(
                    x=g["year"],
                    y=g["facts"],
                    name=_donor_label(a) + ("" if level == "direct" else " (group-level)"),
                    legendgroup=a,
                    marker={
                        "color": "#bbbbbb" if a == OTHER else donor_colour(a, actors),
                        "pattern": {"shape": "/" if level == "group" else ""},
                        "opacity": 1.0 if level == "direct" else 0.6,
                    },
                    customdata=None if a == OTHER else [f"dyad|{a}|{partner}|{int(y)}" for y in g["year"]],
                    hovertemplate=f"{_donor_label(a)} → {how}, %{{x}}: %{{y}} engagement(s)<extra></extra>",
                )
            )
    fig.update_layout(barmode="stack", legend={"title": {"text": "Donor"}})
    fig.update_xaxes(tickformat="d")
    fig.update_yaxes(title="distinct engagements")
    return _layout(fig, title, 420)


def partner_scores(dyads: pd.DataFrame, partner: str, top: int = 8) -> go.Figure:
    """Index score of each donor in ``partner`` over time (top donors by their best score)."""
    title = f"Composite index in {names.state(partner)} over time (hover: rank and its interval)"
    d = dyads[dyads["partner"] == partner] if len(dyads) else dyads
    if d.empty:
        return _empty(title, "The index scores no donor in this partner.")
    best = d.groupby("actor")["score"].max().sort_values(ascending=False, kind="stable")
    actors = list(best.index[:top])
    if len(best) > top:
        title += f"<br><sup>the {top} of {len(best)} donors with the highest scores</sup>"
    fig = go.Figure()
    for a in actors:
        g = d[d["actor"] == a].sort_values("year")
        fig.add_trace(
            go.Scatter(
                x=g["year"],
                y=g["score"],
                mode="lines+markers",
                name=names.state(a),
                line={"color": donor_colour(a, actors), "width": 2},
                customdata=[f"dyad|{a}|{partner}|{int(y)}" for y in g["year"]],
                hovertext=[
                    f"{names.state(a)} ({a}) in {names.state(partner)} {int(y)}: score {s:.3f}, "
                    f"rank {r:g} (interval {lo:g}–{hi:g})"
                    for y, s, r, lo, hi in zip(
                        g["year"], g["score"], g["rank"], g["rank_lo"], g["rank_hi"], strict=True
                    )
                ],
                hoverinfo="text",
            )
        )
    fig.update_layout(legend={"title": {"text": "Donor"}})
    fig.update_xaxes(tickformat="d")
    fig.update_yaxes(title="score")
    return _layout(fig, title, 420)


def _group_names(codes: str) -> str:
    return ", ".join(names.state(c) for c in codes.split())


def value_series(records: pd.DataFrame, field: str, title: str, top_metrics: int = 12) -> go.Figure:
    """Indicator or perception series: one line per donor, a menu per metric; hover names the source.

    ``records`` are indicator (``field="metric"``) or perception (``field="measure"``) records
    with ``actor, year, value, doc_title, publisher, name`` and optionally ``via`` (groups through
    which a group-level record reaches the partner, see :func:`softpower.report.data.reach_level`;
    drawn as separate dotted series). Each point is one record; a click lists it.
    """
    r = records[records[field].notna() & records["year"].notna() & records["value"].notna()]
    if "via" not in r.columns:
        r = r.assign(via="")
    if r.empty:
        return _empty(title, "No dated values.")
    counts = r[field].value_counts()
    metrics = list(counts.index[:top_metrics])
    if len(counts) > top_metrics:
        title += f"<br><sup>the {top_metrics} of {len(counts)} series with most values</sup>"
    fig = go.Figure()
    owner: list[str] = []
    first = metrics[0]
    for m in metrics:
        g = r[r[field] == m]
        actors = sorted(g["actor"].unique())
        for (a, via), h in g.groupby(["actor", "via"], sort=True):
            h = h.sort_values("year")
            src = [
                " · ".join(str(x) for x in (t, pub, n) if isinstance(x, str) and x)
                for t, pub, n in zip(h["doc_title"], h["publisher"], h["name"], strict=True)
            ]
            # a group-level value (named for a group such as ASEAN) is its own dotted series, never
            # added to the partner's own values
            who = names.state(a) + (f" · {_group_names(via)} (group-level)" if via else "")
            fig.add_trace(
                go.Scatter(
                    x=h["year"],
                    y=h["value"],
                    mode="lines+markers",
                    name=who,
                    legendgroup=a,
                    line={"color": donor_colour(a, actors), "dash": "dot" if via else "solid"},
                    marker={"symbol": "circle-open" if via else "circle"},
                    customdata=[f"record|{i}" for i in h["record_id"]],
                    hovertext=[
                        f"{who} ({a}), {names.metric(m)}, {int(y)}: {v:,.4g}<br>source: {s}"
                        for y, v, s in zip(h["year"], h["value"], src, strict=True)
                    ],
                    hoverinfo="text",
                    visible=m == first,
                )
            )
            owner.append(m)
    fig.update_layout(
        updatemenus=[
            {
                "buttons": [
                    {
                        "label": names.metric(m),
                        "method": "update",
                        "args": [{"visible": [o == m for o in owner]}, {"yaxis.title.text": names.metric(m)}],
                    }
                    for m in metrics
                ],
                "active": 0,
                "x": 1.0,
                "xanchor": "right",
                "y": 1.12,
                "yanchor": "bottom",
            }
        ],
        legend={"title": {"text": "Donor"}},
    )
    fig.update_xaxes(tickformat="d")
    fig.update_yaxes(title=names.metric(first))
    out = _layout(fig, title, 440)
    out.update_layout(margin={"t": 90})
    return out


PILLAR_COLOURS = ("#0173b2", "#cc78bc", "#029e73", "#de8f05", "#d55e00", "#56b4e9", "#949494")


def explanation(table: pd.DataFrame, partner: str, year: int) -> go.Figure:
    """Why a donor leads: each donor's score split into its pillars' contributions (stacked bars).

    ``table`` is :func:`softpower.measure.explain` of one partner and year. Donors are ordered
    by rank; hover lists the indicators behind each pillar's part and those not observed.
    """
    title = f"Why the leader leads in {names.state(partner)} in {year}: each donor's score by pillar"
    if table.empty:
        return _empty(title, "No donor is observed here.")
    t = table.copy()
    t["contribution"] = t["contribution"].astype(float)
    donors = t.drop_duplicates("actor").sort_values(["rank", "actor"])["actor"].tolist()
    pillars = list(dict.fromkeys(t["pillar"]))
    fig = go.Figure()
    for i, p in enumerate(pillars):
        xs, hover = [], []
        for d in donors:
            g = t[(t["actor"] == d) & (t["pillar"] == p)]
            seen = g[g["source"].astype(str) != ""]
            xs.append(float(seen["contribution"].sum()) if len(seen) else 0.0)
            parts = [
                f"{names.index_input(r.indicator)}: {r.contribution:.3f}"
                + ("" if r.source == r.indicator else f" (from {names.index_input(r.source)})")
                for r in seen.itertuples(index=False)
            ]
            missing = [names.index_input(x) for x in g.loc[g["source"].astype(str) == "", "indicator"]]
            hover.append(
                f"<b>{names.state(d)} ({d}) · {names.pillar(p)}</b>: {xs[-1]:.3f}<br>"
                + ("<br>".join(parts) if parts else "no indicator observed")
                + (f"<br><i>not observed (not comparable): {', '.join(missing)}</i>" if missing else "")
            )
        fig.add_trace(
            go.Bar(
                y=[names.state(d) for d in donors],
                x=xs,
                orientation="h",
                name=names.pillar(p),
                marker_color=PILLAR_COLOURS[i % len(PILLAR_COLOURS)],
                hovertext=hover,
                hoverinfo="text",
                customdata=[f"dyad|{d}|{partner}|{year}" for d in donors],
            )
        )
    fig.update_layout(barmode="stack", legend={"title": {"text": "Pillar"}})
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title="contribution to the score (weight × normalised value)")
    return _layout(fig, title, max(320, 46 * len(donors) + 160))
