"""`python -m etl unggah FILE... --sebagai EMAIL`: the upload page from the command line, as an admin scripts a
monthly SIASN pull. Exactly the page's rules: the person is an admin under the deployment's grants (the secrets
file the app reads, or --rahasia), an admin of some kota sends only what changes those kota (etl.intake preview
and commit, checked again on the result by etl/scoped_write.py), the files are CSV, XLSX or JSON of at most
intake.MAX_UPLOAD_MB, and every refusal and upload is in the audit log. --periksa shows the preview and writes
nothing. Exit status 0 when loaded (or, with --periksa, when it could load), 2 with the reason when refused.

--sebagai applies that person's rules; it does not prove who runs the command: whoever can run it on the server
can read the warehouse file itself. The audit log names the person given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import settings
from access import audit, grants
from etl import intake, scoped_write
from etl.backup import KEEP
from etl.warehouse import connect

EXIT_REFUSED = 2
SHOWN = 10  # rejects listed in the preview


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add the `unggah` command to the etl command line's subcommands."""
    p = sub.add_parser(
        "unggah",
        help="unggah berkas sebagai seorang admin, dengan aturan dan pratinjau halaman Unggah data",
    )
    p.add_argument("files", type=Path, nargs="+", help="berkas CSV, XLSX atau JSON")
    p.add_argument("--sebagai", required=True, help="e-mail admin yang mengunggah (aturan aksesnya yang berlaku)")
    p.add_argument("--grup", action="append", default=[], help="grup orang itu di penyedia identitas (boleh diulang)")
    p.add_argument("--rahasia", type=Path, default=settings.SECRETS_FILE, help="secrets.toml penerapan")
    p.add_argument("--periksa", action="store_true", help="hanya pratinjau: tidak menulis apa pun")
    p.add_argument("--db", type=Path, default=None, help="gudang data (bawaan: $ASN_WAREHOUSE)")
    p.add_argument("--sumber", type=Path, default=None, help="folder sumber (bawaan: $ASN_SOURCE_DIR)")


def _provinsi(db: Path) -> dict[str, str]:
    """Return kota -> provinsi of the warehouse `db` ({} when there is none yet), for grants by province."""
    if not db.exists():
        return {}
    con = connect(db, read_only=True)
    try:
        return dict(con.execute("SELECT kota, provinsi FROM stg_kota").fetchall())
    finally:
        con.close()


def _refuse(args: argparse.Namespace, db: Path, why: str, scope: str = "-", names: list[str] | None = None) -> int:
    """Record the refusal in the audit log, say it on stderr; return EXIT_REFUSED."""
    audit.record("ditolak", args.sebagai or "(kosong)", scope, names or [], f"python -m etl unggah: {why}", db)
    print(f"Unggahan DITOLAK: tidak ada yang ditulis. {why}", file=sys.stderr)
    return EXIT_REFUSED


def _read(paths: list[Path]) -> tuple[list[tuple[str, bytes]], str | None]:
    """Return the files as (name, content) uploads, or a reason why one cannot be sent (as the page's uploader)."""
    uploads = []
    for path in paths:
        if not path.is_file():
            return [], f"{path} tidak ada atau bukan berkas."
        if path.suffix.lower().lstrip(".") not in intake.UPLOAD_TYPES:
            return [], f"{path.name}: hanya berkas {', '.join(intake.UPLOAD_TYPES)} yang dapat diunggah."
        if path.stat().st_size > intake.MAX_UPLOAD_MB * 1024 * 1024:
            return [], f"{path.name} lebih besar dari {intake.MAX_UPLOAD_MB} MB."
        uploads.append((intake.safe_name(path.name), path.read_bytes()))
    return uploads, None


def _show(preview: intake.Preview, mine: str) -> list[str]:
    """Print the preview as the page shows it; return the reasons it cannot load (empty: it can)."""
    reasons = []
    for name, dataset in preview.uploads.items():
        if dataset is None:
            reasons.append(f"{name}: bukan berkas salah satu jenis data, tidak akan dibaca.")
    if preview.replaced:
        print("Menggantikan berkas bernama sama di folder sumber: " + ", ".join(preview.replaced))
    reasons += [f"{e['file']}: {e['message']}" for e in preview.report.errors]
    reasons += [
        f"{o.file}: {len(o.lines)} baris berisi data {o.kota} (baris {intake.lines_text(o.lines)}),"
        f" padahal Anda hanya mengelola {mine}." + (" (berkas bernama sama di folder sumber)" if o.replaces else "")
        for o in preview.outside
    ]
    if preview.changes:
        reasons += [scoped_write.REFUSED, *scoped_write.sentences(preview.changes)]
    reasons += [f"{f}: formulir survei tanpa kota dan unit; pilih di halaman Unggah data." for f in preview.needs_unit]
    if not preview.report.errors:
        print(preview.datasets().to_string(index=False))
        for r in preview.report.rejects[:SHOWN]:
            print(f"  ditolak: {r['file']} baris {r['line']}, kolom {r['column_name'] or '-'}: {r['reason']}")
        if len(preview.report.rejects) > SHOWN:
            print(f"  ... dan {len(preview.report.rejects) - SHOWN} masalah lain.")
    if not any(preview.uploads.values()):
        reasons.append("Tidak ada berkas yang termasuk salah satu jenis data.")
    return reasons


def run(args: argparse.Namespace) -> int:
    """Do `python -m etl unggah`; return the exit status."""
    db = settings.warehouse_path(args.db)
    if grants.email_address(args.sebagai) is None:  # "" is not the local mode
        return _refuse(args, db, f"--sebagai harus satu alamat e-mail (nama@domain), bukan {args.sebagai!r}.")
    try:
        who = grants.from_secrets(args.sebagai, args.grup, args.rahasia, _provinsi(db))
    except FileNotFoundError:
        return _refuse(args, db, f"--sebagai membaca {args.rahasia}, tetapi berkas itu tidak ada.")
    if who is None or not who.may("admin"):
        return _refuse(args, db, f"{args.sebagai} bukan admin di penerapan ini ({args.rahasia}).")
    uploads, problem = _read(args.files)
    names = [n for n, _ in uploads] or [p.name for p in args.files]
    if problem:
        return _refuse(args, db, problem, who.describe(), names)
    source = args.sumber or settings.source_dir()
    reasons = _show(intake.preview(uploads, source, who.admin_kota, db), who.administers())
    if reasons:
        return _refuse(args, db, "\n  - " + "\n  - ".join(reasons), who.describe(), names)
    if args.periksa:
        print("Pratinjau saja (--periksa): berkas ini dapat dimuat; tidak ada yang ditulis.")
        return 0
    done = intake.commit(uploads, source, db, KEEP, who.admin_kota, f"unggahan {who.email} (python -m etl)")
    if done.errors:
        return _refuse(args, db, "\n  - " + "\n  - ".join(f"{e['file']}: {e['message']}" for e in done.errors))
    audit.record("unggah", who.email, who.describe(), names, f"run {done.run_id} (python -m etl)", db)
    totals = done.totals()
    print(
        f"Dimuat ke {db}: {totals['rows_loaded']} baris dimuat, {totals['rows_rejected']} ditolak,"
        f" {totals['rows_skipped']} dilewati (berkas di {source})."
    )
    return 0
