"""Text alternatives of the charts: one or two sentences under every chart, in the reader's language, that
say what kind of chart it is and for whom, its highest and lowest drawn value (or, for 100% stacked bars,
the part that is largest most often) and how many values were hidden as "<5". Pages put them in the
st.caption under each chart, where screen readers reach them.

The builders know what they draw, so each records it in the figure's layout.meta (`note`, `note_hidden`):
the kind of chart, how a value the chart writes no text for is written (decimals and unit), the panels of
small multiples, the parts of 100% stacked bars and how many values it left out. `describe` reads those
notes and the values the traces draw, never a value a trace flags as hidden (hidden.HIDDEN), so it can
never tell what the chart hides. Plotly keeps layout.meta through copies and JSON and draws nothing from it.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics import privacy
from analytics.present import formatting as fmt
from analytics.present.charts.hidden import HIDDEN, SHOWN
from analytics.present.charts.labels import name_list
from analytics.texts import t

CONTEXT_GROUP = "context"  # the legend group of the grey context lines of other cities (charts.lines)

KINDS = (
    "lines",  # a line per series over years or categories (trend)
    "curve",  # one line over a numeric x with a unit, e.g. a change of budget in % (budget_curve)
    "curves",  # curves named in the legend whose points are not told one by one (lorenz)
    "points",  # a scatter, named in the legend, its points not told one by one (scatter_by_city)
    "intervals",  # one row per category with a value and its interval, categories on the y axis (intervals)
    "bars",  # bars, vertical or horizontal, side by side or in panels
    "stacked",  # 100% stacked bars
    "heatmap",  # a table-like heatmap with every value written in its cell
)


@dataclass(frozen=True)
class Notes:
    """What a figure says about itself for its text alternative (its layout.meta, see `note`)."""

    kind: str
    decimals: int | None = None  # of a value written without a text; None: none when whole, else one
    suffix: str = ""  # the unit written after such a value ("%")
    prefix: str = ""  # the unit written before such a value ("Rp ")
    texts_are_values: bool = True  # False: the text on a bar says something else (a share above a budget bar)
    x_suffix: str = ""  # kind "curve": the unit of the numeric x, written after its sign ("+50%")
    panels: tuple[str, ...] = ()  # the titles of the panels, left to right, when the figure has panels
    parts: tuple[str, ...] = ()  # kind "stacked": the names of the parts, in legend order
    hidden: int = 0  # how many values were left out or written "<5" (note_hidden)
    context: int = 0  # kind "lines": how many cities are drawn as grey context, told as a number only


def _update_meta(fig: go.Figure, **values: object) -> go.Figure:
    """Return `fig` with `values` set in its layout.meta, the keys already there kept."""
    meta = dict(fig.layout.meta or {})
    meta.update(values)
    fig.update_layout(meta=meta)
    return fig


def note(
    fig: go.Figure,
    kind: str,
    *,
    decimals: int | None = None,
    suffix: str = "",
    prefix: str = "",
    texts_are_values: bool = True,
    x_suffix: str = "",
    panels: Iterable[str] = (),
    parts: Iterable[str] = (),
    context: int = 0,
) -> go.Figure:
    """Record in `fig`'s layout.meta what it is, for its text alternative, and return `fig`: its `kind` (one of
    KINDS), how a value the chart writes no text for is written (`decimals`, None for none when the value is
    whole and one otherwise, between `prefix` and `suffix`; with `texts_are_values` False every value is written
    so, the texts drawn on bars saying something else), `x_suffix` for a curve, the titles of its `panels` and the names
    of the `parts` of stacked bars (only those given are written). The meaning of each is on `Notes`."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of chart {kind!r}; one of {', '.join(KINDS)}")
    told = {
        "decimals": decimals,
        "suffix": suffix,
        "prefix": prefix,
        "texts_are_values": None if texts_are_values else False,
        "x_suffix": x_suffix,
        "panels": [str(p) for p in panels],
        "parts": list(parts),
        "context": context or None,
    }
    return _update_meta(fig, kind=kind, **{key: value for key, value in told.items() if value not in (None, "", [])})


def note_hidden(fig: go.Figure, count: int) -> go.Figure:
    """Add `count` to the number of values the figure does not draw because they describe fewer than 5
    people (kept in layout.meta["hidden"], read by `hidden_values` and the text alternative)."""
    return _update_meta(fig, hidden=hidden_values(fig) + int(count))


def hidden_values(fig: go.Figure) -> int:
    """Return how many values of the figure were left out or written "<5" (analytics.privacy)."""
    meta = fig.layout.meta
    return int(meta.get("hidden", 0)) if isinstance(meta, dict) else 0


def read_notes(fig: go.Figure) -> Notes:
    """Return the notes a builder recorded in `fig` (`note`); a ValueError for a figure without its kind
    (one not built by analytics.present.charts)."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if meta.get("kind") not in KINDS:
        raise ValueError("the figure does not say what kind of chart it is: build it with analytics.present.charts")
    return Notes(
        kind=meta["kind"],
        decimals=meta.get("decimals"),
        suffix=meta.get("suffix") or "",
        prefix=meta.get("prefix") or "",
        texts_are_values=meta.get("texts_are_values") is not False,
        x_suffix=meta.get("x_suffix") or "",
        panels=tuple(meta.get("panels") or ()),
        parts=tuple(meta.get("parts") or ()),
        hidden=hidden_values(fig),
        context=int(meta.get("context") or 0),
    )


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


def _written(value: float, notes: Notes, lang: str) -> str:
    """Return a value the chart writes no text for as the notes say it is written (e.g. '45,3%')."""
    decimals = notes.decimals if notes.decimals is not None else (0 if value.is_integer() else 1)
    return notes.prefix + fmt.number(value, lang, decimals) + notes.suffix


def _drawn(fig: go.Figure, notes: Notes, lang: str, hidden: bool = False) -> list[_Point]:
    """Return every value the figure draws and does not hide, with the text a reader sees for it (with
    `hidden`, the hidden ones too, so stacked bars know how large their "<5" segment is)."""
    points = []
    panels = notes.panels if len(notes.panels) > 1 else ()  # one panel: nothing to tell apart
    for trace in fig.data:
        if getattr(trace, "hoverinfo", None) == "skip" or trace.legendgroup == CONTEXT_GROUP:
            continue  # a reference line (the diagonal of perfect equality), a band, grey context lines
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
        horizontal = getattr(trace, "orientation", None) == "h" or notes.kind == "intervals"
        categories, values = (ys, xs) if horizontal else (xs, ys)
        texts = as_list(trace.text) if isinstance(trace.text, list | tuple) else [None] * len(values)
        flags = as_list(trace.customdata) or [SHOWN] * len(values)
        for category, value, text, flag in zip(categories, values, texts, flags, strict=False):
            if (flag == HIDDEN and not hidden) or value is None or pd.isna(value):
                continue
            if not notes.texts_are_values or not isinstance(text, str) or not text:
                text = _written(float(value), notes, lang)
            axis = getattr(trace, "xaxis", None) or "x"
            panel = int(axis[1:] or 1) - 1
            name = _plain(category)
            if panel < len(panels) and panels[panel] != trace.name:  # small multiples: say the panel
                name = f"{name} · {panels[panel]}"
            points.append(_Point(trace.name or "", name, float(value), text, f"{axis}|{category}"))
    return points


def _kind(fig: go.Figure, notes: Notes, points: list[_Point], lang: str) -> str:
    """Return the first sentence of a text alternative: the kind of chart and whom it is about."""

    def named(key: str, names: list[str]) -> str:
        joined = name_list(names, lang)
        return t(key, lang, names=t("ch_for", lang, names=joined) if joined else "")

    in_legend_order = sorted(fig.data, key=lambda tr: tr.legendrank if tr.legendrank is not None else 1000)
    traces = [
        tr.name for tr in in_legend_order if tr.name and tr.hoverinfo != "skip" and tr.legendgroup != CONTEXT_GROUP
    ]
    if notes.kind in ("curves", "points"):
        return named(f"ch_{notes.kind}", traces)
    if notes.kind == "intervals":
        return named("ch_intervals", [_plain(c) for tr in fig.data for c in as_list(tr.y)])
    if notes.kind == "heatmap":
        return named("ch_heatmap", [_plain(c) for tr in fig.data for c in as_list(tr.x)])
    if notes.kind == "stacked":
        return t("ch_stacked", lang, parts=name_list(notes.parts, lang))
    if notes.kind in ("lines", "curve"):
        return named("ch_lines", traces)
    series = [p.series for p in points] or traces
    return named("ch_bars", series if any(series) else [p.category for p in points])


def _values(fig: go.Figure, notes: Notes, points: list[_Point], lang: str) -> str:
    """Return the second sentence: the highest and lowest value drawn, or the part of stacked bars that
    is largest most often ('' when there is nothing to compare)."""
    if notes.kind in ("curves", "points"):
        return ""
    if notes.kind == "stacked":
        largest: dict[str, _Point] = {}
        for p in _drawn(fig, notes, lang, hidden=True):
            if p.bar not in largest or p.value > largest[p.bar].value:
                largest[p.bar] = p
        told = [p.series for p in largest.values() if p.series != privacy.marker()]  # "<5" largest: not told
        if not told:
            return ""
        counts = pd.Series(told).value_counts()
        return t("ch_largest", lang, part=counts.index[0], n=int(counts.iloc[0]), total=len(largest))
    high = max(points, key=lambda p: p.value)
    low = min(points, key=lambda p: p.value)

    def say(p: _Point) -> str:
        category = p.category
        if notes.kind == "curve":  # a change on a numeric x: '+50%'
            category = fmt.signed(float(p.category), lambda v: _plain(v) + notes.x_suffix)
        return f"{' · '.join(x for x in (p.series, category) if x)}: {p.text}"

    if len(points) == 1 or high.value == low.value:
        return t("ch_one", lang, value=say(high))
    return t("ch_range", lang, high=say(high), low=say(low))


def describe(fig: go.Figure, lang: str) -> str:
    """Return a short text alternative of a figure built by analytics.present.charts, in `lang`: what kind of
    chart it is and for whom, its highest and lowest drawn value (or, for 100% stacked bars, the part that is
    largest most often), and how many values were hidden as "<5".

    It reads the builder's notes (`read_notes`) and only what the figure draws, so it can never tell a value
    the chart hides."""
    notes = read_notes(fig)
    points = _drawn(fig, notes, lang)
    sentences = [
        _kind(fig, notes, points, lang),
        _values(fig, notes, points, lang) if points else t("ch_nothing", lang),
    ]
    if notes.context:
        sentences.append(t("ch_context", lang, n=notes.context))
    if notes.hidden:
        sentences.append(t("ch_hidden", lang, n=notes.hidden, k=privacy.min_group()))
    return t("ch_summary", lang, text=" ".join(s for s in sentences if s))
