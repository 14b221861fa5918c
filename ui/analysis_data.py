"""Cached access for the analysis pages: the query functions of analytics.analysis.

ui.data.fetch resolves functions by name in analytics.queries only; this does the same for
analytics.analysis, on ui.data's connection (one per warehouse version) and with the same cache
policy, so both kinds of query share a connection and invalidate together when a load replaces
the warehouse.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from analytics import analysis
from analytics.db import warehouse_version
from analytics.filters import Filters
from ui import data


@st.cache_data(ttl=3600, max_entries=1024, show_spinner=False)
def _fetch(name: str, path: str, version: str, filters: Filters, extra: tuple) -> pd.DataFrame:
    """Run query function `name` of analytics.analysis; cached by warehouse version and arguments."""
    con = data._connection(path, version)
    return getattr(analysis, name)(con, filters, *extra)


def fetch(function: Callable, filters: Filters, *extra: object) -> pd.DataFrame:
    """Return the result of a query function of analytics.analysis for these filters (cached)."""
    path = data.current_path()
    return _fetch(function.__name__, str(path), warehouse_version(path), filters, extra)
