"""How every chart looks: one colour, marker symbol, line dash and bar pattern per city, the colours of the
predikat and activity kinds, and the common layout (large type for a projector, the reader's number
separators, legend on top)."""

from __future__ import annotations

import numbers

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from analytics.present.formatting import plotly_separators

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
KELOMPOK_COLORS = {  # kinds of activity in a fixed order; shares are written on the bars
    "klasikal": "#332288",
    "e-learning": "#88ccee",
    "mentoring/coaching": "#117733",
    "kemitraan perguruan tinggi": "#ddcc77",
    "nonklasikal lain": "#aa4499",
}
NEUTRAL = "#555555"  # marks that belong to no city (the intervals of a forest plot without cities)
CONTEXT = "#c4c4c4"  # the other cities when many are compared: grey context behind the focus city
SPREAD = "rgba(85, 85, 85, 0.16)"  # the band between the peers' first and third quartile


def city_styles(all_kota: list[str], many: bool = False, focus: str | None = None) -> dict[str, dict]:
    """Return a fixed colour, symbol, dash and bar pattern per city, by the city's place in the full
    sorted list, so a city looks the same on every page whatever the filter.

    When `many` cities are compared, more than fit side by side (PageContext.many), the `focus` city keeps the first
    colour and every other city is grey context (`"context": True`), so no chart needs more than a handful
    of colours or legend entries."""
    if many:
        first = {"color": PALETTE[0], "symbol": SYMBOLS[0], "dash": DASHES[0], "pattern": PATTERNS[0]}
        context = {"color": CONTEXT, "symbol": "circle", "dash": "solid", "pattern": "", "context": True}
        return {kota: dict(first) if kota == focus else dict(context) for kota in all_kota}
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


def apply_layout(fig: go.Figure, lang: str, height: int = 420, y_title: str | None = None) -> go.Figure:
    """Apply the layout every chart shares and return `fig`: large font, the number separators of `lang`,
    `height` pixels, legend on top, no SI suffixes on the axes, bar texts slightly smaller than the font and,
    when given, the title of the y axis (the white template is the default, set above)."""
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
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        if axis.title.text == "":  # an empty title still takes its room beside the axis
            axis.title.text = None
    fig.update_layout(margin=label_room(fig))
    return fig


# The room the axes' labels take on screen, measured in the app: Streamlit's chart theme writes tick labels at
# 12 px (5.4-5.5 px a character in numbers, 5.3-5.6 in words, '%' 9 px); Plotly leaves 19 px beside the y labels,
# 53 px with an axis title; a row of x labels under the chart takes 35-42 px, 65 px with a title. A few pixels
# over each: a guess short by one pixel costs the second drawing it is meant to save.
DIGIT_PX, LETTER_PX, SLACK, BESIDE_TICKS, BESIDE_TITLE, UNDER_TICKS, UNDER_TITLE = 6.0, 5.8, 4, 19, 53, 42, 68
SHORT_LABEL, FEW_LABELS = 12, 8  # x labels that stay level under the chart (no turning) at half a page's width
# Wider labels (agencies' names) are left to automargin: on a phone it gives the plot its share of the width and
# cuts the labels, where a margin set for them would leave the plot a sliver.
WIDEST_GUESS = 160


def label_room(fig: go.Figure) -> dict[str, int]:
    """Return the left and bottom margins that the tick labels of `fig` will take on screen, where the figure
    tells them (one x and one y axis; y labels of numbers or short words; x labels of numbers or a few short words,
    under the chart): so Plotly's automargin finds nothing to widen and draws the chart once, not twice (52 ms -> 20 ms
    a trend chart in Chromium). Where a guess falls short (a phone, where labels turn), or nothing is guessed,
    automargin widens the margin as before: a label is never cut, the chart is only drawn twice."""
    layout, room = fig.layout, {}
    if "xaxis2" in layout or "yaxis2" in layout:  # small multiples: axes of their own
        return room
    y, x = _axis_values(fig, "y"), _axis_values(fig, "x")
    if y:
        beside = BESIDE_TITLE if layout.yaxis.title.text else BESIDE_TICKS
        left = round(_label_px(y, layout.yaxis.range, layout.yaxis.ticksuffix)) + beside + SLACK
        if left <= WIDEST_GUESS:
            room["l"] = left
    level = all(_is_number(v) for v in x) or (len(set(x)) <= FEW_LABELS and all(len(str(v)) <= SHORT_LABEL for v in x))
    if x and level and layout.xaxis.side != "top":
        if layout.xaxis.showticklabels is False:  # the title alone, or nothing
            room["b"] = UNDER_TICKS if layout.xaxis.title.text else 10
        else:
            room["b"] = UNDER_TITLE if layout.xaxis.title.text else UNDER_TICKS
    return room


def _axis_values(fig: go.Figure, axis: str) -> list:
    """Return every value the traces of `fig` put on `axis` ('x' or 'y'); empty when one of them draws on another
    axis, or when the bars are stacked along it without a fixed range (their sums are in no trace)."""
    values = []
    for trace in fig.data:
        if getattr(trace, f"{axis}axis", axis) not in (axis, None):
            return []
        on_axis = getattr(trace, axis, None)
        values += [v for v in (() if on_axis is None else on_axis) if v is not None]
    bars = [t for t in fig.data if t.type == "bar"]
    along = "x" if any(t.orientation == "h" for t in bars) else "y"  # the axis the bars' lengths are read on
    stacked = bars and fig.layout.barmode in ("stack", "relative") and axis == along
    fixed = (fig.layout.yaxis if axis == "y" else fig.layout.xaxis).range is not None
    return [] if stacked and not fixed else values


def _is_number(value: object) -> bool:
    """Return True for a number that is not missing (numpy's too), False for a word, a flag or NaN."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_) and value == value


def _label_px(values: list, fixed: tuple | None, suffix: str | None) -> float:
    """Return how wide the longest tick label of an axis of `values` is on screen: the longest word of a category
    axis, else the largest number Plotly's ticks may reach (a tenth over the largest value, or the fixed range),
    with its thousands separators, sign and `suffix` ('%' counts twice)."""
    amounts = [float(v) for v in values if _is_number(v)]
    if len(amounts) < len(values):
        return max(len(str(v)) for v in values) * LETTER_PX
    top = max(abs(v) for v in (fixed or amounts))
    reach = top if fixed else top * 1.1
    digits = f"{reach:,.0f}" if reach >= 10 else "0.25"  # a small range is ticked in decimals
    chars = len(digits) + any(v < 0 for v in amounts) + len(suffix or "") + (suffix or "").count("%")
    return chars * DIGIT_PX
