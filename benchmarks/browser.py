"""Benchmark every page in a real browser: Debian's Chromium, from the click on the page's menu entry to its
charts drawn (the script has finished and every Plotly chart has its SVG), cold and warm.

    python -m benchmarks.browser --db WAREHOUSE [--fokus Pontianak] [--width 1366] [--height 900]

A fresh `streamlit run` serves the warehouse (tests/real_browser.py, the helpers of the browser tests). The
Ringkasan is opened first (its time from the address to drawn is the first row); then each page is clicked
once (cold: the server has not run that page's queries yet; queries shared with earlier pages are already
cached, as they are for a person who goes from page to page), back to Ringkasan (by its address: the
presentation hides the menu), and clicked again (warm: the median of `--repeat` such clicks; a single click
varies by up to a second on two shared cores).
Prints a Markdown table; these are measurements, never test assertions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the browser helpers of the test suite, one copy of them

from real_browser import chromium_page, serve  # noqa: E402

from etl.paths import warehouse_path  # noqa: E402

# Every page script but the upload page (a sign-in form), Ringkasan first.
PAGES = ("ringkasan", *sorted(p.stem for p in (ROOT / "views").glob("*.py") if p.stem not in ("unggah", "ringkasan")))
# Every document notes when Streamlit starts running the script (window.__ran): a rerun that starts and ends
# between two polls is still seen, so a fast page is not waited for until a timeout.
WATCH_RUNS = """
window.__ran = false;
new MutationObserver(() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (app && app.getAttribute('data-test-script-state') === 'running') window.__ran = true;
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
"""
DRAWN = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!window.__ran || !app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  return [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(c => c.querySelector('.main-svg'));
}"""


def until_drawn(page, began: float) -> float:
    """Wait until the page's script has run (since window.__ran was last cleared) and every chart is drawn;
    return the seconds since `began`."""
    page.wait_for_function(DRAWN, timeout=120_000, polling=50)
    return time.perf_counter() - began


def click(page, name: str) -> float:
    """Click the menu entry of page `name`; return the seconds until it is drawn."""
    path = "" if name == "ringkasan" else name
    link = page.locator(f'[data-testid=stSidebarNav] a[href$="/{path}"] >> visible=true').first
    page.evaluate("window.__ran = false")
    began = time.perf_counter()
    link.click()
    return until_drawn(page, began)


def measure(db: Path, fokus: str | None, width: int, height: int, repeat: int = 3) -> list[tuple[str, float, float]]:
    """Return (page, cold seconds, warm seconds) for every page of the dashboard served on `db`."""
    rows = []
    query = f"?fokus={fokus}" if fokus else ""
    with (
        tempfile.TemporaryDirectory() as tmp,
        serve(db, Path(tmp) / "streamlit.log") as url,
        chromium_page() as page,
    ):
        page.set_viewport_size({"width": width, "height": height})
        page.add_init_script(WATCH_RUNS)
        began = time.perf_counter()
        page.goto(f"{url}/{query}")
        first = until_drawn(page, began)
        warm = []
        for _ in range(repeat):
            began = time.perf_counter()
            page.goto(f"{url}/{query}")
            warm.append(until_drawn(page, began))
        rows.append(("ringkasan", first, statistics.median(warm)))

        def back() -> None:  # by the address: the presentation hides the menu
            page.goto(f"{url}/{query}")
            until_drawn(page, time.perf_counter())

        for name in PAGES[1:]:
            cold = click(page, name)
            warm = []
            for _ in range(repeat):
                back()
                warm.append(click(page, name))
            rows.append((name, cold, statistics.median(warm)))
            back()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--fokus", default=None, help="the reader's city (needed with more than six cities)")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--repeat", type=int, default=3, help="warm clicks per page (their median is shown)")
    args = parser.parse_args()
    db = warehouse_path(args.db)
    print(f"Warehouse: {db} (focus: {args.fokus or '-'}, {args.width} x {args.height})")
    print("| page | cold (s) | warm (s) |")
    print("|---|---|---|")
    for name, cold, warm in measure(db, args.fokus, args.width, args.height, args.repeat):
        print(f"| {name} | {cold:.2f} | {warm:.2f} |")


if __name__ == "__main__":
    main()
