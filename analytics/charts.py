"""Chart builders: DataFrame in, Plotly figure out; no Streamlit, no queries.

Every figure is readable on a projector (large type), uses one colour per city from a
colour-blind-safe palette, and never carries meaning by colour alone: each city also has its
own marker symbol and line dash, and values are written on bars.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.formatting import plotly_separators

# Paul Tol's "muted" colour-blind-safe palette, darkest first so lines stay visible on a projector.
PALETTE = ("#332288", "#117733", "#CC6677", "#339988", "#AA4499", "#999933", "#882255", "#88CCEE", "#DDCC77")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
FONT_SIZE = 16
PREDIKAT_COLORS = {  # sequential, dark = better; labels are written on the bars as well
    "Sangat Baik": "#1b7837",
    "Baik": "#7fbf7b",
    "Butuh Perbaikan": "#fdb863",
    "Kurang": "#e66101",
    "Sangat Kurang": "#b2182b",
}
IKM_BANDS = (("A", 88.31, 100.0), ("B", 76.61, 88.31), ("C", 65.0, 76.61), ("D", 25.0, 65.0))


def city_styles(all_kota: list[str]) -> dict[str, dict]:
    """Return a fixed colour, symbol and dash per city, by the city's place in the full sorted list,
    so a city looks the same on every page whatever the filter."""
    return {
        kota: {
            "color": PALETTE[i % len(PALETTE)],
            "symbol": SYMBOLS[i % len(SYMBOLS)],
            "dash": DASHES[i % len(DASHES)],
        }
        for i, kota in enumerate(sorted(all_kota))
    }


def _style(fig: go.Figure, lang: str, height: int = 420, y_title: str | None = None) -> go.Figure:
    """Apply the common layout: white template, large font, number separators, legend on top."""
    fig.update_layout(
        template="plotly_white",
        font={"size": FONT_SIZE},
        separators=plotly_separators(lang),
        height=height,
        margin={"l": 10, "r": 30, "t": 40, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": None},
        hoverlabel={"font_size": FONT_SIZE},
    )
    # No SI suffixes (k, B: English, and B is not "miliar"); thousands separated in the reader's format.
    fig.update_yaxes(exponentformat="none", separatethousands=True)
    fig.update_xaxes(exponentformat="none", separatethousands=True)
    fig.update_traces(textfont_size=FONT_SIZE - 2, selector={"type": "bar"})
    if y_title is not None:
        fig.update_yaxes(title=y_title)
    return fig


def trend(
    df: pd.DataFrame,
    value: str,
    styles: dict[str, dict],
    lang: str = "id",
    y_title: str = "",
    tick_suffix: str = "",
    y_range: tuple[float, float] | None = None,
    target: float | None = None,
    target_label: str = "",
    bands: bool = False,
) -> go.Figure:
    """Return a line per city of `value` over `tahun`, each line labelled at its last point.

    `target` draws a dashed reference line (e.g. 20 JP); `bands` shades the IKM mutu bands.
    """
    fig = go.Figure()
    if bands:
        for mutu, low, high in IKM_BANDS:
            fig.add_hrect(y0=low, y1=high, line_width=0, fillcolor="#888", opacity=0.06 if mutu in "AC" else 0.12)
            fig.add_annotation(
                x=1.0,
                xref="paper",
                xanchor="left",
                y=(low + high) / 2,
                text=f"<b>{mutu}</b>",
                showarrow=False,
                font={"size": FONT_SIZE - 2, "color": "#555"},
            )
    for kota, part in df.dropna(subset=[value]).groupby("kota", sort=True):
        style = styles[kota]
        part = part.sort_values("tahun")
        fig.add_trace(
            go.Scatter(
                x=part["tahun"],
                y=part[value],
                name=kota,
                mode="lines+markers",
                line={"color": style["color"], "dash": style["dash"], "width": 3},
                marker={"symbol": style["symbol"], "size": 11, "color": style["color"]},
                hovertemplate=f"{kota} %{{x}}: %{{y:,.1f}}{tick_suffix}<extra></extra>",
            )
        )
    if target is not None:
        fig.add_hline(
            y=target, line_dash="dash", line_color="#333", annotation_text=target_label, annotation_position="top left"
        )
    fig.update_xaxes(dtick=1, tickformat="d", title=None)
    fig.update_yaxes(ticksuffix=tick_suffix, rangemode="tozero", range=list(y_range) if y_range else None)
    return _style(fig, lang, y_title=y_title)


def grouped_bars(
    df: pd.DataFrame,
    x: str,
    value: str,
    styles: dict[str, dict],
    lang: str = "id",
    y_title: str = "",
    text_format: str = "%{y:,.0f}",
    category_order: list[str] | None = None,
    target: float | None = None,
    target_label: str = "",
) -> go.Figure:
    """Return vertical bars of `value` by `x`, one bar per city side by side, values written on top."""
    fig = go.Figure()
    for kota, part in df.groupby("kota", sort=True):
        style = styles[kota]
        fig.add_trace(
            go.Bar(
                x=part[x],
                y=part[value],
                name=kota,
                marker={
                    "color": style["color"],
                    "pattern": {"shape": ("", "/", ".", "x", "-", "|")[list(styles).index(kota) % 6]},
                },
                texttemplate=text_format,
                textposition="outside",
                cliponaxis=False,
            )
        )
    fig.update_layout(barmode="group")
    if category_order:
        fig.update_xaxes(categoryorder="array", categoryarray=category_order)
    if target is not None:
        fig.add_vline(
            x=target, line_dash="dash", line_color="#333", annotation_text=target_label, annotation_position="top"
        )
    fig.update_xaxes(title=None, type="category")
    return _style(fig, lang, y_title=y_title)


def heatmap(
    df: pd.DataFrame,
    row: str,
    column: str,
    value: str,
    lang: str = "id",
    suffix: str = "%",
    decimals: int = 0,
    z_range: tuple[float, float] = (0, 100),
    mark_min: str = "",
    sort_rows: bool = True,
) -> go.Figure:
    """Return a table-like heatmap (rows x columns) with every value written in its cell; rows sorted
    by their mean, lowest first. `mark_min` is appended to the lowest value of each column."""
    table = df.pivot_table(index=row, columns=column, values=value, aggfunc="first")
    if sort_rows:
        table = table.loc[table.mean(axis=1).sort_values().index]
    lowest = table.idxmin()

    def cell(r: str, c: str) -> str:
        v = table.loc[r, c]
        if pd.isna(v):
            return ""
        text = f"{v:,.{decimals}f}{suffix}"
        text = text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "id" else text
        return f"{text} {mark_min}" if mark_min and lowest[c] == r else text

    text = [[cell(r, c) for c in table.columns] for r in table.index]
    fig = go.Figure(
        go.Heatmap(
            z=table.values,
            x=list(table.columns),
            y=list(table.index),
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=z_range[0],
            zmax=z_range[1],
            showscale=False,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
            textfont={"size": FONT_SIZE - 2},
        )
    )
    fig.update_xaxes(side="top", title=None)
    fig.update_yaxes(title=None, automargin=True, autorange="reversed")  # lowest first: who lags is read first
    return _style(fig, lang, height=120 + 32 * len(table))


def stacked_share(
    df: pd.DataFrame,
    x: str,
    parts: list[str],
    colors: dict[str, str],
    lang: str = "id",
    facet: str = "kota",
    part_labels: dict[str, str] | None = None,
) -> go.Figure:
    """Return 100% stacked bars of the `parts` columns by `x`, one panel per `facet` value, with
    each segment's share written inside it (>= 4%) so colour is not needed to read it."""
    from plotly.subplots import make_subplots

    panels = sorted(df[facet].unique())
    fig = make_subplots(
        rows=1, cols=max(len(panels), 1), subplot_titles=panels, shared_yaxes=True, horizontal_spacing=0.03
    )
    for col, panel in enumerate(panels, start=1):
        part_df = df[df[facet] == panel].sort_values(x)
        total = part_df[parts].sum(axis=1).replace(0, float("nan"))
        for name in parts:
            share = 100 * part_df[name] / total
            fig.add_trace(
                go.Bar(
                    x=part_df[x].astype(str),
                    y=share,
                    name=(part_labels or {}).get(name, name),
                    marker={"color": colors[name]},
                    legendgroup=name,
                    showlegend=col == 1,
                    text=[f"{v:.0f}%" if v >= 4 else "" for v in share.fillna(0)],
                    textposition="inside",
                    insidetextanchor="middle",
                    textangle=0,
                    hovertemplate=f"{name} %{{x}}: %{{y:.1f}}%<extra></extra>",
                ),
                row=1,
                col=col,
            )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(ticksuffix="%", range=[0, 100])
    _style(fig, lang, height=480)
    fig.update_layout(legend={"y": 1.1}, margin={"t": 90})
    return fig


def budget_bars(
    df: pd.DataFrame,
    lang: str = "id",
    pagu_label: str = "Pagu",
    realisasi_label: str = "Realisasi",
    labels: list[str] | None = None,
    unit_label: str = "Rp miliar",
) -> go.Figure:
    """Return pagu (outlined, hatched) beside realisasi (solid) per year, one panel per city, with
    `labels` (formatted absorption) above each realisasi bar."""
    from plotly.subplots import make_subplots

    panels = sorted(df["kota"].unique())
    fig = make_subplots(rows=1, cols=max(len(panels), 1), subplot_titles=panels, horizontal_spacing=0.06)
    for col, kota in enumerate(panels, start=1):
        part = df[df["kota"] == kota].sort_values("tahun")
        text = [labels[i] for i in part.index] if labels else None
        fig.add_trace(
            go.Bar(
                x=part["tahun"].astype(str),
                y=part["pagu"] / 1e9,
                name=pagu_label,
                legendgroup="pagu",
                showlegend=col == 1,
                marker={"color": "#d9d9d9", "line": {"color": "#555", "width": 1}, "pattern": {"shape": "/"}},
            ),
            row=1,
            col=col,
        )
        fig.add_trace(
            go.Bar(
                x=part["tahun"].astype(str),
                y=part["realisasi"] / 1e9,
                name=realisasi_label,
                legendgroup="realisasi",
                showlegend=col == 1,
                marker={"color": "#1f6f8b"},
                text=text,
                textposition="outside",
                cliponaxis=False,
            ),
            row=1,
            col=col,
        )
    fig.update_layout(barmode="group")
    _style(fig, lang, height=460, y_title=unit_label)
    fig.update_layout(legend={"y": 1.1}, margin={"t": 90})
    return fig


def stacked_share_h(
    df: pd.DataFrame,
    y: str,
    parts: list[str],
    colors: dict[str, str],
    lang: str = "id",
    part_labels: dict[str, str] | None = None,
) -> go.Figure:
    """Return horizontal 100% stacked bars of `parts` per `y` value (in the frame's order), shares
    written inside segments of 4% or more."""
    total = df[parts].sum(axis=1).replace(0, float("nan"))
    fig = go.Figure()
    for name in parts:
        share = 100 * df[name] / total
        fig.add_trace(
            go.Bar(
                y=df[y],
                x=share,
                name=(part_labels or {}).get(name, name),
                orientation="h",
                marker={"color": colors[name]},
                text=[f"{v:.0f}%" if v >= 4 else "" for v in share.fillna(0)],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=f"%{{y}} · {name}: %{{x:.1f}}%<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(ticksuffix="%", range=[0, 100])
    fig.update_yaxes(autorange="reversed", automargin=True, title=None)
    return _style(fig, lang, height=140 + 30 * len(df))


def ranked_bars(
    df: pd.DataFrame, label: str, value: str, styles: dict[str, dict], texts: list[str], lang: str = "id"
) -> go.Figure:
    """Return horizontal bars ranked by `value` (largest on top), coloured by the row's city."""
    order = df.sort_values(value, ascending=False)
    fig = go.Figure(
        go.Bar(
            y=order[label],
            x=order[value],
            orientation="h",
            marker={"color": [styles[k]["color"] for k in order["kota"]]},
            text=[texts[i] for i in order.index],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True, title=None)
    fig.update_xaxes(showticklabels=False, showgrid=False, title=None)
    return _style(fig, lang, height=120 + 34 * len(order))


KELOMPOK_COLORS = {  # kinds of activity in a fixed order; shares are written on the bars
    "klasikal": "#332288",
    "e-learning": "#88ccee",
    "mentoring/coaching": "#117733",
    "kemitraan perguruan tinggi": "#ddcc77",
    "nonklasikal lain": "#aa4499",
}


def small_multiples(
    df: pd.DataFrame, values: list[str], titles: list[str], styles: dict[str, dict], lang: str = "id"
) -> go.Figure:
    """Return one panel per column of `values` (bars per year, one per city) sharing one legend."""
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=1, cols=len(values), subplot_titles=titles, horizontal_spacing=0.06)
    for col, value in enumerate(values, start=1):
        for i, (kota, part) in enumerate(df.groupby("kota", sort=True)):
            fig.add_trace(
                go.Bar(
                    x=part["tahun"].astype(str),
                    y=part[value],
                    name=kota,
                    legendgroup=kota,
                    showlegend=col == 1,
                    marker={"color": styles[kota]["color"], "pattern": {"shape": ("", "/", ".", "x", "-", "|")[i % 6]}},
                    hovertemplate=f"{kota} %{{x}}: %{{y:,.0f}}<extra></extra>",
                ),
                row=1,
                col=col,
            )
    fig.update_layout(barmode="group")
    _style(fig, lang, height=420)
    fig.update_layout(legend={"y": 1.12}, margin={"t": 90})
    return fig


def jp_distribution(distribution: pd.DataFrame, styles: dict[str, dict], y_title: str, lang: str = "id") -> go.Figure:
    """Return the share of PNS per JP band, one bar per city side by side, with the 20-JP line drawn
    between the 10-19 and 20-29 bands."""
    from analytics.queries import JP_BANDS

    return grouped_bars(
        distribution,
        "rentang_jp",
        "persen",
        styles,
        lang,
        y_title=y_title,
        text_format="%{y:.0f}%",
        category_order=list(JP_BANDS),
        target=2.5,
        target_label="20 JP",
    )
