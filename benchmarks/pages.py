"""Benchmark each page's server-side time with AppTest, cold (caches cleared) and warm.

    python -m benchmarks.pages [--db PATH]

Uses the warehouse at --db, else $ASN_WAREHOUSE, else data/warehouse.duckdb (run `make demo`).
Prints a Markdown table; these are measurements, never test assertions.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from etl.paths import warehouse_path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("ringkasan", "partisipasi", "anggaran", "kinerja", "umpan_balik", "profil_kota", "definisi")


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ["ASN_WAREHOUSE"] = str(warehouse_path(args.db))
    print(f"Warehouse: {os.environ['ASN_WAREHOUSE']}")
    print("| page | cold (s) | warm (s) |")
    print("|---|---|---|")
    for page in PAGES:
        cold, warm = page_seconds(page)
        print(f"| {page} | {cold:.2f} | {warm:.2f} |")


if __name__ == "__main__":
    main()
