"""Reuse the validated rows of unchanged files: one city's update does not revalidate the nation.

A load into an existing warehouse reads and validates again only the files that changed. A file is
taken over from the current warehouse (its rows from raw_<dataset>, its counts and notes from
etl_run_files) when all of these hold, so that the new warehouse is identical to a full load (every table
row for row; only the run's own record differs: its timings and which files were reused, and the raw
tables' physical order, which no reader relies on):

- the current warehouse was made by a load (its newest run is not a restore) with the same validation
  code and pseudonym secret (`fingerprint`, kept in etl_runs.validation_fingerprint);
- the file has the same name and sha256 as in that load, and nothing of it was rejected, skipped or
  warned about;
- it is a plain contract file (a SIASN export or a survey form is mapped on every load);
- after the changed files are validated, every reference of its rows still finds its target (a city
  renamed in kota.csv, a person removed from pegawai) and none of its keys is also a key of a new row.
  When either fails, the whole dataset is read and validated again (`conflicts`). A check over all the rows
  of a dataset (program's unusual JP, validate.warn_load_wide) sees the reused rows too (`reused_rows`).

Reused NIP references cannot be looked up by NIP: the warehouse holds only pseudonyms. In such a load a
reference to pegawai joins on the pseudonym of the referring NIP (validate.reference_join), and the
reused rows enter keys_<dataset> with their stored value and no plain key.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import duckdb

from etl.contract import DATASETS, NIP, PERSONAL, TARGETS, Dataset
from etl.pseudonym import pseudonym_sql, stored_name
from etl.read import SourceFile, scan_file
from etl.validate import match_key, parsed
from etl.warehouse import MARTS

OLD = "old"  # the current warehouse, attached read-only to the scratch database
CODE_FOLDERS = ("etl", "domain")  # the code whose change may change what a row validates to
PACKAGES = ("duckdb", "pandas", "python-calamine", "openpyxl")  # what turns a file's bytes into cells and values


@dataclass(frozen=True)
class Kept:
    """A file of the load that made the current warehouse: its checksum, the `_file` labels of its rows and
    what that load found (`clean`: nothing of it rejected, skipped or warned about, so it may be taken over)."""

    sha256: str
    labels: tuple[str, ...]
    rows_read: int
    rows_loaded: int
    notes: list[str]
    clean: bool


def _code_digest() -> bytes:
    """Return the sha256 of the validation code as this process imported it (etl/ and domain/ Python and SQL,
    read once, at import: a server not restarted after an update still validates with the old code), Python's
    version and the versions of PACKAGES."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(sys.version.encode())
    for package in PACKAGES:
        try:
            digest.update(f"\0{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{package}=-".encode())
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".sql") and path.is_file():
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.digest()


CODE = _code_digest()


def fingerprint(key: str) -> str:
    """Return the hex fingerprint of what validates a load: the code (CODE) and the pseudonym secret. Two loads
    with the same fingerprint turn the same file into the same raw rows. The secret cannot be read back from
    it (a 256-bit random value under sha256)."""
    return hashlib.sha256(CODE + key.encode()).hexdigest()


def attach_current(con: duckdb.DuckDBPyConnection, current: Path, key: str) -> tuple[str, dict[tuple[str, str], Kept]]:
    """Attach the current warehouse read-only to `con` as OLD and return (the run that made it, its files by
    (dataset, file name)), both read through that attachment, so the list of files and the rows come from one
    version of the file. Returns ("", {}) and leaves nothing attached when nothing can be reused: no warehouse,
    a write-ahead log beside it (a file copy would miss what the log holds), a newest run that is not a load,
    or another fingerprint (other code or another secret)."""
    if not current.exists() or current.with_name(current.name + ".wal").exists():
        return "", {}
    try:
        con.execute(f"ATTACH $path AS {OLD} (READ_ONLY)", {"path": str(current)})
    except duckdb.Error:
        return "", {}
    try:
        run = con.execute(
            f"SELECT run_id, outcome, validation_fingerprint FROM {OLD}.etl_runs ORDER BY finished_at_utc DESC LIMIT 1"
        ).fetchone()
        if run is None or run[1] != "ok" or run[2] != fingerprint(key):
            con.execute(f"DETACH {OLD}")
            return "", {}
        rows = con.execute(
            "SELECT f.dataset, f.file, f.sha256, f.labels, f.rows_read, f.rows_loaded, f.notes,"
            " f.rows_rejected = 0 AND f.rows_skipped = 0 AND f.labels IS NOT NULL AND NOT EXISTS"
            f" (SELECT 1 FROM {OLD}.etl_warnings w WHERE w.dataset = f.dataset"
            " AND list_contains(f.labels::VARCHAR[], w.file))"
            f" FROM {OLD}.etl_run_files f WHERE f.run_id = $run",
            {"run": run[0]},
        ).fetchall()
    except duckdb.Error:  # a warehouse from before this module: nothing to reuse
        con.execute(f"DETACH {OLD}")
        return "", {}
    kept = {
        (d, f): Kept(sha, tuple(json.loads(labels or "[]")), read, loaded, json.loads(notes or "[]"), clean)
        for d, f, sha, labels, read, loaded, notes, clean in rows
    }
    return run[0], kept


def unchanged(files: list[SourceFile], kept: dict[tuple[str, str], Kept]) -> list[SourceFile]:
    """Return the files that may be taken over from the current warehouse: a clean file of `kept` with the same
    name and sha256 (computed here: a pass over the file, far cheaper than reading it); never a SIASN export or
    a survey form, which are mapped anew on every load."""
    found = []
    for src in files:
        old = kept.get((src.dataset, src.name))
        if old is None or not old.clean or src.mapping is not None:
            continue
        src.sha256 = scan_file(src.path, blank_lines=False).sha256
        if src.sha256 == old.sha256:
            found.append(src)
    return found


def take_over(src: SourceFile, old: Kept) -> None:
    """Mark a file as taken over from the current warehouse, with the rows read and the notes of its last load."""
    src.reused = True
    src.labels = list(old.labels)
    src.rows_read = old.rows_read
    src.notes = list(old.notes)


def of_files(reused: list[SourceFile], kept: dict[tuple[str, str], Kept]) -> tuple[str, dict]:
    """Return (SQL condition on _file, parameters) for the rows of raw_<dataset> that come from the `reused`
    files (all of one dataset), told apart from the rows of the other files of the last load: usually a few, so
    the condition names those, by the labels their rows carry (a CSV's name; 'name [sheet]' for a workbook's
    sheets)."""
    dataset = reused[0].dataset
    names = {src.name for src in reused}
    others = [label for (d, f), k in kept.items() if d == dataset and f not in names for label in k.labels or (f,)]
    if not others:
        return "true", {}
    return "_file NOT IN $others", {"others": others}


def reused_rows(dataset: Dataset, reused: list[SourceFile], kept: dict[tuple[str, str], Kept]) -> tuple[str, dict]:
    """Return (SQL, parameters) of the reused rows of a dataset as view ok_<dataset> has them: _row (unique within
    a file), _file, _line and p_<column> as stored (for validate.warn_load_wide)."""
    where, params = of_files(reused, kept)
    columns = ", ".join(
        f"{stored_name(c.name) if c.kind == NIP else c.name} AS {parsed(c.name)}"
        for c in dataset.columns
        if c.kind != PERSONAL
    )
    return f"SELECT -_line AS _row, _file, _line, {columns} FROM {OLD}.raw_{dataset.name} WHERE {where}", params


def _stored(dataset: Dataset, column: str, new: bool) -> str:
    """Return SQL for a key column as raw_<dataset> stores it: over ok_<dataset> (`new`) or over the raw table."""
    c = dataset.column(column)
    if c.kind == NIP:
        referenced = any(r.column == column for r in dataset.references)
        if not new:
            return stored_name(column)
        return parsed(column) if referenced else pseudonym_sql(parsed(column))
    return match_key(c, parsed(column) if new else column)


def conflicts(
    con: duckdb.DuckDBPyConnection,
    dataset: Dataset,
    reused: list[SourceFile],
    kept: dict[tuple[str, str], Kept],
    key: str,
) -> bool:
    """Return whether the reused rows of `dataset` would come out differently in a full load: a reference whose
    target is gone from keys_<target> (which holds this load's rows), or a key that a row of the changed files
    (view ok_<dataset>) also has. Every reused row found its target in the last load, so only the targets that
    load had and this one has not are looked for."""
    where, params = of_files(reused, kept)
    for ref in dataset.references:
        target = DATASETS[ref.target].column(ref.target_column)
        stored = stored_name(target.name) if target.kind == NIP else target.name
        gone = (
            f"SELECT {stored} FROM {OLD}.raw_{ref.target}"
            f" EXCEPT SELECT _value FROM keys_{ref.target} WHERE _value IS NOT NULL"
        )
        if not con.execute(f"SELECT count(*) FROM ({gone})").fetchone()[0]:
            continue
        column = stored_name(ref.column) if dataset.column(ref.column).kind == NIP else ref.column
        lost = f"SELECT count(*) FROM {OLD}.raw_{dataset.name} WHERE {where} AND {column} IN ({gone})"
        if con.execute(lost, params).fetchone()[0]:
            return True
    if not dataset.key or not con.execute(f"SELECT count(*) FROM ok_{dataset.name}").fetchone()[0]:
        return False
    new = ", ".join(f"{_stored(dataset, k, True)} AS k{i}" for i, k in enumerate(dataset.key))
    old = ", ".join(f"{_stored(dataset, k, False)} AS k{i}" for i, k in enumerate(dataset.key))
    same = " AND ".join(f"o.k{i} IS NOT DISTINCT FROM n.k{i}" for i in range(len(dataset.key)))
    clash = con.execute(
        f"SELECT count(*) FROM (SELECT {old} FROM {OLD}.raw_{dataset.name} WHERE {where}) o"
        f" SEMI JOIN (SELECT {new} FROM ok_{dataset.name}) n ON {same}",
        params | ({"key": key} if "$key" in new else {}),
    ).fetchone()[0]
    return clash > 0


def add_keys(con: duckdb.DuckDBPyConnection, dataset: Dataset, reused: list[SourceFile], kept: dict) -> None:
    """Add the reused rows of a dataset others refer to into keys_<dataset>: their stored value, and their
    matching key (none for a NIP: a reference to it joins on the pseudonym, validate.reference_join)."""
    column = dataset.column(TARGETS[dataset.name])
    where, params = of_files(reused, kept)
    if column.kind == NIP:
        select = f"NULL, {stored_name(column.name)}"
    else:
        select = f"{match_key(column, column.name)}, {column.name}"
    con.execute(f"INSERT INTO keys_{dataset.name} SELECT {select} FROM {OLD}.raw_{dataset.name} WHERE {where}", params)


def start_from(current: Path, new: Path, run_id: str) -> bool:
    """Start the new warehouse file as a copy of the current one (copying the file is many times faster than
    copying its rows); keep_raw_and_marts then leaves its raw tables and marts. Returns False, and leaves no file, when
    the copy is not the version made by `run_id` (another load swapped in a newer one meanwhile)."""
    shutil.copyfile(current, new)
    con = duckdb.connect(str(new), read_only=True)
    try:
        newest = con.execute("SELECT run_id FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1").fetchone()
    finally:
        con.close()
    if newest is None or newest[0] != run_id:
        new.unlink()
        return False
    return True


def keep_raw_and_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Drop from the new warehouse (attached as wh) everything but its raw tables and marts: the load makes the
    rest anew (rejects, warnings and run history in the scratch database and etl/warehouse.py, views and macros
    in etl/warehouse.py) and the marts again for the kota whose rows changed (etl/reuse_marts.py)."""
    mine = "database_name = 'wh'"
    kept = "starts_with(table_name, 'raw_') OR list_contains($marts, table_name)"
    derived = (
        ("VIEW", f"SELECT view_name FROM duckdb_views() WHERE {mine} AND NOT internal"),
        ("TABLE", f"SELECT table_name FROM duckdb_tables() WHERE {mine} AND NOT ({kept})"),
        ("MACRO", f"SELECT DISTINCT function_name FROM duckdb_functions() WHERE {mine} AND function_type = 'macro'"),
        (
            "MACRO TABLE",
            f"SELECT DISTINCT function_name FROM duckdb_functions() WHERE {mine} AND function_type = 'table_macro'",
        ),
    )
    for kind, names in derived:
        for (name,) in con.execute(names, {"marts": list(MARTS)} if "$marts" in names else None).fetchall():
            con.execute(f'DROP {kind} wh."{name}"')


def drop_other_rows(con: duckdb.DuckDBPyConnection, dataset: Dataset, reused: list[SourceFile], kept: dict) -> None:
    """Delete from the new warehouse's raw_<dataset> (a copy of the current one, attached as wh) the rows that do not
    come from the reused files: the changed and removed files' rows of the last load. Run before the new rows
    are written, which may carry the name of a changed file."""
    where, params = of_files(reused, kept)
    if where != "true":
        con.execute(f"DELETE FROM wh.raw_{dataset.name} WHERE NOT ({where})", params)
