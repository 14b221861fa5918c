"""Reuse the validated rows of unchanged files: one city's update does not revalidate the nation.

A load into an existing warehouse reads and validates again only the files that changed. A file is
taken over from the current warehouse (its rows from raw_<dataset>, its counts and notes from
etl_run_files) when all of these hold, so that the new warehouse is identical to a full load:

- the current warehouse was made by a load (its newest run is not a restore) with the same validation
  code and pseudonym secret (`fingerprint`, kept in etl_runs.validation_fingerprint);
- the file has the same name and sha256 as in that load, and nothing of it was rejected, skipped or
  warned about;
- it is a plain contract file (a SIASN export or a survey form is mapped on every load) of a dataset
  without checks over the whole load (`LOAD_WIDE`: program's unusual-JP warning compares each activity
  with the median of all of them);
- after the changed files are validated, every reference of its rows still finds its target (a city
  renamed in kota.csv, a person removed from pegawai) and none of its keys is also a key of a new row.
  When either fails, the whole dataset is read and validated again (`conflicts`).

Reused NIP references cannot be looked up by NIP: the warehouse holds only pseudonyms. In such a load a
reference to pegawai joins on the pseudonym of the referring NIP (validate.reference_join), and the
reused rows enter keys_<dataset> with their stored value and no plain key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.contract import NIP, TARGETS, Dataset
from etl.pseudonym import pseudonym_sql, stored_name
from etl.read import SourceFile, scan_file
from etl.validate import match_key, parsed

LOAD_WIDE = frozenset({"program"})  # datasets with a check over all their rows (validate._warn_unusual_jp)
OLD = "old"  # the current warehouse, attached read-only to the scratch database
CODE_FOLDERS = ("etl", "domain")  # the code whose change may change what a row validates to


@dataclass(frozen=True)
class Kept:
    """A file of the current warehouse's load that may be reused: its checksum and what that load found."""

    sha256: str
    rows_read: int
    rows_loaded: int
    notes: list[str]


def fingerprint(key: str) -> str:
    """Return the hex sha256 of the validation code (etl/ and domain/ Python and SQL), DuckDB's version and the
    pseudonym secret: two loads with the same fingerprint turn the same file into the same raw rows. The
    secret cannot be read back from it (a 256-bit random value under sha256)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(duckdb.__version__.encode() + b"\0" + key.encode())
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".sql") and path.is_file():
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def kept_files(db: Path, key: str) -> dict[tuple[str, str], Kept]:
    """Return the files of the load that made the warehouse at `db`, by (dataset, file name), that may be
    reused: none of their rows rejected, skipped or warned about. Empty when there is no warehouse, its
    newest run is not a load, or it was validated with other code or another secret."""
    if not db.exists():
        return {}
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return {}
    try:
        run = con.execute(
            "SELECT run_id, outcome, validation_fingerprint FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1"
        ).fetchone()
        if run is None or run[1] != "ok" or run[2] != fingerprint(key):
            return {}
        rows = con.execute(
            "SELECT f.dataset, f.file, f.sha256, f.rows_read, f.rows_loaded, f.notes FROM etl_run_files f"
            " WHERE f.run_id = $run AND f.rows_rejected = 0 AND f.rows_skipped = 0 AND NOT EXISTS"
            " (SELECT 1 FROM etl_warnings w WHERE w.dataset = f.dataset"
            " AND (w.file = f.file OR starts_with(w.file, f.file || ' [')))",
            {"run": run[0]},
        ).fetchall()
    except duckdb.Error:  # a warehouse from before this module: nothing to reuse
        return {}
    finally:
        con.close()
    return {(d, f): Kept(sha, read, loaded, json.loads(notes or "[]")) for d, f, sha, read, loaded, notes in rows}


def unchanged(files: list[SourceFile], kept: dict[tuple[str, str], Kept]) -> list[SourceFile]:
    """Return the files that may be taken over from the current warehouse (same name and sha256 as a file in
    `kept`); src.sha256 is computed here, a pass over the file far cheaper than reading it."""
    found = []
    for src in files:
        old = kept.get((src.dataset, src.name))
        if old is None or src.mapping is not None or src.dataset in LOAD_WIDE:
            continue
        src.sha256 = scan_file(src.path, blank_lines=False).sha256
        if src.sha256 == old.sha256:
            found.append(src)
    return found


def take_over(src: SourceFile, old: Kept) -> None:
    """Mark a file as taken over from the current warehouse, with the rows read and the notes of its last load."""
    src.reused = True
    src.rows_read = old.rows_read
    src.notes = list(old.notes)


def of_files(files: list[SourceFile]) -> tuple[str, dict]:
    """Return (SQL condition on _file, parameters): the row comes from one of `files` (a CSV's rows carry
    its name; a workbook's may carry 'name [sheet]')."""
    return "(_file IN $reused OR split_part(_file, ' [', 1) IN $reused)", {"reused": [f.name for f in files]}


def _stored(dataset: Dataset, column: str, new: bool) -> str:
    """Return SQL for a key column as raw_<dataset> stores it: over ok_<dataset> (`new`) or over the raw table."""
    c = dataset.column(column)
    if c.kind == NIP:
        referenced = any(r.column == column for r in dataset.references)
        if not new:
            return stored_name(column)
        return parsed(column) if referenced else pseudonym_sql(parsed(column))
    return match_key(c, parsed(column) if new else column)


def conflicts(con: duckdb.DuckDBPyConnection, dataset: Dataset, reused: list[SourceFile], key: str) -> bool:
    """Return whether the reused rows of `dataset` would come out differently in a full load: a reference
    that no longer finds its target in keys_<target> (already holding this load's rows), or a key that a
    row of the changed files (view ok_<dataset>) also has."""
    where, params = of_files(reused)
    for ref in dataset.references:
        column = stored_name(ref.column) if dataset.column(ref.column).kind == NIP else ref.column
        missing = con.execute(
            f"SELECT count(*) FROM {OLD}.raw_{dataset.name} WHERE {where} AND {column} IS NOT NULL"
            f" AND {column} NOT IN (SELECT _value FROM keys_{ref.target} WHERE _value IS NOT NULL)",
            params,
        ).fetchone()[0]
        if missing:
            return True
    if not dataset.key:
        return False
    new = ", ".join(_stored(dataset, k, True) for k in dataset.key)
    old = ", ".join(_stored(dataset, k, False) for k in dataset.key)
    clash = con.execute(
        f"SELECT count(*) FROM (SELECT {new} FROM ok_{dataset.name} INTERSECT"
        f" SELECT {old} FROM {OLD}.raw_{dataset.name} WHERE {where})",
        params | ({"key": key} if "$key" in new else {}),
    ).fetchone()[0]
    return clash > 0


def add_keys(con: duckdb.DuckDBPyConnection, dataset: Dataset, reused: list[SourceFile]) -> None:
    """Add the reused rows of a dataset others refer to into keys_<dataset>: their stored value, and their
    matching key (none for a NIP: a reference to it joins on the pseudonym)."""
    column = dataset.column(TARGETS[dataset.name])
    where, params = of_files(reused)
    if column.kind == NIP:
        select = f"NULL, {stored_name(column.name)}"
    else:
        select = f"{match_key(column, column.name)}, {column.name}"
    con.execute(f"INSERT INTO keys_{dataset.name} SELECT {select} FROM {OLD}.raw_{dataset.name} WHERE {where}", params)


def copy_raw(con: duckdb.DuckDBPyConnection, dataset: Dataset, reused: list[SourceFile]) -> dict[str, int]:
    """Copy the reused rows of a dataset from the current warehouse into the new one (attached as wh); return
    the rows copied per file name."""
    where, params = of_files(reused)
    con.execute(f"INSERT INTO wh.raw_{dataset.name} SELECT * FROM {OLD}.raw_{dataset.name} WHERE {where}", params)
    return dict(
        con.execute(
            f"SELECT split_part(_file, ' [', 1), count(*) FROM {OLD}.raw_{dataset.name} WHERE {where} GROUP BY ALL",
            params,
        ).fetchall()
    )
