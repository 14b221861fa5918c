"""Chart images: Plotly figures to PNG with kaleido and the system Chromium, offline.

One headless browser is started per batch of figures (about 2-3 s), then each figure takes about
0.2 s. Without Chromium, `available()` is False and `png()` raises `ImagesUnavailable`.
"""

from __future__ import annotations

import asyncio
import atexit
import shutil
import threading

import plotly.graph_objects as go

from analytics.present.charts import FONT_SIZE

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


class _KeptBrowser:
    """One headless Chromium kept open in this process (for the app), on its own event-loop thread.

    A lock lets one batch render at a time: concurrent downloads wait instead of mixing results.
    """

    def __init__(self) -> None:
        import kaleido

        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, name="kaleido", daemon=True).start()
        self.kaleido = kaleido.Kaleido(n=1, mathjax=False)
        self._wait(self.kaleido.open())
        atexit.register(self.close)

    def _wait(self, coroutine, timeout: float = 300):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=timeout)

    def render(self, figures: list[go.Figure], scale: int) -> list[bytes]:
        """Return one PNG per figure."""
        with self.lock:
            return [self._wait(self.kaleido.calc_fig(f, opts={"format": "png", "scale": scale})) for f in figures]

    def close(self) -> None:
        """Close the browser and stop the loop (once)."""
        atexit.unregister(self.close)
        if not self.loop.is_running():
            return
        try:
            self._wait(self.kaleido.close(), timeout=5)
        except Exception:  # noqa: BLE001 - at exit a browser that will not close must not block or shout
            pass
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)


_kept: _KeptBrowser | None = None
_kept_lock = threading.Lock()


def _kept_browser() -> _KeptBrowser:
    global _kept
    with _kept_lock:
        if _kept is None:
            _kept = _KeptBrowser()
        return _kept


def close_kept_browser() -> None:
    """Close the browser kept open by png(keep_open=True), if any."""
    global _kept
    with _kept_lock:
        if _kept is not None:
            _kept.close()
            _kept = None


def _one_shot(figures: list[go.Figure], scale: int) -> list[bytes]:
    """Render in a new browser on its own thread and event loop (works inside any caller's loop)."""
    result: dict[str, object] = {}

    def work() -> None:
        try:
            result["images"] = asyncio.run(_render(figures, scale))
        except BaseException as error:  # handed back to the caller's thread
            result["error"] = error

    thread = threading.Thread(target=work, name="kaleido-once")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["images"]  # type: ignore[return-value]


def png(figures: list[go.Figure], scale: int = SCALE, keep_open: bool = False) -> list[bytes]:
    """Return one PNG per figure, in order, rendered at the figure's own width and height x `scale`.

    `keep_open` reuses one browser for the life of the process (the app: about 3 s saved per file after
    the first); otherwise a browser is started and closed for this batch (scripts, tests).
    Raises ImagesUnavailable when there is no Chromium.
    """
    global _kept
    if not figures:
        return []
    if not available():
        raise ImagesUnavailable("Chromium not found: install the Debian package `chromium`")
    if not keep_open:
        return _one_shot(figures, scale)
    try:
        return _kept_browser().render(figures, scale)
    except Exception:  # the kept browser died (e.g. Chromium was killed): start afresh once
        with _kept_lock:
            _kept = None
        return _kept_browser().render(figures, scale)
