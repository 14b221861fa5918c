"""The two things the ETL does: check a source folder, and load it into a new warehouse.

source files -> read (etl/read.py) -> validate (etl/validate.py) -> raw tables, staging views
and marts in a new warehouse file (etl/warehouse.py) -> atomic swap. Personal data stays in a
scratch database that is deleted at the end.
"""

from __future__ import annotations

import datetime as dt
import errno
import secrets
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import duckdb

import settings
from etl import reuse, reuse_marts, scoped_write, scratch
from etl.backup import keep_current
from etl.contract import DATASETS, LOAD_ORDER, NIP, SYNTHETIC_MARKER, TARGETS, Dataset
from etl.pseudonym import LOST_KEY, KeyProblem, existing_key, key_file, pseudonym_key
from etl.read import (
    TOTAL_REASON,
    FileProblem,
    SourceFile,
    column_labels,
    create_parse_rejects,
    discover,
    read_file,
    rows_sql,
    skip_notes,
)
from etl.validate import create_rejects, create_warnings, discard, validate_dataset, warn_load_wide
from etl.warehouse import (
    DAMAGED,
    add_reject_rows,
    attach,
    build_connection,
    build_mart_views,
    build_marts,
    build_views,
    copy_run_history,
    create_reject_report,
    create_reject_rows,
    damage,
    ikm_convention,
    new_run_id,
    new_warehouse,
    record_run,
    replace_warehouse,
    scratch_connection,
    write_raw,
    write_rejects,
)
from settings import IKM_PENIMBANG_ENV


@dataclass
class Report:
    """What a check or load found: the JSON summary of the CLI, plus detail for people."""

    status: str = "ok"
    db: str | None = None
    datasets: dict[str, dict] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    ignored_files: list[str] = field(default_factory=list)  # the names of not_loaded
    # every file of the folder that belongs to no dataset: file, reason (Indonesian), looks_like_data (read.discover)
    not_loaded: list[dict] = field(default_factory=list)
    synthetic: bool = False
    run_id: str | None = None
    files: list[dict] = field(default_factory=list)
    reject_examples: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # total rows skipped: dataset, file, line, reason
    rejects: list[dict] = field(default_factory=list)  # filled by check(collect_rejects=True)
    # rows loaded as recorded but doubtful: dataset, file, line, column_name, reason (Indonesian)
    warnings: list[dict] = field(default_factory=list)
    # the kota whose mart rows a load made again, the others' taken over (etl/reuse_marts.py); None: all of them
    marts_kota: list[str] | None = None

    def totals(self) -> dict[str, int]:
        """Return the rows read, loaded, rejected and skipped over every dataset (COUNTS), the files and the
        files taken over unread from the warehouse replaced (etl/reuse.py)."""
        rows = {k: sum(d[k] for d in self.datasets.values()) for k in COUNTS}
        return rows | {"files": len(self.files), "reused": sum(f["reused"] for f in self.files)}

    def data_not_loaded(self) -> list[dict]:
        """Return the files not loaded that look like data (a .csv, .xlsx or .json that is no source file)."""
        return [f for f in self.not_loaded if f["looks_like_data"]]

    def summary(self) -> dict:
        """Return the JSON object printed by `--json`."""
        return {
            "status": self.status,
            "db": self.db,
            "datasets": self.datasets,
            "errors": self.errors,
            "ignored_files": self.ignored_files,
            "not_loaded": self.not_loaded,
            "synthetic": self.synthetic,
            "marts_kota": self.marts_kota,
        }


COUNTS = ("rows_read", "rows_loaded", "rows_rejected", "rows_skipped")  # what etl_runs records per load
ROW_STRIDE = 10**12  # room for the rows of one file (CSV line, or sheet x 10^9 + spreadsheet row)


def _validate_folder(
    con: duckdb.DuckDBPyConnection,
    source: Path,
    report: Report,
    key: str,
    target: Path | None = None,
    current: Path | None = None,
) -> list[SourceFile]:
    """Read and validate a folder in the scratch database, a dataset at a time, and with `target`
    write each dataset's raw table into that new warehouse file as soon as it is checked (so only one
    dataset's text is held at once). With `current` (the warehouse being replaced), files unchanged since
    the load that made it are not read: their validated rows are taken from it (etl/reuse.py). File
    problems go to report.errors; then nothing is validated, but every file is still read so that each
    problem is reported."""
    try:
        files, report.not_loaded = discover(source)
        report.ignored_files = [f["file"] for f in report.not_loaded]
    except FileProblem as problem:
        report.errors.append({"file": problem.file, "message": problem.message})
        return []
    report.synthetic = (source / SYNTHETIC_MARKER).exists()
    present = {f.dataset for f in files}
    for d in DATASETS.values():
        if d.required and d.name not in present:
            report.errors.append(
                {
                    "file": f"{d.name}.csv",
                    "message": f"data wajib '{d.name}' tidak ada: tambahkan file {d.name}.csv atau {d.name}.xlsx.",
                }
            )
    create_parse_rejects(con)
    create_rejects(con)
    create_warnings(con)
    create_reject_rows(con)
    run_id, kept = reuse.attach_current(con, current, key) if current is not None and not report.errors else ("", {})
    unchanged = reuse.unchanged(files, kept)
    # the new warehouse starts as a copy: the reused rows stay where they are
    if unchanged and target is not None and not reuse.start_from(current, target, run_id):
        unchanged = []
    if kept and not unchanged:
        con.execute(f"DETACH {reuse.OLD}")
        kept = {}
    if target is not None:
        attach(con, target)
        if unchanged:
            reuse.keep_raw_and_marts(con)
    loaded: dict[tuple[str, str], int] = {}
    reader = _Reader(con, report)
    # some reused person has no NIP here, only a pseudonym: references to pegawai join on pseudonyms
    by_pseudonym = any(
        DATASETS[f.dataset].column(TARGETS[f.dataset]).kind == NIP for f in unchanged if f.dataset in TARGETS
    )
    for name in LOAD_ORDER:
        theirs = [f for f in unchanged if f.dataset == name]
        mine = reader.read([f for f in files if f.dataset == name and not any(f is r for r in theirs)])
        if not report.errors:
            loaded |= _check_dataset(
                con, DATASETS[name], mine, key, target is not None, (theirs, kept), reader, by_pseudonym
            )
        else:  # nothing is validated once a file has a problem; the other files are still read to report theirs
            for src in mine:
                con.execute(f"DROP TABLE {src.table}")
    if unchanged and target is not None and not report.errors:
        report.marts_kota = reuse_marts.touched(con, files)
    if kept:
        con.execute(f"DETACH {reuse.OLD}")
    if not report.errors:
        _count(con, files, loaded, report)
    return files


class _Reader:
    """Reads source files into scratch tables named file_0, file_1, ... in the order they are read; file
    problems go to the report."""

    def __init__(self, con: duckdb.DuckDBPyConnection, report: Report) -> None:
        self.con, self.report, self.position = con, report, 0

    def read(self, files: list[SourceFile]) -> list[SourceFile]:
        """Read `files`; return those that could be read."""
        done = []
        for src in files:
            try:
                read_file(self.con, src, f"file_{self.position}")
                done.append(src)
            except FileProblem as problem:
                self.report.errors.append({"file": problem.file, "message": problem.message})
            self.position += 1
        return done


def _check_dataset(
    con: duckdb.DuckDBPyConnection,
    dataset: Dataset,
    files: list[SourceFile],
    key: str,
    write: bool,
    reused: tuple[list[SourceFile], dict[tuple[str, str], reuse.Kept]],
    reader: _Reader,
    by_pseudonym: bool,
) -> dict[tuple[str, str], int]:
    """Validate one dataset's files (already read; their text tables are dropped here), note their skipped
    rows, keep its problems with their original values, and with `write` copy its good rows into the
    attached warehouse. The unchanged files of `reused` (with the last load's files) are taken over from the
    current warehouse, unless their rows would come out differently in a full load (reuse.conflicts): then
    they are read and validated too. `by_pseudonym`: see validate.reference_join. Returns the rows loaded
    per (dataset, file label)."""
    name = dataset.name
    unchanged, kept = reused
    rows = rows_sql(files, dataset, ROW_STRIDE)
    # reasons quoting a cell come with any NIP masked, and name a column as its file does
    validate_dataset(con, dataset, rows, key, by_pseudonym, column_labels(files))
    if unchanged and reuse.conflicts(con, dataset, unchanged, kept, key):
        discard(con, dataset)
        files = sorted(files + reader.read(unchanged), key=lambda f: f.name)
        unchanged = []
        rows = rows_sql(files, dataset, ROW_STRIDE)
        validate_dataset(con, dataset, rows, key, by_pseudonym, column_labels(files))
    warn_load_wide(con, dataset, reuse.reused_rows(dataset, unchanged, kept) if unchanged else None)
    skipped = con.execute(f"SELECT _file, _line, _skip FROM parsed_{name} WHERE _skip > 0 ORDER BY _row").fetchall()
    for src in files:
        labels = set(src.labels) | {src.name}
        skip_notes(
            src,
            sum(1 for label, _, kind in skipped if kind == 1 and label in labels),
            [(label, line) for label, line, kind in skipped if kind == 2 and label in labels],
        )
    add_reject_rows(con, dataset, rows)
    if unchanged and name in TARGETS:
        reuse.add_keys(con, dataset, unchanged, kept)
    loaded = {(name, f): n for f, n in con.execute(f"SELECT _file, count(*) FROM ok_{name} GROUP BY _file").fetchall()}
    if unchanged and write:
        reuse.drop_other_rows(con, dataset, unchanged, kept)
    if write:
        write_raw(con, dataset, key, append=bool(unchanged))
    for src in unchanged:
        reuse.take_over(src, kept[(name, src.name)])
        loaded[(name, src.name)] = kept[(name, src.name)].rows_loaded
    con.execute(f"DROP VIEW ok_{name}")
    con.execute(f"DROP TABLE parsed_{name}")
    for src in files:
        con.execute(f"DROP TABLE {src.table}")
    return loaded


def _count(
    con: duckdb.DuckDBPyConnection, files: list[SourceFile], loaded: dict[tuple[str, str], int], report: Report
) -> None:
    """Fill report.files and report.datasets with rows read, loaded, rejected and skipped."""
    rejected = dict(
        ((d, f), n)
        for d, f, n in con.execute(
            "SELECT dataset, file, count(*) FROM (SELECT DISTINCT dataset, file, _row FROM rejects"
            " UNION ALL SELECT dataset, file, line FROM parse_rejects) GROUP BY ALL"
        ).fetchall()
    )
    warned = dict(
        ((d, f), n)
        for d, f, n in con.execute("SELECT dataset, file, count(DISTINCT _row) FROM warnings GROUP BY ALL").fetchall()
    )
    for src in files:
        labels = set(src.labels) | {src.name}
        rows_warned = sum(warned.get((src.dataset, label), 0) for label in labels)
        if rows_warned:
            src.notes.append(f"{rows_warned} baris dimuat dengan peringatan (lihat daftar peringatan).")
        report.files.append(
            {
                "dataset": src.dataset,
                "file": src.name,
                "sha256": src.sha256,
                "rows_read": src.rows_read,
                "rows_loaded": sum(loaded.get((src.dataset, label), 0) for label in labels),
                "rows_rejected": sum(rejected.get((src.dataset, label), 0) for label in labels),
                "rows_skipped": src.rows_skipped,
                "rows_warned": rows_warned,
                "mapping": src.mapping.label if src.mapping else None,  # how the file was read onto the contract
                "reused": src.reused,  # unchanged since the last load: its validated rows were taken over
                "labels": src.labels or [src.name],  # the _file of its rows (a workbook: one per sheet)
                "notes": src.notes,
            }
        )
        report.skipped += [
            {"dataset": src.dataset, "file": label, "line": line, "reason": TOTAL_REASON} for label, line in src.skipped
        ]
    for name in LOAD_ORDER:
        mine = [f for f in report.files if f["dataset"] == name]
        report.datasets[name] = {
            "files": len(mine),
            **{k: sum(f[k] for f in mine) for k in (*COUNTS, "rows_warned")},
        }
    report.warnings = [
        dict(zip(("dataset", "file", "line", "column_name", "reason"), row, strict=True))
        for row in con.execute(
            "SELECT dataset, file, line, column_name, reason FROM warnings ORDER BY dataset, file, line, column_name"
        ).fetchall()
    ]
    report.reject_examples = [
        dict(zip(("dataset", "file", "line", "column", "reason"), row, strict=True))
        for row in con.execute(
            "SELECT dataset, file, line, column_name, reason FROM rejects ORDER BY dataset, file, line LIMIT 20"
        ).fetchall()
    ]


def check(source: Path, collect_rejects: bool = False, current: Path | None = None) -> Report:
    """Validate a source folder and write nothing; return the report (status ok or failed).

    With collect_rejects, report.rejects holds every problem as etl_rejects would: dataset, file,
    line, column_name, reason, raw_values (JSON text, NIP masked, nama left out). With `current` (the
    warehouse the folder would replace), files unchanged since the load that made it are not read, as
    in `load`, with the same report as reading everything.
    """
    report = Report()
    scratch.sweep()  # a check writes nothing, so it takes no writer's lock: it sweeps on its own
    if current is not None and current.exists() and damage(current, full=False) is not None:
        current = None  # nothing can be taken over: read everything (a damaged warehouse is the load's to refuse)
    # nothing is stored: any key will do, but taking over the current warehouse's rows needs its own
    try:
        key = (existing_key(current) if current is not None else None) or secrets.token_hex(32)
    except KeyProblem as problem:
        return _failed(report, problem.where, problem)
    with scratch.private_folder("etl") as tmp:
        con = scratch_connection(tmp)
        try:
            _validate_folder(con, source, report, key, current=current)
            if collect_rejects and not report.errors:
                create_reject_report(con)
                cursor = con.execute("SELECT * FROM reject_report")
                names = [d[0] for d in cursor.description]
                report.rejects = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            con.close()
    report.status = "failed" if report.errors else "ok"
    return report


def load(
    source: Path,
    db: Path,
    keep_backups: int = 0,
    reuse_unchanged: bool = True,
    current: Path | None = None,
    allowed: frozenset[str] | None = None,
) -> Report:
    """Validate a source folder and, when no file has a problem, replace the warehouse at `db`.

    With keep_backups > 0 the warehouse being replaced is kept in cadangan/ beside it (the newest
    that many; see etl/backup.py). With reuse_unchanged, files unchanged since the load that made the
    current warehouse (`current`, by default `db` itself) are not read again: their validated rows are
    taken over (etl/reuse.py), with the same result as reading everything; a `current` elsewhere lends
    its pseudonym secret too (a throwaway load beside the live warehouse). Returns the report. On
    failure the existing warehouse is left exactly as it was. For a sender who administers only the kota
    `allowed`, the new warehouse replaces the current one (`current`, by default `db`) only when no row about
    another kota differs between them (etl/scoped_write.py); else the report's errors say what would change.
    """
    replaced = current or db  # what a scoped sender's load is compared with
    current = replaced if reuse_unchanged else None
    report = Report(db=str(db))
    try:
        ikm_convention()  # a setting the marts are built with: refused before anything is read
    except ValueError as problem:
        return _failed(report, IKM_PENIMBANG_ENV, problem)
    with scratch.writer(db, "pemuatan data"):  # one writer at a time; a caller may hold it already
        why = damage(db) if db.exists() else None
        if why is not None and reuse_unchanged:  # --penuh rebuilds over it; a plain load would build on it
            return _failed(report, db.name, ValueError(DAMAGED.format(name=db.name, why=why)))
        if current not in (None, db) and damage(current, full=False) is not None:
            current = None  # a throwaway load beside a damaged live warehouse reads everything itself
        try:  # the secret first: with an empty, short or lost one nothing may be written
            if db.exists() and current in (None, db) and existing_key(db) is None:
                raise KeyProblem(LOST_KEY.format(name=db.name, file=key_file(db)), str(key_file(db)))
            # a throwaway load beside the live warehouse (current) borrows its secret
            key = (existing_key(current) if current not in (None, db) else None) or pseudonym_key(db)
        except KeyProblem as problem:
            return _failed(report, problem.where, problem)
        try:
            _load(source, db, keep_backups, current, report, key, db.exists() and why is None, (allowed, replaced))
        except (OSError, duckdb.IOException, duckdb.OutOfMemoryException, duckdb.FatalException) as problem:
            report.run_id = None
            return _failed(report, db.name, ValueError(fault(problem)))
    return report


def fault(problem: Exception) -> str:
    """Return a load's failure to write or read as a sentence for people, in Indonesian: a full disk, no memory,
    no permission, or what DuckDB or the system said. The warehouse is always left as it was."""
    said = str(problem)
    if getattr(problem, "errno", None) == errno.ENOSPC or "No space left" in said:
        what = "Disk penuh: gudang data baru atau salinan cadangannya tidak muat. Kosongkan ruang disk, lalu muat lagi."
    elif isinstance(problem, duckdb.OutOfMemoryException):
        what = (
            f"Memori tidak cukup untuk memuat data ({settings.ETL_MEMORY_ENV}={settings.etl_memory()}); naikkan"
            " batasnya atau kosongkan memori, lalu muat lagi."
        )
    elif isinstance(problem, PermissionError):
        what = f"Tidak ada izin untuk menulis atau membaca {problem.filename or 'sebuah file'}."
    else:
        what = f"Gudang data tidak dapat ditulis ({said})."
    return what + " Gudang data yang sekarang tidak diubah."


def _failed(report: Report, file: str, problem: Exception) -> Report:
    """Return `report` failed with one error about `file` (a setting or the key file): nothing was written."""
    report.errors.append({"file": file, "message": str(problem)})
    report.status = "failed"
    return report


def _load(
    source: Path,
    db: Path,
    keep_backups: int,
    current: Path | None,
    report: Report,
    key: str,
    readable: bool,
    scope: tuple[frozenset[str] | None, Path],
) -> None:
    """The body of `load`, under the writer's lock and with the pseudonym secret `key`: fills `report`.
    `readable`: every block of the warehouse being replaced was just read (it is kept without reading it again).
    `scope`: the kota of a scoped sender, outside which nothing may change (None: anyone's), and the warehouse
    the result is compared with."""
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    clock = time.perf_counter()
    phases: dict[str, float] = {}
    with new_warehouse(db) as new:
        with scratch.private_folder("etl") as tmp:
            scratch_con = scratch_connection(tmp)
            try:
                db.parent.mkdir(parents=True, exist_ok=True)
                _validate_folder(scratch_con, source, report, key, new, current)
                phases["validate"] = round(time.perf_counter() - clock, 3)  # raw tables included
                if report.errors:
                    report.status = "failed"
                    return
                create_reject_report(scratch_con)
                write_rejects(scratch_con)
            finally:
                scratch_con.close()
        phases["rejects"] = round(time.perf_counter() - clock - phases["validate"], 3)  # the reject report
        con = build_connection(new)
        try:
            copy_run_history(con, db)
            build_views(con)
            if report.marts_kota is None or not reuse_marts.rebuild(con, report.marts_kota):
                report.marts_kota = None
                build_marts(con)
            build_mart_views(con)
            phases["models"] = round(time.perf_counter() - clock - sum(phases.values()), 3)
            report.run_id = new_run_id(started)
            totals = {k: v for k, v in report.totals().items() if k in COUNTS}
            run = {
                "run_id": report.run_id,
                "started": started,
                "finished": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                "duration": round(time.perf_counter() - clock, 3),
                "source": str(source),
                "synthetic": report.synthetic,
                "outcome": "ok",
                **totals,
                "phases": phases,
                "ignored": report.ignored_files,
                "not_loaded": report.not_loaded,
                "fingerprint": reuse.fingerprint(key),
            }
            record_run(con, run, report.files)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        allowed, replaced = scope
        outside = scoped_write.changes_outside(replaced, new, allowed) if allowed is not None else []
        if outside:  # checked on the result: another kota's rows would change
            report.errors.extend(scoped_write.errors(outside))
            report.status, report.run_id = "failed", None
            return
        replace_warehouse(new, db, partial(keep_current, keep=keep_backups, readable=readable))
