"""Benchmark every page in a real browser: Debian's Chromium, from the click on the page's menu entry to the
page drawn (its script has finished, its own title is on screen and every Plotly chart has its SVG), cold and warm.

    python -m benchmarks.browser --db WAREHOUSE [--fokus Pontianak] [--width 1366] [--height 900] [--repeat 3]
                                 [--pages partisipasi kesenjangan ...]

A fresh `streamlit run` serves the warehouse (tests/real_browser.py, the helpers of the browser tests). The
Ringkasan is opened first by its address (cold), then opened again by the address (warm "ringkasan, link": a
shared link, a new document) and clicked in the menu from Definisi (warm "ringkasan"); then each page is clicked
once (cold: the server has not run that page's queries yet; queries shared with earlier pages are already
cached, as they are for a person who goes from page to page), back to Ringkasan (by its address: the
presentation hides the menu), and clicked again (warm: the median of `--repeat` such clicks; a single click
varies by up to a second on two shared cores).

Every time is taken inside the page, on the browser's clock: from the click event (or the start of the
navigation, for an address) to the animation frame in which the page is first complete. The page's script
runs are seen in Streamlit's own messages on the websocket, so the warm click is also split into the wait
for the server to start the run, the run (script start to script finished, as the browser receives it; the
browser draws the deltas meanwhile) and the drawing left after it. Prints a Markdown table row by row;
these are measurements, never test assertions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the browser helpers of the test suite, one copy of them

from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from real_browser import chromium_page, serve  # noqa: E402

from settings import warehouse_path  # noqa: E402

# Every page script but the upload page (a sign-in form), Ringkasan first.
PAGES = ("ringkasan", *sorted(p.stem for p in (ROOT / "views").glob("*.py") if p.stem not in ("unggah", "ringkasan")))
# A page's own title: st.title on every page, the slide title on the presentation.
TITLE = "[data-testid=stMain] h1, [data-testid=stMain] .slide-title"
# Installed in every document before Streamlit's code: notes on the browser's clock (performance.now()) the
# last click and, from the top-level fields of Streamlit's ForwardMsg protobuf on the websocket, when a script
# run started (new_session, field 4) and finished (script_finished, field 6, unless it was stopped for a rerun).
# The DOM alone cannot tell a run: React may commit 'running' and 'notRunning' of a fast run together, so
# data-test-script-state never changes (a watch for 'running' then waited forever).
WATCH = """
(() => {
  const marks = window.__bench = {click: null, started: [], finished: []};
  document.addEventListener('click', () => { marks.click = performance.now(); }, true);
  const varint = (b, i) => {
    let x = 0, s = 0, c;
    do { c = b[i++]; x += (c & 0x7f) * 2 ** s; s += 7; } while (c & 0x80);
    return [x, i];
  };
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const at = performance.now(), b = new Uint8Array(event.data);
        for (let i = 0, tag, n; i < b.length;) {
          [tag, i] = varint(b, i);
          const wire = tag & 7, field = tag >>> 3;
          let value;
          if (wire === 0) [value, i] = varint(b, i);
          else if (wire === 2) { [n, i] = varint(b, i); i += n; }
          else if (wire === 1) i += 8;
          else if (wire === 5) i += 4;
          else break;
          if (field === 4) marks.started.push(at);
          if (field === 6 && value !== 2) marks.finished.push(at);  // 2: stopped early for a rerun
        }
      });
    }
  };
})();
"""
# True (the time on the page's clock) once a script run has finished since `since`, the app is not running, the
# page's title is there and is not `old` (the page clicked away from: right after a click the old page is still
# on screen, not running), no element is still a skeleton (Streamlit draws the chart and the table components
# lazily: in a new document the charts arrive after the run has finished) and every Plotly chart has drawn its
# SVG. Polled every animation frame.
DRAWN = """([since, old, title]) => {
  const marks = window.__bench, app = document.querySelector('[data-testid=stApp]');
  if (!marks || !marks.finished.some(t => t >= since)) return false;
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const heading = document.querySelector(title);
  if (!heading || (old !== null && heading.textContent === old)) return false;
  if (document.querySelector('[data-testid=stMain] [data-testid=stSkeleton]')) return false;
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  if (!charts.every(c => c.querySelector('.main-svg'))) return false;
  const runs = {started: marks.started.filter(t => t >= since), finished: marks.finished.filter(t => t >= since)};
  return {at: performance.now(), charts: charts.length, ...runs};
}"""
TIMEOUT_MS = 90_000  # a page not drawn by then fails its row instead of hanging the benchmark


@dataclass(frozen=True)
class Timing:
    """One measured open of a page, in seconds on the browser's clock: `total` from the click (or the start of
    the navigation) to drawn, split into `wait` (until the server's script run began), `run` (until it
    finished) and `draw` (until drawn after that); `charts` is the number of Plotly charts on the page and
    `runs` the number of script runs the open started (1 but for a page that reruns itself)."""

    total: float
    wait: float
    run: float
    draw: float
    charts: int
    runs: int


def until_drawn(page, since: float, old: str | None) -> Timing:
    """Wait until the page is drawn after the moment `since` (performance.now(), ms) with a title other than
    `old`; return its timing from `since`."""
    drawn = page.wait_for_function(DRAWN, arg=[since, old, TITLE], polling="raf", timeout=TIMEOUT_MS).json_value()
    started, finished = drawn["started"], drawn["finished"]
    began, ended = started[-1] if started else since, finished[-1]  # the last run: the one on screen
    return Timing(
        (drawn["at"] - since) / 1000,
        (began - since) / 1000,
        (ended - began) / 1000,
        (drawn["at"] - ended) / 1000,
        drawn["charts"],
        len(started),
    )


def open_address(page, url: str) -> Timing:
    """Open `url` in a new document; return the timing from the start of the navigation."""
    page.goto(url)
    return until_drawn(page, 0.0, None)  # performance.now() of a new document counts from its navigation


def click(page, name: str) -> Timing:
    """Click the menu entry of page `name`; return the timing from the click event."""
    # Ringkasan is the default page, the menu's first entry (its address is the app's root).
    entry = "" if name == "ringkasan" else f'[href$="/{name}"]'
    link = page.locator(f"[data-testid=stSidebarNav] a{entry} >> visible=true").first
    old = page.locator(TITLE).first.text_content()
    page.evaluate("window.__bench.click = null")
    link.click()
    clicked = page.evaluate("window.__bench.click")
    if clicked is None:
        raise RuntimeError(f"the click on {name} did not reach the page")
    return until_drawn(page, clicked, old)


def median(timings: list[Timing]) -> Timing:
    """Return the timing whose total is the median (the upper one of an even count): its parts add up."""
    return sorted(timings, key=lambda t: t.total)[len(timings) // 2]


def measure(
    db: Path, fokus: str | None, width: int, height: int, repeat: int = 3, pages: tuple[str, ...] = PAGES
) -> Iterator[tuple[str, Timing | str, Timing | None]]:
    """Yield (page, cold Timing, warm Timing) for each of `pages` (every page by default; Ringkasan is always
    measured, first) of the dashboard served on `db`, or (page, error message, None) for a page that was not
    drawn in time."""
    query = f"?fokus={fokus}" if fokus else ""
    with (
        tempfile.TemporaryDirectory() as tmp,
        serve(db, Path(tmp) / "streamlit.log") as url,
        chromium_page() as page,
    ):
        page.set_viewport_size({"width": width, "height": height})
        page.add_init_script(WATCH)
        home = f"{url}/{query}"
        first = open_address(page, home)
        # A shared link opened again (a new document: the app's code, the websocket, the run) ...
        yield "ringkasan, link", first, median([open_address(page, home) for _ in range(repeat)])
        # ... and Ringkasan clicked in the menu from another page, as every other page is.
        warm = []
        for _ in range(repeat):
            click(page, "definisi")
            warm.append(click(page, "ringkasan"))
        yield "ringkasan", first, median(warm)
        for name in (p for p in PAGES[1:] if p in pages):
            try:
                cold = click(page, name)
                warm = []
                for _ in range(repeat):
                    open_address(page, home)  # by the address: the presentation hides the menu
                    warm.append(click(page, name))
                yield name, cold, median(warm)
            except PlaywrightError as error:
                yield name, str(error).splitlines()[0], None
            open_address(page, home)


def main() -> None:
    """Parse arguments, measure every page, print a Markdown table row by row."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--fokus", default=None, help="the reader's city (needed with more than six cities)")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--repeat", type=int, default=3, help="warm clicks per page (their median is shown)")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=PAGES, help="only these pages (and Ringkasan)")
    args = parser.parse_args()
    db = warehouse_path(args.db)
    print(f"Warehouse: {db} (focus: {args.fokus or '-'}, {args.width} x {args.height})")
    print("Warm is split into the wait for the server to start the script, the script's run and the drawing after it.")
    print("| page | charts | cold (s) | warm (s) | warm: wait | warm: run | warm: draw after | runs per click |")
    print("|---|---|---|---|---|---|---|---|")
    for name, cold, warm in measure(db, args.fokus, args.width, args.height, args.repeat, tuple(args.pages)):
        if warm is None:
            print(f"| {name} | - | not drawn: {cold} | - | - | - | - | - |", flush=True)
            continue
        print(
            f"| {name} | {warm.charts} | {cold.total:.2f} | {warm.total:.2f} "
            f"| {warm.wait:.2f} | {warm.run:.2f} | {warm.draw:.2f} | {cold.runs}, {warm.runs} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
