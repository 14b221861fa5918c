"""Benchmark each page's server-side time with AppTest, cold (caches cleared) and warm.

    python -m benchmarks.pages [--db PATH] [--during-load SOURCE]

Uses the warehouse at --db, else $ASN_WAREHOUSE, else data/warehouse.duckdb (run `make demo`).
With --during-load, first loads SOURCE into that same warehouse in another process (as an
operator would while people use the app) and runs the pages, warm, over and over until the load
has finished: it reports how many page runs there were, the slowest, and that none failed.
Prints Markdown tables; these are measurements, never test assertions.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from settings import WAREHOUSE_ENV, warehouse_path

ROOT = Path(__file__).resolve().parent.parent
# Every page script, except the upload page (it only shows its sign-in form to non-admins).
PAGES = tuple(sorted(p.stem for p in (ROOT / "views").glob("*.py") if p.stem != "unggah"))


def page_seconds(page: str) -> tuple[float, float]:
    """Return (cold, warm) seconds of one run of dashboard.py with `page` selected; cold starts
    with every Streamlit cache cleared, warm repeats the same run."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    if page != "ringkasan":
        at.switch_page(f"views/{page}.py")
    times = []
    for cold in (True, False):
        if cold:
            st.cache_data.clear()
            st.cache_resource.clear()
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].message}")
    return times[0], times[1]


def during_load(source: Path, db: Path) -> None:
    """Run every page, warm, while `python -m etl load SOURCE --db DB` runs; print what they took."""
    apps = {}
    for page in PAGES:
        apps[page] = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        apps[page].run()
        if page != "ringkasan":
            apps[page].switch_page(f"views/{page}.py")
        apps[page].run()
    start = time.perf_counter()
    command = [sys.executable, "-m", "etl", "load", str(source), "--db", str(db)]
    load = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    runs, slowest, failures = 0, (0.0, ""), 0
    while load.poll() is None:
        for page, at in apps.items():
            began = time.perf_counter()
            at.run()
            took = time.perf_counter() - began
            runs += 1
            failures += bool(at.exception)
            slowest = max(slowest, (took, page))
    print(f"\nDuring a load of {source} ({time.perf_counter() - start:.1f} s, exit {load.returncode}):")
    print("| page runs | slowest (s) | slowest page | runs with an error |")
    print("|---|---|---|---|")
    print(f"| {runs} | {slowest[0]:.2f} | {slowest[1]} | {failures} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--during-load", type=Path, default=None, metavar="SOURCE")
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    db = warehouse_path(args.db)
    os.environ[WAREHOUSE_ENV] = str(db)  # what the app run in-process reads
    print(f"Warehouse: {db}")
    print("| page | cold (s) | warm (s) |")
    print("|---|---|---|")
    for page in PAGES:
        cold, warm = page_seconds(page)
        print(f"| {page} | {cold:.2f} | {warm:.2f} |")
    if args.during_load:
        during_load(args.during_load, db)


if __name__ == "__main__":
    main()
