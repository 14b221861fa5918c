"""Command line: `python -m etl sample|check|load|templates`.

Exit status: 0 when the folder loaded (rows with problems are rejected, not fatal), 2 when a
file cannot be loaded at all (the message names the file; the warehouse is left untouched).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from etl import pipeline
from etl.backup import KEEP
from etl.paths import DEFAULT_SAMPLE_DIR, warehouse_path

EXIT_FILE_PROBLEM = 2


def _print_report(report: pipeline.Report, action: str) -> None:
    """Print a report for people, in Indonesian."""
    if report.errors:
        print(f"{action} GAGAL: tidak ada yang diubah.", file=sys.stderr)
        for e in report.errors:
            print(f"  - {e['file']}: {e['message']}", file=sys.stderr)
        return
    print(f"{action} berhasil" + (f" ke {report.db}" if report.db else "") + ".")
    if report.synthetic:
        print("Catatan: folder ini berisi DATA SINTETIS (contoh), bukan data pegawai sungguhan.")
    print(f"{'data':<24}{'file':>6}{'dibaca':>10}{'dimuat':>10}{'ditolak':>10}{'peringatan':>12}")
    for name, d in report.datasets.items():
        print(
            f"{name:<24}{d['files']:>6}{d['rows_read']:>10}{d['rows_loaded']:>10}{d['rows_rejected']:>10}"
            f"{d['rows_warned']:>12}"
        )
    reused = [f["file"] for f in report.files if f.get("reused")]
    if reused:
        print(f"{len(reused)} file tidak berubah sejak pemuatan terakhir: barisnya yang sudah diperiksa dipakai ulang.")
    if report.marts_kota is not None:
        remade = ", ".join(report.marts_kota) if report.marts_kota else "tidak ada"
        print(f"Ringkasan dihitung ulang hanya untuk kota yang datanya berubah: {remade}.")
    for f in report.files:
        for note in f["notes"]:
            print(f"  {f['file']}: {note}")
    if report.ignored_files:
        print("File yang tidak dikenali (diabaikan): " + ", ".join(report.ignored_files))
    if report.reject_examples:
        print("Contoh baris yang ditolak (lihat tabel etl_rejects untuk semuanya):")
        for r in report.reject_examples[:10]:
            print(f"  {r['file']} baris {r['line']}, kolom {r['column']}: {r['reason']}")
    if report.warnings:
        print("Contoh baris yang dimuat dengan peringatan (lihat tabel etl_warnings untuk semuanya):")
        for w in report.warnings[:10]:
            print(f"  {w['file']} baris {w['line']}, kolom {w['column_name']}: {w['reason']}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m etl", description="Muat data pembinaan ASN ke gudang data.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_sample = sub.add_parser("sample", help="tulis folder data contoh (sintetis)")
    p_sample.add_argument("--out", type=Path, default=DEFAULT_SAMPLE_DIR)
    p_sample.add_argument("--seed", type=int, default=42)
    p_sample.add_argument("--scale", type=float, default=1.0)
    p_sample.add_argument(
        "--kota", type=int, default=4, help="jumlah kota: 4 kota contoh (bawaan) sampai 98 (seluruh kota di Indonesia)"
    )
    p_sample.add_argument(
        "--per-kota", action="store_true", help="file tersendiri per kota (peserta_pontianak.csv), seperti kiriman kota"
    )
    p_templates = sub.add_parser("templates", help="tulis templat isian XLSX dan CSV untuk setiap jenis data")
    p_templates.add_argument("--out", type=Path, required=True)
    for name, help_text in (("check", "periksa folder tanpa menulis apa pun"), ("load", "periksa dan muat")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("source", type=Path)
        p.add_argument("--json", action="store_true", help="cetak ringkasan JSON")
        if name == "load":
            p.add_argument("--db", type=Path, default=None)
            p.add_argument(
                "--penuh",
                action="store_true",
                help="baca dan periksa ulang semua file (bawaan: file yang tidak berubah sejak pemuatan terakhir"
                " dipakai ulang dari gudang data)",
            )
    args = parser.parse_args(argv)

    if args.command == "sample":
        from demo import write_sample

        try:
            counts = write_sample(args.out, seed=args.seed, scale=args.scale, kota=args.kota, per_kota=args.per_kota)
        except ValueError as problem:
            print(f"Data contoh tidak ditulis. {problem}", file=sys.stderr)
            return EXIT_FILE_PROBLEM
        print(f"Data contoh (sintetis) ditulis ke {args.out}: {sum(counts.values())} baris di {len(counts)} file.")
        return 0
    if args.command == "templates":
        from etl.templates import write_templates

        written = write_templates(args.out)
        print(f"{len(written)} templat ditulis ke {args.out} (XLSX dengan petunjuk dan CSV per jenis data).")
        return 0
    if args.command == "check":
        report = pipeline.check(args.source)
        action = "Pemeriksaan"
    else:
        report = pipeline.load(args.source, warehouse_path(args.db), keep_backups=KEEP, reuse_unchanged=not args.penuh)
        action = "Pemuatan"
    if args.json:
        print(json.dumps(report.summary(), ensure_ascii=False, indent=2))
    else:
        _print_report(report, action)
    return EXIT_FILE_PROBLEM if report.errors else 0
