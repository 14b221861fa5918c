"""The distribution of many cities on one headline measure, when no city is the reader's: a strip of dots, one per
city, with the median drawn as a black line and the middle half (first to third quartile) as a grey band, both
written on the chart; one province's cities as named diamonds and the province's value (its cities together) as a
dashed line, both in the legend, so nothing is told by colour alone. A city whose value describes fewer than 5
people is not drawn, and the figure counts it.

Its text alternative names the median, the quartiles, the best and the lagging cities: the builder writes it into
layout.meta (kind STRIP) and `describe` of analytics.present.charts reads it back.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import metrics, privacy
from analytics.present.charts.hidden import rows_for_chart
from analytics.present.charts.labels import name_list
from analytics.present.charts.style import FONT_SIZE, PALETTE, apply_layout
from analytics.present.measures import PERCENT, RUPIAH, Measure
from analytics.texts import t

STRIP = "strip"  # the kind a strip records in layout.meta (its text alternative is kept beside it)
DOT = "#7a7a7a"  # the other cities: 4.3:1 on white, a graphic that reads on a projector (WCAG 1.4.11 asks 3:1)
MIDDLE_HALF = "rgba(85, 85, 85, 0.13)"  # the band from the first to the third quartile
JITTER = 0.42  # how far from the middle line a dot may sit, so dots of equal value stay apart (y is meaningless)
GOLDEN = 0.6180339887  # spreads the dots' heights evenly, the same for the same data


def named(s: metrics.Standing, values: pd.DataFrame, column: str, measure: Measure, lang: str) -> tuple[str, str]:
    """Return the best and the lagging cities of standing `s` as text, each with its value ('Kota A (70,1%), Kota
    B (69,0%) dan Kota C (68,2%)'), from `values` (one row per kota, numbers only); '–' when there are none."""
    by_city = dict(zip(values["kota"], values[column], strict=True))

    def say(cities: tuple[str, ...]) -> str:
        return name_list([t("nat_named", lang, kota=k, value=measure.write(by_city[k], lang)) for k in cities], lang)

    return say(s.best) or "–", say(s.lagging) or "–"


def strip(
    values: pd.DataFrame,
    measure: Measure,
    lang: str,
    highlight: str | None = None,
    rollup: float | None = None,
) -> go.Figure:
    """Return the strip of `values` (one row per kota: kota, provinsi and the measure's column, as released: '<5'
    is not drawn) on `measure`: a dot per city, the median and the middle half drawn and written; the cities of
    province `highlight` as named diamonds and, when given, `rollup` (that province's value, its cities together)
    as a dashed line. Its text alternative (`describe`) names the median, quartiles, best and lagging cities."""
    column = measure.column
    shown, hidden = rows_for_chart(values[["kota", "provinsi", column]])
    known = shown.dropna(subset=[column]).sort_values([column, "kota"]).reset_index(drop=True)
    s = metrics.standing(known, column, None, measure.higher_is_better)
    known["y"] = [((i * GOLDEN) % 1 - 0.5) * 2 * JITTER for i in range(len(known))]
    rows = zip(known["kota"], known["provinsi"], known[column], strict=True)
    known["hover"] = [f"{k} ({p}): {measure.write(v, lang)}" for k, p, v in rows]
    mine = known["provinsi"] == highlight if highlight else pd.Series(False, index=known.index)
    fig = go.Figure()
    if s.n:
        fig.add_vrect(x0=s.q1, x1=s.q3, fillcolor=MIDDLE_HALF, line_width=0, layer="below")
    others = known[~mine]
    fig.add_trace(
        go.Scatter(
            x=others[column],
            y=others["y"],
            mode="markers",
            name=t("nat_cities", lang),
            marker={"color": DOT, "symbol": "circle", "size": 11, "line": {"width": 1, "color": "white"}},
            hovertext=others["hover"],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    if mine.any():
        ours = known[mine]
        fig.add_trace(
            go.Scatter(
                x=ours[column],
                y=ours["y"],
                mode="markers+text",
                name=t("nat_cities_of", lang, provinsi=highlight),
                marker={"color": PALETTE[0], "symbol": "diamond", "size": 16, "line": {"width": 1, "color": "white"}},
                text=ours["kota"],
                textposition=["middle right" if i % 2 else "middle left" for i in range(len(ours))],
                textfont={"size": FONT_SIZE - 3, "color": PALETTE[0], "shadow": "auto"},
                hovertext=ours["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    if highlight and rollup is not None and not pd.isna(rollup):
        fig.add_trace(
            go.Scatter(
                x=[rollup, rollup],
                y=[-0.5, 0.5],
                mode="lines",
                name=f"{t('nat_rollup', lang, provinsi=highlight)}: {measure.write(rollup, lang)}",
                line={"color": PALETTE[0], "dash": "dash", "width": 3},
                hoverinfo="skip",
            )
        )
    if s.n:
        _median_and_quartiles(fig, s, measure, lang)
    fig.update_yaxes(visible=False, range=[-0.8, 0.8], fixedrange=True)
    fig.update_xaxes(
        title=t(measure.label, lang),
        ticksuffix="%" if measure.unit == PERCENT else None,
        tickprefix=t("fmt_currency", lang) + " " if measure.unit == RUPIAH else None,
        zeroline=False,
    )
    fig.update_layout(meta={"kind": STRIP, "text": _text(s, known, measure, lang, highlight, rollup, hidden)})
    return apply_layout(fig, lang, height=330)


def _median_and_quartiles(fig: go.Figure, s: metrics.Standing, measure: Measure, lang: str) -> None:
    """Draw the median as a black line, written above the dots, and write the quartiles under the band's edges."""
    fig.add_vline(x=s.median, line_color="black", line_width=3)
    small = {"size": FONT_SIZE - 1, "color": "black"}
    fig.add_annotation(
        x=s.median,
        y=0.62,
        text=f"<b>{t('nat_median', lang, value=measure.write(s.median, lang))}</b>",
        showarrow=False,
        font=small,
        bgcolor="rgba(255,255,255,0.85)",
    )
    for value, key, anchor in ((s.q1, "nat_q1", "right"), (s.q3, "nat_q3", "left")):
        fig.add_annotation(
            x=value,
            y=-0.64,
            text=t(key, lang, value=measure.write(value, lang)),
            showarrow=False,
            xanchor=anchor,
            font={"size": FONT_SIZE - 3, "color": "#333333"},
        )


def _text(
    s: metrics.Standing,
    known: pd.DataFrame,
    measure: Measure,
    lang: str,
    highlight: str | None,
    rollup: float | None,
    hidden: pd.DataFrame,
) -> str:
    """Return the strip's text alternative: median, quartiles, best and lagging, the province and the hidden."""
    if not s.n:
        return t("ch_nothing", lang)
    best, lagging = named(s, known, measure.column, measure, lang)
    sentences = [
        t(
            "nat_strip_text",
            lang,
            n=s.n,
            measure=t(measure.label, lang),
            median=measure.write(s.median, lang),
            q1=measure.write(s.q1, lang),
            q3=measure.write(s.q3, lang),
            best=best,
            lagging=lagging,
        )
    ]
    if highlight and rollup is not None and not pd.isna(rollup):
        sentences.append(t("nat_strip_province", lang, provinsi=highlight, value=measure.write(rollup, lang)))
    count = privacy.hidden_count(hidden, [measure.column])
    if count:
        sentences.append(t("ch_hidden", lang, n=count, k=privacy.min_group()))
    return " ".join(sentences)


def is_strip(fig: go.Figure) -> bool:
    """Return True for a figure built by `strip`."""
    meta = fig.layout.meta
    return isinstance(meta, dict) and meta.get("kind") == STRIP


def describe_strip(fig: go.Figure, lang: str) -> str:
    """Return the text alternative `strip` wrote for `fig` (in the language it was built in)."""
    return t("ch_summary", lang, text=fig.layout.meta["text"])
