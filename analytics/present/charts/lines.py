"""Line charts: a line per city over the years (trend), a line per agency (trend_by), Lorenz curves and the
budget curve of the simulation. A value about fewer than 5 people is not drawn: its line breaks there."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import domain
from analytics import metrics, privacy
from analytics.present import formatting as fmt
from analytics.present.charts.hidden import rows_for_chart
from analytics.present.charts.style import CONTEXT, FONT_SIZE, NEUTRAL, SPREAD, apply_layout, city_styles
from analytics.present.charts.text_alternative import CONTEXT_GROUP, note, note_hidden
from analytics.texts import t

IKM_BANDS = domain.IKM_BANDS


def trend(
    df: pd.DataFrame,
    value: str,
    styles: dict[str, dict],
    lang: str,
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
    drawn = shown[shown[value].notna() | hidden[value]]
    whole = bool(shown[value].dropna().mod(1).eq(0).all())  # counts (peserta) are written without ",0"
    y_format = ",.0f" if whole else ",.1f"
    lines = dict(tuple(drawn.sort_values(["kota", "tahun"]).groupby("kota", sort=True)))  # one sort, not 98
    context = [k for k in lines if styles[k].get("context")]
    other = t("ch_other_cities", lang, n=len(context))
    # Drawn bottom to top: the grey cities, the peers' middle half and median, then the cities in colour.
    if context:
        _context_lines(fig, [lines[k] for k in context], value, tick_suffix, other, y_format)
        _peer_spread(fig, shown, value, tick_suffix, lang)
    for kota in (k for k in lines if k not in context):
        _city_line(fig, lines[kota], value, kota, styles[kota], tick_suffix, y_format)
    if target is not None:
        fig.add_hline(
            y=target, line_dash="dash", line_color="#333", annotation_text=target_label, annotation_position="top left"
        )
    fig.update_xaxes(dtick=1, tickformat="d", title=None)
    fig.update_yaxes(ticksuffix=tick_suffix, rangemode="tozero", range=list(y_range) if y_range else None)
    fig.update_layout(showlegend=True)  # a single line left (the others hidden) still says whose it is
    note_hidden(fig, privacy.hidden_count(hidden, value))
    note(fig, "lines", decimals=None if whole else 1, suffix=tick_suffix, context=len(context))  # as the hover
    return apply_layout(fig, lang, y_title=y_title)


def _city_line(
    fig: go.Figure, part: pd.DataFrame, value: str, kota: str, style: dict, tick_suffix: str, y_format: str = ",.1f"
) -> None:
    """Add one city's line of `value` over tahun to `fig`, in its colour with markers, its hover written with
    `y_format`; nothing when every value is missing."""
    if part[value].isna().all():
        return
    fig.add_trace(
        go.Scatter(
            x=part["tahun"],
            y=part[value],
            name=kota,
            mode="lines+markers",
            line={"color": style["color"], "dash": style["dash"], "width": 3},
            marker={"symbol": style["symbol"], "size": 11, "color": style["color"]},
            hovertemplate=f"{kota} %{{x}}: %{{y:{y_format}}}{tick_suffix}<extra></extra>",
            legendrank=LEGEND_RANK["city"],
        )
    )


def _context_lines(
    fig: go.Figure, parts: list[pd.DataFrame], value: str, tick_suffix: str, name: str, y_format: str = ",.1f"
) -> None:
    """Add the grey lines of the context cities as one trace, each city's line apart from the next by a gap
    (one trace draws in the browser many times faster than 97; the hover, written with `y_format`, still names
    the city)."""
    x, y, who = [], [], []
    for part in parts:
        x += [*part["tahun"].tolist(), None]
        y += [*part[value].tolist(), None]
        who += [*part["kota"].tolist(), None]
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            text=who,
            name=name,
            mode="lines",
            line={"color": CONTEXT, "width": 1.5},
            hovertemplate=f"%{{text}} %{{x}}: %{{y:{y_format}}}{tick_suffix}<extra></extra>",
            legendgroup=CONTEXT_GROUP,
            legendrank=LEGEND_RANK["context"],
            connectgaps=False,
        )
    )


LEGEND_RANK = {"city": 1, "median": 2, "spread": 3, "context": 4}  # legend order when many cities are compared


def _peer_spread(fig: go.Figure, shown: pd.DataFrame, value: str, tick_suffix: str, lang: str) -> None:
    """Draw, under the cities' lines, the band between the compared cities' first and third quartile of
    `value` per year and their median as a dashed dark line (metrics.spread of what is shown)."""
    stats = metrics.spread(shown, value)
    if stats.empty:
        return
    band = t("ch_quartiles", lang)
    fig.add_trace(
        go.Scatter(
            x=stats["tahun"],
            y=stats["q3"],
            mode="lines",
            line={"width": 0},
            hoverinfo="skip",
            showlegend=False,
            legendgroup="spread",
            legendrank=LEGEND_RANK["spread"],
        )
    )
    fig.add_trace(
        go.Scatter(
            x=stats["tahun"],
            y=stats["q1"],
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=SPREAD,
            name=band,
            hoverinfo="skip",
            legendgroup="spread",
            legendrank=LEGEND_RANK["spread"],
        )
    )
    fig.add_trace(
        go.Scatter(
            x=stats["tahun"],
            y=stats["median"],
            name=t("ch_peer_median", lang),
            mode="lines+markers",
            line={"color": NEUTRAL, "dash": "dash", "width": 3},
            marker={"symbol": "diamond", "size": 11, "color": NEUTRAL},
            hovertemplate=f"{t('ch_peer_median', lang)} %{{x}}: %{{y:,.1f}}{tick_suffix}<extra></extra>",
            legendrank=LEGEND_RANK["median"],
        )
    )


def trend_by(
    df: pd.DataFrame,
    series: str,
    value: str,
    lang: str,
    target: float | None = None,
    target_label: str = "",
) -> go.Figure:
    """Return a line per value of `series` (e.g. one per OPD of a city) of the percentage `value` over
    tahun, each with its own colour, marker and dash, and an optional dashed reference line. The frame is a
    released one (analytics.privacy.release): its '<5' cells stay gaps in the lines."""
    lines = df.drop(columns=["kota"], errors="ignore").rename(columns={series: "kota"})
    styles = city_styles(sorted(lines["kota"].unique()))
    return trend(
        lines, value, styles, lang, tick_suffix="%", y_range=(0, 100), target=target, target_label=target_label
    )


def share_of_whole(df: pd.DataFrame, part: str, whole: str) -> float | None:
    """Return 100 x part / whole of the first row of `df` (e.g. a city's share reaching 20 JP, drawn as the
    reference line of its agencies by `trend_by`), None when either is hidden or missing."""
    shown, _ = rows_for_chart(df.head(1))
    if shown.empty or fmt.is_missing(shown.at[0, part]) or not shown.at[0, whole]:
        return None
    return 100 * float(shown.at[0, part]) / float(shown.at[0, whole])


def lorenz(points: pd.DataFrame, styles: dict[str, dict], lang: str, equality_label: str = "") -> go.Figure:
    """Return one Lorenz curve per city (persen_pns on x, persen_jp on y, both 0-100) over the diagonal of
    perfect equality; each curve is named in the legend by the frame's `label` when it has one (see
    labels.lorenz_points), else by its city."""
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
    note(fig, "curves")
    return apply_layout(fig, lang, height=460)


def budget_curve(
    curve: pd.DataFrame,
    chosen: float,
    lang: str,
    x_title: str = "",
    y_title: str = "",
    chosen_label: str = "",
) -> go.Figure:
    """Return the projected share of PNS reaching 20 JP (persen_20jp) against the change of budget
    (perubahan_anggaran, %), with the chosen scenario marked by a dashed vertical line. A share about fewer
    than 5 people (a released curve's '<5') is not drawn."""
    shown, hidden = privacy.for_chart(curve)
    fig = go.Figure(
        go.Scatter(
            x=shown["perubahan_anggaran"],
            y=shown["persen_20jp"],
            mode="lines+markers",
            line={"color": "#1f6f8b", "width": 3},
            marker={"size": 8},
            hovertemplate="%{x:+.0f}%: %{y:.1f}%<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_vline(x=chosen, line_dash="dash", line_color="#333", annotation_text=chosen_label)
    note(fig, "curve", decimals=1, suffix="%", x_suffix="%")  # as the hover writes it
    note_hidden(fig, privacy.hidden_count(hidden, "persen_20jp"))
    fig.update_xaxes(title=x_title, ticksuffix="%")
    fig.update_yaxes(range=[0, 105], ticksuffix="%")
    return apply_layout(fig, lang, height=380, y_title=y_title)
