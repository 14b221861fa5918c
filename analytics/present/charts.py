"""Chart builders: DataFrame in, Plotly figure out; no Streamlit, no queries.

Every figure is readable on a projector (large type), uses one colour per city from a
colour-blind-safe palette, and never carries meaning by colour alone: each city also has its
own marker symbol and line dash, and values are written on bars.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analytics import privacy
from analytics.present import formatting as fmt
from analytics.present.formatting import plotly_separators
from analytics.texts import t

# Paul Tol's "muted" colour-blind-safe palette, darkest first so lines stay visible on a projector.
PALETTE = ("#332288", "#117733", "#CC6677", "#339988", "#AA4499", "#999933", "#882255", "#88CCEE", "#DDCC77")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
PATTERNS = ("", "/", ".", "x", "-", "|")  # bar fills, so bars of cities differ without colour
FONT_SIZE = 16
PREDIKAT_COLORS = {  # sequential, dark = better; labels are written on the bars as well
    "Sangat Baik": "#1b7837",
    "Baik": "#7fbf7b",
    "Butuh Perbaikan": "#fdb863",
    "Kurang": "#e66101",
    "Sangat Kurang": "#b2182b",
}
IKM_BANDS = (("A", 88.31, 100.0), ("B", 76.61, 88.31), ("C", 65.0, 76.61), ("D", 25.0, 65.0))
# A value hidden because it describes fewer than 5 people (analytics.privacy): a hatched grey mark reading
# "<5", flagged 1 in the trace's customdata so the text alternative (describe) leaves it out.
HIDDEN_COLOR = "#e0e0e0"
HIDDEN_PATTERN = {"shape": "/", "fgcolor": "#777777"}
HIDDEN, SHOWN = 1, 0


def hidden_flags(mask: Iterable[bool]) -> list[int]:
    """Return a trace's customdata for `mask` (True where a value is hidden as '<5'): HIDDEN (1) for each hidden
    value and SHOWN (0) for each drawn one, in order, so the text alternative (describe) leaves the hidden out."""
    return [HIDDEN if h else SHOWN for h in mask]


def note_hidden(fig: go.Figure, count: int) -> go.Figure:
    """Add `count` to the number of values the figure does not draw because they describe fewer than 5
    people (kept in layout.meta["hidden"], read by `hidden_values` and the text alternative)."""
    meta = dict(fig.layout.meta or {})
    meta["hidden"] = int(meta.get("hidden", 0)) + int(count)
    fig.update_layout(meta=meta)
    return fig


def note_kind(fig: go.Figure, kind: str, x_suffix: str = "") -> go.Figure:
    """Say what a figure is when its traces do not (layout.meta["kind"]: "curves", "points", "intervals"
    or "curve" with `x_suffix` for a curve over a numeric x), for the text alternative."""
    meta = dict(fig.layout.meta or {})
    meta.update(kind=kind, x_suffix=x_suffix)
    fig.update_layout(meta=meta)
    return fig


def hidden_values(fig: go.Figure) -> int:
    """Return how many values of the figure were left out or written "<5" (analytics.privacy)."""
    meta = fig.layout.meta
    return int(meta.get("hidden", 0)) if isinstance(meta, dict) else 0


def city_styles(all_kota: list[str]) -> dict[str, dict]:
    """Return a fixed colour, symbol, dash and bar pattern per city, by the city's place in the full
    sorted list, so a city looks the same on every page whatever the filter."""
    return {
        kota: {
            "color": PALETTE[i % len(PALETTE)],
            "symbol": SYMBOLS[i % len(SYMBOLS)],
            "dash": DASHES[i % len(DASHES)],
            "pattern": PATTERNS[i % len(PATTERNS)],
        }
        for i, kota in enumerate(sorted(all_kota))
    }


# Every figure of the product uses the white template. As the default, Plotly attaches it when a figure
# is created; naming it in update_layout validated and copied it again: 20 ms a figure, 7 figures a page.
pio.templates.default = "plotly_white"


def _style(fig: go.Figure, lang: str, height: int = 420, y_title: str | None = None) -> go.Figure:
    """Apply the common layout: large font, number separators, legend on top (the white template is the
    default, set above)."""
    fig.update_layout(
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
    """Return a line per city of `value` over `tahun`.

    `target` draws a dashed reference line (e.g. 20 JP); `bands` shades the IKM mutu bands. A value about
    fewer than 5 people (analytics.privacy) is not drawn: the line breaks there.
    """
    shown, hidden = privacy.for_chart(df)
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
    for kota, part in shown[shown[value].notna() | hidden[value]].groupby("kota", sort=True):
        if part[value].isna().all():
            continue
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
    fig.update_layout(showlegend=True)  # a single line left (the others hidden) still says whose it is
    note_hidden(fig, privacy.hidden_count(hidden, value))
    return _style(fig, lang, y_title=y_title)


def _per_point(hidden: pd.Series, shown_value: str, hidden_value: str) -> str | list[str]:
    """Return one template for every point, or a list with `hidden_value` where a value is hidden."""
    return [hidden_value if h else shown_value for h in hidden] if hidden.any() else shown_value


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
    """Return vertical bars of `value` by `x`, one bar per city side by side, values written on top. A value
    about fewer than 5 people is drawn as no bar with "<5" written at its place (and in its hover)."""
    shown, hidden = privacy.for_chart(df)
    label = privacy.marker()
    fig = go.Figure()
    for kota, part in shown.groupby("kota", sort=True):
        style = styles[kota]
        secret = hidden.loc[part.index, value]
        fig.add_trace(
            go.Bar(
                x=part[x],
                y=part[value].where(~secret, 0),
                name=kota,
                marker={
                    "color": style["color"],
                    "pattern": {"shape": styles[kota]["pattern"]},
                },
                texttemplate=_per_point(secret, text_format, label),
                hovertemplate=_per_point(
                    secret, f"{kota} · %{{x}}: {text_format}<extra></extra>", f"{kota} · %{{x}}: {label}<extra></extra>"
                ),
                customdata=hidden_flags(secret),
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
    fig.update_yaxes(rangemode="tozero")
    note_hidden(fig, privacy.hidden_count(hidden, value))
    return _style(fig, lang, y_title=y_title)


def heatmap(
    df: pd.DataFrame,
    row: str,
    column: str,
    value: str,
    lang: str = "id",
    suffix: str = "%",
    decimals: int = 0,
    z_range: tuple[float, float] | None = (0, 100),
    mark_min: str = "",
    sort_rows: bool = True,
) -> go.Figure:
    """Return a table-like heatmap (rows x columns) with every value written in its cell; rows sorted
    by their mean, lowest first (rows with hidden values only come last). `mark_min` is appended to the
    lowest value of each column; `z_range` None runs the colours from 0 to the largest shown value. A cell
    about fewer than 5 people has no colour and reads "<5"."""
    shown, hidden = privacy.for_chart(df)
    drawn = shown.assign(_hidden=hidden[value])[shown[value].notna() | hidden[value]]
    cells = drawn.groupby([row, column], sort=False)
    table = cells[value].first().unstack(column)
    secret = cells["_hidden"].max().unstack(column).reindex_like(table).fillna(False).astype(bool)
    if sort_rows:
        table = table.loc[table.mean(axis=1).sort_values(na_position="last").index]
    else:
        table = table.loc[[r for r in drawn[row].unique() if r in table.index]]
    table = table[sorted(table.columns)]
    secret = secret.loc[table.index, table.columns]
    lowest = {c: table[c].idxmin() for c in table.columns if table[c].notna().any()}
    if z_range is None:  # from the shown values only: a hidden maximum must not set the scale
        z_range = (0, max(float(table.max().max()) if table.notna().any().any() else 0.0, 1.0))

    def cell(r: str, c: str) -> str:
        v = table.loc[r, c]
        if pd.isna(v):
            return ""
        text = f"{v:,.{decimals}f}{suffix}"
        text = text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "id" else text
        return f"{text} {mark_min}" if mark_min and lowest.get(c) == r else text

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
    if secret.to_numpy().any():  # hidden cells: grey, hatched in spirit, reading "<5" (no colour from a value)
        label = privacy.marker()
        fig.add_trace(
            go.Heatmap(
                z=secret.where(secret).astype(float).values,
                x=list(table.columns),
                y=list(table.index),
                name=label,
                text=[[label if secret.loc[r, c] else "" for c in table.columns] for r in table.index],
                texttemplate="%{text}",
                colorscale=[[0, HIDDEN_COLOR], [1, HIDDEN_COLOR]],
                showscale=False,
                hovertemplate=f"%{{y}} · %{{x}}: {label}<extra></extra>",
                textfont={"size": FONT_SIZE - 2, "color": "#444444"},
            )
        )
    fig.update_xaxes(side="top", title=None)
    fig.update_yaxes(title=None, automargin=True, autorange="reversed")  # lowest first: who lags is read first
    note_hidden(fig, int(secret.to_numpy().sum()))
    return _style(fig, lang, height=120 + 32 * len(table))


def _shares(df: pd.DataFrame, parts: list[str], total: str | None) -> tuple[pd.DataFrame, pd.Series, int]:
    """Return (share of each shown part, share of the hidden segment, number of hidden values) for a 100%
    bar per row of `df` (privacy rule 7).

    The bar's whole is `total` when given (e.g. jumlah_dinilai), else the sum of the parts. Shown parts keep
    their true share of it; hidden parts are drawn together as one segment of (whole - shown parts), which
    is what a reader of the table can work out anyway. A row whose whole is hidden (or, without `total`,
    unknown because a part is hidden) is one hidden segment of 100%."""
    shown, hidden = privacy.for_chart(df)
    part_hidden = hidden[parts].any(axis=1)
    if total is not None:
        whole, whole_hidden = shown[total].where(~hidden[total]), hidden[total]
    else:
        whole, whole_hidden = shown[parts].sum(axis=1, min_count=1).where(~part_hidden), part_hidden
    whole = whole.where(whole != 0)
    shares = shown[parts].div(whole, axis=0) * 100
    partial = whole.notna() & part_hidden
    rest = pd.Series(0.0, index=df.index)
    rest[partial] = (100 - shares.loc[partial].fillna(0).sum(axis=1)).clip(lower=0)
    rest[whole_hidden] = 100.0
    count = int(hidden[parts].to_numpy().sum()) + int((whole_hidden & ~part_hidden).sum())
    return shares, rest, count


def _hidden_segment(x: pd.Series, share: pd.Series, horizontal: bool, legend: bool, **where: int) -> go.Bar:
    """Return the hatched grey "<5" segment of 100% stacked bars (privacy rule 7)."""
    label = privacy.marker()
    axis = {"y": x, "x": share, "orientation": "h"} if horizontal else {"x": x, "y": share}
    return go.Bar(
        **axis,
        name=label,
        marker={"color": HIDDEN_COLOR, "pattern": HIDDEN_PATTERN, "line": {"color": "#777777", "width": 1}},
        legendgroup="_hidden",
        showlegend=legend,
        text=[label if v > 0 else "" for v in share],
        textposition="inside",
        insidetextanchor="middle",
        textangle=0,
        hovertemplate=f"{label}<extra></extra>",
        customdata=[HIDDEN] * len(share),
    )


def stacked_share(
    df: pd.DataFrame,
    x: str,
    parts: list[str],
    colors: dict[str, str],
    lang: str = "id",
    facet: str = "kota",
    part_labels: dict[str, str] | None = None,
    total: str | None = None,
) -> go.Figure:
    """Return 100% stacked bars of the `parts` columns by `x`, one panel per `facet` value, with
    each segment's share written inside it (>= 4%) so colour is not needed to read it. Parts about fewer
    than 5 people are drawn together as one hatched "<5" segment, the others keep their share of the
    whole (`total` when given, else the sum of the parts): see `_shares`."""
    from plotly.subplots import make_subplots

    frame = df.reset_index(drop=True)
    shares, rest, count = _shares(frame, parts, total)
    label = privacy.marker()
    panels = sorted(frame[facet].unique())
    fig = make_subplots(
        rows=1, cols=max(len(panels), 1), subplot_titles=panels, shared_yaxes=True, horizontal_spacing=0.03
    )
    legend_hidden = True
    for col, panel in enumerate(panels, start=1):
        rows = frame[frame[facet] == panel].sort_values(x).index
        for name in parts:
            share = shares.loc[rows, name]
            fig.add_trace(
                go.Bar(
                    x=frame.loc[rows, x].astype(str),
                    y=share.fillna(0),  # a gap (NaN) would break plotly's stacking
                    name=(part_labels or {}).get(name, name),
                    marker={"color": colors[name]},
                    legendgroup=name,
                    showlegend=col == 1,
                    text=[f"{v:.0f}%" if v >= 4 else "" for v in share.fillna(0)],
                    textposition="inside",
                    insidetextanchor="middle",
                    textangle=0,
                    hovertemplate=_per_point(
                        share.isna(),
                        f"{name} %{{x}}: %{{y:.1f}}%<extra></extra>",
                        f"{name} %{{x}}: {label}<extra></extra>",
                    ),
                    customdata=hidden_flags(share.isna()),
                ),
                row=1,
                col=col,
            )
        if (rest.loc[rows] > 0).any():
            fig.add_trace(_hidden_segment(frame.loc[rows, x].astype(str), rest.loc[rows], False, legend_hidden), 1, col)
            legend_hidden = False
    fig.update_layout(barmode="stack")
    fig.update_yaxes(ticksuffix="%", range=[0, 100])
    _style(fig, lang, height=480)
    fig.update_layout(legend={"y": 1.1}, margin={"t": 90})
    return note_hidden(fig, count)


def budget_bars(
    df: pd.DataFrame,
    lang: str = "id",
    pagu_label: str = "Pagu",
    realisasi_label: str = "Realisasi",
    labels: list[str] | None = None,
    unit_label: str = "Rp miliar",
) -> go.Figure:
    """Return pagu (outlined, hatched) beside realisasi (solid) per year, one panel per city, with
    `labels` (formatted absorption) above each realisasi bar. Budgets describe no person: nothing is hidden."""
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
    total: str | None = None,
) -> go.Figure:
    """Return horizontal 100% stacked bars of `parts` per `y` value (in the frame's order), shares
    written inside segments of 4% or more; hidden parts as in `stacked_share`."""
    frame = df.reset_index(drop=True)
    shares, rest, count = _shares(frame, parts, total)
    label = privacy.marker()
    fig = go.Figure()
    for name in parts:
        share = shares[name]
        fig.add_trace(
            go.Bar(
                y=frame[y],
                x=share.fillna(0),  # a gap (NaN) would break plotly's stacking
                name=(part_labels or {}).get(name, name),
                orientation="h",
                marker={"color": colors[name]},
                text=[f"{v:.0f}%" if v >= 4 else "" for v in share.fillna(0)],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=_per_point(
                    share.isna(),
                    f"%{{y}} · {name}: %{{x:.1f}}%<extra></extra>",
                    f"%{{y}} · {name}: {label}<extra></extra>",
                ),
                customdata=hidden_flags(share.isna()),
            )
        )
    if (rest > 0).any():
        fig.add_trace(_hidden_segment(frame[y], rest, True, True))
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(ticksuffix="%", range=[0, 100])
    fig.update_yaxes(autorange="reversed", automargin=True, title=None)
    note_hidden(fig, count)
    return _style(fig, lang, height=140 + 30 * len(df))


def ranked_bars(
    df: pd.DataFrame, label: str, value: str, styles: dict[str, dict], texts: list[str], lang: str = "id"
) -> go.Figure:
    """Return horizontal bars ranked by `value` (largest on top), coloured by the row's city; a value about
    fewer than 5 people is not ranked: it comes last, without a bar, reading "<5"."""
    shown, hidden = privacy.for_chart(df)
    order = shown.assign(_hidden=hidden[value]).sort_values(["_hidden", value], ascending=[True, False])
    fig = go.Figure(
        go.Bar(
            y=order[label],
            x=order[value].where(~order["_hidden"], 0),
            orientation="h",
            marker={"color": [styles[k]["color"] for k in order["kota"]]},
            text=[privacy.marker() if h else texts[i] for i, h in zip(order.index, order["_hidden"], strict=True)],
            customdata=hidden_flags(order["_hidden"]),
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True, title=None)
    fig.update_xaxes(showticklabels=False, showgrid=False, title=None)
    note_hidden(fig, privacy.hidden_count(hidden, value))
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
    """Return one panel per column of `values` (bars per year, one per city) sharing one legend; a count of
    fewer than 5 people has no bar and its hover reads "<5" (the panels write no values on bars)."""
    from plotly.subplots import make_subplots

    shown, hidden = privacy.for_chart(df)
    label = privacy.marker()
    fig = make_subplots(rows=1, cols=len(values), subplot_titles=titles, horizontal_spacing=0.06)
    for col, value in enumerate(values, start=1):
        for kota, part in shown.groupby("kota", sort=True):
            secret = hidden.loc[part.index, value]
            fig.add_trace(
                go.Bar(
                    x=part["tahun"].astype(str),
                    y=part[value].where(~secret, 0),
                    name=kota,
                    legendgroup=kota,
                    showlegend=col == 1,
                    marker={"color": styles[kota]["color"], "pattern": {"shape": styles[kota]["pattern"]}},
                    customdata=hidden_flags(secret),
                    hovertemplate=_per_point(
                        secret, f"{kota} %{{x}}: %{{y:,.0f}}<extra></extra>", f"{kota} %{{x}}: {label}<extra></extra>"
                    ),
                ),
                row=1,
                col=col,
            )
    fig.update_layout(barmode="group")
    _style(fig, lang, height=420)
    fig.update_layout(legend={"y": 1.12}, margin={"t": 90})
    return note_hidden(fig, privacy.hidden_count(hidden, values))


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


# --- text alternatives -----------------------------------------------------------------------------------


def as_list(values: object) -> list:
    """Return a trace's data array as a list: plotly keeps tuples or numpy arrays, None when unset, and a
    figure that went through JSON or a cache may hold a typed array {"dtype": "f8", "bdata": base64}."""
    if values is None:
        return []
    if isinstance(values, dict) and "bdata" in values:
        array = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        if "shape" in values:
            array = array.reshape([int(n) for n in str(values["shape"]).split(",")])
        return array.tolist()
    return list(values)


@dataclass(frozen=True)
class _Point:
    """One drawn value of a figure: its series (a trace's name), category, number and written text."""

    series: str
    category: str
    value: float
    text: str
    bar: str = ""  # the bar a stacked segment belongs to (panel and category)


def _plain(value: object) -> str:
    """Return a category as text: 2024.0 -> '2024'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number_format(fig: go.Figure, trace: object, letter: str) -> tuple[int | None, str]:
    """Return (decimals, suffix) of a trace's value axis `letter` from its text or hover template (e.g.
    '%{y:.0f}%' -> (0, '%')), else (None, the axis tick suffix)."""
    for template in (getattr(trace, "texttemplate", None), getattr(trace, "hovertemplate", None)):
        if isinstance(template, list | tuple):
            template = next((x for x in template if x and privacy.marker() not in x), None)
        match = re.search(r"%\{" + letter + r"(?::([^}]*))?\}((?:[^<%]|%(?!\{))*)", template or "")
        if match:
            decimals = re.search(r"\.(\d+)f", match.group(1) or "")
            return (int(decimals.group(1)) if decimals else None), match.group(2).strip()
    axis = fig.layout.yaxis if letter == "y" else fig.layout.xaxis
    return None, axis.ticksuffix or ""


def _drawn(fig: go.Figure, lang: str, hidden: bool = False) -> list[_Point]:
    """Return every value the figure draws and does not hide, with the text a reader sees for it (with
    `hidden`, the hidden ones too, so stacked bars know how large their "<5" segment is)."""
    points = []
    panels = [a.text for a in fig.layout.annotations] if "xaxis2" in fig.layout else []
    for trace in fig.data:
        if getattr(trace, "hoverinfo", None) == "skip":
            continue  # a reference line (the diagonal of perfect equality)
        if trace.type == "heatmap" and trace.name == privacy.marker():
            continue  # the grey layer of hidden cells
        if trace.type == "heatmap":
            z, text_table = as_list(trace.z), as_list(trace.text)
            for i, row in enumerate(as_list(trace.y)):
                for j, column in enumerate(as_list(trace.x)):
                    value, text = z[i][j], text_table[i][j]
                    if value is not None and not pd.isna(value) and text != privacy.marker():
                        points.append(_Point(_plain(column), _plain(row), float(value), text))
            continue
        xs, ys = as_list(trace.x), as_list(trace.y)
        if trace.type not in ("bar", "scatter") or not xs or not ys:
            continue
        forest = trace.type == "scatter" and bool(ys) and isinstance(ys[0], str)  # categories on the y axis
        horizontal = getattr(trace, "orientation", None) == "h" or forest
        categories, values, letter = (ys, xs, "x") if horizontal else (xs, ys, "y")
        decimals, suffix = _number_format(fig, trace, letter)
        texts = as_list(trace.text) if isinstance(trace.text, list | tuple) else [None] * len(values)
        flags = as_list(trace.customdata) or [SHOWN] * len(values)
        for category, value, text, flag in zip(categories, values, texts, flags, strict=False):
            if (flag == HIDDEN and not hidden) or value is None or pd.isna(value):
                continue
            if not isinstance(text, str) or not text:
                places = decimals if decimals is not None else (0 if float(value).is_integer() else 1)
                text = fmt.number(float(value), lang, places) + suffix
            axis = getattr(trace, "xaxis", None) or "x"
            panel = int(axis[1:] or 1) - 1
            name = _plain(category)
            if panel < len(panels) and panels[panel] != trace.name:  # small multiples: say the panel
                name = f"{name} · {panels[panel]}"
            points.append(_Point(trace.name or "", name, float(value), text, f"{axis}|{category}"))
    return points


def name_list(names: Iterable[str], lang: str) -> str:
    """Return the names joined for a sentence: 'A, B dan C' ('A, B and C' in English), 'A' for one name and ''
    for none. Repeated and empty names are left out, and after six names the rest are counted: 'A, ..., F dan
    N lainnya'."""
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) > 6:
        names = [*names[:6], t("ch_more", lang, n=len(names) - 6)]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('ch_and', lang)} {names[-1]}"


def _meta(fig: go.Figure, key: str) -> object:
    return fig.layout.meta.get(key) if isinstance(fig.layout.meta, dict) else None


def _kind(fig: go.Figure, points: list[_Point], lang: str) -> str:
    """Return the first sentence of a text alternative: the kind of chart and whom it is about."""
    kinds = {trace.type for trace in fig.data}
    told = _meta(fig, "kind")

    def named(key: str, names: list[str]) -> str:
        joined = name_list(names, lang)
        return t(key, lang, names=t("ch_for", lang, names=joined) if joined else "")

    traces = [tr.name for tr in fig.data if tr.name and tr.hoverinfo != "skip"]
    if told in ("curves", "points"):
        return named(f"ch_{told}", traces)
    if told == "intervals":
        return named("ch_intervals", [_plain(c) for tr in fig.data for c in as_list(tr.y)])
    if "heatmap" in kinds:
        return named("ch_heatmap", [_plain(c) for tr in fig.data for c in as_list(tr.x)])
    if "bar" in kinds and fig.layout.barmode == "stack":
        parts = [tr.name for tr in fig.data if tr.type == "bar" and tr.name != privacy.marker()]
        return t("ch_stacked", lang, parts=name_list(parts, lang))
    if "scatter" in kinds:
        return named("ch_lines", traces)
    series = [p.series for p in points] or traces
    return named("ch_bars", series if any(series) else [p.category for p in points])


def _values(fig: go.Figure, points: list[_Point], lang: str) -> str:
    """Return the second sentence: the highest and lowest value drawn, or the part of stacked bars that
    is largest most often ('' when there is nothing to compare)."""
    if _meta(fig, "kind") in ("curves", "points"):
        return ""
    if fig.layout.barmode == "stack":
        largest: dict[str, _Point] = {}
        for p in _drawn(fig, lang, hidden=True):
            if p.bar not in largest or p.value > largest[p.bar].value:
                largest[p.bar] = p
        told = [p.series for p in largest.values() if p.series != privacy.marker()]  # "<5" largest: not told
        if not told:
            return ""
        counts = pd.Series(told).value_counts()
        return t("ch_largest", lang, part=counts.index[0], n=int(counts.iloc[0]), total=len(largest))
    high = max(points, key=lambda p: p.value)
    low = min(points, key=lambda p: p.value)
    suffix = _meta(fig, "x_suffix")

    def say(p: _Point) -> str:
        category = fmt.signed(float(p.category), lambda v: _plain(v) + suffix) if suffix else p.category
        return f"{' · '.join(x for x in (p.series, category) if x)}: {p.text}"

    if len(points) == 1 or high.value == low.value:
        return t("ch_one", lang, value=say(high))
    return t("ch_range", lang, high=say(high), low=say(low))


def describe(fig: go.Figure, lang: str = "id") -> str:
    """Return a short text alternative of a figure built here or in analytics.charts_analysis, in the chosen
    language: what kind of chart it is and for whom, its highest and lowest drawn value (or, for 100%
    stacked bars, the part that is largest most often), and how many values were hidden as "<5".

    It reads only what the figure draws, so it can never tell a value the chart hides."""
    points = _drawn(fig, lang)
    sentences = [_kind(fig, points, lang), _values(fig, points, lang) if points else t("ch_nothing", lang)]
    hidden = hidden_values(fig)
    if hidden:
        sentences.append(t("ch_hidden", lang, n=hidden, k=privacy.min_group()))
    return t("ch_summary", lang, text=" ".join(s for s in sentences if s))
