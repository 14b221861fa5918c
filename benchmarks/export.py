"""Benchmark the meeting files of the overview: content, chart images and each format, all cities.

    python -m benchmarks.export [--db PATH] [--repeat 3]

Uses the warehouse at --db, else $ASN_WAREHOUSE, else data/warehouse.duckdb (run `make demo`).
Each run starts from nothing (a new connection, a new headless Chromium), as a click in the app or a
command-line call does. Prints a Markdown table of the median seconds; measurements, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from analytics import queries
from analytics.context import PageContext
from analytics.meeting_files import content, images, pictures, render
from analytics.meeting_files.deck import pptx_bytes
from analytics.privacy import release
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from settings import warehouse_path


def one_deck(db: Path, fokus: str | None = None) -> dict[str, float]:
    """Return the seconds of each step of one overview deck built from scratch (about every city, or
    `fokus` among them), and the total."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    con = open_warehouse(db)
    try:
        info = queries.warehouse_info(con)
        f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1])
        step = time.perf_counter()
        report = content.overview(release.Reader(con), PageContext("id", f, info, fokus=fokus), fokus)
        times["content (queries, figures)"] = time.perf_counter() - step
    finally:
        con.close()
    step = time.perf_counter()
    rendered = pictures(report)
    times["chart images (kaleido + Chromium)"] = time.perf_counter() - step
    step = time.perf_counter()
    pptx_bytes(report, rendered, (images.WIDTH, images.HEIGHT))
    times["pptx from images"] = time.perf_counter() - step
    times["deck total"] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fokus", default=None, help="the deck of one city among all (e.g. Pontianak)")
    args = parser.parse_args()
    db = warehouse_path(args.db)
    print(f"Warehouse: {db}")
    runs = [one_deck(db, args.fokus) for _ in range(args.repeat)]
    print(f"| step (median of {args.repeat}) | seconds |")
    print("|---|---|")
    for name in runs[0]:
        print(f"| {name} | {statistics.median(r[name] for r in runs):.2f} |")
    con = open_warehouse(db)
    try:
        info = queries.warehouse_info(con)
        f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1])
        report = content.overview(release.Reader(con), PageContext("id", f, info, fokus=args.fokus), args.fokus)
    finally:
        con.close()
    pictures(report, keep_open=True)  # the app keeps one browser open: its first click pays the start
    warm = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        pptx_bytes(report, pictures(report, keep_open=True), (images.WIDTH, images.HEIGHT))
        warm.append(time.perf_counter() - start)
    images.close_kept_browser()
    print(f"| deck in the app, browser kept open (images + pptx) | {statistics.median(warm):.2f} |")
    for fmt in ("pdf", "html", "xlsx", "csv"):
        start = time.perf_counter()
        size = len(render(report, fmt))
        print(f"| {fmt} from content ({size // 1024} KB) | {time.perf_counter() - start:.2f} |")


if __name__ == "__main__":
    main()
