"""Chart builders for the analysis pages: DataFrame in, Plotly figure out; no Streamlit, no queries.

Same rules as analytics.charts (whose helpers they use): one colour, marker and dash per city, values
written on the chart, so meaning never depends on colour alone; every builder and every label function runs
the small-group rule (analytics.privacy) on the frame it is given, so a value about fewer than 5 people reads
"<5" in a label and is never drawn.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from analytics import metrics, privacy
from analytics.present import formatting as fmt
from analytics.present.charts import FONT_SIZE, _style, city_styles, hidden_flags, note_hidden, note_kind, trend
from analytics.texts import t

NEUTRAL = "#555555"
SHARE_AXIS_END = 160  # share_bars: the value axis runs to 160% so a bar at 100% leaves room for its text


def _shown(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (values, hidden) of `df` under the small-group rule, rows numbered from 0."""
    return privacy.for_chart(df.reset_index(drop=True))


def _text(value: object, hidden: bool, render) -> str:
    """Return '<5' for a hidden value, else the rendered value."""
    return privacy.marker() if hidden else render(value)


def _labels(df: pd.DataFrame, keys: list[str], write: Callable[[pd.Series, pd.Series], str]) -> list[str]:
    """Return `write(row, hidden)` per row of `df` under the small-group rule (row values with hidden cells
    missing, and which cells are hidden), or '<5' for a row whose `keys` are hidden."""
    shown, hidden = _shown(df)
    return [privacy.marker() if hidden.loc[i, keys].any() else write(r, hidden.loc[i]) for i, r in shown.iterrows()]


def comparison_texts(df: pd.DataFrame, lang: str = "id") -> list[str]:
    """Return 'difference: a vs b (n = a / b)' per row of an analytics.metrics.compare_cells result; a
    figure about fewer than 5 people reads '<5'."""

    def write(r: pd.Series, hidden: pd.Series) -> str:
        count = lambda v: fmt.number(v, lang)  # noqa: E731
        return t(
            "an_did_label",
            lang,
            diff=fmt.points(r.selisih, lang),
            a=fmt.percent(r.persen_a, lang),
            b=fmt.percent(r.persen_b, lang),
            n_a=_text(r.n_a, hidden["n_a"], count),
            n_b=_text(r.n_b, hidden["n_b"], count),
        )

    return _labels(df, ["selisih"], write)


def mean_texts(df: pd.DataFrame, lang: str = "id") -> list[str]:
    """Return 'mean (n = n)' per row of an analytics.metrics.mean_ci result; '<5' for fewer than 5 people."""
    return _labels(
        df, ["rata"], lambda r, _: t("an_points_n", lang, value=fmt.number(r.rata, lang, 1), n=fmt.number(r.n, lang))
    )


def gap_labels(gap: pd.DataFrame, lang: str = "id") -> list[str]:
    """Return 'Rp cost for N JP' per row of an analytics.analysis.gap result ('<5' for a small city)."""

    def write(r: pd.Series, _: pd.Series) -> str:
        return t(
            "an_gap_label",
            lang,
            cost=fmt.rupiah(r.biaya_menutup_kesenjangan, lang),
            jp=fmt.number(r.kekurangan_jp, lang),
        )

    return _labels(gap, ["kekurangan_jp"], write)


def floor_labels(floor: pd.DataFrame, lang: str = "id") -> list[str]:
    """Return 'signed difference from the 0.16% APBD floor (share of APBD)' per row of an
    analytics.analysis.gap result, e.g. '-Rp 781,1 jt (0,12% APBD)', in the frame's order (money and APBD
    figures, not about people, so nothing reads '<5')."""
    return [
        t(
            "an_floor_label",
            lang,
            diff=signed_rupiah(r.selisih_target_016, lang),
            share=fmt.percent(r.persen_apbd, lang, 2),
        )
        for r in floor.itertuples()
    ]


def opd_labels(opds: pd.DataFrame, lang: str = "id") -> list[str]:
    """Return 'share (change since the start; N JP missing)' per row of an analytics.analysis.opd_gap
    result; '<5' where the agency's figures describe fewer than 5 people."""

    def write(r: pd.Series, hidden: pd.Series) -> str:
        change = _text(r.persen_20jp - r.persen_20jp_awal, hidden["persen_20jp_awal"], lambda v: fmt.points(v, lang, 0))
        return t(
            "an_opd_label",
            lang,
            share=fmt.percent(r.persen_20jp, lang, 0),
            change=change,
            jp=fmt.number(r.kekurangan_jp, lang),
        )

    return _labels(opds, ["persen_20jp", "kekurangan_jp"], write)


def share_of_whole(df: pd.DataFrame, part: str, whole: str) -> float | None:
    """Return 100 x part / whole of the first row of `df` (e.g. a city's share reaching 20 JP, drawn as the
    reference line of its agencies), None when either is hidden or missing."""
    shown, _ = _shown(df.head(1))
    if shown.empty or fmt.is_missing(shown.at[0, part]) or not shown.at[0, whole]:
        return None
    return 100 * float(shown.at[0, part]) / float(shown.at[0, whole])


def readiness_totals(totals: pd.DataFrame, lang: str = "id") -> str:
    """Return one sentence per city of an analytics.queries.readiness_by_city result: its share of civil
    servants trained for disasters, 'n of total' ('<5' when small)."""
    shown, hidden = _shown(totals)
    return " ".join(
        t(
            "an_readiness_total",
            lang,
            kota=r.kota,
            share=_text(r.persen_terlatih, hidden.at[i, "persen_terlatih"], lambda v: fmt.percent(v, lang)),
            n=_text(r.asn_terlatih, hidden.at[i, "asn_terlatih"], lambda v: fmt.number(v, lang)),
            total=_text(r.jumlah_asn, hidden.at[i, "jumlah_asn"], lambda v: fmt.number(v, lang)),
        )
        for i, r in zip(shown.index, shown.itertuples(), strict=True)
    )


def correlation_names(units: pd.DataFrame, x: str, y: str, lang: str = "id") -> dict[str, str]:
    """Return per city 'kota (r = .., n OPD)': the correlation of x and y over the agencies drawn (those
    whose values describe at least 5 people), for the legend of `scatter_by_city`."""
    shown, _ = _shown(units)
    return {
        kota: t("an_r", lang, kota=kota, r=fmt.number(r, lang, 2), n=n)
        for kota, (r, n) in metrics.correlation_by(shown.dropna(subset=[x, y]), "kota", x, y).items()
    }


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
    note_kind(fig, "curves")
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
    has a kota column; a dashed line marks zero (no difference). A row about fewer than 5 people keeps its
    place but has no marker and no interval, only "<5"."""
    shown, hidden = _shown(df)
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
    note_kind(fig, "intervals")
    return _style(fig, lang, height=140 + 62 * len(shown))


def comparison(compared: pd.DataFrame, styles: dict[str, dict], lang: str = "id") -> go.Figure:
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
    lang: str = "id",
    x_title: str = "",
    y_title: str = "",
    names: dict[str, str] | None = None,
) -> go.Figure:
    """Return a scatter of `y` against `x`, one marker colour and symbol per city (legend names from
    `names`, e.g. with the city's correlation), `hover` naming each point; a point whose x or y describes
    fewer than 5 people is not drawn."""
    shown, hidden = _shown(df)
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
    note_kind(fig, "points")
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
    note_kind(fig, "curve", x_suffix="%")
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
    tahun, each with its own colour, marker and dash, and an optional dashed reference line. The frame is
    suppressed as given (its breakdown by `series`) before the series become lines."""
    lines = privacy.suppress(df).drop(columns=["kota"], errors="ignore").rename(columns={series: "kota"})
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
    (already formatted) written beyond the end of each bar; the axis is padded so labels fit. A value about
    fewer than 5 people has no bar, reads "<5" and comes last."""
    shown, hidden = _shown(df)
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
    return _style(fig, lang, height=130 + 60 * len(order))


def signed_rupiah(value: float | None, lang: str = "id") -> str:
    """Return a Rupiah amount with its sign in front ('-Rp 781,1 jt', '+Rp 22,3 jt')."""
    return fmt.signed(value, lambda v: fmt.rupiah(v, lang))


def share_bars(df: pd.DataFrame, label: str, value: str, texts: list[str], color: str, lang: str = "id") -> go.Figure:
    """Return horizontal bars of a percentage `value` (0-100) per `label`, in the frame's order from the
    top, with `texts` written after each bar and room on the right for them; a value about fewer than 5
    people has no bar and reads "<5"."""
    df, hidden = _shown(df)
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
    return _style(fig, lang, height=130 + 40 * len(df))


def lorenz_points(points: pd.DataFrame, gap: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Return the Lorenz points (analytics.queries.lorenz) of every city whose Gini is shown, with a `label`
    'kota (Gini 0,32)' from `gap` (one row per city, gini_jp beside jumlah_pns). A city whose Gini is hidden
    because it has fewer than 5 PNS gets no curve: its points would show each person's JP."""
    shown, hidden = _shown(gap)
    names = {
        r.kota: f"{r.kota} (Gini {fmt.number(r.gini_jp, lang, 2)})"
        for i, r in zip(shown.index, shown.itertuples(), strict=True)
        if not hidden.at[i, "gini_jp"]
    }
    points = points[points["kota"].isin(names)].reset_index(drop=True)
    return points.assign(label=points["kota"].map(names))


def n_labels(df: pd.DataFrame, label: str, n: str, lang: str = "id") -> list[str]:
    """Return 'label (n = 120)' per row, 'label (n <5)' where the number is about fewer than 5 people."""

    def write(r: pd.Series, hidden: pd.Series) -> str:
        return f"{r[label]} (n {_text(r[n], hidden[n], lambda v: '= ' + fmt.number(v, lang))})"

    return _labels(df, [], write)
