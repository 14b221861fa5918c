"""Cached access to the warehouse for the pages.

One read-only connection for the current warehouse version (closed when a newer load replaces the
file), a cursor per query (inside analytics.db.run), and query results cached per warehouse
version and filter value (cache_data) so moving between pages does not query twice.

Per process: under `make serve` (scripts/serve.py) each Streamlit process holds its own connection and caches,
and each sees a load's swap by itself, at its next read (the file's version is looked at on every fetch).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from access.grants import Scope
from analytics import queries
from analytics.privacy import release
from analytics.privacy.scope import OutOfScope
from analytics.queries.db import open_warehouse, warehouse_version
from analytics.queries.filters import Filters
from etl import scratch
from etl.warehouse import SHAPE, look, shape_of
from settings import warehouse_path
from ui import auth


class _Current:
    """The one open connection and the warehouse version it reads (shared by all sessions)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: tuple[str, str] | None = None
        self.con: duckdb.DuckDBPyConnection | None = None


@st.cache_resource(show_spinner=False)
def _current() -> _Current:
    """The server's one connection holder, made at its first page: first remove what a killed load left
    (etl.scratch.sweep_after_crash: scratch folders with plain NIPs, temporary warehouses)."""
    scratch.sweep_after_crash(current_path())
    return _Current()


def _connection(path: str, version: str) -> duckdb.DuckDBPyConnection:
    """Return the read-only connection for this version of the warehouse.

    DuckDB keeps one database instance per path in a process: while a connection to the old file
    is open, connecting again returns the old snapshot. So the old connection is closed first.
    Queries already running on its cursors finish on the old snapshot.
    """
    current = _current()
    with current.lock:
        if current.key != (path, version):
            if current.con is not None:
                current.con.close()
                current.con = None
            current.con = open_warehouse(Path(path))
            current.key = (path, version)
        return current.con


@st.cache_data(ttl=3600, max_entries=1024, show_spinner=False)
def _fetch(
    module: str, name: str, path: str, version: str, filters: Filters | None, extra: tuple, scope: Scope | None
) -> pd.DataFrame | dict:
    """Return query function `module.name` read through the guarded path (analytics.privacy.release: declared
    columns, scope, small groups); cached by warehouse version, arguments and the reader's scope."""
    if not module.startswith("analytics.queries."):
        raise ValueError(f"not a query module: {module}")
    con = _connection(path, version)
    function = getattr(importlib.import_module(module), name)
    return release.read(con, function, filters, *extra, scope=scope)


def connection() -> duckdb.DuckDBPyConnection:
    """Return the read-only connection to the current warehouse version (shared; query it through
    analytics.db.run, which takes a cursor per query)."""
    path = current_path()
    return _connection(str(path), warehouse_version(path))


def current_path() -> Path:
    """Return the warehouse path the app reads ($ASN_WAREHOUSE or data/warehouse.duckdb)."""
    return warehouse_path()


@st.cache_data(max_entries=8, show_spinner=False)
def _problem(path: str, version: str) -> str | None:
    """Return what keeps this version of the warehouse from the pages (None: nothing): 'warehouse_damaged' (it does
    not open or list its tables: etl.warehouse.look) or 'warehouse_outdated' (made by an older version of the app,
    in another shape). Read on the app's own connection, cached per version: a new connection to the same path
    would see the snapshot an older connection still holds."""
    try:
        con = _connection(path, version)
        look(con)
        made = shape_of(con)
    except duckdb.Error:
        return "warehouse_damaged"
    return None if made == SHAPE else "warehouse_outdated"


def problem() -> str | None:
    """Return the text key of what keeps the pages from the warehouse: 'no_warehouse', 'warehouse_damaged',
    'warehouse_outdated', or None when it can be read."""
    path = current_path()
    version = warehouse_version(path)
    return "no_warehouse" if version == "" else _problem(str(path), version)


def readable() -> bool:
    """Return True when the warehouse file exists and can be read (a damaged one: the pages say so)."""
    return problem() in (None, "warehouse_outdated")


class Damaged(RuntimeError):
    """The warehouse file could not be read past a damaged part."""


def provinsi() -> dict[str, str]:
    """Return kota -> provinsi of the warehouse (empty before the first load, or when it cannot be read): what
    grants by province need."""
    if not readable():
        return {}
    path = current_path()
    version = warehouse_version(path)
    info = _fetch(queries.warehouse_info.__module__, "warehouse_info", str(path), version, None, (), None)
    return dict(info.provinsi)


def scope() -> Scope | None:
    """Return the scope of the person reading (None: every city, the local mode); refuse (OutOfScope) a visitor
    without access, so nothing is read for them even if a page forgot to stop."""
    who = auth.access(provinsi)  # the warehouse's provinces only for a signed-in person
    if who is None:
        raise OutOfScope("this visitor has no access to any city")
    return who.scope


def fetch(function: Callable, filters: Filters | None = None, *extra: object) -> pd.DataFrame:
    """Return what a query function of analytics.queries answers for these filters, as the person reading may
    see it (analytics.privacy.release.read: their scope; numbers about fewer than 5 people read '<5'), cached
    per warehouse version. The pages, the download panel and the meeting files read every query through here."""
    path = current_path()
    version = warehouse_version(path)  # a stat of the file at every read: a load's swap is seen at the next one
    try:
        return _fetch(function.__module__, function.__name__, str(path), version, filters, extra, scope())
    except duckdb.Error as problem:  # damage deeper than the quick look sees; any other error stays itself
        if isinstance(problem, duckdb.IOException) or "Corrupt database file" in str(problem):
            raise Damaged(str(problem)) from None
        raise


def admits(function: Callable) -> bool:
    """Return True when the person reading may read `function` at all (analytics.privacy.scope.admits: a
    whole-deployment answer, such as the load history, is refused to a scoped reader)."""
    return release.admits(function, scope())


fetch.releases = True  # reads through analytics.privacy.release: the meeting files accept it (see release.Reader)
