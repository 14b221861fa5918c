"""Chart builders for the analysis pages: DataFrame in, Plotly figure out; no Streamlit, no queries.

Same rules as analytics.charts (whose helpers they use): one colour, marker and dash per city, values
written on the chart, so meaning never depends on colour alone.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import formatting as fmt
from analytics.charts import FONT_SIZE, _style, city_styles, trend
from analytics.i18n import t

NEUTRAL = "#555555"


def comparison_texts(df: pd.DataFrame, lang: str = "id") -> list[str]:
    """Return 'difference: a vs b (n = a / b)' per row of an analytics.metrics.compare_cells result."""
    return [
        t(
            "an_did_label",
            lang,
            diff=fmt.points(r.selisih, lang),
            a=fmt.percent(r.persen_a, lang),
            b=fmt.percent(r.persen_b, lang),
            n_a=fmt.number(r.n_a, lang),
            n_b=fmt.number(r.n_b, lang),
        )
        for r in df.itertuples()
    ]


def lorenz(points: pd.DataFrame, styles: dict[str, dict], lang: str = "id", equality_label: str = "") -> go.Figure:
    """Return one Lorenz curve per city (persen_pns on x, persen_jp on y, both 0-100) over the diagonal of
    perfect equality; each curve is named in the legend and labelled with `label` when the frame has it."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, 100],
            y=[0, 100],
            mode="lines",
            name=equality_label,
            line={"color": "#999", "dash": "dot", "width": 2},
            hoverinfo="skip",
        )
    )
    for kota, part in points.groupby("kota", sort=True):
        style = styles[kota]
        name = part["label"].iloc[0] if "label" in part else kota
        fig.add_trace(
            go.Scatter(
                x=part["persen_pns"],
                y=part["persen_jp"],
                name=name,
                mode="lines",
                line={"color": style["color"], "dash": style["dash"], "width": 3, "shape": "linear"},
                hovertemplate=f"{kota}: %{{x:.0f}}% PNS · %{{y:.0f}}% JP<extra></extra>",
            )
        )
    fig.update_xaxes(range=[0, 100], ticksuffix="%", dtick=20)
    fig.update_yaxes(range=[0, 100], ticksuffix="%", dtick=20)
    return _style(fig, lang, height=460)


def intervals(
    df: pd.DataFrame,
    label: str,
    value: str,
    low: str,
    high: str,
    texts: list[str],
    styles: dict[str, dict] | None = None,
    lang: str = "id",
    x_title: str = "",
    zero_line: bool = True,
) -> go.Figure:
    """Return one row per item: a marker at `value` with its interval [low, high] and `texts` written
    beside it (a forest plot). Markers take the row's city style when `styles` is given and the frame
    has a kota column; a dashed line marks zero (no difference)."""
    df = df.reset_index(drop=True)
    by_city = styles is not None and "kota" in df
    colors = [styles[k]["color"] for k in df["kota"]] if by_city else [NEUTRAL] * len(df)
    symbols = [styles[k]["symbol"] for k in df["kota"]] if by_city else ["circle"] * len(df)
    fig = go.Figure(
        go.Scatter(
            x=df[value],
            y=df[label],
            mode="markers+text",
            marker={"color": colors, "symbol": symbols, "size": 14},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (df[high] - df[value]).fillna(0),
                "arrayminus": (df[value] - df[low]).fillna(0),
                "thickness": 2,
                "width": 6,
                "color": NEUTRAL,
            },
            text=texts,
            textposition="top center",
            textfont={"size": FONT_SIZE - 3},
            hovertemplate="%{y}: %{text}<extra></extra>",
            showlegend=False,
        )
    )
    if zero_line:
        fig.add_vline(x=0, line_dash="dash", line_color="#333")
    fig.update_yaxes(autorange="reversed", automargin=True, title=None, type="category")
    fig.update_xaxes(title=x_title, zeroline=False)
    return _style(fig, lang, height=140 + 62 * len(df))


def scatter_by_city(
    df: pd.DataFrame,
    x: str,
    y: str,
    styles: dict[str, dict],
    hover: str,
    lang: str = "id",
    x_title: str = "",
    y_title: str = "",
    names: dict[str, str] | None = None,
) -> go.Figure:
    """Return a scatter of `y` against `x`, one marker colour and symbol per city (legend names from
    `names`, e.g. with the city's correlation), `hover` naming each point."""
    fig = go.Figure()
    for kota, part in df.groupby("kota", sort=True):
        style = styles[kota]
        fig.add_trace(
            go.Scatter(
                x=part[x],
                y=part[y],
                mode="markers",
                name=(names or {}).get(kota, kota),
                marker={"color": style["color"], "symbol": style["symbol"], "size": 13, "line": {"width": 1}},
                text=part[hover],
                hovertemplate=f"{kota} · %{{text}}: %{{x:,.1f}} · %{{y:,.2f}}<extra></extra>",
            )
        )
    fig.update_xaxes(title=x_title)
    return _style(fig, lang, height=460, y_title=y_title)


def budget_curve(
    curve: pd.DataFrame,
    chosen: float,
    lang: str = "id",
    x_title: str = "",
    y_title: str = "",
    chosen_label: str = "",
) -> go.Figure:
    """Return the projected share of PNS reaching 20 JP (persen_20jp) against the change of budget
    (perubahan_anggaran, %), with the chosen scenario marked by a dashed vertical line."""
    fig = go.Figure(
        go.Scatter(
            x=curve["perubahan_anggaran"],
            y=curve["persen_20jp"],
            mode="lines+markers",
            line={"color": "#1f6f8b", "width": 3},
            marker={"size": 8},
            hovertemplate="%{x:+.0f}%: %{y:.1f}%<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_vline(x=chosen, line_dash="dash", line_color="#333", annotation_text=chosen_label)
    fig.update_xaxes(title=x_title, ticksuffix="%")
    fig.update_yaxes(range=[0, 105], ticksuffix="%")
    return _style(fig, lang, height=380, y_title=y_title)


def trend_by(
    df: pd.DataFrame,
    series: str,
    value: str,
    lang: str = "id",
    target: float | None = None,
    target_label: str = "",
) -> go.Figure:
    """Return a line per value of `series` (e.g. one per OPD of a city) of the percentage `value` over
    tahun, each with its own colour, marker and dash, and an optional dashed reference line."""
    lines = df.drop(columns=["kota"], errors="ignore").rename(columns={series: "kota"})
    styles = city_styles(sorted(lines["kota"].unique()))
    return trend(
        lines, value, styles, lang, tick_suffix="%", y_range=(0, 100), target=target, target_label=target_label
    )


def labelled_bars(
    df: pd.DataFrame,
    value: str,
    styles: dict[str, dict],
    labels: list[str],
    lang: str = "id",
    x_title: str = "",
) -> go.Figure:
    """Return horizontal bars, one per city (largest on top), that may be negative, with `labels`
    (already formatted) written beyond the end of each bar; the axis is padded so labels fit."""
    order = df.reset_index(drop=True).assign(_label=labels).sort_values(value, ascending=False)
    values = order[value].fillna(0)
    low, high = min(float(values.min()), 0.0), max(float(values.max()), 0.0)
    span = (high - low) or 1.0
    fig = go.Figure(
        go.Bar(
            x=values,
            y=order["kota"],
            orientation="h",
            marker={
                "color": [styles[k]["color"] for k in order["kota"]],
                "pattern": {"shape": ["" if v >= 0 else "/" for v in values]},
            },
            text=order["_label"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.add_vline(x=0, line_color="#333", line_width=1)
    fig.update_xaxes(
        title=x_title,
        showticklabels=False,
        showgrid=False,
        range=[low - (0.9 * span if low < 0 else 0), high + 0.9 * span if high > 0 else 0.05 * span],
    )
    fig.update_yaxes(autorange="reversed", automargin=True, title=None)
    return _style(fig, lang, height=130 + 60 * len(order))


def signed_rupiah(value: float | None, lang: str = "id") -> str:
    """Return a Rupiah amount with its sign in front ('-Rp 781,1 jt', '+Rp 22,3 jt')."""
    return fmt.signed(value, lambda v: fmt.rupiah(v, lang))


def share_bars(df: pd.DataFrame, label: str, value: str, texts: list[str], color: str, lang: str = "id") -> go.Figure:
    """Return horizontal bars of a percentage `value` (0-100) per `label`, in the frame's order from the
    top, with `texts` written after each bar and room on the right for them."""
    df = df.reset_index(drop=True)
    fig = go.Figure(
        go.Bar(
            x=df[value],
            y=df[label],
            orientation="h",
            marker={"color": color},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 150], ticksuffix="%", tickvals=[0, 20, 40, 60, 80, 100], title=None)
    fig.update_yaxes(autorange="reversed", automargin=True, title=None)
    return _style(fig, lang, height=130 + 40 * len(df))
