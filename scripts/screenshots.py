"""Screenshots of every page in headless Chromium, for looking at what we ship.

Usage: python scripts/screenshots.py URL OUTDIR [--width 1366 --height 768] [--query 'lang=en']
Needs Debian's chromium (/usr/bin/chromium) and the playwright package (no browser download).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

VIEWS = Path(__file__).resolve().parent.parent / "views"
# Every page script; Ringkasan, the default page, is the root URL.
PAGES = ("", *(p.stem for p in sorted(VIEWS.glob("*.py")) if p.stem != "ringkasan"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def wait_until_idle(page) -> None:
    """Wait until Streamlit has finished running the script and drawn its charts."""
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
    page.wait_for_timeout(2500)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument("--query", default="")
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    parser.add_argument("--pages", default="", help="comma-separated page names (ringkasan, partisipasi, ...)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        wanted = [("" if n == "ringkasan" else n) for n in args.pages.split(",")] if args.pages else PAGES
        for name in wanted:
            page.goto(f"{args.url.rstrip('/')}/{name}" + (f"?{args.query}" if args.query else ""))
            wait_until_idle(page)
            shot = args.out / f"{name or 'ringkasan'}_{args.width}.png"
            page.screenshot(path=str(shot), full_page=args.full)
            print(shot)
        browser.close()


if __name__ == "__main__":
    main()
