"""What the warehouse holds: the facts of the last load and the values the filters can take."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb
import pandas as pd

import domain
from analytics.queries.db import query_sql, run
from analytics.queries.declare import query


@dataclass(frozen=True)
class WarehouseInfo:
    """Facts about the loaded data (analytics.queries.warehouse_info)."""

    loaded_at_utc: dt.datetime | None  # when the last load finished (UTC, naive as DuckDB stores it)
    synthetic: bool  # the demo data: every page and file says so
    rows_rejected: int | None  # source rows the last load rejected (None for a scoped reader: every government's)
    kota: list[str]  # the cities in the warehouse, sorted
    provinsi: Mapping[str, str]  # kota -> provinsi (for the time zone and the "same province" peers)
    tahun: list[int]  # the years in scope, sorted
    ukuran: Mapping[str, str] = field(default_factory=dict)  # kota -> domain.SIZE_BANDS name, latest year


@query(facts=True, shared=True, withheld=("rows_rejected",))  # cities and years: every reader's
def warehouse_info(con: duckdb.DuckDBPyConnection) -> WarehouseInfo:
    """Return facts about the loaded data (WarehouseInfo): last load time (UTC), synthetic
    flag, rejected rows, cities with their provinces and size bands (domain.SIZE_BANDS, from the ASN of the
    latest year), and years."""
    last = run(
        con,
        "SELECT finished_at_utc, synthetic, rows_rejected FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1",
    )
    cities = run(con, "SELECT kota, provinsi FROM stg_kota ORDER BY kota")
    tahun = run(con, "SELECT tahun FROM int_tahun ORDER BY tahun")["tahun"].astype(int).tolist()
    sizes = run(
        con, "SELECT kota, jumlah_asn FROM ringkasan_kota_tahun WHERE tahun = (SELECT max(tahun) FROM int_tahun)"
    )
    return WarehouseInfo(
        loaded_at_utc=None if last.empty else last.iloc[0]["finished_at_utc"].to_pydatetime(),
        synthetic=bool(not last.empty and last.iloc[0]["synthetic"]),
        rows_rejected=0 if last.empty else int(last.iloc[0]["rows_rejected"]),
        kota=cities["kota"].tolist(),
        provinsi=dict(zip(cities["kota"], cities["provinsi"], strict=True)),
        tahun=tahun,
        ukuran={k: domain.size_band(int(n)) for k, n in zip(sizes["kota"], sizes["jumlah_asn"], strict=True)},
    )


@query(grain=("kota", "opd", "kategori_jabatan", "jenis_asn"))
def filter_options(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the combinations the people filters can take: one row per kota, opd, kategori_jabatan,
    jenis_asn present in the warehouse."""
    return run(con, query_sql("pilihan"))
