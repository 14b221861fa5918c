"""The audit trail: sign-ins, refused attempts, uploads, restores and exports (who, when, what scope, which
files), one JSON object per line appended to `audit.jsonl` beside the warehouse ($ASN_AUDIT_LOG overrides).
It lives outside the warehouse file, so a load, a swap or a restore never rewrites it. Nothing personal
beyond the acting person's e-mail. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pandas as pd

import settings

COLUMNS = ["waktu_utc", "aksi", "email", "cakupan", "berkas", "keterangan"]
LOCAL_COMMAND = "baris perintah (lokal)"  # who acted, for a command run on this machine without --sebagai
ACTIONS = ("masuk", "ditolak", "unggah", "pulihkan", "ekspor")  # sign-in, refused, upload, restore, export
_lock = threading.Lock()


def log_path(db: Path | None = None) -> Path:
    """Return the audit log's path: $ASN_AUDIT_LOG, else audit.jsonl in the folder of the warehouse `db` (by
    default the one the app reads)."""
    return settings.audit_log(db)


def record(
    action: str, email: str, scope: str, files: list[str] | None = None, detail: str = "", db: Path | None = None
) -> None:
    """Append one event: `action` (one of ACTIONS), who (`email`, or a label such as 'admin (kata sandi)'),
    their `scope` as text, the `files` involved and a short `detail`; the time is now, in UTC. `db`: the
    warehouse the event is about, when not the app's (the command line's --db)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action: {action!r}")
    event = {
        "waktu_utc": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds"),
        "aksi": action,
        "email": email,
        "cakupan": scope,
        "berkas": list(files or []),
        "keterangan": detail,
    }
    path = log_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(event, ensure_ascii=False) + "\n"
    with _lock, path.open("a", encoding="utf-8") as fh:  # one write per event, appended
        fh.write(line)


def events() -> pd.DataFrame:
    """Return every event of the log, newest first (columns COLUMNS; `berkas` joined with ', '); a line that
    cannot be read is skipped rather than hiding the rest."""
    path = log_path()
    rows = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["berkas"] = frame["berkas"].map(lambda files: ", ".join(files) if isinstance(files, list) else "")
    return frame.iloc[::-1].reset_index(drop=True)


EXPORT_NAME = "jejak_audit.csv"


def exported(email: str) -> bytes:
    """Return the whole log as a CSV for a spreadsheet (UTF-8 with BOM), and record that `email` exported it."""
    data = events().to_csv(index=False).encode("utf-8-sig")
    record("ekspor", email, "semua", [EXPORT_NAME])
    return data
