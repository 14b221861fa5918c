"""Bar charts: bars per city side by side (grouped_bars, jp_distribution, small_multiples), ranked and
labelled horizontal bars, share bars, 100% stacked bars and the budget's pagu beside realisasi. Values are
written on the bars, and cities differ by pattern as well as colour. A value about fewer than 5 people has no
bar and reads "<5" at its place; the hidden parts of a stacked bar are one hatched grey segment."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import domain
from analytics import privacy
from analytics.present import formatting as fmt
from analytics.present.charts.hidden import HIDDEN, HIDDEN_COLOR, HIDDEN_PATTERN, hidden_flags, rows_for_chart
from analytics.present.charts.style import apply_layout
from analytics.present.charts.text_alternative import note, note_hidden

SHARE_AXIS_END = 160  # share_bars: the value axis runs to 160% so a bar at 100% leaves room for its text


def _per_point(hidden: pd.Series, shown_value: str, hidden_value: str) -> str | list[str]:
    """Return one template for every point, or a list with `hidden_value` where a value is hidden."""
    return [hidden_value if h else shown_value for h in hidden] if hidden.any() else shown_value


def _written_as(text_format: str) -> tuple[int | None, str]:
    """Return (decimals, unit) of the values a bar text template writes, for the text alternative:
    '%{y:,.1f}%' -> (1, '%'), '%{y:,.0f}' -> (0, ''); (None, '') when it does not write the value %{y}."""
    _, found, rest = text_format.partition("%{y")
    if not found:
        return None, ""
    spec, _, after = rest.partition("}")
    places = spec.rpartition(".")[2]  # ',.1f' -> '1f'
    decimals = int(places[:-1]) if places.endswith("f") and places[:-1].isdigit() else None
    return decimals, after.split("<")[0].split("%{")[0].strip()  # the unit ends where markup or a value starts


def grouped_bars(
    df: pd.DataFrame,
    x: str,
    value: str,
    styles: dict[str, dict],
    lang: str,
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
    decimals, suffix = _written_as(text_format)
    note(fig, "bars", decimals=decimals, suffix=suffix)
    return apply_layout(fig, lang, y_title=y_title)


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
    lang: str,
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
    apply_layout(fig, lang, height=480)
    fig.update_layout(legend={"y": 1.1}, margin={"t": 90})
    note(fig, "stacked", decimals=1, suffix="%", panels=panels, parts=[(part_labels or {}).get(n, n) for n in parts])
    return note_hidden(fig, count)


def stacked_share_h(
    df: pd.DataFrame,
    y: str,
    parts: list[str],
    colors: dict[str, str],
    lang: str,
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
    note(fig, "stacked", decimals=1, suffix="%", parts=[(part_labels or {}).get(n, n) for n in parts])
    return apply_layout(fig, lang, height=140 + 30 * len(df))


def budget_bars(
    df: pd.DataFrame,
    lang: str,
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
    pagu = {"marker": {"color": "#d9d9d9", "line": {"color": "#555", "width": 1}, "pattern": {"shape": "/"}}}
    for col, kota in enumerate(panels, start=1):
        part = df[df["kota"] == kota].sort_values("tahun")
        realisasi = {
            "marker": {"color": "#1f6f8b"},
            "text": [labels[i] for i in part.index] if labels else None,
            "textposition": "outside",
            "cliponaxis": False,
        }
        for column, name, look in (("pagu", pagu_label, pagu), ("realisasi", realisasi_label, realisasi)):
            fig.add_trace(
                go.Bar(
                    x=part["tahun"].astype(str),
                    y=part[column] / 1e9,
                    name=name,
                    legendgroup=column,
                    showlegend=col == 1,
                    **look,
                ),
                row=1,
                col=col,
            )
    fig.update_layout(barmode="group")
    apply_layout(fig, lang, height=460, y_title=unit_label)
    fig.update_layout(legend={"y": 1.1}, margin={"t": 90})
    # the text alternative says the amounts ("Rp 12,0 miliar"), not the absorption written above realisasi
    prefix, _, suffix = unit_label.partition(" ")
    amounts = {"decimals": 1, "prefix": prefix + " ", "suffix": " " + suffix if suffix else ""}
    return note(fig, "bars", panels=panels, texts_are_values=False, **amounts)


def ranked_bars(
    df: pd.DataFrame, label: str, value: str, styles: dict[str, dict], texts: list[str], lang: str
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
    note(fig, "bars")
    return apply_layout(fig, lang, height=120 + 34 * len(order))


def small_multiples(
    df: pd.DataFrame, values: list[str], titles: list[str], styles: dict[str, dict], lang: str
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
    apply_layout(fig, lang, height=420)
    fig.update_layout(legend={"y": 1.12}, margin={"t": 90})
    note(fig, "bars", decimals=0, panels=titles)  # as the hover writes it
    return note_hidden(fig, privacy.hidden_count(hidden, values))


def jp_distribution(distribution: pd.DataFrame, styles: dict[str, dict], y_title: str, lang: str) -> go.Figure:
    """Return the share of PNS per JP band, one bar per city side by side, with the 20-JP line drawn
    between the 10-19 and 20-29 bands."""
    return grouped_bars(
        distribution,
        "rentang_jp",
        "persen",
        styles,
        lang,
        y_title=y_title,
        text_format="%{y:.0f}%",
        category_order=list(domain.JP_BANDS),
        target=2.5,
        target_label="20 JP",
    )


def labelled_bars(
    df: pd.DataFrame,
    value: str,
    styles: dict[str, dict],
    labels: list[str],
    lang: str,
    x_title: str = "",
) -> go.Figure:
    """Return horizontal bars, one per city (largest on top), that may be negative, with `labels`
    (already formatted) written beyond the end of each bar; the axis is padded so labels fit. A value about
    fewer than 5 people has no bar, reads "<5" and comes last."""
    shown, hidden = rows_for_chart(df)
    order = shown.assign(_label=labels, _hidden=hidden[value]).sort_values(["_hidden", value], ascending=[True, False])
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
            text=[privacy.marker() if h else text for text, h in zip(order["_label"], order["_hidden"], strict=True)],
            customdata=hidden_flags(order["_hidden"]),
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
    note_hidden(fig, int(order["_hidden"].sum()))
    note(fig, "bars")
    return apply_layout(fig, lang, height=130 + 60 * len(order))


def share_bars(df: pd.DataFrame, label: str, value: str, texts: list[str], color: str, lang: str) -> go.Figure:
    """Return horizontal bars of a percentage `value` (0-100) per `label`, in the frame's order from the
    top, with `texts` written after each bar and room on the right for them; a value about fewer than 5
    people has no bar and reads "<5"."""
    df, hidden = rows_for_chart(df)
    secret = hidden[value]
    fig = go.Figure(
        go.Bar(
            x=df[value].where(~secret, 0),
            y=df[label],
            orientation="h",
            marker={"color": color},
            text=[privacy.marker() if h else text for text, h in zip(texts, secret, strict=True)],
            customdata=hidden_flags(secret),
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    ticks = list(range(0, 101, 20))
    fig.update_xaxes(  # ticks up to 100% only; the rest of the axis is room for the texts after the bars
        range=[0, SHARE_AXIS_END],
        tickvals=ticks,
        ticktext=[fmt.percent(v, lang, 0) for v in ticks],
        title=None,
    )
    fig.update_yaxes(autorange="reversed", automargin=True, title=None)
    note_hidden(fig, int(secret.sum()))
    note(fig, "bars")
    return apply_layout(fig, lang, height=130 + 40 * len(df))
