"""Write the warehouse: raw tables without personal data, rejects, run history, then models.

The warehouse is always built in a new file beside the old one and moved over it with
os.replace, so a reader holding the old file open keeps a consistent snapshot and a failed
build leaves the old warehouse exactly as it was. A load (etl/pipeline.py) and a restore
(etl/backup.py) make and swap in that file the same way, written here once: a run id
(new_run_id), a new file beside the warehouse that is removed whatever happens (new_warehouse),
and keep-then-swap (replace_warehouse, which is handed the keeping step, e.g. backup.keep_current,
so this module never imports etl/backup.py, which imports it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

import domain
import settings
from domain import ip_asn
from etl.contract import DATASETS, LOAD_ORDER, NIP, PERSONAL, TARGETS, TEXT, Dataset
from etl.pseudonym import pseudonym_sql, stored_name
from settings import DUCKDB_CONFIG, IKM_PENIMBANG_ENV

SQL_DIR = Path(__file__).resolve().parent / "sql"  # the load's models: macros.sql, staging/, marts/, checks/

# Marts in build order; each file in etl/sql/marts/ is one model, named like its table.
MARTS: tuple[str, ...] = (
    "int_tahun",
    "int_jp_pegawai_tahun",
    "int_pegawai_tahun",
    "ikm_unsur_opd_tahun",
    "pegawai_segmen_tahun",
    "kegiatan",
    "ringkasan_kota_tahun",
    "kesenjangan_20jp",
    "ip_asn_pegawai_tahun",
    "ip_asn_opd_tahun",
    "ip_asn_kota_tahun",
    "capaian_indikator",
)
# Views over the marts: names the analyses read, without writing the rows a second time.
MART_VIEWS: tuple[str, ...] = ("analisis_pegawai_tahun",)

# A NIP written anywhere, plain or grouped (19850312 201001 1 001).
NIP_ANYWHERE = r"[0-9]{8}[ .]?[0-9]{6}[ .]?[0-9][ .]?[0-9]{3}"
NIP_MASK = "[NIP disamarkan]"


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Return a DuckDB connection with the project's settings (no extension downloads)."""
    return duckdb.connect(str(path), read_only=read_only, config=DUCKDB_CONFIG)


def load_memory() -> str:
    """Return the memory a load may use ($ASN_ETL_MEMORY, default 3GB): DuckDB spills beyond it."""
    return settings.etl_memory()


def scratch_connection(folder: Path) -> duckdb.DuckDBPyConnection:
    """Return the connection for a load's scratch work (the only place NIPs exist): an in-memory
    database that spills to `folder` beyond load_memory(), so a national-scale load stays within
    bounded memory and a small one never waits for disk."""
    return duckdb.connect(
        ":memory:",
        config={**DUCKDB_CONFIG, "memory_limit": load_memory(), "temp_directory": str(folder / "spill")},
    )


def build_connection(path: Path) -> duckdb.DuckDBPyConnection:
    """Return the connection that builds the models of a new warehouse file, within load_memory()
    (the marts join tens of millions of person-years at national scale; without a limit DuckDB
    would take most of the machine)."""
    return duckdb.connect(str(path), config={**DUCKDB_CONFIG, "memory_limit": load_memory()})


def masked_text(expr: str) -> str:
    """Return SQL that hides any NIP written inside a free-text value."""
    return f"regexp_replace({expr}, '{NIP_ANYWHERE}', '{NIP_MASK}', 'g')"


def masked_nip(expr: str) -> str:
    """Return SQL that shows only the last four characters of a NIP cell (for reject reports)."""
    t = f"trim({expr})"
    return (
        f"CASE WHEN {t} IS NULL THEN NULL WHEN length({t}) > 8"
        f" THEN repeat('*', length({t}) - 4) || right({t}, 4) ELSE repeat('*', length({t})) END"
    )


def raw_select(dataset: Dataset) -> str:
    """Return the SELECT list that turns `ok_<dataset>` into the warehouse's raw table.

    A NIP that refers to pegawai is already its pseudonym in ok_<dataset> (etl/validate.py). The key
    NIP of pegawai was hashed once for keys_pegawai, and comes from there (alias k, see write_raw); a
    NIP key nobody refers to is hashed here ($key binds the secret)."""
    referenced = {r.column for r in dataset.references}
    parts = []
    for c in dataset.columns:
        value = f"p_{c.name}"
        if c.kind == PERSONAL:
            continue  # names are never stored
        if c.kind == NIP:
            if c.name in referenced:
                pseudonym = value
            elif TARGETS.get(dataset.name) == c.name:
                pseudonym = "k._value"
            else:
                pseudonym = pseudonym_sql(value)
            parts.append(f"{pseudonym} AS {stored_name(c.name)}")
        elif c.kind == TEXT and not c.required:  # free text (komentar, ringkasan...) may hold a pasted NIP
            parts.append(f"{masked_text(value)} AS {c.name}")
        else:
            parts.append(f"{value} AS {c.name}")
    return ", ".join(parts + ["_file", "_line"])


def raw_values_json(dataset: Dataset, alias: str) -> str:
    """Return SQL for a rejected row's original values as JSON: NIP masked, nama left out."""
    fields = []
    for c in dataset.columns:
        if c.kind == PERSONAL:
            continue
        value = masked_nip(f"{alias}.{c.name}") if c.kind == NIP else masked_text(f"{alias}.{c.name}")
        fields.append(f"{c.name} := {value}")
    return f"to_json(struct_pack({', '.join(fields)}))"


def create_reject_rows(con: duckdb.DuckDBPyConnection) -> None:
    """Create `reject_rows`, where each dataset's problems are kept with the row's original values."""
    con.execute(
        "CREATE TABLE reject_rows (dataset VARCHAR, file VARCHAR, line BIGINT, column_name VARCHAR,"
        " reason VARCHAR, raw_values JSON, _order INTEGER)"
    )


def add_reject_rows(con: duckdb.DuckDBPyConnection, dataset: Dataset, rows: tuple[str, dict]) -> None:
    """Copy a dataset's problems into `reject_rows` with the original values of the row (from `rows`,
    its files' text: read.rows_sql), safe to store; run before the text tables are dropped."""
    con.execute(
        f"INSERT INTO reject_rows SELECT r.dataset, r.file, r.line, r.column_name, r.reason,"
        f" {raw_values_json(dataset, 's')}, {LOAD_ORDER.index(dataset.name)}"
        f" FROM rejects r JOIN ({rows[0]}) s ON s._row = r._row WHERE r.dataset = $dataset",
        rows[1] | {"dataset": dataset.name},
    )


def create_reject_report(con: duckdb.DuckDBPyConnection) -> None:
    """Create `reject_report` in the scratch database: one row per problem, safe to store."""
    has_personal = [n for n, d in DATASETS.items() if any(c.kind == PERSONAL for c in d.columns)]
    con.execute(
        "CREATE TABLE reject_report AS SELECT * EXCLUDE (_order) FROM (SELECT * FROM reject_rows UNION ALL"
        " SELECT dataset, file, line, NULL, reason,"
        f" CASE WHEN dataset IN $personal THEN NULL ELSE to_json({masked_text('raw_line')}) END, -1"
        " FROM parse_rejects) ORDER BY _order, file, line, column_name",
        {"personal": has_personal},
    )


def attach(con: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Attach the new warehouse file as `wh` to the scratch connection."""
    con.execute("ATTACH $path AS wh", {"path": str(target)})


def write_raw(con: duckdb.DuckDBPyConnection, dataset: Dataset, key: str, append: bool = False) -> None:
    """Write the rows of a dataset that passed (view ok_<name>) into the attached warehouse, in no
    particular order (every reader orders or aggregates; _file and _line keep the lineage): as its raw
    table, or with `append` into the raw table it has (the reused rows of etl/reuse.py)."""
    select = raw_select(dataset)
    source = f"ok_{dataset.name}"
    if "k._value" in select:  # the key NIP's pseudonyms, worked out once by the validator
        source += f" JOIN keys_{dataset.name} k ON k._key = p_{TARGETS[dataset.name]}"
    write = f"INSERT INTO wh.raw_{dataset.name}" if append else f"CREATE OR REPLACE TABLE wh.raw_{dataset.name} AS"
    con.execute(f"{write} SELECT {select} FROM {source}", {"key": key} if "$key" in select else None)


def write_rejects(con: duckdb.DuckDBPyConnection) -> None:
    """Write the reject report and the warnings (rows loaded as recorded but doubtful: dataset, file, line,
    column_name, reason) into the attached warehouse and detach it."""
    con.execute("CREATE TABLE wh.etl_rejects AS SELECT * FROM reject_report")
    con.execute(
        f"CREATE TABLE wh.etl_warnings AS SELECT dataset, file, line, column_name, {masked_text('reason')} AS reason"
        " FROM warnings ORDER BY dataset, file, line, column_name"
    )
    con.execute("DETACH wh")


RUNS_DDL = (
    "CREATE TABLE etl_runs (run_id VARCHAR PRIMARY KEY, started_at_utc TIMESTAMP, finished_at_utc TIMESTAMP,"
    " duration_s DOUBLE, source VARCHAR, synthetic BOOLEAN, outcome VARCHAR, rows_read BIGINT,"
    " rows_loaded BIGINT, rows_rejected BIGINT, rows_skipped BIGINT, phases_s JSON, ignored_files JSON)",
    "CREATE TABLE etl_run_files (run_id VARCHAR, dataset VARCHAR, file VARCHAR, sha256 VARCHAR,"
    " rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT, rows_skipped BIGINT, notes JSON)",
)
# Columns added later: a warehouse restored from before them gains them (add_run_columns).
RUN_COLUMNS_ADDED = (
    ("etl_runs", "validation_fingerprint VARCHAR"),  # what its rows were validated with (etl/reuse.py)
    ("etl_run_files", "reused BOOLEAN"),  # not read again: its rows taken over from the warehouse it replaced
    ("etl_run_files", "labels JSON"),  # the _file values of its rows: its name, or 'name [sheet]' per sheet
    ("etl_runs", "not_loaded JSON"),  # the folder's files that belong to no dataset: file, reason, looks_like_data
)


def add_run_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Add to the run tables the columns they lack (RUN_COLUMNS_ADDED)."""
    for table, column in RUN_COLUMNS_ADDED:
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column}")


FILE_COLUMNS = ("dataset", "file", "sha256", "rows_read", "rows_loaded", "rows_rejected", "rows_skipped", "reused")


def copy_run_history(con: duckdb.DuckDBPyConnection, old: Path) -> None:
    """Create the run tables and copy the history of the warehouse being replaced, if any."""
    for ddl in RUNS_DDL:
        con.execute(ddl)
    add_run_columns(con)
    if not old.exists():
        return
    try:
        con.execute("ATTACH $path AS old (READ_ONLY)", {"path": str(old)})
    except duckdb.Error:
        return  # an unreadable old warehouse has no history to keep
    try:
        tables = {
            r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'old'").fetchall()
        }
        for table in ("etl_runs", "etl_run_files"):
            if table in tables:
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM old.{table}")
    except duckdb.Error:  # a damaged old warehouse: its history cannot be read (a failed insert adds nothing)
        pass
    finally:
        con.execute("DETACH old")


def record_run(con: duckdb.DuckDBPyConnection, run: dict, files: list[dict]) -> None:
    """Insert this load's row into etl_runs and one row per input file into etl_run_files (a file's warnings
    are in etl_warnings and its notes, so older warehouses keep the same run tables)."""
    con.execute(
        "INSERT INTO etl_runs VALUES ($run_id, $started, $finished, $duration, $source, $synthetic, $outcome,"
        " $rows_read, $rows_loaded, $rows_rejected, $rows_skipped, $phases, $ignored, $fingerprint, $not_loaded)",
        {
            **run,
            "phases": json.dumps(run["phases"]),
            "ignored": json.dumps(run["ignored"]),
            "not_loaded": json.dumps(run.get("not_loaded", []), ensure_ascii=False),
        },
    )
    if not files:
        return
    # one statement for all files (a national folder has a thousand): a list per column, unnested together
    lists = {k: [f[k] for f in files] for k in FILE_COLUMNS} | {
        k: [json.dumps(f[k]) for f in files] for k in ("notes", "labels")
    }
    columns = ", ".join(f"unnest(${k})" for k in (*FILE_COLUMNS[:-1], "notes", FILE_COLUMNS[-1], "labels"))
    con.execute(f"INSERT INTO etl_run_files SELECT $run_id, {columns}", lists | {"run_id": run["run_id"]})


def ikm_convention() -> str:
    """Return the IKM convention a load builds the warehouse with: $ASN_IKM_PENIMBANG ('eksak', '0,111' or
    '0,11'; a decimal point is read as a comma), else the exact 1/9. Raises ValueError for any other value."""
    chosen = settings.ikm_penimbang(domain.IKM_PENIMBANG_DEFAULT).strip().lower().replace(".", ",")
    if chosen not in domain.IKM_PENIMBANG:
        allowed = ", ".join(domain.IKM_PENIMBANG)
        raise ValueError(f"{IKM_PENIMBANG_ENV}='{chosen}' tidak dikenal: pilih salah satu dari {allowed}.")
    return chosen


def domain_macros() -> str:
    """Return the SQL that makes the domain's constants (the domain package) macros, so the marts, macros.sql
    and the analytics queries read the 20 JP rule, the APBD floor and the IKM scale and bands from one place.
    The values are our own numbers, written as SQL literals; nothing here comes from input."""
    bands = " ".join(f"WHEN '{mutu}' THEN {low:.2f}" for mutu, low, _ in domain.IKM_BANDS[:-1])
    weights = " ".join(f"WHEN '{name}' THEN {w}" for name, w in domain.IKM_PENIMBANG.items() if w is not None)
    return "\n".join(
        (
            f"CREATE MACRO jp_minimum() AS {int(domain.JP_MINIMUM)};",
            f"CREATE MACRO apbd_floor() AS {domain.APBD_FLOOR:.4f};",
            f"CREATE MACRO ikm_unsur() AS {int(domain.IKM_UNSUR)};",
            f"CREATE MACRO ikm_skala() AS {int(domain.IKM_SCALE)};",
            f"CREATE MACRO mutu_batas(mutu) AS CASE mutu {bands} END;",
            f"CREATE MACRO penimbang(nama) AS CASE nama {weights} END::DOUBLE;",
            f"CREATE MACRO ikm_konvensi() AS '{ikm_convention()}';",
            f"CREATE MACRO gudang_bentuk() AS {SHAPE};",
            ip_asn_macros(),
        )
    )


def _text(value: str) -> str:
    """Return one of our own constants as an SQL string literal (quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def _case(expression: str, values: dict[str, object], otherwise: str = "NULL") -> str:
    """Return `CASE expression WHEN 'key' THEN value ... ELSE otherwise END` for a table of our own constants (a
    string value is written as a literal, a number as it is)."""
    whens = " ".join(
        f"WHEN {_text(key)} THEN {_text(value) if isinstance(value, str) else value}" for key, value in values.items()
    )
    return f"CASE {expression} {whens} ELSE {otherwise} END"


def ip_asn_macros() -> str:
    """Return the SQL that makes the IP ASN point tables of domain.ip_asn macros (read by
    etl/sql/marts/ip_asn_pegawai_tahun.sql): ipasn_kualifikasi(pendidikan), ipasn_kelompok(kategori_jabatan),
    ipasn_butir(jenis), ipasn_butir_tahun(butir) (NULL: ever), ipasn_butir_jp(butir),
    ipasn_kompetensi(kelompok, butir), ipasn_kinerja(predikat), ipasn_disiplin(tingkat), points as DOUBLE, and
    ipasn_hukuman_tanpa_akhir() (the years a sanction without an end date counts)."""
    key = f"regexp_replace(lower(pendidikan), {_text(ip_asn.PENDIDIKAN_KEY_DROP)}, '', 'g')"
    kualifikasi = {k: ip_asn.KUALIFIKASI[level] for k, level in ip_asn.PENDIDIKAN_LEVEL.items()}
    butir = {jenis: name for name, b in ip_asn.BUTIR.items() for jenis in b.jenis}
    years = {name: b.tahun for name, b in ip_asn.BUTIR.items() if b.tahun is not None}
    jp = {name: b.jp_minimum for name, b in ip_asn.BUTIR.items()}
    points = " ".join(
        f"WHEN kelompok = {_text(kind)} AND butir = {_text(name)} THEN {value}"
        for kind, table in ip_asn.KOMPETENSI.items()
        for name, value in table.items()
    )
    none = _text(ip_asn.TANPA_HUKUMAN)
    return "\n".join(
        (
            f"CREATE MACRO ipasn_kualifikasi(pendidikan) AS ({_case(key, kualifikasi, '0')})::DOUBLE;",
            f"CREATE MACRO ipasn_kelompok(kategori_jabatan) AS {_case('kategori_jabatan', ip_asn.KELOMPOK_JABATAN)};",
            f"CREATE MACRO ipasn_butir(jenis) AS {_case('jenis', butir)};",
            f"CREATE MACRO ipasn_butir_tahun(butir) AS {_case('butir', years)};",
            f"CREATE MACRO ipasn_butir_jp(butir) AS {_case('butir', jp)};",
            f"CREATE MACRO ipasn_kompetensi(kelompok, butir) AS (CASE {points} ELSE 0 END)::DOUBLE;",
            f"CREATE MACRO ipasn_kinerja(predikat) AS ({_case('predikat', ip_asn.KINERJA, '0')})::DOUBLE;",
            f"CREATE MACRO ipasn_disiplin(tingkat) AS ({_case(f'lower(coalesce(tingkat, {none}))', ip_asn.DISIPLIN)})"
            "::DOUBLE;",
            f"CREATE MACRO ipasn_hukuman_tanpa_akhir() AS {int(ip_asn.HUKUMAN_TAHUN_TANPA_AKHIR)};",
        )
    )


def model_sql(layer: str, name: str) -> str:
    """Return the SELECT statement of a model from etl/sql/<layer>/<name>.sql."""
    return (SQL_DIR / layer / f"{name}.sql").read_text()


def staging_models() -> list[str]:
    """Return the names of the staging models (one per dataset)."""
    return [f"stg_{name}" for name in LOAD_ORDER]


def build_models(con: duckdb.DuckDBPyConnection) -> None:
    """Create the shared macros, the staging views, the mart tables and the views over them, in dependency order."""
    build_views(con)
    build_marts(con)
    build_mart_views(con)


def build_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create the shared macros and the staging views."""
    con.execute(domain_macros())
    con.execute((SQL_DIR / "macros.sql").read_text())
    for name in staging_models():
        con.execute(f"CREATE VIEW {name} AS {model_sql('staging', name)}")


def build_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or make anew) the mart tables from the staging views, in build order."""
    for name in MARTS:
        con.execute(f"CREATE OR REPLACE TABLE {name} AS {model_sql('marts', name)}")


def build_mart_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create the views over the marts."""
    for name in MART_VIEWS:
        con.execute(f"CREATE VIEW {name} AS {model_sql('marts', name)}")


def new_run_id(started: dt.datetime) -> str:
    """Return the id of a load or restore started at `started` (UTC): its second and six random hex
    digits, e.g. '20240312T081500-1a2b3c'."""
    return started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


# The warehouse's shape: the tables and columns the app reads. Bump it with every change to them (a column of a
# mart or a staging view, a new table), so the app asks for a reload instead of failing on a missing column. A
# warehouse made before the shape was recorded reads as 1.
# 2: ringkasan_kota_tahun and kesenjangan_20jp.jumlah_lulus_kegiatan, stg_pegawai.kedudukan_hukum (December 2026).
# 3: a new mart, ip_asn_pegawai_tahun (IP ASN per person-year, issue 27), and the ipasn_* macros it reads: a
#    warehouse of shape 2 has neither, so the app asks for a reload before anything reads them (December 2026).
# 4: a new dataset hukuman_disiplin (stg_hukuman_disiplin) read by ip_asn_pegawai_tahun (poin_disiplin; new columns
#    butir_kompetensi and cpns), the marts ip_asn_opd_tahun and ip_asn_kota_tahun, the datasets ip_asn_bkn and
#    target_kinerja (stg_ip_asn_bkn, stg_target_kinerja) and the mart capaian_indikator (issue 27, December 2026).
SHAPE = 4


def shape_of(con: duckdb.DuckDBPyConnection) -> int:
    """Return the shape of the warehouse `con` reads (SHAPE when it was made by this code; 1 when made before the
    shape was recorded)."""
    try:
        return int(con.cursor().execute("SELECT gudang_bentuk()").fetchone()[0])
    except duckdb.CatalogException:  # no such macro: made before it existed
        return 1


def shape(db: Path) -> int:
    """Return the shape of the warehouse at `db` (shape_of). The file must open (`damage` says when it does not)."""
    con = duckdb.connect(str(db), read_only=True, config=DUCKDB_CONFIG)
    try:
        return shape_of(con)
    finally:
        con.close()


def look(con: duckdb.DuckDBPyConnection, full: bool = False) -> None:
    """Read the warehouse `con` reads: list its tables and count their rows (with `full`, read every row of every
    table, every block's checksum checked). Raises duckdb.Error where it cannot be read."""
    cursor = con.cursor()
    tables = [r[0] for r in cursor.execute("SELECT table_name FROM duckdb_tables() ORDER BY ALL").fetchall()]
    for table in tables:  # names from the file's own catalogue, quoted
        scan = f'SELECT count(hash(t)) FROM "{table}" AS t' if full else f'SELECT count(*) FROM "{table}"'
        cursor.execute(scan).fetchall()


def damage(db: Path, full: bool = True) -> str | None:
    """Return why the warehouse file at `db` cannot be read (DuckDB's words), None when it reads: it opens and
    lists its tables, and with `full` every row of every table is read (`look`)."""
    try:
        con = duckdb.connect(str(db), read_only=True, config=DUCKDB_CONFIG)
    except duckdb.Error as problem:
        return str(problem)
    try:
        look(con, full)
    except duckdb.Error as problem:
        return str(problem)
    finally:
        con.close()
    return None


DAMAGED = (
    "Gudang data {name} rusak dan tidak dapat dibaca ({why}). Pulihkan salinan terakhir yang baik dengan"
    " `python -m etl pulihkan` (atau di halaman Unggah data), atau muat ulang semua data dengan"
    " `python -m etl load FOLDER --penuh` (riwayat pemuatan yang lama tidak ikut)."
)


@contextmanager
def new_warehouse(db: Path) -> Iterator[Path]:
    """Yield the path of a new warehouse file beside `db` (not created yet) to build and then hand to
    replace_warehouse; on the way out, however the block ends, delete what is left of it (the file
    and its .wal), so a failed build leaves the folder as it was."""
    new = db.with_name(f".{db.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield new
    finally:
        for leftover in (new, new.with_name(new.name + ".wal")):
            leftover.unlink(missing_ok=True)


def swap_in(new: Path, target: Path) -> None:
    """Move a finished warehouse file over the target atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(new, target)


def replace_warehouse(new: Path, db: Path, keep_old: Callable[[Path], object]) -> None:
    """Call keep_old(db) to keep the warehouse about to be replaced (backup.keep_current with the number
    of copies to keep), then move the finished file `new` over `db` atomically. Returns nothing; if
    keeping fails, `db` is untouched."""
    keep_old(db)
    swap_in(new, db)
