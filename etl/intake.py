"""The upload workflow behind views/unggah.py, without Streamlit: preview, rejects file, load.

Uploaded files join the source folder, the system of record (data/sumber/ or $ASN_SOURCE_DIR):
a file with the name of one already there replaces it, any other is added beside the others,
so next year's files added beside last year's give the full history when the folder is loaded.
A preview validates the folder as it would be with the uploads, and writes nothing.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl import pipeline, scoped_write, scratch, siasn, skm_form
from etl.backup import KEEP
from etl.contract import DATASETS, PERSONAL, dataset_for_file
from etl.read import SOURCE_SUFFIXES
from etl.warehouse import connect, model_sql

MAX_UPLOAD_MB = 50  # per file; the uploader refuses larger files
UPLOAD_TYPES = ("csv", "xlsx", "json")  # what an upload may be (JSON: SIASN records as the API returns them)


def safe_name(name: str) -> str:
    """Return an uploaded file's name without any folder part (no writing outside the source folder)."""
    return Path(name.replace("\\", "/")).name


@dataclass(frozen=True)
class Outside:
    """Rows about a kota the sender does not administer: in an uploaded `file`, or (`replaces`) in the file of
    the source folder that an upload of the same name would replace. `lines` are the files' line numbers."""

    file: str
    kota: str
    lines: tuple[int, ...]
    replaces: bool = False


def rows_outside(
    folder: Path,
    files: list[str],
    allowed: frozenset[str],
    replaces: bool = False,
    current: Path | None = None,
    compare: bool = True,
) -> tuple[list[Outside], list[scoped_write.Change]]:
    """Return what loading source folder `folder` would do outside the kota `allowed`: the rows of `files` (every
    sheet of a workbook) about another kota, loaded or rejected, grouped by file and kota (a rejected row too: a
    file of the folder of record must not carry another city's rows that a later load could take up;
    etl/sql/checks/kota_baris.sql), and every change to another kota's
    rows against the `current` warehouse (etl/scoped_write.py; [] without `compare`), both over a throwaway load
    of the folder that takes over the files unchanged since the load of `current`. ([], []) when it cannot load,
    which the preview reports on its own."""
    with scratch.private_folder("cakupan") as tmp:
        db = tmp / "cek.duckdb"
        loaded = pipeline.load(folder, db, current=current)
        if loaded.errors:
            return [], []
        changes = scoped_write.changes_outside(current, db, allowed) if compare else []
        labels = [label for f in loaded.files if f["file"] in files for label in f["labels"]]  # a workbook's sheets
        con = connect(db, read_only=True)
        try:
            rows = con.execute(model_sql("checks", "kota_baris"), {"files": labels}).fetchall()
        finally:
            con.close()
    found: dict[tuple[str, str], list[int]] = {}
    for file, line, kota in rows:
        if kota not in allowed:
            found.setdefault((file, kota), []).append(int(line))
    return [Outside(file, kota, tuple(lines), replaces) for (file, kota), lines in found.items()], changes


def lines_text(lines: tuple[int, ...], most: int = 10) -> str:
    """Return line numbers for a message: '2, 5, 9' or, past `most`, the first ones and '...'."""
    shown = ", ".join(str(n) for n in lines[:most])
    return shown + (", ..." if len(lines) > most else "")


@dataclass
class Preview:
    """What loading the source folder with these uploads would do; nothing has been written.

    report: the check of the folder as it would be (rejects collected). uploads: the uploaded
    names with the dataset each belongs to (a SIASN file: the datasets its records feed, comma-separated;
    None: no dataset, it will not be read). replaced: the uploaded names that replace a file of the same
    name in the source folder. needs_unit: uploaded survey forms with no kota or unit column, for which
    the unit and city are to be chosen (skm_form.unit_file makes the upload that records the choice).
    """

    report: pipeline.Report
    uploads: dict[str, str | None] = field(default_factory=dict)
    replaced: list[str] = field(default_factory=list)
    needs_unit: list[str] = field(default_factory=list)  # survey forms without kota and unit: choose them
    outside: list[Outside] = field(default_factory=list)
    changes: list[scoped_write.Change] = field(default_factory=list)  # to other kota's rows: refused

    @property
    def can_load(self) -> bool:
        """Return True when no file has a problem, no row lies outside the sender's kota and no other kota's rows
        would change, and at least one upload belongs to a dataset."""
        clean = not self.report.errors and not self.outside and not self.changes
        return clean and any(self.uploads.values())

    def datasets(self) -> pd.DataFrame:
        """Return one row per dataset with files: dataset, files, rows_read, rows_loaded, rows_rejected,
        rows_skipped, rows_warned (loaded as recorded with a warning)."""
        rows = [{"dataset": name, **counts} for name, counts in self.report.datasets.items() if counts["files"]]
        return pd.DataFrame(
            rows,
            columns=["dataset", "files", "rows_read", "rows_loaded", "rows_rejected", "rows_skipped", "rows_warned"],
        )

    def skipped(self) -> pd.DataFrame:
        """Return the total rows that will be skipped: dataset, file, line, reason."""
        return pd.DataFrame(self.report.skipped, columns=["dataset", "file", "line", "reason"])

    def rejects_xlsx(self) -> bytes:
        """Return the rejected rows as an XLSX to fix and send again (see rejects_xlsx)."""
        return rejects_xlsx(self.report.rejects)


def rejects_xlsx(rejects: list[dict]) -> bytes:
    """Return an XLSX with a sheet per dataset: one row per rejected row with file, line, the columns
    at fault and the reasons, next to the row's original values (NIP masked, nama left out)."""
    by_dataset: dict[str, dict[tuple, dict]] = {}
    for r in rejects:
        rows = by_dataset.setdefault(r["dataset"], {})
        row = rows.setdefault(
            (r["file"], r["line"]),
            {"berkas": r["file"], "baris": r["line"], "kolom": [], "alasan": [], "values": r["raw_values"]},
        )
        if r["column_name"] and r["column_name"] not in row["kolom"]:
            row["kolom"].append(r["column_name"])
        row["alasan"].append(r["reason"])
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        if not by_dataset:
            pd.DataFrame({"keterangan": ["Tidak ada baris yang ditolak."]}).to_excel(
                writer, sheet_name="ditolak", index=False
            )
        for name in (n for n in DATASETS if n in by_dataset):
            columns = [c.name for c in DATASETS[name].columns if c.kind != PERSONAL]
            records = []
            for row in by_dataset[name].values():
                values = json.loads(row["values"]) if row["values"] else None
                record = {
                    "berkas": row["berkas"],
                    "baris": row["baris"],
                    "kolom": ", ".join(row["kolom"]),
                    "alasan": " | ".join(row["alasan"]),
                }
                if isinstance(values, dict):
                    record.update({c: values.get(c) for c in columns})
                else:  # a line the CSV parser could not split: the line as written
                    record["baris_asli"] = values
                records.append(record)
            frame = pd.DataFrame(records).sort_values(["berkas", "baris"])
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            sheet.freeze_panes = "E2"
            for letter, width in (("A", 26), ("B", 8), ("C", 18), ("D", 60)):
                sheet.column_dimensions[letter].width = width
    return out.getvalue()


def _stage(uploads: list[tuple[str, bytes]], source: Path, folder: Path) -> None:
    """Copy the source folder's files and then the uploads into `folder` (uploads replace same names)."""
    if source.is_dir():
        for path in source.iterdir():
            if path.is_file():
                shutil.copy2(path, folder / path.name)
    for name, content in uploads:
        (folder / safe_name(name)).write_bytes(content)


def preview(
    uploads: list[tuple[str, bytes]], source: Path, allowed: frozenset[str] | None = None, db: Path | None = None
) -> Preview:
    """Return what loading `source` plus the uploads would do; writes nothing outside a temp folder. For a
    sender who administers only the kota `allowed` (None: every city), it also finds the rows about other
    kota in the uploads and in the source files they would replace (Preview.outside: they cannot load).
    With `db` (the warehouse the load would replace) the files unchanged since its load are not read again."""
    existing = {p.name for p in source.iterdir()} if source.is_dir() else set()
    names = {safe_name(n): None for n, _ in uploads if not skm_form.is_sidecar(n)}  # a chosen unit goes with its form
    replaced = sorted(n for n in names if n in existing)
    outside: list[Outside] = []
    with scratch.private_folder("unggah") as tmp:
        _stage(uploads, source, tmp)
        needs_unit = []
        for name in names:  # a SIASN file or survey form belongs by its columns, under any name
            path = tmp / name
            kind = siasn.sniff(path) or skm_form.sniff(path)
            belongs = dataset_for_file(name) if Path(name).suffix.lower() in SOURCE_SUFFIXES else None
            names[name] = ", ".join(kind.datasets) if kind else belongs
            if kind is skm_form.FORM and skm_form.needs_unit(path):
                needs_unit.append(name)
        report = pipeline.check(Path(tmp), collect_rejects=True, current=db)
        changes: list[scoped_write.Change] = []
        if allowed is not None and not report.errors:
            outside, changes = rows_outside(Path(tmp), list(names), allowed, current=db)
    if outside == [] and allowed is not None and replaced and not report.errors:
        outside = rows_outside(source, replaced, allowed, replaces=True, current=db, compare=False)[0]
    for e in report.errors:  # name the folder of record, not the temporary copy
        e["file"] = e["file"].replace(tmp, str(source))
    if allowed is not None:  # a city's admin sees their own files only
        report = own_part(report, set(names))
    return Preview(report, names, replaced, needs_unit, outside, changes)


OTHER_FILE = "Ada masalah pada berkas lain di folder sumber (bukan unggahan Anda); hubungi admin semua kota."
FIRST_ELSEWHERE = re.compile(r"yang dipakai baris \d+ di file (?P<file>.+?)\.$")


def own_part(report: pipeline.Report, names: set[str]) -> pipeline.Report:
    """Return the part of a check's `report` about the uploaded files `names` only, for an admin of some kota:
    their files' counts, rejects, warnings and skipped rows; a problem with another file as one sentence that
    does not name it; a duplicate settled in favour of another file without naming that file or line."""
    files = [f for f in report.files if f["file"] in names]
    labels = {label for f in files for label in f["labels"]} | names
    datasets = {}
    for name in report.datasets:
        mine = [f for f in files if f["dataset"] == name]
        datasets[name] = {"files": len(mine), **{k: sum(f[k] for f in mine) for k in (*pipeline.COUNTS, "rows_warned")}}
    errors = [e for e in report.errors if Path(e["file"]).name in names]
    if len(errors) < len(report.errors):
        errors.append({"file": "folder sumber", "message": OTHER_FILE})

    def said(row: dict) -> dict:
        first = FIRST_ELSEWHERE.search(row["reason"] or "")
        if first and first["file"] not in labels:
            return row | {"reason": row["reason"][: first.start()] + "yang dipakai baris di berkas lain."}
        return row

    return pipeline.Report(
        status=report.status,
        datasets=datasets,
        errors=errors,
        ignored_files=[f for f in report.ignored_files if Path(f).name in names],
        not_loaded=[f for f in report.not_loaded if f["file"] in names],
        synthetic=report.synthetic,
        files=files,
        skipped=[r for r in report.skipped if r["file"] in labels],
        rejects=[said(r) for r in report.rejects if r["file"] in labels],
        warnings=[w for w in report.warnings if w["file"] in labels],
        reject_examples=[said(r) for r in report.reject_examples if r["file"] in labels],
    )


def commit(
    uploads: list[tuple[str, bytes]],
    source: Path,
    db: Path,
    keep: int = KEEP,
    allowed: frozenset[str] | None = None,
    who: str = "unggahan",
) -> pipeline.Report:
    """Save the uploads into the source folder and load it into the warehouse (keeping `keep` backups).

    Unless the load succeeds, the source folder is put back exactly as it was: a refused or failed load, a
    fault while saving the uploads (a full disk: the report says so) and an interruption (SIGTERM, Ctrl-C) alike.
    For a sender who administers only the kota `allowed`, the load replaces the warehouse only when no other
    kota's rows change (pipeline.load, checked on its result). One write at a time (etl.scratch.writer, `who`
    telling a second one who holds it): a second commit waits, then loads the folder with both uploads. Returns
    the load's report.
    """
    with scratch.writer(db, who):  # the source folder of record and the warehouse change together, one at a time
        before: dict[str, bytes | None] = {}
        report: pipeline.Report | None = None
        try:
            source.mkdir(parents=True, exist_ok=True)
            for name, content in uploads:
                path = source / safe_name(name)
                before.setdefault(path.name, path.read_bytes() if path.is_file() else None)
                path.write_bytes(content)
            report = pipeline.load(source, db, keep_backups=keep, allowed=allowed)
        except OSError as problem:  # saving the uploads: a full disk, no permission, a folder in the way
            report = pipeline.Report(
                db=str(db), status="failed", errors=[{"file": source.name, "message": pipeline.fault(problem)}]
            )
        finally:
            if report is None or report.errors:
                _put_back(source, before)
    return report


def _put_back(source: Path, before: dict[str, bytes | None]) -> None:
    """Return the files of `source` named in `before` to what they were (None: absent)."""
    for name, content in before.items():
        path = source / name
        if content is None:
            if path.is_file():
                path.unlink()
        else:
            path.write_bytes(content)
