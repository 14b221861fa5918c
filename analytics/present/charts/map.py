"""The map of the kota compared: Indonesia's islands drawn as filled outlines on ordinary lon/lat axes (equal
aspect), each kota a dot at its centre, coloured and sized by a headline measure (the darker and larger, the
better), the reader's city ringed and named, the highest and lowest named too.

It works offline: the outline and the kota's coordinates ship in geo/ (where they come from, and their licences,
in geo/README.md; scripts/map_data.py makes them). Plotly's geo traces are not used: they fetch their base map from
a CDN when drawn.

A map never carries a meaning alone: colour and size say the same value, every value is in the hover and in the
ranked table the page shows under it, and `describe` says the highest, the lowest and the reader's city in words.
A value hidden as '<5' (analytics.privacy) is never coloured: its kota is an empty grey circle, like a kota
without data, and the text alternative counts them together.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics import privacy
from analytics.present import formatting as fmt
from analytics.present.charts.hidden import hidden_flags, rows_for_chart
from analytics.present.charts.style import FONT_SIZE, apply_layout
from analytics.present.charts.text_alternative import as_list, note, note_hidden
from analytics.present.measures import BY_COLUMN, PERCENT, RUPIAH, Measure
from analytics.texts import t

GEO = Path(__file__).resolve().parent / "geo"
SEA = "#eef3f8"
LAND = "#d4d4d4"  # Indonesia
COAST = "#9a9a9a"
NEIGHBOUR = "#e9e9e9"  # the land around, lighter: context only
# Sequential and colour-blind safe (viridis, without its palest yellow so every dot stands out on the grey land);
# the first colour is the worst value, the last the best: dark = better for every measure.
SCALE = ("#d2e21b", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154")
OUTLINE = "#1a1a1a"  # every dot's edge, 3:1 and more against land and sea whatever its fill
NO_VALUE = "#767676"  # 3:1 and more against land and sea: an empty circle is seen without colour
TEXT = "#31333f"  # the colour bar's words, as dark as the page's text (Streamlit's chart theme would make them grey)
SIZES = (9, 22)  # the worst value's dot and the best's, in pixels
FOCUS_RING = 34
EDGE = 6  # degrees from the frame's side within which a label opens towards the middle
HEIGHT = 450  # the frame at 900 px wide (a laptop beside the sidebar) and the colour bar above it
WITH_VALUE, NO_VALUE_TRACE, FOCUS_TRACE = "map_with_value", "map_no_value", "map_yours"  # trace names' text keys


@dataclass(frozen=True)
class Place:
    """Where a kota is drawn."""

    provinsi: str
    lat: float
    lon: float


@cache
def places() -> dict[str, Place]:
    """Return the centre of every kota of geo/kota.csv (demo/national.py KOTA, its source in each row)."""
    with (GEO / "kota.csv").open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {r["kota"]: Place(r["provinsi"], float(r["lat"]), float(r["lon"])) for r in rows}


@cache
def outline() -> dict:
    """Return geo/indonesia.json: `indonesia` and `neighbours`, lists of rings as flat [lon, lat, lon, lat, ...],
    and `frame` (lon west, lon east, lat south, lat north)."""
    return json.loads((GEO / "indonesia.json").read_text(encoding="utf-8"))


@cache
def _rings(part: str) -> tuple[np.ndarray, np.ndarray]:
    """Return the lon and lat arrays of every ring of `part` of the outline ('indonesia' or 'neighbours'), each ring
    closed and followed by a gap (NaN): numpy arrays, which Plotly takes without checking them value by value."""
    xs: list[float] = []
    ys: list[float] = []
    for ring in outline()[part]:
        xs += [*ring[0::2], ring[0], math.nan]
        ys += [*ring[1::2], ring[1], math.nan]
    return np.array(xs), np.array(ys)


def _land(part: str, fill: str, width: float) -> go.Scatter:
    """Return one filled trace drawing every ring of `part` of the outline, not hoverable and not in the legend."""
    xs, ys = _rings(part)
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        fillcolor=fill,
        line={"color": COAST, "width": width},
        hoverinfo="skip",
        showlegend=False,
    )


def kota_map(df: pd.DataFrame, column: str, lang: str, focus: str | None = None, year: int | None = None) -> go.Figure:
    """Return the map of the kota of `df` (one row per kota; with `year`, its rows of that year), each a dot at its
    centre coloured and sized by `column`, a headline measure of analytics.present.measures (dark and large is
    better, whichever way the measure is better; the colour bar under the map gives the values), the `focus` city
    ringed and named, the highest and lowest named. A kota whose value is '<5' or missing is an empty grey circle.

    The dots with a value are one trace (its `ids` the kota, `text` their written values, `marker.color` the
    values); a kota without coordinates in geo/kota.csv is left out and counted in layout.meta (`describe`)."""
    measure = BY_COLUMN[column]
    rows = df if year is None or "tahun" not in df else df[df["tahun"] == year]
    where = places()
    placed = rows[rows["kota"].isin(where.keys())]
    unplaced = sorted(set(rows["kota"]) - set(where))
    shown, hidden = rows_for_chart(placed[["kota", column]])
    has_value = shown[column].notna()
    valued, empty = shown[has_value], shown[~has_value]
    fig = go.Figure([_land("neighbours", NEIGHBOUR, 0.4), _land("indonesia", LAND, 0.6)])
    fig.add_trace(_valued(valued, measure, lang))
    fig.add_trace(_empty(empty, hidden.loc[empty.index, column], measure, lang))
    if focus in set(shown["kota"]):
        fig.add_trace(_focus(focus, lang))
    _name_extremes(fig, valued, measure, focus, lang)
    _frame(fig)
    note(fig, "points")
    note_hidden(fig, int(hidden[column].sum()))
    meta = dict(fig.layout.meta)
    meta["map"] = {"column": column, "focus": focus, "empty": len(empty), "unplaced": unplaced}
    fig.update_layout(meta=meta)
    fig = apply_layout(fig, lang, height=HEIGHT)
    fig.update_layout(
        margin={"l": 0, "r": 0, "t": 100, "b": 0},  # the colour bar, its ticks and its title above the map
        plot_bgcolor=SEA,
        legend={"itemsizing": "constant"},
        hoverlabel={"font_size": FONT_SIZE - 2},
    )
    return fig


def _valued(valued: pd.DataFrame, measure: Measure, lang: str) -> go.Scatter:
    """Return the trace of the kota with a value: colour and size say the value, dark and large the better."""
    where = places()
    values = valued[measure.column].astype(float)
    low, high = (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)
    span = (high - low) or 1.0
    goodness = (values - low) / span if measure.higher_is_better else (high - values) / span
    sizes = SIZES[0] + goodness * (SIZES[1] - SIZES[0]) if len(values) else []
    written = [measure.write(v, lang) for v in values]
    colours = list(SCALE) if measure.higher_is_better else list(reversed(SCALE))
    name = t(measure.label, lang)
    return go.Scatter(
        x=[where[k].lon for k in valued["kota"]],
        y=[where[k].lat for k in valued["kota"]],
        ids=list(valued["kota"]),
        text=written,
        customdata=hidden_flags([False] * len(valued)),
        hovertext=[
            f"<b>{k}</b> · {where[k].provinsi}<br>{name}: {w}" for k, w in zip(valued["kota"], written, strict=True)
        ],
        hovertemplate="%{hovertext}<extra></extra>",
        mode="markers",
        name=t(WITH_VALUE, lang),
        showlegend=False,
        marker={
            "color": list(values),
            "colorscale": [[i / (len(colours) - 1), c] for i, c in enumerate(colours)],
            "cmin": low,
            "cmax": high,
            "size": list(sizes),
            "line": {"color": OUTLINE, "width": 1},
            "opacity": 0.95,
            "colorbar": {
                "title": {"text": t("map_scale", lang, measure=name), "side": "top", "font": {"color": TEXT}},
                "orientation": "h",
                "x": 0.5,
                "xanchor": "center",
                "y": 1.0,
                "yanchor": "bottom",
                "len": 0.6,
                "thickness": 14,
                "tickfont": {"size": FONT_SIZE - 3, "color": TEXT},
                "ticksuffix": "%" if measure.unit == PERCENT else "",
                "tickprefix": t("fmt_currency", lang) + " " if measure.unit == RUPIAH else "",
                "separatethousands": True,
                "exponentformat": "none",
            },
        },
    )


def _empty(empty: pd.DataFrame, secret: pd.Series, measure: Measure, lang: str) -> go.Scatter:
    """Return the trace of the kota without a value: empty grey circles, '<5' or '–' in the hover, no colour."""
    where = places()
    said = [privacy.marker() if s else fmt.MISSING for s in secret]
    name = t(measure.label, lang)
    return go.Scatter(
        x=[where[k].lon for k in empty["kota"]],
        y=[where[k].lat for k in empty["kota"]],
        ids=list(empty["kota"]),
        customdata=hidden_flags(list(secret)),
        hovertext=[
            f"<b>{k}</b> · {where[k].provinsi}<br>{name}: {s}" for k, s in zip(empty["kota"], said, strict=True)
        ],
        hovertemplate="%{hovertext}<extra></extra>",
        mode="markers",
        name=t(NO_VALUE_TRACE, lang),
        showlegend=False,  # the caption says what an empty circle is
        marker={"symbol": "circle-open", "size": 10, "color": NO_VALUE, "line": {"width": 2}},
    )


def _focus(focus: str, lang: str) -> go.Scatter:
    """Return a black ring around the reader's city (its dot stays coloured under it), in the legend."""
    place = places()[focus]
    return go.Scatter(
        x=[place.lon],
        y=[place.lat],
        mode="markers",
        name=t("st_yours", lang, kota=focus),
        hoverinfo="skip",
        showlegend=False,  # named beside it
        marker={"symbol": "circle-open", "size": FOCUS_RING, "color": "#000000", "line": {"width": 3}},
    )


def _name_extremes(fig: go.Figure, valued: pd.DataFrame, measure: Measure, focus: str | None, lang: str) -> None:
    """Write the name and value of the focus city, the highest and the lowest beside their dots (white boxes)."""
    where = places()
    labelled: dict[str, str] = {}
    if len(valued):
        by_value = valued.sort_values([measure.column, "kota"])
        labelled[by_value["kota"].iloc[-1]] = ""
        labelled[by_value["kota"].iloc[0]] = ""
    if focus is not None:
        labelled[focus] = "focus"
    values = dict(zip(valued["kota"], valued[measure.column], strict=True))
    for kota, kind in labelled.items():
        value = values.get(kota)
        written = fmt.MISSING if value is None else measure.write(value, lang)
        name = t("st_yours", lang, kota=kota) if kind == "focus" else kota
        place = where[kota]
        west, east, _, _ = outline()["frame"]
        side = "left" if place.lon < west + EDGE else "right" if place.lon > east - EDGE else "center"
        fig.add_annotation(
            xanchor=side,  # a label near the frame's edge opens towards the middle, not off the map
            x=place.lon,
            y=place.lat,
            text=f"<b>{name}</b>: {written}" if kind == "focus" else f"{name}: {written}",
            showarrow=True,
            arrowhead=0,
            arrowcolor=OUTLINE,
            ax=0,
            ay=-42 if place.lat < 0 else 42,
            bgcolor="rgba(255,255,255,0.92)",
            bordercolor=OUTLINE,
            borderwidth=1,
            font={"size": FONT_SIZE - 3, "color": "#000000"},
        )


def _frame(fig: go.Figure) -> None:
    """Show Indonesia's frame at equal scale in both directions (a degree of longitude as long as one of
    latitude, which near the equator is true), without axes: a map has no ticks."""
    west, east, south, north = outline()["frame"]
    hidden_axis = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
    fig.update_xaxes(range=[west, east - 0.5], constrain="domain", **hidden_axis)
    fig.update_yaxes(
        range=[south + 0.2, north - 0.3],
        scaleanchor="x",
        scaleratio=1,
        constrain="domain",
        constraintoward="top",  # on a narrow screen the room left over is under the map, not between it and the bar
        **hidden_axis,
    )


def describe(fig: go.Figure, lang: str) -> str:
    """Return the map's text alternative in `lang`: what it shows, for how many kota, by which measure; the highest
    and the lowest value drawn (with their kota); the reader's city and its value; how many kota have no value
    ('<5' or no data: never which of them is which) and which are not on the map. It reads only what the figure
    draws (the dots with a value), so it never tells a hidden value."""
    meta = fig.layout.meta["map"]
    measure = BY_COLUMN[meta["column"]]
    valued = next(tr for tr in fig.data if tr.name == t(WITH_VALUE, lang))
    empty = next(tr for tr in fig.data if tr.name == t(NO_VALUE_TRACE, lang))
    names, texts = as_list(valued.ids), as_list(valued.text)
    values = [float(v) for v in as_list(valued.marker.color)]
    n = len(names) + len(as_list(empty.ids))
    sentences = [t("map_summary", lang, n=fmt.number(n, lang), measure=t(measure.label, lang))]
    if values:
        high = max(range(len(values)), key=lambda i: (values[i], names[i]))
        low = min(range(len(values)), key=lambda i: (values[i], names[i]))
        said = {i: f"{names[i]} {texts[i]}" for i in (high, low)}
        sentences.append(t("ch_range", lang, high=said[high], low=said[low]))
    else:
        sentences.append(t("ch_nothing", lang))
    focus = meta.get("focus")
    if focus in names:
        sentences.append(t("map_focus", lang, kota=focus, value=texts[names.index(focus)]))
    elif focus in as_list(empty.ids):
        sentences.append(t("map_focus_none", lang, kota=focus))
    if meta.get("empty"):
        sentences.append(t("map_missing", lang, n=fmt.number(meta["empty"], lang)))
    if meta.get("unplaced"):
        unplaced = meta["unplaced"]
        sentences.append(t("map_unplaced", lang, n=fmt.number(len(unplaced), lang), names=", ".join(unplaced)))
    return t("ch_summary", lang, text=" ".join(sentences))
