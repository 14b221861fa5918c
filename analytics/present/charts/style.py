"""How every chart looks: one colour, marker symbol, line dash and bar pattern per city, the colours of the
predikat and activity kinds, and the common layout (large type for a projector, the reader's number
separators, legend on top)."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from analytics.present.formatting import plotly_separators
from analytics.queries.filters import Filters

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


def city_styles(all_kota: list[str], f: Filters | None = None) -> dict[str, dict]:
    """Return a fixed colour, symbol, dash and bar pattern per city, by the city's place in the full
    sorted list, so a city looks the same on every page whatever the filter.

    When `f` compares more cities than fit side by side (Filters.many), the focus city keeps the first
    colour and every other city is grey context (`"context": True`), so no chart needs more than a handful
    of colours or legend entries."""
    if f is not None and f.many:
        focus = {"color": PALETTE[0], "symbol": SYMBOLS[0], "dash": DASHES[0], "pattern": PATTERNS[0]}
        context = {"color": CONTEXT, "symbol": "circle", "dash": "solid", "pattern": "", "context": True}
        return {kota: dict(focus) if kota == f.fokus else dict(context) for kota in all_kota}
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
    return fig
