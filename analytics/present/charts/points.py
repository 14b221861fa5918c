"""Charts of points: a scatter per city and forest plots (a value with its interval per row, e.g. the
difference between the trained and the untrained with its 95% interval). A point or row about fewer than 5
people is not drawn (a forest plot keeps its row and writes "<5")."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import privacy
from analytics.present.charts.hidden import hidden_flags, rows_for_chart
from analytics.present.charts.labels import comparison_texts
from analytics.present.charts.style import FONT_SIZE, NEUTRAL, apply_layout
from analytics.present.charts.text_alternative import note, note_hidden
from analytics.texts import t


def intervals(
    df: pd.DataFrame,
    label: str,
    value: str,
    low: str,
    high: str,
    texts: list[str],
    styles: dict[str, dict] | None,
    lang: str,
    x_title: str = "",
    zero_line: bool = True,
) -> go.Figure:
    """Return one row per item: a marker at `value` with its interval [low, high] and `texts` written
    beside it (a forest plot). Markers take the row's city style when `styles` is given and the frame
    has a kota column; a dashed line marks zero (no difference). A row about fewer than 5 people keeps its
    place but has no marker and no interval, only "<5"."""
    shown, hidden = rows_for_chart(df)
    secret = hidden[value]
    by_city = styles is not None and "kota" in shown
    colors = [styles[k]["color"] for k in shown["kota"]] if by_city else [NEUTRAL] * len(shown)
    symbols = [styles[k]["symbol"] for k in shown["kota"]] if by_city else ["circle"] * len(shown)
    fig = go.Figure(
        go.Scatter(
            x=shown[value].where(~secret, 0),
            y=shown[label],
            mode="markers+text",
            marker={"color": colors, "symbol": symbols, "size": [0 if h else 14 for h in secret]},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (shown[high] - shown[value]).fillna(0),
                "arrayminus": (shown[value] - shown[low]).fillna(0),
                "thickness": 2,
                "width": 6,
                "color": NEUTRAL,
            },
            text=[privacy.marker() if h else text for text, h in zip(texts, secret, strict=True)],
            customdata=hidden_flags(secret),
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
    note_hidden(fig, int(secret.sum()))
    note(fig, "intervals")
    return apply_layout(fig, lang, height=140 + 62 * len(shown))


def comparison(compared: pd.DataFrame, styles: dict[str, dict], lang: str) -> go.Figure:
    """Return the forest plot of an analytics.metrics.compare_cells result (one row per kota): the
    difference `selisih` in percentage points with its 95% interval, 'difference: a vs b (n = a / b)'
    written beside it (comparison_texts), each city in its style, and a dashed line at zero."""
    return intervals(
        compared,
        "kota",
        "selisih",
        "ci_rendah",
        "ci_tinggi",
        comparison_texts(compared, lang),
        styles,
        lang,
        t("an_diff_axis", lang),
    )


def scatter_by_city(
    df: pd.DataFrame,
    x: str,
    y: str,
    styles: dict[str, dict],
    hover: str,
    lang: str,
    x_title: str = "",
    y_title: str = "",
    names: dict[str, str] | None = None,
) -> go.Figure:
    """Return a scatter of `y` against `x`, one marker colour and symbol per city (legend names from
    `names`, e.g. with the city's correlation), `hover` naming each point; a point whose x or y describes
    fewer than 5 people is not drawn."""
    shown, hidden = rows_for_chart(df)
    drawn = shown.dropna(subset=[x, y])
    fig = go.Figure()
    note_hidden(fig, privacy.hidden_count(hidden, [x, y]))
    for kota, part in drawn.groupby("kota", sort=True):
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
    note(fig, "points")
    return apply_layout(fig, lang, height=460, y_title=y_title)
