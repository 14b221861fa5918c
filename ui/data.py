"""Cached access to the warehouse for the pages.

One read-only connection per warehouse version (cache_resource, closed when a newer load replaces
the file), a cursor per query (inside analytics.db.run), and query results cached per filter
value (cache_data) so moving between pages does not query twice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from analytics import queries
from analytics.db import open_warehouse, warehouse_version
from analytics.filters import Filters
from etl.paths import warehouse_path


def _close(con: duckdb.DuckDBPyConnection) -> None:
    con.close()


@st.cache_resource(max_entries=2, on_release=_close, show_spinner=False)
def _connection(path: str, version: str) -> duckdb.DuckDBPyConnection:
    """Return the read-only connection for one version of the warehouse (cached across sessions)."""
    return open_warehouse(Path(path))


@st.cache_data(ttl=3600, max_entries=1024, show_spinner=False)
def _fetch(name: str, path: str, version: str, filters: Filters | None, extra: tuple) -> pd.DataFrame | dict:
    """Run query function `name` of analytics.queries; cached by warehouse version and arguments."""
    con = _connection(path, version)
    function = getattr(queries, name)
    return function(con, filters, *extra) if filters is not None else function(con)


def current_path() -> Path:
    """Return the warehouse path the app reads ($ASN_WAREHOUSE or data/warehouse.duckdb)."""
    return warehouse_path()


def available() -> bool:
    """Return True when a warehouse file exists."""
    return warehouse_version(current_path()) != ""


def fetch(function: Callable, filters: Filters | None = None, *extra: object) -> pd.DataFrame:
    """Return the result of a query function of analytics.queries for these filters (cached)."""
    path = current_path()
    return _fetch(function.__name__, str(path), warehouse_version(path), filters, extra)
