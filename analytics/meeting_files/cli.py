"""Command line: `python -m analytics export`, so a secretary can script the monthly deck.

    python -m analytics export --kota Pontianak --kota Makassar --tahun 2025 --format pptx --out deck.pptx
    python -m analytics export --fokus Pontianak --banding provinsi --tahun 2025 --format pdf --out pontianak.pdf
    python -m analytics export --sebagai sekda@pontianak.go.id --tahun 2025 --format pdf --out pack.pdf
    python -m analytics export --isi lkjip --kota Jambi --tahun 2025 --format xlsx --out lkjip_jambi_2025.xlsx

`--isi lkjip` writes the SAKIP capaian table in the LKjIP layout of the last year instead of the overview: one
sheet per chosen kota the person may see (analytics.meeting_files.lkjip), as XLSX only.

Without --sebagai the command line is the local, unscoped mode. With it, the file is exactly what that person
could download in the app: their access comes from the deployment's .streamlit/secrets.toml ([access], [admin]
emails; --rahasia names another file), their own kota are the default, other chosen kota show only the shared
headline measures, and the export is written to the audit log.

Exit status: 0 when the file was written, 2 for a bad choice (unknown city, year or format, no warehouse, or a
person without access), 3 when the format needs chart images and no Chromium is installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from access import audit, grants
from analytics import peers, queries
from analytics.context import SIDE_BY_SIDE, PageContext
from analytics.meeting_files import FORMATS, content, images, lkjip, render
from analytics.privacy import release
from analytics.privacy.scope import own
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from analytics.queries.sakip import capaian, skala
from analytics.texts import LANGS, t
from etl.warehouse import SHAPE, damage, shape
from settings import SECRETS_FILE, warehouse_path

EXIT_BAD_CHOICE = 2
EXIT_NO_CHROMIUM = 3
CONTENTS = ("ringkasan", "lkjip")  # what --isi may ask for: the overview (the default) or the LKjIP table


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
    p.add_argument(
        "--isi",
        choices=CONTENTS,
        default=CONTENTS[0],
        help="ringkasan: berkas rapat; lkjip: tabel capaian kinerja SAKIP tahun terakhir (hanya --format xlsx)"
        " / overview, or the SAKIP LKjIP table",
    )
    p.add_argument("--fokus", default=None, help="kota Anda, disorot di grafik / your city, highlighted")
    p.add_argument(
        "--provinsi",
        default=None,
        help="provinsi yang disorot di antara banyak kota tanpa --fokus (bawaan: provinsi semua kota bila hanya satu)"
        " / the province highlighted among many cities without --fokus",
    )
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
    p.add_argument("--sebagai", default=None, help="email: berkas persis seperti yang boleh diunduh orang itu / as")
    p.add_argument("--grup", action="append", default=[], help="grup orang itu di penyedia identitas (boleh diulang)")
    p.add_argument(
        "--rahasia", type=Path, default=SECRETS_FILE, help="secrets.toml penerapan / the deployment's secrets"
    )
    return main


def person(args: argparse.Namespace, provinsi: dict[str, str]) -> grants.Access | None:
    """Return the access of --sebagai under the deployment's secrets file (access.grants; None: no
    grant names them); the local mode's access without --sebagai. Raises FileNotFoundError without the file."""
    if args.sebagai is None:  # not given at all: an empty one is refused before this (main)
        return grants.LOCAL
    return grants.from_secrets(args.sebagai, args.grup, args.rahasia, provinsi)


def refused(args: argparse.Namespace, db: Path, why: str) -> None:
    """Record in the audit log that the command line refused an export as --sebagai, and why."""
    audit.record("ditolak", args.sebagai or "(kosong)", "-", [args.out.name], f"python -m analytics: {why}", db)


def _fail(message: str, status: int) -> int:
    print(message, file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    db = warehouse_path(args.db)
    if not db.exists():
        return _fail(t("no_warehouse", args.lang, path=db), EXIT_BAD_CHOICE)
    if damage(db, full=False) is None and shape(db) != SHAPE:  # made by an older version: columns are missing
        return _fail(t("warehouse_outdated", args.lang), EXIT_BAD_CHOICE)
    if args.sebagai is not None and grants.email_address(args.sebagai) is None:  # "" is not the local mode
        refused(args, db, "--sebagai bukan satu alamat e-mail")
        return _fail(f"--sebagai harus satu alamat e-mail (nama@domain), bukan {args.sebagai!r}.", EXIT_BAD_CHOICE)
    if args.isi == "lkjip" and args.format != "xlsx":
        return _fail(f"--isi lkjip hanya ditulis sebagai --format xlsx, bukan {args.format}.", EXIT_BAD_CHOICE)
    if FORMATS[args.format][2] and not images.available():
        return _fail(t("x_no_chromium", args.lang), EXIT_NO_CHROMIUM)
    con = open_warehouse(db)
    try:
        info = release.read(con, queries.warehouse_info)
        try:
            who = person(args, dict(info.provinsi))
        except FileNotFoundError:
            return _fail(f"--sebagai membaca {args.rahasia}, tetapi berkas itu tidak ada.", EXIT_BAD_CHOICE)
        if who is None:
            refused(args, db, "tidak ada hak akses")
            return _fail(f"{args.sebagai} tidak punya akses di penerapan ini ({args.rahasia}).", EXIT_BAD_CHOICE)
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
        mine = own(info.kota, who.scope)
        scoped = len(mine) < len(info.kota)
        # as the app: a scoped person starts from their own kota, anyone else from every city
        group = args.banding or ("pilihan" if args.kota or scoped else peers.DEFAULT_GROUP)
        picked = args.kota or mine
        if args.fokus and group == "pilihan" and args.fokus not in picked:
            return _fail(f"--fokus {args.fokus} harus salah satu dari --kota.", EXIT_BAD_CHOICE)
        kota = peers.compared(info, args.fokus, group, picked)
        people = (tuple(args.opd), tuple(args.jabatan), tuple(args.jenis_asn))
        ctx = PageContext(args.lang, Filters(kota, start, end, *people), info, who.scope, args.fokus)
        if args.isi == "lkjip":  # one sheet per kota the person may see, whatever their number
            rows = release.Reader(con, who.scope)(capaian, ctx.filters)
            notice = t("x_synthetic", args.lang) if info.synthetic else ""
            shown = [k for k in kota if k in mine]
            data = lkjip.xlsx_bytes(rows, shown, end, skala(), args.lang, notice)
        elif args.provinsi is not None and (
            not ctx.needs_focus or ctx.highlighted_province(args.provinsi) != args.provinsi
        ):
            return _fail(
                f"--provinsi {args.provinsi} menyorot satu provinsi di antara lebih dari {SIDE_BY_SIDE} kota tanpa"
                " --fokus, dan harus provinsi salah satu kota yang dibandingkan.",
                EXIT_BAD_CHOICE,
            )
        else:  # with many cities and no --fokus: the nation's file, or a province's among them
            provinsi = ctx.highlighted_province(args.provinsi) if ctx.needs_focus else None
            report = content.overview(release.Reader(con, who.scope), ctx, args.fokus, provinsi)
            data = render(report, args.format)
    finally:
        con.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    audit.record("ekspor", who.email or audit.LOCAL_COMMAND, who.describe(), [args.out.name], "python -m analytics", db)
    print(f"Ditulis / written: {args.out} ({len(data) // 1024} KB)")
    return 0
