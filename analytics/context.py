"""What a page, a download or a meeting file is about: one typed value instead of (lang, filters, info)
passed by hand through every signature. No Streamlit here; ui.state builds it from the sidebar, the
command line from its flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from analytics.privacy.scope import Scope
from analytics.queries.filters import Filters


@dataclass(frozen=True)
class WarehouseInfo:
    """Facts about the loaded data (analytics.queries.warehouse_info)."""

    loaded_at_utc: dt.datetime | None  # when the last load finished (UTC, naive as DuckDB stores it)
    synthetic: bool  # the demo data: every page and file says so
    rows_rejected: int  # source rows the last load rejected
    kota: list[str]  # the cities in the warehouse, sorted
    provinsi: Mapping[str, str]  # kota -> provinsi (for the time zone and the "same province" peers)
    tahun: list[int]  # the years in scope, sorted
    ukuran: Mapping[str, str] = field(default_factory=dict)  # kota -> domain.SIZE_BANDS name, latest year


@dataclass(frozen=True)
class PageContext:
    """The reader's language, the chosen filters (None when no city is chosen), the warehouse facts, and the
    reader's scope (None or Scope(): every city, the local mode; ui.state fills it from sign-in, the command line
    from --sebagai)."""

    lang: str
    filters: Filters | None
    info: WarehouseInfo
    scope: Scope | None = None
