"""A scoped write changes nothing outside its scope, checked on the result.

An admin of some kota may upload only what changes those kota. Rather than listing the ways an upload could
reach another city (a row marked with another kota, a duplicate key that displaces another city's row, an
activity or person of another city referred to), the warehouse a load has just built is compared with the one
it replaces: for every kota outside the sender's, a digest of its rows in each raw table and each mart
(the number of rows and the sum of a hash of each row, without the file and line it came from) must be the same
in both. Otherwise the load is refused before the swap, naming the kota, the table and the lines.

Which kota a row is about:
- a raw row: its own kota column, and the kota of each row it refers to (a participation: its person's kota and
  its activity's kota; a mentoring pair: both people's), so a row about two cities belongs to both, and only an
  admin of both may write it;
- a mart row: its kota column, or its person's kota (int_jp_pegawai_tahun). Marts are compared over the years
  the replaced warehouse had: the years of int_tahun span every kota's data, so a city that sends a new year
  gives the others an empty row for it, made from their unchanged rows (int_tahun itself is not compared).

The digest is DuckDB's 64-bit hash of each row, summed per kota and table: it sees any change an upload makes,
by mistake or in disguise. It is not a cryptographic digest (md5 per row was 80 x slower, see docs/performance.md):
a change hidden behind a deliberately crafted hash collision would pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

import settings
from etl.contract import DATASETS, Dataset
from etl.reuse_marts import GLOBAL, has_table, kota_link, stored_column
from etl.warehouse import MARTS

BEFORE, AFTER = "lama", "baru"  # the replaced and the new warehouse, attached under these names
YEARS = "tahun_lama"  # the years of the replaced warehouse (a temporary table): the marts are compared over them
LINES_SHOWN = 10  # lines named per table and kota in a message


@dataclass(frozen=True)
class Change:
    """Rows about `kota`, outside the sender's, that a load would change in `table` (a raw table or a mart):
    `before` and `after` rows; for a raw table the lines (file, line) that are new or changed (`added`, in the
    new load) and that are gone or changed (`gone`, in the replaced one), at most LINES_SHOWN of each."""

    kota: str
    table: str
    before: int
    after: int
    added: tuple[tuple[str, int], ...] = ()
    gone: tuple[tuple[str, int], ...] = ()


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Return the columns of `table` compared, in the new warehouse's order: those both warehouses have (a newer
    version of the app may add or drop a column: one side has nothing to compare it with), or all of one side's
    when only it has the table."""
    found = (
        "SELECT column_name FROM duckdb_columns() WHERE database_name = $db AND table_name = $t ORDER BY column_index"
    )
    before, after = ([c for (c,) in con.execute(found, {"db": db, "t": table}).fetchall()] for db in (BEFORE, AFTER))
    return [c for c in after if c in before] if before and after else before or after


def _row_hash(columns: list[str]) -> str:
    """Return the SQL of a row's hash over `columns` (alias r), leaving out where it came from (_file, _line)."""
    return "hash(" + ", ".join(f'r."{c}"' for c in columns if c not in ("_file", "_line")) + ")"


def _raw_rows(con: duckdb.DuckDBPyConnection, db: str, dataset: Dataset) -> str | None:
    """Return a SELECT of the rows of raw_<dataset> in `db` with the kota each is about: kota, h (the row's hash),
    file, line; a row about two kota comes once for each (one pass: the kota it names, and those of the rows it
    refers to, joined). None when `db` has no such table or its rows name no kota."""
    table = f"raw_{dataset.name}"
    if not has_table(con, db, table):
        return None
    own = kota_link(dataset)
    named, joins = [f"r.{own}"] if own else [], []
    for i, ref in enumerate(dataset.references):
        target = DATASETS[ref.target]
        their = kota_link(target)
        if ref.target == "kota" or their is None or not has_table(con, db, f"raw_{target.name}"):
            continue
        key, column = stored_column(target, ref.target_column), stored_column(dataset, ref.column)
        joins.append(f" LEFT JOIN {db}.raw_{target.name} t{i} ON t{i}.{key} = r.{column}")
        named.append(f"t{i}.{their}")
    if not named:
        return None
    h = _row_hash(_columns(con, table))
    linked = ", ".join(f"{k} AS k{i}" for i, k in enumerate(named))
    rows = f"SELECT {linked}, {h} AS h, r._file AS file, r._line AS line FROM {db}.{table} r{''.join(joins)}"
    # each kota a row names once (a list and unnest per row was 4 x slower at 98 kota)
    each = [
        f"SELECT k{i} AS kota, h, file, line FROM x WHERE k{i} IS NOT NULL"
        + "".join(f" AND k{i} IS DISTINCT FROM k{j}" for j in range(i))
        for i in range(len(named))
    ]
    return f"WITH x AS MATERIALIZED ({rows}) {' UNION ALL '.join(each)}"


def _mart_rows(con: duckdb.DuckDBPyConnection, db: str, mart: str) -> str | None:
    """Return a SELECT of the rows of `mart` in `db` with their kota, over the replaced warehouse's years:
    kota, h, file and line (NULL). None when `db` has no such mart or its rows name no kota."""
    if not has_table(con, db, mart):
        return None
    columns = _columns(con, mart)
    h = _row_hash(columns)
    years = f" AND r.tahun IN (SELECT tahun FROM {YEARS})" if "tahun" in columns else ""
    if "kota" in columns:
        found = f"SELECT r.kota, {h} AS h FROM {db}.{mart} r WHERE true{years}"
    elif "id_pegawai" in columns and has_table(con, db, "raw_pegawai"):
        found = (
            f"SELECT p.kota, {h} AS h FROM {db}.{mart} r"
            f" JOIN {db}.raw_pegawai p ON p.id_pegawai = r.id_pegawai WHERE true{years}"
        )
    else:
        return None
    return f"SELECT kota, h, NULL::VARCHAR AS file, NULL::BIGINT AS line FROM ({found})"


def _digest(con: duckdb.DuckDBPyConnection, rows: str | None, allowed: list[str]) -> dict[str, tuple[int, int]]:
    """Return kota -> (rows, sum of row hashes) of the rows `rows` about kota outside `allowed` ({} for None)."""
    if rows is None:
        return {}
    sql = f"SELECT kota, count(*), sum(h)::HUGEINT FROM ({rows}) WHERE NOT list_contains($allowed, kota) GROUP BY kota"
    return {str(k): (int(n), int(s)) for k, n, s in con.execute(sql, {"allowed": allowed}).fetchall()}


def _lines(con: duckdb.DuckDBPyConnection, these: str, those: str | None, kota: str) -> tuple[tuple[str, int], ...]:
    """Return the first lines (file, line) of rows about `kota` in `these` whose hash is not among `those`."""
    other = f"SELECT h FROM ({those}) WHERE kota = $kota" if those else "SELECT NULL::UBIGINT AS h WHERE false"
    sql = (
        f"SELECT file, line FROM ({these}) WHERE kota = $kota AND file IS NOT NULL AND h NOT IN ({other})"
        f" ORDER BY file, line LIMIT {LINES_SHOWN}"
    )
    return tuple((str(f), int(n)) for f, n in con.execute(sql, {"kota": kota}).fetchall())


def _tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None, str | None]]:
    """Return every raw table and mart compared: (table, SELECT of its rows before, SELECT of its rows after)."""
    raw = [(f"raw_{d.name}", _raw_rows(con, BEFORE, d), _raw_rows(con, AFTER, d)) for d in DATASETS.values()]
    marts = [(m, _mart_rows(con, BEFORE, m), _mart_rows(con, AFTER, m)) for m in MARTS if m != GLOBAL]
    return raw + marts


def changes_outside(replaced: Path | None, new: Path, allowed: frozenset[str]) -> list[Change]:
    """Return what the warehouse `new` changes, against `replaced`, in rows about kota outside `allowed`: one
    Change per kota and table whose digest differs ([]: nothing outside the sender's kota changed). A missing
    `replaced` (None, or no such file) has no rows: every row of another kota in `new` is then a change."""
    con = duckdb.connect(config=settings.DUCKDB_CONFIG)
    try:
        con.execute("SET enable_progress_bar = false")
        con.execute("SET memory_limit = $m", {"m": settings.etl_memory()})
        con.execute(f"ATTACH $path AS {AFTER} (READ_ONLY)", {"path": str(new)})
        if replaced is not None and replaced.exists():
            con.execute(f"ATTACH $path AS {BEFORE} (READ_ONLY)", {"path": str(replaced)})
        else:  # nothing before: an empty stand-in, so every row of another kota is new
            con.execute(f"ATTACH ':memory:' AS {BEFORE}")
        years = f"SELECT tahun FROM {BEFORE}.{GLOBAL}" if has_table(con, BEFORE, GLOBAL) else "SELECT 0 WHERE false"
        con.execute(f"CREATE TEMP TABLE {YEARS} AS {years}")
        theirs = sorted(allowed)
        found: list[Change] = []
        for table, before, after in _tables(con):
            was, now = _digest(con, before, theirs), _digest(con, after, theirs)
            for kota in sorted(set(was) | set(now)):
                if was.get(kota) == now.get(kota):
                    continue
                added = _lines(con, after, before, kota) if after else ()
                gone = _lines(con, before, after, kota) if before else ()
                counts = was.get(kota, (0, 0))[0], now.get(kota, (0, 0))[0]
                found.append(Change(kota, table, *counts, added, gone))
        return found
    finally:
        con.close()


def _where(lines: tuple[tuple[str, int], ...]) -> str:
    """Return lines for a message: 'pegawai-0.csv baris 2, 5; peserta.csv baris 9'."""
    by_file: dict[str, list[str]] = {}
    for file, line in lines:
        by_file.setdefault(file, []).append(str(line))
    return "; ".join(f"{file} baris {', '.join(numbers)}" for file, numbers in by_file.items())


def sentence(change: Change) -> str:
    """Return what `change` does to another city's rows of one raw table, in Indonesian, with the lines it names."""
    what = change.table.removeprefix("raw_")
    told = f"{change.kota}, data {what}: {change.before} baris sebelum, {change.after} sesudah"
    if change.added:
        told += f"; baris baru atau berubah: {_where(change.added)}"
    if change.gone:
        told += f"; baris yang hilang atau berubah: {_where(change.gone)}"
    return told + "."


def sentences(changes: list[Change]) -> list[str]:
    """Return what `changes` do, for people, in Indonesian: per kota, a sentence per raw table (with its lines),
    then one for the summaries (marts) made from them, which names them only when no raw row of the kota changed
    (a summary moved by a row of the sender's, such as JP earned in the sender's activity)."""
    told = []
    for kota in dict.fromkeys(c.kota for c in changes):
        mine = [c for c in changes if c.kota == kota]
        data = [c for c in mine if c.table.startswith("raw_")]
        summaries = [c.table for c in mine if not c.table.startswith("raw_")]
        told += [sentence(c) for c in data]
        if summaries and data:
            told.append(f"{kota}: ringkasan yang dihitung dari data itu ikut berubah ({len(summaries)} tabel).")
        elif summaries:
            told.append(
                f"{kota}: ringkasannya berubah ({', '.join(summaries)}), misalnya JP atau biaya pegawai {kota}"
                " dari kegiatan yang diunggah."
            )
    return told


REFUSED = (
    "Unggahan ini mengubah data kota yang tidak Anda kelola, jadi tidak ada yang ditulis. Baris tentang dua kota"
    " (misalnya pegawai satu kota dalam kegiatan kota lain) hanya dapat diunggah oleh admin kedua kota."
)


def errors(changes: list[Change]) -> list[dict]:
    """Return a load report's errors for `changes` (file: the first uploaded line's file, else the table): the
    refusal first, then the sentences."""
    first = next((c.added[0][0] for c in changes if c.added), changes[0].table if changes else "")
    return [{"file": first, "message": m} for m in [REFUSED, *sentences(changes)]]
