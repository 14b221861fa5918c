"""Previous warehouses: kept before each swap, listed, and restored atomically.

Before a load (or a restore) replaces the warehouse, the file being replaced is kept in
`cadangan/` beside it as `<name>.<run id>.duckdb` (a hard link where the file system allows,
so keeping costs no copy); only the newest few are kept. A restore copies a kept file beside
the warehouse, adds the load history of the warehouse it replaces plus a row for the restore,
and swaps it in with os.replace, so readers keep their snapshot as with a load.

A load (etl/pipeline.py) and a restore share their last steps, written once in etl/warehouse.py:
a run id (new_run_id), a new file beside the warehouse that is removed whatever happens
(new_warehouse), and keep-then-swap (replace_warehouse, handed keep_current from here). A failed
load or restore leaves the warehouse as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from functools import partial
from pathlib import Path

import duckdb

from etl import scratch
from etl.warehouse import (
    DAMAGED,
    add_run_columns,
    build_connection,
    connect,
    damage,
    new_run_id,
    new_warehouse,
    replace_warehouse,
)

BACKUP_FOLDER = "cadangan"
KEEP = 3  # previous warehouses kept by the CLI and the upload page


def backup_dir(db: Path) -> Path:
    """Return the folder holding the previous versions of the warehouse at `db`."""
    return db.parent / BACKUP_FOLDER


def last_run(db: Path) -> dict | None:
    """Return the newest etl_runs row of a warehouse file as a dict (None when it has none or is unreadable)."""
    try:
        con = connect(db, read_only=True)
    except duckdb.Error:
        return None
    try:
        cursor = con.execute(
            "SELECT run_id, finished_at_utc, outcome, source, synthetic, rows_read, rows_loaded, rows_rejected,"
            " rows_skipped FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1"
        )
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None
    except duckdb.Error:
        return None
    finally:
        con.close()


def keep_current(db: Path, keep: int = KEEP, readable: bool = False) -> Path | None:
    """Keep the warehouse at `db` (about to be replaced) in the backup folder; prune to `keep` files.

    Returns the kept file, or None when there is no warehouse yet, keep is 0, or the warehouse cannot be read
    (a damaged file is never kept as a backup: restoring it would bring the damage back). `readable`: the
    caller has just read every block of it (a load, under the writer's lock), so it is not read again.
    """
    if keep <= 0 or not db.exists() or (not readable and damage(db) is not None):
        return None
    run = last_run(db)
    run_id = run["run_id"] if run else dt.datetime.fromtimestamp(db.stat().st_mtime).strftime("%Y%m%dT%H%M%S")
    folder = backup_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db.stem}.{run_id}{db.suffix}"
    if not target.exists():
        try:
            os.link(db, target)
        except OSError:
            shutil.copy2(db, target)
    for old in list_backups(db)[keep:]:
        old["path"].unlink(missing_ok=True)
    return target


def list_backups(db: Path) -> list[dict]:
    """Return the kept warehouses, newest first: path, run_id, finished_at_utc, source, rows_loaded, size_mb."""
    folder = backup_dir(db)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db.stem}.*{db.suffix}"):
        run = last_run(path) or {}
        found.append(
            {
                "path": path,
                "run_id": run.get("run_id") or path.stem.split(".", 1)[-1],
                "finished_at_utc": run.get("finished_at_utc"),
                "source": run.get("source"),
                "rows_loaded": run.get("rows_loaded"),
                "size_mb": round(path.stat().st_size / 1e6, 1),
                "mtime": path.stat().st_mtime,
            }
        )
    return sorted(found, key=lambda b: (b["finished_at_utc"] or dt.datetime.min, b["mtime"]), reverse=True)


def restore(db: Path, backup: Path, keep: int = KEEP) -> str:
    """Make a kept warehouse the current one again; return the run id recorded for the restore.

    The warehouse being replaced is kept first, so a restore can itself be undone. The restored
    file gains the load history it did not have and a row with outcome 'restored'. One write at a time
    (etl.scratch.writer): a restore waits for a running load. A backup that cannot be read is refused
    (ValueError with the reason); a damaged current warehouse is replaced without being kept.
    """
    with scratch.writer(db, "pemulihan cadangan"):
        if backup.resolve().parent == backup_dir(db).resolve() and backup.exists():
            why = damage(backup)
            if why is not None:  # checked before it is put back
                raise ValueError(DAMAGED.format(name=backup.name, why=why))
        return _restore(db, backup, keep)


def _restore(db: Path, backup: Path, keep: int) -> str:
    """The body of `restore`, under the writer's lock."""
    if backup.resolve().parent != backup_dir(db).resolve() or not backup.exists():
        raise FileNotFoundError(f"cadangan tidak ditemukan: {backup.name}")
    with new_warehouse(db) as new:
        shutil.copy2(backup, new)
        restored = last_run(new) or {}
        run_id = new_run_id(dt.datetime.now(dt.UTC))
        con = build_connection(new)
        try:
            add_run_columns(con)
            if db.exists() and damage(db, full=False) is None:  # a damaged current one has no history to give
                con.execute("ATTACH $path AS cur (READ_ONLY)", {"path": str(db)})
                try:
                    for table, key in (("etl_runs", "run_id"), ("etl_run_files", "run_id")):
                        con.execute(
                            f"INSERT INTO {table} BY NAME SELECT * FROM cur.{table}"
                            f" WHERE {key} NOT IN (SELECT {key} FROM {table})"
                        )
                except duckdb.Error:
                    pass  # its history cannot be read past the damage: the restored file's own is kept
                finally:
                    con.execute("DETACH cur")
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            con.execute(
                "INSERT INTO etl_runs BY NAME SELECT $run_id AS run_id, $now AS started_at_utc,"
                " $now AS finished_at_utc, 0.0 AS duration_s, $source AS source, $synthetic AS synthetic,"
                " 'restored' AS outcome,"
                " $read AS rows_read, $loaded AS rows_loaded, $rejected AS rows_rejected, $skipped AS rows_skipped,"
                " '{}' AS phases_s, '[]' AS ignored_files,"
                " (SELECT any_value(not_loaded) FROM etl_runs WHERE run_id = $restored) AS not_loaded",
                {
                    "run_id": run_id,
                    "now": now,
                    "source": f"{BACKUP_FOLDER}/{backup.name}",
                    "synthetic": bool(restored.get("synthetic")),
                    "read": restored.get("rows_read"),
                    "loaded": restored.get("rows_loaded"),
                    "rejected": restored.get("rows_rejected"),
                    "skipped": restored.get("rows_skipped"),
                    "restored": restored.get("run_id"),  # the files it did not load are the restored load's
                },
            )
            if restored.get("run_id"):
                con.execute(
                    "INSERT INTO etl_run_files SELECT $run_id, * EXCLUDE (run_id) FROM etl_run_files"
                    " WHERE run_id = $restored",
                    {"run_id": run_id, "restored": restored["run_id"]},
                )
            con.execute("CHECKPOINT")
        finally:
            con.close()
        replace_warehouse(new, db, partial(keep_current, keep=keep))
    return run_id
