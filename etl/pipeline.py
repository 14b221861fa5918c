"""The two things the ETL does: check a source folder, and load it into a new warehouse.

source files -> read (etl/read.py) -> validate (etl/validate.py) -> raw tables, staging views
and marts in a new warehouse file (etl/warehouse.py) -> atomic swap. Personal data stays in a
scratch database that is deleted at the end.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.backup import keep_current
from etl.contract import DATASETS, LOAD_ORDER, SYNTHETIC_MARKER
from etl.pseudonym import pseudonym_key
from etl.read import TOTAL_REASON, FileProblem, SourceFile, create_parse_rejects, discover, read_file
from etl.validate import create_rejects, validate_dataset
from etl.warehouse import (
    build_models,
    connect,
    copy_run_history,
    create_reject_report,
    masked_text,
    record_run,
    scratch_connection,
    swap_in,
    write_raw,
)


@dataclass
class Report:
    """What a check or load found: the JSON summary of the CLI, plus detail for people."""

    status: str = "ok"
    db: str | None = None
    datasets: dict[str, dict] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    ignored_files: list[str] = field(default_factory=list)
    synthetic: bool = False
    run_id: str | None = None
    files: list[dict] = field(default_factory=list)
    reject_examples: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # total rows skipped: dataset, file, line, reason
    rejects: list[dict] = field(default_factory=list)  # filled by check(collect_rejects=True)

    def summary(self) -> dict:
        """Return the JSON object printed by `--json`."""
        return {
            "status": self.status,
            "db": self.db,
            "datasets": self.datasets,
            "errors": self.errors,
            "ignored_files": self.ignored_files,
            "synthetic": self.synthetic,
        }


ROW_STRIDE = 10**12  # room for the rows of one file (CSV line, or sheet x 10^9 + spreadsheet row)


def _union_sources(con: duckdb.DuckDBPyConnection, name: str, tables: list[str]) -> None:
    """Create `src_<name>`: all files of a dataset in file order, each row with a unique `_row`."""
    columns = ", ".join(f"{c.name} VARCHAR" for c in DATASETS[name].columns)
    if not tables:
        con.execute(f"CREATE TABLE src_{name} (_row BIGINT, _file VARCHAR, _line BIGINT, {columns})")
        return
    # _row orders rows by file, then by their place in the file; arithmetic instead of a window
    # function keeps this a plain streaming copy (files are already in order, _seq < 10^12).
    union = " UNION ALL ".join(
        f"SELECT {i} * {ROW_STRIDE} + _seq AS _row, * EXCLUDE (_seq) FROM {t}" for i, t in enumerate(tables)
    )
    con.execute(f"CREATE TABLE src_{name} AS {union}")
    for t in tables:
        con.execute(f"DROP TABLE {t}")


def _validate_folder(con: duckdb.DuckDBPyConnection, source: Path, report: Report) -> list[SourceFile]:
    """Read and validate a folder into the scratch database; file problems go to report.errors."""
    try:
        files, report.ignored_files = discover(source)
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
    tables: dict[str, list[str]] = {name: [] for name in LOAD_ORDER}
    for i, src in enumerate(files):
        try:
            read_file(con, src, f"file_{i}")
            tables[src.dataset].append(f"file_{i}")
        except FileProblem as problem:
            report.errors.append({"file": problem.file, "message": problem.message})
    if report.errors:
        return files
    for name in LOAD_ORDER:
        _union_sources(con, name, tables[name])
        validate_dataset(con, DATASETS[name])
    # A reason may quote a cell; a NIP typed into the wrong column must not be repeated.
    con.execute(f"UPDATE rejects SET reason = {masked_text('reason')}")
    _count(con, files, report)
    return files


def _count(con: duckdb.DuckDBPyConnection, files: list[SourceFile], report: Report) -> None:
    """Fill report.files and report.datasets with rows read, loaded, rejected and skipped."""
    loaded = dict(
        ((d, f), n)
        for name in LOAD_ORDER
        for d, f, n in con.execute(f"SELECT $d, _file, count(*) FROM ok_{name} GROUP BY _file", {"d": name}).fetchall()
    )
    rejected = dict(
        ((d, f), n)
        for d, f, n in con.execute(
            "SELECT dataset, file, count(*) FROM (SELECT DISTINCT dataset, file, _row FROM rejects"
            " UNION ALL SELECT dataset, file, line FROM parse_rejects) GROUP BY ALL"
        ).fetchall()
    )
    for src in files:
        labels = set(src.labels) | {src.name}
        report.files.append(
            {
                "dataset": src.dataset,
                "file": src.name,
                "sha256": src.sha256,
                "rows_read": src.rows_read,
                "rows_loaded": sum(loaded.get((src.dataset, label), 0) for label in labels),
                "rows_rejected": sum(rejected.get((src.dataset, label), 0) for label in labels),
                "rows_skipped": src.rows_skipped,
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
            **{k: sum(f[k] for f in mine) for k in ("rows_read", "rows_loaded", "rows_rejected", "rows_skipped")},
        }
    report.reject_examples = [
        dict(zip(("dataset", "file", "line", "column", "reason"), row, strict=True))
        for row in con.execute(
            "SELECT dataset, file, line, column_name, reason FROM rejects ORDER BY dataset, file, line LIMIT 20"
        ).fetchall()
    ]


def check(source: Path, collect_rejects: bool = False) -> Report:
    """Validate a source folder and write nothing; return the report (status ok or failed).

    With collect_rejects, report.rejects holds every problem as etl_rejects would: dataset, file,
    line, column_name, reason, raw_values (JSON text, NIP masked, nama left out).
    """
    report = Report()
    with tempfile.TemporaryDirectory(prefix="asn-etl-") as tmp:
        con = scratch_connection(Path(tmp))
        try:
            _validate_folder(con, source, report)
            if collect_rejects and not report.errors:
                create_reject_report(con)
                cursor = con.execute("SELECT * FROM reject_report")
                names = [d[0] for d in cursor.description]
                report.rejects = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            con.close()
    report.status = "failed" if report.errors else "ok"
    return report


def load(source: Path, db: Path, keep_backups: int = 0) -> Report:
    """Validate a source folder and, when no file has a problem, replace the warehouse at `db`.

    With keep_backups > 0 the warehouse being replaced is kept in cadangan/ beside it (the newest
    that many; see etl/backup.py). Returns the report. On failure the existing warehouse is left
    exactly as it was.
    """
    report = Report(db=str(db))
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    clock = time.perf_counter()
    phases: dict[str, float] = {}
    new = db.with_name(f".{db.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with tempfile.TemporaryDirectory(prefix="asn-etl-") as tmp:
            scratch = scratch_connection(Path(tmp))
            try:
                _validate_folder(scratch, source, report)
                phases["validate"] = round(time.perf_counter() - clock, 3)
                if report.errors:
                    report.status = "failed"
                    return report
                db.parent.mkdir(parents=True, exist_ok=True)
                create_reject_report(scratch)
                write_raw(scratch, new, pseudonym_key(db))
            finally:
                scratch.close()
        phases["raw"] = round(time.perf_counter() - clock - phases["validate"], 3)
        con = connect(new)
        try:
            copy_run_history(con, db)
            build_models(con)
            phases["models"] = round(time.perf_counter() - clock - sum(phases.values()), 3)
            report.run_id = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
            totals = {
                k: sum(d[k] for d in report.datasets.values())
                for k in ("rows_read", "rows_loaded", "rows_rejected", "rows_skipped")
            }
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
            }
            record_run(con, run, report.files)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        keep_current(db, keep_backups)
        swap_in(new, db)
        return report
    finally:
        for leftover in (new, new.with_name(new.name + ".wal")):
            leftover.unlink(missing_ok=True)
