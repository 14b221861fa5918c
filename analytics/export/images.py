"""Chart images: Plotly figures to PNG with kaleido and the system Chromium, offline.

One headless browser is started per batch of figures (about 2-3 s), then each figure takes about
0.2 s. Without Chromium, `available()` is False and `png()` raises `ImagesUnavailable`.
"""

from __future__ import annotations

import asyncio
import shutil
import threading

import plotly.graph_objects as go

from analytics.charts import FONT_SIZE

WIDTH, HEIGHT, SCALE = 1100, 470, 2  # logical pixels of one chart; PNG is SCALE times larger
PRINT_FONT = 22  # chart text on a slide, ~18 pt when the picture spans a 16:9 slide


class ImagesUnavailable(RuntimeError):
    """Raised when chart images are asked for and no Chromium can be found."""


def chromium_path() -> str | None:
    """Return the Chromium (or Chrome) executable kaleido will use, or None when there is none."""
    try:
        from choreographer.browsers.chromium import Chromium

        return Chromium.find_browser(skip_local=False)
    except ImportError:  # pragma: no cover - choreographer comes with kaleido
        return shutil.which("chromium") or shutil.which("chromium-browser")


def available() -> bool:
    """Return True when PNG images (and so the deck and the PDF) can be made on this machine."""
    return chromium_path() is not None


def for_print(figure: go.Figure, width: int = WIDTH, height: int = HEIGHT) -> go.Figure:
    """Return a copy of `figure` sized for a slide or a page, with every text larger for reading from a
    distance and a white background."""
    fig = go.Figure(figure)
    grow = PRINT_FONT - FONT_SIZE
    fig.update_layout(width=width, height=height, font_size=PRINT_FONT, paper_bgcolor="white", plot_bgcolor="white")
    for trace in fig.data:
        size = getattr(getattr(trace, "textfont", None), "size", None)
        if size is not None:
            trace.textfont.size = size + grow
    for annotation in fig.layout.annotations:
        annotation.font.size = (annotation.font.size or FONT_SIZE) + grow
    panels = [name for name in fig.layout if name.startswith("xaxis")]
    if len(panels) > 2:  # one panel per city: smaller year ticks keep them upright
        fig.update_xaxes(tickfont_size=PRINT_FONT - 6, tickangle=0)
    # The legend sits above any reference-line label (e.g. the dashed 20 JP line).
    fig.update_layout(legend_y=max(fig.layout.legend.y or 1.02, 1.1), margin_t=max(fig.layout.margin.t or 0, 90))
    return fig


async def _render(figures: list[go.Figure], scale: int) -> list[bytes]:
    import kaleido

    async with kaleido.Kaleido(n=1, mathjax=False) as k:
        return [await k.calc_fig(fig, opts={"format": "png", "scale": scale}) for fig in figures]


def png(figures: list[go.Figure], scale: int = SCALE) -> list[bytes]:
    """Return one PNG per figure, in order, rendered at the figure's own width and height x `scale`.

    Runs in its own thread with its own event loop, so it works inside Streamlit and from scripts alike.
    Raises ImagesUnavailable when there is no Chromium.
    """
    if not figures:
        return []
    if not available():
        raise ImagesUnavailable("Chromium not found: install the Debian package `chromium`")
    result: dict[str, object] = {}

    def work() -> None:
        try:
            result["images"] = asyncio.run(_render(figures, scale))
        except BaseException as error:  # handed back to the caller's thread
            result["error"] = error

    thread = threading.Thread(target=work, name="kaleido")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["images"]  # type: ignore[return-value]
