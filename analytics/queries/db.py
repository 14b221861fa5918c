"""Read-only access to the warehouse: one connection per warehouse version, a cursor per query.

A DuckDB connection shared between threads returns wrong results under concurrent use, so every
query runs on its own cursor. The warehouse is replaced atomically by each load; its version (file
modification time and size) tells the caller when to open a new connection.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import duckdb
import pandas as pd

from settings import DUCKDB_CONFIG

SQL_DIR = Path(__file__).resolve().parent / "sql"


def warehouse_version(path: Path) -> str:
    """Return a string that changes whenever the warehouse file is replaced ('' when it is missing)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ""
    return f"{stat.st_mtime_ns}-{stat.st_size}-{stat.st_ino}"


def open_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    """Return a read-only connection to the warehouse at `path`."""
    return duckdb.connect(str(path), read_only=True, config=DUCKDB_CONFIG)


@functools.cache  # pages rerun on every click: each query's text is read and assembled once per process
def query_sql(name: str, **identifiers: str) -> str:
    """Return the SQL of analytics/queries/sql/<name>.sql, with {identifier} slots filled from our own constants
    and {people_filter} replaced by the shared condition of people_filter.sql (values stay bound)."""
    sql = (SQL_DIR / f"{name}.sql").read_text()
    if "{people_filter}" in sql:
        identifiers = {"people_filter": _people_filter(), **identifiers}
    return sql.format(**identifiers) if identifiers else sql


def _people_filter() -> str:
    """Return the shared people condition, without its comment lines."""
    lines = (SQL_DIR / "people_filter.sql").read_text().splitlines()
    return "\n".join(line for line in lines if not line.startswith("--")).strip()


def run(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> pd.DataFrame:
    """Run one query on a fresh cursor of `con` and return the result as a DataFrame.

    Only the parameters the SQL names ($name) are bound: DuckDB rejects extra ones.
    """
    used = set(re.findall(r"\$(\w+)", sql))
    cursor = con.cursor()
    try:
        return cursor.execute(sql, {k: v for k, v in (params or {}).items() if k in used}).df()
    finally:
        cursor.close()
