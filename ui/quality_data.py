"""Cached access for the data-quality page: the query functions of analytics.quality.

Same pattern as ui/analysis_data.py: ui.data.fetch resolves functions in analytics.queries only;
this runs analytics.quality functions on ui.data's connection (one per warehouse version) with the
same cache policy, so they invalidate together when a load or a restore replaces the warehouse.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from analytics import quality
from analytics.db import warehouse_version
from analytics.filters import Filters
from ui import data


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False)
def _fetch(name: str, path: str, version: str, filters: Filters | None) -> pd.DataFrame:
    """Run query function `name` of analytics.quality; cached by warehouse version and filters."""
    con = data._connection(path, version)
    function = getattr(quality, name)
    return function(con, filters) if filters is not None else function(con)


def fetch(function: Callable, filters: Filters | None = None) -> pd.DataFrame:
    """Return the result of a query function of analytics.quality (cached per warehouse version)."""
    path = data.current_path()
    return _fetch(function.__name__, str(path), warehouse_version(path), filters)
