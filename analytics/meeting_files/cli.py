"""Command line: `python -m analytics export`, so a secretary can script the monthly deck.

    python -m analytics export --kota Pontianak --kota Makassar --tahun 2025 --format pptx --out deck.pptx
    python -m analytics export --fokus Pontianak --banding provinsi --tahun 2025 --format pdf --out pontianak.pdf

Exit status: 0 when the file was written, 2 for a bad choice (unknown city, year or format, or no
warehouse), 3 when the format needs chart images and no Chromium is installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analytics import peers, queries
from analytics.context import PageContext
from analytics.meeting_files import FORMATS, content, images, render
from analytics.privacy import release
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from analytics.texts import LANGS, t
from etl.paths import warehouse_path

EXIT_BAD_CHOICE = 2
EXIT_NO_CHROMIUM = 3


def _years(text: str, available: list[int]) -> tuple[int, int]:
    """Return (first, last) year from '2025' (from the warehouse's first year) or '2021-2025'."""
    first, _, last = text.partition("-")
    end = int(last or first)
    start = int(first) if last else min([y for y in available if y <= end] or [end])
    return start, end


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of `python -m analytics`."""
    main = argparse.ArgumentParser(
        prog="python -m analytics", description="Berkas rapat dari gudang data / Meeting files from the warehouse."
    )
    sub = main.add_subparsers(dest="command", required=True)
    p = sub.add_parser("export", help="tulis slide, laporan, handout atau data ringkasan / write the overview files")
    p.add_argument("--kota", action="append", default=[], help="kota (boleh diulang; bawaan: semua) / city, repeatable")
    p.add_argument("--tahun", required=True, help="tahun akhir (2025) atau rentang (2021-2025) / last year or range")
    p.add_argument("--format", required=True, choices=list(FORMATS), help="pptx, pdf, html, xlsx, csv (zip), png (zip)")
    p.add_argument("--out", required=True, type=Path, help="berkas keluaran / output file")
    p.add_argument("--lang", default="id", choices=LANGS, help="bahasa / language (id, en)")
    p.add_argument("--fokus", default=None, help="kota Anda, disorot di grafik / your city, highlighted")
    p.add_argument(
        "--banding",
        choices=peers.GROUPS,
        default=None,
        help="kota pembanding untuk --fokus: semua, provinsi (satu provinsi), ukuran (jumlah ASN serupa),"
        " pilihan (--kota); bawaan: pilihan bila --kota diberikan, selain itu semua / peers of --fokus",
    )
    p.add_argument("--opd", action="append", default=[], help="filter OPD (boleh diulang)")
    p.add_argument("--jabatan", action="append", default=[], help="filter kategori jabatan (boleh diulang)")
    p.add_argument("--jenis-asn", action="append", default=[], help="filter jenis ASN: PNS, PPPK")
    p.add_argument(
        "--db", type=Path, default=None, help="gudang data (bawaan: $ASN_WAREHOUSE atau data/warehouse.duckdb)"
    )
    return main


def _fail(message: str, status: int) -> int:
    print(message, file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    db = warehouse_path(args.db)
    if not db.exists():
        return _fail(t("no_warehouse", args.lang, path=db), EXIT_BAD_CHOICE)
    if FORMATS[args.format][2] and not images.available():
        return _fail(t("x_no_chromium", args.lang), EXIT_NO_CHROMIUM)
    con = open_warehouse(db)
    try:
        info = release.read(con, queries.warehouse_info)
        unknown = [k for k in args.kota if k not in info.kota]
        if unknown:
            known = ", ".join(info.kota)
            return _fail(f"Kota tidak ada di gudang data: {', '.join(unknown)}. Pilihan: {known}.", EXIT_BAD_CHOICE)
        try:
            start, end = _years(args.tahun, info.tahun)
        except ValueError:
            return _fail(f"--tahun harus seperti 2025 atau 2021-2025, bukan {args.tahun!r}.", EXIT_BAD_CHOICE)
        if end not in info.tahun or start > end:
            years = ", ".join(map(str, info.tahun))
            return _fail(f"Tahun {args.tahun} tidak ada di gudang data. Pilihan: {years}.", EXIT_BAD_CHOICE)
        if args.fokus and args.fokus not in info.kota:
            return _fail(f"--fokus {args.fokus} tidak ada di gudang data.", EXIT_BAD_CHOICE)
        group = args.banding or ("pilihan" if args.kota else peers.DEFAULT_GROUP)
        if args.fokus and group == "pilihan" and args.fokus not in args.kota:
            return _fail(f"--fokus {args.fokus} harus salah satu dari --kota.", EXIT_BAD_CHOICE)
        kota = peers.compared(info, args.fokus, group, args.kota)
        people = (tuple(args.opd), tuple(args.jabatan), tuple(args.jenis_asn))
        f = Filters(kota, start, end, *people, fokus=args.fokus)
        report = content.overview(release.Reader(con), PageContext(args.lang, f, info), args.fokus)
        data = render(report, args.format)
    finally:
        con.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"Ditulis / written: {args.out} ({len(data) // 1024} KB)")
    return 0
