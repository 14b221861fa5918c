"""Command line: `python -m etl check|load|unggah|pulihkan|templates` (`sample` hands over to
`python -m demo sample`; `unggah`, an upload as one admin with the upload page's rules, is etl/upload_cli.py).

Exit status of `check` and `load`:
- 0: every file of the folder that looks like data was read (rows with problems are rejected, not fatal).
  Files that are no data at all (a README.txt, a .docx, Excel's ~$ lock file) are listed with why they were
  not read, and leave the status 0.
- 3: the folder was checked or loaded (the warehouse IS replaced), but a file that looks like data (.csv,
  .xlsx, .json, .xls and other spreadsheets: read.DATA_SUFFIXES) belongs to no dataset and was not loaded
  (an unknown name, columns no SIASN kind or survey form has). The report lists it with why, and a line
  starting PERINGATAN on stderr says so: a cron job that checks the status notices the data left out, and can
  still tell it from a load that changed nothing.
- 2: nothing was changed: a file cannot be loaded at all, the pseudonym secret is empty or short, or another
  write holds the warehouse and --tanpa-tunggu was given (the message says which).
SIGTERM ends a load like Ctrl-C: its scratch folder and temporary warehouse are removed on the way out.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
from pathlib import Path

from access import audit
from etl import backup, pipeline, scratch, upload_cli
from etl.backup import KEEP
from settings import warehouse_path

EXIT_FILE_PROBLEM = 2
EXIT_NOT_LOADED = 3  # loaded, but a file that looks like data was not: see the module docstring


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
    if report.not_loaded:
        print("File yang tidak dimuat:")
        for f in report.not_loaded:
            print(f"  {f['file']}: {f['reason']}")
    if report.reject_examples:
        print("Contoh baris yang ditolak (lihat tabel etl_rejects untuk semuanya):")
        for r in report.reject_examples[:10]:
            print(f"  {r['file']} baris {r['line']}, kolom {r['column']}: {r['reason']}")
    if report.warnings:
        print("Contoh baris yang dimuat dengan peringatan (lihat tabel etl_warnings untuk semuanya):")
        for w in report.warnings[:10]:
            print(f"  {w['file']} baris {w['line']}, kolom {w['column_name']}: {w['reason']}")


def demo_sample(argv: list[str]) -> int:
    """Run `python -m demo sample` with these arguments (the demo generator is not part of the load, so the
    load does not import it); return its exit status."""
    print(
        "Catatan: data contoh kini dibuat dengan `python -m demo sample`; perintah ini meneruskannya.", file=sys.stderr
    )
    return subprocess.call([sys.executable, "-m", "demo", "sample", *argv])


def restore(db: Path, number: int) -> int:
    """Put the `number`-th newest kept warehouse of `db` back (etl.backup.restore, which checks it reads first),
    say which, and record it in the audit log; return the exit status (2 with the reason when it cannot)."""
    kept = backup.list_backups(db)
    if not 1 <= number <= len(kept):
        where = backup.backup_dir(db)
        print(f"Tidak ada salinan ke-{number} di {where} (ada {len(kept)}).", file=sys.stderr)
        return EXIT_FILE_PROBLEM
    chosen = kept[number - 1]
    try:
        run_id = backup.restore(db, chosen["path"])
    except (ValueError, OSError) as problem:
        print(f"Pemulihan GAGAL: tidak ada yang diubah. {problem}", file=sys.stderr)
        return EXIT_FILE_PROBLEM
    audit.record("pulihkan", audit.LOCAL_COMMAND, "semua", [chosen["path"].name], f"run {run_id}", db)
    print(f"Gudang data {db} dipulihkan dari {chosen['path'].name} (pemuatan {chosen['run_id']}).")
    return 0


_stopped_by: list[int] = []  # the signal that ended this run, if one did


def _terminated(signum: int, frame: object) -> None:
    """End on SIGTERM as on Ctrl-C, so every `finally` runs: the scratch folder (plain NIPs) and the temporary
    warehouse are removed before the process exits."""
    _stopped_by.append(signum)
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status. While it runs, SIGTERM ends it as Ctrl-C does, with a
    sentence and status 143 (DuckDB reports the interruption of a running query as a RuntimeError)."""
    before = signal.signal(signal.SIGTERM, _terminated)
    try:
        return _run(argv)
    except (SystemExit, RuntimeError):
        if not _stopped_by:
            raise
        print("Dihentikan (SIGTERM): gudang data tidak diubah, berkas sementaranya sudah dihapus.", file=sys.stderr)
        return 128 + _stopped_by[-1]
    finally:
        signal.signal(signal.SIGTERM, before)


def _run(argv: list[str] | None) -> int:
    """Parse the arguments and do what they ask; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m etl", description="Muat data pembinaan ASN ke gudang data.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("sample", help="pindah ke `python -m demo sample` (perintah ini meneruskannya)", add_help=False)
    p_restore = sub.add_parser(
        "pulihkan", help="pulihkan gudang data dari salinan di cadangan/ (1 = yang terbaru; diperiksa dulu)"
    )
    p_restore.add_argument("nomor", type=int, nargs="?", default=1, help="salinan ke-N, terbaru dulu (bawaan 1)")
    p_restore.add_argument("--db", type=Path, default=None)
    upload_cli.add_parser(sub)
    p_templates = sub.add_parser("templates", help="tulis templat isian XLSX dan CSV untuk setiap jenis data")
    p_templates.add_argument("--out", type=Path, required=True)
    for name, help_text in (("check", "periksa folder tanpa menulis apa pun"), ("load", "periksa dan muat")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("source", type=Path)
        p.add_argument("--json", action="store_true", help="cetak ringkasan JSON")
        if name == "load":
            p.add_argument("--db", type=Path, default=None)
            p.add_argument(
                "--tanpa-tunggu",
                action="store_true",
                help="jangan menunggu bila gudang data sedang ditulis (pemuatan, unggahan, pemulihan lain): keluar"
                " dengan status 2",
            )
            p.add_argument(
                "--penuh",
                action="store_true",
                help="baca dan periksa ulang semua file (bawaan: file yang tidak berubah sejak pemuatan terakhir"
                " dipakai ulang dari gudang data)",
            )
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["sample"]:
        return demo_sample(argv[1:])
    args = parser.parse_args(argv)
    if getattr(args, "db", None) is not None and (not args.db.name or args.db.is_dir()):
        # an unset variable in a cron line (--db "") must not fall back to another warehouse
        print(
            f"--db harus nama file gudang data (misalnya data/warehouse.duckdb), bukan {str(args.db)!r}.",
            file=sys.stderr,
        )
        return EXIT_FILE_PROBLEM

    if getattr(args, "sumber", None) is not None and not args.sumber.name:
        print(f"--sumber harus nama folder sumber, bukan {str(args.sumber)!r}.", file=sys.stderr)
        return EXIT_FILE_PROBLEM
    if args.command == "unggah":
        return upload_cli.run(args)
    if args.command == "pulihkan":
        return restore(warehouse_path(args.db), args.nomor)
    if args.command == "templates":
        from etl.templates import write_templates

        written = write_templates(args.out)
        print(f"{len(written)} templat ditulis ke {args.out} (XLSX dengan petunjuk dan CSV per jenis data).")
        return 0
    if args.command == "check":
        report = pipeline.check(args.source)
        action = "Pemeriksaan"
    else:
        db = warehouse_path(args.db)
        try:
            with scratch.writer(db, "python -m etl load", not args.tanpa_tunggu, lambda m: print(m, file=sys.stderr)):
                report = pipeline.load(args.source, db, keep_backups=KEEP, reuse_unchanged=not args.penuh)
        except scratch.Busy as busy:
            report = pipeline.Report(db=str(db), status="failed", errors=[{"file": db.name, "message": str(busy)}])
        action = "Pemuatan"
    if args.json:
        print(json.dumps(report.summary(), ensure_ascii=False, indent=2))
    else:
        _print_report(report, action)
    return exit_status(report)


def exit_status(report: pipeline.Report) -> int:
    """Return the exit status of a check or load (see the module docstring), saying on stderr when a file that
    looks like data was not loaded."""
    if report.errors:
        return EXIT_FILE_PROBLEM
    if left := report.data_not_loaded():
        names = ", ".join(f["file"] for f in left)
        print(
            f"PERINGATAN: {len(left)} file yang tampak seperti data tidak dimuat: {names}. Lihat alasannya di"
            f" laporan; status keluar {EXIT_NOT_LOADED}.",
            file=sys.stderr,
        )
        return EXIT_NOT_LOADED
    return 0
