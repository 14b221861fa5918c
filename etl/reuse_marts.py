"""One city's update makes the marts again for the kota whose rows changed; the other kota's rows stay.

A load that takes over unchanged files (etl/reuse.py) starts from a copy of the warehouse it replaces, marts
included. Its raw tables differ from the copy's only in the rows of the files read again, so only some kota's
mart rows can differ (`touched`):

- the kota of every row that differs between the two loads, read from the row itself (its kota column) or
  from what it refers to (a participation's person and activity, in either load);
- the kota of the people who took part in a touched kota's activities: a person's JP counts activities
  organised by any kota (int_jp_pegawai_tahun), so a changed activity changes their rows too.

`rebuild` makes every mart again from those kota's rows only, by the mart's own SQL: a schema PART, first on
the search path, holds the staging views narrowed to them (NARROWED), and the mart rows of those kota are
replaced. The result equals a full build (tests/test_reuse.py compares every table). Everything is built
anew instead when the years of int_tahun changed (every kota's scorecard spans them), when the IKM convention
is not the one the marts were made with, or when more than half of the kota are touched (then a full build is
the cheaper).
"""

from __future__ import annotations

import duckdb

from etl.contract import DATASETS, NIP, Dataset
from etl.pseudonym import stored_name
from etl.read import SourceFile
from etl.reuse import OLD
from etl.warehouse import MARTS, ikm_convention, model_sql, staging_models

PART = "bagian"  # the schema of a partial build: the narrowed staging views and the touched kota's marts
TOUCHED = f"{PART}.kota_ubah"  # the touched kota, one row each
IN_TOUCHED = f"kota IN (SELECT kota FROM {TOUCHED})"
# The staging views without a kota column narrowed to the rows the touched kota's marts are made of (made after
# the views with a kota column, which keep the touched kota's rows, in this order). Any other view is read whole:
# more rows than a touched kota's mart rows are made of never change them (they are kept by kota), fewer would.
NARROWED = {
    # their people's participations, and every participation in their activities (kegiatan counts all)
    "stg_peserta": f"id_pegawai IN (SELECT id_pegawai FROM {PART}.stg_pegawai)"
    f" OR kode_program IN (SELECT kode_program FROM main.stg_program WHERE {IN_TOUCHED})",
    # their activities and the other kota's activities their people took part in (their JP)
    "stg_program": f"{IN_TOUCHED} OR kode_program IN (SELECT kode_program FROM {PART}.stg_peserta)",
    "stg_penilaian_kinerja": f"id_pegawai IN (SELECT id_pegawai FROM {PART}.stg_pegawai)",
    "stg_mentoring": f"id_mentee IN (SELECT id_pegawai FROM {PART}.stg_pegawai)",
    "stg_umpan_balik_pelatihan": f"kode_program IN (SELECT kode_program FROM main.stg_program WHERE {IN_TOUCHED})",
}
# The mart rows of the touched kota, for a mart without a kota column; made (in PART) and replaced (in main).
MADE = {"int_jp_pegawai_tahun": f"id_pegawai IN (SELECT id_pegawai FROM {PART}.stg_pegawai)"}
REPLACED = {
    # the people of the other kota are unchanged, with their rows; everyone else's rows go
    "int_jp_pegawai_tahun": f"id_pegawai NOT IN (SELECT id_pegawai FROM main.stg_pegawai WHERE NOT {IN_TOUCHED})"
}
GLOBAL = "int_tahun"  # the years every kota's rows span: made in full, and compared


def kota_link(dataset: Dataset) -> str | None:
    """Return the column of a dataset's raw table that names its kota, or None."""
    if dataset.name == "kota":
        return "kota"
    return next((r.column for r in dataset.references if r.target == "kota"), None)


def stored_column(dataset: Dataset, column: str) -> str:
    """Return the name a column of `dataset` has in its raw table (a NIP is stored as its pseudonym)."""
    return stored_name(column) if dataset.column(column).kind == NIP else column


def _kota_of_rows(con: duckdb.DuckDBPyConnection, dataset: Dataset, rows: str) -> list[str]:
    """Return SELECTs of the kota of the rows in table `rows` (raw columns of `dataset`), one per way the rows
    name a kota: a kota column, or a reference to a dataset with one (looked up in both loads)."""
    own = kota_link(dataset)
    selects = [f"SELECT {own} AS kota FROM {rows}"] if own else []
    for ref in dataset.references:
        target = DATASETS[ref.target]
        their = kota_link(target)
        if ref.target == "kota" or their is None:
            continue
        key, column = stored_column(target, ref.target_column), stored_column(dataset, ref.column)
        for db in [db for db in ("wh", OLD) if has_table(con, db, f"raw_{target.name}")]:
            selects.append(
                f"SELECT t.{their} FROM {db}.raw_{target.name} AS t SEMI JOIN {rows} AS r ON t.{key} = r.{column}"
            )
    return selects


def has_table(con: duckdb.DuckDBPyConnection, db: str, table: str) -> bool:
    """Return whether attached database `db` has `table`."""
    found = "SELECT count(*) FROM duckdb_tables() WHERE database_name = $db AND table_name = $t"
    return con.execute(found, {"db": db, "t": table}).fetchone()[0] > 0


def touched(con: duckdb.DuckDBPyConnection, files: list[SourceFile]) -> list[str] | None:
    """Return the kota whose mart rows this load may change (sorted), with the new warehouse attached as wh and
    the one it replaces as OLD; None when the marts are to be built in full: the IKM convention changed, a
    changed row names no kota, or more than half of the kota are touched. Rows of the files taken over
    (`files` with .reused) are the same in both and are not compared."""
    try:
        same_ikm = con.execute(f"SELECT {OLD}.main.ikm_konvensi()").fetchone()[0] == ikm_convention()
    except duckdb.Error:  # made before the convention was recorded
        same_ikm = False
    if not same_ikm:
        return None
    con.execute("CREATE OR REPLACE TEMP TABLE kota_ubah (kota VARCHAR)")
    for dataset in DATASETS.values():
        table = f"raw_{dataset.name}"
        mine, theirs = has_table(con, "wh", table), has_table(con, OLD, table)
        if not (mine or theirs):
            continue
        labels = [label for f in files if f.reused and f.dataset == dataset.name for label in f.labels]
        where = "_file NOT IN $labels" if labels else "true"
        sides = [f"SELECT * EXCLUDE (_file, _line) FROM {db}.{table} WHERE {where}" for db in ("wh", OLD)]
        if mine and theirs:
            diff = f"({sides[0]} EXCEPT ALL {sides[1]}) UNION ALL ({sides[1]} EXCEPT ALL {sides[0]})"
        else:
            diff = sides[0] if mine else sides[1]
        con.execute(f"CREATE OR REPLACE TEMP TABLE beda AS {diff}", {"labels": labels} if labels else None)
        selects = _kota_of_rows(con, dataset, "beda")
        if not selects:
            if con.execute("SELECT count(*) FROM beda").fetchone()[0]:
                return None  # a changed row whose kota cannot be told
            continue
        con.execute(f"INSERT INTO kota_ubah {' UNION '.join(selects)}")
    # the people who took part in a touched kota's activities (either load): their JP changes with them
    took_part = [
        f"SELECT pg.kota FROM {db}.raw_peserta AS ps"
        f" JOIN {db}.raw_program AS pr ON pr.kode_program = ps.kode_program"
        f" JOIN {db}.raw_pegawai AS pg ON pg.id_pegawai = ps.id_pegawai"
        " WHERE pr.kota IN (SELECT kota FROM kota_ubah)"
        for db in ("wh", OLD)
        if has_table(con, db, "raw_peserta") and has_table(con, db, "raw_program")
    ]
    if took_part:
        con.execute(f"INSERT INTO kota_ubah {' UNION '.join(took_part)}")
    found = con.execute("SELECT DISTINCT kota FROM kota_ubah WHERE kota IS NOT NULL ORDER BY kota").fetchall()
    kota = [k for (k,) in found]
    every = con.execute(f"SELECT count(*) FROM (SELECT kota FROM wh.raw_kota UNION SELECT kota FROM {OLD}.raw_kota)")
    every = every.fetchone()[0]
    con.execute("DROP TABLE kota_ubah")
    con.execute("DROP TABLE IF EXISTS beda")
    return kota if 2 * len(kota) <= every else None


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    """Return the column names of a view of the main schema."""
    found = (
        "SELECT column_name FROM duckdb_columns()"
        " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $t"
    )
    return [c for (c,) in con.execute(found, {"t": view}).fetchall()]


def full_build_order(name: str) -> str:
    """Return a mart's own final ORDER BY, with its table aliases taken off, or '' when it has none."""
    last = model_sql("marts", name).strip().splitlines()[-1]
    if not last.startswith("ORDER BY"):
        return ""
    return last if " ALL" in last else "ORDER BY " + ", ".join(c.split(".")[-1] for c in last[9:].split(","))


def rebuild(con: duckdb.DuckDBPyConnection, kota: list[str]) -> bool:
    """Make the marts again for `kota` only, in the warehouse of `con` (a copy of the one replaced, marts
    included, its staging views made anew): replace those kota's mart rows by what each mart's SQL makes of
    their rows. Returns False, changing nothing, when the years of int_tahun differ from the copy's: then
    everything is to be built anew."""
    years = f"SELECT * FROM main.{GLOBAL}"
    now = con.execute(f"SELECT * FROM ({model_sql('marts', GLOBAL)}\n) ORDER BY ALL").fetchall()
    if now != con.execute(f"{years} ORDER BY ALL").fetchall():
        return False
    con.execute(f"CREATE SCHEMA {PART}")
    try:
        con.execute(f"CREATE TABLE {TOUCHED} AS SELECT unnest($kota::VARCHAR[]) AS kota", {"kota": kota})
        by_kota = [v for v in staging_models() if v not in NARROWED and "kota" in _columns(con, v)]
        for view in by_kota + list(NARROWED):
            where = NARROWED.get(view, IN_TOUCHED)
            con.execute(f"CREATE VIEW {PART}.{view} AS SELECT * FROM main.{view} WHERE {where}")
        con.execute(f"SET search_path = '{PART},main'")  # each mart's SQL reads the narrowed views and marts
        for name in MARTS:
            if name != GLOBAL:
                sql = model_sql("marts", name)
                con.execute(f"CREATE TABLE {PART}.{name} AS SELECT * FROM ({sql}\n) WHERE {MADE.get(name, IN_TOUCHED)}")
        con.execute("SET search_path = 'main'")
        for name in MARTS:
            if name == GLOBAL:
                continue
            con.execute(f"DELETE FROM main.{name} WHERE {REPLACED.get(name, IN_TOUCHED)}")
            con.execute(f"INSERT INTO main.{name} SELECT * FROM {PART}.{name}")
            if order := full_build_order(name):  # in the order a full build writes it
                con.execute(f"CREATE OR REPLACE TABLE main.{name} AS SELECT * FROM main.{name} {order}")
    finally:
        con.execute("RESET search_path")
        con.execute(f"DROP SCHEMA {PART} CASCADE")
    return True
